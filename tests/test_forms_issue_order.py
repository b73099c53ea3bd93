"""Section 5's issues' table whose cells plain pdftotext wrote out of their rows: told, not read quietly."""

from __future__ import annotations

from conftest import FIXTURES
from nikosheet.parsing.forms import FormState, issue_order

# a LibreOffice PDF's text in pdftotext's way: the renderer's gap in an as-of date, a page's end
_PAGE = "入院後 3 か月時点\n\f"
_HEADER = "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n"
_INDICATORS = "課題解決の達成度を測る指標 現状値 (今年度当初)\n"

# the first record as plain pdftotext wrote a prefecture's sheet: the issue and its policy after
# 医療's action (they stand in the record's middle), 福祉's and その他's actions after the next issue
_OUT_OF_ROWS = (
    "行政\n保健所による圏域会議の開\n催\n医療\n精神科病院の院内研修への\n協力\n"
    "圏域ごとの地域移行の取組に差が 保健所ごとの取組を比較し、県の協議の\nある\n場で共有する\n"
    "福祉\nその他関係\n機関・住民\n等\n"
)
# the same record in the readers' order: the issue and the policy, then each role and its action
_IN_ROWS = (
    "圏域ごとの地域移行の取組に差が 保健所ごとの取組を比較し、県の協議の\nある\n場で共有する\n"
    "行政\n保健所による圏域会議の開\n催\n医療\n精神科病院の院内研修への\n協力\n"
    "福祉\n地域移行支援事業者の確保\nその他関係\n機関・住民\n等\nピアサポーターの病院訪問\n"
)


def _notes(table: str) -> list[tuple[int | None, str]]:
    text = _PAGE + _HEADER + table + _INDICATORS
    state = FormState(text.split("\n"), text)
    issue_order.apply(state)
    return [(line, message) for _, line, message in state.notes]


def test_a_role_s_lines_that_hold_other_cells_are_warned_of() -> None:
    notes = _notes(_OUT_OF_ROWS)
    assert len(notes) == 1
    line, message = notes[0]
    assert line == 8  # 医療's word: its lines hold its action, the issue's and the policy's
    assert "'医療' hold 3 cells" in message


def test_a_table_in_its_rows_is_not_warned_of() -> None:
    assert _notes(_IN_ROWS) == []


def test_roles_not_found_four_to_a_record_are_warned_of() -> None:
    # the record's last roles written beside the indicators' header, below it
    notes = _notes(_IN_ROWS.split("福祉")[0])
    assert len(notes) == 1 and "not found four to each issue" in notes[0][1]


def test_a_corpus_text_read_out_of_rows_says_so() -> None:
    from nikosheet import parse_file_data

    def warned(name: str) -> bool:
        doc = parse_file_data(FIXTURES / "converters" / f"{name}--lopdf-pdftotext.txt")
        return any(d["message"].startswith("section 5: ") for d in doc["diagnostics"] if d["severity"] == "warning")

    assert warned("ward-nerima-fy2023")  # the second issue's cells among the first one's
    assert not warned("pref-fy2024")  # read in its rows
