"""A table of the sheet's own in the history's text, written a cell per line, rebuilt by its widths."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from nikosheet.parsing.forms import FormState, free_tables

CONVERTERS = FIXTURES / "converters"
TITLE = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯"


def _rebuilt(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    free_tables.rebuild(state, [(i, t) for i, t in enumerate(lines)], 104)
    return state.lines


@pytest.mark.parametrize("converter", ["pymupdf", "pypdf", "pypdfium2", "pdftotext-raw"])
def test_the_history_table_of_the_sheets_own_is_read(converter, parsed):
    from nikosheet import parse_file_data

    want = parsed("kashiwa-r6.txt")["history"]["tables"]
    got = parse_file_data(CONVERTERS / f"kashiwa-r6--{converter}.txt")["history"]["tables"]
    assert [t["header"] for t in got] == [t["header"] for t in want]
    assert [[r["cells"] for r in t["rows"]] for t in got] == [[r["cells"] for r in t["rows"]] for t in want]


def test_cells_wrapped_at_their_columns_widths_make_rows():
    lines = _rebuilt(
        "取組シート\n計画\n経緯\n"
        "精神障害者に対する地域包括ケアシステム\nの構築を推進する。\n地域移行支援事業から\n移行した。\n"
        "地域で暮らすことのできる環境を整える\nための基盤をつくる。\n協議の場を代表者会\n議へ移行した。"
    )
    assert [ln for ln in lines if ln is not None] == [
        "取組シート",
        "計画\t経緯",
        "精神障害者に対する地域包括ケアシステムの構築を推進する。\t地域移行支援事業から移行した。",
        "地域で暮らすことのできる環境を整えるための基盤をつくる。\t協議の場を代表者会議へ移行した。",
    ]


def test_a_columns_cells_that_wrap_at_other_widths_are_no_table():
    text = (
        "計画\n経緯\n平成16年に地域移行支援事業を開始し\nた。\n平成23年度\nに協議会を設置した。\n"
        "令和元年度に全体会議を設\n置。\n令和3年度に独立\nした。"
    )
    assert _rebuilt(text) == text.split("\n")
