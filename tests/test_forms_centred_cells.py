"""Rows of a LibreOffice PDF's `pdftotext -layout` text, whose cells are centred in their rows."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES
from nikosheet import parse_file_data
from nikosheet.parsing.forms import centred_cells

CONVERTERS = FIXTURES / "converters"


def test_a_row_s_centred_cells_are_read_by_their_columns():
    text = (
        "柏市精神障害にも対応した地域       保健, 医療, 福祉, 家族会, ピア    事業・取組み\n"
        "                                         年1          市民, 市民関係団体, 民生委員等\n"
        "包括ケアシステム構築推進事業       サポーター, 行政機関の代表         報告方針等の\n"
        "                                         回           の参画が望まれる\n"
        "(代表者会議)              者                      決定"
    )
    lines: list[str | None] = list(text.split("\n"))
    taken = centred_cells.write_tables(lines, list(text.split("\n")), 0)
    assert taken == {0, 1, 2, 3, 4}
    assert lines[1:] == [None] * 4
    assert lines[0] == (
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)\t"
        "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者\t年1回\t事業・取組み報告方針等の決定\t"
        "市民, 市民関係団体, 民生委員等の参画が望まれる"
    )


def test_a_row_whose_first_lines_hold_no_gap_and_a_frequency_cut_after_its_slash():
    text = (
        "倉敷市精神障害にも対応し 精神科病院、医師会、相談支援\n"
        "                            2 回/ ・地域課題の共有 ・取 代表者が参加しており、方\n"
        "た地域包括ケアシステム推 事業所、家族会、ピアサポータ\n"
        "                            年    組方針の決定      針決定が円滑に行える。\n"
        "進会議          ー、行政"
    )
    lines = _written(text)
    assert lines[0] == (
        "倉敷市精神障害にも対応した地域包括ケアシステム推進会議\t精神科病院、医師会、相談支援事業所、家族会、"
        "ピアサポーター、行政\t2 回/年\t・地域課題の共有 ・取組方針の決定\t"
        "代表者が参加しており、方針決定が円滑に行える。"
    )
    assert lines[1:] == [None] * 4


def test_a_departments_header_right_under_the_last_row_above_is_a_row_of_its_own():
    text = "\n".join(
        [
            "     所管部署名                         所管部署における主な業務",
            "",
            "障害者支援課             にも包括構築推進事業の企画、精神保健福祉審議会の運営",
            "",
            "各区保健福祉センター障害高齢課    精神保健福祉相談、訪問指導、区にも包括推進会議の運営",
            "\f              連携部署名                               連携部署における主な業務",
            "",
            "住宅政策課                              居住支援協議会の運営、市営住宅の管理",
        ]
    )
    lines: list[str | None] = list(text.split("\n"))
    centred_cells.write_tables(lines, list(text.split("\n")), 0)
    rows = [line for line in lines if line and "\t" in line]
    assert rows[2:4] == [
        "各区保健福祉センター障害高齢課\t精神保健福祉相談、訪問指導、区にも包括推進会議の運営",
        "連携部署名\t連携部署における主な業務",
    ]


def test_a_word_s_single_space_is_no_column():
    text = "人口 (R6 年 4 月時点)       434,462   人\n\n市町村数 (R6 年 4 月時点)     1         市町村"
    lines: list[str | None] = list(text.split("\n"))
    centred_cells.write_tables(lines, list(text.split("\n")), 0)
    assert lines == ["人口 (R6 年 4 月時点)\t434,462\t人", None, "市町村数 (R6 年 4 月時点)\t1\t市町村"]


def test_the_councils_and_plans_of_a_libreoffice_pdf_read_by_pdftotext_layout():
    kashiwa = parse_file_data(CONVERTERS / "kashiwa-r6--lopdf-pdftotext-layout.txt")
    truth = parse_file_data(SAMPLES / "kashiwa-r6.txt")
    got = [(m["name"], m["frequency"]["text"]) for m in kashiwa["councils"]["meetings"][:2]]
    assert got == [(m["name"], m["frequency"]["text"]) for m in truth["councils"]["meetings"][:2]]
    pref = parse_file_data(CONVERTERS / "pref-fy2024--lopdf-pdftotext-layout.txt")
    plan = pref["long_term_schedule"]["plan"][0]
    assert (plan["label"], plan["item"]) == ("R6年度", "市町の協議の場の設置促進")
    assert plan["actions"] == ["未設置8市町へのアドバイザー派遣", "圏域単位の合同研修の開催"]


def _laid(*pieces: tuple[int, str]) -> str:
    """A line as `pdftotext -layout` lays it out: each text at its position (in characters)."""
    line = ""
    for at, text in pieces:
        line = line.ljust(at) + text
    return line


def test_roles_in_one_row_and_the_issue_centred_beside_them():
    text = "\n".join(
        [
            _laid((6, "課題"), (18, "課題解決に向けた取組方針"), (42, "課題・方針に対する役割(取組)")),
            "",
            _laid((42, "行政"), (51, "研修会の開催")),
            "",
            _laid((51, "連携票の")),
            _laid((42, "医療")),
            _laid((0, "支援体制が整って"), (18, "連携票を活用する"), (51, "活用")),
            _laid((0, "いない"), (42, "福祉"), (51, "会議への参加")),
        ]
    )
    lines: list[str | None] = list(text.split("\n"))
    centred_cells.write_tables(lines, list(text.split("\n")), 0)
    assert [line for line in lines if line] == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)",
        "支援体制が整っていない\t連携票を活用する\t行政\t研修会の開催",
        "\t\t医療\t連携票の活用",
        "\t\t福祉\t会議への参加",
    ]


def test_the_issues_and_roles_of_a_libreoffice_pdf_read_by_pdftotext_layout():
    kashiwa = parse_file_data(CONVERTERS / "kashiwa-r6--lopdf-pdftotext-layout.txt")
    truth = parse_file_data(SAMPLES / "kashiwa-r6.txt")
    got, want = kashiwa["strengths_and_issues"]["issues"][0], truth["strengths_and_issues"]["issues"][0]
    assert (got["issue"], got["roles"]) == (want["issue"], want["roles"])
    schedule = [(item["label"], item["item"]) for item in kashiwa["annual_schedule"]["items"]]
    assert schedule == [(item["label"], item["item"]) for item in truth["annual_schedule"]["items"]]


def test_a_one_line_rows_name_one_space_before_its_list_of_members_is_a_cell_of_its_own():
    text = (
        "推進会議      保健、医療、福祉、家族会、行政         年2回    ・方針の決定\n"
        "\n"
        "実務者会議 相談支援事業所、精神科病院、保健所           年6回    ・事例検討    参加者が固定化している"
    )
    lines = _written(text)
    assert lines[2] == "実務者会議\t相談支援事業所、精神科病院、保健所\t年6回\t・事例検討\t参加者が固定化している"


def test_an_authors_space_before_a_text_is_kept():
    # a name of two words, its second no list: `仙台市精神保健福祉審議会 地域移行・地域定着部会`
    text = "仙台市精神保健福祉審議会 地域移行・地域定着部会      年3回    ・課題報告"
    lines = _written(text)
    assert lines[0] == "仙台市精神保健福祉審議会 地域移行・地域定着部会\t年3回\t・課題報告"


def test_a_rows_name_before_its_members_where_no_other_line_reaches_there():
    # city-table-shapes-fy2023: the frequency's lines above and below, far to the right
    text = (
        "                                         月1\n"
        "アウトリーチ検討会 精神科医、保健師、精神保健福祉士                     支援対象者の検討\n"
        "                                         回"
    )
    lines = _written(text)
    assert lines[0] == "アウトリーチ検討会\t精神科医、保健師、精神保健福祉士\t月1回\t支援対象者の検討"


def test_a_list_items_date_before_a_list_is_no_cells_edge():
    text = (
        "R6 年   柏市にも包括の目標の    ・平成 30 年度に作成した取組シートを整理し、長期目標を明確にす\n"
        "度      明確化と共有        る。"
    )
    lines = _written(text)
    assert lines[0] == (
        "R6 年度\t柏市にも包括の目標の明確化と共有\t・平成 30 年度に作成した取組シートを整理し、長期目標を明確にする。"
    )


def test_the_statistics_lines_that_fit_no_row_stand_apart_from_the_council_setup_row():
    edge = parse_file_data(CONVERTERS / "city-edge-values-fy2024--lopdf-pdftotext-layout.txt")
    municipality = edge["basic_info"]["council_setup"]["municipality"]
    assert (municipality["exists"], municipality["count"], municipality["total"]) == (True, 1, 1)


def test_a_history_date_beside_two_entries_none_of_whose_cells_wrap_gives_each_a_row():
    sendai = parse_file_data(CONVERTERS / "designated-sendai-fy2023--lopdf-pdftotext-layout.txt")
    events = [(e["period"], e["description"], e["commission"]) for e in sendai["history"]["events"][3:6]]
    assert events == [
        ("令和2年度", "全5区に区にも包括推進会議を設置", None),
        ("令和2年度", "ピアサポーター派遣事業を開始", "特定非営利活動法人 杜のピアネット"),
        ("令和4年度", "「こころの絆サポーター」養成講座を開始", None),
    ]


def test_a_history_date_centred_between_two_entries_whose_commission_stands_beside_the_first():
    pref = parse_file_data(CONVERTERS / "pref-fullwidth-dot-fy2023--lopdf-pdftotext-layout.txt")
    truth = parse_file_data(FIXTURES / "sheets" / "pref-fullwidth-dot-fy2023.txt")
    events = [(e["period"], e["description"], e["commission"]) for e in pref["history"]["events"]]
    assert events == [(e["period"], e["description"], e["commission"]) for e in truth["history"]["events"]]
    assert [e[1] for e in events[1:3]] == [
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始",
        "県の協議の場を設置",
    ]


def test_a_range_of_months_its_column_wrapped_is_one_date():
    text = (
        "R6 年 4 月～5 月    圏域担当者会議（10 圏域）                      事例検討の進め方の共有\n"
        "\n"
        "R6 年 8 月～R7 年                                       ・各圏域で事例検討 ・町村への設置の\n"
        "              圏域協議の場・個別事例検討\n"
        "1月                                                  助言\n"
        "\n"
        "R6 年 9 月        第 1 回推進会議                           今年度の方向性の決定"
    )
    lines = _written(text)
    assert lines[2] == "R6 年 8 月～R7 年1月\t圏域協議の場・個別事例検討\t・各圏域で事例検討 ・町村への設置の助言"
    assert lines[3:5] == [None, None]


def _written(text: str) -> list[str | None]:
    """The text's lines with its tables written as rows."""
    lines: list[str | None] = list(text.split("\n"))
    centred_cells.write_tables(lines, list(text.split("\n")), 0)
    return lines


