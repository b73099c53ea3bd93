"""Faults around the content: devices and FIFOs as outputs, standard output full or closed, file
names that are not UTF-8, symbolic-link loops, unreadable folders, stale temporary files, control
characters. Each promise is checked through the real command."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import SAMPLES

KAW = SAMPLES / "kawaguchi-r5.txt"
HANG = 60  # seconds: only a hang fails a test here; none measures speed
COMMANDS = {
    "schema": ["schema"],
    "rules": ["rules"],
    "validate": ["validate", str(SAMPLES)],
    "parse": ["parse", str(KAW)],
    "parse jsonl": ["parse", str(SAMPLES), "--format", "jsonl"],
    "table": ["table", str(SAMPLES)],
    "extract": ["extract", str(KAW)],
}


def nikosheet(*args: str, stdout=subprocess.PIPE, shell_suffix: str = "") -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "nikosheet", *args]
    if shell_suffix:
        return subprocess.run(
            " ".join(f"'{c}'" for c in cmd) + shell_suffix,
            shell=True,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=HANG,
        )
    return subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=HANG)


def one_line(r: subprocess.CompletedProcess[bytes]) -> str:
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if not ln.startswith("nikosheet: 2 ")]  # a batch's summary may follow
    assert len(lines) == 1, err
    return lines[0]


# ---------------------------------------------------------------- 1. an output that is not a regular file


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_dev_null_as_output_stays_a_device():
    for args in (["parse", str(KAW), "-o", "/dev/null"], ["table", str(SAMPLES), "-o", "/dev/null"]):
        r = nikosheet(*args)
        assert r.returncode == 0, r.stderr
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.tmp"))


def test_a_fifo_as_output_is_written_not_replaced(tmp_path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    r = nikosheet("parse", str(KAW), "-o", str(fifo))
    reader.join(HANG)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b'"municipality": "\xe5\xb7\x9d\xe5\x8f\xa3\xe5\xb8\x82"' in got[0]  # 川口市


def test_a_link_to_a_file_is_followed_and_stays_a_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = nikosheet("parse", str(KAW), "-o", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and b"604894" in target.read_bytes()


# ---------------------------------------------------------------- 4. standard output full or closed


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_standard_output_is_one_line(name):
    with open("/dev/full", "wb") as full:
        r = nikosheet(*COMMANDS[name], stdout=full)
    assert r.returncode == 1
    assert one_line(r) == "nikosheet: cannot write to standard output: No space left on device"


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_standard_output_is_one_line(name):
    r = nikosheet(*COMMANDS[name], stdout=None, shell_suffix=" >&-")
    assert r.returncode == 1
    assert one_line(r) == "nikosheet: cannot write to standard output: standard output is closed"


def test_a_broken_pipe_stays_quiet():
    r = nikosheet("schema", stdout=None, shell_suffix=" | head -c 1 >/dev/null")
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr


# ---------------------------------------------------------------- 3. a file name that is not UTF-8


def test_a_file_name_that_is_not_utf8(tmp_path):
    """A CP932 name from a Windows ZIP: read, written out under its own bytes, shown with escapes."""
    src = tmp_path / "in"
    src.mkdir()
    raw = "川口市.txt".encode("cp932")
    (src / os.fsdecode(raw)).write_bytes(KAW.read_bytes())
    out = tmp_path / "out"
    r = nikosheet("parse", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert os.listdir(os.fsencode(out)) == [raw[:-4] + b".json"]
    doc = (out / os.fsdecode(raw[:-4] + b".json")).read_text(encoding="utf-8")
    assert '"path": "' + str(src).replace("\\", "\\\\") + '/\\\\x90\\\\xec\\\\x8c\\\\xfb\\\\x8es.txt"' in doc
    v = nikosheet("validate", str(src))
    assert v.returncode == 0 and b"\\x90\\xec\\x8c\\xfb\\x8es.txt:53: warning NS301" in v.stdout
    t = nikosheet("table", str(src), "--format", "jsonl")
    assert t.returncode == 0 and b"\\\\x90\\\\xec" in t.stdout
    (src / os.fsdecode(b"\x90\xec.txt")).write_bytes(b"")  # one that fails: named on one line
    r = nikosheet("parse", str(src), "-o", str(out))
    assert r.returncode == 1 and b"\\x90\\xec.txt: file is empty" in r.stderr and b"Traceback" not in r.stderr


# ---------------------------------------------------------------- 5. a quoted ** glob over link loops


def test_a_recursive_glob_ends_over_link_loops(tmp_path):
    tree = tmp_path / "a" / "b"
    tree.mkdir(parents=True)
    (tree / "k.txt").write_bytes(KAW.read_bytes())
    (tmp_path / "a" / "loop").symlink_to(".")
    (tree / "up").symlink_to("..")
    r = subprocess.run(
        [sys.executable, "-m", "nikosheet", "parse", "a/**/*.txt", "--format", "jsonl"],
        capture_output=True,
        timeout=HANG,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 1 and b'"path":"a/b/k.txt"' in r.stdout


def test_the_recursive_glob_matches_as_glob_does(tmp_path):
    from nikosheet.cli.inputs import _glob

    for rel in ("x.txt", "a/x.txt", "a/b/x.txt", "a/b/x.pdf", "a/.hidden/x.txt", "b/f1.txt", "b/c/f2.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    import glob

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for pattern in ("**/*.txt", "a/**/*.txt", "**/f[0-9].txt", "b/**", "*.txt"):
            assert sorted(_glob(pattern)) == sorted(p.rstrip("/") for p in glob.glob(pattern, recursive=True))
    finally:
        os.chdir(here)


# ---------------------------------------------------------------- 6. a folder that cannot be read


def test_an_unreadable_subfolder_is_named_and_fails_the_batch(tmp_path, monkeypatch):
    """As root every folder reads, so the fault is made where the folders are listed."""
    from typer.testing import CliRunner

    import nikosheet.cli.inputs as inputs
    from nikosheet.cli.app import app

    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "k.txt").write_bytes(KAW.read_bytes())
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(inputs.os, "scandir", scandir)
    runner = CliRunner()
    for args in (["parse", str(src), "--format", "jsonl"], ["table", str(src)]):
        r = runner.invoke(app, args)
        assert r.exit_code == 1
        assert f"nikosheet: {src}/locked: cannot read this folder (Permission denied)" in r.stderr
    v = runner.invoke(app, ["validate", str(src)])
    assert v.exit_code == 1 and f"{src}/locked: error NS001 cannot read this folder (Permission denied)" in v.stdout


# ---------------------------------------------------------------- 7. validate and table stay linear


class _CountedList(list):
    """A list that counts how often it is walked through."""

    walks = 0

    def __iter__(self):
        _CountedList.walks += 1
        return super().__iter__()


def test_validate_walks_the_sections_once_however_many_headings():
    """1 MB of repeated headings took validate 65 s: every finding walked every section. The rules now
    walk a document's sections a fixed number of times, not once per finding."""
    import nikosheet

    heads = [ln for ln in KAW.read_text(encoding="utf-8").splitlines() if ln[:1].isdigit() or ln.startswith("## ")]
    for copies in (50, 500):
        doc = nikosheet.parse_text_data(KAW.read_text(encoding="utf-8") + "\n" + "\n".join(heads * copies))
        assert len(doc["sections"]) > 8 * copies
        doc["sections"] = _CountedList(doc["sections"])
        _CountedList.walks = 0
        problems = nikosheet.validate(doc)
        assert len(problems) > copies  # a finding for each repeated heading
        assert _CountedList.walks <= 3, f"{copies} copies: the sections were walked {_CountedList.walks} times"


