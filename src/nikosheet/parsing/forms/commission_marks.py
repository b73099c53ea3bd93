"""A history's 委託 cell that is a bracketed word (`（直営）`), written away from its row.

Plain pdftotext of a Chromium PDF writes a short bracketed cell of the 委託 column as a box of its
own, and often not where its row is: after the next year, or after the next row's event.  Read in
place, it is taken for an event (a year's first cell after its pivot), and every event after it
slides a row:

    平成29年度 区地域移行連絡会を全7区に拡大        平成29年度	区地域移行連絡会を全7区に拡大	（直営）
    令和元年度                               →     令和元年度	浜松市…推進協議会を設置
    （直営）                                       …
    浜松市…推進協議会を設置

Such a box (blank lines around it, a bracketed word and nothing else: no event is) is set apart
before the table's rows are read, then given to the nearest row before it whose 委託 is empty, or,
where none is, to the nearest after it (the row it stands beside).  Where no row has an empty 委託,
or where an event's wrapped rest of a character or two follows the box (`…を設`, the box, `置`), the
box is read where it stands.

The column's marks (`↓`, `なし`) come so too, right after a year whose events the converter wrote in
one box, several rows' lines together: the mark stands level with the year's first event, and
read in place it is taken for the event (no event is a mark alone).  Such a box is given to the
year's own first row whose 委託 is empty:

    平成24年度                          平成24年度	地域移行支援の制度化	↓
    ↓                            →     	柏市自立支援協議会…として位置づける
    地域移行支援の制度化
    柏市自立支援協議会…として位置づける
"""

from __future__ import annotations

from nikosheet.parsing.forms.template_tables import COMMISSION_MARK, Cell, Piece, Table
from nikosheet.vocabulary import NOTHING, SAME_AS_ABOVE

_REST = 2  # characters of an event's wrapped rest (`…チームを設`, the box, `置`): the box is that row's


def apart(
    table: Table, pieces: list[Piece], pivots: list[tuple[int, int]]
) -> tuple[list[Piece], list[tuple[int, int]], list[Piece]]:
    """The pieces without the history's bracketed 委託 boxes, the pivots' places among them, and the
    boxes (none for another table)."""
    if not table.grouped or table.optional is None:
        return pieces, pivots, []
    at_pivot = {at for at, _ in pivots}
    marks = {
        k
        for k, (_, text, blank) in enumerate(pieces)
        if k not in at_pivot
        and blank
        and (
            (
                COMMISSION_MARK.fullmatch(text)
                and (k + 1 == len(pieces) or pieces[k + 1][2] or k + 1 in at_pivot)
                and not (k + 1 < len(pieces) and k + 1 not in at_pivot and len(pieces[k + 1][1]) <= _REST)
            )
            or _early(pieces, at_pivot, k)
        )
    }
    if not marks:
        return pieces, pivots, []
    kept = [p for k, p in enumerate(pieces) if k not in marks]
    moved = [(at - sum(1 for m in marks if m < at), which) for at, which in pivots]
    return kept, moved, [pieces[k] for k in sorted(marks)]


def _early(pieces: list[Piece], at_pivot: set[int], k: int) -> bool:
    """Whether piece k is the column's mark alone right after a year, before its events' box."""
    return (
        pieces[k][1] in _MARKS
        and k - 1 in at_pivot
        and k + 1 < len(pieces)
        and k + 1 not in at_pivot
        and pieces[k + 1][2]
    )


_MARKS = frozenset(SAME_AS_ABOVE + NOTHING)


def attach(table: Table, records: list[dict[int, Cell]], marks: list[Piece]) -> bool:
    """Give each box to the nearest row before it whose 委託 is empty, else the nearest after it (a
    mark after a year: the year's first such row); False when some box has no such row."""
    column = table.optional
    assert column is not None
    for mark in marks:
        before = [r for r in records if _cells(r) and max(p[0] for p in _cells(r)) < mark[0]]
        after = [r for r in records if _cells(r) and max(p[0] for p in _cells(r)) > mark[0]]
        if mark[1] in _MARKS:  # the year's own rows: its record and those of its group after it
            years = [n for n, r in enumerate(records) if r.get(0) and r[0][0][0] < mark[0]]
            if not years:
                return False
            own = records[years[-1] :]
            before, after = [], own[: next((n for n, r in enumerate(own[1:], 1) if r.get(0)), len(own))]
        free = [r for r in reversed(before) if not r.get(column)] + [r for r in after if not r.get(column)]
        if not free or not free[0].get(1):  # a row with an event only
            return False
        free[0][column] = [mark]
    return True


def _cells(record: dict[int, Cell]) -> list[Piece]:
    return [p for cell in record.values() for p in cell]
