"""The councils' table of section 7 in plain pdftotext of a LibreOffice PDF: each council's name,
members and frequency kept.

pdftotext writes the table a text block at a time: a council's name is a box of its own (a cell's
lines, a blank line before and after), but the other cells of its row, centred in the row, stand
on one baseline and run together, a narrow column's wrapped frequency on lines apart:

    名称                                  名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    協議の場の構成員                      八王子市精神保健福祉地域連携会議⇥精神科病院、…障害者福祉課⇥2回/年⇥⇥
    開催⏎頻度                       →     地域移行支援部会⇥精神科病院の…保健所職員⇥年4回⇥⇥
    …
    八王子市精神保健⏎福祉地域連携会議     ・地域課題の共有 ・ 市内に精神科病院が多く、病
    精神科病院、精神科診療所、相談支援⏎…⏎課   取組状況の報告
    2回/ ・地域課題の共有 ・ 市内に精神科病院が多く、病   院間の連携に課題がある。
    年                                    事例検討
    取組状況の報告 …

The template is the guide: its header cells (their lines anywhere in the region: a page break
repeats them), a name's box (ending in a council's word: 会議, 協議会, 部会, 会, 協議の場…), the
frequency's words (`2回/` `年`, `年3` `回`, `隔月`, a character a line: `随` `時`, `四半` `期ご` `と`:
made whole from the words of the name's rows that are nothing but a frequency's characters) and the members' list (the
lines of the row with `、` in them, in a box with no sentence; a line's one word after a line that
ends with `、` is its last member).  A row's activities and notes are read where its text
left is plain (a box of activities, and a box of sentences after it for the notes); where their
lines run together with other rows', they are kept as text below the table, in their order, and the
parser warns.  The table is rewritten only when every row has its name and a frequency.  A working
group (`退院支援ワーキング`) is a council too; the header's one-line cells, centred, may come after the
rows (the table is then read from the section's heading), and activities and notes above the first
name are kept as text, but never a list or a frequency's piece (a row whose name was not found).
"""

from __future__ import annotations

import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, unbalanced
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.council_pivots import HEADERS, REACH
from nikosheet.parsing.forms.template_tables import (
    COUNCIL_NAME_ENDS,
    FREQUENCY,
    HEADING,
    LIST_BULLETS,
    SPACE,
    STOP,
    Box,
    join_cell,
)

_CELLS = tuple(SPACE.sub("", c) for c in HEADERS[0])
_FREQUENCY = re.compile(rf"^{FREQUENCY}$")  # anchored: a search from every start backtracks
# a frequency's parts, each matching one way only (`程度?` written `程度` and `程`): `is_piece` cuts a word
# into them trying each cut once, where one pattern of them all, `(?:…)+`, tries a word's cuts over again
# wherever it fails after them (`随時随時…x`, `にににに…x`: exponential in the word's length)
_PART_WORDS = (
    *("年間", "年", *"月週回/／～〜~", "隔月", "随時", "四半期", "ごと", *(f"{c}月" for c in "かカヵヶケ")),
    *("に", "程度", "程", "度", "各", "必要時", "適宜", "未定", "半年", "毎", "随", "時", "四半", "期ご", "期", "と"),
    *("以上", "以", "上", "によ", "より", "よ"),
)
_PARTS_AT = {c: tuple(w for w in _PART_WORDS if w[0] == c) for c in {w[0] for w in _PART_WORDS}}  # by first character
_PART_SHAPES = (
    re.compile(r"[0-9０-９]+"),  # a count's digits, taken whole
    *(re.compile(rf"各[^\s0-9０-９、。・]{{{n}}}(?=年|[0-9０-９])") for n in (1, 2, 3)),  # `各圏域`年…
    re.compile(r"[(（][^)）\s]{1,6}[)）]"),
)


def is_piece(text: str) -> bool:
    """Whether a word is a piece of a frequency and nothing else (`年4回`, `各圏域年2～3回`, `程度`)."""
    ends = {0}
    for start, char in enumerate(text):
        if start not in ends:
            continue
        ends.update(start + len(word) for word in _PARTS_AT.get(char, ()) if text.startswith(word, start))
        ends.update(m.end() for shape in _PART_SHAPES if (m := shape.match(text, start)))
    return bool(text) and len(text) in ends


