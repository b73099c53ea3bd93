"""An annual schedule written a box at a time, its columns in streams of their own (pdfminer): each
month's item and details put back in its row.

pdfminer writes the schedule's three columns as boxes (a blank line between them), each column's
boxes in the rows' order, but the columns take turns as it groups the page's boxes: a month comes
with its item, or a run of months with their items after them, and the details come rows late, in
clumps, a detail's wrapped lines sometimes in boxes apart; the header's cells stand among the rows:

    時期(月)                             時期(月)⇥実施内容⇥具体的な取組
    実施内容                             R6年4月⇥事務局会議⇥今年度の重点課題と会議の日程の確認
    R6年4月                              R6年5月⇥第1回ワーキンググループ⇥連携パスの改訂案の検討
    事務局会議                    →      ６月⇥区別地域ケア連絡会（第1回・4区）⇥区の課題の共有と今年度の進め方の確認
    R6年5月                              …
    第1回ワーキンググループ
    具体的な取組
    今年度の重点課題と会議の日程
    の確認
    連携パスの改訂案の検討
    ６月
    区別地域ケア連絡会（第1回・4区）
    区の課題の共有と今年度の進め
    方の確認

The months are the rows: a box that opens with one (its line's rest after a space, and the box's other
lines, are its item); a range's end with no item of its own (`R6年8月～`, its item, `10月`, the next
month) is its range's, and so is a range's mark and end in a box of its own (`～10月`) after a month with
none.  The header's cells are passed over wherever they stand (a page break repeats them).  The box
right after a month is its item; after a run of months, as many boxes are the run's items (where the
boxes up to the next month are just twice as many, an item and a detail each in turn; where the details'
header cell stands after them, the boxes before it; where the boxes are more, the first, a guess, said
with a `shifted-cell` warning).  A line that holds an item and, a space after it, its details, which
pdfminer ran together at their height (`区担当者会議（第1回） 地域課題シートの様式の統一、…`), is the two
cells where it stands in an item's place and its second part holds `、` or `。` or the line is wider than
the items wrap at; a run's items are then those lines and the boxes that are no sentence, where they are
just as many (such a line in no item's place is a detail's, whole).  A
bracketed note alone (`（10区）`) goes on the item above.  Every other
box is the details', in the rows' order, made cells as `schedule_rows` makes late details (a box cut on
a particle joined to the next; a line as wide as the column, known from a cell that wrapped, goes on
past a blank line only in a box whose first line is short of it and where it does not end on a detail's
usual last word, `…の確認`).  The cells go to the rows in order, each after its row's month: a cell
written alone between an item and the next month to that item's row, several written together to the
first rows that lack details (pdfminer writes a run of details as a column of its own, from the first
row that lacks them), with a `shifted-cell` warning where later rows could have taken them.  The table
ends at a heading, a marker line, a note (`（注）…`) or the closing `以上`, and is rewritten only where
every row has its item, each month opens a box, and the cells are no more than the rows.
"""

from __future__ import annotations

import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import boxes_of, squashed
from nikosheet.parsing.forms.schedule_rows import OPEN_ENDS, detail_cells
from nikosheet.parsing.forms.template_tables import (
    HEADING,
    RANGE_END,
    RANGE_OPEN,
    RANGE_TAIL,
    TABLES,
    Box,
    Cell,
    Table,
    join_cell,
    range_rest,
    wrapped_widths,
    write_table,
)


def _header_text(cell: str) -> str:
    """A header cell's text from its pattern (`時期[(（]月[)）]` → `時期(月)`)."""
    return re.sub(r"\[([^\]])[^\]]*\]", r"\1", cell)


_SCHEDULES = tuple(t for t in TABLES if t.header[0].startswith("時期") and t.record == 3)
_REACH = 120  # boxes: the table is over before
_FEWEST = 3  # rows: fewer are read by the other forms
_AFTER_TABLE = ("【", "※", "#", "|", "（注）", "(注)", "注）", "注:", "注：")  # a marker or a note's start
_NOTE = re.compile(r"[（(][^（()）]{1,12}[)）]")  # a bracketed note alone: `（10区）`
_ITEM_LEAST = 3  # characters: an item is longer (a line's shorter first part is no item run into its details)
_SLACK = 2  # display columns: an item's line may be a character wider than the widest that wrapped
# the header's cells, skipped wherever they stand (a page break repeats the header among the rows)
_HEADER_CELLS = {_header_text(cell) for t in _SCHEDULES for cell in t.header}


class _Row:
    __slots__ = ("at", "details", "guessed", "item", "item_at", "month")

    def __init__(self, month: Box, at: int) -> None:
        self.month = month  # the month cell's lines
        self.at = at  # where the month stands among the tokens
        self.item: Cell = []
        self.item_at = -1  # where the item stands among the tokens
        self.guessed = False  # a run of months whose items were taken by a guess starts here
        self.details: Cell = []


