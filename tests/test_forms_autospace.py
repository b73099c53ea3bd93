"""LibreOffice's gap between Japanese and Western characters, read as spaces by PDF converters."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, form_state
from nikosheet import parse_file_data
from nikosheet.parsing.forms import FormState, autospace

CONVERTERS = FIXTURES / "converters"


def _apply(text: str) -> FormState:
    return form_state(autospace, text)


def test_the_gaps_around_numbers_and_latin_words_are_taken_out():
    state = _apply(
        "障害保健福祉圏域数 (R6 年 4 月時点)\n"
        "平成 23 年度精神障害者地域移行支援事業開始\n"
        "3 か月以上 1 年未満 (%: 構成割合)\n"
        "医療との連携を図るために「SOS プラン」を作成。"
    )
    assert state.lines == [
        "障害保健福祉圏域数 (R6年4月時点)",
        "平成23年度精神障害者地域移行支援事業開始",
        "3か月以上1年未満 (%: 構成割合)",
        "医療との連携を図るために「SOSプラン」を作成。",
    ]
    assert [(code.value, line) for code, line, _ in state.notes] == [("converter-spaces", None)]
    assert state.notes[0][2].startswith("9 spaces")


def test_a_space_between_two_values_or_after_a_label_stays():
    state = _apply("入院後 3 か月時点\n119 人 221 人\n基幹相談支援センター数 2 か所\n54 人 15.9 %")
    assert state.lines == ["入院後3か月時点", "119人 221人", "基幹相談支援センター数 2 か所", "54人 15.9 %"]


def test_a_count_cell_keeps_the_template_s_space_before_its_unit():
    # the template writes a count cell `1 / 1 か所/市町村数`, `1 か所`: that space is the sheet's own
    state = _apply("入院後 3 か月時点\n1 / 1 か所/市町村数\n1 か所\n保健福祉事務所（10 か所）\n4 か所に設置")
    kept = ["1 / 1 か所/市町村数", "1 か所"]
    assert state.lines == ["入院後3か月時点", *kept, "保健福祉事務所（10か所）", "4か所に設置"]


def test_an_indicator_s_count_past_section_1_loses_the_gap():
    # section 5's indicators (plain pdftotext of a LibreOffice PDF): the author wrote `0か所`, `5か所`;
    # a council set-up's count that the page put past the heading keeps the template's space
    state = _apply(
        "入院後 3 か月時点\n1 か所\n5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
        "① 市外病院への訪問数\n0 か所\n5 か所\n1 / 1 か所/"
    )
    assert state.lines[1] == "1 か所"
    assert state.lines[4:] == ["0か所", "5か所", "1 / 1 か所/"]


def test_an_indicator_s_name_and_its_value_on_one_line_keep_the_space_between():
    # `② 区外病院との連絡会の開催 0 回`: pdftotext wrote the name's cell and the value's on one line
    state = _apply(
        "入院後 3 か月時点\n5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
        "② 区外病院との連絡会の開催 0 回\n① 平成 23 年度の事業\n"
        "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n① 研修の開催 2 回"
    )
    assert state.lines[2:4] == ["② 区外病院との連絡会の開催 0回", "① 平成23年度の事業"]
    assert state.lines[5] == "① 研修の開催2回"  # past the indicators' sections, a gap as any other


def test_a_count_cut_short_of_its_counter_keeps_the_space_before_the_next_cell():
    # plain pdftotext of a LibreOffice PDF: a narrow cell wrapped after its number (`年2` / `回`,
    # `R5年12` / `月`, `（第1` / `回・全区）`), and the next cell's first line came after it on the line
    state = _apply(
        "入院後 3 か月時点\n"
        "8 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール\n"
        "年 2 作業部会の報告、地\n"
        "区地域移行支援連絡会（第 1 各区で前年度の振り返りを行い\n"
        "R5 年 12 区地域移行支援連絡会（第 3\n"
        "年 2 回 月 1 回 R6 年 5 月 15 日 （第 2 回・全区）"
    )
    assert state.lines[2:] == [
        "年2 作業部会の報告、地",
        "区地域移行支援連絡会（第1 各区で前年度の振り返りを行い",
        "R5年12 区地域移行支援連絡会（第3",
        "年2回 月1回 R6年5月15日 （第2回・全区）",
    ]


def test_a_fiscal_year_cell_keeps_the_space_before_a_number_that_starts_the_next_cell():
    # the history's year and its event on one line: the author writes no `年度7区`
    state = _apply("入院後 3 か月時点\n令和 3 年度 7 区に区にも包括連絡会を設置\nR7 年度 8050 世帯への早期支援")
    assert state.lines[1:] == ["令和3年度 7区に区にも包括連絡会を設置", "R7年度 8050世帯への早期支援"]


def test_an_indicator_s_wrapped_name_and_its_value_keep_the_space_between():
    # `③ ピアサポー` / `ター養成研修 60 人` / `修了者数`: the name's second line and the value's cell
    state = _apply(
        "入院後 3 か月時点\n"
        "4 精神障害にも対応した地域包括ケアシステムの構築に係る現状の取組と成果\n"
        "③ ピアサポー\nター養成研修 60 人\n修了者数\n"
        "④ 市町村の協\n議の場の設置 全 14 市町村\n"
        "ピアサポーターの雇用 延べ 150 人\n"
        "② 区精神保健福祉連\n各区 3 回\n絡会の開催"
    )
    assert state.lines[2:] == [
        "③ ピアサポー",
        "ター養成研修 60人",
        "修了者数",
        "④ 市町村の協",
        "議の場の設置 全14市町村",  # the count's own prefix
        "ピアサポーターの雇用 延べ150人",  # not a name's second line
        "② 区精神保健福祉連",
        "各区3回",  # a value of its own, narrower than the name's column
        "絡会の開催",
    ]


def test_a_value_alone_on_its_line_keeps_the_space_before_its_count():
    # pref-shiga-fy2023 (plain pdftotext of its LibreOffice PDF): each of section 4's values a box of its own,
    # `地域移行支援の利用 40件` as the sheet writes it; not a sentence's line, a bracket's piece, a count's own
    # prefix, a count each unit holds or a line that ends on no counter, nor past sections 4 and 5
    state = _apply(
        "入院後 3 か月時点\n"
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"
        "② 長期入院者\nの地域移行\n地域移行支援の利用 40 件\n"
        "養成研修修了者 20 名\n支援計画作成率 54.3％\n"
        "修了者のうち 9 名が病院訪問や圏域の研修会\n(うち退院 21 件)\n"
        "全 7 圏域で年 2 回以上\n派遣回数は 12 回\n各区 3 回\n"
        "市外精神科病院 10 病\n院への訪問\nリーフレット 5,000 部配布\n年間 12 回\n令和 6 年度\n"
        "研修参加 58 市\n町村\n"
        "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
        "地域移行支援の利用 40 件"
    )
    assert state.lines[2:] == [
        "② 長期入院者",
        "の地域移行",
        "地域移行支援の利用 40件",
        "養成研修修了者 20名",
        "支援計画作成率 54.3％",
        "修了者のうち9名が病院訪問や圏域の研修会",
        "(うち退院21件)",
        "全7圏域で年2回以上",
        "派遣回数は12回",
        "各区3回",
        "市外精神科病院10病",  # (a word the line cut: `病` / `院への訪問`)
        "院への訪問",
        "リーフレット5,000部配布",
        "年間12回",
        "令和6年度",
        "研修参加 58市",  # (its counter cut, `市` / `町村`, the next line alone)
        "町村",
        "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況",
        "地域移行支援の利用40件",
    ]


def test_pymupdf_s_space_at_a_line_s_end_hides_no_value():
    # PyMuPDF of a LibreOffice PDF ends every line with a space
    state = _apply(
        "入院後 3 か月時点 \n"
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果 \n"
        "支援計画作成率 54.3％ \n"
        "③ピアサポー \nター養成研修 60 人 \n"
        "④ 区外病院との連絡会の開催 0 回 \n"
    )
    assert state.lines[2:6] == [
        "支援計画作成率 54.3％ ",
        "③ピアサポー ",
        "ター養成研修 60人 ",
        "④ 区外病院との連絡会の開催 0回 ",
    ]


def test_a_value_alone_reads_as_the_sheet_writes_it():
    # core-himeji-fy2024 (plain pdftotext of its LibreOffice PDF): the target a box of its own
    data = parse_file_data(CONVERTERS / "core-himeji-fy2024--lopdf-pdftotext.txt")
    assert data["outcomes"]["indicators"][0]["target"] == ["地域移行支援の新規利用 15人"]


def test_pymupdf_s_gap_after_the_number_only():
    state = _apply("市町村数 (R6 年4 月時点)\n令和3 年度より県事業を引き継ぎ")
    assert state.lines == ["市町村数 (R6年4月時点)", "令和3年度より県事業を引き継ぎ"]


def test_a_katakana_ka_before_the_month_is_a_gap_s_signal_too():
    state = _apply("市町村数（令和5 年4 月1 日現在）\n入院後3 カ月時点\t69.4 %")
    assert state.lines[:1] == ["市町村数（令和5年4月1日現在）"]


def test_without_the_template_s_spaced_dates_nothing_changes():
    text = "人口 (R6年4月時点)\t434,462\t人\n合計\t340 人\n基本目標1 市民"
    state = _apply(text)
    assert state.lines == text.split("\n") and state.notes == []


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert _apply(text).lines == text.split("\n")


def test_a_libreoffice_pdf_s_text_reads_the_author_s_dates_and_words():
    path = CONVERTERS / "kashiwa-r6--lopdf-pdftotext.txt"
    out = subprocess.run(
        [sys.executable, "-m", "nikosheet", "parse", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(out.stdout)
    assert doc["basic_info"]["initiatives"][0] == "平成23年度精神障害者地域移行支援事業開始"
    assert doc["basic_info"]["welfare_regions"]["as_of"] == "2024-04"
    assert "converter-spaces" in {d["code"] for d in doc["diagnostics"]}
