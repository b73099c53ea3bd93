"""A schedule's range of months that its narrow column wrapped (`R6年7月～` / `9月`, `R6年12月` / `～R7年2月`):
one month cell, in every converter's form, not a row of its own."""

from __future__ import annotations

import pytest

from conftest import rewritten_rows, with_schedule
from nikosheet import parse_text_data

_HEADING = "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n"

# pref-yamagata-fy2024's schedule (a sheet of the converters' corpus measured apart), as each converter wrote it
_LAYOUT = (
    "時期(月)    実施内容                    具体的な取組\n"
    "R6年7月    第1回地域生活支援推進部会           今年度の重点課題の決定、圏域会議の進め方の確認\n"
    "R6年7月～   第1回圏域こころの地域ケア会議（4圏域）    長期入院者の事例検討と圏域の課題の整理\n"
    "9月\n"
    "R6年8月    にも包括基礎研修                市町村・総合支庁の新任職員、相談支援専門員、介\n"
    "                                 護支援専門員向け講義（オンデマンド配信あり）\n"
    "R6年12月   庄内圏域アウトリーチ試行            医療中断者への多職種訪問、最上圏域の手順書の検\n"
    "～R7年2月                           証\n"
    "R7年2月    第2回地域生活支援推進部会           今年度の評価と次年度計画の協議、指標の確認\n"
)
# designated-okayama-fy2024's: the range's end beside the detail's wrapped rest
_LAYOUT_BESIDE = (
    "時期(月)   実施内容                                     具体的な取組\n"
    "R6年7月   第1回推進会議                                  重点課題の決定、連携パスの改\n"
    "                                                        訂案の報告\n"
    "R6年8月～  未使用病院への訪問                                ・5病院への訪問と運用方法の説\n"
    "10月                                                     明\n"
    "                                                        ・病棟の看護師向けの説明会\n"
    "R6年9月   第1回合同研修                                  相談支援専門員と介護支援専門\n"
    "                                                        員による事例検討\n"
)
_COUNCILS_VISUAL = (
    "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
    "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課\n"
    "題・強み等)\n"
    "⼭形県精神保健福祉審議 ・⼭形県精神科病院協会 年2回 ・圏域の会議からの課 圏域ごとの報\n"
    "会 地域⽣活⽀援推進部会 ・⼭形県医師会 題報告 ・保健医療計 告に時間がか\n"
)
_VISUAL = (
    "時期(⽉) 実施内容 具体的な取組\n"
    "R6年7⽉ 第1回地域⽣活⽀援推進部会 今年度の重点課題の決定、圏域会議の進め⽅の確認\n"
    "R6年7⽉〜 第1回圏域こころの地域ケア会議（4圏域） ⻑期⼊院者の事例検討と圏域の課題の整理\n"
    "9⽉\n"
    "R6年8⽉ にも包括基礎研修 市町村・総合⽀庁の新任職員、相談⽀援専⾨員、介\n"
    "護⽀援専⾨員向け講義（オンデマンド配信あり）\n"
    "R6年12⽉ 庄内圏域アウトリーチ試⾏ 医療中断者への多職種訪問、最上圏域の⼿順書の検\n"
    "〜R7年2⽉ 証\n"
    "R7年2⽉ 第2回地域⽣活⽀援推進部会 今年度の評価と次年度計画の協議、指標の確認\n"
)
_PIPES = (
    "| 時期(⽉) | 実施内容                  | 具体的な取組                  |\n"
    "| R6年7⽉  | 第1回地域⽣活⽀援推進部会        | 今年度の重点課題の決定、圏域会議の進め⽅の確認 |\n"
    "| ------ | -------------------- | ----------------------- |\n"
    "| R6年7⽉〜 | 第1回圏域こころの地域ケア会議（4圏域） | ⻑期⼊院者の事例検討と圏域の課題の整理     |\n"
    "9⽉\n"
    "| R6年8⽉ | にも包括基礎研修 | 市町村・総合⽀庁の新任職員、相談⽀援専⾨員、介 |\n"
    "| ----- | -------- | ----------------------- |\n"
    "護⽀援専⾨員向け講義（オンデマンド配信あり）\n"
    "| R6年12⽉ | 庄内圏域アウトリーチ試⾏         | 医療中断者への多職種訪問、最上圏域の⼿順書の検 |\n"
    "| 〜R7年2⽉ |                      | 証                       |\n"
    "| R7年2⽉  | 第2回地域⽣活⽀援推進部会        | 今年度の評価と次年度計画の協議、指標の確認   |\n"
)
_CELL_LINES = (
    "時期(月) 実施内容 具体的な取組\n"
    "R6年11月 第2回圏域こころの地域ケア会議（4圏域） 市町村の協議の場の状況報告、住まいの課題の協議\n"
    "R6年12月\n"
    "～R7年2月\n"
    "庄内圏域アウトリーチ試行 医療中断者への多職種訪問、最上圏域の手順書の検\n"
    "証\n"
    "R7年2月 第2回地域生活支援推進部会 今年度の評価と次年度計画の協議、指標の確認\n"
)
_MONTHS = ["R6年7月", "R6年7月～9月", "R6年8月", "R6年12月～R7年2月", "R7年2月"]


