"""The pipeline: text lines → sections → the document, as plain data of the models' shape."""

from __future__ import annotations

import functools
from collections import Counter

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.errors import InputError, shown_path
from nikosheet.parsing import forms
from nikosheet.parsing.headings import Heading, Section, split
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import BLANK, CONT, SEP, TABLE, Line, attach_continuations, read_lines, squeeze
from nikosheet.parsing.sections import (
    basic_info,
    coordination,
    councils,
    history,
    outcomes,
    overview,
    preamble,
    schedules,
    strengths,
)
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.eras import YEAR, find_date
from nikosheet.plain import Data
from nikosheet.sources.extracted import page_of
from nikosheet.sources.text import Text
from nikosheet.vocabulary import CIRCLED, EVENT_COLUMNS, GOAL_LABELS, SECTION_KEYS, STATISTICS

SCHEMA_VERSION = "1"
_READERS = {
    "basic_info": basic_info.read,
    "overview": overview.read,
    "history": history.read,
    "outcomes": outcomes.read,
    "strengths_and_issues": strengths.read,
    "coordination": coordination.read,
    "councils": councils.read,
    "long_term_schedule": schedules.read_long_term,
    "annual_schedule": schedules.read_annual,
}
# a section's table, as the template names it, and the fields only that table fills
_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "basic_info": ("基本情報", tuple(STATISTICS)),
    "outcomes": ("指標 / 目標値 / 実績値", ("indicators",)),
    "strengths_and_issues": ("課題 / 取組方針", ("issues", "indicators")),
    "coordination": ("所管部署 / 連携部署 / 各部門の連携状況", ("departments", "partner_departments", "sectors")),
    "councils": ("協議の場 (名称 / 構成員 / 開催頻度)", ("meetings",)),
    "long_term_schedule": ("年度 / 実施内容", ("plan",)),
    "annual_schedule": ("時期(月) / 実施内容", ("items",)),
}


def build(text: Text, path: str | None) -> Data:
    """The document read from the text (`path` as given, None for standard input), as plain data."""
    return build_with_context(text, path)[0]


def build_with_context(text: Text, path: str | None) -> tuple[Data, Context]:
    """The document and the reading state behind it (which lines were taken): for tests and tools."""
    state = forms.rewrite(text.lines, text.source)
    lines = read_lines(state.lines)
    for i in state.alone:
        lines[i].alone = True
    ctx = Context(lines)
    for code, line, message in state.notes:
        ctx.diag(code, line, message)
    pre, sections, heads = split(lines)
    heading_lines = [no for h in heads for no in _heading_lines(h)]
    wrapped = attach_continuations(lines, set(heading_lines))
    if not heads:
        raise InputError("not a にも包括 sheet: no section heading found")
    doc: Data = {
        "schema_version": SCHEMA_VERSION,
        "source": _source(text, path, len(lines)),
    }
    doc.update(preamble.read(ctx, pre))
    ctx.take_all(heading_lines)
    parts = {key: (_READERS[key](ctx, sections[key]) if key in sections else None) for key in SECTION_KEYS}

    if doc["municipality"] is None and parts["basic_info"] and parts["basic_info"]["name"]:
        doc["municipality"] = parts["basic_info"]["name"]
    numbers = {h.number for h in heads}
    doc["fiscal_year"] = _fiscal_year(parts)
    doc["template"] = 2024 if parts["long_term_schedule"] is not None or 9 in numbers else 2023
    annual = parts["annual_schedule"]
    if annual is not None:
        schedules.resolve_months(ctx, annual["items"], doc["fiscal_year"])
    doc.update(parts)
    _warn_unread_tables(ctx, sections, parts)
    _warn_rows_as_text(ctx, sections, parts)
    _warn_numbered_rows_as_text(ctx, sections, parts)
    _warn_unread_history(ctx, sections, parts)
    rebuilt = state.lines != text.lines  # a converter form rebuilt a table: it may have put a cell wrong
    if rebuilt or _row_without_date(parts):  # (else every date cell read is its row's: no need to look)
        _warn_dates_unread(ctx, sections, parts, text.lines)
    if rebuilt:
        from nikosheet.parsing import shifts  # not imported for a sheet in the samples' form

        shifts.check(ctx, doc)
    doc["sections"] = [_ref(i, heads, lines) for i in range(len(heads))]
    for key, sec in sections.items():
        if len(sec.headings) > 1:
            ctx.diag(
                Diagnostic.REPEATED_SECTION,
                sec.headings[1].line,
                str(messages.REPEATED_SECTION(key=key, count=len(sec.headings))),
            )
    for code, note in text.notes:
        ctx.diag(code, (len(lines) or None) if code is Diagnostic.TRUNCATED_FILE else None, note)
    doc["template_text"] = ctx.template_text
    found = functools.cache(lambda: _found_text(doc))
    if rebuilt:
        from nikosheet.parsing import leftovers  # as shifts

        rewritten = {i + 1 for i, (a, b) in enumerate(zip(state.lines, text.lines, strict=True)) if a != b}
        leftovers.give_back(ctx, rewritten, state.source, found)
    doc["unparsed"] = unparsed = ctx.unparsed(found if wrapped else lambda: b"")
    if unparsed:  # said once in the diagnostics too: a document that lost lines is never a quiet success
        ctx.diag(Diagnostic.UNPARSED_LINES, unparsed[0]["line"], str(messages.UNPARSED_LINES(count=len(unparsed))))
    doc["diagnostics"] = sorted(ctx.diagnostics, key=lambda d: d["line"] or 0)
    if text.page_starts is not None:
        _add_pages(doc["diagnostics"], text.page_starts)
    return doc, ctx