def apply(state: FormState) -> None:
    """Rebuild each schedule whose columns came in streams of their own."""
    if not signals.schedule_streams(state.source):
        return
    boxes = boxes_of(state.lines)
    for k, box in enumerate(boxes):
        if box[0][1].startswith("時期") and len(box) == 1:
            for table in _SCHEDULES:
                if re.fullmatch(table.header[0], squashed(box)) and _rebuild(state, table, boxes, k):
                    return


def _rebuild(state: FormState, table: Table, boxes: list[Box], k: int) -> bool:
    header, pivot = table.header, table.pivots[0]
    end = next((j for j in range(k + 1, min(len(boxes), k + _REACH)) if _ends(boxes[j])), None)
    if end is None:
        end = min(len(boxes), k + _REACH)
    body = [box for box in boxes[k + 1 : end] if not squashed(box).isdigit()]
    if not {_header_text(cell) for cell in header[1:]} <= {squashed(box) for box in body}:
        return False  # the other template's table (its header cells are not these)
    tokens = _tokens(body, pivot, _header_text(header[2]))
    if tokens is None:
        return False
    rows, rest = _rows(tokens)
    if rows is None or len(rows) < _FEWEST or any(not row.item for row in rows):
        return False
    guessed = _details(rows, rest)
    if guessed is None:
        return False
    _write(state, header, boxes[k], rows, boxes[end - 1][-1][0])
    if guessed >= 0:
        state.note(Diagnostic.SHIFTED_CELL, guessed, str(messages.SCHEDULE_DETAILS_LATE()))
    for row in rows:
        if row.guessed:
            state.note(Diagnostic.SHIFTED_CELL, row.month[0][0], str(messages.SCHEDULE_RUN_ITEMS()))
    return True


def _ends(box: Box) -> bool:
    """Where the table is over: a section's heading, a marker line, a tab row, a note or the document's
    closing word (`以上`)."""
    text = box[0][1]
    return "\t" in text or bool(HEADING.match(text)) or text.startswith(_AFTER_TABLE) or text == "以上"


# "month", "beside" (an item on its month's line), "head", "box", or "pair" (a line that may be an item and its
# details run together: the two parts as two pieces of that line), and its lines
Token = tuple[str, Box]


def _tokens(body: list[Box], pivot: re.Pattern[str], details: str) -> list[Token] | None:
    """The body's boxes as tokens: a box that opens with a month split into the month (with a range's
    rest on its next lines) and its item beside it, the details' header cell a token of its own (the
    other header cells left out); None where a month stands inside a box."""
    out: list[Token] = []
    width = _item_width(body, pivot)
    for box in body:
        first = box[0]
        if squashed(box) in _HEADER_CELLS:
            if squashed(box) == details:
                out.append(("head", box))
            continue
        m = pivot.match(first[1])
        if m is None or _number(first[1]):
            if any(pivot.match(text) and not _number(text) for _, text, _ in box[1:]):
                return None
            if out and out[-1][0] == "box" and out[-1][1][-1][1].endswith(OPEN_ENDS):
                out[-1] = ("box", [*out[-1][1], *box])  # a line cut on a particle: its rest in the next box
            elif out and out[-1][0] == "month" and _range_tail(out[-1][1], box):
                out[-1] = ("month", [*out[-1][1], *box])  # `R6年12月` `～R7年2月`: the range's mark and end
            elif (cut := _item_and_details(box, width)) is not None:
                out.append(("pair", [(first[0], cut[0], first[2]), (first[0], cut[1], False)]))
            else:
                out.append(("box", box))
            continue
        month = [(first[0], m[0].strip(), first[2])]
        rest = box[1:]
        while rest and not first[1][m.end() :].strip() and range_rest(join_cell(month), rest[0][1]):
            month, rest = [*month, rest[0]], rest[1:]
        out.append(("month", month))
        beside = first[1][m.end() :].strip()
        item = ([(first[0], beside, False)] if beside else []) + rest
        if item:
            out.append(("beside", item))
    return out


def _item_width(body: list[Box], pivot: re.Pattern[str]) -> int | None:
    """The items' column's width where an item wrapped: the widest first line of a box of several lines
    right after a box that holds a month and nothing else (its item's box); None where none did."""
    widths = [
        display_width(box[0][1])
        for above, box in itertools.pairwise(body)
        if len(box) > 1
        and (m := pivot.match(above[-1][1])) is not None
        and not above[-1][1][m.end() :].strip()
        and "。" not in squashed(box)
        and squashed(box) not in _HEADER_CELLS
    ]
    return max(widths, default=None)


