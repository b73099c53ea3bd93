"""The indicators tables of sections 4 and 5 whose cells pdfminer wrote as four streams woven together.

pdfminer writes the outcomes' table a box at a time: each column's boxes come top to bottom, but the
columns take turns as the page's boxes are grouped, so a name's wrapped rest may come after its
row's values and effects, the next rows' names before the values of the row above, a list's next
item after the effects begun beside it, and a value's rest after the next value:

    ①市町における協議の                課題解決の達成度を測る指標⇥目標値 (R5年度当初)⇥…
    30市町                              ①市町における協議の場の設置⇥30市町⇥27市町⇥・未設置の…
    27市町                              ②精神科病院からの地域移行者数⇥年120人⇥年104人⇥・ピア…
    ・未設置の市町へ…設置に向けた助     ③支援者の人材育成⇥研修会3回 受講者200人⇥…
    場の設置                     →
    ②精神科病院からの地⏎域移行者数
    ③支援者の人材育成
    言を行った。 ・圏域の…
    年120人
    …

Each box goes to one column (a one-line box of two cells a space apart, `③地域移行支援の利用者数 年50人`, cut in
two first). A box that starts with the next number (②) within the names' column is a name. A box
right after a name that fills its column is that name's rest when it holds no count and no
sentence's end and no value is open (or its wrapped lines are as wide as the names' column, narrower
than the values'; or the next box ends the open value: `…利用者数 40` `行` `人`). A box wider than the
values' column (its width from the header: a wrapped value cell's first line and a character; else a
cell on one line, or half the widest line) or ending a sentence is the effects'; any other a
value's. A value still open (it ends on no count, on a line as wide as its widest) takes the next
value box no wider than it, not a list's new item; a note in brackets (`(計16回)`) goes on the value
above; else the first empty value in row order (目標値, then 実績値; a row's value may come before its
name, the first row's too: a count on one line within the values' column, before its wrapped name and
the header's rest), a list's next item the row's list beside it. Where every name came before any other box and
so some row's two values would end in two units (`30人` `2回`), the page's boxes went a column at a
time: the values are read down each column instead (every row's 目標値, then every 実績値), when so
each row's two values end in one unit:

    ①訪問支援の実人数   ②連絡会の開催   30人   2回   27人   2回   …   →   ①…⇥30人⇥27人⇥…   ②…⇥2回⇥2回⇥…
 An open effects cell takes the next effects box,
a list's next item the last value's row's list, else the first row with no effects. The table is
rebuilt only when every box is so placed, each row has a name, a value and effects (a last row without
any may be a sheet's empty cell or a row whose effects a box above took: which, nothing says) and no
value is left open; else it is left to `cell_lines_tables`. A row holding one value of two (which
column it is cannot be told) keeps it as text below the table, with a `missing-table` warning. A count
the page wrapped to a value's next line takes back the space before it (`修了者` `15名`: the sheet's
`修了者 15名`).

Where the boxes make no rows so, they are read once more with a list's item that no cell takes going on
the list the last effects box went on: which list an item written after other rows' values is of only a
whole reading tells (`・保健所が…` `3,150人` `3,282人` `部会として設置した。` `・残る…`: the first row's).

Section 5's table is read so too (from the line that opens its header, after the issues' table, to the
template's guidance or the next heading), its cells short and no sentence: a box goes to what the rows
read so far (their names came before it) still lack.  A value, as narrow as the values' column, is the
first row's without one, column by column (pdfminer writes a band of short rows a column at a time: `①…`
`②…` `7人` `4人` `③…` `年18回` …, then every 目標値), a value after its row's effects being the one beside its
name; else the box is the effects of the first row without any; a box that starts inside a word or as no
line does (`の受講者数`, `つなぎ`) goes on the open name, else on the effects whose last line filled the
widest effects' line.  A value and the effects beside it on one line (`手順書の案を作成 市外に…`), and a
value on a wrapped name's first line a space apart (`②…の合同 未実施` `事例検討会`), are cut apart; the next
section's number written apart among the boxes (`6`) stays where it stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, interleaved_header, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.template_tables import (
    CIRCLED,
    HEADING,
    OUTCOMES,
    PLANNED,
    SPACE,
    Box,
    box_width,
    join_cell,
    unread_outcomes_region,
    value_text,
    write_table,
)
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import NO_WORD_START, continues
from nikosheet.vocabulary import OUTCOME_COLUMNS, PLANNED_COLUMNS

_HEADER_STARTS = ("課題解決", "目標値", "実績値", "具体的な成果")  # a header cell's first words: any may come first
_HEADER_BOXES = 10  # boxes the header's cells may be spread over
_CLOSE = 1  # display columns a wrapped line may stop short of its column
_WIDE = 2  # display columns of the character that did not fit on a wrapped line
_ITEM = "・"
_NOTE = ("(", "（")  # a value's note in brackets, under it
# a value's end: a count and its unit, or a bracket closed (`（令和6年1月）`, `(年1回・56名)`)
_UNITS = "人名件回所院村町市区圏域床日校社組割倍病箇かカヶケ者団体%％"  # a count's unit's characters
_VALUE_END = compile_lazily(rf"(?:[0-9０-９]\s*[{_UNITS}]{{1,3}}|[)）])\Z")
_DIGIT = compile_lazily(r"[0-9０-９]")
_COUNT_UNIT = compile_lazily(rf"[0-9０-９]\s*([{_UNITS}]{{1,3}})\Z")  # a value's count's unit: `27人`, `2 回`
_SENTENCE_END = compile_lazily(r"[。)）」』]\Z")
_PARTICLE_ENDS = tuple("のにをがでとへや")  # a name's line cut after a particle: its rest follows
_MOST_WORDS = 6  # a line of a row's cells side by side holds no more words


@dataclass
class _Row:
    name: list[Box]
    values: list[list[Box]] = field(default_factory=lambda: [[], []])  # 目標値, 実績値: their boxes
    effects: list[Box] = field(default_factory=list)


class _Kind(NamedTuple):
    header: tuple[str, ...]  # the table's header cells (patterns)
    starts: tuple[str, ...]  # a header cell's first words: any may come first
    values: tuple[str, str]  # the two values' header cells' words
    down: bool  # a value goes to the first row read so far without one, column by column


_OUTCOMES = _Kind(OUTCOMES.header, _HEADER_STARTS, ("目標値", "実績値"), False)
_PLANNED = _Kind(
    PLANNED.header,
    ("課題解決の達成度", PLANNED_COLUMNS["current"], PLANNED_COLUMNS["target"], PLANNED_COLUMNS["expected_effects"]),
    (PLANNED_COLUMNS["current"], PLANNED_COLUMNS["target"]),
    True,
)


def apply(state: FormState) -> None:
    """Rebuild the indicators tables of sections 4 and 5 where their columns' boxes came woven together."""
    if not signals.indicator_streams(state.source):
        return
    region = unread_outcomes_region(state.lines)
    if region is not None:
        _rebuild(state, region, _OUTCOMES)
    region = _planned_region(state.lines)
    if region is not None:
        _rebuild(state, region, _PLANNED)


