"""A laid-out text's lines (`pdftotext -layout`, pdfplumber's and pypdf's layout modes): their pieces
between runs of spaces, headings and blank lines, as `layout_columns` and
`layout_prose` read them.
"""

from __future__ import annotations

from nikosheet.parsing.forms.template_tables import RANGE_YEAR_CUT
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import RANGE_MARKS

# compiled on first use (see `lazy_re`): every run imports this module (the issues' reader joins lines
# with it), and only a laid-out text asks these patterns
_SEGMENT_RE = compile_lazily(r"\S+(?: \S+)*")
# a label's own note, which some converters set apart: (R6年4月時点), ※630調査
_NOTE_RE = compile_lazily(r"[(（](?:R|H|令和|平成)|※")
_HEADING_RE = compile_lazily(r"[0-9０-９]{1,2}[.．]?\s+\S")
_SETUP_LABELS = ("都道府県", "障害保健福祉圏域", "市町村", "市区町村")
BULLETS = "・･●○◆◇■□◎★☆※①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ITEM_BULLETS = "・･①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # what a cell's list item or numbered line starts with


def segments(line: str) -> list[tuple[int, str]]:
    """The line's pieces between runs of two spaces or more, with the position each starts at."""
    pieces = [(m.start(), m.group()) for m in _SEGMENT_RE.finditer(line)]
    merged: list[tuple[int, str]] = []
    for start, text in pieces:
        gap = start - (merged[-1][0] + len(merged[-1][1])) if merged else 0
        if merged and (gap < 2 or (gap <= 8 and _NOTE_RE.match(text))):
            merged[-1] = (merged[-1][0], merged[-1][1] + " " + text)
        else:
            merged.append((start, text))
    return [piece for start, text in merged for piece in _split_label(start, text)]


def _split_label(start: int, text: str) -> list[tuple[int, str]]:
    """A row label that a converter set one space after the group's label: `…によ 障害保健福祉圏域`."""
    head, space, tail = text.rpartition(" ")
    if space and tail in _SETUP_LABELS and len(head) >= 8:
        return [(start, head), (start + len(head) + 1, tail)]
    return [(start, text)]


def is_blank(line: str | None) -> bool:
    return line is None or not line.strip()


def is_heading(line: str) -> bool:
    segs = segments(line)
    return len(segs) == 2 and _HEADING_RE.match(line.lstrip()) is not None and len(segs[0][1]) <= 3


def join_lines(pieces: list[str]) -> str:
    """A cell's lines as one: Japanese without a space, Latin words, numbers and a comma's next word with one."""
    text = pieces[0]
    for piece in pieces[1:]:
        if _needs_space(text, piece):
            text += " " + piece
        else:
            text += piece
    return text


def _needs_space(before: str, after: str) -> bool:
    a, b = before[-1], after[0]
    if a.isascii() and b.isascii() and (a.isalnum() or a in ")%") and b.isalnum():
        return True
    if a in ",;":  # a comma's space, where the line wrapped: `センター,` / `事務局`
        return True
    if a in RANGE_MARKS or RANGE_YEAR_CUT.search(before):  # a range goes on: `R6年7月～` / `9月`, `…～R6年` / `1月`
        return False
    return b.isdigit() and any(ch.isdigit() for ch in before)
