"""The councils' table of section 7 in plain pdftotext of a LibreOffice PDF, read by the heights of
its cells' printed lines, where `council_boxes` found no rows.

LibreOffice centres each cell in its row, and pdftotext writes a text block's lines top to bottom:
where several cells of a row fall in one block (a name, its members and its frequency, often), their
lines come interleaved by height, two lines at one height on one line a space apart when the left one
reaches the next column, else one after the other, left first.  A cell of n lines stands at the
heights 0…n-1 round the row's middle, so a cell a line shorter stands half a line lower:

    精神科病院協会、精神科診療所協会、基幹相談支              名称⇥協議の場の構成員⇥開催頻度⇥…
    千葉市精神保健福                                          千葉市精神保健福祉推進協議会 地域包括ケア部会⇥
    援センター、訪問看護ステーション協議会、家族 3 回/    →     精神科病院協会、…学識経験者、市⇥3回/年⇥…
    祉推進協議会 地
    会、当事者会、地域包括支援センター、民生委員 年
    域包括ケア部会
    児童委員協議会、学識経験者、市

Each box (lines between blank lines, 32 at most) is read as one row's part or up to four rows' parts one
after the other, each part some neighbouring columns whose cells' line counts put their lines in the box's
order; a reading holds when every cell is its column's (a name ends in a council's word, the members are a
list, the frequency the vocabulary's, the activities hold no sentence) and every cell's lines but its last
fill its column, the columns' widths being those of the boxes read one way only (a one-line cell, narrower
than its column, tells none; the others tried from the readings' lines; a box no reading holds is tried with
those a character wider), or the header's lines where they are wider (`開催頻` / `度`, where the rows' lines, a
count's digit narrow, show less).  A printed line is not cut between a number and its counter after it
(`…の課題 3 つの部会の間で`: the note's `3 つの…`).  A line ends short of its column before a bracket and the word
inside it that did not fit after it (`区版協議` / `の場` / `（18` / `区）`).  A list set in from its column's edge (a
bullet drawn alone on a line before it) fills only its widest line, and tells no column's width; so does a
list of items each on lines of their own, a bullet first, with no bullet drawn apart (no item after another
on a line).  A name may start with the programme's own name (`にも包括実務者部会`), as no other cell starts with a
particle.  A part goes to the first row that lacks its columns (a name written late, after the next row, is
its row's); notes in a part of their own right after their row's activities, and before the next row's cells
or at the table's end, are that row's (of the readings of as many cells, the one that leaves the fewest
notes apart is kept); other notes in a part of their own are kept as text below the table, with a
`missing-table` warning (pdftotext writes them after their activities, after the next rows or after the
table, several rows' in one box: which row's they are, the text does not tell).  A list of activities a page
break cut writes its last items in a box of their own after the notes' boxes:

    ・区の地域課題の / 抽出 / 特記事項等(課題・強み等) / 区から上がる課題 … / \f / ・関係機関の顔の / 見える関係づくり

such a part is read both as a row's activities and as the later items of the activities above, and
the reading that makes every row whole is kept.  A cell's last lines that pdftotext wrote in a text
block of their own, after other rows' cells, open as no cell does (a word's end: `・指標の評` … rows …
`価`; `・市町村の協議の場` … `の設置支援` before the next row's lines in its box): they go on the one cell
they may end, else they are kept as text below the table, with the same warning.  A note that there
is nothing to note (`－`) is a cell of its column.  A box no reading by heights holds is read as two
neighbouring columns' lines merged in their order (a list's items, spaced apart, stand off the
heights of the notes beside it), where one reading only holds, also after the box's first lines read by
their heights where the list starts on the box's first bulleted line (the notes of the row above, or a
row's members and frequency, then the next row's list and notes); a members' line that opens with a
whole frequency, or ends in a frequency's word apart (`…精神 年 4`), is none; of the tables the
columns' widths allow, the one of the fewest cells is kept.  Where no table is read so, it is read
again with each cell's first line at its row's top, as in a table whose cells are set at their rows'
top, not centred (`…訪問 年` / `…相談 3` / `…法 回`: the frequency's first line beside the members'
first).  Where neither reads it, or the reading leaves notes apart, a row a page break cuts is set at its top on the
page it starts on (LibreOffice lays a split row's cells out from its top), so the two boxes right before a page break
are read both ways, of their readings set at the top those whose cells reach lowest, the row's part running to the
page's foot (`県北圏域精神保` / `健福祉推進会議` / `（にも包括協議` / `の場）` beside two lines of members: a name of
four lines, not a name of two and a note).  A members' cell of one member, no list, ends in a word for people or
offices (`ピアサポーター`, `…担当係長`, `障害福祉課`); an activity's or a note's line never opens with a frequency's
piece and a space before other words (`4 回 圏域の取組状況の共`: the frequency's line and the activities' at one
height); a members' list written with Latin commas (`学識経験者, 熊本県精神科病院協会, …`) may end its line with a
comma, the frequency's piece beside it (`…地域包括支援センター, 回`).  A name's line that opens with `・` goes on its
line above without a space (`…木曽・松本` / `・大北・長野…`).  The table is rewritten only when one table is read every
way and every row has its name, members, frequency and activities; else it is left as it was.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import KANA_WORDS, display_width, put_lines, unbalanced
from nikosheet.parsing.forms.autospace import unspaced
from nikosheet.parsing.forms.council_boxes import header_lines, heading_above, is_piece, name_of, table_end
from nikosheet.parsing.forms.council_pivots import HEADERS
from nikosheet.parsing.forms.lookalikes import folded
from nikosheet.parsing.forms.template_tables import FREQUENCY, LIST_BULLETS, Box, join_cell
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import NOTHING, SAME_AS_ABOVE

_NAME, _MEMBERS, _FREQ, _ACTS, _NOTES = range(5)
_COLUMNS = 5
_LISTS = 4  # a table's lists in a part of their own tried as the lists above's rest, at most
_MOST = (6, 7, 3, 7, 7)  # a cell's printed lines at most, per column
_NARROW = 8  # display columns: a column so narrow (a frequency's) may hold a full line apart from the next
_FREQUENCY_WORDS = 6  # a whole frequency's words at most (`各 圏域 年 2～3 回`): a line's longer heads are none
_NO_START = "のをにがはでへやーっゃゅょ、。，．)）」"  # no cell starts so
_HANGING = "、。，．"  # a line may end with one past its column's edge
_OVER = (
    1  # display columns: a line may be so much wider than the widest seen (a column's width is the widest line seen)
)
_MOST_CUTS = 24  # places a printed line may be cut at (see `_cuts`)
_SLACK = 2  # display columns: a full line may be a character short or long (a wrap's kinsoku)
_BUDGET = 300_000  # the line counts tried for a table at most: a larger table is left as it is
_WIDER_BUDGET = (
    30_000  # the line counts tried for a table's boxes' readings with wider columns besides their own (`_box_ways`)
)
_COMBINATIONS = 64  # the boxes' readings put together, at most
_WIDER = 2  # display columns: a column may be a character wider than the widest line the boxes read one way show
_TRIES = 4  # widths tried for a column the boxes do not tell
_PARTS = 4  # a box holds so many rows' parts at most
_SPLIT_RUNS = 2  # runs before a page break read also as a split row's, set at its top (see `_split_row_ways`)
_BOX_LINES = 32  # a box of more lines is not read (the readings grow with its lines)
_FREQUENCY = compile_lazily(rf"^{FREQUENCY}$")
# a piece of a frequency each body holds that a narrow column wrapped inside its first word (`各圏` /
# `域年 2` / `～3 回`, `各圏域` / `年 2～3` / `回`, `各地` / `域 3` / `回/年`): 各 and a word, or a word's
# rest and 年 or a count and what follows; or the bodies' word and the start of `ごとに` or `により` (`圏域ご`
# / `とに年`, `区によ` / `り年 2`)
_EACH_WORD = compile_lazily(r"各[^\s0-9０-９、。・]{1,3}|[^\s0-9０-９、。・]{1,3}?(?:ごと?|によ?)")
# a word's rest of 1 to 3 characters and 年 or a count: a frequency's pieces, or nothing, after it
_EACH_HEADS = tuple(compile_lazily(rf"[^\s0-9０-９、。・]{{{n}}}(?:年|[0-9０-９]+)") for n in (1, 2, 3))
_TAIL = -1  # a cell's rest written apart is read as the column `_TAIL - column` (see `_tails`)
_MERGED = ((0, 1), (3, 4))  # the neighbouring columns whose lines a box may hold merged (see `_merged`)
_MERGE_STEPS = 20_000  # a box's merged readings tried at most
_SET_IN = "•"  # a list's item set in from its column's edge starts so (see `_unbulleted`)
_LAYOUT = compile_lazily(r"[\s\f・•]+")  # spaces and bullets: a bullet drawn alone on its line is layout
_COUNTED = compile_lazily(r"[0-9０-９] (?:つ|か所|ヶ所|箇所|人|名|件|回|年|月|日)")  # a number, its counter
_COUNCILS_TITLE = "協議の場の実施状況"
# a members' cell of one member, no list, ends so (`協議の場の委員`, `障害福祉課`, `保健所`, `担当係長`,
# `ピアサポーター`, `センター`)
_MEMBER_ENDS = ("員", "課", "者", "等", "所", "長", "ー")
_HEARING = "ヒアリング"  # a council's name may end so (`委員ヒアリング`), in the name's column only
_TITLE_LINE = 60  # a heading's line is shorter (a sentence that names the councils is not one)
# a members' list, a space and a frequency's piece on one printed line (the gap autospace took out
# is gone: `家族3回/`, so a count run in after `、` and a word counts too)
_RUN_ON = compile_lazily(
    r"^(?:[0-9０-９]+ ?回/?|年 ?[0-9０-９]+|月 ?[0-9０-９]+|[0-9０-９]+ ?か月|随時|隔月|毎月)(?: |$)"
)
# a line's head no line ends inside: an opening bracket and the number or the character after it, a closing
# bracket and the number or the character before it
_WORD = r"(?:[0-9０-９A-Za-z]{1,8}|[^\s0-9０-９A-Za-z])"  # (a number or a word of eight characters at most)
_UNBROKEN = compile_lazily(rf"[(（「]{_WORD}|{_WORD}[)）」]")
_HEADER_CELLS = tuple("".join(cell.split()) for cell in HEADERS[0])
_SPANS = tuple((a, b) for a in range(_COLUMNS) for b in range(a, _COLUMNS))
_NARROW_FIRST = tuple(sorted(_SPANS, key=lambda span: span[1] - span[0]))  # (the fewest columns first)
Cells = dict[int, list[str]]  # a row's part: its columns' printed lines
Layout = list[list[list[tuple[int, str]]]]  # a part's printed lines by height: each line's pieces (column, text)
Reading = tuple[Cells, Layout]
_READINGS: dict[tuple[object, ...], tuple[list[Reading], int]] = {}  # (see `_readings`; emptied after each table)
_READINGS_KEPT = 4096


class _OverBudget(Exception):
    """The table's readings are too many to try."""


