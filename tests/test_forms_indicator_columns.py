"""Section 4's indicator table whose first row plain pdftotext of a LibreOffice PDF wrote a column at a
time, each header cell followed by the first row's cell below it."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet.parsing.forms import indicator_boxes, indicator_columns

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n\f\n"  # a LibreOffice PDF's text in pdftotext's way (a page's form feed)


def _values(header: str, users: int, visits: int) -> tuple[str, ...]:
    """A value's header cell and the first row's list below it, each item's first line apart from its
    rest by the next item's drawn bullet."""
    return (
        header,
        "",
        "・",
        "",
        "・地域移行支援",
        "",
        "・",
        "",
        f"の利用者数 {users} 人",
        "・ピアサポータ",
        f"ーの病院訪問 {visits}",
        "回",
        "",
    )


# an excerpt of designated-sendai-fy2023--lopdf-pdftotext.txt (its drawn bullets folded: `・` alone)
COLUMNS = SIGNAL + "\n".join(
    (
        "＜令和 4 年度までの成果・効果＞",
        "課題解決の達",
        "成度を測る指",
        "標",
        "",
        "① 長期入院",
        "者の地域移行",
        "",
        *_values("目標値 (R4 年度当初)", 40, 24),
        *_values("実績値 (R4 年度末)", 33, 19),
        "具体的な成果・効果",
        "・",
        "",
        "・ピアサポーターが病棟で体験を語ること",
        "",
        "・",
        "",
        "で、退院をためらっていた入院者が面談に",
        "応じるようになった。",
        "",
        "② 医療中断",
    )
)


def _non_blank(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line]


def test_each_header_cell_with_the_first_row_s_cell_below_it():
    lines = _non_blank(apply_form(indicator_columns, COLUMNS))
    start = lines.index("＜令和 4 年度までの成果・効果＞") + 1
    assert lines[start:] == [
        "課題解決の達成度を測る指標 目標値(R4年度当初) 実績値(R4年度末) 具体的な成果・効果",
        "① 長期入院者の地域移行",
        "・地域移行支援の利用者数 40 人 ・ピアサポーターの病院訪問 24回",
        "・地域移行支援の利用者数 33 人 ・ピアサポーターの病院訪問 19回",
        "・ピアサポーターが病棟で体験を語ることで、退院をためらっていた入院者が面談に応じるようになった。",
        "② 医療中断",
    ]


def test_a_name_that_wraps_before_a_middle_dot_goes_on_without_a_space():
    text = COLUMNS.replace("① 長期入院\n者の地域移行", "① 市町村\n・病院の連携")
    assert "① 市町村・病院の連携" in apply_form(indicator_columns, text)


def test_a_row_s_cell_that_holds_the_next_row_leaves_the_table():
    # the target's column goes on into the second row (its name among the values): not this shape
    text = COLUMNS.replace("回\n\n実績値", "回\n② ピアサポー\n修了者 15 名\nターの養成\n\n実績値", 1)
    assert apply_form(indicator_columns, text) == text.split("\n")


def test_effects_numbered_as_the_rows_leave_the_table():
    # `①…` `②…` in the effects: the second item is not told from the next row
    text = COLUMNS.replace("具体的な成果・効果\n・\n\n・ピアサポーター", "具体的な成果・効果\n① ピアサポーター")
    text = text.replace("② 医療中断", "② 病院の委員会に出席した。")
    assert apply_form(indicator_columns, text) == text.split("\n")


def test_cells_out_of_order_leave_the_table():
    text = COLUMNS.replace("実績値 (R4 年度末)", "具体的な成果・効果 ", 1)
    assert apply_form(indicator_columns, text) == text.split("\n")


def test_the_samples_form_and_other_texts_are_left_alone():
    for path in (SAMPLES / "kawaguchi-r5.txt", CONVERTERS / "kawaguchi-r5--pdftotext.txt"):
        text = path.read_text(encoding="utf-8")
        assert form_state(indicator_columns, text).lines == text.split("\n")


