"""A table read out of its rows or columns says so: the `shifted-cell` warning, on real converter texts
(`fixtures/converters/`), and never on a sheet in the samples' form."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import FIXTURES, SAMPLES, SHEETS, by_converter
from nikosheet import parse_text_data
from nikosheet.parsing import shifts
from test_converters import FILES, agreement
from test_rules import edit

CONVERTERS = FIXTURES / "converters"
GOOD = sorted(SHEETS.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))

# (converter text, line, the message's telling part, the section whose fields the text misreads)
CASES = [
    ("kashiwa-r6--pdftotext", 382, "the name holds an indicator's number", "outcomes"),
    ("city-bold-headings-fy2023--lopdf-pdftotext-layout", 38, "one is read and the other not", "basic_info"),
    ("designated-sendai-fy2023--pdftotext", 200, "経過 '特定非営利活動法人' is a body's kind", "history"),
    ("pref-fy2024--pdftotext", 290, "課題 'の参画' starts inside a word", "strengths"),
    ("kawaguchi-r5--pdftotext", 531, "'課' starts inside a word", "councils"),
    ("city-edge-values-fy2024--lopdf-pdftotext-layout", 168, "構成員 '年6回' is a frequency", "councils"),
    ("core-himeji-fy2024--markitdown-pdf", 185, "障害福祉課、' ends with a list's comma", "councils"),
    ("kawaguchi-r5--lopdf-pdftotext-layout", 282, "holds a laid-out text's gap between columns", "councils"),
    ("pref-fullwidth-dot-fy2023--pdfplumber-layout", 103, "row '②ピアサポーターの養成 15名 12名", "outcomes"),
    ("city-table-shapes-fy2023--pymupdf4llm", 54, "'高崎市精神保健福祉推進会議を設置実務者会議を設置'", "history"),
    ("city-pipe-fy2023--pdfplumber", 66, "indicator number 2 comes after 2", "outcomes"),
    ("pref-gifu-fy2024--pdftotext", 349, "issue '力' has no 取組方針", "strengths"),
    ("pref-gifu-fy2024--lopdf-markitdown", 202, "'調整を行っている。がある。' holds a sentence", "coordination"),
    ("ward-nerima-fy2023--pdfminer", 273, "a role's action of 86 characters", "strengths"),
    ("core-tottori-sparse-fy2024--pdftotext", 291, "its name is a list (3 commas)", "councils"),
    (
        "kawaguchi-r5--lopdf-markitdown",
        121,
        "目標値 / 実績値 '・' is list marks alone",
        "outcomes",
    ),
    ("ward-nerima-fy2023--lopdf-markitdown", 240, "'R5年11月': 実施する項目 is empty", "annual_schedule"),
    (
        "pref-fullwidth-dot-fy2023--lopdf-pdftotext",
        243,
        "its 行政 role is empty while its other roles are filled",
        "strengths",
    ),
    ("pref-fy2024--lopdf-markitdown", 134, "is a list of 2 items: no sheet's issue is one", "strengths"),
]


def _truth(name: str, parsed) -> dict:
    return parsed(f"{name.split('--', 1)[0]}.txt")


@pytest.mark.parametrize(("name", "line", "said", "section"), CASES, ids=lambda v: str(v)[:40])
def test_a_shifted_read_says_so(name, line, said, section, parsed, converted):
    doc = converted(CONVERTERS / f"{name}.txt")
    shifted = [d for d in doc["diagnostics"] if d["code"] == "shifted-cell" and d["line"] == line]
    assert [d["severity"] for d in shifted if said in d["message"]] == ["warning"], shifted
    _, missed = agreement(_truth(name, parsed), doc)
    assert any(m.startswith(section) for m in missed)  # the section is indeed misread


def test_a_date_cell_that_holds_its_row_is_read_as_the_row(converted):
    """A converter that joined a year's (a month's) cell and the empty cell beside it with a space:
    the text after the date is the event (the item), as in the sheet."""
    layout = converted(CONVERTERS / "city-pipe-fy2023--pdftotext-layout.txt")
    event = next(e for e in layout["history"]["events"] if e["line"] == 69)
    assert (event["period"], event["fiscal_year"], event["description"]) == (
        "令和4年度～",
        2022,
        "ピアサポーター養成講座を開始",
    )
    markitdown = converted(CONVERTERS / "core-tottori-sparse-fy2024--markitdown-pdf.txt")
    item = next(i for i in markitdown["annual_schedule"]["items"] if i["line"] == 124)
    assert (item["label"], item["month"], item["item"]) == ("R6年6月", "2024-06", "第1回退院支援連絡会")
    assert not [d for d in layout["diagnostics"] + markitdown["diagnostics"] if d["line"] in (69, 124)]


def test_a_year_cell_run_into_its_event_is_said_shifted(tmp_path):
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (117, "平成16年\t精神障害者地域移行支援事業\t", "平成16年精神障害者地域移行支援事業\t\t"),
    )
    # the sign itself (a sheet in the samples' form is not looked at: its tabs bound every cell)
    shifted = [message for _, message in shifts.signs(doc)]
    assert shifted == [
        "取組の経緯 年度 '平成16年精神障害者地域移行支援事業' holds more than its date"
        " and the row has nothing beside it: the row was read out of its columns"
    ]


def test_a_commissions_mark_read_into_its_event_and_two_months_run_together_are_said_shifted(tmp_path):
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (119, "平成24年度\t地域移行支援の制度化\t↓", "平成24年度\t地域移行支援の制度化 ↓\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '地域移行支援の制度化 ↓' ends with ↓, the mark of the 委託 column beside it:"
        " the row was read out of its columns"
    ]
    # a commission that is `－` (none), read into its event after a space
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (119, "平成24年度\t地域移行支援の制度化\t↓", "平成24年度\t地域移行支援の制度化 －\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '地域移行支援の制度化 －' ends with －, the mark of the 委託 column beside it:"
        " the row was read out of its columns"
    ]
    doc = edit(tmp_path, "kawaguchi-r5.txt", (180, "R5年5月\t", "R5年5月R5年8月\t"))
    assert [message for _, message in shifts.signs(doc)] == [
        "スケジュール（今年度） 時期(月) 'R5年5月R5年8月' holds two dates with nothing between them:"
        " two rows were read as one"
    ]
    doc = edit(
        tmp_path, "kawaguchi-r5.txt", (180, "取り組みについての聞き取り", "取り組みについての聞き取りR5年8月～R6年")
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "スケジュール（今年度） '地域課題の解決に向けた取り組みについての聞き取りR5年8月～R6年'"
        " ends with a date, the next row's date cell: the rows were read out of their lines"
    ]


def test_a_councils_name_that_holds_a_frequency_is_said_shifted(tmp_path):
    """A council's name with its next cells run into it (PyMuPDF's one-line cells on one baseline)."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (164, "事務局会議\t障害福祉課、疾病対策課\t", "事務局会議障害福祉課、疾病対策課6回/年\t\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "council '事務局会議障害福祉課、疾病対策課6回/年': its name holds a frequency:"
        " the row was read out of its columns"
    ]


