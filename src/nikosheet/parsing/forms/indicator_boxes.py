"""The indicator tables of sections 4 and 5 whose header cells stand apart around their rows.

Plain pdftotext of a LibreOffice PDF writes a box at a time (a box: a cell's lines, a blank line
between boxes).  LibreOffice centres a cell in its row, so the header's one-line cells and its
wrapped ones come apart: some before the rows, some after them; the rows themselves come a cell a
box, the indicator (①, ②…) first:

    現状値 (今年度当⏎初)                  課題解決の達成度を測る指標⇥現状値 (今年度当初)⇥目標値 (…)⇥見込んで…
    目標値 (令和 5 年度⏎末)               ① 入院中からの退院支援の開始件数⇥17 件⇥25 件⇥区外病院からの退院促進
    ① 入院中からの退院支援の開始件数  →  ② 地域包括支援センターとの合同事例検討会⇥年1回⇥年4回⇥高齢の…
    17 件
    25 件
    区外病院からの退院促進
    ② 地域包括支援センターとの合同事例検⏎討会
    …
    課題解決の達成度を測る指標
    見込んでいる成果・効果

The header's cells are the template's own words, never a sheet's content, so a box made of them
alone is the header's, wherever it stands (between a row's cells and the rest of its effects that a
page cut: `…抽出できる体` `課題解決の達成度を測る指標` `見込んでいる成果・効果` `\f制ができる` `③ …`, the
rest at the next page's top, in one box with the next row's name).  The table is rebuilt only when
every other box of the region belongs to a row (an indicator's box, then its cells' boxes), every row
has its four cells in their order and the header all of its own.  A row's first value (the one beside
its name) may come last, after its effects (`60 人` `当事者参画の拡大` `48 人`: the target, the effects, then
the current value; section 4's `12 名` `…増えた。` `15 名`: the actual, the effects, then the target): it goes
back before the other.  A row whose effects come before both its values had its one-line cells written in
no order: its name is read and its other cells kept as text below the table.

Section 5's indicators may also have their header's last cell (`見込んでいる成果・効果`) after the rows,
with the template's guidance under the table (`※指標設定…`, set under the first column) before it: the
guidance stays where it is, and the boxes after that cell are its column's cells the rows lack, in the rows'
order (`未治療・医療中断者の…` `担当者の…` for the two rows written without effects).  A one-line value written
late (`なし` after the late first name) is the first value of the row that lacks one.  A row one box short
may hold two cells in a box: its name's last line and its first value a space apart, or a wrapped value and
its effects side by side (`各保健センター年2 高齢の親と…支` `回` `援`).  Every late box must so fill a row
that lacks it, else the rows are read as before.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, interleaved_header, scattered_header, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.template_tables import (
    CIRCLED,
    HEADING,
    SPACE,
    STOP,
    TABLES,
    Box,
    Piece,
    Table,
    join_cell,
    write_table,
)
from nikosheet.vocabulary import NOTHING, OUTCOME_COLUMNS, PLANNED_COLUMNS

_INDICATORS = tuple(t for t in TABLES if t.header[0] == OUTCOME_COLUMNS["name"])
_CELL = re.compile("|".join(f"({cell})" for table in _INDICATORS for cell in table.header))
_SENTENCE = "。"
_GUIDANCE = "※指標設定"  # the template's guidance under the indicators: `※指標設定が困難な場合は…`
VALUE_AFTER = re.compile(r" ([0-9０-９][^ ]*)$")  # a count at the end of a line, after a space
PIVOT = 2  # characters of an indicator's number and the space after it (`① `)
_ROW_CELLS = 4  # an indicator's name, its two values and its effects
_NAME_CELL = OUTCOME_COLUMNS["name"]  # the header's first cell (`課題解決の達成度を測る指標`)


def apply(state: FormState) -> None:
    """Rebuild each indicator table whose header's cells stand apart from one another."""
    if not signals.indicator_boxes(state.source):
        return
    names = [i for i, line in enumerate(state.lines) if line is not None and CIRCLED.match(line.lstrip(" \f"))]
    scattered_header.gather(state, names)
    boxes = boxes_of(state.lines)
    k = 0
    while k < len(boxes):
        tail = _header_tail(boxes[k])
        if tail is None:
            k += 1
            continue
        k = _rebuild(state, [*boxes[:k], tail, *boxes[k + 1 :]], k)


