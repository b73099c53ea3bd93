"""Section 4's indicators table in plain pdftotext's text of a LibreOffice PDF read a row at a time: each
row's name and values from the lines it wrote them on (cut where the source had a space), the effects'
cells from the runs they came in."""

from __future__ import annotations

from conftest import FIXTURES
from nikosheet import parse_text_data
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import indicator_runs

# a LibreOffice PDF's text: a statistics header's as-of date, a table's header cell alone on its line
SIGNAL = "人口 (R6 年 4 月時点)\n\f\n名称\n\n"
BULLET = "\uf0b7"  # the Symbol font's bullet, drawn alone on its line before a list's lines
OUTCOMES = "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
NEXT = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"


def _indicators(text: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    doc = parse_text_data(text)
    return [(i["name"], i["target"], i["actual"], i["effects"]) for i in doc["outcomes"]["indicators"]]


# rewritten from a designated city's table: the header's cells woven (`(R4 年度当 (R4 年度`: two
# brackets side by side), a two-line value beside its name's two lines (the renderer's gap between the
# name and the value lost with the others), a value centred between a name's lines or beside its middle
# line, the effects after each page's rows: the first page's as many as its rows, the second's not
BESIDE_NAMES = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "＜令和 4 年度までの成果・効果＞",
        "目標値",
        "実績値",
        "課題解決の達成度",
        "(R4 年度当 (R4 年度",
        "を測る指標",
        "初)",
        "末)",
        "① 区精神保健福祉 7 区 各年",
        "連絡会議の開催 2 回",
        "",
        "7 区 延べ",
        "12 回",
        "",
        "② 地域移行支援の",
        "年 25 人",
        "利用者数",
        "",
        "年 21 人",
        "",
        "具体的な成果・効果",
        BULLET,
        "",
        "・全区で会議が開かれ、区ごとの課題（通院の足、住まいな",
        "",
        BULLET,
        "",
        "ど）が整理された。",
        "・二つの区では開催が一回にとどまった。",
        "",
        "病院への訪問を重ねたが、退院をためらう長期入院者への働きかけに時間",
        "を要した。",
        "",
        "\f③ 措置入院者等の",
        "退院後支援計画の 60%",
        "作成率",
        "",
        "68%",
        "",
        "④ ピアサポーター",
        "15 人",
        "の登録者数",
        "",
        "14 人",
        "",
        "全区に広げた結果、退院後の通院が続く人が増えた。",
        "",
        NEXT,
    )
)


def test_values_beside_and_between_the_names_lines_and_each_page_s_effects() -> None:
    assert _indicators(BESIDE_NAMES) == [
        (
            "区精神保健福祉連絡会議の開催",
            ["7区", "各年2回"],
            ["7区", "延べ12回"],
            [
                "全区で会議が開かれ、区ごとの課題（通院の足、住まいなど）が整理された。",
                "二つの区では開催が一回にとどまった。",
            ],
        ),
        (
            "地域移行支援の利用者数",
            ["年25人"],
            ["年21人"],
            ["病院への訪問を重ねたが、退院をためらう長期入院者への働きかけに時間を要した。"],
        ),
        # (the second page's one effects cell is of one of its two rows: which, nothing says)
        ("措置入院者等の退院後支援計画の作成率", ["60%"], ["68%"], []),
        ("ピアサポーターの登録者数", ["15人"], ["14人"], []),
    ]
    doc = parse_text_data(BESIDE_NAMES)
    assert "全区に広げた結果、退院後の通院が続く人が増えた。" in doc["outcomes"]["text"]
    assert doc["outcomes"]["target_as_of"] == "R4年度当初"
    codes = [(d["code"], d["message"].split(":")[0]) for d in doc["diagnostics"]]
    assert (Diagnostic.MISSING_TABLE.value, "section 4") in codes


# rewritten from a special ward's and a designated city's tables: both values' first lines on the name's
# first line, their rests below the name's (`7 区で年 21 7 区で年` … `回` `19 回`); two wrapped values'
# lines side by side among the lines of the row's effects, taller than them (`5 地区 各 5 地区 延`)
WOVEN = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "＜令和 5 年度までの成果・効果＞",
        "課題解決の達成度を 目標値 (R5 実績値 (R5",
        "測る指標",
        "年度当初)",
        "年度末)",
        "",
        "具体的な成果・効果",
        "",
        "① 区にも包括連絡会 7 区で年 21 7 区で年",
        "の開催回数",
        "回",
        "19 回",
        "",
        "各区で事例検討を中心とした連絡会を開き、区の地域課題として「受診",
        "につながらない方への支援」が共通して挙げられた。",
        "",
        "② 地区連絡会の開催",
        "",
        "保健センターごとに、地域包括支援センター、相談支援事業所、民生委員",
        "5 地区 各 5 地区 延",
        "が集まり、地区の社会資源と支援の難しい事例を共有した。参加機関の",
        "年4回",
        "べ 18 回",
        "少ない地区では、開催日時の調整が課題となった。",
        "",
        NEXT,
    )
)