def apply(state: FormState) -> None:
    """Rewrite the councils' table read by its lines' heights (on its own: in the chain,
    `council_boxes_paged` calls `table` and `write`, choosing between this reading and others)."""
    if signals.council_boxes(state.source):
        found = table(state)
        if found is not None:
            write(state, found)


class Table(NamedTuple):
    """The table read: the lines it stands on (`first`..`end`, exclusive), its rows, and the notes whose
    row is not told (kept as text below it)."""

    first: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    rest: tuple[str, ...]


def table(state: FormState) -> Table | None:
    """The councils' table read by its lines' heights, or None (the text is not changed)."""
    lines = state.lines
    start = next((i for i, line in enumerate(lines) if line is not None and line.strip() == HEADERS[0][0]), None)
    if start is None:
        return None
    end = table_end(lines, start)
    heading = heading_above(lines, start)
    if end is None:
        return None
    first = heading + 1 if heading is not None else start
    source = state.source.split("\n")
    if not _same_text(lines[first:end], source[first:end]):
        return None  # (another form moved text in or out of the table)
    try:
        found = _rows(source, first, end) or _rows(source, first, end, top=True)
        if found is None or found[1]:  # (no table, or notes left apart: a row a page break cuts, perhaps)
            split = _rows(source, first, end, split=True)
            if split is not None and (found is None or len(split[1]) < len(found[1])):
                found = split
    finally:
        _READINGS.clear()  # (kept for one table's readings only: no document's reading outlives it)
    return None if found is None else Table(first, end, *found)


def interleaved(state: FormState) -> bool:
    """Whether the councils' section holds a printed line of cells run together: a members' list and,
    a space after it, a frequency's piece (`…地域包括 年 4`, `…家族 3 回/`, in the source's text)."""
    source = state.source.split("\n")
    heading = next((i for i, line in enumerate(source) if _COUNCILS_TITLE in line and len(line) < _TITLE_LINE), None)
    if heading is None:
        return False
    end = table_end(list(source), heading) or heading
    return any(_runs_on(line) for line in source[heading:end])


def _runs_on(line: str) -> bool:
    """Whether a word after a word with `、` in it starts with a frequency's piece, a space after it."""
    words = line.split(" ")
    return any("、" in words[k - 1] and _RUN_ON.match(" ".join(words[k : k + 2])) for k in range(1, len(words)))


def write(state: FormState, found: Table) -> bool:
    """Rewrite the table's lines as its rows (the notes kept below, with a warning): whether they fit."""
    rows, rest = found.rows, found.rest
    out = ["\t".join(HEADERS[0]), *("\t".join(row) for row in rows), *([""] if rest else []), *rest]
    if not put_lines(state.lines, found.first, found.end, out):
        return False
    if rest:
        state.note(Diagnostic.MISSING_TABLE, found.first, str(messages.COUNCIL_NOTES_AS_TEXT(count=len(rows))))
    return True


def _same_text(lines: list[str | None], source: list[str]) -> bool:
    """Whether the lines hold the source's text (but for spaces and bullets): no form moved text in or out."""

    def chars(texts: list[str | None]) -> list[str]:
        return sorted(_LAYOUT.sub("", folded("".join(t for t in texts if t))))

    return chars(lines) == chars(list(source))


