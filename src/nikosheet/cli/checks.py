"""The checks every option value passes once, before any work.

Free of typer, so that the parse command's usual command lines (see `fastpath`) are checked
without building the command line's app.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from nikosheet.errors import UsageError


def choice(option: str, value: str, choices: Iterable[str]) -> str:
    """`value` if it is one of `choices`, else a usage error naming the option and its choices."""
    allowed = tuple(choices)
    if value not in allowed:
        raise UsageError(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def codes(values: list[str] | None) -> list[str]:
    """--select A,B --select C → [A, B, C]."""
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def encoding(value: str) -> str:
    """A text encoding Python knows."""
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise UsageError(f"unknown encoding {value!r}") from None
    return value


def default_jobs() -> int:
    """As many workers as this process may use cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def jobs(value: int | None) -> int:
    return value or default_jobs()


def lang(value: str | None, configured: str | None = None) -> str:
    """The language of the messages: the option, else the settings file's `lang`, else the locale."""
    from nikosheet.i18n import resolve_lang

    return resolve_lang(value if value is not None else configured, os.environ)


def names_files_only(paths: list[str]) -> bool:
    """Whether every argument is a file or `-`: a folder or a glob makes a batch."""
    return all(p == "-" or os.path.isfile(p) for p in paths)
