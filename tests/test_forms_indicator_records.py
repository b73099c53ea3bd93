"""Section 4's indicators table in plain pdftotext's text of a LibreOffice PDF, each row's boxes
together below a header woven with the first row: read a row at a time."""

from __future__ import annotations

from conftest import form_state, rewritten_rows
from nikosheet.parsing.forms import indicator_records

SIGNAL = "人口 (R6 年 4 月時点)\n\f\n名称\n"  # a LibreOffice PDF's text, a header cell a line
TITLE = "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
NEXT = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
HEADER = "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果"

# a prefecture's table: the first row's name before the interleaved header cells, a value before an
# effect's text on its line, the third row's effects written after the fourth row's values
TEXT = SIGNAL + "\n".join(
    (
        TITLE,
        "＜令和5年度までの成果・効果＞",
        "課題解決の達",
        "成度を測る指",
        "標",
        "①1年以上の",
        "長期入院者数",
        "",
        "目標値 (R5 実績値 (R5",
        "年度当初)",
        "年度末)",
        "1,900人",
        "",
        "1,969人",
        "",
        "具体的な成果・効果",
        "",
        "\uf0b7",
        "",
        "・地域移行支援員が11病院を訪問し、長期入院者132名と個別面接",
        "",
        "\uf0b7",
        "",
        "を行った。",
        "・退院意欲を示した38名のうち、17名が年度内に退院した。",
        "",
        "② 市町村の協",
        "議の場の設置",
        "数",
        "",
        "15市町村",
        "",
        "圏域会議で設置済みの市町村の運営例を紹介し、2市町が新たに設置した。未",
        "13市町村 設置の町村では厚生センターが事務局を補う形を検討している。",
        "",
        "③ ピアサポー",
        "ターの活動件",
        "数",
        "",
        "年120件",
        "",
        "年151件",
        "",
        "④ 精神保健福",
        "祉研修の受講",
        "者数",
        "",
        "400人",
        "",
        "358人",
        "",
        "\uf0b7",
        "",
        "・病院内茶話会への参加が3病院から7病院に増えた。",
        "",
        "\uf0b7",
        "",
        "・体験談の講演を高校の保健授業で行い、延べ640名の生徒が聴講し",
        "た。",
        "",
        "介護支援専門員向けの研修を初めて開き、84名が受講した。医療機関職員の",
        "受講は伸び悩んだ。",
        "",
        NEXT,
    )
)


def test_each_row_is_read_with_its_values_and_effects():
    rows = rewritten_rows(TEXT)
    assert rows[0] == HEADER.split("\t")
    assert [row[:3] for row in rows[1:]] == [
        ["①1年以上の長期入院者数", "1,900人", "1,969人"],
        ["② 市町村の協議の場の設置数", "15市町村", "13市町村"],
        ["③ ピアサポーターの活動件数", "年120件", "年151件"],
        ["④ 精神保健福祉研修の受講者数", "400人", "358人"],
    ]
    assert "・地域移行支援員が11病院を訪問し、長期入院者132名と個別面接を行った。" in rows[1][3]
    assert rows[2][3] == (
        "圏域会議で設置済みの市町村の運営例を紹介し、2市町が新たに設置した。未設置の町村では厚生センターが"
        "事務局を補う形を検討している。"
    )
    assert "・体験談の講演を高校の保健授業で行い、延べ640名の生徒が聴講した。" in rows[3][3]
    assert rows[4][3] == "介護支援専門員向けの研修を初めて開き、84名が受講した。医療機関職員の受講は伸び悩んだ。"


def test_a_value_right_below_an_items_unended_line_leaves_the_table_alone():
    text = TEXT.replace("・退院意欲を示した38名のうち、17名が年度内に退院した。", "・退院意欲を示した人の数\n38人")
    state = form_state(indicator_records, text)
    assert not any(line and "\t" in line for line in state.lines)


# a core city's table (as pdftotext wrote it, before `autospace`): a row's second value written after its
# effects' items, its name's rest after its first value
WOVEN = SIGNAL + "\n".join(
    (
        TITLE,
        "<昨年度までの成果・効果>",
        "課題解決の達成度を 目標値 (昨年 実績値 (昨",
        "測る指標",
        "度当初)",
        "年度末)",
        "",
        "① 地域移行支援の利",
        "年 15 人",
        "用者数",
        "",
        "具体的な成果・効果",
        "\uf0b7",
        "",
        "・地域移行部会で病院ごとの長期入院者の状況を共有し、支援",
        "",
        "\uf0b7",
        "",
        "の対象者を掘り起こした。",
        "・高齢の入院者は介護保険サービスへのつなぎが必要であり、",
        "",
        "年 11 人",
        "",
        "長寿包括ケア課との連携を強めている。",
        "② 支援者向け研修会",
        "100 人",
        "の参加者数",
        "",
        "126 人",
        "",
        "相談支援専門員、介護支援専門員、病院の精神保健福祉士が同じグル",
        "ープで事例を検討することで、互いの役割を知る機会となった。",
        "",
        NEXT,
    )
)


def test_a_value_after_its_rows_effects_is_the_rows_result():
    state = form_state(indicator_records, WOVEN)
    rows = [line.split("\t") for line in state.lines if line and "\t" in line]
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(昨年度当初)", "実績値(昨年度末)", "具体的な成果・効果"]
    assert [row[:3] for row in rows[1:]] == [
        ["① 地域移行支援の利用者数", "年 15 人", "年 11 人"],
        ["② 支援者向け研修会の参加者数", "100 人", "126 人"],
    ]
    assert "・高齢の入院者は介護保険サービスへのつなぎが必要であり、長寿包括ケア課との連携を強めている。" in rows[1][3]


