"""Tables written a printed line at a time whose cells are centred in their rows: a LibreOffice PDF.

pdfplumber (`extract_text`) writes a table a printed line at a time, the pieces of the row's cells on
that line joined by a space (see `visual_rows`).  LibreOffice centres each cell's text vertically in
its row: the tallest cell fills the row from its first line to its last, a shorter one sits in the
middle, and a cell half a line off the others comes out on lines of its own.  The header too: a
header cell that wraps has its first part above the other cells and its rest below them:

    開催
    名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)
    頻度
    柏市精神障害にも対応した地域 保健, 医療, 福祉, 家族会, ピア 事業・取組み
    年1 市民, 市民関係団体, 民生委員等
    包括ケアシステム構築推進事業 サポーター, 行政機関の代表 報告方針等の
    回 の参画が望まれる
    (代表者会議) 者 決定

becomes

    名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)⇥保健, …代表者⇥年1回⇥事業・…決定⇥市民, …望まれる

A header is known by its cells' words: the one-line cells on its middle line, a wrapped cell's parts
on the lines above and below (and in it, for three lines), in column order; the tables of one line's
header (the schedules') once such a header shows the layout.  A row is known by its pivot (a
frequency, a year, a month, a department, a sector's or a role's word: a whole cell, perhaps wrapped
after its number, `年1` / `回`), which stands in the middle of its row: the rows follow one another,
so the first row starts at the table's first line and ends as far below its pivot's middle as it
starts above it, and the next row starts after it (read from the table's last line up too: where a
cell half a line off its row's middle makes the two readings disagree, a council's row ends where
one of them has it, at the least cost; an indicator's number leads its name instead:
there the rows are those that cut the lines at the least cost, a row numbered on its first line maybe with
its one-line cells half a line up, merged with that line).  A row's lines are cut into the
columns with each cell's lines as far from the row's first line as from its last, every line or
every other line (cells half a line apart), at the least cost as `visual_rows` counts it (a piece no
wider than its column, a cell's lines but its last filling it); the columns' widths are those that
cut the lines at the least cost within the page's width (an indicator's target and actual are values,
not the effects' sentences; in section 4 a count after a word is its value's, `支援 率 80% 率 86% た。`
the name's `支援`, `率 80%`, `率 86%` and the effects' `た。`, and a count wrapped to a value's next
line takes back its space, `養成研修修了者` / `10人`: `養成研修修了者 10人`; beside a list an indicator's
name may stand half a line below its row's middle, and its two values that never stand on one line are
warned of, the longer read as the actual, see `_apart`).  A history year's group is cut into its
events where an event starts after one that ended; an issue and its policies, centred beside a
record's roles, go to its first role's row.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Sequence

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, centred_events, centred_issues, sector_figure, signals
from nikosheet.parsing.forms._shared import display_width, page_width
from nikosheet.parsing.forms.centred_headers import INDICATORS, centred, header_at
from nikosheet.parsing.forms.centred_pivots import (
    COUNCILS,
    Pivot,
    find_pivots,
    line_units,
    pivot_spans,
    spans_from_below,
)
from nikosheet.parsing.forms.centred_places import (
    ANYWHERE,
    BESIDE_LIST,
    HALF_LINE,
    MOST_ASYMMETRIC,
    Leaf,
    Node,
    tree,
)
from nikosheet.parsing.forms.line_cuts import (
    INF,
    NEW_CELL,
    TOLERANCE,
    column_goes_on,
    cut_line,
    join_pieces,
    without_page_numbers,
)
from nikosheet.parsing.forms.template_tables import (
    BULLET,
    LIST_BULLETS,
    MONTH_HEADER,
    OUTCOME_VALUES,
    OUTCOMES,
    PLANNED,
    Piece,
    Table,
    body_end,
    count_spaced,
    non_blank,
    write_table,
)
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import OUTCOME_COLUMNS, PLANNED_COLUMNS


def apply(state: FormState) -> None:
    """Rebuild every table whose cells a LibreOffice PDF centred in their rows (known by a header
    centred so), and the schedules' of its text."""
    if not signals.centred_rows(state.source):
        return
    tokens = non_blank(state.lines)
    if not centred(tokens):
        return
    room = page_width(state.lines, 1) + TOLERANCE
    k = 1
    while k + 1 < len(tokens):
        found = header_at(tokens, k)
        if found is None:
            k += 1
            continue
        table, cells, above, below, printed = found
        first = k + 1 + below  # the body's first line
        end = body_end(tokens, first, table)
        # the header again after a page break (or another table's): a table of its own
        end = next((j - h[2] for j in range(first, end - 1) if (h := header_at(tokens, j)) is not None), end)
        end = sector_figure.table_end(tokens, first, end, table)  # a figure's labels below the sectors' table
        prose = next((j for j in range(first + 1, end) if _prose(tokens[j][1], room)), None)
        end = end if prose is None else prose
        body = without_page_numbers(tokens[first:end])
        rows = _issues(table, body) if body else []
        apart: dict[int, bool] = {}
        if body and not rows:
            rows, apart = _rows(table, body, (room, _bounds(table, printed)))
        if rows:
            header = "\t".join("" if c is None else cells[c] for c in table.header_row)
            _write(state, tokens[k - above : first], header, body, rows)
            _note_apart(state, table, [(body[top][0], cells, apart[top]) for top, cells in rows if top in apart])
            if prose is not None:  # a paragraph right below the table: none of its cells' wrapped end
                state.alone.add(tokens[prose][0])
        k = max(end, k + 1)


