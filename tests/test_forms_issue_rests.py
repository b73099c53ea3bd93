"""An issue's and its policy's wrapped rests written after the group's first role (plain pdftotext)."""

from __future__ import annotations

import pytest

import nikosheet
from conftest import FIXTURES, SAMPLES

_CONVERTED = FIXTURES / "converters"


def _issues(path: object) -> list[dict[str, object]]:
    return nikosheet.parse_file_data(path)["strengths_and_issues"]["issues"]


# the issue and the policy of each group, as the sheet has them, read from plain pdftotext of the
# Chromium PDF: their rests after the first role's word (before its cell, or after it), or their first
# lines and their rests in two bands before it
@pytest.mark.parametrize(
    ("sheet", "groups"),
    [
        ("core-himeji-fy2024", (0, 1)),
        ("pref-fullwidth-dot-fy2023", (0,)),
        ("kawaguchi-r5", (0,)),
        ("city-table-shapes-fy2023", (0,)),
        ("ward-nerima-fy2023", (1,)),
        ("city-pipe-fy2023", (1,)),
    ],
)
def test_the_issue_and_the_policy_are_read_whole(sheet: str, groups: tuple[int, ...]):
    truth = _issues(SAMPLES / f"{sheet}.txt" if sheet == "kawaguchi-r5" else FIXTURES / "sheets" / f"{sheet}.txt")
    got = _issues(_CONVERTED / f"{sheet}--pdftotext.txt")
    for k in groups:
        assert (got[k]["issue"], got[k]["policies"]) == (truth[k]["issue"], truth[k]["policies"])
        assert got[k]["roles"]["administration"] == truth[k]["roles"]["administration"]


def test_a_wrapped_label_s_last_line_after_its_cell_goes_back_to_the_label():
    # `その他関係` `機関・住民`, the role's cell, then `等`: not the cell's end
    got = _issues(_CONVERTED / "core-himeji-fy2024--pdftotext.txt")
    assert got[0]["roles"]["others"] == ["居住支援法人による物件の紹介"]


def test_a_label_wrapped_round_its_cell_takes_its_two_last_lines():
    # `その他関係`, the role's cell, `機関・住民` `等` in one box: the label's rest is both lines
    got = _issues(_CONVERTED / "pref-gifu-fy2024--pdfminer.txt")
    assert got[0]["roles"]["others"] == ["社会福祉協議会による地域の見守り活動との連携"]
    assert got[1]["roles"]["others"] == ["不動産事業者向け研修会への協力"]


def test_a_rest_that_goes_on_a_word_cut_after_its_object_particle():
    # `…情報を集` `約する`: no phrase ends on を and one kanji (the issue's rest `ている` likely goes on)
    from conftest import rewritten_rows

    text = (
        "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
        "長期入院者の退院後の住ま\nいと日中活動の場が不足し\n\n"
        "グループホーム・居住支援法人と\nの連携、日中活動の場の情報を集\n\n行政\n\n"
        "・社会資源マップの作成\n・居住支援協議会との連携\n\nている\n\n約する\n\n"
        "医療\n\n退院前カンファレンスの開催\n\n福祉\n\n体験利用の受入れ\n\n"
        "その他関係機関・住民等\n\n物件の紹介\n"
    )
    rows = rewritten_rows(text)
    assert rows[1][:2] == [
        "長期入院者の退院後の住まいと日中活動の場が不足している",
        "グループホーム・居住支援法人との連携、日中活動の場の情報を集約する",
    ]


def test_the_first_band_then_the_issue_s_the_policy_s_and_the_role_s_own_rests():
    # pdfminer: the group's first printed line a box a cell (the issue, the policy, 行政, its action),
    # then each cut cell's rest in the columns' order: `い` `有し、…なげる` `有`
    from conftest import rewritten_rows

    text = (
        "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
        "長期入院者の地域移行が進んでいな\n\n個別の入院者の状況を病院と共\n\n行政\n\n実態調査の実施と結果の共\n\n"
        "い\n\n有し、地域移行支援の利用につ\nなげる\n\n有\n\n"
        "医療\n\n退院支援委員会への地域の\n支援者の参加\n\n福祉\n\n地域移行支援の実施\n\n"
        "その他関係機関・住民等\n\nピアサポーターによる病院訪問\n"
    )
    rows = rewritten_rows(text)
    assert rows[1] == [
        "長期入院者の地域移行が進んでいない",
        "個別の入院者の状況を病院と共有し、地域移行支援の利用につなげる",
        "行政",
        "実態調査の実施と結果の共有",
    ]


