"""Rows of centred cells cut apart and gathered: the template's rows that a LibreOffice PDF's layout
text wrote in one block of lines, for `centred_cells`.

A block of lines between blank lines is one row of the table, but not always: several dates of a
schedule or a history, several of section 5's roles, several indicators (①, ②) or several rows of a
statistics group may share a block when no blank line came between them.  Each is cut into a row
per label, a later column's lines going to the label nearest them (a row centres its own cells):

    R5年4月      連絡会          方針の確認              R5年4月⇥連絡会⇥方針の確認
    R5年6月      第1回部会       重点課題の決定    →     R5年6月⇥第1回部会⇥重点課題の決定

A history's date beside several entries gives a row to each entry, and section 5's issue, centred
beside its roles, moves to the row of its first role, as a row-spanned cell stands in the samples'
form.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from nikosheet.parsing.forms._shared import cell_line, char_width, display_width, join_wrapped, room_left
from nikosheet.parsing.forms.layout_lines import ITEM_BULLETS
from nikosheet.vocabulary import (
    CIRCLED,
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    EVENT_ENDS,
    INDICATORS_HEAD,
    INPATIENT_AGES,
    INPATIENT_SHARES,
    MENTAL_HEALTH_SUBCOMMITTEE,
    ROLES,
    SAME_AS_ABOVE,
    SETUP_LEVELS,
)

# a history's or schedule's first cell: 平成25年度, R5年5月, 令和6年4月, 2016年度, 2023年5月, 5月, 現在,
# the template's R●年度
DATE_RE = re.compile(r"(?:R|H|令和|平成)\s*[0-9０-９元●]|(?:19|20)[0-9]{2}\s*年|[0-9０-９]{1,2}\s*月|現在")
_OPEN_RANGE = re.compile(r"[～〜~]\s*(?:[RH]?\s*[0-9０-９]{1,2}\s*年)?$")  # a range whose end a wrap cut
# where an indicators' header cell starts, one space after the one before it
HEADER_CELL_RE = re.compile(r" (?=目標値|実績値|現状値|見込んでいる成果|具体的な成果)")
_ROLE_STARTS = ("行政", "保健", "医療", "福祉", "その他")  # section 5's roles, as their labels start
OTHERS = ROLES["others"]
_LATER = 1 << 16  # the indent of a row that continues a group: right of any first column
# the rows of section 1's groups, as their labels start
_SUB_LABELS = tuple(
    label[:3]
    for label in (
        "合計",
        *INPATIENT_SHARES.values(),
        *INPATIENT_AGES.values(),
        *DISCHARGE_RATES.values(),
        *CONSULTATION_OFFICES.values(),
        *(level for level, _ in SETUP_LEVELS.values()),
        MENTAL_HEALTH_SUBCOMMITTEE,
    )
)


def _cell(pieces: list[str]) -> str:
    """A column's lines, top to bottom: a wrapped text joined, bulleted lines a list."""
    entries: list[tuple[str, bool]] = []
    numbered = bool(pieces) and pieces[0][0] in CIRCLED
    for piece in pieces:
        # a numbered name's wrapped middle dot is no item: `① 保健` `・医療・福祉の連携`
        if not entries or (piece[0] in ITEM_BULLETS and (piece[0] in CIRCLED or not numbered)):
            entries.append((piece, piece[0] in ITEM_BULLETS))
        else:
            text, item = entries[-1]
            # a wide character on either side: Japanese wraps anywhere, even after a number (`年1` `回`)
            wide = char_width(text[-1]) == 2 or char_width(piece[0]) == 2
            entries[-1] = (text + piece if wide else join_wrapped(text, piece), item)
    return cell_line(entries)


@dataclass(slots=True)
class Row:
    """A table row: its source lines and each column's pieces."""

    first: int
    last: int
    indent: int  # where its first column starts
    columns: list[list[tuple[int, str]]]  # each column's pieces (source line, text), top to bottom

    def cells(self) -> list[str]:
        cells = [_cell([text for _, text in column]) for column in self.columns]
        if cells[0].startswith(INDICATORS_HEAD):  # an indicators' header, its cells one space apart
            return [part for cell in cells for part in HEADER_CELL_RE.split(cell)]
        return cells


def sub_rows(row: Row) -> list[Row]:
    """A statistics block that holds several rows of a group (no blank line between them): a row
    each, cut at the group's row labels, its label's cells in its first."""
    for c, column in enumerate(row.columns):
        if sum(1 for _, text in column if text.startswith(_SUB_LABELS)) >= 2:
            return _split(row, c, lambda text: text.startswith(_SUB_LABELS), _LATER)
    return [row]


