"""The councils' table that plain pdftotext and pdfminer write a box at a time: names and frequencies
paired by the template's vocabulary, the other text kept below the table."""

from __future__ import annotations

from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import council_pivots

CONVERTERS = FIXTURES / "converters"
HEADING = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n\n"
HEADER = "名称\n\n協議の場の構成員\n\n開催頻度\n\n実施内容\n\n"
END = "\n【その他事項】 ※協議の場運営における課題や悩んでいる点\n"


def _filled(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line]


def _rewritten(body: str) -> list[str]:
    return _filled(apply_form(council_pivots, HEADING + HEADER + body + END))


def test_a_row_at_a_time_pairs_up_the_notes_are_kept() -> None:
    body = "推進会議\n\n保健、医療、家族会\n\n年2回\n\n・方針の決定\n\n実務者会議\n\n相談支援事業所、保健所\n\n"
    body += "年6回\n\n・事例検討\n\n特記事項等(課題・強み等)\n\n参加者が固定化している\n"
    out = _rewritten(body)
    assert out[1] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert out[2] == "推進会議\t保健、医療、家族会\t年2回\t・方針の決定\t"
    assert out[3] == "実務者会議\t相談支援事業所、保健所\t年6回\t・事例検討\t"
    assert out[4:] == ["参加者が固定化している", END.strip()]  # which council's note: not known


def test_a_wrapped_name_and_a_name_before_its_members_on_one_line() -> None:
    body = "仙台市精神保健福祉審議会\n地域移行・地域定着部会\n\n3回/年\n\n"
    body += "区にも包括推進会議（5区） 区保健福祉センター、精神科病院、\n\n年4回 ・個別事例の検討\n"
    out = _rewritten(body)
    assert out[2:4] == [
        "仙台市精神保健福祉審議会 地域移行・地域定着部会\t\t3回/年\t\t",
        "区にも包括推進会議（5区）\t\t年4回\t・個別事例の検討\t",
    ]
    assert out[4] == "区保健福祉センター、精神科病院、"  # the members may go on in another box: none given


def test_a_wrapped_tail_goes_back_to_the_one_name_that_fills_its_column() -> None:
    body = "越谷市精神障害にも対応した\n地域包括ケアシステム推進会\n\n年2回\n\n月１回程度\n\n議\n実務者会議\n\n"
    assert _rewritten(body + "・事例検討\n")[2:4] == [
        "越谷市精神障害にも対応した地域包括ケアシステム推進会議\t\t年2回\t\t",
        "実務者会議\t\t月１回程度\t\t",
    ]


def test_a_tail_two_names_may_take_leaves_the_table_as_it_was() -> None:
    body = "地域包括ケアシステム推進会\n\n年2回\n\n精神保健福祉医療連携推進会\n\n月１回程度\n\n議\n"
    text = HEADING + HEADER + body + END
    assert apply_form(council_pivots, text) == text.split("\n")


def test_activities_that_go_on_elsewhere_are_not_given() -> None:
    body = "圏域会議\n\n保健所、市町村\n\n四半期ごと ・事例検討 ・社会資\n\n差がある\n\n源の共有\n"
    assert _rewritten(body)[2:4] == ["圏域会議\t保健所、市町村\t四半期ごと\t\t", "・事例検討 ・社会資"]


def test_names_fewer_than_frequencies_leave_the_table_as_it_was() -> None:
    body = "長野県精神保健福祉\n審議会\n\n年2回\n\n圏域の連絡調整\n\n各圏域年2～3回\n"
    text = HEADING + HEADER + body + END
    assert apply_form(council_pivots, text) == text.split("\n")


def test_pdfminer_text_reads_every_council_and_no_wrong_value(converted) -> None:
    data = converted(CONVERTERS / "core-tottori-sparse-fy2024--pdfminer.txt")
    meetings = data["councils"]["meetings"]
    assert [(m["name"], m["members"], m["frequency"]["text"]) for m in meetings] == [
        ("鳥取市にも包括推進会議", "精神科病院、相談支援事業所、家族会、保健所、障害福祉課", "年1回"),
        ("退院支援連絡会", "精神科病院の精神保健福祉士、基幹相談支援センター、保健所", "年3回"),
        ("ケース検討会", "保健所、相談支援事業所、関係機関", "随時"),
    ]


def test_a_first_name_split_around_its_members_leaves_the_table_as_it_was() -> None:
    body = "相模原市精神保健福祉推\n\n精神科病院、相談支援事業所、家族\n\n進会議\n\n会、行政\n\n年2回\n\n方針の決定\n"
    text = HEADING + HEADER + body + "\n会議名\n"
    assert apply_form(council_pivots, text) == text.split("\n")


WARD_TABLE = (
    "会議名\n\n構成員\n\n開催回数\n\n内容\n\n緑区地域連携会議\n\n保健センター、訪問看護\n\n年3回\n\n事例検討\n\n備考\n"
)


def test_a_second_table_of_the_wards_councils_is_read_too() -> None:
    text = HEADING + "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)\n推進会議\t\t年2回\t\t\n\n"
    out = _filled(apply_form(council_pivots, text + WARD_TABLE + END))
    assert out[3:5] == [
        "会議名\t構成員\t開催回数\t内容\t備考",
        "緑区地域連携会議\t保健センター、訪問看護\t年3回\t事例検討\t",
    ]


def test_no_table_is_read_after_one_left_unread() -> None:
    text = HEADING + "名称\n\n協議の場の構成員\n\n推進会\n議\n\n開催頻\n度\n\n" + WARD_TABLE + END
    assert apply_form(council_pivots, text) == text.split("\n")
