"""Known headers in columns laid out with spaces: their columns, and a row from each pivot cell."""

from __future__ import annotations

from conftest import FIXTURES
from nikosheet.parsing import forms
from nikosheet.parsing.forms import known_headers

COUNCILS = """\
 7   精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況

名称                   協議の場の構成員             開催頻度 実施内容       特記事項等(課題・強
                                                          み等)
柏市精神障害にも対応した地域       保健, 医療, 福祉, 家族会, ピ   年1回   事業・取組み    市民, 市民関係団体, 民
包括ケアシステム構築推進事業       アサポーター, 行政機関の代             報告方針等の    生委員等の参画が望ま
(代表者会議)              表者                         決定        れる
同事業(コア会議)            医療機関, 基幹相談センター,      年6回   事業内容の調
                     事務局, 行政の担当者                整, 方針確認
"""


def _rows(text: str) -> list[str]:
    return [line for line in forms.rewrite(text.split("\n")).lines if line and "\t" in line]


def test_a_row_runs_from_its_frequency_to_the_next():
    rows = _rows(COUNCILS)
    assert rows[0] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert rows[1] == (
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)\t"
        "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者\t年1回\t事業・取組み報告方針等の決定\t"
        "市民, 市民関係団体, 民生委員等の参画が望まれる"
    )
    assert (
        rows[2]
        == "同事業(コア会議)\t医療機関, 基幹相談センター, 事務局, 行政の担当者\t年6回\t事業内容の調整, 方針確認\t"
    )
    assert len(rows) == 3


def test_a_pivot_run_into_by_the_cell_before_it():
    # pypdf's layout: `…家族会, ピ年1回`, the frequency at its header's column with no space before it
    text = COUNCILS.replace("家族会, ピ   年1回", "家族会,    ピ年1回")
    rows = _rows(text)
    assert rows[1].split("\t")[2] == "年1回"
    assert len(rows) == 3


def test_the_layout_converters_read_the_councils(parsed):
    from nikosheet import parse_file_data

    want = [(m["name"], m["frequency"]["text"]) for m in parsed("kashiwa-r6.txt")["councils"]["meetings"]]
    for conv in ("pdftotext-layout", "pypdf-layout", "pdfplumber-layout"):
        doc = parse_file_data(FIXTURES / "converters" / f"kashiwa-r6--{conv}.txt")
        got = [(m["name"], m["frequency"]["text"]) for m in doc["councils"]["meetings"]]
        assert got == want, conv


SCHEDULE = """\
 9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）

       時期(月)            実施内容                             具体的な取組
       令和6年4月           事業計画                             委託契約

       5月               第1回実務者会議                         課題の整理
       6月〜7月            ピアサポーター養成講座                      全4回

       R7.3             第6回実務者会議                         振り返り
"""


def test_the_blank_lines_between_a_known_tables_rows_are_layout():
    lines = forms.rewrite(SCHEDULE.split("\n")).lines
    rows = [line for line in lines[3:10] if line]
    assert rows == [
        "令和6年4月\t事業計画\t委託契約",
        "5月\t第1回実務者会議\t課題の整理",
        "6月〜7月\tピアサポーター養成講座\t全4回",
        "R7.3\t第6回実務者会議\t振り返り",
    ]
    assert lines[4] is None and lines[7] is None  # a blank line would end the table for the parser


def test_a_history_line_goes_on_where_the_line_above_fills_the_column_and_else_is_an_event(parsed):
    # pdfplumber's layout: `…「精神障害にも対応` / `した地域包括…` is one event; `…全体会議の設置` /
    # `実務者会議を…` two in one year
    from nikosheet import parse_file_data

    want = [e["description"] for e in parsed("kashiwa-r6.txt")["history"]["events"]]
    doc = parse_file_data(FIXTURES / "converters" / "kashiwa-r6--pdfplumber-layout.txt")
    assert [e["description"] for e in doc["history"]["events"]] == want


