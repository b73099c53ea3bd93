"""The history's table written a row's year and event on one line, its other cells in boxes apart.

pdfminer and plain pdftotext of a Chromium PDF write the 年度/経過/委託 table with each row's year
and its event's first line on one line, a space between, and every other cell in a box of its own:
an event's wrapped rest (after a line as wide as the event column), a year's second event (after a
line that is not), and the commissions — beside their row (pdftotext) or, in pdfminer, some of them
in a run after the table's last row, where an empty commission has no box:

    年度                                        年度	経過	委託
    経過                                        2012年度	…支援事業を開始	群馬県精神保健福祉協会
    委託                                        2016年度	ピアサポーター養成研修を開始
    2012年度 …支援事業を開始                    2018年度	…推進事業を開始し、群馬県精神障害者…を設置した
    群馬県精神保健福祉協会               →      	10圏域で地域移行推進会議を開始
    2016年度 ピアサポーター養成研修を開始       2022年度	病院訪問を対面で再開。…に達した
    2018年度 …推進事業を開始し、群馬県
    精神障害者地域生活支援協議会を設置した      各保健福祉事務所（直営）
    10圏域で地域移行推進会議を開始              －
    2022年度 病院訪問を対面で再開。…に達した    …
    各保健福祉事務所（直
    営）
    －
    …

A box is a commission when it is one (`↓`, `－`, `なし`, the template's `有` or `無`, a name with a
corporation's or an office's word and no event's ending), or when its lines wrapped much narrower than the
event column, or when it is one narrow line between an event's full line and that event's rest (`…市内2病院`
`香川県事業` `で退院支援を開始`); two boxes whose joined lines are a commission's are one (`…保健福祉協`
`会`).  A box that starts as only a wrapped line's rest does (a particle, `ー`, `応。…`) under an event's is
that event's rest however wide its line above; else a box is an event's rest or the year's next event, as
above.  A commission goes to the event it follows; a run of them after the last row (two or more) goes to the
rows without one, in order, when it holds as many cells as they are, else (which row each is cannot be told)
is kept as text below the table with a `missing-table` warning.  pdfminer may write the 委託 header cell with
its column's first cells in one box among the rows, where its layout puts it: the boxes right after it are
commissions, a run whose rows its place does not tell (given to the rows only where as many).  A table with a
year alone on its line is left to `cell_lines_tables`, and so is one whose header's cells share a line (a
converter that joins a row's cells with a space).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import REST_START, display_width, join_wrapped, page_width, unbalanced
from nikosheet.parsing.forms.template_tables import (
    CLOSER,
    COMMISSION_MARK,
    HEADING,
    HISTORY,
    TABLES,
    Piece,
    non_blank,
    unclosed,
)
from nikosheet.vocabulary import AS_ABOVE, EVENT_COLUMNS, EVENT_ENDS

_HEADER = tuple(EVENT_COLUMNS.values())  # 年度, 経過, 委託
_YEAR = TABLES[0].pivots[0]  # the history's pivot: a year, years, a month of a year, `現在`
_NUMBER = re.compile(r"^[0-9０-９]{1,2}$")  # the next heading's number, standing alone
# a commission's own words: a corporation's kind or a body run by itself, whatever the width of its line; or no
# one (`－`, `なし`)
_NONE = re.compile(r"[－\-―ー–—]|なし|無し|同上|未定")  # a commission's mark of none
# a body's legal kind, a mark of none, or the template's 有・無 (`有`, `無`, `有（…法人 …）`)
_CORPORATION = re.compile(rf"法人|株式会社|有限会社|事業団|直営|^(?:{_NONE.pattern})$|^[有無](?:$|[（(])")
# an office's words, a commission's when its lines are narrow or a bracket after them ends it
# (`…相談支援事業所（2か所）`, `…事業所（6か` wrapped; not an event's `…病院（12か所）へ送付`)
_OFFICE = re.compile(r"協会|協議会|連合会|センター|事務所|事業所|病院|大学")
_OFFICE_BRACKET = re.compile(rf"(?:{_OFFICE.pattern})[（(][^（()）]*[)）]?$")
# what only a wrapped line's rest starts with: a closing mark, a long vowel mark, `し、`, a word's end
_REST_MARK = re.compile(r"[、。）」』ー]|し[、，]|[^\s。]。")
_PARTICLE_REST = re.compile(REST_START)  # a particle or a word's kana end: a rest's start, or an event's (`がん…`)
_KANA_FIRST = re.compile(r"[ぁ-ゖ、。）」]")  # after a full line's step, what goes on with it (`し、…`)
_NARROW = 0.6  # a commission's wrapped lines are narrower than this share of the event column
_FULL = 2  # display columns: a line this near the event column's widest is as wide as it
_ITEM = "・"  # a list's item's bullet
_MOST_ALONE = 3  # a year alone on its line for every three written with their events at most
_BODY_WORD = 4  # characters of a body's name's last word alone on a line: `協議会`, `センター`
_FRAGMENT = 2  # characters of a box no cell is so short as: a wrapped line's rest (`行`, `会`)


def apply(state: FormState) -> None:
    """Rebuild the history's table where its rows are written a year and its event a line."""
    if not signals.history_lines(state.source):
        return
    tokens = non_blank(state.lines)
    page = page_width(state.lines)
    for k, (_, text, _) in enumerate(tokens):
        if HISTORY in text and HEADING.match(text):
            _rebuild(state, tokens, k + 1, page)
            return


