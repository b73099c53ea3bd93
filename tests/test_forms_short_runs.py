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


HEADING = "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n\n"


def test_the_months_and_items_reach_the_schedule() -> None:
    doc = nikosheet.parse_text_data(HEADING + SCHEDULE)
    items = doc["annual_schedule"]["items"]
    assert [(item["month"], item["item"]) for item in items] == [
        ("2024-05", "第1回推進会議"),
        ("2024-06", "病院訪問"),
        ("2024-07", "家族教室"),
        ("2024-12", "ピアサポーター養成講座"),
    ]


# pdfminer's text of a FY2024 schedule: the first months in a run, their items and details after them in an
# order of their own (R6年6月's detail empty), the last months a row at a time
MONTHS = (
    "時期(月)\n\nR6年4月\n\nR6年5月\n\nR6年6月\n\nR6年7月\n\n実施内容\n\n担当者会議\n\n具体的な取組\n\n今年度の方針\n\n"
    "第1回地域移行部会\n\n重点課題の決定と、嶺南地域の入院者の退院支援の\n手順書の案の協議\n\n市町担当者説明会\n\n"
    "病院訪問\n\n県外の病院を含む入院先への訪問\n\nR6年10月\n\n第2回地域移行部会\n\nR6年11月\n\nアドバイザー派遣\n\n"
    "協議の場を設置していない市町への助言\n\nR7年2月\n\n第3回地域移行部会\n\n今年度の評価と次年度の計画\n"
)


def test_the_months_are_the_rows_and_only_the_sure_cells_are_placed() -> None:
    state = form_state(short_runs, MONTHS)
    assert [line for line in state.lines if line] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年4月\t\t",
        "R6年5月\t\t",
        "R6年6月\t\t",
        "R6年7月\t\t",
        "R6年10月\t第2回地域移行部会\t",
        "R6年11月\tアドバイザー派遣\t協議の場を設置していない市町への助言",
        "R7年2月\t第3回地域移行部会\t今年度の評価と次年度の計画",
        "担当者会議",
        "今年度の方針",
        "第1回地域移行部会",
        "重点課題の決定と、嶺南地域の入院者の退院支援の",
        "手順書の案の協議",
        "市町担当者説明会",
        "病院訪問",
        "県外の病院を含む入院先への訪問",
    ]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
    assert "3 of its 7 months" in state.notes[0][2]
    doc = nikosheet.parse_text_data(HEADING + MONTHS)
    items = doc["annual_schedule"]["items"]
    assert [(item["month"], item["item"], item["actions"]) for item in items][-3:] == [
        ("2024-10", "第2回地域移行部会", []),
        ("2024-11", "アドバイザー派遣", ["協議の場を設置していない市町への助言"]),
        ("2025-02", "第3回地域移行部会", ["今年度の評価と次年度の計画"]),
    ]
    assert doc["unparsed"] == []


def test_a_narrow_second_box_may_be_the_items_rest_and_is_not_placed() -> None:
    text = MONTHS.replace("第3回地域移行部会\n\n今年度の評価と次年度の計画\n", "第3回地域移行\n\n部会\n")
    lines = [line for line in form_state(short_runs, text).lines if line]
    assert "R7年2月\t\t" in lines
    assert lines[-2:] == ["第3回地域移行", "部会"]


def test_months_out_of_the_years_order_are_left() -> None:
    text = MONTHS.replace("R6年5月", "R6年3月")
    assert form_state(short_runs, text).lines == text.split("\n")


