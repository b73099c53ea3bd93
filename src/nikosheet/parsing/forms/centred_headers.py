"""The header of a template table in a LibreOffice PDF's printed lines, for `centred_rows`.

LibreOffice centres each header cell's text in the header row: a cell of one line stands on the
middle line, a wrapped cell's first part above it and its rest below (five lines round a narrow first
column's four).  The header is found by its middle line and its cells by the template's words:

    開催
    名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)     →  名称, 協議の場の構成員, 開催頻度, …
    頻度
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms.centred_pivots import COUNCILS, DEPARTMENTS, INDICATOR_NAMES
from nikosheet.parsing.forms.line_cuts import literal_start
from nikosheet.parsing.forms.template_tables import MONTH_HEADER, ONE_PIVOT_COLUMN, Piece, Table

INDICATORS = (INDICATOR_NAMES,)
# the tables whose rows a date, a frequency, a sector word or a department finds: the councils', the
# history's (a year may head a group of rows), the departments', the sectors' and the schedules'
_FIRST_CELLS = (*COUNCILS, *INDICATORS, "課題", "年度", MONTH_HEADER, "各部門の連携状況", *DEPARTMENTS)
_TABLES = tuple(t for t in ONE_PIVOT_COLUMN if t.header[0] in _FIRST_CELLS)


def centred(tokens: list[Piece]) -> bool:
    """Whether the text has a table header centred round its middle line: a LibreOffice PDF's."""
    return any(header_at(tokens, k, centred=True) for k in range(1, len(tokens) - 1))


Found = tuple[Table, list[str], int, int, list[list[str]]]


def header_at(tokens: list[Piece], k: int, centred: bool = False) -> Found | None:
    """The table whose header's middle line is token k (its one-line cells; a wrapped cell's first
    part on the line above, its rest on the line below, in column order), its cells and how many
    lines it has above and below its middle (`centred`: only 1, 1, or 2, 2 for a five-line header, a
    LibreOffice PDF's sign, whose first cell starts on any of its first three lines: `実績値` /
    `課題解決の達成度を測る 目標値 (R5` / `(R5年度 具体的な成果・効果` / `指標 年度当初)` / `末)`; else
    also 0, 0: a header of one line, and 0, 1: its one-line cells half a line from its wrapped cells'
    middle, on their first line: `課題解決の達成度を測る指標 現状値 (今年度当 目標値 (今年度 見込んで
    いる成果・効果` / `初) 末)`, and 0, 2: a header a page break cut, see `_cut_header`), and each cell's
    printed lines (which show its column's width)."""
    middle = tokens[k][1]
    if "\t" in middle:
        return None
    above = tokens[k - 1][1]
    for table in _TABLES:
        literal = literal_start(table.header[0])
        if above.startswith(literal) or middle.startswith(literal):
            cells = _header_cells(table, (above.split(), middle.split(), tokens[k + 1][1].split()))
            if cells is not None:
                return table, [cell[0] for cell in cells], 1, 1, [cell[1] for cell in cells]
        if 2 <= k < len(tokens) - 2 and any(tokens[k + d][1].startswith(literal) for d in (-2, -1, 0)):
            cells = _header_cells(table, tuple(tokens[k + d][1].split() for d in range(-2, 3)))
            if cells is not None:
                return table, [cell[0] for cell in cells], 2, 2, [cell[1] for cell in cells]
        if not centred and middle.startswith(literal) and _CLOSERS.fullmatch(tokens[k + 1][1]):
            cells = _header_cells(table, ([], middle.split(), tokens[k + 1][1].split()))
            if cells is not None:
                return table, [cell[0] for cell in cells], 0, 1, [cell[1] for cell in cells]
        if not centred and middle.startswith(literal) and k + 2 < len(tokens):
            found = _cut_header(table, middle, (tokens[k + 1][1], tokens[k + 2][1]))
            if found is not None:
                return found
        if not centred and middle.startswith(literal):
            cells = _header_cells(table, ([], middle.split(), []))
            if cells is not None:
                return table, [cell[0] for cell in cells], 0, 0, [cell[1] for cell in cells]
    return None


def _cut_header(table: Table, first: str, rest: tuple[str, str]) -> Found | None:
    """A header a page break cut: LibreOffice writes a row it splits from the top of each page's part, so
    every cell starts on the header's first line, and the first cell's rest, alone, on the next two
    (`課題解決の達 目標値 (R4年度当初) 実績値 (R4年度末) 具体的な成果・効果` / `成度を測る指` / `標`)."""
    if any(" " in line or "\t" in line for line in rest):
        return None
    cells = _header_cells(table, ([], first.split(), list(rest)))
    if cells is None or cells[0][1][1:] != [" ".join(rest)]:  # the first cell's rest, all of it
        return None
    return table, [cell[0] for cell in cells], 0, 2, [[cells[0][1][0], *rest], *(cell[1] for cell in cells[1:])]


def _header_cells(table: Table, words: tuple[list[str], ...]) -> list[tuple[str, list[str]]] | None:
    """The header's cells from the words of its lines above, in and below its middle, all of them in
    column order: a cell of one line in the middle, one of two above and below it, one of three in
    all three (a few words on each: the author's spaces); of five lines, a cell of four lines round
    the middle too (a narrow first column's: `課題解決` / `の達成度` / … / `を測る指` / `標`); each
    with its printed lines."""
    patterns = [re.compile(cell) for cell in table.header]
    ends = tuple(len(line) for line in words)
    # (a cell takes no more words from a line than it has: the others are never tried)
    takes = [t for t in (_TAKES if len(words) == 3 else _TALL_TAKES) if all(map(int.__le__, t, ends))]

    def fit(c: int, at: tuple[int, ...]) -> list[tuple[str, list[str]]] | None:
        if c == len(patterns):
            return [] if at == ends else None
        for taken in takes:
            end = tuple(a + t for a, t in zip(at, taken, strict=True))
            if any(e > limit for e, limit in zip(end, ends, strict=True)):
                continue
            printed = [" ".join(line[a:e]) for line, a, e in zip(words, at, end, strict=True) if e > a]
            rest = fit(c + 1, end) if patterns[c].fullmatch("".join(printed).replace(" ", "")) else None
            if rest is not None:
                return [("".join(printed).replace(" ", ""), printed), *rest]
        return None

    return fit(0, (0,) * len(words))


# how many words a header cell takes from the lines above, in and below its middle (none above: a
# cell's first line in the middle, its rest below)
_TAKES = tuple((a, m, b) for a in range(4) for m in range(4) for b in range(4) if (a == 0) >= (b == 0) and a + m + b)
# a cell's lines in a header of five centred round its middle: one, two, three, four or five lines
_TALL_SHAPES = ((2,), (1, 3), (0, 2, 4), (1, 2, 3), (0, 1, 3, 4), (0, 1, 2, 3, 4))
_TALL_TAKES = tuple(
    tuple(counts[shape.index(j)] if j in shape else 0 for j in range(5))
    for shape in _TALL_SHAPES
    for counts in itertools.product(range(1, 4), repeat=len(shape))
)
_CLOSERS = re.compile(r"[^(（)）\s]{0,6}[)）](?:\s+[^(（)）\s]{0,6}[)）])*")  # `初) 末)`: header cells' last lines
