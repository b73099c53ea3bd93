"""The pivots of a table written a printed line at a time with its cells centred in their rows
(LibreOffice PDFs in pdfplumber's and markitdown's text): where each row's pivot cell is.

A pivot (a frequency, a year, a month, a department, a sector's or a role's word) stands in its row's
middle; a narrow column may wrap it after its number (`年1` / `回`, `2か月` / `に1回`, a department's
name over two lines), so a pivot is one or more parts, each a line and the unit there (`Pivot`).
`find_pivots` finds them, `pivot_spans` the rows' lines they make (a row reaches as far below its
pivot as it starts above it), `spans_from_below` the same read from the table's last line up.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.line_cuts import units_of
from nikosheet.parsing.forms.template_tables import RANGE_END, Table, unclosed
from nikosheet.vocabulary import OUTCOME_COLUMNS

COUNCILS = ("名称", "会議名")  # a councils' table's first header cell
DEPARTMENTS = ("所管部署名", "連携部署名")

# a pivot's first part that a narrow column wrapped after its number (`年1`, `2回`, `2回/`), and the
# part that completes it on a line below (`回`, `/年`, `年`)
_PIVOT_HEAD = re.compile(
    r"(?:各\S{1,3}?)?(?:年間?\s*[0-9０-９]{1,2}(?:\s*[～〜~\-]\s*[0-9０-９]{1,2})?|[月週]\s*[0-9０-９]{1,2}"
    r"|[0-9０-９]{1,2}\s*回\s*[/／]?)|各\S{1,3}?年間?"  # or each unit's year before its count: `各圏域年` / `3回程度`
)
# a year's first part that a narrow column wrapped, at a line's start (`平成21` / `年度`): kept apart from
# a list's mark after it (`平成21 ① 区内…`)
_YEAR_HEAD = re.compile(r"(?:平成|令和|昭和|[HRS])\s*(?:[0-9０-９]{1,2}|元)年?")
# (`2～4` / `回/年`; or a frequency's note: `年2回` / `（予定）`, `月1回程` / `度`; or a range's last month, the
# year end crossed: `R6年12月～R7` / `年1月`, `R5年12月～` / `R6年2月`; or a range wrapped before its first
# month's mark: `R6年10` / `月～12月`)
_PIVOT_TAIL = re.compile(
    r"(?:回(?:\s*[/／]\s*年)?|[～〜~]\s*[0-9０-９]{1,2}\s*回(?:程度)?|[/／]\s*年|年度?[～〜~]?|度[～〜~]?|月|年\s*[0-9０-９]{1,2}\s*月|ごと|に\s*[0-9０-９]{1,2}\s*回|(?:回\s*)?程度|[(（][^)）\s]{1,6}[)）]"
    rf"|{RANGE_END.pattern}|月\s*[～〜~]\s*{RANGE_END.pattern})"
)
# a frequency in words that its narrow column wrapped: `四半期` / `ごと`, `2か月` / `に1回`
_WORDED_HEADS = ("四半期", "か月", "カ月", "ヶ月")
_LABEL = re.compile(r"(?<!\S)・ (?=・)")
Pivot = tuple[tuple[int, int], ...]  # its parts: each a line and the unit there


def line_units(text: str, table: Table) -> list[str]:
    """A line's units (see `visual_rows`), a list's label before its item's own bullet left out
    (`・ ・事例検討`: the label that Word's list hangs apart) and a pivot's first part set apart from a
    word it was kept with (`センター, 年6`, `年4 ・`, `平成21 ①`)."""
    out: list[str] = []
    for unit in _each_counts(_corporations(units_of(_LABEL.sub("", text), table))):
        words = unit.split(" ")
        heads = [k for k, word in enumerate(words) if k and _PIVOT_HEAD.fullmatch(word)] or [
            k
            for k, word in enumerate(words[:1])
            if len(words) > 1 and (_PIVOT_HEAD.fullmatch(word) or _YEAR_HEAD.fullmatch(word))
        ]
        if not heads:
            out.append(unit)
            continue
        k = heads[0]
        out += [part for part in (" ".join(words[:k]), words[k], " ".join(words[k + 1 :])) if part]
    return out


def _corporations(units: list[str]) -> list[str]:
    """The units, a corporation's kind kept with its name after it (`特定非営利活動法人 さかい…`: one
    cell's words, the kind never a cell's last; but a frequency's unit is no name's: `NPO` / `法人 回`)."""
    out: list[str] = []
    for unit in units:
        if out and out[-1].endswith(_CORPORATION) and unit[0] not in _LIST_MARKS and not _UNIT_TAIL.fullmatch(unit):
            out[-1] += " " + unit
        else:
            out.append(unit)
    return out


def _each_counts(units: list[str]) -> list[str]:
    """The units, a frequency's count kept with the word of what each holds it before it (`各区 3`, the
    first part of `各区 3～4回/年` that a narrow column wrapped: `～4回` and `/年` below it) and with
    its unit after it where the sheet wrote a space between them (`3 回`, of `3 回/年`)."""
    out: list[str] = []
    for unit in units:
        spaced = out and _COUNT_HEAD.fullmatch(out[-1]) and _TIMES.match(unit)
        if spaced or (out and _EACH.fullmatch(out[-1]) and _COUNT_HEAD.fullmatch(unit)):
            out[-1] += " " + unit
        else:
            out.append(unit)
    return out


_COUNT_HEAD = re.compile(r"[0-9０-９]{1,2}")
_TIMES = re.compile(r"回(?:[/／]年?)?$")
# a frequency's unit, the part of it a column wrapped that no word starts as a cell's piece (not `年`:
# `年金事務所`; nor `月`, a note `(予定)`)
_UNIT_TAIL = re.compile(r"回(?:\s*[/／]\s*年)?|[/／]\s*年")
# a list's item that ends on its comma, the next word kept with it (`units_of`: a Japanese comma has no space after it)
_ITEM_ENDS = ","
_SPACED_COUNT = re.compile(r"[0-9０-９]{1,2} 回[/／]?")  # `3 回`: a frequency only with its `/年`


_CORPORATION = "法人"
_LIST_MARKS = "・•↓"


def find_pivots(table: Table, lines: list[list[str]]) -> list[Pivot]:
    """Where the rows' pivots are: a whole cell on a line, or its first part (a number at its end)
    and the part that completes it on one of the next two lines; a first column's first on its line."""
    pattern = table.pivots[0]
    first = table.positions[0] == 0
    out: list[Pivot] = []
    taken: set[tuple[int, int]] = set()
    for j, units in enumerate(lines):
        for at, unit in enumerate(units[:1] if first else units):
            if (j, at) in taken:
                continue
            if table.full:
                parts = _word_parts(table.full, lines, j, at, first)
            elif table.header[0] in DEPARTMENTS:
                parts = _department_parts(pattern, lines, j, unit)
            elif _head(unit):
                tail = _tail(pattern, lines, j, unit, first, listed=table.header[0] in COUNCILS)
                parts = _set_apart(lines, (((j, at), *tail[0]), tail[1]), taken) if tail is not None else None
            else:
                parts = None
            if parts is None and not first and table.header[0] in COUNCILS:
                listed = _listed_head(pattern, lines, (j, at))
                parts = _set_apart(lines, listed, taken) if listed is not None else None
            if parts is None and not table.full and _whole(pattern, unit) and not _SPACED_COUNT.fullmatch(unit):
                parts = ((j, at),)
            if parts is None and table.header[0] in COUNCILS:  # (a frequency in words: a council's alone)
                parts = _worded(pattern, lines, (j, at), first, taken)
            if parts is not None:
                parts = _per_year(pattern, lines, parts, taken)
                out.append(parts)
                taken.update(parts)
    return _numbered_in_turn(lines, out) if table.header[0] == INDICATOR_NAMES else out


