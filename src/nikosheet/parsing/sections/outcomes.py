"""Section 4, 取組の成果・効果: indicators with targets, results and effects."""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_items
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import Block, Line, blocks, norm
from nikosheet.parsing.sections.common import cells_of, header_paren, indicator_name, indicator_rows, is_header, text_of
from nikosheet.parsing.state import Context
from nikosheet.plain import Data

# the period is short and holds no bracket: bounded, so a long line of brackets stays linear
_PERIOD_RE = re.compile(r"[<＜〈《]([^<>＜＞〈〉《》]{1,80}?)の?成果・効果\s*[>＞〉》]")


def read(ctx: Context, sec: Section) -> Data:
    """Section 4 as plain data of the `models.Outcomes` shape."""
    out: Data = {"period": None, "target_as_of": None, "actual_as_of": None, "indicators": [], "text": []}
    rest: list[Block] = []
    for b in blocks(sec.lines):
        if (
            b.kind == "table"
            and is_header(b.rows[0], "指標")
            and (is_header(b.rows[0], "実績") or is_header(b.rows[0], "目標"))
        ):
            _indicators(ctx, b, out)
        elif b.kind in ("heading", "para") and out["period"] is None and _period(b.lines[0]):
            out["period"] = _period(b.lines[0])  # its line, perhaps with a paragraph's lines after it
            ctx.take(b.first)
            if len(b.lines) > 1:
                rest.append(Block(b.kind, b.lines[1:]))
        else:
            rest.append(b)
    out["text"] = text_of(ctx, rest)
    return out


def _period(ln: Line) -> str | None:
    m = _PERIOD_RE.search(ln.text) or _PERIOD_RE.search(norm(ln.text))
    return m.group(1).strip() if m else None


def _indicators(ctx: Context, block: Block, out: Data) -> None:
    header, rows = indicator_rows(ctx, block)
    out["target_as_of"] = header_paren(header[1])
    out["actual_as_of"] = header_paren(header[2])
    for row in rows:
        name_cell, target, actual, effects = cells_of(row, 4, rest=True)
        if row.continued and out["indicators"]:
            prev = out["indicators"][-1]
            prev["target"] += cell_items(target)
            prev["actual"] += cell_items(actual)
            prev["effects"] += cell_items(effects)
            ctx.take(row.line)
            continue
        number, name = indicator_name(name_cell)
        ind = {
            "number": number,
            "name": name,
            "target": cell_items(target),
            "actual": cell_items(actual),
            "effects": cell_items(effects),
            "line": row.line,
        }
        if not (name or ind["target"] or ind["actual"] or ind["effects"]):
            ctx.diag(Diagnostic.EMPTY_ROW, row.line, str(messages.EMPTY_INDICATOR_ROW()))
            ctx.take(row.line)
            continue
        out["indicators"].append(ind)
        ctx.take(row.line)
