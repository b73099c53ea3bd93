"""An annual schedule of plain pdftotext of a LibreOffice PDF whose row's cells came apart from their row."""

from __future__ import annotations

from conftest import rewritten_rows
from nikosheet.parsing.forms.schedule_rows import rearrange
from nikosheet.parsing.forms.template_tables import TABLES

SIGNAL = "人口 (R6 年 4 月時点)\n"  # a LibreOffice PDF's text: the renderer's gaps around numbers
_FY2023 = (
    "8 精神障害にも対応した地域包括ケアシステムの構築に向けた今年度の取組スケジュール\n時期(月)\n\n実施する項目\n\n"
)
_FY2024 = "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n時期(月)\n\n実施内容\n\n"


def test_a_row_s_item_and_actions_a_space_apart_with_no_other_cell():
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\nR5 年 5 月\n\n圏域担当者会議\n\n今年度の方針と圏域ごとの重点課題の確認\n\n"
        "R5 年 9 月\n\n家族教室 統合失調症の理解と家族の接し方\n\n"
        "R5 年 11 月\n\n未設置市町村への訪問\n\n振興局保健所が共同設置の方法を説明\n\n\f"
    )
    assert rows[2] == ["R5年9月", "家族教室", "統合失調症の理解と家族の接し方"]
    assert rows[3] == ["R5年11月", "未設置市町村への訪問", "振興局保健所が共同設置の方法を説明"]


def test_the_actions_of_a_row_above_a_wrapped_month_written_with_that_row_s():
    # the row's item on its month's line, its actions before the next row's item and actions on one line
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "R5 年 7 月 第 1 回連絡会議\nR5 年 10\n月\n\n実施する内容\n今年度の方針\n\n"
        "精神保健福祉部会の設置 自立支援協議会で協議\n\nR6 年 2 月 第 2 回連絡会議\n\n取組の評価\n\n\f"
    )
    assert rows[1:] == [
        ["R5年7月", "第1回連絡会議", "今年度の方針"],
        ["R5年10月", "精神保健福祉部会の設置", "自立支援協議会で協議"],
        ["R6年2月", "第2回連絡会議", "取組の評価"],
    ]


def test_the_actions_of_a_wrapped_month_s_row_written_after_the_next_row_s_item():
    rows = rewritten_rows(
        SIGNAL + _FY2024 + "R6 年 6 月 第 1 回部会\n\n具体的な取組\n今年度の方針確認\n\n"
        "R6 年 7 月 圏域連絡会議（各圏域） 未設置町村の課題整理\nR6 年 11\n月\n\n合同研修\n\n"
        "R7 年 2 月 第 2 回部会\n\n介護支援専門員と病院職員の合同研修\n事業の評価と次年度計画\n\n\f"
    )
    assert rows[3:] == [
        ["R6年11月", "合同研修", "介護支援専門員と病院職員の合同研修"],
        ["R7年2月", "第2回部会", "事業の評価と次年度計画"],
    ]
    # where no month was wrapped, a row left without actions keeps none: the next row's two lines are one
    # cell wrapped
    rows = rewritten_rows(
        SIGNAL + _FY2024 + "具体的な取組\n\nR6 年 6 月\n\n市民講座\n\nR6 年 9 月\n\n第 2 回推進会議\n\n"
        "ピアサポーターの体験談と、相談先の紹介を行い\n参加者の意見を聞く\n\n\f"
    )
    assert rows[1:] == [
        ["R6年6月", "市民講座", ""],
        ["R6年9月", "第2回推進会議", "ピアサポーターの体験談と、相談先の紹介を行い参加者の意見を聞く"],
    ]