def _rebuild(state: FormState, tokens: list[Piece], start: int, page: int) -> None:
    """The table after the history's heading (token `start`), rebuilt when it is written so."""
    k = start
    while k < len(tokens) and tokens[k][1] != _HEADER[1] and not HEADING.match(tokens[k][1]):
        k += 1
    if k >= len(tokens) or tokens[k][1] != _HEADER[1]:
        return
    first = k
    while first > start and tokens[first - 1][1] in _HEADER[:1]:
        first -= 1  # 年度 right above 経過
    head = tokens[first : k + 1]
    body_start = k + 1
    end = body_start
    while end < len(tokens) and not HEADING.match(tokens[end][1]):
        end += 1
    rows = max((display_width(t[1]) for t in tokens[body_start:end] if _YEAR.match(t[1])), default=0)
    end = next((j for j in range(body_start, end) if tokens[j][2] and _paragraph(tokens[j][1], rows, page)), end)
    while end > body_start and _NUMBER.match(tokens[end - 1][1]):
        end -= 1  # the next heading's number, written before its title
    body = tokens[body_start:end]
    late = [t for t in body if t[1] in _HEADER]  # 委託 written after the rows, a header written again
    # the boxes right after 委託 written among the rows: its column's first cells, of rows not told
    untold = {body[j + 1][0] for j, t in enumerate(body[:-1]) if t[1] == _HEADER[2] and not _YEAR.match(body[j + 1][1])}
    body = _without_headers(body)
    if _HEADER[2] not in [t[1] for t in head + late]:
        return
    read = _read(body, untold)
    if read is None:
        return
    events, apart = read
    _write(state, [*head, *late], events, apart, body[-1][0])


def _paragraph(text: str, rows: int, page: int) -> bool:
    """Whether a box's first line is the history's text below the table: no year's, wider than every
    row's line, or as wide as the page and a sentence's end."""
    if _YEAR.match(text):
        return False
    return display_width(text) > rows + _FULL or (display_width(text) >= page - _FULL and text.endswith("。"))


class _Event:
    """A row of the history: its year (empty: the year's next event), its event's lines, its
    commission's lines, and its first source line."""

    __slots__ = ("commission", "event", "index", "items", "year")

    def __init__(self, year: str, event: list[str], index: int) -> None:
        self.year = year
        self.event = event
        self.commission: list[str] = []
        self.index = index
        self.items: set[int] = set()  # the event's lines that start a list's next item


def _without_headers(body: list[Piece]) -> list[Piece]:
    """The body without its header cells written among or after the rows, the line after one starting a
    box of its own (`委託` / `長野県` in one text box: the commission column's header and first cell)."""
    out: list[Piece] = []
    after = False
    for index, text, blank in body:
        if text in _HEADER:
            after = True
            continue
        out.append((index, text, blank or after))
        after = False
    return out


def _boxes(body: list[Piece]) -> list[list[Piece]]:
    """The body's lines in boxes: a year's line starts one, a blank line before a line starts one."""
    boxes: list[list[Piece]] = []
    for piece in body:
        if not boxes or piece[2] or _YEAR.match(piece[1]):
            boxes.append([piece])
        else:
            boxes[-1].append(piece)
    return boxes


def _read(body: list[Piece], untold: set[int]) -> tuple[list[_Event], list[list[Piece]]] | None:
    """The events, and the boxes of a commissions' run after the last row that cannot be told to
    their rows; None when the table is not so written.  `untold`: the lines that start a box written
    right after the 委託 header cell among the rows (pdfminer writes the column's header with its first
    cells in one text box, placed among the rows wherever its layout puts it): commissions, a run
    whose rows its place does not tell."""
    column = _event_column(body)
    if column is None:
        return None
    reading = _Reading(column, _boxes(body), untold)
    for b, box in enumerate(reading.boxes):
        if box:  # (an empty box: a commission's wrapped end, taken with the box above)
            reading.read(b, box)
    if any(event.event == [""] for event in reading.events):
        return None  # (a year alone on its line whose event the table's lines do not hold)
    return _settle(reading.events, reading.runs, reading.told)


