"""Values: numbers, eras, choices, frequencies, placeholders; cells: markup, items, bullets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nikosheet.parsing.cells import cell_items, cell_text, circled_number
from nikosheet.parsing.lines import _WIDE, norm
from nikosheet.parsing.values.choices import read_choice
from nikosheet.parsing.values.eras import find_date
from nikosheet.parsing.values.frequency import per_year
from nikosheet.parsing.values.numbers import numbers
from nikosheet.parsing.values.template import is_guidance, is_placeholder


@pytest.mark.parametrize(
    "text, iso, fy",
    [
        ("（R5年4月時点）", "2023-04", 2023),
        ("（H29年時点）", "2017", 2017),
        ("(R4年度)", "2022", 2022),
        ("令和 8 年度まで", "2026", 2026),
        ("令和元年度", "2019", 2019),
        ("平成元年", "1989", 1989),
        ("R7年1月", "2025-01", 2024),
        ("R5年度 1月", "2024-01", 2023),
        ("Ｒ５年４月時点", "2023-04", 2023),
        ("平成23年度～", "2011", 2011),
        ("2023年4月", "2023-04", 2023),
    ],
)
def test_eras(text, iso, fy):
    d = find_date(text)
    assert (d.iso(), d.fiscal_year()) == (iso, fy)


@pytest.mark.parametrize("text", ["R●年度", "現在", "随時", "SOSプラン"])
def test_no_date(text):
    assert find_date(text) is None


@pytest.mark.parametrize(
    "text, answer, state",
    [
        ("有・無", None, "unmarked"),
        ("(有) 無", True, "marked"),
        ("（有）・無", True, "marked"),
        ("有・(無)", False, "marked"),
        ("○有 ・無", True, "marked"),
        ("有・●無", False, "marked"),
        ("◯有・無", True, "marked"),
        ("〇有・無", True, "marked"),
        ("有(○)・無", True, "marked"),
        ("(有)・(無)", None, "ambiguous"),
        ("", None, "absent"),
    ],
)
def test_choices(text, answer, state):
    assert read_choice(text) == (answer, state)


@pytest.mark.parametrize(
    "text, n",
    [
        ("2回/年", 2),
        ("3 回／年", 3),
        ("年6回", 6),
        ("年1回", 1),
        ("月1回", 12),
        ("毎月", 12),
        ("週1回", 52),
        ("随時", None),
        ("年２回", 2),
        ("必要に応じて", None),
    ],
)
def test_frequencies(text, n):
    assert per_year(text) == n


def test_numbers():
    assert numbers("604,894") == [604894]
    assert numbers("１，３２０") == [1320]
    assert numbers("92 26.7") == [92, 26.7]
    assert numbers("54 人 15.9 %") == [54, 15.9]
    assert numbers("9" * 200_000) is None  # absurd, not a crash


def test_placeholders_and_guidance():
    assert is_placeholder("R●年度") and is_placeholder("○○") and is_placeholder("令和〇年度")
    assert not is_placeholder("R6年度") and not is_placeholder("○有")
    assert is_guidance("※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。")
    assert is_guidance("※各部門の状況はできるだけ詳しく記載ください")
    assert not is_guidance("※630調査")


def test_cell_items():
    ul = '<ul style="list-style-type: none"> <li>・地域連携票の活用、周知</li> <li>・研修会、会議等の開催</li> </ul>'
    assert cell_items(ul) == ["地域連携票の活用、周知", "研修会、会議等の開催"]
    assert cell_items('<ul style="x"> ・a を見直す。 ・b を図る。') == ["a を見直す。", "b を図る。"]
    assert cell_items("①研修会(年1回) ②連携") == ["研修会(年1回)", "連携"]
    # the next numbers in turn, the space before them lost where a converter joined the cell's lines
    assert cell_items("①病院への訪問（4病院）②退院前カンファレンスへの参加 15件③研修") == [
        "病院への訪問（4病院）",
        "退院前カンファレンスへの参加 15件",
        "研修",
    ]
    assert cell_items("①指標②を参照し、見直す") == ["指標②を参照し、見直す"]  # a reference, a particle after it
    # references: inside brackets, or a mark after the number
    assert cell_items("①市内精神科病院への訪問（4病院、②参照）") == ["市内精神科病院への訪問（4病院、②参照）"]
    assert cell_items("①研修会の開催（②再掲）") == ["研修会の開催（②再掲）"]
    assert cell_items("①協議の場の設置②、③は次年度") == ["協議の場の設置②、③は次年度"]
    assert cell_items("事業・取組み報告方針等の決定") == ["事業・取組み報告方針等の決定"]
    assert cell_items("地域課題の抽出 「にも包括」構築 論点整理") == ["地域課題の抽出", "「にも包括」構築", "論点整理"]
    assert cell_items("具体的な取 り組みを検討") == ["具体的な取 り組みを検討"]
    assert cell_items("保健, 医療, 福祉") == ["保健, 医療, 福祉"]
    # a count stays with what it counts; two values alone are two items
    assert cell_items("アウトリーチ支援の新規対象者 60人") == ["アウトリーチ支援の新規対象者 60人"]
    assert cell_items("研修会 年2回 修了者 15名") == ["研修会 年2回", "修了者 15名"]
    assert cell_items("協力病院への聞き取り 市内8病院") == ["協力病院への聞き取り 市内8病院"]
    assert cell_items("R6年度 R7年度") == ["R6年度", "R7年度"]
    # ... with a bracketed remark of its own too
    assert cell_items("合同研修 1回（参加者 84名）") == ["合同研修 1回（参加者 84名）"]
    assert cell_items("研修会 年2回（延べ 40名） 交流会") == ["研修会 年2回（延べ 40名）", "交流会"]
    # a space inside brackets is the item's own
    assert cell_items("ピア活動の試行（対象者 10人程度） 研修会") == ["ピア活動の試行（対象者 10人程度）", "研修会"]
    assert cell_items("80% 90%") == ["80%", "90%"]
    assert cell_items("<p>地域移行の推進</p><p>ピアサポーターの活用</p>") == ["地域移行の推進", "ピアサポーターの活用"]
    assert cell_text("<p>研修を行った。</p> <p>連携が進んだ。</p>") == "研修を行った。\n連携が進んだ。"
    assert cell_items("<p>text</p>") == ["text"]
    assert cell_items("") == []


def test_cell_text():
    assert cell_text("・a。 ・b。") == "a。\nb。"
    assert cell_text("<p>短期目標 (今年度)</p>") == "短期目標 (今年度)"
    assert cell_text("") is None
    assert cell_text("<li>・x</li>") == "x"


def test_circled_number():
    assert circled_number("①保健医療と福祉の連携") == (1, "保健医療と福祉の連携")
    assert circled_number("⑫x") == (12, "x")
    assert circled_number("③") == (3, "")
    assert circled_number("1次相談先") == (None, "1次相談先")


@pytest.mark.parametrize(
    "text, iso",
    [
        ("R6.4.1時点", "2024-04"),
        ("令和5/4/1", "2023-04"),
        ("2023/4/1", "2023-04"),
        ("R7.3", "2025-03"),
        ("R5年度末時点", "2024-03"),
        ("令和5年4月1日現在", "2023-04"),
    ],
)
def test_more_date_forms(text, iso):
    assert find_date(text).iso() == iso


@pytest.mark.parametrize(
    "text, month",
    [
        ("7～9月", 7),
        ("4月～6月", 4),
        ("R6年10月～12月", 10),
        ("5月", 5),
        ("R6年度上半期", 4),
        ("R6年度下半期", 10),
        ("第3四半期", 10),
        ("通年", None),
        ("随時", None),
    ],
)
def test_months(text, month):
    from nikosheet.parsing.values.eras import find_month

    assert find_month(text) == month


@pytest.mark.parametrize(
    "text, n",
    [
        ("隔月", 6),
        ("四半期ごと", 4),
        ("四半期に1回", 4),
        ("四半期に2回", 8),
        ("四半期ごとに2回", 8),
        ("半年に1回", 2),
        ("半年ごとに2回", 4),
        ("半期で2回", 4),
        ("月に2回", 24),
        ("2か月に1回", 6),
        ("3か月に1回", 4),
        ("年間4回", 4),
        ("4回／年度", 4),
        ("年2～3回", None),
        ("月1～2回", None),
        ("未定", None),
    ],
)
def test_more_frequencies(text, n):
    assert per_year(text) == n


@pytest.mark.parametrize("text, answer", [("☑有　□無", True), ("■有　□無", True), ("□有 ☑無", False)])
def test_box_marks(text, answer):
    assert read_choice(text) == (answer, "marked")


def test_scaled_numbers_and_breaks():
    assert numbers("約65万人") == [650000] and numbers("1.5万") == [15000]
    assert cell_items("受診再開につながった。<br>負担が軽減した。") == ["受診再開につながった。", "負担が軽減した。"]
    assert cell_text("a<br/>b") == "a\nb"


_NORM_CHARS = "ＡＢａ１２（）％，：～\u3000①⑳㈱ｶﾞ\u0301\u3099\u309bかは가\u1161\u11a8A e1.,"


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(_NORM_CHARS) | st.characters(), max_size=30))
def test_norm_is_nfkc(text):
    # norm maps full-width ASCII, the ideographic space and ①-⑳ before NFKC: the result is NFKC's all the same
    assert norm(text) == unicodedata.normalize("NFKC", text)
    assert all(unicodedata.normalize("NFKC", k) == v for k, v in _WIDE.items())


def test_circled_items_in_turn_in_real_cells(parsed):
    # pandoc joined a cell's wrapped lines with no space before `②` (姫路市's effects, a pipe sheet's role)
    from conftest import FIXTURES
    from nikosheet import parse_file_data

    converters = FIXTURES / "converters"
    want = parsed("core-himeji-fy2024.txt")["outcomes"]["indicators"][0]["effects"]
    got = parse_file_data(converters / "core-himeji-fy2024--pandoc-gfm.txt")["outcomes"]["indicators"][0]["effects"]
    assert got == want and len(want) == 2
    roles = parse_file_data(converters / "city-pipe-fy2023--pandoc-plain.txt")["strengths_and_issues"]["issues"][1]
    assert roles["roles"]["administration"] == ["市民公開講座の開催", "広報紙への掲載"]
