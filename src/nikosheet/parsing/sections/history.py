"""Section 3, 取組の経緯: history as text, a 年度 / 経過 / 委託 table, or other tables."""

from __future__ import annotations

from nikosheet.parsing.cells import cell_text, strip_tags
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import Block, Row, blocks
from nikosheet.parsing.sections.common import cells_of, dated_cell, is_header, text_of
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.eras import find_date
from nikosheet.plain import Data

_SAME = ("↓", "同上", "〃")


def _events(ctx: Context, block: Block) -> list[Data]:
    rows = block.rows
    ctx.take(rows[0].line)
    events: list[Data] = []
    period = fiscal = None
    for row in rows[1:]:
        first, desc, comm = (strip_tags(c) for c in cells_of(row, 3))
        first, desc = dated_cell(first, desc)
        extra = row.cells[3:]
        if any(extra):
            desc = " ".join([desc, *(strip_tags(c) for c in extra if c)]).strip()
        if not (first or desc or comm):
            continue
        if first:
            period = first
            d = find_date(first)
            fiscal = d.fiscal_year() if d else None
        commission = cell_text(comm)
        if commission in _SAME:
            commission = events[-1]["commission"] if events else None
        events.append(
            {
                "period": period,
                "fiscal_year": fiscal,
                "description": cell_text(desc),
                "commission": commission,
                "line": row.line,
            }
        )
        ctx.take(row.line)
    return events


_MAX_PAD = 32
"""Rows are padded to the table's width up to this many columns; a wider table stays ragged, so that
one row of thousands of tabs cannot multiply the size of the output by the number of rows."""


def _width(cells: list[str]) -> int:
    """The number of cells up to the last one that holds something (trailing tabs are common)."""
    n = len(cells)
    while n > 1 and not cells[n - 1]:
        n -= 1
    return n


def _table(ctx: Context, block: Block) -> Data:
    rows = block.rows
    ctx.take(*(r.line for r in rows))
    width = max(_width(r.cells) for r in rows)

    def cells(r: Row) -> list[str]:
        return [strip_tags(c) for c in cells_of(r, width if width <= _MAX_PAD else _width(r.cells))]

    return {
        "header": cells(rows[0]),
        "rows": [{"cells": cells(r), "line": r.line} for r in rows[1:]],
        "line": rows[0].line,
    }


def read(ctx: Context, sec: Section) -> Data:
    """Section 3 as plain data of the `models.History` shape."""
    out: Data = {"text": [], "events": [], "tables": []}
    rest: list[Block] = []
    for b in blocks(sec.lines):
        if b.kind == "table" and is_header(b.rows[0], "年度") and is_header(b.rows[0], "経過"):
            out["events"].extend(_events(ctx, b))
        elif b.kind == "table":
            out["tables"].append(_table(ctx, b))
        else:
            rest.append(b)
    out["text"] = text_of(ctx, rest)
    return out
