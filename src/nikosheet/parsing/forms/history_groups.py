"""The history's table in plain pdftotext's text of a LibreOffice PDF: its boxes put back in rows.

pdftotext writes the LibreOffice PDF's 年度/経過/委託 table a box at a time: a narrow year column
wrapped (`平成 24 年` / `度`), each year centred over its group of rows, one-line cells centred
between the lines of a wrapped one beside them, a commission written after its group's events, a
year's first line run into the event beside it:

    年度                               年度	経過	委託
    経過                               平成18年度	精神障害者退院促進支援事業を開始	特定非営利活動法人 …
    委託                               平成24年度	地域移行支援・地域定着支援の個別給付化	↓
    平成 18 年                         	退院促進支援事業を地域体制整備事業に再編
    精神障害者退院促進支援事業を開始   →   	ピアサポーターの養成を開始
    度                                 平成30年度	「堺市…推進会議」を設置	社会福祉法人 …
    特定非営利活動法人 …ネッ
    トワーク
    地域移行支援・地域定着支援の個別給付化
    平成 24 年
    退院促進支援事業を地域体制整備事業に再編
    度
    ピアサポーターの養成を開始
    ↓
    平成 30 年 「堺市…推進会
    度
    議」を設置
    社会福祉法人 堺市社会福祉事業団

Each line is a year's piece, a commission's (a corporation's kind first, a bracketed word, `↓`, a
short name with no event's wording), or an event's; a wrapped cell's rest joins its cell (a piece that
closes a bracket, the cell that left one open: `相談支援事業所（6` / `か所）`; a piece that starts as no cell
does, `し、…を加えた`, the event above; a short piece on the line right below an event's that filled its
column, `…区連絡会も` / `オンラインへ移行`, that event; a body's name cut by its column, `…相談支援` / `事業所`, is
one commission; a bulleted line after an event that ended starts a list, whose next items, while
`centred_splits.goes_on_list` says it goes on, are lines of that one cell).
An event's line and the commission's level with it may stand on
one line a space apart (`…府内全圏域に拡大し、各 各圏域の相談支援事業所に`): cut where the rest reads as a
commission or the event's line fills the events' column.  A year
centred among its events (its lines between theirs) takes the events its centre is the middle of;
years written together apart from their events take one each, the last of them the rest (a guess, where
the events are more: a warning says so; a list after them is a year's only row, from the run's last year back,
and a list longer than a year's is several years' lists, cut evenly; years in the western calendar, `2012 年`,
are then left to `cell_lines_tables`, which reads them by their cells' widths).  A
commission goes to the first row of its event's year without one (LibreOffice writes a group's
commissions after its events).  A page break in the table is read through (a row it cuts has its
year's `年度` on the next page); a table whose header is written again after the break, or whose rows
cannot be so placed, is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, display_width, join_wrapped, page_width, unbalanced
from nikosheet.parsing.forms.centred_splits import goes_on_list
from nikosheet.parsing.forms.template_tables import (
    COMMISSION_MARK,
    COMMISSION_MARK_SOURCE,
    HEADING,
    HISTORY,
    Piece,
    non_blank,
    write_table,
)
from nikosheet.typography import starts_hiragana
from nikosheet.vocabulary import AS_ABOVE, BODY_KINDS, BODY_NAME_ENDS, EVENT_COLUMNS, EVENT_ENDS, NOTHING

_HEADER = tuple(EVENT_COLUMNS.values())  # 年度, 経過, 委託
_ERA_YEAR = r"(?:(?:平成|令和|昭和)\s*(?:[0-9０-９]{1,2}|元)|[HRS]\s*[0-9０-９]{1,2})"
_RANGE = r"(?:\s*[～〜~])?"  # a year that runs on (`令和2年度～`)
# a year's first line (`平成 18 年`, `平成 18`, `令和元年度～`, `令和 2 年 4 月`, `現在`), what may follow it
# (after a space, or right after a year's number: `平成27ピアサポーター…`, its space taken with the number's)
_YEAR = re.compile(
    rf"^((?:{_ERA_YEAR}(?:\s*年(?:\s*度|\s*[0-9０-９]{{1,2}}\s*月)?)?|(?:19|20)[0-9]{{2}}\s*年(?:\s*度|\s*[0-9０-９]{{1,2}}\s*月)?|現在){_RANGE})(?:(?:\s+|(?<=[0-9０-９])(?=[^\s0-9０-９年度月～〜~]))(\S.*))?$"
)
_WESTERN = re.compile(r"(?:19|20)[0-9]{2}")  # a year in the western calendar (`2012年`)
_TAIL = re.compile(rf"^年?度{_RANGE}$")  # a year's wrapped rest
_YEARISH = re.compile(r"^(?:平成|令和|昭和|[HRS]\s*[0-9０-９]|(?:19|20)[0-9]{2}\s*年|現在)")  # a year unread
_CORPORATION = re.compile(r"^[^\s、。を]{0,10}\s?法人(?:\s|$)")  # `社会福祉法人 …`, `NPO 法人 …`
# where an event's line runs on into its commission: a corporation's kind, `↓` or a bracketed word at its end
_RUN_ON = re.compile(rf"(?<!\s)\s+(?=[^\s、。を]{{0,10}}法人\s|{AS_ABOVE}$|{COMMISSION_MARK_SOURCE}$)")
_NOTE = re.compile(r"[（(][^（()）]*[)）]$")
_ENTRUSTED = ("へ委託", "に委託", "が受託")  # a commission that says so: the body, then 委託 (or 受託)
_OPEN_ENDS = ("が", "の", "を", "に", "へ", "や", "・", "、")  # no cell ends so: its rest is apart
_SHORT_NAME = 8  # characters of a commission's name with no event's wording (`県社協`, `ピアの会`)
_FRAGMENT = 2  # characters of a wrapped cell's rest that is no cell of its own (`置`, `会`)
_FULL = 2  # display columns a wrapped line may stop short of its column's width
_TEXT_BEFORE = 6  # lines of the history's text before its table
_PARAGRAPH = 0.75  # of the page's width: a line as wide is the history's text after the table


class _Cell(NamedTuple):
    kind: str  # "Y" year, "E" event, "C" commission
    text: str
    at: int  # the source line it starts on
    merged: bool  # written on one line with the cell before it (a year: with the event line before it)
    lines: int = 1  # the source lines it is written on
    width: int = 0  # its first line's display width


def apply(state: FormState) -> None:
    """Rebuild each history table written a box at a time."""
    if not signals.history_groups(state.source):
        return
    lines = state.lines
    page = page_width(lines)
    for at, line in enumerate(lines):
        if line is not None and HISTORY in line and HEADING.match(line):
            _rebuild(state, at, page)


def _rebuild(state: FormState, heading: int, page: int) -> None:
    region = _region(state.lines, heading, page)
    if region is None:
        return
    head, body = region
    cells = _cells(_years_apart(body, state.source.split("\n")))
    if cells is None or any(c.kind in "EC" and not _read(c.text) for c in cells) or _calendars_mixed(cells):
        return
    read = _rows(cells)
    if read is None:
        return
    rows, guessed = read
    if guessed and any(_WESTERN.match(c.text) for c in cells if c.kind == "Y"):
        return  # years in the western calendar whose events would be guessed: `cell_lines_tables` reads them
    placed = _placed(rows, head[0][0], body[-1][0])
    write_table(state.lines, head, "\t".join(_HEADER), placed, body[-1][0])
    if guessed:
        years = sum(1 for c in cells if c.kind == "Y")
        message = messages.YEARS_APART(years=years, events=len(rows))
        state.note(Diagnostic.SHIFTED_CELL, placed[0][0], str(message))


def _calendars_mixed(cells: list[_Cell]) -> bool:
    """Whether the years read are of both calendars (`平成30年度`, `2025年`): a sheet writes its years in
    one, so a western year among era years is an event's words at a line's head (`2025年までに…`), and the
    table is left to `cell_lines_tables` as before western years were read."""
    western = [bool(_WESTERN.match(c.text)) for c in cells if c.kind == "Y" and c.text != "現在"]
    return any(western) and not all(western)


def _region(lines: list[str | None], heading: int, page: int) -> tuple[list[Piece], list[Piece]] | None:
    """The header's pieces and the body's, from the line after the heading to the table's last line."""
    tokens = non_blank(lines[heading + 1 :])
    tokens = [(i + heading + 1, text, blank) for i, text, blank in tokens]
    first = next((k for k, t in enumerate(tokens[: _TEXT_BEFORE + 1]) if t[1] == _HEADER[0]), None)
    if first is None or any(not _prose(text, page) for _, text, _ in tokens[:first]):
        return None
    tokens = tokens[first:]  # the history's text before its table, if any, as it is
    end = next((k for k, (_, text, _) in enumerate(tokens) if HEADING.match(text)), len(tokens))
    end = _paragraph_start(tokens, end, page)
    region = tokens[:end]
    head = [region[0]]
    for word in _HEADER[1:]:
        found = next((t for t in region[1:] if t[1] == word and t not in head), None)
        if found is None:
            return None
        head.append(found)
    body = [t for t in region[1:] if t not in head]
    texts = [text for _, text, _ in body]
    if any(pair in itertools.pairwise(texts) for pair in itertools.pairwise(_HEADER)):
        return None  # the header written again after a page break
    return (head, body) if body else None


