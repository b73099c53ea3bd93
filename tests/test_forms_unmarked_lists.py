"""python-docx's text of section 1's 取組内容 list: its items, whose bullets the template draws."""

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
