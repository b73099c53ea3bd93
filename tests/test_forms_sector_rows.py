"""Section 6's sectors table of plain pdftotext of a LibreOffice PDF: each row's lines shared between its cells."""

from __future__ import annotations

from conftest import apply_form
from nikosheet.parsing.forms import sector_rows

_NEXT = "精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況"


def _rows(body: str) -> list[str]:
    text = "R6 年 4 月時点\n各部門の連携状況\n強み・課題等\n" + body + "\n7 " + _NEXT + "\n\f"
    return [ln for ln in apply_form(sector_rows, text) if ln and "\t" in ln]


def test_a_cell_centred_between_the_two_lines_of_the_other_and_lines_joined_at_one_height():
    rows = _rows(
        "保健\n保健福祉事務所が圏域の協議の場を運営し、市町村を支援し\n圏域によって取組に差がある。\nている。\n"
        "医療\n県内32病院が圏域の協議の場に参加している。\n診療所の参加が少ない。\n"
        "福祉\n基幹相談支援センターが市町村の協議の場の運営を支えてい 小規模町村に相談支援事業所が少\nる。\nない。\n"
        "その他関係機関・住\n民等\n当事者委員と家族会が県の協議の場に参加している。"
    )
    assert rows == [
        "各部門の連携状況\t\t強み・課題等",
        "保健\t保健福祉事務所が圏域の協議の場を運営し、市町村を支援している。\t圏域によって取組に差がある。",
        "医療\t県内32病院が圏域の協議の場に参加している。\t診療所の参加が少ない。",
        "福祉\t基幹相談支援センターが市町村の協議の場の運営を支えている。\t小規模町村に相談支援事業所が少ない。",
        "その他関係機関・住民等\t当事者委員と家族会が県の協議の場に参加している。\t",
    ]


def test_each_cell_s_lines_apart_and_a_label_run_into_its_cell():
    rows = _rows(
        "保健\n保健所の精神保健福祉士が措置入院者等の退院後支援計画を作\n成し、退院後も地域の支援者と定期的に支援会議を行ってい\n"
        "る。\n支援計画の対象とならない任意入院者\nの退院支援に関わる機会が少ない。\n医療\n精神科病院が参加している。\n"
        "福祉\n基幹相談支援センターが協力している。\n"
        "その他関係機 ピアサポーターの会、家族会が推進会議の委員として参画して\n関・住民等\nいる。\n"
        "民生委員や自治会など地域住民の参画\nはこれから。"
    )
    assert rows[1] == (
        "保健\t保健所の精神保健福祉士が措置入院者等の退院後支援計画を作成し、退院後も地域の支援者と定期的に支援会議を行っている。"
        "\t支援計画の対象とならない任意入院者の退院支援に関わる機会が少ない。"
    )
    assert rows[4] == (
        "その他関係機関・住民等\tピアサポーターの会、家族会が推進会議の委員として参画している。"
        "\t民生委員や自治会など地域住民の参画はこれから。"
    )


def test_a_missing_label_leaves_the_table():
    text = "R6 年 4 月時点\n各部門の連携状況\n強み・課題等\n保健\n何か。\n医療\nある。\n\f"
    assert apply_form(sector_rows, text) == text.split("\n")


def test_a_label_wrapped_over_three_lines_written_before_the_row_above_s_last_lines():
    rows = _rows(
        "保健\n保健所の保健師が訪問する。\n医療\n精神科病院が参加している。\n"
        "福祉\n基幹相談支援センターが12か所に設置され、圏域の会議に参加し 地域移行支援を担う事業所が少な\n"
        "その他関係\n機関・住民\n等\nている。\nい圏域がある。\n家族会が参加している。"
    )
    assert rows[3:] == [
        "福祉\t基幹相談支援センターが12か所に設置され、圏域の会議に参加している。\t地域移行支援を担う事業所が少ない圏域がある。",
        "その他関係機関・住民等\t家族会が参加している。\t",
    ]


def test_labels_centred_below_their_rows_first_lines():
    # 仙台市: the first row's lines stand above its label, and the third's above its label too
    rows = _rows(
        "区保健福祉センターの精神保健福祉相談員と保健師が、相談支援 区によって相談件数や体制に差があ\n"
        "事業所と同行訪問を行っている。\nる。\n保健\n医療\n・精神科病院協会が市の部会に委員として参画してい\nる。\n"
        "精神科診療所との連携は個別の事例\nにとどまっている。\n"
        "基幹相談支援センター（5 か所）が区ごとに配置され、区の会議 地域移行支援を担う事業所が固定化\n"
        "の運営に協力している。\nしている。\n福祉\nその他関係機関\n家族会が区の会議に参加している。\n・住民等"
    )
    assert rows[1:] == [
        "保健\t区保健福祉センターの精神保健福祉相談員と保健師が、相談支援事業所と同行訪問を行っている。"
        "\t区によって相談件数や体制に差がある。",
        "医療\t・精神科病院協会が市の部会に委員として参画している。\t精神科診療所との連携は個別の事例にとどまっている。",
        "福祉\t基幹相談支援センター（5 か所）が区ごとに配置され、区の会議の運営に協力している。"
        "\t地域移行支援を担う事業所が固定化している。",
        "その他関係機関・住民等\t家族会が区の会議に参加している。\t",
    ]