@pytest.mark.parametrize(
    ("text", "form"),
    [(_LAYOUT, "pdftotext -layout"), (_COUNCILS_VISUAL + _HEADING + _VISUAL, "pdfplumber"), (_PIPES, "markitdown")],
)
def test_a_ranges_end_wrapped_onto_the_next_line_is_its_month_cells(text: str, form: str):
    rows = [row for row in rewritten_rows(_HEADING + text) if row[0].startswith(("R", "時期"))]
    assert [row[0] for row in rows[1:]] == _MONTHS, form
    assert rows[2][1:] == ["第1回圏域こころの地域ケア会議（4圏域）", "長期入院者の事例検討と圏域の課題の整理"], form
    assert rows[4][1:] == ["庄内圏域アウトリーチ試行", "医療中断者への多職種訪問、最上圏域の手順書の検証"], form


def test_a_ranges_end_beside_the_details_wrapped_line_is_its_month_cells():
    rows = rewritten_rows(_HEADING + _LAYOUT_BESIDE)
    assert [row[0] for row in rows[1:]] == ["R6年7月", "R6年8月～10月", "R6年9月"]
    assert "5病院への訪問と運用方法の説明" in rows[2][2]


def test_a_ranges_mark_wrapped_with_its_end_is_its_month_cells():
    rows = rewritten_rows(_HEADING + _CELL_LINES)
    assert [row[0] for row in rows[1:]] == ["R6年11月", "R6年12月～R7年2月", "R7年2月"]
    assert rows[2][1] == "庄内圏域アウトリーチ試行"


def test_a_month_beside_an_item_of_its_own_after_an_open_range_is_a_row_of_its_own():
    line = "9月       随時の相談会                    各区で開催"
    rows = rewritten_rows(_HEADING + _LAYOUT.replace("\n9月\n", f"\n{line}\n"))
    assert [row[0] for row in rows[1:4]] == ["R6年7月", "R6年7月～", "9月"]
    assert rows[3][1:] == ["随時の相談会", "各区で開催"]


# designated-okayama-fy2024's schedule, plain pdftotext of its Chromium PDF: a box a cell, the range's end a box
# of its own after the item's
_BOXES = (
    "時期(月)\n\n実施内容\n\n具体的な取組\n\n"
    "R6年7月\n\n第1回推進会議\n\n重点課題の決定、連携パスの改\n訂案の報告\n\n"
    "R6年8月～\n\n未使用病院への訪問\n\n10月\n\n"
    "・5病院への訪問と運用方法の説\n明\n・病棟の看護師向けの説明会\n\n"
    "R6年9月\n\n第1回合同研修\n\n相談支援専門員と介護支援専門\n員による事例検討\n"
)


def test_a_ranges_end_in_a_box_after_the_items_is_its_month_cells():
    rows = rewritten_rows(_HEADING + _BOXES)
    assert [row[0] for row in rows[1:]] == ["R6年7月", "R6年8月～10月", "R6年9月"]
    assert rows[2][1] == "未使用病院への訪問"


def test_an_open_range_before_a_month_box_with_its_item_and_details_after_it_is_left_open():
    text = "時期(月)\n\n実施内容\n\n具体的な取組\n\nR7年4月～\n\n個別支援\n\n5月\n\n研修会\n\n全2回\n"
    rows = rewritten_rows(_HEADING + text)
    assert rows[1:] == [["R7年4月～", "個別支援", ""], ["5月", "研修会", "全2回"]]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            _LAYOUT.replace("\n9月\n", "\n")
            + "R6年10月～  個別支援の開始          訪問の開始\n11月       研修会               中間報告\n",
            "layout",
        ),
        (_COUNCILS_VISUAL + _HEADING + _VISUAL.replace("\n9⽉\n", "\n"), "pdfplumber"),
        (
            _PIPES.replace("\n9⽉\n", "\n") + "| R6年10⽉〜 | 個別支援 | 訪問 |\n| 11⽉ | 研修会 | 区の課題の共有 |\n",
            "markitdown",
        ),
    ],
)
def test_a_range_left_open_keeps_the_next_rows_month_that_stands_with_its_item(text: str, form: str):
    rows = [row for row in rewritten_rows(_HEADING + text) if row[0].startswith(("R", "時期", "1"))]
    months = [row[0] for row in rows[1:]]
    assert "R6年7月～" in months and "R6年8月" in months, form
    assert not any(month.startswith("R6年7月～R") or month.endswith("～11月") for month in months), form


def test_a_ranges_end_beside_a_details_wrapped_rest_that_starts_with_a_kanji_is_its_month_cells():
    text = (
        "時期(月)    実施内容                    具体的な取組\n"
        "R6年7月    第1回地域生活支援推進部会           今年度の重点課題の決定、圏域会議の進め方の確認\n"
        "R6年7月～   第1回圏域こころの地域ケア会議（4圏域）    長期入院者の事例検討と圏域の課題の整理を行い、\n"
        "9月                                 関係機関との連携を図る\n"
        "R6年8月    にも包括基礎研修                市町村・総合支庁の新任職員、相談支援専門員、介\n"
        "                                 護支援専門員向け講義（オンデマンド配信あり）\n"
    )
    rows = rewritten_rows(_HEADING + text)
    assert [row[0] for row in rows[1:]] == ["R6年7月", "R6年7月～9月", "R6年8月"]
    assert rows[2][2] == "長期入院者の事例検討と圏域の課題の整理を行い、関係機関との連携を図る"


