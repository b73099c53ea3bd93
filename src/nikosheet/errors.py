"""Errors that end the reading of one input, the one line that describes any failure, and how a
path is shown."""

import os


class InputError(Exception):
    """The input cannot be read as a sheet. The message names the reason; the caller names the file."""


class UsageError(Exception):
    """The command itself was used wrongly (exit code 2)."""


def one_line(text: str, limit: int = 200) -> str:
    """A message on one short line: the error line of a file stays one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(exc: BaseException, debug: bool = False) -> str:
    """The reason an input failed, on one line: the input's own fault, or an internal error.

    An internal error is a bug in nikosheet: it names the exception, and without `debug` it says how
    to see where it happened.
    """
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "input nests too deeply to read"
    if isinstance(exc, MemoryError):
        return "input too large to read in memory"
    reason = f"internal error ({type(exc).__name__}: {one_line(str(exc))})"
    return reason if debug else f"{reason}; rerun with --debug to see where"


def shown_path(path: str) -> str:
    """A path as text that can be printed and stored: a file name that is not UTF-8 (a CP932 name from a
    Windows ZIP) has its undecodable bytes written as escapes (`\\x90`); any other path is itself."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path