def _prose(text: str, page: int) -> bool:
    """A line of the history's text: as wide as the page, or a sentence's end."""
    return text.endswith("。") or display_width(text) >= _PARAGRAPH * page


def _paragraph_start(tokens: list[Piece], end: int, page: int) -> int:
    """Where the history's text after the table starts: its lines as wide as the page, its last a
    sentence's end, back from the next heading (none: the table goes on to the heading)."""
    k = end
    wide = _PARAGRAPH * page
    while k > 1:
        text = tokens[k - 1][1]
        if k == end and not text.endswith("。"):
            break
        if k < end and display_width(text) < wide:
            break
        k -= 1
    return k


def _years_apart(body: list[Piece], source: list[str]) -> list[Piece]:
    """The body with a year's rest that a form before joined to it (`平成24年` / `度`) where the
    source has it: where it stands tells where the year stands."""
    out: list[Piece] = []
    taken = {i for i, _, _ in body}
    for index, text, blank in body:
        raw = source[index].strip()
        rest = re.sub(r"\s", "", raw)
        if _YEAR.match(text) and text.endswith("度") and _YEAR.match(raw) and not rest.endswith("度"):
            tail = next(
                (i for i in range(index + 1, len(source)) if i not in taken and _TAIL.match(source[i].strip())), None
            )
            if tail is not None:
                out.append((index, text[: -len(source[tail].strip())], blank))
                out.append((tail, source[tail].strip(), False))
                continue
        out.append((index, text, blank))
    return sorted(out)


