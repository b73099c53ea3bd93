"""Schedules written a column at a time with cells left empty: the rows with what surely is theirs.

pdfminer writes no box for an empty cell, and a wrapped cell's lines may come in boxes apart; where a
schedule's last column has both, its boxes are as many as the rows by chance only (here five boxes
for four months: `…訪問と退院` and `意向の調査` are one cell, `家族教室`'s cell is empty). Its rows are
read with the columns that hold a cell a row, and that column's boxes kept as text below the table:

    時期(月)                 時期(月)	実施内容	具体的な取組
    R6年6月                  R6年6月	病院訪問
    R6年7月           →      R6年7月	家族教室
    実施内容                 区外の病院を含む12病院への訪問と退院
    病院訪問                 意向の調査
    家族教室                 (kept as text below the table, with a `missing-table` warning)
    具体的な取組
    区外の病院を含む12病院への訪問と退院
    意向の調査

Where the months themselves come in a run and the items and details after them in an order of their
own (a block of rows a column at a time, the rows below one by one), the months are the rows, in the
order of the year; a month followed, before the next month, by one box has that box for its item, by
two the second for its detail where it is wider than every item (a detail's column is the wider one:
a narrow second box may be the item's wrapped rest); every other box is kept as text below the table:

    時期(月)                 時期(月)	実施内容	具体的な取組
    R6年4月                  R6年4月
    R6年5月                  R6年5月
    実施内容          →      R6年10月	第2回地域移行部会
    担当者会議               R6年11月	アドバイザー派遣	協議の場を設置していない市町への助言
    具体的な取組
    今年度の方針             担当者会議
    第1回地域移行部会        今年度の方針
    R6年10月                 第1回地域移行部会
    第2回地域移行部会
    R6年11月
    アドバイザー派遣
    協議の場を設置していない市町への助言

Where the boxes after a run of months are just as many as its cells, they are read whole: the item
column's boxes that come first (before the detail column's header) are the first months' items, the
next boxes those months' details, then each later month's item and detail one after the other (a box a
line cut on a particle joined to the next; where the boxes are one too many, one cut inside a katakana
word, `アンケー` / `ト結果の報告`, too).

Both run only once `column_runs`, `column_sequences` and the cell-per-line readers have left the table
as it was.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import put_lines
from nikosheet.parsing.forms.column_runs import each_box, header_columns, rebuild_runs
from nikosheet.parsing.forms.template_tables import TABLES, Box, box_width, join_cell
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import NO_WORD_START, starts_hiragana, starts_katakana

_SCHEDULES = tuple(t for t in TABLES if t.header[0].startswith("時期") and len(t.rows) == 1)
_MONTH = compile_lazily(r"(?:令和|R)\s*([0-9０-９]{1,2}|元)\s*年\s*([0-9０-９]{1,2})\s*月")  # a month of an era's year
Row = tuple[Box, list[Box]]  # a month's box and the boxes after it, up to the next month's


def apply(state: FormState) -> None:
    """Rebuild every schedule left a column at a time with cells left empty."""
    if not signals.short_runs(state.source):
        return
    each_box(state, _rebuild)


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    return rebuild_runs(state, boxes, k, loose=True) or _months(state, boxes, k)


def _months(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the schedule starting at box k, its rows read by their months; None when not one."""
    if not boxes[k][0][1].startswith("時期"):
        return None
    for table in _SCHEDULES:
        found = header_columns(table.header, boxes, k)
        if found is None:
            continue
        heads, columns, end = found
        rows = _rows([box for column in columns for box in column], table.pivots[0])
        sure, spare = _runs_apart(rows, columns[1] if len(columns) > 1 else []) if rows is not None else (set(), {})
        if rows is not None and _write(state, heads, rows, (boxes[k][0][0], boxes[end - 1][-1][0] + 1), (sure, spare)):
            return end
    return None


def _rows(body: list[Box], pivot: re.Pattern[str]) -> list[Row] | None:
    """Each month's box and the boxes after it: the body starts with a month, every box the pivot takes is
    a month of an era's year, and the months come in the order of the year (at least two)."""
    rows: list[Row] = []
    for box in body:
        text = join_cell(box)
        if pivot.match(text) is None:
            if not rows:
                return None
            rows[-1][1].append(box)
            continue
        if _MONTH.fullmatch(text) is None:
            return None
        rows.append((box, []))
    keys = [_key(join_cell(month)) for month, _ in rows]
    return rows if len(rows) > 1 and keys == sorted(set(keys)) else None


def _runs_apart(rows: list[Row], items: list[Box]) -> tuple[set[int], dict[int, list[Box]]]:
    """The rows with a run of months written together (no box after all but the last) given the boxes after
    the run: the first months' items where the item column's boxes come first (`items`: that column's boxes
    after its header), then those months' details, then each later month's item and detail, one after the
    other; only where the boxes are just so many (a detail's line cut on a particle joined to its rest).
    Where the details' column was written apart after every row, a run followed by as many of the item
    column's boxes has them for its items, and the boxes after them (the details' column, whose rows are
    not told) are spare.  `rows` is changed in place; the rows so read are returned, and each run's spare
    boxes by its last row."""
    sure: set[int] = set()
    spare: dict[int, list[Box]] = {}
    start = 0
    for n, (_, after) in enumerate(rows):
        if not after:
            continue
        run = n + 1 - start
        if run > 1 or len(after) > 2:
            spread = _spread(after, run, items)
            if spread is None and (apart := _items_only(after, run, items)) is not None:
                spread, spare[n] = apart
            if spread is not None:
                for r, cells in enumerate(spread, start):
                    rows[r] = (rows[r][0], cells)
                    sure.add(r)
        start = n + 1
    return sure, spare


