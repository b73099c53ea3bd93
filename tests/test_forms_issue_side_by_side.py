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


def test_actions_written_after_the_last_of_their_roles_words_go_to_those_roles_in_order():
    # `行政` and `医療` one after the other, then their two actions
    written = "行政\n\nアドバイザー派遣、圏域連絡\n会議の開催\n\n医療\n\n圏域連絡会議への参加\n"
    text = _SIDE_BY_SIDE.replace(
        written, "行政\n医療\n\nアドバイザー派遣、圏域連絡\n会議の開催\n圏域連絡会議への参加\n"
    )
    rows = _rows(text)
    assert rows[5][2:] == ["行政", "アドバイザー派遣、圏域連絡会議の開催"]
    assert rows[6] == ["", "", "医療", "圏域連絡会議への参加"]


def test_a_second_action_after_a_role_whose_neighbour_has_its_own_is_left():
    # two cells after `福祉` while `医療` above has its action: whose the second is is not told
    text = _SIDE_BY_SIDE.replace("地域課題の集約\n", "地域課題の集約\n研修の開催\n")
    state = form_state(issue_side_by_side, text)
    assert state.lines == text.split("\n")


# one record whose issue's and policy's first printed line pdftotext wrote as two lines of their own
# (under 医療's action), the next side by side, their last lines each alone
_TWO_LINES_FIRST = (
    "入院後 3 か月時点\n\f課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n行政\n"
    "見守り体制の調整、オ\nンライン面談の環境整\n備\n医療\n訪問看護による冬期の\n定期訪問\n"
    "冬期に訪問支援が途切れやす\n冬期の見守り体制を市町村・民生\n"
    "く、豪雪地域で孤立する精神障 委員と整え、オンラインでの面談\n害者がいる\nも活用する\n"
    "福祉\n相談支援事業所による\n電話・オンラインでの\n状況確認\n"
    "その他関係\n民生委員、町内会によ\n機関・住民\nる見守り\n等\n課題解決の達成度を測る指標\n"
)


def test_a_printed_line_written_as_two_lines_above_the_run_is_the_issue_s_and_the_policy_s():
    rows = _rows(_TWO_LINES_FIRST)
    assert rows[1] == [
        "冬期に訪問支援が途切れやすく、豪雪地域で孤立する精神障害者がいる",
        "冬期の見守り体制を市町村・民生委員と整え、オンラインでの面談も活用する",
        "行政",
        "見守り体制の調整、オンライン面談の環境整備",
    ]
    assert rows[2] == ["", "", "医療", "訪問看護による冬期の定期訪問"]
    assert rows[4] == ["", "", "その他関係機関・住民等", "民生委員、町内会による見守り"]


# a ward's two issues: the first record's issue and policy one printed line side by side (between the
# header's cells), their last lines after 行政's action; the second record's run above the first's 医療
_RESTS_AFTER_ACTION = (
    "入院後 3 か月時点\n\f課題\n\n課題解決に向けた取組方針\n\n"
    "区外の病院に入院している区民との 病院訪問を続け、退院支援委員会\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n訪問面接の実施、病院への\n\n働きかけ\n\n"
    "関係づくりが難しい\n\nへの参加を働きかける\n\n"
    "単身高齢者の退院後の見守りと住ま 高齢者あんしんセンターと住まい\nいの確保\n部会の連携\n\n"
    "医療\n\n退院支援委員会への地域の\n支援者の招へい\n\n福祉\n\n地域移行支援の提供\n\n"
    "その他関係機関\n・住民等\n\nピアサポーターの同行\n\n"
    "行政\n\n居住支援協議会との調整\n\n医療\n\n訪問看護の提供\n\n福祉\n\n地域定着支援、見守り\n\n"
    "その他関係機関\n・住民等\n\n高齢者あんしんセンターに\nよる見守り\n\n課題解決の達成度を測る指標\n"
)


def test_a_run_s_rest_after_the_first_role_s_action_is_told_from_it():
    # `働きかけ` goes on in the action above it (an action's lines come together), the next two are
    # the issue's and the policy's rest
    rows = _rows(_RESTS_AFTER_ACTION)
    assert rows[1] == [
        "区外の病院に入院している区民との関係づくりが難しい",
        "病院訪問を続け、退院支援委員会への参加を働きかける",
        "行政",
        "訪問面接の実施、病院への働きかけ",
    ]
    assert rows[5][:2] == ["単身高齢者の退院後の見守りと住まいの確保", "高齢者あんしんセンターと住まい部会の連携"]
    assert rows[8] == ["", "", "その他関係機関・住民等", "高齢者あんしんセンターによる見守り"]


# a city's two issues: `医療` ends the first record's side-by-side line, the issue's and the policy's
# last lines after it (the policy's as wide as its column), then the three actions after `福祉`
_WORD_ENDS_LINE = (
    "入院後 3 か月時点\n\f課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n行政\n\n"
    "地域移行支援の担い ① 相談支援事業所の参入を促す ②病 医療\n手が不足している\n"
    "院の退院支援担当者との分担を見直す\n福祉\n\n報酬加算の周知、研修の\n開催\n"
    "退院支援委員会での役割\n分担\n地域移行支援の受け入れ\n\n"
    "その他関係機\nピアサポーターの同行\n関・住民等\n\n行政\n\n区の担当者連絡会の開催\n\n医療\n"
    "区によって会議の内 区の会議の好事例を推進会議で共有す\n福祉\n容に差がある\nる\n\n"
    "基幹相談支援センターに\nよる区の会議への参加\n\nその他関係機\n関・住民等\n"
    "課題解決の達成度を測る指標 現状値 (今年度当初)\n"
)


def test_a_role_s_word_that_ends_the_line_and_actions_after_the_last_word_of_their_roles():
    rows = _rows(_WORD_ENDS_LINE)
    assert rows[1] == [
        "地域移行支援の担い手が不足している",
        "① 相談支援事業所の参入を促す ②病院の退院支援担当者との分担を見直す",
        "行政",
        "報酬加算の周知、研修の開催",
    ]
    assert rows[2] == ["", "", "医療", "退院支援委員会での役割分担"]
    assert rows[3] == ["", "", "福祉", "地域移行支援の受け入れ"]
    assert rows[4] == ["", "", "その他関係機関・住民等", "ピアサポーターの同行"]
    assert rows[5] == [
        "区によって会議の内容に差がある",
        "区の会議の好事例を推進会議で共有する",
        "行政",
        "区の担当者連絡会の開催",
    ]
    assert rows[7] == ["", "", "福祉", "基幹相談支援センターによる区の会議への参加"]
