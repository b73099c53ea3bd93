"""Schedules whose boxes pdfminer wrote in blocks of columns: each column's cells in row order, the
columns' runs interleaved.

pdfminer (and plain pdftotext, of a Chromium PDF) writes a text box at a time, grouping boxes that
stand near: a schedule's months may come two or three in a run, their items after them, and the
last column's cells of several rows together at the end — but each column's cells keep their rows'
order:

    時期(月)                        時期(月)	実施内容	具体的な取組
    実施内容                        R5年4月	事業計画の共有	担当者会議
    具体的な取組                    R5年7月	第1回推進協議会	重点課題の決定
    R5年4月                  →      R5年9月	精神科救急地域連携会議	手順書の素案の検討
    事業計画の共有
    担当者会議
    R5年7月
    R5年9月
    第1回推進協議会
    精神科救急地域連携会議
    重点課題の決定
    手順書の素案の検討

A table whose pivot (a month) stands first and whose rows are one record of three cells is read so:
a box goes to the item column while a month read has no item, else to the next column; a list's
next item (`・…` after `・…`) stays in its cell, and a box no row read so far lacks is the next
row's detail (pdfminer may write it beside the row above, before its month).  The table is rebuilt
only when every month has one item and one cell of the last column, no item is a list's and no box
is left; else it is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import KANA_WORDS, display_width
from nikosheet.parsing.forms.template_tables import (
    LIST_BULLETS,
    RANGE_END,
    RANGE_OPEN,
    RANGE_TAIL,
    SPACE,
    WRAPPED_ENDS,
    Cell,
    Piece,
    Table,
    body_end,
    boxed,
    header_at,
    header_early,
    header_woven,
    join_cell,
    non_blank,
    pivot_column,
    write_table,
)
from nikosheet.typography import continues

_COLUMNS = 3  # a pivot's row: the pivot, an item, the item's detail
_PIVOT_ENDS = frozenset(end for _, end in WRAPPED_ENDS)
_OPEN_ENDS = ("の", "を", "が", "や", "、")  # a text does not end so
_FULL_LINES = 3  # lines as wide as each other that tell a wrapped column's width


def apply(state: FormState) -> None:
    """Rebuild every schedule written in blocks of column runs."""
    if not signals.column_sequences(state.source):
        return
    tokens = non_blank(state.lines)
    k = 0
    while k < len(tokens):
        if _rebuild(state, tokens, k):  # the rows written: the header's line is a tab row now
            tokens = non_blank(state.lines)
        k += 1


def _rebuild(state: FormState, tokens: list[Piece], k: int) -> bool:
    """The schedule whose header starts at token k, rebuilt where its boxes read as its rows."""
    found = _table_at(tokens, k)
    rows = _rows(found[0], _pivots_apart(found[0], boxed(found[3]), state.lines)) if found is not None else None
    if found is None or rows is None:
        return False
    _, cells, head, body = found
    placed = _placed(rows, head[0][0])
    if placed is not None:
        write_table(state.lines, head, "\t".join(cells), placed, max(t[0] for t in [*head, *body]))
    return placed is not None


def _table_at(tokens: list[Piece], k: int) -> tuple[Table, list[str], list[Piece], list[Piece]] | None:
    """A schedule's header at token k (its cells apart, or woven with the first row's): the table,
    its header cells, the header's tokens and the body's."""
    found = header_at(tokens, k)
    early = header_early(tokens, k) if found is None else None
    woven = header_woven(tokens, k) if found is None and early is None else None
    table = (found or early or woven or (None,))[0]
    if table is None or not _schedule(table):
        return None
    if found is not None:
        _, cells, start = found
        return table, cells, tokens[k:start], tokens[start : body_end(tokens, start, table)]
    if early is not None:  # the first row's pivot after the header's first cell
        _, cells, start, at = early
        head = [t for n, t in enumerate(tokens[k:start], k) if n != at]
        return table, cells, head, [tokens[at], *tokens[start : body_end(tokens, start, table)]]
    assert woven is not None
    _, cells, start, head, first = woven
    body = [t for t in [*first, *tokens[start : body_end(tokens, start, table)]] if t not in head]
    return table, cells, head, body


def _pivots_apart(table: Table, boxes: list[Cell], lines: list[str | None]) -> list[Cell]:
    """The boxes, a box that opens a page cut before a later line that is a month alone (a page's break
    may write a cell's rest at the page's top and the next row's month with no blank line between:
    `\fと個別相談` `R6年10月`), but where the line above leaves a range open (`R6年12月～` `R7年1月`)."""
    pivot = table.pivots[0]
    out: list[Cell] = []
    for box in boxes:
        if not (lines[box[0][0]] or "").startswith("\f"):
            out.append(box)
            continue
        cuts = [n for n in range(1, len(box)) if pivot.fullmatch(box[n][1]) and not RANGE_OPEN.search(box[n - 1][1])]
        for start, stop in itertools.pairwise([0, *cuts, len(box)]):
            out.append(box[start:stop])
    return out


def _schedule(table: Table) -> bool:
    """Whether the table's records are a row of three cells, a pivot first, no cell optional."""
    return (
        table.record == _COLUMNS
        and len(table.rows) == 1
        and not table.grouped
        and table.optional is None
        and pivot_column(table) == 0
    )


