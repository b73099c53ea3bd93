"""`validate --write-baseline` and `--baseline`: today's findings accepted, new ones reported."""

from __future__ import annotations

import json

import pytest

KASHIWA = "sheets/kashiwa-r6.txt"


@pytest.fixture
def adopted(cli, sheets_repo):
    """The sample repository with its README excluded and a baseline of today's findings."""
    (sheets_repo / "nikosheet.toml").write_text('exclude = ["README.txt"]\n', encoding="utf-8")
    r = cli("validate", "sheets", "--write-baseline", "ci/nikosheet-baseline.json", cwd=sheets_repo)
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == "nikosheet: baseline ci/nikosheet-baseline.json written: 17 findings of 2 files\n"
    return sheets_repo


def test_the_baseline_file(adopted):
    data = json.loads((adopted / "ci" / "nikosheet-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    found = data["findings"]
    keys = [(f["path"], f["code"], f["fingerprint"]) for f in found]
    assert keys == sorted(keys)
    assert {f["path"] for f in found} == {"../sheets/kashiwa-r6.txt", "../sheets/kawaguchi-r5.txt"}
    placeholder = next(f for f in found if f["code"] == "NS303")
    assert placeholder["message"] == "unfilled placeholder 'R●年度'" and placeholder["count"] == 1
    assert "line" not in placeholder
    assert sum(f["count"] for f in found) == 17
    # the fingerprint is the content's, whatever the line
    assert len({f["fingerprint"] for f in found}) == len(found)


def test_written_again_it_is_the_same_bytes(cli, adopted):
    before = (adopted / "ci" / "nikosheet-baseline.json").read_bytes()
    cli("validate", "sheets", "--write-baseline", "ci/nikosheet-baseline.json", "--jobs", "2")
    assert (adopted / "ci" / "nikosheet-baseline.json").read_bytes() == before
    assert [p.name for p in (adopted / "ci").iterdir()] == ["nikosheet-baseline.json"]  # no temporary left


def test_everything_in_the_baseline_passes(cli, adopted):
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json", "--strict")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.splitlines() == [
        "nikosheet: baseline ci/nikosheet-baseline.json: 17 matched, 0 fixed (no longer found)",
        "2 files: 0 errors, 0 warnings, 0 info",
    ]


def test_lines_added_above_do_not_revive_a_finding(cli, adopted):
    sheet = adopted / KASHIWA
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    sheet.write_text("".join([*lines[:5], "追記した行\n", "もう一行\n", *lines[5:]]), encoding="utf-8")
    moved = cli("validate", KASHIWA, "--select", "NS303")
    assert moved.stdout.startswith(f"{KASHIWA}:205: warning NS303 ")  # two lines down from 203
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json")
    assert r.exit_code == 0 and r.stdout == ""
    assert "17 matched, 0 fixed" in r.stderr


def test_fixing_a_finding_reports_one_fixed_entry(cli, adopted):
    sheet = adopted / KASHIWA
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("R●年度", "R9年度"), encoding="utf-8")
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.splitlines()[0] == (
        "nikosheet: baseline ci/nikosheet-baseline.json: 16 matched, 1 fixed (no longer found); "
        "--write-baseline ci/nikosheet-baseline.json drops them"
    )


def test_a_new_finding_is_reported_and_fails(cli, adopted):
    sheet = adopted / KASHIWA
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("合計\t340", "合計\t341"), encoding="utf-8")
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json")
    assert r.exit_code == 1
    new = {line.split()[2] for line in r.stdout.splitlines() if not line.startswith(" ")}
    assert "NS201" in new and "NS303" not in new


def test_a_repeated_finding_is_counted(cli, adopted):
    """An identical finding once more than the baseline holds is new; the others still match."""
    sheet = adopted / KASHIWA
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[202].startswith("R●年度\t")
    sheet.write_text("".join(lines[:203] + lines[202:]), encoding="utf-8")  # the long-term plan's row twice
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json", "--select", "NS303")
    assert r.stdout.splitlines()[0] == f"{KASHIWA}:204: warning NS303 unfilled placeholder 'R●年度'"
    assert len(r.stdout.splitlines()) == 2  # the finding and its hint
    assert "1 matched, 0 fixed" in r.stderr
    cli("validate", "sheets", "--select", "NS303", "--write-baseline", "ci/twice.json")
    (twice,) = json.loads((adopted / "ci" / "twice.json").read_text(encoding="utf-8"))["findings"]
    assert twice["count"] == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file"),
        ("{", "not valid JSON ("),
        ('{"version": 2, "findings": []}', "baseline version 2; this nikosheet reads version 1"),
        ('{"version": 1}', "not a nikosheet baseline (no findings)"),
        ('{"version": 1, "findings": [{"path": "a.txt"}]}', "finding 1 lacks a path, code or fingerprint"),
    ],
)
def test_a_baseline_that_cannot_be_used_is_misuse(cli, sheets_repo, content, reason):
    if content is not None:
        (sheets_repo / "base.json").write_text(content, encoding="utf-8")
    r = cli("validate", "sheets", "--baseline", "base.json", cwd=sheets_repo)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"nikosheet: error: --baseline base.json: {reason}") and r.stderr.count("\n") == 1


def test_both_baseline_options_together_are_misuse(cli, sheets_repo):
    r = cli("validate", "sheets", "--baseline", "a.json", "--write-baseline", "a.json", cwd=sheets_repo)
    assert r.exit_code == 2 and "do not go together" in r.stderr


def test_checking_one_file_leaves_the_other_files_entries_alone(cli, adopted):
    """As a pre-commit hook checks only the staged files: the others' entries are not fixed."""
    r = cli("validate", KASHIWA, "--baseline", "ci/nikosheet-baseline.json")
    assert r.exit_code == 0 and r.stdout == ""
    assert "baseline ci/nikosheet-baseline.json: 11 matched, 0 fixed (no longer found)\n" in r.stderr


def test_a_file_that_cannot_be_read_is_never_accepted(cli, sheets_repo):
    """NS001 in a baseline would let every later run pass without reading the sheet."""
    (sheets_repo / "sheets" / "empty.txt").write_bytes(b"")
    r = cli("validate", "sheets", "--write-baseline", "b.json", "--select", "NS001", cwd=sheets_repo)
    assert r.exit_code == 0
    assert json.loads((sheets_repo / "b.json").read_text(encoding="utf-8"))["findings"] == []
    r = cli("validate", "sheets", "--baseline", "b.json", "--select", "NS001")
    assert r.exit_code == 1 and "sheets/empty.txt: error NS001 " in r.stdout


def test_the_baseline_never_replaces_an_input(cli, sheets_repo):
    sheet = sheets_repo / KASHIWA
    before = sheet.read_bytes()
    r = cli("validate", KASHIWA, "--write-baseline", KASHIWA, cwd=sheets_repo)
    assert r.exit_code == 2 and "would overwrite the input" in r.stderr
    assert sheet.read_bytes() == before


def test_a_bad_baseline_is_refused_before_any_sheet_is_read(cli, sheets_repo):
    (sheets_repo / "sheets" / "z-unreadable.txt").write_bytes(b"\xff\xfe\x00garbage")
    r = cli("validate", "sheets", "--baseline", "missing.json", cwd=sheets_repo)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("nikosheet: error: --baseline missing.json: ")


def test_the_baseline_lines_in_japanese(cli, adopted):
    r = cli("validate", "sheets", "--baseline", "ci/nikosheet-baseline.json", "--lang", "ja")
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == (
        "nikosheet: ベースライン ci/nikosheet-baseline.json: 一致 17 件、直ったもの（もう見つからない）0 件"
    )
