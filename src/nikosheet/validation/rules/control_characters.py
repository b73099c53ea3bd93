"""NUL bytes or control characters in a text file: dropped, the rest read.

PDF converters sometimes leave NUL bytes or other control characters in the text they write.  A
file whose start is at most 1 % such characters is read without them (tabs, line ends and form
feeds are not counted: they are layout), and this says how many were dropped; a file with more is
refused as binary data (`unreadable-file`).  Nothing of the sheet's own text is lost, but a value
the characters sat inside may read differently from what the document shows: look at the lines
named in other findings.

Fails: `人口\\x00\\x00⇥604,894⇥人` (two NULs).  Passes: the same row without them.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS004"
NAME = "control-characters"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.CONTROL_CHARACTERS,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), d["message"])
