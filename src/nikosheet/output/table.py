"""The table of sheets: one row per sheet, to compare bodies and years.

The columns are defined once, in `COLUMNS` (from the data table `_TABLE`), as (en, ja, get):
the CSV header (`--header en|ja`), the JSON Lines keys and the order all come from it.
English names are stable: a column may be added, never renamed or moved.

Values: numbers as numbers, booleans as true/false, unknown (null, an absent section)
as an empty cell.  A count of an absent section is unknown too, not 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from nikosheet.plain import Data
from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    INPATIENT_AGES,
    INPATIENT_SHARES,
    MENTAL_HEALTH_SUBCOMMITTEE,
    QUANTITIES,
    SECTION_LABELS,
    SECTION_TITLES,
    SETUP_LEVELS,
    STATISTICS,
)

if TYPE_CHECKING:
    from nikosheet.validation.problem import Problem

Getter = Callable[[Data], object]

FORMATS = ("csv", "jsonl", "xlsx", "sqlite")  # xlsx and sqlite: every table, written by workbook.py and database.py
HEADERS = ("en", "ja")
DEFAULT_ENCODING = "utf-8-sig"


class Column(NamedTuple):
    en: str  # the stable English name
    ja: str  # the sheet's own label
    get: Getter  # the value of a document (its plain data)


def _at(path: str) -> Getter:
    """`basic_info.population.value` → the value there, or None when any step is missing or null."""
    keys = path.split(".")

    def get(doc: Data) -> object:
        cur: object = doc
        for k in keys:
            if not isinstance(cur, dict):
                return None
            cur = cur.get(k)
        return cur

    return get


def _len(path: str) -> Getter:
    """The length of the list at `path`; None when its section is absent."""
    get = _at(path)

    def count(doc: Data) -> int | None:
        value = get(doc)
        return len(value) if isinstance(value, list) else None

    return count


def _council_meetings_per_year(doc: Data) -> int | None:
    """Meetings a year of all councils together: the sum of the known frequencies; None if none is known."""
    meetings = _at("councils.meetings")(doc)
    if not isinstance(meetings, list):
        return None
    known = [
        m["frequency"]["per_year"]
        for m in meetings
        if isinstance(m.get("frequency"), dict) and isinstance(m["frequency"].get("per_year"), int)
    ]
    return sum(known) if known else None


def _validation(severity: str) -> Getter:
    # filled in by row(): the validator runs once per sheet, not once per column
    return lambda doc: doc.get("_validation", {}).get(severity)


# (english name, japanese label, what it holds): a path to a value, `#path` for the length of the list
# there, or a function of the document
_B, _I, _D, _O = "basic_info", "basic_info.inpatients", "basic_info.discharge_rates", "basic_info.consultation_offices"
_INP, _DIS, _OFF = STATISTICS["inpatients"], STATISTICS["discharge_rates"], STATISTICS["consultation_offices"]
_SUP, _SET = STATISTICS["support_council"], STATISTICS["council_setup"]
_TABLE: list[tuple[str, str, str | Getter]] = [
    ("source_path", "ファイル", "source.path"),
    ("source_sha256", "ファイルのSHA-256", "source.sha256"),
    ("municipality", "都道府県・指定都市・中核市・特別区", "municipality"),
    ("fiscal_year", "年度", "fiscal_year"),
    ("template", "様式の年度", "template"),
    *[
        row
        for key, ja in QUANTITIES.items()
        if key != "health_centers"  # after the consultation offices, where the template has it
        for row in ((key, ja, f"{_B}.{key}.value"), (f"{key}_as_of", f"{ja}（時点）", f"{_B}.{key}.as_of"))
    ],
    ("inpatients_as_of", f"{_INP}（時点）", f"{_I}.as_of"),
    ("inpatients_note", f"{_INP}（注記）", f"{_I}.note"),
    ("inpatients_total", f"{_INP} 合計", f"{_I}.total"),
    *[
        row
        for key, ja in INPATIENT_SHARES.items()
        for row in (
            (f"inpatients_{key}", f"{_INP} {ja}（人）", f"{_I}.{key}.count"),
            (f"inpatients_{key}_percent", f"{_INP} {ja}（％：構成割合）", f"{_I}.{key}.percent"),
        )
    ],
    *[(f"inpatients_{key}", f"{_INP} {ja}", f"{_I}.{key}") for key, ja in INPATIENT_AGES.items()],
    ("discharge_rates_as_of", f"{_DIS}（時点）", f"{_D}.as_of"),
    ("discharge_rates_note", f"{_DIS}（注記）", f"{_D}.note"),
    *[(f"discharge_rate_{key}_percent", f"{_DIS} {ja}（％）", f"{_D}.{key}") for key, ja in DISCHARGE_RATES.items()],
    ("consultation_offices_as_of", f"{_OFF}（時点）", f"{_O}.as_of"),
    ("core_consultation_centers", f"{_OFF} {CONSULTATION_OFFICES['core_centers']}", f"{_O}.core_centers"),
    ("general_consultation_offices", f"{_OFF} {CONSULTATION_OFFICES['general']}", f"{_O}.general"),
    ("specific_consultation_offices", f"{_OFF} {CONSULTATION_OFFICES['specific']}", f"{_O}.specific"),
    ("health_centers", QUANTITIES["health_centers"], f"{_B}.health_centers.value"),
    ("health_centers_as_of", f"{QUANTITIES['health_centers']}（時点）", f"{_B}.health_centers.as_of"),
    ("support_council_fiscal_year", f"{_SUP}の開催頻度（年度）", f"{_B}.support_council.fiscal_year"),
    ("support_council_meetings_per_year", f"{_SUP}の開催頻度（回/年）", f"{_B}.support_council.meetings_per_year"),
    (
        "support_council_mental_health_subcommittee",
        MENTAL_HEALTH_SUBCOMMITTEE,
        f"{_B}.support_council.mental_health_subcommittee",
    ),
    ("council_setup_as_of", f"{_SET}（時点）", f"{_B}.council_setup.as_of"),
    *[
        row
        for key, (ja, total) in SETUP_LEVELS.items()
        for row in (
            (f"council_setup_{key}_exists", f"{_SET} {ja}（有・無）", f"{_B}.council_setup.{key}.exists"),
            (f"council_setup_{key}_count", f"{_SET} {ja}（か所）", f"{_B}.council_setup.{key}.count"),
            (f"council_setup_{key}_total", f"{_SET} {ja}（{total}）", f"{_B}.council_setup.{key}.total"),
        )
    ],
    ("n_initiatives", "取組内容（件数）", "#basic_info.initiatives"),
    ("n_history_events", "取組の経緯（件数）", "#history.events"),
    ("n_indicators", "取組の成果・効果の指標（件数）", "#outcomes.indicators"),
    ("n_strengths", "特徴(強み)（件数）", "#strengths_and_issues.strengths"),
    ("n_issues", "課題（件数）", "#strengths_and_issues.issues"),
    ("n_planned_indicators", "課題解決の達成度を測る指標（件数）", "#strengths_and_issues.indicators"),
    ("n_departments", "所管部署（件数）", "#coordination.departments"),
    ("n_partner_departments", "連携部署（件数）", "#coordination.partner_departments"),
    ("n_councils", "協議の場（件数）", "#councils.meetings"),
    ("council_meetings_per_year", "協議の場の開催頻度の合計（回/年）", _council_meetings_per_year),
    ("long_term_until_fiscal_year", "事業利用予定年数（年度）", "long_term_schedule.until_fiscal_year"),
    ("n_long_term_plan_rows", f"{SECTION_LABELS['long_term_schedule']}（行数）", "#long_term_schedule.plan"),
    ("n_annual_schedule_items", f"{SECTION_TITLES['annual_schedule']}（件数）", "#annual_schedule.items"),
    ("n_sections", "見出し（件数）", "#sections"),
    ("n_template_lines", "様式の記載例・未記入（行数）", "#template_text"),
    ("n_unparsed_lines", "読み取れなかった行（行数）", "#unparsed"),
    ("n_diagnostics", "読み取りの診断（件数）", "#diagnostics"),
    ("validation_errors", "検証：エラー（件数）", _validation("error")),
    ("validation_warnings", "検証：警告（件数）", _validation("warning")),
    ("validation_infos", "検証：情報（件数）", _validation("info")),
]


def _getter(source: str | Getter) -> Getter:
    if not isinstance(source, str):
        return source
    return _len(source[1:]) if source.startswith("#") else _at(source)


COLUMNS: list[Column] = [Column(en, ja, _getter(source)) for en, ja, source in _TABLE]
"""Every column, in order."""
SOURCES: dict[str, str | Getter] = {en: source for en, _, source in _TABLE}
"""Where each column's value comes from: a path in the document, `#path` for a count, or a function."""


