"""Template guidance left in a table.

The template's example rows carry guidance such as `③ ※指標設定が困難な場合は、代替指標や定性的な
文言でも構いません。`.  A row holding only that (柏市's third indicator) is a row the body did not
use and did not delete: it is not an indicator.  Guidance printed outside the tables (below a table,
after 【その他事項】) is the template's own text and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS304"
NAME = "guidance-in-table"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.GUIDANCE_ROW,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "guidance-row"):
        message = " ".join(d["message"].split())
        yield Finding(d.get("line"), f"{message} (an unused row: delete it or fill it in)")
