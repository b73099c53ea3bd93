"""Section 1 written one cell per line: the 基本情報 table rebuilt, its captions set apart."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import FormState, cell_lines_statistics, rewrite, statistics_rows
from nikosheet.sources.text import read_bytes

CONVERTERS = FIXTURES / "converters"


def _apply(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    cell_lines_statistics.apply(state)
    return state.lines


CELL_PER_LINE = """1
県、指定都市、中核市、特別区の基礎情報

川口市
川口市マスコットきゅぼらん
取組内容
「協議の場」の開催
→地域課題の抽出
「連携票」の運用
基本情報（都道府県等情報）
障害保健福祉圏域数（R5年4月時点）

1

か所

人口（R5年4月時点）

604,894

人

合計

344

人

3か月未満 （％：構成割
合）

92 26.7

人％

入院精神障害者数 （R2年6月時点） ※630調査

保健所数（R5年4月時点）

うち65歳未満 67

人

1

か所

2

精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"""


def test_rows_are_rebuilt_in_the_templates_order():
    out = [ln for ln in _apply(CELL_PER_LINE) if ln]
    assert "障害保健福祉圏域数（R5年4月時点）\t1\tか所" in out
    assert "人口（R5年4月時点）\t604,894\t人" in out
    assert "入院精神障害者数 （R2年6月時点） ※630調査\t合計\t344\t人" in out
    assert "\t3か月未満 （％：構成割合）\t92 26.7\t人％" in out
    assert "\tうち65歳未満\t67\t人" in out
    assert "保健所数（R5年4月時点）\t1\tか所" in out
    assert out[-2:] == ["2", "精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"]


def test_captions_and_items_are_set_apart():
    out = _apply(CELL_PER_LINE)
    assert out[3:10] == [
        "# 川口市",
        "川口市マスコットきゅぼらん",
        "## 取組内容",
        "- 「協議の場」の開催",
        "→地域課題の抽出",
        "- 「連携票」の運用",
        "## 基本情報（都道府県等情報）",
    ]


def test_an_arrow_line_after_a_blank_line_goes_on_in_its_item(parsed):
    # pdfminer: a blank line between the item and its `→` line (its own box); the samples' form reads
    # the two as one item
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["basic_info"]["initiatives"]
    got = parse_file_data(CONVERTERS / "kawaguchi-r5--pdfminer.txt")["basic_info"]["initiatives"]
    assert [" ".join(item.split()) for item in got] == [" ".join(item.split()) for item in want]
    assert got[0].endswith("の開催 →地域課題の抽出、解決に向けた方策の検討")


def test_arrow_lines_keep_their_order_with_or_without_a_blank_line():
    text = CELL_PER_LINE.replace("→地域課題の抽出\n", "→地域課題の抽出\n→作業部会の設置\n")
    assert _apply(text)[6:10] == ["- 「協議の場」の開催", "→地域課題の抽出", "→作業部会の設置", "- 「連携票」の運用"]
    apart = CELL_PER_LINE.replace("→地域課題の抽出\n", "\n→地域課題の抽出\n→作業部会の設置\n")
    assert _apply(apart)[6] == "- 「協議の場」の開催 →地域課題の抽出 →作業部会の設置"


def test_a_note_alone_below_a_label_in_a_column_of_labels_is_the_label_s():
    # pdfminer: the labels' column, the inpatients' note in a box of its own below its label, then the
    # values: the note is no row of its own, and the first values stay with the first rows
    text = (
        "基本情報（都道府県等情報）\n障害保健福祉圏域数（R5年4月時点）\n市町村数（R5年4月時点）\n"
        "人口（R5年4月時点）\n入院精神障害者数 （R4年6月時点）\n※630調査\n1\n1\n322,486\n1,480\n"
        "か所\n市町村\n人\n人\n合計\n2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
    )
    rows = [line for line in _apply(text) if line and "\t" in line]
    assert rows == [
        "障害保健福祉圏域数（R5年4月時点）\t1\tか所",
        "市町村数（R5年4月時点）\t1\t市町村",
        "人口（R5年4月時点）\t322,486\t人",
        "入院精神障害者数 （R4年6月時点） ※630調査\t合計\t1,480\t人",
    ]


def test_no_text_is_lost():
    source = CELL_PER_LINE.split("\n")
    out = _apply(CELL_PER_LINE)
    squeezed = "".join("".join(ln.split()) for ln in out if ln)
    for line in source:
        for ch in "".join(line.split()).lstrip("#-"):
            assert ch in squeezed


def test_a_value_that_fits_no_row_stays_after_the_table():
    text = CELL_PER_LINE.replace("うち65歳未満 67", "うち65歳未満 67\n\n99 床 ※不明")
    out = [ln for ln in _apply(text) if ln]
    k = out.index("99 床 ※不明")
    assert "\t" in out[k - 1] and "\t" not in "".join(out[k:])


def test_a_sheet_in_the_samples_form_is_left_alone():
    for name in ("kashiwa-r6.txt", "kawaguchi-r5.txt"):
        text = read_bytes((SAMPLES / name).read_bytes())
        state = FormState(list(text.lines), "\n".join(text.lines))
        cell_lines_statistics.apply(state)
        assert state.lines == text.lines


def test_converters_read_the_statistics():
    from nikosheet import parse_file_data

    for converter in ("pdftotext", "pdfminer", "docx2txt", "pypdf"):
        doc = parse_file_data(CONVERTERS / f"kawaguchi-r5--{converter}.txt")
        basic = doc["basic_info"]
        assert basic["name"] == "川口市"
        assert basic["population"]["value"] == 604894
        assert basic["inpatients"]["over_1_year"]["count"] == 187
        assert basic["health_centers"]["value"] == 1


def test_the_chain_keeps_line_count():
    text = read_bytes((CONVERTERS / "kashiwa-r6--pdftotext.txt").read_bytes())
    assert len(rewrite(text.lines).lines) == len(text.lines)


def test_a_sub_label_wrapped_inside_its_bracket_and_a_note_that_stops():
    # PyMuPDF: `3か月以上1年未満 (%: 構成` / `割合)`; the group's note (※630調査) takes no later line
    rows = [
        ln
        for ln in _apply(
            "障害保健福祉圏域数 (R6年4月時点)\n8\nか所\n入院精神障害者数 (R5年6月時点) ※630調査\n合計\n5,412 人\n"
            "3か月以上1年未満 (%: 構成\n割合)\n1,036 人\n19.1 %\n"
            "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による\n"
            "協議の場の設置状況 (R6年4月時点)\n"
            "都道府県\n(有) 無\n1 か所\n障害保健福祉圏域\n○有 ・無\n8 / 8 か所/\n障害圏域数"
        )
        if ln
    ]
    assert rows[1] == "入院精神障害者数 (R5年6月時点) ※630調査\t合計\t5,412 人"
    assert rows[2] == "\t3か月以上1年未満 (%: 構成割合)\t1,036 人\t19.1 %"
    assert rows[-1].endswith("\t8 / 8 か所/障害圏域数")


def test_a_share_value_on_the_line_of_a_label_left_open():
    # pdfplumber: `3か月未満 （％：構成割 92 26.7 人 ％` / `合）`
    rows = [
        ln
        for ln in _apply(
            "障害保健福祉圏域数（R5年4月時点） 1 か所\n入院精神障害者数 （R2年6月時点） 合計 344 人\n"
            "3か月未満 （％：構成割 92 26.7 人 ％\n合）\n1年以上（％：構成割合） 187 54.4 人 ％"
        )
        if ln
    ]
    assert rows[2] == "\t3か月未満 （％：構成割合）\t92 26.7 人 ％"


def test_a_date_cut_by_a_wrap_before_the_value_on_its_line():
    # pdfplumber: `障害保健福祉圏域数（R5年 1 か所` / `4月時点）`
    rows = [
        ln
        for ln in _apply(
            "障害保健福祉圏域数（R5年 1 か所\n4月時点）\n市町村数（R5年4月時点） 1 市町村\n"
            "入院精神障害者数 （R4年6 合計 402 人\n月時点） ※630調査\n3か月未満 （％：構成割合） 88 21.9 人 ％"
        )
        if ln
    ]
    assert rows[0].split("\t")[1:] == ["1 か所"]
    assert rows[0].startswith("障害保健福祉圏域数（R5年") and rows[0].split("\t")[0].endswith("4月時点）")
    assert rows[2].split("\t")[1:] == ["合計", "402 人"]
    assert rows[2].split("\t")[0].endswith("月時点） ※630調査")


def test_a_share_label_left_open_before_its_count_and_closed_before_its_share():
    # pdfplumber: `3か月以上1年未満 (%: 構成 50 人` / `割合) 14.7 %`
    rows = [
        ln
        for ln in _apply(
            "障害保健福祉圏域数（R5年4月時点） 1 か所\n入院精神障害者数 (R4年6月時点) 合計 340 人\n"
            "3か月未満 (%: 構成割合) 54 人\n15.9 %\n3か月以上1年未満 (%: 構成 50 人\n割合) 14.7 %\n"
            "1年以上 (%: 構成割合) 236 人\n69.4 %"
        )
        if ln
    ]
    assert rows[3] == "\t3か月以上1年未満 (%: 構成割合)\t50 人\t14.7 %"
    assert rows[4] == "\t1年以上 (%: 構成割合)\t236 人\t69.4 %"


def test_a_wrapped_labels_piece_and_a_level_label_on_one_line():
    # pdfplumber: the setup's label wrapped beside its levels (`…福祉関 障害保健福祉圏域 有・無`)
    text = "\n".join(
        [
            "障害保健福祉圏域数（R5年4月時点） 1 か所",
            "市町村数（R5年4月時点） 1 市町村",
            "人口（R5年4月時点） 345,130 人",
            "精神障害にも対応した地域 都道府県 有・無",
            "包括ケアシステムの構築に",
            "向けた保健・医療・福祉関 障害保健福祉圏域 有・無",
            "係者による協議の場の設置",
            "市町村 有り 1 / 1",
            "状況（R5年4月時点）",
        ]
    )
    rows = [ln for ln in _apply(text) if ln]
    assert rows[3].split("\t")[0].endswith("関係者による協議の場の設置状況（R5年4月時点）")
    assert rows[4:6] == ["\t障害保健福祉圏域\t有・無", "\t市町村\t有り 1 / 1"]


def test_a_choice_of_drawn_boxes_or_a_trailing_mark_and_its_count_are_two_cells():
    text = "\n".join(
        [
            "障害保健福祉圏域数（令和5年4月1日現在） ６ か所",
            "市町村数（令和5年4月1日現在） ４０ 市町村",
            "人口（令和5年4月1日現在） １，２０４，３９２ 人",
            "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況",
            "都道府県 ■有 □無 1か所",
            "障害保健福祉圏域 有 ・ 無（〇） 0 / 6 か所/障害圏域数",
        ]
    )
    rows = [ln for ln in _apply(text) if ln]
    assert sorted(rows[3].split("\t")[2:]) == sorted(["■有 □無", "1か所"])
    assert sorted(rows[4].split("\t")[2:]) == sorted(["有 ・ 無（〇）", "0 / 6 か所/障害圏域数"])


def test_a_marked_choice_after_a_level_label_is_its_value(parsed):
    # pypdf: `市町村 (有) 無 1 / 1 か所/市町村`: `(有)` is the choice marked, not a note on the label
    from nikosheet import parse_file_data

    want = parsed("ward-wrapped-headings-fy2024.txt")["basic_info"]["council_setup"]["municipality"]
    got = parse_file_data(CONVERTERS / "ward-wrapped-headings-fy2024--pypdf.txt")["basic_info"]["council_setup"]
    assert got["municipality"]["exists"] is True
    assert got["municipality"]["count"] == want["count"] == 1


def test_a_number_beside_the_inpatients_label_is_their_total_when_its_label_is_left_out(parsed):
    from nikosheet import parse_file_data

    want = parsed("city-edge-values-fy2024.txt")["basic_info"]["inpatients"]
    for converter in ("pymupdf", "pypdf"):
        got = parse_file_data(CONVERTERS / f"city-edge-values-fy2024--{converter}.txt")["basic_info"]["inpatients"]
        assert got["total"] == want["total"] == 340
        assert got["under_3_months"]["count"] == want["under_3_months"]["count"] == 54


def test_a_row_the_template_lacks_keeps_its_value_and_unit(parsed):
    # `自殺死亡率（R4年）` `16.8` `人口10万対`: a row of its own; its unit is no council's frequency
    from nikosheet import parse_file_data

    want = parsed("minimal-fy2023.txt")["basic_info"]["support_council"]
    got = parse_file_data(CONVERTERS / "minimal-fy2023--pymupdf.txt")["basic_info"]["support_council"]
    assert got["meetings_per_year"] == want["meetings_per_year"] == 4
    lines = read_bytes((CONVERTERS / "minimal-fy2023--pymupdf.txt").read_bytes()).lines
    assert "自殺死亡率（R4年）\t16.8\t人口10万対" in rewrite(lines).lines


def test_a_choice_written_a_piece_a_line_stays_one_value(parsed):
    # PyMuPDF: `有` `〇` `無` on three lines is the subcommittee's answer (unknown: the mark between),
    # not 有 for it and `〇` `無` for the prefecture's council
    from nikosheet import parse_file_data

    want = parsed("pref-preamble-labels-fy2024.txt")["basic_info"]
    got = parse_file_data(CONVERTERS / "pref-preamble-labels-fy2024--pymupdf.txt")["basic_info"]
    assert got["support_council"]["mental_health_subcommittee"] == want["support_council"]["mental_health_subcommittee"]
    for key in ("exists", "count", "text"):
        assert got["council_setup"]["prefecture"][key] == want["council_setup"]["prefecture"][key]


def test_a_share_s_note_on_the_line_after_its_label_is_the_label_s():
    from nikosheet import parse_file_data

    doc = parse_file_data(CONVERTERS / "city-pipe-fy2023--lopdf-pymupdf.txt")  # `3か月以上1年未満` / `（％：構成割合）`
    inpatients = doc["basic_info"]["inpatients"]
    assert inpatients["from_3_to_12_months"]["count"] == 241
    assert inpatients["from_3_to_12_months"]["percent"] == 19.0


def test_full_width_numbers_a_narrow_column_wrapped_are_whole(parsed):
    # LibreOffice PDF, PyMuPDF: `１，２０` / `４，３９２` is one number; `精神科病院数` is the template's
    # `精神科病院の数`; `うち65 歳未` / `満` and `うち65 歳以` / `上` are the two age rows
    from nikosheet import parse_file_data

    want = parsed("pref-fullwidth-dot-fy2023.txt")["basic_info"]
    got = parse_file_data(CONVERTERS / "pref-fullwidth-dot-fy2023--lopdf-pymupdf.txt")["basic_info"]
    assert got["population"]["value"] == want["population"]["value"] == 1204392
    assert got["psychiatric_hospitals"]["value"] == want["psychiatric_hospitals"]["value"] == 32
    assert got["health_centers"]["value"] == want["health_centers"]["value"] == 6
    for key in ("aged_under_65", "aged_65_and_over"):
        assert got["inpatients"][key] == want["inpatients"][key]
    assert got["inpatients"]["aged_65_and_over"] == 1662


def test_a_share_s_first_digit_left_on_the_count_s_line_is_the_share_s():
    text = "障害保健福祉圏域数 (R6年4月時点) １ か所\n入院精神障害者数 (R5年6月時点)\n合計 ９８２ 人\n"
    lines = apply_form(cell_lines_statistics, text + "3か月未満 ２１４ 人 ２\n１．８ %")
    assert "\t3か月未満\t２１４ 人 ２１．８ %" in lines


def test_the_council_s_label_wrapped_in_its_date_and_a_choice_beside_a_count(parsed):
    # pypdf: `（⾃⽴⽀援）協議会の開催頻度（令` / `和4年度）` / `年間4回` (the second label left out);
    # `都道府県 ■有\u2003□無 1か所`, `障害保健福祉圏域 有 ・ 無（〇） 0 / 6 か所/障`: a choice, then a count
    from nikosheet import parse_file_data

    want = parsed("pref-fullwidth-dot-fy2023.txt")["basic_info"]
    got = parse_file_data(CONVERTERS / "pref-fullwidth-dot-fy2023--pypdf.txt")["basic_info"]
    assert _values(got["support_council"]) == _values(want["support_council"])
    for level in ("prefecture", "region", "municipality"):
        assert _values(got["council_setup"][level]) == _values(want["council_setup"][level])
    assert got["support_council"]["meetings_per_year"] == 4
    assert got["council_setup"]["region"]["total"] == 6


def test_a_count_after_a_column_of_choices_goes_to_the_level_whose_yes_is_marked():
    # plain pdftotext of a LibreOffice PDF, a city's sheet: the levels' labels, their choices `有 (無)`
    # `有 (無)` `(有) 無` (無, 無, 有 marked), then the one count: the city's own council's, not the prefecture's
    text = "\n".join(
        [
            "1 県、指定都市、中核市、特別区の基礎情報",
            "千葉市",
            "基本情報（都道府県等情報）",
            "障害保健福祉圏域数（R5 年 4 月時点）",
            "1",
            "か所",
            "都道府県",
            "精神障害にも対応した地域包括ケアシステムの構築に向けた保健",
            "・医療・福祉関係者による協議の場の設置状況（R5 年 4 月時",
            "障害保健福祉圏域",
            "点）",
            "市町村",
            "有 (無)",
            "有 (無)",
            "(有) 無",
            "1/1",
            "2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",
        ]
    )
    rows = [ln.split("\t")[1:] for ln in _apply(text) if ln and "\t" in ln]
    assert rows[-3:] == [["都道府県", "有 (無)"], ["障害保健福祉圏域", "有 (無)"], ["市町村", "(有) 無", "1/1"]]


def _values(group: dict[str, object]) -> dict[str, object]:
    """A group's values without the source lines they came from."""
    return {k: v for k, v in group.items() if k not in ("line", "lines")}


