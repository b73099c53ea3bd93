"""The parse command: inputs to documents on standard output, in a file, or in a folder.

- One input, no -o: the document on standard output.  One input, -o FILE: that file.
- Several inputs (or a folder, or a glob) with json or yaml: -o names a folder, and each
  input gets one output mirroring the input tree (see inputs.py).
- jsonl: one document per line, all in one file (-o FILE) or on standard output.

Every file is written atomically, and only for an input that was read: an existing output
of a failed input is left as it was.  An output folder inside an input folder, and an
output that would overwrite an input, are refused before anything is read (exit 2).
"""

from __future__ import annotations

import sys
from contextlib import closing, suppress
from pathlib import Path

from nikosheet.cli.batch import Progress, default_jobs, run, stderr_is_terminal
from nikosheet.cli.inputs import Input, check_output_file, check_outputs
from nikosheet.output.serialize import EXTENSIONS, write_atomic


def _err(msg: str) -> None:
    print(f"nikosheet: {msg}", file=sys.stderr)


def parse_command(
    inputs: list[Input], output: Path | None, fmt: str, jobs: int | None, quiet: bool, debug: bool, several: bool
) -> int:
    from nikosheet.errors import UsageError

    jobs = jobs or default_jobs()
    ext = EXTENSIONS[fmt]
    to_stdout = output is None
    to_folder = not to_stdout and fmt != "jsonl" and (several or output.is_dir())
    if to_stdout and several and fmt != "jsonl" and len(inputs) != 1:
        _err("error: several inputs need -o FOLDER, or --format jsonl to write them all to standard output")
        return 2
    if to_folder:
        try:
            check_outputs(inputs, output, ext)
            output.mkdir(parents=True, exist_ok=True)
        except UsageError as exc:
            _err(f"error: {exc}")
            return 2
        except OSError as exc:
            _err(f"error: {output}: cannot create the output folder ({exc.strerror or exc})")
            return 2
        if not _can_create_in(output):
            _err(f"error: {output}: cannot write in this folder")
            return 2
    elif output is not None:
        if fmt == "jsonl" and output.is_dir():
            _err(
                f"error: {output} is a folder; --format jsonl writes all documents to one file, so -o must name a file"
            )
            return 2
        try:
            check_output_file(inputs, output)
        except UsageError as exc:
            _err(f"error: {exc}")
            return 2
        if not _writable_target(output):
            _err(f"error: {output}: cannot write here")
            return 2

    converted = with_diags = failed = 0
    jsonl_parts: list[bytes] = []
    progress = Progress(len(inputs), enabled=not quiet and len(inputs) > 1 and stderr_is_terminal())
    # the results are closed on the way out (Ctrl-C, a broken pipe): worker processes stop then, not at exit
    with progress, closing(run(inputs, fmt, jobs, debug, out_dir=output if to_folder else None)) as results:
        for res in results:
            progress.advance()
            if res.error is not None:
                failed += 1
                progress.failure(res)
                continue
            try:
                if to_stdout:
                    sys.stdout.buffer.write(res.data)
                    sys.stdout.flush()
                elif to_folder:
                    pass  # written by whoever converted it
                elif fmt == "jsonl":
                    jsonl_parts.append(res.data)
                else:
                    write_atomic(output, res.data)
            except BrokenPipeError:
                raise
            except OSError as exc:
                failed += 1
                progress.print(f"nikosheet: {res.name}: cannot write the output ({exc.strerror or exc})")
                continue
            converted += 1
            with_diags += res.diagnostics > 0
    if fmt == "jsonl" and output is not None and converted:
        try:
            write_atomic(output, b"".join(jsonl_parts))
        except OSError as exc:
            _err(f"error: {output}: cannot write ({exc.strerror or exc})")
            return 2
    if not quiet and len(inputs) > 1:  # one input: its error line is the whole story
        _err(f"{converted} converted ({with_diags} with diagnostics), {failed} failed")
    return 1 if failed else 0


def _writable_target(path: Path) -> bool:
    parent = path.parent if str(path.parent) else Path(".")
    return parent.is_dir() and not path.is_dir() and _can_create_in(parent)


def _can_create_in(folder: Path) -> bool:
    """Try it: os.access() says yes to root on a read-only file system, /proc or /sys."""
    import os

    probe = os.path.join(folder, f".nikosheet.{os.getpid()}.probe")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(probe, flags, 0o600)
    except FileExistsError:  # left by a process of the same number that was killed
        try:
            os.unlink(probe)
            fd = os.open(probe, flags, 0o600)
        except OSError:
            return False
    except OSError:
        return False
    os.close(fd)
    with suppress(OSError):
        os.unlink(probe)
    return True
