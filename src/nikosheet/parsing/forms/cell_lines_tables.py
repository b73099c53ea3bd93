"""Tables of sections 3–9 written one cell per line: rebuilt as tab rows under their header.

pdftotext (plain and `-raw`), pdfminer, pypdf, pypdfium2, pdfplumber, PyMuPDF (from the Chromium or
the LibreOffice PDF), docx2txt and LibreOffice's text export write a table cell by cell in reading
order, a wrapped cell over several lines, often with blank lines between cells, sometimes several
short cells on one line joined by a space:

    時期(月)                    時期(月)	実施する項目	実施する内容
    実施する項目                R5年5月	第1回協議の場開催に向けた委員ヒアリング	地域課題の…
    実施する内容          →     R5年8月	第1回協議の場の開催	ヒアリングに基づいた…
    R5年5月
    第1回協議の場開催に向けた委員ヒ
    アリング
    地域課題の解決に向けた取り組みについての聞き取り
    R5年8月 第1回協議の場の開催 ヒアリングに基づいた…

The template is the guide.  A header is known by its words (whatever its line breaks), and so is the
number of its columns.  A row is found by a *pivot*: a cell whose form is known — a date in a
schedule, a fiscal year in the history, a circled number before an indicator, a sector word, a
frequency in the councils' table, a department's name.  The lines between two pivots hold a known
number of cells: the lines, and the words of a line where the converter joins a line's cells with a
space, are cut into that many cells by their widths (`wrapped_cells`: a wrapped cell's lines are
as wide as its column); where that cannot be, wrapped lines are joined back (a long line followed
by a shorter one, no blank line or bullet between) or a line is split at a space.  A table whose
rows cannot be found is left as it was, with a `missing-table` warning.  A rebuilt table ends with
a blank line when it has a spare one, and a header right below another table's row takes its
second line, its first left blank: the parser reads two tables that touch as one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import (
    FormState,
    commission_marks,
    free_tables,
    indicator_bands,
    issue_after_role,
    issue_pairs,
    issue_rests,
    issue_widths,
    policy_roles,
    role_ends,
    schedule_rows,
    section_numbers,
    sector_figure,
    signals,
    wrapped_cells,
    year_runs,
)
from nikosheet.parsing.forms._shared import CLOSING, display_width, page_width
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.late_columns import keep_as_text, late_rows
from nikosheet.parsing.forms.template_tables import (
    BULLET,
    CIRCLED,
    HEADING,
    HISTORY,
    LAID_OUT,
    LIST_BULLETS,
    MONTH_CUT,
    OUTCOME_VALUES,
    OUTCOMES,
    RANGE_END,
    RANGE_OPEN,
    RANGE_TAIL,
    SPACE,
    WRAPPED_ENDS,
    Cell,
    Piece,
    Table,
    body_end,
    header_at,
    header_cut,
    header_early,
    header_late,
    header_line,
    header_scattered,
    header_woven,
    join_cell,
    last_row_at,
    non_blank,
    range_rest,
    unclosed,
    value_text,
    write_table,
)
from nikosheet.parsing.forms.template_tables import boxed as in_boxes  # (`boxed`: a flag of `_records`)
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import NO_LINE_START, RANGE_MARKS, continues
from nikosheet.vocabulary import EVENT_ENDS, OUTCOME_COLUMNS, ROLES


def apply(state: FormState) -> None:
    """Rebuild every table of sections 3–9 written a cell per line."""
    if not signals.cell_lines_tables(state.source):
        return
    tokens = non_blank(state.lines)
    source: list[str | None] = [*state.source.split("\n")]
    joined = _joins_cells(non_blank(source))  # the converter's way, seen also in tables a form before rebuilt
    page = page_width(source)  # no table is wider than the page
    laid_out = LAID_OUT.search(state.source) is not None
    k = 0
    while k < len(tokens):
        found = header_at(tokens, k)
        late = early = woven = None
        if found is None:
            late = header_late(tokens, k)
            early = header_early(tokens, k) if late is None else None
            if late is None and early is None:
                woven = header_woven(tokens, k) or header_scattered(tokens, k, laid_out) or header_cut(tokens, k)
            moved = late or early or woven
            if moved is None:
                k += 1
                continue
            found = moved[:3]
        table, header_cells, body = found
        end = sector_figure.table_end(tokens, body, body_end(tokens, body, table), table)
        head, rows = tokens[k:body], tokens[body:end]
        if woven is not None:  # the first row's lines between the header's cells: the rows' first
            head, rows = woven[3], [t for t in [*woven[4], *rows] if t not in woven[3]]
        as_text: list[Piece] = []
        if late is not None:  # the header's last cell, written after the first row: the header's still
            table, rows, as_text = late_rows(table, rows, tokens, late[3])
            head = [*head, *(tokens[i] for i in late[3])]
        if early is not None:  # the first row's pivot, written after the header's first cell: the row's
            pivot = tokens[early[3]]
            head, rows = [t for t in head if t is not pivot], [pivot, *rows]
        last = _rebuild(state, table, head, header_cells, rows, (joined, page))
        if last is not None and as_text and late is not None:
            keep_as_text(state, as_text, "".join(tokens[i][1] for i in late[3]))
        if last is None and end > body:
            state.note(
                Diagnostic.MISSING_TABLE,
                tokens[k][0],
                str(messages.ROWS_NOT_FOUND(header=" ".join(header_cells))),
            )
        k = body
        while last is not None and k < len(tokens) and tokens[k][0] <= last:
            k += 1
    _history_tables(state, page)


def _history_tables(state: FormState, page: int) -> None:
    """A table of the sheet's own in the history's text (`free_tables`): the lines after the
    history's title up to its next table or heading."""
    tokens = non_blank(state.lines)
    for k, (_, text, _) in enumerate(tokens):
        if HISTORY not in text or not HEADING.match(text):
            continue
        end = k + 1
        while end < len(tokens) and "\t" not in tokens[end][1] and not HEADING.match(tokens[end][1]):
            end += 1
        free_tables.rebuild(state, [(i, t) for i, t, _ in tokens[k + 1 : end]], page)


def _joins_cells(tokens: list[Piece]) -> bool:
    """Whether the converter joins the cells that stand on one line of the page with a space: two of
    a header's cells on one line (pypdf, pypdfium2, `pdftotext -raw`; PyMuPDF writes a line a cell)."""
    for k in range(len(tokens)):
        found = header_at(tokens, k)
        if found is not None:
            _, cells, body = found
            texts = functools.reduce(header_line, (t[1] for t in tokens[k:body]), list[str]())
            lines = set(itertools.accumulate(len(SPACE.sub("", t)) for t in texts))
            if any(end not in lines for end in itertools.accumulate(len(c) for c in cells[:-1])):
                return True
    return False


def _rebuild(
    state: FormState,
    table: Table,
    head: list[Piece],
    header_cells: list[str],
    body: list[Piece],
    converter: tuple[bool, int],
    numbers_apart: bool = True,
) -> int | None:
    """Write the table's rows in place of its lines: the index of the last source line taken, or
    None when its rows were not found (the lines stay as they are).  `converter`: whether it joins
    the cells of a line with a space, and the page's width in its text; `numbers_apart`: the next
    headings' numbers among the lines are kept out of the cells (`section_numbers`)."""
    joined, page = converter
    whole = body[: _paragraph_pivot(table, body, page)]
    body, numbers = section_numbers.apart(whole, state.lines) if numbers_apart else (whole, [])
    pieces, pivots, took = _pivots(table, body, signals.autospace(state.source))
    if not pivots:
        return None
    if table.dense:
        pieces, pivots = _late_name(pieces, pivots)
    joined = joined or len({p[0] for p in pieces}) < len(pieces)
    head_lines = functools.reduce(header_line, (t[1] for t in head), list[str]())
    headed, floors = _header_widths(table, head_lines, header_cells)
    if joined:  # a header line's part in a cell may be two of its lines joined: no floor to tell
        floors = []
    first: list[int | None] | None = headed if any(headed) else None
    # a year's later events read as rows of its group from the first reading on, where a line holds one
    # cell or the header's cells are joined as the rows' are (not only a pivot and its next cell)
    if first is None and table.grouped and (not joined or len(head) < len(header_cells)):
        first = [None] * table.record
    kept, kept_pivots, marks = commission_marks.apart(table, pieces, pivots)
    widths = (headed, first, floors)
    records = _read_twice(table, kept, kept_pivots, (joined, page), widths)
    if marks and not commission_marks.attach(table, records, marks):  # read the boxes where they stand
        records = _read_twice(table, pieces, pivots, (joined, page), widths)
    records, guessed = schedule_rows.rearrange(table, records, state.source)
    if guessed is not None:
        state.note(Diagnostic.SHIFTED_CELL, guessed[0], str(guessed[1]()))
    rows = [row for record in records for row in _rows(table, record)]
    placed = _place(rows, head[0][0], OUTCOME_VALUES if table is OUTCOMES else ())
    if placed is None:
        return None
    taken = [p[0] for row in rows for cell in row for p in cell]
    last = max(taken + [t[0] for t in head] + [took])
    if numbers and not section_numbers.fits(numbers, last_row_at(state.lines, head, placed, last), last):
        return _rebuild(state, table, head, header_cells, whole, converter, False)  # read them where they stand
    header = "\t".join("" if c is None else header_cells[c] for c in table.header_row)
    write_table(state.lines, head, header, placed, last)
    section_numbers.restore(state.lines, numbers, last)
    below = next((i for i in range(last + 1, len(state.lines)) if state.lines[i] is not None), None)
    if below is not None and (state.lines[below] or "").strip() and "\t" not in (state.lines[below] or ""):
        state.alone.add(below)  # a line the rows did not take is none of their cells' wrapped end
    return last