LIBREOFFICE_AGES = """障害保健福祉圏域数（R5年4月時点）
1
か所
3,962
人
合計
入院精神障害者数 （R4年6月時点） ※630調査
3か月未満 （％：構成割
642 16.2
合）
人％
3か月以上1年未満
（％：構成割合）
人％
713 18.0
2,607
65.8
人
％
うち65歳
未満
967
人
うち65歳
以上
1,640
人
1年以上（％：構成割
合）"""


def test_a_spanned_share_label_written_last_keeps_its_share_and_the_ages_their_counts():
    # plain pdftotext of a LibreOffice PDF: the 1年以上 label, row-spanned beside the two age rows,
    # comes after them; its share comes before the age labels, which no value ends
    # (its count, share and units a line each)
    rows = [ln for ln in _apply(LIBREOFFICE_AGES) if ln]
    assert "\t1年以上（％：構成割合）\t2,607 65.8\t人 ％" in rows
    assert "\tうち65歳未満\t967\t人" in rows
    assert "\tうち65歳以上\t1,640\t人" in rows


def test_libreoffice_texts_read_the_over_one_year_share_and_the_age_split(parsed):
    from nikosheet import parse_file_data

    want = parsed("minimal-fy2023.txt")["basic_info"]["inpatients"]
    for converter in ("lopdf-pdftotext", "lopdf-pymupdf"):
        got = parse_file_data(CONVERTERS / f"minimal-fy2023--{converter}.txt")["basic_info"]["inpatients"]
        for key, value in (("count", 2607), ("percent", 65.8)):
            assert got["over_1_year"][key] == want["over_1_year"][key] == value
        assert got["aged_under_65"] == want["aged_under_65"] == 967
        assert got["aged_65_and_over"] == want["aged_65_and_over"] == 1640