# a frequency's piece that the renderer's gap, taken out, ran into the words beside it: a count
# after a list's last member (`相談支援4回/`), before an activity's bullet (`年4・全県の…`)
_RUN_IN = re.compile(r"(?<=[^0-9０-９\s])(?=[0-9０-９]+回(?:[/／]|程度?)?$)|(?<=[0-9０-９回])(?=・)")
# a frequency's first piece run into the activities beside it, the renderer's gap taken out
# (`各圏域年3個別事例の検`, `四半期に1住まいの確保`): a count, then what no frequency goes on with
_END_COUNT = re.compile(r"(?<=[^0-9０-９、,\s(（])[0-9０-９]+$")  # (not a bracketed count's, `…センター（4` `か所）`)
_LEAD = re.compile(r"[0-9０-９](?=[^\s0-9０-９回/／～〜~年月週かカヵヶケ程度ごと(（])")
_NUMBER = re.compile(r"[0-9０-９]{3,}")  # a number of three digits or more: no frequency's count
# a name's bracketed note (`（県協議の場）`, `（中部・北部・南部・鷺宮すこやか福祉センター）`)
_NOTE = re.compile(r"[(（][^)）]{1,40}[)）]$")
_BRACKETED = re.compile(r"[(（][^()（）]*(?:[)）]|$)")  # a bracketed note, or one the line's end cuts
_LONE_NAME = 5  # a name alone on a line amid others' lines has this many characters at least
_NAME_LINES = 4  # a name's lines at most
# display columns: a list's last line is so much shorter than its box's widest at least (four characters:
# a full line may wrap early before a bracket or a number)
_SHORT_LIST_END = 8
_SHORT_LINE = 4  # display columns: a cell's last line short of its column by two characters or more ends it
_ACTIVITY_LINES = 4  # an activities' cell's lines at most, where a box of them is cut into cells
_BOX_LINES = 6  # a box of two centred cells' printed lines read: so many lines, and spaces in them, at most
_SPACED = re.compile(r" [^・•\s]")  # a space before a word: no list item's
_PARTICLES = "のをにがはでとへや"  # a word that starts with one goes on a phrase: not a member's name
_BAD_ITEM = re.compile(r"(?:^|\s)[・•](?:\s|$|\S(?:\s|$))")  # a list's item that is a space or one character
# a working group's name ends so too (`退院支援ワーキング`), where the table's other cells say it is a row
_NAME_ENDS = (*COUNCIL_NAME_ENDS, "ワーキング", "WG")


def apply(state: FormState) -> None:
    """Rewrite the councils' table whose names stand in boxes of their own."""
    if signals.council_boxes(state.source):
        read(state)


def read(state: FormState) -> bool:
    """Rewrite the councils' table whose names stand in boxes of their own: whether it was."""
    lines = state.lines
    for start, line in enumerate(lines):
        if line is None or line.strip() != HEADERS[0][0]:
            continue
        end = table_end(lines, start)
        if end is not None:  # the sheet's one councils' table
            if _rewrite(state, _header_above(lines, start), end):
                return True
            heading = heading_above(lines, start)  # its rows above its 名称?
            return heading is not None and _rewrite(state, heading + 1, end)
    return False


def _header_above(lines: list[str | None], start: int) -> int:
    """Where the header starts: a wrapped header cell, centred in its row, may come before its first
    cell (`開催` `頻度` `名称` …)."""
    first = start
    for i in range(start - 1, max(-1, start - 8), -1):
        text = SPACE.sub("", lines[i] or "")
        if text and not any(text in cell for cell in _CELLS[1:]):
            break
        first = i if text else first
    return first


def heading_above(lines: list[str | None], start: int) -> int | None:
    """The section's heading above the header's first cell, when rows stand between them: the
    header's one-line cells, centred in their row, may come after the rows its wrapped cells
    precede (`開催頻度` `実施内容` … rows … `名称` `協議の場の構成員`)."""
    for i in range(start - 1, max(-1, start - REACH), -1):
        text = (lines[i] or "").strip()
        if text and (STOP.match(text) or HEADING.match(text)):
            return i if HEADING.match(text) and i < start - 1 else None
    return None


def table_end(lines: list[str | None], start: int) -> int | None:
    """The table's end: the next part's 【…】 label, a heading or a marker line."""
    for i in range(start + 1, min(len(lines), start + REACH)):
        text = (lines[i] or "").strip()
        if text and (STOP.match(text) or HEADING.match(text)):
            return i
    return None


def _rewrite(state: FormState, start: int, end: int) -> bool:
    """Rewrite the table at lines `start`..`end` (exclusive): whether it was."""
    boxes = [[(start + i, t, b) for i, t, b in box] for box in boxes_of(state.lines[start:end]) if box]
    texts = {i: t for box in boxes for i, t, _ in box}
    for i in header_lines(boxes):
        texts[i] = ""
    before = dict(texts)
    pages = {i for i in range(start, end) if (state.lines[i] or "").startswith("\f")}  # a page's first lines
    names = _names(boxes, texts, pages)
    named = {i for i in texts if texts[i] != before[i]}  # the lines names were taken from
    top = _list_beside(names[0][0], texts, named) if names else 0
    if names and any(_row_like(texts[i]) for i in texts if i < top):
        names = _late_first(names, texts)
        top = min(top, names[0][0])
    if not names or any(_row_like(texts[i]) for i in texts if i < top):
        return False  # a list or a frequency before the first name: a row whose name was not found
    firsts = [top] + [first for first, _ in names[1:]] + [end]
    frequencies = _frequencies(firsts, texts)
    if frequencies is None:
        return False
    starts = _member_starts(firsts, texts)
    segments = [[i for i in range(starts[n], starts[n + 1]) if texts.get(i)] for n in range(len(names))]
    _lists_above(segments, boxes, texts)
    _lists_below(segments, boxes, texts)
    members = [_members(segment, boxes, texts, named) for segment in segments]  # every row's, before the last cells
    lasts = [("", "x")]  # each row's activities and notes (none above the first)
    for listed, segment in zip(members, segments, strict=True):
        lasts.append(_last_cells(segment, boxes, texts, bool(lasts[-1][0] or lasts[-1][1]), bool(listed)))
    lasts = _after_frequencies(lasts[1:], [at for _, at in frequencies], firsts, boxes, texts)
    lasts = _activities_column(lasts, segments[-1], boxes, texts)
    rows = [
        "\t".join((name, listed, frequency, *last))
        for (_, name), listed, (frequency, _), last in zip(names, members, frequencies, lasts, strict=True)
    ]
    rest = [texts[i] for i in sorted(texts) if texts[i].strip()]
    out = ["\t".join(HEADERS[0]), *rows, "", *rest]
    if len(out) > end - start:
        return False
    for i in range(start, end):
        state.lines[i] = None
    for k, text in enumerate(out):
        state.lines[start + k] = text
    if rest:
        state.note(Diagnostic.MISSING_TABLE, start, str(messages.COUNCIL_CELLS_AS_TEXT(count=len(rows))))
    return True


