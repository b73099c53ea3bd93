"""Section 5's indicators' table written a box at a time, each column's cells in its own order (pdfminer).

pdfminer writes the planned indicators' table (指標 / 現状値 / 目標値 / 見込んでいる成果・効果) as text
boxes in an order of its own: a header cell's lines apart (`現状値 (今年度当` … `初)`), two header
cells on one line, a name and its value on one line, a column's cells several rows at a time, a
cell's wrapped rest after other rows' cells:

    課題解決の達成度を測る指標                     課題解決の達成度を測る指標⇥現状値 (今年度当初)⇥…
    現状値 (今年度当                              ①市外病院への訪問数⇥0か所⇥5か所⇥市外病院に…の促進
    ①市外病院への訪問数                            ②緊急時の受入れ事業所数⇥2か所⇥4か所⇥緊急時の入院回避
    0か所                                    →    ③家族教室の開催回数⇥年2回⇥年4回⇥家族の負担の軽減
    ②緊急時の受入れ事業所数 2か所                  ④合同事例検討会の開催回数⇥0回⇥年3回⇥…
    ③家族教室の開催回数
    ④合同事例検討会の開催回
    数
    年2回
    …
    初)
    目標値 (今年度末) 見込んでいる成果・効果
    5か所
    …

Yet each column's cells come top to bottom, a box's lines are one column's, and a row's cells start
left to right (its name before its current value, that before its target, that before its effects).
The rows are as many as the names (`①`, `②`, … in turn); every other line is put in a column, the
start of a cell or the rest of the one above in its column, every column getting a cell a row.  A
cell's lines but its last fill its column (a column is as wide as its widest line); a cell never starts
inside a word (a hiragana, a small kana, `ー`, a closing bracket), and where a cell's line fills its
column and ends no sentence, the line below in the column likely goes on it.  A cell the sheet left
empty costs a little (`③` `年18回` … with no current value); a row's effects are left empty only where
nothing can stand past the lines read (see `_Search._spared`).  The table is rebuilt as tab rows only when
one reading is the likeliest; else it is left to the readers after.
"""

from __future__ import annotations

import itertools

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.issue_rests import cut
from nikosheet.parsing.forms.template_tables import CIRCLED, HEADING, Piece, join_cell, non_blank
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import CLOSING_MARKS, NO_WORD_START, starts_hiragana, starts_katakana
from nikosheet.vocabulary import CIRCLED as CIRCLED_MARKS
from nikosheet.vocabulary import PLANNED_COLUMNS

_FIRST = PLANNED_COLUMNS["name"]
_EFFECTS = PLANNED_COLUMNS["expected_effects"]
_SECTION = "強みと課題"
# one of the header's pieces: a header cell's head, a wrapped header cell's rest, a value header's
# bracket (`現状値 (今年度当`, `初)`), perhaps on a line of its own (`(今年度当`)
_HEADER_PART = (
    r"(?:課題解決の?達?成?度?を?測?る?指?標?|測?る?指?標|現状値(?: ?\([^()]*\)?)?|目標値(?: ?\([^()]*\)?)?"
    r"|見込んでいる成?果?・?効?果?|成?果?・?効?果|[^\s()（）]{1,8}\)|\((?:今年度|令和|R)[^\s()]{0,6}\)?)"
)
_HEADER_LINE = compile_lazily(rf"^{_HEADER_PART}(?: {_HEADER_PART})*$")
_HEADER_PIECE = compile_lazily(_HEADER_PART)
# the guidance, a marker, section 6's heading or its number alone on its line
_END = compile_lazily(r"^(?:[※【＜<#|]|[0-9０-９]{1,2}(?:\s|$))")
_NAME_AND_VALUE = compile_lazily(r"^([\u2460-\u2473] ?\S+) (\S+)$")  # a name and its value on one line
_VALUE_AND_MORE = compile_lazily(r"^(\S+) ([^\s(（].*)$")  # a value, then the next cell's words (`年2回 年4回`)
_SLACK = 3  # display columns a wrapped line may stop short of its column (a narrow digit, a kinsoku)
_MOST_LINES = 200  # a table's lines at most: the search recurses a line at a time, well within Python's limit
_SEARCH = 10_000  # readings tried at most (lines placed): a table with more is left to the readers after
_COLUMNS = 4
_CIRCLED_NUMBERS = tuple(CIRCLED_MARKS)  # ① … ⑳, each alone
_EMPTY = 2  # the cost of a cell left empty (a value or the effects the sheet left blank)
_MOST_EMPTY = 3  # cells a reading may leave empty, at most
_SENTENCE_ENDS = "。)）"
_PREDICATE_ENDS = "うくすつむる"  # a verb's last kana: an effect that ends a clause (`…が進む`, `…が広がる`)
_HEADS = ("課題解決", "現状値", "目標値", "見込んで")  # each header cell's first words