def test_a_frequency_each_area_holds_may_stand_a_space_after_the_area():
    import re

    from nikosheet.parsing.forms.template_tables import FREQUENCY

    frequencies = ("各区 年2回", "各圏域 年3回", "各保健所 年2回", "各市町村の担当者 年2回")
    assert [bool(re.fullmatch(FREQUENCY, f)) for f in frequencies] == [True, True, True, False]


# pref-yamagata-fy2024's schedule as pdfminer wrote it: a box a cell, the range's end after the row's details,
# R6年8月's details after the next row's month and item
_PDFMINER = (
    "時期(⽉)\n\n実施内容\n\n具体的な取組\n\nR6年4⽉\n\n総合⽀庁・センター担当者会議\n\n"
    "今年度の重点と役割分担の確認、退院意向確認⾯接\nの実施⽅法の共有\n\n５⽉\n\n未設置町村への訪問\n\n"
    "総合⽀庁による個別訪問、合同設置の意向確認\n\nR6年6⽉\n\n退院意向確認⾯接（前期）\n\n"
    "・全18病院の１年以上⼊院者への⾯接\n・退院希望者の相談⽀援事業所への紹介\n\nR6年7⽉\n\n"
    "第1回地域⽣活⽀援推進部会\n\n今年度の重点課題の決定、圏域会議の進め⽅の確認\n\nR6年7⽉〜\n\n"
    "第1回圏域こころの地域ケア会議（4圏域）\n\n⻑期⼊院者の事例検討と圏域の課題の整理\n\n9⽉\n\nR6年8⽉\n\n"
    "にも包括基礎研修\n\nR6年10⽉ ささえびと養成研修\n\n市町村・総合⽀庁の新任職員、相談⽀援専⾨員、介\n\n"
    "護⽀援専⾨員向け講義（オンデマンド配信あり）\n\n・養成研修（3⽇間）\n\n・修了者の登録と病院訪問の同⾏\n\n"
    "R6年11⽉ 第2回圏域こころの地域ケア会議（4圏域）\n\n市町村の協議の場の状況報告、住まいの課題の協議\n\n"
    "R6年12⽉\n〜R7年2⽉\n\n庄内圏域アウトリーチ試⾏\n\n医療中断者への多職種訪問、最上圏域の⼿順書の検\n証\n\n"
    "R7年2⽉\n\n第2回地域⽣活⽀援推進部会\n\n今年度の評価と次年度計画の協議、指標の確認\n\n通年\n\n"
    "ささえびとの病院訪問\n\n2か⽉に1回の連絡会で⽇程を調整し、各病院を訪\n問\n\n随時\n\n未設置町村⽀援検討会\n\n"
    "町村ごとの進み具合に応じて⽀援⽅針を⾒直す\n"
)


def _in_pdfminer_sheet(block: str) -> list[dict]:
    """The schedule's rows read from core-asahikawa-fy2024's pdfminer text, its schedule replaced by `block`."""
    return parse_text_data(with_schedule("core-asahikawa-fy2024", "pdfminer", block))["annual_schedule"]["items"]


def test_a_ranges_end_after_the_rows_details_is_its_month_cells():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_pdfminer_sheet(_PDFMINER)[3:]]
    assert [label for label, _, _ in rows[:5]] == ["R6年7月", "R6年7月～9月", "R6年8月", "R6年10月", "R6年11月"]
    assert rows[1][1:] == ("第1回圏域こころの地域ケア会議（4圏域）", ["長期入院者の事例検討と圏域の課題の整理"])
    assert rows[2][2] == ["市町村・総合支庁の新任職員、相談支援専門員、介護支援専門員向け講義（オンデマンド配信あり）"]
    assert rows[3][1:] == ("ささえびと養成研修", ["養成研修（3日間）", "修了者の登録と病院訪問の同行"])
    assert rows[-1][1:] == ("未設置町村支援検討会", ["町村ごとの進み具合に応じて支援方針を見直す"])


def test_a_month_after_the_rows_details_with_an_item_of_its_own_is_a_row():
    text = _PDFMINER.replace("9⽉\n\nR6年8⽉\n\n", "9⽉\n\n随時の相談会\n\n各区で開催\n\nR6年8⽉\n\n")
    assert text != _PDFMINER
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_pdfminer_sheet(text)[3:]]
    assert [label for label, _, _ in rows[:3]] == ["R6年7月", "R6年7月～", "9月"]
    assert rows[2][1:] == ("随時の相談会", ["各区で開催"])


