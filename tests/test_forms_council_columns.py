"""The councils' table that plain pdftotext and pdfminer write a box at a time, in no row order: each
box put in its column by its words and by the column's width, each column's cells in row order."""

from __future__ import annotations

from conftest import FIXTURES, apply_form, form_state
from nikosheet.parsing.forms import council_columns

HEADING = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n\n"
HEADER = "名称\n\n協議の場の構成員\n\n開催頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n"
END = "\n【その他事項】 ※協議の場運営における課題や悩んでいる点\n"
TABLE_HEADER = "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"


def _rows(body: str, header: str = HEADER) -> list[str]:
    return [line for line in apply_form(council_columns, HEADING + header + body + END) if line][1:]


def test_cells_joined_on_a_baseline_and_rests_written_after_the_next_rows() -> None:
    # pdftotext: a row's name and members run together on their lines; a note's last line and an
    # activity's rest come after other rows' boxes, each column's cells still in row order
    body = (
        "高松市精神障害にも対応した 精神科病院、医師会、基幹相談支\n"
        "地域包括ケアシステム検討会 援センター、地域包括支援センタ\nー、家族会、行政\n\n"
        "開催頻度 実施内容\n\n特記事項等(課題・\n強み等)\n\n"
        "年2回\n\n病院の院長が出席\nしており、決めた\nことが病院内で共\n\n"
        "取組の方向性の\n決定、作業部会\nの報告\n\n有されやすい。\n"
        "作業部会（地域移行・家族支 精神科病院の精神保健福祉士、相\n援）\n\n談支援専門員、保健所\n\n"
        "島しょ部支援連絡会\n\n保健所、地域政策課、出張所、民\n生委員\n\n年4回\n\n"
        "・合同研修会の\n企画 ・家族教\n室の企画\n\n随時\n\n訪問支援の調\n整、見守りの情\n\n"
        "民生委員との情報\n共有が進んでい\n\n報共有\n\nる。\n"
    )
    assert _rows(body, "名称\n\n協議の場の構成員\n\n") == [
        TABLE_HEADER,
        "高松市精神障害にも対応した地域包括ケアシステム検討会\t精神科病院、医師会、基幹相談支援センター、"
        "地域包括支援センター、家族会、行政\t年2回\t取組の方向性の決定、作業部会の報告\t"
        "病院の院長が出席しており、決めたことが病院内で共有されやすい。",
        "作業部会（地域移行・家族支援）\t精神科病院の精神保健福祉士、相談支援専門員、保健所\t年4回\t"
        "・合同研修会の企画 ・家族教室の企画\t",
        "島しょ部支援連絡会\t保健所、地域政策課、出張所、民生委員\t随時\t訪問支援の調整、見守りの情報共有\t"
        "民生委員との情報共有が進んでいる。",
        END.strip(),
    ]


def test_a_row_at_a_time_with_empty_cells_and_a_names_bracketed_note() -> None:
    # pdfminer: a row's boxes in column order; a note after a whole name is the name's
    body = (
        "地域移行部会\n\n（作業部会）\n\n市内5病院の精神保健福祉士、相談支援\n事業所、保健所\n\n年6回\n\n"
        "・個別事例の検討\n\n普及啓発部会\n\n家族会、ピアサポーター、民生委員\n\n随時\n\n"
        "市民向け講演会の企画\n\n参加者が固定化している。\n"
    )
    assert _rows(body)[1:3] == [
        "地域移行部会（作業部会）\t市内5病院の精神保健福祉士、相談支援事業所、保健所\t年6回\t・個別事例の検討\t",
        "普及啓発部会\t家族会、ピアサポーター、民生委員\t随時\t市民向け講演会の企画\t参加者が固定化している。",
    ]


def test_columns_written_together_a_column_shorter_than_the_rows_kept_as_text() -> None:
    # each column's cells of every row together: a note cannot be given a row by where it stands
    header = "協議の場の構成員\n\n開催頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n名称\n\n"
    body = (
        "推進会議\n\n圏域会議\n\n病院、市町村\n\n保健所、病院\n\nピア連絡会\n\nピア\n\n支援会議\n\nセンター\n\n"
        "年2回\n\n年3回\n\n隔月\n\n随時\n\n方針の決定\n\n事例検討\n\n振り返り\n\n相談\n\n差がある\n"
    )
    assert _rows(body, header) == [
        TABLE_HEADER,
        "推進会議\t病院、市町村\t年2回\t方針の決定\t",
        "圏域会議\t保健所、病院\t年3回\t事例検討\t",
        "ピア連絡会\tピア\t隔月\t振り返り\t",
        "支援会議\tセンター\t随時\t相談\t",
        "差がある",
        END.strip(),
    ]


def test_activities_and_a_note_fewer_than_the_rows_kept_as_text() -> None:
    # columns written together, three rows' activities and one note for four councils: neither can
    # be given its rows (this stopped the reader once: the note was placed in a one-row table)
    header = "協議の場の構成員\n\n開催頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n名称\n\n"
    body = (
        "推進会議\n\n圏域会議\n\n病院、市町村\n\n保健所、病院\n\nピア連絡会\n\nピア\n\n支援会議\n\nセンター\n\n"
        "年2回\n\n年3回\n\n隔月\n\n随時\n\n方針の決定\n\n事例検討\n\n振り返り\n\n参加者が固定化している。\n"
    )
    assert _rows(body, header) == [
        TABLE_HEADER,
        "推進会議\t病院、市町村\t年2回\t\t",
        "圏域会議\t保健所、病院\t年3回\t\t",
        "ピア連絡会\tピア\t隔月\t\t",
        "支援会議\tセンター\t随時\t\t",
        "方針の決定",
        "事例検討",
        "振り返り",
        "参加者が固定化している。",
        END.strip(),
    ]


def test_a_name_without_its_frequency_leaves_the_table_as_it_is() -> None:
    body = "推進会議\n\n保健、医療\n\n年2回\n\n実務者会議\n\n相談支援事業所\n\n・事例検討\n"
    text = HEADING + HEADER + body + END
    assert apply_form(council_columns, text) == text.split("\n")