def column_names(header: str = "en") -> list[str]:
    return [en if header == "en" else ja for en, ja, _ in COLUMNS]


def _check(doc: Data) -> list[Problem]:
    from nikosheet.validation.engine import check

    return check(doc)


def row(doc: Data, problems: list[Problem] | None = None) -> list[object]:
    """The row of one document (the plain-data form), values in COLUMNS order; its validation counts
    are those of `problems` (by default, of every rule)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for problem in _check(doc) if problems is None else problems:
        counts[problem.severity] = counts.get(problem.severity, 0) + 1
    doc = {**doc, "_validation": counts}
    return [get(doc) for _, _, get in COLUMNS]


# ---------------------------------------------------------------- output


def _cell(value: object) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def csv_text(rows: list[list[object]], header: str | list[str] = "en") -> str:
    """The rows as CSV under a header row: `header` is en, ja (this table's names) or the names themselves."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(column_names(header) if isinstance(header, str) else header)
    for r in rows:
        writer.writerow([_cell(v) for v in r])
    return buf.getvalue()


def jsonl_text(rows: list[list[object]], header: str | list[str] = "en") -> str:
    import json

    names = column_names(header) if isinstance(header, str) else header
    return "".join(json.dumps(dict(zip(names, r, strict=False)), ensure_ascii=False) + "\n" for r in rows)


def encode(text: str, encoding: str) -> tuple[bytes, str | None]:
    """The bytes, and a warning naming the first character the encoding cannot hold, if any."""
    try:
        return text.encode(encoding), None
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        line = exc.object.count("\n", 0, exc.start) + 1
        return (
            text.encode(encoding, errors="replace"),
            f"warning: {encoding} cannot hold {bad!r} (line {line} of the table) and other characters "
            f"may be missing too; they were written as '?'. The default utf-8-sig holds every character",
        )
