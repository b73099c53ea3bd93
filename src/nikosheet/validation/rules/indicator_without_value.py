"""An indicator without a target or a result.

Section 4 (取組の成果・効果) gives each indicator a 目標値 and a 実績値; section 5's planned
indicators give a 目標値.  An indicator missing one of them (or its name) cannot be assessed.  A
cell holding an unfilled placeholder is `placeholder`'s business and is not reported again.
Reported at the indicator's row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, lines_with, numbered

CODE = "NS501"
NAME = "indicator-without-value"
SEVERITY = "warning"


def check(doc: Data) -> Iterator[Finding]:
    placeholders = lines_with(doc, "placeholder")
    for ind in (doc.get("outcomes") or {}).get("indicators") or []:
        if ind.get("line") in placeholders:
            continue
        what = numbered(ind.get("number"), ind.get("name"))
        if not ind.get("name"):
            yield Finding(ind.get("line"), f"section 4 indicator {what} has no name")
        missing = [
            label for key, label in (("target", "target (目標値)"), ("actual", "result (実績値)")) if not ind.get(key)
        ]
        if missing:
            yield Finding(ind.get("line"), f"section 4 indicator {what} has no {' and no '.join(missing)}")
    for ind in (doc.get("strengths_and_issues") or {}).get("indicators") or []:
        if ind.get("line") in placeholders:
            continue
        what = numbered(ind.get("number"), ind.get("name"))
        if not ind.get("name"):
            yield Finding(ind.get("line"), f"section 5 indicator {what} has no name")
        if not ind.get("target"):
            yield Finding(ind.get("line"), f"section 5 indicator {what} has no target (目標値)")
