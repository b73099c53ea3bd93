"""Section 6, 連携状況: structure, departments in charge and partners, coordination per sector."""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_text, strip_tags
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import Block, blocks, squeeze
from nikosheet.parsing.memo import cached
from nikosheet.parsing.sections.common import cells_of, is_header, marker, marker_words, text_of
from nikosheet.parsing.state import Context
from nikosheet.plain import Data
from nikosheet.vocabulary import SECTION_LABELS, SECTORS

_SECTORS = (
    ("保健", "health"),
    ("医療", "medical"),
    ("福祉", "welfare"),
    ("その他", "others"),
    ("住民", "others"),
    ("関係機関", "others"),
)


def _departments(ctx: Context, block: Block) -> list[Data]:
    rows = block.rows
    ctx.take(rows[0].line)
    width = _filled(rows[0].cells)
    out: list[Data] = []
    more: list[list[str]] = []  # duties of continuation rows, joined at the end (linear, not quadratic)
    for row in rows[1:]:
        name = cells_of(row, 1)[0]
        duties = cell_text(" ".join(row.cells[1:]).strip())  # every cell after the name
        if row.continued and out and not name:
            extra = duties
            if extra:
                more[-1].append(extra)
            ctx.take(row.line)
            continue
        if width >= 2 and _filled(row.cells) > width:
            what = f"{SECTION_LABELS['coordination']} {squeeze(rows[0].cells[0])}"
            message = messages.WIDER_THAN_HEADER(what=what, count=_filled(row.cells), width=width)
            ctx.diag(Diagnostic.SHIFTED_CELL, row.line, str(message))
        out.append({"name": cell_text(name), "duties": duties, "line": row.line})
        more.append([out[-1]["duties"]] if out[-1]["duties"] else [])
        ctx.take(row.line)
    for dep, parts in zip(out, more, strict=False):
        dep["duties"] = "\n".join(parts) or None
    return out


def _filled(cells: list[str]) -> int:
    """The cells up to the last that holds something."""
    for n in range(len(cells), 0, -1):  # (from the end: no generator to make for each row)
        if cells[n - 1].strip():
            return n
    return 0


@cached()  # the four sectors' labels, in every sheet
def sector_of(label: str) -> str | None:
    """保健 / 【医療】 / 福祉分野 / 障害福祉 / その他関係機関・住民等 → health, medical, welfare, others."""
    s = squeeze(strip_tags(label)).strip("【】[]()（）「」")
    if not s or len(s) > 20:
        return None
    key = next((k for w, k in _SECTORS if s.startswith(w)), None)
    if key is None:
        found = {k for w, k in _SECTORS if w in s}
        key = found.pop() if len(found) == 1 else None
    return key


def _label(cell: str, key: str) -> str:
    """A sector's label as written, but the template's own word where only white space (or a character's
    width, NFKC) tells them apart: a narrow column's wrapped lines joined with a space before `・`
    (`その他関係機関 ・住民等`)."""
    label = strip_tags(cell)
    return SECTORS[key] if squeeze(label) == SECTORS[key] else label


def _sectors(ctx: Context, block: Block, header: bool = True) -> list[Data]:
    rows = block.rows
    if header:
        ctx.take(rows[0].line)
    out: list[Data] = []
    for row in rows[1:] if header else rows:
        label, status, strengths = cells_of(row, 3, rest=True)
        key = sector_of(label)
        if key is None:
            continue  # left for unparsed
        out.append(
            {
                "sector": key,
                "label": _label(label, key),
                "status": cell_text(status),
                "strengths_and_issues": cell_text(strengths),
                "line": row.line,
            }
        )
        ctx.take(row.line)
    return out


def read(ctx: Context, sec: Section) -> Data:
    """Section 6 as plain data of the `models.Coordination` shape."""
    out: Data = {"structure": [], "departments": [], "partner_departments": [], "sectors": [], "notes": []}
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
            elif sector_of(head.cells[0] if head.cells else ""):
                out["sectors"].extend(_sectors(ctx, b, header=False))  # its header was a plain line
            else:
                notes.append(b)
            part = "notes"
        elif len(b.lines) == 1 and marker(b.lines[0], "構築の体制"):
            part = "structure"
            words = marker_words(ctx, b.lines[0])
            if words:
                structure.append(words)
        elif part == "structure" and not seen_table:
            structure.append(b)
        elif len(b.lines) == 1 and marker(b.lines[0], "各部門の連携状況"):
            ctx.take(b.first)  # the sector table's header, written as a line of its own
        else:
            notes.append(b)
    out["structure"] = text_of(ctx, structure)
    out["notes"] = text_of(ctx, notes)
    return out
