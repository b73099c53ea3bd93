"""The records of what changed between two sheets, and how two values are told apart.

Values are compared in a normalised form (NFKC, no white space), so that a full-width digit or a
line broken in another place is no change; the records keep the values as the sheets write them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, fields
from typing import Any, Literal

from nikosheet.plain import Data

Kind = Literal["added", "removed", "changed"]
PERCENT = "％"
YEAR = "年度"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between OLD and NEW.

    `field` is the document's path of the value within its item or section (`population.value`,
    `actual`); None for an item or a section added or removed.  `key` names the item a value
    belongs to (an indicator's, a council's name); None for the statistics of section 1.  An
    unknown value is None, never 0; `difference` is NEW − OLD when both are numbers.  Lines are
    those of the sheets' text (for a PDF or DOCX, of what `nikosheet extract` prints), with a PDF's page.
    """

    section: str  # the document's key (`basic_info`), or `sheet` for what comes before section 1
    kind: Kind
    field: str | None
    key: str | None
    label: str  # the sheet's own words for the value or the item
    old: Any = None
    new: Any = None
    difference: int | float | None = None
    unit: str | None = None
    old_line: int | None = None
    new_line: int | None = None
    old_page: int | None = None  # the page of a PDF's line
    new_page: int | None = None

    def as_data(self) -> Data:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def normal(text: str) -> str:
    """The form two texts are compared in: NFKC, without white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def same(old: object, new: object) -> bool:
    """Whether two values of the document say the same thing (texts compared normalised)."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, str) and isinstance(new, str):
        return normal(old) == normal(new)
    if isinstance(old, list) and isinstance(new, list):  # a list of texts: the same items in any order
        if all(isinstance(t, str) for t in old + new):
            return sorted(map(normal, old)) == sorted(map(normal, new))
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(same(v, new[k]) for k, v in old.items())
    return old == new


def left_out(texts: list[str], others: list[str]) -> list[str]:
    """The texts of a list that the other list does not hold (as many times as it holds them fewer),
    compared normalised, in the list's order."""
    left = Counter(normal(t) for t in others)
    out = []
    for text in texts:
        key = normal(text)
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(text)
    return out


_AMOUNT_RE = re.compile(r"([+-]?\d[\d,]*(?:\.\d+)?)(\D{0,4})")


def amount(value: object) -> tuple[int | float, str | None] | None:
    """A number, or a text that is one number and its unit (`10件`, `3回/年`): (number, unit)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return value, None
    if not isinstance(value, str):
        return None
    m = _AMOUNT_RE.fullmatch(normal(value))
    if m is None:
        return None
    digits = m.group(1).replace(",", "")
    return (float(digits) if "." in digits else int(digits)), (m.group(2) or None)


_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")


def difference(old: object, new: object) -> tuple[int | float | None, str | None]:
    """NEW − OLD when both are numbers (or both one number with the same unit), with that unit; in
    months when both are ISO months (`2023-05`)."""
    months = [_MONTH_RE.fullmatch(v) if isinstance(v, str) else None for v in (old, new)]
    if months[0] and months[1]:
        a_month, b_month = (int(m.group(1)) * 12 + int(m.group(2)) for m in months if m)
        return b_month - a_month, "か月"
    a, b = amount(old), amount(new)
    if a is None or b is None or a[1] != b[1]:
        return None, None
    delta = b[0] - a[0]
    if isinstance(delta, float):
        delta = round(delta, max(_decimals(a[0]), _decimals(b[0])))
    return delta, a[1]


def _decimals(x: int | float) -> int:
    text = repr(x)
    return len(text) - text.index(".") - 1 if "." in text else 0
