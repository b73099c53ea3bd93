"""python-docx's text: section 1's 取組内容 list, whose bullets the template draws, and its paragraphs a line each."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing.forms import signals


def test_a_word_documents_unmarked_list_has_the_signal_and_the_samples_form_not():
    docx = (FIXTURES / "converters" / "minimal-fy2023--python-docx.txt").read_text(encoding="utf-8")
    assert signals.initiatives(docx)
    for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt"):
        assert not signals.initiatives((SAMPLES / name).read_text(encoding="utf-8"))


def test_python_docx_reads_the_initiatives(parsed):
    from nikosheet import parse_file_data

    for sheet in ("minimal-fy2023", "kawaguchi-r5"):
        want = parsed(f"{sheet}.txt")["basic_info"]["initiatives"]
        doc = parse_file_data(FIXTURES / "converters" / f"{sheet}--python-docx.txt")
        assert doc["basic_info"]["initiatives"] == want, sheet


def test_python_docxs_paragraphs_are_a_line_each(parsed):
    from nikosheet import parse_file_data

    want = parsed("minimal-fy2023.txt")["overview"]["text"]
    doc = parse_file_data(FIXTURES / "converters" / "minimal-fy2023--python-docx.txt")
    assert doc["overview"]["text"] == want
    assert len(want) > 5


def test_python_docxs_paragraphs_are_a_line_each_with_empty_paragraphs_between_some(parsed):
    """A Word document with empty paragraphs round its tables and figures (13 blank lines for 46 of prose):
    its section 2 figure's boxes and its 【…】 bodies are paragraphs each, not one run of lines."""
    from nikosheet import parse_file_data

    sheet = "ward-numberalone-fy2024"
    want = parsed(f"{sheet}.txt")
    doc = parse_file_data(FIXTURES / "converters" / f"{sheet}--python-docx.txt")
    assert doc["overview"]["text"] == want["overview"]["text"]
    assert doc["coordination"]["notes"] == want["coordination"]["notes"]
    assert doc["strengths_and_issues"]["strengths"] == want["strengths_and_issues"]["strengths"]
    assert len(want["overview"]["text"]) == 5


def test_only_python_docxs_text_has_the_paragraphs_signal():
    docx = (FIXTURES / "converters" / "minimal-fy2023--python-docx.txt").read_text(encoding="utf-8")
    assert signals.docx_paragraphs(docx)
    markitdown = (FIXTURES / "converters" / "minimal-fy2023--markitdown-docx.txt").read_text(encoding="utf-8")
    assert not signals.docx_paragraphs(markitdown)
    for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt"):
        assert not signals.docx_paragraphs((SAMPLES / name).read_text(encoding="utf-8"))