# pref-yamagata-fy2024's schedule as plain pdftotext wrote it (the cell-per-line reading): the range's end a box
# of its own after the row's details, right before the next month
_PDFTOTEXT = (
    "時期(月)\n\n実施内容\n\n具体的な取組\n\nR6年4月\n\n総合支庁・センター担当者会議\n\n"
    "今年度の重点と役割分担の確認、退院意向確認面接\nの実施方法の共有\n\n５月\n\n未設置町村への訪問\n\n"
    "総合支庁による個別訪問、合同設置の意向確認\n\nR6年6月\n\n退院意向確認面接（前期）\n\n"
    "・全18病院の１年以上入院者への面接\n・退院希望者の相談支援事業所への紹介\n\nR6年7月\n\n"
    "第1回地域生活支援推進部会\n\n今年度の重点課題の決定、圏域会議の進め方の確認\n\nR6年7月～\n\n"
    "第1回圏域こころの地域ケア会議（4圏域）\n\n長期入院者の事例検討と圏域の課題の整理\n\nにも包括基礎研修\n\n"
    "市町村・総合支庁の新任職員、相談支援専門員、介\n\n9月\nR6年8月\n\n"
    "護支援専門員向け講義（オンデマンド配信あり）\nR6年10月\n\nささえびと養成研修\n\n"
    "・養成研修（3日間）\n・修了者の登録と病院訪問の同行\n\nR6年11月\n\n"
    "第2回圏域こころの地域ケア会議（4圏域）\n\n市町村の協議の場の状況報告、住まいの課題の協議\n\n"
    "R6年12月\n～R7年2月\n\n庄内圏域アウトリーチ試行\n\n医療中断者への多職種訪問、最上圏域の手順書の検\n証\n\n"
    "R7年2月\n\n第2回地域生活支援推進部会\n\n今年度の評価と次年度計画の協議、指標の確認\n\n通年\n\n"
    "ささえびとの病院訪問\n\n2か月に1回の連絡会で日程を調整し、各病院を訪\n問\n\n随時\n\n未設置町村支援検討会\n\n"
    "町村ごとの進み具合に応じて支援方針を見直す\n"
)


def test_a_ranges_end_after_the_rows_details_in_pdftotext_s_text_is_its_month_cells():
    doc = parse_text_data(with_schedule("pref-gifu-fy2024", "pdftotext", _PDFTOTEXT))
    labels = [row["label"] for row in doc["annual_schedule"]["items"]]
    assert labels[3:7] == ["R6年7月", "R6年7月～9月", "R6年8月", "R6年10月"]


# designated-fukuoka-fy2023's schedule (a sheet measured apart), a range cut after its end's year (`R5年12月〜R6年`
# / `1月`), as pypdf and pdftotext's layout mode wrote it
_YEAR_CUT_PYPDF = (
    "時期(⽉) 実施する項⽬ 実施する内容\n"
    "R5年4⽉ 区担当者会議（第1回） 地域課題シートの様式の統⼀、年間計画の共有\n"
    "R5年6⽉〜7⽉ 区精神保健福祉連絡会議\n"
    "（前期）\n"
    "7区で事例検討を⾏い、地域課題シートを作成する。未作成の2区に\n"
    "は精神保健福祉センターの職員が同席して作成を⽀援する。\n"
    "R5年7⽉ 区担当者会議（第2回）\n"
    "R5年8⽉ 第1回市協議の場の開催 区の地域課題の報告と優先順位の検討\n"
    "R5年9⽉〜11⽉ ピアサポーター養成研修 全5回\n"
    "R5年10⽉ 区担当者会議（第3回）\n"
    "R5年11⽉ ⽀援者向け研修会 措置⼊院者等の退院後⽀援をテーマに、区の保健師と相談⽀援専⾨\n"
    "員を対象として実施する\n"
    "R5年12⽉〜R6年\n"
    "1⽉\n"
    "区精神保健福祉連絡会議\n"
    "（後期）\n"
    "R6年1⽉ 区担当者会議（第4回） 後期の区会議の結果の集約\n"
    "R6年2⽉ 第2回市協議の場の開催 今年度の評価、次年度の重点課題の決定\n"
    "R6年3⽉ 次年度計画の策定\n"
)
# (the same, laid out)
_YEAR_CUT_LAYOUT = (
    "時期(月)       実施する項目        実施する内容\n"
    "R5年4月       区担当者会議（第1回）   地域課題シートの様式の統一、年間計画の共有\n"
    "R5年6月～7月    区精神保健福祉連絡会議   7区で事例検討を行い、地域課題シートを作成する。未作成の2区に\n"
    "            （前期）          は精神保健福祉センターの職員が同席して作成を支援する。\n"
    "R5年7月       区担当者会議（第2回）\n"
    "R5年8月       第1回市協議の場の開催   区の地域課題の報告と優先順位の検討\n"
    "\x0cR5年9月～11月    ピアサポーター養成研修   全5回\n"
    "R5年10月       区担当者会議（第3回）\n"
    "R5年11月       支援者向け研修会      措置入院者等の退院後支援をテーマに、区の保健師と相談支援専門\n"
    "                           員を対象として実施する\n"
    "R5年12月～R6年   区精神保健福祉連絡会議\n"
    "1月           （後期）\n"
    "R6年1月        区担当者会議（第4回）   後期の区会議の結果の集約\n"
    "R6年2月        第2回市協議の場の開催   今年度の評価、次年度の重点課題の決定\n"
    "R6年3月        次年度計画の策定\n"
    "\x0c\n"
)


