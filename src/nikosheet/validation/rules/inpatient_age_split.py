"""A 65-year split of the inpatients that does not add up to 1年以上.

入院精神障害者数: うち65歳未満 + うち65歳以上 is a breakdown of the inpatients staying 1年以上
(川口市: 67 + 120 = 187).  When it adds up to the 合計 instead (柏市: 119 + 221 = 340, while
1年以上 is 236), the sheet has split all inpatients by age, not the long-stay ones: a warning, since
the numbers are consistent but mean something else than the template asks; analysts comparing
bodies should know.  When it adds up to neither, it is an error.  Reported at the うち65歳 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, inpatient_line, is_number

CODE = "NS204"
NAME = "inpatient-age-split"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    young, old = inp.get("aged_under_65"), inp.get("aged_65_and_over")
    if not is_number(young) or not is_number(old):
        return
    split = young + old
    over = (inp.get("over_1_year") or {}).get("count")
    total = inp.get("total")
    if is_number(over) and split == over:
        return
    line = inpatient_line(doc, "aged")
    if is_number(total) and split == total:
        over_text = f" ({over:,})" if is_number(over) else ""
        yield Finding(
            line,
            f"入院精神障害者数: the 65-year split {young:,} + {old:,} = {split:,} adds up to "
            f"the 合計 ({total:,}), not to 1年以上{over_text}: it splits all inpatients by age, "
            "not the long-stay ones",
            "warning",
        )
    elif is_number(over):
        yield Finding(
            line,
            f"入院精神障害者数: the 65-year split {young:,} + {old:,} = {split:,} does not add "
            f"up to 1年以上 ({over:,})",
        )
