"""The template's tables of sections 3–9 as the converter readers know them, and where they stand in
a text of non-blank lines.

A table is known by its header's cells (regexes over the header's text without white space, whatever
its line breaks), its columns, and its *pivots*: cells whose form is known — a date in a schedule, a
fiscal year in the history, a circled number before an indicator, a sector word, a frequency in the
councils' table, a department's name — that find its rows in text that lost the table's borders.
The readers of one-cell-per-line text (`cell_lines_tables`, `cell_lines_docx`), of printed lines
(`visual_rows`, `centred_rows`), of text boxes (`column_runs`, `banded_rows`) and of laid-out or pipe
text (`known_headers`) share these definitions; `write_table` writes a rebuilt table back in place
of its lines.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any, NamedTuple

from nikosheet.parsing.cells import NAME_VALUE
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import RANGE_MARKS
from nikosheet.vocabulary import BODY_KINDS, LIST_LABELS, OUTCOME_COLUMNS, PLANNED_COLUMNS, ROLES, SECTORS

SPACE = compile_lazily(r"\s+")  # on first use: the forms that ask it are loaded for few texts
BULLET = "・•●■◆◇□○◎★☆-*" + "".join(chr(c) for c in range(0x2460, 0x2474))
LIST_BULLETS = "・•"  # what a list's item in a cell starts with (a member's, an activity's)
COUNCIL_NAME_ENDS = ("会議", "会", "協議の場", "グループ")  # a council's name ends so: 部会, 協議会, 連絡会 … in 会
_P = r"[(（][^)）]*[)）]"  # a header's parenthesised part: (R4年度当初), (取組)
_ERA = r"(?:平成|令和|昭和|[HRS])\s*(?:[0-9０-９]+|元|[●○]+)\s*年"


class Table(NamedTuple):  # not a frozen dataclass, which costs 0.8 ms to define
    """A table of the template: its header cells (regexes over the header's text without white space),
    its columns, the pivot cells that find its rows and how a record of cells becomes rows."""

    header: tuple[str, ...]
    header_row: tuple[int | None, ...]  # the header cells in the columns (None: an empty cell)
    pivot_sources: tuple[str, ...]  # the pivots' regexes, one a record position, in order
    positions: tuple[int, ...]  # each pivot's position in the record
    record: int  # cells of a record
    rows: tuple[tuple[int | None, ...], ...]  # the record's positions per row (None: an empty cell)
    full: tuple[str, ...] = ()  # words a wrapped pivot is completed to (その他関 / 係機関・ / 住民等)
    grouped: bool = False  # a record may be followed by rows of its group: a second event in one year
    optional: int | None = None  # the position of a column often left empty: a council's 特記事項等
    dense: bool = False  # every row has text after its pivot: two pivots in a row are one cell's lines
    unlike: tuple[tuple[int, str], ...] = ()  # a position and a regex its cells rarely match (a name: no `。`)

    @property
    def unlikes(self) -> dict[int, re.Pattern[str]]:
        """The regexes its positions' cells rarely match, compiled on first use."""
        return dict(zip((p for p, _ in self.unlike), _compiled(tuple(r for _, r in self.unlike)), strict=True))

    @property
    def cells(self) -> tuple[re.Pattern[str], ...]:
        """The header cells compiled, on first use (as the pivots)."""
        return _compiled(self.header)

    @property
    def pivots(self) -> tuple[re.Pattern[str], ...]:
        """The pivots compiled, on first use: most texts need none of them (a pivot costs up to a
        millisecond to compile, a dozen of them a batch's worth of sheets in the samples' form)."""
        return _compiled(self.pivot_sources)


@functools.cache
def _compiled(sources: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(map(re.compile, sources))


def _simple(
    header: tuple[str, ...],
    pivot: str,
    column: int = 0,
    grouped: bool = False,
    optional: int | None = None,
    dense: bool = False,
    unlike: tuple[tuple[int, str], ...] = (),
) -> Table:
    n = len(header)
    rows = (tuple(range(n)),)
    return Table(
        header,
        tuple(range(n)),
        (pivot,),
        (column,),
        n,
        rows,
        grouped=grouped,
        optional=optional,
        dense=dense,
        unlike=unlike,
    )


_WESTERN = r"(?:19|20)[0-9]{2}\s*年"  # `2019年`
# a council's name and its members are no sentence (a name holds no predicate, `…である`); its notes (often
# left empty) end with no council's name, nor do its activities after a sentence
_NAME_AT_END = rf"[^。]{{1,40}}(?:{'|'.join(COUNCIL_NAME_ENDS)})(?:{_P})?$"
_COUNCIL_CELLS = ((0, "。|(?:であ|てい)る"), (1, "。"), (3, f"。{_NAME_AT_END}"), (4, f"(?:^|。){_NAME_AT_END}"))
# an indicator's wrapped name does not end with the next cell's value, nor are its values sentences
_INDICATOR_CELLS = ((0, NAME_VALUE), (1, "。"), (2, "。"))
_ONE_FY = rf"(?:(?:{_ERA}|{_WESTERN})\s*度|(?:平成|令和|[HR])\s*(?:[0-9０-９]+|元|[●○]+)\s*年?度)"
# a year, or years (`R6年度～R7年度`), or a year alone on its line (`平成16年`, `2019年`)
_FY = rf"(?:{_ONE_FY}(?:\s*[～〜~\-－]\s*(?:{_ONE_FY})?)?|(?:{_ERA}|{_WESTERN})(?=\s*$))"
_ONE_MONTH = rf"(?:(?:{_ERA}|{_WESTERN})\s*)?[0-9０-９]{{1,2}}\s*月"
# a range's last month, or one whose `月` a narrow column wrapped onto the next line (`R6年5月～6` `月`,
# `R6年12月～R7年1` `月`: the year end crossed), or whose month it wrapped after the year (`R5年12月～R6年` `1月`)
_LAST_MONTH = rf"(?:{_ONE_MONTH}|(?:{_ERA}\s*)?[0-9０-９]{{1,2}}(?=\s*$)|{_ERA}(?=\s*$))"
MONTH_HEADER = r"時期[(（]月[)）]"  # an annual schedule's first header cell (a pattern, as the tables' are)
# a month (`R5年5月`, `5月`, `5`), a range of months (`6月～7月`, `7～9月`, `R5年4月～` open), a half or a
# quarter of the year (`R6年度下半期`), a short date (`R7.3`), all year or when needed (`通年`, `随時`)
_MONTH = (
    rf"(?:{_ONE_MONTH}(?:\s*[～〜~\-－]\s*(?:{_LAST_MONTH})?)?|(?:(?:{_ERA}|{_WESTERN})\s*)?[0-9０-９]{{1,2}}(?=\s|$)"
    r"|[0-9０-９]{1,2}\s*[～〜~\-－]\s*[0-9０-９]{1,2}\s*月|通年|随時"
    rf"|(?:{_ERA}\s*度\s*)?(?:[上下]半期|第[1-4１-４]四半期)|[RH][0-9０-９]{{1,2}}[.．][0-9０-９]{{1,2}})"
)
_N = "[0-9０-９]+"
# the bodies a frequency is each's (`圏域ごとに`, `区により`): a word of three characters at most
_SCOPE = r"[^\s0-9０-９、。・]{1,3}?(?:ごとに|により)"
# a council's frequency: `年4回`, `2回/年`, `2～4回/年`, `月1回`, `年2～3回`, `年2回～6回`, `2か月に1回`, `半年に1回`,
# `四半期ごと`, `随時`…, perhaps with `程度`, `以上` or a note in brackets after it and the bodies it is each's before
# it (`各圏域年2～3回`, `各保健所 年2回`, `圏域ごとに年2～4回`, `区により年2～6回`)
FREQUENCY = (
    rf"(?:(?:各\S{{0,3}}?[ \u3000]?|{_SCOPE})?"
    rf"(?:年間?\s*{_N}(?:\s*回?\s*[～〜~\-]\s*{_N})?\s*回|{_N}(?:\s*回?\s*[～〜~\-]\s*{_N})?\s*回(?:\s*[/／]\s*(?:年度?|月|週))?"
    rf"|毎?[月週]\s*{_N}\s*回|{_N}\s*[かカヵヶケ]月に\s*{_N}\s*回|(?:半年|四半期|半期)(?:に|で|ごとに)?\s*{_N}\s*回"
    r"|四半期ごと|随時|隔月|隔週|毎月|毎週|未定|適宜|必要時)"
    r"(?:程度|以上|[(（][^)）\s]{0,6}[)）])?)"
)
# a word every frequency that FREQUENCY reads holds (its counted ones all end in 回): a text with none of them
# holds no frequency, found without the pattern (kept beside it: a new kind of frequency adds its word)
FREQUENCY_WORDS = ("回", "四半期ごと", "随時", "隔月", "隔週", "毎月", "毎週", "未定", "適宜", "必要時")
_DEPARTMENT = r"[^\s、。]{1,24}?(?:課|室|係|センター|所|局|部|班|グループ|チーム|委員会)(?:[(（][^)）\s]*(?:[)）]|$))?"
# a department's name (`保健予防課`, `…センター`, `教育委員会`, a bracket after it)
DEPARTMENT = compile_lazily(_DEPARTMENT)
# an office's section after it a space apart (`健康推進課`, a note of its offices after it: `健康づくり課（5か所）`)
SECTION = r"[^\s、。,，]{1,12}?(?:課|係|室|班|センター|所)(?:[(（][^)）\s]{1,8}[)）])?"
# a department, or a body outside the government with its legal kind before its name (`公益財団法人 …センター`);
# an office's sections after it a space apart (`…保健所 健康推進課`, `…局 子ども総合センター`: a section's end, not
# a bureau's, which a duty may end with, `協議の場の事務局`)
_PARTNER = rf"(?:(?:{'|'.join(BODY_KINDS)})\s?)?{_DEPARTMENT}(?:\s{SECTION})*"
_SECTORS = tuple(SECTORS.values())  # a row each in the sectors' table, 保健 first
_ROLES = tuple(ROLES.values())  # a row each of an issue in the issues' table, 行政 first


def _word_prefix(word: str, least: int = 3) -> str:
    """A regex for the word or its first part when the converter wrapped it (`その他関`; `least`: the
    characters the part has at least)."""
    head, tail = word[:least], word[least:]
    return re.escape(head) + "".join(f"(?:{re.escape(c)}" for c in tail) + ")?" * len(tail)


def _word(word: str, least: int = 3) -> str:
    """A sector word as a cell of its own, or its first part when the converter wrapped it."""
    return rf"(?<!\S){_word_prefix(word, least)}(?=\s|$)"


def _words(words: tuple[str, ...]) -> str:
    """Any of the words as a cell of its own, in 【】 or not, or its first part when wrapped; a sector's
    word may be qualified as the parser reads it (`医療分野`, `障害福祉`)."""
    return rf"(?<!\S)【?(?:障害)?(?:{'|'.join(map(_word_prefix, words))})(?:分野)?】?(?=\s|$)"


# the same year in the other calendar, in brackets after it (`2010年度（平成22年度）`, `平成18年度(2006年度)`), or
# its first part where a narrow column wrapped it (`2010年度（平成22` / `年度）`)
_OTHER_CALENDAR = rf"[(（](?:(?:{_FY})[)）]|[^()（）\s]{{1,8}}(?=\s|$))"


TABLES = (
    # an event's year, years or month (`令和2年4月`, `2019年`), or `現在`; a year perhaps with its other
    # era's in brackets (`2010年度（平成22年度）`)
    _simple(
        ("年度", "経過", "委託"),
        rf"^(?:{_FY}(?:\s*{_OTHER_CALENDAR})?|(?:{_ERA}|{_WESTERN})\s*(?:[0-9０-９]{{1,2}}\s*月)?\s*[～〜~]?|現在)(?=\s|$)",
        grouped=True,
        optional=2,
    ),
    _simple(
        (OUTCOME_COLUMNS["name"], f"目標値{_P}", f"実績値{_P}", OUTCOME_COLUMNS["effects"]),
        r"^[\u2460-\u2473].*",
        unlike=_INDICATOR_CELLS,
    ),
    _simple(
        (PLANNED_COLUMNS["name"], f"現状値{_P}", f"目標値{_P}", PLANNED_COLUMNS["expected_effects"]),
        r"^[\u2460-\u2473].*",
        unlike=_INDICATOR_CELLS,
    ),
    _simple(("所管部署名", "所管部署における主な業務"), rf"^{_PARTNER}(?=\s|$)", dense=True),
    _simple(("連携部署名", "連携部署における主な業務"), rf"^{_PARTNER}(?=\s|$)", dense=True),
    # a sector's row: its word (in any order, sometimes in 【】), its status and its strengths and issues
    Table(
        ("各部門の連携状況", "(?:強み・課題等)?"), (0, None, 1), (_words(_SECTORS),), (0,), 3, ((0, 1, 2),), _SECTORS
    ),
    Table(
        ("課題", "課題解決に向けた取組方針", f"課題・方針に対する役割{_P}"),
        (0, 1, 2, None),
        # a role's word; the last one's first two characters alone where a column two wide wrapped it
        # (`その` / `他関` / `係機` / `関・` / `住民` / `等`: `_complete` makes it whole)
        tuple(_word(w, 2) for w in _ROLES),
        (2, 4, 6, 8),
        10,
        ((0, 1, 2, 3), (None, None, 4, 5), (None, None, 6, 7), (None, None, 8, 9)),
        _ROLES,
    ),
    _simple(
        ("名称", "協議の場の構成員", "開催頻度", "実施内容", f"特記事項等{_P}"),
        rf"(?<!\S){FREQUENCY}(?=\s|$|・)",  # `年2回・圏域の…`: the activities' first item run on
        2,
        optional=4,
        unlike=_COUNCIL_CELLS,
    ),
    _simple(
        ("会議名", "構成員", "開催回数", "内容", "備考"),
        rf"(?<!\S){FREQUENCY}(?=\s|$)",
        2,
        optional=4,
        unlike=_COUNCIL_CELLS,
    ),
    _simple(("年度", "実施内容", "具体的な取組"), rf"^{_FY}(?=\s|$)", optional=2),
    _simple((MONTH_HEADER, "実施する項目", "実施する内容"), rf"^{_MONTH}(?=\s|$)"),
    _simple((MONTH_HEADER, "実施内容", "具体的な取組"), rf"^{_MONTH}(?=\s|$)"),
)
OUTCOMES = next(t for t in TABLES if t.header[1].startswith(OUTCOME_COLUMNS["target"]))  # section 4's indicators
PLANNED = next(t for t in TABLES if t.header[1].startswith(PLANNED_COLUMNS["current"]))  # section 5's
ISSUES = next(t for t in TABLES if t.full == _ROLES)  # section 5's issues: its pivots a role's word
OUTCOME_VALUES = tuple(k for k, key in enumerate(OUTCOME_COLUMNS) if key in ("target", "actual"))  # their columns


@functools.cache
def headers() -> tuple[re.Pattern[str], ...]:
    """Each table's header, a group a cell (compiled on first use, as are the two below: a sheet in the
    samples' form and most converters' texts need none of them, and they cost milliseconds)."""
    return tuple(re.compile("".join(f"({c})" for c in t.header)) for t in TABLES)


@functools.cache
def _heads_but_last() -> tuple[tuple[Table, re.Pattern[str], re.Pattern[str]], ...]:
    """Each table's header but its last cell, and its last cell (a converter may write it after a row)."""
    return tuple(
        (t, re.compile("".join(f"({c})" for c in t.header[:-1])), re.compile(t.header[-1]))
        for t in TABLES
        if len(t.header) >= 3
    )


@functools.cache
def _cells() -> tuple[tuple[Table, tuple[re.Pattern[str], ...]], ...]:
    """Each table's header cells, one by one (a converter may write lines of the first row between them)."""
    return tuple((t, t.cells) for t in TABLES if len(t.header) >= 3)


_SCATTERED_LINES = 8  # lines of a header written a printed line at a time
_WOVEN_GAP = 3  # lines of the first row's cell between two header cells
_FIRST_WORDS = tuple(sorted({t.header[0][:2] for t in TABLES}))  # a first cell's first two: never a bracket
assert not any(set(t.header[0][:2]) & set("\\(（[") for t in TABLES)


# a table's header cells but its first, run together on a line: the first cell wrapped, written after them
@functools.cache
def _later_heads() -> tuple[re.Pattern[str], ...]:
    """Each table's header cells but its first, as one pattern (compiled on first use)."""
    return tuple(re.compile("".join(f"(?:{c})" for c in t.header[1:])) for t in TABLES if len(t.header) >= 3)


_LONG_FIRST_CELLS = frozenset(t.header[0] for t in TABLES if len(t.header[0]) >= 4 and t.header[0].isalnum())
TITLE = r"(?:精神障害にも対応した地域包括ケアシステムの?構築(?:に向けた|に資する|のための)|県、指定都市)"
HEADING = compile_lazily(rf"^#*\s*(?:[0-9０-９]{{1,2}}\s*[.．]?\s*)?{TITLE}")  # a section's heading, or its title
OVERVIEW_TITLE = compile_lazily(r"概要[（(]全体[)）]")  # section 2's title, or its wrapped end
HISTORY = "取組の経緯"  # the history's title: its text may hold a table of the sheet's own
LAID_OUT = compile_lazily(r"\S {3,}\S")  # a line's cells set apart by a run of spaces: a laid-out text
STOP = compile_lazily(r"^(?:※|【|＜|<|#|\|)")  # a marker line, or a pipe row
_TEMPLATE_LABELS = "|".join(re.escape(label) for label in LIST_LABELS.values())
# a 【…】 label that heads a framed box's text (`page_wraps`): the template's (`【その他事項】※…`, `【特徴(強み)】`),
# or one on its own or before a space; not a label of the author's own that opens a paragraph (`【当事者の参画】ピア…`)
LABEL = rf"【(?:(?:{_TEMPLATE_LABELS})】|[^】]*(?:】(?:\s|$)|$))"
# an issue's label of the author's own, opening its cell's first line (`【市町村格差】小規模町村では…`, a space or a
# full-width one after it too): the issues' table goes on past it (see `marker`)
_ISSUE_LABEL = compile_lazily(rf"(?!【(?:{_TEMPLATE_LABELS})】)【[^】\s]{{1,24}}】[ \u3000]?\S")
_ISSUES = "課題"  # the issues' table's first header cell
# a pivot's last part the converter wrapped onto the next line: `R5 年 5` `月`, `R6 年` `度`, `2 回` `/年`
MONTH_CUT = compile_lazily(
    r"(?:年|月\s*[～〜~\-－])\s*[0-9０-９]{1,2}$"
)  # a month whose `月` went on: `R7年1`, `5月〜6`
# an open range's end, wrapped onto the next line: `R5年10月～` `11月`, `R6年12月～` `R7年1月`
RANGE_OPEN = compile_lazily(rf"[{re.escape(RANGE_MARKS)}]$")
RANGE_END = compile_lazily(rf"(?:{_ERA}\s*)?[0-9０-９]{{1,2}}\s*月")
# a range's end cut after its year, its month on the next line: `R5年12月～R6年` `1月`
RANGE_YEAR_CUT = compile_lazily(rf"[{re.escape(RANGE_MARKS)}]\s*{_ERA}$")
_MONTH_ALONE = compile_lazily(r"[0-9０-９]{1,2}\s*月")
# a range's end wrapped with its mark onto the next line: `R6年12月` `～R7年2月`
RANGE_TAIL = compile_lazily(rf"[{re.escape(RANGE_MARKS)}]\s*{RANGE_END.pattern}")


def range_rest(above: str, text: str) -> bool:
    """Whether `text` is the rest of a range of months that `above` (a month cell's text so far) starts,
    which a narrow column wrapped onto the next line: the range's end (`R6年7月～` / `9月`), its mark
    and end (`R6年12月` / `～R7年2月`) or its end's month (`R5年12月～R6年` / `1月`), the cell's rest and no
    row of its own.  A range left open (`R7年4月～`: from April on) is rare and a wrapped one common: where
    the line shows no item of a row of its own, the wrapped reading is taken (each form tells where the
    item stands)."""
    text = text.strip()
    if RANGE_YEAR_CUT.search(above.rstrip()):
        return _MONTH_ALONE.fullmatch(text) is not None
    if not RANGE_OPEN.search(above.rstrip()):
        return RANGE_TAIL.fullmatch(text) is not None  # (no row's month starts with a range's mark)
    return RANGE_END.fullmatch(text) is not None


WRAPPED_ENDS = (
    (MONTH_CUT, "月"),
    (compile_lazily(r"[0-9０-９元●○]\s*年$"), "度"),
    (compile_lazily(r"回$"), "/年"),
)
# a history's bracketed 委託 cell (`（直営）`, `（委託なし）`): its source, to build on, and the cell whole
COMMISSION_MARK_SOURCE = r"[（(][^（()）\s]{1,10}[)）]"
COMMISSION_MARK = compile_lazily(COMMISSION_MARK_SOURCE)
_NUMBER = compile_lazily(r"^[0-9０-９]{1,2}$")
CIRCLED = compile_lazily(r"^[\u2460-\u2473]")
_LATE_REACH = 60  # tokens: a header's last cell written after the table's rows (LibreOffice centres it)
_LATE_LINES = 3  # lines of a header's last cell written after the table's rows (a narrow column wraps it)
CLOSER = compile_lazily(r"[^(（)）\s]{0,6}[)）]")  # a cell's bracket closed on its next line: `初)`, `所）`

Piece = tuple[int, str, bool]  # source index, text, whether a blank line came before it
Cell = list[Piece]
Box = list[Piece]  # lines a converter wrote together, blank lines round them: a cell's, or several cells'


def box_width(box: Box) -> int:
    """The display width of a box's widest line."""
    return max(display_width(text) for _, text, _ in box)


_CELLS_APART = compile_lazily(r"[^\x00-\x7f] [^\x00-\x7f]")  # two cells on a line, a space apart


def wrapped_widths(box: Box) -> list[int]:
    """The widths of a box's lines that wrapped (a wrapped cell's lines fill its column): each followed by
    another that opens no list item, and holding no two cells a space apart (`新規対象者 120人 新規対象者 134人`)."""
    return [
        display_width(text)
        for (_, text, _), (_, after, _) in itertools.pairwise(box)
        if after[:1] not in BULLET and not _CELLS_APART.search(text)
    ]


def non_blank(lines: list[str | None]) -> list[Piece]:
    """The non-blank lines, stripped, each with whether a blank line came before it."""
    out: list[Piece] = []
    blank = False
    for i, line in enumerate(lines):
        text = line.strip(" \t\f\u3000") if line is not None else ""
        if not text:
            blank = blank or line is not None
            continue
        out.append((i, text, blank))
        blank = False
    return out


def boxed(pieces: list[Piece]) -> list[Cell]:
    """The pieces in boxes: lines with no blank line between (a blank line before a piece starts one)."""
    boxes: list[Cell] = []
    for piece in pieces:
        if boxes and not piece[2]:
            boxes[-1].append(piece)
        else:
            boxes.append([piece])
    return boxes


def header_at(tokens: list[Piece], k: int) -> tuple[Table, list[str], int] | None:
    """The table whose header starts at token k: its header cells and the first token after it."""
    if not _may_head(tokens[k][1]):
        return None
    texts: list[str] = []
    for j in range(k, min(k + 12, len(tokens))):
        texts = header_line(texts, tokens[j][1])
        squashed = SPACE.sub("", "".join(texts))
        interleaved = SPACE.sub("", "".join(_interleaved([t[1] for t in tokens[k : j + 1]])))
        for table, header in zip(TABLES, headers(), strict=True):
            m = header.fullmatch(squashed) or header.fullmatch(interleaved)
            if m is not None:  # a header cell that may be left out is taken when it is there
                longer = header.fullmatch(squashed + SPACE.sub("", tokens[j + 1][1])) if j + 1 < len(tokens) else None
                return table, list((longer or m).groups()), j + 1 + (longer is not None)
    return None


def header_line(texts: list[str], text: str) -> list[str]:
    """The header's lines with `text` added: the end of a bracket an earlier line left open right
    after that line (LibreOffice centres a header's cells, so a cell's second line, `初)`, may come
    after the other cells' first lines: `現状値 (今年度当` `目標値 (今年度` `見込んでいる…` `初)` `末)`)."""
    if CLOSER.fullmatch(text):
        for n, line in enumerate(texts):
            if unclosed(line) and (n + 1 == len(texts) or not CLOSER.fullmatch(texts[n + 1])):
                return [*texts[: n + 1], text, *texts[n + 1 :]]
    return [*texts, text]


_CELL_STARTS = compile_lazily(r"\s(?=[^\s(（]{1,8}\s?[(（])")  # where a header cell with a bracket starts on a line


def _interleaved(lines: list[str]) -> list[str]:
    """A header's lines as its cells' text, where one line holds several cells' first lines and the
    lines after it are their second lines in the cells' order (plain pdftotext: `課題解決の達成度を測る
    現状値 (今年度当 目標値 (今年度` `指標` `初)` `末)`)."""
    for n, line in enumerate(lines):
        parts = _CELL_STARTS.split(line)
        if len(parts) < 2:
            continue
        later = lines[n + 1 : n + 1 + len(parts)]
        cells = [part + (later[i] if i < len(later) else "") for i, part in enumerate(parts)]
        return [*lines[:n], *cells, *lines[n + 1 + len(parts) :]]
    return lines


def header_late(tokens: list[Piece], k: int) -> tuple[Table, list[str], int, range] | None:
    """A header whose last cell a converter wrote after the first row (pdfminer, pdftotext: `年度`,
    `経過`, a row, then `委託`), perhaps over a narrow column's lines (`特記事項等` `(課題・強み` `等)`,
    with that column's cells after it): the table, its cells, the first token after the rest, the late
    cell's tokens."""
    if not _may_head(tokens[k][1]):
        return None
    squashed = ""
    for j in range(k, min(k + 12, len(tokens))):
        squashed += SPACE.sub("", tokens[j][1])
        for table, head, last in _heads_but_last():
            m = head.fullmatch(squashed)
            if m is None:
                continue
            for late in range(j + 1, min(j + _LATE_REACH, len(tokens))):
                if HEADING.match(tokens[late][1]):
                    break
                cell = ""
                for end in range(late, min(late + _LATE_LINES, len(tokens))):
                    cell += SPACE.sub("", tokens[end][1])
                    if last.fullmatch(cell) and (
                        end == late
                        or _boxed(table, tokens, end)
                        or (end == late + 1 and _rows_after(table, tokens, end))
                    ):
                        return table, [*m.groups(), cell], j + 1, range(late, end + 1)
    return None


def _boxed(table: Table, tokens: list[Piece], end: int) -> bool:
    """Whether a header cell's lines ending at the token end its box: a blank line or a row's pivot
    follows (plain pdftotext of a LibreOffice PDF runs a centred header cell's lines on into the
    cells below it)."""
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    return after is None or after[2] or any(p.match(after[1]) for p in table.pivots)


def _rows_after(table: Table, tokens: list[Piece], end: int) -> bool:
    """Whether a header cell wrapped over two lines with no blank line between (`特記事項等(課題・強` /
    `み等)`) has a row's pivot after it, before a marker line or a heading: rows written after the
    header's last cell (pdftotext), not the last column's cells alone."""
    if tokens[end][2]:
        return False
    for token in tokens[end + 1 : end + _LATE_REACH]:
        if STOP.match(token[1]) or HEADING.match(token[1]):
            return False
        if table.pivots[0].search(token[1]):
            return True
    return False


def header_early(tokens: list[Piece], k: int) -> tuple[Table, list[str], int, int] | None:
    """A header whose first row's pivot a converter wrote right after its first cell (plain pdftotext
    of a LibreOffice PDF, which centres the row's cells: `時期(月)`, `R5年5月`, `実施する項目`, …): the
    table, its cells, the first token after the header, the pivot's token (the history's too: `年度`,
    `平成24年度`, `経過`, `委託`)."""
    if k + 2 >= len(tokens) or not _may_head(tokens[k][1]):
        return None
    found = header_at([tokens[k], *tokens[k + 2 : k + 14]], 0)
    if found is None:
        return None
    table, cells, body = found
    if pivot_column(table) != 0 or table.pivots[0].fullmatch(tokens[k + 1][1]) is None:
        return None
    return table, cells, k + 1 + body, k + 1


def header_woven(tokens: list[Piece], k: int) -> tuple[Table, list[str], int, list[Piece], list[Piece]] | None:
    """A header whose cells a converter wove with the first row's (pdfminer reads a row's first boxes
    a column at a time: `時期(月)`, `R5年4月`, `実施内容`, `事業計画の共有`, `具体的な取組`, …): the
    table, its cells, the first token after the header's last cell, the header's tokens and the
    tokens between them (the first row's, in order)."""
    if not _may_head(tokens[k][1]):
        return None
    for table, cells in _cells():
        found = _woven(tokens, k, cells)
        if found is not None:
            return (table, *found)
    return None


def _woven(
    tokens: list[Piece], k: int, cells: tuple[re.Pattern[str], ...]
) -> tuple[list[str], int, list[Piece], list[Piece]] | None:
    """The header's cells (each on one to three lines, in order), the first token after them, their
    tokens and the few lines between every two cells; None when two cells stand together."""
    texts: list[str] = []
    head: list[Piece] = []
    between: list[Piece] = []
    gap = 0  # lines since the last header cell
    j = k
    while len(texts) < len(cells):
        if j >= len(tokens) or gap > _WOVEN_GAP or HEADING.match(tokens[j][1]) or "\t" in tokens[j][1]:
            return None
        taken = next((n for n in (1, 2, 3) if cells[len(texts)].fullmatch(_squashed(tokens[j : j + n]))), 0)
        if not taken:
            if not texts:
                return None
            between.append(tokens[j])
            gap, j = gap + 1, j + 1
            continue
        if texts and not gap:  # two header cells together: not woven (a late cell is `header_late`'s)
            return None
        texts.append(_squashed(tokens[j : j + taken]))
        head.extend(tokens[j : j + taken])
        gap, j = 0, j + taken
    return texts, j, head, between


def _may_head(text: str) -> bool:
    """Whether a line may start a header written a cell a line: a header's first words, no tab row."""
    return text.startswith(_FIRST_WORDS) and "\t" not in text


def _squashed(tokens: list[Piece]) -> str:
    return SPACE.sub("", "".join(t[1] for t in tokens))


def header_scattered(
    tokens: list[Piece], k: int, laid_out: bool = False
) -> tuple[Table, list[str], int, list[Piece], list[Piece]] | None:
    """A header written a printed line at a time, its cells' first lines, then their second lines, a
    few of the first row's lines among them (plain pdftotext: `課題解決の達成度`, `目標値（R4年 実績
    値（R4年度末） 具体的な成果・効果`, `を測る指標`, `度当初）`): the table, its cells, the first
    token after the header's last line, the header's tokens and the others among them (the first
    row's, in order).  `laid_out`: the text sets a line's cells apart with runs of spaces (a layout
    reader may have joined them with one), so a header cell's open bracket takes no figure."""
    if not _may_head(tokens[k][1]):
        return None
    for table, _ in _cells():
        cells = _partial(table.header)
        found = _scattered(tokens, k, (cells, laid_out), ([""] * len(cells), 0, False), [])
        if found is not None:
            texts, j, head = found
            return table, texts, j, head, [t for t in tokens[k:j] if t not in head]
    return None


_CUT_REACH = 40  # tokens after a header where its first cell's last line may stand (plain pdftotext)


def header_cut(tokens: list[Piece], k: int) -> tuple[Table, list[str], int, list[Piece], list[Piece]] | None:
    """A header whose first cell's last line a converter wrote after the first rows, alone (plain
    pdftotext: `課題解決の達` `成度を測る指`, the other cells, two rows' lines, then `標`): the table,
    its cells, the first token after the others, the header's tokens (the late line among them) and
    none between."""
    if not _may_head(tokens[k][1]):
        return None
    for table, first, short, rest in _cut_heads():
        squashed = ""
        for j in range(k, min(k + 8, len(tokens))):
            squashed += SPACE.sub("", tokens[j][1])
            m = rest.fullmatch(squashed)
            if m is None:
                continue
            ending = first[len(short) :]
            for late in range(j + 1, min(j + _CUT_REACH, len(tokens))):
                if HEADING.match(tokens[late][1]) or later_heads(tokens[late][1]):
                    break
                if tokens[late][1] == ending:
                    return table, [first, *m.groups()], j + 1, [*tokens[k : j + 1], tokens[late]], []
    return None


@functools.cache
def _cut_heads() -> tuple[tuple[Table, str, str, re.Pattern[str]], ...]:
    """Each table whose first header cell is a word of its own, with that cell short of its last one
    or two characters, and the pattern of the header so cut (compiled on first use)."""
    out = []
    for table in TABLES:
        first = table.header[0]
        if first in _LONG_FIRST_CELLS and len(table.header) >= 3:
            for cut in (1, 2):
                short = first[:-cut]
                out.append(
                    (table, first, short, re.compile(re.escape(short) + "".join(f"({c})" for c in table.header[1:])))
                )
    return tuple(out)


@functools.cache
def _partial(header: tuple[str, ...]) -> list[Any]:
    """A header's cells compiled for partial matching (the `regex` module), on first use: a rare header."""
    import regex  # type: ignore[import-untyped]

    return [regex.compile(c) for c in header]


def _scattered(
    tokens: list[Piece],
    j: int,
    header: tuple[list[Any], bool],
    read: tuple[list[str], int, bool],
    head: list[Piece],
    gap: int = 0,
) -> tuple[list[str], int, list[Piece]] | None:
    """The cells' texts read from token j on (`read`: the texts so far, how many cells are open, and
    whether a line went back to a cell before the last opened), each token's words going on with the
    first cell not yet whole or opening the next, or the token a row's line (`gap`: such lines since
    the header's last); the first token after, and the header's tokens.  A header whose lines never
    went back is no header written a printed line at a time."""
    cells, laid_out = header
    texts, opened, back = read
    if back and opened == len(cells) and all(c.fullmatch(t) for c, t in zip(cells, texts, strict=True)):
        return texts, j, head
    if j >= len(tokens) or len(head) > _SCATTERED_LINES or HEADING.match(tokens[j][1]) or "\t" in tokens[j][1]:
        return None
    words = _words_into(cells, (list(texts), opened, back), [SPACE.sub("", w) for w in tokens[j][1].split()], laid_out)
    if words is not None:
        found = _scattered(tokens, j + 1, header, words, [*head, tokens[j]])
        if found is not None:
            return found
    late = _last_open(cells, texts, opened) and head == tokens[j - gap - len(head) : j - gap]
    if opened and gap < (_LATE_GAP if late else _WOVEN_GAP):  # a row's line among the header's
        return _scattered(tokens, j + 1, header, read, head, gap + 1)
    return None


_LATE_GAP = 12  # lines of the first row before the header's last cell, centred in a taller header row


def _last_open(cells: list[Any], texts: list[str], opened: int) -> bool:
    """Whether every header cell but the last is whole: the last, one line centred in its row, may
    come after the first row's first lines (plain pdftotext: `…(R4年` `度末)`, the row's name and
    values, then `具体的な成果・効果`), where the others' lines came together, no row's line among them."""
    return opened == len(cells) - 1 and all(c.fullmatch(t) for c, t in zip(cells[:opened], texts, strict=False))


def _goes_on(cell: Any, text: str, word: str, laid_out: bool) -> bool:
    """Whether a word goes on with a header cell: a word with a figure (a row's count, `3区`, or the
    cell's own date, `年度末）`) only where it ends the cell or, in a text not laid out, opens the
    cell's bracket (`目標値` `(R4年`)."""
    if any(c.isdigit() for c in word) and (laid_out or word[0] not in "(（" or not unclosed(word)):
        return cell.fullmatch(text) is not None
    return cell.fullmatch(text, partial=True) is not None


# No header cell of the template holds more characters, its date included (`課題・方針に対する役割(取組)`,
# `目標値(R5年度当初)`); a cell's text grown past it is no header's, and each word's match stays short
_LONGEST_HEADER_CELL = 48


def _words_into(
    cells: list[Any], read: tuple[list[str], int, bool], words: list[str], laid_out: bool
) -> tuple[list[str], int, bool] | None:
    """The cells' texts with a line's words read in: each opens the next cell, or goes on with the
    first cell not yet whole (going back, when an earlier one than the last opened), or, after the
    line's first word and in a text not laid out, with the cell the line just opened (`実績値`
    `(R4年`); None when a word does neither."""
    texts, opened, back = read
    line_opened = opened
    for word in words:
        open_cell = next((c for c in range(opened) if not cells[c].fullmatch(texts[c])), None)
        if open_cell is not None and not laid_out and opened > line_opened and open_cell < opened - 1:
            last = opened - 1
            if _goes_on(cells[last], texts[last] + word, word, laid_out):
                open_cell = last
        if opened < len(cells) and cells[opened].fullmatch(word, partial=True):
            texts[opened] = word
            opened += 1
        elif (
            open_cell is not None
            and len(texts[open_cell]) + len(word) <= _LONGEST_HEADER_CELL
            and _goes_on(cells[open_cell], texts[open_cell] + word, word, laid_out)
        ):
            texts[open_cell] += word
            back = back or open_cell < opened - 1
        else:
            return None
    return texts, opened, back


def body_end(tokens: list[Piece], body: int, table: Table) -> int:
    """Where the table's lines end: a heading, another table's header, a marker line (※, 【, ＜) that
    is not one of the table's own cells (`【保健】`)."""
    for j in range(body, len(tokens)):
        text = tokens[j][1]
        marker = ends_table(table, text) and not any(p.match(text) for p in table.pivots)
        marker = marker or ("\t" in text and text.startswith(_FIRST_WORDS))  # another table's header row
        # a department table ends at another table's first header cell, its other cells apart
        marker = marker or (table.dense and text in _LONG_FIRST_CELLS and text != table.header[0])
        marker = marker or later_heads(text)
        if HEADING.match(text) or marker or header_at(tokens, j) is not None:
            return j
        if _may_head(text) and (header_woven(tokens, j) or header_scattered(tokens, j) or header_cut(tokens, j)):
            return j  # the next table's header, its cells apart
        if _NUMBER.match(text) and j + 1 < len(tokens) and HEADING.match(tokens[j + 1][1]):
            return j
    return len(tokens)


def ends_table(table: Table, text: str) -> bool:
    """Whether a line is a marker that ends the table (see `marker`)."""
    return marker(text, table.header[0] == _ISSUES)


def marker(text: str, issues: bool = False) -> bool:
    """Whether a line is a marker that ends a table (`※…`, `＜…＞`, `【…】`): in the `issues`' table, not an
    issue's label of the author's own that opens its cell (`【市町村格差】小規模町村では…`)."""
    return STOP.match(text) is not None and not (issues and _ISSUE_LABEL.match(text) is not None)


def later_heads(text: str) -> bool:
    """Whether the line is a table's header cells but its first (`現状値（今年度当初） 目標値…`)."""
    squashed = SPACE.sub("", text)
    return any(head.fullmatch(squashed) for head in _later_heads())


def write_table(
    lines: list[str | None], head: list[Piece], header: str, rows: list[tuple[int, str]], last: int
) -> None:
    """A rebuilt table in place of its source lines, from its header's first line to `last`: the header
    row, then each row (index, text) at its index, the other lines layout; a blank line after the last
    row when a line of the table is below it (a table right below is one of its own)."""
    at = _header_index(lines, head)
    placed = _below(rows, at, last)
    for i in range(head[0][0], last + 1):
        lines[i] = None
    if at != head[0][0]:
        lines[head[0][0]] = ""  # a table row right above: the header's first line stays blank between the two
    lines[at] = header
    for index, text in placed:
        lines[index] = text
    if placed[-1][0] < last:
        lines[last] = ""


def last_row_at(lines: list[str | None], head: list[Piece], rows: list[tuple[int, str]], last: int) -> int:
    """The line `write_table` writes the last of the rows on."""
    return _below(rows, _header_index(lines, head), last)[-1][0]


def _below(rows: list[tuple[int, str]], header: int, last: int) -> list[tuple[int, str]]:
    """The rows, each below the header: a row that starts above the header's line (a header woven with
    its first row, written on its second line) goes to the next line below, and so the rows after it."""
    moved, free = [], header
    for index, text in rows:
        free = max(index, free + 1)
        moved.append((free, text))
    return moved if free <= last else rows


def _header_index(lines: list[str | None], head: list[Piece]) -> int:
    """Where the header row goes: its first line, or its second when a table row is right above it
    (the first then stays blank, so that the two tables are read as two)."""
    first = head[0][0]
    above = next((line for line in reversed(lines[:first]) if line is not None), "")
    if "\t" in above and len(head) > 1:
        return head[1][0]
    return first


def unclosed(text: str) -> bool:
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def join_cell(cell: Cell) -> str:
    """A cell's lines as one: Japanese joined without a space; a bullet, Latin words, or a line after
    a Latin comma (`チラシ,` `動画を作成`: the space the wrap took) after one."""
    text = ""
    for _, part, _ in cell:
        latin = text[-1:].isascii() and text[-1:].isalnum() and part[0].isascii()
        comma = text[-1:] == "," and not (text[-2:-1].isdigit() and part[0].isdigit())  # not 1,320
        if text and (part[0] in BULLET or latin or comma):
            text += " "
        text += part
    return text


# a word's last character before a count (not a count's own word: `年`, `計`, `各`, `約`, `中`…)
_WORD_END = compile_lazily(r"[^\x00-\x7f0-9０-９年月計各約中第全延べ・、]\Z")
_COUNT_ALONE = compile_lazily(r"[0-9０-９][0-9０-９,，.．]{0,12}[^\s0-9０-９]{1,3}")  # `15名`, `80%`, `1,204件`


def count_spaced(lines: list[str]) -> list[str]:
    """An indicator's value's lines, a space before a count that the page wrapped to a line of its own
    (`修了者` `15名`, `支援計画の作成率` `80%`: the wrap took the space the sheet writes between a word
    and its count; not after a count's own word, `年` `10回`, nor before a list's next item, `緑区3回、
    中央区` `3回、南区2回`)."""
    return [
        " " + text if k and _COUNT_ALONE.fullmatch(text) and _WORD_END.search(lines[k - 1]) else text
        for k, text in enumerate(lines)
    ]


def value_text(cell: Cell) -> str:
    """An indicator's value's lines joined as `join_cell` joins them, with `count_spaced`'s spaces."""
    spaced = count_spaced([text for _, text, _ in cell])
    return join_cell([(i, text, first) for (i, _, first), text in zip(cell, spaced, strict=True)])


def _one_pivot_column(table: Table) -> bool:
    return len({pivot_column(table, which) for which in range(len(table.pivot_sources))}) == 1


def pivot_column(table: Table, which: int = 0) -> int:
    """The column of the table's `which`-th pivot."""
    return next(row.index(table.positions[which]) for row in table.rows if table.positions[which] in row)


ONE_PIVOT_COLUMN = tuple(filter(_one_pivot_column, TABLES))  # the tables whose pivots stand in one column


_OUTCOMES_TITLE = "取組の成果・効果"  # section 4's title ends so


def outcomes_region(lines: list[str | None]) -> tuple[int, int] | None:
    """Section 4's lines after its heading, up to the next section's heading (start, end)."""
    start = next((i for i, line in enumerate(lines) if line and _OUTCOMES_TITLE in line and _heading(line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _heading(lines[i] or "")), len(lines))
    return start + 1, end


def unread_outcomes_region(lines: list[str | None]) -> tuple[int, int] | None:
    """`outcomes_region`, where no form has read a table there yet (no line of it holds a tab)."""
    region = outcomes_region(lines)
    if region is None or any("\t" in (lines[i] or "") for i in range(*region)):
        return None
    return region


def _heading(line: str) -> bool:
    return HEADING.match(line.lstrip("\f")) is not None
