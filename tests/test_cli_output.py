"""`-o` says what it writes: the format from the extension, folders, one JSON Lines file for many inputs."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from batch_corpus import invoke, tree
from conftest import SAMPLES

KAW = SAMPLES / "kawaguchi-r5.txt"


def _one_error_line(r, *words: str) -> None:
    """Misuse: exit 2, nothing on standard output, one line naming what is wrong."""
    assert r.exit_code == 2 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nikosheet: error: "), r.stderr
    for word in words:
        assert word in lines[0]


# ---------------------------------------------------------------- the extension names the format


@pytest.mark.parametrize("name", ["k.yaml", "k.yml"])
def test_a_yaml_name_writes_yaml(tmp_path, name):
    r = invoke("parse", KAW, "-o", tmp_path / name)
    assert r.exit_code == 0 and r.stderr == ""
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith("schema_version: '1'\n")
    assert yaml.safe_load(text)["basic_info"]["inpatients"]["total"] == 344


def test_a_jsonl_name_writes_one_line_for_one_input(tmp_path):
    r = invoke("parse", KAW, "-o", tmp_path / "k.jsonl")
    assert r.exit_code == 0
    lines = (tmp_path / "k.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["municipality"] == "川口市"


def test_an_extension_that_contradicts_format_is_refused(tmp_path):
    r = invoke("parse", KAW, "-o", tmp_path / "k.yaml", "--format", "json")
    _one_error_line(r, "k.yaml", "yaml", "--format is json")
    r = invoke("table", SAMPLES, "-o", tmp_path / "t.csv", "--format", "jsonl")
    _one_error_line(r, "t.csv", "csv", "--format is jsonl")
    assert tree(tmp_path) == {}


def test_an_extension_of_a_format_the_command_does_not_write_is_refused(tmp_path):
    _one_error_line(invoke("parse", KAW, "-o", tmp_path / "k.csv"), "parse writes json, yaml or jsonl, not csv")
    _one_error_line(
        invoke("table", SAMPLES, "-o", tmp_path / "t.json"), "table writes csv, jsonl, xlsx or sqlite, not json"
    )
    _one_error_line(invoke("extract", KAW, "-o", tmp_path / "k.json"), "extract writes text, not json")
    assert tree(tmp_path) == {}


def test_an_unknown_extension_takes_the_default_format_and_says_so(tmp_path):
    r = invoke("parse", KAW, "-o", tmp_path / "k.out")
    assert r.exit_code == 0
    known = ".json, .yaml, .yml, .jsonl, .ndjson"
    assert r.stderr == f"nikosheet: {tmp_path / 'k.out'}: the extension names no format ({known}); writing json\n"
    assert json.loads((tmp_path / "k.out").read_text(encoding="utf-8"))["municipality"] == "川口市"
    # --format chooses without a word; a device needs no extension
    r = invoke("parse", KAW, "-o", tmp_path / "k.data", "--format", "yaml")
    assert r.exit_code == 0 and r.stderr == ""
    assert yaml.safe_load((tmp_path / "k.data").read_text(encoding="utf-8"))["municipality"] == "川口市"
    r = invoke("parse", KAW, "-o", "/dev/null")
    assert r.exit_code == 0 and r.stderr == ""
    # misuse is still one line: the note comes once the target is known to be good
    copy = tmp_path / "k.txt"
    copy.write_bytes(KAW.read_bytes())
    _one_error_line(invoke("table", copy, "-o", copy), "would overwrite the input")


def test_table_takes_its_format_from_the_extension(tmp_path):
    r = invoke("table", SAMPLES, "-o", tmp_path / "t.jsonl", "-q")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["municipality"] for row in rows] == ["柏市", "川口市"]


# ---------------------------------------------------------------- folders


def test_a_trailing_slash_means_a_folder_even_for_one_input(tmp_path):
    r = invoke("parse", KAW, "-o", f"{tmp_path / 'newdir'}/")
    assert r.exit_code == 0
    assert list(tree(tmp_path)) == ["newdir/kawaguchi-r5.json"]
    # and an existing folder, in the format asked for
    r = invoke("parse", KAW, "-o", tmp_path / "newdir", "--format", "yaml")
    assert r.exit_code == 0
    doc = yaml.safe_load((tmp_path / "newdir" / "kawaguchi-r5.yaml").read_text(encoding="utf-8"))
    assert doc["basic_info"]["population"]["value"] == 604894


def test_several_inputs_with_a_name_without_extension_still_make_a_folder(tmp_path):
    r = invoke("parse", SAMPLES, "-o", tmp_path / "out", "-q")
    assert r.exit_code == 0
    assert sorted(tree(tmp_path)) == ["out/kashiwa-r6.json", "out/kawaguchi-r5.json"]


def test_table_and_extract_write_one_file_not_a_folder(tmp_path):
    _one_error_line(invoke("table", SAMPLES, "-o", f"{tmp_path}/"), "is a folder", "table writes one file")
    _one_error_line(invoke("extract", KAW, "-o", tmp_path), "is a folder", "extract writes one file")


# ---------------------------------------------------------------- several inputs, one file


def test_a_folder_to_a_jsonl_name_is_one_file_in_input_order(tmp_path):
    out = tmp_path / "all.jsonl"
    r = invoke("parse", SAMPLES, "-o", out, "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    assert list(tree(tmp_path)) == ["all.jsonl"]  # one file, no folder, no temporary left
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["municipality"] for d in docs] == ["柏市", "川口市"]
    assert [d["source"]["path"] for d in docs] == [str(SAMPLES / "kashiwa-r6.txt"), str(KAW)]


@pytest.mark.parametrize("name", ["all.json", "all.yaml"])
def test_several_inputs_into_one_document_are_refused(tmp_path, name):
    r = invoke("parse", SAMPLES, "-o", tmp_path / name)
    _one_error_line(r, "several inputs", "-o FOLDER/", str(tmp_path / "all.jsonl"))
    assert tree(tmp_path) == {}


def test_a_jsonl_format_to_a_folder_is_refused(tmp_path):
    r = invoke("parse", SAMPLES, "--format", "jsonl", "-o", f"{tmp_path / 'out'}/")
    _one_error_line(r, "is a folder", "--format jsonl writes all documents to one file")
    assert not (tmp_path / "out").exists()


def test_a_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("parse", KAW, "-o", "-")
    assert r.exit_code == 0 and json.loads(r.stdout)["municipality"] == "川口市"
    r = invoke("table", KAW, "-o", "-", "--format", "jsonl")
    assert r.exit_code == 0 and json.loads(r.stdout)["municipality"] == "川口市"
    assert not (tmp_path / "-").exists()


def test_a_report_is_html(tmp_path):
    _one_error_line(invoke("report", KAW, "-o", tmp_path / "r.json"), "report writes html, not json")
    assert invoke("report", KAW, "-o", tmp_path / "r.htm").exit_code == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [
        ["parse", SAMPLES, "--format", "jsonl", "-o", "/dev/full"],
        ["table", SAMPLES, "-o", "/dev/full", "--format", "csv"],
        ["report", SAMPLES, "-o", "/dev/full"],
        ["diff", KAW, KAW, "-o", "/dev/full", "--format", "json"],
        ["validate", SAMPLES, "--write-baseline", "/dev/full"],
    ],
    ids=lambda a: a[0],
)
def test_a_full_disk_is_a_failure_not_misuse(args):
    r = invoke(*args)
    assert r.exit_code == 1, r.stderr
    assert r.stderr.splitlines()[-1] == "nikosheet: /dev/full: cannot write (No space left on device)"


def test_several_inputs_and_a_file_that_is_no_folder(tmp_path):
    existing = tmp_path / "notes.txt"
    existing.write_text("kept\n", encoding="utf-8")
    _one_error_line(invoke("parse", SAMPLES, "-o", existing), "is not a folder", "-o notes.jsonl")
    assert existing.read_text(encoding="utf-8") == "kept\n"
