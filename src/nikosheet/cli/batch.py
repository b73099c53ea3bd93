"""Batch: run a task over many inputs, in parallel when asked, one failure never stopping the rest.

`run_tasks(task, inputs, jobs)` is the machinery: it calls `task(input) -> Result`
for every input, in worker processes when jobs > 1, and yields the results in
input order, so that the output of a run never depends on --jobs.  `task` must
be picklable (a module-level function, or a functools.partial of one) and must
turn every failure into a `Result` with `error` set.  Workers get the inputs in
chunks of consecutive inputs (see `_chunk_size`), and the parent hands the results
of a chunk over one by one, in order.  A worker process that dies (killed, out of
memory, a crash in C code) is survived: the files of the chunks that were in flight
are retried one at a time in a process of their own, the one that kills its process
is reported, and the rest of the batch goes on in a fresh pool.  Ctrl-C is the
parent's: workers ignore it; told to stop, each finishes the input it is on (its
output is written whole or not at all) and leaves the rest of its chunk.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nikosheet.cli.inputs import Input, output_name
from nikosheet.errors import InputError, describe, shown_path
from nikosheet.output.files import write_atomic
from nikosheet.output.serialize import EXTENSIONS, dumps_bytes
from nikosheet.plain import Data

if TYPE_CHECKING:  # a run at --jobs 1 never loads concurrent.futures (and logging with it): 3 ms of start-up
    from concurrent.futures import Future

Task = Callable[[Input], "Result"]
Outcomes = list[tuple[Any, ...]]  # a chunk's results without their inputs, as a worker sends them back
Left = list[tuple[list[Input], Outcomes | None]]  # chunks in flight when a pool broke, with outcomes if done


class Result:
    """What became of one input (a plain class, not a dataclass: see `parse.ParseRun`)."""

    __slots__ = ("data", "error", "input", "severities", "traceback", "value")

    def __init__(
        self,
        input: Input,
        data: bytes | None = None,
        error: str | None = None,
        severities: tuple[int, int, int] = (0, 0, 0),
        traceback: str | None = None,
        value: object = None,
    ) -> None:
        self.input = input
        self.data = data  # the serialised document (None when the worker wrote it itself)
        self.error = error  # one-line reason when the input failed
        self.severities = severities  # the document's diagnostics: errors, warnings, info
        self.traceback = traceback
        self.value = value  # what a task other than parse_task() produced (a table row)

    def __repr__(self) -> str:
        return f"Result({self.input!r}, error={self.error!r})"

    @property
    def name(self) -> str:
        return "<stdin>" if self.input.is_stdin else shown_path(self.input.path)


def read_input(inp: Input) -> Data:
    # the parser is imported on first use: a run that stops at its arguments never loads it
    import nikosheet

    if inp.error is not None:  # found unreadable while the inputs were collected
        raise InputError(inp.error)

    if inp.is_stdin:
        import nikosheet.sources.text as read

        return nikosheet.parse_bytes_data(sys.stdin.buffer.read(read.MAX_BYTES + 1), None)
    return nikosheet.parse_file_data(inp.path)


def failure(inp: Input, exc: BaseException, debug: bool) -> Result:
    """The one-line Result for an exception raised while reading `inp` (with debug, its traceback)."""
    reason = describe(exc, debug)
    if not debug or isinstance(exc, (InputError, RecursionError, MemoryError)):
        return Result(inp, error=reason)
    import traceback

    return Result(inp, error=reason, traceback="".join(traceback.format_exception(exc)))


def severities(doc: Data) -> tuple[int, int, int]:
    """How many of the document's diagnostics are errors, warnings and info."""
    found = [d["severity"] for d in doc["diagnostics"]]
    return found.count("error"), found.count("warning"), found.count("info")


def parse_task(inp: Input, fmt: str, debug: bool = False, out_dir: Path | None = None) -> Result:
    """Parse one input and serialise it; any failure becomes a one-line reason.

    With `out_dir`, the document is written there (atomically, mirroring the input tree) by
    whoever converts it, a worker process included, so the parent only counts.
    """
    try:
        doc = read_input(inp)
        data = dumps_bytes(doc, fmt)
    except Exception as exc:  # a bug must not stop the batch
        return failure(inp, exc, debug)
    if out_dir is None:
        return Result(inp, data, severities=severities(doc))
    try:
        write_atomic(os.path.join(out_dir, output_name(inp.rel, EXTENSIONS[fmt])), data)  # (a string: see files)
    except OSError as exc:
        return Result(inp, error=f"cannot write the output ({exc.strerror or exc})")
    return Result(inp, severities=severities(doc))


