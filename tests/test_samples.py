"""The two real sheets: the facts FORMAT.md points out, and what must never happen to them."""

from __future__ import annotations

from conftest import SAMPLES, SHEETS


def test_kawaguchi_inpatient_counts_add_up(parsed):
    inp = parsed("kawaguchi-r5.txt")["basic_info"]["inpatients"]
    parts = [inp[k]["count"] for k in ("under_3_months", "from_3_to_12_months", "over_1_year")]
    assert parts == [92, 65, 187] and sum(parts) == inp["total"] == 344
    assert inp["aged_under_65"] + inp["aged_65_and_over"] == inp["over_1_year"]["count"]


def test_kashiwa_age_split_is_kept_as_written(parsed):
    inp = parsed("kashiwa-r6.txt")["basic_info"]["inpatients"]
    assert (inp["aged_under_65"], inp["aged_65_and_over"]) == (119, 221)
    assert inp["aged_under_65"] + inp["aged_65_and_over"] == inp["total"] == 340
    assert inp["over_1_year"] == {"count": 236, "percent": 69.4, "line": 32}
    assert inp["lines"]["aged_under_65"] == inp["lines"]["aged_65_and_over"] == 33


def test_unmarked_choice_is_null_with_a_diagnostic(parsed):
    doc = parsed("kawaguchi-r5.txt")
    assert doc["basic_info"]["support_council"]["mental_health_subcommittee"] is None
    assert ("unmarked-choice", 53) in {(d["code"], d["line"]) for d in doc["diagnostics"]}


def test_marked_choice_is_read(parsed):
    doc = parsed("kashiwa-r6.txt")
    assert doc["basic_info"]["support_council"]["mental_health_subcommittee"] is True
    assert doc["basic_info"]["council_setup"]["municipality"]["exists"] is True


def test_empty_discharge_rates_are_null_not_zero(parsed):
    rates = parsed("kashiwa-r6.txt")["basic_info"]["discharge_rates"]
    assert [rates[k] for k in ("after_3_months", "after_6_months", "after_1_year")] == [None, None, None]
    codes = {(d["code"], d["line"]) for d in parsed("kashiwa-r6.txt")["diagnostics"]}
    assert {("missing-value", 34), ("missing-value", 35), ("missing-value", 36)} <= codes


def test_placeholder_year_is_null_with_a_diagnostic(parsed):
    doc = parsed("kashiwa-r6.txt")
    row = doc["long_term_schedule"]["plan"][-1]
    assert (row["label"], row["fiscal_year"], row["line"]) == ("R●年度", None, 203)
    assert ("placeholder", 203) in {(d["code"], d["line"]) for d in doc["diagnostics"]}


def test_guidance_row_is_not_an_indicator(parsed):
    doc = parsed("kashiwa-r6.txt")
    assert [i["number"] for i in doc["strengths_and_issues"]["indicators"]] == [1, 2]
    assert ("guidance-row", 156) in {(d["code"], d["line"]) for d in doc["diagnostics"]}
    assert 156 in {t["line"] for t in doc["template_text"]}


def test_template_guidance_is_set_apart(parsed):
    doc = parsed("kawaguchi-r5.txt")
    assert [t["line"] for t in doc["template_text"]] == [101, 124, 167]
    assert all("※" in t["text"] for t in doc["template_text"])


def test_section_three_twice_is_one_section(parsed):
    doc = parsed("kashiwa-r6.txt")
    refs = [(s["number"], s["key"], s["line_start"]) for s in doc["sections"]]
    assert refs[2:4] == [(3, "history", 95), (3, "history", 114)]
    assert len(doc["history"]["events"]) == 9 and len(doc["history"]["tables"]) == 1


def test_section_eight_by_template_year(parsed):
    k = parsed("kawaguchi-r5.txt")
    assert (k["template"], k["long_term_schedule"]) == (2023, None)
    assert [i["month"] for i in k["annual_schedule"]["items"]] == [
        "2023-05",
        "2023-08",
        "2023-11",
        "2023-12",
        "2024-01",
    ]
    t = parsed("kashiwa-r6.txt")
    assert t["template"] == 2024 and t["long_term_schedule"]["until_fiscal_year"] == 2026
    assert [i["month"] for i in t["annual_schedule"]["items"]][4:] == ["2025-01", "2025-02", "2025-03"]


