"""A small writer of Office Open XML workbooks (.xlsx): worksheets of typed cells, each holding one Excel
table under a frozen header row, with set column widths and a wrapping style for some columns.

It writes only what those workbooks need, and writes it fast (a million cells in about a second):
each column's cells are made in one pass with the column's letter, style and type worked out once,
and every distinct text is escaped once, into the shared string table that Excel itself writes.

Text is stored as text (never a number, date or formula); control characters, which XML cannot hold,
are written as Excel's `_xHHHH_` escapes (as Excel does, so that they come back as they were), and a
text longer than a cell holds is cut at Excel's limit of 32,767 UTF-16 units.  No theme is written:
Excel and LibreOffice then use their default one, which the built-in table styles draw on.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from io import BytesIO
from itertools import groupby
from typing import Any, NamedTuple

MAX_CELL = 32767  # the UTF-16 units one cell holds
MAX_ROWS = 1_048_576  # the rows of a worksheet, its header's among them
CHUNK = 2048  # rows made and compressed at a time
LEVEL = 4  # zlib's compression level: a third of the time of the default (6), the file a tenth larger

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAX_DIGIT_WIDTH, _PADDING = 7, 5  # pixels of Calibri 11's digit and of a cell's margins


class Sheet(NamedTuple):
    """A worksheet holding one Excel table, named `name` too."""

    name: str
    headers: list[str]
    kinds: list[str]  # each column's type: string, integer, number or boolean
    widths: list[int]  # each column's width in characters
    wrapped: list[bool]  # whether a column wraps its text (and aligns it to the top)
    rows: list[list[object]]  # the values under the headers; None is an empty cell


class TooManyRows(ValueError):
    """A table has more rows than a worksheet holds."""


def xlsx_bytes(sheets: list[Sheet], style: str) -> tuple[bytes, int]:
    """The .xlsx file of the sheets, their tables drawn in the built-in table `style` (such as
    `TableStyleLight9`); and how many cells were cut to Excel's limit.  TooManyRows if a sheet has more
    rows than a worksheet holds under its header."""
    for sheet in sheets:
        if len(sheet.rows) >= MAX_ROWS:
            held = f"{MAX_ROWS - 1:,}"
            raise TooManyRows(f"table {sheet.name} has {len(sheet.rows):,} rows, more than a worksheet holds ({held})")
    strings = SharedStrings()
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=LEVEL) as zf:
        # the content types first, where tools that tell a file's type by its first bytes look for them
        _part(zf, "[Content_Types].xml", [_content_types(len(sheets))])
        _part(zf, "_rels/.rels", [_rels(("officeDocument", "xl/workbook.xml"))])
        for n, sheet in enumerate(sheets, 1):
            _part(zf, f"xl/worksheets/sheet{n}.xml", _worksheet(sheet, n == 1, strings))
            _part(zf, f"xl/worksheets/_rels/sheet{n}.xml.rels", [_rels(("table", f"../tables/table{n}.xml"))])
            _part(zf, f"xl/tables/table{n}.xml", [_table(sheet, n, style)])
        _part(zf, "xl/sharedStrings.xml", strings.xml())
        _part(zf, "xl/styles.xml", [_STYLES])
        _part(zf, "xl/workbook.xml", [_workbook(sheets)])
        parts = [("worksheet", f"worksheets/sheet{n}.xml") for n in range(1, len(sheets) + 1)]
        _part(zf, "xl/_rels/workbook.xml.rels", [_rels(*parts, ("styles", "styles.xml"), _SST_REL)])
    return buf.getvalue(), strings.cut_cells(sheets)


def _part(zf: zipfile.ZipFile, name: str, texts: Iterable[str]) -> None:
    """A part of the package, compressed as it is made; dated 1980-01-01 as every part, so that the
    same tables make the same file."""
    with zf.open(name, "w") as part:
        for text in texts:
            part.write(text.encode())


class SharedStrings(dict[str, str]):
    """Each distinct text's index in the shared string table (as text, ready to be written), given a
    new one the first time it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.cut: set[str] = set()  # the texts that were too long for a cell

    def __missing__(self, text: str) -> str:
        index = self[text] = str(len(self.texts))
        if len(text) > MAX_CELL // 2 and _utf16_len(text) > MAX_CELL:
            self.cut.add(text)
            self.texts.append(_utf16_cut(text))
        else:
            self.texts.append(text)
        return index

    def xml(self) -> Iterator[str]:
        yield f'{_HEAD}<sst xmlns="{_MAIN}" uniqueCount="{len(self.texts)}">'
        for start in range(0, len(self.texts), CHUNK):
            yield "".join(map(_si, self.texts[start : start + CHUNK]))
        yield "</sst>"

    def cut_cells(self, sheets: list[Sheet]) -> int:
        """How many cells hold a text that was cut (the texts are rare: the cells are counted then)."""
        if not self.cut:
            return 0
        return sum(value in self.cut for sheet in sheets for row in sheet.rows for value in row if type(value) is str)


