"""Split: find the section headings and cut the sheet into its sections.

A section is known by the meaning of its title, not by its number: the
numbering changed between template years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import BLANK, HEADING, SEP, TEXT, Line, squeeze

# (key, words that must all be in the squeezed title); the first match wins
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
_NUMBERED_RE = re.compile(r"(\d{1,2})(?:[.．、)]?[ \u3000]*)(.*)")
_NUMBER_ALONE_RE = re.compile(r"(\d{1,2})[.．]?")
SECTION_KEYS = (
    "basic_info", "overview", "history", "outcomes", "strengths_and_issues",
    "coordination", "councils", "long_term_schedule", "annual_schedule",
)


def title_key(title: str) -> str | None:
    """The section a title names, if it reads like a title (a sentence ending in 。 does not)."""
    s = squeeze(title)
    if len(s) < 4 or len(s) > 100 or s.endswith("。"):
        return None
    if len(s) > 30 and not s.startswith(("精神障害にも対応した", "県、指定都市", "都道府県")):
        return None
    for key, words in _TITLES:
        if all(w in s for w in words):
            return key
    return None


@dataclass(slots=True)
class Heading:
    number: int | None
    key: str
    title: str
    line: int          # line of the number (or of the whole heading)
    title_line: int    # line of the title (differs when the number stands alone)


@dataclass(slots=True)
class Section:
    key: str
    headings: list[Heading]
    lines: list[Line] = field(default_factory=list)


def _heading_at(lines: list[Line], i: int) -> Heading | None:
    ln = lines[i]
    if ln.kind not in (TEXT, HEADING):
        return None
    s = ln.norm.strip()
    m = _NUMBER_ALONE_RE.fullmatch(s)
    if m:
        j = i + 1
        while j < len(lines) and lines[j].kind in (BLANK, SEP):
            j += 1
        if j < len(lines) and lines[j].kind in (TEXT, HEADING):
            key = title_key(lines[j].text)
            if key:
                return Heading(int(m.group(1)), key, lines[j].text, ln.no, lines[j].no)
        return None
    m = _NUMBERED_RE.fullmatch(s)
    if m and m.group(2):
        key = title_key(m.group(2))
        if key and 1 <= int(m.group(1)) <= 12:
            title = _title_part(ln.text)
            return Heading(int(m.group(1)), key, title, ln.no, ln.no)
        return None
    # an unnumbered markdown heading that spells out a whole section title
    if ln.kind == HEADING and squeeze(ln.text).startswith("精神障害にも対応した"):
        key = title_key(ln.text)
        if key:
            return Heading(None, key, ln.text, ln.no, ln.no)
    return None


def _title_part(text: str) -> str:
    """The title as written, without its leading number."""
    i = 0
    while i < len(text) and (text[i].isdigit() or text[i] in ".．、)"):
        i += 1
    return text[i:].strip(" \u3000\t")


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
    for i in range(len(lines)):
        if i in skip:
            continue
        h = _heading_at(lines, i)
        if h:
            heads.append(h)
            starts.append(i)
            skip.add(h.title_line - 1)  # lines[k] is line k + 1
    _schedule_keys(heads)
    preamble = lines[: starts[0]] if starts else list(lines)
    sections: dict[str, Section] = {}
    for n, (h, start) in enumerate(zip(heads, starts)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [ln for ln in lines[start:end] if ln.no not in (h.line, h.title_line)]
        sec = sections.get(h.key)
        if sec is None:
            sections[h.key] = Section(h.key, [h], body)
        else:
            sec.headings.append(h)
            sec.lines.extend(body)
    return preamble, sections, heads
