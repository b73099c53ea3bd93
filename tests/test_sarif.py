"""`validate --format sarif`: a SARIF 2.1.0 log that code scanning (upload-sarif) takes."""

from __future__ import annotations

import json
import os

from conftest import SAMPLES, SHEETS
from nikosheet import __version__
from nikosheet.validation.rules import REGISTRY

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def check_shape(log):
    """What SARIF 2.1.0 and GitHub's code scanning require of the parts nikosheet writes."""
    assert set(log) == {"$schema", "version", "runs"} and log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://") and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "nikosheet" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    for rule in rules:
        assert set(rule) == {"id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration"}
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in run["results"]:
        assert set(result) == {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert "\\" not in uri and not uri.startswith("/")
        if "region" in physical:
            assert set(physical["region"]) <= {"startLine", "startColumn"} and physical["region"]["startLine"] >= 1
    return run


def test_the_samples_as_sarif(cli, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    text = cli("validate", "samples")
    r = cli("validate", "samples", "--format", "sarif")
    assert r.exit_code == 0 and r.stderr == text.stderr
    run = check_shape(json.loads(r.stdout))
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(REGISTRY)
    results = run["results"]
    assert len(results) == len([x for x in text.stdout.splitlines() if not x.startswith(" ")]) == 17
    placeholder = next(x for x in results if x["ruleId"] == "NS303")
    assert placeholder == {
        "ruleId": "NS303",
        "ruleIndex": list(REGISTRY).index("NS303"),
        "level": "warning",
        "message": {"text": "unfilled placeholder 'R●年度'"},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "samples/kashiwa-r6.txt"}, "region": {"startLine": 203}}}
        ],
    }
    assert {x["level"] for x in results} == {"warning", "note"}  # info is a note
    rule = run["tool"]["driver"]["rules"][list(REGISTRY).index("NS303")]
    assert rule["name"] == "placeholder" and rule["defaultConfiguration"] == {"level": "warning"}
    assert rule["shortDescription"]["text"] == "A placeholder of the template left unfilled."
    assert "\n" not in rule["fullDescription"]["text"].split("\n\n")[0]  # paragraphs unwrapped


def test_a_finding_without_a_line_has_no_region(cli, tmp_path, monkeypatch):
    (tmp_path / "notes.txt").write_text("not a sheet\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = cli("validate", "notes.txt", str(tmp_path / "notes.txt"), "--format", "sarif")
    assert r.exit_code == 1
    (result,) = check_shape(json.loads(r.stdout))["results"]  # the same file named twice is read once
    assert result["ruleId"] == "NS001" and result["level"] == "error"
    assert result["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "notes.txt"}}}]


def test_absolute_paths_inside_the_current_folder_become_relative(cli, monkeypatch):
    monkeypatch.chdir(SHEETS.parent.parent.parent)
    r = cli("validate", str(SHEETS / "kashiwa-utf16.txt"), "--format", "sarif", "--select", "NS303")
    (result,) = check_shape(json.loads(r.stdout))["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "tests/fixtures/sheets/kashiwa-utf16.txt"
    assert os.path.exists(uri)


def test_levels_follow_each_findings_severity(cli):
    r = cli("validate", SHEETS, "--format", "sarif", "--exit-zero")
    run = check_shape(json.loads(r.stdout))
    levels = {(x["ruleId"], x["level"]) for x in run["results"]}
    assert ("NS101", "error") in levels  # fixtures with a missing section
    assert all(level == LEVELS[REGISTRY[code].SEVERITY] for code, level in levels if code in ("NS101", "NS105"))
