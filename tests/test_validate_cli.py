"""`nikosheet validate` and `nikosheet rules`: exit codes, formats, options, bad files."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES
from nikosheet.cli.app import app
from nikosheet.diagnostics import Diagnostic
from nikosheet.validation.problem import Problem
from nikosheet.validation.reporters import default_format, github_line, summary, text_line, use_color, write_text
from nikosheet.validation.rules import REGISTRY

KAWAGUCHI = str(SAMPLES / "kawaguchi-r5.txt")
KASHIWA = str(SAMPLES / "kashiwa-r6.txt")
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def run(monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)

    def invoke(*args: str, env: dict | None = None, input: str | None = None):
        return CliRunner(env=env).invoke(app, list(args), input=input)

    return invoke


def problem_lines(stdout: str) -> list[str]:
    """The text format's problem lines, without the indented hint below each."""
    return [ln for ln in stdout.splitlines() if not ln.startswith(" ")]


def broken(tmp_path, name="broken.txt"):
    """川口市 with 合計 345: an error (NS201) on line 39."""
    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8").replace("合計\t344", "合計\t345")
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


# ---------------------------------------------------------------- exit codes


def test_real_sheets_pass(run):
    r = run("validate", KAWAGUCHI, KASHIWA)
    assert r.exit_code == 0, r.output
    assert f"{KAWAGUCHI}:53: warning NS301 " in r.stdout
    assert f"{KASHIWA}:33: warning NS204 " in r.stdout
    assert f"{KASHIWA}:203: warning NS303 " in r.stdout
    assert " error " not in r.stdout
    assert r.stderr.strip() == "2 files: 0 errors, 9 warnings, 8 info"


def test_strict_fails_on_warnings(run):
    assert run("validate", "--strict", KAWAGUCHI).exit_code == 1
    # only info left: --strict passes
    assert run("validate", "--strict", "--select", "NS505", KASHIWA).exit_code == 0


def test_errors_fail(run, tmp_path):
    path = broken(tmp_path)
    r = run("validate", path)
    assert r.exit_code == 1
    assert f"{path}:39: error NS201 入院精神障害者数: 92 + 65 + 187 = 344, but 合計 is 345" in r.stdout
    assert f"{path}:42: error NS203 " in r.stdout  # 187 of 345 is not 54.4 %
    assert r.stderr.startswith("1 file: 2 errors, ")
    assert run("validate", "--ignore", "NS201", path).exit_code == 1
    assert run("validate", "--ignore", "NS2", path).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--select", "NS999", KAWAGUCHI],
        ["validate", "--ignore", "NS201,bogus", KAWAGUCHI],
        ["validate", "--format", "xml", KAWAGUCHI],
        ["validate", "--no-such-option", KAWAGUCHI],
        ["validate", "/no/such/file.txt"],
        ["validate"],
        ["rules", "--format", "xml"],
    ],
)
def test_misuse_is_exit_2(run, args):
    r = run(*args)
    assert r.exit_code == 2
    assert r.stdout == "" or "Usage" in r.stdout


def test_unknown_rule_message(run):
    r = run("validate", "--select", "NS201,NS999", KAWAGUCHI)
    assert r.exit_code == 2
    assert "NS999" in r.stderr and "NS201" not in r.stderr


# ---------------------------------------------------------------- select / ignore


def test_select_and_ignore(run):
    r = run("validate", "--select", "NS204", KAWAGUCHI, KASHIWA)
    assert [ln.split(" ")[2] for ln in problem_lines(r.stdout)] == ["NS204"]
    r = run("validate", "--select", "NS3", "--ignore", "NS301", "--select", "NS102", KAWAGUCHI, KASHIWA)
    assert sorted({ln.split(" ")[2] for ln in problem_lines(r.stdout)}) == ["NS102", "NS303", "NS304"]
    r = run("validate", "--ignore", "unmarked-choice,empty-field", KASHIWA)
    assert "NS301" not in r.stdout and "NS505" not in r.stdout and "NS204" in r.stdout


# ---------------------------------------------------------------- formats


def test_json_format(run, tmp_path):
    path = broken(tmp_path)
    r = run("validate", "--format", "json", path, KASHIWA)
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert {"path": path, "line": 39, "code": "NS201", "severity": "error"}.items() <= data[0].items()
    assert all(set(d) >= {"path", "line", "code", "severity", "message"} for d in data)
    assert [(d["path"], d["line"], d["code"]) for d in data if d["path"] == KASHIWA][:1] == [(KASHIWA, 33, "NS204")]