def test_the_plain_pdftotext_fixture_reads_every_councils_name_members_frequency_and_notes() -> None:
    import nikosheet

    councils = nikosheet.parse_file(FIXTURES / "converters" / "city-pipe-fy2023--pdftotext.txt").councils.meetings
    assert [(c.name, c.frequency.text if c.frequency else None) for c in councils] == [
        ("倉敷市精神障害にも対応した地域包括ケアシステム推進会議", "2回/年"),
        ("実務者部会", "年6回"),
        ("事務局会議", "週1回"),
    ]
    assert councils[1].members == "精神科病院の精神保健福祉士、相談支援専門員、訪問看護師、保健所職員"
    assert councils[2].notes == "担当者の異動があっても取組が継続できる体制づくりが課題。"
    assert councils[0].activities == ["地域課題の共有", "取組方針の決定"]


def test_a_rows_top_line_beside_its_names_first_piece_starts_its_cell() -> None:
    # pdftotext: the last row's members come right after the first piece of its name (`市町支援ア`),
    # before the name's rest: they are that row's, not the rest of the row above's full-width list
    body = (
        "静岡県精神\n\n精神科病院協会、精神神経科診療所\n\n保健医療福\n祉推進会議\n\n"
        "協会、市長会、町村会、家族会連合\n会、当事者、学識経験者\n\n圏域別協議\nの場（8圏\n\n"
        "保健所、市町、精神科病院、相談支\n援事業所、家族会、ピアサポーター\n\n年4回\n\n月1回\n\n"
        "域）\n\n市町支援ア\n\n精神保健福祉センター、アドバイザ\n\nドバイザー\n会議\n\n"
        "ー（精神保健福祉士、保健師）\n\n随時\n"
    )
    rows = _rows(body, "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課題・\n強み等)\n\n")
    assert [row.split("\t")[:3] for row in rows[1:4]] == [
        [
            "静岡県精神保健医療福祉推進会議",
            "精神科病院協会、精神神経科診療所協会、市長会、町村会、家族会連合会、当事者、学識経験者",
            "年4回",
        ],
        ["圏域別協議の場（8圏域）", "保健所、市町、精神科病院、相談支援事業所、家族会、ピアサポーター", "月1回"],
        ["市町支援アドバイザー会議", "精神保健福祉センター、アドバイザー（精神保健福祉士、保健師）", "随時"],
    ]


def test_two_cells_written_a_line_of_each_in_turn_and_a_note_between_the_rows_activities() -> None:
    # pdftotext: the activities' and the notes' lines side by side, a box each, left then right; the
    # frequencies written together place no cell, but the note between the rows' activities is the
    # first row's, and the lone line after the first row's note the next row's activities
    body = (
        "八王子市精神保健福祉\n\n精神科病院、精神科診療所、相談支\n\n地域連携会議\n\n"
        "援事業所、家族会、保健所、障害者\n福祉課\n\n地域移行支援部会\n\n"
        "精神科病院の精神保健福祉士、相談\n支援専門員、保健所職員\n\n2回/年\n\n年4回\n\n"
        "・地域課題の共\n\n市内に精神科病院が\n\n有 ・取組状況の\n報告\n\n多く、病院間の連携\nに課題がある。\n\n"
        "事例検討\n"
    )
    rows = _rows(body, "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課題・強\nみ等)\n\n")
    assert [row.split("\t")[2:] for row in rows[1:3]] == [
        ["2回/年", "・地域課題の共有 ・取組状況の報告", "市内に精神科病院が多く、病院間の連携に課題がある。"],
        ["年4回", "事例検討", ""],
    ]


# pdfminer of a Chromium PDF: the first row's name fills its column (`仙台市精神保健福祉審議会`), its rest
# (`地域移行・地域定着部会`) a whole name of its own after the row's first line; the frequencies tell
SENDAI = (
    "仙台市精神保健福祉審議会\n\n精神科病院協会、精神神経科診療\n\n3回/年\n\n・区の会議からの課\n\n区から上が\n\n"
    "地域移行・地域定着部会\n\n青葉区にも包括推進会議\n\n所協会、相談支援事業所、家族\n会、ピアサポーター、学識経験\n"
    "者、行政\n\n区保健福祉センター、精神科病\n院、相談支援事業所\n\n題報告 ・市の施策の\n検討\n\n"
    "る課題の整\n理に時間が\nかかる。\n\n年4回\n\n個別事例の検討\n\n"
    "宮城野区にも包括推進会議 区保健福祉センター、精神科病\n\n年2回\n\n院、相談支援事業所、地域包括支\n\n"
    "援センター、民生委員\n\n・個別事例の検討 ・\n地域課題の抽出 ・研\n\n"
    "民生委員の\n参加が定着\n\n修の企画\n\nした。\n\n"
    "区事務局担当者連絡会\n\n障害者支援課、精神保健福祉総合\n\n月1回\n\n報告様式の統一\n\nセンター、各区障害高齢課\n\n"
)


def test_a_name_as_wide_as_its_column_takes_the_whole_name_after_it_where_the_frequencies_say_so() -> None:
    rows = _rows(SENDAI)
    names = [row.split("\t")[0] for row in rows[1:5]]
    assert names == [
        "仙台市精神保健福祉審議会地域移行・地域定着部会",
        "青葉区にも包括推進会議",
        "宮城野区にも包括推進会議",
        "区事務局担当者連絡会",
    ]
    assert rows[1].split("\t")[1:3] == [
        "精神科病院協会、精神神経科診療所協会、相談支援事業所、家族会、ピアサポーター、学識経験者、行政",
        "3回/年",
    ]


def test_a_name_rest_that_either_of_two_full_names_may_take_leaves_the_table() -> None:
    # the second name as wide as the column too: the third may go on it or the second on the first,
    # the frequencies in turn either way
    text = HEADING + HEADER + SENDAI.replace("地域移行・地域定着部会", "地域移行・地域定着連絡会", 1) + END
    assert apply_form(council_columns, text) == text.split("\n")


def test_a_name_wrapped_at_its_space_is_one_name_below_or_beside_its_first_part() -> None:
    # Chromium wraps a name at its space: the second part right below the first, in the same box
    # (pdftotext), or beside the first part's last piece on its line (pdfminer: `会 地域移行部会`)
    import nikosheet

    for converter in ("pdftotext", "pdfminer"):
        path = FIXTURES / "converters" / f"pref-fullwidth-dot-fy2023--{converter}.txt"
        councils = nikosheet.parse_file(path).councils.meetings
        assert [c.name.replace(" ", "") for c in councils] == [
            "青森県精神保健福祉審議会地域移行部会",
            "圏域会議",
            "市町村担当者会議",
            "ピアサポーター連絡会",
        ]
        frequencies = [c.frequency.text if c.frequency else None for c in councils]
        assert frequencies == ["隔月", "四半期ごと", "半年に1回", "2か月に1回"]
        assert councils[0].members == "精神科病院協会、相談支援事業所、家族会、ピアサポーター、保健所、市町村"


