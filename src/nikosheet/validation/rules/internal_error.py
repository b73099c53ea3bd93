"""The parser or a rule failed on this file: a bug in nikosheet, not in the sheet.

The message names the exception; run again with `nikosheet --debug validate …` to see the
traceback, and report it.  The other rules and the other files are still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS002"
NAME = "internal-error"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    return iter(())