def _warn_unread_tables(ctx: Context, sections: dict[str, Section], parts: dict[str, Data | None]) -> None:
    """A section with lines but none of its table's fields read: its table came in a form the parser
    does not know (no row read, or rows left over), which must not pass for an empty table.  A table
    read with a header and no rows is an empty one."""
    guidance: set[int] | None = None  # made only for a section left without its table: most sheets have none
    for key, (table, fields) in _TABLES.items():
        part, sec = parts[key], sections.get(key)
        if part is None or sec is None or any(map(part.get, fields)):
            continue
        if guidance is None:
            guidance = {t["line"] for t in ctx.template_text}
        rows = [ln for ln in sec.lines if ln.kind == TABLE and not _is_goal(ln)]  # a goal row is not the table's
        header_only = bool(rows) and all(ctx.taken[ln.no] for ln in rows)
        kept = sum(1 for ln in sec.lines if ln.kind not in (BLANK, SEP, CONT, TABLE) and ln.no not in guidance)
        kept += sum(1 for ln in rows if not ctx.taken[ln.no])
        if kept and not header_only:
            h = sec.headings[0]
            ctx.diag(
                Diagnostic.MISSING_TABLE,
                h.line,
                str(messages.MISSING_TABLE(section=h.number or key, table=table, kept=kept)),
            )


_KEPT_LINES = 8  # lines kept as a section's text that say a table's rows were left unread (sheets keep 0 or 1)


def _warn_rows_as_text(ctx: Context, sections: dict[str, Section], parts: dict[str, Data | None]) -> None:
    """A section whose table was read, but with more of its lines kept as the section's text than rows read
    (and at least `_KEPT_LINES`): the table's cells came in a form its reader took only in part, the rest left
    as text.  A sheet writes no paragraphs below these tables but a line or two (the history, whose prose is
    its own, is not among them); a converter's wrapped cells left as text are many lines.

        名称    構成員    開催頻度    実施内容    (2 councils read)
        圏域の課題シートの更新                 (and 30 lines of their cells kept as text)
        長期入院者の事例検討
    """
    for key, (table, fields) in _TABLES.items():
        part, sec = parts[key], sections.get(key)
        if part is None or sec is None or key == "basic_info":
            continue
        rows = 0  # (loops, not sum() over generators: asked of every section)
        for f in fields:
            rows += len(part.get(f) or [])
        kept = 0
        for paragraph in part.get("text") or []:
            for line in paragraph.split("\n"):
                if line.strip():
                    kept += 1
        if rows and kept >= _KEPT_LINES and kept > rows:
            h = sec.headings[0]
            ctx.diag(
                Diagnostic.MISSING_TABLE,
                h.line,
                str(messages.ROWS_KEPT_AS_TEXT(section=h.number or key, table=table, rows=rows, kept=kept)),
            )


