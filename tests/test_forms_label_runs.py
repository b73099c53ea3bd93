"""A row group's labels that pdfminer writes in a run before their values, put back label by label."""

from __future__ import annotations

from conftest import apply_form
from nikosheet.parsing.forms import label_runs

HEADER = "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"


def _filled(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line]


def test_roles_then_their_values_one_box_each() -> None:
    text = HEADER + "行政\n\n医療\n\n福祉\n\n病院訪問の調整\n\nピアサポーターの受け入れ\n\n地域移行支援の実施\n"
    assert _filled(apply_form(label_runs, text))[3:] == [
        "行政",
        "病院訪問の調整",
        "医療",
        "ピアサポーターの受け入れ",
        "福祉",
        "地域移行支援の実施",
    ]


def test_a_value_in_two_boxes_the_first_as_wide_as_its_column() -> None:
    values = "委託事業所と\n協働で事業を\n実施\n\n医療分野の課\n題抽出, 情報共\n\n有\n\n"
    values += "福祉分野の課\n\n題抽出, 情報共\n有\n"
    text = HEADER + "行政\n\n医療\n\n福祉\n\n" + values
    out = apply_form(label_runs, text)
    assert _filled(out)[3:] == [
        "行政",
        *["委託事業所と", "協働で事業を", "実施"],
        "医療",
        *["医療分野の課", "題抽出, 情報共", "有"],
        "福祉",
        *["福祉分野の課", "題抽出, 情報共", "有"],
    ]
    assert out.index("有") == out.index("題抽出, 情報共") + 1  # one cell's lines, no blank line between


def test_sectors_take_two_values_each() -> None:
    values = "窓口である。\n\n人員が不足。\n\n連絡会がある。\n\n区外が課題。\n"
    text = "各部門の連携状況\n\n強み・課題等\n\n保健\n\n医療\n\n" + values
    assert _filled(apply_form(label_runs, text))[2:] == [
        "保健",
        "窓口である。",
        "人員が不足。",
        "医療",
        "連絡会がある。",
        "区外が課題。",
    ]


def test_values_that_do_not_fit_the_run_are_left_as_they_were() -> None:
    text = HEADER + "行政\n\n医療\n\n福祉\n\n病院訪問の調整\n\nピアサポーターの受け入れ\n"
    assert apply_form(label_runs, text) == text.split("\n")


def test_values_end_at_a_wrapped_labels_first_part() -> None:
    values = "連絡会の運営支援\n\n連絡会への参加\n\n"
    text = HEADER + "行政\n\n医療\n\n" + values + "その他関係機\n\n民生委員の参加\n\n関・住民等\n"
    assert _filled(apply_form(label_runs, text))[3:] == [
        "行政",
        "連絡会の運営支援",
        "医療",
        "連絡会への参加",
        "その他関係機",
        "民生委員の参加",
        "関・住民等",
    ]


def test_sectors_qualified_their_header_cell_apart_and_two_cells_on_one_line() -> None:
    # pdfminer: `医療分野` `保健分野` `障害福祉` in a run, a row's two one-sentence cells on one line a
    # space apart, the header's last cell among the values, the last label with its first value on its line
    text = (
        "各部門の連携状況\n\n医療分野\n\n保健分野\n\n障害福祉\n\n"
        "精神科病院と定例会を行っている。 診療所との連携が少ない。\n\n"
        "保健所の相談で医療と福祉をつないでいる。\n\n相談件数が増加している。\n\n相談支援事業所が地域移行を担っている。\n\n"
        "人材が不足している。\n\n強み・課題等\n\nその他関係機関・住民等 家族会が参画している。\n"
    )
    assert _filled(apply_form(label_runs, text)) == [
        "各部門の連携状況",
        "強み・課題等",
        "医療分野",
        "精神科病院と定例会を行っている。",
        "診療所との連携が少ない。",
        "保健分野",
        "保健所の相談で医療と福祉をつないでいる。",
        "相談件数が増加している。",
        "障害福祉",
        "相談支援事業所が地域移行を担っている。",
        "人材が不足している。",
        "その他関係機関・住民等 家族会が参画している。",
    ]


def test_sectors_in_brackets_after_the_roles_region() -> None:
    # pdfminer: `【保健】` `【医療】` `【福祉】` (a bracket opens them, as a marker line's does) in a run after
    # the roles' region: the sectors' title starts their region, and the bracketed labels are no marker
    text = (
        HEADER + "行政\n\n医療\n\n病院訪問の調整\n\nピアサポーターの受け入れ\n\n"
        "各部門の連携状況\n\n【保健】\n\n【医療】\n\n保健所が相談に応じている。\n\n人員が少ない。\n\n"
        "病院が参画している。\n\n診療所の参加が少ない。\n\n【福祉】 事業所が支援している。\n"
    )
    assert _filled(apply_form(label_runs, text))[-7:] == [
        "【保健】",
        "保健所が相談に応じている。",
        "人員が少ない。",
        "【医療】",
        "病院が参画している。",
        "診療所の参加が少ない。",
        "【福祉】 事業所が支援している。",
    ]