_STRENGTHS = "強みと課題"  # section 5's title ends so
_GUIDANCE = "※"  # the template's guidance below section 5's indicators: the table ends above it


def _planned_region(lines: list[str | None]) -> tuple[int, int] | None:
    """Section 5's indicators' lines: from the first that opens their header (after the issues' table)
    to the template's guidance below them or the next heading, where no form read a table there yet."""
    title = next((i for i, line in enumerate(lines) if line and _STRENGTHS in line and _heading(line)), None)
    if title is None:
        return None
    end = next((i for i in range(title + 1, len(lines)) if _heading(lines[i] or "")), len(lines))
    firsts = _PLANNED.starts[:2]
    start = next((i for i in range(title + 1, end) if (lines[i] or "").strip(" \f").startswith(firsts)), None)
    if start is None:
        return None
    stop = next((i for i in range(start, end) if (lines[i] or "").lstrip(" \f").startswith(_GUIDANCE)), end)
    last = next((i for i in range(stop - 1, start, -1) if (lines[i] or "").strip(" \f")), None)
    if last is not None and stop == end and (lines[last] or "").strip(" \f").isdigit():
        stop = last  # (the next section's number, written apart above its title)
    if any("\t" in (lines[i] or "") for i in range(start, stop)):
        return None
    return start, stop


def _heading(line: str) -> bool:
    return HEADING.match(line.lstrip("\f")) is not None