def entry_rows(table: list[Row]) -> list[Row]:
    """A history's or schedule's rows, a date's cell beside several entries split into a row each: an
    entry ends on a line that leaves room in its column (the next line's text, or its first character,
    would have fitted: `_shared.room_left`)."""
    dated = [row for row in table if len(row.columns) >= 2 and row.columns[1] and DATE_RE.match(row_head(row))]
    if len(dated) < 2:
        return table
    # the column's width: its widest line (the middle of its wrapped lines may be one entry's whole
    # text, when few entries wrap)
    room = max(display_width(text) for row in dated for _, text in row.columns[1])
    out: list[Row] = []
    for row in table:
        if row not in dated:
            out.append(row)
            continue
        entries: list[list[tuple[int, str]]] = [[]]
        beside = [at for column in row.columns[2:] for at, _ in column]
        marked = {at for column in row.columns[2:] for at, text in column if text in SAME_AS_ABOVE}
        listed = False  # the line goes on with a list above it, however far from it
        for k, (at, text) in enumerate(row.columns[1]):
            if entries[-1] and (
                (not listed and _apart(entries[-1][-1][0], at, beside)) or _marked_again(entries[-1], at, marked)
            ):
                entries.append([])
            entries[-1].append((at, text))
            below = row.columns[1][k + 1][1] if k + 1 < len(row.columns[1]) else ""
            listed = goes_on_list(entries[-1], text, below)
            if not listed and (display_width(text) + 4 <= room or room_left(text, below, room)):
                entries.append([])
        entries = [entry for entry in entries if entry]
        later = _nearest_cells(entries, row.columns[2:])
        out.append(Row(row.first, row.last, row.indent, [row.columns[0], entries[0], *later[0]]))
        out.extend(
            Row(entry[0][0], entry[-1][0], _LATER, [[], entry, *cells])
            for entry, cells in zip(entries[1:], later[1:], strict=True)
        )
    return out


def goes_on_list(entry: list[tuple[int, str]], text: str, below: str) -> bool:
    """Whether the line below goes on with an entry that is a list (its first line a bulleted item): the
    list's next item (a bullet of its own), or its item's wrapped rest (no bullet, after an item's line
    that does not end as an event does).  A cell's list is one entry: the page set its items' text in
    from the column's edge, past the bullet, so how much room an item's line left is not told by the
    column's widest line (`・…区民ひろばでの「こころのカフェ」` / `を試行`)."""
    head = entry[0][1][:1]
    if not below or head not in ITEM_BULLETS or head in CIRCLED:
        return False
    if below[0] in ITEM_BULLETS:
        return below[0] not in CIRCLED
    return not text.endswith(EVENT_ENDS)


def centred_dates(rows: list[Row], left: int) -> list[Row]:
    """A history's or schedule's rows with each date moved up to its group's first row: a date's cell
    spans its group's rows and is centred in them, so the rows without a date between two dates
    belong to the lower one when they stand below the upper one's group (as far below its date as
    its first row is above it) and the lower date is centred between them and its own later rows.
    `left`: the table's first column's indent (a row set further in has no date)."""
    out = list(rows)
    dated = [k for k, row in enumerate(out) if row.indent <= left + 2 and DATE_RE.match(row_head(row))]
    for above, below in itertools.pairwise(dated):
        upper, lower = out[above], out[below]
        bottom = 2 * _centre(upper.columns[0]) - upper.first  # the upper date's group's last line
        k = next((k for k in range(above + 1, below) if (out[k].first + out[k].last) / 2 > bottom + 1), below)
        if k == below or len(lower.columns) < 2 or any(row.indent <= left + 2 for row in out[k:below]):
            continue
        centre = _centre(lower.columns[0])
        after = next((n for n in range(below + 1, len(out)) if out[n].indent <= left + 2), len(out))
        reach = 2 * centre - out[k].first + 1  # the lower date's group's last line, if it starts at row k
        last = max((row.last for row in out[below:after] if (row.first + row.last) / 2 <= reach), default=lower.last)
        if abs((centre - out[k].first) - (last - centre)) > 1.5:
            continue  # the date is not in the middle of those rows: they are the upper date's
        out[k] = Row(out[k].first, out[k].last, lower.indent, [lower.columns[0], *out[k].columns])
        out[below] = Row(lower.first, lower.last, _LATER, lower.columns[1:])
    return out


def _centre(pieces: list[tuple[int, str]]) -> float:
    """The middle line of a cell's pieces."""
    return sum(at for at, _ in pieces) / len(pieces)


def _marked_again(entry: list[tuple[int, str]], at: int, marked: set[int]) -> bool:
    """Whether line `at` and a line of `entry` each hold an 'as above' mark (↓) in a later column: the
    mark is a cell of its own, so the two lines are two entries however full the first one is."""
    return at in marked and any(line in marked for line, _ in entry)


def _apart(above: int, below: int, beside: list[int]) -> bool:
    """Whether two lines of a column, a line or more apart (the date's, centred between them), are two
    entries: the later columns' lines all stand on one side of the gap (one entry's cells, centred
    beside it), where one entry's would stand beside its middle."""
    if below - above < 2 or not beside:
        return False
    return all(at <= above for at in beside) or all(at >= below for at in beside)


