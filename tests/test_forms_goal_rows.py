"""The schedules' goals in PDF text: a label and its wrapped value made one row of two cells."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing.forms import FormState, goal_rows, signals

CONVERTERS = FIXTURES / "converters"


def _apply(text: str) -> list[str | None]:
    state = FormState(text.split("\n"), text)
    goal_rows.apply(state)
    return state.lines


def test_a_label_and_its_value_on_one_line_then_wrapped():
    out = _apply(
        "短期目標 (今年度) 未設置市町のうち4市町で協議の場の設置に向けた\n準備会を立ち上げる。\n"
        "スモールステップ 未設置市町の担当者と\n圏域保健所が面談する。\n時期(月)\n実施内容"
    )
    assert out == [
        "短期目標 (今年度)\t未設置市町のうち4市町で協議の場の設置に向けた準備会を立ち上げる。",
        None,
        "スモールステップ\t未設置市町の担当者と圏域保健所が面談する。",
        None,
        "時期(月)",
        "実施内容",
    ]


def test_a_label_on_its_own_line_and_a_blank_line_after_the_value():
    out = _apply("長期目標\n全市町に協議の場が設置される。\n\n年度\n実施内容")
    assert out == ["長期目標\t全市町に協議の場が設置される。", None, "", "年度", "実施内容"]


def test_the_samples_form_has_no_signal():
    for name in ("kashiwa-r6", "kawaguchi-r5"):
        assert not signals.goal_rows((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def test_goals_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    truth = parsed("pref-fy2024.txt")
    for converter in ("pdftotext", "pymupdf", "pypdf"):
        doc = parse_file_data(CONVERTERS / f"pref-fy2024--{converter}.txt")
        assert doc["long_term_schedule"]["goal"] == truth["long_term_schedule"]["goal"], converter
        assert doc["long_term_schedule"]["until_fiscal_year"] == 2026, converter
        assert doc["annual_schedule"]["small_steps"] == truth["annual_schedule"]["small_steps"], converter