def test_an_item_s_note_or_count_after_a_space_stays_with_the_item_and_other_converters_are_left_alone():
    # `…連絡会 （第2回）`, `家族教室 全5回`: the item's own words, no actions; and a text with no renderer's
    # gaps (not a LibreOffice PDF's) keeps its rows as the cells were read
    body = (
        _FY2023 + "実施する内容\n\nR5 年 5 月\n\n地域精神保健福祉連絡会 （第2回）\n\n"
        "R5 年 9 月\n\n家族教室 全5回\n\nR5 年 11 月\n\n家族教室 統合失調症の理解と家族の接し方\n\n\f"
    )
    rows = rewritten_rows(SIGNAL + body)
    assert rows[1:] == [
        ["R5年5月", "地域精神保健福祉連絡会 （第2回）", ""],
        ["R5年9月", "家族教室 全5回", ""],
        ["R5年11月", "家族教室", "統合失調症の理解と家族の接し方"],
    ]
    assert rewritten_rows("人口 (R6年4月時点)\n" + body)[3] == [
        "R5 年 11 月",
        "家族教室 統合失調症の理解と家族の接し方",
        "",
    ]


def test_a_row_above_without_its_month_cell_is_left_as_it_is():
    from nikosheet.parsing.forms import schedule_rows
    from nikosheet.parsing.forms.template_tables import TABLES

    table = next(t for t in TABLES if t.header[0].startswith("時期") and t.record == 3)
    above = {1: [(5, "第1回連絡会議", False)]}  # its month's cell not read
    below = {
        0: [(6, "R5年10月", False)],
        1: [(8, "部会の設置 自立支援協議会で協議", False)],
        2: [(9, "今年度の方針", True)],
    }
    source = SIGNAL + "\n" * 5 + "第1回連絡会議\nR5 年 10\n月\n部会の設置 自立支援協議会で協議\n今年度の方針\n"
    for records in ([above, below], [{**above, 0: []}, below]):
        assert schedule_rows.rearrange(table, records, source)[0][0] == records[0]


def test_pdfminer_s_details_written_rows_late_go_back_to_the_rows_without_one():
    # pdfminer (ward-toshima-fy2024) writes the details' column a few rows late, its header's cell after the
    # fourth row's item: the cell-per-line reading's records, a row's boxes after its item (a blank line
    # before a piece starts a box) the details of the rows above that have none
    table = next(t for t in TABLES if t.header[0].startswith("時期") and t.record == 3 and "具体的な取組" in t.header)
    rows = [
        ("R6年5月", ["第1回にも包括実務者部会"], []),
        ("R6年6月", ["こころのカフェ（新規2か所）の準備"], []),
        ("R6年7月", ["第1回豊島区精神保健福祉連絡会"], []),
        (
            "R6年8月",
            ["第2回にも包括実務者部会", "今年度のテーマ別の取組の確認"],
            ["CSW・区民ひろば運営協議会との", "+打合せ"],
        ),
        ("R6年9月", ["居住支援協議会 住まい部会"], ["リーフレット案の協議"]),
        ("R6年11月", ["第3回にも包括実務者部会"], []),
        ("R7年1月", ["多言語リーフレットの配布"], []),
        (
            "R7年2月",
            ["第4回にも包括実務者部会", "こころのカフェの中間振り返り"],
            ["区民ひろば、区役所窓口、日本語", "学校等での配布"],
        ),
        ("R7年3月", ["第2回豊島区精神保健福祉連絡会"], ["今年度の評価と次年度計画の協議"]),
    ]
    at = iter(range(1000))

    def cell(texts: list[str]) -> list[tuple[int, str, bool]]:  # `+`: on the line right below the piece before
        return [(next(at), text.removeprefix("+"), not text.startswith("+")) for text in texts]

    records = [{0: cell([month]), 1: cell(item), 2: cell(details)} for month, item, details in rows]
    read, guessed = rearrange(table, records, "")
    assert (
        guessed is not None and guessed[0] == records[0][1][0][0]
    )  # three rows without a detail above two late ones: a guess, said
    assert [["".join(p[1] for p in record[k]) for k in (1, 2)] for record in read] == [
        ["第1回にも包括実務者部会", "今年度のテーマ別の取組の確認"],
        ["こころのカフェ（新規2か所）の準備", "CSW・区民ひろば運営協議会との打合せ"],
        ["第1回豊島区精神保健福祉連絡会", ""],
        ["第2回にも包括実務者部会", ""],
        ["居住支援協議会 住まい部会", "リーフレット案の協議"],
        ["第3回にも包括実務者部会", "こころのカフェの中間振り返り"],
        ["多言語リーフレットの配布", "区民ひろば、区役所窓口、日本語学校等での配布"],
        ["第4回にも包括実務者部会", ""],
        ["第2回豊島区精神保健福祉連絡会", "今年度の評価と次年度計画の協議"],
    ]
    # where the later row's boxes all stand among its details, the last is its own (written after) and the
    # others go to the nearest rows above that have none: here the row above, whose own went further up
    last = [
        *records[:-1],
        {0: cell(["R7年3月"]), 1: cell(["第4回部会（合同）"]), 2: cell(["取組の評価", "冬期の振り返り"])},
    ]
    read = rearrange(table, last, "")[0]
    assert [[p[1] for p in record[2]] for record in read[-2:]] == [["取組の評価"], ["冬期の振り返り"]]
    # with no row above lacking them, they stay
    whole = [{**record, 2: record[2] or cell(["協議"])} for record in records[:-1]]
    assert rearrange(table, [*whole, last[-1]], "")[0][-1][2] == last[-1][2]


