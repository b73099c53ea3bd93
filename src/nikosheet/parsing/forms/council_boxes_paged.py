"""The councils' table of plain pdftotext of a LibreOffice PDF, read before the tables written a cell
a line (`cell_lines_tables`), whose rows, found by their frequencies, take a council's lines that
pdftotext wrote a printed line at a time for other rows' cells.

pdftotext marks each page's end with a form feed, PyMuPDF and the others do not: where a text has
them and `council_boxes` can read its councils (every row's name and frequency found), the table is
read so first; elsewhere `council_boxes` runs at its place after the cell-per-line tables.  Where the table's lines
can be read by their heights (`council_heights`), that reading comes first.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, council_boxes, council_heights


def apply(state: FormState) -> None:
    """Rewrite the councils' table in pdftotext's text: read by its lines' heights (`council_heights`)
    where that reads every cell, else as `council_boxes` reads it where that reads every cell, else
    the heights' reading with the notes it could not place kept as text, else `council_boxes`'; where
    none reads it and a line shows cells run together (a members' list, a space and a frequency's piece),
    a warning says so (the readers after may still make rows of the lines, cells mixed)."""
    found = council_heights.table(state)
    if found is not None and not found.rest and council_heights.write(state, found):
        return
    lines, notes = list(state.lines), len(state.notes)
    if council_boxes.read(state) and (found is None or len(state.notes) == notes):
        return  # (read by council_boxes: the table is read, or its cells' rest kept with a warning)
    state.lines[:] = lines
    del state.notes[notes:]
    if found is not None and (council_heights.write(state, found) or council_boxes.read(state)):
        return  # (the heights' reading did not fit its lines: council_boxes' after all)
    if council_heights.interleaved(state):
        state.note(Diagnostic.MISSING_TABLE, None, str(messages.COUNCIL_CELLS_INTERLEAVED()))
