"""A table header whose cells plain pdftotext of a LibreOffice PDF wrote apart, the first row's cell
of each column after its header cell: put back together, before the row."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, apply_form, form_state
from nikosheet.parsing.forms import header_cells_apart

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6 年 4 月時点)\n\n"  # a LibreOffice PDF's text: the renderer's gap before 月
ISSUES = (
    "2. 相談支援事業所のネットワークが活発である。\n課題\n\n"
    "長期入院者の退院後の住まい\nが不足している\n\n課題解決に向けた取\n組方針\n\n不動産関係団体との\n協議を行う\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n居住支援協議会との連携\n\n医療\n\n退院前カンファレンスへの参加促進"
)


def test_the_header_s_cells_come_before_the_first_row_s() -> None:
    text = SIGNAL + ISSUES
    lines = apply_form(header_cells_apart, text)
    start = text.split("\n").index("2. 相談支援事業所のネットワークが活発である。")
    assert lines[start : start + 16] == [
        "2. 相談支援事業所のネットワークが活発である。",
        "課題",
        "課題解決に向けた取",
        "組方針",
        "課題・方針に対する役割(取組)",
        "",
        "長期入院者の退院後の住まい",
        "が不足している",
        "",
        "",
        "不動産関係団体との",
        "協議を行う",
        "",
        "行政",
        "",
        "居住支援協議会との連携",
    ]
    assert sorted(filter(None, lines)) == sorted(filter(None, text.split("\n")))  # the same lines, moved


def test_a_header_whose_cells_are_together_or_two_boxes_apart_is_left() -> None:
    together = SIGNAL + "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n長期入院者\n\n行政"
    apart = ISSUES.replace("\n\n課題解決に向けた取", "\n\n病院が多い\n\n課題解決に向けた取")
    for text in (together, SIGNAL + apart):
        assert apply_form(header_cells_apart, text) == text.split("\n")


def test_the_samples_form_and_other_texts_are_left_alone() -> None:
    for path in (SAMPLES / "kashiwa-r6.txt", CONVERTERS / "kawaguchi-r5--pdftotext.txt"):
        text = path.read_text(encoding="utf-8")
        assert form_state(header_cells_apart, text).lines == text.split("\n")


def test_a_libreoffice_pdf_s_issues_read_by_pdftotext(parsed) -> None:
    from nikosheet import parse_file_data

    want = parsed("city-bold-headings-fy2023.txt")["strengths_and_issues"]["issues"]
    got = parse_file_data(CONVERTERS / "city-bold-headings-fy2023--lopdf-pdftotext.txt")["strengths_and_issues"]
    assert [{k: v for k, v in i.items() if k != "line"} for i in got["issues"]] == [
        {k: v for k, v in i.items() if k != "line"} for i in want
    ]


# a policy beside its roles' boxes, written in two boxes (the blank lines of its centring between them)
POLICY_IN_BOXES = (
    "・県の家族会連合会が協議の場に委員として参画している。\n課題\n\n"
    "中山間地域の町村では、協議の\n場を単独で設置・運営する専門\n職が不足している\n\n"
    "課題解決に向けた取組方針\n\n\n\n・圏域単位での共同設置を推\n\n\n\n進する\n・保健所が事務局の運営を支\n援する\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n保健所による共同設置の調整と事\n務局の支援\n\n"
    "医療\n\n圏域会議への参加、事例の提供\n\n福祉\n\n町村の相談支援体制への助言\n\n"
    "その他関\n係機関・\n住民等\n\n社会福祉協議会による見守り活動との連携\n"
)


def test_a_policy_cut_into_boxes_is_the_row_s_cell() -> None:
    text = SIGNAL + POLICY_IN_BOXES
    lines = [line for line in apply_form(header_cells_apart, text) if line]
    start = lines.index("課題")
    assert lines[start : start + 9] == [
        "課題",
        "課題解決に向けた取組方針",
        "課題・方針に対する役割(取組)",
        "中山間地域の町村では、協議の",
        "場を単独で設置・運営する専門",
        "職が不足している",
        "・圏域単位での共同設置を推",
        "進する",
        "・保健所が事務局の運営を支",
    ]


def test_boxes_that_are_not_one_cell_s_lines_leave_the_header() -> None:
    text = SIGNAL + POLICY_IN_BOXES.replace("・圏域単位での共同設置を推\n", "・圏域単位の設置\n")
    assert apply_form(header_cells_apart, text) == text.split("\n")


def test_the_issues_read_from_a_policy_cut_into_boxes() -> None:
    from nikosheet import parse_text

    issues = parse_text(
        SIGNAL + "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
        "【特徴(強み)】\n" + POLICY_IN_BOXES
    ).strengths_and_issues.issues
    assert [(i.issue, i.policies, i.roles.administration) for i in issues] == [
        (
            "中山間地域の町村では、協議の場を単独で設置・運営する専門職が不足している",
            ["圏域単位での共同設置を推進する", "保健所が事務局の運営を支援する"],
            ["保健所による共同設置の調整と事務局の支援"],
        )
    ]


# section 5's indicators as plain pdftotext wrote a core city's LibreOffice PDF: the first row's name
# in the header's first cell's box, the next two header cells on one line a space apart, the row's
# first value in their box
INDICATORS = (
    "その他関係機関・\n住民等\n課題解決の達成度を測る指標\n① 作業部会の開催\n\n"
    "現状値 (今年度当初) 目標値 (今年度末)\n年2回\n\n見込んでいる成果・効果\n\n年4回\n\n"
    "テーマごとの具体的な取組の実施\n\n② 支援者向け研修会の参加者数\n\n延べ 98 名\n"
)


def test_two_header_cells_on_one_line_and_the_first_row_s_name_in_the_first_s_box() -> None:
    text = SIGNAL + ISSUES + "\n" + INDICATORS
    lines = apply_form(header_cells_apart, text)
    start = text.split("\n").index("課題解決の達成度を測る指標")
    assert [line for line in lines[start : start + 9] if line] == [
        "課題解決の達成度を測る指標",
        "現状値 (今年度当初) 目標値 (今年度末)",
        "見込んでいる成果・効果",
        "① 作業部会の開催",
        "年2回",
        "年4回",
    ]
    assert sorted(filter(None, lines)) == sorted(filter(None, text.split("\n")))  # the same lines, moved


def test_the_indicators_read_from_a_libreoffice_pdf_s_text() -> None:
    from nikosheet import parse_text_data

    heading = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
    got = parse_text_data(SIGNAL + heading + ISSUES + "\n" + INDICATORS)
    rows = got["strengths_and_issues"]["indicators"]
    assert (rows[0]["name"], rows[0]["current"], rows[0]["target"]) == ("作業部会の開催", "年2回", "年4回")


# a prefecture's first issue: its policy's list cut into three boxes, the list's bullet drawn alone
# (the Symbol font's glyph) between two of them
BULLETED = (
    "・県の家族会連合会が協議の場に参画している。\n課題\n\n"
    "小規模町村では精神保健を担う専\n門職が少なく、協議の場を単独で\n設置・運営することが難しい\n\n"
    "課題解決に向けた取組方針\n\n\n\n・圏域単位での共同設置や\n\n\uf0b7\n\n"
    "自立支援協議会の部会の活\n用を推進する\n・保健所による伴走支援を\n\n\n\n"
    "継続する\n・オンライン会議の活用を\n進める\n\n"
    "課題・方針に対する役割(取組)\n\n\n・保健所職員による町村\n\n行政\n\n検討会の開催"
)


def test_a_list_s_bullet_drawn_alone_takes_no_place_of_the_row_s_boxes() -> None:
    text = SIGNAL + BULLETED
    lines = [line for line in apply_form(header_cells_apart, text) if line]
    start = lines.index("課題")
    assert lines[start : start + 6] == [
        "課題",
        "課題解決に向けた取組方針",
        "課題・方針に対する役割(取組)",
        "小規模町村では精神保健を担う専",
        "門職が少なく、協議の場を単独で",
        "設置・運営することが難しい",
    ]
    assert sorted(lines) == sorted(filter(None, text.split("\n")))  # the same lines, moved


def test_an_issue_below_its_header_cell_in_one_box_and_a_policy_cut_at_its_drawn_bullet() -> None:
    # the strengths' last item, `課題` and the first issue in one box; the policy's first line short of
    # its column by the bullet LibreOffice drew apart (`・` alone between its boxes)
    text = SIGNAL + (
        "2. 家族会の活動が活発である。\n課題\n1 年以上の長期入院者が多く、退院\n後の住まいが見つからない。\n\n"
        "課題解決に向けた取組方針\n\n\n・全病院への訪問を続け、\n\n・\n\n退院支援委員会に地域の支援\n者が参加できるようにする\n\n"
        "課題・方針に対する役割(取組)\n行政\n\n病院訪問の実施"
    )
    lines = apply_form(header_cells_apart, text)
    start = text.split("\n").index("課題")
    assert [line for line in lines[start : start + 6] if line] == [
        "課題",
        "課題解決に向けた取組方針",
        "課題・方針に対する役割(取組)",
        "1 年以上の長期入院者が多く、退院",
        "後の住まいが見つからない。",
    ]
    assert sorted(filter(None, lines)) == sorted(filter(None, text.split("\n")))  # the same lines, moved
