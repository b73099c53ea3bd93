"""Signs that a table was read out of its rows or columns: a value shifted, not missing.

A converter that breaks a table can leave every cell filled and every row read, each with the text of
its neighbour: a year paired with the next row's event, a frequency in the members' column, two
councils read as one.  Such a read must not pass for a good one.  The signs here come from the
template, not from any converter: a cell that holds a header of the template, a year cell that holds
an event, a frequency cell that holds no frequency.  Each gives one `shifted-cell` warning at its row;
the values stay as read (the reader cannot tell where each belongs), their text kept.  They are looked
for where a converter form rebuilt a table (`document.build`): in the samples' form, in the text of
a PDF or a DOCX that nikosheet read itself, every cell is bounded by the source's own tab or border.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import NAME_VALUE, circled_number
from nikosheet.parsing.forms.template_tables import FREQUENCY, FREQUENCY_WORDS, LIST_BULLETS
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import WHITE_SPACE, squeeze
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.eras import ERA_YEAR, YEAR, find_date
from nikosheet.parsing.values.frequency import per_year
from nikosheet.plain import Data
from nikosheet.typography import NO_WORD_START, word_start
from nikosheet.vocabulary import (
    AS_ABOVE,
    BODY_KINDS,
    BODY_NAME_ENDS,
    CIRCLED,
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    EVENT_COLUMNS,
    EVENT_ENDS,
    EVENT_STEPS,
    EVENT_VERBS,
    INPATIENT_AGES,
    INPATIENT_SHARES,
    ISSUE_COLUMNS,
    LIST_LABELS,
    MEETING_COLUMNS,
    NOTHING,
    OUTCOME_COLUMNS,
    PLAN_COLUMNS,
    PLANNED_COLUMNS,
    ROLES,
    SAME_AS_ABOVE,
    SCHEDULE_COLUMNS,
    SECTION_LABELS,
    SECTORS,
    STATISTICS,
)

# Header words of the template's tables that no cell of content holds: the whole phrase, squeezed
# (not 実施する内容 or 各部門の連携状況, which a plan may well name).
_HEADERS: tuple[str, ...] = tuple(
    squeeze(h)
    for h in (
        OUTCOME_COLUMNS["name"],
        OUTCOME_COLUMNS["effects"],
        PLANNED_COLUMNS["expected_effects"],
        "課題解決に向けた取組方針",
        "課題・方針に対する役割",
        "所管部署における主な業務",
        "連携部署における主な業務",
        "強み・課題等",
        MEETING_COLUMNS["notes"],
        SECTORS["others"],
        "関・住民等",  # the end of その他関係機関・住民等 wrapped in a narrow cell
    )
)
# The 基本情報 rows' labels and their parts' (a grouped row's note keeps its own parts' unread cells)
_ROW_LABELS: dict[str, tuple[str, ...]] = {
    key: tuple(squeeze(h) for h in (label, *parts.values()))
    for key, label, parts in (
        *((k, v, {}) for k, v in STATISTICS.items() if k not in ("population", "support_council")),
        ("inpatients", STATISTICS["inpatients"], INPATIENT_SHARES),
        ("discharge_rates", STATISTICS["discharge_rates"], DISCHARGE_RATES),
        ("consultation_offices", STATISTICS["consultation_offices"], CONSULTATION_OFFICES),
    )
}
_PARTICLES = "をがでの"  # a case particle before a kanji: the end of a phrase (で推進), never a start
_CLOSERS = {"）": "（", ")": "(", "」": "「", "』": "『", "】": "【"}  # a closing bracket and its opener
# the brackets a cell pairs: round and corner ones, both widths (a cell's `【` may stand for a heading's)
_PAIRS = {"）": "（", ")": "(", "」": "「"}
_OPENERS = frozenset(_PAIRS.values())
_EDGES = WHITE_SPACE + "～~・、"  # stripped from what a date cell holds after its date
_FISCAL_YEAR = compile_lazily(rf"^{ERA_YEAR}\s*年度")
_SHORT = 20  # an effect no longer than this, without 。, is a value or a name: not the effects' sentences
_RUN_ON = 30  # characters after a sectors' cell's last sentence: no sentence's missing 。, a figure's labels
_SENTENCE_END = "。"  # a text that ends with it, white space aside (`。\s*$`), is a sentence: compared, not matched
_NAME_VALUE = compile_lazily(NAME_VALUE)
# a value apart from the words round it (`…会議2,050人 2,129人 で…`, `養成 20`): the values' cells
# read into the effects' text, which a sentence writes without spaces
_VALUES_APART = compile_lazily(r"(?:\d\S{0,3}|^\S{1,6}) \S{0,4}\d")
_BARE_NUMBER = compile_lazily(r"[\d\s]+")
# a body's kind with words before it, not in brackets (`基幹相談支援センター（社会福祉法人）` is a sheet's own)
_KIND_INSIDE = compile_lazily(
    rf"[^\s（(]{{2}}(?:{'|'.join('(?<!社会)' + kind if kind == '医療法人' else kind for kind in BODY_KINDS)})"
)  # (not 社会医療法人's 医療法人)
_LONG_VERBS = tuple(verb for verb in EVENT_VERBS if len(verb) > 1)  # (not `化`: `…文化センター`)
# what no event's text (of 1,050), council's activity (of 1,234) or name (of 766) ends with: a wrapped line's end
_OPEN_ENDS = tuple("をにのとがはで、，,・")
_BODY_KIND = compile_lazily(r"\S{0,10}法人")  # `特定非営利活動法人` alone: the 委託 column's first words
# a body and its count of places (`相談支援事業所（2か所）`), with no event's verb: the 委託 column's words
_PLACES = compile_lazily(r"[^、。\s]{2,30}[（(]\s*\d{1,3}\s*か所\s*[)）]")
# a year cell that holds two years with no range mark between (`2014年度 2016年度`): two rows' years as one
_DATES_APART = compile_lazily(rf"年度?\s*{YEAR}\s*年")
# a sentence that starts with が or を, which none does: a cell's end run into another cell's text
_SENTENCE_CUT = compile_lazily(r"。\s*[がを]")
# a long vowel mark after a kanji or a comma (`…推進会議ー、行政`), which only a word in kana has: the end of
# a katakana word cut from its cell (`センタ` / `ー、行政`) run into another's text; not a dash between two
# numbers or dates (`4月ー5月`); compared, not matched (see `_letter`): the marks are found by `str.find`
_NOT_AFTER_VOWEL_MARK = "0123456789０１２３４５６７８９ー－RH令平"
# two values with nothing between (`年2回年1回`, `10人12人`): two cells; not a count's note (`年4回（1回2時間）`)
_VALUES_TOGETHER = compile_lazily(r"\d\s*(?:回(?:年間?|月|週)|(?:人|名|件|か所|病院|市町村)(?:年間?|月|週)?)\d")
# a month and then a date with no range mark between: `R5年10月～11月R5年12月～R6年2月`
_DATES_TOGETHER = compile_lazily(rf"月\s*{ERA_YEAR}\s*年")
# a cell's text that ends with a date (`…の共有R6年8月～R7年`): the next row's date cell, cut by a wrap
_DATE_AT_END = compile_lazily(
    rf"{ERA_YEAR}\s*年(?:\s*\d{{1,2}}\s*月)?\s*(?:[～〜~]\s*(?:(?:令和|平成|[RH])\s*\d{{1,2}}\s*年)?)?$"
)
# a row's date with its year (`2023年9月～10月`, `R5年4月`) inside an item's or an action's words: no sheet writes
# one glued to a word on both sides (`…事例検討2023年9月～10月相談支援…`), nor starts an item with one and goes on
# with no particle (`2023年4月～6月病院への聞き取り`); a date cell run into the cells beside it
_YEAR_WORD = YEAR + r"\s*年"
_YEAR = _YEAR_WORD + r"\s*"
_ROW_DATE = compile_lazily(rf"{_YEAR}\d{{1,2}}\s*月(?:\s*[～〜~]\s*(?:{_YEAR})?\d{{1,2}}\s*月)?")
# a date cut by its cell's wrap: a year's month with no 月 (`2023年4` / `月～6月`), a range's end with no 月
# (`2023年9月～10` / `月`), or a range's 月 with no month before it (`…向月～10月`: its number in another cell)
# (the number right after 年 or 月, and no counter after the gap: a date or count written with a space on each
# side of its words, `2023 年 9 月～10 月`, `R5年 3 回`, is whole)
_CUT_DATE = compile_lazily(
    rf"{_YEAR_WORD}\d{{1,2}}(?=\s|$)(?!\s*[回人件名])|(?<!\s)月\s*[～〜~]\s*\d{{1,2}}(?=\s|$)(?!\s*[回人件名])"
    r"|(?:^|(?<=[^\d０-９\s毎来先今翌前同各当次]))月\s*[～〜~]\s*\d{1,2}\s*月"
)
# what a text that ends with a number ends with, white space aside (`[0-9０-９]\s*$`: compared, not matched; a
# digit: not `①`, which str.isdigit takes too)
_DIGITS_AT_END = tuple("0123456789０１２３４５６７８９")
_GAP = compile_lazily(r"\S {3,}\S")  # a laid-out text's gap between two columns, inside one cell
# a bracket's, a dot's and a colon's other width, as the headers (squeezed) write them: a header is in
# the cells' text as written when it is in the text without white space and with these (a plain
# substring test: a regex allowing white space between every header's characters costs 0.8 ms to compile;
# replaced one by one, each a C-speed pass: `str.translate` looks every character up in a dict, a tenth
# of a millisecond for a document's cells)
_WIDTHS = (("（", "("), ("）", ")"), ("･", "・"), ("：", ":"))
# where a cell may start inside a word or be one letter (`_cut_word`), in the cells' text, each after a NUL
_CELL_START = compile_lazily(
    "\x00\\s*[・･\\-*•]*(?:[" + NO_WORD_START + "をがでの)）」』】]|[^\x00](?=\\s*(?:\x00|$)))"
)
# a case particle at a cell's end after a noun or a particle (`地域移行支援の`, `…理解が`, `…病院との`,
# `…についての`): a phrase goes on after it, so the cell's words go on in another cell (no sheet's table cell ends
# so: of 63 sheets none); not after another kana, a word's own end (`もの`, a town's name in kana: `たつの`, `しが`).
# Any column's cell; an event's, a council name's and an activity's wider `_OPEN_ENDS` are said before it
_CUT_END = compile_lazily(r"(?:[\u4e00-\u9fff\u30a0-\u30ff々]|と|へ|で|て|から|まで|より)[のをが]\s*$")
_ONE_LETTER_WORDS = "有無県市区町村国"  # a cell of one letter that is a word: a choice, a body (委託 `県`)
# a council's name that holds a frequency (`…検討会精神科医、保健師月1回`): the next cells ran into it
# an event's step with a word right after it (`…を開始精神保健福祉審議会に…を設置`, `…として位置づけ連絡会を…`):
# two events read as one; an event goes on after its step only with a particle or a mark (`…を開始し、`)
# (0 of 235 events hold one so); looked for by comparing (`_step_then_word`): a regex of the steps' alternation
# and a class over the kanji after it costs 0.8 ms to compile
_STEP_FIRSTS = frozenset(step[0] for step in EVENT_STEPS)
# a frequency's unit with no count before it (`…家族会回/年`): the last piece of a frequency its narrow column
# wrapped (`各地` / `域3` / `回/年`), read into the cell beside it
_FREQUENCY_PIECE = compile_lazily(r"(?:^|[^0-9０-９\s])\s*回\s*[/／]\s*年")
_FREQUENCY_INSIDE = compile_lazily(r"(?:年間?|月|週)\s*\d{1,2}\s*回|\d{1,2}\s*回\s*/\s*年")
# a frequency in words run into a cell's words on both sides (`…精神科病院随時入院中からの…`): the
# members' end, the frequency and the activities' start on one printed line (the neighbours compared, as
# in `_letter`)
_WORDED_FREQUENCY = compile_lazily("(?<=.)(?:随時|適宜|未定)(?=.)")
# what a frequency cell holds when it gives no count: still a frequency
_BRACKETED = compile_lazily(r"[（(][^（()）]*[)）]")
_NO_COUNT = ("随時", "適宜", "必要", "未定", "不定期", "回", "月", "週", "年", "期", "未開催", "なし", "無")


def _letter(ch: str) -> bool:
    """A kana or a kanji (compared, not matched: a class over the kanji costs a millisecond to compile)."""
    return _hiragana(ch) or "\u30a1" <= ch <= "\u30fa" or _kanji(ch)


def _hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def _kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _vowel_cut(text: str) -> bool:
    """A long vowel mark after a kanji or a comma, not before a digit, a date's start or another mark (see
    `_NOT_AFTER_VOWEL_MARK`)."""
    at = text.find("ー", 1)
    while at >= 0:
        before = text[at - 1]
        if (_kanji(before) or before in "、。，") and (
            at + 1 == len(text) or text[at + 1] not in _NOT_AFTER_VOWEL_MARK
        ):
            return True
        at = text.find("ー", at + 1)
    return False


def _worded_frequency_inside(cell: str) -> str | None:
    """A frequency in words after a katakana or a kanji and before a kanji (see `_WORDED_FREQUENCY`)."""
    if "随時" not in cell and "適宜" not in cell and "未定" not in cell:  # (what the pattern needs)
        return None
    for m in _WORDED_FREQUENCY.finditer(cell):
        before, after = cell[m.start() - 1], cell[m.end()]
        if _kanji(after) and (_kanji(before) or "\u30a1" <= before <= "\u30fa" or before == "ー"):
            return m.group()
    return None


def check(ctx: Context, doc: Data) -> None:
    """Record a `shifted-cell` warning for each sign of a table read out of its rows or columns."""
    for line, message in signs(doc):
        ctx.diag(Diagnostic.SHIFTED_CELL, line, message)


def signs(doc: Data) -> Iterator[tuple[int | None, str]]:
    """Each sign of a table read out of its rows or columns: (its row's line, what it is).  The signs of a
    piece of a cell or a cell left empty (`_gaps`) are looked for last, on the rows no other sign is at."""
    said: set[int | None] = set()
    for line, message in _shifts(doc):
        said.add(line)
        yield line, message
    yield from _gaps(doc, said)


def _gaps(doc: Data, said: set[int | None]) -> Iterator[tuple[int | None, str]]:
    """A piece of a cut cell read as content, an issue with no 行政 role, a schedule's row with no item, and
    last a cell cut at its end: each on a row no other sign is at."""
    gapped: set[int | None] = set()  # (the rows these signs are at: a cell cut at its end is said on no other)
    for found in (
        _fragments(doc, said),
        _administration_empty(doc.get("strengths_and_issues"), said),
        _empty_items(doc.get("annual_schedule"), "annual_schedule", "items", SCHEDULE_COLUMNS, said),
        _empty_items(doc.get("long_term_schedule"), "long_term_schedule", "plan", PLAN_COLUMNS, said),
    ):
        for line, message in found:
            gapped.add(line)
            yield line, message
    yield from _cut_ends(doc, said | gapped)


def _shifts(doc: Data) -> Iterator[tuple[int | None, str]]:
    """The signs of a value read into another row's or column's cell."""
    yield from _basic_info(doc.get("basic_info"))
    yield from _history(doc.get("history"))
    yield from _outcomes(doc.get("outcomes"))
    yield from _numbers(doc.get("outcomes"), "outcomes")
    yield from _numbers(doc.get("strengths_and_issues"), "strengths_and_issues")
    yield from _rows_as_text(doc.get("outcomes"), "outcomes")
    yield from _planned(doc.get("strengths_and_issues"))
    yield from _issues(doc.get("strengths_and_issues"))
    yield from _strengths(doc.get("strengths_and_issues"))
    yield from _rows_as_text(doc.get("strengths_and_issues"), "strengths_and_issues")
    yield from _sectors(doc.get("coordination"))
    yield from _councils(doc.get("councils"))
    yield from _schedule(doc.get("annual_schedule"), "annual_schedule", "items", "時期(月)")
    yield from _schedule(doc.get("long_term_schedule"), "long_term_schedule", "plan", "年度")
    yield from _cell_signs(doc)


def _cell_signs(doc: Data) -> Iterator[tuple[int | None, str]]:
    """A header in a cell, a cell that starts inside a word, a column gap in a cell, a bracket that does
    not pair: looked for in all the cells' text at once first (most documents have none), then cell by
    cell."""
    cells = [(key, row) for key, rows in _cells(doc) for row in rows if row[2]]
    joined = "".join("\x00" + (text or "") for _, (_, _, text) in cells)  # each cell after a NUL
    squeezed = "".join(joined.split())
    for wide, narrow in _WIDTHS:
        squeezed = squeezed.replace(wide, narrow)
    if not (
        any(h in squeezed for h in _HEADERS)
        or _CELL_START.search(joined)
        or ("   " in joined and _GAP.search(joined))
        or "。が" in squeezed  # (`_SENTENCE_CUT` in the text without white space: no pattern run)
        or "。を" in squeezed
        or ("ー" in joined and _vowel_cut(joined))
        or any(c in joined for c in _PAIRS)
        or any(c in joined for c in _OPENERS)
    ):
        return
    for key, (line, what, text) in cells:
        where = f"{SECTION_LABELS[key]} {what}"
        header = _header_in(text)
        if header:
            yield line, str(messages.HEADER_IN_CELL(what=where, header=header))
        elif _cut_word(text):
            yield line, str(messages.CUT_WORD(what=where, text=text))
        elif text and _GAP.search(text):
            yield line, str(messages.COLUMN_GAP(what=where, text=text))
        elif text and _SENTENCE_CUT.search(text):
            yield line, str(messages.SENTENCE_CUT(what=where, text=text))
        elif text and _vowel_cut(text):
            yield line, str(messages.VOWEL_MARK_CUT(what=where, text=text))
        elif text and (mark := _unpaired(text)):
            yield line, str(messages.BRACKET_UNPAIRED(what=where, text=text, mark=mark))


# The fewest characters a cell of these columns holds when it is whole: a sentence or a phrase, never a
# word or two.  The shortest of the sheets' events is 8 (`実務者会議を設置`), of their strengths 17, of
# their issues 12, of their policies 9, of their outcomes' effects 11; the bounds here are half of those or
# less (a quarter for the strengths), room for a terse sheet's `実態調査`, `連携強化` or `ピア活動`.  A piece of
# a few letters (`ネット`, `る。`, `の同行`,
# `医療`, `た。`) is the end or the start of a cell whose lines the converter cut apart, or a label read as
# content.  A value of list marks alone (`・`) is an item's mark cut from its words.
_FEWEST = {"event": 4, "strength": 4, "issue": 4, "policy": 4, "effect": 5, "value": 0}
_BULLETS_ONLY = frozenset("・･-*•")
# a terse cell that is whole however short: a state of things (`検討中`, `調整中`) or a thing not done (`未実施`)
_STATE_WORD = compile_lazily(r"^未|中$")  # on first use: few texts have a fragment to ask


def _fragments(doc: Data, said: set[int | None]) -> Iterator[tuple[int | None, str]]:
    """A history's event, a strength, an issue, a policy or an outcome's effect shorter than any whole one
    (`_FEWEST`), or an outcome's value of list marks alone: the table's cells were cut apart and a piece
    read as a row or an item of its own.  `なし`, `－` and `↓`
    are whole cells.  One warning a section, at the first such piece.

        年度        経過                                     委託
        令和3年度   …活動支援事業を開始                     特定非営利活動法人 京都ピア
        令和4年度   ネット                                   (the 委託 cell's end, read as an event)
    """
    history = doc.get("history") or {}
    five = doc.get("strengths_and_issues") or {}
    issues = five.get("issues") or []
    cells: list[tuple[str, str, str, list[tuple[int | None, str | None]]]] = [
        (
            "history",
            EVENT_COLUMNS["description"],
            "event",
            [(e["line"], e.get("description")) for e in history.get("events") or []],
        ),
        (
            "strengths_and_issues",
            LIST_LABELS["strengths"],
            "strength",
            [(None, t) for t in five.get("strengths") or []],
        ),
        ("strengths_and_issues", ISSUE_COLUMNS["issue"], "issue", [(i["line"], i.get("issue")) for i in issues]),
        (
            "strengths_and_issues",
            ISSUE_COLUMNS["policies"],
            "policy",
            [(i["line"], p) for i in issues for p in i.get("policies") or []],
        ),
    ]
    indicators = (doc.get("outcomes") or {}).get("indicators") or []
    cells += [
        (
            "outcomes",
            OUTCOME_COLUMNS["effects"],
            "effect",
            [(i["line"], t) for i in indicators for t in i.get("effects") or []],
        ),
        (
            "outcomes",
            f"{OUTCOME_COLUMNS['target']} / {OUTCOME_COLUMNS['actual']}",
            "value",
            [(i["line"], t) for i in indicators for k in ("target", "actual") for t in i.get(k) or [] if _bullets(t)],
        ),
    ]
    done = set()
    for key, column, kind, texts in cells:
        for line, text in texts:
            t = (text or "").strip()
            short = len(t) < _FEWEST[kind] or _bullets(t)
            if not t or not short or t.endswith(NOTHING) or t in SAME_AS_ABOVE or key in done:
                continue
            if not _bullets(t) and _STATE_WORD.search(t):
                continue
            if line is not None and line in said:
                continue
            done.add(key)
            at = line if line is not None else next((i["line"] for i in issues), None)
            where = f"{SECTION_LABELS[key]} {column}"
            if _bullets(t):
                yield at, str(messages.MARKS_ALONE(what=where, text=t))
            else:
                yield at, str(messages.FRAGMENT_CELL(what=where, text=t, least=_FEWEST[kind]))


def _cut_ends(doc: Data, said: set[int | None]) -> Iterator[tuple[int | None, str]]:
    """A cell that ends on a particle a phrase goes on after (`地域移行支援の`, `…理解が`, see `_CUT_END`): its
    words went on in another cell.  Once a row, on a row no other sign is at."""
    for key, rows in _cells(doc):
        for line, what, text in rows:
            if text and line not in said and _CUT_END.search(text):
                said.add(line)
                yield line, str(messages.CUT_END(what=f"{SECTION_LABELS[key]} {what}", text=text))


def _administration_empty(part: Data | None, said: set[int | None]) -> Iterator[tuple[int | None, str]]:
    """An issue whose 行政 role is empty while a later role (医療, 福祉, その他) is filled: the body writes its
    own role for every issue it lists (54 of 54 issues in the sheets), so its action was read into the issue's
    or the policy's cell, or into another issue's row.  Said once, at the first such issue.

        単身の高齢の精神障害者が多居住支援協議会…   (the 行政 role's words read into the issue)
                                  医療
                                  福祉        地域定着支援の実施
    """
    for issue in (part or {}).get("issues") or []:
        roles = issue.get("roles") or {}
        if issue["line"] in said:  # (an issue whose roles start after 行政 below one with none: a split issue)
            continue
        if not roles.get("administration") and any(roles.get(r) for r in _LATER_ROLES):
            yield (
                issue["line"],
                str(messages.ADMINISTRATION_EMPTY(issue=issue.get("issue") or "", role=ROLES["administration"])),
            )
            return


def _bullets(text: str) -> bool:
    """A value of list marks alone (`・`): no item's words."""
    t = text.strip()
    return bool(t) and set(t) <= _BULLETS_ONLY


def _empty_items(
    part: Data | None, key: str, field: str, columns: dict[str, str], said: set[int | None]
) -> Iterator[tuple[int | None, str]]:
    """A schedule's row whose item (実施する項目, 実施内容) is empty while its actions are filled: no sheet
    leaves a row's item empty and writes what is done under it, so the row's item was read into its
    actions (or into the date's cell, or the row above).

        令和 5 年 6
        月
        第 1 回精神保健福祉連絡協議会 今年度の取組の確認      (item and action on one line: read as actions)
    """
    for r in (part or {}).get(field) or []:
        actions = [a for a in r.get("actions") or [] if a.strip()]
        if not (r.get("item") or "").strip() and actions and r["line"] not in said:
            what = SECTION_LABELS[key]
            yield (
                r["line"],
                str(
                    messages.EMPTY_ITEM(
                        what=what,
                        label=r.get("label") or "",
                        item=columns["item"],
                        actions=columns["actions"],
                        text=actions[0],
                    )
                ),
            )
            return


def _header_in(text: str | None) -> str | None:
    s = squeeze(text or "")
    return next((h for h in _HEADERS if h in s), None)


def _cut_word(text: str | None) -> bool:
    """A cell that starts where no word does: ン, ー, a small kana, a particle, a bracket that closes none;
    or a cell of one kanji or kana (`課`), a word's last character the page wrapped."""
    t = (text or "").strip().lstrip("・･-*•")
    if len(t) == 1:
        return _letter(t) and t not in _ONE_LETTER_WORDS
    if len(t) < 2 or t[1] == t[0]:  # ー alone (or ーー) is a dash: "none"
        return False
    if t[0] in NO_WORD_START or (t[0] in _PARTICLES and len(t) > 1 and "\u4e00" <= t[1] <= "\u9fff"):
        return True
    closer = _CLOSERS.get(t[0])
    return closer is not None and closer not in t


def _unpaired(text: str) -> str | None:
    """The first bracket of a cell that closes none or that the cell never closes, if any: a cell's
    brackets pair (no sheet's cell holds one unpaired), so one alone is a cell cut in two
    (`社会福祉法人（区内の…運営` / `法人）`) or run into another's text."""
    if not any(c in text for c in _PAIRS) and not any(c in text for c in _OPENERS):
        return None
    open_: list[str] = []
    for ch in text:
        if ch in _OPENERS:
            open_.append(ch)
        elif ch in _PAIRS:
            if not open_ or open_[-1] != _PAIRS[ch]:
                return ch
            open_.pop()
    return open_[0] if open_ else None


def _cells(doc: Data) -> Iterator[tuple[str, list[tuple[int | None, str, str | None]]]]:
    """The table cells of content, by section: (row line, column, text)."""
    history = doc.get("history") or {}
    yield "history", [(e["line"], "経過", e["description"]) for e in history.get("events") or []]
    outcomes = doc.get("outcomes") or {}
    yield "outcomes", [(i["line"], "指標", t) for i in outcomes.get("indicators") or [] for t in _texts(i)]
    five = doc.get("strengths_and_issues") or {}
    yield (
        "strengths_and_issues",
        [
            *((i["line"], "課題", t) for i in five.get("issues") or [] for t in _texts(i)),
            *((i["line"], "指標", t) for i in five.get("indicators") or [] for t in _texts(i)),
        ],
    )
    six = doc.get("coordination") or {}
    rows = [*(six.get("departments") or []), *(six.get("partner_departments") or []), *(six.get("sectors") or [])]
    yield "coordination", [(r["line"], "連携状況", t) for r in rows for t in _texts(r, skip=("label",))]
    seven = doc.get("councils") or {}
    yield "councils", [(m["line"], "協議の場", t) for m in seven.get("meetings") or [] for t in _texts(m)]
    for key, field in (("long_term_schedule", "plan"), ("annual_schedule", "items")):
        part = doc.get(key) or {}
        yield key, [(r["line"], "スケジュール", t) for r in part.get(field) or [] for t in _texts(r)]


def _texts(row: Data, skip: tuple[str, ...] = (), out: list[str] | None = None) -> list[str]:
    """Every text of a row, its lists' items and its nested fields too (a list, not a generator: this
    runs over every cell of every document)."""
    out = [] if out is None else out
    for k, v in row.items():
        if k in skip or k == "line":
            continue
        if type(v) is str:
            out.append(v)
        elif type(v) is list:
            out += [x for x in v if type(x) is str]
        elif type(v) is dict:
            _texts(v, (), out)
    return out


def _basic_info(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A note that holds another row's label; a 65-year split read on one side only."""
    for key, label in STATISTICS.items():
        row = (part or {}).get(key)
        if not isinstance(row, dict) or not row.get("note"):
            continue
        note = squeeze(row["note"])
        others = (h for k, labels in _ROW_LABELS.items() if k != key for h in labels)
        other = next((h for h in others if h in note and h not in squeeze(label)), None)
        if other:
            yield row.get("line"), str(messages.LABEL_IN_NOTE(what=label, text=row["note"], label=other))
    inpatients = (part or {}).get("inpatients")
    if isinstance(inpatients, dict):
        ages = [inpatients.get(k) for k in INPATIENT_AGES]
        if ages.count(None) == 1:
            line = (inpatients.get("lines") or {}).get("aged_under_65", inpatients.get("line"))
            yield line, str(messages.ONE_SIDED_SPLIT(what=STATISTICS["inpatients"]))


def _history(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A year cell that holds an event (or its words beside it), an event that starts with a year, is a
    body's kind or a 委託's bracket, ends inside a sentence, with a number (`…約3,000`) or with the 委託
    column's mark (or holds it with words after it: `…へ改組 ↓実務者部会`), a 委託 that is a number or an
    event, years that go back."""
    previous = None
    for e in (part or {}).get("events") or []:
        period, desc = e.get("period") or "", e.get("description") or ""
        what, event = f"{SECTION_LABELS['history']} 年度", f"{SECTION_LABELS['history']} 経過"
        if not desc and _after_year(period):
            yield e["line"], str(messages.EVENT_IN_YEAR(what=what, text=period))
        elif _words_in_year(period, e.get("fiscal_year")):
            yield e["line"], str(messages.TEXT_IN_YEAR(what=what, text=period))
        elif "年度" in desc and _FISCAL_YEAR.match(desc.strip()):
            yield e["line"], str(messages.YEAR_IN_EVENT(what=event, text=desc))
        elif "法人" in desc and _BODY_KIND.fullmatch(desc.strip()):
            yield e["line"], str(messages.BODY_IN_EVENT(what=event, text=desc))
        elif "か所" in desc and _PLACES.fullmatch(desc.strip()) and not any(verb in desc for verb in EVENT_VERBS):
            yield e["line"], str(messages.COMMISSION_AS_ITS_OWN_EVENT(what=event, text=desc))
        elif period.count("年") > 1 and _DATES_APART.search(period):
            yield e["line"], str(messages.DATES_RUN_TOGETHER(what=what, text=period))
        elif step := _step_then_word(desc):
            yield e["line"], str(messages.EVENTS_IN_ONE(what=event, text=desc, step=step))
        elif desc.rstrip().endswith(_OPEN_ENDS) or desc.rstrip().endswith(
            _DIGITS_AT_END
        ):  # (no event ends with a number)
            yield e["line"], str(messages.EVENT_CUT(what=event, text=desc))
        elif _BRACKETED.fullmatch(desc.strip()):  # `（直営）`: no event is a bracket alone (0 of 1,050)
            yield e["line"], str(messages.COMMISSION_AS_EVENT(what=event, text=desc))
        elif desc.rstrip().endswith(BODY_NAME_ENDS) and AS_ABOVE not in desc:  # `…（第1期生12名）県…センター`
            # (no event ends so; one that holds `↓` is said below: the next row's cells read into it)
            yield e["line"], str(messages.BODY_AT_EVENT_END(what=event, text=desc))
        mark = next((m for m in SAME_AS_ABOVE if desc.rstrip().endswith(m) and len(desc.strip()) > len(m)), None)
        dash = "－" in desc or "―" in desc  # (what `_NONE_AT_END` needs)
        mark = mark or (m.group(1) if dash and (m := _NONE_AT_END.search(desc)) else _none_after_step(desc))
        if mark:
            yield e["line"], str(messages.MARK_IN_EVENT(what=event, text=desc, mark=mark))
        elif AS_ABOVE in desc.strip()[1:-1]:  # the mark, then the next row's words (no event holds it)
            yield e["line"], str(messages.MARK_INSIDE_EVENT(what=event, text=desc, mark=AS_ABOVE))
        commission = e.get("commission") or ""
        where = f"{SECTION_LABELS['history']} 委託"
        if (commission[:1].isdecimal() or commission[:1].isspace()) and _BARE_NUMBER.fullmatch(commission):
            yield e["line"], str(messages.NUMBER_IN_TEXT(what=where, text=commission))
        elif any(step in commission for step in EVENT_STEPS) or _event_in(commission):
            yield e["line"], str(messages.EVENT_IN_COMMISSION(what=where, text=commission))
        year = e.get("fiscal_year")
        if year is not None and previous is not None and year < previous:
            yield e["line"], str(messages.YEARS_BACKWARDS(what=what, year=period, previous=previous))
        previous = year if year is not None else previous


def _numbers(part: Data | None, key: str) -> Iterator[tuple[int | None, str]]:
    """An indicator numbered no higher than the one above (`①②②③`, `①③②`): rows read out of order or twice;
    one numbered past the next (`①③④`: every sheet numbers its indicators one after another): a row read
    into another; one with no number among numbered ones: another row's wrapped lines read as a row."""
    previous = None
    indicators = (part or {}).get("indicators") or []
    numbered = any(i.get("number") is not None for i in indicators)
    for i in indicators:
        number = i.get("number")
        what = SECTION_LABELS[key]
        if number is None and numbered and i.get("name"):
            yield i["line"], str(messages.NUMBER_MISSING(what=what, name=i["name"]))
        elif number is not None and previous is not None and number <= previous:
            yield i["line"], str(messages.NUMBERS_OUT_OF_ORDER(what=what, number=number, previous=previous))
        elif number is not None and previous is not None and number > previous + 1:
            yield i["line"], str(messages.NUMBER_SKIPPED(what=what, number=number, previous=previous))
        previous = number if number is not None else previous


# the 委託 column's `－` (none) after a space at an event's end (`…事業を再編 －`): no event ends so
_NONE_AT_END = compile_lazily(r"\S\s+([－―])\s*$")
# the 委託 column's none right after an event's step (`…を設置なし`): a one-line row's cells on one line
# (looked for by comparing, as `_step_then_word`: an alternation of the steps costs 0.3 ms to compile)
_NONE_MARKS = ("なし", "無し", "－", "―")


def _step_then_word(text: str) -> str | None:
    """The first event's step in `text` with a word right after it (a character of `WORD_START`), or None:
    at the first place that has one, the first step of `EVENT_STEPS` there, as a regex's alternation finds it."""
    for at, ch in enumerate(text):
        if ch in _STEP_FIRSTS:
            for step in EVENT_STEPS:
                end = at + len(step)
                if end < len(text) and text.startswith(step, at) and word_start(text[end]):
                    return step
    return None


def _none_after_step(text: str) -> str | None:
    """The 委託 column's none (`なし`, `無し`, `－`) at the end of an event's text, white space round it
    allowed, right after an event's step; None when there is none so."""
    body = text.rstrip()
    mark = next((m for m in _NONE_MARKS if body.endswith(m)), None)
    if mark is None or not body[: -len(mark)].rstrip().endswith(EVENT_STEPS):
        return None
    return mark


_OTHER_ERA = compile_lazily(r"[(（](?:平成|令和|[HR]|(?:19|20))\s*(?:[0-9０-９]{1,2}|元)\s*年度?[)）]")
_YEAR_WORDS = 4  # characters after a year cell's date that no sheet writes there (`4月` at most)
_NO_YEAR = 8  # characters of a year cell with no date in it (`現在`: a date's word) that make it text


def _words_in_year(period: str, year: int | None) -> bool:
    """A year cell that holds words of an event beside the event's own cell (`平成30年度市の協議の場を…`), or
    an event's text and no date at all: an event's lines read into the year's column."""
    if year is None:
        return len(period.strip()) >= _NO_YEAR
    if "（" in period or "(" in period:  # (most year cells hold no bracket: passed without the pattern)
        period = _OTHER_ERA.sub("", period)  # `2010年度（平成22年度）`: the same year in the other era, a date
    return sum(1 for ch in _after_year(period) if not ch.isdigit() and ch != "月") >= _YEAR_WORDS


def _event_in(commission: str) -> bool:
    """A 委託 cell that ends as an event does (`県協議の場設置`), holds an event's verb (`…設置4圏域に…`) or
    words before a body's kind (`ピアサポーター養成特定非営利活動法人 …`): no sheet's 委託 is written so
    (0 of 514)."""
    return (
        commission.rstrip("）)").endswith(EVENT_ENDS)
        or any(verb in commission for verb in _LONG_VERBS)
        or _KIND_INSIDE.search(commission) is not None
    )


def _after_year(label: str) -> str:
    """What a year or month cell holds after its date (年度, 月, 頃, 中…): empty for a plain date."""
    m = re.search(r"(年度|年|月)(?:[上中下]旬|頃|末|初め?|中)?", label)
    return label[m.end() :].strip(_EDGES) if m else ""


def _outcomes(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """An indicator whose target or actual holds a sentence while its effects are empty or short; an
    indicator's name that ends with a value (its target's cell read into it) or holds an indicator's
    number (`…①精神 ①精神保健…`: two rows' or lines' names read as one); a target or actual that holds
    two values with nothing between them (`年2回年1回`: the target's and the actual's cells read as one)."""
    for i in (part or {}).get("indicators") or []:
        name = i.get("name") or ""
        together = next(
            (t for t in (*(i.get("target") or []), *(i.get("actual") or [])) if _VALUES_TOGETHER.search(t)), None
        )
        effects = [t for t in i.get("effects") or [] if t.strip()]
        sentences = [
            t for t in (*(i.get("target") or []), *(i.get("actual") or [])) if t.rstrip().endswith(_SENTENCE_END)
        ]
        if sentences and not any("。" in t or len(t) > _SHORT for t in effects):
            columns = {"first": OUTCOME_COLUMNS["target"], "second": OUTCOME_COLUMNS["actual"]}
            message = messages.SENTENCE_IN_VALUE(
                name=name, text=sentences[0], effects=OUTCOME_COLUMNS["effects"], **columns
            )
            yield i["line"], str(message)
        elif not i.get("target") and not i.get("actual") and (values := _values_in(effects)):
            yield i["line"], str(messages.VALUES_IN_EFFECTS(name=name, text=values))
        elif _NAME_VALUE.search(name):
            yield i["line"], str(messages.VALUE_IN_NAME(name=name))
        elif any(ch in CIRCLED for ch in name):
            yield i["line"], str(messages.NUMBER_IN_NAME(name=name))
        elif together:
            yield i["line"], str(messages.VALUES_RUN_TOGETHER(name=name, text=together))


def _planned(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A planned indicator (section 5) whose current or target value holds a sentence while its
    expected effects are empty or short (the effects' cell read into the values'), or whose name ends
    with a value (its current value's cell read into it)."""
    for i in (part or {}).get("indicators") or []:
        name = i.get("name") or ""
        values = (line for key in ("current", "target") for line in (i.get(key) or "").split("\n"))
        sentence = next((t for t in values if t.rstrip().endswith(_SENTENCE_END)), None)
        effects = i.get("expected_effects") or ""
        if sentence and "。" not in effects and len(effects) <= _SHORT:
            columns = {"first": PLANNED_COLUMNS["current"], "second": PLANNED_COLUMNS["target"]}
            label = PLANNED_COLUMNS["expected_effects"]
            message = messages.SENTENCE_IN_VALUE(name=name, text=sentence, effects=label, **columns)
            yield i["line"], str(message)
        elif _NAME_VALUE.search(name):
            yield i["line"], str(messages.VALUE_IN_NAME(name=name))


_ROLE_WORDS = tuple(ROLES.values())
_LATER_ROLES = ("medical", "welfare", "others")


_LONGEST_ROLE = 72  # characters: twice the longest role's action of any sheet seen (36)


def _issues(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """An issue or a policy that ends with a role's word (the roles' rows read into it); an issue whose
    roles start after 行政 below an issue that has none of those roles: the rest of the issue above (its
    wrapped lines, its later roles' rows) read as an issue of its own; an issue with
    no policy among issues that have one (no sheet leaves one empty: a role's action or the next issue's
    text was read as the issue, its policy given to another); a role's action far longer than any (the
    next issues' cells read into it); an issue that is a list of two items or more (`・病院と地域の連携による
    退院支援を推進する` `・居住支援法人等と…`: no sheet's issue is, the policies beside it read as the issue)."""
    issues = (part or {}).get("issues") or []
    for issue in issues:
        roles = issue.get("roles") or {}
        text = (issue.get("issue") or "").strip()
        if "\n" in text:  # a list's items, one a line: none of 189 sheets' issues is a list
            yield issue["line"], str(messages.ISSUE_AS_LIST(issue=text.replace("\n", " "), count=text.count("\n") + 1))
        for cell in (issue.get("issue"), *(issue.get("policies") or [])):
            if cell and cell.rstrip().endswith(_ROLE_WORDS):  # none of 922 policies does: a role's row ran in
                yield issue["line"], str(messages.ROLE_IN_CELL(issue=issue.get("issue") or "", text=cell))
                break
        long = next((t for actions in roles.values() for t in actions or [] if len(t) > _LONGEST_ROLE), None)
        if long is not None:
            yield issue["line"], str(messages.ROLE_RUN_ON(issue=issue.get("issue") or "", count=len(long)))
    split = set()
    for above, issue in itertools.pairwise(issues):
        roles, before = issue.get("roles") or {}, above.get("roles") or {}
        later = any(roles.get(r) for r in _LATER_ROLES)
        if later and not roles.get("administration") and not any(before.get(r) for r in _LATER_ROLES):
            split.add(id(issue))
            yield issue["line"], str(messages.ISSUE_SPLIT(issue=issue.get("issue") or ""))
    if any(i.get("policies") for i in issues):
        for issue in issues:
            if issue.get("issue") and not issue.get("policies") and id(issue) not in split:
                yield issue["line"], str(messages.ISSUE_WITHOUT_POLICY(issue=issue["issue"]))


def _strengths(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A strength's item that holds a header cell of the tables after it (`課題解決に向けた取組方針`, a
    line of its own among the items): the issues' table was not found, its cells read as the items."""
    for text in (part or {}).get("strengths") or []:
        header = _header_in(text)
        if header:
            yield (
                None,
                str(
                    messages.HEADER_IN_CELL(what=f"{SECTION_LABELS['strengths_and_issues']} 特徴(強み)", header=header)
                ),
            )
            return


def _values_in(effects: list[str]) -> str | None:
    """The effects' text that holds values apart from its words, if any."""
    return next((t for t in effects if _VALUES_APART.search(t)), None)


def _rows_as_text(part: Data | None, key: str) -> Iterator[tuple[int | None, str]]:
    """An indicator's row (①, ②…) left in the section's text below the indicators read as rows."""
    indicators = (part or {}).get("indicators") or []
    read = {i.get("number") for i in indicators}
    for paragraph in (part or {}).get("text") or [] if indicators else []:
        for piece in paragraph.split("\n"):
            number, rest = circled_number(piece.strip())
            if number is not None and number not in read and rest:
                line = indicators[-1]["line"]
                yield line, str(messages.ROW_AS_TEXT(what=SECTION_LABELS[key], text=piece.strip()))


def _sectors(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A sectors' table read with fewer than the template's four rows (保健, 医療, 福祉, その他); a cell
    that runs on long after its last sentence (a figure's labels below the table read into it)."""
    rows = (part or {}).get("sectors") or []
    read = {r.get("sector") for r in rows}
    if rows and len(read) < len(SECTORS):
        missing = "、".join(label for key, label in SECTORS.items() if key not in read)
        yield rows[0]["line"], str(messages.SECTORS_NOT_ALL(count=len(read), missing=missing))
    for row in rows:
        for text in (row.get("status"), row.get("strengths_and_issues")):
            _, sentence, tail = (text or "").rpartition("。")
            tail = tail.strip()
            if sentence and len(tail) >= _RUN_ON:
                yield row["line"], str(messages.SECTOR_RUN_ON(label=row.get("label") or "", text=tail))


_LIST_COMMAS_OF = ("、", ",", "，")  # a list's commas, counted (a class of them costs 0.2 ms to compile)


def _has_comma(text: str) -> bool:
    """Whether a text holds a list's comma."""
    return any(comma in text for comma in _LIST_COMMAS_OF)


# a sentence's end or predicate, which no council's name holds: a note's words read into it
_NAME_SENTENCE = compile_lazily("。|(?:であ|てい)る|が必要|難しい|にくい|がある|がない|できない")
# a name that opens as no council's does (0 of 373 in the sheets): with a list's item
# (`・ピアサポーターの病院訪問の調整措置入院者等…連絡会`) or with a frequency (`四半期ごと未設置町村への…連絡会議`),
# not one that a particle or 開催 goes on (`随時開催の…`): the activities or the frequency before it ran in
_NAME_OPENING = compile_lazily(rf"^\s*(?:([{LIST_BULLETS}])|(?:{FREQUENCY})(?![のにで]|開催))")
_BULLETS = tuple(LIST_BULLETS)


def _name_opening(name: str) -> re.Match[str] | None:
    """`_NAME_OPENING.match(name)`, its answer for the common name (a bullet at its start, or a frequency's
    word in it, is what a match needs) found without the pattern, which costs a millisecond to compile."""
    if not name.lstrip().startswith(_BULLETS) and not any(word in name for word in FREQUENCY_WORDS):
        return None
    return _NAME_OPENING.match(name)


# two councils' names run together (`…推進協議会区版協議の場（24区）`): a council's word inside the name, then
# a name of its own that ends as a council's does; a body's sub-body ends in 部会 or a working group's word
# (`…審議会地域移行部会`, `…連携会議作業部会`), never so (0 of 373 names in the sheets); no name goes on after a
# council's word with a particle (`…の会議で議論が…`: a note's sentence)
# (the council's words found once each, left to right, and the rest tested: a pattern that lets a name's
# two parts be any lengths backtracks on a long line)
_COUNCIL_WORD = compile_lazily("会議|協議会|審議会|委員会|連絡会|協議の場")
_WHOLE_NAME_ENDS = ("協議の場", "会議", "協議会", "連絡会")


def _two_names(name: str) -> tuple[str, str] | None:
    """The two councils' names a name holds (the first up to its first council's word), or None."""
    end = next((e for e in _WHOLE_NAME_ENDS if name.endswith(e)), None)
    if end is None:
        return None
    for word in _COUNCIL_WORD.finditer(name):
        rest = name[word.end() :]
        if len(rest) >= len(end) + 2 and not rest[0].isspace() and rest[0] not in ")）" and not _hiragana(rest[0]):
            return name[: word.end()], rest
    return None


_SHORTEST_NAME = 4  # characters of the shortest council's name (`事務局会議`, `圏域会議`; of 766)
_LIST_COMMAS = 2  # commas in a council's name: a list (of 643 councils' names in real and fixture sheets, one has one)
# and that one in its bracketed note (`…推進会議（5圏域、各保健所が事務局）`): of 766, no name has one outside


def _councils(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """A frequency cell that holds no frequency, or several, or words after one; a members cell that is or
    holds one, or ends with a list's comma; a name that holds one, or a list or a comma, or a sentence's
    words, or is cut, or none beside members; an activity cut inside a phrase; a frequency in words (随時)
    run into the words of a cell, where the council's own is another; a frequency's unit with no count
    before it in a cell (`…家族会回/年`: the end of a frequency its column wrapped)."""
    for m in (part or {}).get("meetings") or []:
        text = (m.get("frequency") or {}).get("text") or ""
        name = m.get("name") or ""
        pieces = text.split("\n")
        if text and not any(w in text for w in _NO_COUNT):
            yield m["line"], str(messages.NOT_A_FREQUENCY(name=name, text=text))
        elif (count := sum(per_year(p) is not None for p in pieces)) > 1:
            yield m["line"], str(messages.FREQUENCIES(name=name, text=text, count=count))
        elif _words_after_frequency(text):
            yield m["line"], str(messages.WORDS_AFTER_FREQUENCY(name=name, text=text))
        members = m.get("members") or ""
        if members and len(members) <= 8 and per_year(members) is not None:
            yield m["line"], str(messages.FREQUENCY_IN_MEMBERS(name=name, text=members))
        elif within := _FREQUENCY_INSIDE.search(members):  # no sheet's members name a frequency (0 of 766)
            yield m["line"], str(messages.FREQUENCY_AMONG_MEMBERS(name=name, text=members, found=within.group()))
        opening = _name_opening(name)
        if opening is not None and opening.group(1):
            yield m["line"], str(messages.ITEM_IN_NAME(name=name))
        elif _FREQUENCY_INSIDE.search(name) or opening is not None:
            yield m["line"], str(messages.FREQUENCY_IN_NAME(name=name))
        elif not name.strip() and members:
            yield m["line"], str(messages.COUNCIL_WITHOUT_NAME(members=members))
        elif 0 < len(name.strip()) < _SHORTEST_NAME or name.rstrip().endswith(_OPEN_ENDS):
            yield m["line"], str(messages.NAME_CUT(name=name))
        elif (commas := sum(map(name.count, _LIST_COMMAS_OF))) >= _LIST_COMMAS:
            yield m["line"], str(messages.LIST_IN_NAME(name=name, count=commas))
        elif _has_comma(_BRACKETED.sub("", name)):
            yield m["line"], str(messages.COMMA_IN_NAME(name=name))
        elif sentence := _NAME_SENTENCE.search(name):
            yield m["line"], str(messages.SENTENCE_IN_NAME(name=name, words=sentence.group()))
        elif two := _two_names(_BRACKETED.sub("", name).strip()):
            yield m["line"], str(messages.TWO_NAMES(name=name, first=two[0], second=two[1]))
        # two counted frequencies among its activities and notes: no sheet writes so, other rows ran in
        inside = _FREQUENCY_INSIDE.findall(" ".join([*(m.get("activities") or []), m.get("notes") or ""]))
        if len(inside) > 1:
            found = "、".join(inside)
            yield m["line"], str(messages.FREQUENCIES_IN_CELLS(name=name, count=len(inside), text=found))
        if members.endswith(("、", "，", ",")):  # a list never ends so: the rest went to another cell
            yield m["line"], str(messages.MEMBERS_CUT(name=name, text=members))
        if cut := next((a for a in m.get("activities") or [] if a.rstrip().endswith(_OPEN_ENDS)), None):
            yield m["line"], str(messages.ACTIVITY_CUT(name=name, text=cut))
        for key, cell in (
            ("members", members),
            ("activities", " ".join(m.get("activities") or [])),
            ("notes", m.get("notes")),
        ):
            piece = _FREQUENCY_PIECE.search(cell) if cell and "回" in cell else None
            if piece is not None:  # (no council's cell of any sheet in the corpus writes `回/年` but after a count)
                column = MEETING_COLUMNS[key].split("(")[0]
                yield m["line"], str(messages.FREQUENCY_PIECE(name=name, column=column, text=piece.group().strip()))
            word = _worded_frequency_inside(cell) if cell else None
            if word and word not in text:  # (a council held `随時` may say so in its words)
                column = MEETING_COLUMNS[key].split("(")[0]
                yield m["line"], str(messages.FREQUENCY_IN_CELL(name=name, column=column, word=word))


_WORDS_AFTER = 4  # characters after a frequency, brackets aside, that no sheet writes (`年2回（予定）`)


def _words_after_frequency(text: str) -> bool:
    """A 開催頻度 whose frequency is followed by words (`2回/年・個別事例の検討`): the next cell's start."""
    found = _FREQUENCY_INSIDE.search(text)
    if found is None:
        return False
    rest = _BRACKETED.sub("", text[found.end() :])
    return len(rest.strip(" \u3000・、,")) >= _WORDS_AFTER


def _schedule(part: Data | None, key: str, field: str, column: str) -> Iterator[tuple[int | None, str]]:
    """A date cell that holds the row's item while the item's cell is empty, or two rows' dates; an item or
    action that ends with a date, or (the annual schedule) holds one run into its words; months that go back."""
    for r in (part or {}).get(field) or []:
        label = r.get("label") or ""
        if _DATES_TOGETHER.search(label):
            yield r["line"], str(messages.DATES_RUN_TOGETHER(what=f"{SECTION_LABELS[key]} {column}", text=label))
        if label and not r.get("item") and find_date(label) is not None and len(_after_year(label)) > 4:
            yield r["line"], str(messages.EVENT_IN_YEAR(what=f"{SECTION_LABELS[key]} {column}", text=label))
        cells = [r.get("item") or "", *(r.get("actions") or [])]
        ended = next((c for c in cells if len(c) > 8 and _DATE_AT_END.search(c)), None)
        if ended:
            yield r["line"], str(messages.DATE_AT_END(what=SECTION_LABELS[key], text=ended))
        elif key == "annual_schedule" and (found := _date_in_cells(cells)):
            text, date = found
            yield r["line"], str(messages.DATE_IN_ITEM(what=SECTION_LABELS[key], text=text, date=date))
    if key == "annual_schedule":
        yield from _months_backwards(part)


def _date_in_cells(cells: list[str]) -> tuple[str, str] | None:
    """An annual schedule's item or action that holds a row's date (see `_ROW_DATE`, `_CUT_DATE`): the item
    (the first cell) starting with one run into its words, or any cell with one between two words or cut by
    a wrap.  A cell may name a month of its own after a particle or a bracket (`R6年3月までに`, `（R6年1月）`)."""
    for n, cell in enumerate(cells):
        text = cell.strip()
        if "年" not in text and "月" not in text:  # both patterns need one: most cells, passed without compiling them
            continue
        if cut := _CUT_DATE.search(text):
            return cell, cut.group().strip()
        for m in _ROW_DATE.finditer(text):
            after = text[m.end() : m.end() + 1]
            if not after or not (_kanji(after) or "\u30a1" <= after <= "\u30fa"):
                continue
            before = text[m.start() - 1] if m.start() else ""
            if (not before and n == 0) or (before and (_kanji(before) or "\u30a1" <= before <= "\u30fc")):
                return cell, m.group()
    return None


def _months_backwards(part: Data | None) -> Iterator[tuple[int | None, str]]:
    """An annual schedule's month earlier than the one above it (`2023-11`, then `2023-08`): a sheet lists its
    year's months in order, so rows were read out of order (a row's date paired with another's item)."""
    previous = None
    for r in (part or {}).get("items") or []:
        month = r.get("month")
        if month is not None and previous is not None and month < previous:
            what = f"{SECTION_LABELS['annual_schedule']} 時期(月)"
            yield r["line"], str(messages.MONTHS_BACKWARDS(what=what, month=r.get("label") or month, previous=previous))
        previous = month if month is not None else previous
