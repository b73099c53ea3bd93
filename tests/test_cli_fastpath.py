"""The parse command's usual command lines run without typer (`cli/fastpath.py`): they must end
exactly as typer's reading of them does, and anything unusual must go to typer."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest
import typer.main

from conftest import ROOT, SAMPLES, SHEETS
from nikosheet.cli import fastpath
from nikosheet.cli.app import app
from nikosheet.cli.parse import parse_paths

KASHIWA = str(SAMPLES / "kashiwa-r6.txt")

# prints, once the run has ended, whether typer was loaded
RUN = (
    "import atexit, sys; atexit.register(lambda: print('typer loaded:', 'typer' in sys.modules, file=sys.stderr)); "
    "sys.argv[0] = 'nikosheet'; from nikosheet.cli import main; main()"
)


def nikosheet(*args):
    r = subprocess.run([sys.executable, "-c", RUN, *map(str, args)], capture_output=True, text=True, cwd=ROOT)
    *lines, loaded = r.stderr.splitlines()
    return r.returncode, r.stdout, "\n".join(lines), loaded == "typer loaded: True"


def test_the_table_is_the_parse_commands_options():
    group = typer.main.get_command(app)
    command = group.commands["parse"]  # type: ignore[attr-defined]
    options = [p for p in command.params if p.param_type_name == "option"]
    names = lambda p: {*p.opts, *p.secondary_opts}  # noqa: E731
    assert {o: p.name for p in options if not p.is_flag for o in names(p)} == fastpath.VALUES
    assert {o: p.name or "debug" for p in options if p.is_flag for o in names(p)} == fastpath.FLAGS
    root_flags = {o: p.name for p in group.params if p.is_flag for o in names(p)}
    assert fastpath.ROOT_FLAGS.items() <= root_flags.items()  # the others (--version …) are typer's to read
    taken = {*fastpath.VALUES.values(), *fastpath.FLAGS.values(), "paths"}
    assert taken == set(inspect.signature(parse_paths).parameters)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["--version"],
        ["validate", "a.txt"],
        ["parse"],
        ["parse", "a.txt", "--help"],
        ["parse", "a.txt", "--jobs=2"],
        ["parse", "-qj2", "a.txt"],
        ["parse", "a.txt", "--", "-b.txt"],
        ["parse", "a.txt", "-o", "x.json", "--output", "y.json"],
        ["parse", "a.txt", "-o", "-q"],
        ["parse", "a.txt", "-o"],
        ["parse", "a.txt", "--jobs", "0"],
        ["parse", "a.txt", "--jobs", "٣"],
        ["parse", "a.txt", "--verbose"],
        ["--debug", "--debug", "validate"],
    ],
)
def test_unusual_command_lines_go_to_typer(args):
    assert fastpath.read(args) is None


def test_usual_command_lines_are_read(monkeypatch):
    assert fastpath.read(["--debug", "parse", "-", "-o", "-", "-j", "2", "--quiet", "a.txt"]) == {
        "debug": True,
        "output": "-",
        "jobs": 2,
        "quiet": True,
        "paths": ["-", "a.txt"],
    }
    assert fastpath.read(["parse", "dir", "--format", "yaml", "--lang", "ja", "--config", "c.toml", "--debug"]) == {
        "fmt": "yaml",
        "lang": "ja",
        "config": "c.toml",
        "debug": True,
        "paths": ["dir"],
    }
    monkeypatch.setenv("_NIKOSHEET_COMPLETE", "complete_bash")  # shell completion is typer's
    assert fastpath.read(["parse", "a.txt"]) is None


@pytest.mark.parametrize(
    ("usual", "typers"),
    [
        (["parse", KASHIWA], ["parse", KASHIWA, "--jobs=1"]),
        (["parse", KASHIWA, "-f", "yaml"], ["parse", KASHIWA, "--format=yaml"]),
        (
            ["parse", str(SHEETS / "minimal-fy2023.txt"), KASHIWA, "-f", "jsonl"],
            ["parse", "--format=jsonl", str(SHEETS / "minimal-fy2023.txt"), KASHIWA],
        ),
        (["parse", "no-such.txt"], ["parse", "no-such.txt", "--jobs=1"]),
        (["parse", KASHIWA, "-f", "xml"], ["parse", KASHIWA, "--format=xml"]),
        (["parse", KASHIWA, "--lang", "fr"], ["parse", KASHIWA, "--lang=fr"]),
        (["parse", KASHIWA, KASHIWA], ["parse", KASHIWA, KASHIWA, "--jobs=1"]),
    ],
)
def test_a_usual_command_line_ends_as_typers_reading_of_it_does(usual, typers):
    code, out, err, loaded = nikosheet(*usual)
    assert not loaded
    code_t, out_t, err_t, loaded_t = nikosheet(*typers)
    assert loaded_t
    assert (code, out, err) == (code_t, out_t, err_t)