def _late_first(names: list[tuple[int, str]], texts: dict[int, str]) -> list[tuple[int, str]]:
    """The names, the first row's put first where pdftotext wrote it after the last row: a row taller
    than the others centres its name's box below its other cells, and its members' list and frequency
    stand before the first name read (`・区別部会` … `千葉市医師会、…` `年3` `回`, then the other rows),
    the name's box after the last row's (`千葉市精神保` `健福祉地域包` … `議`).  The last name, with no
    list or frequency after it, is then the first row's, its row from the table's first line (read so
    only where the rows above the first name would leave the table unread)."""
    lines = sorted(i for i in texts if texts[i])
    if len(names) < 2 or not lines or lines[0] >= names[0][0]:
        return names
    if not any(_row_like(texts[i]) for i in lines if i < names[0][0]):
        return names
    if any(_row_like(texts[i]) for i in lines if i > names[-1][0]):
        return names
    return [(lines[0], names[-1][1]), *names[:-1]]


def _member_starts(firsts: list[int], texts: dict[int, str]) -> list[int]:
    """Where each row's lines start: at its name's first line, or a line above it where its members'
    list opens there, centred above the name, and goes on beside it (`区社会福祉課、…相談支` then
    `区地域移行連絡会（7区） 援事業所、…`), the row above's list having lines of its own."""
    starts = list(firsts)
    for n in range(1, len(firsts) - 1):
        above = [i for i in range(firsts[n - 1], firsts[n]) if texts.get(i)]
        if len(above) < 2 or not _is_list(texts.get(firsts[n], "")):
            continue
        opening = texts[above[-1]]
        lists = [display_width(texts[i].partition(" ")[0]) for i in above[:-1] if _is_list(texts[i])]
        if _is_list(opening) and opening[0] not in LIST_BULLETS and lists and lists[-1] + 2 < max(lists):
            starts[n] = above[-1]  # (the list above ended: its last line short of its column)
    return starts


def _list_beside(first: int, texts: dict[int, str], named: set[int]) -> int:
    """Where the first row starts: at its name's first line, or the line right above it where its
    members' list opens there and goes on right after that line, between the name's lines (`…相談支援
    事業所、地域` `練馬区精神保健福` `包括支援センター、…` `祉地域連携会議`: both centred in the row)."""
    if _opens_list(texts.get(first - 1, "")) and first in named and texts.get(first + 1) and first + 1 not in named:
        return first - 1
    return first


def _lists_above(segments: list[list[int]], boxes: list[Box], texts: dict[int, str]) -> None:
    """A row with no members' list of its own takes the last of two boxes of lists in the row above's
    lines: its list, centred, opens above its name (`区保健福祉課、…相談支援事業` `中央区地域移行・`
    `月1` `所、訪問看護…`), the row above's list having a box of its own."""
    for n in range(1, len(segments)):
        if any(_opens_list(texts[i]) for i in segments[n]):
            continue
        above = set(segments[n - 1])
        opening = [b for b in boxes if any(i in above and _opens_list(texts[i]) for i, _, _ in b)]
        lists = [[i for i, _, _ in b if texts[i]] for b in opening]
        if len(lists) >= 2 and above.issuperset(lists[-1]):
            segments[n - 1] = [i for i in segments[n - 1] if i not in lists[-1]]
            segments[n] = sorted(lists[-1] + segments[n])


def _lists_below(segments: list[list[int]], boxes: list[Box], texts: dict[int, str]) -> None:
    """Rows with no members' list of their own (the names' column written first, a box of names after
    a box of names: `町田市…推進協議会` `地域移行推進部会`, then the lists) take the lists of the box
    that the next row's lines hold, one after another: a list ends on a line two characters or more
    short of the box's widest (`…町田市保健所`), the next opens on the line after it.  Taken only where
    the box so holds exactly as many lists as the rows."""
    n = 0
    while n < len(segments):
        m = n
        while m < len(segments) and not any(_is_list(texts[i]) for i in segments[m]):
            m += 1
        if m == n or m == len(segments):
            n = m + 1
            continue
        ours = set(segments[m])
        box = next((b for b in boxes if _list_box(b, ours, texts)), [])
        listed = [i for i, _, _ in box if i in ours and texts[i] and _list_words(texts[i].split(" "))]
        widths = [display_width(" ".join(texts[i].split(" ")[: _list_words(texts[i].split(" "))])) for i in listed]
        ends = [k for k in range(len(listed) - 1) if widths[k] <= max(widths) - _SHORT_LIST_END]
        if len(ends) == m - n:
            bounds = [-1, *ends, len(listed) - 1]
            for row, (a, b) in enumerate(itertools.pairwise(bounds)):
                if n + row < m:
                    taken = listed[a + 1 : b + 1]
                    segments[n + row] = sorted(segments[n + row] + taken)
                    segments[m] = [i for i in segments[m] if i not in taken]
        n = m + 1