def _event_column(body: list[Piece]) -> int | None:
    """The event column's wrapped width (its widest first line beside a year), or None where the table is
    not written a year and its event's first line on one line."""
    if len(body) < 2 or not _YEAR.match(body[0][1]) or any(_NUMBER.match(p[1]) for p in body):
        return None
    firsts = []
    alone = 0
    for _, text, _ in body:
        m = _YEAR.match(text)
        if m is None:
            continue
        rest = text[m.end() :]
        if not rest.strip() and m.end() == len(text):
            alone += 1  # a year alone on its line, its event in the box after
            continue
        if not rest.strip() or not rest[0].isspace():
            return None  # a year run into its event: the cell-per-line readers' table
        firsts.append(_cut(rest.strip())[0])
    if len(firsts) < 2 or alone * _MOST_ALONE > len(firsts):
        return None  # (years mostly alone on their lines: the cell-per-line readers' table)
    return max(display_width(t) for t in firsts)


_Runs = list[tuple[int, list[list[Piece]]]]  # commissions' boxes after the row they follow (its index)


class _Reading:
    """The table read a box at a time: the events so far, the commissions' runs, the runs that start
    right after 委託 (`told`), whether the box before was a commission's (`kept_apart`) and the row below
    a commission whose rest came late (`flow`: its column's next cell is that row's)."""

    def __init__(self, column: int, boxes: list[list[Piece]], untold: set[int]) -> None:
        self.column = column
        self.boxes = boxes
        self.untold = untold
        self.events: list[_Event] = []
        self.runs: _Runs = []
        self.told: set[int] = set()
        self.kept_apart = False
        self.flow: int | None = None

    def read(self, b: int, lines: list[Piece]) -> None:
        """Read the b-th box with the first rule that takes it."""
        box = _Box(b, lines, [t for _, t, _ in lines], self.flow)
        self.flow = None
        for rule in _RULES:
            kept = rule(self, box)
            if kept is not None:
                self.kept_apart = kept
                return

    @property
    def last(self) -> _Event:
        """The last row read."""
        return self.events[-1]

    def run_after_last(self) -> bool:
        """Whether the last commissions' run follows the last row read."""
        return bool(self.runs) and self.runs[-1][0] == len(self.events) - 1


class _Box(NamedTuple):
    """A box to read: its place among the boxes, its lines, their texts, and the row below a late rest."""

    at: int
    lines: list[Piece]
    cells: list[str]
    below: int | None

    @property
    def text(self) -> str:
        """The box's first line."""
        return self.lines[0][1]


# The rules, in order: each takes a box (and says whether it was a commission's) or passes it on (None).


def _year_row(r: _Reading, box: _Box) -> bool | None:
    """A year and its event's first line (a commission after it, a space apart, on the line too)."""
    m = _YEAR.match(box.text)
    if m is None:
        return None
    event, commission = _cut(box.text[m.end() :].strip())
    r.events.append(_Event(box.text[: m.end()].strip(), [event], box.lines[0][0]))
    if commission:
        r.last.commission = [commission]
    _event_lines(r.events, box.lines[1:], r.column)
    return False


def _untold_run(r: _Reading, box: _Box) -> bool | None:
    """A box right after the 委託 header cell: a commissions' run its place does not tell."""
    if box.lines[0][0] not in r.untold:
        return None
    r.told.add(len(r.runs))
    r.runs.append((len(r.events) - 1, [box.lines]))
    return True


def _year_alone_event(r: _Reading, box: _Box) -> bool | None:
    """The event of a year alone on its line."""
    if r.last.event != [""] or box.text == AS_ABOVE or _CORPORATION.search(box.text):
        return None
    r.last.event = [box.text]
    _event_lines(r.events, box.lines[1:], r.column)
    return r.kept_apart


def _commission_end_past_row(r: _Reading, box: _Box) -> bool | None:
    """`…社会福祉` … `協議会`: a commission's wrapped end, after the next row's line."""
    if not _ended(r.last, r.column) or (late := _commission_rest(r.events, r.runs, box.lines)) is None:
        return None
    r.flow = late()
    return True


def _commission_bracket_end(r: _Reading, box: _Box) -> bool | None:
    """`…事業所（6か` `所）`: the commission's wrapped end."""
    if not r.last.commission or not _closes([(box.lines[0][0], r.last.commission[-1], False)], box.cells):
        return None
    r.last.commission[-1] += "\n" + box.text
    return True


