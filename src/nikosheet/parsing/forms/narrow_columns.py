"""What a LibreOffice PDF's narrow table cells do to their text: a year or a frequency wrapped right
after its number, a list item's label on a line of its own, a year run into the next cell.

LibreOffice lays a DOCX table out with the column widths the document gives, so a sheet's first
columns (the history's 年度, the councils' 開催頻度) are narrow, and a PDF of it wraps a cell such as
`平成16年` or `年1回` after its number.  PyMuPDF and pdftotext then write the two parts on lines of
their own, and the table's rows, found by these cells, are lost:

    平成16          平成16年
    年        →     (layout)
    精神障害者…     精神障害者…
    年1             年1回
    回              (layout)

A line that is an era and a year's digits, or 年/月/週 and a count's digits, and a next line that
starts with the counter that completes it (`年`, `回`), are one cell; so are a month range cut after
its last number (`R5年7月～8` `月`), `四半期` `ごと`, and a frequency and its note (`年2回` `（予定）`).
A list in a cell hangs its items' label apart, and the converters write it alone, before its item:
the label (Word's bullet, `・` once folded) is the item's bullet (the item starts with it), not a
line of its own.  A fiscal year or a month cell and the cell after it, set on one baseline, come as
one run of text (`R6年度市町の協議の場の設置促進`): a space is put between them, as the converters
put between cells, unless what follows is part of the date (`R6年度下半期`, `R6年度～R7年度`,
`R5年度末`, `5月第2週`) or a particle (`5月に`, `R6年度に`).  A year cut before its 度 (`平成 29 年`,
`2012 年`) takes the 度 written a few lines below, after the first lines of the cells beside it.  A year
written in both eras and wrapped inside its bracket stands around its one-line event, centred beside it
(`2010 年度（平成 22` `…を設置` `年度）`): it is made whole on its first line, the event after it; so is an
event wrapped around the 委託's `↓` (`…事業を開` `↓` `始`).  Only in a LibreOffice PDF's text (the
renderer's gaps around numbers are its signal: see `autospace`).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import PARTICLE
from nikosheet.parsing.forms.template_tables import FREQUENCY
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import AS_ABOVE, EVENT_ENDS, ROLES, SECTORS

# a fiscal year (`R6年度`, `2024 年度`) that starts a line and runs into the next cell's text
# or a month (`R5年5月第1回実務者部会`, `R5年9月こころの健康講座`), unless a particle follows it
# (a sentence: `R5年5月に…`)
_RUN_ON = re.compile(
    rf"[ \t\f\u3000]{{0,8}}(?:(?:令和|平成|[HR]) ?[0-9０-９元]{{1,2}}|(?:19|20)[0-9]{{2}}) ?年"
    rf"(?:度(?=[^\s～〜~・、。（）()])(?!{PARTICLE})"
    r"| ?[0-9０-９]{1,2} ?月(?:[～〜~] ?(?:(?:令和|平成|[HR]) ?[0-9０-９]{1,2} ?年 ?)?[0-9０-９]{1,2} ?月)?"
    # a month cell's next cell may start with a hiragana (`R5年9月こころの健康講座`), not a particle's,
    # but for the programme's own name (`R5年9月にも包括人材育成研修`)
    r"(?=[^\s～〜~・、。）)\u3041-\u3096]|にも包括|(?![のにはをがでもとやへ]|[ごこ]ろ|より)[\u3041-\u3096]))"
)
_DATE_GOES_ON = re.compile(
    r"上半期|下半期|末|当初|中旬|中(?![\u4e00-\u9fff])|から|まで|以降|上旬|下旬|頃"  # (not `中山間…`)
    r"|第(?:[0-9０-９]\s*[週月火水木金土日]|[1-4１-４]?\s*四半期)"  # `R6年度第1四半期`, `5月第2週` (not `第1回`)
)
# a cell's first part that stops after its number, and the counter its next part must start with
_COUNCILS_HEADER, _COUNCILS_END = "名称", "【その他事項】"
# a frequency in words, then a word that no frequency goes on with (`随時市町から…`; not `随時、`, `随時の`)
_WORD_FREQUENCY_RUN_ON = re.compile(r"(?:随時|隔月|適宜|必要時)(?=[\u4e00-\u9fff\u30a1-\u30fa])")
# a count (`年4 回`, `2 回/年`, the renderer's gap before 回 kept), then a word that no frequency goes on with
# (`年4 回長期入院者の…`; not `年2回程度`, `年4回以上`, `年2回開催`, `2回/年度`, `月1回第3水曜日`)
_COUNT_FREQUENCY_RUN_ON = re.compile(
    r"(?:(?:年間?|[月週]) ?[0-9０-９]{1,2} ?回|[0-9０-９]{1,2} ?回 ?/ ?年)"
    r"(?=[\u4e00-\u9fff\u30a1-\u30fa])(?!程|以|開催|実施|予定|前後|第|度|ほど|から|まで)"
)
_LABELS = ("・", "・ ", "\uf0b7", "\uf0b7 ")  # a list label alone on its line (folded or not)
_ITEM_BULLETS = "・•\uf0b7"  # an item that starts with its own bullet
_YEAR = r"(?:令和|平成|[HR])\s*[0-9０-９]{1,2}"
_DIGITS = "[0-9０-９]{1,2}"
# a fiscal year cut before its 度 (`平成 29 年`, `2012 年`)
_YEAR_CUT = re.compile(r"(?:(?:令和|平成|[HR])\s*[0-9０-９元●○]{1,2}|(?:19|20)[0-9]{2})\s*年")
_YEAR_END = re.compile(r"度[～〜~]?")  # `度`, `度～` (the years from it on)
_BESIDE = 5  # lines: a year's 度 and the first lines of the (at most three) cells beside it
_DIGIT = tuple("0123456789０１２３４５６７８９")
_HEADS: tuple[tuple[re.Pattern[str], str | tuple[str, ...]], ...] = (
    (re.compile(r"(?:令和|平成|昭和|[HRS])\s*[0-9０-９]{1,2}"), "年"),
    # `年1` `回`, `各圏域年2～3` `回`: a range, or a count each body holds
    (re.compile(rf"(?:各[^\s年]{{1,3}})?(?:年間?|[月週])\s*{_DIGITS}(?:\s*[～〜~\-]\s*{_DIGITS})?"), "回"),
    (re.compile(rf"{_YEAR}\s*年\s*{_DIGITS}"), "月"),  # `R5年11` `月`
    (re.compile(rf"{_YEAR}\s*年度?\s*[～〜~\-－]\s*{_YEAR}\s*年"), "度"),  # `R6年度～R7年` `度`
    (re.compile(rf"{_DIGITS}\s*回\s*[/／]"), "年"),  # `2回/` `年`
    (re.compile(rf"{_DIGITS}(?:\s*[～〜~\-]\s*{_DIGITS})?"), "回"),  # `2～4` `回/年`, `3` `回/年`
    (re.compile(r"四半期"), "ごと"),
    (re.compile(rf"{_DIGITS}\s*[かカヵヶケ]月"), "に"),  # `2か月` `に1回`
    (re.compile(rf"(?:{_DIGITS}\s*[かカヵヶケ]月|半年)に\s*{_DIGITS}"), "回"),  # `2か月` `に1` `回`
    (re.compile(rf"{_YEAR}\s*年\s*{_DIGITS}\s*月\s*[～〜~\-－]\s*{_YEAR}"), "年"),  # `R6年12月～R7` `年1月`
    # `R5年10月～` `11月`, `R6年12月～` `R7年1月`
    (re.compile(rf"{_YEAR}\s*年\s*{_DIGITS}\s*月\s*[～〜~\-－]"), (*_DIGIT, "令和", "R")),
    (re.compile(r"半年に|年間?|[月週]"), _DIGIT),  # `半年に` `1回`, `年` `10` `回`
    (re.compile(r"\S{1,6}回程"), "度"),  # `月１回程` `度`
    # `R5年7月～8` `月`, `令和5年6月～令和6年3` `月`
    (re.compile(rf"(?:{_YEAR}\s*年\s*)?{_DIGITS}\s*月\s*[～〜~\-－]\s*(?:{_YEAR}\s*年\s*)?{_DIGITS}"), "月"),
)
_COUNT = re.compile(rf"(?:年間?|[月週])\s*{_DIGITS}\s*回(?:程度)?")  # a frequency, then a note in brackets
_NOTE = re.compile(r"[(（][^()（）\s]{1,6}[)）]")  # `（予定）`
_LONG_LABELS = tuple(sorted({label for label in (*SECTORS.values(), *ROLES.values()) if len(label) > 4}))
_LABEL_HEAD = 4  # a wrapped label's first line holds this much of it at least


def apply(state: FormState) -> None:
    """Join each wrapped year or frequency back into one line, and each lone list label to its item;
    set a year cell apart from the cell its text ran into."""
    if not signals.narrow_columns(state.source):
        return
    lines = state.lines
    _wrapped_labels(lines)
    _line_between(lines)
    _year_around(lines)
    _mark_between(lines)
    _untangle(lines)
    _frequencies_run_on(lines)
    _frequencies_wrapped(lines)
    _fiscal_years(lines)
    _months(lines)
    previous: int | None = None  # the last line with text
    label: int | None = None  # a lone label's line, blank lines after it
    for i, line in enumerate(lines):
        if line is None:
            continue
        text = line.strip()
        if label is not None and text[:1] in _ITEM_BULLETS:  # the label's box, then its item's
            lines[label], label = None, None
        if previous is not None and not text and lines[previous] in _LABELS:
            label = previous
        elif text and not _before_item(lines, i):  # else the item above's wrapped end, then its item
            label = None
        if previous is not None and text and lines[previous] in _LABELS:
            lines[previous] = text if text[0] in "・•" else f"・{text}"
        elif previous is not None and text and _completes(lines[previous], text):
            lines[previous] = f"{(lines[previous] or '').strip()}{text}"
        else:
            lines[i] = _apart(line)
            previous = i if text else None
            continue
        lines[i] = None  # the joined line may go on: `年` `10` `回`


def _wrapped_labels(lines: list[str | None]) -> None:
    """A row's long label (`その他関係機関・住民等`) wrapped in its narrow column, made whole on its first
    line.  LibreOffice centres a row's cells, so a cell of one line stands between the label's two
    (`その他関係機` `家族会による家族支援` `関・住民等`), or a cell's first line runs into the label's
    (`その他関係機関・ 家族会、…参加し` `住民等` `ている。`)."""
    for i in range(len(lines) - 1):
        head, _, cell = (lines[i] or "").strip().partition(" ")
        label = next((x for x in _LONG_LABELS if x.startswith(head) and len(head) >= _LABEL_HEAD), None)
        if label is None or head == label:
            continue
        rest = label[len(head) :]
        if cell and (lines[i + 1] or "").strip() == rest:
            lines[i], lines[i + 1] = f"{label} {cell}", None
        elif not cell and i + 2 < len(lines) and (lines[i + 1] or "").strip() and (lines[i + 2] or "").strip() == rest:
            lines[i], lines[i + 2] = label, None


_KANA = re.compile(r"[\u3041-\u3096ー]")  # a hiragana (or a long vowel mark): no cell starts with one
_TAIL = 8  # a sentence's wrapped tail (`ている。`) has this many characters at most
_FULL = 15  # a wrapped line that fills its column has this many at least


def _line_between(lines: list[str | None]) -> None:
    """A one-line sentence cell that stands between the two lines of the cell beside it, both centred
    in their row (`…市町村を支援し` `圏域によって取組に差がある。` `ている。`): the wrapped cell's lines
    joined on its first, the one-line cell after it.  Only where the tail (short, a hiragana first,
    a full stop last) cannot start a cell and the line between can (no hiragana first)."""
    for i in range(len(lines) - 2):
        first, between, tail = ((line or "").strip() for line in lines[i : i + 3])
        if (
            len(first) >= _FULL
            and not first.endswith("。")
            and " " not in first
            and between.endswith("。")
            and len(between) > _TAIL
            and not _KANA.match(between)
            and between[0] not in _ITEM_BULLETS
            and tail.endswith("。")
            and len(tail) <= _TAIL
            and _KANA.match(tail)
        ):
            lines[i], lines[i + 1], lines[i + 2] = first + tail, between, None


_YEAR_OPEN = re.compile(
    r"(?:(?:令和|平成|[HR])\s*(?:[0-9０-９]{1,2}|元)|(?:19|20)[0-9]{2})\s*年度?\s*[(（][^()（）]*$"
)  # `2010 年度（平成 22`, `令和元年度（2019`: a year and its other era's, cut inside the bracket
_YEAR_CLOSE = re.compile(r"[^()（）]{0,4}[)）]")  # `年度）`, `年）`: the bracket's rest on the next line


def _year_around(lines: list[str | None]) -> None:
    """A history's year cell wrapped inside its bracket, the one-line event centred beside it standing
    between its two lines (`2010 年度（平成 22` `政令指定都市への移行に伴い、…を設置` `年度）`): the year made
    whole on its first line, the event after it.  Only where the line between is no year of its own."""
    for i in range(len(lines) - 2):
        first, between, tail = ((line or "").strip() for line in lines[i : i + 3])
        if (
            _YEAR_OPEN.match(first)
            and _YEAR_CLOSE.fullmatch(tail)
            and between
            and not _YEAR_OPEN.match(between)
            and not _YEAR_CUT.match(between)
            and not between[:1].isdigit()
        ):
            lines[i], lines[i + 1], lines[i + 2] = first + tail, between, None


_WORD_END = 4  # characters of a word's end that a narrow column wrapped (`始`, `設置`)


def _mark_between(lines: list[str | None]) -> None:
    """An event wrapped in its column with the 委託's `↓` centred beside it, between its two lines
    (`…構築推進事業を開` `↓` `始`): the event made whole on its first line, the mark after it.  Only where
    the event's first line fills its column and ends inside a word (no `。`, no event's step such as
    `…へ改組`: the line after the mark is then the year's next event), and its rest is a word's end."""
    for i in range(len(lines) - 2):
        first, between, tail = ((line or "").strip() for line in lines[i : i + 3])
        if (
            between == AS_ABOVE
            and len(first) >= _FULL
            and " " not in first
            and not first.endswith(("。", AS_ABOVE, *EVENT_ENDS))
            and 0 < len(tail) <= _WORD_END
            and " " not in tail
            and not tail[0].isdigit()
            and tail != AS_ABOVE
            and not _YEAR_CUT.match(tail)
            and not _HEADS[0][0].match(tail)  # `平成30` (its `年度` on the next line): the next row's year
        ):
            lines[i], lines[i + 1], lines[i + 2] = first + tail, between, None


def _before_item(lines: list[str | None], i: int) -> bool:
    """Whether the line right after line `i` is a list's item that starts with its own bullet."""
    below = lines[i + 1] if i + 1 < len(lines) else None
    return below is not None and below.strip()[:1] in _ITEM_BULLETS


