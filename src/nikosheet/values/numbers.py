"""Numbers: thousands separators, full-width digits, decimals."""

from __future__ import annotations

import re

from ..lines import norm

MAX_DIGITS = 15
_NUM_RE = re.compile(r"(?<![0-9.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|千)?")
_ANY_DIGIT_RE = re.compile(r"\d")
_SCALE = {"万": 10_000, "千": 1_000}


def numbers(text: str) -> list[float | int] | None:
    """Every number in the text, in order; None when a number is absurdly long (unreadable)."""
    out: list[float | int] = []
    if not text.isascii():
        text = norm(text)
    if not _ANY_DIGIT_RE.search(text):
        return out
    for m in _NUM_RE.finditer(text):
        whole = m.group(1).replace(",", "")
        frac = m.group(2)
        if len(whole) > MAX_DIGITS or (frac and len(frac) > MAX_DIGITS):
            return None
        value: float | int = float(f"{whole}.{frac}") if frac else int(whole)
        if m.group(3):  # 65万 → 650000
            value = value * _SCALE[m.group(3)]
            value = int(value) if float(value).is_integer() else value
        out.append(value)
    return out

