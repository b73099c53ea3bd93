"""Tables written a visual line at a time: every line of the page holds a piece of each cell of its row.

pdfplumber (`extract_text`) writes a table as the page shows it: a line of text per printed line,
the pieces of the row's cells on that line joined by a space, a wrapped cell going on in the same
column of the lines below:

    名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強
    み等)
    川口市における精神障害 保健、医療、福祉関係 2回/年 ・地域課題の抽出及 現場実践において、各委員が
    にも対応した地域包括ケ 機関、家族会、行政担 び解決策の検討に関 担っている役割や責任が異な
    アシステム構築のための 当者等 する協議 ・「にも包 るため、地域に対するイメー

becomes

    名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    川口市における精神障害にも対応した…⇥保健、医療、福祉関係機関、家族会、行政担当者等⇥2回/年⇥…

The template is the guide (its tables as `cell_lines_tables` knows them).  A header is known by its
cells' words (a cell that wraps goes on in the lines below), and a row by its *pivot*: a cell whose
form is known (a fiscal year, a month, a circled number, a department, a sector word, a frequency,
a role) where its column is; a year, a month or a frequency is a whole cell.  Chromium sets a cell's
text at its top, so a table's first line after its header is a row's first line (LibreOffice centres
it: such a table is left alone).  A line's words are cut into the table's columns by what the page
did: a column's pieces are no wider than the column (the rows' first lines, the header's wrapped
cells and the page's width tell the widths), a column whose piece filled it goes on in the next
line, one whose cell ended does not (but for a new list item, and a list item does not go on a text
that wrapped), and a space after a comma is inside a cell.  The issues table's issue and policies
span their roles' rows (行政, 医療, 福祉, その他関係機関・住民等): written in the record's first row.
The converter is known by a header whose wrapped cell has the next cells beside it, or by a row whose
first two lines both hold several cells (pypdf and `pdftotext -raw` write a cell's wrapped lines one
after another: `cell_lines_tables` reads those); a LibreOffice PDF's text is left alone.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, page_width
from nikosheet.parsing.forms.line_cuts import (
    INF,
    TOLERANCE,
    Line,
    breaks,
    column_goes_on,
    cut_line,
    join_pieces,
    literal_start,
    units_of,
    without_page_numbers,
)
from nikosheet.parsing.forms.template_tables import (
    BULLET,
    CIRCLED,
    ONE_PIVOT_COLUMN,
    SPACE,
    Piece,
    Table,
    body_end,
    non_blank,
    pivot_column,
    range_rest,
    write_table,
)
from nikosheet.parsing.forms.wrapped_cells import next_event
from nikosheet.vocabulary import AS_ABOVE, EVENT_STEPS, GOAL_LABELS, SECTORS  # ↓: a cell of its own, never goes on one

_LABELS = (*GOAL_LABELS, SECTORS["others"])  # row labels long enough to wrap in their narrow column

# a header's cells, and their widths on its first line (and a last -1 where a cell that wraps has the
# next cells after it on its line: the table is written a visual line at a time)
_Head = tuple[list[str], list[int]]
_HEADER_LINES = 5  # a header's lines at most: a narrow last cell takes four (`特記事` `項等(課` `題・強` `み等)`)
_Starts = dict[int, tuple[int, int, int]]  # a row's first line: its pivot's unit, units and which pivot


def apply(state: FormState) -> None:
    """Rebuild every table of the template that a converter wrote a visual line at a time."""
    if not signals.visual_rows(state.source) or signals.autospace(state.source):  # not a LibreOffice PDF's
        return
    tokens = non_blank(state.lines)
    found: list[tuple[Table, list[Piece], _Head, list[Piece]]] = []
    k = 0
    while k < len(tokens):
        header = _header(tokens, k)
        if header is None:
            k += 1
            continue
        table, cells, body = header
        end = body_end(tokens, body, table)
        end = next((j for j in range(body, end) if _header(tokens, j) is not None), end)  # a header of ours
        found.append((table, tokens[k:body], cells, without_page_numbers(tokens[body:end])))
        k = max(end, k + 1)
    # a history year's second event is a line of several cells in any converter's text: no sign
    visual = any(head[1][-1] < 0 or (not table.grouped and _visual(table, lines)) for table, _, head, lines in found)
    if visual or _label_wrapped_beside(tokens):
        room = page_width(state.lines, 1) + TOLERANCE  # the columns' widths together: a table is no wider
        for table, head, head_cells, lines in found:
            _rebuild(state, table, head, head_cells, lines, room)


def _label_wrapped_beside(tokens: list[Piece]) -> bool:
    """Whether a row's label wrapped with its next cell beside it (`スモールステッ 圏域担当者会議で…`
    then `プ`): a visual line at a time, where a table's cells are too short to wrap."""
    for k in range(len(tokens) - 1):
        text, after = tokens[k][1], tokens[k + 1][1]
        for label in _LABELS:
            if text.startswith(label[:2]) and " " in text:
                head = text.split(" ", 1)[0]
                if len(head) < len(label) and label.startswith(head) and after.startswith(label[len(head) :]):
                    return True
    return False


