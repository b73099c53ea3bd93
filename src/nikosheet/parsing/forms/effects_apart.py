"""The indicator tables of sections 4 and 5 whose effects' column came apart from the rows.

Plain pdftotext of a LibreOffice PDF writes a box at a time (a box: a cell's lines, a blank line
between boxes).  Where the effects' column is set apart from the other three, the rows' names and
values come a row at a time (a value centred between its name's two lines, the other value a box
of its own), then the effects' header cell, and the effects' boxes after it or among the later
rows, each row's in turn, but cut into boxes their own way (a list's bullet, drawn alone as the
Symbol font's ``, parts a list from what stands before it):

    課題解決の達成度を測 目標値 (R5 年度 実績値 (R5 年
    る指標 / 当初) / 度末)
    ① 地域移行支援の利用 / 年 40 人 / 者数          課題解決の達成度を測る指標⇥目標値(…)⇥実績値(…)⇥具体的な成果・効果
    年 33 人                                   →   ① 地域移行支援の利用者数⇥年40人⇥年33人⇥・市外の…進んだ。 ・…
    ② 退院後支援計画の作 / 年 80 件 / 成数          ② 退院後支援計画の作成数⇥年80件⇥年91件⇥措置入院者の…定着した。
    年 91 件                                        ③ ピアサポーターの活動回数⇥年100回⇥年118回⇥・病院訪問62回 ・…
    具体的な成果・効果
     / ・市外の病院への出張面接を行い、… /  / くりが進んだ。…
    措置入院者の…定着 / した。
     / ・病院訪問 62 回 /  / ・研修講師 31 回
    ③ ピアサポーターの活 / 年 100 回 / 動回数
    年 118 回

A row is its name's box (an indicator ①, ② … in turn) and the boxes that make its two values (a
value centred between the name's lines, or beside the name on its first line with its rest on the
box's last line, the other value on a line between); every other box is the effects'.  Their cells
are the boxes each in turn, a run of boxes each after a bullet drawn alone being one list's.  Where
there are as many cells as rows, each row takes the next; else which row an effect belongs to
cannot be told: the rows are read with their effects empty, and the effects are kept as text below
the table with a `missing-table` warning.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.indicator_boxes import (
    PIVOT,
    VALUE_AFTER,
    header_cells,
    in_order,
    indicator_table,
    value_amid_name,
)
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import CIRCLED, HEADING, STOP, Box, Piece, join_cell, write_table
from nikosheet.vocabulary import OUTCOME_COLUMNS

_SENTENCE = "。"
_HEADER_LINES = 12  # the most lines a header's box takes: a longer box's earlier lines are the text above
_VALUE_LINES = 2  # lines of a value's box at most
_ROW_CELLS = 3  # a row's name and its two values
_SIDE_LINES = 4  # a name and a value side by side on two lines, the other value on the line between


def apply(state: FormState) -> None:
    """Rebuild each indicator table whose effects' header cell and effects come after its rows."""
    if not signals.effects_apart(state.source):
        return
    source = state.source.split("\n")
    boxes = boxes_of(state.lines)
    k = 0
    while k < len(boxes):
        k = _rebuild(state, source, boxes, k)


def _header_tail(box: Box) -> tuple[list[str], Box, Box] | None:
    """The header cells the box's last lines are (the lines before them a caption), those lines, and
    the first row's lines where it went on in the box (`…度当初)` `① ピアサポーターに`); or None."""
    ends = [*[j for j in range(1, len(box)) if CIRCLED.match(box[j][1])][:1], len(box)]
    for end in ends:
        for j in range(max(end - _HEADER_LINES, 0), end):
            cells = header_cells(box[j:end])
            if cells is not None:
                return cells, box[j:end], box[end:]
    return None


class _Table:
    """A table being read: its header's cells and lines, its rows' boxes, its effects' boxes."""

    def __init__(self, cells: list[str], head: Box) -> None:
        self.cells = cells
        self.head = head
        self.rows: list[list[Box]] = []
        self.effects: list[Box] = []
        self.late: str | None = None  # the effects' header cell, read after a row

    def whole(self) -> bool:
        """Whether the rows read so far are whole, the header's first three cells before them."""
        if self.rows and _row_cells(self.rows[-1]) is None:
            return False
        return len(self.cells) == _ROW_CELLS + (self.late is not None)


def _rebuild(state: FormState, source: list[str], boxes: list[Box], start: int) -> int:
    """The table whose header's first box is boxes[start], rebuilt when it reads so: the next box."""
    found = _header_tail(boxes[start])
    if found is None:
        return start + 1
    table = _Table(*found[:2])
    after = [found[2]] if found[2] else []  # the first row's lines, where they went on in the header's box
    after += boxes[start + 1 :]
    n = 0
    while n < len(after):
        box = after[n]
        first = box[0][1]
        if "\t" in first or HEADING.match(first) or STOP.match(first):
            break
        late = _late_header(table, box)
        if late is not None:
            table.late = late
            table.cells.append(late)
            table.head += box[:1]
            after[n] = box[1:]  # the first effects' lines, written on in the header cell's box
            continue
        cells = header_cells(box)
        if cells is not None and not table.rows:
            table.cells += cells
            table.head += box
        elif cells is not None and table.late is None and len(cells) == 1:
            table.late = cells[0]
            table.cells += cells
            table.head += box
        elif CIRCLED.match(first) and ord(first[0]) == ord("\u2460") + len(table.rows):
            if not table.whole():
                return start + 1  # (the row above not whole, or the header's first cells not all before it)
            table.rows.append([box])
        elif not table.rows or cells is not None:
            return start + 1
        elif _row_cells(table.rows[-1]) is None:
            if len(box) > _VALUE_LINES or any(text.endswith(_SENTENCE) for _, text, _ in box):
                return start + 1
            table.rows[-1].append(box)
        else:
            table.effects.append(box)
        n += 1
    k = start + 1 + n - (1 if found[2] else 0)
    if table.late is None or not table.effects or _row_cells(table.rows[-1]) is None:
        return start + 1
    return _write(state, source, table, k)


