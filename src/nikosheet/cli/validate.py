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
from typing import TYPE_CHECKING

from nikosheet.cli.batch import Result, run_tasks
from nikosheet.cli.config import Config
from nikosheet.cli.exits import ExitCode, Interrupted, say, write_output, write_stdout
from nikosheet.cli.inputs import Input
from nikosheet.errors import UsageError, shown_path
from nikosheet.i18n import Count, Template
from nikosheet.validation.problem import Problem

if TYPE_CHECKING:
    from nikosheet.output.baseline import Key


HIDDEN = Template(
    "; {hidden} below --severity {severity} not shown", "（--severity {severity} より軽い {hidden} 件は表示せず）"
)
MATCHED = Template(
    "baseline {baseline}: {matched} matched, {fixed} fixed (no longer found)",
    "ベースライン {baseline}: 一致 {matched} 件、直ったもの（もう見つからない）{fixed} 件",
)
DROPS = Template("; --write-baseline {baseline} drops them", "。--write-baseline {baseline} で除けます")
WRITTEN = Template(
    "baseline {baseline} written: {findings:finding} of {files:file}",
    "ベースライン {baseline} を書きました: {files} ファイルの指摘 {findings} 件",
)


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
    lang: str = "en"  # the messages' language, resolved


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
    lang: str,
) -> ValidateRun:
    """The run's options: the command line's, else the configuration file's.

    `--select` on the command line starts afresh (the file's `select` and `ignore` are set aside);
    without it, the file's selection stands and `--ignore` leaves out more.
    """
    from nikosheet.validation.engine import UnknownRule

    try:
        codes = config.rules(select, ignore)
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
        lang=lang,
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


def _file_problem(inp: Input, codes: Collection[str], code: str, reason: str, lang: str) -> list[Problem]:
    """A problem of the whole input (it cannot be read), if its rule runs."""
    from nikosheet.validation.engine import problem
    from nikosheet.validation.rules import REGISTRY, Finding
    from nikosheet.validation.rules.unreadable_file import REASON
    from nikosheet.validation.rules.unreadable_file import reason as in_both

    if code not in codes:
        return []
    return [problem(REGISTRY[code], _name(inp), Finding(None, REASON(reason=in_both(reason))), lang)]


def check_input(inp: Input, codes: Collection[str], debug: bool = False, lang: str = "en") -> list[Problem]:
    """The problems of one input; a file that cannot be read is a problem of that file."""
    from nikosheet.cli.batch import read_input
    from nikosheet.errors import InputError, describe
    from nikosheet.validation.engine import run
    from nikosheet.validation.rules import INTERNAL_ERROR, UNREADABLE_FILE

    try:
        doc = read_input(inp)
    except (InputError, RecursionError, MemoryError) as exc:
        return _file_problem(inp, codes, UNREADABLE_FILE, describe(exc), lang)
    except Exception as exc:  # a parser bug must not stop the batch
        if debug:
            import traceback

            traceback.print_exc()
        return _file_problem(inp, codes, INTERNAL_ERROR, describe(exc, debug), lang)
    return run(doc, codes, _name(inp), debug, lang)


def _codes_for(inp: Input, codes: tuple[str, ...], config: Config) -> list[str]:
    """The rules that run on `inp`: `codes` less its per-file-ignores."""
    ignored = config.ignored_for(inp.path) if not inp.is_stdin else frozenset()
    return [c for c in codes if c not in ignored]


def _check_task(inp: Input, codes: tuple[str, ...], config: Config, debug: bool, lang: str) -> Result:
    """One input's problems, in a worker process when --jobs asks."""
    return Result(inp, value=check_input(inp, _codes_for(inp, codes, config), debug, lang))


def _problems(inputs: list[Input], run: ValidateRun) -> list[Problem]:
    """Every input's problems, in input order whatever --jobs."""
    from nikosheet.validation.rules import INTERNAL_ERROR

    problems: list[Problem] = []
    checked = 0
    task = partial(_check_task, codes=run.codes, config=run.config, debug=run.debug, lang=run.lang)
    try:
        with closing(run_tasks(task, inputs, run.jobs)) as results:
            for res in results:
                if res.error is not None:  # the worker reading it died
                    problems.extend(_file_problem(res.input, run.codes, INTERNAL_ERROR, res.error, run.lang))
                else:
                    problems.extend(res.value)  # type: ignore[arg-type]  # _check_task's value is a list of problems
                checked += 1
    except KeyboardInterrupt:
        raise Interrupted(f"{checked} of {len(inputs)} checked; nothing reported") from None
    return problems


