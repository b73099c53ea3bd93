"""The template's guidance that the page wrapped, made one line again."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import wrapped_guidance


def test_a_guidance_line_and_its_wrapped_rest():
    text = "【その他事項】 ※協議の場運営における課題など、自由に記載くだ\nさい\n区の取組について助言をいただきたい。"
    state = form_state(wrapped_guidance, text)
    assert state.lines == [
        "【その他事項】 ※協議の場運営における課題など、自由に記載ください",
        None,
        "区の取組について助言をいただきたい。",
    ]


def test_the_rest_after_a_blank_line():
    # pdfminer writes a blank line after each text box, the guidance's last words a box of their own
    text = "【その他事項】 ※協議の場運営における課題など、自由に記載くだ\n\nさい\n\n区の取組について助言をいただく。"
    state = form_state(wrapped_guidance, text)
    assert state.lines == [
        "【その他事項】 ※協議の場運営における課題など、自由に記載ください",
        None,
        None,
        "",
        "区の取組について助言をいただく。",
    ]


def test_a_line_that_only_looks_cut_is_left():
    text = "※記載くだ\n区の取組について"
    state = form_state(wrapped_guidance, text)
    assert state.lines == ["※記載くだ", "区の取組について"]


def test_other_matters_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    want = parsed("designated-false-headings-fy2023.txt")["councils"]["other_matters"]
    doc = parse_file_data(FIXTURES / "converters" / "designated-false-headings-fy2023--pymupdf.txt")
    assert doc["councils"]["other_matters"] == want
