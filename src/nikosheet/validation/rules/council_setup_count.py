"""A count of councils set up that is larger than its total.

協議の場の設置状況 gives the councils set up out of the regions or municipalities: `27 / 35`
(27 of 35 municipalities) is fine, `36 / 35` is not.  A total of zero with councils set up is an
error too.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, is_number, setup_rows

CODE = "NS305"
NAME = "council-setup-count"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    for _, label, s in setup_rows(doc):
        count, total = s.get("count"), s.get("total")
        if is_number(count) and is_number(total) and count > total:
            yield Finding(
                s.get("line"), f"協議の場の設置状況 {label}: {count} set up out of {total} is more than the total"
            )