def test_two_lines_each_with_an_as_above_mark_are_two_entries_however_full_the_first():
    text = _HISTORY_HEADER + (
        "平成 17 年度 退院促進支援事業を開始\n"
        "\n"
        "        相談支援の個別給付化に合わせて事業を再編成 ↓\n"
        "平成 24 年\n"
        "        地域連絡会を設置              ↓\n"
        "度\n"
        "        養成講座を開始"
    )
    assert _rows_written(text) == [
        "年度\t経過\t委託",
        "平成 17 年度\t退院促進支援事業を開始",
        "平成 24 年度\t相談支援の個別給付化に合わせて事業を再編成\t↓",
        "\t地域連絡会を設置\t↓",
        "\t養成講座を開始\t",
    ]


def test_a_date_centred_in_its_group_takes_the_row_above_it_past_the_group_above():
    text = _HISTORY_HEADER + (
        "令和元年度 推進会議を設置\n"
        "\n"
        "      退院支援部会を設置                         （直営）\n"
        "\n"
        "令和 3 年度 住まい部会を設置\n"
        "\n"
        "      ピアサポート部会を設置                       社会福祉協議会\n"
        "\n"
        "令和 5 年度 ピアサポーターを雇用"
    )
    assert _rows_written(text) == [
        "年度\t経過\t委託",
        "令和元年度\t推進会議を設置",
        "令和 3 年度\t退院支援部会を設置\t（直営）",
        "\t住まい部会を設置\t",
        "\tピアサポート部会を設置\t社会福祉協議会",
        "令和 5 年度\tピアサポーターを雇用",
    ]


