"""A field outside section 1 left empty.

Worth knowing, not necessarily wrong: an empty スモールステップ or 事業利用予定年数, an indicator
row with nothing filled in, a year of the long-term schedule or a month of this year's schedule with
nothing planned (柏市's R8年度).  Empty statistics of section 1 are `empty-statistic`; a council
without a frequency is `council-without-frequency`.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics, in_section

CODE = "NS505"
NAME = "empty-field"
SEVERITY = "info"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE, Diagnostic.EMPTY_ROW)  # the parser's diagnostics this rule reports


def check(doc: Data) -> Iterator[Finding]:
    councils = {m.get("line") for m in (doc.get("councils") or {}).get("meetings") or []}
    reported: set[int | None] = set()
    for d in diagnostics(doc, "missing-value", "empty-row"):
        line = d.get("line")
        if in_section(doc, "basic_info", line) or line in councils:
            continue
        reported.add(line)
        yield Finding(line, d["message"])
    for row in (doc.get("long_term_schedule") or {}).get("plan") or []:
        if row.get("label") and not row.get("item") and not row.get("actions") and row.get("line") not in reported:
            yield Finding(row.get("line"), f"{row['label']}: nothing planned")
    for it in (doc.get("annual_schedule") or {}).get("items") or []:
        if it.get("label") and not it.get("item") and not it.get("actions") and it.get("line") not in reported:
            yield Finding(it.get("line"), f"{it['label']}: nothing planned")
