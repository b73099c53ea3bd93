"""The statistics of section 1 (基本情報) that a comparison reads, in the template's order.

Each is (its path in `basic_info`, its label, its unit); a `Quantity`'s unit (None here) is the
one its sheet writes.  Where each stands: the row's own line when it has one (`lines`, a share's
`line`), else the line of its block.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.output.diff.changes import YEAR
from nikosheet.plain import Data
from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    INPATIENT_AGES,
    INPATIENT_SHARES,
    MENTAL_HEALTH_SUBCOMMITTEE,
    QUANTITIES,
    SETUP_LEVELS,
    STATISTICS,
)

Statistic = tuple[str, str, str | None]
PERSONS, PLACES = "人", "か所"


def _quantity(key: str) -> Iterator[Statistic]:
    yield f"{key}.value", QUANTITIES[key], None
    yield f"{key}.as_of", f"{QUANTITIES[key]}（時点）", None
    yield f"{key}.note", f"{QUANTITIES[key]}（注記）", None


def _block(key: str) -> Iterator[Statistic]:
    """The date and the remark of a block of rows (入院精神障害者数, 退院率 …)."""
    yield f"{key}.as_of", f"{STATISTICS[key]}（時点）", None
    if key in ("inpatients", "discharge_rates"):
        yield f"{key}.note", f"{STATISTICS[key]}（注記）", None


def statistics() -> Iterator[Statistic]:
    for key in QUANTITIES:
        if key != "health_centers":  # after the consultation offices, where the template has it
            yield from _quantity(key)
    inp = STATISTICS["inpatients"]
    yield from _block("inpatients")
    yield "inpatients.total", f"{inp} 合計", PERSONS
    for key, ja in INPATIENT_SHARES.items():
        yield f"inpatients.{key}.count", f"{inp} {ja}", PERSONS
        yield f"inpatients.{key}.percent", f"{inp} {ja}（構成割合）", "％"
    yield from ((f"inpatients.{key}", f"{inp} {ja}", PERSONS) for key, ja in INPATIENT_AGES.items())
    yield from _block("discharge_rates")
    dis = STATISTICS["discharge_rates"]
    yield from ((f"discharge_rates.{key}", f"{dis} {ja}", "％") for key, ja in DISCHARGE_RATES.items())
    yield from _block("consultation_offices")
    yield from ((f"consultation_offices.{key}", ja, PLACES) for key, ja in CONSULTATION_OFFICES.items())
    yield from _quantity("health_centers")
    sup = STATISTICS["support_council"]
    yield "support_council.fiscal_year", f"{sup}の開催頻度（年度）", YEAR
    yield "support_council.meetings_per_year", f"{sup}の開催頻度", "回/年"
    yield "support_council.mental_health_subcommittee", MENTAL_HEALTH_SUBCOMMITTEE, None
    setup = STATISTICS["council_setup"]
    yield from _block("council_setup")
    for key, (ja, total) in SETUP_LEVELS.items():
        yield f"council_setup.{key}.exists", f"{setup} {ja}（有・無）", None
        yield f"council_setup.{key}.count", f"{setup} {ja}", PLACES
        yield f"council_setup.{key}.total", f"{setup} {ja}（{total}）", None


def value_at(data: Data, path: str) -> object:
    """The value at a dotted path (`inpatients.over_1_year.percent`); None when a step is missing."""
    cur: object = data
    for key in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def line_of(basic_info: Data, path: str) -> int | None:
    """The line of a statistic: its row's, else its block's."""
    head, _, rest = path.partition(".")
    block = basic_info.get(head)
    if not isinstance(block, dict):
        return None
    part = rest.partition(".")[0]
    lines = block.get("lines") or {}
    inner = block.get(part)
    if part in lines:
        found: int | None = lines[part]
    elif isinstance(inner, dict) and isinstance(inner.get("line"), int):
        found = inner["line"]
    else:
        found = block.get("line")
    return found


def unit_of(basic_info: Data, path: str, unit: str | None) -> str | None:
    """The statistic's unit: the template's, or the one a `Quantity`'s sheet writes."""
    if unit is not None or not path.endswith(".value"):
        return unit
    block = basic_info.get(path.partition(".")[0])
    return block.get("unit") if isinstance(block, dict) else None