# core-himeji-fy2024's pdfminer text: an issue, its policy, each role's action a box, then the labels
ACTIONS_FIRST = HEADER + (
    "長期入院者の退院後の住まい\nと日中活動の場が不足してい\n\n"
    "グループホーム・居住支援法人\nとの連携、日中活動の場の情報\n\nる\n\nを集約する\n\n"
    "・社会資源マップの作成\n・居住支援協議会との連携\n\n"
    "退院前カンファレンスへの地域支\n援者の参加の受入れ\n\n"
    "グループホームの体験利用、地域\n定着支援の実施\n\n"
    "居住支援法人による物件の紹介\n\n"
    "行政\n\n医療\n\n福祉\n\nその他関係\n機関・住民\n\n等\n\n"
    "高齢の精神障害者の支援で、\n"
)


def test_a_whole_run_of_roles_after_their_actions() -> None:
    filled = _filled(apply_form(label_runs, ACTIONS_FIRST))
    at = filled.index("行政")
    assert filled[at:-1] == [
        "行政",
        *["・社会資源マップの作成", "・居住支援協議会との連携"],
        "医療",
        *["退院前カンファレンスへの地域支", "援者の参加の受入れ"],
        "福祉",
        *["グループホームの体験利用、地域", "定着支援の実施"],
        *["その他関係", "機関・住民", "等"],
        "居住支援法人による物件の紹介",
    ]
    assert filled[3:at] == [  # the issue and its policy stay before the roles
        *["長期入院者の退院後の住まい", "と日中活動の場が不足してい"],
        *["グループホーム・居住支援法人", "との連携、日中活動の場の情報", "る", "を集約する"],
    ]


def test_actions_one_short_of_the_roles_leave_the_run() -> None:
    text = ACTIONS_FIRST.replace("居住支援法人による物件の紹介\n\n", "")
    text = text.replace("グループホームの体験利用、地域\n定着支援の実施\n\n", "").replace(
        "長期入院者の退院後の住まい\nと日中活動の場が不足してい\n\n", ""
    )
    text = text.replace("グループホーム・居住支援法人\nとの連携、日中活動の場の情報\n\nる\n\nを集約する\n\n", "")
    assert apply_form(label_runs, text) == text.split("\n")


# pdfminer of a Chromium PDF (the probe shape of `pref-fullwidth-dot-fy2023`): the group's first band
# (the issue's, the policy's and 行政's cell's first lines), their rests, then the other roles' actions
# before the other three labels, and the table's end
FIRST_BAND = HEADER + (
    "市町村の協議の場の設置が進\n\n市町村向け研修会とアドバイザ\n\n行政\n\n研修会の開催、アドバイザー\n\n"
    "んでいない\n\nー派遣を行う\n\n派遣\n\n研修会への講師協力\n\n研修会への参加\n\n家族会による普及啓発\n\n"
    "医療\n\n福祉\n\nその他関係\n機関・住民\n等\n\n課題解決の達成度を測る指標\n"
)


def test_the_other_roles_after_their_actions_the_first_role_with_the_first_band() -> None:
    filled = _filled(apply_form(label_runs, FIRST_BAND))
    roles = filled[filled.index("医療") : -1]
    first_role = filled[filled.index("行政") + 1 : filled.index("医療")]
    assert roles == [
        "医療",
        "研修会への講師協力",
        "福祉",
        "研修会への参加",
        "その他関係",
        "機関・住民",
        "等",
        "家族会による普及啓発",
    ]
    assert first_role == ["研修会の開催、アドバイザー", "んでいない", "ー派遣を行う", "派遣"]


def test_the_other_roles_run_left_when_the_next_box_may_be_an_action() -> None:
    # the next box is no table's end and no next group (its issue, policy and 行政): it may be the last
    # role's action, so the boxes before the run may be one action short
    text = FIRST_BAND.replace("等\n\n課題解決", "等\n\nピアサポーターの病院訪問\n\n課題解決")
    assert apply_form(label_runs, text) == text.split("\n")


def test_the_other_roles_run_put_back_where_the_next_policy_has_its_role_beside_it() -> None:
    # pdfminer of a Chromium PDF: the next group's policy and its 行政 on one line, a space apart
    after = (
        "市町の協議の場の設置が進まない\n\nアドバイザーを派遣する 行政\n\nアドバイザーの派遣\n\n"
        "①ピアサポーターの活動の場が少ない ②\n報酬の仕組みがない\n\n①活動の場を広げる ②報\n酬の仕組みを作る\n\n医療\n\n"
    )
    text = FIRST_BAND.replace("等\n\n課題解決", "等\n\n" + after + "課題解決")
    filled = _filled(apply_form(label_runs, text))
    at = filled.index("医療")
    assert filled[at : at + 4] == ["医療", "研修会への講師協力", "福祉", "研修会への参加"]
    assert filled[at + 7 : at + 10] == [
        "家族会による普及啓発",
        "市町の協議の場の設置が進まない",
        "アドバイザーを派遣する 行政",
    ]


