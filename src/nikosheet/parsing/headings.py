"""Split: find the section headings and cut the sheet into its sections.

A section is known by the meaning of its title, not by its number: the
numbering changed between template years.

Converters write a heading in their own ways, all read here: markitdown's `# <mark>1</mark> …`, a
title wrapped over two or three lines (with blank lines between from Word converters, a trailing
`\\` from pandoc), a form feed before the number (pdftotext), a title cut into the cells of a
one-row pipe table (pymupdf4llm), and a full title whose boxed number PDF text put lines above it:

    4                      →  the heading of section 4 (outcomes), its number taken from line 1;
    委託                       委託 and 医療法人 群馬会 stay in section 3
    医療法人 群馬会
    精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果
"""

from __future__ import annotations

import functools
import re

from nikosheet.parsing.lines import BLANK, BULLET, HEADING, SEP, TABLE, TEXT, Line, norm, squeeze
from nikosheet.parsing.memo import cached
from nikosheet.vocabulary import SECTIONS

# (key, the one or two words that must both be in the squeezed title); the first match wins
_TITLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("basic_info", ("基礎情報",)),
    ("overview", ("取組概要",)),
    ("history", ("経緯",)),
    ("outcomes", ("成果", "効果")),
    ("strengths_and_issues", ("強み", "課題")),
    ("coordination", ("連携状況",)),
    ("councils", ("協議の場", "実施状況")),
    ("schedule", ("スケジュール",)),
)
# a section number as converters write it: 1 / 1. / (1) / 【1】 / ■1 / 第1, after NFKC
_NUMBERED_RE = re.compile(r"(?:第[ ]?)?(?:[(\[【■□◆◇●○][ ]?)?(\d{1,2})(?:[ ]?[)\]】])?(?:[ ]?[.、:)章節])?[ ]*(.*)")
# emphasis, and the tags converters put in a title: markitdown's `<mark>1</mark>`, pymupdf4llm's `<br>`
_EMPHASIS_RE = re.compile(r"\*\*|__|</?(?:b|strong|mark|br)[ ]?/?>", re.IGNORECASE)
# the digits of a section's number, before NFKC
_DIGITS = "0123456789０１２３４５６７８９"


def _split_title(cell: str) -> bool:
    """Whether a table row's first cell starts a numbered full title that PDF wrapping cut into cells
    (`|7精神障害にも対応した<br>|地域包括…|`), or cut after its first character (`7精`).

    Compared, not matched: `[0-9０-９]{1,2}[ \u3000.．]*(?:精神|県、|[精県]$)`, whose class of spaces
    and dots would compile to a 64 KiB map on every run.
    """
    k = len(cell) - len(cell.lstrip(_DIGITS))
    if not 1 <= k <= 2:
        return False
    rest = cell[k:].lstrip(" \u3000.．")
    return rest.startswith(("精神", "県、")) or rest in ("精", "県", "精\n", "県\n")


_FRAGMENT_RE = re.compile(r"[(（][^()（）]{1,12}[)）]")
_FULL_PREFIXES = ("精神障害にも対応した", "県、指定都市", "都道府県")
_MARGIN = " \u3000\t\x0c"  # around a heading: spaces, and pdftotext's form feed at a page's start
_WRAP_MAX = 2  # a title wrapped over three lines at most: the lines joined to its first
_LOOK_BACK = 16  # how many non-blank lines above its title a section's lone number may stand
_LAYOUT = (BLANK, SEP)
_OPENING = ("(", "（")  # a bracketed fragment's first character: `（地域課題）`
# how the templates' titles end (squeezed): a line without a number that ends otherwise is text
# about a section (`…取組の成果・効果について`), not its heading
TITLE_ENDS = ("情報", "概要", ")", "経緯", "効果", "課題", "状況", "スケジュール")
# the number each section has in both templates; a short title must carry it (see title_key)
_EXPECTED = {s.key: s.numbers for s in SECTIONS if not s.key.endswith("_schedule")} | {"schedule": (8, 9)}


def title_key(title: str, number: int | None = None) -> str | None:
    """The section a title names, if it reads like a title (a sentence ending in 。 does not); see
    `_title_key`.  A long line is not remembered (it does not come back, and memory stays bounded)."""
    return _title_key(title, number) if len(title) <= _REMEMBERED else _title_key.__wrapped__(title, number)


_REMEMBERED = 256  # the longest title remembered


