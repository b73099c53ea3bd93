"""Section 1 written one cell per line: the 基本情報 table rebuilt as tab rows, its text set apart.

pdftotext (plain and `-raw`), pdfminer, pypdf, pypdfium2, pdfplumber, PyMuPDF (from the Chromium or
the LibreOffice PDF), docx2txt and LibreOffice's text export write the statistics table cell by cell
in reading order, often with blank lines between, sometimes several cells on one line joined by a
space; a row-spanned label comes where its middle is (after its first values), a wrapped label in
pieces between other cells, and pdfminer reads whole columns (every label, then every number, then
every unit):

    人口（R5年4月時点）                 人口（R5年4月時点）⇥604,894⇥人
    604,894                             入院精神障害者数 （R2年6月時点） ※630調査⇥合計⇥344⇥人
    人                           →      ⇥3か月未満 （％：構成割合）⇥92 26.7⇥人％
    合計                                …
    344
    人
    3か月未満 （％：構成割
    合）
    92 26.7
    人％
    入院精神障害者数 （R2年6月時点） ※630調査

The template is the guide (`statistics_rows`).  Its row labels are known, and so is what each row's
value looks like: how many numbers, which units (`人`, `％`, `か所`, `回`…), a choice (`有・無`).  A label
is recognised whatever its line breaks (a piece that begins a label, and the pieces that complete
it); a value is recognised by its form and goes to the first row seen that still lacks what it
brings and whose units it fits.  The rows are written in the template's order, each group's label
in its first row.  A line that fits nowhere stays a text line, after the table.

Before the table, the body's name, the 取組内容 caption and the 基本情報 caption are set apart from
the lines around them, and every 取組内容 line becomes a list item (a line that a PDF wrapped at
the full width joined back to the one before).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, join_wrapped, page_width
from nikosheet.parsing.forms.statistics_rows import (
    CHOICE_PIECE,
    CHOICE_THEN_COUNT,
    CLOSING_THEN_VALUE,
    OTHER,
    RANK,
    RATES,
    SETUP,
    SUFFIX,
    VALUE,
    Row,
    Rows,
    label_key,
    value_of,
)
from nikosheet.parsing.lines import squeeze
from nikosheet.parsing.sections.preamble import looks_like_name

_SIGNAL = "圏域数"  # the first row's label: in the samples' form its line holds tabs


def _pieces(table: Rows, index: int, text: str) -> list[tuple[str, str | Row]]:
    """A line's pieces, left to right: ('label', its row), ('value', text) or ('text', text)."""
    out: list[tuple[str, str | Row]] = []
    pos = 0
    while pos < len(text):
        found = table.match_label(text, pos)
        if found is not None:
            spec, end, is_start = found
            suffix = None if is_start else SUFFIX.match(text, end)
            stop = suffix.end() if suffix else end
            row = table.add_label(index, spec, text[pos:stop], is_start, suffix, stop == len(text))
            out.append(("label", row))
            pos = stop
            while pos < len(text) and text[pos] in " \u3000":
                pos += 1
            continue
        rest = text[pos:]
        out.append(("value" if VALUE.match(rest) else "text", rest))
        break
    return out


