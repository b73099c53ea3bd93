"""The parse command: inputs to documents on standard output, in a file, or in a folder."""

from __future__ import annotations

import sys
from pathlib import Path

from .batch import default_jobs, run
from .export import EXTENSIONS, write_atomic
from .inputs import Input, check_outputs, output_name


def _err(msg: str) -> None:
    print(f"nikosheet: {msg}", file=sys.stderr)


def parse_command(inputs: list[Input], output: Path | None, fmt: str, jobs: int | None, quiet: bool,
                  debug: bool, several: bool) -> int:
    jobs = jobs or default_jobs()
    ext = EXTENSIONS[fmt]
    to_folder = output is not None and (several or output.is_dir())
    to_stdout = output is None
    if to_stdout and several and fmt != "jsonl" and len(inputs) != 1:
        _err("error: several inputs need -o FOLDER, or --format jsonl to write them all to standard output")
        return 2
    if to_folder:
        from .errors import UsageError

        try:
            check_outputs(inputs, output, ext)
            output.mkdir(parents=True, exist_ok=True)
        except UsageError as exc:
            _err(f"error: {exc}")
            return 2
        except OSError as exc:
            _err(f"error: {output}: cannot create the output folder ({exc.strerror or exc})")
            return 2
    elif output is not None and not _writable_target(output):
        _err(f"error: {output}: cannot write here")
        return 2

    converted = with_diags = failed = 0
    jsonl_parts: list[str] = []
    progress = _Progress(len(inputs), enabled=not quiet and len(inputs) > 1 and sys.stderr.isatty())
    with progress:
        for res in run(inputs, fmt, jobs, debug):
            progress.advance()
            name = "<stdin>" if res.input.is_stdin else res.input.path
            if res.error is not None:
                failed += 1
                progress.print(f"nikosheet: {name}: {res.error}")
                if res.traceback:
                    progress.print(res.traceback)
                continue
            converted += 1
            with_diags += res.diagnostics > 0
            try:
                if to_stdout:
                    sys.stdout.write(res.text)
                    sys.stdout.flush()
                elif to_folder:
                    write_atomic(output / output_name(res.input.rel, ext), res.text)
                elif fmt == "jsonl":
                    jsonl_parts.append(res.text)
                else:
                    write_atomic(output, res.text)
            except OSError as exc:
                converted -= 1
                failed += 1
                progress.print(f"nikosheet: {name}: cannot write the output ({exc.strerror or exc})")
    if jsonl_parts and output is not None:
        try:
            write_atomic(output, "".join(jsonl_parts))
        except OSError as exc:
            _err(f"error: {output}: cannot write ({exc.strerror or exc})")
            return 2
    if not quiet and (len(inputs) > 1 or failed):
        _err(f"{converted} converted ({with_diags} with diagnostics), {failed} failed")
    return 1 if failed else 0


def _writable_target(path: Path) -> bool:
    import os

    parent = path.parent if str(path.parent) else Path(".")
    return parent.is_dir() and os.access(parent, os.W_OK) and not path.is_dir()


class _Progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.enabled, self.total = enabled, total
        self._bar = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                                       TimeRemainingColumn)

            self._bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                                 TaskProgressColumn(), TimeRemainingColumn(), console=Console(stderr=True),
                                 transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("parsing", total=self.total)
        return self

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def print(self, msg: str) -> None:
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False)
        else:
            print(msg, file=sys.stderr)
