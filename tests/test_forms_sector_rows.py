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


def test_a_label_wrapped_beside_its_row_s_lines_woven_with_the_other_cell_s():
    # 川口市: `その他関係` / `機関・住民` / `等` each start a line of the status's, the strengths' lines between
    rows = _rows(
        "保健\n保健センターの保健師が訪問している。\n医療\n精神科病院が参加している。\n"
        "福祉\n相談支援事業所が地域移行支援を担っている。\n"
        "その他関係 ピアサポーターが病院を訪問し、入院者との交流を深\n"
        "家族会の会員が高齢化し、活動の担い手が\n"
        "機関・住民 めている。また家族会と協力し、家族教室を開い\n"
        "少なくなっている。\n等\nている。"
    )
    assert rows[4] == (
        "その他関係機関・住民等\tピアサポーターが病院を訪問し、入院者との交流を深めている。"
        "また家族会と協力し、家族教室を開いている。\t家族会の会員が高齢化し、活動の担い手が少なくなっている。"
    )


def test_a_line_wider_than_the_status_s_column_is_the_strengths_():
    # the lines that hold both cells show the status's column 22 characters wide: the 25-character lines are
    # the strengths', though the strengths' cell is the taller one
    rows = _rows(
        "保健\n保健所職員が近隣の精神科病院、診療所等に訪問 「地域連携票」を活用し、個別支援において、切れ目\n"
        "活動を行い、事業説明を行うとともに、地域連携 のない継続した支援が関係機関同士で実施されるように\n"
        "に関する意見交換を実施している。\n取り組みを行っている。\n"
        "医療\n精神科病院が参加している。\n福祉\n相談支援事業所が担っている。\n"
        "その他関係機関・住民等\n早期相談を実施するうえで、教育機関や児童相談所等の\nアウトリーチ事業を行っている。\n"
        "子ども支援に関する機関との連携が課題となっている。\n家族会との連携が少ないことも課題となっている。"
    )
    assert rows[4] == (
        "その他関係機関・住民等\tアウトリーチ事業を行っている。"
        "\t早期相談を実施するうえで、教育機関や児童相談所等の子ども支援に関する機関との連携が課題となっている。"
        "家族会との連携が少ないことも課題となっている。"
    )


def test_a_row_that_reads_as_well_both_ways_is_written_as_the_other_rows_are():
    # each row's status's lines stand before its strengths' (not centred beside them): the 医療 row's three
    # lines are read so too, though `病院ごとの…` beside the status's two lines would read as well
    rows = _rows(
        "保健\n厚生センターが市町村と合同で事例検討会を開いている。\n圏域によって事例検討の頻度に差\nがある。\n"
        "医療\n精神科病院協会が部会に参加し、退院支援委員会に地域の支援\n者を招く病院が増えている。\n"
        "病院ごとの取組の差が大きい。\n"
        "福祉\n基幹相談支援センターが地域移行支援の相談を受け、事業所間\nの調整を行っている。\n"
        "地域移行支援を担う事業所が少な\nい圏域がある。\n"
        "その他関係機関・住民等\n家族会が研修に参加している。\n企業との連携はこれからである。"
    )
    assert rows[2] == (
        "医療\t精神科病院協会が部会に参加し、退院支援委員会に地域の支援者を招く病院が増えている。"
        "\t病院ごとの取組の差が大きい。"
    )


def test_a_list_in_a_cell_is_its_items():
    rows = _rows(
        "保健\n保健所の保健師が訪問する。\n"
        "医療\n・医療との連携を図るために「SOS プラン」を作成。\n・実務者会議にて、市内精神科病院を訪問、医\n"
        "療と地域の連携について協議を実施。\n市内精神科病院、精神科診療所が継続的に参画\n"
        "し、連携が図られている。「SOS プラン」の効果\n的な活用がおこなえていない。\n"
        "福祉\n基幹相談支援センターが協力している。\nその他関係機関・住民等\n家族会が参加している。"
    )
    assert rows[2] == (
        "医療\t<ul><li>・医療との連携を図るために「SOS プラン」を作成。</li>"
        "<li>・実務者会議にて、市内精神科病院を訪問、医療と地域の連携について協議を実施。</li></ul>"
        "\t市内精神科病院、精神科診療所が継続的に参画し、連携が図られている。"
        "「SOS プラン」の効果的な活用がおこなえていない。"
    )


