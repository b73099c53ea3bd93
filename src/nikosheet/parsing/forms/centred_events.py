"""A history's years and their events in a table whose cells a LibreOffice PDF centred in their rows
(pdfplumber's and markitdown's text, for `centred_rows`).

A year spans its group of events and stands in the group's middle; each event's cells are centred in
the event's own lines.  So a body's name of two lines stands round a one-line event, a `↓` between an
event's two lines, and the year's lines among them (on their own where no cell's line stands level):

    退院促進支援事業を地域体制整備事業に再編し、地域体制整備コーディネータ
    ↓
    平成20 ーを県内4圏域に配置
    年度 福井県精神保健福祉センタ
    ピアサポーターの養成を開始
    ー（直営）

is the year 平成20年度 and two events: `退院促進…コーディネーターを県内4圏域に配置` (`↓`) and
`ピアサポーターの養成を開始` (`福井県精神保健福祉センター（直営）`).  The years' groups and their events
are those that read best: each event has its description (not a body's note), its cells centred in its
lines; no cell goes on after a piece that ended it (short of its column, or on an event's step, `…を
設置`, with no inflection after it) nor starts with what no line starts with (`ー（直営）`); no commission
ends on an event's step, nor is a few hiragana alone (`…と位置付` / `けた`: the description's end); no
description's line ends with the 委託 column's mark after a space (`…事業を再編 －`: the mark is the
commission); no commission ends cut inside a word, its last line filling its column (`…精神保健福祉協` /
`会へ一部委託`: the event goes on below, though its description's line ends a sentence, `…開始。`); an
event but a group's first costs a little, and a group whose year stands off its middle (markitdown may
write a year's line apart from a cell's line level with it) a little more for each line, and so does one
whose events' lines stand off its middle (a group that ends on the year's wrapped end alone, below its one
event: `令和元年 …の設置` / `度` / `実務者会議を…`, the last the year's second event, not the next year's
first).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from nikosheet.parsing.forms._shared import display_width, room_left, unbalanced
from nikosheet.parsing.forms.centred_pivots import Pivot
from nikosheet.parsing.forms.centred_places import MOST_ASYMMETRIC
from nikosheet.parsing.forms.line_cuts import INF, NEW_CELL, TOLERANCE, column_goes_on
from nikosheet.parsing.forms.template_tables import BULLET, Table
from nikosheet.typography import NO_LINE_START, continues
from nikosheet.vocabulary import EVENT_ENDS, NOTHING, SAME_AS_ABOVE

# a row's lines cut with its cells centred (`centred_rows._centred` for an event, with `event_cost`):
# the lines, the pivots' units, the row's first and last line, the columns' widths, and whether cells may
# stand half a line off the middle
Centred = Callable[
    [list[list[str]], dict[int, int], tuple[int, int], list[int], bool], tuple[float, list[list[str]]] | None
]
Group = tuple[tuple[int, int], list[int], list[list[str]]]  # a year's lines, where its events start, their pieces
_Events = list[tuple[int, list[list[str]]]]  # each event's first line (of those kept) and its lines' pieces

_NEXT_EVENT = NEW_CELL / 2  # an event of its own in a year's group: where a cell ended before it
_OFF_MIDDLE = 11.0  # a group whose year stands a half line off its middle
_MOST_LINES = 13  # an event's lines at most
NOTE = re.compile(r"[(（][^()（）]{1,8}[)）]")  # a body's note: `（直営）`
_ONE_CHARACTER = "↓県市区町村国"  # a cell of one character that is whole
_COMMISSION_END = re.compile(
    r"(?:会|センター|所|法人|病院|大学|団|課|局|委託|受託|直営|[)）])$"
)  # a body's, a commission's end
_KANA_END = re.compile(r"[ぁ-ゖ]{1,3}[。、]?")  # a word's wrapped end in kana (`けた`, `る。`)
# a 委託 cell's mark (none, as above), after a description's words
_MARK_AT_END = re.compile(rf"\s(?:{'|'.join(map(re.escape, NOTHING + SAME_AS_ABOVE))})$")


def groups(lines: list[list[str]], pivots: list[Pivot], widths: list[int], centred: Centred) -> list[Group] | None:
    """The years' groups (each year's first and last line, the first line of each of its events, and
    every line's pieces), those that read best; None where none is found."""
    at = {line: unit for pivot in pivots for line, unit in pivot}
    kept = [j for j in range(len(lines)) if len(lines[j]) > (j in at)]  # a year's lines alone left out
    events = _Cuts(lines, at, kept, widths, centred)
    reached: dict[int, tuple[float, list[Group]]] = {0: (0.0, [])}
    for n, pivot in enumerate(pivots):
        first, last = pivot[0][0], pivot[-1][0]
        limit = pivots[n + 1][0][0] - 1 if n + 1 < len(pivots) else len(lines) - 1
        after: dict[int, tuple[float, list[Group]]] = {}
        for top, (cost, found) in reached.items():
            if top > first:
                continue
            for bottom in range(last, limit + 1) if n + 1 < len(pivots) else [limit]:
                group = events.group(top, bottom)
                if group is None:
                    continue
                middle = top + bottom  # twice the group's middle, where its year and its events both stand
                total = cost + group[0] + _OFF_MIDDLE * (abs(middle - first - last) + abs(middle - sum(group[3])))
                if total < after.get(bottom + 1, (INF, []))[0]:
                    after[bottom + 1] = (total, [*found, ((top, bottom), group[1], group[2])])
        reached = after
    cost, found = reached.get(len(lines), (INF, []))
    return found if cost < INF else None