def test_details_given_back_by_a_guess_are_said_so(converted):
    # ward-toshima-fy2024 through pdfminer: two details late below three rows without one (the case above)
    from conftest import FIXTURES

    doc = converted(FIXTURES / "converters" / "ward-toshima-fy2024--pdfminer.txt")
    said = [
        d for d in doc["diagnostics"] if d["code"] == "shifted-cell" and "details' column rows late" in d["message"]
    ]
    assert [(d["line"], d["severity"]) for d in said] == [(599, "warning")]


def test_a_band_s_actions_written_after_its_rows_go_back_to_the_rows_without_any():
    # designated-sendai-fy2023: the page's rows of one-line cells month and item a line each, the actions'
    # column after them (its header's cell first), a list's items in boxes of their own, a page between them
    # (its bullet drawn alone on its line: layout)
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "R5 年 4 月\n\n区事務局担当者連絡会\n\nR5 年 6 月\n\n第 1 回地域移行・地域定着部会\n\n"
        "実施する内容\n今年度の取組方針と報告様式の確認\n\n\n・今年度の重点課題の決定\n\n\f\uf0b7\n\n・区の会議の報告\n\n"
        "R5 年 7 月～8\n月\n\n第 1 回区にも包括推進会議\n\n"
        "R5 年 10 月\n\n第 2 回地域移行・地域定着部会 居住支援協議会との意見交換\n\n"
        "R5 年 11 月\n\nピアサポーター養成研修\n\nR6 年 3 月\n\n区事務局担当者連絡会\n\n各区で個別事例の検討\n\n"
        "養成研修の実施、修了者の登録\n\n区の取組の振り返り\n\n\f"
    )
    assert rows[1:] == [
        ["R5年4月", "区事務局担当者連絡会", "今年度の取組方針と報告様式の確認"],
        [
            "R5年6月",
            "第1回地域移行・地域定着部会",
            "・今年度の重点課題の決定 ・区の会議の報告",
        ],
        ["R5年7月～8月", "第1回区にも包括推進会議", "各区で個別事例の検討"],
        ["R5年10月", "第2回地域移行・地域定着部会", "居住支援協議会との意見交換"],
        ["R5年11月", "ピアサポーター養成研修", "養成研修の実施、修了者の登録"],
        ["R6年3月", "区事務局担当者連絡会", "区の取組の振り返り"],
    ]


