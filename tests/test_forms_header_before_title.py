"""A table's header whose first cell plain pdftotext wrote before its section's title: the two change
lines, so that the title heads its section and the header's cells stand together."""

from __future__ import annotations

from conftest import apply_form, rewritten_rows
from nikosheet.parsing.forms import header_before_title

TITLE = "精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況"
# plain pdftotext of a Chromium PDF: the names' header cell, centred in its tall box, before the title
COUNCILS = (
    f"7\n名称\n\n{TITLE}\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等\n(課題・強み\n等)\n\n"
    "\f台東区精神保健\n\n近隣区の精神科病院、区内診療所、相談支援事\n\n福祉連絡会\n\n"
    "業所、地域包括支援センター、家族会、行政\n\n事務局会議\n\n保健予防課、障害福祉課\n\n"
    "2回/年\n\n事例検討、地域課\n題の共有\n\n随時\n\n連絡会の準備\n\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など\nなし\n"
)
SECTORS = (
    "6\n\n精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n\n"
    "各部門の連携状況\n\n強み・課題等\n\n保健\n\n保健所が相談に応じている。\n\n"
    "人員が少ない。\n\n福祉\n\n相談支援事業所が訪問支援事業を受託している。\n\n"
    "地域移行支援の実績が少ない。\n\nその他関係機関・住民等\n\n民生委員、町会が見守りに協力している。\n\n"
)


def test_the_first_header_cell_before_the_title_goes_below_it() -> None:
    lines = apply_form(header_before_title, COUNCILS)
    assert lines[:5] == ["7", TITLE, "", "名称", "協議の場の構成員"]


def test_a_cell_before_a_title_that_no_header_follows_stays() -> None:
    text = f"7\n名称\n\n{TITLE}\n\n台東区精神保健福祉連絡会\n"
    assert apply_form(header_before_title, text) == text.split("\n")


def test_the_councils_are_read_and_the_sectors_table_above_takes_neither_the_number_nor_the_cell() -> None:
    rows = rewritten_rows(SECTORS + COUNCILS)
    assert ["その他関係機関・住民等", "民生委員、町会が見守りに協力している。", ""] in rows
    assert ["事務局会議", "保健予防課、障害福祉課", "随時", "連絡会の準備", ""] in rows
    assert [
        "台東区精神保健福祉連絡会",
        "近隣区の精神科病院、区内診療所、相談支援事業所、地域包括支援センター、家族会、行政",
        "2回/年",
        "事例検討、地域課題の共有",
        "",
    ] in rows


def test_the_section_before_s_last_cell_between_the_number_s_cell_and_the_title_stays_in_its_section() -> None:
    """designated-sagamihara-fy2024 (plain pdftotext): `7` and `名称`, then the sectors' last issue (a cell
    pdftotext wrote late), then the title: the number and the title go after that cell, the cell below."""
    late = COUNCILS.replace(f"名称\n\n{TITLE}", f"名称\n\n市民への普及啓発の機会が少ない。\n\n{TITLE}")
    lines = apply_form(header_before_title, late)
    assert lines[:7] == ["市民への普及啓発の機会が少ない。", "7", "", TITLE, "", "名称", "協議の場の構成員"]
    rows = rewritten_rows(SECTORS + late)
    assert ["事務局会議", "保健予防課、障害福祉課", "随時", "連絡会の準備", ""] in rows


def test_a_line_between_a_cell_and_a_title_with_no_number_above_stays() -> None:
    late = COUNCILS.replace(f"7\n名称\n\n{TITLE}", f"名称\n\n市民への普及啓発の機会が少ない。\n\n{TITLE}")
    assert apply_form(header_before_title, late) == late.split("\n")