def test_a_councils_name_that_opens_with_a_frequency_or_an_activitys_item_is_said_shifted(tmp_path):
    """The row above's frequency in words, or its activity's last item, read into the next council's name
    (PyMuPDF on a LibreOffice PDF: each cell's lines one after the other, a row's empty notes between)."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (164, "事務局会議\t", "四半期ごと未設置町村への支援方針の検討事務局会議\t"),
        (165, "委員ヒアリング\t", "・ピアサポーターの病院訪問の調整委員ヒアリング\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "council '四半期ごと未設置町村への支援方針の検討事務局会議': its name holds a frequency:"
        " the row was read out of its columns",
        "council '・ピアサポーターの病院訪問の調整委員ヒアリング': its name opens with a list's item:"
        " an activity was read into it",
    ]


def test_a_councils_name_that_holds_two_councils_names_is_said_shifted(tmp_path):
    """Two rows' names run together where a frequency each body holds (`区により年2～6回`) broke the rows
    (markitdown and pdfplumber on a LibreOffice PDF); a body's sub-body (`…審議会地域移行部会`) is one name."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (164, "事務局会議\t", "大阪市地域移行推進協議会区版協議の場（24区）\t"),
        (165, "委員ヒアリング\t", "川口市精神保健福祉審議会地域移行部会\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "council '大阪市地域移行推進協議会区版協議の場（24区）': its name holds two councils' names"
        " ('大阪市地域移行推進協議会', then '区版協議の場'): two rows were read as one"
    ]


def test_a_councils_name_held_at_its_frequency_is_no_sign(tmp_path):
    """`随時開催の…`: a name may say how often it meets; what goes on after the word is the name's."""
    doc = edit(tmp_path, "kawaguchi-r5.txt", (164, "事務局会議\t", "随時開催の事務局会議\t"))
    assert list(shifts.signs(doc)) == []


def test_a_councils_activities_holding_other_councils_frequencies_are_said_shifted(tmp_path):
    """The rows below run into a council's activities (pdftotext -layout): their frequencies with them."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (165, "地域課題の抽出 「にも包括」", "地域課題の抽出 4回/年 事例検討 月1回 「にも包括」"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "council '委員ヒアリング': its 実施内容 and 特記事項 hold 2 frequencies (4回/年、月1回): other councils'"
        " cells were read into the row"
    ]


def test_a_frequencys_unit_without_its_count_in_a_councils_cell_is_said_shifted(tmp_path):
    """The end of a frequency its narrow column wrapped (`各地` / `域3` / `回/年`) read into the members
    beside it, the council itself read into the one above (pdfplumber on a LibreOffice PDF)."""
    doc = edit(tmp_path, "kawaguchi-r5.txt", (164, "障害福祉課、疾病対策課", "障害福祉課、疾病対策課回/年"))
    assert [message for _, message in shifts.signs(doc)] == [
        "council '事務局会議': its 構成員 holds a frequency's unit with no count before it ('課回/年'): the"
        " frequency, wrapped by its column, was read into the cell and the row out of its rows"
    ]


def test_an_event_that_ends_with_a_bodys_name_is_said_shifted(tmp_path):
    """The 委託 cell beside an event read into it (PyMuPDF on a LibreOffice PDF: the cells' lines one after
    the other, the commission's line right after the event's)."""
    doc = edit(
        tmp_path, "kashiwa-r6.txt", (119, "地域移行支援の制度化\t↓", "地域移行支援の制度化（県事業）たんぽぽセンター\t")
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '地域移行支援の制度化（県事業）たんぽぽセンター' ends with a body's name, a 委託 cell's:"
        " the cell beside it was read into the event"
    ]


def test_a_bodys_kind_read_as_an_event_is_said_shifted(tmp_path):
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (120, "\t柏市自立支援協議会相談支援部会の連絡会として位置づける\t", "\t社会福祉法人\t"),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '社会福祉法人' is a body's kind, the 委託 column's first words:"
        " the row was read out of its columns"
    ]


def test_a_cell_whose_bracket_does_not_pair_is_said_shifted(tmp_path):
    """A commissioned body's name cut by its narrow column, its first line (a bracket opened) run into the
    event beside it (pdfplumber and markitdown on a LibreOffice PDF)."""
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (
            118,
            "\t「柏市精神障害者地域移行支援協議会」の発足\tたんぽぽセンターが受託",
            "\t社会福祉法人（市内の相談支援事業所「柏市精神障害者地域移行支援協議会」の発足\t",
        ),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '社会福祉法人（市内の相談支援事業所「柏市精神障害者地域移行支援協議会」の発足' holds a bracket"
        " that closes none or is never closed (（): a cell was cut apart or read into another"
    ]


def test_a_figure_read_into_a_sectors_cell_is_said_shifted(tmp_path):
    """A figure's labels below the sectors' table run on after the last row's last sentence."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (
            120,
            "連携が課題となっている。",
            "連携が課題となっている。川口市役所内での主な役割分担川口市保健所 疾病対策課 精神保健係",
        ),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "sector その他関係機関・住民等: '川口市役所内での主な役割分担川口市保健所 疾病対策課 精神保健係' runs on after"
        " the cell's last sentence: the text below the table was read into it"
    ]


def test_no_sheet_in_the_samples_form_is_said_shifted(parsed):
    for path in GOOD:
        doc = parsed(path.name)
        assert list(shifts.signs(doc)) == [], path.name  # none of the signs, where a form rebuilt a table or not
        assert [d for d in doc["diagnostics"] if d["code"] == "shifted-cell"] == [], path.name


@pytest.mark.parametrize("path", by_converter(FILES))
def test_no_lossy_read_of_a_converter_text_looks_like_a_quiet_success(path, parsed, converted):
    """A text that reads fewer than 90 % of its sheet's fields carries a warning its sheet does not.

    None is known to read too little with no warning. (ward-nerima through PyMuPDF of its LibreOffice PDF
    says that the figure below its sectors' table was read into the last row's cell; kawaguchi-r5 through
    pdfminer, whose only warning had been its section 5 indicators' table's until that table was read,
    says that a council's name ends inside a phrase.)
    """

    def warnings(doc: dict) -> Counter[str]:
        return Counter(d["code"] for d in doc["diagnostics"] if d["severity"] in ("warning", "error"))

    doc = converted(path)
    if isinstance(doc, Exception):
        return
    truth = _truth(path.stem, parsed)
    share, _ = agreement(truth, doc)
    assert share >= 0.9 or warnings(doc) - warnings(truth), f"{share:.1%} of fields read, no warning"


def test_validate_reports_it_as_an_unexpected_row(cli):
    path = CONVERTERS / "pref-fy2024--pdftotext.txt"
    result = cli("validate", str(path), "--select", "NS108")
    assert f"{path}:290: warning NS108" in result.stdout
    assert "'の参画'" in result.stdout


