"""Section 5's indicators' table written a box at a time, each column's cells in its own order (pdfminer)."""

from __future__ import annotations

import nikosheet
from conftest import rewritten_rows

_SECTION = "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n"
_GUIDANCE = "\n\n※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。\n"

# pdfminer: the header's first two cells wrapped, the names with the current values (one beside its name),
# the last two header cells on one line, then the targets and the effects, one wrapped
_COLUMNS_APART = (
    _SECTION + "課題解決の達成度を測る指\n標\n\n現状値 (今年度当\n\n初)\n\n①退院前の病院訪問の件数\n\n0件\n\n"
    "②緊急時の受入れ事業所数 2か所\n\n③家族教室の開催回数\n\n④合同事例検討会の開催回\n数\n\n年2回\n\n0回\n\n"
    "目標値 (今年度末) 見込んでいる成果・効果\n\n12件\n\n4か所\n\n年4回\n\n年3回\n\n"
    "市外の病院に入院している市民の退院の促\n進\n\n緊急時の入院回避\n\n家族の負担の軽減\n\n高齢の親と同居する世帯の支援"
    + _GUIDANCE
)


def test_each_column_s_cells_in_order_make_the_rows():
    assert rewritten_rows(_COLUMNS_APART) == [
        ["課題解決の達成度を測る指標", "現状値 (今年度当初)", "目標値 (今年度末)", "見込んでいる成果・効果"],
        ["①退院前の病院訪問の件数", "0件", "12件", "市外の病院に入院している市民の退院の促進"],
        ["②緊急時の受入れ事業所数", "2か所", "4か所", "緊急時の入院回避"],
        ["③家族教室の開催回数", "年2回", "年4回", "家族の負担の軽減"],
        ["④合同事例検討会の開催回数", "0回", "年3回", "高齢の親と同居する世帯の支援"],
    ]


def test_the_indicators_and_the_header_s_dates_are_read():
    data = nikosheet.parse_text_data(_COLUMNS_APART)["strengths_and_issues"]
    assert (data["current_as_of"], data["target_as_of"]) == ("今年度当初", "今年度末")
    assert [(i["name"], i["current"], i["target"]) for i in data["indicators"]][3] == (
        "合同事例検討会の開催回数",
        "0回",
        "年3回",
    )


def test_a_name_s_rest_after_its_row_s_effects_and_a_value_s_rest_after_the_next_row_s():
    # the first name's katakana word goes on after the row's values and effects (`カンファレン` `スの件数`),
    # the third row's target's rest (`回）`) after the fourth row's current value
    text = (
        _SECTION
        + "課題解決の達成度を測る指標\n\n現状値 (今年度\n\n目標値 (今年度末)\n\n見込んでいる成果・効果\n\n当初)\n\n"
        "①区外病院との退院前カンファレン\n\n19件\n\n30件\n\n区外に入院している区民の退院の\n\nスの件数\n\n促進\n\n"
        "②子育て世代のメンタルヘルス相談\n\n2地区\n\n4地区\n\n若い世帯の孤立の予防\n\nの実施地区\n\n"
        "③合同事例検討の開催回数\n\n0回\n\n4回（各保健相談所1\n\n高齢の家族と暮らす世帯の支援体\n\n④家族会の設立\n\n"
        "未設立\n\n回）\n\n1団体\n\n制の強化\n\n家族同士の継続的な支え合い" + _GUIDANCE
    )
    assert rewritten_rows(text)[1:] == [
        ["①区外病院との退院前カンファレンスの件数", "19件", "30件", "区外に入院している区民の退院の促進"],
        ["②子育て世代のメンタルヘルス相談の実施地区", "2地区", "4地区", "若い世帯の孤立の予防"],
        ["③合同事例検討の開催回数", "0回", "4回（各保健相談所1回）", "高齢の家族と暮らす世帯の支援体制の強化"],
        ["④家族会の設立", "未設立", "1団体", "家族同士の継続的な支え合い"],
    ]


