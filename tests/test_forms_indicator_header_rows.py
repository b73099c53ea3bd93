"""An indicators' table whose header a laid-out text's columns cut into a row a printed line: the
header's lines joined into one row, the table's rows read below it."""

from __future__ import annotations

from conftest import form_state
from nikosheet import parse_text_data
from nikosheet.parsing.forms import indicator_header_rows, signals

# section 4 of a `pdftotext -layout` text (a Chromium PDF): the first header cell and both values' cells
# wrapped, their rests on the header's second printed line
LAYOUT = "\n".join(
    (
        " 4   精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "",
        "＜令和4年度までの成果・効果＞",
        "",
        "課題解決の達成度を測る    目標値 (R4年   実績値 (R4年     具体的な成果・効果",
        "指標             度当初)       度末)",
        "①長期入院者の地域移行    70人        58人          ピアサポーターによる病院訪問が定着し、退院への不安",
        "者数                                     を語れる入院者が増えた。",
        "②退院後支援計画の作成    120件       134件         措置入院者の退院後に区保健センターが継続して関わる",
        "件数                                     体制ができた。",
        "",
        "",
        " 5    精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_a_laid_out_header_over_two_printed_lines_is_the_table_s():
    outcomes = parse_text_data(LAYOUT)["outcomes"]
    assert (outcomes["target_as_of"], outcomes["actual_as_of"]) == ("R4年度当初", "R4年度末")
    assert [(i["number"], i["name"], i["target"], i["actual"]) for i in outcomes["indicators"]] == [
        (1, "長期入院者の地域移行者数", ["70人"], ["58人"]),
        (2, "退院後支援計画の作成件数", ["120件"], ["134件"]),
    ]
    assert outcomes["indicators"][1]["effects"] == ["措置入院者の退院後に区保健センターが継続して関わる体制ができた。"]


# the lines `layout_columns` leaves of a LibreOffice PDF's header (`pdftotext -layout`): two cells that
# stood too close in one (`目標値 (R5実績値 (R5`), a blank line between the header's printed lines
ROWS = [
    "＜令和5年度までの成果・効果＞",
    "課題解決の達\t目標値 (R5実績値 (R5",
    "",
    "成度を測る指標\t年度当初)\t年度末)\t具体的な成果・効果",
    "①1年以上の長期入院者数\t1,900人\t1,969人\t地域移行支援員が11病院を訪問した。",
]


def test_a_header_s_cells_cut_apart_and_run_together_are_put_back():
    state = form_state(indicator_header_rows, "\n".join(ROWS))
    assert state.lines == [
        ROWS[0],
        "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果",
        None,
        None,
        ROWS[4],
    ]


def test_lines_not_all_the_header_s_or_with_no_row_below_are_left():
    assert signals.indicator_header_rows("\n".join(ROWS))
    assert not signals.indicator_header_rows("課題解決の達成度を測る指標\t目標値 (R5年度当初)")
    other = [*ROWS[:3], "成度を測る指標\t年度当初)\t年度末)\t具体的な成果・効果 ※記載例", ROWS[4]]
    assert form_state(indicator_header_rows, "\n".join(other)).lines == other
    assert form_state(indicator_header_rows, "\n".join(ROWS[:4])).lines == ROWS[:4]
