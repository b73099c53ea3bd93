"""The package's layers import only downward: the parser never reaches for the validator, the
library never for the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# lowest first; a module may import from its own layer and the layers below it
LAYERS = [
    (
        "nikosheet.errors",
        "nikosheet.plain",
        "nikosheet.vocabulary",
        "nikosheet.typography",
        "nikosheet.diagnostics",
        "nikosheet.models",
        "nikosheet.i18n",
        "nikosheet.diagnostic_messages",
    ),
    ("nikosheet.sources",),
    ("nikosheet.parsing",),
    ("nikosheet.validation",),
    ("nikosheet.output",),
    ("nikosheet",),  # the library API, __init__.py
    ("nikosheet.cli", "nikosheet.__main__"),
]


def layer_of(module: str) -> int:
    best, depth = -1, -1
    for n, prefixes in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and p.count(".") > depth:
                best, depth = n, p.count(".")
    assert best >= 0, module
    return best


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> set[str]:
    """Every nikosheet module the file imports, at any depth (inside functions and TYPE_CHECKING too)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            assert node.module is not None
            out.add(node.module)
    return {m for m in out if m == "nikosheet" or m.startswith("nikosheet.")}


FILES = sorted((SRC / "nikosheet").rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: module_name(p))
def test_imports_go_downward(path):
    own = layer_of(module_name(path))
    upward = sorted(m for m in imported(path) if layer_of(m) > own)
    assert not upward, f"{module_name(path)} (layer {own}) imports from above: {upward}"


def test_every_module_has_a_layer_and_the_check_sees_imports():
    names = {module_name(p) for p in FILES}
    assert {"nikosheet.parsing.document", "nikosheet.validation.engine", "nikosheet.cli.app"} <= names
    assert all(layer_of(n) >= 0 for n in names)
    # the check is not vacuous: the command line does import the parser's API
    assert "nikosheet" in imported(SRC / "nikosheet" / "cli" / "batch.py")
    assert layer_of("nikosheet.cli.app") > layer_of("nikosheet") > layer_of("nikosheet.parsing.lines")
