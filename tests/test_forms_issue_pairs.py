"""An issue and its policy side by side in one box (plain pdftotext of a LibreOffice PDF)."""

from __future__ import annotations

from conftest import rewritten_rows

# section 5's issues as plain pdftotext writes a LibreOffice PDF's (its `R6 年 4 月時点` tells which)
_ISSUES = (
    "人口 (R6 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n"
    "長期入院者の退院後の住まいが 不動産事業者・居住支援法人と\n不足している\nの連携を強める\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n居住支援協議会との連携\n\n医療\n\n外泊の調整\n\n福祉\n\n"
    "体験利用の受入れ\n\nその他関係機関・住民等\n\n物件の紹介\n"
)


def test_the_two_cells_first_lines_on_one_line_and_their_rests_below():
    rows = rewritten_rows(_ISSUES)
    issue, policy = "長期入院者の退院後の住まいが不足している", "不動産事業者・居住支援法人との連携を強める"
    assert rows[1] == [issue, policy, "行政", "居住支援協議会との連携"]
    assert rows[2] == ["", "", "医療", "外泊の調整"]


def test_a_box_of_other_lines_is_left_to_the_cut():
    # the first line holds no space between two texts: one cell's wrapped lines
    text = _ISSUES.replace("住まいが 不動産", "住まいが不動産")
    assert rewritten_rows(text)[1][0] != "長期入院者の退院後の住まいが不足している"
