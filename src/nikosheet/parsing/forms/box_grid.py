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
pdfminer joins those first unless a header cell says otherwise.  A cell may take more boxes: a list's
items a box each, or its wrapped lines in boxes of their own, within its block or a row's band of
lines at a time (`box_lines`); each costs a little, as does an empty cell.  The cheapest readings are
kept, and the table is rebuilt only when one is cheapest among those whose columns keep one width
(and whose indicators' two values end in one unit, section 4's holding no sentence: `…14件あった。` is
the effects'); else it is left to `cell_lines_tables`.  Section 4's values take back the space before
a count the page wrapped to a box's next line (`支援計画の作成率` / `80%`: `支援計画の作成率 80%`).  The sectors'
table of plain pdftotext's text of a LibreOffice PDF, each row's two cells interleaved in one box, is left
to `sector_rows`, which reads a row's lines by their heights.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from nikosheet.parsing.forms import FormState, box_lines, interleaved_header, signals
from nikosheet.parsing.forms.column_runs import each_box, ends_table, squashed
from nikosheet.parsing.forms.template_tables import (
    LIST_BULLETS,
    OUTCOME_VALUES,
    OUTCOMES,
    TABLES,
    Box,
    Table,
    join_cell,
    later_heads,
    pivot_column,
    value_text,
)
from nikosheet.vocabulary import LIST_LABELS

# the tables read this way: one pivot a row, in one column, a record a row, no row without its pivot
_SECTORS = LIST_LABELS["sectors"]
_GRIDS = tuple(t for t in TABLES if len(t.pivots) == 1 and len(t.rows) == 1 and not t.grouped)
_FIRST_CELLS = tuple(sorted({re.sub(r"[\\(（\[].*", "", t.header[0]) for t in _GRIDS}))
_FIRST_WORDS = tuple(sorted({cell[:4] for cell in _FIRST_CELLS}))  # a first cell's start: it may wrap
_HEADER_BOXES = 8  # boxes a header's cells may take, their lines interleaved
_MAX_BOXES = 160  # a table's boxes looked at
_MAX_EMPTY = 2  # empty cells a table may have beyond its header's, at least
_MORE_BOXES = 2  # boxes more than cells a table may have, a row
_MAX_ITEMS = 6  # a list's items a cell may hold, a box each
_COLUMNS_FIRST = 1  # the cost of reading a block of rows a column at a time
_EMPTY = 1  # the cost of an empty cell
_ITEMS = 1  # the cost of a cell of several boxes (a list's items)
_MORE = 1  # the cost of each box more a cell's lines take (after a line as wide as its column)
_TAIL = 1  # the cost of a cell that starts with a sentence's tail (`いる。`): a wrapped cell's last line
_WORK = 75_000  # readings joined for one table, at most: a table that needs more is left as it was
_KEEP = 6  # readings kept of a block, the cheapest
_SPACE = re.compile(r"\s+")
# a space between two cells' words that pdfminer joined on one line: Japanese on both sides, not after
# a comma (`保健, 医療`)
_GAP = re.compile(r"(?<=[^\x00-\x7f、，])[ \u3000](?=[^\x00-\x7f])")
_UNIT = re.compile(r"[^\s0-9０-９.,．，]{1,4}$")  # a value's unit, after its number: `１７人`, `5 か所`
_DIGITS = "0123456789０１２３４５６７８９"
_WORD_VALUE = 5  # characters of a value given in a word (`未集計`, `調整中`), at most
_NUMBER = re.compile(r"[0-9０-９]{1,3}")
_SENTENCE_TAIL = re.compile(r"[\u3041-\u3096]{1,4}[。．]")  # `いる。`, `した。`: an inflection's end

Cell = tuple[int, int]  # row (0: the header), column
Cells = tuple[tuple[int, int, int], ...]  # a reading: (piece, row, column)s


@dataclass(slots=True)
class _Kept:
    """The cheapest few readings of a block that end at one piece, cheapest first, and the least cost
    of those left out."""

    readings: list[tuple[int, Cells]] = field(default_factory=list)
    dropped: float = math.inf


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
    goes_on: list[bool]  # whether a piece's last line is as wide as a column's: its cell may go on
    texts: list[str]  # each piece's text
    first: dict[Cell, int]  # a pinned cell's piece
    words: tuple[str, ...]  # the template's words a pivot cut short is completed to
    boxes: list[Box]
    dense: bool  # every row has its cells: no empty one (a department's duties)
    values: tuple[int, int] | None  # the columns of an indicator's two values (現状値, 目標値)
    tails: list[bool]  # whether a piece is a sentence's tail alone (`いる。`): no cell starts so
    memo: dict[tuple[int, int, int, int, int], dict[int, _Kept]] = field(default_factory=dict)
    work: int = 0  # readings joined so far


class _TooLong(Exception):
    """A table whose readings are too many to weigh."""


def apply(state: FormState) -> None:
    """Rebuild every table the converter wrote as a run of rectangular blocks."""
    if not signals.box_grid(state.source):
        return
    each_box(state, _rebuild)


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the table that starts at box k, rebuilt; None when none is read."""
    if signals.sector_rows(state.source) and squashed(boxes[k]).startswith(_SECTORS):
        return None  # (a LibreOffice PDF's sectors, its rows' two cells in one box: `sector_rows` reads them)
    later = later_heads(squashed(boxes[k]))  # the header's other cells, its first after them
    whole = later or squashed(boxes[k]).startswith(_FIRST_CELLS)
    if not whole and not squashed(boxes[k]).startswith(_FIRST_WORDS):
        return None
    end = k + 1 + later
    while end < len(boxes) and end - k < _MAX_BOXES and not ends_table(boxes[end]):
        end += 1
    cut = end < len(boxes) and _NUMBER.fullmatch(squashed(boxes[end])) is not None
    for table in _GRIDS:
        region = boxes[k:end] if whole else _untangled(table, boxes[k:end])
        if region is None:
            continue
        for gaps in (False, True):  # a line's cells run together with a space between: cut there if need be
            pieces = _pieces(table, region, gaps)
            if pieces is None or (gaps and len(pieces) == len(_pieces(table, region, False) or ())):
                continue
            rows = _read(table, pieces, cut)
            if rows is not None and _write(state, pieces, rows, table):
                return end
    return None


def _untangled(table: Table, boxes: list[Box]) -> list[Box] | None:
    """The boxes with the table's header, its cells' lines written a band at a time (`課題解決の達成度`,
    `目標値（R5年`, `を測る指標`, `度当初）`), made a box a cell, each at its first line; None when the
    boxes do not start with that header whole before the body."""
    found = interleaved_header.read(table.header, boxes, 0, _HEADER_BOXES)
    if found is None:
        return None
    texts, lines, left, body = found
    if left or not all(lines):
        return None
    return [*([(cell[0][0], text, cell[0][2])] for cell, text in zip(lines, texts, strict=True)), *boxes[body:]]


def _pieces(table: Table, boxes: list[Box], gaps: bool) -> list[tuple[Box, Cell | None]] | None:
    """The boxes as the table's pieces, each with its cell when it is a header cell or a pivot (and,
    with `gaps`, a box's first line cut where a space stands between two cells' words); None when a
    header cell is missing or comes twice."""
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
            out.extend((piece, None) for piece in _cut([(box[0][0], rest, False), *box[1:]], gaps))
        elif m is not None and m.end() > m.start():  # the pivot's cell, its wrapped lines with it
            rows += 1
            out.append((box, (rows, column)))
        else:
            out.extend((piece, None) for piece in _cut(box, gaps))
        j += 1
    if len(found) != sum(c is not None for c in header) or rows == 0:
        return None
    heads = [n for n, (_, cell) in enumerate(out) if cell is not None and cell[0] == 0]
    if heads[-1] == len(heads) - 1:  # the header's cells all before the body (its first after the others)
        out[: len(heads)] = sorted(out[: len(heads)], key=lambda piece: piece[1][1] if piece[1] else 0)
    return out


def _cut(box: Box, gaps: bool) -> list[Box]:
    """The box, or (`gaps`) its first line's cells each a box, its other lines with the last cell."""
    if not gaps:
        return [box]
    index, first, blank = box[0]
    parts = _GAP.split(first)
    return [*([(index, part, blank)] for part in parts[:-1]), [(index, parts[-1], blank), *box[1:]]]


