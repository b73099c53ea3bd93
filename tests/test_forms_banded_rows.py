"""Tables whose tall rows pdftotext writes a band at a time, every cell's next lines in turn."""

from __future__ import annotations

import pytest

import nikosheet
from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import banded_rows

HEADER = "課題解決の達成度を\n測る指標\n\n目標値 (R4年\n度当初)\n\n実績値 (R4年度\n末)\n\n具体的な成果・効果\n\n"


def _without_lines(items: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in item.items() if k != "line"} for item in items]


def test_pdftotext_reads_kawaguchis_outcomes_as_its_own_text_does() -> None:
    truth = nikosheet.parse_file_data(SAMPLES / "kawaguchi-r5.txt")["outcomes"]["indicators"]
    text = FIXTURES / "converters" / "kawaguchi-r5--pdftotext.txt"
    got = nikosheet.parse_file_data(text)["outcomes"]["indicators"]
    assert _without_lines(got) == _without_lines(truth)


def test_a_row_in_bands_and_its_centred_name_after_them() -> None:
    body = (
        "年2回の研修\n会を開催す\n\n"  # band 1: the target, 12 wide: its last line fills it, it goes on
        "年1回の研修会を\n開催しその評\n\n"  # the actual, 14 wide, goes on
        "支援者の理解が深まり、\n連携が進んだ。\n\n"  # the effects, whole
        "①地域の研修会の開\n催\n\n"  # band 2: the name, 18 wide, centred in its row, whole
        "る\n\n"  # the target's last line
        "価をした\n"  # the actual's last line
    )
    out = apply_form(banded_rows, HEADER + body)
    assert [line for line in out if line] == [
        "課題解決の達成度を測る指標\t目標値(R4年度当初)\t実績値(R4年度末)\t具体的な成果・効果",
        "①地域の研修会の開催\t年2回の研修会を開催する\t年1回の研修会を開催しその評価をした\t支援者の理解が深まり、連携が進んだ。",
    ]


def test_boxes_that_fit_no_reading_are_left_as_they_were() -> None:
    text = HEADER + "研修会の開催\n\n年2回\n\n年1回\n\n理解が深まった。\n"  # no ① to start a row
    assert apply_form(banded_rows, text) == text.split("\n")


@pytest.mark.parametrize(
    ("sheet", "converter", "section"),
    [
        ("designated-sendai-fy2023", "pdftotext", "outcomes"),  # header lines interleaved, a box a list's item
        ("designated-sendai-fy2023", "pdfminer", "outcomes"),  # two header cells on a line, one left open
        ("pref-fy2024", "pdftotext", "outcomes"),  # the last header cell in a box with the first row's effects
        ("kawaguchi-r5", "pdftotext", "strengths_and_issues"),  # the header below the issues' last cell
    ],
)
def test_indicators_whose_header_lines_are_interleaved(sheet: str, converter: str, section: str) -> None:
    truth_file = SAMPLES / f"{sheet}.txt"
    if not truth_file.exists():
        truth_file = FIXTURES / "sheets" / f"{sheet}.txt"
    truth = nikosheet.parse_file_data(truth_file)[section]["indicators"]
    got = nikosheet.parse_file_data(FIXTURES / "converters" / f"{sheet}--{converter}.txt")[section]["indicators"]
    assert _without_lines(got) == _without_lines(truth)


def test_a_header_whose_cells_share_lines_and_twin_value_columns_with_lists() -> None:
    text = (
        "課題解決の達成度を\n\n目標値 (R4年度当\n\n測る指標\n\n初)\n\n実績値 (R4年度末) 具体的な成果・効果\n\n"
        "①長期入院者の地域\n移行\n\n"  # band 1: the name, as wide as its header cell
        "・地域移行支援の\n利用者数 40人\n\n"  # the target, 16 wide: a list's first item
        "・地域移行支援の\n利用者数 33人\n\n"  # the actual, as wide as the target
        "・ピアサポーターが病棟で体験を語ることで、退院をため\nらっていた入院者が面談に応じた。\n\n"
        "・ピアサポーター\nの病院訪問 24回\n\n"  # band 2: each list's second item in a box of its own
        "・ピアサポーター\nの病院訪問 19回\n\n"
        "・病院の退院支援委員会に相談支援専門員が出席する病院\nが増えた。\n"
    )
    out = apply_form(banded_rows, text)
    assert [line for line in out if line] == [
        "課題解決の達成度を測る指標\t目標値(R4年度当初)\t実績値(R4年度末)\t具体的な成果・効果",
        "①長期入院者の地域移行\t・地域移行支援の利用者数 40人 ・ピアサポーターの病院訪問 24回"
        "\t・地域移行支援の利用者数 33人 ・ピアサポーターの病院訪問 19回"
        "\t・ピアサポーターが病棟で体験を語ることで、退院をためらっていた入院者が面談に応じた。"
        " ・病院の退院支援委員会に相談支援専門員が出席する病院が増えた。",
    ]