def _header_tail(box: Box) -> Box | None:
    """The box's last lines that are header cells (the lines before them are the text above the
    table's: a caption, another table's last cell), or None."""
    start = max(len(box) - _HEADER_LINES, 0)
    return next((box[j:] for j in range(start, len(box)) if header_cells(box[j:]) is not None), None)


_HEADER_LINES = 12  # the most lines a header's box takes: a longer box's earlier lines are the text above


def header_cells(box: Box) -> list[str] | None:
    """The header cells a box is made of: its lines joined, or two cells side by side on its first
    line, each going on in one of the next two lines (`…測る指 目標値 (R4年度当` `標` `初)`)."""
    found = _cells_of("".join(t for _, t, _ in box))
    if found is None:
        found = interleaved(box)
    if found is not None or len(box) != 3:
        return found
    line = box[0][1]
    for m in re.finditer(" ", line):
        found = _cells_of(line[: m.start()] + box[1][1] + line[m.end() :] + box[2][1])
        if found is not None and len(found) == 2:
            return found
    return None


# each indicator table and where one of its header cells starts on a line, after a space
_CELL_STARTS = tuple(
    (table, re.compile(" (?=" + "|".join(re.escape(cell[:3]) for cell in table.header) + ")")) for table in _INDICATORS
)


_WHOLE_OR_FIRST = ((0, 4), (0, 3))  # the header's cells a box may interleave: all, or all but the last


def interleaved(box: Box, spans: tuple[tuple[int, int], ...] = _WHOLE_OR_FIRST) -> list[str] | None:
    """The header cells of an indicator table whose cells' lines the box interleaves, each line going
    on one cell or several side by side (`課題解決の達成度 目標値 (R5 年 実績値 (R5 年` `を測る指標`
    `度当初)` `度末)`), every line the header's; `spans`: which of its cells, in turn (by default all,
    or all but the last: the last may be a box of its own)."""
    for table, starts in _CELL_STARTS:
        lines = [[(i, part, blank)] for i, text, blank in box for part in starts.split(text)]
        for first, end in spans:
            found = interleaved_header.read(table.header[first:end], lines, 0, len(lines))
            if found is not None and not found[2] and found[3] == len(lines):
                return found[0]
    return None


def _cells_of(text: str) -> list[str] | None:
    """The header cells the text is made of (white space aside), or None."""
    text = SPACE.sub("", text)
    cells: list[str] = []
    pos = 0
    while pos < len(text):
        m = _CELL.match(text, pos)
        if m is None or m.end() == pos:
            return None
        cells.append(m.group())
        pos = m.end()
    return cells or None


