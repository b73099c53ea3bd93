"""The table of sheets: one row per sheet, to compare bodies and years.

The columns are defined once, in `COLUMNS`, as (english_name, japanese_label, getter):
the CSV header (`--header en|ja`), the JSON Lines keys and the order all come from it.
English names are stable: a column may be added, never renamed or moved.

Values: numbers as numbers, booleans as true/false, unknown (null, an absent section)
as an empty cell.  A count of an absent section is unknown too, not 0.
"""

from __future__ import annotations

from collections.abc import Callable

Getter = Callable[[dict], object]

FORMATS = ("csv", "jsonl")
HEADERS = ("en", "ja")
DEFAULT_ENCODING = "utf-8-sig"


def _at(path: str) -> Getter:
    """`basic_info.population.value` → the value there, or None when any step is missing or null."""
    keys = path.split(".")

    def get(doc: dict) -> object:
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

    def count(doc: dict) -> int | None:
        value = get(doc)
        return len(value) if isinstance(value, list) else None

    return count


def _council_meetings_per_year(doc: dict) -> int | None:
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
    # filled in by _row(): the validator runs once per sheet, not once per column
    return lambda doc: doc.get("_validation", {}).get(severity)


_QUANTITIES = [
    ("welfare_regions", "障害保健福祉圏域数"),
    ("municipalities", "市町村数"),
    ("population", "人口"),
    ("psychiatric_hospitals", "精神科病院の数"),
    ("psychiatric_beds", "精神科病床数"),
]

_INPATIENTS = "入院精神障害者数"
_DISCHARGE = "退院率"
_OFFICES = "相談支援事業所数"
_SUPPORT = "（自立支援）協議会"
_SETUP = "協議の場の設置状況"