@pytest.mark.parametrize(("converter", "block"), [("pypdf", _YEAR_CUT_PYPDF), ("pdftotext-layout", _YEAR_CUT_LAYOUT)])
def test_a_range_cut_after_its_ends_year_is_one_month_cell(converter, block):
    """`R5年12月～R6年` / `1月`: the range's end's month, wrapped after its year, is the range's (the year had run into
    the row above, or `1月` stood as a row of its own, and the later rows one place off)."""
    items = parse_text_data(with_schedule("kawaguchi-r5", converter, block))["annual_schedule"]["items"]
    assert [(i["label"], i["month"]) for i in items[6:9]] == [
        ("R5年11月", "2023-11"),
        ("R5年12月～R6年1月", "2023-12"),
        ("R6年1月", "2024-01"),
    ]
    assert items[7]["item"].startswith("区精神保健福祉連絡会議")
    assert items[8]["actions"] == ["後期の区会議の結果の集約"]
    assert len(items) == 11


# pref-aomori-fy2024's schedule (a sheet measured apart) as plain pdftotext wrote it: Chromium centres the month in
# its row, and its second line (`～5月`) stands at the height of the details' lines, written between them
_TAIL_AMONG_DETAILS = (
    "時期(月)\n\n実施内容\n\n具体的な取組\n\nR6年4月\n\n圏域協議の場の年間計画の確認\n\n"
    "各保健所の担当者会議を開催し、圏域ごとの重点課題と\n\n～5月\n\n開催予定を確認する。\n\nR6年6月\n\n"
    "第1回県協議の場\n\n実態調査の結果報告、今年度の方針決定。圏域別データ\nの活用方法について構成員から意見を聴く。\n\n"
    "R6年7月\n～9月\n\n未設置市町村への訪問支援\n\n保健所と障害福祉課が同行し、13市町村を訪問する。共\n"
    "同設置を希望する町村には、近隣町村との調整の場を設\nける。訪問結果は10月の担当者研修会で共有する。\n\n"
    "R6年8月\n\nピアサポーター養成研修（基礎編）\n\nR6年10\n月\n\n市町村担当者研修会\n\n"
    "先行市町村の事例発表、グループワーク\n\nR6年11\n月\n\n3圏域合同事例検討会（西北五・上十三・下\n北）\n\n"
    "オンライン併用で開催\n\nR6年12\n月～R7\n年1月\n\nピアサポーター養成研修（実践編）・病院訪\n問\n\n"
    "R7年2月\n\n第2回県協議の場\n\nR7年3月\n\n次年度計画の策定\n\n今年度の取組の評価、次年度の重点課題の協議\n\n\x0c"
)
# designated-kobe-fy2024's (a sheet measured apart) as pdfminer wrote it: the range's tail between the details'
# items, after an item whose row has no details, and after a detail's first line that the next month's box follows
_TAIL_AMONG_ITEMS = (
    "時期(⽉) 実施内容\n\n具体的な取組\n\nR6年4⽉ 事務局会議（以降毎⽉）\n\n年間計画の確認、部会の議題の決定\n\n"
    "R6年5⽉\n\n退院意向調査結果のフィードバック\n\n・18病院を訪問し、病院ごとの結果を説明\n\n〜6⽉\n\n"
    "・退院⽀援の重点対象の検討\n\n\x0cR6年7⽉ 第1回推進会議\n\n今年度の取組⽅針の決定、昨年度の取組の\n\n評価報告\n\n"
    "R6年7⽉\n\n第1回地域移⾏部会・第1回地域定着・危機対応部会\n\n〜9⽉\n\nR6年9⽉\n\n"
    "区こころの⽀援ネットワーク会議（9区）\n\n65歳到達時の移⾏事例をもとに、区ごとの\n\n〜11⽉\n\n"
    "R6年10⽉ クライシスプラン研修会\n\nR6年11⽉ ・ピアサポーター養成研修\n\n・第2回地域移⾏部会\n\n"
    "R7年1⽉ 移⾏⼿順書（案）の区への説明\n\n課題を整理する\n\n区役所、訪問看護ステーション、相談⽀援\n\n"
    "事業所を対象に、プランの作成と共有の⽅\n法を学ぶ\n\n・養成研修(全5回)の実施\n・病院訪問の中間報告\n\n"
    "R7年2⽉ 第2回推進会議\n\n今年度の取組の評価、次年度計画の協議\n\nR7年3⽉ 第2回地域定着・危機対応部会\n\n"
    "クライシスプランの活⽤状況の評価\n\n\x0c"
)
# the same cut to four rows, each written a box a cell in its row's order (read so by `column_sequences`)
_TAIL_IN_COLUMN_RUNS = (
    "時期(⽉) 実施内容\n\n具体的な取組\n\nR6年4⽉ 事務局会議（以降毎⽉）\n\n年間計画の確認、部会の議題の決定\n\n"
    "R6年5⽉\n\n退院意向調査結果のフィードバック\n\n・18病院を訪問し、病院ごとの結果を説明\n\n〜6⽉\n\n"
    "・退院⽀援の重点対象の検討\n\n\x0cR6年7⽉ 第1回推進会議\n\n今年度の取組⽅針の決定、昨年度の取組の評価報告\n\n"
    "R7年3⽉ 第2回地域定着・危機対応部会\n\nクライシスプランの活⽤状況の評価\n\n\x0c"
)