def _read(state: FormState, start: int, end: int) -> Rows:
    """Every line of the region read into rows: the labels first, then the values given out in order."""
    table = Rows()
    events: list[tuple[str, int, str, Row | None]] = []  # (kind, line, text, the row of a label)
    note_end = -1  # the last line of the last event's text
    for i, text in _whole_numbers(state, start, end):
        closing = CLOSING_THEN_VALUE.fullmatch(text)  # `割合) 14.7 %`: a bracket's end, then a value
        at = _label_after_space(table, text)  # `向けた保健・医療・福祉関 障害保健福祉圏域 有・無`
        if closing and table.continues(i, closing[1]):
            text = closing[2]
        elif at and table.continues(i, text[:at]):
            text = text[at:].lstrip(" \u3000")
        elif table.continues(i, text):
            continue
        same_line: Row | None = None
        table.just_labelled = None
        for kind, piece in _pieces(table, i, text):
            table.just_labelled = piece if isinstance(piece, Row) else None
            if isinstance(piece, Row):
                same_line = piece
                events.append(("label", i, "", piece))
            elif kind == "text" and same_line is not None and same_line.note_open and len(piece) <= 6:
                same_line.label.append((i, piece))  # a note's last word after a space (※630 調査)
            elif kind == "text" and same_line is None and _note_goes_on(events, note_end, i, piece):
                _, at, note, row = events[-1]  # `か所 ※地域健` / `康課4か所`: the unit's note wrapped
                events[-1] = ("value", at, note + piece, row)
                note_end = i
            else:
                events.append((kind, i, piece, same_line))
                table.value_at = i if kind == "value" else table.value_at
                note_end = i
    _give_out(table, events)
    return table


_NOTE_REST = 12  # characters a unit's wrapped note has at most on its next line


def _note_goes_on(events: list[tuple[str, int, str, Row | None]], end: int, index: int, text: str) -> bool:
    """Whether a line of text is the rest of the note after the last value's unit, whose text ends on the
    line right above (`end`), no blank line between (`か所 ※地域健` / `康課4か所`, `か所 ※県厚生セン` /
    `ター4、富山市保健` / `所1`: pdfminer writes the unit's cell as one box)."""
    if not events or "※" in text or len(text) > _NOTE_REST:
        return False
    kind, _, above, _ = events[-1]
    return kind == "value" and end == index - 1 and "※" in above


# a number its narrow column wrapped: `１，２０` / `４，３９２` (a group of digits cut short), `６９８ 人 ２`
# / `１．８ ％` (a share's first digit left behind)
_CUT_NUMBER = re.compile(
    r"(?:^|\s)[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{0,2}$|人[ \u3000]+[0-9０-９]{1,2}$"
)
_NUMBER_GOES_ON = re.compile(
    r"[0-9０-９]+(?:[,，][0-9０-９]{3})*[ \u3000]*(?:人|$)|[0-9０-９]?[.．][0-9０-９]+[ \u3000]*[%％]"
)


def _whole_numbers(state: FormState, start: int, end: int) -> list[tuple[int, str]]:
    """The region's non-blank lines, stripped, a number's piece that its column wrapped joined back
    to the line before (the piece's own line then read as blank)."""
    out: list[tuple[int, str]] = []
    for i in range(start, end):
        text = (state.lines[i] or "").strip(" \t\u3000\f")
        if not text:
            continue
        if out and _CUT_NUMBER.search(out[-1][1]) and _NUMBER_GOES_ON.fullmatch(text):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((i, text))
    return out


def _label_after_space(table: Rows, text: str) -> int:
    """Where a whole label starts after a space on the line (a wrapped label's piece before it), or 0."""
    for m in re.finditer(r"[ \u3000]+", text):
        # (whole labels only: a label's start is tried at every end after it, cubic in a line of many words)
        found = table.match_label(text, m.end(), starts=False) if m.start() else None
        if found is not None:
            return m.start()
    return 0


