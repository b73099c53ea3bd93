"""Months of this year's schedule out of order.

The rows of the annual schedule are listed by time: a month earlier than one above it is probably a
slip (a wrong year or month).  Rows without a readable month are skipped.  Reported at the row that
goes back in time.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS403"
NAME = "schedule-month-order"
SEVERITY = "warning"


def check(doc: Data) -> Iterator[Finding]:
    annual = doc.get("annual_schedule")
    if not annual:
        return
    latest: Data | None = None
    for it in annual.get("items") or []:
        month = it.get("month")
        if not month:
            continue
        if latest is not None and month < latest["month"]:
            yield Finding(
                it.get("line"),
                f"{it.get('label') or month} ({month}) comes after "
                f"{latest.get('label') or latest['month']} ({latest['month']}) "
                f"at line {latest.get('line')}",
            )
        else:
            latest = it
