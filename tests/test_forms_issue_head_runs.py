"""Section 5's issues and policies of several groups written in a run, a band of lines at a time, before
their roles (pdfminer): each group's put back before its own first role."""

from __future__ import annotations

import nikosheet
from conftest import form_state
from nikosheet.parsing.forms import issue_head_runs

TITLE = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n"
HEADER = "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
# two groups' issues (19 characters wide) and policies (14 wide): the first lines of the first group's
# issue and policy, then their rests, then the second group's
HEADS = (
    "自立支援協議会に精神領域の部会がなく、\n精神障害のある方の地域生活の課題が協議\n\n"
    "自立支援協議会に精神保健福祉\n部会を設置し、連絡会議と役割\n\n"
    "されていない。\n\n"
    "を分ける。\n\n"
    "長期入院者の退院に向けた支援が病院任せ\nになっている。\n\n"
    "・病院への訪問を始める\n・地域移行支援の利用を勧める\n\n"
)
# the first group's roles, the second's first two, the actions of those, then the second's last two
# roles, each before its action (the first group's last role is empty)
ROLES = "行政\n\n医療\n\n福祉\n\nその他関係\n\n機関・住民\n等\n\n"
ACTIONS = (
    "行政\n\n医療\n\n部会の設置と運営\n\n部会への参加\n\n部会への参加、事例の\n\n提供\n\n病院訪問\n\n"
    "退院可能な方の情報提\n供\n\n福祉\n\n地域移行支援の実施\n\nその他関係\n\nなし\n\n機関・住民\n等\n\n"
)
INDICATORS = "\n課題解決の達成度を測る指標\t現状値 (今年度当初)\t目標値 (令和5年度末)\t見込んでいる成果・効果\n"
TEXT = HEADER + HEADS + ROLES + ACTIONS + INDICATORS


def test_the_second_group_s_heads_go_before_its_first_role() -> None:
    lines = [line for line in form_state(issue_head_runs, TEXT).lines if line]
    first = lines.index("自立支援協議会に精神領域の部会がなく、")
    assert lines[first : first + 6] == [
        "自立支援協議会に精神領域の部会がなく、",
        "精神障害のある方の地域生活の課題が協議",
        "されていない。",
        "自立支援協議会に精神保健福祉",
        "部会を設置し、連絡会議と役割",
        "を分ける。",
    ]
    second = lines.index("長期入院者の退院に向けた支援が病院任せ")
    assert lines[second - 1] == "等"
    assert lines[second + 2 : second + 6] == ["・病院への訪問を始める", "・地域移行支援の利用を勧める", "行政", "医療"]


def test_the_issues_and_policies_are_read_whole() -> None:
    issues = nikosheet.parse_text_data(TITLE + TEXT)["strengths_and_issues"]["issues"]
    assert [(i["issue"], i["policies"]) for i in issues] == [
        (
            "自立支援協議会に精神領域の部会がなく、精神障害のある方の地域生活の課題が協議されていない。",
            ["自立支援協議会に精神保健福祉部会を設置し、連絡会議と役割を分ける。"],
        ),
        (
            "長期入院者の退院に向けた支援が病院任せになっている。",
            ["病院への訪問を始める", "地域移行支援の利用を勧める"],
        ),
    ]
    assert issues[1]["roles"]["welfare"] == ["地域移行支援の実施"]
    assert issues[1]["roles"]["others"] == ["なし"]


def test_a_run_with_fewer_groups_roles_after_it_is_left_as_it_was() -> None:
    """Two groups' heads with one group's roles after them: not two groups' heads."""
    text = HEADER + HEADS + "行政\n\n医療\n\n福祉\n\n" + INDICATORS
    assert form_state(issue_head_runs, text).lines == text.split("\n")


