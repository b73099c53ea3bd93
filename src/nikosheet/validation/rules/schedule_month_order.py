"""Months of this year's schedule out of order.

The rows of the annual schedule are listed by time: a month earlier than one above it is probably a
slip (a wrong year or month).  Rows without a readable month are skipped.  Reported at the row that
goes back in time.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding

CODE = "NS403"
NAME = "schedule-month-order"
SEVERITY = "warning"


TITLE_JA = "順番の違う今年度のスケジュールの月"
WHAT_JA = """今年度のスケジュールの行は時の順に並びます。上の行より前の月は、
たいてい書き間違い（年か月の誤り）です。読める月のない行は飛ばします。時をさかのぼる行で報告します。"""
WHY = Template(
    "A month out of order is usually a mistyped year or month, which misplaces the step in the plan.",
    "順番の違う月は、たいてい年か月の打ち間違いで、その取組が計画の違う時期に置かれます。",
)
FIX = Template(
    "Correct the month, or move the row to its place in time.",
    "月を直すか、行を時の順の位置に移してください。",
)
EXAMPLE = Example("R5年4月\t第1回協議の場の開催", "R5年8月\t第1回協議の場の開催")
GOES_BACK = Template(
    "{label} ({month}) comes after {earlier} ({earlier_month}) at line {line}",
    "{label}（{month}）が、{line}行目の{earlier}（{earlier_month}）より後にあります",
)


def check(doc: Data) -> Iterator[Finding]:
    annual = doc.get("annual_schedule")
    if not annual:
        return
    latest: Data | None = None
    for it in annual.get("items") or []:
        month = it.get("month")
        if not month:
            continue
        if latest is not None and month < latest["month"]:
            yield Finding(
                it.get("line"),
                GOES_BACK(
                    label=it.get("label") or month,
                    month=month,
                    earlier=latest.get("label") or latest["month"],
                    earlier_month=latest["month"],
                    line=latest.get("line"),
                ),
            )
        else:
            latest = it
