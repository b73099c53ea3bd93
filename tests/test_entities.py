"""The tables of the lists: one row per indicator, issue, department, council, schedule item, event and
sector, each leading back to its sheet (`sheet_id`) and line; `--entity` writes one as CSV or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from batch_corpus import invoke, source_sheets
from conftest import SAMPLES, SHEETS

KAW = SAMPLES / "kawaguchi-r5.txt"
KAS = SAMPLES / "kashiwa-r6.txt"
PREF = SHEETS / "pref-fy2024.txt"

# where each list's table takes its rows from: (section, list)
LISTS = {
    "outcome_indicators": [("outcomes", "indicators")],
    "planned_indicators": [("strengths_and_issues", "indicators")],
    "issues": [("strengths_and_issues", "issues")],
    "departments": [("coordination", "departments"), ("coordination", "partner_departments")],
    "councils": [("councils", "meetings")],
    "schedule": [("long_term_schedule", "plan"), ("annual_schedule", "items")],
    "history_events": [("history", "events")],
    "sectors": [("coordination", "sectors")],
}


def _rows(parsed, name: str, entity: str) -> list[dict]:
    from nikosheet.output.entities import rows

    return rows(parsed(name), entity)


def _pick(rows: list[dict], *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in keys) for r in rows]


def test_every_list_has_its_table():
    from nikosheet.output.entities import ENTITIES, LIST_TABLES

    assert set(LISTS) == set(LIST_TABLES)
    assert ("sheets", *LIST_TABLES) == ENTITIES


@pytest.mark.parametrize("path", source_sheets(), ids=lambda p: p.name)
def test_each_table_has_the_rows_the_document_has(path):
    """Every sample and fixture: one row per item, in the document's order, at the item's line."""
    from nikosheet import parse_file_data
    from nikosheet.output.entities import rows

    doc = parse_file_data(path)
    for entity, lists in LISTS.items():
        items = [item for section, key in lists for item in ((doc.get(section) or {}).get(key) or [])]
        got = rows(doc, entity)
        assert [r["line"] for r in got] == [i["line"] for i in items], entity
        assert [r["position"] for r in got] == list(range(1, len(items) + 1))
        for r in got:
            assert r["sheet_id"] == doc["source"]["sha256"][:16]
            assert (r["municipality"], r["fiscal_year"]) == (doc["municipality"], doc["fiscal_year"])
            assert r["source_path"] == str(path)


def test_councils_of_kawaguchi(parsed):
    got = _rows(parsed, "kawaguchi-r5.txt", "councils")
    assert _pick(got, "name", "frequency", "meetings_per_year", "line") == [
        ("川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場", "2回/年", 2, 163),
        ("事務局会議", "6回/年", 6, 164),
        ("委員ヒアリング", "4回/年", 4, 165),
    ]
    assert got[0]["members"] == "保健、医療、福祉関係機関、家族会、行政担当者等"
    assert got[2]["activities"] == (
        "地域課題の抽出\n「にも包括」構築実現に向けた意見交換\n協議の場に向けた意見抽出及び論点整理"
    )
    assert got[1]["notes"] == "各課において実施している業務や事業の連携"
    assert {(r["municipality"], r["fiscal_year"]) for r in got} == {("川口市", 2023)}


def test_a_council_that_meets_as_needed_has_no_count(parsed):
    got = _rows(parsed, "pref-fy2024.txt", "councils")
    assert _pick(got, "frequency", "meetings_per_year") == [("年4回", 4), ("月1回", 12), ("随時", None)]


def test_outcome_indicators(parsed):
    got = _rows(parsed, "kawaguchi-r5.txt", "outcome_indicators")
    assert _pick(got, "number", "name", "line") == [(1, "保健医療と福祉の連携", 76), (2, "地域課題の抽出", 77)]
    assert got[1]["target"] == "委員へのヒアリングの実施\n協議の場2回開催"
    assert got[1]["actual"] == "委員へのヒアリング4回実施\n協議の場2回開催"
    assert _pick(got, "period", "target_as_of", "actual_as_of")[0] == ("令和4年度まで", "R4年度当初", "R4年度末")
    kashiwa = _rows(parsed, "kashiwa-r6.txt", "outcome_indicators")
    assert [r["name"] for r in kashiwa] == ["保健・医療・福祉の連携", "医療と地域の連携", "普及啓発"]


def test_planned_indicators(parsed):
    got = _rows(parsed, "kawaguchi-r5.txt", "planned_indicators")
    assert _pick(got, "number", "current", "target") == [(1, "9件", "10件"), (2, "2回", "2回"), (3, "1回", "1回")]
    assert got[0]["name"] == "「川口市精神保健福祉地域連携票」の活用"
    assert got[0]["expected_effects"] == "医療、保健、福祉の分野を越えた連携を促す"
    assert (got[0]["current_as_of"], got[0]["target_as_of"]) == ("今年度当初", "令和5年度末")
    pref = _rows(parsed, "pref-fy2024.txt", "planned_indicators")
    assert _pick(pref, "current", "target") == [("27市町", "35市町"), ("年104人", "年120人"), ("年0回", "年2回")]


def test_issues_with_policies_and_roles(parsed):
    got = _rows(parsed, "kawaguchi-r5.txt", "issues")
    assert [r["line"] for r in got] == [87, 91]
    first = got[0]
    assert first["issue"].startswith("医療、保健、福祉の相互理解が十分にできておらず")
    assert first["policies"].split("\n") == [
        "「川口市精神保健福祉地域連携票」等を活用し、分野を越えた支援体制づくりを行う",
        "医療、保健、福祉が顔の見える関係となり、相互理解を深めることができるような取り組みを検討、実施する",
    ]
    assert first["role_administration"] == "地域連携票の活用、周知\n研修会、会議等の開催"
    assert first["role_medical"] == "地域連携票の活用\n研修会、会議等への参加、講師協力"
    assert first["role_others"] == "研修会、会議等への参加"
    assert len(got[1]["policies"].split("\n")) == 3


def test_departments_in_charge_and_partners(parsed):
    got = _rows(parsed, "kawaguchi-r5.txt", "departments")
    assert _pick(got, "role", "name", "line") == [
        ("in_charge", "疾病対策課", 110),
        ("in_charge", "障害福祉課", 111),
        ("partner", "地域保健センター", 114),
    ]
    assert got[0]["duties"] == "保健所にて、こころの健康(精神保健)に関する相談支援業務等を実施"


def test_schedule_long_term_then_annual(parsed):
    kawaguchi = _rows(parsed, "kawaguchi-r5.txt", "schedule")
    assert _pick(kawaguchi, "kind", "label", "month", "plan_fiscal_year") == [
        ("annual", "R5年5月", "2023-05", None),
        ("annual", "R5年8月", "2023-08", None),
        ("annual", "R5年11月", "2023-11", None),
        ("annual", "R5年12月", "2023-12", None),
        ("annual", "R6年1月", "2024-01", None),  # January of the fiscal year falls in the next calendar year
    ]
    assert kawaguchi[1]["item"] == "第1回協議の場の開催"
    kashiwa = _rows(parsed, "kashiwa-r6.txt", "schedule")
    assert _pick(kashiwa, "kind", "plan_fiscal_year", "month")[:5] == [
        ("long_term", 2024, None),
        ("long_term", 2025, None),
        ("long_term", 2026, None),
        ("long_term", None, None),  # R●年度: a placeholder, unknown
        ("annual", None, "2024-05"),
    ]
    assert kashiwa[1]["actions"] == (
        "庁内で地域共生社会を目指す事業を実施している他課の担当者と協議を行い、連携を図る。\n事業委託の方法や仕様を見直す。"
    )
    assert kashiwa[5]["actions"] is None  # no action written: an empty cell


def test_history_events_and_sectors(parsed):
    events = _rows(parsed, "kashiwa-r6.txt", "history_events")
    assert len(events) == 9
    assert _pick(events, "period", "event_fiscal_year", "commission")[1] == (
        "平成23年度～",
        2011,
        "たんぽぽセンターが受託",
    )
    sectors = _rows(parsed, "kawaguchi-r5.txt", "sectors")
    assert _pick(sectors, "sector", "label", "line") == [
        ("health", "保健", 117),
        ("medical", "医療", 118),
        ("welfare", "福祉", 119),
        ("others", "その他関係機関・住民等", 120),
    ]


def test_sheets_rows_start_with_the_id(parsed):
    from nikosheet.output.entities import column_names, rows
    from nikosheet.output.table import column_names as sheet_columns

    doc = parsed("kashiwa-r6.txt")
    (row,) = rows(doc, "sheets")
    assert column_names("sheets") == ["sheet_id", *sheet_columns()]
    assert row["sheet_id"] == "5d43e91f59f337e1" and row["population"] == 434462


def test_columns_have_types_and_unique_japanese_titles():
    from nikosheet.output.entities import ENTITIES, fields

    for entity in ENTITIES:
        cols = fields(entity)
        assert len({f.en for f in cols}) == len({f.ja for f in cols}) == len(cols), entity
        assert {f.type for f in cols} <= {"integer", "number", "string", "boolean"}
    sheets = {f.en: f.type for f in fields("sheets")}
    assert sheets["population"] == "integer" and sheets["population_as_of"] == "string"
    assert sheets["inpatients_over_1_year_percent"] == "number"
    assert sheets["support_council_mental_health_subcommittee"] == "boolean"
    assert sheets["n_councils"] == sheets["council_meetings_per_year"] == "integer"


def test_declared_types_hold_on_every_sheet():
    from nikosheet import parse_file_data
    from nikosheet.output.entities import ENTITIES, fields, rows

    python = {"integer": int, "number": float, "string": str, "boolean": bool}
    for path in source_sheets():
        doc = parse_file_data(path)
        for entity in ENTITIES:
            types = {f.en: python[f.type] for f in fields(entity)}
            for r in rows(doc, entity):
                for k, v in r.items():
                    assert v is None or type(v) is types[k], (path.name, entity, k, v)


# ---------------------------------------------------------------- the command line


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_entity_councils_as_csv_and_jsonl():
    r = invoke("table", KAW, KAS, "--entity", "councils", "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    rows = _csv(r.stdout_bytes)
    assert [(x["municipality"], x["name"], x["meetings_per_year"]) for x in rows][3:] == [
        ("柏市", "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)", "1"),
        ("柏市", "同事業(実務者会議)", "6"),
        ("柏市", "同事業(コア会議)", "6"),
    ]
    assert rows[2]["activities"].count("\n") == 2 and rows[0]["source_path"] == str(KAW)
    j = invoke("table", KAW, "-e", "councils", "--format", "jsonl")
    first = json.loads(j.stdout.splitlines()[0])
    assert first["meetings_per_year"] == 2 and first["line"] == 163 and first["fiscal_year"] == 2023


def test_entity_with_japanese_headers():
    r = invoke("table", KAW, "--entity", "schedule", "--header", "ja")
    assert r.exit_code == 0
    rows = _csv(r.stdout_bytes)
    assert list(rows[0])[:4] == ["シートID", "都道府県・指定都市・中核市・特別区", "年度", "順番"]
    assert [x["時期（月）"] for x in rows] == ["2023-05", "2023-08", "2023-11", "2023-12", "2024-01"]


def test_entity_sheets_is_todays_table():
    plain = invoke("table", KAW, KAS, "--jobs", "1")
    named = invoke("table", KAW, KAS, "--jobs", "1", "--entity", "sheets")
    assert plain.exit_code == named.exit_code == 0
    assert named.stdout_bytes == plain.stdout_bytes
    assert plain.stdout_bytes.decode("utf-8-sig").startswith("source_path,source_sha256,municipality,")


def test_a_file_repeated_gets_a_second_id(tmp_path):
    twin = tmp_path / "twin.txt"
    shutil.copyfile(KAW, twin)
    r = invoke("table", KAW, twin, "--entity", "departments", "--jobs", "1")
    assert r.exit_code == 0
    ids = [x["sheet_id"] for x in _csv(r.stdout_bytes)]
    assert ids == ["b6fddf15ffcb2167"] * 3 + ["b6fddf15ffcb2167-2"] * 3


def test_a_sheet_without_the_list_gives_a_header_only(tmp_path):
    r = invoke("table", SHEETS / "minimal-fy2023.txt", "--entity", "outcome_indicators")
    assert r.exit_code == 0
    assert r.stdout_bytes.decode("utf-8-sig").splitlines() == [
        "sheet_id,municipality,fiscal_year,position,number,name,target,actual,effects,period,target_as_of,"
        "actual_as_of,source_path,line"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/a.xlsx", "--entity", "councils"], "--entity picks the table of CSV or JSON Lines"),
        (["--format", "xlsx"], "--format xlsx writes a file: name it with -o"),
        (["--format", "sqlite"], "--format sqlite writes a file"),
        (["-o", "{tmp}/a.xlsx", "--encoding", "cp932"], "--encoding applies to --format csv only"),
        (["--datapackage"], "--datapackage describes a CSV file"),
        (["-o", "{tmp}/a.jsonl", "--format", "jsonl", "--datapackage"], "--datapackage describes a CSV file"),
        (["--entity", "meetings"], "--entity must be one of sheets, outcome_indicators"),
    ],
)
def test_misuse_is_refused_before_reading(tmp_path, args, message):
    r = invoke("table", KAW, *[a.format(tmp=tmp_path) for a in args])
    assert r.exit_code == 2
    assert message in r.stderr and r.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
