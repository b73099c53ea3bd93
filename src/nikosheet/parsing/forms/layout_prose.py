"""The text around a laid-out text's tables: its paragraphs, list items and the body's name.

A laid-out text (`pdftotext -layout`, pdfplumber's and pypdf's layout modes) wraps a paragraph at the
page's width and sets a list item's wrapped lines under its text; after `layout_columns` has rebuilt
the tables, the other lines from section 1's heading on are joined back into their paragraphs (a
line that reaches the page's edge goes on in the next, unless a heading, a 【…】 label or a list item
starts there), 取組内容's lines made list items, and the body's name set apart.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.layout_lines import BULLETS, is_blank, is_heading, join_lines, segments
from nikosheet.parsing.sections.preamble import name_in

_SUBHEADING_RE = re.compile(r"【[^】]{1,24}】")
_FIRST_HEADING_RE = re.compile(r"[1１][.．]?[ \u3000]+\S")
_LIST_RE = re.compile(r"(?:[0-9０-９]{1,2}[.．)）]|[・･①-⑳])")
_LIST_LABELS = ("取組内容", "取り組み内容", "取組の内容")


def first_heading(lines: list[str | None]) -> int:
    return next(
        (k for k, line in enumerate(lines) if line is not None and _FIRST_HEADING_RE.match(line.lstrip(" \u3000"))), 0
    )


def write_prose(state: FormState, taken: set[int]) -> None:
    """Lines outside tables: indentation and gaps folded, paragraphs the page wrapped joined back."""
    lines = state.lines
    ends = [
        display_width(line.rstrip())
        for i, line in enumerate(lines)
        if line is not None and i not in taken and "\t" not in line and line.strip()
    ]
    if not ends:
        return
    page = sorted(ends)[int(len(ends) * 0.95)]
    items = _initiatives(lines, taken)
    run: list[int] = []
    body = False  # past section 1's heading: before it, a line with a gap is a slogan, not a label
    for i, line in enumerate(lines):
        if run and is_blank(line) and i not in taken and _bridges(lines, run[-1], i + 1, page, taken):
            run.append(i)  # a blank line some converters put inside a wrapped paragraph
            continue
        if i in taken or line is None or "\t" in line or is_blank(line) or is_heading(line):
            _flush(state, run, items, body)
            run = []
            if line is not None and is_heading(line):
                lines[i] = " ".join(line.split())
                body = True
            continue
        last = next(lines[k] or "" for k in reversed(run) if not is_blank(lines[k])) if run else ""
        if run and (i in items or not _continues(last, line, page)):
            _flush(state, run, items, body)
            run = []
        run.append(i)
    _flush(state, run, items, body)
    _mark_name(lines, taken)


def _initiatives(lines: list[str | None], taken: set[int]) -> set[int]:
    """The lines of the 取組内容 list (its bullets drawn, not written): indented below the label."""
    items: set[int] = set()
    label: int | None = None
    for i, line in enumerate(lines):
        if line is None or i in taken or is_blank(line):
            continue
        text = line.strip()
        if label is not None and _indent(line) > label:
            if text[0] not in "→・･-":
                items.add(i)
            continue
        label = _indent(line) if "".join(text.split()) in _LIST_LABELS else None
    return items


def _mark_name(lines: list[str | None], taken: set[int]) -> None:
    """The body's name on a line of its own before section 2, kept apart from the line next to it."""
    for i, line in enumerate(lines):
        if line is None or i in taken:
            continue
        if is_heading(line) or line.startswith("2 "):
            if line.lstrip().startswith(("2", "２")):
                return
            continue
        if name_in(line) is not None and "\t" not in line and not line.startswith("#"):
            lines[i] = "# " + line.strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000"))


def _continues(before: str, after: str, page: int) -> bool:
    text = after.strip()
    if before.rstrip()[-1] in "。":
        return False
    hanging = _LIST_RE.match(before.lstrip()) is not None and 0 < _indent(after) - _indent(before) <= 4
    if abs(_indent(before) - _indent(after)) > 1 and not hanging:
        return False
    return display_width(before.rstrip()) >= page * 0.9 and text[0] not in BULLETS + "【＜<#-"


def _bridges(lines: list[str | None], last: int, nxt: int, page: int, taken: set[int]) -> bool:
    """Whether the paragraph ending at `last` goes on at `nxt`, past one blank line."""
    before, after = lines[last], lines[nxt] if nxt < len(lines) else None
    if before is None or after is None or nxt in taken or is_blank(after) or "\t" in after:
        return False
    return not is_heading(after) and _continues(before, after, page)


def _flush(state: FormState, run: list[int], items: set[int], body: bool) -> None:
    if not run:
        return
    pieces = [" ".join(text.split()) for i in run if (text := state.lines[i] or "").strip()]
    segs = segments(state.lines[run[0]] or "")
    if body and len(run) == 1 and len(segs) == 2 and len(segs[0][1]) <= 12:
        state.lines[run[0]] = segs[0][1] + "\t" + segs[1][1]  # a label and its value: 長期目標  …
        return
    mark = "- " if run[0] in items else "## " if _SUBHEADING_RE.fullmatch(pieces[0]) else ""
    state.replace(run[0], run[-1], mark + join_lines(pieces))