def test_a_ranges_tail_among_the_details_lines_is_its_month_cells():
    """`R6年4月`, the item, a detail's first line, `～5月`, its next line: the month `R6年4月～5月` (it had been
    `R6年4月`, its tail run into the item), the detail whole."""
    items = parse_text_data(with_schedule("pref-gifu-fy2024", "pdftotext", _TAIL_AMONG_DETAILS))["annual_schedule"]
    rows = [(i["label"], i["item"], i["actions"]) for i in items["items"]]
    assert rows[0] == (
        "R6年4月～5月",
        "圏域協議の場の年間計画の確認",
        ["各保健所の担当者会議を開催し、圏域ごとの重点課題と開催予定を確認する。"],
    )
    assert [label for label, _, _ in rows[:4]] == ["R6年4月～5月", "R6年6月", "R6年7月～9月", "R6年8月"]


def test_a_ranges_tail_among_the_items_or_after_the_item_is_its_month_cells():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_pdfminer_sheet(_TAIL_AMONG_ITEMS)]
    labels = ["R6年4月", "R6年5月～6月", "R6年7月", "R6年7月～9月", "R6年9月～11月", "R6年10月"]
    assert [label for label, _, _ in rows[:6]] == labels
    assert rows[1][2] == ["18病院を訪問し、病院ごとの結果を説明", "退院支援の重点対象の検討"]
    assert rows[3][1] == "第1回地域移行部会・第1回地域定着・危機対応部会"
    assert rows[4][1] == "区こころの支援ネットワーク会議（9区）"


def test_a_ranges_tail_in_a_box_apart_among_column_runs_is_its_month_cells():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_pdfminer_sheet(_TAIL_IN_COLUMN_RUNS)]
    assert [label for label, _, _ in rows] == ["R6年4月", "R6年5月～6月", "R6年7月", "R7年3月"]
    assert rows[1][1] == "退院意向調査結果のフィードバック"
    assert rows[1][2] == ["18病院を訪問し、病院ごとの結果を説明", "退院支援の重点対象の検討"]


# pref-hiroshima-fy2024's (a sheet measured apart) as markitdown wrote its last page (no pipe rows): the range's
# tail heads the line of the details' next line, a space between
_TAIL_BESIDE_DETAILS = (
    "時期(⽉) 実施内容 具体的な取組\n"
    "R6年4⽉ 圏域別協議の場の年間計画の策定 各圏域の重点テーマと開催⽇程を決定する。630調\n"
    "〜5⽉ 査の圏域別集計を各圏域に還元する。\n"
    "R6年6⽉ 圏域事務局担当者連絡会 前年度の取組を振り返り、運営上の課題を共有す\n"
    "る。広域アドバイザーから運営⽅法について助⾔を\n"
    "受ける。\n"
    "R6年7⽉ 第1回県推進会議 今年度の⽅針と指標を確認する\n"
    "R6年7⽉ 第1回圏域別協議の場（7圏域）\n"
    "〜9⽉\n"
    "R6年8⽉ 広域アドバイザーの派遣 未設置6町を訪問し、既存の会議体の活⽤を含めた\n"
    "〜12⽉ 協議の場の設置⽅法を町担当者と検討する。\n"
    "R7年1⽉ 第2回圏域別協議の場（7圏域） 連携⼿順書（案）を検討し、圏域ごとの意⾒を集約\n"
    "〜2⽉ する\n"
    "R7年2⽉ 第2回県推進会議 各圏域の取組報告、指標の評価、次年度の⽅針の協\n"
    "議\n"
    "R7年3⽉ 取組の評価\n"
)
# designated-kobe-fy2024's as markitdown wrote it: a table started again after a line outside the cells, its header
# in a table above, and the range's tail a line outside the cells
_TAIL_OUTSIDE_PIPES = (
    "| 時期(⽉) | 実施内容                       |     | 具体的な取組               |     |     |\n"
    "| R6年4⽉ | 事務局会議（以降毎⽉）                |     | 年間計画の確認、部会の議題の決定     |     |     |\n"
    "| R6年5⽉ | 退院意向調査結果のフィードバック           |     | ・18病院を訪問し、病院ごとの結果を説明 |     |"
    "     |\n"
    "| 〜6⽉   |                            |     | ・退院⽀援の重点対象の検討        |     |     |\n"
    "\n"
    "| R6年7⽉ | 第1回推進会議 | 今年度の取組⽅針の決定、昨年度の取組の |\n"
    "| ----- | ------- | ------------------- |\n"
    "評価報告\n"
    "| R6年7⽉ | 第1回地域移⾏部会・第1回地域定着・危機対応部会 |     |\n"
    "| ----- | ------------------------ | --- |\n"
    "〜9⽉\n"
    "| R6年9⽉  | 区こころの⽀援ネットワーク会議（9区） | 65歳到達時の移⾏事例をもとに、区ごとの |\n"
    "| ------ | ------------------- | -------------------- |\n"
    "| 〜11⽉   |                     | 課題を整理する              |\n"
    "| R6年10⽉ | クライシスプラン研修会         | 区役所、訪問看護ステーション、相談⽀援  |\n"
    "事業所を対象に、プランの作成と共有の⽅\n"
    "法を学ぶ\n"
    "| R7年3⽉  | 第2回地域定着・危機対応部会 | クライシスプランの活⽤状況の評価   |\n"
)


