"""The wrap_spaces form: the spaces pymupdf4llm leaves where the page wrapped a paragraph."""

from __future__ import annotations

from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import signals, wrap_spaces

FULL = "精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことができ"  # a page's line
# pymupdf4llm ends each line with a space
TEXT = "\n".join(
    [
        "# 柏市 ",
        "",
        f"{FULL} るよう、医療、保健、福祉が包括的に確保された体制を目指します。 ",
        "",
        "年1回開催。方針を決定 実務者会議 ",
        "",
        "|年度|経過|",
        "|---|---|",
        f"|R6年度|{FULL} ると|",
    ]
)


def _apply(text: str) -> list[str | None]:
    return apply_form(wrap_spaces, text)


def test_a_space_where_the_page_wrapped_goes_and_an_authors_space_stays():
    lines = _apply(TEXT)
    assert lines[2] == f"{FULL}るよう、医療、保健、福祉が包括的に確保された体制を目指します。"
    assert lines[4] == "年1回開催。方針を決定 実務者会議 "
    assert lines[8] == f"|R6年度|{FULL} ると|"  # a table's cells are pipe_tables' work


def test_only_pymupdf4llms_text_has_the_signal():
    assert signals.wrap_spaces(TEXT)
    assert not signals.wrap_spaces(TEXT.replace(" \n", "\n"))
    assert not signals.wrap_spaces((FIXTURES / "sheets" / "city-pipe-fy2023.txt").read_text(encoding="utf-8"))


def test_the_vision_reads_whole(parsed):
    from nikosheet import parse_file_data

    for sheet in ("kashiwa-r6", "city-edge-values-fy2024"):
        doc = parse_file_data(FIXTURES / "converters" / f"{sheet}--pymupdf4llm.txt")
        want = parsed(f"{sheet}.txt")["vision"]
        assert doc["vision"] == want, sheet


def test_an_authors_pipe_tables_with_a_hard_line_break_are_not_pymupdf4llms():
    clean = (FIXTURES / "sheets" / "city-pipe-fy2023.txt").read_text(encoding="utf-8")
    assert signals.clean_pipes(clean)
    assert not signals.wrap_spaces(clean.replace("\n", "  \n", 1))  # a Markdown hard line break
    assert not signals.initiatives(clean)
    assert not signals.clean_pipes(TEXT)


def test_pymupdf4llms_arrow_item_is_the_next_line_of_the_item_above(parsed):
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["basic_info"]["initiatives"]
    doc = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pymupdf4llm.txt")
    assert doc["basic_info"]["initiatives"] == want
    assert "\n→" in want[0]


def test_two_paragraphs_joined_after_a_sentences_end_are_two_again():
    # a figure's two boxes, one under the other, that pymupdf4llm joined with a space
    text = "\n".join(
        [
            "# <mark>2</mark> 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体） ",
            "",
            f"{FULL} るよう、医療、保健、福祉が包括的に確保された体制を目指します。 ",
            "",
            "年4回開催。地域移⾏、住まい、居場所の3つのテーマで具体的な取組を検討する。 区⺠ひろば・CSW（8圏域） ",
            "",
            "地域の居場所、⾒守り、住⺠からの相談の⼊⼝ ",
            "",
            "|年度|経過|",
            "|---|---|",
        ]
    )
    lines = _apply(text)
    assert lines[4] == "年4回開催。地域移⾏、住まい、居場所の3つのテーマで具体的な取組を検討する。"
    assert lines[5] == "区⺠ひろば・CSW（8圏域）"
    from nikosheet import parse_text_data

    assert parse_text_data(text)["overview"]["text"][2:4] == [
        "区民ひろば・CSW（8圏域）",
        "地域の居場所、見守り、住民からの相談の入口",
    ]


def test_a_sentence_s_end_after_section_2_is_left_where_the_next_heading_has_no_markup():
    # pymupdf4llm may write section 3's heading as plain text: section 2's boxes end there
    text = "\n".join(
        [
            "# <mark>2</mark> 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体） ",
            "",
            "代表者会議 ",
            "",
            "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題） ",
            "",
            "長期入院者が多い。 退院後の住まいが課題である。 ",
            "",
            "|年度|経過|",
            "|---|---|",
        ]
    )
    assert _apply(text)[6:8] == ["長期入院者が多い。 退院後の住まいが課題である。 ", ""]