def test_values_side_by_side_on_the_name_s_line_and_among_the_effects_lines() -> None:
    assert _indicators(WOVEN) == [
        (
            "区にも包括連絡会の開催回数",
            ["7区で年21回"],
            ["7区で年19回"],
            [
                "各区で事例検討を中心とした連絡会を開き、区の地域課題として「受診につながらない方への支援」が共通して挙げられた。"
            ],
        ),
        (
            "地区連絡会の開催",
            ["5地区", "各年4回"],
            ["5地区", "延べ18回"],
            [
                "保健センターごとに、地域包括支援センター、相談支援事業所、民生委員が集まり、地区の社会資源と支援の難しい事例"
                "を共有した。参加機関の少ない地区では、開催日時の調整が課題となった。"
            ],
        ),
    ]


# rewritten from a ward's table: a value of one line centred between the two of the other (`モデル対象者`
# `4人` `5人`: the 4人 the actual's), a taller value's first line above its row's name (`こころの絆` `②
# 地域住民へ`), each row's effects right after it (two runs on the page: a run of one cell after two
# rows is the row's above it)
CENTRED = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "＜令和 5 年度までの成果・効果＞",
        "課題解決の達成度を",
        "測る指標",
        "",
        "目標値 (R5 年 実績値 (R5",
        "度当初)",
        "年度末)",
        "",
        "具体的な成果・効果",
        "",
        "① 冬期の退院後生活",
        "支援",
        "",
        "モデル対象者",
        "4人",
        "5人",
        "",
        "対象者全員が冬期も在宅生活を続けることができた。",
        "",
        "こころの絆",
        "② 地域住民への普",
        "サポーター",
        "及啓発",
        "300 人",
        "",
        "こころの絆",
        "サポーター",
        "412 人",
        "",
        "③ 区外の精神科病院",
        "への訪問件数",
        "",
        "年 20 件",
        "",
        "年 23 件",
        "",
        "退院意向のある方を中心に訪問し、6 名が地域移行支援の利用につながった。",
        "",
        NEXT,
    )
)


def test_a_value_centred_between_the_other_s_lines_and_one_above_its_name() -> None:
    assert _indicators(CENTRED) == [
        ("冬期の退院後生活支援", ["モデル対象者 5人"], ["4人"], ["対象者全員が冬期も在宅生活を続けることができた。"]),
        ("地域住民への普及啓発", ["こころの絆サポーター 300人"], ["こころの絆サポーター 412人"], []),
        (
            "区外の精神科病院への訪問件数",
            ["年20件"],
            ["年23件"],
            ["退院意向のある方を中心に訪問し、6名が地域移行支援の利用につながった。"],
        ),
    ]


def test_a_designated_city_s_table_whose_effects_came_after_its_rows() -> None:
    """The corpus's text: the rows read (their effects, three cells for four rows, kept as text)."""
    text = (FIXTURES / "converters" / "designated-kitakyushu-fy2024--lopdf-pdftotext.txt").read_text(encoding="utf-8")
    got = [(name, target, actual) for name, target, actual, _ in _indicators(text)]
    assert got == [
        ("区にも包括連絡会の開催回数", ["7区で年21回"], ["7区で年19回"]),
        ("ピアサポーターの派遣回数", ["年30回"], ["年34回"]),
        ("精神病床における1年以上長期入院者数", ["2,500人"], ["2,567人"]),
        ("アウトリーチ支援の新規対象者数", ["年40人"], ["年37人"]),
    ]


def test_a_line_of_many_gaps_is_read_whole_only(monkeypatch) -> None:
    hostile = BESIDE_NAMES.replace("① 区精神保健福祉 7 区 各年", "① 区精神保健福祉 " + "7 " * 400)
    assert hostile != BESIDE_NAMES
    sizes: list[int] = []
    pieces = indicator_runs._pieces

    def counted(line: object, n: int) -> list[tuple[list[str], int]]:
        out = pieces(line, n)
        sizes.append(len(out))
        return out

    monkeypatch.setattr(indicator_runs, "_pieces", counted)
    doc = parse_text_data(hostile)
    assert max(sizes) <= indicator_runs._MOST_CUTS**2  # (not every pair of a line's 400 gaps)
    assert "区精神保健福祉" in str(doc)  # (its text still reaches the document)
