"""Export: documents as JSON, JSON Lines or YAML text, and atomic file writes."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FORMATS = ("json", "yaml", "jsonl")
EXTENSIONS = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl"}


def dumps_bytes(doc: dict, fmt: str) -> bytes:
    """The document as UTF-8 bytes: JSON (indented), JSON Lines (one line) or YAML.

    JSON goes through orjson: Python's own encoder falls back to pure Python as soon as it
    indents, and would take more time than reading the sheet.  Japanese stays readable (no \\u).
    """
    if fmt in ("json", "jsonl"):
        import orjson

        option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if fmt == "json" else 0)
        return orjson.dumps(doc, option=option)
    if fmt == "yaml":
        import yaml

        return yaml.dump(doc, Dumper=_yaml_dumper(), allow_unicode=True, sort_keys=False, width=1000).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def dumps(doc: dict, fmt: str) -> str:
    return dumps_bytes(doc, fmt).decode("utf-8")


_DUMPER = None


def _yaml_dumper():
    """PyYAML's safe dumper, except that a string holding U+0085 (NEL) is double-quoted: written
    plain, NEL reads back as a line break and the text would not survive the round trip."""
    global _DUMPER
    if _DUMPER is None:
        import yaml

        class Dumper(yaml.SafeDumper):
            pass

        def _str(dumper, value: str):
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\x85" in value else None)

        Dumper.add_representer(str, _str)
        _DUMPER = Dumper
    return _DUMPER


_MADE: set[str] = set()  # folders this process has made or seen, so each is made once


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a file.

    `data` is text (encoded with `encoding`, newlines written as they are) or bytes.  The
    temporary file is hidden (`.name.PID.tmp`) and removed if anything fails, an interrupt
    included; the target is then left as it was.  A new file gets the usual permissions
    (0666 less the umask), a replaced one keeps its own.
    """
    path = Path(path)
    parent = str(path.parent)
    if parent not in _MADE:
        path.parent.mkdir(parents=True, exist_ok=True)
        _MADE.add(parent)
    if isinstance(data, str):
        data = data.encode(encoding)
    tmp = os.path.join(parent, f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:  # left by a run that was killed: it is ours to replace
        os.unlink(tmp)
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:  # the folder went away since it was made
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        try:
            _write_all(fd, data)  # os.write: a file object would cost four more system calls
        finally:
            os.close(fd)
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = None
        if mode is not None and mode != _mode_for(path, new=True):
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_all(fd: int, data: bytes) -> None:
    n = os.write(fd, data)
    if n < len(data):  # a short write (a signal, a pipe): the rest in as many calls as it takes
        view = memoryview(data)[n:]
        while view:
            view = view[os.write(fd, view) :]


def _mode_for(path: Path, new: bool = False) -> int:
    """The mode a new file gets (0666 less the umask); unless `new`, an existing file's own mode."""
    if not new:
        try:
            return os.stat(path).st_mode & 0o7777
        except OSError:
            pass
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_UMASK: int | None = None


def schema_text() -> str:
    import json

    from nikosheet.models import Sheet

    schema = Sheet.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