def _cells(body: list[Piece]) -> list[_Cell] | None:
    """The body's lines as cells in their order, a wrapped cell's rest joined to it, a year's rest to
    its year (None where a line is no cell of the history)."""
    pieces: list[_Cell] = []
    full = max((_printed(text) for _, text, _ in body if not _WORDS_APART.search(text)), default=0)
    for index, text, _ in body:
        pieces.extend(_split(index, text, full))
    pieces = _names_cut(pieces)
    widths = {kind: max((_printed(c.text) for c in pieces if c.kind == kind), default=0) for kind in "EC"}
    out: list[_Cell] = []
    open_: dict[str, int] = {}  # kind -> position in `out` of a cell whose last line filled its column
    for at, cell in enumerate(pieces):
        if _list_rest(out, cell, pieces[at + 1] if at + 1 < len(pieces) else None):
            last = out[-1]
            out[-1] = last._replace(text=join_wrapped(last.text, cell.text))
            continue
        item = _item_of(out, cell)
        if item is not None:  # a list's next item: a line of its list's cell
            out[item] = out[item]._replace(text=f"{out[item].text}\n{cell.text}", lines=out[item].lines + 1)
            open_.pop("E", None)
            continue
        if cell.kind == "T":
            year = next(
                (k for k in range(len(out) - 1, -1, -1) if out[k].kind == "Y" and not _whole(out[k].text)), None
            )
            if year is None:
                return None
            out[year] = out[year]._replace(text=_year_text(out[year].text, cell.text), lines=2)
            out.append(cell._replace(text=str(year)))  # where the year's rest stands: the year's position
            continue
        if cell.kind == "Y" and not cell.merged and out and out[-1].kind == "C":
            open_.clear()  # a row's commission, then the next year's line: the cells above have ended
        after_year = cell.merged and out and out[-1].kind == "Y" and _rest_after_year(cell, out, open_)
        after = pieces[at + 1] if at + 1 < len(pieces) else None
        if cell.kind in "EC" and (not cell.merged or after_year) and not _name_starts(out, open_, cell, after):
            target = _rest_of(out, open_, cell._replace(merged=False))
            if target is not None:
                if after_year:  # the year's line is the event's last one: the year stands level with it
                    out[-1] = out[-1]._replace(merged=True)
                joined = out[target]
                text = join_wrapped(joined.text, cell.text)
                kind = (
                    "C" if joined.kind == "E" and _kind(text) == "C" else joined.kind
                )  # a name's rest: `…事` / `業所`
                out[target] = joined._replace(kind=kind, text=text, lines=joined.lines + 1)
                if _printed(cell.text) < widths[joined.kind] - _FULL and not _unfinished(joined.kind, text):
                    open_.pop(joined.kind, None)
                continue
        out.append(cell)
        filled = _printed(cell.text) >= widths[cell.kind] - _FULL if cell.kind in "EC" else False
        if cell.kind in "EC" and (filled or _unfinished(cell.kind, cell.text)) and not _done(cell.text):
            open_[cell.kind] = len(out) - 1
        elif cell.kind in "EC":
            open_.pop(cell.kind, None)
    return [_narrow(cell, widths) for cell in out]


def _item_of(out: list[_Cell], cell: _Cell) -> int | None:
    """The event whose list a bulleted line goes on (`・…を開始` / `・…を設置`: two items of one cell), or
    None: the last event is a list whose last line is done (`goes_on_list`), and the line is the next item."""
    if cell.kind not in "EC" or cell.merged or not cell.text.startswith(_BULLET):
        return None
    event = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind == "E"), None)
    if event is None or any(c.kind == "C" for c in out[event + 1 :]):
        return None
    text = out[event].text  # its first and last lines only: a long list is not split again at every item
    return event if goes_on_list([(0, text.partition("\n")[0])], text.rpartition("\n")[2], cell.text) else None