def _paragraph_pivot(table: Table, body: list[Piece], page: int) -> int:
    """The first of the history's lines that a year starts but that is a paragraph after the table: as
    wide as the page, with no space after the year (`令和5年度の意向調査では、…`: no event's column is
    that wide, and a line of cells joined has a space between them); the body's length when none is."""
    if not table.grouped or page < _PAGE_FLOOR:
        return len(body)
    widest = 0  # the widest cell's line above: the paragraph is wider
    for k, (_, text, _) in enumerate(body):
        width, above, widest = display_width(text), widest, max(widest, _widest_part(text))
        if width < page - _PAGE_SLACK or width <= above:
            continue
        m = next(filter(None, (pivot.match(text) for pivot in table.pivots)), None)
        if m is not None and " " not in text[m.end() :].strip():
            return k
    return len(body)


def _pivots(table: Table, body: list[Piece], libre: bool) -> tuple[list[Piece], list[tuple[int, int]], int]:
    """The body's pieces, a pivot split off the line it leads; where the pivots are: (piece, which);
    the last line a pivot took (a pivot made whole from wrapped lines takes them).  `libre`: the text is
    pdftotext's of a LibreOffice PDF (see `_range_end`)."""
    pieces: list[Piece] = []
    took = -1
    found: list[tuple[int, int]] = []
    expect = 0
    number = 0
    j = 0
    while j < len(body):
        index, text, blank = body[j]
        j += 1
        start = j
        m = table.pivots[expect].search(text)
        if m is None and table.dense and _cut_short(table.pivots[expect], text, body, j):
            text, j = text + body[j][1], j + 1  # `地域保健センタ` `ー`: a department's name cut before its end
            m = table.pivots[expect].match(text)
        first_word, _, after = text.partition(" ")
        word_cut = bool(after) and (blank or unclosed(first_word))  # (a box's first line, or a bracket left open)
        if m is None and table.dense and word_cut and _cut_short(table.pivots[expect], first_word, body, j):
            text, j = f"{first_word}{body[j][1]} {after}", j + 1  # `障害者支援 区役所本庁舎にて…` `課`
            m = table.pivots[expect].match(text)
        if m is None and _count_cut(table.pivots[expect], text, body, j):
            text, j = text + body[j][1], j + 1  # `各区年3` `回程度`: a frequency whose 回 a narrow column wrapped
            m = table.pivots[expect].search(text)
        if m is None and (cut := _range_cut(text, body, j)):
            text, j = cut, j + 1  # `R5年7月～9区にも…（第2` `月`: the range's last 月 on the next line
            m = table.pivots[expect].match(text)
        if m is not None and m.start():  # a pivot inside a line (the councils' frequency): the cells before it
            pieces.append((index, text[: m.start()].rstrip(), blank))
            text, blank = text[m.start() :], False
            m = table.pivots[expect].match(text)
        if m is None or (CIRCLED.match(text) and ord(text[0]) - 0x245F != number + 1 and found):
            pieces.append((index, text, blank))
            continue
        if CIRCLED.match(text):
            number = ord(text[0]) - 0x245F
        head, rest = text[: m.end()], text[m.end() :].strip()
        if table.dense and _name_goes_on(table.pivots[expect], rest, body, j):  # `保健所 健康推進課`
            head, rest = f"{head} {rest}", ""
        elif table.dense and "の" not in rest and _cut_short(table.pivots[expect], rest, body, j):
            head, rest, j = f"{head} {rest}{body[j][1]}", "", j + 1  # `保健福祉部 障がい福祉` `課`
        first = start
        head, rest, j = _complete(table, libre, head, rest, body, j)
        found.append((len(pieces), expect))
        pieces.append((index, head, blank))
        took = body[j - 1][0] if j > first else index
        if rest:
            pieces.append((took, rest, False))
        expect = (expect + 1) % len(table.pivot_sources)
    return pieces, found, took


def _late_name(pieces: list[Piece], pivots: list[tuple[int, int]]) -> tuple[list[Piece], list[tuple[int, int]]]:
    """The pieces with the last row's cell put after its name where pdftotext wrote the name after it, at the
    table's end (a name of one line, centred beside a cell of two: `…精神保` / `健福祉の普及啓発` / `障害者総合…保`
    / `健福祉手帳…の受付` / `障がい福祉課`, the name a box of its own): the row above's cell ends on a line short of
    the widest of the lines between the two names, and the lines after that one (two at least, no list's next
    item) are the last row's."""
    if len(pivots) < 2 or pivots[-1][0] != len(pieces) - 1 or not pieces[-1][2]:
        return pieces, pivots
    start, end = pivots[-2][0] + 1, pivots[-1][0]
    widths = [display_width(text) for _, text, _ in pieces[start:end]]
    full = max(widths, default=0)
    cuts = [k + 1 for k in range(len(widths) - 2) if widths[k] < full - _CLOSE <= widths[k + 1]]
    if len(cuts) != 1 or pieces[start + cuts[0]][1].startswith(tuple(LIST_BULLETS)):
        return pieces, pivots
    at = start + cuts[0]
    moved = [*pieces[:at], pieces[end], *pieces[at:end]]
    return moved, [*pivots[:-1], (at, pivots[-1][1])]


def _name_goes_on(pivot: re.Pattern[str], rest: str, body: list[Piece], j: int) -> bool:
    """Whether the words after a department's name on its line are its name's second word: a name
    too (no phrase's `の`: `協議の場の事務局` is a duty), with the duties on the next line, no name."""
    if not rest or "の" in rest or pivot.fullmatch(rest) is None or j >= len(body):
        return False
    return pivot.match(body[j][1]) is None


# a range of months cut before its last `月` (see `_range_cut`), and the item run on after its number
_RANGE_CUT = re.compile(rf"^({RANGE_END.pattern}\s*[～〜~\-－]\s*[0-9０-９]{{1,2}})\s*(?=[^\s0-9０-９月年])")


def _range_cut(text: str, body: list[Piece], j: int) -> str:
    """The line with its month range made whole, where the range's last `月` stands alone on the next line
    and the row's item runs on after the range's last number (as pdftotext of a LibreOffice PDF writes the
    item's first line beside the month's: `R5 年 7 月～9 区にも包括連絡会（第 1 回・第 2` `月` `回）`); else ""."""
    cut = _RANGE_CUT.match(text)
    if cut is None or j >= len(body) or body[j][2] or body[j][1].strip() != "月":
        return ""
    return f"{cut[1]}月 {text[cut.end() :]}"


def _cut_short(pivot: re.Pattern[str], text: str, body: list[Piece], j: int) -> bool:
    """Whether the line and the next one of its cell (one or two characters: a narrow column wrapped
    the name's last; four where the line leaves a bracket open, `（こころの健康セ` / `ンター）`) make the pivot
    whole."""
    if j >= len(body) or body[j][2] or len(body[j][1]) > (4 if unclosed(text) else 2) or "、" in text:
        return False
    return pivot.fullmatch(text + body[j][1]) is not None