class _Cuts:
    """The events of the table's lines: each run of kept lines cut as an event once."""

    def __init__(
        self, lines: list[list[str]], at: dict[int, int], kept: list[int], widths: list[int], centred: Centred
    ) -> None:
        self.sub = [lines[j] for j in kept]
        self.sub_at = {k: at[j] for k, j in enumerate(kept) if j in at}
        self.kept = kept
        self.widths = widths
        self.centred = centred
        self.cuts: dict[tuple[int, int], tuple[float, list[list[str]]] | None] = {}

    def event(self, start: int, end: int) -> tuple[float, list[list[str]]] | None:
        """Kept lines start..end as one event, cut with its cells centred, and what it costs."""
        key = (start, end)
        if key not in self.cuts:
            span = (start, end)
            cut = self.centred(self.sub, self.sub_at, span, self.widths, False)
            if cut is None and end - start < MOST_ASYMMETRIC:  # taller: too many places to try
                cut = self.centred(self.sub, self.sub_at, span, self.widths, True)
            self.cuts[key] = None if cut is None or cut[0] == INF else cut
        return self.cuts[key]

    def group(self, top: int, bottom: int) -> tuple[float, list[int], list[list[str]], tuple[int, int]] | None:
        """Lines top..bottom as a year's group: what its events cost, where they start, every line's
        pieces, and the events' first and last line."""
        kept = self.kept
        lo = next((k for k, j in enumerate(kept) if j >= top), len(kept))
        hi = next((k for k, j in enumerate(kept) if j > bottom), len(kept))
        none: _Events = []
        best: list[tuple[float, _Events]] = [(0.0, none)] + [(INF, none)] * (hi - lo)
        for end in range(1, hi - lo + 1):
            for start in range(max(0, end - _MOST_LINES), end):
                if best[start][0] == INF:
                    continue
                event = self.event(lo + start, lo + end - 1)
                if event is None:
                    continue
                cost = best[start][0] + event[0] + (_NEXT_EVENT if start else 0.0)
                if cost < best[end][0]:
                    best[end] = (cost, [*best[start][1], (start, event[1])])
        cost, events = best[-1]
        if cost == INF or not events:
            return None
        span = (kept[lo], kept[hi - 1])  # the events' first and last line
        pieces = [[""] * len(self.widths) for _ in range(top, bottom + 1)]
        firsts = [top]
        for start, cut in events:
            if start:
                firsts.append(kept[lo + start])
            for k, line in enumerate(cut):
                pieces[kept[lo + start + k] - top] = line
        return cost, firsts, pieces, span


def cut_off(piece: str) -> bool:
    """A cell's first piece that can only be the rest of a text cut above it: it starts with the particle
    `を` (no word does: `を開始`), or closes a bracket it did not open (`業」を開始`; but a list's number
    with its half bracket, `2）協議の場を設置`, opens none)."""
    return piece[0] == "を" or unbalanced(_LIST_NUMBER.sub("", piece, count=1)) < 0


_LIST_NUMBER = re.compile(r"^[0-9０-９]{1,2}[)）]")  # `1）`, `2)`: a list's number and its half bracket


def event_cost(table: Table, cut: Sequence[Sequence[str]], widths: list[int]) -> float:
    """What an event's cells cost: none without its description (nor one that is a body's note); a
    cell that goes on after a piece that ended it (short of its column, or on an event's step with no
    inflection after it: `…として位置づけ` / `地域…`; a description's line with room left for the next
    line's first character: `…書面開催へ切り替え` / `オンライン…`; but for a list's item or a body's note), or that
    starts with what no line does, or a piece wider than its column; a commission that ends as an
    event does; a cell of one character (a word's end: `…を設` / `置`)."""
    cells = [[line[c] for line in cut if line[c]] for c in range(len(widths))]
    if not cells[0] or NOTE.fullmatch(cells[0][0]):
        return INF
    cost = 0.0
    for c, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        ended = [
            not column_goes_on(table, before, width, False)
            or (before.endswith(EVENT_ENDS) and not continues(piece))
            or (c == 0 and room_left(before, piece, width))  # a description with room left for the next
            for before, piece in itertools.pairwise(cell)
        ]
        cost += NEW_CELL * sum(
            1
            for end, piece in zip(ended, cell[1:], strict=True)
            if end and piece[0] not in BULLET and not NOTE.fullmatch(piece)
        )
        cost += NEW_CELL * (bool(cell) and (cell[0][0] in NO_LINE_START or cut_off(cell[0])))
        cost += NEW_CELL * sum(1 for piece in cell if display_width(piece) > width + TOLERANCE)
    if cells[-1] and cells[-1][-1].endswith(EVENT_ENDS):  # a body's name ends on no event's step
        cost += NEW_CELL
    # a commission cut at the event's end: its last line fills its column, inside a word (`…精神保健福祉協` /
    # `会へ一部委託`: the event goes on below, a sentence's end in its description notwithstanding)
    if (
        cells[-1]
        and column_goes_on(table, cells[-1][-1], widths[-1], False)
        and not _COMMISSION_END.search(cells[-1][-1])
    ):
        cost += NEW_CELL
    # a commission of a few hiragana alone: a description's wrapped end (`…と位置付` / `けた`), no body's name
    # (but `なし`, the column's word for none)
    commission = "".join(cells[-1])
    cost += NEW_CELL * bool(commission and commission not in NOTHING and _KANA_END.fullmatch(commission))
    # the 委託 column's mark after a space at the end of a description's line (`…事業を再編 －`): its cell
    cost += NEW_CELL * sum(1 for piece in cells[0] if _MARK_AT_END.search(piece))
    # a cell of one character: a word's end its column wrapped (`…を設` / `置`), but `↓` or a body (`県`)
    cost += NEW_CELL * sum(1 for cell in cells if len("".join(cell)) == 1 and cell[0] not in _ONE_CHARACTER)
    return cost
