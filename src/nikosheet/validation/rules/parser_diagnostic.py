"""A doubt of the parser that no other rule covers.

The parser records everything it read with doubt in the document's `diagnostics`; the rules above
report them under their own codes.  A diagnostic of a kind no rule knows (a newer parser than its
rules) is reported here, with the parser's code in the message and the parser's severity, so that
nothing the parser doubted goes unseen.  Template guidance printed outside the tables
(`template-guidance`) is the template's own text, and look-alike characters folded back
(`folded-characters`) are a converter's doing: neither is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS109"
NAME = "parser-diagnostic"
SEVERITY = "warning"
# not a problem of the sheet
SILENT = (Diagnostic.TEMPLATE_GUIDANCE, Diagnostic.FOLDED_CHARACTERS, Diagnostic.CONVERTER_SPACES)


def claimed() -> set[str]:
    from nikosheet.validation.rules import REGISTRY

    out: set[str] = set(SILENT)
    for rule in REGISTRY.values():
        if rule.CODE != CODE:
            out.update(getattr(rule, "DIAGNOSTICS", ()))
    return out


def check(doc: Data) -> Iterator[Finding]:
    known = claimed()
    for d in doc.get("diagnostics") or []:
        if d.get("code") in known:
            continue
        severity = d.get("severity") if d.get("severity") in ("error", "warning", "info") else None
        yield Finding(d.get("line"), f"{d.get('code')}: {d.get('message')}", severity)
