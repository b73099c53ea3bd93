"""Autospace: the gap LibreOffice's renderer puts between Japanese and Western characters.

LibreOffice (Writer, and so its PDF export) sets a narrow gap wherever a Japanese character meets a
digit or a Latin letter ("apply spacing between Asian and non-Asian text", on by default).  The gap
is layout, not the author's text, but pdftotext and PyMuPDF read it as a space, around every number
of the sheet: `R6 年 4 月時点` (pdftotext) or `R6 年4 月時点` (PyMuPDF) for `R6年4月時点`.  The
template's own labels then no longer match, nor do dates, and every text value carries the gaps.

The signal is the template's first as-of date (`(R6年4月時点)` in the first 基本情報
label, or the 退院率 rows' `入院後3か月時点`): autospaced, a space comes before its
month (` 月時点`, ` か月時点`); an author does not write it so, and a single gap there
shows the renderer's.  When it is there, the gaps are taken out of every line, as a
converter's error (like the look-alike characters), with one `converter-spaces` (info)
diagnostic:

    平成 23 年度精神障害者地域移行支援事業開始   →   平成23年度精神障害者地域移行支援事業開始
    3 か月以上 1 年未満 (%: 構成割合)            →   3か月以上1年未満 (%: 構成割合)
    119 人 221 人                                →   119人 221人

Every such space is taken out (an author rarely writes `平成 23 年`), except after a heading's
number (`5 精神障害にも…`) and where it also parts two cells that a converter put on one line:
after a value's unit that a number follows (`119 人 221 人`: two values) and after a label's last
character `数` (`基幹相談支援センター数 2 か所`), and before a count cell's unit, which the template
itself writes after a space in section 1 (`1 か所`, `1 / 1 か所/市町村数`; not `（10か所）` nor
`4か所に`). Past section 1 (from the first heading `N 精神障害にも…`) the cells are the authors',
who write `3か所`: an indicator's `3 か所` there is the renderer's gap, taken out like any other
(but a council set-up's count, `1 / 1 か所/`, that the page's layout put there).  In sections 4 and 5
an indicator's name and its first value on one line (`② 区外病院との連絡会の開催 0 回`, the name's cell
and the value's, a row pdftotext wrote as one line) keep the space between them: `… 0回`.
A space also parts two cells where what comes before it cannot end a cell's text: a count cut
before its counter (`年 2 作業部会の…`: the frequency `年2回` wrapped after its number in its narrow
column, the next cell's first line after it; `R5 年 12 区地域…`, `（第 1 各区で…`), which goes on
with a counter (`年 2 回`, `R5 年 12 月`, `第 1 回`) when it is whole; a fiscal year before a number
(`令和 3 年度 7 区に…`: no author writes `年度7`); and, in sections 4 and 5, an indicator's name's
second line (the line after `③ ピアサポー`) and a count after it (`ター養成研修 60 人`: the value's
cell), and a value's cell alone on its line, a short label that ends on a noun and its count and counter
(`地域移行支援の利用 40 件`: `地域移行支援の利用 40件`, the space the sheets write there; a value of two on one
line, `病院訪問 12 病院 病院訪問 11 病院`, loses the spaces within each, as before).  A number that starts
the next cell after other text (`…の調整 15 病院に依頼`) is not told
from an author's and loses the space.
An author's own space at such a boundary (`基本目標1 市民`) is lost with the renderer's.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.vocabulary import CIRCLED, SECTIONS

_JAPANESE = "\u3005\u3040-\u30ff\u4e00-\u9fff"
# a number or a Latin word and the Japanese after it: `23 年`, `3 か月`, `27 市町`, `SOS プラン`
# (but a count cell's `1 か所`, `1 / 1 か所/市町村数`: the template's own space before its unit)
_AFTER_WESTERN = re.compile(rf"(?<=[0-9A-Za-z]) (?=[{_JAPANESE}])(?!か所(?:[/／\s]|$))")
# the same past section 1, where only a set-up count the page put there (`1 / 1 か所/`) is the template's
_AFTER_WESTERN_LATER = re.compile(rf"(?<=[0-9A-Za-z]) (?=[{_JAPANESE}])(?!か所[/／])")
# a Japanese character, a space and a number or a Latin word: `平成 23年`, `うち 65歳`, `の SOS`
_BEFORE_WESTERN = re.compile(rf"([{_JAPANESE}]) (?=[0-9A-Za-z])")
# a heading's number before the template's title (`5 精神障害にも…`; section 1's `1 県、指定都市…`
# reads as well without: its table is read a cell per line, which a LibreOffice PDF's laid-out text
# needs, its cells being centred in their rows)
_NUMBERED = re.compile(r"[ \t\f\u3000]{0,8}[0-9]{1,2} (?=精神障害にも)")
# a later section's heading (`5 精神障害にも…`, `５ 精神障害にも…`): section 1 lies behind
_LATER_HEADING = re.compile(r"[ \t\f\u3000#]{0,8}([0-9０-９]{1,2})[ \u3000]?精神障害にも")
_DATE_PARTS = "年月"  # `R6年 4月`: the next part of a date, never a second value
# a count that must go on with its counter, cut after its number: a date's `年 12` (`月`), a frequency's
# `年 2` or `月 1` (`回`), an ordinal's `（第 1` (`回・全区）`), where a narrow cell wrapped it and the
# next cell's text came after it on the line: `R5 年 12 区地域…`, `年 2 作業部会の…`, `（第 1 各区で…`
_COUNTED = re.compile(r"[年月第] ?[0-9０-９]{1,4}$")
# what goes on from such a count (`年 2 回`, `R5 年 12 月`, `第 1 回`, `月 1 日`, `年 30 人`); any other
# kanji is the next cell's (not a kana: `年 3 か月`, `年 3 コース`, `第 1 に`)
_COUNTERS = "月回日人件名期週度時分年号次歳箇条章節項弾段位種版割枚万千億四"
# a fiscal year's end (`令和 3 年度 7 区に…`): a year's cell, never a number's prefix (no one writes `年度7`)
_YEAR_END = "度"
# an indicator's name and its first value on one line, a space apart, the value a count and its unit
# (`② 区外病院との連絡会の開催 0 回`): the space parts two cells, not the renderer's gap
# (not where a space between two Japanese characters parts them already, `…退院者数 年 104 人`, nor in a
# line laid out in columns, `pdftotext -layout`'s, whose cells two spaces or more part)
_NAME_VALUE = re.compile(
    rf"[ \f]{{0,8}}[{CIRCLED}](?:(?![{_JAPANESE}] [{_JAPANESE}]|  ).){{0,60}}[{_JAPANESE}]"
    r"( )(?=[0-9][0-9,.]* ?[^\s0-9]{1,4}$)"
)
# the same on the second line of a name's wrapped cell, right after its first (`③ ピアサポー` /
# `ター養成研修 60 人` / `修了者数`, see `_piece_value`), but for a count's own prefix (`全 44 市町村`,
# `計 61 回`, `年 350 人`)
_COUNT_PREFIXES = "約全計年月週日第各毎延べち間均"  # a count's own words (`全 44 市町村`, `延べ 150 人`, `年間 12 回`)
_PIECE_VALUE = re.compile(
    rf"(?:(?![{_JAPANESE}] [{_JAPANESE}]|  ).){{0,40}}[{_JAPANESE}](?<![{_COUNT_PREFIXES}])"
    r"( )(?=[0-9][0-9,.]* ?[^\s0-9]{1,4}$)"
)
# a value's cell alone on its line (a box of pdftotext's, a line of PyMuPDF's): a short label that ends on a
# noun, then its count and a counter that ends the line (`地域移行支援の利用 40 件`, `支援計画作成率 60％`): the
# space the sheet writes between them is kept (but after a count's own prefix, `全 7 圏域`, a sentence's
# wrap, `…回数は 12 回`, in a bracket's piece, `うち退院 2 件）`, a count each unit holds, `各区 3 回`, or before a
# word a line cut, `10 病` / `院への訪問`, `3,000 部配布`)
_COUNTER = r"(?:件|人|名|回|[％%]|[かカヶケ箇]所|病院|市町村|市町|圏域|事例|事業所|団体|法人|世帯|部|社)(?:[/／]年)?"
_VALUE_LABEL = r"[ \f]{0,8}(?:[・\uf0b7] ?)?(?!各)[^\s、。()（）]{0,15}[\u4e00-\u9fff\u30a0-\u30ff]"
_VALUE_ALONE = re.compile(rf"{_VALUE_LABEL}(?<![{_COUNT_PREFIXES}])( )(?=[0-9][0-9,.]* ?{_COUNTER}$)")
# the same where the box's narrow column cut the counter, its rest alone on the next line (`研修参加 58 市` /
# `町村`, `…試行 3 病` / `院`; not `10 病` / `院への訪問`, a word's rest)
_VALUE_CUT = re.compile(rf"{_VALUE_LABEL}(?<![{_COUNT_PREFIXES}])( )[0-9][0-9,.]* ?([^\s0-9()（）]{{1,2}})$")
_COUNTER_WHOLE = re.compile(_COUNTER)
# a name's first line: its circled number and the name's start, nothing else
_NAME_START = re.compile(rf"[ \f]{{0,8}}[{CIRCLED}] ?[^\s0-9０-９]{{1,30}}$")
# outcomes, strengths and issues: the sections whose tables hold indicators, their numbers as a heading
# writes them (`4`, `４`)
_INDICATOR_SECTIONS = frozenset(
    form
    for section in SECTIONS
    if section.key in ("outcomes", "strengths_and_issues")
    for number in section.numbers
    for form in (str(number), chr(ord("０") + number))  # (one digit each)
)


def apply(state: FormState) -> None:
    """Take the renderer's gaps out of every line, and say how many there were."""
    if not signals.autospace(state.source):
        return
    lines = state.lines
    removed = 0
    past_section_1 = False
    section = ""
    for i, line in enumerate(lines):
        if line is None:
            continue
        heading = _LATER_HEADING.match(line)
        if heading is not None:
            past_section_1 = True
            section = heading.group(1)
        if " " not in line:
            continue
        pair = None
        if section in _INDICATOR_SECTIONS:
            value = line.rstrip()  # (PyMuPDF ends a line with a space)
            pair = _NAME_VALUE.match(value)
            if pair is None and i > 0:
                pair = _piece_value((lines[i - 1] or "").rstrip(), value)
            if pair is None:
                pair = _VALUE_ALONE.match(value) or _value_cut(value, lines[i + 1] if i + 1 < len(lines) else None)
        if pair is not None:  # the name's and the value's gaps taken out apart, the space between kept
            at = pair.start(1)
            text = unspaced(line[:at], past_section_1) + " " + unspaced(line[at + 1 :], past_section_1)
        else:
            text = unspaced(line, past_section_1)
        if len(text) < len(line):
            lines[i] = text
            removed += len(line) - len(text)
    if removed:
        state.note(
            Diagnostic.CONVERTER_SPACES,
            None,
            str(messages.CONVERTER_SPACES(count=removed, example="R6 年 4 月 → R6年4月")),
        )