def _rebuild(state: FormState, region: tuple[int, int], kind: _Kind) -> None:
    """Rebuild the indicators table of the region where its columns' boxes came woven together."""
    start, end = region
    boxes = [[(start + i, t, f) for i, t, f in box] for box in boxes_of(state.lines[start:end])]
    k = next((j for j, box in enumerate(boxes) if box[0][1].startswith(kind.starts)), None)
    if k is None:
        return
    found = interleaved_header.read(kind.header, boxes, k, _HEADER_BOXES)
    names: list[Box] = []  # the names' column, where it came after the other columns
    if found is None:
        moved = _names_last(boxes, k)
        if moved is None:
            return
        boxes, names, head_lines = moved
        found = interleaved_header.read(kind.header, boxes, k, _HEADER_BOXES)
        if found is None or not found[1][0] or found[1][0][0][0] != head_lines[0][0]:
            return
        found[1][0][:] = head_lines  # (its first two lines were read as one)
    texts, cells, left, after = found
    body = [part for box in [*names, *left, *boxes[after:]] for part in _cut(box)]
    numbers = [box for box in body if kind.down and len(box) == 1 and _NUMBER.fullmatch(box[0][1].strip(" \f"))]
    body = [box for box in body if not any(box is number for number in numbers)]  # (the next heading's number)
    if not body:
        return  # a header and no row
    widths = _value_width(texts, cells, body, kind.values), _first_width(cells)
    beside: dict[int, tuple[list[Box], list[Box]]] = {}  # a name's values and effects on its line
    cut: list[Box] = []
    for box in body:
        parts, named, effects = _cut_row(box, widths[0])
        if named:
            beside[id(parts[0])] = (parts[1 : len(parts) - effects], parts[len(parts) - effects :])
        cut.extend(parts)
    body = cut
    rows = _read(body, *widths, beside=beside, down=kind.down) or _read(
        body, *widths, beside=beside, lists_go_on=True, down=kind.down
    )
    if rows is not None and not _units_agree(rows):
        rows = _read(body, *widths, by_column=True) or rows  # the values came a column at a time
    if rows is None:
        return
    head = sorted(piece for cell in cells for piece in cell)
    last = max(i for box in [*boxes[k:], *names] for i, _, _ in box)
    lone = [row for row in rows if bool(row.values[0]) != bool(row.values[1])]
    kept = " ".join(_text([piece for cell in row.values for box in cell for piece in box]) for row in lone)
    if lone and any(row.name[0][0][0] == last for row in rows):
        return  # no line below the rows to keep the lone values on
    for row in lone:
        row.values = [[], []]
    written = [(row.name[0][0][0], _row_text(row)) for row in rows]
    write_table(state.lines, head, "\t".join(texts), written, last)
    for index, text, _ in (piece for box in numbers for piece in box):
        if state.lines[index] is None:
            state.lines[index] = text
    if lone:
        state.lines[last] = kept
    for row in lone:
        name = _text([piece for box in row.name for piece in box])
        state.note(Diagnostic.MISSING_TABLE, row.name[0][0][0], str(messages.LONE_VALUE(name=CIRCLED.sub("", name))))


def _names_last(boxes: list[Box], k: int) -> tuple[list[Box], list[Box], Box] | None:
    """Where the names' column came after every other box (a narrow column pdfminer grouped apart: its
    header cell's lines, `課題` `解決` `の達` …, then the names, `①長` `期入` …, to the table's end): the
    boxes with that header cell put first (its first two lines one, so that they start the cell), the
    names' boxes and the header cell's lines; else None."""
    first = OUTCOME_COLUMNS["name"]
    j = next((j for j in range(k + 1, len(boxes)) if first.startswith(SPACE.sub("", boxes[j][0][1]))), None)
    if j is None or not boxes[j][0][1].startswith(first[:2]):
        return None
    text = ""
    for e in range(j, len(boxes)):
        text += "".join(SPACE.sub("", t) for _, t, _ in boxes[e])
        if not first.startswith(text):
            return None
        if text == first:
            break
    else:
        return None
    names = boxes[e + 1 :]
    width = max(box_width(box) for box in boxes[j : e + 1])
    if not names or not _numbered(names[0], 0, None) or any(box_width(box) > width + _WIDE for box in names):
        return None  # (not the table's narrow first column, to its end)
    lines = [piece for box in boxes[j : e + 1] for piece in box]
    if len(lines) < 2:
        return None
    joined = [(lines[0][0], lines[0][1] + lines[1][1], lines[0][2]), *lines[2:]]
    return [*boxes[:k], joined, *boxes[k:j]], names, lines


