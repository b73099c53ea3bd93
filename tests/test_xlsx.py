"""The workbook writer on what the sheets rarely hold: characters XML cannot carry, text longer than a
cell, numbers Excel has no place for, a table without rows; and the file's own structure."""

from __future__ import annotations

import io
import math
import zipfile
from xml.etree import ElementTree

import pytest

from nikosheet.output.xlsx import MAX_CELL, Sheet, column_letter, xlsx_bytes

openpyxl = pytest.importorskip("openpyxl")

ODD = [
    "tab\tand\nnewline",
    "  leading and trailing spaces  ",
    "Excel's own escape _x0041_ written literally, & < > \" ' =1+1",
    "an astral 𠮷 character",
]
CONTROL = ["bell\x07, vertical tab\x0b, unit separator\x1f", "carriage\rreturn", "non-characters \ufffe\uffff"]
LONG = "𠮷" * (MAX_CELL // 2 + 1)  # 𠮷 takes two of a cell's UTF-16 units


def _book(sheets: list[Sheet]) -> tuple[bytes, int]:
    return xlsx_bytes(sheets, "TableStyleLight9")


def _sheet(name: str, rows: list[list[object]]) -> Sheet:
    return Sheet(
        name, ["text", "number", "flag"], ["string", "number", "boolean"], [10, 8, 6], [True, False, False], rows
    )


def test_text_comes_back_as_written():
    rows: list[list[object]] = [[text, n, n % 2 == 0] for n, text in enumerate(ODD)]
    data, cut = _book([_sheet("odd", rows)])
    assert cut == 0
    sheet = openpyxl.load_workbook(io.BytesIO(data))["odd"]
    assert [[c.value for c in r] for r in sheet.iter_rows(min_row=2)] == rows
    assert sheet["A2"].alignment.wrap_text and sheet["A2"].alignment.vertical == "top"
    assert not sheet["B2"].alignment.wrap_text


def test_control_characters_are_written_as_excels_escapes():
    from openpyxl.utils.escape import unescape

    data, _ = _book([_sheet("control", [[text, None, None] for text in CONTROL])])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        strings = zf.read("xl/sharedStrings.xml").decode()
    assert "bell_x0007_, vertical tab_x000B_, unit separator_x001F_" in strings
    assert "carriage_x000D_return" in strings and "non-characters _xFFFE__xFFFF_" in strings
    # openpyxl leaves the escapes in shared strings as they are; Excel and LibreOffice read the characters
    sheet = openpyxl.load_workbook(io.BytesIO(data))["control"]
    assert [unescape(c.value) for c in sheet["A"][1:]] == CONTROL


def test_long_text_is_cut_at_excels_limit_in_utf16_units():
    rows: list[list[object]] = [[LONG, 1, True], [LONG, 2, False], ["short", 3, None]]
    data, cut = _book([_sheet("long", rows)])
    assert cut == 2  # cells, not distinct texts
    value = openpyxl.load_workbook(io.BytesIO(data))["long"]["A2"].value
    assert value == "𠮷" * (MAX_CELL // 2)  # the next 𠮷 would not fit whole


def test_numbers_excel_cannot_hold_are_errors_and_whole_numbers_have_no_point():
    rows: list[list[object]] = [
        ["a", math.nan, True],
        ["b", math.inf, False],
        ["c", 63.0, None],
        ["d", 0.1 + 0.2, None],
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(_book([_sheet("numbers", rows)])[0]))["numbers"]
    assert [(c.value, c.data_type) for c in sheet["B"][1:]] == [
        ("#NUM!", "e"),
        ("#NUM!", "e"),
        (63, "n"),
        (0.30000000000000004, "n"),  # every digit of the double
    ]
    assert sheet["C4"].value is None


def test_a_table_without_rows_still_has_one_under_its_header():
    sheet = openpyxl.load_workbook(io.BytesIO(_book([_sheet("empty", [])])[0]))["empty"]
    (table,) = sheet.tables.values()
    assert table.ref == "A1:C2" and [c.value for c in sheet[1]] == ["text", "number", "flag"]


def test_every_part_is_well_formed_and_declared():
    data, _ = _book([_sheet("one", [[t, 1.5, True] for t in ODD + CONTROL]), _sheet("two", [])])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        parts = {name: ElementTree.fromstring(zf.read(name)) for name in names}
    types = parts["[Content_Types].xml"]
    declared = {e.get("PartName") for e in types if e.get("PartName")}
    assert declared == {f"/{n}" for n in names if n.endswith(".xml") and n != "[Content_Types].xml"}
    assert "xl/worksheets/sheet2.xml" in names and "xl/tables/table2.xml" in names
    assert names[0] == "[Content_Types].xml"  # where tools that tell a file's type look


def test_the_same_tables_make_the_same_file():
    sheets = [_sheet("one", [[t, 1.5, True] for t in ODD])]
    assert _book(sheets) == _book(sheets)
    with zipfile.ZipFile(io.BytesIO(_book(sheets)[0])) as zf:  # no part dated with the time it was written
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]