def _header(tokens: list[Piece], k: int) -> tuple[Table, _Head, int] | None:
    """The simple table whose header starts at token k (its cells' words on one line, a wrapped cell
    going on in the lines below): the table, its header cells (and their widths on the header's first
    line) and the first token after it."""
    text = tokens[k][1]
    if "\t" in text or " " not in text:
        return None
    for table in ONE_PIVOT_COLUMN:
        if not text.startswith(literal_start(table.header[0])):
            continue
        cells = _header_cells(table, [t[1] for t in tokens[k : k + _HEADER_LINES]])
        if cells is not None:
            return table, (cells[0], cells[2]), k + cells[1]
    return None


def _header_cells(table: Table, lines: list[str]) -> tuple[list[str], int, list[int]] | None:
    """The header's cells from its lines (the first holds a word of each cell, the next ones the rest of
    the cells that wrapped, in order), how many lines it took and each cell's width on the first line
    (a wrapped cell's is its column's); None when they do not spell it."""
    patterns = [re.compile(cell) for cell in table.header]
    starts = [literal_start(cell) for cell in table.header]
    cells: list[str] = []
    widths: list[int] = []
    for word in lines[0].split():
        at = len(cells)
        if at < len(starts) and starts[at] and word.startswith(starts[at]):
            cells.append(word)
            widths.append(display_width(word))
        elif cells:
            cells[-1] += word
            widths[-1] += 1 + display_width(word)
        else:
            return None
    if len(cells) == len(starts) - 1 and patterns[-1].fullmatch(""):
        cells.append("")
        widths.append(0)
    if len(cells) != len(starts):
        return None
    wrapped = [not p.fullmatch(cell) for p, cell in zip(patterns, cells, strict=True)]
    if any(wrapped[:-1]):  # a cell that wraps, and the next cells on its line: a visual line at a time
        widths.append(-1)
    used = 1
    while used < len(lines):
        open_cells = [c for c, cell in enumerate(cells) if not patterns[c].fullmatch(cell)]
        words = lines[used].split()
        if not open_cells or len(words) > len(open_cells):
            break
        for c, word in zip(open_cells, words, strict=False):
            cells[c] += word
        used += 1
    if any(not p.fullmatch(cell) for p, cell in zip(patterns, cells, strict=True)):
        return None
    return [SPACE.sub("", cell) for cell in cells], used, widths


def _visual(table: Table, body: list[Piece]) -> bool:
    """Whether a row's first line and the line after it both hold several cells: a visual line at a time."""
    units = [units_of(t[1], table) for t in body]
    starts = _starts(table, units)
    return any(
        j + 1 < len(body) and j + 1 not in starts and min(breaks(units[j]), breaks(units[j + 1])) >= 2 for j in starts
    )


