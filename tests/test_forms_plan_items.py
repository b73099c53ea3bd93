"""Section 8's plan of plain pdftotext of a LibreOffice PDF: the lists written after the rows shared out."""

from __future__ import annotations

from conftest import apply_form, form_state
from nikosheet.parsing.forms import plan_items

_NEXT = "\n\n9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n\f"


def _rows(body: str) -> list[str]:
    text = "R6 年 4 月時点\n年度\n\n実施内容\n\n具体的な取組\n\n" + body + _NEXT
    return [ln for ln in apply_form(plan_items, text) if ln and "\t" in ln]


def test_the_lists_after_the_rows_shared_out_in_order_the_last_row_keeping_its_sentence():
    rows = _rows(
        "R6年度 全区での事例検討と住まいの確保\n\nR7年度 地域移行支援の利用の拡大\nR8年度 取組の評価と自走化\n\n\n\n"
        "・全区で個別事例検討会を開催する\n\n\n\n・協力不動産事業者を増やす\n\n"
        "・病院への出前説明会 ・ピアサポーターの病院訪問の拡大\n指標による評価"
    )
    assert rows == [
        "年度\t実施内容\t具体的な取組",
        "R6年度\t全区での事例検討と住まいの確保\t<ul><li>・全区で個別事例検討会を開催する</li><li>・協力不動産事業者を増やす</li></ul>",
        "R7年度\t地域移行支援の利用の拡大\t<ul><li>・病院への出前説明会</li><li>・ピアサポーターの病院訪問の拡大</li></ul>",
        "R8年度\t取組の評価と自走化\t指標による評価",
    ]


def test_a_row_s_cell_in_its_place_leaves_the_table():
    body = "R5年度 オンライン連絡会の全区への拡大\n・手引きの作成\n・試行\nR6年度 手順の定着\n手順書の運用\n"
    assert _rows(body) == []


def test_lists_shared_among_rows_in_more_than_one_way_say_the_reading_is_a_guess():
    head = "R6 年 4 月時点\n年度\n\n実施内容\n\n具体的な取組\n\n"
    three = "R6年度 事例検討\nR7年度 利用の拡大\nR8年度 評価\n\n・開催する\n\n・増やす\n\n・出前説明会\n指標による評価"
    state = form_state(plan_items, head + three + _NEXT)
    assert [(code.value, "3 items" in note) for code, _, note in state.notes] == [("shifted-cell", True)]
    two = "R6年度 事例検討\nR7年度 評価\n\n・開催する\n\n・増やす\n指標"
    state = form_state(plan_items, head + two + _NEXT)
    assert "R6年度\t事例検討\t<ul><li>・開催する</li><li>・増やす</li></ul>" in state.lines
    assert state.notes == []  # one row before the last: its list is every item, no guess


def test_the_header_s_last_cell_after_the_rows_and_a_last_year_with_no_list_after_the_lists():
    text = (
        "R6 年 4 月時点\n年度\n\n実施内容\n\nR6 年度 住まいの確保に向けた連携体制づくり\nR7 年度 当事者参画の推進\n\n"
        "具体的な取組\n\n\n\n・不動産関係団体向け説明会の開催\n\n\n\n・入居後の相談窓口の周知\n"
        "ピアサポーター養成講座の開催、協議の場への当事者委員の参画\n\nR8 年度 取組の評価" + _NEXT
    )
    rows = [ln for ln in apply_form(plan_items, text) if ln and "\t" in ln]
    assert rows == [
        "年度\t実施内容\t具体的な取組",
        "R6年度\t住まいの確保に向けた連携体制づくり\t<ul><li>・不動産関係団体向け説明会の開催</li><li>・入居後の相談窓口の周知</li></ul>",
        "R7年度\t当事者参画の推進\tピアサポーター養成講座の開催、協議の場への当事者委員の参画",
        "R8年度\t取組の評価\t",
    ]


def test_a_late_year_with_a_line_after_it_leaves_the_table():
    body = "R6年度 事例検討\nR7年度 評価\n\n・開催する\n\n・増やす\n指標\nR8年度 取組の評価\n手順書の運用"
    assert _rows(body) == []


def test_a_sentence_that_starts_with_a_year_is_no_late_row():
    body = "R6年度 事例検討\nR7年度 評価\n\n・開催する\n\n・増やす\n令和7年度 の実績を評価"
    assert _rows(body)[-1] == "R7年度\t評価\t令和7年度 の実績を評価"
    body = "R6年度 事例検討\nR7年度 評価\n\n・開催する\n\n・増やす\n指標による評価を行い、\nR9 年度 以降の計画に反映"
    assert _rows(body)[-1] == "R7年度\t評価\t指標による評価を行い、 R9 年度 以降の計画に反映"  # (R9 does not follow R7)


def test_a_table_of_the_same_first_cells_before_the_plan_does_not_stop_the_search():
    text = "年度\n実施内容\n予算\nR6年度 研修 100万円\n" + "R6 年 4 月時点\n年度\n\n実施内容\n\n具体的な取組\n\n"
    body = "R6年度 事例検討\nR7年度 評価\n\n・開催する\n\n・増やす\n指標" + _NEXT
    rows = [ln for ln in apply_form(plan_items, text + body) if ln and "\t" in ln]
    assert rows[-1] == "R7年度\t評価\t指標"