def test_two_readings_alike_leave_the_table():
    # two values of one unit in a row, one value in the other: which row the lone value is is not told
    text = (
        _SECTION
        + "課題解決の達成度を測る指標\n\n現状値 (今年度当初)\n\n目標値 (今年度末)\n\n見込んでいる成果・効果\n\n"
        "①研修の開催\n\n②訪問の実施\n\n1回\n\n2回\n\n3回\n\n4回\n\n研修の充実\n\n訪問の充実" + _GUIDANCE
    )
    rows = rewritten_rows(text)
    assert not any(row[0] == "①研修の開催" and len(row) == 4 for row in rows)


def test_a_table_of_more_lines_than_the_search_takes_is_left_alone():
    # a row's effects run on for 1,200 lines (no end to the region): the search, a call deeper a line,
    # is not started, and the text is kept
    text = (
        _SECTION
        + "課題解決の達成度を測る指\n標\n\n現状値 (今年度当\n\n初)\n\n目標値 (今年度末) 見込んでいる成果・効果\n\n"
        "①訪問数\n\n0件\n\n4件\n\n" + "\n\n".join(["訪問の効果"] * 1200)
    )
    data = nikosheet.parse_text_data(text)["strengths_and_issues"]
    assert data["indicators"] == []
    assert data["text"].count("訪問の効果") == 1200


def test_a_last_row_the_sheet_left_empty_but_its_number():
    # pdfminer (a ward's sheet): the header's cells wrapped among each other, the values between the
    # names' wrapped lines, and a last row `③` with no value nor effects, the guidance after it (section
    # 4's table above, its header's first cell wrapped after `測`)
    text = (
        "<昨年度までの成果・効果>\n\n課題解決の達成度を測\nる指標\n\n"
        + _SECTION
        + "課題解決の達成度を\n\n現状値 (今年度当初)\n\n目標値 (今年度末) 見込んでいる成果・効\n\n測る指標\n\n"
        "①地域移行支援の利\n\n年12人\n\n用者数\n\n②ピアサポーターの\n\n年20回\n\n病院訪問回数\n\n果\n\n年15人\n\n"
        "長期入院者の退院促進\n\n○○\n\n入院者の退院意欲の喚\n\n起\n\n③" + _GUIDANCE
    )
    assert rewritten_rows(text)[1:] == [
        ["①地域移行支援の利用者数", "年12人", "年15人", "長期入院者の退院促進"],
        ["②ピアサポーターの病院訪問回数", "年20回", "○○", "入院者の退院意欲の喚起"],
        ["③", "", "", ""],
    ]


def test_a_row_s_empty_effects_are_not_read_where_its_name_s_lines_stand_apart():
    # LibreOffice's pdftotext: the one row's name, its target, its effects, then its current value; a
    # reading that runs the effects into the name, leaving them empty, is not taken
    text = (
        _SECTION + "課題解決の達成度を測る指標 現状値 (今年度当初)\n\n目標値 (令和 5 年度\n末)\n\n"
        "見込んでいる成果・効果\n\n① 地域移行支援の利用者数\n\n6人\n\n地域移行が進む\n\n3人" + _GUIDANCE
    )
    rows = rewritten_rows(text)
    assert all("①地域移行支援の利用者数地域移行が進む" not in "".join(row) for row in rows)


def test_a_name_s_rest_after_an_effect_that_ends_on_its_predicate():
    # pdfminer (a designated city's sheet): the third name's rest (`研修`) after its row's effects, which
    # end on a verb (`…が進む`): the rest goes on the name, not on the effects
    text = (
        "<昨年度までの成果・効果>\n\n課題解決の達成度を測\nる指標\n\n"
        + _SECTION
        + "課題解決の達成度を測る指標\n\n現状値 (今年度当初)\n\n目標値 (今年度末) 見込んでいる成果・効果\n\n"
        "①地域移行支援の利用者数\n\n36人\n\n②地域移行コーディネーター派遣\n\n8病院\n\n45人\n\n12病院\n\n"
        "長期入院者の地域移行が進む\n\n市内の精神科病院の6割以上で派遣を実\n\n病院数\n\n施する\n\n"
        "③地域包括支援センターとの合同\n\n0回\n\n2回\n\n障害と高齢の支援者の相互理解が進む\n\n研修\n\n"
        "④ピアサポーター雇用事業所数\n\n2か所\n\n4か所\n\n当事者の視点を取り入れた支援が広が\nる" + _GUIDANCE
    )
    assert rewritten_rows(text)[1:] == [
        ["①地域移行支援の利用者数", "36人", "45人", "長期入院者の地域移行が進む"],
        ["②地域移行コーディネーター派遣病院数", "8病院", "12病院", "市内の精神科病院の6割以上で派遣を実施する"],
        ["③地域包括支援センターとの合同研修", "0回", "2回", "障害と高齢の支援者の相互理解が進む"],
        ["④ピアサポーター雇用事業所数", "2か所", "4か所", "当事者の視点を取り入れた支援が広がる"],
    ]


