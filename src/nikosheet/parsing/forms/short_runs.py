"""Tables written a column at a time whose one column has a cell count of its own: the rows without it.

pdfminer writes no box for an empty cell, and a wrapped cell's lines may come in boxes apart; where a
schedule's last column has both, its boxes are as many as the rows by chance only (here ten boxes for
nine months: `…訪問と退院` and `意向の調査` are one cell, `家族教室`'s cell is empty):

    時期(月)                 時期(月)	実施内容	具体的な取組
    R6年6月                  R6年6月	病院訪問
    R6年7月           →      R6年7月	家族教室
    実施内容                 区外の病院を含む12病院への訪問と退院
    病院訪問                 意向の調査
    家族教室                 (kept as text below the table, with a `missing-table` warning)
    具体的な取組
    区外の病院を含む12病院への訪問と退院
    意向の調査

`column_runs` reads such a table only when the column holds fewer boxes than rows, and
`column_sequences` only when every month has its detail; once they and the cell-per-line readers have
left the table as it was, its rows are read with the columns that hold a cell a row, and the other
column's boxes, whose rows cannot be told, are kept as text below it.
"""

from __future__ import annotations

import functools

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.column_runs import each_box, rebuild_runs


def apply(state: FormState) -> None:
    """Rebuild every table left a column at a time whose one column holds more or fewer boxes than rows."""
    if not signals.short_runs(state.source):
        return
    each_box(state, functools.partial(rebuild_runs, loose=True))
