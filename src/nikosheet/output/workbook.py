"""The tables as one Excel workbook: a worksheet per table, each an Excel table (filter buttons, banded
rows) under a frozen header row, its columns as wide as their text.

Text is written as text (`write_string`), so that Excel keeps `2023-04` and `2017` as written instead
of turning them into dates or numbers, and a cell starting with `=` is never a formula; numbers are
numbers and true/false are Excel booleans; unknown is an empty cell.  xlsxwriter is imported here,
when a workbook is written, never on the way to a CSV.
"""

from __future__ import annotations

import gc
import unicodedata
from typing import Any

from nikosheet.output.entities import column_names, fields

MAX_CELL = 32767  # Excel's limit on the characters of one cell
MAX_WIDTH = 60  # a column is never wider than this (in characters of a Latin font); longer text wraps
MIN_WIDTH = 6
STYLE = "Table Style Light 9"
_CUT = -2  # what xlsxwriter's write_string returns when it cut a string to Excel's limit


def workbook_bytes(tables: dict[str, list[list[object]]], header: str = "en") -> tuple[bytes, int]:
    """The .xlsx file of the tables (worksheets in the dict's order), and how many cells had to be cut
    to Excel's 32,767 characters."""
    import io

    import xlsxwriter  # type: ignore[import-untyped]

    buf = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    # xlsxwriter keeps a tuple per cell until it writes the file, and none of them is part of a cycle:
    # the cyclic collector would only scan them again and again (a fifth of the time for 3,000 sheets)
    collecting = gc.isenabled()
    gc.disable()
    try:
        book = xlsxwriter.Workbook(buf, options)
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        cut = sum(_worksheet(book, entity, rows, column_names(entity, header), wrap) for entity, rows in tables.items())
        book.close()
    finally:
        if collecting:
            gc.enable()
    return buf.getvalue(), cut


def _worksheet(book: Any, name: str, rows: list[list[object]], headers: list[str], wrap: Any) -> int:
    """One table's worksheet; the number of cells cut to Excel's limit."""
    sheet = book.add_worksheet(name)
    # one writer per column, by its declared type: no per-cell type test, no per-cell format
    by_type = {
        "string": sheet.write_string,
        "integer": sheet.write_number,
        "number": sheet.write_number,
        "boolean": sheet.write_boolean,
    }
    writers = [by_type[f.type] for f in fields(name)]
    cut = 0
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values):
            if value is not None and writers[c](r, c, value) == _CUT:
                cut += 1
    # an Excel table has at least one row under its header
    columns = [{"header": h} for h in headers]
    sheet.add_table(0, 0, max(len(rows), 1), len(headers) - 1, {"name": name, "columns": columns, "style": STYLE})
    sheet.freeze_panes(1, 0)
    for c, (header, field) in enumerate(zip(headers, fields(name), strict=True)):
        width, multiline = _column_width(header, field.type, [r[c] for r in rows])
        # + 2 for the filter button beside the header
        sheet.set_column(c, c, min(max(width, MIN_WIDTH) + 2, MAX_WIDTH), wrap if multiline else None)
    return cut


def _column_width(header: str, kind: str, values: list[object]) -> tuple[int, bool]:
    """The width of a column's widest cell, and whether it holds text of several lines."""
    present = [v for v in values if v is not None]
    if kind == "boolean":
        return max(display_width(header), 5 if present else 0), False
    if kind != "string":
        return max([display_width(header), *(len(str(v)) for v in set(present))]), False
    texts: list[str] = present  # type: ignore[assignment]  # a string column holds text
    return max([display_width(header), *map(display_width, set(texts))]), any("\n" in t for t in texts)


_WIDTHS: dict[str, int] = {}


def display_width(text: str) -> int:
    """The width of the text's longest line, counting East Asian wide and full-width characters as 2."""
    if text.isascii():
        return max(map(len, text.split("\n"))) if "\n" in text else len(text)
    if len(text) > MAX_WIDTH and "\n" not in text:
        return MAX_WIDTH  # at least as wide as the widest column: no need to count
    width = _WIDTHS.get(text)
    if width is None:
        width = max(_line_width(line) for line in text.split("\n"))
        if len(_WIDTHS) < 100_000:  # the same labels and names repeat in every sheet
            _WIDTHS[text] = width
    return width


def _line_width(line: str) -> int:
    eaw = unicodedata.east_asian_width
    return sum(2 if eaw(ch) in "WF" else 1 for ch in line)