_HISTORY_HEADER = " 年度                   経過                                 委託\n\n"


def _rows_written(text: str) -> list[str]:
    """The text's non-blank lines once its tables are written as rows."""
    return [line for line in _written(text) if line]


def test_a_frequency_whose_wrapped_rest_holds_its_degree_stands_apart_from_the_next_cell():
    text = (
        "住まい部会（作業部        不動産事業者、居住支援法人、グループ 年 3 入居支援の仕組みの検       新設した。\n"
        "会）               ホーム、住宅課、保健所        回程度 討"
    )
    assert _written(text)[0] == (
        "住まい部会（作業部会）\t不動産事業者、居住支援法人、グループホーム、住宅課、保健所\t年 3回程度\t"
        "入居支援の仕組みの検討\t新設した。"
    )


def test_a_paragraph_that_starts_with_a_date_and_a_particle_is_no_row():
    text = "令和 5 年度の意向調査では、長期入院者の約 3 割が地域での生活を希望しており、住まいの\n確保が課題。"
    assert _written(text) == text.split("\n")


def test_an_issues_role_labels_run_on_after_a_policys_line_are_set_back_in_their_column():
    # a LibreOffice PDF's issues table (Word's drawn bullets folded to `・`): `医療` run on one space
    # after a policy's line, left of the other labels; a wrapped `その他関係機関・住民等` with its action
    # one space after it; the header on its own line right above the first role's lines
    text = "\n".join(
        [
            "課題   課題解決に向けた取組方針   課題・方針に対する役割(取組)",
            "                                                  ・   ・保健相談所による",
            "                                                      病院訪問",
            "                                        行政        ・   ・近隣区との合同連",
            "                                                      絡会の開催",
            "                   ・   ・入院先病院への訪問と連絡票",
            "区民の入院先が区外・都外に分散し       の活用を進める",
            "                                                入院早期の保健相談所への連",
            "ており、入院中からの退院支援につ   ・   ・近隣区と合同で病院との連絡 医療",
            "                                                絡",
            "ながりにくい                 会を開催する",
            "                                                地域移行支援の実施、退院前",
            "                                        福祉",
            "                                                の同行支援",
            "",
            "                                        その他関係",
            "                                        機関・住民 ピアサポーターの病院訪問",
            "                                        等",
        ]
    )
    lines = _written(text)
    assert [line for line in lines if line is not None] == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)",
        "区民の入院先が区外・都外に分散しており、入院中からの退院支援につながりにくい\t"
        "<ul><li>・入院先病院への訪問と連絡票の活用を進める</li><li>・近隣区と合同で病院との連絡会を開催する</li></ul>\t"
        "行政\t<ul><li>・保健相談所による病院訪問</li><li>・近隣区との合同連絡会の開催</li></ul>",
        "\t\t医療\t入院早期の保健相談所への連絡",
        "\t\t福祉\t地域移行支援の実施、退院前の同行支援",
        "\t\tその他関係機関・住民等\tピアサポーターの病院訪問",
    ]


