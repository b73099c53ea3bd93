"""Section 7, 協議の場の実施状況: the councils and 【その他事項】."""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_items, cell_text
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import Block, Row, blocks
from nikosheet.parsing.sections.common import cells_of, is_header, joined, marker, marker_words, text_of
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.frequency import per_year
from nikosheet.plain import Data


def _meetings(ctx: Context, block: Block) -> list[Data]:
    rows = block.rows
    ctx.take(rows[0].line)
    out: list[Data] = []
    for row in rows[1:]:
        name, members, freq, activities, _ = cells_of(row, 5)  # notes: every cell from the fifth on
        if row.continued and out:  # the same council goes on: every cell adds to its field
            prev = out[-1]
            prev["members"] = joined(prev["members"], cell_text(members))
            prev["frequency"]["text"] = joined(prev["frequency"]["text"], cell_text(freq))
            prev["activities"] += cell_items(activities)
            prev["notes"] = joined(prev["notes"], cell_text(" ".join(c for c in row.cells[4:] if c)))
            ctx.take(row.line)
            continue
        text = cell_text(freq)
        n = per_year(text) if text else None
        if text is None:
            ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.EMPTY(what="開催頻度")))
        elif n is None and "随時" not in text:
            ctx.diag(Diagnostic.UNREADABLE_VALUE, row.line, str(messages.FREQUENCY_WITHOUT_COUNT(text=text)), "info")
        out.append(
            {
                "name": cell_text(name),
                "members": cell_text(members),
                "frequency": {"text": text, "per_year": n},
                "activities": cell_items(activities),
                "notes": cell_text(" ".join(filter(None, row.cells[4:]))) if len(row.cells) > 4 else None,
                "line": row.line,
            }
        )
        ctx.take(row.line)
    return out


def _is_meetings_header(row: Row) -> bool:
    return (is_header(row, "名称") or is_header(row, "会議名")) and (
        is_header(row, "頻度") or is_header(row, "構成員") or is_header(row, "回数")
    )


def read(ctx: Context, sec: Section) -> Data:
    """Section 7 as plain data of the `models.Councils` shape."""
    out: Data = {"meetings": [], "other_matters": [], "text": []}
    other: list[Block] = []
    rest: list[Block] = []
    in_other = False
    for b in blocks(sec.lines):
        if b.kind == "table" and _is_meetings_header(b.rows[0]):
            out["meetings"].extend(_meetings(ctx, b))
        elif b.kind != "table" and marker(b.lines[0], "その他事項"):
            in_other = True
            words = marker_words(ctx, b.lines[0])
            if words:
                other.append(words)
            if len(b.lines) > 1:
                other.append(Block(b.kind, b.lines[1:]))
        elif in_other and b.kind != "table":
            other.append(b)
        else:
            rest.append(b)
    out["other_matters"] = text_of(ctx, other)
    out["text"] = text_of(ctx, rest)
    return out