def test_one_of_two_boxes_a_column_short_is_a_whole_cell() -> None:
    # pdfminer: 医療's action a character short of the widest line, 福祉's wrapped with its last character
    # in a box of its own
    values = "市町の協議の場の開催\n\n協議の場への精神科医の参加\n\n相談支援事業所による課題の報\n\n告\n"
    assert _filled(apply_form(label_runs, HEADER + "行政\n\n医療\n\n福祉\n\n" + values))[3:] == [
        "行政",
        "市町の協議の場の開催",
        "医療",
        "協議の場への精神科医の参加",
        "福祉",
        "相談支援事業所による課題の報",
        "告",
    ]


# the issues' header's last two cells on one line, a space apart (city-edge-values-fy2024--pdfminer.txt)
JOINED_HEADER = "課題\n\n課題解決に向けた取組方針 課題・方針に対する役割(取組)\n\n"
JOINED_GROUP = (
    "退院後の住まいの確保が難しい 居住支援協議会と連携する 行政\n\n居住支援協議会との連携\n\n医療\n\n福祉\n\n"
)


def test_a_header_on_one_line_opens_the_roles_region() -> None:
    text = JOINED_HEADER + JOINED_GROUP + "退院前カンファレンス\n\nグループホームの情報共有\n\n"
    text += "その他関係機関・住民等 不動産事業者への普及啓発\n"
    assert _filled(apply_form(label_runs, text))[4:8] == [
        "医療",
        "退院前カンファレンス",
        "福祉",
        "グループホームの情報共有",
    ]


def test_a_header_on_one_line_takes_only_a_box_a_role() -> None:
    # three boxes for two roles: which box goes on in which cannot be told by box counts, left as it was
    text = JOINED_HEADER + JOINED_GROUP + "援\n・共同設置の規約例の提供\n\n圏域会議への参加、事例の提供\n\n"
    text += "基幹相談支援センターによる町\n村の相談支援体制への助言\n\nその他関係機関・住民等\n"
    assert _filled(apply_form(label_runs, text))[4:7] == ["医療", "福祉", "援"]


def test_the_next_issue_s_and_policy_s_first_boxes_after_the_values_stay_after_them() -> None:
    """pdfminer writes the next group's issue and policy (their first lines) before its `行政`, right
    after this group's values: the run's values are the boxes before those two."""
    text = (
        HEADER + "地域移行支援の担い\n手が不足している\n\n"
        "①相談支援事業所の参入を促す ②病院\nの退院支援担当者との分担を見直す\n\n"
        "行政\n\n医療\n\n福祉\n\nその他関係機\n関・住民等\n\n報酬加算の周知、研修の開催\n\n退院支援委員会での役割分担\n\n"
        "地域移行支援の受け入れ\n\nピアサポーターの同行\n\n区によって会議の内\n\n区の会議の好事例を推進会議で共有す\n\n"
        "行政\n\n区の担当者連絡会の開催\n"
    )
    assert _filled(apply_form(label_runs, text))[7:19] == [
        "行政",
        "報酬加算の周知、研修の開催",
        "医療",
        "退院支援委員会での役割分担",
        "福祉",
        "地域移行支援の受け入れ",
        "その他関係機",
        "関・住民等",
        "ピアサポーターの同行",
        "区によって会議の内",
        "区の会議の好事例を推進会議で共有す",
        "行政",
    ]


# pdfminer (a LibreOffice-less Chromium PDF): the first group's first band (its issue, its policy, `行政`,
# its action's first line), the next group's issue and policy, the first action's rest, then every
# later action of the two groups a box each (`－` one of them), then their labels in one run
_ACROSS = HEADER + (
    "退院後の住まいが見つからない\n\n不動産関係団体と連携す\nる\n\n行政\n\n居住支援協議会と\n\n"
    "市民の精神疾患への理解\n\n普及啓発\n\nの情報共有\n\n"
    "入居後の急変時の相談窓口の明示\n\n入居後の見守りと相談\n\n物件情報の提供\n\n"
    "市民講座\n\n－\n\n施設見学の受入れ\n\n家族会の体験談\n\n"
    "医療\n\n福祉\n\nその他\n関係機\n\n関・住\n民等\n\n行政\n\n医療\n\n福祉\n\nその他関係機関・住民等\n"
)


