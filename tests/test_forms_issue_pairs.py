"""An issue and its policy side by side in one box (plain pdftotext of a LibreOffice or a Chromium PDF)."""

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


# section 5's issues as plain pdftotext writes a Chromium PDF's: each issue beside its policy on the lines
# the two share a baseline in, a space apart, the lines of each alone below them, the issue's first
_CHROMIUM = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "1年以上の長期入院者が全体の\n\n・コーディネーターの病院訪問を\n\n行政\n\n"
    "約6割を占め、地域移行が進ん\nでいない\n\n継続し、退院意欲の喚起と退院支\n援を進める\n\n"
    "コーディネーターの配置\n\n医療\n\n長期入院者の状況の共有\n\n福祉\n\n地域移行支援の実施\n\n"
    "その他関係 ピアサポーターによる病院訪問\n機関・住民\n等\n\n"
    "【住まい】退院先となるグルー 居住支援法人や不動産関係団体と\n"
    "プホームや住まいの確保が難し 連携し、住まいの確保に向けた支\nい\n援策を検討する\n\n"
    "行政\n\n居住支援協議会との連携\n\n医療\n\n退院後の医療継続の説明\n\n福祉\n\n"
    "グループホームの整備\n\nその他関係 不動産関係団体による物件の紹介\n機関・住民\n等\n"
    "圏域によって協議の場の開催状 圏域の好事例を県協議の場で共有\n況や取組に差がある\n"
    "し、保健所の担当者間で運営の工\n夫を学びあう。\n\n"
    "行政\n\n保健所担当者連絡会の開催\n\n医療\n\n圏域協議の場への参加\n\n福祉\n\n圏域協議の場への参加\n\n"
    "その他関係 家族会の参画\n機関・住民\n等\n"
)


def test_a_chromium_pdf_s_issue_and_policy_side_by_side_over_lines_and_their_rests_below():
    rows = rewritten_rows(_CHROMIUM)
    groups = [row[:2] for row in rows if row[0]]
    assert groups[-2:] == [
        [
            "【住まい】退院先となるグループホームや住まいの確保が難しい",
            "居住支援法人や不動産関係団体と連携し、住まいの確保に向けた支援策を検討する",
        ],
        [
            "圏域によって協議の場の開催状況や取組に差がある",
            "圏域の好事例を県協議の場で共有し、保健所の担当者間で運営の工夫を学びあう。",
        ],
    ]


def test_one_shared_line_and_one_below_is_left_to_the_cut():
    # which cell's the line below is, one shared line does not tell (pypdf writes a cell's end so too)
    text = _CHROMIUM.replace("況や取組に差がある\nし、保健所の担当者間で運営の工\n夫を学びあう。", "況や取組に差がある")
    pair = ["圏域によって協議の場の開催状況や取組に差がある", "圏域の好事例を県協議の場で共有"]
    assert pair not in [row[:2] for row in rewritten_rows(text)]


def test_a_last_role_left_empty_before_the_side_by_side_issue_stays_empty():
    text = _CHROMIUM.replace("その他関係 不動産関係団体による物件の紹介", "その他関係")
    rows = rewritten_rows(text)
    assert rows[8] == ["", "", "その他関係機関・住民等", ""]
    assert rows[9][:2] == [
        "圏域によって協議の場の開催状況や取組に差がある",
        "圏域の好事例を県協議の場で共有し、保健所の担当者間で運営の工夫を学びあう。",
    ]


def test_the_lines_below_the_shared_ones_are_cut_where_the_issue_s_ends_also_before_a_box():
    # the issue's rest (`が難しい`, short: the issue ends), the policy's rest line right below it, the policy's
    # last line in a box after a blank line
    text = _CHROMIUM.replace(
        "圏域によって協議の場の開催状 圏域の好事例を県協議の場で共有\n況や取組に差がある\n"
        "し、保健所の担当者間で運営の工\n夫を学びあう。\n",
        "圏域によって協議の場の開催状 圏域の好事例を県協議の場で共有\n"
        "況や取組に差が大きく、調整 し、保健所の担当者間で運営の工\n"
        "が難しい\n夫を学び、好事例を圏域の会議で共\n\n有する。\n",
    )
    rows = [row[:2] for row in rewritten_rows(text) if row[0]]
    assert rows[-1] == [
        "圏域によって協議の場の開催状況や取組に差が大きく、調整が難しい",
        "圏域の好事例を県協議の場で共有し、保健所の担当者間で運営の工夫を学び、好事例を圏域の会議で共有する。",
    ]
