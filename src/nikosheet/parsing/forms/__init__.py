"""Converter forms: the text that PDF and Word converters make, rewritten into the samples' form.

Users turn a published sheet into text with whatever tool they have, and each writes a table its
own way: pipe tables whose wrapped cells break a row in two, HTML tables over many lines, grid
tables, columns aligned with spaces, one cell per line.  The forms are an ordered chain of small
rewrites over one `FormState`: each looks for its signal (cheaply: a sheet in the samples' form has
none) and rewrites what it recognises into the lines the parser reads best — tab rows, a row
group's later rows starting with an empty cell, a cell's list as `<ul><li>…</li></ul>`.

Line numbers stay the source file's: a rewritten line takes the place of the first source line it
was made from, and the other source lines it took are set to None (read as layout).  So every
source line's text is in exactly one line, and the accounting of lines still holds.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import signals


class FormState:
    """The lines being rewritten, one per source line (index = line number - 1), and what to report.

    A plain class with slots, not a dataclass: this module is read on every run (see `lines.Line`).
    """

    __slots__ = ("alone", "lines", "notes", "source")

    def __init__(self, lines: list[str | None], source: str) -> None:
        self.lines = lines
        self.source = source  # the source text, lines joined by newlines: where the forms look for their signals
        self.notes: list[tuple[Diagnostic, int | None, str]] = []
        self.alone: set[int] = set()  # lines that are a paragraph each, no blank line between

    def replace(self, first: int, last: int, text: str) -> None:
        """Source lines `first`..`last` (0-based, inclusive) become one line, at `first`."""
        lines = self.lines
        lines[first] = text
        for i in range(first + 1, last + 1):
            lines[i] = None

    def note(self, code: Diagnostic, index: int | None, message: str) -> None:
        """A diagnostic about source line `index` (0-based), or the whole text (None)."""
        self.notes.append((code, None if index is None else index + 1, message))


Form = Callable[[FormState], None]


# The forms, in the order they run (characters first, then tables, then text), each with its signal
# (see `signals`): a form is imported only when its signal is in the source.
CHAIN: tuple[str, ...] = (
    "lookalikes",
    "autospace",
    "header_before_title",
    "issue_columns",
    "issue_side_by_side",
    "issue_order",
    "centred_pipes",
    "html_tables",
    "grid_tables",
    "pipe_tables",
    "span_rows",
    "wrap_spaces",
    "layout_columns",
    "cell_lines_docx",
    "wrapped_guidance",
    "goal_rows",
    "council_setup",
    "centred_statistics",
    "cell_lines_statistics",
    "narrow_columns",
    "initiatives",
    "centred_rows",
    "visual_rows",
    "docx_paragraphs",
    "indicator_order",
    "indicator_boxes",
    "indicator_records",
    "effects_apart",
    "indicator_runs",
    "header_cells_apart",
    "issue_header_apart",
    "issue_header_spread",
    "schedule_streams",
    "column_runs",
    "department_runs",
    "sector_bands",
    "box_grid",
    "issue_heads",
    "issue_head_runs",
    "label_runs",
    "banded_rows",
    "column_sequences",
    "council_boxes_paged",
    "history_lines",
    "history_groups",
    "sector_rows",
    "plan_items",
    "council_columns",
    "indicator_columns",
    "indicator_streams",
    "header_after_rows",
    "header_among_roles",
    "cell_lines_tables",
    "short_runs",
    "history_rests",
    "council_pivots",
    "council_boxes",
    "indicator_header_rows",
    "indicator_header",
    "bracket_headings",
    "wrapped_items",
    "sector_ends",
    "figure_text",
    "page_wraps",
)
_LOADED: dict[str, Form] = {}


def _form(name: str) -> Form:
    form = _LOADED.get(name)
    if form is None:
        form = _LOADED[name] = importlib.import_module(f"nikosheet.parsing.forms.{name}").apply
    return form


def rewrite(lines: list[str], source: str | None = None) -> FormState:
    """The source lines with every converter form the chain knows rewritten into the samples' form
    (`source`: the lines joined by newlines, when the caller has it)."""
    copy: list[str | None] = list(lines)
    state = FormState(copy, "\n".join(lines) if source is None else source)
    for name in CHAIN:
        if getattr(signals, name)(state.source):
            _form(name)(state)
    return state


__all__ = ["CHAIN", "Form", "FormState", "rewrite"]
