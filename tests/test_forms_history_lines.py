"""The history's table written a row's year and event on one line, its other cells in boxes apart
(pdfminer and plain pdftotext of a Chromium PDF)."""

from __future__ import annotations

import nikosheet
from nikosheet.parsing import forms

HEADING = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n\n年度\n\n経過\n\n委託\n\n"
END = "\n\n4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"


def _rows(body: str, heading: str = HEADING) -> list[str]:
    lines = forms.rewrite((heading + body + END).split("\n")).lines
    return [line for line in lines if line and "\t" in line][1:]


def _events(body: str, heading: str = HEADING) -> list[tuple[str | None, str | None, str | None]]:
    doc = nikosheet.parse_text_data(heading + body + END)
    return [(e["period"], e["description"], e["commission"]) for e in doc["history"]["events"]]


# pdftotext: each commission in a box right after its row, an event's rest and the year's next event
# on the lines below its first
PDFTOTEXT = (
    "2012年度 精神障害者地域移行・地域定着支援事業を開始\n\n群馬県精神保健福祉協会\n\n"
    "2016年度 ピアサポーター養成研修を開始\n"
    "2018年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県\n"
    "精神障害者地域生活支援協議会を設置した\n10圏域で地域移行推進会議を開始\n\n"
    "各保健福祉事務所（直\n営）\n\n2020年度 新型感染症の流行により、病院訪問を休止した\n\n－\n\n"
    "2021年度 オンラインによる病院訪問を試行\n\n↓"
)


def test_commissions_beside_their_rows_and_an_event_s_wrapped_rest() -> None:
    """The header's first cell written with the section's number, before the title."""
    heading = (
        "3\n年度\n\n精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n経過\n\n委託\n\n"
    )
    assert _rows(PDFTOTEXT, heading) == [
        "2012年度\t精神障害者地域移行・地域定着支援事業を開始\t群馬県精神保健福祉協会",
        "2016年度\tピアサポーター養成研修を開始\t",
        "2018年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県精神障害者地域生活支援協議会を設置した\t",
        "\t10圏域で地域移行推進会議を開始\t各保健福祉事務所（直営）",
        "2020年度\t新型感染症の流行により、病院訪問を休止した\t－",
        "2021年度\tオンラインによる病院訪問を試行\t↓",
    ]


def test_a_run_of_commissions_after_the_last_row_is_kept_as_text_with_a_warning() -> None:
    """pdfminer writes the commissions of the later rows after the table, an empty one with no box:
    which row each is cannot be told."""
    body = (
        "2012年度 精神障害者地域移行・地域定着支援事業を開始\n\n群馬県精神保健福祉協会\n\n"
        "2016年度 ピアサポーター養成研修を開始\n\n"
        "2018年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県\n\n"
        "精神障害者地域生活支援協議会を設置した\n\n10圏域で地域移行推進会議を開始\n\n"
        "2020年度 新型感染症の流行により、病院訪問を休止した\n\n"
        "2021年度 オンラインによる病院訪問を試行\n\n各保健福祉事務所（直\n営）\n\n－\n\n↓"
    )
    doc = nikosheet.parse_text_data(HEADING + body + END)
    events = [(e["period"], e["description"], e["commission"]) for e in doc["history"]["events"]]
    assert events == [
        ("2012年度", "精神障害者地域移行・地域定着支援事業を開始", "群馬県精神保健福祉協会"),
        ("2016年度", "ピアサポーター養成研修を開始", None),
        (
            "2018年度",
            "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県精神障害者地域生活支援協議会を設置した",
            None,
        ),
        ("2018年度", "10圏域で地域移行推進会議を開始", None),
        ("2020年度", "新型感染症の流行により、病院訪問を休止した", None),
        ("2021年度", "オンラインによる病院訪問を試行", None),
    ]
    assert any(d["code"] == "missing-table" and "委託" in d["message"] for d in doc["diagnostics"])
    assert "各保健福祉事務所（直営）" in doc["history"]["text"]


