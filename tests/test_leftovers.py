"""Text a converter form ran into a table's header is given back as unparsed, never dropped."""

from __future__ import annotations

import nikosheet
from conftest import FIXTURES

CONVERTED = FIXTURES / "converters"
STRAY = "裏面の記入例を参照"


def _unparsed(name: str, insert_after: int | None = None) -> list[str]:
    lines = (CONVERTED / name).read_text(encoding="utf-8").split("\n")
    if insert_after is not None:
        lines.insert(insert_after, STRAY)
    doc = nikosheet.parse_text_data("\n".join(lines), name)
    assert (doc["unparsed"] != []) == any(d["code"] == "unparsed-lines" for d in doc["diagnostics"])
    return [u["text"] for u in doc["unparsed"]]


def test_a_line_below_a_laid_out_header_that_its_cell_took_is_unparsed():
    # `課題解決の達成度を測る指 目標値 (R4 年度当 …` / `具体的な成果・効果` / `標 初) 末)` / the stray line
    name = "city-bold-headings-fy2023--lopdf-pdftotext-layout.txt"
    assert not any(STRAY in text for text in _unparsed(name))
    assert any(STRAY in text for text in _unparsed(name, insert_after=98))


def test_a_row_s_cells_run_into_the_indicators_header_are_unparsed():
    unparsed = _unparsed("pref-fullwidth-dot-fy2023--lopdf-pdftotext-layout.txt")
    assert any("家族会による普及啓発" in text for text in unparsed)


def test_a_header_worded_otherwise_by_its_author_in_a_rebuilt_table_is_read_as_before():
    name = "city-pipe-fy2023--pdftotext-layout.txt"
    text = (CONVERTED / name).read_text(encoding="utf-8")
    worded = text.replace("課題・方針に対する役割(取組)", "役割分担(市・保健所)")
    assert worded.count("役割分担") == 1
    doc = nikosheet.parse_text_data(worded, name)
    assert doc["unparsed"] == nikosheet.parse_text_data(text, name)["unparsed"]
    assert len(doc["strengths_and_issues"]["issues"]) >= 2


def test_a_line_run_into_a_header_s_first_cell_is_unparsed():
    # pandoc's simple table: a header may take several lines, so a line right above `連携部署名 …` became
    # the start of its first cell (`…連携部署名⇥連携部署における主な業務`), the row a header all the same
    name = "city-edge-values-fy2024--pandoc-plain-nowrap.txt"
    assert not any(STRAY in text for text in _unparsed(name))
    assert any(STRAY in text and "連携部署名" in text for text in _unparsed(name, insert_after=135))
