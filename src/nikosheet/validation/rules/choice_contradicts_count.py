"""A 有・無 answer that its count contradicts.

協議の場の設置状況: `(有) 無` with a count of 0, or `有 (無)` with councils counted (`3 / 35`),
cannot both be right.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, is_number, setup_rows

CODE = "NS306"
NAME = "choice-contradicts-count"
SEVERITY = "warning"


TITLE_JA = "数と矛盾する有・無の回答"
WHAT_JA = """協議の場の設置状況で、「(有) 無」なのに数が 0、または「有 (無)」なのに設置数がある（3 / 35）のは、
両方とも正しいことはありえません。その行で報告します。"""
WHY = Template(
    "The answer and the count say opposite things: readers cannot tell which is true.",
    "回答と数が逆のことを言っていて、どちらが正しいか分かりません。",
)
FIX = Template(
    "Make the mark and the count agree: 有 with a count above 0, 無 with none.",
    "印と数を合わせてください。有なら 1 以上、無なら数なしです。",
)
EXAMPLE = Example("\t市町村\t有 (無)\t1 / 1 か所/市町村数", "\t市町村\t(有) 無\t1 / 1 か所/市町村数")
YES_BUT_ZERO = Template(
    "協議の場の設置状況 {label}: 有 is marked but the count is 0",
    "協議の場の設置状況 {label}: 有に印がありますが、数が 0 です",
)
NO_BUT_COUNTED = Template(
    "協議の場の設置状況 {label}: 無 is marked but the count is {count}",
    "協議の場の設置状況 {label}: 無に印がありますが、数が {count} です",
)


def check(doc: Data) -> Iterator[Finding]:
    for _, label, s in setup_rows(doc):
        if not is_number(s.get("count")):
            continue
        if s.get("exists") is True and s["count"] == 0:
            yield Finding(s.get("line"), YES_BUT_ZERO(label=label))
        elif s.get("exists") is False and s["count"] > 0:
            yield Finding(s.get("line"), NO_BUT_COUNTED(label=label, count=s["count"]))