def test_one_value_between_labels_is_the_last_label_s(parsed):
    # plain pdftotext of a LibreOffice PDF: `保健所数 (R6年4月時点)` and other spanned labels, then
    # `一般相談支援事業所数` `13 か所` `特定相談支援事業所数`: 13 is the offices', not the health centres'
    from nikosheet import parse_file_data

    want = parsed("kashiwa-r6.txt")["basic_info"]
    got = parse_file_data(CONVERTERS / "kashiwa-r6--lopdf-pdftotext.txt")["basic_info"]
    assert got["consultation_offices"]["general"] == want["consultation_offices"]["general"] == 13
    assert got["health_centers"]["value"] == want["health_centers"]["value"] == 1


PDFMINER_LABEL_COLUMNS = """基本情報（都道府県等情報）
障害保健福祉圏域数（R5年4月時点）
入院精神障害者数 （R4年6月時点） ※630調査
合計
1
1,268
3か月未満 （％：構成割合） 245 19.3
3か月以上1年未満 （％：構
成割合）
241 19.0
か所
人
人 ％
人 ％
相談支援事業所数 （R5年4月時点）
基幹相談支援センター数
保健所数（R5年4月時点）
（自立支援）協議会の開催頻度 （R4年度）
一般相談支援事業所数
特定相談支援事業所数
（自立支援）協議会の開催頻
度
1
14
60
1
2
か所
か所
か所
か所
回／年
2  精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"""


