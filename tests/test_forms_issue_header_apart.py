"""Section 5's first issue written between the issues' header's first two cells (pdfminer)."""

from __future__ import annotations

from conftest import apply_form, rewritten_rows
from nikosheet.parsing.forms import issue_header_apart

TEXT = (
    "本文。\n\n課題\n\nひきこもり\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n訪問\n\n"
    "行政\n\n訪問の調整\n\n医療\n\n往診\n\n福祉\n\n訪問看護\n\nその他関係機関・住民等\n\n民生委員\n"
)


def test_the_header_goes_before_the_first_issue() -> None:
    lines = [line for line in apply_form(issue_header_apart, TEXT) if line]
    assert lines[1:5] == ["課題", "課題解決に向けた取組方針", "課題・方針に対する役割(取組)", "ひきこもり"]


def test_the_chain_reads_the_first_issue() -> None:
    rows = rewritten_rows(TEXT)
    assert rows[0][:3] == ["課題", "課題解決に向けた取組方針", "課題・方針に対する役割(取組)"]
    assert rows[1][:3] == ["ひきこもり", "訪問", "行政"]


def test_a_header_whose_cells_stand_together_is_left() -> None:
    together = TEXT.replace("ひきこもり\n\n", "").replace("(取組)\n\n", "(取組)\n\nひきこもり\n\n")
    assert apply_form(issue_header_apart, together) == together.split("\n")