def test_a_document_past_the_size_limit_is_refused_before_it_is_read():
    import nikosheet
    from nikosheet.errors import InputError
    from nikosheet.sources.text import MAX_BYTES

    big = b"%PDF-1.7\n" + b"0" * MAX_BYTES
    with pytest.raises(InputError, match="too large"):
        nikosheet.parse_bytes_data(big)


# ---------------------------------------------------------------- 2. no worker outlives the command


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    out = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat_file.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _batch_with_workers(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    """A two-worker batch long enough to be caught running, and its workers once both have started."""
    import time

    src = tmp_path / "in"
    src.mkdir()
    data = KAW.read_bytes()
    for i in range(3000):
        (src / f"{i:04}.txt").write_bytes(data)
    p = subprocess.Popen(
        [sys.executable, "-m", "nikosheet", "parse", str(src), "-o", str(tmp_path / "out"), "--jobs", "2", "-q"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + HANG
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and p.poll() is None:
        workers = _children(p.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the batch ended before its workers were seen"
    return p, workers


def _gone(pids: set[int]) -> bool:
    import time

    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        if not any(_alive(w) for w in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    import signal

    p, workers = _batch_with_workers(tmp_path)
    os.kill(p.pid, signal.SIGKILL)
    p.wait(HANG)
    assert _gone(workers), "a worker outlived its killed parent"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path):
    import signal

    p, workers = _batch_with_workers(tmp_path)
    os.kill(p.pid, signal.SIGTERM)
    _, err = p.communicate(timeout=HANG)
    assert p.returncode == 143  # 128 + SIGTERM, as a shell reports it; Ctrl-C is 130
    last = err.decode().strip().splitlines()[-1]
    m = re.fullmatch(r"nikosheet: interrupted: (\d+) of 3000 written", last)
    assert m, last
    # every output written is counted, those the workers wrote while the command was stopping included
    assert int(m.group(1)) == len(list((tmp_path / "out").glob("*.json"))) < 3000
    assert _gone(workers)
    assert not list((tmp_path / "out").glob(".*.tmp"))


# ---------------------------------------------------------------- 9. temporaries left by a killed run


def _dead_pid() -> int:
    pid = 4_000_000
    while Path(f"/proc/{pid}").exists() if Path("/proc").is_dir() else False:
        pid -= 1
    return pid


def test_a_run_removes_the_stale_temporaries_of_a_killed_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead, alive = _dead_pid(), os.getpid()
    stale = [out / f".kawaguchi-r5.json.{dead}.tmp", out / f".nikosheet.{dead}.probe"]
    kept = [out / f".kawaguchi-r5.json.{alive}.tmp", out / f".notes.{dead}.txt", out / "draft.99.tmp"]
    for f in stale + kept:
        f.write_text("half")
    r = nikosheet("parse", str(SAMPLES), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert not any(f.exists() for f in stale)
    assert all(f.exists() for f in kept)  # a live process's, and names that are not ours
    assert (out / "kawaguchi-r5.json").is_file()


# ---------------------------------------------------------------- 8. a crash on one file at --jobs 1


def _dies_on_big(inp):
    """A task that crashes its process on the large input, as the interpreter does out of memory."""
    from nikosheet.cli.batch import Result

    if inp.path.endswith("big.txt"):
        os._exit(139)
    return Result(inp, value="read")


def test_a_large_input_is_read_in_a_worker_even_at_jobs_1(tmp_path):
    from nikosheet.cli.batch import LARGE_INPUT, run_tasks
    from nikosheet.cli.inputs import collect

    (tmp_path / "big.txt").write_bytes(b"x" * (LARGE_INPUT + 1))
    (tmp_path / "small.txt").write_bytes(b"x")
    results = list(run_tasks(_dies_on_big, collect([str(tmp_path)]), 1))
    assert [(Path(r.input.path).name, r.error, r.value) for r in results] == [
        ("big.txt", "the worker process reading this file died", None),
        ("small.txt", None, "read"),
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="memory limits by setrlimit(RLIMIT_AS) as on Linux")
def test_a_memory_limit_never_ends_the_batch(tmp_path):
    """Under `ulimit -v`, a 20 MB sheet fails (MemoryError, or its worker dies in C code) and the batch
    goes on: the small sheet after it is always written, and the big one is named with its reason."""
    import resource

    src = tmp_path / "in"
    src.mkdir()
    sheet = KAW.read_bytes()
    (src / "a-big.txt").write_bytes(sheet * (20_000_000 // len(sheet)))
    (src / "b-small.txt").write_bytes(sheet)
    for limit_kb in (215_000, 225_000, 235_000):  # around where the JSON encoder crashed the process

        def limit(kb: int = limit_kb) -> None:
            resource.setrlimit(resource.RLIMIT_AS, (kb * 1024, kb * 1024))

        out = tmp_path / f"out-{limit_kb}"
        r = subprocess.run(
            [sys.executable, "-m", "nikosheet", "parse", str(src), "-o", str(out), "--jobs", "1", "-q"],
            capture_output=True,
            timeout=HANG * 3,
            preexec_fn=limit,
        )
        assert r.returncode in (0, 1), (limit_kb, r.returncode, r.stderr)
        assert b"Traceback" not in r.stderr
        assert (out / "b-small.json").is_file(), limit_kb
        if r.returncode == 1:
            assert r.stderr.startswith(f"nikosheet: {src}/a-big.txt: ".encode()), r.stderr
