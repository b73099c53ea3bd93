"""The validate and rules commands: read each input, run the rules, report, set the exit code."""

from __future__ import annotations

import io
import sys
from collections import Counter

from nikosheet.cli.exits import ExitCode, Interrupted, write_stdout
from nikosheet.cli.inputs import Input
from nikosheet.errors import shown_path
from nikosheet.validation.problem import Problem


def _name(inp: Input) -> str:
    return "<stdin>" if inp.is_stdin else shown_path(inp.path)


def check_input(inp: Input, codes: list[str], debug: bool = False) -> list[Problem]:
    """The problems of one input; a file that cannot be read is a problem of that file."""
    from nikosheet.cli.batch import read_input
    from nikosheet.errors import InputError, describe
    from nikosheet.validation.engine import run
    from nikosheet.validation.rules import INTERNAL_ERROR, REGISTRY, UNREADABLE_FILE

    path = _name(inp)

    def one(code: str, message: str) -> list[Problem]:
        if code not in codes:
            return []
        return [Problem(path, None, code, REGISTRY[code].SEVERITY, message, name=REGISTRY[code].NAME)]

    try:
        doc = read_input(inp)
    except (InputError, RecursionError, MemoryError) as exc:
        return one(UNREADABLE_FILE, describe(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        if debug:
            import traceback

            traceback.print_exc()
        return one(INTERNAL_ERROR, describe(exc, debug))
    return run(doc, codes, path, debug)


def validate_command(
    inputs: list[Input], fmt: str, strict: bool, codes: list[str], quiet: bool, debug: bool
) -> ExitCode:
    """Check every input with the rules `codes`, report in `fmt`; FAILED when errors are found
    (warnings too when `strict`)."""
    from nikosheet.validation.reporters import summary, use_color, write

    problems: list[Problem] = []
    checked = 0
    try:
        for inp in inputs:
            problems.extend(check_input(inp, codes, debug))
            checked += 1
    except KeyboardInterrupt:
        raise Interrupted(f"{checked} of {len(inputs)} checked; nothing reported") from None

    report = io.StringIO()
    write(problems, fmt, report, color=fmt == "text" and sys.stdout is not None and use_color(sys.stdout))
    write_stdout(report.getvalue().encode("utf-8"))
    counts = Counter(p.severity for p in problems)
    if not quiet:
        print(summary(len(inputs), counts), file=sys.stderr)
    failed = counts["error"] > 0 or (strict and counts["warning"] > 0)
    return ExitCode.FAILED if failed else ExitCode.OK


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