def test_a_short_effect_after_both_values_is_never_read_into_the_name():
    # `目標を達成した。` after the row's two values, no wider than its name's line: an effect, not the name's rest
    segment = [("① 研修の受講者数", False), ("30人", True), ("40人", True), ("目標を達成した。", True)]
    assert indicator_records._record(segment) is None


# rewritten from a prefecture's table written a printed line at a time: the first row's name's second
# line, its two values and its effects' second line on one line (the effects' first line above it, the
# name's last between the effects' lines), a value beside the name's second line, a value before an
# effect's line, and a last row whose one value stood beside its name, its effects a short box of its own
BANDS = SIGNAL + "\n".join(
    (
        TITLE,
        "＜令和 4 年度までの成果・効果＞",
        "課題解決の達",
        "目標値 (R4 実績値 (R4",
        "成度を測る指",
        "年度当初)",
        "年度末)",
        "標",
        "",
        "具体的な成果・効果",
        "",
        "① 町村にお",
        "保健所が未設置の町村を訪問し、近隣の町村と共同で設置する方法を示",
        "ける協議の場 40 町村 36 町村 したことで、前年度から 9 町村が新たに設置した。小規模な町村では単独での設",
        "の設置数",
        "置が難しく、共同設置を選んだ町村が多かった。",
        "②1 年以上の",
        "2,400 人",
        "長期入院者数",
        "",
        "目標には届かなかったが、実態調査により退院できると見込まれる方が",
        "2,516 人 約 300 人いることが分かり、圏域ごとに支援の対象者を絞り込めた。",
        "",
        "③ ピアサポー",
        "ター養成研修 30 人",
        "修了者数",
        "",
        "34 人",
        "",
        "2 か所で研修を開催し、修了者のうち 12 人が病院への訪問活動に参加した。",
        "",
        "④ 退院後支援",
        "計画の作成件 200 件",
        "数",
        "",
        "集計中",
        "",
        NEXT,
    )
)


def test_rows_written_a_printed_line_at_a_time_are_read():
    rows = rewritten_rows(BANDS)
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"]
    assert [row[:3] for row in rows[1:]] == [
        ["① 町村における協議の場の設置数", "40町村", "36町村"],
        ["②1年以上の長期入院者数", "2,400人", "2,516人"],
        ["③ ピアサポーター養成研修修了者数", "30人", "34人"],
        ["④ 退院後支援計画の作成件数", "200件", ""],
    ]
    assert rows[1][3] == (
        "保健所が未設置の町村を訪問し、近隣の町村と共同で設置する方法を示したことで、前年度から9町村が新たに"
        "設置した。小規模な町村では単独での設置が難しく、共同設置を選んだ町村が多かった。"
    )
    assert rows[4][3] == "集計中"


# rewritten from a designated city's table: the first row's two values on one line between its name's
# lines, the second row's target beside its name's first line (its rest below the name's), its result a
# box of two lines, and a last row of its name alone
SIDE = SIGNAL + "\n".join(
    (
        TITLE,
        "<昨年度までの成果・効果>",
        "課題解決の達成度を測 目標値 (昨年度当",
        "る指標",
        "初)",
        "",
        "実績値 (昨年度",
        "末)",
        "",
        "具体的な成果・効果",
        "",
        "① 長期入院者の退院支",
        "訪問した病院で退院支援の対象者を共有し、28 人が地域移",
        "病院訪問 12 病院 病院訪問 11 病院",
        "援",
        "行支援の利用を検討した。",
        "② 措置入院者の退院後 支援計画の作成",
        "支援",
        "率 70%",
        "",
        "支援計画の作成",
        "率 78%",
        "",
        "退院後に区の保健師が継続して関わり、再入院が減少し",
        "た。",
        "",
        "③－",
        "",
        NEXT,
    )
)


def test_values_on_one_line_beside_the_name_or_wrapped_in_their_box_are_read():
    rows = rewritten_rows(SIDE)
    assert rows[1:] == [
        [
            "① 長期入院者の退院支援",
            "病院訪問12病院",
            "病院訪問11病院",
            "訪問した病院で退院支援の対象者を共有し、28人が地域移行支援の利用を検討した。",
        ],
        [
            "② 措置入院者の退院後支援",
            "支援計画の作成率 70%",  # (`率 70%`, a value's piece alone on its line: the space the sheets write)
            "支援計画の作成率 78%",
            "退院後に区の保健師が継続して関わり、再入院が減少した。",
        ],
        ["③－", "", "", ""],
    ]


# the header's cells each a box apart, two side by side on one line, the first row's name and values
# written between the header's first lines and its brackets' rests (`年度当初)`, `年度末)`)
APART = SIGNAL + "\n".join(
    (
        TITLE,
        "＜令和4年度までの成果・効果＞",
        "課題解決の達成度",
        "",
        "目標値 (R4 実績値 (R4",
        "",
        "具体的な成果・効果",
        "",
        "\fを測る指標",
        "",
        "① 市町村における",
        "協議の場の設置数",
        "",
        "年度当初)",
        "",
        "30 市町村",
        "",
        "年度末)",
        "",
        "28 市町村",
        "",
        "\uf0b7",
        "",
        "・未設置の町村に福祉保健所が出向き、設置方法を提案した。",
        "・4町村が共同で協議の場を設置した。",
        "② ピアサポーター",
        "登録者数",
        "25 人",
        "27 人",
        "養成研修の修了者のうち、4名が新たに登録した。",
        NEXT,
    )
)


def test_a_header_whose_cells_stand_apart_among_the_first_rows_lines_is_found():
    rows = rewritten_rows(APART)
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"]
    assert [row[:3] for row in rows[1:3]] == [
        ["① 市町村における協議の場の設置数", "30市町村", "28市町村"],
        ["② ピアサポーター登録者数", "25人", "27人"],
    ]
