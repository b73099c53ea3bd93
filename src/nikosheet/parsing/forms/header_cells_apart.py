"""A table header whose cells a converter wrote apart, the first row's cell of each column after it:
the header's cells put back together, before the row.

Plain pdftotext of a LibreOffice PDF writes a table a box at a time, and where the header's cells
and the first row's stand on one baseline (LibreOffice centres them in their rows) it may read down
each column in turn: a header cell, then the first row's cell below it, then the next header cell:

    課題                                  課題
    長期入院者の退院後の住まい⏎が不足している    課題解決に向けた取⏎組方針
    課題解決に向けた取⏎組方針        →    課題・方針に対する役割(取組)
    不動産関係団体との⏎協議を行う          長期入院者の退院後の住まい⏎が不足している
    課題・方針に対する役割(取組)⏎行政      不動産関係団体との⏎協議を行う
    …                                     行政 …

The template's header cells are the guide (`template_tables`): a box (a cell's lines) that starts
with a header cell's words, in the header's order, each but the first after at most one box of the
row's (a policy's list, up to three; a list's bullet that LibreOffice drew alone, `・` on a line of its
own between a policy's boxes, takes no place; the policy's boxes are one cell where each ends on a line
as wide as its widest, or short of it by the room of the bullet drawn apart).  The issues' table's
first cell, `課題`, may also stand on a line of its own with the first issue's lines below it in its
box (the strengths' items above it): the issue is then the row's.  The lines are only put in another
order, in the same places: the cell-per-line readers then find the header whole and the row after it.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import CIRCLED, ISSUES, SPACE, TABLES, Box

_POLICY_BOXES = 3  # boxes a policy of the issues' table may be cut into (its roles' boxes beside it, centred)
# each header's cells, and how many of the first row's boxes may stand before each but the first: one,
# but a policy of the issues' table (its roles' boxes beside it, centred) may be cut into up to three
Headers = tuple[tuple[tuple[re.Pattern[str], ...], int], ...]
CELLS: Headers = tuple(
    (tuple(re.compile(cell) for cell in table.header), _POLICY_BOXES if table is ISSUES else 1)
    for table in TABLES
    if len(table.header) > 1
)


def apply(state: FormState) -> None:
    """Put each header whose cells stand apart back together, before its first row."""
    if not signals.header_cells_apart(state.source):
        return
    boxes = boxes_of(state.lines)
    after = 0  # the box after the last header put together: its boxes are read
    for k in range(len(boxes)):
        if k >= after:
            after = put_together(state.lines, boxes, k)


def put_together(lines: list[str | None], boxes: list[Box], k: int, tables: Headers = CELLS) -> int:
    """The header (of `tables`) whose first cell ends box k put back together when its cells stand apart:
    the next box to look at."""
    for cells, between in tables:
        found = _apart(boxes, k, cells, between)
        if found is not None:
            _reorder(lines, found[0], found[1])
            return found[2]
    return k + 1


def _apart(
    boxes: list[Box], k: int, cells: tuple[re.Pattern[str], ...], between: int
) -> tuple[list[int], list[int], int] | None:
    """The header's lines and the row's lines between them when the header's cells start boxes k, k+1
    or k+2, …, each after at most `between` boxes of the row's, the last perhaps followed by the row's
    first lines in its box (two cells may share a line, a space apart); and the next box to look at.
    None when the cells are not apart."""
    head: list[int] = []
    body: list[int] = []
    at = k
    n = 0
    while n < len(cells):
        cell = cells[n]
        pair = cells[n : n + 2] if n and n + 1 < len(cells) else ()
        for skip in range(between + 1 + _bullets(boxes, at, between)) if n else (0,):
            if at + skip >= len(boxes):
                return None
            taken = _cell_lines(boxes[at + skip], cell) if n else _first_cell_lines(boxes[at], cell)
            if taken is None and not n and between == _POLICY_BOXES:
                taken = _first_cell_above_row(boxes[at], cell)
            paired = taken is None and bool(pair)
            if paired:
                taken = pair_line(boxes[at + skip], pair)
            if taken is not None and (skip < 2 or _one_cell(boxes[at : at + skip])):
                n += paired
                break
        else:
            return None
        for box in boxes[at : at + skip]:
            body += [i for i, _, _ in box]
        head += taken
        rest = [i for i, _, _ in boxes[at + skip] if i not in taken and (n or i > taken[-1])]
        first_row = n == 0 and (_numbered(boxes[at], rest[0]) or between == _POLICY_BOXES) if rest else False
        if rest and n + 1 < len(cells) and not first_row and not paired:
            return None  # a header cell but the last shares its box with the row's lines (but ① after the
            # first, an issue below `課題`, or a row's first value below two cells a space apart)
        body += rest
        at += skip + 1
        n += 1
    return (head, body, at) if body and body[0] < head[-1] else None


def pair_line(box: Box, cells: tuple[re.Pattern[str], ...]) -> list[int] | None:
    """The box's first line when it is two header cells a space apart (`現状値 (今年度当初) 目標値 (今年度末)`)."""
    index, line, _ = box[0]
    for at in (m.start() for m in re.finditer(" ", line)):
        if all(cell.fullmatch(SPACE.sub("", part)) for cell, part in zip(cells, (line[:at], line[at:]), strict=True)):
            return [index]
    return None


