"""The report command: the inputs read (in parallel when asked), each summarised, one HTML page written."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from nikosheet.cli.batch import Result, failure, read_input, run_tasks
from nikosheet.cli.config import Config, checked
from nikosheet.cli.exits import ExitCode, say, stderr_is_terminal, write_output
from nikosheet.cli.inputs import Input, check_output_target
from nikosheet.cli.progress import Progress
from nikosheet.cli.target import Writes
from nikosheet.output.report import SheetSummary, render, summarize

STDOUT = "-"
WRITES = Writes("report", ("html",))


@dataclass(frozen=True, slots=True)
class ReportRun:
    """The report command's options, checked."""

    output: str  # a file, or - for standard output
    title: str
    jobs: int
    quiet: bool
    debug: bool
    config: Config | None = None  # its rules decide the findings shown, as in validate


def report_command(inputs: list[Input], opts: ReportRun) -> ExitCode:
    """One page from every input that could be read; the others are named, and the exit code says so."""
    if opts.output != STDOUT:
        check_output_target(inputs, Path(opts.output))
    sheets: list[SheetSummary] = []
    failures: list[tuple[str, str]] = []
    progress = Progress(
        len(inputs), enabled=not opts.quiet and len(inputs) > 1 and stderr_is_terminal(), description="reading"
    )
    with (
        progress,
        closing(run_tasks(partial(_summary_task, config=opts.config, debug=opts.debug), inputs, opts.jobs)) as results,
    ):
        for res in results:
            progress.advance()
            if res.error is None:
                sheets.append(res.value)  # type: ignore[arg-type]  # _summary_task's value is a summary
            else:
                failures.append((res.name, res.error))
                progress.failure(res)
    if sheets:
        _write(render(sheets, failures, _generator(), opts.title), opts.output)
    if not opts.quiet and len(inputs) > 1:
        where = "standard output" if opts.output == STDOUT else opts.output
        done = f"report of {len(sheets)} sheets written to {where}" if sheets else "no report written"
        say(f"{done}, {len(failures)} failed")
    return ExitCode.FAILED if failures else ExitCode.OK


def _summary_task(inp: Input, config: Config | None = None, debug: bool = False) -> Result:
    try:
        doc = read_input(inp)
        return Result(inp, value=summarize(doc, checked(doc, config, None if inp.is_stdin else str(inp.path))))
    except Exception as exc:  # a bad file, or a bug: one line, and the batch goes on
        return failure(inp, exc, debug)


def _generator() -> str:
    from nikosheet import __version__

    return f"nikosheet {__version__}"


def _write(page: str, output: str) -> None:
    write_output(None if output == STDOUT else Path(output), page.encode("utf-8"))