def _opens_list(text: str) -> bool:
    return bool(text) and _is_list(text) and text[0] not in LIST_BULLETS


def _names(boxes: list[Box], texts: dict[int, str], pages: set[int]) -> list[tuple[int, str]]:
    """The councils' names, each with its first line, taken out of the text: a box of its own (but
    for header cells before it), or a line's first word before the members' list, its wrapped
    rest the first word of the lines below (`世田谷区精神保健 精神科病院、…` `福祉連絡協議会`).
    A wrapped name's lines but its last fill the names' column: where one is narrower than the
    widest such line, another cell's line led it (an activity's tail `携会議の報告の確認`, then a
    name `区地域移行連絡会（5` `区）`), and the names are read again, such a lead refused.  A name a page
    break cut (its first line one of `pages`) is made whole (`_page_cut`)."""
    trial = dict(texts)
    wrapped: list[int] = []
    names = _names_within(boxes, trial, 0, wrapped)
    if wrapped and min(wrapped) + 2 < max(wrapped):
        trial = dict(texts)
        names = _names_within(boxes, trial, max(wrapped), [])
    if wrapped:
        names = _page_cut(boxes, (texts, trial), names, pages, max(wrapped))  # (texts: before the names)
    texts.update(trial)
    return names


def _page_cut(
    boxes: list[Box],
    both: tuple[dict[int, str], dict[int, str]],
    names: list[tuple[int, str]],
    pages: set[int],
    column: int,
) -> list[tuple[int, str]]:
    """The names with each that a page break cut made whole: its first lines, each as wide as the
    names' column (`column` display columns), in a box of their own on the page before, read as no name
    (`北九州市精神` `障害者地域生`), the row's members' list in the next box, its rest the first box of the
    next page (its first line one of `pages`), read as a name of its own (`活支援推進会` `議`); the two
    made one at the first piece's line (the last such piece before the page's end), where together
    they are a name, the pieces taken out of the text (`both`: the lines before the names were taken
    out, and after)."""
    before, texts = both
    out = list(names)
    boxed = [lines for lines in ([i for i, _, _ in box if before[i]] for box in boxes) if lines]
    for n, (first, name) in enumerate(names):
        if first not in pages:
            continue
        pieces = [
            lines
            for lines, after in itertools.pairwise(boxed)
            if lines[-1] < first
            and not any(lines[0] < i < first for i in pages)
            and all(texts[i] for i in lines)
            and _cut_name([texts[i] for i in lines], column)
            and _opens_list(before[after[0]])
        ]
        whole = name_of([texts[i] for i in pieces[-1]] + [name]) if pieces else None
        if whole is not None:
            out[n] = (pieces[-1][0], whole)
            for i in pieces[-1]:
                texts[i] = ""
    return sorted(out)


def _cut_name(lines: list[str], column: int) -> bool:
    """Whether a box's lines may be a name's first lines that a page break cut: each one word as wide as
    the names' column (give or take a character), no list, sentence, bullet or frequency in them, and
    no name whole."""
    text = "".join(lines)
    return (
        len(lines) <= _NAME_LINES
        and not any(c in text for c in " 、,。")
        and text[0] not in LIST_BULLETS
        and not is_piece(text)
        and all(display_width(line) + 2 >= column for line in lines)
        and name_of(lines) is None
    )


def _names_within(boxes: list[Box], texts: dict[int, str], column: int, wrapped: list[int]) -> list[tuple[int, str]]:
    """The names (as `_names`), a lead's wrapped lines at least `column` wide less a character, the
    widths of those lines added to `wrapped`."""
    names: list[tuple[int, str]] = []
    for box in boxes:
        lines = [i for i, _, _ in box if texts[i]]
        if not lines:
            continue
        name = name_of([texts[i] for i in lines])
        if name is not None and len(lines) <= _NAME_LINES + 4:  # (a box of its own: a long name too)
            wrapped += [display_width(texts[i]) for i in lines[:-1]]
            names.append((lines[0], name))
            for i in lines:
                texts[i] = ""
            continue
        k = 0
        while k < len(lines):
            k += _name_lead(lines[k:], texts, names, column, wrapped)
    return names


def _row_like(text: str) -> bool:
    """Whether a line before the first name may be a row's: a members' list or a frequency's piece in
    it (a row's activities and notes, centred, may stand above the names: they are kept as text)."""
    return _is_list(text) or any(is_piece(word) for word in _words(text))