def _value_width(texts: list[str], cells: list[Box], body: list[Box], words: tuple[str, str]) -> int:
    """The widest a value's line may be: where both values' header cells wrapped, the wider's first line
    and a character more (`目標値 (R5年` `度当初)`); else as wide as a header cell on one line, or half
    the widest line (the effects' column is the widest, the values' narrower than half of it)."""
    wrapped = [
        display_width(cell[0][1][cell[0][1].find(word) :]) + _WIDE
        for word, cell in zip(words, cells[1:3], strict=True)
        if len(cell) > 1 and word in cell[0][1]
    ]
    if len(wrapped) == 2:
        return max(wrapped)
    whole = [display_width(text) for text, cell in zip(texts[1:3], cells[1:3], strict=True) if len(cell) == 1]
    return max([*wrapped, *whole, max((box_width(box) for box in body), default=0) // 2])


def _cut(box: Box) -> list[Box]:
    """A one-line box of two cells a space apart cut in two: a name and its value (`③地域移行支援の
    利用者数 年50人`), two values (`新規対象者 20人 新規対象者 17人`), a value and the effects (`輪番病院
    8病院 夜間休日の受入れ体制を維持した。`); the box itself where no one space so cuts it."""
    if len(box) != 1:
        return [box]
    i, text, first = box[0]
    cuts = [k for k, ch in enumerate(text) if ch == " " and _two_cells(text[:k], text[k + 1 :])]
    if len(cuts) != 1:
        return [box]
    return [[(i, text[: cuts[0]], first)], [(i, text[cuts[0] + 1 :], False)]]


def _cut_row(box: Box, value_width: int) -> tuple[list[Box], bool, bool]:
    """A one-line box wider than the values' column cut at its spaces into a row's cells side by side:
    a name (its number first), one or two values (each within the values' column, no sentence, one a
    count or a value's form) and the effects (the line's rest, no space in it: wider than the values'
    column, a sentence or a list's item): `住まい部会の設置 設置済み（2回開催）`, `5地区で各2回 5地区で計9回
    真備地区は…となっ`, `24市町村 ・保健所が…`; the box itself where no one way so cuts it. With the
    pieces: whether the first is a name and the last the effects. A box of more lines is so cut where its
    first line ends with the effects and every later line is wider than the values' column: the effects'
    wrapped lines, which go on them (`7区で年21回 7区で年19回 各区で…地域課題とし` `て「受診に…住ま`)."""
    if len(box) > 1 and all(display_width(text) > value_width + _CLOSE for _, text, _ in box[1:]):
        cut, named, effects = _cut_row(box[:1], value_width)
        if effects:
            return [*cut[:-1], cut[-1] + box[1:]], named, effects
        return [box], False, False
    if len(box) != 1 or box_width(box) <= value_width + _CLOSE:
        return [box], False, False
    i, text, first = box[0]
    words = text.split(" ")
    if not 1 < len(words) <= _MOST_WORDS:
        return [box], False, False
    found = [cut for cut in _row_cuts(words, value_width) if len(cut[0]) > 1]
    if len(found) != 1:
        return [box], False, False
    texts, named, effects = found[0]
    return [[(i, part, first and k == 0)] for k, part in enumerate(texts)], named, effects


def _row_cuts(words: list[str], value_width: int) -> list[tuple[list[str], bool, bool]]:
    """Every way the words make a row's cells: a name, values, effects (see `_cut_row`)."""
    cuts = []
    for named in (True, False) if CIRCLED.match(words[0]) else (False,):
        rest = words[1:] if named else words
        for values in (1, 2):
            for ends in _splits(len(rest), values):
                parts = [" ".join(rest[a:b]) for a, b in ends]
                tail = " ".join(rest[ends[-1][1] :]) if ends else ""
                if not all(_value_cell(part, value_width) for part in parts):
                    continue
                if not any(is_value(part) or _DIGIT.search(part) for part in parts):
                    continue
                if tail and not _effects_cell(tail, value_width):
                    continue
                cuts.append(([*(words[:1] if named else []), *parts, *([tail] if tail else [])], named, bool(tail)))
    return cuts


def _splits(n: int, k: int) -> list[list[tuple[int, int]]]:
    """The ways the first words of n make k runs, each of one word or two (a value's label and count)."""
    if k == 0:
        return [[]]
    return [
        [(0, size), *((a + size, b + size) for a, b in rest)]
        for size in (1, 2)
        if size <= n
        for rest in _splits(n - size, k - 1)
    ]


def _value_cell(text: str, value_width: int) -> bool:
    return display_width(text) <= value_width + _CLOSE and "。" not in text and not text.startswith(_ITEM)


def _effects_cell(text: str, value_width: int) -> bool:
    if " " in text:
        return False
    return display_width(text) > value_width + _CLOSE or text.endswith("。") or text.startswith(_ITEM)


def _two_cells(left: str, right: str) -> bool:
    """Whether two texts a space apart on a line are two cells: a name or a value, then a value or an
    effects sentence."""
    if not right or not left or not (is_value(right) or (_SENTENCE_END.search(right) and not _DIGIT.match(right))):
        return False
    if CIRCLED.match(left):
        return is_value(right) and not _DIGIT.search(left[-1])
    return is_value(left)


def _first_width(cells: list[Box]) -> int | None:
    """The names' column's width, where the header's first cell wrapped (`課題解決の達` `成度を測る指`)."""
    first = cells[0]
    return display_width(first[0][1]) if len(first) > 1 and first[0][1].startswith("課題解決") else None


def _numbered(box: Box, n: int, width: int | None) -> bool:
    """Whether the box starts the n-th row's name (0: ①): its number, within the names' column."""
    number = CIRCLED.match(box[0][1]) is not None and ord(box[0][1][0]) - 0x2460 == n
    return number and (width is None or box_width(box) <= width + _CLOSE)


def _read(
    body: list[Box],
    value_width: int,
    first_width: int | None,
    by_column: bool = False,
    beside: dict[int, tuple[list[Box], list[Box]]] | None = None,
    lists_go_on: bool = False,
    down: bool = False,
) -> list[_Row] | None:
    """The rows the boxes make, each placed in its column; None where a box cannot be placed.
    `by_column`: the values came a column at a time (every row's 目標値, then every row's 実績値), read
    so only where every name came before any other box and each row's two values end in one unit.
    `beside`: the values and effects a name's line held beside it (by the name's box), its row's.
    `lists_go_on`: a list's item that no open cell nor the last value's list takes goes on the list the
    last effects box went to (tried where the boxes make no rows else: which list an item after other
    rows' values is of, nothing but a whole reading tells)."""
    names: list[Box] = []
    for box in body:
        if _numbered(box, len(names), first_width):
            names.append(box)
    if not names:
        return None
    name_width = max(first_width or 0, *(box_width(box) for box in names))
    rows = [_Row([name]) for name in names]  # a value may come before its row's name: the rows are known
    if by_column and (len(names) < 2 or any(box is not name for box, name in zip(body, names, strict=False))):
        return None  # a name after another box: the page's boxes did not go a column at a time
    seen = 0  # the names read so far
    last_value: _Row | None = None
    last_effects: _Row | None = None  # the row the last effects box went to
    placed_beside: set[int] = set()  # the boxes a name's line held beside it, placed with it
    lined: set[int] = set()  # the rows whose effects came on their name's line
    whole: set[int] = set()  # the rows whose values came on their name's line, a cell beside each
    for n, box in enumerate(body):
        if id(box) in placed_beside:
            continue
        if seen < len(names) and box is names[seen]:
            seen += 1
            values, effects = (beside or {}).get(id(box), ([], []))
            if values and any(rows[seen - 1].values):
                return None  # values before the name and beside it: the line is not its row
            if down and not values and len(box) > 1:
                values = _woven_value(rows[seen - 1])
            for cell, value in zip(rows[seen - 1].values, values, strict=False):
                cell.append(value)
            rows[seen - 1].effects.extend(effects)
            placed_beside.update(id(b) for b in (*values, *effects))
            last_value = rows[seen - 1] if values else last_value
            if effects:
                lined.add(seen - 1)
            if values:
                whole.add(seen - 1)
            continue
        text = _text(box)
        if not seen and not _before_names(box, text, value_width):
            return None  # text before the first row, not its value
        if down and seen:  # section 5's short cells: a cell is known by which its row still lacks
            placed = _placed_down(rows[:seen], box, (last_value, name_width, value_width))
            if placed is None:
                return None
            last_value = placed if placed is not _NO_VALUE else last_value
            continue
        latest = rows[seen - 1] if seen else None
        named = latest if latest and _open_name(latest, name_width) and box_width(box) <= name_width else None
        if named is not None and (_closes(named, text) or _cut_after_particle(rows, named, text)):
            named.name.append(box)  # `者数（佐渡・` `魚沼）`; `協議会での` `協議`
            continue
        if named is not None and _undecided(rows, text) and not _name_wide(box, name_width, value_width):
            if n + 1 == len(body) or not _completes(rows, _text(body[n + 1])):
                return None  # the name's rest or a value's: which cannot be told
            named.name.append(box)  # the next box ends the open value: this one is the name's
            continue
        if named is not None and (_name_rest(rows, text) or _name_wide(box, name_width, value_width)):
            named.name.append(box)
            continue
        if box_width(box) > value_width + _CLOSE or (_SENTENCE_END.search(text) and not _VALUE_END.search(text)):
            if not _place_effects(rows, box, last_value, last_effects if lists_go_on else None):
                return None
            last_effects = next(row for row in rows if any(b is box for b in row.effects))
            continue
        placed = _place_value(rows[:seen] if down and seen else rows, box, last_value, by_column or (down and seen > 0))
        if placed is None:
            return None
        last_value = placed
    # every row's effects: a last row without any may have lost them to a box above (no geometry says
    # which); a value left open is whole where a cell stood beside it on its line and no box was left
    if any(
        (not row.effects and not _empty_effects(rows, k, lined) and not _last_bare(rows, k, body))
        or (_open_value(row) and k not in whole and not _target_whole(row) and not down)
        or not any(row.values)
        for k, row in enumerate(rows)
    ):
        return None
    if by_column and not _units_agree(rows):
        return None
    return rows


def _empty_effects(rows: list[_Row], k: int, lined: set[int]) -> bool:
    """Whether a row's effects cell is empty: it holds both values, whole, and the next row's cells
    came on its name's line, the effects too (no box of its effects was left between)."""
    row = rows[k]
    return k + 1 in lined and all(row.values) and not _open_value(row)


def _target_whole(row: _Row) -> bool:
    """Whether a row's open 目標値 (it ends on no count: `住まい部会の設置`) is whole: its 実績値, beside it,
    came after it and ended (no box was left to go on the 目標値)."""
    target, actual = row.values
    return bool(target) and bool(actual) and not _value_open(actual)


def _last_bare(rows: list[_Row], k: int, body: list[Box]) -> bool:
    """Whether the last row's effects cell is empty: it holds both values, whole, every row above holds
    its effects, and no effects box came after the row's first value (pdfminer writes a row's effects
    after its values: the ones before belong to the rows above), none of theirs a box of a list's items
    (its last item might be the last row's)."""
    row = rows[k]
    if k + 1 != len(rows) or k == 0 or not all(row.values) or _open_value(row):
        return False
    if not all(above.effects for above in rows[:k]):
        return False
    if any(_items(box) > 1 for above in rows[:k] for box in above.effects):
        return False  # (a box of a list's items: the last may be the last row's effects)
    first = min(body.index(cell[0]) for cell in row.values)
    placed = {id(box) for above in rows[:k] for box in above.effects}
    return all(id(box) not in placed for box in body[first:])


def _items(box: Box) -> int:
    """The list's items a box starts (its lines that start with `・`)."""
    return sum(text.startswith(_ITEM) for _, text, _ in box)


def _before_names(box: Box, text: str, value_width: int) -> bool:
    """Whether a box before the first row's name is its value: a count on one line within the values'
    column (`32市町村`), where the header's wrapped rest and the name stood lower than the values."""
    return len(box) == 1 and box_width(box) <= value_width + _CLOSE and _VALUE_END.search(text) is not None


def _units_agree(rows: list[_Row]) -> bool:
    """Whether each row's two values, where both end in a count, end in one unit (`30人` `27人`; not
    `30人` `2回`: the two columns measure one thing)."""
    for row in rows:
        ends = [_COUNT_UNIT.search(_text([p for box in cell for p in box])) for cell in row.values]
        units = {m.group(1) for m in ends if m is not None}
        if len(units) > 1 and all(ends):
            return False
    return True


def _name_rest(rows: list[_Row], text: str) -> bool:
    """Whether a box right after an open name is surely its rest: no count, no sentence, no open value."""
    if _VALUE_END.search(text) or _SENTENCE_END.search(text) or _DIGIT.search(text):
        return False
    return not any(_open_value(row) for row in rows) or text.startswith(_ITEM)


def _closes(row: _Row, text: str) -> bool:
    """Whether a box closes the round bracket the row's name left open, opening none of its own."""
    name = _text([piece for box in row.name for piece in box])
    opened = name.count("（") + name.count("(") - name.count("）") - name.count(")")
    return opened > 0 and text.count("）") + text.count(")") == opened and not ("（" in text or "(" in text)


def _cut_after_particle(rows: list[_Row], row: _Row, text: str) -> bool:
    """Whether the row's name stops after a particle (`…協議会での`: no indicator's name ends so) and the
    box, no count and no list's item, is its rest: where no value may take it (none is open but a
    目標値 whose 実績値 beside it came after it, `住まい部会の設置` `設置済み（2回開催）`)."""
    if not row.name[-1][-1][1].endswith(_PARTICLE_ENDS) or _DIGIT.search(text) or text.startswith(_ITEM):
        return False
    return not any(_value_open(other.values[1]) or (not other.values[1] and _open_value(other)) for other in rows)


def _undecided(rows: list[_Row], text: str) -> bool:
    """Whether a box right after an open name may as well be an open value's rest: no count, no
    sentence, no list's item, and a value open that it does not end."""
    if _DIGIT.search(text) or _SENTENCE_END.search(text) or text.startswith(_ITEM):
        return False
    return any(_open_value(row) for row in rows) and not _completes(rows, text)


def _name_wide(box: Box, width: int, values: int) -> bool:
    """Whether a box's wrapped lines are as wide as the names' column, narrower than the values' (and it
    holds no count nor list)."""
    wrapped = [display_width(t) for _, t, _ in box[:-1]]
    if _DIGIT.search(_text(box)) or box[0][1].startswith(_ITEM):
        return False
    return bool(wrapped) and all(width - _CLOSE <= w <= width < values - _CLOSE for w in wrapped)


def _fits(cell: list[Box], box: Box) -> bool:
    """Whether a box may go on a cell: its lines no wider than the cell's."""
    return box_width(box) <= max(box_width(b) for b in cell) + _CLOSE


def _completes(rows: list[_Row], text: str) -> bool:
    """Whether the text ends the first open value with its count (`・地域移行支援の利用者数 40` `人`)."""
    cell = next((cell for row in rows for cell in row.values if _value_open(cell)), None)
    return cell is not None and _VALUE_END.search(_text([p for box in cell for p in box]) + text) is not None


def _text(box: Box) -> str:
    return join_cell(box)


def _open(boxes: list[Box], effects: bool) -> bool:
    """Whether a cell goes on in a later box: its text ends on no sentence (effects) or no count."""
    text = _text([piece for box in boxes for piece in box])
    return (_SENTENCE_END if effects else _VALUE_END).search(text) is None


def _open_effects(rows: list[_Row]) -> _Row | None:
    return next((row for row in rows if row.effects and _open(row.effects, True)), None)


def _open_name(row: _Row, width: int) -> bool:
    """Whether a name goes on in a later box: its last line fills its column (a number, `②`, set as
    wide as a kanji, though its display width is one)."""
    line = row.name[-1][-1][1]
    return display_width(line) + (CIRCLED.match(line) is not None) >= width - _CLOSE


def _open_value(row: _Row) -> bool:
    return any(_value_open(cell) for cell in row.values)


def _value_open(cell: list[Box]) -> bool:
    """Whether a value goes on in a later box: it ends on no count, and on a line as wide as its widest
    (or it is one line)."""
    lines = [display_width(t) for box in cell for _, t, _ in box]
    return bool(lines) and _open(cell, False) and (len(lines) == 1 or lines[-1] >= max(lines) - _CLOSE)


def _woven_value(row: _Row) -> list[Box]:
    """The first value written on a wrapped name's first line, a space apart (`②地域包括支援センターとの合同
    未実施` `事例検討会`: the one-line value set beside the name's first line), taken off the name; else none."""
    box = row.name[0]
    (index, line, blank), *rest = box
    head, _, tail = line.rpartition(" ")
    if not head.strip() or not is_value(tail):
        return []
    row.name[0] = [(index, head, blank), *rest]
    return [[(index, tail, True)]]


_NO_VALUE = _Row([])  # a box placed that is no value
_NUMBER = compile_lazily(r"[0-9０-９]{1,2}")  # a section's number alone on its line


def _placed_down(rows: list[_Row], box: Box, known: tuple[_Row | None, int, int]) -> _Row | None:
    """Where a box of section 5's indicators goes, among the rows read so far (their names came before
    it), its cells short, no sentence: where it starts inside a word or as no line does (`の受講者数`,
    `つなぎ`), on the open name, else on the open effects, else on an open value; else a value (as narrow
    as the values' column) of the first row without one, column by column (the 現状値 of every row read,
    then the 目標値: pdfminer writes a band of short rows a column at a time), else the effects of the
    first row without any, else the open name's rest, else the open effects' (its last line filled the
    widest effects' line).  The value's row, `_NO_VALUE` for another cell, None where none fits."""
    last_value, name_width, value_width = known
    text = _text(box)
    head, _, tail = box[0][1].partition(" ")
    empty = next((cell for c in (0, 1) for row in rows for cell in row.values[c : c + 1] if not cell), None)
    fits = display_width(head) <= value_width + _CLOSE < display_width(tail)
    if tail and empty is not None and fits and not _DIGIT.search(tail):
        (index, _, blank), *rest = box  # a value and the effects beside it on a line: `手順書の案を作成 市外に…`
        lacking = next((row for row in rows if not row.effects and any(c is empty for c in row.values)), None)
        if lacking is None:
            return None
        empty.append([(index, head, blank)])
        lacking.effects.append([(index, tail, True), *rest])
        return lacking
    whole = is_value(text)  # a value of its own (`なし`, `未実施`, `年15人`): no cell's rest
    cut = (continues(text) or text[0] in NO_WORD_START) and not whole
    named = rows[-1] if _open_name(rows[-1], name_width) and box_width(box) <= name_width else None
    effects = _open_effects_wide(rows)
    if cut and named is not None and not _DIGIT.search(text):
        named.name.append(box)
        return _NO_VALUE
    if cut and effects is not None:
        effects.effects.append(box)
        return _NO_VALUE
    if cut:
        return _place_value(rows, box, last_value, True) if any(_open_value(row) for row in rows) else None
    if box_width(box) <= value_width + _CLOSE and any(not cell for row in rows for cell in row.values):
        if whole:  # the first empty value, column by column (an open one before it is whole)
            row, cell = next((row, cell) for c in (0, 1) for row in rows for cell in row.values[c : c + 1] if not cell)
            if cell is row.values[1] and row.effects:  # after the row's effects: the value beside its name, late
                row.values = [[box], row.values[0]]
            else:
                cell.append(box)
            return row
        return _place_value(rows, box, last_value, True)
    lacking = next((row for row in rows if not row.effects), None)
    if lacking is not None:
        lacking.effects.append(box)
        return _NO_VALUE
    if named is not None and not _DIGIT.search(text):
        named.name.append(box)
        return _NO_VALUE
    if effects is not None:
        effects.effects.append(box)
        return _NO_VALUE
    return None


def _open_effects_wide(rows: list[_Row]) -> _Row | None:
    """The last row whose effects go on: no sentence ended, its last line as wide as the widest effects'
    line (it filled the column)."""
    widest = max((box_width(box) for row in rows for box in row.effects), default=0)
    for row in reversed(rows):
        if row.effects and _open(row.effects, True):
            last = display_width(row.effects[-1][-1][1])
            return row if last >= widest - _CLOSE else None
    return None


def _place_effects(rows: list[_Row], box: Box, last: _Row | None, latest: _Row | None = None) -> bool:
    """Put an effects box in an open effects cell, else in the row of the last value (a list's next
    item after a whole sentence), else a list's next item in the list the last effects box went to
    (`latest`: its item's rest, `部会として設置した。`, then `・残る…`, though the next row's values came
    before); False when it fits none."""
    row = _open_effects(rows)
    item = _text(box).startswith(_ITEM)
    if row is None and last is not None and last.effects and item:
        row = last if _text(last.effects[0]).startswith(_ITEM) else None
    elif row is None and item and latest is not None and _text(latest.effects[0]).startswith(_ITEM):
        row = latest
    elif row is None:
        row = next((row for row in rows if not row.effects), None)
    if row is None:
        return False
    row.effects.append(box)
    return True


def _place_value(rows: list[_Row], box: Box, last: _Row | None, by_column: bool) -> _Row | None:
    """The row a value box goes to: an open value's, a list's beside it, else the first empty (in row
    order; `by_column`: every row's 目標値, then every row's 実績値)."""
    for row in rows:
        for cell in row.values:
            if _value_open(cell) and not box[0][1].startswith(_ITEM) and _fits(cell, box):
                cell.append(box)
                return row
    if last is not None and box[0][1].startswith(_NOTE):
        cell = last.values[1] or last.values[0]  # a note in brackets under the value: `(計16回)`
        cell.append(box)
        return last
    if last is not None and box[0][1].startswith(_ITEM) and last.effects:
        target, actual = last.values
        if target and actual and target[0][0][1].startswith(_ITEM) and actual[0][0][1].startswith(_ITEM):
            (target if len(target) == len(actual) else actual).append(box)
            return last
    if last is not None and box[0][1].startswith(_ITEM) and _goes_on_list(last, box):
        return last
    # the first empty value, not of a row whose effects came before any value (it has none: the table
    # is then left)
    order = [(row, row.values[c]) for c in (0, 1) for row in rows] if by_column else None
    order = order or [(row, cell) for row in rows for cell in row.values]
    empty = next(((row, cell) for row, cell in order if not cell and (any(row.values) or not row.effects)), None)
    if empty is None:
        return None
    empty[1].append(box)
    return empty[0]


def _goes_on_list(row: _Row, box: Box) -> bool:
    """Put a list's item in the row's value list beside it where the values are lists: on the 目標値's
    until an item names what its first item does (`・登録者数 30人` `・病院訪問 40回` `・登録者数 34人`: the
    実績値 counts the same things, in the same order), then on the 実績値's up to as many items."""
    target, actual = row.values
    if not target or not target[0][0][1].startswith(_ITEM) or (actual and not actual[0][0][1].startswith(_ITEM)):
        return False
    if not actual and _label(box) != _label(target[0]):
        target.append(box)
        return True
    if actual and len(actual) < len(target):
        actual.append(box)
        return True
    return False


def _label(box: Box) -> str:
    """A value's words before its count (`・登録者数` of `・登録者数 30人`)."""
    return _DIGIT.split(_text(box), maxsplit=1)[0].strip()


def _row_text(row: _Row) -> str:
    cells = [[piece for box in cell for piece in box] for cell in (row.name, *row.values, row.effects)]
    return "\t".join([_text(cells[0]), *(value_text(cell) for cell in cells[1:3]), _text(cells[3])])
