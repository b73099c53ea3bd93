"""The diff command: two sheets read, compared, and the changes written for people or scripts."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from nikosheet.cli.exits import ExitCode, say, write_output
from nikosheet.cli.inputs import Input, check_output_file
from nikosheet.cli.target import Writes
from nikosheet.errors import InputError, UsageError, describe, shown_path
from nikosheet.output.diff import Change, Side, compare, read_side, same_body
from nikosheet.output.diff.render import FORMATS
from nikosheet.output.files import writable_file_target

WRITES = Writes("diff", FORMATS)

COLOURS = ("auto", "always", "never")


@dataclass(frozen=True, slots=True)
class DiffRun:
    """The diff command's options, checked."""

    output: Path | None
    fmt: str  # text or json
    exit_code: bool  # exit 1 when the sheets differ
    colour: str  # auto, always or never
    debug: bool


def two_inputs(old: str, new: str) -> tuple[Input, Input]:
    """OLD and NEW, each one file (or `-`, once): a folder, a glob or a path that is not there is misuse."""
    from nikosheet.cli.inputs import STDIN, collect

    if old == new == STDIN:
        raise UsageError("standard input (-) can be read only once")
    found = []
    for path in (old, new):
        if path != STDIN and os.path.isdir(path):
            raise UsageError(f"{path} is a folder; diff compares two files")
        inputs = collect([path])
        if len(inputs) != 1:
            raise UsageError(f"{path} names {len(inputs)} files; diff compares two files")
        found.append(inputs[0])
    return found[0], found[1]


def diff_command(old: Input, new: Input, run: DiffRun) -> ExitCode:
    """Compare OLD with NEW; FAILED when either cannot be read, or (with `exit_code`) when they differ."""
    if run.output is not None:
        check_output_file([old, new], run.output)
        if not writable_file_target(run.output):
            raise UsageError(f"{run.output}: cannot write here")
    before, after = _read(old, run.debug), _read(new, run.debug)
    if before is None or after is None:
        return ExitCode.FAILED
    names = (_name(old), _name(new))
    if not same_body(before.doc, after.doc):
        say(
            f"warning: {names[0]} is of {before.doc['municipality']} and {names[1]} of "
            f"{after.doc['municipality']}: not the same body; compared all the same"
        )
    changes = compare(before, after)
    _write(_report(changes, run, (names[0], before), (names[1], after)), run.output)
    return ExitCode.FAILED if run.exit_code and changes else ExitCode.OK


def _name(inp: Input) -> str:
    return "<stdin>" if inp.is_stdin else shown_path(inp.path)


def _read(inp: Input, debug: bool) -> Side | None:
    """One sheet, or None after a line naming it and why it cannot be read."""
    from nikosheet.sources.text import MAX_BYTES, read_file

    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if inp.is_stdin else read_file(inp.path)
        return read_side(data, None if inp.is_stdin else inp.path)
    except Exception as exc:  # a bad sheet is named in one line; a bug too, unless --debug
        say(f"{_name(inp)}: {describe(exc, debug)}")
        if debug and not isinstance(exc, InputError):
            import traceback

            traceback.print_exc()
        return None


def _report(changes: list[Change], run: DiffRun, old: tuple[str, Side], new: tuple[str, Side]) -> bytes:
    from nikosheet.output.diff.render import json_bytes, text

    if run.fmt == "json":
        return json_bytes(changes)
    colour = run.colour == "always" or (run.colour == "auto" and run.output is None and _terminal())
    return text(changes, (old[0], old[1].doc), (new[0], new[1].doc), colour).encode("utf-8")


def _terminal() -> bool:
    from nikosheet.validation.reporters import use_color

    return sys.stdout is not None and use_color(sys.stdout, os.environ)


def _write(data: bytes, output: Path | None) -> None:
    write_output(output, data)