def test_pieces_no_cell_took_are_kept_as_text_with_a_warning_that_says_so() -> None:
    # pdfminer of sendai: every column placed, four lines (an activity's list, a members' rest) left
    # over; the warning counts them and does not blame a column
    import nikosheet

    doc = nikosheet.parse_file(FIXTURES / "converters" / "designated-sendai-fy2023--pdfminer.txt")
    assert [c.frequency.text if c.frequency else None for c in doc.councils.meetings] == [
        "3回/年",
        "年4回",
        "月1回",
        "2か月に1回",
    ]
    assert doc.councils.meetings[0].name.replace(" ", "") == "仙台市精神保健福祉審議会地域移行・地域定着部会"
    assert doc.councils.text == ["報告様式の統一", "区の取組の共有", "杜のピアネット、精神保健福祉総", "合センター"]
    said = [d.message for d in doc.diagnostics if d.code == "missing-table" and d.line == 493]
    assert said == [
        "協議の場: 4 councils read; 4 lines no cell could be given are kept as text: "
        "a council's cells may be short of them"
    ]


def test_one_line_rows_names_boxed_together_are_read_as_rows_of_their_own() -> None:
    # pdfminer may box the names of one-line rows together: read as one name the table fails (two
    # frequencies for one name), so it is read again with each name a row's
    body = "地域移行部会\n普及啓発部会\n\n病院、事業所\n\n家族会、民生委員\n\n年6回\n\n随時\n\n・事例検討\n\n・講演会\n"
    assert [row.split("\t")[:3] for row in _rows(body)[1:3]] == [
        ["地域移行部会", "病院、事業所", "年6回"],
        ["普及啓発部会", "家族会、民生委員", "随時"],
    ]


def test_a_numbered_item_alone_in_its_box_is_an_activity_not_a_name() -> None:
    # pdfminer: the activities' third item in a box of its own after the members' rest, before the
    # note's wrapped end (`医療機関の` `出席率が高` … `い。`); it had been read as the next name's start
    body = (
        "呉市精神保健福祉連\n絡協議会\n\n呉市医師会、精神科病院（3か所）、精神\n科診療所、相談支援事業所（4か所）、地\n\n"
        "年2回\n\n①地域課題の共有\n②各部会の報告\n\n特記事項等\n\n(課題・強\nみ等)\n\n医療機関の\n出席率が高\n\n"
        "域活動支援センター、社会福祉協議会、\n民生委員、家族会、保健所\n\n③次年度計画の協議\n\nい。\n\n"
        "地域移行支援部会\n\n精神科病院、相談支援事業所、ピアサポ\nーター、保健所\n\n隔月\n\n"
        "・退院支援の事例検討\n・病院訪問\n"
    )
    header = "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n"
    assert _rows(body, header)[1:3] == [
        "呉市精神保健福祉連絡協議会\t呉市医師会、精神科病院（3か所）、精神科診療所、相談支援事業所（4か所）、"
        "地域活動支援センター、社会福祉協議会、民生委員、家族会、保健所\t年2回\t"
        "①地域課題の共有 ②各部会の報告 ③次年度計画の協議\t医療機関の出席率が高い。",
        "地域移行支援部会\t精神科病院、相談支援事業所、ピアサポーター、保健所\t隔月\t・退院支援の事例検討 ・病院訪問\t",
    ]


def test_a_one_line_list_right_after_a_rows_frequency_is_its_activities_where_its_members_ended() -> None:
    # plain pdftotext: the last row's activities (`進捗管理、会議準備`, one `、` on one line) come right after
    # its frequency; its members' list ended short of the column, so they are no list's rest
    body = (
        "八王子市精神障害にも対\n応した地域包括ケアシス\n\n"
        "精神科病院、診療所、医師会、相談支\n援事業所、家族会、ピアサポーター、\n\n"
        "テム推進会議\n\n大学、行政\n\n年2回\n\n方針の決定\n\n"
        "事務局会議\n\n保健対策課、障害者福祉課、基幹相談\n支援センター\n\n月1回\n\n進捗管理、会議準備\n"
    )
    assert _rows(body)[1:3] == [
        "八王子市精神障害にも対応した地域包括ケアシステム推進会議\t精神科病院、診療所、医師会、相談支援事業所、家族会、"
        "ピアサポーター、大学、行政\t年2回\t方針の決定\t",
        "事務局会議\t保健対策課、障害者福祉課、基幹相談支援センター\t月1回\t進捗管理、会議準備\t",
    ]


def test_a_members_rest_after_the_rows_activities_and_a_late_note_column_shorter_than_the_rows() -> None:
    # pdfminer: the last row's members cut at the column's end (`…保`) go on in a box after its frequency
    # and activities (`健所`); the notes' header cell comes after the second row, its two cells before
    # the third row's name: the first two rows' notes, the third row's left empty
    body = (
        "弘前市精神保健福祉\n\n精神科病院、精神科診療所、相談支援\n\n2回/年 部会報告、課題の協議\n\n"
        "連携会議（全体会）\n\n事業所、家族会、当事者、地域包括支\n援センター、行政\n\n"
        "地域移行部会\n\n精神科病院の精神保健福祉士、相談支\n援専門員、保健所\n\n"
        "6回/年 退院意向調査の分析、個\n別事例の検討\n\n特記事項等\n(課題・強み\n等)\n\n"
        "なし\n\n病院間で退院\n支援の進め方\nに差がある\n\n"
        "普及啓発部会\n\n家族会、当事者、社会福祉協議会、保\n\n4回/年 市民講座の企画\n\n健所\n"
    )
    assert _rows(body, "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n") == [
        TABLE_HEADER,
        "弘前市精神保健福祉連携会議（全体会）\t精神科病院、精神科診療所、相談支援事業所、家族会、当事者、"
        "地域包括支援センター、行政\t2回/年\t部会報告、課題の協議\tなし",
        "地域移行部会\t精神科病院の精神保健福祉士、相談支援専門員、保健所\t6回/年\t退院意向調査の分析、個別事例の検討\t"
        "病院間で退院支援の進め方に差がある",
        "普及啓発部会\t家族会、当事者、社会福祉協議会、保健所\t4回/年\t市民講座の企画\t",
        END.strip(),
    ]