def _utf16_len(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def _utf16_cut(text: str) -> str:
    """The text cut to Excel's limit, never inside a character beyond the BMP (two UTF-16 units)."""
    units = 0
    for i, char in enumerate(text):
        units += 2 if char > "\uffff" else 1
        if units > MAX_CELL:
            return text[:i]
    return text


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# what XML text cannot hold as it is: markup, control characters (but tab, newline), non-characters,
# lone surrogates, and a text that looks like Excel's own escape of a character
_SPECIAL = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|_x[0-9a-fA-F]{4}_")
_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]|(?=_x[0-9a-fA-F]{4}_)")
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def xml_text(text: str) -> str:
    """The text as XML character data, with Excel's escapes: a control character is `_xHHHH_` (a
    carriage return too, which XML would turn into a newline) and a literal `_xHHHH_` gets its
    underscore escaped as `_x005F_`, so that Excel (and openpyxl) read back the very text."""
    if not _SPECIAL.search(text):
        return text
    text = _ESCAPE.sub(lambda m: f"_x{ord(m[0]):04X}_" if m[0] else "_x005F", text)
    return re.sub("[&<>]", lambda m: _MARKUP[m[0]], text)


def _si(text: str) -> str:
    if text[:1].isspace() or text[-1:].isspace():
        return f'<si><t xml:space="preserve">{xml_text(text)}</t></si>'
    return f"<si><t>{xml_text(text)}</t></si>"


def xml_attribute(text: str) -> str:
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;")


def column_letter(index: int) -> str:
    """The letters of the 0-based column: A, …, Z, AA, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _ref(sheet: Sheet) -> str:
    """The cells of the sheet's table: its header and its rows (at least one, as Excel wants)."""
    return f"A1:{column_letter(len(sheet.headers) - 1)}{max(len(sheet.rows), 1) + 1}"


def _worksheet(sheet: Sheet, selected: bool, strings: SharedStrings) -> Iterator[str]:
    styles = [' s="1"' if w else "" for w in sheet.wrapped]
    view = ' tabSelected="1"' if selected else ""
    yield (
        f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><dimension ref="{_ref(sheet)}"/>'
        f'<sheetViews><sheetView{view} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
        ' state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{"".join(_cols(sheet.widths, sheet.wrapped))}</cols><sheetData>'
    )
    letters = [column_letter(c) for c in range(len(sheet.headers))]
    header = (
        f'<c r="{x}1"{s} t="s"><v>{strings[h]}</v></c>' for x, s, h in zip(letters, styles, sheet.headers, strict=True)
    )
    yield f'<row r="1">{"".join(header)}</row>'
    for start in range(0, len(sheet.rows), CHUNK):
        yield _rows(sheet, start, letters, styles, strings)
    yield '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    yield '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'


def _cols(widths: list[int], wrapped: list[bool]) -> Iterator[str]:
    """The columns' widths and styles, a run of alike columns in one element (as Excel writes them)."""
    first = 1
    for (width, wraps), run in groupby(zip(widths, wrapped, strict=True)):
        last = first + len(list(run)) - 1
        # Excel's width: the characters' pixels and the cell's margins, in 1/256 of a digit's width
        pixels = width * _MAX_DIGIT_WIDTH + _PADDING
        stored = pixels * 256 // _MAX_DIGIT_WIDTH / 256
        style = ' style="1"' if wraps else ""
        yield f'<col min="{first}" max="{last}" width="{stored:.16g}"{style} customWidth="1"/>'
        first = last + 1