def test_fewer_late_actions_than_rows_without_any_go_to_the_last_of_them():
    # ward-adachi-fy2023: 9月's actions written after 10月's item (its wrapped rest right below it stays its
    # own), 7月's cell left empty by the sheet: the rows beside the late boxes take them, and say it is a guess
    text = (
        SIGNAL + _FY2023 + "実施する内容\n\nR5 年 7\n月\n\n精神科医事例検討会\n\nR5 年 9\n月\n\nゲートキーパー研修\n\n"
        "R5 年 10 地域包括支援センターとの合同事\n月\n例検討会\n\n区民・事業者向け、オンラインと会場の併用\n\n\n"
        "・高齢の親と暮らす世帯の事例の検討\n\n\n\n・連携の手順の確認\n\n\f"
    )
    assert rewritten_rows(text)[1:] == [
        ["R5年7月", "精神科医事例検討会", ""],
        ["R5年9月", "ゲートキーパー研修", "区民・事業者向け、オンラインと会場の併用"],
        [
            "R5年10月",
            "地域包括支援センターとの合同事例検討会",
            "・高齢の親と暮らす世帯の事例の検討 ・連携の手順の確認",
        ],
    ]
    from nikosheet.parsing import forms

    notes = forms.rewrite(text.split("\n")).notes
    assert [(n[0].value, n[1]) for n in notes if "band of rows" in n[2]] == [("shifted-cell", 17)]


def test_a_row_s_actions_written_before_its_item_are_put_back():
    # kawaguchi-r5: the last row's two-line actions before its item; another row's item wrapped tells the items'
    # column's width, which the actions' first line far exceeds
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "R5 年 5\n月\n\n第 1 回協議の場開催に向けた委員\nヒアリング\n\n"
        "地域課題の解決に向けた取り組みについての聞き取り\n\nR5 年 8\n月\n\n第 1 回協議の場の開催\n\n"
        "ヒアリングに基づいた具体的な実施内容についての検討\n\nR6 年 1\n月\n\n"
        "地域課題の解決に向けた取り組み結果についての評価及び次年度の目標\nの策定\n\n第 2 回協議の場の開催\n\n"
        "実施する内容\n\f"
    )
    assert rows[-1] == [
        "R6年1月",
        "第2回協議の場の開催",
        "地域課題の解決に向けた取り組み結果についての評価及び次年度の目標の策定",
    ]
    # where no item wrapped, the widest item is no sign (ward-setagaya-fy2023 through PyMuPDF)
    rows = rewritten_rows(
        SIGNAL
        + _FY2023
        + "実施する内容\nR5 年 9 月 精神科診療所との連携シートの試行\n区医師会と調整のうえ、協力診療所で試行\n"
        "R5 年 10\n月\nメンタルヘルス・ファーストエイド研修\n区民・支援者向けに 2 回開催\n"
        "R6 年 1 月 長期入院者の退院意向調査\n区内 5 病院で実施\n\f"
    )
    assert rows[2] == ["R5年10月", "メンタルヘルス・ファーストエイド研修", "区民・支援者向けに2回開催"]


def test_a_range_of_months_wrapped_after_its_tilde_is_one_row():
    # ward-nakano-fy2023 as pdftotext wrote its LibreOffice PDF: a row's month `R5年4月～6月` wrapped after `～`,
    # its three cells' first lines on one line a space apart, their second lines each on a line of its own
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\n"
        "R5 年 4 月～ 推進会議委員への個別ヒ 事務局が各委員を訪問し、昨年度の取組への意見と今年度の重点課題について\n"
        "6月\nアリング\n聞き取る。\nR5 年 6 月\n\n第 1 回退院支援連絡会\n\n長期入院者の状況と退院に向けた課題の共有\n\n"
        "R5 年 9 月～ ピアサポーター養成研修\n11 月\n（全 5 回）\nR5 年 10 月\n\n第 2 回退院支援連絡会\n\n\f"
    )
    assert rows[1:] == [
        [
            "R5年4月～6月",
            "推進会議委員への個別ヒアリング",
            "事務局が各委員を訪問し、昨年度の取組への意見と今年度の重点課題について聞き取る。",
        ],
        ["R5年6月", "第1回退院支援連絡会", "長期入院者の状況と退院に向けた課題の共有"],
        ["R5年9月～11月", "ピアサポーター養成研修（全5回）", ""],
        ["R5年10月", "第2回退院支援連絡会", ""],
    ]