def test_text_keeps_source_characters(parsed):
    doc = parsed("kashiwa-r6.txt")
    assert "取 り組みを検討していく。" in doc["strengths_and_issues"]["issues"][0]["policies"][0]
    kaw = parsed("kawaguchi-r5.txt")
    assert kaw["basic_info"]["inpatients"]["note"] == "※630調査"
    assert kaw["councils"]["meetings"][0]["frequency"] == {"text": "2回/年", "per_year": 2}


def test_empty_age_split_is_missing_not_unreadable():
    # the age split's cells left as the template's units only: nothing written, so nothing unreadable
    import nikosheet

    text = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    text = text.replace("\tうち65歳未満 うち65歳以上\t119 人 221 人\t", "\tうち65歳未満 うち65歳以上\t人 人\t")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kashiwa-r6.txt")
    inp = doc["basic_info"]["inpatients"]
    assert (inp["aged_under_65"], inp["aged_65_and_over"]) == (None, None)
    codes = {(d["code"], d["line"]) for d in doc["diagnostics"]}
    assert ("missing-value", 33) in codes and ("unreadable-value", 33) not in codes


def test_a_lost_row_is_never_a_quiet_success(parsed):
    # a row the template does not have is kept in unparsed, and the diagnostics say so once
    doc = parsed("minimal-fy2023.txt")
    assert [u["text"] for u in doc["unparsed"]] == ["自殺死亡率（R4年）\t\t16.8\t人口10万対"]
    lost = [d for d in doc["diagnostics"] if d["code"] == "unparsed-lines"]
    assert (
        lost == [{"code": "unparsed-lines", "severity": "warning", "line": 40, "message": lost[0]["message"]}]
        and "lines not read into any field: 1" in lost[0]["message"]
    )


def test_a_statistic_row_the_table_lacks_is_named():
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    row = next(ln for ln in text.splitlines() if ln.startswith("精神科病院の数"))
    doc = nikosheet.parse_bytes_data(text.replace(row + "\n", "").encode("utf-8"), "kawaguchi-r5.txt")
    assert doc["basic_info"]["psychiatric_hospitals"] is None
    warned = [d["message"] for d in doc["diagnostics"] if d["code"] == "missing-row"]
    assert warned == ["section 1: the 基本情報 table has no row for 精神科病院の数: unknown (null)"]
    complete = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")
    assert not [d for d in complete["diagnostics"] if d["code"] in ("missing-row", "unparsed-lines")]


def test_the_words_after_a_labels_date_are_kept():
    # a line a converter ran into a row's label, after its as-of date: no field holds it but the note
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    text = text.replace("人口（R5年4月時点）\t", "人口（R5年4月時点） 住民基本台帳による\t")
    text = text.replace("退院率（H29年時点） ※埼玉県全体\t", "退院率（H29年時点） 参考値 ※埼玉県全体\t")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")["basic_info"]
    assert (doc["population"]["value"], doc["population"]["note"]) == (604894, "住民基本台帳による")
    assert doc["discharge_rates"]["note"] == "参考値 ※埼玉県全体"
    assert doc["discharge_rates"]["after_3_months"] == 62.0


def test_a_note_in_a_cell_of_its_own_is_the_rows_note_not_its_value():
    # `※630調査` written in a cell between the label and the values: the inpatients' total was lost
    # without a word, and a single value read the note's number (630) as the row's
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    text = text.replace("（R2年6月時点） ※630調査\t合計", "（R2年6月時点）\t※630調査\t合計")
    text = text.replace("精神科病床数（R5年4月時点）\t\t438", "精神科病床数（R5年4月時点）\t※630調査\t438")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")
    inpatients, beds = doc["basic_info"]["inpatients"], doc["basic_info"]["psychiatric_beds"]
    assert (inpatients["total"], inpatients["note"], inpatients["as_of"]) == (344, "※630調査", "2020-06")
    assert inpatients["under_3_months"]["count"] == 92
    assert (beds["value"], beds["unit"], beds["note"]) == (438, "床", "※630調査")
    assert doc["unparsed"] == []


