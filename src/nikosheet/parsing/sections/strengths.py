"""Section 5, 現時点における強みと課題: strengths, issues with roles, planned indicators."""

from __future__ import annotations

from collections.abc import Iterator

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_items, cell_text, circled_number, strip_bullet, strip_tags
from nikosheet.parsing.forms._shared import unbalanced
from nikosheet.parsing.forms.layout_lines import join_lines
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import Block, blocks, squeeze
from nikosheet.parsing.memo import cached
from nikosheet.parsing.sections.common import (
    cells_of,
    header_paren,
    indicator_name,
    indicator_rows,
    is_header,
    marker,
    marker_words,
    text_of,
    value_text,
)
from nikosheet.parsing.state import Context
from nikosheet.plain import Data
from nikosheet.vocabulary import PLANNED_COLUMNS

_SECTORS = (
    ("行政", "administration"),
    ("保健", "administration"),
    ("医療", "medical"),
    ("福祉", "welfare"),
    ("その他", "others"),
    ("住民", "others"),
)


@cached()  # the four sectors' labels, in every sheet
def sector_key(label: str) -> str | None:
    """The role column a sector label names: administration, medical, welfare or others."""
    s = squeeze(strip_tags(label))
    for word, key in _SECTORS:
        if s.startswith(word):
            return key
    return None


def read(ctx: Context, sec: Section) -> Data:
    """Section 5 as plain data of the `models.StrengthsAndIssues` shape."""
    out: Data = {
        "strengths": [],
        "issues": [],
        "current_as_of": None,
        "target_as_of": None,
        "indicators": [],
        "text": [],
    }
    rest: list[Block] = []
    items: list[tuple[Block, list[str]]] = []  # the strengths' blocks and their items
    in_strengths = False
    for b in blocks(sec.lines):
        if b.kind == "table":
            in_strengths = False
            head = b.rows[0]
            if is_header(head, "課題") and is_header(head, "役割"):
                _issues(ctx, b, out)
            elif is_header(head, "指標") and (is_header(head, "現状") or is_header(head, "目標")):
                _indicators(ctx, b, out)
            else:
                rest.append(b)
        elif len(b.lines) == 1 and marker(b.lines[0], "特徴") and "強み" in squeeze(b.lines[0].text):
            in_strengths = True
            out["strengths"].extend(_unnumbered(items))
            items.clear()
            words = marker_words(ctx, b.lines[0])
            if words:
                out["strengths"].extend(text_of(ctx, [words]))
        elif in_strengths and (b.kind in ("item", "para") or _item_heading(b)):
            items.append((b, _strengths(ctx, b)))
        else:
            rest.append(b)
    out["strengths"].extend(_unnumbered(items))
    out["text"] = text_of(ctx, rest)
    return out


def _item_heading(b: Block) -> bool:
    """A strength's line that a converter marked as a heading (`### ・保健所と…がある。`, `#### 1. …`):
    a heading that starts with a bullet or a number."""
    if b.kind != "heading":
        return False
    text = b.lines[0].text.strip()
    return strip_bullet(text) != text


def _strengths(ctx: Context, b: Block) -> list[str]:
    """The strengths of a list item, paragraph or item-like heading after `【特徴(強み)】`, one a sentence
    where a converter ran them into one line or paragraph (`・Aがある。 ・Bができる。`, or
    `A である。` / `B ができる。` on lines of their own), each item's wrapped lines joined
    (`…相談体制があ` / `る。` → `…相談体制がある。`)."""
    block = Block("item", b.lines) if b.kind == "heading" else b
    out: list[str] = []
    for text in text_of(ctx, [block]):
        for piece in _sentences(text):
            lines = [ln for ln in map(str.strip, piece.split("\n")) if ln]
            if lines:
                out.append(strip_bullet(join_lines(lines)))
    return out


