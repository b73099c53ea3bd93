"""Problems as a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the format code
scanning reads (GitHub's `codeql-action/upload-sarif`).

One run; `tool.driver.rules` describes every rule, so that `ruleIndex` does not depend on what was
found; one result per problem.  Paths are written as given (relative to the current folder when
they are inside it), with forward slashes, as URI references.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from nikosheet.validation.problem import Problem

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/OWNER/nikosheet"  # the project's home, as the README names it
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _unwrapped(text: str) -> str:
    """A docstring's paragraphs, each on one line: a viewer wraps them itself."""
    return "\n\n".join(" ".join(para.split()) for para in text.split("\n\n") if para.strip())


def _rules() -> list[dict[str, object]]:
    from nikosheet.validation.rules import REGISTRY, description, summary

    rules: list[dict[str, object]] = []
    for code, m in REGISTRY.items():
        full = _unwrapped(description(m)) or summary(m)
        rules.append(
            {
                "id": code,
                "name": m.NAME,
                "shortDescription": {"text": summary(m)},
                "fullDescription": {"text": full},
                "help": {"text": full},
                "defaultConfiguration": {"level": LEVELS[m.SEVERITY]},
            }
        )
    return rules


def uri(path: str | None) -> str:
    """A finding's file as a URI reference: relative, with forward slashes, when it can be."""
    if path is None:
        return "stdin"
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # pragma: no cover - another drive on Windows
            return Path(path).as_uri()
        if rel.split(os.sep, 1)[0] == os.pardir:
            return Path(path).as_uri()
        path = rel
    return quote(path.replace(os.sep, "/"), safe="/")


def _result(p: Problem, index: int) -> dict[str, object]:
    location: dict[str, object] = {"artifactLocation": {"uri": uri(p.path)}}
    if p.line is not None:
        region: dict[str, int] = {"startLine": p.line}
        if p.column:
            region["startColumn"] = p.column
        location["region"] = region
    text = p.message + (f" (p. {p.page})" if p.page is not None else "")
    return {
        "ruleId": p.code,
        "ruleIndex": index,
        "level": LEVELS.get(p.severity, "error"),
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def log(problems: Iterable[Problem], version: str) -> dict[str, object]:
    """The SARIF log of `problems`, made by nikosheet `version`."""
    rules = _rules()
    index = {r["id"]: n for n, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "nikosheet",
                        "version": version,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "results": [_result(p, index[p.code]) for p in problems],
            }
        ],
    }


def write_sarif(problems: Iterable[Problem], stream: TextIO, version: str) -> None:
    stream.write(json.dumps(log(problems, version), ensure_ascii=False, indent=2) + "\n")
