"""Section 5's indicator header whose pieces stand among the issues' boxes above its rows (plain
pdftotext of a LibreOffice PDF)."""

from __future__ import annotations

from conftest import apply_form
from nikosheet.parsing.forms import indicator_boxes

SIGNAL = "人口 (R5 年 4 月時点)\n"  # a LibreOffice PDF's text

# an excerpt of kawaguchi-r5's text: the header's pieces among the last issue's boxes
SCATTERED = (
    SIGNAL + "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n行政\n\n"
    "障害福祉サービスを利用していな\nい方等のキャッチアップ機能や伴\n走的支援体制が確立されていない\n\n"
    "課題解決の達成度を測る指標\n\n等への参加、講\n師協力\n\n"
    "目標値 (令和 5 年\n度末)\n\n研修会、会議等への参\n加\n\n現状値 (今年度当\n初)\n\n"
    "その他関\n係機関・\n住民等\n\n研修会、会議等への参\n加、講師協力\n\n見込んでいる成果・効果\n\n"
    "①「川口市精神保健福祉地域連携票」\n9件\nの活用\n\n10 件\n\n医療、保健、福祉の分野を越えた連携を\n促す\n\n"
    "② 地域課題解決に向けた具体的方策の\n2回\n検討\n\n2回\n\n協議の場で具体的な取り組みを決め、実\n施する\n\n"
    "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。"
)


def test_the_header_s_pieces_among_the_issues_make_one_header_above_the_rows():
    source = SCATTERED.split("\n")
    lines = apply_form(indicator_boxes, SCATTERED)
    rows = [ln for ln in lines if ln and "\t" in ln]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(令和5年度末)\t見込んでいる成果・効果",
        "①「川口市精神保健福祉地域連携票」の活用\t9件\t10 件\t医療、保健、福祉の分野を越えた連携を促す",
        "② 地域課題解決に向けた具体的方策の検討\t2回\t2回\t協議の場で具体的な取り組みを決め、実施する",
    ]
    assert lines.index(rows[0]) == source.index("見込んでいる成果・効果")  # right above the rows
    for piece in ("課題解決の達成度を測る指標", "目標値 (令和 5 年", "度末)", "現状値 (今年度当", "初)"):
        assert lines[source.index(piece)] is None  # taken into the header
    assert lines[source.index("等への参加、講")] == "等への参加、講"  # the issues' boxes stay


def test_pieces_that_make_less_than_the_header_leave_the_lines():
    text = SCATTERED.replace("現状値 (今年度当\n初)\n\n", "")
    assert apply_form(indicator_boxes, text) == text.split("\n")


def test_a_header_right_above_its_rows_is_left_to_the_boxes_reader():
    lines = SCATTERED.split("\n")
    header = ["課題解決の達成度を測る指標", "", "現状値 (今年度当", "初)", "", "目標値 (令和 5 年", "度末)", ""]
    moved = [ln for ln in lines if ln not in header[:1] + header[2:4] + header[5:7]]
    at = moved.index("見込んでいる成果・効果")
    text = "\n".join(moved[:at] + header + moved[at:])
    lines = apply_form(indicator_boxes, text)
    assert lines[at] is not None and lines[at].startswith("課題解決の達成度を測る指標\t")  # at its first piece