def test_a_group_s_rows_take_the_values_before_the_rows_below_it():
    # pdfminer: the labels' two columns in boxes that interleave the offices' rows with 保健所数, then the
    # values top to bottom (1 14 60 1 2), then the units; a count and share without units (241 19.0)
    # before the column of units (か所 人 …) is not given the first of them
    rows = [ln for ln in _apply(PDFMINER_LABEL_COLUMNS) if ln]
    assert "\t3か月以上1年未満 （％：構成割合）\t241 19.0\t人 ％" in rows
    assert "相談支援事業所数 （R5年4月時点）\t基幹相談支援センター数\t1\tか所" in rows
    assert "\t一般相談支援事業所数\t14\tか所" in rows
    assert "\t特定相談支援事業所数\t60\tか所" in rows
    assert "保健所数（R5年4月時点）\t1\tか所" in rows


def test_a_council_level_takes_no_count_written_before_its_label_unless_its_unit_names_it(parsed):
    # plain pdftotext of a LibreOffice PDF: 保健所数's `1` `か所` come before its spanned label, and before
    # the set-up's 都道府県: they are the health centres' count, not the prefecture's council count
    from nikosheet import parse_file_data

    want = parsed("city-heading-in-table-fy2023.txt")["basic_info"]
    got = parse_file_data(CONVERTERS / "city-heading-in-table-fy2023--lopdf-pdftotext.txt")["basic_info"]
    assert got["health_centers"]["value"] == want["health_centers"]["value"] == 1
    assert got["council_setup"]["prefecture"]["count"] is want["council_setup"]["prefecture"]["count"] is None
    # plain pdftotext: the levels' counts written before the levels' labels; `1 / 1 か所/市町村数` names its own
    want = parsed("city-edge-values-fy2024.txt")["basic_info"]["council_setup"]
    got = parse_file_data(CONVERTERS / "city-edge-values-fy2024--pdftotext.txt")["basic_info"]["council_setup"]
    for level in ("region", "municipality"):
        assert (got[level]["count"], got[level]["total"]) == (want[level]["count"], want[level]["total"])
    assert got["municipality"]["count"] == 1


