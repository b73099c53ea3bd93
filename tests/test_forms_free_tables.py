"""A table of the sheet's own in the history's text, written a cell per line, rebuilt by its widths."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from nikosheet.parsing.forms import FormState, free_tables

CONVERTERS = FIXTURES / "converters"
TITLE = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯"


def _rebuilt(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    free_tables.rebuild(state, [(i, t) for i, t in enumerate(lines)], 104)
    return state.lines


# a cell per line, wrapped (PyMuPDF, pypdf, pypdfium2, `pdftotext -raw`); a printed line at a time (pdfplumber,
# markitdown's pipe rows of a LibreOffice PDF); a cell whole on a line (a Word document's text)
READ_WHOLE = ["pymupdf", "pypdf", "pypdfium2", "pdftotext-raw", "lopdf-pdfplumber", "lopdf-markitdown", "pdfplumber"]
READ_WHOLE += ["docx2txt", "libreoffice-txt"]


@pytest.mark.parametrize("converter", READ_WHOLE)
def test_the_history_table_of_the_sheets_own_is_read(converter, parsed):
    from nikosheet import parse_file_data

    want = parsed("kashiwa-r6.txt")["history"]
    got = parse_file_data(CONVERTERS / f"kashiwa-r6--{converter}.txt")["history"]
    assert [t["header"] for t in got["tables"]] == [t["header"] for t in want["tables"]]
    assert [[r["cells"] for r in t["rows"]] for t in got["tables"]] == [
        [r["cells"] for r in t["rows"]] for t in want["tables"]
    ]
    assert "".join(got["text"]).replace("\n", "") == "".join(want["text"])  # (its captions, no cell's text)


@pytest.mark.parametrize("converter", ["lopdf-pdftotext", "lopdf-pymupdf"])
def test_a_cells_last_line_as_wide_as_a_wrap_allows_ends_the_cell_at_its_sentence(converter, parsed):
    """LibreOffice's `すことのできる環境を整える。` stops two characters short of the column's `精神障害者に対する
    地域包括ケアシ`: the next cell's line is no part of it.  (The space in `基本目標1 市民…` is not told from the
    gaps LibreOffice sets round a number: the cells are compared without spaces.)"""
    from nikosheet import parse_file_data

    def bare(tables: list) -> list:
        return [[[c.replace(" ", "") for c in r["cells"]] for r in t["rows"]] for t in tables]

    want = parsed("kashiwa-r6.txt")["history"]["tables"]
    got = parse_file_data(CONVERTERS / f"kashiwa-r6--{converter}.txt")["history"]["tables"]
    assert [t["header"] for t in got] == [t["header"] for t in want]
    assert bare(got) == bare(want)


def test_cells_wrapped_at_their_columns_widths_make_rows():
    lines = _rebuilt(
        "取組シート\n計画\n経緯\n"
        "精神障害者に対する地域包括ケアシステム\nの構築を推進する。\n地域移行支援事業から\n移行した。\n"
        "地域で暮らすことのできる環境を整える\nための基盤をつくる。\n協議の場を代表者会\n議へ移行した。"
    )
    assert [ln for ln in lines if ln is not None] == [
        "取組シート",
        "計画\t経緯",
        "精神障害者に対する地域包括ケアシステムの構築を推進する。\t地域移行支援事業から移行した。",
        "地域で暮らすことのできる環境を整えるための基盤をつくる。\t協議の場を代表者会議へ移行した。",
    ]


def test_a_columns_cells_that_wrap_at_other_widths_are_no_table():
    text = (
        "計画\n経緯\n平成16年に地域移行支援事業を開始し\nた。\n平成23年度\nに協議会を設置した。\n"
        "令和元年度に全体会議を設\n置。\n令和3年度に独立\nした。"
    )
    assert _rebuilt(text) == text.split("\n")


def test_a_table_written_a_printed_line_at_a_time_is_cut_into_its_columns():
    """pdfplumber's lines of a Chromium PDF: cells set at their rows' top, a longer cell's last line alone
    (`る環境を整える。`, the second column's: the others ended), a piece with a space of its own."""
    lines = _rebuilt(
        "取組シート\n計画 経緯 目標\n"
        "精神障害者に対する地域包括ケアシステム 精神障害者に対する地域包括 目標1 市民や関係者が精神障害\n"
        "の構築を推進し、地域で暮らすことのでき ケアシステムの構築を推進 者の権利意識を高め、地域で暮らす\n"
        "る環境を整える。 し、地域で暮らすことのでき ことのできる環境を整える。\n"
        "る環境を整える。\n"
        "地域移行支援事業の開始に向けて関係機関 協議の場を代表者会議へ移行 退院後の地域生活を切れ目なく支え\n"
        "と協議した。 した。 る仕組みを整える。"
    )
    assert [ln for ln in lines if ln is not None] == [
        "取組シート",
        "計画\t経緯\t目標",
        "精神障害者に対する地域包括ケアシステムの構築を推進し、地域で暮らすことのできる環境を整える。\t"
        "精神障害者に対する地域包括ケアシステムの構築を推進し、地域で暮らすことのできる環境を整える。\t"
        "目標1 市民や関係者が精神障害者の権利意識を高め、地域で暮らすことのできる環境を整える。",
        "地域移行支援事業の開始に向けて関係機関と協議した。\t協議の場を代表者会議へ移行した。\t"
        "退院後の地域生活を切れ目なく支える仕組みを整える。",
    ]


def test_printed_lines_that_no_columns_cut_are_no_table():
    text = "取組シート\n計画 経緯\n地域移行の推進 協議の場\n退院支援の体制を整える会議を毎月開いた 年2回\n連携 研修"
    assert _rebuilt(text) == text.split("\n")


@pytest.mark.parametrize(
    "name", ["pref-iwate-fy2023--pymupdf", "pref-iwate-fy2023--pdfplumber", "kashiwa-r6--pdftotext"]
)
def test_a_table_of_the_sheets_own_left_unread_is_warned_of(name):
    """岩手県's four columns, two of them as wide as each other and their long and short texts changing places from
    row to row, are cut into rows by no reading; nor is 柏市's in plain pdftotext's boxes: their lines stay text,
    with a warning."""
    from nikosheet import parse_file_data

    doc = parse_file_data(CONVERTERS / f"{name}.txt")
    warned = [d for d in doc["diagnostics"] if d["code"] == "missing-table" and "of the sheet's own" in d["message"]]
    assert len(warned) == 1 and doc["history"]["tables"] == []
    assert any(text.startswith(("計画期間", "地域包括ケア推進計画")) for text in doc["history"]["text"])


def test_a_table_of_the_sheets_own_read_is_not_warned_of():
    from nikosheet import parse_file_data

    for name in ("kashiwa-r6--pymupdf", "core-matsuyama-fy2024--pdfplumber", "kashiwa-r6--docx2txt"):
        doc = parse_file_data(CONVERTERS / f"{name}.txt")
        assert not [d for d in doc["diagnostics"] if "of the sheet's own" in d["message"]], name
        assert len(doc["history"]["tables"]) == 1, name


@pytest.mark.parametrize("converter", ["pymupdf", "lopdf-pymupdf", "lopdf-pdftotext", "pdfplumber", "docx2txt"])
def test_a_table_of_labels_and_texts_with_the_history_after_it_is_read(converter, parsed):
    """松山市's table: a first column of labels that never wrap, its header's first cell wrapped in the
    LibreOffice PDF (`重点的な取` / `組項目`), the history's paragraph right after its last row."""
    from nikosheet import parse_file_data

    want = parsed("core-matsuyama-fy2024.txt")["history"]
    got = parse_file_data(CONVERTERS / f"core-matsuyama-fy2024--{converter}.txt")["history"]
    assert [t["header"] for t in got["tables"]] == [["重点的な取組項目", "取組の内容と到達点"]]
    assert [r["cells"] for r in got["tables"][0]["rows"]] == [r["cells"] for r in want["tables"][0]["rows"]]
    assert got["text"][-1] == want["text"][-1]  # (the paragraph below the table, text)


def _inserted(name: str, lines: list[str]) -> str:
    """A converter text with lines put right after its history's title."""
    text = (CONVERTERS / name).read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(text) if line.startswith("3 ") and "取組の経緯" in line)
    return "\n".join([*text[: at + 1], *lines, *text[at + 1 :]])


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("ward-nerima-fy2023--docx2txt.txt", ["", "＜これまでの経過＞", "", "地域課題", ""]),
        ("ward-nerima-fy2023--libreoffice-txt.txt", ["本県の状況 これまでの取組"]),
        (
            "ward-nerima-fy2023--pymupdf.txt",
            [
                "＜これまでの経過＞",
                "地域移行の取組",
                "（1）退院支援",
                "平成18年度に東部圏域で退院促進支援事業をモデル実施し、その後全圏域に広げた。平成24年度の個別給付化以降は",
                "、相談支援事業所による地域移行支援の利用が少しずつ増えている。",
                "（2）協議の場",
                "令和2年度には保健所ごとに協議の場を設け、医療と福祉の関係者が顔を合わせる機会ができた。一方で、退院後の",
                "住まいの確保と日中活動の場の不足は今も大きな課題として残っている。",
            ],
        ),
    ],
)
def test_a_caption_and_paragraphs_are_no_table_of_the_sheets_own(name, lines, parsed):
    """Short lines (a caption, a title, numbered headings) before the history's paragraphs make no table,
    nor a warning of one."""
    from nikosheet import parse_text_data

    doc = parse_text_data(_inserted(name, lines))
    assert doc["history"]["tables"] == []
    assert len(doc["history"]["events"]) == len(parsed("ward-nerima-fy2023.txt")["history"]["events"])
    assert not [d for d in doc["diagnostics"] if "of the sheet's own" in d["message"]]