def _run_bracket_end(r: _Reading, box: _Box) -> bool | None:
    """`社会福祉法人（…センター` `運営法人）`: a run's commission's wrapped end."""
    if not r.run_after_last() or not _closes(r.runs[-1][1][-1], box.cells):
        return None
    r.runs[-1][1][-1].extend(box.lines)
    return True


def _commission_last_word(r: _Reading, box: _Box) -> bool | None:
    """A commission's name's wrapped last word."""
    commission = r.last.commission
    if not commission or not _rest_of(commission[-1], box.cells) or not _ended(r.last, r.column):
        return None
    commission[-1] += "\n" + box.text
    return True


def _run_last_word(r: _Reading, box: _Box) -> bool | None:
    """`…ながのピアサポートネッ` `トワーク`: a commission of a run, its wrapped end."""
    if not r.run_after_last():
        return None
    line = r.runs[-1][1][-1][-1][1]
    if not (_open_end(line, box.text) and _rest_of(line, box.cells) and _ended(r.last, r.column)):
        return None
    r.runs[-1][1][-1].extend(box.lines)
    return True


def _bracket_end_past_rows(r: _Reading, box: _Box) -> bool | None:
    """`…事業所（3か` … later rows … `所）`: the commission column's box, on after the rows it passed."""
    if (late := _late_close(r.events, r.runs, (box.lines, r.column))) is None:
        return None
    r.flow = late()
    return True


def _count_in_brackets(r: _Reading, box: _Box) -> bool | None:
    """`…相談支援事業所` `域移行推進員を配置` `（3か所）`: the commission's count, its line apart."""
    if (join := _count_note(r.events, r.runs, box.lines)) is None:
        return None
    join()
    return True


def _rest_after_event(r: _Reading, box: _Box) -> bool | None:
    """`ー・区保健センター）`: an event's rest, as no commission starts, after an event's box."""
    if r.kept_apart or not _event_rest(r.last, box.cells, r.column):
        return None
    _event_lines(r.events, box.lines, r.column, True)
    return False


def _rest_past_its_commission(r: _Reading, box: _Box) -> bool | None:
    """`…の推進を位置` `↓` `づけ`: the event's rest past its commission."""
    if not r.kept_apart or not _rest_past_commission(r.last, r.runs, len(r.events) - 1, (box.text, r.column)):
        return None
    _event_lines(r.events, box.lines, r.column, True)
    return False


def _commission_box(r: _Reading, box: _Box) -> bool | None:
    """A commission: the row's, the next row's below a late rest (`flow`), or the next of a run."""
    after = r.boxes[box.at + 1 : box.at + 2]
    wrapped = _wrapped_commission(box.cells, after, r.column)
    if not (wrapped or _commission(box.cells, r.column) or _beside(r.last, box.cells, after, r.column)):
        return None
    lines = box.lines
    if wrapped:
        lines = [*lines, *r.boxes[box.at + 1]]
        r.boxes[box.at + 1] = []
    if box.below is not None and _free(r.events, r.runs, box.below):
        r.events[box.below].commission = ["\n".join(t for _, t, _ in lines)]  # the column's next cell: the row's
        r.flow = box.below + 1
    elif r.run_after_last():
        r.runs[-1][1].append(lines)
    else:
        r.runs.append((len(r.events) - 1, [lines]))
    return True


def _event_wrap(r: _Reading, box: _Box) -> bool | None:
    """The event's rest, or its list's next item, in a box of its own."""
    if not (_goes_on(r.last.event[-1], box.text, r.column) or _next_item(r.last, box.text, r.column)):
        return None
    _event_lines(r.events, box.lines, r.column, True)
    return False


def _commission_cut_in_word(r: _Reading, box: _Box) -> bool | None:
    """`各圏域の指定一般相談支援事`: a commission whose `業所` comes later."""
    row = len(r.events) - 1
    if not _cut_office(r.last, box.cells, (r.column, r.boxes[box.at + 1 :])) or any(x == row for x, _ in r.runs):
        return None
    r.runs.append((row, [box.lines]))
    return True


def _next_event(r: _Reading, box: _Box) -> bool | None:
    """The year's next event."""
    r.events.append(_Event("", [box.text], box.lines[0][0]))
    _event_lines(r.events, box.lines[1:], r.column)
    return False


_RULES: tuple[Callable[[_Reading, _Box], bool | None], ...] = (
    _year_row,
    _untold_run,
    _year_alone_event,
    _commission_end_past_row,
    _commission_bracket_end,
    _run_bracket_end,
    _commission_last_word,
    _run_last_word,
    _bracket_end_past_rows,
    _count_in_brackets,
    _rest_after_event,
    _rest_past_its_commission,
    _commission_box,
    _event_wrap,
    _commission_cut_in_word,
    _next_event,
)