def _name_lead(
    lines: list[int], texts: dict[int, str], names: list[tuple[int, str]], column: int, wrapped: list[int]
) -> int:
    """The name that leads the first line before its members, its rest in the next lines (taken out
    of the text, the name added to `names`, its wrapped lines' widths to `wrapped`): how many lines
    it took (1 when none)."""
    head, _, rest = texts[lines[0]].partition(" ")
    bare = _BRACKETED.sub("", head)  # `作業部会（地域移行・家`: a note's `・` is the name's
    if not bare or any(c in bare for c in "、,・。") or is_piece(head) or not (_is_list(rest) or not rest):
        return 1  # (a word alone starts a name only when the lines below end it)
    parts = [(lines[0], head, rest)]
    for i in lines[1 : 2 * _NAME_LINES]:
        whole = name_of([p[1] for p in parts]) is not None
        if len(parts) == _NAME_LINES:
            break
        word, _, more = texts[i].partition(" ")
        if any(c in word for c in "、,。") or word[0] in LIST_BULLETS or is_piece(word):
            continue  # another cell's line
        # the name's rest: a word before the members' list, or a word alone that ends the name (a
        # name may look whole before its last line: `…推進会` `議`) or opens its bracketed note
        # (`保健相談所地` `域連絡会（6` `か所）`)
        ends = name_of([p[1] for p in parts] + [word]) is not None or unbalanced(word) > 0
        if whole and name_of([word]) is not None:
            break  # a whole name after a whole name: the next row's (`…推進会議` `実務者会議`)
        if (_is_list(more) and not whole) or (not more and ends):
            parts.append((i, word, more))
        elif whole:
            break
    alone = len(head) < _LONE_NAME or name_of([head]) is None or _list_open(texts, lines[0])
    if len(parts) == 1 and not rest and alone:
        return 1  # a line alone is a name when it is one whole (`島しょ部支援連絡会` between other rows' lines)
    name = name_of([p[1] for p in parts])
    # (a line that breaks inside a bracketed note, at a number, may fall short: `区地域移行連絡会（5` `区）`)
    widths = [display_width(p[1]) for p in parts[:-1] if unbalanced(p[1]) <= 0]
    if name is None or not _fills([p[1] for p in parts]) or any(w + 2 < column for w in widths):
        return 1
    wrapped += widths
    names.append((lines[0], name))
    for i, _, more in parts:
        texts[i] = more
    return lines.index(parts[-1][0]) + 1


def _list_open(texts: dict[int, str], line: int) -> bool:
    """Whether the line above opens with a list that its end leaves open (`…当事者団体、 年 2 回`): the
    line is the list's rest (`社会福祉協議会`), not a name alone."""
    return texts.get(line - 1, "").split(" ")[0].endswith(("、", ","))


def _fills(lines: list[str]) -> bool:
    """Whether a wrapped name's lines each fill its column, as wide as those below it (give or take
    a character): not a word's tail that ran into a name below it (`画` `島しょ部支援連絡会`)."""
    widths = [display_width(line) for line in lines]
    return all(widths[k] + 2 >= max(widths[k + 1 :]) for k in range(len(widths) - 1))


def _is_list(text: str) -> bool:
    """Whether the text opens with a list: its first word has `、` or `,` in it before its end, or
    ends with `,` and the list goes on after a space (`保健, 医療, …`)."""
    first = text.split(" ")[0]
    return any(c in first[:-1] for c in "、,") or (first.endswith(",") and len(text) > len(first))


def header_lines(boxes: list[Box]) -> list[int]:
    """The lines that are the header's cells: each word of theirs starts a cell or goes on one begun
    above (`協議の場の構成 開催` `員` `頻度`: two cells side by side), every cell they touch made whole
    (a cell begun again and never made whole, by a word of a row's cell that one starts, `協議`, leaves
    the lines of the cell made whole before the header's)."""
    have = dict.fromkeys(_CELLS, "")
    begun = dict.fromkeys(_CELLS, -1)  # (where each cell was last begun: a cell begun again is another)
    touched: dict[int, set[tuple[str, int]]] = {}
    whole: set[tuple[str, int]] = set()
    for box in boxes:
        for i, text, _ in box:
            trial, starts = dict(have), dict(begun)
            cells = set()
            for word in text.split():
                cell = _go_on(trial, word)
                if cell and trial[cell] == word:
                    starts[cell] = i
                cells.add(cell)
            if "" not in cells:
                have, begun = trial, starts
                touched[i] = {(cell, begun[cell]) for cell in cells}
                whole |= {(cell, begun[cell]) for cell in cells if have[cell] == cell}
    return [i for i, cells in touched.items() if cells <= whole]


def _go_on(have: dict[str, str], word: str) -> str:
    """The header cell the word goes on, begun above, or starts (its text in `have` grown); "" when none."""
    cell = next((c for c, t in have.items() if t and t != c and c.startswith(t + word)), "")
    cell = cell or next((c for c, t in have.items() if (not t or t == c) and c.startswith(word)), "")
    if cell:
        have[cell] = have[cell] + word if have[cell] != cell else word
    return cell


def name_of(lines: list[str]) -> str | None:
    """A council's name: lines with no list, bullet or sentence, ending in a council's word (perhaps
    a bracketed note after it)."""
    text = "".join(lines)
    if not text or "、" in text or "。" in text or text[0] in LIST_BULLETS:
        return None
    bare = _NOTE.sub("", text).rstrip()
    return text if bare.endswith(_NAME_ENDS) and len(bare) > 2 else None


