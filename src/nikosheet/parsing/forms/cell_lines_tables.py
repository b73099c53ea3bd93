"""Tables of sections 3–9 written one cell per line: rebuilt as tab rows under their header.

pdftotext (plain and `-raw`), pdfminer, pypdf, pypdfium2, pdfplumber, PyMuPDF (from the Chromium or
the LibreOffice PDF), docx2txt and LibreOffice's text export write a table cell by cell in reading
order, a wrapped cell over several lines, often with blank lines between cells, sometimes several
short cells on one line joined by a space:

    時期(月)                    時期(月)	実施する項目	実施する内容
    実施する項目                R5年5月	第1回協議の場開催に向けた委員ヒアリング	地域課題の…
    実施する内容          →     R5年8月	第1回協議の場の開催	ヒアリングに基づいた…
    R5年5月
    第1回協議の場開催に向けた委員ヒ
    アリング
    地域課題の解決に向けた取り組みについての聞き取り
    R5年8月 第1回協議の場の開催 ヒアリングに基づいた…

The template is the guide.  A header is known by its words (whatever its line breaks), and so is the
number of its columns.  A row is found by a *pivot*: a cell whose form is known — a date in a
schedule, a fiscal year in the history, a circled number before an indicator, a sector word, a
frequency in the councils' table, a department's name.  The lines between two pivots hold a known
number of cells: the lines, and the words of a line where the converter joins a line's cells with a
space, are cut into that many cells by their widths (`wrapped_cells`: a wrapped cell's lines are
as wide as its column); where that cannot be, wrapped lines are joined back (a long line followed
by a shorter one, no blank line or bullet between) or a line is split at a space.  A table whose
rows cannot be found is left as it was, with a `missing-table` warning.  A rebuilt table ends with
a blank line when it has a spare one, and a header right below another table's row takes its
second line, its first left blank: the parser reads two tables that touch as one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, free_tables, signals, wrapped_cells
from nikosheet.parsing.forms._shared import display_width, page_width

_SPACE = re.compile(r"\s+")
_BULLET = "・•●■◆◇□○◎★☆-*" + "".join(chr(c) for c in range(0x2460, 0x2474))
_P = r"[(（][^)）]*[)）]"  # a header's parenthesised part: (R4年度当初), (取組)
_ERA = r"(?:平成|令和|昭和|[HRS])\s*[0-9０-９元●○]+\s*年"


@dataclass(frozen=True, slots=True)
class _Table:
    """A table of the template: its header cells (regexes over the header's text without white space),
    its columns, the pivot cells that find its rows and how a record of cells becomes rows."""

    header: tuple[str, ...]
    header_row: tuple[int | None, ...]  # the header cells in the columns (None: an empty cell)
    pivots: tuple[re.Pattern[str], ...]  # one a record position, in order
    positions: tuple[int, ...]  # each pivot's position in the record
    record: int  # cells of a record
    rows: tuple[tuple[int | None, ...], ...]  # the record's positions per row (None: an empty cell)
    full: tuple[str, ...] = ()  # words a wrapped pivot is completed to (その他関 / 係機関・ / 住民等)
    grouped: bool = False  # a record may be followed by rows of its group: a second event in one year
    optional: int | None = None  # the position of a column often left empty: a council's 特記事項等
    dense: bool = False  # every row has text after its pivot: two pivots in a row are one cell's lines


def _simple(
    header: tuple[str, ...],
    pivot: str,
    column: int = 0,
    grouped: bool = False,
    optional: int | None = None,
    dense: bool = False,
) -> _Table:
    n = len(header)
    rows = (tuple(range(n)),)
    return _Table(
        header,
        tuple(range(n)),
        (re.compile(pivot),),
        (column,),
        n,
        rows,
        grouped=grouped,
        optional=optional,
        dense=dense,
    )


_WESTERN = r"(?:19|20)[0-9]{2}\s*年"  # `2019年`
_ONE_FY = rf"(?:(?:{_ERA}|{_WESTERN})\s*度|(?:平成|令和|[HR])\s*[0-9０-９元●○]+\s*年?度)"
# a year, or years (`R6年度～R7年度`), or a year alone on its line (`平成16年`, `2019年`)
_FY = rf"(?:{_ONE_FY}(?:\s*[～〜~\-－]\s*(?:{_ONE_FY})?)?|(?:{_ERA}|{_WESTERN})(?=\s*$))"
_ONE_MONTH = rf"(?:(?:{_ERA}|{_WESTERN})\s*)?[0-9０-９]{{1,2}}\s*月"
# a month (`R5年5月`, `5月`, `5`), a range of months (`6月～7月`, `7～9月`), a half or a quarter of the
# year (`R6年度下半期`), a short date (`R7.3`), all year or when needed (`通年`, `随時`)
_MONTH = (
    rf"(?:{_ONE_MONTH}(?:\s*[～〜~\-－]\s*{_ONE_MONTH})?|(?:{_ERA}\s*)?[0-9０-９]{{1,2}}(?=\s|$)"
    r"|[0-9０-９]{1,2}\s*[～〜~\-－]\s*[0-9０-９]{1,2}\s*月|通年|随時"
    rf"|(?:{_ERA}\s*度\s*)?(?:[上下]半期|第[1-4１-４]四半期)|[RH][0-9０-９]{{1,2}}[.．][0-9０-９]{{1,2}})"
)
_N = "[0-9０-９]+"
# a council's frequency: `年4回`, `2回/年`, `月1回`, `年2～3回`, `2か月に1回`, `半年に1回`, `四半期ごと`, `随時`…,
# perhaps with `程度` or a note in brackets after it and a word before it (`各圏域年2～3回`)
_FREQUENCY = (
    rf"(?:(?:各\S{{1,3}}?)?(?:年間?\s*{_N}(?:\s*[～〜~\-]\s*{_N})?\s*回|{_N}\s*回(?:\s*[/／]\s*年)?|[月週]\s*{_N}\s*回"
    rf"|{_N}\s*[かカヵヶケ]月に\s*{_N}\s*回|半年に\s*{_N}\s*回|四半期ごと|随時|隔月|未定|適宜|必要時)"
    r"(?:程度|[(（][^)）\s]{0,6}[)）])?)"
)
_DEPARTMENT = r"\S{1,24}?(?:課|室|係|センター|所|局|部|班|グループ|チーム)(?:[(（][^)）\s]*(?:[)）]|$))?"
_SECTORS = ("保健", "医療", "福祉", "その他関係機関・住民等")
_ROLES = ("行政", "医療", "福祉", "その他関係機関・住民等")


def _word_prefix(word: str) -> str:
    """A regex for the word or its first part when the converter wrapped it (`その他関`)."""
    head, tail = word[:3], word[3:]
    return re.escape(head) + "".join(f"(?:{re.escape(c)}" for c in tail) + ")?" * len(tail)


def _word(word: str) -> re.Pattern[str]:
    """A sector word as a cell of its own, or its first part when the converter wrapped it."""
    return re.compile(rf"(?<!\S){_word_prefix(word)}(?=\s|$)")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words as a cell of its own, in 【】 or not, or its first part when wrapped; a sector's
    word may be qualified as the parser reads it (`医療分野`, `障害福祉`)."""
    return re.compile(rf"(?<!\S)【?(?:障害)?(?:{'|'.join(map(_word_prefix, words))})(?:分野)?】?(?=\s|$)")


_TABLES = (
    # an event's year, years or month (`令和2年4月`, `2019年`), or `現在`
    _simple(
        ("年度", "経過", "委託"),
        rf"^(?:{_FY}|(?:{_ERA}|{_WESTERN})\s*(?:[0-9０-９]{{1,2}}\s*月)?\s*[～〜~]?|現在)(?=\s|$)",
        grouped=True,
        optional=2,
    ),
    _simple(
        ("課題解決の達成度を測る指標", f"目標値{_P}", f"実績値{_P}", "具体的な成果・効果"),
        r"^[\u2460-\u2473].*",
    ),
    _simple(
        ("課題解決の達成度を測る指標", f"現状値{_P}", f"目標値{_P}", "見込んでいる成果・効果"),
        r"^[\u2460-\u2473].*",
    ),
    _simple(("所管部署名", "所管部署における主な業務"), rf"^{_DEPARTMENT}(?=\s|$)", dense=True),
    _simple(("連携部署名", "連携部署における主な業務"), rf"^{_DEPARTMENT}(?=\s|$)", dense=True),
    # a sector's row: its word (in any order, sometimes in 【】), its status and its strengths and issues
    _Table(
        ("各部門の連携状況", "(?:強み・課題等)?"), (0, None, 1), (_words(_SECTORS),), (0,), 3, ((0, 1, 2),), _SECTORS
    ),
    _Table(
        ("課題", "課題解決に向けた取組方針", f"課題・方針に対する役割{_P}"),
        (0, 1, 2, None),
        tuple(_word(w) for w in _ROLES),
        (2, 4, 6, 8),
        10,
        ((0, 1, 2, 3), (None, None, 4, 5), (None, None, 6, 7), (None, None, 8, 9)),
        _ROLES,
    ),
    _simple(
        ("名称", "協議の場の構成員", "開催頻度", "実施内容", f"特記事項等{_P}"),
        rf"(?<!\S){_FREQUENCY}(?=\s|$|・)",  # `年2回・圏域の…`: the activities' first item run on
        2,
        optional=4,
    ),
    _simple(("会議名", "構成員", "開催回数", "内容", "備考"), rf"(?<!\S){_FREQUENCY}(?=\s|$)", 2, optional=4),
    _simple(("年度", "実施内容", "具体的な取組"), rf"^{_FY}(?=\s|$)", optional=2),
    _simple((r"時期[(（]月[)）]", "実施する項目", "実施する内容"), rf"^{_MONTH}(?=\s|$)"),
    _simple((r"時期[(（]月[)）]", "実施内容", "具体的な取組"), rf"^{_MONTH}(?=\s|$)"),
)
_HEADERS = tuple(re.compile("".join(f"({c})" for c in t.header)) for t in _TABLES)
# each table's header but its last cell, and its last cell (a converter may write it after a row)
_HEADS_BUT_LAST = tuple(
    (t, re.compile("".join(f"({c})" for c in t.header[:-1])), re.compile(t.header[-1]))
    for t in _TABLES
    if len(t.header) >= 3
)
_FIRST_WORDS = tuple(sorted({re.sub(r"[\\(（\[].*", "", t.header[0])[:2] for t in _TABLES}))
_TITLE = r"(?:精神障害にも対応した地域包括ケアシステムの?構築(?:に向けた|に資する|のための)|県、指定都市)"
_HEADING = re.compile(rf"^#*\s*(?:[0-9０-９]{{1,2}}\s*[.．]?\s*)?{_TITLE}")  # a section's heading, or its title
_HISTORY = "取組の経緯"  # the history's title: its text may hold a table of the sheet's own
_STOP = re.compile(r"^(?:※|【|＜|<|#|\|)")  # a marker line, or a pipe row
# a pivot's last part the converter wrapped onto the next line: `R5 年 5` `月`, `R6 年` `度`, `2 回` `/年`
_WRAPPED_ENDS = (
    (re.compile(r"年\s*[0-9０-９]{1,2}$"), "月"),
    (re.compile(r"[0-9０-９元●○]\s*年$"), "度"),
    (re.compile(r"回$"), "/年"),
)
_NUMBER = re.compile(r"^[0-9０-９]{1,2}$")
_CIRCLED = re.compile(r"^[\u2460-\u2473]")
_CLOSER = re.compile(r"[^(（)）\s]{0,6}[)）]")  # a header cell's bracket closed on its second line: `初)`

_Piece = tuple[int, str, bool]  # source index, text, whether a blank line came before it
_Cell = list[_Piece]


def apply(state: FormState) -> None:
    """Rebuild every table of sections 3–9 written a cell per line."""
    if not signals.cell_lines_tables(state.source):
        return
    tokens = _tokens(state.lines)
    joined = _joins_cells(tokens)
    source: list[str | None] = [*state.source.split("\n")]
    page = page_width(source)  # no table is wider than the page
    k = 0
    while k < len(tokens):
        found = _header_at(tokens, k)
        late = None
        if found is None:
            late = _header_late(tokens, k)
            if late is None:
                k += 1
                continue
            found = late[:3]
        table, header_cells, body = found
        end = _body_end(tokens, body, table)
        head, rows = tokens[k:body], tokens[body:end]
        if late is not None:  # the header's last cell, written after the first row: the header's still
            head, rows = [*head, tokens[late[3]]], [t for t in rows if t is not tokens[late[3]]]
        last = _rebuild(state, table, head, header_cells, rows, (joined, page))
        if last is None and end > body:
            state.note(
                Diagnostic.MISSING_TABLE,
                tokens[k][0],
                str(messages.ROWS_NOT_FOUND(header=" ".join(header_cells))),
            )
        k = body
        while last is not None and k < len(tokens) and tokens[k][0] <= last:
            k += 1
    _history_tables(state, page)


def _history_tables(state: FormState, page: int) -> None:
    """A table of the sheet's own in the history's text (`free_tables`): the lines after the
    history's title up to its next table or heading."""
    tokens = _tokens(state.lines)
    for k, (_, text, _) in enumerate(tokens):
        if _HISTORY not in text or not _HEADING.match(text):
            continue
        end = k + 1
        while end < len(tokens) and "\t" not in tokens[end][1] and not _HEADING.match(tokens[end][1]):
            end += 1
        free_tables.rebuild(state, [(i, t) for i, t, _ in tokens[k + 1 : end]], page)


def _tokens(lines: list[str | None]) -> list[_Piece]:
    """The non-blank lines, stripped, each with whether a blank line came before it."""
    out: list[_Piece] = []
    blank = False
    for i, line in enumerate(lines):
        text = line.strip(" \t\f\u3000") if line is not None else ""
        if not text:
            blank = blank or line is not None
            continue
        out.append((i, text, blank))
        blank = False
    return out


def _header_at(tokens: list[_Piece], k: int) -> tuple[_Table, list[str], int] | None:
    """The table whose header starts at token k: its header cells and the first token after it."""
    if not tokens[k][1].startswith(_FIRST_WORDS) or "\t" in tokens[k][1]:
        return None
    texts: list[str] = []
    for j in range(k, min(k + 12, len(tokens))):
        texts = _header_line(texts, tokens[j][1])
        squashed = _SPACE.sub("", "".join(texts))
        for table, header in zip(_TABLES, _HEADERS, strict=True):
            m = header.fullmatch(squashed)
            if m is not None:  # a header cell that may be left out is taken when it is there
                longer = header.fullmatch(squashed + _SPACE.sub("", tokens[j + 1][1])) if j + 1 < len(tokens) else None
                return table, list((longer or m).groups()), j + 1 + (longer is not None)
    return None


def _header_line(texts: list[str], text: str) -> list[str]:
    """The header's lines with `text` added: the end of a bracket an earlier line left open right
    after that line (LibreOffice centres a header's cells, so a cell's second line, `初)`, may come
    after the other cells' first lines: `現状値 (今年度当` `目標値 (今年度` `見込んでいる…` `初)` `末)`)."""
    if _CLOSER.fullmatch(text):
        for n, line in enumerate(texts):
            if _unclosed(line) and (n + 1 == len(texts) or not _CLOSER.fullmatch(texts[n + 1])):
                return [*texts[: n + 1], text, *texts[n + 1 :]]
    return [*texts, text]


def _header_late(tokens: list[_Piece], k: int) -> tuple[_Table, list[str], int, int] | None:
    """A header whose last cell a converter wrote after the first row (pdfminer, pdftotext: `年度`,
    `経過`, a row, then `委託`): the table, its cells, the first token after the rest, the late one's."""
    if not tokens[k][1].startswith(_FIRST_WORDS) or "\t" in tokens[k][1]:
        return None
    squashed = ""
    for j in range(k, min(k + 12, len(tokens))):
        squashed += _SPACE.sub("", tokens[j][1])
        for table, head, last in _HEADS_BUT_LAST:
            m = head.fullmatch(squashed)
            if m is None:
                continue
            for late in range(j + 1, min(j + 9, len(tokens))):
                if last.fullmatch(_SPACE.sub("", tokens[late][1])):
                    return table, [*m.groups(), _SPACE.sub("", tokens[late][1])], j + 1, late
    return None


def _joins_cells(tokens: list[_Piece]) -> bool:
    """Whether the converter joins the cells that stand on one line of the page with a space: two of
    a header's cells on one line (pypdf, pypdfium2, `pdftotext -raw`; PyMuPDF writes a line a cell)."""
    for k in range(len(tokens)):
        found = _header_at(tokens, k)
        if found is not None:
            _, cells, body = found
            texts = functools.reduce(_header_line, (t[1] for t in tokens[k:body]), list[str]())
            lines = set(itertools.accumulate(len(_SPACE.sub("", t)) for t in texts))
            if any(end not in lines for end in itertools.accumulate(len(c) for c in cells[:-1])):
                return True
    return False


def _body_end(tokens: list[_Piece], body: int, table: _Table) -> int:
    """Where the table's lines end: a heading, another table's header, a marker line (※, 【, ＜) that
    is not one of the table's own cells (`【保健】`)."""
    for j in range(body, len(tokens)):
        text = tokens[j][1]
        marker = _STOP.match(text) is not None and not any(p.match(text) for p in table.pivots)
        marker = marker or ("\t" in text and text.startswith(_FIRST_WORDS))  # another table's header row
        if _HEADING.match(text) or marker or _header_at(tokens, j) is not None:
            return j
        if _NUMBER.match(text) and j + 1 < len(tokens) and _HEADING.match(tokens[j + 1][1]):
            return j
    return len(tokens)


def _rebuild(
    state: FormState,
    table: _Table,
    head: list[_Piece],
    header_cells: list[str],
    body: list[_Piece],
    converter: tuple[bool, int],
) -> int | None:
    """Write the table's rows in place of its lines: the index of the last source line taken, or
    None when its rows were not found (the lines stay as they are).  `converter`: whether it joins
    the cells of a line with a space, and the page's width in its text."""
    joined, page = converter
    pieces, pivots, took = _pivots(table, body)
    if not pivots:
        return None
    joined = joined or len({p[0] for p in pieces}) < len(pieces)
    head_lines = functools.reduce(_header_line, (t[1] for t in head), list[str]())
    headed, floors = _header_widths(table, head_lines, header_cells)
    if joined:  # a header line's part in a cell may be two of its lines joined: no floor to tell
        floors = []
    records = _records(table, pieces, pivots, (joined, page), headed if any(headed) else None, floors)
    # read again, the columns' widths known: a wrapped line fills its column, and a line too wide for
    # a cell is the next cell's (or, in the history, a new row's)
    learned = _column_widths(table, records, page)
    caps = [h or w for h, w in zip(headed, learned, strict=True)]
    records = _records(table, pieces, pivots, (joined, page), caps, floors)
    rows = [row for record in records for row in _rows(table, record)]
    placed = _place(rows, head[0][0])
    if placed is None:
        return None
    taken = [p[0] for row in rows for cell in row for p in cell]
    last = max(taken + [t[0] for t in head] + [took])
    header = "\t".join("" if c is None else header_cells[c] for c in table.header_row)
    write_table(state.lines, head, header, placed, last)
    return last


def write_table(
    lines: list[str | None], head: list[_Piece], header: str, rows: list[tuple[int, str]], last: int
) -> None:
    """A rebuilt table in place of its source lines, from its header's first line to `last`: the header
    row, then each row (index, text) at its index, the other lines layout; a blank line after the last
    row when a line of the table is below it (a table right below is one of its own)."""
    for i in range(head[0][0], last + 1):
        lines[i] = None
    lines[_header_index(lines, head)] = header
    for index, text in rows:
        lines[index] = text
    if rows[-1][0] < last:
        lines[last] = ""


def _header_index(lines: list[str | None], head: list[_Piece]) -> int:
    """Where the header row goes: its first line, or its second when a table row is right above it
    (the first then stays blank, so that the two tables are read as two)."""
    first = head[0][0]
    above = next((line for line in reversed(lines[:first]) if line is not None), "")
    if "\t" in above and len(head) > 1:
        lines[first] = ""
        return head[1][0]
    return first


def _pivots(table: _Table, body: list[_Piece]) -> tuple[list[_Piece], list[tuple[int, int]], int]:
    """The body's pieces, a pivot split off the line it leads; where the pivots are: (piece, which);
    the last line a pivot took (a pivot made whole from wrapped lines takes them)."""
    pieces: list[_Piece] = []
    took = -1
    found: list[tuple[int, int]] = []
    expect = 0
    number = 0
    j = 0
    while j < len(body):
        index, text, blank = body[j]
        j += 1
        m = table.pivots[expect].search(text)
        if m is not None and m.start():  # a pivot inside a line (the councils' frequency): the cells before it
            pieces.append((index, text[: m.start()].rstrip(), blank))
            text, blank = text[m.start() :], False
            m = table.pivots[expect].match(text)
        if m is None or (_CIRCLED.match(text) and ord(text[0]) - 0x245F != number + 1 and found):
            pieces.append((index, text, blank))
            continue
        if _CIRCLED.match(text):
            number = ord(text[0]) - 0x245F
        head, rest = text[: m.end()], text[m.end() :].strip()
        first = j
        head, rest, j = _complete(table, expect, head, rest, body, j)
        found.append((len(pieces), expect))
        pieces.append((index, head, blank))
        took = body[j - 1][0] if j > first else index
        if rest:
            pieces.append((took, rest, False))
        expect = (expect + 1) % len(table.pivots)
    return pieces, found, took


def _complete(table: _Table, which: int, head: str, rest: str, body: list[_Piece], j: int) -> tuple[str, str, int]:
    """A pivot the converter wrapped (`その他関` `係機関・` `住民等`, `R5 年 5` `月`) made whole from the next lines."""
    if _unclosed(head) and not rest:  # `保健予防課(事務局委託` `元)`
        while j < len(body) and _unclosed(head) and not body[j][2] and len(body[j][1]) < 20:
            head, j = head + body[j][1], j + 1
        return head, "", j
    got = _SPACE.sub("", head)
    if table.full:  # the word the pivot starts: `その他関` → `その他関係機関・住民等`
        want = next((w for w in table.full if w.startswith(got.lstrip("【"))), "")
    else:
        want = next((end for p, end in _WRAPPED_ENDS if p.search(head)), "")
    if not want or rest:
        return head, rest, j
    missing = want[len(got.lstrip("【")) :] if table.full else want
    while missing and j < len(body):  # blank lines between too: the rest of the word is known
        nxt = _SPACE.sub("", body[j][1])
        if missing.startswith(nxt):
            head, missing, j = head + nxt, missing[len(nxt) :], j + 1
        elif nxt.startswith(missing):
            return head + missing, body[j][1].split(missing[-1], 1)[1].strip(), j + 1
        else:
            break
    return head, "", j


def _unclosed(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _records(
    table: _Table,
    pieces: list[_Piece],
    pivots: list[tuple[int, int]],
    converter: tuple[bool, int],
    caps: list[int | None] | None = None,
    floors: list[int] | None = None,
) -> list[dict[int, _Cell]]:
    """The pieces as records of cells: between two pivots, the cells of the record positions between
    (`converter`: whether it joins the cells of a line with a space, and the page's width; `caps`: the
    columns' widths, where known: a grouped table's records may then be followed by rows of their group;
    `floors`: widths the columns have at least)."""
    joined, page = converter
    first_at, first = pivots[0]
    if table.positions[first] == 0 and first_at:  # lines before the first pivot: its row's, out of order
        pieces = [pieces[first_at], *pieces[:first_at], *pieces[first_at + 1 :]]
        pivots = [(0, first), *pivots[1:]]
        first_at = 0
    records: list[dict[int, _Cell]] = [{}]
    row_ends = {max(p for p in row if p is not None) for row in table.rows}

    def split(cells: list[_Piece], first: int, count: int, keep_first: bool = False) -> list[_Cell]:
        ends_row = [(first + k) % table.record in row_ends for k in range(count)]
        columns = [(first + k) % table.record for k in range(count)]
        widths = ([caps[c] for c in columns] if caps else [], [floors[c] for c in columns] if floors else [])
        optional = [c == table.optional for c in columns]
        return _split(cells, count, joined, (ends_row, optional), keep_first, widths)

    def put(position: int, cell: _Cell) -> None:
        if records[-1] and position <= max(records[-1]):
            records.append({})
        records[-1][position] = cell

    start = table.positions[first]
    for position, cell in zip(range(start), split(pieces[:first_at], 0, start), strict=True):
        put(position, cell)
    ends = [at for at, _ in pivots[1:]] + [len(pieces)]
    n = 0
    while n < len(pivots):
        run = _column_run(table, pieces, pivots, n)
        if len(run) > 1:  # the first column read first (pdfminer): the rows' other cells come after
            for k, cells in enumerate(_run_cells(table, pieces, run, ends[n + len(run) - 1], joined)):
                put(0, [run[k]])
                for offset, cell in enumerate(cells, 1):
                    put(offset, cell)
            n += len(run)
            continue
        which = pivots[n][1]
        pivot, at, n = _pivot_cell(table, pieces, pivots, n, 0 not in records[-1])
        end = ends[n - 1]
        pos = table.positions[which]
        if n < len(pivots):
            count = (table.positions[pivots[n][1]] - pos - 1) % table.record
            between = pieces[at + 1 : end]
        else:  # the last row: so many lines a cell at most, and no paragraph after the table
            count = table.record - pos - 1
            between = pieces[at + 1 : _paragraph_at(pieces, at + 1, at + 1 + _LAST_ROW_LINES * count, page)]
        if table.dense and not between and 0 in records[-1]:  # the pivot cell above's last line
            index, text, blank = records[-1][0][-1]
            records[-1][0][-1] = (index, f"{text} {pivot[1]}", blank)
            continue
        if caps and table.grouped and pos == 0:  # the record and the rows of its group after it
            for k, cell in enumerate(_group_rows(table, between, joined, caps)):
                put(1 + (k - 1) % (table.record - 1) if k else 0, cell if k else [pivot])
            continue
        if _CIRCLED.match(pieces[at][1]):  # an indicator's name may wrap: its cell takes lines too
            cells = split([pieces[at], *between], pos, count + 1, keep_first=True)
        else:
            cells = [[pivot], *split(between, pos + 1, count)]
        for offset, cell in enumerate(cells):
            put((pos + offset) % table.record, cell)
    return records


def _paragraph_at(pieces: list[_Piece], start: int, end: int, page: int) -> int:
    """The first of pieces[start:end] that is a paragraph's line after the table: as wide as the page
    (`page`, in display columns) and wider than every line of the table above it, with no space in
    it (not cells joined on a line); `end` when none is."""
    widest = max((display_width(text) for _, text, _ in pieces[:start]), default=0)
    for k in range(start, min(end, len(pieces))):
        text = pieces[k][1]
        width = display_width(text)
        if page and " " not in text and width >= page - _PAGE_SLACK and width > widest + _PAGE_SLACK:
            return k
        widest = max(widest, width)
    return end


def _pivot_cell(
    table: _Table, pieces: list[_Piece], pivots: list[tuple[int, int]], n: int, first: bool
) -> tuple[_Piece, int, int]:
    """The n-th pivot's cell as one piece, the number of its last piece and the next pivot's: in a
    table whose rows all have text after the pivot (a department and its duties), pivots with nothing
    between are one cell's lines (`障害福祉課` `自殺対策推進室`), but one that leads a line with text
    after it starts a row, unless the pivot is the table's `first` (no cell above to go on)."""
    at = pivots[n][0]
    index, text, blank = pieces[at]
    n += 1
    while table.dense and n < len(pivots) and pivots[n][0] == at + 1 and (first or not _leads(pieces, at + 1)):
        at += 1
        text = f"{text} {pieces[at][1]}"
        n += 1
    return (index, text, blank), at, n


def _leads(pieces: list[_Piece], k: int) -> bool:
    """Whether the k-th piece leads its line: the next piece is on the same line."""
    return k + 1 < len(pieces) and pieces[k + 1][0] == pieces[k][0]


def _column_run(table: _Table, pieces: list[_Piece], pivots: list[tuple[int, int]], n: int) -> list[_Piece]:
    """The pivots from the n-th on with nothing between them, where the pivot is a table's first cell:
    a converter that reads a column first (pdfminer) writes every row's first cell, then the rest."""
    at, which = pivots[n]
    run = [pieces[at]]
    if len(table.pivots) > 1 or table.positions[which] or _CIRCLED.match(pieces[at][1]):
        return run
    while n + len(run) < len(pivots) and pivots[n + len(run)][0] == at + len(run):
        run.append(pieces[at + len(run)])
    after = (pivots[n + len(run)][0] if n + len(run) < len(pivots) else len(pieces)) - at - len(run)
    if after <= (len(run) - 1) * (table.record - 1):  # too few for the rows: the rows above are empty
        return run[:1]
    return run


def _run_cells(table: _Table, pieces: list[_Piece], run: list[_Piece], end: int, joined: bool) -> list[list[_Cell]]:
    """The other cells of a run's rows, in order: the pieces after the run cut into as many cells."""
    count = table.record - 1
    first = pieces.index(run[-1]) + 1
    rest = pieces[first:end] if end < len(pieces) else pieces[first : first + 4 * count * len(run)]
    ends_row = [k % count == count - 1 for k in range(count * len(run))]
    cells = _split(rest, count * len(run), joined, (ends_row, [False] * len(ends_row)))
    return [cells[k * count : (k + 1) * count] for k in range(len(run))]


_LAST_ROW_LINES = 12  # lines a cell of a table's last row may take (a council's notes: seven)
_PAGE_SLACK = 4  # display columns: a paragraph's wrapped line may stop two characters short of the page
_NARROWEST = 6  # display columns: the template's narrowest column holds three characters
_CLOSE = 2  # display columns: how far short of its column a wrapped line may stop
_GROUP_ROW = 10.0  # a row of the record's group, beyond the record itself


def _group_rows(table: _Table, pieces: list[_Piece], joined: bool, caps: list[int | None]) -> list[_Cell]:
    """A grouped record's cells after its pivot, and those of the rows of its group (the pivot's
    cell left empty): as many rows as cost least, each cell's lines within its column's width."""
    width = table.record - 1
    best: tuple[float, list[_Cell]] | None = None
    for extra in range(3):
        count = width * (extra + 1)
        positions = [1 + k % width for k in range(count)]
        ends_row = [p == width for p in positions]
        found = wrapped_cells.cut(pieces, count, _BULLET, joined, ends_row, [caps[p] for p in positions], True)
        if found is not None and (best is None or found[1] + extra * _GROUP_ROW < best[0]):
            best = (found[1] + extra * _GROUP_ROW, found[0])
    return [[], *(best[1] if best is not None else [list(pieces)])]


def _header_widths(table: _Table, lines: list[str], cells: list[str]) -> tuple[list[int | None], list[int]]:
    """Each column's width where its header cell wrapped (`特記事項等(課題・強` `み等)`: the width of
    its part on a line but its last), and a width it has at least where its header cell stands whole
    on a line (`現状値 (今年度当初)`); `cells`: the header's cells without white space."""
    caps: list[int | None] = [None] * table.record
    floors = [0] * table.record
    if table.header_row != tuple(range(table.record)):
        return caps, floors
    ends = list(itertools.accumulate(len(cell) for cell in cells))  # where each cell ends in the header
    read = 0  # the header's characters read, white space left out
    for line in lines:
        begun = read
        parts: dict[int, list[str]] = {}  # each cell's part of the line
        for ch in line.strip():
            column = bisect.bisect_right(ends, read - (ch.isspace()))  # a space goes with the cell before
            parts.setdefault(column, []).append(ch)
            read += not ch.isspace()
        for column, part in parts.items():
            if column >= len(ends):
                continue
            width = display_width("".join(part).strip())
            if read < ends[column]:  # the line ends inside the cell: it wrapped
                caps[column] = width
            elif (ends[column - 1] if column else 0) >= begun:  # the whole cell on the line
                floors[column] = width
    return caps, floors


def _column_widths(table: _Table, records: list[dict[int, _Cell]], page: int) -> list[int | None]:
    """Each column's width where cells wrapped in it (their lines with no blank line between, none a
    `↓`): the widest of their lines but the last that another comes close to; none when together
    they are wider than the page (`page`, in display columns): cells read wrongly set them."""
    wrapped: list[list[int]] = [[] for _ in range(table.record)]
    for record in records:
        for position, cell in record.items():
            if len(cell) < 2 or any(blank or text == "↓" for _, text, blank in cell[1:]):
                continue
            wrapped[position].extend(display_width(text) for _, text, _ in cell[:-1])
    caps = [_agreed_width(widths, table.grouped) for widths in wrapped]
    if page and sum(cap or 0 for cap in caps) > page:
        return [None] * table.record
    return caps


def _agreed_width(widths: list[int], alone: bool) -> int | None:
    """The widest of the widths that another comes close to (a wrapped line may stop short of its
    column by a character), or the widest when `alone` may set it; None for a column too narrow for
    the template's (a letter a line: a figure's vertical text)."""
    ordered = sorted((w for w in widths if w >= _NARROWEST), reverse=True)
    for k in range(len(ordered) - 1):
        if ordered[k] - ordered[k + 1] <= _CLOSE:
            return ordered[k]
    return ordered[0] if ordered and alone else None


def _split(
    pieces: list[_Piece],
    count: int,
    joined: bool,
    kinds: tuple[list[bool], list[bool]],
    keep_first: bool = False,
    widths: tuple[list[int | None], list[int]] = ([], []),
) -> list[_Cell]:
    """`count` cells from the pieces: wrapped lines joined back, or a line split at a space (`joined`:
    the converter joins a line's cells with a space; `kinds`: whether the k-th cell ends its row, and
    whether its column is often left empty; `widths`: the k-th cell's column width, where known, and a
    width it has at least)."""
    if count == 0:
        return []
    ends_row, optional = kinds
    caps, floors = widths
    full = wrapped_cells.cut(pieces, count, _BULLET, joined, ends_row, caps, keep_first=keep_first, floors=floors)
    if full is not None and any(optional):  # an optional cell left empty, where that costs less
        lighter = wrapped_cells.cut(pieces, count, _BULLET, joined, ends_row, caps, True, keep_first, optional, floors)
        if lighter is not None and lighter[1] < full[1]:
            return lighter[0]
    if full is not None:
        return full[0]
    found = wrapped_cells.cut(
        pieces, count, _BULLET, joined, ends_row, caps, empty=True, keep_first=keep_first, floors=floors
    )
    if found is not None:
        return found[0]
    pieces = list(pieces)
    while len(pieces) < count and _split_one(pieces):
        pass
    widest = max((_width(p[1]) for p in pieces), default=1)
    listed = _listed(pieces)
    gaps = range(1, len(pieces))
    scores = {g: _wrap_score(pieces[g - 1], pieces[g], listed[g - 1], widest) for g in gaps}
    joins = set(sorted(gaps, key=lambda g: -scores[g])[: max(0, len(pieces) - count)])
    cells: list[_Cell] = []
    for g, piece in enumerate(pieces):
        if g in joins:
            cells[-1].append(piece)
        else:
            cells.append([piece])
    return cells + [[] for _ in range(count - len(cells))]


def _listed(pieces: list[_Piece]) -> list[bool]:
    """Whether each piece is a list's: a bulleted line, or a line right after one (its wrap)."""
    out: list[bool] = []
    for piece in pieces:
        out.append(piece[1][0] in _BULLET or (bool(out) and out[-1] and not piece[2]))
    return out


def _split_one(pieces: list[_Piece]) -> bool:
    """Split the longest piece that holds a space between two cells' words; False when none does."""
    for k in sorted(range(len(pieces)), key=lambda k: -len(pieces[k][1])):
        index, text, blank = pieces[k]
        m = re.search(r"(?<![、,，。.\s])\s+(?![\s・])", text)
        if m is not None and not (text[m.start() - 1].isascii() and text[m.end()].isascii()):
            pieces[k : k + 1] = [(index, text[: m.start()], blank), (index, text[m.end() :], False)]
            return True
    return False


def _wrap_score(before: _Piece, after: _Piece, listed: bool, widest: int) -> float:
    """How likely `after` is `before`'s line wrapped: no blank line or new bullet between, a long line
    then a shorter one.  Items of one list join before a list joins a text."""
    last = before[1]
    score = 50.0  # a text line after a text line: a wrap
    if after[1][0] in _BULLET:
        score = 0.0 if listed else -50.0
    if after[2]:
        score -= 40
    if last.endswith(("。", ".")):
        score -= 10
    return score + (_width(last) - _width(after[1])) / 8 + 20 * _width(last) / widest


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _rows(table: _Table, record: dict[int, _Cell]) -> list[list[_Cell]]:
    """A record's rows (cells of pieces), a row without any text left out."""
    out = []
    for layout in table.rows:
        row = [record.get(p, []) if p is not None else [] for p in layout]
        if any(row):
            out.append(row)
    return out


def _place(rows: list[list[_Cell]], header: int) -> list[tuple[int, str]] | None:
    """Each row's text at the first source line it was made from, after the row before; None when two
    rows come from one line."""
    out: list[tuple[int, str]] = []
    last = header
    for row in rows:
        indexes = sorted(p[0] for cell in row for p in cell if p[0] > last)
        if not indexes:
            return None
        last = indexes[0]
        out.append((last, "\t".join(_join(cell) for cell in row)))
    return out


def _join(cell: _Cell) -> str:
    """A cell's lines as one: Japanese joined without a space; a bullet, Latin words, or a line after
    a Latin comma (`チラシ,` `動画を作成`: the space the wrap took) after one."""
    text = ""
    for _, part, _ in cell:
        latin = text[-1:].isascii() and text[-1:].isalnum() and part[0].isascii()
        comma = text[-1:] == "," and not (text[-2:-1].isdigit() and part[0].isdigit())  # not 1,320
        if text and (part[0] in _BULLET or latin or comma):
            text += " "
        text += part
    return text
