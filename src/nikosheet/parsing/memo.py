"""Remembered answers: labels, titles and cells repeat in every sheet of a template.

`remembered()` turns a pure function of one string into a dict lookup: a string asked for
again is answered by the dict itself, in C, without a Python call.  A string longer than
`max_len` is answered but never kept (long lines do not repeat), and when the dict holds
`limit` entries it starts afresh, so that memory stays bounded over any batch.
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


def remembered(limit: int = 1 << 14, max_len: int = 256) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Decorator: the function, answered from memory for strings it has seen (see the module)."""

    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        return _Memo(fn, limit, max_len).__getitem__

    return wrap