def test_an_event_that_holds_the_commissions_mark_with_the_next_rows_words_after_it_is_said_shifted(tmp_path):
    """The 委託 column's `↓` and the next event's words run into an event (a laid-out text's row read
    across the next): no event holds the mark, so the row was read out of its columns."""
    row = "平成24年度\t地域移行支援の制度化"
    doc = edit(tmp_path, "kashiwa-r6.txt", (119, f"{row}\t↓", f"{row} ↓柏市自立支援協議会相談支援部会の連絡会\t"))
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '地域移行支援の制度化 ↓柏市自立支援協議会相談支援部会の連絡会' holds ↓, the mark of the 委託 "
        "column beside it, with words after it: the next row's cells were read into it"
    ]


def test_a_bare_number_in_the_commission_column_is_said_shifted(tmp_path):
    """The next section's number read as a 委託 (`4`): the readers now keep it out, the sign stays."""
    row = "平成24年度\t地域移行支援の制度化\t"
    doc = edit(tmp_path, "kashiwa-r6.txt", (119, f"{row}↓", f"{row}4"))
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 委託 '4' is a bare number: the row was read out of its columns"
    ]


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("R6年6月 第1回退院支援連絡会", ("R6年6月", "第1回退院支援連絡会")),
        ("令和4年度～ ピアサポーター養成講座を開始", ("令和4年度～", "ピアサポーター養成講座を開始")),
        ("令和6年 4月～6月 研修", ("令和6年 4月～6月 研修", "")),  # more of the date: left whole
        ("R6年度 上半期", ("R6年度 上半期", "")),
        ("R6年度 （予定）", ("R6年度 （予定）", "")),
        ("R7年度 第2四半期", ("R7年度 第2四半期", "")),
    ],
)
def test_a_date_cell_gives_only_text_that_is_no_date(cell, read):
    from nikosheet.parsing.sections.common import dated_cell

    assert dated_cell(cell, "") == read
    assert dated_cell(cell, "研修会") == (cell, "研修会")  # the cell beside holds its own text


def test_values_apart_in_an_indicators_effects_with_no_target_or_actual_are_said_shifted():
    def indicator(effects: str, target: list[str]) -> dict:
        return {"line": 5, "number": 1, "name": "長期入院者数", "target": target, "actual": [], "effects": [effects]}

    read = indicator("長期入院者数は目標に届かなかったが、会議2,050人 2,129人 で情報を共有できた。", [])
    assert [message for _, message in shifts.signs({"outcomes": {"indicators": [read]}})] == [
        "indicator '長期入院者数': 目標値 and 実績値 are empty and 具体的な成果・効果 holds values "
        "('長期入院者数は目標に届かなかったが、会議2,050人 2,129人 で情報を共有できた。'): "
        "the row was read out of its columns"
    ]
    whole = indicator("長期入院者数は2,129人で、目標に届かなかった。", ["2,050人"])
    assert list(shifts.signs({"outcomes": {"indicators": [whole]}})) == []


def test_a_long_vowel_mark_after_a_kanji_is_said_to_run_two_cells_together():
    def council(notes: str) -> dict:
        return {"line": 9, "name": "推進会議", "members": "病院", "activities": ["事例検討"], "notes": notes}

    read = council("代表者が参加しており、方針決定がステム推進会議ー、行政")
    assert [message for _, message in shifts.signs({"councils": {"meetings": [read]}})] == [
        "協議の場の実施状況 協議の場 '代表者が参加しており、方針決定がステム推進会議ー、行政' holds a long vowel "
        "mark after a kanji or a comma (`議ー、`), where no word has one: pieces of two cells were run together"
    ]
    for whole in ("代表者が参加しており、センター長が出席する。", "R6年4月ー5月に開催する。", "ーー"):
        assert list(shifts.signs({"councils": {"meetings": [council(whole)]}})) == []


def test_a_council_with_no_name_or_a_list_or_a_sentence_for_its_name_is_said_shifted():
    # pdfplumber of a LibreOffice PDF: two councils' rows read as one, the first's name among the
    # second's members; plain pdftotext: a council's name and its members' first line read as one;
    # PyMuPDF of a LibreOffice PDF: a note's end read into the next council's name
    def council(name: str | None) -> dict:
        members = "精神科病院、医師会、相談支援事業所、社会福豊中市精神保健福祉協議会、家族会"
        return {"line": 9, "name": name, "members": members, "activities": ["事例検討"], "notes": None}

    said = [message for _, message in shifts.signs({"councils": {"meetings": [council(None)]}})]
    assert said == [
        "a council with 構成員 '精神科病院、医師会、相談支援事業所、社会福豊中市精神保健福祉協議会、家族会' "
        "has no name: its row was read together with another's"
    ]
    listed = council("推進会議 精神科病院、相談支援事業所、家族会")
    said = [message for _, message in shifts.signs({"councils": {"meetings": [listed]}})]
    assert said == [
        "council '推進会議 精神科病院、相談支援事業所、家族会': its name is a list (2 commas): the 構成員 cell was "
        "read into it"
    ]
    noted = council("年区の課題の抽出の整備が必要こころの見守りネットワーク連絡会")
    said = [message for _, message in shifts.signs({"councils": {"meetings": [noted]}})]
    assert said == [
        "council '年区の課題の抽出の整備が必要こころの見守りネットワーク連絡会': its name holds a sentence's words "
        "('が必要'): another cell was read into it"
    ]
    for whole in ("圏域地域移行推進会議（5圏域、各保健所が事務局）", "医療・福祉連携会議"):
        assert list(shifts.signs({"councils": {"meetings": [council(whole)]}})) == []


def test_an_indicator_numbered_past_the_next_or_not_numbered_is_said_shifted():
    # pdfplumber of a LibreOffice PDF: the row ② read into ①'s, so that ③ follows ①
    def indicators(*numbers: int) -> dict:
        return {"indicators": [{"line": 20 + n, "number": n, "name": "相談件数"} for n in numbers]}

    assert [message for _, message in shifts.signs({"outcomes": indicators(1, 3, 4)})] == [
        "取組の成果・効果: indicator number 3 comes right after 1: the rows between were read into others"
    ]
    assert list(shifts.signs({"outcomes": indicators(1, 2, 3), "strengths_and_issues": indicators(1, 2)})) == []
    # pymupdf4llm: a name's wrapped rest read as a row of its own, with no number
    read = indicators(1, 2)
    read["indicators"].insert(2, {"line": 25, "number": None, "name": "入れ件数（地域生活支援拠"})
    assert [message for _, message in shifts.signs({"outcomes": read})] == [
        "取組の成果・効果: indicator '入れ件数（地域生活支援拠' has no number among numbered ones: another row's "
        "wrapped lines were read as a row",
        "取組の成果・効果 指標 '入れ件数（地域生活支援拠' holds a bracket that closes none or is never closed (（):"
        " a cell was cut apart or read into another",
    ]


