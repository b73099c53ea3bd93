"""Inputs: the files a command was given, expanded from folders and globs."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Input:
    path: str          # as given or found; "-" for standard input
    rel: Path          # where its output goes below an output folder (before the extension changes)
    root: str | None   # the folder it was found in, if any

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def _has_magic(s: str) -> bool:
    return any(c in s for c in "*?[")


def collect(paths: list[str]) -> list[Input]:
    """Expand files, folders (recursively, *.txt) and globs; a path that does not exist is misuse."""
    found: list[Input] = []
    folder_args = [p for p in paths if p != STDIN and os.path.isdir(p)]
    single_folder = len(paths) == 1 and len(folder_args) == 1
    for p in paths:
        if p == STDIN:
            found.append(Input(STDIN, Path("stdin.txt"), None))
        elif os.path.isdir(p):
            base = Path(p)
            files = sorted(f for f in base.rglob("*.txt") if f.is_file())
            for f in files:
                rel = f.relative_to(base)
                if not single_folder:
                    rel = Path(base.resolve().name) / rel
                found.append(Input(str(f), rel, str(base)))
        elif os.path.exists(p):
            found.append(Input(p, Path(Path(p).name), None))
        elif _has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise UsageError(f"{p}: no file matches this pattern")
            for m in matches:
                if os.path.isfile(m):
                    found.append(Input(m, Path(Path(m).name), None))
        else:
            raise UsageError(f"{p}: no such file or folder")
    return found


def check_outputs(inputs: list[Input], out_dir: Path, ext: str) -> None:
    """Refuse output paths that collide, or an output folder inside an input folder."""
    out_res = out_dir.resolve()
    for root in {i.root for i in inputs if i.root}:
        r = Path(root).resolve()
        if out_res == r or r in out_res.parents:
            raise UsageError(f"{out_dir}: the output folder is inside the input folder {root}")
    seen: dict[Path, str] = {}
    for i in inputs:
        target = output_name(i.rel, ext)
        if target in seen:
            raise UsageError(f"{i.path} and {seen[target]} would both be written to {out_dir / target}")
        seen[target] = i.path


def output_name(rel: Path, ext: str) -> Path:
    """`a/b.c.txt` → `a/b.c.json`: only a .txt extension is replaced."""
    name = rel.name[:-4] if rel.name.lower().endswith(".txt") else rel.name
    return rel.parent / (name + ext)