def test_a_long_vowel_mark_goes_on_no_kanji():
    # `…アドバイザー` `んでいない` `ー派遣を行う` `派遣`: `ー派遣を行う` is the policy's rest (`…アドバイザ`),
    # never the issue's (`…設置が進`), so the last two boxes are not the two rests
    got = _issues(_CONVERTED / "pref-fullwidth-dot-fy2023--pdfminer.txt")
    assert (got[0]["issue"], got[0]["policies"]) == (
        "市町村の協議の場の設置が進んでいない",
        ["市町村向け研修会とアドバイザー派遣を行う"],
    )
    assert got[0]["roles"]["administration"] == ["研修会の開催、アドバイザー派遣"]


_HEAD = "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
# pdfminer: each group's first printed line a box a cell (the issue, the policy, 行政, its action), then
# the issue's and the policy's rests; the first group's action is a list whose next item, wider than the
# first, comes after the rests; the first group's その他 has no action, so the second group's issue and
# policy stand right after its label, and the issue's rest starts on a kanji (`口で…`) as wide as its line
_BANDS = (
    _HEAD + "市外の病院に入院している区民が多く、\n\n病院と区の連絡の手順\n\n行政\n\n・病院への訪問\n\n"
    "退院に向けた調整に時間がかかってい\nる\n\nを定め、入院早期から\n退院支援を行う\n\n"
    "・退院支援の依頼文書の送付\n\n医療\n\n退院前カンファレンスへの区の支援者\nの参加受入れ\n\n"
    "福祉\n\n地域移行支援の実施\n\nその他関係\n機関・住民\n\n等\n\n"
    "家族が困ったときの相談先として区の窓\n\n家族教室の開催と、家\n\n行政\n\n家族教室の開催\n\n"
    "口が知られておらず、相談が遅れやすい\n\n族会と連携した相談の\n場をつくる\n\n医療\n\n家族教室への講師協力\n\n福祉\n\n家族相談の実施\n\n"
    "その他関係機関・住民等\n\n家族会による体験談の発表\n"
)


def test_a_list_s_next_item_after_the_rests_and_an_empty_last_role_before_the_next_issue():
    from conftest import rewritten_rows

    rows = rewritten_rows(_BANDS)
    assert rows[1] == [
        "市外の病院に入院している区民が多く、退院に向けた調整に時間がかかっている",
        "病院と区の連絡の手順を定め、入院早期から退院支援を行う",
        "行政",
        "・病院への訪問 ・退院支援の依頼文書の送付",
    ]
    doc = nikosheet.parse_text_data(
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n" + _BANDS
    )
    issues = doc["strengths_and_issues"]["issues"]
    assert [i["issue"] for i in issues] == [
        "市外の病院に入院している区民が多く、退院に向けた調整に時間がかかっている",
        "家族が困ったときの相談先として区の窓口が知られておらず、相談が遅れやすい",
    ]
    assert issues[0]["roles"]["others"] == []
    assert issues[1]["policies"] == ["家族教室の開催と、家族会と連携した相談の場をつくる"]
    assert issues[1]["roles"]["administration"] == ["家族教室の開催"]


def test_the_rests_before_the_role_s_own_rest_and_the_later_labels_after_their_actions():
    # pdfminer: the group's first printed line a box a cell (the issue, the policy, 行政, its action),
    # the issue's and the policy's rests (`容に差がある`, `有し、…`: no sure start of a rest), the action's
    # own rest (`の共有`: surely one), the later roles' actions, then their labels in a run
    from conftest import rewritten_rows

    text = (
        _HEAD + "地区によって連絡会の参加機関や協議内\n\n地区の取組状況を推進会議で共\n\n行政\n\n"
        "地区担当者会議の開催、好事例\n\n容に差がある\n\n有し、好事例を他地区へ広げる。\n\nの共有\n\n"
        "地区連絡会への参加\n\n地区連絡会への参加、個別事例\nの提供\n\n地区連絡会への参加\n\n"
        "医療\n\n福祉\n\nその他関係機関・住民等\n"
    )
    assert rewritten_rows(text)[1:] == [
        [
            "地区によって連絡会の参加機関や協議内容に差がある",
            "地区の取組状況を推進会議で共有し、好事例を他地区へ広げる。",
            "行政",
            "地区担当者会議の開催、好事例の共有",
        ],
        ["", "", "医療", "地区連絡会への参加"],
        ["", "", "福祉", "地区連絡会への参加、個別事例の提供"],
        ["", "", "その他関係機関・住民等", "地区連絡会への参加"],
    ]


