"""A council without a frequency.

Section 7 gives each council (協議の場) how often it meets: `2回/年`, `年6回`, `月1回`, `随時`.  An
empty 開催頻度 is a warning; one that gives no count a year and is not `随時` is
`unreadable-value`.  Reported at the council's row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, short

CODE = "NS502"
NAME = "council-without-frequency"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for m in (doc.get("councils") or {}).get("meetings") or []:
        if not (m.get("frequency") or {}).get("text"):
            yield Finding(m.get("line"), f"council {short(m.get('name') or '(no name)')!r} has no 開催頻度")