def _in_markitdown_sheet(block: str) -> list[dict]:
    """The schedule's rows read from core-asahikawa-fy2024's markitdown text, its schedule replaced by `block`."""
    text = with_schedule("core-asahikawa-fy2024", "markitdown-pdf", block)
    return parse_text_data(text)["annual_schedule"]["items"]


def test_a_ranges_tail_heading_the_details_next_line_is_its_month_cells():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_markitdown_sheet(_TAIL_BESIDE_DETAILS)]
    labels = ["R6年4月～5月", "R6年6月", "R6年7月", "R6年7月～9月", "R6年8月～12月", "R7年1月～2月", "R7年2月"]
    assert [label for label, _, _ in rows] == [*labels, "R7年3月"]
    assert rows[0][2] == ["各圏域の重点テーマと開催日程を決定する。630調査の圏域別集計を各圏域に還元する。"]
    assert rows[4][2] == ["未設置6町を訪問し、既存の会議体の活用を含めた協議の場の設置方法を町担当者と検討する。"]
    assert rows[5][2] == ["連携手順書（案）を検討し、圏域ごとの意見を集約する"]


def test_a_ranges_tail_outside_the_cells_of_a_table_started_again_is_its_month_cells():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_markitdown_sheet(_TAIL_OUTSIDE_PIPES)]
    labels = ["R6年4月", "R6年5月～6月", "R6年7月", "R6年7月～9月", "R6年9月～11月", "R6年10月", "R7年3月"]
    assert [label for label, _, _ in rows] == labels
    assert rows[3][1:] == ("第1回地域移行部会・第1回地域定着・危機対応部会", [])


# core-naha-fy2024's (a sheet measured apart) as pdfminer and markitdown wrote it: a narrow month column wrapped
# `R6年11月～12月` over three lines (`R6年11` / `月～12` / `月`), written after the row's details (pdfminer) or
# right after the row's line (markitdown), and `R6年10月`'s `月` a box after its details
_CUT_MONTHS_PDFMINER = (
    "時期(⽉) 実施内容\n\n具体的な取組\n\nR6年4⽉\n〜5⽉\n\n事務局会議で年間計画を確定\n\n"
    "実務者会議のテーマと担当を決め、推進会議の開催⽇を調整す\nる。\n\nR6年6⽉ 第1回推進会議・第1回実務者会議\n\n"
    "今年度の⽬標と取組を確認する。\n\nR6年7⽉\n〜9⽉\n\n不動産関係団体との意⾒交換\n\n"
    "不動産関係団体の事務所を訪問し、精神障がいのある⽅の⼊居\nで困った事例や、貸主が必要としている⽀援を聞き取る。聞き\n"
    "取りの結果は第3回実務者会議で共有する。\n\nR6年8⽉ 第2回実務者会議\n\n\x0cR6年10\n\n第3回実務者会議\n\n"
    "説明会の内容と周知の⽅法を決める。\n\n⽉\n\nR6年11\n\n貸主向け説明会の開催\n\n居住⽀援協議会と共催で開催する。\n\n"
    "⽉〜12\n⽉\n\nR6年12\n⽉\n\n第4回実務者会議\n\nR7年1⽉ ⺠⽣委員向け研修\n\n"
    "R7年2⽉ 第5回実務者会議・第2回推進会議\n\n今年度の取組を評価し、次年度の取組を決める。\n\n"
    "R7年3⽉ 第6回実務者会議\n\n⼊居後の⾒守り体制について整理した内容をまとめ、次年度の\n取組につなげる。\n\n\x0c"
)
_CUT_MONTHS_MARKITDOWN = (
    "時期(⽉) 実施内容 具体的な取組\n"
    "R6年4⽉ 事務局会議で年間計画を確定 実務者会議のテーマと担当を決め、推進会議の開催⽇を調整す\n〜5⽉ る。\n"
    "R6年6⽉ 第1回推進会議・第1回実務者会議 今年度の⽬標と取組を確認する。\n"
    "R6年7⽉ 不動産関係団体との意⾒交換 不動産関係団体の事務所を訪問し、精神障がいのある⽅の⼊居\n"
    "〜9⽉ で困った事例や、貸主が必要としている⽀援を聞き取る。聞き\n取りの結果は第3回実務者会議で共有する。\n"
    "R6年8⽉ 第2回実務者会議\n\nR6年10 第3回実務者会議 説明会の内容と周知の⽅法を決める。\n⽉\n"
    "R6年11 貸主向け説明会の開催 居住⽀援協議会と共催で開催する。\n⽉〜12\n⽉\nR6年12 第4回実務者会議\n⽉\n"
    "R7年1⽉ ⺠⽣委員向け研修\nR7年2⽉ 第5回実務者会議・第2回推進会議 今年度の取組を評価し、次年度の取組を決める。\n"
    "R7年3⽉ 第6回実務者会議 ⼊居後の⾒守り体制について整理した内容をまとめ、次年度の\n取組につなげる。\n"
)
# pref-hiroshima-fy2024's as markitdown wrote it: `R6年10月`'s `月` heads the line of the details' last line
_CUT_MONTH_BESIDE_DETAILS = (
    "時期(⽉) 実施内容 具体的な取組\n"
    "R6年7⽉ 第1回県推進会議 今年度の⽅針と指標を確認する\n"
    "R6年10 ピアサポーター養成研修 3⽇間の研修を実施し、修了者を登録制度につなげ\n"
    "⽉ る\n"
    "R6年11 障害・介護の連携研修会 地域包括⽀援センター職員・介護⽀援専⾨員・相談\n"
    "⽉ ⽀援専⾨員を対象に、⾼齢の⻑期⼊院者の退院⽀援\n"
    "をテーマとした合同研修を⾏う。\n"
    "R7年3⽉ 取組の評価\n"
)