def test_a_rest_that_fits_beside_one_that_surely_goes_on():
    # `孤立しやすい` starts on a kanji and is short: it only fits the issue's cell; the policy's rest beside
    # it wraps as wide as the policy's first line, so the two are the rests (the role's cell one line)
    from conftest import rewritten_rows

    text = (
        _HEAD + "家族が相談できる場が少なく、家族が\n\n家族教室の開催地区を増やし、家\n\n行政\n\n家族教室の開催\n\n"
        "孤立しやすい\n\n族会と連携した家族の相談の場を\nつくる。\n\n医療\n\n家族教室への講師協力\n\n"
        "福祉\n\n家族相談の実施\n\nその他関係機関・住民等\n\n家族会による体験談の発表\n"
    )
    assert rewritten_rows(text)[1] == [
        "家族が相談できる場が少なく、家族が孤立しやすい",
        "家族教室の開催地区を増やし、家族会と連携した家族の相談の場をつくる。",
        "行政",
        "家族教室の開催",
    ]


def test_wrapped_first_boxes_and_their_rests_before_the_role():
    # pdfminer: the issue's and the policy's first two lines, each filling its column, then their
    # rests (`ている`, a hiragana first: surely one; `支援を行う` fits), then 行政
    from conftest import rewritten_rows

    text = (
        _HEAD + "3年以上の長期入院者が\n入院者全体の4割を超え\n\n退院支援コーディネーターの派遣病\n"
        "院を増やし、退院意欲の喚起と退院\n\nている\n\n支援を行う\n\n行政\n\n派遣病院の拡大、病院への事業説明\n\n"
        "医療\n\n退院可能な方の把握\n\n福祉\n\n地域移行支援の実施\n\nその他関係機関・住民等\n\n"
        "ピアサポーターによる体験談の発表\n"
    )
    assert rewritten_rows(text)[1][:2] == [
        "3年以上の長期入院者が入院者全体の4割を超えている",
        "退院支援コーディネーターの派遣病院を増やし、退院意欲の喚起と退院支援を行う",
    ]


def test_a_rest_after_an_issue_that_filled_the_column_the_groups_tell():
    # pdfminer: the issue's rest (`開催状況に差がある`) starts on a kanji after `…の場の`, so alone it only
    # fits; the issue's first line is as wide as the next group's (the column's width, which it filled),
    # so it wrapped and the box is its rest beside the policy's rest that surely goes on (`を開き、…`)
    from conftest import rewritten_rows

    text = (
        _HEAD + "市町村によって協議の場の\n\n圏域ごとに市町村の担当者会議\n\n行政\n\n"
        "圏域担当者会議の開催と先行事例の紹\n\n開催状況に差がある\n\nを開き、先行する市町村の取組\nを共有する。\n\n"
        "介、市町村への個別の助言\n\n会議への参加\n\n会議への参加と地域資源の情報提供\n\n当事者団体の会議への参加\n\n"
        "医療\n\n福祉\n\nその他関係機関・住民等\n\n"
        "精神科救急医療体制の負担\nが特定の病院に偏っている\n\n輪番制の見直しを行い、病院間\nの負担を平準化する。\n\n"
        "行政\n\n輪番制の見直しの調整\n\n医療\n\n輪番への参加\n\n福祉\n\nその他関係機関・住民等\n"
    )
    issue, policy, _, action, *_ = (rows := rewritten_rows(text))[1]
    assert issue == "市町村によって協議の場の開催状況に差がある"
    assert policy == "圏域ごとに市町村の担当者会議を開き、先行する市町村の取組を共有する。"
    assert [action] + [row[3] for row in rows[2:5]] == [
        "圏域担当者会議の開催と先行事例の紹介、市町村への個別の助言",
        "会議への参加",
        "会議への参加と地域資源の情報提供",
        "当事者団体の会議への参加",
    ]


