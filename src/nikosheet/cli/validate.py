"""The validate and rules commands: read each input, run the rules, report, set the exit code."""

from __future__ import annotations

import sys
from collections import Counter

from nikosheet.cli.inputs import Input
from nikosheet.validation.problem import Problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"nikosheet: {msg}", file=sys.stderr)


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(inp: Input) -> str:
    return "<stdin>" if inp.is_stdin else inp.path


def check_input(inp: Input, codes: list[str], debug: bool = False) -> list[Problem]:
    """The problems of one input; a file that cannot be read is a problem of that file."""
    from nikosheet.cli.batch import read_input
    from nikosheet.errors import InputError
    from nikosheet.validation.engine import run
    from nikosheet.validation.rules import INTERNAL_ERROR, REGISTRY, UNREADABLE_FILE

    path = _name(inp)

    def one(code: str, message: str) -> list[Problem]:
        if code not in codes:
            return []
        return [Problem(path, None, code, REGISTRY[code].SEVERITY, message, name=REGISTRY[code].NAME)]

    try:
        doc = read_input(inp)
    except InputError as exc:
        return one(UNREADABLE_FILE, str(exc))
    except RecursionError:
        return one(UNREADABLE_FILE, "input nests too deeply to read")
    except MemoryError:
        return one(UNREADABLE_FILE, "input too large to read in memory")
    except Exception as exc:  # a parser bug must not stop the batch
        if debug:
            import traceback

            traceback.print_exc()
        hint = "" if debug else "; rerun with --debug to see where"
        return one(INTERNAL_ERROR, f"the parser failed ({type(exc).__name__}: {_one_line(exc)}){hint}")
    return run(doc, codes, path, debug)


def validate_command(
    inputs: list[Input],
    fmt: str | None,
    strict: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    quiet: bool,
    debug: bool,
) -> int:
    from nikosheet.validation.engine import UnknownRule, active
    from nikosheet.validation.reporters import FORMATS, default_format, summary, use_color, write

    fmt = fmt or default_format()
    if fmt not in FORMATS:
        _err(f"error: --format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        return EXIT_USAGE
    try:
        codes = active(select or None, ignore or None)
    except UnknownRule as exc:
        _err(f"error: unknown rule code {exc}; `nikosheet rules` lists them")
        return EXIT_USAGE

    problems: list[Problem] = []
    for inp in inputs:
        problems.extend(check_input(inp, codes, debug))

    write(problems, fmt, sys.stdout, color=fmt == "text" and use_color(sys.stdout))
    sys.stdout.flush()
    counts = Counter(p.severity for p in problems)
    if not quiet:
        print(summary(len(inputs), counts), file=sys.stderr)
    failed = counts["error"] > 0 or (strict and counts["warning"] > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK


def rules_command(fmt: str) -> int:
    from nikosheet.validation.rules import REGISTRY, description, summary

    if fmt not in ("text", "json"):
        _err(f"error: --format must be text or json, not {fmt!r}")
        return EXIT_USAGE
    rules = [
        {"code": code, "name": m.NAME, "severity": m.SEVERITY, "summary": summary(m), "description": description(m)}
        for code, m in REGISTRY.items()
    ]
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(rules, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max(len(r["name"]) for r in rules)
    for r in rules:
        sys.stdout.write(f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}\n")
    return EXIT_OK
