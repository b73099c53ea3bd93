"""A share of the inpatients that disagrees with its count and the total.

入院精神障害者数: the 構成割合 written beside a count should be count ÷ 合計 × 100, within one unit of the last
decimal shown (rounding or truncation): 川口市's 92 of 344 is 26.74 %, written 26.7.  Checked for
each row whose count and percent are known, when the total is known; reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, inpatient_line, is_number
from nikosheet.validation.rules.inpatient_percent_sum import unit
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS203"
NAME = "inpatient-percent"
SEVERITY = "error"


TITLE_JA = "人数と合計に合わない入院患者の構成割合"
WHAT_JA = """入院精神障害者数: 人数の横に書く構成割合は 人数 ÷ 合計 × 100 で、
示された最後の桁の1単位以内（四捨五入か切り捨て）のはずです。川口市の 344 人中 92 人は 26.74 % で、
26.7 と書かれています。人数と割合が分かる行ごとに、合計が分かるときに検査し、その行で報告します。"""
WHY = Template(
    "A share that disagrees with its count is a typing error in one of them.",
    "人数と合わない割合は、どちらかの打ち間違いです。",
)
FIX = Template(
    "Recompute the share as count ÷ 合計 × 100, or correct the count.",
    "割合を 人数 ÷ 合計 × 100 で計算し直すか、人数を直してください。",
)
EXAMPLE = Example("\t3か月未満 （％：構成割合）\t92 27.6\t人 ％", "\t3か月未満 （％：構成割合）\t92 26.7\t人 ％")
DISAGREES = Template(
    "入院精神障害者数 {label}: {percent:g} % does not agree with {count:,} of {total:,} ({expected:.1f} %)",
    "入院精神障害者数 {label}: {percent:g} % は {total:,} 人中 {count:,} 人（{expected:.1f} %）と合いません",
)


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    total = inp.get("total")
    if not is_number(total) or total <= 0:
        return
    for key, label in INPATIENT_SHARES.items():
        share = inp.get(key) or {}
        count, percent = share.get("count"), share.get("percent")
        if not is_number(count) or not is_number(percent):
            continue
        expected = count / total * 100
        if abs(expected - percent) > unit(percent) + 1e-9:
            yield Finding(
                inpatient_line(doc, key),
                DISAGREES(label=label, percent=percent, count=count, total=total, expected=expected),
            )
