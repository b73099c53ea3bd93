"""Columns laid out with spaces: what `pdftotext -layout`, pdfplumber and pypdf (layout mode) write.

These converters keep the page's geometry: a table's borders are gone and its cells sit at roughly
constant character positions, separated by runs of spaces; a cell's text wraps onto the next lines
inside its own column; prose is wrapped at the page's width and indented as on the page.

    障害保健福祉圏域数（R5年4月時点）      1     か所
    入院精神障害者数 （R2年6月時点）  合計  344   人
                               3か月未満 （％：構成割 92 26.7 人％
                               合）

becomes

    障害保健福祉圏域数（R5年4月時点）⇥1⇥か所
    入院精神障害者数 （R2年6月時点）⇥合計⇥344⇥人
    ⇥3か月未満 （％：構成割合）⇥92 26.7⇥人％

A table is a run of lines with gaps of two spaces or more at shared positions; its columns are the
positions where cells start on several lines.  A new row starts where the first column gets new
text (not the wrapped rest of the cell above), or where a later column gets one of the template's
row labels (合計, 入院後3か月時点, 医療 …): that row continues the group and starts with empty
cells.  Whether a first cell's next line continues it is told by the room the text leaves in its
column (the page's grid against the text's display width, `unicodedata.east_asian_width`).
Outside tables, a paragraph the page wrapped is joined back into one line; the body's name on a
line of its own becomes `# 名`, a `【…】` line a sub-heading, the 取組内容 lines (their bullets drawn,
not written) list items, and a lone `長期目標   …` line a label and its value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from nikosheet.parsing.cells import short_note
from nikosheet.parsing.forms import FormState, centred_cells, known_headers, signals
from nikosheet.parsing.forms._shared import GOAL_RE, display_width, is_department, unbalanced
from nikosheet.parsing.forms.layout_lines import BULLETS, ITEM_BULLETS, is_blank, join_lines, segments
from nikosheet.parsing.forms.layout_prose import first_heading, write_prose
from nikosheet.parsing.forms.layout_regions import (
    DEPARTMENT_HEADERS,
    FIRST_HEADER_CELLS,
    SUB_LABELS,
    is_gapped,
    table_spans,
)
from nikosheet.parsing.forms.template_tables import RANGE_YEAR_CUT, range_rest
from nikosheet.parsing.forms.wrapped_cells import next_event
from nikosheet.vocabulary import CIRCLED, EVENT_STEPS, GOAL_LABELS, LIST_LABELS, OUTCOME_COLUMNS, ROLES

_YEAR_ENDS = ("度", "年度", "年", "～", "〜", "~")  # a history year's end that its narrow column wrapped
# a row's first cell when it is a date: 平成25年度, R5年5月, 令和6年4月, 5月, R7.3, 現在
_DATE_RE = re.compile(r"(?:R|H|令和|平成)\s*[0-9０-９元]|(?:19|20)[0-9]{2}\s*年|[0-9０-９]{1,2}\s*月|現在")
# labels long enough to wrap in their own narrow column
_LONG_LABELS = (ROLES["others"], OUTCOME_COLUMNS["name"], LIST_LABELS["sectors"])
_SECTORS = ("行政", "保健", "医療", "福祉")  # a sector's role: the label is the whole cell
# a goal's label as its first characters, however narrow its column (`スモール` / `ステップ`)
_GOAL_STARTS = tuple(label[:4] for label in GOAL_LABELS)
# labels that open a row in the first column, however long the line above it was
_ROW_LABELS = (
    "障害保健福祉圏域数",
    "市町村数",
    "人口",
    "精神科病院",
    "精神科病床",
    "入院精神障害者数",
    "退院率",
    "相談支援事業所数",
    "保健所数",
    "(自立支援)",
    "（自立支援）",
    "精神障害にも対応した",
    "保健",
    "医療",
    "福祉",
    "その他関",
    *_GOAL_STARTS,
)


_WRAPS = 24  # a column whose widest text is narrower holds short values, which do not wrap


def _columns(lines: list[str]) -> list[int]:
    """The positions where cells start on several of the table's lines."""
    counts: dict[int, int] = {}
    for line in lines:
        for start, _ in segments(line):
            counts[start] = counts.get(start, 0) + 1
    columns: list[int] = []
    weight = 0
    for pos in sorted(counts):
        if columns and pos - columns[-1] <= 1 + (pos - columns[-1] == 2 and weight < 2):
            weight += counts[pos]
            continue
        if columns and weight < 2:
            columns.pop()
        columns.append(pos)
        weight = counts[pos]
    if columns and weight < 2 and len(columns) > 1:
        columns.pop()
    if not columns or columns[0] > min(counts):
        columns.insert(0, min(counts))
    return columns


