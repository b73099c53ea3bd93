"""Tables a PDF converter wrote a column at a time (pdfminer): rebuilt as tab rows."""

from __future__ import annotations

from conftest import apply_form, form_state
from nikosheet.parsing.forms import column_runs

SCHEDULE = (
    "時期(月)\n\nR5年6月\n\nR5年7月～R6年2月\n\nR6年3月\n\n実施する項目\n\n第1回推進会議\n\n区の協議の場\n\n"
    "第2回推進会議\n\n実施する内容\n\n方針決定\n\n各区3回開催\n\n振り返り\n"
)


HEADING = "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"


def test_a_schedule_a_column_at_a_time() -> None:
    out = apply_form(column_runs, SCHEDULE)
    assert [(i, line) for i, line in enumerate(out) if line] == [
        (0, "時期(月)\t実施する項目\t実施する内容"),
        (2, "R5年6月\t第1回推進会議\t方針決定"),
        (4, "R5年7月～R6年2月\t区の協議の場\t各区3回開催"),
        (6, "R6年3月\t第2回推進会議\t振り返り"),
    ]


def test_a_wrapped_cell_and_an_empty_column() -> None:
    text = (
        "年度\n\n平成30年度\n\n令和3年度\n\n経過\n\n市全体の協議の場を\n設置\n\n3区に協議の場を設置\n\n委託\n\n"
        + HEADING
    )
    out = apply_form(column_runs, text)
    assert [line for line in out if line] == [
        "年度\t経過\t委託",
        "平成30年度\t市全体の協議の場を設置\t",
        "令和3年度\t3区に協議の場を設置\t",
        HEADING,
    ]


def test_a_column_with_a_cell_more_is_left_as_it_was() -> None:
    text = SCHEDULE.replace("方針決定\n", "方針決定\n\n追加の行\n")
    assert apply_form(column_runs, text) == text.split("\n")


def test_a_table_a_row_at_a_time_is_left_to_the_cell_line_reader() -> None:
    text = "時期(月)\n実施する項目\n実施する内容\nR5年6月\n第1回推進会議\n方針決定\n"
    assert apply_form(column_runs, text) == text.split("\n")


def test_a_column_ends_at_the_next_tables_header() -> None:
    text = (
        "所管部署名\n\n保健予防課\n\n障害福祉課\n\n所管部署における主な業務\n\n精神保健福祉相談\n\n"
        "障害福祉サービスの支給決定\n\n連携部署名\n\n長寿社会課\n"
    )
    assert [line for line in apply_form(column_runs, text) if line] == [
        "所管部署名\t所管部署における主な業務",
        "保健予防課\t精神保健福祉相談",
        "障害福祉課\t障害福祉サービスの支給決定",
        "連携部署名",
        "長寿社会課",
    ]


def test_a_column_with_a_cell_fewer_is_kept_as_text_below_the_rows() -> None:
    # pdfminer: the annual schedule's 具体的な取組 holds a cell fewer than the months (one row left empty):
    # which row lacks it is not in the text, so the rows are read without the column and it stays as text
    text = (
        "時期(月)\n\nR6年5月\n\nR6年7月\n\nR6年8月\n\n実施内容\n\n一覧の作成\n\n病院訪問\n\n第1回協議会\n\n"
        "具体的な取組\n\n入院先の病院を調べる\n\n2病院\n"
    )
    state = form_state(column_runs, text)
    assert [line for line in state.lines if line] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年5月\t一覧の作成\t",
        "R6年7月\t病院訪問\t",
        "R6年8月\t第1回協議会\t",
        "入院先の病院を調べる",
        "2病院",
    ]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
    assert "2 cells for 3 rows" in state.notes[0][2]
