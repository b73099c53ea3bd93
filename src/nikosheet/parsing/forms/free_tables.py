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

The lines after the history's title (and after its paragraphs) are read so for two to five columns;
the table is taken only when every column wrapped at one width in two rows or more, no line is wider
than its column and the columns fit the page.  Else the lines stay as they were.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState
from nikosheet.parsing.forms._shared import display_width

_Line = tuple[int, str]  # source index, text
_TOLERANCE = 4  # display columns a wrapped line may stop short of its column (line-breaking rules)
_HEADER_CELL = 40  # display columns: a header cell on one line is short
_SENTENCE_END = "。"
_CAPTIONS = 3  # lines of text that may come before the table (its caption, a title)


def rebuild(state: FormState, lines: list[_Line], page: int) -> bool:
    """Rebuild the lines from one of the first few on (a caption or two may come first; `lines`: the
    history's text lines up to its next table or heading) when they read as a table to their end;
    whether they did (`page`: the page's width)."""
    for start in range(min(_CAPTIONS + 1, len(lines))):
        if _SENTENCE_END in lines[start][1]:
            continue
        for columns in range(2, 6):
            rows = _rows(lines[start:], columns, page)
            if rows is not None:
                _write(state, lines[start:], rows)
                return True
    return False


def _header(lines: list[_Line], columns: int) -> tuple[list[str], int] | None:
    """The header's cells and its lines' count: a short cell a line, or the cells on one line joined
    by a space (pypdf); None when the lines do not start so."""
    words = lines[0][1].split()
    if len(words) == columns and all(display_width(w) <= _HEADER_CELL for w in words):
        return words, 1
    cells = [text for _, text in lines[:columns]]
    if all(display_width(text) <= _HEADER_CELL and " " not in text for text in cells):
        return cells, columns
    return None


def _rows(lines: list[_Line], columns: int, page: int) -> list[tuple[int, list[str]]] | None:
    """The lines as a header and rows of `columns` cells (each cell's lines joined), each with its
    first line's index, or None when they do not read as such a table to their end."""
    header = _header(lines, columns) if len(lines) >= 3 * columns else None
    if header is None:
        return None
    widths: list[int | None] = [None] * columns  # each column's width, from its first cell that wrapped
    cells: list[list[_Line]] = []
    at = header[1]
    while at < len(lines):
        column = len(cells) % columns
        cell, at = _cell(lines, at, widths[column])
        if len(cell) > 1 and widths[column] is None:
            widths[column] = display_width(cell[0][1])
        cells.append(cell)
    if len(cells) % columns or len(cells) < 2 * columns or not _consistent(cells, columns, widths, page):
        return None
    rows = [cells[k : k + columns] for k in range(0, len(cells), columns)]
    body = [(row[0][0][0], ["".join(text for _, text in cell) for cell in row]) for row in rows]
    return [(lines[0][0], header[0]), *body]


def _cell(lines: list[_Line], at: int, width: int | None) -> tuple[list[_Line], int]:
    """The cell from lines[at] on and where the next begins: its lines go on while each fills the
    column (`width`, or the first line's where not known yet) and the next is no wider."""
    cell = [lines[at]]
    full = width if width is not None else display_width(lines[at][1])
    while at + 1 < len(lines):
        this, after = display_width(cell[-1][1]), display_width(lines[at + 1][1])
        if this < full - _TOLERANCE or after > full + _TOLERANCE // 2:
            break
        at += 1
        cell.append(lines[at])
    return cell, at + 1


def _consistent(cells: list[list[_Line]], columns: int, widths: list[int | None], page: int) -> bool:
    """Every column wrapped at its width in two cells or more, none of its lines wider, and the
    columns together no wider than the page."""
    for column in range(columns):
        width = widths[column]
        mine = cells[column::columns]
        wrapped = [cell for cell in mine if len(cell) > 1]
        if width is None or len(wrapped) < 2:
            return False
        if any(abs(display_width(cell[0][1]) - width) > _TOLERANCE // 2 for cell in wrapped):
            return False
        if any(display_width(text) > width + _TOLERANCE // 2 for cell in mine for _, text in cell):
            return False
    return sum(w or 0 for w in widths) <= page


def _write(state: FormState, lines: list[_Line], rows: list[tuple[int, list[str]]]) -> None:
    """The header and the rows as tab rows, each at its first line; the other lines taken."""
    for index, _ in lines:
        state.lines[index] = None
    for index, cells in rows:
        state.lines[index] = "\t".join(cells)
