"""Batch: convert many inputs, in parallel when asked, one failure never stopping the rest.

`run_tasks(task, inputs, jobs)` is the machinery: it calls `task(input) -> Result`
for every input, in worker processes when jobs > 1, and yields the results in
input order, so that the output of a run never depends on --jobs.  `task` must
be picklable (a module-level function, or a functools.partial of one) and must
turn every failure into a `Result` with `error` set.  A worker process that dies
(killed, out of memory, a crash in C code) is survived: the files that were in
flight are retried one per process, the one that kills its process is reported,
and the rest of the batch goes on in a fresh pool.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from .errors import InputError
from .inputs import Input


@dataclass(slots=True)
class Result:
    input: Input
    data: bytes | None = None      # the serialised document (None when the worker wrote it itself)
    error: str | None = None       # one-line reason when the input failed
    diagnostics: int = 0
    traceback: str | None = None
    value: object = None           # what a task other than convert() produced (a table row)

    @property
    def name(self) -> str:
        return "<stdin>" if self.input.is_stdin else self.input.path


def read_input(inp: Input) -> dict:
    from . import parse_bytes_data, parse_file_data
    from .read import MAX_BYTES

    if inp.is_stdin:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return parse_bytes_data(data, None)
    return parse_file_data(inp.path)


def failure(inp: Input, exc: BaseException, debug: bool) -> Result:
    """The one-line Result for an exception raised while reading `inp`."""
    if isinstance(exc, InputError):
        return Result(inp, error=str(exc))
    if isinstance(exc, RecursionError):
        return Result(inp, error="input nests too deeply to read")
    if isinstance(exc, MemoryError):
        return Result(inp, error="input too large to read in memory")
    import traceback

    reason = f"internal error ({type(exc).__name__}: {_one_line(str(exc))})"
    if not debug:
        return Result(inp, error=f"{reason}; rerun with --debug to see where")
    return Result(inp, error=reason, traceback="".join(traceback.format_exception(exc)))


def _one_line(text: str, limit: int = 200) -> str:
    """An exception's message on one short line: the error line of a file stays one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def convert(inp: Input, fmt: str, debug: bool = False, out_dir=None) -> Result:
    """Parse one input and serialise it; any failure becomes a one-line reason.

    With `out_dir`, the document is written there (atomically, mirroring the input tree) by
    whoever converts it, a worker process included, so the parent only counts.
    """
    from .export import EXTENSIONS, dumps_bytes

    try:
        doc = read_input(inp)
        data = dumps_bytes(doc, fmt)
    except Exception as exc:  # a bug must not stop the batch
        return failure(inp, exc, debug)
    if out_dir is None:
        return Result(inp, data, diagnostics=len(doc["diagnostics"]))
    from .export import write_atomic
    from .inputs import output_name

    try:
        write_atomic(out_dir / output_name(inp.rel, EXTENSIONS[fmt]), data)
    except OSError as exc:
        return Result(inp, error=f"cannot write the output ({exc.strerror or exc})")
    return Result(inp, diagnostics=len(doc["diagnostics"]))


def run(inputs: list[Input], fmt: str, jobs: int, debug: bool = False, out_dir=None) -> Iterator[Result]:
    """Documents serialised as `fmt` (or written below `out_dir`), in input order."""
    return run_tasks(partial(convert, fmt=fmt, debug=debug, out_dir=out_dir), inputs, jobs)


def run_tasks(task: Callable[[Input], Result], inputs: list[Input], jobs: int) -> Iterator[Result]:
    """Results in input order. With jobs > 1, inputs are handled by worker processes."""
    if jobs <= 1 or len(inputs) <= 1 or any(i.is_stdin for i in inputs):
        for inp in inputs:
            yield task(inp)
        return
    jobs = min(jobs, len(inputs))
    todo = deque(inputs)
    while todo:
        crashed = yield from _pool_run(task, todo, jobs)
        for inp in crashed:         # in input order, before anything after them
            yield _isolated(task, inp)


def _worker_init() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle


def _pool_run(task, todo: deque[Input], jobs: int):
    """Run `todo` in one pool until it is empty or the pool breaks; return the inputs in flight then."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 8
    pending: deque = deque()
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    try:
        while todo or pending:
            while todo and len(pending) < window:
                inp = todo.popleft()
                pending.append((inp, pool.submit(task, inp)))
            inp, fut = pending[0]
            try:
                res = fut.result()
            except BrokenProcessPool:
                return [i for i, _ in pending]
            except Exception as exc:   # the result could not be sent back, say
                res = failure(inp, exc, False)
            pending.popleft()
            yield res
        return []
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(task, inp: Input) -> Result:
    """Run one input in a process of its own, to tell which input kills its worker."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, initializer=_worker_init) as pool:
        try:
            return pool.submit(task, inp).result()
        except BrokenProcessPool:
            return Result(inp, error="the worker process reading this file died")
        except Exception as exc:
            return failure(inp, exc, False)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A rich progress bar on standard error when it is a terminal (files done, rate, time left); else nothing.

    Messages printed through `print()` appear above the bar, or on standard error as lines.
    """

    def __init__(self, total: int, enabled: bool, description: str = "parsing"):
        self.enabled, self.total, self.description = enabled, total, description
        self._bar = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                                       TaskProgressColumn, TimeElapsedColumn, TimeRemainingColumn)
            from rich.text import Text

            class RateColumn(ProgressColumn):
                def render(self, task):
                    speed = task.finished_speed or task.speed
                    return Text("" if speed is None else f"{speed:,.1f} files/s", style="progress.data.speed")

            self._bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                                 TaskProgressColumn(), RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.description, total=self.total)
        return self

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def print(self, msg: str) -> None:
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False, soft_wrap=True)
        else:
            print(msg, file=sys.stderr)
