"""Section 1's 入院精神障害者数 in a layout converter's text: values a space from their label, a second
value wrapped to a line of its own, and the label's `（％：構成割合）` set in the value's column."""

from __future__ import annotations

from nikosheet import parse_text_data

HEAD = """\
                            川越市
                  「ともに暮らす 川越市」

 1    県、指定都市、中核市、特別区の基礎情報

基本情報（都道府県等情報）

障害保健福祉圏域数（R5年4月時点）                           1          か所
市町村数（R5年4月時点）                                1          市町村
人口（R5年4月時点）                                  352,397    人
"""

TAIL = """\
保健所数（R5年4月時点）                                1          か所
"""


def _inpatients(rows: str) -> dict:
    got = parse_text_data(HEAD + rows + TAIL)["basic_info"]["inpatients"]
    assert isinstance(got, dict)
    return got


def test_an_ages_count_a_space_after_its_label_is_its_value():
    # pdftotext -layout: a short count set one space after `うち65歳未満`, its unit a gap away
    got = _inpatients("""\
入院精神障害者数 （R4年6月時点） ※630調査    合計               268       人
                             3か月未満 （％：構成割合）   61 22.8   人％
                             1年以上（％：構成割合）               159 59.3 人 ％
                                              うち65歳未満 58        人
                                              うち65歳以上 101       人
""")
    assert got["aged_under_65"] == 58
    assert got["aged_65_and_over"] == 101
    assert got["over_1_year"]["count"] == 159


# the rows as the layout form writes them (tab rows; a folded line None, here left out)
TAB_HEAD = """\
 1    県、指定都市、中核市、特別区の基礎情報

基本情報（都道府県等情報）

障害保健福祉圏域数 (R6年4月時点)\t1\tか所
人口 (R6年4月時点)\t647,521\t人
"""
TAB_TAIL = "保健所数 (R6年4月時点)\t1\tか所\n"


def _tab_inpatients(rows: str) -> dict:
    got = parse_text_data(TAB_HEAD + rows + TAB_TAIL)["basic_info"]["inpatients"]
    assert isinstance(got, dict)
    return got


def test_a_second_value_wrapped_to_a_line_of_its_own_joins_its_row():
    # pdftotext -layout of a Chromium PDF: a row's percent, and the second age's count, under the first
    got = _tab_inpatients("""\
入院精神障害者数 (R4年6月時点)\t合計\t968 人
\t3か月未満 (%: 構成割合)\t190 人
\t\t19.6 %
\t3か月以上1年未満 (%: 構成割合)\t153 人 15.8 %
\t1年以上 (%: 構成割合)\t625 人
\t\t64.6 %
\tうち65歳未満 うち65歳以上\t231 人
\t\t394 人
""")
    assert got["total"] == 968
    assert (got["under_3_months"]["count"], got["under_3_months"]["percent"]) == (190, 19.6)
    assert got["from_3_to_12_months"]["percent"] == 15.8
    assert (got["over_1_year"]["count"], got["over_1_year"]["percent"]) == (625, 64.6)
    assert (got["aged_under_65"], got["aged_65_and_over"]) == (231, 394)


def test_both_ages_labels_in_cells_of_their_own_are_one_row():
    # pdfplumber -layout: the two labels two spaces apart, the two counts after them
    got = _tab_inpatients("""\
入院精神障害者数 (R4年6月時点)\t合計\t968 人
\t1年以上 (%: 構成割合)\t625 人 64.6 %
\tうち65歳未満\tうち65歳以上\t231 人 394 人
""")
    assert (got["aged_under_65"], got["aged_65_and_over"]) == (231, 394)


def test_the_share_labels_words_in_the_value_column_are_no_note():
    # the label's `（％：構成割合）` wrapped, a piece of it read into the value's column
    got = _tab_inpatients("""\
入院精神障害者数 （R4年6月時点） ※630調査\t合計\t\t1,018\t\t人
\t3か月未満合）\t（％：構成割\t171 16.8\t\t人％
\t\t3か月以上1年未満 (%:割合)\t構成\t154 人 15.1 %
\t1年以上（％：構成割合）\t\t\t\t693\t68.1 人 ％
""")
    assert got["note"] == "※630調査"
    assert (got["under_3_months"]["count"], got["under_3_months"]["percent"]) == (171, 16.8)
    assert (got["from_3_to_12_months"]["count"], got["from_3_to_12_months"]["percent"]) == (154, 15.1)


def test_a_setup_levels_count_in_its_choices_cell_is_its_count():
    # pdfplumber -layout: the count two spaces after the choice, read into the choice's cell
    got = parse_text_data(
        TAB_HEAD
        + "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の"
        + "場の設置状況（R5年4月時点）\t都道府県\t有・(無)\n"
        + "\t障害保健福祉圏域\t有・(無)\n"
        + "\t市町村\t(有)・無 1 / 1\n"
    )["basic_info"]["council_setup"]
    municipality = got["municipality"]
    assert (municipality["exists"], municipality["count"], municipality["total"]) == (True, 1, 1)
    assert municipality["text"] == "1 / 1"
    assert got["prefecture"]["exists"] is False
