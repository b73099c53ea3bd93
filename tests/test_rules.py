"""Each rule: sheets that trigger it and sheets that do not, asserting the code and the line.

The real samples are checked as they are; broken sheets are made by editing one line of a copy of a
real sheet, so line numbers stay those of the sample.
"""

from __future__ import annotations

import pytest

from conftest import SAMPLES
from nikosheet import parse_file_data
from nikosheet.validation.engine import UnknownRule, active, check, resolve
from nikosheet.validation.rules import REGISTRY, reported_by

KAWAGUCHI = "kawaguchi-r5.txt"
KASHIWA = "kashiwa-r6.txt"


def edit(tmp_path, sample: str, *changes: tuple[int, str, str]) -> dict:
    """Parse a copy of a sample with `old` replaced by `new` on the given 1-based lines."""
    lines = (SAMPLES / sample).read_text(encoding="utf-8").split("\n")
    for no, old, new in changes:
        assert old in lines[no - 1], f"line {no} of {sample} has no {old!r}: {lines[no - 1]!r}"
        lines[no - 1] = lines[no - 1].replace(old, new, 1) if old else new
    path = tmp_path / sample
    path.write_text("\n".join(lines), encoding="utf-8")
    return parse_file_data(path)


def found(doc: dict, code: str) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in check(doc, select=[code])]


def found_sev(doc: dict, code: str) -> list[tuple[str, int | None, str]]:
    return [(p.code, p.line, p.severity) for p in check(doc, select=[code])]


# ---------------------------------------------------------------- the real sheets, in full

KAWAGUCHI_REPORT = [
    (53, "NS301", "warning"),  # 精神領域に関する議論を行う部会の有無: 有・無, nothing marked
    (54, "NS107", "warning"),  # 都道府県: count cell '1 1 1'
    (54, "NS301", "info"),  # council_setup rows: the count cell answers
    (55, "NS301", "info"),
    (56, "NS301", "info"),
    (67, "NS102", "warning"),  # section 3 is only a heading
]
KASHIWA_REPORT = [
    (33, "NS204", "warning"),  # 119 + 221 = 340 = 合計, not 1年以上 (236)
    (34, "NS105", "warning"),  # 退院率 left empty
    (35, "NS105", "warning"),
    (36, "NS105", "warning"),
    (43, "NS301", "info"),  # 都道府県 / 圏域 rows of a city: not applicable
    (44, "NS301", "info"),
    (114, "NS103", "info"),  # section 3 twice
    (156, "NS304", "warning"),  # ③ ※指標設定が困難な場合は… left in the table
    (202, "NS505", "info"),  # R8年度: nothing planned
    (203, "NS303", "warning"),  # R●年度
    (208, "NS505", "info"),  # スモールステップ empty
]


@pytest.mark.parametrize("sample, expected", [(KAWAGUCHI, KAWAGUCHI_REPORT), (KASHIWA, KASHIWA_REPORT)])
def test_real_sheet_report(parsed, sample, expected):
    problems = check(parsed(sample))
    assert [(p.line, p.code, p.severity) for p in problems] == expected
    assert not [p for p in problems if p.severity == "error"]


def test_real_problems_named_in_the_issue(parsed):
    kawaguchi = check(parsed(KAWAGUCHI))
    kashiwa = check(parsed(KASHIWA))
    assert any(p.line == 53 and p.code == "NS301" and p.severity == "warning" for p in kawaguchi)
    split = next(p for p in kashiwa if p.code == "NS204")
    assert (split.line, split.severity) == (33, "warning")
    assert "adds up to the 合計 (340), not to 1年以上 (236)" in split.message
    assert any(p.line == 203 and p.code == "NS303" and "R●年度" in p.message for p in kashiwa)


def test_check_api_shape(parsed):
    """table.py relies on check(doc) returning problems with .severity."""
    problems = check(parsed(KASHIWA))
    assert problems == sorted(problems)
    assert {p.severity for p in problems} <= {"error", "warning", "info"}
    assert all(p.path == str(SAMPLES / KASHIWA) for p in problems)
    assert all(p.name == REGISTRY[p.code].NAME for p in problems)