def test_a_known_headers_body_below_a_blank_line_is_its_table(parsed):
    # pdfplumber's layout: the indicators' header, its wrapped line, a blank line, then its rows
    from nikosheet import parse_file_data

    def read(indicators: list[dict]) -> list[dict]:
        return [{k: v for k, v in m.items() if k != "line"} for m in indicators]

    want = read(parsed("city-table-shapes-fy2023.txt")["outcomes"]["indicators"])
    doc = parse_file_data(FIXTURES / "converters" / "city-table-shapes-fy2023--pdfplumber-layout.txt")
    assert read(doc["outcomes"]["indicators"]) == want
    assert len(want) == 2


def test_an_issues_lines_among_its_roles_rows_go_back_to_it(parsed):
    # pdftotext -layout: the issue's and the policy's lines stand beside the later roles' rows
    from nikosheet import parse_file_data

    for sheet in ("kawaguchi-r5", "ward-numberalone-fy2024"):
        want = parsed(f"{sheet}.txt")["strengths_and_issues"]["issues"]
        doc = parse_file_data(FIXTURES / "converters" / f"{sheet}--pdftotext-layout.txt")
        got = doc["strengths_and_issues"]["issues"]
        assert [(i["issue"], i["roles"]) for i in got] == [(i["issue"], i["roles"]) for i in want], sheet


def test_a_column_no_row_fills_is_left_out(parsed):
    # pdftotext -layout: one sector's cells set two positions further in than the others'
    from nikosheet import parse_file_data

    want = parsed("kashiwa-r6.txt")["coordination"]["sectors"]
    doc = parse_file_data(FIXTURES / "converters" / "kashiwa-r6--pdftotext-layout.txt")
    got = {s["label"]: s["strengths_and_issues"] for s in doc["coordination"]["sectors"]}
    for sector in ("保健", "福祉", "その他関係機関・住民等"):  # (医療's status wraps after a kanji and a 。)
        assert got[sector] == next(s["strengths_and_issues"] for s in want if s["label"] == sector), sector


def test_a_headers_wrapped_rest_in_the_first_column_is_not_a_lost_pivot(parsed):
    # pdftotext -layout: `課題解決の達成度を測` / `る指標` above the rows opened by ① and ②
    from nikosheet import parse_file_data

    want = parsed("city-table-shapes-fy2023.txt")["outcomes"]["indicators"]
    doc = parse_file_data(FIXTURES / "converters" / "city-table-shapes-fy2023--pdftotext-layout.txt")
    got = doc["outcomes"]["indicators"]
    assert [(m["name"], m["target"], m["actual"]) for m in got] == [(m["name"], m["target"], m["actual"]) for m in want]


def test_a_header_written_as_words_above_its_table_is_its_header_row():
    assert known_headers.header_cells("課題 課題解決に向けた取組方針 課題・方針に対する役割(取組)") == [
        "課題",
        "課題解決に向けた取組方針",
        "課題・方針に対する役割(取組)",
        "",
    ]
    assert known_headers.header_cells("各部門の連携状況 強み・課題等") == ["各部門の連携状況", "", "強み・課題等"]
    assert known_headers.header_cells("課題の整理を行う") is None


def test_pdfplumbers_issues_under_a_header_of_words_are_read(parsed):
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["strengths_and_issues"]["issues"]
    doc = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pdfplumber-layout.txt")
    assert [i["roles"] for i in doc["strengths_and_issues"]["issues"]] == [i["roles"] for i in want]


def test_a_header_whose_cells_stand_a_space_apart_takes_the_bodys_columns_right_of_its_cells():
    header = "課題解決の達成度を測る指標 現状値（今年度当初） 目標値（今年度末） 見込んでいる成果・効果"
    known = known_headers.in_layout(header, [0, 28, 44])
    assert known is not None and known.columns == [0, 14, 28, 44]  # 現状値 has no column of the body's: its own start
