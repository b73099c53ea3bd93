"""Tables whose tall rows a converter wrote a band at a time: every cell's next lines in turn.

pdftotext writes a page a band of lines at a time, and in a tall row each band holds a box of every
cell that has lines there, left to right; a short cell, centred in its row, comes only in a middle
band (an indicator's name, a council's frequency after the other cells' first lines):

    ①保健医療と福祉の⏎連携                         ①保健医療と福祉の連携⇥・「川口市精神保健福祉
    ・「川口市精⏎神保健福祉地               →      地域連携票」の活用…⇥…⇥…
    ・「川口市精神⏎保健福祉地域連
    ・地域連携票という共通の…⏎…地域連
    域連携票」の⏎活用⏎・近隣精神科
    …

Each box (lines with no blank line between) is a piece of one cell, and its column is told by its
width: a box that wrapped is as wide as its column (the header's wrapped cells and the body's wrapped
boxes show the widths), a one-line box no wider.  A box whose last line stops short of its column's
width ends its cell; when every cell of a row has ended, the next box starts a row.  Every reading
that fits — which column takes which width, whether a box that fills its column ends its cell — is
tried: the table is rebuilt only when the readings that put every box in a column and a pivot (①, a
month, a year, a frequency) in every row agree; else it is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from nikosheet.parsing.forms import FormState, indicator_bands, interleaved_header, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import each_box, ends_table, squashed
from nikosheet.parsing.forms.template_tables import STOP, TABLES, Box, headers, join_cell, write_table
from nikosheet.vocabulary import INDICATORS_HEAD, PLANNED_COLUMNS

_TOLERANCE = 2  # display columns: a wrapped line may stop a character short of its column
_HEADER_BOXES = 8
_INTERLEAVED_BOXES = 16  # a header whose last cell comes after the first row
_READINGS = 1500  # steps of the search for the readings, at most
_INDICATOR_READINGS = 6000  # the indicators' table, whose value columns hold short boxes that fit anywhere
_MOST_BOXES = 60
_DEAREST = 40  # the cost of a reading, at most
_BAND = 1  # a row's next band: the fewer bands the likelier the reading
_FULL_END = 1  # a cell that ends on a line as wide as its column (it may as well go on)
# tables of one row a record, a header cell a column (not a history's year with two events, nor the
# sectors, whose header leaves a column without a cell)
_BANDED = tuple(
    (t, h)
    for t, h in zip(TABLES, headers(), strict=True)
    if len(t.rows) == 1 and not t.grouped and t.header_row == tuple(range(t.record))
)
# the indicators' tables, whose header cells are words and a bracket: read when their lines are interleaved
_INTERLEAVED = tuple(t for t, _ in _BANDED if t.header[0] == PLANNED_COLUMNS["name"])
_INTERLEAVED_FIRST = INDICATORS_HEAD
_TAIL = 2  # lines of the table above's last cell that may share a box with the header's first
_INDICATOR = {t.pivot_sources[0] for t in _INTERLEAVED}

_Rows = list[list[list[int]]]  # rows of cells, each the numbers of its boxes
_EMPTY, _OPEN, _ENDED = 0, 1, 2  # a cell of the row being read: no box yet, a box that goes on, whole
_ITEM = "・•●■◆◇□○◎"  # a list item's bullet


def apply(state: FormState) -> None:
    """Rebuild every table whose rows are written a band at a time."""
    if not signals.banded_rows(state.source):
        return
    each_box(state, _table)


def _table(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the table whose header starts at box k, rebuilt; None when none is."""
    if len(boxes[k]) > 1 and STOP.match(boxes[k][0][1]):  # a caption right above the header: `＜…成果・効果＞`
        boxes[k] = boxes[k][1:]
    found = _header(boxes, k)
    if found is None:
        return _interleaved(state, boxes, k)
    pivot, cells, widths, body = found
    end = _end(boxes, body)
    rows = _reading(boxes[body:end], widths, pivot, [0] * len(cells) if pivot[1].pattern in _INDICATOR else None)
    if rows is None:
        return None
    _write(state, boxes[k:body], cells, [[[boxes[body + n] for n in cell] for cell in row] for row in rows])
    return end


