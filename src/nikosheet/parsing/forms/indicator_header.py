"""Section 4's indicators table whose rows no reader could tell apart: its header read alone.

Plain pdftotext (of a LibreOffice PDF, and of a Chromium PDF: a cell or a box at a time) writes the
outcomes' table in an order of its own; where no form before this one could put its rows back, its
header cells still stand in the section as the template's own words, each a box (or a box's first
or last lines, or each line apart among the first row's lines), some wrapped or interleaved with one
another (`課題解決の達` `目標値 (昨年度 実績値 (昨年度` `成度を測る指` `当初)`
`末)` `標`), some run on into the row's cell below them (`実績値 (R4 年度末)` `15 市町村`):

    課題解決の達⏎成度を測る指⏎標        課題解決の達成度を測る指標⇥目標値(R4年度当初)⇥実績値(R4年度末)⇥具体的な…
    目標値 (R4 年度当初)                 ① 市町村の 18 市町村
    ① 市町村の 18 市町村          →      協議の場の
    協議の場の                           15 市町村
    実績値 (R4 年度末)⏎15 市町村         …
    具体的な成果・効果
    …

The header is written as the table's header row at its first line (so the as-of dates of its
目標値 and 実績値 are read), the rows' lines stay as text below it, in their order, and a
`missing-table` warning says so.  Only when the section holds the header's four cells, each once,
and no table row at all.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, interleaved_header, signals
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.indicator_boxes import header_cells, in_order, indicator_table, interleaved
from nikosheet.parsing.forms.template_tables import OUTCOMES, Box, unread_outcomes_region

_TABLE = "指標 / 目標値 / 実績値"
# any run of two or more of the header's cells: those a box may interleave (`課題解決の達` `目標値 (昨`
# `成度を測る指` `年度当初)` `標`)
_CAPTION_LINES = 2  # lines of a caption or another cell's rest before the header's in its box
# where a later header cell starts right after another's text, the space between the two taken out
# (`目標値 (R5実績値 (R5`)
_CELL_AFTER = re.compile("(?<=[^\\s])(?=" + "|".join(re.escape(cell[:3]) for cell in OUTCOMES.header[1:]) + ")")
# a line cut where a header cell starts after a space (a line may hold two cells' pieces side by side)
_CELL_START = re.compile(" (?=" + "|".join(re.escape(cell[:3]) for cell in OUTCOMES.header) + ")")
_WOVEN_LINES = 24  # the most non-blank lines from the header's first to the line that makes it whole
# what a value cell's as-of date in its one bracket holds (`(R4年度当初)`, `(昨年度末)`): a row's line that
# closes the bracket instead (`（計10回）`) is no header's
_AS_OF = frozenset("年度初末")
_OPEN = frozenset("(（")
_RUNS = tuple((first, end) for first in range(4) for end in range(4, first + 1, -1))


def apply(state: FormState) -> None:
    """Write the header row of section 4's indicators table where its rows were left as text."""
    if not signals.indicator_header(state.source):
        return
    found = unread_header(state.lines)
    if found is None:
        return
    header, taken, end = found
    for i in taken:
        state.lines[i] = None
    state.lines[taken[0]] = header
    kept = sum(1 for line in state.lines[taken[0] + 1 : end] if line is not None and line.strip(" \f\u3000"))
    message = messages.HEADER_ONLY(section=4, table=_TABLE, kept=kept)
    state.note(Diagnostic.MISSING_TABLE, taken[0], str(message))


def unread_header(lines: list[str | None]) -> tuple[str, list[int], int] | None:
    """Section 4's header row where its table was left unread (see `header_of`), the lines it takes and
    the section's end; or None."""
    region = unread_outcomes_region(lines)
    if region is None:
        return None
    found = header_of(lines, *region)
    return None if found is None else (*found, region[1])


def header_of(lines: list[str | None], start: int, end: int) -> tuple[str, list[int]] | None:
    """The outcomes' header row the lines from `start` to `end` hold as boxes of its cells (see the
    module), and the lines it takes; or None."""
    boxes = [[(start + i, text, first) for i, text, first in box] for box in boxes_of(lines[start:end])]
    cells: list[str] = []
    taken: list[int] = []
    for box in boxes:
        found = _header_part(box)
        if found is not None:
            cells += found[0]
            taken += [i for i, _, _ in found[1]]
    if indicator_table(cells) is not OUTCOMES:
        return _woven(lines, start, end)
    return "\t".join(in_order(OUTCOMES, cells)), taken


def _woven(lines: list[str | None], start: int, end: int) -> tuple[str, list[int]] | None:
    """The outcomes' header whose cells' lines stand apart among the first row's (blank lines or the
    row's name and values between them: `課題解決の達成度` `目標値 (R4 実績値 (R4` `具体的な成果・効果`
    `を測る指標` `① 市町村における` `協議の場の設置数` `年度当初)` `30 市町村` `年度末)`), each of
    its lines the header's whole; and the lines it takes.  The header starts at the first line that
    starts its first cell."""
    flat = [(i, text) for i in range(start, end) if (text := (lines[i] or "").strip(" \f\u3000"))]
    first = next((n for n, (_, text) in enumerate(flat) if text.startswith(OUTCOMES.header[0][:3])), None)
    if first is None or any("\t" in text for _, text in flat):
        return None
    flat = flat[first : first + _WOVEN_LINES]
    pieces = [[(i, part, True)] for i, text in flat for part in _CELL_START.split(_CELL_AFTER.sub(" ", text))]
    found = interleaved_header.read(OUTCOMES.header, pieces, 0, len(pieces))
    if found is None or any(_not_as_of(cell) for cell in found[0]):
        return None
    taken = sorted({i for cell in found[1] for i, _, _ in cell})
    if any(i in taken for box in found[2] for i, _, _ in box):
        return None  # (a line part the header's, part the body's)
    return "\t".join(found[0]), taken


def _not_as_of(cell: str) -> bool:
    """Whether a header cell's bracket holds other than an as-of date (a row's text closed it)."""
    opened = sum(ch in _OPEN for ch in cell)
    return opened > 1 or (opened == 1 and _AS_OF.isdisjoint(cell))


def _header_part(box: Box) -> tuple[list[str], Box] | None:
    """The header cells a box holds and their lines: the whole box, or a run of its lines after a
    caption (`<昨年度までの成果・効果>`) and before the row's cell below that went on in the box; else
    None."""
    for first in range(min(len(box), _CAPTION_LINES + 1)):
        for end in range(len(box), first, -1):
            found = _cells(box[first:end])
            if found is not None:
                return found, box[first:end]
    return None


def _cells(box: Box) -> list[str] | None:
    found = header_cells(box) or interleaved(box, _RUNS)
    if found is None:
        spaced = [(i, _CELL_AFTER.sub(" ", text), first) for i, text, first in box]
        if spaced != box:
            found = interleaved(spaced, _RUNS)
    return found
