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
from nikosheet.parsing.values.template import is_placeholder
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics, section_line, short
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS303"
NAME = "placeholder"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.PLACEHOLDER,)  # the parser's diagnostics this rule reports


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
        yield Finding(d.get("line"), d["message"])
    parts = [(k, section_line(doc, k)) for k in SECTION_KEYS]
    for key, line in [("slogan", None), ("vision", None), *parts]:
        for at, text in _texts(doc.get(key), line):
            if at in seen or not is_placeholder(text):
                continue
            seen.add(at)
            yield Finding(at, f"unfilled placeholder in {short(text)!r}")
