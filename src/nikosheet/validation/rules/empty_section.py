"""A section is present but has no content, or its table was not read.

The heading is there but nothing below it was read: no text, no table rows.  Often the section was
a figure whose text did not survive the conversion to text; then the content has to be typed in or
taken from the original.  Reported at the section's heading.

A section whose lines are there but whose table (基本情報, the indicators, the councils, the
schedule …) was not read as a table is reported too, from the parser's `missing-table` diagnostic:
the converter wrote the table in a form the parser does not know (one cell per line, say), and its
lines are kept as text or unparsed, not taken for values.  Fails: section 7 with the councils' cells
one per line.  Passes: the same rows tab-separated.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics, section_line, section_name
from nikosheet.vocabulary import SECTION_KEYS

CODE = "NS102"
NAME = "empty-section"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_TABLE,)  # the parser's diagnostics this rule reports

# values that a header row alone fills in; they are not content
_META = {"period", "target_as_of", "actual_as_of", "current_as_of", "name"}


def has_content(value: object, top: bool = True) -> bool:
    if isinstance(value, dict):
        return any(has_content(v, False) for k, v in value.items() if k != "line" and not (top and k in _META))
    if isinstance(value, list):
        return any(has_content(v, False) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def check(doc: Data) -> Iterator[Finding]:
    for key in SECTION_KEYS:
        part = doc.get(key)
        if part is None or has_content(part):
            continue
        yield Finding(
            section_line(doc, key),
            f"{section_name(doc, key)} has no content (a figure whose text was lost in conversion?)",
        )
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), d["message"])
