"""Tables of a Word document's text: a paragraph per line, an empty cell as an empty paragraph.

LibreOffice's text export and docx2txt write a DOCX table cell by cell, each cell's paragraph whole
on a line of its own (a Word document's text is never wrapped at a page's width): LibreOffice one
line per cell, an empty cell as an empty line; docx2txt a blank line after each cell, so an empty
cell adds two blank lines.  A row-spanned cell is written empty in the rows it spans.  So unlike a
PDF's text, the cells are all there, in order, and the rows are counted, not guessed:

    名称                          名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    協議の場の構成員              代表者会議⇥保健, 医療, 福祉, 家族会⇥年1回⇥方針の決定⇥
    開催頻度                      実務者会議⇥保健, 医療, 福祉, ピアサポーター⇥年6回⇥具体的な課題…⇥
    実施内容              →
    特記事項等(課題・強み等)
    代表者会議
    保健, 医療, 福祉, 家族会
    年1回
    方針の決定
    (empty line: the empty cell)
    実務者会議
    …

A table is read so when its header is the template's, a cell per line, and the text is a Word
document's (a line wider than any PDF page's).  Its rows are found by their *pivot* cell (a date, a
year, a circled number, a frequency or a sector word, as `cell_lines_tables` knows them, and dates
such as `R7.3` or `R6年度下半期`): between two pivots there must be exactly a row's worth of cells.
A cell's list items are paragraphs of their own, marked (LibreOffice's `    • `, docx2txt's leading
tabs); a run of them is one cell, or, when the row lacks cells, the cells of parallel columns (a
target's, an actual's and an effect's lists) cut into equal runs, or, where they do not share out
evenly, where the target's first item and the actual's start alike.  When the cells do not add up,
the table is left to `cell_lines_tables`.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import GOAL_RE, cell_line, display_width, paragraphs_a_line

# the template's tables and the lines that end one, as the one-cell-per-line reader knows them
from nikosheet.parsing.forms.template_tables import HEADING, MONTH_HEADER, TABLES, Table, ends_table
from nikosheet.parsing.lazy_re import compile_lazily

# Its patterns are compiled on first use (see `lazy_re`): the forms of a PDF's text import this module for
# `paragraphs_unwrapped` alone, and compiling the rest (the template's header cells, the dates) cost them
# more than a sheet's reading.
_SPACE = compile_lazily(r"\s+")
# LibreOffice's list paragraph (`    • `, `    1. `), docx2txt's (a leading tab)
_LIST_ITEM = compile_lazily(r"^(?: {2,}(?:•|[0-9]{1,2}[.)]) +|\t+)")
_PAGE_WIDTH = 140  # display columns: no PDF page's line is as wide (A4 at 8 pt holds ~128)
_HEADER_CELLS = tuple(tuple(compile_lazily(cell) for cell in table.header) for table in TABLES)
# pivots the template's patterns leave out: dates in a schedule or the history, frequencies
_DATE = compile_lazily(
    r"(?:(?:令和|平成|昭和|[RHS])\s*[0-9０-９元●○]+\s*(?:年|[.．/])|[0-9０-９]{1,2}\s*(?:[～〜~]\s*[0-9０-９]{1,2}\s*)?月"
    r"|[上下]半期|第[1-4１-４]四半期|(?:通年|随時|適宜)$)"
)
_FREQUENCY = compile_lazily(
    r"[^回随適未必]{0,16}(?:回|随時|適宜|未定|必要時)|(?:四半期|半期|[0-9０-９]{1,2}\s*か月|月|週)ごと|毎[月週年]|隔月"
)
_LOOSE = {"年度": _DATE, MONTH_HEADER: _DATE, "名称": _FREQUENCY, "会議名": _FREQUENCY}
_SHORT = 20  # a pivot cell is short
_SECTOR_CELL = 12  # a sector's cell is shorter than this (その他関係機関・住民等: 11)
# a footer's `- 5 -`, its first dash lost
_PAGE_NUMBER = compile_lazily(r"[ \t]{0,4}-?[ \t]{0,4}[0-9]{1,3}[ \t]{0,4}-[ \t]{0,4}")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


_Paragraph = tuple[int, str, bool]  # source index, text, is a list item
_Unit = list[_Paragraph]  # a cell (no paragraph: empty), or a run of list items: one cell or several


def apply(state: FormState) -> None:
    """Rebuild every template table that a Word document's text wrote a cell per line."""
    if not signals.cell_lines_docx(state.source):
        return
    lines = state.lines
    source = state.source.split("\n")
    if not paragraphs_unwrapped(source) or not _tables(lines):
        return  # a PDF's text (wrapped at the page's width), or tables not a cell per line (markdown's)
    _list_items(lines)
    a_line = _paragraph_a_line(source)
    _goals(lines, 1 if a_line else 2)
    if a_line:
        state.alone.update(paragraphs_a_line(lines))


