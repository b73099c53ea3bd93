"""Which lines of a table written a cell per line belong to one cell: told by the lines' widths.

A PDF converter that writes a table cell by cell (pypdf, pypdfium2, `pdftotext -raw`, PyMuPDF)
writes a cell that wrapped as several lines.  The page wrapped the cell at its column's width, so
every line of a cell but its last is as wide as the column, and the last is no wider:

    静岡県精神           (10)  ┐
    保健医療福           (10)  │ a cell of a column 10 wide
    祉推進会議           (10)  ┘
    精神科病院協会、精神神経科診療所   (32)  ┐ the next cell: wider than the last line above,
    協会、市長会、町村会、家族会連合   (32)  │ so it cannot be that cell's wrapped rest
    会、当事者、学識経験者        (22)  ┘

Some (pypdf, pypdfium2, `pdftotext -raw`) also join, with a space, a cell's first line to the one
before when the two stand on one line of the page: the cells of a row start on the row's first
line, so a one-line cell is followed on its line by the next cell of its row (`30市町 27市町 ・未設置
の…`), and a new line starts a cell only after a cell that wrapped or at the end of a row.

Given how many cells the lines hold, the lines, and the words of a line, are cut into that many
cells at the least cost: a line shorter than its cell's width before the cell's last line costs
what it falls short, a last line wider than the others what it exceeds; a blank line inside a cell,
a text running on into a list, a cell that ends on a particle or a comma (`の`, `を`, `が`, `や`,
`、`) or on a meeting's count with the name after it on its line (`第1回` / `推進会議`), a history's cell
that holds the 委託 column's mark among its words (`…事業を再編 －` / `ピアサポーター養成…`: the mark is the
commission, the next line the year's next event) or a 委託 cell that ends with an event's step (`…会議を毎` /
`月開催`: the event's wrapped rest), a cut between
the words of a line and, where cells are joined on a line, a one-line cell that ends its line inside a
row cost a fixed price.  A list's items start a
new run of widths within their cell.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from nikosheet.parsing.forms._shared import KANJI_PARTICLE_WORD, display_width
from nikosheet.typography import NO_LINE_START, WORD_START
from nikosheet.vocabulary import AS_ABOVE, BODY_KINDS, EVENT_ENDS, EVENT_STEPS, EVENT_VERBS  # ↓: a cell of its own

_Piece = tuple[int, str, bool]  # source index, text, whether a blank line came before it
_Unit = tuple[int, str, bool, bool]  # piece number, a word of its text, it starts its line, blank before

_TOLERANCE = 2  # display columns: a line may stop a character short (a word or bracket that did not fit)
_BLANK = 40.0  # a blank line inside a cell
_BLANK_AFTER_FULL = 4.0  # a blank line inside a cell after a line as wide as its column (pdfminer's boxes)
_INTO_LIST = 30.0  # a text whose next line starts a list
_CUT = {True: 3.0, False: 8.0}  # a cut between the words of a line, where cells are joined on a line or not
_LONE = 10.0  # where cells are joined on a line: a one-line cell ending its line inside a row
_FULL_LAST = 0.5  # a cell whose last line fills its width: it may as well go on in the next
_FULL_END = 12.0  # a cell ending on a line as wide as its known column, a blank line after: it wrapped there
_OPEN_END = 3.0  # a cell whose text ends on a particle or a comma: a text does not end there
_OPEN_ENDS = ("の", "を", "が", "や", "・")
_COMMAS = ("、", "，", ",")  # a cell ends on a comma still less: three times the price
_SENTENCE_ENDS = ("。", "」", "）", ")")  # a cell that writes sentences ends one
# nor does a text start on a particle, a punctuation mark, a small kana or a long vowel mark
_CLOSED_STARTS = ("の", "を", *(NO_LINE_START - {"・"}))  # (a list's bullet starts an item)
_LONGEST = 24  # words a cell may take
_EMPTY = 6.0  # a cell left empty, where one may be
_OVER_CAP = 30.0  # a line wider than its cell's column
_SHORT_OF_CAP = 3  # a wrapped line short of its column's known width: per column, times the unknown's
_BRACKETS = ("「」", "（）", "()", "『』", "【】")  # a cell closes the brackets it opens
_FRAGMENT = 8.0  # a piece of a word as a cell (`会`, `ター`, `組む`): a wrapped cell's last line
# a 委託 cell that says none or as above (`－`, `↓`): in the history, a word of its own is that cell, never
# an event's word
_MARKS = frozenset(("↓", "－", "―", "なし", "同上", "〃"))
_SHORT_VALUES = frozenset(("↓", "-", "－", "―", "有", "無", "なし", "未定", "同上", "○", "〇", "◯", "●", "×"))
# a cell its column never holds: a `↓` alone where the cells never repeat the one above, an event's
# wording in the commission's column
_ASTRAY = 50.0
# what an event's wording holds and no body's name does (`…を開始`, `…を設置`): in the sheets, 115 of
# 147 events and none of 87 commissions
_EVENT_WORDING = "を"  # (a line that starts with it is a wrapped cell's rest)
# an event's text that ends with its step (`…を設置`) and goes on with a new word (`ピア活動を開始`): two
# events read as one; a wrapped event goes on with hiragana (`…を開始` `し、…`) or a bracket
_WORD_START = re.compile(f"[「『]?[{WORD_START}]")  # (a name in brackets too: `…を開始` `「…会議」を設置`)
_EVENTS_JOINED = 20.0
_UNLIKE = 10.0  # a cell unlike its column's: a sentence in a council's name
# how a sentence's predicate ends (`…する体制とした`, `…が参加する`): an event's, never a body's name
_PREDICATE = re.compile(r"(?:[しすれ]る|[しっ]た|ます|ました)。?$")
# in the history, a verb's past after its kana (`…協議の場と` / `位置付けた`, `…に達した`): an event's end, which
# no commission (a body's name, `－`, `↓`) has
_PAST = re.compile("[\u3041-\u3093]た。?$")
_WORD_CUT = 8.0  # two cells that meet inside a katakana run (`セン` / `ター`): one word wrapped, rather
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]")
# an event's step at a cell's end (`…ケース会議を毎` / `月開催`: the event's wrapped rest), which no body's name
# ends with (not `化`: `…文化`)
_STEPS = tuple(verb for verb in EVENT_VERBS if len(verb) > 1)
_ORDINAL_END = re.compile(r"第[0-9０-９一二三四五六七八九十]{1,3}回$")  # a meeting's count: its name follows it


def cut(
    pieces: Sequence[_Piece],
    count: int,
    bullets: str,
    joined: bool,
    ends_row: Sequence[bool],
    caps: Sequence[int | None] = (),
    empty: bool = False,
    keep_first: bool = False,
    only: Sequence[bool] = (),
    floors: Sequence[int] = (),
    unlike: Sequence[re.Pattern[str] | None] = (),
    boxed: bool = False,
    history: bool = False,
) -> tuple[list[list[_Piece]], float] | None:
    """The pieces cut into `count` cells, in order, and what that costs; None when they cannot be
    (too few words, or too many for the cells).  `joined`: the converter joins the cells of a line
    with a space; `ends_row[k]`: the k-th cell is the last of its row; `caps[k]`: its column's width
    where it is known (a line wider costs much), `floors[k]`: a width its column has at least (its
    header cell's, on one line); `empty`: a cell may be left empty (at a price), but the first when
    `keep_first` (it holds the row's pivot), and only the k-th where `only[k]`, when given, which is
    also the one cell that may be a `↓` alone (a column whose cells repeat the one above: a history's
    commission, never its event) and the one that rather holds no event's wording (`…を開始`), nor,
    in the `history`, a predicate's end (`…とした`: the event's wrapped rest); `unlike[k]`: what the
    k-th cell's column rarely holds (a council's name: no `。`).  `boxed`: the converter writes a
    cell's lines in boxes apart (pdfminer): a line as wide as its column goes on past a blank line."""
    units = _units(pieces, joined)
    n = len(units)
    if n < count and not empty:
        return None
    widths = [display_width(unit[1]) for unit in units]
    inf = float("inf")
    # best[k][i]: the least cost of the first i units as k cells; back[k][i]: where the k-th cell starts
    best = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    best[0][0] = 0.0
    # lone[k][i]: where cells are joined on a line, the last cell with text of the best cut ends its
    # line alone, and no row ended since: the next cell with text, were it on a new line, costs _LONE
    lone = [[False] * (n + 1) for _ in range(count + 1)]
    costs: dict[tuple[int, int, int | None, int], float] = {}  # a cell's cost: its units, its column
    for k in range(1, count + 1):
        cap = caps[k - 1] if k - 1 < len(caps) else None
        floor = floors[k - 1] if k - 1 < len(floors) else 0
        for i in range(0 if empty else k, n + 1 if empty else n - (count - k) + 1):
            for start in range(max(0 if empty else k - 1, i - _LONGEST), i + empty):
                if best[k - 1][start] == inf:
                    continue
                if start == i and ((k == 1 and keep_first) or (only and not only[k - 1])):
                    continue
                if start == i:  # an empty cell: rather the row's last, and rather a later one
                    cost = best[k - 1][start] + _EMPTY + (0.0 if ends_row[k - 1] else 1.0) + 0.1 * (count - k)
                    alone = lone[k - 1][start] and not ends_row[k - 1]
                else:
                    cell = costs.get((start, i, cap, floor))
                    if cell is None:
                        pivot = keep_first and start == 0  # its mark (①) starts no list
                        column = (cap, floor)
                        cell = costs[start, i, cap, floor] = _cost(
                            units, widths, bullets, (start, i), column, (pivot, boxed)
                        )
                    cost = best[k - 1][start] + cell + (_LONE if lone[k - 1][start] else 0.0)
                    if only and not only[k - 1] and i - start == 1 and units[start][1] == AS_ABOVE:
                        cost += _ASTRAY
                    if only and only[k - 1] and _event_wording(units[start:i], history):
                        cost += _ASTRAY  # an event's wording (`…を開始`) in the commission's column
                    if (
                        history
                        and only
                        and only[k - 1]
                        and k > 1
                        and _event_goes_on(units, widths, start, caps[k - 2] if k - 2 < len(caps) else None)
                    ):
                        cost += _WORD_CUT
                    if history and i - start > 1 and any(units[u][1] in _MARKS for u in range(start, i)):
                        cost += _OVER_CAP  # the 委託 column's `－` written beside an event: a cell of its own
                    if history:
                        cost += _EVENTS_JOINED * _lines_meet(units, start, i)
                        cost += _EVENTS_JOINED * sum(
                            _commission_after(units[u - 1], units[u]) for u in range(start + 1, i)
                        )
                    pattern = unlike[k - 1] if unlike else None
                    if pattern is not None and pattern.search("".join(unit[1] for unit in units[start:i])):
                        cost += _UNLIKE
                    if start and _word_cut(units[start - 1][1], units[start][1]):
                        cost += _WORD_CUT
                    if k == 1 and keep_first and empty and _name_goes_on(units, widths, (start, i), cap):
                        cost += NAME_GOES_ON
                    alone = i < n and _alone(units, joined, start, i, ends_row[k - 1])
                    if i < n and not units[i][2]:
                        cost += _CUT[joined]
                if cost < best[k][i]:
                    best[k][i], back[k][i], lone[k][i] = cost, start, alone
    if best[count][n] == inf:
        return None
    cells: list[list[_Piece]] = []
    end = n
    for k in range(count, 0, -1):
        start = back[k][end]
        cells.append(_cell(pieces, units[start:end]))
        end = start
    return cells[::-1], best[count][n]


