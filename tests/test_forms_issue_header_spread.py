"""Section 5's issues' header whose cells pdfminer wrote far apart, several rows' issues and policies
between them: the header put together, every box after it kept as text with a warning."""

from __future__ import annotations

from conftest import form_state
from nikosheet.parsing.forms import issue_header_spread

# an excerpt of a pdfminer text of a Chromium PDF (a prefecture's sheet, nine short and long issues)
SPREAD = (
    "課題\n\n人材不足\n\n課題解決に向けた取組方\n針\n\n研修\n\n広域で支援者が少ない\n\n"
    "オンラインでの相談体制\nを整える\n\n課題・方針に対する役割(取組)\n\n"
)
BODY = (
    "研修の開催\n\n講師\n\nオンライン相談の機器の整備\n\n相談支援事業所によるオンラ\n\nイン面談\n\n"
    "家族会の相談会\n\n行政\n\n医療\n\n福祉\n\nその他\n関係機\n\n関・住\n民等\n\n"
    "行政\n\n医療\n\n福祉\n\nその他\n\n関係機\n関・住\n民等\n\n"
)
INDICATORS = "課題解決の達成度を測る指\n標\n"


def test_the_header_together_and_the_boxes_kept_as_text() -> None:
    state = form_state(issue_header_spread, SPREAD + BODY + INDICATORS)
    lines = [line for line in state.lines if line is not None]
    assert lines[:4] == ["課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t", "", "人材不足", ""]
    assert lines[4:8] == ["研修", "", "広域で支援者が少ない", ""]
    assert lines[8:11] == ["オンラインでの相談体制", "を整える", ""]
    assert lines[-3:-1] == ["課題解決の達成度を測る指", "標"]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
    assert "20 boxes" in state.notes[0][2]


def test_the_last_two_header_cells_on_one_line() -> None:
    text = "課題\n\n人材\n\n研修会\n\n課題解決に向けた取組方針 課題・方針に対する役割(取組)\n\n退院支援\n\n"
    state = form_state(issue_header_spread, text + "病院との連携\n\n行政\n\n医療\n\n" + INDICATORS)
    lines = [line for line in state.lines if line is not None]
    assert lines[:3] == ["課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t", "", "人材"]
    assert "病院との連携" in lines


def test_one_row_between_the_cells_is_left_to_issue_header_apart() -> None:
    text = "課題\n\nひきこもり\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n訪問\n\n行政\n\n"
    state = form_state(issue_header_spread, text + INDICATORS)
    assert state.lines == (text + INDICATORS).split("\n")
    assert not state.notes


def test_a_role_between_the_cells_leaves_the_text_as_it_was() -> None:
    text = "課題\n\n人材\n\n研修\n\n課題解決に向けた取組方針\n\n行政\n\n課題・方針に対する役割(取組)\n\n"
    state = form_state(issue_header_spread, text + INDICATORS)
    assert state.lines == (text + INDICATORS).split("\n")
