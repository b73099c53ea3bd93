"""Split: find the section headings and cut the sheet into its sections.

A section is known by the meaning of its title, not by its number: the
numbering changed between template years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nikosheet.parsing.lines import BLANK, HEADING, SEP, TABLE, TEXT, Line, norm, squeeze
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
_EMPHASIS_RE = re.compile(r"\*\*|__|</?(?:b|strong)>", re.IGNORECASE)
_FRAGMENT_RE = re.compile(r"[(（][^()（）]{1,12}[)）]")
_FULL_PREFIXES = ("精神障害にも対応した", "県、指定都市", "都道府県")
# the number each section has in both templates; a short title must carry it (see title_key)
_EXPECTED = {s.key: s.numbers for s in SECTIONS if not s.key.endswith("_schedule")} | {"schedule": (8, 9)}


def title_key(title: str, number: int | None = None) -> str | None:
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


@dataclass(slots=True)
class Heading:
    number: int | None
    key: str
    title: str
    line: int  # first line of the heading (its number)
    title_line: int  # last line of the heading (differs when the number stands alone or the title wraps)


@dataclass(slots=True)
class Section:
    key: str
    headings: list[Heading]
    lines: list[Line] = field(default_factory=list)


def _candidate(ln: Line) -> str | None:
    """The text of a line that could be a heading, emphasis and markup removed."""
    if ln.kind in (TEXT, HEADING):
        text = ln.text
    elif ln.kind == TABLE and ln.cells is not None:
        filled = [c for c in ln.cells if c]
        if not 1 <= len(filled) <= 2:
            return None
        text = " ".join(filled)  # `| 1 | 県、指定都市… |`, `2⇥精神障害…`
    else:
        return None
    if "*" in text or "_" in text or "<" in text:
        text = _EMPHASIS_RE.sub("", text)
    return text.strip(" \u3000\t")


def _next_text(lines: list[Line], j: int) -> int | None:
    """Index of the next non-blank line from j, if it is plain text."""
    while j < len(lines) and lines[j].kind in (BLANK, SEP):
        j += 1
    if j < len(lines) and _candidate(lines[j]) is not None and lines[j].kind != TABLE:
        return j
    return None


def _with_wrap(lines: list[Line], i: int, title: str, number: int | None) -> tuple[str, str, int] | None:
    """A title, or the title joined with the line PDF wrapping pushed it onto: (title, key, last index)."""
    key = title_key(title, number)
    j = i + 1
    nxt = lines[j] if j < len(lines) and lines[j].kind == TEXT else None
    if nxt is not None and len(nxt.text) <= 40 and (key is None or _FRAGMENT_RE.fullmatch(nxt.text.strip(" \u3000"))):
        joined = title + nxt.text
        joined_key = title_key(joined, number)
        if joined_key:
            return joined, joined_key, j
    return (title, key, i) if key else None


# The one first-character filter of the heading scan: a heading starts with its number, a mark
# before it (第, brackets, ■…) or markup (#, **, __, <b>).  A pipe table's row starts with its pipe,
# so the scan's quick look at a raw line lets a pipe through too (`_FIRST`), and `_may_head` then
# looks at the row's first cell.
_HEAD_START = frozenset("0123456789０１２３４５６７８９第(（[【■□◆◇●○#*_<")
_FIRST = _HEAD_START | {"|"}


def _may_head(ln: Line) -> bool:
    """A cheap first look at a line that passed `_FIRST`: could it be a heading?"""
    kind = ln.kind
    if kind == HEADING:
        return True
    if kind == TABLE:
        cells = ln.cells or []
        if len(cells) - cells.count("") > 2:
            return False
        first = next((c for c in cells if c), "")
        return bool(first) and first[0] in _HEAD_START
    return kind == TEXT and ln.text[0] in _HEAD_START  # a text line that starts with a pipe is not


def _heading_at(lines: list[Line], i: int) -> Heading | None:
    ln = lines[i]
    text = _candidate(ln)
    if not text:  # None, or "" (an empty markdown heading, read on)
        if text is None or ln.kind != HEADING:
            return None
    elif ln.kind != HEADING and not (text[0] in _HEAD_START or text[0].isdigit()):
        return None  # markup stripped, nothing like a number left
    s = norm(text)
    m = _NUMBERED_RE.fullmatch(s)
    if m and 1 <= int(m.group(1)) <= 12:
        number = int(m.group(1))
        if not m.group(2):  # a number alone: the title is on the next non-blank line
            j = _next_text(lines, i + 1)
            if j is None:
                return None
            found = _with_wrap(lines, j, _candidate(lines[j]) or "", number)
        elif ln.kind == TABLE:
            title = _title_part(text, s, m)
            key = title_key(title, number)
            found = (title, key, i) if key and squeeze(title).startswith(_FULL_PREFIXES) else None
        else:
            found = _with_wrap(lines, i, _title_part(text, s, m), number)
        if found is None:
            return None
        title, key, last = found
        return Heading(number, key, title, ln.no, lines[last].no)
    # an unnumbered markdown heading that spells out a whole section title
    if ln.kind == HEADING and squeeze(text).startswith("精神障害にも対応した"):
        key = title_key(text)
        if key:
            return Heading(None, key, text, ln.no, ln.no)
    return None


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
    for i, ln in enumerate(lines):
        text = ln.text
        if not text or (text[0] not in _FIRST and ln.kind != HEADING):
            continue  # most lines: blank, or no number, mark or markup first
        if i in skip or not _may_head(ln):
            continue
        h = _heading_at(lines, i)
        if h:
            heads.append(h)
            starts.append(i)
            skip.update(range(h.line, h.title_line))  # lines[k] is line k + 1
    _schedule_keys(heads)
    preamble = lines[: starts[0]] if starts else list(lines)
    sections: dict[str, Section] = {}
    for n, h in enumerate(heads):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = lines[h.title_line : end]  # the heading's own lines are lines[start:h.title_line]
        sec = sections.get(h.key)
        if sec is None:
            sections[h.key] = Section(h.key, [h], body)
        else:
            sec.headings.append(h)
            sec.lines.extend(body)
    return preamble, sections, heads