def _note_apart(state: FormState, table: Table, rows: list[tuple[int, list[str], bool]]) -> None:
    """A `shifted-cell` warning for each indicator whose two values stood apart (see `_apart`), and
    whether they were exchanged (see `_longer_actual`)."""
    labels = list(OUTCOME_COLUMNS.values() if table is OUTCOMES else PLANNED_COLUMNS.values())
    first, second = (labels[c] for c in OUTCOME_VALUES)
    for index, cells, exchanged in rows:
        template = messages.VALUES_APART_LONGER if exchanged else messages.VALUES_APART
        state.note(Diagnostic.SHIFTED_CELL, index, str(template(name=cells[0], first=first, second=second)))


def _prose(text: str, room: int) -> bool:
    """Whether a line is a paragraph's, after the table: one piece almost as wide as the page (no
    column but a table's only one is)."""
    return " " not in text and display_width(text) >= room * _PROSE


_PROSE = 0.85


def _issues(table: Table, body: list[Piece]) -> list[tuple[int, list[str]]]:
    """The issues' rows (see `centred_issues`), or none for another table or where they are not found."""
    return centred_issues.rows(table, body) if table.full and None in table.rows[-1] else []


def _leading_spans(
    table: Table, lines: list[list[str]], pivots: list[Pivot], widths: list[int], uncentred: bool = False
) -> list[tuple[int, int]] | None:
    """Each row's first and last line where a pivot leads its row's first cell (which LibreOffice
    centres, so the row may start above it): the rows, one after another from the table's first line,
    that cut the lines at the least cost.  Where no such rows have their cells centred, a row may be cut
    line by line (`uncentred`): a list's items set apart by the space between them are on no centred
    places (`・…令和6` / `年度に…` / `①市町村の協議の` / `30市町村 28市町村 ・保健所が…` / `場の設置数` / `同設置…`)."""
    starts = [pivot[0][0] for pivot in pivots]
    count = len(lines)

    @functools.cache
    def best(k: int, top: int) -> tuple[float, tuple[tuple[int, int], ...]]:
        if k == len(starts):
            return (0.0, ()) if top == count else (INF, ())
        out: tuple[float, tuple[tuple[int, int], ...]] = (INF, ())
        last = starts[k + 1] - 1 if k + 1 < len(starts) else count - 1
        for bottom in range(starts[k] if k + 1 < len(starts) else last, last + 1):
            if top > starts[k] or bottom - top >= _MOST_LINES:
                continue
            row = _row_cut(table, lines, ({}, (top, bottom)), (widths, -1), starts[k] - top)
            if row is None and uncentred:
                free = _free(table, lines, {}, (top, bottom), widths, -1)
                row = (free[0] + _UNCENTRED, free[1])
            if row is None:
                continue
            rest = best(k + 1, bottom + 1)
            if row[0] + rest[0] < out[0]:
                out = (row[0] + rest[0], ((top, bottom), *rest[1]))
        return out

    cost, spans = best(0, 0)
    if cost == INF and not uncentred:
        return _leading_spans(table, lines, pivots, widths, uncentred=True)
    return list(spans) if cost < INF else None


def _balanced(
    table: Table, lines: list[list[str]], pivots: list[Pivot], spans: list[tuple[int, int]], widths: list[int]
) -> list[tuple[int, int]]:
    """The rows' lines where reading them from the table's first line down (`spans`) and from its last
    line up disagree: a cell half a line off its row's middle (a wrapped pivot, `年6` / `回`, beside a
    name of two lines) tips a row's end a line either way, and every row after it.  Each row's last
    line is then one of the two readings' (or between them, two lines apart at most), the rows those
    that cut the lines at the least cost.  (Where a row's lines fit no centred places, as pdfplumber
    may set a list's lines a line off, the cheapest rows need not be the true ones: the reading that
    keeps them centred wins.)"""
    below = spans_from_below(pivots, len(lines))
    if below == spans:
        return spans
    at = {line: unit for pivot in pivots for line, unit in pivot}
    column = table.positions[0]
    ends = [
        (a[1], a[1]) if abs(a[1] - b[1]) > _TIPPED else sorted((a[1], b[1])) for a, b in zip(spans, below, strict=True)
    ]
    # the rows so far by where the next starts: their cost and lines (a row at a time, not recursively:
    # a table may have any number of rows)
    reached: dict[int, tuple[float, list[tuple[int, int]]]] = {0: (0.0, [])}
    for n, (lo, hi) in enumerate(ends):
        last = n + 1 == len(ends)
        after: dict[int, tuple[float, list[tuple[int, int]]]] = {}
        for top, (cost, rows) in reached.items():
            if top > pivots[n][0][0]:
                continue
            for bottom in [len(lines) - 1] if last else range(max(lo, pivots[n][-1][0]), hi + 1):
                row = _row_cut(table, lines, (at, (top, bottom)), (widths, column), None, (True, True))
                if row is not None and cost + row[0] < after.get(bottom + 1, (INF, []))[0]:
                    after[bottom + 1] = (cost + row[0], [*rows, (top, bottom)])
        reached = after
    cost, chosen = reached.get(len(lines), (INF, []))
    return chosen if cost < INF else spans


_TIPPED = 2  # lines two readings of a row's end may be apart where a cell half a line off tipped them


_Bounds = list[tuple[int, int]]


