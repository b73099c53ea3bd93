"""`table -o data.sqlite` (every table, keyed and joined to `sheets`) and `--datapackage` (a Frictionless
description of the CSV written)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3

import pytest

from batch_corpus import EMPTY, invoke
from conftest import SAMPLES, SHEETS

KAW = SAMPLES / "kawaguchi-r5.txt"
KAS = SAMPLES / "kashiwa-r6.txt"


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    out = tmp_path_factory.mktemp("db") / "data.sqlite"
    r = invoke("table", KAW, KAS, SHEETS / "pref-fy2024.txt", "-o", out, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    con = sqlite3.connect(out)
    con.execute("PRAGMA foreign_keys = ON")
    yield con
    con.close()


def test_every_table_with_its_keys(database):
    from nikosheet.output.entities import ENTITIES

    names = [n for (n,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    assert names == [*ENTITIES, "column_titles"]
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (fk,) = database.execute("PRAGMA foreign_key_list(councils)").fetchall()
    assert (fk[2], fk[3], fk[4]) == ("sheets", "sheet_id", "sheet_id")
    pk = {row[1]: row[5] for row in database.execute("PRAGMA table_info(councils)")}
    assert (pk["sheet_id"], pk["position"]) == (1, 2)
    with pytest.raises(sqlite3.IntegrityError):  # a row of no sheet is refused
        database.execute("INSERT INTO councils (sheet_id, position) VALUES ('nosuchsheet', 1)")


def test_councils_join_back_to_their_sheets(database):
    got = database.execute(
        """
        SELECT s.municipality, s.population, c.name, c.meetings_per_year, c.line
        FROM councils AS c
        INNER JOIN sheets AS s ON c.sheet_id = s.sheet_id
        WHERE s.fiscal_year = 2023
        ORDER BY c.position
        """
    ).fetchall()
    assert got == [
        ("川口市", 604894, "川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場", 2, 163),
        ("川口市", 604894, "事務局会議", 6, 164),
        ("川口市", 604894, "委員ヒアリング", 4, 165),
    ]
    per_year = database.execute(
        """
        SELECT s.municipality, SUM(c.meetings_per_year), s.council_meetings_per_year
        FROM sheets AS s
        INNER JOIN councils AS c ON c.sheet_id = s.sheet_id
        GROUP BY s.sheet_id
        ORDER BY s.municipality
        """
    ).fetchall()
    assert per_year == [("川口市", 12, 12), ("柏市", 13, 13), ("静岡県", 16, 16)]


def test_values_keep_their_types(database):
    row = database.execute(
        "SELECT population_as_of, inpatients_over_1_year_percent, support_council_mental_health_subcommittee, "
        "typeof(population) FROM sheets WHERE municipality = '柏市'"
    ).fetchone()
    assert row == ("2024-04", 69.4, 1, "integer")
    months = database.execute("SELECT month FROM schedule WHERE kind = 'annual' AND month LIKE '2023-%'").fetchall()
    assert months == [("2023-05",), ("2023-08",), ("2023-11",), ("2023-12",)]
    titles = dict(database.execute("SELECT name, title FROM column_titles WHERE table_name = 'councils'").fetchall())
    assert titles["meetings_per_year"] == "開催頻度（回/年）"


def test_japanese_column_names(tmp_path):
    out = tmp_path / "ja.sqlite"
    assert invoke("table", KAW, "-o", out, "--header", "ja").exit_code == 0
    con = sqlite3.connect(out)
    got = con.execute(
        'SELECT c."名称", s."人口" FROM councils AS c INNER JOIN sheets AS s ON c."シートID" = s."シートID" '
        'ORDER BY c."順番" LIMIT 1'
    ).fetchone()
    con.close()
    assert got == ("川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場", 604894)


def test_written_whole_over_an_old_file_and_never_over_a_device(tmp_path):
    out = tmp_path / "data.sqlite"
    out.write_bytes(b"old")
    os.chmod(out, 0o640)
    assert invoke("table", KAW, "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"SQLite format 3\x00") and (out.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.sqlite"]  # no temporary file left
    r = invoke("table", KAW, "-o", "/dev/null", "--format", "sqlite")
    assert r.exit_code == 0 and os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / EMPTY).write_bytes(b"")
    r = invoke("table", bad, "-o", out)
    assert r.exit_code == 1 and out.read_bytes().startswith(b"SQLite format 3\x00")  # nothing read: kept


# ---------------------------------------------------------------- datapackage.json


def _header(path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_datapackage_describes_the_csv(tmp_path):
    out = tmp_path / "table.csv"
    r = invoke("table", KAW, KAS, "-o", out, "--datapackage")
    assert r.exit_code == 0, r.stderr
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    (res,) = package["resources"]
    assert (res["name"], res["path"], res["encoding"], res["format"]) == ("sheets", "table.csv", "utf-8", "csv")
    schema = res["schema"]
    assert [f["name"] for f in schema["fields"]] == _header(out)
    by_name = {f["name"]: f for f in schema["fields"]}
    assert by_name["population"] == {"name": "population", "type": "integer", "title": "人口"}
    assert by_name["inpatients_over_1_year_percent"]["type"] == "number"
    assert by_name["support_council_mental_health_subcommittee"]["trueValues"] == ["true"]
    assert schema["primaryKey"] == ["source_path"] and schema["missingValues"] == [""]
    _values_match_types(out, schema)


def _values_match_types(path, schema) -> None:
    """Every cell reads as its field's type, as a Table Schema reader would cast it."""
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    cast = {"integer": int, "number": float, "string": str, "boolean": {"true": True, "false": False}.__getitem__}
    for field in schema["fields"]:
        for row in rows:
            if row[field["name"]] != "":
                cast[field["type"]](row[field["name"]])


