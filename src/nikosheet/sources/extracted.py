"""What a PDF or DOCX reader hands to the parser: the document as text in the samples' form.

The samples' form is the one the text path reads best: a line per paragraph or heading, a table
row per line with its cells joined by tabs, a row-spanned label written once (the rows below it
start with an empty cell, which continues the row group above), and a cell's list as
`<ul><li>item</li>…</ul>`.  `nikosheet extract FILE` prints exactly these lines, and `parse`
reads them as it reads any text, so a document is never parsed in a second way.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence


# a plain class with slots, not a dataclass (0.4 ms to define) nor a NamedTuple (a third of that): the
# parser imports this module on every run
class Extracted:
    """A document as read: its lines in the samples' form, and where each came from."""

    __slots__ = ("format", "lines", "page_count", "pages")

    def __init__(
        self,
        format: str,  # "pdf" or "docx"
        lines: list[str],
        pages: list[int] | None = None,  # a PDF's: the 1-based page of each line
        page_count: int | None = None,  # a PDF's number of pages
    ) -> None:
        self.format = format
        self.lines = lines
        self.pages = pages
        self.page_count = page_count

    def text(self) -> str:
        """The lines as one text, each ended by a newline (what `nikosheet extract` prints)."""
        return "".join(line + "\n" for line in self.lines)


def page_of(page_starts: Sequence[int], line: int) -> int | None:
    """The page a line is on, from the first line of each page (None before the first page's)."""
    return bisect_right(page_starts, line) or None