def _bounds(table: Table, printed: list[list[str]]) -> _Bounds:
    """Each column's least and greatest width as its header cell's printed lines show it: hardly
    narrower than its widest line (a list's items stand in from the column's edge), and where the
    cell wrapped, hardly wider (its next character did not fit); none where a header cell spans
    columns."""
    if None in table.header_row:
        return []
    out = []
    for cell in table.header_row:
        assert cell is not None
        lines = printed[cell]
        widest = max(map(display_width, lines))
        out.append((widest - _INDENT, widest + _WRAP_SLACK if len(lines) > 1 else _WIDEST))
    return out


_WRAP_SLACK = 2  # a wrapped header cell's column: its widest line and a wide character that did not fit
_INDENT = 8  # a list item's indent in its cell
_WIDEST = 1 << 10


def _clamp(widths: list[int], bounds: _Bounds) -> list[int]:
    return [min(max(w, lo), hi) for w, (lo, hi) in zip(widths, bounds, strict=True)] if bounds else widths


def _rows(
    table: Table, body: list[Piece], space: tuple[int, _Bounds]
) -> tuple[list[tuple[int, list[str]]], dict[int, bool]]:
    """The table's rows (the body line each starts at, its cells), or none when they are not found
    (`space`: the page's room and the columns' widths as the header shows them); and the indicators'
    rows whose two values stand apart (see `_apart`), each with whether they were exchanged."""
    room, bounds = space
    lines = [line_units(t[1], table) for t in body]
    if any(len(units) > _MOST_UNITS for units in lines):
        return [], {}  # a line of more words than a row's cells hold: no row's (and each cut costs its square)
    room = max([room, *(display_width(t[1]) + TOLERANCE for t in body)])  # no narrower than its lines
    pivots = find_pivots(table, lines)
    column = -1 if table.header[0] in INDICATORS else table.positions[0]
    bounds = [b for c, b in enumerate(bounds) if c != column]
    if column < 0:  # an indicator's number leads its name: the rows are where they cut the lines best
        settled = _leading_rows(table, lines, pivots, (room, bounds)) if pivots else None
        if settled is None:
            return [], {}
        spans, widths = settled
    else:
        found = pivot_spans(pivots, len(lines), cut=table.header[0] in COUNCILS) if pivots else None
        if found is None:
            return [], {}
        spans = found
        widths = _widths(table, lines, (pivots, spans), column, (room, bounds))
        if table.header[0] in COUNCILS and (balanced := _balanced(table, lines, pivots, spans, widths)) != spans:
            spans = balanced
            widths = _widths(table, lines, (pivots, spans), column, (room, bounds))
    cut, _ = _cut_rows(table, lines, (pivots, spans), widths, column, final=True)
    for k, line in enumerate(cut if table.grouped else []):
        _commissioned(line, widths)
        above = any(before[-1] for before in cut[max(0, k - 2) : k])  # (the body's line, centred apart)
        if centred_events.NOTE.fullmatch(line[0]) and not any(line[1:]) and above:
            line[0], line[-1] = "", line[0]  # a body's note its column wrapped: `…センター` / `（直営）`
    filled = _filled(cut, widths)
    rows = []
    apart = {}
    years = centred_events.groups(lines, pivots, filled, _event_centred(table)) if table.grouped else None
    if years is not None:  # the columns as the events' cells fill them, and the events read again so
        refilled = _filled([line for _, _, pieces in years for line in pieces], widths)
        if refilled != filled:
            years = centred_events.groups(lines, pivots, refilled, _event_centred(table)) or years
    if years is not None:  # a year's events each centred in their own lines
        spans = [span for span, _, _ in years]
        for (top, bottom), _, pieces in years:
            cut[top : bottom + 1] = pieces
    for n, ((top, bottom), pivot) in enumerate(zip(spans, pivots, strict=True)):
        firsts = [top]
        if years is not None:
            firsts = years[n][1]
        elif table.grouped:
            firsts = _group_rows(table, cut, (top, bottom), filled)
        for first, last in itertools.pairwise([*firsts, bottom + 1]):
            cells = [join_pieces(_cell_lines(table, cut[first:last], c)) for c in range(len(widths))]
            if column >= 0:
                head = "".join(lines[line][at] for line, at in pivot)
                cells.insert(column, head if first == top else "")
            elif _apart(cut[first:last]):
                exchanged = _longer_actual(table, cells)
                apart[first] = exchanged != cells
                cells = exchanged
            rows.append((first, cells))
    return (_records(table, rows) if table.full and None in table.rows[-1] else rows), apart


def _leading_rows(
    table: Table, lines: list[list[str]], pivots: list[Pivot], space: tuple[int, _Bounds]
) -> tuple[list[tuple[int, int]], list[int]] | None:
    """The rows of an indicators' table (each's first and last line) and the columns' widths: the rows
    the widths guessed from the lines give, and the widths those rows give, till they agree."""
    room, bounds = space
    guess = _clamp(_first_widths(lines, [], -1, len(table.header_row), room), bounds)
    spans = _leading_spans(table, lines, pivots, guess)
    if spans is None:
        return None
    widths = _widths(table, lines, (pivots, spans), -1, space)
    for _ in range(_RESPANS):  # the rows the widths give, and the widths those rows give, till they agree
        again = _leading_spans(table, lines, pivots, widths) or spans
        if again == spans:
            break
        spans = again
        widths = _widths(table, lines, (pivots, spans), -1, space)
    return spans, widths