def validate_command(inputs: list[Input], run: ValidateRun) -> ExitCode:
    """Check every input with the rules, report in the run's format; FAILED when errors are found
    (warnings too when strict), unless told --exit-zero."""
    from nikosheet import __version__
    from nikosheet.validation.reporters import at_least, summary, use_color, write, write_statistics

    if run.write_baseline is not None:  # refused before any sheet is read, as every -o is
        from nikosheet.cli.inputs import check_output_file

        check_output_file(inputs, run.write_baseline)
    known = _load_baseline(run.baseline) if run.baseline is not None else None
    problems = _problems(inputs, run)
    if run.write_baseline is not None:
        return _write_baseline(problems, len(inputs), run)
    baseline_line = None
    if known is not None:
        problems, baseline_line = _apply_baseline(problems, known, inputs, run)
    shown = at_least(problems, run.severity) if run.severity != "info" else problems
    report = io.StringIO()
    if run.statistics:
        write_statistics(shown, run.fmt, report)
    else:
        color = run.fmt == "text" and sys.stdout is not None and use_color(sys.stdout)
        write(shown, run.fmt, report, color=color, version=__version__, lang=run.lang)
    write_stdout(report.getvalue().encode("utf-8"))
    counts = Counter(p.severity for p in problems)
    if not run.quiet:
        if baseline_line is not None:
            say(baseline_line)
        hidden = len(problems) - len(shown)
        below = HIDDEN(hidden=hidden, severity=run.severity).render(run.lang) if hidden else ""
        print(summary(len(inputs), counts, run.lang) + below, file=sys.stderr)
    failed = counts["error"] > 0 or (run.strict and counts["warning"] > 0)
    return ExitCode.FAILED if failed and not run.exit_zero else ExitCode.OK


def _load_baseline(path: Path) -> Counter[Key]:
    """The baseline file, read before any sheet is: a bad one is misuse."""
    from nikosheet.output.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        raise UsageError(f"--baseline {path}: {exc}") from None


def _apply_baseline(
    problems: list[Problem], known: Counter[Key], inputs: list[Input], run: ValidateRun
) -> tuple[list[Problem], str]:
    """The problems the baseline does not hold, and the line that says how many it held."""
    from nikosheet.output.baseline import match, relative

    assert run.baseline is not None
    folder = run.baseline.absolute().parent
    checked = {relative(_name(i), folder): _codes_for(i, run.codes, run.config) for i in inputs}
    got = match(problems, known, folder, checked)
    line = MATCHED(baseline=run.baseline, matched=got.matched, fixed=got.fixed).render(run.lang)
    if got.fixed:
        line += DROPS(baseline=run.baseline).render(run.lang)
    return got.new, line


def _write_baseline(problems: list[Problem], files: int, run: ValidateRun) -> ExitCode:
    from nikosheet.output.baseline import dumps

    target = run.write_baseline
    assert target is not None
    write_output(target, dumps(problems, target.absolute().parent))
    if not run.quiet:
        say(WRITTEN(baseline=target, findings=Count(len(problems)), files=Count(files)).render(run.lang))
    return ExitCode.OK


def rules_command(fmt: str, code: str | None, lang: str) -> ExitCode:
    """One code explained (a rule's code or name, or a parser diagnostic's code), or every rule then
    every parser diagnostic with the rules that report it: a line each (text), or their
    explanations as JSON (`kind` says which is which)."""
    from nikosheet.validation.explain import UnknownCode, explain, explanation_text, listing, listing_text

    if code is None:
        entries = listing(lang)
        text = listing_text(entries, lang) if fmt == "text" else _json(entries)
    else:
        try:
            entry = explain(code, lang)
        except UnknownCode:
            raise UsageError(f"unknown rule or diagnostic code {code!r}; `nikosheet rules` lists them") from None
        text = explanation_text(entry, lang) if fmt == "text" else _json(entry)
    write_stdout(text.encode("utf-8"))
    return ExitCode.OK


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