def _item_and_details(box: Box, width: int | None) -> tuple[str, str] | None:
    """A line that holds a row's item and, a space after it, its details, which pdfminer ran together at
    their height (`区担当者会議（第1回） 地域課題シートの様式の統一、…`, `ピアサポーター養成研修 全5回`): the
    item and the details, where the line is one box and its second part a detail's (a list or a sentence),
    or the line is wider than an item wraps at and its first part is not; else None (`居住支援協議会 住まい部会`:
    an item's own space)."""
    if len(box) != 1 or box[0][1].count(" ") != 1:
        return None
    item, details = box[0][1].split(" ")
    if len(item) < _ITEM_LEAST or "。" in item or item.endswith(OPEN_ENDS) or not details or details.isascii():
        return None
    if any(mark in details for mark in "、。"):
        return item, details
    fits = width is not None and display_width(item) <= width + _SLACK < display_width(box[0][1])
    return (item, details) if fits else None


def _range_tail(month: Box, box: Box) -> bool:
    """Whether a box is the range's mark and end (`～10月`) of a month that has no range yet."""
    return not RANGE_OPEN.search(join_cell(month)) and RANGE_TAIL.fullmatch(squashed(box)) is not None


def _number(text: str) -> bool:
    """A page's number or a count alone, which the month's pattern also takes (`5`)."""
    return text.strip().isdigit()


def _rows(tokens: list[Token]) -> tuple[list[_Row] | None, list[tuple[int, Box]]]:
    """The rows with their items, and the other boxes (the details') with where they stand."""
    rows: list[_Row] = []
    rest: list[tuple[int, Box]] = []
    k = 0
    while k < len(tokens):
        kind, lines = tokens[k]
        if kind == "month":
            if rows and _range_end(rows[-1], tokens, k):
                rows[-1].month = [*rows[-1].month, *lines]
                k += 1
                continue
            run = k
            while run < len(tokens) and tokens[run][0] == "month":
                rows.append(_Row(tokens[run][1], run))
                run += 1
            k = _items(rows[-(run - k) :], tokens, run, rest)
            if k < 0:
                return None, rest
            continue
        if kind != "head":
            rest.append((k, _whole(lines) if kind == "pair" else lines))
        k += 1
    return rows, rest


def _range_end(row: _Row, tokens: list[Token], k: int) -> bool:
    """Whether month token k is the open range's end of the row before it: no item of its own (a month,
    or the table's end, right after it)."""
    text = join_cell(tokens[k][1])
    if not RANGE_OPEN.search(join_cell(row.month)) or not RANGE_END.fullmatch(text.replace(" ", "")):
        return False
    return k + 1 == len(tokens) or tokens[k + 1][0] == "month"


def _items(run: list[_Row], tokens: list[Token], k: int, rest: list[tuple[int, Box]]) -> int:
    """The items of a run of months from the tokens from k on (the other tokens before the next month
    go to `rest`); the token after them."""
    end = next((j for j in range(k, len(tokens)) if tokens[j][0] == "month"), len(tokens))
    after = [j for j in range(k, end) if tokens[j][0] != "head"]
    head = next((j for j in range(k, end) if tokens[j][0] == "head"), None)
    if head is not None and head > k:  # the details' header cell after the items: a column at a time
        items, others = [j for j in after if j < head], [j for j in after if j > head]
        if len(items) != len(run):
            return -1
    elif (told := _told_items(tokens, after, len(run))) is not None:
        items, others = told, [j for j in after if j not in told]
    elif (
        len(run) > 1
        and len(slots := _slots(tokens, after)) == 2 * len(run)
        and all(slots[n] == slots[n + 1] for n in range(0, len(slots), 2) if tokens[slots[n + 1]][0] == "pair")
    ):
        items = slots[0::2]  # an item and a detail each in turn (an item and its details on a line, two)
        others = [j for j in slots[1::2] if j not in items]
    else:
        items, others = after[: len(run)], after[len(run) :]
        run[0].guessed = len(run) > 1 and len(after) > len(run)  # (which boxes are items, not told)
    details: list[tuple[int, Box]] = []
    for row, j in zip(run, items, strict=False):
        kind, lines = tokens[j]
        row.item, row.item_at = (lines[:1] if kind == "pair" else lines), j
        if kind == "pair":  # an item and its details run together: the details a cell of their own
            details.append((j, lines[1:]))
    for j in others:
        if tokens[j][0] == "pair":  # (a detail's own line, not cut)
            tokens[j] = ("box", _whole(tokens[j][1]))
        if run[-1].item and _NOTE.fullmatch(join_cell(tokens[j][1])):
            run[-1].item = [*run[-1].item, *tokens[j][1]]  # an item's bracketed note, written after the details
        elif _range_tail(run[-1].month, tokens[j][1]):
            run[-1].month = [*run[-1].month, *tokens[j][1]]  # the range's mark and end, after the item
        else:
            details.append((j, tokens[j][1]))
    rest.extend(sorted(details, key=lambda detail: detail[0]))  # (in the tokens' order)
    return end


