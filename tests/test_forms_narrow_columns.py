"""A year or a frequency that a LibreOffice PDF's narrow column wrapped after its number."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import narrow_columns

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n"  # a LibreOffice PDF's text: the renderer's gaps around numbers


def _apply(text: str) -> list[str | None]:
    return apply_form(narrow_columns, text)


def test_a_year_and_a_frequency_joined_back():
    lines = _apply(SIGNAL + "平成16\n年\n精神障害者地域移行支援事業\n平成24\n年度\n年1\n回\n事業報告")
    assert lines[1:] == ["平成16年", None, "精神障害者地域移行支援事業", "平成24年度", None, "年1回", None, "事業報告"]


def test_a_frequency_range_or_each_bodys_count_joined_back():
    # PyMuPDF of a LibreOffice PDF: `各圏域年2～3回` wrapped after its range in the councils' narrow column
    lines = _apply(SIGNAL + "保健福祉事務所、市町村、相談支援事\n業所\n各圏域年2～3\n回\n・事例検討\n月2～3\n回")
    assert lines[3:] == ["各圏域年2～3回", None, "・事例検討", "月2～3回", None]
    lines = _apply(SIGNAL + "ー\n2か月\nに1\n回\n・病院訪問の振り返り ・")
    assert lines[2:] == ["2か月に1回", None, None, "・病院訪問の振り返り ・"]


def test_a_councils_frequency_in_words_run_into_the_activities_set_apart():
    # PyMuPDF of a LibreOffice PDF: the frequency and the activities' first line on one baseline
    text = SIGNAL + "名称\n随時入院中からの退院支援の調\n整\n随時、相談に応じる。\n【その他事項】\n随時対応"
    expected = ["随時 入院中からの退院支援の調", "整", "随時、相談に応じる。", "【その他事項】", "随時対応"]
    assert _apply(text)[2:] == expected


def test_a_councils_count_run_into_the_activities_set_apart_but_not_its_own_words():
    # PyMuPDF of a LibreOffice PDF: the count, the renderer's gap before its 回 kept, and the activities'
    # first line on one baseline; a count's own words after it stay on it
    text = (
        SIGNAL + "名称\n年4 回長期入院者の状\n況共有\n2 回/年課題の共有\n年2回程度\n年4回以上\n"
        "2回/年度末に開催\n【その他事項】\n年3 回相談"
    )
    assert _apply(text)[2:] == [
        "年4 回 長期入院者の状",
        "況共有",
        "2 回/年 課題の共有",
        "年2回程度",
        "年4回以上",
        "2回/年度末に開催",
        "【その他事項】",
        "年3 回相談",  # after the table
    ]


def test_a_councils_name_members_and_frequency_run_together_set_apart():
    # PyMuPDF of a LibreOffice PDF: one-line cells on one baseline, with no space between them
    text = (
        SIGNAL + "名称\n代表者会議保健, 医療, 福祉, 家族会, 行政機関の代表\n者\n年1回\n"
        "実務者会議保健, 医療, 家族会, ピアサポーター年6回\nアウトリーチ検討会精神科医、保健師月1\n回\n"
        "家族会の高齢化により、担い手の\n代表者会議家族会、保健所\n自立支援協議会委員、保健所\n"
        "【その他事項】\n代表者会議保健, 医療"
    )
    assert _apply(text)[2:] == [
        "代表者会議 保健, 医療, 福祉, 家族会, 行政機関の代表",
        "者",
        "年1回",
        "実務者会議 保健, 医療, 家族会, ピアサポーター 年6回",
        "アウトリーチ検討会 精神科医、保健師 月1回",
        None,
        "家族会の高齢化により、担い手の",  # a sentence's particle after `家族会`: no name
        "代表者会議家族会、保健所",  # two council's words before the list: which ends the name is not told
        "自立支援協議会委員、保健所",  # a body's member: one member's name
        "【その他事項】",
        "代表者会議保健, 医療",  # after the table
    ]


def test_a_number_and_its_unit_cell_stay_apart():
    text = SIGNAL + "1\nか所\n平成16\n精神障害者\n年1\n事業報告"
    assert _apply(text) == text.split("\n")


def test_without_a_libreoffice_pdf_s_signal_nothing_changes():
    text = "人口 (R6年4月時点)\n平成16\n年"
    assert _apply(text) == text.split("\n")
    sample = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    assert _apply(sample) == sample.split("\n")


def test_the_history_of_a_libreoffice_pdf_read_by_pymupdf():
    path = CONVERTERS / "kashiwa-r6--lopdf-pymupdf.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    events = json.loads(out.stdout)["history"]["events"]
    assert [e["period"] for e in events[:3]] == ["平成16年", "平成23年度～", "平成24年度"]
    assert events[0]["fiscal_year"] == 2004


def test_a_list_label_alone_on_its_line_is_its_item_s_bullet():
    lines = _apply(SIGNAL + "・\n・圏域単位での市町支援を強\n化する\n\uf0b7\nアドバイザー派遣")
    assert lines[1:] == ["・圏域単位での市町支援を強", None, "化する", "・アドバイザー派遣", None]


def test_a_list_label_in_a_box_of_its_own_before_its_item_s_box():
    lines = _apply(SIGNAL + "\uf0b7\n\n・年 2 回\n\n\uf0b7\n\n人\n・参加者 80\n\uf0b7\n\n人\n参加者が増えた。")
    assert lines[1:9] == [None, "", "・年 2 回", "", None, "", "人", "・参加者 80"]  # the next item's label
    assert lines[9:] == ["\uf0b7", "", "人", "参加者が増えた。"]  # no item after: left as it is


def test_a_year_whole_on_its_two_lines_stays_in_its_place():
    heading = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯"
    lines = _apply(SIGNAL + f"{heading}\n年度\n平成18\n年度\n平成24\n年度")
    assert lines[1:] == [heading, "年度", "平成18年度", None, "平成24年度", None]


def test_a_month_range_wrapped_after_its_dash_or_its_last_era():
    lines = _apply(SIGNAL + "R5年10月～\n11月\n第2回連絡会\nR6年12月～R7\n年1月\n相談員向け研修")
    assert lines[1:] == ["R5年10月～11月", None, "第2回連絡会", "R6年12月～R7年1月", None, "相談員向け研修"]


def test_a_fiscal_year_a_particle_follows_is_a_sentence_s():
    lines = _apply(SIGNAL + "令和6年度に新設し\nた。")
    assert lines[1:] == ["令和6年度に新設し", "た。"]


def test_a_year_cut_before_its_de_with_its_row_s_first_line_and_another_cell_s_between():
    lines = _apply(SIGNAL + "平成30年 推進会議の構築\n（直営）\n度\n平成24年 個別給付化\n度")
    assert lines[1:] == ["平成30年度 推進会議の構築", "（直営）", None, "平成24年 個別給付化", "度"]


def test_a_western_year_cut_before_its_de_with_its_event_s_line_between():
    lines = _apply(SIGNAL + "2012 年\n精神障害者地域移行・地域定着支援事業を開始\n度\n\n県精神保健福祉協会")
    assert lines[1:] == ["2012 年度", "精神障害者地域移行・地域定着支援事業を開始", None, "", "県精神保健福祉協会"]


def test_a_month_range_cut_after_its_second_year_with_its_item_s_line_between():
    lines = _apply(SIGNAL + "R6年8月～R7年\n圏域協議の場・個別事例検討\n1月")
    assert lines[1:] == ["R6年8月～R7年1月", "圏域協議の場・個別事例検討", None]


def test_a_year_cell_run_into_the_next_cell_is_set_apart():
    text = (
        "R6年度市町の協議の場の設置促進\nR6年度下半期\nR6年度～R7年度\n令和5年度末\n令和5年度の調査では、\n"
        "令和5年度において、"
    )
    lines = _apply(SIGNAL + text)
    assert lines[1:] == text.replace("R6年度市町", "R6年度 市町").split("\n")  # a particle: a sentence's date


def test_a_frequency_whose_parts_other_cells_lines_stand_between():
    block = [
        "保健, 医療, 福祉, 家族会, ピア",
        "事業・取組み",
        "年1",
        "サポーター, 行政機関の代表",
        "報告方針等の",
        "回",
        "者",
        "決定",
    ]
    lines = _apply(SIGNAL + "\n" + "\n".join(block))
    assert [line for line in lines[1:] if line] == [
        "保健, 医療, 福祉, 家族会, ピア",
        "サポーター, 行政機関の代表",
        "者",
        "年1回",
        "事業・取組み",
        "報告方針等の",
        "決定",
    ]


def test_the_councils_of_a_libreoffice_pdf_read_by_pdftotext():
    kashiwa = subprocess.run(
        [sys.executable, "-m", "nikosheet", "parse", str(CONVERTERS / "kashiwa-r6--lopdf-pdftotext.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    meetings = json.loads(kashiwa.stdout)["councils"]["meetings"]
    assert [(m["frequency"]["text"], m["members"]) for m in meetings[:2]] == [
        ("年1回", "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者"),
        ("年6回", "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の実務担当者"),
    ]


def test_wrapped_months_frequencies_and_their_notes_joined_back():
    months = "R5年7月～8\n月\n令和5年6月～令和6年3\n月\n"
    text = SIGNAL + months + "四半期\nごと\n年2回\n（予定）\n月１回程\n度\n2回/\n年\n年\n10\n回\n2～4\n回/年\n3\n回/年"
    assert [line for line in _apply(text)[1:] if line is not None] == [
        "R5年7月～8月",
        "令和5年6月～令和6年3月",
        "四半期ごと",
        "年2回（予定）",
        "月１回程度",
        "2回/年",
        "年10回",
        "2～4回/年",  # a range a year wrapped before its 回 (the councils' narrow column)
        "3回/年",
    ]


def test_a_month_run_into_its_item_is_set_apart_but_not_a_date_or_a_sentence():
    text = SIGNAL + "R5年5月第1回実務者部会\nR6年10月～12月病院訪問\nR5年5月第2週\nR5年5月に協議の場を設置した。"
    assert _apply(text)[1:] == [
        "R5年5月 第1回実務者部会",
        "R6年10月～12月 病院訪問",
        "R5年5月第2週",
        "R5年5月に協議の場を設置した。",
    ]


def test_a_month_run_into_an_item_that_starts_with_a_hiragana_is_set_apart():
    text = SIGNAL + "R5年9月こころの健康講座\nR5年9月にも包括研修\nR5年9月ころ開催予定\n"
    text += "R5年9月とする。\nR5年9月より開始"
    assert _apply(text)[1:] == [
        "R5年9月 こころの健康講座",
        "R5年9月 にも包括研修",
        "R5年9月ころ開催予定",
        "R5年9月とする。",
        "R5年9月より開始",
    ]


def test_a_frequency_wrapped_over_three_lines_is_one_cell():
    lines = _apply(SIGNAL + "ター、家族会\n各圏\n域年2\n～3 回\n\n・退院支援の事例検討\n各区\n年度\n末")
    assert lines[1:] == ["ター、家族会", "各圏域年2～3回", None, None, "", "・退院支援の事例検討", "各区", "年度", "末"]


def test_a_schedule_whose_item_starts_with_a_hiragana_read_by_pymupdf(tmp_path):
    rows = "R5 年7 月第1 回協議の場の開催\n今年度の重点課題の確認\n"
    rows += "R5 年9 月こころの健康講座\n市民を対象とした講演会の開催\n"
    text = SIGNAL + "8 精神障害にも対応した地域包括ケアシステムの構築に向けた今年度の取組スケジュール\n"
    path = tmp_path / "sheet.txt"
    path.write_text(text + "時期(月)\n実施する項目\n実施する内容\n" + rows, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    items = json.loads(out.stdout)["annual_schedule"]["items"]
    assert [(x["month"], x["item"], x["actions"]) for x in items] == [
        ("2023-07", "第1回協議の場の開催", ["今年度の重点課題の確認"]),
        ("2023-09", "こころの健康講座", ["市民を対象とした講演会の開催"]),
    ]


def test_a_fiscal_year_s_second_line_after_the_cells_beside_it():
    lines = _apply(SIGNAL + "R7年\n庁内他課との連携委託\n・庁内の他課と協議を行い、連携を\n度\n契約の見直し")
    assert lines[1:] == ["R7年度", "庁内他課との連携委託", "・庁内の他課と協議を行い、連携を", None, "契約の見直し"]


def test_the_councils_of_a_libreoffice_pdf_read_by_pymupdf():
    path = CONVERTERS / "pref-gifu-fy2024--lopdf-pymupdf.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    meetings = json.loads(out.stdout)["councils"]["meetings"]
    assert [m["frequency"]["text"] for m in meetings] == ["年2回", "隔月", "四半期ごと", "随時"]
    assert meetings[0]["activities"] == ["圏域の協議の場の取組報告", "県の施策への反映"]


def test_a_fiscal_year_cut_before_its_range_s_tilde():
    lines = _apply(SIGNAL + "令和2年\n度～\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始")
    assert lines[1:] == ["令和2年度～", None, "精神障害にも対応した地域包括ケアシステム構築推進事業を開始"]


def test_a_month_range_s_last_line_after_the_cell_beside_it():
    # plain pdftotext: the item, centred on the month's two lines, comes between them
    lines = _apply(SIGNAL + "令和5年6月～令和6年3\n実務者会議\n月\n\n毎月開催\n\nR5年11\n\n月")
    assert lines[1:5] == ["令和5年6月～令和6年3月", "実務者会議", None, ""]
    assert lines[7:] == ["R5年11", "", "月"]  # a blank line between: two cells


def test_a_month_s_first_part_run_into_the_next_cell_s_first_line():
    # `R5 年 11 第 2 回協議の場開催に向けた委員` `月` `ヒアリング`: the month, centred, beside the item's two lines
    lines = _apply(SIGNAL + "R5年11第2回協議の場開催に向けた委員\n月\nヒアリング\n令和5年6月～令和6年3\n月\n実務者会議")
    assert lines[1:4] == ["R5年11月", "第2回協議の場開催に向けた委員", "ヒアリング"]
    assert lines[4] == "令和5年6月～令和6年3月"  # a range cut before its 月 stays one month cell


def test_a_long_label_wrapped_around_its_row_s_one_line_cell_is_made_whole():
    # LibreOffice centres a row's cells: a one-line cell stands between the label's two lines, or its
    # first line runs into the label's
    around = _apply(SIGNAL + "その他関係機\n家族会による家族支援\n関・住民等\n")
    assert around[1:] == ["その他関係機関・住民等", "家族会による家族支援", None, ""]
    run_into = _apply(SIGNAL + "その他関係機関・ 家族会が推進会議に参加し\n住民等\nている。")
    assert run_into[1:] == ["その他関係機関・住民等 家族会が推進会議に参加し", None, "ている。"]
    # a label's first line alone, with no rest below it, or a rest that is not the label's, stays
    for text in ("その他関係機\n家族会による家族支援\n\n", "その他関係機\n家族会\n住民等"):
        assert _apply(SIGNAL + text) == (SIGNAL + text).split("\n")


def test_a_one_line_cell_between_the_two_lines_of_the_cell_beside_it():
    # a sector's status wrapped in two lines, its one-line strengths centred between them
    status = "保健福祉事務所が圏域の協議の場を運営し、市町村を支援し"
    lines = _apply(f"{SIGNAL}{status}\n圏域によって取組に差がある。\nている。")
    assert lines[1:] == [f"{status}ている。", "圏域によって取組に差がある。", None]
    # a line between that a hiragana starts is a cell's rest, not a cell: left as it is
    text = SIGNAL + "基幹相談支援センターが市町村の協議の場の運営を支えてい\nる。\nない。"
    assert _apply(text) == text.split("\n")


# a designated city's history: its first year in both eras, wrapped inside the bracket, the one-line
# event centred beside it between its two lines
YEAR_AROUND = (
    "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n年度\n\n経過\n\n委託\n\n"
    "2010 年度（平成 22\n政令指定都市への移行に伴い、精神保健福祉センターを設置\n年度）\n\n－\n\n"
    "2012 年度\n\n精神障害者地域移行支援事業を開始\n\n市内の指定一般相談支援事業所\n\n"
    "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
)


def test_a_year_wrapped_inside_its_bracket_around_its_event_made_whole():
    lines = _apply(SIGNAL + YEAR_AROUND)
    at = lines.index("2010 年度（平成 22年度）")
    assert lines[at + 1 : at + 3] == ["政令指定都市への移行に伴い、精神保健福祉センターを設置", None]


def test_a_year_with_its_other_era_in_brackets_starts_its_event(tmp_path):
    from nikosheet import parse_file_data

    path = tmp_path / "history.txt"
    path.write_text(SIGNAL + YEAR_AROUND, encoding="utf-8")
    doc = parse_file_data(path)
    events = doc["history"]["events"]
    assert [(e["period"], e["fiscal_year"], e["description"], e["commission"]) for e in events] == [
        ("2010年度（平成22年度）", 2010, "政令指定都市への移行に伴い、精神保健福祉センターを設置", "－"),
        ("2012年度", 2012, "精神障害者地域移行支援事業を開始", "市内の指定一般相談支援事業所"),
    ]
    assert not [d for d in doc["diagnostics"] if d["code"] == "shifted-cell"]


def test_an_event_wrapped_around_the_commission_s_same_as_above_mark_made_whole():
    text = SIGNAL + (
        "平成 30 年\n度\n\n委託\n\n精神障害にも対応した地域包括ケアシステム構築推進事業を開\n↓\n始\n"
        "徳島県精神障害者地域移行・地域生活支援推進会議を設置"
    )
    lines = _apply(text)
    assert lines[-4:] == [
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始",
        "↓",
        None,
        "徳島県精神障害者地域移行・地域生活支援推進会議を設置",
    ]
    # an event that ends with its step: the line after the mark is the year's next event
    whole = SIGNAL + "令和2 年度\n精神障害にも対応した地域包括ケアシステム推進会議へ改組\n↓\n実務者会議を設置"
    assert _apply(whole)[-3:] == whole.split("\n")[-3:]
    # the next row's year cut before its 年度 after the mark: no word's end
    event = "長期入院者の退院意向調査を実施。退院を希望する人の約4割が住まいの不安を理由に挙げた"
    cut = SIGNAL + f"平成28\n年度\n{event}\n↓\n平成30\n年度"
    assert _apply(cut)[1:] == [
        "平成28年度",
        None,
        event,
        "↓",
        "平成30年度",
        None,
    ]


def test_a_western_year_run_into_the_next_cell_is_set_apart_but_not_before_its_bracket_or_its_time():
    # PyMuPDF of a LibreOffice PDF: `2025 年度中山間地域の…` is the year's cell and the plan's item, a
    # bracket after a year is the year's own (`（平成 22`), and `年度中に` a sentence's date
    written = ["2024 年度病院と区の連絡の流れの整理", "2025 年度中山間地域の見守り体制づくり", "2010 年度（平成 22"]
    kept = ["令和6年度中に設置する。", "R6年度中旬"]
    read = ["2024 年度 病院と区の連絡の流れの整理", "2025 年度 中山間地域の見守り体制づくり", "2010 年度（平成 22"]
    assert _apply(SIGNAL + "\n".join(written + kept))[1:] == read + kept


def test_a_frequency_in_words_wrapped_over_three_lines_is_one_cell():
    # PyMuPDF of a LibreOffice PDF: `四半期ごと` in the councils' narrow column, two characters a line
    lines = _apply(
        SIGNAL + "ピアサポーター、精神保健福祉センタ\nー、派遣先病院職員\n四半\n期ご\nと\n活動報告、派遣調整"
    )
    assert lines[1:] == [
        "ピアサポーター、精神保健福祉センタ",
        "ー、派遣先病院職員",
        "四半期ごと",
        None,
        None,
        "活動報告、派遣調整",
    ]
