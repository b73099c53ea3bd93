"""Remembered answers: labels, titles and cells repeat in every sheet of a template.

Two ways, for two kinds of function:

- `remembered()` is for the few functions called for every line and cell (`lines.norm` and
  `lines.squeeze`): it turns the function into a dict's lookup, so that a string asked for again is
  answered by the dict itself, in C, without a Python call (a tenth of the parser's time).  The
  price: `help()` shows the dict's signature; the function's docstring stays in the source.
- `cached()` is for the rest (labels, dates, value cells): `functools.lru_cache`, behind one call.

Both answer a string longer than `max_len` without keeping it (long lines do not repeat), and hold
a bounded number of entries, so that memory stays bounded over any batch.  The bound of `remembered`
(4,096) is reached within a few dozen distinct sheets: what pays is the template's lines, which come
back in every sheet and are remembered again within a sheet or two of a clearing; a larger bound
only keeps more of the bodies' own text, which never comes back (16,384 entries cost 6 MiB more at
3,000 sheets than at 300, for no speed).
"""

from __future__ import annotations

import functools
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
    """Decorator: `functools.lru_cache` for strings up to `max_len` characters; longer ones are not kept."""

    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        keep = functools.lru_cache(maxsize=limit)(fn)

        @functools.wraps(fn)
        def call(text: str) -> T:
            return keep(text) if len(text) <= max_len else fn(text)

        return call

    return wrap