def test_two_commissions_after_two_rows_without_one_are_theirs_in_order() -> None:
    body = (
        "平成24年度 宮城県精神障害者地域移行支援事業を開始\n\n平成28年度 ピアサポーター養成研修を開始\n\n"
        "委託\n\n県内の指定一般相談支援事業所（2か\n所）\n\n宮城県精神保健福祉センター（直\n営）\n\n"
        "令和元年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開\n始\n\n"
        "令和4年度 沿岸部で精神科訪問看護と相談支援事業所の合同事例検討会\n\n社会福祉法人 みやぎ会\n\n"
        "を開始\n\n令和5年度 市町村職員向け実践研修を3コースに再編 －"
    )
    heading = HEADING.replace("委託\n\n", "")
    assert _events(body, heading) == [
        ("平成24年度", "宮城県精神障害者地域移行支援事業を開始", "県内の指定一般相談支援事業所（2か所）"),
        ("平成28年度", "ピアサポーター養成研修を開始", "宮城県精神保健福祉センター（直営）"),
        ("令和元年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始", None),
        ("令和4年度", "沿岸部で精神科訪問看護と相談支援事業所の合同事例検討会を開始", "社会福祉法人 みやぎ会"),
        ("令和5年度", "市町村職員向け実践研修を3コースに再編", "－"),
    ]


def test_a_commission_on_the_year_s_line_and_its_bracket_closed_in_a_box_apart() -> None:
    body = (
        "平成15年度 精神障害者退院促進支援事業をモデル圏域（東部Ⅰ）で開\n\n奈良県精神保健福祉協会\n\n始\n\n"
        "平成21年度 精神障害者地域移行支援特別対策事業として全圏域に拡大 各圏域の指定一般相談支援事業所（5か\n\n"
        "所）\n\n平成26年度 ピアサポーター養成研修を開始\n\n"
        "令和元年度 精神障害にも対応した地域包括ケアシステム事業を開始\n\n－\n\n県の協議の場を設置"
    )
    assert _events(body) == [
        ("平成15年度", "精神障害者退院促進支援事業をモデル圏域（東部Ⅰ）で開始", "奈良県精神保健福祉協会"),
        (
            "平成21年度",
            "精神障害者地域移行支援特別対策事業として全圏域に拡大",
            "各圏域の指定一般相談支援事業所（5か所）",
        ),
        ("平成26年度", "ピアサポーター養成研修を開始", None),
        # an event that ends with its step is whole, though its line is as wide as the column
        ("令和元年度", "精神障害にも対応した地域包括ケアシステム事業を開始", "－"),
        ("令和元年度", "県の協議の場を設置", None),
    ]


# pdfminer: a commission that no word marks, set between an event's first line and its rest; a
# commission wrapped into two boxes; an event's rest that starts with a long vowel mark or a word's end
PDFMINER_BOXES = (
    "平成17年度 香川県の精神障害者退院促進支援事業のモデル地域として、市内2病院\n\n香川県事業\n\n"
    "で退院支援を開始\n\n"
    "平成20年度 精神障がい者退院促進支援事業を開始\n\n愛知県精神保健福祉協\n\n会\n\n"
    "平成24年度 障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対\n\n"
    "応。県事業は病院への働きかけと人材育成に重点を移す\n\n"
    "平成30年度 措置入院者等の退院後支援計画の運用を開始（精神保健福祉センタ\n\n"
    "ー・区保健センター）\n\n"
    "令和6年度 ピアサポーター活動報酬制度を導入し、ピアサポーターの病院訪問・\n\n"
    "特定非営利活動法人 かがわ\n\n講座講師に報酬を支払う\n\nピアの家"
)


def test_commissions_and_rests_in_boxes_of_their_own() -> None:
    assert _rows(PDFMINER_BOXES) == [
        "平成17年度\t香川県の精神障害者退院促進支援事業のモデル地域として、市内2病院で退院支援を開始\t香川県事業",
        "平成20年度\t精神障がい者退院促進支援事業を開始\t愛知県精神保健福祉協会",
        "平成24年度\t障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対応。県事業は病院への働きかけと人材育成に重点を移す\t",
        "平成30年度\t措置入院者等の退院後支援計画の運用を開始（精神保健福祉センター・区保健センター）\t",
        "令和6年度\tピアサポーター活動報酬制度を導入し、ピアサポーターの病院訪問・講座講師に報酬を支払う"
        "\t特定非営利活動法人 かがわピアの家",
    ]


