"""Two tables with no blank line between them, and the body's name run into 取組内容 (converter texts)."""

from __future__ import annotations

import re

from conftest import SAMPLES

# section 6 as pdftotext-raw / pypdf texts read once their forms are rewritten: no blank line between tables
COORDINATION = """\
所管部署名\t所管部署における主な業務
保健予防課\t保健所にて、精神保健福祉相談等を実施
連携部署名\t連携部署における主な業務
福祉政策課\t重層的支援体制整備事業実施
生活支援課\t生活保護法、生活困窮者自立支援事業
各部門の連携状況\t\t強み・課題等
保健\t保健予防課のこころの健康相談で、地域支援者からの相談に対応
\t\t年度ごとに相談件数を集計
医療\t・医療との連携を図るために「SOSプラン」を作成。
"""


def _blocks(text: str):
    from nikosheet.parsing.lines import blocks, read_lines

    return [b for b in blocks(read_lines(text.splitlines())) if b.kind == "table"]


def test_a_header_of_another_table_starts_a_new_table():
    tables = _blocks(COORDINATION)
    assert [b.rows[0].cells[0] for b in tables] == ["所管部署名", "連携部署名", "各部門の連携状況"]
    assert [len(b.lines) for b in tables] == [2, 3, 4]


def test_a_data_row_with_a_header_word_does_not_split_a_table():
    text = (
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\n"
        "ゴール設定がしにくい\t課題の洗い出し\t医療\n"
        "課題\t事業評価の指標がない\t福祉\n"  # the issues' own header word, in a data row of that table
        "年度ごとの目標がない\t指標の検討\t行政\n"
        "名称変更に伴う周知\t会議での説明\tその他\n"
    )
    assert [len(b.lines) for b in _blocks(text)] == [5]


def test_the_short_term_schedule_stays_one_table():
    text = (
        "<p>短期目標 (今年度)</p>\t<p>「普及啓発」「住まい」について取り組む。</p>\n"
        "<p>スモール ステップ</p>\t\t\n"
        "<p>時期(月)</p>\t<p>実施内容</p>\t<p>具体的な取組</p>\n"
        "<p>R6年5月</p>\t<p>第1回にも包括実務者会議</p>\t\n"
    )
    assert [len(b.lines) for b in _blocks(text)] == [4]


def test_a_wrapped_header_cell_still_starts_its_table():
    text = (
        "連携部署名\t連携部署における主な業務\n"
        "地域保健センター\t健康相談\n"
        "各部門の連携\t\t強み・課題等\n"  # 各部門の連携状況, its end wrapped onto a line of its own
        "保健\t相談\n"
    )
    assert [len(b.lines) for b in _blocks(text)] == [2, 2]


def _without_blanks_between(text: str, first: str, last: str) -> str:
    """The sample with the blank lines between the line `first` and the line `last` dropped."""
    i, j = text.index(f"\n{first}") + 1, text.index(f"\n{last}")
    return text[:i] + re.sub(r"\n{2,}", "\n", text[i:j]) + text[j:]


def test_the_sample_reads_the_same_without_blank_lines_between_its_tables():
    from nikosheet import parse_text_data

    text = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    packed = _without_blanks_between(text, "所管部署名", "7 ")
    assert packed != text
    want, got = parse_text_data(text)["coordination"], parse_text_data(packed)["coordination"]
    for key in ("departments", "partner_departments", "sectors"):
        assert [_unplaced(d) for d in got[key]] == [_unplaced(d) for d in want[key]], key


def _unplaced(row: dict) -> dict:
    """A table row's fields without its line number (dropping blank lines moves it)."""
    return {k: v for k, v in row.items() if k != "line"}


def test_the_name_run_into_the_initiatives_label():
    """python-docx and markitdown-pdf write section 1 with no blank line between the name and 取組内容."""
    from nikosheet import parse_text_data

    text = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    packed = _without_blanks_between(text, "柏市\n", "- 平成23年度")
    assert "\n柏市\n取組内容\n" in packed
    doc = parse_text_data(packed)
    assert doc["basic_info"]["name"] == "柏市"
    assert doc["unparsed"] == []


def test_a_caption_between_the_name_and_the_label():
    from nikosheet.parsing.lines import blocks, read_lines
    from nikosheet.parsing.sections.basic_info import _name_over_initiatives

    (para,) = blocks(read_lines(["川口市", "川口市マスコットきゅぼらん", "取組内容", "「協議の場」の開催"]))
    assert _name_over_initiatives(para)
    (other,) = blocks(read_lines(["川口市", "取組の経過", "平成30年度より", "取組内容"]))
    assert not _name_over_initiatives(other)  # the label too far down: not the name's block


def test_the_name_a_caption_and_the_label_run_together_then_the_initiatives():
    """PDF text: `川口市` / `川口市マスコットきゅぼらん` / `取組内容` with no blank line, the items after."""
    from nikosheet import parse_text_data

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    packed = _without_blanks_between(text, "川口市\n", "- 「川口市における")
    assert "\n川口市\n川口市マスコットきゅぼらん\n取組内容\n" in packed
    want, got = parse_text_data(text)["basic_info"], parse_text_data(packed)["basic_info"]
    assert got["initiatives"] == want["initiatives"] and len(got["initiatives"]) == 6
    assert got["text"] == ["川口市マスコットきゅぼらん"]


def test_a_page_break_after_the_header_keeps_the_table_whose_rows_hold_a_header_word():
    # pdfplumber's layout: a blank line between the history's header and its rows, whose years hold 年度
    tables = _blocks("年度\t経過\t委託\n\n平成24年度\t事業を開始\t事業所\n平成29年度\t研修を開始\t↓")
    assert len(tables) == 1 and len(tables[0].lines) == 3


def test_a_sectors_label_that_a_join_put_a_space_in_is_the_templates_word():
    """pandoc's grid table of a label column one character wide: `…機` / `関` / `・` / `住` joined with a space
    before `・`, as a list's next item would be."""
    from nikosheet import parse_text_data

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    spaced = text.replace("\nその他関係機関・住民等\tアウトリーチ", "\nその他関係機関 ・住民等\tアウトリーチ")
    assert spaced != text
    sectors = parse_text_data(spaced)["coordination"]["sectors"]
    assert [s["label"] for s in sectors][-1] == "その他関係機関・住民等"
    assert sectors == parse_text_data(text)["coordination"]["sectors"]
