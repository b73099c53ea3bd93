"""Inputs: the files a command was given, expanded from folders and globs.

Every input carries `rel`, the place its output takes below an output folder, so
that a batch mirrors the input tree:

- a folder given alone: paths below that folder (`corpus/2023/a.txt` → `2023/a.txt`);
- a folder given with other paths: the same, below the folder's own name (`corpus/2023/a.txt`);
- a glob the tool expands (quoted, `"corpus/**/*.txt"`): paths below the glob's fixed
  part (`corpus`), so a quoted glob lays out its outputs like the folder would;
- files named one by one (or by the shell expanding a glob): paths below the deepest
  folder the files have in common, so `2023/a.txt` and `2024/a.txt` do not collide.

Folders are searched recursively for `*.txt`, `*.pdf` and `*.docx` (any case), skipping hidden files and
folders (`.git`, editor backups) and not following symbolic links to folders.
The same file reached twice is read once.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from nikosheet.cli.exits import say
from nikosheet.errors import UsageError

if TYPE_CHECKING:
    from nikosheet.cli.config import Config

STDIN = "-"


# a NamedTuple, not a dataclass: see `parse.ParseRun`
class Input(NamedTuple):
    path: str  # as given or found; "-" for standard input
    rel: str  # where its output goes below an output folder (before the extension changes)
    root: str | None  # the folder argument it was found in, if any
    real: str | None = None  # its real path, once known (links resolved)
    error: str | None = None  # why it cannot be read, found while looking for inputs (a folder that cannot be listed)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def _has_magic(s: str) -> bool:
    return any(c in s for c in "*?[")


SHEET_SUFFIXES = (".txt", ".pdf", ".docx")
"""What a folder is searched for: a sheet's text, or the published sheet itself."""


def _is_sheet_name(name: str) -> bool:
    return name.lower().endswith(SHEET_SUFFIXES) and not name.startswith(".")


def _walk(base: str, unreadable: list[tuple[str, str]] | None = None) -> list[str]:
    """Every sheet (`*.txt`, `*.pdf`, `*.docx`) below `base` as a relative path, hidden entries skipped, in a
    stable order.

    Entries are read with scandir, whose file types come with the listing: no system call per
    file unless it is a symbolic link.  A folder below `base` that cannot be listed is added to
    `unreadable` (relative path, reason), to be named like a file that cannot be read.
    """
    found: list[str] = []
    todo = [""]
    while todo:
        rel = todo.pop()
        try:
            with os.scandir(os.path.join(base, rel) if rel else base) as entries:
                for e in entries:
                    name = e.name
                    if name.startswith("."):
                        continue
                    try:
                        if e.is_dir():  # a link to a folder is listed but not followed, as os.walk does
                            if not e.is_symlink():
                                todo.append(os.path.join(rel, name) if rel else name)
                        elif _is_sheet_name(name) and e.is_file():
                            found.append(os.path.join(rel, name) if rel else name)
                    except OSError:
                        continue
        except OSError as exc:
            if rel and unreadable is not None:
                unreadable.append((rel, f"cannot read this folder ({exc.strerror or exc})"))
            continue
    found.sort(key=lambda r: r.split(os.sep))  # as paths sort: part by part
    return found


def _glob_base(pattern: str) -> str:
    """The fixed folder part of a glob: `corpus/**/*.txt` → `corpus`, `*.txt` → `.`."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts[:-1]:
        if _has_magic(part):
            break
        fixed.append(part)
    return os.path.join(*fixed) if fixed else "."


def _glob(pattern: str) -> list[str]:
    """The paths a glob matches.  `**` is matched over a walk that does not follow links to folders
    (glob.glob follows them, and a link loop such as `ln -s . loop` never ends); hidden entries are
    left out, as glob.glob leaves them."""
    if "**" not in pattern:
        return glob.glob(pattern)
    base = _glob_base(pattern)
    match = glob_regex(os.path.normpath(pattern)).fullmatch
    out = [base] if match(os.path.normpath(base)) else []
    for root, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs + [f for f in files if not f.startswith(".")]:
            path = os.path.normpath(os.path.join(root, name))  # `a/b.txt`, as glob.glob writes it
            if match(path):
                out.append(path)
    return out


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over normalised paths: `**` is any number of whole folders."""
    sep = re.escape(os.sep)
    parts = pattern.split(os.sep)
    out = ""
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "**" and last:  # the folder before it and everything below
            out = out.removesuffix(sep) + (f"(?:{sep}[^{sep}]+)*" if out else f"[^{sep}]+(?:{sep}[^{sep}]+)*")
        elif part == "**":
            out += f"(?:[^{sep}]+{sep})*"
        else:
            out += _glob_segment(part, sep) + ("" if last else sep)
    return re.compile(out)


