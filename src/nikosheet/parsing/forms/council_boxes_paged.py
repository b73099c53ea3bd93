"""The councils' table of plain pdftotext of a LibreOffice PDF, read before the tables written a cell
a line (`cell_lines_tables`), whose rows, found by their frequencies, take a council's lines that
pdftotext wrote a printed line at a time for other rows' cells.

pdftotext marks each page's end with a form feed, PyMuPDF and the others do not: where a text has
them and `council_boxes` can read its councils (every row's name and frequency found), the table is
read so first; elsewhere `council_boxes` runs at its place after the cell-per-line tables.  Where the table's lines
can be read by their heights (`council_heights`), that reading comes first; the notes it keeps as
text (their row not told by their heights) go to the row `council_boxes` puts them in, where that
row's notes are empty.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, council_boxes, council_heights
from nikosheet.parsing.forms.council_pivots import HEADERS


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
    boxed = _notes(state.lines)
    state.lines[:] = lines
    del state.notes[notes:]
    if found is not None:
        found = _notes_placed(found, boxed)
    if found is not None and (council_heights.write(state, found) or council_boxes.read(state)):
        return  # (the heights' reading did not fit its lines: council_boxes' after all)
    if council_heights.interleaved(state):
        state.note(Diagnostic.MISSING_TABLE, None, str(messages.COUNCIL_CELLS_INTERLEAVED()))


def _notes(lines: list[str | None]) -> dict[str, str]:
    """The notes of each row (by its name) that a reading wrote as the councils' rows."""
    rows = [line.split("\t") for line in lines if line and line.count("\t") == len(HEADERS[0]) - 1]
    return {row[0]: row[-1] for row in rows[1:] if row[0] != HEADERS[0][0] and row[-1]}


def _notes_placed(found: council_heights.Table, boxed: dict[str, str]) -> council_heights.Table:
    """The heights' reading with the notes it kept as text placed where `council_boxes` placed them
    too: in the row of that name, whose notes the heights' reading left empty (the notes' row is not in
    their lines' heights, but council_boxes reads it from the lines around them)."""
    rows = [list(row) for row in found.rows]
    rest = list(found.rest)
    for row in rows:
        note = boxed.get(row[0], "")
        if not row[-1] and note in rest:
            row[-1] = note
            rest.remove(note)
    return found._replace(rows=tuple(tuple(row) for row in rows), rest=tuple(rest))
