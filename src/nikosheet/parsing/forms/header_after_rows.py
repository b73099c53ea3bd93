"""Section 4's indicators header whose last pieces the converter wrote after the rows had begun.

Plain pdftotext of a Chromium PDF writes a cell's lines a box at a time, and the header row's cells
are centred in it: a tall cell's last lines (`課題解決の達成度` … `を測る指標`) or a short cell whose box
the page put late (`具体的な成果・効果`, `実績値 (昨年度末) 具体的な成果・効果`) can come out after
several rows' cells, even after the next section's number, so that no reader finds the header and
the whole table is lost:

    課題解決の達成度                          課題解決の達成度を測る指標
    目標値 (R4年度当初) 実績値 (R4年度末)      目標値 (R4年度当初) 実績値 (R4年度末)
    具体的な成果・効果                  →     具体的な成果・効果
    ①ピアサポーター                           ①ピアサポーター
    …                                         …
    ②冬期の見守り                             ②冬期の見守り
    …                                         …
    を測る指標                                (layout)

Where the section holds no table row yet (no form before read it), its header's pieces, each a line
that is nothing but the template's header words, are read in turn (`interleaved_header`) from the
line that starts the header's first cell.  When the header is whole only after a second row has
begun (a line that starts with `②` before its last piece), each piece written after the first row's
start goes on the line of its cell's last piece above the rows, or, for a cell with none there or a
line of several cells, on the header's last line above them, a space apart; the header's lines above
the rows stay where they are (their widths tell the readers the columns'), and the cell-per-line
readers after find the header and read the rows below it.  A header whole beside the first row is
left to them: they read it there.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, interleaved_header, signals
from nikosheet.parsing.forms.template_tables import OUTCOMES, Box, unread_outcomes_region
from nikosheet.vocabulary import CIRCLED, INDICATORS_HEAD

_ROWS = 2  # rows begun before the header's last piece: one is the first row's band, which the readers know
# a later cell's first words after a space: two cells' lines side by side (`目標値 (R4年度 実績値 (R4年`)
_CELL_START = re.compile(" (?=" + "|".join(re.escape(cell[:3]) for cell in OUTCOMES.header) + ")")


def apply(state: FormState) -> None:
    """Move section 4's indicator header's pieces written after its second row began up to its lines above
    the rows."""
    if not signals.header_after_rows(state.source):
        return
    region = unread_outcomes_region(state.lines)
    if region is None:
        return
    start, end = region
    lines = state.lines
    boxes: list[Box] = [
        [(i, part, True)]
        for i in range(start, end)
        if (text := lines[i]) is not None and text.strip(" \f\u3000")
        for part in _CELL_START.split(text.strip(" \f\u3000"))
    ]
    k = next((k for k, box in enumerate(boxes) if box[0][1].startswith(INDICATORS_HEAD[:4])), None)
    if k is None:
        return
    found = interleaved_header.read(OUTCOMES.header, boxes, k, len(boxes) - k)
    if found is None:
        return
    _, cells, _, _ = found
    pieces = [piece for cell in cells for piece in cell]
    taken = sorted({i for i, _, _ in pieces})
    read = {(i, text) for i, text, _ in pieces}
    if any((i, text) not in read for box in boxes for i, text, _ in box if i in taken):
        return  # a line that holds a header cell's piece and the body's words: left as it is
    rows = [box[0][0] for box in boxes[k:] if box[0][1][0] in CIRCLED and box[0][0] < taken[-1]]
    if len(rows) < _ROWS:
        return  # the header whole above the rows, or beside the first: the readers find it as it is
    _move_late(lines, cells, rows[0])


def _move_late(lines: list[str | None], cells: list[Box], first_row: int) -> None:
    """Each header line after the first row's start joined to the line of its cell's last piece above
    the rows (`を測る指標` after `課題解決の達成度`); a line of a cell with none above, or of several cells
    (`実績値 (昨年度末) 具体的な成果・効果`), to the header's last line above them, a space apart.  Where
    the cell's last line above holds another cell's piece too, beside it, nothing is moved."""
    owners: dict[int, set[int]] = {}
    for c, cell in enumerate(cells):
        for i, _, _ in cell:
            owners.setdefault(i, set()).add(c)
    early = [i for i in owners if i < first_row]
    if not early:
        return
    moves: list[tuple[int, int, str]] = []  # the late line, the line it goes on, what comes between
    for i in sorted(i for i in owners if i >= first_row):
        above = [j for j, _, _ in cells[next(iter(owners[i]))] if j < first_row] if len(owners[i]) == 1 else []
        if above and len(owners[above[-1]]) > 1:
            return
        moves.append((i, above[-1], "") if above else (i, max(early), " "))
    for i, target, between in sorted(moves, key=lambda move: move[2] != ""):  # a cell's own rests first
        lines[target] = (lines[target] or "").rstrip() + between + (lines[i] or "").strip()
        lines[i] = None
