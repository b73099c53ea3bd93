"""Tables written a visual line at a time (pdfplumber): each line's pieces cut back into the columns."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import signals, visual_rows

CONVERTERS = FIXTURES / "converters"

_COUNCILS = (
    "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・\n"
    "強み等)\n"
    "静岡県精神 精神科病院協会、精神神経科診療所 年4回 ・全県の課題の集約 ・圏域の 圏域から上がる課題\n"
    "保健医療福 協会、市長会、町村会、家族会連合 協議の場の取組報告 を県の施策につなげ\n"
    "祉推進会議 会、当事者、学識経験者 る仕組みが十分では\n"
    "ない。\n"
    "圏域別協議 保健所、市町、精神科病院、相談支 月1回 ・事例検討 ・圏域の地域課題 圏域によって開催の\n"
    "の場（8圏 援事業所、家族会、ピアサポーター の抽出 ・市町の取組への助言 形式や内容に差があ\n"
    "域） る。\n"
    "市町支援ア 精神保健福祉センター、アドバイザ 随時 市町からの相談対応\n"
    "ドバイザー ー（精神保健福祉士、保健師）\n"
    "会議\n"
    "【その他事項】"
)


def _apply(text: str) -> list[str | None]:
    return apply_form(visual_rows, text)


def test_the_councils_rows_cut_back_into_their_cells():
    out = _apply(_COUNCILS)
    assert out[0] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert out[2] == (
        "静岡県精神保健医療福祉推進会議\t"
        "精神科病院協会、精神神経科診療所協会、市長会、町村会、家族会連合会、当事者、学識経験者\t年4回\t"
        "・全県の課題の集約 ・圏域の協議の場の取組報告\t圏域から上がる課題を県の施策につなげる仕組みが十分ではない。"
    )
    assert out[6] == (
        "圏域別協議の場（8圏域）\t保健所、市町、精神科病院、相談支援事業所、家族会、ピアサポーター\t月1回\t"
        "・事例検討 ・圏域の地域課題の抽出 ・市町の取組への助言\t圏域によって開催の形式や内容に差がある。"
    )
    assert out[9] == (
        "市町支援アドバイザー会議\t精神保健福祉センター、アドバイザー（精神保健福祉士、保健師）\t随時\t"
        "市町からの相談対応\t"
    )
    assert [i for i, line in enumerate(out) if line is None] == [1, 3, 4, 5, 7, 8, 10]
    assert out[-2:] == ["", "【その他事項】"]  # a blank line ends the table


def test_a_space_after_a_comma_is_inside_a_cell_and_a_pivot_after_it_is_not():
    out = _apply(
        "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・\n"
        "強み等)\n"
        "代表者会議 保健, 医療, 福祉, 家族会, 行政機関の 年1回 方針の決定 特になし\n"
        "代表者\n"
        "コア会議 医療機関, 基幹相談センター, 事務局, 行 年6回 事業内容の調 参加者が固定化して\n"
        "政の担当者 整, 方針確認 いる"
    )
    assert out[2] == "代表者会議\t保健, 医療, 福祉, 家族会, 行政機関の代表者\t年1回\t方針の決定\t特になし"
    assert out[4] == (
        "コア会議\t医療機関, 基幹相談センター, 事務局, 行政の担当者\t年6回\t事業内容の調整, 方針確認\t"
        "参加者が固定化している"
    )


def test_cells_written_one_after_another_are_left_to_the_cell_per_line_form():
    text = (
        "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み等)\n"
        "川口市における精神障害\nにも対応した地域包括ケ\nアシステム構築のための\n協議の場\n"
        "保健、医療、福祉関係\n機関、家族会、行政担\n当者等\n"
        "2回/年 ・地域課題の抽出及\nび解決策の検討に関\nする協議\n"
        "現場実践において、各委員が\n担っている役割や責任が異な\nる。"
    )
    assert _apply(text) == text.split("\n")


def test_a_history_years_second_event_on_a_line_of_its_own_is_no_sign_of_visual_lines():
    # pypdf: a year's second event and its commission joined on a line, like a row's first line
    text = (
        "年度 経過 委託\n平成27年度 圏域地域移行推進会議を全6圏域に設置 ↓\n"
        "ピアサポーター養成研修を開始 一般社団法人 大分県精神保健福祉士\n協会\n"
        "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み等)\n"
        "大分県推進会議\n精神科病院協会、医師会\n年2回\n施策の検討\n課題の整理に時間がかかる。"
    )
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_has_no_signal_and_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert not signals.visual_rows(text)
    assert _apply(text) == text.split("\n")


def _parse(path):
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_pdfplumber_text_reads_the_councils_issues_and_schedules_of_its_sheet(parsed):
    truth = parsed("pref-fy2024.txt")
    doc = _parse(CONVERTERS / "pref-fy2024--pdfplumber.txt")
    for key in ("name", "members", "frequency"):
        assert [m[key] for m in doc["councils"]["meetings"]] == [m[key] for m in truth["councils"]["meetings"]]
    issues, want = doc["strengths_and_issues"]["issues"], truth["strengths_and_issues"]["issues"]
    assert issues[0]["issue"] == want[0]["issue"]
    for role in ("administration", "welfare", "others"):
        assert issues[0]["roles"][role] == want[0]["roles"][role]
    assert [i["roles"]["others"] for i in issues] == [i["roles"]["others"] for i in want]
    fields = ("label", "month", "item", "actions")
    assert [[i[f] for f in fields] for i in doc["annual_schedule"]["items"]] == [
        [i[f] for f in fields] for i in truth["annual_schedule"]["items"]
    ]


def test_a_header_with_no_rows_after_it_is_left_alone():
    text = _COUNCILS.split("【")[0] + "所管部署名 所管部署における主な業務"
    out = _apply(text)
    assert out[-1] == "所管部署名 所管部署における主な業務"


def test_a_schedule_whose_times_are_ranges_all_year_or_as_needed():
    out = _apply(
        _COUNCILS.replace("【その他事項】", "") + "時期(月) 実施する項目 実施する内容\n"
        "4月〜6月 市町村への調査 協議の場の設置状況調査\n"
        "7〜9月 圏域会議 各圏域で事例検討\n"
        "通年 ピアサポーター派遣 病院訪問\n"
        "随時 アドバイザー派遣 市町村の求めに応じて派遣"
    )
    assert out[-5:] == [
        "時期(月)\t実施する項目\t実施する内容",
        "4月〜6月\t市町村への調査\t協議の場の設置状況調査",
        "7〜9月\t圏域会議\t各圏域で事例検討",
        "通年\tピアサポーター派遣\t病院訪問",
        "随時\tアドバイザー派遣\t市町村の求めに応じて派遣",
    ]


def test_a_month_range_whose_last_month_wrapped_keeps_its_month():
    # pdfplumber: `R6年12月〜R7年1月` in the narrow 時期 column, its `月` on the next line beside the
    # last cell's wrapped end
    out = _apply(
        _COUNCILS.replace("【その他事項】", "") + "時期(月) 実施内容 具体的な取組\n"
        "R6年9月 第2回合同事例検討会 退院前カンファレンスの事例の検\n討\n"
        "R6年12月〜R7年1 家主向け説明会 不動産事業者・居住支援法人との\n月 共催\n"
        "R7年2月 第2回推進会議 今年度の評価と次年度計画の協議"
    )
    rows = [line for line in out[-7:] if line]
    assert rows[-3:] == [
        "R6年9月\t第2回合同事例検討会\t退院前カンファレンスの事例の検討",
        "R6年12月〜R7年1月\t家主向け説明会\t不動産事業者・居住支援法人との共催",
        "R7年2月\t第2回推進会議\t今年度の評価と次年度計画の協議",
    ]


def test_a_meeting_s_count_goes_with_its_name_after_a_space():
    # pdfplumber: `第2回 推進会議` is one item, not the item `第2回` and a detail `推進会議 今年度の…`
    out = _apply(
        _COUNCILS.replace("【その他事項】", "") + "時期(月) 実施内容 具体的な取組\n"
        "R5年6月 第1回 推進会議 今年度の重点（見守りから継続支援へのつなぎ、個別避難計\n画）の確認\n"
        "R5年9月 こころの見守りネットワーク研 精神疾患の基礎知識と相談のつなぎ方\n修\n"
        "R6年2月 第2回 推進会議 今年度の取組の評価と次年度計画の決定"
    )
    rows = [line for line in out[-6:] if line]
    assert rows[-3:] == [
        "R5年6月\t第1回 推進会議\t今年度の重点（見守りから継続支援へのつなぎ、個別避難計画）の確認",
        "R5年9月\tこころの見守りネットワーク研修\t精神疾患の基礎知識と相談のつなぎ方",
        "R6年2月\t第2回 推進会議\t今年度の取組の評価と次年度計画の決定",
    ]


def test_a_count_after_its_label_stays_in_the_label_s_cell():
    # pdfplumber: `参加者 80人` a target's one item, `参加者 112人` the actual's
    out = _apply(
        "課題解決の達 目標値（R5年度当 実績値（R5年度末） 具体的な成果・効果\n成度を測る指 初）\n標\n"
        "②ピアサポー 年12回 年18回 ピアサポーターの雇用で訪問が定例化し、入院者\n"
        "ターの病院訪 が退院後の生活を具体的に考えるきっかけとなっ\n問回数 た。\n"
        "③支援者向け 参加者 80人 参加者 112人 介護支援専門員の参加が増え、高齢の入院者の退\n"
        "研修の参加者 院支援で連携が進んだ。\n数\n" + _COUNCILS
    )
    rows = [line.split("\t") for line in out if line and "\t" in line]
    assert rows[2][:3] == ["③支援者向け研修の参加者数", "参加者 80人", "参加者 112人"]


def test_a_history_year_s_later_events_and_the_paragraph_after_it():
    # pdfplumber: a second event under a commission that filled its column, its `↓` a cell of its
    # own; two more events under a short commission; the history's paragraph as wide as the page
    out = _apply(
        "年度 経過 委託\n"
        "平成18年度 精神障害者退院促進支援事業を開始 特定非営利活動法人 おかざき地域生活支援ネ\n"
        "ットワークさくら\n退院促進支援員を2名配置 ↓\n"
        "平成25年度 地域移行支援の個別給付化に合わせて事業を再編 ↓\n"
        "令和2年度 岡崎市精神障害にも対応した地域包括ケアシステム （直営）\n推進会議を設置\n地域移行部会を設置\n"
        "令和4年度 ピアサポーター養成研修を開始 社会福祉法人 岡崎市社会福祉協議会\n"
        "長期入院者の多くが市外の病院に入院しており、病院との情報共有の仕組みづくりと、退院後の住まいの確保が引き続\n"
        "き課題となっている。\n" + _COUNCILS
    )
    rows = [line.split("\t") for line in out[:11] if line and "\t" in line]
    assert rows[1:] == [
        ["平成18年度", "精神障害者退院促進支援事業を開始", "特定非営利活動法人 おかざき地域生活支援ネットワークさくら"],
        ["", "退院促進支援員を2名配置", "↓"],
        ["平成25年度", "地域移行支援の個別給付化に合わせて事業を再編", "↓"],
        ["令和2年度", "岡崎市精神障害にも対応した地域包括ケアシステム推進会議を設置", "（直営）"],
        ["", "地域移行部会を設置", ""],
        ["令和4年度", "ピアサポーター養成研修を開始", "社会福祉法人 岡崎市社会福祉協議会"],
    ]
    assert out[9] is not None and out[9].startswith("長期入院者の多くが") and "\t" not in out[9]


_SHORT_COUNCILS = (
    "名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強み等)\n"
    "推進会議 病院、市町村 年2回 方針の決定\n"
    "圏域会議 保健所、病院 年3回 事例検討 差がある\n"
)
_SHORT_SCHEDULE = (
    "時期(月) 実施内容 具体的な取組\n"
    "R6年4月〜5月 圏域担当者会議（10圏域） 事例検討の進め方の共有\n"
    "R6年8月〜R7年1 圏域協議の場・個別事例検討 ・各圏域で事例検討 ・町村への設置\n"
    "月 の助言\n"
    "R6年9月 第1回推進会議 今年度の方向性の決定"
)


def test_a_goal_label_wrapped_beside_its_value_tells_visual_lines_where_no_cell_wraps():
    # pdfplumber: the councils' cells too short to wrap; `スモールステップ` wrapped in its narrow column,
    # its value beside its first part, tells that the page's lines are written as they are printed
    label = "スモールステッ 圏域担当者会議で事例検討の進め方を揃える。\nプ\n"
    out = _apply(_SHORT_COUNCILS + label + _SHORT_SCHEDULE)
    assert out[-5:] == [
        "時期(月)\t実施内容\t具体的な取組",
        "R6年4月〜5月\t圏域担当者会議（10圏域）\t事例検討の進め方の共有",
        "R6年8月〜R7年1月\t圏域協議の場・個別事例検討\t・各圏域で事例検討 ・町村への設置の助言",
        None,
        "R6年9月\t第1回推進会議\t今年度の方向性の決定",
    ]
    # pypdf writes the label's lines one after the other: no sign
    assert _apply(_SHORT_COUNCILS + "スモールステッ\nプ\n" + _SHORT_SCHEDULE)[-5:] == _SHORT_SCHEDULE.split("\n")


def test_a_header_whose_last_cell_wraps_over_four_lines():
    # Chromium narrows a column no row fills (特記事項等, left empty): its header wraps thrice; the
    # paragraphs below tell the page's width
    out = _apply(
        "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
        "名称 協議の場の構成員 開催頻度 実施内容 特記事\n"
        "項等(課\n"
        "題・強\n"
        "み等)\n"
        "大分県精神障 精神科病院協会、医師会、精神保 年2回 圏域の会議からの課題報告と、\n"
        "害にも対応し 健福祉士協会、家族会連合会、ピ 県の施策の検討、市町村の協議\n"
        "た地域包括ケ アサポーター、学識経験者、市町 の場の設置状況の確認\n"
        "アシステム推 村、県\n"
        "進会議\n"
        "圏域地域移行 保健所、精神科病院、市町村、相 各圏域年3回程度 ・退院可能な入院者の情報共有\n"
        "推進会議（6圏 談支援事業所、地域包括支援セン ・圏域の地域課題の抽出\n"
        "域） ター\n"
        "ピアサポータ 精神保健福祉センター、精神保健 随時 派遣先病院との調整\n"
        "ー派遣調整会 福祉士協会、ピアサポーター\n"
        "議\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くだ\n"
        "さい\n"
        "小規模な町村では協議の場の運営を担う職員が少ない。近隣市町村との合同開催の進め方について助言をいただきた\n"
        "い。"
    )
    assert out[1] == "名称\t協議の場の構成員\t開催頻度\t実施内容\t特記事項等(課題・強み等)"
    assert [row.split("\t")[0] for row in out if row and "\t" in row][1:] == [
        "大分県精神障害にも対応した地域包括ケアシステム推進会議",
        "圏域地域移行推進会議（6圏域）",
        "ピアサポーター派遣調整会議",
    ]


def test_an_event_that_ends_on_its_step_is_followed_by_the_year_s_next_event():
    # pdfplumber: `…構築推進事業を開始` nearly fills the event's column, yet an event that ends on its
    # step ends its cell: the line below is the year's next event (it had been read into this one)
    out = _apply(
        "年度 経過 委託\n"
        "平成22年度 地域移行・地域定着支援事業に移行、地域移行コーディネーターを ↓\n配置\n"
        "平成28年度 ピアサポーター養成研修を開始 鹿児島県精神保健福祉会連合会\n"
        "平成30年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "精神保健福祉審議会に地域包括ケア推進部会を設置\n"
        "令和元年度 長期入院者の退院意向調査を実施（県内全病院）\n" + _COUNCILS
    )
    rows = [line.split("\t") for line in out[:8] if line and "\t" in line]
    assert rows[3:] == [
        ["平成30年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始", ""],
        ["", "精神保健福祉審議会に地域包括ケア推進部会を設置", ""],
        ["令和元年度", "長期入院者の退院意向調査を実施（県内全病院）", ""],
    ]


def test_an_event_that_ends_as_events_do_and_a_line_that_starts_a_word_are_two_events():
    # pdfplumber: `…事業を本格実施` then `ピアサポーター派遣事業を…` with its commission beside it: the
    # year's second event and its commission, not the first event's wrapped rest
    out = _apply(
        "年度 経過 委託\n"
        "令和3年度 住まい確保に関する実態調査 民間調査機関へ委託\n"
        "令和4年度 横浜市にも包括推進会議を設置し、事業を本格実施\n"
        "ピアサポーター派遣事業を6区で試行 社会福祉法人へ委託\n"
        "令和5年度 ピアサポーター派遣事業を全区に拡大 ↓\n" + _COUNCILS
    )
    rows = [line.split("\t") for line in out[:6] if line and "\t" in line]
    assert rows[1:] == [
        ["令和3年度", "住まい確保に関する実態調査", "民間調査機関へ委託"],
        ["令和4年度", "横浜市にも包括推進会議を設置し、事業を本格実施", ""],
        ["", "ピアサポーター派遣事業を6区で試行", "社会福祉法人へ委託"],
        ["令和5年度", "ピアサポーター派遣事業を全区に拡大", "↓"],
    ]


def test_a_year_s_next_event_may_start_with_a_hiragana_and_a_step_may_go_on_as_a_verb():
    # pdfplumber: `ひきこもり…` is the year's next event (a word in hiragana), while `し、…` below an
    # event that ended on its step is that event's wrapped rest
    out = _apply(
        "年度 経過 委託\n"
        "平成28年度 自殺対策「こころといのちの相談支援事業」を開始 NPO法人（相談支援の一部）\n"
        "令和3年度 保健センター地区連絡会を5地区で開始\n"
        "ひきこもり支援の相談窓口と保健センターの連携会議を 社会福祉法人（ひきこもり相談窓口）\n開始\n"
        "令和4年度 精神障害者地域移行支援のピアサポーター派遣を開始\nし、退院者の交流会を開催\n" + _COUNCILS
    )
    rows = [line.split("\t") for line in out[:9] if line and "\t" in line]
    assert rows[2:5] == [
        ["令和3年度", "保健センター地区連絡会を5地区で開始", ""],
        ["", "ひきこもり支援の相談窓口と保健センターの連携会議を開始", "社会福祉法人（ひきこもり相談窓口）"],
        ["令和4年度", "精神障害者地域移行支援のピアサポーター派遣を開始し、退院者の交流会を開催", ""],
    ]


_DEPARTMENTS = (
    "所管部署名 所管部署における主な業務\n"
    "健康福祉局 障害自立支援課 推進会議の運営、精神障害者生活支援センターの運営委託\n"
    "連携部署名 連携部署における主な業務\n"
    "各区福祉保健センター 高齢・障害支援課 精神保健福祉相談、訪問支援、区域の協議の場の運営\n"
    "健康福祉局 地域包括ケア推進課 地域ケアプラザの運営支援、高齢分野の地域包括ケアの推進\n"
    "各総合支所 健康づくり課（5か所） 精神保健福祉相談、訪問支援\n"
    "居住支援課 居住支援協議会の運営\n"
    "各部門の連携状況 強み・課題等"
)


def test_a_department_s_section_after_its_office_a_space_apart_is_its_name_s():
    # pdfplumber: `健康福祉局 地域包括ケア推進課` is one name (the office, then its section), not the name
    # `健康福祉局` and duties that start with `地域包括ケア推進課`; a section's note of its offices too
    rows = [line.split("\t") for line in _apply(f"{_DEPARTMENTS}\n{_COUNCILS}") if line and "\t" in line]
    assert rows[1] == ["健康福祉局 障害自立支援課", "推進会議の運営、精神障害者生活支援センターの運営委託"]
    assert rows[3:7] == [
        ["各区福祉保健センター 高齢・障害支援課", "精神保健福祉相談、訪問支援、区域の協議の場の運営"],
        ["健康福祉局 地域包括ケア推進課", "地域ケアプラザの運営支援、高齢分野の地域包括ケアの推進"],
        ["各総合支所 健康づくり課（5か所）", "精神保健福祉相談、訪問支援"],
        ["居住支援課", "居住支援協議会の運営"],
    ]
