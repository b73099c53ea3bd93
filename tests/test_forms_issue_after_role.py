"""The first issue's cells written after its first role's word (plain pdftotext of a LibreOffice PDF)."""

from __future__ import annotations

from conftest import FIXTURES, rewritten_rows

# section 5's issues as plain pdftotext wrote designated-sendai-fy2023's LibreOffice PDF: the role's
# word below the header, then the issue, the policy (two boxes) and the action (two boxes)
_ISSUES = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n行政\n"
    "区ごとに協議の場の運営や取組に差が\nあり、区で把握した課題が市の部会に\n十分上がっていない\n\n\n\n"
    "・区の会議の報告様式を\n\n\n\n統一する\n・区の事務局担当者の連\n絡会を定例化する\n\n\n\n"
    "・報告様式の作成、区\n\n\n\n担当者連絡会の開催\n・精神保健福祉総合セ\nンターによる区への助\n言\n\n"
    "医療\n\n区の会議への参加、事例の提供\n\n福祉\n\n基幹相談支援センターによる区\nの会議の運営支援\n\n"
    "その他関係\n機関・住民\n等\n\n家族会・ピアサポーターの参加\n"
)
_ISSUE = "区ごとに協議の場の運営や取組に差があり、区で把握した課題が市の部会に十分上がっていない"


def test_the_issue_and_the_policy_go_before_the_role() -> None:
    rows = rewritten_rows(_ISSUES)
    assert rows[1] == [
        _ISSUE,
        "・区の会議の報告様式を統一する ・区の事務局担当者の連絡会を定例化する",
        "行政",
        "・報告様式の作成、区担当者連絡会の開催 ・精神保健福祉総合センターによる区への助言",
    ]
    assert rows[2] == ["", "", "医療", "区の会議への参加、事例の提供"]


def test_an_action_written_first_or_other_counts_leave_the_lines() -> None:
    listed = _ISSUES.replace("行政\n区ごとに", "行政\n・区ごとに")  # a list first: the action, not the issue
    two = _ISSUES.replace(
        "・報告様式の作成、区\n\n\n\n担当者連絡会の開催\n・精神保健福祉総合セ\nンターによる区への助\n言\n\n", ""
    )
    for text in (listed, two):
        assert rewritten_rows(text)[1][0] != _ISSUE


def test_a_libreoffice_pdf_s_first_issue_read_by_pdftotext(parsed) -> None:
    from nikosheet import parse_file_data

    for name in ("designated-sendai-fy2023", "pref-fy2024"):
        want = parsed(f"{name}.txt")["strengths_and_issues"]["issues"][0]
        path = FIXTURES / "converters" / f"{name}--lopdf-pdftotext.txt"
        got = parse_file_data(path)["strengths_and_issues"]["issues"][0]
        assert (got["issue"], got["policies"], got["roles"]["administration"]) == (
            want["issue"],
            want["policies"],
            want["roles"]["administration"],
        )


# section 5's first issue as plain pdftotext wrote a core city's LibreOffice PDF: the role's word
# below the header, then its action (a list), the issue and the policies (a list, its first item's
# bullet drawn alone after the item's first line)
_ACTION_FIRST = (
    "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n行政\n\n・退院支援連絡\n\n会の開催\n"
    "・介護保険課と\nの情報共有\n精神科病院の長期入院患者のう\nち、65歳以上の方の割合が高\n"
    "く、介護保険サービスとの連携が\n十分でない\n\n・高齢の長期入院者の退院\n\n・\n\n支援に介護支援専門員が早\n"
    "期から関わる仕組みをつく\nる\n・地域包括支援センターと\nの合同研修を行う\n医療\n福祉\n"
)


def test_an_action_written_first_goes_after_the_issue_and_the_policies() -> None:
    rows = rewritten_rows(_ACTION_FIRST)
    assert rows[1] == [
        "精神科病院の長期入院患者のうち、65歳以上の方の割合が高く、介護保険サービスとの連携が十分でない",
        "・高齢の長期入院者の退院支援に介護支援専門員が早期から関わる仕組みをつくる"
        " ・地域包括支援センターとの合同研修を行う",
        "行政",
        "・退院支援連絡会の開催 ・介護保険課との情報共有",
    ]