def test_a_members_rest_that_ends_as_a_name_before_the_rows_frequency_and_two_numbered_items_on_a_line() -> None:
    # pdfminer: `館連合会` ends as a council's name, but it comes right after the row's members cut at the
    # column's end, before the row's frequency: the list's rest, no new row; `②事例検討 ③退院` is one
    # line of the activities' list
    body = (
        "富山市精神保健福祉地\n\n精神科病院9か所、医師会、基幹相談支援\n\n年2回\n\n作業部会の報告、\n\n医療機関の参\n\n"
        "域連携会議\n\nセンター、相談支援事業所、地域包括支\n援センター、民生委員児童委員協議会、\n家族会、保健所、障害福祉課\n\n"
        "地域課題の協議\n\n加は多いが、\n福祉・住民側\nの意見が少な\n\nい。\n\n"
        "地域移行作業部会\n\n病院精神保健福祉士、相談支援専門員、\n\n年6回\n\n①病院訪問の計画\n\n"
        "ピアサポーター、保健所\n\n②事例検討 ③退院\n支援の振り返り\n\n"
        "普及啓発作業部会\n\n保健所、家族会、ピアサポーター、公民\n館連合会\n\n年4回\n\n講座の企画\n\n"
        "校下ネットワーク会議 民生委員、町会長、地域包括支援センタ\n\n随時\n\nー、保健所保健師\n\n"
        "見守りが必要な方\nの情報共有\n\n個人情報の扱\nいに配慮が必\n要。\n"
    )
    header = "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課\n\n題・強み等)\n\n"
    assert _rows(body, header)[2:4] == [
        "地域移行作業部会\t病院精神保健福祉士、相談支援専門員、ピアサポーター、保健所\t年6回\t"
        "①病院訪問の計画 ②事例検討 ③退院支援の振り返り\t",
        "普及啓発作業部会\t保健所、家族会、ピアサポーター、公民館連合会\t年4回\t講座の企画\t",
    ]


def test_the_notes_header_cells_rest_written_after_the_first_rows_cells() -> None:
    # pdfminer: the notes' header cell wraps over more lines than the others; its first line stands in
    # the header's box, its rest (`(課題・強` `み等)`) after the first row's name, frequency and members
    body = (
        "宮城県精神障害者地域移\n行・地域定着推進協議会\n\n年2回\n\n"
        "宮城県精神科病院協会、宮城県医師会、宮城県\n精神神経科診療所協会、学識経験者、精神保健福\n祉センター\n\n"
        "(課題・強\nみ等)\n\n委員が多い\nため、事前に\n資料を配布し\nている。\n\n"
        "・圏域会議\nからの報告\n\n圏域会議（7圏域）\n\n"
        "保健福祉事務所、市町村、精神科病院、家族会\n\n3回/年\n\n・個別事例の\n検討\n"
    )
    assert _rows(body, "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等\n\n") == [
        TABLE_HEADER,
        "宮城県精神障害者地域移行・地域定着推進協議会\t宮城県精神科病院協会、宮城県医師会、宮城県精神神経科診療所協会、"
        "学識経験者、精神保健福祉センター\t年2回\t・圏域会議からの報告\t委員が多いため、事前に資料を配布している。",
        "圏域会議（7圏域）\t保健福祉事務所、市町村、精神科病院、家族会\t3回/年\t・個別事例の検討\t",
        END.strip(),
    ]


def test_a_name_wrapped_at_its_space_its_first_parts_end_beside_its_second_part() -> None:
    # pdfminer: `…審議会 にも包括推進部会` wrapped so that the first part's end and the second part stand
    # on one line (`会 にも包括推進部会`), a space apart
    body = (
        "京都府精神保健福祉審議\n\n学識経験者、府医師会、府精神科病院\n\n2回/年 ・府全体の方針と\n\n委員が19名と多\n\n"
        "会 にも包括推進部会\n\n協会、精神科診療所協会、府社会福祉\n協議会、家族会連合会\n\n"
        "指標の決定 ・圏域\nの取組の報告と評\n\nく、報告が中心\nになりやすい。\n\n価 ・精神科救急医\n療体制の検討\n\n"
        "地域精神保健福祉連絡会\n\n保健所、管内市町村、精神科病院、相\n\n3回/年 ・圏域の課題シー\n\n"
        "議（6圏域）\n\n談支援事業所、家族会\n\nトの更新\n"
    )
    rows = _rows(body, "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課\n\n題・強み等)\n\n")
    assert rows[1].split("\t")[:3] == [
        "京都府精神保健福祉審議会 にも包括推進部会",
        "学識経験者、府医師会、府精神科病院協会、精神科診療所協会、府社会福祉協議会、家族会連合会",
        "2回/年",
    ]
    assert rows[2].split("\t")[1:3] == ["保健所、管内市町村、精神科病院、相談支援事業所、家族会", "3回/年"]


def test_a_members_list_that_cut_a_member_goes_on_in_a_name_like_line_below_it() -> None:
    # plain pdftotext: the list's last line, as wide as its box, cut `介護支援専門員協会` after `介`; its rest
    # right below ends as a council's name would, but a member made whole is the list's, not a new row
    body = (
        "青森県精神障害にも対応\nした地域包括ケアシステ\n\n"
        "青森県医師会、青森県精神科病院協会、精神科\n診療所協会、訪問看護ステーション連絡協議\n\n"
        "年2回\n\n圏域会議の報\n告、県全体の\n\n委員が多\nく、協議\n\nム推進会議\n\n"
        "会、相談支援専門員協会、家族会連合会、ピア\nサポーター、市長会・町村会、保健所長会、介\n護支援専門員協会\n\n"
        "課題と目標の\n協議\n\nの時間が\n不足しが\nちである\n\n"
        "圏域会議（6圏域）\n\n保健所、市町村、精神科病院、相談支援事業\n\n年3回\n\n所、地域包括支援センター\n"
        "コーディネーター連絡会\n\n個別事例の検\n討、圏域課題\nの整理\n\n"
        "圏域コーディネーター（6名）、精神保健福祉\nセンター、障害福祉課\n\n年6回\n\n活動報告、困\n難事例の検討\n"
    )
    header = "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項\n等(課題・\n強み等)\n\n"
    assert _rows(body, header)[1] == (
        "青森県精神障害にも対応した地域包括ケアシステム推進会議\t青森県医師会、青森県精神科病院協会、精神科診療所協会、"
        "訪問看護ステーション連絡協議会、相談支援専門員協会、家族会連合会、ピアサポーター、市長会・町村会、保健所長会、"
        "介護支援専門員協会\t年2回\t圏域会議の報告、県全体の課題と目標の協議\t委員が多く、協議の時間が不足しがちである"
    )


