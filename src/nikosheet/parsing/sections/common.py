"""Pieces the section readers share: paragraphs, tables with headers, markers."""

from __future__ import annotations

import re
from collections.abc import Iterable

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_text, circled_number, strip_bullet, strip_tags
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import TEXT, Block, Line, Row, new_line, squeeze
from nikosheet.parsing.memo import cached
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.template import is_guidance, is_placeholder

_SPACE = " \t\u3000\u00a0"


def block_text(block: Block) -> str:
    """A paragraph, list item or heading as one text: its lines joined with a newline."""
    parts = []
    last = len(block.lines) - 1
    for i, ln in enumerate(block.lines):
        t = strip_tags(ln.text) if "<" in ln.text else ln.text
        if i == 0 and block.kind == "item":
            t = strip_bullet(t)
        if i < last and t.endswith("\\") and not t.endswith("\\\\"):
            t = t[:-1]  # pandoc's hard line break (`…の開催\`): the line's end, no text
        if t:
            parts.append(t)
    return "\n".join(parts)


def text_of(ctx: Context, blocks: Iterable[Block]) -> list[str]:
    """Paragraphs, items and sub-headings as a list of texts; template guidance set apart."""
    out: list[str] = []
    for b in blocks:
        if b.kind == "table":
            continue
        kept = []
        for ln in b.lines:
            if is_guidance(ln.text):
                ctx.template(ln)
            else:
                kept.append(ln)
                ctx.take(ln.no)
        if kept:
            whole = b if len(kept) == len(b.lines) else Block(b.kind, kept)
            for x in _items(whole):
                t = block_text(x)
                if t:
                    out.append(t)
    return out


def _items(b: Block) -> list[Block]:
    """A paragraph whose every line is numbered (`1. …`, `①…`) is a list: one item a line."""
    if b.kind != "para":
        return [b]
    for ln in b.lines:  # (a loop, not all() over a generator: asked of every paragraph)
        if circled_number(ln.text)[0] is None:
            return [b]
    return [Block("item", [ln]) for ln in b.lines]


def is_header(row: Row, *words: str) -> bool:
    """Whether the row holds every one of the words (in its squeezed signature)."""
    s = row.signature
    for w in words:  # noqa: SIM110 (a loop, not all() over a generator: asked of thousands of rows a batch)
        if w not in s:
            return False
    return True


def cells_of(row: Row, n: int, rest: bool = False) -> list[str]:
    """The first n cells of a row, padded with empty ones; with `rest`, the n-th also holds the text of
    every cell after it (a laid-out text may split a table's last column where its lines' words stood
    apart: no cell of text is dropped)."""
    c = row.cells[:n]
    if rest and len(row.cells) > n and any(x.strip() for x in row.cells[n:]):
        c[-1] = " ".join(x for x in row.cells[n - 1 :] if x.strip())
    return c if len(c) == n else c + [""] * (n - len(c))


@cached()  # the template's header cells, in every sheet
def header_paren(cell: str) -> str | None:
    """`目標値 (R4年度当初)` → `R4年度当初`."""
    t = strip_tags(cell)
    for o, c in (("(", ")"), ("（", "）")):
        i, j = t.find(o), t.rfind(c)
        if 0 <= i < j:
            return t[i + 1 : j].strip(_SPACE) or None
    return None


def value_text(ctx: Context, cell: str, line: int, what: str) -> str | None:
    """A text cell; empty → None with a missing-value diagnostic; a placeholder → None."""
    t = cell_text(cell)
    if t is None:
        ctx.diag(Diagnostic.MISSING_VALUE, line, str(messages.EMPTY(what=what)))
        return None
    if is_placeholder(t) and len(t) <= 12:
        ctx.diag(Diagnostic.PLACEHOLDER, line, str(messages.PLACEHOLDER_VALUE(what=what, text=t)))
        return None
    return t