# pdfminer's bands after the role's first box, the issue's and the policy's rests put back:
_LATER_RESTS = (
    # the rests, the action's list's next item, then the next role's action whose last character wrapped
    # into a box apart (`…連` `絡`: it starts inside a word right after a line as wide as the actions'
    # widest), which is no cell of its own and leaves the rests where they are
    (
        "市内に精神科病院が1か所のみで、市外の\n\n保健所と連携し、圏域の病\n\n行政\n\n・保健所との情報共有\n\n"
        "病院に入院している市民の状況が把握し\nにくい\n\n院と情報共有の仕組みを作\nる\n\n・圏域の病院への訪問\n\n"
        "退院前の地域支援者への連\n\n絡\n\n地域移行支援の実施\n\n医療\n\n福祉\n\nその他関係\n機関・住民\n\n等\n",
        "市内に精神科病院が1か所のみで、市外の病院に入院している市民の状況が把握しにくい",
        "保健所と連携し、圏域の病院と情報共有の仕組みを作る",
    ),
    # two bands: the next three lines of each cell a box each, then their last lines
    (
        "長期入院者の多くが高齢となり、退院後の\n\n介護と障害福祉の支援者が一緒に学ぶ研\n\n行政\n\n・合同研修の開\n\n"
        "暮らしの場として介護保険の施設やサービ\nスを使う人が増えているが、精神障害者の\n"
        "支援に慣れた介護の事業所が少なく、受入\n\n"
        "修を開き、事例検討を通じて精神障害者\nの受入れに不安を持つ事業所を支え、地\n域包括支援センターと基幹相談支援セン\n\n"
        "れを断られる例がある\n\nターの連携を深める\n\n催\n・事例検討会の\n開催\n\n・受入れ事業所\nの一覧の作成\n\n"
        "研修への講師の\n派遣と、受入れ\n後の事業所から\n\nの相談への助言\n\n"
        "地域包括支援セ\nンターによる介\n\n護事業所への働\nきかけ\n\n医療\n\n福祉\n\nその他関係機関・住民等\n",
        "長期入院者の多くが高齢となり、退院後の暮らしの場として介護保険の施設やサービスを使う人が増えているが、"
        "精神障害者の支援に慣れた介護の事業所が少なく、受入れを断られる例がある",
        "介護と障害福祉の支援者が一緒に学ぶ研修を開き、事例検討を通じて精神障害者の受入れに不安を持つ事業所を支え、"
        "地域包括支援センターと基幹相談支援センターの連携を深める",
    ),
    # one band, each rest two lines, the first as wide as its cell's first line, then the action's rest
    (
        "山間部・離島では社会資源が少\n\nオンラインの活用や圏域を越え\n\n行政\n\n"
        "オンライン相談・オンライン会議\n\nなく、地域生活を支えるサービ\nスが不足している\n\n"
        "た事業所の連携により、支援の\n空白地域を減らす\n\nの環境整備\n\n医療\n\n精神科訪問看護、オンライン診療\n\n"
        "の活用\n\n福祉\n\nその他関係機関・住民等\n",
        "山間部・離島では社会資源が少なく、地域生活を支えるサービスが不足している",
        "オンラインの活用や圏域を越えた事業所の連携により、支援の空白地域を減らす",
    ),
)


@pytest.mark.parametrize(("boxes", "issue", "policy"), _LATER_RESTS)
def test_the_rests_after_the_role_s_first_box(boxes: str, issue: str, policy: str):
    from conftest import rewritten_rows

    assert rewritten_rows(_HEAD + boxes)[1][:2] == [issue, policy]


def test_an_empty_last_role_before_the_next_issue_s_and_policy_s_boxes() -> None:
    # plain pdftotext of a LibreOffice PDF writes no box for an empty cell: the last role's label, then
    # the next issue's box and its policy's box before that issue's `行政`
    from conftest import rewritten_rows

    text = (
        "人口 (R5 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
        "高齢の長期入院者の介護と\nの連携が進まない\n\n地域包括支援センターとの連\n携\n\n行政\n\n高齢部門との合同研修\n\n医療\n\n"
        "介護支援専門員への情\n報提供\n\n福祉\n\n介護保険サービスへの\n円滑な移行\n\nその他関係機関\n・住民等\n\n"
        "就労・社会参加の場が少な\nい\n\n就労支援機関との連携\n\n行政\n\n就労支援の周知\n\n医療\n\n"
        "デイケアからの就労準\n備\n\n福祉\n\n就労継続支援の拡充\n\nその他関係機関\n企業の理解促進\n・住民等\n"
    )
    rows = rewritten_rows(text)
    assert rows[4] == ["", "", "その他関係機関・住民等", ""]
    assert rows[5] == ["就労・社会参加の場が少ない", "就労支援機関との連携", "行政", "就労支援の周知"]
    assert rows[8] == ["", "", "その他関係機関・住民等", "企業の理解促進"]