def _column_of(pos: int, columns: list[int]) -> int:
    col = 0
    for k, c in enumerate(columns):
        if pos + 2 >= c:
            col = k
    return col


def _split_at_columns(start: int, text: str, columns: list[int]) -> list[tuple[int, str]]:
    """A piece that runs over a column's start, cut at the single space just before it."""
    out: list[tuple[int, str]] = []
    for c in columns:
        offset = c - start
        if offset <= 2 or offset >= len(text):
            continue
        window = text[max(offset - 3, 1) : offset + 1]
        cut = window.rfind(" ")
        if cut >= 0:
            cut += max(offset - 3, 1)
            at = start + cut + 1
        elif (cut := _named_cut(text, offset)) >= 0:
            at = c  # the next cell's text, set left of its column by the name's width
        else:
            continue
        out.append((start, text[:cut]))
        text, start = text[cut + 1 :], at
    out.append((start, text))
    return out


def _named_cut(text: str, offset: int) -> int:
    """The single space after a department's name or a goal's label that fills its column, the next cell's
    text set a few places left of its column (`こころの健康センター アウトリーチ…`), or -1."""
    cut = text.find(" ", max(offset - _STEP, 1), offset)
    head = text[:cut]
    return cut if cut > 0 and (is_department(head) or head.startswith(_GOAL_STARTS)) else -1


_STEP = 6  # how far a line may set its cells off the table's columns (a wide cell before them)


def _nearest(pos: int, columns: list[int]) -> int:
    """The column that starts nearest `pos`, within `_STEP` of it, or -1."""
    col = min(range(len(columns)), key=lambda k: abs(columns[k] - pos))
    return col if abs(columns[col] - pos) <= _STEP else -1


def _set_off(pieces: list[tuple[int, str]], k: int, columns: list[int]) -> bool:
    """Whether the line's `k`th piece is column `k`'s cell: it starts nearest that column, and where it
    stands left of it, a wide gap (three spaces or more, not a cell's own two) parts it from the piece
    before, it is more than a character (`年` of a count `年3回` that its narrow column wrapped), and it is
    not a list's next item after one (`・個別事例の検討   ・圏域…`: two items of one cell)."""
    at, text = pieces[k]
    if _nearest(at, columns) != k:
        return False
    if _column_of(at, columns) == k:
        return True
    if k == 0 or len(text) < 2 or at - pieces[k - 1][0] - len(pieces[k - 1][1]) < 3:
        return False
    return not (text[0] in BULLETS and pieces[k - 1][1][0] in BULLETS)  # (a list's next item: its cell's)


def _cells(line: str, columns: list[int]) -> dict[int, str]:
    cells: dict[int, str] = {}
    pieces = segments(line)
    if len(pieces) == len(columns) > 1 and all(_set_off(pieces, k, columns) for k in range(len(pieces))):
        return dict(enumerate(text for _, text in pieces))  # a cell in each column, set a step off them
    for start, text in pieces:
        for pos, piece in _split_at_columns(start, text, columns):
            col = _column_of(pos, columns)
            cells[col] = cells[col] + " " + piece if col in cells else piece
    return cells


@dataclass
class _Row:
    first: int  # the source line the row is written at
    pieces: dict[int, list[str]] = field(default_factory=dict)
    width: int = 0  # the cells the row has at least: a known table's header's


def _cell_text(pieces: list[str]) -> str:
    items: list[list[str]] = []
    for piece in pieces:
        if not items or piece[0] in ITEM_BULLETS:
            items.append([piece])
        else:
            items[-1].append(piece)
    if len(items) > 1 and all(item[0][0] in ITEM_BULLETS for item in items):
        return "<ul>" + "".join(f"<li>{join_lines(item)}</li>" for item in items) + "</ul>"
    return join_lines(pieces)