def _goals(lines: list[str | None], step: int) -> None:
    """A schedule's goal rows (`長期目標`, `短期目標 (今年度)`, `スモール ステップ`), label and value a
    cell each: `label⇥value` (`step`: the value's line after the label's, a blank line between or not)."""
    for i, line in enumerate(lines[:-step]):
        if line and GOAL_RE.fullmatch(_squeezed(line)):
            value = lines[i + step]
            if step == 2 and (lines[i + 1] or "").strip():
                continue
            if value is None or "\t" in value or _header_at(lines, i + step) or HEADING.match(value.strip()):
                value = ""
            lines[i] = f"{line.strip()}\t{value.strip()}"
            if value:
                lines[i + step] = None


def _paragraph_a_line(lines: list[str]) -> bool:
    """LibreOffice's text: no blank line between paragraphs (docx2txt writes one after each, and a
    line break inside a paragraph as a line of its own)."""
    blank = sum(1 for line in lines if not line.strip())
    return blank * 2 < len(lines) - blank


def paragraphs_unwrapped(source: list[str]) -> bool:
    """A line wider than a PDF page's (laid-out text's columns, apart by spaces, do not count)."""
    wide = _PAGE_WIDTH
    return any(len(line) * 2 > wide and "  " not in line and display_width(line) > wide for line in source)


def _tables(lines: list[str | None]) -> int:
    """Each table found by its header, rebuilt when its cells add up (a header's lines are not
    looked at again either way): how many headers there were."""
    after = headers = 0
    for i in range(len(lines)):
        found = _header_at(lines, i) if i >= after else None
        if found is not None:
            table, gap, after = found
            headers += 1
            rows = _rows(table, _units(lines, after, _body_end(lines, table, after), gap))
            if rows is not None:
                after = _write(lines, table, range(i, after, gap + 1), rows)
    return headers


def _list_items(lines: list[str | None]) -> None:
    """A list paragraph outside the tables as a markdown list item: `    • ◆ 会議` → `- ◆ 会議`,
    `    1. 区ごとに…` → `1. 区ごとに…`, docx2txt's `⇥⇥・重層的…` (or LibreOffice's `    • ・…`) → `・重層的…`
    (not a table row: its own bullet is the item's mark, and no `- ` goes into a table's cell that a later form
    reads a line at a time; a number before it, `    2. ・研修`, stays the mark)."""
    for i, line in enumerate(lines):
        if line and line[0] in " \t":
            item = _LIST_ITEM.match(line)
            if item is not None and "\t" not in line[item.end() :]:
                label, text = item.group().strip(), line[item.end() :].strip()
                numbered = label[:1].isdigit()  # (`1. ・研修`: the number is the item's mark, kept)
                lines[i] = text if text[:1] in "・･" and not numbered else f"{label if numbered else '-'} {text}"


def _header_at(lines: list[str | None], i: int) -> tuple[Table, int, int] | None:
    """The table whose header starts at line i, a cell per line: the table, the blank lines between
    its cells (0 or 1) and the first line after the header."""
    line = lines[i]
    first = _squeezed(line)
    if not first or "\t" in (line or ""):  # a row another form rebuilt
        return None
    for table, cells in zip(TABLES, _HEADER_CELLS, strict=True):
        if not cells[0].fullmatch(first):
            continue
        for gap in (0, 1):
            at = i + 1 + gap
            for cell in cells[1:]:
                if at >= len(lines) or any(_squeezed(lines[k]) for k in range(at - gap, at)):
                    break
                if not cell.fullmatch(_squeezed(lines[at])):
                    # a header of fewer cells (merged), when a row's pivot follows it: `各部門の連携状況` `保健`
                    if at < len(lines) and table.rows[0][0] == table.positions[0] and _is_pivot(table, lines[at]):
                        return table, gap, at - gap
                    break
                at += 1 + gap
            else:
                return table, gap, at - gap
    return None