def _warn_numbered_rows_as_text(ctx: Context, sections: dict[str, Section], parts: dict[str, Data | None]) -> None:
    """An indicators' section whose rows were read but whose text holds a line that opens with a circled number
    no indicator read has: a row of the table that no reader took (markitdown writes a row split over a page
    as a line of text).

        ①区外病院との連携 ⇥ 12病院 ⇥ 10病院 ⇥ …   (indicators ① to ③ read)
        ④退院意向の聞き取り 入院中の区民 50人       (kept as the section's text)
    """
    for key in ("outcomes", "strengths_and_issues"):
        part, sec = parts[key], sections.get(key)
        if part is None or sec is None or not part.get("text") or not part.get("indicators"):
            continue  # (no row read: the table's own warning says so)
        numbers = [i.get("number") for i in part.get("indicators") or []]
        read = {CIRCLED[n - 1] for n in numbers if n and n <= len(CIRCLED)}  # (`21.` is a number CIRCLED has not)
        row = next(
            (
                ln
                for ln in sec.lines
                if ln.kind != TABLE and ln.text and ln.text[0] in CIRCLED and ln.text[0] not in read
            ),
            None,
        )
        if row is not None:
            h = sec.headings[0]
            message = messages.NUMBERED_ROW_AS_TEXT(section=h.number or key, row=row.text[:30])
            ctx.diag(Diagnostic.MISSING_TABLE, row.no, str(message))


# a line that opens with a fiscal year and a gap before its words (`2006年度 区保健所で…`): a 年度 cell and its
# 経過 beside it, laid out on one line; prose goes on after its date with a particle (`平成30年度に…`)
_DATED_ROW = compile_lazily(rf"{YEAR}\s*年度?\s+\S")
_DATED_ROWS = 3  # such lines in a history read as text: its events' table, not a paragraph


def _warn_unread_history(ctx: Context, sections: dict[str, Section], parts: dict[str, Data | None]) -> None:
    """A history read as text whose lines hold the 年度 / 経過 / 委託 table's header cells, each a line of
    its own or the three on one line (`年度`, `2012年`, …, `経過`, `委託`, the events), or several lines that
    each open with a year and a gap (`2006年度 区保健所で…`): a table written a cell at a time or laid out
    that no form rebuilt, not a history told in prose (which never names the columns)."""
    part, sec = parts.get("history"), sections.get("history")
    if part is None or sec is None or part.get("events"):
        return
    lines = [line for t in part.get("text") or [] for line in t.split("\n")]  # a paragraph's lines
    texts = [squeeze(line) for line in lines]
    header = [squeeze(c) for c in EVENT_COLUMNS.values()]
    dated = sum(1 for line in lines if _DATED_ROW.match(line.strip()))
    if "".join(header) in texts or all(c in texts for c in header[:2]) or dated >= _DATED_ROWS:
        h = sec.headings[0]
        table = " / ".join(EVENT_COLUMNS.values())
        ctx.diag(
            Diagnostic.MISSING_TABLE,
            h.line,
            str(messages.MISSING_TABLE(section=h.number or "history", table=table, kept=len(texts))),
        )


# a cell that holds a date and nothing else: a history's year (`平成17`, `令和元年`, `2013年度～`) or a
# schedule's month (`令和5年6`, `R6年1月`, `2024年10月～12月`), as a converter leaves the date's cell, cut
# by its wrap or whole; the markdown pipe and the spaces round a cell are not its text
_YEAR_CELL = compile_lazily(rf"{YEAR}\s*(?:年\s*度?)?\s*(?:[～〜~]\s*)?")
_MONTH_CELL = compile_lazily(rf"{YEAR}\s*年\s*\d{{1,2}}\s*月?\s*(?:[～〜~]\s*(?:\d{{1,2}}\s*月?)?)?")
_CELL_EDGES = " \t|\u3000"
_ERA_FIRST = "令平RH"  # an era year's first character (a Western year's is a digit)
_DATE_CELL_MOST = 24  # characters: a date cell is no longer (`2024年10月～12月` is 13)


def _warn_dates_unread(
    ctx: Context, sections: dict[str, Section], parts: dict[str, Data | None], source: list[str]
) -> None:
    """A history or an annual schedule whose text, as the converter gave it, holds a date cell that no row
    read has: the row of that year or month was lost, cut apart or read into another row's cells (a
    year's `平成30` read as the end of the event above, its `年度` as an event).  A cell that is a date
    alone is a date cell wherever the converter put it; a row read takes its date from it.

        平成28          (a date cell: 2016, read)
        年度
        …の約4割が住まいの不安を理由に挙げた
        平成30          (a date cell: 2018, in no event read)
    """
    for key, pattern, found in (
        ("history", _YEAR_CELL, _read_years),
        ("annual_schedule", _MONTH_CELL, _read_months),
    ):
        part, sec = parts.get(key), sections.get(key)
        if part is None or sec is None:
            continue
        read = found(part)
        if not read or _said_missing(ctx, sec):
            continue  # no row read at all, or the table already said to be read in part
        unread: dict[str, int] = {}
        for ln in sec.lines:
            if ln.no - 1 >= len(source):
                continue
            for cell in source[ln.no - 1].split("\t"):
                cell = cell.strip(_CELL_EDGES)
                if not cell or len(cell) > _DATE_CELL_MOST or not (cell[0].isdigit() or cell[0] in _ERA_FIRST):
                    continue  # no date cell: most cells, passed without a pattern run
                if pattern.fullmatch(cell) is None:
                    continue
                if key == "annual_schedule" and "月" not in cell:
                    date = find_date(cell + "月")
                else:
                    date = find_date(cell if "年" in cell else cell + "年度")
                if date is None:
                    continue
                value = date.iso() if key == "annual_schedule" else str(date.fiscal_year())
                if value not in read:
                    unread.setdefault(cell, ln.no)
        if unread:
            cell, line = next(iter(unread.items()))
            h = sec.headings[0]
            ctx.diag(
                Diagnostic.MISSING_TABLE,
                line,
                str(messages.DATES_UNREAD(section=h.number or key, count=len(unread), date=cell)),
            )


