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
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import Box, Piece, box_width, boxed, wrapped_widths

_COLUMNS = 4  # an indicator table's: its name, two values and the effects
_EFFECTS = _COLUMNS - 1
_CLOSE = 2  # display columns: a wrapped line may stop a character short of its column
# a value's count and unit at a line's end (`90人`, `10件`, `3か所`; not `41人中`: the line goes on)
_UNITS = "人|件|回|名|%|％|か所|箇所|カ所|ヶ所|施設|病院|市町村|町村|区|圏域|団体|事業所"
_COUNT_END = re.compile(rf"[0-9０-９]\s?(?:{_UNITS})$")


def by_stripes(rows: list[list[Piece]]) -> list[list[Piece]]:
    """The rows, each with its columns' boxes put together in column order where it was written a
    stripe at a time."""
    in_boxes = [boxed(row) for row in rows]
    widths = _widths(in_boxes)
    if widths is None:
        return rows
    return [_by_stripes(row, boxes, widths) for row, boxes in zip(rows, in_boxes, strict=True)]


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
    if any(len(box) > 1 for box in boxes[:_EFFECTS]) or firsts[_EFFECTS] <= max(firsts[:_EFFECTS]) + _CLOSE:
        return row
    opens = [c for c in range(_EFFECTS) if not _ends_cell(boxes[c][-1][1])]
    rests = boxes[_COLUMNS : _COLUMNS + len(opens)]
    if (
        not opens
        or len(rests) < len(opens)
        or any(box_width(r) > firsts[c] + _CLOSE for r, c in zip(rests, opens, strict=False))
    ):
        return row
    if any(box_width(box) <= max(firsts[:_EFFECTS]) + _CLOSE for box in boxes[_COLUMNS + len(opens) :]):
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
    else the effects, where it is wider than the other columns."""
    widest = box_width(box)
    for sure in (True, False):
        for step in range(1, _COLUMNS + 1):
            c = (last + step) % _COLUMNS
            width = widths[c]
            if width is not None and widest <= width and _open(columns[c], width, sure):
                return c
    return _EFFECTS if _wider(widest, widths) else None


def _wider(widest: int, widths: list[int | None]) -> bool:
    """Whether a box is wider than the name's and the values' columns, those known (the effects')."""
    known = [w for w in widths[:_EFFECTS] if w is not None]
    return bool(known) and widest > max(known) + _CLOSE


def _open(boxes: list[Box], width: int, sure: bool) -> bool:
    """Whether a cell goes on after its boxes: its last line fills the column and ends no sentence and no
    count (`sure`: and a line before it filled the column too)."""
    lines = [text.strip() for box in boxes for _, text, _ in box]
    if not _fills(lines[-1], width) or _ends_cell(lines[-1]):
        return False
    return not sure or any(_fills(line, width) for line in lines[:-1])


def _fills(text: str, width: int) -> bool:
    return display_width(text) >= width - _CLOSE
