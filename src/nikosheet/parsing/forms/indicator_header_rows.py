"""An indicators' table (sections 4 and 5) whose header a form wrote as a row a printed line, its rows
read: the header's lines put back into one row.

A laid-out text (`pdftotext -layout` of a Chromium or a LibreOffice PDF) writes the header a printed
line at a time, and `layout_columns` cuts each line into cells as it cuts the rows below: a wrapped
header cell's rest is a row of its own, and cells that stood too close are one cell (`課題解決の達成
目標値 (昨年 実績値 (昨年`, `目標値 (R5実績値 (R5`).  The first row then holds neither the whole first
cell nor its `指標`, and the section's reader finds no table:

    課題解決の達成度を測る⇥目標値 (R4年⇥実績値 (R4年⇥具体的な成果・効果
    指標⇥度当初)⇥度末)
    ①長期入院者の地域移行者数⇥70人⇥58人⇥ピアサポーターによる…

becomes

    課題解決の達成度を測る指標⇥目標値(R4年度当初)⇥実績値(R4年度末)⇥具体的な成果・効果
    ①長期入院者の地域移行者数⇥70人⇥58人⇥ピアサポーターによる…

The header's cells are the template's own words, each found by its first words and whole when its
words are all there (its bracket closed; see `interleaved_header`), its parts in the lines' order
whatever cell they were cut into.  The lines are rewritten only where every part of them is the
header's, the header is whole at their last line, and the next line is a row of the table (a tab row
that starts with an indicator's number, ①).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, interleaved_header, signals
from nikosheet.parsing.forms.template_tables import CIRCLED, TABLES, Box
from nikosheet.vocabulary import INDICATORS_HEAD

_HEADERS = tuple(t.header for t in TABLES if t.header[0].startswith(INDICATORS_HEAD))  # sections 4 and 5
_LINES = 4  # lines a header is written over
_LEAD = 3  # a header cell's first characters: a line that starts with one may start the header
# where a later header cell starts right after another's text, no space between (`目標値 (R5実績値 (R5`)
_LATER = sorted({re.escape(cell[:_LEAD]) for header in _HEADERS for cell in header[1:] if cell[:_LEAD].isalnum()})
_CELL_AFTER = re.compile("(?<=\\S)(?=" + "|".join(_LATER) + ")")


def apply(state: FormState) -> None:
    """Join each indicators' header written as rows a printed line, where its table's rows follow."""
    if not signals.indicator_header_rows(state.source):
        return
    starts = tuple({cell[:_LEAD] for header in _HEADERS for cell in header if cell[:_LEAD].isalnum()})
    filled = _next_filled(state.lines)
    for i, line in enumerate(state.lines):
        if line and line.lstrip(" \f").startswith(starts):
            _join(state, i, filled)


def _next_filled(lines: list[str | None]) -> list[int]:
    """For each line, the index of the first non-blank line at or after it (len(lines): none), found in
    one pass from the end: each header's search for the row after it would otherwise scan the rest of
    the text, blank lines and all."""
    out = [len(lines)] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = i if (lines[i] or "").strip() else out[i + 1]
    return out


def _join(state: FormState, first: int, filled: list[int]) -> None:
    """The header that starts at line `first`, joined into its first line, where it is one and a row of
    its table follows."""
    lines = state.lines
    run: list[int] = []  # the header's lines: the non-blank ones up to the first row
    i = first
    while i < len(lines) and len(run) < _LINES:
        line = lines[i] or ""
        if CIRCLED.match(line.lstrip()):
            break
        if line.strip():
            run.append(i)
        i += 1
    row = (lines[filled[i]] or "") if filled[i] < len(lines) else ""
    if len(run) < 2 or "\t" not in row or not CIRCLED.match(row.lstrip()):
        return
    for header in _HEADERS:
        texts = _header(header, run, lines)
        if texts is not None:
            state.replace(first, run[-1], "\t".join(texts))
            return


def _header(header: tuple[str, ...], run: list[int], lines: list[str | None]) -> list[str] | None:
    """The header's cells' texts where the lines (their cells, and the words of a cell a space apart)
    are all the header's, whole at the last line and not before it; else None."""
    flat: list[Box] = [[(i, word, True)] for i in run for cell in (lines[i] or "").split("\t") for word in _words(cell)]
    found = interleaved_header.read(header, flat, 0, len(flat)) if flat else None
    if found is None:
        return None
    texts, _, left, after = found
    if left or after != len(flat):
        return None  # a line not the header's, or the header whole before the last line
    return texts


def _words(cell: str) -> list[str]:
    """A cell's words a space apart, a bracket kept with the word before it (`目標値 (昨年度`)."""
    words: list[str] = []
    for word in cell.split():
        if words and word[0] in "(（":
            words[-1] += word
        else:
            words.append(word)
    return [part for word in words for part in _CELL_AFTER.split(word)]