def _frequencies_run_on(lines: list[str | None]) -> None:
    """`随時市町からの相談対応` → `随時 市町からの相談対応`: in the councils' table (from its header's
    `名称` to `【その他事項】`), a frequency in words at a line's start, run into the first line of the
    activities beside it (PyMuPDF joins the two cells' lines on one baseline); so is a count, its wrapped
    `回` joined back on its line (`年4 回長期入院者の状` → `年4 回 長期入院者の状`)."""
    inside = False
    for i, line in enumerate(lines):
        text = (line or "").strip()
        if text == _COUNCILS_HEADER:
            inside = True
        elif text.startswith(_COUNCILS_END):
            inside = False
        elif inside and (head := _WORD_FREQUENCY_RUN_ON.match(text) or _COUNT_FREQUENCY_RUN_ON.match(text)):
            lines[i] = f"{text[: head.end()]} {text[head.end() :]}"
        elif inside and text and "。" not in text:
            below = i + 1 < len(lines) and (lines[i + 1] or "").strip() == _TIMES
            if below and _LAST_FREQUENCY.search(text + _TIMES):  # `…精神保健福祉士月1` `回`: its 回 wrapped
                text, lines[i + 1] = text + _TIMES, None
            apart = _members_apart(text)
            lines[i] = apart if apart != (line or "").strip() else line