# the template's titles come back in every sheet (a few entries: other lines tried as titles do not)
@functools.lru_cache(maxsize=256)
def _title_key(title: str, number: int | None = None) -> str | None:
    """The section a title names, if it reads like a title (a sentence ending in 。 does not).

    A full title (精神障害にも対応した… / 県、指定都市…) is known by its words whatever its number;
    a short one (`4 取組の成果・効果`) only when its number is the section's own, so that list
    items and figure text such as `3 取組の成果・効果の検証` are not taken for headings.
    """
    s = squeeze(title)
    if len(s) < 4 or len(s) > 100 or s.endswith("。"):
        return None
    full = s.startswith(_FULL_PREFIXES)
    if not full and (len(s) > 30 or number is None):
        return None
    for key, words in _TITLES:
        if words[0] in s and (len(words) == 1 or words[1] in s):
            if not full and number not in _EXPECTED[key]:
                return None
            return key
    return None


# Heading and Section are plain classes with slots, not dataclasses (see lines.Line)
class Heading:
    """A section's heading: its number, its section's key, its title and the lines it spans."""

    __slots__ = ("key", "line", "number", "number_line", "title", "title_line")

    def __init__(
        self, number: int | None, key: str, title: str, line: int, title_line: int, number_line: int | None = None
    ) -> None:
        self.number = number
        self.key = key
        self.title = title
        self.line = line  # first line of the heading (its number; the title's when the number stands apart)
        self.title_line = title_line  # last line of the heading (differs when the number stands alone or wraps)
        self.number_line = number_line  # a number a PDF converter put apart, lines above its title

    def __repr__(self) -> str:
        return f"Heading(number={self.number!r}, key={self.key!r}, title={self.title!r}, line={self.line!r})"


class Section:
    """A section's headings (more than one when the sheet repeats it) and the lines below them."""

    __slots__ = ("headings", "key", "lines")

    def __init__(self, key: str, headings: list[Heading], lines: list[Line]) -> None:
        self.key = key
        self.headings = headings
        self.lines = lines

    def __repr__(self) -> str:
        return f"Section(key={self.key!r}, headings={self.headings!r})"


def _candidate(ln: Line) -> str | None:
    """The text of a line that could be a heading, emphasis and markup removed."""
    if ln.kind in (TEXT, HEADING) or _marked_item(ln):
        text = ln.text
    elif ln.kind == TABLE and ln.cells is not None:
        filled = [c for c in ln.cells if c]
        if len(filled) > 2 and _split_title(filled[0]):
            text = "".join(filled)  # a title cut into cells: `|7精神障害にも対応した<br>|地域包括…|`
        elif not 1 <= len(filled) <= 2:
            return None
        else:
            text = " ".join(filled)  # `| 1 | 県、指定都市… |`, `2⇥精神障害…`
    else:
        return None
    if "*" in text or "_" in text or "<" in text:
        text = _EMPHASIS_RE.sub("", text)
    return text.strip(_MARGIN).removesuffix("\\")  # pandoc's hard line break: `基礎\`


def _marked_item(ln: Line) -> bool:
    """A numbered title that pymupdf4llm wrote as a list item (`- <mark>5</mark> 精神障害にも…`)."""
    return ln.kind == BULLET and ln.text.startswith("<mark>")


def _next_text(lines: list[Line], j: int) -> int | None:
    """Index of the next non-blank line from j, if it is plain text."""
    while j < len(lines) and lines[j].kind in (BLANK, SEP):
        j += 1
    if j < len(lines) and _candidate(lines[j]) is not None and lines[j].kind != TABLE:
        return j
    return None


def _wrapped_part(ln: Line, full: bool, fragment: bool) -> str | None:
    """The line's text if a title may have wrapped onto it: short plain text (for a full title also a
    markdown heading); only a bracketed fragment such as `（地域課題）` when `fragment`."""
    if not (ln.kind == TEXT or (full and ln.kind == HEADING)) or len(ln.text) > 40:
        return None
    if fragment and not _FRAGMENT_RE.fullmatch(ln.text.strip(_MARGIN)):
        return None
    return _candidate(ln) or None


