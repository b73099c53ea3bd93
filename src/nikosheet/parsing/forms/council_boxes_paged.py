"""The councils' table of plain pdftotext of a LibreOffice PDF, read before the tables written a cell
a line (`cell_lines_tables`), whose rows, found by their frequencies, take a council's lines that
pdftotext wrote a printed line at a time for other rows' cells.

pdftotext marks each page's end with a form feed, PyMuPDF and the others do not: where a text has
them and `council_boxes` can read its councils (every row's name and frequency found), the table is
read so first; elsewhere `council_boxes` runs at its place after the cell-per-line tables.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, council_boxes


def apply(state: FormState) -> None:
    """Rewrite the councils' table whose names stand in boxes of their own, in pdftotext's text."""
    council_boxes.apply(state)
