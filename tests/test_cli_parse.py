"""The parse and schema commands: outputs, formats, standard input, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import yaml

from conftest import ROOT, SAMPLES

KAW = str(SAMPLES / "kawaguchi-r5.txt")


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "nikosheet", *args], capture_output=True, input=input, cwd=ROOT)


def test_parse_to_stdout_keeps_japanese_readable():
    r = run("parse", KAW)
    assert r.returncode == 0 and r.stderr == b""
    text = r.stdout.decode("utf-8")
    assert "\\u" not in text and "川口市" in text
    assert json.loads(text)["basic_info"]["population"]["value"] == 604894


def test_parse_yaml_and_output_file(tmp_path):
    out = tmp_path / "k.yaml"
    r = run("parse", KAW, "--format", "yaml", "-o", str(out))
    assert r.returncode == 0 and r.stdout == b""
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert doc["municipality"] == "川口市" and doc["basic_info"]["inpatients"]["total"] == 344


def test_parse_stdin():
    r = run("parse", "-", input=(SAMPLES / "kashiwa-r6.txt").read_bytes())
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["source"]["path"] is None and doc["municipality"] == "柏市"


def test_library_api_returns_the_model():
    from nikosheet import parse_file, parse_text
    from nikosheet.models import Sheet

    a = parse_file(KAW)
    b = parse_text((SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8"))
    assert isinstance(a, Sheet) and a.basic_info.population.value == 604894
    assert b.model_dump(exclude={"source"}) == a.model_dump(exclude={"source"})


def test_bad_input_is_one_line_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("parse", str(empty))
    assert r.returncode == 1 and r.stdout == b""
    lines = r.stderr.decode().strip().splitlines()
    assert lines[0] == f"nikosheet: {empty}: file is empty" and "Traceback" not in r.stderr.decode()


def test_not_a_sheet(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("買い物リスト\n牛乳\n", encoding="utf-8")
    r = run("parse", str(p))
    assert r.returncode == 1 and b"not a" in r.stderr


def test_misuse_is_exit_2():
    assert run("parse", "no/such/file.txt").returncode == 2
    assert run("parse", KAW, "--format", "xml").returncode == 2
    assert run("parse", KAW, "--bogus").returncode == 2
    assert run("parse").returncode == 2


def test_version():
    from nikosheet import __version__

    r = run("--version")
    assert r.returncode == 0 and r.stdout.decode().strip() == f"nikosheet {__version__}"


def test_schema_file_is_generated_from_the_models():
    r = run("schema")
    assert r.returncode == 0
    on_disk = json.loads((ROOT / "schemas" / "sheet.schema.json").read_text(encoding="utf-8"))
    assert json.loads(r.stdout) == on_disk, "regenerate: nikosheet schema > schemas/sheet.schema.json"