# pdfminer's text of a FY2024 schedule (designated-kitakyushu-fy2024): months in two runs; after the first, the
# item column's first boxes, then those rows' details, then the later rows' item and detail one after the other
# (a detail cut inside a katakana word, `アンケー` / `ト結果の報告`); a row whose detail a line cut on a particle
# (`…精神科病院の` / `退院支援の流れ`); after the last run its rows' item and detail one after the other
RUNS = (
    "時期(月)\n\nR6年4月\n\nR6年5月\n\nR6年6月\n\nR6年7月\n\n実施内容\n\n事業計画の策定\n\n"
    "地域包括支援センターへのアンケート\n\n具体的な取組\n\n区との事業計画の共有\n\n精神障害者の受入れに関する不安や\n"
    "課題の把握\n\n区にも包括連絡会（第1回）\n\n区の重点課題の確認\n\n第1回北九州市にも包括推進会議\n\n"
    "今年度の重点課題の決定、アンケー\n\nト結果の報告\n\nR6年9月\n\n介護分野向け研修（第1回）\n\n"
    "精神障害の基礎知識、精神科病院の\n\n退院支援の流れ\n\nR6年10月\n\n区にも包括連絡会（第2回）\n\n"
    "R7年1月\n\nR7年2月\n\nR7年3月\n\n区にも包括連絡会（第3回）\n\n今年度の振り返り\n\n"
    "第2回北九州市にも包括推進会議\n\n今年度の評価と次年度計画の協議\n\n事業の評価\n\n指標による評価、次年度計画の策定\n"
)


def test_the_boxes_after_a_run_of_months_just_as_many_as_its_cells_are_its_rows() -> None:
    state = form_state(short_runs, RUNS)
    assert [line for line in state.lines if line] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年4月\t事業計画の策定\t区との事業計画の共有",
        "R6年5月\t地域包括支援センターへのアンケート\t精神障害者の受入れに関する不安や課題の把握",
        "R6年6月\t区にも包括連絡会（第1回）\t区の重点課題の確認",
        "R6年7月\t第1回北九州市にも包括推進会議\t今年度の重点課題の決定、アンケート結果の報告",
        "R6年9月\t介護分野向け研修（第1回）\t精神障害の基礎知識、精神科病院の退院支援の流れ",
        "R6年10月\t区にも包括連絡会（第2回）\t",
        "R7年1月\t区にも包括連絡会（第3回）\t今年度の振り返り",
        "R7年2月\t第2回北九州市にも包括推進会議\t今年度の評価と次年度計画の協議",
        "R7年3月\t事業の評価\t指標による評価、次年度計画の策定",
    ]
    assert state.notes == []


# pdfminer's text of a FY2024 schedule (core-nishinomiya): the months in runs among the item column, each
# run's items right after it, and the details' column written after every row (two rows' details empty:
# 7 boxes, after a wrapped one joined, for 9 months); the goal's last line written after the first run
ITEMS_APART = (
    "時期(月)\n\nR6年5月\n\nR6年6月\n\nR6年7月\n\nR6年8月\n\nを相談する。\n\n実施内容\n\n第1回実務者部会\n\n"
    "市外病院への訪問\n\n第1回推進会議\n\n第2回実務者部会\n\nR6年10月\n\nピアサポーター研修\n\nR6年11月\n\n"
    "第3回実務者部会\n\nR7年1月\n\n居住支援協議会との合同研修\n\nR7年2月\n\nR7年3月\n\n第4回実務者部会\n\n"
    "第2回推進会議\n\n具体的な取組\n\nテーマ別グループの今年度の\n\n計画\n\n阪神間の5病院を訪問\n\n"
    "今年度の取組の確認\n\n病院訪問に向けた研修\n\n不動産事業者と支援者の意見\n交換\n\n1年間の振り返り\n\n"
    "取組の評価と次年度の計画\n"
)


def test_a_runs_items_are_read_where_the_details_column_came_after_every_row() -> None:
    state = form_state(short_runs, ITEMS_APART)
    lines = [line for line in state.lines if line]
    assert lines[:10] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年5月\t第1回実務者部会\t",
        "R6年6月\t市外病院への訪問\t",
        "R6年7月\t第1回推進会議\t",
        "R6年8月\t第2回実務者部会\t",
        "R6年10月\tピアサポーター研修\t",
        "R6年11月\t第3回実務者部会\t",
        "R7年1月\t居住支援協議会との合同研修\t",
        "R7年2月\t第4回実務者部会\t",
        "R7年3月\t第2回推進会議\t",
    ]
    # every other box kept as text below the table, once, in order, with a warning
    assert lines[10:] == [
        "を相談する。",
        "テーマ別グループの今年度の",
        "計画",
        "阪神間の5病院を訪問",
        "今年度の取組の確認",
        "病院訪問に向けた研修",
        "不動産事業者と支援者の意見",
        "交換",
        "1年間の振り返り",
        "取組の評価と次年度の計画",
    ]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
