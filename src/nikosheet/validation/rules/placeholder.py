"""A placeholder of the template left unfilled.

The template prints placeholders for the body to replace: `R●年度`, `令和〇年`, `○○`, `●●`.  One
left in the sheet (柏市's long-term schedule: `R●年度 事業利用終了、自治体で推進`) means a value
was never filled in; it is null in the document.  Found where the parser reports it and in any text
of the document; text without a line of its own is reported at its section's heading (before section 1: at
no line).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.parsing.values.template import is_placeholder
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said, section_line, short
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS303"
NAME = "placeholder"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.PLACEHOLDER,)  # the parser's diagnostics this rule reports


TITLE_JA = "記入されずに残った様式のひな形"
WHAT_JA = """様式には、自治体が書き換えるためのひな形（R●年度、令和〇年、○○、●●）があります。それが残っていると、
値が記入されなかったことになり、文書では null になります（柏市の長期スケジュール「R●年度 事業利用終了、
自治体で推進」）。パーサーが報告したものと、文書のあらゆる文章から探します。行のない文章は、
その節の見出しで報告します（第1節より前は行なし）。"""
WHY = Template(
    "A placeholder is not an answer: the value is unknown, and the sheet reads as unfinished.",
    "ひな形は回答ではなく、値は不明になり、シートは未完成に見えます。",
)
FIX = Template(
    "Replace the placeholder with the real value (R8年度, the name), or delete the row.",
    "ひな形を実際の値（R8年度、名称など）に置き換えるか、その行を削除してください。",
)
EXAMPLE = Example("R●年度\t事業利用終了、自治体で推進", "R9年度\t事業利用終了、自治体で推進")
IN_TEXT = Template("unfilled placeholder in {text!r}", "「{text}」にひな形が残っています")


def _texts(value: object, line: int | None) -> Iterator[tuple[int | None, str]]:
    if isinstance(value, dict):
        line = value.get("line", line) if isinstance(value.get("line"), int) else line
        for k, v in value.items():
            if k != "line":
                yield from _texts(v, line)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v, line)
    elif isinstance(value, str):
        yield line, value


def check(doc: Data) -> Iterator[Finding]:
    seen: set[int | None] = set()
    for d in diagnostics(doc, "placeholder"):
        seen.add(d.get("line"))
        yield Finding(d.get("line"), said(d))
    parts = [(k, section_line(doc, k)) for k in SECTION_KEYS]
    for key, line in [("slogan", None), ("vision", None), *parts]:
        for at, text in _texts(doc.get(key), line):
            if at in seen or not is_placeholder(text):
                continue
            seen.add(at)
            yield Finding(at, IN_TEXT(text=short(text)))
