"""Tables written a column at a time, each header cell followed by its column's cells: rebuilt as tab rows.

pdfminer (and, less often, pdftotext) writes a text *box* at a time, and where a table's cells stand
far enough apart it reads down a column before it goes on to the next: the column's header cell,
then every row's cell of that column, each a box of its own (a wrapped cell's lines together):

    時期(月)                        時期(月)	実施する項目	実施する内容
    R5年6月                         R5年6月	第1回推進会議	方針決定
    R5年7月～R6年2月         →      R5年7月～R6年2月	区の協議の場	各区3回開催
    実施する項目
    第1回推進会議
    区の協議の場
    実施する内容
    方針決定
    各区3回開催

The template's tables are the guide (`cell_lines_tables`): a table is read this way only when every
header cell is found in order, the pivot column (years, months, frequencies) holds nothing but
pivots, and every other column holds as many boxes as there are pivots, or none (an empty column).
Anything else — a column with one cell more or fewer, a row that has a second event — is left as it
was, for the cell-per-line reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import PAGE_NUMBER
from nikosheet.parsing.forms.template_tables import HEADING, TABLES, Box, join_cell, marker

_SPACE = re.compile(r"\s+")
# the tables a column run can be read from: one pivot column, one row per record
_RUNS = tuple(t for t in TABLES if len(t.pivot_sources) == 1 and len(t.rows) == 1)
_FIRST_CELL = re.compile("|".join(sorted({t.header[0] for t in TABLES})))
_HEADER_BOXES = 3  # a header cell's words may be split over this many boxes


def apply(state: FormState) -> None:
    """Rebuild every table the converter wrote a column at a time."""
    if not signals.column_runs(state.source):
        return
    each_box(state, _rebuild)


def each_box(state: FormState, rebuild: Callable[[FormState, list[Box], int], int | None]) -> None:
    """`rebuild` tried at each box of the text in turn: it gives the box after what it rebuilt, or None."""
    boxes = boxes_of(state.lines)
    k = 0
    while k < len(boxes):
        k = rebuild(state, boxes, k) or k + 1


def boxes_of(lines: list[str | None]) -> list[Box]:
    """The runs of non-blank lines (a form's tab row, or a line another form took, ends a run)."""
    out: list[Box] = []
    box: Box = []
    for i, line in enumerate(lines):
        text = line.strip(" \f\u3000") if line is not None else ""
        if not text or "\t" in text:
            if box:
                out.append(box)
            box = []
            if text:
                out.append([(i, text, True)])
            continue
        box.append((i, text, not box))
    if box:
        out.append(box)
    return out


def squashed(box: Box) -> str:
    return _SPACE.sub("", "".join(text for _, text, _ in box))


def _header_cell(boxes: list[Box], k: int, cell: str) -> int | None:
    """The box after the header cell that starts at box k (its words perhaps over several boxes)."""
    words = ""
    for j in range(k, min(k + _HEADER_BOXES, len(boxes))):
        words += squashed(boxes[j])
        if re.fullmatch(cell, words):
            return j + 1
    return None


def ends_table(box: Box, issues: bool = False) -> bool:
    """A box no table cell is: a heading, a marker line (※, 【; in the `issues`' table not an issue's label of
    the author's own, `【市町村格差】小規模…`), a page number, a form's tab row, a table's first header cell
    (`連携部署名` after the departments' table)."""
    text = box[0][1]
    if "\t" in text or any(p.match(text) is not None for p in (HEADING, PAGE_NUMBER)):
        return True
    if marker(text, issues):
        return True
    return _FIRST_CELL.fullmatch(squashed(box)) is not None


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the table a column at a time that starts at box k, rebuilt; None when none does."""
    return rebuild_runs(state, boxes, k, loose=False)


def rebuild_runs(state: FormState, boxes: list[Box], k: int, *, loose: bool) -> int | None:
    """As `_rebuild`; `loose`: the column with a cell count of its own may hold more boxes than rows too
    (a cell's wrapped lines apart beside an empty cell: `short_runs`, once the other readers are done)."""
    if not boxes[k][0][1].startswith(("年度", "時期", "名称", "所管", "連携", "会議名")):
        return None
    for table in _RUNS:
        found = header_columns(table.header, boxes, k)
        if found is None:
            continue
        heads, columns, end = found
        pivot = table.positions[0]
        rows = len(columns[pivot])
        short = [c for c, column in enumerate(columns) if len(column) not in (0, rows)]
        if not rows or not _short_column(columns, short, pivot, loose=loose):
            continue
        if not all(table.pivots[0].match(join_cell(box)) for box in columns[pivot]):
            continue
        full = [[] if c in short else column for c, column in enumerate(columns)]
        firsts = [min(column[r][0][0] for column in full if column) for r in range(rows)]
        if firsts != sorted(set(firsts)) or (short and columns[short[0]][0][0][0] < firsts[-1]):
            continue
        _write(state, heads, full, firsts)
        if short:
            kept = columns[short[0]]
            column = _SPACE.sub("", join_cell(heads[short[0]]))
            state.note(
                Diagnostic.MISSING_TABLE,
                kept[0][0][0],
                str(messages.SHORT_COLUMN_AS_TEXT(column=column, cells=len(kept), rows=rows)),
            )
        return end
    return None


def _short_column(columns: list[list[Box]], short: list[int], pivot: int, *, loose: bool) -> bool:
    """Whether the columns make rows: each holds a cell a row or none, but for at most one column (not the
    pivots') with fewer (`loose`: or more), whose cells cannot be told to their rows and are kept as text
    below the table."""
    if not short:
        return True
    if len(short) != 1 or short[0] == pivot:
        return False
    return loose or len(columns[short[0]]) < len(columns[pivot])


def header_columns(header: tuple[str, ...], boxes: list[Box], k: int) -> tuple[list[Box], list[list[Box]], int] | None:
    """The header's cells (as boxes) and each column's boxes after its cell, and the box after them."""
    heads: list[Box] = []
    columns: list[list[Box]] = []
    j = k
    for c, cell in enumerate(header):
        after = _header_cell(boxes, j, cell)
        if after is None:
            return None
        heads.append([line for box in boxes[j:after] for line in box])
        j = after
        column: list[Box] = []
        nxt = header[c + 1] if c + 1 < len(header) else None
        while j < len(boxes) and not ends_table(boxes[j]) and (nxt is None or _header_cell(boxes, j, nxt) is None):
            column.append(boxes[j])
            j += 1
        columns.append(column)
    return heads, columns, j


def _write(state: FormState, heads: list[Box], columns: list[list[Box]], firsts: list[int]) -> None:
    """The header row at its first line, each row at its first cell's (`firsts`), every other line taken."""
    lines = state.lines
    taken = [i for box in heads + [b for c in columns for b in c] for i, _, _ in box]
    for i in taken:
        lines[i] = None
    lines[heads[0][0][0]] = "\t".join(_SPACE.sub("", join_cell(box)) for box in heads)
    for r, first in enumerate(firsts):
        cells = [column[r] if column else [] for column in columns]
        lines[first] = "\t".join(join_cell(box) if box else "" for box in cells)
    if lines[max(taken)] is None:  # a blank line ends the table: a table right below is one of its own
        lines[max(taken)] = ""