def _with_wrap(lines: list[Line], i: int, title: str, number: int | None) -> tuple[str, str, int] | None:
    """A title, or the title joined with the lines PDF wrapping pushed it onto: (title, key, last index).

    A title that names no section yet takes the next short line (a full title up to two, across blank
    lines); one that does takes only a bracketed fragment such as `（地域課題）`.
    """
    key = title_key(title, number)
    full = title.startswith(_FULL_PREFIXES)
    last, end = i, len(lines)
    if key:  # most headings: no fragment follows, so the loop below would take nothing
        j = i + 1
        if full and j < end and lines[j].kind in _LAYOUT:
            j = _past_layout(lines, j)
        if j >= end or lines[j].text[:1] not in _OPENING:
            return title, key, _past_underline(lines, i)
    for _ in range(_WRAP_MAX if full else 1):
        j = last + 1
        if full:  # Word converters write each line of a wrapped title as a paragraph: a blank line between
            j = _past_layout(lines, j)
        if j >= end or (key and lines[j].text[:1] not in _OPENING):
            break
        part = _wrapped_part(lines[j], full, key is not None)
        if part is None:
            break
        joined_key = title_key(title + part, number)
        if joined_key or (full and not key):
            title, last = title + part, j
        key = joined_key or key
        if key:
            break
    if not key:
        return None
    return title, key, _past_underline(lines, last)


def _past_layout(lines: list[Line], j: int) -> int:
    """j, or past up to two blank or separator lines from j."""
    stop = min(len(lines), j + 2)
    while j < stop and lines[j].kind in _LAYOUT:
        j += 1
    return j


def _past_underline(lines: list[Line], last: int) -> int:
    """`last`, or the line after it when that is a setext heading's underline (pandoc, markdown
    writers): layout."""
    if last + 1 < len(lines):
        ln = lines[last + 1]
        # the first character first: a line that starts otherwise is not one, and strip makes a string
        if ln.kind == TEXT and ln.text[:1] in "= " and not ln.text.strip("= "):
            return last + 1
    return last


def _number_above(lines: list[Line], i: int, key: str, floor: int) -> tuple[int, int] | None:
    """The section's number and its index, when it stands alone above its title: PDF text puts a boxed
    number apart from the title cell, sometimes before the last cells of the table above: the nearest
    number standing alone that is the section's own is taken (a cell's `1` may stand between)."""
    seen = 0
    for k in range(i - 1, floor - 1, -1):
        ln = lines[k]
        if ln.kind in _LAYOUT:
            continue
        seen += 1
        if seen > _LOOK_BACK:
            return None
        if ln.kind == TEXT:
            m = _NUMBERED_RE.fullmatch(norm(ln.text.strip(_MARGIN)))
            if m and not m.group(2) and int(m.group(1)) in _EXPECTED[key]:
                return int(m.group(1)), k
    return None


# The one first-character filter of the heading scan: a heading starts with its number, a mark
# before it (第, brackets, ■…) or markup (#, **, __, <b>).  A pipe table's row starts with its pipe,
# so the scan's quick look at a raw line lets a pipe through too (`_FIRST`), and `_may_head` then
# looks at the row's first cell.
_HEAD_START = frozenset("0123456789０１２３４５６７８９第(（[【■□◆◇●○#*_<")
_TITLE_START = frozenset(p[0] for p in _FULL_PREFIXES)  # a full title without its number (PDF text)
_FIRST = _HEAD_START | _TITLE_START | {"|", "\x0c"}


def _may_head(ln: Line) -> bool:
    """A cheap first look at a line that passed `_FIRST`: could it be a heading?"""
    kind = ln.kind
    if kind == HEADING:
        return True
    c = ln.text[0]
    if kind == TABLE:
        if c in _TITLE_START:  # a row label such as 精神科病床数: a title is never a row's first cell
            return False
        cells = ln.cells or []
        if len(cells) - cells.count("") > 2:  # only a title PDF wrapping cut into cells
            return (c == "|" or c.isdigit()) and _split_title(next(filter(None, cells)))
        first = next(filter(None, cells), "")  # (the first filled cell: filter, not a generator, as a row asks)
        return bool(first) and first[0] in _HEAD_START
    if kind != TEXT:
        return _marked_item(ln)
    if c in _HEAD_START:
        return True
    if c == "\x0c":  # pdftotext's form feed before a page's first line
        text = ln.text.lstrip(_MARGIN)
        return text[:1] in _HEAD_START or text.startswith(_FULL_PREFIXES)
    return c in _TITLE_START and ln.text.startswith(_FULL_PREFIXES)  # not a text line that starts with a pipe