def _without_lines(rows: list[dict]) -> list[dict]:
    """The rows without their line numbers, a value's space before its count aside (`病院訪問 24` `回`:
    the renderer's space between Japanese and a digit, which is not told from the sheet's, is taken)."""
    return [{k: _unspaced(v) for k, v in row.items() if k != "line"} for row in rows]


def _unspaced(value: object) -> object:
    return [item.replace(" ", "") for item in value] if isinstance(value, list) else value


def test_a_libreoffice_pdf_s_first_outcome_read_by_pdftotext(parsed):
    from nikosheet import parse_file_data

    sheet = parsed("designated-sendai-fy2023.txt")
    doc = parse_file_data(CONVERTERS / "designated-sendai-fy2023--lopdf-pdftotext.txt")
    want, got = sheet["outcomes"], doc["outcomes"]
    assert _without_lines(got["indicators"][:1]) == _without_lines(want["indicators"][:1])
    assert (got["target_as_of"], got["actual_as_of"]) == (want["target_as_of"], want["actual_as_of"])
    # the joined cells, wider than the page's lines, come after the history's paragraph was told by its width
    assert doc["history"]["text"] == sheet["history"]["text"]


def test_a_row_s_cell_below_the_header_s_last_before_any_row_leaves_the_indicator_boxes():
    # a value's box, then the header's last cell over a row's effects in one box, no row yet: read
    # by no rule (a crash before)
    boxes = (
        "現状値 (今年度当\n初)",
        "目標値 (今年度\n末)",
        "31 市町村",
        "36 市町村",
        "見込んでいる成果・効果\n体制ができる。",
    )
    text = "人口 (R6 年 4 月時点)\n課題\n\n" + "\n\n".join(boxes)
    assert apply_form(indicator_boxes, text) == text.split("\n")


_NAME_FIRST = "標\n\n① 長期入院\n者の地域移行\n\n目標値 (R4 年度当初)\n"  # the name, then the target's header cell


def test_the_name_written_after_the_target_s_header_cell():
    # the first row's name, centred in its row, comes after the next header cell, before the target
    text = COLUMNS.replace(_NAME_FIRST, "標\n\n目標値 (R4 年度当初)\n\n① 長期入院\n者の地域移行\n")
    lines = _non_blank(apply_form(indicator_columns, text))
    start = lines.index("＜令和 4 年度までの成果・効果＞") + 1
    assert lines[start : start + 3] == [
        "課題解決の達成度を測る指標 目標値(R4年度当初) 実績値(R4年度末) 具体的な成果・効果",
        "① 長期入院者の地域移行",
        "・地域移行支援の利用者数 40 人 ・ピアサポーターの病院訪問 24回",
    ]


def test_a_name_after_the_target_s_header_cell_with_a_value_in_its_box_is_left():
    text = COLUMNS.replace(_NAME_FIRST, "標\n\n目標値 (R4 年度当初)\n\n① 長期入院\n40 人\n者の地域移行\n")
    assert apply_form(indicator_columns, text) == text.split("\n")


_ONE_LINE_TARGET = "標\n\n目標値 (R4 年度当初)\n\n① 市町村の 18 市町村\n協議の場の\n設置\n\n"


def test_the_target_run_on_after_the_name_s_first_line():
    # pref-oita: `① 市町村の 18 市町村` `協議の場の` `設置`, the target's one line beside the name's first
    target = "".join(_values("目標値 (R4 年度当初)", 40, 24)[i] + "\n" for i in range(13))
    text = COLUMNS.replace(_NAME_FIRST + target[len("目標値 (R4 年度当初)\n") :], _ONE_LINE_TARGET)
    lines = _non_blank(apply_form(indicator_columns, text))
    start = lines.index("＜令和 4 年度までの成果・効果＞") + 1
    assert lines[start : start + 4] == [
        "課題解決の達成度を測る指標 目標値(R4年度当初) 実績値(R4年度末) 具体的な成果・効果",
        "① 市町村の協議の場の設置",
        "18 市町村",
        "・地域移行支援の利用者数 33 人 ・ピアサポーターの病院訪問 19回",
    ]
