"""A table's narrow last column written after its rows (pdfminer, plain pdftotext of a Chromium PDF):
its header cell joins the header, its cells are kept as text below the table, and the parser warns."""

from __future__ import annotations

import nikosheet
from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import cell_lines_tables

HEADING = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n\n"
HEADER = "名称\n\n協議の場の構成員\n\n開催頻度\n\n実施内容\n\n"
ROWS = "推進会議\n\n病院、市町村\n\n年2回\n\n方針の決定\n\n圏域会議\n\n保健所、病院\n\n随時\n\n事例検討\n\n"
LATE = "特記事項等\n(課題・強み\n等)\n\n課題の整理\nに時間がか\nかる。\n\n"
END = "【その他事項】 ※協議の場運営における課題や悩んでいる点\n"


def _rewritten(text: str) -> tuple[list[str], list[str]]:
    state = form_state(cell_lines_tables, text)
    return [line for line in state.lines if line], [note[2] for note in state.notes]


def test_the_late_column_s_header_joins_the_header_its_cells_stay_below() -> None:
    lines, notes = _rewritten(HEADING + HEADER + ROWS + LATE + END)
    assert lines[1:] == [
        "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)",
        "推進会議\t病院、市町村\t年2回\t方針の決定\t",
        "圏域会議\t保健所、病院\t随時\t事例検討\t",
        "課題の整理に時間がかかる。",  # whose note it is: not known
        END.strip(),
    ]
    assert notes == [
        "the column '特記事項等(課題・強み等)' was written after the table's rows: its cells are kept as text"
        " below the table"
    ]


def test_rows_after_the_late_column_s_block_are_read_in_their_order() -> None:
    more = "支援会議\n\nセンター\n\n隔月\n\n相談\n\n"
    lines, notes = _rewritten(HEADING + HEADER + ROWS + LATE + more + END)
    assert lines[1] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert not notes
    assert "特記事項等" not in "".join(lines[2:])


def test_a_header_cell_run_on_into_the_cells_below_it_is_not_late() -> None:
    """Plain pdftotext of a LibreOffice PDF centres a two-line header cell among the last rows' cells,
    no blank line after it: the lines are left to the councils' readers."""
    late = "特記事項等(課題・強\nみ等)\n開催回数を増やした\nい。\n\n"
    lines, notes = _rewritten(HEADING + HEADER + ROWS + late + END)
    assert "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)" not in lines
    assert not any("written after the table's rows" in note for note in notes)


def test_a_sheet_s_councils_read_with_the_late_column_warned() -> None:
    doc = nikosheet.parse_file_data(FIXTURES / "converters" / "core-tottori-sparse-fy2024--pdfminer.txt")
    meetings = doc["councils"]["meetings"]
    assert [(m["name"], m["frequency"]["text"], m["notes"]) for m in meetings] == [
        ("鳥取市にも包括推進会議", "年1回", None),
        ("退院支援連絡会", "年3回", None),
        ("ケース検討会", "随時", None),
    ]
    assert any("was written after the table's rows" in d["message"] for d in doc["diagnostics"])


def test_a_late_column_of_a_table_that_cannot_be_rebuilt_is_left_as_written() -> None:
    rows = "推進会議\n\n病院、市町村\n\n方針の決定\n\n圏域会議\n\n保健所、病院\n\n事例検討\n\n"  # no frequency
    lines, notes = _rewritten(HEADING + HEADER + rows + LATE + END)
    assert lines[-4:-1] == ["課題の整理", "に時間がか", "かる。"]
    assert not any("written after the table's rows" in note for note in notes)
