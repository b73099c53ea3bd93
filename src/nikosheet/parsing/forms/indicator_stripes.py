"""An indicator row whose cells a converter wrote a stripe at a time: each column's boxes put together.

Plain pdftotext of a Chromium PDF cuts a table's row into stripes across its columns (where a cell's
paragraphs or items part) and writes each stripe's cells left to right, a box a cell (a blank line
between boxes), then the next stripe's:

    ②長期入院者の地域移                               ②長期入院者の地域移
    地域移行支援の利                                  行
    地域移行支援の利用                                地域移行支援の利
    ピアサポーターの病院訪問（延べ58回）によ     →     用者 90人
    行                                                地域移行支援の利用
    用者 90人                                         者 76人
    者 76人                                           ピアサポーターの病院訪問（延べ58回）によ
    り、入院中の方が退院後の生活を…                   り、入院中の方が退院後の生活を…

A row's first four boxes are its four cells' first stripes (the last the widest: the effects); each
later box goes on the first column after the one before it, in turn, whose cell is open (its last
line fills the column, the columns' widths being the widest wrapped line of their first stripes over
the table's rows, and ends no sentence) and that the box fits, a cell that wrapped before first (a
one-line name as wide as its column may have ended there); a box that no open column takes is a new
item of the effects where it is wider than the other columns, and otherwise the row is left as it is
(which column's a short line is, the text does not tell).  `indicator_bands.arrange` asks this of
each indicator row before its other readings.

pdftotext runs cells that share a baseline into one line, a space between: a row's first line may hold
the name's first line and the target's (`③長期入院者への退院 県内精神科病院31`), and the target's a value
that ends on its count and the actual's first line (`…地域移行 地域移行支援の利用 40件 地域移行支援の`).
Where two rows' first lines or more are wider than the names' column (the widest of the names' first
pieces: a line's words up to its first space, or a line with none; two rows' as wide, else no width is
told), each such line is cut at its first space (and after a count and its unit that a space and more
words follow), each piece a box; a line no wider is one name, an author's space in it (`③訪問支援
ACTチーム`).  The lines below it in its box (`催`, `上開催`) go on the name and the target in turn, each on
the first that is open (the name's line as wide as its column, and the line below no count's end:
`数 20名`; the target's line no sentence's or count's end).  A later box that closes a bracket goes on the
open cell that left one open (`412人）` on `27病院（面接実施`).  A list's next item goes on no open name or
value but a list, and on a value's list whose last item ended where the effects cannot take it: their
sentence is still open (`…件数が増え`, its `た。` later), or, where the effects are a list still open or a
sentence that ended, the item ends on a count as a value does (`・入院先病院への訪問 年4` `回`;
`・手引きの作成` stays the effects'); an effects' list that ended (`。`, or a last line short of half the
column) keeps it.  A one-line name as wide as its column, which may have ended there, gives way to a
value whose line surely goes on with the box: it stops on a particle or a comma and the box holds a count
(`地域移行支援の` `利用 33件(うち`), or on a number whose unit the box starts with, a count's end after it
(`・6圏域で年2` `回以上開催`; not `回数`, `人材の育成`).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms._shared import display_width, unbalanced
from nikosheet.parsing.forms.line_cuts import TOLERANCE
from nikosheet.parsing.forms.template_tables import LIST_BULLETS, Box, Piece, box_width, boxed, wrapped_widths

_COLUMNS = 4  # an indicator table's: its name, two values and the effects
_EFFECTS = _COLUMNS - 1
# a value's count and unit at a line's end (`90人`, `10件`, `3か所`; not `41人中`: the line goes on)
_UNITS = "人|件|回|名|%|％|か所|箇所|カ所|ヶ所|施設|病院|市町村|町村|区|圏域|団体|事業所"
_COUNT = rf"[0-9０-９]\s?(?:{_UNITS})"
_COUNT_END = re.compile(rf"{_COUNT}$")
# a value's count and unit, then a space and another cell's first line (`…利用 40件 地域移行支援の`)
_COUNT_THEN = re.compile(rf"{_COUNT} (?=\S)")
# a count's unit its number's line left to the next, and what follows a count (not a name's word: `回数`, `人材`)
_UNIT_FIRST = re.compile(rf"(?:{_UNITS}|年|か月|ヶ月|時間)(?:$|\s|[)）(（、。/／・]|以上|以下|程度)")
_COUNT_IN = re.compile(_COUNT)  # a count and its unit anywhere
_NAMES_LEAST = 2  # rows whose first lines hold other cells beside the name's: the table was written so
_GOES_ON = tuple("のをにがはでとや、，")  # a line that stops on a particle or a comma: its cell goes on


def by_stripes(rows: list[list[Piece]]) -> list[list[Piece]]:
    """The rows, each with its columns' boxes put together in column order where it was written a
    stripe at a time."""
    rows = _first_lines_apart(rows)
    in_boxes = [boxed(row) for row in rows]
    widths = _widths(in_boxes)
    if widths is None:
        return rows
    return [_by_stripes(row, boxes, widths) for row, boxes in zip(rows, in_boxes, strict=True)]


def _first_lines_apart(rows: list[list[Piece]]) -> list[list[Piece]]:
    """The rows with each first line that holds the name's first line and other cells' cut into a box a
    cell (see the module): a line wider than the names' column (the widest of the names' first pieces: a
    line's words up to its first space, or a line with none; two rows' as wide), cut at its first space,
    where two rows' first lines or more are so wide."""
    firsts = [row[0][1].strip() for row in rows if row]
    pieces = [display_width(text.partition(" ")[0]) for text in firsts]
    width = max(pieces, default=0)
    if sum(1 for w in pieces if w >= width - 1) < _NAMES_LEAST:
        return rows  # (the widest name's piece alone: a one-line name's, which tells no column's width)
    if sum(1 for text in firsts if _joined(text, width)) < _NAMES_LEAST:
        return rows
    return [_first_line_apart(row, width) for row in rows]