def test_a_role_label_alone_is_its_row_with_an_empty_action():
    text = "\n".join(
        [
            "課題   課題解決に向けた取組方針   課題・方針に対する役割(取組)",
            "",
            "                                       行政       多職種チームの事務局",
            "",
            "                                                 訪問看護ステーションとの連",
            "                                       医療",
            "アウトリーチ支援の担い手が 多職種チームによる訪問支援の体制を  携",
            "不足している       つくる",
            "",
            "                                       その他関係機",
            "                                       関・住民等",
        ]
    )
    lines = [line for line in _written(text) if line is not None]
    assert lines[-1] == "\t\tその他関係機関・住民等"


def test_a_wrapped_role_label_set_apart_does_not_move_the_roles_column():
    # `その他関係` / `機関・住民` / `等` stand four positions left of 行政 and 医療: the labels' column is
    # where the whole labels stand, and `福祉`, run on after the policy's line, goes there
    text = "\n".join(
        [
            "課題   課題解決に向けた取組方針   課題・方針に対する役割(取組)",
            "",
            "                                         行政",
            "",
            "                                         医療      夜間の受診相談への対応",
            "夜間・休日に相談できる窓口が少   精神科救急情報センターと地域の相談窓 福祉          "
            "緊急時の連絡体制の整備",
            "ない                口の連携を強める",
            "                                     その他関係",
            "                                                 民生委員・警察との情報共",
            "                                     機関・住民",
            "                                                 有",
            "                                     等",
        ]
    )
    assert [line for line in _written(text) if line is not None][1:] == [
        "夜間・休日に相談できる窓口が少ない\t精神科救急情報センターと地域の相談窓口の連携を強める\t行政",
        "\t\t医療\t夜間の受診相談への対応",
        "\t\t福祉\t緊急時の連絡体制の整備",
        "\t\tその他関係機関・住民等\t民生委員・警察との情報共有",
    ]