def _end(boxes: list[Box], body: int) -> int:
    """The box that ends the table whose body starts at box `body`: a line that ends a table (a
    marker line `※…`, a heading) right below a cell's last line, no blank line between, is cut
    from its box to end it."""
    end = body
    while end < len(boxes) and not ends_table(boxes[end]):
        cut = next((n for n, piece in enumerate(boxes[end]) if n and ends_table([piece])), None)
        if cut is not None:
            boxes[end : end + 1] = [boxes[end][:cut], boxes[end][cut:]]
        end += 1
    return end


def _interleaved(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The table whose header starts at box k, its cells' lines interleaved (`interleaved_header`)
    and perhaps sharing boxes with the first row's, rebuilt; None when none is."""
    # the header's first line may end a box of the table above (its last cell's tail, `住民等`)
    starts = [n for n, (_, text, _) in enumerate(boxes[k]) if text.startswith(_INTERLEAVED_FIRST)]
    if starts and 0 < starts[0] <= _TAIL:
        boxes[k] = boxes[k][starts[0] :]
    for table in _INTERLEAVED:
        found = interleaved_header.read(table.header, boxes, k, _INTERLEAVED_BOXES)
        if found is None:
            continue
        cells, heads, left, body = found
        if any(ends_table([piece]) for box in left for piece in box):
            return None  # a heading or a marker line among the header's: not a table a box at a time
        widths = [_wrapped_width(lines) if len(lines) > 1 and _own(lines, heads) else None for lines in heads]
        least = [display_width(lines[0][1]) if len(lines) == 1 and _own(lines, heads) else 0 for lines in heads]
        end = _end(boxes, body)
        body_boxes = indicator_bands.values_apart([*left, *boxes[body:end]])
        found_rows = _reading(body_boxes, widths, (table.positions[0], table.pivots[0]), least)
        if found_rows is None:
            return None
        head = sorted((piece for lines in heads for piece in lines), key=lambda piece: piece[0])
        rows = [[[line for n in cell for line in body_boxes[n]] for cell in row] for row in found_rows]
        texts = [(min(line[0] for cell in row for line in cell), "\t".join(map(join_cell, row))) for row in rows]
        last = max(line[0] for box in [head, *body_boxes] for line in box)
        write_table(state.lines, head, "\t".join(cells), texts, last)
        return end
    return None


def _own(lines: Box, heads: list[Box]) -> bool:
    """Whether each of a header cell's lines is its own (not a line two cells share)."""
    return all(sum(piece in other for other in heads) == 1 for piece in lines)


def _header(boxes: list[Box], k: int) -> tuple[tuple[int, re.Pattern[str]], list[str], list[int | None], int] | None:
    """The table whose header starts at box k: (its pivot's column, its pattern), its cells, the
    columns' widths its wrapped cells show, and the first box after it."""
    words = ""
    for j in range(k, min(k + _HEADER_BOXES, len(boxes))):
        words += squashed(boxes[j])
        for table, header in _BANDED:
            m = header.fullmatch(words)
            if m is None:
                continue
            cells = list(m.groups())
            widths: list[int | None] = [None] * len(cells)
            for box in boxes[k : j + 1]:
                if len(box) > 1 and squashed(box) in cells:
                    widths[cells.index(squashed(box))] = _wrapped_width(box)
            return (table.positions[0], table.pivots[0]), cells, widths, j + 1
    return None


def _wrapped_width(box: Box) -> int:
    return max(display_width(text) for _, text, _ in box[:-1])


def _reading(
    body: list[Box], known: list[int | None], pivot: tuple[int, re.Pattern[str]], least: list[int] | None
) -> _Rows | None:
    """The rows of the cheapest reading of the body's boxes that fits, or None (none, or two
    different ones as cheap).  `least`: for the indicators' table, whose two value columns (a
    target and an actual value, each a list) may be as wide as each other, the width each column
    has at least (its header cell's, on one line; 0: not known); None for the other tables."""
    if not body or len(body) > _MOST_BOXES or any("  " in text for box in body for _, text, _ in box):
        return None  # none, too many to try, or columns set apart by spaces (a layout mode's text)
    # when no reading fits: two columns of one width (a target's and an actual value's), then a
    # list's item in a box of its own going on a cell that had ended (else it starts the next row)
    for shared, items in ((False, False), (True, False), (False, True), (True, True))[: 1 if least is None else 4]:
        prices = (items, 0, [0] * len(known)) if least is None else (items, _BAND, least)
        found = _cheapest(body, _width_choices(body, known, shared), pivot, prices)
        if found != []:
            return found
    return None


def _cheapest(
    body: list[Box],
    choices: Iterator[list[int | None]],
    pivot: tuple[int, re.Pattern[str]],
    prices: tuple[bool, int, list[int]],
) -> _Rows | None:
    """The rows of the cheapest reading with any of the widths, None when two differ or the search
    ran out of steps, [] when none fits."""
    best: tuple[int, _Rows] | None = None
    tied = False
    items, band, least = prices
    budget, bound = [_INDICATOR_READINGS if band else _READINGS], [_DEAREST]
    column, pattern = pivot
    starts = [pattern.match(join_cell(box)) is not None for box in body]
    bullets = [items and box[0][1][0] in _ITEM for box in body]
    for widths in choices:
        for rows, cost in _readings(body, widths, (column, starts, bullets), (budget, bound, band, least)):
            if not all(_pivot(pattern, join_cell(_lines(body, row[column]))) for row in rows):
                continue
            if any(sum(map(bool, row)) < 2 for row in rows):  # a row of its pivot alone: its cells joined
                continue
            if band and not _numbered([body[row[column][0]][0][1] for row in rows]):
                continue
            if best is None or cost < best[0]:
                best, tied = (cost, rows), False
                bound[0] = cost
            elif cost == best[0] and rows != best[1]:
                tied = True
    if budget[0] <= 0 or tied:
        return None
    return [] if best is None else best[1]


def _numbered(names: list[str]) -> bool:
    """Whether the indicators are numbered in turn (①, ②, ③): a ② in another column is not a row's."""
    numbers = [ord(name[0]) for name in names]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _pivot(pattern: re.Pattern[str], text: str) -> bool:
    """The cell is a pivot and nothing else (not a month and the next cell joined to it)."""
    m = pattern.match(text)
    return m is not None and not text[m.end() :].strip()


def _lines(body: list[Box], cell: list[int]) -> Box:
    return [line for n in cell for line in body[n]]


def _width_choices(body: list[Box], known: list[int | None], shared: bool = False) -> Iterator[list[int | None]]:
    """The columns' widths: the header's, and each width the body's wrapped boxes show that is not
    one of them given to a column the header does not know, in every way (the rest never wrap);
    `shared`: each of the rest given one of those widths too, in every way, at least one of them."""
    shown: list[int] = []
    for box in body:
        if len(box) > 1:
            wrapped = _wrapped_width(box)
            if not any(abs(w - wrapped) <= _TOLERANCE for w in [*shown, *(k for k in known if k is not None)]):
                shown.append(wrapped)
    free = [c for c, w in enumerate(known) if w is None]
    if len(shown) > len(free):
        return
    for columns in itertools.permutations(free, len(shown)):
        widths = list(known)
        for column, width in zip(columns, shown, strict=True):
            widths[column] = width
        if not shared:
            yield widths
            continue
        rest = [c for c in free if c not in columns]
        every = sorted({w for w in widths if w is not None})
        for copies in itertools.product([None, *every], repeat=len(rest)):
            if any(copies):
                yield [copies[rest.index(c)] if c in rest else w for c, w in enumerate(widths)]


def _readings(
    body: list[Box],
    widths: list[int | None],
    pivot: tuple[int, list[bool], list[bool]],
    limits: tuple[list[int], list[int], int, list[int]],
) -> Iterator[tuple[_Rows, int]]:
    """Every way the boxes go into the columns, row after row (a depth-first search), with its cost:
    what the boxes whose cells go on fall short of their column's width, what a line is wider than
    its column, each cell that ends on a line as wide as its column, and `band` for each band of a
    row after its first; none dearer than `bound` (`limits`: the steps left, the bound, the band's
    price, each column's least width: a box of a column of no known width goes on when a line that
    wide ends it).  `pivot`: the pivot's column, which boxes may start a pivot cell (every row has one), and
    which start a list's item that may go on a cell that had ended."""
    count = len(widths)
    rows: _Rows = []
    at_pivot, starts, items = pivot
    budget, bound, band, least = limits

    known = [w for w in widths if w is not None]

    def _items(cell: list[int]) -> bool:
        return bool(cell) and items[cell[0]]

    def fits(n: int, column: int) -> int | None:
        """What putting the box in the column costs (a line wider than it), or None: it does not fit."""
        box, width = body[n], widths[column]
        if len(box) > 1:  # as wide as its column, the nearest of the widths
            wrapped = _wrapped_width(box)
            nearest = min(abs(w - wrapped) for w in known)
            return 0 if width is not None and abs(width - wrapped) == nearest <= _TOLERANCE else None
        if width is None:
            return 0
        over = display_width(box[0][1]) - width
        return None if over > _TOLERANCE else max(over, 0)

    def ends(n: int, column: int) -> tuple[tuple[bool, int], ...]:
        """Whether the box ends its cell, each way it may, with its cost."""
        width = widths[column]
        if width is None:
            wide = least[column] and display_width(body[n][-1][1]) >= least[column]
            return ((False, 0), (True, _FULL_END)) if wide else ((True, 0),)
        short = width - display_width(body[n][-1][1])
        return ((True, 0),) if short > _TOLERANCE else ((False, max(short, 0)), (True, _FULL_END))

    def search(
        n: int, cells: tuple[int, ...], at: int, due: frozenset[int], cost: int, first: bool
    ) -> Iterator[tuple[_Rows, int]]:
        """`at`: the band's last column; `due`: the columns whose cells go on and have had no box in
        the band yet (each must have one before the next band); `first`: the row's first band."""
        budget[0] -= 1
        if budget[0] <= 0:
            return
        if n == len(body):
            if not due and rows[-1][at_pivot]:
                yield [[list(cell) for cell in row] for row in rows], cost
            return
        goes_on = _OPEN in cells
        # an item may go on an ended cell's list once every cell has begun (cells stand at the row's top)
        items_go_on = items[n] and _EMPTY not in cells
        for column in range(count):
            new_band = not rows or column <= at
            new_row = not rows or (cells[column] == _ENDED and not (items_go_on and _items(rows[-1][column])))
            over = fits(n, column)
            if (new_row and (goes_on or (rows and not rows[-1][at_pivot]))) or (new_band and due) or over is None:
                continue
            over += band if new_band and not new_row else 0
            # a cell's first box after the row's first band: its cells stand at the row's top
            in_first = new_row or (first and not new_band)
            over += band if cells[column] == _EMPTY and not in_first else 0
            if cost + over > bound[0]:
                continue
            # a pivot's cell starts with a pivot (`①…`, `年2回`), and a pivot starts the cell it is in
            if column == at_pivot and (starts[n] != (new_row or cells[column] == _EMPTY)):
                continue
            if new_row:
                rows.append([[] for _ in range(count)])
            state = [_EMPTY] * count if new_row else list(cells)
            owed = frozenset(c for c, s in enumerate(state) if s == _OPEN) if new_band else due
            rows[-1][column].append(n)
            for ended, price in ends(n, column):
                state[column] = _ENDED if ended else _OPEN
                yield from search(n + 1, tuple(state), column, owed - {column}, cost + over + price, in_first)
            rows[-1][column].pop()
            if new_row:
                rows.pop()

    yield from search(0, (_EMPTY,) * count, -1, frozenset(), 0, True)


def _write(state: FormState, head: list[Box], cells: list[str], rows: list[list[list[Box]]]) -> None:
    """The header row at its first line, each row at its first line, every other line taken."""
    lines = state.lines
    for box in [*head, *(box for row in rows for cell in row for box in cell)]:
        for i, _, _ in box:
            lines[i] = None
    lines[head[0][0][0]] = "\t".join(cells)
    for row in rows:
        first = min(box[0][0] for cell in row for box in cell)
        lines[first] = "\t".join(join_cell([line for box in cell for line in box]) for cell in row)