# a frequency's count, its 回 on the next line (`各区年3` / `回程度`), or its unit's year, its count on
# the next line (`各圏域年` / `3 回程度`)
_COUNT_CUT = re.compile(r"(?:年間?\s*[0-9０-９]{1,3}|^各\S{1,3}?年間?)$")
_COUNT_REST = re.compile(r"(?:[0-9０-９]{1,2}\s*)?回")


def _count_cut(pivot: re.Pattern[str], text: str, body: list[Piece], j: int) -> bool:
    """Whether the line ends with a frequency's first part and the next line of its cell starts with
    its rest, the two making the pivot whole across the join."""
    if j >= len(body) or body[j][2] or not _COUNT_REST.match(body[j][1]) or not _COUNT_CUT.search(text):
        return False
    m = pivot.search(text + body[j][1])
    return m is not None and m.start() < len(text) < m.end()


_REST_REACH = 3  # lines after a wrapped label where its rest may stand, the next cells' lines between
_MONTH_MARK = "月"  # a month's mark that a narrow column wrapped, which pdftotext may write a stripe later
_ROLE_REST_REACH = 6  # so for a role's word (`その他` `関係機` `関・住`, its action's three lines, `民等`)


def _complete(table: Table, libre: bool, head: str, rest: str, body: list[Piece], j: int) -> tuple[str, str, int]:
    """A pivot the converter wrapped (`その他関` `係機関・` `住民等`, `R5 年 5` `月`) made whole from the next lines
    (`libre`: see `_range_end`)."""
    if unclosed(head) and not rest:  # `保健予防課(事務局委託` `元)`
        while j < len(body) and unclosed(head) and not body[j][2] and len(body[j][1]) < 20:
            head, j = head + body[j][1], j + 1
        return head, "", j
    if not rest and RANGE_OPEN.search(head) and (end := _range_end(body, j, libre, table.pivots[0])):
        return head + end, "", j + 1  # `R5年10月～` `11月`: the range's end wrapped
    if not rest and j < len(body) and range_rest(head, tail := SPACE.sub("", body[j][1])):
        return head + tail, "", j + 1  # `R6年12月` `～R7年2月`: the range's mark wrapped with its end
    if end := _month_rest_apart(body, j, table.pivots[0], head, rest):
        return head + end, rest, j + 1  # `R6年4月`, the item, a detail's first line, `～5月`, its next line
    got = SPACE.sub("", head)
    if table.full:  # the word the pivot starts: `その他関` → `その他関係機関・住民等`
        want = next((w for w in table.full if w.startswith(got.lstrip("【"))), "")
    else:
        want = next((end for p, end in WRAPPED_ENDS if p.search(head)), "")
    if want and rest and not table.full and j < len(body) and SPACE.sub("", body[j][1]) == want:
        return head + want, rest, j + 1  # `平成17年 事業を開始` `度`: the cell's end under its row's first line
    if want and not table.full and j < len(body) and body[j][1].startswith(want + " "):
        body[j] = (body[j][0], body[j][1][len(want) :].strip(), False)
        return head + want, rest, j  # `2回` `/年 分析及び…`: the cell's end heads the next cell's line
    missing = want[len(got.lstrip("【")) :] if table.full else ""
    reach = _ROLE_REST_REACH if want in ROLES.values() else _REST_REACH
    moved = _rest_apart(body, j, missing, reach) or _rest_woven(body, j, missing)
    if moved:  # `その他関係機`, the next cell's line, `関・住民等`: the label's rest
        return head + missing, rest, j + moved
    if not want or rest:
        return head, rest, j
    missing = want[len(got.lstrip("【")) :] if table.full else want
    while missing and j < len(body):  # blank lines between too: the rest of the word is known
        nxt = SPACE.sub("", body[j][1])
        if missing.startswith(nxt):
            head, missing, j = head + nxt, missing[len(nxt) :], j + 1
        elif nxt.startswith(missing):
            after = nxt[len(missing) :]
            if RANGE_OPEN.match(after[:1]) and (len(after) == 1 or RANGE_END.fullmatch(after[1:])):
                return head + nxt, "", j + 1  # `2023 年 4` `月～6 月`: the month's 月 and the range's end
            return head + missing, body[j][1].split(missing[-1], 1)[1].strip(), j + 1
        else:
            break
    moved = (_rest_apart(body, j, missing, reach) or _rest_woven(body, j, missing)) if table.full else 0
    if not table.full and missing == _MONTH_MARK and MONTH_CUT.search(head):
        moved = _rest_apart(body, j, missing, _REST_REACH)  # `R6年5月～6`, the item, a detail, `月`: a box of its own
    if moved:  # `その他関係` `機関・住民`, the next cell's line, `等`
        return head + missing, "", j + moved
    return head, "", j


def _month_rest_apart(body: list[Piece], j: int, pivot: re.Pattern[str], head: str, rest: str) -> str:
    """A month cell's rest that a narrow column wrapped, written among its row's other lines before the next
    month (Chromium centres the month in its row, and pdftotext, pdfminer and markitdown write each of its lines
    where its height falls), or heading a line of the row's, a space before the line's rest: a whole month's
    range (`R6年4月` … `～5月`, `…重点課題と` / `～5月` / `開催予定を…`; `～5月 査の圏域別…`), a month's `月` cut off
    (`R6年10` … `月 る`; `R5年12月～R6年1` … `月`) with its range where it has none (`R6年11` … `月～12月`, or `月～12`
    and `月` on the line after it); moved to j, "" where the row holds none, or more than one.  A line of the rest
    alone right after a line that ends on a month (or the month's line's `rest`, for the first) may as well go on
    that date, a text's own (`…未訪問の病院はR6年10月` / `～12月`): it is none; one that heads a line, a space
    before the line's rest (cells apart), is the month's though."""
    squeezed = SPACE.sub("", head)
    whole = RANGE_END.fullmatch(squeezed) is not None
    if not whole and not (MONTH_CUT.search(squeezed) and pivot.match(squeezed + _MONTH_MARK)):
        return ""  # (the table's pivot made whole by a `月`: a council's `年3`, which its `回` completes, is none)
    ranged = any(mark in squeezed for mark in RANGE_MARKS)
    heads = _TAIL_HEAD if whole else _MARK_END if ranged else _MONTH_END
    row = list(itertools.takewhile(lambda k: not pivot.match(body[k][1]), range(j, len(body))))
    found: list[tuple[int, int, str, str]] = []  # (the first piece, the pieces, the month's rest, the line's rest)
    k = 0
    while k < len(row):
        text = body[row[k]][1].strip()
        if (m := heads.match(text)) is not None and (
            m.end() < len(text) or not _dated(body[row[k - 1]][1] if k else rest)
        ):
            found.append((row[k], 1, m[0], text[m.end() :].strip()))
        elif heads is _MONTH_END and k + 1 < len(row) and _cut_range(text, body[row[k + 1]][1]):
            found.append((row[k], 2, SPACE.sub("", text) + _MONTH_MARK, ""))
            k += 1
        k += 1
    if len(found) != 1:
        return ""
    at, count, end, after = found[0]
    index, _, blank = body[at]
    body[at : at + count] = [(index, after, False)] if after else []
    body[j:j] = [(index, end, blank)]
    return SPACE.sub("", end)


# a range's mark and end: a line's whole or its head
_TAIL_HEAD = compile_lazily(rf"{RANGE_TAIL.pattern}(?=\s+\S|\s*$)")
_MONTH_END = compile_lazily(rf"月(?:\s*{RANGE_TAIL.pattern})?(?=\s+\S|\s*$)")  # `月`, `月～12月`, `月 …`
_MARK_END = compile_lazily(r"月(?=\s+\S|\s*$)")  # a range's last `月`


def _dated(text: str) -> bool:
    """Whether a text ends on a month (`…R6年10月`)."""
    return _MONTH_AT_END.search(SPACE.sub("", text)) is not None


_MONTH_AT_END = compile_lazily(rf"{RANGE_END.pattern}$")


def _cut_range(text: str, below: str) -> bool:
    """Whether a line is a month's `月` and a range cut before its own `月` (`月～12`, `月～R7年1`), that `月` the
    line below."""
    cut = SPACE.sub("", text)
    marked = len(cut) > 2 and cut[0] == _MONTH_MARK and cut[1] in RANGE_MARKS and SPACE.sub("", below) == _MONTH_MARK
    return marked and RANGE_END.fullmatch(cut[2:] + _MONTH_MARK) is not None