def _rows(table: Table, boxes: list[Cell]) -> list[list[Cell]] | None:
    """Each row's three cells, or None when the boxes do not make one item and one detail a pivot."""
    pivot = table.pivots[0]
    rows: list[list[Cell]] = []
    items = details = 0
    pivots = sum(1 for box in boxes if (m := pivot.match(box[0][1])) is not None and m.end())
    ends = sum(1 for box in boxes if len(box) == 1 and (box[0][1] in _PIVOT_ENDS or _range_tail(box[0][1])))
    merges = len(boxes) - ends - pivots * _COLUMNS + sum(1 for box in boxes if _joined(pivot, box[0][1]))
    full = _full_width(pivot, boxes)
    last: tuple[int, int] | None = None  # the cell the box before went to
    early: list[Cell] = []  # a detail before its row's pivot
    for box in boxes:
        first = box[0]
        cut = _cut_pivot(rows, box)
        if cut is not None:  # a month's `月` the narrow column wrapped, or its range `～6月`, in a box apart
            rows[cut][0] = [*rows[cut][0], *box]
            continue
        if merges > 0 and last is not None and last[1] and _goes_on(rows[last[0]][last[1]], box):
            rows[last[0]][last[1]] = [*rows[last[0]][last[1]], *box]  # a wrapped cell's rest, in a box apart
            merges -= 1
            continue
        fed = items == len(rows)  # every month read has its item
        opened = _open_cell(rows, box, full) if merges > 0 and fed and not pivot.match(first[1]) else None
        if opened is not None:  # the rest of a cell that ends on a particle, written after later boxes
            rows[opened[0]][opened[1]] = [*rows[opened[0]][opened[1]], *box]
            merges -= 1
            continue
        m = pivot.match(first[1])
        if m is not None and m.end():
            rows.append([[(first[0], first[1][: m.end()].strip(), first[2])], [], []])
            last = (len(rows) - 1, 0)
            if early:  # its detail came before it: the rows above had theirs
                rows[details][2] = early.pop()
                details += 1
            rest = first[1][m.end() :].strip()
            if not rest:
                if len(box) > 1:
                    return None
                continue
            box = [(first[0], rest, False), *box[1:]]
        if not rows or any(pivot.match(text) for _, text, _ in box):
            return None
        listed = box[0][1][0] in LIST_BULLETS
        if items < len(rows):
            if listed:
                return None
            rows[items][1] = box
            items += 1
            last = (items - 1, 1)
        elif merges > 0 and details and listed and rows[details - 1][2][0][1][0] in LIST_BULLETS:
            rows[details - 1][2] = [*rows[details - 1][2], *box]  # the list's next item
            merges -= 1
            last = (details - 1, 2)
        elif details < len(rows):
            rows[details][2] = box
            details += 1
            last = (details - 1, 2)
        elif not early and not listed:
            early.append(box)  # the next row's detail, written beside the row above (a repeated month)
            last = None
        else:
            return None
    if not rows or early or items != len(rows) or details != len(rows):
        return None
    return rows


