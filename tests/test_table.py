"""The table command: one row per sheet, stable columns, the real sheets' values, Excel-friendly CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter

import pytest

from batch_corpus import EMPTY, add_bad_files, build_corpus, invoke
from conftest import ROOT, SAMPLES

KAW = SAMPLES / "kawaguchi-r5.txt"
KAS = SAMPLES / "kashiwa-r6.txt"

BOM = b"\xef\xbb\xbf"

# The contract: names and order never change; new columns may only be added.
EXPECTED_COLUMNS = [
    "source_path",
    "source_sha256",
    "municipality",
    "fiscal_year",
    "template",
    "welfare_regions",
    "welfare_regions_as_of",
    "municipalities",
    "municipalities_as_of",
    "population",
    "population_as_of",
    "psychiatric_hospitals",
    "psychiatric_hospitals_as_of",
    "psychiatric_beds",
    "psychiatric_beds_as_of",
    "inpatients_as_of",
    "inpatients_note",
    "inpatients_total",
    "inpatients_under_3_months",
    "inpatients_under_3_months_percent",
    "inpatients_from_3_to_12_months",
    "inpatients_from_3_to_12_months_percent",
    "inpatients_over_1_year",
    "inpatients_over_1_year_percent",
    "inpatients_aged_under_65",
    "inpatients_aged_65_and_over",
    "discharge_rates_as_of",
    "discharge_rates_note",
    "discharge_rate_after_3_months_percent",
    "discharge_rate_after_6_months_percent",
    "discharge_rate_after_1_year_percent",
    "consultation_offices_as_of",
    "core_consultation_centers",
    "general_consultation_offices",
    "specific_consultation_offices",
    "health_centers",
    "health_centers_as_of",
    "support_council_fiscal_year",
    "support_council_meetings_per_year",
    "support_council_mental_health_subcommittee",
    "council_setup_as_of",
    "council_setup_prefecture_exists",
    "council_setup_prefecture_count",
    "council_setup_prefecture_total",
    "council_setup_region_exists",
    "council_setup_region_count",
    "council_setup_region_total",
    "council_setup_municipality_exists",
    "council_setup_municipality_count",
    "council_setup_municipality_total",
    "n_initiatives",
    "n_history_events",
    "n_indicators",
    "n_strengths",
    "n_issues",
    "n_planned_indicators",
    "n_departments",
    "n_partner_departments",
    "n_councils",
    "council_meetings_per_year",
    "long_term_until_fiscal_year",
    "n_long_term_plan_rows",
    "n_annual_schedule_items",
    "n_sections",
    "n_template_lines",
    "n_unparsed_lines",
    "n_diagnostics",
    "validation_errors",
    "validation_warnings",
    "validation_infos",
]

# Every statistic of the two real sheets, as the CSV cell reads ("" is unknown).
KAWAGUCHI = {
    "municipality": "川口市",
    "fiscal_year": "2023",
    "template": "2023",
    "welfare_regions": "1",
    "welfare_regions_as_of": "2023-04",
    "municipalities": "1",
    "municipalities_as_of": "2023-04",
    "population": "604894",
    "population_as_of": "2023-04",
    "psychiatric_hospitals": "2",
    "psychiatric_hospitals_as_of": "2023-04",
    "psychiatric_beds": "438",
    "psychiatric_beds_as_of": "2023-04",
    "inpatients_as_of": "2020-06",
    "inpatients_note": "※630調査",
    "inpatients_total": "344",
    "inpatients_under_3_months": "92",
    "inpatients_under_3_months_percent": "26.7",
    "inpatients_from_3_to_12_months": "65",
    "inpatients_from_3_to_12_months_percent": "18.9",
    "inpatients_over_1_year": "187",
    "inpatients_over_1_year_percent": "54.4",
    "inpatients_aged_under_65": "67",
    "inpatients_aged_65_and_over": "120",
    "discharge_rates_as_of": "2017",
    "discharge_rates_note": "※埼玉県全体",
    "discharge_rate_after_3_months_percent": "62.0",
    "discharge_rate_after_6_months_percent": "81.0",
    "discharge_rate_after_1_year_percent": "88.0",
    "consultation_offices_as_of": "2023-04",
    "core_consultation_centers": "10",
    "general_consultation_offices": "11",
    "specific_consultation_offices": "55",
    "health_centers": "1",
    "health_centers_as_of": "2023-04",
    "support_council_fiscal_year": "2022",
    "support_council_meetings_per_year": "3",
    "support_council_mental_health_subcommittee": "",  # 有・無 with nothing marked: unknown
    "council_setup_as_of": "2023-04",
    "council_setup_prefecture_exists": "",
    "council_setup_prefecture_count": "",
    "council_setup_prefecture_total": "",
    "council_setup_region_exists": "",
    "council_setup_region_count": "1",
    "council_setup_region_total": "1",
    "council_setup_municipality_exists": "",
    "council_setup_municipality_count": "1",
    "council_setup_municipality_total": "1",
    "n_initiatives": "6",
    "n_history_events": "0",
    "n_indicators": "2",
    "n_strengths": "2",
    "n_issues": "2",
    "n_planned_indicators": "3",
    "n_departments": "2",
    "n_partner_departments": "1",
    "n_councils": "3",
    "council_meetings_per_year": "12",
    "long_term_until_fiscal_year": "",
    "n_long_term_plan_rows": "",  # no such section in the FY2023 template
    "n_annual_schedule_items": "5",
    "n_sections": "8",
    "n_template_lines": "3",
    "n_unparsed_lines": "0",
    "n_diagnostics": "8",
}
KASHIWA = {
    "municipality": "柏市",
    "fiscal_year": "2024",
    "template": "2024",
    "welfare_regions": "1",
    "welfare_regions_as_of": "2024-04",
    "municipalities": "1",
    "municipalities_as_of": "2024-04",
    "population": "434462",
    "population_as_of": "2024-04",
    "psychiatric_hospitals": "4",
    "psychiatric_hospitals_as_of": "2024-03",
    "psychiatric_beds": "1320",
    "psychiatric_beds_as_of": "2024-03",
    "inpatients_as_of": "2022-06",
    "inpatients_note": "",
    "inpatients_total": "340",
    "inpatients_under_3_months": "54",
    "inpatients_under_3_months_percent": "15.9",
    "inpatients_from_3_to_12_months": "50",
    "inpatients_from_3_to_12_months_percent": "14.7",
    "inpatients_over_1_year": "236",
    "inpatients_over_1_year_percent": "69.4",
    "inpatients_aged_under_65": "119",
    "inpatients_aged_65_and_over": "221",
    "discharge_rates_as_of": "2022-06",
    "discharge_rates_note": "",
    "discharge_rate_after_3_months_percent": "",
    "discharge_rate_after_6_months_percent": "",
    "discharge_rate_after_1_year_percent": "",  # empty cells: unknown, never 0
    "consultation_offices_as_of": "2024-04",
    "core_consultation_centers": "2",
    "general_consultation_offices": "13",
    "specific_consultation_offices": "37",
    "health_centers": "1",
    "health_centers_as_of": "2024-04",
    "support_council_fiscal_year": "2023",
    "support_council_meetings_per_year": "3",
    "support_council_mental_health_subcommittee": "true",
    "council_setup_as_of": "2024-04",
    "council_setup_prefecture_exists": "",
    "council_setup_prefecture_count": "",
    "council_setup_prefecture_total": "",
    "council_setup_region_exists": "",
    "council_setup_region_count": "",
    "council_setup_region_total": "",
    "council_setup_municipality_exists": "true",
    "council_setup_municipality_count": "1",
    "council_setup_municipality_total": "1",
    "n_initiatives": "3",
    "n_history_events": "9",
    "n_indicators": "3",
    "n_strengths": "2",
    "n_issues": "2",
    "n_planned_indicators": "2",
    "n_departments": "2",
    "n_partner_departments": "3",
    "n_councils": "3",
    "council_meetings_per_year": "13",
    "long_term_until_fiscal_year": "2026",
    "n_long_term_plan_rows": "4",
    "n_annual_schedule_items": "7",
    "n_sections": "10",
    "n_template_lines": "2",
    "n_unparsed_lines": "0",
    "n_diagnostics": "12",
}


def _validation_counts(path) -> dict[str, str]:
    from nikosheet import parse_file_data
    from nikosheet.validation.engine import check

    counts = Counter(p.severity for p in check(parse_file_data(path)))
    return {
        f"validation_{k}": str(counts[s]) for k, s in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
    }


def _read_csv(data: bytes, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode(encoding), newline="")))


@pytest.fixture(scope="module")
def real_table(tmp_path_factory):
    out = tmp_path_factory.mktemp("table") / "table.csv"
    r = invoke("table", KAW, KAS, "-o", out, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    return out.read_bytes()


def test_columns_are_defined_once_and_stable():
    from nikosheet.output.table import COLUMNS, column_names

    assert column_names("en") == [c[0] for c in COLUMNS] == EXPECTED_COLUMNS
    ja = column_names("ja")
    assert len(set(ja)) == len(ja) == len(EXPECTED_COLUMNS)


def test_real_sheets_value_by_value(real_table):
    rows = _read_csv(real_table)
    assert list(rows[0]) == EXPECTED_COLUMNS
    assert [r["source_path"] for r in rows] == [str(KAW), str(KAS)]  # input order
    for row, expected, path in ((rows[0], KAWAGUCHI, KAW), (rows[1], KASHIWA, KAS)):
        import hashlib

        assert row["source_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert {k: row[k] for k in expected} == expected
        assert {
            k: row[k] for k in ("validation_errors", "validation_warnings", "validation_infos")
        } == _validation_counts(path)
    assert set(KAWAGUCHI) | {
        "source_path",
        "source_sha256",
        "validation_errors",
        "validation_warnings",
        "validation_infos",
    } == set(EXPECTED_COLUMNS)


def test_csv_is_utf8_with_bom_and_crlf_by_default(real_table):
    assert real_table.startswith(BOM)
    assert real_table.count(b"\r\n") == 3 and b"\n" not in real_table.replace(b"\r\n", b"")
    assert "川口市".encode() in real_table


def test_csv_encoding_option(tmp_path, real_table):
    out = tmp_path / "sjis.csv"
    r = invoke("table", KAW, KAS, "-o", out, "--encoding", "cp932")
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    assert not data.startswith(BOM)
    assert data.decode("cp932") == real_table.decode("utf-8-sig")
    r = invoke("table", KAW, "--encoding", "utf-8")
    assert r.exit_code == 0 and not r.stdout_bytes.startswith(BOM)
    header, kawaguchi, _kashiwa, _ = real_table[len(BOM) :].split(b"\r\n")
    assert r.stdout_bytes == header + b"\r\n" + kawaguchi + b"\r\n"


def test_character_cp932_cannot_hold_is_replaced_with_a_warning(tmp_path):
    sheet = tmp_path / "yoshida.txt"
    sheet.write_text(KAW.read_text(encoding="utf-8").replace("※630調査", "※630調査𠮷"), encoding="utf-8")
    out = tmp_path / "t.csv"
    r = invoke("table", sheet, "-o", out, "--encoding", "cp932")
    assert r.exit_code == 0
    assert "cp932 cannot hold '𠮷'" in r.stderr
    assert _read_csv(out.read_bytes(), "cp932")[0]["inpatients_note"] == "※630調査?"


def test_japanese_headers(tmp_path):
    from nikosheet.output.table import column_names

    out = tmp_path / "ja.csv"
    r = invoke("table", KAW, "-o", out, "--header", "ja")
    assert r.exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert header == column_names("ja")
    by_label = dict(zip(header, rows[1], strict=False))
    assert by_label["人口"] == "604894"
    assert by_label["都道府県・指定都市・中核市・特別区"] == "川口市"
    assert by_label["入院精神障害者数 合計"] == "344"
    assert by_label["入院精神障害者数 1年以上（％：構成割合）"] == "54.4"
    assert by_label["退院率 入院後3か月時点（％）"] == "62.0"
    assert by_label["精神領域に関する議論を行う部会の有無"] == ""
    assert header[header.index("人口") + 1] == "人口（時点）"


def test_jsonl_keeps_types(tmp_path):
    r = invoke("table", KAW, KAS, "--format", "jsonl", "--jobs", "1")
    assert r.exit_code == 0 and not r.stdout_bytes.startswith(BOM)
    kaw, kas = [json.loads(line) for line in r.stdout.splitlines()]
    assert list(kaw) == EXPECTED_COLUMNS
    assert kaw["population"] == 604894 and kas["population"] == 434462
    assert kaw["inpatients_total"] == 344 and kas["inpatients_total"] == 340
    assert kaw["inpatients_over_1_year_percent"] == 54.4 and kas["inpatients_over_1_year_percent"] == 69.4
    assert kaw["support_council_mental_health_subcommittee"] is None
    assert kas["support_council_mental_health_subcommittee"] is True
    assert kas["discharge_rate_after_3_months_percent"] is None
    ja = invoke("table", KAW, "--format", "jsonl", "--header", "ja")
    assert json.loads(ja.stdout)["人口"] == 604894


def test_stdout_and_file_are_the_same_bytes(real_table):
    r = invoke("table", KAW, KAS, "--jobs", "1")
    assert r.exit_code == 0 and r.stdout_bytes == real_table


def test_80_sheets_plus_bad_ones_give_80_rows(tmp_path):
    src = tmp_path / "corpus"
    made = build_corpus(src, 80)
    empty, binary = add_bad_files(src)
    out = tmp_path / "table.csv"
    r = invoke("table", src, "-o", out, "--jobs", "2")
    assert r.exit_code == 1
    rows = _read_csv(out.read_bytes())
    assert len(rows) == 80
    assert [r["source_path"] for r in rows] == [str(p) for p in sorted(made)]
    lines = r.stderr.strip().splitlines()
    assert lines[0] == f"nikosheet: {empty}: file is empty"
    assert lines[1].startswith(f"nikosheet: {binary}: ") and "binary" in lines[1]
    assert lines[2] == f"nikosheet: 82 sheets: 80 rows written to {out}, 2 failed"
    assert len(lines) == 3


def test_jobs_1_and_jobs_2_give_the_same_table(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 8)
    add_bad_files(src)
    one = invoke("table", src, "--jobs", "1")
    two = invoke("table", src, "--jobs", "2")
    assert one.exit_code == two.exit_code == 1
    assert one.stdout_bytes == two.stdout_bytes and one.stderr == two.stderr
    assert len(_read_csv(one.stdout_bytes)) == 8


def test_quoted_glob(tmp_path):
    src = tmp_path / "in"
    made = build_corpus(src, 6)
    r = invoke("table", f"{src}/*/fy2023/*.txt")
    assert r.exit_code == 0
    assert [row["source_path"] for row in _read_csv(r.stdout_bytes)] == sorted(
        str(p) for p in made if p.parent.name == "fy2023"
    )


def test_all_bad_writes_nothing_and_keeps_an_existing_table(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / EMPTY).write_bytes(b"")
    out = tmp_path / "table.csv"
    out.write_bytes(b"old")
    r = invoke("table", bad, "-o", out)
    assert r.exit_code == 1 and out.read_bytes() == b"old"
    assert "file is empty" in r.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--encoding", "no-such-codec"], "unknown encoding"),
        (["--format", "xlsx"], "--format"),
        (["--header", "fr"], "--header"),
        (["--format", "jsonl", "--encoding", "cp932"], "--encoding"),
    ],
)
def test_misuse_is_exit_2(args, message):
    r = invoke("table", KAW, *args)
    assert r.exit_code == 2 and message in r.stderr and r.stdout == ""


def test_output_must_not_be_an_input_or_inside_an_input_folder(tmp_path):
    src = tmp_path / "in"
    made = build_corpus(src, 1)
    before = made[0].read_bytes()
    assert invoke("table", made[0], "-o", made[0]).exit_code == 2
    assert made[0].read_bytes() == before
    r = invoke("table", src, "-o", src / "table.csv")
    assert r.exit_code == 2 and not (src / "table.csv").exists()
    assert invoke("table", src, "-o", tmp_path).exit_code == 2  # a folder


def test_importing_the_table_module_is_light():
    code = (
        "import sys, nikosheet.output.table, nikosheet.cli.parse, nikosheet.cli.batch; "
        "heavy = {'pydantic', 'rich', 'yaml', 'nikosheet.validation.engine', 'nikosheet.parsing.document'}; "
        "heavy &= set(sys.modules); "
        "print(sorted(heavy))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stderr
