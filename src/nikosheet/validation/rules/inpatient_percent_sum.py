"""Shares of the inpatients that do not add up to 100 %.

入院精神障害者数: the 構成割合 of 3か月未満, 3か月以上1年未満 and 1年以上 should add up to 100 %, within
rounding (two units of the last decimal shown: 99.9 and 100.1 pass for percents with one decimal).
Checked when all three percents are known; reported at the 合計 row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, inpatient_line, is_number
from nikosheet.vocabulary import INPATIENT_SHARES

CODE = "NS202"
NAME = "inpatient-percent-sum"
SEVERITY = "error"


TITLE_JA = "入院患者の構成割合の和が 100 % にならない"
WHAT_JA = """入院精神障害者数: 3か月未満・3か月以上1年未満・1年以上の構成割合の和は、
四捨五入の範囲で 100 % になるはずです（示された最後の桁の2単位まで。小数1桁なら 99.9 も 100.1 も可）。
三つの割合がすべて分かるときに検査し、合計の行で報告します。"""
WHY = Template(
    "Shares that do not add up to 100 % mean one of them is mistyped.",
    "和が 100 % にならない割合は、どれかが打ち間違いです。",
)
FIX = Template(
    "Recompute each share as count ÷ 合計 × 100, rounded to one decimal.",
    "各割合を 人数 ÷ 合計 × 100 で計算し直し、小数1桁に丸めてください。",
)
EXAMPLE = Example("\t1年以上（％：構成割合）\t\t187 64.4\t人 ％", "\t1年以上（％：構成割合）\t\t187 54.4\t人 ％")
SHARES = Template(
    "入院精神障害者数: the shares {a:g} + {b:g} + {c:g} add up to {total:.4g} %, not 100 %",
    "入院精神障害者数: 構成割合 {a:g} + {b:g} + {c:g} の和が 100 % ではなく {total:.4g} % です",
)


def unit(percent: float) -> float:
    """One unit of the last decimal shown: 26.7 → 0.1; 27.0 or 27 → 1 (the decimals are not known)."""
    if float(percent).is_integer():
        return 1.0
    decimals = len(repr(float(percent)).split(".")[1])
    return 10.0**-decimals


def check(doc: Data) -> Iterator[Finding]:
    inp = basic(doc).get("inpatients")
    if not inp:
        return
    values = [(inp.get(k) or {}).get("percent") for k in INPATIENT_SHARES]
    percents = [p for p in values if is_number(p)]
    if len(percents) != len(values):
        return
    total = sum(percents)
    tolerance = 2 * max(unit(p) for p in percents) + 1e-9
    if abs(total - 100) > tolerance:
        a, b, c = percents
        yield Finding(
            inpatient_line(doc, "total"),
            SHARES(a=a, b=b, c=c, total=total),
        )