def _rebuild(state: FormState, boxes: list[Box], start: int) -> int:
    """The table whose first header box is boxes[start], rebuilt when it reads whole: the next box to
    look at."""
    header: list[str] = []
    head: list[Piece] = []
    rows: list[list[Box]] = []
    strays: list[Box] = []
    orphans: list[Box] = []  # the first row's cells, its name written after the other rows
    late: list[Box] | None = None  # boxes after that name: a row's one-line cell, held to the table's end
    guidance: list[Box] = []  # the template's guidance below the table, written among the header's boxes
    spare: list[Box] | None = None  # boxes after the header's last cell, the rows written before it
    k = start
    while k < len(boxes):
        box = boxes[k]
        first = box[0][1]
        if rows and _guidance_row(rows[-1], first) and k + 1 < len(boxes) and header_cells(boxes[k + 1]):
            rows[-1].append(box)  # `③` `※指標設定が困難な場合は…` `課題解決の…`: the guidance inside the table
            k += 1
            continue
        if rows and _guidance_amid(header, first, boxes[k + 1 : k + 2]):
            guidance.append(box)  # `課題解決の…` `※指標設定が困難な場合は…` `見込んでいる成果・効果`
            k += 1
            continue
        if "\t" in first or HEADING.match(first) or STOP.match(first):
            break
        cells = header_cells(box)
        lead = _header_lead(box) if cells is None and (rows or orphans) else 0
        if lead and orphans and late is None and CIRCLED.match(box[lead][1]) and _first_late(rows, box[lead][1]):
            header += _cells_of("".join(t for _, t, _ in box[:lead])) or []
            head += [(i, t, False) for i, t, _ in box[:lead]]
            rows.insert(0, [box[lead:], *orphans])  # `課題解決の達成度を測る指標` `① …`: the first row's name
            late = []
        elif lead and (late is not None or not rows):
            return start + 1  # (no row yet for the cell below the header's last: the rows' cells came elsewhere)
        elif late is not None and cells is None and not CIRCLED.match(first):
            late.append(box)
        elif spare is not None and cells is None and not CIRCLED.match(first):
            spare.append(box)  # (a page's top, `\f制ができる` `③ …`, comes after no short row)
        elif lead:  # the header's last cell and the last row's cell below it, one box (both centred)
            cells, box = _cells_of("".join(t for _, t, _ in box[:lead])), box[lead:]
            header += cells or []
            head += [(i, t, False) for i, t, _ in boxes[k][:lead]]
            if _effects_late(header, rows):
                spare = [box]
            else:
                rows[-1].append(box)
        elif cells is not None:
            header += cells
            head += [(i, t, False) for i, t, _ in box]
            if _effects_late(header, rows):
                spare = []
        elif CIRCLED.match(first) and orphans and rows and late is None and _first_late(rows, first):
            rows.insert(0, [box, *orphans])  # the first row's name written after the other rows, alone
            late = []
        elif CIRCLED.match(first):
            if spare:  # (a row after the header's last cell: the boxes before it were the last row's)
                rows[-1].extend(spare)
            spare = None
            rows.append([box])
        elif rows and (cut := _page_rest(rows[-1], box, state.lines[box[0][0]] or "")):
            rows[-1][-1] = [*rows[-1][-1], *box[:cut]]  # the row's effects the page cut, then the next row
            rows.append([box[cut:]])
        elif rows:
            rows[-1].append(box)
        elif k == start + 1 and _stray(state, boxes[start], box):
            strays.append(box)  # the table above's last cell, between the header's first box and the next
        elif not orphans and _amid_header(header) and not any(is_value(text.strip()) for _, text, _ in box):
            tail = _header_tail(box)  # (the table above's last line and a header cell below it, one box)
            strays.append(box if tail is None else box[: len(box) - len(tail)])
            if tail is not None:
                header += header_cells(tail) or []
                head += [(i, t, False) for i, t, _ in tail]
        elif header and (not strays or len(header) == _ROW_CELLS):
            orphans.append(box)  # a row's cells before any indicator: the first row's, if its name comes
        else:
            return start + 1  # text before the first row: not this table's
        k += 1
    table = indicator_table(header)
    if table is None or not rows or (orphans and late is None):
        return start + 1
    filled = False  # the rows short of a cell given the boxes written after them
    if table.header[1].startswith(PLANNED_COLUMNS["current"]):
        rows = [unwoven(row) for row in rows]
        for rest in (late, spare):
            found = _fill_late(rows, rest) if rest and not filled else None
            if found is not None and rest is not None:
                rows, filled = found, True
                rest.clear()
    rows[-1].extend(spare or [])
    if guidance and any(i < max(row[0][0][0] for row in rows) for box in guidance for i, _, _ in box):
        return start + 1  # (the guidance is kept where it stands: below every row's first line)
    texts = [
        [*_cells(row, len(table.header)), ""] if filled and _no_effects(row) else _cells(row, len(table.header))
        for row in rows
    ]
    last = max(i for box in boxes[start:k] for i, _, _ in box)
    apart = [row for row, cells in zip(rows, texts, strict=True) if len(cells) != len(table.header)]
    kept = _kept_apart(apart, [row[0][0][0] for row in rows], last)
    if kept is None or (late and not apart) or len(texts[0]) != len(table.header) or (guidance and apart):
        return start + 1  # (a late cell is kept with a row's that came in no order, never alone)
    kept = " ".join([kept, *(join_cell(box) for box in late or [])]).strip()
    texts = [
        cells if len(cells) == len(table.header) else _name_only(row, table)
        for row, cells in zip(rows, texts, strict=True)
    ]
    written = [(min(box[0][0] for box in row), "\t".join(cells)) for row, cells in zip(rows, texts, strict=True)]
    head = _after_strays(state, sorted(head), strays)
    if not head:
        return start + 1
    write_table(state.lines, head, "\t".join(in_order(table, header)), written, last)
    for i, text, _ in (piece for box in guidance for piece in box):
        if state.lines[i] is None:
            state.lines[i] = text
    if kept:
        state.lines[last] = kept
        for row in apart:
            state.note(Diagnostic.MISSING_TABLE, row[0][0][0], str(messages.CELLS_IN_NO_ORDER(name=_name(row) or "")))
    return k


