"""What the report shows of one sheet: its body, key figures and validation findings.

A summary is small and plain (it crosses from a worker process to the parent), made once per
sheet from its document; the figures are columns of the table of sheets (`output.table.COLUMNS`),
so the report and the table never disagree on a value.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nikosheet.output.report.bodies import kind_of
from nikosheet.output.table import COLUMNS
from nikosheet.plain import Data

if TYPE_CHECKING:
    from nikosheet.validation.problem import Problem

SEVERITIES = ("error", "warning", "info")

KEY_FIGURES: tuple[str, ...] = (
    "population",
    "psychiatric_hospitals",
    "psychiatric_beds",
    "inpatients_total",
    "inpatients_over_1_year",
    "inpatients_over_1_year_percent",
    "discharge_rate_after_1_year_percent",
    "health_centers",
    "support_council_meetings_per_year",
    "n_councils",
    "council_meetings_per_year",
    "n_indicators",
    "n_planned_indicators",
)
"""The columns of the table of sheets that a body's section of the report shows, in this order."""
AS_OF: dict[str, str] = {
    "population": "population_as_of",
    "psychiatric_hospitals": "psychiatric_hospitals_as_of",
    "psychiatric_beds": "psychiatric_beds_as_of",
    "inpatients_total": "inpatients_as_of",
    "inpatients_over_1_year": "inpatients_as_of",
    "inpatients_over_1_year_percent": "inpatients_as_of",
    "discharge_rate_after_1_year_percent": "discharge_rates_as_of",
    "health_centers": "health_centers_as_of",
    "support_council_meetings_per_year": "support_council_fiscal_year",
}
"""The column that says when a key figure was taken, where the sheet says it."""
LABELS: dict[str, str] = {c.en: c.ja for c in COLUMNS}
_WANTED = frozenset(KEY_FIGURES) | frozenset(AS_OF.values())
_GETTERS = [(c.en, c.get) for c in COLUMNS if c.en in _WANTED]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: str
    line: int | None
    page: int | None
    message: str


@dataclass(frozen=True, slots=True)
class SheetSummary:
    source: str  # the path as given, or <stdin>
    name: str | None  # the body's name as the sheet writes it
    fiscal_year: int | None
    kind: str | None  # bodies.KINDS, or None when the name does not tell
    figures: dict[str, object]  # KEY_FIGURES and their as-of columns, by English column name
    indicators_with_actual: int | None  # section 4's indicators whose 実績値 is filled in
    councils_without_frequency: int  # section 7's councils whose meetings a year are unknown (随時, empty)
    findings: tuple[Finding, ...] = field(default=())

    def number(self, column: str) -> float | None:
        """A figure as a number; None when unknown (or not a number)."""
        value = self.figures.get(column)
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    @property
    def beds_per_10k(self) -> float | None:
        """精神科病床数 per 10,000 people; None unless both are known (and there are people)."""
        beds, people = self.number("psychiatric_beds"), self.number("population")
        return None if beds is None or not people else beds / people * 10_000

    def counts(self) -> dict[str, int]:
        """Findings by severity, every severity present."""
        found = Counter(f.severity for f in self.findings)
        return {s: found[s] for s in SEVERITIES}


def summarize(doc: Data, problems: list[Problem] | None = None) -> SheetSummary:
    """The summary of one document (plain data); `problems` are its validation findings (run here
    when not given)."""
    if problems is None:
        from nikosheet.validation.engine import check

        problems = check(doc)
    name = doc.get("municipality")
    outcomes = doc.get("outcomes") or {}
    indicators = outcomes.get("indicators") if isinstance(outcomes, dict) else None
    return SheetSummary(
        source=(doc.get("source") or {}).get("path") or "<stdin>",
        name=name,
        fiscal_year=doc.get("fiscal_year"),
        kind=kind_of(name),
        figures={en: get(doc) for en, get in _GETTERS},
        indicators_with_actual=None if indicators is None else sum(1 for i in indicators if i.get("actual")),
        councils_without_frequency=_councils_without_frequency(doc),
        findings=tuple(Finding(p.code, p.severity, p.line, p.page, p.message) for p in sorted(problems)),
    )


def _councils_without_frequency(doc: Data) -> int:
    councils = doc.get("councils") or {}
    meetings = councils.get("meetings") or [] if isinstance(councils, dict) else []
    return sum(1 for m in meetings if not isinstance((m.get("frequency") or {}).get("per_year"), int))
