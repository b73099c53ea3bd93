"""A statistic written as an approximation (`約65万人`).

The number is read as written (650000) so the sheet can be compared with others, but it is not an
exact count: say so, so that an analyst can decide whether to use it.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS208"
NAME = "approximate-value"
SEVERITY = "info"
DIAGNOSTICS = (Diagnostic.APPROXIMATE_VALUE,)


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "approximate-value"):
        yield Finding(d.get("line"), d["message"])
