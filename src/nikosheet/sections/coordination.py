"""Section 6, 連携状況: structure, departments in charge and partners, coordination per sector."""

from __future__ import annotations

from ..cells import cell_text, strip_tags
from ..context import Context
from ..lines import Block, blocks, squeeze
from ..split import Section
from .common import cells_of, is_header, marker, text_of

_SECTORS = (("保健", "health"), ("医療", "medical"), ("福祉", "welfare"), ("その他", "others"),
            ("住民", "others"), ("関係機関", "others"))


def _departments(ctx: Context, block: Block) -> list[dict]:
    rows = block.rows
    ctx.take(rows[0].line)
    out = []
    for row in rows[1:]:
        name, duties = cells_of(row, 2)
        if row.continued and out and not name:
            extra = cell_text(duties)
            if extra:
                prev = out[-1]
                prev["duties"] = f"{prev['duties']}\n{extra}" if prev["duties"] else extra
            ctx.take(row.line)
            continue
        out.append({"name": cell_text(name), "duties": cell_text(" ".join(row.cells[1:]).strip()), "line": row.line})
        ctx.take(row.line)
    return out


def _sectors(ctx: Context, block: Block) -> list[dict]:
    rows = block.rows
    ctx.take(rows[0].line)
    out = []
    for row in rows[1:]:
        label, status, strengths = cells_of(row, 3)
        s = squeeze(strip_tags(label))
        key = next((k for w, k in _SECTORS if s.startswith(w) or (w == "住民" and w in s)), None)
        if key is None:
            continue  # left for unparsed
        out.append({"sector": key, "label": strip_tags(label), "status": cell_text(status),
                    "strengths_and_issues": cell_text(strengths), "line": row.line})
        ctx.take(row.line)
    return out


def read(ctx: Context, sec: Section) -> dict:
    out: dict = {"structure": [], "departments": [], "partner_departments": [], "sectors": [], "notes": []}
    structure: list[Block] = []
    notes: list[Block] = []
    part = None
    seen_table = False
    for b in blocks(sec.lines):
        if b.kind == "table":
            head = b.rows[0]
            seen_table = True
            if is_header(head, "所管部署"):
                out["departments"].extend(_departments(ctx, b))
            elif is_header(head, "連携部署"):
                out["partner_departments"].extend(_departments(ctx, b))
            elif is_header(head, "各部門") or is_header(head, "連携状況"):
                out["sectors"].extend(_sectors(ctx, b))
            else:
                notes.append(b)
            part = "notes"
        elif len(b.lines) == 1 and marker(b.lines[0], "構築の体制"):
            part = "structure"
            ctx.take(b.first)
        elif part == "structure" and not seen_table:
            structure.append(b)
        else:
            notes.append(b)
    out["structure"] = text_of(ctx, structure)
    out["notes"] = text_of(ctx, notes)
    return out