def test_a_planned_indicators_sentence_in_its_values_is_said_shifted():
    # docx2txt: a planned indicator's cells written as bare list items, its effects read into its target
    def planned(target: str, effects: str | None) -> dict:
        return {
            "line": 7,
            "number": 1,
            "name": "退院前カンファレンス",
            "current": "未集計",
            "target": target,
            "expected_effects": effects,
        }

    effects = "精神科救急で入院した人が、退院後すぐに地域の支援につながる。"
    read = planned(effects, None)
    assert [message for _, message in shifts.signs({"strengths_and_issues": {"indicators": [read]}})] == [
        f"indicator '退院前カンファレンス': 現状値 or 目標値 holds a sentence ('{effects}') and 見込んでいる成果・効果 "
        "none: the row was read out of its columns"
    ]
    whole = planned("年60件", effects)
    assert list(shifts.signs({"strengths_and_issues": {"indicators": [whole]}})) == []


def test_an_indicators_target_holding_two_values_with_nothing_between_is_said_shifted():
    # pdfminer: the target's and the actual's one-line cells read as one (`年2回年1回`)
    def indicator(target: list[str], actual: list[str]) -> dict:
        return {"line": 7, "number": 1, "name": "推進会議の開催", "target": target, "actual": actual, "effects": []}

    read = indicator(["年2回年1回"], ["関係機関の担当者が集まり、市の課題を共有し"])
    assert [message for _, message in shifts.signs({"outcomes": {"indicators": [read]}})] == [
        "indicator '推進会議の開催': 目標値 or 実績値 '年2回年1回' holds two values with nothing between them: "
        "two cells were read as one"
    ]
    whole = indicator(["年2回（うち1回はオンライン）"], ["年1回"])
    assert list(shifts.signs({"outcomes": {"indicators": [whole]}})) == []


def test_a_planned_indicators_name_ending_with_a_value_is_said_shifted():
    # section 5: the current value's cell read into the name (`…研修会の開催` `1回`)
    def planned(name: str) -> dict:
        return {"line": 9, "number": 3, "name": name, "current": "10件", "target": "2回", "expected_effects": "1回"}

    read = {"strengths_and_issues": {"indicators": [planned("協議の場委員を対象とした研修会1回")]}}
    assert [message for _, message in shifts.signs(read)] == [
        "indicator '協議の場委員を対象とした研修会1回': the name ends with a value: the row was read out of its columns"
    ]
    assert list(shifts.signs({"strengths_and_issues": {"indicators": [planned("研修会の参加者数")]}})) == []


def test_a_history_year_before_the_one_above_is_said_shifted():
    def event(line: int, period: str, year: int) -> dict:
        return {
            "line": line,
            "period": period,
            "fiscal_year": year,
            "description": "協議の場を設置",
            "commission": None,
        }

    history = {"events": [event(3, "令和5年度", 2023), event(4, "平成29年度", 2017)], "text": []}
    assert [(line, message) for line, message in shifts.signs({"history": history})] == [
        (4, "取組の経緯 年度 '平成29年度' comes after fiscal year 2023: the rows were read out of order")
    ]


def test_an_issues_row_read_as_a_new_issue_is_said_shifted(tmp_path):
    """The issue's wrapped rest written in its 医療 row (the converter split the issue's cell at a page
    or a blank line): a new issue with no 行政 row below an issue with nothing but 行政."""
    row = "\t\t医療\t医療分野の課題抽出, 情報共有"
    doc = edit(tmp_path, "kashiwa-r6.txt", (145, row, "事業評価の指標がない" + row))
    issues = doc["strengths_and_issues"]["issues"]
    assert [i["issue"] for i in issues[:2]] == [
        "「にも包括」の取り組みの目標 ゴール設定がしにくい 事業評価の指標がない",
        "事業評価の指標がない",
    ]
    assert [message for _, message in shifts.signs(doc)] == [
        "issue '事業評価の指標がない': its roles start after 行政, where the issue above has none: a row of the "
        "issue above was read as a new issue"
    ]


def test_rows_of_the_events_table_cut_off_into_a_table_of_their_own_are_warned_of():
    """A converter that cut the 年度 / 経過 / 委託 table apart (a long event's wrapped lines, a page
    break) leaves its later rows as a table headed by one of them: kept as that table, and said."""
    lines = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8").split("\n")
    assert lines[120].startswith("平成30年度")
    cut = "\n".join([*lines[:120], "", "（次頁に続く）", "", *lines[120:]])
    doc = parse_text_data(cut, "kashiwa-r6.txt")
    history = doc["history"]
    assert [e["period"] for e in history["events"]] == ["平成16年", "平成23年度～", "平成24年度", "平成24年度"]
    assert history["tables"][-1]["header"][0] == "平成30年度"
    said = [(d["code"], d["line"], d["message"]) for d in doc["diagnostics"] if d["code"] == "missing-table"]
    assert said == [
        (
            "missing-table",
            124,
            "section 3: 3 rows that start with a year were read as a table not headed 年度 / 経過 / 委託: the"
            " converter cut the 取組の経緯 table apart, and they are kept as that table, not as events",
        )
    ]


def _event(line: int, period: str, year: int | None, description: str, commission: str | None = None) -> dict:
    return {"line": line, "period": period, "fiscal_year": year, "description": description, "commission": commission}


_WORDS_IN_YEAR = "holds words of an event, not only its date: the row was read out of its columns"


def test_a_year_cell_holding_an_events_words_beside_an_event_is_said_shifted():
    """pdfplumber's text of a wrapped event, whose lines went partly to the year's column."""
    history = {
        "events": [
            _event(
                71, "平成30年度市の協議の場を設置", 2018, "精神障害にも対応した地域包括ケアシステム構築推進事業を開始"
            ),
            _event(75, "令和元年度4月", 2019, "アウトリーチ支援チームの設置"),
            _event(80, "「川崎市こころの地域連携シート」の運用を開始", None, "きピアネット"),
            _event(84, "現在", None, "評価指標の見直し"),
        ],
        "text": [],
    }
    assert [(line, message) for line, message in shifts.signs({"history": history})] == [
        (
            71,
            "取組の経緯 年度 '平成30年度市の協議の場を設置' holds words of an event, not only its date:"
            " the row was read out of its columns",
        ),
        (
            80,
            "取組の経緯 年度 '「川崎市こころの地域連携シート」の運用を開始' holds words of an event, not only its"
            " date: the row was read out of its columns",
        ),
    ]


