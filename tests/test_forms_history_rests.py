"""The history's cells that pdfminer wrapped into boxes apart, put back into their cells after the
cell-per-line reader took them for rows of a year's group or for the next cell."""

from __future__ import annotations

import pytest

import nikosheet
from conftest import FIXTURES
from nikosheet.parsing import forms

HEADING = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n\n年度\n\n経過\n\n委託\n\n"
END = "\n4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"


def _rows(body: str) -> list[str]:
    lines = forms.rewrite((HEADING + body + END).split("\n")).lines
    return [line for line in lines if line and "\t" in line][1:]


def test_an_event_s_rest_after_the_commission_beside_it_and_a_commission_s_rest() -> None:
    body = (
        "平成20年度 精神障害者地域移行支援特別対策事業を開始\n\n社会福祉法人 かがわ精神保健福祉協会\n\n"
        "平成26年度 地域移行支援・地域定着支援の事業所連絡会を設置 特定非営利活動法人 たかまつ地域生活支援ピ\n\n"
        "アネットワーク\n\n"
        "令和元年度 「高松市精神障害にも対応した地域包括ケアシステ\n\n↓\n\nム検討会」を設置\n"
    )
    assert _rows(body) == [
        "平成20年度\t精神障害者地域移行支援特別対策事業を開始\t社会福祉法人 かがわ精神保健福祉協会",
        "平成26年度\t地域移行支援・地域定着支援の事業所連絡会を設置"
        "\t特定非営利活動法人 たかまつ地域生活支援ピアネットワーク",
        "令和元年度\t「高松市精神障害にも対応した地域包括ケアシステム検討会」を設置\t↓",
    ]


def test_a_year_s_second_event_stays_a_row_of_its_own() -> None:
    """An event with no step (`…の個別給付化`) after a wide commission is the year's second event where
    the commission above is no wider than another (its line did not fill the column)."""
    body = (
        "平成18年度 精神障害者退院促進支援事業を開始\n\n特定非営利活動法人 さかい地域生活支援ネットワーク\n\n"
        "地域移行支援・地域定着支援の個別給付化\n\n"
        "平成30年度 推進会議を設置\n\n社会福祉法人 堺市社会福祉事業団と地域の相談支援事業所の連合会\n"
    )
    assert _rows(body)[:2] == [
        "平成18年度\t精神障害者退院促進支援事業を開始\t特定非営利活動法人 さかい地域生活支援ネットワーク",
        "\t地域移行支援・地域定着支援の個別給付化\t",
    ]


def test_a_commission_that_completes_the_event_s_step_is_the_event_s() -> None:
    body = "平成26年度 ピアサポーター養成研修を開始\n\n精神保健福祉センターに地域移行支援の相談窓口を設\n\n置\n"
    assert _rows(body)[-1] == "\t精神保健福祉センターに地域移行支援の相談窓口を設置\t"


@pytest.mark.parametrize("name", ["kawaguchi-r5", "kashiwa-r6"])
def test_the_samples_form_is_left_alone(name: str) -> None:
    text = (FIXTURES.parent.parent / "samples" / f"{name}.txt").read_text(encoding="utf-8")
    assert forms.rewrite(text.split("\n")).lines == text.split("\n")


def test_a_sheet_s_event_wrapped_into_a_box_apart_is_whole() -> None:
    doc = nikosheet.parse_file_data(FIXTURES / "converters" / "kashiwa-r6--pdfminer.txt")
    event = next(e for e in doc["history"]["events"] if e["period"] == "平成30年度")
    assert event["description"] == (
        "千葉県事業の名称変更 精神障害者地域移行支援事業から「精神障害にも対応した地域包括ケアシステム構築推進事業」へ"
    )


def test_a_commission_s_rest_after_the_next_row_s_first_line_and_that_row_s_own_commission() -> None:
    body = (
        "平成17年度 退院促進支援事業をモデル圏域（上小・松\n\n"
        "社会福祉法人 信州地域生活支援ネットワーク\n\n本）で開始\n\n"
        "平成22年度 退院促進支援事業を全圏域に拡大\n\n協議会\n\n↓\n\n"
        "平成26年度 ピアサポーター養成研修を開始\n\n特定非営利活動法人 ながのピアサポートネッ\n\nトワーク\n"
    )
    assert _rows(body) == [
        "平成17年度\t退院促進支援事業をモデル圏域（上小・松本）で開始\t社会福祉法人 信州地域生活支援ネットワーク協議会",
        "平成22年度\t退院促進支援事業を全圏域に拡大\t↓",
        "平成26年度\tピアサポーター養成研修を開始\t特定非営利活動法人 ながのピアサポートネットワーク",
    ]


