"""A share of the inpatients that disagrees with its count and the total.

入院精神障害者数: the 構成割合 written beside a count should be count ÷ 合計 × 100, within one unit of the last
decimal shown (rounding or truncation): 川口市's 92 of 344 is 26.74 %, written 26.7.  Checked for
each row whose count and percent are known, when the total is known; reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, inpatient_line, is_number
from nikosheet.validation.rules.inpatient_percent_sum import unit
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS203"
NAME = "inpatient-percent"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    total = inp.get("total")
    if not is_number(total) or total <= 0:
        return
    for key, label in INPATIENT_SHARES.items():
        share = inp.get(key) or {}
        count, percent = share.get("count"), share.get("percent")
        if not is_number(count) or not is_number(percent):
            continue
        expected = count / total * 100
        if abs(expected - percent) > unit(percent) + 1e-9:
            yield Finding(
                inpatient_line(doc, key),
                f"入院精神障害者数 {label}: {percent:g} % does not agree with "
                f"{count:,} of {total:,} ({expected:.1f} %)",
            )