def test_json_format_with_no_problems(run):
    r = run("validate", "-f", "json", "--select", "NS201", KAWAGUCHI)
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_github_format(run):
    r = run("validate", "--format", "github", KASHIWA)
    lines = r.stdout.splitlines()
    assert f"::warning file={KASHIWA},line=33,title=NS204 inpatient-age-split::" in lines[0]
    assert any(ln.startswith(f"::notice file={KASHIWA},line=43,") for ln in lines)  # info → notice
    assert all(ln.startswith("::") for ln in lines)


def test_github_format_chosen_under_github_actions(run, tmp_path):
    path = broken(tmp_path)
    r = run("validate", path, env={"GITHUB_ACTIONS": "true"})
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0].startswith(f"::error file={path},line=39,title=NS201 inpatient-total::")
    r = run("validate", "--format", "text", path, env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith(f"{path}:39: error NS201")
    assert default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert default_format({}) == "text"


def test_github_escapes():
    p = Problem("a,b:c.txt", 3, "NS101", "error", "50% done\nnext", name="missing-section")
    assert github_line(p) == "::error file=a%2Cb%3Ac.txt,line=3,title=NS101 missing-section::50%25 done%0Anext"


def test_text_line_without_a_line():
    assert text_line(Problem("x.txt", None, "NS001", "error", "no such file")) == "x.txt: error NS001 no such file"


# ---------------------------------------------------------------- colour


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_colour_only_on_a_terminal_without_no_color():
    assert use_color(_Tty(), {}) is True
    assert use_color(_Tty(), {"NO_COLOR": "1"}) is False
    assert use_color(io.StringIO(), {}) is False


def test_coloured_text_keeps_the_format():
    p = Problem("x.txt", 3, "NS201", "error", "a [b] message", name="inpatient-total")
    out = _Tty()
    write_text([p], out, color=True)
    assert ANSI.search(out.getvalue())
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())) == "x.txt:3: error NS201 a [b] message\n"


def test_no_colour_when_piped_or_no_color(run, tmp_path):
    r = run("validate", KAWAGUCHI, env={"NO_COLOR": "1"})
    assert not ANSI.search(r.stdout)
    r = run("validate", KAWAGUCHI)
    assert not ANSI.search(r.stdout)  # CliRunner's stdout is not a terminal


# ---------------------------------------------------------------- several files, bad files