def test_a_years_next_event_that_starts_with_a_particle_after_an_event_s_step_is_its_own() -> None:
    # `がん…`, `はじめての…` start as a wrapped line's rest may, but not after an event that ended with its step
    body = (
        "令和2年度 実務者会議を設置\n\nはじめての家族教室を開催\n\n"
        "令和3年度 地域移行支援の利用者を対象に退院後の生活の状況を調べる調査を実施\n\n"
        "令和4年度 ピアサポーター養成研修を開始\n\nがん患者の就労支援を開始"
    )
    assert _rows(body) == [
        "令和2年度\t実務者会議を設置\t",
        "\tはじめての家族教室を開催\t",
        "令和3年度\t地域移行支援の利用者を対象に退院後の生活の状況を調べる調査を実施\t",
        "令和4年度\tピアサポーター養成研修を開始\t",
        "\tがん患者の就労支援を開始\t",
    ]


# pdfminer: an event's cell a list, its next items in the year's box (or a box apart) below its first
LIST_ITEMS = (
    "平成27年度 精神保健福祉センターにアウトリーチ支援チームを設置\n\n"
    "平成30年度 ・精神科病院の長期入院者を対象とした実態調査を実施\n・措置入院者退院後支援の試行を開始\n\n"
    "令和元年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、「北九\n州市にも包括推進会議」を設置\n\n"
    "令和5年度 ・ピアサポーターの精神科病院派遣を再開（コロナ禍で中断）\n"
    "・居住支援協議会と合同で「住まい」をテーマとした研修会を開催\n\n"
    "・第7期障害福祉計画に「にも包括」の成果目標を位置づけ"
)


def test_a_list_s_next_items_go_on_the_event_whose_cell_is_a_list() -> None:
    assert _events(LIST_ITEMS) == [
        ("平成27年度", "精神保健福祉センターにアウトリーチ支援チームを設置", None),
        ("平成30年度", "精神科病院の長期入院者を対象とした実態調査を実施\n措置入院者退院後支援の試行を開始", None),
        (
            "令和元年度",
            "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、「北九州市にも包括推進会議」を設置",
            None,
        ),
        (
            "令和5年度",
            "ピアサポーターの精神科病院派遣を再開（コロナ禍で中断）\n"
            "居住支援協議会と合同で「住まい」をテーマとした研修会を開催\n"
            "第7期障害福祉計画に「にも包括」の成果目標を位置づけ",
            None,
        ),
    ]


def test_a_bullet_after_a_line_as_wide_as_the_event_column_is_no_item_of_its_own() -> None:
    """A line as wide as the event column may have wrapped before a middle dot: `…北九州市` `・下関市…`."""
    body = LIST_ITEMS.replace(
        "・精神科病院の長期入院者を対象とした実態調査を実施\n・措置入院者",
        "・精神科病院の長期入院者を対象とした退院意向の実態調査を県と北九州市\n・下関市の合同で実施し、措置入院者",
    )
    assert _events(body)[1] == (
        "平成30年度",
        "・精神科病院の長期入院者を対象とした退院意向の実態調査を県と北九州市・下関市の合同で実施し、措置入院者退院後支援の試行を開始",
        None,
    )


# pdfminer: two commissions written after a later row (their rows' among the rows above without one,
# which cannot be told), the year's next event and the next year after them
RUN_AMONG_ROWS = (
    "平成19年度 精神障害者退院促進支援事業を開始\n\n"
    "平成24年度 地域移行・地域定着支援の個別給付化に合わせ、相談支援事業所への\n\n委託を開始\n\n"
    "平成28年度 ピアサポーター養成研修を開始\n\n"
    "令和2年度 保健所ごとの地域移行推進会議を開始\n\n"
    "委託\n\n市内指定一般相談支援事業\n所（3法人）\n\n直営（精神保健福祉センタ\nー）\n\n"
    "圏域ごとの事例検討会を開始\n\n"
    "令和4年度 長期入院者の実態調査を実施"
)


def test_a_run_of_commissions_among_the_rows_is_kept_as_text_below_the_table() -> None:
    """The rows are read whole, the run's commissions below the table with a warning (they were left
    to the cell-per-line readers, which read them as events and shifted the rows after them)."""
    assert _events(RUN_AMONG_ROWS, HEADING.replace("委託\n\n", "")) == [
        ("平成19年度", "精神障害者退院促進支援事業を開始", None),
        ("平成24年度", "地域移行・地域定着支援の個別給付化に合わせ、相談支援事業所への委託を開始", None),
        ("平成28年度", "ピアサポーター養成研修を開始", None),
        ("令和2年度", "保健所ごとの地域移行推進会議を開始", None),
        ("令和2年度", "圏域ごとの事例検討会を開始", None),
        ("令和4年度", "長期入院者の実態調査を実施", None),
    ]
    doc = nikosheet.parse_text_data(HEADING.replace("委託\n\n", "") + RUN_AMONG_ROWS + END)
    assert "市内指定一般相談支援事業所（3法人）" in doc["history"]["text"]
    assert any(d["code"] == "missing-table" for d in doc["diagnostics"])