Line = tuple[int, str, int]  # source index, text, box
Reading = tuple[int, list[list[list[int]]]]  # the cost, each column's cells (each a list of line numbers)
Known = tuple[list[int], dict[tuple[int, ...], tuple[int, str]]]  # the lines' widths, cells' costs and units


def apply(state: FormState) -> None:
    """Rebuild section 5's indicators' table as tab rows where one reading is the likeliest."""
    if not signals.indicator_order(state.source):
        return
    found = _region(state.lines)
    if found is None:
        return
    header, body, rest = found
    cells = _header_cells(header)
    if len(cells) != _COLUMNS or not all(map(_closed, cells)):
        return
    places = _header_places(header)
    named = next((index for index, text, _ in body if CIRCLED.match(text)), 0)
    early = places[-1] < named  # the effects' header before the first row: no effects stand above it
    rows = _rows(body, places, early and not rest)  # (effects may stand past the lines read, after the guidance)
    if rows is None and rest:
        rows = _rows(body + rest[1:], places, early)  # the last column written after the guidance
        body = body + rest
    if rows is None:
        return
    first = header[0][0]
    state.replace(first, max(index for index, _, _ in (*header, *body)), "\t".join(cells))  # (blank lines too)
    if rest and body[-1] is rest[-1]:
        state.lines[rest[0][0]] = rest[0][1]  # the guidance, below the rows
    for index, row in rows:
        state.lines[index] = "\t".join(row)


def _region(lines: list[str | None]) -> tuple[list[Piece], list[Piece], list[Piece]] | None:
    """The table's header pieces and its other lines, from the header's first line in section 5 to the
    guidance or the next section, and the guidance with the lines after it up to the next section
    (pdfminer may write the last column there; none where the next section follows the guidance); None
    where the table is not found or it has no current value header."""
    pieces = non_blank(lines)
    start = next((k for k, (_, text, _) in enumerate(pieces) if _SECTION in text), None)
    if start is None:
        return None
    first = next((k for k in range(start, len(pieces)) if pieces[k][1].startswith(_FIRST[:8])), None)
    if first is None:
        return None
    end = next(
        (k for k in range(first + 1, len(pieces)) if _END.match(pieces[k][1]) or HEADING.match(pieces[k][1])),
        len(pieces),
    )
    region = pieces[first:end]
    header = [p for p in region if _HEADER_LINE.match(p[1])]
    if not any("現状値" in text for _, text, _ in header) or not region or region[0] is not header[0]:
        return None
    rest: list[Piece] = []
    if end < len(pieces) and pieces[end][1].startswith("※"):
        stop = next(
            (k for k in range(end + 1, len(pieces)) if _END.match(pieces[k][1]) or HEADING.match(pieces[k][1])),
            len(pieces),
        )
        rest = pieces[end:stop] if stop > end + 1 else []
    return header, [p for p in region if not _HEADER_LINE.match(p[1])], rest


def _header_cells(header: list[Piece]) -> list[str]:
    """The header's four cells from its pieces, a wrapped cell's rest going on the first cell left open."""
    cells: list[str] = []
    for _, text, _ in header:
        for part in _HEADER_PIECE.findall(text):
            opened = next((k for k, cell in enumerate(cells) if not _closed(cell)), None)
            if opened is not None and not part.startswith(_HEADS):
                cells[opened] += " " * part.startswith("(") + part  # (`現状値` `(今年度当` `初)`)
            else:
                cells.append(part)
    return cells


