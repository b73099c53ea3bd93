"""A 有・無 choice with neither option marked.

`有・無` with nothing marked means the circle of the PDF was lost, or never drawn: the answer is
unknown (null in the document).  川口市's 精神領域に関する議論を行う部会の有無 is such a case.

The rows of 協議の場の設置状況 carry a count beside the choice.  When the count cell is filled in
(`1 / 1`), it already answers the question, so the unmarked choice is only info.  The 都道府県 and
障害保健福祉圏域 rows of a city or special ward, left empty, are usually not applicable: info too.
Any other unmarked choice is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, diagnostics, is_single_municipality, setup_rows

CODE = "NS301"
NAME = "unmarked-choice"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.UNMARKED_CHOICE,)  # the parser's diagnostics this rule reports


def _setups(doc: Data) -> dict[int, tuple[str, Data]]:
    return {s["line"]: (k, s) for k, _, s in setup_rows(doc) if s.get("line") is not None}


def check(doc: Data) -> Iterator[Finding]:
    setups = _setups(doc)
    city = is_single_municipality(doc)
    for d in diagnostics(doc, "unmarked-choice"):
        line = d.get("line")
        hit = setups.get(line) if line is not None else None
        if hit is None:
            yield Finding(line, f"{d['message']}: the answer is unknown")
            continue
        key, s = hit
        text = (s.get("text") or "").strip()
        count = s.get("count")
        if count is not None:
            implied = "有" if count > 0 else "無"
            yield Finding(line, f"{d['message']}; the count {text!r} implies {implied}", "info")
        elif any(ch.isdigit() for ch in text):
            yield Finding(line, f"{d['message']}; the count cell {text!r} is filled in", "info")
        elif city and key != "municipality":
            yield Finding(line, f"{d['message']} and no count given: not applicable to a city or ward?", "info")
        else:
            yield Finding(line, f"{d['message']} and no count given: the answer is unknown")
