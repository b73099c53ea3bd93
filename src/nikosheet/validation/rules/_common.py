"""What the rules share: the finding they yield and where things are in the parsed document.

Rules work on the document as plain data (dicts and lists of the `models.Sheet` shape).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple, TypeGuard

from nikosheet.diagnostic_messages import read
from nikosheet.i18n import Message, Template
from nikosheet.plain import Data
from nikosheet.vocabulary import (
    CIRCLED,
    SECTION_LABELS,
    SETUP_LEVELS,
)


class Finding(NamedTuple):
    """What a rule's check yields; the runner adds the path, the code and the rule's severity, and
    renders the message and the hint (the rule's `FIX` unless the finding has its own) in the
    language asked for."""

    line: int | None
    message: str | Message
    severity: str | None = None  # None: the rule's default severity
    column: int | None = None
    hint: Message | None = None


class Example(NamedTuple):
    """A rule's example: sheet text that it reports, and the same text fixed."""

    fails: str
    passes: str


def said(d: Data) -> Message | str:
    """A parser diagnostic's message, ready to be shown in either language."""
    return read(d.get("message") or "")


# ---------------------------------------------------------------- the document


# The sections of the last document asked about, by key and in line order: every rule asks for them,
# many times per finding, and a document may have thousands of headings (a sheet pasted many times).
# The list object itself is the cache's key (kept alive by the cache, so its identity is not reused);
# rules never change a document.
_INDEX: tuple[list[Data], dict[str, tuple[list[int], list[Data]]]] | None = None


def _section_index(doc: Data) -> dict[str, tuple[list[int], list[Data]]]:
    global _INDEX
    sections = doc.get("sections") or []
    if _INDEX is None or _INDEX[0] is not sections:
        by_key: dict[str, list[Data]] = {}
        for s in sections:
            by_key.setdefault(s.get("key"), []).append(s)
        index = {}
        for key, refs in by_key.items():
            refs.sort(key=lambda s: s.get("line_start") or 0)
            index[key] = ([s.get("line_start") or 0 for s in refs], refs)
        _INDEX = (sections, index)
    return _INDEX[1]


def section_refs(doc: Data, key: str) -> list[Data]:
    """The headings of a section, in line order (a section may appear more than once)."""
    return _section_index(doc).get(key, ([], []))[1]


def section_line(doc: Data, key: str) -> int | None:
    """The line of the section's first heading."""
    refs = section_refs(doc, key)
    return refs[0]["line_start"] if refs else None


_SECTION_NUMBERED = Template("section {number} ({label})", "{number}．{label}")
_SECTION = Template("section {label}", "「{label}」")


def section_name(doc: Data, key: str) -> Message:
    """`section 3 (取組の経緯)`, with the number as written when the heading was found."""
    refs = section_refs(doc, key)
    number = refs[0].get("number") if refs else None
    label = SECTION_LABELS.get(key, key)
    return _SECTION_NUMBERED(number=number, label=label) if number is not None else _SECTION(label=label)


def in_section(doc: Data, key: str, line: int | None) -> bool:
    """Whether a line is inside one of the section's spans (spans do not overlap: the last that starts
    at or before the line is the only one that can hold it)."""
    if line is None:
        return False
    starts, refs = _section_index(doc).get(key, ([], []))
    i = bisect_right(starts, line) - 1
    return i >= 0 and line <= max(refs[i]["line_end"], refs[i]["line_start"])


def diagnostics(doc: Data, *codes: str) -> Iterator[Data]:
    for d in doc.get("diagnostics") or []:
        if d.get("code") in codes:
            yield d


def lines_with(doc: Data, *codes: str) -> set[int]:
    return {d["line"] for d in diagnostics(doc, *codes) if d.get("line") is not None}


def basic(doc: Data) -> Data:
    return doc.get("basic_info") or {}


SETUP_ROWS = {key: label for key, (label, _) in SETUP_LEVELS.items()}


def setup_rows(doc: Data) -> Iterator[tuple[str, str, Data]]:
    """(key, label, row) for each level of 協議の場の設置状況 the sheet has."""
    setup = basic(doc).get("council_setup") or {}
    for key, label in SETUP_ROWS.items():
        row = setup.get(key)
        if isinstance(row, dict):
            yield key, label, row


def stat_value(doc: Data, key: str) -> int | None:
    q = basic(doc).get(key)
    return q.get("value") if isinstance(q, dict) else None


# A row's line comes from the group's `lines` (the parser records each row it read); a row that was
# not read at all is placed where the template puts it, below the group's first line.
_INPATIENT_OFFSETS = {"total": 0, "under_3_months": 1, "from_3_to_12_months": 2, "over_1_year": 3, "aged": 4}
_DISCHARGE_OFFSETS = {"after_3_months": 0, "after_6_months": 1, "after_1_year": 2}
_OFFICE_OFFSETS = {"core_centers": 0, "general": 1, "specific": 2}


def _row_line(group: Data | None, offsets: dict[str, int], part: str, doc: Data) -> int | None:
    if not isinstance(group, dict) or group.get("line") is None:
        return None
    own = group.get(part)
    if isinstance(own, dict) and own.get("line") is not None:
        at: int = own["line"]
        return at
    rows = group.get("lines") or {}
    own_line: int | None = rows.get("aged_under_65" if part == "aged" else part)
    if own_line is not None:
        return own_line
    line: int = group["line"] + offsets[part]
    # never past the next statistic's first line
    after: list[int] = [
        q["line"]
        for q in basic(doc).values()
        if isinstance(q, dict) and q.get("line") is not None and q["line"] > group["line"]
    ]
    if after and line >= min(after):
        return min(after) - 1
    return line


def inpatient_line(doc: Data, part: str) -> int | None:
    """Line of a row of 入院精神障害者数: total, under_3_months, from_3_to_12_months, over_1_year, aged."""
    return _row_line(basic(doc).get("inpatients"), _INPATIENT_OFFSETS, part, doc)


def discharge_line(doc: Data, part: str) -> int | None:
    return _row_line(basic(doc).get("discharge_rates"), _DISCHARGE_OFFSETS, part, doc)


def office_line(doc: Data, part: str) -> int | None:
    return _row_line(basic(doc).get("consultation_offices"), _OFFICE_OFFSETS, part, doc)


def is_single_municipality(doc: Data) -> bool:
    """A city or special ward (one municipality), as opposed to a prefecture."""
    n = stat_value(doc, "municipalities")
    if n is not None:
        return n == 1
    name = (doc.get("municipality") or "").strip()
    return name.endswith(("市", "区", "町", "村"))


def fiscal_window(fy: int) -> tuple[str, str]:
    """First and last ISO month of a fiscal year: 2023 → ('2023-04', '2024-03')."""
    return f"{fy:04d}-04", f"{fy + 1:04d}-03"


def month_fiscal_year(iso: str) -> int | None:
    """'2024-01' → 2023; '2017' → 2017 (a year alone is taken as its fiscal year)."""
    try:
        if len(iso) >= 7:
            y, m = int(iso[:4]), int(iso[5:7])
            return y if m >= 4 else y - 1
        return int(iso[:4])
    except (TypeError, ValueError):
        return None


NO_NAME = Template("(no name)", "（名称なし）")


def numbered(number: int | None, name: str | None) -> str | Message:
    mark = (
        CIRCLED[number - 1]
        if isinstance(number, int) and 1 <= number <= len(CIRCLED)
        else (f"{number}." if number is not None else "")
    )
    return f"{mark}{name or ''}" or NO_NAME()


def key_text(text: str | None) -> str:
    """Text for comparing names: NFKC, without white space."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def is_number(v: object) -> TypeGuard[int | float]:
    """An int or a float, not a bool."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)
