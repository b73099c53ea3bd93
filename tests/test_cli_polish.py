"""The command line's manners: -h, --format's choices, the progress bar on a terminal, interrupts,
the batch summary, a missing path among several, shell completion."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_corpus import EMPTY, add_bad_files, build_corpus, invoke, tree
from conftest import ROOT, SAMPLES

KAW = SAMPLES / "kawaguchi-r5.txt"
KASHIWA = SAMPLES / "kashiwa-r6.txt"
COMMANDS = ["parse", "validate", "rules", "table", "extract", "schema"]


# ---------------------------------------------------------------- help


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_h_is_help(command):
    short, long = invoke(*command, "-h"), invoke(*command, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "-h, --help" in short.stdout


def test_format_help_lists_the_choices():
    # written out for the help (start-up imports no writer): they must be the writers' own
    from nikosheet.output.diff.render import FORMATS as DIFF
    from nikosheet.output.serialize import FORMATS as PARSE
    from nikosheet.output.table import FORMATS as TABLE

    for command, formats in (("parse", PARSE), ("table", TABLE), ("diff", DIFF)):
        assert f"--format {'|'.join(formats)}" in invoke(command, "-h").stdout


# ---------------------------------------------------------------- the progress bar


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run the command with standard error on a pseudo-terminal, so that the progress bar shows."""
    import pty

    main, other = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nikosheet", *args], stdout=subprocess.DEVNULL, stderr=other, cwd=ROOT
    )
    os.close(other)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return proc.wait(timeout=60), seen.decode("utf-8", "replace")


def test_a_failure_printed_under_the_bar_shows_no_markup(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 3)
    add_bad_files(src)
    code, seen = _on_a_terminal(["parse", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert code == 1
    assert "parsing" in seen and f"{src / EMPTY}: file is empty" in seen  # the bar, and the line above it
    assert "[progress" not in seen


# ---------------------------------------------------------------- interrupts


@pytest.mark.parametrize(
    ("command", "sig", "code", "message"),
    [
        (["parse", "-o", "{out}/", "--jobs", "1"], signal.SIGINT, 130, "interrupted: 2 of 3 written"),
        (["parse", "-o", "{out}/", "--jobs", "1"], signal.SIGTERM, 143, "interrupted: 2 of 3 written"),
        (
            ["table", "-o", "{out}.csv", "--jobs", "1"],
            signal.SIGTERM,
            143,
            "interrupted: 2 of 3 read; no table written",
        ),
        (["validate", "--jobs", "1"], signal.SIGINT, 130, "interrupted: 2 of 3 checked; nothing reported"),
    ],
)
def test_an_interrupt_says_how_far_the_batch_got(tmp_path, command, sig, code, message):
    # the third input is a pipe nobody writes to: the run waits on it, two sheets done, when the signal
    # comes (at --jobs 1: a worker process would finish the input it is on, and this one never ends)
    fifo = tmp_path / "z-waiting.txt"
    os.mkfifo(fifo)
    sheets = [tmp_path / KASHIWA.name, tmp_path / KAW.name]
    for sheet in sheets:
        shutil.copyfile(SAMPLES / sheet.name, sheet)
    out = tmp_path / "out"
    args = [a.format(out=out) for a in command] + [*map(str, sheets), str(fifo), "-q"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "nikosheet", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=_ctrl_c_as_on_a_terminal,
    )
    writer = _open_when_read(fifo, proc)
    try:
        proc.send_signal(sig)
        assert proc.wait(timeout=60) == code
    finally:
        os.close(writer)
    assert proc.stderr is not None and proc.stderr.read().decode() == f"nikosheet: {message}\n"
    if command[0] == "parse":  # what was written is whole, and nothing else is there
        assert sorted(tree(out)) == ["kashiwa-r6.json", "kawaguchi-r5.json"]
    else:  # the table is written whole or not at all; validate reports at the end
        assert not out.exists() and not (tmp_path / "out.csv").exists()


def _ctrl_c_as_on_a_terminal() -> None:
    """A process started in the background inherits SIGINT ignored; one started from a shell does not."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _open_when_read(fifo: Path, proc: subprocess.Popen) -> int:
    """The pipe's writing end, opened once the command has opened it for reading (it has then read
    the inputs before it); held open, the command waits for more."""
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:  # ENXIO: no reader yet
            assert proc.poll() is None, "the command ended before it read the pipe"
            os.sched_yield()
    _wait_until_reading(proc)
    return fd


def _wait_until_reading(proc: subprocess.Popen) -> None:
    """Until the command sleeps in its read of the pipe: a signal that came between its opening the
    pipe and its read would set Python's flag before the read began, and the read would never end."""
    wchan = Path(f"/proc/{proc.pid}/wchan")
    for _ in range(2000):
        try:
            if "pipe" in wchan.read_text():
                return
        except OSError:  # no /proc here: give it a moment instead
            break
        time.sleep(0.005)
    time.sleep(0.2)


# ---------------------------------------------------------------- the batch summary


def test_the_parse_summary_counts_sheets_and_the_diagnostics_found(tmp_path, parsed):
    src = tmp_path / "in"
    build_corpus(src, 4, [KASHIWA, KAW])
    add_bad_files(src)
    r = invoke("parse", src, "-o", tmp_path / "out", "--jobs", "1")
    assert r.exit_code == 1
    # 柏市 has 4 warnings and 8 info, 川口市 5 warnings and 3 info; each is in the corpus twice
    for name, warnings, info in (("kashiwa-r6.txt", 4, 8), ("kawaguchi-r5.txt", 5, 3)):
        severities = [d["severity"] for d in parsed(name)["diagnostics"]]
        assert (severities.count("error"), severities.count("warning"), severities.count("info")) == (0, warnings, info)
    assert (
        r.stderr.splitlines()[-1]
        == "nikosheet: 6 sheets: 4 converted, 2 failed; diagnostics: 0 errors, 18 warnings, 22 info"
    )


def test_the_table_summary_counts_sheets(tmp_path):
    r = invoke("table", SAMPLES, "-o", tmp_path / "t.csv")
    assert r.exit_code == 0 and r.stderr == f"nikosheet: 2 sheets: 2 rows written to {tmp_path / 't.csv'}, 0 failed\n"


# ---------------------------------------------------------------- a missing path among several


def test_a_missing_path_among_several_is_named_and_the_rest_are_parsed(tmp_path):
    r = invoke("parse", KAW, tmp_path / "gone.txt", KASHIWA, "-o", tmp_path / "out")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"nikosheet: {tmp_path / 'gone.txt'}: no such file or folder",
        "nikosheet: 3 sheets: 2 converted, 1 failed; diagnostics: 0 errors, 9 warnings, 11 info",
    ]
    assert sorted(tree(tmp_path / "out")) == ["kashiwa-r6.json", "kawaguchi-r5.json"]


