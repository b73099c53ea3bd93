"""Helpers for the batch and table tests: nested corpora built from the real sheets, and CLI runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import SAMPLES, SHEETS

EMPTY = "empty.txt"
BINARY = "scan.txt"


def source_sheets() -> list[Path]:
    """The two real sheets first, then the fixture sheets when there are any."""
    found = sorted(SAMPLES.glob("*.txt"))
    if SHEETS.is_dir():
        found += sorted(SHEETS.glob("*.txt"))
    return found


def build_corpus(root: Path, count: int, sources: list[Path] | None = None) -> list[Path]:
    """`count` sheets in a nested tree, pref-NN/fyYYYY/NNN-name.txt, cycling through `sources`."""
    sources = sources or source_sheets()
    made = []
    for n in range(count):
        src = sources[n % len(sources)]
        target = root / f"pref-{n % 4:02d}" / f"fy{2023 + n % 2}" / f"{n:03d}-{src.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        made.append(target)
    return made


def diagnostic_totals(paths: list[Path]) -> str:
    """The batch summary's diagnostics part for these sheets, counted from each one parsed alone."""
    from nikosheet import parse_file_data

    counts = {"error": 0, "warning": 0, "info": 0}
    for path in paths:
        for d in parse_file_data(path)["diagnostics"]:
            counts[d["severity"]] += 1
    return f"diagnostics: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"


def add_bad_files(root: Path) -> tuple[Path, Path]:
    """An empty file at the top and a binary one deep down, both named *.txt."""
    empty = root / EMPTY
    empty.write_bytes(b"")
    binary = root / "pref-01" / "fy2024" / BINARY
    binary.parent.mkdir(parents=True, exist_ok=True)
    binary.write_bytes(bytes(range(256)) * 8 + b"\x00\x89PNG\r\n\x1a\n" * 50)
    return empty, binary


def tree(root: Path, suffix: str | None = None) -> dict[str, bytes]:
    """Every file below root (hidden ones included), by relative path."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = Path(dirpath) / f
            if suffix is None or p.name.endswith(suffix):
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def invoke(*args: str, input: bytes | None = None):
    """Run the command line in this process; stdout and stderr are kept apart."""
    from typer.testing import CliRunner

    from nikosheet.cli.app import app

    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def crash_on_binary(inp):
    """A batch task whose worker process dies on the binary file, as a crash in C code would."""
    from nikosheet.cli.batch import parse_task as convert

    if inp.path.endswith(BINARY):
        os._exit(3)
    return convert(inp, "json")


def slow_task(inp):
    """A batch task that takes a while on every input and leaves `INPUT.done` beside each one it finished,
    to see how much of a stopped batch is still done."""
    import time
    from pathlib import Path

    from nikosheet.cli.batch import Result

    time.sleep(0.05)
    Path(f"{inp.path}.done").touch()
    return Result(inp, value=inp.path)