def _members_apart(text: str) -> str:
    """`実務者会議保健, 医療, 家族会, ピアサポーター年6回` → `実務者会議 保健, 医療, 家族会, ピアサポーター
    年6回`: a council's name, its members' list and its frequency, each a line of one cell, run together
    on one baseline (PyMuPDF): the name where one council's word alone ends it before the list's first
    separator, the frequency where a list's last member runs into it."""
    comma = _MEMBER_SEPARATOR.search(text)
    if comma is None:
        return text
    ends = [m.end() for m in _COUNCIL_WORD.finditer(text, 0, comma.start())]
    first = text[ends[0] : comma.start()] if len(ends) == 1 else ""
    if 0 < len(first) <= _FIRST_MEMBER and " " not in first and not first.startswith(_MEMBER_OF):
        text = f"{text[: ends[0]]} {text[ends[0] :]}"
    frequency = _LAST_FREQUENCY.search(text)
    if frequency is not None and frequency.start() > comma.end():
        text = f"{text[: frequency.start()]} {text[frequency.start() :]}"
    return text


_TIMES = "回"
_MEMBER_SEPARATOR = re.compile(r"[、,，]")
_COUNCIL_WORD = re.compile(r"(?:会議|協議の場|グループ|会)(?![議\u3041-\u3096ー])")  # (not `家族会の…`)
_FIRST_MEMBER = 12  # characters: a member's name (`精神科医`, `相談支援事業所`) before the list's separator
# what names a body's member after the body (`自立支援協議会委員`, `家族会代表`): one member, no name before it
_MEMBER_OF = ("委員", "代表", "会長", "会員", "役員", "職員", "担当", "事務局", "長")
# a numeric frequency at the line's end, run into a member's name (a kanji or a katakana before it)
_LAST_FREQUENCY = re.compile(r"(?<=[\u4e00-\u9fff\u30a1-\u30fa\u30fc])(?:年間?|[月週])[0-9０-９]{1,2}回$")