def test_a_commission_takes_one_rest_a_later_event_without_a_step_is_its_year_s() -> None:
    body = (
        "平成18年度 退院促進支援事業を開始\n\n特定非営利活動法人 くまもと精神保健福祉地域生\n\n活支援ネットワーク\n\n"
        "平成24年度 区保健子ども課を設置\n\n地域移行支援の個別給付化\n\n↓\n\n"
        "令和4年度 連携会議を設置\n\n社会福祉法人 熊本市社会福祉事業団\n"
    )
    assert _rows(body)[:3] == [
        "平成18年度\t退院促進支援事業を開始\t特定非営利活動法人 くまもと精神保健福祉地域生活支援ネットワーク",
        "平成24年度\t区保健子ども課を設置\t",
        "\t地域移行支援の個別給付化\t↓",
    ]


def test_an_event_s_rest_that_pdftotext_wrote_after_the_commission_beside_it() -> None:
    # pdftotext: the year and the event's first line in boxes of their own, the rest of the widest
    # event (cut inside a phrase) after the commission beside it, run on to the next row's line
    body = (
        "平成22年度 岐阜県精神障害者地域移行支援特別対策事業を開始\n\n各圏域の指定一般相談支援\n事業所\n\n"
        "平成27年度 ピアサポーター養成研修を開始\n\n岐阜県精神保健福祉センタ\nー（直営）\n\n"
        "精神科病院へのピアサポーター派遣を3病院で試行\n令和元年度\n\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、5圏\n\n岐阜県精神保健福祉協会\n\n"
        "域に圏域地域移行推進会議を設置\n令和4年度\n\n「退院支援連絡票」の運用を全圏域で開始\n\n↓\n"
    )
    assert _rows(body)[2:] == [
        "\t精神科病院へのピアサポーター派遣を3病院で試行\t",
        "令和元年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、5圏域に圏域地域移行推進会議を設置"
        "\t岐阜県精神保健福祉協会",
        "令和4年度\t「退院支援連絡票」の運用を全圏域で開始\t↓",
    ]


def test_an_event_s_last_character_in_a_box_of_its_own_after_the_commission() -> None:
    # pdfminer: the event's step cut after its first character (`…を設` / `置`), or a word's last kana
    # (`…位置づ` / `け`), in a box after the commission beside the event's first line
    body = (
        "平成28年度 精神保健福祉総合センターにアウトリーチ⽀援チームを設\n\n（直営）\n\n置\n\n"
        "平成30年度 精神保健福祉審議会に地域移⾏・地域定着部会を設置\n\n↓\n\n"
        "令和元年度〜 世⽥⾕区精神保健福祉連絡協議会を「にも包括」の協議の場として位置づ\n\nけ\n\n"
        "地域精神保健福祉連絡会を5地域で開催\n"
    )
    assert _rows(body) == [
        "平成28年度\t精神保健福祉総合センターにアウトリーチ支援チームを設置\t（直営）",
        "平成30年度\t精神保健福祉審議会に地域移行・地域定着部会を設置\t↓",
        "令和元年度～\t世田谷区精神保健福祉連絡協議会を「にも包括」の協議の場として位置づけ\t",
        "\t地域精神保健福祉連絡会を5地域で開催\t",
    ]


def test_an_event_s_rest_after_the_commission_with_look_alike_characters_in_its_line() -> None:
    # pdfminer: the year with pdfminer's wave dash, the event with a Kangxi radical (folded back first)
    body = (
        "平成29年度 ピアサポーター養成研修を開始\n\n↓\n\n精神科病院へのピアサポーター派遣を試⾏\n\n"
        "令和2年度〜 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、全圏\n\n"
        "静岡県精神保健福祉協会\n\n域に協議の場を設置\n\n"
        "令和5年度 市町の協議の場の設置促進に向けたアドバイザー派遣を開始\n\n↓\n"
    )
    assert _rows(body)[2] == (
        "令和2年度～\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、全圏域に協議の場を設置"
        "\t静岡県精神保健福祉協会"
    )


