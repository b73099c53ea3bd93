"""The tables as one Excel workbook: a worksheet per table, each an Excel table (filter buttons, banded
rows) under a frozen header row, its columns as wide as their text.

Each column is written as its declared type: text as text, so that Excel keeps `2023-04` and `2017` as
written instead of turning them into dates or numbers, and a cell starting with `=` is never a formula;
numbers are numbers and true/false are Excel booleans; unknown is an empty cell.  The file itself is
made by `xlsx.py`.
"""

from __future__ import annotations

import unicodedata

from nikosheet.output.entities import column_names, fields
from nikosheet.output.xlsx import MAX_CELL, Sheet, xlsx_bytes

__all__ = ["MAX_CELL", "MAX_WIDTH", "display_width", "workbook_bytes"]

MAX_WIDTH = 60  # a column is never wider than this (in characters of a Latin font); longer text wraps
MIN_WIDTH = 6
STYLE = "TableStyleLight9"


def workbook_bytes(tables: dict[str, list[list[object]]], header: str = "en") -> tuple[bytes, int]:
    """The .xlsx file of the tables (worksheets in the dict's order), and how many cells had to be cut
    to Excel's 32,767 characters."""
    return xlsx_bytes([_sheet(entity, rows, column_names(entity, header)) for entity, rows in tables.items()], STYLE)


def _sheet(name: str, rows: list[list[object]], headers: list[str]) -> Sheet:
    """One table's worksheet: its columns' types, widths and wrapping."""
    kinds = [f.type for f in fields(name)]
    widths, wrapped = [], []
    for c, (header, kind) in enumerate(zip(headers, kinds, strict=True)):
        width, multiline = _column_width(header, kind, [r[c] for r in rows])
        # + 2 for the filter button beside the header
        widths.append(min(max(width, MIN_WIDTH) + 2, MAX_WIDTH))
        wrapped.append(multiline)
    return Sheet(name, headers, kinds, widths, wrapped, rows)


def _column_width(header: str, kind: str, values: list[object]) -> tuple[int, bool]:
    """The width of a column's widest cell, and whether it holds text of several lines."""
    present = [v for v in values if v is not None]
    if kind == "boolean":
        return max(display_width(header), 5 if present else 0), False
    if kind != "string":
        return max([display_width(header), *(len(str(v)) for v in set(present))]), False
    texts: list[str] = present  # type: ignore[assignment]  # a string column holds text
    return _widest(display_width(header), set(texts)), any("\n" in t for t in texts)


def _widest(width: int, texts: set[str]) -> int:
    """The width of the widest text, or `width` if none is wider, measured only as far as need be: a
    text of n characters is at most 2n wide, and no column is wider than MAX_WIDTH."""
    for text in texts:
        if width >= MAX_WIDTH:
            break
        if 2 * len(text) > width:
            width = max(width, display_width(text))
    return width


_WIDTHS: dict[str, int] = {}


def display_width(text: str) -> int:
    """The width of the text's longest line, counting East Asian wide and full-width characters as 2."""
    if text.isascii():
        return max(map(len, text.split("\n"))) if "\n" in text else len(text)
    width = _WIDTHS.get(text)
    if width is None:
        lines = text.split("\n")
        if max(map(len, lines)) > MAX_WIDTH:
            return MAX_WIDTH  # at least as wide as the widest column: no need to count
        width = max(map(_line_width, lines))
        if len(_WIDTHS) < 100_000:  # the same labels and names repeat in every sheet
            _WIDTHS[text] = width
    return width


def _line_width(line: str) -> int:
    eaw = unicodedata.east_asian_width
    return sum(2 if eaw(ch) in "WF" else 1 for ch in line)
