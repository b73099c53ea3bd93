"""Text run into a table's header: given back as unparsed, where a converter form rebuilt the table.

A form that rebuilds a table joins a header cell's wrapped lines into one cell.  A line that stands
between them (a stray line of the page, a cell of a row the converter wrote out of place) is joined
too, and the reader that takes the row as its table's header keeps no text of it, so the line would
vanish:

    課題解決の達成度を測る指標⇥目標値 (R4年度当初)⇥…        the header: the template's own words
    課題解決の達成度を測る指標家族会による普及啓発⇥…         a cell of a row run into it

Only rows a form rewrote are looked at, and of them the header rows: those that start with a
header's first words, or hold them beside a cell of a header's own words (a line run into the first
cell: `…連携部署名⇥連携部署における主な業務`).  A header row's cell is the template's when the row is a
header of the template's tables as a whole, or when its words (brackets aside) are part of a table's
header cells written one after another (a cell that a converter cut in the middle of a word or ran
into the next, `課題・方針に` / `対する役割(取組)`, `開催頻度実施内容`), or made of one table's header
characters only (cells woven together); a cell whose text is in the
document was read, and one written as it stands in the source is the author's own (a header worded
otherwise than the template's).  A row with any other cell is unparsed, its text whole.  In the
samples' form, and in a document nikosheet read itself, no form rewrites a row: nothing is looked for.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from nikosheet.parsing.cells import strip_tags
from nikosheet.parsing.forms import template_tables
from nikosheet.parsing.lines import HEADER_WORDS, TABLE, Line, squeeze
from nikosheet.parsing.state import Context, reached
from nikosheet.vocabulary import GOAL_LABELS

# the first words of a table's header (not a goal's label: its row holds the goal, read)
_HEADS = tuple(word for word in HEADER_WORDS if word not in GOAL_LABELS)
# a header cell's bracket (`目標値(R4年度当初)`), perhaps cut open or closed by a converter: its words vary
_BRACKET = re.compile(r"[(（][^)）]*[)）]?|[^(（)）]{0,6}[)）]")
# the syntax of the template's header patterns around their words (a bracket, an optional cell)
_PATTERN_SYNTAX = ("[(（][^)）]*[)）]", "[(（]月[)）]", "(?:", ")?")


@functools.cache
def _header_texts() -> tuple[str, ...]:
    """Each template table's header cells as words, written one after another (`年度経過委託`)."""
    return tuple("".join(map(_words, table.header)) for table in template_tables.TABLES)


def _words(pattern: str) -> str:
    for syntax in _PATTERN_SYNTAX:
        pattern = pattern.replace(syntax, "")
    return pattern


def give_back(ctx: Context, rewritten: set[int], source: str, found: Callable[[], bytes]) -> None:
    """Leave untaken each taken header row that a form rewrote (`rewritten`: line numbers) with a cell
    that is neither the template's, nor in the document (`found()`: its text as JSON bytes, as
    `state.unparsed` asks for it), nor written so in the `source`: the row is unparsed, its text whole."""
    for no in sorted(rewritten):
        ln = ctx.lines[no - 1]
        if ln.kind == TABLE and ctx.taken[no] and _is_header_row(ln) and _has_foreign_cell(ln, source, found):
            ctx.taken[no] = 0


def _is_header_row(ln: Line) -> bool:
    """A row that starts with a header's first words, or whose first cell ends with a table's first
    header cell beside another of that table's long header cells whole (a line run into the first cell:
    `…連携部署名⇥連携部署における主な業務`, as a reader finds a header by the words its cells hold)."""
    cells = [squeeze(strip_tags(c)) for c in ln.cells or [] if c]
    if not cells:
        return False
    if cells[0].startswith(_HEADS):
        return True
    rest = {_BRACKET.sub("", c) for c in cells[1:]}
    return any(cells[0].endswith(first) and not rest.isdisjoint(others) for first, others in _header_cells())


@functools.cache
def _header_cells() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each table's first header cell's words, and its other header cells' (brackets aside) that no
    data cell is likely to be whole (not `委託` nor `内容`: a history's commission, a short note)."""
    return tuple(
        (_words(table.header[0]), frozenset(w for c in table.header[1:] if len(w := _BRACKET.sub("", _words(c))) > 3))
        for table in template_tables.TABLES
    )


def _has_foreign_cell(ln: Line, source: str, found: Callable[[], bytes]) -> bool:
    cells = [(c.strip(), squeeze(strip_tags(c))) for c in ln.cells or []]
    odd = [c for c, s in cells if s and not _template_words(s)]
    if not odd or any(header.fullmatch("".join(s for _, s in cells)) for header in template_tables.headers()):
        return False
    return any(c not in source and not reached(c, found()) for c in odd)


def _template_words(cell: str) -> bool:
    """Whether a header cell's words are a table's header words, or that table's characters mixed
    (a laid-out header whose wrapped cells a converter wove together)."""
    words = _BRACKET.sub("", cell)
    return any(words in text or set(words) <= set(text) for text in _header_texts())


__all__ = ["give_back"]
