"""Tables of sections 3–9 written a cell per line (pdftotext, PyMuPDF, docx2txt, …) rebuilt as tab rows."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing.forms import FormState, cell_lines_tables


def _apply(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    cell_lines_tables.apply(state)
    return state.lines


def _squeezed(lines: list[str | None]) -> str:
    return "".join("".join((ln or "").split()) for ln in lines)


def test_a_schedule_a_cell_a_line():
    out = _apply(
        "時期(月)\n実施する項目\n実施する内容\nR5年5月\n第1回協議の場開催に向けた委員ヒ\nアリング\n"
        "地域課題の解決に向けた取り組みについての聞き取り\nR5年8月\n第1回協議の場の開催\n"
        "ヒアリングに基づいた具体的な実施内容についての検討"
    )
    assert out[0] == "時期(月)\t実施する項目\t実施する内容"
    want = "R5年5月\t第1回協議の場開催に向けた委員ヒアリング\t地域課題の解決に向けた取り組みについての聞き取り"
    assert out[3] == want
    assert out[7] == "R5年8月\t第1回協議の場の開催\tヒアリングに基づいた具体的な実施内容についての検討"
    assert [i for i, ln in enumerate(out) if ln is not None] == [0, 3, 7, 9]
    assert out[9] == ""  # a blank line ends the table


def test_cells_joined_by_a_space_on_one_line():
    out = _apply("時期(月) 実施する項目 実施する内容\nR5年8月 第1回協議の場の開催 ヒアリングに基づいた検討")
    assert out == ["時期(月)\t実施する項目\t実施する内容", "R5年8月\t第1回協議の場の開催\tヒアリングに基づいた検討"]


def test_two_tables_one_below_the_other_are_kept_apart():
    out = _apply(
        "連携部署名\n連携部署における主な業務\n福祉政策課 事業実施\n"
        "各部門の連携状況\n強み・課題等\n保健\n相談\n事例検討"
    )
    assert out[2] == "福祉政策課\t事業実施"
    assert out[3] == ""
    assert out[4] == "各部門の連携状況\t\t強み・課題等"


def test_a_wrapped_sector_word_and_blank_lines_between_cells():
    out = _apply(
        "各部門の連携状況\n\n強み・課題等\n\n保健\n\n訪問を行っている。\n\n連携票を活用している。\n\n"
        "医療\n\n研修会を実施。\n\n院長が出席。\n\n福祉\n\n会議を実施。\n\n機関も多い。\n\n"
        "その他関\n係機関・\n住民等\n\n窓口を開設。\n\n連携が課題。\n\n※別紙参照"
    )
    rows = [ln for ln in out if ln]
    assert rows[0] == "各部門の連携状況\t\t強み・課題等"
    assert rows[4] == "その他関係機関・住民等\t窓口を開設。\t連携が課題。"
    assert rows[-1] == "※別紙参照"


def test_the_issues_table_a_row_per_sector():
    out = _apply(
        "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n連携が不十分\n・連携票を活用する\n"
        "行政\n会議の開催\n医療\n会議への参加\n福祉\n会議への参加\nその他関係機関・住民等\n研修への参加"
    )
    rows = [ln for ln in out if ln]
    assert rows == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t",
        "連携が不十分\t・連携票を活用する\t行政\t会議の開催",
        "\t\t医療\t会議への参加",
        "\t\t福祉\t会議への参加",
        "\t\tその他関係機関・住民等\t研修への参加",
    ]


def test_no_rows_found_leaves_the_lines_and_says_so():
    text = "年度\n経過\n委託\nこの表は空欄です"
    state = FormState(text.split("\n"), text)
    cell_lines_tables.apply(state)
    assert state.lines == text.split("\n")
    assert [(code.value, line) for code, line, _ in state.notes] == [("missing-table", 1)]


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("path", sorted((FIXTURES / "converters").glob("*--*.txt"))[:250:7], ids=lambda p: p.stem)
def test_no_text_lost_or_invented(path):
    from nikosheet.sources.text import read_bytes

    lines = read_bytes(path.read_bytes()).lines
    state = FormState(list(lines), "\n".join(lines))
    cell_lines_tables.apply(state)
    assert sorted(_squeezed(state.lines)) == sorted(_squeezed(list(lines)))


def _between_two_rows(n: int) -> str:
    filler = "\n".join("あ" * (i % 40 + 1) for i in range(n))
    return f"時期(月)\n実施する項目\n実施する内容\nR5年5月\n{filler}\nR5年6月\n研修"


def _cpu_time(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        start = time.thread_time()
        _apply(text)
        best = min(best, time.thread_time() - start)
    return best


def test_thousands_of_lines_between_two_rows_cost_little():
    out = _apply(_between_two_rows(3000))
    assert sum(1 for ln in out if ln and "\t" in ln) == 3
    # four times the lines take about four times as long, not sixteen (CPU time: a busy machine does not count)
    assert _cpu_time(_between_two_rows(3000)) < 8 * max(_cpu_time(_between_two_rows(750)), 1e-3)
