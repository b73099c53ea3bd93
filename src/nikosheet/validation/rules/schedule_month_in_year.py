"""A month of this year's schedule outside the sheet's fiscal year.

The annual schedule (今年度のスケジュール) runs from April of the sheet's fiscal year to March of the
next calendar year: in the FY2023 schedule, `R6年1月` is 2024-01 and belongs, while `R5年1月`
(2023-01, a common slip for R6年1月) falls before the year.  The sheet's fiscal year is that of most
of the schedule's months.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, fiscal_window

CODE = "NS402"
NAME = "schedule-month-outside-year"
SEVERITY = "error"


TITLE_JA = "シートの年度の外にある今年度のスケジュールの月"
WHAT_JA = """今年度のスケジュールは、シートの年度の4月から翌年の3月までです。令和5年度のスケジュールでは、
R6年1月は 2024年1月で年度内ですが、R5年1月（2023年1月、R6年1月の書き間違いによくあります）は年度より前です。
シートの年度は、スケジュールの月の多くが属する年度です。その行で報告します。"""
WHY = Template(
    "A month outside the year is usually a wrong year (R5 for R6): the plan reads as past or future.",
    "年度の外の月は、たいてい年の書き間違い（R6 のつもりの R5）で、予定が過去や先のことに見えます。",
)
FIX = Template(
    "Correct the year of the month: January to March belong to the next calendar year.",
    "月の年を直してください。1月から3月は翌年になります。",
)
EXAMPLE = Example("R5年1月\t第2回協議の場の開催", "R6年1月\t第2回協議の場の開催")
OUTSIDE_YEAR = Template(
    "{label} ({month}) is outside the sheet's fiscal year {fy} ({start} to {end})",
    "{label}（{month}）がシートの年度 {fy}（{start} から {end}）の外です",
)


def check(doc: Data) -> Iterator[Finding]:
    fy = doc.get("fiscal_year")
    annual = doc.get("annual_schedule")
    if not isinstance(fy, int) or not annual:
        return
    start, end = fiscal_window(fy)
    for it in annual.get("items") or []:
        month = it.get("month")
        if month and len(month) >= 7 and not start <= month[:7] <= end:
            yield Finding(
                it.get("line"),
                OUTSIDE_YEAR(label=it.get("label") or month, month=month, fy=fy, start=start, end=end),
            )