def test_role_words_in_another_tables_cells_are_left_where_they_stand():
    # `福祉` after a gap in a council's members cell is no role's label: only the issues' table sets
    # role labels back in their column
    text = "\n".join(
        [
            "名称           協議の場の構成員     開催頻度     実施内容",
            "",
            "                保健所、病院、",
            "地域移行部会     福祉 関係機関        年4回       事例検討",
            "                  家族会",
        ]
    )
    assert [line for line in _written(text) if line is not None][1] == (
        "地域移行部会\t保健所、病院、福祉 関係機関家族会\t年4回\t事例検討"
    )


def test_a_western_year_one_space_before_its_event_is_a_date_cell():
    text = _HISTORY_HEADER + (
        "2012 年度 地域移行支援事業を開始\n"
        "\n"
        "          「精神保健福祉地域移行推進会議」を協議の場として位置づけ\n"
        "2019 年度\n"
        "          連絡会を 16 区に拡大                                     各区基幹相談支援センター\n"
        "\n"
        "2016 年\n"
        "       ピアサポーター養成研修を開始\n"
        "度"
    )
    assert _rows_written(text) == [
        "年度\t経過\t委託",
        "2012 年度\t地域移行支援事業を開始",
        "2019 年度\t「精神保健福祉地域移行推進会議」を協議の場として位置づけ\t",
        "\t連絡会を 16 区に拡大\t各区基幹相談支援センター",
        "2016 年度\tピアサポーター養成研修を開始",
    ]


def test_a_years_wrapped_nendo_under_its_number_is_no_header_and_its_first_entry_above_it_is_its_own():
    text = _HISTORY_HEADER + (
        "平成 29\n"
        "        県の協議の場として推進会議を設置\n"
        "年度\n"
        "\n"
        "        地域包括ケアシステム構築推進事業を開始\n"
        "平成 30\n"
        "年度      県推進会議を「青森県地域包括ケアシステム推進会議」に改組し、介護・住まい分野の\n"
        "        委員を加えた\n"
        "\n"
        "     「精神障害にも対応した地域包括ケアシステム構築推進事業」を開始し、地域移行と\n"
        "令和元年 地域定着の部会を審議会に設置\n"
        "度\n"
        "     4 厚生センター圏域で圏域会議を立ち上げ"
    )
    assert _rows_written(text) == [
        "年度\t経過\t委託",
        "平成 29年度\t県の協議の場として推進会議を設置",
        "平成 30年度\t地域包括ケアシステム構築推進事業を開始",
        "\t県推進会議を「青森県地域包括ケアシステム推進会議」に改組し、介護・住まい分野の委員を加えた",
        "令和元年度\t「精神障害にも対応した地域包括ケアシステム構築推進事業」を開始し、地域移行と地域定着の部会を審議会に設置",
        "\t4 厚生センター圏域で圏域会議を立ち上げ",
    ]