def test_the_header_s_last_cell_among_the_first_row_s_lines_and_a_figure_s_labels_after_the_table():
    # 練馬区: 強み・課題等 is written after the first row's status (the right column's lines come after the
    # left's), and the labels of the figure below the table follow the last row's lines
    text = (
        "R6 年 4 月時点\n各部門の連携状況\n保健\n保健相談所の地区担当保健師が、乳幼児から高齢者まで世帯全体\n"
        "を把握し、精神保健福祉相談員と連携して支援している。\n強み・課題等\n保健相談所ごとに相談件数の差が大\n"
        "きく、担当者の負担に偏りがある。\n医療\n区内 4 病院と保健予防課が年 2 回の連絡会を開催している。\n"
        "区外・都外の病院とは個別の連絡に\nとどまっている。\n福祉\n基幹相談支援センターが連絡会を運営している。\n"
        "地域移行支援を担う事業所が少な\nい。\nその他関係機\n関・住民等\n家族会が協議の場に委員として参画している。\n"
        "町会・自治会など地域住民の参画は\n少ない。\n練馬区の相談・支援体制\n保健予防課（全体の企画・協議の場の事務局）\n"
        "保健相談所（6 か所）\n身近な相談・訪問\n\f"
    )
    lines = apply_form(sector_rows, text)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows[1] == (
        "保健\t保健相談所の地区担当保健師が、乳幼児から高齢者まで世帯全体を把握し、精神保健福祉相談員と連携して"
        "支援している。\t保健相談所ごとに相談件数の差が大きく、担当者の負担に偏りがある。"
    )
    assert rows[4] == (
        "その他関係機関・住民等\t家族会が協議の場に委員として参画している。\t町会・自治会など地域住民の参画は少ない。"
    )
    assert [ln for ln in lines if ln and "\t" not in ln][-5:-1] == [
        "練馬区の相談・支援体制",
        "保健予防課（全体の企画・協議の場の事務局）",
        "保健相談所（6 か所）",
        "身近な相談・訪問",
    ]


def test_rows_whose_two_cells_share_one_box_are_read_by_this_form_not_as_a_grid_of_boxes():
    """pdftotext writes each row's two cells in one box between blank lines (`…の調整 保健所ごとに…` /
    `を行っている。` / `がある。`): the chain leaves the table to this form, which gives each cell its
    lines, rather than to `box_grid`, which had read a box's later lines as the right cell's."""
    from conftest import rewritten_rows

    text = (
        "人口 (R5 年 4 月時点)\n\n\f6 精神障害にも対応した地域包括ケアシステムの構築に係る連携状況\n\n"
        "各部門の連携状況\n\n強み・課題等\n\n保健\n\n"
        "保健所が圏域会議の事務局として、市町村・病院・事業所の調整 保健所ごとに取組の進み具合に差\n"
        "を行っている。\nがある。\n\n"
        "医療\n\n"
        "精神科病院協会が県の協議の場に参画し、退院支援委員会への地 診療所・訪問看護との連携は一部\n"
        "域援助事業者の参加が進んでいる。\nの圏域にとどまる。\n\n"
        "福祉\n\n"
        "基幹相談支援センターが圏域ごとに連絡会を開き、地域移行支援 地域移行支援を担う事業所が少な\n"
        "の事例を共有している。\nい圏域がある。\n\n"
        "その他関係機関\n・住民等\n\n"
        "家族会連合会、ピアサポーター連絡会、社会福祉協議会が参画し 住民向けの普及啓発の機会が少な\nている。\nい。\n\n"
        "7 " + _NEXT + "\n"
    )
    rows = [row for row in rewritten_rows(text) if row[0] in ("保健", "医療", "福祉", "その他関係機関・住民等")]
    assert rows == [
        [
            "保健",
            "保健所が圏域会議の事務局として、市町村・病院・事業所の調整を行っている。",
            "保健所ごとに取組の進み具合に差がある。",
        ],
        [
            "医療",
            "精神科病院協会が県の協議の場に参画し、退院支援委員会への地域援助事業者の参加が進んでいる。",
            "診療所・訪問看護との連携は一部の圏域にとどまる。",
        ],
        [
            "福祉",
            "基幹相談支援センターが圏域ごとに連絡会を開き、地域移行支援の事例を共有している。",
            "地域移行支援を担う事業所が少ない圏域がある。",
        ],
        [
            "その他関係機関・住民等",
            "家族会連合会、ピアサポーター連絡会、社会福祉協議会が参画している。",
            "住民向けの普及啓発の機会が少ない。",
        ],
    ]