def test_a_missing_path_among_several_in_table_and_validate(tmp_path):
    r = invoke("table", KAW, f"{tmp_path}/nothing-*.txt", "--format", "jsonl")
    assert r.exit_code == 1
    assert [json.loads(line)["municipality"] for line in r.stdout.splitlines()] == ["川口市"]
    assert r.stderr.splitlines()[0] == f"nikosheet: {tmp_path}/nothing-*.txt: no file matches this pattern"
    r = invoke("validate", "--format", "json", KAW, tmp_path / "gone.txt")
    assert r.exit_code == 1
    found = [(p["path"], p["code"], p["message"]) for p in json.loads(r.stdout) if p["code"] == "NS001"]
    assert found == [(str(tmp_path / "gone.txt"), "NS001", "no such file or folder")]
    assert any(p["path"] == str(KAW) for p in json.loads(r.stdout))


def test_only_missing_paths_are_misuse(tmp_path):
    for args in (["parse", tmp_path / "gone.txt"], ["validate", tmp_path / "a.txt", tmp_path / "b.txt"]):
        r = invoke(*args)
        assert r.exit_code == 2 and r.stderr.splitlines() == [f"nikosheet: error: {args[1]}: no such file or folder"]


# ---------------------------------------------------------------- shell completion


_AS_INSTALLED = "import sys; from nikosheet.cli import main; sys.argv[0] = 'nikosheet'; main()"


def _complete(words: str) -> list[str]:
    """What bash completion offers for the last of `words`."""
    env = {**os.environ, "_NIKOSHEET_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run([sys.executable, "-c", _AS_INSTALLED], capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_shell_completion():
    # the shell named, not detected: detection looks at the processes above, which a test runner started
    # by a service or a detached job may not have (typer then says "Shell  not supported"); the variable
    # is typer's hook for its own tests, which makes `--show-completion` take the shell's name
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    script = subprocess.run(
        [sys.executable, "-c", _AS_INSTALLED, "--show-completion", "bash"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert script.returncode == 0 and "_NIKOSHEET_COMPLETE=complete_bash" in script.stdout
    assert _complete("nikosheet pa") == ["parse"]
    assert _complete("nikosheet parse --fo") == ["--format"]
    assert _complete("nikosheet parse --format j") == ["json", "jsonl"]
    assert _complete("nikosheet table --header ") == ["en", "ja"]
    assert _complete("nikosheet validate --format s") == ["sarif"]
    assert _complete("nikosheet validate --severity w") == ["warning"]
    assert _complete("nikosheet validate --lang ") == ["en", "ja"]
    assert _complete("nikosheet table --entity c") == ["councils"]
    assert _complete("nikosheet diff --color a") == ["auto", "always"]
