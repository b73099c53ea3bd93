"""Discharge rates outside 0–100 % or falling with time.

退院率: 入院後3か月時点, 入院後6か月時点 and 入院後1年時点 are shares of the patients admitted who
have left hospital by then, so each is between 0 and 100 % and none is smaller than an earlier one
(川口市: 62.0, 81.0, 88.0).  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, discharge_line, is_number
from nikosheet.vocabulary import DISCHARGE_RATES

CODE = "NS207"
NAME = "discharge-rates"
SEVERITY = "error"

LABELS = DISCHARGE_RATES


TITLE_JA = "0–100 % の外の退院率、または時とともに下がる退院率"
WHAT_JA = """退院率: 入院後3か月時点・6か月時点・1年時点は、入院した人のうちその時点までに退院した人の割合なので、
0 から 100 % の間で、前の時点より小さくなりません（川口市: 62.0、81.0、88.0）。その行で報告します。"""
WHY = Template(
    "A rate outside 0–100 % or one that falls is a typing error: the rates are cumulative.",
    "0–100 % の外や下がる退院率は打ち間違いです。退院率は累積なので下がりません。",
)
FIX = Template(
    "Correct the rate from its source; each is at least the one before it.",
    "出典から退院率を直してください。どの時点も前の時点以上です。",
)
EXAMPLE = Example("\t入院後6か月時点\t18.0\t％", "\t入院後6か月時点\t81.0\t％")
OUTSIDE = Template("退院率 {label} is {rate:g} %, outside 0–100 %", "退院率 {label} が {rate:g} % で、0–100 % の外です")
FALLS = Template(
    "退院率 {label} ({rate:g} %) is lower than {earlier} ({earlier_rate:g} %); the rates are cumulative",
    "退院率 {label}（{rate:g} %）が{earlier}（{earlier_rate:g} %）より低いです。退院率は累積です",
)


def check(doc: Data) -> Iterator[Finding]:
    rates = basic(doc).get("discharge_rates")
    if not rates:
        return
    prev: tuple[str, float] | None = None
    for key, label in LABELS.items():
        v = rates.get(key)
        if not is_number(v):
            continue
        if not 0 <= v <= 100:
            yield Finding(discharge_line(doc, key), OUTSIDE(label=label, rate=v))
        elif prev is not None and v < prev[1]:
            yield Finding(
                discharge_line(doc, key),
                FALLS(label=label, rate=v, earlier=prev[0], earlier_rate=prev[1]),
            )
        if 0 <= v <= 100:
            prev = (label, v)