def _items_only(after: list[Box], run: int, items: list[Box]) -> tuple[list[list[Box]], list[Box]] | None:
    """Each month's item of a run of `run` months whose details' column came apart, and the boxes no month
    of the run takes: the run's item column boxes, as many as its months, each a cell whole (a box before
    them that starts no cell, `を相談する。`, the rest of the goal's text above the table, is passed over)."""
    column = {id(box) for box in items}
    lead = 0
    while lead < len(after) and id(after[lead]) not in column and not _cell(after[lead]):
        lead += 1
    end = lead
    while end < len(after) and id(after[end]) in column:
        end += 1
    heads = after[lead:end]
    if len(heads) != run or not all(_cell(box) and not join_cell(box).endswith(_OPEN_ENDS) for box in heads):
        return None  # (an item a line cut on a particle is two boxes: whose they are is not told)
    return [[box] for box in heads], after[:lead] + after[end:]


def _spread(after: list[Box], run: int, items: list[Box]) -> list[list[Box]] | None:
    """Each month's item and detail of a run of `run` months, from the boxes after it, or None."""
    column = {id(box) for box in items}
    first = next((k for k, box in enumerate(after) if id(box) not in column), len(after))
    heads, rest = after[:first], _joined_rests(after[first:])
    if len(rest) > len(heads) + 2 * (run - len(heads)):  # a box more: a katakana word the line cut (`アンケー` / `ト…`)
        rest = _joined_rests(rest, katakana=True)
    if len(heads) > run or len(rest) != len(heads) + 2 * (run - len(heads)):
        return None
    cells = [[item, detail] for item, detail in zip(heads, rest, strict=False)]
    pairs = rest[len(heads) :]
    cells += [[pairs[k], pairs[k + 1]] for k in range(0, len(pairs), 2)]
    if any(not _cell(box) for cell in cells for box in cell):
        return None
    return [[*cell] for cell in cells]


def _cell(box: Box) -> bool:
    """Whether a box reads as a cell whole: not a sentence's end or a word's rest."""
    text = join_cell(box)
    return not (text[0] in NO_WORD_START or starts_hiragana(text))


_OPEN_ENDS = ("の", "を", "が", "に", "へ", "や", "と", "、")  # no cell ends so: its rest is in the next box


def _joined_rests(boxes: list[Box], katakana: bool = False) -> list[Box]:
    """The boxes with one that a line cut on a particle or a comma joined to the next (`…精神科病院の` /
    `退院支援の流れ`), and with `katakana`, one that ends in a katakana word the next goes on
    (`…アンケー` / `ト結果の報告`)."""
    out: list[Box] = []
    before = ""  # the last box's text: a joined box ends as its last part does (a run of n boxes: linear)
    for box in boxes:
        text = join_cell(box)
        cut = katakana and _katakana(before[-1:]) and starts_katakana(text)
        if before.endswith(_OPEN_ENDS) or cut:
            out[-1].extend(box)
        else:
            out.append(list(box))
        before = text
    return out


def _katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fc"


def _key(month: str) -> tuple[int, int]:
    """A month's place in the year's order: (its fiscal year, its month from April)."""
    found = _MONTH.fullmatch(month)
    assert found is not None
    year, number = (int(g.translate(_DIGITS)) if g != "元" else 1 for g in found.groups())
    return (year - (number < 4), (number - 4) % 12)


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _cells(after: list[Box], item_width: int) -> list[Box]:
    """The boxes after a month that surely are its item and its detail (none where that is not sure)."""
    if not after or len(after) > 2:
        return []
    item = join_cell(after[0])
    if item.endswith("。") or item[0] in NO_WORD_START or starts_hiragana(item):
        return []
    if len(after) == 2 and box_width(after[1]) <= item_width:
        return []
    return after


def _write(
    state: FormState,
    heads: list[Box],
    rows: list[Row],
    span: tuple[int, int],
    told: tuple[set[int], dict[int, list[Box]]],
) -> bool:
    """The header and the rows from the table's first lines (`span`: the table's lines), then the boxes no
    row took, as they were (False where the table's lines are too few for them: nothing written); `told`:
    rows whose boxes are their item and detail, and boxes no row takes, by the row they came after."""
    start, end = span
    sure, spare = told
    item_width = max((box_width(after[0]) for r, (_, after) in enumerate(rows) if after and r not in sure), default=0)
    cells = [after if r in sure else _cells(after, item_width) for r, (_, after) in enumerate(rows)]
    lines = [
        "\t".join([join_cell(month), *(join_cell(box) for box in taken), *[""] * (2 - len(taken))])
        for (month, _), taken in zip(rows, cells, strict=True)
    ]
    left = [
        box
        for r, ((_, after), taken) in enumerate(zip(rows, cells, strict=True))
        for box in [*after, *spare.get(r, [])]
        if box not in taken
    ]
    rest = [text for box in left for _, text, _ in box]
    header = "\t".join(re.sub(r"\s+", "", join_cell(box)) for box in heads)
    if not put_lines(state.lines, start, end, [header, *lines, "", *rest]):
        return False
    if rest:
        placed = sum(1 for taken in cells if taken)
        message = messages.MONTHS_ONLY(placed=placed, rows=len(rows))
        state.note(Diagnostic.MISSING_TABLE, start + len(lines) + 2, str(message))
    return True