def _name_starts(out: list[_Cell], open_: dict[str, int], cell: _Cell, after: _Cell | None) -> bool:
    """Whether a commission's first line, whose next line in its box makes it a body's name (`佐渡・魚沼圏域の精神科`
    / `病院`), follows an open commission that is a body's whole name (`佐渡圏域の精神科病院`): two names, each as
    wide as the column, not one name and its rest."""
    above = open_.get("C")
    if cell.kind != "C" or above is None or not _named(out[above].text) or _named(cell.text):
        return False
    return after is not None and after.at == cell.at + 1 and _named(join_wrapped(cell.text, after.text))


def _list_rest(out: list[_Cell], cell: _Cell, after: _Cell | None) -> bool:
    """Whether a short piece that reads as a commission by its shortness alone is the wrapped rest of the
    last item of the list right above it, which did not end as an event does: it starts with a particle
    (`…オンライン面会` / `で代替`: no body's name does), or the list's next item follows it on the next line
    (`…の推進を位` / `置づけ` / `・ピアサポーターの…`: one box, the events' column)."""
    last = out[-1] if out else None
    if last is None or last.kind != "E" or "\n" not in last.text or cell.kind != "C" or cell.merged:
        return False
    if _done(last.text) or not _short_only(cell.text) or cell.text == AS_ABOVE:
        return False
    next_item = after is not None and after.at == cell.at + 1 and after.text.startswith(_BULLET)
    return starts_hiragana(cell.text) or next_item


def _unfinished(kind: str, text: str) -> bool:
    """Whether a commission stops on a particle, short of its column (`各圏域の相談支援事業所に` / `委託（6法人）`):
    no body's name ends so (an event may: `…から「…推進事業」へ`)."""
    return kind == "C" and text.endswith(_OPEN_ENDS)


# where a Japanese character and a number or a Latin word meet: LibreOffice set a space between them,
# which `autospace` took out of the text
_MEETS = re.compile(r"(?<=[^\x00-\x7f])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[^\x00-\x7f])")


def _printed(text: str) -> int:
    """A line's width as printed: its display width, and a column for each space `autospace` took out
    (`（28病院の入院者から抽出した300名）` was `（28 病院の入院者から抽出した 300 名）`)."""
    return display_width(text) + len(_MEETS.findall(text))


_WIDER = 1.5  # the events' column at least so much wider than the commissions'


def _narrow(cell: _Cell, widths: dict[str, int]) -> _Cell:
    """An event wrapped where the commissions' column wraps (its first line as wide as theirs, the events'
    far wider): a commission that reads as an event (`構築支援事業（国）を活` / `用`)."""
    wraps_as_commission = widths["C"] - _FULL <= cell.width <= widths["C"] and widths["E"] >= _WIDER * widths["C"]
    return cell._replace(kind="C") if cell.kind == "E" and cell.lines > 1 and wraps_as_commission else cell


_GOES_ON = tuple("を・、。，」』）)")  # what starts no cell: a wrapped line's rest starts so
_BULLET = "・"  # but a list's item, after an event that ended (`…を開始` / `・…を設置`)


def _rest_after_year(cell: _Cell, out: list[_Cell], open_: dict[str, int]) -> bool:
    """Whether the text run on after a year's first line is a wrapped cell's rest: a character or two,
    or the rest of an event left open on a particle (`…の指定を` / `平成 24 進めるとともに…`: the year,
    centred in its group, level with the event's second line) or going on with what starts no cell
    (`…を開始し、地域移行` / `令和元年 ・地域定着部会を…に設置`)."""
    if len(cell.text) <= _FRAGMENT or (unbalanced(cell.text) < 0 and any(unbalanced(c.text) > 0 for c in out)):
        return True
    event = open_.get("E")
    ends = event is not None and not _done(out[event].text)
    return cell.kind == "E" and (ends or _goes_on(cell.text))


_CONJUNCTIVE = re.compile(r"^[\u3041-\u3096][、，]")  # a verb's ending and a comma: `…に改組` / `し、…を加えた`


def _goes_on(text: str) -> bool:
    """Whether a piece starts as no cell does: a particle, a comma, a closing bracket, a verb's ending."""
    return text.startswith(_GOES_ON) or _CONJUNCTIVE.match(text) is not None


def _read(text: str) -> bool:
    """Whether a cell reads as whole: no year in it unread, its brackets closed, no particle or comma
    at its end (a wrapped cell's rest not found)."""
    return not _YEARISH.match(text) and not unbalanced(text) and not text.endswith(_OPEN_ENDS)


