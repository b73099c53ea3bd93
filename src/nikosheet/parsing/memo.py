"""Remembered answers: labels, titles and cells repeat in every sheet of a template.

Both decorators turn the function into a dict's lookup, so that a string asked for again is answered
by the dict itself, in C, without a Python call.  The price: `help()` shows the dict's signature;
the function's docstring stays in the source.

- `remembered()` is for the few functions called for every line and cell (`lines.norm` and
  `lines.squeeze`): a tenth of the parser's time.
- `cached()` is the same memo, named for the rest (labels, dates, value cells), where a Python call
  around `functools.lru_cache` cost more than the answers of many of them.

Both answer a string longer than `max_len` without keeping it (long lines do not repeat), and hold
a bounded number of entries (all are let go when the bound is reached), so that memory stays bounded
over any batch.  The bound of `remembered` (4,096) is reached within a few dozen distinct sheets:
what pays is the template's lines, which come back in every sheet and are remembered again within a
sheet or two of a clearing; a larger bound only keeps more of the bodies' own text, which never
comes back (16,384 entries cost 6 MiB more at 3,000 sheets than at 300, for no speed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class _Memo(dict[str, T]):
    __slots__ = ("fn", "limit", "max_len")

    def __init__(self, fn: Callable[[str], T], limit: int, max_len: int) -> None:
        super().__init__()
        self.fn, self.limit, self.max_len = fn, limit, max_len

    def __missing__(self, key: str) -> T:
        value = self.fn(key)
        if len(key) <= self.max_len:
            if len(self) >= self.limit:
                self.clear()
            self[key] = value
        return value


def remembered(limit: int = 1 << 12, max_len: int = 256) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorator: the function, answered from memory for strings it has seen (see the module)."""

    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        return _Memo(fn, limit, max_len).__getitem__

    return wrap


def cached(limit: int = 4096, max_len: int = 256) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorator: the same memo as `remembered`, for the functions of labels, dates and value cells."""
    return remembered(limit, max_len)