def test_an_issue_s_rest_cut_into_two_boxes_is_one_rest():
    # pdfminer: the issue's rest's lines that fill its column a box (`病院が…た` … `…ないことが`), its
    # last line another (`ある`), then the policy's rest and the role's own rest
    from conftest import rewritten_rows

    text = (
        _HEAD + "区内に精神科病院がなく、入院先の\n\n近隣区の病院との連絡窓口を一本化\n\n行政\n\n"
        "・病院ごとの連絡窓口の一\n\n"
        "病院が都内各地に散らばっているた\nめ、退院時の情報共有が遅れ、退院\n後すぐに支援を始められないことが\n\n"
        "ある\n\nし、退院前の情報共有の手順を定め\nる\n\n覧の作成\n・退院前カンファレンスへ\nの参加\n\n"
        "医療\n\n退院予定の早期連絡\n\n福祉\n\n計画相談の早期開始\n\n"
        "その他関係機関・住民等\n\n町会の回覧への協力\n"
    )
    assert rewritten_rows(text)[1] == [
        "区内に精神科病院がなく、入院先の病院が都内各地に散らばっているため、退院時の情報共有が遅れ、"
        "退院後すぐに支援を始められないことがある",
        "近隣区の病院との連絡窓口を一本化し、退院前の情報共有の手順を定める",
        "行政",
        "・病院ごとの連絡窓口の一覧の作成 ・退院前カンファレンスへの参加",
    ]


def test_the_first_role_s_rest_after_the_bands_stays_with_it():
    # pdfminer: the group's first band, the issue's and the policy's rests in two bands, then the first
    # role's own rest (`の集約…`: it starts inside a word), then each later role with its action
    from conftest import rewritten_rows

    text = (
        _HEAD
        + "長期入院者の割合が7割を超えてお\n\n①地域移行出張相談を全病院へ拡\n\n行政\n\n①出張相談の日程調整と記録\n\n"
        "り、特に他市区町村から入院してい\nる方の退院先の調整が難しい。ま\nた、入院が長期化した方ほど退院へ\n\n"
        "大する ②出身市区町村の相談窓\n口と病院をつなぐ連絡票を作成す\nる ③ピアサポーターが病院訪問\n\n"
        "の不安が強く、本人の意欲を引き出\nすまでに時間がかかる\n\nに同行する機会を増やす\n\n"
        "の集約 ②他市区町村への連絡\n票の送付\n\n医療\n\n病棟での説明会の開催\n\n福祉\n\n地域移行支援の実施\n\n"
        "その他関係機関・住民等\n\nピアサポーターの同行訪問\n"
    )
    rows = rewritten_rows(text)
    assert rows[1][2:] == ["行政", "①出張相談の日程調整と記録の集約 ②他市区町村への連絡票の送付"]
    assert rows[2] == ["", "", "医療", "病棟での説明会の開催"]


def test_the_issue_and_the_policy_in_three_bands_before_the_role():
    # plain pdftotext: the first lines a box each, then the rests a band at a time (the issue's box, the
    # policy's), all before 行政
    from conftest import rewritten_rows

    text = (
        _HEAD + "長期入院者の割合が7割を超えてお\n\n①地域移行出張相談を全病院へ拡\n\n"
        "り、特に他市区町村から入院してい\nる方の退院先の調整が難しい。ま\nた、入院が長期化した方ほど退院へ\n\n"
        "大する ②出身市区町村の相談窓\n口と病院をつなぐ連絡票を作成す\nる ③ピアサポーターが病院訪問\n\n"
        "の不安が強く、本人の意欲を引き出\nすまでに時間がかかる\n\nに同行する機会を増やす\n\n"
        "行政\n\n出張相談の日程調整と記録の集約\n\n医療\n\n病棟での説明会の開催\n\n福祉\n\n地域移行支援の実施\n\n"
        "その他関係機関・住民等\n\nピアサポーターの同行訪問\n"
    )
    assert rewritten_rows(text)[1] == [
        "長期入院者の割合が7割を超えており、特に他市区町村から入院している方の退院先の調整が難しい。"
        "また、入院が長期化した方ほど退院への不安が強く、本人の意欲を引き出すまでに時間がかかる",
        "①地域移行出張相談を全病院へ拡大する ②出身市区町村の相談窓口と病院をつなぐ連絡票を作成する"
        " ③ピアサポーターが病院訪問に同行する機会を増やす",
        "行政",
        "出張相談の日程調整と記録の集約",
    ]