def wrapped_into(cells: Sequence[Sequence[_Piece]], position: int, cap: int | None) -> bool:
    """Whether the cell at `position` starts on a new line right after a cell whose last line fills
    its column (`cap`, known) and ends inside a sentence (`地域課題の検討、作` / `業部会からの報告、`):
    the page wrapped the cell above there, and this is its rest rather than a cell of its own."""
    if cap is None or position == 0 or not cells[position] or not cells[position - 1]:
        return False
    last, first = cells[position - 1][-1], cells[position][0]
    return (
        last[0] != first[0] and display_width(last[1]) >= cap - _TOLERANCE // 2 and not last[1].endswith(_SENTENCE_ENDS)
    )


def counted(text: str) -> bool:
    """Whether a text ends on a meeting's count (`第2回`), which goes with the name after it."""
    return _ORDINAL_END.search(text) is not None


def count_cut(cells: Sequence[Sequence[_Piece]]) -> bool:
    """Whether a cell ends on a meeting's count (`第2回`) with the next cell's first words on its line
    (`第2回 精神保健福祉連絡協議会`): the count goes with the name after it."""
    return any(
        cell and after and cell[-1][0] == after[0][0] and counted(cell[-1][1])
        for cell, after in itertools.pairwise(cells)
    )


def _units(pieces: Sequence[_Piece], joined: bool) -> list[_Unit]:
    """The pieces' words (split at spaces), or the pieces whole where cells are not joined on a line."""
    out: list[_Unit] = []
    for k, (_, text, blank) in enumerate(pieces):
        words = [w for w in text.split(" ") if w] if joined else [text]
        for w, word in enumerate(words):
            if w and words[w - 1][-1].isdigit() and not word[0].isdigit():  # a number and its unit: `27 市町`
                out[-1] = (k, f"{out[-1][1]} {word}", w == 1, blank and w == 1)
            else:
                out.append((k, word, w == 0, blank and w == 0))
    return out