def test_every_rule_is_documented():
    names = set()
    for code, rule in REGISTRY.items():
        assert code == rule.CODE and code[:2] == "NS" and len(code) == 5
        assert rule.SEVERITY in ("error", "warning", "info")
        assert rule.NAME.lower() == rule.NAME and " " not in rule.NAME and "_" not in rule.NAME
        assert rule.__doc__ and len(rule.__doc__.strip().splitlines()) >= 3
        names.add(rule.NAME)
    assert len(names) == len(REGISTRY)


# ---------------------------------------------------------------- select / ignore


def test_select_ignore_by_code_prefix_and_name(parsed):
    doc = parsed(KASHIWA)
    assert {p.code for p in check(doc, select=["NS3"])} == {"NS301", "NS303", "NS304"}
    assert {p.code for p in check(doc, select=["inpatient-age-split"])} == {"NS204"}
    assert "NS204" not in {p.code for p in check(doc, ignore=["NS204"])}
    assert {p.code for p in check(doc, select=["NS3"], ignore=["ns301"])} == {"NS303", "NS304"}
    assert active(select=["NS20"]) == [c for c in REGISTRY if c.startswith("NS20")]


@pytest.mark.parametrize("codes", [["NS999"], ["NS"], ["no-such-rule"], ["NS201", "X1"]])
def test_unknown_codes(codes):
    with pytest.raises(UnknownRule):
        resolve(codes)


def test_rule_failure_is_an_internal_error(parsed, monkeypatch):
    from nikosheet.validation.rules import inpatient_total

    def boom(doc):
        raise KeyError("total")
        yield  # pragma: no cover

    monkeypatch.setattr(inpatient_total, "check", boom)
    problems = check(parsed(KAWAGUCHI))
    assert [(p.code, p.severity) for p in problems if p.code == "NS002"] == [("NS002", "error")]
    assert not [p for p in check(parsed(KAWAGUCHI), ignore=["NS002"]) if p.code == "NS002"]


# ---------------------------------------------------------------- NS0xx the file, NS109 other doubts


