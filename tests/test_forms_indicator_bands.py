"""Indicator rows written a printed line at a time (plain pdftotext of a Chromium PDF): the name's
wrapped rest after the row's values, and the effects after the next row's name, put back."""

from __future__ import annotations

from nikosheet.parsing import forms
from nikosheet.parsing.forms import cell_lines_tables

# the planned indicators of a sheet as plain pdftotext writes them: the header's first cell wrapped
# (its width is the name column's), each name's rest after its row's two values, the second row's
# effects after the third row's name
_BANDED = (
    "課題解決の達成度を測る指\n\n現状値（今年度当初） 目標値（令和5\n\n標\n\n見込んでいる成果・効果\n\n年度末）\n\n"
    "①オンライン連絡会を実施\n\n3区\n\n7区\n\nした区の数\n\n"
    "中山間地域の支援機関も連絡会に参加でき\nるようになり、区の課題の把握が進む。\n\n"
    "②引継ぎ手順書による退院\n\n未集計\n\n年100件\n\n前カンファレンスの件数\n"
    "③ピアサポーターの派遣回\n\n精神科救急で入院した人が、退院後すぐに\n地域の支援につながる。\n\n"
    "年15回\n\n年20回\n\n数\n\n入院者が退院後の生活を具体的に考えるき\nっかけになる。"
)


# the issues' table above it, as the sheet has it (its header cell `課題` alone on a line tells the
# forms that the text holds tables written a cell a line)
_ISSUES = (
    "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n退院後の住まいが少ない\n居住支援法人と連携する\n"
    "行政\n住まいワーキングの運営\n医療\n外泊の調整\n福祉\n体験利用\nその他関係機関・住民等\n物件の紹介\n"
)


# a header written a cell a line (PyMuPDF, pypdf), its first cell whole on its line
_CELL_A_LINE = "課題解決の達成度を測る指標\n現状値 (今年度当初)\n目標値 (今年度末)\n見込んでいる成果・効果\n"


def _rows(text: str) -> list[list[str]]:
    """The indicators' table's rows as the converter forms rebuild them below the issues', each as its cells."""
    lines = forms.rewrite((_ISSUES + text).split("\n")).lines
    rows = [line.split("\t") for line in lines if line and "\t" in line]
    return rows[next(k for k, row in enumerate(rows) if row[0].startswith("課題解決")) :]


def test_a_name_wrapped_round_its_values_is_made_whole():
    rows = _rows(_BANDED)
    effects = "中山間地域の支援機関も連絡会に参加できるようになり、区の課題の把握が進む。"
    assert rows[1] == ["①オンライン連絡会を実施した区の数", "3区", "7区", effects]
    effects = "入院者が退院後の生活を具体的に考えるきっかけになる。"
    assert rows[3] == ["③ピアサポーターの派遣回数", "年15回", "年20回", effects]


def test_effects_written_after_the_next_name_go_back_to_their_row():
    effects = "精神科救急で入院した人が、退院後すぐに地域の支援につながる。"
    assert _rows(_BANDED)[2] == ["②引継ぎ手順書による退院前カンファレンスの件数", "未集計", "年100件", effects]


def test_a_short_effects_cell_after_a_whole_name_stays_the_effects():
    # a cell a line (PyMuPDF): the first name ends at its column's end without wrapping, as wide as the
    # second's first line, which wrapped; its effects are short and end without a full stop
    rows = _rows(
        _CELL_A_LINE + "①地域移行支援の新規利用者数\n年11人\n年15人\n長期入院者の退院促進\n"
        "②地域包括支援センターとの合同\n事例検討会\n未実施\n年3回\n障害福祉と介護の相互理解"
    )
    assert rows[1][0] == "①地域移行支援の新規利用者数"
    assert rows[1][3] == "長期入院者の退院促進"
    assert rows[2][0] == "②地域包括支援センターとの合同事例検討会"


def test_a_name_wrapped_a_line_after_each_of_its_effects_lines():
    # pdfminer's bands: the name's first line, the values, the effects' first line, the name's second,
    # the effects' second
    row = (
        "②引継ぎ手順書による退院\n\n未集計\n\n年100件\n\n精神科救急で入院した人が、退院後すぐに\n\n"
        "前カンファレンスの件数\n\n地域の支援につながる。\n\n"
    )
    text = _BANDED.replace("②引継ぎ手順書による退院\n\n未集計\n\n年100件\n\n前カンファレンスの件数\n", row)
    text = text.replace("精神科救急で入院した人が、退院後すぐに\n地域の支援につながる。\n\n", "")
    effects = "精神科救急で入院した人が、退院後すぐに地域の支援につながる。"
    assert _rows(text)[2] == ["②引継ぎ手順書による退院前カンファレンスの件数", "未集計", "年100件", effects]


def test_cells_a_converter_joined_on_the_name_s_line_are_no_band():
    # pypdf: `③支援者の人材育成 研修会3回 受` `講者200人`: the name's line holds the next cells
    rows = _rows(
        _CELL_A_LINE + "①地域包括支援センターとの合同\n事例検討会\n未実施\n年3回\n障害福祉と介護の相互理解\n"
        "②支援者の人材育成の研修会開催 研修会3回 受\n講者200人\n研修会3回 受\n講者236人\n関係づくりが進んだ。"
    )
    assert not rows[2][0].endswith("受")