def test_a_council_count_of_two_numbers_before_the_only_levels_label_is_still_a_council_count():
    # markitdown of a LibreOffice PDF, a set-up of the 市町村 level alone: `（有）・  1 / 1 か所/` written
    # before the pipe row that holds the level's label. A single number there is another row's (保健所数's
    # `1 か所`), but `1 / 1` is a level's count: the level keeps its choice, and no label is left over
    text = (CONVERTERS / "core-himeji-fy2024--lopdf-markitdown.txt").read_text(encoding="utf-8")
    levels = text[text.index("|                                 |     |     | 都道府県") : text.index("市町村数\n") + 5]
    one_level = (
        "精神障害にも対応した地域包括ケアシステムの構築に向けた保\n"
        "（有）・  1 / 1 か所/\n"
        "| 健・医療・福祉関係者による協議の場の設置状況（令和6年4月1日現 |     |     | 市町村 |     |\n"
        "| ---------------------------- | --- | --- | --- | --- |\n"
        "無 市町村数\n"
        "在)"
    )
    from nikosheet import parse_text_data

    setup = parse_text_data(text.replace(levels, one_level))["basic_info"]["council_setup"]
    assert setup["municipality"]["exists"] is True
    assert setup["note"] is None


# pdfminer's boxes of a core city's 基本情報 (a box a paragraph): the labels, then the value column, then the
# unit column; the empty discharge rates (3か月, 1年) have their units written but no number
_SHORT_COLUMN = [
    "1 県、指定都市、中核市、特別区の基礎情報",
    "郡山市",
    "基本情報（都道府県等情報）",
    *("障害保健福祉圏域数（R5年4月時点）", "市町村数（R5年4月時点）", "人口（R5年4月時点）"),
    *("精神科病院の数（R5年4月時点）", "精神科病床数（R5年4月時点）", "入院精神障害者数 （R4年6月時点） ※630調査"),
    *("合計", "1", "1", "318,025", "6", "1,524", "1,105", "か所", "市町村", "人", "病院", "床", "人"),
    *("3か月未満 （％：構成割\n合）", "3か月以上1年未満 （％：構\n成割合）", "176 15.9", "人 ％", "183 16.6", "人 ％"),
    *("1年以上（％：構成割合）", "746 67.5 人 ％", "うち65歳未満 298", "うち65歳以上 448", "人", "人"),
    *("退院率（H30年時点） ※福島県全体", "入院後3か月時点", "入院後6か月時点", "79.4", "入院後1年時点"),
    *("相談支援事業所数 （R5年4月時点）", "基幹相談支援センター数", "一般相談支援事業所数", "特定相談支援事業所数"),
    *("保健所数（R5年4月時点）", "（自立支援）協議会の開催頻度 （R4年度）", "（自立支援）協議会の開催"),
    *("1", "9", "38", "1", "2", "％", "％", "％", "か所", "か所", "か所", "か所", "回／年", "頻度"),
    *("精神領域に関する議論を行", "●有・無", "う部会の有無"),
    "2  精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",
]