def _glob_segment(part: str, sep: str) -> str:
    """One folder's or file's name pattern: `*`, `?` and `[…]` within the name, the rest literal."""
    out: list[str] = []
    i = 0
    while i < len(part):
        c = part[i]
        end = part.find("]", i + 2) if c == "[" else -1
        if c == "*":
            out.append(f"[^{sep}]*")
        elif c == "?":
            out.append(f"[^{sep}]")
        elif end != -1:
            body = part[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def collect(paths: list[str]) -> list[Input]:
    """Expand files, folders (recursively: *.txt, *.pdf, *.docx) and globs.

    A path that does not exist (or a glob that matches nothing) is misuse when it is the only one, or
    when none exists; among others that do, it is an input that fails with that reason, so that the
    rest are still read.
    """
    found: list[Input] = []
    missing: list[str] = []
    loose: list[int] = []  # indexes of files named one by one: their rel is fixed at the end
    folder_args = [p for p in paths if p != STDIN and os.path.isdir(p)]
    single_folder = len(paths) == 1 and len(folder_args) == 1
    for p in paths:
        if p == STDIN:
            found.append(Input(STDIN, "stdin.txt", None))
        elif os.path.isdir(p):
            unreadable: list[tuple[str, str]] = []
            files = _walk(p, unreadable)
            if not files and not unreadable:
                raise UsageError(f"{p}: no .txt, .pdf or .docx file in this folder")
            base = str(Path(p))  # as Path writes it: `./corpus/` → `corpus`
            prefix = "" if single_folder else Path(p).resolve().name
            for rel in files:
                found.append(Input(os.path.join(base, rel), os.path.join(prefix, rel) if prefix else rel, p))
            for rel, reason in unreadable:
                found.append(Input(os.path.join(base, rel), rel, p, error=reason))
        elif os.path.exists(p):
            loose.append(len(found))
            found.append(Input(p, Path(p).name, None))
        elif _has_magic(p):
            base = _glob_base(p)
            n = len(found)
            for m in sorted(_glob(p)):
                if os.path.isdir(m):
                    folder = str(Path(m))
                    for rel in _walk(m):
                        full = os.path.join(folder, rel)
                        found.append(Input(full, os.path.relpath(full, base), None))
                elif os.path.isfile(m):
                    found.append(Input(m, os.path.relpath(m, base), None))
            if len(found) == n:
                missing.append(p)
                found.append(Input(p, Path(p).name, None, error="no file matches this pattern"))
        else:
            missing.append(p)
            found.append(Input(p, Path(p).name, None, error="no such file or folder"))
    if len(missing) == len(paths):
        raise UsageError(f"{missing[0]}: {found[0].error}")
    _place_loose(found, loose)
    return _dedupe(found)


def chosen(paths: list[str], config: Config | None = None, none_left_ok: bool = False) -> list[Input]:
    """The inputs a command reads: `collect(paths)` less what the configuration's `exclude` leaves out.

    Files named one by one are left out too, as a hook names them, each with a line saying so;
    misuse when none is left, unless `none_left_ok` (validate, as ruff does: a hook names every
    staged file, excluded ones too).
    """
    found = collect(paths)
    if sum(1 for i in found if i.is_stdin) > 1:
        raise UsageError("standard input (-) can be read only once")
    if config is None or not config.exclude.patterns:
        return found
    kept = [i for i in found if i.is_stdin or not config.exclude.match(i.path)]
    if none_left_ok:
        return kept
    named = {os.path.normpath(p) for p in paths}
    left_out = {id(i) for i in found} - {id(i) for i in kept}
    for i in found:
        if id(i) in left_out and os.path.normpath(str(i.path)) in named:
            say(f"{i.path}: left out, as {config.path}'s exclude says")
    if found and not kept:
        raise UsageError(f"nothing to read: every input is left out by {config.path}'s exclude")
    return kept


def _place_loose(found: list[Input], loose: list[int]) -> None:
    """Files named one by one go below the deepest folder they have in common."""
    if len(loose) < 2:
        return
    dirs = [os.path.dirname(os.path.abspath(found[i].path)) for i in loose]
    try:
        common = os.path.commonpath(dirs)
    except ValueError:  # pragma: no cover - different drives on Windows
        return
    for i in loose:
        inp = found[i]
        found[i] = Input(inp.path, os.path.relpath(os.path.abspath(inp.path), common), None)


def _dedupe(found: list[Input]) -> list[Input]:
    keys = _realpaths(inp.path for inp in found if not inp.is_stdin)
    seen: set[str] = set()
    out: list[Input] = []
    for inp in found:
        if inp.is_stdin:
            key = inp.path
        else:
            key = next(keys)
            inp = inp._replace(real=key)
        if key not in seen:
            seen.add(key)
            out.append(inp)
    return out


def _realpaths(paths: Iterable[str]) -> Iterator[str]:
    """`os.path.realpath` of each path, with one system call a file and one a folder: a corpus has
    many files a folder and many folders a parent, and realpath() looks at every part of a path."""
    if os.name != "posix":  # pragma: no cover - the shortcut follows POSIX realpath
        yield from map(os.path.realpath, paths)
        return
    folders: dict[str, tuple[str, bool]] = {}
    for p in paths:
        head, tail = os.path.split(p)
        if tail in ("", ".", ".."):
            yield os.path.realpath(p)
            continue
        real, exists = _folder(head, folders)
        full = os.path.join(real, tail)
        # nothing, a link least of all, is in a folder that does not exist (a new output folder's)
        yield os.path.realpath(full) if exists and os.path.islink(full) else full


def _folder(path: str, known: dict[str, tuple[str, bool]]) -> tuple[str, bool]:
    """(realpath, whether it is a folder) of a folder, its parents resolved once each."""
    todo = []  # the folder and its parents not known yet, innermost first (a loop: paths can be deep)
    while path not in known:
        parent, name = os.path.split(path)
        if name in ("", ".", "..") or parent == path:
            real = os.path.realpath(path or os.curdir)
            known[path] = (real, os.path.isdir(real))
            break
        todo.append((path, parent, name))
        path = parent
    for path, parent, name in reversed(todo):
        base, base_is_dir = known[parent]
        real = os.path.join(base, name)
        try:
            st = os.lstat(real) if base_is_dir else None
        except OSError:
            st = None
        if st is not None and stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(real)
            known[path] = (real, os.path.isdir(real))
        else:
            known[path] = (real, st is not None and stat.S_ISDIR(st.st_mode))
    return known[path]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_outputs(inputs: list[Input], out_dir: Path, ext: str) -> None:
    """Refuse an output folder inside an input folder, outputs that collide or that overwrite an input."""
    out_res = out_dir.resolve()
    for root in sorted({i.root for i in inputs if i.root}):
        if _inside(out_res, Path(root).resolve()):
            raise UsageError(f"{out_dir}: the output folder is inside the input folder {root}")
    norm = os.path.normcase  # paths compared as Path compares them: by case too on Windows
    inputs = [i for i in inputs if i.error is None]  # never written
    files = [i for i in inputs if not i.is_stdin]
    reals = [i.real for i in files]
    known = [r for r in reals if r is not None]
    if len(known) < len(reals):
        known = list(_realpaths(i.path for i in files))
    sources = {norm(p) for p in known}
    targets = [output_name(i.rel, ext) for i in inputs]
    seen: dict[str, str] = {}
    out = str(out_dir)
    for i, target, real in zip(inputs, targets, _realpaths(os.path.join(out, t) for t in targets), strict=False):
        key = norm(str(target))
        if key in seen:
            raise UsageError(f"{i.path} and {seen[key]} would both be written to {out_dir / target}")
        seen[key] = i.path
        if norm(real) in sources:
            raise UsageError(f"{out_dir / target}: the output would overwrite an input")


def check_output_file(inputs: list[Input], out_file: Path) -> None:
    """Refuse a single output file that is an input, or that lies inside an input folder."""
    out_res = Path(os.path.realpath(out_file))
    out_key = os.path.normcase(str(out_res))  # compared as Path compares: by case too on Windows
    files = [i for i in inputs if not i.is_stdin]
    for i, real in zip(files, _realpaths(i.path for i in files), strict=False):
        if os.path.normcase(real) == out_key:
            raise UsageError(f"{out_file}: the output would overwrite the input {i.path}")
    for root in sorted({i.root for i in inputs if i.root}):
        if _inside(out_res, Path(root).resolve()):
            raise UsageError(f"{out_file}: the output is inside the input folder {root}")


def check_output_target(inputs: list[Input], out_file: Path) -> None:
    """Refuse what `check_output_file` refuses, a folder, and a file that cannot be written."""
    from nikosheet.output.files import writable_file_target

    check_output_file(inputs, out_file)
    if out_file.is_dir():
        raise UsageError(f"{out_file} is a folder; -o must name a file")
    if not writable_file_target(out_file):
        raise UsageError(f"{out_file}: cannot write here")


def output_name(rel: str | Path, ext: str) -> str:
    """`a/b.c.txt` → `a/b.c.json`: only a .txt extension is replaced, so that `a.pdf` (→ `a.pdf.json`)
    and `a.txt` (→ `a.json`) side by side do not collide."""
    head, name = os.path.split(os.fspath(rel))
    stem = name[:-4] if name.lower().endswith(".txt") else name
    return os.path.join(head, stem + ext)