def _per_year(pattern: re.Pattern[str], lines: list[list[str]], parts: Pivot, taken: set[tuple[int, int]]) -> Pivot:
    """A frequency's parts and its `/年` wrapped onto a line of its own below its last part (`各区 3` /
    `～4回` / `/年`), where it makes the frequency whole."""
    text = "".join(lines[j][at] for j, at in parts)
    last = parts[-1][0]
    for below in range(last + 1, min(last + 3, len(lines))):
        for at, unit in enumerate(lines[below]):
            if (below, at) not in taken and _PER_YEAR.fullmatch(unit) and _whole(pattern, text + unit):
                return (*parts, (below, at))
    return parts


_PER_YEAR = re.compile(r"[/／]\s*年")


INDICATOR_NAMES = OUTCOME_COLUMNS["name"]  # an indicators' table's first header cell: its pivots are ① to ⑳


def _numbered_in_turn(lines: list[list[str]], pivots: list[Pivot]) -> list[Pivot]:
    """An indicators' table's pivots without a number that does not go on from the row before: a list's
    ① in an effects' cell, LibreOffice having centred the cell's lines above its row's name
    (`①地域移行支援…`, then `① アドバイザー派遣を…` above `②市町村の協議`) is that cell's, not a row."""
    out: list[Pivot] = []
    for pivot in pivots:
        (j, at), *_ = pivot
        if not out or ord(lines[j][at][0]) > ord(lines[out[-1][0][0]][out[-1][0][1]][0]):
            out.append(pivot)
    return out


