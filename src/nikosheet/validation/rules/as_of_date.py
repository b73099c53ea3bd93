"""A 時点 date of section 1 that does not fit the sheet's fiscal year.

The sheet's fiscal year is read from its schedule (or from its dates).  The statistics of section 1
are as of a date near it:

- 圏域数, 市町村数, 人口, 病院, 病床, 保健所, 相談支援事業所 and 協議の場の設置状況: within the
  sheet's fiscal year or the one before (柏市's FY2024 sheet gives beds as of R6年3月: fine);
- （自立支援）協議会's 年度: the sheet's fiscal year or up to two before;
- 入院精神障害者数 (the 630 survey, published late): up to 5 fiscal years before;
- 退院率 (national statistics, published later still): up to 8 years before (川口市's FY2023 sheet
  gives H29年, 2017).

No date may be after the end of the sheet's fiscal year.  Not checked when the fiscal year is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, month_fiscal_year
from nikosheet.vocabulary import STATISTICS

CODE = "NS401"
NAME = "as-of-date"
SEVERITY = "warning"

# statistic → how many fiscal years before the sheet's its date may be
_LAG = {
    "welfare_regions": 1,
    "municipalities": 1,
    "population": 1,
    "psychiatric_hospitals": 1,
    "psychiatric_beds": 1,
    "health_centers": 1,
    "consultation_offices": 1,
    "council_setup": 1,
    "inpatients": 5,
    "discharge_rates": 8,
}
SUPPORT_COUNCIL_LAG = 2


def _check(label: str, when: str, fy_of_date: int | None, fy: int, lag: int, line: int | None) -> Iterator[Finding]:
    if fy_of_date is None:
        return
    if fy_of_date > fy:
        yield Finding(
            line, f"{label} is as of {when}, after the sheet's fiscal year {fy} (April {fy} to March {fy + 1})"
        )
    elif fy_of_date < fy - lag:
        yield Finding(
            line,
            f"{label} is as of {when}, {fy - fy_of_date} fiscal years before the sheet's "
            f"fiscal year {fy} (at most {lag} expected)",
        )


def check(doc: Data) -> Iterator[Finding]:
    fy = doc.get("fiscal_year")
    info = doc.get("basic_info")
    if not isinstance(fy, int) or not info:
        return
    for key, lag in _LAG.items():
        q = info.get(key)
        if not isinstance(q, dict) or not q.get("as_of"):
            continue
        yield from _check(STATISTICS[key], q["as_of"], month_fiscal_year(q["as_of"]), fy, lag, q.get("line"))
    council = basic(doc).get("support_council")
    if isinstance(council, dict) and isinstance(council.get("fiscal_year"), int):
        yield from _check(
            STATISTICS["support_council"],
            f"fiscal year {council['fiscal_year']}",
            council["fiscal_year"],
            fy,
            SUPPORT_COUNCIL_LAG,
            council.get("line"),
        )
