"""The options the commands share (their checks, free of typer, are in `checks`).

No `from __future__ import annotations` here: typer reads these annotations at run time.
"""

from collections.abc import Callable
from typing import Annotated, Any

import typer

from nikosheet.cli.checks import choice as choice
from nikosheet.cli.checks import codes as codes
from nikosheet.cli.checks import encoding as encoding
from nikosheet.cli.checks import jobs as jobs
from nikosheet.cli.checks import lang as lang
from nikosheet.cli.checks import names_files_only as names_files_only

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
