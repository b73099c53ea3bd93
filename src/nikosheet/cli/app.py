"""The command line: parse, validate, table, rules, schema.

Heavy modules (rich, yaml, pydantic models, the validator) are imported inside
the commands that need them, so that a one-file run starts fast.  No `from __future__ import
annotations` here: typer would have to evaluate every annotation string at each start.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from nikosheet import __version__

app = typer.Typer(
    name="nikosheet",
    help="Read にも包括 survey sheets into structured, validated data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_DEBUG = False

# arguments several commands share
_Paths = Annotated[
    list[str],
    typer.Argument(help="Files, folders (searched for *.txt), globs, or - for standard input.", show_default=False),
]
_Jobs = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Parallel workers (default: cores).")]


def _version(value: bool) -> None:
    if value:
        print(f"nikosheet {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


def _err(msg: str) -> None:
    print(f"nikosheet: {msg}", file=sys.stderr)


def _usage(msg: str) -> typer.Exit:
    _err(f"error: {msg}")
    return typer.Exit(2)


def _inputs(paths: list[str]):
    from nikosheet.cli.inputs import collect
    from nikosheet.errors import UsageError

    try:
        found = collect(paths)
    except UsageError as exc:
        raise _usage(str(exc)) from None
    if sum(1 for i in found if i.is_stdin) > 1:
        raise _usage("standard input (-) can be read only once")
    return found


@app.command()
def parse(
    paths: _Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (one input) or folder (several).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, yaml or jsonl.")] = "json",
    jobs: _Jobs = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
) -> None:
    """Parse sheets into documents."""
    from nikosheet.output.serialize import FORMATS

    if fmt not in FORMATS:
        raise _usage(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    inputs = _inputs(paths)
    from nikosheet.cli.parse import parse_command

    code = parse_command(inputs, output, fmt, jobs, quiet, _DEBUG, several=len(paths) > 1 or not _is_file_args(paths))
    raise typer.Exit(code)


def _is_file_args(paths: list[str]) -> bool:
    import os

    return all(p == "-" or os.path.isfile(p) for p in paths)


def _codes(values: list[str] | None) -> list[str]:
    """--select A,B --select C → [A, B, C]."""
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


@app.command()
def validate(
    paths: _Paths,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="text, json or github (default: github under GitHub Actions, else text)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rule codes (comma-separated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rule codes (comma-separated).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Check sheets against the rules; exit 1 when errors (or, with --strict, warnings) are found."""
    from nikosheet.cli.validate import validate_command

    raise typer.Exit(validate_command(_inputs(paths), fmt, strict, _codes(select), _codes(ignore), quiet, _DEBUG))


@app.command()
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every validation rule with its code, severity and description."""
    from nikosheet.cli.validate import rules_command

    raise typer.Exit(rules_command(fmt))


@app.command()
def table(
    paths: _Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (default: standard output).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl.")] = "csv",
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="CSV encoding (default utf-8-sig, which Excel opens correctly).")
    ] = None,
    header: Annotated[
        str, typer.Option("--header", help="Column headers: en (stable names) or ja (the sheet's labels).")
    ] = "en",
    jobs: _Jobs = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
) -> None:
    """One row per sheet: statistics and counts to compare bodies and years."""
    from nikosheet.output.table import table_command

    raise typer.Exit(table_command(_inputs(paths), output, fmt, encoding, header, jobs, quiet, _DEBUG))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the document."""
    from nikosheet.output.serialize import schema_text

    sys.stdout.write(schema_text())


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
