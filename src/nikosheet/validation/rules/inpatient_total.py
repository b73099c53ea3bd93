"""Inpatients by length of stay that do not add up to the total.

入院精神障害者数: 3か月未満 + 3か月以上1年未満 + 1年以上 should equal 合計
(川口市: 92 + 65 + 187 = 344).
Checked when all four counts are known; reported at the 合計 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, inpatient_line, is_number
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS201"
NAME = "inpatient-total"
SEVERITY = "error"


TITLE_JA = "在院期間別の入院患者数の和が合計と合わない"
WHAT_JA = """入院精神障害者数: 3か月未満 + 3か月以上1年未満 + 1年以上 は合計と等しいはずです
（川口市: 92 + 65 + 187 = 344）。四つの数がすべて分かるときに検査し、合計の行で報告します。"""
WHY = Template(
    "Counts that do not add up mean one of them is wrong, and every rate built on them is too.",
    "和が合わないのはどれかの数が誤っているためで、それを使う割合もすべて誤ります。",
)
FIX = Template(
    "Correct the 合計 or the count that was mistyped, so that the three add up to it.",
    "合計か、打ち間違えた数を直し、三つの和が合計と等しくなるようにしてください。",
)
EXAMPLE = Example(
    "入院精神障害者数 （R2年6月時点） ※630調査\t合計\t345\t人",
    "入院精神障害者数 （R2年6月時点） ※630調査\t合計\t344\t人",
)
SUM = Template(
    "入院精神障害者数: {a:,} + {b:,} + {c:,} = {sum:,}, but 合計 is {total:,}",
    "入院精神障害者数: {a:,} + {b:,} + {c:,} = {sum:,} ですが、合計は {total:,} です",
)


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    values = [(inp.get(k) or {}).get("count") for k in INPATIENT_SHARES]
    counts = [c for c in values if is_number(c)]
    total = inp.get("total")
    if not is_number(total) or len(counts) != len(values):
        return
    if sum(counts) != total:
        a, b, c = counts
        yield Finding(
            inpatient_line(doc, "total"),
            SUM(a=a, b=b, c=c, sum=sum(counts), total=total),
        )