def _header_places(header: list[Piece]) -> list[int]:
    """Where each column's header cell starts (a source index): its cells come after it."""
    places = [header[0][0]] * _COLUMNS
    for c, head in enumerate(_HEADS[1:], 1):
        places[c] = next((index for index, text, _ in header if head in text), header[0][0])
    return places


def _closed(cell: str) -> bool:
    """Whether a header cell is whole: a value header's bracket closed, the other two all their words."""
    if cell.startswith(("現状値", "目標値")):
        return cell.endswith(")")
    return cell in (_FIRST, _EFFECTS)


def _rows(body: list[Piece], places: list[int], whole: bool) -> list[tuple[int, list[str]]] | None:
    """Each row's source index (its name's first line) and its four cells, where one reading is the
    likeliest and every row has its name (`whole`: the effects may be left empty, see `_spared`); None
    otherwise."""
    lines = _lines(body)
    if len(lines) > _MOST_LINES:
        return None  # (the search goes a call deeper a line)
    numbers = [text[0] for _, text, _ in lines if CIRCLED.match(text)]
    count = len(numbers)
    if count == 0 or numbers != [chr(0x2460 + k) for k in range(count)]:
        return None
    readings = _readings(lines, count, places, whole)
    if not readings:
        return None
    readings.sort(key=lambda reading: reading[0])
    if len(readings) > 1 and readings[1][0] == readings[0][0]:
        return None
    columns = readings[0][1]
    rows: list[tuple[int, list[str]]] = []
    for k in range(count):
        cells = [_text(lines, columns[c][k]) for c in range(_COLUMNS)]
        rows.append((lines[columns[0][k][0]][0], cells))
    return rows


def _lines(body: list[Piece]) -> list[Line]:
    """The body's lines with their boxes, a name and its value on one line taken apart."""
    out: list[Line] = []
    box = -1
    for index, text, blank in body:
        if blank or box < 0:
            box += 1
        pair = _NAME_AND_VALUE.match(text)
        if pair is None and is_value(text.split(" ", 1)[0]):
            pair = _VALUE_AND_MORE.match(text)
        if pair:
            out += [(index, pair[1], box), (index, pair[2], -1)]  # the second cell: a box of its own
        else:
            out.append((index, text, box))
    return out


def _readings(lines: list[Line], count: int, places: list[int], whole: bool) -> list[Reading]:
    """Every way to put the lines in the columns' cells, each column a cell a row, with its cost (no
    line before its column's header cell: `places`); none where there are too many to try.  Only where
    no reading fills every cell are readings that leave cells empty tried."""
    search = _Search(lines, count, places, (whole, 0))
    if not search.place(0):
        return []
    if search.found:
        return search.found
    search = _Search(lines, count, places, (whole, _MOST_EMPTY))  # (again, cells left empty)
    return search.found if search.place(0) else []