_STRAY_LINES = 2  # lines of the table above's last cell that may stand between the header's boxes


def _header_lead(box: Box) -> int:
    """How many of a box's first lines are a header's cells, the others not (`見込んでいる成果・効果`
    `市町村単位の支援体制が整う`: the header's last cell and the cell below it); 0 where none are."""
    return next((j for j in range(len(box) - 1, 0, -1) if _cells_of("".join(t for _, t, _ in box[:j]))), 0)


_PAGE_REST = 2  # lines of a cut cell's rest at the next page's top


def _page_rest(row: list[Box], box: Box, line: str) -> int:
    """Where the next row starts in a box that opens a page (`\f制ができる` `③ …`): the lines before it are
    the rest of the row's effects that the page cut (the row has its four cells: its name, its values
    and its effects begun, no sentence ended); `line`: the box's first line as the source has it.  0
    where the box is no such."""
    if len(row) != _ROW_CELLS or not line.lstrip(" ").startswith("\f"):
        return 0
    cut = next((j for j, (_, text, _) in enumerate(box) if CIRCLED.match(text.lstrip(" \f"))), 0)
    if not 0 < cut <= _PAGE_REST or any(text.rstrip().endswith(_SENTENCE) for _, text, _ in row[-1]):
        return 0
    return cut


def _guidance_row(row: list[Box], first: str) -> bool:
    """Whether a box that starts with `first` may be the template's guidance the sheet wrote in a row
    left empty but its number (`③` `※指標設定が困難な場合は…`): so where the header's cells follow it
    (else it is the guidance below the table)."""
    return len(row) == len(row[0]) == 1 and len(row[0][0][1].strip()) == 1 and first.startswith(_GUIDANCE)


def _guidance_amid(header: list[str], first: str, after: list[Box]) -> bool:
    """Whether a box that starts with `first` is the template's guidance below the planned indicators'
    table, written before the header's last cell (pdftotext writes the guidance, set under the first
    column, with that column's cells): the header not yet whole, its cells in the box after."""
    return (
        first.startswith(_GUIDANCE)
        and _ROW_CELLS > len(header) > 0
        and any(cell.startswith(PLANNED_COLUMNS["current"]) for cell in header)
        and bool(after)
        and (header_cells(after[0]) is not None or _header_lead(after[0]) > 0)
    )


def _effects_late(header: list[str], rows: list[list[Box]]) -> bool:
    """Whether the planned indicators' header just became whole with its effects' cell, written after
    the rows: the boxes after it are that column's cells the rows lack (LibreOffice centres the header's
    one-line cell in its tall row, and pdftotext writes it with the column's cells below it)."""
    return (
        len(header) == _ROW_CELLS
        and header[-1] == PLANNED_COLUMNS["expected_effects"]
        and any(cell.startswith(PLANNED_COLUMNS["current"]) for cell in header)
        and any(len(row) < _ROW_CELLS for row in rows)
    )


