"""Tables whose boxes a converter wrote block by block, each block a rectangle of the table's cells.

pdfminer groups a page's text boxes by nearness, two groups at a time, and writes each group whole:
a table's cells come as a run of rectangles — a column's cells down a few rows, a row's cells left to
right, a block of rows and columns read either way — each written before the next:

    時期(月)                      時期(月)	実施内容	具体的な取組
    令和6年4月                    令和6年4月	事業計画	委託契約
    5月                           5月	第1回実務者会議	課題の整理
    実施内容                      R6年10月～12月	病院訪問	ピアサポーターと訪問
    事業計画               →      …
    第1回実務者会議
    具体的な取組
    委託契約
    課題の整理
    R6年10月～12月
    病院訪問
    ピアサポーターと訪問

The template is the guide (`template_tables`): the header's cells stand in the first row and in
their columns, the pivots (a month, a year, a frequency, a circled number) in the pivot column, one a
row and in order.  The boxes are then read as the table cut in two, again and again — across (the
upper rows first) or down (the left columns first) — until each part is one cell holding one box (or
none: an empty cell, when the boxes are fewer than the cells).  A block of two rows or more is taken
row by row rather than column by column where both fit: a row's cells share their lines, and
pdfminer joins those first unless a header cell says otherwise.  The table is rebuilt only when one
reading is the cheapest; else it is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.column_runs import Box, each_box, ends_table, squashed
from nikosheet.parsing.forms.template_tables import TABLES, Table, join_cell, pivot_column

# the tables read this way: one pivot a row, in one column, a record a row, no row without its pivot
_GRIDS = tuple(t for t in TABLES if len(t.pivots) == 1 and len(t.rows) == 1 and not t.grouped)
_FIRST_CELLS = tuple(sorted({re.sub(r"[\\(（\[].*", "", t.header[0]) for t in _GRIDS}))
_MAX_BOXES = 160  # a table's boxes looked at
_MAX_EMPTY = 2  # empty cells a table may have beyond its header's, or boxes more than its cells
_MAX_ITEMS = 6  # a list's items a cell may hold, a box each
_BULLETS = "・•"
_COLUMNS_FIRST = 1  # the cost of reading a block of rows a column at a time
_EMPTY = 1  # the cost of an empty cell
_ITEMS = 1  # the cost of a cell of several boxes (a list's items)
_SPACE = re.compile(r"\s+")

Cell = tuple[int, int]  # row (0: the header), column
Reading = tuple[int, tuple[tuple[int, int, int], ...], bool]  # cost, (piece, row, column)s, whether two tie


@dataclass(slots=True)
class _Grid:
    """A table's pieces (boxes, or a box's lines cut at a pivot) and where the pinned ones stand."""

    rows: int
    columns: int
    pins: dict[int, Cell]  # piece -> its cell: the header's cells and the pivots
    pinned: set[Cell]
    void: set[Cell]  # the header's empty cells
    pieces: int
    items: list[bool]  # whether a piece starts with a list's bullet
    memo: dict[tuple[int, int, int, int, int], dict[int, Reading]] = field(default_factory=dict)


def apply(state: FormState) -> None:
    """Rebuild every table the converter wrote as a run of rectangular blocks."""
    if not signals.box_grid(state.source):
        return
    each_box(state, _rebuild)


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the table that starts at box k, rebuilt; None when none is read."""
    if not squashed(boxes[k]).startswith(_FIRST_CELLS):
        return None
    end = k + 1
    while end < len(boxes) and end - k < _MAX_BOXES and not ends_table(boxes[end]):
        end += 1
    for table in _GRIDS:
        pieces = _pieces(table, boxes[k:end])
        if pieces is None:
            continue
        rows = _read(table, pieces)
        if rows is not None and _write(state, pieces, rows):
            return end
    return None