def _range_end(body: list[Piece], j: int, libre: bool, pivot: re.Pattern[str]) -> str:
    """An open range's end wrapped onto the month cell's next line: the next line, or, in pdftotext's text
    of a LibreOffice PDF (`libre`: the renderer's gaps, `R6 年 4 月時点`), the line after the item's at
    its box's end (`R6 年 5 月～` `未設置町への訪問` `6月`, a blank line, the details: LibreOffice sets the
    item level with the month's first line; its next row is a box of its own, after a blank line), or, in
    pdftotext's text of a Chromium PDF, a box of its own after the item's box where one box, the details',
    follows it before the next month (`R6年8月～`, `未使用病院への訪問`, `10月`, `・5病院…`, `R6年9月`: a next
    row's month has its item and its details after it, unless the row leaves them empty: a range left open
    with no details above a row with none is so read as one range, a rare case), moved to j; "" where there
    is none."""
    ends = [j] if j < len(body) else []
    if j + 1 < len(body) and _end_after_item(body, j + 1, libre, pivot):
        ends.append(j + 1)
    if not libre and (late := _end_after_details(body, j, pivot)) is not None:
        ends.append(late)
    for k in ends:
        end = SPACE.sub("", body[k][1])
        if RANGE_END.fullmatch(end):
            body[j:j] = [body.pop(k)]
            return end
    return ""


def _end_after_item(body: list[Piece], k: int, libre: bool, pivot: re.Pattern[str]) -> bool:
    """Whether piece k, after the item's, may be the range's end: the item's box's last line (LibreOffice),
    or a box of its own with one box, the details', after it before the next month (Chromium)."""
    if libre:
        return not body[k][2] and k + 1 < len(body) and body[k + 1][2]
    return body[k][2] and _boxes_before(body, k + 1, pivot) == 1


def _end_after_details(body: list[Piece], j: int, pivot: re.Pattern[str]) -> int | None:
    """The range's end that pdfminer wrote after the row's item and details (`R6年7月～`, the item, the
    details, `9月`, `R6年8月`): the first month after the item's box, a box of its own two boxes on or more,
    right before the next month or the table's end (a month with no item is no row); None where there is none."""
    boxes = 0
    for k in range(j, len(body)):
        boxes += k == j or body[k][2]
        if pivot.match(body[k][1]):
            alone = k + 1 == len(body) or pivot.match(body[k + 1][1]) is not None
            return k if boxes > 2 and body[k][2] and alone else None
    return None


def _boxes_before(body: list[Piece], j: int, pivot: re.Pattern[str]) -> int:
    """How many boxes (runs of lines between blank lines) stand from piece j up to the next pivot's line."""
    boxes = 0
    for k in range(j, len(body)):
        if pivot.match(body[k][1]):
            break
        boxes += k == j or body[k][2]
    return boxes


def _rest_woven(body: list[Piece], j: int, missing: str) -> int:
    """How many pieces are a wrapped label's missing rest woven line by line into its action's lines
    in one box (`家族会・ピアサポーターの区の` `機関・住民` `会議への参加` `等`, the action centred beside
    the label), or run into them a space apart (`機関・住民 家族会による相談会の開催` `等`): the label's
    pieces moved to j, the action's lines left in their order after them; 0 where the rest is not whole."""
    taken: list[Piece] = []
    kept: list[Piece] = []
    left = missing
    k = j
    while left and k < len(body) and k < j + _WOVEN_REACH and (k == j or not body[k][2]):
        index, text, blank = body[k]
        word, _, after = text.partition(" ")
        if left.startswith(SPACE.sub("", text)):
            taken.append((index, SPACE.sub("", text), blank))
            left = left[len(SPACE.sub("", text)) :]
        elif left.startswith(word) and after.strip():
            taken.append((index, word, blank))
            kept.append((index, after.strip(), False))
            left = left[len(word) :]
        else:
            kept.append(body[k])
        k += 1
    if left or not missing or not kept:
        return 0
    body[j:k] = [*taken, *kept]
    return len(taken)


_WOVEN_REACH = 5  # lines of the label's box after its first where its rest and its action's lines stand


def _rest_apart(body: list[Piece], j: int, missing: str, reach: int) -> int:
    """How many lines of the next `reach` are a wrapped label's missing rest (a line, or two or three of
    one box: `機関・住民` `等`; `関係機` `関・住` `民等` after a one-line action, Chromium's
    `その他` / its action / the word's rest), moved to j; 0 where none is."""
    found = next(
        (
            (k, span)
            for k in range(j, min(j + reach, len(body)))
            for span in (1, 2, 3)
            if k + span <= len(body)
            and not any(body[m][2] for m in range(k + 1, k + span))
            and "".join(SPACE.sub("", body[m][1]) for m in range(k, k + span)) == missing
        ),
        None,
    )
    if not missing or found is None:
        return 0
    apart, span = found
    moved = body[apart : apart + span]
    del body[apart : apart + span]
    if moved[0][2] and apart < len(body):  # the line after them, in their box: now after the blank line
        body[apart] = (*body[apart][:2], True)
    body[j:j] = moved
    return span


def _read_twice(
    table: Table,
    pieces: list[Piece],
    pivots: list[tuple[int, int]],
    mode: tuple[bool, int],
    widths: tuple[list[int | None], list[int | None] | None, list[int]],
) -> list[dict[int, Cell]]:
    """The records read, then read again with the columns' widths known (`widths`: the header's, the
    first reading's, the floors): a wrapped line fills its column, and a line too wide for a cell is
    the next cell's (or, in the history, a new row's)."""
    headed, first, floors = widths
    records = _records(table, pieces, pivots, mode, first, floors)
    learned, boxed, least = _column_widths(table, records, mode[1])
    caps = [h or w for h, w in zip(headed, learned, strict=True)]
    if least:  # a history's event column is as wide as its widest event on one line at least
        floors = [*(floors or [0] * table.record)]
        floors[1] = max(floors[1], least)
    return [_paired_lists(r) for r in _records(table, pieces, pivots, mode, caps, floors, boxed)]


def _without_list_gaps(pieces: list[Piece], pivots: list[tuple[int, int]]) -> tuple[list[Piece], list[tuple[int, int]]]:
    """The issues' table's lines with the bullet LibreOffice draws apart from a list (pdftotext writes
    it as a box of its own, `・`, right after the list's first line) left out where it stands between
    that line, which opens with the item's own `・`, and the item's next lines: those go on in the
    item's box (`・退院支援委員会` `・` `への地域援助事業` → one box).  Where the line before it is
    no item's first (another cell's box pdftotext wrote between), or the line after it is (the bullet
    is another list's, drawn before it), it stays."""
    roles = {at for at, _ in pivots}
    gaps = {
        k
        for k in range(1, len(pieces) - 1)
        if pieces[k][1] in LONE_BULLETS
        and pieces[k][2]
        and pieces[k + 1][2]
        and pieces[k - 1][1][0] in _ITEM_MARK
        and pieces[k + 1][1][0] not in _ITEM_MARK
        and not roles & {k - 1, k, k + 1}
    }
    if not gaps:
        return pieces, pivots
    kept = [(*piece[:2], piece[2] and k - 1 not in gaps) for k, piece in enumerate(pieces) if k not in gaps]
    where = {piece[0]: k for k, piece in enumerate(kept)}
    return kept, [(where[pieces[at][0]], kind) for at, kind in pivots]