def test_an_entry_alone_between_blank_lines_is_a_row_of_the_date_centred_among_its_entries():
    text = _HISTORY_HEADER + (
        "平成 27 年\n"
        "        長期入院者の地域移行に向けた病院訪問を本格実施            地域移行推進員\n"
        "度\n"
        "\n"
        "         地域包括ケアシステム構築推進事業を開始\n"
        "\n"
        "平成 30 年 県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付\n"
        "度       けた\n"
        "\n"
        "         9 圏域すべてで保健所圏域会議を立ち上げ\n"
        "\f 4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
    )
    assert _rows_written(text) == [
        "年度\t経過\t委託",
        "平成 27 年度\t長期入院者の地域移行に向けた病院訪問を本格実施\t地域移行推進員",
        "平成 30 年度\t地域包括ケアシステム構築推進事業を開始",
        "\t県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付けた\t",
        "\t9 圏域すべてで保健所圏域会議を立ち上げ\t",
        "\f 4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
    ]


def test_a_schedules_item_that_fills_its_column_and_its_actions_one_space_after_it_are_two_cells():
    text = (
        "時期(月)     実施する項目       実施する内容\n"
        "\n"
        "R5 年 6 月 第 1 回作業部会 今年度の検討テーマの確認\n"
        "\n"
        "R5 年 10\n"
        "          合同事例検討会 病院と地域の支援者の事例検討\n"
        "月\n"
        "\n"
        "2024 年 2 月 第 2 回地域移行推進会議 成果の報告と次年度の方針"
    )
    assert _rows_written(text) == [
        "時期(月)\t実施する項目\t実施する内容",
        "R5 年 6 月\t第 1 回作業部会\t今年度の検討テーマの確認",
        "R5 年 10月\t合同事例検討会\t病院と地域の支援者の事例検討",
        "2024 年 2 月\t第 2 回地域移行推進会議\t成果の報告と次年度の方針",
    ]


def test_a_first_rows_role_label_run_on_after_its_policy_takes_the_column_of_the_tables_other_labels():
    # a LibreOffice PDF's issues table: the first row's issue and policy wrapped beside `行政`, which
    # stands one space after the policy's line; no label of that row stands after a gap, the later
    # rows' labels (医療, 福祉, その他…) show where the column is
    text = "\n".join(
        [
            "           課題                  課題解決に向けた取組方針           課題・方針に対する役割(取組)",
            "",
            "精神障害のある方が民間賃貸住宅を借り ① 不動産事業者向けの説明会を継続して開催"
            "                    ① 説明会の開催 ②",
            "る際、保証人や身元保証人がないことを する。 ②入居後の相談先を記載した「あんし"
            "                    「あんしん連絡カー",
            "理由に断られることが多い。また、入居 ん連絡カード」を作成し、大家と入居者の双 行政"
            "                  ド」の作成、配布 ③",
            "後に困りごとが起きた時の相談先が大家 方に配布する。 ③居住支援団体と連携し、身"
            "                    居住支援協議会での",
            "に知られていない。          元保証人の代行の仕組みを検討する。                        協議",
            "",
            "                                                      医療    入居者の病状が悪化",
            "                                                       した際の相談対応",
            "",
            "                                                       ① 入居前の物件見学",
            "                                                福祉     への同行 ②入居後の",
            "                                                       定期的な訪問",
            "",
            "                                                その他    不動産事業者団体に",
            "                                                関係機    よる会員への周知、",
            "                                                関・住    居住支援団体による",
            "                                                民等     身元保証人の代行",
        ]
    )
    lines = _written(text)
    assert [line for line in lines if line is not None][:2] == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)",
        "精神障害のある方が民間賃貸住宅を借りる際、保証人や身元保証人がないことを理由に断られることが多い。"
        "また、入居後に困りごとが起きた時の相談先が大家に知られていない。\t"
        "① 不動産事業者向けの説明会を継続して開催する。 ②入居後の相談先を記載した「あんしん連絡カード」を作成し、"
        "大家と入居者の双方に配布する。 ③居住支援団体と連携し、身元保証人の代行の仕組みを検討する。\t"
        "行政\t① 説明会の開催 ②「あんしん連絡カード」の作成、配布 ③居住支援協議会での協議",
    ]