def _cell(pieces: Sequence[_Piece], units: Sequence[_Unit]) -> list[_Piece]:
    """A cell's units as pieces: the words of one line joined again with a space."""
    out: list[_Piece] = []
    last = -1
    for k, word, _, blank in units:
        if k == last:
            index, text, before = out[-1]
            out[-1] = (index, f"{text} {word}", before)
        else:
            out.append((pieces[k][0], word, blank))
        last = k
    return out


def _cost(
    units: Sequence[_Unit],
    widths: Sequence[int],
    bullets: str,
    span: tuple[int, int],
    column: tuple[int | None, int] = (None, 0),
    kind: tuple[bool, bool] = (False, False),
) -> float:
    """What it costs to read units[start:end] (`span`) as one cell (`widths`: each unit's display
    width; `column`: the width of its column, where known, and a width it has at least; `kind`:
    whether the cell starts with the row's pivot, whose mark starts no list, and whether the cells'
    lines stand in boxes, a blank line after one as wide as its column inside a cell)."""
    start, end = span
    pivot, boxed = kind
    cap, floor = column
    edge = cap if cap is not None else floor or None  # a wrapped line reaches it
    cost = 0.0
    if end - start > 1 and any(units[u][1] == AS_ABOVE for u in range(start, end)):
        cost += _OVER_CAP
    lines: list[int] = []  # the cell's lines' widths
    fulls: list[int] = []  # the widths of its lines that wrapped (every run's but its last)
    run = 0  # the first line of the current run of widths (a list item starts a new one)
    listed = units[start][1][0] in bullets and not pivot
    last = -1
    for u in range(start, end):
        k, word, _, blank = units[u]
        if k == last:
            lines[-1] += 1 + widths[u]
            continue
        last = k
        lines.append(widths[u])
        if u == start:
            continue
        if blank:  # less where the line above fills its known column: the cell wrapped there
            cost += _BLANK_AFTER_FULL if boxed and cap is not None and lines[-2] >= cap - _TOLERANCE // 2 else _BLANK
        if word[0] in bullets:
            cost += 0.0 if listed else _INTO_LIST
            cost += _run_cost(lines, run, len(lines) - 1, edge)
            fulls.extend(lines[run : len(lines) - 2])
            run, listed = len(lines) - 1, True
    ending = units[end - 1][1]
    cost += _OPEN_END * (3 if ending.endswith(_COMMAS) else 1 if ending.endswith(_OPEN_ENDS) else 0)
    cost += _OPEN_END if units[start][1].startswith(_CLOSED_STARTS) else 0.0
    if end < len(units) and not units[end][2] and counted(ending):
        cost += _OPEN_END * 3  # `第1回` / `推進会議` on one line: the count goes with the name after it
    text = "".join(units[u][1] for u in range(start, end))
    cost += _OPEN_END * _unbalanced(text)
    if "。" in text and not text.endswith(_SENTENCE_ENDS) and text[0] not in bullets:  # sentences, one cut
        cost += _OPEN_END
    if _fragment(text):
        cost += _FRAGMENT
    cost += _EVENTS_JOINED * sum(_events_meet(units[u - 1][1], units[u][1]) for u in range(start + 1, end))
    if cap is not None:
        cost += _OVER_CAP * sum(1 for w in lines if w > cap + _TOLERANCE)
        if boxed and end < len(units) and units[end][3] and lines[-1] >= cap - _TOLERANCE // 2:
            cost += _FULL_END
    fulls.extend(lines[run : len(lines) - 1])
    if fulls and max(fulls) - min(fulls) > 2 * _TOLERANCE:  # the items of one cell wrap at one width
        cost += max(fulls) - min(fulls)
    return cost + _run_cost(lines, run, len(lines), edge)


