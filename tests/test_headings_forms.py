"""Headings and the preamble in the forms converters write, and tables that were not read as tables.

Every text of `fixtures/converters/` finds the sections of its sheet, and the body's name and slogan
of its preamble; a section whose table was not read says so with a `missing-table` warning.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CONVERTER_TEXTS, SAMPLES, SHEETS, by_converter
from nikosheet.vocabulary import STATISTICS

FILES = CONVERTER_TEXTS
SHEET_FILES = sorted(SAMPLES.glob("*.txt")) + sorted(SHEETS.glob("*.txt"))
# the fields only a section's table fills
TABLE_FIELDS = {
    "basic_info": tuple(STATISTICS),
    "outcomes": ("indicators",),
    "strengths_and_issues": ("issues", "indicators"),
    "coordination": ("departments", "partner_departments", "sectors"),
    "councils": ("meetings",),
    "long_term_schedule": ("plan",),
    "annual_schedule": ("items",),
}


def _converted(path: Path, parsed, converted) -> tuple[dict, dict]:
    doc = converted(path)
    assert not isinstance(doc, Exception), doc
    return doc, parsed(path.stem.split("--", 1)[0] + ".txt")


def _split(text: str):
    from nikosheet.parsing.headings import split
    from nikosheet.parsing.lines import read_lines

    return split(read_lines(text.split("\n")))


def _heads(text: str) -> list[tuple[int | None, str, int, int]]:
    return [(h.number, h.key, h.line, h.title_line) for h in _split(text)[2]]


def _missing_tables(doc: dict) -> list[str]:
    return [d["message"] for d in doc["diagnostics"] if d["code"] == "missing-table"]


# ---------------------------------------------------------------- headings


@pytest.mark.parametrize("path", by_converter(FILES))
def test_every_converter_text_finds_the_sheets_sections(path: Path, parsed, converted):
    doc, truth = _converted(path, parsed, converted)
    assert [s["key"] for s in doc["sections"]] == [s["key"] for s in truth["sections"]]


@pytest.mark.parametrize(
    "text",
    [
        "# <mark>2</mark> 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",  # markitdown
        "**２．精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）**",  # bold, full-width
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）\n=======",  # setext
    ],
    ids=["mark", "bold", "setext"],
)
def test_a_marked_up_heading(text):
    assert _heads(text) == [(2, "overview", 1, text.count("\n") + 1)]


def test_a_number_apart_from_its_title_lines_above_it():
    """pdftotext: the boxed number, then the last cells of the table before, then the title."""
    text = "\n".join(
        [
            "3",
            "",
            "精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）",
            "",
            "４",
            "",
            "委託",
            "",
            "医療法人 群馬会",
            "",
            "精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        ]
    )
    _, sections, heads = _split(text)
    assert [(h.number, h.key, h.line, h.number_line) for h in heads] == [
        (3, "history", 1, None),
        (4, "outcomes", 11, 5),
    ]
    assert [ln.text for ln in sections["history"].lines if ln.text] == ["委託", "医療法人 群馬会"]


def test_the_sections_own_number_is_taken_past_a_cells_number():
    text = "有・無\n\n2\n\n1\n\n1/1\n\n精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
    assert [(h.number, h.line, h.number_line) for h in _split(text)[2]] == [(2, 9, 3)]


def test_a_full_title_without_any_number_is_a_heading():
    assert _heads("前の節の本文\n\n精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況") == [
        (None, "councils", 3, 3)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組\n\n概要（全体）",  # Word: a paragraph a line
        "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組\\\n概要（全体）",  # pandoc's hard break
        "\f 2 精神障害にも対応した地域包括ケアシステムの構築に向けた\n取組\n概要（全体）",  # three lines, a form feed
    ],
    ids=["blank-between", "pandoc-backslash", "three-lines"],
)
def test_a_wrapped_title(text):
    assert _heads(text) == [(2, "overview", 1, text.count("\n") + 1)]


def test_a_bracketed_fragment_after_a_blank_line_is_the_titles():
    text = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n\n（地域課題）\n\n年度"
    assert _heads(text) == [(3, "history", 1, 3)]


def test_a_title_cut_into_table_cells():
    """pymupdf4llm: a boxed title whose lines became the cells of a one-row pipe table."""
    text = "|7精神障害にも対応した<br>|地域包括ケアシステムの構<br>|築のため<br>|の協議の場の<br>|実施状況<br>|"
    assert _heads(text) == [(7, "councils", 1, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "3 取組の成果・効果の検証",  # a list item with a short title's words
        "精神障害にも対応した地域包括ケアシステムの構築に向けた取組の成果・効果を検証した。",  # a sentence
        "精神障害にも対応した地域包括ケアシステムの構築に向けた取組の成果・効果について",  # text about it
        # section 1's row label, wrapped in three lines: names no section
        "精神障害にも対応した地域包括ケアシステムの構築に\n向けた保健・医療・福祉関係者による協議の場の設置\n状況（R5年4月時点）",
        "精神科病床数\t1,184\t床",  # a row label that starts like a full title
    ],
)
def test_not_a_heading(text):
    assert _heads(text) == []


# ---------------------------------------------------------------- the preamble


@pytest.mark.parametrize("path", by_converter(FILES))
def test_every_converter_text_finds_the_body_and_its_slogan(path: Path, parsed, converted):
    doc, truth = _converted(path, parsed, converted)
    assert doc["municipality"] == truth["municipality"]
    # a PDF's text gives a wave dash for either tilde the author may have typed (～ or 〜): not compared
    assert _words(doc["slogan"]) == _words(truth["slogan"])


def _words(text: str | None) -> str:
    return " ".join((text or "").replace("〜", "～").split())


def test_a_preamble_without_blank_lines():
    """PDF text: name, a slogan wrapped over two lines and the vision, one run of lines."""
    from nikosheet import parse_text_data

    sample = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    body = sample[sample.index("\n1 県、") + 1 :]
    head = "\n".join(
        [
            "川口市",
            "「安心して 帰れる 帰せる",
            "暮らしがつつく 川口市」",
            "川口市では、精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことができ",
            "るよう、重層的な連携による支援体制を構築します。",
            "",
        ]
    )
    doc = parse_text_data(head + body)
    assert doc["municipality"] == "川口市"
    assert doc["slogan"] == "「安心して 帰れる 帰せる\n暮らしがつつく 川口市」"
    assert doc["vision"] == (
        "川口市では、精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことができ"
        "るよう、重層的な連携による支援体制を構築します。"
    )


@pytest.mark.parametrize("word", ["市町村", "都道府県", "市区町村", "指定都市", "中核市", "特別区"])
def test_a_unit_or_label_is_never_the_bodys_name(word):
    from nikosheet.parsing.sections.preamble import name_in

    assert name_in(word) is None
    assert name_in("（都道府県名）埼玉県　（市町村名）越谷市") == "越谷市"


# ---------------------------------------------------------------- tables not read as tables


@pytest.mark.parametrize("path", by_converter(FILES))
def test_a_table_not_read_is_never_silent(path: Path, parsed, converted):
    """A section read without its table says so: `missing-table`, or `empty-section` when nothing of
    it was read at all."""
    from nikosheet.validation.rules.empty_section import has_content

    doc, _ = _converted(path, parsed, converted)
    warned = "\n".join(_missing_tables(doc))
    for ref in doc["sections"]:
        part = doc[ref["key"]]
        fields = TABLE_FIELDS.get(ref["key"], ())
        if not fields or any(part.get(f) for f in fields) or not has_content(part):
            continue
        assert f"section {ref['number'] or ref['key']}: no " in warned, f"{ref['key']} read no table, silently"


@pytest.mark.parametrize("path", SHEET_FILES, ids=lambda p: p.name)
def test_the_sheets_read_every_table(path: Path, parsed):
    assert _missing_tables(parsed(path.name)) == []


def test_cells_in_a_form_no_reader_knows_are_warned_and_kept():
    from nikosheet import parse_text_data
    from nikosheet.diagnostics import Diagnostic
    from nikosheet.validation.rules import empty_section, reported_by

    sample = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    # every table's cells joined by a separator no converter writes
    text = "\n".join(re.sub(r"\t+", " ； ", ln) if "\t" in ln else ln for ln in sample.split("\n"))
    doc = parse_text_data(text)
    warned = _missing_tables(doc)
    assert any(m.startswith("section 1: no 基本情報 table found; ") for m in warned)
    assert any(m.startswith("section 4: no ") for m in warned)
    assert any(m.startswith("section 7: no ") for m in warned)
    assert doc["basic_info"]["population"] is None and doc["councils"]["meetings"] == []
    kept = "\n".join([*doc["basic_info"]["text"], *(u["text"] for u in doc["unparsed"])])
    assert "人口（R5年4月時点） ； 604,894 ； 人" in kept
    assert reported_by(Diagnostic.MISSING_TABLE) == [empty_section.CODE]
    assert {str(f.message) for f in empty_section.check(doc)} >= set(warned)


def test_a_table_with_its_header_and_no_rows_is_empty_not_unread():
    from nikosheet import parse_text_data

    lines = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8").split("\n")
    header = next(i for i, ln in enumerate(lines) if ln.startswith("名称\t協議の場の構成員"))
    doc = parse_text_data("\n".join(lines[: header + 1] + lines[header + 4 :]))  # the council rows removed
    assert doc["councils"]["meetings"] == [] and doc["councils"]["other_matters"]
    assert _missing_tables(doc) == []


def test_a_title_cut_after_its_first_character_into_a_pipe_tables_cells_and_its_years_label():
    # pymupdf4llm cut section 8's title into its table's header cells after `8精`, and the row of the
    # programme's years inside `事業利用予定年数`: both went to another section's text
    import nikosheet

    text = "\n".join(
        [
            "|8精|神障害にも対応した地域包括ケアシステム|の構築に向けたスケジュール（⻑期）|",
            "|---|---|---|",
            "|事業利⽤予|定年数：令和 9 年度まで||",
            "|年度|実施内容|具体的な取組|",
            "|R6年度|市町村の協議の場の共同設置の推進|・未設置11市町村への保健所の伴⾛⽀援<br>・共同設置の規約例の作成|",
            "|R9年度|取組の評価と事業利⽤終了後の体制づくり|指標による評価、次期計画への反映|",
        ]
    )
    doc = nikosheet.parse_text_data(text)
    plan = doc["long_term_schedule"]
    assert [s["key"] for s in doc["sections"]] == ["long_term_schedule"]
    assert plan["until_fiscal_year"] == 2027
    assert [(p["fiscal_year"], p["item"]) for p in plan["plan"]] == [
        (2024, "市町村の協議の場の共同設置の推進"),
        (2027, "取組の評価と事業利用終了後の体制づくり"),
    ]


# plain pdftotext of a LibreOffice PDF: the history's years written first, then the other header cells,
# then the events and the commissions in no order a form knows
_HISTORY_BOXES = (
    "年度\n2013年\n度\n2016年\n度\n2018年\n度\n2021年\n度\n経過\n委託\n"
    "八戸市保健所の精神保健福祉相談を拡充し、精神保健福祉士を3名配置\n市内精神科病院（1か\n所）\n"
    "精神障害者アウトリーチ支援事業を開始\nピアサポーター養成講座を開始\n青森県精神保健福祉協会\n"
    "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n地域移行部会を設置\n"
)


def test_a_history_table_left_as_text_is_warned_and_a_history_in_prose_is_not():
    from nikosheet import parse_text_data

    sample = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    head = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n\n"
    start = sample.index(head) + len(head)
    end = sample.index("4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果")
    doc = parse_text_data(sample[:start] + _HISTORY_BOXES + "\n" + sample[end:])
    assert doc["history"]["events"] == []
    assert any(m.startswith("section 3: no 年度 / 経過 / 委託 table found; ") for m in _missing_tables(doc))
    prose = "平成23年度に地域移行支援事業を始め、令和3年度から市の事業として継続している。\n"
    doc = parse_text_data(sample[:start] + prose + "\n" + sample[end:])
    assert not any(m.startswith("section 3") for m in _missing_tables(doc))
