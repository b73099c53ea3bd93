"""Section 4's indicators table in plain pdftotext's text of a LibreOffice PDF, read a row at a time.

pdftotext writes the outcomes' table a box at a time; where each row's boxes come together (its
name, its two values, its effects), only woven with the header's cells above the first row, with
one another (a value between a name's lines, a value before an effect's text on its line) or with
the next row's (a row's effects after the next row's values), the rows can be read in order:

    課題解決の達⏎成度を測る指⏎標          課題解決の達成度を測る指標⇥目標値(R5年度当初)⇥…
    ①1 年以上の⏎長期入院者数              ①1年以上の長期入院者数⇥1,900人⇥1,969人⇥・地域移行支援員が…
    目標値 (R5 実績値 (R5⏎年度当初)⏎年度末)  ② 市町村の協議の場の設置数⇥15市町村⇥13市町村⇥圏域会議で…
    1,900 人⏎1,969 人⏎具体的な成果・効果  →  ③ ピアサポーターの活動件数⇥年120件⇥年151件⇥・病院内…
    ・地域移行支援員が…                      ④ 精神保健福祉研修の受講者数⇥400人⇥358人⇥介護支援…
    ② 市町村の協⏎議の場の設置⏎数⏎15 市町村
    圏域会議で…未⏎13 市町村 設置の町村では…⏎を補う形を…
    ③ ピアサポー⏎ターの活動件⏎数⏎年 120 件⏎年 151 件
    ④ 精神保健福⏎…⏎400 人⏎358 人
    ・病院内茶話会…⏎・体験談の…⏎た。⏎介護支援専門員向けの…

The header is the one `indicator_header` finds (or a header row a form before wrote, the rows' lines
still below it).  The table is rewritten only where every line below the header up to a marker
line, a heading or a table row belongs to a row and every row holds two values and its effects;
else the lines are left to the readers after (`effects_apart`, `cell_lines_tables`, `indicator_header`).
It runs before `effects_apart`, which would take an effect's first line for a row's second value
where that value came after the row's effects, and before `cell_lines_tables`, which would take the
rows' lines a cell per line.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.indicator_columns import VALUE_AT_END
from nikosheet.parsing.forms.indicator_header import header_of
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import BULLET, CIRCLED, HEADING, STOP, join_cell, outcomes_region
from nikosheet.vocabulary import OUTCOME_COLUMNS

_CLOSE = 2  # display columns a name's line may run past its first line's width
_ITEMS = re.compile(r"\s・")  # a list's next item on the line after a space: two items on a line
_VALUES = 2  # an indicator's values: its target's and its result's
_SIDE_LINES = 3  # a name's two lines and its value's rest below them
_LIFTED = f"{OUTCOME_COLUMNS['name']}\t{OUTCOME_COLUMNS['target']}"  # the header row's first cells
_UNIT = "回|人|名|件|か所|カ所|箇所|病院|市町村|町村|市町|圏域|区|事業所|世帯|団体|%|％"  # what an indicator counts
_COUNT = rf"[0-9０-９][0-9０-９,]{{0,12}}(?:{_UNIT})"
# a name's piece (bounded: a column's line), one value or two right after it (no space between: autospace
# took it out), then perhaps an effect's text after a space (`ける協議の場100市町村96市町村 したことで、…`)
_BAND = re.compile(rf"([^\s0-9０-９]{{1,20}}?)({_COUNT})({_COUNT})?(?: (\S.*))?")


def apply(state: FormState) -> None:
    """Rewrite section 4's indicators table where its rows' lines read a row at a time."""
    if not signals.indicator_records(state.source):
        return
    region = outcomes_region(state.lines)
    if region is None:
        return
    start, end = region
    rows = [i for i in range(start, end) if "\t" in (state.lines[i] or "")]
    if len(rows) == 1 and (state.lines[rows[0]] or "").startswith(_LIFTED):
        header, taken = state.lines[rows[0]] or "", rows  # a header row a form before lifted
    elif rows:
        return  # a table was read there
    else:
        found = header_of(state.lines, start, end)
        if found is None:
            return
        header, taken = found
    read = records(state.lines, taken, end)
    if read is None:
        return
    for i in range(taken[0], read[1]):
        state.lines[i] = None
    state.lines[taken[0]] = header
    for i, row in read[0]:
        state.lines[i] = row


def records(lines: list[str | None], taken: list[int], end: int) -> tuple[list[tuple[int, str]], int] | None:
    """The indicators' rows among and below the header's lines, each (its number's line, the row in
    tabs), and the line the table ends before; None unless every line from the header's first up to
    a marker line, a table's row or `end` is the header's, a lone drawn bullet, or a row's, and every
    row holds its name, two values and its effects' one cell.

    A row starts at its name's first line (`① 市町村の協`); its name's lines are the short lines after
    that one before its effects (`議の場の設置` `数`, also after a value: `① 地域移行支援の利`
    `年 15 人` `用者数`); a value is a line of its own (`1,900 人`), the end of the name's first line
    (`④ アウトリーチ支援 20 人`) or a line's start before an effect's text (`13 市町村 設置の町村で
    は…`); the other lines are its effects: a list's items where they start with `・`, an item or a
    sentence going on in the next line until it ends with `。`.  A row whose effects came after the
    next row's values (pdftotext wrote both rows' effects below them) takes the first of the cells
    there (a list, or a text up to its `。`).

    A row may also come a printed line at a time, its cells' lines side by side: the name's piece, the
    values and an effect's text on one line (`ける協議の場 100 市町村 96 市町村 したことで、…`) or the
    two values on one line (`病院訪問 19 病院 病院訪問 17 病院`) after the effects' first line, the
    name's short lines then standing between the effects' (`の設置数`); a value beside the name's
    next line (`③ ピアサポー` `ター養成研修 60 人` `修了者数`), beside its first line with its rest
    below the name's (`② 措置入院者の退院後 支援計画の作成` `支援` `率 80%`), or a box of two lines
    (`支援計画の作成` `率 86%`).  A row whose one value stood beside its name and whose one other
    box is short has an empty result; the last row may be its name alone (`⑤－`), or hold no effects.
    """
    skip = set(taken)
    last = end
    segments: list[list[tuple[str, bool]]] = []
    starts: list[int] = []
    blank = False
    for i in range(taken[0], end):
        line = lines[i]
        text = line.strip(" \t\f\u3000") if line is not None else ""
        if i in skip or not text or text in LONE_BULLETS:
            blank = True
            continue
        if "\t" in text or STOP.match(text) or HEADING.match(text):
            last = i
            break
        if CIRCLED.match(text):
            segments.append([])
            starts.append(i)
        elif not segments:
            return None
        segments[-1].append((text, blank))
        blank = False
    read = [_record(segment) for segment in segments]
    rows = [row for row in read if row is not None]
    if not rows or len(rows) < len(read):
        return None
    for k in range(len(rows) - 1, 0, -1):
        if not rows[k - 1][2] and len(rows[k][2]) > 1:
            rows[k - 1][2].append(rows[k][2].pop(0))
    if any(len(cells) != 1 for _, _, cells in rows[:-1]) or len(rows[-1][2]) > 1:
        return None  # (a row's effects are one cell: more, or none, and whose they are is not told)
    return [
        (i, "\t".join([name, *values, _effects(cells)])) for i, (name, values, cells) in zip(starts, rows, strict=True)
    ], last


def _record(segment: list[tuple[str, bool]]) -> tuple[str, list[str], list[list[str]]] | None:
    """One indicator's name, values and effects' cells (each its items) from its lines, each with
    whether a blank line came before it (see `records`); None where it holds other than two values,
    or a value may be an effect's line (right below an effect's line that did not end it)."""
    first = segment[0][0]
    if len(segment) == 1:
        return first, ["", ""], []  # a row of its name alone (`⑤－`): the table's last, left empty
    name = [first]
    values: list[str] = []
    m = VALUE_AT_END.search(first)
    skip: set[int] = set()
    if m is not None:
        name, values = [first[: m.start()].rstrip()], [m.group().strip()]
    elif (side := _side_by_side(segment)) is not None:
        name, values, skip = [side[0]], [side[1]], {side[2]}
    width = display_width(name[0]) + _CLOSE
    cells: list[list[str]] = []
    beside = bool(values)  # the target's value stood beside the name (its first line's end, or a line's)
    alone = False  # a short box of its own came after the name, its one value beside it: the effects'
    banded = False  # a line held the name's piece beside the values: the row is written a printed line at a time
    for j, (text, blank) in enumerate(segment):
        if j == 0 or j in skip:
            continue
        wrapped = _wrapped_value(segment, j)
        if wrapped is not None:
            values.append(wrapped)  # a value's box of two lines (`見守り訪問30` `世帯`)
            skip.add(j + 1)
            continue
        rest = _run_on(text, name, width) if not blank and not cells else None
        if rest is not None:
            name.append(rest[0])
            values.append(rest[1])
            beside = len(values) == 1
            continue
        band = _band(text, name, width)
        if band is not None:
            banded = True
            name.append(band[0])
            values += band[1]
            if band[2] is None:
                continue
            text = band[2]
        elif banded and cells and _fills(name[-1], width) and _short(text, width) and not _ended(cells[-1][-1]):
            name.append(text)  # the name's line between its effects' (`の設置数`)
            continue
        if is_value(text):
            if cells and not blank and not cells[-1][-1].endswith("。"):
                return None  # (`・パスの作成件` `数 250 件`: an item's line, or a value?)
            values.append(text)
            continue
        pair = _two_values(text)
        if pair is not None and len(values) == 0:
            values += pair  # the two values on one line (`病院訪問19病院 病院訪問17病院`)
            banded = banded or bool(cells)  # (after an effect's first line: the row a printed line at a time)
            continue
        head, _, rest_text = text.partition(" ")
        if rest_text and is_value(head) and head[0] not in BULLET:
            values.append(head)
            text = rest_text  # a value before an effect's text on its line
        if _ITEMS.search(text):
            return None  # (two items on a line: not a box at a time)
        if not cells and text[0] not in BULLET and display_width(text) <= width:
            if len(values) == _VALUES or text.endswith("。"):
                return None  # (a short effect's line after both values: no name's, and no name ends so)
            if values and display_width(name[-1]) < width - 2 * _CLOSE:
                if not (beside and blank and len(values) == 1):
                    return None  # (the name ended on a short line before its value: a value's rest?)
                cells.append([text])  # a box of its own after the name's, whose value stood beside it
                alone = True
                continue
            name.append(text)
        elif text[0] in BULLET and cells and cells[-1][0][0] in BULLET:
            cells[-1].append(text)
        elif text[0] not in BULLET and cells and not cells[-1][-1].endswith("。"):
            cells[-1][-1] += text
        else:
            cells.append([text])
    if len(values) == 1 and alone and len(cells) == 1:
        values.append("")  # the result's cell empty: the one value stood beside the name, the target's
    if len(values) != _VALUES:
        return None
    return join_cell([(0, part, False) for part in name]), values, cells


def _effects(cells: list[list[str]]) -> str:
    """The effects' one cell: its text, or its items a space apart (`・… ・…`); the last row's may be empty."""
    if not cells:
        return ""
    return join_cell([(0, item, False) for item in cells[0]])


def _fills(text: str, width: int) -> bool:
    """Whether a name's line fills its column (`width`: its first line's and a little more): it goes on."""
    return display_width(text) >= width - 2 * _CLOSE


def _short(text: str, width: int) -> bool:
    """Whether a line may be a name's piece: within its column, no item, value or sentence's end."""
    return display_width(text) <= width and text[0] not in BULLET and not is_value(text) and not _ended(text)


def _ended(text: str) -> bool:
    return text.endswith("。")


def _run_on(text: str, name: list[str], width: int) -> tuple[str, str] | None:
    """The name's next line and a value beside it, where a name that fills its column goes on in a
    line that ends with a value (`③ ピアサポー` `ター養成研修60人` `修了者数`: the name's line as
    wide as its first, the value centred beside it); else None."""
    m = VALUE_AT_END.search(text)
    if m is None or not _fills(name[-1], width):
        return None
    piece, value = text[: m.start()], m.group().strip()
    if " " in piece:
        piece, _, label = piece.partition(" ")  # a value with its label (`ーターの活 活動件数20件`)
        value = f"{label}{value}"
        if not is_value(value):
            return None
    if not piece or not _fills(piece, width) or display_width(piece) > width or re.search(r"[\s0-9０-９]", piece):
        return None
    return piece, value


def _band(text: str, name: list[str], width: int) -> tuple[str, list[str], str | None] | None:
    """A printed line of the row: the name's piece, its values and an effect's text beside them
    (`ける協議の場100市町村96市町村 したことで、前年度から…`), where the name above fills its column
    and the piece does too; else None."""
    m = _BAND.fullmatch(text)
    if m is None or m.group(4) is None or not _fills(name[-1], width):
        return None
    piece = m.group(1)
    if not _fills(piece, width) or display_width(piece) > width:
        return None
    return piece, [v for v in m.group(2, 3) if v], m.group(4)


def _two_values(text: str) -> list[str] | None:
    """The row's two values on one line a space apart (`病院訪問19病院 病院訪問17病院`), or None."""
    for m in re.finditer(" ", text):
        first, second = text[: m.start()], text[m.end() :]
        if (
            is_value(first)
            and is_value(second)
            and re.search(r"[0-9０-９]", first)
            and re.search(r"[0-9０-９]", second)
        ):
            return [first, second]
    return None


