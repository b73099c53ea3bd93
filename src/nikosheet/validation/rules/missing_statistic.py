"""A required statistic of section 1 is missing.

The 基本情報 table of section 1 has a row for each of: 障害保健福祉圏域数, 市町村数, 人口,
精神科病院の数, 精神科病床数, 保健所数, 入院精神障害者数, 退院率, 相談支援事業所数,
（自立支援）協議会 and 協議の場の設置状況.  A row that is not there at all is an error (a row that is
there but empty is `empty-statistic`).  Reported at the line of the 基本情報 table's first row, or
at the section's heading.  Not checked when section 1 itself is missing (`missing-section`).
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding, section_line
from nikosheet.vocabulary import STATISTICS

CODE = "NS104"
NAME = "missing-statistic"
SEVERITY = "error"


def check(doc: Data) -> Iterator[Finding]:
    info = doc.get("basic_info")
    if info is None:
        return
    lines = [q["line"] for q in info.values() if isinstance(q, dict) and q.get("line") is not None]
    where = min(lines) if lines else section_line(doc, "basic_info")
    for key, label in STATISTICS.items():
        if info.get(key) is None:
            yield Finding(where, f"section 1 has no {label} row ({key})")
