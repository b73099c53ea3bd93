"""The command line: parse, validate, table, rules, extract, diff, schema.

Each command checks its options once (`options`), collects its inputs, then hands over to the
module that does the work (`parse`, `validate`, `table`), which returns an `ExitCode`.  Misuse
anywhere raises `UsageError`, and `_command` is the one place that turns it into exit code 2.

Heavy modules (rich, yaml, pydantic models, the validator) are imported inside the commands that
need them, so that a one-file run starts fast.  No `from __future__ import annotations` here:
typer would have to evaluate every annotation string at each start.
"""

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec

import typer
from typer.core import TyperCommand, TyperOption

from nikosheet import __version__
from nikosheet.cli import options
from nikosheet.cli.exits import (
    ENDINGS,
    ExitCode,
    ended_by,
    interrupted,
    quiet_broken_pipe,
    say,
    stop_on_sigterm,
    write_stdout,
)
from nikosheet.errors import UsageError

app = typer.Typer(
    name="nikosheet",
    help="Read にも包括 survey sheets into structured, validated data.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_DEBUG = False
_DEBUG_HELP = "Show tracebacks of internal errors."
_P = ParamSpec("_P")


def _set_debug(ctx: object, param: object, value: bool) -> None:
    global _DEBUG
    _DEBUG = _DEBUG or value


class _Command(TyperCommand):
    """A command that takes --debug after its name too (`nikosheet parse X --debug`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        debug = TyperOption(
            param_decls=["--debug"], is_flag=True, expose_value=False, callback=_set_debug, help=_DEBUG_HELP
        )
        self.params.append(debug)


def _command(fn: Callable[_P, None]) -> Callable[_P, None]:
    """A command whose misuse (`UsageError`, from any layer) ends in one line and exit code 2, and whose
    output failing (`StdoutError`, `OutputError`) in one line and exit code 1."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            fn(*args, **kwargs)
        except ENDINGS as exc:
            raise typer.Exit(ended_by(exc)) from None

    return app.command(cls=_Command)(run)


def _version(value: bool) -> None:
    if value:
        print(f"nikosheet {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=_DEBUG_HELP)] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


# untyped: typer must not see Input (or the configuration's types) at start-up
def _inputs(paths: list[str], config=None, none_left_ok: bool = False):  # type: ignore[no-untyped-def]
    from nikosheet.cli.inputs import chosen

    return chosen(paths, config, none_left_ok)


def _config(path: str | None):  # type: ignore[no-untyped-def]
    from nikosheet.cli.config import load

    return load(path)


@_command
def parse(
    paths: options.Paths,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE|FOLDER/",
            help="Output file (one input, or all as .jsonl) or folder (FOLDER/, or several inputs).",
        ),
    ] = None,
    fmt: options.written_format(("json", "yaml", "jsonl"), "nikosheet.output.serialize") = None,  # type: ignore[valid-type]
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
    config: options.ConfigFile = None,
    lang: options.Lang = None,
) -> None:
    """Parse sheets into documents."""
    from nikosheet.cli.parse import parse_paths

    raise typer.Exit(parse_paths(paths, output, fmt, jobs, quiet, config, lang, _DEBUG))