def _split(index: int, text: str, full: int) -> list[_Cell]:
    """A line's cells: a year's first line and what runs on after it, an event and its commission
    (`full`: the display width of the events' column)."""
    if _TAIL.match(text):
        return [_Cell("T", text, index, False)]
    year = _YEAR.match(text)
    cells: list[_Cell] = []
    rest = text
    if year:
        cells.append(_Cell("Y", re.sub(r"\s+", "", year[1]), index, False))
        rest = year[2] or ""
    if rest:
        parts = _RUN_ON.split(rest, maxsplit=1)
        beside = len(parts) == 1 and len(parts := _beside(rest, full)) == 2
        kinds = [_kind(part) for part in parts]
        if beside:  # the line's rest stands in the commissions' column
            kinds[1] = "C"
        if len(parts) == 2 and kinds[0] == "C":
            parts, kinds = [rest], [_kind(rest)]
        for part, kind in zip(parts, kinds, strict=True):
            cells.append(_Cell(kind, part, index, bool(cells), width=display_width(part)))
    return cells


# a space between two Japanese words: no cell holds one (but a corporation's kind and its name, and a
# bracket's words), so it stands between an event's line and the commission's beside it
_WORDS_APART = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _beside(text: str, full: int) -> list[str]:
    """An event's line and the commission's line level with it, which pdftotext wrote on one line a
    space apart (`…を開始 基幹相談支援センター`, `…府内全圏域に拡大し、各 各圏域の相談支援事業所に`):
    cut where the rest reads as a commission, or where the event's line fills the events' column."""
    for gap in _WORDS_APART.finditer(text):
        head, tail = text[: gap.start()], text[gap.end() :]
        if unbalanced(head) > 0 or head.endswith(BODY_KINDS) or _kind(head) == "C":
            continue
        if _kind(tail) == "C" or _printed(head) >= full - _FULL:
            return [head, tail]
        break
    return [text]


def _kind(text: str) -> str:
    if _commission(text):
        return "C"
    if "を" not in text and not _done(text) and _named(text):
        return "C"
    if "を" not in text and _entrusted(text):  # `相談支援事業所へ委託`: no event's object
        return "C"
    if len(text) <= _SHORT_NAME and "を" not in text and not _done(text) and len(text) >= _FRAGMENT:
        return "C"
    return "E"


def _short_only(text: str) -> bool:
    """Whether a piece reads as a commission by its shortness alone (no body's name, no mark)."""
    return not (_commission(text) or _named(text) or _entrusted(text))


def _entrusted(text: str) -> bool:
    """Whether a commission says it was entrusted (`…相談支援事業所に委託（6法人）`, `…が受託`)."""
    return _NOTE.sub("", text).rstrip(")）").endswith(_ENTRUSTED)


def _commission(text: str) -> bool:
    """A commission cell whole: `↓`, `－` (none), a bracketed mark (`（直営）`) or a corporation's name."""
    return (
        text == AS_ABOVE
        or text in NOTHING
        or COMMISSION_MARK.fullmatch(text) is not None
        or _CORPORATION.match(text) is not None
        or text.startswith(BODY_KINDS)
    )


def _named(text: str) -> bool:
    """Whether a commission's text ends as a body's name does (`社会福祉法人（2 法人）`, `…相談支援事業所`),
    its brackets closed (`「…推進会` / `議」を設置` is an event's)."""
    return unbalanced(text) <= 0 and _NOTE.sub("", text).endswith(BODY_NAME_ENDS)


def _done(text: str) -> bool:
    """Whether an event's text ends as an event does: on its step (`…を開始`) or a like ending."""
    return text.endswith(EVENT_ENDS)


def _whole(year: str) -> bool:
    return year.rstrip("～〜~").endswith(("度", "月", "現在"))


def _year_text(head: str, tail: str) -> str:
    if head.endswith("年"):
        return head + tail.removeprefix("年")
    return head + ("年" + tail if tail.startswith("度") else tail)


def _rest_of(out: list[_Cell], open_: dict[str, int], cell: _Cell) -> int | None:
    """The cell this line is the wrapped rest of, or None for a cell of its own."""
    if unbalanced(cell.text) < 0:  # it closes a bracket: the rest of the last cell that left one open
        opened = [k for k, c in enumerate(out) if c.kind in "EC" and unbalanced(c.text) > 0]
        if opened:
            return opened[-1]
    if cell.kind == "E" and _goes_on(cell.text):  # an event's rest, though the event's line seemed to end it
        event = next((k for k in range(len(out) - 1, -1, -1) if out[k].kind == "E"), None)
        bullet = cell.text.startswith(_BULLET)
        if event is not None and not (bullet and (_done(out[event].text) or open_.get("E") != event)):
            return event  # (a list starts after an event that ended, or whose line stopped short of its column)
    if _same_box_rest(out, open_, cell):
        return len(out) - 1
    fragment = len(cell.text) <= _FRAGMENT and cell.text != AS_ABOVE and not COMMISSION_MARK.fullmatch(cell.text)
    candidates = [k for kind, k in open_.items() if kind == cell.kind or fragment]
    event = open_.get("E")
    if cell.kind == "C" and event is not None and out[event].text.endswith(_OPEN_ENDS) and _short_only(cell.text):
        candidates.append(event)  # an event left open on its particle goes on in a short piece: `…推進員を` / `1名配置`
    if cell.kind == "C" and _commission(cell.text):
        return None
    last = out[-1] if out else None
    if fragment and last and last.kind in "EC" and last.at + last.lines == cell.at and not _done(last.text):
        return len(out) - 1  # a character or two on the line right after an unfinished cell's: its rest
    if cell.kind == "C" and _named(cell.text):  # two bodies' whole names, each as wide as the column
        candidates = [k for k in candidates if not (out[k].kind == "C" and _named(out[k].text))]
    if not candidates:
        if fragment:  # a character or two: the last event that does not end as one does
            return next((k for k in range(len(out) - 1, -1, -1) if out[k].kind == "E" and not _done(out[k].text)), None)
        return None
    if len(candidates) > 1:  # a word cut: the cell whose last character is of the rest's first's kind
        same = [k for k in candidates if _script(out[k].text[-1]) == _script(cell.text[0])]
        candidates = same or [k for k in candidates if out[k].kind == cell.kind] or candidates
    return max(candidates)


