"""事業利用予定年数 before the sheet's fiscal year.

スケジュール（長期） states until when the body plans to use the programme (`令和 8 年度まで`).
A year before the sheet's own fiscal year cannot be right: the body is using the programme in the
year of the sheet.  Reported at the long-term schedule's heading (the document does not record the
line of 事業利用予定年数).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, section_line

CODE = "NS405"
NAME = "programme-end-year"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    fy = doc.get("fiscal_year")
    lts = doc.get("long_term_schedule") or {}
    until = lts.get("until_fiscal_year")
    if not isinstance(fy, int) or not isinstance(until, int) or until >= fy:
        return
    line = lts.get("until_line") or section_line(doc, "long_term_schedule")
    yield Finding(line, f"事業利用予定年数 ends with fiscal year {until}, before the sheet's fiscal year {fy}")
