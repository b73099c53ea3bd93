"""The state shared by the section readers: lines taken, diagnostics, template text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import orjson

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.parsing.cells import strip_bullet, strip_tags
from nikosheet.parsing.lines import BLANK, SEP, Line
from nikosheet.plain import Data


class Context:
    """What the readers of one sheet share: its lines, which of them are taken, and what was found."""

    __slots__ = ("diagnostics", "lines", "taken", "template_text")

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.taken = bytearray(len(lines) + 1)
        self.diagnostics: list[Data] = []
        self.template_text: list[Data] = []

    def take(self, no: int) -> None:
        """Mark a line as read; the lines that continue a taken row follow it (see `unparsed`).  One line
        a call, not `*nos`: the readers take tens of thousands of lines a batch one at a time, and a
        tuple of arguments for each costs as much again as the call."""
        self.taken[no] = 1

    def take_all(self, nos: Iterable[int]) -> None:
        """Mark lines as read (see `take`)."""
        taken = self.taken
        for no in nos:
            taken[no] = 1

    def diag(self, code: Diagnostic, line: int | None, message: str, severity: str | None = None) -> None:
        """Record a diagnostic about a line, with the code's own severity unless `severity` says otherwise."""
        # the code's `_value_`, the string `value` gives: `value` is a property of Enum, a Python call for each
        # of the thousands of diagnostics a batch records
        self.diagnostics.append(
            {"code": code._value_, "severity": severity or code.severity, "line": line, "message": message}
        )

    def template(
        self, ln: Line, code: Diagnostic = Diagnostic.TEMPLATE_GUIDANCE, what: Template = messages.GUIDANCE_LEFT
    ) -> None:
        """A line that is the template's own text, not content."""
        self.take(ln.no)
        self.template_text.append({"line": ln.no, "text": ln.text})
        self.diag(code, ln.no, str(what(text=_short(ln.text))))

    def unparsed(self, found: Callable[[], bytes]) -> list[Data]:
        """Every non-blank line nobody took, once the lines that continue a taken row have followed it.

        A line wrapped below a taken row follows it only when its text reached the document (`found()`
        gives the document's text as JSON bytes; it is asked only when such a line is not yet taken): a
        reader that took the row for its number or as a header has not read the words wrapped into its
        last cell, and they must not vanish.
        """
        taken = self.taken
        out: list[Data] = []
        text: list[bytes] = []  # found(), once asked
        for ln in self.lines:  # continuation lines come after their row: one pass
            if taken[ln.no]:
                if ln.cont is not None:
                    for c in ln.cont:
                        taken[c] = 1
                if ln.wraps is not None:
                    self._follow_wraps(ln.wraps, found, text)
            elif ln.kind != BLANK and ln.kind != SEP:
                out.append({"line": ln.no, "text": ln.raw})
        return out

    def _follow_wraps(self, wraps: list[int], found: Callable[[], bytes], text: list[bytes]) -> None:
        """Take the wrapped lines whose text reached the document (`text` caches `found()`)."""
        taken, lines = self.taken, self.lines
        for w in wraps:
            if taken[w]:
                continue
            if not text:
                text.append(found())
            if reached(lines[w - 1].text, text[0]):
                taken[w] = 1


def reached(text: str, found: bytes) -> bool:
    """Whether a line's words are in the document: as written, or without markup and a bullet (each
    encoded as JSON writes a string, quotes and backslashes escaped)."""
    return any(orjson.dumps(t)[1:-1] in found for t in (text, strip_bullet(strip_tags(text))))


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
