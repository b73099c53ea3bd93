"""An indicator without a target or a result.

Section 4 (取組の成果・効果) gives each indicator a 目標値 and a 実績値; section 5's planned
indicators give a 目標値.  An indicator missing one of them (or its name) cannot be assessed.  A
cell holding an unfilled placeholder is `placeholder`'s business and is not reported again.
Reported at the indicator's row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, lines_with, numbered

CODE = "NS501"
NAME = "indicator-without-value"
SEVERITY = "warning"


TITLE_JA = "目標値か実績値のない指標"
WHAT_JA = """第4節（取組の成果・効果）では各指標に目標値と実績値を、第5節の計画中の指標には目標値を書きます。
どちらか（または名称）のない指標は評価できません。ひな形のままのセルは placeholder が扱うので、重ねて報告しません。
指標の行で報告します。"""
WHY = Template(
    "An indicator without its target or result cannot be assessed or compared.",
    "目標値や実績値のない指標は、評価も比較もできません。",
)
FIX = Template(
    "Fill in the 目標値 (and the 実績値 in section 4), or write why there is none.",
    "目標値（第4節では実績値も）を記入するか、ない理由を書いてください。",
)
EXAMPLE = Example("②地域課題解決に向けた具体的方策の検討\t2回\t\t", "②地域課題解決に向けた具体的方策の検討\t2回\t2回\t")
NO_NAME = Template("section {section} indicator {what} has no name", "{section}．の指標 {what} に名称がありません")
NO_TARGET_OR_RESULT = Template(
    "section 4 indicator {what} has no {missing}", "4．の指標 {what} に{missing}がありません"
)
TARGET = Template("target (目標値)", "目標値")
RESULT = Template("result (実績値)", "実績値")
AND_NO = Template("{a} and no {b}", "{a}も{b}も")
NO_TARGET = Template("section 5 indicator {what} has no target (目標値)", "5．の指標 {what} に目標値がありません")


def check(doc: Data) -> Iterator[Finding]:
    placeholders = lines_with(doc, "placeholder")
    for ind in (doc.get("outcomes") or {}).get("indicators") or []:
        if ind.get("line") in placeholders:
            continue
        what = numbered(ind.get("number"), ind.get("name"))
        if not ind.get("name"):
            yield Finding(ind.get("line"), NO_NAME(section=4, what=what))
        missing = [label() for key, label in (("target", TARGET), ("actual", RESULT)) if not ind.get(key)]
        if missing:
            both = missing[0] if len(missing) == 1 else AND_NO(a=missing[0], b=missing[1])
            yield Finding(ind.get("line"), NO_TARGET_OR_RESULT(what=what, missing=both))
    for ind in (doc.get("strengths_and_issues") or {}).get("indicators") or []:
        if ind.get("line") in placeholders:
            continue
        what = numbered(ind.get("number"), ind.get("name"))
        if not ind.get("name"):
            yield Finding(ind.get("line"), NO_NAME(section=5, what=what))
        if not ind.get("target"):
            yield Finding(ind.get("line"), NO_TARGET(what=what))
