"""A required section is missing.

Every sheet has sections 1 to 7 and an annual schedule (section 8 of the FY2023 template, section 9
of the FY2024 template); a sheet of the FY2024 template also has the long-term schedule (section 8).
A section is known by the meaning of its title, not by its number.

The problem is reported at the heading of the next section that is present (where the missing one
was expected), or at the last line of the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, section_line
from nikosheet.vocabulary import SECTION_KEYS, SECTION_LABELS

CODE = "NS101"
NAME = "missing-section"
SEVERITY = "error"


def required(doc: Data) -> list[str]:
    keys = [k for k in SECTION_KEYS if k != "long_term_schedule"]
    if doc.get("template") == 2024:
        keys.insert(keys.index("annual_schedule"), "long_term_schedule")
    return keys


def check(doc: Data) -> Iterator[Finding]:
    for key in required(doc):
        if doc.get(key) is not None:
            continue
        lines = [section_line(doc, k) for k in SECTION_KEYS[SECTION_KEYS.index(key) + 1 :]]
        later = [ln for ln in lines if ln is not None]
        line = min(later) if later else (doc.get("source") or {}).get("line_count") or None
        yield Finding(line, f"the sheet has no {SECTION_LABELS[key]} section ({key})")