# a frequency in a column so narrow that it wraps over three lines: one each body holds (`各圏` `域年2`
# `～3回`) or one in words (`四半` `期ご` `と`), any the template's vocabulary knows
_FREQUENCY = compile_lazily(rf"^{FREQUENCY}$")  # anchored: tried on short lines only
_NARROW = 4  # characters: a narrow column's line holds no more


def _frequencies_wrapped(lines: list[str | None]) -> None:
    """`各圏` `域年2` `～3回`, `四半` `期ご` `と`: one frequency cell, whose three lines no two of which make
    it whole (the first two a frequency already are left to the joins of two lines)."""
    for i in range(len(lines) - 2):
        parts = [(line or "").strip().replace(" ", "") for line in lines[i : i + 3]]
        if (
            all(0 < len(part) <= _NARROW for part in parts)
            and _FREQUENCY.fullmatch("".join(parts))
            and not _FREQUENCY.fullmatch("".join(parts[:2]))
        ):
            lines[i], lines[i + 1], lines[i + 2] = "".join(parts), None, None


def _apart(line: str) -> str:
    """`R6年度市町の…` → `R6年度 市町の…`: a year or month cell apart from the cell its text ran into."""
    run_on = _RUN_ON.match(line)
    if run_on is None or _DATE_GOES_ON.match(line, run_on.end()):
        return line
    return f"{line[: run_on.end()]} {line[run_on.end() :]}"


