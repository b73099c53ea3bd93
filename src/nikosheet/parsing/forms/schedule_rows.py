"""An annual schedule's rows written a cell per line, where a row's cells came apart from their row
(in `cell_lines_tables`: plain pdftotext's text of a LibreOffice PDF; pdfminer's, its details written late).

LibreOffice centres a row's cells, and a month wrapped in its narrow column (`R6 年 11` / `月`) makes its
row two lines tall, its one-line cells level with neither of the month's lines.  pdftotext then writes
a one-line row's two cells on one line a space apart, and the actions' column's lines of two rows as one
box, after the later row's month:

    R5年6月 第1回県の協議の場           R5年6月	第1回県の協議の場	今年度の重点課題の決定
    R5年10                         →    R5年10月	ピアサポーター養成研修	養成研修の実施
    月
    今年度の重点課題の決定
    ピアサポーター養成研修 養成研修の実施

    R6年11                              R6年11月	公民館講座	2地区で開催
    月                             →    R7年2月	第2回推進会議	事業の評価
    公民館講座
    R7年2月 第2回推進会議
    2地区で開催
    事業の評価

A row whose item and actions one cell holds, the other empty, takes them apart at the one space between
two Japanese words (`ピアサポーター養成研修 釧路、北見の2か所で開催`; not after a meeting's count,
`第2回 推進会議`, nor after a corporation's kind).  A row with no actions right above a row whose cells
hold one one-line cell too many takes the first of those on a line of its own as its actions, where one
of the two months was wrapped and the later row is whole without it: its item and actions a space apart
on one line, or its item on the month's line and one line of actions after.

In every converter's text read a cell per line, a range of months its column wrapped after `～` is one row
(`R5 年 4 月～ 推進会議委員への個別ヒ 事務局が…について` / `6月` / `アリング` / `聞き取る。`: the bare month after an
open range brings the row's second lines, where the sheet writes its months with their era's year and the bare
month's own cells do not stand beside it), and a character below an item's line as wide as the items' lines,
in its box, is the item's rest (`こころの健康づくり講演` / `会`), not the row's actions (but a mark, `－`, is).

In other PDFs' texts (pdfminer) the details' column may come a few rows late, its header's cell among
them: a row holding two detail cells or more gives them back to the rows above that have none.
"""

from __future__ import annotations

import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.i18n import Template
from nikosheet.parsing.forms import signals
from nikosheet.parsing.forms._shared import OPENING, display_width, unbalanced
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.line_cuts import TOLERANCE
from nikosheet.parsing.forms.template_tables import BULLET, LIST_BULLETS, SPACE, Cell, Table, boxed, join_cell
from nikosheet.parsing.forms.wrapped_cells import counted
from nikosheet.typography import NO_LINE_START, continues
from nikosheet.vocabulary import BODY_KINDS, NOTE_MARKS, SCHEDULE_COLUMNS

_MONTH_HEADER = SCHEDULE_COLUMNS["label"][:2]  # 時期: the first header cell's (a regex: `時期[(（]月[)）]`)
# one space between two Japanese characters (not ASCII: `R6 年`, `(5 か所)`)
_APART = re.compile(r"(?<=[^\x00-\x7f])\s(?=[^\x00-\x7f])")
# a detail's usual last words (`…の確認`, `…の共有`): a line as wide as its column that ends on one may end its cell
_CELL_ENDS = (
    "確認",
    "共有",
    "決定",
    "検討",
    "協議",
    "報告",
    "整理",
    "開催",
    "実施",
    "作成",
    "調整",
    "周知",
    "検証",
    "配布",
    "評価",
    "訪問",
    "交換",
    "見直し",
    "振り返り",
)
OPEN_ENDS = ("の", "を", "が", "に", "へ", "や", "と", "・", "、", "，")  # a cell does not end so
_SHORTEST = 2  # characters of a cell
_COUNT = 4  # characters at most of an item's count after a space (`全5回`, `第2回`): no actions' cell
_ITEM, _ACTIONS = 1, 2  # the record's positions
_BARE_MONTH = re.compile(r"[0-9０-９]{1,2}月")  # a month with no year: a wrapped range's end (`6月`)
_YEAR_MONTH = re.compile(r"(?:[RHＲＨ]|令和|平成)[0-9０-９元]{1,2}年")  # a month with its year (`R5年4月`, `令和5年`)
_RANGE_MARKS = ("～", "~", "〜", "－", "-")  # a range of months open at its line's end
_MARKS = ("－", "-", "―", "〇", "○", "済", "×", "✓")  # a cell's one-character mark (nothing, done)
Guess = tuple[int, Template]  # the first row's line given cells by a guess, and the message saying so


