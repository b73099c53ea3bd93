"""A Word document's text (LibreOffice's export, docx2txt): its tables a cell per line, counted."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing.forms import FormState, cell_lines_docx
from nikosheet.sources.text import read_bytes

CONVERTERS = FIXTURES / "converters"
# a Word paragraph is never wrapped: a line wider than a PDF page's says the text is a document's
VISION = "船橋市では、" + "精神障害の有無や程度にかかわらず誰もが地域の一員として安心して暮らせるよう" * 2 + "。"
HISTORY = "\n年度\n経過\n委託\n現在\n3層構造で継続開催中\n"  # a table header: the signal


def _apply(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    cell_lines_docx.apply(state)
    return state.lines


def _rows(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line and "\t" in line]


COUNCILS_LIBREOFFICE = f"""{VISION}
名称
協議の場の構成員
開催頻度
実施内容
特記事項等(課題・強み等)
代表者会議
保健, 医療, 福祉
年1回
方針の決定

実務者会議
保健, 医療, 福祉, 家族会
年6回
具体的な課題に対して取り組む

【その他事項】"""


def test_libreoffice_a_cell_per_line_an_empty_cell_an_empty_line():
    lines = _apply(COUNCILS_LIBREOFFICE)
    assert _rows(lines) == [
        "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)",
        "代表者会議\t保健, 医療, 福祉\t年1回\t方針の決定\t",
        "実務者会議\t保健, 医療, 福祉, 家族会\t年6回\t具体的な課題に対して取り組む\t",
    ]
    assert lines[1].startswith("名称\t") and lines[6].startswith("代表者会議\t") and lines[11].startswith("実務者")
    assert lines[-1] == "【その他事項】"


def test_docx2txt_a_blank_line_after_each_cell_two_more_for_an_empty_one():
    text = "\n\n".join(COUNCILS_LIBREOFFICE.split("\n"))  # the empty line: three blank lines
    assert "方針の決定\n\n\n\n実務者会議" in text
    assert _rows(_apply(text))[1:] == [
        "代表者会議\t保健, 医療, 福祉\t年1回\t方針の決定\t",
        "実務者会議\t保健, 医療, 福祉, 家族会\t年6回\t具体的な課題に対して取り組む\t",
    ]


def test_a_row_spanned_year_and_a_schedule_s_dates_the_patterns_do_not_know():
    text = f"""{VISION}
年度
経過
委託
平成24年度
地域移行支援の制度化
↓

部会の連絡会として位置づける

現在
3層構造で継続開催中
↓
時期(月)
実施内容
具体的な取組
6月～7月
ピアサポーター養成講座
全4回
R6年度下半期
フォローアップ研修
登録者向け
R7.3
第6回実務者会議
振り返り"""
    assert _rows(_apply(text)) == [
        "年度\t経過\t委託",
        "平成24年度\t地域移行支援の制度化\t↓",
        "\t部会の連絡会として位置づける\t",
        "現在\t3層構造で継続開催中\t↓",
        "時期(月)\t実施内容\t具体的な取組",
        "6月～7月\tピアサポーター養成講座\t全4回",
        "R6年度下半期\tフォローアップ研修\t登録者向け",
        "R7.3\t第6回実務者会議\t振り返り",
    ]


def test_parallel_lists_of_a_row_cut_into_equal_runs():
    text = (
        f"""{VISION}
課題解決の達成度を測る指標
目標値 (R4年度当初)
実績値 (R4年度末)
具体的な成果・効果
①保健医療と福祉の連携
    • ・連携票の活用
    • ・医療機関訪問の実施
    • ・連携票の活用(9件)
    • ・医療機関訪問の実施(20カ所)
    • ・情報共有を行うことができた。
    • ・顔の見える関係づくりができた。