class _Search:
    """The readings tried one line at a time, each column's widest line and narrowest wrapped line kept
    as the lines are placed (a cell's line but its last fills its column)."""

    def __init__(self, lines: list[Line], count: int, places: list[int], empty: tuple[bool, int]) -> None:
        self.lines, self.count, self.places = lines, count, places
        self.spare, self.most_empty = empty  # whether the effects may be left empty; cells left empty, at most
        self.widths = [display_width(text) for _, text, _ in lines]
        self.named = [CIRCLED.match(text) is not None for _, text, _ in lines]
        self.whole = [is_value(text) for _, text, _ in lines]  # a value whole on its line: no cell goes on
        self.starts = [text[0] not in NO_WORD_START and not starts_hiragana(text) for _, text, _ in lines]
        self.cells: list[list[list[int]]] = [[] for _ in range(_COLUMNS)]
        self.widest = [0] * _COLUMNS
        self.narrowest = [1 << 30] * _COLUMNS  # of the lines a cell's next line follows
        self.boxes: dict[int, int] = {}
        self.found: list[Reading] = []
        self.known: dict[tuple[int, ...], tuple[int, str]] = {}  # each cell's cost and unit, once
        self.tried = 0
        self.empty = 0  # cells left empty so far

    def place(self, n: int) -> bool:
        """Try the readings of the lines from the n-th on; False where too many were tried."""
        self.tried += 1
        if self.tried > _SEARCH:
            return False
        cells = self.cells
        if n == len(self.lines):
            short = sum(self.count - len(column) for column in cells)
            if len(cells[0]) == self.count and self.empty + short <= self.most_empty and self._spared(cells):
                reading = [[list(cell) for cell in column] + [[]] * (self.count - len(column)) for column in cells]
                cost = _cost(self.lines, reading, (self.widths, self.known)) + _EMPTY * (self.empty + short)
                self.found.append((cost, reading))
            return True
        if sum(self.count - len(column) for column in cells) - (self.most_empty - self.empty) > len(self.lines) - n:
            return True  # (too few lines left for the cells still to start)
        index, _, box = self.lines[n]
        for c in [self.boxes[box]] if box in self.boxes else range(_COLUMNS):
            if index < self.places[c]:
                continue
            for new in (True, False) if box >= 0 else (True,):  # a value beside its name starts a cell
                for skip in (0, 1) if new and c > 0 and self.empty < self.most_empty else (0,):
                    if self._fits(n, c, new, skip) and not self._tried_with(n, c, new, skip):
                        return False
        return True

    def _spared(self, cells: list[list[list[int]]]) -> bool:
        """Whether a reading's empty effects may be the sheet's: only where the table ends where the
        lines show (`whole`: no line between the guidance and the next section, the effects' header
        before the first row) and every value read is a value by its form (else the effects were read
        into a value or a name)."""
        if len(cells[3]) == self.count and all(cells[3]):
            return True
        values = all(len(cell) == 1 and self.whole[cell[0]] for column in cells[1:3] for cell in column if cell)
        bare = [k for k in range(self.count) if k >= len(cells[3]) or not cells[3][k]]
        return self.spare and values and all(self._bare(cells, k) for k in bare)

    def _bare(self, cells: list[list[list[int]]], k: int) -> bool:
        """Whether row k may have no effects: its name's lines one after another (else they may hold
        them), no line of the row above's effects after its name, and a row with no value either is its
        number alone (the row the sheet left empty, not a row whose cells a converter put on its name's
        line)."""
        name = cells[0][k]
        valued = any(k < len(column) and column[k] for column in cells[1:3])
        above = cells[3][k - 1] if 0 < k <= len(cells[3]) else []
        if above and above[-1] > name[0]:
            return False  # (the row above's effects go on past this row's name: they may be this row's)
        return _together(name) and (valued or self.lines[name[0]][1].strip() in _CIRCLED_NUMBERS)

    def _fits(self, n: int, c: int, new: bool, skip: int = 0) -> bool:
        """Whether the n-th line may start a cell of column `c` (`new`: a name its number, another cell
        after its row's cell to the left, inside no word; `skip`: the column's next cell left empty
        first) or go on its last cell (not a value whole on its line: `年2回`); a value whole on its
        line is a current value's or a target's."""
        cells = self.cells
        if self.whole[n] and c in (0, 3):
            return False  # (a name ends with no value, and an effect is words)
        if c == 0:
            return new == self.named[n] and (new or bool(cells[0]))
        if self.named[n]:
            return False
        if not new:
            return bool(cells[c]) and bool(cells[c][-1]) and not self.whole[cells[c][-1][-1]]
        k = len(cells[c]) + skip
        return k < self.count and len(cells[c - 1]) > k and self.starts[n]

    def _tried_with(self, n: int, c: int, new: bool, skip: int = 0) -> bool:
        """Place the n-th line in column `c` (a cell's start or the last cell's next line) where the
        column's wrapped lines still fill it, try the lines after, and take it back; False where too
        many readings were tried."""
        widest, narrowest = self.widest[c], self.narrowest[c]
        cell = self.cells[c][-1] if not new else None
        width = self.widths[n]
        wider = max(widest, width)
        wrapped = narrowest if cell is None else min(narrowest, self.widths[cell[-1]])
        if wrapped < wider - _SLACK:
            return True
        box = self.lines[n][2]
        fresh = box not in self.boxes and box >= 0
        self.widest[c], self.narrowest[c] = wider, wrapped
        self.cells[c] += [[]] * skip
        self.empty += skip
        if cell is None:
            self.cells[c].append([n])
        else:
            cell.append(n)
        if fresh:
            self.boxes[box] = c
        going = self.place(n + 1)
        if fresh:
            del self.boxes[box]
        if cell is None:
            self.cells[c].pop()
        else:
            cell.pop()
        del self.cells[c][len(self.cells[c]) - skip :]
        self.empty -= skip
        self.widest[c], self.narrowest[c] = widest, narrowest
        return going