def test_a_bare_month_after_an_open_range_stays_a_row_where_the_range_has_no_year():
    # `4月～` (from April on, no year) beside its item, then `6月` and its cells on the lines below: the sheet
    # writes months without their year, so `6月` is a row of its own
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\n4 月～ 個別ヒアリング 委員を訪問する\n6 月\n第 1 回連絡会\n課題の共有\n"
        "R5 年 10 月\n\n第 2 回連絡会\n\n取組の評価\n\n\f"
    )
    assert [row[0] for row in rows[1:]] == ["4月～", "6月", "R5年10月"]


def test_a_character_below_a_row_s_item_in_its_box_is_the_item_s_rest():
    # ward-nakano-fy2023: `こころの健康づくり講演` / `会`, a row with no actions (`会` had been read as its actions)
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\nR5 年 11 月\n\n不動産事業者向け研修会\n\n相談窓口について説明する。\n\n"
        "R5 年 12 月\n\nこころの健康づくり講演\n会\n\nR6 年 2 月\n\n第 3 回退院支援連絡会\n\n"
        "1 年間の地域移行支援の実績を振り返る\n\n\f"
    )
    assert rows[2] == ["R5年12月", "こころの健康づくり講演会", ""]
    assert rows[3] == ["R6年2月", "第3回退院支援連絡会", "1年間の地域移行支援の実績を振り返る"]


def test_a_range_wrapped_round_its_row_s_one_line_item_is_one_month():
    # core-funabashi-fy2024 as pdftotext wrote its LibreOffice PDF: `R6 年 5 月～` / `退院支援部会` / `6月`, the
    # range's two lines centred round the item's one line (`6月` had begun a row of its own, and every row after
    # it had been read a cell off)
    rows = rewritten_rows(
        SIGNAL + _FY2024 + "R6 年 4 月\n\n事務局会議（以降毎月）\n\nR6 年 5 月～\n退院支援部会\n6月\nR6 年 7 月\n\n"
        "具体的な取組\n年間計画の確認\n連絡票の様式を見直す。\n\n第 1 回推進会議\n\n"
        "R6 年 10 月\n\nこころの健康講座（第 1 回）\n\n\f"
    )
    assert [row[0] for row in rows[1:]] == ["R6年4月", "R6年5月～6月", "R6年7月", "R6年10月"]
    assert rows[2][:2] == ["R6年5月～6月", "退院支援部会"]


def test_a_range_s_end_with_no_cell_of_its_own_goes_on_the_range():
    # core-maebashi-fy2024 as pdfminer wrote its Chromium PDF: `R6年9月〜` `家族相談会` `11月` and the next row's
    # month: a bare month that holds no other cell is no row
    rows = rewritten_rows(
        "人口 (R6年4月時点)\n" + _FY2024 + "具体的な取組\n\nR6年8月\n\n第2回部会\n\n空き状況の共有\n\n"
        "R6年9月〜\n\n家族相談会\n\n11月\n\nR6年11月\n\n第3回部会\n\n相談内容の報告\n\n\f"
    )
    assert [row[:2] for row in rows[1:]] == [
        ["R6年8月", "第2回部会"],
        ["R6年9月〜11月", "家族相談会"],
        ["R6年11月", "第3回部会"],
    ]


