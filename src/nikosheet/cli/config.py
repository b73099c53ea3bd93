"""The configuration file: `[tool.nikosheet]` in a `pyproject.toml`, or the top level of a
`nikosheet.toml`, read and checked once.

Without `--config`, the file is looked for from the current folder upward; the first folder with
nikosheet settings wins (`nikosheet.toml` before `pyproject.toml`; a `pyproject.toml` without
`[tool.nikosheet]` is passed over).  A bad file — TOML that does not parse, an unknown key, a value
of the wrong type, an unknown rule code — is misuse: one line naming the file and the key.

Paths in the file (`exclude`, `per-file-ignores`) are globs matched against an input's path
relative to the file's folder: a pattern without `/` matches the name of the file or of any folder
above it (`README.txt`, `drafts`); one with `/` matches the path from the file's folder, or a folder
on it (`sheets/2023/*.txt`, `sheets/old`); `**` is any number of folders.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from nikosheet.errors import UsageError
from nikosheet.plain import Data

if TYPE_CHECKING:
    from nikosheet.validation.problem import Problem

NAMES = ("nikosheet.toml", "pyproject.toml")  # looked for in each folder, in this order
LANGS = ("ja", "en")
KEYS = ("select", "ignore", "per-file-ignores", "exclude", "strict", "lang")


# plain classes with slots, not dataclasses nor NamedTuples: this module is read on every run, and they
# cost 0.4 ms and 0.3 ms to define
class Globs:
    """Patterns of the configuration, matched against paths relative to `root`."""

    __slots__ = ("patterns", "regexes", "root")

    def __init__(
        self,
        root: str,  # the configuration file's folder, absolute
        patterns: tuple[str, ...] = (),
        regexes: tuple[tuple[bool, re.Pattern[str]], ...] = (),  # (anchored, regex) for each pattern
    ) -> None:
        self.root = root
        self.patterns = patterns
        self.regexes = regexes

    @classmethod
    def of(cls, root: str, patterns: list[str]) -> Globs:
        from nikosheet.cli.inputs import glob_regex

        compiled = []
        for p in patterns:
            norm = os.path.normpath(p.strip().replace("/", os.sep)).rstrip(os.sep)
            compiled.append((os.sep in norm, glob_regex(norm)))
        return cls(root, tuple(patterns), tuple(compiled))

    def match(self, path: str) -> bool:
        """Whether `path` (as given, relative to the current folder or absolute) is matched."""
        if not self.regexes:
            return False
        rel = os.path.relpath(os.path.abspath(path), self.root)
        parts = rel.split(os.sep)
        if parts[0] == os.pardir:  # outside the configuration's folder: only its name is known
            parts = parts[-1:]
        prefixes = [os.sep.join(parts[: n + 1]) for n in range(len(parts))]
        for anchored, regex in self.regexes:
            if any(regex.fullmatch(s) for s in (prefixes if anchored else parts)):
                return True
        return False


_NO_GLOBS = Globs("")


class Config:
    """The settings of the configuration file; all empty when there is none."""

    __slots__ = ("exclude", "ignore", "lang", "path", "per_file_ignores", "select", "strict")

    def __init__(
        self,
        path: Path | None = None,
        select: tuple[str, ...] | None = None,  # rule codes, resolved (families and names expanded)
        ignore: frozenset[str] = frozenset(),
        per_file_ignores: tuple[tuple[Globs, frozenset[str]], ...] = (),
        exclude: Globs = _NO_GLOBS,
        strict: bool | None = None,
        lang: str | None = None,
    ) -> None:
        self.path = path
        self.select = select
        self.ignore = ignore
        self.per_file_ignores = per_file_ignores
        self.exclude = exclude
        self.strict = strict
        self.lang = lang

    def rules(self, select: list[str] | None = None, ignore: list[str] | None = None) -> list[str]:
        """The rules that run before `per-file-ignores`: the command line's `select` starts afresh (the
        file's `select` and `ignore` set aside); without it, the file's selection less both ignores.
        `UnknownRule` for a code the command line names that no rule has."""
        from nikosheet.validation.engine import active

        if select:
            return active(select, ignore or None)
        return [c for c in active(self.select or None, ignore or None) if c not in self.ignore]

    def ignored_for(self, path: str) -> frozenset[str]:
        """The codes `per-file-ignores` leaves out for the input at `path`."""
        out: frozenset[str] = frozenset()
        for globs, codes in self.per_file_ignores:
            if globs.match(path):
                out |= codes
        return out


def checked(doc: Data, config: Config | None, path: str | None) -> list[Problem] | None:
    """The problems of a document under the configuration's rules (`select`, `ignore`, the
    `per-file-ignores` of `path`), for the commands that count findings beside what they write
    (`table`, `report`); None when the configuration says nothing of rules: every rule runs."""
    if config is None or (config.select is None and not config.ignore and not config.per_file_ignores):
        return None
    from nikosheet.validation.engine import run

    ignored = config.ignored_for(path) if path is not None else frozenset()
    return run(doc, [c for c in config.rules() if c not in ignored], path)


def load(explicit: str | None = None, start: Path | None = None) -> Config:
    """The configuration `--config` names, else the first found from `start` (the current folder)
    upward, else an empty one."""
    if explicit is not None:
        path = Path(explicit)
        table = _table(path, _read(path))
        return _check(path, {} if table is None else table)
    try:
        here = (start or Path.cwd()).absolute()
    except OSError:  # the current folder is gone: nothing to find
        return Config()
    for folder in [here, *here.parents]:
        for name in NAMES:
            path = Path(os.path.relpath(folder / name))  # named as the user would
            if _is_file(path) and _may_hold_settings(path):
                table = _table(path, _read(path))
                if table is not None:
                    return _check(path, table)
    return Config()


# a [tool.nikosheet] table, a [tool] table, or tool.nikosheet dotted keys at the top; compiled (and kept
# by re's cache) only where a pyproject.toml is met: a run in a folder without one never pays for it
_TOOL_TABLE = rb"^[ \t]*(\[[ \t]*tool[ \t]*(\]|\.[ \t]*\"?nikosheet)|tool[ \t]*\.[ \t]*\"?nikosheet)"


def _may_hold_settings(path: Path) -> bool:
    """Whether the file may hold nikosheet's settings: a pyproject.toml without them is passed over
    without loading a TOML parser (most runs start in a project that has one)."""
    if path.name != "pyproject.toml":
        return True
    try:
        return re.search(_TOOL_TABLE, path.read_bytes(), re.M) is not None
    except OSError:
        return True  # reading it again will say why


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder on the way up that cannot be looked into
        return False


def _read(path: Path) -> dict[str, object]:
    import tomllib

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such configuration file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a configuration file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not valid TOML (not UTF-8)") from None


def _table(path: Path, data: dict[str, object]) -> dict[str, object] | None:
    """nikosheet's settings in the file: `[tool.nikosheet]` of a pyproject.toml (None when absent),
    the whole of any other file."""
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool")
    settings = tool.get("nikosheet") if isinstance(tool, dict) else None
    if settings is None:
        return None
    if not isinstance(settings, dict):
        raise UsageError(f"{path}: [tool.nikosheet] must be a table")
    return settings


def _check(path: Path, table: Mapping[str, object]) -> Config:
    keys = _Keys(path)
    for key in table:
        if key not in KEYS:
            raise keys.error(key, f"unknown key (known: {', '.join(KEYS)})")
    root = str(path.absolute().parent)
    select = table.get("select")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise keys.error("per-file-ignores", "must be a table of glob = [rule codes]")
    lang = table.get("lang")
    if lang is not None and lang not in LANGS:
        raise keys.error("lang", f"must be one of {', '.join(LANGS)}, not {lang!r}")
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise keys.error("strict", f"must be true or false, not {strict!r}")
    return Config(
        path=path,
        select=None if select is None else tuple(sorted(keys.codes("select", select))),
        ignore=keys.codes("ignore", table.get("ignore", [])),
        per_file_ignores=tuple(
            (Globs.of(root, [glob]), keys.codes(f"per-file-ignores {glob!r}", codes))
            for glob, codes in per_file.items()
        ),
        exclude=Globs.of(root, keys.strings("exclude", table.get("exclude", []))),
        strict=strict,
        lang=lang,
    )


class _Keys:
    """The checks of a key's value, each failing with one line that names the file and the key."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, reason: str) -> UsageError:
        table = "[tool.nikosheet] " if self.path.name == "pyproject.toml" else ""
        return UsageError(f"{self.path}: {table}{key}: {reason}")

    def strings(self, key: str, value: object) -> list[str]:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise self.error(key, f"must be a list of strings, not {value!r}")

    def codes(self, key: str, value: object) -> frozenset[str]:
        from nikosheet.validation.engine import UnknownRule, resolve

        try:
            return frozenset(resolve(self.strings(key, value)) or ())
        except UnknownRule as exc:
            raise self.error(key, f"unknown rule code {exc}; `nikosheet rules` lists them") from None
