"""An indicator listed twice.

Within section 4's indicators, or within section 5's, two indicators with the same name (compared
without white space, full-width and half-width alike) or the same number (two ②) are probably a
row copied and not edited.  Reported at the second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, key_text, numbered
from nikosheet.vocabulary import CIRCLED

CODE = "NS503"
NAME = "duplicate-indicator"
SEVERITY = "warning"


def _check(indicators: list[Data], where: str) -> Iterator[Finding]:
    names: dict[str, int | None] = {}
    numbers: dict[int, int | None] = {}
    for ind in indicators:
        line = ind.get("line")
        what = numbered(ind.get("number"), ind.get("name"))
        name = key_text(ind.get("name"))
        number = ind.get("number")
        if name and name in names:
            yield Finding(line, f"{where} indicator {what} is listed twice (first at line {names[name]})")
        elif isinstance(number, int) and number in numbers:
            mark = CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)
            yield Finding(line, f"{where} has two indicators numbered {mark} (first at line {numbers[number]})")
        if name:
            names.setdefault(name, line)
        if isinstance(number, int):
            numbers.setdefault(number, line)


def check(doc: Data) -> Iterator[Finding]:
    yield from _check((doc.get("outcomes") or {}).get("indicators") or [], "section 4")
    yield from _check((doc.get("strengths_and_issues") or {}).get("indicators") or [], "section 5")
