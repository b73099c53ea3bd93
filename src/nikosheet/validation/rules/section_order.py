"""A section appears out of order, or more than once.

Sections follow the template's order: 基礎情報, 取組概要, 取組の経緯, 成果・効果, 強みと課題,
連携状況, 協議の場, then the schedules (long-term before this year's).  A heading that comes after a
later section is a warning.  A section whose heading appears twice (柏市's section 3: a 取組シート,
then the history table) is read as one section; that is reported as info, since both parts are kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, section_name
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS103"
NAME = "section-order"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.REPEATED_SECTION,)  # the parser's diagnostics this rule reports


TITLE_JA = "節の順番が違う、または同じ節が2回ある"
WHAT_JA = """節は様式の順に並びます（基礎情報、取組概要、取組の経緯、成果・効果、強みと課題、連携状況、協議の場、
スケジュール（長期が今年度より前））。後の節より後に来る見出しは warning です。
見出しが2回ある節（柏市の第3節: 取組シートのあとに経緯の表）は一つの節として読み、両方とも残るので info です。"""
WHY = Template(
    "Readers and reviewers expect the template's order; a section out of place is easy to miss.",
    "読む人は様式の順を前提にしています。順番の違う節は見落とされがちです。",
)
FIX = Template(
    "Move the section to its place in the template's order, and keep one heading per section.",
    "節を様式の順の位置に移し、一つの節の見出しは一つにしてください。",
)
EXAMPLE = Example("５．強みと課題\n…\n４．取組の成果・効果", "４．取組の成果・効果\n…\n５．強みと課題")
SECOND_HEADING = Template(
    "{section} has a second heading (first at line {first}); both parts are read as one section",
    "{section}の見出しが2回あります（最初は{first}行目）。両方を一つの節として読みました",
)
OUT_OF_ORDER = Template(
    "{section} comes after {later}; sections should follow the template's order",
    "{section}が{later}の後にあります。節は様式の順に並べてください",
)


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
                SECOND_HEADING(section=section_name(doc, key), first=seen[key]),
                "info",
            )
        elif latest is not None and rank < latest[0]:
            yield Finding(
                ref["line_start"],
                OUT_OF_ORDER(section=section_name(doc, key), later=section_name(doc, latest[1])),
            )
        seen.setdefault(key, ref["line_start"])
        if latest is None or rank > latest[0]:
            latest = (rank, key)
        prev_key = key
