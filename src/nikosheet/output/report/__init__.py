"""The report: one self-contained HTML page (inline CSS and SVG charts, no script, nothing fetched)
across many sheets, to compare bodies and follow a body over the years.

`summarize(doc)` takes what the report needs of one document (run it where the document is
parsed: a worker process); `render(summaries, failures, generator, title)` makes the page.
"""

from __future__ import annotations

from nikosheet.output.report.page import TITLE, render
from nikosheet.output.report.summary import Finding, SheetSummary, summarize

__all__ = ["TITLE", "Finding", "SheetSummary", "render", "summarize"]