def _page_scales(lines: list[str | None], tables: list[tuple[int, int]]) -> dict[int, float]:
    """Each table's scale: that of the page its first line is on (pdftotext sets each page's grid apart),
    which the tightest cells of the tables that start on that page tell (a table that runs on to the next
    page counts for its first), or the document's where they tell none."""
    page = 0
    pages: dict[int, int] = {}
    for i, line in enumerate(lines):
        page += line is not None and line.startswith("\f")
        pages[i] = page
    texts: dict[int, list[str]] = {}
    for first, last in tables:
        texts.setdefault(pages[first], []).extend(line for line in lines[first : last + 1] if line and line.strip())
    whole = _scale([line for page_lines in texts.values() for line in page_lines])
    own = {p: _scale(t, whole) for p, t in texts.items()}
    return {first: own[pages[first]] for first, _ in tables}


def _scale(lines: list[str], default: float = 1.0) -> float:
    """Grid positions per display column: a cell's text ends before the next cell starts."""
    ratios = []
    for line in lines:
        segs = segments(line)
        for (start, text), (nxt, _) in itertools.pairwise(segs):
            if nxt - start - len(text) >= 2:  # not a label split off at one space
                ratios.append((nxt - start - 1) / max(display_width(text), 1))
    return max(min(ratios, default=default), 0.3)


@dataclass
class _Grid:
    """A table's columns, and how much of a column's room a text takes."""

    columns: list[int]
    scale: float
    right: int  # where the table's widest line ends
    # a known table's widest text per column (display columns): a line about as wide filled it
    widest: dict[int, int] = field(default_factory=dict)

    def room(self, col: int, text: str) -> float:
        """How much of its column `text` leaves free, in positions."""
        end = self.columns[col + 1] if col + 1 < len(self.columns) else self.right
        return end - self.columns[col] - display_width(text) * self.scale

    def full(self, col: int, text: str) -> bool:
        """Whether `text` fills its column: the next character would not have fitted, so it wraps."""
        widest = self.widest.get(col, 0)
        if widest >= _WRAPS:
            return display_width(text) >= widest - 4
        return self.room(col, text) <= 4 + 2 * self.scale


def _opens_row(
    col: int,
    text: str,
    above: str | None,
    grid: _Grid,
    narrow: bool,
    leftmost: bool,
    rows: bool,
    gaps: bool = False,
    grouped: bool = False,
) -> bool:
    """Whether `text` in column `col` starts a new row rather than continuing the cell above (`gaps`:
    the line leaves a cell empty that the line above filled, as a row's wrapped lines do; `grouped`:
    the history's, where an event that ends on its step, `…を開始`, ends its cell however wide)."""
    if above is not None and unbalanced(above) > 0 and unbalanced(text) < 0:
        return False  # `障害保健福祉圏域数（R5年` / `4月時点）`: the bracket a wrap cut goes on
    if col == 0:
        if above is not None and (above + text).startswith(_LONG_LABELS) and above not in _LONG_LABELS:
            return False
        if above is not None and (is_department(above) or above in DEPARTMENT_HEADERS) and is_department(text):
            return True  # a department's whole name under another's or the header's (いきいき長寿推進課: a hiragana)
        if rows and _goes_on(text):
            return False  # no label starts with a hiragana: the wrapped end of the one above
        if text.startswith(_ROW_LABELS) or text[0] in BULLETS or above is None or _DATE_RE.match(text):
            return True
        if gaps and grid.room(0, above) < grid.room(0, "") / 2:
            return False  # a label more than half its column wide, wrapped beside the row's other lines
        return not grid.full(0, above)
    if (text.startswith(SUB_LABELS) or text in _SECTORS) and narrow:  # a narrow column of labels
        return True
    # a second entry under the same first cell (two events in one year): the text above was short
    ended = not grid.full(col, above or "") or (
        grouped and ((above or "").endswith(EVENT_STEPS) or next_event(above or "", text))
    )
    return leftmost and above is not None and text[0] not in BULLETS and not _goes_on(text) and ended


def _lone_note(cells: dict[int, str]) -> bool:
    """A line that holds a short note alone in the first column (`※630調査`)."""
    return list(cells) == [0] and short_note(cells[0])


def _numbered_name_goes_on(row: _Row, text: str) -> bool:
    """Whether `text` in the first column goes on with the row's numbered name (`②措置入院` /
    `者等の退院`): an indicator's row opens at its number, and no number, mark, date or label starts it."""
    name = row.pieces.get(0, [])
    if not name or name[0][0] not in CIRCLED or name[-1].endswith("。"):
        return False
    return (
        text[0] not in BULLETS and not _DATE_RE.match(text) and not text.startswith((*_ROW_LABELS, *FIRST_HEADER_CELLS))
    )