def _header_cells(table: Table, words: str, found: set[int]) -> list[int] | None:
    """The header cells (their indexes) a box's words are, one or several in a row; None if none."""
    for first in range(len(table.header)):
        pattern = ""
        for last in range(first, len(table.header)):
            pattern += f"(?:{table.header[last]})"
            if re.fullmatch(pattern, words) and not found.intersection(range(first, last + 1)):
                return list(range(first, last + 1))
    return None


def _value_columns(table: Table) -> tuple[int, int] | None:
    """The indicators' two value columns (their header cells end in 値 and a bracket), or None."""
    found = tuple(n for n, cell in enumerate(table.header) if re.match(r"\w+値", cell))
    return (found[0], found[1]) if len(found) == 2 else None


def _split_header(table: Table, cells: list[int], words: str) -> list[str]:
    """The words of several header cells in one box, cell by cell."""
    m = re.fullmatch("".join(f"({table.header[c]})" for c in cells), words)
    return list(m.groups()) if m is not None else [words, *[""] * (len(cells) - 1)]


def _read(table: Table, pieces: list[tuple[Box, Cell | None]], cut: bool) -> list[list[list[int]]] | None:
    """Each row's pieces per column, header first, when one reading is the cheapest (`cut`: the table
    ends at a number alone, a page's or a heading's, after which its last row may go on)."""
    rows = 1 + sum(1 for _, cell in pieces if cell is not None and cell[0] > 0)
    columns = len(table.header_row)
    void = {(0, c) for c, h in enumerate(table.header_row) if h is None}
    pins = {n: cell for n, (_, cell) in enumerate(pieces) if cell is not None}
    spare = rows * columns - len(void) - len(pieces)  # cells more than pieces: empty cells at least
    if not -_MORE_BOXES * rows <= spare <= _MAX_EMPTY:
        return None
    items = [bool(box) and box[0][1][0] in LIST_BULLETS for box, _ in pieces]
    goes_on = box_lines.going_on(table, [box for box, _ in pieces], pins)
    texts = [_SPACE.sub("", "".join(text for _, text, _ in box)) for box, _ in pieces]
    first = {cell: n for n, cell in pins.items()}
    grid = _Grid(
        rows,
        columns,
        pins,
        set(first),
        void,
        len(pieces),
        items,
        goes_on,
        texts,
        first,
        table.full,
        [b for b, _ in pieces],
        table.dense,
        _value_columns(table),
        [_SENTENCE_TAIL.fullmatch(text) is not None for text in texts],
    )
    try:
        kept = _block(grid, 0, 0, rows - 1, 0, columns - 1).get(len(pieces))
    except _TooLong:
        return None
    reading = _cheapest(grid, kept, table is OUTCOMES) if kept is not None else None
    if reading is None:
        return None
    table_cells: list[list[list[int]]] = [[[] for _ in range(columns)] for _ in range(rows)]
    for piece, row, column in reading:
        table_cells[row][column].append(piece)
    if cut and any(not cell for cell in table_cells[-1]):
        return None  # the last row may go on after a page break, where the table seems to end
    return table_cells


