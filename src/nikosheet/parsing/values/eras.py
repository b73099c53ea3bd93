"""Japanese eras: 令和/R, 平成/H, 昭和/S and 元年, to years, ISO dates and fiscal years."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import norm
from nikosheet.parsing.memo import cached

_ERAS = {"令和": 2018, "R": 2018, "r": 2018, "平成": 1988, "H": 1988, "h": 1988, "昭和": 1925, "S": 1925}
# 令和 5 年 4 月 / R5年度 / H29年 / 令和元年 / 2023年4月
_DATE_RE = re.compile(
    r"(令和|平成|昭和|(?<![A-Za-z])[RrHhS])[ \u3000]{0,3}(元|\d{1,2})[ \u3000]{0,3}年[ \u3000]{0,3}(度)?"
    r"(?:[ \u3000]{0,3}(\d{1,2})[ \u3000]{0,3}月)?"
    r"|(?<!\d)((?:19|20)\d{2})[ \u3000]{0,3}年[ \u3000]{0,3}(度)?(?:[ \u3000]{0,3}(\d{1,2})[ \u3000]{0,3}月)?"
)
# R6.4.1 / 令和5/4 / 2023/4/1 / 2023.4 (after NFKC, ．and ／ are . and /)
_DOTTED_RE = re.compile(
    r"(令和|平成|昭和|(?<![A-Za-z])[RrHhS])[ ]{0,2}(元|\d{1,2})[ ]{0,2}[./][ ]{0,2}(\d{1,2})(?![\d])"
    r"|(?<!\d)((?:19|20)\d{2})[ ]{0,2}[./-][ ]{0,2}(\d{1,2})(?!\d)"
)
_MONTH_RE = re.compile(
    r"(?<!\d)(\d{1,2})[ \u3000]{0,3}月?[ \u3000]{0,3}[～~〜\-ー−–][ \u3000]{0,3}\d{1,2}[ \u3000]{0,3}月"
    r"|(?<!\d)(\d{1,2})[ \u3000]{0,3}月"
)
# a year as sheets write one in a cell or a line, for other patterns to build on: an era's (`令和5`, `R 5`,
# `平成元`) and a Western one's (`2023`); 年 and 年度 are theirs to add
ERA_YEAR = r"(?:令和|平成|[RH])\s*(?:\d{1,2}|元)"
YEAR = rf"(?:(?:19|20)\d{{2}}|{ERA_YEAR})"
_PLACEHOLDER_YEAR_RE = re.compile(r"(令和|平成|[RH])[ \u3000]{0,3}[●〇○◯▲△×＿_]+[ \u3000]{0,3}年")


class EraDate:
    """A date read from text: year, whether it named a fiscal year (年度), and month."""

    __slots__ = ("fiscal", "month", "year")

    def __init__(self, year: int, fiscal: bool, month: int | None):
        self.year, self.fiscal, self.month = year, fiscal, month

    def iso(self) -> str:
        """As written: a 年度 with a month in January–March falls in the next calendar year."""
        if self.month is None:
            return f"{self.year:04d}"
        year = self.year + 1 if self.fiscal and self.month <= 3 else self.year
        return f"{year:04d}-{self.month:02d}"

    def fiscal_year(self) -> int:
        """The fiscal year (April to March) the date falls in."""
        if self.fiscal or self.month is None:
            return self.year
        return self.year if self.month >= 4 else self.year - 1


@cached(limit=8192, max_len=200)
def find_date(text: str) -> EraDate | None:
    """The first date in the text (labels repeat from sheet to sheet: short ones are remembered)."""
    t = norm(text)
    m = _DATE_RE.search(t)
    if not m:
        return _dotted(t)
    if m.group(1):
        base = _ERAS[m.group(1)]
        n = 1 if m.group(2) == "元" else int(m.group(2))
        year, fiscal, month = base + n, bool(m.group(3)), m.group(4)
    else:
        year, fiscal, month = int(m.group(5)), bool(m.group(6)), m.group(7)
    month_n = int(month) if month else None
    if month_n is not None and not 1 <= month_n <= 12:
        month_n = None
    if fiscal and month_n is None and t[m.end() : m.end() + 1] == "末":  # R5年度末 → 2024-03
        month_n = 3
    return EraDate(year, fiscal, month_n)


def _dotted(n: str) -> EraDate | None:
    m = _DOTTED_RE.search(n)
    if not m:
        return None
    if m.group(1):
        year = _ERAS[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
        month = int(m.group(3))
    else:
        year, month = int(m.group(4)), int(m.group(5))
    return EraDate(year, False, month) if 1 <= month <= 12 else None


_PARTS = (
    ("上半期", 4),
    ("下半期", 10),
    ("第1四半期", 4),
    ("第2四半期", 7),
    ("第3四半期", 10),
    ("第4四半期", 1),
    ("上期", 4),
    ("下期", 10),
)


@cached()  # a schedule's months repeat
def find_month(text: str) -> int | None:
    """The month of `5月`, the first month of a range such as `7～9月`, or of 上半期 / 下半期 / 第n四半期."""
    t = norm(text)
    m = _MONTH_RE.search(t)
    if m:
        month = int(m.group(1) or m.group(2))
        if 1 <= month <= 12:
            return month
    if "期" in t:
        t = "".join(t.split())
        return next((month for word, month in _PARTS if word in t), None)
    return None


@cached(limit=8192, max_len=200)
def as_of(text: str) -> str | None:
    """The ISO month or year of the first date in the text (labels repeat: remembered)."""
    d = find_date(text)
    return d.iso() if d else None


def fiscal_year(text: str) -> int | None:
    """The fiscal year of the first date in the text, if there is one."""
    d = find_date(text)
    return d.fiscal_year() if d else None


def has_placeholder_year(text: str) -> bool:
    """Whether the text holds an unfilled year such as R●年 or 令和〇年."""
    return bool(_PLACEHOLDER_YEAR_RE.search(norm(text)))