def _label_goes_on(row: _Row, text: str) -> bool:
    """Whether `text` in the first column goes on with the row's label, a long label of the template's wrapped
    over three lines or more (`その他関` / `係機関・` / `住民等`)."""
    label = "".join(row.pieces.get(0, []))
    return bool(label) and any(long != label and long.startswith(label + text) for long in _LONG_LABELS)


def _goes_on(text: str) -> bool:
    """Whether the text starts as no entry does (a hiragana, a closing mark; a label such as その他関
    aside): a wrapped line's rest."""
    return not text.startswith(_ROW_LABELS) and ("\u3041" <= text[0] <= "\u309f" or text[0] in "、。）)」』ー")


def _fresh_cells(cells: dict[int, str], above: dict[int, str], grid: _Grid, widest: dict[int, int]) -> bool:
    """Whether a later column starts anew under a short text: then the first column's text is a
    new row's, however long the one above it was."""
    for col in cells.keys() & above.keys():
        if col == 0 or widest.get(col, 0) <= 12 or cells[col][0] in BULLETS:
            continue
        if not grid.full(col, above[col]):
            return True
    return False


def _cut_lines(
    lines: list[str | None], first: int, last: int, columns: list[int], paged: bool
) -> tuple[list[tuple[int, dict[int, str]]], dict[int, list[int]]]:
    """Each line's cells; a known table's (`paged`) cut by the next page's columns where a page breaks it:
    pdftotext sets each page's columns apart by that page's widest lines, so a table may stand narrower on
    the next page, where its first line (a cell in every column) shows where its columns start.  Also the
    lines where the columns moved, with the columns from there on (the grid's, that tells a cell's wraps)."""
    table = []
    moves: dict[int, list[int]] = {}
    goal = False  # under a goal's label set apart in two cells: its row's lines move left a column
    for i in range(first, last + 1):
        line = lines[i] or ""
        if paged and line.startswith("\f") and (moved := _page_columns(line, columns)):
            columns = moves[i] = moved
        if is_blank(line):
            continue
        cells = _cells(line, columns)
        if (together := _label_together(cells)) is not cells:
            cells, goal = together, True
        elif goal and 0 not in cells:
            cells = _moved_left(cells)
        else:
            goal = False
        table.append((i, cells))
    return table, moves


def _label_together(cells: dict[int, str]) -> dict[int, str]:
    """The line's cells with a goal's label that the converter set apart in two (`短期目標  (今年度)`,
    `スモール  ステップ`, the label's column too narrow for it) made one cell, the cells after it moved left."""
    first = cells.get(0, "")
    if (
        not first.startswith(_GOAL_STARTS)
        or 1 not in cells
        or not GOAL_RE.fullmatch("".join((first + cells[1]).split()))
    ):
        return cells
    return {0: f"{first} {cells[1]}", **_moved_left({col: text for col, text in cells.items() if col > 1})}


def _moved_left(cells: dict[int, str]) -> dict[int, str]:
    return {col - 1: text for col, text in cells.items()}


def _page_columns(line: str, columns: list[int]) -> list[int] | None:
    """The columns a page's first line shows (a piece in each, the first where the table's starts), or None."""
    pieces = segments(line)
    starts = [start - 1 for start, _ in pieces]  # (the form feed before the line took a place)
    if len(pieces) != len(columns) or starts[0] != columns[0] or starts == columns:
        return None
    return starts


