"""The table command: one row per sheet, to compare bodies and years.

The columns are defined once, in `COLUMNS`, as (english_name, japanese_label, getter):
the CSV header (`--header en|ja`), the JSON Lines keys and the order all come from it.
English names are stable: a column may be added, never renamed or moved.

Values: numbers as numbers, booleans as true/false, unknown (null, an absent section)
as an empty cell.  A count of an absent section is unknown too, not 0.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path

from nikosheet.cli.batch import Progress, Result, default_jobs, failure, read_input, run_tasks, stderr_is_terminal
from nikosheet.cli.inputs import Input, check_output_file

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


def _row_task(inp: Input, debug: bool = False) -> Result:
    try:
        doc = read_input(inp)
    except Exception as exc:
        return failure(inp, exc, debug)
    try:
        values = row(doc)
    except Exception as exc:  # the validator failed: a bug, not a bad file
        res = failure(inp, exc, debug)
        res.error = f"cannot be checked: {res.error}"
        return res
    return Result(inp, value=values, diagnostics=len(doc["diagnostics"]))


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


def _err(msg: str) -> None:
    print(f"nikosheet: {msg}", file=sys.stderr)


def _encode(text: str, encoding: str) -> tuple[bytes, str | None]:
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


def table_command(
    inputs: list[Input],
    output: Path | None,
    fmt: str,
    encoding: str | None,
    header: str,
    jobs: int | None,
    quiet: bool,
    debug: bool,
) -> int:
    from nikosheet.errors import UsageError

    if fmt not in FORMATS:
        _err(f"error: --format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        return 2
    if header not in HEADERS:
        _err(f"error: --header must be one of {', '.join(HEADERS)}, not {header!r}")
        return 2
    if encoding is not None and fmt != "csv":
        _err("error: --encoding applies to --format csv only; JSON Lines are always UTF-8")
        return 2
    encoding = encoding or (DEFAULT_ENCODING if fmt == "csv" else "utf-8")
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        _err(f"error: unknown encoding {encoding!r}")
        return 2
    if output is not None:
        try:
            check_output_file(inputs, output)
        except UsageError as exc:
            _err(f"error: {exc}")
            return 2
        if output.is_dir():
            _err(f"error: {output} is a folder; -o must name a file")
            return 2
        if not _writable_parent(output):
            _err(f"error: {output}: cannot write here")
            return 2

    rows: list[list[object]] = []
    failed = 0
    progress = Progress(
        len(inputs), enabled=not quiet and len(inputs) > 1 and stderr_is_terminal(), description="reading"
    )
    # the results are closed on the way out (Ctrl-C): worker processes stop then, not at exit
    with progress, closing(run_tasks(partial(_row_task, debug=debug), inputs, jobs or default_jobs())) as results:
        for res in results:
            progress.advance()
            if res.error is not None:
                failed += 1
                progress.failure(res)
                continue
            rows.append(res.value)

    if rows:
        text = csv_text(rows, header) if fmt == "csv" else jsonl_text(rows, header)
        data, warning = _encode(text, encoding)
        if warning:
            _err(warning)
        try:
            if output is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                from nikosheet.output.serialize import write_atomic

                write_atomic(output, data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _err(f"error: {output}: cannot write ({exc.strerror or exc})")
            return 2
    if not quiet and len(inputs) > 1:  # one input: its error line is the whole story
        where = "standard output" if output is None else str(output)
        _err(f"{len(rows)} rows written to {where}, {failed} failed" if rows else f"no row written, {failed} failed")
    return 1 if failed else 0


def _writable_parent(path: Path) -> bool:
    import os

    parent = path.parent if str(path.parent) else Path(".")
    return parent.is_dir() and os.access(parent, os.W_OK)