def _frequencies(firsts: list[int], texts: dict[int, str]) -> list[tuple[str, int]] | None:
    """Each row's frequency, made whole from the words that are nothing but a frequency's characters
    (`2か月` `に1` `回`), each taken out of its line: one a row, none before the row above's name or
    after the row below's (a row's narrow cell, centred, may start above its name); else None."""
    lines = sorted(i for i in texts if texts[i] and i >= firsts[0])
    words = {i: _words(texts[i]) for i in lines}
    pieces = [
        (i, w)
        for i in lines
        for w, word in enumerate(words[i])
        if is_piece(word) and not _NUMBER.fullmatch(word)  # (`8050` `世帯の事例検討`: no count)
    ]
    found: list[tuple[str, list[tuple[int, int]]]] = []
    k = 0
    while k < len(pieces):
        size = next((n for n in (5, 4, 3, 2, 1) if _FREQUENCY.fullmatch(_joined(words, pieces[k : k + n]))), 0)
        if not size:
            return None  # a piece of no frequency
        found.append((_joined(words, pieces[k : k + size]), pieces[k : k + size]))
        k += size
    if len(found) != len(firsts) - 1:
        return None
    for n, (_, taken) in enumerate(found):
        if (n and taken[0][0] < firsts[n - 1]) or taken[-1][0] >= firsts[n + 2 if n + 2 < len(firsts) else -1]:
            return None
    _beside_lists(found, firsts, words)
    for i, w in pieces:
        words[i][w] = ""
    for i in {i for i, _ in pieces}:
        texts[i] = " ".join(word for word in words[i] if word)
    return [(text, taken[0][0]) for text, taken in found]


def _after_frequencies(
    lasts: list[tuple[str, str]], at: list[int], firsts: list[int], boxes: list[Box], texts: dict[int, str]
) -> list[tuple[str, str]]:
    """Rows whose activities and notes were not read take the boxes left between their frequency's
    line and the next frequency's, where that is one activities' box and perhaps a box of sentences
    (`年2回` `・方針の決` `定` `年4回` `・事例検討`: each row's cells after its frequency, the names and
    members written before them all); where a box there stands past the next row's name (`年3回`, then
    `ピア会議` and its one member, `ピアサポーター`: the next row's cells, or this row's written late)
    which row's the boxes are is not told, and none is taken."""
    bounds = [*sorted(at), 1 << 30]
    lasts = list(lasts)
    for n, line in enumerate(at):
        if lasts[n] != ("", ""):
            continue
        below = bounds[bounds.index(line) + 1]
        named = min((first for first in firsts[n + 1 : -1] if first > line), default=below)
        left = [[i for i, _, _ in box if texts[i]] for box in boxes]
        ours = [box for box in left if box and line < box[0] and box[-1] < below]
        if any(box[0] > named for box in ours):
            continue
        cells = _box_cells([[texts[i] for i in box] for box in ours], False, bounded=True) if ours else None
        if cells is not None:
            lasts[n] = cells
            for i in (i for box in ours for i in box):
                texts[i] = ""
    return lasts


_Found = tuple[str, list[tuple[int, int]]]  # a frequency and its pieces (line, word)


def _beside_lists(found: list[_Found], firsts: list[int], words: dict[int, list[str]]) -> None:
    """A frequency that starts on the line of the next row's members' list, right after it (the
    list's first line, `居住支援法人、…住宅政策課、 年 4`, at the frequency's height), is that row's:
    the next row's frequency, written after it on no such line, is swapped with it."""
    for n in range(len(found) - 1):
        line = found[n][1][0][0]
        after_list = _beside(found[n], words) and not _beside(found[n + 1], words)
        if after_list and firsts[n + 1] <= line < firsts[n + 2] and found[n + 1][1][0][0] > line:
            found[n], found[n + 1] = found[n + 1], found[n]


def _beside(frequency: _Found, words: dict[int, list[str]]) -> bool:
    """Whether the frequency starts right after a members' list on its line."""
    line, word = frequency[1][0]
    return word > 0 and _is_list(" ".join(words[line][:word]))


def _joined(words: dict[int, list[str]], pieces: list[tuple[int, int]]) -> str:
    return "".join(words[i][w] for i, w in pieces)


def _last_cells(
    segment: list[int], boxes: list[Box], texts: dict[int, str], above: bool, listed: bool
) -> tuple[str, str]:
    """The row's activities and notes where its text left is plain and all the row's (`above`: the
    row above's were read): boxes of one cell each, or, where its members were read (`listed`), one
    box of both cells' printed lines; else both empty, the text kept as it is."""
    lines = {i for i in segment if texts[i]}
    left = [[i for i, _, _ in box if texts[i]] for box in boxes if lines.intersection(i for i, _, _ in box)]
    if not left or any(not lines.issuperset(box) for box in left):
        return "", ""
    cells = _box_cells([[texts[i] for i in box] for box in left], above)
    if cells is None and len(left) == 1 and listed:
        cells = _baseline_cells([texts[i] for i in left[0]])
    if cells is None:
        return "", ""
    for i in lines:
        texts[i] = ""
    return cells


def _box_cells(left: list[list[str]], above: bool, bounded: bool = False) -> tuple[str, str] | None:
    """The activities and the notes of a row whose boxes are a cell each: the activities' box (or,
    below a row whose cells were read, a box per list item: `・個別事例の検討` `・地域の社会資源` `の共有`),
    and perhaps a box of sentences after it, the notes (`bounded`: the row's two boxes are known to be
    its, and a second box that is no list item its notes, a sentence or not)."""
    if not all(_one_cell(box) for box in left):
        return None
    cells = [join_cell([(0, line, False) for line in box]) for box in left]
    # (not after activities that hold a space before a word: two cells' lines, `…聴取 今年度新設予定`)
    plain = bounded and len(cells) == 2 and cells[1][0] not in LIST_BULLETS and not _SPACED.search(cells[0])
    notes = cells[-1] if len(cells) > 1 and (cells[-1].endswith("。") or plain) else ""
    activities = cells[:-1] if notes else cells
    if any("。" in cell for cell in activities):
        return None
    if len(activities) > 1 and not (above and all(cell[0] in LIST_BULLETS for cell in activities)):
        return None  # (two rows' activities, one row's having been read nowhere)
    return " ".join(activities), notes


