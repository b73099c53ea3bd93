"""The command line: parse, validate, table, rules, schema.

Each command checks its options once (`options`), collects its inputs, then hands over to the
module that does the work (`parse`, `validate`, `table`), which returns an `ExitCode`.  Misuse
anywhere raises `UsageError`, and `_command` is the one place that turns it into exit code 2.

Heavy modules (rich, yaml, pydantic models, the validator) are imported inside the commands that
need them, so that a one-file run starts fast.  No `from __future__ import annotations` here:
typer would have to evaluate every annotation string at each start.
"""

import contextlib
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec

import typer

from nikosheet import __version__
from nikosheet.cli import options
from nikosheet.cli.exits import ExitCode, StdoutError, say, write_stdout
from nikosheet.errors import UsageError

app = typer.Typer(
    name="nikosheet",
    help="Read にも包括 survey sheets into structured, validated data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_DEBUG = False
_P = ParamSpec("_P")


def _command(fn: Callable[_P, None]) -> Callable[_P, None]:
    """A command whose misuse (`UsageError`, from any layer) ends in one line and exit code 2, and whose
    standard output failing (`StdoutError`) in one line and exit code 1."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            fn(*args, **kwargs)
        except UsageError as exc:
            say(f"error: {exc}")
            raise typer.Exit(ExitCode.USAGE) from None
        except StdoutError as exc:
            say(f"cannot write to standard output: {exc}")
            raise typer.Exit(ExitCode.FAILED) from None
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see main): the workers have stopped by now
            say("interrupted")
            raise typer.Exit(ExitCode.INTERRUPTED) from None

    return app.command()(run)


def _version(value: bool) -> None:
    if value:
        print(f"nikosheet {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


def _inputs(paths: list[str]):  # type: ignore[no-untyped-def]  # typer must not see Input at start-up
    from nikosheet.cli.inputs import collect

    found = collect(paths)
    if sum(1 for i in found if i.is_stdin) > 1:
        raise UsageError("standard input (-) can be read only once")
    return found


@_command
def parse(
    paths: options.Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (one input) or folder (several).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, yaml or jsonl.")] = "json",
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
) -> None:
    """Parse sheets into documents."""
    from nikosheet.cli.parse import ParseRun, parse_command
    from nikosheet.output.serialize import FORMATS

    fmt = options.choice("--format", fmt, FORMATS)
    inputs = _inputs(paths)
    several = len(paths) > 1 or not options.names_files_only(paths)
    run = ParseRun(output, fmt, options.jobs(jobs), quiet, _DEBUG, several)
    raise typer.Exit(parse_command(inputs, run))


@_command
def validate(
    paths: options.Paths,
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
    from nikosheet.validation.engine import UnknownRule, active
    from nikosheet.validation.reporters import FORMATS, default_format

    fmt = options.choice("--format", fmt or default_format(), FORMATS)
    try:
        codes = active(options.codes(select) or None, options.codes(ignore) or None)
    except UnknownRule as exc:
        raise UsageError(f"unknown rule code {exc}; `nikosheet rules` lists them") from None
    raise typer.Exit(validate_command(_inputs(paths), fmt, strict, codes, quiet, _DEBUG))


@_command
def rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every validation rule with its code, severity and description."""
    from nikosheet.cli.validate import rules_command

    raise typer.Exit(rules_command(options.choice("--format", fmt, ("text", "json"))))


@_command
def table(
    paths: options.Paths,
    output: options.Output = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="csv, jsonl, xlsx or sqlite (default: as -o's extension says, else csv)."),
    ] = None,
    entity: Annotated[
        str, typer.Option("--entity", "-e", help="The table of a CSV or JSON Lines output: sheets, councils, …")
    ] = "sheets",
    datapackage: Annotated[
        bool, typer.Option("--datapackage", help="Write datapackage.json (Frictionless) beside the CSV file.")
    ] = False,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="CSV encoding (default utf-8-sig, which Excel opens correctly).")
    ] = None,
    header: Annotated[
        str, typer.Option("--header", help="Column headers: en (stable names) or ja (the sheet's labels).")
    ] = "en",
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
) -> None:
    """The tables of the sheets: one row per sheet (statistics and counts to compare bodies and years), and
    one table per list (indicators, issues, departments, councils, schedule, …)."""
    from nikosheet.cli.table import TableRun, output_format, table_command
    from nikosheet.output.entities import ENTITIES
    from nikosheet.output.table import DEFAULT_ENCODING, FORMATS, HEADERS

    fmt = options.choice("--format", output_format(fmt, output), FORMATS)
    entity = options.choice("--entity", entity, ENTITIES)
    header = options.choice("--header", header, HEADERS)
    if encoding is not None and fmt != "csv":
        raise UsageError(f"--encoding applies to --format csv only, not {fmt}")
    encoding = options.encoding(encoding or (DEFAULT_ENCODING if fmt == "csv" else "utf-8"))
    run = TableRun(output, fmt, encoding, header, options.jobs(jobs), quiet, _DEBUG, entity, datapackage)
    raise typer.Exit(table_command(_inputs(paths), run))


@_command
def extract(
    path: Annotated[str, typer.Argument(help="A PDF, a DOCX (or a text file), or - for standard input.")],
    output: options.Output = None,
) -> None:
    """Print what is read from a PDF or DOCX as text in the samples' form: `parse` reads it back to the
    same document, and the document's line numbers refer to it."""
    from nikosheet.cli.extract import extract_command

    inputs = _inputs([path])
    if len(inputs) != 1:
        raise UsageError(f"{path}: extract reads one file, not {len(inputs)}")
    raise typer.Exit(extract_command(inputs[0], output, _DEBUG))


@_command
def schema() -> None:
    """Print the JSON Schema of the document."""
    from nikosheet.output.serialize import schema_text

    write_stdout(schema_text().encode("utf-8"))


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    """The console script: an interrupt or a closed standard output ends the process here.

    SIGTERM (`kill`, a timeout) stops a run as Ctrl-C does: workers stop, outputs are whole or absent.
    """
    import signal

    signal.signal(signal.SIGTERM, _interrupt)
    try:
        app()
    except KeyboardInterrupt:
        say("interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:  # the reader went away (`| head`): quietly, and no complaint at exit either
        import os

        with contextlib.suppress(OSError, AttributeError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.FAILED)
