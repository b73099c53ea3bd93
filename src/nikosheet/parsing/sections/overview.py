"""Section 2, 取組概要（全体）: overview text, often the boxes of a figure."""

from __future__ import annotations

from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import blocks
from nikosheet.parsing.sections.common import text_of
from nikosheet.parsing.state import Context
from nikosheet.plain import Data


def read(ctx: Context, sec: Section) -> Data:
    """Section 2 as plain data of the `models.Overview` shape."""
    return {"text": text_of(ctx, blocks(sec.lines))}
