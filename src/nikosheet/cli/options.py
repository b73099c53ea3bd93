"""The options the commands share, and the checks every option value passes once, before any work.

No `from __future__ import annotations` here: typer reads these annotations at run time.
"""

import os
from collections.abc import Callable, Iterable
from typing import Annotated, Any

import typer

from nikosheet.errors import UsageError

_PATHS_HELP = "Files (text, PDF, DOCX), folders (searched for *.txt, *.pdf, *.docx), globs, or - for standard input."
Paths = Annotated[list[str], typer.Argument(help=_PATHS_HELP, show_default=False)]
Jobs = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Parallel workers (default: cores).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")]
ConfigFile = Annotated[
    str | None,
    typer.Option(
        "--config", help="Settings file (default: nikosheet.toml or pyproject.toml's [tool.nikosheet], found upward)."
    ),
]
Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the messages: en or ja (default: the settings file's lang, else the locale).",
        autocompletion=lambda incomplete: [v for v in ("en", "ja") if v.startswith(incomplete)],
    ),
]
Output = Annotated[
    str | None, typer.Option("-o", "--output", metavar="FILE", help="Output file (default: standard output).")
]


def written_format(choices: tuple[str, ...], module: str) -> Any:
    """The `--format` of a command that writes one of `choices` (the first is the default), else what
    `-o`'s extension names; completed from `module.FORMATS` (the choices are written out here so that
    start-up does not import the writers)."""
    listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    return Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(choices),
            help=f"{listed} (default: from -o's extension, else {choices[0]}).",
            show_default=False,
            autocompletion=values_of(module, "FORMATS"),
        ),
    ]


def values_of(module: str, name: str) -> Callable[[str], list[str]]:
    """Shell completion of an option's values: those `module.name` holds, imported only when completing."""

    def complete(incomplete: str) -> list[str]:
        import importlib

        return [v for v in getattr(importlib.import_module(module), name) if v.startswith(incomplete)]

    return complete


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
