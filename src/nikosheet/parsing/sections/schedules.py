"""Sections 8 and 9: the long-term schedule (FY2024 template) and the annual schedule."""

from __future__ import annotations

import re
from collections import Counter

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import cell_items, cell_text, strip_tags
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lines import Block, Row, blocks, squeeze
from nikosheet.parsing.sections.common import cells_of, dated_cell, is_header, joined, text_of
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.eras import find_date, find_month, has_placeholder_year
from nikosheet.parsing.values.template import is_placeholder
from nikosheet.plain import Data


def _label(row: Row) -> tuple[str, list[str]]:
    """The row's first filled cell, squeezed, and its filled cells."""
    cells = [c for c in row.cells if c]
    return (squeeze(strip_tags(cells[0])) if cells else ""), cells


def _placeholder(ctx: Context, label: str, line: int) -> bool:
    if has_placeholder_year(label) or is_placeholder(label):
        ctx.diag(Diagnostic.PLACEHOLDER, line, str(messages.PLACEHOLDER_LABEL(label=label)))
        return True
    return False


def _goal_rows(ctx: Context, block: Block, out: Data, fields: dict[str, str]) -> list[Row]:
    """Rows such as 長期目標 / 短期目標 / スモールステップ: label then value. Returns the other rows."""
    rest = []
    for row in block.rows:
        label, cells = _label(row)
        word = next(filter(label.startswith, fields), None)  # (filter, not a generator: asked of every row)
        if word is None:
            rest.append(row)
            continue
        key = fields[word]
        own = cell_text(" ".join(cells[1:])) if len(cells) > 1 else None
        value = _run_on(_after_word(strip_tags(cells[0]), word), own)
        if value is None:
            ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.EMPTY(what=label)))
        out[key] = value
        ctx.take(row.line)
    return rest


_LABEL_NOTE = re.compile(r"^[(（][^()（）]*[)）]\s*")  # the label's own note: 短期目標 (今年度)


def _after_word(cell: str, word: str) -> str:
    """What a label's cell holds after its word (`長期目標 区外の精神科病院か`: a converter wrapped the
    goal's first words into the label's cell), white space inside the word skipped."""
    at = 0
    for _ in word:
        while at < len(cell) and cell[at].isspace():
            at += 1
        at += 1
    return _LABEL_NOTE.sub("", cell[at:].strip(), count=1)


def _run_on(head: str, rest: str | None) -> str | None:
    """A value's first words from the label's cell and the rest from its own, joined as one text (no space
    between two Japanese characters: the page wrapped the line there)."""
    if not head or not rest:
        return head or rest
    return head + rest if not head[-1].isascii() and not rest[0].isascii() else f"{head} {rest}"


def _plan_rows(ctx: Context, rows: list[Row]) -> list[Data]:
    ctx.take(rows[0].line)
    out: list[Data] = []
    for row in rows[1:]:
        label, item, actions = cells_of(row, 3, rest=True)
        label, item = dated_cell(strip_tags(label), item)
        if not label and not item and not actions:
            continue
        d = find_date(label) if label else None
        fy = None if (not label or _placeholder(ctx, label, row.line) or d is None) else d.fiscal_year()
        if label and d is None and fy is None and not has_placeholder_year(label):
            ctx.diag(Diagnostic.UNREADABLE_VALUE, row.line, str(messages.YEAR_UNREADABLE(label=label)))
        out.append(
            {
                "label": label or None,
                "fiscal_year": fy,
                "item": cell_text(item),
                "actions": cell_items(" ".join(row.cells[2:])),
                "line": row.line,
            }
        )
        ctx.take(row.line)
    return out


def _items(ctx: Context, rows: list[Row]) -> list[Data]:
    ctx.take(rows[0].line)
    out: list[Data] = []
    for row in rows[1:]:
        label, item, actions = cells_of(row, 3, rest=True)
        label, item = dated_cell(strip_tags(label), item)
        if not label and not item and not actions:
            continue
        if row.continued and out and item and actions and out[-1]["item"] and out[-1]["actions"]:
            # its own item and actions under a month written once: a second item in the same month,
            # as a year's second event in the history
            actions_items = cell_items(" ".join(row.cells[2:]))
            out.append({**out[-1], "item": cell_text(item), "actions": actions_items, "line": row.line})
            ctx.take(row.line)
            continue
        if row.continued and out:  # the same item goes on
            out[-1]["item"] = joined(out[-1]["item"], cell_text(item))
            out[-1]["actions"] += cell_items(" ".join(row.cells[2:]))
            ctx.take(row.line)
            continue
        out.append(
            {
                "label": label or None,
                "month": None,
                "item": cell_text(item),
                "actions": cell_items(" ".join(row.cells[2:])),
                "line": row.line,
                "_date": find_date(label) if label else None,
                "_month": find_month(label) if label else None,
            }
        )
        ctx.take(row.line)
    return out