def _joined(line: str, width: int) -> bool:
    """Whether a row's first line holds other cells' text beside the name's: it is wider than the names'
    column, a space after the name's piece (an author's space inside a name leaves the line as narrow)."""
    head, space, rest = line.partition(" ")
    return bool(space and rest) and len(head) > 1 and display_width(line) > width + 1


def _first_line_apart(row: list[Piece], width: int) -> list[Piece]:
    """A row whose first line holds the name's first line and other cells' with that line cut into a box a
    cell, and the lines below it in its box dealt to those cells in turn; else the row as it was."""
    if not row or not _joined(row[0][1].strip(), width) or not any(blank for _, _, blank in row[1:]):
        return row  # (a row of one box: written a printed line at a time, not in stripes)
    at, text, blank = row[0]
    head, _, rest = text.strip().partition(" ")
    firsts = [head, *_values_apart(rest.strip())]
    below = 1
    while below < len(row) and not row[below][2]:
        below += 1
    columns: list[list[tuple[int, str]]] = [[(at, t)] for t in firsts]
    last = len(columns) - 1
    for i, line, _ in row[1:below]:
        order = (*range(last + 1, len(columns)), *range(last + 1))
        opened = [c for c in order if _first_open([t for _, t in columns[c]], c, width, line.strip())]
        if not opened:
            return row
        columns[opened[0]].append((i, line))
        last = opened[0]
    pieces: list[Piece] = []
    for c, lines in enumerate(columns):
        pieces += [(i, t, (blank if c == 0 else True) if k == 0 else False) for k, (i, t) in enumerate(lines)]
    return [*pieces, *row[below:]]


def _values_apart(rest: str) -> list[str]:
    """The target's first line and, after its count and unit, the actual's (a space between)."""
    found = _COUNT_THEN.search(rest)
    if found is None:
        return [rest]
    return [rest[: found.end() - 1], rest[found.end() :]]


def _first_open(lines: list[str], column: int, width: int, below: str) -> bool:
    """Whether a cell cut from a row's first line goes on with the line below: the name's where its last line
    fills the names' column (and the line is no value's end: `数 20名`), another's where its last line ends
    no sentence and no count."""
    if column == 0:
        return _fills(lines[-1], width) and _COUNT_END.search(below) is None
    return not _ends_cell(lines[-1])


