"""How a command ends: its exit code, and the lines it writes to standard error.

Every command returns an `ExitCode`; misuse raises `UsageError`, which `app.main` turns into one
line and exit code 2.  Standard output carries only data.
"""

from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path

from nikosheet.errors import shown_path


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # an input could not be read, could not be written, or failed validation
    USAGE = 2  # the command itself was used wrongly
    INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + 2, as a shell reports it
    TERMINATED = 143  # SIGTERM (kill, a timeout): 128 + 15


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a batch; its text says how far the batch got (`3 of 80 written`)."""


class StdoutError(Exception):
    """Standard output cannot take the data (closed, full, a failing device): the run ends with one line."""


class OutputError(Exception):
    """An output file cannot be written (a full disk, a failing device): the run ends with one line, exit 1."""


def write_output(path: Path | None, data: bytes) -> None:
    """Data to the output file, whole or not at all (`path` None: standard output); `OutputError`
    (exit 1) when it cannot be written: a full disk is a failure, not misuse."""
    if path is None:
        write_stdout(data)
        return
    from nikosheet.output.files import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_stdout(data: bytes) -> None:
    """Data on standard output, flushed; `StdoutError` when it cannot be written (a broken pipe stays a
    BrokenPipeError: the reader went away, which is not an error to report)."""
    stream = sys.stdout
    if stream is None:
        raise StdoutError("standard output is closed")
    try:
        stream.buffer.write(data)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StdoutError(reason) from None


def say(msg: str) -> None:
    """One line on standard error, prefixed with the program's name (a file name that is not UTF-8 shown
    with escapes)."""
    print(f"nikosheet: {shown_path(msg)}", file=sys.stderr)


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