def test_a_year_alone_on_its_line_and_a_commission_s_end_after_the_next_row() -> None:
    """A year whose event pdfminer wrote in a box apart (`現在`) takes that box; a commission cut by its
    narrow column (`…事業所 社会福祉`) takes back its end written after the next row (`協議会`)."""
    body = (
        "平成25年度 旭川市精神障害者地域移行・地域定着推進協議会の設置\n\n"
        "令和元年度 協議会を「精神障害者地域生活支援推進協議会」に再編し、に\n\nも包括の協議の場として位置づけ\n\n"
        "平成27年度 ピアサポーター養成研修の開始\n\n市内相談支援事業所\n\n"
        "令和5年度 冬期の退院後生活支援をモデル実施\n\n市内相談支援事業所 社会福祉\n\n"
        "現在\n\n協議会と2部会の体制で継続中\n\n協議会\n\n↓"
    )
    assert _events(body) == [
        ("平成25年度", "旭川市精神障害者地域移行・地域定着推進協議会の設置", None),
        ("令和元年度", "協議会を「精神障害者地域生活支援推進協議会」に再編し、にも包括の協議の場として位置づけ", None),
        ("平成27年度", "ピアサポーター養成研修の開始", "市内相談支援事業所"),
        ("令和5年度", "冬期の退院後生活支援をモデル実施", "市内相談支援事業所 社会福祉協議会"),
        ("現在", "協議会と2部会の体制で継続中", "市内相談支援事業所 社会福祉協議会"),
    ]


def test_a_commission_between_an_event_s_full_line_and_its_one_character_rest() -> None:
    """A commission's first line written between an event's line (as wide as the column, cut inside a
    word) and the event's rest of one character (`試` … `行`): the commission, not the event's rest; its
    own end after the event's next item."""
    body = (
        "令和4年度 にも包括実務者部会を設置\n\n"
        "令和5年度 ・社会福祉協議会のCSWと連携し、区民ひろばでの「こころのカフェ」を試\n\n"
        "豊島区民社会福祉協議\n\n行\n・居住支援協議会に精神障害者の住まい部会を設置\n\n会"
    )
    assert _events(body) == [
        ("令和4年度", "にも包括実務者部会を設置", None),
        (
            "令和5年度",
            "社会福祉協議会のCSWと連携し、区民ひろばでの「こころのカフェ」を試行\n"
            "居住支援協議会に精神障害者の住まい部会を設置",
            "豊島区民社会福祉協議会",
        ),
    ]


def test_a_commission_written_with_its_header_cell_among_the_rows_is_kept_as_text() -> None:
    """pdfminer may write the 委託 header cell with its column's first cell in one box among the rows,
    where its layout puts it: that cell is a commission (not the year's next event), and which row's
    its place does not tell."""
    heading = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n\n年度\n\n経過\n\n"
    body = (
        "平成26年度 県の地域移行支援事業との連携を開始\n\n"
        "平成30年度 障害者自立支援協議会に精神保健部会を設置\n\n"
        "令和2年度 地域連絡会を開始（2地区で試行）\n\n"
        "委託\n\n長野県\n\n"
        "令和4年度 ピアサポーターによる病院訪問を開始\n\n市内相談支援事業所\n\n"
        "令和5年度 地域資源マップを発行\n\n↓"
    )
    doc = nikosheet.parse_text_data(heading + body + END)
    events = [(e["period"], e["description"], e["commission"]) for e in doc["history"]["events"]]
    assert events == [
        ("平成26年度", "県の地域移行支援事業との連携を開始", None),
        ("平成30年度", "障害者自立支援協議会に精神保健部会を設置", None),
        ("令和2年度", "地域連絡会を開始（2地区で試行）", None),
        ("令和4年度", "ピアサポーターによる病院訪問を開始", "市内相談支援事業所"),
        ("令和5年度", "地域資源マップを発行", "市内相談支援事業所"),  # (`↓`: as above)
    ]
    assert any(d["code"] == "missing-table" and "委託" in d["message"] for d in doc["diagnostics"])
    assert "長野県" in doc["history"]["text"]


