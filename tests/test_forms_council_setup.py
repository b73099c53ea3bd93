"""Section 1's set-up rows (協議の場の設置状況) that pdftotext and pdfminer write a box at a time."""

from __future__ import annotations

import nikosheet
from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import council_setup

LABEL = "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
BOXES = (
    "精神障害にも対応した地域包括ケアシステム 都道府県\n\n有・無\n\nか所\n\n"
    "の構築に向けた保健・医療・福祉関係者によ 障害保健福祉圏域\nる協議の場の設置状況 (R6年4月時点)\n市町村\n\n"
    "有・無\n\n/ か所/障害圏域数\n\n(有) 無\n\n1 / 1 か所/市町村\n数\n\n2\n\n"
    "精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
)


def test_the_boxes_become_the_three_rows() -> None:
    out = apply_form(council_setup, BOXES)
    assert [line for line in out if line and "\t" in line] == [
        f"{LABEL} (R6年4月時点)\t都道府県\t有・無\tか所",
        "\t障害保健福祉圏域\t有・無\t/ か所/障害圏域数",
        "\t市町村\t(有) 無\t1 / 1 か所/市町村数",
    ]
    assert out[0].startswith(LABEL)


def test_a_line_that_is_not_the_groups_leaves_it_alone() -> None:
    text = BOXES.replace("(有) 無\n", "(有) 無\n自殺死亡率\n")
    assert apply_form(council_setup, text) == text.split("\n")


def test_a_count_whose_row_is_not_known_leaves_it_alone() -> None:
    text = BOXES.replace("か所\n\nの構築", "の構築").replace("/ か所/障害圏域数", "3 / 5")
    assert apply_form(council_setup, text) == text.split("\n")


def test_pdftotext_text_reads_the_councils_set_up() -> None:
    doc = nikosheet.parse_file_data(FIXTURES / "converters" / "ward-numberalone-fy2024--pdftotext.txt")
    setup = doc["basic_info"]["council_setup"]
    assert setup["as_of"] == "2024-04"
    assert setup["municipality"] == {"exists": True, "count": 1, "total": 1, "text": "1 / 1 か所/市町村数", "line": 135}
    assert setup["region"]["text"] == "/ か所/障害圏域数"


SECTION_2_AFTER = (  # the statistics' first label before it: the form's signal
    "障害保健福祉圏域数（R6年4月時点）\n\n精神障害にも対応した地域包括ケアシステムの構築\n\n都道府県\n\n有・無\n\n"
    "に向けた保健・医療・福祉関係者による協議の場の\n設置状況（R6年4月時点）\n\n障害保健福祉圏域\n\n有・無\n\n"
    "市町村\n\n○有・無\n\n2\n\n1/1\n\n精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
)


def test_a_count_written_after_section_2_s_number_goes_to_the_level_answered_yes() -> None:
    # pdftotext: `○有・無`, section 2's number, the count with no unit, section 2's title
    out = apply_form(council_setup, SECTION_2_AFTER)
    assert [line for line in out if line and "\t" in line] == [
        f"{LABEL}（R6年4月時点）\t都道府県\t有・無\t",
        "\t障害保健福祉圏域\t有・無\t",
        "\t市町村\t○有・無\t1/1",
    ]
    assert "2" in out and "1/1" not in out


def test_a_count_after_section_2_s_number_and_no_level_answered_yes_leaves_it_alone() -> None:
    text = SECTION_2_AFTER.replace("○有・無", "有・無")
    assert apply_form(council_setup, text) == text.split("\n")