def test_an_issue_written_as_a_list_leaves_the_action_first() -> None:
    listed = _ACTION_FIRST.replace("精神科病院の長期", "・精神科病院の長期")
    assert rewritten_rows(listed)[1][3] != "・退院支援連絡会の開催 ・介護保険課との情報共有"


# a core city's first group as plain pdftotext wrote its LibreOffice PDF: 行政's two-line action
# right below the header, then `行政`, the issue and the policy side by side with `医療` at the
# line's end, their rests, `福祉`
_ACTION_ABOVE = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n保健所による退院後の\n訪問\n\n行政\n"
    "冬期に退院直後の人が孤立し 退院前に冬期の支援者を決め 医療\nやすい\nておく\n福祉\n\n"
    "訪問看護の調整\n\nその他関係機関・住\n民等\n\n民生委員の見守り\n"
)


def test_the_first_action_written_above_its_role_goes_after_it() -> None:
    rows = rewritten_rows(_ACTION_ABOVE)
    issue, policy = "冬期に退院直後の人が孤立しやすい", "退院前に冬期の支援者を決めておく"
    assert rows[1] == [issue, policy, "行政", "保健所による退院後の訪問"]
    assert rows[4] == ["", "", "その他関係機関・住民等", "民生委員の見守り"]


def test_the_first_action_above_its_role_and_the_cells_side_by_side_in_a_box_of_their_own() -> None:
    # the issue's and the policy's lines a box of their own before `医療`: they go before `行政`
    text = (
        "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n社会資源の一覧の作\n成\n\n行政\n"
        "退院後の移動手段と日中活動の場が 社会資源の情報を集め、関係機関で\n少ない\n共有する\n\n医療\n"
        "日中活動の場の情報\n提供\n\n福祉\n\nその他関係機関・住\n民等\n"
    )
    rows = rewritten_rows(text)
    assert rows[1][:4] == [
        "退院後の移動手段と日中活動の場が少ない",
        "社会資源の情報を集め、関係機関で共有する",
        "行政",
        "社会資源の一覧の作成",
    ]


# a prefecture's first group as plain pdftotext wrote its LibreOffice PDF: 行政's action (a list, each
# item's bullet drawn apart, `\uf0b7`) down to the role's word, its last item cut there; the issue and
# the policies after the word, each wider than the action's column; the last item's rest after them
_LIST_ABOVE = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\uf0b7\n\n・圏域別データの集計と\n\n\uf0b7\n\n"
    "協議会への報告\n・保健所による個別ケー\n\n行政\n\n長期入院者が多く、圏域ごとに退\n院支援の取組に差がある。\n\n"
    "\uf0b7\n\n・圏域ごとの退院者数を協議\n\n\uf0b7\n\n会で共有し、取組を広げる\n・退院支援手帳をつくる\n\n"
    "スの調整\n\n医療\n\n退院前訪問の実施\n\n福祉\n\n地域移行支援の実施\n\nその他\n関係機\n関・住\n民等\n\n"
    "民生委員の見守り\n"
)
_LISTED_ACTION = "・圏域別データの集計と協議会への報告 ・保健所による個別ケースの調整"


def test_a_first_action_listed_above_its_role_goes_after_it_the_issue_before_it() -> None:
    rows = rewritten_rows(_LIST_ABOVE)
    assert rows[1] == [
        "長期入院者が多く、圏域ごとに退院支援の取組に差がある。",
        "・圏域ごとの退院者数を協議会で共有し、取組を広げる ・退院支援手帳をつくる",
        "行政",
        _LISTED_ACTION,
    ]
    assert rows[2] == ["", "", "医療", "退院前訪問の実施"]


def test_the_listed_action_s_rest_right_after_its_role() -> None:
    # the rest written on the line right below the word, before the issue's box
    text = _LIST_ABOVE.replace("\n\nスの調整\n\n医療", "\n\n医療")
    text = text.replace("行政\n\n長期入院者", "行政\nスの調整\n\n長期入院者")
    assert rewritten_rows(text)[1][3] == _LISTED_ACTION


def test_a_text_above_the_role_or_an_issue_as_narrow_as_the_action_leaves_the_lines() -> None:
    text = _LIST_ABOVE.replace("・圏域別データの集計と", "圏域別データの集計と")  # no list: not the action's
    narrow = _LIST_ABOVE.replace("長期入院者が多く、圏域ごとに退\n院支援の取組に差がある。", "長期入院者が多い")
    for changed in (text, narrow):
        assert rewritten_rows(changed)[1][3] != _LISTED_ACTION