def test_an_event_s_wrapped_end_is_not_taken_by_a_commission_rows_above() -> None:
    body = (
        "2012年度 精神障害者地域移行・地域定着支援事業を開始\n\n－\n\n"
        "2016年度 地域の関係機関と行政による精神保健福祉推進連絡協議\n\n会\n\n直営\n\n"
        "2018年度 ピアサポーター養成研修を開始\n\n↓"
    )
    assert _events(body)[:2] == [
        ("2012年度", "精神障害者地域移行・地域定着支援事業を開始", "－"),
        ("2016年度", "地域の関係機関と行政による精神保健福祉推進連絡協議会", "直営"),
    ]


def test_a_commission_in_one_box_with_the_commission_header_among_the_rows_is_kept_apart() -> None:
    body = (
        "平成26年度 県の地域移行支援事業との連携を開始\n\n"
        "平成30年度 障害者自立支援協議会に精神保健部会を設置\n\n"
        "令和2年度 地域連絡会を開始（2地区で試行）\n\n"
        "委託\n長野県\n\n"
        "令和4年度 ピアサポーターによる病院訪問を開始\n\n市内相談支援事業所\n\n"
        "令和5年度 地域資源マップを発行\n\n↓"
    )
    heading = HEADING.replace("委託\n\n", "")
    assert ("令和2年度", "長野県", None) not in _events(body, heading)  # (no event of a commission)
    doc = nikosheet.parse_text_data(heading + body + END)
    assert doc["history"]["text"] == ["長野県"]
    assert any(d["code"] == "missing-table" and "委託" in d["message"] for d in doc["diagnostics"])


# pdfminer (a prefecture's sheet): a row's commission in a box right after its event's first line, then the
# event's rest and the commission's count in brackets, a box each; a `↓` commission between an event's first
# line and its rest
COMMISSION_BETWEEN = (
    "平成22年度 精神障がい者地域移行支援特別対策事業を開始し、県内3圏域に地\n\n県内の指定一般相談支援事業所\n\n"
    "域移行推進員を配置\n\n（3か所）\n\n平成26年度 地域移行・地域定着支援の個別給付化を受け、推進員の配置を終\n\n了\n\n"
    "平成30年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始 （直営）\n\n"
    "精神保健福祉審議会に地域移行・地域生活支援部会を設置\n\n令和元年度 ・全9圏域に圏域にも包括推進会議を設置\n\n"
    "・ピアサポーター養成研修を開始\n\n三重県こころの健康センター（直\n営）\n\n"
    "令和3年度 「みえ退院支援ガイド」を作成し、精神科病院17か所に配布\n\n"
    "令和4年度 東紀州地域で精神科訪問看護ステーションとの連携モデル事業を\n\n県内の訪問看護ステーション（2\n\n開始\n\n"
    "か所）\n\n市町職員向け「にも包括」人材育成研修（基礎編）を開始\n\n三重県こころの健康センター（直\n\n営）\n\n"
    "令和5年度 ・第8次三重県医療計画（精神疾患）に「にも包括」の推進を位置\n\n↓\n\n"
    "づけ\n・人材育成研修（応用編）を新設\n"
    "・伊賀圏域で隣接する奈良県の精神科病院との退院支援の連絡会\n\nを試行\n"
)


def test_a_count_in_brackets_after_the_event_s_rest_goes_on_the_row_s_commission() -> None:
    assert _events(COMMISSION_BETWEEN)[:2] == [
        (
            "平成22年度",
            "精神障がい者地域移行支援特別対策事業を開始し、県内3圏域に地域移行推進員を配置",
            "県内の指定一般相談支援事業所（3か所）",
        ),
        ("平成26年度", "地域移行・地域定着支援の個別給付化を受け、推進員の配置を終了", None),
    ]


def test_an_event_s_rest_after_its_one_line_commission_is_the_event_s() -> None:
    assert _rows(COMMISSION_BETWEEN)[-1] == (
        "令和5年度\t・第8次三重県医療計画（精神疾患）に「にも包括」の推進を位置づけ ・人材育成研修（応用編）を新設 "
        "・伊賀圏域で隣接する奈良県の精神科病院との退院支援の連絡会を試行\t↓"
    )