def test_ns003_truncated_file(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS003") == []
    data = (SAMPLES / KAWAGUCHI).read_bytes().rstrip(b"\n") + "\nあ".encode()[:-1]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    doc = parse_file_data(path)
    assert found_sev(doc, "NS003") == [("NS003", doc["source"]["line_count"], "warning")]


def test_ns109_parser_diagnostic(parsed):
    import copy

    assert found(parsed(KAWAGUCHI), "NS109") == []  # template guidance (lines 101, 124, 167) is not a problem
    assert found(parsed(KASHIWA), "NS109") == []
    doc = copy.deepcopy(parsed(KAWAGUCHI))
    doc["diagnostics"].append({"code": "new-doubt", "severity": "info", "line": 5, "message": "something odd"})
    assert found_sev(doc, "NS109") == [("NS109", 5, "info")]
    assert check(doc, select=["NS109"])[0].message == "new-doubt: something odd"


def test_every_parser_diagnostic_code_is_reported_by_a_rule():
    """Every code the parser can emit is claimed by a rule (or is the template's own text), and the
    parser emits no code outside the enum: its calls take a `Diagnostic`, and its source quotes none."""
    import re as _re
    from pathlib import Path

    import nikosheet
    from nikosheet.diagnostics import Diagnostic
    from nikosheet.validation.rules.parser_diagnostic import SILENT, claimed

    assert set(Diagnostic) <= claimed()
    assert [d for d in Diagnostic if d not in SILENT and not reported_by(d)] == []
    src = Path(nikosheet.__file__).parent
    for f in [*src.glob("sources/*.py"), *src.rglob("parsing/**/*.py")]:
        for line in f.read_text(encoding="utf-8").splitlines():
            if "diag(" in line or ".template(" in line:
                assert not _re.search(r'"[a-z]+-[a-z]+"', line), f"{f.name}: {line.strip()}"


# ---------------------------------------------------------------- NS1xx structure


def test_ns101_missing_section(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS101") == []
    assert found(parsed(KASHIWA), "NS101") == []
    # section 4's heading gone: the sheet has no outcomes, expected before section 5 (line 79)
    doc = edit(
        tmp_path, KAWAGUCHI, (71, "## 4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果", "")
    )
    assert found(doc, "NS101") == [("NS101", 79)]


def test_ns101_long_term_schedule_of_the_fy2024_template(tmp_path):
    doc = edit(
        tmp_path, KASHIWA, (192, "8 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（長期）", "")
    )
    assert doc["template"] == 2024
    assert found(doc, "NS101") == [("NS101", 205)]


def test_ns102_empty_section(parsed, tmp_path):
    assert found_sev(parsed(KAWAGUCHI), "NS102") == [("NS102", 67, "warning")]
    assert found(parsed(KASHIWA), "NS102") == []
    doc = edit(tmp_path, KAWAGUCHI, (69, "", "平成30年度 協議の場を設置"))
    assert found(doc, "NS102") == []


def test_ns103_section_order(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS103") == []
    assert found_sev(parsed(KASHIWA), "NS103") == [("NS103", 114, "info")]
    doc = edit(
        tmp_path,
        KAWAGUCHI,
        (
            59,
            "## 2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",
            "## 3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）",
        ),
        (
            67,
            "## 3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）",
            "## 2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）",
        ),
    )
    assert found_sev(doc, "NS103") == [("NS103", 67, "warning")]


def test_ns104_missing_statistic(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS104") == []
    assert found(parsed(KASHIWA), "NS104") == []
    doc = edit(tmp_path, KAWAGUCHI, (38, "精神科病床数（R5年4月時点）\t\t438\t床\t", ""))
    assert found_sev(doc, "NS104") == [("NS104", 34, "error")]
    assert "精神科病床数" in check(doc, select=["NS104"])[0].message


def test_ns105_empty_statistic(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS105") == []
    assert found(parsed(KASHIWA), "NS105") == [("NS105", 34), ("NS105", 35), ("NS105", 36)]
    doc = edit(tmp_path, KAWAGUCHI, (36, "604,894", ""))
    assert found(doc, "NS105") == [("NS105", 36)]
    # 有 marked but no count: the count is missing
    doc = edit(tmp_path, KASHIWA, (45, "1 / 1", "/"))
    assert found(doc, "NS105") == [("NS105", 34), ("NS105", 35), ("NS105", 36), ("NS105", 45)]


def test_ns106_unparsed_line(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS106") == []
    assert found(parsed(KASHIWA), "NS106") == []
    doc = edit(tmp_path, KAWAGUCHI, (57, "", "自殺死亡率（R4年）\t\t16.8\t人口10万対"))
    assert found(doc, "NS106") == [("NS106", 57)]


def test_ns107_unreadable_value(parsed, tmp_path):
    assert found_sev(parsed(KAWAGUCHI), "NS107") == [("NS107", 54, "warning")]
    assert found(parsed(KASHIWA), "NS107") == []
    doc = edit(tmp_path, KASHIWA, (26, "434,462", "約四十万"))
    assert found(doc, "NS107") == [("NS107", 26)]


def test_ns108_unexpected_row(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS108") == []
    assert found(parsed(KASHIWA), "NS108") == []
    doc = edit(tmp_path, KAWAGUCHI, (57, "", "人口（R5年4月時点）\t\t604,894\t人\t"))
    assert found(doc, "NS108") == [("NS108", 57)]


# ---------------------------------------------------------------- NS2xx arithmetic


def test_ns201_inpatient_total(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS201") == []
    assert found(parsed(KASHIWA), "NS201") == []
    doc = edit(tmp_path, KAWAGUCHI, (39, "344", "345"))
    assert found_sev(doc, "NS201") == [("NS201", 39, "error")]
    assert "92 + 65 + 187 = 344, but 合計 is 345" in check(doc, select=["NS201"])[0].message


def test_ns202_inpatient_percent_sum(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS202") == []
    assert found(parsed(KASHIWA), "NS202") == []
    doc = edit(tmp_path, KAWAGUCHI, (40, "92 26.7", "92 27.7"))
    assert found_sev(doc, "NS202") == [("NS202", 39, "error")]
    # within rounding: 99.9 passes
    doc = edit(tmp_path, KASHIWA, (30, "15.9", "15.8"))
    assert found(doc, "NS202") == []


def test_ns203_inpatient_percent(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS203") == []
    assert found(parsed(KASHIWA), "NS203") == []
    doc = edit(tmp_path, KASHIWA, (31, "50 人 14.7 %", "50 人 16.7 %"))
    assert found_sev(doc, "NS203") == [("NS203", 31, "error")]
    doc = edit(tmp_path, KAWAGUCHI, (42, "187 54.4", "187 58.4"))
    assert found(doc, "NS203") == [("NS203", 42)]
    # truncation instead of rounding (54.36 → 54.3) is accepted
    doc = edit(tmp_path, KAWAGUCHI, (42, "187 54.4", "187 54.3"))
    assert found(doc, "NS203") == []


def test_ns204_inpatient_age_split(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS204") == []
    assert found_sev(parsed(KASHIWA), "NS204") == [("NS204", 33, "warning")]
    # adds up to neither: an error, at the first うち65歳 row
    doc = edit(tmp_path, KAWAGUCHI, (43, "67", "70"))
    assert found_sev(doc, "NS204") == [("NS204", 43, "error")]
    # 柏市 with a split of 1年以上: fine
    doc = edit(tmp_path, KASHIWA, (33, "119 人 221 人", "59 人 177 人"))
    assert found(doc, "NS204") == []


def test_ns205_consultation_office_count(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS205") == []
    assert found(parsed(KASHIWA), "NS205") == []
    doc = edit(tmp_path, KAWAGUCHI, (49, "11", "11.5"))
    assert found_sev(doc, "NS205") == [("NS205", 49, "error")]
    assert found(doc, "NS107") == [("NS107", 54)]  # not reported twice


def test_ns205_on_plain_data(parsed):
    import copy

    doc = copy.deepcopy(parsed(KASHIWA))
    doc["basic_info"]["consultation_offices"]["specific"] = 2.5
    assert found(doc, "NS205") == [("NS205", 39)]


def test_ns206_statistics_plausible(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS206") == []
    assert found(parsed(KASHIWA), "NS206") == []
    doc = edit(tmp_path, KAWAGUCHI, (38, "438", "43,800"))  # 7 % of the population
    assert found_sev(doc, "NS206") == [("NS206", 38, "warning")]
    doc = edit(tmp_path, KAWAGUCHI, (38, "438", "1"))  # fewer beds than hospitals
    assert found_sev(doc, "NS206") == [("NS206", 38, "error")]
    doc = edit(tmp_path, KAWAGUCHI, (36, "604,894", "6,048"))  # population too small
    problems = found_sev(doc, "NS206")
    assert ("NS206", 36, "warning") in problems
    doc = edit(tmp_path, KAWAGUCHI, (36, "604,894", "300"))  # fewer people than inpatients
    assert ("NS206", 39, "error") in found_sev(doc, "NS206")


def test_ns207_discharge_rates(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS207") == []
    assert found(parsed(KASHIWA), "NS207") == []  # empty: nothing to compare
    doc = edit(tmp_path, KAWAGUCHI, (46, "81.0", "51.0"))
    assert found_sev(doc, "NS207") == [("NS207", 46, "error")]
    doc = edit(tmp_path, KAWAGUCHI, (47, "88.0", "188.0"))
    assert found(doc, "NS207") == [("NS207", 47)]


# ---------------------------------------------------------------- NS3xx choices and placeholders


def test_ns301_unmarked_choice(parsed, tmp_path):
    assert found_sev(parsed(KAWAGUCHI), "NS301") == [
        ("NS301", 53, "warning"),
        ("NS301", 54, "info"),
        ("NS301", 55, "info"),
        ("NS301", 56, "info"),
    ]
    assert found_sev(parsed(KASHIWA), "NS301") == [("NS301", 43, "info"), ("NS301", 44, "info")]
    doc = edit(tmp_path, KAWAGUCHI, (53, "有・無", "(有) 無"))
    assert [x for x in found(doc, "NS301") if x[1] == 53] == []
    # the municipality row of a city, unmarked and without a count: unknown
    doc = edit(tmp_path, KASHIWA, (45, "(有) 無\t1 / 1", "有・無\t/"))
    assert ("NS301", 45, "warning") in found_sev(doc, "NS301")


def test_ns302_ambiguous_choice(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS302") == []
    assert found(parsed(KASHIWA), "NS302") == []
    doc = edit(tmp_path, KASHIWA, (42, "(有) 無", "(有) (無)"))
    assert found_sev(doc, "NS302") == [("NS302", 42, "warning")]


def test_ns303_placeholder(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS303") == []
    assert found_sev(parsed(KASHIWA), "NS303") == [("NS303", 203, "warning")]
    doc = edit(tmp_path, KASHIWA, (203, "R●年度", "R9年度"))
    assert found(doc, "NS303") == []
    # a placeholder year that the parser read a month from, and a ○○ in free text
    doc = edit(tmp_path, KAWAGUCHI, (180, "R5年5月", "R●年5月"), (63, "精神障害の有無", "○○市では、精神障害の有無"))
    assert found(doc, "NS303") == [("NS303", 59), ("NS303", 180)]


def test_ns304_guidance_in_table(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS304") == []  # its guidance (line 101) is below the table
    assert found_sev(parsed(KASHIWA), "NS304") == [("NS304", 156, "warning")]
    doc = edit(tmp_path, KASHIWA, (156, "", "③普及啓発の推進\t年1回\t年2回\t市民の理解促進"))
    assert found(doc, "NS304") == []


def test_ns305_council_setup_count(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS305") == []
    assert found(parsed(KASHIWA), "NS305") == []
    doc = edit(tmp_path, KASHIWA, (45, "1 / 1", "36 / 35"))
    assert found_sev(doc, "NS305") == [("NS305", 45, "error")]
    doc = edit(tmp_path, KASHIWA, (45, "1 / 1", "27 / 35"))
    assert found(doc, "NS305") == []


def test_ns306_choice_contradicts_count(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS306") == []
    assert found(parsed(KASHIWA), "NS306") == []
    doc = edit(tmp_path, KASHIWA, (45, "(有) 無", "有 (無)"))
    assert found_sev(doc, "NS306") == [("NS306", 45, "warning")]
    doc = edit(tmp_path, KASHIWA, (45, "1 / 1", "0 / 1"))
    assert found(doc, "NS306") == [("NS306", 45)]


# ---------------------------------------------------------------- NS4xx dates


def test_ns401_as_of_date(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS401") == []  # H29年 退院率 and R2年 630調査 are within their lag
    assert found(parsed(KASHIWA), "NS401") == []  # beds as of R6年3月 in a FY2024 sheet
    doc = edit(tmp_path, KAWAGUCHI, (36, "R5年4月", "H30年4月"))
    assert found_sev(doc, "NS401") == [("NS401", 36, "warning")]
    doc = edit(tmp_path, KAWAGUCHI, (36, "R5年4月", "R7年4月"))
    assert found(doc, "NS401") == [("NS401", 36)]
    doc = edit(tmp_path, KAWAGUCHI, (52, "R4年度", "H30年度"))
    assert found(doc, "NS401") == [("NS401", 52)]


def test_ns402_schedule_month_outside_year(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS402") == []  # R6年1月 is in FY2023
    assert found(parsed(KASHIWA), "NS402") == []
    doc = edit(tmp_path, KAWAGUCHI, (184, "R6年1月", "R5年1月"))
    assert found_sev(doc, "NS402") == [("NS402", 184, "error")]


def test_ns403_schedule_month_order(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS403") == []
    assert found(parsed(KASHIWA), "NS403") == []
    doc = edit(tmp_path, KAWAGUCHI, (182, "R5年11月", "R5年7月"))
    assert found_sev(doc, "NS403") == [("NS403", 182, "warning")]
    assert found(doc, "NS402") == []


def test_ns404_long_term_year_order(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS404") == []  # no long-term schedule
    assert found(parsed(KASHIWA), "NS404") == []
    doc = edit(tmp_path, KASHIWA, (201, "R7年度", "R5年度"))
    assert found_sev(doc, "NS404") == [("NS404", 201, "error")]
    doc = edit(tmp_path, KASHIWA, (202, "R8年度", "R7年度"))  # the same year twice is allowed
    assert found(doc, "NS404") == []


def test_ns405_programme_end_year(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS405") == []
    assert found(parsed(KASHIWA), "NS405") == []  # 令和 8 年度まで, sheet FY2024
    doc = edit(tmp_path, KASHIWA, (194, "令和 8 年度まで", "令和 5 年度まで"))
    assert found_sev(doc, "NS405") == [("NS405", 192, "error")]
    doc = edit(tmp_path, KASHIWA, (194, "令和 8 年度まで", "令和 6 年度まで"))
    assert found(doc, "NS405") == []


# ---------------------------------------------------------------- NS5xx content


def test_ns501_indicator_without_value(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS501") == []
    assert found(parsed(KASHIWA), "NS501") == []
    doc = edit(tmp_path, KASHIWA, (133, "医療と福祉の連携, 相互理解をする場を設ける", ""))
    assert found_sev(doc, "NS501") == [("NS501", 133, "warning")]
    assert "no target (目標値)" in check(doc, select=["NS501"])[0].message
    doc = edit(tmp_path, KAWAGUCHI, (97, "9件\t10件", "9件\t"))
    assert found(doc, "NS501") == [("NS501", 97)]


def test_ns502_council_without_frequency(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS502") == []
    assert found(parsed(KASHIWA), "NS502") == []
    doc = edit(tmp_path, KAWAGUCHI, (164, "6回/年", ""))
    assert found_sev(doc, "NS502") == [("NS502", 164, "warning")]
    assert found(doc, "NS505") == []  # not reported twice
    doc = edit(tmp_path, KAWAGUCHI, (164, "6回/年", "随時"))
    assert found(doc, "NS502") == []


def test_ns503_duplicate_indicator(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS503") == []  # ① in section 4 and ① in section 5 are different tables
    assert found(parsed(KASHIWA), "NS503") == []
    doc = edit(
        tmp_path, KAWAGUCHI, (98, "②地域課題解決に向けた具体的方策の検討", "②「川口市精神保健福祉地域連携票」の活用")
    )
    assert found_sev(doc, "NS503") == [("NS503", 98, "warning")]
    doc = edit(tmp_path, KAWAGUCHI, (99, "③", "②"))
    assert found(doc, "NS503") == [("NS503", 99)]


def test_ns504_duplicate_council(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS504") == []
    assert found(parsed(KASHIWA), "NS504") == []  # 同事業(実務者会議) and 同事業(コア会議) differ
    doc = edit(tmp_path, KAWAGUCHI, (165, "委員ヒアリング\t", "事務局会議\t"))
    assert found_sev(doc, "NS504") == [("NS504", 165, "warning")]


def test_ns505_empty_field(parsed, tmp_path):
    assert found(parsed(KAWAGUCHI), "NS505") == []
    assert found_sev(parsed(KASHIWA), "NS505") == [("NS505", 202, "info"), ("NS505", 208, "info")]
    doc = edit(tmp_path, KASHIWA, (202, "R8年度\t\t", "R8年度\t庁内連携の評価\t"))
    assert found(doc, "NS505") == [("NS505", 208)]