def _nearest_cells(
    entries: list[list[tuple[int, str]]], columns: list[list[tuple[int, str]]]
) -> list[list[list[tuple[int, str]]]]:
    """The later columns' pieces given to the entry nearest them (each entry's row centres its own
    cells): for each entry, its cells."""
    centres = [sum(at for at, _ in entry) / len(entry) for entry in entries]
    cells: list[list[list[tuple[int, str]]]] = [[[] for _ in columns] for _ in entries]
    for k, column in enumerate(columns):
        for at, text in column:
            cells[min(range(len(entries)), key=lambda n: abs(at - centres[n]))][k].append((at, text))
    return cells


def row_head(row: Row) -> str:
    """The first line of the row's first cell ("" when it is empty)."""
    first = row.columns[0] if row.columns else []
    return first[0][1] if first else ""


def _role_column(row: Row) -> int | None:
    """The column of section 5's roles (行政, 医療, …, その他関係機関・住民等, wrapped or not)."""
    for c, column in enumerate(row.columns):
        texts = [text for _, text in column]
        if texts and texts[0].startswith(_ROLE_STARTS) and all(_is_role(t) for t in texts):
            return c
    return None


def _is_role(text: str) -> bool:
    return text.startswith(_ROLE_STARTS) or text in OTHERS


def roles_apart(left: list[str], right: list[str]) -> bool:
    """Two columns of role labels on different lines: the converter set one role's label a few
    positions off the other's (a label's position follows the width of the text before it)."""
    pairs = list(zip(left, right, strict=True))
    return (
        not any(a and b for a, b in pairs) and any(left) and any(right) and all(_is_role(t) for t in left + right if t)
    )


def _roles(row: Row) -> list[Row]:
    """A row that holds several roles (no blank line between them): a row each, the columns before
    the roles' staying in the first."""
    c = _role_column(row)
    return [row] if c is None else _split(row, c, lambda text: text.startswith(_ROLE_STARTS), _LATER)


def _numbered(row: Row) -> list[Row]:
    """A row that holds several indicators (①, ②, … in the first column, no blank line between): a
    row each."""
    marks = sum(1 for _, text in row.columns[0] if text[0] in CIRCLED)
    return _split(row, 0, lambda text: text[0] in CIRCLED, row.indent) if marks >= 2 else [row]


def _dates(row: Row) -> list[Row]:
    """A row that holds several dates of a schedule or a history (no blank line between them): a row
    each."""
    texts = [text for _, text in row.columns[0]]
    # (not a range's end that its column wrapped: `R6年8月～R7年` / `1月`)
    starts = [
        DATE_RE.match(t) is not None and not (k and _OPEN_RANGE.search(texts[k - 1])) for k, t in enumerate(texts)
    ]
    flags = iter(starts)
    return _split(row, 0, lambda _: next(flags), row.indent) if sum(starts) >= 2 else [row]


def _split(row: Row, c: int, starts: Callable[[str], bool], indent: int) -> list[Row]:
    """The row cut at each label that `starts` in column `c`: a later column's lines go to the label
    nearest them (its cells are centred beside it); the later rows get `indent`."""
    labels: list[list[tuple[int, str]]] = []
    for at, text in row.columns[c]:
        if starts(text) or not labels:
            labels.append([])
        labels[-1].append((at, text))
    if len(labels) < 2:
        return [row]
    later = _nearest_cells(labels, row.columns[c + 1 :])
    out = [Row(row.first, row.last, row.indent, [*row.columns[:c], labels[0], *later[0]])]
    for label, cells in zip(labels[1:], later[1:], strict=True):
        first = max(min(at for at, _ in [*label, *(p for cell in cells for p in cell)]), out[-1].first + 1)
        if first > row.last:
            return [row]
        out.append(Row(first, row.last, indent, [label, *cells]))
    return out


def gathered(table: list[Row]) -> list[Row]:
    """Section 5's issues: an issue's and its policies' cells, centred beside its roles, moved to the
    row of its first role (行政), as a row-spanned cell's text stands in the samples' form."""
    rows = [sub for row in table for part in _dates(row) for one in _numbered(part) for sub in _roles(one)]
    for i, row in enumerate(rows):
        c = _role_column(row)
        if not c:
            continue
        j = i
        while j > 0 and _role_column(rows[j - 1]) == 0 and not row_head(rows[j]).startswith("行政"):
            j -= 1
        if j < i and row_head(rows[j]).startswith("行政") and _role_column(rows[j]) == 0:
            rows[j] = Row(rows[j].first, rows[j].last, row.indent, [*row.columns[:c], *rows[j].columns])
            rows[i] = Row(row.first, row.last, _LATER, row.columns[c:])
    lead = 0  # the later roles of a group: an empty cell for each of its issue's cells
    for i, row in enumerate(rows):
        c = _role_column(row)
        if c == 0 and lead:
            rows[i] = Row(row.first, row.last, row.indent, [*([] for _ in range(lead)), *row.columns])
        else:
            lead = c or 0
    return rows
