"""Years of the long-term schedule that go back.

スケジュール（長期） lists its plan by fiscal year (R6年度, R7年度, R8年度 …).  A year earlier than
one above it is an error; the same year twice is allowed (two rows for one year).  Placeholder
years (`R●年度`) are `placeholder`'s business and are skipped.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS404"
NAME = "long-term-year-order"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    plan = (doc.get("long_term_schedule") or {}).get("plan") or []
    latest: Data | None = None
    for row in plan:
        fy = row.get("fiscal_year")
        if not isinstance(fy, int):
            continue
        if latest is not None and fy < latest["fiscal_year"]:
            yield Finding(
                row.get("line"),
                f"{row.get('label') or fy} (fiscal year {fy}) comes after "
                f"{latest.get('label') or latest['fiscal_year']} at line {latest.get('line')}",
            )
        else:
            latest = row
