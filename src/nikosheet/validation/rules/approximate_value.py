"""A statistic written as an approximation (`約65万人`).

The number is read as written (650000) so the sheet can be compared with others, but it is not an
exact count: say so, so that an analyst can decide whether to use it.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostic_messages import explained
from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said

CODE = "NS208"
NAME = "approximate-value"
SEVERITY = "info"
DIAGNOSTICS = (Diagnostic.APPROXIMATE_VALUE,)


TITLE_JA = "概数で書かれた統計値（約65万人）"
WHAT_JA = """数は書かれたとおり（650000）に読み、他のシートと比べられるようにしますが、正確な数ではありません。
分析する人が使うかどうか判断できるよう知らせます。"""
WHY, FIX = explained(Diagnostic.APPROXIMATE_VALUE)[1:]
EXAMPLE = Example("人口（R5年4月時点）\t\t約60万\t人", "人口（R5年4月時点）\t\t604,894\t人")


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "approximate-value"):
        yield Finding(d.get("line"), said(d))
