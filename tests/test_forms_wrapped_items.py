"""A list item that the page wrapped, in PDF text, made one line again."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import wrapped_items

_PAGE = "あ" * 50  # the widest line of prose: the page's width


def test_an_items_wrapped_lines_join_it():
    text = f"{_PAGE}。\n1. {'い' * 47}\nう。\n2. 短い。\n課題"
    state = form_state(wrapped_items, text)
    assert state.lines == [f"{_PAGE}。", f"1. {'い' * 47}う。", None, "2. 短い。", "課題"]


def test_strengths_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["strengths_and_issues"]["strengths"]
    doc = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pymupdf.txt")
    assert doc["strengths_and_issues"]["strengths"] == want
