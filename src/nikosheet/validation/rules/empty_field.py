"""A field outside section 1 left empty.

Worth knowing, not necessarily wrong: an empty スモールステップ or 事業利用予定年数, an indicator
row with nothing filled in, a year of the long-term schedule or a month of this year's schedule with
nothing planned (柏市's R8年度).  Empty statistics of section 1 are `empty-statistic`; a council
without a frequency is `council-without-frequency`.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, in_section, said

CODE = "NS505"
NAME = "empty-field"
SEVERITY = "info"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE, Diagnostic.EMPTY_ROW)  # the parser's diagnostics this rule reports


TITLE_JA = "第1節以外の空欄"
WHAT_JA = """知っておくとよいことで、誤りとは限りません。空欄のスモールステップや事業利用予定年数、
何も記入されていない指標の行、長期スケジュールの年度や今年度のスケジュールの月で予定が空のもの（柏市の R8年度）。
第1節の統計の空欄は empty-statistic、開催頻度のない協議の場は council-without-frequency が報告します。"""
WHY = Template(
    'An empty field is unknown in the data: readers cannot tell "nothing" from "not filled in".',
    "空欄はデータでは不明になり、「何もない」のか「未記入」なのか読み手には分かりません。",
)
FIX = Template(
    "Fill the field in, or write なし if there is nothing.",
    "記入してください。何もなければ「なし」と書いてください。",
)
EXAMPLE = Example("<p>スモール ステップ</p>\t\t", "<p>スモール ステップ</p>\t<p>実務者会議で目標を共有する</p>\t")
NOTHING_PLANNED = Template("{label}: nothing planned", "{label}: 予定が記入されていません")


def check(doc: Data) -> Iterator[Finding]:
    councils = {m.get("line") for m in (doc.get("councils") or {}).get("meetings") or []}
    reported: set[int | None] = set()
    for d in diagnostics(doc, "missing-value", "empty-row"):
        line = d.get("line")
        if in_section(doc, "basic_info", line) or line in councils:
            continue
        reported.add(line)
        yield Finding(line, said(d))
    for row in (doc.get("long_term_schedule") or {}).get("plan") or []:
        if row.get("label") and not row.get("item") and not row.get("actions") and row.get("line") not in reported:
            yield Finding(row.get("line"), NOTHING_PLANNED(label=row["label"]))
    for it in (doc.get("annual_schedule") or {}).get("items") or []:
        if it.get("label") and not it.get("item") and not it.get("actions") and it.get("line") not in reported:
            yield Finding(it.get("line"), NOTHING_PLANNED(label=it["label"]))
