"""`validate`'s output controls: --statistics, --severity, --exit-zero and --jobs, on the samples."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, SHEETS

SAMPLE_STATISTICS = """\
6  NS301  unmarked-choice
3  NS105  empty-statistic
2  NS505  empty-field
1  NS102  empty-section
1  NS103  section-order
1  NS107  unreadable-value
1  NS204  inpatient-age-split
1  NS303  placeholder
1  NS304  guidance-in-table
"""


def test_statistics_count_per_code_most_first(cli):
    r = cli("validate", SAMPLES, "--statistics")
    assert r.exit_code == 0
    assert r.stdout == SAMPLE_STATISTICS
    assert r.stderr == "2 files: 0 errors, 9 warnings, 8 info\n"


def test_statistics_as_json(cli):
    r = cli("validate", SAMPLES, "--statistics", "--format", "json")
    rows = json.loads(r.stdout)
    assert rows[0] == {"code": "NS301", "name": "unmarked-choice", "count": 6}
    text = [line.split() for line in SAMPLE_STATISTICS.splitlines()]
    assert [[str(x["count"]), x["code"], x["name"]] for x in rows] == text


def test_statistics_text_under_github_actions_but_not_with_an_explicit_annotation_format(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("validate", SAMPLES, "--statistics").stdout == SAMPLE_STATISTICS
    for fmt in ("github", "sarif"):
        r = cli("validate", SAMPLES, "--statistics", "--format", fmt)
        assert r.exit_code == 2 and r.stderr == f"nikosheet: error: --statistics prints text or json, not {fmt}\n"


@pytest.mark.parametrize(("severity", "shown"), [("error", 0), ("warning", 9), ("info", 17)])
def test_severity_is_the_lightest_shown(cli, severity, shown):
    r = cli("validate", SAMPLES, "--severity", severity)
    lines = [line for line in r.stdout.splitlines() if not line.startswith(" ")]  # not the hints
    assert len(lines) == shown
    assert all(" info " not in line for line in lines) or severity == "info"
    hidden = 17 - shown
    tail = f"; {hidden} below --severity {severity} not shown" if hidden else ""
    assert r.stderr == f"2 files: 0 errors, 9 warnings, 8 info{tail}\n"


def test_strict_counts_what_severity_hides(cli):
    r = cli("validate", SAMPLES, "--severity", "error", "--strict")
    assert r.stdout == "" and r.exit_code == 1


def test_severity_and_statistics(cli):
    r = cli("validate", SAMPLES, "--severity", "warning", "--statistics")
    assert r.stdout.splitlines()[:2] == ["3  NS105  empty-statistic", "1  NS102  empty-section"]
    assert "NS505" not in r.stdout


def test_bad_severity_is_misuse(cli):
    r = cli("validate", SAMPLES, "--severity", "notice")
    assert r.exit_code == 2
    assert r.stderr == "nikosheet: error: --severity must be one of error, warning, info, not 'notice'\n"


def test_exit_zero(cli, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text((SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8").replace("合計\t344", "合計\t345"))
    failing = cli("validate", broken)
    assert failing.exit_code == 1
    r = cli("validate", broken, "--exit-zero")
    assert r.exit_code == 0 and r.stdout == failing.stdout and " error NS201 " in r.stdout
    assert cli("validate", SAMPLES, "--strict", "--exit-zero").exit_code == 0
    # misuse still is
    assert cli("validate", SAMPLES, "--exit-zero", "--select", "NS999").exit_code == 2


def test_jobs_keep_the_input_order(cli):
    one = cli("validate", SAMPLES, SHEETS, "--jobs", "1", "--format", "json")
    two = cli("validate", SAMPLES, SHEETS, "--jobs", "2", "--format", "json")
    assert one.exit_code == two.exit_code == 1  # fixtures with missing sections
    assert one.stdout == two.stdout and one.stderr == two.stderr
    paths = list(dict.fromkeys(p["path"] for p in json.loads(two.stdout)))
    assert paths[:2] == [str(SAMPLES / "kashiwa-r6.txt"), str(SAMPLES / "kawaguchi-r5.txt")]
    assert paths[2:] == sorted(paths[2:]) and len(paths) == 24  # of the 30 inputs, six have no finding


def test_jobs_must_be_positive(cli):
    assert cli("validate", SAMPLES, "--jobs", "0").exit_code == 2
