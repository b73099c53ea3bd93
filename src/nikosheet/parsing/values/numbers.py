"""Numbers: thousands separators, full-width digits, decimals."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import norm
from nikosheet.parsing.memo import cached

MAX_DIGITS = 15
_NUM_RE = re.compile(r"(?<![0-9.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|千)?")
_SCALE = {"万": 10_000, "千": 1_000}


def numbers(text: str) -> list[float | int] | None:
    """Every number in the text, in order; None when a number is absurdly long (unreadable)."""
    if text.isascii() and text.isdigit():  # the common cell: digits alone
        return [int(text)] if len(text) <= MAX_DIGITS else None
    found = _numbers(text)
    return None if found is None else list(found)


# each caller gets a list of its own.  The memo's bound: at 256 it was cleared every dozen sheets, and
# half its misses were cells asked before (the same values come back across a batch's sheets); at the
# usual 4,096 it held a few MiB more at 3,000 sheets than at 300 (peak memory)
@cached(limit=1024)
def _numbers(text: str) -> tuple[float | int, ...] | None:
    if not text.isascii():
        text = norm(text)
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
    return tuple(out)