def _fill_late(rows: list[list[Box]], spare: list[Box]) -> list[list[Box]] | None:
    """The rows short of a cell given the boxes written after them (LibreOffice centres a one-line cell
    in its tall row, and pdftotext writes it after the rows), in order: a value is the row's first value
    (the one beside its name: `③ …` `作成・配布` `退院支援で…`, then `なし`), a text the effects of a row that
    has both values (`① …` `27人` `35人`, then `未治療・医療中断者の…`), a value and a text the rest of a row
    that has one value (`③ …` `未作成`, then `手順書の案を作成` `市外に住所がある…`); a row whose name and two
    values are all it has then has no effects.  None unless every box fills a row that lacks its kind of
    cell and every row short of a cell takes one."""
    boxes = [cell for box in spare for cell in _woven_pair(box)]
    out = [list(row) for row in rows]
    k = 0
    for row in out:
        if not 1 < len(row) < _ROW_CELLS:
            continue
        left = boxes[k:]
        if not left:
            return None
        two = len(left) > 1 and _value_like(left[0]) and not _value_like(left[1])
        if len(row) == _ROW_CELLS - 1 and _values_only([left[0]]) and not _value_like(row[2]):
            row.insert(1, left[0])
        elif len(row) == _ROW_CELLS - 1 and not _value_like(left[0]) and all(map(_value_like, row[1:])):
            row.append(left[0])
        elif len(row) == _ROW_CELLS - 2 and _value_like(row[1]) and two:
            row += left[:2]
            k += 1
        elif len(row) == _ROW_CELLS - 2 and _value_like(row[1]) and _values_only([left[0]]):
            row.insert(1, left[0])
        else:
            return None
        k += 1
    return out if k == len(boxes) else None


def _values_only(cells: list[Box]) -> bool:
    return all(_value_or_dash(text.strip()) for cell in cells for _, text, _ in cell)


_SHORT_VALUE = 10  # characters of a value in words at most (`5地区で作成`, `作成・配布`): an effect is longer


def _value_like(cell: Box) -> bool:
    """Whether a cell may be a value: a count, or a few words (`5地区で作成`, `手順書の案を作成`), no sentence."""
    if _values_only([cell]):
        return True
    text = join_cell(cell)
    return len(text) <= _SHORT_VALUE and not text.endswith(_SENTENCE)


def _no_effects(row: list[Box]) -> bool:
    """Whether a planned indicator's row is its name and its two values alone: its effects left empty."""
    return len(row) == _ROW_CELLS - 1 and all(map(_value_like, row[1:]))


_WOVEN_PAIR = 3  # lines of two cells woven: their first lines on one, then each cell's second


def unwoven(row: list[Box]) -> list[Box]:
    """A row short of a cell with its cells apart where two share a box: the name's last line and its
    first value a space apart (`② 地区別ネットワーク会議の開催 計9回`), a value amid the name's lines
    (`value_amid_name`), or the row's last box two cells woven (`_woven_pair`)."""
    if len(row) != _ROW_CELLS - 1:
        return row
    name = row[0]
    i, text, blank = name[-1]
    head, _, tail = text.rpartition(" ")
    if len(head.strip()) > PIVOT and is_value(tail):
        return [[*name[:-1], (i, head, blank)], [(i, tail, True)], *row[1:]]
    row = value_amid_name(row)
    if len(row) != _ROW_CELLS - 1:
        return row
    return [*row[:-1], *_woven_pair(row[-1])]


def _woven_pair(box: Box) -> list[Box]:
    """A box of two wrapped cells' lines woven, as the two cells (`各保健センター年2 高齢の親と暮らす世帯への
    早期の支` `回` `援`: two cells side by side, their first lines on one line a space apart, then each
    cell's second line in turn); else the box."""
    if len(box) != _WOVEN_PAIR:
        return [box]
    (i, line, blank), (j, left, _), (n, right, _) = box
    parts = line.split(" ")
    if len(parts) != 2 or " " in left or " " in right or not all(parts):
        return [box]
    if display_width(left) >= display_width(parts[0]) or display_width(right) >= display_width(parts[1]):
        return [box]
    return [[(i, parts[0], blank), (j, left, False)], [(i, parts[1], True), (n, right, False)]]


def _first_late(rows: list[list[Box]], name: str) -> bool:
    """Whether an indicator written after the other rows is the first: numbered before all of them."""
    return all(ord(name[0]) < ord(row[0][0][1][0]) for row in rows)


def _stray(state: FormState, header: Box, box: Box) -> bool:
    """Whether a box after the header's first box is the table above's last cell: the header's first
    box went on from that table's lines (a label's, no blank line between), the box is short and no
    value."""
    above = state.lines[header[0][0] - 1] if header[0][0] else None
    if not above or not above.strip() or "\t" in above:
        return False
    return len(box) <= _STRAY_LINES and not any(is_value(text.strip()) for _, text, _ in box)


