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