def _event_lines(events: list[_Event], lines: list[Piece], column: int, rest: bool = False) -> None:
    """Lines of an event's box: each goes on the event above after a line as wide as the event
    column (or, `rest`, the first whatever it follows), else starts the year's next event."""
    for n, (index, text, _) in enumerate(lines):
        last = events[-1]
        item = _next_item(last, text, column)
        if (rest and n == 0) or _goes_on(last.event[-1], text, column) or item:
            if item:
                last.items.add(len(last.event))
            last.event.append(text)
        else:
            events.append(_Event("", [text], index))


def _goes_on(line: str, text: str, column: int) -> bool:
    """Whether `text` is the rest of the event whose last line is `line`: `text` starts as only a rest
    does (`ー・区保健センター）`, `応。…`) and `line` is no sentence's end, however narrow (a converter's
    widths are not the page's); else that line as wide as the event column, and it does not end with an
    event's step (`…を開始`) unless `text` starts with a kana (`し、…`)."""
    if _REST_MARK.match(text) and not line.endswith("。"):
        return True
    if display_width(line) < column - _FULL:
        return False
    return not line.endswith(EVENT_ENDS) or _KANA_FIRST.match(text) is not None


def _next_item(event: _Event, text: str, column: int) -> bool:
    """Whether `text` is the next item of the event's list: the event's cell is a list (its first line
    starts with a bullet), `text` starts with one, and the line above it stops short of the event
    column (a line as wide may have wrapped before a middle dot: `…小倉北区` `・八幡西区…`) or ends on an
    event's step (`…推進事業を開始` `・区別地域連携会議を…`: no middle dot follows one)."""
    above = event.event[-1]
    short = display_width(above) < column - _FULL or above.endswith(EVENT_ENDS)  # (no middle dot follows a step)
    return text.startswith(_ITEM) and event.event[0].startswith(_ITEM) and short


def _event_rest(event: _Event, cells: list[str], column: int) -> bool:
    """Whether a box below an event's (not a commission's) is the event's rest, whatever the width of
    the event's last line: it starts as only a rest does (`_rest_start`), and a kana first is no
    commission's name (`みやぎ心のケアセンター（…）`, `なし`)."""
    text = cells[0]
    if not _rest_start(text, event.event[-1]):
        return False
    return _REST_MARK.match(text) is not None or not _commission(cells, column)


def _rest_past_commission(event: _Event, runs: _Runs, row: int, told: tuple[str, int]) -> bool:
    """Whether a box right after a row's one-line commission written beside its event's first line is the
    event's rest (pdfminer: `…の推進を位置` `↓` `づけ`): the event's only line, no step at its end, fills its
    column and the box starts as only that line's rest does, or the box closes a bracket the line left open
    (`…構築推進事` `↓` `業」を開始`)."""
    text, column = told
    if not runs or runs[-1][0] != row or len(runs[-1][1]) != 1 or len(runs[-1][1][0]) != 1 or len(event.event) != 1:
        return False
    line = event.event[-1]
    if line.endswith(EVENT_ENDS):
        return False
    if unbalanced(line) > 0 and unbalanced(line + text.split(" ")[0]) < unbalanced(line):
        return True  # (a line whose bracket the box closes goes on, however wide)
    return display_width(line) >= column - _FULL and _rest_start(text, line)


def _rest_start(text: str, line: str) -> bool:
    """Whether `text`, below an event's last line `line`, starts as only that event's rest does: a closing
    mark, a long vowel mark, `し、`, or a word's last character and a full stop (`応。県事業は…`); or a
    particle or a word's kana end where `line` ends neither a sentence nor an event's step (an event may
    start with one: `がん患者の…`, `はじめての…`, after `…を設置`)."""
    if line.endswith("。"):
        return False
    if _REST_MARK.match(text):
        return True
    return not line.endswith(EVENT_ENDS) and _PARTICLE_REST.match(text) is not None


def _settle(events: list[_Event], runs: _Runs, untold: set[int]) -> tuple[list[_Event], list[list[Piece]]] | None:
    """The commissions given to their rows: a box to the row it follows (not one of a run after 委託,
    `untold`); a run of boxes to the rows without one since the last that has one, in order, when they
    are as many; else kept apart."""
    apart: list[list[Piece]] = []
    for n, (after, boxes) in enumerate(runs):
        if after < 0:
            return None
        cells = ["\n".join(t for _, t, _ in box) for box in boxes]
        if len(boxes) == 1 and not events[after].commission and n not in untold:
            events[after].commission = [cells[0]]
            continue
        open_ = []
        for event in reversed(events[: after + 1]):
            if event.commission:
                break
            open_.append(event)
        if len(open_) == len(boxes):
            for event, cell in zip(reversed(open_), cells, strict=True):
                event.commission = [cell]
        else:
            apart.extend(boxes)
    return events, apart