def _name_goes_on(units: Sequence[_Unit], widths: Sequence[int], span: tuple[int, int], cap: int | None) -> bool:
    """Whether a row's pivot cell (an indicator's name, `③区民向け普及啓発講`) ends on a line as wide as
    its known column while the next line, right below it and no list's item, holds no number (`座の
    開催`, not a value `年3回`): the page wrapped the name there, its rest is no other cell."""
    start, end = span
    if cap is None or end >= len(units) or not units[end][2] or units[end][3]:
        return False
    last = max(u for u in range(start, end) if units[u][2])  # the cell's last line's first unit
    return wraps_on(sum(widths[last:end]) + (end - last - 1), units[end][1], cap)


def wraps_on(width: int, after: str, cap: int) -> bool:
    """Whether a name's last line, `width` wide, fills its column (`cap`) and the next line (`after`)
    is no list's item and holds no number: the name's rest."""
    return width >= cap - _TOLERANCE // 2 and after[0] not in "・" and not any(c.isdigit() for c in after)


NAME_GOES_ON = 8.0  # a name read as ending where the page wrapped it (read so only with a cell left empty)


def _event_wording(units: Sequence[_Unit], history: bool) -> bool:
    """Whether a cell's words hold an event's wording (`…を開始`) or, in the history, end as a
    predicate does (`…とした`, `…位置付けた`; a council's notes are sentences)."""
    if any(_EVENT_WORDING in unit[1][1:] for unit in units):
        return True
    last = units[-1][1]
    return history and (_PREDICATE.search(last) is not None or _PAST.search(last) is not None or last.endswith(_STEPS))


