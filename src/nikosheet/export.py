"""Export: documents as JSON, JSON Lines or YAML text, and atomic file writes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

FORMATS = ("json", "yaml", "jsonl")
EXTENSIONS = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl"}


def dumps(doc: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "yaml":
        import yaml

        return yaml.dump(doc, Dumper=_yaml_dumper(), allow_unicode=True, sort_keys=False, width=1000)
    raise ValueError(f"unknown format {fmt!r}")


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


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a file.

    `data` is text (encoded with `encoding`, newlines written as they are) or bytes.  The
    temporary file is hidden (`.name.XXXX.tmp`) and removed if anything fails, an interrupt
    included; the target is then left as it was.  A new file gets the usual permissions
    (0666 less the umask), a replaced one keeps its own.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode(encoding)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(path: Path) -> int:
    import stat

    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return 0o666 & ~_UMASK


_UMASK: int | None = None


def schema_text() -> str:
    from .models import Sheet

    schema = Sheet.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
