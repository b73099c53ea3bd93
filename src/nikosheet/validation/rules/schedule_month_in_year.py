"""A month of this year's schedule outside the sheet's fiscal year.

The annual schedule (今年度のスケジュール) runs from April of the sheet's fiscal year to March of the
next calendar year: in the FY2023 schedule, `R6年1月` is 2024-01 and belongs, while `R5年1月`
(2023-01, a common slip for R6年1月) falls before the year.  The sheet's fiscal year is that of most
of the schedule's months.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, fiscal_window

CODE = "NS402"
NAME = "schedule-month-outside-year"
SEVERITY = "error"


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
                f"{it.get('label') or month} ({month}) is outside the sheet's fiscal year {fy} ({start} to {end})",
            )
