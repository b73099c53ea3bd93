"""Section 5's indicators header whose first cells pdftotext wrote among the issues' last roles.

pdftotext writes a page a column of boxes at a time (a box: a cell's lines, a blank line between
boxes).  Where the issues' last row is taller in its roles than in its issue and its policy, the
boxes below those two, the indicators header's first cells, come before the roles' rest, and the
issues' reader took them for a role's work:

    保健所による定期訪⏎問、…の開催             保健所による定期訪⏎問、…の開催
    課題解決の達成度を測る指標                  医療
    現状値 (今年度⏎当初)                        訪問看護、オンライ⏎…
    医療                                 →      …
    訪問看護、オンライ⏎…                        による見守り
    …                                           課題解決の達成度を測る指標
    による見守り                                現状値 (今年度⏎当初)
    目標値 (令和5年⏎度末)                       目標値 (令和5年⏎度末)
    見込んでいる成果・効果                      見込んでいる成果・効果
    ①ピアサポーターが…                          ①ピアサポーターが…

The header's words are the template's, never a sheet's.  Where the header starts a box of its own and
each box up to the one that makes it whole is all header or all not (the last may go on with the first row's
lines; any may be roles' lines and then header lines, as LibreOffice's boxes are), and a line between
its boxes starts with a role's word (行政, 医療, 福祉, その他関…), the boxes between go before the header,
in their order, and the header's after them; a row's box among them (①…) leaves the lines as they are.  The lines are
written again in that order, a blank line between boxes, the lines left over layout.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, interleaved_header, signals
from nikosheet.parsing.forms.template_tables import ISSUES, PLANNED, Box, boxed, non_blank
from nikosheet.vocabulary import CIRCLED, INDICATORS_HEAD

_REACH = 40  # boxes from the header's first to the one that makes it whole


def apply(state: FormState) -> None:
    """Move the indicators header's boxes written among the issues' last roles after those roles."""
    if not signals.header_among_roles(state.source):
        return
    boxes = boxed(non_blank(state.lines))
    for k, box in enumerate(boxes):
        if box[0][1].startswith(INDICATORS_HEAD):
            found = interleaved_header.read(PLANNED.header, boxes, k, _REACH)
            if found is not None:
                _move(state.lines, boxes[k : found[3]], {i for cell in found[1] for i, _, _ in cell})


def _move(lines: list[str | None], boxes: list[Box], header: set[int]) -> None:
    """The boxes between the header's written before it, where they are roles' (see the module)."""
    parts = [part for box in boxes[:-1] for part in _parts(box, header)]
    if any(part is None for part in parts):
        return  # a box of header words and then others: no box a cell (but the last: the first row's start below)
    boxes = [*(part for part in parts if part is not None), boxes[-1]]
    heads = [box for box in boxes if box[0][0] in header]
    between = [box for box in boxes if box[0][0] not in header]
    if not between or any(box[0][1][0] in CIRCLED for box in between):
        return
    if not any(_role(text) for box in between for _, text, _ in box):
        return
    _write(lines, boxes, [*between, *heads])


def _parts(box: Box, header: set[int]) -> list[Box | None]:
    """A box all header or all not as it is; a box of roles' lines and then header lines (LibreOffice
    boxes the roles' last lines with the header cells beside them) as two; None for any other mix."""
    cut = next((n for n, (i, _, _) in enumerate(box) if i in header), len(box))
    if all(i in header for i, _, _ in box[cut:]):
        return [part for part in (box[:cut], box[cut:]) if part]
    return [None]


def _role(text: str) -> bool:
    return any(pivot.match(text) for pivot in ISSUES.pivots)


def _write(lines: list[str | None], boxes: list[Box], order: list[Box]) -> None:
    """The boxes' source lines written again in `order`, a blank line between two, the rest layout."""
    first, last = boxes[0][0][0], boxes[-1][-1][0]
    # a box written as two has no blank line between them: the header's last boxes run on
    joined = max(0, sum(map(len, order)) + len(order) - 1 - (last + 1 - first))
    texts: list[str | None] = []
    for n, box in enumerate(order):
        if texts and n < len(order) - joined:
            texts.append("")
        texts += [lines[i] for i, _, _ in box]
    texts += [None] * (last + 1 - first - len(texts))
    lines[first : last + 1] = texts