def _row_of(table: Table, which: int) -> tuple[int | None, ...]:
    """The record's row that the `which`-th pivot starts (its positions; None where a cell above spans it)."""
    return next(row for row in table.rows if table.positions[which] in row)


def _spanned(table: Table) -> set[int]:
    """The columns whose cells span a record's rows (the issue and its policies beside their roles)."""
    return {c for row in table.rows for c, position in enumerate(row) if position is None}


def _starts(table: Table, lines: list[list[str]]) -> _Starts:
    """The body's lines (their units) that start a row, each with the unit its pivot stands at (the
    first, or, where the pivot's column is a later one, a unit after as many as the cells before it,
    or two more, and none where a cell above spans them all), how many units it takes where it is a
    whole cell (a year, a month, a frequency; 0 where its cell may go on: an indicator's name, a
    sector word) and which of the table's pivots it is."""
    out: _Starts = {}
    column = pivot_column(table)
    for j, units in enumerate(lines):
        if _range_end(lines, j, out):
            continue
        for which, pattern in enumerate(table.pivots):
            before = sum(1 for c in _row_of(table, which)[:column] if c is not None)
            # the cells before may hold their author's spaces (`…の目標 ゴール設定が…`)
            for at in range(min(1, before), min(len(units), column + 3)) if column else (0,):
                m = pattern.match(units[at]) if units else None
                m = pattern.match(" ".join(units[at:])) if units and m is None else m
                if m is not None:
                    out[j] = (at, _span(table, units[at:], m.end()), which)
                    break
            if j in out:
                break
    return out


def _range_end(lines: list[list[str]], j: int, starts: _Starts) -> bool:
    """Whether line j starts with the end of the open range of months that the row above starts with,
    which its narrow column wrapped onto the row's next line (`R6年7月～ 第1回…` / `9月`, perhaps with one
    cell's wrapped rest beside it, `8月 き取り`; a next row's month stands with its item and details)."""
    above = starts.get(j - 1)
    return (
        above is not None and 0 < len(lines[j]) <= _RANGE_END_PIECES and range_rest(lines[j - 1][above[0]], lines[j][0])
    )


_RANGE_END_PIECES = 2  # a range's end and one cell's wrapped rest beside it


def _span(table: Table, units: list[str], end: int) -> int:
    """How many of the units a whole pivot of `end` characters takes (0: its cell may go on)."""
    if table.full or CIRCLED.match(units[0]):
        return 0
    size = -1
    for k, unit in enumerate(units, 1):
        size += 1 + len(unit)
        if size >= end:
            return k if size == end else 0
    return 0


def _rebuild(state: FormState, table: Table, head: list[Piece], header: _Head, body: list[Piece], room: int) -> None:
    """Write the table's rows in place of its lines (left as they are when its rows are not found;
    `room`: the page's width, that the columns' widths add up to at most)."""
    body = body[: _paragraph_at(body, room)]
    words = [units_of(t[1], table) for t in body]
    room = max([room, *(display_width(t[1]) + TOLERANCE for t in body)])  # no narrower than its lines
    starts = _starts(table, words)
    if 0 not in starts:  # the first row's pivot on its first line: the cells' text set at their tops
        return
    cells, head_widths = header
    # a header's cell is no wider than its column (but one that spans the next, empty in the header row)
    spans = [*(c is None for c in table.header_row[1:]), False]
    least = [0 if c is None or span else head_widths[c] for c, span in zip(table.header_row, spans, strict=True)]
    widths, soft = _first_widths(words, starts, table, least, room)
    if len(soft) == 2:
        widths = _share(words, starts, table, widths, sorted(soft))
    for _ in range(2):
        lines, groups, _ = _read(words, starts, table, widths, soft)
        # a column no cell wraps in: its widest piece is all that is known of its width
        wraps = {
            c for j, line in enumerate(lines) if j not in starts and j not in groups for c, p in enumerate(line) if p
        }
        soft = set(range(len(widths))) - wraps
        seen = [max([least[c]] + [display_width(line[c]) for line in lines]) for c in range(len(widths))]
        for c in sorted(range(len(widths)), key=lambda c: seen[c] - widths[c]):
            if sum(widths) - widths[c] + seen[c] <= room:
                widths[c] = seen[c]
    rows = _rows(table, body, lines, starts, groups)
    last = body[-1][0]
    write_table(state.lines, head, "\t".join("" if c is None else cells[c] for c in table.header_row), rows, last)