def _cheapest(grid: _Grid, kept: _Kept, outcomes: bool) -> Cells | None:
    """The cheapest reading whose columns keep their widths (and, in section 4's indicators, whose
    values hold no sentence: `outcomes`); None when two are as cheap (or one left out may be)."""
    agree = [
        (cost, cells)
        for cost, cells in kept.readings
        if box_lines.widths_agree(_columns_lines(grid, cells))
        and _units_agree(grid, cells)
        and not (outcomes and _sentence_value(grid, cells))
    ]
    if not agree or (len(agree) > 1 and agree[1][0] == agree[0][0]) or kept.dropped <= agree[0][0]:
        return None
    return agree[0][1]


def _units_agree(grid: _Grid, cells: Cells) -> bool:
    """Whether each indicator's two values (現状値 and 目標値, 目標値 and 実績値), where both are there
    and neither is a word (`未集計`), end in one unit (`１７人`, `２０人`) or neither in a number: the two
    columns measure one thing."""
    if grid.values is None:
        return True
    values: dict[Cell, str] = {}
    for piece, row, column in sorted(cells):
        if row > 0 and column in grid.values:
            values[row, column] = values.get((row, column), "") + grid.texts[piece]
    units: dict[int, set[str]] = {}
    for (row, _), text in values.items():
        if len(text) <= _WORD_VALUE and not any(c in _DIGITS for c in text):
            continue  # a value in a word (`未集計`, `なし`) measures nothing to compare
        m = _UNIT.search(text)
        number = m is not None and text[: m.start()].rstrip()[-1:] in _DIGITS
        units.setdefault(row, set()).add(m.group() if m is not None and number else "")
    return all(len(found) == 1 for found in units.values())


def _sentence_value(grid: _Grid, cells: Cells) -> bool:
    """Whether an indicator's target or actual holds a sentence (`…申請が14件あった。`): the effects',
    never a value's (`8病院`, `延べ150人`), so the reading put the effects' column among the values."""
    return grid.values is not None and any(
        row > 0 and column in grid.values and "。" in grid.texts[piece] for piece, row, column in cells
    )