def _pieces(table: Table, boxes: list[Box]) -> list[tuple[Box, Cell | None]] | None:
    """The boxes as the table's pieces, each with its cell when it is a header cell or a pivot; None
    when a header cell is missing or comes twice."""
    out: list[tuple[Box, Cell | None]] = []
    header = list(table.header_row)
    found: set[int] = set()
    pivot = table.pivots[0]
    column = pivot_column(table)
    rows = 0
    j = 0
    while j < len(boxes):
        box = boxes[j]
        cells = _header_cells(table, squashed(box), found)
        if cells is None and j + 1 < len(boxes):  # a header cell over two boxes
            two = _header_cells(table, squashed(box) + squashed(boxes[j + 1]), found)
            if two is not None and len(two) == 1:
                out.append(([*box, *boxes[j + 1]], (0, header.index(two[0]))))
                found.add(two[0])
                j += 2
                continue
        if cells is not None:
            words = _split_header(table, cells, squashed(box)) if len(cells) > 1 else [squashed(box)]
            for cell, text in zip(cells, words, strict=True):
                out.append(([(box[0][0], text, box[0][2])] if len(cells) > 1 else box, (0, header.index(cell))))
            found.update(cells)
            j += 1
            continue
        if any(pivot.match(text) for _, text, _ in box[1:]):
            return None  # rows in one box: their cells run together on a line
        first = box[0][1]
        m = pivot.match(first)
        if m is not None and m.end() > m.start() and (rest := first[m.end() :].strip()):
            rows += 1
            out.append(([(box[0][0], first[: m.end()].strip(), box[0][2])], (rows, column)))
            out.append(([(box[0][0], rest, False), *box[1:]], None))
        elif m is not None and m.end() > m.start() and len(box) == 1:
            rows += 1
            out.append((box, (rows, column)))
        else:
            out.append((box, None))
        j += 1
    if len(found) != sum(c is not None for c in header) or rows == 0:
        return None
    return out


def _header_cells(table: Table, words: str, found: set[int]) -> list[int] | None:
    """The header cells (their indexes) a box's words are, one or several in a row; None if none."""
    for first in range(len(table.header)):
        pattern = ""
        for last in range(first, len(table.header)):
            pattern += f"(?:{table.header[last]})"
            if re.fullmatch(pattern, words) and not found.intersection(range(first, last + 1)):
                return list(range(first, last + 1))
    return None


def _split_header(table: Table, cells: list[int], words: str) -> list[str]:
    """The words of several header cells in one box, cell by cell."""
    m = re.fullmatch("".join(f"({table.header[c]})" for c in cells), words)
    return list(m.groups()) if m is not None else [words, *[""] * (len(cells) - 1)]


def _read(table: Table, pieces: list[tuple[Box, Cell | None]]) -> list[list[list[int]]] | None:
    """Each row's pieces per column (-1: an empty cell), header first, when one reading is the cheapest."""
    rows = 1 + sum(1 for _, cell in pieces if cell is not None and cell[0] > 0)
    columns = len(table.header_row)
    void = {(0, c) for c, h in enumerate(table.header_row) if h is None}
    pins = {n: cell for n, (_, cell) in enumerate(pieces) if cell is not None}
    if abs(rows * columns - len(void) - len(pieces)) > _MAX_EMPTY:
        return None
    items = [bool(box) and box[0][1][0] in _BULLETS for box, _ in pieces]
    grid = _Grid(rows, columns, pins, set(pins.values()), void, len(pieces), items)
    reading = _block(grid, 0, 0, rows - 1, 0, columns - 1).get(len(pieces))
    if reading is None or reading[2]:
        return None
    table_cells: list[list[list[int]]] = [[[] for _ in range(columns)] for _ in range(rows)]
    for piece, row, column in reading[1]:
        table_cells[row][column].append(piece)
    if any(not cell for cell in table_cells[-1]):
        return None  # the last row may go on after a page break, where the table seems to end
    return table_cells


