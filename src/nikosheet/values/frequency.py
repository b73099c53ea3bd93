"""Frequencies: 2回/年, 年6回, 月1回, 週1回, 随時."""

from __future__ import annotations

import re

from ..lines import squeeze

_PER = {"年": 1, "半期": 2, "四半期": 4, "月": 12, "週": 52}
_RE_LEAD = re.compile(r"(年|半期|四半期|月|週|毎月|毎週)(\d{1,4})回")
_RE_TRAIL = re.compile(r"(\d{1,4})回[/／](年|月|週)")
_RE_PLAIN = re.compile(r"(?<!\d)(\d{1,4})回")


def per_year(text: str) -> int | None:
    s = squeeze(text)
    m = _RE_TRAIL.search(s)
    if m:
        return int(m.group(1)) * _PER[m.group(2)]
    m = _RE_LEAD.search(s)
    if m:
        unit = m.group(1).removeprefix("毎")
        return int(m.group(2)) * _PER[unit]
    if "毎月" in s:
        return 12
    if "毎週" in s:
        return 52
    m = _RE_PLAIN.search(s)
    if m and ("年" in s or "/年" in s):
        return int(m.group(1))
    return None
