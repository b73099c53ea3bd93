"""Section 1's 取組内容 list in PDF text whose statistics are a pipe table: its lines made items."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, form_state
from nikosheet.parsing.forms import initiatives, signals


def test_plain_lines_between_the_captions_are_items():
    text = "静岡県\n取組内容\n協議の場の設置\n→地域課題の抽出\nアドバイザーの派遣\n基本情報（都道府県等情報）\n| 人口 |"
    state = form_state(initiatives, text)
    assert state.lines == [
        "静岡県",
        "## 取組内容",
        "- 協議の場の設置",
        "→地域課題の抽出",
        "- アドバイザーの派遣",
        "## 基本情報（都道府県等情報）",
        "| 人口 |",
    ]


def test_a_list_already_marked_is_left_alone():
    text = "取組内容\n\n- 協議の場の設置\n    > →地域課題の抽出\n\n基本情報（都道府県等情報）"
    state = form_state(initiatives, text)
    assert state.lines == text.split("\n")


def test_the_samples_form_has_no_signal():
    for name in ("kashiwa-r6", "kawaguchi-r5"):
        assert not signals.initiatives((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def test_initiatives_read_from_markitdowns_pdf_text(parsed):
    from nikosheet import parse_file_data

    want = parsed("pref-fy2024.txt")["basic_info"]["initiatives"]
    doc = parse_file_data(FIXTURES / "converters" / "pref-fy2024--markitdown-pdf.txt")
    assert doc["basic_info"]["initiatives"] == want


def test_the_longest_item_is_wrapped_only_when_it_fills_the_page():
    """A Word document's text (python-docx): its widest paragraph (the vision) sets the page, and the
    first item, the list's longest, is an item of its own, not a line the page wrapped."""
    vision = [
        "高知県では、精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことが"
        "できるよう、福祉保健所を中心に市町村と協議の場を重ねていく。",
        "中山間地域が多く、支援機関が県中央部に集中しているため、市町村の協議の場の設置と、通院・日中活動の場の確保"
        "が課題となっている。",
    ]
    items = [
        "「高知県精神障害にも対応した地域包括ケアシステム構築推進会議」（県の協議の場）の開催",
        "5圏域の「圏域地域移行推進会議」の開催",
        "市町村の協議の場の設置に向けた福祉保健所の伴走支援",
    ]
    text = "\n".join([*vision, "取組内容", *items, "基本情報（都道府県等情報）", "| 人口 |"])
    assert form_state(initiatives, text).lines[3:6] == [f"- {item}" for item in items]


def test_the_statistics_caption_right_under_the_last_initiative_is_no_part_of_it(parsed, converted):
    """`ピアサポーターによる病院訪問` / `基本情報（都道府県等情報）`, no blank line between (a LibreOffice PDF's text):
    the caption is the statistics', not the last initiative's rest."""
    want = parsed("ward-wrapped-headings-fy2024.txt")["basic_info"]["initiatives"]
    for converter in ("lopdf-pdfplumber", "lopdf-pymupdf", "lopdf-markitdown"):
        doc = converted(FIXTURES / "converters" / f"ward-wrapped-headings-fy2024--{converter}.txt")
        assert doc["basic_info"]["initiatives"] == want, converter
    assert want[-1] == "ピアサポーターによる病院訪問"