def _same_box_rest(out: list[_Cell], open_: dict[str, int], cell: _Cell) -> bool:
    """Whether a short piece that reads as a commission is the wrapped rest of the cell right above it, in
    the same box (no blank line between): by its shortness alone, of an event that filled its column and
    did not end on its step (`…区連絡会も` / `オンラインへ移行`); a name's last word alone (`連合会`), of the cell
    above that has not ended (`…家族会`, a name, or an event's line that a commission's name ran on after)."""
    last = out[-1] if out else None
    if last is None or last.kind not in "EC" or cell.kind != "C" or last.at + last.lines != cell.at:
        return False
    if cell.text in BODY_NAME_ENDS:  # a name's last word alone (`広島市…家族会` / `連合会`): no body's name
        return not _done(last.text)
    return last.kind == "E" and open_.get("E") == len(out) - 1 and not _done(last.text) and _short_only(cell.text)


def _names_cut(pieces: list[_Cell]) -> list[_Cell]:
    """The pieces with a commission's first line that reads as an event's made a commission's: a body's
    name cut by its column, whose short rest on the next line of its box makes it read as a name
    (`各圏域の指定一般相談支援` / `事業所`, `岩手県精神保健福祉センタ` / `ー（直営）`); no event's step in it."""
    out = list(pieces)
    for k, (head, tail) in enumerate(itertools.pairwise(pieces)):
        if (
            head.kind == "E"
            and tail.kind == "C"
            and not head.merged
            and not tail.merged
            and head.at + 1 == tail.at
            and "を" not in head.text
            and not _done(head.text)
            and not _commission(tail.text)
            and len(tail.text) <= _SHORT_NAME
            and not _short_only(join_wrapped(head.text, tail.text))
        ):
            out[k] = head._replace(kind="C")
    return out


def _script(ch: str) -> str:
    if "\u30a0" <= ch <= "\u30ff":
        return "katakana"
    if "\u3040" <= ch <= "\u309f":
        return "hiragana"
    return "other"


def _rows(cells: list[_Cell]) -> tuple[list[tuple[int, str, str, str]], bool] | None:
    """The rows (source index, year or "", event, commission) in order, and whether which events are
    each year's was guessed (years written together, apart from more events than years); None where
    they do not fit."""
    apart = _long_lists_apart(cells)
    cut, cells = apart is not cells, apart
    events = [k for k, c in enumerate(cells) if c.kind == "E"]
    years = [k for k, c in enumerate(cells) if c.kind == "Y"]
    if not events or not years:
        return None
    found = _group_starts(cells, events, years)
    if found is None:
        return None
    starts, guessed = found
    group_of = {}
    for g, start in enumerate(starts):
        stop = starts[g + 1] if g + 1 < len(starts) else len(events)
        for e in range(start, stop):
            group_of[e] = g
    commissions = _commissions(cells, events, starts, group_of)
    rows = []
    for e, k in enumerate(events):
        g = group_of[e]
        year = cells[years[g]].text if starts[g] == e else ""
        index = min(cells[k].at, cells[years[g]].at) if year else cells[k].at
        event = cells[k].text
        if "\n" in event:  # a list: its items
            event = cell_line([(line, True) for line in event.split("\n")])
        rows.append((index, year, event, commissions.get(e, "")))
    return rows, guessed and (len(events) > len(years) or cut)


