"""The statistics the report charts, and how the sheets become bodies and years.

A body is a name; its sheets are told apart by fiscal year. The charts across bodies show each
body's latest year; a body given for two years or more gets its trend. When one body and year
is given twice (the same sheet in two encodings, a draft beside the final), the first is charted
and the report says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nikosheet.output.report.bodies import KINDS
from nikosheet.output.report.summary import SheetSummary


@dataclass(frozen=True, slots=True)
class Stat:
    title: str
    unit: str
    digits: int
    get: Callable[[SheetSummary], float | None]


def _column(name: str) -> Callable[[SheetSummary], float | None]:
    return lambda s: s.number(name)


def _beds_per_10k(s: SheetSummary) -> float | None:
    return s.beds_per_10k


LONG_STAY = Stat("入院精神障害者のうち1年以上の割合", "％", 1, _column("inpatients_over_1_year_percent"))
COUNCIL_MEETINGS = Stat("協議の場の年間開催回数", "回/年", 0, _column("council_meetings_per_year"))
BEDS_PER_10K = Stat("人口1万人あたり精神科病床数", "床/人口1万人", 1, _beds_per_10k)
POPULATION = Stat("人口", "人", 0, _column("population"))
BEDS = Stat("精神科病床数", "床", 0, _column("psychiatric_beds"))
OUTCOME_INDICATORS = Stat("成果の指標（第4節）", "件", 0, _column("n_indicators"))
PLANNED_INDICATORS = Stat("計画の指標（第5節）", "件", 0, _column("n_planned_indicators"))
TRENDS: tuple[Stat, ...] = (
    POPULATION,
    BEDS,
    BEDS_PER_10K,
    LONG_STAY,
    COUNCIL_MEETINGS,
    OUTCOME_INDICATORS,
    PLANNED_INDICATORS,
)
"""What a body's trend shows, one line chart each."""


NO_NAME = "（団体名なし）"


def shown_name(s: SheetSummary) -> str:
    """The body's name as the report writes it (before escaping)."""
    return s.name or NO_NAME


def years_text(sheets: Sequence[SheetSummary]) -> str:
    """The fiscal years the sheets cover: `2023年度`, `2023〜2024年度`."""
    years = sorted({s.fiscal_year for s in sheets if s.fiscal_year is not None})
    if not years:
        return "年度不明"
    return f"{years[0]}年度" if len(years) == 1 else f"{years[0]}〜{years[-1]}年度"


def body_key(s: SheetSummary) -> str:
    """Sheets of one body share this: its name (a sheet without one is a body of its own)."""
    return s.name if s.name else f"\0{s.source}"


def in_order(sheets: Sequence[SheetSummary]) -> list[SheetSummary]:
    """Prefectures, designated cities, core cities, special wards, then the rest; by name and year."""

    def key(s: SheetSummary) -> tuple[int, str, int]:
        kind = KINDS.index(s.kind) if s.kind in KINDS else len(KINDS)
        return kind, s.name or "\uffff", s.fiscal_year or 0

    return sorted(sheets, key=key)  # stable: the same body and year keep the order they were given in


def first_of_each_year(sheets: Sequence[SheetSummary]) -> dict[str, dict[int | None, SheetSummary]]:
    """Per body, per fiscal year, the first sheet given."""
    out: dict[str, dict[int | None, SheetSummary]] = {}
    for s in sheets:
        out.setdefault(body_key(s), {}).setdefault(s.fiscal_year, s)
    return out


def latest(years: dict[int | None, SheetSummary]) -> SheetSummary:
    return years[max(years, key=lambda y: -1 if y is None else y)]


def repeated(sheets: Sequence[SheetSummary]) -> list[list[SheetSummary]]:
    """Sheets that share a body and a fiscal year, when there are more than one."""
    groups: dict[tuple[str, int | None], list[SheetSummary]] = {}
    for s in sheets:
        groups.setdefault((body_key(s), s.fiscal_year), []).append(s)
    return [g for g in groups.values() if len(g) > 1]


def trends(sheets: Sequence[SheetSummary]) -> dict[str, list[SheetSummary]]:
    """Per body given for two fiscal years or more, one sheet a year, oldest first."""
    out = {}
    for body, years in first_of_each_year(sheets).items():
        known = sorted(y for y in years if y is not None)
        if len(known) > 1:
            out[body] = [years[y] for y in known]
    return out