def test_a_word_beside_a_wrapped_names_last_line_starts_its_second_part() -> None:
    # pdfminer: `自立支援協議会 地域移行部会` in a column four characters wide, the second part's first
    # character after the first part's end on its line (`協議会 地`), its last character in a box of its own
    body = (
        "北九州市\nにも包括\n推進会議\n\n"
        "精神科病院協会、医師会、基幹相談支援セ\nンター、家族会連合会\n\n"
        "年2回\n\n"
        "・区の連絡会からの\n報告\n\n"
        "自立支援\n協議会 地\n域移行部\n\n会\n\n"
        "相談支援事業所、精神科病院、障害福祉サー\nビス事業所\n\n"
        "月1回\n\n"
        "地域移行支援の利用\n状況の確認\n\n"
    )
    rows = _rows(body)
    assert rows[1].split("\t")[:3] == [
        "北九州市にも包括推進会議",
        "精神科病院協会、医師会、基幹相談支援センター、家族会連合会",
        "年2回",
    ]
    assert rows[2].split("\t")[:4] == [
        "自立支援協議会 地域移行部会",
        "相談支援事業所、精神科病院、障害福祉サービス事業所",
        "月1回",
        "地域移行支援の利用状況の確認",
    ]


def test_a_row_s_first_lines_then_its_rests_and_notes_whose_row_is_not_sure() -> None:
    # pdfminer (a core city's text): a row's first two printed lines a box a cell, then the name's and the
    # members' rests; the next row's name and members before this row's frequency and right cells. A list
    # that ends on a whole member (`…障害福祉課`) is the row's; a lone line right after a frequency is the
    # row's activities; a note written after the next row's name, right after this row's activities, is
    # the row of the name before it or of the frequency: which, the text does not tell, so the reading says so
    body = (
        "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課題・強み\n等)\n\n"
        "富山市精神障害にも\n対応した地域包括ケ\n\n医師会、精神科病院、相談支\n援事業所、地域包括支援セン\n\n年2回\n\n"
        "取組の報告と評価、方針\nの決定\n\nアシステム推進協議\n会\n\nター、家族会、ピアサポータ\nー、学識経験者、行政\n\n"
        "実務者部会（地域移\n行・住まい・普及啓\n発）\n\n"
        "精神科病院の精神保健福祉\n士、相談支援事業所、居住支\n援法人、保健所、障害福祉課\n\n"
        "事務局会議\n\n保健所地域保健課、障害福祉\n課、基幹相談支援センター\n\n年4回\n\nテーマごとの課題の検討\nと取組の実施\n\n"
        "3つの部会の間で情報共\n有が十分でない。\n\n月1回\n\n全体調整、会議の準備\n\n"
        "退院支援連絡会\n\n市内精神科病院、保健所、基\n幹相談支援センター\n\n年2回\n\n"
        "退院支援の事例の共有、\n連絡の手順の確認\n\n令和5年度から開始。\n"
    )
    state = form_state(council_columns, HEADING + body + END)
    assert [line for line in state.lines if line][1:] == [
        TABLE_HEADER,
        "富山市精神障害にも対応した地域包括ケアシステム推進協議会\t医師会、精神科病院、相談支援事業所、"
        "地域包括支援センター、家族会、ピアサポーター、学識経験者、行政\t年2回\t取組の報告と評価、方針の決定\t",
        "実務者部会（地域移行・住まい・普及啓発）\t精神科病院の精神保健福祉士、相談支援事業所、居住支援法人、"
        "保健所、障害福祉課\t年4回\tテーマごとの課題の検討と取組の実施\t",
        "事務局会議\t保健所地域保健課、障害福祉課、基幹相談支援センター\t月1回\t全体調整、会議の準備\t"
        "3つの部会の間で情報共有が十分でない。",
        "退院支援連絡会\t市内精神科病院、保健所、基幹相談支援センター\t年2回\t退院支援の事例の共有、連絡の手順の確認\t"
        "令和5年度から開始。",
        END.strip(),
    ]
    assert [(code.value, line) for code, line, _ in state.notes] == [("shifted-cell", 6)]


# pdfminer (Chromium PDF): the first row's first printed line a box a cell, then each cell's rest
PDFMINER_HEADER = "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等(課\n\n題・強み等)\n"
SHIZUOKA = (
    "\n"
    "\x0c静岡市精神保健福\n"
    "\n"
    "精神科病院協会、医師会、精神科診療\n"
    "\n"
    "2回/年 ・区の連絡会からの\n"
    "\n"
    "委員が多く、一\n"
    "\n"
    "祉地域包括ケア推\n"
    "進会議\n"
    "\n"
    "所、相談支援事業所、地域包括支援セン\n"
    "ター、家族会連合会、当事者、学識経験\n"
    "者、行政\n"
    "\n"
    "報告 ・地域課題の協\n"
    "議 ・障害福祉計画へ\n"
    "の反映\n"
    "\n"
    "人ひとりの発言\n"
    "の機会が限られ\n"
    "る。\n"
    "\n"
    "地域支援者連絡会\n"
    "（葵区）\n"
    "\n"
    "保健福祉センター、相談支援事業所、地\n"
    "域包括支援センター、病院精神保健福祉\n"
    "\n"
    "2回/年 事例検討、地域課題\n"
    "\n"
    "の共有\n"
    "\n"
    "士、民生委員\n"
    "\n"
    "地域支援者連絡会\n"
    "\n"
    "同上\n"
    "\n"
    "（駿河区）\n"
    "\n"
    "地域支援者連絡会\n"
    "\n"
    "同上\n"
    "\n"
    "（清水区）\n"
    "\n"
    "2回/年 事例検討、地域課題\n"
    "\n"
    "の共有\n"
    "\n"
    "2回/年 事例検討、地域課題\n"
    "\n"
    "令和4年度は1回\n"
    "\n"
    "の共有\n"
    "\n"
    "のみの開催とな\n"
    "った。\n"
    "\n"
    "部会で出た課題\n"
    "を推進会議へ報\n"
    "告する流れがで\n"
    "\n"
    "きている。\n"
    "\n"
    "自立支援協議会\n"
    "精神保健福祉部会\n"
    "\n"
    "相談支援事業所、障害福祉サービス事業\n"
    "所、病院精神保健福祉士、障害福祉企画\n"
    "課\n"
    "\n"
    "6回/年 地域移行支援の事例\n"
    "共有 社会資源の把握\n"
    "\n"
    "事務局会議\n"
    "\n"
    "障害福祉企画課、精神保健福祉課、ここ\n"
    "\n"
    "月1回\n"
    "\n"
    "協議の場の準備、事\n"
    "\n"
    "ろの健康センター\n"
    "\n"
    "業の進捗管理\n"
    "\n"
)