def _head(unit: str) -> bool:
    """Whether a unit may be a pivot's first part that its column wrapped."""
    return (
        unit[-1].isdigit()
        or unit[-1] in "/／年回程に～〜~元"
        or unit.endswith(_WORDED_HEADS)
        or bool(_EACH.fullmatch(unit))
    )


def _worded(
    pattern: re.Pattern[str], lines: list[list[str]], start: tuple[int, int], first: bool, taken: set[tuple[int, int]]
) -> Pivot | None:
    """A frequency in words that its narrow column wrapped over two or three lines, every part as
    narrow as the column (`四半` / `期ご` / `と`, `隔月` / `程度`): the units of the next lines, each
    within two lines of the one before, that with the first make a pivot whole."""
    j, at = start
    if display_width(lines[j][at]) > _NARROW_PART:
        return None

    def rest(line: int, text: str, depth: int) -> tuple[tuple[int, int], ...] | None:
        for below in range(line + 1, min(line + 3, len(lines))):
            if len(lines[below]) > _MOST_UNITS:
                continue  # (a line of many short words is no row's: each tried with each below would be cubic)
            for u, unit in enumerate(lines[below][:1] if first else lines[below]):
                if (below, u) in taken or display_width(unit) > _NARROW_PART:
                    continue
                if _whole(pattern, text + unit):
                    return ((below, u),)
                more = rest(below, text + unit, depth - 1) if depth > 1 else None
                if more is not None:
                    return ((below, u), *more)
        return None

    parts = rest(j, lines[j][at], 2)
    return None if parts is None else ((j, at), *parts)


_MOST_UNITS = 12  # a printed line's units at most where a wrapped frequency's part is looked for (a row's: 5 cells)
_NARROW_PART = 4  # display columns: a part of a frequency in words that its narrow column wrapped


def _department_parts(pattern: re.Pattern[str], lines: list[list[str]], j: int, unit: str) -> Pivot | None:
    """A department's name that starts line j, or its first part there and its rest starting one of
    the next two lines (`精神保健福` / `祉課`, `保健予防課(事務局委託` / `元)`)."""
    if _whole(pattern, unit) and not unclosed(unit):
        return ((j, 0),)
    for below in range(j + 1, min(j + 3, len(lines))):
        if lines[below] and _whole(pattern, unit + lines[below][0]) and not unclosed(unit + lines[below][0]):
            return ((j, 0), (below, 0))
    return None


def _word_parts(words: tuple[str, ...], lines: list[list[str]], j: int, at: int, first: bool = False) -> Pivot | None:
    """A sector's or a role's word at unit `at` of line j (in 【】 or not), or its parts over the next
    lines (`その他関係` / `機関・住民` / `等`, each within two lines of the one before; a first
    column's at a line's start; `医療分野`, `障害福祉` as the sectors' table writes them).  A later
    part may stand a unit further right than the word did, after the last piece of a cell left of it
    that ends on that line (`その他関` / `する 係機関・` / `住民等`: a policy's last line)."""
    word = _QUALIFIED.sub("", lines[j][at])
    if not word:
        return None
    parts = [(j, at)]
    while word not in words:
        line = parts[-1][0]
        below = [
            (k, u)
            for k in range(line + 1, min(line + 3, len(lines)))
            for u in range(len(lines[k][: at + (1 if first else 2)]))
        ]
        after = next(((k, u) for k, u in below if any(w.startswith(word + lines[k][u]) for w in words)), None)
        if after is None or not any(w.startswith(word) for w in words):
            return None
        word += lines[after[0]][after[1]]
        parts.append(after)
    return tuple(parts)


