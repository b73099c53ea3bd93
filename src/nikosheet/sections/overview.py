"""Section 2, 取組概要（全体）: overview text, often the boxes of a figure."""

from __future__ import annotations

from ..context import Context
from ..lines import blocks
from ..split import Section
from .common import text_of


def read(ctx: Context, sec: Section) -> dict:
    return {"text": text_of(ctx, blocks(sec.lines))}
