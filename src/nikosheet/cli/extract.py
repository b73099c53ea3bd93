"""The extract command: what nikosheet reads from a PDF or DOCX, as text in the samples' form.

`parse` reads these lines back to the same document, and every `line` of that document (and, for
a PDF, its `page`) refers to them: a user can see what was read, correct a cell by hand and parse
the corrected text.  A text input is printed as it was decoded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nikosheet.cli.exits import ExitCode, say, write_stdout
from nikosheet.cli.inputs import Input
from nikosheet.cli.target import Writes
from nikosheet.errors import InputError, UsageError, describe, shown_path
from nikosheet.output.files import writable_file_target, write_atomic

WRITES = Writes("extract", ("text",))


def extract_command(inp: Input, output: Path | None, debug: bool) -> ExitCode:
    """Print (or write to `output`) the lines read from one input; one line naming it when it fails."""
    from nikosheet.sources import read_source
    from nikosheet.sources.text import MAX_BYTES, read_file

    name = "<stdin>" if inp.is_stdin else shown_path(inp.path)
    if output is not None and not writable_file_target(output):
        raise UsageError(f"{output}: cannot write here")
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if inp.is_stdin else read_file(inp.path)
        text = "".join(line + "\n" for line in read_source(data).lines).encode("utf-8")
    except Exception as exc:  # a bad document is that document's failure, in one line
        say(f"{name}: {describe(exc, debug)}")
        if debug and not isinstance(exc, InputError):
            import traceback

            traceback.print_exc()
        return ExitCode.FAILED
    if output is None:
        write_stdout(text)
    else:
        write_atomic(output, text)
    return ExitCode.OK
