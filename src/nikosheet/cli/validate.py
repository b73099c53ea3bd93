"""The validate and rules commands: read each input (in parallel when asked), run the rules, compare with
a baseline, report, set the exit code."""

from __future__ import annotations

import io
import sys
from collections import Counter
from collections.abc import Collection
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from nikosheet.cli.batch import Result, run_tasks
from nikosheet.cli.config import Config
from nikosheet.cli.exits import ExitCode, say, write_stdout
from nikosheet.cli.inputs import Input
from nikosheet.errors import UsageError, shown_path
from nikosheet.validation.problem import Problem


@dataclass(frozen=True, slots=True)
class ValidateRun:
    """The validate command's options, checked, the configuration file's merged in."""

    fmt: str
    strict: bool
    codes: tuple[str, ...]  # the rules that run, before per-file-ignores
    config: Config
    severity: str = "info"  # the lightest severity shown
    statistics: bool = False
    exit_zero: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    jobs: int = 1
    quiet: bool = False
    debug: bool = False
    lang: str | None = None


def validate_run(
    config: Config,
    *,
    fmt: str,
    select: list[str],
    ignore: list[str],
    strict: bool | None,
    severity: str | None,
    statistics: bool,
    exit_zero: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    jobs: int,
    quiet: bool,
    debug: bool,
) -> ValidateRun:
    """The run's options: the command line's, else the configuration file's.

    `--select` on the command line starts afresh (the file's `select` and `ignore` are set aside);
    without it, the file's selection stands and `--ignore` leaves out more.
    """
    from nikosheet.validation.engine import UnknownRule, active

    try:
        if select:
            codes = active(select, ignore or None)
        else:
            codes = [c for c in active(config.select or None, ignore or None) if c not in config.ignore]
    except UnknownRule as exc:
        raise UsageError(f"unknown rule code {exc}; `nikosheet rules` lists them") from None
    run = ValidateRun(
        fmt=fmt,
        strict=(config.strict or False) if strict is None else strict,
        codes=tuple(codes),
        config=config,
        severity=severity or "info",
        statistics=statistics,
        exit_zero=exit_zero,
        baseline=baseline,
        write_baseline=write_baseline,
        jobs=jobs,
        quiet=quiet,
        debug=debug,
        lang=config.lang,
    )
    _check(run)
    return run


def _check(run: ValidateRun) -> None:
    from nikosheet.output.files import writable_file_target

    if run.baseline is not None and run.write_baseline is not None:
        raise UsageError("--baseline and --write-baseline do not go together: the new baseline records every finding")
    if run.statistics and run.fmt not in ("text", "json"):
        raise UsageError(f"--statistics prints text or json, not {run.fmt}")
    target = run.write_baseline
    if target is not None and target.absolute().parent.is_dir() and not writable_file_target(target):
        raise UsageError(f"--write-baseline {target}: cannot write here")


def _name(inp: Input) -> str:
    return "<stdin>" if inp.is_stdin else shown_path(inp.path)


def _file_problem(inp: Input, codes: Collection[str], code: str, message: str) -> list[Problem]:
    """A problem of the whole input (it cannot be read), if its rule runs."""
    from nikosheet.validation.rules import REGISTRY

    if code not in codes:
        return []
    return [Problem(_name(inp), None, code, REGISTRY[code].SEVERITY, message, name=REGISTRY[code].NAME)]