def test_an_event_in_the_commission_column_or_an_event_cut_at_a_wrap_is_said_shifted():
    """PyMuPDF's and pypdf's texts: an event read into the 委託 column beside the one above, and an
    event's wrapped line read as an event of its own."""
    history = {
        "events": [
            _event(
                108, "平成24年度", 2012, "個別給付化", "ピアサポーター養成特定非営利活動法人 みやざきピアサポートネット"
            ),
            _event(110, "平成24年度", 2012, "相談支援の充実", "基幹相談支援センター（社会福祉法人）"),
            _event(112, "平成25年度", 2013, "実態調査", "社会医療法人 ○○会"),
            _event(122, "令和元年度", 2019, "精神障害にも対応した地域包括ケアシステム構築推進事業", "県協議の場設置"),
            _event(124, "令和2年度", 2020, "地域移行・地域定着支援事業に移行、地域移行コーディネーターを"),
            _event(125, "令和2年度", 2020, "配置"),
            _event(126, "令和2年度", 2020, "地域移行推進会議の開催", "県協議の場設置4圏域に協議の場"),
            _event(127, "令和2年度", 2020, "（直営）"),
        ],
        "text": [],
    }
    assert [(line, message) for line, message in shifts.signs({"history": history})] == [
        (
            108,
            "取組の経緯 委託 'ピアサポーター養成特定非営利活動法人 みやざきピアサポートネット' holds an event:"
            " the row was read out of its columns",
        ),
        (122, "取組の経緯 委託 '県協議の場設置' holds an event: the row was read out of its columns"),
        (
            124,
            "取組の経緯 経過 '地域移行・地域定着支援事業に移行、地域移行コーディネーターを' ends inside a sentence:"
            " the rest of the event was read as a row of its own or into another",
        ),
        (126, "取組の経緯 委託 '県協議の場設置4圏域に協議の場' holds an event: the row was read out of its columns"),
        (
            127,
            "取組の経緯 経過 '（直営）' is a bracket alone, a 委託 cell's (`（直営）`): the row was read out of its"
            " columns",
        ),
        (
            125,
            "取組の経緯 経過 '配置' is shorter than any the template's column holds (4 characters or more): a piece"
            " of a cell the converter cut apart, read as a row or an item of its own",
        ),
    ]


def test_two_councils_cells_read_as_one_are_said_shifted():
    """`pdftotext -layout` and PyMuPDF's texts of LibreOffice PDFs: a council's frequency followed by the
    next row's activity, its members holding the next council's frequency, an activity cut at a comma
    (its rest read into the notes), a name that starts with the notes' sentence above it or holds the
    activities' list; pdfplumber's: a name cut after two characters."""

    def council(line: int, name: str, members: str, frequency: str, activities: list[str]) -> dict:
        return {
            "line": line,
            "name": name,
            "members": members,
            "frequency": {"text": frequency, "per_year": None},
            "activities": activities,
            "notes": None,
        }

    councils = {
        "meetings": [
            council(
                186,
                "荒川区精神障害にも対応した地域包括ケアシステム推進会議",
                "民生委員、行政担当者健康サポートセンター、相談支援事 各地区年2回業所、熟年相談室",
                "2回/年・個別事例の検討",
                ["地区連絡会の取組報告"],
            ),
            council(190, "事務局会議", "保健予防課", "年2回（予定）", ["協議の場の準備、事業の"]),
            council(
                195, "回の会議で議論が深まりにくい区精神保健福祉連絡会（6区）", "保健センター", "年4回", ["事例検討"]
            ),
            council(200, "久留", "久留米市精神科病院協会（9病院）、久", "年2回", ["地域課題の共有"]),
            council(205, "協議の場の準備、事業の健康センター回進捗管理長期入院者退院支援連絡会", "", "年4回", ["共有"]),
        ]
    }
    assert [(line, message) for line, message in shifts.signs({"councils": councils})] == [
        (
            186,
            "council '荒川区精神障害にも対応した地域包括ケアシステム推進会議': 開催頻度 '2回/年・個別事例の検討' holds"
            " words after its frequency: the row was read out of its columns",
        ),
        (
            186,
            "council '荒川区精神障害にも対応した地域包括ケアシステム推進会議': 構成員 '民生委員、"
            "行政担当者健康サポートセンター、相談支援事 各地区年2回業所、熟年相談室' holds a frequency (年2回):"
            " councils' cells were read as one",
        ),
        (
            190,
            "council '事務局会議': 実施内容 '協議の場の準備、事業の' ends inside a phrase: the rest was read into"
            " another cell",
        ),
        (
            195,
            "council '回の会議で議論が深まりにくい区精神保健福祉連絡会（6区）': its name holds a sentence's words"
            " ('にくい'): another cell was read into it",
        ),
        (
            200,
            "council '久留': the name is cut (too short, or ending inside a phrase): the rest was read into another"
            " cell",
        ),
        (
            205,
            "council '協議の場の準備、事業の健康センター回進捗管理長期入院者退院支援連絡会': its name holds a comma"
            " outside brackets: another cell was read into it",
        ),
    ]


def test_an_issues_policy_that_ends_with_a_roles_word_is_said_shifted():
    """`pdftotext -layout`'s text: the 医療 row's word run onto the policy's last line, its action read
    into 行政's (no sheet's policy ends with a role's word: 0 of 922)."""
    issue = {
        "line": 135,
        "issue": "長期入院者の退院後の住まいの確保が難しい",
        "policies": ["居住支援協議会と連携し, グループホームや民間賃貸住宅の確保を進める。 医療"],
        "roles": {
            "administration": ["居住支援協議会との合同研修の開催退院支援委員会への地域支援者の参加受け入れ"],
            "medical": [],
            "welfare": ["グループホームの体験利用の受け入れ"],
            "others": ["不動産関係団体, 居住支援法人による住まいの確保"],
        },
    }
    assert [(line, message) for line, message in shifts.signs({"strengths_and_issues": {"issues": [issue]}})] == [
        (
            135,
            "issue '長期入院者の退院後の住まいの確保が難しい': '居住支援協議会と連携し, グループホームや民間賃貸住宅の"
            "確保を進める。 医療' ends with a role's word: the roles' rows were read into the issue or its policy",
        )
    ]


def test_two_events_read_as_one_past_a_step_that_ends_as_an_event_does_are_said_shifted(tmp_path):
    # `…として位置づけ` ends an event as `…を設置` does (0 of 235 events go on after it with a word): the
    # next row's event (its year's cell empty) was read into it
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (
            120,
            "\t柏市自立支援協議会相談支援部会の連絡会として位置づける\t",
            "\t柏市自立支援協議会相談支援部会の連絡会として位置づけ実務者会議を設置\t",
        ),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '柏市自立支援協議会相談支援部会の連絡会として位置づけ実務者会議を設置' holds two events,"
        " one run into the other after 'として位置づけ': rows were read as one"
    ]


def test_a_cell_that_opens_a_bracket_and_holds_no_other_is_said_shifted(tmp_path):
    """The same cut with no other bracket in the cell: an opened bracket alone is a sign too."""
    doc = edit(
        tmp_path,
        "kashiwa-r6.txt",
        (
            118,
            "\t「柏市精神障害者地域移行支援協議会」の発足\tたんぽぽセンターが受託",
            "\t社会福祉法人（市内の相談支援事業所の協議会の発足\t",
        ),
    )
    assert [message for _, message in shifts.signs(doc)] == [
        "取組の経緯 経過 '社会福祉法人（市内の相談支援事業所の協議会の発足' holds a bracket that closes none or is"
        " never closed (（): a cell was cut apart or read into another"
    ]