def _completes(head: str | None, tail: str) -> bool:
    """Whether `tail` is the rest of the cell `head` that a narrow column wrapped."""
    text = (head or "").strip()
    if not text or len(text) > 14 or "\t" in text:
        return False
    if _COUNT.fullmatch(text) and _NOTE.fullmatch(tail.strip()):  # `年2回` `（予定）`
        return True
    return any(pattern.fullmatch(text) and tail.startswith(counter) for pattern, counter in _HEADS)


def _fiscal_years(lines: list[str | None]) -> None:
    """`R7年` and, a few lines below, `度` (or `度～`) alone: one fiscal year cell, its second line written after
    the first lines of the cells beside it (LibreOffice centres them on the year's two lines)."""
    for i, line in enumerate(lines):
        cut = None if line is None else _YEAR_CUT.match(line.strip())
        if line is None or cut is None or (cut.end() < len(line.strip()) and line.strip()[cut.end()] != " "):
            continue
        after = [j for j in range(i + 1, min(i + 1 + _BESIDE, len(lines))) if (lines[j] or "").strip()]
        rest = next((j for j in after if _YEAR_END.fullmatch((lines[j] or "").strip())), None)
        if rest is not None and cut.end() < len(line.strip()) and rest == after[0]:
            continue  # `平成24年 …` `度`: the cell's end right under its row's first line, the tables' to read
        if rest is not None:  # `平成30年 …構築` (its row's first line after it), `（直営）`, `度`
            year, event = line.strip()[: cut.end()], line.strip()[cut.end() :]
            lines[i], lines[rest] = f"{year}{(lines[rest] or '').strip()}{event}", None


