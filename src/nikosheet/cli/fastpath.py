"""The parse command's usual command lines, read without building the typer app.

Importing typer and building the app is about a third of a one-file run's start-up, and as much
again as a whole batch of sheets spends on its own start.  A command line that is plainly
`parse` with its usual options, each once and written apart from its value, names its options
and paths unambiguously, so it runs here: `nikosheet parse DIR -o OUT/ --jobs 1`,
`nikosheet --debug parse a.txt -q`.  Anything else — help, the version, another command, an
option this table does not know, `--opt=value`, grouped flags (`-qj2`), `--`, a repeated option,
a value that starts with `-`, shell completion, Windows (whose click expands globs itself) —
goes to typer, which reads it, or explains what is wrong with it, as it always does.

The table below must agree with the parse command's options in `app`: a test compares them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

COMMAND = "parse"
# option → the parse_paths() argument it sets; flags take no value
VALUES = {
    "-o": "output",
    "--output": "output",
    "-f": "fmt",
    "--format": "fmt",
    "-j": "jobs",
    "--jobs": "jobs",
    "--config": "config",
    "--lang": "lang",
}
FLAGS = {"-q": "quiet", "--quiet": "quiet", "--debug": "debug"}
ROOT_FLAGS = {"--debug": "debug"}  # the options before the command's name that this path takes


def read(args: list[str]) -> dict[str, object] | None:
    """The arguments of `parse_paths` that `args` (the command line without the program) gives, or
    None when typer is to read the command line."""
    if os.name == "nt" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    given: dict[str, object] = {}
    at = 0
    while at < len(args) and args[at] in ROOT_FLAGS:
        given[ROOT_FLAGS[args[at]]] = True
        at += 1
    if at >= len(args) or args[at] != COMMAND:
        return None
    paths: list[str] = []
    seen: set[str] = set()
    rest = iter(args[at + 1 :])
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name = VALUES.get(arg) or FLAGS.get(arg)
        if name is None or name in seen:
            return None
        seen.add(name)
        if arg in FLAGS:
            given[name] = True
            continue
        value = next(rest, None)
        if value is None or (value.startswith("-") and value != "-"):
            return None
        given[name] = value
    jobs = given.get("jobs")
    if isinstance(jobs, str):
        if not (jobs.isascii() and jobs.isdigit() and jobs[0] != "0" and len(jobs) < 6):
            return None  # typer says what is wrong with it
        given["jobs"] = int(jobs)
    if not paths:
        return None
    given["paths"] = paths
    return given


def runner(args: list[str]) -> Callable[[], None] | None:
    """The run of a parse command line this path reads (see `read`), ending the process as the typer
    app's would; None for any other command line."""
    given = read(args)
    if given is None:
        return None
    # The reader's modules are loaded now, not at the first sheet: while `cli.main` holds the cyclic
    # collector, which then sets them aside with the command line's.  Loaded with the collector
    # running, they made it pass over the young objects again and again, and they stayed in what
    # every later collection of the old ones walks (12 M instructions of a batch).
    import nikosheet.parsing.document
    import nikosheet.sources.text  # noqa: F401
    from nikosheet.cli.parse import parse_paths

    def run() -> None:
        from nikosheet.cli.exits import ENDINGS, ended_by, interrupted, quiet_broken_pipe, stop_on_sigterm

        stop_on_sigterm()
        try:
            try:
                code = parse_paths(**given)  # type: ignore[arg-type]
            except ENDINGS as exc:
                code = ended_by(exc)
        except KeyboardInterrupt as exc:  # during the line that said why the run ended
            code = interrupted(exc)
        except BrokenPipeError:
            code = quiet_broken_pipe()
        sys.exit(code)

    return run
