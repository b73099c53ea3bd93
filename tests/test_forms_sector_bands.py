"""Section 6's sectors table in a Chromium PDF's plain text: the cells' boxes shared among the rows."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import sector_bands

CONVERTERS = FIXTURES / "converters"
HEAD = "年度\n経過\n委託\n\n各部門の連携状況\n\n強み・課題等\n\n保健\n医療\n\n"
ROWS = (
    "地区担当保健師が精神科病院と連携し、退院前から\n\n保健師の異動により関係が途切れること\n\n"
    "支援に関わっている。\n\nがある。\n\n"
    "区内4病院の精神保健福祉士が地域連絡会に参加して\n\n区外の病院との連携が難しい。\n\nいる。\n福祉\n\n"
    "相談支援事業所が地域移行支援と地域定着支援を担\n\n地域移行支援の件数が伸びていない。\n\nっている。\n"
    "その他関係機関・\n\n家族会とピアサポーターが協議会の委員となってい\n\n住民等\n\nる。\n\n住民の参加が少ない。\n\n"
)


def _rows(text: str) -> list[str]:
    return [line for line in form_state(sector_bands, text).lines if line and "\t" in line]


def test_the_boxes_written_in_turn_are_the_rows_cells():
    assert _rows(HEAD + ROWS + "世田谷区の精神保健福祉の役割分担\n") == [
        "各部門の連携状況\t\t強み・課題等",
        "保健\t地区担当保健師が精神科病院と連携し、退院前から支援に関わっている。\t保健師の異動により関係が途切れることがある。",
        "医療\t区内4病院の精神保健福祉士が地域連絡会に参加している。\t区外の病院との連携が難しい。",
        "福祉\t相談支援事業所が地域移行支援と地域定着支援を担っている。\t地域移行支援の件数が伸びていない。",
        "その他関係機関・住民等\t家族会とピアサポーターが協議会の委員となっている。\t住民の参加が少ない。",
    ]


def test_the_figure_after_the_table_stays_where_it_is():
    lines = form_state(sector_bands, HEAD + ROWS + "世田谷区の精神保健福祉の役割分担\n").lines
    assert lines[-2] == "世田谷区の精神保健福祉の役割分担"


def test_a_missing_label_or_two_readings_as_good_leave_the_table():
    text = HEAD.replace("医療\n", "") + ROWS
    assert _rows(text) == []
    sparse = HEAD + "福祉\n\nその他関係機関・住民等\n\n相談と訪問を行っている。\n\n人員が少ない。\n\n連絡会を開催。\n\n"
    assert _rows(sparse) == []  # (which row's cell is empty cannot be told)


@pytest.mark.parametrize(
    ("name", "row", "status", "strengths"),
    [
        (
            "pref-fy2024--pdfminer",
            2,
            "基幹相談支援センターと委託相談支援事業所が圏域ごとに連絡会を開催している。",
            "地域移行支援の担い手となる事業所が少ない。",
        ),
        (
            "kawaguchi-r5--pdftotext",
            0,
            "保健所職員が近隣の精神科病院、診療所等に訪問活動を行い、事業説明を行うとともに、"
            "地域連携に関する意見交換を実施している。",
            "「川口市精神医療保健福祉地域連携票」を活用し、個別支援において、"
            "切れ目のない継続した支援が関係機関同士で実施されるように、取り組みを行っている。",
        ),
        (
            "ward-nerima-fy2023--pdftotext",  # its strengths' box written first: set back by its lines' widths
            0,
            "保健相談所の地区担当保健師が、乳幼児から高齢者まで世帯全体を把握し、精神保健福祉相談員と連携して支援している。",
            "保健相談所ごとに相談件数の差が大きく、担当者の負担に偏りがある。",
        ),
        (
            "city-pipe-fy2023--pdftotext",
            1,
            "市内全精神科病院が実務者部会に参加している。\n退院前カンファレンスに地域援助事業者を招いている。",
            "精神科診療所の参加が少ない。",
        ),
    ],
)
def test_a_converter_s_sectors_are_read(name, row, status, strengths):
    path = CONVERTERS / f"{name}.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    sectors = json.loads(out.stdout)["coordination"]["sectors"]
    assert (sectors[row]["status"], sectors[row]["strengths_and_issues"]) == (status, strengths)


def test_a_page_s_number_among_the_boxes_is_layout():
    text = HEAD + ROWS.replace("いる。\n福祉\n", "いる。\n\n3\n\n\f福祉\n") + "世田谷区の精神保健福祉の役割分担\n"
    rows = _rows(text)
    assert (
        rows[3] == "福祉\t相談支援事業所が地域移行支援と地域定着支援を担っている。\t地域移行支援の件数が伸びていない。"
    )


def test_a_cell_that_ends_on_no_sentence_leaves_the_table():
    # the row's boxes read as well as one cell or as two: which cannot be told
    assert _rows(HEAD + ROWS.replace("区外の病院との連携が難しい。", "区外の病院との連携が難しい")) == []


def test_a_row_left_empty_beside_its_label_leaves_the_table():
    medical = "区内4病院の精神保健福祉士が地域連絡会に参加して\n\n区外の病院との連携が難しい。\n\nいる。\n"
    assert _rows(HEAD + ROWS.replace(medical, "")) == []
