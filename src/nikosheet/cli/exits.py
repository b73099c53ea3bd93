"""How a command ends: its exit code, and the lines it writes to standard error.

Every command returns an `ExitCode`; misuse raises `UsageError`, which `ended_by` turns into one
line and exit code 2.  Standard output carries only data.
"""

from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path

from nikosheet.errors import UsageError, shown_path


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


ENDINGS = (UsageError, StdoutError, OutputError, KeyboardInterrupt)  # what ends a command with its own line


def ended_by(exc: UsageError | StdoutError | OutputError | KeyboardInterrupt) -> ExitCode:
    """The exit code of a command that raised one of `ENDINGS`, its one line written.

    Misuse (`UsageError`, from any layer) ends in one line and exit code 2; output failing
    (`StdoutError`, `OutputError`) in one line and exit code 1; Ctrl-C or SIGTERM in
    `interrupted: …` and 130 or 143 (the workers have stopped by then).
    """
    if isinstance(exc, UsageError):
        say(f"error: {exc}")
        return ExitCode.USAGE
    if isinstance(exc, StdoutError):
        say(f"cannot write to standard output: {exc}")
        return ExitCode.FAILED
    if isinstance(exc, OutputError):
        say(str(exc))
        return ExitCode.FAILED
    return interrupted(exc)


_stopped_by = ExitCode.INTERRUPTED  # what a KeyboardInterrupt stands for: Ctrl-C unless SIGTERM came


def stop_on_sigterm() -> None:
    """SIGTERM (`kill`, a timeout) stops a run as Ctrl-C does: workers stop, outputs are whole or absent."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)


def _terminate(signum: int, frame: object) -> None:
    global _stopped_by
    _stopped_by = ExitCode.TERMINATED
    raise KeyboardInterrupt


def interrupted(exc: KeyboardInterrupt) -> ExitCode:
    """The line an interrupted run ends with (`interrupted: 3 of 80 written`), and its exit code."""
    say(f"interrupted: {exc}" if str(exc) else "interrupted")
    return _stopped_by


def quiet_broken_pipe() -> ExitCode:
    """The reader of standard output went away (`| head`): no complaint at exit either; exit 1."""
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return ExitCode.FAILED
