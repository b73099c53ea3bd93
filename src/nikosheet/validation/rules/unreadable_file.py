"""A file that cannot be read as a にも包括 sheet.

The file does not exist, cannot be opened, is not text in a known encoding (UTF-8, UTF-16 with a
byte-order mark, CP932), is too large, or has no section heading at all.  The message names the
reason.  Nothing else is checked in such a file; the other files of the run are still checked.

This rule is applied by the runner when it reads the file, so its check finds nothing in a parsed
document.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS001"
NAME = "unreadable-file"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    return iter(())