def _columns() -> list[tuple[str, str, Getter]]:
    b = "basic_info"
    cols: list[tuple[str, str, Getter]] = [
        ("source_path", "ファイル", _at("source.path")),
        ("source_sha256", "ファイルのSHA-256", _at("source.sha256")),
        ("municipality", "都道府県・指定都市・中核市・特別区", _at("municipality")),
        ("fiscal_year", "年度", _at("fiscal_year")),
        ("template", "様式の年度", _at("template")),
    ]
    for key, ja in _QUANTITIES:
        cols += [(key, ja, _at(f"{b}.{key}.value")), (f"{key}_as_of", f"{ja}（時点）", _at(f"{b}.{key}.as_of"))]
    i = f"{b}.inpatients"
    cols += [
        ("inpatients_as_of", f"{_INPATIENTS}（時点）", _at(f"{i}.as_of")),
        ("inpatients_note", f"{_INPATIENTS}（注記）", _at(f"{i}.note")),
        ("inpatients_total", f"{_INPATIENTS} 合計", _at(f"{i}.total")),
    ]
    for key, ja in [
        ("under_3_months", "3か月未満"),
        ("from_3_to_12_months", "3か月以上1年未満"),
        ("over_1_year", "1年以上"),
    ]:
        cols += [
            (f"inpatients_{key}", f"{_INPATIENTS} {ja}（人）", _at(f"{i}.{key}.count")),
            (f"inpatients_{key}_percent", f"{_INPATIENTS} {ja}（％：構成割合）", _at(f"{i}.{key}.percent")),
        ]
    cols += [
        ("inpatients_aged_under_65", f"{_INPATIENTS} うち65歳未満", _at(f"{i}.aged_under_65")),
        ("inpatients_aged_65_and_over", f"{_INPATIENTS} うち65歳以上", _at(f"{i}.aged_65_and_over")),
    ]
    r = f"{b}.discharge_rates"
    cols += [
        ("discharge_rates_as_of", f"{_DISCHARGE}（時点）", _at(f"{r}.as_of")),
        ("discharge_rates_note", f"{_DISCHARGE}（注記）", _at(f"{r}.note")),
        ("discharge_rate_after_3_months_percent", f"{_DISCHARGE} 入院後3か月時点（％）", _at(f"{r}.after_3_months")),
        ("discharge_rate_after_6_months_percent", f"{_DISCHARGE} 入院後6か月時点（％）", _at(f"{r}.after_6_months")),
        ("discharge_rate_after_1_year_percent", f"{_DISCHARGE} 入院後1年時点（％）", _at(f"{r}.after_1_year")),
    ]
    o = f"{b}.consultation_offices"
    cols += [
        ("consultation_offices_as_of", f"{_OFFICES}（時点）", _at(f"{o}.as_of")),
        ("core_consultation_centers", f"{_OFFICES} 基幹相談支援センター数", _at(f"{o}.core_centers")),
        ("general_consultation_offices", f"{_OFFICES} 一般相談支援事業所数", _at(f"{o}.general")),
        ("specific_consultation_offices", f"{_OFFICES} 特定相談支援事業所数", _at(f"{o}.specific")),
        ("health_centers", "保健所数", _at(f"{b}.health_centers.value")),
        ("health_centers_as_of", "保健所数（時点）", _at(f"{b}.health_centers.as_of")),
    ]
    s = f"{b}.support_council"
    cols += [
        ("support_council_fiscal_year", f"{_SUPPORT}の開催頻度（年度）", _at(f"{s}.fiscal_year")),
        ("support_council_meetings_per_year", f"{_SUPPORT}の開催頻度（回/年）", _at(f"{s}.meetings_per_year")),
        (
            "support_council_mental_health_subcommittee",
            "精神領域に関する議論を行う部会の有無",
            _at(f"{s}.mental_health_subcommittee"),
        ),
    ]
    c = f"{b}.council_setup"
    cols.append(("council_setup_as_of", f"{_SETUP}（時点）", _at(f"{c}.as_of")))
    for key, ja, total in [
        ("prefecture", "都道府県", "総数"),
        ("region", "障害保健福祉圏域", "障害圏域数"),
        ("municipality", "市町村", "市町村数"),
    ]:
        cols += [
            (f"council_setup_{key}_exists", f"{_SETUP} {ja}（有・無）", _at(f"{c}.{key}.exists")),
            (f"council_setup_{key}_count", f"{_SETUP} {ja}（か所）", _at(f"{c}.{key}.count")),
            (f"council_setup_{key}_total", f"{_SETUP} {ja}（{total}）", _at(f"{c}.{key}.total")),
        ]
    cols += [
        ("n_initiatives", "取組内容（件数）", _len(f"{b}.initiatives")),
        ("n_history_events", "取組の経緯（件数）", _len("history.events")),
        ("n_indicators", "取組の成果・効果の指標（件数）", _len("outcomes.indicators")),
        ("n_strengths", "特徴(強み)（件数）", _len("strengths_and_issues.strengths")),
        ("n_issues", "課題（件数）", _len("strengths_and_issues.issues")),
        ("n_planned_indicators", "課題解決の達成度を測る指標（件数）", _len("strengths_and_issues.indicators")),
        ("n_departments", "所管部署（件数）", _len("coordination.departments")),
        ("n_partner_departments", "連携部署（件数）", _len("coordination.partner_departments")),
        ("n_councils", "協議の場（件数）", _len("councils.meetings")),
        ("council_meetings_per_year", "協議の場の開催頻度の合計（回/年）", _council_meetings_per_year),
        ("long_term_until_fiscal_year", "事業利用予定年数（年度）", _at("long_term_schedule.until_fiscal_year")),
        ("n_long_term_plan_rows", "スケジュール（長期）（行数）", _len("long_term_schedule.plan")),
        ("n_annual_schedule_items", "今年度のスケジュール（件数）", _len("annual_schedule.items")),
        ("n_sections", "見出し（件数）", _len("sections")),
        ("n_template_lines", "様式の記載例・未記入（行数）", _len("template_text")),
        ("n_unparsed_lines", "読み取れなかった行（行数）", _len("unparsed")),
        ("n_diagnostics", "読み取りの診断（件数）", _len("diagnostics")),
        ("validation_errors", "検証：エラー（件数）", _validation("error")),
        ("validation_warnings", "検証：警告（件数）", _validation("warning")),
        ("validation_infos", "検証：情報（件数）", _validation("info")),
    ]
    return cols


COLUMNS: list[tuple[str, str, Getter]] = _columns()
"""Every column, in order: (english_name, japanese_label, getter of the value from a document)."""


def column_names(header: str = "en") -> list[str]:
    return [en if header == "en" else ja for en, ja, _ in COLUMNS]


def _check(doc: dict):
    from nikosheet.validation.engine import check

    return check(doc)


def row(doc: dict) -> list[object]:
    """The row of one document (the plain-data form), values in COLUMNS order."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for problem in _check(doc):
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


def csv_text(rows: list[list[object]], header: str = "en") -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(column_names(header))
    for r in rows:
        writer.writerow([_cell(v) for v in r])
    return buf.getvalue()


def jsonl_text(rows: list[list[object]], header: str = "en") -> str:
    import json

    names = column_names(header)
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