def _records(
    table: Table,
    pieces: list[Piece],
    pivots: list[tuple[int, int]],
    converter: tuple[bool, int],
    caps: list[int | None] | None = None,
    floors: list[int] | None = None,
    boxed: bool = False,
) -> list[dict[int, Cell]]:
    """The pieces as records of cells: between two pivots, the cells of the record positions between
    (`converter`: whether it joins the cells of a line with a space, and the page's width; `caps`: the
    columns' widths, where known: a grouped table's records may then be followed by rows of their group;
    `floors`: widths the columns have at least; `boxed`: a grouped table's event width was learned
    from first lines beside their years, the rest of a cell in boxes apart)."""
    joined, page = converter
    first_at, first = pivots[0]
    if table.positions[first] == 0 and first_at:  # lines before the first pivot: its row's, out of order
        pieces = [pieces[first_at], *pieces[:first_at], *pieces[first_at + 1 :]]
        pivots = [(0, first), *pivots[1:]]
        first_at = 0
    if CIRCLED.match(pieces[first_at][1]):  # an indicator's row written a printed line at a time
        pieces, pivots = indicator_bands.arrange(pieces, pivots, caps[table.positions[first]] if caps else None)
    bare: set[int] = set()  # the issues' last roles left empty (see `issue_rests.back`)
    if table.header[0] == _ISSUES:  # an issue and its policy side by side in a box
        pieces, pivots = _without_list_gaps(pieces, pivots)
        pieces, pivots, early = issue_widths.by_width(pieces, pivots, 0, len(table.pivots) - 1)
        pieces, pivots = issue_after_role.columns_down(*issue_after_role.issue_down(pieces, pivots, 0), 0)
        pieces, pivots = issue_after_role.action_above(pieces, pivots, 0)
        pieces, pivots, empty = policy_roles.among(pieces, pivots, 0)
        pieces, pivots = issue_after_role.before_role(pieces, pivots, 0)
        pieces, pivots, bare, filled = issue_rests.back(
            *issue_pairs.apart(*role_ends.after_box(pieces, pivots, 0), 0), 0
        )
        bare = (bare | empty | early | issue_rests.bare_last(pieces, pivots, 0)) - filled
        pieces, pivots = issue_widths.first_action_late(pieces, pivots, 0)
        first_at = pivots[0][0]
    records: list[dict[int, Cell]] = [{}]
    row_ends = {max(p for p in row if p is not None) for row in table.rows}
    unlikes = table.unlikes
    notes = table.optional is not None and table.header[table.optional].startswith(_NOTES)

    def split(cells: list[Piece], first: int, count: int, keep_first: bool = False) -> list[Cell]:
        ends_row = [(first + k) % table.record in row_ends for k in range(count)]
        columns = [(first + k) % table.record for k in range(count)]
        widths = ([caps[c] for c in columns] if caps else [], [floors[c] for c in columns] if floors else [])
        optional = [c == table.optional for c in columns]
        unlike = [unlikes.get(c) for c in columns]
        return _split(cells, count, joined, (ends_row, optional, unlike), keep_first, widths, notes)

    def put(position: int, cell: Cell) -> None:
        if records[-1] and position <= max(records[-1]):
            records.append({})
        records[-1][position] = cell

    start = table.positions[first]
    for position, cell in zip(range(start), split(pieces[:first_at], 0, start), strict=True):
        put(position, cell)
    ends = [at for at, _ in pivots[1:]] + [len(pieces)]
    n = 0
    while n < len(pivots):
        run = _column_run(table, pieces, pivots, n)
        grouped = _grouped_run(table, pieces, run, ends[n + len(run) - 1], (joined, page, caps))
        if grouped is not None:  # a run of years, each with the rows of its group after the run
            for year, rows in zip(run, grouped, strict=True):
                put(0, [year])
                for k, cell in enumerate(cell for row in rows for cell in row):
                    put(1 + k % (table.record - 1), cell)
            n += len(run)
            continue
        if len(run) > 1:  # the first column read first (pdfminer): the rows' other cells come after
            for k, cells in enumerate(_run_cells(table, pieces, run, ends[n + len(run) - 1], joined)):
                put(0, [run[k]])
                for offset, cell in enumerate(cells, 1):
                    put(offset, cell)
            n += len(run)
            continue
        which, current = pivots[n][1], n
        pivot, at, n = _pivot_cell(table, pieces, pivots, n, 0 not in records[-1])
        end = ends[n - 1]
        pos = table.positions[which]
        if n < len(pivots):
            count = (table.positions[pivots[n][1]] - pos - 1) % table.record
            between = pieces[at + 1 : end]
        else:  # the last row: so many lines a cell at most, and no paragraph after the table
            count = table.record - pos - 1
            between = pieces[
                at + 1 : _paragraph_at(pieces, at + 1, at + 1 + _LAST_ROW_LINES * count, page, table.grouped)
            ]
        if table.dense and not between and 0 in records[-1]:  # the pivot cell above's last line
            index, text, blank = records[-1][0][-1]
            records[-1][0][-1] = (index, f"{text} {pivot[1]}", blank)
            continue
        if caps and table.grouped and pos == 0:  # the record and the rows of its group after it
            for k, cell in enumerate(_group_rows(table, between, joined, (caps, floors or []), boxed)):
                put(1 + (k - 1) % (table.record - 1) if k else 0, cell if k else [pivot])
            continue
        if (boxes := _box_a_cell(pieces[at], between, count)) is not None:
            cells = boxes  # (a row written a stripe at a time, put together by column)
        elif CIRCLED.match(pieces[at][1]):  # an indicator's name may wrap: its cell takes lines too
            cells = split([pieces[at], *between], pos, count + 1, keep_first=True)
        elif (current in bare or _cells_beside(between, table, which)) and n == current + 1 and count > 1:
            # an empty last role: the next issue follows
            cells = [[pivot], [], *split(between, pos + 2, count - 1)]
        else:
            cells = [[pivot], *split(between, pos + 1, count)]
        for offset, cell in enumerate(cells):
            put((pos + offset) % table.record, cell)
    return records


def _box_a_cell(name: Piece, between: list[Piece], count: int) -> list[Cell] | None:
    """An indicator's row's cells where it stands in as many boxes as it has cells, a box a cell, its
    name's line holding no other cell after a space (`①夜間相談窓口の利用 延べ相談件数 400`); else None."""
    if CIRCLED.match(name[1]) is None or " " in name[1].strip():
        return None
    boxes = in_boxes([name, *between])
    return boxes if len(boxes) == count + 1 else None


def _cells_beside(between: list[Piece], table: Table, which: int) -> bool:
    """Whether an issue's last role's cell is empty, its label followed by a line of two cells joined by
    a space: the next issue's and its policy's first lines (`退院後の住まいの確保が難しい 居住支援協議会と
    連携して`), which stand in one printed row — a role's cell and the next issue never do (a list's
    items, `・… ・…` or `…団体, 居住…`, and Latin words are one cell's)."""
    if table.header[0] != _ISSUES or which != len(table.pivots) - 1 or len(between) < 2:
        return False
    parts = [piece[1] for piece in between[:2]] if between[0][0] == between[1][0] else between[0][1].split(" ")
    if len(parts) != 2 or parts[0].endswith((",", "、")):  # a space after a comma: a list's, in one cell
        return False
    if ROLES["others"].endswith(parts[0]) or continues(parts[1]):  # the label's rest, a line's rest
        return False  # (`関・住民等 コミュニティソーシャルワーカーによ`, `…よ` `る相談対応…`)
    return all(len(part) >= _CELL_LEAST and not part.isascii() and part[0] not in BULLET for part in parts)


def _paired_lists(record: dict[int, Cell]) -> dict[int, Cell]:
    """An indicator's record with its two values' lists shared out evenly: the values (target and
    actual, or current and target) list the same measures in the same order (`・各区年3回 ・参加者
    100人` / `・各区年2回 ・参加者86人`), so where their items fell unevenly, or the name's wrapped
    rest went to the first value, the items are cut in the middle (the rest back to the name) when
    each pair of items starts alike."""
    if not all(k in record for k in (0, 1, 2)) or not record[0] or not CIRCLED.match(record[0][0][1]):
        return record
    cells = [record[0], record[1], record[2]]
    pieces = [*cells[1], *cells[2]]
    lead = list(itertools.takewhile(lambda p: p[1][0] not in BULLET, pieces))
    items: list[Cell] = []
    for piece in pieces[len(lead) :]:
        if piece[1][0] in BULLET:
            items.append([piece])
        else:
            items[-1].append(piece)
    half = len(items) // 2
    if not items or len(items) % 2 or (lead and (lead != cells[1] or _has_figure(lead))):
        return record  # (a first value of its own, `年2回`, holds a figure: no name's wrapped rest)
    first = [p for item in items[:half] for p in item]
    starts = [SPACE.sub("", item[0][1])[1:3] for item in items]
    if starts[:half] != starts[half:] or (not lead and cells[1] == first):
        return record
    return {**record, 0: [*cells[0], *lead], 1: first, 2: [p for item in items[half:] for p in item]}


def _has_figure(cell: Cell) -> bool:
    return any(ch.isdigit() for _, text, _ in cell for ch in text)