def _short_column(boxes: list[str]) -> tuple[dict[str, object], list[str]]:
    from nikosheet import parse_text_data

    doc = parse_text_data("\n\n".join(boxes) + "\n")
    warned = [d["message"] for d in doc["diagnostics"] if d["code"] == "shifted-cell"]
    return doc["basic_info"], warned


def test_a_column_of_numbers_short_of_its_units_leaves_the_whole_numbers_to_the_counts_below_the_rates():
    basic, warned = _short_column(_SHORT_COLUMN)
    rates, offices = basic["discharge_rates"], basic["consultation_offices"]
    assert (rates["after_3_months"], rates["after_6_months"], rates["after_1_year"]) == (None, 79.4, None)
    assert (offices["core_centers"], offices["general"], offices["specific"]) == (1, 9, 38)
    assert basic["health_centers"]["value"] == 1
    assert basic["support_council"]["meetings_per_year"] == 2
    assert warned == []


def test_a_column_of_numbers_short_of_its_rows_is_warned_of():
    # a count left empty too (特定相談支援事業所数): which rows the four numbers are cannot be told
    boxes = list(_SHORT_COLUMN)
    boxes.remove("38")
    basic, warned = _short_column(boxes)
    assert basic["consultation_offices"]["core_centers"] == 1
    assert len(warned) == 1 and "fewer numbers than rows" in warned[0]


