"""Wrapped labels: a sector's or a role's (`その他関係機` / `関・住民等`) and a header's last cell written late."""

from __future__ import annotations

from conftest import FIXTURES
from nikosheet.parsing.forms import FormState, cell_lines_tables


def _rows(text: str) -> list[str]:
    """The text's lines after the form, blank and taken ones left out."""
    state = FormState(text.split("\n"), text)
    cell_lines_tables.apply(state)
    return [ln for ln in state.lines if ln]


def test_a_wrapped_sector_word_whose_rest_comes_after_the_next_cell_s_first_line():
    rows = _rows(
        "保健所と障害福祉課が連携して、市内の精神科病院と地域の支援者が参加する会議を年に数回開催している。\n"
        "各部門の連携状況\n\n強み・課題等\n\n保健\n\n訪問を行っている。\n\n連携票を活用している。\n\n"
        "その他関係機\n家族会、ピアサポーター、民生委員が普及啓発部会に参\n関・住民等\n加している。\n\n連携が課題。"
    )
    status = "家族会、ピアサポーター、民生委員が普及啓発部会に参加している。"
    assert rows[3] == f"その他関係機関・住民等\t{status}\t連携が課題。"
    assert len(rows) == 4


def test_a_wrapped_role_word_beside_its_cell_and_its_rest_on_the_next_line():
    rows = _rows(
        "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n島しょ部に支援が届きにくい\n"
        "訪問支援とオンライン相談を組み合わせる\n行政 訪問支援の調整\n医療 オンライン診療\n福祉 訪問の同行\n"
        "その他関係機 家族会による体験談の発表\n関・住民等"
    )
    assert rows[-1] == "\t\tその他関係機関・住民等\t家族会による体験談の発表"


def test_a_header_s_last_cell_wrapped_over_two_lines_and_written_after_the_first_rows():
    rows = _rows(
        "名称\n協議の場の構成員\n開催頻度 実施内容\n練馬区精神保健福祉地\n域連携会議\n精神科病院、医師会\n年3回\n"
        "特記事項等(課題・強\nみ等)\n区全体の取組の検討\n保健相談所地域連絡会\n保健相談所、民生委員\n年10回\n"
        "個別事例の検討\n参加機関に差がある。"
    )
    assert rows[0] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert rows[1].startswith("練馬区精神保健福祉地域連携会議\t精神科病院、医師会\t年3回\t区全体の取組の検討")
    assert rows[2] == "保健相談所地域連絡会\t保健相談所、民生委員\t年10回\t個別事例の検討\t参加機関に差がある。"


def test_a_number_wrapped_before_its_particle_is_joined_without_a_space():
    from nikosheet.parsing.forms._shared import join_wrapped

    assert join_wrapped("市町村の協議の場を55", "にする。") == "市町村の協議の場を55にする。"
    assert join_wrapped("R6年度", "Plan") == "R6年度 Plan"


def test_a_number_wrapped_before_a_word_of_japanese_is_joined_without_a_space(parsed):
    from nikosheet import parse_file_data
    from nikosheet.parsing.forms._shared import join_wrapped

    assert (
        join_wrapped("地域別連絡会は4", "地域の地域健康課が運営する。") == "地域別連絡会は4地域の地域健康課が運営する。"
    )
    assert join_wrapped("基本目標1", "市民の理解") == "基本目標1市民の理解"  # (an author's space at a wrap is lost)
    # pandoc's plain text wraps section 4's narrow value cells right after a count (`5` / `地区で各2回`)
    want = parsed("core-kurashiki-fy2023.txt")["outcomes"]["indicators"][0]
    got = parse_file_data(FIXTURES / "converters" / "core-kurashiki-fy2023--pandoc-plain.txt")["outcomes"][
        "indicators"
    ][0]
    assert (got["target"], got["actual"]) == (want["target"], want["actual"]) == (["5地区で各2回"], ["5地区で計9回"])


def test_a_date_or_a_count_cut_at_its_number_is_joined_without_a_space(parsed):
    from nikosheet import parse_file_data
    from nikosheet.parsing.forms._shared import join_wrapped

    assert join_wrapped("令和", "3年度") == "令和3年度"
    assert join_wrapped("R6", "年4月") == "R6年4月"
    assert join_wrapped("年", "30回") == "年30回"
    assert join_wrapped("新規利用", "15人") == "新規利用 15人"  # a space between a word and a count: the author's
    assert join_wrapped("いずれも10年前の", "1.6倍前後") == "いずれも10年前の1.6倍前後"  # (no space after a particle)
    assert join_wrapped("市内3病院で再開（延べ", "14回）") == "市内3病院で再開（延べ14回）"  # (a word's kana end)
    # pandoc's plain text wraps the schedule's narrow month cells (`R6` / `年10月`) and section 4's header
    want = parsed("pref-gifu-fy2024.txt")
    got = parse_file_data(FIXTURES / "converters" / "pref-gifu-fy2024--pandoc-plain.txt")
    assert [i["label"] for i in got["annual_schedule"]["items"]] == [
        i["label"] for i in want["annual_schedule"]["items"]
    ]
    assert got["outcomes"]["target_as_of"] == want["outcomes"]["target_as_of"] == "R5年度当初"


def test_the_last_role_s_label_wrapped_two_characters_a_line() -> None:
    # plain pdftotext of a designated city's LibreOffice PDF, whose roles' column is two characters wide
    from conftest import rewritten_rows

    text = (
        "人口 (R6 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n行政\n\n"
        "市外の病院に入院している市民\nの情報が届きにくい\n\n退院支援連絡票の運用を始める\n\n連絡票の作成\n\n医療\n\n"
        "連絡票の送付\n\n福祉\n\n計画相談の調整\n\nその\n他関\n係機\n関・\n住民\n等\n\n家族会による情報提供\n\n"
        "市民の理解が十分でない\n\n当事者が語る場をつくる\n\n行政\n\n講座の開催\n\n医療\n\n講師派遣\n\n福祉\n\n"
        "体験発表\n\nその\n他関\n係機\n関・\n住民\n等\n\n自治会との交流\n"
    )
    rows = rewritten_rows(text)
    assert rows[4] == ["", "", "その他関係機関・住民等", "家族会による情報提供"]
    assert rows[5] == ["市民の理解が十分でない", "当事者が語る場をつくる", "行政", "講座の開催"]
    assert rows[8] == ["", "", "その他関係機関・住民等", "自治会との交流"]


def test_a_count_wrapped_after_its_own_word_is_joined_without_a_space():
    from nikosheet.parsing.forms._shared import join_wrapped

    assert join_wrapped("面接を開始（全", "18病院）") == "面接を開始（全18病院）"
    assert join_wrapped("推進会議（第", "2回）") == "推進会議（第2回）"
    assert join_wrapped("地域移行支援の新規利用", "15人") == "地域移行支援の新規利用 15人"  # (the sheet's own space)