def _late_header(table: _Table, box: Box) -> str | None:
    """The effects' header cell where it is the first line of a box the first row's effects go on in,
    after whole rows (`具体的な成果・効果` `未設置 6 町のうち 3 町が…決` `めた。`); else None."""
    if table.late is not None or not table.rows or len(box) < 2 or not table.whole():
        return None
    cells = header_cells(box[:1])
    if cells is None or len(cells) != 1 or header_cells(box[:2]) is not None:
        return None
    return cells[0]


def _write(state: FormState, source: list[str], table: _Table, k: int) -> int:
    """Write the table read: each row's cells, its effects where each row's can be told."""
    found = indicator_table(table.cells)
    if found is None or in_order(found, table.cells)[-1] != table.late:
        return k  # (the effects' header cell is the header's last: the one read after the rows)
    rows = [_row_cells(row) or [] for row in table.rows]
    effects = _effects_cells(source, table.effects)
    told = len(effects) == len(rows)
    written = [
        (row[0][0][0], "\t".join([*cells, effects[n] if told else ""]))
        for n, (row, cells) in enumerate(zip(table.rows, rows, strict=True))
    ]
    last = max(i for box in [*(b for row in table.rows for b in row), *table.effects] for i, _, _ in box)
    if not told:
        last = max(i for row in table.rows for box in row for i, _, _ in box)
        if table.effects[0][0][0] < last:
            return k  # (effects among the rows, not as many as the rows: whose they are cannot be told)
    head: list[Piece] = sorted((i, t, False) for i, t, _ in table.head)
    write_table(state.lines, head, "\t".join(in_order(found, table.cells)), written, last)
    if not told:
        for i, _, _ in head:
            if i > last:
                state.lines[i] = None  # the effects' header cell after the rows: the header's
        section = 4 if found.header[1].startswith(OUTCOME_COLUMNS["target"]) else 5
        first = table.effects[0][0][0]
        state.note(Diagnostic.MISSING_TABLE, first, str(messages.EFFECTS_APART(section=section)))
    return k


def _row_cells(row: list[Box]) -> list[str] | None:
    """A row's name and two values, or None while they are not all read (`① 地域移行支援の利用`
    `年 40 人` `者数`, then `年 33 人`: the first value centred between the name's lines)."""
    if len(row) == 1:
        return _side_by_side(row[0])
    boxes = value_amid_name(row)
    texts = [join_cell(box) for box in boxes]
    if len(texts) == _ROW_CELLS - 1 and len(boxes[0]) == 1 and (value := VALUE_AFTER.search(texts[0])):
        texts[:1] = [texts[0][: value.start()], value.group(1)]  # `① 協議の場の設置数 20市町村`
    if len(texts) != _ROW_CELLS or not is_value(texts[1]):
        return None
    return texts


def _side_by_side(box: Box) -> list[str] | None:
    """A row in one box of four lines: its name's first line and its first value's a space apart,
    its other value (one line, centred) between, then the name's and the value's second lines
    (`③ 中山間地域での訪 相談件数 30` `相談件数 41 件` `問型相談` `件`); else None."""
    if len(box) != _SIDE_LINES or not is_value(box[1][1]):
        return None
    line = box[0][1]
    for m in re.finditer(" ", line):
        value = f"{line[m.end() :]}{box[3][1]}"
        if m.start() >= PIVOT and is_value(value) and not is_value(box[2][1]):
            return [join_cell([(box[0][0], line[: m.start()], False), box[2]]), value, box[1][1]]
    return None


def _effects_cells(source: list[str], boxes: list[Box]) -> list[str]:
    """The effects' cells: each box, a run of boxes each after a bullet drawn alone one cell (a list)."""
    cells: list[list[Box]] = []
    listed = False
    for box in boxes:
        bullet = after_bullet(source, box[0][0])
        if bullet and listed:
            cells[-1].append(box)
        else:
            cells.append([box])
        listed = bullet
    return [join_cell([(i, t, False) for box in cell for i, t, _ in box]) for cell in cells]


def after_bullet(source: list[str], index: int) -> bool:
    """Whether the source's line before `index` (blank lines aside) is a bullet drawn alone."""
    i = index - 1
    while i >= 0 and not source[i].strip(" \f\u3000"):
        i -= 1
    return i >= 0 and source[i].strip(" \f\u3000") in LONE_BULLETS