def _slots(tokens: list[Token], after: list[int]) -> list[int]:
    """The boxes after a run of months as the cells they hold: a line of an item and its details twice."""
    return [j for j in after for _ in range(2 if tokens[j][0] == "pair" else 1)]


def _told_items(tokens: list[Token], after: list[int], count: int) -> list[int] | None:
    """The items of a run of `count` months where the boxes tell them, a line run together with its details
    among them: each such line, and every other box but a sentence (`…作成する。`), just as many as the
    months and the first box one of them; else None."""
    if not any(tokens[j][0] == "pair" for j in after):
        return None
    items = [j for j in after if tokens[j][0] == "pair" or "。" not in squashed(tokens[j][1])]
    return items if len(items) == count and items[0] == after[0] else None


def _whole(pair: Box) -> Box:
    """A line cut as an item and its details, whole again (a detail's own line, in no item's place)."""
    (index, item, blank), (_, details, _) = pair
    return [(index, f"{item} {details}", blank)]


def _details(rows: list[_Row], rest: list[tuple[int, Box]]) -> int | None:
    """Give the detail cells to their rows: the line of the first row given them by a guess, -1 where none
    was, None where they cannot be placed so."""
    if not rest:
        return -1
    # the column's width where a cell wrapped in it: a one-line cell, however wide, tells none (none goes on
    # by its width where none wrapped)
    widest = max((w for _, box in rest for w in wrapped_widths(box)), default=1 << 30)
    cells = detail_cells([box for _, box in rest], widest, tails=True)
    if len(cells) > len(rows):
        return None
    where = {box[0][0]: at for at, box in rest}  # a box's first line: where its token stands
    found = _place(rows, [where[cell[0][0]] for cell in cells])
    if found is None:
        return None
    placed, guess = found
    for r, cell in zip(placed, cells, strict=True):
        rows[r].details = cell
    return -1 if guess is None else rows[placed[guess]].item[0][0]


_OFF = 100  # the cost of each row between a cell written alone after an item and that item's row


def _place(rows: list[_Row], starts: list[int]) -> tuple[list[int], int | None] | None:
    """Each cell's row (`starts`: where each cell's first box stands among the tokens): rows in order, each
    cell after its row's month; a cell written alone between an item and the next month that item's row,
    where it may be, and several written together the first rows they may take (pdfminer writes a run of
    details as a column of their own, from the first row that lacks them); None where no placing keeps
    every cell after its month.  With the rows, the first cell so placed by a guess (or None)."""
    months, items = [row.at for row in rows], [row.item_at for row in rows]
    before = [sum(1 for at in months if at < start) for start in starts]  # the months written before each cell
    # the item before each cell (or on its own line: an item and its details run together)
    after = [max((r for r, at in enumerate(items) if at <= start), default=-1) for start in starts]
    together = {r: after.count(r) for r in after}
    inf = 1 << 30
    cost: list[int] = [0] * len(months)  # the least cost of the cells so far, the last in each row
    back: list[list[int]] = []
    for j, seen in enumerate(before):
        nxt, arg = [inf] * len(months), [-1] * len(months)
        best, at = (0, -1) if j == 0 else (inf, -1)
        for r in range(min(seen, len(months))):
            if j and r and cost[r - 1] < best:
                best, at = cost[r - 1], r - 1
            if best < inf:
                alone = after[j] >= 0 and together[after[j]] == 1
                nxt[r], arg[r] = best + (_OFF * abs(r - after[j]) if alone else r), at
        cost = nxt
        back.append(arg)
    last = min(range(len(months)), key=lambda r: cost[r])
    if cost[last] >= inf:
        return None
    out = [last]
    for j in range(len(starts) - 1, 0, -1):
        out.append(back[j][out[-1]])
    return out[::-1], _guessed(out[::-1], before, after, together)


def _guessed(placed: list[int], before: list[int], after: list[int], together: dict[int, int]) -> int | None:
    """The first of the cells written together that could stand in later rows, the rows between lacking
    details (the text does not tell which rows they are), or None."""
    for j, r in enumerate(placed):
        bound = min(before[j], placed[j + 1] if j + 1 < len(placed) else before[j])
        if (after[j] < 0 or together[after[j]] > 1) and bound - 1 > r:
            while j and after[j - 1] == after[j]:
                j -= 1
            return j
    return None


def _write(state: FormState, header: tuple[str, ...], head: Box, rows: list[_Row], last: int) -> None:
    lines = [
        (
            row.month[0][0],
            "\t".join([join_cell(row.month).replace(" ", ""), join_cell(row.item), join_cell(row.details)]),
        )
        for row in rows
    ]
    write_table(state.lines, head, "\t".join(_header_text(cell) for cell in header), sorted(lines), last)