def _amid_header(header: list[str]) -> bool:
    """Whether a box that holds no header cell, starts no row and holds no value, right after the header's first cell
    (`課題解決の達成度を測る指標`) and before its last, is the table above's: LibreOffice centres the issues'
    last record's cells beside the header's, and pdftotext writes them among its boxes (the first
    cell, the record's last roles and actions, `現状値 (今年度当初) 目標値 (今年度末)`, the record's last
    action, `見込んでいる成果・効果`, then the rows)."""
    return bool(header) and header[0] == _NAME_CELL and len(header) < _ROW_CELLS


def _after_strays(state: FormState, head: list[Piece], strays: list[Box]) -> list[Piece]:
    """The header's lines after the table above's last cell where it stands between the header's
    first box and the next (LibreOffice centres both: `…その他関係機関・住民等` `課題解決の達成度を測る指`
    `標`, then `民生委員の参加`, then `目標値 (今年度 …`): the header goes below it, its lines above it
    are the header row's, so that the cell stays the table above's."""
    if not strays:
        return head
    end = strays[-1][-1][0]
    if all(i < end for i, _, _ in head):
        return []
    for i, _, _ in head:
        if i < end:
            state.lines[i] = None
    return [piece for piece in head if piece[0] > end]


def _kept_apart(apart: list[list[Box]], starts: list[int], last: int) -> str | None:
    """The text of the rows whose cells came in no order but their names (each its first box, a name
    alone), to be kept below the table on its last line; None when that cannot be: every row is
    such, a first box holds more than a name, or the table's last line starts a row."""
    if not apart:
        return ""
    if len(apart) == len(starts) or last in starts:
        return None
    if any(_name(row) is None for row in apart):
        return None
    return " ".join(join_cell(box) for row in apart for box in row[1:])


def _name_only(row: list[Box], table: Table) -> list[str]:
    """A row whose cells came in no order: its name, its other cells empty (their text kept apart)."""
    return [_name(row) or "", *[""] * (len(table.header) - 1)]


def _name(row: list[Box]) -> str | None:
    """An indicator's name: the row's first box, where it holds nothing else (no value, no sentence)."""
    box = row[0]
    if any(is_value(text.strip()) or text.rstrip().endswith(_SENTENCE) for _, text, _ in box):
        return None
    return join_cell(box)


def indicator_table(cells: list[str]) -> Table | None:
    """The indicator table whose header's cells these are, each once."""
    for table in _INDICATORS:
        if len(cells) == len(table.header) and all(
            sum(re.fullmatch(pattern, cell) is not None for cell in cells) == 1 for pattern in table.header
        ):
            return table
    return None


def in_order(table: Table, cells: list[str]) -> list[str]:
    return [next(c for c in cells if re.fullmatch(pattern, c)) for pattern in table.header]


def _cells(row: list[Box], width: int) -> list[str]:
    """A row's cells, each box's lines joined (the indicator's first value may end its box's last line,
    after a space: `① 市町村の協議の場の設置数 20市町村`); the first value put back before the other where it
    came after the effects; none when a sentence (the effects') comes before both values: the row's
    one-line cells, centred on one height, came in no order."""
    if len(row) == len(row[0]) == 1 and len(row[0][0][1].strip()) == 1:
        return [row[0][0][1].strip(), *[""] * (width - 1)]  # a row the sheet left empty: its number alone
    if len(row) == 2 and _guidance_row(row[:1], row[1][0][1]):
        guidance = join_cell(row[1])
        return [row[0][0][1].strip(), guidance, *[""] * (width - 2)]
    if len(row) == width - 1:
        row = value_amid_name(row)
    texts = [join_cell(box) for box in row]
    value = VALUE_AFTER.search(texts[0])
    if len(texts) == width - 1 and value is not None:
        texts[:1] = [texts[0][: value.start()], value.group(1)]
    elif len(texts) == width - 1:
        texts = _two_cells_on_a_line(texts)
    if _first_value_late(texts):
        texts = [texts[0], texts[3], texts[1], texts[2]]
    if any(t.endswith(_SENTENCE) for t in texts[1:-1]):
        return _equal_values(texts)  # the effects' sentence before both values: the row's cells came in no order
    return texts


