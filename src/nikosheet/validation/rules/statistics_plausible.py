"""Population, psychiatric beds, hospitals and inpatients that are implausible together.

- 人口 is between 10,000 and 15,000,000 (the smallest special ward and the largest prefecture are
  well inside); zero or less is an error.
- 精神科病床数 is at least 精神科病院の数 when there are hospitals (every psychiatric hospital has
  psychiatric beds; beds may exist without one, in general hospitals): fewer is an error.
- 精神科病床数 is at most 2 % of 人口 (Japan has about 0.26 %; the highest prefectures under 0.6 %).
- 入院精神障害者数 is less than 人口 (an error otherwise) and at most 2 % of it.

Any other combination is a warning: a value probably typed into the wrong row or with a digit too
many.  Reported at the row of the later value.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, inpatient_line, is_number

CODE = "NS206"
NAME = "statistics-plausible"
SEVERITY = "warning"

MIN_POPULATION, MAX_POPULATION = 10_000, 15_000_000
MAX_SHARE = 0.02


def _q(info: Data, key: str) -> tuple[int | float | None, int | None]:
    q = info.get(key)
    if not isinstance(q, dict) or not is_number(q.get("value")):
        return None, None
    return q["value"], q.get("line")


def check(doc: Data) -> Iterator[Finding]:
    info = basic(doc)
    pop, pop_line = _q(info, "population")
    hospitals, _ = _q(info, "psychiatric_hospitals")
    beds, beds_line = _q(info, "psychiatric_beds")
    inp = info.get("inpatients") or {}
    inpatients = inp.get("total") if is_number(inp.get("total")) else None

    if pop is not None:
        if pop <= 0:
            yield Finding(pop_line, f"人口 is {pop:,}", "error")
        elif not MIN_POPULATION <= pop <= MAX_POPULATION:
            yield Finding(
                pop_line, f"人口 {pop:,} is outside the plausible range {MIN_POPULATION:,}–{MAX_POPULATION:,}"
            )
    if beds is not None and hospitals is not None and hospitals > 0 and beds < hospitals:
        yield Finding(beds_line, f"精神科病床数 {beds:,} is less than 精神科病院の数 {hospitals:,}", "error")
    if beds is not None and pop and pop > 0 and beds > pop * MAX_SHARE:
        yield Finding(
            beds_line,
            f"精神科病床数 {beds:,} is {beds / pop:.1%} of 人口 {pop:,}: more than {MAX_SHARE:.0%} is implausible",
        )
    if inpatients is not None and pop and pop > 0:
        line = inpatient_line(doc, "total")
        if inpatients >= pop:
            yield Finding(line, f"入院精神障害者数 {inpatients:,} is not less than 人口 {pop:,}", "error")
        elif inpatients > pop * MAX_SHARE:
            yield Finding(
                line,
                f"入院精神障害者数 {inpatients:,} is {inpatients / pop:.1%} of 人口 {pop:,}: "
                f"more than {MAX_SHARE:.0%} is implausible",
            )