def _cut_pivot(rows: list[list[Cell]], box: Cell) -> int | None:
    """The row whose pivot the box completes (`R6年5月～6` `月`; `R6年5月` `～6月`, Chromium's month centred in its
    row, its second line written among the row's other boxes: the latest row's, a month with no range), or None."""
    if len(box) == 1 and _range_tail(box[0][1]) and rows and RANGE_END.fullmatch(SPACE.sub("", rows[-1][0][-1][1])):
        return len(rows) - 1
    if len(box) != 1 or box[0][1] not in _PIVOT_ENDS:
        return None
    for n in range(len(rows) - 1, -1, -1):
        text = rows[n][0][-1][1]
        if any(cut.search(text) and end == box[0][1] for cut, end in WRAPPED_ENDS):
            return n
    return None


def _range_tail(text: str) -> bool:
    """Whether a line is a range's mark and end alone (`～6月`)."""
    return RANGE_TAIL.fullmatch(SPACE.sub("", text)) is not None


def _open_cell(rows: list[list[Cell]], box: Cell, full: int) -> tuple[int, int] | None:
    """The latest item or detail whose text ends on a particle or a comma (no cell ends so), or the
    latest detail whose last line is as wide as the table's widest (the wrap cut it: `…試行圏域の関`
    `係機関への説明`), for a box that starts no list and no row."""
    if box[0][1][0] in LIST_BULLETS:
        return None
    for n in range(len(rows) - 1, -1, -1):
        for column in (2, 1):
            cell = rows[n][column]
            if not cell:
                continue
            wrapped = column == 2 and display_width(cell[-1][1]) >= full - 1  # an item is a name: it fits
            if cell[-1][1].endswith(_OPEN_ENDS) or wrapped:
                return n, column
    return None


def _full_width(pivot: re.Pattern[str], boxes: list[Cell]) -> int:
    """The width of a line the wrap cut in the widest column (the details'), where the text is wrapped:
    the boxes' widest lines but the pivots', as wide as each other (a character's slack); else no width
    (a text not wrapped has a widest cell, not a column's width)."""
    widths = sorted((display_width(text) for box in boxes for _, text, _ in box if not pivot.match(text)), reverse=True)
    if len(widths) < _FULL_LINES or widths[0] - widths[_FULL_LINES - 1] > 1:
        return 1 << 30
    return widths[_FULL_LINES - 1]


def _goes_on(cell: Cell, box: Cell) -> bool:
    """Whether the box is the cell's wrapped rest: it starts as no cell does (a kana, a closing mark)
    after a line that ends no sentence."""
    start = box[0][1][0]
    if start in LIST_BULLETS or cell[-1][1].endswith("。") or box[0][1].startswith(KANA_WORDS):
        return False
    return continues(box[0][1])


def _joined(pivot: re.Pattern[str], text: str) -> bool:
    """Whether a line holds a pivot and, after it, the row's next cell."""
    m = pivot.match(text)
    return m is not None and m.end() > 0 and bool(text[m.end() :].strip())


def _placed(rows: list[list[Cell]], header: int) -> list[tuple[int, str]] | None:
    """Each row at its pivot's line, after the row before; None when the pivots are out of order."""
    out: list[tuple[int, str]] = []
    last = header
    for row in rows:
        at = row[0][0][0]
        if at <= last:
            return None
        out.append((at, "\t".join(join_cell(cell) for cell in row)))
        last = at
    return out
