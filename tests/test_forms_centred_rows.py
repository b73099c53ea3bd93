"""Tables whose cells LibreOffice centres in their rows, written a printed line at a time (pdfplumber)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, apply_form, form_state, rewritten_rows
from nikosheet.parsing.forms import centred_headers, centred_pipes, centred_rows, signals

CONVERTERS = FIXTURES / "converters"

# kashiwa-r6's councils as pdfplumber reads its LibreOffice PDF: the header's 開催頻度 wrapped round
# the other cells, the short cells of a row between the lines of its tallest (the page's width:
# the lines after it)
_COUNCILS = (
    "開催\n"
    "名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n"
    "頻度\n"
    "柏市精神障害にも対応した地域 保健, 医療, 福祉, 家族会, ピア 事業・取組み\n"
    "年1 市民, 市民関係団体, 民生委員等\n"
    "包括ケアシステム構築推進事業 サポーター, 行政機関の代表 報告方針等の\n"
    "回 の参画が望まれる\n"
    "(代表者会議) 者 決定\n"
    "医療機関, 基幹相談センター, 年6 事業内容の調\n"
    "同事業(コア会議)\n"
    "事務局, 行政の担当者 回 整, 方針確認\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "い\n"
    "・重層的支援整備事業や自立支援協議会等, 市内で多数の会議体があるが, 連携が図れていない。参加委員は重複してい"
)


def _apply(text: str) -> list[str | None]:
    return apply_form(centred_rows, text)


def test_a_row_is_the_span_its_frequency_stands_in_the_middle_of():
    out = _apply(_COUNCILS)
    assert out[0] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert out[3] == (
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)\t"
        "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者\t年1回\t事業・取組み報告方針等の決定\t"
        "市民, 市民関係団体, 民生委員等の参画が望まれる"
    )
    # a frequency kept with the comma's word before it; the name, alone on its line, is no list
    assert out[8] == (
        "同事業(コア会議)\t医療機関, 基幹相談センター, 事務局, 行政の担当者\t年6回\t事業内容の調整, 方針確認\t"
    )
    assert [i for i, line in enumerate(out) if line is None] == [1, 2, 4, 5, 6, 7, 9]
    assert out[10] == ""  # a blank line ends the table
    assert out[11].startswith("【その他事項】")


def test_a_header_set_at_its_top_is_not_this_form():
    text = "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み\n等)\n同事業 保健 年6回 協議 なし"
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_has_no_signal_and_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert not signals.centred_rows(text)
    assert not signals.centred_pipes(text)
    assert _apply(text) == text.split("\n")


def _parse(path):
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_libreoffice_pdfs_pdfplumber_text_reads_its_councils_and_schedules(parsed):
    truth = parsed("kawaguchi-r5.txt")
    doc = _parse(CONVERTERS / "kawaguchi-r5--lopdf-pdfplumber.txt")
    fields = ("name", "members", "frequency", "activities", "notes")
    assert [[m[f] for f in fields] for m in doc["councils"]["meetings"]] == [
        [m[f] for f in fields] for m in truth["councils"]["meetings"]
    ]
    fields = ("label", "month", "item", "actions")
    assert [[i[f] for f in fields] for i in doc["annual_schedule"]["items"]] == [
        [i[f] for f in fields] for i in truth["annual_schedule"]["items"]
    ]
    fields = ("sector", "status", "strengths_and_issues")
    assert [[s[f] for f in fields] for s in doc["coordination"]["sectors"]] == [
        [s[f] for f in fields] for s in truth["coordination"]["sectors"]
    ]


def test_an_indicators_number_leads_its_name_which_is_centred_in_its_row(parsed):
    truth = parsed("pref-fy2024.txt")["strengths_and_issues"]["indicators"]
    doc = _parse(CONVERTERS / "pref-fy2024--lopdf-pdfplumber.txt")["strengths_and_issues"]["indicators"]
    assert [{**i, "line": 0} for i in doc] == [{**i, "line": 0} for i in truth]


def test_markitdowns_pipe_rows_of_a_libreoffice_pdf_are_its_printed_lines():
    text = (
        "\uf0b7 取組\n開催\n|     | 名称  | 協議の場の構成員 | 実施内容 | 特記事項等(課題・強み等) |\n"
        "| --- | --- | -------- | ---- | ------------- |\n頻度\n|   |   |"
    )
    state = form_state(centred_pipes, text)
    assert state.lines[2:] == ["名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)", None, "頻度", None]
    assert signals.centred_rows(state.source)  # the later forms see the printed lines


def test_a_libreoffice_pdfs_markitdown_text_reads_its_councils(parsed):
    truth = parsed("kashiwa-r6.txt")
    doc = _parse(CONVERTERS / "kashiwa-r6--lopdf-markitdown.txt")
    fields = ("name", "members", "frequency", "activities", "notes")
    assert [[m[f] for f in fields] for m in doc["councils"]["meetings"]] == [
        [m[f] for f in fields] for m in truth["councils"]["meetings"]
    ]


# pref-gifu-fy2024's outcomes as pdfplumber reads its LibreOffice PDF: the second row cut by a page
# break (its cells centred in the part above it, the rest of its effects below), the third's name
# half a line below its middle (beside cells of four lines); a paragraph's line shows the page's width
_INDICATORS = (
    "県内の精神科病床は人口当たりでは全国平均を下回るが、1年以上の長期入院者の割合が高く、特に中山間地域では退\n"
    "目標値 (R5年度当\n"
    "課題解決の達成度を測る指標 実績値 (R5年度末) 具体的な成果・効果\n"
    "初)\n"
    "・ ・未設置11市町村のうち4町村が圏\n"
    "域単位の共同設置を決定した。\n"
    "①市町村の協議の場の設置 35市町村 31市町村  ・ ・保健所が市町村を個別に訪問し、設\n"
    "置に向けた課題を整理した。\n"
    "②精神科病院からの退院者の 年90人 年76人  ・ ・退院支援連絡票により、病院から地\n"
    "うち地域移行支援の利用者数 域援助事業者への連絡が早期化した。\n"
    "・ ・一方で、地域移行支援を担う事業所\n"
    "が少ない圏域では利用が伸びなかっ\n"
    "た。\n"
    "・ ・登録者数 ・ ・登録者数 ・ ・入院者からの「退院後の生活がイメ\n"
    "40人 43人 ージできた」という声が増えた。\n"
    "③ピアサポーターの活動 ・ ・病院訪問 ・ ・病院訪問 ・ ・訪問の謝金・交通費の確保が課題と\n"
    "60回 52回 して残った。"
)


def test_a_row_a_page_break_cut_is_read_line_by_line_and_a_name_half_a_line_off_its_middle():
    after = "\n5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n" + _COUNCILS
    out = apply_form(centred_rows, _INDICATORS + after)[1:]
    assert out[0] == "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果"
    assert out[7] == (
        "②精神科病院からの退院者のうち地域移行支援の利用者数\t年90人\t年76人\t"
        "・退院支援連絡票により、病院から地域援助事業者への連絡が早期化した。 "
        "・一方で、地域移行支援を担う事業所が少ない圏域では利用が伸びなかった。"
    )
    assert out[12].startswith(
        "③ピアサポーターの活動\t・登録者数 40人 ・病院訪問 60回\t・登録者数 43人 ・病院訪問 52回\t"
    )


def test_a_header_whose_one_line_cells_stand_on_its_wrapped_cells_first_line():
    text = (
        "家族会による家族教室の開催\n"
        "課題解決の達成度を測る指標 現状値 (今年度当 目標値 (今年度 見込んでいる成果・効果\n"
        "初) 末)\n"
        "①市町村の協議の場の設置数 31市町村 36市町村 町村単位で地域課題を協議できる体制ができる\n"
        "②地域移行支援の利用者数 年76人 年90人 長期入院者の退院促進\n"
        "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n"
    )
    out = apply_form(centred_rows, text + _COUNCILS)
    assert out[1:5] == [
        "課題解決の達成度を測る指標\t現状値(今年度当初)\t目標値(今年度末)\t見込んでいる成果・効果",
        None,
        "①市町村の協議の場の設置数\t31市町村\t36市町村\t町村単位で地域課題を協議できる体制ができる",
        "②地域移行支援の利用者数\t年76人\t年90人\t長期入院者の退院促進",
    ]


def test_a_frequency_in_words_wrapped_in_its_narrow_column_finds_its_row(parsed):
    # pref-gifu-fy2024's councils: `四半期` / `ごと` beside two lines of the name's and the members'
    truth = parsed("pref-gifu-fy2024.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / "pref-gifu-fy2024--lopdf-pdfplumber.txt")["councils"]["meetings"]
    assert [m["frequency"] for m in doc] == [m["frequency"] for m in truth]


def test_a_frequencys_note_wrapped_below_it_is_part_of_its_pivot():
    # city-bold-headings-fy2023's councils: `年2回` / `（予定）` and `月１回程` / `度` in a narrow column;
    # its first and last lines show the page's width
    text = (
        "越谷市では、精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことができるよ\n"
        "特記事項等(課題・\n"
        "名称 協議の場の構成員 開催頻度 実施内容\n"
        "強み等)\n"
        "越谷市精神障害にも対応した地域包 保健、医療、福祉関係機 年2回 ・方針の決定 ・事\n"
        "括ケアシステム推進会議 関、家族会、行政 （予定） 業報告\n"
        "相談支援事業所、精神科病 月１回程 ・事例検討 ・地域 参加者が固定化し\n"
        "実務者会議\n"
        "院、保健所 度 課題の抽出 ている\n"
        "当事者部会 ピアサポーター、事務局 未定 ・当事者の意見聴取 今年度新設予定\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)[1:]
    assert out[3] == (
        "越谷市精神障害にも対応した地域包括ケアシステム推進会議\t保健、医療、福祉関係機関、家族会、行政\t"
        "年2回（予定）\t・方針の決定 ・事業報告\t"
    )
    assert out[5] == (
        "実務者会議\t相談支援事業所、精神科病院、保健所\t月１回程度\t・事例検討 ・地域課題の抽出\t"
        "参加者が固定化している"
    )


def test_a_sector_word_qualified_as_the_sectors_table_writes_it_finds_its_row(parsed):
    # city-bold-headings-fy2023's sectors: `医療分野`, `保健分野`, `障害福祉` before their cells
    truth = parsed("city-bold-headings-fy2023.txt")["coordination"]["sectors"]
    doc = _parse(CONVERTERS / "city-bold-headings-fy2023--lopdf-pdfplumber.txt")["coordination"]["sectors"]
    assert doc == truth


def test_a_councils_activities_and_remarks_alike_in_width_are_told_by_their_form(parsed):
    # designated-sendai-fy2023's councils: the activities (items) and the remarks (sentences) of a row
    # are centred half a line apart, each as wide as the other's column
    truth = parsed("designated-sendai-fy2023.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / "designated-sendai-fy2023--lopdf-pdfplumber.txt")["councils"]["meetings"]
    assert (doc[-1]["activities"], doc[-1]["notes"]) == (truth[-1]["activities"], truth[-1]["notes"])


def test_a_header_of_five_lines_round_a_narrow_first_columns_four():
    # kashiwa-r6's indicators: `課題解決` / `の達成度` / `を測る指` / `標` round the one-line cells, a
    # two-line cell's halves on the lines next to the middle
    head = "課題解決\nの達成度 目標値 (昨年度当\n実績値 (昨年度末) 具体的な成果・効果\nを測る指 初)\n標\n"
    found = centred_headers.header_at([(i, t, False) for i, t in enumerate(head.splitlines())], 2)
    assert found is not None
    assert found[1:] == (
        ["課題解決の達成度を測る指標", "目標値(昨年度当初)", "実績値(昨年度末)", "具体的な成果・効果"],
        2,
        2,
        [
            ["課題解決", "の達成度", "を測る指", "標"],
            ["目標値 (昨年度当", "初)"],
            ["実績値 (昨年度末)"],
            ["具体的な成果・効果"],
        ],
    )


def test_a_frequency_wrapped_after_its_count_word_or_its_year_finds_its_row(parsed):
    # pref-fullwidth-dot-fy2023: `半年に` / `1回`; ward-nerima-fy2023: `年` / `10` / `回`
    truth = parsed("pref-fullwidth-dot-fy2023.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / "pref-fullwidth-dot-fy2023--lopdf-pdfplumber.txt")["councils"]["meetings"]
    assert [m["frequency"]["text"] for m in doc] == [m["frequency"]["text"] for m in truth]
    doc = _parse(CONVERTERS / "ward-nerima-fy2023--lopdf-pdfplumber.txt")["councils"]["meetings"]
    assert doc[1]["frequency"]["text"].startswith("年10回")


def test_a_council_row_a_page_break_cut_keeps_its_lines_below_its_frequency(parsed):
    # pref-gifu-fy2024: the second council's cells set at the top of the page's part, its list's last
    # item on the next page: lines that neither its frequency nor the next row's reach are its own
    fields = ("name", "members", "frequency")
    truth = parsed("pref-gifu-fy2024.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / "pref-gifu-fy2024--lopdf-pdfplumber.txt")["councils"]["meetings"]
    assert [[m[f] for f in fields] for m in doc] == [[m[f] for f in fields] for m in truth]


def test_a_run_of_numbers_below_a_frequencys_first_part_is_looked_at_once(monkeypatch):
    # `年` / `に1` / … : a pivot's part wrapped again is one middle part, never a chain of them (each
    # would try the next two lines again: twice the work a line)
    from nikosheet.parsing.forms import centred_pivots

    calls = []
    tail = centred_pivots._tail
    monkeypatch.setattr(centred_pivots, "_tail", lambda *a, **k: calls.append(1) or tail(*a, **k))
    text = _COUNCILS.replace("年6 事業内容の調\n", "年6 事業内容の調\n年\n" + "に1\n" * 20)
    out = _apply(text)
    assert len(out) == len(text.split("\n"))
    assert len(calls) < 400


def test_a_frequency_wrapped_after_its_units_year_and_long_cells_kept_to_their_headers_widths():
    # `各圏域年` / `3回程度` in a narrow column; the wrapped header cell `特記事項等(課題・` bounds its
    # column, so that no member or activity is read as a note
    text = (
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
        "特記事項等(課題・\n"
        "名称 協議の場の構成員 開催頻度 実施内容\n"
        "強み等)\n"
        "圏域協議の場（10圏 保健福祉事務所、精神科病院、市町村、 各圏域年 個別事例の検討、 圏域によって開催\n"
        "域） 相談支援事業所 3回程度 圏域の課題の抽出 回数に差がある。\n"
        "活動の振り返り、\n"
        "ピアサポーター連絡会 ピアサポーター、精神保健福祉センター 隔月\n"
        "病院訪問の調整\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)
    assert out[4:8] == [
        "圏域協議の場（10圏域）\t保健福祉事務所、精神科病院、市町村、相談支援事業所\t各圏域年3回程度\t"
        "個別事例の検討、圏域の課題の抽出\t圏域によって開催回数に差がある。",
        None,
        "ピアサポーター連絡会\tピアサポーター、精神保健福祉センター\t隔月\t活動の振り返り、病院訪問の調整\t",
        None,
    ]


def test_a_frequency_each_area_holds_wrapped_after_its_unit_and_its_count_finds_its_row():
    # `各地` / `域3` / `回/年`: the unit's name cut and the count before `回/年`, each on a line of its
    # own beside the other cells' lines (had the council run into the one above, or the table left)
    text = (
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
        "開催 特記事項等(課題\n"
        "名称 協議の場の構成員 実施内容\n"
        "頻度 ・強み等)\n"
        "地域精神\n"
        "各地 ・事例検討 ・\n"
        "保健福祉 保健相談所、相談支援事業所、地域包括支援センター、民\n"
        "域3 地域の課題の\n"
        "連絡会（4 生委員、精神科診療所、家族会\n"
        "回/年 抽出\n"
        "地域）\n"
        "ピアサポ\n"
        "月1 病院訪問の準\n"
        "ーター連 ピアサポーター、障害者支援課、委託先法人\n"
        "回 備と振り返り\n"
        "絡会\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)
    assert [line for line in out[4:16] if line] == [
        "地域精神保健福祉連絡会（4地域）\t保健相談所、相談支援事業所、地域包括支援センター、民生委員、精神科診療所、"
        "家族会\t各地域3回/年\t・事例検討 ・地域の課題の抽出\t",
        "ピアサポーター連絡会\tピアサポーター、障害者支援課、委託先法人\t月1回\t病院訪問の準備と振り返り\t",
    ]


def test_a_frequency_each_ward_holds_a_range_of_wrapped_over_three_lines_finds_its_row():
    # `各区 3` / `～4回` / `/年`: what each holds it and its count, the range's end and `/年` below, each
    # beside the other cells' lines (the council had been read into the one above, the rows after a
    # row off)
    text = (
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
        "開催頻 特記事項等(課\n"
        "名称 協議の場の構成員 実施内容\n"
        "度 題・強み等)\n"
        "区地域移行・ 各区 3\n"
        "保健センター、基幹相談支援センター、区内の病院・ 事例検討、地域資源の 区ごとの差が\n"
        "地域定着連絡 ～4回\n"
        "事業所 共有 大きい。\n"
        "会（12区） /年\n"
        "社会福祉協議会、不動産団体、住宅政策課、相談支援事 3回/ 協力不動産店の拡大、\n"
        "住まい部会\n"
        "業所 年 入居後の見守り\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)
    assert [line for line in out[4:12] if line] == [
        "区地域移行・地域定着連絡会（12区）\t保健センター、基幹相談支援センター、区内の病院・事業所\t各区 3～4回/年\t"
        "事例検討、地域資源の共有\t区ごとの差が大きい。",
        "住まい部会\t社会福祉協議会、不動産団体、住宅政策課、相談支援事業所\t3回/年\t協力不動産店の拡大、入居後の見守り\t",
    ]


# markitdown's text of a LibreOffice PDF: a councils' table, its first name of four lines beside a note of one
_KAWAGOE_COUNCILS = (
    "開催 特記事項等(課題・強\n"
    "名称 協議の場の構成員 実施内容\n"
    "頻度 み等)\n"
    "川越市 川越市医師会、市内精神科病院（3か所）、精神科診療所代 3回  ・事例検 警察や児童相談所も\n"
    "精神保 表、川越市訪問看護ステーション連絡会、川越市基幹相談支 /年 討 参加しており、幅広\n"
    "健医療 援センター、指定一般相談支援事業所代表、地域包括支援セ  ・地域課 い立場から意見が出\n"
    "福祉連 ンター代表、川越市社会福祉協議会、川越市民生委員・児童 題の抽出 る。一方で、委員の\n"
    "携会議 委員協議会連合会、川越市精神障害者家族会、ピアサポータ と取組の 数が多く、事例検討\n"
    "検討\n"
    "ー、埼玉県川越児童相談所、川越警察署生活安全課、保健予  ・取組の の時間が十分に取れ\n"
    "防課、障害者福祉課、地域包括ケア推進課 評価 ない。\n"
    "アウト\n"
    "リーチ 保健予防課、アウトリーチチーム（委託先病院）、基幹相談 月1 対象者の選定と支\n"
    "令和5年度から開始\n"
    "対象者 支援センター、地域包括支援センター 回 援方針の検討\n"
    "検討会\n"
    "ピアサ\n"
    "ポータ\n"
    "ピアサポーター、基幹相談支援センター 随時 活動の調整\n"
    "ー連絡\n"
    "会\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
)


def test_a_councils_tall_name_beside_a_note_half_a_line_off_keeps_its_lines_round_the_notes():
    # a name of four lines beside cells of two and a note of one: the note, half a line off them all,
    # stands on a line of its own between the name's second and third (had the name's first line been
    # read into the note, its last into the activities)
    text = _KAWAGOE_COUNCILS
    out = _apply(text)
    assert [line for line in out[3:21] if line][1:] == [
        "アウトリーチ対象者検討会\t保健予防課、アウトリーチチーム（委託先病院）、基幹相談支援センター、地域包括支援センター\t"
        "月1回\t対象者の選定と支援方針の検討\t令和5年度から開始",
        "ピアサポーター連絡会\tピアサポーター、基幹相談支援センター\t随時\t活動の調整\t",
    ]


def test_a_councils_narrow_name_and_wide_members_half_a_line_apart_keep_their_columns():
    # the name's four lines between the members' five: each fits the other's column line by line, so
    # the columns' widths are tried the other way round too (the members had been read as the name)
    text = (
        "開催 特記事項等(課\n"
        "名称 協議の場の構成員 実施内容\n"
        "頻度 題・強み等)\n"
        "大分県精神科病院協会、大分県医師会、大分県精神神経科\n"
        "大分県精神障 圏域の課題を\n"
        "診療所協会、大分県看護協会、大分県社会福祉協議会、大 ・圏域会議からの課題\n"
        "害者地域移行 2回 施策につなげ\n"
        "分県相談支援専門員協会、大分県精神保健福祉会連合会、 報告 ・指標の評価 ・県\n"
        "・地域生活支 /年 る手順が定ま\n"
        "ピアサポーター代表、大分県市長会、大分県町村会、学識 の施策の検討\n"
        "援推進会議 っていない。\n"
        "経験者、保健所長会、大分県精神保健福祉センター\n"
        "圏域地域移行 保健所、市町村、精神科病院、相談支援事業所、地域移行 3回  ・個別事例の 県西部では2\n"
        "検討\n"
        " ・圏域の地域\n"
        "課題の抽出\n"
        "推進会議（6 圏域合同で開\n"
        "推進員、家族会、ピアサポーター、地域包括支援センター /年  ・市町村の協\n"
        "圏域） 催している。\n"
        "議の場への助\n"
        "言\n"
        "地域移行推進 月1 病院訪問の状況共有、\n"
        "地域移行推進員、障がい福祉課、精神保健福祉センター\n"
        "員連絡会 回 困難事例の検討\n"
        "ピアサポータ 年4 活動の振り返り、フォ\n"
        "ピアサポーター、精神保健福祉センター\n"
        "ー活動連絡会 回 ローアップ研修\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)
    first = out[3].split("\t")
    assert first[0] == "大分県精神障害者地域移行 ・地域生活支援推進会議"
    assert first[1].startswith("大分県精神科病院協会、大分県医師会、")
    assert first[1].endswith("大分県精神保健福祉センター")
    assert first[2:] == [
        "2回/年",
        "・圏域会議からの課題報告 ・指標の評価 ・県の施策の検討",
        "圏域の課題を施策につなげる手順が定まっていない。",
    ]
    rows = [line.split("\t")[:3] for line in out[12:] if line and "\t" in line]
    assert rows[-2:] == [
        ["地域移行推進員連絡会", "地域移行推進員、障がい福祉課、精神保健福祉センター", "月1回"],
        ["ピアサポーター活動連絡会", "ピアサポーター、精神保健福祉センター", "年4回"],
    ]


def test_a_frequency_in_words_wrapped_over_three_lines_finds_its_row():
    # `四半` / `期ご` / `と`: a frequency in words cut twice by its narrow column, each part beside the
    # other cells' lines (the council had been read into the one above, its frequency into the remarks)
    text = (
        "開催 特記事項等(課題・強\n"
        "名称 協議の場の構成員 実施内容\n"
        "頻度 み等)\n"
        "圏域にも 保健所、市町、精神科病院、相談支援事業所、訪問看 3回/ ・個別事例の検討 ・圏 能登圏域は北部・中\n"
        "包括連絡 護ステーション、地域包括支援センター、家族会、ピ 年 域の課題の抽出 ・市町 部の2保健所が共同\n"
        "会（4圏\n"
        "アサポーター の協議の場への助言 で事務局を担う。\n"
        "域）\n"
        "ピアサポ 四半\n"
        "ピアサポーター、石川県精神保健福祉センター、訪問 活動の振り返り、訪問\n"
        "ーター連 期ご\n"
        "先病院の精神保健福祉士 の調整\n"
        "絡会 と\n"
        "県・石川\n"
        "障がい福祉課、石川県精神保健福祉センター、石川市 金沢・白山圏域連絡会\n"
        "市担当者 随時 －\n"
        "保健所 の運営の調整\n"
        "会議\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
    )
    out = _apply(text)
    rows = [line.split("\t") for line in out[3:] if line and "\t" in line]
    assert rows[1] == [
        "ピアサポーター連絡会",
        "ピアサポーター、石川県精神保健福祉センター、訪問先病院の精神保健福祉士",
        "四半期ごと",
        "活動の振り返り、訪問の調整",
        "",
    ]
    assert rows[2][:3] == ["県・石川市担当者会議", "障がい福祉課、石川県精神保健福祉センター、石川市保健所", "随時"]


def test_a_five_line_indicators_header_whose_first_cell_starts_above_its_middle():
    # the actual's header of three lines (`実績値` / `(R5年度` / `末)`) stands above and below the
    # others', so the name's first part is on the line above the header's middle (the table had been
    # left as text); the councils' table after it is what marks the text a LibreOffice PDF's
    text = (
        "＜令和5年度までの成果・効果＞\n"
        "実績値\n"
        "課題解決の達成度を測る 目標値 (R5\n"
        "(R5年度 具体的な成果・効果\n"
        "指標 年度当初)\n"
        "末)\n"
        "①地域移行支援の利用者数 60人 47人 病院の退院支援委員会への出席が増えた。\n"
        "②病棟訪問の回数 60回 72回 入院者の退院意欲の向上につながった。\n"
        "③市町村職員の研修受講者 延べ100人 延べ132人 保健所に相談しやすくなったとの回答が7割を超えた。\n"
        "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n" + _KAWAGOE_COUNCILS
    )
    out = _apply(text)
    assert out[1] == "課題解決の達成度を測る指標\t目標値(R5年度当初)\t実績値(R5年度末)\t具体的な成果・効果"
    assert out[2:6] == [None, None, None, None]
    assert out[6:9] == [
        "①地域移行支援の利用者数\t60人\t47人\t病院の退院支援委員会への出席が増えた。",
        "②病棟訪問の回数\t60回\t72回\t入院者の退院意欲の向上につながった。",
        "③市町村職員の研修受講者\t延べ100人\t延べ132人\t保健所に相談しやすくなったとの回答が7割を超えた。",
    ]


# a history as pdfplumber reads a LibreOffice PDF: years wrapped (`平成18年` / `度`), a commissioned
# body's name wrapped (`…ネッ` / `ト`), three events in one year, and a paragraph right below the table
_HISTORY = (
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "年度 経過 委託\n"
    "平成18年 特定非営利活動法人 さかい地域生活支援ネッ\n"
    "精神障害者退院促進支援事業を開始\n"
    "度 トワーク\n"
    "地域移行支援・地域定着支援の個別給付化 ↓\n"
    "平成24年\n"
    "退院促進支援事業を地域体制整備事業に再編\n"
    "度\n"
    "ピアサポーターの養成を開始\n"
    "平成30年 「堺市精神障害にも対応した地域包括ケアシステム推進会\n"
    "社会福祉法人 堺市社会福祉事業団\n"
    "度 議」を設置\n"
    "令和5年度の意向調査では、長期入院者の約3割が地域での生活を希望しており、住まいの確保と退院前の体験の機会\n"
    "が課題として挙げられた。\n"
)


def test_a_historys_corporations_are_its_commissioned_bodies_and_a_paragraph_below_is_none_of_its_rows():
    state = form_state(centred_rows, _HISTORY + _COUNCILS)
    assert [line for line in state.lines[1:15] if line is not None] == [
        "年度\t経過\t委託",
        "平成18年度\t精神障害者退院促進支援事業を開始\t特定非営利活動法人 さかい地域生活支援ネットワーク",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化\t↓",
        "\t退院促進支援事業を地域体制整備事業に再編\t",
        "\tピアサポーターの養成を開始\t",
        "平成30年度\t「堺市精神障害にも対応した地域包括ケアシステム推進会議」を設置\t社会福祉法人 堺市社会福祉事業団",
        "",
        "令和5年度の意向調査では、長期入院者の約3割が地域での生活を希望しており、住まいの確保と退院前の体験の機会",
        "が課題として挙げられた。",
    ]
    assert 13 in state.alone


# a history as pdfplumber reads a LibreOffice PDF: the year wrapped after 年, an event that filled its
# column going on below, a year's events each a row of its own beside the year centred among them
_WRAPPED_EVENTS = (
    "年度 経過 委託\n"
    "平成20年 精神障害者の退院を支える事業を県の事業として試\n"
    "度 行的に開始\n"
    "相談支援の個別給付化に合わせて市の事業を再編 ↓\n"
    "平成25年\n"
    "地域移行の連絡会を設置 ↓\n"
    "度\n"
    "ピアサポーターの養成講座を開始\n"
    "令和2年度 退院支援の作業部会を設置 （直営）\n"
)


def test_a_history_event_that_fills_its_column_goes_on_and_a_note_after_it_is_the_commission():
    out = _apply("その他\n" + _WRAPPED_EVENTS + _COUNCILS)
    rows = [line for line in out if line]
    assert rows[2] == "平成20年度\t精神障害者の退院を支える事業を県の事業として試行的に開始\t"
    assert rows[3:6] == [
        "平成25年度\t相談支援の個別給付化に合わせて市の事業を再編\t↓",
        "\t地域移行の連絡会を設置\t↓",
        "\tピアサポーターの養成講座を開始\t",
    ]
    assert rows[6] == "令和2年度\t退院支援の作業部会を設置\t（直営）"


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("R6年12月～R7", "年1月"),  # wrapped before its last year, or after its dash, or before its first 月
        ("R6年12月～", "R7年1月"),
        ("R6年12", "月～R7年1月"),
    ],
)
def test_a_range_of_months_that_crosses_the_year_end_wrapped_finds_its_row(first, last):
    # the range in the narrow 時期 column, its row's other cells on the line between its two parts
    text = _COUNCILS + (
        "\n熊本地震の後、こころのケアの相談が増え、区の相談体制と精神科救急後の地域支援への引継ぎが課題となっている。\n"
        "時期(月) 実施内容 具体的な取組\n"
        "R6年10月～11月 第2回区地域移行連絡会（5区） 引継ぎ手順書の試行\n"
        f"{first}\n"
        "相談員向け研修 研修（2日間）の実施\n"
        f"{last}\n"
        "R7年2月～3月 第2回推進会議 今年度の評価と次年度計画の協議"
    )
    rows = [line for line in _apply(text) if line]
    assert rows[-2:] == [
        "R6年12月～R7年1月\t相談員向け研修\t研修（2日間）の実施",
        "R7年2月～3月\t第2回推進会議\t今年度の評価と次年度計画の協議",
    ]


@pytest.mark.parametrize("converter", ["lopdf-pdfplumber", "lopdf-markitdown"])
def test_council_rows_read_from_the_table_s_last_line_up_where_a_cell_half_a_line_off_tips_them(parsed, converter):
    # designated-sendai-fy2023: read down, the second council's rows hold its list's lines where no
    # centred places fit (pdfplumber set them a line off), so its lines were cut one by one and its name
    # lost: four councils read as three.  Read from the last line up, every row's cells are centred and
    # each council has its own frequency; the first council's lines are then cut wrong (its name and
    # members: what is left to do), the second and the fourth read whole.
    truth = parsed("designated-sendai-fy2023.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / f"designated-sendai-fy2023--{converter}.txt")["councils"]["meetings"]
    assert [m["frequency"]["text"] for m in doc] == [m["frequency"]["text"] for m in truth]
    fields = ("name", "members", "notes")
    assert [[m[f] for f in fields] for m in doc][1::2] == [[m[f] for f in fields] for m in truth][1::2]
    assert doc[3]["activities"] == truth[3]["activities"]


# ward-nerima's indicators as pdfplumber reads its LibreOffice PDF: the first row's name of two lines
# half a line off the middle of five, its target and actual counts at the end of their cells' lines
# (`院支援の開始 20` / `件`), the effects' sentences in the widest column, the last; a paragraph's
# line shows the page's width
_NERIMA_INDICATORS = (
    "健康部保健予防課が事業を所管し、6か所の保健相談所と福祉部障害者施策推進課が連携して推進している。協議の場\n"
    "＜令和4年度までの成果・効果＞\n"
    "課題解決の達\n"
    "成度を測る指 目標値 (R4年度当初) 実績値 (R4年度末) 具体的な成果・効果\n"
    "標\n"
    " ・区外病院への訪  ・区外病院への訪  ・病院の精神保健福祉士と保健相談所\n"
    "問 10病院 問 12病院 の担当者が直接連絡を取り合える関係\n"
    "①区外病院と  ・入院中からの退  ・入院中からの退 ができた。\n"
    "の連携 院支援の開始 20 院支援の開始 17  ・入院早期から退院後の生活を一緒に\n"
    "件 件 考える事例が増えた。\n"
    "②ピアサポー 修了者のうち6名が病院訪問に参加し、入院者\n"
    "修了者 15名 修了者 11名\n"
    "ターの養成 の退院意欲の向上につながった。\n"
    "③区民への普 コロナ禍の影響で講座を中止した。オンライン\n"
    "こころの健康講座 年3回\n"
    "及啓発 配信を検討している。\n"
    "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
)


def test_an_indicators_values_are_not_its_effects_sentences_and_a_count_ends_its_cell():
    out = apply_form(centred_rows, _NERIMA_INDICATORS + "\n" + _COUNCILS)
    rows = [line for line in out if line and line[:1] in "①②③"]
    assert rows[0].split("\t")[0] == "①区外病院との連携"
    assert rows[0].split("\t")[1].endswith("・入院中からの退院支援の開始 20件")
    assert rows[1].split("\t")[3] == "修了者のうち6名が病院訪問に参加し、入院者の退院意欲の向上につながった。"
    effects = "コロナ禍の影響で講座を中止した。オンライン配信を検討している。"
    assert rows[2].split("\t")[1:] == ["こころの健康講座", "年3回", effects]


# a history as pdfplumber reads a LibreOffice PDF: a year's second event below its first, each centred
# in its own lines (the first's `↓` between its two lines, the second's between its body's two), the
# year centred over both; a year wrapped after 元 (`令和元` / `年度`) beside a body's name of two lines;
# a numbered list after a year wrapped after its number
_CENTRED_EVENTS = (
    "年度 経過 委託\n"
    "平成18 各圏域の指定一般相談支援\n"
    "精神障害者退院促進支援事業を開始\n"
    "年度 事業所\n"
    "退院促進支援事業を地域体制整備事業に再編し、地域体制整備コーディネータ\n"
    "↓\n"
    "平成20 ーを県内4圏域に配置\n"
    "年度 福井県精神保健福祉センタ\n"
    "ピアサポーターの養成を開始\n"
    "ー（直営）\n"
    "H24年\n"
    "地域移行支援・地域定着支援の個別給付化\n"
    "度\n"
    "平成26 ① 区内2か所の地域活動支援センターに退院支援の担当職員を配置 ② 精神科病\n"
    "↓\n"
    "年度 院との連絡会を開始\n"
    "令和元 一般社団法人 ふくい地域生\n"
    "アドバイザー派遣\n"
    "年度 活支援ネットワーク\n"
    "令和2 新型コロナウイルス感染症の影響により病院訪問を中止し、オンラインでの面\n"
    "↓\n"
    "年度 会支援と、電話による退院意欲の喚起の取組に切り替えた\n"
)


def test_a_years_events_are_each_centred_in_their_own_lines():
    rows = [line for line in _apply("その他\n" + _CENTRED_EVENTS + _COUNCILS) if line]
    assert rows[1:10] == [
        "年度\t経過\t委託",
        "平成18年度\t精神障害者退院促進支援事業を開始\t各圏域の指定一般相談支援事業所",
        "平成20年度\t退院促進支援事業を地域体制整備事業に再編し、地域体制整備コーディネーターを県内4圏域に配置\t↓",
        "\tピアサポーターの養成を開始\t福井県精神保健福祉センター（直営）",
        "H24年度\t地域移行支援・地域定着支援の個別給付化\t",
        "平成26年度\t① 区内2か所の地域活動支援センターに退院支援の担当職員を配置 ② 精神科病院との連絡会を開始\t↓",
        "令和元年度\tアドバイザー派遣\t一般社団法人 ふくい地域生活支援ネットワーク",
        "令和2年度\t新型コロナウイルス感染症の影響により病院訪問を中止し、オンラインでの面会支援と、電話による退院意欲の喚起の取組に切り替えた\t↓",
        "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)",
    ]


# markitdown's text of the same PDF: the year's second line written apart from the body's name's first
# line level with it, so the year stands a line off its group's middle; a word's end wrapped beside a
# year of one line (`…を設` / `令和2年度 置`)
_YEAR_APART = _CENTRED_EVENTS.replace("年度 福井県精神保健福祉センタ\n", "年度\n福井県精神保健福祉センタ\n")

# core-himeji-fy2024's history as pdfplumber reads its LibreOffice PDF: a word's end wrapped beside a
# year of one line (`…を設` / `令和2年度 置`), the year's second event below
_WORD_END = (
    "年度 経過 委託\n"
    "平成26年\n"
    "精神障害者地域移行支援事業を市単独事業として開始 社会福祉法人 白鷺会\n"
    "度\n"
    "「姫路市精神障害にも対応した地域包括ケアシステム推進会議」を設\n"
    "令和2年度 置\n"
    "地域移行部会・普及啓発部会を設置\n"
    "令和5年度 措置入院者等の退院後支援に関するガイドラインを改訂\n"
)


def test_a_year_a_line_off_its_groups_middle_and_a_words_end_beside_a_year():
    apart = [line for line in _apply("その他\n" + _YEAR_APART + _COUNCILS) if line]
    assert apart == [line for line in _apply("その他\n" + _CENTRED_EVENTS + _COUNCILS) if line]
    rows = [line for line in _apply("その他\n" + _WORD_END + _COUNCILS) if line]
    assert rows[3:5] == [
        "令和2年度\t「姫路市精神障害にも対応した地域包括ケアシステム推進会議」を設置\t",
        "\t地域移行部会・普及啓発部会を設置\t",
    ]


# a history whose columns the first reading takes too wide (a body's name of two lines beside a year's
# one-line event read as the event's first line): the events read again with the columns as their
# cells fill them (`…として位` fills its column and goes on below the year, `置づけ`)
_REFILLED = (
    "年度 経過 委託\n"
    "平成12年\n"
    "精神保健福祉業務の一部が東京都から区に移管される\n"
    "度\n"
    "平成19年\n"
    "区精神保健福祉連絡協議会を設置\n"
    "度\n"
    "平成25年\n"
    "区内精神科病院と保健センターによる退院支援連絡会を開始\n"
    "度\n"
    "平成28年\n"
    "自殺対策「こころといのちの相談支援事業」を開始 NPO法人（相談支援の一部）\n"
    "度\n"
    "精神保健福祉連絡協議会を「にも包括」の協議の場として位\n"
    "令和元年度\n"
    "置づけ\n"
    "保健センター地区連絡会を5地区で開始\n"
    "令和3年度\n"
    "ひきこもり支援の相談窓口と保健センターの連携会議を開始 社会福祉法人（ひきこもり相談窓口）\n"
    "区精神障害者家族会（ピアサポーター派\n"
    "令和4年度 精神障害者地域移行支援のピアサポーター派遣を開始\n"
    "遣）\n"
)


def test_a_historys_events_read_again_with_the_columns_their_cells_fill():
    rows = [line for line in _apply("その他\n" + _REFILLED + _COUNCILS) if line]
    assert rows[6:10] == [
        "令和元年度\t精神保健福祉連絡協議会を「にも包括」の協議の場として位置づけ\t",
        "令和3年度\t保健センター地区連絡会を5地区で開始\t",
        "\tひきこもり支援の相談窓口と保健センターの連携会議を開始\t社会福祉法人（ひきこもり相談窓口）",
        "令和4年度\t精神障害者地域移行支援のピアサポーター派遣を開始\t区精神障害者家族会（ピアサポーター派遣）",
    ]


# designated-chiba-fy2023 (a realistic sheet) as pdfplumber reads its LibreOffice PDF: each
# frequency wrapped round a line of the cells beside it (`3回/` … `年`, `2～4` … `回/年`)
_WRAPPED_FREQUENCIES = (
    "開催 特記事項等(課\n"
    "名称 協議の場の構成員 実施内容\n"
    "頻度 題・強み等)\n"
    "精神科病院協会、精神科診療所協会、基幹相談支 ・区の連絡会からの報告\n"
    "千葉市精神保健福 委員が多く、1\n"
    "援センター、訪問看護ステーション協議会、家族 3回/ ・市全体の課題の整理 ・\n"
    "祉推進協議会 地 回の会議で議論\n"
    "会、当事者会、地域包括支援センター、民生委員 年 障害福祉計画、保健医療\n"
    "域包括ケア部会 が深まりにくい\n"
    "児童委員協議会、学識経験者、市 計画への意見\n"
    "区保健福祉センター、基幹相談支援センター、精 個別事例の検討、区の社 区によって開催\n"
    "区精神保健福祉連 2～4\n"
    "神科病院・診療所、相談支援事業所、地域包括支 会資源の把握、区の課題 回数や取組に差\n"
    "絡会（6区） 回/年\n"
    "援センター、民生委員 の抽出 がある\n"
    "精神保健福祉課、障害福祉サービス課、こころの 月1 協議の場の準備、事業の\n"
    "事務局会議\n"
    "健康センター 回 進捗管理\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
)
# pref-niigata-fy2024: each unit's frequency wrapped after the unit, and again after its count
# (`各圏域` / `年2～3` / `回`), its list's bullets (U+F0B7, folded) on lines of their own
_EACH_UNITS_FREQUENCY = (
    "開催頻 特記事項等(課題・\n"
    "名称 協議の場の構成員 実施内容\n"
    "度 強み等)\n"
    "新潟県精神障害 精神科病院協会、医師会、精神神経科診療 年2回 ・ ・圏域の協議の場の 圏域から上がる課\n"
    "者地域生活支援 所協会、市長会、町村会、相談支援事業 取組報告 題が多く, 協議時間\n"
    "推進会議 所、家族会連合会、ピアサポーター、学識 ・ ・県全体の課題の整 が不足している。\n"
    "経験者 理\n"
    "・ ・県の施策への反映\n"
    "保健所、市町村、精神科病院、訪問看護ス 各圏域 個別事例の検討 圏域の地域\n"
    "圏域の協議の場 圏域ごとに協議の\n"
    "テーション、相談支援事業所、地域包括支 年2～3 課題の抽出 市町村の協議の\n"
    "（7圏域） 進め方が異なる。\n"
    "援センター、家族会、ピアサポーター 回 場への助言\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
)


def test_a_frequency_wrapped_round_the_cells_beside_it_or_after_each_unit_finds_its_row():
    rows = [line.split("\t") for line in _apply(_WRAPPED_FREQUENCIES)[3:] if line and "\t" in line]
    assert [cells[2] for cells in rows] == ["3回/年", "2～4回/年", "月1回"]
    assert "区精神保健福祉連絡会（6区）" in rows[1]
    rows = [line.split("\t") for line in _apply(_EACH_UNITS_FREQUENCY)[3:] if line and "\t" in line]
    assert [cells[2] for cells in rows] == ["年2回", "各圏域年2～3回"]
    assert rows[1] == [
        "圏域の協議の場（7圏域）",
        "保健所、市町村、精神科病院、訪問看護ステーション、相談支援事業所、地域包括支援センター、家族会、ピアサポーター",
        "各圏域年2～3回",
        "個別事例の検討 圏域の地域課題の抽出 市町村の協議の場への助言",
        "圏域ごとに協議の進め方が異なる。",
    ]


# pdfplumber's text of a LibreOffice PDF: a year's first event with `－` for its commission (the mark one
# space after the event's words), and an event whose last word wrapped below, level with the year's `度`
# (`…と位置付` / `度 けた`), the year's next event after it
_MARK_AND_KANA = (
    "年度 経過 委託\n"
    "平成16年\n"
    "精神障害者退院促進支援事業をモデル事業として県北圏域で開始 県精神保健福祉協会\n"
    "度\n"
    "平成24年 地域移行支援・地域定着支援の個別給付化に伴い、事業を再編 －\n"
    "度 ピアサポーター養成研修を開始（第1期生10名） 県精神保健福祉センター\n"
    "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
    "令和元年 県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付\n"
    "度 けた\n"
    "7圏域すべてで保健所圏域会議を立ち上げ\n"
)


def test_a_none_mark_after_an_event_and_a_kana_end_below_it_are_read_to_their_cells():
    rows = [line for line in _apply("その他\n" + _MARK_AND_KANA + _COUNCILS) if line]
    assert rows[3:8] == [
        "平成24年度\t地域移行支援・地域定着支援の個別給付化に伴い、事業を再編\t－",
        "\tピアサポーター養成研修を開始（第1期生10名）\t県精神保健福祉センター",
        "令和元年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始\t",
        "\t県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付けた\t",
        "\t7圏域すべてで保健所圏域会議を立ち上げ\t",
    ]


def test_a_commission_of_none_in_kana_costs_what_a_bodys_name_does():
    """`なし` (none) is the 委託 column's own word, not a description's wrapped end in kana (`けた`)."""
    from nikosheet.parsing.forms.centred_events import event_cost
    from nikosheet.parsing.forms.template_tables import TABLES

    history = next(t for t in TABLES if t.header[0] == "年度")
    widths = [10, 40, 20]

    def cost(commission: str) -> float:
        return event_cost(history, [["令和2年度", "ピアサポーターの活動報酬を制度化", commission]], widths)

    assert cost("なし") == cost("県精神保健福祉協会") < cost("けた")


@pytest.mark.parametrize(
    "piece, rest",
    [
        ("を開始", True),  # the particle: no word starts with it
        ("業」を開始", True),  # closes a bracket it did not open
        ("「みえ退院支援ガイド」を作成", False),
        ("こころの相談窓口を開設", False),  # a word in hiragana starts a description
        ("にも包括の推進を位置づけ", False),
        ("2）協議の場を設置", False),  # a list's number and its half bracket
    ],
)
def test_a_piece_that_can_only_go_on_a_text_starts_no_event(piece, rest):
    from nikosheet.parsing.forms.centred_events import cut_off, event_cost
    from nikosheet.parsing.forms.line_cuts import NEW_CELL
    from nikosheet.parsing.forms.template_tables import TABLES

    history = next(t for t in TABLES if t.header[0] == "年度")
    assert cut_off(piece) is rest
    assert event_cost(history, [[piece, ""]], [40, 20]) == (NEW_CELL if rest else 0.0)  # an event of the piece


# pref-ibaraki-fy2024's history as pdfplumber reads its LibreOffice PDF: a year's two events of one
# line each beside its two lines, the first a character short of its column (33 characters wide)
_ROOM_LEFT = (
    "年度 経過 委託\n"
    "平成15年\n"
    "精神障害者退院促進支援事業をモデル事業として県南圏域で開始 県精神保健福祉協会\n"
    "度\n"
    "精神障害者地域移行支援特別対策事業に移行し、全圏域に地域移行推進員 県内相談支援事業所（6か所）\n"
    "平成20年 を配置 に委託\n"
    "度 各保健所に地域移行支援会議を設置し、病院と地域の事業所による個別ケ\n"
    "ース検討を開始\n"
    "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
    "平成30年 県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付\n"
    "度 けた\n"
    "9圏域すべてで保健所圏域会議を立ち上げ\n"
    "令和2年 新型コロナウイルス感染症の影響により圏域会議を書面開催へ切り替え\n"
    "度 オンラインによるピアサポーター活動報告会を試行\n"
    "令和4年\n"
    "第7期障害福祉計画策定に向け、長期入院者の退院意向調査（県内41病\n"
    "度 茨城県精神科病院協会\n"
    "院）を実施\n"
    "にも包括構築支援事業（国アドバイザー派遣）を活用し、協議の場の評価\n"
    "令和5年\n"
    "指標を検討\n"
    "度\n"
    "市町村職員向け精神保健福祉業務研修を基礎編・応用編の2段階に再編 県精神保健福祉センター\n"
)


def test_an_events_line_that_left_room_for_the_next_lines_first_character_ends_the_event():
    rows = [line for line in _apply("その他\n" + _ROOM_LEFT + _COUNCILS) if line]
    assert rows[8:11] == [
        "令和2年度\t新型コロナウイルス感染症の影響により圏域会議を書面開催へ切り替え\t",
        "\tオンラインによるピアサポーター活動報告会を試行\t",
        "令和4年度\t第7期障害福祉計画策定に向け、長期入院者の退院意向調査（県内41病院）を実施\t茨城県精神科病院協会",
    ]


def test_a_years_second_event_below_its_wrapped_year_stays_in_its_group():
    # markitdown of a LibreOffice PDF (柏市): `令和元年` / `度` centred beside two events, its second event
    # on the line after the year's end; the group that ends there would leave its one event off its middle
    from nikosheet import parse_file_data

    events = parse_file_data(FIXTURES / "converters" / "kashiwa-r6--lopdf-markitdown.txt")["history"]["events"]
    assert [(e["period"], e["description"]) for e in events[5:8]] == [
        ("令和元年度", "「精神障害にも対応した地域包括ケアシステム」全体会議の設置"),
        ("令和元年度", "実務者会議を柏市自立支援協議会相談支援部会の連絡会として位置づける"),
        (
            "令和3年度",
            "柏市自立支援協議会相談支援部会から独立した会議体として位置づけ。"
            "柏市保健所精神保健福祉連絡協議会を「にも包括代表者会議」へ移行する",
        ),
    ]


def test_a_lines_remembered_pieces_are_not_changed_by_the_table_read_from_them(monkeypatch):
    """`_line` is remembered across sheets: the pieces it answered must stay what it worked out, or the
    next sheet whose table asks the same (a batch's next sheet) reads pieces a history's row moved
    (`_rows` moves a corporation or a `↓` into the commissioned body's column, in place)."""
    from nikosheet import parse_text_data

    real = centred_rows._line
    answers: dict[tuple, object] = {}

    def kept(*args):
        answers[args] = answer = real(*args)
        return answer

    monkeypatch.setattr(centred_rows, "_line", kept)
    real.cache_clear()
    parse_text_data((CONVERTERS / "kashiwa-r6--lopdf-markitdown.txt").read_text(encoding="utf-8"))
    assert answers
    changed = [args[0] for args, answer in answers.items() if answer != real.__wrapped__(*args)]
    assert not changed, f"{len(changed)} of {len(answers)} answers changed after they were given: {changed[:2]}"


# an outcomes table as pdfplumber reads a LibreOffice PDF: the first row's effects a list of two items, set
# apart by the space between them, so that its lines stand on no centred places (`・…令和6` and its next
# line above the name, the second item's two lines a line apart); the bullet's glyph (U+F0B7) a word of
# its own.  A paragraph's line shows the page's width.
_SPACED_LIST = (
    "震災後の心のケアの体制を段階的に地域の保健福祉の仕組みへ移してきた経緯があり、市町村と保健所の役割分担を改めて\n"
    "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"
    "＜令和5年度までの成果・効果＞\n"
    "実績値\n"
    "課題解決の達成度 目標値 (R5\n"
    "(R5年度 具体的な成果・効果\n"
    "を測る指標 年度当初)\n"
    "末)\n"
    "\uf0b7 ・未設置7町村のうち3町が、自立支援協議会の部会として令和6\n"
    "年度に設置することを決めた。\n"
    "①市町村の協議の\n"
    "30市町村 28市町村 \uf0b7 ・保健所が未設置町村を延べ19回訪問し、町村ごとの課題と、共\n"
    "場の設置数\n"
    "同設置の可能性を整理した。\n"
    "②精神病床におけ 長期入院者数は前年より減ったものの、目標には届かなかった。退院支援\n"
    "る1年以上の長期 3,050人 3,129人 の対象となる65歳以上の入院者は、介護保険施設への入所待機が長期化す\n"
    "入院者数 る例が多く、高齢福祉部門と合同の事例検討を始めた。\n"
    "③ピアサポーター 派遣先病院が5病院から7病院に増え、入院者との個別面談に加えて病棟\n"
    "年48回 年55回\n"
    "の病院訪問回数 での茶話会形式の交流が定着した。\n"
    "④退院後支援計画\n"
    "全保健所で計画作成が定着し、退院後に医療中断となった人の割合が前年\n"
    "の作成件数（措置 年120件 年131件\n"
    "より減少した。\n"
    "入院者等）\n"
    "⑤精神保健福祉審\n"
    "議会への当事者委 2名 2名\n"
    "員の参画\n"
    "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n" + _COUNCILS
)


def test_a_row_whose_list_stands_on_no_centred_places_is_cut_line_by_line():
    rows = rewritten_rows(_SPACED_LIST)  # (the bullet's glyph taken out first)
    assert rows[1:6] == [
        [
            "①市町村の協議の場の設置数",
            "30市町村",
            "28市町村",
            "・未設置7町村のうち3町が、自立支援協議会の部会として令和6年度に設置することを決めた。"
            " ・保健所が未設置町村を延べ19回訪問し、町村ごとの課題と、共同設置の可能性を整理した。",
        ],
        [
            "②精神病床における1年以上の長期入院者数",
            "3,050人",
            "3,129人",
            "長期入院者数は前年より減ったものの、目標には届かなかった。退院支援の対象となる65歳以上の入院者は、"
            "介護保険施設への入所待機が長期化する例が多く、高齢福祉部門と合同の事例検討を始めた。",
        ],
        [
            "③ピアサポーターの病院訪問回数",
            "年48回",
            "年55回",
            "派遣先病院が5病院から7病院に増え、入院者との個別面談に加えて病棟での茶話会形式の交流が定着した。",
        ],
        [
            "④退院後支援計画の作成件数（措置入院者等）",
            "年120件",
            "年131件",
            "全保健所で計画作成が定着し、退院後に医療中断となった人の割合が前年より減少した。",
        ],
        ["⑤精神保健福祉審議会への当事者委員の参画", "2名", "2名", ""],
    ]


# a history as pdfplumber reads a LibreOffice PDF: 平成21年度's event wrapped onto the line of its year's
# `年度`, its rest starting with the particle `を` (no event starts so)
_PARTICLE_REST = (
    "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n"
    "の偏りが大きく、退院後の通院や訪問の手段の確保が難しい。また、自殺死亡率が長く全国上位にあり、こころの不調\n"
    "を抱えながら医療や相談につながっていない方への早期の支援が求められている。\n"
    "年度 経過 委託\n"
    "平成18\n"
    "精神障害者退院促進支援事業を秋田周辺圏域でモデル実施 秋田県精神保健福祉協会\n"
    "年度\n"
    "平成21 「秋田県自殺対策推進会議」と保健所の「こころの相談」窓口の連携\n"
    "年度 を開始\n"
    "平成22\n"
    "精神障害者地域移行・地域定着支援事業として全8圏域に拡大 各圏域の指定一般相談支援事業所\n"
    "年度\n"
    " ・「精神障害にも対応した地域包括ケアシステム構築推進事\n"
    "平成30 業」を開始\n"
    "↓\n"
    "年度  ・県の協議の場として推進会議を設置\n"
    "令和2年 感染症の拡大により病院訪問とピア活動を休止し、病棟への手紙と動\n"
    "度 画による情報提供に切り替えた\n"
    "令和3年\n"
    "全圏域で保健所を事務局とする圏域推進会議を設置\n"
    "度\n"
    " ・県内全17病院を対象に長期入院者の生活状況調査を実施\n"
    "令和4年  ・大館・北秋田圏域で多職種による訪問支援チームを試行 県北の精神科病院2か所\n"
    "度\n"
    "町村の協議の場の設置状況調査と、未設置町村への個別訪問を開始\n"
    "令和5年  ・第8次医療保健福祉計画（精神疾患）に「にも包括」を位 秋田県精神保健福祉協会 県北・県南\n"
    "度 置づけ の精神科病院3か所\n"
    " ・ピアサポーターの登録・派遣の仕組みを創設\n"
    " ・訪問支援チームを湯沢圏域に拡大\n"
    "４ 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n" + _COUNCILS
)


def test_an_events_rest_that_starts_with_a_particle_is_no_event_of_its_own():
    rows = rewritten_rows(_PARTICLE_REST)
    assert rows[1:4] == [
        ["平成18年度", "精神障害者退院促進支援事業を秋田周辺圏域でモデル実施", "秋田県精神保健福祉協会"],
        ["平成21年度", "「秋田県自殺対策推進会議」と保健所の「こころの相談」窓口の連携を開始", ""],
        ["平成22年度", "精神障害者地域移行・地域定着支援事業として全8圏域に拡大", "各圏域の指定一般相談支援事業所"],
    ]


# a prefecture's history as pdfplumber wrote its LibreOffice PDF: an event of two sentences (`…開始。` /
# `県協議の場を設置`) beside a commission its column cut inside a word (`…精神保健福祉協` / `会へ一部委託`)
_SENTENCE_IN_EVENT = (
    "年度 経過 委託\n"
    "平成17年\n"
    "精神障害者退院促進支援事業を八戸圏域でモデル実施 県直営\n"
    "度\n"
    "平成20年 精神障害者地域移行支援特別対策事業として全圏域に拡大 各圏域の相談支援事業所が受託\n"
    "度～ 地域体制整備コーディネーターを6圏域に各1名配置 ↓\n"
    "平成24年 地域移行支援・地域定着支援の個別給付化に伴い、県事業を地域体制\n"
    "↓\n"
    "度 整備に重点化\n"
    "平成26年\n"
    "長期入院精神障害者実態調査（第1回）を県内全精神科病院で実施 青森県立精神保健福祉センター\n"
    "度\n"
    "平成30年 「精神障害にも対応した地域包括ケアシステム構築推進事業」開始。 一般社団法人青森県精神保健福祉協\n"
    "度 県協議の場を設置 会へ一部委託\n"
    "6圏域すべてに圏域協議の場を設置\n"
    "令和元年度\n"
    "ピアサポーター養成研修を開始（基礎編・実践編） NPO法人（当事者団体）が受託\n"
    "構築支援事業に参加。アドバイザーの助言のもと、市町村協議の場の\n"
    "令和3年度\n"
    "設置支援に着手\n"
    "保健所による全市町村への訪問ヒアリングを実施し、設置状況と課題\n"
    "令和4年度 県直営\n"
    "を把握\n"
    "令和5年度 長期入院精神障害者実態調査（第2回）を実施し、圏域別データを作 青森県立精神保健福祉センター\n"
    "成\n"
    "県・圏域・市町村の三層で協議の場を運営し、圏域の課題を県協議の\n"
    "現在 ↓\n"
    "場へ集約する仕組みで継続中\n"
)


def test_an_event_goes_on_past_a_sentences_end_where_its_commission_was_cut_inside_a_word():
    """The commission's line fills its column inside a word: the event goes on below it, though its description's
    line ends a sentence (they had been read as two events, the commission cut in two)."""
    from conftest import with_history
    from nikosheet import parse_bytes_data

    doc = parse_bytes_data(with_history("core-himeji-fy2024", "lopdf-pdfplumber", "".join(_SENTENCE_IN_EVENT)))
    events = [(e["period"], e["description"], e["commission"]) for e in doc["history"]["events"]]
    assert events[5] == (
        "平成30年度",
        "「精神障害にも対応した地域包括ケアシステム構築推進事業」開始。県協議の場を設置",
        "一般社団法人青森県精神保健福祉協会へ一部委託",
    )
    assert events[6][:2] == ("令和元年度", "6圏域すべてに圏域協議の場を設置")


def test_a_department_s_section_after_its_office_a_space_apart_is_its_name_s():
    # pdfplumber of a LibreOffice PDF: `建築局 住宅政策課` is one name (the office, then its section)
    text = (
        "所管部署名 所管部署における主な業務\n障害福祉課 推進会議の運営、地域移行支援\n"
        "連携部署名 連携部署における主な業務\n"
        "各区福祉保健センター 高齢・障害支援課 精神保健福祉相談、訪問支援、区域の協議の場の運営\n"
        "建築局 住宅政策課 居住支援協議会の運営、市営住宅の入居\n"
        "各総合支所 保健福祉課（5か所） 障害福祉サービスの支給決定、生活保護\n"
        "居住支援課 居住支援協議会の運営\n"
        f"各部門の連携状況 強み・課題等\n{_COUNCILS}"
    )
    rows = [line.split("\t") for line in _apply(text) if line and "\t" in line]
    assert rows[0] == ["連携部署名", "連携部署における主な業務"]
    assert rows[1:5] == [
        ["各区福祉保健センター 高齢・障害支援課", "精神保健福祉相談、訪問支援、区域の協議の場の運営"],
        ["建築局 住宅政策課", "居住支援協議会の運営、市営住宅の入居"],
        ["各総合支所 保健福祉課（5か所）", "障害福祉サービスの支給決定、生活保護"],
        ["居住支援課", "居住支援協議会の運営"],
    ]


def test_a_range_of_months_wrapped_before_its_first_month_s_mark_finds_its_row():
    # `R6年10` / `月～12月` round the row's one line: one month cell, not a row lost and a date in the item
    text = _COUNCILS + (
        "\n時期(月) 実施内容 具体的な取組\n"
        "R6年8月 ピアサポーター養成研修（基礎編）\n"
        "R6年10\n圏域の協議の場（第2回） 各圏域で長期入院者の事例検討を実施\n月～12月\n"
        "R6年11月 県民向け講演会 当事者・家族による体験発表"
    )
    rows = [line for line in _apply(text) if line]
    assert rows[-2:] == [
        "R6年10月～12月\t圏域の協議の場（第2回）\t各圏域で長期入院者の事例検討を実施",
        "R6年11月\t県民向け講演会\t当事者・家族による体験発表",
    ]


def test_a_schedule_row_s_one_line_item_between_its_details_two_lines_is_the_item():
    # pdfplumber of a LibreOffice PDF: the month and the item on the row's middle line, the details' two lines
    # above and below it; as centred read the other way (the details' lines the item's), but an item is a
    # title and the details its sentences
    text = _COUNCILS + (
        "\n時期(月) 実施内容 具体的な取組\n"
        "R6年4月 保健福祉事務所担当者会議 今年度の方針と圏域ごとの目標の確認\n"
        "前年度の実績報告、退院意向調査の結果\nR6年6月 第1回推進会議\n報告\n"
        "R6年8月 ピアサポーター養成研修（基礎編）\n"
        "R6年11月 県民向け講演会 当事者・家族による体験発表\n"
        " ・今年度の取組の評価\nR7年2月 第2回推進会議\n ・次年度の方針の決定"
    )
    rows = {line.split("\t")[0]: line for line in _apply(text) if line and line.startswith("R")}
    assert rows["R6年6月"] == "R6年6月\t第1回推進会議\t前年度の実績報告、退院意向調査の結果報告"
    assert rows["R7年2月"] == "R7年2月\t第2回推進会議\t・今年度の取組の評価 ・次年度の方針の決定"
    assert rows["R6年8月"] == "R6年8月\tピアサポーター養成研修（基礎編）\t"


# a council's rows as pdfplumber reads a LibreOffice PDF whose members are a list of commas (熊本市):
# the first row's frequency `年2` / `回` wrapped, its `回` on a line of the members' list (`…センター, 回`)
_COMMA_BEFORE_UNIT = (
    "開\n"
    "催 特記事項等(課題・強\n"
    "名称 協議の場の構成員 実施内容\n"
    "頻 み等)\n"
    "度\n"
    "学識経験者, 熊本県精神科病院協会, 熊本市医師会, 委員の多くが熊本地\n"
    "熊本市精神障害にも対 市全体の方針の\n"
    "熊本県精神保健福祉士協会, 基幹相談支援センタ 年2 震での支援経験を共\n"
    "応した地域包括ケアシ 決定, 部会と区の\n"
    "ー, 訪問看護ステーション, 地域包括支援センター, 回 有しており、議論が\n"
    "ステム推進会議 取組の評価\n"
    "家族会, 当事者団体, 行政機関の代表者 具体的である。\n"
    "長期入院者の状\n"
    "精神科病院の精神保健福祉士, 基幹相談支援セン\n"
    "同推進会議 地域移行 年4 況の共有, 地域移 病院ごとの取組の差\n"
    "ター, 一般相談支援事業所, ピアサポーター, ここ\n"
    "部会 回 行支援の利用促 が大きい。\n"
    "ろの健康センター\n"
    "進\n"
    "こころの健康フ\n"
    "同推進会議 普及啓発 精神科診療所, 家族会, 当事者, 教育委員会, 大学, 年4 ォーラムの企画,\n"
    "・人材育成部会 こころの健康センター 回 支援者研修の企\n"
    "画\n"
    "区精神保健福祉連絡会\n"
    "区役所保健子ども課・福祉課, 地域包括支援セン 区によって参加機関\n"
    "（各区役所保健子ども 年3 区の地域課題の\n"
    "ター, 相談支援事業所, 精神科診療所, 訪問看護ス や検討内容に差があ\n"
    "課事務局・全5区で開 回 抽出, 事例検討\n"
    "テーション, 民生委員 る。\n"
    "催）\n"
    "個別の退院後支\n"
    "熊本市措置入院者等退 随\n"
    "精神科病院, 区役所保健師, 精神保健福祉室 援計画の作成と\n"
    "院後支援調整会議 時\n"
    "見直し\n"
    "精神障害のある\n"
    "推進会議と検討内容\n"
    "熊本市障がい者自立支 相談支援事業所, 障害福祉サービス事業所, 当事者, 年6 方の地域生活に\n"
    "が重なることがあ\n"
    "援協議会 精神部会 障がい福祉課 回 関する課題の検\n"
    "る。\n"
    "討\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
)


def _body_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in _apply(text) if line and "\t" in line][1:]


def test_a_frequencys_unit_after_a_members_comma_is_its_rows_pivot():
    rows = _body_rows(_COMMA_BEFORE_UNIT)
    assert [(row[0], row[2]) for row in rows] == [
        ("熊本市精神障害にも対応した地域包括ケアシステム推進会議", "年2回"),
        ("同推進会議 地域移行部会", "年4回"),
        ("同推進会議 普及啓発 ・人材育成部会", "年4回"),
        ("区精神保健福祉連絡会（各区役所保健子ども課事務局・全5区で開催）", "年3回"),
        ("熊本市措置入院者等退院後支援調整会議", "随時"),
        ("熊本市障がい者自立支援協議会", "年6回"),
    ]
    assert rows[0][3] == "市全体の方針の決定, 部会と区の取組の評価"
    assert rows[1][1] == (
        "精神科病院の精神保健福祉士, 基幹相談支援センター, 一般相談支援事業所, ピアサポーター, こころの健康センター"
    )


# a frequency written with a space, `3 回/年` (江東区), and one after a corporation's kind that ended its
# members (青森県: `NPO` / `法人 回`): each its row's pivot, the rows round them read in turn
_SPACED_COUNT = (
    "開催 特記事項等(課題・強\n"
    "名称 協議の場の構成員 実施内容\n"
    "頻度 み等)\n"
    "貸主・管理会社向け説明 不動産関係団体の参\n"
    "居住支援法人、不動産関係団体、グループホ\n"
    "推進会議 住まい 年4 会の企画、住まい相談会 加により、物件探し\n"
    "ーム運営事業者、相談支援事業所、住宅課、\n"
    "部会 回 の運営、入居後の見守り の実情を踏まえた議\n"
    "障害者支援課\n"
    "体制の検討 論ができている。\n"
    "講演会・養成講座の企\n"
    "推進会議 普及啓 家族会、ピアサポーター、地域活動支援セン 3 回\n"
    "画、相談先を一覧にした\n"
    "発部会 ター、精神科診療所、保健予防課 /年\n"
    "リーフレットの作成\n"
    "区内精神科病院（精神保健福祉士、看護 長期入院者の退院に向け\n"
    "月1 区外の病院の参加が\n"
    "退院支援連絡会 師）、保健相談所、地域移行・地域定着支援 た個別の調整、退院後の\n"
    "回 今後の課題である。\n"
    "コーディネーター、相談支援事業所 支援者の確認\n"
    "長期入院者地域移 精神保健福祉センター、障害福祉課、地域体制 実態調査の設計・分\n"
    "行ワーキンググル 整備コーディネーター、精神科病院の精神保健 随時 析、圏域別データの作\n"
    "ープ 福祉士 成\n"
    "活動報告、病院訪問の\n"
    "ピアサポーター連 ピアサポーター、精神保健福祉センター、NPO 月1\n"
    "振り返り、フォローア\n"
    "絡会 法人 回\n"
    "ップ研修\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "い"
)


def test_a_count_spaced_from_its_unit_and_a_unit_after_a_corporations_kind_are_pivots():
    rows = _body_rows(_SPACED_COUNT)
    assert [(row[0], row[2]) for row in rows] == [
        ("推進会議 住まい部会", "年4回"),
        ("推進会議 普及啓発部会", "3 回/年"),
        ("退院支援連絡会", "月1回"),
        ("長期入院者地域移行ワーキンググループ", "随時"),
        ("ピアサポーター連絡会", "月1回"),
    ]
    assert rows[1][3] == "講演会・養成講座の企画、相談先を一覧にしたリーフレットの作成"
    assert rows[4][1] == "ピアサポーター、精神保健福祉センター、NPO法人"
    assert rows[4][3] == "活動報告、病院訪問の振り返り、フォローアップ研修"


# a frequency wrapped over three lines, each part after a members' list item that its comma ended
# (豊中市: `…訪問看護ステーション, 年` / `…地域包括支 2` / `…ピアサポーター, 回`; the next row's count
# too, `…訪問看護ステーション, 4`)
_LISTED_FREQUENCY = (
    "開\n"
    "催\n"
    "名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n"
    "頻\n"
    "度\n"
    "豊中市精神障害にも対応 学識経験者, 医師会, 精神科病院, 精 役割分担表の作成により、方針\n"
    "部会からの提言の\n"
    "した地域包括ケアシステ 神科診療所, 訪問看護ステーション, 年 決定の場としての位置づけが明\n"
    "確認, 取組方針と\n"
    "ム推進協議会(豊中市保健 基幹相談支援センター, 地域包括支 2 確になった。委員の任期が2年\n"
    "指標の決定, 事業\n"
    "医療福祉関係者による協 援センター, 家族会, ピアサポーター, 回 のため、継続的な議論の引継ぎ\n"
    "報告\n"
    "議の場) 市関係課 が課題。\n"
    "事例検討, 地域課\n"
    "相談支援事業所, 精神科病院の精神 年\n"
    "豊中市障害者自立支援協 題の抽出, 「とよ 部会員の参加率が高く、実務者\n"
    "保健福祉士, 訪問看護ステーション, 4\n"
    "議会 精神保健福祉部会 なか退院サポート 同士の連携が深まっている。\n"
    "就労支援事業所, 保健所, 障害福祉課 回\n"
    "ガイド」の検討\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "い"
)


def test_a_frequencys_parts_each_after_a_members_comma_find_their_row():
    rows = _body_rows(_LISTED_FREQUENCY)
    assert [(row[0], row[2]) for row in rows] == [
        ("豊中市精神障害にも対応した地域包括ケアシステム推進協議会(豊中市保健医療福祉関係者による協議の場)", "年2回"),
        ("豊中市障害者自立支援協議会 精神保健福祉部会", "年4回"),
    ]
    assert rows[0][1].endswith("ピアサポーター, 市関係課")
    assert rows[1][3] == "事例検討, 地域課題の抽出, 「とよなか退院サポートガイド」の検討"


# a member's first word after its list's comma, `各保健所`, beside the next row's wrapped frequency
# (`年4` / `回`): the member's, not the frequency's (旭川市's councils, a member changed)
_EACH_MEMBER = (
    "開催\n"
    "名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n"
    "頻度\n"
    "旭川市精神障害者 精神科病院, 医師会, 相談支援事業所, 家\n"
    "年2 方針の決定, 部会の報告,\n"
    "地域生活支援推進 族会, ピアサポーター, 社会福祉協議会,\n"
    "回 取組の評価\n"
    "協議会 学識経験者, 各保健所\n"
    "精神科病院の精神保健福祉士, 相談支援 長期入院者の退院支援の 病院と事業所の実務者が\n"
    "地域移行・定着部 年4\n"
    "事業所, ピアサポーター, 保健所, 障害福 検討, ピアサポーターの 集まり、個別ケースの検\n"
    "会 回\n"
    "祉課 病院訪問の調整 討ができている。\n"
    "相談支援事業所, 訪問看護ステーション,\n"
    "暮らし・冬期支援 年4 冬期の生活支援モデルの 令和5年度に新設。町内\n"
    "社会福祉協議会, 地域包括支援センター,\n"
    "部会 回 検討, 住まいの確保 会の参画が課題。\n"
    "居住支援法人, 障害福祉課\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ"
)


def test_a_members_word_that_could_start_a_frequency_stays_the_members():
    rows = _body_rows(_EACH_MEMBER)
    assert [(row[0], row[2]) for row in rows] == [
        ("旭川市精神障害者地域生活支援推進協議会", "年2回"),
        ("地域移行・定着部会", "年4回"),
        ("暮らし・冬期支援部会", "年4回"),
    ]
    assert rows[0][1].endswith("社会福祉協議会, 学識経験者, 各保健所")


def test_a_frequencys_unit_three_lines_below_its_count_finds_its_row(parsed):
    # markitdown writes a piece of a cell empty in a pipe row (`抽出`) as a line of its own after the row,
    # and a row's line of pieces alone (`見える関係ができてい`) after that: `年3` / `抽出` / `…` / `回`
    truth = parsed("designated-kitakyushu-fy2024.txt")["councils"]["meetings"]
    doc = _parse(CONVERTERS / "designated-kitakyushu-fy2024--lopdf-markitdown.txt")["councils"]["meetings"]
    assert [m["frequency"]["text"] for m in doc] == [m["frequency"]["text"] for m in truth]
    assert doc[0]["name"] == truth[0]["name"] == "北九州市にも包括推進会議"
    assert [m["name"] for m in doc[2:]] == [m["name"] for m in truth[2:]]


# 神戸市's councils as pdfplumber reads its LibreOffice PDF: a frequency each ward holds, a range, wrapped
# over four lines round the cells beside it (`各区` / `年2` / `～3` / `回`)
_EACH_RANGE = (
    "開催 特記事項等(課題\n"
    "名称 協議の場の構成員 実施内容\n"
    "頻度 ・強み等)\n"
    "\uf0b7 ・部会及び区ネッ\n"
    "神戸市医師会、神戸市精神科病院協会、兵庫県\n"
    "トワーク会議から 委員数が多く、\n"
    "精神神経科診療所協会、兵庫県看護協会、兵庫\n"
    "神戸市精神障害に の報告 報告に時間を要\n"
    "県精神保健福祉士協会、基幹相談支援センタ\n"
    "も対応した地域包 年2 \uf0b7 ・今年度の取組方 する。今年度か\n"
    "ー、神戸市社会福祉協議会、神戸市精神障害者\n"
    "括ケアシステム推 回 針の決定 ら議題を絞り、\n"
    "家族会連合会、ピアサポーター、神戸市居住支\n"
    "進会議 \uf0b7 ・退院意向調査の グループ討議の\n"
    "援協議会、学識経験者、こころの健康センタ\n"
    "結果報告 時間を設ける。\n"
    "ー、健康局、福祉局\n"
    "\uf0b7 ・退院意向調査の\n"
    "結果の分析\n"
    "同推進会議 地域移 調査結果を病院\n"
    "精神科病院の精神保健福祉士（6病院）、相談 \uf0b7 ・病院ごとの退院\n"
    "行部会（地域移行 ごとに示したこ\n"
    "支援事業所、グループホーム、居住支援法人、 年4 支援の重点対象の\n"
    "・地域定着支援事 とで、病院側の\n"
    "ピアサポーター、こころの健康センター、保健 回 検討\n"
    "業連絡会を兼ね 協力が得やすく\n"
    "課、障害者支援課 \uf0b7 ・ピアサポーター\n"
    "る） なった。\n"
    "の病院訪問の調整\n"
    "クライシスプランの様式\n"
    "精神科診療所、訪問看護ステーション、相談支\n"
    "同推進会議 地域定 2回/ の改訂と活用事例の共\n"
    "援事業所、精神科救急情報センター、消防局、\n"
    "着・危機対応部会 年 有、夜間休日の相談体制\n"
    "区保健福祉課\n"
    "について協議している。\n"
    "区こころの支援ネ 各区保健福祉課、あんしんすこやかセンター、 各区 区内の事例共有、社会資 区によって参加\n"
    "ットワーク会議 相談支援事業所、訪問看護ステーション、民生 年2 源の情報交換 機関や進め方に\n"
    "（東灘・灘・中央 委員・児童委員、社会福祉協議会 ～3 差があるため、\n"
    "・兵庫・北・長田 進行の手引きを\n"
    "・須磨・垂水・\n"
    "回 作成した。\n"
    "西）\n"
    "月1 推進会議・部会の準備、\n"
    "事務局会議 保健課、障害者支援課、こころの健康センター\n"
    "回 進捗管理\n"
    "年4 活動報告、病院訪問の振\n"
    "ピアサポーター連 ピアサポーター、NPO法人、こころの健康セ\n"
    "回程 り返り、フォローアップ\n"
    "絡会 ンター\n"
    "度 研修\n"
    "広域アドバイザー 広域アドバイザー、都道府県等密着アドバイザ 推進会議の評価指標の見\n"
    "随時\n"
    "との意見交換 ー、事務局 直しに関する助言\n"
    "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くださ\n"
    "い"
)


def test_a_range_each_unit_holds_wrapped_after_its_count_finds_its_rows_whole_frequency():
    rows = _body_rows(_EACH_RANGE)
    assert [row[2] for row in rows] == ["年2回", "年4回", "2回/年", "各区年2～3回", "月1回", "年4回程度", "随時"]
    assert rows[3][3].startswith("区内の事例共有、社会資源の情報交換")
