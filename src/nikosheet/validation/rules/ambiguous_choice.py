"""A 有・無 choice with both options marked.

`(有) (無)`: the sheet answers both ways, so the answer is unknown (null in the document).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS302"
NAME = "ambiguous-choice"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.AMBIGUOUS_CHOICE,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "ambiguous-choice"):
        yield Finding(d.get("line"), d["message"])