def _rows(
    source: list[str], first: int, end: int, top: bool = False, split: bool = False
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]] | None:
    """The table's rows, each cell's text, read from its source lines, and the notes whose row is not
    told; None when the boxes have no one reading (`top`: the cells set at the top of their rows, not
    centred, see `_heights`; `split`: the boxes before a page break read also as a row it cuts, see
    `_split_row_ways`)."""
    region = [None] * first + _unbulleted([folded(line).strip(" \f\u3000") for line in source[first:end]])
    boxes = _boxes(region)
    headers = set(header_lines(boxes))
    runs = [run for box in boxes for run in _runs(box, headers)]
    floors = _header_widths([text for box in boxes for i, text, _ in box if i in headers])
    breaks = _before_page_breaks(runs, source) if split else []
    if not runs or (split and not breaks):
        return None
    texts = [[t for _, t, _ in run] for run in runs]
    ordered = _late_notes(runs, boxes, headers)
    if any(len(run) > _BOX_LINES for run in texts):
        return None
    budget = [_BUDGET, _WIDER_BUDGET]  # the table's line counts, and its boxes' wider tries all together
    try:
        base = {c: max(w, floors.get(c, 0)) for c, w in _widths(texts, budget, top).items()}
        wider = {c: w + _WIDER for c, w in base.items()}
        loose = [
            _box_ways(run, base, wider, budget, top)
            or _merged(run, base, budget)
            or _merged_after(run, base, budget, top)
            or _tails(run, base)
            for run in texts
        ]
        for k in breaks:
            loose[k] += _split_row_ways(texts[k], base, wider, loose[k])
    except _OverBudget:
        return None
    if not all(loose):
        return None  # (a box no reading holds with any widths)
    found: set[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = set()
    for widths in _hypotheses(base, loose):
        readings = [_narrowed(ways, widths) for ways in loose]
        if math.prod(len(ways) for ways in readings) > _COMBINATIONS:
            return None
        for choice in itertools.product(*readings):
            parts = [part for way in choice for part, _ in way]
            late = sum(len(way) for way in choice[:ordered]) if ordered is not None else len(parts)
            found.update(_assemblies(parts, widths, late))
    fewest = min((_cells(table) for table in found), default=(0, 0))
    found = {table for table in found if _cells(table) == fewest}
    return found.pop() if len(found) == 1 else None


def _before_page_breaks(runs: list[Box], source: list[str]) -> list[int]:
    """The two runs before each run that opens a page (a row a page break cuts: its name's and members'
    part, and its other cells')."""
    opening = [k for k in range(1, len(runs)) if source[runs[k][0][0]].startswith("\f")]
    return sorted({j for k in opening for j in range(max(0, k - _SPLIT_RUNS), k)})


def _split_row_ways(
    run: list[str], base: dict[int, int], wider: dict[int, int], known: list[list[Reading]]
) -> list[list[Reading]]:
    """A box's readings as the part of a row a page break cut, set at the row's top, beside those `known`
    (within a budget of their own, none where it runs out): of those, the ones whose last part's cells reach
    lowest (that part runs to the page's foot, so a cell of it reaches there: `中核市との合同` / `開催により、市`
    / `域を越えた退院` / `支援の調整がし` is a note of four lines, not one of three with the activities' third
    line beside it)."""
    try:
        ways = _box_ways(run, base, wider, [_WIDER_BUDGET, _WIDER_BUDGET], True)
    except _OverBudget:
        return []
    lowest = max((len(way[-1][1]) for way in ways), default=0)
    return [way for way in ways if len(way[-1][1]) == lowest and way not in known]


def _box_ways(
    run: list[str], base: dict[int, int], wider: dict[int, int], budget: list[int], top: bool
) -> list[list[Reading]]:
    """A box's readings with the columns' widths the boxes tell, else with each told column a character
    wider; where each of the first puts the box only in columns whose widths no box tells
    (`未設置町村への支援方法の検` / `討` read as notes where the activities' column, wider than the lines the
    other boxes show, did not hold it), the second too, tried within a budget of their own that the table's
    boxes share (the widths to try are then found from them, see `_hypotheses`)."""
    narrow = _box_readings(run, base, budget, top)
    if not narrow:
        return _box_readings(run, wider, budget, top)
    if any(column in base for way in narrow for part, _ in way for column in part):
        return narrow
    own = [budget[1]]
    try:
        wide = _box_readings(run, wider, own, top)
    except _OverBudget:
        budget[1] = 0
        return narrow
    budget[1] = own[0]
    return narrow + [way for way in wide if way not in narrow]


def _late_notes(runs: list[Box], boxes: list[Box], headers: set[int]) -> int | None:
    """The first run after the notes' header cell where pdftotext wrote that cell after the rows' cells
    (`特記事項等(課題・強み等)` / `各委員が…` after the last row's activities: the notes right after it are
    not the last row's), else None."""
    late = [
        i
        for box in boxes
        for i, text, _ in box
        if i in headers and i > runs[0][0][0] and "".join(text.split()) in HEADERS[0][_NOTES]
    ]
    if not late:
        return None
    return next((k for k, run in enumerate(runs) if run[0][0] > late[0]), None)


def _header_widths(lines: list[str]) -> dict[int, int]:
    """The widths the header's lines tell each column has at least: a header cell's line is the
    column's as a row's is (`開催頻` / `度`: the frequencies' column is six wide, where its rows' lines
    `3 回/` / `年`, a count's digit narrow, show four only), a Latin character in it (`特記事項等(課`)
    counted as none (its width is the font's)."""
    out: dict[int, int] = {}
    for line in lines:
        for word in _text(line).split():
            columns = [c for c, cell in enumerate(_HEADER_CELLS) if word in cell]
            if len(columns) == 1:
                least = _size(word) - sum(1 for c in word if c.isascii())
                out[columns[0]] = max(out.get(columns[0], 0), least)
    return out


def _cells(table: Rows) -> tuple[int, int]:
    """A table's cells with text, its notes kept apart counted, and those notes: of the readings the
    columns' widths allow, the one of the fewest cells is the table's (two lines one under the other are
    rather one cell's, its first line filling its column, than two one-line cells' side by side: see
    `_narrowed`), and of those the one that tells the most notes' rows (a box of activities and one of
    notes, both of one column's width, are rather a row's two cells in their order than notes apart)."""
    rows, rest = table
    return sum(1 for row in rows for cell in row if cell) + len(rest), len(rest)


def _merged(run: list[str], widths: dict[int, int], budget: list[int]) -> list[list[Reading]]:
    """A box no reading by heights holds, read as two neighbouring columns' cells, a name and its
    members or activities and their notes, whose printed lines pdftotext wrote merged, each column's
    in its order, two at one height on one line a space apart or one after the other in either order
    (a list's items, spaced apart, stand off the heights of the cell beside it):

        ・圏域連絡会 / 議の報告と全 / 理 / 圏域で出た課題を県の / ・長期入院者 施策に反映させる流れ /
        関する方針の 会の決定を市町村に返 / す仕組みが弱い。 / 協議 / ・次年度事業 / 計画の承認

    reads as the activities `・圏域連絡会議の報告と全…理` `・長期入院者…協議` `・次年度事業計画の承認`
    and the notes `圏域で出た課題を県の…す仕組みが弱い。`.  Each cell's lines but its last fill its
    column (a list's, set in from the column's edge, its widest line); the box is read so only where
    one reading holds (as one part), else it has none."""
    found: dict[tuple[tuple[int, tuple[str, ...]], ...], Cells] = {}
    steps = [_MERGE_STEPS]
    for left, right in _MERGED:
        for cells in _merges(run, left, right, widths, steps):
            found[tuple((c, tuple(cell)) for c, cell in sorted(cells.items()))] = cells
            if len(found) > 1 or steps[0] < 0:
                return []
    budget[0] -= _MERGE_STEPS - steps[0]
    if len(found) != 1 or steps[0] < 0:
        return []
    cells = found.popitem()[1]
    for column, cell in cells.items():
        if cell[0].startswith("・") and max(_size(line) for line in cell) < widths.get(column, 0) - _SLACK:
            cell[0] = _SET_IN + cell[0][1:]  # (a list set in from its column's edge: see `_unbulleted`)
    layout: Layout = [[[(column, line)]] for column, cell in cells.items() for line in cell]
    return [[(cells, layout)]]


def _merged_after(run: list[str], widths: dict[int, int], budget: list[int], top: bool) -> list[list[Reading]]:
    """A box no other reading holds, read as its first lines' parts by their heights and then a list's
    items merged with the cell beside it (see `_merged`), the list starting the box's rest: the notes of
    the row above, or a row's members and frequency, then the next row's activities whose items stand
    spaced apart beside their notes (`地域連絡会の課題を区全体で` / `共有する流れができている。` /
    `•事例検討` / `•地域資源の情 地域により参加機関の数に差` / `がある。` / `報交換`): the list starts at the
    box's first line that starts with a bullet, after the first line."""
    start = next((k for k, line in enumerate(run) if line[0] in LIST_BULLETS), 0)
    if start < 1:
        return []
    rest = _merged(run[start:], widths, budget)
    heads = _box_readings(run[:start], widths, budget, top) if rest else []
    return [head + way for head in heads for way in rest]


def _merges(run: list[str], left: int, right: int, widths: dict[int, int], steps: list[int]) -> list[Cells]:
    """The ways the lines are the two columns' cells, merged (see `_merged`)."""
    out: list[Cells] = []
    cells: Cells = {left: [], right: []}

    def walk(at: int) -> None:
        steps[0] -= 1
        if steps[0] < 0 or len(out) > 1:
            return
        if at == len(run):
            if all(cells[c] and _merge_fits(c, cells[c], widths) for c in cells):
                out.append({c: list(cell) for c, cell in cells.items()})
            return
        line = run[at]
        options = [[(left, line)], [(right, line)]]
        cuts = [k for k, c in enumerate(line) if c == " " and line[k - 1] not in ",，"]
        options += [[(left, line[:k].strip()), (right, line[k + 1 :].strip())] for k in cuts]
        for option in options:
            if all(_piece(c, piece, widths) and _goes_on(c, cells[c], piece, widths) for c, piece in option):
                for c, piece in option:
                    cells[c].append(piece)
                walk(at + 1)
                for c, _ in option:
                    cells[c].pop()

    walk(0)
    return out


def _goes_on(column: int, cell: list[str], piece: str, widths: dict[int, int]) -> bool:
    """Whether the piece may be the cell's next line: the cell's last line fills its column (a list's
    item may end short: the next starts with a bullet; a list's width is told when it is whole)."""
    if not cell or piece[0] in LIST_BULLETS or cell[0][0] in LIST_BULLETS or column not in widths:
        return True
    return _size(cell[-1]) >= widths[column] - _SLACK - _loose(cell[-1])


def _merge_fits(column: int, cell: list[str], widths: dict[int, int]) -> bool:
    """Whether the lines are a cell of the column (see `_fits`), a list's full lines its widest's."""
    if not _kind(column, _joined(cell), cell):
        return False
    sizes = [_size(line) for line in cell]
    width = widths.get(column, max(sizes[:-1], default=0))
    if any(size > width + _OVER + _loose(line) for size, line in zip(sizes, cell, strict=True)):
        return False
    full = min(width, max(sizes)) if cell[0][0] in LIST_BULLETS else width
    return all(
        sizes[k] >= full - _SLACK - _loose(cell[k]) or cell[k + 1][0] in LIST_BULLETS for k in range(len(cell) - 1)
    )


def _hypotheses(base: dict[int, int], loose: list[list[list[Reading]]]) -> list[dict[int, int]]:
    """The columns' widths to try: those the boxes read one way tell, and for each other column each
    width its full lines have in some reading (the most often seen first)."""
    seen: dict[int, Counter[int]] = {c: Counter() for c in range(_COLUMNS)}
    for ways in loose:
        for way in ways:
            for part, _ in way:
                for column, cell in part.items():
                    if column not in seen:
                        continue  # (a cell's rest: see `_tails`)
                    seen[column].update(_size(line) for line in cell[:-1])
    options = [
        [(c, base[c]), *((c, w) for w in sorted(seen[c]) if base[c] < w <= base[c] + _WIDER)]
        if c in base
        else [(c, w) for w, _ in seen[c].most_common(_TRIES)] or [(c, -1)]
        for c in range(_COLUMNS)
    ]
    return [{c: w for c, w in combo if w >= 0} for combo in itertools.product(*options)]


def _narrowed(ways: list[list[Reading]], widths: dict[int, int]) -> list[list[Reading]]:
    """The box's readings that hold with the widths, of the fewest cells (two lines one under the other
    are rather one cell's than two one-line cells' side by side)."""
    kept = [way for way in ways if all(_holds(reading, widths) for reading in way)]
    fewest = min((sum(len(cells) for cells, _ in way) for way in kept), default=0)
    return [way for way in kept if sum(len(cells) for cells, _ in way) == fewest]


def _holds(reading: Reading, widths: dict[int, int]) -> bool:
    """Whether a part's reading holds with the widths: its cells' lines, and its lines' joins."""
    cells, layout = reading
    if any(c < 0 for c in cells):  # (a cell's rest: its lines fit the column, see `_tails`)
        return any(all(_piece(_TAIL - c, line, widths) for line in cell) for c, cell in cells.items())
    if not all(_fits(c, cell, widths) for c, cell in cells.items()):
        return False
    own = widths | {c: _list_width(cell, widths[c]) for c, cell in cells.items() if c in widths}
    for group in layout:
        for k, line in enumerate(group):
            if any(_full(c, piece, own) is False and not _item(c, piece) for c, piece in line[:-1]):
                return False
            column, piece = line[-1]
            if k + 1 < len(group) and group[k + 1][0][0] == column + 1 and _full(column, piece, widths, 0):
                return False  # (a full line and the next column's at its height are one printed line; a list
                # set in from its column's edge, its widest line full, stands short of the next column)
    return True


def _item(column: int, piece: str) -> bool:
    """Whether a printed line is a whole item of a list of activities (`・社会資源マップの作成`): pdftotext
    runs it on into the notes' line at its height though it ends short of its column."""
    return column == _ACTS and piece[:1] in LIST_BULLETS


def _boxes(region: list[str | None]) -> list[Box]:
    """The runs of non-blank lines, the lines taken out (None) passed over."""
    out: list[Box] = []
    for i, line in enumerate(region):
        if line is None:
            continue
        if not line:
            out.append([])
        elif out and out[-1]:
            out[-1].append((i, line, False))
        else:
            out.append([(i, line, True)])
    return [box for box in out if box]


def _unbulleted(lines: list[str]) -> list[str | None]:
    """The lines, a list's bullet drawn alone on its line taken out with the blank lines around it
    (None: the lines before and after it are one box's), and the item after it marked as set in
    (`・` made `•`, made `・` again in the cells read: LibreOffice sets such a list in from its column's
    edge, so its lines are narrower than the column's)."""
    out: list[str | None] = list(lines)
    mark = not any(_SET_IN in line for line in lines if _LAYOUT.sub("", line))  # (a `•` drawn alone is layout)
    for i, line in enumerate(lines):
        if line and not _LAYOUT.sub("", line):
            out[i] = None
            for step in (-1, 1):
                k = i + step
                while 0 <= k < len(lines) and not lines[k].strip():
                    out[k] = None
                    k += step
            item = out[k] if 0 <= k < len(lines) else None
            if mark and item is not None and item.startswith("・"):
                out[k] = _SET_IN + item[1:]
    return out


def _runs(box: Box, headers: set[int]) -> list[Box]:
    """The box's runs of lines between the header's lines."""
    out: list[Box] = []
    for is_header, group in itertools.groupby(box, key=lambda line: line[0] in headers):
        if not is_header:
            out.append(list(group))
    return out


def _widths(runs: list[list[str]], budget: list[int], top: bool = False) -> dict[int, int]:
    """Each column's width where boxes read one way only as one part tell it: their cells' widest line."""
    seen: dict[int, list[int]] = {}
    wrapped: set[int] = set()  # (a one-line cell is as wide as its text, not its column: it tells no width)
    for run in runs:
        readings: list[Reading] = []
        for span in _NARROW_FIRST:  # (a second reading ends the search: the box tells nothing)
            readings += _readings(run, span, {}, budget, 2 - len(readings), top)
            if len(readings) > 1:
                break
        if len(readings) != 1:
            continue
        for column, cell in readings[0][0].items():
            if not cell[0].startswith(_SET_IN) and not _items(cell):  # (a list set in tells no width)
                seen.setdefault(column, []).extend(_size(line) for line in cell)
                wrapped |= {column} if len(cell) > 1 else set()
    return {column: max(found) for column, found in seen.items() if found and column in wrapped}


def _box_readings(run: list[str], widths: dict[int, int], budget: list[int], top: bool = False) -> list[list[Reading]]:
    """The ways the box's lines are rows' parts one after another, of the fewest parts (up to three)."""
    known: dict[tuple[int, int], list[Reading]] = {}

    def parts(begin: int, end: int) -> list[Reading]:
        if (begin, end) not in known:
            known[begin, end] = [r for span in _SPANS for r in _readings(run[begin:end], span, widths, budget, 0, top)]
            if begin == 0 and end < len(run):  # (a cell's rest before the box's parts: see `_tails`)
                known[begin, end] += [part for way in _tails(run[:end], widths) for part in way]
        return known[begin, end]

    for count in range(1, _PARTS + 1):
        ways: list[list[Reading]] = []
        for cuts in itertools.combinations(range(1, len(run)), count - 1):
            bounds = [0, *cuts, len(run)]
            found: list[list[Reading]] = []
            for k in range(count):
                found.append(parts(bounds[k], bounds[k + 1]))
                if not found[-1]:
                    break
            else:
                budget[0] -= math.prod(len(part) for part in found)  # each way counts against the budget
                if budget[0] < 0:
                    raise _OverBudget
                ways += [list(way) for way in itertools.product(*found)]
        if ways:
            return ways
    return []


def _readings(
    lines: list[str],
    span: tuple[int, int],
    widths: dict[int, int],
    budget: list[int],
    enough: int = 0,
    top: bool = False,
) -> list[Reading]:
    """The ways the lines are one row's cells of the columns `span` (first, last), centred in the row
    (`top`: set at its top; `enough`: so many at most, where more tell nothing more).  Kept (read only)
    with the budget they took, which a later ask is charged again: a box's parts are asked for with the
    same widths by each of its cuttings, and by the table's first and second reading."""
    key = (tuple(lines), span, tuple(sorted(widths.items())), enough, top)
    if key in _READINGS:
        found, cost = _READINGS[key]
        budget[0] -= cost
        if budget[0] < 0:
            raise _OverBudget
        return found
    before = budget[0]
    found = _read(lines, span, widths, budget, enough, top)
    if len(_READINGS) >= _READINGS_KEPT:
        _READINGS.clear()
    _READINGS[key] = found, before - budget[0]
    return found


def _read(
    lines: list[str], span: tuple[int, int], widths: dict[int, int], budget: list[int], enough: int, top: bool
) -> list[Reading]:
    columns = range(span[0], span[1] + 1)
    most = [min(_MOST[c], _lines_for(tuple(lines), c, widths.get(c, -1))) for c in columns]
    if not all(most):
        return []  # (a column none of the lines may hold a piece of)
    if top and not _group_lines(lines, 0, list(columns), widths):
        return []  # (set at the row's top, every cell's first line is at the first height)
    spaces = sum(line.count(" ") for line in lines)
    out: list[Reading] = []
    line_key, width_key = tuple(lines), tuple(sorted(widths.items()))
    held: dict[tuple[int, tuple[int, ...]], list[list[list[str]]]] = {}  # (`_group_lines` by line and group:
    # every count of lines asks for the same heights' lines again, its keys hashed once here)

    def hold(at: int, group: tuple[int, ...]) -> list[list[list[str]]]:
        if (at, group) not in held:
            held[at, group] = _cached_group_lines(line_key, at, group, width_key)
        return held[at, group]

    stood: dict[tuple[int, ...], bool] = {}  # (`_counts` asks again for each height of the tallest)

    def tops(group: tuple[int, ...]) -> bool:
        if group not in stood:
            tallest = [columns[k] for k in group]
            stood[group] = (top or bool(hold(0, tuple(tallest)))) and any(
                _group_lines(lines[-1:], 0, tallest[k:], widths) for k in range(len(tallest))
            )  # (the tallest cells' first lines are the part's first, and their last lines its last; set at
            # the top, every cell's first line is the part's first, as `_read` asked before)
        return stood[group]

    for counts in _counts(most, len(lines), len(lines) + spaces, tops):
        budget[0] -= 1
        if budget[0] < 0:
            raise _OverBudget
        groups = _heights(tuple(zip(columns, counts, strict=True)), top)
        if len(groups) > len(lines) or not hold(0, groups[0]):
            continue
        for cells, layout in _parsed(len(lines), groups, hold, budget):
            if all(_fits(column, cell, widths) for column, cell in cells.items()):
                out.append((cells, layout))
                if len(out) == enough:
                    return out
    return out


@functools.lru_cache(maxsize=4096)
def _lines_for(lines: tuple[str, ...], column: int, width: int) -> int:
    """How many of the lines may hold a printed line of the column: a cell has a line on each of as many
    (a printed line holds one line of each column at most), so no more than these."""
    return sum(1 for line in lines if any(_piece_fits(column, piece, width) for piece in _pieces(line)))


def _pieces(line: str) -> Iterator[str]:
    """The pieces a printed line may be cut into at its spaces (see `_cuts`): each run of its words."""
    cuts = [-1, *_cuts(line), len(line)]
    for a, b in itertools.combinations(range(len(cuts)), 2):
        yield line[cuts[a] + 1 : cuts[b]].strip()


def _counts(most: list[int], low: int, high: int, tops: Callable[[tuple[int, ...]], bool]) -> Iterator[tuple[int, ...]]:
    """Each column's count of lines, up to `most`, their sum from `low` to `high`, the tallest cells
    (their columns' places) some that `tops` lets stand (centred, the tallest cells' first lines are the
    part's first: no other count is tried; set at the top, every cell's are)."""
    for tallest in range(1, max(most) + 1):
        able = [k for k, n in enumerate(most) if n >= tallest]
        for size in range(1, len(able) + 1):
            for top in itertools.combinations(able, size):
                if tops(top):
                    spans = [(tallest, tallest) if k in top else (1, min(n, tallest - 1)) for k, n in enumerate(most)]
                    yield from _ranged(spans, low, high)


def _ranged(spans: list[tuple[int, int]], low: int, high: int) -> Iterator[tuple[int, ...]]:
    """Each choice of a count within each (least, most), their sum from `low` to `high`."""
    if not spans:
        if low <= 0 <= high:
            yield ()
        return
    (least, most), rest = spans[0], spans[1:]
    rest_least, rest_most = sum(a for a, _ in rest), sum(b for _, b in rest)
    for count in range(max(least, low - rest_most), min(most, high - rest_least) + 1):
        for more in _ranged(rest, low - count, high - count):
            yield (count, *more)


@functools.lru_cache(maxsize=4096)
def _heights(counts: tuple[tuple[int, int], ...], top: bool = False) -> list[tuple[int, ...]]:
    """The columns' printed lines top to bottom, grouped by height: at each height, the columns there
    (`counts`: each column's count of lines; `top`: each cell's first line at the row's top, where the
    table's cells are set at their rows' top and not centred: `年 2 県全体の課題の共有、圏域の協
    圏域からあがった課題を県` / `回` / `議の場からの報告、…`).  Kept (read only): every box's readings ask
    for the same counts again."""
    at: dict[int, list[int]] = {}
    for column, count in counts:
        for k in range(count):
            at.setdefault(2 * k - (0 if top else count - 1), []).append(column)  # (doubled: half a line lower)
    return [tuple(at[h]) for h in sorted(at)]


def _parsed(
    count: int,
    groups: list[tuple[int, ...]],
    hold: Callable[[int, tuple[int, ...]], list[list[list[str]]]],
    budget: list[int],
) -> list[Reading]:
    """Each way the `count` lines are the groups' printed lines (`hold`: the ways the lines from a line
    on hold a height's columns, see `_group_lines`): at a height, the columns' lines on one line a space
    apart or on lines one after the other.  Found by dynamic programming
    over the heights: the ways the lines from a line on hold the heights from a height on are found
    once, however many ways the heights above reached that line (a tall box's readings grow with
    its lines, its dead ends would else be walked again for each of them)."""
    reach = list(itertools.accumulate((len(group) for group in reversed(groups)), initial=0))[::-1]
    known: dict[tuple[int, int], list[Reading]] = {}

    def ways(height: int, at: int) -> list[Reading]:
        if (height, at) in known:
            return known[height, at]
        budget[0] -= 1
        if budget[0] < 0:
            raise _OverBudget
        out: list[Reading] = []
        if height == len(groups):
            out = [({}, [])] if at == count else []
        elif len(groups) - height <= count - at <= reach[height]:
            # (each height a line at least, each of its cells' lines one at most)
            group = groups[height]
            for pieces in hold(at, group):
                out += [_placed(group, pieces, rest) for rest in ways(height + 1, at + len(pieces))]
        known[height, at] = out
        return out

    return ways(0, 0)


def _placed(group: tuple[int, ...], pieces: list[list[str]], rest: Reading) -> Reading:
    """The reading of a height's lines (`pieces`, each printed line's pieces) put before the reading
    of the heights below it."""
    cells, layout = rest
    placed = list(zip(group, (t for line in pieces for t in line), strict=True))
    merged = {c: list(v) for c, v in cells.items()}
    for column, text in reversed(placed):
        merged[column] = [text, *merged.get(column, [])]
    here = []
    k = 0
    for line in pieces:
        here.append(placed[k : k + len(line)])
        k += len(line)
    return merged, [here, *layout]


def _group_lines(lines: list[str], used: int, group: list[int], widths: dict[int, int]) -> list[list[list[str]]]:
    """The ways the next lines hold a height's cells, in order: each line one or more, split at spaces."""
    return _cached_group_lines(tuple(lines), used, tuple(group), tuple(sorted(widths.items())))


@functools.lru_cache(maxsize=4096)
def _cached_group_lines(
    lines: tuple[str, ...], used: int, group: tuple[int, ...], widths: tuple[tuple[int, int], ...]
) -> list[list[list[str]]]:
    return list(_group_ways(lines, used, group, dict(widths)))


def _group_ways(
    lines: tuple[str, ...], used: int, group: tuple[int, ...], widths: dict[int, int]
) -> Iterator[list[list[str]]]:
    if not group:
        yield []
        return
    if used >= len(lines):
        return
    line = lines[used]
    cuts = _cuts(line)
    for take in range(1, len(group) + 1):
        for chosen in itertools.combinations(cuts, take - 1):
            bounds = [-1, *chosen, len(line)]
            pieces = [line[bounds[k] + 1 : bounds[k + 1]].strip() for k in range(take)]
            if not all(_piece(c, p, widths) for c, p in zip(group, pieces, strict=False)):
                continue
            if not all(
                c == _ACTS or _full(c, p, widths) is not False for c, p in zip(group, pieces[:-1], strict=False)
            ):
                continue  # (pdftotext runs a line on into the next column's only from a full line; an
                # activities' line is tried in `_holds`, where a list set in from the column's edge is full short of it)
            if (
                take < len(group)
                and group[take] == group[take - 1] + 1
                and _full(group[take - 1], pieces[-1], widths, 0)
            ):
                continue  # (a full line and the next column's line at its height: one line)
            for more in _group_ways(lines, used + 1, group[take:], widths):
                yield [pieces, *more]


def _cuts(line: str) -> list[int]:
    """Where a printed line may be cut into its columns' lines: at a space, but after a Latin comma (`保健, 医療`:
    the list's own) and between a number and its counter after it (`課題 3 つの部会…`: the space `autospace` put
    in a cell's line; a cell's line that ends on a bare number beside one that opens with a counter is none),
    unless a frequency's piece follows the comma (`…地域包括支援センター, 回`: a members' list written with Latin
    commas, its line's last member's comma, and the frequency beside it).  A line of more places than `_MOST_CUTS`
    is cut nowhere: no row's printed line holds so many (its ways to be cut grow as a power of them: a hostile
    line's bound)."""
    cuts = [
        k
        for k, c in enumerate(line)
        if c == " "
        and (line[k - 1] not in ",，" or is_piece(line[k + 1 :].split(" ")[0]))
        and not _COUNTED.match(line, k - 1)
    ]
    return cuts if len(cuts) <= _MOST_CUTS else []


def _piece(column: int, piece: str, widths: dict[int, int]) -> bool:
    """Whether a printed line may be the column's: no wider than it, a frequency's only of its words."""
    return _piece_fits(column, piece, widths.get(column, -1))


@functools.lru_cache(maxsize=8192)
def _piece_fits(column: int, piece: str, width: int) -> bool:
    text = _text(piece)
    if not text or (width >= 0 and _size(text) > width + _OVER + _loose(text)):
        return False
    if column == _FREQ:
        bare = text.replace(" ", "")
        return is_piece(bare) or _each_piece(bare)
    return column != _NAME or not any(c in text for c in "、。")


def _each_piece(bare: str) -> bool:
    """Whether a word is a frequency's piece each body holds (see `_EACH_WORD`, `_EACH_HEADS`)."""
    if _EACH_WORD.fullmatch(bare):
        return True
    heads = (head.match(bare) for head in _EACH_HEADS)
    return any(m is not None and (m.end() == len(bare) or is_piece(bare[m.end() :])) for m in heads)


def _full(column: int, piece: str, widths: dict[int, int], slack: int = _SLACK) -> bool | None:
    """Whether the printed line fills its column, give or take `slack` (None: the column's width is not
    known)."""
    if widths.get(column, 0) < _NARROW:
        return None  # (a narrow column's line, a frequency's, is told no way)
    text = _text(piece)
    return _size(text) >= widths[column] - slack - _loose(text)


def _fits(column: int, cell: list[str], widths: dict[int, int]) -> bool:
    """Whether the lines are a cell of the column: its kind of text, its lines but the last full."""
    return _cached_fits(column, tuple(cell), tuple(sorted(widths.items())))


@functools.lru_cache(maxsize=8192)
def _cached_fits(column: int, lines: tuple[str, ...], width_key: tuple[tuple[int, int], ...]) -> bool:
    """`_fits`, kept (read only): a box's readings ask of the same cells again, once a reading each."""
    cell, widths = list(lines), dict(width_key)
    text = _joined(cell)
    if not _kind(column, text, cell):
        return False
    sizes = [_size(line) for line in cell]
    full = widths.get(column, max((_unhung(line) for line in cell[:-1]), default=0))
    if any(size > full + _OVER + _loose(line) for size, line in zip(sizes, cell, strict=True)):
        return column not in widths and len(cell) == 1  # (a one-line cell tells no width)
    full = _list_width(cell, full)
    told = column in widths  # (a line ends short before a bracket only where the column's width is told)
    # (a list's item may end short of the column: the next line starts the next item)
    return all(
        sizes[k] >= full - _SLACK - _loose(cell[k]) - (_head(cell[k + 1]) if told else 0)
        or cell[k + 1][0] in LIST_BULLETS
        for k in range(len(cell) - 1)
    )


def _unhung(line: str) -> int:
    """A full line's width where the column's is not told: a comma or a stop at its end counted in (it
    may stand inside the column, not past its edge: `…精神科診療所、` / `…学識経験者、行政`, the last
    line as wide as the full ones with their commas)."""
    size = _size(line)
    return size + 2 if _text(line)[-1:] in _HANGING else size


def _head(line: str) -> int:
    """How much shorter than its column the line before may end: the width of the line's first
    characters no line ends between, a bracket and the number or the character inside it (`区版協議` /
    `の場` / `（18` / `区）`: `の場（18` did not fit, nor `（18区）`), else none."""
    found = _UNBROKEN.match(line)
    return _size(found[0]) if found else 0


def _list_width(cell: list[str], width: int) -> int:
    """The width a cell's full lines fill: a list's set in from the column's edge (see `_unbulleted`) its
    widest line's where that is narrower than the column's, else the column's."""
    if len(cell) < 2 or not (cell[0].startswith(_SET_IN) or _items(cell)):
        return width
    return min(width, max(_size(line) for line in cell))


def _items(cell: list[str]) -> bool:
    """Whether the cell's lines are a list of items each starting on a line of its own, a bullet first
    (a list LibreOffice may set in from its column's edge with no bullet drawn apart: `・地域移行、住まい、` /
    `居場所の 3 テーマごと` / `のグループ協議` / `・こころのカフェの振` / `り返り`), no item after another
    on a line (`・県の施策への反映 ・指標` is a text of items that wraps across its column)."""
    return (
        cell[0][0] in LIST_BULLETS
        and any(line[0] in LIST_BULLETS for line in cell[1:])
        and not any(bullet in line[1:] for line in cell for bullet in LIST_BULLETS)
    )


@functools.lru_cache(maxsize=8192)
def _size(line: str) -> int:
    """A printed line's width in display columns: its spaces narrow (a Japanese font's), a comma or a
    stop at its end hanging past the column's edge."""
    text = _text(line).replace(" ", "")
    return display_width(text) - (2 if text[-1:] in _HANGING else 0)


def _loose(line: str) -> int:
    """How much wider a printed line may be than its width in display columns: half of its Latin
    characters (a Latin letter's or a digit's width is the font's, not half a Japanese one)."""
    return (sum(1 for c in line if c.isascii() and c != " ") + 1) // 2


def _kind(column: int, text: str, cell: list[str]) -> bool:
    """Whether the cell's text is of the column's kind."""
    if _FREQUENCY.match(text.replace(" ", "")):
        return column == _FREQ
    if column == _FREQ or is_piece(text.replace(" ", "")):
        return False  # (a frequency's pieces are the frequency's)
    if column == _NOTES and text in NOTHING:
        return True  # (`－`: nothing to note)
    if column == _MEMBERS and text in SAME_AS_ABOVE:
        return True  # (`同上`: the members of the council above)
    if len(text) < 2 or _opens_inside(text) or unbalanced(text) < 0:
        return False  # (a word's end, or a phrase's, or a bracket's close: another cell's wrapped rest)
    if column == _NAME:
        return name_of([_text(line) for line in cell]) is not None or _cut_name(text) or _hearing(text)
    if column == _MEMBERS:
        return (
            "。" not in text
            and text[0] not in LIST_BULLETS
            and (any(c in text for c in "、,，") or (text.endswith(_MEMBER_ENDS) and " " not in text))
            and not _run_in(cell)
            and not any(_frequency_after(line) or _frequency_before(line) for line in cell)
        )
    if name_of([text]) is not None:
        return False  # (a whole council's name is no activity nor note)
    if any(_frequency_head(line) for line in cell):
        return False  # (the frequency's line run into the activities' or the notes')
    if cell[0][0] not in LIST_BULLETS and any(line[0] in LIST_BULLETS for line in cell[1:]):
        return False  # (no list begins inside a cell's text)
    if column == _NOTES:
        return text[0] not in LIST_BULLETS  # (a list is the activities')
    return "。" not in text


def _opens_inside(text: str) -> bool:
    """Whether the text starts as no cell does (a particle, a word's kana end, a bracket's close), not
    with one of the sheets' words that start with a kana (`にも包括実務者部会`: a council's name)."""
    return text[0] in _NO_START and not text.startswith(KANA_WORDS)


def _hearing(text: str) -> bool:
    """Whether the text is a council's name that ends in a hearing (`委員ヒアリング`), not an activity's
    (`委員へのヒアリング`, `…のヒアリング`, a list, a sentence)."""
    return (
        text.endswith(_HEARING)
        and not text.endswith(("へのヒアリング", "のヒアリング"))
        and not any(mark in text for mark in "、。")
        and text[0] not in LIST_BULLETS
    )


def _cut_name(text: str) -> bool:
    """Whether the text is a council's name whose bracketed note the wrap cut, its rest written in a
    box of its own after other rows' cells (`地域精神保健福祉` / `連絡会（世田谷地` … `域）`): a name, then
    a bracket opened and not closed (the rest must close it, see `_takes`)."""
    cut = max(text.rfind("（"), text.rfind("("))
    if unbalanced(text) <= 0 or cut < 0:  # (a 「 left open is no note)
        return False
    return name_of([text[:cut]]) is not None


def _frequency_after(line: str) -> bool:
    """Whether a members' line ends in a word apart of nothing but a frequency's characters (`…精神 年`
    / `科病院、…`: the frequency's first line, `年 4`, run on after the list's at its height)."""
    head, _, word = line.strip().rpartition(" ")
    if not head or word[:1] in "(（" or word.isdigit():
        return False  # (a member's note, `(市)`, `（5か所）`, is the list's)
    return is_piece(word)


def _frequency_before(line: str) -> bool:
    """Whether a members' line opens with a whole frequency, words apart, before other words (`2 回/年
    課題の共有`: a frequency and the activities beside it at their height, no list's line)."""
    words = line.strip().split(" ")
    return any(_FREQUENCY.match("".join(words[:k])) for k in range(1, min(len(words), _FREQUENCY_WORDS + 1)))


def _frequency_head(line: str) -> bool:
    """Whether a line opens with a frequency's piece and a space, other words after it (`4 回 圏域の取組
    状況の共`: the frequency's first line and the activities' at their height), not with a count the text
    goes on with (`年 2 回の研修会`) nor, after `年` or `月`, a date (`年 4 月から検討`)."""
    head = _RUN_ON.match(line)
    if head is None or head.end() == len(line):
        return False
    dated = head.group().startswith(("年", "月"))  # (`年 4 月から`, `月 1 日に`: a date's rest)
    return line[head.end()] not in "回/／～~年" + ("月日度" if dated else "")


def _run_in(cell: list[str]) -> bool:
    """Whether a members' line opens with a word of no list before a space and the list (`青森県精神保健
    福祉審議 精神科病院協会、…`: a name's line run into the list's)."""
    head, _, rest = unspaced(cell[0], True).partition(" ")
    if head.isascii():
        return False  # (`DPAT 統括者、…`: the gap LibreOffice sets after a Western word, the list's own)
    return bool(rest) and not any(c in head for c in "、,，") and "、" in rest


def _text(line: str) -> str:
    return unspaced(line)


def _joined(cell: list[str]) -> str:
    return unspaced(join_cell([(0, line.replace(_SET_IN, "・"), False) for line in cell]))


Rows = tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]  # a table's rows' cells, and its notes kept as text


