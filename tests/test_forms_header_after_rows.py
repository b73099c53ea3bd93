"""Section 4's indicators header whose last pieces plain pdftotext of a Chromium PDF wrote after the
rows (`具体的な成果・効果` after the last row, even after the next section's number): each late piece
goes back to its cell's line above the rows, and the table is read."""

from __future__ import annotations

from conftest import apply_form
from nikosheet import parse_text_data
from nikosheet.parsing.forms import header_after_rows

TITLE = "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
NEXT = "精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
# plain pdftotext of a Chromium PDF (a prefecture's sheet): the header's cells interleaved, the
# effects' header cell, centred in its tall box, written after the rows and after section 5's number
TEXT = (
    "名称\n\n"
    f"{TITLE}\n\n＜令和5年度までの成果・効果＞\n課題解決の達成\n\n目標値 (R5年\n\n実績値 (R5年\n\n"
    "度を測る指標\n\n度当初)\n\n度末)\n\n①1年以上の長\n期入院者数\n\n7,100人\n\n7,251人\n\n"
    "地域移行支援員が31病院を訪問し、長期入院者408名と面接し\nた。\n\n"
    "②市町村の協議\nの場の設置数\n\n45市町村\n\n41市町村\n\n"
    "圏域連絡会議で運営例を紹介し、4市町が新たに設置した。\n\n"
    "③ピアサポータ\nーの活動件数\n\n年200件\n\n年236件\n\n"
    "病院内の茶話会、高校での体験談の講演、圏域会議への参加が増\nえた。\n\n"
    f"5\n\n具体的な成果・効果\n\n{NEXT}\n"
)


def test_the_late_header_cell_goes_to_the_header_s_last_line_above_the_rows() -> None:
    lines = apply_form(header_after_rows, TEXT)
    assert "度末) 具体的な成果・効果" in lines
    assert "具体的な成果・効果" not in lines
    assert lines.count(None) == 1


def test_the_indicators_are_read() -> None:
    outcomes = parse_text_data(TEXT)["outcomes"]
    assert (outcomes["target_as_of"], outcomes["actual_as_of"]) == ("R5年度当初", "R5年度末")
    got = [(i["number"], i["name"], i["target"], i["actual"]) for i in outcomes["indicators"]]
    assert got == [
        (1, "1年以上の長期入院者数", ["7,100人"], ["7,251人"]),
        (2, "市町村の協議の場の設置数", ["45市町村"], ["41市町村"]),
        (3, "ピアサポーターの活動件数", ["年200件"], ["年236件"]),
    ]
    assert outcomes["indicators"][2]["effects"] == ["病院内の茶話会、高校での体験談の講演、圏域会議への参加が増えた。"]


# a core city's sheet: the first header cell's rest (`を測る指標`) written after the last row
REST_LATE = (
    "名称\n\n"
    f"{TITLE}\n\n＜令和4年度までの成果・効果＞\n課題解決の達成度\n\n目標値 (R4年度当初) 実績値 (R4年度末)\n\n"
    "具体的な成果・効果\n\n①ピアサポーター\nの養成\n\n養成研修修了者 10\n人\n\n養成研修修了者 12\n人\n\n"
    "修了者のうち5人が病院訪問に同行し、入院者の\n退院への不安の軽減につながった。\n\n"
    "②冬期の見守り\n\n見守り訪問 30世帯\n\n見守り訪問 24世帯\n\n"
    "訪問により、冬期に特有の課題を早期に把握でき\nた。\n\n"
    f"を測る指標\n\n5\n\n{NEXT}\n"
)


def test_a_first_cell_s_rest_after_the_rows_goes_on_its_first_line() -> None:
    lines = apply_form(header_after_rows, REST_LATE)
    assert "課題解決の達成度を測る指標" in lines
    assert "を測る指標" not in lines
    indicators = parse_text_data(REST_LATE)["outcomes"]["indicators"]
    got = [(i["name"], i["target"], i["actual"]) for i in indicators]
    assert got == [
        ("ピアサポーターの養成", ["養成研修修了者 10人"], ["養成研修修了者 12人"]),
        ("冬期の見守り", ["見守り訪問 30世帯"], ["見守り訪問 24世帯"]),
    ]


def test_a_header_whole_before_the_second_row_stays_as_it_is() -> None:
    text = TEXT.replace("5\n\n具体的な成果・効果\n\n", "5\n\n")
    text = text.replace("7,100人\n\n", "7,100人\n\n具体的な成果・効果\n\n")
    assert apply_form(header_after_rows, text) == text.split("\n")


def test_a_first_cell_s_rest_goes_on_its_line_before_other_cells_late_lines_join_it() -> None:
    # the header's last line above the rows is the first cell's own: its rest (`を測る指標`) goes on it
    # first, then the other cells' late line after a space, whatever order they came in
    lines: list[str | None] = [
        "課題解決の達成度",
        "①研修の参加者数",
        "②連絡会の開催",
        "目標値 (R4年度当初) 実績値 (R4年度末)",
        "を測る指標",
    ]
    cells = [
        [(0, "課題解決の達成度", False), (4, "を測る指標", False)],
        [(3, "目標値 (R4年度当初)", False)],
        [(3, "実績値 (R4年度末)", False)],
    ]
    header_after_rows._move_late(lines, cells, 1)
    assert lines == [
        "課題解決の達成度を測る指標 目標値 (R4年度当初) 実績値 (R4年度末)",
        "①研修の参加者数",
        "②連絡会の開催",
        None,
        None,
    ]
