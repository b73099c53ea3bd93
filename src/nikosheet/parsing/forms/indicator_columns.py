"""Section 4's indicator table whose first row plain pdftotext wrote a column at a time.

Plain pdftotext of a LibreOffice PDF writes a table's text blocks in its own order: for the outcomes'
table that is often each header cell followed by the first row's cell below it (its lines, a list's
bullets drawn apart as lines of their own, `・`), the next rows after the last column's cell:

    課題解決の達成度を測る指標     課題解決の達成度を測る指標 目標値(R4年度当初) 実績値(R4年度末) 具体的な成果・効果
    ① 長期入院者の地域移行         ① 長期入院者の地域移行
    目標値 (R4 年度当初)           ・地域移行支援の利用者数 40 人 ・ピアサポーターの病院訪問 24 回
    ・                        →    ・地域移行支援の利用者数 33 人 ・ピアサポーターの病院訪問 19 回
    ・地域移行支援                 ・ピアサポーターが病棟で体験を語ることで、…
    ・                             ② 医療中断 …
    の利用者数 40 人
    ・ピアサポータ
    ーの病院訪問 24
    回
    実績値 (R4 年度末)
    …
    具体的な成果・効果
    …
    ② 医療中断 …

The header's cells are the template's own words, so they are known wherever they stand.  The table
is taken only when its four cells come in order, each right after the one before's cell (the first
row's name starts with its number, ①), no cell of it empty but the effects: its header is written
on its first line, its cells joined, each on its first line, a cell's lone bullets (drawn, the items
have their own) dropped.  The rows are then a cell per line, as `cell_lines_tables` reads them,
with any later rows after them as the converter wrote them.  It runs right before that reader: the
joined cells are wider than the page's lines, which the forms before it measure (the history's
paragraph after its table is told by its lines as wide as the page).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import (
    CIRCLED,
    HEADING,
    OUTCOMES,
    SPACE,
    STOP,
    Piece,
    join_cell,
    non_blank,
)

_HEADER_LINES = 4  # lines a header cell may wrap over (a narrow first column: `課題解決` `の達成度` `を測る指` `標`)
_CELL_LINES = 40  # lines a cell may take, at most
# a value at the end of a name's first line, the words before it no number (`市町村の18市町村`)
VALUE_AT_END = re.compile(
    r"(?<=[^\s0-9０-９,])\s*(?:年間?|月|週)?[0-9０-９][0-9０-９,]*\s*(?:回|人|名|件|か所|カ所|箇所|病院|市町村|圏域|%|％)$"
)


def apply(state: FormState) -> None:
    """Lift the header cells of each outcomes table whose first row came a column at a time."""
    if not signals.indicator_columns(state.source):
        return
    tokens = non_blank(state.lines)
    k = 0
    while k < len(tokens):
        k = _rebuild(state, tokens, k)


def _cell_at(tokens: list[Piece], k: int, which: int) -> int:
    """How many tokens from k make the header's `which`-th cell alone (0: none)."""
    pattern = OUTCOMES.cells[which]
    text = ""
    for n in range(min(_HEADER_LINES, len(tokens) - k)):
        if "\t" in tokens[k + n][1]:
            return 0
        text += SPACE.sub("", tokens[k + n][1])
        if pattern.fullmatch(text):
            return n + 1
    return 0


def _ends_cell(text: str) -> bool:
    """Whether a line is past the first row's cell: the next row, a heading, a marker, a table row."""
    return any(p.match(text) is not None for p in (CIRCLED, HEADING, STOP)) or "\t" in text