def _bullets(boxes: list[Box], at: int, between: int) -> int:
    """How many of the boxes from `at` on, among the first `between` others, are a list's bullet drawn
    alone (`・` between a policy's wrapped boxes): they take no place of the row's boxes."""
    count = others = 0
    for box in boxes[at:]:
        if _bullet(box):
            count += 1
        else:
            others += 1
            if others > between:
                break
    return count


def _bullet(box: Box) -> bool:
    return len(box) == 1 and box[0][1].strip(" \f\u3000") in LONE_BULLETS


_INDENT = 2  # display columns a list's item's line may stand short of its column (the bullet drawn apart)


def _one_cell(boxes: list[Box]) -> bool:
    """Whether the boxes are one cell's wrapped lines: each box but the last ends on a line as wide
    as the widest of them all, or short of it by the room of the bullet LibreOffice drew apart (its
    column's width: the cell goes on in the next box, `・全19病院への訪問を継` `続し、退院支援委員会に地`);
    a list's bullet drawn alone between them is none of its lines."""
    boxes = [box for box in boxes if not _bullet(box)]
    if not boxes:
        return False
    widest = max(display_width(line) for box in boxes for _, line, _ in box)
    return all(display_width(box[-1][1]) >= widest - _INDENT for box in boxes[:-1])


_CELL_LINES = 8  # the most lines a header cell takes (its narrow column wraps it): a longer box is looked at so far


def _cell_lines(box: Box, cell: re.Pattern[str]) -> list[int] | None:
    """The box's first lines that make the header cell, or None."""
    text = ""
    for n, (_, line, _) in enumerate(box[:_CELL_LINES]):
        text += SPACE.sub("", line)
        if cell.fullmatch(text):
            return [i for i, _, _ in box[: n + 1]]
    return None


def _first_cell_lines(box: Box, cell: re.Pattern[str]) -> list[int] | None:
    """The box's last lines that make the header's first cell (the text above the table may end the
    same box), or before the first row's numbered name (`① …`) that ends the box; or None."""
    end = next((k for k, (_, line, _) in enumerate(box) if CIRCLED.match(line)), len(box))
    for stop in dict.fromkeys((len(box), end)):
        for j in range(stop - 1, max(stop - _CELL_LINES, 0) - 1, -1):
            if cell.fullmatch(SPACE.sub("", "".join(line for _, line, _ in box[j:stop]))):
                return [i for i, _, _ in box[j:stop]]
    return None


def _first_cell_above_row(box: Box, cell: re.Pattern[str]) -> list[int] | None:
    """The box's line that is the header's first cell alone, the text above the table before it and the
    first row's cell below it in the same box (the issues' table: the first issue right below `課題`,
    `課題` / `1 年以上の長期入院者が 693 人と多` / `く、…`); or None."""
    return next(([i] for i, line, _ in box if cell.fullmatch(SPACE.sub("", line))), None)


def _numbered(box: Box, index: int) -> bool:
    """Whether the box's line at source index `index` is a numbered row's (`① …`)."""
    return any(i == index and CIRCLED.match(line) is not None for i, line, _ in box)


def _reorder(lines: list[str | None], head: list[int], body: list[int]) -> None:
    """The header's lines first, then the region's other lines in their order, in the same places (a
    blank line of theirs moved up between the header and the row, which keep their boxes apart)."""
    first, last = min(head + body), max(head + body)
    rest = [lines[i] for i in range(first, last + 1) if i not in head]
    blank = next((n for n, line in enumerate(rest) if line is not None and not line.strip()), None)
    if blank is not None:
        rest = ["", *rest[:blank], *rest[blank + 1 :]]
    lines[first : last + 1] = [lines[i] for i in head] + rest