def _columns_lines(grid: _Grid, cells: Cells) -> list[list[list[str]]]:
    """Each body column's cells, each the lines of its pieces."""
    by_cell: dict[Cell, list[str]] = {}
    for piece, row, column in sorted(cells):
        if row > 0:
            by_cell.setdefault((row, column), []).extend(text for _, text, _ in grid.boxes[piece])
    columns: list[list[list[str]]] = [[] for _ in range(grid.columns)]
    for (_, column), lines in by_cell.items():
        columns[column].append(lines)
    return columns


def _block(grid: _Grid, start: int, top: int, bottom: int, left: int, right: int) -> dict[int, _Kept]:
    """The cheapest readings of the block's cells from piece `start`, by the piece after them."""
    key = (start, top, bottom, left, right)
    found = grid.memo.get(key)
    if found is None:
        found = grid.memo[key] = {}
        if (top, left) == (bottom, right):
            for end, (cost, cells) in _cell(grid, start, top, left).items():
                _keep(found, end, cost, cells)
        if top == bottom and (left, right) == (0, grid.columns - 1):  # a row written a band of lines at a time
            for end, cost, cells in _bands(grid, start, top, left, right):
                _keep(found, end, cost, cells)
        for cut in range(top, bottom):  # across: the upper rows first
            _join(grid, found, start, (top, cut, left, right), (cut + 1, bottom, left, right), 0)
        cost = _COLUMNS_FIRST if bottom > top else 0
        for cut in range(left, right):  # down: the left columns first
            _join(grid, found, start, (top, bottom, left, cut), (top, bottom, cut + 1, right), cost)
    return found


def _join(
    grid: _Grid,
    found: dict[int, _Kept],
    start: int,
    first: tuple[int, int, int, int],
    second: tuple[int, int, int, int],
    cost: int,
) -> None:
    for middle, kept1 in _block(grid, start, *first).items():
        for end, kept2 in _block(grid, middle, *second).items():
            for cost1, cells1 in kept1.readings:
                for cost2, cells2 in kept2.readings:
                    _keep(found, end, cost + cost1 + cost2, cells1 + cells2)
            grid.work += len(kept1.readings) * len(kept2.readings)
            if grid.work > _WORK:
                raise _TooLong
            least1, least2 = kept1.readings[0][0], kept2.readings[0][0]
            dropped = min(kept1.dropped + least2, least1 + kept2.dropped) + cost
            if dropped < math.inf:
                kept = found.setdefault(end, _Kept())
                kept.dropped = min(kept.dropped, dropped)


def _keep(found: dict[int, _Kept], end: int, cost: int, cells: Cells) -> None:
    """A reading kept among the cheapest few of those that end at `end`."""
    kept = found.setdefault(end, _Kept())
    readings = kept.readings
    if len(readings) == _KEEP and cost >= readings[-1][0]:
        kept.dropped = min(kept.dropped, cost)
        return
    cells = tuple(sorted(cells))
    for n, (there, same) in enumerate(readings):
        if same == cells:
            if cost < there:
                readings[n] = (cost, cells)
                readings.sort(key=lambda reading: reading[0])
            return
    readings.append((cost, cells))
    readings.sort(key=lambda reading: reading[0])
    if len(readings) > _KEEP:
        kept.dropped = min(kept.dropped, readings.pop()[0])


def _cell(grid: _Grid, start: int, row: int, column: int) -> dict[int, tuple[int, Cells]]:
    """One cell's readings: its pinned piece, a free piece, or nothing (the header's empty cells, or an
    empty cell while the table has some left)."""
    cell = (row, column)
    if cell in grid.void:
        return {start: (0, ())}
    out: dict[int, tuple[int, Cells]] = {}
    if cell in grid.pinned and grid.words and grid.goes_on[grid.first[cell]]:  # a pivot cut short: the next box ends it
        whole = start + 1 < grid.pieces and grid.first[cell] == start and _completes(grid, cell, start + 1)
        return {start + 2: (_MORE, ((start, row, column), (start + 1, row, column)))} if whole else {}
    if start < grid.pieces and grid.pins.get(start, cell) == cell and (start in grid.pins or cell not in grid.pinned):
        end = start + 1
        tail = _TAIL * grid.tails[start]
        out[end] = (tail, ((start, row, column),))
        while end < grid.pieces and grid.goes_on[end - 1] and _goes_on_in(grid, end) and end - start < _MAX_ITEMS:
            end += 1  # the cell's next lines in the next boxes
            if box_lines.one_cell(grid.boxes[start:end]):
                cost = tail + _MORE * (end - start - 1)
                out[end] = (cost, tuple((p, row, column) for p in range(start, end)))
    if cell in grid.pinned:
        return out
    if not grid.dense:
        out[start] = (_EMPTY, ())
    end = start
    while end < grid.pieces and end not in grid.pins and grid.items[end] and end - start < _MAX_ITEMS:
        end += 1
        if end - start > 1:  # a list's items, a box each
            out[end] = (_ITEMS, tuple((p, row, column) for p in range(start, end)))
    return out