def rearrange(table: Table, records: list[dict[int, Cell]], source: str) -> tuple[list[dict[int, Cell]], Guess | None]:
    """The schedule's records with a row's actions written in the next row's cells given back, and
    a row's item and actions a space apart on one line taken apart (`source`: the text as the converter
    wrote it, where a wrapped month shows); only in a LibreOffice PDF's text (its renderer's gaps, the
    `autospace` signal), where a one-line row's cells come so.  Elsewhere details written late given back
    (`_details_late`).  With the records, the line (0-based) of the first row given details by a guess and
    the message that says how, if any: the caller says so."""
    if not table.header[0].startswith(_MONTH_HEADER) or table.record != len(SCHEDULE_COLUMNS):
        return records, None
    records = _ranges_whole(records, signals.autospace(source))
    widths = sorted(display_width(_APART.split(p[1])[0]) for record in records for p in record.get(_ITEM, []))
    usual = widths[len(widths) // 2] if widths else 0  # (the items' middle line, up to a space between two cells:
    # a cell read into the items' column, the details' line of a row whose cells came swapped, makes the widest
    # no measure)
    for record in records:
        _item_rest(record, usual)
    if not signals.autospace(source):
        out, first = _details_late(records)
        return out, None if first is None else (first, messages.SCHEDULE_DETAILS_LATE)
    lines = source.split("\n")
    out = [dict(record) for record in records]
    for above, record in zip([None, *out[:-1]], out, strict=True):
        if above is not None and _actions_below(above, record, lines):
            continue
        _apart(record)
    out, first = _actions_late(out)
    _swapped(out)
    return out, None if first is None else (first, messages.SCHEDULE_ACTIONS_AFTER)


def _ranges_whole(records: list[dict[int, Cell]], centred: bool) -> list[dict[int, Cell]]:
    """The records, a range of months its narrow column wrapped after `～` made one row again: a record
    whose month is a bare month (`6月`, no year), right after one whose month ends with `～` (`R5年4月～`),
    where every other row's month has its era's year (`R5年`, `令和5年`) and no bare month stands after a whole
    month, is that row's second printed line where it may be (see `_wrapped_range`: `R5年4月～ 推進会議委員への
    個別ヒ 事務局が…について` / `6月` / `アリング` / `聞き取る。`): each of its cells goes on the row's."""
    months = [join_cell(record[0]) if record.get(0) else "" for record in records]
    bare = {k for k, month in enumerate(months) if _BARE_MONTH.fullmatch(month)}
    if not bare or any(not _YEAR_MONTH.match(month) for k, month in enumerate(months) if k not in bare):
        return records
    if any(k == 0 or not months[k - 1].endswith(_RANGE_MARKS) for k in bare):
        return records  # (a bare month after a whole one: the sheet writes months so, a row each)
    out: list[dict[int, Cell]] = []
    for k, record in enumerate(records):
        if k in bare and _wrapped_range(records[k - 1], record, centred):
            above = out[-1]
            for column, cell in record.items():
                above[column] = [*above.get(column, []), *cell]
            continue
        out.append(dict(record))
    return out


def _wrapped_range(above: dict[int, Cell], record: dict[int, Cell], centred: bool) -> bool:
    """Whether the bare month's record is the rest of the open range above it: it holds nothing but its month;
    or the range ends on the printed line the row's item starts on (`R5 年 4 月～ 推進会議委員への個別ヒ`: the
    row's cells side by side, its second printed line next); or, in a LibreOffice PDF's text (`centred`), the
    range's two lines stand round its row's one-line item (`R6 年 5 月～` / `退院支援部会` / `6月`).  A range
    left open alone on its line (`R7年4月～`: from April on) may else stand before the next row's month; and a
    bare month whose other cells start on its own line (side by side: `6月 第1回連絡会議`), or on the line after
    it where the range stands round an item (`6 月` / `第 1 回連絡会議`), is a row of its own."""
    month, item = above.get(0, []), above.get(_ITEM, [])
    own = [cell[0][0] for column, cell in record.items() if column and cell]
    if not own:
        return True
    if not month or not item:
        return False
    at = record[0][0][0]
    if month[-1][0] == item[0][0]:
        return at not in own
    return centred and len(item) == 1 and month[-1][0] + 1 == item[0][0] == at - 1 and at + 1 not in own


def _item_rest(record: dict[int, Cell], usual: int) -> None:
    """A row's actions that are only a character on the line right below the item's last, in its box, where
    that line is as wide as the items' lines are (`usual`: their middle one's width), put back on the item: the
    item's wrapped rest (`こころの健康づくり講演` / `会`), not a mark a cell may hold (`－`, `済`, `〇`)."""
    item, actions = record.get(_ITEM, []), record.get(_ACTIONS, [])
    lone = len(actions) == 1 and len(actions[0][1]) < _SHORTEST and actions[0][1] not in _MARKS
    below = lone and bool(item) and actions[0][0] == item[-1][0] + 1 and not actions[0][2]
    if below and display_width(item[-1][1]) >= usual - TOLERANCE:
        record[_ITEM], record[_ACTIONS] = [*item, actions[0]], []


def _swapped(records: list[dict[int, Cell]]) -> None:
    """A row whose actions pdftotext wrote before its item (the table's last row, `…の評価及び次年度の目標`
    `の策定` then `第2回協議の場の開催`) put back: its item's widest line half as wide again as the items' column
    (as wide as another row's item's wrapped line, one followed by its rest right below it: a wrap leaves a
    character or two short of it, the actions' column is twice as wide) and its actions' no wider."""
    wrapped = [
        max((display_width(a[1]) for a, b in itertools.pairwise(item) if b[0] == a[0] + 1 and not b[2]), default=0)
        for item in (record.get(_ITEM, []) for record in records)
    ]
    for r, record in enumerate(records):
        item, actions = record.get(_ITEM, []), record.get(_ACTIONS, [])
        column = max((w for q, w in enumerate(wrapped) if q != r), default=0)
        if not item or not actions or not column:
            continue
        if (
            max(display_width(p[1]) for p in item) > column * 3 // 2
            and max(display_width(p[1]) for p in actions) <= column
        ):
            record[_ITEM], record[_ACTIONS] = actions, item


def _actions_late(records: list[dict[int, Cell]]) -> tuple[list[dict[int, Cell]], int | None]:
    """The records with the actions pdftotext wrote after a band of rows given back: where a page's rows
    of one-line cells came month and item a line each, the actions' column follows them (its header's cell
    first), read into the band's last row (its item's later boxes, then its actions).  Those lines, as
    cells (a line as wide as the column's widest, or ending on a particle, goes on in the next; a list's
    next item stays in its list; a bullet drawn alone on its line is layout), go in order to the rows of
    the band that have none, the last row among them unless its item's line holds its own actions a space
    apart; where fewer, to the last of those rows (the rows beside them: a guess, whose first row's line
    is given with the records)."""
    widest = max((display_width(p[1]) for record in records for p in record.get(_ACTIONS, [])), default=0)
    guessed: int | None = None
    since = 0  # the band's first row: the one after the last row that gave actions back
    for r, record in enumerate(records):
        item = record.get(_ITEM, [])
        # the item's lines right below its first are its wrapped rest (`…との合同事` / `例検討会`)
        head = next((k for k in range(1, len(item)) if item[k][2] or item[k][0] > item[k - 1][0] + 1), len(item))
        if not item or not _whole(item[head - 1][1]):
            continue
        # a list's bullet drawn alone on its line (a page between its items) is layout, no item
        late = [p for p in [*item[head:], *record.get(_ACTIONS, [])] if p[1] not in LONE_BULLETS]
        two = _two(item[:1]) if head == 1 else None
        lacking = _lacking(records, since, r) + ([] if two else [r])
        # as wide as the widest, a one-line cell where no action wrapped: read so too where a box of its own
        # follows it that starts as a cell does (not with a hiragana)
        readings = [detail_cells([[p] for p in late], widest, True, rests) for rests in (False, True)] if late else []
        cells = next((c for c in readings if len(c) == len(lacking)), readings[0] if readings else [])
        if len(cells) < (1 if two else 2) or len(cells) > len(lacking):  # a row's own wrapped cells are one
            continue
        if not all(_starts(cell[0][1]) for cell in cells):
            continue
        if len(cells) < len(lacking) and guessed is None:
            guessed = records[lacking[-len(cells)]][_ITEM][0][0]
        record[_ITEM], record[_ACTIONS] = two or (item[:head], [])
        for q, cell in zip(lacking[-len(cells) :], cells, strict=True):
            records[q][_ACTIONS] = cell
        since = r + 1
    return records, guessed


def _starts(text: str) -> bool:
    """Whether a line starts a cell: not a line's rest, nor a bullet drawn alone."""
    return len(text) >= _SHORTEST and (text[0] in LIST_BULLETS or text[0] not in NO_LINE_START)


def _details_late(records: list[dict[int, Cell]]) -> tuple[list[dict[int, Cell]], int | None]:
    """The records with the details of rows that have none given back from a later row that holds two
    detail cells or more, the first a box of its own after its item (pdfminer writes the details' column a
    few rows late, its header's cell among them): its item cell's boxes after its item, then its details'
    boxes, a box whose last line fills the column (or ends on a particle, or a list's item before the next
    item) joined to the next.  Where at least as many rows since the last row with a detail have none, the
    first of those take them, in order (a guess where there are more: pdfminer writes a row's late detail
    before the next row's; the first such row's line is given with the records), and the later row has none
    of its own (else one would stand beside no row).  Where a row's item is whole and its details hold more
    than one cell, the row keeps the last (written after the others) and the nearest rows above with none
    take the others, in order, where there are as many (`R6年8月` `にも包括基礎研修` `R6年10月 ささえびと養成研修`
    `市町村・…向け講義` `・養成研修（3日間）` `…`; `R6年12月`, `R7年2月`, `R7年3月`, their items, then two details)."""
    out = [dict(record) for record in records]
    guessed: int | None = None
    widest = max((display_width(p[1]) for record in out for p in record.get(_ACTIONS, [])), default=0)
    since = 0  # the first row after the last one with a detail
    for r, record in enumerate(out):
        item, details = record.get(_ITEM, []), record.get(_ACTIONS, [])
        boxes = boxed(item)
        late = detail_cells([*boxes[1:], *boxed(details)], widest)
        # the first late box in the item's cell, a cell of its own after the item: a box between the item and
        # the details (where both stand among the details, the row's own may be the last: it is not told)
        lacking = _lacking(out, since, r) if len(boxes) > 1 and len(late) > 1 else []
        if lacking and len(lacking) >= len(late) and _own(boxes[0], boxes[1]):
            if len(lacking) > len(late) and guessed is None:
                guessed = out[lacking[0]][_ITEM][0][0]
            for q, cell in zip(lacking, late, strict=False):
                out[q][_ACTIONS] = cell
            record[_ITEM], record[_ACTIONS] = boxes[0], []
            details = []
        elif len(boxes) == 1 and len(late) > 1 and len(lacking := _lacking(out, since, r)) >= len(late) - 1:
            # the row's own details the last (written after), the others the nearest rows' above with none
            for q, cell in zip(lacking[len(lacking) - len(late) + 1 :], late, strict=False):
                out[q][_ACTIONS] = cell
            record[_ACTIONS] = late[-1]
        if details:
            since = r + 1
    return out, guessed


def _lacking(records: list[dict[int, Cell]], since: int, r: int) -> list[int]:
    """The rows from `since` to before `r` that have an item and no details (asked only of a row with late
    boxes: the rows since the last detail would be counted for every row otherwise)."""
    return [q for q in range(since, r) if records[q].get(_ITEM) and not records[q].get(_ACTIONS)]


def detail_cells(
    boxes: list[Cell], widest: int, lists: bool = False, rests: bool = False, tails: bool = False
) -> list[Cell]:
    """Boxes as cells: one whose last line is as wide as the column's widest or ends on a particle goes on
    in the next, and a list's next item stays in its list (`lists`: a list's first item starts a cell;
    `rests`: past a blank line only a box that cannot start a cell goes on a line as wide as the widest;
    `tails`: past a blank line a line as wide as the widest goes on only in a box whose first line is
    short of it, a wrapped cell's last line, where the line does not end on a detail's usual last word,
    `…の確認`, or in a box that cannot start a cell)."""
    cells: list[Cell] = []
    for box in boxes:
        if cells:
            last, first = cells[-1][-1][1], box[0][1]
            item = first[:1] in tuple(LIST_BULLETS)
            listed = cells[-1][0][1][:1] in tuple(LIST_BULLETS) and item
            tail = (
                not tails or continues(first) or (display_width(first) < widest - 1 and not last.endswith(_CELL_ENDS))
            )
            wide = display_width(last) >= widest - 1 and (not box[0][2] or ((not rests or continues(first)) and tail))
            if listed or (not (lists and item) and (wide or last.endswith(OPEN_ENDS))):
                cells[-1] = [*cells[-1], *box]
                continue
        cells.append(box)
    return cells


def _own(first: Cell, second: Cell) -> bool:
    """Whether a box after an item's first box is a cell of its own, not the item's rest: the item's box
    ends whole and the next starts as a cell does."""
    return _whole(first[-1][1]) and _whole(second[0][1])


def _apart(record: dict[int, Cell]) -> None:
    """`ピアサポーター養成研修 釧路、北見の2か所で開催` in one cell, the other empty: the item and the actions."""
    item, actions = record.get(_ITEM, []), record.get(_ACTIONS, [])
    if bool(item) == bool(actions):
        return
    cells = _two(item or actions)
    if cells is not None:
        record[_ITEM], record[_ACTIONS] = cells


def _two(cell: Cell) -> tuple[Cell, Cell] | None:
    """A one-line cell's two cells a space apart, or None."""
    if len(cell) != 1:
        return None
    index, text, blank = cell[0]
    gaps = list(_APART.finditer(text))
    if len(gaps) != 1:
        return None
    head, tail = text[: gaps[0].start()], text[gaps[0].end() :]
    if not (_whole(head) and _whole(tail)) or counted(head) or head.endswith(BODY_KINDS):
        return None
    # the item's note, its remark or its count (`…連絡会 （第2回）`, `研修会 ※オンライン`, `家族教室 全5回`)
    if tail[0] in OPENING or tail.startswith(NOTE_MARKS) or (len(tail) <= _COUNT and any(c.isdigit() for c in tail)):
        return None
    return [(index, head, blank)], [(index, tail, False)]


def _whole(text: str) -> bool:
    """Whether a text reads as a cell of its own: no list's item, its brackets closed, not ending on a
    particle or a comma, not starting as a line's rest does."""
    return (
        len(text) >= _SHORTEST
        and text[0] not in BULLET
        and text[0] not in NO_LINE_START
        and not unbalanced(text)
        and not text.endswith(OPEN_ENDS)
        and not SPACE.search(text)
    )


def _actions_below(above: dict[int, Cell], record: dict[int, Cell], source: list[str]) -> bool:
    """Give the row above, which has an item and no actions, the first of this row's lines on a line of
    its own, where one of the two months was wrapped and this row is whole without it."""
    if not above.get(_ITEM) or above.get(_ACTIONS) or not above.get(0) or not record.get(0):
        return False
    if not (_wrapped(above[0], source) or _wrapped(record[0], source)):
        return False
    month = record[0][0][0]
    pieces = [*record.get(_ITEM, []), *record.get(_ACTIONS, [])]
    own = [p for p in pieces if p[0] != month]
    if len(pieces) < 2 or not own or not _whole(own[0][1]) or len({p[0] for p in pieces}) != len(pieces):
        return False
    rest = [p for p in pieces if p is not own[0]]
    if len(rest) == 2 and rest[0][0] == month and _whole(rest[1][1]):  # the item on the month's line
        cells: tuple[Cell, Cell] | None = [rest[0]], [rest[1]]
    else:
        cells = _two(rest) if len(rest) == 1 else None
    if cells is None:
        return False
    above[_ACTIONS] = [own[0]]
    record[_ITEM], record[_ACTIONS] = cells
    return True


def _wrapped(cell: Cell, source: list[str]) -> bool:
    """Whether a month's cell was wrapped in its column: its source line holds only part of it."""
    index, text, _ = cell[0]
    return 0 <= index < len(source) and not SPACE.sub("", source[index]).startswith(SPACE.sub("", text))
