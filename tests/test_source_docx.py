"""The DOCX reader: Word documents as lines in the samples' form, and the documents it refuses.

The fixtures in `fixtures/documents/` are sheets rendered to HTML from their text and saved by
LibreOffice Writer as DOCX (the merged cells of the statistics table are real `w:vMerge` merges).
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import nikosheet
from nikosheet.errors import InputError
from nikosheet.sources.docx import MAX_XML_BYTES, read_docx

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


@cache
def _bytes(name: str) -> bytes:
    return (DOCUMENTS / f"{name}.docx").read_bytes()


@cache
def _lines(name: str) -> tuple[str, ...]:
    return tuple(read_docx(_bytes(name)).lines)


@cache
def _parsed(name: str) -> dict[str, Any]:
    return nikosheet.parse_text_data("".join(x + "\n" for x in _lines(name)))


def test_extracted_is_docx_lines() -> None:
    doc = read_docx(_bytes("kawaguchi-r5"))
    assert doc.format == "docx"
    assert doc.pages is None
    assert not any("\n" in x for x in doc.lines)  # a cell's paragraphs never break its row's line
    assert any(x.startswith("人口") and "\t" in x for x in doc.lines)


# --- values parsed from the documents ----------------------------------------------------------


def test_kawaguchi_fy2023() -> None:
    d = _parsed("kawaguchi-r5")
    assert d["municipality"] == "川口市"
    assert d["template"] == 2023
    info = d["basic_info"]
    assert info["population"]["value"] == 604894
    assert info["population"]["as_of"] == "2023-04"
    inpatients = info["inpatients"]  # the breakdown rows are row-spanned under 入院精神障害者数
    assert inpatients["total"] == 344
    assert inpatients["under_3_months"] == {"count": 92, "percent": 26.7, "line": inpatients["lines"]["under_3_months"]}
    assert inpatients["from_3_to_12_months"]["percent"] == 18.9
    assert inpatients["over_1_year"]["count"] == 187
    assert inpatients["over_1_year"]["percent"] == 54.4
    assert (inpatients["aged_under_65"], inpatients["aged_65_and_over"]) == (67, 120)
    names = [m["name"] for m in d["councils"]["meetings"]]
    assert names == [
        "川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場",
        "事務局会議",
        "委員ヒアリング",
    ]
    assert d["councils"]["meetings"][0]["frequency"]["per_year"] == 2
    first = d["outcomes"]["indicators"][0]
    assert (first["number"], first["name"]) == (1, "保健医療と福祉の連携")
    # a cell's list: <ul><li>…</li></ul>, one item per paragraph
    assert first["target"] == [
        "「川口市精神保健福祉地域連携票」の活用",
        "近隣精神科医療機関訪問の実施",
        "精神科医療機関職員を対象とした研修会の開催",
    ]
    items = d["annual_schedule"]["items"]
    assert (items[0]["month"], items[0]["item"]) == ("2023-05", "第1回協議の場開催に向けた委員ヒアリング")
    assert items[-1]["month"] == "2024-01"  # R6年1月: January of the fiscal year's second calendar year


def test_kashiwa_fy2024() -> None:
    d = _parsed("kashiwa-r6")
    assert d["municipality"] == "柏市"
    assert d["template"] == 2024
    info = d["basic_info"]
    assert info["population"]["value"] == 434462
    assert info["psychiatric_beds"]["value"] == 1320
    inpatients = info["inpatients"]
    assert inpatients["total"] == 340
    assert [inpatients[k]["percent"] for k in ("under_3_months", "from_3_to_12_months", "over_1_year")] == [
        15.9,
        14.7,
        69.4,
    ]
    assert (inpatients["aged_under_65"], inpatients["aged_65_and_over"]) == (119, 221)
    meetings = d["councils"]["meetings"]
    assert len(meetings) == 3
    assert meetings[0]["name"] == "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)"
    assert [m["frequency"]["per_year"] for m in meetings] == [1, 6, 6]
    assert d["outcomes"]["indicators"][0]["name"] == "保健・医療・福祉の連携"
    assert d["annual_schedule"]["items"][0]["month"] == "2024-05"
    # a list paragraph whose text has its own mark keeps it: `- ◆ item`, one item each
    assert "- ◆ 権利擁護ネットワーク会議" in _lines("kashiwa-r6")
    assert "権利擁護ネットワーク会議" in d["overview"]["text"]


def test_pref_fy2024() -> None:
    d = _parsed("pref-fy2024")
    assert d["municipality"] == "静岡県"
    assert d["basic_info"]["population"]["value"] == 3555818
    assert d["basic_info"]["inpatients"]["total"] == 5412
    assert [m["name"] for m in d["councils"]["meetings"]] == [
        "静岡県精神保健医療福祉推進会議",
        "圏域別協議の場（8圏域）",
        "市町支援アドバイザー会議",
    ]
    assert d["annual_schedule"]["items"][0]["month"] == "2024-04"


@pytest.mark.parametrize("name", ["kawaguchi-r5", "kashiwa-r6", "pref-fy2024"])
def test_reads_like_the_text_it_was_made_from(name: str) -> None:
    """Nothing the parser could not place, and every section found."""
    d = _parsed(name)
    assert d["unparsed"] == []
    keys = [s["key"] for s in d["sections"]]
    for key in ("basic_info", "outcomes", "strengths_and_issues", "coordination", "councils", "annual_schedule"):
        assert key in keys


# --- the form of the lines ---------------------------------------------------------------------


def test_vertical_merge_written_once() -> None:
    lines = _lines("kawaguchi-r5")
    i = next(k for k, x in enumerate(lines) if x.startswith("入院精神障害者数"))
    assert lines[i].split("\t")[:3] == ["入院精神障害者数 （R2年6月時点） ※630調査", "合計", "344"]
    below = [x.split("\t") for x in lines[i + 1 : i + 6]]
    assert all(cells[0] == "" for cells in below)  # the merged label is not repeated
    assert below[0][1:3] == ["3か月未満 （％：構成割合）", "92 26.7"]
    # 1年以上 is itself merged over the two rows of its 65-year split
    assert below[3][:4] == ["", "", "うち65歳未満", "67"]
    assert sum(x.count("入院精神障害者数") for x in lines) == 1


def test_cell_lists_and_headings() -> None:
    lines = _lines("kawaguchi-r5")
    row = next(x for x in lines if x.startswith("②地域課題の抽出\t"))
    assert row.split("\t")[1] == "<ul><li>・委員へのヒアリングの実施</li><li>・協議の場2回開催</li></ul>"
    assert "## 1 県、指定都市、中核市、特別区の基礎情報" in lines
    assert "1. 市に保健所があり、精神保健福祉士・保健師がそれぞれの専門性を活かしながら、" in "\n".join(lines)
    assert all(x == x.strip(" \u3000") for x in lines)  # a row may start with a tab (an empty cell)


# --- documents built here -----------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_NUMBERING_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="numbering.xml"'
    ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/></Relationships>'
)


def _docx(body: str, numbering: str = "", document: str = "") -> bytes:
    """A package of `body` (the XML inside `w:body`) and, when given, the `w:numbering` content."""
    entries = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "word/document.xml": document or f"<w:document {_W}><w:body>{body}</w:body></w:document>",
    }
    if numbering:
        entries["word/_rels/document.xml.rels"] = _NUMBERING_RELS
        entries["word/numbering.xml"] = f"<w:numbering {_W}>{numbering}</w:numbering>"
    return _zip(entries)


def _p(text: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{_p(text) if text else '<w:p/>'}</w:tc>"


def _table(*rows: str) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"


def test_numbers_only_str_isdigit_accepts() -> None:
    # `²` and `①` pass str.isdigit and int() refuses them; a number of 5,000 digits int() refuses too
    body = _p("見出し", '<w:outlineLvl w:val="²"/>') + _p("本文", f'<w:outlineLvl w:val="{"9" * 5000}"/>')
    body += _table(_tc("a", '<w:gridSpan w:val="①"/>') + _tc("b"))
    body += _p("項目", '<w:numPr><w:ilvl w:val="²"/><w:numId w:val="1"/></w:numPr>')
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="²"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    assert read_docx(_docx(body, numbering)).lines == ["見出し", "", "本文", "", "a\tb", "", "1. 項目"]


def test_a_roman_number_from_a_huge_start() -> None:
    # Word writes no roman numeral past 3999; spelt out, 10**12 would be a billion Ms
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="999999"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="999999999999"/></w:lvlOverride></w:num>'
    )
    body = _p("項目", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    assert read_docx(_docx(body, numbering)).lines == ["999999. 項目"]


def test_text_in_the_cells_a_merge_continues_is_kept() -> None:
    vertical = _table(
        _tc("a", '<w:vMerge w:val="restart"/>') + _tc("b"),
        _tc("続き", "<w:vMerge/>") + _tc("c"),
    )
    horizontal = _table(_tc("x", '<w:hMerge w:val="restart"/>') + _tc("横", "<w:hMerge/>") + _tc("y"))
    assert read_docx(_docx(vertical + _p("") + horizontal)).lines == ["a<br>続き\tb", "\tc", "", "x<br>横\ty"]


def test_a_symbol_is_read() -> None:
    # Word's 有/無 check box: a Wingdings character in a w:sym, read as the PDF of it reads it
    body = '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t>有</w:t><w:sym w:char="zz"/></w:r></w:p>'
    assert read_docx(_docx(body)).lines == ["\uf0fe有"]


def test_a_merge_down_two_columns_keeps_the_columns_after_it() -> None:
    table = _table(
        _tc("ラベル", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + _tc("b") + _tc("c"),
        _tc("", '<w:gridSpan w:val="2"/><w:vMerge/>') + _tc("d") + _tc("e"),
    )
    assert read_docx(_docx(table)).lines == ["ラベル\t\tb\tc", "\t\td\te"]


# --- documents that are not readable Word documents --------------------------------------------


def _zip(entries: Mapping[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _refused(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        read_docx(data)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_excel_workbook() -> None:
    data = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    assert _refused(data) == "this is an Excel workbook (.xlsx), not a Word document"


def test_powerpoint_deck() -> None:
    data = _zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<presentation/>"})
    assert "PowerPoint" in _refused(data)
    assert "not a Word document" in _refused(data)


def test_zip_without_document() -> None:
    data = _zip({"readme.txt": "hello"})
    assert _refused(data) == "not a Word document (a ZIP without word/document.xml)"


def test_truncated_docx() -> None:
    data = _bytes("kashiwa-r6")
    assert _refused(data[: len(data) // 2]).startswith("damaged DOCX (")


def test_damaged_document_xml() -> None:
    with zipfile.ZipFile(io.BytesIO(_bytes("kashiwa-r6"))) as z:
        entries = {i.filename: z.read(i) for i in z.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"][:4000]  # cut inside an element
    assert _refused(_zip(entries)).startswith("damaged DOCX (")


def test_zip_bomb_that_inflates_past_the_limit() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(MAX_XML_BYTES // len(chunk) + 1):
                f.write(chunk)
    data = buf.getvalue()
    assert len(data) < 1_000_000  # a small file that expands a hundredfold
    message = _refused(data)
    assert "101 MB" in message
    assert "the limit is 100 MB" in message


def test_zip_bomb_that_claims_a_huge_size() -> None:
    data = bytearray(_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}))
    # the central directory's entry for word/document.xml: its uncompressed size claims 3 GB
    at = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    assert data[at + 46 : at + 46 + 17] == b"word/document.xml"
    struct.pack_into("<I", data, at + 24, 3_000_000_000)
    message = _refused(bytes(data))
    assert "the limit is 100 MB" in message
    assert "ZIP bomb" in message


def test_a_part_outside_word_counts_toward_the_limit() -> None:
    # python-docx parses the main part wherever the package's relationships put it
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES.replace("/word/document.xml", "/doc/main.xml"))
        z.writestr("_rels/.rels", _RELS.replace("word/document.xml", "doc/main.xml"))
        with z.open("doc/main.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(MAX_XML_BYTES // len(chunk) + 1):
                f.write(chunk)
    assert "the limit is 100 MB); a ZIP bomb?" in _refused(buf.getvalue())


def test_no_document_body() -> None:
    assert _refused(_docx("", document=f"<w:document {_W}/>")) == (
        "damaged DOCX (word/document.xml has no document body)"
    )


def test_not_a_zip() -> None:
    assert _refused(b"%PDF-1.7 not a zip").startswith("not a Word document")