def _give_out(table: Rows, events: list[tuple[str, int, str, Row | None]]) -> None:
    """The values to their rows, in reading order; a text line before a value labels a row of its own."""
    pending: list[tuple[int, str]] = []  # text lines waiting to know whether a value follows
    run: list[Row] = []  # the rows whose labels came since the last value
    column: list[Row] = []  # the rows of the last run of labels, while values follow them
    group: Row | None = None  # a group whose label came last: a value right after it is its total
    merged: set[int] = set()
    _short_columns(table, events)
    for n, (kind, i, text, row) in enumerate(events):
        if kind == "label":
            assert row is not None
            table.last_value = None
            _settle(table, pending, False)
            table.show(row)
            column = []
            group = row if row.spec.is_group else None
            if not row.spec.is_group:
                run.append(row)
        elif kind == "value" and n not in merged:
            other = _settle(table, pending, True)
            # a value right after one label is that label's; after many (a column of labels, then a
            # column of values), it is the first one's that lacks it
            beside = row or other or (run[0] if len(run) == 1 else None if run else group)
            share = _share_after(events, n)
            if share:
                merged.update(share)
                text = " ".join(events[k][2] for k in (n, share[0])) + "\t" + " ".join(events[k][2] for k in share[1:])
            unit = None if share else _unit_after(events, n)
            if unit is not None:
                merged.add(n + 1)
                text = f"{text}\t{events[n + 1][2]}"  # two cells
            for k in _choice_after(events, n):  # `有` `〇` `無`: one choice, a cell a line
                merged.add(k)
                text = f"{text}\t{events[k][2]}"
            if beside is None and len(run) > 1 and _label_next(events, n, merged):
                beside = run[-1]  # one value between labels: the last one's (its group's labels before it)
            if not column and len(run) > 1 and _column_of_values(events, n, len(run)):
                column = list(run)  # as many bare numbers as labels before them, then a label: theirs in turn
            if beside is None and column:
                beside = column.pop(0)
            for part in _split_choice(text):
                value = value_of(i, part)
                if not table.give(value, beside):
                    table.waiting.append(value)
            run.clear()
            group = None
        elif kind == "text" and not table.append_fragment(text):
            _settle(table, pending, False)
            pending.append((i, text))
    _settle(table, pending, False)
    table.leftover += [(v.index, v.text) for v in table.waiting]


def _column_of_values(events: list[tuple[str, int, str, Row | None]], n: int, count: int) -> bool:
    """Whether the events from the n-th on are `count` bare numbers and then a label or the end."""
    run = _run(events, n, _bare_number)
    after = n + len(run)
    return len(run) == count and (after == len(events) or events[after][0] == "label")


def _short_columns(table: Rows, events: list[tuple[str, int, str, Row | None]]) -> None:
    """A column of bare numbers followed by a longer column of units (pdfminer, a value column at a
    time: `1` `16` `48` `1` `2` then `％` `％` `％` `か所` … `回／年`, the empty rates' cells not written):
    its cells, which `Rows.give` keeps from the rates' rows when they are whole numbers."""
    n = 0
    while n < len(events):
        numbers = _run(events, n, _bare_number)
        units = _run(events, n + len(numbers), _bare_unit)
        if not numbers and len(units) > 1:  # the units' column first (`％` … `回／年` `1` `15` …)
            numbers = _run(events, n + len(units), _bare_number)
            if 1 < len(numbers) <= len(units):
                table.after_units.update(_cells(events, numbers))
                table.short_units.update(_cells(events, units))
            else:
                numbers = []
        if len(numbers) > 1 and len(units) > len(numbers):
            table.short_numbers.update(_cells(events, numbers))
            table.short_units.update(_cells(events, units))
        n += max(1, len(numbers) + len(units))


def _cells(events: list[tuple[str, int, str, Row | None]], at: list[int]) -> list[tuple[int, str]]:
    return [(events[k][1], events[k][2]) for k in at]


def _run(events: list[tuple[str, int, str, Row | None]], n: int, test: Callable[[str], bool]) -> list[int]:
    """The events from the n-th on that are values passing `test`, up to the first that is not."""
    out: list[int] = []
    while n < len(events) and events[n][0] == "value" and test(events[n][2]):
        out.append(n)
        n += 1
    return out


def _bare_number(text: str) -> bool:
    value = value_of(0, text)
    return value.numbers == 1 and not value.units and not value.choice and not value.worded


def _bare_unit(text: str) -> bool:
    value = value_of(0, text)
    return not value.numbers and len(value.units) == 1 and not value.choice