def _squeezed(line: str | None) -> str:
    return _SPACE.sub("", line) if line else ""


def _body_end(lines: list[str | None], table: Table, body: int) -> int:
    """Where the table's lines end: a heading, a marker line (※, 【, ＜) or another table's header."""
    for j in range(body, len(lines)):
        line = lines[j]
        if line is None or not line.strip():
            continue
        text = line.strip()
        if "\t" in text or HEADING.match(text) or _header_at(lines, j) is not None:
            return j
        if ends_table(table, text) and not _is_pivot(table, text):  # `【保健】` is a sector's cell
            return j
    return len(lines)


def _units(lines: list[str | None], body: int, end: int, gap: int) -> list[_Unit]:
    """The body's cells in order, a run of list paragraphs as one unit."""
    units: list[_Unit] = []
    blanks = 0
    for j in range(body, end):
        line = lines[j]
        if line is None or not line.strip():
            blanks += 1
            continue
        if _PAGE_NUMBER.fullmatch(line):  # layout: read as a blank line by the parser
            blanks -= gap
            continue
        # docx2txt: a blank line ends each cell, two more are an empty cell; LibreOffice: a blank line is one
        units.extend([] for _ in range((blanks - 1) // 2 if gap else blanks))
        item = _LIST_ITEM.match(line)
        paragraph = (j, line[item.end() if item else 0 :].strip(), item is not None)
        if item is not None and (blanks <= gap) and units and _listed(units[-1]):
            units[-1].append(paragraph)
        else:
            units.append([paragraph])
        blanks = 0
    units.extend([] for _ in range((blanks - 1) // 2 if gap else blanks))
    return units


def _listed(unit: _Unit) -> bool:
    return bool(unit) and unit[0][2]


def _text(unit: _Unit) -> str:
    return " ".join(text for _, text, _ in unit)


def _rows(table: Table, units: list[_Unit]) -> list[list[_Unit]] | None:
    """The units as rows of the table's columns, found by their pivots; None when they do not add up."""
    columns = len(table.header_row)
    at = table.rows[0].index(table.positions[0])  # the pivot's column
    pivots = _pivots(table, units)
    cells = _cells(units[: pivots[0]], at, leading=True) if pivots else None
    if cells is None:
        return None
    for k, pivot in enumerate(pivots):
        if k + 1 < len(pivots):
            between = _spanned(units[pivot + 1 : pivots[k + 1]], columns)
        else:  # the last row: its cells, and what follows them is text after the table
            between = units[pivot + 1 : pivot + columns - at]
            if _text(units[pivot])[:1] in _CIRCLED and len(between) < columns - 1 - at:
                # an indicator's last units: a run of parallel lists, cut as a row's are (elsewhere a short
                # last row is a row whose empty cells the converter dropped at the document's end)
                between = _cells(between, columns - 1 - at) or between
            between += [[]] * (columns - 1 - at - len(between))
            if table.grouped:
                between += _group_after(units[pivot + columns - at :], columns, at)
        if between is None:
            return None
        cells += [units[pivot], *between]
    rows = [cells[k : k + columns] for k in range(0, len(cells), columns)]
    return [row for row in rows if any(row)]


def _group_after(units: list[_Unit], columns: int, at: int) -> list[_Unit]:
    """The cells of the rows of the last record's group after it (a history year's next events: the
    pivot's cell, column `at`, empty; no cell a sentence, which only the paragraph after the table is)."""
    out: list[_Unit] = []
    while len(units) >= columns and not units[at] and any(units[:columns]):
        row = units[:columns]
        if any(_text(cell).endswith("。") for cell in row):
            break
        out += row
        units = units[columns:]
    return out


def _spanned(units: list[_Unit], columns: int) -> list[_Unit] | None:
    """The cells between two pivots: the rest of a row and the start of the next, with rows between
    whose pivot cell is empty (a pivot spanning rows, written once)."""
    for rows in range(len(units) // columns + 1):
        cells = _cells(units, columns - 1 + rows * columns)
        if cells is not None and not any(cells[columns - 1 + k * columns] for k in range(rows)):
            return cells
    return None


def _pivots(table: Table, units: list[_Unit]) -> list[int]:
    """Where the pivot cells are: a unit not a list, that looks like one (circled numbers in turn)."""
    found: list[int] = []
    for k, unit in enumerate(units):
        text = _text(unit)
        if not text or _listed(unit):
            continue
        if text[0] in _CIRCLED:
            if _CIRCLED.index(text[0]) == len(found):
                found.append(k)
        elif _is_pivot(table, text):
            found.append(k)
    return found


def _is_pivot(table: Table, line: str | None) -> bool:
    """A cell that looks like the table's pivot: its pattern's (a sector word in brackets too:
    `【保健】`), a short cell naming a sector (`医療分野`, `障害福祉`), or a date or frequency the
    patterns leave out."""
    text = (line or "").strip()
    if any(p.fullmatch(text) or p.fullmatch(text.strip("【】［］[]")) for p in table.pivots):
        return True
    if table.full:
        return len(text) <= _SECTOR_CELL and any(word[:3] in text for word in table.full)
    loose = _LOOSE.get(table.header[0])
    return loose is not None and len(text) <= _SHORT and loose.match(text) is not None


_ALIKE = 4  # characters: a target's first item and its actual's start so alike


def _cells(units: list[_Unit], count: int, leading: bool = False) -> list[_Unit] | None:
    """`count` cells from the units: each a cell, or one run of list items cut into equal runs.
    Empty cells more than the template's columns are a column of the table's own (a margin at the
    start or the end of each row): left out."""
    while len(units) > count and not units[0 if leading else -1]:
        units = units[1:] if leading else units[:-1]
    extra = count - len(units)
    if extra == 0:
        return units
    runs = [k for k, unit in enumerate(units) if _listed(unit)]
    if extra < 0 or len(runs) != 1:
        return None
    k = runs[0]
    if len(units[k]) % (extra + 1) == 0:
        size = len(units[k]) // (extra + 1)
        parts = [units[k][n : n + size] for n in range(0, len(units[k]), size)]
    elif extra == 2 and (paired := _paired(units[k])) is not None:
        parts = paired
    else:
        return None
    return [*units[:k], *parts, *units[k + 1 :]]


def _paired(items: _Unit) -> list[_Unit] | None:
    """An indicator's target, actual and effects run together as one list whose items do not share out
    evenly (`・区精神保健福祉連絡会議の開催（7区で各2回）` `・区ごとの…` `・区精神保健福祉連絡会議の開催（7区で計12回）`
    `・地域課題…` and three effects): the target and the actual list the same measures in the same order, so
    the one cut where their first items start alike, the rest the effects'; None where no cut or several
    do."""
    cuts = [size for size in range(1, (len(items) - 1) // 2 + 1) if _start(items[0]) == _start(items[size])]
    if len(cuts) != 1:
        return None
    size = cuts[0]
    return [items[:size], items[size : 2 * size], items[2 * size :]]


def _start(item: _Paragraph) -> str:
    """An item's first words, its bullet left out: what a target's and its actual's items share."""
    return item[1].lstrip("・･•- ")[:_ALIKE]


def _write(lines: list[str | None], table: Table, header: range, rows: list[list[_Unit]]) -> int:
    """The header and the rows in place of their lines (each at its first source line); the index
    after the last line taken."""
    cells = [(lines[k] or "").strip() for k in header]
    last = max(index for row in rows for cell in row for index, _, _ in cell)
    for k in range(header.start, last + 1):
        lines[k] = None
    header_row = "\t".join(cells[c] if c is not None and c < len(cells) else "" for c in table.header_row)
    lines[header.start] = header_row.rstrip("\t")  # a header of fewer cells: those it has
    previous = header.start
    for row in rows:
        at = max(previous + 1, min(index for cell in row for index, _, _ in cell))
        lines[at] = "\t".join(cell_line([(text, item) for _, text, item in cell]) for cell in row)
        previous = at
    return last + 1
