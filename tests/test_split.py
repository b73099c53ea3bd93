"""Headings: every form FORMAT.md describes, and the lines that look like headings but are not."""

from __future__ import annotations

from nikosheet.parsing.headings import split
from nikosheet.parsing.lines import read_lines

T = "精神障害にも対応した地域包括ケアシステムの構築に向けた"


def heads(text: str):
    _, _, hs = split(read_lines(text.split("\n")))
    return [(h.number, h.key, h.line) for h in hs]


def test_heading_forms():
    text = "\n".join(
        [
            "# 某市",  # 1: the body's name, not a section
            "1 県、指定都市、中核市、特別区の基礎情報",  # 2 plain
            "## 2 " + T + "取組概要（全体）",  # 3 markdown
            "３",  # 4 full-width number alone
            "",
            T + "取組の経緯（地域課題）",  # 6 its title
            "## ４　" + T[:-3] + "構築に資する取組の成果・効果",  # 7 full-width digit, ideographic space
            "1. 市に保健所があり、強みと課題を検討している。",  # 8 a list item
            "1次相談先としてのキャッチアップ機能",  # 9 text
            "## 【特徴(強み)】",  # 10 sub-heading
            "# 川口市役所内での主な役割分担",  # 11 sub-heading
            "５ " + T + "現時点における強みと課題",
            "6 " + T[:-3] + "構築のための連携状況",
            "7 " + T[:-3] + "構築のための協議の場の実施状況",
            "8 " + T + "スケジュール（長期）",
            "9 " + T + "スケジュール（今年度）",
        ]
    )
    assert heads(text) == [
        (1, "basic_info", 2),
        (2, "overview", 3),
        (3, "history", 4),
        (4, "outcomes", 7),
        (5, "strengths_and_issues", 12),
        (6, "coordination", 13),
        (7, "councils", 14),
        (8, "long_term_schedule", 15),
        (9, "annual_schedule", 16),
    ]


def test_schedule_eight_is_annual_in_the_fy2023_template():
    text = "\n".join(["7 " + T[:-3] + "構築のための協議の場の実施状況", "8 " + T + "今年度の取組スケジュール"])
    assert heads(text)[-1] == (8, "annual_schedule", 2)


def test_untitled_schedule_by_position():
    both = heads("8 " + T + "スケジュール\n9 " + T + "スケジュール")
    assert [k for _, k, _ in both] == ["long_term_schedule", "annual_schedule"]
    assert heads("8 " + T + "スケジュール")[0][1] == "annual_schedule"


def test_section_twice_is_one_section():
    text = "3\n\n" + T + "取組の経緯\nA\n\n3 " + T + "取組の経緯\nB"
    _, sections, hs = split(read_lines(text.split("\n")))
    assert len(hs) == 2 and list(sections) == ["history"]
    assert [ln.text for ln in sections["history"].lines if ln.text] == ["A", "B"]


def test_a_number_alone_without_a_title_is_not_a_heading():
    assert heads("3\n\n人口は増えている") == []