def test_tables_written_one_by_one_make_one_package(tmp_path):
    assert invoke("table", KAW, KAS, "-o", tmp_path / "sheets.csv", "--datapackage").exit_code == 0
    args = ("--entity", "councils", "--header", "ja", "--encoding", "cp932", "--datapackage")
    assert invoke("table", KAW, KAS, "-o", tmp_path / "councils.csv", *args).exit_code == 0
    assert invoke("table", KAW, KAS, "-o", tmp_path / "councils.csv", *args).exit_code == 0  # replaced, not added
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [(r["name"], r["path"]) for r in package["resources"]] == [
        ("sheets", "sheets.csv"),
        ("councils", "councils.csv"),
    ]
    councils = package["resources"][1]
    assert councils["encoding"] == "cp932"
    schema = councils["schema"]
    assert schema["fields"][4] == {"name": "名称", "type": "string", "title": "名称", "description": "name"}
    assert schema["primaryKey"] == ["シートID", "順番"]
    assert "foreignKeys" not in schema  # the sheets' CSV has English names: no ファイル to refer to
    header = next(csv.reader(io.StringIO((tmp_path / "councils.csv").read_bytes().decode("cp932"), newline="")))
    assert [f["name"] for f in schema["fields"]] == header


def test_datapackage_foreign_key_to_sheets(tmp_path):
    assert invoke("table", KAW, "-o", tmp_path / "sheets.csv", "--datapackage").exit_code == 0
    assert invoke("table", KAW, "-o", tmp_path / "issues.csv", "-e", "issues", "--datapackage").exit_code == 0
    issues = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["resources"][1]
    assert issues["schema"]["foreignKeys"] == [
        {"fields": ["source_path"], "reference": {"resource": "sheets", "fields": ["source_path"]}}
    ]
    _values_match_types(tmp_path / "issues.csv", issues["schema"])


@pytest.mark.parametrize("text", ["[1, 2]", '{"resources": [1]}', "{", '{"resources": {}}'])
def test_a_datapackage_that_is_not_one_is_left_alone(tmp_path, text):
    (tmp_path / "datapackage.json").write_text(text, encoding="utf-8")
    r = invoke("table", KAW, "-o", tmp_path / "t.csv", "--datapackage")
    assert r.exit_code == 2 and "datapackage.json: cannot add the table to it" in r.stderr
    assert not (tmp_path / "t.csv").exists() and (tmp_path / "datapackage.json").read_text() == text
