"""Schedules whose boxes pdfminer wrote in blocks of columns, each column's cells in row order."""

from __future__ import annotations

from conftest import form_state
from nikosheet.parsing.forms import column_sequences

HEADING = "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n\n"
HEADER = "時期(月)\n\n実施内容\n\n具体的な取組\n\n"
END = "\n【その他事項】\n"


def _rewritten(body: str) -> list[str]:
    state = form_state(column_sequences, HEADING + HEADER + body + END)
    return [line for line in state.lines if line]


def test_months_in_runs_and_the_last_column_s_cells_at_the_end() -> None:
    body = (
        "R5年4月\n\n事業計画の共有\n\n区社会福祉課・精神保健福祉センター\n\nとの担当者会議\n\n"
        "R5年5月～6月\n\n第1回区地域移行連絡会\n\n・退院可能な入院者の情報共有\n\n"
        "R5年7月\n\nR5年9月\n\n第1回推進協議会\n\n精神科救急地域連携会議\n\n"
        "R5年10月～11月 第2回区地域移行連絡会\n\n"
        "・オンライン参加の試行\n\n今年度の重点課題の決定\n\n引継ぎ手順書の素案の検討\n\nオンライン連絡会の実施\n"
    )
    assert _rewritten(body)[1:-1] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R5年4月\t事業計画の共有\t区社会福祉課・精神保健福祉センターとの担当者会議",
        "R5年5月～6月\t第1回区地域移行連絡会\t・退院可能な入院者の情報共有 ・オンライン参加の試行",
        "R5年7月\t第1回推進協議会\t今年度の重点課題の決定",
        "R5年9月\t精神科救急地域連携会議\t引継ぎ手順書の素案の検討",
        "R5年10月～11月\t第2回区地域移行連絡会\tオンライン連絡会の実施",
    ]


def test_a_month_without_its_item_leaves_the_lines_as_they_were() -> None:
    body = "R5年4月\n\n事業計画の共有\n\n担当者会議\n\nR5年7月\n\n今年度の重点課題の決定\n"
    text = HEADING + HEADER + body + END
    assert form_state(column_sequences, text).lines == text.split("\n")


def test_a_history_is_left_to_the_cell_per_line_reader() -> None:
    text = "3 取組の経緯\n\n年度\n\n経過\n\n委託\n\n平成18年度\n\n事業を開始\n\n直営\n"
    assert form_state(column_sequences, text).lines == text.split("\n")


def test_a_detail_before_its_month_and_the_first_month_inside_the_header() -> None:
    text = HEADING + "時期(月)\n\nR6年4月\n\n実施する項目\n\n実施する内容\n\n事務局会議\n\n方針の確認\n\n"
    text += "R6年7月\n\n第1回推進会議\n\n・重点課題の決定\n・部会の報告\n\n居住支援協議会との合同会議\n\n"
    text += "R6年7月\n\nR6年9月\n\n住まい部会\n\n養成研修\n\n研修の実施\n" + END
    lines = [line for line in form_state(column_sequences, text).lines if line]
    assert lines[1:-1] == [
        "時期(月)\t実施する項目\t実施する内容",
        "R6年4月\t事務局会議\t方針の確認",
        "R6年7月\t第1回推進会議\t・重点課題の決定 ・部会の報告",
        "R6年7月\t住まい部会\t居住支援協議会との合同会議",
        "R6年9月\t養成研修\t研修の実施",
    ]


def test_a_month_s_wrapped_end_and_a_cell_s_rest_after_later_boxes() -> None:
    body = "R6年5月～6\n\n区担当者会議\n\n進め方の共有\n\n月\n\nR6年8月～12\n\n連絡会\n\n"
    body += "・事例検討会を開催 ・病院職員の\n\n月\n\nR7年2月\n\n第2回推進会議\n\n参加の呼びかけ\n\n今年度の評価\n"
    assert _rewritten(body)[1:-1] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年5月～6月\t区担当者会議\t進め方の共有",
        "R6年8月～12月\t連絡会\t・事例検討会を開催 ・病院職員の参加の呼びかけ",
        "R7年2月\t第2回推進会議\t今年度の評価",
    ]


def test_a_detail_cut_at_its_columns_width_takes_its_rest_after_later_boxes() -> None:
    # pdfminer (新潟県): a line a box; the 6月 detail's first line fills the column as the other wrapped
    # lines do (`…試行圏域の関`), its rest comes after the next months' items; `にも包括` starts an item
    body = (
        "R6年4月\n\n保健所担当者会議\n\n今年度の事業計画の共有, 重点課題\n\nの確認\n\n"
        "R6年5月\n\n未設置市町村への訪問\n\n保健所による個別訪問, 共同設置の\n\n意向確認\n\n"
        "R6年6月\n\n第1回冬期訪問支援体制検討部会\n\n連絡体制の案の確認, 試行圏域の関\n\n"
        "R6年7月\n\nR6年9月\n\n第1回推進会議\n\nにも包括人材育成研修\n\nR6年10月\n\nピアサポーター養成研修\n\n"
        "係機関への説明\n\n今年度の重点課題の決定\n\n市町村・保健所・相談支援事業所の\n\n"
        "職員を対象とした講義と事例検討\n\n養成研修(3日間)の実施, 修了者の登\n\n録\n"
    )
    assert _rewritten(body)[1:-1] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年4月\t保健所担当者会議\t今年度の事業計画の共有, 重点課題の確認",
        "R6年5月\t未設置市町村への訪問\t保健所による個別訪問, 共同設置の意向確認",
        "R6年6月\t第1回冬期訪問支援体制検討部会\t連絡体制の案の確認, 試行圏域の関係機関への説明",
        "R6年7月\t第1回推進会議\t今年度の重点課題の決定",
        "R6年9月\tにも包括人材育成研修\t市町村・保健所・相談支援事業所の職員を対象とした講義と事例検討",
        "R6年10月\tピアサポーター養成研修\t養成研修(3日間)の実施, 修了者の登録",
    ]


def test_a_month_after_a_page_break_with_no_blank_line_is_no_cell_s_rest() -> None:
    # plain pdftotext of a LibreOffice PDF: a detail's rest on the next page, the next month right below it
    # (`と個別相談` `R6年10月`, one box), rows with an empty detail: the rows are not read in runs of columns
    body = (
        "R6年5月\n\n第1回実務者部会\n\n今年度の3テーマの進め方の確認\n\nR6年6月\n\n第1回地域連携会議\n\n"
        "R6年7月\n\n第2回実務者部会\n\n連絡票の項目の検討\n\n"
        "R6年9月\n\n家族向け相談会（第1回）\n\n家族会と共催。精神科医による講話\n\n\fと個別相談\nR6年10月\n\n"
        "地区別ケース検討会\n\n5地区で開催\n\nR6年11月\n\n第2回地域連携会議\n\n自立支援協議会精神保健福祉部会と\n"
        "合同で開催\n\nR7年2月\n\n家族向け相談会（第2回）\n\nR7年3月\n\n第3回地域連携会議\n\n"
        "今年度の取組の評価、連絡票の案の\n報告\n"
    )
    text = HEADING + HEADER + body + END
    assert form_state(column_sequences, text).lines == text.split("\n")  # (`cell_lines_tables` reads them)