def _closes(box: list[Piece], cells: list[str]) -> bool:
    """Whether a box of one line closes the bracket a commission's box left open: its wrapped end."""
    text = "".join(t for _, t, _ in box)
    return len(cells) == 1 and unclosed(text) and not unclosed(text + cells[0]) and "。" not in cells[0]


def _commission(cells: list[str], column: int) -> bool:
    """Whether a box's lines are a commission's: `↓`, a corporation's kind (`社会福祉法人 …`, `…（直営）`),
    an office with a bracket after it that ends the box, or lines wrapped much narrower than the event column; never a
    sentence or an event's ending (`…を設置`)."""
    text = "".join(cells)
    if text == AS_ABOVE:
        return True
    if text.endswith(EVENT_ENDS) or "。" in text:
        return False
    if _CORPORATION.search(text) or _OFFICE_BRACKET.search(text):
        return True
    narrow = display_width(cells[0]) <= column * _NARROW
    return narrow and (len(cells) > 1 or _OFFICE.search(text) is not None)


# an office's word cut before its end (`…相談支援事`, `…こころのセンタ`): a commission's line, its rest apart
_OFFICE_WORDS = tuple(_OFFICE.pattern.split("|"))
_OFFICE_CUT = re.compile("(?:" + "|".join(re.escape(w[:n]) for w in _OFFICE_WORDS for n in range(1, len(w))) + ")$")


def _cut_office(event: _Event, cells: list[str], told: tuple[int, list[list[Piece]]]) -> bool:
    """Whether a box of one narrow line after an ended event with no commission is the row's commission cut
    before its office's word ends (pdfminer: `各圏域の指定一般相談支援事`, its `業所` after later rows): a later
    box of one line is that word's rest, with it the line is a commission, and it holds no event's step or
    sentence (`…を全区に拡大`, `…普及事業` end on no office's word cut: no box after is `学` or `所`)."""
    column, after = told
    if len(cells) != 1 or event.commission or not _ended(event, column):
        return False
    text = cells[0]
    m = _OFFICE_CUT.search(text)
    if m is None or "。" in text or "を" in text or len(text) <= len(m.group()):
        return False
    rests = {w[len(m.group()) :] for w in _OFFICE_WORDS if w.startswith(m.group()) and w != m.group()}
    rest = next((box[0][1] for box in after if len(box) == 1 and _word_rest(box[0][1], rests)), None)
    return rest is not None and _commission([text + rest], column)


def _word_rest(text: str, rests: set[str]) -> bool:
    """Whether a line is one of a cut word's rests, perhaps with a bracketed note after it (`所（3か所）`)."""
    return any(text == r or (text.startswith(r) and COMMISSION_MARK.fullmatch(text[len(r) :])) for r in rests)


def _beside(event: _Event, cells: list[str], after: list[list[Piece]], column: int) -> bool:
    """Whether a box of one narrow line, written between an event's full first line and a box that
    starts as only an event's rest does, is the row's commission (`…市内2病院` `香川県事業`
    `で退院支援を開始`): a commission no word of `_commission` knows, set beside the event's first line."""
    text = cells[0]
    return (
        len(cells) == 1
        and bool(after)
        and not event.commission
        and display_width(event.event[-1]) >= column - _FULL
        and display_width(text) <= column * _NARROW
        and (_rest_start(after[0][0][1], event.event[-1]) or _fragment(after[0]))
        and not _rest_start(text, event.event[-1])
        and not text.endswith(EVENT_ENDS)
        and "。" not in text
    )


def _fragment(box: list[Piece]) -> bool:
    """Whether a box's first line is too short for any cell (`行`): a wrapped line's rest."""
    text = box[0][1]
    return len(text) <= _FRAGMENT and text != AS_ABOVE and not _CORPORATION.search(text)


# a body's name's last word: what a commission's name ends with (`…協議会`, `…センター`, `…事業所`)
_BODY_END = re.compile(r"(?:会|センター|事業所|事務所|法人|病院|大学|協会|団)$")


