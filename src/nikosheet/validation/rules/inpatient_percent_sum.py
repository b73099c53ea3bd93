"""Shares of the inpatients that do not add up to 100 %.

入院精神障害者数: the 構成割合 of 3か月未満, 3か月以上1年未満 and 1年以上 should add up to 100 %, within
rounding (two units of the last decimal shown: 99.9 and 100.1 pass for percents with one decimal).
Checked when all three percents are known; reported at the 合計 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, inpatient_line, is_number
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS202"
NAME = "inpatient-percent-sum"
SEVERITY = "error"


def unit(percent: float) -> float:
    """One unit of the last decimal shown: 26.7 → 0.1; 27.0 or 27 → 1 (the decimals are not known)."""
    if float(percent).is_integer():
        return 1.0
    decimals = len(repr(float(percent)).split(".")[1])
    return 10.0**-decimals


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    values = [(inp.get(k) or {}).get("percent") for k in INPATIENT_SHARES]
    percents = [p for p in values if is_number(p)]
    if len(percents) != len(values):
        return
    total = sum(percents)
    tolerance = 2 * max(unit(p) for p in percents) + 1e-9
    if abs(total - 100) > tolerance:
        a, b, c = percents
        yield Finding(
            inpatient_line(doc, "total"),
            f"入院精神障害者数: the shares {a:g} + {b:g} + {c:g} add up to {total:.4g} %, not 100 %",
        )