def _paragraph_at(body: list[Piece], room: int) -> int:
    """Where a paragraph after the table starts: a line after the first with no space in it (no
    pieces of several columns) as wide as the page (`room`), wider than any one column; the body's
    end when none is."""
    wide = room - 3 * TOLERANCE
    return next(
        (j for j in range(1, len(body)) if " " not in body[j][1] and display_width(body[j][1]) >= wide), len(body)
    )


def _first_widths(
    words: list[list[str]], starts: _Starts, table: Table, least: list[int], room: int
) -> tuple[list[int], set[int]]:
    """Each column's width as the rows' first lines show it (the pivot; the units before it a cell each
    when they are as many as its row's cells there, and so those after it; `least`: what the header
    shows); where they add up to more than the page's width (`room`), a column's widest piece that
    stands out most from its next one is taken for a cell's wrapped text, and its next one is the
    width.  The columns that fewer than two lines show are set apart: their widths are only a guess,
    at least their share of the room the others leave."""
    columns, pivot = len(least), pivot_column(table)
    sizes: list[list[int]] = [[] for _ in range(columns)]
    for j, (at, span, which) in starts.items():
        units = words[j]
        before = [c for c in range(pivot) if _row_of(table, which)[c] is not None]
        after = units[at + max(span, 1) :]
        known = [(pivot, " ".join(units[at : at + max(span, 1)]))]
        if len(before) == at:
            known += zip(before, units[:at], strict=True)
        if len(after) == columns - pivot - 1:
            known += zip(range(pivot + 1, columns), after, strict=True)
        for c, unit in known:
            sizes[c].append(display_width(unit))
    for size in sizes:
        size.sort(reverse=True)
    while sum(max([least[c], *sizes[c][:1]]) for c in range(columns)) > room:
        shrink = [c for c in range(columns) if len(sizes[c]) > 1 and sizes[c][0] > least[c]]
        if not shrink:
            break
        c = max(shrink, key=lambda c: sizes[c][0] / max(1, sizes[c][1]))
        sizes[c].pop(0)
    widths = [max([least[c], *sizes[c][:1]]) for c in range(columns)]
    soft = {c for c in range(columns) if len(sizes[c]) < 2}
    if soft:
        share = (room - sum(w for c, w in enumerate(widths) if c not in soft) - 2 * columns) // len(soft)
        widths = [max(w, share) if c in soft else w for c, w in enumerate(widths)]
    return widths, soft


def _share(words: list[list[str]], starts: _Starts, table: Table, widths: list[int], soft: list[int]) -> list[int]:
    """Two columns whose widths are a guess share the room the others leave (each has its share):
    shared as reads the lines at the least cost."""
    first, second = soft
    room = widths[first] + widths[second]
    best: tuple[float, list[int]] = (INF, widths)
    for width in range(4, room - 3, 2):
        tried = [width if c == first else room - width if c == second else w for c, w in enumerate(widths)]
        cost = sum(_read(words, starts, table, tried, set())[2])
        if cost < best[0]:
            best = (cost, tried)
    return best[1]


_STEP_GOES_ON = ("し", "す", "さ", "せ")  # an event's step going on as a verb (`…を開始` / `し、…`, `する`)