def _piece_value(previous: str, line: str) -> re.Match[str] | None:
    """A name's second line and a count beside it (`ター養成研修 60 人` after `③ ピアサポー`): the line right
    after the name's first, its piece as wide as the name's first line (the name's column wrapped it; not
    a value of its own, `各区 3 回` after `② 区精神保健福祉連`)."""
    start = _NAME_START.match(previous)
    pair = _PIECE_VALUE.match(line) if start is not None else None
    if pair is None:
        return None
    first = unspaced(previous.strip()[1:].strip())
    piece = unspaced(line[: pair.start(1)].strip())
    return pair if len(piece) >= len(first) else None


def _value_cut(line: str, below: str | None) -> re.Match[str] | None:
    """A value alone whose counter's rest is the next line, alone (`研修参加 58 市` / `町村`)."""
    cut = _VALUE_CUT.match(line)
    if cut is None or below is None:
        return None
    return cut if _COUNTER_WHOLE.fullmatch(cut.group(2) + below.strip()) else None


def unspaced(line: str, past_section_1: bool = False) -> str:
    """The line with the renderer's gaps taken out (`past_section_1`: a count's `3 か所` too)."""
    numbered = _NUMBERED.match(line)  # a heading's number keeps its space
    at = numbered.end() if numbered else 0
    after_western = _AFTER_WESTERN_LATER if past_section_1 else _AFTER_WESTERN
    rest = after_western.sub(_join_after_western, line[at:])
    return line[:at] + _BEFORE_WESTERN.sub(_join_before_western, rest)


def _join_after_western(match: re.Match[str]) -> str:
    """`23 年` → `23年`; the space kept after a count cut short of its counter (`年 2 作業部会`: two cells)."""
    at = match.start()
    text = match.string
    after = text[at + 1]
    if "\u4e00" <= after <= "\u9fff" and after not in _COUNTERS and _COUNTED.search(text, 0, at) is not None:
        return " "
    return ""


def _join_before_western(match: re.Match[str]) -> str:
    """`平成 23年` → `平成23年`; the space kept after a value's unit or a label."""
    char = match.group(1)
    at = match.start()
    after_number = at > 0 and match.string[at - 1].isdigit()
    year_end = char == _YEAR_END and at > 0 and match.string[at - 1] == "年"
    if char == "数" or year_end or (after_number and char not in _DATE_PARTS):
        return char + " "
    return char