②地域課題の抽出
ヒアリング
ヒアリング4回
課題を抽出できた。"""
        + HISTORY
    )
    assert _rows(_apply(text))[1:3] == [
        "①保健医療と福祉の連携\t<ul><li>・連携票の活用</li><li>・医療機関訪問の実施</li></ul>"
        "\t<ul><li>・連携票の活用(9件)</li><li>・医療機関訪問の実施(20カ所)</li></ul>"
        "\t<ul><li>・情報共有を行うことができた。</li><li>・顔の見える関係づくりができた。</li></ul>",
        "②地域課題の抽出\tヒアリング\tヒアリング4回\t課題を抽出できた。",
    ]


def test_cells_that_do_not_add_up_are_left_to_the_pivot_reader():
    text = COUNCILS_LIBREOFFICE.replace("方針の決定\n", "方針の決定\n事業報告\n")
    assert _apply(text) == text.split("\n")


def test_list_paragraphs_outside_the_tables_are_list_items():
    items = "    1. 区ごとに保健師が配置 \n    • ◆ 地域生活支援拠点運営協議会 \n\t\t・重層的支援 \n    2. ・研修 "
    text = f"{VISION}\n【特徴(強み)】\n{items}{HISTORY}"
    want = ["1. 区ごとに保健師が配置", "- ◆ 地域生活支援拠点運営協議会", "・重層的支援", "2. ・研修"]
    assert _apply(text)[2:6] == want


def test_a_list_item_inside_a_table_a_later_form_reads_gets_no_dash():
    # docx2txt writes a cell's list items `⇥⇥・全7圏域で年2回以上`; a table this form leaves (its cells do not
    # add up) is read a line at a time later: a `- ` made here had gone into the cells as an item `-`
    rows = (
        "②圏域協議の場の開催\n\n\t\t・全7圏域で年2回以上 \n\n\t\t・圏域間の合同研修 1回 \n\n"
        "\t\t・6圏域で年2回以上開催 \n\n\t\t・新宮圏域は年1回（書面開催） \n\n"
        "圏域ごとに重点テーマが整理された。\n\n"
    )
    out = _apply(f"{VISION}\n{rows}{HISTORY}")
    assert "・全7圏域で年2回以上" in out and not [line for line in out if line and line.startswith("- ")]


def test_a_pdf_s_text_is_left_alone():
    text = COUNCILS_LIBREOFFICE.replace(VISION, VISION[:40])
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize(
    "path",
    sorted(CONVERTERS.glob("*--docx2txt.txt")) + sorted(CONVERTERS.glob("*--libreoffice-txt.txt")),
    ids=lambda p: p.stem,
)
def test_no_text_lost_or_invented(path):
    lines = read_bytes(path.read_bytes()).lines
    out = _apply("\n".join(lines))

    def squeezed(texts: list[str | None]) -> str:  # markup and list labels aside
        cells = [cell.strip() for text in texts if text for cell in text.split("\t")]
        return "".join(sorted("".join(re.sub(r"<ul>|</ul>|<li>|</li>|<br>|^[-•] |\s", "", c) for c in cells)))

    assert squeezed(out) == squeezed(list(lines))


def test_councils_and_schedules_of_a_docx2txt_text_read_whole():
    path = CONVERTERS / "city-edge-values-fy2024--docx2txt.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    assert [m["name"] for m in doc["councils"]["meetings"]] == ["代表者会議", "実務者会議"]
    assert doc["councils"]["meetings"][0]["notes"] is None
    items = doc["annual_schedule"]["items"]
    assert [i["label"] for i in items][2:] == ["6月～7月", "R6年10月～12月", "R6年度下半期", "2月", "R7.3"]


def test_a_schedule_s_goal_label_and_its_value_are_one_row():
    goals = "長期目標\nピアサポーターが活躍できる体制をつくる。\n短期目標 (今年度)\n\nスモール ステップ\n募集する"
    text = f"{VISION}\n{goals}{HISTORY}"
    assert _apply(text)[1:7] == [
        "長期目標\tピアサポーターが活躍できる体制をつくる。",
        None,
        "短期目標 (今年度)\t",
        "",
        "スモール ステップ\t募集する",
        None,
    ]


def test_libreoffice_s_paragraphs_each_a_line_are_read_apart():
    path = CONVERTERS / "ward-numberalone-fy2024--libreoffice-txt.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    assert doc["overview"]["text"][:2] == [
        "世田谷区の「にも包括」推進体制",
        "区全体の協議の場（世田谷区精神保健福祉連絡協議会）",
    ]
    assert doc["long_term_schedule"]["goal"].startswith("どの地域に住んでいても")


def test_pivots_in_the_words_sheets_use():
    text = f"""{VISION}