def _item(line: int, label: str, month: str, item: str, *actions: str) -> dict:
    return {"label": label, "month": month, "item": item, "actions": list(actions), "line": line}


def test_a_schedules_date_run_into_an_item_or_cut_by_a_wrap_is_said_shifted():
    """LibreOffice's PDF of a schedule whose date cells wrap (`2023年4` / `月～6月`): PyMuPDF runs a row's
    date into the item beside it and the next row's into an action; markitdown and pdfplumber leave the
    date's end (`月～6月`) as an item and its start in an action."""
    schedule = {
        "items": [
            _item(
                213, "2023年7月", "2023-07", "2023年4月～6月病院への聞き取り", "市内4病院の精神保健福祉士から聞き取る。"
            ),
            _item(221, "2023年8月", "2023-08", "ワーキンググループ", "事例検討2023年9月～10月相談支援事業所向け研修"),
            _item(147, "2023年11月", "2023-11", "月～6月", "2023年4 市内4病院の精神保健福祉士から聞き取る。"),
            _item(155, "2024年1月", "2024-01", "2023年9 相談支援事業所向月～10月 け研修"),
            # a sheet's own words: a month after a particle, in brackets, a month's own word (毎月)
            _item(160, "2024年2月", "2024-02", "第2回推進会議", "R6年3月までに計画を改定する（令和6年1月施行）"),
            _item(161, "2024年3月", "2024-03", "報告書の作成", "毎月～3月の活動をまとめる"),
        ],
        "text": [],
    }
    assert [(line, message) for line, message in shifts.signs({"annual_schedule": schedule})] == [
        (
            213,
            "スケジュール（今年度） '2023年4月～6月病院への聞き取り' holds a date ('2023年4月～6月') run into its"
            " words, a date cell's: the rows were read out of their lines",
        ),
        (
            221,
            "スケジュール（今年度） '事例検討2023年9月～10月相談支援事業所向け研修' holds a date ('2023年9月～10月')"
            " run into its words, a date cell's: the rows were read out of their lines",
        ),
        (
            147,
            "スケジュール（今年度） '月～6月' holds a date ('月～6月') run into its words, a date cell's: the rows"
            " were read out of their lines",
        ),
        (
            155,
            "スケジュール（今年度） '2023年9 相談支援事業所向月～10月 け研修' holds a date ('2023年9') run into its"
            " words, a date cell's: the rows were read out of their lines",
        ),
    ]


def test_a_schedules_month_before_the_one_above_is_said_shifted():
    """A row's date paired with another row's item: the year's months read out of order."""
    schedule = {
        "items": [
            _item(10, "R5年7月", "2023-07", "第1回推進会議"),
            _item(11, "R5年11月", "2023-11", "ワーキンググループ"),
            _item(12, "R5年11月", "2023-11", "研修会"),  # two items in one month: in order
            _item(13, "R5年8月", "2023-08", "ワーキンググループ"),
            _item(14, "R6年2月", "2024-02", "第2回推進会議"),
        ],
        "text": [],
    }
    assert [(line, message) for line, message in shifts.signs({"annual_schedule": schedule})] == [
        (13, "スケジュール（今年度） 時期(月) 'R5年8月' comes after 2023-11: the rows were read out of order")
    ]


def test_an_event_that_ends_with_a_number_is_said_cut():
    """PyMuPDF's text of a history whose table is followed by a paragraph: the paragraph's first line,
    cut inside a number's phrase (`約3,000` / `人おり、…`), read as the last event; and a commission's
    `なし` run into the event beside it, after its step."""
    history = {
        "events": [
            _event(132, "令和4年度", 2022, "7区で区にも包括ケース会議を開始"),
            _event(134, "令和4年度", 2022, "市内の精神科病院は27か所、1年以上の長期入院者が約3,000"),
            _event(136, "令和5年度", 2023, "ワーキンググループを設置なし"),  # the 委託's none run into its event
        ],
        "text": ["人おり、その3分の2が65歳以上である。"],
    }
    assert [(line, message) for line, message in shifts.signs({"history": history})] == [
        (
            134,
            "取組の経緯 経過 '市内の精神科病院は27か所、1年以上の長期入院者が約3,000' ends inside a sentence:"
            " the rest of the event was read as a row of its own or into another",
        ),
        (
            136,
            "取組の経緯 経過 'ワーキンググループを設置なし' ends with なし, the mark of the 委託 column beside it:"
            " the row was read out of its columns",
        ),
    ]


def test_a_commission_read_as_an_event_or_two_years_in_one_cell_are_said_shifted():
    """PyMuPDF's text of a LibreOffice PDF puts a 委託 cell (`相談支援事業所（2か所）`) on a line of its own
    below its event, read as the year's second event; markitdown's joins two rows' year cells."""
    history = {
        "events": [
            _event(87, "2010年度", 2010, "精神障害者退院促進事業を開始"),
            _event(89, "2010年度", 2010, "相談支援事業所（2か所）"),
            _event(91, "2014年度 2016年度", 2014, "アウトリーチ支援事業を開始", "区内精神科病院（1か所）"),
            _event(93, "2016年度～2018年度", 2016, "区内の病院（3か所）への訪問を開始"),  # a range, an event's count
        ],
        "text": [],
    }
    assert [(line, message) for line, message in shifts.signs({"history": history})] == [
        (
            89,
            "取組の経緯 経過 '相談支援事業所（2か所）' names a body and its places, a 委託 cell's, as an event of"
            " its own: the row was read out of its columns",
        ),
        (
            91,
            "取組の経緯 年度 '2014年度 2016年度' holds two dates with nothing between them: two rows were read as one",
        ),
    ]


def test_a_laid_out_history_read_as_text_is_warned_of():
    """pdftotext -layout's history whose header line went to the template's text: lines that each open
    with a year and a gap are its events' rows, kept as text with a `missing-table` warning."""
    text = (
        "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n\n"
        "2006 年度 区保健所で精神保健福祉相談を開始し、保健師による訪問を始めた\n\n"
        "2012 年度 地域移行支援・地域定着支援の個別給付化に合わせ、事業所連絡会を設置\n\n"
        "2016 年度 区精神保健福祉連絡会を設置\n\n"
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"
    )
    doc = parse_text_data(text)
    assert not doc["history"]["events"]
    assert [d["message"] for d in doc["diagnostics"] if d["code"] == "missing-table"] == [
        "section 3: no 年度 / 経過 / 委託 table found; 3 lines kept as text"
    ]
    prose = text.replace("2006 年度 区保健所", "2006年度に区保健所").replace("2012 年度 地域", "2012年度には地域")
    assert not [d for d in parse_text_data(prose)["diagnostics"] if d["code"] == "missing-table"]


