"""The next section's number box that plain pdftotext writes among a table's last cells."""

from __future__ import annotations

from conftest import apply_form
from nikosheet.parsing.forms import cell_lines_tables, section_numbers
from nikosheet.parsing.forms.template_tables import last_row_at, write_table

_SECTORS = (
    "各部門の連携状況\n\n強み・課題等\n\n保健\n\n保健所の保健師が訪問支援を行っている。\n\n訪問の人員が足りない。\n\n"
    "その他関係機関・\n住民等\n\n7\n\n家族会が家族教室の運営に協力している。\n\nピアサポーターの活動の場が少な\nい。\n\n"
)


def _apply(text: str) -> list[str | None]:
    return apply_form(cell_lines_tables, text)


def test_the_next_heading_s_number_among_the_last_row_s_cells_goes_after_the_table():
    out = _apply(_SECTORS + "精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況")
    lines = [ln for ln in out if ln is not None]
    row = "その他関係機関・住民等\t家族会が家族教室の運営に協力している。\tピアサポーターの活動の場が少ない。"
    assert lines[2:] == [row, "", "7", "", "精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況"]


def test_a_number_no_title_of_its_section_follows_stays_a_cell():
    out = _apply(_SECTORS + "精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（長期）")
    assert [ln for ln in out if ln][2].startswith("その他関係機関・住民等\t7\t")


def test_a_number_goes_back_only_below_where_the_last_row_is_written():
    # a tab row right above the header: the header goes on its second line, and the rows below it, the
    # last one on line 4, where the number's blank line would have gone when it was looked for on line 3
    lines: list[str | None] = ["前の表\t行", "名称", "構成員", "行1", "行2", "7"]
    head = [(1, "名称", False), (2, "構成員", False)]
    rows = [(2, "a\tb"), (3, "c\td")]
    at = last_row_at(lines, head, rows, 5)
    assert at == 4 and not section_numbers.fits([(5, "7", True)], at, 5)
    assert section_numbers.fits([(5, "7", True)], 3, 5)  # as it was asked before: its blank line on the row
    write_table(lines, head, "名称\t構成員", rows, 5)
    assert lines == ["前の表\t行", "", "名称\t構成員", "a\tb", "c\td", ""]