def test_an_issues_column_one_space_after_a_line_with_a_number_lines_up_past_the_renderers_gaps():
    # a LibreOffice PDF's issues table: the issue's first line holds `7` between the renderer's gaps,
    # which push the rest of the line two places right, so the policy's column, one space after the
    # issue's lines, shares no blank position with the lines below until the gaps are closed
    text = "\n".join(
        [
            "            課題                   課題解決に向けた取組方針        課題・方針に対する役割(取組)",
            "",
            "長期入院者の割合が 7 割を超えており、特 ① 地域移行出張相談を全病院へ拡大す"
            "                ① 出張相談の日程調整と",
            "に他市区町村から入院している方の退院先 る ②出身市区町村の相談窓口と病院を 行政"
            "               記録の集約 ②他市区町村",
            "の調整が難しい。また、入院が長期化した つなぐ連絡票を作成する ③ピアサポー"
            "                  への連絡票の送付",
            "方ほど退院への不安が強く、本人の意欲を ターが病院訪問に同行する機会を増や",
            "                                         医療             ① 病棟での説明会の開催",
            "引き出すまでに時間がかかる         す",
            "                                                        ②退院支援委員会への地",
            "                                                         域援助事業者の招へい",
            "",
            "                                                         地域移行支援の実施、体",
            "                                                   福祉",
            "                                                         験利用の受入れ",
        ]
    )
    lines = _written(text)
    assert [line for line in lines if line is not None][1:3] == [
        "長期入院者の割合が 7 割を超えており、特に他市区町村から入院している方の退院先の調整が難しい。"
        "また、入院が長期化した方ほど退院への不安が強く、本人の意欲を引き出すまでに時間がかかる\t"
        "① 地域移行出張相談を全病院へ拡大する ②出身市区町村の相談窓口と病院をつなぐ連絡票を作成する "
        "③ピアサポーターが病院訪問に同行する機会を増やす\t"
        "行政\t① 出張相談の日程調整と記録の集約 ②他市区町村への連絡票の送付",
        "\t\t医療\t<ul><li>① 病棟での説明会の開催</li><li>②退院支援委員会への地域援助事業者の招へい</li></ul>",
    ]


def test_the_renderers_gaps_round_a_number_are_closed_up_to_the_next_column():
    assert (
        centred_cells.gaps_closed("割合が 7 割を超え、特 ① 地域    ① 出張") == "割合が7割を超え、特 ① 地域      ① 出張"
    )
    assert centred_cells.gaps_closed("病院を 行政   記録") == "病院を 行政   記録"


def test_a_roles_row_right_below_the_row_above_with_no_blank_line_between_is_a_row_of_its_own():
    # a LibreOffice PDF's issues table (Word's drawn bullets folded to `・`): `福祉`'s action, wrapped
    # round its label and further left than `医療`'s list, follows the policy's last line with no blank
    # line between; the row above ended there, and the table with it
    text = "\n".join(
        [
            "      課題                課題解決に向けた取組方針            課題・方針に対する役割(取組)",
            "",
            "                                                        ・   ・病院訪問の調整",
            "                                                        ・   ・長期入院者の状",
            "                                           行政",
            "                                                            況の集計と共有",
            "",
            "",
            "                   ・   ・病院ごとに長期入院者の状況を把握                ・   ・院内プログラム",
            "                       し、区の連絡会と共有する                         の実施",
            "1 年以上の長期入院者への地     ・   ・ピアサポーターの病院訪問を定例化"
            "                ・   ・退院支援委員会",
            "                                           医療",
            "域移行の働きかけが進んでい          する                                   への地域支援者の",
            "ない                 ・   ・退院意欲を引き出す院内プログラム                    参加受入れ",
            "                       を病院と共同で実施する",
            "                                                   地域移行支援の積極的な受",
            "                                           福祉",
            "                                                   託",
            "",
            "                                           その他関",
            "                                           係機関・    ピアサポーターの病院訪問",
            "                                           住民等",
        ]
    )
    lines = _written(text)
    assert [line for line in lines if line is not None][2:] == [
        "\t\t医療\t<ul><li>・院内プログラムの実施</li><li>・退院支援委員会への地域支援者の参加受入れ</li></ul>",
        "\t\t福祉\t地域移行支援の積極的な受託",
        "\t\tその他関係機関・住民等\tピアサポーターの病院訪問",
    ]


