"""A section appears out of order, or more than once.

Sections follow the template's order: 基礎情報, 取組概要, 取組の経緯, 成果・効果, 強みと課題,
連携状況, 協議の場, then the schedules (long-term before this year's).  A heading that comes after a
later section is a warning.  A section whose heading appears twice (柏市's section 3: a 取組シート,
then the history table) is read as one section; that is reported as info, since both parts are kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, section_name
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS103"
NAME = "section-order"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.REPEATED_SECTION,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    latest: tuple[int, str] | None = None
    prev_key = None
    for ref in doc.get("sections") or []:
        key = ref.get("key")
        if key not in SECTION_KEYS:
            continue
        rank = SECTION_KEYS.index(key)
        if key in seen and key == prev_key:
            yield Finding(
                ref["line_start"],
                f"{section_name(doc, key)} has a second heading (first at line {seen[key]}); "
                "both parts are read as one section",
                "info",
            )
        elif latest is not None and rank < latest[0]:
            yield Finding(
                ref["line_start"],
                f"{section_name(doc, key)} comes after {section_name(doc, latest[1])}; "
                "sections should follow the template's order",
            )
        seen.setdefault(key, ref["line_start"])
        if latest is None or rank > latest[0]:
            latest = (rank, key)
        prev_key = key