def _read(
    words: list[list[str]], starts: _Starts, table: Table, widths: list[int], soft: set[int]
) -> tuple[list[Line], list[int], list[float]]:
    """Every line's words cut into the columns, line by line, each column's state carried down; in a
    table with rows grouped under one pivot, a line whose every piece starts a cell (the pivot's empty,
    the next one's not) starts a row (the second list: those lines; the third: what each line cost).
    `soft`: the columns whose widths are a guess.  Where cells span a record's rows, a column stays
    open, less and less, over lines without a piece of it (the lines of the rows beside come between)."""
    columns = len(widths)
    pivot = pivot_column(table)
    spanned = _spanned(table)
    lean = pivot + 1 if table.grouped else -1  # a year's next event, rather than its commission
    going_on = [0.0] * columns
    listed = [False] * columns  # whether the column's cell holds a list: a bullet goes on in it
    stepped = False  # whether the line above ended its event on its step
    out: list[Line] = []
    groups: list[int] = []
    costs: list[float] = []
    ended = ""  # the event piece of the line above
    for j, line in enumerate(words):
        at, span, which = starts.get(j, (0, 1, -1) if _range_end(words, j, starts) else (-1, 0, -1))
        fresh = [which >= 0 and position is not None for position in _row_of(table, max(which, 0))]
        pieces, cost = cut_line(
            line, widths, soft, (going_on, listed), fresh, (at, span), pivot, counts=True, lean=lean
        )
        # `…事業を本格実施` / `ピアサポーター派遣事業を…`: the year's next event, however wide the line above
        meets = table.grouped and which < 0 and not pieces[pivot] and next_event(ended, pieces[pivot + 1])
        if meets:  # cut again as a line its cells start on (but the year's), where the event stays first
            again = [c > pivot for c in range(columns)]
            cut = cut_line(line, widths, soft, (going_on, listed), again, (at, span), pivot, counts=True, lean=lean)
            if cut[0][pivot + 1]:
                (pieces, cost), fresh = cut, again
        costs.append(cost)
        new = all(not p or p == AS_ABOVE or (not going_on[c] and p[0] not in BULLET) for c, p in enumerate(pieces))
        event = pieces[pivot + 1] if table.grouped else ""
        new = (new and not (stepped and event.startswith(_STEP_GOES_ON))) or meets
        if which < 0 and new and not pieces[pivot] and event:
            groups.append(j)
        out.append(pieces)
        listed = [(bool(p) and p[0] in BULLET) or (listed[c] and not fresh[c]) for c, p in enumerate(pieces)]
        going_on = [
            going_on[c] / 2
            if not p and spanned and not fresh[c]
            else column_goes_on(table, p, widths[c], fresh[c] and c == pivot)
            for c, p in enumerate(pieces)
        ]
        ended = pieces[pivot + 1] if table.grouped else ""
        stepped = ended.endswith(EVENT_STEPS)
        if stepped:  # an event that ends on its step (`…を開始`): the year's next event below, unless it goes
            going_on[pivot + 1] = 0.0  # on as a verb does (`…を開始` / `し、…`)
    return out, groups, costs


def _rows(
    table: Table, body: list[Piece], lines: list[Line], starts: _Starts, groups: list[int]
) -> list[tuple[int, str]]:
    """Each row's cells (its lines' pieces of each column joined) as a tab row at its first line; a
    cell that spans a record's rows in the record's first row, the later rows' cell there empty."""
    firsts = sorted([*starts, *groups])
    records = [j for j in firsts if starts.get(j, (0, 0, 0))[2] == 0]
    out = []
    for at, begin in enumerate(firsts):
        end = firsts[at + 1] if at + 1 < len(firsts) else len(body)
        layout = _row_of(table, starts.get(begin, (0, 0, 0))[2])
        upto = next((j for j in records if j > begin), len(body))  # the record's end, for its spanning cells
        cells = []
        for c, position in enumerate(layout):
            last = upto if c in _spanned(table) else end
            pieces = [(body[j][0], lines[j][c], False) for j in range(begin, last) if lines[j][c]]
            cells.append("" if position is None else join_pieces([p[1] for p in pieces]))
        out.append((body[begin][0], "\t".join(cells)))
    return out
