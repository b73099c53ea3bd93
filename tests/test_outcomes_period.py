"""Section 4's period (`＜令和4年度までの成果・効果＞`) read from its line where other lines follow it with
no blank line between (a converter's text whose table was not read)."""

from __future__ import annotations

from nikosheet import parse_text_data

_SECTION = (
    "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n\n"
    "＜令和4年度までの成果・効果＞\n"
    "課題解決の達成度を測る指標 目標値 (R4年度当 実績値 (R4年度末) 具体的な成果・効果\n"
    "初)\n"
)


def test_the_period_is_read_and_the_lines_after_it_are_text():
    got = parse_text_data(_SECTION)["outcomes"]
    assert got["period"] == "令和4年度まで"
    assert got["text"] == ["課題解決の達成度を測る指標 目標値 (R4年度当 実績値 (R4年度末) 具体的な成果・効果\n初)"]


def test_a_period_line_alone_is_read_as_before():
    got = parse_text_data(_SECTION.split("課題解決")[0])["outcomes"]
    assert got["period"] == "令和4年度まで"
    assert got["text"] == []