def _paragraph_at(pieces: list[Piece], start: int, end: int, page: int, named: bool = False) -> int:
    """The first of pieces[start:end] that is a paragraph's line after the table: as wide as the page
    (`page`, in display columns) or, where the table's last column holds names (`named`: a history's
    委託), a sentence whole after the row's first cell; and wider than every cell's line of the table
    above it, with no space in it (not cells joined on a line; a line of joined cells counts by its
    widest part); `end` when none is."""
    widest = max((_widest_part(text) for _, text, _ in pieces[:start]), default=0)
    for k in range(start, min(end, len(pieces))):
        text = pieces[k][1]
        width = display_width(text)
        wide = (page and width >= page - _PAGE_SLACK) or (named and k > start and _whole(text))
        if wide and " " not in text and width > widest + _PAGE_SLACK:
            return k
        widest = max(widest, _widest_part(text))
    return end


def _whole(text: str) -> bool:
    """Whether a line is a sentence whole: a paragraph of one line, ended with its full stop."""
    return text.endswith("。")


def _widest_part(text: str) -> int:
    """The display width of a line's widest part between spaces: a cell's line at most."""
    return max(map(display_width, text.split(" ")))


def _pivot_cell(
    table: Table, pieces: list[Piece], pivots: list[tuple[int, int]], n: int, first: bool
) -> tuple[Piece, int, int]:
    """The n-th pivot's cell as one piece, the number of its last piece and the next pivot's: in a
    table whose rows all have text after the pivot (a department and its duties), pivots with nothing
    between are one cell's lines (`障害福祉課` `自殺対策推進室`), but one that leads a line with text
    after it starts a row, unless the pivot is the table's `first` (no cell above to go on)."""
    at = pivots[n][0]
    index, text, blank = pieces[at]
    n += 1
    while table.dense and n < len(pivots) and pivots[n][0] == at + 1 and (first or not _leads(pieces, at + 1)):
        at += 1
        text = f"{text} {pieces[at][1]}"
        n += 1
    return (index, text, blank), at, n


def _leads(pieces: list[Piece], k: int) -> bool:
    """Whether the k-th piece leads its line: the next piece is on the same line."""
    return k + 1 < len(pieces) and pieces[k + 1][0] == pieces[k][0]


def _column_run(table: Table, pieces: list[Piece], pivots: list[tuple[int, int]], n: int) -> list[Piece]:
    """The pivots from the n-th on with nothing between them, where the pivot is a table's first cell:
    a converter that reads a column first (pdfminer) writes every row's first cell, then the rest."""
    at, which = pivots[n]
    run = [pieces[at]]
    if len(table.pivot_sources) > 1 or table.positions[which] or CIRCLED.match(pieces[at][1]):
        return run
    while n + len(run) < len(pivots) and pivots[n + len(run)][0] == at + len(run):
        run.append(pieces[at + len(run)])
    after = (pivots[n + len(run)][0] if n + len(run) < len(pivots) else len(pieces)) - at - len(run)
    if after <= (len(run) - 1) * (table.record - 1):  # too few for the rows: the rows above are empty
        return run[:1]
    return run


def _run_cells(table: Table, pieces: list[Piece], run: list[Piece], end: int, joined: bool) -> list[list[Cell]]:
    """The other cells of a run's rows, in order: the pieces after the run cut into as many cells."""
    count = table.record - 1
    first = pieces.index(run[-1]) + 1
    rest = pieces[first:end] if end < len(pieces) else pieces[first : first + 4 * count * len(run)]
    ends_row = [k % count == count - 1 for k in range(count * len(run))]
    cells = _split(rest, count * len(run), joined, (ends_row, [False] * len(ends_row), []))
    return [cells[k * count : (k + 1) * count] for k in range(len(run))]


def _grouped_run(
    table: Table, pieces: list[Piece], run: list[Piece], end: int, reader: tuple[bool, int, list[int | None] | None]
) -> list[list[list[Cell]]] | None:
    """A history's run of years: each year's rows (`year_runs`); None for another table's run.  After
    the table's last run, so many lines a cell at most, and no paragraph after the table."""
    joined, page, caps = reader
    if len(run) < 2 or not (caps and table.grouped):
        return None
    first = pieces.index(run[-1]) + 1
    if end >= len(pieces):
        end = _paragraph_at(pieces, first, first + _LAST_ROW_LINES * len(run) * table.record, page, True)
    rest = pieces[first:end]
    return year_runs.rows_after(table, rest, len(run), joined, caps)


_ISSUES = "課題"  # the issues' table's first header cell
_ITEM_MARK = "・"  # a list item's own bullet, written with its words
_INDICATOR_NAME = SPACE.sub("", OUTCOME_COLUMNS["name"])  # the indicators' tables' first header cell
_CELL_LEAST = 4  # characters: a part of a line shorter is a word of one cell, not a cell beside another
_FULL_SLACK = 2  # display columns: a line this near its column's width fills it
_CLOSED = ("。", *CLOSING)  # an event's line that ends so is whole (`…（…保健師が担当）`), however wide
_LAST_ROW_LINES = 12  # lines a cell of a table's last row may take (a council's notes: seven)
_PAGE_FLOOR = 80  # display columns: a printed page's line is wider (a short text has no page to tell)
_PAGE_SLACK = 4  # display columns: a paragraph's wrapped line may stop two characters short of the page
_NARROWEST = 6  # display columns: the template's narrowest column holds three characters
_CLOSE = 2  # display columns: how far short of its column a wrapped line may stop
_BESIDE = 3  # events beside their years at least, for the widest of them to tell their column's width
_GROUP_ROW = 10.0  # a row of the record's group, beyond the record itself


def _group_rows(
    table: Table,
    pieces: list[Piece],
    joined: bool,
    widths: tuple[list[int | None], list[int]],
    boxed: bool = False,
) -> list[Cell]:
    """A grouped record's cells after its pivot, and those of the rows of its group (the pivot's
    cell left empty): as many rows as cost least, each cell's lines within its column's width and a
    wrapped line as wide as its column is at least (`widths`: the caps and floors; a line as wide as
    it goes on past a blank line, where the cells' lines stand in boxes: `boxed`)."""
    caps, floors = widths
    width = table.record - 1
    pieces = _rest_before_commission(pieces, caps[1])
    best: tuple[float, list[Cell]] | None = None
    for extra in range(3):
        count = width * (extra + 1)
        positions = [1 + k % width for k in range(count)]
        ends_row = [p == width for p in positions]
        # an event has its text: only the column often left empty (its commission) may be empty, or `↓`
        optional = [p == table.optional for p in positions]
        least = [floors[p] for p in positions] if floors else []
        found = wrapped_cells.cut(
            pieces,
            count,
            BULLET,
            joined,
            ends_row,
            [caps[p] for p in positions],
            True,
            only=optional,
            floors=least,
            boxed=boxed,
            history=True,
        )
        if found is None or (extra and _row_in_line(found[0], ends_row)):
            continue
        if best is None or found[1] + extra * _GROUP_ROW < best[0]:
            best = (found[1] + extra * _GROUP_ROW, found[0])
    return [[], *(best[1] if best is not None else [list(pieces)])]


def _rest_before_commission(pieces: list[Piece], column: int | None) -> list[Piece]:
    """A year's lines with an event's last words put back before its commission, where pdftotext wrote them
    after it in a box of their own (`…各区保健福祉センターに担当` `市直営` `保健師を配置`): the event's line fills
    its column and ends no step, sentence or bracket (`…（各区の保健師が担当）` is whole: the box after is the
    year's next event), and the box after the commission's is a short step."""
    if column is None:
        return pieces
    for k in range(len(pieces) - 2):
        line, commission, rest = (piece[1] for piece in pieces[k : k + 3])
        full = display_width(line) >= column - _FULL_SLACK and not line.endswith((*EVENT_ENDS, *_CLOSED))
        apart = pieces[k + 1][2] and pieces[k + 2][2] and (k + 3 == len(pieces) or pieces[k + 3][2])
        step = rest.endswith(EVENT_ENDS) and "。" not in rest and display_width(rest) < column // 2
        if full and apart and step and not commission.endswith(EVENT_ENDS):
            return [*pieces[: k + 1], (pieces[k + 2][0], rest, False), pieces[k + 1], *pieces[k + 3 :]]
    return pieces


