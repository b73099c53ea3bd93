"""The table command: the inputs read (in parallel when asked), one row each, written as CSV or JSON Lines."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from nikosheet.cli.batch import Result, failure, read_input, run_tasks
from nikosheet.cli.exits import ExitCode, Interrupted, say, stderr_is_terminal, write_stdout
from nikosheet.cli.inputs import Input, check_output_file
from nikosheet.cli.progress import Progress
from nikosheet.cli.target import Writes
from nikosheet.errors import UsageError
from nikosheet.output.files import writable_file_target, write_atomic
from nikosheet.output.table import FORMATS, csv_text, encode, jsonl_text, row

WRITES = Writes("table", FORMATS)


@dataclass(frozen=True, slots=True)
class TableRun:
    """The table command's options, checked."""

    output: Path | None
    fmt: str  # csv or jsonl
    encoding: str
    header: str  # en or ja
    jobs: int
    quiet: bool
    debug: bool
    note: str | None = None  # which format -o's name left to the default


def table_command(inputs: list[Input], opts: TableRun) -> ExitCode:
    """One row per input that could be read; the others are named, and the exit code says so."""
    if opts.output is not None:
        _check_target(inputs, opts.output)
    if opts.note:
        say(opts.note)
    rows: list[list[object]] = []
    failed = 0
    progress = Progress(
        len(inputs), enabled=not opts.quiet and len(inputs) > 1 and stderr_is_terminal(), description="reading"
    )
    task = partial(_row_task, debug=opts.debug)
    try:
        # the results are closed on the way out (Ctrl-C): worker processes stop then, not at exit
        with progress, closing(run_tasks(task, inputs, opts.jobs)) as results:
            for res in results:
                progress.advance()
                if res.error is not None:
                    failed += 1
                    progress.failure(res)
                else:
                    rows.append(res.value)  # type: ignore[arg-type]  # _row_task's value is a row
    except KeyboardInterrupt:
        raise Interrupted(f"{len(rows) + failed} of {len(inputs)} read; no table written") from None
    if rows:
        _write(rows, opts)
    if not opts.quiet and len(inputs) > 1:  # one input: its error line is the whole story
        where = "standard output" if opts.output is None else str(opts.output)
        done = f"{len(rows)} row{'s' * (len(rows) != 1)} written to {where}" if rows else "no row written"
        say(f"{len(inputs)} sheets: {done}, {failed} failed")
    return ExitCode.FAILED if failed else ExitCode.OK


def _check_target(inputs: list[Input], output: Path) -> None:
    check_output_file(inputs, output)
    if not writable_file_target(output):
        raise UsageError(f"{output}: cannot write here")


def _row_task(inp: Input, debug: bool = False) -> Result:
    try:
        doc = read_input(inp)
    except Exception as exc:
        return failure(inp, exc, debug)
    try:
        values = row(doc)
    except Exception as exc:  # the validator failed: a bug, not a bad file
        res = failure(inp, exc, debug)
        res.error = f"cannot be checked: {res.error}"
        return res
    return Result(inp, value=values)


def _write(rows: list[list[object]], opts: TableRun) -> None:
    text = csv_text(rows, opts.header) if opts.fmt == "csv" else jsonl_text(rows, opts.header)
    data, warning = encode(text, opts.encoding)
    if warning:
        say(warning)
    try:
        if opts.output is None:
            write_stdout(data)
        else:
            write_atomic(opts.output, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise UsageError(f"{opts.output}: cannot write ({exc.strerror or exc})") from None