def test_a_bare_month_with_cells_of_its_own_beside_it_stays_a_row():
    # `R5年4月～` (from April on) and a row of a bare month whose item stands on its line, or on the line after
    # it where the range stands round its item: two rows, in a LibreOffice PDF's text and in another's
    side = (
        "R5 年 4 月～ 個別ヒアリング 委員を訪問し意見を聞く\n6 月 第 1 回連絡会議 課題の共有\n"
        "R6 年 2 月 第 3 回連絡会議 取組の評価\n\n"
    )
    round_item = (
        "R5 年 4 月～\n個別ヒアリング\n6 月\n第 1 回連絡会議\n課題の共有\nR6 年 2 月\n第 3 回連絡会議\n取組の評価\n\n"
    )
    for body in (side, round_item):
        rows = rewritten_rows(SIGNAL + _FY2023 + "実施する内容\n\n" + body + "\f")
        assert [row[:2] for row in rows[1:3]] == [["R5年4月～", "個別ヒアリング"], ["6月", "第1回連絡会議"]]
    other = "人口 (R6年4月時点)\n" + _FY2023 + "実施する内容\n" + side.replace(" 年 ", "年").replace(" 月", "月")
    assert [row[0] for row in rewritten_rows(other + "\f")[1:]] == ["R5年4月～", "6月", "R6年2月"]


def test_a_bare_month_after_a_whole_month_keeps_every_bare_month_a_row():
    # `9月` after `R5年6月`: the sheet writes bare months as rows, so `6月` after the open range may be one too,
    # and no row is joined (the rows stay as their cells were read)
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\nR5 年 4 月～ 推進会議委員への個別ヒ 事務局が各委員を訪問し、意見を\n"
        "6月\nアリング\n聞き取る。\nR5 年 6 月\n\n第 1 回連絡会\n\n課題の共有\n\n"
        "9 月\n\n第 2 回連絡会\n\n取組の評価\n\n\f"
    )
    assert [row[0] for row in rows[1:]] == ["R5年4月～", "6月", "R5年6月", "9月"]


def test_a_one_character_mark_below_an_item_is_the_row_s_cell():
    # `－` (nothing), `済` (done): a cell's mark, not the item's rest
    for mark in ("－", "済"):
        rows = rewritten_rows(
            "人口 (R6年4月時点)\n" + _FY2023 + "実施する内容\nR5年6月\n第1回連絡会議\n課題の共有\n"
            f"R5年9月\n家族教室\n{mark}\nR6年2月\n第3回連絡会議\n取組の評価\n\f"
        )
        assert rows[2] == ["R5年9月", "家族教室", mark]


def test_an_item_s_last_character_is_told_by_the_items_own_widths():
    # the items' usual width is measured up to a space between two cells: `家族教室 統合失調症の…` (an item and
    # its actions still one cell) does not make `こころの健康づくり講演` short of its column
    rows = rewritten_rows(
        SIGNAL + _FY2023 + "実施する内容\n\nR5 年 5 月\n\n圏域担当者会議 今年度の方針の確認\n\n"
        "R5 年 9 月\n\n家族教室 統合失調症の理解と家族の接し方\n\nR5 年 12 月\n\nこころの健康づくり講演\n会\n\n"
        "R6 年 2 月\n\n第 3 回連絡会議\n\n取組の評価\n\n\f"
    )
    assert rows[3] == ["R5年12月", "こころの健康づくり講演会", ""]
    # a character below a short item (`家族教室` / `有`) is the row's cell, and so is a mark below a full one
    for item, mark in (("家族教室", "有"), ("精神保健福祉講演会の開催", "－")):
        rows = rewritten_rows(
            "人口 (R6年4月時点)\n" + _FY2023 + "実施する内容\nR5年6月\n精神障害者の家族向けの教室\n課題の共有\n"
            f"R5年9月\n{item}\n{mark}\nR6年2月\n地域移行支援の事例検討会\n取組の評価\n\f"
        )
        assert rows[2] == ["R5年9月", item, mark]
