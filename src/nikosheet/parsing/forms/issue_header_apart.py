"""Section 5's first issue written between the issues' header's first two cells (pdfminer).

pdfminer may read the first issue (a short one, a line or two) down its column right after the
header's first cell, before the header's other cells:

    課題                                 課題
    ひきこもり                           課題解決に向けた取組方針
    課題解決に向けた取組方針      →      課題・方針に対する役割(取組)
    課題・方針に対する役割(取組)          ひきこもり
    訪問                                 訪問
    行政                                 行政

The header is put back together before the row as `header_cells_apart` does in LibreOffice PDFs'
text (a header cell, then the first row's cell below it, then the next header cell), for this table
only: the cell-per-line readers then find the header whole and the first issue after it (they had
not found the table, and every issue was lost).
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.column_runs import boxes_of, squashed
from nikosheet.parsing.forms.header_cells_apart import CELLS, put_together

ISSUES = tuple(cells for cells in CELLS if cells[0][0].pattern == "課題")


def apply(state: FormState) -> None:
    """Put the issues' header back together before its first issue."""
    if not signals.issue_header_apart(state.source):
        return
    boxes = boxes_of(state.lines)
    for k, box in enumerate(boxes):
        if squashed(box) == ISSUES[0][0][0].pattern:
            put_together(state.lines, boxes, k, ISSUES)
