"""A line of the sheet that no field of the document took.

Every non-blank line should end up in a field, or be recognised as template text.  A line left in
`unparsed` is content that nikosheet could not place: a row the template does not have, a table
nikosheet does not know, or a layout it misread.  Check the line; if the sheet is right, the parser
may need to learn the layout.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, short

CODE = "NS106"
NAME = "unparsed-line"
SEVERITY = "warning"


def check(doc: Data) -> Iterator[Finding]:
    for u in doc.get("unparsed") or []:
        yield Finding(u.get("line"), f"line not read into any field: {short(u.get('text', ''))!r}")
