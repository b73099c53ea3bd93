"""A 有・無 choice with both options marked.

`(有) (無)`: the sheet answers both ways, so the answer is unknown (null in the document).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostic_messages import explained
from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said

CODE = "NS302"
NAME = "ambiguous-choice"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.AMBIGUOUS_CHOICE,)  # the parser's diagnostics this rule reports


TITLE_JA = "有・無の両方に印がある"
WHAT_JA = """「(有) (無)」のように両方に印があると、どちらの回答か分からないため、
回答は不明（文書では null）になります。"""
WHY, FIX = explained(Diagnostic.AMBIGUOUS_CHOICE)[1:]
EXAMPLE = Example(
    "\t精神領域に関する議論を行う部会の有無\t(有) (無)", "\t精神領域に関する議論を行う部会の有無\t(有) 無"
)


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "ambiguous-choice"):
        yield Finding(d.get("line"), said(d))