def test_a_one_line_action_right_after_its_role_then_the_two_rests():
    # plain pdftotext: `行政`, its one-line action level with it, then the issue's and the policy's
    # rests (`に差がある` `事例を横展開する`): the action is no rest, though as wide as the issue's line
    from conftest import rewritten_rows

    text = (
        "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
        "区ごとに相談会の内容\n\n区相談会の内容を推進会議で共有し、好\n\n行政\n\n区相談会の運営支援\n\n"
        "に差がある\n\n事例を横展開する\n\n医療\n\n相談会への参加\n\n福祉\n\n相談会への参加、事例提供\n\n"
        "その他関係機関・住民等\n\n家族会の参加\n"
    )
    rows = rewritten_rows(text)
    assert rows[1][:2] == ["区ごとに相談会の内容に差がある", "区相談会の内容を推進会議で共有し、好事例を横展開する"]
    assert rows[1][3] == "区相談会の運営支援"


def test_a_policy_s_next_item_after_the_role_told_by_its_column_s_width():
    # pdfminer: the policy's second item (`・オンラインを活用した` `相談と…`) after `行政`, as wide as the
    # policy's lines, before the role's own list, whose lines are wider: the policy's, not the action's
    from conftest import rewritten_rows

    text = (
        "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
        "山間部と県南部では精神科医療機関と障害福\n祉サービス事業所が少なく、退院後の通院と\n日中活動の場の確保が難しい\n\n"
        "・中央医療圏の医療機関\nと山間部・県南部の支援\n者の連携を強める\n\n行政\n\n"
        "・オンラインを活用した\n相談と事例検討を進める\n\n"
        "・保健福祉事務所による圏域\n内の関係機関の調整\n・オンライン相談の機器整備\n\nと運用ルールの作成\n\n"
        "医療\n\n訪問看護による退院直後の生\n\n活支援と服薬の見守り\n\n福祉\n\n地域定着支援、自立生活援助\n\nの実施\n\n"
        "その他関係機関・住民等\n\n社会福祉協議会による移動支\n援の情報提供\n"
    )
    rows = rewritten_rows(text)
    assert (
        rows[1][1]
        == "・中央医療圏の医療機関と山間部・県南部の支援者の連携を強める ・オンラインを活用した相談と事例検討を進める"
    )
    assert "・保健福祉事務所による圏域内の関係機関の調整" in rows[1][3]
    assert "オンラインを活用" not in rows[1][3]


def test_the_rests_after_the_role_s_cell_where_the_issue_follows_the_last_role_s_cell():
    # plain pdftotext: the group above's `その他関係` cell beside its label, the issue right after it with
    # no blank line; the issue and the policy each filled their columns to their last lines, their rests
    # (`ことがある`, `例検討を行う`, neither starting inside a word) right before the next role's word
    from conftest import rewritten_rows

    text = (
        _HEAD + "若年層の精神的不調が早期の相談に\nつながりにくい\n\n相談窓口を周知する\n\n行政\n\n"
        "SNSでの発信\n\n医療\n\n診療所の情報提供\n\n福祉\n\n－\n\n"
        "その他関係 大学の学生相談室、NPOによる相談\n機関・住民 の受付と紹介\n等\n"
        "高齢の精神障害者が介護保険サービ\nスへ移行する際に、支援が途切れる\n\n"
        "障害福祉と介護保険の\n支援者の合同研修と事\n\n行政\n\n"
        "地域包括支援センターとの合同研修の\n開催\n\nことがある\n\n例検討を行う\n\n"
        "医療\n\n訪問看護による継続支援\n\n福祉\n\n引継ぎの仕組みづくり\n\n"
        "その他関係 民生委員による見守り\n機関・住民\n等\n"
    )
    rows = rewritten_rows(text)
    assert rows[4][2:] == ["その他関係機関・住民等", "大学の学生相談室、NPOによる相談の受付と紹介"]
    assert rows[5] == [
        "高齢の精神障害者が介護保険サービスへ移行する際に、支援が途切れることがある",
        "障害福祉と介護保険の支援者の合同研修と事例検討を行う",
        "行政",
        "地域包括支援センターとの合同研修の開催",
    ]


