"""Where `-o` writes, and in which format: the option read together with `--format`.

- No `-o`, or `-o -`: standard output, in `--format` or the command's default format.
- A name ending in `/`, or an existing folder: a folder of outputs, one per input (parse only).
- A file: with no `--format`, its extension names the format (`.json`, `.yaml`, `.jsonl`, `.csv`);
  an extension of another format than `--format`'s, or of a format the command does not write,
  is refused; an extension that names no format takes `--format`, else the command's default,
  with a line saying so (`Target.note`, said by the command once it has checked the target).
- Several inputs (parse): one file takes them only as JSON Lines; `-o out.json` or `-o out.yaml`
  (one document) is refused; any other name is a folder of outputs, as it always was.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nikosheet.errors import UsageError

# every extension that names a data format, whichever command writes it
EXTENSION_FORMATS = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".sarif": "sarif",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}


class Writes:  # a plain class with slots, not a NamedTuple nor a dataclass: on every run's start-up path
    """What a command can write: its formats (the first is the default) and whether a folder."""

    __slots__ = ("command", "folders", "formats", "one_document")

    def __init__(
        self,
        command: str,
        formats: tuple[str, ...],
        one_document: tuple[str, ...] = (),  # formats that hold a single document
        folders: bool = False,  # -o may name a folder of outputs, one per input
    ) -> None:
        self.command = command
        self.formats = formats
        self.one_document = one_document
        self.folders = folders

    def extensions(self) -> str:
        return ", ".join(ext for ext, fmt in EXTENSION_FORMATS.items() if fmt in self.formats)

    def choices(self) -> str:
        """`json, yaml or jsonl`"""
        return " or ".join(filter(None, (", ".join(self.formats[:-1]), self.formats[-1])))


class Target:
    """Where a command writes, and in which format (a plain class with slots, as `Writes`)."""

    __slots__ = ("fmt", "folder", "note", "path")

    def __init__(
        self,
        path: Path | None,  # None: standard output
        fmt: str,
        folder: bool = False,  # path is a folder of outputs
        note: str | None = None,  # the line that says which format was chosen, once the target is checked
    ) -> None:
        self.path = path
        self.fmt = fmt
        self.folder = folder
        self.note = note


def resolve(writes: Writes, output: str | None, fmt: str | None, several: bool = False) -> Target:
    """The target and format that `-o output` and `--format fmt` (None: not given) ask for."""
    if output is None or output == "-":  # `-o -`: standard output, as for every command that writes a stream
        return Target(None, fmt or writes.formats[0])
    path = Path(output)
    if output.endswith(("/", os.sep)) or path.is_dir():
        return _folder(writes, output, path, fmt)
    named = _named_format(writes, output)
    if fmt is not None and named is not None and named != fmt:
        raise UsageError(f"-o {output} names a {named} file, but --format is {fmt}; change one of them")
    if several and writes.folders:
        if named in writes.one_document:
            raise UsageError(
                f"-o {output}: several inputs do not fit in one {named} document; "
                f"use -o FOLDER/ for one file each, or -o {path.with_suffix('.jsonl')} for one JSON Lines file"
            )
        chosen = fmt or named
        if chosen is not None and chosen not in writes.one_document:
            return Target(path, chosen)  # JSON Lines: every document in this one file
        return Target(path, chosen or writes.formats[0], folder=True)  # a name with no format's extension
    note = None
    if fmt is None and named is None and len(writes.formats) > 1 and _is_regular(path):
        note = f"{output}: the extension names no format ({writes.extensions()}); writing {writes.formats[0]}"
    return Target(path, fmt or named or writes.formats[0], note=note)


def _folder(writes: Writes, output: str, path: Path, fmt: str | None) -> Target:
    if not writes.folders:
        raise UsageError(f"{output} is a folder; {writes.command} writes one file, so -o must name a file")
    if fmt is not None and fmt not in writes.one_document:
        raise UsageError(
            f"{output} is a folder; --format {fmt} writes all documents to one file, so -o must name a file"
        )
    return Target(path, fmt or writes.formats[0], folder=True)


def _named_format(writes: Writes, output: str) -> str | None:
    """The format `output`'s extension names (None: none), refused when the command does not write it."""
    named = EXTENSION_FORMATS.get(os.path.splitext(output)[1].lower())
    if named is not None and named not in writes.formats:
        known = f" (extensions: {writes.extensions()})" if writes.extensions() else ""
        raise UsageError(f"-o {output}: {writes.command} writes {writes.choices()}, not {named}{known}")
    return named


def _is_regular(path: Path) -> bool:
    """A file to be made or replaced, not a device or a pipe (`-o /dev/null` needs no extension)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True