def run(
    inputs: list[Input],
    fmt: str,
    jobs: int,
    debug: bool = False,
    out_dir: Path | None = None,
    unseen: list[Result] | None = None,
) -> Generator[Result, None, None]:
    """Documents serialised as `fmt` (or written below `out_dir`), in input order."""
    return run_tasks(partial(parse_task, fmt=fmt, debug=debug, out_dir=out_dir), inputs, jobs, unseen)


# Inputs go to the workers in chunks: one future per input costs the parent a submission, the
# pickling of the input and a wake-up per result, which is a good part of a small sheet's time.
# Chunks are a share of what is left, so they shrink towards the end and the workers finish
# together; MAX_CHUNK bounds what one chunk holds (results kept, work redone after a crash, the
# wait after Ctrl-C).
MAX_CHUNK = 64
_SHARES_PER_JOB = 4  # a chunk is at most 1/(jobs × this) of the inputs left
_CHUNKS_PER_JOB = 3  # chunks in flight per worker: one running, the next ones queued


def _chunk_size(left: int, jobs: int) -> int:
    """How many of the `left` inputs the next chunk takes: 64 for most of a big batch, down to 1."""
    return max(1, min(MAX_CHUNK, left // (jobs * _SHARES_PER_JOB)))


# An input this large is read in a worker process of its own even at --jobs 1 in a batch: a
# crash of the interpreter on it (out of memory under a ulimit, in C code) then ends that worker,
# not the batch.  Real sheets are 10-100 KB; the ones past this are few, so the fork is rare.
LARGE_INPUT = 1 << 20  # bytes


def run_tasks(
    task: Task, inputs: list[Input], jobs: int, unseen: list[Result] | None = None
) -> Generator[Result, None, None]:
    """Results in input order. With jobs > 1, inputs are handled by worker processes, in chunks.

    When the batch is stopped (Ctrl-C, a consumer that closes it), `unseen` receives the results
    that workers had finished but that were never handed over: their outputs, if the task writes
    them, are there all the same.
    """
    if jobs <= 1 or len(inputs) <= 1 or any(i.is_stdin for i in inputs):
        for inp in inputs:
            if len(inputs) > 1 and not inp.is_stdin and _size(inp.path) > LARGE_INPUT:
                yield from _redo(task, [([inp], None)])
            else:
                yield task(inp)
        return
    jobs = min(jobs, len(inputs))
    todo = deque(inputs)
    while todo:
        left = yield from _pool_run(task, todo, jobs, unseen)
        # in input order, before anything after them: what the broken pool had finished, and
        # what it had not, redone one input at a time, so that the one that kills its process is named
        yield from _redo(task, left)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the task says why it cannot be read


_FIELDS = ("data", "error", "severities", "traceback", "value")  # Result's, after its input, in order
_STOP: Any = None  # in a worker: the pool's stop flag, set by the parent when it stops early


def _run_chunk(task: Task, chunk: list[Input]) -> Outcomes:
    """In a worker: the results of a chunk, without their inputs (the parent has them).

    When the parent has stopped (Ctrl-C), the rest of the chunk is left: nobody waits for it.
    """
    outs: Outcomes = []
    for inp in chunk:
        if _STOP is not None and _STOP.value:
            break
        try:
            res = task(inp)
        except Exception as exc:  # the task broke its promise: still one result per input
            res = failure(inp, exc, False)
        outs.append(tuple(getattr(res, f) for f in _FIELDS))
    return outs


def _results(chunk: list[Input], outs: Outcomes) -> Iterator[Result]:
    for inp, values in zip(chunk, outs, strict=False):
        yield Result(inp, *values)


def _worker_init(stop: Any, parent: int) -> None:
    import signal

    global _STOP
    _STOP = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler (stop as Ctrl-C does) is not ours
    _end_with(parent)


def _end_with(parent: int) -> None:
    """Make this worker end when its parent does, however the parent ends (killed, out of memory).

    On Linux the kernel sends SIGTERM when the parent dies (PR_SET_PDEATHSIG); elsewhere a thread
    watches for the parent to be gone.  A parent that died before this ran is caught by the check.
    """
    import signal

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    else:  # pragma: no cover - not on Linux
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


class _Pool:
    """A ProcessPoolExecutor of `jobs` workers, with a flag that tells them to stop.

    Workers are forked on Linux: a worker starts at once, with the modules the parent has
    imported (Python 3.14 would otherwise start a fresh interpreter for each).
    """

    def __init__(self, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
        ctx: Any = multiprocessing.get_context("fork" if fork else None)
        self.stop = ctx.RawValue("b", 0)
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(self.stop, os.getpid())
        )

    def submit(self, task: Task, chunk: list[Input]) -> Future[Outcomes]:
        return self.executor.submit(_run_chunk, task, chunk)

    def close(self, finished: bool) -> None:
        """Wait for the workers to exit.  Unless the pool `finished` its work (Ctrl-C, a consumer
        that stopped early), each first leaves what it has not begun.

        A pool left behind hangs the interpreter's exit, so a Ctrl-C during the wait does not
        end it: it stops the workers at once instead (a file being written then may leave its
        hidden temporary file behind), and the wait goes on.
        """
        if not finished:
            self.stop.value = 1
            _quiet_pool_threads()
        interrupted = False
        while True:
            try:
                self.executor.shutdown(wait=True, cancel_futures=True)
                break
            except KeyboardInterrupt:
                interrupted = True
                self.stop.value = 1
                _quiet_pool_threads()
                self._terminate()
        if interrupted and finished:  # nothing else is on its way out: this Ctrl-C is
            raise KeyboardInterrupt

    def _terminate(self) -> None:
        terminate = getattr(self.executor, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
            return
        for proc in list((getattr(self.executor, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):  # already gone
                proc.terminate()


def _quiet_pool_threads() -> None:
    """A pool stopped early can make the executor's manager thread fail on a worker's closed pipe
    (`OSError: handle is closed`), and Python would print that thread's traceback: the stop is the
    interrupt's doing, said in its own line, so those errors are not printed."""
    import threading

    shown = threading.excepthook
    if getattr(shown, "quiet_pool", False):
        return

    def hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, (OSError, EOFError, ValueError)):
            shown(args)

    hook.quiet_pool = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def _pool_run(
    task: Task, todo: deque[Input], jobs: int, unseen: list[Result] | None = None
) -> Generator[Result, None, Left]:
    """Run `todo` in one pool, yielding results, until it is empty or the pool breaks.

    Returns what was in flight when the pool broke (nothing when all went well): its chunks in
    order, each with its outcomes if it had finished, else None.
    """
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * _CHUNKS_PER_JOB
    pending: deque[tuple[list[Input], Future[Outcomes]]] = deque()  # in input order
    pool = _Pool(jobs)
    finished = False
    handing: deque[Result] = deque()  # the results of the chunk being handed over, not taken yet
    try:
        while todo or pending:
            while todo and len(pending) < window:
                chunk = [todo.popleft() for _ in range(_chunk_size(len(todo), jobs))]
                try:
                    fut = pool.submit(task, chunk)
                except BrokenProcessPool:  # broken already: the chunks in flight will say so
                    todo.extendleft(reversed(chunk))
                    if not pending:  # all handed over: the rest goes to a fresh pool
                        finished = True
                        return []
                    break
                pending.append((chunk, fut))
            chunk, fut = pending[0]
            try:
                outs = fut.result()
            except BrokenProcessPool:
                # the results that came back before the break are all set by now
                finished = True
                return [(c, f.result() if f.done() and f.exception() is None else None) for c, f in pending]
            except Exception:  # the outcomes could not be sent back, say: each on its own
                pending.popleft()
                yield from _redo(task, [(chunk, None)])
                continue
            pending.popleft()
            handing.extend(_results(chunk, outs))
            while handing:
                yield handing.popleft()
        finished = True
        return []
    finally:
        pool.close(finished)
        if unseen is not None and not finished:  # stopped: what the workers did that nobody took
            unseen.extend(handing)
            for c, f in pending:
                if f.done() and not f.cancelled() and f.exception() is None:
                    unseen.extend(_results(c, f.result()))


def _redo(task: Task, left: Left) -> Iterator[Result]:
    """The results of chunks that finished; the inputs of the others run one at a time, in a worker
    process of their own, to tell which input kills its worker.

    A worker is reused until an input kills it: with one input at a time, a death is that input's.
    """
    from concurrent.futures.process import BrokenProcessPool

    pool: _Pool | None = None
    finished = False
    try:
        for chunk, outs in left:
            if outs is not None:
                yield from _results(chunk, outs)
                continue
            for inp in chunk:
                if pool is None:
                    pool = _Pool(1)
                try:
                    got = pool.submit(task, [inp]).result()
                except BrokenProcessPool:
                    pool.close(True)
                    pool = None
                    yield Result(inp, error="the worker process reading this file died")
                    continue
                except Exception as exc:
                    yield failure(inp, exc, False)
                    continue
                yield from _results([inp], got)
        finished = True
    finally:
        if pool is not None:
            pool.close(finished)
