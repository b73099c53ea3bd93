"""A section is present but has no content, or its table was not read.

The heading is there but nothing below it was read: no text, no table rows.  Often the section was
a figure whose text did not survive the conversion to text; then the content has to be typed in or
taken from the original.  Reported at the section's heading.

A section whose lines are there but whose table (基本情報, the indicators, the councils, the
schedule …) was not read as a table is reported too, from the parser's `missing-table` diagnostic:
the converter wrote the table in a form the parser does not know (one cell per line, say), and its
lines are kept as text or unparsed, not taken for values.  Fails: section 7 with the councils' cells
one per line.  Passes: the same rows tab-separated.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said, section_line, section_name
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS102"
NAME = "empty-section"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_TABLE,)  # the parser's diagnostics this rule reports

# values that a header row alone fills in; they are not content
_META = {"period", "target_as_of", "actual_as_of", "current_as_of", "name"}


TITLE_JA = "節があるのに内容がない、または表が読めない"
WHAT_JA = """見出しはあるのに、その下に何も読めません（文章も表の行もありません）。多くは図だった節で、
テキストへの変換で文字が残らなかったものです。内容を入力するか、元の資料から写してください。節の見出しで報告します。
行はあるのに表（基本情報、指標、協議の場、スケジュールなど）を表として読めなかった節も、
パーサーの missing-table から報告します。変換ソフトが、パーサーの知らない形（1セル1行など）で表を書いたもので、
その行は値として読まれず、文章または未解析として残ります。"""
WHY = Template(
    "A section with nothing read is missing from the data, though its heading is there.",
    "何も読めない節は、見出しがあってもデータには入りません。",
)
FIX = Template(
    "Type the section's text in (a figure's text is lost in conversion), or keep its table as a table.",
    "節の文章を入力してください（図の文字は変換で失われます）。表は表の形のまま残してください。",
)
NO_CONTENT = Template(
    "{section} has no content (a figure whose text was lost in conversion?)",
    "{section}に内容がありません（変換で文字が失われた図でしょうか）",
)
_HEADING = "## 3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n"
EXAMPLE = Example(_HEADING, _HEADING + "R3年度\t協議の場の設置に向けた準備を開始\n")


def has_content(value: object, top: bool = True) -> bool:
    if isinstance(value, dict):
        return any(has_content(v, False) for k, v in value.items() if k != "line" and not (top and k in _META))
    if isinstance(value, list):
        return any(has_content(v, False) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def check(doc: Data) -> Iterator[Finding]:
    for key in SECTION_KEYS:
        part = doc.get(key)
        if part is None or has_content(part):
            continue
        yield Finding(
            section_line(doc, key),
            NO_CONTENT(section=section_name(doc, key)),
        )
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), said(d))
