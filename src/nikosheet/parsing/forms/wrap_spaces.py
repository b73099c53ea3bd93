"""Paragraphs whose page-wrapped lines a converter joined with a space: pymupdf4llm.

pymupdf4llm writes a PDF's paragraph on one line, its wrapped lines joined by a space, so a space
stands inside a Japanese word wherever the page wrapped (`…ことができ るよう…`).  Such a space is
where the text since the line's start (or the last wrap) fills the page's width: the widest run of
text without a space in the document's prose.  It goes where a wide character stands on both sides;
a space elsewhere is the author's.

    柏市では、…自分らしく暮らすことができる よう、医療、保健…

becomes

    柏市では、…自分らしく暮らすことができるよう、医療、保健…
"""

from __future__ import annotations

import itertools

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import char_width, display_width, is_pipe_row
from nikosheet.parsing.forms.template_tables import HEADING, OVERVIEW_TITLE

_SLACK = 8  # how far short of the page's width a wrapped line may end: four wide characters
_MARKUP = ("#", "-", "*", "<", "|", "・")  # a heading, a list item, a table's or HTML's line: not a paragraph
_NARROWEST = 40  # a page narrower than this (in display columns) is no page: nothing to join


def apply(state: FormState) -> None:
    """Take out the spaces where the page wrapped a paragraph that the converter joined."""
    if not signals.wrap_spaces(state.source):
        return
    lines = state.lines
    prose = [i for i, line in enumerate(lines) if line and " " in line.strip() and not is_pipe_row(line)]
    width = max((display_width(run) for i in prose for run in (lines[i] or "").split()), default=0)
    if width < _NARROWEST:
        return
    for i in prose:
        line = lines[i] or ""
        joined = _unwrapped(line.rstrip(), min(width, _own_width(line)) - _SLACK)
        if joined != line.rstrip():
            lines[i] = joined
    _split_boxes(state)


def _split_boxes(state: FormState) -> None:
    """Two boxes of section 2's figure that pymupdf4llm joined with a space (one under the other): a
    space after a sentence's `。` that is no page's wrap (those are taken out above) is where the first
    box ended; no sheet's overview writes a sentence's end inside a paragraph but at its end (of 221
    paragraphs none; elsewhere a paragraph's lines may break there).  The second goes to the blank line
    below, a paragraph of its own."""
    lines = state.lines
    start = next((i for i, line in enumerate(lines) if line and OVERVIEW_TITLE.search(line)), len(lines))
    for i in range(start + 1, len(lines) - 1):
        line = lines[i]
        if line and (line.lstrip()[:1] in _MARKUP or HEADING.match(line.strip())):
            return  # the next heading (marked up or not), or a table: section 2 ended
        at = -1 if line is None else line.find("。 ")
        if line is None or at < 0 or lines[i + 1] != "":
            continue
        rest = line[at + 2 :].strip()
        if rest:
            lines[i], lines[i + 1] = line[: at + 1], rest
            state.alone.add(i + 1)


def _own_width(line: str) -> int:
    """A paragraph narrower than the page (in a box): two of its runs but the last as wide as each
    other are lines it wrapped, and their width is its own."""
    widths = sorted(display_width(run) for run in line.split()[:-1])
    same = [a for a, b in itertools.pairwise(widths) if b - a <= 4 and a >= _NARROWEST]
    return max(same, default=1 << 30) + 4


def _unwrapped(line: str, full: int) -> str:
    """The line with every space taken out that stands where a line `full` wide or wider wrapped."""
    runs = line.split(" ")
    out = runs[0]
    column = display_width(out)
    for run in runs[1:]:
        if column >= full and out and run and char_width(out[-1]) == 2 and char_width(run[0]) == 2:
            out += run
            column = display_width(run)  # the next line of the page starts here
        else:
            out += " " + run
            column += 1 + display_width(run)
    return out
