"""Errors that end the reading of one input, each with a one-line reason."""


class InputError(Exception):
    """The input cannot be read as a sheet. The message names the reason; the caller names the file."""


class UsageError(Exception):
    """The command itself was used wrongly (exit code 2)."""