def test_a_cell_that_stops_on_a_particle_takes_the_rest_that_fits():
    # `…精神障害者が` goes on surely; `用する` starts on a kanji, but the policy filled its column
    from conftest import rewritten_rows

    text = (
        _HEAD + "冬期に訪問支援が途切れやすく、\n豪雪地域で孤立する精神障害者が\n\n"
        "冬期の見守り体制を市町村・民生委\n員と整え、オンラインでの面談も活\n\n行政\n\n"
        "見守り体制の調整、オン\nライン面談の環境整備\n\nいる\n\n用する\n\n"
        "医療\n\n訪問診療の継続\n\n福祉\n\n除雪の支援\n\nその他関係機関・住民等\n\n民生委員の見守り\n"
    )
    rows = rewritten_rows(text)
    assert rows[1] == [
        "冬期に訪問支援が途切れやすく、豪雪地域で孤立する精神障害者がいる",
        "冬期の見守り体制を市町村・民生委員と整え、オンラインでの面談も活用する",
        "行政",
        "見守り体制の調整、オンライン面談の環境整備",
    ]


def test_first_boxes_and_their_rests_in_bands_after_the_role_above_s_action_in_two_boxes():
    # plain pdftotext of a Chromium PDF: the last role's action above wrapped in two boxes
    # (`ピアサポーターによる病` `院訪問、…`), then the issue's and the policy's first lines, then their rests
    from conftest import rewritten_rows

    text = (
        _HEAD + "区外の精神科病院に長期入院して\n\n区外病院への訪問を計画的に行い、\n\n行政\n\n"
        "いる区民の実態がつかめない\n\n退院意欲の喚起につなげる\n\n訪問計画の作成\n\n医療\n\n退院可能な方の把握\n\n"
        "福祉\n\n地域移行支援の実施\n\nその他関係機関・住民等\n\nピアサポーターによる病\n\n院訪問、体験談の発信\n\n"
        "単身世帯が多く、地域で孤立し受\n\n夜間・休日の相談窓口と保健センタ\n\n"
        "診中断に至る人を早期に把握する\n仕組みがない\n\nーの情報共有の流れを整理し、早期\nに訪問支援へつなげる。\n\n"
        "行政\n\n相談記録の共有方法の整備\n\n医療\n\n受診中断者の情報提供\n\n福祉\n\n見守りの実施\n\n"
        "その他関係機関・住民等\n\n民生委員による気づき\n"
    )
    rows = [row for row in rewritten_rows(text) if row[0]]
    assert rows[-1][:2] == [
        "単身世帯が多く、地域で孤立し受診中断に至る人を早期に把握する仕組みがない",
        "夜間・休日の相談窓口と保健センターの情報共有の流れを整理し、早期に訪問支援へつなげる。",
    ]


def test_a_box_that_holds_a_list_s_item_is_no_rest_of_an_issue_that_is_none():
    # plain pdftotext of a Chromium PDF: after 行政, the issue's rest, then the policy's rest with its
    # next item, then 行政's action; the policy's rest (`援者の…` `・退院後の…`) cannot be the issue's
    from conftest import rewritten_rows

    text = (
        _HEAD + "【医療との連携】退院後に通院や服\n\n・退院前カンファレンスへの地域支\n\n行政\n\n"
        "薬が途切れ、再入院に至る事例が多\nい\n\n援者の参加を定着させる\n・退院後の支援計画を病院と地域で\n"
        "共有する様式を作成する\n\n・共有様式の作成、運\n用の調整\n・退院後の訪問支援\n\n医療\n\n"
        "・退院前カンファレン\nスの開催\n\n福祉\n\n計画相談での継続支援\n\nその他関係機関・住民等\n\n"
        "訪問看護ステーション\nによる服薬の確認\n"
    )
    row = rewritten_rows(text)[1]
    assert row[:2] == [
        "【医療との連携】退院後に通院や服薬が途切れ、再入院に至る事例が多い",
        "・退院前カンファレンスへの地域支援者の参加を定着させる ・退院後の支援計画を病院と地域で共有する様式を作成する",
    ]