def test_a_column_of_numbers_after_its_units_column_goes_to_the_rows_that_took_the_units():
    # the units' column first (`％` … `回／年`), then the numbers, the empty rates' cells not written
    boxes = list(_SHORT_COLUMN)
    at = boxes.index("1", boxes.index("（自立支援）協議会の開催"))
    numbers, units = boxes[at : at + 5], boxes[at + 5 : at + 13]
    boxes[at : at + 13] = units + numbers
    basic, warned = _short_column(boxes)
    rates, offices = basic["discharge_rates"], basic["consultation_offices"]
    assert (rates["after_3_months"], rates["after_6_months"], rates["after_1_year"]) == (None, 79.4, None)
    assert (offices["core_centers"], offices["general"], offices["specific"]) == (1, 9, 38)
    assert (basic["health_centers"]["value"], basic["health_centers"]["unit"]) == (1, "か所")
    assert basic["support_council"]["meetings_per_year"] == 2
    assert warned == []


def test_a_rows_label_after_its_groups_label_left_open_is_no_bracket_that_closes_it():
    # `（自立支援）協議会の開催頻度 （R4年` `（自立支援）協議会の開催` `度）` `頻度`: the second box is the row's own
    # label (its `(` opens first), not the group's date's end; `頻度` then goes on it, no row of its own
    boxes = list(_SHORT_COLUMN)
    at = boxes.index("（自立支援）協議会の開催頻度 （R4年度）")
    boxes[at : at + 2] = ["（自立支援）協議会の開催頻度 （R4年", "（自立支援）協議会の開催", "度）", "頻度"]
    boxes.remove("頻度")  # the one after the units' column
    boxes.insert(at + 3, "頻度")
    basic, _ = _short_column(boxes)
    assert basic["support_council"]["meetings_per_year"] == 2
    assert basic["support_council"]["fiscal_year"] == 2022
    assert basic["consultation_offices"]["specific"] == 38