def _rows(lines: list[str | None], first: int, last: int, scale: float, head: str | None) -> list[_Row]:
    texts = [line for line in lines[first : last + 1] if line is not None and not is_blank(line)]
    found = _columns(texts)
    known = known_headers.in_layout(texts[0], _columns(texts[1:]) if len(texts) > 2 else found)
    # a template header above the table, its cells a space apart: where its columns start
    header = known or (known_headers.in_layout(head, found) if head else None)
    grid = _Grid(header.columns if header else found, scale, max(len(t.rstrip()) for t in texts))
    table, moves = _cut_lines(lines, first, last, grid.columns, paged=known is not None)
    if known is not None:
        if len(texts) <= 2:  # a header and one line: too little to find its columns by
            grid.columns = found
            table = [(i, _cells(lines[i] or "", found)) for i in range(first, last + 1) if not is_blank(lines[i])]
        elif not known.grouped and (pivoted := _pivot_rows(table, lines, known)):
            return pivoted
        elif known.grouped:  # `平成18年度 精神障害者…`: a year that fills its column, one space before the event
            table = [(i, _pivot_apart(cells, known) or _event_wrapped(cells, known)) for i, cells in table]
    rows: list[_Row] = []
    owner: dict[int, _Row] = {}
    above: dict[int, str] = {}
    widest: dict[int, int] = {}
    for _, cells in table[1:] or table:  # the header may span columns: not a cell's width
        for col, text in cells.items():
            widest[col] = max(widest.get(col, 0), display_width(text))
    if known is not None:
        grid.widest = widest
    # the current row's first cell's last line, and where: a label may wrap beside a sub-row or two
    label, label_at = "", -1
    grouped = known is not None and known.grouped
    latest: dict[int, str] = {}  # each column's last text: under a gap, what a year's next event follows
    for i, cells in table:
        grid.columns = moves.get(i, grid.columns)  # the next page's, from its first line on
        if rows and 0 in rows[-1].pieces and _lone_note(cells):  # `※630調査` below its label: the label's
            rows[-1].pieces[0].append(cells[0])
            continue
        if 0 not in above and label and len(rows) > 1 and i - label_at <= 3:  # a header is not a label
            above = {**above, 0: label}
        gaps = bool(rows) and any(c not in cells for c in above if c) and 0 in above
        opening = next(
            (
                c
                for c in sorted(cells)
                if _opens_row(
                    c,
                    cells[c],
                    above.get(c, latest.get(c) if grouped and c else None),
                    grid,
                    widest.get(c, 0) <= 40,
                    c == min(cells),
                    bool(rows),
                    gaps,
                    grouped,
                )
            ),
            None,
        )
        if opening is None and 0 in cells and 0 in above and _fresh_cells(cells, above, grid, widest):
            opening = 0
        if opening == 0 and rows and (_numbered_name_goes_on(rows[-1], cells[0]) or _label_goes_on(rows[-1], cells[0])):
            opening = None
        if opening is not None or not rows:
            row = _Row(i)
            rows.append(row)
            for c in list(owner):
                if c >= (opening or 0):
                    del owner[c]
        for col, text in cells.items():
            target = owner.get(col) if opening is None or col < opening else None
            if target is None:
                target = rows[-1]
                owner[col] = target
            target.pieces.setdefault(col, []).append(text)
        if 0 in cells:
            label, label_at = cells[0], i
        elif opening == 0:
            label = ""
        above = cells
        latest.update(cells)
    return rows


def _pivot_rows(
    table: list[tuple[int, dict[int, str]]], lines: list[str | None], known: known_headers.KnownTable
) -> list[_Row]:
    """The header's row, then a row from each line whose pivot cell holds a pivot to the next one;
    none when a line before the first pivot starts a row of its own (a pivot the converter lost)."""
    width = len(known.columns)
    rows = [_Row(table[0][0], width=width)]
    for i, cells in table:
        cells = _pivot_cells(lines[i] or "", cells, known)
        if known.pivot in cells and known.pattern.match(cells[known.pivot]) and not _range_end(rows[-1], cells, known):
            rows.append(_Row(i, width=width))
        elif len(rows) == 1 and i != table[0][0] and 0 in cells and not _goes_on(cells[0]):
            return []  # (`る指標` under `課題解決の達成度を測`: the header's own wrapped rest)
        for col, text in cells.items():
            rows[-1].pieces.setdefault(col, []).append(text)
    return rows if len(rows) > 1 else []


def _range_end(row: _Row, cells: dict[int, str], known: known_headers.KnownTable) -> bool:
    """Whether a line's pivot is the end of the row's open range of months, which its narrow column
    wrapped onto the next line (`R6年7月～` / `9月`, perhaps beside the row's other cells' wrapped lines,
    but not beside an item of its own, which a row's first line has, unless the range was cut after its end's
    year, `R5年12月～R6年` / `1月`): the row's, not a row of its own."""
    above = row.pieces.get(known.pivot, [])
    if not above or not range_rest(above[-1], cells[known.pivot]):
        return False
    return known.pivot + 1 not in cells or RANGE_YEAR_CUT.search(above[-1]) is not None  # (`R5年12月～R6年` / `1月`)