def _apart(cut: list[list[str]]) -> bool:
    """Whether an indicator's two values stand apart: both there, never on one printed line.  Then which
    is which the text does not show (their lines half a line apart, beside a list's, neither centred
    level with the other): the columns' widths the rows' lines give, no more."""
    first, second = OUTCOME_VALUES
    return (
        any(line[first] for line in cut)
        and any(line[second] for line in cut)
        and not any(line[first] and line[second] for line in cut)
    )


def _longer_actual(table: Table, cells: list[str]) -> list[str]:
    """Section 4's values that stand apart, the longer as the actual where both count the same thing
    (they start with one label, and each holds a number): the actual reports the result against the
    target, often with its breakdown (`地域移行支援の利用 24件(うち退院15件)` against `地域移行支援の利用
    30件`; of 57 indicators of 61 sheets whose values are so and differ in length by more than a
    character, 52 have the longer actual, 5 the longer target)."""
    target, actual = OUTCOME_VALUES
    if table is not OUTCOMES or display_width(cells[actual]) + _ALIKE >= display_width(cells[target]):
        return cells
    one, other = (_LIST_MARK.sub("", cells[c]) for c in (target, actual))
    counted = all(_NUMBER.search(cells[c]) for c in (target, actual))
    if len(one) < _LABEL or one[:_LABEL] != other[:_LABEL] or not counted:
        return cells  # (a value cut short, or a text of another cell: the lengths tell nothing)
    out = cells[:]
    out[target], out[actual] = cells[actual], cells[target]
    return out


_ALIKE = 2  # values this much apart in width are alike in length: the order read stays
_LABEL = 2  # characters the two values' labels share at least: they count the same thing
_LIST_MARK = compile_lazily(r"^[・•①-⑳\s]+")
_NUMBER = compile_lazily(r"[0-9０-９]")


def _cell_lines(table: Table, cut: list[list[str]], column: int) -> list[str]:
    """A cell's pieces, line by line; section 4's values with the space before a count the page wrapped
    to a line's start taken back (`養成研修修了者` / `10人`)."""
    pieces = [line[column] for line in cut if line[column]]
    return count_spaced(pieces) if table is OUTCOMES and column in OUTCOME_VALUES else pieces