def _unnumbered(items: list[tuple[Block, list[str]]]) -> list[str]:
    """The strengths of the blocks in turn.  Where the blocks are numbered in turn (`1.` `2.` …) with no
    space after a number (the PDF's text lost them all) and one number before a word (`2.地域ケアプラザ…`),
    a number right before a digit is cut too (`1.18区すべてに…`, `1.5つの福祉保健所が…`); else such a
    start may be a decimal (`1.5倍に…`, `2.0版の…` after `1. …`) and is kept."""
    firsts = [b.lines[0].text.lstrip(" \u3000") for b, _ in items]
    marks = [_NUMBER_MARK.match(first) for first in firsts]
    in_turn = (
        len(items) > 1
        and [circled_number(first)[0] for first in firsts] == list(range(1, len(items) + 1))
        and all(m is not None and not m[2] for m in marks)
        and any(m is not None and m[3] not in _DIGITS for m in marks)
    )
    out: list[str] = []
    for m, (_, texts) in zip(marks, items, strict=True):
        if in_turn and texts and m is not None and m[3] in _DIGITS and texts[0].startswith(m[1]):
            texts = [texts[0][len(m[1]) :], *texts[1:]]
        out += texts
    return out


# a block's number (`1.`), the space after it, and the character after that
_NUMBER_MARK = compile_lazily(r"([0-9０-９]{1,2}[.．])([ \u3000]*)(.)")
_DIGITS = "0123456789０１２３４５６７８９"


def _sentences(text: str) -> Iterator[str]:
    """A text cut after each sentence's end, but not inside brackets (`…取組(例:C。 D)を行う。` is one)."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if unbalanced(text[start : end.start()]) <= 0:
            yield text[start : end.start()]
            start = end.end()
    yield text[start:]


# a sentence's end and a space or line after it, or the bullet of the next item (`…がある。・B`)
_SENTENCE_END = compile_lazily(r"(?<=。)(?:[ \u3000\n]*(?=[・･])|[ \u3000\n]+(?=\S))")


def _issues(ctx: Context, block: Block, out: Data) -> None:
    rows = block.rows
    ctx.take(rows[0].line)
    for row in rows[1:]:
        issue, policy, sector, role = _issue_cells(row.cells)
        if not row.continued or not out["issues"]:
            out["issues"].append(
                {
                    "issue": cell_text(issue),
                    "policies": cell_items(policy),
                    "roles": {"administration": [], "medical": [], "welfare": [], "others": []},
                    "line": row.line,
                }
            )
        elif policy:
            out["issues"][-1]["policies"] += cell_items(policy)
        if sector or role:
            key = sector_key(sector)
            if key is None:
                ctx.diag(Diagnostic.UNKNOWN_SECTOR, row.line, str(messages.UNKNOWN_SECTOR(sector=strip_tags(sector))))
                key = "others"
            out["issues"][-1]["roles"][key] += cell_items(role)
        ctx.take(row.line)


def _issue_cells(cells: list[str]) -> list[str]:
    """An issues' row's four cells.  A laid-out text's row may hold more, its columns split where its
    lines' words stood apart (`課題`, `方針`, ``, `行政`, ``, `取組`): the cells before the role's word
    are the policy's, every cell after it the role's action; none is dropped."""
    if len(cells) <= _ISSUE_CELLS:
        return cells + [""] * (_ISSUE_CELLS - len(cells))
    at = next((k for k in range(2, len(cells)) if _role_word(cells[k])), 2)
    policy = " ".join(c for c in cells[1:at] if c.strip())
    return [cells[0], policy, cells[at], " ".join(c for c in cells[at + 1 :] if c.strip())]


_ISSUE_CELLS = 4
_ROLE_WORD = 12  # characters of `その他関係機関・住民等`, the longest role's word


def _role_word(cell: str) -> bool:
    word = squeeze(strip_tags(cell))
    return 0 < len(word) <= _ROLE_WORD and sector_key(word) is not None and not any(c in word for c in "、。,")


def _indicators(ctx: Context, block: Block, out: Data) -> None:
    header, rows = indicator_rows(ctx, block)
    out["current_as_of"] = header_paren(header[1])
    out["target_as_of"] = header_paren(header[2])
    for row in rows:
        name_cell, current, target, effects = cells_of(row, 4, rest=True)
        number, name = indicator_name(name_cell)
        if not (name or current or target or effects):
            ctx.diag(Diagnostic.EMPTY_ROW, row.line, str(messages.EMPTY_INDICATOR_ROW()))
            ctx.take(row.line)
            continue
        out["indicators"].append(
            {
                "number": number,
                "name": name,
                "current": value_text(ctx, current, row.line, "現状値"),
                "target": value_text(ctx, target, row.line, "目標値"),
                "expected_effects": value_text(ctx, effects, row.line, PLANNED_COLUMNS["expected_effects"]),
                "line": row.line,
            }
        )
        ctx.take(row.line)
