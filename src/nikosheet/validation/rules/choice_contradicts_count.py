"""A 有・無 answer that its count contradicts.

協議の場の設置状況: `(有) 無` with a count of 0, or `有 (無)` with councils counted (`3 / 35`),
cannot both be right.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, is_number, setup_rows

CODE = "NS306"
NAME = "choice-contradicts-count"
SEVERITY = "warning"


def check(doc: Data) -> Iterator[Finding]:
    for _, label, s in setup_rows(doc):
        if not is_number(s.get("count")):
            continue
        if s.get("exists") is True and s["count"] == 0:
            yield Finding(s.get("line"), f"協議の場の設置状況 {label}: 有 is marked but the count is 0")
        elif s.get("exists") is False and s["count"] > 0:
            yield Finding(s.get("line"), f"協議の場の設置状況 {label}: 無 is marked but the count is {s['count']}")
