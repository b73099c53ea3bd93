"""The schedules' goal rows in a PDF's text: a label and its wrapped value made one row of two cells,
however the lines fell."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import nikosheet
from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet.parsing.forms import goal_rows, signals

CONVERTERS = FIXTURES / "converters"


def _apply(text: str) -> list[str | None]:
    return apply_form(goal_rows, text)


def test_a_values_last_line_after_the_schedules_first_column():
    # pdfminer writes the schedule's first column (its header cell and months) before the goal's last line
    text = (
        "スモールステップ 福祉保健所が未設置市町村を訪問し、共同設置の意向\n\n"
        "時期(月)\n\nR6年4月\n\nを確認する。\n\n実施内容"
    )
    assert _apply(text) == [
        "スモールステップ\t福祉保健所が未設置市町村を訪問し、共同設置の意向を確認する。",
        "",
        "時期(月)",
        "",
        "R6年4月",
        "",
        None,
        "",
        "実施内容",
    ]


def test_the_schedule_s_later_header_cells_before_its_first_end_the_value():
    # pdfminer writes the schedule's header cells but the first (`実施内容` `具体的な取組`) right after the
    # small step's value, before `時期(月)`: they are the header's, not the value's
    text = (
        "スモールステップ ①未設置町村への訪問 ②オンライン相談の試行 ③退院\n後支援計画の様式の統一\n\n"
        "実施内容\n\n具体的な取組\n\n保健福祉事務所担当者会議\n\n時期(月)\n\nR6年5月"
    )
    out = _apply(text)
    assert out[0] == "スモールステップ\t①未設置町村への訪問 ②オンライン相談の試行 ③退院後支援計画の様式の統一"
    assert "実施内容" in out and "具体的な取組" in out


def test_a_line_between_the_header_cells_that_is_no_sentence_stays():
    text = "スモールステップ 福祉保健所が訪問し、意向\n時期(月)\nR6年4月\n事業計画の共有\n実施内容"
    assert _apply(text)[1:] == ["時期(月)", "R6年4月", "事業計画の共有", "実施内容"]


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


def test_a_list_s_next_item_on_a_line_of_its_own_stays_an_item():
    # pdfminer (designated-kitakyushu-fy2024): the first item wrapped, the second on its own line; joined
    # after a space, as a cell's items stand, so that the reader takes them apart
    out = _apply(
        "スモールステップ ・地域包括支援センターへのアンケートで受入れの不安\n\nを把握する\n\n"
        "・研修の企画に介護分野の委員に参画してもらう\n\n時期(月)"
    )
    assert out[0] == (
        "スモールステップ\t・地域包括支援センターへのアンケートで受入れの不安を把握する "
        "・研修の企画に介護分野の委員に参画してもらう"
    )
    doc = nikosheet.parse_text_data(
        f"9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n{out[0]}\n"
    )
    assert doc["annual_schedule"]["small_steps"] == (
        "地域包括支援センターへのアンケートで受入れの不安を把握する\n研修の企画に介護分野の委員に参画してもらう"
    )


def test_a_label_on_its_own_line_and_a_blank_line_after_the_value():
    out = _apply("長期目標\n全市町に協議の場が設置される。\n\n年度\n実施内容")
    assert out == ["長期目標\t全市町に協議の場が設置される。", None, "", "年度", "実施内容"]


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


def test_two_labels_before_their_values_take_the_values_boxes_in_order():
    # pref-miyagi-fy2024 through plain pdftotext of its LibreOffice PDF: the label column's boxes first, then
    # the values' (the list's bullets drawn alone on their lines are layout)
    lines = _apply(
        "短期目標 (今\n年度)\nスモールステ\nップ\n\n未設置町村のうち 4 町村で協議の場を設置し、圏域を越えた連\n"
        "絡様式を 2 圏域で試行する。\n\uf0b7\n\n・保健所が未設置町村を訪問し、設置の意向と課題を\n\n"
        "\uf0b7\n\n確認する\n"
        "・石巻・気仙沼圏域で連絡様式を試行する\n\n時期(月)"
    )
    assert [line for line in lines if line] == [
        "短期目標 (今年度)\t未設置町村のうち 4 町村で協議の場を設置し、圏域を越えた連絡様式を 2 圏域で試行する。",
        "スモールステップ\t・保健所が未設置町村を訪問し、設置の意向と課題を確認する"
        " ・石巻・気仙沼圏域で連絡様式を試行する",
        "時期(月)",
    ]
    # one value alone (ward-suginami-fy2024): the first label's, the steps left empty
    lines = _apply(
        "短期目標 (今年\n度)\nスモールステッ\nプ\n"
        "不動産関係団体と入居後の相談体制について合意し、説明会を開催\nする。\n時期(月)"
    )
    assert [line for line in lines if line] == [
        "短期目標 (今年度)\t不動産関係団体と入居後の相談体制について合意し、説明会を開催する。",
        "スモールステップ\t",
        "時期(月)",
    ]


def test_a_label_not_spelt_out_is_left_alone():
    text = "長期目的を定める\n年度"
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_has_no_signal_and_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert not signals.goal_rows(text)
    state = form_state(goal_rows, text)
    assert state.lines == text.split("\n")


def test_goals_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    truth = parsed("pref-fy2024.txt")
    for converter in ("pdftotext", "pymupdf", "pypdf"):
        doc = parse_file_data(CONVERTERS / f"pref-fy2024--{converter}.txt")
        assert doc["long_term_schedule"]["goal"] == truth["long_term_schedule"]["goal"], converter
        assert doc["long_term_schedule"]["until_fiscal_year"] == 2026, converter
        assert doc["annual_schedule"]["small_steps"] == truth["annual_schedule"]["small_steps"], converter


def test_the_goals_of_a_libreoffice_pdf_read_by_pdftotext():
    path = CONVERTERS / "pref-fy2024--lopdf-pdftotext.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    assert doc["long_term_schedule"]["goal"].endswith("精神障害者が希望する地域で暮らし続けられる。")
    assert (
        doc["annual_schedule"]["small_steps"]
        == "未設置市町の担当者と圏域保健所が個別に面談し、設置に向けた課題を共有する。"
    )


def test_a_label_centred_between_its_values_two_lines():
    # pdfplumber of a LibreOffice PDF: a one-line label stands in the middle of a two-line value
    text = (
        "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n"
        "引継ぎ手順書を作成し、中央区・東区で試行す\n短期目標 (今年度)\nる。\n"
        "精神科救急地域連携会議で手順書の素案を検討\nスモールステップ\nする。\n時期(月) 実施内容 具体的な取組"
    )
    assert [line for line in _apply(text) if line][1:3] == [
        "短期目標 (今年度)\t引継ぎ手順書を作成し、中央区・東区で試行する。",
        "スモールステップ\t精神科救急地域連携会議で手順書の素案を検討する。",
    ]


def test_a_short_line_above_a_label_alone_is_not_its_value():
    # PyMuPDF: the label alone, its value below; above it a heading's wrapped rest
    text = "（今年度）\n短期目標 (今年度)\n病院訪問を年6回行う\nスモール ステップ\n訪問先の病院を選定する"
    assert _apply(text)[:3] == ["（今年度）", "短期目標 (今年度)\t病院訪問を年6回行う", None]


def test_a_goals_first_words_in_the_labels_cell(parsed, converted):
    # pymupdf4llm: `|長期目標<br>区外の精神科病院か|らの退院者を地域で支える体制ができる。|`
    name = "ward-wrapped-headings-fy2024"
    doc = converted(CONVERTERS / f"{name}--pymupdf4llm.txt")
    assert doc["long_term_schedule"]["goal"] == "区外の精神科病院からの退院者を地域で支える体制ができる。"
    # the label's note (`短期目標 (今年度)`) stays the label's
    assert parsed(f"{name}.txt")["annual_schedule"]["goal"] == "病院訪問を年6回行う"


def test_a_value_run_into_its_label_with_no_space():
    # PyMuPDF of a LibreOffice PDF: the label's cell and the value's first line on one line, no space
    text = "長期目標病院と地域の支援者が退院前からつながり、どの区に退院しても切れ目のない支援を受けられ\nる。\n年度"
    assert _apply(text)[0] == (
        "長期目標\t病院と地域の支援者が退院前からつながり、どの区に退院しても切れ目のない支援を受けられる。"
    )


def test_a_sentence_that_opens_with_a_label_s_word_is_no_goal_row():
    assert _apply("長期目標として、全ての区で退院支援の体制を整える。\n年度")[0] == (
        "長期目標として、全ての区で退院支援の体制を整える。"
    )


@pytest.mark.parametrize(
    "labels",
    ["短期目標 (今\n\n年度)\nスモールステ\nップ", "短期目標 (今年度)\n\nスモールステ\n\nップ"],
)
def test_stacked_labels_wrapped_across_a_blank_line_leave_no_piece_behind(labels: str) -> None:
    text = labels + "\n\n未設置町村のうち 4 町村で協議の場を設置する。\n\n・保健所が未設置町村を訪問する\n\n時期(月)"
    assert [line for line in _apply(text) if line] == [
        "短期目標 (今年度)\t未設置町村のうち 4 町村で協議の場を設置する。",
        "スモールステップ\t・保健所が未設置町村を訪問する",
        "時期(月)",
    ]


def test_two_labels_whole_at_a_word_and_a_numbered_list_s_box_after_a_goal_with_no_full_stop():
    # pdfminer: `短期目標` is a label whole by itself, but `(今年度)` below it, in its box, is its rest; the
    # steps' box opens with `①`, so the goal's box ends before it though the goal has no `。`
    lines = _apply(
        "短期目標\n(今年度)\n\nスモール\nステップ\n\n区外精神科病院への訪問を12病院に広げ、長期入院者の\n"
        "状況を把握する。ピアサポーターの活動の場を増やす\n\n①訪問先病院の選定と訪問計画の作成 ②病院訪問の実施\n"
        "と結果の共有 ③全体会での評価と次年度計画への反映\n\n時期(月)"
    )
    assert [line for line in lines if line] == [
        "短期目標 (今年度)\t区外精神科病院への訪問を12病院に広げ、長期入院者の状況を把握する。"
        "ピアサポーターの活動の場を増やす",
        "スモールステップ\t①訪問先病院の選定と訪問計画の作成 ②病院訪問の実施と結果の共有"
        " ③全体会での評価と次年度計画への反映",
        "時期(月)",
    ]
