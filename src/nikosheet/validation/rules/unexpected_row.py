"""A table row the template does not have where it stands.

A statistic with an extra row, a statistic that appears twice (the first is kept), or a sector of
各部門の連携状況 that is none of 保健, 医療, 福祉 and その他関係機関・住民等 (read as others).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS108"
NAME = "unexpected-row"
SEVERITY = "warning"
DIAGNOSTICS = (
    Diagnostic.UNEXPECTED_ROW,
    Diagnostic.DUPLICATE_ROW,
    Diagnostic.UNKNOWN_SECTOR,
)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "unexpected-row", "duplicate-row", "unknown-sector"):
        yield Finding(d.get("line"), d["message"])