def test_the_words_after_a_labels_date_are_kept_in_every_row_with_sub_rows():
    # a laid-out text's stray line set into the label column of a row with sub-rows
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    text = text.replace("相談支援事業所数 （R5年4月時点）\t", "相談支援事業所数 （R5年4月時点） 市内分\t")
    text = text.replace("（自立支援）協議会の開催頻度 （R4年度）\t", "（自立支援）協議会の開催頻度 （R4年度） 全体会\t")
    text = text.replace("の設置状況（R5年4月時点）\t", "の設置状況（R5年4月時点）※圏域は保健所単位\t")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")["basic_info"]
    offices, council, setup = doc["consultation_offices"], doc["support_council"], doc["council_setup"]
    assert (offices["core_centers"], offices["specific"], offices["note"]) == (10, 55, "市内分")
    assert (council["meetings_per_year"], council["note"]) == (3, "全体会")
    assert (setup["as_of"], setup["prefecture"]["exists"], setup["note"]) == ("2023-04", None, "※圏域は保健所単位")


def test_the_words_beside_a_choice_or_after_a_sub_label_are_kept():
    # a stray line a converter ran into a choice's cell or a sub-row's label: the value read, the words kept
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    text = text.replace("\t障害保健福祉圏域\t有・無\t", "\t障害保健福祉圏域\t有・無 見直し中\t")
    text = text.replace("\t特定相談支援事業所数\t55\t", "\t特定相談支援事業所数 速報値\t55\t")
    subcommittee = "\t精神領域に関する議論を行う部会の有無\t有・無"
    text = text.replace(subcommittee + "\t", subcommittee + " 有識者の部会を検討中\t")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")["basic_info"]
    region, offices, council = doc["council_setup"]["region"], doc["consultation_offices"], doc["support_council"]
    assert (region["exists"], region["count"], doc["council_setup"]["note"]) == (None, 1, "障害保健福祉圏域: 見直し中")
    assert (offices["specific"], offices["note"]) == (55, "特定相談支援事業所数: 速報値")
    assert council["mental_health_subcommittee"] is None
    assert council["note"] == "精神領域に関する議論を行う部会の有無: 有識者の部会を検討中"


def test_the_words_before_a_label_are_kept_but_not_the_labels_own():
    # a stray line a converter merged into a label's cell, before the label: the row read, the words kept;
    # the template's own first words (`精神科` before `病床数`, a wrapped label's head) are no note
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    text = text.replace("\n市町村数", "\n参考値 市町村数", 1).replace("\n人口", "\n精神科 人口", 1)
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")["basic_info"]
    want = nikosheet.parse_file_data(SAMPLES / "kawaguchi-r5.txt")["basic_info"]
    municipalities = doc["municipalities"]
    assert (municipalities["value"], municipalities["note"]) == (want["municipalities"]["value"], "参考値")
    assert doc["population"]["note"] == "精神科"
    assert want["psychiatric_beds"]["note"] is None and want["council_setup"]["note"] is None
    assert doc["psychiatric_beds"] == want["psychiatric_beds"]


def test_words_written_on_a_marker_line_are_read_and_its_guidance_is_template_text():
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    want = nikosheet.parse_file_data(SAMPLES / "kawaguchi-r5.txt")
    guidance = next(ln for ln in text.split("\n") if ln.startswith("【その他事項】"))
    text = text.replace("## 【特徴(強み)】\n", "## 【特徴(強み)】 精神科病院が市内に多い\n")
    text = text.replace("### 【にも包括構築の体制】\n", "### 【にも包括構築の体制】 保健所が事務局を担う\n")
    text = text.replace(guidance, "【その他事項】 課題の集約に時間がかかる")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")
    strengths = doc["strengths_and_issues"]["strengths"]
    assert strengths == ["精神科病院が市内に多い", *want["strengths_and_issues"]["strengths"]]
    assert doc["coordination"]["structure"] == ["保健所が事務局を担う", *want["coordination"]["structure"]]
    assert doc["councils"]["other_matters"] == ["課題の集約に時間がかかる", *want["councils"]["other_matters"]]
    assert guidance in [t["text"] for t in want["template_text"]]
    assert doc["unparsed"] == want["unparsed"] == []