def _group_starts(cells: list[_Cell], events: list[int], years: list[int]) -> tuple[list[int], bool] | None:
    """Each year's first event (positions in `events`), and whether a year's was guessed: a year centred
    among its events ends its group where its centre is the group's middle; a year written apart from its
    events, right before them, starts at the first of them; years written together, one after the other,
    take one each (a guess: where they stand says nothing of their events)."""
    n, m = len(events), len(years)
    if m > n:
        return None
    centres = [_centre(cells, events, y) for y in years]
    leads = [_leads(cells, y) for y in years]
    starts: list[int] = [0]
    guessed = False
    for g in range(1, m):
        before = starts[g - 1]
        mine, last = centres[g], centres[g - 1]
        if mine is None and leads[g]:
            start = sum(1 for k in events if k < years[g])
        elif last is not None:
            start = _nearest_end(cells, events, before, 2 * last - _top(cells, events, before))
        elif mine is not None:  # the year's first line: half a line above its middle
            start = _at_line(cells, events, mine - 0.5)
        else:
            start, guessed = before + 1, True
        starts.append(max(before + 1, min(start, n - (m - g))))
    guessed = _lists_own_years(cells, events, years, starts) or guessed
    return (starts, guessed) if all(a < b for a, b in itertools.pairwise(starts)) and starts[-1] < n else None


_LIST_ITEMS = 3  # items of a year's list: no sheet's holds more (of 20 lists, 2 or 3)