def _event_goes_on(units: Sequence[_Unit], widths: Sequence[int], start: int, cap: int | None) -> bool:
    """Whether a history's 委託 cell starting at `start` is rather the event's rest: the event's last line
    fills its known column (`cap`) and ends short of its step, and the cell's line starts with a word's
    last kanji and a particle (`…第7期障害福祉計画の成果目` / `標に反映`), as no body's name does."""
    if cap is None or not start or not units[start][2] or units[start][3]:
        return False
    before = units[start - 1][1]
    if widths[start - 1] < cap - _TOLERANCE // 2 or before.endswith(EVENT_ENDS) or not units[start - 1][2]:
        return False
    return KANJI_PARTICLE_WORD.match(units[start][1]) is not None


def _word_cut(before: str, after: str) -> bool:
    """Whether a line ending in katakana and the next starting in katakana are one word the page
    wrapped (`地域包括支援セン` / `ター、民生委員`): two cells rarely meet inside a katakana run."""
    return _KATAKANA.fullmatch(before[-1]) is not None and _KATAKANA.fullmatch(after[0]) is not None


def _events_meet(before: str, after: str) -> bool:
    """Whether two words of a cell are one event's end and the next event's start."""
    return before.endswith(EVENT_STEPS) and _WORD_START.match(after) is not None


