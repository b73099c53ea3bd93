"""A statistic of section 1 is left empty.

The row is there but its value cell is empty (`入院後3か月時点⇥%`), so the value is unknown.  Rows
of 協議の場の設置状況 are left to `unmarked-choice` when neither 有 nor 無 is marked, and need no
count when 無 is marked.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, basic, diagnostics, in_section

CODE = "NS105"
NAME = "empty-statistic"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE,)  # the parser's diagnostics this rule reports


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
        message = d["message"]
        if s is not None:
            message += " although 有 is marked"
        yield Finding(line, message)