# plain pdftotext of a LibreOffice PDF: the meetings' value beside its label's first line, the space
# between taken out with the renderer's gaps (`（自立支援）協議会の開 2` → `（自立支援）協議会の開2`)
LABEL_THEN_VALUE = """基本情報（都道府県等情報）
障害保健福祉圏域数（R5年4月時点）

8

か所

相談支援事業所数 （R5年4月時点）

保健所数（R5年4月時点）
（自立支援）協議会の開催頻度 （R4年度）

基幹相談支援センター数 12

か所

一般相談支援事業所数

58

か所

特定相談支援事業所数

214

か所

9

か所

（自立支援）協議会の開2
催頻度

回／年

2  精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"""


def test_a_value_run_into_its_label_s_first_piece_is_the_label_s():
    rows = [ln for ln in _apply(LABEL_THEN_VALUE) if ln and "\t" in ln]
    assert "保健所数（R5年4月時点）\t9\tか所" in rows
    assert "（自立支援）協議会の開催頻度 （R4年度）\t（自立支援）協議会の開催頻度\t2\t回／年" in rows


def test_a_column_of_numbers_as_long_as_the_labels_column_before_it_is_theirs_in_turn(parsed):
    # pdfminer: `入院後3カ月時点` `入院後6カ月時点` `入院後1年時点`, then `６１．２` `７８．９` `８６．４`,
    # then the next label; the inpatients' shares still lacking a number above must not take them
    from nikosheet import parse_file_data

    want = parsed("pref-fullwidth-dot-fy2023.txt")["basic_info"]["discharge_rates"]
    got = parse_file_data(CONVERTERS / "pref-fullwidth-dot-fy2023--pdfminer.txt")["basic_info"]["discharge_rates"]
    for key, value in (("after_3_months", 61.2), ("after_6_months", 78.9), ("after_1_year", 86.4)):
        assert got[key] == want[key] == value


def test_a_line_of_many_words_is_searched_for_whole_labels_only(monkeypatch) -> None:
    lines = (CONVERTERS / "city-bold-headings-fy2023--lopdf-pdftotext.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join([*lines[:78], "7 " * 600, *lines[78:]])  # (600 words among the statistics' lines)
    calls = []
    label_start = statistics_rows.Rows.label_start

    def counted(self: statistics_rows.Rows, text: str, pos: int) -> object:
        calls.append(pos)
        return label_start(self, text, pos)

    monkeypatch.setattr(statistics_rows.Rows, "label_start", counted)
    assert rewrite(text.split("\n")).lines  # (read)
    assert len(calls) < 600  # (not a label's start tried after each of the line's words, at every end)


def test_a_unit_s_note_wrapped_in_its_box_goes_on_the_note():
    # pdfminer: the unit cell `か所 ※地域健康課4か所` one box of two lines, no blank line between
    text = CELL_PER_LINE.replace("1\n\nか所\n\n2\n", "1\n\nか所 ※地域健\n康課4か所\n\n2\n")
    out = [ln for ln in _apply(text) if ln]
    assert "保健所数（R5年4月時点）\t1\tか所 ※地域健康課4か所" in out
    assert "康課4か所" not in out
