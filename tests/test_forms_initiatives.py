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
