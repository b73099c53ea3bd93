"""Section 5's issues and policies written first, a box each in turn, then the roles and their actions
(pdfminer): the issues and policies read, the actions kept as text below the table."""

from __future__ import annotations

from conftest import form_state, rewritten_rows
from nikosheet.parsing.forms import issue_heads

HEADER = "課題\n\n課題解決に向けた取組方\n針\n\n課題・方針に対する役割(取組)\n\n"
PAIRS = (
    "退院後の住まいの確保が難\nしい\n\n居住支援法人, 不動産事業\n者との連携\n\n"
    "精神障害への理解が十分で\nない\n\n当事者の体験発表を取り\n入れた普及啓発\n\n"
    "医療と地域支援者の連携が\n十分でない\n\n精神科病院訪問, 合同研修\nの実施\n\n"
)
ROLES = "行政\n\n医療\n\n福祉\n\nその他関係機\n関・住民等\n\n"
ACTIONS = (
    "住まいの作業部会の運営\n\nグループホーム体験利用の受け入れ\n\n講演会, 出前講座の開催\n\n講師協力\n\n"
    "病院訪問, 合同研修の企画\n\n研修への参加\n\n"
)
INDICATORS = "課題解決の達成度を測る指標 現状値 (今年度当\n"
TEXT = HEADER + PAIRS + ROLES * 2 + ACTIONS + ROLES + INDICATORS


def test_the_issues_and_policies_are_the_rows_and_the_actions_text_below() -> None:
    state = form_state(issue_heads, TEXT)
    lines = [line for line in state.lines if line is not None]
    assert lines[:4] == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)",
        "退院後の住まいの確保が難しい\t居住支援法人, 不動産事業者との連携\t行政",
        "\t\t医療",
        "\t\t福祉",
    ]
    assert "精神障害への理解が十分でない\t当事者の体験発表を取り入れた普及啓発\t行政" in lines
    assert "医療と地域支援者の連携が十分でない\t精神科病院訪問, 合同研修の実施\t行政" in lines
    below = lines[lines.index("") + 1 :]
    assert below[:3] == ["住まいの作業部会の運営", "グループホーム体験利用の受け入れ", "講演会, 出前講座の開催"]
    assert [code.value for code, _, _ in state.notes] == ["missing-table"]
    assert "6 actions" in state.notes[0][2]


def test_the_chain_reads_three_issues() -> None:
    rows = rewritten_rows(TEXT)
    assert [row[0] for row in rows if row[0]][1:] == [
        "退院後の住まいの確保が難しい",
        "精神障害への理解が十分でない",
        "医療と地域支援者の連携が十分でない",
    ]


def test_a_box_ending_on_a_full_line_leaves_the_table() -> None:
    banded = TEXT.replace("精神障害への理解が十分で\nない", "精神障害への理解が十分で\n精神障害への理解が十分で")
    assert form_state(issue_heads, banded).lines == banded.split("\n")


def test_groups_short_of_the_roles_leave_the_table() -> None:
    fewer = TEXT.replace(PAIRS, PAIRS.split("医療と地域")[0])
    assert form_state(issue_heads, fewer).lines == fewer.split("\n")


def test_every_action_before_every_role_s_word() -> None:
    """pdfminer may write all the actions right after the issues and policies, then all the roles'
    words: the first boxes, two a group, are still the rows."""
    state = form_state(issue_heads, HEADER + PAIRS + ACTIONS + ROLES * 3 + INDICATORS)
    lines = [line for line in state.lines if line is not None]
    assert lines[1] == "退院後の住まいの確保が難しい\t居住支援法人, 不動産事業者との連携\t行政"
    assert "医療と地域支援者の連携が十分でない\t精神科病院訪問, 合同研修の実施\t行政" in lines
    below = lines[lines.index("") + 1 :]
    assert below[:2] == ["住まいの作業部会の運営", "グループホーム体験利用の受け入れ"]
    assert "6 actions" in state.notes[0][2]
