"""Section 1's inpatients group as pdfplumber and markitdown write a LibreOffice PDF: centred rows."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import centred_statistics, signals

CONVERTERS = FIXTURES / "converters"

# kashiwa-r6's group as pdfplumber reads its LibreOffice PDF: each row's label, its count and its
# share on lines of their own, the group's label in the middle of its rows; a councils' header
# centred round its middle line tells the PDF's maker
_GROUP = (
    "精神科病床数 (R6年3月時点) 1,320 床\n"
    "合計 340 人\n"
    "54 人\n"
    "3か月未満 (%: 構成割合)\n"
    "15.9 %\n"
    "3か月以上1年未満 (%: 50 人\n"
    "入院精神障害者数 (R4年6月時点) 構成割合) 14.7 %\n"
    "236 人\n"
    "1年以上 (%: 構成割合)\n"
    "69.4 %\n"
    "うち65歳未満 うち65 119 人\n"
    "歳以上 221 人\n"
    "入院後3か月時点 %\n"
)
_COUNCILS = "開催\n名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n頻度\n"


def test_a_row_a_line_in_the_templates_order_each_value_in_its_units_place():
    out = apply_form(centred_statistics, _GROUP + _COUNCILS)
    assert "\n".join(out[1:8]) == (
        "入院精神障害者数 (R4年6月時点)\n合計 340 人\n3か月未満 (%: 構成割合) 54 人 15.9 %\n"
        "3か月以上1年未満 (%: 構成割合) 50 人 14.7 %\n1年以上 (%: 構成割合) 236 人 69.4 %\n"
        "うち65歳未満 119 人\nうち65歳以上 221 人"
    )
    assert out[8:13] == [None, None, None, None, "入院後3か月時点 %"]


def test_side_by_side_cells_and_empty_values():
    # the FY2023 template's: a count and its share in two cells (numbers, then units), 1年以上's label
    # beside うち65歳未満's, a count left empty
    text = (
        "精神科病床数（R5年4月時点） 4,520 床\n合計 2,060 人\n3か月未満 （％：構成割\n352 17.1 人 ％\n合）\n"
        "3か月以上1年未満\n人 ％\n（％：構成割合）\n入院精神障害者数 （R4年6月時点） ※630調査 1,377 人\n"
        "66.8 ％\n1年以上（％：構成割 うち65歳\n502 人\n合） 未満\nうち65歳\n875 人\n以上\n入院後3か月時点 64.0 ％\n"
    )
    out = apply_form(centred_statistics, text + _COUNCILS)
    assert "\n".join(out[1:8]) == (
        "入院精神障害者数 （R4年6月時点） ※630調査\n合計 2,060 人\n3か月未満 （％：構成割合） 352 人 17.1 ％\n"
        "3か月以上1年未満（％：構成割合） 人 ％\n1年以上（％：構成割合） 1,377 人 66.8 ％\n"
        "うち65歳未満 502 人\nうち65歳以上 875 人"
    )


@pytest.mark.parametrize(
    "change",
    [
        ("236 人", "236"),  # a number without its unit: whose it is is not sure
        ("69.4 %", "69.4 人"),  # the units not the template's
        ("歳以上 221 人", "歳以上 221 人 自殺死亡率"),  # a word of no row's label
    ],
)
def test_a_group_not_read_for_sure_is_left_alone(change):
    text = _GROUP.replace(*change) + _COUNCILS
    assert apply_form(centred_statistics, text) == text.split("\n")


def test_without_a_centred_header_it_is_left_alone():
    text = _GROUP + "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み等)\n"
    assert apply_form(centred_statistics, text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_has_no_signal(name):
    assert not signals.centred_statistics((SAMPLES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("converter", ["lopdf-pdfplumber", "lopdf-markitdown"])
def test_a_libreoffice_pdfs_inpatients_are_read(parsed, converted, converter):
    truth = parsed("kashiwa-r6.txt")["basic_info"]["inpatients"]
    doc = converted(CONVERTERS / f"kashiwa-r6--{converter}.txt")
    assert _values(doc["basic_info"]["inpatients"]) == _values(truth)


def _values(data: object) -> object:
    """The data without its line numbers (the texts' lines are not the sample's)."""
    if isinstance(data, dict):
        return {k: _values(v) for k, v in data.items() if k not in ("line", "lines")}
    return data


def test_a_number_a_narrow_column_cut_after_its_separator_is_joined_to_its_rest():
    # pref-fullwidth-dot-fy2023's population: its column wrapped it round its label
    text = (
        "市町村数（令和5年4月1日現在） ４０ 市町村\n１，２０\n人口（令和5年4月1日現在） 人\n４，３９２\n"
        "保健所数（令和5年4月1日現在） ６ か所\n" + _GROUP.split("\n", 1)[1] + _COUNCILS
    )
    out = apply_form(centred_statistics, text)
    assert out[:5] == [
        "市町村数（令和5年4月1日現在） ４０ 市町村",
        "１，２０４，３９２",
        "人口（令和5年4月1日現在） 人",
        None,
        "保健所数（令和5年4月1日現在） ６ か所",
    ]


@pytest.mark.parametrize("rest", ["３９２", "４，３９", "４，３９２ 人"])
def test_a_number_is_joined_only_to_the_rest_that_completes_its_group(rest):
    text = "１，２０\n人口（令和5年4月1日現在） 人\n" + rest + "\n" + _GROUP + _COUNCILS
    assert apply_form(centred_statistics, text)[:3] == text.split("\n")[:3]


# kashiwa-r6's councils' set-up: each count's lines round its level's line, the label's pieces
# between them
_SETUP = (
    "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・ 都道府県 有・無 か所\n"
    "/ か所/障害\n"
    "障害保健福祉圏域 有・無\n"
    "医療・福祉関係者による協議の場の設置状況 (R6年4月時点) 圏域数\n"
    "1 / 1 か所/\n"
    "市町村 (有) 無\n"
    "市町村数\n"
    "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）\n"
)


def test_the_set_ups_rows_a_count_from_the_lines_round_its_level():
    out = apply_form(centred_statistics, _GROUP + _SETUP + _COUNCILS)[13:21]
    assert out == [
        "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
        " (R6年4月時点)\t都道府県\t有・無\tか所",
        "\t障害保健福祉圏域\t有・無\t/ か所/障害圏域数",
        "\t市町村\t(有) 無\t1 / 1 か所/市町村数",
        None,
        None,
        None,
        None,
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",
    ]


@pytest.mark.parametrize(
    "change",
    [
        ("市町村数\n", "障害圏域数\n"),  # a count that does not end as its level's
        ("障害保健福祉圏域 有・無", "障害保健福祉圏域"),  # a level without its choice
        ("市町村 (有) 無", "市町村 (有) 無 自殺死亡率"),  # a word of none of the cells
        ("/ か所/障害\n", "1\n/ か所/障害\n"),  # two counts' starts before one level
    ],
)
def test_a_set_up_not_read_for_sure_is_left_alone(change):
    text = _SETUP.replace(*change) + _COUNCILS
    assert apply_form(centred_statistics, text) == text.split("\n")