def doubtful(table: Rows) -> int | None:
    """The first line of a short column of numbers whose rows cannot be told (a row other than a rate
    left without its number, or a rate without one beside a rate that took the column's number), or None."""
    if not table.short_numbers:
        return None
    empty = [r for r in table.rows if not r.numbers and any(v in table.short_units for v in r.values)]
    if any(r.spec.group != RATES for r in empty) or (table.rate_from_column and empty):
        return min(table.short_numbers)[0]
    return None


def _label_next(events: list[tuple[str, int, str, Row | None]], n: int, merged: set[int]) -> bool:
    """Whether the next event after the n-th value (and the cells merged into it) is a label."""
    k = n + 1
    while k in merged:
        k += 1
    return k < len(events) and events[k][0] == "label"


def _share_after(events: list[tuple[str, int, str, Row | None]], n: int) -> list[int]:
    """A count whose share and units follow it a line each (`187` `54.4` `人` `％`): the events after
    the n-th that are the rest of its cells, or none."""
    if n + 3 >= len(events) or any(kind != "value" for kind, *_ in events[n : n + 4]):
        return []
    count, share, person, percent = (value_of(0, events[k][2]) for k in range(n, n + 4))
    bare = count.numbers == share.numbers == 1 and not count.units and not share.units and not count.decimal
    if bare and share.decimal and person.units == ["人"] and percent.units == ["%"] and not person.numbers:
        return [n + 1, n + 2, n + 3] if not percent.numbers else []
    return []


def _unit_after(events: list[tuple[str, int, str, Row | None]], n: int) -> int | None:
    """A bare number followed by a bare unit, where no column of numbers runs: one value."""
    if n + 1 >= len(events) or events[n + 1][0] != "value":
        return None
    this, after = value_of(0, events[n][2]), value_of(0, events[n + 1][2])
    if not this.numbers or this.units or this.choice or after.numbers or not after.units or after.choice:
        return None
    if n > 0 and events[n - 1][0] == "value":
        before = value_of(0, events[n - 1][2])
        if before.numbers and not before.units:
            return None  # a column of numbers: their units come as a column too
    if n + 2 < len(events) and events[n + 2][0] == "value":
        then = value_of(0, events[n + 2][2])
        if not then.numbers and then.units and not then.choice and (after.units, then.units) != (["人"], ["%"]):
            return None  # a column of units (`か所` `市町村` `人`…) after the column of numbers
    return n + 1


def _choice_after(events: list[tuple[str, int, str, Row | None]], n: int) -> list[int]:
    """The values after the n-th that are the rest of its choice, each a line (`有` `〇` `無`)."""
    said = events[n][2].strip()
    if not _choice_piece(said):
        return []
    out: list[int] = []
    for k in range(n + 1, len(events)):
        kind, _, text, _ = events[k]
        if ("有" in said and "無" in said) or kind != "value" or not _choice_piece(text.strip()):
            break
        out.append(k)
        said += text.strip()
    return out if "有" in said and "無" in said else []


def _choice_piece(text: str) -> bool:
    return bool(text) and CHOICE_PIECE.fullmatch(text) is not None


def _split_choice(text: str) -> list[str]:
    """`有・無 1 / 1` is two cells: the choice and the count."""
    m = CHOICE_THEN_COUNT.match(text)
    return [m.group(1), text[m.end() :]] if m else [text]


def _settle(table: Rows, pending: list[tuple[int, str]], value_follows: bool) -> Row | None:
    """A text line right before a value is the label of a row the template does not have: that row,
    shown (the value is beside it)."""
    if not pending:
        return None
    *before, (index, text) = pending
    table.leftover += before
    pending.clear()
    if not value_follows:
        table.leftover.append((index, text))
        return None
    row = Row(OTHER, index, [(index, text)])
    table.rows.append(row)
    table.show(row)
    return row


