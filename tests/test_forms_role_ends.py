"""An issue's first role written at the end of its policy's first line (plain pdftotext)."""

from __future__ import annotations

from conftest import rewritten_rows

# section 5's issues as plain pdftotext wrote a Chromium PDF's (a sheet with five issues)
_ISSUES = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "長期入院者の退院後の住ま\nいと日中活動の場が不足し\n\n"
    "グループホーム・居住支援法人と 行政\nの連携、日中活動の場の情報を集\n\n"
    "・社会資源マップの作成\n・居住支援協議会との連携\n\nている\n\n約する\n\n"
    "医療\n\n退院前カンファレンスへの地域支\n援者の参加の受入れ\n\n"
    "福祉\n\nグループホームの体験利用、地域\n定着支援の実施\n\n"
    "その他関係\n機関・住民\n\n居住支援法人による物件の紹介\n\n等\n"
    "ピアサポーターの活動の場\n\n・ピアサポーターの養成研修を継 行政\n\nが限られている\n\n"
    "続する\n・病院訪問の受入れ先を増やす\n\n養成研修の開催、活動費の支援\n\n"
    "医療\n福祉\n\nピアサポーターの雇用と同行支援\n\nその他関係\n機関・住民\n等\n\n"
)


def test_the_policy_s_lines_below_its_first_stay_the_policy_s():
    rows = rewritten_rows(_ISSUES)
    issue, policy = (
        "長期入院者の退院後の住まいと日中活動の場が不足している",
        "グループホーム・居住支援法人との連携、日中活動の場の情報を集約する",
    )
    assert rows[1] == [issue, policy, "行政", "・社会資源マップの作成 ・居住支援協議会との連携"]
    assert rows[2] == ["", "", "医療", "退院前カンファレンスへの地域支援者の参加の受入れ"]


def test_a_role_alone_on_its_line_is_left_as_it_is():
    text = _ISSUES.replace("グループホーム・居住支援法人と 行政\n", "グループホーム・居住支援法人と\n")
    text = text.replace("の連携、日中活動の場の情報を集\n\n", "の連携、日中活動の場の情報を集\n\n行政\n\n", 1)
    rows = rewritten_rows(text)
    assert rows[1][1:3] == ["グループホーム・居住支援法人との連携、日中活動の場の情報を集約する", "行政"]