def _write(state: FormState, pieces: list[tuple[Box, Cell | None]], rows: list[list[list[int]]], table: Table) -> bool:
    """The rows in place of the table's lines, each at its first line (or, when those are out of
    order, its pivot's); False, and nothing written, when neither order holds. Section 4's values
    take back the space before a count the page wrapped to a line's start (`支援計画の作成率` `80%`)."""
    boxes = [box for box, _ in pieces]
    firsts = [min((boxes[p][0][0] for cell in row for p in cell), default=-1) for row in rows]
    if not _rising(firsts):
        pins = [[boxes[p][0][0] for cell in row for p in cell if pieces[p][1] is not None] for row in rows]
        firsts = [min(pin, default=-1) for pin in pins]
        if not _rising(firsts):
            return False
    taken = [i for box in boxes for i, _, _ in box]
    values = OUTCOME_VALUES if table is OUTCOMES else ()
    lines = state.lines
    for i in range(min(taken), max(taken) + 1):
        lines[i] = None
    for n, (first, row) in enumerate(zip(firsts, rows, strict=True)):
        joined = [[line for p in cell for line in boxes[p]] for cell in row]
        cells = [value_text(c) if k in values else join_cell(c) for k, c in enumerate(joined)]
        lines[first] = "\t".join(_SPACE.sub("", c) if n == 0 else c for c in cells)
    if lines[max(taken)] is None:  # a blank line ends the table: a table right below is one of its own
        lines[max(taken)] = ""
    return True


def _rising(firsts: list[int]) -> bool:
    return firsts[0] >= 0 and all(a < b for a, b in itertools.pairwise(firsts))


def _bands(grid: _Grid, start: int, row: int, left: int, right: int) -> Iterator[tuple[int, int, Cells]]:
    """A row's cells read a band at a time: each cell's first box left to right, then the next box of
    each cell whose last line went on (was as wide as its column), and so on: (end, cost, cells)."""
    cells = [c for c in range(left, right + 1) if (row, c) not in grid.void]
    for taken, end in box_lines.band_readings(
        len(cells), start, grid.pieces, grid.goes_on, _can_take(grid, row, cells)
    ):
        more = sum(len(t) - 1 for t in taken if t)
        if more and all(box_lines.one_cell([grid.boxes[p] for p in t]) for t in taken if len(t) > 1):
            empty = sum(not t for t in taken)
            tails = sum(grid.tails[t[0]] for t in taken if t)
            yield (
                end,
                _MORE * more + _EMPTY * empty + _TAIL * tails,
                tuple((p, row, cells[n]) for n, t in enumerate(taken) for p in t),
            )


def _can_take(grid: _Grid, row: int, cells: list[int]) -> Callable[[int, int, bool], bool]:
    """Whether a row's cell n may take a piece first (-1: be empty), or next (-1: must go on: a pivot
    cut short of its template word, which takes only the word's rest)."""

    def can(n: int, piece: int, first: bool) -> bool:
        cell = (row, cells[n])
        if first:
            if piece < 0:
                return cell not in grid.pinned and not grid.dense
            return grid.pins.get(piece, cell) == cell and (piece in grid.pins or cell not in grid.pinned)
        if cell in grid.pinned and grid.words and grid.goes_on[grid.first[cell]]:
            return piece < 0 or _completes(grid, cell, piece)
        return piece >= 0 and _goes_on_in(grid, piece)

    return can


def _goes_on_in(grid: _Grid, piece: int) -> bool:
    """Whether a cell's wrapped line may go on in the piece: not a pinned one, nor a list's item."""
    return piece not in grid.pins and not grid.items[piece]


def _completes(grid: _Grid, cell: Cell, piece: int) -> bool:
    """Whether the piece is the rest of the template word the pivot of the cell was cut short of."""
    return piece not in grid.pins and grid.texts[grid.first[cell]] + grid.texts[piece] in grid.words
