"""Regexes compiled when first used.

Python compiles a regex in Python code: a few hundred microseconds for one whose character class
mixes Japanese characters (the class becomes a 64 KiB bitmap, cut into blocks).  A module that most
texts load but that reads only some of them keeps such regexes here, so that a batch of sheets that
never needs them never pays for them.  Once compiled, the pattern's methods are the compiled
pattern's own, set on the object: a call costs what it costs on a compiled pattern.

The stand-in is no `re.Pattern`: it cannot be given to `re.compile` or `re.sub` in place of a
pattern's source (`compiled` gives the pattern itself), and a mistake in its source is found when it
is first used, not on import (the backtracking test compiles every one).
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    __slots__ = ("_compiled", "_flags", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for a name not set yet: a method before the first use
        if name == "_compiled":
            compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            self._compiled = compiled
            return compiled
        if name.startswith("__"):  # copy's and pickle's questions: answered by the class, never compiled
            raise AttributeError(name)
        return getattr(self._compiled, name)  # groups, groupindex, flags

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return compile_lazily, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"compile_lazily({self.pattern!r})"


def compile_lazily(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done when the pattern is first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


def compiled(value: object) -> re.Pattern[str] | None:
    """The compiled pattern a value is or stands in for (compiled now), or None for any other value."""
    if isinstance(value, _Lazy):
        return value._compiled
    return value if isinstance(value, re.Pattern) else None
