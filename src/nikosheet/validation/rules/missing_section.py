"""A required section is missing.

Every sheet has sections 1 to 7 and an annual schedule (section 8 of the FY2023 template, section 9
of the FY2024 template); a sheet of the FY2024 template also has the long-term schedule (section 8).
A section is known by the meaning of its title, not by its number.

The problem is reported at the heading of the next section that is present (where the missing one
was expected), or at the last line of the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, section_line
from nikosheet.vocabulary import SECTION_KEYS, SECTION_LABELS

CODE = "NS101"
NAME = "missing-section"
SEVERITY = "error"


TITLE_JA = "必要な節がない"
WHAT_JA = """どのシートにも第1節から第7節と今年度のスケジュール（令和5年度様式の第8節、
令和6年度様式の第9節）があり、令和6年度様式には長期スケジュール（第8節）もあります。
節は番号ではなく見出しの意味で見分けます。ない節があるはずだった位置、つまり次にある節の見出しか、
ファイルの最終行で報告します。"""
WHY = Template(
    "A missing section is missing from every table of all bodies, and the sheet is incomplete.",
    "ない節は全自治体のどの一覧表からも抜け、シートは未完成です。",
)
FIX = Template(
    "Add the section with the template's heading (５．強みと課題 …) and its content.",
    "様式の見出し（５．強みと課題 など）と内容で、その節を加えてください。",
)
EXAMPLE = Example(
    "協議の場の実施状況（別紙参照）", "## 7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況"
)
NO_SECTION = Template("the sheet has no {label} section ({key})", "シートに「{label}」の節がありません（{key}）")


def required(doc: Data) -> list[str]:
    keys = [k for k in SECTION_KEYS if k != "long_term_schedule"]
    if doc.get("template") == 2024:
        keys.insert(keys.index("annual_schedule"), "long_term_schedule")
    return keys


def check(doc: Data) -> Iterator[Finding]:
    for key in required(doc):
        if doc.get(key) is not None:
            continue
        lines = [section_line(doc, k) for k in SECTION_KEYS[SECTION_KEYS.index(key) + 1 :]]
        later = [ln for ln in lines if ln is not None]
        line = min(later) if later else (doc.get("source") or {}).get("line_count") or None
        yield Finding(line, NO_SECTION(label=SECTION_LABELS[key], key=key))