def _commission_after(before: _Unit, after: _Unit) -> bool:
    """Whether two words of one line are an event's end and a commission's start, a body's legal kind
    (`…3か所で開催 特定非営利活動法人へ委託`: pypdf, pypdfium2, `pdftotext -raw` join a row's cells on its line)."""
    return before[0] == after[0] and before[1].endswith(EVENT_ENDS) and after[1].startswith(BODY_KINDS)


def _lines_meet(units: Sequence[_Unit], start: int, end: int) -> int:
    """In the history: the lines of a cell that are two events of one year (`next_event`)."""
    return sum(
        units[u][2] and not _events_meet(units[u - 1][1], units[u][1]) and next_event(units[u - 1][1], units[u][1])
        for u in range(start + 1, end)
    )


def next_event(line: str, below: str) -> bool:
    """Whether a history cell's line ends as an event does (`…事業を本格実施`, `…の開催とする`) and the line
    below starts a word (`ピアサポーター派遣事業を…`, `推進会議の下に…`): two events of one year, the
    second a row of its own (its year cell empty), not the first's wrapped rest."""
    return line.endswith(EVENT_ENDS) and _WORD_START.match(below) is not None


def holds_event(text: str) -> bool:
    """Whether a text holds an event's step (`…を設置`), which no body's name does."""
    return any(ending in text for ending in EVENT_STEPS)


def _fragment(text: str) -> bool:
    """A piece of a word, not a cell: one character, or two that are not a word of two kanji (`評価`),
    a number or a value or mark the template's cells hold alone (`なし`, `↓`)."""
    if len(text) > 2 or text in _SHORT_VALUES or any(c.isdigit() for c in text):
        return False
    return len(text) == 1 or not all("\u4e00" <= c <= "\u9fff" for c in text)


def _unbalanced(text: str) -> int:
    """How many kinds of bracket the text opens and does not close, or closes unopened."""
    return sum(text.count(pair[0]) != text.count(pair[1]) for pair in _BRACKETS)


def _alone(units: Sequence[_Unit], joined: bool, start: int, end: int, ends_row: bool) -> bool:
    """Whether a cell (units[start:end]) of one line ends its line inside a row, where a converter
    joins the cells of a line: the row's next cell with text should have stood on that line."""
    return joined and units[end][2] and units[start][0] == units[end - 1][0] and not ends_row


def _run_cost(widths: list[int], start: int, end: int, cap: int | None = None) -> float:
    """A run of a cell's lines wrapped at one width: every line but the last as wide as the widest
    (as its column, where its width is known), the last no wider."""
    if end - start < 2:
        return 0.0
    full = max(widths[start : end - 1] + ([cap] if cap is not None else []))
    slack, weight = (_TOLERANCE, 1) if cap is None else (_TOLERANCE // 2, _SHORT_OF_CAP)
    short = sum(max(0, full - w - slack) for w in widths[start : end - 1]) * weight
    over = max(0, widths[end - 1] - full - _TOLERANCE)
    return float(short + 2 * over) + (_FULL_LAST if widths[end - 1] >= full - _TOLERANCE else 0.0)
