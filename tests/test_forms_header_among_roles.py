"""Section 5's indicators header whose first cells plain pdftotext of a Chromium PDF wrote among the
issues' last roles: the roles' rest goes back to its issue, and the indicators are read."""

from __future__ import annotations

from conftest import apply_form
from nikosheet import parse_text_data
from nikosheet.parsing.forms import header_among_roles

TITLE = "精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
NEXT = "精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
# a core city's sheet: the last issue's roles are taller than its issue and policy, so the boxes under
# those two (the indicators header's first two cells) come before the roles' rest
TEXT = (
    f"5\n\n{TITLE}\n\n【特徴(強み)】\n・市内の精神科病院すべてが協議の場に参画している。\n"
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "退院先となる住まいが不足し、長期入院者\nの退院が進まない。\n\n"
    "・居住支援法人と住まいの確保\nの手順を整理する\n\n行政\n\n・居住支援協議会の開催\n\n"
    "医療\n\n退院前訪問の実施\n\n福祉\n\nグループホームの空き情報\nの提供\n\n"
    "その他関\n係機関・\n住民等\n\n不動産事業者の協力\n\n"
    "山間部では訪問できる事業所が少なく\n、医療中断につながりやすい\n\n"
    "保健所の定期訪問と見守りの担い\n手の育成を組み合わせる\n\n行政\n\n"
    "保健所による定期訪\n問、見守り講座の\n開催\n\n"
    "課題解決の達成度を測る指標\n\n現状値 (今年度\n当初)\n\n"
    "医療\n\n訪問看護、オンライ\nンによる相談\n\n福祉\n\n相談支援専門員の同\n行訪問\n\n"
    "その他関\n係機関・\n\n民生委員による見守\n\n住民等\n\nり\n\n"
    "目標値 (令和6年\n度末)\n\n見込んでいる成果・効果\n\n"
    "①退院支援の開始件数\n\n12件\n\n20件\n\n長期入院者の退院の促進\n\n"
    "②見守りの担い手の数\n\n40人\n\n80人\n\n山間部での見守りの広がり\n\n"
    f"6\n\n{NEXT}\n"
)


def test_the_header_s_first_cells_go_after_the_roles() -> None:
    lines = [line for line in apply_form(header_among_roles, TEXT) if line]
    header = lines.index("課題解決の達成度を測る指標")
    assert lines[header - 1] == "り"
    assert lines[header : header + 6] == [
        "課題解決の達成度を測る指標",
        "現状値 (今年度",
        "当初)",
        "目標値 (令和6年",
        "度末)",
        "見込んでいる成果・効果",
    ]
    assert lines[lines.index("開催") + 1] == "医療"


def test_the_last_issue_s_roles_and_the_indicators_are_read() -> None:
    strengths = parse_text_data(TEXT)["strengths_and_issues"]
    roles = strengths["issues"][1]["roles"]
    assert roles["administration"] == ["保健所による定期訪問、見守り講座の開催"]
    assert roles["medical"] == ["訪問看護、オンラインによる相談"]
    assert roles["welfare"] == ["相談支援専門員の同行訪問"]
    assert roles["others"] == ["民生委員による見守り"]
    assert (strengths["current_as_of"], strengths["target_as_of"]) == ("今年度当初", "令和6年度末")
    got = [(i["number"], i["name"], i["current"], i["target"]) for i in strengths["indicators"]]
    assert got == [(1, "退院支援の開始件数", "12件", "20件"), (2, "見守りの担い手の数", "40人", "80人")]


def test_a_row_among_the_header_s_boxes_leaves_the_lines_as_they_are() -> None:
    text = TEXT.replace("医療\n\n訪問看護", "①退院支援\n\n医療\n\n訪問看護")
    assert apply_form(header_among_roles, text) == text.split("\n")


def test_a_header_whose_boxes_stand_together_stays_as_it_is() -> None:
    text = TEXT.replace("現状値 (今年度\n当初)\n\n", "").replace(
        "目標値 (令和6年\n度末)", "現状値 (今年度\n当初)\n\n目標値 (令和6年\n度末)"
    )
    text = text.replace("課題解決の達成度を測る指標\n\n医療", "医療").replace(
        "現状値 (今年度\n当初)\n\n目標値", "課題解決の達成度を測る指標\n\n現状値 (今年度\n当初)\n\n目標値"
    )
    assert apply_form(header_among_roles, text) == text.split("\n")


# a prefecture's sheet as plain pdftotext writes its LibreOffice PDF: the header's first cell before the
# last issue's rest, its other cells in one box with the roles' last lines, side by side on a line
LIBRE = (
    f"5\n\n{TITLE}\n\n【特徴(強み)】\n・保健所が圏域ごとに協議の場の事務局を担っている。\n"
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "市町協議の場が未設置の市町が\nある\n\n"
    "保健所が市町の自立支援協議会に参加し、\n既存の会議体を活用した設置を支援する\n\n"
    "行政\n\n保健所による市町への個別助言\n\n医療\n\n市町の協議への参加協力\n\n"
    "福祉\n\n部会運営への協力\n\nその他関係\n機関・住民 家族会、当事者の参画\n等\n"
    "行政\n【人材育成】精神障害者への支\n援経験が少ない事業所が多く、\n支援者の不安が大きい\n\n"
    "課題解決の達成度を測る指標\n\n"
    "研修会の企画・開催、事例検\n討会の開催\n\n"
    "研修会への講師協力\n多職種が共に学ぶ研修を継続し、身近な相 医療\n"
    "談先として保健所・精神保健福祉センター 福祉\n研修会への参加\nを周知する\n"
    "その他関係\n機関・住民 研修会への参加\n等\n"
    "現状値 (今年度当 目標値 (令和 5 年度\n初)\n末)\n\n見込んでいる成果・効果\n\n"
    "① 地域移行支援の利用件数\n\n33件\n\n40件\n\n長期入院者の退院を促進する\n\n"
    "② ピアサポーター活動者数\n\n9名\n\n15名\n\n当事者の視点を生かした支援を広げる\n\n"
    f"6\n\n{NEXT}\n"
)


def test_a_libreoffice_box_of_the_roles_last_lines_and_the_header_s_cells_is_cut_in_two() -> None:
    lines = apply_form(header_among_roles, LIBRE)
    assert len(lines) == len(LIBRE.split("\n"))
    kept = [line for line in lines if line]
    header = kept.index("課題解決の達成度を測る指標")
    assert kept[header - 2 : header] == ["機関・住民 研修会への参加", "等"]
    header_cells = ["現状値 (今年度当 目標値 (令和 5 年度", "初)", "末)", "見込んでいる成果・効果"]
    assert kept[header + 1 : header + 5] == header_cells


def test_the_libreoffice_sheet_s_planned_indicators_are_read() -> None:
    strengths = parse_text_data(LIBRE)["strengths_and_issues"]
    assert (strengths["current_as_of"], strengths["target_as_of"]) == ("今年度当初", "令和5年度末")
    got = [(i["number"], i["name"], i["current"], i["target"]) for i in strengths["indicators"]]
    assert got == [(1, "地域移行支援の利用件数", "33件", "40件"), (2, "ピアサポーター活動者数", "9名", "15名")]
