"""The figure below section 6's sectors table, kept out of the table's last row (read a cell per line, or a
printed line at a time)."""

from __future__ import annotations

from conftest import FIXTURES
from nikosheet import parse_file_data, parse_text_data

CONVERTERS = FIXTURES / "converters"
_HEAD = "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n各部門の連携状況\n強み・課題等\n"
_ROWS = (
    "保健\n地区担当保健師が支援している。\n担当者の負担に偏りがある。\n"
    "医療\n区内4病院と連絡会を開催している。\n区外の病院とは個別の連絡にとどまっている。\n"
    "福祉\n相談支援事業所の連絡会がある。\n地域移行支援を担う事業所が少ない。\n"
    "その他関係機関・住民等\n家族会が協議の場に参画している。\n町会・自治会など地域住民の参画は少\nない。\n"
)
_NEXT = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"


def _coordination(text: str) -> dict:
    return parse_text_data("# 練馬区\n" + text)["coordination"]


def test_a_figure_s_labels_below_the_table_are_notes_not_the_last_row_s():
    figure = "練馬区の相談・支援体制\n保健予防課（全体の企画）\n保健相談所（6か所）\n"
    got = _coordination(_HEAD + _ROWS + figure + _NEXT)
    assert got["sectors"][-1]["strengths_and_issues"] == "町会・自治会など地域住民の参画は少ない。"
    assert got["notes"] == ["練馬区の相談・支援体制", "保健予防課（全体の企画）", "保健相談所（6か所）"]


def test_a_last_cell_that_ends_no_sentence_stays_the_row_s():
    # one sentence's end after the last label: the lines after it may be the other cell, which ends on none
    last = "町会・自治会など地域住民の参画は少\nない。\n"
    rows = _ROWS.replace(last, "町会・自治会の参画は少ない\n民生委員との連携\n")
    got = _coordination(_HEAD + rows + _NEXT)
    assert got["notes"] == []
    assert "民生委員との連携" in (got["sectors"][-1]["strengths_and_issues"] or "")


def test_the_figure_after_the_sectors_in_real_conversions(parsed):
    # 練馬区's sheet: PyMuPDF, pypdf and LibreOffice's text export had read its figure into the last row
    want = parsed("ward-nerima-fy2023.txt")["coordination"]
    for converter in ("pymupdf", "pypdf", "libreoffice-txt", "pdftotext-raw"):
        got = parse_file_data(CONVERTERS / f"ward-nerima-fy2023--{converter}.txt")["coordination"]
        assert got["sectors"][-1]["strengths_and_issues"] == want["sectors"][-1]["strengths_and_issues"], converter
        assert got["notes"][:2] == want["notes"][:2], converter


def test_the_figure_after_the_sectors_read_a_printed_line_at_a_time(parsed):
    # 練馬区's sheet through pdfplumber and markitdown of its LibreOffice PDF (`centred_rows`): the figure's lines
    # had been read into the last row's cells; they are the notes, the row ending at its label's last line
    want = parsed("ward-nerima-fy2023.txt")["coordination"]["notes"]
    for converter in ("lopdf-pdfplumber", "lopdf-markitdown"):
        got = parse_file_data(CONVERTERS / f"ward-nerima-fy2023--{converter}.txt")["coordination"]
        assert got["notes"][:2] == want[:2], converter  # (a box's second line is not told in a PDF's text)
        last = got["sectors"][-1]
        assert not any(want[0] in (last[cell] or "") for cell in ("status", "strengths_and_issues")), converter


def test_lines_around_a_wrapped_label_stay_the_row_s():
    # plain pdftotext: the last label wrapped around its row's cells, which end on no sentence, after the row
    # above's rests: the lines after the last sentence's end hold the label's rest, so they are the row's
    rows = _ROWS.replace(
        "その他関係機関・住民等\n家族会が協議の場に参画している。\n町会・自治会など地域住民の参画は少\nない。\n",
        "その他関係機\n担っている。\nか所と少ない。\n家族会が部会に参画\n当事者の参画がない\n関・住民等\n",
    )
    assert _coordination(_HEAD + rows + _NEXT)["notes"] == []


def test_a_last_cell_of_two_wrapped_lines_without_a_sentence_s_end_stays_the_row_s():
    # two lines after the last sentence's end, the second a wrap's rest (`く、…`): the strengths cell, no figure
    last = "町会・自治会など地域住民の参画は少\nない。\n"
    cells = "地区の民生委員が見守っている。\n町会・自治会など地域住民の参画が少な\nく、普及啓発が今後の課題\n"
    rows = _ROWS.replace(last, cells)
    got = _coordination(_HEAD + rows + _NEXT)
    assert got["notes"] == []
    assert got["sectors"][-1]["strengths_and_issues"] == "町会・自治会など地域住民の参画が少なく、普及啓発が今後の課題"
