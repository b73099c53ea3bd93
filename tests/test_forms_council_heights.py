"""The councils' table of plain pdftotext of a LibreOffice PDF read by its lines' heights: a row's
cells, centred in the row, interleaved line by line in one block (a name, its members and its
frequency; the activities and the notes), a row's parts in separate boxes, a name written late."""

from __future__ import annotations

import pytest

from conftest import form_state
from nikosheet import parse_text_data
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, council_heights

SIGNAL = "人口 (R6 年 4 月時点)\n\n"  # a LibreOffice PDF's text: the renderer's gap before 月
HEADING = "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
END = "【その他事項】 ※協議の場運営における課題や悩んでいる点"
# four councils as pdftotext writes their LibreOffice PDF: the header's cells scattered (名称 last),
# the first row's activities and notes interleaved with its frequency, the last row's frequency and
# cells before its name and members
BODY = (
    "開催\n"
    "頻度\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "松江市精神障害にも対応\n"
    "した地域包括ケアシステ\n"
    "ム推進協議会 地域生活\n"
    "支援部会\n"
    "\n"
    "精神科病院協会、精神科診療所、基幹相談支\n"
    "援センター、訪問看護ステーション、地域包\n"
    "括支援センター、家族会、当事者会、民生委\n"
    "員、社会福祉協議会、学識経験者、市\n"
    "\n"
    "・地区会議からの報告 委員が多く、\n"
    "3 回/ ・市全体の課題の整理 一回の会議で\n"
    "年\n"
    "・障害福祉計画への意 議論が深まり\n"
    "見\n"
    "にくい\n"
    "\n"
    "地区連絡会（5 地区）\n"
    "\n"
    "保健センター、相談支援事業所、地域包括支\n"
    "援センター、民生委員\n"
    "\n"
    "地区によって\n"
    "2～3 個別事例の検討、地区\n"
    "開催回数に差\n"
    "回/年 の社会資源の把握\n"
    "がある\n"
    "\n"
    "事務局会議\n"
    "\n"
    "障がい福祉課、健康推進課、基幹相談支援セ\n"
    "ンター\n"
    "\n"
    "月1\n"
    "回\n"
    "\n"
    "会議の準備、事業の進\n"
    "捗管理\n"
    "\n"
    "隔月\n"
    "\n"
    "ピアサポータ\n"
    "活動の振り返り、研修 ーの雇用が広\n"
    "の企画\n"
    "がらないこと\n"
    "が課題\n"
    "\n"
    "ピアサポーター連絡会\n"
    "\n"
    "ピアサポーター、家族会、精神保健福祉セン\n"
    "ター\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課\n"
    "題・強み等)\n"
    "\n"
    "名称\n"
    "\n"
)


# BODY's second council, as its row reads
DISTRICTS = [
    "地区連絡会（5地区）",
    "保健センター、相談支援事業所、地域包括支援センター、民生委員",
    "2～3回/年",
    "個別事例の検討、地区の社会資源の把握",
    "地区によって開催回数に差がある",
]


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in form_state(council_heights, text).lines if line and "\t" in line]


def test_interleaved_cells_are_read_by_their_heights() -> None:
    rows = _rows(SIGNAL + HEADING + BODY + END)
    assert rows[0][0] == "名称"
    assert rows[1] == [
        "松江市精神障害にも対応した地域包括ケアシステム推進協議会 地域生活支援部会",
        "精神科病院協会、精神科診療所、基幹相談支援センター、訪問看護ステーション、地域包括支援センター、家族会、当事者会、民生委員、社会福祉協議会、学識経験者、市",
        "3回/年",
        "・地区会議からの報告 ・市全体の課題の整理 ・障害福祉計画への意見",
        "委員が多く、一回の会議で議論が深まりにくい",
    ]
    assert rows[2] == DISTRICTS
    assert rows[3][2:] == ["月1回", "会議の準備、事業の進捗管理", ""]
    assert rows[4] == [
        "ピアサポーター連絡会",
        "ピアサポーター、家族会、精神保健福祉センター",
        "隔月",
        "活動の振り返り、研修の企画",
        "ピアサポーターの雇用が広がらないことが課題",
    ]


def test_a_row_without_its_frequency_leaves_the_table() -> None:
    text = SIGNAL + HEADING + BODY.replace("月1\n回\n", "") + END
    assert _rows(text) == []


def test_notes_in_a_box_of_their_own_are_kept_as_text() -> None:
    """Notes written apart from their row's other cells (here after a late header cell) may be any row's."""
    late = BODY.replace("\n地区によって\n", "\n").replace("\n開催回数に差\n", "\n").replace("\nがある\n", "\n")
    late += "特記事項等(課\n題・強み等)\n\n地区によって\n開催回数に差\nがある\n\n"
    state = form_state(
        council_heights, SIGNAL + HEADING + late.replace("特記事項等(課\n題・強み等)\n\n名称", "名称") + END
    )
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert [row[4] for row in rows[1:]] == [
        "委員が多く、一回の会議で議論が深まりにくい",
        "",
        "",
        "ピアサポーターの雇用が広がらないことが課題",
    ]
    assert "地区によって開催回数に差がある" in state.lines  # (which row's, the text does not tell)
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