def _rebuild(state: FormState, tokens: list[Piece], k: int) -> int:
    """The table whose header's first cell starts at token k, rebuilt when it reads as described: the
    next token to look at."""
    taken = _cell_at(tokens, k, 0)
    if not taken:
        return k + 1
    heads: list[list[Piece]] = [list(tokens[k : k + taken])]
    cells: list[list[Piece]] = []
    j = k + taken
    last = len(OUTCOMES.header) - 1
    for which in range(1, last + 1):  # the cell under each header cell but the last, then that header cell
        cell, j = _cell(tokens, j, which)
        got = _cell_at(tokens, j, which) if j < len(tokens) else 0
        if which == 2 and not cells[0] and got:  # the name written after the next header cell, before its own
            cells[0], cell = _name_box(cell)
        if not got or (not _kept(cell) and which > 1) or (which > 1 and any(_ends_cell(t) for _, t, _ in cell)):
            return k + 1
        cells.append(cell)
        heads.append(list(tokens[j : j + got]))
        j += got
    effects, j = _cell(tokens, j, None)
    cells.append(effects)
    name = cells[0][0][1]
    if not CIRCLED.match(name) or any(CIRCLED.match(t) for _, t, _ in cells[0][1:]) or len(effects) == _CELL_LINES:
        return k + 1
    if j < len(tokens) and CIRCLED.match(tokens[j][1]) and tokens[j][1][0] != chr(ord(name[0]) + 1):
        return k + 1  # the effects a numbered list (`①…` `②…`), not ended by the next row: not told apart
    _write(state, heads, cells)
    return j


def _name_box(cell: list[Piece]) -> tuple[list[Piece], list[Piece]]:
    """A cell's lines cut after the first row's name, where the name came with the target below the
    target's header cell (`目標値 (R4 年度当初)` `① 長期入院` `者の地域移行` ⏎ `・地域移行支援` …): the
    name's box (up to the first blank line, no value in it), then the target's lines; else no name."""
    end = next((n for n in range(1, len(cell)) if cell[n][2]), len(cell))
    name, rest = cell[:end], cell[end:]
    value = VALUE_AT_END.search(name[0][1]) if len(name) > 1 else None
    if value is not None:  # the target's one line run on after the name's first (`① 市町村の 18 市町村` `協議の場の`)
        (i, text, blank), (after, _, _) = name[0], name[1]
        name = [(i, text[: value.start()].rstrip(), blank), *name[1:]]
        rest = [(after, value.group().strip(), False), *rest]
    if not name or not CIRCLED.match(name[0][1]) or not _kept(rest) or any(is_value(t) for _, t, _ in name):
        return [], cell
    return name, rest


def _cell(tokens: list[Piece], j: int, which: int | None) -> tuple[list[Piece], int]:
    """The lines from token j up to the header's `which`-th cell (None: the first row's last cell, up to
    the next row, a heading, a marker or a table row), at most a cell's; the token after them."""
    cell: list[Piece] = []
    while j < len(tokens) and len(cell) < _CELL_LINES:
        if _cell_at(tokens, j, which) if which is not None else _ends_cell(tokens[j][1]):
            break
        cell.append(tokens[j])
        j += 1
    return cell, j


def _kept(cell: list[Piece]) -> list[Piece]:
    """A cell's lines but its lone bullets."""
    return [piece for piece in cell if piece[1].strip() not in LONE_BULLETS]


def _write(state: FormState, heads: list[list[Piece]], cells: list[list[Piece]]) -> None:
    """The header on its first line, its cells joined by a space; each cell joined on its first line."""
    lines = state.lines
    for i, _, _ in (piece for head in heads for piece in head):
        lines[i] = None
    lines[heads[0][0][0]] = " ".join(SPACE.sub("", "".join(t for _, t, _ in head)) for head in heads)
    for n, cell in enumerate(cells):
        kept = _kept(cell)
        for i, _, _ in cell:
            lines[i] = None
        if kept:
            lines[cell[0][0]] = join_cell(kept) if n else _name(kept)


def _name(cell: list[Piece]) -> str:
    """An indicator's name's lines as one: no list, so a line that starts with `・` goes on the words
    before it (`…、市町村` `・精神科病院・…`); Latin words a space apart."""
    text = ""
    for _, part, _ in cell:
        text += " " if text[-1:].isascii() and text[-1:].isalnum() and part[0].isascii() else ""
        text += part
    return text
