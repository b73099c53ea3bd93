"""A count of councils set up that is larger than its total.

協議の場の設置状況 gives the councils set up out of the regions or municipalities: `27 / 35`
(27 of 35 municipalities) is fine, `36 / 35` is not.  A total of zero with councils set up is an
error too.  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, is_number, setup_rows

CODE = "NS305"
NAME = "council-setup-count"
SEVERITY = "error"


TITLE_JA = "設置数が総数より大きい協議の場"
WHAT_JA = """協議の場の設置状況は、圏域や市町村のうち協議の場を設置した数を示します。
「27 / 35」（35 市町村中 27）はよく、「36 / 35」はいけません。総数が 0 なのに設置があるのも error です。
その行で報告します。"""
WHY = Template(
    "More councils set up than there are places is impossible: one of the two numbers is wrong.",
    "場所の数より多く設置することはできず、どちらかの数が誤っています。",
)
FIX = Template(
    "Correct the count or the total: set up / total, as 27 / 35.",
    "設置数か総数を直してください（設置数 / 総数、例: 27 / 35）。",
)
EXAMPLE = Example("\t市町村\t(有) 無\t2 / 1 か所/市町村数", "\t市町村\t(有) 無\t1 / 1 か所/市町村数")
MORE_THAN_TOTAL = Template(
    "協議の場の設置状況 {label}: {count} set up out of {total} is more than the total",
    "協議の場の設置状況 {label}: {total} のうち {count} の設置は、総数を超えています",
)


def check(doc: Data) -> Iterator[Finding]:
    for _, label, s in setup_rows(doc):
        count, total = s.get("count"), s.get("total")
        if is_number(count) and is_number(total) and count > total:
            yield Finding(s.get("line"), MORE_THAN_TOTAL(label=label, count=count, total=total))
