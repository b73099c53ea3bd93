"""Pandoc's tables rebuilt as tab rows: HTML tables over many lines (`-t gfm`), grid tables and
simple / multiline tables (`-t markdown`, `-t plain`)."""

from __future__ import annotations

import collections
import unicodedata

import pytest

from conftest import FIXTURES, SAMPLES, SHEETS
from nikosheet.parsing.forms import FormState, grid_tables, html_tables

PANDOC = sorted((FIXTURES / "converters").glob("*--pandoc-*.txt"))


def _apply(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    html_tables.apply(state)
    grid_tables.apply(state)
    return state.lines


def _filled(lines: list[str | None]) -> dict[int, str]:
    return {i: ln for i, ln in enumerate(lines) if ln is not None and ln.strip()}


# HTML tables


def test_html_rows_at_their_tr_lines_with_spans_lists_and_paragraphs():
    text = "\n".join(
        [
            "<table>",
            '<colgroup><col style="width: 50%" /></colgroup>',
            "<tbody>",
            '<tr class="odd">',
            "<td>課題</td>",
            '<td colspan="2">役割</td>',
            "</tr>",
            '<tr class="even">',
            "<td",
            'rowspan="2">住まいの確保が難しい</td>',
            "<td>行政</td>",
            "<td><ul>",
            "<li><blockquote>",
            "<p>・研修の開催</p>",
            "</blockquote></li>",
            "<li><p>アドバイザー派遣</p></li>",
            "</ul></td>",
            "</tr>",
            '<tr class="odd">',
            "<td>医療</td>",
            "<td><p>退院支援</p>",
            "<p>受け入れ</p></td>",
            "</tr>",
            "</tbody>",
            "</table>",
        ]
    )
    assert _filled(_apply(text)) == {
        3: "課題\t役割\t",
        7: "住まいの確保が難しい\t行政\t<ul><li>・研修の開催</li><li>・アドバイザー派遣</li></ul>",
        18: "\t医療\t退院支援<br>受け入れ",
    }


def test_html_one_row_a_line_and_entities():
    out = _apply("<table>\n\n<tr><td>R5年5月</td><td>会議 &amp; 研修</td></tr>\n\n</table>\nあと")
    assert out == [None, None, "R5年5月\t会議 & 研修", None, None, "あと"]


def test_html_an_ordered_list_keeps_its_numbers_and_a_row_span_reaches_the_last_column():
    text = (
        "<table>\n<tr><td>a</td><td rowspan=2><ol><li>一</li><li>二</li></ol></td></tr>\n<tr><td>b</td></tr>\n</table>"
    )
    assert _filled(_apply(text)) == {1: "a\t<ul><li>1. 一</li><li>2. 二</li></ul>", 2: "b\t"}


def test_html_written_as_text_and_escaped_by_pandoc_markdown():
    text = "\\<table\\>\n\n\\<tr\\>\\<td\\>R5年5月\\</td\\>\\<td\\>会議\\</td\\>\\</tr\\>\n\n\\</table\\>"
    assert _apply(text) == [None, None, "R5年5月\t会議", None, None]


def test_html_a_table_tag_inside_a_line_is_left_alone():
    text = "本文 <table><tr><td>a</td></tr></table>"
    assert _apply(text) == [text]


# grid tables


GRID = """\
+-----+------------+-----+---+
| 課  | 課題       | 役  |   |
| 題  | 解決に向け | 割  |   |
+=====+============+=====+===+
| 医  | -   ・「川 | 行  | 2 |
| 療  | 口市」     | 政  | 回 |
|     |            |     | / |
|     | -          |     | 年 |
|     |   ・研修   |     |   |
+-----+------------+-----+---+
|     |            | 医  |   |
|     |            | 療  |   |
+-----+------------+-----+---+
| R   | 目標値     |     |   |
| 6年 | (R4年度)   |     |   |
| 度  |            |     |   |
+-----+------------+-----+---+"""


def test_grid_rows_with_wrapped_japanese_lists_and_blank_spanned_cells():
    out = _apply(GRID)
    assert _filled(out) == {
        1: "課題\t課題解決に向け\t役割\t",
        4: "医療\t<ul><li>・「川口市」</li><li>・研修</li></ul>\t行政\t2回/年",
        10: "\t\t医療\t",
        13: "R6年度\t目標値 (R4年度)\t\t",
    }


def test_grid_pandoc3_row_span_is_written_once():
    text = "+-----+-----+\n| 課題 | 行政 |\n|     +-----+\n| 続き | 医療 |\n+-----+-----+"
    assert _filled(_apply(text)) == {1: "課題続き\t行政", 3: "\t医療"}


def test_grid_markdown_hard_break_parts_paragraphs():
    text = "+------------+------+\n| 設置\\      | 20人\\ |\n| 実務者会議 |      |\n+------------+------+"
    assert _filled(_apply(text)) == {1: "設置<br>実務者会議\t20人"}


def test_grid_a_word_after_a_full_line_and_an_inline_lists_next_item_keep_their_space():
    """`援の利用者数` fills its column and pandoc cut the word there, so the next line would join it
    with nothing between; but `40人` is indented, a word of its own after a space.  A line that
    starts with `・` is an inline list's next item (`・区の会議からの課題報告 ・市の施策の検討`)."""
    text = (
        "+--------------+---------------+\n"
        "| ・地域移行支 | ・区の会議か  |\n"
        "| 援の利用者数 | らの課題報告  |\n"
        "|       40人   | ・市          |\n"
        "|              | の施策の検討  |\n"
        "+--------------+---------------+"
    )
    assert _filled(_apply(text)) == {1: "・地域移行支援の利用者数 40人\t・区の会議からの課題報告 ・市の施策の検討"}


def test_grid_a_count_cut_from_its_unit_where_it_did_not_fit_is_whole_again():
    """`回` would not have fitted after `絡会を年3`: pandoc wrapped inside the text, not at a space, so
    `年3` and `回` join with nothing between; `2回` fitted after `説明会`, so the space was the author's."""
    text = (
        "+------------+------------------------+\n"
        "| ・全5区で連 | ・病院職員向け説明会   |\n"
        "| 絡会を年3  | 2回                    |\n"
        "| 回開催する |                        |\n"
        "+------------+------------------------+"
    )
    assert _filled(_apply(text)) == {1: "・全5区で連絡会を年3回開催する\t・病院職員向け説明会 2回"}


def test_grid_a_block_quote_in_a_list_item_is_the_items_next_line():
    """pandoc sets an item's second line (`・派遣回数` / `年40回`) as a block quote inside the item."""
    text = (
        "+-------------+------------+------------+\n"
        "| ③ピア       | -          | -          |\n"
        "| サポーター  | ・派遣回数 | ・派遣回数 |\n"
        "| の派遣回数  |            |            |\n"
        "|             |   > 年40回 |   > 年52回 |\n"
        "|             |            |            |\n"
        "|             | -   ・     | -   ・     |\n"
        "|             | 派遣先病院 | 派遣先病院 |\n"
        "|             |            |            |\n"
        "|             |   > 15病院 |   > 18病院 |\n"
        "+-------------+------------+------------+"
    )
    assert _filled(_apply(text)) == {
        1: "③ピアサポーターの派遣回数\t<ul><li>・派遣回数 年40回</li><li>・派遣先病院 15病院</li></ul>"
        "\t<ul><li>・派遣回数 年52回</li><li>・派遣先病院 18病院</li></ul>"
    }


# simple and multiline tables


MULTILINE = """\
  ---------- ------------------ ----
  1年以上    187 54.4           人
                                ％

  平成18年度 社会福祉法人
             そよかぜ会

  R6年度     ・全4病院への訪問
             ・養成講座の開催
  ---------- ------------------ ----

次の段落"""


def test_multiline_rows_between_rules():
    out = _apply(MULTILINE)
    assert _filled(out) == {
        1: "1年以上\t187 54.4\t人 ％",
        4: "平成18年度\t社会福祉法人 そよかぜ会\t",
        7: "R6年度\t<ul><li>・全4病院への訪問</li><li>・養成講座の開催</li></ul>\t",
        11: "次の段落",
    }


def test_simple_tables_with_and_without_a_header():
    headerless = "  ------ -- ----\n  所管   1  か所\n  連携   2  人\n  ------ -- ----"
    assert _filled(_apply(headerless)) == {1: "所管\t1\tか所", 2: "連携\t2\t人"}
    headed = "  名称   業務\n  ------ ------\n  保健   相談\n\n本文"
    assert _filled(_apply(headed)) == {0: "名称\t業務", 2: "保健\t相談", 4: "本文"}
    multiline = "  ---------------\n  名称   業務\n  ------ --------\n  保健   相談\n         訪問\n  ---------------"
    assert _filled(_apply(multiline)) == {1: "名称\t業務", 3: "保健\t相談 訪問"}


def test_markdown_escapes_in_cells_are_undone():
    text = "  ------------------ ----\n  20人\\<br\\>訪問 \\*  1\n  ------------------ ----"
    assert _filled(_apply(text)) == {1: "20人<br>訪問 *\t1"}


def test_dashes_that_are_no_table_are_left_alone():
    text = "見出し\n------\n\n- 項目\n\n---\n本文"
    assert _apply(text) == text.split("\n")


# the corpus


def _wide(text: str) -> collections.Counter[str]:
    return collections.Counter(ch for ch in text if unicodedata.east_asian_width(ch) in "WF")


@pytest.mark.parametrize("path", PANDOC, ids=lambda p: p.stem)
def test_no_text_is_lost_or_moved_outside_its_table(path):
    text = path.read_text(encoding="utf-8")
    source = text.split("\n")
    out = _apply(text)
    assert len(out) == len(source)
    assert _wide("\n".join(ln for ln in out if ln is not None)) == _wide(text)
    for i, ln in enumerate(out):
        if ln is not None and ln != source[i]:
            assert source[i].strip()[:1] in "<\\+|-" or source[i].startswith("  "), (i, source[i])


@pytest.mark.parametrize("path", [*SAMPLES.glob("*.txt"), *SHEETS.glob("*.txt")], ids=lambda p: p.stem)
def test_the_samples_form_is_left_as_it_is(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    source, out = text.split("\n"), _apply(text)
    inside = False  # an HTML table written a row a line is rewritten to the same rows; the rest stays
    for i, line in enumerate(source):
        inside = inside or "<table" in line
        if not inside:
            assert out[i] == line, (i, line)
        inside = inside and "</table>" not in line


def test_a_rebuilt_table_s_rows_stay_below_its_header():
    from nikosheet.parsing.forms.template_tables import write_table

    # a goal row right above: the header goes to its second line, which came after the first row's date
    goal, header, row = "スモールステップ\t揃える。", "時期(月)\t実施内容\t具体的な取組", "R6年4月\t会議\t共有"
    lines: list[str | None] = [goal, "時期(月)", "R6年4月", "実施内容", "会議", "具体的な取組", "共有"]
    head = [(1, "時期(月)", False), (3, "実施内容", False), (5, "具体的な取組", False)]
    write_table(lines, head, header, [(2, row)], 6)
    assert lines == [goal, "", None, header, row, None, ""]


def test_an_html_cell_s_line_that_ends_on_a_latin_comma_goes_on_after_a_space():
    # pandoc's GFM of 葛飾区's sheet: a members' list wrapped right after a comma; the break is the space
    # the list writes after its commas (it had been lost: `相談支援事業所,訪問看護ステーション`)
    text = "\n".join(
        [
            "<table>",
            "<tr>",
            "<td>地区支援者連絡会</td>",
            "<td>各保健センター管内の地域包括支援センター, 相談支援事業所,",
            "訪問看護ステーション, 民生委員, 町会・自治会</td>",
            "<td>地域の課題の</td>",
            "</tr>",
            "</table>",
        ]
    )
    row = next(line for line in _apply(text) if line and "\t" in line)
    members = "各保健センター管内の地域包括支援センター, 相談支援事業所, 訪問看護ステーション, 民生委員, 町会・自治会"
    assert row.split("\t")[1] == members