def _together(cell: list[int]) -> bool:
    """Whether a cell's lines come one after another (a row with no effects: its name's lines read
    apart may hold them)."""
    return all(b == a + 1 for a, b in itertools.pairwise(cell))


_MEASURES = ("数", "率")  # an indicator's name's last word: what it counts
_UNIT = compile_lazily(r"^.*[0-9０-９]\s*")  # a value's words up to its unit


def _cost(lines: list[Line], cells: list[list[list[int]]], known: Known) -> int:
    """How unlikely a reading is: each cell's cost (see `_cell_cost`) and a row's whose current value
    and target have units apart (`67人` / `80人`), one (`known`: the lines' widths, and the cells' costs
    and units so far)."""
    widths, costs = known
    cost = 0
    units: list[list[str]] = [[], []]
    for c, column in enumerate(cells):
        widest = max((widths[n] for cell in column for n in cell), default=0)
        for cell in column:
            if not cell:  # (an empty cell's cost is counted as it is left)
                if c in (1, 2):
                    units[c - 1].append("")
                continue
            key = (c, widest, *cell)
            if key not in costs:
                costs[key] = _cell_cost(lines, c, cell, widest)
            cost += costs[key][0]
            if c in (1, 2):
                units[c - 1].append(costs[key][1])
    return cost + sum(1 for now, aim in zip(*units, strict=True) if now and aim and now != aim)


def _cell_cost(lines: list[Line], c: int, cell: list[int], widest: int) -> tuple[int, str]:
    """A cell's cost and its value's unit: a value that is no count nor a value word costs one, an
    effect that is one two and one that ends as an indicator's name does (`…件数`, `…率`) one; a line
    that goes on the cell one unless it surely does (it starts inside a word, on a hiragana, or goes on
    a katakana word) and one more after a name's measure (`…者数`), and a last line that filled the
    column and ended no sentence, value nor name's measure one."""
    text = _text(lines, cell)
    value = is_value(text)
    cost = (c in (1, 2) and not value) + 2 * (c == 3 and value) + (c == 3 and text.endswith(_MEASURES))
    for a, b in itertools.pairwise(cell):
        above, line = lines[a][1], lines[b][1]
        cost += (not _surely_on(above, line)) + (c == 0 and above.endswith(_MEASURES))
        cost += c == 3 and above[-1] in _PREDICATE_ENDS and not starts_hiragana(line)  # (`…が進む` `研修`)
    last = lines[cell[-1]][1]
    whole = is_value(last) or (c == 0 and last.endswith(_MEASURES))  # a value, a name's measure
    whole = whole or (c == 3 and last[-1] in _PREDICATE_ENDS)  # an effect's predicate (`…が進む`)
    if display_width(last) >= widest - _SLACK and last[-1] not in _SENTENCE_ENDS and not whole:
        cost += 1
    return cost, _unit(text) if c in (1, 2) else ""


def _unit(text: str) -> str:
    """A value's unit (`人` of `80人`), or nothing where the text is no value."""
    return _UNIT.sub("", text) if is_value(text) and _UNIT.match(text) else ""


def _surely_on(last: str, line: str) -> bool:
    """Whether a line surely goes on the line above in its cell."""
    katakana = starts_katakana(line) and starts_katakana(last[-1])
    return cut(line) or starts_hiragana(line) or katakana or line[0] in CLOSING_MARKS


def _text(lines: list[Line], cell: list[int]) -> str:
    return join_cell([(lines[n][0], lines[n][1], False) for n in cell])