def test_a_rows_first_printed_line_written_a_box_a_cell_before_the_cells_rests_is_read() -> None:
    """Where the table is read no other way, a run of one-line pieces (a name's piece, a list's line, the
    frequency, the activities' and the notes' first lines) takes the pieces after it as its cells' rests,
    in order: the names, members and frequencies are read, the columns not placed kept as text."""
    rows = _rows(SHIZUOKA, PDFMINER_HEADER)
    assert rows[1].split("\t")[:3] == [
        "静岡市精神保健福祉地域包括ケア推進会議",
        "精神科病院協会、医師会、精神科診療所、相談支援事業所、地域包括支援センター、家族会連合会、当事者、"
        "学識経験者、行政",
        "2回/年",
    ]
    assert [row.split("\t")[0] for row in rows[1:7]] == [
        "静岡市精神保健福祉地域包括ケア推進会議",
        "地域支援者連絡会（葵区）",
        "地域支援者連絡会（駿河区）",
        "地域支援者連絡会（清水区）",
        "自立支援協議会精神保健福祉部会",
        "事務局会議",
    ]
    assert [row.split("\t")[2] for row in rows[1:7]] == ["2回/年", "2回/年", "2回/年", "2回/年", "6回/年", "月1回"]
    # the notes' cells read so are not one whole note a row (a note's rest, `のみの開催とな` / `った。`, and
    # an activity's, `の共有`, among them): which row's each is, the text does not tell, so they stay text
    assert all(row.split("\t")[4] == "" for row in rows[1:7])
    assert "のみの開催とな" in rows[7:]


def test_a_frequency_with_each_right_before_its_count_is_the_row_s_frequency() -> None:
    # pdftotext: `各2回/年` (twice a year at each centre) on the line of the members' and activities' first lines
    body = (
        "区精神保健福祉連携会\n議\n\n精神科病院、相談支援事業所、地域包 3回/年\n括支援センター、家族会\n\n"
        "・課題の報告\n\n委員が多い。\n\n地区連絡会（3保健\n\n"
        "保健センター、相談支援事業所、訪問 各2回/年 ・事例検討\n\nセンター）\n\n看護、民生委員\n\n"
        "地区の関係づくり\nに役立っている。\n"
    )
    rows = _rows(body)
    assert [row.split("\t")[:3] for row in rows[1:3]] == [
        ["区精神保健福祉連携会議", "精神科病院、相談支援事業所、地域包括支援センター、家族会", "3回/年"],
        ["地区連絡会（3保健センター）", "保健センター、相談支援事業所、訪問看護、民生委員", "各2回/年"],
    ]


def test_a_note_written_in_a_band_between_two_boxes_of_its_row_s_activities() -> None:
    # pdftotext: a tall row written a band of lines at a time, each band's members, activities and notes a box
    # each; the activities' box fills its column, and the note's first box comes before the next band's
    body = (
        "区精神保健福祉連携会\n議\n\n"
        "精神科病院、精神科診療所、医師会、訪問 3回/年\n看護ステーション、基幹相談支援センタ\n\n"
        "・地区連絡会か\nらの課題報告\n\n委員の所属が多\n分野にわたり、\n\n"
        "ー、相談支援事業所、地域包括支援センタ\nー、家族会、行政\n\n・区の取組の検\n討\n\n"
        "議題を具体的に\n絞ることが難し\nい。\n\n"
        "地域自立支援協議会\n\n障害者支援課、相談支援事業所、障害福祉 2回/年\n\n障害福祉全般の\n\n精神障害に関す\n\n"
        "サービス事業所、当事者、家族会\n\n課題の協議\n\nる部会はなく、\n情報を共有して\nいる。\n"
    )
    rows = [row.split("\t") for row in _rows(body)[1:3]]
    assert [row[3:] for row in rows] == [
        ["・地区連絡会からの課題報告 ・区の取組の検討", "委員の所属が多分野にわたり、議題を具体的に絞ることが難しい。"],
        ["障害福祉全般の課題の協議", "精神障害に関する部会はなく、情報を共有している。"],
    ]


# a prefecture's sheet (plain pdftotext): each tall row written a band of lines at a time, a box a cell in each
# band, left to right (a name's first line, the members' with the frequency, an activity's, a note's; then every
# cell's next lines)
BANDS = (
    "秋田県精神障\n\n県精神科病院協会、県医師会、精神科診 年2回\n\n・圏域推進会議か\n\n圏域からの報告に時\n\n"
    "害にも対応し\nた地域包括ケ\nアシステム推\n\n療所、市長会、町村会、県家族会連合\n"
    "会、当事者、学識経験者、障害福祉課、\n精神保健福祉センター\n\nらの報告 ・県の計\n画への反映 ・指標\n"
    "の進捗確認\n\n間を取られ、議論が\n深まりにくい。今年\n度から論点を事前に\n\n進会議\n\n委員へ送っている。\n\n"
    "圏域精神保健\n\n県保健所、市町村、精神科病院、相談支 年2～3回\n\n・長期入院者の個\n\n冬期はオンラインを\n\n"
    "福祉推進会議\n（8圏域）\n\n援事業所、地域包括支援センター、家族\n会、ピアサポーター\n\n別事例の検討\n"
    "・圏域の課題の抽\n出\n\n併用している。\n\n・町村の協議の場\nへの助言\n自殺対策・精\n神保健連携会\n\n"
    "保健・疾病対策課、障害福祉課、精神保 年3回\n健福祉センター、民間団体、県警察本\n\n相談窓口から医\n"
    "療・福祉へつない\n\n議\n\n部、大学\n\nだ事例の検証\n\n秋田県・秋田\n\n"
    "障害福祉課、精神保健福祉センター、秋 随時\n\n秋田周辺圏域の会\n\n市担当者会議\n\n"
    "田市障がい福祉課、秋田市保健所\n\n議運営の調整\n\n訪問支援チー\n\n"
    "チームを置く精神科病院、県保健所、町 3か月に1回 支援事例の振り返\n\nム運営会議\n\n"
    "村、精神保健福祉センター\n\nり、他圏域への拡\n大に向けた課題の\n整理\n\n"
)