def test_notes_in_a_box_of_their_own_right_after_their_rows_activities_are_the_rows() -> None:
    """Notes in a box of their own between their row's activities and the next row's cells are that
    row's."""
    apart = BODY.replace(
        "地区によって\n2～3 個別事例の検討、地区\n開催回数に差\n回/年 の社会資源の把握\nがある\n",
        "2～3 個別事例の検討、地区\n回/年 の社会資源の把握\n\n地区によって\n開催回数に差\nがある\n",
    )
    state = form_state(council_heights, SIGNAL + HEADING + apart + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[2] == DISTRICTS
    assert rows[3][4] == ""
    assert state.notes == []


def test_cells_run_together_that_no_reading_parts_get_a_warning() -> None:
    """A printed line of a members' list and a frequency's piece says the cells were interleaved: where
    neither this form nor `council_boxes` reads the table, the text is left and a warning says so."""
    from conftest import SHEETS

    body = BODY.replace("月1\n回\n", "").replace(
        "障がい福祉課、健康推進課、基幹相談支援セ\n", "障がい福祉課、健康推進課、基幹相談支援セ 月1\n"
    )
    sheet = (SHEETS / "minimal-fy2023.txt").read_text(encoding="utf-8")
    text = SIGNAL + "\f" + sheet.split("7 精神障害")[0] + HEADING + body + END
    messages = [d["message"] for d in parse_text_data(text)["diagnostics"] if d["severity"] == "warning"]
    assert any("interleaved line by line" in message for message in messages)


HEADER_CELLS = "協議の場の構成員\n\n開催\n頻度\n\n"  # the header's next cells, a box each


# four councils: the second's frequency each body holds wrapped inside its first word (`各圏` / `域年 2` /
# `～3 回`), its activities a list set in from the column's edge (a bullet drawn on a line of its own
# before it), the notes in boxes of their own
EACH_BODY = (
    "名称\n岐阜県精神障がい\nにも対応した地域\n包括ケアシステム\n推進会議\n\n圏域にも包括連絡\n会議（6 圏域）\n\n"
)
EACH_BODY += HEADER_CELLS + (
    "精神科病院協会、医師会、精神神\n"
    "経科診療所協会、市長会、町村\n"
    "2 回/\n"
    "会、相談支援事業所、家族会、当 年\n"
    "事者、学識経験者、保健所\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題・強み\n"
    "等)\n"
    "\n"
    "・圏域連絡会議の取組報告 ・長 圏域から上がる課題が\n"
    "期入院者の実態調査結果の共有 多岐にわたり、県とし\n"
    "・県の施策への反映に関する協 て優先して取り組む課\n"
    "議\n"
    "題の整理が難しい。\n"
    "\n"
    "保健所、市町村、精神科病院、相 各圏\n"
    "談支援事業所、地域包括支援セン 域年 2\n"
    "ター、家族会、ピアサポーター\n"
    "～3 回\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・退院支援の事例検討\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・圏域の地域課題の抽\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "出\n"
    "・市町村の協議の場へ\n"
    "の助言\n"
    "\n"
    "ピアサポーター連\n"
    "絡会\n"
    "\n"
    "ピアサポーター、こころとからだ\n"
    "4 回/\n"
    "の相談支援センター、派遣先病院\n"
    "年\n"
    "の職員\n"
    "\n"
    "活動報告 派遣調整 フォローア\n"
    "ップ研修\n"
    "\n"
    "保健所担当者会議\n"
    "\n"
    "障害福祉課、こころとからだの相\n"
    "談支援センター、各保健所の精神 随時\n"
    "保健福祉担当\n"
    "\n"
    "圏域の取組状況の共有、市町村\n"
    "支援の方法の検討\n"
    "\n"
    "圏域ごとに参加機関や\n"
    "協議の進め方が異な\n"
    "り、取組の進捗に差が\n"
    "ある。\n"
    "ピアサポーター同士の\n"
    "情報交換の場としても\n"
    "機能している。\n"
    "\n"
)


# five councils: the first's activities a list set in from the column's edge, the last's members opening
# with a Western word and the renderer's gap after it (`DPAT 統括者、…`), the notes in boxes of their own
SET_IN = "名称\n\n"
SET_IN += HEADER_CELLS + (
    "福井県精神保健福祉審 精神科病院協会、医師会、相談支援事\n"
    "2 回/\n"
    "議会 地域移行・地域定 業所、家族会、ピアサポーター、市町\n"
    "年\n"
    "着専門部会\n"
    "村、保健所、学識経験者\n"
    "\n"
    "実施内容\n"
    "\uf0b7\n"
    "\n"
    "・圏域会議から\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "の報告と県全体\n"
    "の課題整理\n"
    "・630 調査結果\n"
    "の分析と共有\n"
    "\n"
    "圏域にも包括推進会議\n"
    "\n"
    "精神科病院、相談支援事業所、市町\n"
    "3 回/ 個別事例の検討、圏域課\n"
    "村、家族会、ピアサポーター、保健所 年\n"
    "題の抽出\n"
    "\n"
    "保健所・精神保健福祉\n"
    "センター連絡会議\n"
    "\n"
    "各保健所精神保健担当、精神保健福祉 年 4\n"
    "センター、障がい者支援課\n"
    "回\n"
    "\n"
    "圏域の取組状況の共有、\n"
    "研修の企画\n"
    "\n"
    "ピアサポーター連絡会\n"
    "\n"
    "登録ピアサポーター、精神保健福祉セ 月 1\n"
    "ンター\n"
    "回\n"
    "\n"
    "活動の振り返り、病院訪\n"
    "問の調整\n"
    "\n"
    "特記事項等(課題・強\n"
    "み等)\n"
    "\n"
    "圏域からの課題を施\n"
    "策に反映する仕組み\n"
    "が定着してきた\n"
    "\n"
    "全 10 圏域で開催。圏\n"
    "域ごとに開催回数や\n"
    "内容に差がある\n"
    "\n"
    "ピアサポーター同士\n"
    "の支え合いの場にも\n"
    "なっている\n"
    "\n"
    "DPAT・地域支援者合同 DPAT 統括者、健康危機管理課、保健\n"
    "合同研修の企画、災害時\n"
    "随時\n"
    "研修企画会議\n"
    "所、相談支援事業所\n"
    "の役割分担の確認\n"
)


def test_a_list_set_in_and_a_frequency_each_body_holds_are_read() -> None:
    """A list LibreOffice sets in from its column's edge has lines narrower than the column's (its
    full lines are as wide as its widest), and tells no width of the column; a frequency each body
    holds may wrap inside its first word."""
    state = form_state(council_heights, SIGNAL + HEADING + EACH_BODY + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert [row[0] for row in rows[1:]] == [
        "岐阜県精神障がいにも対応した地域包括ケアシステム推進会議",
        "圏域にも包括連絡会議（6圏域）",
        "ピアサポーター連絡会",
        "保健所担当者会議",
    ]
    assert rows[2][1:4] == [
        "保健所、市町村、精神科病院、相談支援事業所、地域包括支援センター、家族会、ピアサポーター",
        "各圏域年2～3回",
        "・退院支援の事例検討 ・圏域の地域課題の抽出 ・市町村の協議の場への助言",
    ]
    assert [row[2] for row in rows[1:]] == ["2回/年", "各圏域年2～3回", "4回/年", "随時"]
    assert "ピアサポーター同士の情報交換の場としても機能している。" in state.lines  # (which row's, not told)
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


def test_a_members_list_that_opens_with_a_western_word_is_read() -> None:
    """`DPAT 統括者、…`: the gap after a Western word is the renderer's, not a name's line run into the
    list's."""
    rows = _rows(SIGNAL + HEADING + SET_IN + END)
    assert rows[1][0] == "福井県精神保健福祉審議会 地域移行・地域定着専門部会"
    assert rows[1][3] == "・圏域会議からの報告と県全体の課題整理 ・630調査結果の分析と共有"
    assert rows[5][:4] == [
        "DPAT・地域支援者合同研修企画会議",
        "DPAT統括者、健康危機管理課、保健所、相談支援事業所",
        "随時",
        "合同研修の企画、災害時の役割分担の確認",
    ]
    assert [row[2] for row in rows[1:]] == ["2回/年", "3回/年", "年4回", "月1回", "随時"]


def test_a_members_list_that_opens_with_a_count_is_read() -> None:
    """`市内の相談支援事業所 6 か所、…`: the gaps round a count are the renderer's, not a name's line run
    into the list's."""
    counted = BODY.replace("保健センター、相談支援事業所、地域包括支\n", "市内の相談支援事業所 6 か所、地域包括支\n")
    rows = _rows(SIGNAL + HEADING + counted + END)
    assert rows[2][:3] == [
        "地区連絡会（5地区）",
        "市内の相談支援事業所6か所、地域包括支援センター、民生委員",
        "2～3回/年",
    ]


def test_a_bullet_drawn_alone_as_a_round_dot_still_marks_the_item_after_it_as_set_in():
    # pdftotext draws a list's bullet alone on its line, `・` or `•`: either is layout, and the item after
    # it is set in from its column's edge
    for bullet in ("・", "•"):
        lines = council_heights._unbulleted(["協議会", "", bullet, "", "・地域課題の検討"])
        assert lines == ["協議会", None, None, None, "•地域課題の検討"], bullet


# three councils whose second row's list of activities a page break cut: its last item after the
# notes' boxes and the form feed (`\f`), the first row's name interleaved with its members
CUT_LIST = (
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "精神科病院協会、医師会、精神神経科診\n"
    "福山市精神障害にも\n"
    "療所協会、相談支援事業所、地域包括支\n"
    "対応した地域包括ケ\n"
    "援センター、家族会、ピアサポーター、\n"
    "アシステム推進会議\n"
    "学識経験者、行政機関\n"
    "区にも包括連絡会\n"
    "（8 区）\n"
    "\n"
    "区保健センター、精神科病院、診療所、\n"
    "相談支援事業所、地域包括支援センタ\n"
    "ー、訪問看護ステーション、家族会\n"
    "\n"
    "開催頻\n"
    "度\n"
    "\n"
    "実施内容\n"
    "\n"
    "区連絡会の取組報告, 市全\n"
    "年 2 回 体の課題の整理, 施策の方\n"
    "向性の決定\n"
    "各区年\n"
    "2～3\n"
    "回\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・個別事例の検討\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・区の地域課題の\n"
    "抽出\n"
    "\n"
    "特記事項等(課題・\n"
    "強み等)\n"
    "区から上がる課題\n"
    "を施策に反映する\n"
    "仕組みが十分では\n"
    "ない。\n"
    "医療機関の参加が\n"
    "少ない区がある。\n"
    "\n"
    "\f\uf0b7\n"
    "\n"
    "・関係機関の顔の\n"
    "見える関係づくり\n"
    "\n"
    "区担当者会議\n"
    "\n"
    "精神保健福祉課、精神保健福祉センタ\n"
    "ー、各区保健センターの担当者\n"
    "\n"
    "随時\n"
    "\n"
    "区の取組状況の共有, 好事\n"
    "例の共有\n"
)


def test_a_list_a_page_break_cut_is_read_whole_and_one_line_cells_tell_no_width() -> None:
    """The list's items after the page break, a box of their own, are the list above's, not the next
    row's activities (that row's come after its frequency); a one-line cell (`区担当者会議`, `随時`)
    is narrower than its column and tells no width (the first row's name is wider)."""
    state = form_state(council_heights, SIGNAL + HEADING + CUT_LIST + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert [row[:3] for row in rows[1:]] == [
        [
            "福山市精神障害にも対応した地域包括ケアシステム推進会議",
            "精神科病院協会、医師会、精神神経科診療所協会、相談支援事業所、地域包括支援センター、家族会、ピアサポーター、学識経験者、行政機関",
            "年2回",
        ],
        [
            "区にも包括連絡会（8区）",
            "区保健センター、精神科病院、診療所、相談支援事業所、地域包括支援センター、訪問看護ステーション、家族会",
            "各区年2～3回",
        ],
        ["区担当者会議", "精神保健福祉課、精神保健福祉センター、各区保健センターの担当者", "随時"],
    ]
    assert [row[3] for row in rows[1:]] == [
        "区連絡会の取組報告, 市全体の課題の整理, 施策の方向性の決定",
        "・個別事例の検討 ・区の地域課題の抽出 ・関係機関の顔の見える関係づくり",
        "区の取組状況の共有, 好事例の共有",
    ]
    assert "区から上がる課題を施策に反映する仕組みが十分ではない。" in state.lines  # (which row's, not told)
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


# three councils whose first block holds two rows' names, members and frequencies interleaved (18
# printed lines: the old search walked the same dead ends for each reading of the lines above them,
# and gave up on its budget); the second row's notes in a box of their own, after its activities
TALL = (
    "名称\n\n開催\n頻度\n\n協議の場の構成員\n\n実施内容\n\n特記事項等(課題・強み\n等)\n\n"
    "練馬区精神保 精神科病院、医師会、訪問看護ステーショ\n"
    "年 3 ・地域連絡会からの課題の\n"
    "健福祉地域連 ン、相談支援事業所、地域包括支援センタ\n"
    "回\n"
    "報告 ・区全体の取組の検討\n"
    "携会議\n"
    "ー、家族会、ピアサポーター、行政\n"
    "保健相談所地\n"
    "年\n"
    "保健相談所、相談支援事業所、地域包括支\n"
    "域連絡会（6\n"
    "10\n"
    "援センター、民生委員\n"
    "か所）\n"
    "回\n"
    "\n\uf0b7\n\n"  # (a list's bullet drawn alone on its line)
    "・個別事例の検討\n\n\uf0b7\n\n"
    "・地域の社会資源\n"
    "の共有\n\n"
    "保健相談所ごとに参加機\n"
    "関の顔ぶれが異なり、取\n"
    "組の差が出ている。\n\n"
    "近隣区合同病 練馬区・杉並区・中野区の保健所、区外の\n"
    "入院中からの退院支援の調\n"
    "随時\n"
    "今年度試行。\n"
    "院連絡会\n"
    "精神科病院\n"
    "整\n"
)


def test_a_tall_block_of_two_rows_is_read_within_the_budget() -> None:
    state = form_state(council_heights, SIGNAL + HEADING + TALL + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[1][:3] == [
        "練馬区精神保健福祉地域連携会議",
        "精神科病院、医師会、訪問看護ステーション、相談支援事業所、地域包括支援センター、家族会、ピアサポーター、行政",
        "年3回",
    ]
    assert rows[2][:3] == [
        "保健相談所地域連絡会（6か所）",
        "保健相談所、相談支援事業所、地域包括支援センター、民生委員",
        "年10回",
    ]
    assert rows[3] == [
        "近隣区合同病院連絡会",
        "練馬区・杉並区・中野区の保健所、区外の精神科病院",
        "随時",
        "入院中からの退院支援の調整",
        "今年度試行。",
    ]
    assert rows[2][4] == "保健相談所ごとに参加機関の顔ぶれが異なり、取組の差が出ている。"  # (after its activities)


# a ward's councils (its first row's cells all in boxes of their own), the second row's frequency each
# body holds wrapped inside its word (`各地` / `域 3` / `回/年`), interleaved with its name, members and
# activities in one block
EACH_COUNT = (
    "名称\n"
    "\n"
    "世田谷区\n"
    "精神保健\n"
    "福祉地域\n"
    "ケア推進\n"
    "協議会\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "区内精神科病院（2 病院）、世田谷区医師会、玉川医師会、精神\n"
    "年3\n"
    "科診療所、訪問看護ステーション、基幹相談支援センター、相談\n"
    "回\n"
    "支援事業所、世田谷保健所、障害保健福祉課\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題\n"
    "・強み等)\n"
    "\n"
    "・地域の連絡\n"
    "会からの課題\n"
    "報告 ・区の施\n"
    "策の検討\n"
    "\n"
    "地域精神\n"
    "各地 ・事例検討 ・\n"
    "保健福祉 健康づくり課、相談支援事業所、あんしんすこやかセンター、ま\n"
    "域 3 地域の課題の\n"
    "連絡会（5 ちづくりセンター、精神科診療所、家族会\n"
    "回/年 抽出\n"
    "地域）\n"
    "ピアサポ\n"
    "ーター連\n"
    "絡会\n"
    "\n"
    "ピアサポーター、障害保健福祉課、委託先法人\n"
    "\n"
    "月1\n"
    "回\n"
    "\n"
    "病院訪問の準\n"
    "備と振り返り\n"
    "\n"
)


def test_a_frequency_each_body_holds_wrapped_before_its_count_is_read() -> None:
    """`各地` / `域 3` / `回/年`: the word's rest and the count on one printed line are a piece of the
    frequency, as `域年 2` is."""
    rows = _rows(SIGNAL + HEADING + EACH_COUNT + END)
    assert [row[0] for row in rows[1:]] == [
        "世田谷区精神保健福祉地域ケア推進協議会",
        "地域精神保健福祉連絡会（5地域）",
        "ピアサポーター連絡会",
    ]
    assert rows[2][1:4] == [
        "健康づくり課、相談支援事業所、あんしんすこやかセンター、まちづくりセンター、精神科診療所、家族会",
        "各地域3回/年",
        "・事例検討 ・地域の課題の抽出",
    ]


# seven councils of a prefecture as pdftotext writes their LibreOffice PDF: the first row's list of
# activities and its notes merged line by line off each other's heights (a list's items spaced apart),
# one of its lines `協議` (a word the members' header cell starts with), a frequency wrapped into
# `四半` `期ご` `と`, and a frequency's first line run on after a members' list's (`…精神 年 4`)
PREFECTURE = (
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "実施内容\n"
    "\n"
    "\n"
    "岐阜県精神保\n"
    "健福祉審議会\n"
    "地域包括ケア\n"
    "推進部会\n"
    "\n"
    "学識経験者、岐阜県精神科病院協会、岐阜県精\n"
    "神神経科診療所協会、岐阜県医師会、岐阜県看\n"
    "護協会、岐阜県精神保健福祉士協会、相談支援\n"
    "事業所連絡協議会、岐阜県精神保健福祉会（家\n"
    "族会）、ピアサポーター、岐阜県市長会、岐阜\n"
    "県町村会、保健所長会\n"
    "\n"
    "年2\n"
    "回\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "\n"
    "特記事項等(課題・強み\n"
    "等)\n"
    "\n"
    "・圏域連絡会\n"
    "議の報告と全\n"
    "県の課題の整\n"
    "理\n"
    "圏域で出た課題を県の\n"
    "・長期入院者 施策に反映させる流れ\n"
    "の地域移行に ができている一方、部\n"
    "関する方針の 会の決定を市町村に返\n"
    "す仕組みが弱い。\n"
    "協議\n"
    "・次年度事業\n"
    "計画の承認\n"
    "\n"
    "アドバイザー 広域アドバイザー、密着アドバイザー、精神保\n"
    "会議\n"
    "健福祉センター、障害福祉課\n"
    "\n"
    "四半\n"
    "期ご\n"
    "と\n"
    "\n"
    "未設置町村への支援\n"
    "方針の検討\n"
    "\n"
    "多治見保健所、多治見市・瑞浪市・土岐市・恵\n"
    "長期入院者の退院支\n"
    "東濃南部圏域 那市・中津川市・可児市・御嵩の障害福祉担当 3 回/\n"
    "援の事例検討、住ま\n"
    "連絡会議\n"
    "課、圏域内の精神科病院（6 か所）、基幹相談支 年\n"
    "いの確保の検討\n"
    "援センター、地域包括支援センター\n"
    "\n"
    "病床が集中しており、\n"
    "退院先の確保が最大の\n"
    "課題である。\n"
    "\n"
    "\n"
    "中濃南部圏域 美濃保健所、可茂保健所、圏域内 10 市町、精神 年 4\n"
    "地域移行部会 科病院、相談支援事業所、ピアサポーター\n"
    "回\n"
    "\n"
    "措置入院者等\n"
    "退院後支援連 保健所、精神科病院、警察、市町村\n"
    "絡会\n"
    "\n"
    "\n"
    "\n"
    "・長期入院者\n"
    "\n"
    "\n"
    "\n"
    "への面接結果\n"
    "の共有\n"
    "・ピアサポー\n"
    "ターの病院訪\n"
    "問の調整\n"
    "\n"
    "随時\n"
    "\n"
    "個別の退院後支援計\n"
    "画の作成と見直し\n"
    "\n"
    "対象者の同意が得られ\n"
    "ない場合の支援が課\n"
    "題。\n"
    "\n"
    "ピアサポータ ピアサポーター、精神保健福祉センター、岐阜\n"
    "ー連絡会\n"
    "県精神保健福祉会\n"
    "\n"
    "月1\n"
    "回\n"
    "\n"
    "活動報告、派遣先と\n"
    "の調整、フォローア\n"
    "ップ研修の企画\n"
    "\n"
    "活動できる人が岐阜市\n"
    "近郊に偏っている。\n"
    "\n"
    "精神科救急医\n"
    "精神科病院協会、救急輪番病院、岐阜県警察本\n"
    "療体制連絡調\n"
    "部、消防、保健所、精神科救急情報センター\n"
    "整委員会\n"
    "\n"
    "2 回/ 夜間・休日の受け入\n"
    "年\n"
    "れ状況の確認\n"
)


def test_activities_and_notes_merged_off_their_heights_are_read() -> None:
    state = form_state(council_heights, SIGNAL + HEADING + PREFECTURE + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[0][0] == "名称"
    assert [row[0] for row in rows[1:]] == [
        "岐阜県精神保健福祉審議会地域包括ケア推進部会",
        "アドバイザー会議",
        "東濃南部圏域連絡会議",
        "中濃南部圏域地域移行部会",
        "措置入院者等退院後支援連絡会",
        "ピアサポーター連絡会",
        "精神科救急医療体制連絡調整委員会",
    ]
    assert rows[1][2:] == [
        "年2回",
        "・圏域連絡会議の報告と全県の課題の整理 ・長期入院者の地域移行に関する方針の協議 ・次年度事業計画の承認",
        "圏域で出た課題を県の施策に反映させる流れができている一方、部会の決定を市町村に返す仕組みが弱い。",
    ]
    assert rows[2][2] == "四半期ごと"
    assert rows[4][1:3] == ["美濃保健所、可茂保健所、圏域内10市町、精神科病院、相談支援事業所、ピアサポーター", "年4回"]
    assert state.notes == []


# two councils of a core city: the first row's frequency and activities on one printed line between its
# name's and its members' lines, the next row's name in the same box
CITY = (
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開催頻\n"
    "度\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題・\n"
    "強み等)\n"
    "\n"
    "函館市精神保健医療福祉 精神科病院、相談支援事業所、家族会、保健\n"
    "2 回/年 課題の共有\n"
    "連携会議\n"
    "所、障害福祉課\n"
    "退院支援連絡会\n"
    "\n"
    "精神科病院の精神保健福祉士、保健所\n"
    "\n"
    "随時\n"
    "\n"
    "退院予定者の情\n"
    "報共有\n"
    "\n"
)


def test_a_frequency_is_no_members_line_and_the_reading_of_fewest_cells_is_kept() -> None:
    """`2 回/年 課題の共有` opens with a whole frequency: no members' line; `退院予定者の情` `報共有`
    reads as one cell (its first line filling the column) rather than an activity and a note."""
    rows = _rows(SIGNAL + HEADING + CITY + END)
    assert rows[1:] == [
        [
            "函館市精神保健医療福祉連携会議",
            "精神科病院、相談支援事業所、家族会、保健所、障害福祉課",
            "2回/年",
            "課題の共有",
            "",
        ],
        ["退院支援連絡会", "精神科病院の精神保健福祉士、保健所", "随時", "退院予定者の情報共有", ""],
    ]


def test_a_members_list_that_ends_in_a_bracketed_note_is_the_list_s() -> None:
    # a member's note after a space (`… (市)`) is no frequency's piece run on beside the list
    rows = _rows(SIGNAL + HEADING + BODY.replace("\nター\n", "\nター (市)\n") + END)
    assert rows[4][:2] == ["ピアサポーター連絡会", "ピアサポーター、家族会、精神保健福祉センター (市)"]


def test_a_line_of_many_words_is_tried_as_a_frequency_only_on_its_first_words(monkeypatch) -> None:
    # a frequency is a few words: a line's longer heads are never tried (each try joins the words before)
    tried: list[str] = []
    frequency = council_heights._FREQUENCY

    class Counting:
        def match(self, text: str):
            tried.append(text)
            return frequency.match(text)

    monkeypatch.setattr(council_heights, "_FREQUENCY", Counting())
    assert not council_heights._frequency_before(" ".join(["圏域の課題の"] * 4000))
    assert council_heights._frequency_before("2 回/年 課題の共有")
    assert len(tried) <= 2 * council_heights._FREQUENCY_WORDS


# two councils of a designated city as pdftotext writes their LibreOffice PDF: the header's first two
# cells after the rows, the second row's frequency a range with 回 on both ends wrapped in three
# (`年2` / `回～` / `6回`), the notes of each row in a box of their own after its activities
RANGE = (
    "開催\n頻度\n\n実施内容\n\n特記事項等\n(課題・強み\n等)\n\n"
    "明石市精神保 学識経験者、精神科病院協会、精神神経科診療所協会、医師会、訪\n"
    "年3\n"
    "健福祉推進会 問看護ステーション連絡会、基幹相談支援センター、当事者団体、\n"
    "回\n"
    "議\n"
    "家族会連合会、社会福祉協議会、保健所、障害福祉課、高齢福祉課\n\n"
    "区の課題の報\n告、市全体の\n施策の協議\n\n"
    "構成員が多\nく、議論を深\nめにくい\n\n"
    "区地域ケア会\n"
    "年2\n"
    "区保健福祉課、基幹相談支援センター、地域の病院・診療所、相談\n"
    "区の課題の抽\n"
    "議精神部会\n"
    "回～\n"
    "支援事業所、地域包括支援センター、民生委員\n"
    "出、事例検討\n"
    "（9 区）\n"
    "6回\n\n"
    "区によって開\n催回数に差が\nある\n\n"
    "名称\n\n協議の場の構成員\n\n"
)


def test_a_frequency_range_with_both_counts_and_the_last_rows_notes_after_it_are_read() -> None:
    """`年2回～6回` is a frequency; notes in a box of their own right after the last row's activities,
    at the table's end, are that row's (of the readings of as many cells, the one that leaves the fewest
    notes apart)."""
    state = form_state(council_heights, SIGNAL + HEADING + RANGE + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[1][2:] == ["年3回", "区の課題の報告、市全体の施策の協議", "構成員が多く、議論を深めにくい"]
    assert rows[2] == [
        "区地域ケア会議精神部会（9区）",
        "区保健福祉課、基幹相談支援センター、地域の病院・診療所、相談支援事業所、地域包括支援センター、民生委員",
        "年2回～6回",
        "区の課題の抽出、事例検討",
        "区によって開催回数に差がある",
    ]
    assert state.notes == []


# three councils: the frequencies' column narrower in its rows' lines (`3 回/`, a digit narrow) than in
# its header's (`開催頻`), a frequency each ward holds at least (`各区年` / `3 回以` / `上`), a name's line
# ended short before a bracketed note that did not fit (`区版協議` / `の場` / `（18` / `区）`)
WARDS = (
    "名称\n\n開催頻\n度\n\n協議の場の構成員\n\n"
    "川崎市医師会、川崎市精神科病院協会、神奈川県精神神経科診療所協\n"
    "川崎市に 会、川崎市訪問看護連絡協議会、川崎市基幹相談支援センター連絡会、\n"
    "3 回/\n"
    "も包括推 川崎市地域活動支援センター連絡会、川崎市居住支援協議会、神奈川県\n"
    "年\n"
    "進会議\n"
    "宅地建物取引業協会、川崎市社会福祉協議会、当事者団体、家族会連合\n"
    "会、学識経験者、健康福祉局\n\n"
    "実施内容\n\n特記事項等(課\n題・強み等)\n\n"
    "区からの課\n題報告の協\n議、施策化\nの検討\n\n"
    "区からの報告\nが少なく、市\n全体の課題が\n見えにくい\n\n"
    "区版協議\n"
    "各区年 区の課題の\n"
    "の場\n"
    "区内の精神科病院、診療所、相談支援事業所、地域ケアプラザ、訪問看\n"
    "3 回以 整理、事例\n"
    "（18\n"
    "護ステーション、区福祉保健センター\n"
    "上\n"
    "検討\n"
    "区）\n"
    "住まい支 居住支援協議会、不動産事業者団体、居住支援法人、基幹相談支援セン 4 回/\n"
    "援部会\n"
    "ター、障害施策推進課、住宅政策課\n"
    "年\n\n"
    "不動産事業\n者登録制度\nの検討\n\n"
    "新設（令和 6\n年度）\n\n"
)


def test_a_column_as_wide_as_its_header_and_a_line_short_before_a_bracket_are_read() -> None:
    """The header's line `開催頻` tells the frequencies' column is six wide, so `各区年` is a line of
    it; `の場` ends short of the names' column where `（18` did not fit after it."""
    rows = _rows(SIGNAL + HEADING + WARDS + END)
    assert [row[0] for row in rows[1:]] == ["川崎市にも包括推進会議", "区版協議の場（18区）", "住まい支援部会"]
    assert rows[2][2:] == ["各区年3回以上", "区の課題の整理、事例検討", ""]
    assert rows[3][2:] == ["4回/年", "不動産事業者登録制度の検討", "新設（令和6年度）"]


# a frequency the bodies hold each (`区により年2～6回`) wrapped in its narrow column
SCOPED = (
    "名称\n\n協議の場の構成員\n\n開催頻\n度\n\n実施内容\n\n特記事項等(課題・強\nみ等)\n\n"
    "堺市精神障害者地 精神科病院協会、精神神経科診療所協会、相談支\n"
    "市全体の課題の 区の課題を市全体の\n"
    "域移行・地域定着 援事業所、居住支援法人、家族会、当事者団体、 2 回/年 協議、区版協議 施策につなげる仕\n"
    "推進協議会\n"
    "区保健福祉センター、こころの健康センター\n"
    "の場の報告\n"
    "組みづくりが課題\n"
    "区によ\n"
    "区版協議の場（7 区保健福祉センター、相談支援事業所、訪問看護\n"
    "り年 2\n"
    "区）\n"
    "ステーション、地域包括支援センター等\n"
    "～6 回\n\n"
    "区の地域課題の\n検討\n\n"
    "区間情報交換会\n\n先行事例の共有\n\n7 区の担当者、こころの健康センター\n\n年2回\n\n"
)


def test_a_frequency_the_wards_hold_each_wrapped_in_pieces_is_read() -> None:
    """`区によ` / `り年 2` / `～6 回`: the bodies' word and `により` cut are a frequency's pieces."""
    rows = _rows(SIGNAL + HEADING + SCOPED + END)
    assert [row[2] for row in rows[1:]] == ["2回/年", "区により年2～6回", "年2回"]
    assert rows[2][3] == "区の地域課題の検討"


# three councils as pdftotext writes their LibreOffice PDF: the first row's list of activities before its
# name, its last item's last line (`価`) written after the last row; a notes' cell that notes nothing (`－`)
# between the activities' two lines
# the header's first cells as pdftotext writes them where the frequency's column is narrower than its cell
NAME_FREQUENCY_MEMBERS = "名称\n\n開催\n頻度\n\n協議の場の構成員\n\n"
REST_AFTER = (
    NAME_FREQUENCY_MEMBERS + "特記事項等(課\n"
    "題・強み等)\n"
    "\n"
    "実施内容\n"
    "\uf0b7\n"
    "\n"
    "・区連絡会\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "からの課題\n"
    "の集約\n"
    "・施策の検\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "討\n"
    "・指標の評\n"
    "\n"
    "精神科病院協会、精神神経科診療所協会、西都府医師\n"
    "西都市精神障害 会、訪問看護ステーション協議会、基幹相談支援センタ\n"
    "者地域生活支援 ー、家族会連合会、当事者団体、大学教員、居住支援法\n"
    "推進会議\n"
    "人、地域包括支援センター代表、区保健福祉センター代\n"
    "表\n"
    "\n"
    "年3\n"
    "回\n"
    "\n"
    "区・支所地域精\n"
    "区保健福祉センター、精神科病院、診療所、相談支援事\n"
    "神保健福祉連絡\n"
    "業所、地域包括支援センター、民生委員\n"
    "会（14 か所）\n"
    "\n"
    "年4\n"
    "回\n"
    "\n"
    "区によって開\n"
    "個別事例の検討、地\n"
    "催回数に差が\n"
    "域課題の抽出\n"
    "ある。\n"
    "\n"
    "若者メンタルヘ\n"
    "大学学生相談室、NPO、こころのカフェ、教育委員会\n"
    "ルス連絡会\n"
    "\n"
    "年2\n"
    "回\n"
    "\n"
    "若年層の相談状況の\n"
    "－\n"
    "共有\n"
    "\n"
    "価\n"
    "\n"
)


def test_a_cells_last_line_written_after_the_table_goes_on_the_one_cell_it_may_end() -> None:
    """A box of one character is no cell: the last line of the one wrapped cell whose last line fills its
    column (the first row's list; the last row's members fill theirs, but on one line)."""
    state = form_state(council_heights, SIGNAL + HEADING + REST_AFTER + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[1][0] == "西都市精神障害者地域生活支援推進会議"
    assert rows[1][2:] == ["年3回", "・区連絡会からの課題の集約 ・施策の検討 ・指標の評価", ""]
    assert rows[2][2] == "年4回"
    assert rows[3] == [
        "若者メンタルヘルス連絡会",
        "大学学生相談室、NPO、こころのカフェ、教育委員会",
        "年2回",
        "若年層の相談状況の共有",
        "－",
    ]
    assert "価" not in state.lines
    assert state.notes == []


# four councils as pdftotext writes their LibreOffice PDF: the second row's list's last line (`の設置支援`)
# before the third row's lines in their box, after the second row's notes
REST_BEFORE = (
    "名称\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "学識経験者、府医師会、府精神科病院協\n"
    "北都府精神保\n"
    "会、精神科診療所協会、府社会福祉協議\n"
    "健福祉審議会\n"
    "会、相談支援事業所連絡会、家族会連合\n"
    "にも包括推進\n"
    "会、ピアサポーター、市町村代表（2\n"
    "部会\n"
    "名）、府健康福祉部\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題・強み\n"
    "等)\n"
    "\n"
    "委員が 19 名と多く、報\n"
    "・府全体の方針と指標の決定 告が中心になりやすい。\n"
    "2回\n"
    "・圏域の取組の報告と評価 ・ 圏域からの提案を議題に\n"
    "/年\n"
    "精神科救急医療体制の検討\n"
    "取り上げる工夫をしてい\n"
    "る。\n"
    "\n"
    "地域精神保健\n"
    "保健所、管内市町村、精神科病院、相談支 3 回\n"
    "福祉連絡会議\n"
    "援事業所、地域包括支援センター、家族会 /年\n"
    "（6 圏域）\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・圏域の課題シート\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "の更新\n"
    "・長期入院者の事例\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "検討\n"
    "・市町村の協議の場\n"
    "\n"
    "圏域ごとに開催回数と内\n"
    "容に差がある。\n"
    "\n"
    "の設置支援\n"
    "ピアサポータ ピアサポーター、精神保健福祉総合センタ\n"
    "病院訪問の振り返り、講座の\n"
    "随時\n"
    "ー連絡会\n"
    "ー、委託事業者\n"
    "企画\n"
    "\n"
    "なし\n"
    "\n"
    "措置入院者等\n"
    "退院後支援連 保健所、北都市、精神科病院\n"
    "絡会\n"
    "\n"
    "北都市と合同で開催し、\n"
    "府市で様式を統一した。\n"
    "\n"
    "年4\n"
    "退院後支援計画の運用の確認\n"
    "回\n"
    "\n"
)


def test_a_cells_last_line_that_may_end_two_cells_is_kept_as_text() -> None:
    """A line that opens as no cell does (`の…`) before a row's lines in its box is a cell's rest: where
    two wrapped cells' last lines fill their columns (the members' list and the list of activities above),
    which one it ends the text does not tell: it is kept as text, with a warning, and the rows are read."""
    state = form_state(council_heights, SIGNAL + HEADING + REST_BEFORE + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert [row[0] for row in rows[1:]] == [
        "北都府精神保健福祉審議会にも包括推進部会",
        "地域精神保健福祉連絡会議（6圏域）",
        "ピアサポーター連絡会",
        "措置入院者等退院後支援連絡会",
    ]
    assert rows[2][1:4] == [
        "保健所、管内市町村、精神科病院、相談支援事業所、地域包括支援センター、家族会",
        "3回/年",
        "・圏域の課題シートの更新 ・長期入院者の事例検討 ・市町村の協議の場",
    ]
    assert rows[3][1:] == [
        "ピアサポーター、精神保健福祉総合センター、委託事業者",
        "随時",
        "病院訪問の振り返り、講座の企画",
        "なし",
    ]
    assert "の設置支援" in state.lines
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


# three councils as pdftotext writes a LibreOffice PDF whose cells are set at their rows' top, not centred:
# the frequency's first line beside the members' first (`…訪問 年`), not half their lines lower
TOP_SET = (
    "名称\n"
    "\n"
    "西島区精\n"
    "神保健福\n"
    "祉連絡協\n"
    "議会\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開\n"
    "催\n"
    "頻\n"
    "度\n"
    "\n"
    "精神科病院、西島区医師会、精神科診療所、訪問 年\n"
    "看護ステーション、基幹相談支援センター、相談 3\n"
    "支援事業所、地域包括支援センター、居住支援法 回\n"
    "人、家族会、当事者、健康推進課、障害福祉課、\n"
    "東町・西町健康相談所\n"
    "\n"
    "実施内容\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・区外病院に入\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "院している区民\n"
    "の状況の共有\n"
    "・住まいの確保\n"
    "に向けた居住支\n"
    "援協議会との連\n"
    "携の検討\n"
    "\n"
    "特記事項等(課題・強み\n"
    "等)\n"
    "単身者の退院支援の事例\n"
    "が多く、個別の調整に時\n"
    "間がかかっている。区外\n"
    "の病院の参加が得られて\n"
    "いない。\n"
    "\n"
    "\x0c\uf0b7\n"
    "\n"
    "・SNS 相談の試\n"
    "行の報告\n"
    "\n"
    "健康相談\n"
    "所事例検\n"
    "討会\n"
    "\n"
    "東町・西町健康相談所、相談支援事業所\n"
    "\n"
    "月\n"
    "1\n"
    "回\n"
    "\n"
    "個別事例の検討\n"
    "\n"
    "区外病院\n"
    "連絡会\n"
    "\n"
    "健康推進課、区外の精神科病院\n"
    "\n"
    "随\n"
    "時\n"
    "\n"
    "退院前の連絡調整\n"
    "\n"
)


def test_cells_set_at_their_rows_top_are_read_by_their_heights() -> None:
    """Where no reading of cells centred in their rows holds, the table is read with each cell's first
    line at its row's top."""
    state = form_state(council_heights, SIGNAL + HEADING + TOP_SET + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[1] == [
        "西島区精神保健福祉連絡協議会",
        "精神科病院、西島区医師会、精神科診療所、訪問看護ステーション、基幹相談支援センター、相談支援事業所、"
        "地域包括支援センター、居住支援法人、家族会、当事者、健康推進課、障害福祉課、東町・西町健康相談所",
        "年3回",
        "・区外病院に入院している区民の状況の共有 ・住まいの確保に向けた居住支援協議会との連携の検討"
        " ・SNS相談の試行の報告",
        "単身者の退院支援の事例が多く、個別の調整に時間がかかっている。区外の病院の参加が得られていない。",
    ]
    assert rows[2] == ["健康相談所事例検討会", "東町・西町健康相談所、相談支援事業所", "月1回", "個別事例の検討", ""]
    assert rows[3] == ["区外病院連絡会", "健康推進課、区外の精神科病院", "随時", "退院前の連絡調整", ""]
    assert state.notes == []


def _state_rows(body: str) -> tuple[FormState, list[list[str]]]:
    """The state the form leaves on the table's lines between the section's heading and its end, and its rows."""
    state = form_state(council_heights, SIGNAL + HEADING + body + END)
    return state, [line.split("\t") for line in state.lines if line and "\t" in line]


# the header's cells as pdftotext writes them from the top, but for the notes' (its wrap differs)
TOP_HEADER = "名称\n\n協議の場の構成員\n\n開催\n頻度\n\n実施内容\n\n"

# three councils as pdftotext writes their LibreOffice PDF: the second and third names' bracketed notes
# cut by the wrap (`連絡会（世田谷地` / `域）`), the second's rest written after its row's frequency
# and activities, before the third row's lines in their box; the third's members `同上`
CUT_NAMES = (
    TOP_HEADER + "特記事項等(課題・強み\n"
    "等)\n"
    "\n"
    "精神科病院、精神科診療所、医師会、相談支\n"
    "世田谷区精神保健\n"
    "援事業所、地域活動支援センター、あんしん\n"
    "福祉地域支援ネッ\n"
    "すこやかセンター、家族会、ピアサポータ\n"
    "トワーク会議\n"
    "ー、学識経験者、区\n"
    "\n"
    "・地域連絡会からの\n"
    "2 回/\n"
    "委員数が多く、意見交\n"
    "報告 ・区全体の課題\n"
    "年\n"
    "換の時間が短い。\n"
    "の協議\n"
    "\n"
    "地域精神保健福祉 健康づくり課、相談支援事業所、あんしんす\n"
    "連絡会（世田谷地 こやかセンター、民生委員、社会福祉協議会\n"
    "\n"
    "2 回/ 事例検討 地域課題の\n"
    "年\n"
    "共有\n"
    "\n"
    "域）\n"
    "地域精神保健福祉\n"
    "連絡会（北沢地\n"
    "同上\n"
    "域）\n"
    "\n"
    "2 回/ 事例検討 地域課題の\n"
    "年\n"
    "共有\n"
    "\n"
)


def test_a_name_whose_bracketed_note_the_wrap_cut_takes_its_rest_written_after_its_row() -> None:
    state, rows = _state_rows(CUT_NAMES)
    assert rows[1][0] == "世田谷区精神保健福祉地域支援ネットワーク会議"
    assert rows[2] == [
        "地域精神保健福祉連絡会（世田谷地域）",
        "健康づくり課、相談支援事業所、あんしんすこやかセンター、民生委員、社会福祉協議会",
        "2回/年",
        "事例検討 地域課題の共有",
        "",
    ]
    assert rows[3][:3] == ["地域精神保健福祉連絡会（北沢地域）", "同上", "2回/年"]
    assert "域）" not in state.lines
    assert state.notes == []


# two councils as pdftotext writes their LibreOffice PDF: the first row's members' full lines end in `、`
# inside the column, their last line as wide
COMMA_ENDS = (
    TOP_HEADER + "特記事項等(課題・強\n"
    "み等)\n"
    "\n"
    "静岡市精神保健福 精神科病院協会、医師会、精神科診療所、\n"
    "祉地域包括ケア推 相談支援事業所、地域包括支援センター、\n"
    "進会議\n"
    "家族会連合会、当事者、学識経験者、行政\n"
    "\n"
    "・区の連絡会からの報告 委員が多く、一人ひ\n"
    "2 回/\n"
    "・地域課題の協議 ・障害 とりの発言の機会が\n"
    "年\n"
    "福祉計画への反映\n"
    "限られる。\n"
    "\n"
    "保健福祉センター、相談支援事業所、地域\n"
    "地域支援者連絡会\n"
    "包括支援センター、病院精神保健福祉士、\n"
    "（葵区）\n"
    "民生委員\n"
    "\n"
    "2 回/ 事例検討、地域課題の共\n"
    "年\n"
    "有\n"
    "\n"
)


def test_a_members_last_line_as_wide_as_its_full_lines_ending_in_a_comma_tells_no_other_width() -> None:
    state, rows = _state_rows(COMMA_ENDS)
    assert state.notes == []
    assert rows[1] == [
        "静岡市精神保健福祉地域包括ケア推進会議",
        "精神科病院協会、医師会、精神科診療所、相談支援事業所、地域包括支援センター、家族会連合会、当事者、学識経験者、行政",
        "2回/年",
        "・区の連絡会からの報告 ・地域課題の協議 ・障害福祉計画への反映",
        "委員が多く、一人ひとりの発言の機会が限られる。",
    ]
    assert rows[2] == [
        "地域支援者連絡会（葵区）",
        "保健福祉センター、相談支援事業所、地域包括支援センター、病院精神保健福祉士、民生委員",
        "2回/年",
        "事例検討、地域課題の共有",
        "",
    ]


# the header's notes cell written after the rows (its notes after it), and a row's list of activities
# cut by a notes' box: its first item alone, its second beside its row's notes at their middle line
LATE_NOTES = (
    "名称\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "実施内容\n"
    "\n"
    "精神科病院、精神科診療所、医師\n"
    "倉敷市精神保健 会、相談支援事業所、社会福祉協\n"
    "福祉連絡協議会 議会、家族会、ピアサポーター、\n"
    "保健所、障がい福祉課\n"
    "\n"
    "・地区別ネットワーク会議から\n"
    "2回\n"
    "の報告 ・連携シートの運用状況\n"
    "/年\n"
    "の確認 ・地域課題の協議\n"
    "\n"
    "地区別精神保健\n"
    "保健推進室、地区の相談支援事業\n"
    "福祉ネットワー\n"
    "所、地域包括支援センター、民生\n"
    "ク会議（5 地\n"
    "委員、社会福祉協議会\n"
    "区）\n"
    "\n"
    "2回\n"
    "/年\n"
    "\n"
    "自立支援協議会\n"
    "相談支援事業所、障害福祉サービ\n"
    "地域生活支援部\n"
    "ス事業所、障がい福祉課\n"
    "会\n"
    "\n"
    "地域生活支援拠点等の運営状況\n"
    "6回\n"
    "の確認、精神障害者の住まいの\n"
    "/年\n"
    "確保に関する協議\n"
    "\n"
    "保健推進室（真備）、社会福祉協\n"
    "真備地区こころ\n"
    "議会、精神科医療機関、地域包括\n"
    "のケア連絡会\n"
    "支援センター\n"
    "\n"
    "4 回 被災者の相談状況の共有、見守\n"
    "/年 り対象者の支援方針の検討\n"
    "\n"
    "\n"
    "特記事項等(課題・強み等)\n"
    "各委員が所属機関の課題\n"
    "を持ち寄る形になってお\n"
    "り、全市的な目標の共有\n"
    "が難しい。\n"
    "\n"
    "・事例検討\n"
    "\n"
    "地区の支援者同士の顔の\n"
    "・社会資源マップの作成 見える関係づくりにつな\n"
    "がっている。\n"
    "\n"
)


def test_a_list_cut_by_its_rows_notes_and_notes_after_a_late_header_are_read() -> None:
    """A list's later item run on into the notes' line at its height, short of its column, is the list
    above's (its notes the row's); notes right after the notes' header written after the rows are no
    row's that the text tells (kept as text, with a warning), not the last row's."""
    state = form_state(council_heights, SIGNAL + HEADING + LATE_NOTES + END)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[2] == [
        "地区別精神保健福祉ネットワーク会議（5地区）",
        "保健推進室、地区の相談支援事業所、地域包括支援センター、民生委員、社会福祉協議会",
        "2回/年",
        "・事例検討 ・社会資源マップの作成",
        "地区の支援者同士の顔の見える関係づくりにつながっている。",
    ]
    assert [row[4] for row in rows[3:]] == ["", ""]
    assert "各委員が所属機関の課題を持ち寄る形になっており、全市的な目標の共有が難しい。" in state.lines
    assert [code for code, _, _ in state.notes] == [Diagnostic.MISSING_TABLE]


# a list set in from its column's edge (its bullets drawn alone) beside its row's notes, its widest line
# as wide as its own lines (short of the next column: no printed line with the notes), and activities
# of one item whose first line is wider than the lines of the first row's list
SET_IN_BESIDE_NOTES = (
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題・\n"
    "強み等)\n"
    "\n"
    "新潟県精神保\n"
    "健福祉審議会\n"
    "地域移行部会\n"
    "\n"
    "県精神科病院協会、県医師会、精神科診療\n"
    "所協会、市長会、町村会、県家族会連合\n"
    "会、当事者、学識経験者、障害福祉課、精\n"
    "神保健福祉センター\n"
    "\n"
    "年2\n"
    "回\n"
    "\n"
    "・圏域連絡会議の取組報告\n"
    "・県の施策への反映 ・指標\n"
    "の進捗確認\n"
    "\n"
    "圏域からの報告が多\n"
    "く、議論の時間が十\n"
    "分にとれない。\n"
    "\n"
    "\uf0b7\n"
    "\uf0b7\n"
    "\n"
    "・長期入院者の個別\n"
    "事例の検討\n"
    "佐渡圏域、魚沼圏域\n"
    "・圏域の地域課題の\n"
    "は冬期をオンライン\n"
    "抽出\n"
    "併用で開催してい\n"
    "・市町村の協議の場\n"
    "る。\n"
    "への助言\n"
    "\n"
    "地域精神保健\n"
    "福祉連絡会議\n"
    "（7 圏域）\n"
    "\n"
    "県保健所、市町村、精神科病院、相談支援\n"
    "事業所、地域包括支援センター、家族会、\n"
    "ピアサポーター\n"
    "\n"
    "年3\n"
    "回\n"
    "\n"
    "ピアサポータ\n"
    "ー連絡会\n"
    "\n"
    "ピアサポーター、精神保健福祉センター、\n"
    "派遣先病院職員\n"
    "\n"
    "四半\n"
    "期ご\n"
    "と\n"
    "\n"
    "活動報告 派遣調整 フォロー\n"
    "アップ研修\n"
    "\n"
    "市町村支援検\n"
    "討会\n"
    "\n"
    "障害福祉課、精神保健福祉センター、地域\n"
    "保健課、県保健所\n"
    "\n"
    "随時\n"
    "\n"
    "未設置町村への支援方法の検\n"
    "討\n"
    "\n"
    "新潟県・新潟\n"
    "市精神保健福\n"
    "祉連絡調整会\n"
    "議\n"
    "\n"
    "障害福祉課、精神保健福祉センター、新潟\n"
    "市障がい福祉課、新潟市こころの健康セン\n"
    "ター\n"
    "\n"
    "年2\n"
    "回\n"
    "\n"
    "県・市の施策の情報共有、新\n"
    "潟圏域の連絡会議の運営調整\n"
    "\n"
)


def test_a_set_in_list_beside_notes_and_activities_wider_than_the_lists_lines_are_read() -> None:
    """A set-in list's full line (`・圏域の地域課題の`) stands short of the notes beside it, on a line of its
    own; an activity's line a character wider than the first row's list's (`未設置町村への支援方法の検`)
    is read in the activities' column, no box telling it wider, rather than as notes."""
    rows = _rows(SIGNAL + HEADING + SET_IN_BESIDE_NOTES + END)
    assert rows[2][3:] == [
        "・長期入院者の個別事例の検討 ・圏域の地域課題の抽出 ・市町村の協議の場への助言",
        "佐渡圏域、魚沼圏域は冬期をオンライン併用で開催している。",
    ]
    assert [row[3] for row in rows[4:]] == [
        "未設置町村への支援方法の検討",
        "県・市の施策の情報共有、新潟圏域の連絡会議の運営調整",
    ]
    assert [row[2] for row in rows[1:]] == ["年2回", "年3回", "四半期ごと", "随時", "年2回"]


def test_a_number_and_its_counter_are_one_cell_s() -> None:
    # a core city's councils: a note that opens with a count (`3 つの部会…`, autospace's space after the
    # digit) beside an activity's line that fills its column; the digit is the note's, not the line's end
    body = (
        "名称\n\n協議の場の構成員\n\n開催\n頻度\n\n実施内容\n\n特記事項等(課題・\n強み等)\n\n"
        "富山市精神障害にも対応し\nた地域包括ケアシステム推\n進協議会\n\n"
        "医師会、精神科病院、相談支援事業所、地域\n年 2 取組の報告と評\n包括支援センター、家族会、ピアサポータ\n回\n"
        "価、方針の決定\nー、学識経験者、行政\n\n"
        "実務者部会（地域移行・住\nまい・普及啓発）\n\n"
        "テーマごとの課題 3 つの部会の間で\n精神科病院の精神保健福祉士、相談支援事業 年 4\n"
        "の検討と取組の実 情報共有が十分で\n所、居住支援法人、保健所、障害福祉課\n回\n施\nない。\n\n"
        "事務局会議\n\n保健所地域保健課、障害福祉課、基幹相談支 月 1 全体調整、会議の\n援センター\n回\n準備\n\n"
    )
    rows = _rows(SIGNAL + HEADING + body + END)
    assert rows[2] == [
        "実務者部会（地域移行・住まい・普及啓発）",
        "精神科病院の精神保健福祉士、相談支援事業所、居住支援法人、保健所、障害福祉課",
        "年4回",
        "テーマごとの課題の検討と取組の実施",
        "3つの部会の間で情報共有が十分でない。",
    ]


# a prefecture's six councils: the last four rows' parts in one box of 28 lines (short rows that pdftotext
# wrote in one text block: `市町村担当者情 市町村の…` … `会として位置づけた。`)
SIX_COUNCILS = (
    "名称\n\n協議の場の構成員\n\n開催頻\n度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n"
    "精神科病院協会、精神神経科診療所\n"
    "山形県精神保健\n"
    "・圏域の協議の場の取組 当事者委員の意見を施策に反\n"
    "協会、医師会、市長会、町村会、家 年 2 回\n"
    "福祉審議会\n"
    "報告 ・県の施策への反映 映する進め方を検討中。\n"
    "族会連合会、当事者、学識経験者\n"
    "\n"
    "圏域精神保健福 保健所、市町村、精神科病院、相談\n"
    "祉連絡会議（7 支援事業所、地域包括支援センタ\n"
    "年3回\n"
    "圏域）\n"
    "ー、家族会、ピアサポーター\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "・個別事例の検\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "討\n"
    "・圏域の地域課\n"
    "\n"
    "\uf0b7\n"
    "\n"
    "題の抽出\n"
    "・市町村の協議\n"
    "の場への助言\n"
    "\n"
    "圏域ごとに参加機関と開催方\n"
    "法が異なり、酒田市圏域はオ\n"
    "ンライン併用で開催してい\n"
    "る。\n"
    "\n"
    "市町村担当者情 市町村の精神保健・障害福祉担当\n"
    "協議の場の運営の工夫、\n"
    "年2回\n"
    "報交換会\n"
    "者、保健所、精神保健福祉センター\n"
    "地域課題の共有\n"
    "ピアサポーター ピアサポーター、精神保健福祉セン 四半期 活動報告 派遣調整 フォロ\n"
    "連絡会\n"
    "ター、派遣先病院の職員\n"
    "ごと\n"
    "ーアップ研修\n"
    "精神科救急医療\n"
    "精神科病院、警察、消防、保健所、\n"
    "精神科救急医療体制の運\n"
    "体制連絡調整委\n"
    "年2回\n"
    "精神保健推進室\n"
    "用状況の確認\n"
    "員会\n"
    "心のケア関係機 あいづ心のケアセンター、沿岸部の\n"
    "心のケアの業務の引継ぎ\n"
    "年4回\n"
    "関連絡会議\n"
    "市町・保健所、支援団体\n"
    "に向けた協議\n"
    "\n"
    "令和 6 年度から協議の場の部\n会として位置づけた。\n\n\n"
)


def test_a_box_of_four_rows_parts_is_read() -> None:
    names, *cells = zip(*_rows(SIGNAL + HEADING + SIX_COUNCILS + END), strict=True)
    assert list(names[3:]) == [
        "市町村担当者情報交換会",
        "ピアサポーター連絡会",
        "精神科救急医療体制連絡調整委員会",
        "心のケア関係機関連絡会議",
    ]
    members, frequencies, _, notes = cells
    assert (members[4], frequencies[4]) == ("ピアサポーター、精神保健福祉センター、派遣先病院の職員", "四半期ごと")
    assert notes[6] == "令和6年度から協議の場の部会として位置づけた。"


def test_no_reading_is_kept_after_its_table() -> None:
    state = form_state(council_heights, SIGNAL + HEADING + TALL + END)
    assert any(line and line.startswith("練馬区精神保健福祉地域連携会議\t") for line in state.lines)  # (read)
    assert council_heights._READINGS == {}  # (no later document is answered from this one's readings)


def test_a_box_read_again_is_charged_the_budget_its_reading_took() -> None:
    members = [
        "精神科病院協会、精神科診療所、基幹相談支",
        "援センター、訪問看護ステーション、地域包",
        "括支援センター、家族会、当事者会、民生委",
        "員、社会福祉協議会、学識経験者、市",
    ]
    span = (council_heights._MEMBERS, council_heights._MEMBERS)
    first = [10_000, 0]
    found = council_heights._readings(members, span, {}, first)
    assert [cells for cells, _ in found] == [{council_heights._MEMBERS: members}]
    again = [10_000, 0]
    assert council_heights._readings(list(members), span, {}, again) is found  # (kept, not read again)
    assert again == first  # (and charged as much)
    with pytest.raises(council_heights._OverBudget):
        council_heights._readings(members, span, {}, [9_999 - first[0], 0])


# ward-toshima-fy2024's councils as plain pdftotext writes their LibreOffice PDF: the second council's
# name starts with the programme's own name (`にも包括`), and its activities, a list LibreOffice sets in
# from its column's edge, wrap narrower than the column the first row's activities fill
KANA_NAME = (
    "名称\n\n協議の場の構成員\n\n開催\n頻度\n\n実施内容\n\n"
    "豊島区精神 精神科病院、精神科診療所、医師会、訪問看護ス\n"
    "年 2 ・実務者部会からの報告 ・区\n"
    "保健福祉連 テーション、基幹相談支援センター、社会福祉協\n"
    "回\n"
    "の取組の方向性の確認\n"
    "絡会\n"
    "議会、家族会、当事者、健康推進課、障害福祉課\n"
    "\n"
    "相談支援事業所、訪問看護ステーション、CSW、\n"
    "にも包括実\n"
    "年4\n"
    "高齢者総合相談センター、ピアサポーター、保健\n"
    "務者部会\n"
    "回\n"
    "所、障害福祉課\n"
    "\n\n\n"
    "特記事項等(課題\n・強み等)\n"
    "報告中心の会議と\n"
    "なっている。\n"
    "\n"
    "・地域移行、住まい、\n"
    "居場所の 3 テーマごと\n"
    "テーマごとに具体\n"
    "のグループ協議\n"
    "的な取組につなが\n"
    "・こころのカフェの振\n"
    "っている。\n"
    "り返り\n"
    "\n"
    "居住支援協\n"
    "不動産関係団体、居住支援法人、住宅課、障害福 年 2 精神障害者の入居と入居後の支\n"
    "議会 住まい\n"
    "祉課、健康推進課\n"
    "回\n"
    "援に関する協議\n"
    "部会\n"
)


def test_a_name_may_start_with_the_programme_s_name_and_a_list_be_set_in() -> None:
    rows = _rows(SIGNAL + HEADING + KANA_NAME + END)
    assert rows[2] == [
        "にも包括実務者部会",
        "相談支援事業所、訪問看護ステーション、CSW、高齢者総合相談センター、ピアサポーター、保健所、障害福祉課",
        "年4回",
        "・地域移行、住まい、居場所の3テーマごとのグループ協議 ・こころのカフェの振り返り",
        "テーマごとに具体的な取組につながっている。",
    ]
    assert rows[3][:3] == [
        "居住支援協議会 住まい部会",
        "不動産関係団体、居住支援法人、住宅課、障害福祉課、健康推進課",
        "年2回",
    ]
    # (the first row's notes, written after the late header cell, are kept as text with a warning)
    state = form_state(council_heights, SIGNAL + HEADING + KANA_NAME + END)
    assert any(note[0] is Diagnostic.MISSING_TABLE for note in state.notes)
    assert "報告中心の会議と" in "".join(line for line in state.lines if line and "\t" not in line)


# ward-numberalone-fy2024's councils: the first row's notes, then the second row's activities (a list
# whose items LibreOffice spaced apart, its bullets drawn alone on lines of their own) beside its notes,
# all in one box
SPACED_LIST = (
    "名称\n\n開催\n頻度\n\n協議の場の構成員\n\n実施内容\n\n"
    "世田谷区精神保健 精神科病院、精神科診療所、相談支援 2 回/ 全体の課題の共有 取組\n"
    "福祉連絡協議会\n"
    "事業所、家族会、ピアサポーター、区 年\n"
    "の方針決定\n"
    "地域精神保健福祉 各地域の医療機関、相談支援事業所、 年 4\n"
    "連絡会\n"
    "保健福祉センター\n"
    "回\n"
    "\n"
    "特記事項等(課題・強み等)\n"
    "地域連絡会の課題を区全体で\n"
    "共有する流れができている。\n"
    "\n\uf0b7\n\n"
    "・事例検討\n"
    "\n\uf0b7\n\n"
    "・地域資源の情 地域により参加機関の数に差\n"
    "がある。\n"
    "報交換\n"
    "\n"
)


def test_a_list_spaced_apart_beside_its_notes_after_the_notes_above() -> None:
    assert _rows(SIGNAL + HEADING + SPACED_LIST + END)[2] == [
        "地域精神保健福祉連絡会",
        "各地域の医療機関、相談支援事業所、保健福祉センター",
        "年4回",
        "・事例検討 ・地域資源の情報交換",
        "地域により参加機関の数に差がある。",
    ]


# city-pipe-fy2023's councils: the second row's activities, a list whose items stand on lines of their
# own (one bullet drawn apart), narrower than the first row's activities that fill their column
NARROW_LIST = (
    "名称\n\n協議の場の構成員\n\n開催\n頻度\n\n実施内容\n\n特記事項等(課題・強み等)\n\n"
    "倉敷市精神障害にも対応し 精神科病院、医師会、相談支援\n"
    "2 回/ ・地域課題の共有 ・取 代表者が参加しており、方\n"
    "た地域包括ケアシステム推 事業所、家族会、ピアサポータ\n"
    "年\n組方針の決定\n針決定が円滑に行える。\n進会議\nー、行政\n"
    "精神科病院の精神保健福祉士、\n年6\n相談支援専門員、訪問看護師、\n回\n保健所職員\n\n"
    "実務者部会\n\n・事例検討\n\n\uf0b7\n\n・地域課題の\n抽出\n\n"
    "保健所保健課、障害福祉課、基 週 1\n幹相談支援センター\n回\n\n"
    "事務局会議\n\n\uf0b7\n\n会議の準備 進捗管理\n\n"
    "事例検討から地域課題を抽\n出する流れができている。\n担当者の異動があっても取\n"
    "組が継続できる体制づくり\nが課題。\n\n"
)


def test_a_list_of_items_on_lines_of_their_own_tells_no_column_s_width() -> None:
    rows = _rows(SIGNAL + HEADING + NARROW_LIST + END)
    assert rows[1][3] == "・地域課題の共有 ・取組方針の決定"
    assert rows[2][:4] == [
        "実務者部会",
        "精神科病院の精神保健福祉士、相談支援専門員、訪問看護師、保健所職員",
        "年6回",
        "・事例検討 ・地域課題の抽出",
    ]


def test_a_line_of_more_places_to_cut_than_a_row_holds_is_cut_nowhere() -> None:
    assert council_heights._cuts("精神科病院協会、 精神科診療所 年 4") == [8, 15, 17]
    assert council_heights._cuts("7 " * 600) == []  # (its ways to be cut would grow as a power of 600)


def test_a_council_of_one_member_and_a_hearing_are_rows(parsed, converted) -> None:
    """川口市's third council, `委員ヒアリング` of `協議の場の委員`: a name that ends in no council's word and a
    members' cell of one member, no list, each read as their column's (the whole table had been left as text)."""
    from conftest import CONVERTERS
    from test_converters import fields

    doc = converted(CONVERTERS / "kawaguchi-r5--lopdf-pdftotext.txt")
    assert fields(doc["councils"]) == fields(parsed("kawaguchi-r5.txt")["councils"])
    third = doc["councils"]["meetings"][2]
    assert (third["name"], third["members"], third["frequency"]["per_year"]) == ("委員ヒアリング", "協議の場の委員", 4)


# a ward's councils as pdftotext wrote its LibreOffice PDF: a name whose bracketed note is long (the four
# centres it meets in), wrapped on four lines
_NAKANO = (
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開催\n"
    "頻度\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題・強\n"
    "み等)\n"
    "\n"
    "中野区精神障害に\n"
    "も対応した地域包\n"
    "括ケアシステム推\n"
    "進会議\n"
    "\n"
    "精神科病院、精神科診療所、中野区医師会、訪問\n"
    "看護ステーション、基幹相談支援センター、相談\n"
    "2回\n"
    "支援事業所、地域活動支援センター、家族会、ピ\n"
    "/年\n"
    "アサポーター、地域包括支援センター、区（保健\n"
    "予防課、障害福祉課、すこやか福祉センター）\n"
    "\n"
    "・地域課題の共有と\n"
    "解決策の検討 ・下部 委員数が多く、会議\n"
    "組織からの報告 ・次 時間内に全員が発言\n"
    "年度の取組方針の確 することが難しい。\n"
    "認\n"
    "\n"
    "中野区退院支援連\n"
    "絡会\n"
    "\n"
    "区外の病院の参加に\n"
    "退院予定者及び長期\n"
    "より、入院中から地\n"
    "区内外の精神科病院の精神保健福祉士、地域移行 3 回 入院者の情報共有、\n"
    "域の支援者とつなが\n"
    "支援事業所、保健予防課、障害福祉課\n"
    "/年 退院に向けた課題の\n"
    "る事例が増えてい\n"
    "整理\n"
    "る。\n"
    "\n"
    "圏域別精神保健福\n"
    "祉ケース検討会\n"
    "（中部・北部・南\n"
    "部・鷺宮すこやか\n"
    "福祉センター）\n"
    "\n"
    "地区担当保健師、相談支援専門員、訪問看護師、\n"
    "個別事例の支援方針\n"
    "随時\n"
    "地域包括支援センター職員\n"
    "の検討\n"
    "\n"
    "障害のある方の地域 推進会議との役割分\n"
    "中野区自立支援協 相談支援事業所、障害福祉サービス事業所、当事 6 回\n"
    "生活に関する課題の 担の整理が課題であ\n"
    "議会 地域生活部会 者委員、障害福祉課\n"
    "/年\n"
    "検討\n"
    "る。\n"
)


def test_a_name_with_a_long_bracketed_note_is_a_name() -> None:
    rows = _rows(SIGNAL + HEADING + _NAKANO + END)
    assert [row[0] for row in rows[1:]] == [
        "中野区精神障害にも対応した地域包括ケアシステム推進会議",
        "中野区退院支援連絡会",
        "圏域別精神保健福祉ケース検討会（中部・北部・南部・鷺宮すこやか福祉センター）",
        "中野区自立支援協議会 地域生活部会",
    ]
    assert rows[3][1:3] == ["地区担当保健師、相談支援専門員、訪問看護師、地域包括支援センター職員", "随時"]


def test_an_activity_of_hearing_members_is_an_activity_not_a_name() -> None:
    """`委員へのヒアリング` as a row's activities: a hearing names a council only where it stands in the name's
    column (`委員ヒアリング`), never an activity to the members (the whole table had been lost)."""
    rows = _rows(SIGNAL + HEADING + BODY.replace("会議の準備、事業の進\n捗管理\n", "委員へのヒアリング\n") + END)
    assert len(rows) == 5
    assert rows[3][2:4] == ["月1回", "委員へのヒアリング"]


# a prefecture's councils as pdftotext wrote its LibreOffice PDF: the second row cut by a page break (its
# cells set at its top on the first page, its note's last line on the next after a form feed)
_SPLIT_ROW = (
    "開催\n"
    "頻度\n"
    "\n"
    "実施内容\n"
    "\n"
    "特記事項等(課題\n"
    "・強み等)\n"
    "\n"
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "福島県精神障害\n"
    "にも対応した地\n"
    "域包括ケアシス\n"
    "テム構築推進会\n"
    "議\n"
    "\n"
    "福島県医師会、福島県精神科病院協会、福島県精神神経\n"
    "科診療所協会、福島県看護協会、福島県精神保健福祉士\n"
    "協会、福島県相談支援専門員協会、福島県社会福祉協議\n"
    "会、福島県精神保健福祉会連合会、当事者団体、ふくし\n"
    "ま心のケアセンター、市長会・町村会の推薦する市町村\n"
    "職員、県（障がい福祉課、精神保健福祉センター）\n"
    "\n"
    "委員数が多く、\n"
    "・県全体の取組方針\n"
    "限られた時間の\n"
    "の決定 ・圏域の協\n"
    "年2\n"
    "中で委員同士の\n"
    "議の場の取組状況の\n"
    "回\n"
    "意見交換が十分\n"
    "共有 ・退院意向調\n"
    "にできていな\n"
    "査の結果報告\n"
    "い。\n"
    "\n"
    "県北圏域精神保 県北保健福祉事務所、圏域内精神科病院（5 病院）、相\n"
    "健福祉推進会議 談支援事業所、圏域内市町村、福島市保健所\n"
    "（にも包括協議\n"
    "の場）\n"
    "\n"
    "2 回 地域課題の抽出、長 中核市との合同\n"
    "/年 期入院者の事例検討 開催により、市\n"
    "域を越えた退院\n"
    "支援の調整がし\n"
    "\n"
    "\x0cやすくなった。\n"
    "県中圏域協議の 県中保健福祉事務所、精神科病院、相談支援事業所、訪\n"
    "場\n"
    "問看護ステーション、圏域内市町村、郡山市保健所\n"
    "\n"
    "年 3 事例検討、住まいの\n"
    "回\n"
    "確保に関する協議\n"
    "\n"
    "県南圏域協議の 県南保健福祉事務所、圏域内の精神科病院、白河市及び\n"
    "場\n"
    "西白河郡・東白川郡の町村、基幹相談支援センター\n"
    "\n"
    "圏域内の一般相\n"
    "地域移行支援の受け 談支援事業所が\n"
    "年2\n"
    "皿づくりに関する協 少なく、地域移\n"
    "回\n"
    "議\n"
    "行支援の担い手\n"
    "確保が課題。\n"
)


def test_a_row_a_page_break_cuts_is_read_set_at_its_top() -> None:
    """The row before the page break is set at its top: its name of four lines beside two of members,
    its note of four lines beside two of activities (the name had been cut after `会議` and its bracketed
    note kept as text, with a warning)."""
    state, rows = _state_rows(_SPLIT_ROW)
    assert rows[2] == [
        "県北圏域精神保健福祉推進会議（にも包括協議の場）",
        "県北保健福祉事務所、圏域内精神科病院（5病院）、相談支援事業所、圏域内市町村、福島市保健所",
        "2回/年",
        "地域課題の抽出、長期入院者の事例検討",
        "中核市との合同開催により、市域を越えた退院支援の調整がしやすくなった。",
    ]
    assert [row[0] for row in rows[1:]] == [
        "福島県精神障害にも対応した地域包括ケアシステム構築推進会議",
        "県北圏域精神保健福祉推進会議（にも包括協議の場）",
        "県中圏域協議の場",
        "県南圏域協議の場",
    ]
    assert rows[3][4] == ""
    assert state.notes == []


# a city's councils as pdftotext wrote its LibreOffice PDF: the last council's members one office's
# officers (`各区高齢・障害支援課担当係長`), no list
_ONE_MEMBER = (
    "実施内容\n"
    "\n"
    "特記事項等(課題・強\n"
    "み等)\n"
    "\n"
    "・区域の協議の場で\n"
    "抽出された課題の共\n"
    "有 ・市域で取り組む\n"
    "課題の検討 ・各事業\n"
    "の実施状況の報告\n"
    "\n"
    "区域の協議の場から\n"
    "の課題の集約方法が\n"
    "定まっておらず、市\n"
    "域で検討する課題の\n"
    "選定に時間を要して\n"
    "いる。\n"
    "\n"
    "区福祉保健センター、精神障害者生活支援センタ 各区\n"
    "区域の協議の場\n"
    "個別事例の検討を通\n"
    "ー、基幹相談支援センター、地域ケアプラザ、訪 2 回/\n"
    "（18 区）\n"
    "じた地域課題の抽出\n"
    "問看護ステーション、区内精神科医療機関等\n"
    "年\n"
    "\n"
    "区ごとに開催回数や\n"
    "参加機関が異なる。\n"
    "\n" + NAME_FREQUENCY_MEMBERS + "横浜市医師会、横浜市病院協会、神奈川県精神科\n"
    "横浜市精神障害 病院協会、神奈川県精神神経科診療所協会、横浜\n"
    "にも対応した地 市精神障害者地域生活支援連合会、横浜市精神障 年 2\n"
    "域包括ケアシス 害者家族会連合会、当事者委員（2 名）、横浜市 回\n"
    "テム推進会議\n"
    "社会福祉協議会、地域ケアプラザ代表、区福祉保\n"
    "健センター代表、健康福祉局\n"
    "\n"
    "事務局会議\n"
    "\n"
    "障害自立支援課、こころの健康相談センター、区 月 1\n"
    "代表（輪番 3 区）\n"
    "回\n"
    "\n"
    "推進会議の準備、区\n"
    "域の協議の場の進捗\n"
    "把握\n"
    "\n"
    "・区域の協議の場の\n"
    "6 回/ 運営に関する情報交\n"
    "年\n"
    "換 ・運営の手引きの\n"
    "検討\n"
    "\n"
    "区精神保健福祉\n"
    "各区高齢・障害支援課担当係長\n"
    "担当係長会\n"
    "\n"
    "係長同士の情報交換\n"
    "により、区の取組の\n"
    "参考となる事例が共\n"
    "有されている。\n"
    "\n"
)


def test_a_members_cell_of_one_office_s_officers_is_read() -> None:
    """A members' cell of one member that ends in a word for people (`…担当係長`, `ピアサポーター`) is the
    members' (the whole table had been left as text)."""
    _, rows = _state_rows(_ONE_MEMBER)
    assert rows[4] == [
        "区精神保健福祉担当係長会",
        "各区高齢・障害支援課担当係長",
        "6回/年",
        "・区域の協議の場の運営に関する情報交換 ・運営の手引きの検討",
        "",
    ]
    assert [row[2] for row in rows[1:]] == ["年2回", "各区2回/年", "月1回", "6回/年"]
    assert _rows(SIGNAL + HEADING + _ONE_MEMBER.replace("担当係長\n担当係長会", "担当係\n担当係長会") + END) == []


# a prefecture's councils as pdftotext wrote its LibreOffice PDF: the third row's frequency and
# activities run together on their two lines (`4 回 圏域の取組状況の共` / `/年 有、研修`)
_FREQUENCY_BESIDE = (
    TOP_HEADER + "特記事項等(課題\n"
    "・強み等)\n"
    "\n"
    "学識経験者、長野県精神科病院協会、長野県医\n"
    "師会、長野県精神保健福祉士協会、長野県相談\n"
    "長野県精神障害にも対\n"
    "支援専門員協会、長野県訪問看護ステーション\n"
    "応した地域包括ケアシ\n"
    "連絡協議会、長野県介護支援専門員協会、県家\n"
    "ステム構築推進会議\n"
    "族会連合会、当事者団体、市長会、町村会、保\n"
    "健福祉事務所長会\n"
    "\n"
    "・県全体の地域課題と 関係団体の代表\n"
    "取組方針の協議 ・圏 者が委員である\n"
    "2回\n"
    "域の協議の場の活動報 ため、現場の課\n"
    "/年\n"
    "告 ・退院意向調査の 題が会議に届き\n"
    "結果の共有\n"
    "にくい。\n"
    "\n"
    "圏域別の協議の場（佐\n"
    "久・上小・諏訪・上伊 保健福祉事務所、市町村、精神科病院、精神科\n"
    "那・飯伊・木曽・松本 診療所、相談支援事業所、訪問看護ステーショ\n"
    "・大北・長野・北信の ン、地域包括支援センター、家族会、当事者\n"
    "10 圏域）\n"
    "\n"
    "年 2 圏域の地域課題の抽\n"
    "圏域によって開\n"
    "～4 出、事例検討、作業部 催回数や内容に\n"
    "回\n"
    "会による取組\n"
    "差がある。\n"
    "\n"
    "保健福祉事務所の精神保健福祉担当者、長野市\n"
    "精神保健福祉担当者会\n"
    "保健所、松本市保健所、精神保健福祉センタ\n"
    "議\n"
    "ー、保健・疾病対策課\n"
    "\n"
    "4 回 圏域の取組状況の共\n"
    "/年 有、研修\n"
    "\n"
    "長野県精神科救急医療 精神科救急医療機関、長野県医師会、消防、警\n"
    "体制連絡調整会議\n"
    "察、保健・疾病対策課\n"
    "\n"
    "年 1 精神科救急医療体制の\n"
    "回\n"
    "運用状況の確認\n"
    "\n"
    "ピアサポーター活動推 ピアサポーター、地域移行支援事業所、精神保\n"
    "進部会\n"
    "健福祉センター\n"
    "\n"
    "ピアサポーター\n"
    "ピアサポーターの活動 の活動に対する\n"
    "3回\n"
    "の場の拡大とフォロー 報酬の在り方に\n"
    "/年\n"
    "アップ研修の検討\n"
    "ついて、意見が\n"
    "分かれている。\n"
    "\n"
)


def test_a_frequency_run_into_the_activities_lines_is_the_frequency() -> None:
    """An activity's line never opens with a frequency's piece and a space before other words: the
    two lines are the frequency's and the activities' (read as one cell of activities, the row had no
    frequency and the whole table was left as text)."""
    _, rows = _state_rows(_FREQUENCY_BESIDE)
    assert rows[3] == [
        "精神保健福祉担当者会議",
        "保健福祉事務所の精神保健福祉担当者、長野市保健所、松本市保健所、精神保健福祉センター、保健・疾病対策課",
        "4回/年",
        "圏域の取組状況の共有、研修",
        "",
    ]
    assert [row[2] for row in rows[1:]] == ["2回/年", "年2～4回", "4回/年", "年1回", "3回/年"]


# a city's councils as pdftotext wrote its LibreOffice PDF: the members' lists written with Latin commas,
# a line ending on a member's comma beside the frequency's piece (`…地域包括支援センター, 回`)
_LATIN_COMMAS = (
    "\n"
    "名称\n"
    "\n"
    "協議の場の構成員\n"
    "\n"
    "開\n"
    "催\n"
    "頻\n"
    "度\n"
    "\n"
    "実施内容\n"
    "\n"
    "学識経験者, 熊本県精神科病院協会, 熊本市医師会,\n"
    "熊本市精神障害にも対\n"
    "市全体の方針の\n"
    "熊本県精神保健福祉士協会, 基幹相談支援センタ 年 2\n"
    "応した地域包括ケアシ\n"
    "決定, 部会と区の\n"
    "ー, 訪問看護ステーション, 地域包括支援センター, 回\n"
    "ステム推進会議\n"
    "取組の評価\n"
    "家族会, 当事者団体, 行政機関の代表者\n"
    "\n"
    "特記事項等(課題・強\n"
    "み等)\n"
    "委員の多くが熊本地\n"
    "震での支援経験を共\n"
    "有しており、議論が\n"
    "具体的である。\n"
    "\n"
    "同推進会議 地域移行\n"
    "部会\n"
    "\n"
    "精神科病院の精神保健福祉士, 基幹相談支援セン\n"
    "ター, 一般相談支援事業所, ピアサポーター, ここ\n"
    "ろの健康センター\n"
    "\n"
    "長期入院者の状\n"
    "年 4 況の共有, 地域移 病院ごとの取組の差\n"
    "回 行支援の利用促 が大きい。\n"
    "進\n"
    "\n"
    "同推進会議 普及啓発\n"
    "・人材育成部会\n"
    "\n"
    "精神科診療所, 家族会, 当事者, 教育委員会, 大学,\n"
    "こころの健康センター\n"
    "\n"
    "こころの健康フ\n"
    "年 4 ォーラムの企画,\n"
    "回 支援者研修の企\n"
    "画\n"
    "\n"
    "区精神保健福祉連絡会\n"
    "区役所保健子ども課・福祉課, 地域包括支援セン\n"
    "（各区役所保健子ども\n"
    "ター, 相談支援事業所, 精神科診療所, 訪問看護ス\n"
    "課事務局・全 5 区で開\n"
    "テーション, 民生委員\n"
    "催）\n"
    "\n"
    "年 3 区の地域課題の\n"
    "回 抽出, 事例検討\n"
    "\n"
    "熊本市措置入院者等退\n"
    "精神科病院, 区役所保健師, 精神保健福祉室\n"
    "院後支援調整会議\n"
    "\n"
    "随\n"
    "時\n"
    "\n"
    "区によって参加機関\n"
    "や検討内容に差があ\n"
    "る。\n"
    "\n"
    "個別の退院後支\n"
    "援計画の作成と\n"
    "見直し\n"
    "\n"
    "精神障害のある\n"
    "熊本市障がい者自立支 相談支援事業所, 障害福祉サービス事業所, 当事者, 年 6 方の地域生活に\n"
    "援協議会 精神部会\n"
    "障がい福祉課\n"
    "回 関する課題の検\n"
    "討\n"
    "\n"
    "推進会議と検討内容\n"
    "が重なることがあ\n"
    "る。\n"
    "\n"
)


def test_a_members_list_written_with_latin_commas_beside_its_frequency_is_read() -> None:
    """A line's last member's comma and the frequency's piece beside it are two columns' (the comma and the
    space had been kept as the list's own, and the row read no way); a box read one way only as a line of
    three cells' pieces as one activity tells no column's width (the last row had been read no way)."""
    _, rows = _state_rows(_LATIN_COMMAS)
    assert rows[1] == [
        "熊本市精神障害にも対応した地域包括ケアシステム推進会議",
        "学識経験者, 熊本県精神科病院協会, 熊本市医師会, 熊本県精神保健福祉士協会, 基幹相談支援センター, "
        "訪問看護ステーション, 地域包括支援センター, 家族会, 当事者団体, 行政機関の代表者",
        "年2回",
        "市全体の方針の決定, 部会と区の取組の評価",
        "委員の多くが熊本地震での支援経験を共有しており、議論が具体的である。",
    ]
    assert rows[6] == [
        "熊本市障がい者自立支援協議会 精神部会",
        "相談支援事業所, 障害福祉サービス事業所, 当事者, 障がい福祉課",
        "年6回",
        "精神障害のある方の地域生活に関する課題の検討",
        "推進会議と検討内容が重なることがある。",
    ]
    assert [row[2] for row in rows[1:]] == ["年2回", "年4回", "年4回", "年3回", "随時", "年6回"]


def test_a_name_s_line_that_opens_with_a_middle_dot_goes_on_without_a_space() -> None:
    """`…木曽・松本` / `・大北・長野…` in a name is one word list, no list's next item (a space had been put
    before the `・`)."""
    _, rows = _state_rows(_FREQUENCY_BESIDE)
    assert rows[2][0] == "圏域別の協議の場（佐久・上小・諏訪・上伊那・飯伊・木曽・松本・大北・長野・北信の10圏域）"
    _, rows = _state_rows(_LATIN_COMMAS)
    assert rows[3][0] == "同推進会議 普及啓発・人材育成部会"


# the same table's last four councils: the last one's members one supporter (`ピアサポーター`), written on a
# printed line beside its name's second line (`活動検討ワーキ ピアサポーター`)
_SPLIT_ROW_REST = (
    "\n"
    "会津保健福祉事務所、南会津保健福祉事務所、会津若松\n"
    "会津・南会津圏\n"
    "市、圏域内の精神科病院（6 病院）、相談支援事業所、\n"
    "域合同協議の場\n"
    "介護支援専門員連絡協議会\n"
    "\n"
    "2 圏域合同のた\n"
    "・圏域の課題整理\n"
    "め参加機関が広\n"
    "年 2 ・高齢の長期入院者 範囲にわたり、\n"
    "回\n"
    "の介護サービスへの オンライン併用\n"
    "移行に関する協議\n"
    "で開催してい\n"
    "る。\n"
    "\n"
    "相双圏域こころ 相双保健福祉事務所、ふくしま心のケアセンター相馬方\n"
    "の地域づくり会 部センター、精神科病院、圏域内市町村、避難先自治体\n"
    "議\n"
    "の担当者\n"
    "\n"
    "震災後の訪問支\n"
    "避難者・帰還者の支\n"
    "年4\n"
    "援の蓄積を生か\n"
    "援調整、医療機関の\n"
    "回\n"
    "した協議ができ\n"
    "再開状況の共有\n"
    "ている。\n"
    "\n"
    "精神科救急医療\n"
    "体制連絡調整委\n"
    "精神科救急医療輪番病院、福島県警察本部、消防本部、\n"
    "員会（精神科救\n"
    "保健福祉事務所、障がい福祉課\n"
    "急・地域連携部\n"
    "会）\n"
    "\n"
    "夜間・休日の相談対\n"
    "年1\n"
    "応と地域支援者との\n"
    "回\n"
    "連携ルールの検討\n"
    "\n"
    "ピアサポーター\n"
    "活動検討ワーキ ピアサポーター\n"
    "ンググループ\n"
    "\n"
    "ピアサポーター\n"
    "養成研修の内容検\n"
    "自身が企画に関\n"
    "随時 討、病院訪問の振り わることで、活\n"
    "返り\n"
    "動の意欲が高ま\n"
    "っている。\n"
    "\n"
)


def test_a_members_cell_of_one_supporter_is_read_and_no_line_of_two_cells_is_one_member() -> None:
    """`ピアサポーター`, one member ending in `ー`, is the members' cell; `活動検討ワーキ ピアサポーター` (the name's
    line and the members' a space apart) is no one member (read so, the box had two readings and the table none)."""
    _, rows = _state_rows(_SPLIT_ROW + _SPLIT_ROW_REST)
    assert len(rows) == 9
    assert rows[8][:3] == ["ピアサポーター活動検討ワーキンググループ", "ピアサポーター", "随時"]


def test_a_page_break_between_whole_rows_reads_as_the_table_without_it() -> None:
    """The boxes before a page break are read as a row it cuts only where the table is read no other way (tried
    first, their readings had made a table of whole rows ambiguous or over its budget)."""
    broken = SCOPED.replace("区間情報交換会", "\f区間情報交換会")
    assert broken != SCOPED
    assert _rows(SIGNAL + HEADING + broken + END) == _rows(SIGNAL + HEADING + SCOPED + END)
    assert len(_rows(SIGNAL + HEADING + SCOPED + END)) == 4


def test_an_activity_s_line_that_opens_with_a_date_or_a_count_it_goes_on_with_is_the_activity_s() -> None:
    """`年 4 月から検討`, `年 2 回の開催` and `月 1 日に見直す` open with a frequency's piece and a space, but the
    words after go on a date or a count: the activities' line (a frequency's run into them had been read, and
    the table lost)."""
    for rest, whole in (
        ("区の課題を令和 6\n年 4 月から検討", "区の課題を令和6年4月から検討"),
        ("研修会を区ごとに\n年 2 回の開催", "研修会を区ごとに年2回の開催"),
        ("区の課題を毎年 4\n月 1 日に見直す", "区の課題を毎年4月1日に見直す"),
    ):
        rows = _rows(SIGNAL + HEADING + SCOPED.replace("区の地域課題の\n検討", rest) + END)
        assert rows[2][3] == whole


def test_an_activity_that_opens_with_a_day_s_character_after_a_count_is_no_date() -> None:
    """`4 回 日中活動の状況の共`: `日` after a count (no `年` or `月` before it) opens the activities' line beside the
    frequency's, no date's rest."""
    body = _FREQUENCY_BESIDE.replace("4 回 圏域の取組状況の共\n/年 有、研修", "4 回 日中活動の状況の共\n/年 有、研修")
    assert body != _FREQUENCY_BESIDE
    _, rows = _state_rows(body)
    assert rows[3][2:4] == ["4回/年", "日中活動の状況の共有、研修"]


# pref-tokushima-fy2023's councils (a sheet measured apart) as plain pdftotext wrote its LibreOffice PDF: names of
# six lines (`東部圏域精神障がい` … `所）`), the narrow name column wrapping a council's long name
_SIX_LINE_NAMES = "\n".join(
    (
        "名称",
        "",
        "協議の場の構成員",
        "",
        "開催",
        "頻度",
        "",
        "徳島県医師会、徳島県精神科病院協会、徳",
        "島県精神保健福祉士協会、徳島県看護協",
        "徳島県精神障がいに",
        "会、徳島県相談支援専門員協会、徳島県社",
        "も対応した地域包括",
        "2回",
        "会福祉協議会、徳島県精神保健福祉会連合",
        "ケアシステム構築推",
        "/年",
        "会、当事者、市長会・町村会代表、保健所",
        "進会議",
        "長会、精神保健福祉センター、障がい福祉",
        "課",
        "",
        "実施内容",
        "\uf0b7",
        "",
        "・県全体の課題",
        "",
        "\uf0b7",
        "",
        "の整理と施策の",
        "方向性の決定",
        "・圏域の協議の",
        "",
        "\uf0b7",
        "",
        "場、部会からの",
        "報告",
        "・第 7 次保健医",
        "療計画（精神疾",
        "患）の進捗確認",
        "",
        "特記事項等(課題・強",
        "み等)",
        "",
        "圏域から上がった課",
        "題を県の施策に反映",
        "する流れができつつ",
        "あるが、会議の回数",
        "が少なく、報告が中",
        "心になりやすい。",
        "",
        "東部圏域精神障がい",
        "にも対応した地域包",
        "圏域内の精神科病院、精神科診療所、市町",
        "圏域の課題の抽出、退院",
        "括ケアシステム構築",
        "3回",
        "村、相談支援事業所、地域包括支援センタ",
        "支援の事例検討、社会資",
        "推進協議会（徳島保",
        "/年",
        "ー、家族会、ピアサポーター、保健所",
        "源マップの更新",
        "健所・吉野川保健",
        "所）",
        "南部圏域精神障がい",
        "にも対応した地域包 圏域内の精神科病院、市町村、相談支援事",
        "中山間地域における移動",
        "年2",
        "括ケアシステム構築 業所、訪問看護ステーション、社会福祉協",
        "支援と日中活動の場の確",
        "回",
        "推進協議会（阿南保 議会、保健所",
        "保に関する協議",
        "健所・美波保健所）",
        "",
        "町の保健師の参加が",
        "定着し、個別の事例",
        "から地域課題を考え",
        "る議論ができてい",
        "る。",
        "",
        "西部圏域精神障がい",
        "にも対応した地域包",
        "精神科救急時の搬送と受",
        "圏域内の精神科病院、市町村、相談支援事 年 2",
        "括ケアシステム構築",
        "入れに関する協議、介護",
        "業所、介護支援専門員、保健所",
        "回",
        "推進協議会（美馬保",
        "との連携に関する協議",
        "健所・三好保健所）",
        "",
        "圏域内の支援資源が",
        "少なく、隣接する東",
        "部圏域の事業所との",
        "連携が必要である。",
        "",
        "徳島県精神科病院長 県内の精神科病院（17 か所）の精神保健 4 回 病院ごとの長期入院者の",
        "期入院者地域移行推 福祉士、地域体制整備コーディネーター、 /年 状況の共有、退院事例の",
        "進部会",
        "ピアサポーター、精神保健福祉センター、",
        "報告、ピアサポーターの",
        "",
        "\x0c障がい福祉課",
        "",
        "病院訪問の調整",
        "",
        "精神科救急医療体制",
        "夜間・休日の受診相談と",
        "精神科病院協会の代表、救急告示病院の医",
        "検討ワーキンググル",
        "随時 受入れ状況の分析、輪番",
        "師、消防、警察、保健所、障がい福祉課",
        "ープ",
        "体制の見直しの検討",
        "",
        "令和 4 年度は 2 回開",
        "催した。",
    )
)


def test_a_name_of_six_printed_lines_is_read() -> None:
    """A name of six lines beside its members (it had been read as no cell: no table was read at all)."""
    doc = parse_text_data(SIGNAL + HEADING + _SIX_LINE_NAMES + "\n\n" + END + "\n")
    meetings = doc["councils"]["meetings"]
    assert [(m["name"], m["frequency"]["text"]) for m in meetings] == [
        ("徳島県精神障がいにも対応した地域包括ケアシステム構築推進会議", "2回/年"),
        ("東部圏域精神障がいにも対応した地域包括ケアシステム構築推進協議会（徳島保健所・吉野川保健所）", "3回/年"),
        ("南部圏域精神障がいにも対応した地域包括ケアシステム構築推進協議会（阿南保健所・美波保健所）", "年2回"),
        ("西部圏域精神障がいにも対応した地域包括ケアシステム構築推進協議会（美馬保健所・三好保健所）", "年2回"),
        ("徳島県精神科病院長期入院者地域移行推進部会", "4回/年"),
        ("精神科救急医療体制検討ワーキンググループ", "随時"),
    ]
    assert meetings[1]["activities"] == ["圏域の課題の抽出、退院支援の事例検討、社会資源マップの更新"]
    assert meetings[3]["notes"] == "圏域内の支援資源が少なく、隣接する東部圏域の事業所との連携が必要である。"