def _baseline_cells(box: list[str]) -> tuple[str, str] | None:
    """The activities and the notes of a row whose two cells, centred in the row, pdftotext wrote a
    printed line at a time in one box: lines at one height one line a space apart (`・地域課題の共有 ・
    市内に精神科病院が多く、病`) or two lines, a cell taller by a line starting and ending the box
    (`個別事例から地域課題を` `・個別事例の検討 ・地` `抽出する仕組みができ` `域課題の抽出` `た。`); the
    one reading whose cells each fill their column but in their last line, the activities with no
    sentence, the notes ending one, no item a bullet's space or one character, no list begun inside a
    cell's text, no cell starting with が or を; of those of the most lines (a space in a line is the
    gap between the cells sooner than the text's own); else None."""
    if len(box) > _BOX_LINES or sum(line.count(" ") for line in box) > _BOX_LINES:
        return None  # (the readings grow with the lines and their spaces: a few of each)
    found: dict[int, set[tuple[str, str]]] = {}
    for tall, short in itertools.product(range(1, len(box) + 1), repeat=2):
        if abs(tall - short) > 1:
            continue  # a cell two lines taller would stand alone above and below the other
        for activities, notes in _readings(box, _heights(tall, short)):
            if _cells_fit(activities, notes):
                cells = join_cell([(0, t, False) for t in activities]), join_cell([(0, t, False) for t in notes])
                found.setdefault(tall + short, set()).add(cells)
    most = found[max(found)] if found else set()
    return most.pop() if len(most) == 1 else None


def _heights(activities: int, notes: int) -> list[str]:
    """The printed lines of two cells of so many lines centred in one row, top to bottom: `A` an
    activities' line, `N` a notes' line, `AN` one of each at one height."""
    heights: dict[int, str] = {}
    for cell, count in (("A", activities), ("N", notes)):
        for k in range(count):
            height = 2 * k - (count - 1)  # (doubled: a cell a line shorter stands half a line lower)
            heights[height] = heights.get(height, "") + cell
    return [heights[h] for h in sorted(heights)]


def _readings(lines: list[str], heights: list[str]) -> list[tuple[list[str], list[str]]]:
    """Every way the lines are the cells' printed lines at `heights`: the activities' and the notes'
    lines (two at one height one line cut at a space, or two lines in either order)."""
    if not heights:
        return [([], [])] if not lines else []
    if not lines:
        return []
    first, rest = heights[0], heights[1:]
    ways: list[tuple[list[str], list[str], int]] = []
    if first == "A":
        ways.append(([lines[0]], [], 1))
    elif first == "N":
        ways.append(([], [lines[0]], 1))
    else:
        ways += [([lines[0][:k]], [lines[0][k + 1 :]], 1) for k, c in enumerate(lines[0]) if c == " "]
        if len(lines) > 1:
            ways += [([lines[0]], [lines[1]], 2), ([lines[1]], [lines[0]], 2)]
    return [
        (activities + more_activities, notes + more_notes)
        for activities, notes, used in ways
        for more_activities, more_notes in _readings(lines[used:], rest)
    ]


def _activities_column(
    lasts: list[tuple[str, str]], segment: list[int], boxes: list[Box], texts: dict[int, str]
) -> list[tuple[str, str]]:
    """The last rows whose activities and notes were read nowhere take the activities' column where
    pdftotext wrote it in one box after the table's rows (`方針の決定` `具体的な課題に対して取り組` `む`:
    the names', members' and frequencies' columns first, then this one), the last row's text left
    being that box alone: a cell ends on a line short of the box's widest (a wrapped cell's lines but
    its last fill the column), and the box holds exactly as many cells as those rows, none with a
    sentence (notes end with one) nor a list's item (an item ends short of the column as a cell
    does).  Where the cells are fewer or more, which rows' they are (a row's cell may be empty) is not
    told, and none is taken."""
    empty = len(lasts)
    while empty and lasts[empty - 1] == ("", ""):
        empty -= 1
    rows = len(lasts) - empty
    within = set(segment)
    left = [[i for i, _, _ in box if texts[i]] for box in boxes]
    ours = [box for box in left if box and within.issuperset(box)]
    if rows < 2 or len(ours) != 1 or len(ours[0]) > _ACTIVITY_LINES * rows:
        return lasts
    lines = [texts[i] for i in ours[0]]
    widest = max(display_width(line) for line in lines)
    cells: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        cells[-1].append(line)
        if k + 1 < len(lines) and display_width(line) + _SHORT_LINE <= widest:
            cells.append([])
    if len(cells) != rows or any("。" in line or line[0] in LIST_BULLETS for line in lines):
        return lasts  # (a list's items end short of the column too: an item's end or a cell's, not told)
    for i in ours[0]:
        texts[i] = ""
    return [*lasts[:empty], *((join_cell([(0, t, False) for t in cell]), "") for cell in cells)]


