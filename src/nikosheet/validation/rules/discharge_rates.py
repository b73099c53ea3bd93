"""Discharge rates outside 0–100 % or falling with time.

退院率: 入院後3か月時点, 入院後6か月時点 and 入院後1年時点 are shares of the patients admitted who
have left hospital by then, so each is between 0 and 100 % and none is smaller than an earlier one
(川口市: 62.0, 81.0, 88.0).  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, discharge_line, is_number
from nikosheet.vocabulary import DISCHARGE_RATES

CODE = "NS207"
NAME = "discharge-rates"
SEVERITY = "error"

LABELS = DISCHARGE_RATES


def check(doc: Data) -> Iterator[Finding]:
    rates = basic(doc).get("discharge_rates")
    if not rates:
        return
    prev: tuple[str, float] | None = None
    for key, label in LABELS.items():
        v = rates.get(key)
        if not is_number(v):
            continue
        if not 0 <= v <= 100:
            yield Finding(discharge_line(doc, key), f"退院率 {label} is {v:g} %, outside 0–100 %")
        elif prev is not None and v < prev[1]:
            yield Finding(
                discharge_line(doc, key),
                f"退院率 {label} ({v:g} %) is lower than {prev[0]} ({prev[1]:g} %); the rates are cumulative",
            )
        if 0 <= v <= 100:
            prev = (label, v)
