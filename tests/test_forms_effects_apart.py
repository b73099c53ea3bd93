"""The indicator tables whose effects' column came apart from the rows (plain pdftotext of a
LibreOffice PDF): the rows' names and values a row at a time, the effects after them or among the
later rows."""

from __future__ import annotations

from conftest import rewritten_rows
from nikosheet.diagnostics import Diagnostic

# a LibreOffice PDF's text: a statistics header's as-of date, a table's header cell alone on its line
SIGNAL = "人口 (R6 年 4 月時点)\n\f\n名称\n\n"
BULLET = "\uf0b7"  # the Symbol font's bullet, drawn alone on its line before a list's lines
OUTCOMES = "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
NEXT = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
HEADER = ["課題解決の達成度を測る指標", "目標値(R5年度当初)", "実績値(R5年度末)", "具体的な成果・効果"]

# rewritten from an outcomes table of the kind: the header's first three cells interleaved, each
# row's first value centred between its name's two lines, the effects' header cell after two rows,
# then the first rows' effects (a list, cut by its bullets), then the later rows each with its own
AMONG_ROWS = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "＜令和 5 年度までの成果・効果＞",
        "課題解決の達成度を 目標値 (R5 年度 実績値 (R5 年",
        "測る指標",
        "当初)",
        "度末)",
        "",
        "① 退院支援委員会へ",
        "年 30 件",
        "の参加件数",
        "",
        "年 26 件",
        "",
        "② 家族教室の開催回",
        "年 6 回",
        "数",
        "",
        "年 6 回",
        "",
        "具体的な成果・効果",
        BULLET,
        "",
        "・地域の支援者が入院中から本人と顔を合わせる機会が",
        "",
        BULLET,
        "",
        "増えた。",
        "・参加の依頼が病院ごとに異なり、調整に時間を要した。",
        "",
        "家族同士が悩みを話せる場として定着した。",
        "",
        "③ ピアサポーター養",
        "20 人",
        "成研修の修了者数",
        "",
        "18 人",
        "",
        "修了者のうち 6 人が病院訪問に参加した。",
        "",
        NEXT,
    )
)


def test_the_effects_cut_into_boxes_their_own_way_each_go_to_their_row():
    rows = rewritten_rows(AMONG_ROWS)
    assert rows == [
        HEADER,
        [
            "① 退院支援委員会への参加件数",
            "年30件",
            "年26件",
            "・地域の支援者が入院中から本人と顔を合わせる機会が増えた。 "
            "・参加の依頼が病院ごとに異なり、調整に時間を要した。",
        ],
        ["② 家族教室の開催回数", "年6回", "年6回", "家族同士が悩みを話せる場として定着した。"],
        ["③ ピアサポーター養成研修の修了者数", "20人", "18人", "修了者のうち6人が病院訪問に参加した。"],
    ]


def test_the_outcomes_read_whole():
    from nikosheet import parse_text_data

    doc = parse_text_data(AMONG_ROWS)
    got = [(i["name"], i["target"], i["actual"], i["effects"]) for i in doc["outcomes"]["indicators"]]
    assert got == [
        (
            "退院支援委員会への参加件数",
            ["年30件"],
            ["年26件"],
            [
                "地域の支援者が入院中から本人と顔を合わせる機会が増えた。",
                "参加の依頼が病院ごとに異なり、調整に時間を要した。",
            ],
        ),
        ("家族教室の開催回数", ["年6回"], ["年6回"], ["家族同士が悩みを話せる場として定着した。"]),
        ("ピアサポーター養成研修の修了者数", ["20人"], ["18人"], ["修了者のうち6人が病院訪問に参加した。"]),
    ]


