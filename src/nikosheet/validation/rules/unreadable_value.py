"""A value that is there but cannot be read.

A number cell holding no number (`約三百`), a count cell such as `1 1 1`, a year that is not a
date, a frequency that gives no count a year.  The value is null in the document.  The severity is
the parser's: warning for numbers and dates, info for a frequency written in words.  Counts of
相談支援事業所 that are not whole numbers are `consultation-office-count` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics
from nikosheet.validation.rules.consultation_office_count import is_office_diagnostic

CODE = "NS107"
NAME = "unreadable-value"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.UNREADABLE_VALUE,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "unreadable-value"):
        if is_office_diagnostic(d):
            continue
        yield Finding(d.get("line"), d["message"], "info" if d.get("severity") == "info" else None)
