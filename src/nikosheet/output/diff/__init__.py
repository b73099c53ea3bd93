"""What changed between two sheets of one body: `compare` two `Side`s into `Change` records, and
`render` them for people (text) or scripts (JSON)."""

from __future__ import annotations

from nikosheet.output.diff.changes import Change, normal
from nikosheet.output.diff.compare import SHEET, Side, compare
from nikosheet.plain import Data


def read_side(data: bytes, path: str | None) -> Side:
    """A sheet's bytes (text, PDF or DOCX) read into its document, with the lines it was read from."""
    from nikosheet.parsing.document import build
    from nikosheet.sources import read_source

    text = read_source(data)
    return Side(build(text, path), text.lines)


def same_body(old: Data, new: Data) -> bool:
    """Whether two documents are of one body, as far as can be told (an unknown body is not another)."""
    a, b = old.get("municipality"), new.get("municipality")
    return not isinstance(a, str) or not isinstance(b, str) or normal(a) == normal(b)


__all__ = ["SHEET", "Change", "Side", "compare", "read_side", "same_body"]