@_command
def validate(
    paths: options.Paths,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json, github or sarif (default: github under GitHub Actions, else text).",
            autocompletion=options.values_of("nikosheet.validation.reporters", "FORMATS"),
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
            "--severity",
            help="Lowest severity shown: error, warning or info (default); the exit code counts all.",
            autocompletion=options.values_of("nikosheet.validation.reporters", "SEVERITIES"),
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
    # a hook that names only excluded files passes: nothing to check is no finding
    raise typer.Exit(validate_command(_inputs(paths, cfg, none_left_ok=True), run))


@_command
def rules(
    code: Annotated[
        str | None,
        typer.Argument(help="A rule's code or name (NS204, inpatient-age-split) or a parser diagnostic's code."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text or json.",
            autocompletion=lambda incomplete: [v for v in ("text", "json") if v.startswith(incomplete)],
        ),
    ] = "text",
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
    fmt: options.written_format(("csv", "jsonl", "xlsx", "sqlite"), "nikosheet.output.table") = None,  # type: ignore[valid-type]
    entity: Annotated[
        str,
        typer.Option(
            "--entity",
            "-e",
            help="The table of a CSV or JSON Lines output: sheets, councils, …",
            autocompletion=options.values_of("nikosheet.output.entities", "ENTITIES"),
        ),
    ] = "sheets",
    datapackage: Annotated[
        bool, typer.Option("--datapackage", help="Write datapackage.json (Frictionless) beside the CSV file.")
    ] = False,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="CSV encoding (default utf-8-sig, which Excel opens correctly).")
    ] = None,
    header: Annotated[
        str,
        typer.Option(
            "--header",
            metavar="en|ja",
            help="Column headers: en (stable names) or ja (the sheet's labels).",
            autocompletion=options.values_of("nikosheet.output.table", "HEADERS"),
        ),
    ] = "en",
    jobs: options.Jobs = None,
    quiet: options.Quiet = False,
    config: options.ConfigFile = None,
    lang: options.Lang = None,
) -> None:
    """The tables of the sheets: one row per sheet (statistics and counts to compare bodies and years), and
    one table per list (indicators, issues, departments, councils, schedule, …)."""
    from nikosheet.cli.table import WRITES, TableRun, table_command
    from nikosheet.cli.target import resolve
    from nikosheet.output.entities import ENTITIES
    from nikosheet.output.table import DEFAULT_ENCODING, HEADERS

    to = resolve(WRITES, output, options.choice("--format", fmt, WRITES.formats) if fmt else None)
    fmt = to.fmt
    entity = options.choice("--entity", entity, ENTITIES)
    header = options.choice("--header", header, HEADERS)
    if encoding is not None and fmt != "csv":
        raise UsageError(f"--encoding applies to --format csv only, not {fmt}")
    encoding = options.encoding(encoding or (DEFAULT_ENCODING if fmt == "csv" else "utf-8"))
    cfg = _config(config)
    language = options.lang(lang, cfg.lang)
    run = TableRun(
        to.path, fmt, encoding, header, options.jobs(jobs), quiet, _DEBUG, entity, datapackage, language, to.note, cfg
    )
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
    config: options.ConfigFile = None,
) -> None:
    """One self-contained HTML page across the sheets: a table of bodies, charts, trends, findings."""
    from nikosheet.cli.report import STDOUT, WRITES, ReportRun, report_command
    from nikosheet.cli.target import resolve
    from nikosheet.output.report import TITLE

    to = resolve(WRITES, output, None)  # refuses -o r.json: a report is HTML
    target = STDOUT if to.path is None else output
    cfg = _config(config)
    run = ReportRun(target, title or TITLE, options.jobs(jobs), quiet, _DEBUG, cfg)
    raise typer.Exit(report_command(_inputs(paths, cfg), run))


@_command
def extract(
    path: Annotated[str, typer.Argument(help="A PDF, a DOCX (or a text file), or - for standard input.")],
    output: options.Output = None,
) -> None:
    """Print what is read from a PDF or DOCX as text in the samples' form: `parse` reads it back to the
    same document, and the document's line numbers refer to it."""
    from nikosheet.cli.extract import WRITES, extract_command
    from nikosheet.cli.target import resolve

    to = resolve(WRITES, output, None)
    inputs = _inputs([path])
    if len(inputs) != 1:
        raise UsageError(f"{path}: extract reads one file, not {len(inputs)}")
    raise typer.Exit(extract_command(inputs[0], to.path, _DEBUG))


@_command
def diff(
    old: Annotated[str, typer.Argument(help="The earlier sheet (text, PDF or DOCX), or - for standard input.")],
    new: Annotated[str, typer.Argument(help="The later sheet (text, PDF or DOCX), or - for standard input.")],
    output: options.Output = None,
    fmt: options.written_format(("text", "json"), "nikosheet.output.diff.render") = None,  # type: ignore[valid-type]
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the sheets differ.")] = False,
    color: Annotated[
        str,
        typer.Option(
            "--color",
            help="auto (when standard output is a terminal), always or never.",
            autocompletion=options.values_of("nikosheet.cli.diff", "COLOURS"),
        ),
    ] = "auto",
) -> None:
    """Show what changed between two sheets of one body: statistics, indicators, councils, departments,
    schedules, with their lines in each."""
    from nikosheet.cli.diff import COLOURS, WRITES, DiffRun, diff_command, two_inputs
    from nikosheet.cli.target import resolve

    to = resolve(WRITES, output, options.choice("--format", fmt, WRITES.formats) if fmt else None)
    color = options.choice("--color", color, COLOURS)
    run = DiffRun(to.path, to.fmt, exit_code, color, _DEBUG)
    if to.note:
        say(to.note)
    raise typer.Exit(diff_command(*two_inputs(old, new), run))


@_command
def schema() -> None:
    """Print the JSON Schema of the document."""
    from nikosheet.output.serialize import schema_text

    write_stdout(schema_text().encode("utf-8"))


def main() -> None:
    """The console script: an interrupt or a closed standard output ends the process here.

    SIGTERM (`kill`, a timeout) stops a run as Ctrl-C does: workers stop, outputs are whole or absent.
    """
    stop_on_sigterm()
    try:
        app()
    except KeyboardInterrupt as exc:
        sys.exit(interrupted(exc))
    except BrokenPipeError:  # the reader went away (`| head`): quietly, and no complaint at exit either
        sys.exit(quiet_broken_pipe())