def guidance_row(ctx: Context, ln: Line, start: int = 1) -> bool:
    """A table row that holds only template guidance (a `③` and `※指標設定が…`)."""
    cells = [c for c in (ln.cells or [])[start:] if c]
    if not cells:
        return False
    for c in cells:  # (a loop, not all() over a generator: asked of every indicator row)
        if not is_guidance(c):
            return False
    ctx.template(ln, Diagnostic.GUIDANCE_ROW, messages.GUIDANCE_ROW_LEFT)
    return True


def indicator_rows(ctx: Context, block: Block) -> tuple[list[str], list[Row]]:
    """An indicator table (section 4 or 5): its header cells and its rows, guidance rows set apart."""
    rows = block.rows
    ctx.take(rows[0].line)
    lines = {ln.no: ln for ln in block.lines}
    return cells_of(rows[0], 4), [r for r in rows[1:] if not guidance_row(ctx, lines[r.line])]


def indicator_name(cell: str) -> tuple[int | None, str | None]:
    """`①保健医療と福祉の連携` → (1, '保健医療と福祉の連携'); `③` → (3, None)."""
    number, name = circled_number(strip_tags(cell))
    return number, name or None


def marker(ln: Line, word: str) -> bool:
    """A line such as 【特徴(強み)】 that opens a part of a section."""
    return word in squeeze(ln.text)[:20]


_CLOSING = "】］]＞>"  # what closes a marker's label


def marker_words(ctx: Context, ln: Line) -> Block | None:
    """Take a marker line (`【その他事項】`); the words after its label come back as a paragraph of their
    own, content written on the marker's line that must not vanish.  Guidance printed after the label
    (`※…記載ください`, or a part of it the page wrapped) is template text instead."""
    ctx.take(ln.no)
    text = ln.text
    close = -1
    for i, c in enumerate(text[:30]):  # (a loop, not next() over a generator)
        if c in _CLOSING:
            close = i
            break
    rest = text[close + 1 :].strip(_SPACE) if close >= 0 else ""
    if not rest:
        return None
    if rest[0] == "※" or is_guidance(rest):
        ctx.template(ln)
        return None
    return Block("para", [new_line(ln.no, rest, rest, TEXT)])


def joined(text: str | None, more: str | None) -> str | None:
    """A field's text with a continuation row's cell added on a line of its own."""
    if not more:
        return text
    return more if not text else f"{text}\n{more}"


# a date cell's date (R6年度, 令和5年6月, 2024年4月頃, 令和4年度～) and, after a space, more text
# that is not more of the date (4月～6月, 上半期, 第2四半期, （予定）)
_MORE_DATE = r"[\d０-９～~〜\-－(（]|上半期|下半期|第\s?\d+\s?四半期|[上中下]旬|頃|以降|から|まで|予定"
# a date at a cell's start (R6年度, 令和5年6月, 2024年4月頃, 令和4年度～)
DATE_HEAD = r"(?:令和|平成|[RH]|20\d\d)\s?(?:\d{1,2}|元)?\s?年度?(?:\s?\d{1,2}\s?月)?(?:[上中下]旬|頃|中|末|以降|～|~)?"
# (compiled on first use, and tried only on a cell that starts as DATE_HEAD does and holds a space: most date
# cells hold none, and a batch whose sheets have no such cell never pays the 0.3 ms of compiling it)
_DATED = compile_lazily(rf"({DATE_HEAD})[ \u3000]+(?!{_MORE_DATE})(\S.+)$", re.DOTALL)
DATE_FIRST = ("令", "平", "R", "H", "2")  # DATE_HEAD's first characters


def dated_cell(cell: str, beside: str) -> tuple[str, str]:
    """A year or month cell and the cell beside it: a date cell that holds the row's text after a space
    while the cell beside it is empty gives the text to that cell (a converter joined the two)."""
    if beside.strip():
        return cell, beside
    text = cell.strip()
    if not text.startswith(DATE_FIRST) or (" " not in text and "\u3000" not in text):
        return cell, beside
    m = _DATED.match(text)
    return (m.group(1), m.group(2)) if m else (cell, beside)
