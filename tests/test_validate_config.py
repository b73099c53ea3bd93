"""The configuration file: found upward or named by --config, its keys, its errors, and the command
line overriding it; `exclude` for every command that reads folders, and for the pre-commit hook."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

KASHIWA = "sheets/kashiwa-r6.txt"
KAWAGUCHI = "sheets/kawaguchi-r5.txt"
SAMPLES_SUMMARY = "2 files: 0 errors, 9 warnings, 8 info"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(stdout):
    """The finding lines of a text report (each is followed by its indented hint)."""
    return [line for line in stdout.splitlines() if not line.startswith(" ")]


def codes(stdout):
    """The codes of a text report, in order."""
    return [line.split()[2] for line in findings(stdout)]


# ---------------------------------------------------------------- finding the file


def test_no_configuration_reads_every_txt(cli, sheets_repo):
    r = cli("validate", "sheets", cwd=sheets_repo)
    assert r.exit_code == 1
    assert "sheets/README.txt: error NS001 not a にも包括 sheet: no section heading found" in r.stdout
    assert r.stderr.strip() == "3 files: 1 error, 9 warnings, 8 info"


def test_pyproject_tool_table_is_found_from_a_subfolder(cli, sheets_repo):
    write(sheets_repo / "pyproject.toml", '[project]\nname = "sheets"\n\n[tool.nikosheet]\nexclude = ["README.txt"]\n')
    r = cli("validate", ".", cwd=sheets_repo / "sheets")
    assert r.exit_code == 0, r.output
    assert "README" not in r.stdout
    assert r.stderr.strip() == SAMPLES_SUMMARY


def test_pyproject_without_the_table_is_passed_over(cli, sheets_repo):
    write(sheets_repo / "nikosheet.toml", 'exclude = ["README.txt"]\n')
    write(sheets_repo / "sheets" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    r = cli("validate", ".", cwd=sheets_repo / "sheets")
    assert r.exit_code == 0 and r.stderr.strip() == SAMPLES_SUMMARY


def test_the_nearest_file_wins_and_nikosheet_toml_before_pyproject(cli, sheets_repo):
    write(sheets_repo / "nikosheet.toml", 'ignore = ["NS301"]\n')  # farther: not read
    write(sheets_repo / "sheets" / "pyproject.toml", '[tool.nikosheet]\nignore = ["NS105"]\n')
    write(sheets_repo / "sheets" / "nikosheet.toml", 'ignore = ["NS505"]\nexclude = ["README.txt"]\n')
    r = cli("validate", ".", cwd=sheets_repo / "sheets")
    assert "NS505" not in r.stdout
    assert codes(r.stdout).count("NS301") == 6 and codes(r.stdout).count("NS105") == 3


def test_config_option_names_the_file(cli, sheets_repo):
    write(sheets_repo / "ci" / "checks.toml", 'select = ["NS303"]\nexclude = ["README.txt"]\n')
    r = cli("validate", "sheets", "--config", "ci/checks.toml", cwd=sheets_repo)
    assert findings(r.stdout) == [f"{KASHIWA}:203: warning NS303 unfilled placeholder 'R●年度'"]
    # a pyproject.toml named by --config is read for its [tool.nikosheet]
    write(sheets_repo / "ci" / "pyproject.toml", '[tool.nikosheet]\nselect = ["NS204"]\nexclude = ["README.txt"]\n')
    r = cli("validate", "sheets", "--config", "ci/pyproject.toml", cwd=sheets_repo)
    assert codes(r.stdout) == ["NS204"]


# ---------------------------------------------------------------- the keys


def test_select_ignore_and_strict_from_the_file(cli, sheets_repo):
    settings = 'select = ["NS3"]\nignore = ["NS304"]\nstrict = true\nexclude = ["README.txt"]\n'
    write(sheets_repo / "nikosheet.toml", settings)
    r = cli("validate", "sheets", cwd=sheets_repo)
    assert sorted(set(codes(r.stdout))) == ["NS301", "NS303"]
    assert r.exit_code == 1  # strict: the warnings fail
    assert cli("validate", "sheets", "--no-strict").exit_code == 0


def test_per_file_ignores_match_the_path_from_the_files_folder(cli, sheets_repo):
    write(
        sheets_repo / "nikosheet.toml",
        'exclude = ["README.txt"]\n[per-file-ignores]\n"sheets/kashiwa-*.txt" = ["NS105", "empty-field"]\n'
        '"kawaguchi-r5.txt" = ["NS1"]\n',
    )
    r = cli("validate", "sheets", cwd=sheets_repo)
    kashiwa = [line.split()[2] for line in findings(r.stdout) if line.startswith(KASHIWA)]
    kawaguchi = [line.split()[2] for line in findings(r.stdout) if line.startswith(KAWAGUCHI)]
    assert "NS105" not in kashiwa and "NS505" not in kashiwa and "NS303" in kashiwa
    assert "NS102" not in kawaguchi and "NS107" not in kawaguchi and "NS301" in kawaguchi
    # from the sheets' own folder, the same file matches the same patterns
    assert cli("validate", "kashiwa-r6.txt", cwd=sheets_repo / "sheets").stdout.count(" NS105 ") == 0


def test_lang_from_the_file_and_the_command_line_over_it(cli, sheets_repo):
    write(sheets_repo / "nikosheet.toml", 'lang = "ja"\nselect = ["NS303"]\nexclude = ["README.txt"]\n')
    ja = cli("validate", "sheets", cwd=sheets_repo)
    assert findings(ja.stdout) == [f"{KASHIWA}:203: warning NS303 ひな形のままの「R●年度」"]
    assert ja.stderr.startswith("2 ファイル: ")
    en = cli("validate", "sheets", "--lang", "en", cwd=sheets_repo)
    assert findings(en.stdout) == [f"{KASHIWA}:203: warning NS303 unfilled placeholder 'R●年度'"]


# ---------------------------------------------------------------- the command line wins


def test_command_line_select_starts_afresh_and_ignore_adds(cli, sheets_repo):
    write(sheets_repo / "nikosheet.toml", 'select = ["NS3"]\nignore = ["NS301"]\nexclude = ["README.txt"]\n')
    assert codes(cli("validate", "sheets", cwd=sheets_repo).stdout) == ["NS304", "NS303"]
    # --select replaces the file's selection, its ignore included
    assert set(codes(cli("validate", "sheets", "--select", "NS301,NS204").stdout)) == {"NS204", "NS301"}
    # --ignore leaves out more of the file's selection
    assert codes(cli("validate", "sheets", "--ignore", "NS304").stdout) == ["NS303"]


# ---------------------------------------------------------------- a bad file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["NS1"]\n', "nikosheet.toml: selct: unknown key (known: select, ignore, per-file-ignores, "),
        ('ignore = "NS505"\n', "nikosheet.toml: ignore: must be a list of strings, not 'NS505'"),
        ('ignore = ["NS999"]\n', "nikosheet.toml: ignore: unknown rule code NS999; `nikosheet rules` lists them"),
        ('select = ["NS2", "no-such-rule"]\n', "nikosheet.toml: select: unknown rule code no-such-rule;"),
        ('[per-file-ignores]\n"a/*.txt" = ["NS9"]\n', "nikosheet.toml: per-file-ignores 'a/*.txt': unknown rule code"),
        ('per-file-ignores = ["NS1"]\n', "nikosheet.toml: per-file-ignores: must be a table of glob = [rule codes]"),
        ("exclude = [1]\n", "nikosheet.toml: exclude: must be a list of strings, not [1]"),
        ("strict = 1\n", "nikosheet.toml: strict: must be true or false, not 1"),
        ('lang = "fr"\n', "nikosheet.toml: lang: must be one of ja, en, not 'fr'"),
        ("select = [\n", "nikosheet.toml: not valid TOML ("),
    ],
)
def test_a_bad_file_is_misuse_naming_file_and_key(cli, sheets_repo, text, message):
    write(sheets_repo / "nikosheet.toml", text)
    r = cli("validate", "sheets", cwd=sheets_repo)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"nikosheet: error: {message}") and r.stderr.count("\n") == 1


def test_bad_pyproject_table_names_it(cli, sheets_repo):
    write(sheets_repo / "pyproject.toml", "[tool.nikosheet]\nseverity = 'error'\n")
    r = cli("parse", "sheets", "-f", "jsonl", cwd=sheets_repo)  # every command checks the file
    assert r.exit_code == 2
    assert r.stderr.startswith("nikosheet: error: pyproject.toml: [tool.nikosheet] severity: unknown key")


def test_missing_config_file_is_misuse(cli, sheets_repo):
    r = cli("validate", "sheets", "--config", "nope.toml", cwd=sheets_repo)
    assert r.exit_code == 2 and r.stderr == "nikosheet: error: nope.toml: no such configuration file\n"


# ---------------------------------------------------------------- exclude


def test_exclude_applies_to_parse_and_table(cli, sheets_repo):
    write(sheets_repo / "nikosheet.toml", 'exclude = ["README.txt", "sheets/kawaguchi-*"]\n')
    parsed = cli("parse", "sheets", "-f", "jsonl", "-q", cwd=sheets_repo)
    assert parsed.exit_code == 0
    assert [json.loads(line)["municipality"] for line in parsed.stdout.splitlines()] == ["柏市"]
    table = cli("table", "sheets", "-q")
    assert table.exit_code == 0 and len(table.stdout.splitlines()) == 2 and "柏市" in table.stdout
    # a file named on the command line is excluded too, and parse and table say so; with nothing left
    # to read they have nothing to do (misuse, as an empty folder is); validate has nothing to report
    r = cli("parse", "sheets/README.txt", "sheets/kawaguchi-r5.txt")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [
        "nikosheet: sheets/README.txt: left out, as nikosheet.toml's exclude says",
        "nikosheet: sheets/kawaguchi-r5.txt: left out, as nikosheet.toml's exclude says",
        "nikosheet: error: nothing to read: every input is left out by nikosheet.toml's exclude",
    ]
    r = cli("validate", "sheets/README.txt")  # silent, as ruff's force-exclude: a hook names every file
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "0 files: 0 errors, 0 warnings, 0 info\n")


def test_excluding_a_folder_by_name(cli, sheets_repo):
    write(sheets_repo / "sheets" / "drafts" / "half.txt", "not yet\n")
    write(sheets_repo / "nikosheet.toml", 'exclude = ["drafts", "README.txt"]\n')
    r = cli("validate", "sheets", cwd=sheets_repo)
    assert r.exit_code == 0 and r.stderr.strip() == SAMPLES_SUMMARY


def test_pre_commit_hook_honours_exclude(sheets_repo):
    """As pre-commit runs the hook: its entry, in the repository's root, with the staged files named."""
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    write(sheets_repo / "pyproject.toml", '[tool.nikosheet]\nexclude = ["README.txt"]\n')
    readme = sheets_repo / "sheets" / "README.txt"
    readme.write_bytes(b"\xff\xfe\x00garbage")  # were it read, NS001
    entry = hook["entry"].split()
    assert entry[0] == "nikosheet" and hook["require_serial"] is True  # one run spreads the files itself
    r = subprocess.run(
        [sys.executable, "-m", "nikosheet", *entry[1:], "sheets/README.txt", KAWAGUCHI],
        capture_output=True,
        text=True,
        cwd=sheets_repo,
        env={**os.environ, "GITHUB_ACTIONS": "", "NO_COLOR": "1"},
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "README" not in r.stdout
    assert r.stderr.strip() == "1 file: 0 errors, 3 warnings, 3 info"


def test_docs_name_every_option_and_key():
    import typer

    from nikosheet.cli.app import app
    from nikosheet.cli.config import KEYS

    doc = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    for key in KEYS:
        assert f"| `{key}` |" in doc, key
    command = typer.main.get_command(app).commands["validate"]
    for param in command.params:
        for name in [*param.opts, *param.secondary_opts]:
            if name.startswith("--") and name != "--help":
                assert f"`{name}" in doc or f"[{name}" in doc, name


def test_table_and_report_count_findings_as_validate_does(cli, sheets_repo, tmp_path):
    write(
        sheets_repo / "pyproject.toml",
        '[tool.nikosheet]\nexclude = ["README.txt"]\nignore = ["NS301"]\n'
        '[tool.nikosheet.per-file-ignores]\n"sheets/kawaguchi-*" = ["NS105"]\n',
    )
    found = codes(cli("validate", "sheets", cwd=sheets_repo).stdout)
    assert "NS301" not in found and found.count("NS105") == 3  # 柏市's three; 川口市's are ignored
    table = cli("table", "sheets", "--format", "jsonl", "-q")
    counts = {
        d["municipality"]: (d["validation_errors"], d["validation_warnings"], d["validation_infos"])
        for d in map(json.loads, table.stdout.splitlines())
    }
    per_sheet = {
        name: codes(cli("validate", f"sheets/{name}").stdout) for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt")
    }
    assert sum(counts["柏市"]) == len(per_sheet["kashiwa-r6.txt"]) and counts["柏市"][1] == 6
    assert sum(counts["川口市"]) == len(per_sheet["kawaguchi-r5.txt"]) == 2
    page = tmp_path / "report.html"
    assert cli("report", "sheets", "-o", page, "-q").exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "NS301" not in html and html.count(">NS105<") == 3
