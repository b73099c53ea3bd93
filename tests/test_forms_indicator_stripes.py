"""Indicator rows written a stripe at a time (plain pdftotext of a Chromium PDF): each column's boxes
put together before the row is cut into cells."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from nikosheet.parsing import forms
from nikosheet.parsing.forms import indicator_stripes

# 札幌市's outcomes as plain pdftotext writes them: each row's cells a box each, a stripe at a time (the
# first row's values go on after its effects' first item, the second row's name and values after all
# four cells' first lines)
_HEADER = (
    "＜令和4年度までの成果・効果＞\n\n課題解決の達成度を測\nる指標\n\n目標値 (R4年度当\n初)\n\n"
    "実績値 (R4年度末)\n\n具体的な成果・効果\n\n"
)
_ROWS = (
    "①区の協議の場の運営\n\n"
    "・全10区で年2回\n以上開催\n・区から市への課\n\n"
    "・全10区で年2回以\n上開催（計24回）\n・区から市への課題\n\n"
    "・全区で会議が定例化し、精神科病院の精神保\n健福祉士と地域包括支援センターが同じ席で事\n例を話し合う場ができた。\n\n"
    "題報告 10件\n\n報告 7件\n\n"
    "・区から上がった課題のうち「退院直後の冬期\nの通院手段」については、市の推進会議で検討\n"
    "し、移動支援の利用の手引きを作成した。\n\n"
    "②長期入院者の地域移\n\n地域移行支援の利\n\n地域移行支援の利用\n\n"
    "ピアサポーターの病院訪問（延べ58回）によ\n\n行\n\n用者 90人\n\n者 76人\n\n"
    "り、入院中の方が退院後の生活を具体的に思い\n描けるようになったとの声が病院から寄せられ\nた。\n\n"
    "③訪問支援チームによ\nる支援\n\n新規対象者 120人\n\n新規対象者 134人\n\n"
    "区保健福祉課からの依頼に原則２週間以内に初\n回訪問する体制を維持した。\n"
)
# the issues' table after it, as the sheet has it (its header cell `課題` alone on a line tells the
# forms that the text holds tables written a cell a line)
_ISSUES = (
    "\n\n5\n\n精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n"
    "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n退院後の住まいが少ない\n居住支援法人と連携する\n"
    "行政\n住まいワーキングの運営\n医療\n外泊の調整\n福祉\n体験利用\nその他関係機関・住民等\n物件の紹介\n"
)


def _rows(rows: str) -> list[list[str]]:
    lines = forms.rewrite((_HEADER + rows + _ISSUES).split("\n")).lines
    table = [line.split("\t") for line in lines if line and "\t" in line]
    return [row for row in table if row[0][:1] in "①②③"]


def test_each_column_s_boxes_are_one_cell():
    rows = _rows(_ROWS)
    assert rows[0][:3] == [
        "①区の協議の場の運営",
        "・全10区で年2回以上開催 ・区から市への課題報告 10件",
        "・全10区で年2回以上開催（計24回） ・区から市への課題報告 7件",
    ]
    assert rows[0][3].endswith(
        "話し合う場ができた。 ・区から上がった課題のうち「退院直後の冬期の通院手段」については、"
        "市の推進会議で検討し、移動支援の利用の手引きを作成した。"
    )
    assert rows[1][:3] == ["②長期入院者の地域移行", "地域移行支援の利用者 90人", "地域移行支援の利用者 76人"]
    assert rows[1][3].startswith("ピアサポーターの病院訪問（延べ58回）により、入院中の方が")
    assert rows[2][:3] == ["③訪問支援チームによる支援", "新規対象者 120人", "新規対象者 134人"]


def _piece(text: str, blank: bool) -> tuple[int, str, bool]:
    return (0, text, blank)


def test_a_one_line_name_as_wide_as_its_column_takes_no_other_cell_s_rest():
    # the name fills its column on one line: the values' rests go on the values, which wrapped before
    name, target = "①区の協議の場の運営", ["・全10区で年2回", "以上開催", "・区から市への課"]
    actual = ["・全10区で年2回以", "上開催（計24回）", "・区から市への課題"]
    effects = "・全区で会議が定例化し、精神科病院の精神保"
    row = [
        _piece(name, True),
        *(_piece(t, k == 0) for k, t in enumerate(target)),
        *(_piece(t, k == 0) for k, t in enumerate(actual)),
        _piece(effects, True),
        _piece("題報告 10件", True),
        _piece("報告 7件", True),
    ]
    texts = [text for _, text, _ in indicator_stripes.by_stripes([row])[0]]
    assert texts == [name, *target, "題報告 10件", *actual, "報告 7件", effects]


def test_a_row_whose_columns_never_wrapped_is_left_as_it_is():
    # (pref-fullwidth-dot: the next row's values before the effects' rest: which column's each is, unknown)
    boxes = ["①市町村の協議の場の設置", "20市町村", "18市町村", "研修会を通じて市町村の理解が進んだ。", "15名", "12名"]
    row = [_piece(text, True) for text in boxes]
    assert indicator_stripes.by_stripes([row]) == [row]


@pytest.mark.parametrize(
    ("name", "row"),
    [("designated-kitakyushu-fy2024", 0), ("pref-niigata-fy2024", 0), ("ward-nerima-fy2023", 0)],
)
def test_pdftotext_s_striped_rows_are_the_sheet_s(name, row, converted, parsed):
    def outcomes(doc):
        indicator = doc["outcomes"]["indicators"][row]
        return {key: indicator[key] for key in ("name", "target", "actual", "effects")}

    read = outcomes(converted(FIXTURES / "converters" / f"{name}--pdftotext.txt"))
    assert read == outcomes(parsed(f"{name}.txt"))


def test_a_row_written_in_two_stripes_is_read_where_no_column_s_width_is_known():
    # pdfminer's 札幌市: the table's other rows written otherwise (a header cell among them): no width
    # known, the boxes right after the first stripe the rests of the cells that end no sentence and no count
    firsts = [
        "②長期入院者の地域移",
        "地域移行支援の利",
        "地域移行支援の利用",
        "ピアサポーターの病院訪問（延べ58回）によ",
    ]
    rests = ["行", "用者 90人", "者 76人"]
    effects = ["り、入院中の方が退院後の生活を具体的に思い", "た。一方、地域移行支援を担う事業所が中央"]
    row = [_piece(text, True) for text in [*firsts, *rests, *effects]]
    texts = [text for _, text, _ in indicator_stripes.by_stripes([row])[0]]
    assert texts == [firsts[0], "行", firsts[1], "用者 90人", firsts[2], "者 76人", firsts[3], *effects]
    # a narrow box after the rests: another stripe, whose columns are not told
    other = [*row[:-1], _piece("計5回", True), row[-1]]
    assert indicator_stripes.by_stripes([other]) == [other]


def test_an_indicator_row_of_as_many_boxes_as_cells_is_a_box_a_cell(converted, parsed):
    # core-himeji-fy2024 in plain pdftotext: the third row's values, each a box of its own, are its cells
    def third(doc):
        indicator = doc["outcomes"]["indicators"][2]
        return indicator["target"], indicator["actual"]

    read = third(converted(FIXTURES / "converters" / "core-himeji-fy2024--pdftotext.txt"))
    assert read == third(parsed("core-himeji-fy2024.txt")) == (["年24回"], ["年31回"])


def test_a_value_that_ends_on_a_count_takes_no_later_box():
    # the target fills its column and ends on its count: the box after the effects is the effects' list's
    name, effects = "①長期入院者の地域移行の推進", "・ピアサポーターの病院訪問を再開し、退院の希望を聞き取った。"
    rows = [
        [_piece(name[:9], True), _piece(name[9:], False), _piece("・地域移行支援の新", True),
         _piece("規利用者数 12人", False), _piece("・地域移行支援の新", True), _piece("規利用者数 9人", False),
         _piece(effects, True), _piece("・家族会と連携", True)],
    ]  # fmt: skip
    texts = [text for _, text, _ in indicator_stripes.by_stripes(rows)[0]]
    assert texts[:6] == [
        name[:9],
        name[9:],
        "・地域移行支援の新",
        "規利用者数 12人",
        "・地域移行支援の新",
        "規利用者数 9人",
    ]
    assert texts[-2:] == [effects, "・家族会と連携"]


def test_a_name_s_line_that_holds_another_cell_is_no_box_a_cell():
    from nikosheet.parsing.forms.cell_lines_tables import _box_a_cell

    boxes = [_piece("延べ相談件数 523件", True), _piece("件", True), _piece("相談者の約6割が…", True)]
    assert _box_a_cell(_piece("③夜間相談窓口の利用件数", True), boxes, 3)
    assert not _box_a_cell(_piece("③夜間相談窓口の利用 延べ相談件数 400", True), boxes, 3)
    assert not _box_a_cell(_piece("③夜間相談窓口の利用件数", True), boxes[:2], 3)  # (a box short)


# 福島県's outcomes as plain pdftotext writes them: a row's first line holds the name's first line and the
# target's, a space apart (the two share a baseline), their rests below in the same box
_JOINED = (
    "①圏域の協議の場の開 全7圏域で年2回以\n催\n上開催\n\n全7圏域で開催（延べ\n16回）\n\n"
    "・保健福祉事務所が事務局となり、精神科\n病院、相談支援事業所、市町村が参加する\n協議の場を定例化できた。\n\n"
    "②市町村の協議の場の 45市町村\n設置\n\n38市町村\n\n"
    "単独での設置が難しい町村に対し、自立支\n援協議会の部会を活用した共同設置の方法\nを示し、新たに6町村で設置に至った。\n\n"
    "③長期入院者への退院 県内精神科病院31\n\n27病院（面接実施\n\n・退院を希望しながら住まいや家族の受入\n\n"
    "意向調査\n\n412人）\n\nれを理由に入院が続いている方が約3割いる\nことが分かった。\n\n病院\n\n"
    "・調査結果を圏域の協議の場に還元し、個\n別の地域移行支援につなげる検討を始めた\n"
)


def test_a_first_line_that_holds_the_name_and_the_target_is_cut_where_the_names_column_ends():
    rows = [row for row in _rows(_JOINED) if row[0]]
    assert [row[:3] for row in rows] == [
        ["①圏域の協議の場の開催", "全7圏域で年2回以上開催", "全7圏域で開催（延べ16回）"],
        ["②市町村の協議の場の設置", "45市町村", "38市町村"],
        # `412人）` closes the bracket the actual left open, though the target's line is as wide as its column
        ["③長期入院者への退院意向調査", "県内精神科病院31病院", "27病院（面接実施 412人）"],
    ]
    assert rows[2][3] == (
        "・退院を希望しながら住まいや家族の受入れを理由に入院が続いている方が約3割いることが分かった。 "
        "・調査結果を圏域の協議の場に還元し、個別の地域移行支援につなげる検討を始めた"
    )


# 滋賀県's: the first line holds the name's, the target's (ending on its count) and the actual's first line; the
# one-line name fills its column, and the actual's first line stops on a particle: its rest goes on it
_THREE = (
    "②長期入院者の地域移行 地域移行支援の利用 40件 地域移行支援の\n\n・コーディネーターによる病院訪問が定着\n\n"
    "利用 33件(うち\n退院21件)\n\nし、病院から地域へ相談が寄せられるよう\nになった。\n\n"
    "③ピアサポーターの養成 養成研修修了者 20名\n\n養成研修修了者\n\n修了者のうち9名が病院訪問や圏域の研修\n\n"
    "と活動\n\n17名\n\n会で活動を始め、当事者の声を協議の場に\n届ける役割を担っている。\n\n"
    "④措置入院者等の退院後 支援計画作成率 60％\n支援\n\n支援計画作成率\n54.3％\n\n"
    "保健所と病院が入院早期から支援計画の検\n討を始める流れができた。\n"
)


def test_a_value_that_ends_on_its_count_and_the_next_value_s_first_line_are_two_cells():
    rows = [row for row in _rows(_THREE.replace("②", "①").replace("③", "②").replace("④", "③")) if row[0]]
    assert [row[:3] for row in rows] == [
        ["①長期入院者の地域移行", "地域移行支援の利用 40件", "地域移行支援の利用 33件(うち退院21件)"],
        ["②ピアサポーターの養成と活動", "養成研修修了者 20名", "養成研修修了者 17名"],
        ["③措置入院者等の退院後支援", "支援計画作成率 60％", "支援計画作成率 54.3％"],
    ]


def test_a_row_of_one_box_is_not_cut_at_its_spaces():
    # pdftotext -raw: a row's lines with no blank line between, written a printed line at a time
    row = [_piece("①圏域の協議の場の開 全7圏域で年2回以", True), _piece("催", False), _piece("上開催", False)]
    other = [_piece("②市町村の協議の場の 45市町村", True), _piece("設置", False)]
    assert indicator_stripes.by_stripes([row, other]) == [row, other]


# 静岡県's in pdfminer's text: a name that stops on a particle goes on (its rest is no value's), and two
# values open side by side take their rests in turn (`催（1回）` the target's, though the actual stops on `の`)
_PARTICLES = (
    "①長期入院者の\n\n・地域移行支援の利\n\n・地域移行支援の\n\n・コーディネーターが病棟に出向いて説明会を行うこ\n\n"
    "地域移行\n\n用者数 40人\n\n利用者数 31人\n\nとで、病棟職員の地域移行支援に対する理解が深ま\n"
    "り、個別の利用相談につながった。\n\n"
    "②ピアサポータ\nーの養成と活動\n\n・養成研修修了者 15\n人\n\n・養成研修修了者\n18人\n\n"
    "・ピアサポーターの体験談を聞いた入院患者から、退\n院への意欲が高まったとの声が寄せられた。\n\n"
    "③普及啓発\n\n県民向け講演会の開\n\n県民向け講演会の\n\n当事者と家族が登壇し、精神疾患を身近なものとして\n\n"
    "催（1回）\n\n開催（1回・参加\n者184人）\n\n考える機会となった。\n"
)


def test_a_name_that_stops_on_a_particle_takes_its_rest_and_open_values_take_theirs_in_turn():
    rows = [row for row in _rows(_PARTICLES) if row[0]]
    assert [row[:3] for row in rows] == [
        ["①長期入院者の地域移行", "・地域移行支援の利用者数 40人", "・地域移行支援の利用者数 31人"],
        ["②ピアサポーターの養成と活動", "・養成研修修了者 15人", "・養成研修修了者 18人"],
        ["③普及啓発", "県民向け講演会の開催（1回）", "県民向け講演会の開催（1回・参加者184人）"],
    ]
    assert rows[2][3] == "当事者と家族が登壇し、精神疾患を身近なものとして考える機会となった。"


_SAPPORO_2 = "②長期入院者の地域移\n\n地域移行支援の利\n\n"
_EFFECTS_ITEM = (
    (  # the effects' item after a row whose value lists end on a count: the effects' own
        "①協議の場の運営\n\n・全10区で年2回\n以上開催\n・課題報告 10件\n\n・全10区で年2回以\n上開催\n・課題報告 7件\n\n"
        "・精神科病院と地域包括支援センターの顔の見える関係\nづくり\n\n・手引きの作成\n\n"
    )
    + _ROWS[_ROWS.index("②") :]
)


@pytest.mark.parametrize(
    ("text", "row", "cells"),
    [
        # a value's line that stops on `の` takes no name's rest of a character that holds no count
        (
            _ROWS.replace(_SAPPORO_2, "②長期入院者の地域移\n\n地域移行支援の\n\n").replace("用者 90人", "利用者 90人"),
            1,
            ["②長期入院者の地域移行", "地域移行支援の利用者 90人", "地域移行支援の利用者 76人"],
        ),
        # names with an author's space, their lines no wider than the names' column: no cell beside them
        (
            _ROWS.replace("①区の協議の場の運営", "①協議の場 区の運営").replace(
                "③訪問支援チームによ\nる支援", "③訪問支援 ACTチーム\nによる支援"
            ),
            2,
            ["③訪問支援 ACTチームによる支援", "新規対象者 120人", "新規対象者 134人"],
        ),
        # a name's rest that opens with a count's word (`回数`) is no unit of the value's number above
        (
            _ROWS.replace(_SAPPORO_2, "②ピアサポーター訪問\n\n・年間訪問延べ120\n\n").replace(
                "行\n\n用者 90人", "回数\n\n回"
            ),
            1,
            ["②ピアサポーター訪問回数", "・年間訪問延べ120回", "地域移行支援の利用者 76人"],
        ),
        (_EFFECTS_ITEM, 0, ["①協議の場の運営", "・全10区で年2回以上開催 ・課題報告 10件"]),
        # the widest name's piece a one-line name's alone (`②地域移行支援`): it tells no column, no line is cut
        (
            _ROWS.replace("①区の協議の場の運営", "①協議の場 区の運営")
            .replace(_SAPPORO_2 + "地域移行支援の利用", "②地域移行支援\n\n地域移行支援の利\n\n地域移行支援の利用")
            .replace("行\n\n用者 90人", "用者 90人")
            .replace("③訪問支援チームによ\nる支援", "③訪問支援 ACTチーム\nによる支援"),
            2,
            ["③訪問支援 ACTチームによる支援", "新規対象者 120人", "新規対象者 134人"],
        ),
        # a name's rest that opens with `人材` is no unit of the value's number above (`研修修了者 延べ60`)
        (
            _ROWS.replace(
                _SAPPORO_2 + "地域移行支援の利用", "②地域移行を担う支援\n\n研修修了者 延べ60\n\n研修修了者 延べ52"
            ).replace("行\n\n用者 90人\n\n者 76人", "人材の育成\n\n人\n\n人"),
            1,
            ["②地域移行を担う支援人材の育成", "研修修了者 延べ60人", "研修修了者 延べ52人"],
        ),
    ],
)
def test_a_rest_goes_on_the_cell_whose_words_it_ends(text, row, cells):
    rows = [r for r in _rows(text) if r[0]]
    assert rows[row][: len(cells)] == cells
    if text is _EFFECTS_ITEM:
        assert rows[0][3].endswith("顔の見える関係づくり ・手引きの作成")


def test_a_line_that_ends_on_a_count_below_a_joined_first_line_is_the_value_s():
    # `数 20名` under `②ピアサポーター養成 養成研修の修了者`: a name ends on no count
    text = (
        _JOINED[: _JOINED.index("②")]
        + (
            "②ピアサポーター養成 養成研修の修了者\n数 20名\n\n養成研修の修了者\n数 17名\n\n"
            "修了者のうち9名が病院訪問や圏域の研修\n会で活動を始めた。\n\n"
        )
        + _JOINED[_JOINED.index("②") :].replace("②", "③", 1).replace("③長期", "④長期")
    )
    rows = [r for r in _rows(text) if r[0]]
    assert rows[1][:3] == ["②ピアサポーター養成", "養成研修の修了者数 20名", "養成研修の修了者数 17名"]


@pytest.mark.parametrize(
    ("effects", "item"),
    [
        # a list item after an effects' sentence still open (no `。`, its line full): the effects' next item
        (
            "り、入院中の方が退院後の生活を具体的に思い\n描けるようになったとの声が寄せられ、今後は\n"
            "家族会とも連携して以下の取組を進めていく予定",
            "・家族会との連携",
        ),
    ],
)
def test_a_list_item_after_the_effects_open_sentence_is_the_effects(effects, item):
    text = _ROWS.replace(
        "り、入院中の方が退院後の生活を具体的に思い\n描けるようになったとの声が病院から寄せられ\nた。",
        f"{effects}\n\n{item}",
    )
    rows = [r for r in _rows(text) if r[0]]
    assert rows[1][:3] == ["②長期入院者の地域移行", "地域移行支援の利用者 90人", "地域移行支援の利用者 76人"]
    assert rows[1][3].endswith(f"進めていく予定 {item}")


def test_a_counted_item_after_the_effects_ended_list_is_the_effects():
    # `・参加者 40人` after the effects' list whose last line `を開催` is short: the effects' own next item
    text = _EFFECTS_ITEM.replace("顔の見える関係\nづくり\n\n・手引きの作成", "合同研修会\nを開催\n\n・参加者 40人")
    rows = [r for r in _rows(text) if r[0]]
    assert rows[0][1:3] == ["・全10区で年2回以上開催 ・課題報告 10件", "・全10区で年2回以上開催 ・課題報告 7件"]
    assert rows[0][3].endswith("合同研修会を開催 ・参加者 40人")
