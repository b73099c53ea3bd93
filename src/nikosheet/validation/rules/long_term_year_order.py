"""Years of the long-term schedule that go back.

スケジュール（長期） lists its plan by fiscal year (R6年度, R7年度, R8年度 …).  A year earlier than
one above it is an error; the same year twice is allowed (two rows for one year).  Placeholder
years (`R●年度`) are `placeholder`'s business and are skipped.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding

CODE = "NS404"
NAME = "long-term-year-order"
SEVERITY = "error"


TITLE_JA = "さかのぼる長期スケジュールの年度"
WHAT_JA = """スケジュール（長期）は、計画を年度の順（R6年度、R7年度、R8年度 …）に並べます。
上の行より前の年度は error です。同じ年度が2回あるのは構いません（一つの年度に2行）。
ひな形の年度（R●年度）は placeholder が扱うので飛ばします。その行で報告します。"""
WHY = Template(
    "A year out of order is a mistyped year, which puts the step in the wrong year of the plan.",
    "順番の違う年度は打ち間違いで、その取組が計画の違う年度に置かれます。",
)
FIX = Template(
    "Correct the year, or move the row to its place.",
    "年度を直すか、行を正しい位置に移してください。",
)
EXAMPLE = Example("R5年度\t庁内他課との連携委託契約の見直し", "R7年度\t庁内他課との連携委託契約の見直し")
GOES_BACK = Template(
    "{label} (fiscal year {fy}) comes after {earlier} at line {line}",
    "{label}（{fy}年度）が、{line}行目の{earlier}より後にあります",
)


def check(doc: Data) -> Iterator[Finding]:
    plan = (doc.get("long_term_schedule") or {}).get("plan") or []
    latest: Data | None = None
    for row in plan:
        fy = row.get("fiscal_year")
        if not isinstance(fy, int):
            continue
        if latest is not None and fy < latest["fiscal_year"]:
            yield Finding(
                row.get("line"),
                GOES_BACK(
                    label=row.get("label") or fy,
                    fy=fy,
                    earlier=latest.get("label") or latest["fiscal_year"],
                    line=latest.get("line"),
                ),
            )
        else:
            latest = row