def test_a_schedule_row_under_a_month_with_its_own_item_and_actions_is_a_second_item():
    # as a year's second event: the month written once (or python-docx's repeated span written once)
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    row = next(ln for ln in text.split("\n") if ln.startswith("R5年8月\t"))
    text = text.replace(row + "\n", row + "\n\t家族会との意見交換\t家族会の要望の聞き取り\n\t（会場：市役所）\t\n")
    items = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")["annual_schedule"]["items"]
    assert [(i["label"], i["month"], i["item"], i["actions"]) for i in items[1:3]] == [
        ("R5年8月", "2023-08", "第1回協議の場の開催", ["ヒアリングに基づいた具体的な実施内容についての検討"]),
        ("R5年8月", "2023-08", "家族会との意見交換\n（会場：市役所）", ["家族会の要望の聞き取り"]),
    ]
    assert items[3]["label"] == "R5年11月"


def test_the_words_of_a_value_cell_are_kept():
    # a converter (or an author) that puts words beside a count: the count is read, the words kept
    import nikosheet

    text = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    text = text.replace("\t3か月未満 (%: 構成割合)\t54 人 15.9 %\t", "\t3か月未満 (%: 構成割合)\t54 人 15.9 % 速報値\t")
    text = text.replace("\t一般相談支援事業所数\t13 か所\t", "\t一般相談支援事業所数\t13 か所 集計中\t")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kashiwa-r6.txt")["basic_info"]
    assert doc["inpatients"]["under_3_months"] == {"count": 54, "percent": 15.9, "line": 30}
    assert doc["inpatients"]["note"] == "3か月未満 (%: 構成割合): 速報値"
    assert (doc["consultation_offices"]["general"], doc["consultation_offices"]["note"]) == (
        13,
        "一般相談支援事業所数: 集計中",
    )


def test_the_paragraph_a_converter_ran_into_the_history_tables_last_event_is_the_historys_text():
    # no blank line between the table's last row and the text below it: the text lands in the last
    # event's commission, its description or its date; it goes back to the history's text
    import nikosheet

    for name, row in (("pref-fy2024", "令和5年度\t"), ("designated-sendai-fy2023", "令和4年度\t「こころの絆")):
        text = (SHEETS / f"{name}.txt").read_text(encoding="utf-8")
        want = nikosheet.parse_bytes_data(text.encode("utf-8"), f"{name}.txt")["history"]
        last = next(ln for ln in text.split("\n") if ln.startswith(row))
        paragraph = want["text"][0]
        assert "\n" not in paragraph and paragraph.endswith("。")
        year, rest = last.split("\t", 1)
        # wrapped below the last row, written after its year, or a row of its own under that year
        for glued in (last + "\n" + paragraph, year + paragraph + "\t" + rest, last + "\n\t" + paragraph + "\t"):
            got = nikosheet.parse_bytes_data(text.replace(last, glued).encode("utf-8"), f"{name}.txt")["history"]
            assert got["events"] == want["events"], (name, glued[:30])
            assert got["text"][0] == paragraph


def test_initiatives_a_layout_text_cut_into_columns_are_items():
    # `平成18年度  精神障害者退院促進支援事業開始` laid out in columns becomes a tab row: an item still
    import nikosheet

    text = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")
    want = nikosheet.parse_file_data(SAMPLES / "kawaguchi-r5.txt")
    first, second = [ln for ln in text.split("\n") if ln.startswith("- 「川口市精神")][:2]
    text = text.replace(first, "令和2年度\t" + first[2:]).replace(second, "令和3年度\t" + second[2:] + "\n\t（訪問型）")
    doc = nikosheet.parse_bytes_data(text.encode("utf-8"), "kawaguchi-r5.txt")
    items = doc["basic_info"]["initiatives"]
    assert items[1] == "令和2年度 " + want["basic_info"]["initiatives"][1]
    assert items[2] == "令和3年度 " + want["basic_info"]["initiatives"][2] + "\n（訪問型）"
    assert items[3:] == want["basic_info"]["initiatives"][3:] and doc["unparsed"] == []