def _widths(rows: list[list[Box]]) -> list[int | None] | None:
    """Each column's width where a cell's first stripe wrapped in it: its widest line followed by
    another, over the rows that hold four boxes or more (a line that ends its cell tells none); None
    where no row holds so many."""
    firsts = [boxes[:_COLUMNS] for boxes in rows if len(boxes) >= _COLUMNS]
    if not firsts:
        return None
    wrapped = [[wrapped_widths(boxes[c]) for boxes in firsts] for c in range(_COLUMNS)]
    return [max((w for widths in column for w in widths), default=None) for column in wrapped]


def _by_stripes(row: list[Piece], boxes: list[Box], widths: list[int | None]) -> list[Piece]:
    if len(boxes) <= _COLUMNS:
        return row
    if not _wider(box_width(boxes[_EFFECTS]), widths):
        return _by_second_stripe(row, boxes)
    columns: list[list[Box]] = [[box] for box in boxes[:_COLUMNS]]
    last = _EFFECTS
    for box in boxes[_COLUMNS:]:
        column = _column(box, columns, widths, last)
        if column is None:
            return _by_second_stripe(row, boxes)
        columns[column].append(box)
        last = column
    return _written(columns)


def _by_second_stripe(row: list[Piece], boxes: list[Box]) -> list[Piece]:
    """The row read where the columns' widths are not known (the table's other rows written otherwise): its
    first four boxes one-line cells, the effects' the widest, and the boxes right after them, no wider than
    the name's and the values' first lines, the rests of those that end no sentence and no count, in turn,
    one each and each no wider than its cell's first line (`②長期入院者の地域移` `地域移行支援の利`
    `地域移行支援の利用` `…によ` `行` `用者 90人` `者 76人` `り、…`); every box after them the effects'."""
    firsts = [box_width(box) for box in boxes[:_COLUMNS]]
    if any(len(box) > 1 for box in boxes[:_EFFECTS]) or firsts[_EFFECTS] <= max(firsts[:_EFFECTS]) + TOLERANCE:
        return row
    opens = [c for c in range(_EFFECTS) if not _ends_cell(boxes[c][-1][1])]
    rests = boxes[_COLUMNS : _COLUMNS + len(opens)]
    if (
        not opens
        or len(rests) < len(opens)
        or any(box_width(r) > firsts[c] + TOLERANCE for r, c in zip(rests, opens, strict=False))
    ):
        return row
    if any(box_width(box) <= max(firsts[:_EFFECTS]) + TOLERANCE for box in boxes[_COLUMNS + len(opens) :]):
        return row  # (a narrow box after them: another stripe, whose columns are not told)
    columns: list[list[Box]] = [[box] for box in boxes[:_COLUMNS]]
    for rest, c in zip(rests, opens, strict=False):
        columns[c].append(rest)
    columns[_EFFECTS].extend(boxes[_COLUMNS + len(opens) :])
    return _written(columns)


def _ends_cell(text: str) -> bool:
    """Whether a cell's line ends it: a sentence's end, or a count (`用者 90人`)."""
    return text.endswith(("。", "．")) or _COUNT_END.search(text) is not None


def _written(columns: list[list[Box]]) -> list[Piece]:
    """The row's lines column by column, a blank line before each column's first box only."""
    out: list[Piece] = []
    for c, parts in enumerate(columns):
        for k, box in enumerate(parts):
            first = box[0]
            blank = first[2] if (c, k) == (0, 0) else k == 0
            out.extend([(first[0], first[1], blank), *box[1:]])
    return out


