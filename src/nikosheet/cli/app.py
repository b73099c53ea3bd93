"""The command line: parse, validate, table, rules, extract, diff, schema.

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


def _inputs(paths: list[str], config=None):  # type: ignore[no-untyped-def]  # typer must not see Input at start-up
    from nikosheet.cli.inputs import collect

    found = collect(paths)
    if sum(1 for i in found if i.is_stdin) > 1:
        raise UsageError("standard input (-) can be read only once")
    if config is not None:  # the configuration's `exclude`: files named one by one too, as a hook names them
        found = [i for i in found if i.is_stdin or not config.exclude.match(i.path)]
    return found


def _config(path: str | None):  # type: ignore[no-untyped-def]
    from nikosheet.cli.config import load

    return load(path)


@_command
def parse(
    paths: options.Paths,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Output file (one input) or folder (several).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, yaml or jsonl.")] = "json",
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
    config: options.ConfigFile = None,
    lang: options.Lang = None,
) -> None:
    """Parse sheets into documents."""
    from nikosheet.cli.parse import ParseRun, parse_command
    from nikosheet.output.serialize import FORMATS

    fmt = options.choice("--format", fmt, FORMATS)
    cfg = _config(config)
    inputs = _inputs(paths, cfg)
    several = len(paths) > 1 or not options.names_files_only(paths)
    run = ParseRun(output, fmt, options.jobs(jobs), quiet, _DEBUG, several, lang=options.lang(lang, cfg.lang))
    raise typer.Exit(parse_command(inputs, run))


@_command
def validate(
    paths: options.Paths,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="text, json, github or sarif (default: github under GitHub Actions, else text)."
        ),
    ] = None,
    strict: Annotated[
        bool | None,
        typer.Option("--strict/--no-strict", help="Warnings fail too (default: the configuration's strict)."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rule codes (comma-separated).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rule codes (comma-separated).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    config: options.ConfigFile = None,
    severity: Annotated[
        str | None,
        typer.Option(
            "--severity", help="Lowest severity shown: error, warning or info (default); the exit code counts all."
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Count the findings per rule instead of listing them.")
    ] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the run.")] = False,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only the findings this baseline file does not hold.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record today's findings in this baseline file; exit 0.")
    ] = None,
    jobs: options.Jobs = None,
    lang: options.Lang = None,
) -> None:
    """Check sheets against the rules; exit 1 when errors (or, with --strict, warnings) are found."""
    from nikosheet.cli.validate import validate_command, validate_run
    from nikosheet.validation.reporters import FORMATS, SEVERITIES, default_format

    fmt = options.choice("--format", fmt or ("text" if statistics else default_format()), FORMATS)
    cfg = _config(config)
    run = validate_run(
        cfg,
        fmt=fmt,
        select=options.codes(select),
        ignore=options.codes(ignore),
        strict=strict,
        severity=None if severity is None else options.choice("--severity", severity, SEVERITIES),
        statistics=statistics,
        exit_zero=exit_zero,
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=options.jobs(jobs),
        quiet=quiet,
        debug=_DEBUG,
        lang=options.lang(lang, cfg.lang),
    )
    raise typer.Exit(validate_command(_inputs(paths, cfg), run))


@_command
def rules(
    code: Annotated[
        str | None,
        typer.Argument(help="A rule's code or name (NS204, inpatient-age-split) or a parser diagnostic's code."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    lang: options.Lang = None,
) -> None:
    """List every validation rule and parser diagnostic, or explain one: what it checks, why it matters,
    how to fix it, with an example."""
    from nikosheet.cli.validate import rules_command

    raise typer.Exit(rules_command(options.choice("--format", fmt, ("text", "json")), code, options.lang(lang)))


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
    config: options.ConfigFile = None,
    lang: options.Lang = None,
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
    cfg = _config(config)
    language = options.lang(lang, cfg.lang)
    run = TableRun(output, fmt, encoding, header, options.jobs(jobs), quiet, _DEBUG, entity, datapackage, language)
    raise typer.Exit(table_command(_inputs(paths, cfg), run))


@_command
def report(
    paths: options.Paths,
    output: Annotated[
        str,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="The HTML file to write, or - for standard output.",
            show_default=False,
        ),
    ],
    title: Annotated[
        str | None, typer.Option("--title", help="The page's heading (default: にも包括 調査票のレポート).")
    ] = None,
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
) -> None:
    """One self-contained HTML page across the sheets: a table of bodies, charts, trends, findings."""
    from nikosheet.cli.report import ReportRun, report_command
    from nikosheet.output.report import TITLE

    run = ReportRun(output, title or TITLE, options.jobs(jobs), quiet, _DEBUG)
    raise typer.Exit(report_command(_inputs(paths), run))


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
def diff(
    old: Annotated[str, typer.Argument(help="The earlier sheet (text, PDF or DOCX), or - for standard input.")],
    new: Annotated[str, typer.Argument(help="The later sheet (text, PDF or DOCX), or - for standard input.")],
    output: options.Output = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the sheets differ.")] = False,
    color: Annotated[
        str, typer.Option("--color", help="auto (when standard output is a terminal), always or never.")
    ] = "auto",
) -> None:
    """Show what changed between two sheets of one body: statistics, indicators, councils, departments,
    schedules, with their lines in each."""
    from nikosheet.cli.diff import COLOURS, DiffRun, diff_command, two_inputs
    from nikosheet.output.diff.render import FORMATS

    fmt, color = options.choice("--format", fmt, FORMATS), options.choice("--color", color, COLOURS)
    raise typer.Exit(diff_command(*two_inputs(old, new), DiffRun(output, fmt, exit_code, color, _DEBUG)))


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