@pytest.mark.parametrize(
    "cell",
    [
        "R5年 3 回開催の推進会議で事例を検討",  # a count after a year, a space on each side
        "2023 年 9 月～10 月 相談支援事業所向けの研修",  # a whole date a converter spaced out
        "当月～12月の入院者に面接",  # this month to December
    ],
)
def test_a_schedules_whole_date_or_count_written_with_spaces_is_no_cut_date(cell):
    assert shifts._date_in_cells([cell]) is None


def test_an_issues_table_read_as_the_strengths_items_is_said_shifted() -> None:
    # plain pdftotext of a designated city's LibreOffice PDF: the issues' header woven with the first
    # issue and the next issue's first line among them, no table found; the header cells and the
    # cells became items of 特徴(強み), silently
    text = (
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n【特徴(強み)】\n"
        " ・10 区すべてに支援課があり、区民に身近なところで相談に応じている。\n課題\n\n"
        "市外の精神科病院に入院している\n市民が多く、情報が区の支援課に\n届きにくい。\n\n"
        "8050 世帯やひきこもりなど、精\n\n課題解決に向けた取組方針\n\n"
        "① 市外の病院も含めた「退院支援連\n絡票」の運用を始める。\n\n課題・方針に対する役割(取\n組)\n\n"
        "行政\n\n連絡票の様式の作成\n"
    )
    said = [d["message"] for d in parse_text_data(text)["diagnostics"] if d["code"] == "shifted-cell"]
    assert any("特徴(強み): a cell holds the template's header '課題解決に向けた取組方針'" in m for m in said)


def _issue(line: int, issue: str, **roles: list[str]) -> dict:
    return {"issue": issue, "policies": ["協議の場で検討する"], "roles": roles, "line": line}


def test_a_piece_of_a_cut_cell_read_as_a_row_or_an_item_is_warned_of():
    """A history's event, a strength, an outcome's effect shorter than any whole one, or a value of list marks
    alone: the end of a cell the converter cut apart (LibreOffice PDFs through pdfminer and markitdown), read
    as content of its own.  A cell of なし, － or ↓ is whole; one warning a section."""
    doc = {
        "history": {
            "events": [
                _event(118, "令和3年度", 2021, "ピアサポーター活動支援事業を開始", "特定非営利活動法人 京都ピア"),
                _event(120, "令和4年度", 2022, "ネット"),
                _event(122, "令和5年度", 2023, "なし"),
            ],
            "text": [],
        },
        "strengths_and_issues": {
            "strengths": ["平成22年度から養成してきたピアサポーターが延べ120名を超え、普及啓発に参加してい", "る。"],
            "issues": [_issue(150, "長期入院者の地域移行が進んでいない", administration=["病院訪問の調整"])],
            "indicators": [],
        },
        "outcomes": {
            "indicators": [
                {
                    "number": 1,
                    "name": "保健医療と福祉の連携",
                    "target": ["・", "近隣精神科医療機関訪問の実施"],
                    "actual": ["近隣精神科医療機関訪問の実施(20カ所)"],
                    "effects": ["顔の見える関係づくりができた。"],
                    "line": 90,
                }
            ]
        },
    }
    said = [(line, m) for line, m in shifts.signs(doc) if "shorter than any" in m or "list marks" in m]
    assert said == [
        (
            120,
            "取組の経緯 経過 'ネット' is shorter than any the template's column holds (4 characters or more): a piece"
            " of a cell the converter cut apart, read as a row or an item of its own",
        ),
        (
            150,
            "強みと課題 特徴(強み) 'る。' is shorter than any the template's column holds (4 characters or more): a"
            " piece of a cell the converter cut apart, read as a row or an item of its own",
        ),
        (
            90,
            "取組の成果・効果 目標値 / 実績値 '・' is list marks alone: an item's mark cut from its words by the"
            " converter",
        ),
    ]


def test_a_schedule_row_with_actions_and_no_item_is_warned_of():
    """pdftotext's LibreOffice PDF put a month's item and action on one line, read as the action: the row's
    item is empty and its action holds the item.  A row with an item and no action is a sheet's own."""
    items = [
        {
            "label": "令和5年6月",
            "month": "2023-06",
            "item": None,
            "actions": ["第1回精神保健福祉連絡協議会"],
            "line": 419,
        },
        {"label": "令和5年7月", "month": "2023-07", "item": "入院先病院との連絡会", "actions": [], "line": 424},
    ]
    assert list(shifts.signs({"annual_schedule": {"items": items}})) == [
        (
            419,
            "スケジュール（今年度） '令和5年6月': 実施する項目 is empty and 実施する内容 holds"
            " '第1回精神保健福祉連絡協議会': the row's cells were read out of their columns",
        )
    ]
    assert not list(shifts.signs({"annual_schedule": {"items": items[1:]}}))


def test_an_issue_without_its_administration_role_is_warned_of():
    """An issue whose 行政 role is empty while its 医療 and 福祉 are filled: the body's own role, which every
    sheet writes, was read into the issue's cell (markitdown's LibreOffice PDF)."""
    part = {
        "strengths": [],
        "issues": [
            _issue(
                116,
                "区内に精神科病院がなく、入院先が広く分散している",
                administration=["連絡会の開催"],
                medical=["退院支援担当者の連絡会への参加"],
                welfare=["区外病院への訪問の同行"],
            ),
            _issue(
                133, "単身の高齢の精神障害者が多居住支援協議会く、住まいの確保が難しい", welfare=["地域定着支援の実施"]
            ),
        ],
        "indicators": [],
    }
    said = [(line, m) for line, m in shifts.signs({"strengths_and_issues": part}) if "行政" in m]
    assert said == [
        (
            133,
            "issue '単身の高齢の精神障害者が多居住支援協議会く、住まいの確保が難しい': its 行政 role is empty while its"
            " other roles are filled: no sheet leaves the body's own role empty, so the roles' cells were read out"
            " of their rows",
        )
    ]


_HISTORY_CUT = (
    "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n\n"
    "年度\t経過\t委託\n"
    "平成25年度\t精神障害者地域移行支援事業を市事業として開始\t社会福祉法人 讃岐会\n"
    "平成28年度\t長期入院者の退院意向調査を実施（市内8病院、対象者412人）\t↓\n"
    "平成30\n"
    "年度\t高松市障害者自立支援協議会に精神保健福祉部会を設置\t\n"
    "令和元年度\t「高松市精神障害にも対応した地域包括ケアシステム推進協議会」を設置\t社会福祉法人 讃岐会\n\n"
    "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"
)


