"""Batch: convert many inputs, in parallel when asked, one failure never stopping the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import InputError
from .inputs import Input


@dataclass(slots=True)
class Result:
    input: Input
    text: str | None = None        # the serialised document
    error: str | None = None       # one-line reason when the input failed
    diagnostics: int = 0
    traceback: str | None = None


def read_input(inp: Input) -> dict:
    from . import parse_bytes_data, parse_file_data
    from .read import MAX_BYTES

    if inp.is_stdin:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return parse_bytes_data(data, None)
    return parse_file_data(inp.path)


def convert(inp: Input, fmt: str, debug: bool = False) -> Result:
    """Parse one input and serialise it; any failure becomes a one-line reason."""
    from .export import dumps

    try:
        doc = read_input(inp)
        return Result(inp, dumps(doc, fmt), diagnostics=len(doc["diagnostics"]))
    except InputError as exc:
        return Result(inp, error=str(exc))
    except RecursionError:
        return Result(inp, error="input nests too deeply to read")
    except MemoryError:
        return Result(inp, error="input too large to read in memory")
    except Exception as exc:  # a bug must not stop the batch
        import traceback

        return Result(inp, error=f"internal error ({type(exc).__name__}: {exc}); rerun with --debug",
                      traceback=traceback.format_exc() if debug else None)


def _convert_star(args: tuple[Input, str, bool]) -> Result:
    return convert(*args)


def run(inputs: list[Input], fmt: str, jobs: int, debug: bool = False) -> Iterator[Result]:
    """Results in input order. With jobs > 1, files are parsed by worker processes."""
    if jobs <= 1 or len(inputs) <= 1 or any(i.is_stdin for i in inputs):
        for inp in inputs:
            yield convert(inp, fmt, debug)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(32, len(inputs) // (jobs * 4) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_convert_star, ((i, fmt, debug) for i in inputs), chunksize=chunk)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