会議名
構成員
開催回数
内容
備考
圏域会議
保健所、市町村
四半期ごと
事例検討
圏域ごとに差がある
連絡会
ピアサポーター
2か月に1回
活動報告

各部門の連携状況
強み・課題等
医療分野
情報交換会を行っている。
診療所との連携が少ない。
障害福祉
地域移行支援を担っている。
人材が不足している。"""
    assert _rows(_apply(text)) == [
        "会議名\t構成員\t開催回数\t内容\t備考",
        "圏域会議\t保健所、市町村\t四半期ごと\t事例検討\t圏域ごとに差がある",
        "連絡会\tピアサポーター\t2か月に1回\t活動報告\t",
        "各部門の連携状況\t\t強み・課題等",
        "医療分野\t情報交換会を行っている。\t診療所との連携が少ない。",
        "障害福祉\t地域移行支援を担っている。\t人材が不足している。",
    ]


def test_the_last_years_next_event_is_a_row_and_the_paragraph_after_the_table_is_not():
    """docx2txt: a blank line after each cell, two more for an empty one; the last year's second event
    leaves its year's cell empty, and the paragraph after the table is a sentence."""
    cells = ["令和4年度", "島しょ部（男木島・女木島）での訪問支援を開始", "", ""]
    cells += ["作業部会を設置し、検討会の下で具体的な取組を企画する体制とした", ""]
    body = "".join(f"{cell}\n\n" if cell else "\n\n" for cell in cells)
    text = f"{VISION}\n\n年度\n\n経過\n\n委託\n\n{body}\n\n島しょ部への支援が課題として残っている。\n"
    rows = _rows(_apply(text))
    assert rows == [
        "年度\t経過\t委託",
        "令和4年度\t島しょ部（男木島・女木島）での訪問支援を開始\t",
        "\t作業部会を設置し、検討会の下で具体的な取組を企画する体制とした\t",
    ]


@pytest.mark.parametrize("converter", ["libreoffice-txt", "python-docx", "docx2txt"])
def test_an_arrow_line_after_an_item_is_the_items_rest(converter, parsed, converted):
    """川口市's first initiative, `…の開催` and, after the line break its author set in the item, `→地域課題の抽出、…`:
    one initiative in a Word document's text too (LibreOffice's text, a paragraph a line, had made the arrow's line an
    initiative of its own, and every later one read one place off)."""
    doc = converted(FIXTURES / "converters" / f"kawaguchi-r5--{converter}.txt")
    want = parsed("kawaguchi-r5.txt")["basic_info"]["initiatives"]
    assert doc["basic_info"]["initiatives"] == want
    assert want[0].endswith("の開催\n→地域課題の抽出、解決に向けた方策の検討")


# a city's first indicator as docx2txt wrote it: its target's, actual's and effects' items one run of list
# paragraphs (two, two and three: no even share)
_UNEVEN = (
    "＜令和4年度までの成果・効果＞\n"
    "\n"
    "課題解決の達成度を測る指標\n"
    "\n"
    "目標値 (R4年度当初)\n"
    "\n"
    "実績値 (R4年度末)\n"
    "\n"
    "具体的な成果・効果\n"
    "\n"
    "①区単位での地域課題の抽出\n"
    "\n"
    "\t\t・区精神保健福祉連絡会議の開催（7区で各2回） \n"
    "\n"
    "\t\t・区ごとの地域課題シートの作成 \n"
    "\n"
    "\t\t・区精神保健福祉連絡会議の開催（7区で計12回） \n"
    "\n"
    "\t\t・地域課題シートの作成（5区） \n"
    "\n"
    "\t\t・区ごとに事例をもとに課題を話し合うことで、退院後の通院中断や家族の高齢化など、"
    "区の特性に応じた課題が見えてきた。 \n"
    "\n"
    "\t\t・中央区と博多区では単身の若年層、西区と早良区では高齢の家族と同居する方の支援が課題として挙がった。 \n"
    "\n"
    "\t\t・2区で地域課題シートが未作成であり、次年度に作成を支援する。 \n"
    "\n"
)


