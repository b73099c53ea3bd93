"""A table of the sheet's own in the history's text, written a cell per line: rebuilt by its widths.

Besides the template's 年度 / 経過 / 委託 table, a sheet may give its history a table of its own
(柏市: its 取組シート's plan, aims and goals). A PDF converter writes it a cell per line like the
template's tables, but no header word or pivot tells its rows.  Its columns do: every line of a cell
but its last fills its column, so the lines fall into runs of one width, and the runs of a row follow
each other column by column:

    地域包括ケア推進計画                 (20)                  地域包括ケア推進計画⇥協定内容等、取組の経緯⇥基本目標
    協定内容等、取組の経緯               (22)  a header cell   精神障害者に…整える。⇥精神障害者に…整える。⇥基本目標1 …
    基本目標                             (8)   a line          …
    精神障害者に対する地域包括ケアシステム (38) ┐          →
    の構築を推進し、地域で暮らすことのでき (38) │ column 1
    る環境を整える。                     (16) ┘
    精神障害者に対する地域包括           (26) ┐ column 2
    …

A cell's line that ends a sentence (`。`) a character or more short of its column ends the cell (the
next sentence would have gone on that line): a cell's last line may fall within the width a wrap allows
a full line (`すことのできる環境を整える。` beside a column of `精神障害者に対する地域包括ケアシ`).  A header
cell may wrap onto a second line (a narrow column's, `重点的な取` / `組項目`) where its lines but the last are
as wide as the column's widest (give or take a wrap's slack: a caption above is no header cell's line).

pdfplumber (and markitdown, its pipe rows made lines, see `centred_pipes`) writes the table a printed
line at a time, each line the pieces of the row's cells on it joined by a space, the header's cells on
one line:

    地域包括ケア推進計画 協定内容等、取組の経緯 基本目標
    精神障害者に対する地域包括ケアシ 精神障害者に対する地域包括ケアシ 基本目標1 市民や関係者が精神障害者の権
    ステムの構築を推進し、地域で暮ら ステムの構築を推進し、地域で暮ら 利意識を高め、地域で暮らすことのできる
    すことのできる環境を整える。 すことのできる環境を整える。 環境を整える。

There each column's width is the widest piece that lines of as many pieces as columns show at least
twice, each line is cut into pieces no wider than their columns (a piece holds a space of its own,
`基本目標1 市民…`), a piece going to a column whose cell goes on (its last line full, no sentence ended
a character or more short) or, in a row, to one that has none yet; a row ends where every cell has
ended, and the table, after two rows, at a note (`※…`) or a line of more than eight pieces.  A Word
document's text (LibreOffice's text export, docx2txt: its tables a cell per line) writes each cell whole
on a line of its own: there, after a header of short cells a line each (no caption's bracket), the lines
are the cells in turn, as many as the whole rows' (none a list's item or a note, every line as far from
the next: an empty cell would shift the cells after it), the first column one kind of cell, labels or
texts; of the readings, the one that leaves the fewest lines out, then of the most columns of one kind,
and none where two tie.

The lines after the history's title (from the first, or after up to three lines of captions) are read so
for two to five columns; a cell per line, the table is taken when every column wrapped at one width in two rows or more
(the first may hold one-line labels, as wide as its widest together with the others no wider than the
page), no line is wider than its column and the columns fit the page, up to a line after two rows that
is wider than any cell's line or a note (the text below).  Else the lines stay as they were, with a
`missing-table` warning where they start as a table (a header of short cells, no caption's marks, and
lines for two rows after it, none a list's item or a note).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.cell_lines_docx import paragraphs_unwrapped
from nikosheet.vocabulary import EVENT_COLUMNS

_Line = tuple[int, str]  # source index, text
_TOLERANCE = 4  # display columns a wrapped line may stop short of its column (line-breaking rules)
_HEADER_CELL = 40  # display columns: a header cell on one line is short
_SENTENCE_END = "。"
_CAPTIONS = 3  # lines of text that may come before the table (its caption, a title)
_COLUMNS = range(2, 6)  # a table's columns: two to five
_WRAPPED_HEADER = 2  # lines a header's cells may wrap onto besides their own
# a caption's marks (`＜…＞`, `（1）…`): no header cell that is told by its place alone holds one
_BRACKETS = "（(＜<【［[「"
_NOTE = "※"  # a note below a table starts so
_NOT_A_CELL = ("・", "•", "-", "*", _NOTE)  # a list's item, a note: no cell of a Word document's table starts so
_MOST_PIECES = 8  # a printed line's space-joined pieces at most (its cuts are tried every way)
_SEEN = 2  # a column's width is a piece's that lines of a piece a column show so often


def rebuild(state: FormState, lines: list[_Line], page: int) -> bool:
    """Rebuild the lines from one of the first few on (a caption or two may come first; `lines`: the
    history's text lines up to its next table or heading) when they read as a table; whether they did
    (`page`: the page's width).  Where they start as a table and no reading holds, a warning."""
    starts = [start for start in range(min(_CAPTIONS + 1, len(lines))) if _SENTENCE_END not in lines[start][1]]
    source = state.source
    word = paragraphs_unwrapped(source.split("\n"))  # (a Word document's text: no line wrapped)
    if word:
        if not signals.cell_lines_docx(source) or signals.grid_tables(source):
            return False  # (a Markdown or pandoc text: its tables are read as such)
        found = _word_reading(lines, starts)
    else:
        found = next(
            (
                (start, reading)
                for start in starts
                for columns in _COLUMNS
                if (reading := _rows(lines[start:], columns, page) or _printed_rows(lines[start:], columns, page))
            ),
            None,
        )
    if found is None:
        _unread(state, lines, starts, word)
        return False
    start, (rows, used) = found
    _write(state, lines[start : start + used], rows)
    return True


def _word_reading(lines: list[_Line], starts: list[int]) -> tuple[int, _Rows] | None:
    """A Word document's table a cell a line: of the readings, the one that leaves the fewest lines out of
    the table (a table of texts reads as one of a column fewer too, its first header cell a caption), then
    of the most columns that hold one kind of cell (a table of labels and texts reads as one of twice the
    columns too); none where two readings tie (which is the table is not in the text)."""
    readings = [
        ((len(lines) - found[0][1], -found[1]), start, found[0])
        for start in starts
        for columns in _COLUMNS
        if (found := _line_rows(lines[start:], columns)) is not None
    ]
    best = min((key for key, _, _ in readings), default=None)
    chosen = [(start, reading) for key, start, reading in readings if key == best]
    return chosen[0] if len(chosen) == 1 else None


def _unread(state: FormState, lines: list[_Line], starts: list[int], word: bool) -> None:
    """A warning where the lines start as a table (a header of two to five short cells, no caption's
    marks, a line each in a Word document's text, and lines enough for two rows after it, none a list's
    item or a note) that no reading cut into rows: its lines stay as text."""
    for start in starts:
        for columns in _COLUMNS:
            header = _header(lines[start:], columns)
            if header is None or len(lines) - start - header[1] < 2 * columns or _captioned(header[0]):
                continue
            if word and header[1] != columns:
                continue  # (a Word document's header cells are a line each)
            if any("|" in cell for cell in header[0]) or tuple(header[0]) == tuple(EVENT_COLUMNS.values()):
                continue  # (a pipe table's rows, the template's own table: read by their forms)
            if any(text.startswith(_NOT_A_CELL) for _, text in lines[start + header[1] :]):
                continue  # (a list's items or notes under a caption: text)
            message = messages.OWN_TABLE_NOT_READ(first=header[0][0], count=len(lines) - start)
            state.note(Diagnostic.MISSING_TABLE, lines[start][0], str(message))
            return


def _captioned(cells: list[str]) -> bool:
    """Whether a header's cells hold a caption's mark (`＜これまでの経過＞`, `（1）退院支援`): text, no header."""
    return any(mark in cell for cell in cells for mark in _BRACKETS)


def _header(lines: list[_Line], columns: int) -> tuple[list[str], int] | None:
    """The header's cells and its lines' count: a short cell a line, or the cells on one line joined
    by a space (pypdf); None when the lines do not start so."""
    if len(lines) < columns:
        return None
    words = lines[0][1].split()
    if len(words) == columns and all(display_width(w) <= _HEADER_CELL for w in words):
        return words, 1
    cells = [text for _, text in lines[:columns]]
    if all(display_width(text) <= _HEADER_CELL and " " not in text for text in cells):
        return cells, columns
    return None


_Rows = tuple[list[tuple[int, list[str]]], int]  # the header and the rows (each at its first line), the lines read


def _rows(lines: list[_Line], columns: int, page: int) -> _Rows | None:
    """The lines as a header and rows of `columns` cells (each cell's lines joined), each with its
    first line's index, or None when they do not read as such a table (to their end, or up to a line
    after two rows or more that is wider than any column's: the text below it)."""
    for header, count in _headers(lines, columns) if len(lines) >= 3 * columns else ():
        cells = _cells(lines[count:], columns)
        if cells is None or not _consistent(*cells, columns, page) or not _header_fits(header, cells[0], columns):
            continue
        rows = [cells[0][k : k + columns] for k in range(0, len(cells[0]), columns)]
        body = [(row[0][0][0], ["".join(text for _, text in cell) for cell in row]) for row in rows]
        head = (lines[0][0], ["".join(text for _, text in cell) for cell in header])
        return [head, *body], count + sum(map(len, cells[0]))
    return None


def _cells(lines: list[_Line], columns: int) -> tuple[list[list[_Line]], list[int | None]] | None:
    """The body's cells in turn, and each column's width (from its first cell that wrapped); None where
    they make no whole rows, two or more."""
    widths: list[int | None] = [None] * columns
    cells: list[list[_Line]] = []
    at = widest = 0  # (the widest line of the cells so far)
    while at < len(lines):
        column = len(cells) % columns
        if not column and len(cells) >= 2 * columns and _below(lines[at][1], widest):
            break
        cell, at = _cell(lines, at, widths[column])
        if len(cell) > 1 and widths[column] is None:
            widths[column] = display_width(cell[0][1])
        cells.append(cell)
        widest = max(widest, *(display_width(text) for _, text in cell))
    if len(cells) % columns or len(cells) < 2 * columns:
        return None
    return cells, widths


def _headers(lines: list[_Line], columns: int) -> Iterator[tuple[list[list[_Line]], int]]:
    """The header's readings, each its cells' lines and its lines' count: its cells on one line, or a
    short cell a line, or one or two cells wrapped onto a second line (a narrow column's, `重点的な取` /
    `組項目`, see `_header_fits`)."""
    found = _header(lines, columns)
    if found is not None:
        cells, count = found
        yield [[(lines[0][0], cell)] for cell in cells] if count == 1 else [[line] for line in lines[:columns]], count
    for extra in range(1, _WRAPPED_HEADER + 1):
        count = columns + extra
        if len(lines) < count or not all(_label(text) and " " not in text for _, text in lines[:count]):
            return
        for cuts in itertools.combinations(range(1, count), columns - 1):
            yield [lines[a:b] for a, b in itertools.pairwise((0, *cuts, count))], count


def _header_fits(header: list[list[_Line]], cells: list[list[_Line]], columns: int) -> bool:
    """Whether each header cell's lines but its last fill its column, as wide as its widest line (give or
    take a wrap's slack: a caption above the header is no header cell's first line)."""
    for column, cell in enumerate(header):
        widest = max(display_width(text) for body in cells[column::columns] for _, text in body)
        if any(abs(display_width(text) - widest) > _TOLERANCE for _, text in cell[:-1]):
            return False
    return True


def _below(text: str, widest: int) -> bool:
    """Whether a line that would start a row is the text below the table: a note (`※…`), or wider than
    any of the cells' lines (`widest`: a cell's line is no wider than its column)."""
    return text.startswith(_NOTE) or display_width(text) > widest + _TOLERANCE


def _cell(lines: list[_Line], at: int, width: int | None) -> tuple[list[_Line], int]:
    """The cell from lines[at] on and where the next begins: its lines go on while each fills the
    column (`width`, or the first line's where not known yet) and the next is no wider."""
    cell = [lines[at]]
    full = width if width is not None else display_width(lines[at][1])
    while at + 1 < len(lines):
        this, after = display_width(cell[-1][1]), display_width(lines[at + 1][1])
        if this < full - _TOLERANCE or after > full + _TOLERANCE // 2 or _ends(cell[-1][1], full):
            break
        at += 1
        cell.append(lines[at])
    return cell, at + 1


def _ends(text: str, width: int) -> bool:
    """Whether a cell's line ends it: a sentence's end a character or more short of its column."""
    return text.endswith(_SENTENCE_END) and display_width(text) <= width - _TOLERANCE // 2


def _line_rows(lines: list[_Line], columns: int) -> tuple[_Rows, int] | None:
    """A Word document's table: after the header, each line a cell, the rows' cells as many as there
    are whole rows (a line or more left over, fewer than a row's cells, is the text below), where the
    first column holds one kind of cell, labels or texts, and a column texts (else the lines are read a
    cell out of their columns, or are no table); no header cell holds a bracket (a caption's), no cell
    starts as a list's item or a note, and the lines stand evenly apart (an empty cell is an empty line,
    or a blank line more: the cells after it would go to the wrong columns).  With how many columns hold
    one kind of cell."""
    header = _header(lines, columns)
    if header is None or header[1] != columns or _captioned(header[0]):
        return None  # (a Word document's header cells are a line each)
    body = lines[header[1] :]
    body = body[: len(body) - len(body) % columns]
    if len(body) < 2 * columns or any(text.startswith(_NOT_A_CELL) for _, text in body):
        return None
    if len({b[0] - a[0] for a, b in itertools.pairwise(lines[: header[1] + len(body)])}) > 1:
        return None
    rows = [body[k : k + columns] for k in range(0, len(body), columns)]
    kinds = [{_label(text) for row in rows for _, text in row[c : c + 1]} for c in range(columns)]
    if len(kinds[0]) > 1 or all(kind == {True} for kind in kinds):
        return None  # (a first column of labels and texts both, the rows out of their columns; no text: no table)
    head = (lines[0][0], header[0])
    body_rows = [(row[0][0], [text for _, text in row]) for row in rows]
    return ([head, *body_rows], header[1] + len(body)), sum(len(kind) == 1 for kind in kinds)


def _label(text: str) -> bool:
    """Whether a cell is a label (short, no sentence), not a text."""
    return display_width(text) <= _HEADER_CELL and _SENTENCE_END not in text


def _printed_rows(lines: list[_Line], columns: int, page: int) -> _Rows | None:
    """The table written a printed line at a time, the header's cells on its first line: each line cut
    into its cells' pieces, the rows ending where every cell has ended (the table, after two rows or
    more, where a line fits none: the text below)."""
    header = _header(lines, columns) if len(lines) >= 3 else None
    if header is None or header[1] != 1:
        return None
    pieces = [text.split(" ") for _, text in lines[1:]]
    widths = _printed_widths(pieces, columns)
    if widths is None or sum(widths) + columns - 1 > page:
        return None
    rows: list[tuple[int, list[list[str]]]] = []
    cells: list[list[str]] = []
    used = 1
    for (index, text), words in zip(lines[1:], pieces, strict=True):
        if len(words) > _MOST_PIECES or text.startswith(_NOTE):  # (the text below the table, or no table)
            if len(rows) < 2:
                return None
            break
        placed = _placed(words, widths, cells) if cells else None
        if placed is None:  # (a new row: every cell of the row above ended, or none of them takes the line)
            fresh: list[list[str]] = [[] for _ in range(columns)]
            placed = _placed(words, widths, fresh)
            if placed is None and len(rows) >= 2:
                break
            if placed is None:
                return None
            cells = fresh
            rows.append((index, cells))
        for column, piece in placed:
            cells[column].append(piece)
        used += 1
    if len(rows) < 2 or any(sum(1 for _, row in rows if row[c]) < 2 for c in range(columns)):
        return None
    body = [(index, ["".join(cell) for cell in row]) for index, row in rows]
    return [(lines[0][0], header[0]), *body], used


def _printed_widths(pieces: list[list[str]], columns: int) -> list[int] | None:
    """Each column's width: the widest piece the lines of as many pieces as columns show at least twice."""
    seen = [Counter(display_width(words[c]) for words in pieces if len(words) == columns) for c in range(columns)]
    widths = [max((w for w, n in counts.items() if n >= _SEEN), default=0) for counts in seen]
    return widths if all(widths) else None


def _placed(words: list[str], widths: list[int], cells: list[list[str]]) -> list[tuple[int, str]] | None:
    """The line's pieces, each with its column: cut at its spaces into pieces no wider than their columns,
    each going to a column whose cell goes on or has no line yet (of the ways, the one that takes the
    most columns whose cells go on, then the fewest whose last line ended a sentence, as wide as the
    column, then the fewest columns); None where no way does."""
    best: tuple[tuple[int, ...], list[tuple[int, str]]] | None = None
    for count in range(1, min(len(words), len(widths)) + 1):
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            parts = [" ".join(words[a:b]) for a, b in itertools.pairwise((0, *cuts, len(words)))]
            for chosen in itertools.combinations(range(len(widths)), count):
                if not all(_takes(cells[c], parts[n], widths[c]) for n, c in enumerate(chosen)):
                    continue
                going_on = [c for c in chosen if cells[c]]
                ended = sum(1 for c in going_on if cells[c][-1].endswith(_SENTENCE_END))
                key = (-len(going_on), ended, count)
                if best is None or key < best[0]:
                    best = (key, list(zip(chosen, parts, strict=True)))
    return None if best is None else best[1]


def _takes(cell: list[str], piece: str, width: int) -> bool:
    """Whether the column's cell takes the piece: no wider than the column, and the cell has no line
    yet or its last line fills the column (the cell goes on)."""
    if display_width(piece) > width + _TOLERANCE // 2:
        return False
    if not cell:
        return True
    last = display_width(cell[-1])
    return last >= width - _TOLERANCE and not _ends(cell[-1], width)


def _consistent(cells: list[list[_Line]], widths: list[int | None], columns: int, page: int) -> bool:
    """Every column wrapped at its width in two cells or more (the first may hold labels a line each), none
    of its lines wider, and the columns together no wider than the page."""
    labels = 0
    for column in range(columns):
        width = widths[column]
        mine = cells[column::columns]
        wrapped = [cell for cell in mine if len(cell) > 1]
        if not column and not wrapped:  # (the rows' labels, each on a line: as wide as the widest at least)
            labels = max(display_width(text) for cell in mine for _, text in cell)
            continue
        if width is None or len(wrapped) < 2:
            return False
        if any(abs(display_width(cell[0][1]) - width) > _TOLERANCE // 2 for cell in wrapped):
            return False
        if any(display_width(text) > width + _TOLERANCE // 2 for cell in mine for _, text in cell):
            return False
    return labels + sum(w or 0 for w in widths) <= page


def _write(state: FormState, lines: list[_Line], rows: list[tuple[int, list[str]]]) -> None:
    """The header and the rows as tab rows, each at its first line; the other lines taken."""
    for index, _ in lines:
        state.lines[index] = None
    for index, cells in rows:
        state.lines[index] = "\t".join(cells)
