"""A PDF's text outside the tables: the page's wraps joined, paragraphs told apart by width."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, form_state
from nikosheet.parsing.forms import FormState, page_wraps

CONVERTERS = FIXTURES / "converters"
FULL = "県内の精神科病院には長期入院者が多く、退院後の住まいや日中活動の場の不足が地域移行の課題となって"
BODY = "\n".join([FULL] * 10)  # the page's width: lines as wide as it
TABLE = "\n年度\n経過\n委託\n"  # a table header a cell per line: a PDF's text
TITLE_2 = "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
TITLE_3 = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯"


def _apply(text: str) -> FormState:
    return form_state(page_wraps, text)


def test_a_wrapped_line_is_joined_and_a_short_one_ends_its_paragraph():
    text = f"{TITLE_2}\n{FULL}\nいる。\n協議の場\n代表者会議{TABLE}{BODY}"
    state = _apply(text)
    assert state.lines[1:5] == [FULL + "いる。", None, "協議の場", "代表者会議"]
    assert {3, 4} <= state.alone and 2 not in state.alone


def test_a_bullet_a_marker_or_a_heading_is_never_joined():
    text = f"{TITLE_2}\n{FULL}\n・項目\n{FULL}\n【特徴(強み)】\n{FULL}\n{TITLE_3}{TABLE}{BODY}"
    assert _apply(text).lines[1:7] == [FULL, "・項目", FULL, "【特徴(強み)】", FULL, TITLE_3]


def test_nothing_is_joined_to_a_markdown_heading():
    # a markdown heading is one line: the line below it is the section's, whatever the title's width
    title = "## ４　精神障害にも対応した地域包括ケアシステムの構築を進めるために市町村と共に取り組んだ事業の成果・効果"
    text = f"{TITLE_2}\n{FULL}\n{title}\n取組内容{TABLE}{BODY}"
    assert _apply(text).lines[2:4] == [title, "取組内容"]


def test_before_section_2_and_in_a_word_document_s_text_nothing_changes():
    text = f"{FULL}\nいる。\n取組概要{TABLE}{BODY}"
    assert _apply(text).lines[:2] == [FULL, "いる。"]
    wide = f"取組概要\n{FULL * 2}\n協議の場\n代表者会議{TABLE}{BODY}"
    state = _apply(wide)
    assert state.lines == wide.split("\n") and not state.alone


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    state = _apply(text)
    assert state.lines == text.split("\n") and not state.alone


def test_the_overview_of_a_pdf_s_text_is_its_paragraphs():
    path = CONVERTERS / "kashiwa-r6--lopdf-pymupdf.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    text = json.loads(out.stdout)["overview"]["text"]
    assert text[:4] == ["柏市「にも包括」推進体制", "協議の場", "代表者会議", "年1回開催。方針を決定"]


def test_pdfminer_s_blank_line_inside_a_wrapped_paragraph_is_passed_over():
    text = f"{TITLE_2}\n{FULL}\n\nいる。\n\n{FULL}（イメージ）\n\n協議の場{TABLE}{BODY}"
    state = _apply(text)
    assert state.lines[1:4] == [FULL + "いる。", "", None]
    assert state.lines[5:8] == [f"{FULL}（イメージ）", "", "協議の場"]  # a figure's title ends at its bracket


def test_pdfminer_s_history_text_is_one_paragraph():
    path = CONVERTERS / "pref-gifu-fy2024--pdfminer.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    assert json.loads(out.stdout)["history"]["text"] == [
        "県内の精神科病床は人口当たりでは全国平均を下回るが、1年以上の長期入院者の割合が高く、"
        "特に中山間地域では退院後の住まい、移動手段、日中活動の場が不足している。"
    ]


def test_a_page_s_number_between_a_wrap_and_its_rest_stays_apart():
    text = f"{TITLE_2}\n{FULL}\n\n5\n\n\fいる。\n{TABLE}{BODY}"
    state = _apply(text)
    assert state.lines[1] == FULL + "いる。"
    assert state.lines[3] == "5"


def test_markitdowns_prose_beside_pipe_tables_is_joined_where_the_page_wrapped_it():
    # markitdown's text of a PDF: the tables pipe rows, the prose a line per printed line
    pipes = "\n| 所管部署名 | 所管部署における主な業務 |\n| --- | --- |\n| 障害者支援課 | 事業の所管 |\n"
    text = f"{TITLE_2}\n{BODY}\n【にも包括構築の体制】\n{FULL}\nいる。{pipes}"
    lines = _apply(text).lines
    assert lines[12:14] == [FULL + "いる。", None]


def test_a_line_short_by_the_next_line_s_first_number_is_wrapped():
    # pdfminer: `1.6` did not fit at the line's end, which stops three characters short of the page
    short = FULL[:-3]
    state = _apply(f"{TITLE_2}\n{short}\n1.6倍前後に増えている。\n{short}\n協議の場{TABLE}{BODY}")
    assert state.lines[1:5] == [short + "1.6倍前後に増えている。", None, short, "協議の場"]
    ended = FULL[:-2] + "いる。"  # a full line that ends a sentence keeps its paragraph, whatever follows
    state = _apply(f"{TITLE_2}\n{ended}\n2025年度に協議の場を設置する。\n協議の場{TABLE}{BODY}")
    assert state.lines[1:3] == [ended, "2025年度に協議の場を設置する。"]


def test_a_series_next_item_is_no_wrap_of_a_full_line():
    one, two = f"柱１\u3000{FULL}"[: len(FULL)], f"柱２\u3000{FULL}"[: len(FULL)]
    state = _apply(f"{TITLE_2}\n{one}\n{two}\n柱３\u3000研修{TABLE}{BODY}")
    assert state.lines[1:4] == [one, two, "柱３\u3000研修"]
    year = f"R5 年度から{FULL}"[: len(FULL)]  # an autospaced year is no series' item: the wrap is joined
    state = _apply(f"{TITLE_2}\n{year}\nR6 年度も続けている。\n協議の場{TABLE}{BODY}")
    assert state.lines[1] == f"{year} R6 年度も続けている。" and state.lines[2] is None


# 岡山市's strengths as PDF text: the template frames them narrower than the page's prose (BODY)
STRENGTH_WRAPPED = "指定都市としてこころの健康センターを持ち、アウトリーチ支援チーム（精神科医・保健師・精神保健福祉"
STRENGTH_REST = "士・作業療法士）が医療中断者や未治療者への訪問を担っている。"
STRENGTHS = [
    "市内の精神科病院が多く、12病院すべてが推進会議またはワーキンググループに参加している。",
    "退院支援連携パスが市内7病院で使われ、病院と相談支援事業所の共通の様式として定着しつつある。",
    "市と区の二層で協議の場を運営しており、区の個別事例から見えた課題を市の施策につなげる流れがある。",
]
ISSUES_HEADER = "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)"
WIDE_BODY = "\n".join([FULL + "、住まい"] * 10)  # the page's prose, four characters wider than the box


def test_a_strength_its_box_wrapped_is_joined_by_the_box_s_width():
    box = "\n".join([STRENGTH_WRAPPED, STRENGTH_REST, *STRENGTHS])
    state = _apply(f"{TITLE_2}\n{WIDE_BODY}\n## 【特徴(強み)】\n{box}\n{ISSUES_HEADER}{TABLE}")
    assert state.lines[11:14] == ["## 【特徴(強み)】", STRENGTH_WRAPPED + STRENGTH_REST, None]
    assert state.lines[14:17] == STRENGTHS and {14, 15, 16} <= state.alone


def test_pdfminer_s_boxes_of_a_framed_strengths_list_are_joined_alike():
    box = f"{STRENGTH_WRAPPED}\n{STRENGTH_REST}\n\n{STRENGTHS[0]}\n{STRENGTHS[1]}\n\n{STRENGTHS[2]}"
    lines = _apply(f"{TITLE_2}\n{WIDE_BODY}\n【特徴(強み)】\n\n{box}\n\n{ISSUES_HEADER}{TABLE}").lines
    assert lines[13:15] == [STRENGTH_WRAPPED + STRENGTH_REST, None]


def test_a_box_s_one_wide_line_does_not_set_its_width():
    # one line as wide as the box's widest may be a long paragraph: its measure is the page's
    box = "\n".join([STRENGTH_WRAPPED, STRENGTH_REST, STRENGTHS[0]])
    lines = _apply(f"{TITLE_2}\n{WIDE_BODY}\n【特徴(強み)】\n{box}\n{ISSUES_HEADER}{TABLE}").lines
    assert lines[12:14] == [STRENGTH_WRAPPED, STRENGTH_REST]


def test_markitdown_s_strengths_in_their_box_are_the_sheet_s(converted, parsed):
    strengths = converted(CONVERTERS / "city-shizuoka-fy2023--markitdown-pdf.txt")["strengths_and_issues"]["strengths"]
    assert strengths == parsed("city-shizuoka-fy2023.txt")["strengths_and_issues"]["strengths"]
    assert strengths[0].startswith("市にこころの健康センターと保健所があり") and strengths[0].endswith("行っている。")


def test_a_box_of_short_lines_is_measured_by_the_page():
    # three short strengths with no sentence's end: a box's measure is near the page's, these are paragraphs
    short = [
        "市にこころの健康センターと保健所がある",
        "区保健福祉センターに相談員が配置されている",
        "家族会連合会がピアサポート訪問を受託している",
    ]
    lines = _apply(f"{TITLE_2}\n{WIDE_BODY}\n【特徴(強み)】\n" + "\n".join(short) + f"\n{ISSUES_HEADER}{TABLE}").lines
    assert lines[12:15] == short


def test_pdfminer_s_blank_line_inside_a_framed_strength_is_passed_over():
    box = f"{STRENGTH_WRAPPED}\n\n{STRENGTH_REST}\n\n{STRENGTHS[0]}\n{STRENGTHS[1]}\n\n{STRENGTHS[2]}"
    lines = _apply(f"{TITLE_2}\n{WIDE_BODY}\n【特徴(強み)】\n\n{box}\n\n{ISSUES_HEADER}{TABLE}").lines
    assert lines[13] == STRENGTH_WRAPPED + STRENGTH_REST and lines[15] is None


def test_a_page_break_after_an_items_wrapped_lines_joined_before_keeps_the_item_whole(parsed):
    """An item of 【その他事項】 whose wrapped lines `wrapped_items` joined, then the page's break (a blank line and a
    form feed) before its last line: the lines taken into the item are passed over, and the rest goes on it (it
    had been an item of its own, `内容にばらつきがある。`)."""
    from nikosheet import parse_text_data

    source = (FIXTURES / "converters" / "kawaguchi-r5--pdftotext.txt").read_text(encoding="utf-8")
    head, rest = source.split("さい\n前年度の協議の場において", 1)
    matters = (
        "・協議の場が3層に分かれており、それぞれの会議で出された意見をどのように集約し、具体的な取組につなげるかが\n"
        "課題となっている。特に、区の連絡会で出された課題を推進会議に報告する方法が定まっておらず、区によって報告の\n"
        "\n"
        "\f内容にばらつきがある。\n"
        "・推進会議と自立支援協議会精神部会の役割分担について、他の指定都市の例を教えていただきたい。\n"
    )
    text = head + "さい\n" + matters + rest[rest.index("\n\n") :]
    assert parse_text_data(text)["councils"]["other_matters"] == [
        "協議の場が3層に分かれており、それぞれの会議で出された意見をどのように集約し、具体的な取組につなげるかが課題と"
        "なっている。特に、区の連絡会で出された課題を推進会議に報告する方法が定まっておらず、区によって報告の内容に"
        "ばらつきがある。",
        "推進会議と自立支援協議会精神部会の役割分担について、他の指定都市の例を教えていただきたい。",
    ]


# a prefecture's strengths as pypdf wrote them: no bullet, each opening with a label of the author's own
_LABELLED = (
    "【保健福祉事務所を核とした圏域⽀援】県内10か所の保健福祉事務所が圏域の協議の場の事務局を担ってお\n"
    "り、精神科病院、市町村、相談⽀援事業所との⽇頃からの関係を⽣かして、圏域単位で課題の共有と調整を⾏\n"
    "うことができる。⻑野市・松本市の保健所とも担当者会議を通じて情報共有を⾏っている。\n"
    "【精神保健福祉センターによる⼈材育成】精神保健福祉センターが市町村職員向けの体系的な研修とピアサポ\n"
    "ーターの養成を担っており、県全体で⽀援者の資質向上に取り組む体制がある。\n"
    "【当事者・家族の参画】県家族会連合会や当事者団体が構築推進会議の委員として参加しており、当事者の視\n"
    "点を施策に反映する素地がある。\n"
)


def test_strengths_that_open_with_labels_of_their_own_are_measured_by_their_box(parsed):
    """Strengths written `【保健福祉事務所を核とした圏域支援】県内…`, no bullet: each label opens a strength, not a
    box of its own, so the box under 【特徴(強み)】 is measured by its widest line and each strength's wrapped lines
    go on it (each strength after the first had been read one place down)."""
    from nikosheet import parse_text_data

    source = (CONVERTERS / "kawaguchi-r5--pypdf.txt").read_text(encoding="utf-8")
    head, rest = source.split("【特徴(強み)】\n", 1)
    text = head + "【特徴(強み)】\n" + "".join(_LABELLED) + rest[rest.index("課題 課題解決") :]
    strengths = parse_text_data(text)["strengths_and_issues"]["strengths"]
    assert [s[:12] for s in strengths] == [
        "【保健福祉事務所を核とし",
        "【精神保健福祉センターに",
        "【当事者・家族の参画】県",
    ]
    assert strengths[0].endswith(
        "圏域単位で課題の共有と調整を行うことができる。長野市・松本市の保健所とも担当者会議を通じて情報共有を行っている。"
    )
    assert strengths[2].endswith("当事者の視点を施策に反映する素地がある。")


# 徳島県's strengths as pdfplumber reads its LibreOffice PDF: each item's first line opens with Word's list
# label and a space (U+F0B7), which the page sets in the indent, the item's wrapped lines a character short
# of the box's text: the box's measure is its text's, the label aside (one column more and the lines short
# by five read as full no longer)
_WORD_LABELLED = [
    "\uf0b7 ・【三層の協議の場】県域・圏域・市町村の協議の場がそろっており、市町村で解決できない課題を圏域で、圏",
    "域で解決できない課題を県域で協議する仕組みができている。各圏域の協議の場には保健所長が出席し、病院",
    "長や市町村の担当課長と直接意見を交わしている。",
    "\uf0b7 ・【病院との長年の協働】平成18年度から退院促進支援事業に取り組んでおり、県内17の精神科病院すべて",
    "が地域移行推進部会に参加している。病院の精神保健福祉士と地域体制整備コーディネーターの間に顔の見え",
    "る関係がある。",
]


@pytest.mark.parametrize("label", ["\uf0b7", "・"])
def test_a_list_label_before_a_strength_s_first_line_is_no_part_of_the_box_s_measure(label):
    box = "\n".join(line.replace("\uf0b7", label) for line in _WORD_LABELLED)
    state = _apply(f"{TITLE_2}\n{WIDE_BODY}\n【特徴(強み)】\n{box}\n{ISSUES_HEADER}{TABLE}")
    first, second = _WORD_LABELLED[0].replace("\uf0b7", label), _WORD_LABELLED[3].replace("\uf0b7", label)
    assert state.lines[12:18] == [
        first + _WORD_LABELLED[1] + _WORD_LABELLED[2],
        None,
        None,
        second + _WORD_LABELLED[4] + _WORD_LABELLED[5],
        None,
        None,
    ]


def test_circled_items_after_a_sentence_are_paragraphs_of_their_own():
    # 川口市's その他事項 through pdfplumber: `…以下の3項目を抽出いたしました。` fills the page, its ① ② ③ items
    # follow with no blank line; each item is a paragraph (its wrapped rest joined), as the samples' list is
    items = ["①「誰もが受け取りやすい情報の周知」", "②「点から円につながる連携」", f"③{FULL}", "をすすめる"]
    text = f"{TITLE_2}\n{FULL[:-2]}ました。\n" + "\n".join(items) + f"\n上記について助言いただきたい。{TABLE}{BODY}"
    state = _apply(text)
    assert {2, 3, 4} <= state.alone
    assert state.lines[4] == f"③{FULL}をすすめる" and state.lines[5] is None


def test_a_circled_number_that_goes_on_a_sentence_is_no_item():
    # `…上記の` / `①の取組を…`: the line above ends no sentence and opens no item: the page's wrap of a sentence
    text = f"{TITLE_2}\n{FULL[:-2]}上記の\n①の取組を続ける。{TABLE}{BODY}"
    assert 2 not in _apply(text).alone
    # a reference after a sentence's end (`①の…`, `①～③の…`), or a later number with no ① before it (a table's
    # row left as text: `③ ピア相談の利用件数`), is no list's item: its number stays in the text
    for line in ("①の情報の周知については、届いていない。", "①～③の項目は、次年度も続ける。", "③ ピア相談の利用件数"):
        assert 2 not in _apply(f"{TITLE_2}\n{FULL[:-2]}ました。\n{line}{TABLE}{BODY}").alone, line


def test_the_samples_other_matters_in_pdf_texts(parsed):
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["councils"]["other_matters"]
    for converter in ("pdfplumber", "pymupdf", "pypdf", "pdftotext"):
        got = parse_file_data(CONVERTERS / f"kawaguchi-r5--{converter}.txt")["councils"]["other_matters"]
        assert got == want, converter