def _wrapped_value(segment: list[tuple[str, bool]], j: int) -> str | None:
    """The value a box of two lines from segment[j] makes, its words wrapped before its count's unit
    or inside its label (`見守り訪問30` `世帯`, `支援計画の作成` `率86%`); else None."""
    if not segment[j][1] or j + 1 >= len(segment) or segment[j + 1][1]:
        return None
    if j + 2 < len(segment) and not segment[j + 2][1]:
        return None  # (a box of more lines)
    first, second = segment[j][0], segment[j + 1][0]
    if is_value(first) or first[0] in BULLET or _ended(second):
        return None
    joined = join_cell([(0, first, False), (0, second, False)])
    return joined if is_value(joined) and re.search(r"[0-9０-９]", joined) else None


def _side_by_side(segment: list[tuple[str, bool]]) -> tuple[str, str, int] | None:
    """The name's first line, the target's value and the index of its value's last line, where the
    row's first box holds the name's lines with the target's first line beside its first, a space
    apart, and the target's rest as the box's last line (`② 措置入院者の退院後 支援計画の作成`
    `支援` `率80%`); else None."""
    end = next((j for j in range(1, len(segment)) if segment[j][1]), len(segment))
    first = segment[0][0]
    if end < _SIDE_LINES or " " not in first.rstrip():
        return None
    head, tail = first.rstrip().rsplit(" ", 1)
    last = segment[end - 1][0]
    if not CIRCLED.match(head) or is_value(tail) or not is_value(last) or display_width(last) > display_width(tail):
        return None
    joined = join_cell([(0, tail, False), (0, last, False)])
    return (head, joined, end - 1) if is_value(joined) else None