def test_a_count_in_brackets_after_a_commission_in_brackets_is_no_note_on_it() -> None:
    # a commission that is a bracket already (`（直営）`) takes no count after it
    body = COMMISSION_BETWEEN.replace("県内の指定一般相談支援事業所\n\n", "（直営）\n\n")
    assert all(commission != "（直営）（3か所）" for _, _, commission in _events(body))


def test_an_event_s_rest_that_closes_its_bracket_after_its_one_line_commission_is_the_event_s() -> None:
    # the event's line is a little short of the widest (a list's bullet is narrow), but the box closes its bracket
    body = COMMISSION_BETWEEN.replace(
        "・第8次三重県医療計画（精神疾患）に「にも包括」の推進を位置\n\n↓\n\nづけ\n",
        "・「精神障害にも対応した地域包括ケアシステム構築推進事\n\n↓\n\n業」を開始\n",
    )
    assert _rows(body)[-1].startswith(
        "令和5年度\t・「精神障害にも対応した地域包括ケアシステム構築推進事業」を開始 ・人材育成研修（応用編）を新設"
    )


def test_a_bracket_s_close_written_after_later_rows_goes_on_the_one_commission_left_open() -> None:
    # pdfminer: the commissions' column a box at a time, its first box's rest (`所）`) after later rows' lines, and
    # the column's next cell (`↓`, the row below's) after it
    body = (
        "平成22年度 神奈川県から精神障害者地域移行支援事業を引き継ぎ、市事業として\n\n"
        "市内相談支援事業所（3か\n\n開始\n\n"
        "平成24年度 地域移行支援・地域定着支援の個別給付化に伴い、事業を再編\n\n"
        "平成29年度 障害者自立支援協議会に精神保健福祉部会を設置\n\n"
        "令和3年度 区別地域連携会議を3区に拡大\n\n所）\n\n↓\n\n"
        "ピアサポーター養成研修を開始\n\n市内地域活動支援センター\n"
    )
    rows = _rows(body)
    assert (
        rows[1] == "平成24年度\t地域移行支援・地域定着支援の個別給付化に伴い、事業を再編\t↓"
    )  # the column's next cell
    assert rows[3] == "令和3年度\t区別地域連携会議を3区に拡大\t"
    events = _events(body)
    assert events[0][2] == "市内相談支援事業所（3か所）"
    assert [e[1] for e in events[1:]] == [
        "地域移行支援・地域定着支援の個別給付化に伴い、事業を再編",
        "障害者自立支援協議会に精神保健福祉部会を設置",
        "区別地域連携会議を3区に拡大",
        "ピアサポーター養成研修を開始",
    ]
    assert events[-1][2] == "市内地域活動支援センター"


def test_a_commission_cut_in_its_office_s_word_waits_for_its_rest_and_the_cell_below_goes_to_the_row_below() -> None:
    # pdfminer: `…相談支援事` beside its row, its `業所` and the next row's `直営` after later rows' lines
    body = (
        "平成18年度 精神障害者退院促進支援事業を富山圏域でモデル実施\n\n富山県精神保健福祉協会\n\n"
        "平成22年度 精神障害者地域移行・地域定着支援事業として4圏域に拡大\n\n各圏域の指定一般相談支援事\n\n"
        "平成25年度 ピアサポーター養成研修を心の健康センターで開始\n\n"
        "令和元年度 4圏域すべてに圏域の協議の場を設置\n\n業所\n\n直営\n\n"
        "令和2年度 新型コロナウイルス感染症の拡大により、ピアサポーターの病院訪問\n\n"
        "各圏域の指定一般相談支援事\n\nを休止し、オンラインでの交流会に切り替え\n\n業所\n"
    )
    assert [(period, commission) for period, _, commission in _events(body)] == [
        ("平成18年度", "富山県精神保健福祉協会"),
        ("平成22年度", "各圏域の指定一般相談支援事業所"),
        ("平成25年度", "直営"),
        ("令和元年度", None),
        ("令和2年度", "各圏域の指定一般相談支援事業所"),
    ]


def test_a_list_s_next_item_after_a_full_line_that_ends_on_a_step_is_the_list_s() -> None:
    body = (
        "令和元年度 相模原市精神保健福祉地域連携推進会議を設置（市の協議の場）\n\n"
        "令和2年度 ・精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n・区別地域連携会議を緑区で試行\n\n"
        "令和3年度 区別地域連携会議を3区に拡大\n"
    )
    assert _events(body)[1] == (
        "令和2年度",
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n区別地域連携会議を緑区で試行",
        None,
    )


