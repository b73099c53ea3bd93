"""A schedule written a column at a time whose detail column holds more boxes than rows (pdfminer: a
wrapped cell's lines apart, an empty cell with no box): the rows read without it."""

from __future__ import annotations

import nikosheet
from conftest import apply_form, form_state
from nikosheet.parsing.forms import column_runs, short_runs

# pdfminer's text of a FY2024 schedule (今年度): 家族教室's detail empty, the second wrapped, the last a list
SCHEDULE = (
    "時期(月)\n\nR6年5月\n\nR6年6月\n\nR6年7月\n\nR6年12月\n\n実施内容\n\n第1回推進会議\n\n"
    "病院訪問\n\n家族教室\n\nピアサポーター養成講座\n\n具体的な取組\n\n重点課題の決定\n\n"
    "区外の病院を含む12病院への訪問と退院\n\n意向の調査\n\n・養成講座（全3回）\n\n・修了者の活動先の紹介\n"
)


def test_the_rows_are_read_without_the_detail_column() -> None:
    state = form_state(short_runs, SCHEDULE)
    assert [line for line in state.lines if line] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年5月\t第1回推進会議\t",
        "R6年6月\t病院訪問\t",
        "R6年7月\t家族教室\t",
        "R6年12月\tピアサポーター養成講座\t",
        "重点課題の決定",
        "区外の病院を含む12病院への訪問と退院",
        "意向の調査",
        "・養成講座（全3回）",
        "・修了者の活動先の紹介",
    ]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
    assert "5 cells for 4 rows" in state.notes[0][2]


def test_column_runs_alone_leaves_a_column_with_more_boxes() -> None:
    assert apply_form(column_runs, SCHEDULE) == SCHEDULE.split("\n")


def test_the_months_and_items_reach_the_schedule() -> None:
    heading = "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n\n"
    doc = nikosheet.parse_text_data(heading + SCHEDULE)
    items = doc["annual_schedule"]["items"]
    assert [(item["month"], item["item"]) for item in items] == [
        ("2024-05", "第1回推進会議"),
        ("2024-06", "病院訪問"),
        ("2024-07", "家族教室"),
        ("2024-12", "ピアサポーター養成講座"),
    ]