def _records(table: Table, rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """The issues' rows, a record of roles each: the cells that span a record's roles (its issue and
    policies, which LibreOffice centres beside them all) joined in its first role's row."""
    spanned = [c for c, position in enumerate(table.rows[-1]) if position is None]
    column = table.positions[0]
    starts = [k for k, (_, cells) in enumerate(rows) if k == 0 or cells[column].strip("【】") == table.full[0]]
    for begin, end in itertools.pairwise([*starts, len(rows)]):
        for c in spanned:
            rows[begin][1][c] = join_pieces([cells[c] for _, cells in rows[begin:end] if cells[c]])
            for _, cells in rows[begin + 1 : end]:
                cells[c] = ""
    return rows


def _event_centred(table: Table) -> centred_events.Centred:
    """An event's lines cut with its cells centred in them (see `centred_events`)."""

    def centred(
        lines: list[list[str]], at: dict[int, int], span: tuple[int, int], widths: list[int], half: bool
    ) -> tuple[float, list[list[str]]] | None:
        return _centred(table, lines, at, span, widths, 0, asymmetric=HALF_LINE if half else 0, event=True)

    return centred


def _group_rows(table: Table, cut: list[list[str]], span: tuple[int, int], widths: list[int]) -> list[int]:
    """Where the rows of a year's group start: its first line, and a line whose event starts after
    one that ended (short of its column's width, and no list item that goes on) or after lines that
    hold no cell of a row (the year alone: it stands in the middle of its group), but for a text's rest
    (`を開始`, `業」を開始`: see `centred_events.cut_off`)."""
    firsts = [span[0]]
    before, gap = "", False
    for j in range(span[0], span[1] + 1):
        piece = cut[j][0]
        ended = before and piece[:1] not in BULLET and not column_goes_on(table, before, widths[0], False)
        if piece and before and (ended or gap) and not centred_events.cut_off(piece):
            firsts.append(j)
        before = piece or before
        gap = not any(cut[j]) and bool(before)
    return firsts


def _widths(
    table: Table,
    lines: list[list[str]],
    found: tuple[list[Pivot], list[tuple[int, int]]],
    column: int,
    space: tuple[int, _Bounds],
) -> list[int]:
    """The columns' widths (but the pivot's) that cut the lines at the least cost, the columns
    together no wider than the page and each within what its header shows: each column's in turn,
    from what the lines show (an indicators' table also from its header cells' widths, the effects'
    sentences across the page's rest: its values' columns are no wider than their headers need)."""
    room, bounds = space
    count = len(table.header_row) - (column >= 0)
    widths = _clamp(_first_widths(lines, found[0] if column >= 0 else [], column, count, room), bounds)
    for _ in range(2):  # the widths that the cut shows, as long as they fit the page
        cut = _cut_rows(table, lines, found, widths, column)[0]
        seen = _clamp([max(2, *(display_width(line[c]) for line in cut)) for c in range(count)], bounds)
        if seen == widths or sum(seen) + count > room:
            break
        widths = seen
    pieces = _pieces if table.grouped else iter
    sizes = sorted({display_width(piece) for units in lines for piece in pieces(units) if display_width(piece) > 2})
    starts = [widths]
    if table.header[0] in INDICATORS and bounds:  # or as wide as the header's cells, the effects' the page's rest
        printed = [lo + _INDENT for lo, _ in bounds[:-1]]
        starts.append([*printed, max(bounds[-1][0], room - sum(printed) - count)])
    found_widths = [_descend(table, lines, found, (column, start), (room, bounds, sizes)) for start in starts]
    return min(found_widths)[1]


def _descend(
    table: Table,
    lines: list[list[str]],
    found: tuple[list[Pivot], list[tuple[int, int]]],
    start: tuple[int, list[int]],
    space: tuple[int, _Bounds, list[int]],
) -> tuple[float, list[int]]:
    """The widths that cut the lines at the least cost from `start`'s (the pivot's column and the
    widths), each column's in turn tried at every piece's width (`sizes`), then each two next to one
    another exchanged (a narrow name's lines half a line off its wide members' fit either column, so
    one column at a time never turns them round; not an indicators' table, whose values' columns are
    as wide as their headers), and what they cost."""
    room, bounds, sizes = space
    column, widths = start
    count = len(widths)
    best = _cut_rows(table, lines, found, widths, column)[1] + _NARROW * sum(widths)
    for _ in range(2):
        before = widths
        for c in range(count):
            others = sum(widths) - widths[c] + count
            lo, hi = bounds[c] if bounds else (0, _WIDEST)
            for size in sizes:
                if others + size > room or size == widths[c] or not lo <= size <= hi:
                    continue
                tried = [size if k == c else w for k, w in enumerate(widths)]
                cost = _cut_rows(table, lines, found, tried, column)[1] + _NARROW * sum(tried)
                if cost < best:
                    best, widths = cost, tried
        for c in range(count - 1 if table.header[0] not in INDICATORS else 0):  # (values' widths: their headers')
            tried = [*widths[:c], widths[c + 1], widths[c], *widths[c + 2 :]]
            if tried == widths or (bounds and _clamp(tried, bounds) != tried):
                continue
            cost = _cut_rows(table, lines, found, tried, column)[1] + _NARROW * sum(tried)
            if cost < best:
                best, widths = cost, tried
        if widths == before:
            break
    return best, widths


def _filled(cut: list[list[str]], widths: list[int]) -> list[int]:
    """The columns' widths as their widest pieces fill them: LibreOffice wraps a cell where the next
    character does not fit, so a cell that wrapped fills its column (in a wider one, an event's
    wrapped rest would read as the year's next event)."""
    return [min(w, max(2, *(display_width(line[c]) for line in cut))) for c, w in enumerate(widths)]


def _pieces(units: list[str]) -> Iterator[str]:
    """A line's units, and each two next to one another as one piece (a cell's words: `特定非営利活動法人
    さかい…`): the widths a history's column may have."""
    yield from units
    yield from map(" ".join, itertools.pairwise(units))


_NARROW = 0.001  # of two widths that cut the lines alike, the narrower: a column is as wide as its widest piece


def _parts(units: list[str], at: int | None, column: int) -> list[tuple[list[str], slice]]:
    """A line's units and the columns (but the pivot's) they go to: those before its pivot to the
    columns before, those after to the columns after; all of them where it holds none."""
    if at is None:
        return [(units, slice(None))]
    return [(units[:at], slice(0, column)), (units[at + 1 :], slice(column, None))]


def _pivot_units(pivots: list[Pivot]) -> dict[int, int]:
    """The lines that hold a pivot's part, and the unit it is."""
    return {line: at for pivot in pivots for line, at in pivot}


def _first_widths(lines: list[list[str]], pivots: list[Pivot], column: int, count: int, room: int) -> list[int]:
    """Each column's width (but the pivot's) as the lines whose units are as many as their columns
    show it (where they add up to more than the page, a column's widest that stands out most from
    its next is taken for two cells' text); the columns none shows share the room the others leave."""
    samples: list[list[int]] = [[] for _ in range(count)]
    at = _pivot_units(pivots)
    for j, units in enumerate(lines):
        for part, columns in _parts(units, at.get(j), column):
            indices = list(range(count))[columns]
            if len(part) == len(indices):
                for c, unit in zip(indices, part, strict=True):
                    samples[c].append(display_width(unit))
    for size in samples:
        size.sort(reverse=True)
    while sum(size[0] for size in samples if size) + count > room:
        shrink = [c for c in range(count) if len(samples[c]) > 1]
        if not shrink:
            break
        samples[max(shrink, key=lambda c: samples[c][0] / max(1, samples[c][1]))].pop(0)
    sizes = [size[0] if size else 0 for size in samples]
    unknown = [c for c in range(count) if not sizes[c]]
    if unknown:
        share = max(4, (room - sum(sizes) - 2 * count) // len(unknown))
        sizes = [share if c in unknown else size for c, size in enumerate(sizes)]
    return sizes


_OPEN_EMPTY = 0.5  # a column whose cell goes on, or has not started, empty on a line: a centred row's


def _cut_rows(
    table: Table,
    lines: list[list[str]],
    found: tuple[list[Pivot], list[tuple[int, int]]],
    widths: list[int],
    column: int,
    final: bool = False,
) -> tuple[list[list[str]], float]:
    """Every line's units cut into the columns but the pivot's, row by row, and what it cost (`final`:
    see `_row_cut`)."""
    pivots, spans = found
    at = _pivot_units(pivots) if column >= 0 else {}
    out: list[list[str]] = []
    total = 0.0
    for (top, bottom), pivot in zip(spans, pivots, strict=True):
        lead = pivot[0][0] - top if column < 0 else None
        cut = _row_cut(table, lines, (at, (top, bottom)), (widths, column), lead, (True, final))
        cost, pieces = cut if cut is not None else _free(table, lines, at, (top, bottom), widths, column)
        out += pieces
        total += cost
    return out, total


def _row_cut(
    table: Table,
    lines: list[list[str]],
    where: tuple[dict[int, int], tuple[int, int]],
    cells: tuple[list[int], int],
    lead: int | None,
    shape: tuple[bool, bool] = (False, False),
) -> tuple[float, list[list[str]]] | None:
    """A row's lines cut into the columns as LibreOffice centres its cells, and the cost (`lead`: the
    line an indicator's number leads its row on; `where`: the pivots' units and the row's lines;
    `cells`: the columns' widths and the pivot's column); None where no centred places fit.  `shape`: whether
    a short row's cells may stand anywhere in it, and whether the row is cut line by line where no
    centred places fit, or (a row its indicator's number leads) where they cost more: a row a page
    break cut, its cells centred in each page's part."""
    anywhere, final = shape
    at, span = where
    widths, column = cells
    top, bottom = span
    centred = None
    if bottom - top < _MOST_LINES and not table.grouped:
        centred = _centred(table, lines, at, span, widths, column, lead=lead)
    if centred is None and anywhere and bottom - top < MOST_ASYMMETRIC:
        centred = _centred(table, lines, at, span, widths, column, asymmetric=ANYWHERE)
    # a name of two lines beside cells of an odd number of lines (or of one beside even), the number on
    # the row's first line too (its one-line cells merged with that line: `④… 延べ412人 …` / `数`)
    if lead is not None:
        off = BESIDE_LIST if _listed(lines, span) else HALF_LINE
        half = _centred(table, lines, at, span, widths, column, asymmetric=off, lead=lead)
        if half is not None and (centred is None or half[0] < centred[0]):
            centred = half
    if not final or (centred is not None and (lead or table.grouped or centred[0] < _MISFIT)):
        return centred
    cost, pieces = _free(table, lines, at, span, widths, column)
    if centred is not None and centred[0] <= cost + _UNCENTRED:
        return centred
    return cost + (_UNCENTRED if centred is not None else 0.0), pieces


def _listed(lines: list[list[str]], span: tuple[int, int]) -> bool:
    """Whether a row holds a list's item: a unit that starts with a list's bullet."""
    return any(unit[:1] in LIST_BULLETS for units in lines[span[0] : span[1] + 1] for unit in units if unit)


_RESPANS = 3  # times the rows and the widths are found again at most (they agree after one or two)
_MOST_UNITS = 40  # a printed line's words (units) at most in a table read so: a row's lines hold a dozen or so
_UNCENTRED = 2 * NEW_CELL  # a row whose cells are not centred in it: rather one that they are
_MISFIT = 50.0  # a centred row that costs this much has a piece wider than its column: it may not be one
_MOST_LINES = 13  # a taller row is cut line by line (its cells' places are too many to try)
_MUST = 1000.0


def _centred(
    table: Table,
    lines: list[list[str]],
    at: dict[int, int],
    span: tuple[int, int],
    widths: list[int],
    column: int,
    asymmetric: int = 0,
    lead: int | None = None,
    event: bool = False,
) -> tuple[float, list[list[str]]] | None:
    """A row's lines cut into the columns as LibreOffice centres the cells: each cell's lines as far
    from the row's first line as from its last, every line (or every other line, where cells of an
    odd and of an even number of lines stand side by side and so half a line apart); the places at
    the least cost, None where no such places fit the lines (`lead`: the line the first column's
    cell starts on, where a pivot leads it: an indicator's number)."""
    top, bottom = span
    n = bottom - top + 1
    councils = table.header[0] in COUNCILS
    room = tuple(len(lines[top + j]) - (top + j in at) for j in range(n))  # the cells a line can hold
    ending = not event and not table.grouped  # (whether the cells' ends are counted: see `ended`)
    known: list[dict[tuple[int, ...], tuple[float, tuple[str, ...]]]] = [{} for _ in range(n)]
    goes_on: dict[tuple[int, str], bool] = {}
    costs: list[float] = []  # the lines' costs and pieces down the configurations' tree so far
    cut: list[tuple[str, ...]] = []
    lasts = [""] * len(widths)  # each column's last piece so far
    values = OUTCOME_VALUES if table in (OUTCOMES, PLANNED) else ()  # an indicator's values' columns
    # the least cost, and of the configurations that cost it, the first (`configurations`' order) and its cut
    best: tuple[float, int, list[list[str]] | None] = (INF, -1, None)
    limit = INF  # what a configuration may cost at most and still be the best (the sums' rounding aside)

    def line(j: int, present: tuple[int, ...]) -> tuple[float, tuple[str, ...]]:
        if present not in known[j]:
            cells = (present, tuple(widths[c] for c in present), len(widths))
            line_cost, pieces = _line(
                tuple(lines[top + j]), (at.get(top + j), column), cells, (councils, table is OUTCOMES)
            )
            known[j][present] = (line_cost + (_misfiled(pieces) if table.grouped else 0.0), pieces)
        return known[j][present]

    def ended(pieces: Sequence[str]) -> float:
        """What the line's pieces cost that go on after a piece that ended its cell (a cell's lines but its
        last fill its column, but for a line that ends a list item or a sentence), after the lines so far."""
        cost = 0.0
        for c, piece in enumerate(pieces):
            if piece and lasts[c] and piece[0] not in BULLET:
                if (c, lasts[c]) not in goes_on:
                    goes_on[c, lasts[c]] = bool(column_goes_on(table, lasts[c], widths[c], False))
                cost += (_VALUE_GOES_ON if c in values else 0.0) if goes_on[c, lasts[c]] else NEW_CELL
        return cost

    def walk(node: Node, j: int, spent: float, cells_ended: float) -> None:
        """The configurations under a node of the tree, but those that cost more than the best at
        least: their lines so far, the least of the lines below, their cells that went on after they
        ended so far (a piece after a cell's end costs as much whatever comes after)."""
        for present, least, under in node:  # (in order of their least cost)
            if spent + cells_ended + least + rest[j] > limit:
                break
            cost, pieces = line(j, present)
            if cost == INF:
                continue
            more = cells_ended + ended(pieces) if ending else 0.0
            if spent + cost + more + least + rest[j + 1] > limit:
                continue
            before = lasts[:]
            lasts[:] = [piece or last for piece, last in zip(pieces, lasts, strict=True)]
            costs.append(cost)
            cut.append(pieces)
            if j + 1 < n:
                walk(under, j + 1, spent + cost, more)  # type: ignore[arg-type]
            else:
                settle(under, more)  # type: ignore[arg-type]
            costs.pop()
            cut.pop()
            lasts[:] = before

    def settle(leaf: Leaf, cells_ended: float) -> None:
        """The configurations of the cut so far: each costs what it did tried one by one (the same sums
        in the same order), and the first of those that cost the least is the best."""
        nonlocal best, limit
        extra = None
        for base, index in leaf:  # (in order of their cost)
            cost = base
            for line_cost in costs:
                cost += line_cost
            if cost > best[0]:
                break
            if cost == best[0] and index > best[1]:
                continue
            if extra is None:
                if event:
                    extra = centred_events.event_cost(table, cut, widths)
                elif not table.grouped:
                    extra = cells_ended + _misplaced(table, cut)
                else:
                    extra = 0.0
            total = cost + extra
            if total < best[0] or (total == best[0] and index < best[1]):
                best = (total, index, [list(pieces) for pieces in cut])  # lists of their own: `_rows` changes them
                limit = total + _ROUNDING * (1.0 + total)

    root, presents = tree(n, (asymmetric, lead), room, len(widths), councils)
    # what the lines from each on cost at least, whichever cells are present on them
    rest = [0.0] * (n + 1)
    for j in reversed(range(n)):
        rest[j] = rest[j + 1] + min((line(j, present)[0] for present in presents[j]), default=INF)
    if rest[0] < INF:  # (else no configuration fits)
        walk(root, 0, 0.0, 0.0)
    return None if best[2] is None else (best[0], best[2])


# a piece that goes on an indicator's value: rather the name's or the effects' where nothing else tells (a
# sentence's last word below a row's one-line values, `…流れが定着` / `する`, not a value's, `4圏域` / `する`)
_VALUE_GOES_ON = 0.01
_ROUNDING = 1e-9  # the tree's sums of a configuration's costs may round otherwise than its own sum
# What the cells' pieces cost that go on after a piece that ended its cell is counted line by line
# down the tree (`ended`): NEW_CELL a piece, the same sum in any order.


def _misplaced(table: Table, cut: Sequence[Sequence[str]]) -> float:
    """What a council's cells cost that read as the other column's (its activities, items of what is
    done, and its remarks, sentences, are alike in width and both centred in the row): activities
    that end a sentence, remarks that start a list; and a schedule's row read with its item as details
    (sentences, a list) and its details as a title (`前年度の実績報告、…` / `第1回推進会議`)."""
    if table.header[0] in INDICATORS:  # a target or an actual is a value, not a sentence
        return NEW_CELL * sum(1 for line in cut for piece in line[1:-1] if piece.endswith("。"))
    if table.header[0] == MONTH_HEADER:  # an item is a title, its details the sentences: not the other way round
        item, details = ("".join(line[c] for line in cut if len(line) > 1) for c in (0, 1))  # (the month apart)
        return _TITLE_SWAPPED * (_sentences(item) and bool(details) and not _sentences(details))
    if table.header[0] not in COUNCILS:
        return 0.0
    activities = [line[_ACTIVITIES] for line in cut if line[_ACTIVITIES]]
    notes = [line[_ACTIVITIES + 1] for line in cut if line[_ACTIVITIES + 1]]
    sentence = bool(activities) and activities[-1].endswith("。")
    listed = bool(notes) and notes[0][0] in BULLET
    return NEW_CELL * (sentence + listed)


_ACTIVITIES = 2  # the councils' activities column among the columns but the frequency's
_TITLE_SWAPPED = 1.0  # a schedule row read with its item a sentence and its details a title: rather the other way


def _sentences(text: str) -> bool:
    """Whether a schedule's cell reads as details: sentences, a list of 、, or a list's items."""
    return "、" in text or text.endswith("。") or text[:1] in BULLET


@functools.lru_cache(maxsize=1 << 16)
def _line(
    units: tuple[str, ...],
    pivot: tuple[int | None, int],
    cells: tuple[tuple[int, ...], tuple[int, ...], int],
    kind: tuple[bool, bool],
) -> tuple[float, tuple[str, ...]]:
    """A line's units as the pieces of the cells present on it (each one at least), and the cost
    (`pivot`: the unit of the pivot's on the line, and its column; `cells`: the columns present,
    their widths and how many columns there are; `kind`: a councils' table, section 4's indicators'
    table, where a count after a word in a value's column is rather that word's, `率 80%`, a value's
    rest the wrap took its space from).  Kept: the widths' search asks again and again, and a later
    sheet's table may ask the same; so the pieces are a tuple, which no caller can change under the
    memo (a list was changed in place by `_rows`, and the next sheet asking got those pieces)."""
    councils, counts = kind
    pivot_at, column = pivot
    present, widths, count = cells
    width_of = dict(zip(present, widths, strict=True))
    pieces = [""] * count
    total = 0.0
    for part, columns in _parts(list(units), pivot_at, column):
        here = [c for c in range(count)[columns] if c in width_of]
        if len(part) < len(here) or (part and not here):
            return INF, tuple(pieces)
        if not here:
            continue
        size = len(here)
        cut, cost = cut_line(
            part,
            [width_of[c] for c in here],
            set(),
            ([_MUST] * size, [True] * size),
            [False] * size,
            (-1, 0),
            -1,
            tuple(k for k, c in enumerate(here) if c in OUTCOME_VALUES) if counts else False,
        )
        total += cost
        for c, piece in zip(here, cut, strict=True):
            pieces[c] = piece
    if councils and _LIST.search(pieces[0]):  # a council's name is no list of its members
        total += _LIST_IN_NAME
    # a corporation's kind starts its name (`医療法人 群馬会`): a cell's first word, not its last
    total += sum(_LIST_IN_NAME for piece in pieces if " " in piece and piece.endswith("法人"))
    # a list item after a cell's own text: rather the first of the next cell's list
    total += sum(_LIST_IN_NAME for piece in pieces if _item_after_text(piece))
    return total, tuple(pieces)


_LIST = re.compile(r"、|[,，] ?(?=\S)")
_LIST_IN_NAME = 1.0


def _item_after_text(piece: str) -> bool:
    """Whether a list item (`・…`) follows the piece's own text, not an item: `連絡体制づくり ・病院訪問`."""
    at = piece.find(" ・")
    return at > 0 and piece[0] != "・" and "・" not in piece[:at] and len(piece) > at + 2


def _free(
    table: Table, lines: list[list[str]], at: dict[int, int], span: tuple[int, int], widths: list[int], column: int
) -> tuple[float, list[list[str]]]:
    """A row's lines cut into the columns one by one: a column's cell may start on any line of its
    row, and goes on over lines without a piece of it until a piece that does not fill the column
    ends it."""
    open_cells = [_OPEN_EMPTY] * len(widths)
    listed = [True] * len(widths)  # a cell not started yet may start with a list's item
    started = [False] * len(widths)
    out = []
    total = 0.0
    for j in range(span[0], span[1] + 1):
        pieces: list[str] = []
        if table.grouped and not open_cells[0]:  # a year's next event: its description before all
            open_cells[0] = _NEXT_EVENT
        for part, columns in _parts(lines[j], at.get(j), column):
            state = (open_cells[columns], listed[columns])
            cut, cost = cut_line(part, widths[columns], set(), state, [False] * len(state[0]), (-1, 0), -1)
            pieces += cut
            total += cost
        if table.grouped:
            total += _commissioned(pieces, widths)
        for c, piece in enumerate(pieces):
            if piece:
                open_cells[c] = 0.0 if not column_goes_on(table, piece, widths[c], False) else _OPEN_EMPTY
                if table.grouped and _CORPORATION.match(piece) and display_width(piece) >= widths[c] - _KINSOKU:
                    open_cells[c] = _OPEN_EMPTY  # a body's name wraps short of its column: `…ネット` / `ワーク`
                listed[c] = (listed[c] and started[c]) or piece[0] in BULLET
                started[c] = True
        out.append(pieces)
    return total + _misplaced(table, out), out


def _commissioned(pieces: list[str], widths: list[int]) -> float:
    """A history line's corporation (`社会福祉法人 …`) or `↓` moved to the last column, the
    commissioned body's, where the line has none there; what it costs where it does not fit that
    column."""
    last = len(pieces) - 1
    if pieces[last].endswith(" ↓") and not pieces[0]:  # an event's description run on with its `↓`
        pieces[0], pieces[last] = pieces[last][:-2], "↓"
    run_on = _RUN_ON.search(pieces[0])
    if run_on and not pieces[last]:  # an event's description run on with its body's name (or note)
        pieces[0], pieces[last] = pieces[0][: run_on.start()], pieces[0][run_on.start() + 1 :]
    for c, piece in enumerate(pieces[:last]):
        if _CORPORATION.match(piece) and not pieces[last]:
            if display_width(piece) > widths[last] + TOLERANCE:
                return NEW_CELL
            pieces[last], pieces[c] = piece, ""
    return 0.0


def _misfiled(pieces: Sequence[str]) -> float:
    """What a history line costs whose corporation stands in a column but the commissioned body's."""
    return NEW_CELL * sum(1 for piece in pieces[:-1] if _CORPORATION.match(piece))


_CORPORATION = re.compile(r"\S{0,10}法人(?:\s|$)|↓$")  # or `↓`: as above
_RUN_ON = re.compile(r" (?:\S{0,10}法人 |↓$|[(（][^()（）]{1,8}[)）]$)")  # or a note: `… （直営）`
_NEXT_EVENT = 0.01
_KINSOKU = 3 * TOLERANCE  # a line may stop short so: a long sound mark (ー) never starts a line


def _write(
    state: FormState, head: list[Piece], header: str, body: list[Piece], rows: list[tuple[int, list[str]]]
) -> None:
    """The header and the rows in place of the table's lines."""
    write_table(state.lines, head, header, [(body[top][0], "\t".join(cells)) for top, cells in rows], body[-1][0])