_RANGE_TO_YEAR = re.compile(rf"{_YEAR}\s*年\s*{_DIGITS}\s*月\s*[～〜~\-－]\s*{_YEAR}\s*年")  # `R6年8月～R7年`
_MONTH_ALONE = re.compile(rf"{_DIGITS}\s*月")
_MONTH_CUTS = (_HEADS[2][0], _HEADS[-1][0])  # `R5年11`, `令和5年6月～令和6年3`: a month cut before its 月
_MONTH_GOES_ON = "0123456789０１２３４５６７８９月～〜~-－"  # after `R5年6`: the month's own text, not a cell's


def _months(lines: list[str | None]) -> None:
    """`令和5年6月～令和6年3`, the next cell's one line, then `月` alone: one month cell, its second line
    written after the line of the cell beside it (LibreOffice centres that cell on the month's lines)."""
    for i in range(len(lines) - 2):
        line, beside, rest = lines[i : i + 3]
        if line is not None and (beside or "").strip() == "月":
            _month_run_on(lines, i)
        if line is None or beside is None or rest is None or rest.strip() != "月" or not beside.strip():
            continue
        if any(cut.fullmatch(line.strip()) for cut in _MONTH_CUTS):
            lines[i], lines[i + 2] = f"{line.strip()}月", None
    for i in range(len(lines) - 2):  # `R6年8月～R7年`, the next cell's line, `1月`
        line, beside, rest = lines[i : i + 3]
        if line is None or beside is None or rest is None or not beside.strip():
            continue
        if _RANGE_TO_YEAR.fullmatch(line.strip()) and _MONTH_ALONE.fullmatch(rest.strip()):
            lines[i], lines[i + 2] = f"{line.strip()}{rest.strip()}", None


def _month_run_on(lines: list[str | None], i: int) -> None:
    """A month's first part and the next cell's first line on one line, then `月` (`R5年11 第2回…`,
    `月`, `ヒアリング`): the month, then the cell's lines."""
    text = (lines[i] or "").strip()
    run_on = _MONTH_CUTS[0].match(text)
    if run_on is not None and run_on.end() < len(text) and text[run_on.end()] not in _MONTH_GOES_ON:
        lines[i], lines[i + 1] = f"{run_on.group()}月", text[run_on.end() :].strip()


def _untangle(lines: list[str | None]) -> None:
    """A narrow cell whose two parts other cells' lines stand between (pdftotext orders a block's
    lines by height, and LibreOffice centres the short cell beside the tall ones): the k lines before
    its first part, the k between its parts and the lines after it are k cells' lines, one of each
    a line; each cell's lines are put together, the narrow cell after the first (a frequency beside
    the councils' members) or first (a date)."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and (lines[end] or "").strip():
            end += 1
        if end - start >= 5:
            _untangle_block(lines, start, end)
        start = end + 1


def _untangle_block(lines: list[str | None], start: int, end: int) -> None:
    texts = [(lines[i] or "").strip() for i in range(start, end)]
    for head in range(1, len(texts) - 3):
        date = _HEADS[0][0].fullmatch(texts[head]) is not None
        if not date and _HEADS[1][0].fullmatch(texts[head]) is None:
            continue
        if _completes(texts[head], texts[head + 1]):  # its parts together (`平成18` `年度`): no cell between
            continue
        width = head  # the other cells: one line each before the narrow cell's first part
        tail = head + width + 1
        if tail >= len(texts) or not _completes(texts[head], texts[tail]) or len(texts) - tail - 1 > width:
            continue
        levels = [texts[:head], texts[head + 1 : tail], texts[tail + 1 :]]
        cells = [[level[c] for level in levels if c < len(level)] for c in range(width)]
        narrow = [texts[head], texts[tail]]
        ordered = (
            narrow + [t for cell in cells for t in cell]
            if date
            else cells[0] + narrow + [t for cell in cells[1:] for t in cell]
        )
        for i, text in zip(range(start, end), ordered, strict=True):
            lines[i] = text
        return