def _column(box: Box, columns: list[list[Box]], widths: list[int | None], last: int) -> int | None:
    """The column a later box goes on: the first open one after `last`, in turn, that it fits (one
    whose cell wrapped before first: a one-line cell as wide as its column may have ended there);
    else the effects, where it is wider than the other columns.  A box that closes a bracket goes on
    the cell that left one open; a list's next item, the effects' cell open, on a value's list whose
    last item ended."""
    widest = box_width(box)
    turn = [(last + step) % _COLUMNS for step in range(1, _COLUMNS + 1)]
    turn = [c for c in turn if _within(widest, widths[c])]  # (the columns after `last`, in turn, it fits)
    if unbalanced(box[0][1]) < 0:  # (though the cell's last line stops short: the bracket is still open)
        bracketed = [c for c in turn if unbalanced("".join(t for part in columns[c] for _, t, _ in part)) > 0]
        if bracketed:
            return bracketed[0]
    listed = box[0][1][:1] in LIST_BULLETS  # (a list's next item goes on no open name or value but a list)
    if listed and not _effects_ended(columns[_EFFECTS], widths[_EFFECTS], box):
        lists = [c for c in turn if 0 < c < _EFFECTS and _list_ended(columns[c], widths[c])]
        if lists:
            return lists[0]
    for sure in (True, False):
        opened = [
            c
            for c in turn
            if _open(columns[c], widths[c], sure) and (not listed or c == _EFFECTS or _is_list(columns[c]))
        ]
        if opened:
            return _past_whole_name(opened, columns, box)
    return _EFFECTS if _wider(widest, widths) else None


def _within(widest: int, width: int | None) -> bool:
    """Whether a box fits a column whose width is known."""
    return width is not None and widest <= width


def _effects_ended(boxes: list[Box], width: int | None, item: Box) -> bool:
    """Whether the effects may take a list's next item, so that no value's list takes it where the item is
    as likely the effects': the effects' list ended (a sentence's end, or a last line short of half the
    column), or, where the effects are a list still open or a sentence that ended, the item ends on no
    count as a value does (`・手引きの作成`; `…支援の開始 20件` is a value's); an open sentence goes on first,
    so the item is a value's."""
    last = boxes[-1][-1][1].strip()
    ended = width is None or _ends_cell(last) or display_width(last) < width // 2
    listed = _is_list(boxes)
    if ended != listed:
        return _COUNT_END.search("".join(text.strip() for _, text, _ in item)) is None
    return ended


def _list_ended(boxes: list[Box], width: int | None) -> bool:
    """Whether a cell is a list whose last item ended (its cell does not go on)."""
    return _is_list(boxes) and not _open(boxes, width, False)


def _is_list(boxes: list[Box]) -> bool:
    """Whether a cell is a list: its first line opens an item."""
    return boxes[0][0][1][:1] in LIST_BULLETS


def _wider(widest: int, widths: list[int | None]) -> bool:
    """Whether a box is wider than the name's and the values' columns, those known (the effects')."""
    known = [w for w in widths[:_EFFECTS] if w is not None]
    return bool(known) and widest > max(known) + TOLERANCE


def _past_whole_name(opened: list[int], columns: list[list[Box]], box: Box) -> int:
    """The first open column in turn, but past a one-line name as wide as its column that may have ended
    there (`②長期入院者の地域移行`) to a value whose line surely goes on with the box (see `_goes_on`); a
    name that stops on a particle goes on itself."""
    name = [text.strip() for box in columns[opened[0]] for _, text, _ in box]
    if opened[0] != 0 or len(name) > 1 or name[-1].endswith(_GOES_ON):
        return opened[0]
    return next((c for c in opened[1:] if c < _EFFECTS and _goes_on(columns[c][-1][-1][1].strip(), box)), 0)


def _goes_on(line: str, box: Box) -> bool:
    """Whether a value's line surely goes on with a box: it stops on a particle or a comma and the box holds
    a count (`地域移行支援の` `利用 33件(うち`), or on a number whose unit the box starts with."""
    first = box[0][1].strip()
    if line.endswith(_GOES_ON):
        return any(_COUNT_IN.search(text) for _, text, _ in box)
    return line[-1:].isdigit() and _UNIT_FIRST.match(first) is not None


def _open(boxes: list[Box], width: int | None, sure: bool) -> bool:
    """Whether a cell goes on after its boxes: its last line fills the column and ends no sentence and no
    count (`sure`: and a line before it filled the column too)."""
    lines = [text.strip() for box in boxes for _, text, _ in box]
    if width is None or not _fills(lines[-1], width) or _ends_cell(lines[-1]):
        return False
    return not sure or any(_fills(line, width) for line in lines[:-1])


def _fills(text: str, width: int) -> bool:
    return display_width(text) >= width - TOLERANCE