def _row_lines(table: Rows) -> list[tuple[int, str]]:
    """The rows in the template's order, a group's label in its first row: (first source line, row)."""
    rank: dict[int, float] = {}
    last = -1.0
    for n, row in enumerate(table.rows):
        last = RANK[row.spec.key] if row.spec is not OTHER else last + 0.001
        rank[n] = last
    ordered = [table.rows[n] for n in sorted(rank, key=lambda n: rank[n])]
    out: list[tuple[int, str]] = []
    group_label: dict[str, Row] = {r.spec.key: r for r in ordered if r.spec.is_group}
    written: set[str] = set()
    for row in ordered:
        if row.spec.is_group:
            if not any(r.spec.group == row.spec.key for r in ordered):
                out.append((row.first, _label(row)))
            continue
        cells = [_label(row)] + [text for _, text in sorted(row.values)]
        sources = [i for i, _ in row.label] + [i for i, _ in row.values]
        group = row.spec.group
        if group is not None:
            head = group_label.get(group)
            if head is not None and group not in written:
                cells.insert(0, _label(head))
                sources += [i for i, _ in head.label]
                written.add(group)
            else:
                cells.insert(0, "")
        out.append((min(sources), "\t".join(cells)))
    return out


def _label(row: Row) -> str:
    text = ""
    for _, piece in row.label:
        text = join_wrapped(text, piece.strip(" \u3000"))
    return text


def _place(state: FormState, start: int, end: int, rows: list[tuple[int, str]], rest: list[tuple[int, str]]) -> None:
    """The rows at their first source line (in order), then the leftover lines after a gap."""
    for i in range(start, end):
        state.lines[i] = None
    slots = list(range(start, end))
    outputs = [*rows, (-1, ""), *sorted(rest)] if rest else rows  # (-1, ""): the gap that ends the table
    prev = start - 1
    for n, (first, text) in enumerate(outputs):
        latest = slots[len(slots) - (len(outputs) - n)]
        at = min(max(first, prev + 1), latest)
        prev = at
        if text:
            state.lines[at] = text


# ---- before the table ------------------------------------------------------------------------
_CAPTIONS = ("取組内容", "取り組み内容", "取組の内容")
_MARKED = re.compile(r"[-*+][ \u3000]|[・･]")


def _before(state: FormState, heading: int, stop: int) -> None:
    """The name, the 取組内容 caption and its items, and the 基本情報 caption (the line before `stop`
    when it is one), each set apart from the lines around them."""
    lines = state.lines
    filled = [i for i in range(heading + 1, stop) if (lines[i] or "").strip(" \t\u3000")]
    if not filled:
        return
    caption = filled[-1] if squeeze(lines[filled[-1]] or "").startswith("基本情報") else None
    body = [i for i in filled if i != caption]
    if body and looks_like_name(lines[body[0]] or "") and body[0] + 1 in filled:
        lines[body[0]] = "# " + (lines[body[0]] or "").strip(" \t\u3000")
    items_from = next((k for k, i in enumerate(body) if label_key(lines[i] or "") in _CAPTIONS), None)
    if items_from is not None:
        at = body[items_from]
        lines[at] = "## " + (lines[at] or "").strip(" \t\u3000")
        mark_items(state, body[items_from + 1 :])
    if caption is not None and caption - 1 in filled:
        lines[caption] = "## " + (lines[caption] or "").strip(" \t\u3000")


_PAGE_SHARE = 0.85  # a line the page wrapped fills at least this much of the page's width (its box is narrower)


