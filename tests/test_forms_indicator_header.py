"""Section 4's indicators table whose rows plain pdftotext of a LibreOffice PDF wrote in no order
that a reader could put back: its header read alone, the rows kept as text with a warning."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import indicator_header

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n\f\n名称\n"  # a LibreOffice PDF's text, a header cell a line

# an excerpt of kashiwa-r6--lopdf-pdftotext.txt: the header's first two cells interleaved, the rows'
# cells run together line by line
TEXT = SIGNAL + "\n".join(
    (
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "<昨年度までの成果・効果>",
        "課題解決",
        "の達成度 目標値 (昨年度当",
        "を測る指",
        "初)",
        "標",
        "",
        "実績値 (昨年度末)",
        "",
        "① 精神保健福祉支援者",
        "① 保健 ① 精神保健福祉",
        "研修会(年1回・56名)",
        "",
        "具体的な成果・効果",
        "",
        "① 保健・医療・福祉の支援者を対象に法改正についての研修会",
        "を実施。多職種連携につながった。",
        "",
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)
HEADER = "課題解決の達成度を測る指標\t目標値(昨年度当初)\t実績値(昨年度末)\t具体的な成果・効果"


def test_the_header_is_written_at_its_first_line_and_the_rows_stay_text():
    state = form_state(indicator_header, TEXT)
    lines = [line for line in state.lines if line]
    start = lines.index("<昨年度までの成果・効果>") + 1
    assert lines[start:-1] == [
        HEADER,
        "① 精神保健福祉支援者",
        "① 保健 ① 精神保健福祉",
        "研修会(年1回・56名)",
        "① 保健・医療・福祉の支援者を対象に法改正についての研修会",
        "を実施。多職種連携につながった。",
    ]
    assert [(code, message.split(":")[0]) for code, _, message in state.notes] == [
        (Diagnostic.MISSING_TABLE, "section 4")
    ]


def test_a_header_cell_run_on_into_the_row_s_cell_below_it():
    text = TEXT.replace("実績値 (昨年度末)\n", "実績値 (昨年度末)\n15 市町村\n")
    lines = [line for line in form_state(indicator_header, text).lines if line]
    assert HEADER in lines
    assert "15 市町村" in lines


def test_a_header_cell_missing_or_a_table_read_leaves_the_lines():
    for text in (TEXT.replace("具体的な成果・効果\n", ""), TEXT.replace("<昨年度までの成果・効果>", "a\tb")):
        state = form_state(indicator_header, text)
        assert state.lines == text.split("\n")
        assert not state.notes


def test_the_as_of_dates_are_read_and_the_sheet_warns():
    from nikosheet import parse_file_data

    got = parse_file_data(CONVERTERS / "kashiwa-r6--lopdf-pdftotext.txt")
    assert (got["outcomes"]["target_as_of"], got["outcomes"]["actual_as_of"]) == ("昨年度当初", "昨年度末")
    assert got["outcomes"]["indicators"] == []
    warned = [d for d in got["diagnostics"] if d["code"] == "missing-table" and d["message"].startswith("section 4")]
    assert len(warned) == 1
    assert warned[0]["message"].startswith("section 4: no 指標 / 目標値 / 実績値 rows read, only the table's header")


# plain pdftotext of a Chromium PDF (no LibreOffice gaps): the header's cells' lines apart, the first
# row's name and target between the first cell's lines and the last two cells
CHROMIUM = "\n".join(
    (
        "名称",
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の",
        "",
        "目標値 (R5年度当",
        "",
        "達成度を測",
        "る指標",
        "",
        "初)",
        "",
        "①区外の精",
        "神科病院へ",
        "の訪問件数",
        "",
        "年20件",
        "",
        "実績値 (R5年度末)",
        "",
        "具体的な成果・効果",
        "",
        "年23件",
        "",
        "訪問した長期入院者のうち、6名が地域移行支援につながった。",
        "",
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_a_chromium_pdfs_header_apart_among_the_first_rows_lines():
    state = form_state(indicator_header, CHROMIUM)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和5年度までの成果・効果＞") + 1
    assert lines[start : start + 5] == [
        "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果",
        "①区外の精",
        "神科病院へ",
        "の訪問件数",
        "年20件",
    ]
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


def test_a_rows_bracket_never_closes_a_header_cell():
    # a value's `（計10回）` where 目標値's bracket is still open: no header is guessed from it
    text = CHROMIUM.replace("る指標\n", "る指標\n\n（計10回）\n")
    state = form_state(indicator_header, text)
    assert state.lines == text.split("\n")
    assert not state.notes