def _block(grid: _Grid, start: int, top: int, bottom: int, left: int, right: int) -> dict[int, Reading]:
    """The cheapest readings of the block's cells from piece `start`, by the piece after them."""
    key = (start, top, bottom, left, right)
    found = grid.memo.get(key)
    if found is None:
        found = grid.memo[key] = _cell(grid, start, top, left) if (top, left) == (bottom, right) else {}
        for cut in range(top, bottom):  # across: the upper rows first
            _join(grid, found, start, (top, cut, left, right), (cut + 1, bottom, left, right), 0)
        cost = _COLUMNS_FIRST if bottom > top else 0
        for cut in range(left, right):  # down: the left columns first
            _join(grid, found, start, (top, bottom, left, cut), (top, bottom, cut + 1, right), cost)
    return found


def _join(
    grid: _Grid,
    found: dict[int, Reading],
    start: int,
    first: tuple[int, int, int, int],
    second: tuple[int, int, int, int],
    cost: int,
) -> None:
    for middle, (cost1, cells1, tie1) in _block(grid, start, *first).items():
        for end, (cost2, cells2, tie2) in _block(grid, middle, *second).items():
            _keep(found, end, (cost + cost1 + cost2, cells1 + cells2, tie1 or tie2))


def _keep(found: dict[int, Reading], end: int, reading: Reading) -> None:
    """The reading kept when it is cheaper than the one there; a tie when it is as cheap and differs."""
    there = found.get(end)
    if there is None or reading[0] < there[0]:
        found[end] = reading
    elif reading[0] == there[0] and sorted(reading[1]) != sorted(there[1]):
        found[end] = (there[0], there[1], True)


def _cell(grid: _Grid, start: int, row: int, column: int) -> dict[int, Reading]:
    """One cell's readings: its pinned piece, a free piece, or nothing (the header's empty cells, or an
    empty cell while the table has some left)."""
    cell = (row, column)
    if cell in grid.void:
        return {start: (0, (), False)}
    out: dict[int, Reading] = {}
    if start < grid.pieces and grid.pins.get(start, cell) == cell and (start in grid.pins or cell not in grid.pinned):
        out[start + 1] = (0, ((start, row, column),), False)
    if cell in grid.pinned:
        return out
    out[start] = (_EMPTY, (), False)
    end = start
    while end < grid.pieces and end not in grid.pins and grid.items[end] and end - start < _MAX_ITEMS:
        end += 1
        if end - start > 1:  # a list's items, a box each
            out[end] = (_ITEMS, tuple((p, row, column) for p in range(start, end)), False)
    return out


def _write(state: FormState, pieces: list[tuple[Box, Cell | None]], rows: list[list[list[int]]]) -> bool:
    """The rows in place of the table's lines, each at its first line (or, when those are out of
    order, its pivot's); False, and nothing written, when neither order holds."""
    boxes = [box for box, _ in pieces]
    firsts = [min((boxes[p][0][0] for cell in row for p in cell), default=-1) for row in rows]
    if not _rising(firsts):
        pins = [[boxes[p][0][0] for cell in row for p in cell if pieces[p][1] is not None] for row in rows]
        firsts = [min(pin, default=-1) for pin in pins]
        if not _rising(firsts):
            return False
    taken = [i for box in boxes for i, _, _ in box]
    lines = state.lines
    for i in range(min(taken), max(taken) + 1):
        lines[i] = None
    for n, (first, row) in enumerate(zip(firsts, rows, strict=True)):
        cells = [join_cell([line for p in cell for line in boxes[p]]) for cell in row]
        lines[first] = "\t".join(_SPACE.sub("", c) if n == 0 else c for c in cells)
    if lines[max(taken)] is None:  # a blank line ends the table: a table right below is one of its own
        lines[max(taken)] = ""
    return True


def _rising(firsts: list[int]) -> bool:
    return firsts[0] >= 0 and all(a < b for a, b in itertools.pairwise(firsts))
