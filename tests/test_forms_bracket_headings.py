"""A 【…】 label on a line of its own in PDF text is a sub-heading; a form feed is white space."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import bracket_headings


def test_a_bracketed_label_alone_is_a_sub_heading():
    text = "【にも包括構築の体制】\n保健所が事務局となる。\n【その他事項】 ※自由に記載ください\n\f【特徴(強み)】"
    state = form_state(bracket_headings, text)
    assert state.lines == [
        "## 【にも包括構築の体制】",
        "保健所が事務局となる。",
        "【その他事項】 ※自由に記載ください",
        "## 【特徴(強み)】",
    ]


def test_structure_and_strengths_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    truth = parsed("pref-fy2024.txt")
    doc = parse_file_data(FIXTURES / "converters" / "pref-fy2024--pymupdf.txt")
    assert doc["coordination"]["structure"] == truth["coordination"]["structure"]
    assert doc["strengths_and_issues"]["strengths"] == truth["strengths_and_issues"]["strengths"]


def test_a_form_feed_alone_is_a_blank_line(parsed):
    # pdftotext ends every page with a form feed, the last on a line of its own
    from nikosheet import parse_file_data

    path = FIXTURES / "converters" / "pref-fy2024--pdftotext.txt"
    assert path.read_text(encoding="utf-8").endswith("\n\f")
    assert parse_file_data(path)["annual_schedule"]["text"] == []