def test_a_run_of_labels_into_the_next_group_after_their_actions() -> None:
    out = _filled(apply_form(label_runs, _ACROSS))[3:]
    assert out[out.index("医療") :] == [
        *["医療", "入居後の急変時の相談窓口の明示", "福祉", "入居後の見守りと相談"],
        *["その他", "関係機", "関・住", "民等", "物件情報の提供"],
        *["市民の精神疾患への理解", "普及啓発", "行政", "市民講座"],
        *["医療", "－", "福祉", "施設見学の受入れ", "その他関係機関・住民等", "家族会の体験談"],
    ]
    assert out[: out.index("医療")][-1] == "の情報共有"  # the first action's rest stays after its first line


def test_the_run_into_the_next_group_read_whole() -> None:
    import nikosheet

    doc = nikosheet.parse_text_data(
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n" + _ACROSS
    )
    issues = doc["strengths_and_issues"]["issues"]
    assert [(i["issue"], i["policies"]) for i in issues] == [
        ("退院後の住まいが見つからない", ["不動産関係団体と連携する"]),
        ("市民の精神疾患への理解", ["普及啓発"]),
    ]
    assert issues[0]["roles"]["administration"] == ["居住支援協議会との情報共有"]
    assert issues[0]["roles"]["others"] == ["物件情報の提供"]
    assert issues[1]["roles"] == {
        "administration": ["市民講座"],
        "medical": ["－"],
        "welfare": ["施設見学の受入れ"],
        "others": ["家族会の体験談"],
    }


def test_the_last_label_wrapped_over_two_boxes_its_values_after_the_run() -> None:
    """pdfminer (前橋市's sheet): the roles' labels in a run, the last wrapped over two boxes (`その他関`
    `係機関・` then `住民等`), the values after them, then the next group's issue and policy."""
    text = HEADER + (
        "【住まいの確保】退院先となるグループホー\nムが不足している\n\n"
        "・グループホームの空き\n状況を定期的に把握し、\n部会で共有する\n\n"
        "行政\n\n医療\n\n福祉\n\nその他関\n係機関・\n\n住民等\n\n"
        "・空き状況の調査\n・住宅政策課、居住支援法\n人との協議\n\n退院前訪問の実施\n\n"
        "体験利用の受入れ、入居後\nの定着支援\n\n居住支援法人による入居支\n援\n\n"
        "家族が精神障害のある方を長く支えており、\n\n家族会と協力して家族向\n\n行政\n\n家族相談会の開催\n"
    )
    out = _filled(apply_form(label_runs, text))[8:]
    assert out == [
        *["行政", "・空き状況の調査", "・住宅政策課、居住支援法", "人との協議"],
        *["医療", "退院前訪問の実施", "福祉", "体験利用の受入れ、入居後", "の定着支援"],
        *["その他関", "係機関・", "住民等", "居住支援法人による入居支", "援"],
        *["家族が精神障害のある方を長く支えており、", "家族会と協力して家族向", "行政", "家族相談会の開催"],
    ]


def test_values_after_a_wrapped_last_label_left_where_a_full_box_may_go_on() -> None:
    """pdfminer (神戸市's sheet): `相談支援専門員と介護` is as wide as the widest box, so it may go on in the
    next (`支援専門員の合同事例` / `検討`), one role left empty: which, the text does not tell."""
    text = HEADER + (
        "【高齢化】支援の役割分担が\n区によって異なる\n\n手順を市として整理する\n\n"
        "行政\n\n医療\n\n福祉\n\nその他関\n係機関・\n\n住民等\n\n"
        "移行手順書の作成、区\n担当者への説明\n\n相談支援専門員と介護\n\n支援専門員の合同事例\n検討\n\n"
        "あんしんすこやかセン\nターによる相談対応\n"
    )
    assert apply_form(label_runs, text) == text.split("\n")


def test_values_after_a_wrapped_last_label_not_taken_where_boxes_before_could_be_them() -> None:
    """Boxes enough before the run for its values (besides the issue and the policy): the boxes after the
    run may be the next group's issue and policy (`【家族支援】…` in four boxes), not this group's roles."""
    text = HEADER + (
        "【就労】就労の場が少ない\n\n事業所と連携する\n\n"
        "居住支援協議会との連携の強\n化と情報共有の仕組みづくり\n\n退院前訪問の実施\n\n体験利用の受入れ\n\n入居支援\n\n"
        "行政\n\n医療\n\n福祉\n\nその他関\n係機関・\n\n住民等\n\n"
        "【家族支援】家族が精神障害のある\n\n方を長く支えている\n\n家族会と協力して家族向\n\nけの相談会を開く\n\n"
        "行政\n\n家族相談会の開催\n"
    )
    out = _filled(apply_form(label_runs, text))
    assert out[out.index("住民等") + 1] == "【家族支援】家族が精神障害のある"
