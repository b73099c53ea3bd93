"""The councils' table of plain pdftotext of a LibreOffice PDF read by its lines' heights: a row's
cells, centred in the row, interleaved line by line in one block (a name, its members and its
frequency; the activities and the notes), a row's parts in separate boxes, a name written late."""

from __future__ import annotations

from conftest import form_state
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import council_heights

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
    assert rows[2] == [
        "地区連絡会（5地区）",
        "保健センター、相談支援事業所、地域包括支援センター、民生委員",
        "2～3回/年",
        "個別事例の検討、地区の社会資源の把握",
        "地区によって開催回数に差がある",
    ]
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


def test_cells_run_together_that_no_reading_parts_get_a_warning() -> None:
    """A printed line of a members' list and a frequency's piece says the cells were interleaved: where
    neither this form nor `council_boxes` reads the table, the text is left and a warning says so."""
    from conftest import SHEETS
    from nikosheet import parse_text_data

    body = BODY.replace("月1\n回\n", "").replace(
        "障がい福祉課、健康推進課、基幹相談支援セ\n", "障がい福祉課、健康推進課、基幹相談支援セ 月1\n"
    )
    sheet = (SHEETS / "minimal-fy2023.txt").read_text(encoding="utf-8")
    text = SIGNAL + "\f" + sheet.split("7 精神障害")[0] + HEADING + body + END
    messages = [d["message"] for d in parse_text_data(text)["diagnostics"] if d["severity"] == "warning"]
    assert any("interleaved line by line" in message for message in messages)
