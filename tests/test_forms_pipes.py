"""The pipe_tables and span_rows forms: pipe tables broken at wrapped cells, row-spanned labels
repeated (python-docx) or dropped (markitdown on DOCX)."""

from __future__ import annotations

import time
import timeit
from collections import Counter

from conftest import FIXTURES, SAMPLES, form_state
from nikosheet.parsing import forms
from nikosheet.parsing.forms import FormState, pipe_tables, span_rows


def _apply(form, text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    form.apply(state)
    return state.lines


def _words(lines: list[str | None]) -> Counter[str]:
    """The characters of the text, layout left out: what no rewrite may lose or add."""
    return Counter("".join(x for x in lines if x).translate(_LAYOUT))


_LAYOUT = dict.fromkeys(map(ord, "|- \t"))


# --- pipe_tables ------------------------------------------------------------------------------

WRAPPED = """前
| 課題解決の達成度を | 目標値 (昨年 |     | 具体的な成果・効果 |
| --------- | ------- | --- | --------- |
| 測る指標      | 度当初)    |     |           |
| ①保健・医療・福祉 | ①研修会(年1 |     | ①研修会を実施した |
| --------- | ------- | --- | --------- |
| の連携       | 回)      |     | 。         |
後"""


def test_a_wrapped_row_becomes_one_tab_row_at_its_first_line():
    out = _apply(pipe_tables, WRAPPED)
    assert out[1] == "課題解決の達成度を測る指標\t目標値 (昨年度当初)\t具体的な成果・効果"
    assert out[3] is None  # the piece's line
    assert out[4] == "①保健・医療・福祉の連携\t①研修会(年1回)\t①研修会を実施した。"
    assert out[6] is None
    assert out[0] == "前" and out[-1] == "後"


def test_no_text_is_lost():
    text = WRAPPED
    out = _apply(pipe_tables, text)
    assert _words(out) == _words(text.split("\n"))


GROUP = """| 入院精神障害者数 (R4年6月時点) | 合計               | 340 人 |
| ------------------- | ---------------- | ----- |
|                     | 3か月未満 (%: 構成割合)  | 54 人  |
15.9 %
|     | 3か月以上1年未満 (%: 構成 | 50 人   |
| --- | ---------------- | ------ |
|     | 割合)              | 14.7 % |
|     | 1年以上 (%: 構成割合)   | 236 人  |
69.4 %
|     | うち65歳未満 うち65歳以上 | 119 人 |
| --- | --------------- | ----- |
221 人
後"""


def test_a_group_row_keeps_its_empty_first_cell_and_a_wrapped_one_is_joined():
    out = _apply(pipe_tables, GROUP)
    rows = [x for x in out if x and "\t" in x]
    assert rows == [
        "入院精神障害者数 (R4年6月時点)\t合計\t340 人",
        "\t3か月未満 (%: 構成割合)\t54 人 15.9 %",
        "\t3か月以上1年未満 (%: 構成割合)\t50 人 14.7 %",
        "\t1年以上 (%: 構成割合)\t236 人 69.4 %",
        "\tうち65歳未満 うち65歳以上\t119 人",
    ]
    assert out[-2] == "221 人"  # after the last row: the parser joins it to the row above
    assert _words(out) == _words(GROUP.split("\n"))


def test_a_stray_wider_than_its_column_under_a_short_cell_starts_a_row_of_the_group():
    text = """| 平成24年度 | 地域移行支援の制度化                | ↓        |
| ------ | ------------------------- | -------- |
| 平成23年度 | 「柏市精神障害者地域移行支援協議会」の発足     | たんぽぽセンター |
受託
| 平成24年度 | 地域移行支援の制度化                | ↓        |
| ------ | ------------------------- | -------- |
柏市自立支援協議会相談支援部会の連絡会として位置づける
| 平成30年度 | 千葉県事業の名称変更                | -        |
| ------ | ------------------------- | -------- |
後"""
    out = _apply(pipe_tables, text)
    assert "平成23年度\t「柏市精神障害者地域移行支援協議会」の発足\tたんぽぽセンター受託" in out
    assert "\t柏市自立支援協議会相談支援部会の連絡会として位置づける\t" in out


def test_a_clean_pipe_table_is_left_to_the_parser():
    text = "| 年度 | 経過 |\n|---|---|\n| R5年度 | 開始 |\n| R6年度 | 継続 |"
    assert _apply(pipe_tables, text) == text.split("\n")


def test_br_joins_a_wrapped_japanese_line_without_a_space_and_keeps_items():
    text = "|年度|内容|\n|---|---|\n|R5年度|精神障害者に対する地域包括<br>ケアシステム<br>・研修会<br>・会議|"
    out = _apply(pipe_tables, text)
    assert out[2] == "| R5年度 | 精神障害者に対する地域包括ケアシステム ・研修会 ・会議 |"


def test_markitdowns_list_in_a_cell_becomes_items():
    text = "| 指標 | 目標値 |\n| --- | --- |\n| ①連携 | * ・連携票の活用 * ・病院訪問 |"
    out = _apply(pipe_tables, text)
    assert out[2] == "| ①連携 | <ul><li>・連携票の活用</li><li>・病院訪問</li></ul> |"


def test_markitdowns_empty_header_row_is_layout():
    text = "前\n|  |  |\n| --- | --- |\n| 所管部署名 | 主な業務 |\n| 障害福祉課 | 支給決定 |"
    out = _apply(pipe_tables, text)
    assert out[1] is None
    assert out[3:] == ["| 所管部署名 | 主な業務 |", "| 障害福祉課 | 支給決定 |"]


# --- span_rows --------------------------------------------------------------------------------

PYTHON_DOCX = """人口 (R6年4月時点)\t434,462\t人\t
入院精神障害者数 (R4年6月時点)\t合計\t340 人\t
入院精神障害者数 (R4年6月時点)\t3か月未満 (%: 構成割合)\t54 人 15.9 %\t
退院率 (R4年6月時点)\t入院後3か月時点\t%\t
退院率 (R4年6月時点)\t入院後6か月時点\t%\t

課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t課題・方針に対する役割(取組)
ゴール設定がしにくい\t進捗管理\t行政\t委託
ゴール設定がしにくい\t進捗管理\t医療\t課題抽出
連携が図れていない\t研修会の開催\t行政\t研修会の開催

計画\t経過\t目標
同じ文\t同じ文\t目標1
同じ文\t同じ文\t目標2
同じ文\t同じ文\t目標3"""


def test_python_docx_repeated_labels_are_written_once():
    out = _apply(span_rows, PYTHON_DOCX)
    assert out[:5] == [
        "人口 (R6年4月時点)\t434,462\t人\t",
        "入院精神障害者数 (R4年6月時点)\t合計\t340 人\t",
        "\t3か月未満 (%: 構成割合)\t54 人 15.9 %\t",
        "退院率 (R4年6月時点)\t入院後3か月時点\t%\t",
        "\t入院後6か月時点\t%\t",
    ]
    assert out[6] == "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t"
    assert out[8] == "\t\t医療\t課題抽出"
    assert out[9] == "連携が図れていない\t研修会の開催\t行政\t研修会の開催"


def test_an_authors_own_table_that_repeats_every_row_is_kept():
    out = _apply(span_rows, PYTHON_DOCX)
    assert out[11:] == PYTHON_DOCX.split("\n")[11:]


def test_python_docx_cell_paragraphs_are_joined_into_their_row():
    text = """退院率 (R2年時点)\t入院後3か月時点\t%
退院率 (R2年時点)\t入院後6か月時点\t%

指標\t目標値\t実績値
①連携\t・連携票の活用
・病院訪問\t・連携票の活用(9件)
・病院訪問(20カ所)
②抽出\t・ヒアリング\t・ヒアリング4回
本文の段落"""
    out = _apply(span_rows, text)
    assert out[4:] == [
        "①連携\t<ul><li>・連携票の活用</li><li>・病院訪問</li></ul>\t<ul><li>・連携票の活用(9件)</li><li>・病院訪問(20カ所)</li></ul>",
        None,
        None,
        "②抽出\t・ヒアリング\t・ヒアリング4回",
        "本文の段落",
    ]


def test_markitdown_docx_shifted_rows_go_back_to_their_columns():
    text = """| 退院率 (R4年6月時点) | 入院後3か月時点 | % |  |
| 入院後6か月時点 | % |  |
| 課題 | 方針 | 役割 | |
| 課題A | 方針A | 行政 | 委託 |
| 医療 | 課題抽出 |"""
    out = _apply(span_rows, text)
    assert out[1] == "\t入院後6か月時点\t%\t"
    assert out[4] == "\t\t医療\t課題抽出"
    assert out[0] == text.split("\n")[0]


def test_markitdown_docx_rows_that_repeat_a_month_are_rows_of_their_own():
    # markitdown drops a spanned cell rather than repeat it: two items in one month are two rows
    text = """| 退院率 (R4年6月時点) | 入院後3か月時点 | % |  |
| 入院後6か月時点 | % |  |

| 時期(月) | 実施する項目 | 実施する内容 |
| R6年7月 | 第1回推進会議 | 部会の報告 |
| R6年7月 | 住まい部会 | 居住支援協議会との合同会議 |"""
    out = _apply(span_rows, text)
    assert out[5:] == text.split("\n")[5:]


def test_the_samples_form_costs_next_to_nothing():
    for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt"):
        lines = (SAMPLES / name).read_text(encoding="utf-8").split("\n")
        state = forms.rewrite(lines)
        assert state.lines == forms.rewrite(lines).lines
        source = "\n".join(lines)
        for form in (pipe_tables, span_rows):
            copy = FormState(list(lines), source)
            form.apply(copy)
            assert copy.lines == lines
            state = FormState(lines, source)
            # measured against one C-level scan of the same text, in CPU time: the machine's speed and
            # load cancel out; a form that looked at every line in Python would cost tens of scans
            cost = _cpu_seconds(lambda f=form, s=state: f.apply(s))
            assert cost < 4 * _cpu_seconds(lambda text=source: text.count("\n"))


def _cpu_seconds(work) -> float:
    return min(timeit.repeat(work, number=200, repeat=5, timer=time.thread_time)) / 200


def test_a_compact_row_cut_by_a_page_line_goes_on(parsed):
    # pymupdf4llm: a council's row written over three pipe rows, its later ones with empty cells
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["councils"]["meetings"][0]
    got = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pymupdf4llm.txt")["councils"]["meetings"][0]
    assert (got["name"], got["members"], got["activities"]) == (want["name"], want["members"], want["activities"])


def test_a_dated_row_under_a_full_cell_is_a_row_of_its_own(parsed):
    from nikosheet import parse_file_data

    got = parse_file_data(FIXTURES / "converters" / "kashiwa-r6--pymupdf4llm.txt")["annual_schedule"]["items"]
    assert [it["label"] for it in got] == [it["label"] for it in parsed("kashiwa-r6.txt")["annual_schedule"]["items"]]


def test_a_narrow_label_column_wraps_where_the_row_leaves_a_cell_empty(parsed):
    # markitdown on a PDF: a council's name wrapped in a column five characters wide
    from nikosheet import parse_file_data

    want = parsed("pref-fy2024.txt")["councils"]["meetings"]
    got = parse_file_data(FIXTURES / "converters" / "pref-fy2024--markitdown-pdf.txt")["councils"]["meetings"]
    assert (
        [m["name"] for m in got][:2]
        == [m["name"] for m in want][:2]
        == ["静岡県精神保健医療福祉推進会議", "圏域別協議の場（8圏域）"]
    )


def test_a_cell_left_open_by_a_trailing_br_goes_on_in_the_next_row(parsed):
    # pymupdf4llm: `|①アウトリーチ支援の|支援対象者20人<br>|…|` then `|実施|訪問延べ200回|…|`
    from nikosheet import parse_file_data

    want = parsed("city-table-shapes-fy2023.txt")["outcomes"]["indicators"][0]
    path = FIXTURES / "converters" / "city-table-shapes-fy2023--pymupdf4llm.txt"
    got = parse_file_data(path)["outcomes"]["indicators"][0]
    assert (got["name"], got["target"], got["actual"]) == (want["name"], want["target"], want["actual"])


def test_the_setup_groups_label_wrapped_beside_its_levels(parsed):
    # pymupdf4llm: `|精神障害…ケアシス|都道府県|…|` / `|テムの構築に…|障害保健福祉圏域|…|` / `|<br>時点)|市町村|…|`
    from nikosheet import parse_file_data

    want = parsed("city-edge-values-fy2024.txt")["basic_info"]["council_setup"]
    doc = parse_file_data(FIXTURES / "converters" / "city-edge-values-fy2024--pymupdf4llm.txt")
    got = doc["basic_info"]["council_setup"]
    assert got["as_of"] == want["as_of"] == "2024-04"
    assert got["municipality"]["exists"] is want["municipality"]["exists"] is True


def test_two_roles_in_one_cell_are_read_as_the_first_with_a_warning():
    # pymupdf4llm ran the row of a role whose action is empty (福祉) into the row before it: `医療<br>福祉`
    # beside one action; the row is 医療's (the issue's wrapped ends going back to its first row), and a
    # warning says which role the action is is not in the text
    text = "\n".join(
        [
            "|課題|課題解決に向けた取組方針|課題・方針に対する役割(取組)||",
            "|---|---|---|---|",
            "|アウトリーチ支援の担い手が不足|多職種チームによる訪問支援の|行政|多職種チームの事務局|",
            "|している|体制をつくる|医療<br>福祉|訪問看護ステーションとの連携|",
            "|||その他関係<br>機関・住民<br>等|社会福祉協議会による見守り|",
        ]
    )
    state = form_state(pipe_tables, text)
    assert state.lines[2:] == [
        "| アウトリーチ支援の担い手が不足している | 多職種チームによる訪問支援の体制をつくる | 行政 "
        "| 多職種チームの事務局 |",
        "|  |  | 医療 | 訪問看護ステーションとの連携 |",
        "|  |  | その他関係機関・住民等 | 社会福祉協議会による見守り |",
    ]
    assert [(code.value, line) for code, line, _ in state.notes] == [("shifted-cell", 4)]
    assert "医療" in state.notes[0][2] and "福祉" in state.notes[0][2]


def test_two_roles_words_in_another_tables_cell_are_its_text():
    # a council's members `医療<br>福祉` (pymupdf4llm): no issue's role column, no warning, nothing cut
    text = "\n".join(
        [
            "|名称|協議の場の構成員|開催頻度|実施内容|特記事項等(任意)|",
            "|---|---|---|---|---|",
            "|地域移行部会|保健所、病院|年4回|事例検討|なし|",
            "|実務者会議|医療<br>福祉|年2回|研修|なし|",
        ]
    )
    state = form_state(pipe_tables, text)
    assert state.notes == []
    assert "福祉" in (state.lines[3] or "")


# designated-hiroshima-fy2023 through markitdown (Chromium PDF): after the first council, each row's
# frequency written in the activities' cell, a space before them, its own cell left empty
FREQUENCY_APART = """| 名称  |     | 協議の場の構成員 | 開催頻度 | 実施内容 | 特記事項等(課題・ |
| --- | --- | -------- | ---- | ---- | --------- |
強み等)
| 広島市精神障害にも対応 |     | 精神科病院協会、精神神経科診療 | 2回/年 | ・区連絡会から  | 委員が多く、1回の |
| ----------- | --- | --------------- | ---- | -------- | --------- |
| した地域包括ケアシステ |     | 所協会、医師会、訪問看護ステー |      | の課題の報告 ・ | 会議で議論を深めに |
| ム推進会議       |     | ション連絡協議会、相談支援事業 |      | 市全体の取組の  | くい。       |
|             |     | 所、地域包括支援センター、家族 |      | 検討 ・障害福祉 |           |
|             |     | 会、ピアサポーター、学識経験  |      | 計画への意見   |           |
者、行政

| 区地域精神保健福祉連絡 |     | 区厚生部、相談支援事業所、地域 |     | 3回/年 ・個別事例の検 | 区ごとに参加機関の |
| ----------- | --- | --------------- | --- | ------------ | --------- |
| 会（8区）       |     | 包括支援センター、精神科医療機 |     | 討            | 顔ぶれが異なる。  |"""


def test_a_council_whose_frequency_stands_in_the_next_cell_is_a_row_of_its_own():
    rows = [line.split("\t") for line in _apply(pipe_tables, FREQUENCY_APART) if line and "\t" in line]
    assert rows[2][0] == "区地域精神保健福祉連絡会（8区）"
    assert rows[2][2:] == ["3回/年", "・個別事例の検討", "区ごとに参加機関の顔ぶれが異なる。"]
    assert rows[1][0] == "広島市精神障害にも対応した地域包括ケアシステム推進会議"


def test_a_councils_frequency_cell_filled_on_a_later_line_keeps_its_text() -> None:
    filled = FREQUENCY_APART.replace(
        "| 会（8区）       |     | 包括支援センター、精神科医療機 |     |",
        "| 会（8区）       |     | 包括支援センター、精神科医療機 | オンライン併用 |",
    )
    lines = _apply(pipe_tables, filled)
    assert _words(lines) == _words(filled.split("\n"))  # (the frequency is not set apart over the cell's text)
    row = next(line.split("\t") for line in lines if line and line.startswith("区地域"))
    assert row[2] == "オンライン併用"