def _tails(run: list[str], widths: dict[int, int]) -> list[list[Reading]]:
    """A box no other reading holds, read as a cell's last lines that pdftotext wrote in a text block
    of their own, after other rows' cells (`・指標の評` … rows … `価`; `・市町村の` … `の協議の` / `場への
    助` / `言`): lines that open as no cell does (a word's or a phrase's end, one character), each fitting
    the column, one reading a column (the cell they go on is found where the rows are put together, see
    `_assembled`)."""
    text = _text(run[0])
    opening = text and (text[0] in _NO_START or len(_joined(run)) < 2 or unbalanced(_joined(run)) < 0)
    if not opening or any(" " in _text(line) for line in run):
        return []  # (a line of pieces a space apart holds cells side by side: no one cell's rest)
    columns = [column for column in range(_COLUMNS) if all(_piece(column, line, widths) for line in run)]
    return [[({_TAIL - column: list(run) for column in columns}, [])]] if columns else []


def _takes(column: int, cell: list[str], rest: list[str], widths: dict[int, int]) -> bool:
    """Whether a cell's lines go on with a rest written apart (see `_tails`): its last line fills
    the column and ends no sentence, and the cell with the rest is one of the column's."""
    return (
        column in widths
        and unbalanced(_joined(cell)) >= -unbalanced(_joined(rest))  # (a bracket's close on the cell that opened it)
        and not cell[-1].endswith("。")
        and bool(_full(column, cell[-1], {column: _list_width(cell, widths[column])}))
        and _fits(column, cell + rest, widths)
    )


