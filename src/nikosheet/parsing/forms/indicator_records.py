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
_LIFTED = f"{OUTCOME_COLUMNS['name']}\t{OUTCOME_COLUMNS['target']}"  # the header row's first cells


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
    if any(len(cells) != 1 for _, _, cells in rows):
        return None  # (a row's effects are one cell: more, or none, and whose they are is not told)
    return [
        (i, "\t".join([name, *values, _effects(cells)])) for i, (name, values, cells) in zip(starts, rows, strict=True)
    ], last


def _record(segment: list[tuple[str, bool]]) -> tuple[str, list[str], list[list[str]]] | None:
    """One indicator's name, values and effects' cells (each its items) from its lines, each with
    whether a blank line came before it (see `records`); None where it holds other than two values,
    or a value may be an effect's line (right below an effect's line that did not end it)."""
    first = segment[0][0]
    name = [first]
    values: list[str] = []
    m = VALUE_AT_END.search(first)
    if m is not None:
        name, values = [first[: m.start()].rstrip()], [m.group().strip()]
    width = display_width(name[0]) + _CLOSE
    cells: list[list[str]] = []
    for text, blank in segment[1:]:
        if is_value(text):
            if cells and not blank and not cells[-1][-1].endswith("。"):
                return None  # (`・パスの作成件` `数 250 件`: an item's line, or a value?)
            values.append(text)
            continue
        head, _, rest = text.partition(" ")
        if rest and is_value(head) and head[0] not in BULLET:
            values.append(head)
            text = rest  # a value before an effect's text on its line
        if _ITEMS.search(text):
            return None  # (two items on a line: not a box at a time)
        if not cells and text[0] not in BULLET and display_width(text) <= width:
            if len(values) == _VALUES or text.endswith("。"):
                return None  # (a short effect's line after both values: no name's, and no name ends so)
            if values and display_width(name[-1]) < width - 2 * _CLOSE:
                return None  # (the name ended on a short line before its value: a value's rest?)
            name.append(text)
        elif text[0] in BULLET and cells and cells[-1][0][0] in BULLET:
            cells[-1].append(text)
        elif text[0] not in BULLET and cells and not cells[-1][-1].endswith("。"):
            cells[-1][-1] += text
        else:
            cells.append([text])
    if len(values) != _VALUES:
        return None
    return join_cell([(0, part, False) for part in name]), values, cells


def _effects(cells: list[list[str]]) -> str:
    """The effects' one cell: its text, or its items a space apart (`・… ・…`)."""
    return join_cell([(0, item, False) for item in cells[0]])
