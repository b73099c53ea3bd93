"""Section 5's issues' table that plain pdftotext of a LibreOffice PDF wrote with each record's issue
and policy side by side, a printed line at a time, among its roles' words and actions."""

from __future__ import annotations

from conftest import form_state
from nikosheet.parsing import forms
from nikosheet.parsing.forms import issue_side_by_side

# a prefecture's two issues as pdftotext writes them (a page feed in the text): each record's issue and
# policy a space apart on a line, level with its 医療's action, their last lines after `福祉`; the
# second record's `その他…` wrapped over three lines, its action `－`
_SIDE_BY_SIDE = (
    "入院後 3 か月時点\n\f ・保健所ごとに圏域連絡会議を持っている。\n課題\n\n"
    "課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n行政\n\n"
    "合同研修の開催、圏域ごとの\n受け入れ状況の把握\n\n医療\n\n退院支援委員会への地域の支\n援者の招へい\n\n"
    "65 歳以上の長期入院者の退院先と 介護保険施設、地域包括支援センター\n"
    "なる住まいや介護サービスとの調整 との合同研修を開き、受け入れの不安\n"
    "福祉\nが進まない\nを減らす\n\n"
    "地域移行支援の提供とグルー\nプホームの空き情報の共有\n\n"
    "その他関係\n機関・住民\n等\n\n地域包括支援センター、介護\n支援専門員による受け入れ調\n整\n\n"
    "行政\n\nアドバイザー派遣、圏域連絡\n会議の開催\n\n医療\n\n圏域連絡会議への参加\n\n"
    "市町村の協議の場の設置と運営に差 保健所が未設置町村の事務局を補い、\n"
    "福祉\nがある\n運営例を共有する\n\n"
    "基幹相談支援センターによる\n地域課題の集約\n\n"
    "その他関係\n機関・住民\n等\n\n－\n\n"
    "課題解決の達成度を測る指\n標\n"
)


def _rows(text: str) -> list[list[str]]:
    lines = form_state(issue_side_by_side, text).lines
    return [line.split("\t") for line in lines if line and "\t" in line]


def test_each_record_s_issue_and_policy_are_cut_apart_and_go_on_in_their_last_lines():
    rows = _rows(_SIDE_BY_SIDE)
    assert rows[0] == ["課題", "課題解決に向けた取組方針", "課題・方針に対する役割(取組)", ""]
    assert rows[1] == [
        "65 歳以上の長期入院者の退院先となる住まいや介護サービスとの調整が進まない",
        "介護保険施設、地域包括支援センターとの合同研修を開き、受け入れの不安を減らす",
        "行政",
        "合同研修の開催、圏域ごとの受け入れ状況の把握",
    ]
    assert rows[2] == ["", "", "医療", "退院支援委員会への地域の支援者の招へい"]
    assert rows[3] == ["", "", "福祉", "地域移行支援の提供とグループホームの空き情報の共有"]
    assert rows[4] == ["", "", "その他関係機関・住民等", "地域包括支援センター、介護支援専門員による受け入れ調整"]
    assert rows[5][:2] == [
        "市町村の協議の場の設置と運営に差がある",
        "保健所が未設置町村の事務局を補い、運営例を共有する",
    ]
    assert rows[7] == ["", "", "福祉", "基幹相談支援センターによる地域課題の集約"]
    assert rows[8] == ["", "", "その他関係機関・住民等", "－"]
    assert len(rows) == 9


def test_the_issues_are_read_from_the_text():
    sheet = forms.rewrite(_SIDE_BY_SIDE.split("\n")).lines
    assert "\t".join(["", "", "医療", "圏域連絡会議への参加"]) in sheet


def test_an_action_after_a_later_role_s_word_is_left():
    # 行政's action written after `医療` too (two cells where one role's stands): whose is not told
    text = _SIDE_BY_SIDE.replace(
        "行政\n\nアドバイザー派遣、圏域連絡\n会議の開催\n\n医療\n\n",
        "行政\n医療\n\nアドバイザー派遣、圏域連絡\n会議の開催\n",
    )
    state = form_state(issue_side_by_side, text)
    assert state.lines == text.split("\n")
