"""The indicator tables whose header cells stand apart around their rows (plain pdftotext of a
LibreOffice PDF)."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet.parsing.forms import indicator_boxes

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n課題\n"  # a LibreOffice PDF's text, a table's header cell alone on its line

SCATTERED = (
    SIGNAL + "民生委員による見守り\n\n現状値 (今年度当\n初)\n\n目標値 (令和5年度\n末)\n\n"
    "① 入院中からの退院支援の開始件数\n\n17件\n\n25件\n\n区外病院からの退院促進\n\n"
    "② 地域包括支援センターとの合同事例検\n討会\n\n年1回\n\n年4回\n\n高齢の家族を含めた世帯全体への支\n援\n\n"
    "課題解決の達成度を測る指標\n\n見込んでいる成果・効果\n\n※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。"
)


def test_header_cells_before_and_after_the_rows_make_one_header():
    lines = apply_form(indicator_boxes, SCATTERED)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(令和5年度末)\t見込んでいる成果・効果",
        "① 入院中からの退院支援の開始件数\t17件\t25件\t区外病院からの退院促進",
        "② 地域包括支援センターとの合同事例検討会\t年1回\t年4回\t高齢の家族を含めた世帯全体への支援",
    ]
    assert lines.index(rows[0]) == SCATTERED.split("\n").index("現状値 (今年度当")
    assert lines[2] == "民生委員による見守り"  # the text above stays
    assert lines[-1].startswith("※指標設定")


def test_an_indicator_s_first_value_after_its_name_on_one_line():
    text = SCATTERED.replace("① 入院中からの退院支援の開始件数\n\n17件", "① 入院中からの退院支援の開始件数 17件")
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[1] == "① 入院中からの退院支援の開始件数\t17件\t25件\t区外病院からの退院促進"


def test_a_row_s_first_value_written_after_its_effects_goes_back_before_the_other():
    # `③ ピアサポーター登録者数` `60 人` `当事者参画の拡大` `48 人`: the value beside the name, written last
    cells = "年1回\n\n年4回\n\n高齢の家族を含めた世帯全体への支\n援"
    text = SCATTERED.replace(cells, "年4回\n\n高齢の家族を含めた世帯全体への支\n援\n\n年1回")
    state = form_state(indicator_boxes, text)
    rows = [ln for ln in state.lines if ln and "\t" in ln]
    assert rows[2] == "② 地域包括支援センターとの合同事例検討会\t年1回\t年4回\t高齢の家族を含めた世帯全体への支援"
    assert state.notes == []


def test_a_late_first_value_after_an_effects_sentence_too():
    # section 4's `② ピアサポーターの養成` `12 名` `…増えた。` `15 名`: the target (the first value) written last
    cells = "年1回\n\n年4回\n\n高齢の家族を含めた世帯全体への支\n援"
    text = SCATTERED.replace(cells, "年4回\n\n支援が進んだ。\n\n年1回")
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[2] == "② 地域包括支援センターとの合同事例検討会\t年1回\t年4回\t支援が進んだ。"


def test_an_effect_before_both_values_keeps_the_row_s_cells_as_text():
    cells = "年1回\n\n年4回\n\n高齢の家族を含めた世帯全体への支\n援"
    text = SCATTERED.replace(cells, "支援が進んだ。\n\n年1回\n\n年4回")
    state = form_state(indicator_boxes, text)
    rows = [ln for ln in state.lines if ln and "\t" in ln]
    assert rows[1] == "① 入院中からの退院支援の開始件数\t17件\t25件\t区外病院からの退院促進"
    assert rows[2] == "② 地域包括支援センターとの合同事例検討会\t\t\t"  # its name read, no cell guessed
    kept = state.lines.index("支援が進んだ。 年1回 年4回")  # below the table, with a warning
    assert kept > state.lines.index(rows[2])
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]


def test_a_table_whose_every_row_came_in_no_order_is_left_alone():
    text = SCATTERED.replace("17件\n\n25件\n\n区外病院からの退院促進", "区外病院からの退院促進。\n\n17件\n\n25件")
    text = text.replace("年1回\n\n年4回", "支援が進んだ。\n\n年1回\n\n年4回")
    assert apply_form(indicator_boxes, text) == text.split("\n")


def test_a_box_that_is_no_row_s_leaves_the_table():
    text = SCATTERED.replace("現状値 (今年度当\n初)\n\n", "現状値 (今年度当\n初)\n\n年11人\n\n")
    assert apply_form(indicator_boxes, text) == text.split("\n")


def test_the_samples_form_and_other_texts_are_left_alone():
    for path in (SAMPLES / "kashiwa-r6.txt", CONVERTERS / "kawaguchi-r5--pdftotext.txt"):
        text = path.read_text(encoding="utf-8")
        assert form_state(indicator_boxes, text).lines == text.split("\n")


def _without_lines(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k != "line"} for row in rows]


def test_a_libreoffice_pdf_s_indicators_read_by_pdftotext(parsed):
    from nikosheet import parse_file_data

    want = parsed("ward-nerima-fy2023.txt")["strengths_and_issues"]
    got = parse_file_data(CONVERTERS / "ward-nerima-fy2023--lopdf-pdftotext.txt")["strengths_and_issues"]
    assert _without_lines(got["indicators"]) == _without_lines(want["indicators"])
    assert got["current_as_of"] == want["current_as_of"]


def test_header_cells_side_by_side_on_their_first_line():
    # three cells' first lines on one printed line, each cell going on in a line of its own below
    header = "課題解決の達成度 目標値 (R5 年 実績値 (R5 年\nを測る指標\n度当初)\n度末)\n\n具体的な成果・効果\n\n"
    body = "① 市町における協\n議の場の設置\n\n30 市町\n\n27 市町\n\n・未設置の市町へアドバイザーを派遣した。\n"
    text = SIGNAL + header + body
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果",
        "① 市町における協議の場の設置\t30 市町\t27 市町\t・未設置の市町へアドバイザーを派遣した。",
    ]


def test_a_libreoffice_pdf_s_outcomes_with_a_header_of_side_by_side_cells(parsed):
    from nikosheet import parse_file_data

    want = parsed("pref-fy2024.txt")["outcomes"]
    got = parse_file_data(CONVERTERS / "pref-fy2024--lopdf-pdftotext.txt")["outcomes"]
    # (the third's two values a cell, `研修会3回` `受講者200人`, wrapped as one: read as one value)
    assert _without_lines(got["indicators"][:2]) == _without_lines(want["indicators"][:2])
    assert [i["name"] for i in got["indicators"]] == [i["name"] for i in want["indicators"]]


def test_a_value_centred_between_its_name_s_two_lines():
    # `② 市町村の協議の場の設` `48 市町村` `置数`: the one-line value on the line between the name's two
    text = SCATTERED.replace(
        "② 地域包括支援センターとの合同事例検\n討会\n\n年1回", "② 地域包括支援センターとの合同事例検\n年1回\n討会"
    )
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[2] == "② 地域包括支援センターとの合同事例検討会\t年1回\t年4回\t高齢の家族を含めた世帯全体への支援"


def test_a_wrapped_value_woven_with_its_name_s_lines():
    # `① 措置入院者の` `対象者全` `退院後支援計画` `員` `の作成`: a two-line value centred beside a
    # three-line name, each of its lines between two of the name's
    text = SCATTERED.replace(
        "① 入院中からの退院支援の開始件数\n\n17件\n\n25件",
        "① 措置入院者の\n対象者全\n退院後支援計画\n員\nの作成\n\n対象者\n23人中\n19人",
    )
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[1] == "① 措置入院者の退院後支援計画の作成\t対象者全員\t対象者23人中19人\t区外病院からの退院促進"
    assert rows[2].startswith("② 地域包括支援センターとの合同事例検討会\t年1回")
    # every line as wide as the column: a long name, no value woven in (the row lacks a value: not rebuilt)
    text = SCATTERED.replace(
        "① 入院中からの退院支援の開始件数\n\n17件\n\n25件",
        "① 措置入院者の\n退院後支援計画\n作成及び支援の\n実施状況の確認\nの割合\n\n対象者全員",
    )
    assert apply_form(indicator_boxes, text) == text.split("\n")


# the issues' last role's word and the header's first cell in one box, the role's cell after it, then
# the header's other cells; the last row the sheet left empty, its number alone
STRAY = SIGNAL + "\n\n".join(
    (
        "その他関係機関\n・住民等\n課題解決の達成度を測る指\n標",
        "民生委員の参加",
        "目標値 (今年度 見込んでいる成果・\n末)\n効果",
        "現状値 (今年度当初)",
        "① 地域移行支援の利用者\n数\n\n年 12 人\n\n年 15 人\n\n長期入院者の退院促\n進",
        "② ピアサポーターの病院\n訪問回数\n\n年 20 回\n\n○○\n\n入院者の退院意欲の\n喚起",
        "③",
        "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。",
    )
)


def test_the_table_above_s_last_cell_between_the_header_s_boxes_stays_above():
    lines = apply_form(indicator_boxes, STRAY)
    header, *rows = (ln.split("\t") for ln in lines if ln and "\t" in ln)
    assert header[1:3] == ["現状値(今年度当初)", "目標値(今年度末)"]
    assert [row[0] for row in rows] == ["① 地域移行支援の利用者数", "② ピアサポーターの病院訪問回数", "③"]
    assert rows[1][1:] == ["年 20 回", "○○", "入院者の退院意欲の喚起"] and rows[2][1:] == ["", "", ""]
    stray = lines.index("民生委員の参加")
    assert lines[stray - 5 : stray] == ["その他関係機関", "・住民等", None, None, ""]
    assert stray < lines.index("\t".join(header))


def test_the_issues_last_cell_stays_the_issues(parsed):
    doc = parsed(CONVERTERS / "ward-numberalone-fy2024--lopdf-pdftotext.txt")["strengths_and_issues"]
    assert doc["issues"][1]["roles"]["others"] == ["民生委員の参加"]
    assert [i["name"] for i in doc["indicators"]] == ["地域移行支援の利用者数", "ピアサポーターの病院訪問回数"]


def test_the_header_s_last_cell_and_the_row_s_cell_below_it_in_one_box():
    # `見込んでいる成果・効果` over `市町村単位の支援体制が整う`: the header's, then the row's effects
    text = SIGNAL + "\n\n".join(
        (
            "課題解決の達成度を測る指標 現状値 (今年度当初)",
            "目標値 (令和 5 年度\n末)",
            "① 市町村の協議の場の設置数 18 市町村",
            "25 市町村",
            "見込んでいる成果・効果\n市町村単位の支援体制が整う",
            "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況",
        )
    )
    rows = [ln.split("\t") for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[0][3] == "見込んでいる成果・効果"
    assert rows[1] == ["① 市町村の協議の場の設置数", "18 市町村", "25 市町村", "市町村単位の支援体制が整う"]


# the first row's name written after the other rows with the header's first cell, a later row's
# one-line value after it (LibreOffice centres both in their column)
FIRST_LATE = SIGNAL + "\n\n".join(
    (
        "民生委員による見守り",
        "現状値 (今年度当\n初)",
        "目標値 (今年度\n末)",
        "年 11 人",
        "年 15 人",
        "長期入院者の退院促進",
        "② 地域包括支援センターとの合同事例\n未実施\n検討会",
        "年3回",
        "障害福祉と介護の相互理解",
        "③ 社会資源マップの作成",
        "作成・配布",
        "退院支援で住まい・日中活動の情報を活用\nできる",
        "課題解決の達成度を測る指標\n① 地域移行支援の新規利用者数",
        "なし",
        "見込んでいる成果・効果",
        "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況",
    )
)


def test_the_first_row_s_name_after_the_other_rows_takes_the_cells_before_them():
    lines = apply_form(indicator_boxes, FIRST_LATE)
    rows = [ln.split("\t") for ln in lines if ln and "\t" in ln]
    assert rows[1] == ["① 地域移行支援の新規利用者数", "年 11 人", "年 15 人", "長期入院者の退院促進"]
    assert rows[2] == ["② 地域包括支援センターとの合同事例検討会", "未実施", "年3回", "障害福祉と介護の相互理解"]
    # the value after the late name is the first value of the row that lacks one (the one beside its name)
    assert rows[3] == ["③ 社会資源マップの作成", "なし", "作成・配布", "退院支援で住まい・日中活動の情報を活用できる"]


def test_a_late_value_that_fits_no_row_leaves_the_table():
    # every row has both its values: which row the late one is of is not told
    text = FIRST_LATE.replace("③ 社会資源マップの作成", "③ 社会資源マップの作成\n\n未作成")
    assert apply_form(indicator_boxes, text) == text.split("\n")


def test_a_late_name_that_is_not_the_first_leaves_the_table():
    text = FIRST_LATE.replace("① 地域移行支援の新規利用者数", "④ 地域移行支援の新規利用者数")
    assert apply_form(indicator_boxes, text) == text.split("\n")


# kashiwa-r6's text: row ③ holds the template's guidance, the header's first cells after it
GUIDANCE_ROW = (
    SIGNAL + "研修会, 会議等の\n参加, 講師等協力\n\n目標値 (今\n年度末)\n\n見込んでいる成果・効果\n\n"
    "② 地域支援者連携に向けた研\n修会の開催\n\n年1回\n\n年1回\n\n支援者間の連携強化\n\n③\n\n"
    "※指標設定が困難な場合は, 代替指\n標や定性的な文言でも構いませ\nん。\n\n"
    "課題解決の達成度を測る指標\n\n現状値 (今年度当初)\n\n"
    "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
)


def test_a_row_that_holds_the_template_s_guidance_keeps_the_table_going():
    rows = [ln for ln in apply_form(indicator_boxes, GUIDANCE_ROW) if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(今年度末)\t見込んでいる成果・効果",
        "② 地域支援者連携に向けた研修会の開催\t年1回\t年1回\t支援者間の連携強化",
        "③\t※指標設定が困難な場合は, 代替指標や定性的な文言でも構いません。\t\t",
    ]


def test_a_row_in_no_order_whose_two_values_are_one_text_is_read():
    # `年2回` `…深まった。` `年2回`: which value is the target cannot be told, and need not be
    cells = "年1回\n\n年4回\n\n高齢の家族を含めた世帯全体への支\n援"
    state = form_state(indicator_boxes, SCATTERED.replace(cells, "年2回\n\n支援が進んだ。\n\n年2回"))
    assert "② 地域包括支援センターとの合同事例検討会\t年2回\t年2回\t支援が進んだ。" in state.lines
    assert state.notes == []


# a ward's outcomes: the first row's name after the others, the last row's target and effects after its
# name (its actual left empty), so no row takes them
LAST_ROW_LATE = (
    SIGNAL + "<昨年度までの成果・効果>\n目標値 (令和5年度当\n初)\n\n実績値 (令和5年度\n末)\n\n年6回\n\n年5回\n\n"
    "地域包括支援センターの参加が定着し\nた。\n\n② ピアサポーター活動の場の開\n1 か所\n設\n\n1 か所\n\n"
    "当事者が週2回集まる場ができた。\n\n課題解決の達成度を測る指標\n① 連絡会の開催\n\n③ 区民向け講演会の参加者数\n\n"
    "100人\n\n具体的な成果・効果\n\n講演会は令和6年度に延期した。\n\n"
    "５ 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
)


def test_the_cells_after_a_late_first_name_kept_with_the_row_they_follow():
    state = form_state(indicator_boxes, LAST_ROW_LATE)
    rows = [ln.split("\t") for ln in state.lines if ln and "\t" in ln]
    assert rows[1:] == [
        ["① 連絡会の開催", "年6回", "年5回", "地域包括支援センターの参加が定着した。"],
        ["② ピアサポーター活動の場の開設", "1 か所", "1 か所", "当事者が週2回集まる場ができた。"],
        ["③ 区民向け講演会の参加者数", "", "", ""],  # its cells (the actual left empty) cannot be told
    ]
    assert "100人 講演会は令和6年度に延期した。" in state.lines
    assert [message.split(":")[0] for _, _, message in state.notes] == ["indicator '③ 区民向け講演会の参加者数'"]


# a prefecture's planned indicators over a page break: the header's one-line cells after the second row,
# the rest of its effects at the next page's top, in one box with the third row's name
PAGE_CUT = (
    SIGNAL + "現状値 (今年\n度当初)\n\n目標値 (令和 5\n年度末)\n\n"
    "① 地域移行支援の利用者数\n\n58 人\n\n70 人\n\n長期入院者の退院が進み、1 年以上入院者数が\n減少する\n\n"
    "② 市町村の協議の場の設置数\n\n15 市町村\n\n19 市町村\n\n市町村単位で個別事例から課題を抽出できる体\n\n"
    "課題解決の達成度を測る指標\n\n見込んでいる成果・効果\n\n"
    "\f制ができる\n③ アウトリーチ支援の対象者数\n\n12 人\n\n30 人\n\n中山間地域で退院後の生活が継続できる\n\n"
    "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。"
)


def test_the_rest_of_a_row_s_effects_a_page_cut_goes_on_its_effects():
    rows = [line for line in apply_form(indicator_boxes, PAGE_CUT) if line and "\t" in line]
    assert rows[2:] == [
        "② 市町村の協議の場の設置数\t15 市町村\t19 市町村\t市町村単位で個別事例から課題を抽出できる体制ができる",
        "③ アウトリーチ支援の対象者数\t12 人\t30 人\t中山間地域で退院後の生活が継続できる",
    ]


AMID = (
    SIGNAL + "地域住民の精神疾患への理解が進んで\nおらず、孤立する事例がある\n\n課題解決の達成度を測る指標\n\n"
    "行政\n\n講座の企画と講師の調整\n\n医療\n\n精神科医による講話\n\nその他関\n係機関・\n住民等\n\n"
    "現状値 (今年度当初) 目標値 (今年度末)\n\n・公民館での講座\nの開催\n\n見込んでいる成果・効果\n\n"
    "① こころの見守り講座の開催校下数 3 校下\n\n8 校下\n\n住民の理解が進み、早期の相談が増える\n\n"
    "② 自立支援協議会精神保健部会\n\nなし\n\n設置\n\n地域課題を施策につなげる経路ができる\n\n"
    "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
)


def test_the_issues_last_cells_among_the_header_s_boxes_stay_above_the_table():
    # LibreOffice centres the issues' last record beside the indicators' header: pdftotext writes the
    # record's last roles and actions between the header's first cell and its last
    lines = apply_form(indicator_boxes, AMID)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(今年度末)\t見込んでいる成果・効果",
        "① こころの見守り講座の開催校下数\t3 校下\t8 校下\t住民の理解が進み、早期の相談が増える",
        "② 自立支援協議会精神保健部会\tなし\t設置\t地域課題を施策につなげる経路ができる",
    ]
    header = lines.index(rows[0])
    for text in ("講座の企画と講師の調整", "その他関", "住民等", "・公民館での講座", "の開催"):
        assert lines.index(text) < header  # the table above's, above the header
    assert "課題解決の達成度を測る指標" not in lines


def test_a_value_among_the_header_s_boxes_is_not_taken_for_the_issues_text():
    # `12 校下` between the header's cells is a value (a row's, whichever), never an issue's action: the
    # table is left for the readers after, which say what they cannot read, rather than the value moved
    # into the issues' table above
    lines = apply_form(indicator_boxes, AMID.replace("・公民館での講座\nの開催\n\n", "12 校下\n\n"))
    assert not any(ln and "\t" in ln for ln in lines)
    assert lines.index("12 校下") > lines.index("現状値 (今年度当初) 目標値 (今年度末)")


def test_a_last_cell_above_and_the_header_s_last_cell_in_one_box():
    text = AMID.replace("の開催\n\n見込んでいる成果・効果", "の開催\n見込んでいる成果・効果")
    lines = apply_form(indicator_boxes, text)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows[0] == "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(今年度末)\t見込んでいる成果・効果"
    assert lines.index("の開催") < lines.index(rows[0])


def test_the_first_name_alone_after_the_other_rows_takes_the_cells_before_them():
    # `1,969 人` `1,880 人` `…暮らし始める` `② …` … `③ …` then `① 1 年以上の長期入院者数` alone at the end;
    # a value the sheet left as a dash stands amid a name's wrapped lines (`③ 夜間・休日相談窓口の利` `－` `用件数`)
    text = (
        SIGNAL + "課題解決の達成度を測る指 現状値 (今年度当 目標値 (今年度\n標\n初)\n末)\n\n福祉\n\n"
        "地域定着支援利用者への窓口\nの案内\n\n見込んでいる成果・効果\n\n1,969 人\n\n1,880 人\n\n"
        "退院意欲のある長期入院者が住まいと支援を得て地域で\n暮らし始める\n\n"
        "② 市町村の協議の場の設置\n13 市町村\n数\n\n15 市町村\n\n全市町村で地域課題を話し合う場ができる\n\n"
        "③ 夜間・休日相談窓口の利\n－\n用件数\n\n年 600 件\n\n救急受診の前に相談につながる\n\n"
        "①1 年以上の長期入院者数\n\n6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
    )
    rows = [ln for ln in apply_form(indicator_boxes, text) if ln and "\t" in ln]
    assert rows[1:] == [
        "①1 年以上の長期入院者数\t1,969 人\t1,880 人\t退院意欲のある長期入院者が住まいと支援を得て地域で暮らし始める",
        "② 市町村の協議の場の設置数\t13 市町村\t15 市町村\t全市町村で地域課題を話し合う場ができる",
        "③ 夜間・休日相談窓口の利用件数\t－\t年 600 件\t救急受診の前に相談につながる",
    ]


# the planned indicators of a ward's sheet (plain pdftotext of its LibreOffice PDF): the header's first cell and
# the guidance under the table come before its last cell, and that cell's column follows it, the rows' effects
# that the rows lack, in order; a target and an effect wrapped side by side share a box (autospace took the
# space pdftotext put between `年` and `2`)
LATE_COLUMN = (
    SIGNAL + "関・住\n民等\n\n現状値 (今年度当\n初)\n\n目標値 (令和 5 年度\n末)\n\n"
    "① 訪問支援から受診につながった人数\n\n27 人\n\n35 人\n\n"
    "② 地域包括支援センターとの合同事例検\n討会\n\n年1回\n\n"
    "各保健センター年2 高齢の親と暮らす世帯への早期の支\n回\n援\n\n"
    "③ 精神科医の事例検討会の開催\n\n年4回\n\n年6回\n\n課題解決の達成度を測る指標\n\n"
    "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。\n\n"
    "見込んでいる成果・効果\n未治療・医療中断者の早期の治療開\n始\n\n担当者の抱え込みの防止\n\n"
    "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
)


def test_the_effects_written_after_the_header_s_last_cell_go_to_the_rows_that_lack_them():
    lines = apply_form(indicator_boxes, LATE_COLUMN)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(令和5年度末)\t見込んでいる成果・効果",
        "① 訪問支援から受診につながった人数\t27 人\t35 人\t未治療・医療中断者の早期の治療開始",
        "② 地域包括支援センターとの合同事例検討会\t年1回\t各保健センター年2回\t高齢の親と暮らす世帯への早期の支援",
        "③ 精神科医の事例検討会の開催\t年4回\t年6回\t担当者の抱え込みの防止",
    ]
    guidance = lines.index("※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。")  # kept, below the rows
    assert guidance > lines.index(rows[-1])


def test_late_effects_that_fit_no_row_leave_the_table():
    # three boxes after the header's last cell for the two rows that lack their effects: which is whose is
    # not told, and the guidance among the header's boxes is then no table's (the readers after warn)
    text = LATE_COLUMN.replace("担当者の抱え込みの防止\n\n", "担当者の抱え込みの防止\n\n家族の負担の軽減\n\n")
    assert not any(ln and "\t" in ln for ln in apply_form(indicator_boxes, text))
