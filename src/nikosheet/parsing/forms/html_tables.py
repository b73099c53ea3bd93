"""HTML tables over many lines: what pandoc `-t gfm` writes for a DOCX table whose cells hold lists,
paragraphs or merged cells (and what some sheets hold as text, a `<tr>` a line).

    <table>
    <tbody>
    <tr class="odd">
    <td
    rowspan="2">課題A</td>
    <td><ul>
    <li><blockquote>
    <p>・方針1</p>
    </blockquote></li>
    <li><p>・方針2</p></li>
    </ul></td>
    </tr>
    <tr class="even">
    <td>役割</td>
    </tr>
    </tbody>
    </table>

becomes, at the lines of the two `<tr>`, `課題A⇥<ul><li>・方針1</li><li>・方針2</li></ul>` and
`⇥役割`; every other line of the table is layout (None).  A row-spanned cell is written in its
first row and the rows below get an empty cell in its column; a column-spanned cell is one cell
followed by empty cells; a cell's paragraphs are joined with `<br>`.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, char_width, join_wrapped

_TABLE_LINE_RE = re.compile(r"<table\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>")
_SPAN_RE = re.compile(r"""(rowspan|colspan)\s*=\s*["']?(\d+)""", re.IGNORECASE)
_BREAKS = frozenset({"p", "br", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
_BULLETS = "・･-*•◆◇■□●○◎★☆①②③④⑤⑥⑦⑧⑨⑩"


def apply(state: FormState) -> None:
    """Rewrite every HTML table whose `<table>` tag stands on a line of its own."""
    if not signals.html_tables(state.source):
        return
    lines = state.lines
    i = 0
    while i < len(lines):
        line = lines[i] or ""
        escaped = line.startswith("\\<")  # the sheet's own HTML as text, escaped by pandoc markdown
        tag = _unescape(line) if escaped else line
        end = _table_end(lines, i, escaped) if _TABLE_LINE_RE.fullmatch(tag.strip()) else None
        if end is None:
            i += 1
            continue
        _rewrite(state, i, end, escaped)
        i = end + 1


def _unescape(line: str) -> str:
    return line.replace("\\<", "<").replace("\\>", ">")


def _table_end(lines: list[str | None], first: int, escaped: bool) -> int | None:
    """The index of the line that closes the table opened at `first` (nested tables counted)."""
    depth = 0
    for i in range(first, len(lines)):
        line = _unescape(lines[i] or "") if escaped else lines[i] or ""
        depth += line.count("<table") - line.count("</table")
        if depth <= 0:
            return i
    return None


# plain classes, not dataclasses: a dataclass costs 0.3 to 0.5 ms to define
class _Cell:
    __slots__ = ("colspan", "pieces", "rowspan")

    def __init__(self, rowspan: int = 1, colspan: int = 1) -> None:
        self.pieces: list[tuple[str, bool]] = []
        self.rowspan = rowspan
        self.colspan = colspan


class _Row:
    __slots__ = ("cells", "index")

    def __init__(self, index: int) -> None:
        self.index = index  # the line of its <tr>
        self.cells: list[_Cell] = []


class _Reader:
    """The table's rows, read from its tags and text in order."""

    __slots__ = ("buffer", "buffer_line", "cell", "depth", "item_label", "lists", "loose", "rows")

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.loose: list[tuple[int, str]] = []  # text outside any cell, by line
        self.cell: _Cell | None = None
        self.depth = 0
        self.buffer = ""
        self.buffer_line = 0
        self.lists: list[list[int]] = []  # per open list: [is ordered, items so far]
        self.item_label: str | None = None  # set when an item starts, used by its first piece

    def text(self, chunk: str, index: int) -> None:
        if "&" in chunk:  # an entity: the html module, a millisecond to import, is loaded only then
            import html

            chunk = html.unescape(chunk)
        if not self.buffer.strip():
            self.buffer_line = index
        self.buffer += chunk.replace("\t", " ")

    def flush(self) -> None:
        parts = self.buffer.split("\n")  # (a line's text and the next line's reach here in turn: joined once whole)
        text = parts[0]
        for part in parts[1:]:
            head, tail = text.rstrip(), part.lstrip()
            # a line break in HTML text is a space, except where pandoc wrapped Japanese
            text = join_wrapped(head, tail, chopped=bool(head) and char_width(head[-1]) == 2)
        text = " ".join(text.split())
        self.buffer = ""
        if not text:
            return
        if self.cell is None:
            self.loose.append((self.buffer_line, text))
            return
        item = bool(self.lists)
        if self.item_label is not None:
            if self.item_label != "・" or text[0] not in _BULLETS:
                text = self.item_label + text
            self.item_label = None
        self.cell.pieces.append((text, item))

    def tag(self, closing: bool, name: str, attrs: str, index: int) -> None:
        if name == "table":
            self.depth += -1 if closing else 1
            self.flush()
        elif self.depth > 1 or name in _BREAKS:
            self.flush()  # a nested table is flattened into its cell's paragraphs
        elif name == "tr":
            self.flush()
            self.cell = None
            if not closing:
                self.rows.append(_Row(index))
        elif name in ("td", "th"):
            self._cell(closing, attrs, index)
        elif name in ("ul", "ol"):
            self._list(closing, name == "ol")
        elif name == "li":
            self.flush()
            if not closing and self.lists:
                kind = self.lists[-1]
                kind[1] += 1
                self.item_label = f"{kind[1]}. " if kind[0] else "・"

    def _cell(self, closing: bool, attrs: str, index: int) -> None:
        self.flush()
        self.cell = None
        self.lists.clear()
        if closing:
            return
        if not self.rows:
            self.rows.append(_Row(index))
        spans = {k.lower(): int(v) for k, v in _SPAN_RE.findall(attrs)}
        self.cell = _Cell(rowspan=max(1, spans.get("rowspan", 1)), colspan=max(1, spans.get("colspan", 1)))
        self.rows[-1].cells.append(self.cell)

    def _list(self, closing: bool, ordered: bool) -> None:
        self.flush()
        if closing:
            if self.lists:
                self.lists.pop()
        else:
            self.lists.append([int(ordered), 0])


def _read(lines: list[str | None], first: int, last: int) -> _Reader:
    reader = _Reader()
    for index in range(first, last + 1):
        line = lines[index] or ""
        pos = 0
        for m in _TAG_RE.finditer(line):
            reader.text(line[pos : m.start()], index)
            reader.tag(m.group(1) == "/", m.group(2).lower(), m.group(3), index)
            pos = m.end()
        reader.text(line[pos:] + "\n", index)
    reader.flush()
    return reader


def _rewrite(state: FormState, first: int, last: int, escaped: bool) -> None:
    lines = state.lines
    source = [_unescape(ln) if escaped and ln is not None else ln for ln in lines[: last + 1]]
    # a tag may be cut by a line break (`<td` / `rowspan="4">…`): join such lines before reading
    joined = _join_cut_tags(source, first, last)
    reader = _read(joined, first, last)
    for i in range(first, last + 1):
        lines[i] = None
    loose: dict[int, str] = {}
    for index, text in reader.loose:
        loose[index] = f"{loose[index]} {text}" if index in loose else text
    for row, cells in zip(reader.rows, _grid(reader.rows), strict=True):
        if row.index in loose and cells:  # text outside a cell on a <tr> line: kept in the row's first cell
            cells[0] = f"{loose.pop(row.index)} {cells[0]}".strip()
        if any(cells):
            lines[row.index] = "\t".join(cells)
    for index, text in loose.items():
        lines[index] = text if lines[index] is None else f"{text} {lines[index]}"


def _join_cut_tags(lines: list[str | None], first: int, last: int) -> list[str | None]:
    """The lines with every tag cut by a line break moved whole onto the line where it starts."""
    out = list(lines)
    for i in range(first, last):
        line = out[i] or ""
        if line.rfind("<") > line.rfind(">"):
            cut = line.rfind("<")
            out[i + 1] = line[cut:] + " " + (out[i + 1] or "")
            out[i] = line[:cut]
    return out


def _grid(rows: list[_Row]) -> list[list[str]]:
    """Each row's cell texts, with empty cells where a span from above or beside covers a column."""
    carried: dict[int, int] = {}  # column → rows still covered by a row-spanned cell above
    out = []
    for row in rows:
        texts: list[str] = []
        pending = iter(row.cells)
        cell = next(pending, None)
        while cell is not None or any(col >= len(texts) for col in carried):
            col = len(texts)
            if carried.get(col):
                texts.append("")
                carried[col] -= 1
                if not carried[col]:
                    del carried[col]
                continue
            if cell is None:
                texts.append("")
                continue
            texts.append(cell_line(cell.pieces))
            texts.extend("" for _ in range(cell.colspan - 1))
            if cell.rowspan > 1:
                for c in range(col, col + cell.colspan):
                    carried[c] = cell.rowspan - 1
            cell = next(pending, None)
        out.append(texts)
    return out