def test_the_effects_written_after_the_guidance():
    # pdfminer (川口市): the names with their current values, the targets after the header's last
    # bracket, the guidance, and only then the effects, each wrapped
    text = (
        "<昨年度までの成果・効果>\n\n課題解決の達成度を測\nる指標\n\n"
        + _SECTION
        + "課題解決の達成度を測る指標\n\n現状値 (今年度\n\n目標値 (令和5年\n\n見込んでいる成果・効果\n\n当初)\n\n"
        "①「川口市精神保健福祉地域連携\n\n9件\n\n票」の活用\n\n②地域課題解決に向けた具体的方策\n\n2回\n\nの検討\n\n"
        "③協議の場委員を対象とした研修会\n\n1回\n\nの開催\n\n度末)\n\n10件\n\n2回\n\n1回\n\n"
        "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。\n\n"
        "医療、保健、福祉の分野を越えた連携\n\nを促す\n\n協議の場で具体的な取り組みを決め、\n\n実施する\n\n"
        "事務局、委員の知識の向上を図る\n\n6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n"
    )
    assert rewritten_rows(text)[1:] == [
        ["①「川口市精神保健福祉地域連携票」の活用", "9件", "10件", "医療、保健、福祉の分野を越えた連携を促す"],
        ["②地域課題解決に向けた具体的方策の検討", "2回", "2回", "協議の場で具体的な取り組みを決め、実施する"],
        ["③協議の場委員を対象とした研修会の開催", "1回", "1回", "事務局、委員の知識の向上を図る"],
    ]
    guidance = "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。"
    assert guidance in [t["text"] for t in nikosheet.parse_text_data(text)["template_text"]]


def test_a_value_header_s_bracket_on_a_line_of_its_own():
    # pdfminer (a prefecture's sheet, one row): `現状値` after the first header cell, its bracket below
    text = (
        "<昨年度までの成果・効果>\n\n課題解決の達成度を測\nる指標\n\n"
        + _SECTION
        + "課題解決の達成度を測る指標 現状値\n\n(今年度当\n初)\n\n目標値 (令\n和5年度末)\n\n見込んでいる成果・効果\n\n"
        "①長期入院者（1年以上）の\nうち退院を希望する人の地域\n\n移行支援の利用者数\n\n97人\n\n130人\n\n"
        "長期入院者の退院の促進と、退院後の地域での生活の安\n定。島しょ地域では、オンラインの退院前カンファレンス\n\n"
        "により、島に戻る人の支援が途切れなくなる。" + _GUIDANCE
    )
    assert rewritten_rows(text) == [
        ["課題解決の達成度を測る指標", "現状値 (今年度当初)", "目標値 (令和5年度末)", "見込んでいる成果・効果"],
        [
            "①長期入院者（1年以上）のうち退院を希望する人の地域移行支援の利用者数",
            "97人",
            "130人",
            "長期入院者の退院の促進と、退院後の地域での生活の安定。島しょ地域では、オンラインの退院前カンファレンスにより、島に戻る人の支援が途切れなくなる。",
        ],
    ]


def test_a_header_right_after_a_page_break_is_found():
    # pdfminer: the table at a page's top, the page break (`\f`) before its first header cell
    text = _COLUMNS_APART.replace("課題解決の達成度を測る指\n", "\f課題解決の達成度を測る指\n")
    assert rewritten_rows(text)[1:3] == [
        ["①退院前の病院訪問の件数", "0件", "12件", "市外の病院に入院している市民の退院の促進"],
        ["②緊急時の受入れ事業所数", "2か所", "4か所", "緊急時の入院回避"],
    ]