def _row_in_line(cells: list[Cell], ends_row: list[bool]) -> bool:
    """Whether a row of the reading starts on the line its row above ends on: a printed line holds one
    row's cells (`令和4年度 市町村へのアドバイザー派遣を開始 構築支援事業（国）を活用`: its commission, not
    the year's next event)."""
    last: int | None = None
    for cell, starts in zip(cells, [True, *ends_row[:-1]], strict=True):  # a row starts after a row's end
        if cell and starts and last is not None and cell[0][0] == last:
            return True
        last = cell[-1][0] if cell else last
    return False


def _header_widths(table: Table, lines: list[str], cells: list[str]) -> tuple[list[int | None], list[int]]:
    """Each column's width where its header cell wrapped (`特記事項等(課題・強` `み等)`: the width of
    its part on a line but its last), and a width it has at least where its header cell stands whole
    on a line (`現状値 (今年度当初)`); `cells`: the header's cells without white space.  Each line's
    parts are found by the cells' text, not by their order: a wrapped cell's rest may come after the
    cells beside it (`開催`, `実施内容`, `特記事項等(課題・強み等)`, `頻度`: LibreOffice centres them)."""
    if cells and cells[0] == _INDICATOR_NAME:  # its lines in order: read so, the indicators read best
        return _header_widths_in_order(table, lines, cells)
    caps: list[int | None] = [None] * table.record
    floors = [0] * table.record
    if table.header_row != tuple(range(table.record)):
        return caps, floors
    done = [0] * len(cells)  # each cell's characters read, white space left out
    # a cell whole on a line tells its column's least width only where the lines come in the cells' order
    ordered = SPACE.sub("", "".join(lines)) == "".join(cells)
    for line in lines:
        text = line.strip()
        i = 0
        while i < len(text):
            column = _header_part(cells, done, text, i)
            if column is None:  # a line the header's cells do not hold: nothing to tell
                break
            begun, j = done[column], i
            while j < len(text) and done[column] < len(cells[column]):
                if not text[j].isspace():
                    if text[j] != cells[column][done[column]]:
                        break
                    done[column] += 1
                j += 1
            width = display_width(text[i:j].strip())
            if done[column] < len(cells[column]) and not text[j:].strip():  # the line ends inside the cell
                caps[column] = width
            elif ordered and done[column] == len(cells[column]) and not begun:  # the whole cell on the line
                floors[column] = width
            i = j
            while i < len(text) and text[i].isspace():
                i += 1
    return caps, floors


def _header_widths_in_order(table: Table, lines: list[str], cells: list[str]) -> tuple[list[int | None], list[int]]:
    """`_header_widths` for the indicators' table, its header's lines read in their order (a cell's rest
    right after its start): the widths its rows were read best with."""
    caps: list[int | None] = [None] * table.record
    floors = [0] * table.record
    if table.header_row != tuple(range(table.record)):
        return caps, floors
    ends = list(itertools.accumulate(len(cell) for cell in cells))  # where each cell ends in the header
    read = 0  # the header's characters read, white space left out
    for line in lines:
        begun = read
        parts: dict[int, list[str]] = {}  # each cell's part of the line
        for ch in line.strip():
            column = bisect.bisect_right(ends, read - (ch.isspace()))  # a space goes with the cell before
            parts.setdefault(column, []).append(ch)
            read += not ch.isspace()
        for column, part in parts.items():
            if column >= len(ends):
                continue
            width = display_width("".join(part).strip())
            if read < ends[column]:  # the line ends inside the cell: it wrapped
                caps[column] = width
            elif (ends[column - 1] if column else 0) >= begun:  # the whole cell on the line
                floors[column] = width
    return caps, floors


def _header_part(cells: list[str], done: list[int], text: str, i: int) -> int | None:
    """The header cell whose next characters the line goes on with at `i`: of the cells begun and then
    of those not begun, the one whose text matches the most characters there (the first where as many)."""
    best, most = None, 0
    for column in sorted(range(len(cells)), key=lambda c: (done[c] == 0, c)):
        rest = cells[column][done[column] :]
        n = 0
        for ch in (ch for ch in text[i:] if not ch.isspace()):
            if n == len(rest) or ch != rest[n]:
                break
            n += 1
        if n > most:
            best, most = column, n
    return best


def _column_widths(table: Table, records: list[dict[int, Cell]], page: int) -> tuple[list[int | None], bool, int]:
    """Each column's width where cells wrapped in it (their lines with no blank line between, none a
    `↓`, no 委託 cell that holds an event): the widest of their lines but the last that another comes
    close to (a history's event column: unless an event of one line is wider); none when together they
    are wider than the page (`page`, in display columns): cells read wrongly set them.  A history's
    event column, where no cell wrapped so, from the events' first lines beside their years (pdfminer
    writes the rest of a cell in boxes apart): whether it was learned so; a history's widest event of
    one line, where it has a few (one alone may be a cell read wrongly), else 0."""
    wrapped: list[list[int]] = [[] for _ in range(table.record)]
    events: list[int] = []  # the widths of a history's events of one line
    beside: list[int] = []  # the widths of the first lines of cells after the pivot on its line
    if table.grouped:
        events = [display_width(r[1][0][1]) for r in records if len(r.get(1, [])) == 1]
    for record in records:
        for position, cell in record.items():
            if position == 1 and record.get(0) and cell and cell[0][0] == record[0][0][0]:
                beside.append(display_width(cell[0][1]))
            if len(cell) < 2 or any(blank or text == "↓" for _, text, blank in cell[1:]):
                continue
            if position == table.optional and table.grouped and _event_cut(record, "".join(p[1] for p in cell), events):
                continue  # events read into the 委託 column
            wrapped[position].extend(
                _wrapped_width(text, after, table.grouped)
                for (_, text, _), (_, after, _) in itertools.pairwise(cell)
                if table.header[0] != _ISSUES or not _TWO_TEXTS.search(text)
            )
    caps = [_agreed_width(widths, table.grouped) for widths in wrapped]
    least = max(events) if len(events) >= _BESIDE else 0
    if caps[1] is not None and least > caps[1] + _CLOSE:
        caps[1] = None  # an event's width narrower than an event on one line: set by two events joined
    boxed = table.grouped and caps[1] is None and len(beside) >= _BESIDE
    if boxed:  # the events' first lines beside their years: the widest agree, as they fill the column
        agreed = _agreed_width(beside, False)
        caps[1] = agreed if agreed is not None and agreed >= max(beside) - _CLOSE else None
    if page and sum(cap or 0 for cap in caps) > page:
        return [None] * table.record, False, least
    return caps, boxed and caps[1] is not None, least


def _event_cut(record: dict[int, Cell], commission: str, events: list[int]) -> bool:
    """Whether a history's 委託 cell, read wrapped, may hold an event's rest: it holds an event's step
    (`…を設置`), or its row's event is one line as wide as the widest events of one line (`events`: their
    widths; a few) and ends short of its step (`…1年以上入院者のうち` / `約4割が…と判明` / `広島県精神科
    病院協会`: the event's second line read as the commission's first), so its lines tell no width."""
    if wrapped_cells.holds_event(commission):
        return True
    event = record.get(1, [])
    if len(event) != 1 or len(events) < _BESIDE or event[0][1].endswith(EVENT_ENDS):
        return False
    return display_width(event[0][1]) >= max(events) - _CLOSE


def _wrapped_width(line: str, after: str, history: bool) -> int:
    """The width a wrapped line tells its column has at least: its own, and in the `history` (its narrow
    委託 column), where the next line's second character may start no line (`市内精神科病院（1 か` / `所）`),
    the next line's first character too: the page carried that character down with the mark that may not
    start a line, though it fitted."""
    width = display_width(line)
    carried = len(after) > 1 and after[1] in NO_LINE_START and after[0] not in NO_LINE_START
    if history and carried and not after[0].isspace():
        width += display_width(after[0])
    return width


# in the issues' table, a line that holds two texts a space apart between wide characters (an issue's
# and its policy's lines side by side, `アウトリーチ支援の担い手が不足 多職種チームによる訪問支援の体制を`,
# plain pdftotext of a LibreOffice PDF): no column's width
_TWO_TEXTS = re.compile(r"[^\x00-\x7f] +[^\x00-\x7f]")


def _agreed_width(widths: list[int], alone: bool) -> int | None:
    """The widest of the widths that another comes close to (a wrapped line may stop short of its
    column by a character), or the widest when `alone` may set it; None for a column too narrow for
    the template's (a letter a line: a figure's vertical text)."""
    ordered = sorted((w for w in widths if w >= _NARROWEST), reverse=True)
    for k in range(len(ordered) - 1):
        if ordered[k] - ordered[k + 1] <= _CLOSE:
            return ordered[k]
    return ordered[0] if ordered and alone else None