def test_rows_written_a_band_at_a_time_are_read_whole() -> None:
    # a name's rest in the next band (not the activities' line after a note), an activity's rest after the members'
    # box of its band, and an activity ending on a name's word (`秋田周辺圏域の会`) wider than the names' column
    rows = [
        row.split("\t")
        for row in _rows(BANDS, "名称\n\n協議の場の構成員\n\n開催頻度\n\n実施内容\n\n特記事項等(課題・強\nみ等)\n\n")[
            1:6
        ]
    ]
    assert [row[0] for row in rows] == [
        "秋田県精神障害にも対応した地域包括ケアシステム推進会議",
        "圏域精神保健福祉推進会議（8圏域）",
        "自殺対策・精神保健連携会議",
        "秋田県・秋田市担当者会議",
        "訪問支援チーム運営会議",
    ]
    assert [row[3] for row in rows] == [
        "・圏域推進会議からの報告 ・県の計画への反映 ・指標の進捗確認",
        "・長期入院者の個別事例の検討 ・圏域の課題の抽出 ・町村の協議の場への助言",
        "相談窓口から医療・福祉へつないだ事例の検証",
        "秋田周辺圏域の会議運営の調整",
        "支援事例の振り返り、他圏域への拡大に向けた課題の整理",
    ]
    assert rows[0][4] == "圏域からの報告に時間を取られ、議論が深まりにくい。今年度から論点を事前に委員へ送っている。"
    assert rows[1][4] == "冬期はオンラインを併用している。"


def test_a_lone_line_after_a_members_list_left_open_is_the_list_s_last_member() -> None:
    # pdfminer: the members' box ends on `、`; its last member (`行政`) in a box of its own, then the activity's rest
    body = (
        "名古屋市精神障害者地域\n生活支援推進会議\n\n精神科病院協会、精神神経科診\n療所協会、医師会、相談支援事\n\n3回/年\n\n"
        "・区の連絡会からの課題\n報告 ・市の施策の検討 ・\n\n区から上が\nる課題が多\n\n"
        "業所、地域包括支援センター、\n家族会、当事者、学識経験者、\n\n行政\n\n障害福祉計画への反映\n\n"
        "岐にわた\nり、1回の会\n\n議で扱える\n議題が限ら\nれる。\n\n"
        "区にも包括連絡会（16\n区）\n\n区保健センター、障害者基幹相\n談支援センター、家族会\n\n年4回\n\n・個別事例の検討\n\n"
        "区ごとに差がある。\n"
    )
    row = _rows(body)[1].split("\t")
    assert row[1].endswith("学識経験者、行政")
    assert "行政" not in row[3]


# pdftotext (a designated city's sheet, its first two rows): the first row's note and activity boxes one line each,
# the name's rest (`会議（緑区）`) a line of its own in the second row's band
ONE_LINE_BOXES = (
    "相模原市精神\n\n精神科病院、精神科診療所、医師会、訪問看護 年2回\n\n市全体の方針決\n\n区からの報告が\n\n"
    "保健福祉地域\n連携推進会議\n\nステーション、基幹相談支援センター、相談支\n"
    "援事業所、家族会、ピアサポーター、学識経験\n者、行政\n\n定、区別会議・WG\nの取組報告、取組\nの評価\n\n"
    "中心となり、施\n策の検討に時間\nを割けていな\nい。\n\n区別地域連携\n\n"
    "区高齢・障害者相談課、精神科病院、相談支援 年4回\n\n個別事例の検討、\n\n中山間地域の課\n\n会議（緑区）\n\n"
    "事業所、地域包括支援センター、訪問看護ステ\nーション\n\n区の課題の抽出\n\n題が多く挙が\nる。\n\n"
)


def test_a_one_line_box_in_a_band_is_no_open_name_s_rest_by_its_width_alone() -> None:
    rows = _rows(ONE_LINE_BOXES)
    assert rows[2] == (
        "区別地域連携会議（緑区）\t区高齢・障害者相談課、精神科病院、相談支援事業所、地域包括支援センター、"
        "訪問看護ステーション\t年4回\t個別事例の検討、区の課題の抽出\t中山間地域の課題が多く挙がる。"
    )


def test_a_one_line_name_wider_than_another_s_wrapped_line_is_a_name() -> None:
    # the names' column told only by a wrap a character early (`区精神保健福祉連携会` / `議`)
    body = (
        "区精神保健福祉連携会\n"
        "議\n"
        "\n"
        "精神科病院、相談支援事業所、地域包 3回/年\n"
        "括支援センター、家族会\n"
        "\n"
        "・課題の報告\n"
        "\n"
        "委員が多い。\n"
        "\n"
        "地域精神保健福祉推進会議\n"
        "\n"
        "保健センター、相談支援事業所、訪問 2回/年 ・事例検討\n"
        "\n"
        "看護、民生委員\n"
        "\n"
        "地区の関係づくり\n"
        "に役立っている。\n"
    )
    assert [row.split("\t")[0] for row in _rows(body)[1:3]] == ["区精神保健福祉連携会議", "地域精神保健福祉推進会議"]


