"""Section 3, 取組の経緯: history as text, a 年度 / 経過 / 委託 table, or other tables."""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_text, strip_tags
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import Block, Row, blocks
from nikosheet.parsing.sections.common import DATE_FIRST, DATE_HEAD, cells_of, dated_cell, is_header, text_of
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.eras import find_date
from nikosheet.plain import Data
from nikosheet.vocabulary import SAME_AS_ABOVE


def _events(ctx: Context, block: Block) -> tuple[list[Data], str | None]:
    """The events of a 年度 / 経過 / 委託 table, and the paragraph below it that a converter ran into it."""
    rows = block.rows
    ctx.take(rows[0].line)
    events: list[Data] = []
    own_period: list[bool] = []  # whether each event's row wrote its year (else it is the one above)
    period = fiscal = None
    for row in rows[1:]:
        first, desc, comm = map(strip_tags, cells_of(row, 3))
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
        if commission in SAME_AS_ABOVE:
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
        own_period.append(bool(first))
        ctx.take(row.line)
    return events, _paragraph_below(events, own_period)


_PARAGRAPH_MIN = 20  # characters: a sentence, not a body's name that happens to end a cell


def _paragraph_below(events: list[Data], own_period: list[bool]) -> str | None:
    """The paragraph below the table that a converter ran into its last event, taken out of it.

    An event's cells hold no sentence (none of 199 events in the sheets ends with `。`), the text
    after the table always does.  Where a converter wrote that text with no blank line after the
    last row, it lands at the end of the last event's commission (`神戸市精神保健福祉協会` /
    `平成20年度の実態調査では…。`) or description, after its date (`令和3年度市町村の協議の場は…。`),
    or as an event of its own under the year above.
    """
    if not events:
        return None
    last = events[-1]
    for key in ("commission", "description", "period"):
        kept, paragraph = _sentences_at_end(last[key])
        if paragraph is None:
            continue
        if key == "period":
            head = re.match(DATE_HEAD, last["period"] or "")  # compiled on first use: few sheets need it
            kept = head.group(0) if head else None
            paragraph = last["period"][len(kept or "") :].strip()
            last["fiscal_year"] = last["fiscal_year"] if kept else None
        elif key == "description" and kept is None and not own_period[-1] and last["commission"] is None:
            events.pop()  # the paragraph made an event of its own under the year above
            return paragraph
        last[key] = kept
        if key == "commission" and kept in SAME_AS_ABOVE:
            last[key] = events[-2]["commission"] if len(events) > 1 else None
        return paragraph
    return None


def _sentences_at_end(value: str | None) -> tuple[str | None, str | None]:
    """A cell's own text and the paragraph at its end (the cell's text None when it is all paragraph),
    or (the text, None) when it does not end with a sentence.  The paragraph's lines, but its last,
    are a page's full lines; the cell's own text, a column's, is shorter."""
    if not value or not value.endswith("。") or len(value) < _PARAGRAPH_MIN:
        return value, None
    lines = value.split("\n")
    start = 1 if len(lines) > 1 else 0
    while start < len(lines) - 1 and not _full_lines(lines[start:]):
        start += 1
    paragraph = "".join(ln + ("\n" if ln.endswith("。") else "") for ln in lines[start:]).rstrip("\n")
    if len(paragraph) < _PARAGRAPH_MIN:
        return value, None
    return "\n".join(lines[:start]).strip() or None, paragraph


def _full_lines(lines: list[str]) -> bool:
    """Whether every line but the last is about as long as the longest: a page's wrapped paragraph."""
    widest = max(len(ln) for ln in lines)
    return all(len(ln) >= 0.8 * widest for ln in lines[:-1])


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
    ctx.take_all([r.line for r in rows])
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
    paragraphs: list[str] = []  # the text below an events table that a converter ran into it
    for b in blocks(sec.lines):
        if b.kind == "table" and is_header(b.rows[0], "年度") and is_header(b.rows[0], "経過"):
            events, below = _events(ctx, b)
            out["events"].extend(events)
            if below:
                paragraphs.append(below)
        elif b.kind == "table":
            out["tables"].append(_table(ctx, b))
        else:
            rest.append(b)
    out["text"] = paragraphs + text_of(ctx, rest)
    for table in out["tables"]:
        _warn_dated(ctx, sec, table)
    return out


# only a section with a table of its own needs it, and only for a cell that starts as a date does
_DATED_ROW = compile_lazily(DATE_HEAD)


def _warn_dated(ctx: Context, sec: Section, table: Data) -> None:
    """A table not headed 年度 / 経過 / 委託 whose rows mostly start with a year holds events: a converter cut
    the events' table apart (a long event's wrapped lines, a page break), and its rows are kept as a
    table, not read as events.  Said, so that it does not pass for a table of the sheet's own."""
    firsts = [table["header"], *(row["cells"] for row in table["rows"])]
    dated = sum(1 for cells in firsts if cells and cells[0].startswith(DATE_FIRST) and _DATED_ROW.match(cells[0]))
    if dated >= 2 and 2 * dated >= len(firsts):
        h = sec.headings[0]
        ctx.diag(
            Diagnostic.MISSING_TABLE,
            table["line"],
            str(messages.DATED_TABLE(section=h.number or "history", rows=dated)),
        )