def test_a_history_whose_year_cell_no_event_holds_is_warned_of():
    """A year's cell the converter wrapped (`平成30` / `年度`) that no event read takes: its row was cut apart,
    the event read with no year.  Whole, the same table says nothing."""
    doc = parse_text_data(_HISTORY_CUT)
    assert [e["fiscal_year"] for e in doc["history"]["events"]] == [2013, 2016, None, 2019]
    assert [(d["line"], d["message"]) for d in doc["diagnostics"] if d["code"] == "missing-table"] == [
        (
            6,
            "section 3: 1 date cells ('平成30' first) that no row read holds: those rows were lost, cut apart or"
            " read into other rows' cells",
        )
    ]
    whole = parse_text_data(_HISTORY_CUT.replace("平成30\n年度", "平成30年度"))
    assert [e["fiscal_year"] for e in whole["history"]["events"]] == [2013, 2016, 2018, 2019]
    assert not [d for d in whole["diagnostics"] if d["severity"] == "warning"]


def test_a_table_read_in_part_with_its_rest_kept_as_text_is_warned_of(converted):
    """pdftotext's councils' table: four councils read, and more lines of their cells kept as the section's
    text than rows read."""
    doc = converted(CONVERTERS / "city-bold-headings-fy2023--pdftotext.txt")
    assert len(doc["councils"]["meetings"]) == 4
    assert [(d["line"], d["message"]) for d in doc["diagnostics"] if "kept as text below it" in d["message"]] == [
        (
            340,
            "section 7: 4 rows of the 協議の場 (名称 / 構成員 / 開催頻度) table read and 9 lines kept as text below"
            " it: the rest of the table was not read as rows",
        )
    ]


def test_a_long_cell_in_the_history_is_not_run_against_the_date_cells_pattern(monkeypatch):
    """A date cell is short and starts with a digit or an era: a long cell (a year and thousands of spaces,
    then a word) is passed over before the pattern, whose spaces' groups would take minutes on it."""
    from nikosheet.parsing import document

    runs: list[int] = []
    pattern = document._YEAR_CELL

    class Counting:
        def fullmatch(self, cell: str):
            runs.append(len(cell))
            return pattern.fullmatch(cell)

    monkeypatch.setattr(document, "_YEAR_CELL", Counting())
    hostile = _HISTORY_CUT.replace("平成25年度\t", "平成25年度\t2013" + " " * 5000 + "x ", 1)
    doc = parse_text_data(hostile)
    assert doc["history"]["events"]
    assert runs and max(runs) <= document._DATE_CELL_MOST


def test_a_terse_state_is_a_whole_cell_and_a_mark_alone_is_said_to_be_one():
    """An effect that is a state of things (`検討中`) or a thing not done (`未実施`) is whole, however short; an
    effect of a list's mark alone is said to be that, not a short piece."""
    indicator = {
        "number": 1,
        "name": "保健医療と福祉の連携",
        "target": ["研修会の開催"],
        "actual": ["研修会の開催(1回)"],
    }
    for effects in (["検討中"], ["未実施"]):
        doc = {"outcomes": {"indicators": [{**indicator, "effects": effects, "line": 90}]}}
        assert not [m for _, m in shifts.signs(doc) if "shorter than any" in m]
    doc = {"outcomes": {"indicators": [{**indicator, "effects": ["・"], "line": 90}]}}
    assert [m for _, m in shifts.signs(doc) if "list marks" in m or "shorter than any" in m] == [
        "取組の成果・効果 具体的な成果・効果 '・' is list marks alone: an item's mark cut from its words by the"
        " converter"
    ]


def test_an_indicators_numbered_row_kept_as_text_is_warned_of():
    """markitdown writes an indicator's row split over a page as a line of text (`④退院意向の聞き取り 入院中の
    区民 50人`): no reader takes it, and the section's text keeps it.  A row read, or none kept, says nothing."""
    sample = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    row = "③普及啓発\t啓発用名刺型チラシ, 動画を作成\tWEBでの動画配信, インスタグラム,\t"
    assert row in sample
    doc = parse_text_data(sample.replace(row, "③普及啓発 啓発用名刺型チラシ, 動画を作成\n\n"))
    assert [i["number"] for i in doc["outcomes"]["indicators"]] == [1, 2]
    assert [(d["line"], d["message"]) for d in doc["diagnostics"] if d["code"] == "missing-table"] == [
        (
            134,
            "section 4: '③普及啓発 啓発用名刺型チラシ, 動画を作成' kept as text: an indicator's numbered row that"
            " was not read as one",
        )
    ]
    whole = parse_text_data(sample)
    assert [i["number"] for i in whole["outcomes"]["indicators"]] == [1, 2, 3]
    assert not [d for d in whole["diagnostics"] if d["code"] == "missing-table"]


def test_an_indicator_numbered_past_the_circled_numbers_and_a_placeholder_row_do_not_hide_the_warning():
    """`21.` is a number the circled numbers do not reach (no error); the template's placeholder row, never
    read, does not stand for a row kept as text after it."""
    sample = (SAMPLES / "kashiwa-r6.txt").read_text(encoding="utf-8")
    row = "③普及啓発\t啓発用名刺型チラシ, 動画を作成\tWEBでの動画配信, インスタグラム,\t"
    doc = parse_text_data(
        sample.replace(row, "③普及啓発 啓発用名刺型チラシ\n\n").replace("②医療と地域の連携\t", "21.医療と地域の連携\t")
    )
    assert [i["number"] for i in doc["outcomes"]["indicators"]] == [1, 21]
    assert any("'③普及啓発 啓発用名刺型チラシ' kept as text" in d["message"] for d in doc["diagnostics"])
    placeholder = "③\t※指標設定が困難な場合は, 代替指標や定性的な文言でも構いません。\t\t\n"
    assert placeholder in sample
    doc = parse_text_data(sample.replace(placeholder, placeholder + "\n④地域移行の推進 年2回\n"))
    assert [d["message"] for d in doc["diagnostics"] if d["code"] == "missing-table"] == [
        "section 5: '④地域移行の推進 年2回' kept as text: an indicator's numbered row that was not read as one"
    ]


def test_a_cell_that_ends_on_a_particle_is_said_shifted(tmp_path):
    """A schedule's action cut after `についての` (its words read into another cell): no table cell of any
    sheet ends on の, を or が after a noun or a particle, which a phrase goes on after."""
    doc = edit(tmp_path, "kawaguchi-r5.txt", (181, "具体的な実施内容についての検討", "具体的な実施内容についての"))
    assert [message for _, message in shifts.signs(doc)] == [
        "スケジュール（今年度） スケジュール 'ヒアリングに基づいた具体的な実施内容についての' ends on a particle: its"
        " words go on in another cell (a cell was cut apart)"
    ]


def test_a_cell_that_ends_on_a_words_own_kana_is_not_said_shifted(tmp_path):
    """`…によるもの`, a name in kana (`ピアサポートせたがや`, a town's `たつの`): a word's own end, no particle."""
    doc = edit(
        tmp_path,
        "kawaguchi-r5.txt",
        (181, "具体的な実施内容についての検討", "具体的な実施内容についての検討によるもの"),
        (184, "次年度の目標の策定", "次年度の目標の策定、ピアサポートせたがや"),
    )
    assert list(shifts.signs(doc)) == []
