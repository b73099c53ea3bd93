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

        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
    raise ValueError(f"unknown format {fmt!r}")


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside the target, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def schema_text() -> str:
    from .models import Sheet

    schema = Sheet.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