def _commission_rest(events: list[_Event], runs: _Runs, box: list[Piece]) -> Callable[[], int | None] | None:
    """How a box of one short line goes on the commission it ends (`協議会` after `市内相談支援事業所 社会福祉`,
    written after the next row's event; `会` after `豊島区民社会福祉協議`; `業所` after `…相談支援事`): the last
    commission written, its last line no body's name's end, and with the box one; else None.  The join gives
    the row below that commission's where it is above the last row (see `_free`)."""
    text = box[0][1]
    if len(box) != 1 or len(text) > _BODY_WORD:
        return None
    own = [event for event in events if event.commission]
    written = [cell for _, cells in runs for cell in cells]
    if not own and not written:
        return None
    in_run = bool(written) and (not own or written[-1][-1][0] > own[-1].index)
    line = written[-1][-1][1] if in_run else own[-1].commission[-1].split("\n")[-1]
    if _BODY_END.search(line) or line == AS_ABOVE or _NONE.fullmatch(line) or _CORPORATION.search(line[-2:]):
        return None  # (a body's whole name, a mark of none or `直営` ends there)
    if not _BODY_END.search(line + text):
        return None  # (`協議会`, or `業所` after `…相談支援事`: the end of a body's name)

    row = (
        next(r for r, cells in reversed(runs) if cells and cells[-1] is written[-1])
        if in_run
        else events.index(own[-1])
    )

    def join() -> int | None:
        if in_run:
            written[-1].append(box[0])
        else:
            own[-1].commission[-1] += "\n" + text
        return row + 1 if row + 1 < len(events) - 1 else None

    return join


def _late_close(events: list[_Event], runs: _Runs, told: tuple[list[Piece], int]) -> Callable[[], int | None] | None:
    """How a box that opens with a bracket's close alone (`所）`), written after later rows, goes on the one
    commission above that left its bracket open (`市内相談支援事業所（3か`), and the commissions after it in the
    box (`↓`) on the rows right below that commission's, in order, where they have none (pdfminer writes the
    commissions' column a box at a time, on after the rows it passed: `…（3か` … rows … `所）` `↓`); else None."""
    box, column = told
    if not CLOSER.fullmatch(box[0][1]) or len(events) < 2:
        return None
    own = [(row, event.commission) for row, event in enumerate(events[:-1]) if event.commission]
    written = [(row, cells[-1]) for row, cells in runs if 0 <= row < len(events) - 1]
    opened = [(row, c) for row, c in own if unclosed(c[-1])]
    opened_runs = [(row, b) for row, b in written if unclosed("".join(t for _, t, _ in b))]
    if len(opened) + len(opened_runs) != 1:
        return None
    row = (opened or opened_runs)[0][0]
    rest = [text for _, text, _ in box[1:]]
    below = events[row + 1 : row + 1 + len(rest)]
    taken = {r for r, _ in runs}
    if len(below) != len(rest) or any(e.commission for e in below) or taken & set(range(row + 1, row + 1 + len(rest))):
        return None
    if not all(text == AS_ABOVE or _commission([text], column) for text in rest):
        return None

    def join() -> int | None:
        if opened:
            opened[0][1][-1] += "\n" + box[0][1]
        else:
            opened_runs[0][1].append(box[0])
        for event, text in zip(below, rest, strict=True):
            event.commission = [text]
        after = row + 1 + len(rest)
        return after if after < len(events) - 1 else None

    return join


def _free(events: list[_Event], runs: _Runs, row: int) -> bool:
    """Whether a commission box right after a commission's late rest is the cell below it in its column, the
    row below's (pdfminer: `…相談支援事` … rows … `業所` `直営`, `…（3か` … `所）` `↓`): that row is above the
    last, and has no commission of its own."""
    return row < len(events) - 1 and not events[row].commission and all(r != row for r, _ in runs)


# a count in brackets alone (`（3か所）`, `(2法人)`): a note on the commission above, never a commission or an event
_COUNT_NOTE = re.compile(r"[（(][0-9０-９]{1,3}\s*(?:か所|カ所|ヶ所|箇所|法人|団体|事業所|病院|人|名)[）)]")


def _count_note(events: list[_Event], runs: _Runs, box: list[Piece]) -> Callable[[], None] | None:
    """How a box of a count in brackets alone goes on its row's commission, written apart after the event's
    rest (pdfminer: `…相談支援事業所` `域移行推進員を配置` `（3か所）`): the row's last commission ends a body's name
    (`…事業所`, no bracket after it); else None."""
    if len(box) != 1 or not _COUNT_NOTE.fullmatch(box[0][1]):
        return None
    if runs and runs[-1][0] == len(events) - 1:
        written = runs[-1][1][-1]
        return (lambda: written.append(box[0])) if _BODY_END.search(written[-1][1]) else None
    own = events[-1].commission
    if own and _BODY_END.search(own[-1].split("\n")[-1]):
        return lambda: own.__setitem__(-1, own[-1] + "\n" + box[0][1])
    return None


