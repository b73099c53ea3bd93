"""Section 4's indicators table whose columns' boxes pdfminer wrote woven together: each box put back
in its column, each column's cells in row order."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import indicator_streams, rewrite, signals

CONVERTERS = FIXTURES / "converters"
SIGNAL = "人口 (R6年4月時点)\n\n名称\n"  # a Chromium PDF's text, a header cell a line

# an excerpt of pref-fy2024--pdfminer.txt: the header's cells a band of lines at a time, the first
# name's rest after its row's values, the next names before their values, the first effects' rest
# after them
TEXT = SIGNAL + "\n\n".join(
    (
        "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の達成度を測",
        "目標値 (R5年",
        "実績値 (R5年",
        "具体的な成果・効果",
        "る指標",
        "度当初)",
        "度末)",
        "①市町における協議の",
        "30市町",
        "27市町",
        "・未設置の市町へアドバイザーを派遣し、設置に向けた助",
        "場の設置",
        "②精神科病院からの地\n域移行者数",
        "③支援者の人材育成",
        "言を行った。 ・圏域の協議の場で市町の取組事例を共有\nし、設置の機運が高まった。",
        "年120人",
        "年104人",
        "・ピアサポーターの病院訪問により、長期入院者の退院意\n欲の喚起につながった。",
        "研修会3回 受\n講者200人",
        "研修会3回 受\n講者236人",
        "・市町・相談支援事業所・精神科病院の職員が合同で受講\nし、顔の見える関係づくりが進んだ。",
        "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)
ROWS = [
    "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果",
    "①市町における協議の場の設置\t30市町\t27市町\t・未設置の市町へアドバイザーを派遣し、設置に向けた助言を行った。"
    " ・圏域の協議の場で市町の取組事例を共有し、設置の機運が高まった。",
    "②精神科病院からの地域移行者数\t年120人\t年104人\t・ピアサポーターの病院訪問により、長期入院者の退院意欲の喚起につながった。",
    "③支援者の人材育成\t研修会3回 受講者200人\t研修会3回 受講者236人"
    "\t・市町・相談支援事業所・精神科病院の職員が合同で受講し、顔の見える関係づくりが進んだ。",
]


def test_the_signal_is_a_chromium_pdf_s_text():
    assert signals.indicator_streams(TEXT)
    assert not signals.indicator_streams(TEXT.replace("R6年4月時点", "R6 年 4 月時点"))


def test_each_box_goes_back_to_its_column_and_row():
    state = form_state(indicator_streams, TEXT)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和5年度までの成果・効果＞") + 1
    assert lines[start:-1] == ROWS
    assert not state.notes


def test_a_row_with_one_value_keeps_it_below_the_table_and_warns():
    text = TEXT.replace("研修会3回 受\n講者236人\n\n", "")  # 目標値 or 実績値 left empty: which, untold
    state = form_state(indicator_streams, text)
    lines = [line for line in state.lines if line]
    effects = "・市町・相談支援事業所・精神科病院の職員が合同で受講し、顔の見える関係づくりが進んだ。"
    assert f"③支援者の人材育成\t\t\t{effects}" in lines
    assert lines[-2] == "研修会3回 受講者200人"
    assert [(code, message.split(":")[0]) for code, _, message in state.notes] == [
        (Diagnostic.MISSING_TABLE, "indicator '支援者の人材育成'")
    ]


def test_a_name_s_rest_or_a_value_s_that_cannot_be_told_leaves_the_lines():
    text = TEXT.replace("27市町", "合計27")  # a value still open when the name's rest comes
    state = form_state(indicator_streams, text)
    assert state.lines == text.split("\n")


def test_the_sheet_reads_its_indicators():
    from nikosheet import parse_file_data

    got = parse_file_data(CONVERTERS / "ward-nerima-fy2023--pdfminer.txt")
    indicators = got["outcomes"]["indicators"]
    assert [i["name"] for i in indicators] == ["区外病院との連携", "ピアサポーターの養成", "区民への普及啓発"]
    assert indicators[1]["target"] == ["修了者 15名"]
    assert indicators[1]["actual"] == ["修了者 11名"]
    assert indicators[0]["effects"][1] == "入院早期から退院後の生活を一緒に考える事例が増えた。"
    assert any(d["code"] == "missing-table" and "区民への普及啓発" in d["message"] for d in got["diagnostics"])


def test_a_line_of_two_cells_a_space_apart_is_cut_in_two():
    cut = indicator_streams._cut
    assert cut([(9, "③地域移行支援の利用者数 年50人", True)]) == [
        [(9, "③地域移行支援の利用者数", True)],
        [(9, "年50人", False)],
    ]
    assert [b[0][1] for b in cut([(9, "新規対象者 20人 新規対象者 17人", True)])] == [
        "新規対象者 20人",
        "新規対象者 17人",
    ]
    assert [b[0][1] for b in cut([(9, "輪番病院 8病院 夜間休日の受入れ体制を維持した。", True)])] == [
        "輪番病院 8病院",
        "夜間休日の受入れ体制を維持した。",
    ]
    for whole in ("こころの健康講座 年3回", "連携会議の開催 連携会議1回"):
        assert cut([(9, whole, True)]) == [[(9, whole, True)]]


def test_a_header_and_no_row_is_left_alone():
    # pdfminer of a section 4 whose table has no row: nothing to read, nothing rewritten
    text = SIGNAL + "\n\n".join(
        (
            "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
            "課題解決の達成度を測る指標",
            "目標値 (R5年度当初)",
            "実績値 (R5年度末)",
            "具体的な成果・効果",
            "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
        )
    )
    assert form_state(indicator_streams, text).lines == text.split("\n")


# a one-row table (pdfminer of a converted sheet's): the header's cells a band of lines at a time, the
# name and each value wrapped into boxes of a narrow column's lines, the effects a numbered list
# whose first item starts with the row's own number
ONE_ROW = SIGNAL + "\n\n".join(
    (
        "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和4年度までの成果・効果＞",
        "課題解決の\n目標値\n実績値\n具体的な成果・効果\n達成度を測\nる指標\n(R4年\n度当初)\n(R4年度\n末)",
        "①保健・医\n療・福祉の\n関係者によ",
        "る顔の見え\nる関係づく\nり",
        "連絡会\nの開催\n（年4\n回）",
        "連絡会の\n開催（年4\n回、延べ",
        "①事例検討を通して、病院の精神保健福祉士と相談支援専門員が互いの役割を\n知ることができた。"
        " ②退院前のカンファレンスに地域の支援者が参加する例\nが増えた（前年度3件→今年度11件）。",
        "128人参\n加）",
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_a_table_of_one_row_is_read():
    state = form_state(indicator_streams, ONE_ROW)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和4年度までの成果・効果＞") + 1
    assert lines[start] == "課題解決の達成度を測る指標\t目標値(R4年度当初)\t実績値(R4年度末)\t具体的な成果・効果"
    name, target, actual, effects = lines[start + 1].split("\t")
    assert (name, target) == ("①保健・医療・福祉の関係者による顔の見える関係づくり", "連絡会の開催（年4回）")
    assert actual.startswith("連絡会の開催（年4回、延べ") and actual.endswith("128人参加）")
    assert effects.startswith("①事例検討を通して、") and effects.endswith("（前年度3件→今年度11件）。")
    assert not state.notes


# a special ward's table (pdfminer): both names first, then the targets top to bottom, the actuals,
# and the effects: read across, `40人` and `3回` would be one indicator's target and actual
BY_COLUMN = SIGNAL + "\n\n".join(
    (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和4年度までの成果・効果＞",
        "課題解決の達成度を測る指\n標",
        "目標値 (R4年度当\n初)",
        "実績値 (R4年度\n末)",
        "具体的な成果・効果",
        "①アウトリーチの実人数",
        "②病院との連絡会の開催",
        "40人",
        "3回",
        "36人",
        "3回",
        "未治療の方のうち半数が受診につながった。",
        "近隣区の病院の相談員との顔の見える関係ができ\nた。",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_values_written_a_column_at_a_time_go_down_their_column_where_units_tell():
    state = form_state(indicator_streams, BY_COLUMN)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和4年度までの成果・効果＞") + 1
    assert lines[start:-1] == [
        "課題解決の達成度を測る指標\t目標値(R4年度当初)\t実績値(R4年度末)\t具体的な成果・効果",
        "①アウトリーチの実人数\t40人\t36人\t未治療の方のうち半数が受診につながった。",
        "②病院との連絡会の開催\t3回\t3回\t近隣区の病院の相談員との顔の見える関係ができた。",
    ]
    assert not state.notes
    # values all in one unit tell no column from another: read across, as a row's boxes mostly come
    text = BY_COLUMN.replace("3回", "30人", 1).replace("\n3回", "\n28人")  # every value a count of people
    lines = [line for line in form_state(indicator_streams, text).lines if line]
    assert "①アウトリーチの実人数\t40人\t30人\t未治療の方のうち半数が受診につながった。" in lines


def test_names_a_column_then_values_a_row_at_a_time_through_the_chain():
    # a core city's table (pdfminer): the names first, then each row's two values, then the effects;
    # `box_grid` leaves it (read as three columns across, the effects' sentences would be values)
    boxes = (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "<昨年度までの成果・効果>",
        *("課題解決の達成度を\n測る指標", "目標値 (昨年度\n当初)", "実績値 (昨年度末) 具体的な成果・効果"),
        *("①地域移行出張相談\nの実施病院数", "②ピアサポーターの\n登録者数", "③支援者向け研修の\n受講者数"),
        *("6病院", "5病院", "12人", "15人", "延べ120人", "延べ143人"),
        "出張相談をきっかけに地域移行支援の申請が9件あっ\nた。",
        "病院訪問に同行し、入院者に退院後の生活を具体的に\n伝えることができた。",
        "障害と介護の支援者が同じ研修を受け、相互の制度を\n知る機会となった。",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    text = SIGNAL + "\n\n".join(boxes)
    lines = [line for line in rewrite(text.split("\n")).lines if line and "\t" in line]
    assert lines[-3:] == [
        "①地域移行出張相談の実施病院数\t6病院\t5病院\t出張相談をきっかけに地域移行支援の申請が9件あった。",
        "②ピアサポーターの登録者数\t12人\t15人\t病院訪問に同行し、入院者に退院後の生活を具体的に伝えることができた。",
        "③支援者向け研修の受講者数\t延べ120人\t延べ143人\t障害と介護の支援者が同じ研修を受け、相互の制度を知る機会となった。",
    ]


# an excerpt of a pdfminer text: the first row's values before the header's wrapped rest and the first
# name (they stand lower in the row)
STANDING_LOW = SIGNAL + "\n\n".join(
    (
        "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の",
        "目標値 (R5年",
        "実績値 (R5年",
        "具体的な成果・効果",
        "度当初)",
        "度末)",
        "32市町村",
        "29市町村",
        "達成度を測\nる指標",
        "①市町村の\n協議の場の\n設置数",
        "・新たに4町が協議の場を設置した。\n・未設置の6町村のうち4町村は圏域会議との合同開催を予定してい\nる。",
        "②アウトリ\nーチ支援の\n実施圏域数",
        "7圏域",
        "6圏域",
        "・2圏域で訪問を始めた。",
        "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_values_before_the_first_name_are_read():
    state = form_state(indicator_streams, STANDING_LOW)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和5年度までの成果・効果＞") + 1
    assert lines[start:-1] == [
        "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果",
        "①市町村の協議の場の設置数\t32市町村\t29市町村"
        "\t・新たに4町が協議の場を設置した。 ・未設置の6町村のうち4町村は圏域会議との合同開催を予定している。",
        "②アウトリーチ支援の実施圏域数\t7圏域\t6圏域\t・2圏域で訪問を始めた。",
    ]
    assert not state.notes
    # a sentence before the first name is no value of its: the lines are left to the readers after
    text = STANDING_LOW.replace("32市町村\n\n29市町村", "32市町村\n\n協議の場の設置が進んだ。\n\n29市町村")
    assert "課題解決の" in form_state(indicator_streams, text).lines
    # a last row with no effects box: the sheet's empty cell, or effects a box above took; left as they are
    text = STANDING_LOW.replace("\n\n・2圏域で訪問を始めた。", "")
    assert "課題解決の" in form_state(indicator_streams, text).lines


# an excerpt of a city's pdfminer text: the first row's two values and its effects' first line on one
# line, a space apart, its name's rest after them
ROW_LINE = SIGNAL + "\n\n".join(
    (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和4年度までの成果・効果＞",
        "課題解決の\n達成度を測",
        "目標値 (R4年度\n当初)",
        "実績値 (R4年度\n末)",
        "具体的な成果・効果",
        "る指標",
        "①地区別ネ",
        "5地区で各2回 5地区で計9回 真備地区は災害関連の相談対応を優先したため1回の開催となっ",
        "ットワーク\n会議の開催",
        "②連携シー\nトの活用件\n数",
        "20件",
        "14件",
        "たが、他の4地区では予定どおり開催し、地区ごとの社会資源マ\nップの作成に着手した。",
        "・精神科病院3か所で試行し、退院前カンファレンスに地域の支\n援者が参加する事例が増えた。",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_a_line_of_a_row_s_values_and_effects_side_by_side_is_cut_into_its_cells():
    state = form_state(indicator_streams, ROW_LINE)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和4年度までの成果・効果＞") + 1
    assert lines[start:-1] == [
        "課題解決の達成度を測る指標\t目標値(R4年度当初)\t実績値(R4年度末)\t具体的な成果・効果",
        "①地区別ネットワーク会議の開催\t5地区で各2回\t5地区で計9回"
        "\t真備地区は災害関連の相談対応を優先したため1回の開催となったが、他の4地区では予定どおり開催し、"
        "地区ごとの社会資源マップの作成に着手した。",
        "②連携シートの活用件数\t20件\t14件\t・精神科病院3か所で試行し、退院前カンファレンスに地域の支援者が参加する事例が増えた。",
    ]


def test_a_line_of_words_a_space_apart_with_no_count_is_no_row():
    text = ROW_LINE.replace("5地区で各2回 5地区で計9回", "地区ごとに 会議を")
    state = form_state(indicator_streams, text)
    assert not any("\t" in line and line.startswith("①") for line in state.lines)


# an excerpt of a ward's pdfminer text: the last row's name, values and effects on one line, a space
# apart; the row above has no effects (the sheet's cell is empty)
NAME_LINE = SIGNAL + "\n\n".join(
    (
        "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和4年度までの成果・効果＞",
        "課題解決の達成度を測る指標 目標値 (R4年度当",
        "実績値 (R4年",
        "具体的な成果・効果",
        "初)",
        "度末)",
        "①ピア相談の利用件数",
        "年120件",
        "年146件",
        "ピアサポーターが相談を受けることで、医療や",
        "福祉の窓口につながっていなかった方の相談が\n増えた。",
        "②メンタルヘルス・ファース\nトエイド研修の受講者数",
        "100人",
        "87人",
        "③長期入院者の退院意向調査 区内5病院で実施 4病院で実施 1病院は感染症対策のため次年度に延期した。",
        "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
)


def test_a_name_s_line_holding_its_row_s_cells_gives_them_to_its_row():
    state = form_state(indicator_streams, NAME_LINE)
    lines = [line for line in state.lines if line]
    start = lines.index("＜令和4年度までの成果・効果＞") + 1
    assert lines[start + 1 :] == [
        "①ピア相談の利用件数\t年120件\t年146件\tピアサポーターが相談を受けることで、医療や福祉の窓口につながっていなかった方の相談が増えた。",
        "②メンタルヘルス・ファーストエイド研修の受講者数\t100人\t87人\t",
        "③長期入院者の退院意向調査\t区内5病院で実施\t4病院で実施\t1病院は感染症対策のため次年度に延期した。",
        "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    ]
    assert not state.notes


def test_a_row_with_no_effects_before_a_row_of_many_lines_leaves_the_lines():
    text = NAME_LINE.replace(
        "③長期入院者の退院意向調査 区内5病院で実施 4病院で実施 1病院は感染症対策のため次年度に延期した。",
        "③長期入院者の退院意向調査\n\n区内5病院で実施\n\n4病院で実施\n\n1病院は感染症対策のため次年度に延期した。",
    )
    state = form_state(indicator_streams, text)
    assert not any(line.startswith("②") and "\t" in line for line in state.lines)


def _rows(blocks: tuple[str, ...]) -> list[str]:
    """The lines the form leaves between the section's caption and the next section."""
    state = form_state(indicator_streams, SIGNAL + "\n\n".join(blocks))
    lines = [line for line in state.lines if line]
    start = next(k for k, line in enumerate(lines) if line.startswith("＜")) + 1
    return lines[start:-1]