def check_input(inp: Input, codes: Collection[str], debug: bool = False) -> list[Problem]:
    """The problems of one input; a file that cannot be read is a problem of that file."""
    from nikosheet.cli.batch import read_input
    from nikosheet.errors import InputError, describe
    from nikosheet.validation.engine import run
    from nikosheet.validation.rules import INTERNAL_ERROR, UNREADABLE_FILE

    try:
        doc = read_input(inp)
    except (InputError, RecursionError, MemoryError) as exc:
        return _file_problem(inp, codes, UNREADABLE_FILE, describe(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        if debug:
            import traceback

            traceback.print_exc()
        return _file_problem(inp, codes, INTERNAL_ERROR, describe(exc, debug))
    return run(doc, codes, _name(inp), debug)


def _codes_for(inp: Input, codes: tuple[str, ...], config: Config) -> list[str]:
    """The rules that run on `inp`: `codes` less its per-file-ignores."""
    ignored = config.ignored_for(inp.path) if not inp.is_stdin else frozenset()
    return [c for c in codes if c not in ignored]


def _check_task(inp: Input, codes: tuple[str, ...], config: Config, debug: bool) -> Result:
    """One input's problems, in a worker process when --jobs asks."""
    return Result(inp, value=check_input(inp, _codes_for(inp, codes, config), debug))


def _problems(inputs: list[Input], run: ValidateRun) -> list[Problem]:
    """Every input's problems, in input order whatever --jobs."""
    from nikosheet.validation.rules import INTERNAL_ERROR

    problems: list[Problem] = []
    task = partial(_check_task, codes=run.codes, config=run.config, debug=run.debug)
    with closing(run_tasks(task, inputs, run.jobs)) as results:
        for res in results:
            if res.error is not None:  # the worker reading it died
                problems.extend(_file_problem(res.input, run.codes, INTERNAL_ERROR, res.error))
            else:
                problems.extend(res.value)  # type: ignore[arg-type]  # _check_task's value is a list of problems
    return problems


def validate_command(inputs: list[Input], run: ValidateRun) -> ExitCode:
    """Check every input with the rules, report in the run's format; FAILED when errors are found
    (warnings too when strict), unless told --exit-zero."""
    from nikosheet import __version__
    from nikosheet.validation.reporters import at_least, summary, use_color, write, write_statistics

    problems = _problems(inputs, run)
    if run.write_baseline is not None:
        return _write_baseline(problems, len(inputs), run)
    baseline_line = None
    if run.baseline is not None:
        problems, baseline_line = _apply_baseline(problems, inputs, run)
    shown = at_least(problems, run.severity) if run.severity != "info" else problems
    report = io.StringIO()
    if run.statistics:
        write_statistics(shown, run.fmt, report)
    else:
        color = run.fmt == "text" and sys.stdout is not None and use_color(sys.stdout)
        write(shown, run.fmt, report, color=color, version=__version__)
    write_stdout(report.getvalue().encode("utf-8"))
    counts = Counter(p.severity for p in problems)
    if not run.quiet:
        if baseline_line is not None:
            say(baseline_line)
        hidden = len(problems) - len(shown)
        below = f"; {hidden} below --severity {run.severity} not shown" if hidden else ""
        print(summary(len(inputs), counts) + below, file=sys.stderr)
    failed = counts["error"] > 0 or (run.strict and counts["warning"] > 0)
    return ExitCode.FAILED if failed and not run.exit_zero else ExitCode.OK


def _apply_baseline(problems: list[Problem], inputs: list[Input], run: ValidateRun) -> tuple[list[Problem], str]:
    """The problems the baseline does not hold, and the line that says how many it held."""
    from nikosheet.output.baseline import BaselineError, load, match, relative

    assert run.baseline is not None
    try:
        known = load(run.baseline)
    except BaselineError as exc:
        raise UsageError(f"--baseline {run.baseline}: {exc}") from None
    folder = run.baseline.absolute().parent
    checked = {relative(_name(i), folder): _codes_for(i, run.codes, run.config) for i in inputs}
    got = match(problems, known, folder, checked)
    line = f"baseline {run.baseline}: {got.matched} matched, {got.fixed} fixed (no longer found)"
    if got.fixed:
        line += f"; --write-baseline {run.baseline} drops them"
    return got.new, line


def _write_baseline(problems: list[Problem], files: int, run: ValidateRun) -> ExitCode:
    from nikosheet.output.baseline import dumps
    from nikosheet.output.files import write_atomic

    target = run.write_baseline
    assert target is not None
    try:
        write_atomic(target, dumps(problems, target.absolute().parent))
    except OSError as exc:
        raise UsageError(f"--write-baseline {target}: cannot write ({exc.strerror or exc})") from None
    if not run.quiet:
        n = len(problems)
        say(f"baseline {target} written: {n} finding{'' if n == 1 else 's'} of {files} file{'' if files == 1 else 's'}")
    return ExitCode.OK


def rules_command(fmt: str) -> ExitCode:
    """Every rule, then every parser diagnostic with the rules that report it: a line each (text),
    or their documentation as JSON (`kind` says which is which)."""
    from nikosheet.diagnostics import Diagnostic
    from nikosheet.validation.rules import REGISTRY, description, reported_by, summary

    rules = [
        {"code": code, "name": m.NAME, "severity": m.SEVERITY, "summary": summary(m), "description": description(m)}
        for code, m in REGISTRY.items()
    ]
    diagnostics = [
        {"code": d.value, "severity": d.severity, "summary": d.summary, "reported_by": reported_by(d)}
        for d in Diagnostic
    ]
    if fmt == "json":
        import json

        listing = [{**r, "kind": "rule"} for r in rules] + [
            {**d, "name": d["code"], "kind": "parser-diagnostic"} for d in diagnostics
        ]
        write_stdout((json.dumps(listing, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return ExitCode.OK
    width = max(len(r["name"]) for r in rules)
    out = [f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}\n" for r in rules]
    out.append("\nParser diagnostics (a document's diagnostics[].code) and the rules that report them:\n")
    dwidth = max(len(d["code"]) for d in diagnostics)
    bys = [", ".join(d["reported_by"]) or "-" for d in diagnostics]  # "-": template text, not reported
    bwidth = max(len(by) for by in bys)
    for d, by in zip(diagnostics, bys, strict=True):
        out.append(f"{d['code']:<{dwidth}}  {d['severity']:<7}  {by:<{bwidth}}  {d['summary']}\n")
    write_stdout("".join(out).encode("utf-8"))
    return ExitCode.OK