def test_a_commission_of_none_in_kana_stays_in_the_commission_column() -> None:
    """`なし` below an event that ends with its step is the 委託 column's word for none (docx2txt's cell per
    line), not kana that ends the event's word (`…位置づ` / `け`)."""
    body = (
        "2020年度\n\n会議を書面開催とした\n\n\n\n"
        "2021年度\n\nワーキンググループを設置\n\nなし\n\n"
        "2022年度\n\n市内4病院の長期入院者の状況を把握\n\n\n"
    )
    doc = nikosheet.parse_text_data(HEADING + body + END)
    events = [(e["description"], e["commission"]) for e in doc["history"]["events"]]
    assert events[1] == ("ワーキンググループを設置", "なし")


def test_an_event_s_rest_that_starts_with_a_particle_or_a_word_s_kana_end_after_the_commission() -> None:
    # plain pdftotext: the widest events' rests (`への訪問を始めた`, `て開始`) after the commission beside
    # their first line, run on to the next row's line; a year's second event is still a row of its own
    body = (
        "平成19年度 江東区精神保健福祉連絡会を設置\n"
        "平成22年度 精神障害者退院促進事業を開始し、区外の精神科病院に入院している区民\n\n"
        "相談支援事業所（1か所）\n\nへの訪問を始めた\n"
        "平成24年度 中核市移行により保健所を設置し、精神保健福祉相談を本市の業務とし\n\nなし\n\n"
        "て開始\n平成27年度 地域移行支援連絡会を設置\n"
        "平成29年度 長期入院者の実態調査を実施し、区民の長期入院者の約8割が区外の病院\n"
        "に入院していることが分かった\n令和元年度\n\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n精神保健福祉連絡会を協議の場として位置づけた\n\n"
        "令和2年度\n\n住まい部会を設置\n\n令和3年度\n\n不動産事業者との意見交換会を開始\n\n"
    )
    rows = _rows(body)
    assert rows[1:3] == [
        "平成22年度\t精神障害者退院促進事業を開始し、区外の精神科病院に入院している区民への訪問を始めた"
        "\t相談支援事業所（1か所）",
        "平成24年度\t中核市移行により保健所を設置し、精神保健福祉相談を本市の業務として開始\tなし",
    ]
    assert "\t精神保健福祉連絡会を協議の場として位置づけた\t" in rows


def test_an_event_s_rest_beside_its_commission_s_rest_that_closes_the_commission_s_bracket() -> None:
    # plain pdftotext: the commission's first line run on after the event's on one line, the two rests
    # below it (`員を配置`, `所）`)
    body = (
        "平成18年度 精神障害者退院促進支援事業を弘前圏域でモデル的に開始\n\n青森県精神保健福祉協\n会\n\n"
        "平成20年度 退院促進支援事業を県内全6圏域に拡大\n"
        "平成24年度 精神障害者地域移行・地域定着支援事業に移行し、圏域ごとに地域移行推進 相談支援事業所（6か\n"
        "員を配置\n所）\n平成26年度 ピアサポーター養成研修を開始（初年度修了者11名）\n\n県精神保健福祉センタ\nー\n\n"
        "平成29年度 県の協議の場として「青森県精神障害者地域移行推進会議」を設置\n"
        "平成30年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "県推進会議を「青森県精神障害にも対応した地域包括ケアシステム推進会\n議」に改組し、介護・住まい分野の委員を加えた\n"
        "令和元年度\n\n長期入院者の退院意向調査を県内24病院で実施\n\n青森県精神科病院協会\n\n"
        "令和2年度\n\n新型コロナウイルス感染症の拡大により病院訪問を中止し、手紙による交流\nに切り替えた\n\n"
        "令和3年度\n\nオンライン会議を導入し、下北・西北五圏域の委員の参加が容易になった\n\n"
        "令和4年度\n\n市町村の協議の場の設置数が25市町村に到達\n冬期の見守り体制について、民生委員児童委員協議会と協議を開始\n\n"
        "令和5年度\n\n国の構築支援事業に参加し、広域アドバイザーの助言のもと評価指標を見直\nした\n"
    )
    assert _rows(body)[1:4] == [
        "平成20年度\t退院促進支援事業を県内全6圏域に拡大\t",
        "平成24年度\t精神障害者地域移行・地域定着支援事業に移行し、圏域ごとに地域移行推進員を配置\t相談支援事業所（6か所）",
        "平成26年度\tピアサポーター養成研修を開始（初年度修了者11名）\t県精神保健福祉センター",
    ]
