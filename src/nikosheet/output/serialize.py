"""Documents as JSON, JSON Lines or YAML bytes, and the JSON Schema of the document."""

from __future__ import annotations

from typing import Any

from nikosheet.plain import Data

FORMATS = ("json", "yaml", "jsonl")
EXTENSIONS = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl"}


def dumps_bytes(doc: Data, fmt: str) -> bytes:
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


def dumps(doc: Data, fmt: str) -> str:
    return dumps_bytes(doc, fmt).decode("utf-8")


_DUMPER: Any = None


def _yaml_dumper() -> Any:
    """PyYAML's safe dumper, except that a string holding U+0085 (NEL) is double-quoted: written
    plain, NEL reads back as a line break and the text would not survive the round trip."""
    global _DUMPER
    if _DUMPER is None:
        import yaml

        class Dumper(yaml.SafeDumper):
            pass

        def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\x85" in value else None)

        Dumper.add_representer(str, _str)
        _DUMPER = Dumper
    return _DUMPER


def schema_text() -> str:
    import json

    from nikosheet.models import Sheet

    schema = Sheet.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