@pytest.mark.parametrize(
    ("reader", "block"), [(_in_pdfminer_sheet, _CUT_MONTHS_PDFMINER), (_in_markitdown_sheet, _CUT_MONTHS_MARKITDOWN)]
)
def test_a_month_cut_before_its_month_mark_takes_its_rest_and_range_written_apart(reader, block):
    """`R6年11`, the item, the details, `月～12` / `月`: the month `R6年11月～12月` (it had been `R6年11`, the
    rest left in the details or read as a row of its own, every later row one place off)."""
    rows = [(row["label"], row["item"], row["actions"]) for row in reader(block)]
    assert [label for label, _, _ in rows[4:7]] == ["R6年10月", "R6年11月～12月", "R6年12月"]
    assert rows[5][1:] == ("貸主向け説明会の開催", ["居住支援協議会と共催で開催する。"])
    assert [(label, item) for label, item, _ in rows[6:8]] == [
        ("R6年12月", "第4回実務者会議"),
        ("R7年1月", "民生委員向け研修"),
    ]


def test_a_month_cut_before_its_month_mark_takes_it_from_the_head_of_the_details_next_line():
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_markitdown_sheet(_CUT_MONTH_BESIDE_DETAILS)]
    assert [label for label, _, _ in rows] == ["R6年7月", "R6年10月", "R6年11月", "R7年3月"]
    assert rows[1][1:] == ("ピアサポーター養成研修", ["3日間の研修を実施し、修了者を登録制度につなげる"])
    assert rows[2][2] == [
        "地域包括支援センター職員・介護支援専門員・相談支援専門員を対象に、高齢の長期入院者の退院支援をテーマとした合同研修を行う。"
    ]


def test_a_range_right_after_a_line_that_ends_on_a_month_is_that_texts_own():
    """`…研修日程をR6年10月` / `〜12月`: the detail's own date wrapped, not the row's month's range."""
    line = "R6年7⽉ 第1回県推進会議 今年度の⽅針と指標を確認する\n"
    wrapped = "R6年7⽉ 第1回県推進会議 今年度の⽅針と指標を確認し、研修⽇程をR6年10⽉\n〜12⽉\n"
    block = _TAIL_BESIDE_DETAILS.replace(line, wrapped)
    assert block != _TAIL_BESIDE_DETAILS
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_markitdown_sheet(block)]
    assert rows[2] == ("R6年7月", "第1回県推進会議", ["今年度の方針と指標を確認し、研修日程をR6年10月～12月"])
    assert [label for label, _, _ in rows[:4]] == ["R6年4月～5月", "R6年6月", "R6年7月", "R6年7月～9月"]


def test_a_range_heading_a_line_after_a_line_that_ends_on_a_month_is_the_months():
    """`…設置方法をR6年9月` / `〜12月 までに…`: the range heads its line a space before the detail's rest (cells
    apart), so it is the month's, though the line above ends on a date."""
    line = "R6年8⽉ 広域アドバイザーの派遣 未設置6町を訪問し、既存の会議体の活⽤を含めた\n〜12⽉ 協議の場の設置⽅法を"
    dated = "R6年8⽉ 広域アドバイザーの派遣 未設置6町を訪問し、協議の場の設置⽅法をR6年9⽉\n〜12⽉ までに"
    block = _TAIL_BESIDE_DETAILS.replace(line, dated)
    assert block != _TAIL_BESIDE_DETAILS
    rows = [(row["label"], row["item"], row["actions"]) for row in _in_markitdown_sheet(block)]
    assert rows[4] == (
        "R6年8月～12月",
        "広域アドバイザーの派遣",
        ["未設置6町を訪問し、協議の場の設置方法をR6年9月までに町担当者と検討する。"],
    )
