"""The PDF reader: real sheets rendered by two producers, and documents it must refuse.

The fixture PDFs in fixtures/documents/ are the sample sheets (川口市 FY2023, 柏市 FY2024) rendered
from their text by headless Chromium (tables ruled with thin filled rectangles, drawn list discs)
and by LibreOffice from a DOCX (stroked rules, U+F0B7 bullets, rows cut by page breaks).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

import nikosheet
from nikosheet.errors import InputError
from nikosheet.sources import pdf as pdf_source
from nikosheet.sources.extracted import Extracted
from nikosheet.sources.pdf import MAX_OBJECTS, MAX_PAGES, read_pdf
from nikosheet.sources.pdf_layout import Glyph, Page, Rule, assemble

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
PRODUCERS = ("chromium", "libreoffice")


@cache
def _extract(name: str) -> Extracted:
    return read_pdf((DOCUMENTS / name).read_bytes())


@cache
def _parse(name: str) -> dict:
    return nikosheet.parse_text_data(_extract(name).text())


# ---------------------------------------------------------------------------------------------
# real sheets


@pytest.mark.parametrize("producer", PRODUCERS)
def test_kawaguchi_fy2023(producer: str) -> None:
    d = _parse(f"kawaguchi-r5.{producer}.pdf")
    assert d["municipality"] == "川口市"
    assert d["fiscal_year"] == 2023
    bi = d["basic_info"]
    assert bi["population"]["value"] == 604894
    assert bi["population"]["as_of"] == "2023-04"
    assert bi["psychiatric_beds"]["value"] == 438
    inp = bi["inpatients"]
    assert inp["total"] == 344
    assert (inp["under_3_months"]["count"], inp["under_3_months"]["percent"]) == (92, 26.7)
    assert (inp["from_3_to_12_months"]["count"], inp["from_3_to_12_months"]["percent"]) == (65, 18.9)
    assert (inp["over_1_year"]["count"], inp["over_1_year"]["percent"]) == (187, 54.4)
    assert (inp["aged_under_65"], inp["aged_65_and_over"]) == (67, 120)
    assert inp["note"] == "※630調査"
    meetings = d["councils"]["meetings"]
    assert [m["name"] for m in meetings] == [
        "川口市における精神障害にも対応した地域包括ケアシステム構築のための協議の場",
        "事務局会議",
        "委員ヒアリング",
    ]
    assert [m["frequency"]["per_year"] for m in meetings] == [2, 6, 4]
    indicator = d["outcomes"]["indicators"][0]
    assert indicator["name"] == "保健医療と福祉の連携"
    assert indicator["target"] == [  # a cell's list, one item per bullet
        "「川口市精神保健福祉地域連携票」の活用",
        "近隣精神科医療機関訪問の実施",
        "精神科医療機関職員を対象とした研修会の開催",
    ]
    items = d["annual_schedule"]["items"]
    assert [(i["label"], i["month"]) for i in items][-1] == ("R6年1月", "2024-01")
    assert len(items) == 5
    assert d["strengths_and_issues"]["indicators"][0]["target"] == "10件"


@pytest.mark.parametrize("producer", PRODUCERS)
def test_kashiwa_fy2024(producer: str) -> None:
    d = _parse(f"kashiwa-r6.{producer}.pdf")
    assert d["municipality"] == "柏市"
    assert d["fiscal_year"] == 2024
    bi = d["basic_info"]
    assert bi["population"]["value"] == 434462
    assert bi["psychiatric_beds"]["value"] == 1320
    inp = bi["inpatients"]
    assert inp["total"] == 340
    assert (inp["under_3_months"]["count"], inp["under_3_months"]["percent"]) == (54, 15.9)
    assert (inp["over_1_year"]["count"], inp["over_1_year"]["percent"]) == (236, 69.4)
    assert (inp["aged_under_65"], inp["aged_65_and_over"]) == (119, 221)  # adds up to the total, as written
    assert bi["support_council"]["mental_health_subcommittee"] is True  # (有) 無
    meetings = d["councils"]["meetings"]
    assert [m["name"] for m in meetings] == [
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)",
        "同事業(実務者会議)",
        "同事業(コア会議)",
    ]
    assert meetings[1]["members"] == "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の実務担当者"
    assert d["outcomes"]["indicators"][0]["name"] == "保健・医療・福祉の連携"
    assert d["long_term_schedule"]["until_fiscal_year"] == 2026
    items = d["annual_schedule"]["items"]
    assert (items[0]["label"], items[0]["month"], items[0]["item"]) == ("R6年5月", "2024-05", "第1回にも包括実務者会議")
    assert items[-1]["month"] == "2025-03"
    events = d["history"]["events"]
    assert events[0]["period"] == "平成16年"


@pytest.mark.parametrize("name", [f"{s}.{p}.pdf" for s in ("kawaguchi-r5", "kashiwa-r6") for p in PRODUCERS])
def test_lines_and_pages(name: str) -> None:
    ex = _extract(name)
    assert ex.format == "pdf"
    assert ex.page_count is not None and ex.page_count >= 5
    assert ex.pages is not None and len(ex.pages) == len(ex.lines)
    assert all(1 <= p <= ex.page_count for p in ex.pages)
    assert ex.pages == sorted(ex.pages)  # reading order runs page by page
    assert ex.pages[-1] == ex.page_count
    text = ex.text()
    assert "⼈" not in text and "\uf0b7" not in text  # no look-alike radicals, no Symbol-font bullets
    assert any(line.startswith("1 県、指定都市、中核市、特別区の基礎情報") for line in ex.lines)
    assert sum("\t" in line for line in ex.lines) > 40  # the tables are rows of tab-separated cells


def test_row_spanned_label_is_written_once() -> None:
    lines = _extract("kawaguchi-r5.chromium.pdf").lines
    i = next(i for i, line in enumerate(lines) if line.startswith("入院精神障害者数"))
    assert lines[i].split("\t")[1:3] == ["合計", "344"]
    assert lines[i + 1].startswith("\t3か月未満")  # the rows below continue the group
    assert lines[i + 4].startswith("\t\tうち65歳未満\t67")


# ---------------------------------------------------------------------------------------------
# layout rules on drawn geometry (top-down coordinates, 10 pt full-width characters)


def _run(text: str, x: float, top: float, gaps: dict[int, float] | None = None) -> list[Glyph]:
    """Glyphs of a line of text: full-width characters 10 wide, Latin ones 5; `gaps`: extra space
    before the character at an index."""
    out = []
    for i, ch in enumerate(text):
        x += (gaps or {}).get(i, 0.0)
        w = 10.0 if ord(ch) > 0x2000 else 5.0
        out.append(Glyph(x, top, x + w, top + 10.0, ch))
        x += w
    return out


def _grid_rules(xs: list[float], ys: list[float], missing: list[tuple[bool, float, float, float]]) -> list[Rule]:
    """A full grid of ruling lines, less the pieces in `missing` (horizontal?, pos, a, b)."""
    rules = [Rule(True, y, xs[0], xs[-1]) for y in ys] + [Rule(False, x, ys[0], ys[-1]) for x in xs]
    for horizontal, pos, a, b in missing:
        for r in [r for r in rules if r.horizontal is horizontal and r.pos == pos]:
            rules.remove(r)
            if r.a < a:
                rules.append(Rule(horizontal, pos, r.a, a))
            if b < r.b:
                rules.append(Rule(horizontal, pos, b, r.b))
    return rules


def test_grid_spans() -> None:
    # row 0: a header cell spanning columns 1-2; column 0: a label spanning rows 1-2
    xs, ys = [0.0, 100.0, 200.0, 300.0], [0.0, 20.0, 40.0, 60.0]
    rules = _grid_rules(xs, ys, [(False, 200.0, 0.0, 20.0), (True, 40.0, 0.0, 100.0)])
    glyphs = _run("名称", 4, 5) + _run("内容", 104, 5) + _run("行政", 4, 25) + _run("会議", 104, 25)
    glyphs += _run("年1回", 204, 25) + _run("研修", 104, 45) + _run("年2回", 204, 45)
    lines, pages = assemble([Page(1, glyphs, rules)])
    assert lines == ["名称\t内容", "行政\t会議\t年1回", "\t研修\t年2回"]
    assert pages == [1, 1, 1]


def test_cell_list_and_wrapped_lines() -> None:
    # a cell 88 wide (80 inside): two bullet items, the first wrapped; the other cell wrapped text
    xs, ys = [0.0, 88.0, 176.0], [0.0, 40.0]
    rules = [Rule(True, y, 0.0, 176.0) for y in ys] + [Rule(False, x, 0.0, 40.0) for x in xs]
    glyphs = _run("・地域連携票の活", 4, 2) + _run("用", 4, 14) + _run("・研修会", 4, 26)
    glyphs += _run("保健医療と福祉の", 92, 2) + _run("連携", 92, 14)
    lines, _ = assemble([Page(1, glyphs, rules)])
    assert lines == ["<ul><li>・地域連携票の活用</li><li>・研修会</li></ul>\t保健医療と福祉の連携"]


def test_table_inside_a_cell_is_that_cells_text() -> None:
    # a 2x2 table drawn inside the first cell of a table of two: no rows of its own, no text lost
    rules = _grid_rules([0.0, 200.0, 400.0], [0.0, 100.0], []) + _grid_rules(
        [20.0, 80.0, 140.0], [20.0, 40.0, 60.0], []
    )
    glyphs = (
        _run("内A", 25, 25) + _run("内B", 85, 25) + _run("内C", 25, 45) + _run("外側", 150, 80) + _run("右", 250, 40)
    )
    lines, _ = assemble([Page(1, glyphs, rules)])
    assert lines == ["内A 内B 内C 外側\t右"]


def test_paragraphs_and_spaces() -> None:
    # a paragraph wrapped twice (no space where a full line broke), then a short one; a gap of
    # 1/5 em between kanji and a digit is spacing, a gap of 0.3 em is a space
    glyphs = _run("令和5年度から協議の場を開催しており、", 0, 0, {2: 2.0, 3: 2.0})
    glyphs += _run("地域の課題を共有している。", 0, 14) + _run("年 2 回", 0, 40, {1: 3.0, 2: 3.0})
    lines, _ = assemble([Page(1, glyphs, [])])
    assert lines == ["令和5年度から協議の場を開催しており、地域の課題を共有している。", "", "年 2 回"]


# ---------------------------------------------------------------------------------------------
# documents that are refused


def _build_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from its objects, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for no, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (no, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def _stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), dictionary, data)


def _one_page(content: bytes, resources: bytes, *more: bytes, font: bytes = b"") -> bytes:
    """A page drawing `content`, Helvetica as /F1 (`font`: more of its dictionary); `more`: objects 6 on."""
    return _build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 5 0 R >>" % resources,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica %s>>" % font,
            _stream(content),
            *more,
        ]
    )


def test_a_character_beyond_the_bmp_keeps_the_text_after_it() -> None:
    # pdfium counts 𠮷 as two characters (its surrogates): the ones after it keep their own boxes
    cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def
1 begincodespacerange <00> <FF> endcodespacerange
3 beginbfchar <42> <D842DFB7> <44> <0064> <45> <0065> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""
    data = _one_page(
        b"BT /F1 12 Tf 72 720 Td (BDE) Tj 0 -40 Td (EDDE) Tj ET",
        b"/Font << /F1 4 0 R >>",
        _stream(cmap),
        font=b"/ToUnicode 6 0 R ",
    )
    assert [line for line in read_pdf(data).lines if line] == ["𠮷de", "edde"]


def _refused(data: bytes) -> str:
    with pytest.raises(InputError) as info:
        read_pdf(data)
    reason = str(info.value)
    assert "\n" not in reason
    return reason


def test_encrypted() -> None:
    # the standard security handler with a user password: pdfium cannot open it without one
    data = _build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>",
        ],
        b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ",
    )
    assert _refused(data) == "encrypted PDF: nikosheet cannot read a password-protected document"


def _image_only_pdf() -> bytes:
    pdf = pdfium.PdfDocument.new()
    try:
        page = pdf.new_page(595, 842)
        bitmap = pdfium.PdfBitmap.new_native(60, 40, pdfium_c.FPDFBitmap_BGR)
        bitmap.fill_rect((200, 200, 200, 255), 0, 0, 60, 40)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(300, 200).translate(100, 500))
        page.insert_obj(image)
        page.gen_content()
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()
    finally:
        pdf.close()


def test_image_only() -> None:
    data = _image_only_pdf()
    assert b"/Image" in data
    assert _refused(data) == "no text layer: this PDF is an image; nikosheet does not do OCR"


def test_truncated() -> None:
    data = (DOCUMENTS / "kawaguchi-r5.chromium.pdf").read_bytes()
    assert _refused(data[: len(data) // 2]).startswith("damaged PDF (")


def test_cut_off_end() -> None:
    data = (DOCUMENTS / "kashiwa-r6.libreoffice.pdf").read_bytes()
    assert _refused(data[: len(data) - 2000]).startswith("damaged PDF (")


def test_garbage_after_header() -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 40
    assert _refused(data).startswith("damaged PDF (")


def test_no_header() -> None:
    assert _refused(b"this is not a PDF at all").startswith("damaged PDF (")


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = pdfium.PdfDocument.new()
    try:
        for _ in range(MAX_PAGES + 1):
            pdf.new_page(595, 842)
        buf = io.BytesIO()
        pdf.save(buf)
    finally:
        pdf.close()

    def no_page_read(*_: object) -> None:
        raise AssertionError("a page was read")

    monkeypatch.setattr(pdf_source, "_read_page", no_page_read)
    assert _refused(buf.getvalue()) == f"PDF has {MAX_PAGES + 1} pages; the limit is {MAX_PAGES}"


def test_forms_drawn_inside_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    # a form drawing the next one ten times, five deep: 1.8 KB that make 10,000 paths and texts
    forms = [
        _stream(
            b"".join(b"q 1 0 0 1 %d 0 cm /X Do Q " % i for i in range(10)),
            b"/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /XObject << /X %d 0 R >> >>" % (7 + k),
        )
        for k in range(4)
    ]
    forms.append(
        _stream(
            b"0 0 m 50 0 l S BT /F1 12 Tf 0 0 Td (Z) Tj ET",
            b"/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>",
        )
    )
    data = _one_page(b"/X Do", b"/XObject << /X 6 0 R >>", *forms)

    def no_text_read(*_: object) -> None:
        raise AssertionError("the page's text was read")

    monkeypatch.setattr(pdfium.PdfPage, "get_textpage", no_text_read)
    assert _refused(data) == "PDF too complex: page 1 has more than 25,000 objects"


def test_objects_and_characters_of_the_whole_document(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DOCUMENTS / "kashiwa-r6.chromium.pdf").read_bytes()  # 6,638 objects, 1,333 on a page at most
    monkeypatch.setattr(pdf_source, "MAX_OBJECTS", 3000)
    assert _refused(data) == "PDF too complex: more than 3,000 objects (a sheet has a few thousand)"
    monkeypatch.setattr(pdf_source, "MAX_OBJECTS", MAX_OBJECTS)
    monkeypatch.setattr(pdf_source, "MAX_CHARS", 3000)
    assert _refused(data) == "PDF has more than 3,000 characters; a sheet has far fewer"
