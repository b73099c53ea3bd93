"""Numbers: thousands separators, full-width digits, decimals."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import norm

MAX_DIGITS = 15
_NUM_RE = re.compile(r"(?<![0-9.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|千)?")
_SCALE = {"万": 10_000, "千": 1_000}


def numbers(text: str) -> list[float | int] | None:
    """Every number in the text, in order; None when a number is absurdly long (unreadable)."""
    if not text.isascii():
        text = norm(text)
    elif text.isdigit():  # the common cell: digits alone
        return [int(text)] if len(text) <= MAX_DIGITS else None
    out: list[float | int] = []
    for whole, frac, scale in _NUM_RE.findall(text):
        if "," in whole:
            whole = whole.replace(",", "")
        if len(whole) > MAX_DIGITS or len(frac) > MAX_DIGITS:
            return None
        value: float | int = float(f"{whole}.{frac}") if frac else int(whole)
        if scale:  # 65万 → 650000
            value = value * _SCALE[scale]
            value = int(value) if float(value).is_integer() else value
        out.append(value)
    return out