def _heading_at(lines: list[Line], i: int, heads: list[Heading]) -> Heading | None:
    """The heading at lines[i], if any (`heads`: those found above it)."""
    ln = lines[i]
    text = _candidate(ln)
    if not text:  # None, or "" (an empty markdown heading, read on)
        if text is None or ln.kind != HEADING:
            return None
    elif ln.kind != HEADING and not (text[0] in _HEAD_START or text[0].isdigit() or text.startswith(_FULL_PREFIXES)):
        return None  # markup stripped, nothing like a number or a title left
    numbered = _numbered(text)
    if numbered is not None:
        number, title = numbered
        if title is None:  # a number alone: the title is on the next non-blank line
            j = _next_text(lines, i + 1)
            if j is None:
                return None
            found = _with_wrap(lines, j, _candidate(lines[j]) or "", number)
        elif ln.kind == TABLE:
            key = title_key(title, number)
            found = (title, key, i) if key and squeeze(title).startswith(_FULL_PREFIXES) else None
        else:
            found = _with_wrap(lines, i, title, number)
        if found is None:
            return None
        title, key, last = found
        return Heading(number, key, title, ln.no, lines[last].no)
    # a whole section title without its number: a markdown heading, or PDF text that put the number apart
    if text[:1] in _TITLE_START and ln.kind in (HEADING, TEXT) and text.startswith(_FULL_PREFIXES):
        found = _with_wrap(lines, i, text, None)
        if found and squeeze(found[0]).endswith(TITLE_ENDS):
            title, key, last = found
            above = _number_above(lines, i, key, heads[-1].title_line if heads else 0)
            if above is None:
                return Heading(None, key, title, ln.no, lines[last].no)
            return Heading(above[0], key, title, ln.no, lines[last].no, lines[above[1]].no)
    return None


# The template's headings, and the lines that start as one does (`【特徴(強み)】`, `3か月未満…`), come back in
# every sheet: what their text says of a number is remembered (a bounded memo, as `norm`'s).
@cached(limit=1024)
def _numbered(text: str) -> tuple[int, str | None] | None:
    """A candidate's section number (1 to 12) and its title without it (None for a number alone), or None
    when it starts with no such number."""
    s = norm(text)
    m = _NUMBERED_RE.fullmatch(s)
    if not m or not 1 <= int(m.group(1)) <= 12:
        return None
    return int(m.group(1)), _title_part(text, s, m) if m.group(2) else None


def _title_part(text: str, normed: str, m: re.Match[str]) -> str:
    """The title as written, without its leading number and the marks around it."""
    rest = m.group(2)
    # keep the source's characters: cut the same number of characters off the original
    return text[len(text) - len(rest) :].strip(" \u3000\t") if len(normed) == len(text) else rest


def _schedule_keys(heads: list[Heading]) -> None:
    numbers = {h.number for h in heads}
    for h in heads:
        if h.key != "schedule":
            continue
        s = squeeze(h.title)
        if "長期" in s:
            h.key = "long_term_schedule"
        elif "今年度" in s or "年間" in s:
            h.key = "annual_schedule"
        elif h.number == 8 and 9 in numbers:
            h.key = "long_term_schedule"
        else:
            h.key = "annual_schedule"


def split(lines: list[Line]) -> tuple[list[Line], dict[str, Section], list[Heading]]:
    """Return the lines before section 1, the sections by key, and every heading in order."""
    heads: list[Heading] = []
    starts: list[int] = []
    skip: set[int] = set()
    apart: set[int] = set()  # the line numbers of section numbers standing apart from their titles
    for i, ln in enumerate(lines):
        text = ln.text
        if not text or (text[0] not in _FIRST and ln.kind != HEADING):
            continue  # most lines: blank, or no number, mark or markup first
        if i in skip or not _may_head(ln):
            continue
        h = _heading_at(lines, i, heads)
        if h:
            heads.append(h)
            starts.append(i)
            skip.update(range(h.line, h.title_line))  # lines[k] is line k + 1
            if h.number_line is not None:
                apart.add(h.number_line)
    _schedule_keys(heads)
    preamble = lines[: starts[0]] if starts else list(lines)
    if apart:
        preamble = [ln for ln in preamble if ln.no not in apart]
    sections: dict[str, Section] = {}
    for n, h in enumerate(heads):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[h.title_line : end]  # the heading's own lines are lines[start:h.title_line]
        if apart:
            body = [ln for ln in body if ln.no not in apart]
        sec = sections.get(h.key)
        if sec is None:
            sections[h.key] = Section(h.key, [h], body)
        else:
            sec.headings.append(h)
            sec.lines.extend(body)
    return preamble, sections, heads