def resolve_months(ctx: Context, items: list[Data], fiscal_year: int | None) -> None:
    """ISO months: an explicit era year wins; a bare month takes the fiscal year (Jan–Mar: the next year)."""
    for it in items:
        d, month = it.pop("_date"), it.pop("_month")
        if d is not None and d.month is not None:
            it["month"] = d.iso()
        elif month is not None:
            fy = d.year if d is not None and d.fiscal else fiscal_year
            if fy is not None:
                it["month"] = f"{fy + 1 if month <= 3 else fy:04d}-{month:02d}"
        if it["month"] is None and it["label"]:
            if _placeholder(ctx, it["label"], it["line"]):
                continue
            ctx.diag(Diagnostic.UNREADABLE_VALUE, it["line"], str(messages.NO_MONTH(label=it["label"])), "info")


def schedule_fiscal_year(items: list[Data]) -> int | None:
    """The fiscal year most of the schedule's explicit dates fall in."""
    years = [it["_date"].fiscal_year() for it in items if it.get("_date") is not None and it["_date"].month]
    counts = Counter(years)
    return max(set(years), key=counts.__getitem__) if years else None


_UNTIL = "事業利用予定年数"


def read_long_term(ctx: Context, sec: Section) -> Data:
    """Section 8 of the FY2024 template as plain data of the `models.LongTermSchedule` shape."""
    out: Data = {"until_fiscal_year": None, "goal": None, "plan": [], "text": []}
    rest: list[Block] = []
    for b in blocks(sec.lines):
        if b.kind == "table":
            rows = _goal_rows(ctx, b, out, {"長期目標": "goal"})
            if rows and squeeze("".join(rows[0].cells)).startswith(_UNTIL):  # its cells cut inside the label
                until = rows.pop(0)
                _until(ctx, "".join(until.cells), until.line, out)
            if rows and is_header(rows[0], "年度") and is_header(rows[0], "実施"):
                out["plan"].extend(_plan_rows(ctx, rows))
            elif rows:
                rest.append(b)
            continue
        if _UNTIL in squeeze(b.lines[0].text) and len(b.lines) == 1:
            _until(ctx, b.lines[0].text, b.first, out)
        else:
            rest.append(b)
    out["text"] = text_of(ctx, rest)
    return out


def _until(ctx: Context, text: str, line: int, out: Data) -> None:
    """The line `事業利用予定年数：令和 8 年度まで`: the fiscal year the programme is used until."""
    ctx.take(line)
    value = text.split("：", 1)[-1].split(":", 1)[-1]
    d = find_date(value)
    if d:
        out["until_fiscal_year"] = d.fiscal_year()
    elif not _placeholder(ctx, value, line):
        ctx.diag(Diagnostic.MISSING_VALUE, line, str(messages.EMPTY(what=_UNTIL)))


def read_annual(ctx: Context, sec: Section) -> Data:
    """The annual schedule (section 8 or 9) as plain data of the `models.AnnualSchedule` shape.

    Its items keep their dates under `_date` and `_month` until `resolve_months` turns them into months.
    """
    out: Data = {"goal": None, "small_steps": None, "items": [], "text": []}
    rest: list[Block] = []
    for b in blocks(sec.lines):
        if b.kind != "table":
            rest.append(b)
            continue
        rows = _goal_rows(ctx, b, out, {"短期目標": "goal", "スモールステップ": "small_steps"})
        # each header row (時期) starts a run of items that ends at the next header: one pass
        starts = [i for i, r in enumerate(rows) if is_header(r, "時期")]
        for start, end in zip(starts, [*starts[1:], len(rows)], strict=False):
            out["items"].extend(_items(ctx, rows[start:end]))
    out["text"] = text_of(ctx, rest)
    return out
