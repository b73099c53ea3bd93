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


# pdfminer's boxes of a sectors table (the shape of a designated city's text): the labels in a run, the
# last one wrapped with its last piece after its row's box, and the medical status's second list item
# written after the strengths beside it
PDFMINER = (
    "年度\n経過\n委託\n\n各部門の連携状況\n\n強み・課題等\n\n保健\n\n医療\n\n福祉\n\n"
    "保健センターの精神保健福祉相談員が、医療中断者や未治\n療者への訪問を行い、必要に応じて医師が同行している。\n\n"
    "地区ごとに相談件数と職員数の差があっ\nて、訪問が追いつかない地区がある。\n\n"
    "・病院協会と精神科診療所協会の代表が推進会議に参画し\nている。\n\n"
    "市外の病院に入院している市民の退院支\n援は、連絡の調整に時間がかかる。\n\n"
    "・精神科病院の精神保健福祉士が各地区の連絡会に参加し\nている。\n\n"
    "各地区の基幹相談支援センターが、相談支援事業所の連絡\n会と地域移行支援の事例検討を行っている。\n\n"
    "地域移行支援・地域定着支援を担う事業\n所が少なく、特定の事業所に負担が集中\nしている。\n\n"
    "その他関係\n機関・住民\n\n家族会連合会とピアサポーターが推進会議に委員として参\n画している。\n\n等\n\n"
    "7  精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
)


def test_a_box_goes_to_the_column_its_wrapped_lines_are_as_wide_as():
    # a list item as wide as the status's lines is the status's, though written after the strengths
    rows = _rows(PDFMINER)
    assert rows[2] == (
        "医療\t<ul><li>・病院協会と精神科診療所協会の代表が推進会議に参画している。</li>"
        "<li>・精神科病院の精神保健福祉士が各地区の連絡会に参加している。</li></ul>\t"
        "市外の病院に入院している市民の退院支援は、連絡の調整に時間がかかる。"
    )
    welfare = rows[3].split("\t")[2]
    assert welfare == "地域移行支援・地域定着支援を担う事業所が少なく、特定の事業所に負担が集中している。"
    assert rows[4] == "その他関係機関・住民等\t家族会連合会とピアサポーターが推進会議に委員として参画している。\t"


def test_a_cell_s_rest_written_after_the_next_row_s_boxes_goes_back():
    # pdfminer: the health strengths' first line, the medical status, then the strengths' rest
    text = (
        "年度\n経過\n委託\n\n各部門の連携状況\n\n強み・課題等\n\n保健\n\n医療\n\n福祉\n\nその他関係機\n関・住民等\n\n"
        "保健所が圏域会議の事務局として、市町村・\n\n沿岸部の保健所は心のケアの業務と一体で動いてお\n\n"
        "病院・事業所の調整を行っている。\n措置入院者等の退院後支援計画を全保健所で\n作成している。\n\n"
        "・精神科病院協会が精神保健福祉審議会に参\n画している。\n\n・7病院がピアサポーターの派遣を受け入れ\nている。\n\n"
        "り、体制が厚い一方、内陸部の保健所との取組の差が\nある。\n\n"
        "診療所との連携は仙台圏域の一部にとどまっている。\n\n"
        "基幹相談支援センターが圏域ごとに連絡会を\n開き、地域移行支援の事例を共有している。\n\n"
        "地域移行支援・地域定着支援を担う事業所が少ない圏\n域がある。\n\n"
        "家族会連合会、ピアサポーターの会、震災後\nに生まれた支援団体が協議の場に参画してい\nる。\n\n"
        "7  精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
    )
    rows = _rows(text)
    assert rows[1] == (
        "保健\t保健所が圏域会議の事務局として、市町村・病院・事業所の調整を行っている。<br>"
        "措置入院者等の退院後支援計画を全保健所で作成している。\t"
        "沿岸部の保健所は心のケアの業務と一体で動いており、体制が厚い一方、内陸部の保健所との取組の差がある。"
    )
    assert rows[2].split("\t")[2] == "診療所との連携は仙台圏域の一部にとどまっている。"


def test_the_title_after_a_page_s_form_feed_is_found():
    path = CONVERTERS / "core-kurashiki-fy2023--pdfminer.txt"
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    sectors = json.loads(out.stdout)["coordination"]["sectors"]
    assert [s["strengths_and_issues"] for s in sectors] == [
        "保健師の業務が母子・成人・精神と幅広く、精神保健の経験に差がある。",
        "連携シートの活用は3病院にとどまっている。",
        None,
        "災害後の見守り活動を平時の地域づくりにどうつなげるかが課題である。",
    ]