HEADER = "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果"


def test_a_box_of_two_values_and_effects_on_its_first_line_is_cut_and_a_last_row_may_have_no_effects():
    # designated-kitakyushu-fy2024--pdfminer (study set): the first row's values and the effects' first
    # line on one line, the effects' rest below it in the box; the last row's effects left empty
    blocks = (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の達\n成度を測る指\n標",
        "目標値 (R5年度\n当初)",
        "実績値 (R5年\n度末)",
        "具体的な成果・効果",
        "①区にも包括\n連絡会の開催",
        "7区で年21回 7区で年19回 各区で事例検討を中心とした連絡会を開催し、区の地域課題とし\n"
        "て「受診につながらない方への支援」「高齢の精神障害者の住ま",
        "回数",
        "い」が共通して挙げられた。",
        "②ピアサポー",
        "年30回",
        "年34回",
        "・精神科病院5か所へ派遣し、長期入院者との交流会を行った。",
        "・地域活動支援センターでの体験談の発表を行い、利用者や職員\nの理解が深まった。",
        "2,500人",
        "2,567人",
        "目標には届かなかったが、地域移行支援の利用者は前年度の18\n人から26人に増加した。",
        "年40人",
        "年37人",
        "ターの派遣回\n数",
        "③精神病床に\nおける1年以上\n長期入院者数",
        "④アウトリー\nチ支援の新規",
        "対象者数",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    assert _rows(blocks) == [
        HEADER,
        "①区にも包括連絡会の開催回数\t7区で年21回\t7区で年19回\t各区で事例検討を中心とした連絡会を開催し、"
        "区の地域課題として「受診につながらない方への支援」「高齢の精神障害者の住まい」が共通して挙げられた。",
        "②ピアサポーターの派遣回数\t年30回\t年34回\t・精神科病院5か所へ派遣し、長期入院者との交流会を行った。"
        " ・地域活動支援センターでの体験談の発表を行い、利用者や職員の理解が深まった。",
        "③精神病床における1年以上長期入院者数\t2,500人\t2,567人"
        "\t目標には届かなかったが、地域移行支援の利用者は前年度の18人から26人に増加した。",
        "④アウトリーチ支援の新規対象者数\t年40人\t年37人\t",
    ]


def test_a_list_s_item_after_other_rows_values_goes_on_the_list_and_value_lists_split_by_their_labels():
    # pref-niigata-fy2024--pdfminer (study set): `・残る…` after the second row's values is the first
    # row's list's; `・地域移行支援…` after the last rows' values the third's; `・登録者数 30人` `・病院訪問
    # 40回` the 目標値 and `・登録者数 34人` (the first item's label again) the 実績値; `魚沼）` closes the
    # name's bracket
    blocks = (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の達\n成度を測る指\n標",
        "①市町村の協\n議の場の設置",
        "数",
        "②1年以上長\n期入院者数",
        "目標値 (R5\n年度当初)",
        "実績値 (R5\n年度末)",
        "具体的な成果・効果",
        "26市町村",
        "24市町村 ・保健所が未設置の8町村を個別訪問し、うち2町村が自立支援協議会の",
        "3,150人",
        "3,282人",
        "部会として設置した。",
        "・残る6町村のうち4町村は、小規模で専門職が少ないことから、圏域単\n位での共同設置を検討している。",
        "長期入院者数は前年より減少したものの、高齢化に伴う身体合併症の増\n加や、退院先となる住まいの不足により、目標には届かなかった。一方\n"
        "で、退院意向調査により退院の意向が確認された方のうち、約3割が地",
        "域援助事業者との面接につながった。",
        "③地域移行支",
        "年80人",
        "年67人",
        "・下越・中越圏域では前年比で増加した。",
        "援の利用者数",
        "④ピアサポー\nターの登録者",
        "数・病院訪問\n回数",
        "⑤アウトリー\nチによる支援\n者数（佐渡・",
        "魚沼）",
        "・登録者数\n30人",
        "・病院訪問\n40回",
        "・登録者数\n34人",
        "・病院訪問\n45回",
        "40人",
        "52人",
        "・地域移行支援を行う事業所が1か所のみの圏域があり、利用が伸び悩\nんだ。",
        "病院内での体験発表や茶話会を通じて、入院中の方から「退院後の生活\nを具体的に考えるきっかけになった」との声が聞かれた。",
        "医療中断者や未治療者を訪問により医療・福祉につなぎ、支援開始後6\nか月以内の再入院は3人にとどまった。",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    rows = [row.split("\t") for row in _rows(blocks)]
    assert [row[0] for row in rows[1:]] == [
        "①市町村の協議の場の設置数",
        "②1年以上長期入院者数",
        "③地域移行支援の利用者数",
        "④ピアサポーターの登録者数・病院訪問回数",
        "⑤アウトリーチによる支援者数（佐渡・魚沼）",
    ]
    assert rows[1][3].endswith(
        "・残る6町村のうち4町村は、小規模で専門職が少ないことから、圏域単位での共同設置を検討している。"
    )
    assert rows[3][3] == (
        "・下越・中越圏域では前年比で増加した。 ・地域移行支援を行う事業所が1か所のみの圏域があり、利用が伸び悩んだ。"
    )
    assert rows[4][1:3] == ["・登録者数 30人 ・病院訪問 40回", "・登録者数 34人 ・病院訪問 45回"]
    assert rows[5][1:3] == ["40人", "52人"]


def test_a_name_cut_after_a_particle_takes_its_rest_and_a_value_with_no_count_is_whole():
    # ward-toshima-fy2024--pdfminer (study set): `③居住支援` `協議会での` `協議`, and `住まい部会の設置`
    # (no count) whole where the 実績値 beside it ended
    blocks = (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和5年度までの成果・効果＞",
        "課題解決の",
        "目標値 (R5年度当",
        "実績値 (R5年度末)",
        "具体的な成果・効果",
        "初)",
        "年20件",
        "年23件",
        "達成度を測\nる指標",
        "①区外の精\n神科病院へ\nの訪問件数",
        "実態調査で把握した長期入院者のうち、退院意向の\nある方を中心に訪問し、6名が地域移行支援の利用に\nつながった。",
        "②こころの",
        "区民ひろば2か所で",
        "区民ひろば2か所で計11",
        "・延べ87名が参加し、うち14名は精神科に通院中で",
        "カフェの開\n催",
        "試行",
        "回開催",
        "住まい部会の設置 設置済み（2回開催）",
        "③居住支援\n協議会での",
        "協議",
        "あることを初めて地域の支援者に話した。\n・CSWが継続して関わることで、区民ひろばの他の\n事業に参加する方も出てきた。",
        "不動産関係団体から、入居後の相談先が明確であれ\nば受入れを検討できるとの意見があった。",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    rows = [row.split("\t") for row in _rows(blocks)]
    assert rows[2][:3] == ["②こころのカフェの開催", "区民ひろば2か所で試行", "区民ひろば2か所で計11回開催"]
    assert rows[3] == [
        "③居住支援協議会での協議",
        "住まい部会の設置",
        "設置済み（2回開催）",
        "不動産関係団体から、入居後の相談先が明確であれば受入れを検討できるとの意見があった。",
    ]


def test_a_list_s_next_item_after_an_item_s_rest_goes_on_the_list_of_the_last_value_s_row():
    # pref-kochi-fy2023--pdfminer (study set): `実施した。` `・退院支援委員会…` (the first item's rest,
    # then the next) and `・一方で…` are the second row's list
    blocks = (
        "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "＜令和4年度までの成果・効果＞",
        "課題解決の達成",
        "目標値 (R4年",
        "実績値 (R4",
        "具体的な成果・効果",
        "度を測る指標",
        "度当初)",
        "年度末)",
        "①市町村におけ",
        "30市町村",
        "28市町村",
        "・未設置の町村に福祉保健所が出向き、既存の地域ケア会議や自",
        "る協議の場の設\n置数",
        "立支援協議会の部会を活用した設置方法を提案した。\n・嶺北地域の4町村が共同で協議の場を設置し、小規模町村でも連",
        "携して取り組めるモデルとなった。",
        "②1年以上の長",
        "年90人",
        "年76人",
        "・ピアサポーターのオンライン面会を再開し、延べ41回の面会を",
        "期入院者の退院\n者数",
        "③ピアサポータ\nー登録者数",
        "④にも包括人材\n育成研修の受講\n者数",
        "実施した。\n・退院支援委員会への地域援助事業者の参加が増え、退院前から\nの関係づくりが進んだ。",
        "・一方で、退院先となるグループホームの空きが中央圏域に集中\nしており、郡部の病院からの退院は伸び悩んだ。",
        "25人",
        "27人",
        "養成研修の修了者のうち、4名が新たに登録し、うち2名は幡多圏\n域在住者であり、西部での派遣体制が整い始めた。",
        "80人",
        "112人",
        "市町村保健師、相談支援専門員、介護支援専門員が同じグループ\nで事例検討を行い、分野を越えた顔の見える関係づくりにつなが\nった。",
        "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    rows = [row.split("\t") for row in _rows(blocks)]
    assert rows[2][3].startswith("・ピアサポーターのオンライン面会を再開し、延べ41回の面会を実施した。 ・退院支援")
    assert rows[2][3].endswith(
        "・一方で、退院先となるグループホームの空きが中央圏域に集中しており、郡部の病院からの退院は伸び悩んだ。"
    )
    assert rows[3][1:3] == ["25人", "27人"]
    assert rows[4][:3] == ["④にも包括人材育成研修の受講者数", "80人", "112人"]


def test_a_names_column_written_after_the_other_columns_is_read_first():
    # core-asahikawa-fy2024--pdfminer (study set): the narrow names' column, its header cell's lines
    # (`課題` `解決` …) and the names a box of two lines each, after every other box of the table
    blocks = (
        "4  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果",
        "<昨年度までの成果・効果>",
        "目標値 (昨年度当初) 実績値 (昨年度末)",
        "具体的な成果・効果",
        "退院支援事業によ",
        "退院者 7人（うち2人は",
        "退院意向アンケートで退院を希望した方のうち、病院と相",
        "る退院者 10人",
        "グループホーム、5人は\n単身生活）",
        "談支援事業所が協働して支援計画を立てた方の多くが退院\nにつながった。一方、冬期（12月～3月）に退院を予定し",
        "ていた方の一部が、住まいの除雪や通院手段の確保ができ\nないことを理由に退院を春に延期した。",
        "年24回",
        "年18回",
        "市内5病院で実施。",
        "モデル対象者 5人 4人",
        "社会福祉協議会の除雪ボランティア、買い物支援事業と調\n整し、対象者全員が冬期も在宅生活を継続できた。",
        "課題\n解決\nの達",
        "成度\nを測\nる指",
        "標",
        "①長",
        "期入\n院者",
        "の退\n院支\n援",
        "②ピ\nアサ",
        "ポー\nター\nの病",
        "院訪\n問",
        "③冬\n期の",
        "退院\n後生\n活支",
        "援",
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
    )
    state = form_state(indicator_streams, SIGNAL + "\n\n".join(blocks))
    lines = [line for line in state.lines if line]
    start = lines.index("<昨年度までの成果・効果>") + 1
    rows = [line.split("\t") for line in lines[start:-1]]
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(昨年度当初)", "実績値(昨年度末)", "具体的な成果・効果"]
    assert rows[1][:3] == [
        "①長期入院者の退院支援",
        "退院支援事業による退院者 10人",
        "退院者 7人（うち2人はグループホーム、5人は単身生活）",
    ]
    assert rows[1][3].endswith("住まいの除雪や通院手段の確保ができないことを理由に退院を春に延期した。")
    assert rows[2] == ["②ピアサポーターの病院訪問", "年24回", "年18回", "市内5病院で実施。"]
    assert rows[3][:3] == ["③冬期の退院後生活支援", "モデル対象者 5人", "4人"]
    assert len(rows) == 4


# section 5's indicators as pdfminer wrote core-asahikawa-fy2024's Chromium PDF: its short rows a band at a
# time, each column's cells of the rows read so far together (two names, their 現状値, a name, its 現状値 …,
# then every 目標値, then every row's effects: no sentence among them)
PLANNED = SIGNAL + "\n\n".join(
    (
        "5  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
        "その他関係機関・住民等\n\n家族会による家族教室",
        "課題解決の達成度を測る指標",
        "現状値 (今年度当初) 目標値 (今年度末) 見込んでいる成果・効果",
        "①退院支援事業による退院者数",
        "②冬期生活支援の対象者数",
        "7人",
        "4人",
        "③ピアサポーターの病院訪問回数",
        "年18回",
        "④市民向け講演会の参加者数",
        "80人",
        "12人",
        "10人",
        "年24回",
        "150人",
        "長期入院者の地域移行の促進",
        "冬期も在宅生活を継続できる",
        "入院者の退院意欲の喚起",
        "精神障害への市民の理解促進",
        "6  精神障害にも対応した地域包括ケアシステムの構築のための連携状況",
    )
)


def test_section_5_s_short_rows_written_a_column_at_a_time_are_read_down_each_column():
    rows = [line for line in form_state(indicator_streams, PLANNED).lines if line and "\t" in line]
    assert rows == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(今年度末)\t見込んでいる成果・効果",
        "①退院支援事業による退院者数\t7人\t12人\t長期入院者の地域移行の促進",
        "②冬期生活支援の対象者数\t4人\t10人\t冬期も在宅生活を継続できる",
        "③ピアサポーターの病院訪問回数\t年18回\t年24回\t入院者の退院意欲の喚起",
        "④市民向け講演会の参加者数\t80人\t150人\t精神障害への市民の理解促進",
    ]


def test_section_5_s_late_first_value_woven_name_and_the_next_section_s_number():
    # core-himeji-fy2024's pdftotext: a value on the name's first line, a space apart; the last row's value
    # beside its name written after its effects, after the next section's number written apart
    text = SIGNAL + "\n\n".join(
        (
            "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題",
            "課題解決の達成度を測る指標",
            "現状値 (今年度\n当初)",
            "目標値 (今年度末) 見込んでいる成果・効果",
            "①地域移行支援の新規利用者数",
            "年11人",
            "年15人",
            "長期入院者の退院促進",
            "②地域包括支援センターとの合同 未実施\n事例検討会",
            "年3回",
            "障害福祉と介護の相互理解",
            "③社会資源マップの作成",
            "作成・配布",
            "退院支援で住まい・日中活動の情報を活\n用できる",
            "6",
            "なし",
            "精神障害にも対応した地域包括ケアシステムの構築のための連携状況",
        )
    )
    lines = form_state(indicator_streams, text).lines
    rows = [line for line in lines if line and "\t" in line]
    assert rows[2:] == [
        "②地域包括支援センターとの合同事例検討会\t未実施\t年3回\t障害福祉と介護の相互理解",
        "③社会資源マップの作成\tなし\t作成・配布\t退院支援で住まい・日中活動の情報を活用できる",
    ]
    assert "6" in lines  # the number stays where it stands, for the heading below