def _first_value_late(texts: list[str]) -> bool:
    """Whether a row's first value came after its effects (`③ ピアサポーター登録者数` `60 人` `当事者参画の拡大`
    `48 人`: LibreOffice centres the one-line cells on one height, and pdftotext writes the value beside the
    name last): a value, then words that are no value, then a value."""
    return len(texts) == _ROW_CELLS and is_value(texts[1]) and is_value(texts[3]) and not is_value(texts[2])


def _equal_values(texts: list[str]) -> list[str]:
    """A row whose one-line cells came in no order (`年2回` `…深まった。` `年2回`), read where the order does
    not matter: its two values one text, its effects the one sentence; else none."""
    values = [t for t in texts[1:] if not t.endswith(_SENTENCE)]
    effects = [t for t in texts[1:] if t.endswith(_SENTENCE)]
    if len(texts) != _ROW_CELLS or len(effects) != 1 or values[0] != values[1] or not is_value(values[0]):
        return []
    return [texts[0], *values, *effects]


def value_amid_name(row: list[Box]) -> list[Box]:
    """The row with its first value taken out of its name's box, where the value's one line stands
    between the name's wrapped lines (`② 市町村の協議の場の設` `48 市町村` `置数`: the one-line cell
    centred beside the two-line one, on the line between them)."""
    name = row[0]
    amid = [j for j in range(1, len(name) - 1) if _value_or_dash(name[j][1].strip())]
    if len(amid) != 1 or any(is_value(text.strip()) for _, text, _ in name[amid[0] + 1 :]):
        return _woven_value(row)
    j = amid[0]
    return [[*name[:j], *name[j + 1 :]], [name[j]], *row[1:]]


_CLOSE = 2  # display columns: a wrapped line may stop a character short of its column
_WOVEN_LINES = 5  # the fewest lines of a name woven with a wrapped value: three of the name's, two of the value's


def _woven_value(row: list[Box]) -> list[Box]:
    """The row with its first value taken out of its name's box where the value wrapped too, its lines
    each between two of the name's (`① 措置入院者の` `対象者全` `退院後支援計画` `員` `の作成`: a cell of
    two lines centred beside one of three): the name's lines but its last fill its column, each of the
    value's is narrower than them; else the row as it is."""
    box = row[0]
    if len(box) < _WOVEN_LINES or len(box) % 2 == 0:
        return row
    names, values = box[::2], box[1::2]
    full = [display_width(text.strip()) for _, text, _ in names[:-1]]
    if max(full) - min(full) > _CLOSE or any(display_width(t.strip()) >= min(full) - _CLOSE for _, t, _ in values):
        return row
    value = join_cell(values)
    if not value or value.endswith(_SENTENCE) or any(text.strip().endswith(_SENTENCE) for _, text, _ in names):
        return row
    return [names, values, *row[1:]]


# a value the sheet left as a dash (`③ 夜間・休日相談窓口の利` `－` `用件数`): the dashes that say none, and a
# hyphen (U+2010) a PDF's font may give for one
_DASHES = frozenset(mark for mark in NOTHING if not mark.isalpha()) | {"\u2010"}


def _value_or_dash(text: str) -> bool:
    """Whether a line is a value (`48 市町村`) or a dash the sheet left for one (`－`)."""
    return is_value(text) or text in _DASHES


def _two_cells_on_a_line(texts: list[str]) -> list[str]:
    """A row's cells one short, where two stand on one line a space apart: the name and the first
    value (`④ ピアサポーターの病院訪問回数 年6回`), or a value and the effects (`参加者60人 家族が孤立しない。`)."""
    name = texts[0]
    for m in re.finditer(" ", name):
        if m.start() > PIVOT and is_value(name[m.end() :]):
            return [name[: m.start()], name[m.end() :], *texts[1:]]
    for k in range(1, len(texts)):
        for m in re.finditer(" ", texts[k]):
            head, tail = texts[k][: m.start()], texts[k][m.end() :]
            if is_value(head) and tail and not is_value(tail):
                return [*texts[:k], head, tail, *texts[k + 1 :]]
    return texts
