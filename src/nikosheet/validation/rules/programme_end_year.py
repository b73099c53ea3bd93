"""事業利用予定年数 before the sheet's fiscal year.

スケジュール（長期） states until when the body plans to use the programme (`令和 8 年度まで`).
A year before the sheet's own fiscal year cannot be right: the body is using the programme in the
year of the sheet.  Reported at the long-term schedule's heading (the document does not record the
line of 事業利用予定年数).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, section_line

CODE = "NS405"
NAME = "programme-end-year"
SEVERITY = "error"


TITLE_JA = "シートの年度より前の事業利用予定年数"
WHAT_JA = """スケジュール（長期）は、いつまで事業を利用する予定かを示します（令和 8 年度まで）。
シート自身の年度より前の年度はありえません。自治体はシートの年度に事業を利用しているからです。
長期スケジュールの見出しで報告します（文書は事業利用予定年数の行を記録しません）。"""
WHY = Template(
    "An end year already past contradicts the sheet itself: the plan cannot be read.",
    "すでに過ぎた終了年度はシート自体と矛盾し、計画が読み取れません。",
)
FIX = Template(
    "Write the fiscal year until which the programme is planned: 令和8年度まで.",
    "事業を利用する予定の最終年度を書いてください（令和8年度まで など）。",
)
EXAMPLE = Example("事業利用予定年数：令和 4 年度まで", "事業利用予定年数：令和 8 年度まで")
ENDS_BEFORE = Template(
    "事業利用予定年数 ends with fiscal year {until}, before the sheet's fiscal year {fy}",
    "事業利用予定年数が {until}年度で終わり、シートの年度 {fy} より前です",
)


def check(doc: Data) -> Iterator[Finding]:
    fy = doc.get("fiscal_year")
    lts = doc.get("long_term_schedule") or {}
    until = lts.get("until_fiscal_year")
    if not isinstance(fy, int) or not isinstance(until, int) or until >= fy:
        return
    line = lts.get("until_line") or section_line(doc, "long_term_schedule")
    yield Finding(line, ENDS_BEFORE(until=until, fy=fy))