def _assemblies(parts: list[Cells], widths: dict[int, int], late: int) -> set[Rows]:
    """The tables the parts make (see `_assembled`), each list of activities in a part of its own (its
    first line a bullet's) read as a row's own and as the later items of the list above (pdftotext
    cut a list where another cell's box stood between its items)."""
    lists = [
        k
        for k, part in enumerate(parts)
        if _ACTS in part and set(part) <= {_ACTS, _NOTES} and part[_ACTS][0][0] in LIST_BULLETS
    ]
    if len(lists) > _LISTS:
        lists = []
    out: set[Rows] = set()
    for size in range(len(lists) + 1):
        for joined in itertools.combinations(lists, size):
            table = _assembled(parts, widths, set(joined), late)
            if table is not None:
                out.add(table)
    return out


def _assembled(
    parts: list[Cells], widths: dict[int, int], joined: set[int], late: int
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]] | None:
    """The rows the parts make, and the notes whose row is not told: each part to the first row that
    lacks its columns (else a new row), a part in `joined` (a list of activities, maybe with the notes
    beside it) to the activities that came last, as their later items (the list whole filling its
    column; the notes the row's where it has none); notes in a part of their own go to the row whose
    activities the part before held, where the part after is no notes' and the table goes on (`…の検討`
    / `委員が多く、…` / the next row's name) and no notes' header written after two rows or more stands
    between (part `late`, see `_late_notes`), or where they end the table after the last row's
    activities, else they are kept apart
    (pdftotext may write a notes' cell after the next rows' cells, or all the notes after the table:
    which row's they are, the text does not tell); a cell's rest written apart (see `_tails`) to the one
    cell it may end (`_takes`; of several, the one wrapped cell), else kept apart; None unless every row
    has its name, members, frequency and activities."""
    rows: list[Cells] = []
    rest: list[str] = []
    tails: list[tuple[list[int], list[str]]] = []  # (cells' rests and the columns they may be of, see `_tails`)
    listed: Cells = {}  # (the row whose activities came last)
    for k, part in enumerate(parts):
        if any(c < 0 for c in part):
            tails.append(([_TAIL - c for c in part], next(iter(part.values()))))
            continue
        if k in joined:  # (the later items of the list above)
            if _ACTS not in listed or listed[_ACTS][0][0] != part[_ACTS][0][0]:
                return None
            listed[_ACTS] = whole = listed[_ACTS] + part[_ACTS]
            if not _fits(_ACTS, whole, widths):
                return None
            if _NOTES in part:  # (the notes beside the list's later items: the row's, where it has none yet)
                if _NOTES in listed:
                    return None
                listed[_NOTES] = part[_NOTES]
            continue
        if set(part) == {_NOTES}:
            if (
                k > 0
                and (k != late or len(rows) < 2)  # (the notes' header written after the rows stands between:
                # not told; after the first row's cells it is only written in its place)
                and _ACTS in parts[k - 1]
                and _NOTES not in listed
                and (set(parts[k + 1]) != {_NOTES} if k < len(parts) - 1 else listed is rows[-1])
            ):
                listed[_NOTES] = part[_NOTES]  # (alone between its row's activities and the next row, or the
                # table's end after the last row's: the row's)
            else:
                rest.append(_joined(part[_NOTES]))
            continue
        at = next((n for n, row in enumerate(rows) if not set(row) & set(part)), len(rows))
        if at == len(rows):
            rows.append({})
        rows[at].update(part)
        listed = rows[at] if _ACTS in part else listed
    for columns, cell in tails:
        took = [(row, c) for c in columns for row in rows if c in row and _takes(c, row[c], cell, widths)]
        if len(took) > 1:  # (a wrapped cell's last line fills the column where the wrap cut it, a one-line
            # cell's where its text is as long)
            took = [(row, c) for row, c in took if len(row[c]) > 1]
        if len(took) == 1:
            row, column = took[0]
            row[column] = row[column] + cell
        else:  # (no cell, or more than one, this rest goes on: kept apart)
            rest.append(_joined(cell))
    if any(not {_NAME, _MEMBERS, _FREQ, _ACTS} <= set(row) for row in rows):
        return None
    if any(unbalanced(_joined(row[_NAME])) > 0 for row in rows):
        return None  # (a name whose bracket's rest was not found)
    return tuple(tuple(_cell_text(c, row[c]) if c in row else "" for c in range(_COLUMNS)) for row in rows), tuple(rest)


def _cell_text(column: int, cell: list[str]) -> str:
    """A cell's text: its lines joined (see `_joined`), a name's line that opens with `・` run on without a space
    (`…松本` / `・大北・長野`: a name holds no list, the `・` joins its words)."""
    if column != _NAME:
        return _joined(cell)
    lines: list[str] = []
    for line in cell:
        if lines and line.startswith("・"):
            lines[-1] += line
        else:
            lines.append(line)
    return _joined(lines)