def _pivot_cells(line: str, cells: dict[int, str], known: known_headers.KnownTable) -> dict[int, str]:
    """The line's cells, cut at the pivot's column where the cell before it runs into a pivot with no
    space between (pypdf: `…家族会, ピ年1回`), and after the pivot where the cell after it is joined
    to it by one space."""
    at, pivot = known.columns[known.pivot], cells.get(known.pivot, "")
    if known.pattern.match(pivot):
        return _pivot_apart(cells, known) or cells
    if not known.pivot:
        return cells
    inside = _pivot_inside(cells, known)
    if inside is not None:
        return inside
    # the column's start is the converter's rounding: a step either side of it
    at = next((k for k in range(at - 1, at + 3) if line[k - 1 : k].strip() and known.pattern.match(line[k:])), 0)
    if not at:
        return cells
    head = _cells(line[:at], known.columns[: known.pivot])
    return {**head, **_cells(" " * at + line[at:], known.columns)} if head else cells


def _pivot_inside(cells: dict[int, str], known: known_headers.KnownTable) -> dict[int, str] | None:
    """The line's cells where the pivot stands one space after the cell before it, left of its
    column (`…精神保 年2回`, `…相 各圏域年3回程度 ・退院可能な…`): the pivot, and the words after it
    the next cell's; None where no word of that cell is a whole pivot."""
    words = cells.get(known.pivot - 1, "").split(" ")
    if known.pivot in cells or len(words) < 2:
        return None
    for k, word in enumerate(words[1:], 1):
        if known.pattern.fullmatch(word) is None:
            continue
        rest = " ".join(words[k + 1 :])
        if rest and known.pivot + 1 in cells:
            return None
        out = {**cells, known.pivot - 1: " ".join(words[:k]), known.pivot: word}
        return {**out, known.pivot + 1: rest} if rest else out
    return None


def _pivot_apart(cells: dict[int, str], known: known_headers.KnownTable) -> dict[int, str] | None:
    """The line's cells with the pivot's cell cut after the pivot where the next cell is joined to it
    by one space (`R8年度 事業利用終了`) and the next column has nothing else; None where it is not."""
    match = known.pattern.match(cells.get(known.pivot, ""))
    if match is None:
        return None
    rest = cells[known.pivot][match.end() :].strip()
    if rest and known.pivot + 1 < len(known.columns) and known.pivot + 1 not in cells:
        return {**cells, known.pivot: match.group(), known.pivot + 1: rest}
    return None


def _event_wrapped(cells: dict[int, str], known: known_headers.KnownTable) -> dict[int, str]:
    """A line's cells with the year's column's text given to the event's, where it is no year nor a
    year's wrapped end (`度`) and the event's column has none: the event's wrapped rest, indented
    under the event's first line that a full year pushed one space on."""
    text = cells.get(known.pivot, "")
    if not text or text in _YEAR_ENDS or known.pattern.match(text) or known.pivot + 1 in cells:
        return cells
    return {**{c: t for c, t in cells.items() if c != known.pivot}, known.pivot + 1: text}


def _role_column(row: _Row) -> int:
    """The column of the row's role (行政, 医療, …), or 0."""
    return next((c for c, pieces in sorted(row.pieces.items()) if c and known_headers.is_role(join_lines(pieces))), 0)


def _issue_rows(rows: list[_Row]) -> list[_Row]:
    """The issues' table, whose issue and policy cells span their roles' rows (行政, 医療, 福祉,
    その他関係機関・住民等): the lines of those cells that stand beside a later role, or between two,
    go back to the issue's first row, and a line with no role of its own goes on in the role's row."""
    kept: list[_Row] = []
    head: _Row | None = None
    role = head
    column = 0
    roles = [_role_column(row) for row in rows]
    if any(roles):  # a row's role a column further in than the others', an empty cell before it
        base = min(at for at in roles if at)
        for row, at in zip(rows, roles, strict=True):
            if at > base and not any(base <= c < at for c in row.pieces):
                row.pieces = {c - (at - base) if c >= at else c: pieces for c, pieces in row.pieces.items()}
    for row in rows:
        at = _role_column(row)
        if at and join_lines(row.pieces[at]) == known_headers.ROLE_WORDS[0]:
            head, role, column = row, row, at
        elif head is None or role is None or (at and at != column):
            head = None
        else:
            for c in [c for c in row.pieces if c < column]:
                head.pieces.setdefault(c, []).extend(row.pieces.pop(c))
            if not at:
                for c, pieces in row.pieces.items():
                    role.pieces.setdefault(c, []).extend(pieces)
                continue
            role = row
        kept.append(row)
    return kept


