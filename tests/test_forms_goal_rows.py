"""The schedules' goal rows in a PDF's text: label and value, however the lines fell."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing.forms import FormState, goal_rows

CONVERTERS = FIXTURES / "converters"
TABLE = "\n年度\n経過\n委託"  # a table header a cell per line: the signal


def _apply(text: str) -> list[str | None]:
    state = FormState(text.split("\n"), text + TABLE)
    goal_rows.apply(state)
    return state.lines


def test_a_label_wrapped_beside_its_value():
    lines = _apply("長期目 全35市町に協議の場が設置され、精神障害者が\n標\n希望する地域で暮らし続けられる。\n年度")
    assert lines == [
        "長期目標\t全35市町に協議の場が設置され、精神障害者が希望する地域で暮らし続けられる。",
        None,
        None,
        "年度",
    ]


def test_a_label_with_its_parenthesis_and_blank_lines_between():
    lines = _apply("短期目標 (今\n年度)\n\n準備会\nを立ち上げる。\n\nスモールステップ\n面談する。\n時期(月)")
    assert lines == [
        "短期目標 (今年度)\t準備会を立ち上げる。",
        *[None] * 4,
        "",
        "スモールステップ\t面談する。",
        None,
        "時期(月)",
    ]


def test_a_label_not_spelt_out_is_left_alone():
    text = "長期目的を定める\n年度"
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    state = FormState(text.split("\n"), text)
    goal_rows.apply(state)
    assert state.lines == text.split("\n")


def test_the_goals_of_a_libreoffice_pdf_read_by_pdftotext():
    path = CONVERTERS / "pref-fy2024--lopdf-pdftotext.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    assert doc["long_term_schedule"]["goal"].endswith("精神障害者が希望する地域で暮らし続けられる。")
    assert (
        doc["annual_schedule"]["small_steps"]
        == "未設置市町の担当者と圏域保健所が個別に面談し、設置に向けた課題を共有する。"
    )
