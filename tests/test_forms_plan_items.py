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
