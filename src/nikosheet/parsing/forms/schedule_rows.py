"""An annual schedule's rows written a cell per line, where a row's cells came apart from their row
(in `cell_lines_tables`: plain pdftotext's text of a LibreOffice PDF).

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
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import signals
from nikosheet.parsing.forms._shared import OPENING, unbalanced
from nikosheet.parsing.forms.template_tables import BULLET, SPACE, Cell, Table
from nikosheet.parsing.forms.wrapped_cells import counted
from nikosheet.typography import NO_LINE_START
from nikosheet.vocabulary import BODY_KINDS, NOTE_MARKS, SCHEDULE_COLUMNS

_MONTH_HEADER = SCHEDULE_COLUMNS["label"][:2]  # 時期: the first header cell's (a regex: `時期[(（]月[)）]`)
# one space between two Japanese characters (not ASCII: `R6 年`, `(5 か所)`)
_APART = re.compile(r"(?<=[^\x00-\x7f])\s(?=[^\x00-\x7f])")
_OPEN_ENDS = ("の", "を", "が", "に", "へ", "や", "と", "・", "、", "，")  # a cell does not end so
_SHORTEST = 2  # characters of a cell
_COUNT = 4  # characters at most of an item's count after a space (`全5回`, `第2回`): no actions' cell
_ITEM, _ACTIONS = 1, 2  # the record's positions


def rearrange(table: Table, records: list[dict[int, Cell]], source: str) -> list[dict[int, Cell]]:
    """The schedule's records with a row's actions written in the next row's cells given back, and
    a row's item and actions a space apart on one line taken apart (`source`: the text as the converter
    wrote it, where a wrapped month shows); only in a LibreOffice PDF's text (its renderer's gaps, the
    `autospace` signal), where a one-line row's cells come so."""
    if not table.header[0].startswith(_MONTH_HEADER) or table.record != len(SCHEDULE_COLUMNS):
        return records
    if not signals.autospace(source):
        return records
    lines = source.split("\n")
    out = [dict(record) for record in records]
    for above, record in zip([None, *out[:-1]], out, strict=True):
        if above is not None and _actions_below(above, record, lines):
            continue
        _apart(record)
    return out


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
        and not text.endswith(_OPEN_ENDS)
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