def test_unreadable_file_among_good_ones(run, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    shutil.copy(KAWAGUCHI, folder / "a.txt")
    (folder / "b.txt").write_text("ただのメモです。\n見出しはありません。\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\xff\x00garbage" * 10)
    shutil.copy(KASHIWA, folder / "d.txt")
    r = run("validate", "--format", "json", str(folder))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    bad = [(os.path.basename(d["path"]), d["line"], d["code"], d["severity"]) for d in data if d["code"] == "NS001"]
    assert bad == [("b.txt", None, "NS001", "error"), ("c.txt", None, "NS001", "error")]
    assert {os.path.basename(d["path"]) for d in data} == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert r.stderr.strip() == "4 files: 2 errors, 9 warnings, 8 info"
    # ignoring NS001 hides them
    assert run("validate", "--ignore", "NS001", str(folder)).exit_code == 0


def test_unreadable_file_text(run, tmp_path):
    p = tmp_path / "memo.txt"
    p.write_text("見出しのないメモ\n", encoding="utf-8")
    r = run("validate", str(p), KAWAGUCHI)
    assert r.exit_code == 1
    lines = problem_lines(r.stdout)
    assert lines[0] == f"{p}: error NS001 not a にも包括 sheet: no section heading found"
    assert lines[1].startswith(f"{KAWAGUCHI}:53: ")


def test_a_folder_given_as_a_file_is_reported(tmp_path):
    from pathlib import Path

    from nikosheet.cli.inputs import Input
    from nikosheet.cli.validate import check_input

    problems = check_input(Input(str(tmp_path), Path("x"), None), list(REGISTRY))
    assert [(p.code, p.line, p.severity) for p in problems] == [("NS001", None, "error")]


def test_standard_input(run):
    text = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    r = run("validate", "--select", "NS204", "-", input=text)
    assert r.stdout.startswith("<stdin>:33: warning NS204")


def test_quiet_has_no_summary(run):
    r = run("validate", "-q", KAWAGUCHI)
    assert r.stderr == ""


# ---------------------------------------------------------------- rules


def test_rules_text(run):
    r = run("rules")
    assert r.exit_code == 0
    rules, diagnostics = r.stdout.split("\n\n")
    lines = rules.splitlines()
    assert [ln.split()[0] for ln in lines] == list(REGISTRY)
    assert re.match(r"NS204\s+inpatient-age-split\s+error\s+A 65-year split", lines[[*REGISTRY].index("NS204")])
    # the parser's codes, each with its default severity and the rules that report it
    listed = {ln.split()[0]: ln.split()[1:] for ln in diagnostics.splitlines()[1:]}
    assert set(listed) == {d.value for d in Diagnostic}
    assert listed["missing-value"][:4] == ["info", "NS105,", "NS502,", "NS505"]
    assert listed["unmarked-choice"][:2] == ["warning", "NS301"]
    assert listed["template-guidance"][:2] == ["info", "-"]


def test_rules_json(run):
    data = json.loads(run("rules", "--format", "json").stdout)
    rules = [d for d in data if d["kind"] == "rule"]
    assert [d["code"] for d in rules] == list(REGISTRY)
    assert all(d["name"] and d["severity"] in ("error", "warning", "info") and d["description"] for d in rules)
    diagnostics = {d["code"]: d for d in data if d["kind"] == "parser-diagnostic"}
    assert set(diagnostics) == {d.value for d in Diagnostic}
    assert diagnostics["unreadable-value"]["reported_by"] == ["NS107", "NS205"]


def test_summary_wording():
    assert summary(1, {"error": 1, "warning": 3, "info": 2}) == "1 file: 1 error, 3 warnings, 2 info"
    assert summary(2, {}) == "2 files: 0 errors, 0 warnings, 0 info"


# ---------------------------------------------------------------- the real command, docs, pre-commit


def test_console_script_exit_codes(tmp_path):
    exe = [sys.executable, "-m", "nikosheet"]
    ok = subprocess.run(
        [*exe, "validate", KAWAGUCHI],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
    )
    assert ok.returncode == 0 and ok.stderr.strip() == "1 file: 0 errors, 3 warnings, 3 info"
    bad = subprocess.run([*exe, "validate", "--strict", broken(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 1
    misuse = subprocess.run([*exe, "validate", "--select", "XX1", KAWAGUCHI], capture_output=True, text=True)
    assert misuse.returncode == 2


def test_docs_list_every_rule():
    doc = (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")
    for code, rule in REGISTRY.items():
        assert re.search(rf"\|\s*{code}\s*\|\s*`?{rule.NAME}`?\s*\|\s*{rule.SEVERITY}\s*\|", doc), code


def test_pre_commit_hook():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "nikosheet-validate")
    assert hook["entry"] == "nikosheet validate" and hook["language"] == "python"
    assert re.search(hook["files"], "sheets/kawaguchi-r5.txt") and not re.search(hook["files"], "a.json")


def test_parser_failure_is_an_internal_error(tmp_path, monkeypatch, capsys):
    from pathlib import Path

    import nikosheet.cli.batch
    from nikosheet.cli.inputs import Input
    from nikosheet.cli.validate import check_input

    def boom(inp):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(nikosheet.cli.batch, "read_input", boom)
    inp = Input(KAWAGUCHI, Path("k.txt"), None)
    problems = check_input(inp, list(REGISTRY))
    assert [(p.code, p.line, p.severity) for p in problems] == [("NS002", None, "error")]
    assert "RuntimeError: parser bug" in problems[0].message
    check_input(inp, list(REGISTRY), debug=True)
    assert "Traceback" in capsys.readouterr().err


def test_rule_failure_with_debug_shows_the_traceback(parsed, monkeypatch, capsys):
    from nikosheet.validation.engine import run as run_rules
    from nikosheet.validation.rules import duplicate_council

    def boom(doc):
        raise ValueError("rule bug")

    monkeypatch.setattr(duplicate_council, "check", boom)
    problems = run_rules(parsed("kawaguchi-r5.txt"), list(REGISTRY), "k.txt", debug=True)
    assert [p.code for p in problems if p.severity == "error"] == ["NS002"]
    assert "ValueError: rule bug" in capsys.readouterr().err
