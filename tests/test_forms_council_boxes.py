"""The councils' table of plain pdftotext of a LibreOffice PDF: names in boxes of their own or before
their members, frequencies made whole from their wrapped words, the text run together kept."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet import diagnostic_messages, parse_text_data
from nikosheet.parsing.forms import council_boxes

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n\n"  # a LibreOffice PDF's text: the renderer's gap before 月
HEADING = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
HEADER = "開催\n頻度\n\n名称\n\n協議の場の構成員\n\n実施内容\n\n特記事項等(課題・強み等)\n\n"
END = "【その他事項】 ※協議の場運営における課題や悩んでいる点"
# the sheet's rows, as minimal-fy2023 has them, the way pdftotext writes its LibreOffice PDF
BODY = (
    "八王子市精神保健\n福祉地域連携会議\n\n"
    "精神科病院、精神科診療所、相談支援\n事業所、家族会、保健所、障害者福祉\n課\n\n"
    "2回/ ・地域課題の共有 ・ 市内に精神科病院が多く、病\n年\n取組状況の報告\n院間の連携に課題がある。\n\n"
    "地域移行支援部会\n\n精神科病院の精神保健福祉士、相談支\n援専門員、保健所職員\n\n年4\n回\n\n事例検討\n\n"
)


def _rows(text: str) -> list[str]:
    return [line for line in apply_form(council_boxes, text) if line and "\t" in line]


def _named(body: str) -> list[list[str]]:
    """Each row's name, frequency and notes, from the rows' text as pdftotext writes them."""
    return [row.split("\t")[0::2] for row in _body_rows(body)]


def _body_rows(body: str, header: str = HEADER) -> list[str]:
    """The table's rows but its header, from the rows' text as pdftotext writes them."""
    return _rows(SIGNAL + HEADING + header + body + END)[1:]


def test_names_members_and_wrapped_frequencies_make_rows_the_rest_is_kept() -> None:
    # the notes end with no sentence's end: the activities' and the notes' lines cannot be told apart
    text = SIGNAL + HEADING + HEADER + BODY.replace("課題がある。", "課題がある") + END
    state = form_state(council_boxes, text)
    lines = [line for line in state.lines if line]
    assert lines[2:5] == [
        "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)",
        "八王子市精神保健福祉地域連携会議\t精神科病院、精神科診療所、相談支援事業所、家族会、保健所、障害者福祉課"
        "\t2回/年\t\t",
        "地域移行支援部会\t精神科病院の精神保健福祉士、相談支援専門員、保健所職員\t年4回\t事例検討\t",
    ]
    # the first council's activities and notes ran together: kept as text, in their order, and told
    kept = ["・地域課題の共有 ・ 市内に精神科病院が多く、病", "取組状況の報告", "院間の連携に課題がある"]
    assert lines[5:] == [*kept, END]
    assert [code for code, _, _ in state.notes] == ["missing-table"]
    assert diagnostic_messages.read(state.notes[0][2]).render("ja") == (
        "協議の場: 2 件を読みました。変換で混ざった実施内容・特記事項等は文章として残しました"
    )
    assert lines[2] == state.lines[text.split("\n").index("開催")]  # the header from its first line on


def test_activities_and_notes_whose_first_lines_share_a_line_are_cut_apart() -> None:
    # the activities and the notes, two lines each, centred: their first lines on one line, a space
    # apart, then one line of each in turn; the cut whose items are whole and whose notes end a sentence
    rows = _body_rows(BODY)
    activities, notes = rows[0].split("\t")[3:]
    assert activities == "・地域課題の共有 ・取組状況の報告"  # not cut after `共有`: `・ 市内に…` is no item
    assert notes == "市内に精神科病院が多く、病院間の連携に課題がある。"
    # an odd count of lines below the first: the cells have not as many lines, nothing is read
    assert council_boxes._baseline_cells(["・地域課題の共有 ・ 市内に精神科病院が多く、病", "取組状況の報告"]) is None


def test_list_items_in_boxes_of_their_own_below_a_read_row() -> None:
    # ward-nerima-fy2023's second council: its activities' two items a box each, then its notes
    body = (
        "練馬区精神保 精神科病院、医師会、訪問看護ステーショ\n年 3 ・地域連絡会からの課題の\n"
        "健福祉地域連 ン、相談支援事業所、地域包括支援センタ\n回\n報告 ・区全体の取組の検討\n携会議\n"
        "ー、家族会、ピアサポーター、行政\n保健相談所地\n年\n保健相談所、相談支援事業所、地域包括支\n"
        "域連絡会（6\n10\n援センター、民生委員\nか所）\n回\n\n\n\n・個別事例の検討\n\n\n\n"
        "・地域の社会資源\nの共有\n\n保健相談所ごとに参加機\n関の顔ぶれが異なり、取\n組の差が出ている。\n\n"
    )
    rows = [row.split("\t") for row in _body_rows(body)]
    assert [row[2:] for row in rows] == [
        ["年3回", "・地域連絡会からの課題の報告 ・区全体の取組の検討", ""],  # a line a space wider than the one above
        [
            "年10回",
            "・個別事例の検討 ・地域の社会資源の共有",
            "保健相談所ごとに参加機関の顔ぶれが異なり、取組の差が出ている。",
        ],
    ]


def test_list_items_in_boxes_below_a_row_read_nowhere_are_kept() -> None:
    # two one-line activities a box each, the row above's cells read nowhere: two rows' cells, kept
    assert council_boxes._box_cells([["・方針の決定"], ["・事例検討"]], above=False) is None
    assert council_boxes._box_cells([["・方針の決定"], ["・事例検討"]], above=True) == ("・方針の決定 ・事例検討", "")


def test_a_name_before_its_members_on_one_line_its_rest_below() -> None:
    body = (
        "世田谷区精神保健 精神科病院、精神科診療所、相談支援 2 回/\n福祉連絡協議会\n事業所、家族会、区 年\n\n"
        "実務者会議 保健, 医療, 福祉, 家族会 年 6 回\n\n具体的な課題に対して取り組む\n\n"
    )
    rows = _body_rows(body)
    assert rows == [
        "世田谷区精神保健福祉連絡協議会\t精神科病院、精神科診療所、相談支援事業所、家族会、区\t2回/年\t\t",
        "実務者会議\t保健, 医療, 福祉, 家族会\t年6回\t具体的な課題に対して取り組む\t",
    ]


def test_activities_and_notes_in_boxes_of_their_own() -> None:
    body = (
        "静岡県精神保\n健医療福祉推\n進会議\n\n精神科病院協会、精神神経科診療所\n協会、市長会\n\n"
        "年 4 ・全県の課題の集約 ・圏域の協\n回\n議の場の取組報告\n\n圏域から上がる課題を県\nの施策につなげる。\n\n"
        "市町支援アド\nバイザー会議\n\n精神保健福祉センター、アドバイザ\nー\n\n随時 市町からの相談対応\n\n"
    )
    rows = _body_rows(body)
    assert rows == [
        "静岡県精神保健医療福祉推進会議\t精神科病院協会、精神神経科診療所協会、市長会\t年4回"
        "\t・全県の課題の集約 ・圏域の協議の場の取組報告\t圏域から上がる課題を県の施策につなげる。",
        "市町支援アドバイザー会議\t精神保健福祉センター、アドバイザー\t随時\t市町からの相談対応\t",
    ]


def test_a_row_without_a_frequency_or_text_before_the_first_name_leaves_the_table() -> None:
    no_frequency = BODY.replace("年4\n回\n\n", "")
    text_first = BODY.replace("八王子市精神保健\n福祉地域連携会議\n\n", "八王子市精神保健 福祉地域連携会議 精神科\n\n")
    for body in (no_frequency, text_first):
        text = SIGNAL + HEADING + HEADER + body + END
        assert apply_form(council_boxes, text) == text.split("\n")


def test_the_samples_form_and_other_texts_are_left_alone() -> None:
    for path in (SAMPLES / "kashiwa-r6.txt", CONVERTERS / "kawaguchi-r5--pdftotext.txt"):
        text = path.read_text(encoding="utf-8")
        assert form_state(council_boxes, text).lines == text.split("\n")


def test_a_libreoffice_pdf_s_councils_read_by_pdftotext(parsed) -> None:
    from nikosheet import parse_file_data

    want = parsed("pref-fy2024.txt")["councils"]["meetings"]
    got = parse_file_data(CONVERTERS / "pref-fy2024--lopdf-pdftotext.txt")["councils"]["meetings"]
    assert [{k: v for k, v in m.items() if k != "line"} for m in got] == [
        {k: v for k, v in m.items() if k != "line"} for m in want
    ]


def test_header_cells_side_by_side_and_a_frequency_above_its_name() -> None:
    # `協議の場の構成 開催` `員` `頻度`: two header cells' first lines on one line; the second council's
    # frequency, centred in its row, stands above its name
    header = "名称\n\n協議の場の構成 開催\n員\n頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n"
    body = BODY.replace(
        "地域移行支援部会\n\n精神科病院の精神保健福祉士、相談支\n援専門員、保健所職員\n\n年4\n回",
        "年4回\n\n地域移行支援部会",
    )
    rows = _body_rows(body, header)
    assert [row.split("\t")[0::2] for row in rows] == [
        ["八王子市精神保健福祉地域連携会議", "2回/年", "市内に精神科病院が多く、病院間の連携に課題がある。"],
        ["地域移行支援部会", "年4回", ""],
    ]


def test_a_name_whose_lines_stand_between_its_row_s_other_lines() -> None:
    # `保健相談所地` `年` `保健相談所、…` `域連絡会（6` `10` `援センター、民生委員` `か所）` `回`: pdftotext
    # writes the row a printed line at a time, the name's lines among the members' and the frequency's
    body = (
        "練馬区精神保 精神科病院、医師会、訪問看護ステーショ\n年 3 ・地域連絡会からの課題の\n"
        "健福祉地域連 ン、相談支援事業所\n回\n報告 ・区全体の取組の検討\n携会議\n"
        "保健相談所地\n年\n保健相談所、相談支援事業所、地域包括支\n域連絡会（6\n10\n援センター、民生委員\nか所）\n回\n\n"
    )
    rows = _body_rows(body)
    assert [row.split("\t")[:3] for row in rows] == [
        ["練馬区精神保健福祉地域連携会議", "精神科病院、医師会、訪問看護ステーション、相談支援事業所", "年3回"],
        ["保健相談所地域連絡会（6か所）", "保健相談所、相談支援事業所、地域包括支援センター、民生委員", "年10回"],
    ]


def test_one_council_whose_name_looks_whole_before_its_last_line() -> None:
    # `相模原市精神保健福祉推進会` (a name's ending, 会) `議`; a frequency's stray word (`定`) is none
    body = "相模原市精神保健福祉推進会 精神科病院、相談支援事業所、家族会、\n議\n行政\n\n年2回\n\n方針の決\n定\n\n"
    assert _body_rows(body) == [
        "相模原市精神保健福祉推進会議\t精神科病院、相談支援事業所、家族会、行政\t年2回\t方針の決定\t"
    ]


def test_a_working_group_s_name_and_a_frequency_run_into_the_activities() -> None:
    # `退院支援ワーキング`: a working group is a council too; `各圏域年3個別事例の検` (the renderer's gap
    # taken out): the frequency's first piece run into the activities, its rest (`回程度`) below
    body = BODY.replace("地域移行支援部会", "退院支援ワー\nキング").replace(
        "年4\n回\n\n事例検討", "各圏域年3個別事例の検\n回程度\n討"
    )
    assert _named(body) == [
        ["八王子市精神保健福祉地域連携会議", "2回/年", "市内に精神科病院が多く、病院間の連携に課題がある。"],
        ["退院支援ワーキング", "各圏域年3回程度", ""],
    ]


def test_header_cells_after_the_rows_and_notes_before_the_names() -> None:
    # the header's one-line cells, centred, after the rows; the first row's notes above its name
    header = "開催頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n当事者委員の参加で議論\nの視点が広がった。\n\n"
    text = SIGNAL + HEADING + header + BODY + "名称\n\n協議の場の構成員\n\n" + END
    lines = [line for line in apply_form(council_boxes, text) if line]
    assert lines[2] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert [row.split("\t")[0::2] for row in lines[3:5]] == [
        ["八王子市精神保健福祉地域連携会議", "2回/年", "市内に精神科病院が多く、病院間の連携に課題がある。"],
        ["地域移行支援部会", "年4回", ""],
    ]
    assert "の視点が広がった。" in lines[5:]  # kept as text below the table


def test_a_frequency_before_the_first_name_leaves_the_table() -> None:
    text = SIGNAL + HEADING + HEADER + "年2回\n\n" + BODY.replace("2回/ ", "") + END
    assert apply_form(council_boxes, text) == text.split("\n")


def test_pdftotext_s_councils_read_before_the_cell_per_line_tables() -> None:
    from nikosheet.parsing import forms
    from nikosheet.parsing.forms import signals

    text = SIGNAL + HEADING + HEADER + BODY + END + "\n\f"
    assert signals.council_boxes_paged(text) and not signals.council_boxes_paged(text.replace("\f", ""))
    lines = [line for line in forms.rewrite(text.split("\n")).lines if line and "\t" in line]
    assert [row.split("\t")[0] for row in lines] == ["名称", "八王子市精神保健福祉地域連携会議", "地域移行支援部会"]


# `作業部会（地域移行・家` `族支援）`: a note's `・` is the name's; `画` (an activity's wrapped tail)
# is no name's first line; `島しょ部支援連絡会` alone among other rows' lines is a name
NOTE_AND_LONE_NAME = (
    "地域移行支援部会\n\n精神科病院の精神保健福祉士、相談支\n援専門員、保健所職員\n\n年4\n回\n\n"
    "・合同研修会の企\n作業部会（地域移行・家 精神科病院の精神保健福祉士、相談 年4\n画 ・家族教室の企\n"
    "族支援）\n支援専門員、保健所\n回\n画\n島しょ部支援連絡会\n\n保健所、地域政策課、出張所\n\n随時\n\n",
    [
        ["地域移行支援部会", "年4回", ""],
        ["作業部会（地域移行・家族支援）", "年4回", ""],
        ["島しょ部支援連絡会", "随時", ""],
    ],
)
# `携会議の報告の確認` (an activity's wrapped tail) stands above the name `区地域移行連絡会（5` `区）`,
# narrower than the names' column (`熊本市精神障害にも対応`): not the name's first line; a frequency's
# count run into the members' last line (`地域包括支援3回程` `度`)
NARROW_LEAD = (
    "熊本市精神障害にも対応 精神科病院協会、医師会、相談\n区の連絡会からの課題報告と、市\n"
    "した地域包括ケアシステ 支援事業所、家族会、ピアサポ 年 2 回 の施策の検討、精神科救急地域連\n"
    "ム構築推進会議\nーター、学識経験者、行政\n携会議の報告の確認\n区地域移行連絡会（5\n区）\n\n"
    "区保健子ども課、精神科病院、 各区年\n相談支援事業所、地域包括支援3回程\nセンター\n度\n\n",
    [
        ["熊本市精神障害にも対応した地域包括ケアシステム構築推進会議", "年2回", ""],
        ["区地域移行連絡会（5区）", "各区年3回程度", ""],
    ],
)


@pytest.mark.parametrize(("body", "want"), [NOTE_AND_LONE_NAME, NARROW_LEAD], ids=["note-and-lone-name", "narrow-lead"])
def test_names_amid_other_rows_lines(body: str, want: list[list[str]]) -> None:
    assert _named(body) == want


def test_a_members_list_that_opens_above_its_name() -> None:
    # `区社会福祉課、…相談支` (the second row's members, centred above its name) after the first row's
    # list ended short of its column (`学識経験者、行政`); a list line as wide as its column goes on
    body = (
        "浜松市精神障害にも対応し 精神科病院協会、医師会、相談支援\n"
        "た地域包括ケアシステム推 事業所、家族会、ピアサポーター、 年2回\n"
        "進協議会\n学識経験者、行政\n区社会福祉課、精神科病院、相談支 各区年\n"
        "区地域移行連絡会（7区） 援事業所、地域包括支援センター、 3回程\n介護支援専門員\n度\n\n"
    )
    assert [row.split("\t")[1] for row in _body_rows(body)] == [
        "精神科病院協会、医師会、相談支援事業所、家族会、ピアサポーター、学識経験者、行政",
        "区社会福祉課、精神科病院、相談支援事業所、地域包括支援センター、介護支援専門員",
    ]


# a designated city's councils as pdftotext writes its LibreOffice PDF: a members' list that opens
# above its name, a taller notes cell whose lines come between the activities' lines, two cells'
# lines side by side on every printed line, and a frequency beside the next row's members
CENTRED = (
    "推進会議\n\n協議の場の構成員\n\n開催頻\n度\n\n"
    "医師会、精神科病院協会、相談支援事業所 年 2\n連絡会、家族会\n回\n\n"
    "実施内容\n\n特記事項等(課題・強み\n等)\n\n施策の検討\n\n"
    "区保健福祉課、精神科病院、相談支援事業\n中央区地域移行・\n月1\n所、訪問看護ステーション、地域包括支援\n"
    "地域定着支援会議\n回\nセンター\n\n"
    "個別事例から地域課題を\n・個別事例の検討 ・地\n抽出する仕組みができ\n域課題の抽出\nた。\n\n"
    "東区連絡会\n\n区保健福祉課、相談支援事業所\n\n事例検討\n\n住まい支援部会\n\n"
    "居住支援法人、不動産団体、住宅政策課、 年 4\n障がい福祉課、生活福祉課\n回\n\n隔月\n\n"
    "・住まいの確保の検討 不動産団体の協力が得ら\n・家主向け研修の企画 れつつある。\n\n"
)


def test_centred_cells_printed_lines_of_two_cells_and_a_list_above_its_name() -> None:
    # the whole chain of forms: `narrow_columns` first puts `月1` `回` together beside the list above the name
    doc = parse_text_data(SIGNAL + HEADING + "名称\n" + CENTRED + END)
    rows = [
        [
            m["name"],
            m["members"] or "",
            (m["frequency"] or {}).get("text"),
            " ".join(f"・{a}" for a in m["activities"]),
            m["notes"] or "",
        ]
        for m in doc["councils"]["meetings"]
    ]
    assert rows == [
        ["推進会議", "医師会、精神科病院協会、相談支援事業所連絡会、家族会", "年2回", "・施策の検討", ""],
        [
            "中央区地域移行・地域定着支援会議",
            "区保健福祉課、精神科病院、相談支援事業所、訪問看護ステーション、地域包括支援センター",  # above its name
            "月1回",
            "・個別事例の検討 ・地域課題の抽出",  # two lines between the notes' three
            "個別事例から地域課題を抽出する仕組みができた。",
        ],
        # `年 4` stands on the next row's members' first line: that row's; 隔月, written after it, this one's
        ["東区連絡会", "区保健福祉課、相談支援事業所", "隔月", "・事例検討", ""],
        [
            "住まい支援部会",
            "居住支援法人、不動産団体、住宅政策課、障がい福祉課、生活福祉課",
            "年4回",
            "・住まいの確保の検討 ・家主向け研修の企画",  # each printed line holds a line of both cells
            "不動産団体の協力が得られつつある。",
        ],
    ]
    assert not [d for d in doc["diagnostics"] if d["code"] == "missing-table" and d["line"] > 3]  # nothing kept as text


def test_centred_cells_readings_refused() -> None:
    # a line of both cells and one of one: the cells have not as many lines, and no line between
    assert council_boxes._baseline_cells(["・地域資源の情 地域により参加機関の数に差", "がある。"]) is None
    # the notes' first line before the activities', the two cells a line apart: read
    assert council_boxes._baseline_cells(["・地域資源の情 地域により参加機関の数に差", "がある。", "報交換"]) == (
        "・地域資源の情報交換",
        "地域により参加機関の数に差がある。",
    )
    assert council_boxes._heights(2, 3) == ["N", "A", "N", "A", "N"]
    assert council_boxes._heights(3, 1) == ["A", "AN", "A"]


def test_a_long_name_its_long_note_and_a_count_run_into_the_members() -> None:
    # a name of five lines with a long bracketed note; the frequency's `3` run into a members' line
    # (`…家3`: the renderer's gap taken out)
    body = (
        "板橋区精神障害にも対\n応した地域包括ケアシ\nステム構築推進会議\n（地域移行・地域定着\n支援部会を含む）\n\n"
        "開\n催\n頻\n度\n\n協議の場の構成員\n\n"
        "精神科病院、精神科診療所、訪問看護ステーション、相\n談支援事業所、地域活動支援センター、就労継続支援事 年\n"
        "業所、地域包括支援センター、居宅介護支援事業所、家3\n族会、ピアサポーター、民生委員・児童委員、社会福祉 回\n"
        "協議会、警察署、消防署、保健所、障害者福祉課\n\n実施内容\n\n特記事項\n等(課題\n・強み\n等)\n\n"
        "・地域課題の共有と検\n討 ・退院支援の仕組み\nづくり ・住まいの確保\nに向けた関係機関との\n調整\n\n"
    )
    rows = _rows(SIGNAL + HEADING + "名称\n\n" + body + END)
    name, members, frequency, activities, notes = rows[1].split("\t")
    assert name == "板橋区精神障害にも対応した地域包括ケアシステム構築推進会議（地域移行・地域定着支援部会を含む）"
    assert members.startswith("精神科病院、精神科診療所、") and members.endswith(
        "家族会、ピアサポーター、民生委員・児童委員、社会福祉協議会、警察署、消防署、保健所、障害者福祉課"
    )
    assert (frequency, notes) == ("年3回", "")
    assert activities == "・地域課題の共有と検討 ・退院支援の仕組みづくり ・住まいの確保に向けた関係機関との調整"


def test_a_list_left_open_goes_on_in_a_line_that_looks_like_a_name() -> None:
    # `社会福祉協議会` ends a council's name, but the list above it is open (`当事者団体、`)
    texts = {10: "会、町村会、家族会連合会、当事者団体、 年 2 回", 11: "社会福祉協議会"}
    assert council_boxes._list_open(texts, 11)
    assert not council_boxes._list_open({10: "・方針の決定", 11: "社会福祉協議会"}, 11)


def test_a_list_opening_beside_the_first_name_and_the_header_after_the_rows() -> None:
    # the first council's members' list opens a line above its name and goes on between its lines;
    # the header's 名称 and 構成員 come after the rows
    body = (
        "開催\n頻度\n\n実施内容\n\n特記事項等(課\n題・強み等)\n\n"
        "精神科病院、精神科診療所、相談支援事業所、地域\n練馬区精神保健福\n"
        "包括支援センター、家族会、ピアサポーター、保健\n祉地域連携会議\n相談所\n\n年2\n回\n\n"
        "・地域課題の共有 ・退\n院支援の仕組みの検討\n\n区外病院との\n連携が課題。\n\n"
        "保健相談所地域連 保健相談所、相談支援事業所、訪問看護ステーショ\n絡会（6か所）\nン\n\n"
        "年6\n回\n\n個別事例の検討\n\n"
        "名称\n\n協議の場の構成員\n\n"
    )
    doc = parse_text_data(SIGNAL + HEADING + body + END)
    meetings = doc["councils"]["meetings"]
    assert [m["name"] for m in meetings] == ["練馬区精神保健福祉地域連携会議", "保健相談所地域連絡会（6か所）"]
    assert meetings[0]["members"] == (
        "精神科病院、精神科診療所、相談支援事業所、地域包括支援センター、家族会、ピアサポーター、保健相談所"
    )
    assert (meetings[0]["activities"], meetings[0]["notes"]) == (
        ["地域課題の共有", "退院支援の仕組みの検討"],
        "区外病院との連携が課題。",
    )
    assert meetings[1]["frequency"]["text"] == "年6回"


def test_a_whole_name_after_a_whole_name_is_the_next_row() -> None:
    # `高崎市精神保健福祉` `推進会議` is whole: `実務者会議` below it is the next council, not its rest
    texts = {10: "高崎市精神保健福祉 精神科病院、診療所", 11: "推進会議", 12: "所、家族会、行政", 13: "実務者会議"}
    names: list[tuple[int, str]] = []
    assert council_boxes._name_lead([10, 11, 12, 13], texts, names, 0, []) == 2
    assert names == [(10, "高崎市精神保健福祉推進会議")]


def test_cells_after_each_rows_frequency() -> None:
    # the names and members first, then each row's frequency and its cells: the boxes between a
    # frequency and the next are that row's (its notes a plain line, not a sentence)
    body = (
        "名称\n推進会議\n\n協議の場の構成員\n保健、医療、福祉、家族会、行政\n\n"
        "実務者会議 相談支援事業所、精神科病院、保健所\n\n"
        "開催頻度\n\n実施内容\n\n年2回\n\n・方針の決定\n\n年6回\n\n・事例検討\n\n特記事項等(課題・強み等)\n\n"
        "参加者が固定化している\n\n"
    )
    meetings = parse_text_data(SIGNAL + HEADING + body + END)["councils"]["meetings"]
    assert [(m["frequency"]["text"], m["activities"], m["notes"]) for m in meetings] == [
        ("年2回", ["方針の決定"], None),
        ("年6回", ["事例検討"], "参加者が固定化している"),
    ]


def test_centred_cells_read_only_in_small_boxes() -> None:
    # the readings grow with a box's lines and spaces: a box of many is left as it is, at once
    assert council_boxes._baseline_cells(["あい うえ おか きく けこ さし すせ そた"] * 8) is None


def test_names_written_together_take_the_lists_below_them_in_turn() -> None:
    # the names' narrow column written first (a name of seven lines, then the next row's), then both
    # rows' members in one box, the first list ending short of the column; the bracketed counts
    # (`（4 か所）`) are no frequency's pieces
    body = (
        "名称\n\n町田市\n精神保\n健福祉\nネット\nワーク\n推進協\n議会\n\n地域移\n行推進\n部会\n\n"
        "協議の場の構成員\n\n開催\n頻度\n\n"
        "町田市医師会、町田市歯科医師会、町田市薬剤師会、精神科病院\n"
        "（5 病院）、精神科診療所（12 か所）、訪問看護ステーション\n"
        "連絡会、町田市基幹相談支援センター、指定特定相談支援事業所\n"
        "（18 か所）、地域活動支援センター（4 か所）、グループホー\n"
        "ム運営法人（8 法人）、高齢者支援センター（12 か所）、町田 年 2\n"
        "市社会福祉協議会、町田市民生委員児童委員協議会、町田市精神 回\n"
        "障害者家族会連合会、当事者（2 名）、ピアサポーター（1\n"
        "名）、町田市保健所\n"
        "精神科病院の精神保健福祉士、相談支援専門員、訪問看護師、保 隔月\n"
        "健師、ピアサポーター\n\n"
        "実施内容\n\n特記事項等(課題・強み等)\n\n"
    )
    meetings = parse_text_data(SIGNAL + HEADING + body + END)["councils"]["meetings"]
    assert [(m["name"], m["members"][:12], m["members"][-8:], m["frequency"]["text"]) for m in meetings] == [
        ("町田市精神保健福祉ネットワーク推進協議会", "町田市医師会、町田市歯科", "）、町田市保健所", "年2回"),
        ("地域移行推進部会", "精神科病院の精神保健福祉", "、ピアサポーター", "隔月"),
    ]


def test_a_frequency_wrapped_a_character_a_line_and_a_member_with_a_middle_dot_ending_the_list() -> None:
    # a one-character frequency column (`随` `時`), and a list's last member, on a line of its own
    # after the list's `、`, joining two places with `・`
    body = (
        "豊島区精神保\n健福祉連絡協\n議会\n\n"
        "精神科病院、豊島区医師会、相談支援事業所、\n障害福祉課、\n池袋・長崎健康相談所\n\n"
        "年\n3\n回\n\n区外病院の状況の共有\n\n"
        "区外病院\n連絡会\n\n健康推進課、区外の精神科病院\n\n随\n時\n\n退院前の連絡調整\n\n"
    )
    rows = [row.split("\t") for row in _body_rows(body)]
    assert [row[:3] for row in rows] == [
        [
            "豊島区精神保健福祉連絡協議会",
            "精神科病院、豊島区医師会、相談支援事業所、障害福祉課、池袋・長崎健康相談所",
            "年3回",
        ],
        ["区外病院連絡会", "健康推進課、区外の精神科病院", "随時"],
    ]


def test_a_name_a_page_break_cut_is_made_whole() -> None:
    # the first council's name: its first lines at the top of one page, its members' list after
    # them, its rest the next page's first box (pdftotext's form feed before it), with a count of a
    # frequency that a ward's prefix leads (`各区4` `回/年`)
    body = (
        "北九州市精神\n障害者地域生\n\n"
        "北九州市精神科病院協会、北九州市医師会、精神科診療3回/\n所、北九州市社会福祉協議会、 年\n\n"
        "・課題の報告\n\n"
        "\f活支援推進会\n議\n\n"
        "住まい部会\n\n居住支援法人、不動産事業者、行政\n\n4回/年\n\n住まいの確保の検討\n\n"
        "区ケース会議\n\n区保健福祉センター、相談支援 各区4\n事業所、精神科病院\n回/年\n\n"
    )
    rows = [row.split("\t") for row in _body_rows(body)]
    assert [(row[0], row[2]) for row in rows] == [
        ("北九州市精神障害者地域生活支援推進会議", "3回/年"),
        ("住まい部会", "4回/年"),
        ("区ケース会議", "各区4回/年"),
    ]
    # an activity alone in its box, as wide as the names' column, before a page whose first box is
    # a whole name: no members' list after it, so it is no name's first lines
    body = (
        "桑名圏域地域\n移行推進会議\n\n保健所、市町、精神科病院\n\n年3回\n\n"
        "個別事例の検討\n\n"
        "\f鈴鹿圏域地域\n移行推進会議\n\n保健所、市、相談支援事業所\n\n年2回\n\n"
    )
    rows = [row.split("\t") for row in _body_rows(body)]
    assert [row[0] for row in rows] == ["桑名圏域地域移行推進会議", "鈴鹿圏域地域移行推進会議"]


def test_the_first_row_s_name_after_the_last_row_and_a_number_in_an_activity() -> None:
    # the first row, taller than the others, has its activities, members and frequency above the
    # first name read, its name's box after the last row; an activity opens with a number (`8050`)
    body = (
        "・区別部会から\nの課題の報告\n\n"
        "千葉県精神科病院協会、千葉市医師会、基幹相\n談支援センター、家族会、学識経験者、行政\n\n年3\n回\n\n"
        "中央区部会\n\n区保健福祉センター、精神科病院、民生委員\n\n年4\n回\n\n個別事例の検討\n\n"
        "花見川区部会\n\n区保健福祉センター、訪問看護ステーション\n\n年3\n回\n\n8050 世帯の事例検\n討\n\n"
        "千葉市精神保\n健福祉推進会\n議\n\n"
    )
    rows = [row.split("\t") for row in _body_rows(body)]
    assert [(row[0], row[2]) for row in rows] == [
        ("千葉市精神保健福祉推進会議", "年3回"),
        ("中央区部会", "年4回"),
        ("花見川区部会", "年3回"),
    ]
    assert rows[0][1] == "千葉県精神科病院協会、千葉市医師会、基幹相談支援センター、家族会、学識経験者、行政"


def test_the_activities_column_written_in_one_box_after_the_rows() -> None:
    # city-edge-values through pdftotext: the names, members and frequencies first, then the header's
    # last cells and the activities' column, one box; a cell's last line short of the widest ends it
    body = (
        "代表者会議\n\n保健, 医療, 福祉, 家族会, 行政機関の代表者\n年1回\n\n"
        "実務者会議 保健, 医療, 福祉, 家族会, ピアサポーター 年 6 回\n\n"
        "実施内容\n\n特記事項等(課題・強み\n等)\n\n"
        "方針の決定\n具体的な課題に対して取り組\nむ\n\n"
    )
    header = "名称\n\n開催頻\n度\n\n協議の場の構成員\n\n"
    rows = [row.split("\t") for row in _body_rows(body, header)]
    assert [(row[0], row[2], row[3], row[4]) for row in rows] == [
        ("代表者会議", "年1回", "方針の決定", ""),
        ("実務者会議", "年6回", "具体的な課題に対して取り組む", ""),
    ]
    # a list's items end short of the column as a cell does: which are a cell's, not told
    listed = body.replace("方針の決定\n具体的な", "・方針の決定\n・具体的な")
    assert _body_rows(listed, header)[0].split("\t")[3] == ""
    # one cell for two rows: whose it is, not told
    one = body.replace("方針の決定\n", "")
    assert _body_rows(one, header)[0].split("\t")[3] == ""


@pytest.mark.parametrize(
    "word, piece",
    [
        ("年4回", True),
        ("各圏域年2～3回", True),
        ("四半期に1回程度", True),
        ("随時", True),
        ("2か月に1回", True),
        ("月1回(第3水曜)", True),
        ("各圏域", False),  # 各 and a word, not followed by a count: the name's `各圏域代表者会議` too
        ("事例検討", False),
        ("年4回x", False),
        ("", False),
        ("随時" * 300, True),
        ("随時" * 300 + "x", False),  # every cut of `随時` into `随` `時` tried once, not 2 ** 300 times
        ("に" * 600 + "\x00", False),
        ("7" * 600 + "x", False),
    ],
)
def test_a_frequencys_piece_is_its_parts_and_nothing_else(word, piece):
    assert council_boxes.is_piece(word) is piece