def _write_table(state: FormState, first: int, last: int, scale: float, head: str | None) -> None:
    lines = state.lines
    rows = _issue_rows(_rows(lines, first, last, scale, head))
    groups = {row.first for row in rows if 0 in row.pieces and not row.pieces[0][0].startswith(_ROW_LABELS)}
    known = any(row.width for row in rows)  # a template's table found by its header and pivots: one table
    for i in range(last, first - 1, -1):
        # a blank line inside a row group is layout; one before a group may end the table
        if not is_blank(lines[i]) or known or (i + 1 not in groups and lines[i + 1] is None):
            lines[i] = None
    # a column no row fills is a step in the page's grid (one row's cells set a little further in)
    filled = sorted({c for row in rows for c in row.pieces})
    width = max(max(row.pieces) + 1 for row in rows)
    kept = [c for c in range(width) if c in filled or any(row.width > c for row in rows)]
    for row in rows:
        cells = [_cell_text(row.pieces[c]) if c in row.pieces else "" for c in kept]
        lines[row.first] = "\t".join(cells[: max(kept.index(max(row.pieces)) + 1, row.width)])


def apply(state: FormState) -> None:
    """Rewrite the tables laid out with spaces into tab rows, and fold the prose around them."""
    if not signals.layout_columns(state.source):
        return
    lines = state.lines
    gapped = sum(1 for line in lines if is_gapped(line))
    tabbed = sum(1 for line in lines if line is not None and "\t" in line)
    if gapped < 5 or tabbed > gapped:  # a sheet in tab rows, whose cells hold runs of spaces
        return
    if signals.autospace(state.source):  # LibreOffice's PDF: its cells centred in their rows
        laid: list[str | None] = list(state.source.split("\n"))  # as written: the renderer's gaps kept
        write_prose(state, centred_cells.write_tables(lines, laid, first_heading(laid)))
        return
    taken: set[int] = set()
    tables = table_spans(state)
    scales = _page_scales(lines, tables)
    # LibreOffice's PDFs (known by their spacing, see `autospace`) centre a cell in its row: under a
    # header written as text, the cell-per-line forms read their rows better
    centred = signals.autospace(state.source)
    for first, last in tables:
        k = _filled_above(lines, first)
        head = lines[k] if k >= 0 and k not in taken and "\t" not in (lines[k] or "") else None
        _write_table(state, first, last, scales[first], head)
        taken.update(range(first, last + 1))
        if not centred:
            taken.update(_header_above(lines, first, taken))
    write_prose(state, taken)


def _header_above(lines: list[str | None], first: int, taken: set[int]) -> list[int]:
    """A template header written as words a space apart (its cells too close for a gap), above a
    table and apart from it by blank lines: made the table's header row.  Its line, if any."""
    k = _filled_above(lines, first)
    line = lines[k] if k >= 0 and k not in taken else None
    cells = known_headers.header_cells(line) if line and "\t" not in line else None
    if cells is not None and line is not None:
        lines[k] = "\t".join(cells)
        return [k]
    above = _filled_above(lines, k)  # a header cell's wrapped rest alone below the header's line
    head = lines[above] if line and above >= 0 and above not in taken and "\t" not in line else None
    if head is None or "\t" in head:
        return []
    cells = known_headers.header_cells(_tucked(head, line or ""))
    if cells is None:
        return []
    lines[above] = "\t".join(cells)
    lines[k] = None
    return [above, k]


def _filled_above(lines: list[str | None], first: int) -> int:
    """The nearest line above `first` with text (across up to eleven blank lines), or -1."""
    k = first - 1
    while k >= 0 and k > first - 12 and is_blank(lines[k]):
        k -= 1
    return k


def _tucked(head: str, rest: str) -> str:
    """`head`'s cells, each followed by the piece of `rest` that starts under it (a wrapped cell's end)."""
    cells = [[text] for _, text in segments(head)]
    starts = [start for start, _ in segments(head)]
    for pos, text in segments(rest):
        column = max((n for n, start in enumerate(starts) if start <= pos + 2), default=0)
        cells[column].append(text)
    return " ".join("".join(pieces) for pieces in cells)
