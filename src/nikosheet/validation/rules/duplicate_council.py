"""A council listed twice.

Two rows of section 7 with the same 名称 (compared without white space, full-width and half-width
alike) are probably a row copied and not edited.  Reported at the second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, key_text, short

CODE = "NS504"
NAME = "duplicate-council"
SEVERITY = "warning"


def check(doc: Data) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for m in (doc.get("councils") or {}).get("meetings") or []:
        name = key_text(m.get("name"))
        if not name:
            continue
        if name in seen:
            yield Finding(m.get("line"), f"council {short(m['name'])!r} is listed twice (first at line {seen[name]})")
        else:
            seen[name] = m.get("line")