def _long_lists_apart(cells: list[_Cell]) -> list[_Cell]:
    """The cells with a list of more items than a year's after a run of years written together (no event
    between them) cut into lists of as many items each as can be, one after another: two years' lists
    that pdftotext wrote a line an item, read as one (`_lists_own_years` gives each a year)."""
    out: list[_Cell] = []
    moved: dict[int, int] = {}  # a cell's position before -> after, for the years' rests (`T`: their year's)
    run = 0  # years in the run before the events being read
    together = False
    for k, cell in enumerate(cells):
        moved[k] = len(out)
        if cell.kind == "Y":
            run = run + 1 if not together else 1
            together = False
        elif cell.kind == "E":
            together = True
        items = cell.text.split("\n")
        if cell.kind == "E" and run >= 2 and len(items) > _LIST_ITEMS:
            parts = -(-len(items) // _LIST_ITEMS)
            sizes = [len(items) // parts + (p < len(items) % parts) for p in range(parts)]
            cuts = list(itertools.accumulate(sizes, initial=0))
            out.extend(cell._replace(text="\n".join(items[a:b]), lines=b - a) for a, b in itertools.pairwise(cuts))
            continue
        out.append(cell)
    if len(out) == len(cells):
        return cells
    return [c._replace(text=str(moved[int(c.text)])) if c.kind == "T" else c for c in out]


def _lists_own_years(cells: list[_Cell], events: list[int], years: list[int], starts: list[int]) -> bool:
    """Give each list after a run of years written together (no event between them) a year of its own,
    from the run's last year back, the run's first years taking the events before the lists one each
    (the last of them the rest), and say whether any did: a year's list is its only row (19 of the 20
    lists in the sheets), and a year's plain events may be more than one.  `starts` is changed in place."""
    changed = False
    g0 = 0
    while g0 < len(years):
        g1 = g0
        while g1 + 1 < len(years) and all(cells[k].kind != "E" for k in range(years[g1] + 1, years[g1 + 1])):
            g1 += 1
        if g1 > g0:
            first = starts[g0]
            end = starts[g1 + 1] if g1 + 1 < len(years) else len(events)
            k, g = end, g1
            while g > g0 and "\n" in cells[events[k - 1]].text and k - 1 - first >= g - g0:
                starts[g] = k = k - 1
                g -= 1
            if g < g1:
                starts[g0 + 1 : g + 1] = range(first + 1, first + 1 + g - g0)
                changed = True
        g0 = g1 + 1
    return changed


def _leads(cells: list[_Cell], year: int) -> bool:
    """Whether an event (not another year) comes next after a year."""
    return next((c.kind for c in cells[year + 1 :] if c.kind in "YE"), "Y") == "E"


def _at_line(cells: list[_Cell], events: list[int], line: float) -> int:
    """The event written on a line (in lines from the table's top)."""
    y = 0.0
    for e, k in enumerate(events):
        y += _height(cells[k])
        if y > line:
            return e
    return len(events) - 1


def _lines_before(cells: list[_Cell], events: list[int], at: int) -> float:
    """Event lines before cell position `at` (a wrapped event counts its lines)."""
    return float(sum(_height(cells[k]) for k in events if k < at))


def _height(cell: _Cell) -> int:
    return cell.lines


def _centre(cells: list[_Cell], events: list[int], year: int) -> float | None:
    """Where a year's middle stands among the event lines (in lines from the table's top), or None
    where it stands apart from them (its two lines with no event line between)."""
    head = _lines_before(cells, events, year + 1)
    merged = year + 1 < len(cells) and cells[year + 1].kind == "E" and cells[year + 1].merged
    if merged:
        head += 0.5
    elif cells[year].merged:  # on the line of the event before's last line
        head, merged = head - 0.5, True
    tail = next((k for k, c in enumerate(cells) if c.kind == "T" and c.text == str(year)), None)
    if tail is None:  # a year on one line: the middle of the event line it is on, or of the next
        nxt = next((c.kind for c in cells[year + 1 :] if c.kind in "YE"), "Y")
        last = next((c.kind for c in cells[year - 1 :: -1] if c.kind in "YE"), "E") if year else "E"
        return head if merged else None if "Y" in (nxt, last) else head + _box_after(cells, year) / 2
    end = _lines_before(cells, events, tail)
    if not merged and end == head:
        return None
    return (head + end) / 2 if not merged else head + 0.5


def _box_after(cells: list[_Cell], year: int) -> int:
    """The event lines a year on one line of its own spans: those of the events in the box after it
    (pdftotext writes a year centred beside its group's events as a box before theirs: `令和 3 年度`,
    then `…を設置` `…を設置`, one right after the other; the commission of the group above may stand
    between), else the one line."""
    k = year + 1
    while k < len(cells) and cells[k].kind == "C":
        k += 1
    if k == len(cells) or cells[k].kind != "E" or cells[k].at <= cells[k - 1].at + cells[k - 1].lines:
        return 1  # no box of events of its own right after it
    lines, at = 0, cells[k].at
    for cell in cells[k:]:
        if cell.kind != "E" or cell.at != at:
            break
        lines += cell.lines
        at += cell.lines
    return lines


def _top(cells: list[_Cell], events: list[int], start: int) -> float:
    return float(sum(_height(cells[events[e]]) for e in range(start)))


def _nearest_end(cells: list[_Cell], events: list[int], start: int, target: float) -> int:
    """The event boundary after `start` nearest `target` (in lines); a tie: the later."""
    best, best_gap = start + 1, float("inf")
    y = _top(cells, events, start)
    for e in range(start, len(events)):
        y += _height(cells[events[e]])
        gap = abs(y - target)
        if gap <= best_gap:
            best, best_gap = e + 1, gap
        if y > target + 1:
            break
    return best


def _commissions(cells: list[_Cell], events: list[int], starts: list[int], group_of: dict[int, int]) -> dict[int, str]:
    """Each event's commission.  Commissions written one after another (no event between) go, in
    order, to the first rows of their event's group that have none, up to their event (the last one
    before them: LibreOffice writes a group's commissions after its events), rows before the group
    taking the first of them where the group has too few; a commission of more lines than the event
    right after it is that event's (centred beside it, its first line comes first)."""
    out: dict[int, str] = {}

    def same_group(k: int) -> bool:  # the event before a commission and the one after it: one year's
        at = sum(1 for e in events if e < k)
        return 0 < at < len(events) and group_of[at - 1] == group_of[at]

    for run, anchor in _runs(cells, same_group):
        before = sum(1 for e in events if e <= anchor) - 1
        for target, k in zip(_targets(len(run), before, out, starts, group_of), run, strict=True):
            text = cells[k].text
            out[target] = join_wrapped(out[target], text) if target in out else text
    return out


def _runs(cells: list[_Cell], same_group: Callable[[int], bool]) -> list[tuple[list[int], int]]:
    """The commissions in runs (positions in `cells`) with no event between, each with the position
    its event is the last event at or before: the next event's for a commission of more lines, in
    its group."""
    runs: list[tuple[list[int], int]] = []
    for k, cell in enumerate(cells):
        if cell.kind != "C":
            continue
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        if nxt is not None and nxt.kind == "E" and not nxt.merged and nxt.lines < cell.lines and same_group(k):
            runs.append(([k], k + 1))
        elif runs and runs[-1][1] == k - 1:
            runs[-1] = ([*runs[-1][0], k], k)
        else:
            runs.append(([k], k))
    return runs


def _targets(count: int, before: int, out: dict[int, str], starts: list[int], group_of: dict[int, int]) -> list[int]:
    """The rows a run of `count` commissions goes to, in order."""
    if before < 0:
        return [0] * count
    g = group_of[before]
    inside = [e for e in range(starts[g], before + 1) if e not in out]
    if len(inside) >= count:
        return inside[:count]
    later = [e for e in group_of if e > before and group_of[e] == g and e not in out]
    if not inside and later:
        targets = later[:count]
    else:
        earlier = [e for e in range(starts[g] - 1, -1, -1) if e not in out][: count - len(inside)]
        targets = [*earlier[::-1], *inside] or [before]
    return [targets[0]] * (count - len(targets)) + targets


def _placed(rows: list[tuple[int, str, str, str]], header: int, last: int) -> list[tuple[int, str]]:
    """The rows as tab lines, each on a line after the one before (its first source line, or the next)."""
    out: list[tuple[int, str]] = []
    free = header
    for index, year, event, commission in rows:
        free = max(index, free + 1)
        out.append((free, f"{year}\t{event}\t{commission}"))
    if free > last:
        out = [(header + 1 + r, text) for r, (_, text) in enumerate(out)]
    return out