# rewritten from an outcomes table of the kind: the first row run on from the header's box, a row
# whose name and first value stand side by side (`③ 相談窓口の夜間 相談件数 40` … `件`), and every
# row's effects after the table, cut in boxes that do not follow the rows (two rows' in one box)
AFTER_ROWS = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "<昨年度までの成果・効果>",
        "課題解決の達成度を 目標値 (昨年",
        "実績値 (昨年度末)",
        "測る指標",
        "度当初)",
        "① 保健所の訪問支",
        "60 件",
        "援の件数",
        "",
        "72 件",
        "",
        "② 地域移行の研修",
        "年 2 回",
        "会の開催",
        "",
        "年 2 回",
        "",
        "③ 相談窓口の夜間 相談件数 40",
        "相談件数 52 件",
        "開設",
        "件",
        "",
        "具体的な成果・効果",
        BULLET,
        "",
        "・未治療の人への訪問が増えた。",
        "",
        BULLET,
        "",
        "・訪問後に医療につながった人が 9 人いた。",
        "",
        "相談支援事業所の職員が参加した。",
        "・仕事帰りの家族からの相談が多かった ・若年層の利用があった",
        "",
        NEXT,
    )
)


def test_effects_whose_rows_cannot_be_told_stay_text_below_the_rows():
    from nikosheet import parse_text_data

    doc = parse_text_data(AFTER_ROWS)
    got = [(i["name"], i["target"], i["actual"], i["effects"]) for i in doc["outcomes"]["indicators"]]
    assert got == [
        ("保健所の訪問支援の件数", ["60件"], ["72件"], []),
        ("地域移行の研修会の開催", ["年2回"], ["年2回"], []),
        ("相談窓口の夜間開設", ["相談件数 40件"], ["相談件数 52件"], []),
    ]
    assert "訪問後に医療につながった人が9人いた。" in " ".join(doc["outcomes"]["text"])
    assert "若年層の利用があった" in " ".join(doc["outcomes"]["text"])
    codes = [(d["code"], d["message"].split(":")[0]) for d in doc["diagnostics"]]
    assert (Diagnostic.MISSING_TABLE.value, "section 4") in codes


# rewritten from a prefecture's table: the rows before the effects' header cell, which pdftotext wrote
# as the first line of the first row's effects' box (no blank line between them)
HEADER_ON_EFFECTS = SIGNAL + "\n".join(
    (
        OUTCOMES,
        "＜令和 5 年度までの成果・効果＞",
        "課題解決の達成度を測る指標",
        "",
        "目標値 (R5 年度当 実績値 (R5 年度",
        "初)",
        "末)",
        "",
        "① 町の協議の場の設置数",
        "",
        "12 町",
        "",
        "10 町",
        "",
        "② 家族教室と交流会の開催",
        "年 6 回",
        "回数",
        "",
        "年 8 回",
        "",
        "③ 長期入院者の退院者数",
        "",
        "年 40 人",
        "",
        "年 36 人",
        "",
        "具体的な成果・効果",
        "未設置 4 町のうち 2 町が来年度中の設置を決",
        "めた。",
        BULLET,
        "",
        "・参加した家族が 30 人から 45 人に増え",
        "",
        BULLET,
        "",
        "た。",
        "・家族同士の交流会が始まった。",
        "",
        "退院後の住まいの確保が難しく、目標に届かなか",
        "った。",
        "",
        NEXT,
    )
)


def test_the_effects_header_cell_on_the_first_effects_box_is_the_header_s():
    rows = rewritten_rows(HEADER_ON_EFFECTS)
    assert rows[0] == HEADER
    assert rows[1:] == [
        ["① 町の協議の場の設置数", "12町", "10町", "未設置4町のうち2町が来年度中の設置を決めた。"],
        [
            "② 家族教室と交流会の開催回数",
            "年6回",
            "年8回",
            "・参加した家族が30人から45人に増えた。 ・家族同士の交流会が始まった。",
        ],
        ["③ 長期入院者の退院者数", "年40人", "年36人", "退院後の住まいの確保が難しく、目標に届かなかった。"],
    ]