# a sector's word as its table's cell may write it: in 【】, 障害 before it, 分野 after it (`医療分野`, `障害福祉`)
_QUALIFIED = re.compile(r"^【|】$|^障害(?=\S)|(?<=\S)分野$")


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the text is a pivot whole (a space after what each holds it aside: `各区 3～4回`)."""
    text = _EACH_SPACE.sub(r"\1", text, count=1)
    m = pattern.match(text)
    return m is not None and m.end() == len(text)


def _tail(
    pattern: re.Pattern[str],
    lines: list[list[str]],
    j: int,
    head: str,
    first: bool,
    middle: bool = True,
    listed: bool = False,
) -> _Found | None:
    """The units of the next lines that complete a pivot's first part: one of the next three lines'
    (`_REACH`; a line's first, where the pivot's column is the first), or one middle part there that its
    column wrapped again and the rest below it (`2か月` / `に1` / `回`, `年` / `10` / `回`; never two: a run
    of numbers is no frequency, but for a range's end after each unit's count, `各区` / `年2` / `～3` /
    `回`); a count after `に` or `年` (`半年に` / `1回`, `各圏域年` / `3回程度`); where none does and
    `listed` (a council's frequency), a part that ends a line of the list in the cell before it (`年2` /
    `…地域包括支援センター, 回`), to be set apart: with the units to set apart so."""
    found = _tail_in(pattern, lines, (j, head), (first, middle, listed), False)
    if found is None and listed and not first and not _COUNT_HEAD.fullmatch(head):  # (a bare count's word may be above)
        found = _tail_in(pattern, lines, (j, head), (first, middle, listed), True)
    return found


# lines below a pivot's part that its next part may stand on: the next, or the one after a line of the
# cells beside it (pdfplumber), or after two (markitdown writes a piece level with a pipe row's line, of a
# cell empty in that row, as a line of its own after it: `| 区にも包括連 | … | 年3 |` / `抽出`)
_REACH = 3
# a pivot's parts, and the units whose last words are to be set apart as parts of their own
_Found = tuple[Pivot, tuple[tuple[int, int], ...]]


def _tail_in(
    pattern: re.Pattern[str], lines: list[list[str]], head: tuple[int, str], how: tuple[bool, bool, bool], apart: bool
) -> _Found | None:
    """`_tail`'s search: the units themselves, or (`apart`) the last words of those that end on a list's
    item and its comma (`…センター, 回`: the list's item ended, the unit beside it in the next column)."""
    j, text = head
    first, middle, listed = how
    for below in range(j + 1, min(j + 1 + _REACH, len(lines))):
        for at, unit in enumerate(lines[below][:1] if first else lines[below]):
            splits: tuple[tuple[int, int], ...] = ()
            if apart:
                item, _, unit = unit.rpartition(" ")
                if not item.endswith(_ITEM_ENDS):
                    continue
                splits = ((below, at),)
            tail = (
                _UNIT_TAIL.fullmatch(unit)
                if apart
                else (
                    _PIVOT_TAIL.fullmatch(unit)
                    or (text.endswith(("に", "年")) and _COUNT.fullmatch(unit))
                    or (_EACH.fullmatch(text) and _EACH_COUNT.fullmatch(unit))
                )
            )
            if tail and _whole(pattern, text + unit):
                return ((below, at),), splits
            count = _COUNT_HEAD.fullmatch(unit) if apart else _PIVOT_MIDDLE.fullmatch(unit)
            each = not apart and _EACH.match(text)
            # (a range's end after each unit's count, wrapped again: `各区` / `年2` / `～3` / `回`)
            ranged = each and text[-1].isdigit() and _COUNTS_RANGE.fullmatch(unit) and not _COUNTS_RANGE.search(text)
            if (middle and (count or (each and _EACH_MIDDLE.fullmatch(unit)))) or ranged:
                rest = _tail(pattern, lines, below, text + unit, first, middle=False, listed=listed)
                if rest is not None:
                    return ((below, at), *rest[0]), (*splits, *rest[1])
    return None


def _listed_head(pattern: re.Pattern[str], lines: list[list[str]], start: tuple[int, int]) -> _Found | None:
    """A frequency's first part that ends a line of the list in the cell before it (`…訪問看護ステーション,
    年` / `2` / `回`), where its count and its unit on lines of their own below complete it, to be set
    apart (not a member's first word, `各保健所`, `年` / `金事務所`, beside a frequency)."""
    j, at = start
    item, _, last = lines[j][at].rpartition(" ")
    if not item.endswith(_ITEM_ENDS) or last not in _LISTED_HEADS:
        return None
    found = _tail(pattern, lines, j, last, False, listed=True)
    if found is None or len(found[0]) < 2:  # (its count and its unit apart: `年` / `4回` is rather `4回` / `/年`)
        return None
    return ((j, at), *found[0]), ((j, at), *found[1])


_LISTED_HEADS = ("年", "月")  # a frequency's first part that a narrow column wrapped before its count


def _set_apart(lines: list[list[str]], found: _Found, taken: set[tuple[int, int]]) -> Pivot | None:
    """The pivot, its parts that end a list's line set apart as units of their own (the unit after each
    on its line one further on); none where a unit so moved is a pivot's part already."""
    parts, splits = found
    if any((j, k) in taken for j, at in splits for k in range(at + 1, len(lines[j]))):
        return None
    for j, at in splits:
        item, _, last = lines[j][at].rpartition(" ")
        lines[j][at : at + 1] = [item, last]
    return tuple((j, at + 1) if (j, at) in splits else (j, at) for j, at in parts)


_EACH_SPACE = re.compile(r"^(各[^\s\d]{1,3}) (?=[0-9０-９])")  # `各区 3～4回`: the space after what each holds it
_COUNT = re.compile(r"[0-9０-９]{1,2}\s*回(?:程度)?")  # after `半年に`, `2か月に`, `各圏域年`
_COUNTS_RANGE = re.compile(r"[～〜~]\s*[0-9０-９]{1,2}")  # a range of counts' end (`～3`; not `RANGE_END`, a month's)
_PIVOT_MIDDLE = re.compile(r"(?:に\s*)?[0-9０-９]{1,2}")  # `に1` after `2か月`, `10` after `年`
# each unit's frequency wrapped after its unit or inside its name: `各地区` / `年2回`, `各圏域` / `年2～3` /
# `回`, `各圏` / `域年2` / `～3回`; or its count before `回/年`: `各地` / `域3` / `回/年`
_EACH = re.compile(r"各[^\s\d]{1,3}")
_EACH_MIDDLE = re.compile(r"[^\s\d]{0,3}(?:年間?\s*)?[0-9０-９]{1,2}(?:\s*[～〜~]\s*[0-9０-９]{1,2})?")
_EACH_COUNT = re.compile(_EACH_MIDDLE.pattern + r"\s*回(?:\s*[/／]\s*年)?(?:程度)?")


def pivot_spans(pivots: list[Pivot], count: int, cut: bool = True) -> list[tuple[int, int]] | None:
    """Each row's first and last line: the rows follow one another from the table's first line, each
    reaching as far below its pivot's middle as it starts above it (and never past the next pivot);
    two or more lines that neither this row nor the next so reach (read from the table's last line
    up) are this row's (`cut`): a row a page break cut, its cells set at the top of the page's part."""
    tops = _tops_from_below(pivots, count) if cut else None
    spans = []
    top = 0
    for n in range(len(pivots)):
        span = row_span(pivots, n, top, count, tops)
        if span is None:
            return None
        spans.append(span)
        top = span[1] + 1
    return spans


def row_span(
    pivots: list[Pivot], n: int, top: int, count: int, tops: list[int] | None = None
) -> tuple[int, int] | None:
    """Row `n`'s first and last line where it starts at `top` (see `pivot_spans`; `tops`, the rows'
    first lines read from below, for a cut row), or none where its pivot stands above `top`."""
    first, last = pivots[n][0][0], pivots[n][-1][0]
    if first < top:
        return None
    bottom = max(first + last - top, last)
    if n + 1 == len(pivots):
        return top, count - 1
    if tops is not None and tops[n + 1] - 1 - bottom >= _CUT_ROW:
        bottom = tops[n + 1] - 1
    return top, min(bottom, pivots[n + 1][0][0] - 1)


_CUT_ROW = 2  # lines that neither row reaches: one, a line the converter merged; more, a cut row's


def _tops_from_below(pivots: list[Pivot], count: int) -> list[int]:
    """Each row's first line as the rows read from the table's last line up, each starting as far
    above its pivot's middle as it reaches below it."""
    tops = [0] * len(pivots)
    bottom = count - 1
    for n in range(len(pivots) - 1, -1, -1):
        first, last = pivots[n][0][0], pivots[n][-1][0]
        above = pivots[n - 1][-1][0] + 1 if n else 0
        tops[n] = max(above, min(first, first + last - bottom))
        bottom = tops[n] - 1
    return tops


def spans_from_below(pivots: list[Pivot], count: int) -> list[tuple[int, int]]:
    """Each row's first and last line as the rows read from the table's last line up, each starting
    as far above its pivot's middle as it reaches below it."""
    tops = _tops_from_below(pivots, count)
    return [(top, tops[n + 1] - 1 if n + 1 < len(tops) else count - 1) for n, top in enumerate(tops)]
