"""Frequencies: 2回/年, 年6回, 月1回, 週1回, 随時."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import squeeze
from nikosheet.parsing.memo import cached

_PER = {"年": 1, "半期": 2, "四半期": 4, "月": 12, "週": 52}
_RE_LEAD = re.compile(r"(年|半期|四半期|月|週|毎月|毎週)(?:ごとに|に|で)?(\d{1,4})回")
_RE_TRAIL = re.compile(r"(\d{1,4})回[/／](年|月|週)")  # 4回/年度 too
_RE_PLAIN = re.compile(r"(?<!\d)(\d{1,4})回")


_RE_EVERY = re.compile(r"(\d{1,2})(?:か|カ|ヵ|ヶ|ケ)?月に(\d{1,3})回")  # 2か月に1回 → 6
_RE_HALF = re.compile(r"半年(?:ごとに|に|で)?(\d{1,3})回")
_RE_RANGE = re.compile(r"\d{1,4}[~〜～\-][\d]{1,4}回")
_FIXED = (("隔月", 6), ("隔週", 26), ("四半期", 4), ("半期", 2), ("毎月", 12), ("毎週", 52), ("毎年", 1))


@cached()  # frequencies repeat (年4回, 随時)
def per_year(text: str) -> int | None:
    """Meetings a year; None for 随時, 未定, ranges such as 年2～3回, or anything unreadable."""
    s = squeeze(text)
    if _RE_RANGE.search(s):
        return None
    m = _RE_EVERY.search(s)
    if m and int(m.group(1)) and 12 % int(m.group(1)) == 0:
        return 12 // int(m.group(1)) * int(m.group(2))
    m = _RE_HALF.search(s)
    if m:
        return 2 * int(m.group(1))
    m = _RE_TRAIL.search(s)
    if m:
        return int(m.group(1)) * _PER[m.group(2)]
    m = _RE_LEAD.search(s)
    if m:
        unit = m.group(1).removeprefix("毎")
        return int(m.group(2)) * _PER[unit]
    for word, n in _FIXED:
        if word in s:
            return n
    m = _RE_PLAIN.search(s)
    if m and ("年" in s or "/年" in s):
        return int(m.group(1))
    return None