def test_a_year_s_next_event_ending_on_an_office_word_s_first_characters_stays_an_event() -> None:
    # `拡大` ends on `大` (大学's first character) and `…普及事業` on `事業` (事業所's): no box after them is the
    # word's rest
    body = (
        "平成30年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n\n"
        "令和4年度 区地域連携会議の対象を全区に拡大\n\nピアサポーター活動の拡大\n\n"
        "令和5年度 ピアサポーター養成研修を開始\n\nピアサポート普及事業\n\n市内相談支援事業所\n"
    )
    assert _events(body)[1:] == [
        ("令和4年度", "区地域連携会議の対象を全区に拡大", None),
        ("令和4年度", "ピアサポーター活動の拡大", None),
        ("令和5年度", "ピアサポーター養成研修を開始", None),
        ("令和5年度", "ピアサポート普及事業", "市内相談支援事業所"),
    ]


def test_a_commission_cut_in_its_office_s_word_takes_its_rest_with_a_bracketed_note() -> None:
    # pdfminer (a designated city's sheet): the 委託 header cell among the rows, `…相談支援事業` beside the last
    # year's first item, its `所（3か所）` after the list's later items
    body = (
        "平成20年度 精神障害者地域移行支援事業を開始\n\n委託\n\n市内の指定一般相談支援事業\n所（2か所）\n\n"
        "平成24年度 地域移行支援・地域定着支援の個別給付化に伴い、事業をピアサポー\n\n↓\n\n"
        "ターの養成・派遣に重点化\n\n平成27年度 京都市障害者自立支援協議会に地域移行・地域定着部会を設置\n\n"
        "令和元年度 「京都市精神障害にも対応した地域包括ケアシステム推進会議」を設\n\n置\n\n"
        "実務者会議を設置し、医療連携・住まい・普及啓発の3つのワーキン\n\nグを開始\n\n"
        "令和3年度 ・伏見区・右京区で区地域連携会議を試行\n\n"
        "・新型コロナウイルス感染症の影響により、推進会議を書面開催\n\n令和4年度 区地域連携会議を8区・支所に拡大\n\n"
        "\x0c令和5年度 ・区地域連携会議を全14区・支所で実施\n\n市内の指定一般相談支援事業\n\n"
        "・大学の学生相談室との「若年層メンタルヘルス連絡会」を開始\n"
        "・ワーキングに「若年層」を加え、普及啓発ワーキングと統合\n\n所（3か所）\n\n"
    )
    assert _events(body)[-1][2] == "市内の指定一般相談支援事業所（3か所）"


# pref-yamagata-fy2024's history as pdfminer wrote it: the template's 有・無 commissions, each in a box between
# its event's full first line and that line's rest
_YES_NO = (
    "平成18年度 精神障害者退院促進支援事業を村山・庄内圏域で開始\n\n有\n\n"
    "平成24年度 地域移行・地域定着支援の個別給付化に合わせ、全4圏域に地域体制整備\n\n有\n\nコーディネーターを配置\n\n"
    "平成29年度 精神科病院に１年以上入院している方への退院意向確認面接を開始（全\n\n無\n\n18病院）\n\n"
    "令和元年度 精神保健福祉審議会に「地域生活支援推進部会」を設置\n\n無\n\n"
    "圏域の精神保健連絡会を「圏域こころの地域ケア会議」に再編\n\n"
    "令和3年度 ピアサポーター「ささえびと」養成研修を開始\n\n有（山形県精神保健福祉会\n\n連合会）"
)


def test_the_template_s_yes_or_no_is_a_commission_between_an_event_and_its_rest() -> None:
    assert _events(_YES_NO) == [
        ("平成18年度", "精神障害者退院促進支援事業を村山・庄内圏域で開始", "有"),
        ("平成24年度", "地域移行・地域定着支援の個別給付化に合わせ、全4圏域に地域体制整備コーディネーターを配置", "有"),
        ("平成29年度", "精神科病院に１年以上入院している方への退院意向確認面接を開始（全18病院）", "無"),
        ("令和元年度", "精神保健福祉審議会に「地域生活支援推進部会」を設置", "無"),
        ("令和元年度", "圏域の精神保健連絡会を「圏域こころの地域ケア会議」に再編", None),
        ("令和3年度", "ピアサポーター「ささえびと」養成研修を開始", "有（山形県精神保健福祉会連合会）"),
    ]