def mark_items(state: FormState, indexes: list[int]) -> None:
    """Each line a list item; a line a PDF wrapped at the full width joined to the one before."""
    lines = state.lines
    texts = {i: (lines[i] or "").strip(" \t\u3000") for i in indexes}
    widest = max((len(t) for t in texts.values()), default=0)
    page = page_width(lines, 1)  # a Word document's text: its paragraphs, never wrapped, are wider
    item: int | None = None
    tail = -2  # the item's last line of its own (the item's, or a `→` line kept below it)
    last, last_len, last_width = -2, 0, 0
    for i in indexes:
        text = texts[i]
        full = i == last + 1 and widest >= 40 and last_len >= widest - 2 and last_width >= _PAGE_SHARE * page
        last, last_len, last_width = i, len(text), display_width(text)
        if item is not None and full and not _MARKED.match(text) and text[:1] != "→":
            lines[item] = join_wrapped(lines[item] or "", text)
            lines[i] = None
        elif item is not None and text[:1] == "→" and i == tail + 1:
            lines[i], tail = text, i
        elif item is not None and text[:1] == "→":  # a blank line between (pdfminer): the item's still
            lines[item], lines[i], tail = f"{lines[item]} {text}", None, -2
        else:
            lines[i] = text if _MARKED.match(text) else f"- {text}"
            item = tail = i


# ---- the region ------------------------------------------------------------------------------
_SECTION_NUMBER = re.compile(
    r"[ \u3000\f]{0,4}(?:#{1,6}[ \u3000]{0,3})?[2２](?![0-9０-９,.])[ \u3000]{0,3}[.．、]?[ \u3000]{0,3}"
)


def _region(state: FormState, first: int) -> tuple[int, int, int | None]:
    """(start, end) of the table from its first label's line to section 2's heading, and section 1's
    heading."""
    lines = state.lines
    end = first + 1
    while end < len(lines) and end - first < 400 and not _section_two(lines, end) and not _setup_row(lines[end]):
        end += 1
    heading = next((i for i in range(first - 1, max(first - 80, -1), -1) if "基礎情報" in (lines[i] or "")), None)
    return first, end, heading


def _setup_row(line: str | None) -> bool:
    """The set-up group's first row, which a form before this one rebuilt: the table's last group."""
    return line is not None and "\t" in line and line.startswith(SETUP)


def _section_two(lines: list[str | None], i: int) -> bool:
    """Section 2's heading: `2 精神障害…取組` (its title may wrap), or `2` alone before such a title."""
    text = lines[i] or ""
    if "取組概要" in text:
        return True
    m = _SECTION_NUMBER.match(text)
    if m is None:
        return False
    if m.end() < len(text.rstrip()):
        return "取組" in text
    after = next((t for t in lines[i + 1 : i + 4] if t and t.strip()), "")
    return "取組" in after


def rebuild(cells: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """The statistics table's rows from its cells' lines in reading order (a cell's lines one by one,
    as PyMuPDF writes them): (index of the row's first cell line, tab row) in the template's order,
    and the lines that fit nowhere; None when too few rows are found to be the table."""
    table = _read(FormState(list(cells), "\n".join(cells)), 0, len(cells))
    if sum(1 for r in table.rows if r.values) < 3:
        return None
    return _row_lines(table), table.leftover


def set_apart(lines: list[str | None], first: int) -> None:
    """Before the table whose first row is at line `first`: the name, the 取組内容 caption and its
    items, and the 基本情報 caption, each set apart from the lines around them."""
    state = FormState(lines, "")
    _, _, heading = _region(state, first)
    if heading is not None:
        _before(state, heading, first)


def apply(state: FormState) -> None:
    """Rebuild section 1's statistics table written one cell per line, and set its captions apart."""
    source = state.source
    if not signals.cell_lines_statistics(source):
        return  # no statistic label alone on its line: a tab, pipe or HTML row, or none
    first = source.count("\n", 0, source.find(_SIGNAL))
    if state.lines[first] is None or "\t" in (state.lines[first] or ""):
        return  # an earlier form rewrote it
    start, end, heading = _region(state, first)
    table = _read(state, start, end)
    if sum(1 for r in table.rows if r.values) < 3:
        return  # not the statistics table after all: left as it was
    _place(state, start, end, _row_lines(table), table.leftover)
    unsure = doubtful(table)
    if unsure is not None:
        state.note(Diagnostic.SHIFTED_CELL, unsure, str(messages.STATISTICS_COLUMN_SHORT()))
    if heading is not None:
        _before(state, heading, start)
