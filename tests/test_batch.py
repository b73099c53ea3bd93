"""Batch conversion: nested folders, globs, bad files among good ones, parallel runs, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from batch_corpus import BINARY, EMPTY, add_bad_files, build_corpus, crash_on_binary, diagnostic_totals, invoke, tree
from conftest import ROOT, SAMPLES


def _json_outputs(out):
    return {k: v for k, v in tree(out).items() if k.endswith(".json")}


def test_nested_folder_mirrors_the_tree(tmp_path):
    src = tmp_path / "in"
    made = build_corpus(src, 9)
    out = tmp_path / "out"
    r = invoke("parse", src, "-o", out, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    expected = {p.relative_to(src).with_suffix(".json").as_posix() for p in made}
    assert set(tree(out)) == expected
    for p in made:
        doc = json.loads((out / p.relative_to(src).with_suffix(".json")).read_text(encoding="utf-8"))
        assert doc["source"]["path"] == str(p)
    assert r.stdout == ""
    assert r.stderr.strip() == f"nikosheet: 9 sheets: 9 converted, 0 failed; {diagnostic_totals(made)}"


def test_yaml_format_and_several_folders(tmp_path):
    a, b = tmp_path / "2023", tmp_path / "2024"
    build_corpus(a, 2)
    build_corpus(b, 2)
    out = tmp_path / "out"
    r = invoke("parse", a, b, "-o", out, "--format", "yaml", "-q")
    assert r.exit_code == 0 and r.stderr == ""
    # several folders: each keeps its own name below the output folder
    assert sorted(tree(out)) == [
        "2023/pref-00/fy2023/000-kashiwa-r6.yaml",
        "2023/pref-01/fy2024/001-kawaguchi-r5.yaml",
        "2024/pref-00/fy2023/000-kashiwa-r6.yaml",
        "2024/pref-01/fy2024/001-kawaguchi-r5.yaml",
    ]
    doc = yaml.safe_load((out / "2024/pref-01/fy2024/001-kawaguchi-r5.yaml").read_text(encoding="utf-8"))
    assert doc["basic_info"]["population"]["value"] == 604894


def test_80_sheets_with_an_empty_and_a_binary_file(tmp_path):
    src = tmp_path / "corpus"
    made = build_corpus(src, 80)
    empty, binary = add_bad_files(src)
    out = tmp_path / "out"
    r = invoke("parse", src, "-o", out, "--jobs", "2")
    assert r.exit_code == 1
    assert len(_json_outputs(out)) == 80
    assert set(tree(out)) == {p.relative_to(src).with_suffix(".json").as_posix() for p in made}
    lines = r.stderr.strip().splitlines()
    bad = [ln for ln in lines if EMPTY in ln or BINARY in ln]
    assert bad == [f"nikosheet: {empty}: file is empty", f"nikosheet: {binary}: " + bad[1].split(": ", 2)[2]]
    assert "binary" in bad[1] and "Traceback" not in r.stderr
    assert lines[-1] == f"nikosheet: 82 sheets: 80 converted, 2 failed; {diagnostic_totals(made)}"
    assert len(lines) == 3


def test_quoted_glob_is_expanded_by_the_tool(tmp_path):
    src = tmp_path / "in"
    made = build_corpus(src, 6)
    out = tmp_path / "out"
    r = invoke("parse", f"{src}/**/fy2024/*.txt", "-o", out)
    assert r.exit_code == 0, r.stderr
    # outputs go below the glob's fixed part, as they would for the folder
    assert set(tree(out)) == {
        p.relative_to(src).with_suffix(".json").as_posix() for p in made if p.parent.name == "fy2024"
    }


def test_relative_glob_and_no_match(tmp_path, monkeypatch):
    made = build_corpus(tmp_path / "in", 4)
    monkeypatch.chdir(tmp_path)
    r = invoke("parse", "in/*/fy2023/*.txt", "-o", "out")
    assert r.exit_code == 0, r.stderr
    assert sorted(tree(tmp_path / "out")) == [
        f"pref-00/fy2023/{made[0].stem}.json",
        f"pref-02/fy2023/{made[2].stem}.json",
    ]
    docs = [json.loads(b) for b in tree(tmp_path / "out").values()]
    assert sorted(d["source"]["path"] for d in docs) == [
        f"in/pref-00/fy2023/{made[0].name}",
        f"in/pref-02/fy2023/{made[2].name}",
    ]
    r = invoke("parse", "in/*/fy1999/*.txt", "-o", "out2")
    assert r.exit_code == 2 and "no file matches" in r.stderr and not (tmp_path / "out2").exists()


def test_files_named_one_by_one_keep_their_folders_apart(tmp_path):
    # what the shell hands over for an unquoted in/*/*/*.txt: same names in different folders
    a = tmp_path / "in" / "2023" / "kashiwa.txt"
    b = tmp_path / "in" / "2024" / "kashiwa.txt"
    for p in (a, b):
        p.parent.mkdir(parents=True)
        p.write_bytes((SAMPLES / "kashiwa-r6.txt").read_bytes())
    out = tmp_path / "out"
    r = invoke("parse", a, b, "-o", out)
    assert r.exit_code == 0, r.stderr
    assert sorted(tree(out)) == ["2023/kashiwa.json", "2024/kashiwa.json"]


def test_jobs_1_and_jobs_2_give_identical_outputs(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 12)
    add_bad_files(src)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        r = invoke("parse", src, "-o", out, "--jobs", jobs)
        stdout_jsonl = invoke("parse", src, "--format", "jsonl", "--jobs", jobs, "-q")
        runs[jobs] = (r.exit_code, r.stderr, tree(out), stdout_jsonl.stdout_bytes)
    assert runs["1"] == runs["2"]
    code, _, files, jsonl = runs["1"]
    assert code == 1 and len(files) == 12 and len(jsonl.splitlines()) == 12


def test_jsonl_goes_to_one_file_in_input_order(tmp_path):
    src = tmp_path / "in"
    made = build_corpus(src, 5)
    out = tmp_path / "all.jsonl"
    r = invoke("parse", src, "--format", "jsonl", "-o", out, "--jobs", "2")
    assert r.exit_code == 0, r.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["source"]["path"] for d in docs] == [str(p) for p in sorted(made)]
    # -o naming an existing folder is refused: jsonl is one file
    r = invoke("parse", src, "--format", "jsonl", "-o", tmp_path)
    assert r.exit_code == 2 and "one file" in r.stderr


def test_several_inputs_without_output_folder_is_misuse(tmp_path):
    build_corpus(tmp_path / "in", 2)
    r = invoke("parse", tmp_path / "in")
    assert r.exit_code == 2 and r.stdout == "" and "-o FOLDER" in r.stderr


def test_output_folder_inside_the_input_folder_is_refused(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 2)
    before = tree(src)
    for out in (src / "out", src, src / "pref-00"):
        r = invoke("parse", src, "-o", out)
        assert r.exit_code == 2 and "inside the input folder" in r.stderr
    r = invoke("parse", src, "--format", "jsonl", "-o", src / "all.jsonl")
    assert r.exit_code == 2
    assert tree(src) == before


def test_an_output_never_overwrites_an_input(tmp_path):
    sheet = tmp_path / "k.txt"
    sheet.write_bytes((SAMPLES / "kawaguchi-r5.txt").read_bytes())
    r = invoke("parse", sheet, "-o", sheet)
    assert r.exit_code == 2 and "overwrite" in r.stderr
    # an input not named *.txt keeps its name with the new extension: k.json into its own folder
    odd = tmp_path / "k.json"
    odd.write_bytes(sheet.read_bytes())
    r = invoke("parse", odd, sheet, "-o", tmp_path)
    assert r.exit_code == 2
    assert odd.read_bytes() == sheet.read_bytes()


def test_empty_folder_is_misuse(tmp_path):
    (tmp_path / "in").mkdir()
    r = invoke("parse", tmp_path / "in", "-o", tmp_path / "out")
    assert r.exit_code == 2 and "no .txt, .pdf or .docx file" in r.stderr


def test_hidden_entries_are_skipped(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 1)
    (src / ".git").mkdir()
    (src / ".git" / "notes.txt").write_bytes(b"")
    (src / ".~lock.txt").write_bytes(b"")
    r = invoke("parse", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.stderr
    assert sorted(tree(tmp_path / "out")) == ["pref-00/fy2023/000-kashiwa-r6.json"]


def test_folder_walk_order_links_and_case(tmp_path):
    """Files in path order part by part, .TXT too; a link to a file is read, a link to a folder is not followed."""
    from nikosheet.cli.inputs import collect

    src = tmp_path / "in"
    for rel in ("b/x.txt", "a-c/x.txt", "a/z/x.txt", "a/y.TXT", "a/notes.md", "outside/o.txt"):
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes(b"x")
    (tmp_path / "elsewhere.txt").write_bytes(b"x")
    (src / "a" / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    (src / "a" / "dirlink").symlink_to(src / "outside", target_is_directory=True)
    (src / "a" / "broken.txt").symlink_to(src / "missing.txt")
    found = collect([str(src)])
    assert [i.rel for i in found] == [
        os.path.join(*r.split("/"))
        for r in ("a/link.txt", "a/y.TXT", "a/z/x.txt", "a-c/x.txt", "b/x.txt", "outside/o.txt")
    ]
    assert [i.path for i in found][:2] == [str(src / "a" / "link.txt"), str(src / "a" / "y.TXT")]
    assert all(i.root == str(src) for i in found)


def test_existing_output_of_a_failed_input_is_left_alone(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 2)
    out = tmp_path / "out"
    assert invoke("parse", src, "-o", out, "-q").exit_code == 0
    first = out / "pref-00/fy2023/000-kashiwa-r6.json"
    before = first.read_bytes()
    (src / "pref-00/fy2023/000-kashiwa-r6.txt").write_bytes(b"")  # now it fails
    r = invoke("parse", src, "-o", out)
    assert r.exit_code == 1 and "file is empty" in r.stderr
    assert first.read_bytes() == before


def _fail_mid_write(monkeypatch, exc, only=None):
    """Writes (to files whose name holds `only`) put half the data down, then fail like a full disk."""
    real_write = os.write

    def write(fd, data):
        name = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else ""
        if only is None or only in name:
            real_write(fd, bytes(data[: len(data) // 2]))
            raise exc
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_write_atomic_leaves_no_partial_file(tmp_path, monkeypatch, exc):
    from nikosheet.output.files import write_atomic

    target = tmp_path / "doc.json"
    target.write_text("old", encoding="utf-8")
    _fail_mid_write(monkeypatch, exc)
    with pytest.raises(type(exc)):
        write_atomic(target, "new content " * 1000)
    assert os.listdir(tmp_path) == ["doc.json"]  # no temporary file left
    assert target.read_text(encoding="utf-8") == "old"  # the existing output is untouched
    with pytest.raises(type(exc)):
        write_atomic(tmp_path / "fresh.json", "x" * 1000)
    assert os.listdir(tmp_path) == ["doc.json"]  # no half-written new file either


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc to tell files apart")
def test_a_failed_write_in_a_batch_is_reported_and_the_rest_written(tmp_path, monkeypatch):
    src = tmp_path / "in"
    build_corpus(src, 4)
    out = tmp_path / "out"
    assert invoke("parse", src, "-o", out, "-q").exit_code == 0
    before = tree(out)
    for f in out.rglob("*.json"):  # make every output stale
        f.write_text("stale", encoding="utf-8")
    _fail_mid_write(monkeypatch, OSError(28, "No space left on device"), only="001-kawaguchi")
    r = invoke("parse", src, "-o", out, "--jobs", "1")
    assert r.exit_code == 1
    assert "001-kawaguchi-r5.txt: cannot write the output (No space left on device)" in r.stderr
    after = tree(out)  # hidden files included: no temporary file
    assert set(after) == set(before)
    broken = "pref-01/fy2024/001-kawaguchi-r5.json"
    assert after[broken] == b"stale"
    assert all(after[k] == before[k] for k in after if k != broken)
    assert (
        r.stderr.strip().splitlines()[-1]
        == "nikosheet: 4 sheets: 3 converted, 1 failed; diagnostics: 0 errors, 13 warnings, 17 info"
    )


def test_new_outputs_have_ordinary_permissions(tmp_path):
    build_corpus(tmp_path / "in", 1)
    invoke("parse", tmp_path / "in", "-o", tmp_path / "out")
    (f,) = (tmp_path / "out").rglob("*.json")
    umask = os.umask(0o022)
    os.umask(umask)
    assert f.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_dying_worker_is_reported_and_the_batch_goes_on(tmp_path):
    from nikosheet.cli.batch import run_tasks
    from nikosheet.cli.inputs import collect

    src = tmp_path / "in"
    build_corpus(src, 6)
    add_bad_files(src)
    inputs = collect([str(src)])
    results = list(run_tasks(crash_on_binary, inputs, 2))
    assert [r.input for r in results] == inputs
    failed = [(r.input.path, r.error) for r in results if r.error]
    assert failed == [
        (str(src / EMPTY), "file is empty"),
        (str(src / "pref-01/fy2024" / BINARY), "the worker process reading this file died"),
    ]
    assert sum(r.data is not None for r in results) == 6


def test_workers_dying_in_chunks_are_each_reported_in_order(tmp_path):
    # enough inputs for chunks of several: the finished ones are kept, the others redone one by one
    from nikosheet.cli.batch import run_tasks
    from nikosheet.cli.inputs import collect

    src = tmp_path / "in"
    build_corpus(src, 120)
    killers = [
        src / "pref-00" / "fy2023" / f"000-{BINARY}",
        src / "pref-03" / "fy2024" / f"zz-{BINARY}",
        src / "pref-03" / "fy2024" / f"zzz-{BINARY}",
    ]
    for k in killers:
        k.write_bytes(b"\0")
    inputs = collect([str(src)])
    results = list(run_tasks(crash_on_binary, inputs, 2))
    assert [r.input for r in results] == inputs
    assert [r.input.path for r in results if r.error] == [str(k) for k in killers]
    assert {r.error for r in results if r.error} == {"the worker process reading this file died"}
    assert sum(r.data is not None for r in results) == 120


def test_chunks_cover_every_input_once_and_shrink_towards_the_end():
    from nikosheet.cli.batch import MAX_CHUNK, _chunk_size

    for n, jobs in [(1, 2), (7, 2), (100, 2), (3000, 2), (3000, 8), (50, 64)]:
        left, sizes = n, []
        while left:
            sizes.append(_chunk_size(left, jobs))
            left -= sizes[-1]
        assert sum(sizes) == n and all(1 <= s <= MAX_CHUNK for s in sizes)
        assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1


def test_a_batch_stopped_early_does_not_wait_for_its_chunks(tmp_path):
    # Ctrl-C, or a consumer that stops: the workers leave the rest of their chunk
    import time

    from batch_corpus import slow_task
    from nikosheet.cli.batch import run_tasks
    from nikosheet.cli.inputs import collect

    build_corpus(tmp_path / "in", 200)
    inputs = collect([str(tmp_path / "in")])
    results = run_tasks(slow_task, inputs, 2)
    first = next(results)  # chunks of 25 inputs at 0.05 s each: 1.25 s a chunk
    assert first.input == inputs[0] and first.value == inputs[0].path
    results.close()
    done = len(list((tmp_path / "in").rglob("*.done")))
    time.sleep(0.3)  # workers still at their chunks would finish six more inputs each by now
    assert len(list((tmp_path / "in").rglob("*.done"))) == done
    assert done < 100  # not every chunk handed out: at most two and the input each worker was on


def test_progress_on_a_terminal_does_not_change_the_outputs(tmp_path, monkeypatch):
    import nikosheet.cli.parse as convert

    src = tmp_path / "in"
    build_corpus(src, 3)
    add_bad_files(src)
    plain = invoke("parse", src, "-o", tmp_path / "a", "--jobs", "1")
    monkeypatch.setattr(convert, "stderr_is_terminal", lambda: True)
    bar = invoke("parse", src, "-o", tmp_path / "b", "--jobs", "1")
    assert bar.exit_code == plain.exit_code == 1
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert f"{src / EMPTY}: file is empty" in bar.stderr
    assert "5 sheets: 3 converted, 2 failed" in bar.stderr


def test_not_a_terminal_means_only_the_summary_and_quiet_means_nothing(tmp_path):
    src = tmp_path / "in"
    build_corpus(src, 2)
    r = subprocess.run(
        [sys.executable, "-m", "nikosheet", "parse", str(src), "-o", str(tmp_path / "out")],
        capture_output=True,
        cwd=ROOT,
    )
    assert r.returncode == 0 and r.stdout == b""
    assert (
        r.stderr.decode() == "nikosheet: 2 sheets: 2 converted, 0 failed; diagnostics: 0 errors, 9 warnings, 11 info\n"
    )
    q = invoke("parse", src, "-o", tmp_path / "out", "--quiet")
    assert q.exit_code == 0 and q.stderr == "" and q.stdout == ""


def test_real_paths_match_os_realpath(tmp_path):
    """Resolved a folder at a time, links included, for folders that do not exist and very deep paths."""
    from nikosheet.cli.inputs import _realpaths

    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "b" / "c" / "f.txt").write_bytes(b"x")
    (tmp_path / "lnk").symlink_to(tmp_path / "a" / "b", target_is_directory=True)
    (tmp_path / "a" / "b" / "c" / "l.txt").symlink_to(tmp_path / "a" / "b" / "c" / "f.txt")
    d = str(tmp_path)
    paths = [
        f"{d}/a/b/c/f.txt",
        f"{d}/lnk/c/f.txt",
        f"{d}/a/b/c/l.txt",
        f"{d}/lnk/c/../c/f.txt",
        f"{d}/nope/x/y.txt",
        f"{d}/lnk/nope/z.txt",
        f"{d}/a/./b//c/f.txt",
        "rel/x.txt",
        "x.txt",
        "deep/" * 1500 + "x.txt",
    ]
    assert list(_realpaths(paths)) == [os.path.realpath(p) for p in paths]
