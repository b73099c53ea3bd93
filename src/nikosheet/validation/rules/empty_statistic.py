"""A statistic of section 1 is left empty.

The row is there but its value cell is empty (`入院後3か月時点⇥%`), so the value is unknown.  Rows
of 協議の場の設置状況 are left to `unmarked-choice` when neither 有 nor 無 is marked, and need no
count when 無 is marked.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, diagnostics, in_section, said

CODE = "NS105"
NAME = "empty-statistic"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE,)  # the parser's diagnostics this rule reports


TITLE_JA = "第1節の統計が空欄"
WHAT_JA = """行はあるのに値のセルが空欄（入院後3か月時点⇥%）で、値は不明です。
協議の場の設置状況の行で有も無も印がないときは unmarked-choice が報告し、無に印があるときは数は不要です。"""
WHY = Template(
    "Section 1's statistics are compared across all bodies: an empty one leaves a hole in every table.",
    "第1節の統計は全自治体で比べられます。空欄があると、どの一覧表にも穴が空きます。",
)
FIX = Template(
    "Fill the value in; write 0 if there are none, or note why it is not known (※未集計).",
    "値を記入してください。該当がなければ 0、分からないときはその理由（※未集計 など）を書いてください。",
)
EXAMPLE = Example("\t入院後6か月時点\t\t％", "\t入院後6か月時点\t81.0\t％")
ALTHOUGH_MARKED = Template("{diagnostic} although 有 is marked", "{diagnostic}（有に印があるのに）")


def _setup_rows(doc: Data) -> dict[int, Data]:
    setup = basic(doc).get("council_setup") or {}
    return {
        s["line"]: s
        for k in ("prefecture", "region", "municipality")
        if isinstance(s := setup.get(k), dict) and s.get("line") is not None
    }


def check(doc: Data) -> Iterator[Finding]:
    setups = _setup_rows(doc)
    for d in diagnostics(doc, "missing-value"):
        line = d.get("line")
        if line is None or not in_section(doc, "basic_info", line):
            continue
        s = setups.get(line)
        if s is not None and s.get("exists") is not True:
            continue
        yield Finding(line, said(d) if s is None else ALTHOUGH_MARKED(diagnostic=said(d)))