def _row_without_date(parts: dict[str, Data | None]) -> bool:
    """Whether a history's event has no fiscal year or an annual schedule's item no month."""
    history, annual = parts.get("history") or {}, parts.get("annual_schedule") or {}
    return any(e.get("fiscal_year") is None for e in history.get("events") or []) or any(
        not i.get("month") for i in annual.get("items") or []
    )


def _said_missing(ctx: Context, sec: Section) -> bool:
    """Whether a `missing-table` warning is already given inside the section's lines."""
    lines = {ln.no for ln in sec.lines} | {h.line for h in sec.headings}
    return any(d["code"] == Diagnostic.MISSING_TABLE.value and d["line"] in lines for d in ctx.diagnostics)


def _read_years(part: Data) -> set[str]:
    return {str(e["fiscal_year"]) for e in part.get("events") or [] if e.get("fiscal_year") is not None}


def _read_months(part: Data) -> set[str]:
    return {i["month"] for i in part.get("items") or [] if i.get("month")}


def _is_goal(line: Line) -> bool:
    """A schedule's goal row (長期目標, 短期目標, スモールステップ and its value)."""
    return squeeze((line.cells or [""])[0]).startswith(GOAL_LABELS)


def _heading_lines(h: Heading) -> list[int]:
    """The lines a heading was read from: its number, title and wrapped title lines."""
    nos = list(range(h.line, h.title_line + 1))
    if h.number_line is not None:
        nos.append(h.number_line)
    return nos


def _found_text(doc: Data) -> bytes:
    """Every text the document holds (its fields and template text, not its diagnostics or source), as
    the JSON bytes orjson writes: one C-speed pass, searched with texts encoded the same way."""
    import orjson

    return orjson.dumps({k: v for k, v in doc.items() if k != "diagnostics" and k != "source"})


def _fiscal_year(parts: dict[str, Data | None]) -> int | None:
    annual = parts["annual_schedule"]
    if annual is not None:
        fy = schedules.schedule_fiscal_year(annual["items"])
        if fy is not None:
            return fy
    info = parts["basic_info"]
    if info is None:
        return None
    years: Counter[int] = Counter()
    for key in ("welfare_regions", "municipalities", "population", "health_centers", "consultation_offices"):
        q = info.get(key)
        if q and q.get("as_of") and len(q["as_of"]) == 7:
            y, m = int(q["as_of"][:4]), int(q["as_of"][5:])
            years[y if m >= 4 else y - 1] += 1
    return years.most_common(1)[0][0] if years else None


def _source(text: Text, path: str | None, line_count: int) -> Data:
    shown = None if path is None else shown_path(path)
    source: Data = {"path": shown, "sha256": text.sha256, "encoding": text.encoding, "line_count": line_count}
    source["format"] = text.format
    if text.format == "pdf":
        source["pages"] = text.pages
        source["page_starts"] = list(text.page_starts or ())
    return source


def _add_pages(diagnostics: list[Data], page_starts: tuple[int, ...]) -> None:
    """A PDF's diagnostics also say the page of their line."""
    for d in diagnostics:
        if d["line"] is not None:
            d["page"] = page_of(page_starts, d["line"])


def _ref(i: int, heads: list[Heading], lines: list[Line]) -> Data:
    h = heads[i]
    nxt = heads[i + 1].line if i + 1 < len(heads) else len(lines) + 1
    end = h.title_line
    for k in range(nxt - 2, h.title_line - 1, -1):  # the last line of the section that is not blank
        if lines[k].kind not in ("blank", "sep"):
            end = lines[k].no
            break
    return {"number": h.number, "key": h.key, "title": h.title, "line_start": h.line, "line_end": end}
