"""A required statistic of section 1 is missing.

The 基本情報 table of section 1 has a row for each of: 障害保健福祉圏域数, 市町村数, 人口,
精神科病院の数, 精神科病床数, 保健所数, 入院精神障害者数, 退院率, 相談支援事業所数,
（自立支援）協議会 and 協議の場の設置状況.  A row that is not there at all is an error (a row that is
there but empty is `empty-statistic`).  Reported at the line of the 基本情報 table's first row, or
at the section's heading.  Not checked when section 1 itself is missing (`missing-section`).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, section_line
from nikosheet.vocabulary import STATISTICS

CODE = "NS104"
NAME = "missing-statistic"
DIAGNOSTICS = (Diagnostic.MISSING_ROW,)  # the parser's diagnostics this rule reports
SEVERITY = "error"


TITLE_JA = "第1節に必要な統計がない"
WHAT_JA = """第1節の基本情報の表には、障害保健福祉圏域数、市町村数、人口、精神科病院の数、精神科病床数、保健所数、
入院精神障害者数、退院率、相談支援事業所数、（自立支援）協議会、協議の場の設置状況の行があります。
まったくない行は error です（行があって空欄なのは empty-statistic）。基本情報の表の最初の行か、
節の見出しで報告します。第1節自体がないときは検査しません（missing-section）。"""
WHY = Template(
    "The statistics of section 1 are compared across all bodies: a missing row is a gap in every table.",
    "第1節の統計は全自治体で比べられます。ない行は、どの一覧表でも欠けになります。",
)
FIX = Template(
    "Add the template's row for the statistic, with its value and 時点.",
    "その統計の様式の行を、値と時点とともに加えてください。",
)
EXAMPLE = Example(
    "人口（R5年4月時点）\t\t604,894\t人\t\n精神科病床数",
    "人口（R5年4月時点）\t\t604,894\t人\t\n精神科病院の数（R5年4月時点）\t\t2\t病院\t\n精神科病床数",
)
NO_ROW = Template("section 1 has no {label} row ({key})", "1．に「{label}」の行がありません（{key}）")


def check(doc: Data) -> Iterator[Finding]:
    info = doc.get("basic_info")
    if info is None:
        return
    lines = [q["line"] for q in info.values() if isinstance(q, dict) and q.get("line") is not None]
    where = min(lines) if lines else section_line(doc, "basic_info")
    for key, label in STATISTICS.items():
        if info.get(key) is None:
            yield Finding(where, NO_ROW(label=label, key=key))