# section 5's first issue as plain pdftotext wrote a designated city's LibreOffice PDF: the role's word
# below the header, then the issue, the policies (their list's bullet drawn apart after its first line,
# the last line filling the column, its rest written much later) and the action (narrower, wrapped at
# its own column)
_NARROWER_ACTION = (
    "人口 (R6 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n行政\n\n"
    "長期入院者が多く、特に 65 歳以上の高齢\nの長期入院者の退院先が見つからない。\n"
    "介護保険施設や高齢者向け住まいでの受\n入れに不安を持つ事業者も多い。\n\n\uf0b7\n\n・介護分野の支援者を対象と\n\n\uf0b7\n\nした研修を行い、精神障害へ\n"
    "の理解を深める\n・地域包括支援センターと相\n\n\uf0b7\n\n・介護分野向け\n\n\uf0b7\n\n研修の企画・開\n催\n・連携会議の開\n催\n\n"
    "医療\n\n退院支援委員会への地域\n包括支援センターの参加\nの呼びかけ\n\n福祉\n"
)


def test_a_narrower_list_after_a_full_line_is_the_action_and_a_bullet_drawn_apart_no_item() -> None:
    rows = rewritten_rows(_NARROWER_ACTION)
    assert rows[1] == [
        "長期入院者が多く、特に65歳以上の高齢の長期入院者の退院先が見つからない。"
        "介護保険施設や高齢者向け住まいでの受入れに不安を持つ事業者も多い。",
        "・介護分野の支援者を対象とした研修を行い、精神障害への理解を深める ・地域包括支援センターと相",
        "行政",
        "・介護分野向け研修の企画・開催 ・連携会議の開催",
    ]


# section 5 as plain pdftotext wrote a core city's LibreOffice PDF: after the first role's word, the
# first issue and the next group's issue right below it (the issues' column written down), then the
# first group's policies and action; the next group's `行政`, its action, and its policy with `医療` and
# `福祉` among its lines
_ISSUES_DOWN = (
    "人口 (R6 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n行政\n\n"
    "精神科病院と地域の支援者の連携が\n個人のつながりに頼っており、退院\n支援の流れが病院によって異なる\n\n"
    "地区によって社会資源に差があり、\n特に真備地区・児島地区では日中活\n動の場や相談先が少ない\n\n\uf0b7\n\n"
    "・連携シートの様式を簡素化\n\n\uf0b7\n\nし、全精神科病院での活用を目\n指す\n・退院前カンファレンスへの地\n"
    "域援助事業者の参加を促す\n\n連携シートの改訂と周知\n\n医療\n\n\uf0b7\n\n・連携シートの活\n\n\uf0b7\n\n用\n"
    "・退院前カンファ\nレンスの開催と地\n域への案内\n\n福祉\n\n退院前カンファレンスへ\nの参加、地域移行支援の\n実施\n\n"
    "その他関\n係機関・\n住民等\n\nピアサポーターによる病\n院訪問\n\n行政\n\n地区別ネットワーク会議\n"
    "の運営、社会資源マップ\nの作成\n\n地区別ネットワーク会議で社会資源マッ 医療\n"
    "プを作成し、不足する資源について連絡\n福祉\n協議会で協議する\n\n地区の会議への参加\n地区の会議への参加、社\n会資源の情報提供\n\n"
    "その他関\n係機関・\n住民等\n\n社会福祉協議会・民生委\n員による地域の居場所づ\nくり\n"
)


def test_the_next_issue_written_below_the_first_goes_to_its_own_group() -> None:
    rows = [row for row in rewritten_rows(_ISSUES_DOWN) if row[2] == "行政"]
    assert [row[0] for row in rows] == [
        "精神科病院と地域の支援者の連携が個人のつながりに頼っており、退院支援の流れが病院によって異なる",
        "地区によって社会資源に差があり、特に真備地区・児島地区では日中活動の場や相談先が少ない",
    ]
    assert rows[0][3] == "連携シートの改訂と周知"
    assert rows[1][1] == "地区別ネットワーク会議で社会資源マップを作成し、不足する資源について連絡協議会で協議する"
    assert rows[1][3] == "地区別ネットワーク会議の運営、社会資源マップの作成"
