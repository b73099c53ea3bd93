"""Inpatients by length of stay that do not add up to the total.

入院精神障害者数: 3か月未満 + 3か月以上1年未満 + 1年以上 should equal 合計
(川口市: 92 + 65 + 187 = 344).
Checked when all four counts are known; reported at the 合計 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, inpatient_line, is_number
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS201"
NAME = "inpatient-total"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    values = [(inp.get(k) or {}).get("count") for k in INPATIENT_SHARES]
    counts = [c for c in values if is_number(c)]
    total = inp.get("total")
    if not is_number(total) or len(counts) != len(values):
        return
    if sum(counts) != total:
        a, b, c = counts
        yield Finding(
            inpatient_line(doc, "total"),
            f"入院精神障害者数: {a:,} + {b:,} + {c:,} = {sum(counts):,}, but 合計 is {total:,}",
        )
