from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHEETS = FIXTURES / "sheets"
EXPECTED = FIXTURES / "expected"
CONVERTERS = FIXTURES / "converters"
CONVERTER_TEXTS = sorted(CONVERTERS.glob("*--*.txt"))
CONVERTER_NAMES = sorted({p.stem.split("--", 1)[1] for p in CONVERTER_TEXTS})


def by_converter(values, converter_of=lambda path: path.stem.split("--", 1)[1], ids=lambda path: path.stem):
    """Test parameters that run in the worker of their converter (`pytest -n`, `--dist loadgroup`): the
    tests reading a converter's texts share its worker's `converted` cache, so each text is read once."""
    return [pytest.param(v, id=ids(v), marks=pytest.mark.xdist_group(converter_of(v))) for v in values]


def subset_mismatches(expected, actual, path="$"):
    """Where `actual` differs from `expected`: every key written must match; lists match in full."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected a mapping, got {actual!r}"]
        out = []
        for k, v in expected.items():
            if k not in actual:
                out.append(f"{path}.{k}: missing")
            else:
                out += subset_mismatches(v, actual[k], f"{path}.{k}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        out = [] if len(expected) == len(actual) else [f"{path}: {len(actual)} items, expected {len(expected)}"]
        for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
            out += subset_mismatches(e, a, f"{path}[{i}]")
        return out
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return (
            []
            if abs(expected - actual) < 1e-9 and isinstance(actual, float)
            else [f"{path}: {actual!r} != {expected!r}"]
        )
    if expected != actual or type(expected) is not type(actual):
        return [f"{path}: {actual!r} != {expected!r}"]
    return []


@pytest.fixture(scope="session")
def parsed():
    """Parse a sample or fixture once per session, as plain data."""
    from nikosheet import parse_file_data

    cache: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in cache:
            path = SAMPLES / name if (SAMPLES / name).exists() else SHEETS / name
            cache[name] = parse_file_data(path)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def converted():
    """Parse a converter's text (`fixtures/converters/`) once per session: several tests read them all.
    A text refused in one line gives its InputError."""
    from nikosheet import parse_file_data
    from nikosheet.errors import InputError

    cache: dict[Path, dict | InputError] = {}

    def get(path: Path) -> dict | InputError:
        if path not in cache:
            try:
                cache[path] = parse_file_data(path)
            except InputError as exc:
                cache[path] = exc
        return cache[path]

    return get


@pytest.fixture
def cli(monkeypatch):
    """The command line, run in this process: `cli("validate", path, cwd=folder)` → click's Result
    (exit_code, stdout, stderr), with GitHub Actions and NO_COLOR out of the environment."""
    from typer.testing import CliRunner

    from nikosheet.cli.app import app

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)

    def invoke(*args, cwd=None, input=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(app, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture
def sheets_repo(tmp_path):
    """A repository of sheets: the two samples in sheets/, and a README.txt there that is no sheet."""
    import shutil

    sheets = tmp_path / "sheets"
    sheets.mkdir()
    for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt"):
        shutil.copy(SAMPLES / name, sheets / name)
    (sheets / "README.txt").write_text("How to submit a sheet.\n", encoding="utf-8")
    return tmp_path


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Messages follow the locale (LC_ALL, LC_MESSAGES, LANG): the tests run in an English one unless
    they set another, whatever the machine's."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def form_state(form: ModuleType, text: str):
    """One converter form run over the text alone: the state it leaves (lines, notes, source)."""
    from nikosheet.parsing.forms import FormState

    state = FormState(text.split("\n"), text)
    form.apply(state)
    return state


def apply_form(form: ModuleType, text: str) -> list[str | None]:
    """One converter form run over the text alone: its lines afterwards (None: a line it took)."""
    return form_state(form, text).lines


def rewritten_rows(text: str) -> list[list[str]]:
    """The table rows the whole chain of converter forms makes of the text, each as its cells."""
    from nikosheet.parsing import forms

    return [line.split("\t") for line in forms.rewrite(text.split("\n")).lines if line and "\t" in line]


def with_history(sheet: str, converter: str, block: str) -> bytes:
    """A sheet's text by a converter (`fixtures/converters/`), its history table replaced by `block` (its
    lines after the section's title, up to section 4's): another sheet's table as the same converter wrote it."""
    import re

    lines = (FIXTURES / "converters" / f"{sheet}--{converter}.txt").read_text(encoding="utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if "取組の経緯" in line)
    j = next(k for k in range(i + 1, len(lines)) if re.match(r" *4 +精神障害にも対応", lines[k]))
    return "\n".join([*lines[: i + 1], *block.split("\n")[:-1], *lines[j:]]).encode()


def with_schedule(sheet: str, converter: str, block: str) -> str:
    """A sheet's text by a converter (`fixtures/converters/`), its schedule (the text's last table, from its
    header's `時期(月)` on, a pipe row's too) replaced by `block`: another sheet's schedule as the same converter
    wrote it."""
    lines = (FIXTURES / "converters" / f"{sheet}--{converter}.txt").read_text(encoding="utf-8").split("\n")
    head = next(k for k, line in enumerate(lines) if line.lstrip("| ").startswith("時期("))
    return "\n".join(lines[:head]) + "\n" + block