def _cells_fit(activities: list[str], notes: list[str]) -> bool:
    """Whether the cells' lines make the row's activities and notes (as `_baseline_cells` reads them)."""
    if not all(activities) or not all(notes) or "。" in "".join(activities) or not notes[-1].endswith("。"):
        return False
    if not (_one_cell(activities) and _one_cell(notes)):
        return False
    for cell in (activities, notes):
        if cell[0][0] in "がを" or any(line[0] in LIST_BULLETS for line in cell[1:] if cell[0][0] not in LIST_BULLETS):
            return False
    cells = (join_cell([(0, t, False) for t in activities]), join_cell([(0, t, False) for t in notes]))
    return not any(_BAD_ITEM.search(cell) for cell in cells)


def _one_cell(lines: list[str]) -> bool:
    """Whether a box's lines are one cell's: more than a word's tail, each line that goes on as wide
    as those after it (a wrapped line fills its column) but where a list item starts."""
    if len("".join(lines)) <= 2:
        return False
    widths = [display_width(line) for line in lines]
    # (a space in a line below, `報告 ・区全体の…`, may make it one wider than the full line above it)
    return all(lines[k + 1][0] in LIST_BULLETS or widths[k] + 1 >= max(widths[k + 1 :]) for k in range(len(lines) - 1))


def _words(text: str) -> list[str]:
    """A line's words: its pieces between spaces, a frequency's piece run into one cut off it."""
    return [
        part
        for word in text.split(" ")
        for lead in _cut_lead(word)
        for run in _RUN_IN.split(lead)
        for part in _cut_count(run)
        if part
    ]


def _cut_count(word: str) -> tuple[str, ...]:
    """The word, or a list's line and the count run into its end (`…居宅介護支援事業所、家3`: a
    frequency's middle line beside it, the renderer's gap taken out)."""
    count = _END_COUNT.search(word)
    if count is None or "、" not in word[: count.start()]:
        return (word,)
    return word[: count.start()], count.group()


def _cut_lead(word: str) -> tuple[str, ...]:
    """The word, or a frequency's first piece that leads it and the rest (`各圏域年3` `個別…`)."""
    lead = _LEAD.search(word)
    if lead is None or not is_piece(word[: lead.end()]):
        return (word,)
    return word[: lead.end()], word[lead.end() :]


def _members(segment: list[int], boxes: list[Box], texts: dict[int, str], named: set[int]) -> str:
    """The row's members: in the first box of the row with a list in it and no sentence, the leading
    words of its lines that are the list's (a word with `、` or `,` in it, or after one that ends with
    `,`), and a line's one word right below that ends the list (`…障害者福祉` `課`; a name's lines may
    stand between); each taken out of the text."""
    lines = set(segment)
    box = next((b for b in boxes if _list_box(b, lines, texts)), [])
    parts: list[str] = []
    last = -1
    for i, _, _ in box:
        words = texts[i].split(" ") if i in lines and texts[i] else []
        n = _list_words(words)
        # right below, but for a name's lines or an activity's item beside the list (`・事例検討`)
        below = all(j in named or texts.get(j, "")[:1] in tuple(LIST_BULLETS) for j in range(last + 1, i))
        if not n and below and len(words) == 1 and parts:
            goes_on = parts[-1].endswith(("、", ",")) and _list_goes_on(words[0])
            n = 1 if goes_on or _list_end(words[0]) else 0
        if n:
            parts.append(" ".join(words[:n]))
            texts[i] = " ".join(words[n:])
            last = i
    return "".join(parts) if all("," not in p for p in parts) else " ".join(parts)


def _list_end(word: str) -> bool:
    """Whether a word alone may end the list above it (`課`): no list's or sentence's mark, no
    frequency's piece, no particle first (`の方針決定`: an activity's wrapped rest)."""
    return not any(c in word for c in "、,。・") and not is_piece(word) and word[0] not in _PARTICLES


def _list_goes_on(word: str) -> bool:
    """Whether a line's first word goes on the list above it, whose line ended with `、`: a member's
    name, though a `・` joins two in it (`…障害福祉課、` `池袋・長崎健康相談所`), not a bullet's item,
    a sentence or a frequency's piece."""
    return (
        word[0] not in LIST_BULLETS
        and word[0] not in _PARTICLES
        and "。" not in word
        and not is_piece(word)
        and not _BAD_ITEM.search(word)
    )


def _list_words(words: list[str]) -> int:
    """How many of a line's words are a list's: each opens a list, or comes after a word ending in
    `,` (a space after `、` is a cell's edge; after `,` it is the list's own)."""
    n = 0
    while n < len(words) and words[n][0] not in LIST_BULLETS:
        if not _is_list(" ".join(words[n:])) and not (n and words[n - 1].endswith(",")):
            break
        n += 1
    return n


def _list_box(box: Box, lines: set[int], texts: dict[int, str]) -> bool:
    """Whether a box of the row holds a line that opens with a list, and no sentence."""
    ours = [texts[i] for i, _, _ in box if i in lines and texts[i]]
    return any(_is_list(t) and t[0] not in LIST_BULLETS for t in ours) and not any("。" in t for _, t, _ in box)