def test_an_entry_that_left_room_for_the_next_lines_first_character_ends_there():
    # core-morioka-fy2024's history as `pdftotext -layout` reads its LibreOffice PDF: the year's two
    # events beside its two lines, the first a character short of the column's widest line
    text = _HISTORY_HEADER + (
        "                                                     市内精神科病院（1 か\n"
        "         精神障害者アウトリーチ支援事業を開始\n"
        "2015 年                                               所）\n"
        "度        未治療・治療中断者への訪問支援を開始し、多職種チームによるケース会議を毎\n"
        "         月開催\n"
        "\n"
        "2017 年\n"
        "         ピアサポーター養成講座を開始                              岩手県精神保健福祉協会\n"
        "度\n"
        "\n"
        "2023 年   国の構築支援事業を活用し、アドバイザーの助言を得て取組の評価方法を検討\n"
        "度        自立支援協議会との役割分担を整理"
    )
    assert _rows_written(text)[2:] == [
        "\t未治療・治療中断者への訪問支援を開始し、多職種チームによるケース会議を毎月開催\t",
        "2017 年度\tピアサポーター養成講座を開始\t岩手県精神保健福祉協会",
        "2023 年度\t国の構築支援事業を活用し、アドバイザーの助言を得て取組の評価方法を検討",
        "\t自立支援協議会との役割分担を整理",
    ]


def test_a_years_bulleted_lines_are_one_list_their_wrapped_rests_kept_with_their_items():
    # ward-toshima-fy2024's and pref-kochi-fy2023's history as `pdftotext -layout` reads their LibreOffice
    # PDFs: an item set in past its (drawn) bullet fills the column short of its widest line, and its
    # wrapped rest and the next item are the same cell, as is the commission wrapped beside them
    text = _HISTORY_HEADER + (
        "          精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "令和 2 年度\n"
        "          連絡会を協議の場として位置づける\n"
        "\n"
        "            ・   ・社会福祉協議会の CSW と連携し、区民ひろばでの「こころのカフェ」\n"
        "                を試行                                         豊島区民社会福祉協議\n"
        "令和 5 年度\n"
        "            ・   ・居住支援協議会に精神障害者の住まい部会を設置                     会\n"
        "\n"
        "              ・構築支援事業に参加し、広域アドバイザー・都道府県等密着アド\n"
        "               バイザーによる支援を受ける\n"
        "令和 3 年        ・「高知県措置入院者退院後支援の手引き」を作成\n"
        "度             ・コロナ禍によりピアサポーターの病院訪問を中止し、オンライン\n"
        "               面会で代替\n"
    )
    assert _rows_written(text)[1:] == [
        "令和 2 年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始",
        "\t連絡会を協議の場として位置づける",
        "令和 5 年度\t<ul><li>・社会福祉協議会の CSW と連携し、区民ひろばでの「こころのカフェ」を試行</li>"
        "<li>・居住支援協議会に精神障害者の住まい部会を設置</li></ul>\t豊島区民社会福祉協議会",
        "令和 3 年度\t<ul><li>・構築支援事業に参加し、広域アドバイザー・都道府県等密着アドバイザー"
        "による支援を受ける</li>"
        "<li>・「高知県措置入院者退院後支援の手引き」を作成</li>"
        "<li>・コロナ禍によりピアサポーターの病院訪問を中止し、オンライン面会で代替</li></ul>",
    ]