def _split(
    pieces: list[Piece],
    count: int,
    joined: bool,
    kinds: tuple[list[bool], list[bool], list[re.Pattern[str] | None]],
    keep_first: bool = False,
    widths: tuple[list[int | None], list[int]] = ([], []),
    notes: bool = False,
) -> list[Cell]:
    """`count` cells from the pieces: wrapped lines joined back, or a line split at a space (`joined`:
    the converter joins a line's cells with a space; `kinds`: whether the k-th cell ends its row,
    whether its column is often left empty and what its column's cells rarely are; `widths`: the k-th cell's
    column width, where known, and a width it has at least; `notes`: the optional column is one of
    notes, which a cell above it may go on into)."""
    if count == 0:
        return []
    ends_row, optional, unlike = kinds
    caps, floors = widths
    full = wrapped_cells.cut(
        pieces, count, BULLET, joined, ends_row, caps, keep_first=keep_first, floors=floors, unlike=unlike
    )
    if full is not None and (any(optional) or keep_first):  # an optional cell left empty, where that costs less
        # (an indicator's values and effects are each left empty in some rows: any of them may be)
        only = optional if any(optional) else []
        lighter = wrapped_cells.cut(
            pieces, count, BULLET, joined, ends_row, caps, True, keep_first, only, floors, unlike
        )
        if lighter is not None and any(optional) and lighter[1] < full[1]:
            return lighter[0]
        if lighter is not None and not any(optional) and _name_wrapped(lighter, full, caps[0] if caps else None):
            return lighter[0]
        if notes and any(optional):
            return _rest_in_optional(full[0], optional, caps)
    if full is not None and not any(optional) and wrapped_cells.count_cut(full[0]):
        # `R6年9月 第2回 精神保健福祉連絡協議会`: the item whole and the row's last cell empty, where cheaper
        last = [k == count - 1 for k in range(count)]
        alone = wrapped_cells.cut(pieces, count, BULLET, joined, ends_row, caps, True, keep_first, last, floors, unlike)
        if alone is not None and alone[1] < full[1]:
            return alone[0]
    if full is not None:
        return full[0]
    found = wrapped_cells.cut(
        pieces, count, BULLET, joined, ends_row, caps, empty=True, keep_first=keep_first, floors=floors, unlike=unlike
    )
    if found is not None:
        return found[0]
    pieces = list(pieces)
    while len(pieces) < count and _split_one(pieces):
        pass
    widest = max((_width(p[1]) for p in pieces), default=1)
    listed = _listed(pieces)
    gaps = range(1, len(pieces))
    scores = {g: _wrap_score(pieces[g - 1], pieces[g], listed[g - 1], widest) for g in gaps}
    joins = set(sorted(gaps, key=lambda g: -scores[g])[: max(0, len(pieces) - count)])
    cells: list[Cell] = []
    for g, piece in enumerate(pieces):
        if g in joins:
            cells[-1].append(piece)
        else:
            cells.append([piece])
    return cells + [[] for _ in range(count - len(cells))]


_NOTES = ("特記事項", "備考")  # a column of notes: a council's (`wrapped_cells.wrapped_into`)


def _rest_in_optional(cells: list[Cell], optional: list[bool], caps: list[int | None]) -> list[Cell]:
    """The cells with an optional one (a council's 特記事項等) that is the wrapped rest of the cell before
    it (`wrapped_cells.wrapped_into`: `地域課題の検討、作` / `業部会からの報告、` / `取組の評価`) joined to
    that cell, where its lines fit that cell's column, every one but its last filling it, and they are
    no sentence after a cell of none (a note is written in sentences, a list of activities is not)."""
    for k, cap in enumerate(caps[: len(cells) - 1]):
        if optional[k + 1] and cap is not None and wrapped_cells.wrapped_into(cells, k + 1, cap):
            rest = [display_width(p[1]) for p in cells[k + 1]]
            sentence = cells[k + 1][-1][1].endswith("。") and not any("。" in p[1] for p in cells[k])
            if max(rest) <= cap + _CLOSE and all(w >= cap - _CLOSE // 2 for w in rest[:-1]) and not sentence:
                return [*cells[:k], cells[k] + cells[k + 1], [], *cells[k + 2 :]]
    return cells


def _name_wrapped(lighter: tuple[list[Cell], float], full: tuple[list[Cell], float], cap: int | None) -> bool:
    """Whether an indicator's row is read with a cell left empty (`lighter`, and its cost) rather than
    with every cell filled (`full`): its name takes the lines that went to its values, its lines but
    the last as wide as its column (`cap`, known), the lines it gains with no number (a value's), its
    values each with a number (else which is empty is not told); and it costs less, the full reading's
    name ending where the page wrapped it costing too (`_name_cut`)."""
    name, kept = lighter[0][0], {p[0] for p in full[0][0]}
    gained = [p for p in name if p[0] not in kept]
    if cap is None or not gained or any(_numbered(p[1]) for p in gained):
        return False
    if not all(any(_numbered(p[1]) for p in cell) for cell in lighter[0][1:3] if cell):
        return False  # a value read with no number: which cell is left empty is not told
    if not all(display_width(p[1]) >= cap - _CLOSE for p in name[:-1]):
        return False
    return lighter[1] < full[1] + _name_cut(full[0], cap)


def _name_cut(cells: list[Cell], cap: int) -> float:
    """What a reading costs whose name ends on a line as wide as its column, its next cell's first
    line the name's rest by its look (`wrapped_cells.wraps_on`)."""
    name, rest = cells[0], next((cell for cell in cells[1:] if cell), [])
    if not rest or rest[0][2]:
        return 0.0
    cut = wrapped_cells.wraps_on(display_width(name[-1][1]), rest[0][1], cap)
    return wrapped_cells.NAME_GOES_ON if cut else 0.0


def _numbered(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _listed(pieces: list[Piece]) -> list[bool]:
    """Whether each piece is a list's: a bulleted line, or a line right after one (its wrap)."""
    out: list[bool] = []
    for piece in pieces:
        out.append(piece[1][0] in BULLET or (bool(out) and out[-1] and not piece[2]))
    return out


def _split_one(pieces: list[Piece]) -> bool:
    """Split the longest piece that holds a space between two cells' words; False when none does."""
    for k in sorted(range(len(pieces)), key=lambda k: -len(pieces[k][1])):
        index, text, blank = pieces[k]
        m = re.search(r"(?<![、,，。.\s])\s+(?![\s・])", text)
        if m is not None and not (text[m.start() - 1].isascii() and text[m.end()].isascii()):
            pieces[k : k + 1] = [(index, text[: m.start()], blank), (index, text[m.end() :], False)]
            return True
    return False


def _wrap_score(before: Piece, after: Piece, listed: bool, widest: int) -> float:
    """How likely `after` is `before`'s line wrapped: no blank line or new bullet between, a long line
    then a shorter one.  Items of one list join before a list joins a text."""
    last = before[1]
    score = 50.0  # a text line after a text line: a wrap
    if after[1][0] in BULLET:
        score = 0.0 if listed else -50.0
    if after[2]:
        score -= 40
    if last.endswith(("。", ".")):
        score -= 10
    return score + (_width(last) - _width(after[1])) / 8 + 20 * _width(last) / widest


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _rows(table: Table, record: dict[int, Cell]) -> list[list[Cell]]:
    """A record's rows (cells of pieces), a row without any text left out."""
    out = []
    for layout in table.rows:
        row = [record.get(p, []) if p is not None else [] for p in layout]
        if any(row):
            out.append(row)
    return out


def _place(rows: list[list[Cell]], header: int, values: tuple[int, ...]) -> list[tuple[int, str]] | None:
    """Each row's text at the first source line it was made from, after the row before (an indicator's
    values, `values`, with the space before a count the page wrapped: `value_text`); None when two rows
    come from one line."""
    out: list[tuple[int, str]] = []
    last = header
    for row in rows:
        indexes = sorted(p[0] for cell in row for p in cell if p[0] > last)
        if not indexes:
            return None
        last = indexes[0]
        out.append((last, "\t".join(value_text(c) if k in values else join_cell(c) for k, c in enumerate(row))))
    return out
