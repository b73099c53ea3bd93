"""A file that ends in the middle of a character.

The last bytes of the file are an incomplete character: the file was probably cut off while it was
copied or saved, and text at its end may be missing.  The incomplete character is dropped and the
rest is read.  Reported at the last line.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics

CODE = "NS003"
NAME = "truncated-file"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.TRUNCATED_FILE,)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), d["message"])