# two rows written in pairs of bands: the first name's first line, its values and effects, the second
# row's values and effects' first line, the first name's rest with the second name, its effects' rest
_PAIRED = (
    "課題解決の達成度を\n\n現状値 (今年度当初)\n\n目標値 (今年度末) 見込んでいる成果・効\n\n測る指標\n\n果\n\n"
    "①地域移行支援の利\n\n年12人\n\n年15人\n\n長期入院者の退院促進\n\n年20回\n\n○○\n\n入院者の退院意欲の喚\n\n"
    "用者数\n②ピアサポーターの\n病院訪問回数\n\n起\n"
)


def test_two_rows_written_in_pairs_of_bands_are_put_apart():
    rows = _rows(_PAIRED)
    assert rows[1] == ["①地域移行支援の利用者数", "年12人", "年15人", "長期入院者の退院促進"]
    assert rows[2] == ["②ピアサポーターの病院訪問回数", "年20回", "○○", "入院者の退院意欲の喚起"]


def test_rows_in_pairs_whose_second_effects_ended_have_no_rest():
    # the second row's effects end a sentence before the name's rest: the line after its name is no rest
    rows = _rows(_PAIRED.replace("入院者の退院意欲の喚\n", "入院者の退院意欲の喚起。\n"))
    assert rows[1][0] != "①地域移行支援の利用者数"  # left to the cut: not read as pairs


def test_a_value_centred_amid_a_name_s_lines_goes_after_the_name():
    # pdftotext of a LibreOffice PDF (the renderer's spaces already out): the target's one line beside
    # the name's four, written between its second and third
    header = "課題解決の達成度を測 目標値 (R4年度当 実績値 (R4年度\nる指標\n初)\n末)\n\n具体的な成果・効果\n\n"
    body = (
        "① 精神科病院に1年以\n上入院している区民の\n25件\nうち、入院中から退院\n支援を開始した者の数\n\n19件\n\n"
        "訪問先の病院と話し合えるようになった。\n\n② ピアサポーターの養\n修了者 15名\n成\n\n修了者 11名\n\n"
        "修了者のうち6名が病院訪問に参加した。\n"
    )
    text = _ISSUES + "\n" + header + body
    state = forms.FormState(text.split("\n"), text)
    cell_lines_tables.apply(state)  # (as the chain reads such a table where `indicator_boxes` leaves it)
    rows = [line.split("\t") for line in state.lines if line and line.startswith(("課題解決", "①", "②"))]
    name = "① 精神科病院に1年以上入院している区民のうち、入院中から退院支援を開始した者の数"
    assert rows[1] == [name, "25件", "19件", "訪問先の病院と話し合えるようになった。"]
    assert rows[2][-1] == "修了者のうち6名が病院訪問に参加した。"


# plain pdftotext of a LibreOffice PDF (core-kanazawa's planned indicators, the renderer's gaps in
# it): a name that fills its column has its first value beside it on one line, a space apart, and
# the row's other cells after it; section 1's as-of date and the issues' table above, a box at a time
_BOXED_ISSUES = (
    "入院後 3 か月時点\n\n５ 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n行政\n\n退院支援\n\n医療\n\n福祉\n\n"
    "その他関係機\n関・住民等\n\n"
)
_VALUE_BESIDE = (
    "課題解決の達成度を測る指標\n① 地域移行支援の利用者数\n\n現状値 (今年度当初) 目標値 (今年度末)\n\n"
    "見込んでいる成果・効果\n\n21 人\n\n30 人\n\n長期入院者の退院が進む\n\n"
    "② 地域移行支援を実施する事業所数 5 か所\n\n8 か所\n\n受け皿となる事業所が増える\n\n"
    "③ 合同事例検討会の開催\n\n年2回\n\n年4回\n\n障害と高齢の支援者の連携が進む\n"
)


def test_a_value_beside_its_name_on_one_line_is_a_cell_of_its_own():
    lines = forms.rewrite((_BOXED_ISSUES + _VALUE_BESIDE).split("\n")).lines
    rows = [line.split("\t") for line in lines if line and "\t" in line]
    assert rows[-2] == ["② 地域移行支援を実施する事業所数", "5か所", "8か所", "受け皿となる事業所が増える"]
    assert rows[-1] == ["③ 合同事例検討会の開催", "年2回", "年4回", "障害と高齢の支援者の連携が進む"]


def test_a_name_s_rest_under_its_line_shared_with_the_first_value_goes_on_the_name() -> None:
    # pdftotext: the name's first line and the current value on one printed line, a space apart, the
    # name's wrapped rest right below (no blank line between), then the target's box
    text = (
        _CELL_A_LINE
        + "\n①ピアサポーターが訪問する病院 3病院\n数\n\n8病院\n\n"
        + "市内全病院の入院者が退院後の生活を考え\nる機会をもてる\n\n"
        + "②居住支援の事例検討会の開 0回\n催\n\n年3回\n\n住まいの確保に向けた住宅部局との連携\n"
    )
    assert [row[:3] for row in _rows(text)[1:]] == [
        ["①ピアサポーターが訪問する病院数", "3病院", "8病院"],
        ["②居住支援の事例検討会の開催", "0回", "年3回"],
    ]