def test_a_run_after_the_first_roles_is_left_as_it_was() -> None:
    """Four actions of one width, then the next group's issue and policy, after the first group's roles:
    a run that does not open the table's body may be the group above's actions."""
    actions = "精神科病院への訪問と退院意\n向の確認\n\n退院支援委員会への地域援助\n事業者の参加\n\n"
    text = HEADER + "課題Ａ\n\n方針Ａ\n\n" + ROLES + actions * 2 + "課題Ｂ\n\n方針Ｂ\n\n" + ROLES * 3 + INDICATORS
    assert form_state(issue_head_runs, text).lines == text.split("\n")


# a group's actions before its roles' words: the group above's last role's action after its word, then
# the next group's actions, then its words (the issues and the policies 14 characters wide, one a list)
ABOVE_HEADS = (
    "長期入院者のうち65歳以上が6\n割を超え、介護保険サービスを\n\n"
    "・地域移行部会に地域包括支援\nセンターの参加を求める\n\n"
    "使った退院の調整に時間がかか\nる\n\n"
    "・支援者向け研修会で介護と障\n害福祉の制度の違いを学ぶ\n\n"
    "グループホームの空きが少な\nく、退院を希望しても住まいが\n決まらない\n\n"
    "グループホームの空き情報を毎\n月集めて共有し、新たな開設を\n希望する事業者には相談に応じ\n\n"
    "る\n\n"
)
AFTER_ACTIONS = (
    "行政\n\n医療\n\n福祉\n\n"
    "・部会、研修会の開催\n・長寿包括ケア課との連携\n\n"
    "退院支援委員会での介護支援専\n門員との情報共有\n\n"
    "・地域移行支援の提供\n・介護保険サービスへの移行の\n\n支援\n\n"
    "その他関\n\n地域包括支援センター、介護支\n\n援専門員の部会参加\n\n"
    "空き情報の集約と提供\n\n－\n\nグループホームの空き情報の提\n供、体験利用の受け入れ\n\n"
    "係機関・\n住民等\n\n"
    "行政\n\n医療\n\n福祉\n\nその他関\n係機関・\n\n住民等\n\n"
)


def test_a_group_s_heads_go_before_its_actions_written_before_its_roles() -> None:
    issues = nikosheet.parse_text_data(TITLE + HEADER + ABOVE_HEADS + AFTER_ACTIONS + INDICATORS)[
        "strengths_and_issues"
    ]["issues"]
    assert [i["issue"] for i in issues] == [
        "長期入院者のうち65歳以上が6割を超え、介護保険サービスを使った退院の調整に時間がかかる",
        "グループホームの空きが少なく、退院を希望しても住まいが決まらない",
    ]
    assert issues[0]["roles"]["others"] == ["地域包括支援センター、介護支援専門員の部会参加"]
    assert issues[1]["roles"]["administration"] == ["空き情報の集約と提供"]
    assert issues[1]["roles"]["welfare"] == ["グループホームの空き情報の提供、体験利用の受け入れ"]


def test_one_group_s_first_lines_and_rests_are_not_two_groups() -> None:
    """The first group's issue and policy, each filling its column, then their rests, before its roles;
    the next group's written with its own roles: read as two groups too, the run is left."""
    text = (
        HEADER
        + "長期入院者の退院に向けた働きか\nけが病院ごとに大きく異なってお\n\n"
        + "ピアサポーターの病院訪問を全\n病院に広げ、合同研修を行うこ\n\n"
        + "り、退院支援が進まない\n\nとで地域との連携を強める\n\n"
        + ROLES
        + "病院訪問の調整\n\nピアサポーターの受け入れ\n\n地域移行支援の実施\n\n家族会による交流会\n\n"
        + "地域による取組の差が大きい\n\n好事例を区全体で共有する\n\n"
        + ROLES
        + "連絡会の運営支援\n\n連絡会への参加\n\n事例の提供\n\n民生委員の参加\n\n"
        + INDICATORS
    )
    assert form_state(issue_head_runs, text).lines == text.split("\n")
