"""A 65-year split of the inpatients that does not add up to 1年以上.

入院精神障害者数: うち65歳未満 + うち65歳以上 is a breakdown of the inpatients staying 1年以上
(川口市: 67 + 120 = 187).  When it adds up to the 合計 instead (柏市: 119 + 221 = 340, while
1年以上 is 236), the sheet has split all inpatients by age, not the long-stay ones: a warning, since
the numbers are consistent but mean something else than the template asks; analysts comparing
bodies should know.  When it adds up to neither, it is an error.  Reported at the うち65歳 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, inpatient_line, is_number

CODE = "NS204"
NAME = "inpatient-age-split"
SEVERITY = "error"


TITLE_JA = "65歳での内訳が1年以上の人数と合わない"
WHAT_JA = """入院精神障害者数: うち65歳未満 + うち65歳以上 は、
1年以上入院している人の内訳です（川口市: 67 + 120 = 187）。和が合計と等しいとき（柏市: 119 + 221 = 340、
1年以上は 236）は、長期入院の人ではなく入院患者全体を年齢で分けています。
数は整合していても様式の求めと意味が違うので warning です（自治体を比べる人は知っておくべきです）。
どちらとも合わなければ error です。うち65歳の行で報告します。"""
WHY = Template(
    "The split is compared across bodies as long-stay patients by age: another split compares unlike things.",
    "この内訳は長期入院患者の年齢別として自治体間で比べられます。別の内訳では比べられません。",
)
FIX = Template(
    "Split the 1年以上 inpatients by age, so that the two add up to 1年以上.",
    "1年以上の入院患者を年齢で分け、二つの和が1年以上の人数と等しくなるようにしてください。",
)
EXAMPLE = Example("\t\tうち65歳未満\t77\t人", "\t\tうち65歳未満\t67\t人")
SPLITS_TOTAL = Template(
    "入院精神障害者数: the 65-year split {young:,} + {old:,} = {split:,} adds up to the 合計 ({total:,}), "
    "not to 1年以上{over}: it splits all inpatients by age, not the long-stay ones",
    "入院精神障害者数: 65歳での内訳 {young:,} + {old:,} = {split:,} が1年以上{over}ではなく合計（{total:,}）と"
    "等しくなっています。長期入院の人でなく、入院患者全体を年齢で分けています",
)
OVER = Template(" ({over:,})", "（{over:,}）")
NOT_OVER = Template(
    "入院精神障害者数: the 65-year split {young:,} + {old:,} = {split:,} does not add up to 1年以上 ({over:,})",
    "入院精神障害者数: 65歳での内訳 {young:,} + {old:,} = {split:,} が1年以上（{over:,}）と合いません",
)


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
        over_text = OVER(over=over) if is_number(over) else ""
        yield Finding(
            line,
            SPLITS_TOTAL(young=young, old=old, split=split, total=total, over=over_text),
            "warning",
        )
    elif is_number(over):
        yield Finding(
            line,
            NOT_OVER(young=young, old=old, split=split, over=over),
        )