def test_an_indicators_lists_run_together_unevenly_are_cut_where_target_and_actual_start_alike(converted):
    from nikosheet import parse_text_data

    path = FIXTURES / "converters" / "kawaguchi-r5--docx2txt.txt"
    source = path.read_text(encoding="utf-8")
    head, rest = source.split("＜令和4年度までの成果・効果＞\n", 1)
    text = head + "".join(_UNEVEN) + rest[rest.index("\n②") + 1 :]  # (in place of the sheet's first indicator)
    indicators = parse_text_data(text)["outcomes"]["indicators"]
    assert indicators[0]["target"] == ["区精神保健福祉連絡会議の開催（7区で各2回）", "区ごとの地域課題シートの作成"]
    assert indicators[0]["actual"] == ["区精神保健福祉連絡会議の開催（7区で計12回）", "地域課題シートの作成（5区）"]
    assert len(indicators[0]["effects"]) == 3 and indicators[0]["effects"][2].startswith("2区で地域課題シートが未作成")
    from test_converters import fields

    assert fields(indicators[1:]) == fields(converted(path)["outcomes"]["indicators"][1:])


def test_the_tables_last_row_shares_out_its_run_of_lists(parsed, converted):
    """川口市's last indicator in docx2txt's text, its target's, actual's and effects' items one run of six at the
    table's end: cut as any row's are, two each (the target had held all six)."""
    from test_converters import fields

    doc = converted(FIXTURES / "converters" / "kawaguchi-r5--docx2txt.txt")
    want = parsed("kawaguchi-r5.txt")["outcomes"]["indicators"]
    assert fields(doc["outcomes"]["indicators"]) == fields(want)
    assert doc["outcomes"]["indicators"][1]["actual"] == ["委員へのヒアリング4回実施", "協議の場2回開催"]


@pytest.mark.parametrize(
    ("converter", "apart", "item"), [("docx2txt", "\n\n", "\t\t"), ("libreoffice-txt", "\n", "    • ")]
)
def test_a_schedules_short_last_row_keeps_its_list_in_one_cell(converter, apart, item):
    """The schedule's last row at the document's end, its details empty (the converter drops the empty cells
    there) and its item a list of two: the list is the item's, not cut into item and details."""
    from nikosheet import parse_text_data

    source = (FIXTURES / "converters" / f"city-pipe-fy2023--{converter}.txt").read_text(encoding="utf-8")
    text = (
        source[: source.rindex("R6年3月")]
        + "R6年3月"
        + apart
        + f"{item}・第2回推進会議"
        + apart
        + f"{item}・支援者向け研修会"
    )
    last = parse_text_data(text)["annual_schedule"]["items"][-1]
    assert (last["label"], last["item"], last["actions"]) == ("R6年3月", "第2回推進会議\n支援者向け研修会", [])


def test_a_sectors_list_items_in_docx2txt_are_their_cells(parsed):
    # 高知県's and 岩手県's sectors table through docx2txt: a status of two list items (`⇥⇥・…`) had read
    # as cells `- …`, the row's other cells pushed into the rows below
    from conftest import FIXTURES
    from nikosheet import parse_file_data

    for name in ("pref-kochi-fy2023", "pref-iwate-fy2023"):
        want = parsed(f"{name}.txt")["coordination"]["sectors"]
        got = parse_file_data(FIXTURES / "converters" / f"{name}--docx2txt.txt")["coordination"]["sectors"]
        assert [row["strengths_and_issues"] for row in got] == [row["strengths_and_issues"] for row in want], name
        assert " ".join(got[1]["status"].split()) == " ".join(want[1]["status"].split()), name