# a prefecture's eight councils as pdfminer wrote its Chromium PDF, each row's first printed line a box a
# cell, then each cell's rest in boxes of a few lines: the table runs over 200 lines
FUKUSHIMA_HEADER = "名称\n\n協議の場の構成員\n\n開催頻度 実施内容\n\n特記事項等\n(課題・強\n\nみ等)\n\n"
LONG_TABLE = (
    "福島県精神障害にも対\n"
    "\n"
    "福島県医師会、福島県精神科病院協会、福島県\n"
    "\n"
    "年2回\n"
    "\n"
    "・県全体の取組\n"
    "\n"
    "委員数が多\n"
    "\n"
    "応した地域包括ケアシ\n"
    "ステム構築推進会議\n"
    "\n"
    "精神神経科診療所協会、福島県看護協会、福島\n"
    "県精神保健福祉⼠協会、福島県相談⽀援専⾨員\n"
    "協会、福島県社会福祉協議会、福島県精神保健\n"
    "\n"
    "福祉会連合会、当事者団体、ふくしま⼼のケア\n"
    "センター、市⻑会・町村会の推薦する市町村職\n"
    "\n"
    "員、県（障がい福祉課、精神保健福祉センタ\n"
    "ー）\n"
    "\n"
    "⽅針の決定 ・圏\n"
    "域の協議の場の\n"
    "取組状況の共有\n"
    "\n"
    "・退院意向調査\n"
    "の結果報告\n"
    "\n"
    "く、限られ\n"
    "た時間の中\n"
    "で委員同⼠\n"
    "\n"
    "の意⾒交換\n"
    "が⼗分にで\n"
    "\n"
    "きていな\n"
    "い。\n"
    "\n"
    "\x0c県北圏域精神保健福祉\n"
    "\n"
    "県北保健福祉事務所、圏域内精神科病院（5病\n"
    "\n"
    "2回/年 地域課題の抽\n"
    "\n"
    "中核市との\n"
    "\n"
    "推進会議（にも包括協\n"
    "議の場）\n"
    "\n"
    "院）、相談⽀援事業所、圏域内市町村、福島市\n"
    "保健所\n"
    "\n"
    "出、⻑期⼊院者\n"
    "の事例検討\n"
    "\n"
    "合同開催に\n"
    "より、市域\n"
    "を越えた退\n"
    "\n"
    "院⽀援の調\n"
    "整がしやす\n"
    "くなった。\n"
    "\n"
    "県中圏域協議の場\n"
    "\n"
    "県中保健福祉事務所、精神科病院、相談⽀援事\n"
    "業所、訪問看護ステーション、圏域内市町村、\n"
    "\n"
    "年3回\n"
    "\n"
    "事例検討、住ま\n"
    "いの確保に関す\n"
    "\n"
    "郡⼭市保健所\n"
    "\n"
    "る協議\n"
    "\n"
    "県南圏域協議の場\n"
    "\n"
    "県南保健福祉事務所、圏域内の精神科病院、⽩\n"
    "\n"
    "年2回\n"
    "\n"
    "地域移⾏⽀援の\n"
    "\n"
    "圏域内の⼀\n"
    "\n"
    "河市及び⻄⽩河郡・東⽩川郡の町村、基幹相談\n"
    "⽀援センター\n"
    "\n"
    "受け⽫づくりに\n"
    "関する協議\n"
    "\n"
    "般相談⽀援\n"
    "事業所が少\n"
    "なく、地域\n"
    "\n"
    "移⾏⽀援の\n"
    "担い⼿確保\n"
    "\n"
    "が課題。\n"
    "\n"
    "会津・南会津圏域合同\n"
    "\n"
    "会津保健福祉事務所、南会津保健福祉事務所、\n"
    "\n"
    "年2回\n"
    "\n"
    "・圏域の課題整\n"
    "\n"
    "2圏域合同\n"
    "\n"
    "協議の場\n"
    "\n"
    "会津若松市、圏域内の精神科病院（6病院）、\n"
    "相談⽀援事業所、介護⽀援専⾨員連絡協議会\n"
    "\n"
    "理 ・⾼齢の⻑期\n"
    "⼊院者の介護サ\n"
    "ービスへの移⾏\n"
    "\n"
    "に関する協議\n"
    "\n"
    "のため参加\n"
    "機関が広範\n"
    "囲にわた\n"
    "\n"
    "り、オンラ\n"
    "イン併⽤で\n"
    "開催してい\n"
    "\n"
    "る。\n"
    "\n"
    "相双圏域こころの地域\n"
    "\n"
    "相双保健福祉事務所、ふくしま⼼のケアセンタ\n"
    "\n"
    "年4回\n"
    "\n"
    "避難者・帰還者\n"
    "\n"
    "震災後の訪\n"
    "\n"
    "づくり会議\n"
    "\n"
    "ー相⾺⽅部センター、精神科病院、圏域内市町\n"
    "村、避難先⾃治体の担当者\n"
    "\n"
    "精神科救急医療体制連\n"
    "絡調整委員会（精神科\n"
    "救急・地域連携部会）\n"
    "\n"
    "精神科救急医療輪番病院、福島県警察本部、消\n"
    "防本部、保健福祉事務所、障がい福祉課\n"
    "\n"
    "年1回\n"
    "\n"
    "問⽀援の蓄\n"
    "積を⽣かし\n"
    "た協議がで\n"
    "\n"
    "きている。\n"
    "\n"
    "の⽀援調整、医\n"
    "療機関の再開状\n"
    "況の共有\n"
    "\n"
    "夜間・休⽇の相\n"
    "談対応と地域⽀\n"
    "援者との連携ル\n"
    "\n"
    "ールの検討\n"
    "\n"
    "ピアサポーター活動検\n"
    "\n"
    "ピアサポーター\n"
    "\n"
    "随時\n"
    "\n"
    "養成研修の内容\n"
    "\n"
    "ピアサポー\n"
    "\n"
    "討ワーキンググループ\n"
    "\n"
    "検討、病院訪問\n"
    "の振り返り\n"
    "\n"
    "ター⾃⾝が\n"
    "企画に関わ\n"
    "ることで、\n"
    "\n"
    "活動の意欲\n"
    "が⾼まって\n"
    "いる。\n"
)


def test_a_table_of_over_two_hundred_lines_is_read() -> None:
    """The table is found where it runs over 200 lines before `【その他事項】` (it had been looked for within
    200 lines only, and its rows left to the cell-per-line reader, which mixed their cells)."""
    rows = [row.split("\t") for row in _rows(LONG_TABLE, FUKUSHIMA_HEADER) if "\t" in row]
    assert [row[0] for row in rows[1:]] == [
        "福島県精神障害にも対応した地域包括ケアシステム構築推進会議",
        "県北圏域精神保健福祉推進会議（にも包括協議の場）",
        "県中圏域協議の場",
        "県南圏域協議の場",
        "会津・南会津圏域合同協議の場",
        "相双圏域こころの地域づくり会議",
        "精神科救急医療体制連絡調整委員会（精神科救急・地域連携部会）",
        "ピアサポーター活動検討ワーキンググループ",
    ]
    assert [row[2] for row in rows[1:]] == ["年2回", "2回/年", "年3回", "年2回", "年2回", "年4回", "年1回", "随時"]
    assert rows[1][1].startswith("福島県医師会、福島県精神科病院協会、福島県精神神経科診療所協会、")
