"""The validate and rules commands: read each input, run the rules, report, set the exit code."""

from __future__ import annotations

import io
import sys
from collections import Counter

from nikosheet.cli.exits import ExitCode, write_stdout
from nikosheet.cli.inputs import Input
from nikosheet.errors import UsageError, shown_path
from nikosheet.validation.problem import Problem


def _name(inp: Input) -> str:
    return "<stdin>" if inp.is_stdin else shown_path(inp.path)


def check_input(inp: Input, codes: list[str], debug: bool = False, lang: str = "en") -> list[Problem]:
    """The problems of one input; a file that cannot be read is a problem of that file."""
    from nikosheet.cli.batch import read_input
    from nikosheet.errors import InputError, describe
    from nikosheet.validation.engine import problem, run
    from nikosheet.validation.rules import INTERNAL_ERROR, REGISTRY, UNREADABLE_FILE, Finding
    from nikosheet.validation.rules.unreadable_file import REASON

    path = _name(inp)

    def one(code: str, reason: str) -> list[Problem]:
        if code not in codes:
            return []
        return [problem(REGISTRY[code], path, Finding(None, REASON(reason=reason)), lang)]

    try:
        doc = read_input(inp)
    except (InputError, RecursionError, MemoryError) as exc:
        return one(UNREADABLE_FILE, describe(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        if debug:
            import traceback

            traceback.print_exc()
        return one(INTERNAL_ERROR, describe(exc, debug))
    return run(doc, codes, path, debug, lang)


def validate_command(
    inputs: list[Input], fmt: str, strict: bool, codes: list[str], quiet: bool, debug: bool, lang: str = "en"
) -> ExitCode:
    """Check every input with the rules `codes`, report in `fmt` with messages in `lang`; FAILED when
    errors are found (warnings too when `strict`)."""
    from nikosheet.validation.reporters import summary, use_color, write

    problems: list[Problem] = []
    for inp in inputs:
        problems.extend(check_input(inp, codes, debug, lang))

    report = io.StringIO()
    color = fmt == "text" and sys.stdout is not None and use_color(sys.stdout)
    write(problems, fmt, report, color=color, lang=lang)
    write_stdout(report.getvalue().encode("utf-8"))
    counts = Counter(p.severity for p in problems)
    if not quiet:
        print(summary(len(inputs), counts, lang), file=sys.stderr)
    failed = counts["error"] > 0 or (strict and counts["warning"] > 0)
    return ExitCode.FAILED if failed else ExitCode.OK


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
