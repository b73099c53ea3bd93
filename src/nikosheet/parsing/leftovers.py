"""Text run into a table's header: given back as unparsed, where a converter form rebuilt the table.

A form that rebuilds a table joins a header cell's wrapped lines into one cell.  A line that stands
between them (a stray line of the page, a cell of a row the converter wrote out of place) is joined
too, and the reader that takes the row as its table's header keeps no text of it, so the line would
vanish:

    課題解決の達成度を測る指標⇥目標値 (R4年度当初)⇥…        the header: the template's own words
    課題解決の達成度を測る指標家族会による普及啓発⇥…         a cell of a row run into it

A header row's cell is the template's when the row is a header of the template's tables as a whole,
or when it holds only the characters the template's header cells are written with (a cell that a
converter cut in the middle of a word, `課題・方針に` / `対する役割(取組)`); a cell whose text is in
the document was read.  A row with any other cell is unparsed, its text whole.  In the samples' form,
and in a document nikosheet read itself, a header row is the source's own row: nothing is looked for.
"""

from __future__ import annotations

import functools

from nikosheet.parsing.cells import strip_tags
from nikosheet.parsing.forms import template_tables
from nikosheet.parsing.lines import HEADER_WORDS, TABLE, Line, squeeze
from nikosheet.parsing.state import Context, reached
from nikosheet.vocabulary import GOAL_LABELS

# the first words of a table's header (not a goal's label: its row holds the goal, read)
_HEADS = tuple(word for word in HEADER_WORDS if word not in GOAL_LABELS)
# what a header cell's dates and brackets are written with, beside its words: `目標値 (令和5年度末)`
_DATE_CHARACTERS = "0123456789令和平成RH年度月当初末今()・:"


@functools.cache
def _header_characters() -> frozenset[str]:
    """Every character of the template's header cells (their patterns' few syntax characters too)."""
    words = "".join(cell for table in template_tables.TABLES for cell in table.header)
    return frozenset(words + _DATE_CHARACTERS)


def give_back(ctx: Context, found: bytes) -> None:
    """Leave untaken each taken header row with a cell that is neither the template's nor in the
    document (`found`: the document's text as JSON bytes, as `state.unparsed` asks for it), so that the
    row is unparsed, its text whole."""
    for ln in ctx.lines:
        if ln.kind == TABLE and ctx.taken[ln.no] and _is_header_row(ln) and _has_foreign_cell(ln, found):
            ctx.taken[ln.no] = 0


def _is_header_row(ln: Line) -> bool:
    first = next((c for c in ln.cells or [] if c), "")
    return squeeze(strip_tags(first)).startswith(_HEADS)


def _has_foreign_cell(ln: Line, found: bytes) -> bool:
    cells = [(c, squeeze(strip_tags(c))) for c in ln.cells or []]
    known = _header_characters()
    if all(not s or known.issuperset(s) or reached(c.strip(), found) for c, s in cells):
        return False
    whole = "".join(s for _, s in cells)
    return not any(header.fullmatch(whole) for header in template_tables.headers())


__all__ = ["give_back"]