def _wrapped_commission(cells: list[str], after: list[list[Piece]], column: int) -> bool:
    """Whether a box of one narrow line, no commission alone, and the next box, one line at most half
    as wide, are a commission wrapped into two boxes (`愛知県精神保健福祉協` `会`): joined they hold a
    corporation's or an office's word."""
    if len(cells) != 1 or not after or len(after[0]) != 1:
        return False
    first, rest = cells[0], after[0][0][1]
    return (
        display_width(first) <= column * _NARROW
        and display_width(rest) * 2 <= display_width(first)
        and not _commission(cells, column)
        and not _YEAR.match(rest)
        and _commission([first, rest], column)
        and (_CORPORATION.search(first + rest) or _OFFICE.search(first + rest)) is not None
    )


def _cut(rest: str) -> tuple[str, str]:
    """A year's line's event and, a space after it, its commission on the same line (`…に拡大
    各圏域の指定一般相談支援事業所（6か`, `…に再編 －`, `…を設置 特定非営利活動法人 たかまつ…`)."""
    for m in re.finditer(" ", rest):
        event, tail = rest[: m.start()].strip(), rest[m.end() :].strip()
        if event and tail and _commission([tail], display_width(tail) * 2):
            return event, tail
    return rest, ""


def _open_end(line: str, text: str) -> bool:
    """Whether a commission's line may go on in the line after it: no body's name's end, bracket's close
    or mark of none (`－`) ends it, and the line after is no commission of its own (`↓`, `（直営）`)."""
    return (
        not _BODY_END.search(line)
        and not line.endswith((")", "）"))
        and _NONE.fullmatch(line) is None
        and text != AS_ABOVE
        and not _CORPORATION.search(text)
    )


def _ended(event: _Event, column: int) -> bool:
    """Whether the event's last line ends it: short of the event column, or on an event's ending."""
    return display_width(event.event[-1]) < column - _FULL or event.event[-1].endswith(EVENT_ENDS)


def _rest_of(commission: str, cells: list[str]) -> bool:
    """Whether a box of one line is the wrapped rest of the commission above it (`特定非営利活動法人
    たかまつ地域生活支援ピ` `アネットワーク`): no event's ending, no sentence, no wider than its line."""
    text = cells[0]
    return (
        len(cells) == 1
        and not text.endswith(EVENT_ENDS)
        and "。" not in text
        and display_width(text) < display_width(commission.split("\n")[-1])
    )


def _write(state: FormState, head: list[Piece], events: list[_Event], apart: list[list[Piece]], last: int) -> None:
    """The table's header and rows in place of its lines, from its header's first line to `last`; a
    run of commissions kept apart written below it, each a line of its own, with a warning."""
    first = min(p[0] for p in head)
    at_rows = [event.index for event in events]
    if any(box[0][0] < at_rows[-1] for box in apart):
        # a run among the rows: its boxes go below the last row, each a line of its own (the last rows
        # moved up where the lines below them are too few)
        room = last - len(apart) - 1
        for n in range(len(at_rows) - 1, -1, -1):
            at_rows[n] = min(at_rows[n], room - (len(at_rows) - 1 - n))
        if at_rows[0] <= first:
            return  # (the rows' indices, each the lesser of two rising runs, rise)
        kept = {at_rows[-1] + 2 + n: box for n, box in enumerate(apart)}
        taken: set[int] = set()
    else:
        kept = {box[0][0]: box for box in apart}
        taken = {p[0] for box in apart for p in box}
    for i in range(first, last + 1):
        if i not in taken:
            state.lines[i] = None
    state.lines[first] = "\t".join(_HEADER)
    for event, at in zip(events, at_rows, strict=True):
        text = ""
        for n, line in enumerate(event.event):
            text = f"{text} {line}" if n in event.items else join_wrapped(text, line)
        state.lines[at] = f"{event.year}\t{text}\t{_joined(event.commission)}"
    for at, box in kept.items():
        if taken:  # (kept where it stands: its lines but its first are layout)
            for index, _, _ in box:
                state.lines[index] = None
        state.lines[at] = functools.reduce(join_wrapped, (t for _, t, _ in box), "")
        state.alone.add(at)
    if apart:
        at = min(kept)
        if at - 1 > at_rows[-1] and state.lines[at - 1] is None:
            state.lines[at - 1] = ""
        state.note(
            Diagnostic.MISSING_TABLE,
            at,
            str(messages.SHORT_COLUMN_AS_TEXT(column=_HEADER[2], cells=len(apart), rows=_open_rows(events))),
        )


def _joined(cells: list[str]) -> str:
    """A commission's wrapped lines as one."""
    return functools.reduce(join_wrapped, cells[0].split("\n"), "") if cells else ""


def _open_rows(events: list[_Event]) -> int:
    """The rows without a commission after the last that has one."""
    n = 0
    for event in reversed(events):
        if event.commission:
            break
        n += 1
    return n