def test_a_count_whose_slash_lost_its_spaces_is_read_and_its_text_kept_as_written() -> None:
    # plain pdftotext drops the narrow spaces round the set-up count's slash (`1/1`; the template's is `1 / 1`):
    # the count and the total are read, and the text stays the source's
    text = (
        "1 県、指定都市、中核市、特別区の基礎情報\n\n"
        f"{LABEL}（R5年4月時点）\t都道府県\t有・(無)\t\n\t障害保健福祉圏域\t有・(無)\t\n\t市町村\t(有) 無\t1/1\n\n"
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）\n"
    )
    setup = nikosheet.parse_text_data(text)["basic_info"]["council_setup"]
    assert {k: v for k, v in setup["municipality"].items() if k != "line"} == {
        "exists": True,
        "count": 1,
        "total": 1,
        "text": "1/1",
    }
    spaced = nikosheet.parse_text_data(text.replace("1/1", "17 / 25"))["basic_info"]["council_setup"]
    assert spaced["municipality"]["text"] == "17 / 25"


# A core city's sheet leaves the prefecture's and the region's rows empty: the levels stand one after
# the other, and the one choice and count follow the last (PyMuPDF, pdfminer, docx2txt write them so).
EMPTY_ROWS = (
    "障害保健福祉圏域数（R5年4月時点）\n1\nか所\n精神障害にも対応した地域包括ケアシステムの構\n"
    "築に向けた保健・医療・福祉関係者による協議の\n場の設置状況（R5年4月時点）\n都道府県\n障害保健福祉圏域\n"
    "市町村\n○有・無\n1 / 1\n2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
)


def test_rows_left_empty_give_their_cells_to_the_level_they_follow() -> None:
    out = apply_form(council_setup, EMPTY_ROWS)
    assert [line for line in out if line and "\t" in line] == [
        f"{LABEL}（R5年4月時点）\t都道府県\t\t",
        "\t障害保健福祉圏域\t\t",
        "\t市町村\t○有・無\t1 / 1",
    ]


def test_a_choice_written_after_section_2_s_number_goes_to_the_level_before_it() -> None:
    # plain pdftotext: `市町村`, section 2's number, `○有・無`, `1/1`, the title, blank lines between
    text = EMPTY_ROWS.replace("市町村\n○有・無\n1 / 1\n2 ", "市町村\n\n2\n\n○有・無\n\n1/1\n\n")
    out = apply_form(council_setup, text)
    assert [line for line in out if line and "\t" in line][2] == "\t市町村\t○有・無\t1/1"
    assert "2" in out


def test_a_count_in_another_row_than_its_unit_names_leaves_it_alone() -> None:
    text = EMPTY_ROWS.replace("1 / 1", "1 / 1 か所/障害圏域数")
    assert apply_form(council_setup, text) == text.split("\n")


def test_a_late_count_s_unit_wrapped_over_lines_is_the_group_s() -> None:
    # plain pdftotext: section 2's number, then the count with its unit cut in three (`1/1か`, `所/市町村`, `数`)
    text = SECTION_2_AFTER.replace("○有・無\n\n2\n\n1/1\n", "○有・無\n\n2\n\n1/1か\n所/市町村\n数\n")
    out = apply_form(council_setup, text)
    assert [line for line in out if line and "\t" in line][2] == "\t市町村\t○有・無\t1/1か所/市町村数"


def test_a_level_run_into_the_label_s_piece_with_no_space_is_read() -> None:
    # PyMuPDF of a LibreOffice PDF: `…による協議の場の設置状況` cut after `保健・`, `都道府県` run into it
    text = (
        "障害保健福祉圏域数（R6年4月時点）\n1\nか所\n"
        "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・都道府県\n有・(無)\nか所\n"
        "医療・福祉関係者による協議の場の設置状況 (R6 年4 月時点)\n障害保健福祉圏域\n有・(無)\n/ か所/障害\n圏域数\n"
        "市町村\n(有) 無\n1 / 1 か所/\n市町村数\n"
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
    )
    rows = [line for line in apply_form(council_setup, text) if line and "\t" in line]
    assert rows[0].split("\t")[1:] == ["都道府県", "有・(無)", "か所"]
    assert rows[2] == "\t市町村\t(有) 無\t1 / 1 か所/市町村数"


def test_a_count_ending_in_a_level_s_word_is_no_level() -> None:
    assert (
        council_setup._level_glued(
            {"label": [], "level": [], "choice": [], "count": [], "late": []}, "1 / 1 か所/市町村"
        )
        is None
    )
