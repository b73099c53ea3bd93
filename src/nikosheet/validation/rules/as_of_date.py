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

from nikosheet.i18n import Message, Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, month_fiscal_year
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


TITLE_JA = "シートの年度に合わない第1節の時点"
WHAT_JA = """シートの年度は、スケジュール（またはその日付）から読み取ります。第1節の統計の時点はその近くです。
圏域数・市町村数・人口・病院・病床・保健所・相談支援事業所・協議の場の設置状況は、
シートの年度かその前の年度（柏市の令和6年度のシートは病床を R6年3月時点で示しており、問題ありません）。
（自立支援）協議会の年度は、シートの年度か2年度前まで。入院精神障害者数（630調査、公表が遅い）は5年度前まで。
退院率（国の統計、公表がさらに遅い）は8年前まで（川口市の令和5年度のシートは H29年、2017年）。
シートの年度の終わりより後の時点はありえません。年度が分からないときは検査しません。"""
WHY = Template(
    "A date from the wrong year usually means last year's figure was left in the sheet.",
    "年度の合わない時点は、たいてい前年の値が残っていることを意味します。",
)
FIX = Template(
    "Update the figure and its 時点 to the sheet's year, or correct a mistyped year.",
    "値と時点をシートの年度のものに更新するか、打ち間違えた年を直してください。",
)
EXAMPLE = Example("人口（R2年4月時点）\t\t604,894\t人", "人口（R5年4月時点）\t\t604,894\t人")
AFTER_YEAR = Template(
    "{label} is as of {when}, after the sheet's fiscal year {fy} (April {fy} to March {next})",
    "{label}の時点 {when} が、シートの年度 {fy}（{fy}年4月から{next}年3月）より後です",
)
TOO_OLD = Template(
    "{label} is as of {when}, {years} fiscal years before the sheet's fiscal year {fy} (at most {lag} expected)",
    "{label}の時点 {when} が、シートの年度 {fy} の {years} 年度前です（{lag} 年度前までのはずです）",
)
FISCAL_YEAR = Template("fiscal year {year}", "{year}年度")


def _check(
    label: str, when: str | Message, fy_of_date: int | None, fy: int, lag: int, line: int | None
) -> Iterator[Finding]:
    if fy_of_date is None:
        return
    if fy_of_date > fy:
        yield Finding(line, AFTER_YEAR(label=label, when=when, fy=fy, next=fy + 1))
    elif fy_of_date < fy - lag:
        yield Finding(line, TOO_OLD(label=label, when=when, years=fy - fy_of_date, fy=fy, lag=lag))


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
            FISCAL_YEAR(year=council["fiscal_year"]),
            council["fiscal_year"],
            fy,
            SUPPORT_COUNCIL_LAG,
            council.get("line"),
        )