def _rows(sheet: Sheet, start: int, letters: list[str], styles: list[str], strings: SharedStrings) -> str:
    """The XML of the rows from `start` on (a chunk of them), made column by column."""
    chunk = sheet.rows[start : start + CHUNK]
    numbers = [str(n) for n in range(start + 2, start + 2 + len(chunk))]
    columns = [
        _cells(kind, f'<c r="{letter}', style, zip(numbers, values, strict=True), strings)
        for values, kind, letter, style in zip(zip(*chunk, strict=True), sheet.kinds, letters, styles, strict=True)
    ]
    return "".join(
        f'<row r="{n}">{"".join(cells)}</row>' for n, cells in zip(numbers, zip(*columns, strict=True), strict=True)
    )


def _cells(kind: str, head: str, style: str, cells: Iterable[tuple[str, Any]], strings: SharedStrings) -> list[str]:
    """A column's cells, each `(row number, value)`; an empty cell is an empty string."""
    if kind == "string":
        mid = f'"{style} t="s"><v>'
        return [f"{head}{n}{mid}{strings[v]}</v></c>" if v is not None else "" for n, v in cells]
    if kind == "boolean":
        true, false = f'"{style} t="b"><v>1</v></c>', f'"{style} t="b"><v>0</v></c>'
        return [f"{head}{n}{true if v else false}" if v is not None else "" for n, v in cells]
    if kind == "integer":
        mid = f'"{style}><v>'
        return [f"{head}{n}{mid}{v}</v></c>" if v is not None else "" for n, v in cells]
    return [_number(head, n, style, v) if v is not None else "" for n, v in cells]


def _number(head: str, n: str, style: str, value: float) -> str:
    """A number's cell, `63` rather than `63.0`; one that is not finite, which Excel cannot hold, is
    Excel's error #NUM!."""
    if not math.isfinite(value):
        return f'{head}{n}"{style} t="e"><v>#NUM!</v></c>'
    text = repr(value)
    return f'{head}{n}"{style}><v>{text.removesuffix(".0")}</v></c>'


def _table(sheet: Sheet, n: int, style: str) -> str:
    columns = "".join(f'<tableColumn id="{i}" name="{xml_attribute(h)}"/>' for i, h in enumerate(sheet.headers, 1))
    ref, name = _ref(sheet), xml_attribute(sheet.name)
    return (
        f'{_HEAD}<table xmlns="{_MAIN}" id="{n}" name="{name}" displayName="{name}"'
        f' ref="{ref}" totalsRowShown="0"><autoFilter ref="{ref}"/><tableColumns count="{len(sheet.headers)}">{columns}'
        f'</tableColumns><tableStyleInfo name="{style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1"'
        ' showColumnStripes="0"/></table>'
    )


def _workbook(sheets: list[Sheet]) -> str:
    names = "".join(
        f'<sheet name="{xml_attribute(s.name)}" sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(sheets, 1)
    )
    return (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><bookViews><workbookView/></bookViews>'
        f"<sheets>{names}</sheets></workbook>"
    )


_SST_REL = ("sharedStrings", "sharedStrings.xml")


def _rels(*targets: tuple[str, str]) -> str:
    """A part's relationships, `rId1`… in order, each `(type, target)`."""
    base = {"officeDocument": f"{_DOC_RELS}/officeDocument"}
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{base.get(kind, f"{_DOC_RELS}/{kind}")}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, 1)
    )
    return f'{_HEAD}<Relationships xmlns="{_PKG_RELS}">{links}</Relationships>'


def _content_types(sheets: int) -> str:
    parts = [("/xl/workbook.xml", "sheet.main+xml"), ("/xl/styles.xml", "styles+xml")]
    parts += [("/xl/sharedStrings.xml", "sharedStrings+xml")]
    parts += [(f"/xl/worksheets/sheet{n}.xml", "worksheet+xml") for n in range(1, sheets + 1)]
    parts += [(f"/xl/tables/table{n}.xml", "table+xml") for n in range(1, sheets + 1)]
    overrides = "".join(f'<Override PartName="{name}" ContentType="{_TYPE}{kind}"/>' for name, kind in parts)
    return (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


# Calibri 11 as the default font, by name rather than as the theme's (no theme is written, and a style that
# draws on a missing theme is one Excel complains of); cell style 1 wraps its text and aligns it to the top
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/>'
    '<family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>'
    '<patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/>'
    '<diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"'
    ' wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>'
)
