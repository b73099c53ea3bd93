"""Tables of sections 3–9 written a cell per line (pdftotext, PyMuPDF, docx2txt, …) rebuilt as tab rows."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import FIXTURES, SAMPLES, form_state, rewritten_rows
from nikosheet.parsing.forms import FormState, cell_lines_tables
from nikosheet.parsing.forms.issue_order import LONE_BULLETS


def _apply(text: str) -> list[str | None]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    cell_lines_tables.apply(state)
    return state.lines


def _cells(text: str) -> list[list[str]]:
    """The rows the form made, each as its cells."""
    return [ln.split("\t") for ln in _apply(text) if ln]


def _squeezed(lines: list[str | None]) -> str:
    return "".join("".join((ln or "").split()) for ln in lines)


def test_a_schedule_a_cell_a_line():
    out = _apply(
        "時期(月)\n実施する項目\n実施する内容\nR5年5月\n第1回協議の場開催に向けた委員ヒ\nアリング\n"
        "地域課題の解決に向けた取り組みについての聞き取り\nR5年8月\n第1回協議の場の開催\n"
        "ヒアリングに基づいた具体的な実施内容についての検討"
    )
    assert out[0] == "時期(月)\t実施する項目\t実施する内容"
    want = "R5年5月\t第1回協議の場開催に向けた委員ヒアリング\t地域課題の解決に向けた取り組みについての聞き取り"
    assert out[3] == want
    assert out[7] == "R5年8月\t第1回協議の場の開催\tヒアリングに基づいた具体的な実施内容についての検討"
    assert [i for i, ln in enumerate(out) if ln is not None] == [0, 3, 7, 9]
    assert out[9] == ""  # a blank line ends the table


def test_cells_joined_by_a_space_on_one_line():
    out = _apply("時期(月) 実施する項目 実施する内容\nR5年8月 第1回協議の場の開催 ヒアリングに基づいた検討")
    assert out == ["時期(月)\t実施する項目\t実施する内容", "R5年8月\t第1回協議の場の開催\tヒアリングに基づいた検討"]


def test_a_meeting_s_count_goes_with_its_name_written_after_a_space():
    # `pdftotext -raw` (pypdf, pypdfium2 alike) of a schedule whose items are `第1回 精神保健福祉連絡協議会`:
    # the count is no item of its own, and an item with no action keeps its name
    out = _cells(
        "時期(月) 実施内容 具体的な取組\n"
        "R6年5月 第1回 精神保健福祉連絡協議会 今年度の重点の確認、オンラインカンファレンスの進め方の\n検討\n"
        "R6年9月 第2回 精神保健福祉連絡協議会\n"
        "R6年10月 区民向け講演会 精神疾患の理解と相談先の周知\n"
        "R7年3月 第3回 精神保健福祉連絡協議会 今年度の取組の評価と次年度計画の決定"
    )
    assert out[1:] == [
        ["R6年5月", "第1回 精神保健福祉連絡協議会", "今年度の重点の確認、オンラインカンファレンスの進め方の検討"],
        ["R6年9月", "第2回 精神保健福祉連絡協議会", ""],
        ["R6年10月", "区民向け講演会", "精神疾患の理解と相談先の周知"],
        ["R7年3月", "第3回 精神保健福祉連絡協議会", "今年度の取組の評価と次年度計画の決定"],
    ]


def test_two_tables_one_below_the_other_are_kept_apart():
    out = _apply(
        "連携部署名\n連携部署における主な業務\n福祉政策課 事業実施\n"
        "各部門の連携状況\n強み・課題等\n保健\n相談\n事例検討"
    )
    assert out[2] == "福祉政策課\t事業実施"
    assert out[3] == ""
    assert out[4] == "各部門の連携状況\t\t強み・課題等"


def test_a_wrapped_sector_word_and_blank_lines_between_cells():
    out = _apply(
        "各部門の連携状況\n\n強み・課題等\n\n保健\n\n訪問を行っている。\n\n連携票を活用している。\n\n"
        "医療\n\n研修会を実施。\n\n院長が出席。\n\n福祉\n\n会議を実施。\n\n機関も多い。\n\n"
        "その他関\n係機関・\n住民等\n\n窓口を開設。\n\n連携が課題。\n\n※別紙参照"
    )
    rows = [ln for ln in out if ln]
    assert rows[0] == "各部門の連携状況\t\t強み・課題等"
    assert rows[4] == "その他関係機関・住民等\t窓口を開設。\t連携が課題。"
    assert rows[-1] == "※別紙参照"


def test_the_issues_table_a_row_per_sector():
    out = _apply(
        "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n連携が不十分\n・連携票を活用する\n"
        "行政\n会議の開催\n医療\n会議への参加\n福祉\n会議への参加\nその他関係機関・住民等\n研修への参加"
    )
    rows = [ln for ln in out if ln]
    assert rows == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t",
        "連携が不十分\t・連携票を活用する\t行政\t会議の開催",
        "\t\t医療\t会議への参加",
        "\t\t福祉\t会議への参加",
        "\t\tその他関係機関・住民等\t研修への参加",
    ]


def test_no_rows_found_leaves_the_lines_and_says_so():
    text = "年度\n経過\n委託\nこの表は空欄です"
    state = form_state(cell_lines_tables, text)
    assert state.lines == text.split("\n")
    assert [(code.value, line) for code, line, _ in state.notes] == [("missing-table", 1)]


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_the_samples_form_is_left_alone(name):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert _apply(text) == text.split("\n")


@pytest.mark.parametrize("path", sorted((FIXTURES / "converters").glob("*--*.txt"))[:250:7], ids=lambda p: p.stem)
def test_no_text_lost_or_invented(path):
    from nikosheet.sources.text import read_bytes

    lines = read_bytes(path.read_bytes()).lines
    state = FormState(list(lines), "\n".join(lines))
    cell_lines_tables.apply(state)
    before, after = Counter(_squeezed(list(lines))), Counter(_squeezed(state.lines))
    # a bullet drawn alone on its line beside an item that has its own is a mark, not text: it may go
    drawn = Counter(line.strip() for line in lines if line.strip() in LONE_BULLETS)
    assert all(0 <= before[b] - after[b] <= drawn[b] for b in LONE_BULLETS)
    assert {c: n for c, n in after.items() if c not in LONE_BULLETS} == {
        c: n for c, n in before.items() if c not in LONE_BULLETS
    }


def _between_two_rows(n: int) -> str:
    filler = "\n".join("あ" * (i % 40 + 1) for i in range(n))
    return f"時期(月)\n実施する項目\n実施する内容\nR5年5月\n{filler}\nR5年6月\n研修"


def _cpu_time(text: str) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        start = time.thread_time()
        _apply(text)
        best = min(best, time.thread_time() - start)
    return best


def test_thousands_of_lines_between_two_rows_cost_little():
    out = _apply(_between_two_rows(3000))
    assert sum(1 for ln in out if ln and "\t" in ln) == 3
    # four times the lines take about four times as long, not sixteen (CPU time: a busy machine does not count)
    assert _cpu_time(_between_two_rows(3000)) < 8 * max(_cpu_time(_between_two_rows(750)), 1e-3)


def test_wrapped_cells_told_apart_by_their_widths():
    # PyMuPDF: a cell a line, a cell that wrapped as lines of its column's width
    rows = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・\n強み等)\n"
        "静岡県精神\n保健医療福\n祉推進会議\n精神科病院協会、精神神経科診療所\n協会、市長会、町村会、家族会連合\n"
        "会、当事者、学識経験者\n年4回\n・全県の課題の集約 ・圏域の\n協議の場の取組報告\n圏域から上がる課題\n"
        "を県の施策につなげ\nる仕組みが十分では\nない。\n市町支援ア\nドバイザー\n会議\n精神保健福祉センター\n随時\n"
        "市町からの相談対応"
    )
    assert rows[1] == [
        "静岡県精神保健医療福祉推進会議",
        "精神科病院協会、精神神経科診療所協会、市長会、町村会、家族会連合会、当事者、学識経験者",
        "年4回",
        "・全県の課題の集約 ・圏域の協議の場の取組報告",
        "圏域から上がる課題を県の施策につなげる仕組みが十分ではない。",
    ]
    assert rows[2][:3] == ["市町支援アドバイザー会議", "精神保健福祉センター", "随時"]


def test_cells_joined_on_a_line_are_cut_where_a_one_line_cell_ends():
    # pypdf: the one-line cells of a row stand on its first line, joined by a space
    rows = _cells(
        "課題解決の達成度を 測る指標 目標値 (R5年度当初) 実績値 (R5年度末) 具体的な成果・効果\n"
        "①市町における協議の\n場の設置\n30市町 27市町 ・未設置の市町へアドバイザーを派遣し、設置に向けた助\n"
        "言を行った。\n②精神科病院からの地\n域移行者数\n"
        "年120人 年104人 ・ピアサポーターの病院訪問により、長期入院者の退院意\n欲の喚起につながった。"
    )
    assert rows[1] == [
        "①市町における協議の場の設置",
        "30市町",
        "27市町",
        "・未設置の市町へアドバイザーを派遣し、設置に向けた助言を行った。",
    ]
    assert rows[2][:3] == ["②精神科病院からの地域移行者数", "年120人", "年104人"]


def test_sectors_in_any_order_in_brackets_and_without_the_second_header_cell():
    rows = _cells(
        "各部門の連携状況\n【福祉】\n相談支援事業所が担っている。\n人材が不足している。\n"
        "【保健】 保健センターが窓口である。 区によって差がある。\n"
        "その他関\n係機関・\n住民等\n家族会が参画している。\n住民の参画が少ない。"
    )
    assert rows == [
        ["各部門の連携状況", "", ""],
        ["【福祉】", "相談支援事業所が担っている。", "人材が不足している。"],
        ["【保健】", "保健センターが窓口である。", "区によって差がある。"],
        ["その他関係機関・住民等", "家族会が参画している。", "住民の参画が少ない。"],
    ]


def test_a_second_event_in_one_year_is_a_row_of_its_group():
    # PyMuPDF: no year before the second event; a line too wide for the 委託 column is a new row's
    rows = _cells(
        "年度\n経過\n委託\n平成24年度\n地域移行・地域定着支援事業を開始\n圏域の指定一般相談支援\n事業所\n"
        "平成29年度\nピアサポーター養成研修を開始\n↓\n精神科病院へのピアサポーター派遣を試行\n"
        "令和2年度～\n協議の場を設置\n静岡県精神保健福祉協会"
    )
    assert rows == [
        ["年度", "経過", "委託"],
        ["平成24年度", "地域移行・地域定着支援事業を開始", "圏域の指定一般相談支援事業所"],
        ["平成29年度", "ピアサポーター養成研修を開始", "↓"],
        ["", "精神科病院へのピアサポーター派遣を試行", ""],
        ["令和2年度～", "協議の場を設置", "静岡県精神保健福祉協会"],
    ]


_BOXED_HISTORY = (  # pdfminer: a year and its event's first line on one line, the rest in boxes apart
    "年度\n\n経過\n\n委託\n\n平成17年度 精神障害者退院促進支援事業を大阪府の事業\n\nとして開始\n\n"
    "平成22年度 市の事業として精神障害者地域移行支援事業\n\nを開始\n\n特定非営利活動法人 ほっと\n\n"
    "令和元年度 豊中市精神保健福祉地域移行推進会議を設置\n\n"
    "令和5年度 ピアサポーターを会計年度任用職員として雇\n\n用\n\n"
)


def test_an_event_s_first_line_as_wide_as_the_widest_beside_their_years_goes_on_past_a_blank_line():
    assert _cells(_BOXED_HISTORY)[1:] == [
        ["平成17年度", "精神障害者退院促進支援事業を大阪府の事業として開始", ""],
        ["平成22年度", "市の事業として精神障害者地域移行支援事業を開始", "特定非営利活動法人 ほっと"],
        ["令和元年度", "豊中市精神保健福祉地域移行推進会議を設置", ""],
        ["令和5年度", "ピアサポーターを会計年度任用職員として雇用", ""],
    ]


def test_events_whose_widest_first_line_none_agrees_with_learn_no_width():
    # the two shorter lines agree, but the widest is wider: the column is not theirs
    text = _BOXED_HISTORY.replace(
        "ピアサポーターを会計年度任用職員として雇\n\n用", "ピアサポーターを会計年度任用職員として雇用する"
    )
    text = text.replace(
        "精神障害者退院促進支援事業を大阪府の事業\n\nとして開始", "精神障害者退院促進支援を開始\n\n（直営）"
    )
    text = text.replace("市の事業として精神障害者地域移行支援事業\n\nを開始", "精神障害者地域移行支援を開始")
    assert _cells(text)[1] == ["平成17年度", "精神障害者退院促進支援を開始", "（直営）"]


def test_a_year_whose_first_event_has_no_commission_and_a_second_event():
    # pypdf, pypdfium2, `pdftotext -raw`: a row's cells joined on its line; the first event's 委託 is
    # empty, so the second event's line is a row of the year's group, not the first event's commission
    rows = _cells(
        "年度 経過 委託\n平成15年度 精神障害者退院促進支援事業をモデル圏域で開始\n"
        "精神科病院の長期入院者の実態調査を実施\n"
        "平成20年度 精神障害者地域移行支援特別対策事業として全圏域に拡大 社会福祉法人 大分県社会福祉事業団\n"
        "平成24年度 地域移行支援の個別給付化 ↓\n平成27年度 圏域地域移行推進会議を全6圏域に設置 ↓\n"
        "ピアサポーター養成研修を開始 一般社団法人 大分県精神保健福祉士\n協会\n"
        "精神科病院へのピアサポーター派遣を開始 ↓\n"
        "平成30年度 大分県精神障害にも対応した地域包括ケアシステム推進会議\nを設置\n（直営）\n"
        "令和3年度 市町村の協議の場の立ち上げ支援を開始\n"
        "市町村の協議の場は14市町村で設置されたが、小規模な町村では担当者が少なく、会議の運営を保健所が担っている"
    )
    assert rows[1:-1] == [
        ["平成15年度", "精神障害者退院促進支援事業をモデル圏域で開始", ""],
        ["", "精神科病院の長期入院者の実態調査を実施", ""],
        ["平成20年度", "精神障害者地域移行支援特別対策事業として全圏域に拡大", "社会福祉法人 大分県社会福祉事業団"],
        ["平成24年度", "地域移行支援の個別給付化", "↓"],
        ["平成27年度", "圏域地域移行推進会議を全6圏域に設置", "↓"],
        ["", "ピアサポーター養成研修を開始", "一般社団法人 大分県精神保健福祉士協会"],
        ["", "精神科病院へのピアサポーター派遣を開始", "↓"],
        ["平成30年度", "大分県精神障害にも対応した地域包括ケアシステム推進会議を設置", "（直営）"],
        ["令和3年度", "市町村の協議の場の立ち上げ支援を開始", ""],
    ]


def test_a_year_s_second_event_after_one_that_ends_as_an_event_does_is_a_row_of_its_own():
    # pypdf: the first event's line (`…を本格実施`, `…の開催とする`) ends nearly as wide as the column and
    # the next line starts a word: the year's second event, not the first's wrapped rest
    rows = _cells(
        "年度 経過 委託\n平成30年度 精神科病院長期入院者の退院意向調査（市内27病院） 横浜市精神保健福祉士会へ委託\n"
        "令和2年度 推進会議を「にも包括」の協議の場として位置づけ、年2回の開催とする\n"
        "推進会議の下に地域移行部会と普及啓発部会を置く\n"
        "令和3年度 住まい確保に関する実態調査 民間調査機関へ委託\n"
        "令和4年度 横浜市にも包括推進会議を設置し、事業を本格実施\n"
        "ピアサポーター派遣事業を6区で試行 社会福祉法人へ委託\n令和5年度 ピアサポーター派遣事業を全区に拡大 ↓"
    )
    assert rows[1:] == [
        ["平成30年度", "精神科病院長期入院者の退院意向調査（市内27病院）", "横浜市精神保健福祉士会へ委託"],
        ["令和2年度", "推進会議を「にも包括」の協議の場として位置づけ、年2回の開催とする", ""],
        ["", "推進会議の下に地域移行部会と普及啓発部会を置く", ""],
        ["令和3年度", "住まい確保に関する実態調査", "民間調査機関へ委託"],
        ["令和4年度", "横浜市にも包括推進会議を設置し、事業を本格実施", ""],
        ["", "ピアサポーター派遣事業を6区で試行", "社会福祉法人へ委託"],
        ["令和5年度", "ピアサポーター派遣事業を全区に拡大", "↓"],
    ]


_SHORT_EVENTS = [
    ["平成30年度", "退院支援を開始", "県社協"],
    ["", "家族教室を開始", ""],
    ["令和元年度", "相談窓口を設置", "直営"],
    ["", "研修会を開始", "NPO法人 つばさ"],
    ["令和2年度", "協議の場を設置", ""],
    ["", "ピア活動を開始", "ピアの会"],
    ["令和3年度", "実態調査を実施", "↓"],
    ["令和4年度", "訪問支援を開始", "医療法人 あおば会"],
    ["", "夜間相談を開始", ""],
    ["", "住まい支援を開始", "居住支援法人 すまいる"],
]
_AFTER_EVENTS = "5年ごとに実態調査を行い、圏域ごとの長期入院者数を協議の場で共有している。"


def test_short_events_that_never_wrap_are_rows_of_their_own():
    # PyMuPDF: no cell wrapped, so no column's width is known; an event that ends with its step
    # (`…を設置`) does not go on with the next event's words, and a sentence on one line after the
    # last row is the text after the table
    lines = ["年度", "経過", "委託", *(cell for row in _SHORT_EVENTS for cell in row if cell), _AFTER_EVENTS]
    assert _cells("\n".join(lines)) == [["年度", "経過", "委託"], *_SHORT_EVENTS, [_AFTER_EVENTS]]


def test_short_events_joined_on_their_lines_are_rows_of_their_own():
    # pypdf: a row's cells joined on its line with a space
    lines = ["年度 経過 委託", *(" ".join(cell for cell in row if cell) for row in _SHORT_EVENTS), _AFTER_EVENTS]
    assert _cells("\n".join(lines)) == [["年度", "経過", "委託"], *_SHORT_EVENTS, [_AFTER_EVENTS]]


def test_as_above_is_a_commission_never_an_event():
    # PyMuPDF: three events in one year, only the second with a commission (`↓`), and a wrapped event
    # whose last line is short (`置`)
    rows = _cells(
        "年度\n経過\n委託\n平成18年度\n精神障害者退院促進支援事業を開始\n"
        "特定非営利活動法人 くまもと精神保健福祉地域生\n"
        "活支援ネットワーク\n平成24年度\n政令指定都市への移行に伴い区保健子ども課を設\n置\n地域移行支援の個別給付化\n↓\n"
        "区地域移行連絡会を中央区で試行\n令和4年度\n精神科救急地域連携会議を設置\n社会福祉法人 熊本市社会福祉事業団\n"
        "ピアサポーター派遣事業を開始\n↓\n"
        "熊本地震の後、こころのケアの相談が増え、区の相談体制と精神科救急後の地域支援への引継ぎが課題となっている。"
    )
    assert rows[1:-1] == [
        [
            "平成18年度",
            "精神障害者退院促進支援事業を開始",
            "特定非営利活動法人 くまもと精神保健福祉地域生活支援ネットワ" + "ーク",
        ],
        ["平成24年度", "政令指定都市への移行に伴い区保健子ども課を設置", ""],
        ["", "地域移行支援の個別給付化", "↓"],
        ["", "区地域移行連絡会を中央区で試行", ""],
        ["令和4年度", "精神科救急地域連携会議を設置", "社会福祉法人 熊本市社会福祉事業団"],
        ["", "ピアサポーター派遣事業を開始", "↓"],
    ]


def test_a_commission_cut_inside_a_katakana_word_stays_one_cell():
    # PyMuPDF: `ながのピアサポートネッ` / `トワーク` is one commission, the next line a second event
    rows = _cells(
        "年度\n経過\n委託\n平成22年度\n退院促進支援事業を全圏域に拡大\n↓\n平成26年度\nピアサポーター養成研修を開始\n"
        "特定非営利活動法人 ながのピアサポートネッ\nトワーク\n精神保健福祉センターに地域移行支援の相談窓口を設\n置\n"
        "令和2年度\n全10圏域で協議の場を設置\n"
        "5年ごとに実態調査を行い、圏域ごとの長期入院者数を協議の場で共有している。"
    )
    assert rows[2:5] == [
        ["平成26年度", "ピアサポーター養成研修を開始", "特定非営利活動法人 ながのピアサポートネットワーク"],
        ["", "精神保健福祉センターに地域移行支援の相談窓口を設置", ""],
        ["令和2年度", "全10圏域で協議の場を設置", ""],
    ]


def test_a_first_column_read_first():
    # pdfminer: every row's month, then every row's other cells in order
    rows = _cells(
        "時期(月)\n\n実施内容\n\n具体的な取組\n\nR6年4月\n\nR6年5月\n\nR6年6月\n\n事業計画の策定\n\n事業計画の共有\n\n"
        "第1回推進会議\n\n重点課題の決定\n\n個別面談\n\n課題の整理"
    )
    assert rows[1:] == [
        ["R6年4月", "事業計画の策定", "事業計画の共有"],
        ["R6年5月", "第1回推進会議", "重点課題の決定"],
        ["R6年6月", "個別面談", "課題の整理"],
    ]


def test_an_empty_row_is_not_a_column_read_first():
    rows = _cells("年度\n実施内容\n具体的な取組\nR8年度\nR●年度\n事業利用終了、自治体\nで推進")
    assert rows[1] == ["R8年度", "", ""]
    assert rows[2][0] == "R●年度"


def test_an_empty_cell_is_the_rows_last_when_there_are_fewer_lines_than_cells():
    # PyMuPDF: a council with no 特記事項 — its next council's name follows its activities
    rows = _cells(
        "会議名\n構成員\n開催回数\n内容\n備考\n緑区地域連携会議\n保健センター、相談支援事業所\n年3回\n事例検討\n"
        "中央区地域連携会議\n保健センター、精神科病院\n年3回\n事例検討"
    )
    assert rows[1] == ["緑区地域連携会議", "保健センター、相談支援事業所", "年3回", "事例検討", ""]
    assert rows[2][:2] == ["中央区地域連携会議", "保健センター、精神科病院"]


def test_another_tables_header_row_ends_the_lines():
    # markitdown on a PDF: 連携部署名's cells a line each, then 各部門の連携状況 as a pipe row (a tab row by now)
    out = _apply(
        "連携部署名\n連携部署における主な業務\n地域保健センター 相談・訪問指導\n等を実施\n"
        "各部門の連携状況\t\t強み・課題等"
    )
    assert out[-1] == "各部門の連携状況\t\t強み・課題等"
    assert "各部門" not in "".join(ln for ln in out[:-1] if ln)


def test_a_headers_last_cell_written_after_the_first_row():
    # pdfminer: 委託 (an empty column) comes after the first row's year and text
    out = _apply("年度\n\n経過\n\n平成24年度 事業を開始\n\n委託\n\n圏域の事業所\n\n平成29年度 研修を開始")
    rows = [ln.split("\t") for ln in out if ln]
    assert rows[0] == ["年度", "経過", "委託"]
    assert rows[1] == ["平成24年度", "事業を開始", "圏域の事業所"]


def test_a_schedules_months_in_every_form_the_template_allows():
    rows = _cells(
        "時期(月)\n実施内容\n具体的な取組\n令和6年4月\n事業計画\n委託契約\n6月〜7月\nピアサポーター養成講座\n全4回\n"
        "R6年度下半期\nフォローアップ研修\n登録者向け\nR7.3\n第6回実務者会議\n振り返り\nR7年4月～\n個別支援\n随時の訪問"
        "\nR7年10月～\n11月\n研修会\n全2回"
    )
    assert [r[0] for r in rows[1:]] == ["令和6年4月", "6月〜7月", "R6年度下半期", "R7.3", "R7年4月～", "R7年10月～11月"]
    assert rows[2] == ["6月〜7月", "ピアサポーター養成講座", "全4回"]


def test_a_range_whose_last_month_wrapped_with_the_item_beside_it():
    # plain pdftotext of a LibreOffice PDF: the month's `月` and the item's `回）` on lines of their own
    rows = _cells(
        "時期(月)\n実施する項目\n実施する内容\nR5年6月\n第1回推進会議\n今年度の重点課題の決定\n"
        "R5年7月～9区にも包括連絡会（第1回・第2\n月\n回）\n各区で個別事例の検討、統一様式による課題の整理\n"
        "R5年10月\n第2回推進会議\n入院早期の区への連絡の仕組みの検討"
    )
    assert rows[1:] == [
        ["R5年6月", "第1回推進会議", "今年度の重点課題の決定"],
        ["R5年7月～9月", "区にも包括連絡会（第1回・第2回）", "各区で個別事例の検討、統一様式による課題の整理"],
        ["R5年10月", "第2回推進会議", "入院早期の区への連絡の仕組みの検討"],
    ]


def test_a_range_across_the_year_end_whose_last_month_wrapped():
    # PyMuPDF: `R6年5月〜6月`, `R6年12月～R7年1月` in the narrow 時期 column, their `月` on the next line
    rows = _cells(
        "時期(月)\n実施内容\n具体的な取組\nR6年5月〜6\n月\n区担当者会議（7区）\n事例検討会の進め方の共有\nR6年9月\n第2回合同事例検討会\n退院前カンファレンスの事例の検\n討\n"
        "R6年12月～R7年1\n月\n家主向け説明会\n不動産事業者・居住支援法人との共催\nR7年2月\n第2回推進会議\n"
        "今年度の評価と次年度計画の協議"
    )
    assert rows[1:] == [
        ["R6年5月〜6月", "区担当者会議（7区）", "事例検討会の進め方の共有"],
        ["R6年9月", "第2回合同事例検討会", "退院前カンファレンスの事例の検討"],
        ["R6年12月～R7年1月", "家主向け説明会", "不動産事業者・居住支援法人との共催"],
        ["R7年2月", "第2回推進会議", "今年度の評価と次年度計画の協議"],
    ]


def test_a_long_term_plans_years_as_a_range():
    rows = _cells(
        "年度\n実施内容\n具体的な取組\nR6年度～R7年度\nピアサポーター養成の拡充\n・養成講座の開催\n令和8年度\n自治体で推進\n・事業の評価"
    )
    assert rows[1:] == [
        ["R6年度～R7年度", "ピアサポーター養成の拡充", "・養成講座の開催"],
        ["令和8年度", "自治体で推進", "・事業の評価"],
    ]


_EVERY_FREQUENCY = [
    "各圏域年2～3回",
    "各区 年2回",
    "2か月に1回",
    "毎月1回",
    "四半期に1回",
    "3回/月",
    "4回/年度",
    "隔週",
    "半年で1回",
]


def test_a_councils_frequency_in_every_form_the_parser_reads():
    from nikosheet.parsing.values.frequency import per_year

    councils = "".join(
        f"協議会{k}\n病院、家族会\n{frequency}\n事例検討\n差がある。\n" for k, frequency in enumerate(_EVERY_FREQUENCY)
    )
    rows = _cells("名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・強み等)\n" + councils)
    assert [r[2] for r in rows[1:]] == _EVERY_FREQUENCY
    assert [per_year(f) for f in _EVERY_FREQUENCY] == [None, 2, 6, 12, 4, 36, 4, 26, 2]


def test_the_items_of_one_cell_wrap_at_one_width(parsed):
    # pdftotext -raw: the items of the actual cell wrap at its width, the effects' at theirs
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["outcomes"]["indicators"][0]
    got = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pdftotext-raw.txt")["outcomes"]["indicators"][0]
    assert got["effects"] == want["effects"]


def test_an_indicator_s_name_ends_with_no_value_and_its_values_are_no_sentences(parsed):
    # PyMuPDF: a name wrapped right above its target (`…の利用者数` / `年90人`), and a row whose actual
    # values, two items, could as well be read with the effects' sentences
    from nikosheet import parse_file_data

    for sheet, conv, k in (("pref-gifu-fy2024", "lopdf-pymupdf", 1), ("ward-nerima-fy2023", "pymupdf", 0)):
        want = parsed(f"{sheet}.txt")["outcomes"]["indicators"][k]
        got = parse_file_data(FIXTURES / "converters" / f"{sheet}--{conv}.txt")["outcomes"]["indicators"][k]
        fields = ("target", "actual", "effects")  # the converters' spaces between words aside
        assert got["name"] == want["name"]
        assert [[_squeezed(got[f])] for f in fields] == [[_squeezed(want[f])] for f in fields]


def test_a_department_cell_of_two_lines_stays_one_cell():
    one_a_line = _cells(
        "所管部署名\n所管部署における主な業務\n障害福祉課\n自殺対策推進室\n自殺対策計画の推進\n"
        "精神保健福祉センター\n技術支援、人材育成研修"
    )
    joined = _cells(
        "所管部署名 所管部署における主な業務\n障害福祉課 自殺対策計画の推進\n自殺対策推進室\n"
        "精神保健福祉センター 技術支援、人材育成研修"
    )
    want = [["障害福祉課 自殺対策推進室", "自殺対策計画の推進"], ["精神保健福祉センター", "技術支援、人材育成研修"]]
    assert one_a_line[1:] == want
    assert joined[1:] == want


def test_a_department_s_name_of_two_words_on_its_own_line_stays_whole():
    # PyMuPDF of a LibreOffice PDF: the name (`保健所 健康推進課`, the author's space) on a line of its
    # own, the duties below; the name's second word is no cell of the duties
    rows = _cells(
        "所管部署名\n所管部署における主な業務\n保健所 健康推進課\n精神保健福祉相談、訪問支援、協議の場と連絡会の運営\n"
        "福祉保険部 障害福祉課\n障害福祉サービスの支給決定、自立支援協議会の運営"
    )
    assert rows[1:] == [
        ["保健所 健康推進課", "精神保健福祉相談、訪問支援、協議の場と連絡会の運営"],
        ["福祉保険部 障害福祉課", "障害福祉サービスの支給決定、自立支援協議会の運営"],
    ]


def test_a_board_of_education_is_a_department_s_name():
    # PyMuPDF: `教育委員会` starts a name as a 課 does (its row had run into the duties above)
    rows = _cells(
        "連携部署名\n連携部署における主な業務\n健康課\n地区担当保健師による精神保健福祉相談・訪問、措置入院者等の退院後支援\n"
        "住宅政策課\n市営住宅の入居、居住支援協議会の運営\n"
        "教育委員会 教育支援課\nスクールカウンセラー・スクールソーシャルワーカーの配置\n各部門の連携状況\n強み・課題等"
    )
    assert rows[1:4] == [
        ["健康課", "地区担当保健師による精神保健福祉相談・訪問、措置入院者等の退院後支援"],
        ["住宅政策課", "市営住宅の入居、居住支援協議会の運営"],
        ["教育委員会 教育支援課", "スクールカウンセラー・スクールソーシャルワーカーの配置"],
    ]


def test_a_department_s_duty_that_ends_as_a_name_does_is_no_part_of_the_name():
    rows = _cells(
        "所管部署名\n所管部署における主な業務\n精神保健福祉センター 協議の場の事務局\n障害福祉課 地域移行支援の給付"
    )
    assert rows[1:] == [["精神保健福祉センター", "協議の場の事務局"], ["障害福祉課", "地域移行支援の給付"]]


def test_a_council_without_notes_keeps_the_next_council_name_whole():
    # the header's wrapped notes cell (`特記事項等(課題・` 17 wide) tells that column's width: the next
    # council's name, 20 wide, cannot be a note
    rows = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・\n強み等)\n中野区精神保健福祉連\n絡協議会\n"
        "保健、医療、福祉、家族会、行政\n年2回\n・方針の決定\n地域精神保健福祉連絡\n会\n"
        "すこやか福祉センター、相談支援事業\n所、訪問看護\n年4回\n・事例検討"
    )
    assert rows[1] == ["中野区精神保健福祉連絡協議会", "保健、医療、福祉、家族会、行政", "年2回", "・方針の決定", ""]
    assert rows[2][:3] == ["地域精神保健福祉連絡会", "すこやか福祉センター、相談支援事業所、訪問看護", "年4回"]


def test_a_councils_activities_wrapped_rest_is_no_note():
    # PyMuPDF: the activities' first line fills its column (18, as the next council's wrapped
    # activities tell, on a page wider than the columns together) and stops inside a word (`…、作` /
    # `業部会…`): its rest is no note, though it would fit the notes' column; a note after activities
    # that end short stays a note
    rows = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・\n強み等)\n金沢市こころの地域\nケア推進会議\n"
        "精神科病院、医師会、相談支援事業\n所、地域包括支援センター、家族\n会、当事者、民生委員、行政\n3回/年\n"
        "地域課題の検討、作\n業部会からの報告、\n取組の評価\n退院支援部会\n精神科病院の精神保健福祉士、相談\n"
        "支援事業所、保健所\n4回/年\n退院支援ケア会議の\n運営方法の検討、地\n域移行支援の事例検\n討\n"
        "病院間で取組の工\n夫を共有できてい\nる\n地域づくり部会\n地域包括支援センター、社会福祉協\n"
        "議会、公民館、保健所\n4回/年\n出前講座の企画、合\n同事例検討会の企画\n退院支援ケア会議\n"
        "各病院の主治医・看護師・精神保健\n福祉士、相談支援事業所、保健所\n月1回\n入院中の方の退院支\n援の検討\n各病院で開催\n\n"
        "【その他事項】 ※協議の場運営における課題や悩んでいる点、アドバイザーに相談したい事項など、自由に記載くだ\nさい"
    )
    shared = "病院間で取組の工夫を共有できている"
    assert [(r[0], r[3], r[4]) for r in rows[1:5]] == [
        ("金沢市こころの地域ケア推進会議", "地域課題の検討、作業部会からの報告、取組の評価", ""),
        ("退院支援部会", "退院支援ケア会議の運営方法の検討、地域移行支援の事例検討", shared),
        ("地域づくり部会", "出前講座の企画、合同事例検討会の企画", ""),
        ("退院支援ケア会議", "入院中の方の退院支援の検討", "各病院で開催"),
    ]


def test_a_wrapped_line_short_of_its_column_is_the_end_of_a_cell():
    # the status column wraps at 46 columns: a 44-column line ending a sentence ends the status, and
    # the strengths and issues start on the next line, whatever their first line's width
    rows = _cells(
        "障害福祉課と保健所が共同で事務局を担い、医療・福祉・行政の実務者会議で地域の課題を整理している。\n"
        "各部門の連携状況\n強み・課題等\n保健\n相談を行っている。\n事例検討を行う。\n福祉\n"
        "重層的支援体制整備事業、自立支援協議会、地域生\n活支援拠点運営協議会等が整備運営されている。\n"
        "各事業ごとに定期的な会議開催、連携は図れて\nいるが、事業を超えた連携はおこなえていな\nい。\n"
        "その他関\n係機関・\n住民等\nピアサポーターの参画があり、当事者の意見等を反\n映する事業運営をしている。\n"
        "市民の参画はない。"
    )
    status = "重層的支援体制整備事業、自立支援協議会、地域生活支援拠点運営協議会等が整備運営されている。"
    assert rows[3] == [
        "福祉",
        status,
        "各事業ごとに定期的な会議開催、連携は図れているが、事業を超えた連携はおこなえていない。",
    ]


def test_an_indicator_name_that_wrapped_keeps_its_end():
    rows = _cells(
        "課題解決の達成度を\n測る指標\n現状値 (今年度当初)\n目標値 (今年度末)\n見込んでいる成果・効果\n"
        "①「川口市精神保健福祉地域連携\n票」の活用\n9件\n10件\n医療、保健、福祉の分野を越えた連携\nを促す\n"
        "②地域課題解決に向けた具体的方策\nの検討\n2回\n2回\n協議の場で具体的な取り組みを決め、\n実施する"
    )
    assert rows[1][:3] == ["①「川口市精神保健福祉地域連携票」の活用", "9件", "10件"]
    assert rows[2][:2] == ["②地域課題解決に向けた具体的方策の検討", "2回"]


def test_a_paragraph_as_wide_as_the_page_after_a_table_is_not_its_last_cell():
    paragraph = "区では平成18年度から精神障害者の退院促進に取り組んできたが、区内の精神科病院には区外からの"
    out = _apply(
        f"{paragraph}\n入院者も多い。\n年度\n経過\n委託\n平成30年度\n協議の場を設置\n県事業\n"
        f"令和元年度\nピアサポーターの養成を開始\n{paragraph}\n入院者も多い。"
    )
    assert "令和元年度\tピアサポーターの養成を開始\t" in out
    assert out[-2:] == [paragraph, "入院者も多い。"]


def test_a_wave_dash_is_the_fullwidth_tilde_the_author_typed(parsed):
    # pypdf gives the fullwidth tilde of a range of years or months as JIS's WAVE DASH (U+301C)
    from nikosheet import parse_file_data

    want = parsed("city-edge-values-fy2024.txt")
    got = parse_file_data(FIXTURES / "converters" / "city-edge-values-fy2024--pypdf.txt")
    assert got["long_term_schedule"]["plan"][0]["label"] == want["long_term_schedule"]["plan"][0]["label"]
    assert [i["label"] for i in got["annual_schedule"]["items"]] == [
        i["label"] for i in want["annual_schedule"]["items"]
    ]


def test_a_line_short_of_its_header_cell_does_not_wrap():
    # `現状値 (今年度当初)` on one line: its column is at least that wide, so `活用なし` is a cell of its own
    rows = _cells(
        "課題解決の達成度を\n測る指標\n現状値 (今年度当初)\n目標値 (今年度末)\n見込んでいる成果・効果\n"
        "①「取組シート」を用\nいた地域課題解決に向\nけた 取り組み\n活用なし\n年6回活用\n"
        "現状に合わせた課題・取組みを委員。\n関係者 全体で把握し, 具体的に取組む\n"
        "②地域支援者連携に向\nけた研修会の開催\n年1回\n年1回\n支援者間の連携強化"
    )
    assert rows[1][1:3] == ["活用なし", "年6回活用"]
    assert rows[2][:2] == ["②地域支援者連携に向けた研修会の開催", "年1回"]


def test_a_cell_wrapped_after_a_latin_comma_keeps_its_space():
    title = "8 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（長期）"
    rows = _cells(f"{title}\n年度\n実施内容\n具体的な取組\nR6年度\n普及啓発\n啓発用名刺型チラシ,\n動画を作成")
    assert rows[2] == ["R6年度", "普及啓発", "啓発用名刺型チラシ, 動画を作成"]


def test_history_years_in_the_western_calendar_and_months_find_their_rows():
    rows = _cells(
        "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n年度\n経過\n委託\n2018年度\n"
        "地域移行支援事業を開始\n県事業\n2019年度\n協議の場を設置\n令和2年4月\n実務者会議を設置\n現在\n継続開催中"
    )
    assert [r[:2] for r in rows[2:]] == [
        ["2018年度", "地域移行支援事業を開始"],
        ["2019年度", "協議の場を設置"],
        ["令和2年4月", "実務者会議を設置"],
        ["現在", "継続開催中"],
    ]
    assert rows[2][2] == "県事業"


def test_a_schedule_month_in_the_western_calendar_finds_its_row():
    rows = _cells(
        "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n時期(月)\n実施内容\n"
        "具体的な取組\n2024年5月\n第1回実務者会議\n課題の整理\n2024年7月\n研修会\n支援者向け"
    )
    assert rows[2:] == [["2024年5月", "第1回実務者会議", "課題の整理"], ["2024年7月", "研修会", "支援者向け"]]


def test_a_western_month_whose_month_and_range_went_on_to_the_next_line():
    # plain pdftotext of a LibreOffice PDF: `2023 年 4` / `月～6 月` in the narrow 時期 column
    rows = _cells(
        "8 精神障害にも対応した地域包括ケアシステムの構築に向けた今年度の取組スケジュール\n時期(月)\n\n実施する項目\n\n"
        "実施する内容\n\n2023 年 4\n月～6 月\n\n病院への聞き取り\n\n"
        "市内 4 病院の精神保健福祉士から、長期入院者の状況を聞き取る。\n\n2023 年 7 月\n\n第 1 回推進会議\n\n"
        "聞き取りの結果の報告\n\n2023 年 9\n月～10 月\n\n研修会\n\n地域移行支援の制度を学ぶ"
    )
    assert rows[2:] == [
        ["2023 年 4月～6月", "病院への聞き取り", "市内 4 病院の精神保健福祉士から、長期入院者の状況を聞き取る。"],
        ["2023 年 7 月", "第 1 回推進会議", "聞き取りの結果の報告"],
        ["2023 年 9月～10月", "研修会", "地域移行支援の制度を学ぶ"],
    ]


def test_a_header_whose_cells_second_lines_come_after_all_first_lines():
    rows = _cells(  # `年度` alone: the signal of a table a cell per line
        "年度\n課題解決の達成度を測る指標\n現状値 (今年度当\n目標値 (今年度\n見込んでいる成果・効果\n初)\n末)\n"
        "①市町村の協議の場の設置数\n31市町村\n36市町村\n体制ができる\n②地域移行支援の利用者数\n年76人\n年90人\n退院促進"
    )
    assert rows[1:] == [
        ["課題解決の達成度を測る指標", "現状値(今年度当初)", "目標値(今年度末)", "見込んでいる成果・効果"],
        ["①市町村の協議の場の設置数", "31市町村", "36市町村", "体制ができる"],
        ["②地域移行支援の利用者数", "年76人", "年90人", "退院促進"],
    ]


def test_sector_words_as_the_parser_reads_them_and_a_frequency_run_into_a_list():
    sectors = _cells(
        "各部門の連携状況\n強み・課題等\n医療分野\n病院と情報交換\n診療所が少ない\n障害福祉\n事業所が担う\n人材が不足"
    )
    assert [row[0] for row in sectors[1:]] == ["医療分野", "障害福祉"]
    councils = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・強み等)\n"
        "審議会\n医師会、家族会\n年2回・取組報告\n協議時間が足りない。\n連絡会\n当事者、保健所\n通年\n活動報告"
    )
    assert councils[1][2:4] == ["年2回", "・取組報告"]


def test_a_paragraph_right_below_the_history_s_last_row_is_the_history_s_text(parsed):
    # pypdf joins a row's cells with spaces, so the rows are as wide as the page: the paragraph below
    # the last row (`令和5年度 …を改訂` / `平成29年度の実態調査では、…`) is known by its widest part
    from nikosheet import parse_file_data

    for sheet in ("core-himeji-fy2024", "designated-sendai-fy2023"):
        want = parsed(f"{sheet}.txt")["history"]
        got = parse_file_data(FIXTURES / "converters" / f"{sheet}--pypdf.txt")["history"]
        assert got["text"] == want["text"] != []
        assert got["events"][-1]["description"] == want["events"][-1]["description"]


def test_a_katakana_word_the_page_wrapped_stays_in_one_cell(parsed):
    # pypdf: `区にも包括推進会議（5区） 区保健福祉センター、精神科病院、` / `相談支援事業所、地域包括支援セン`
    # / `ター、民生委員、家族会`: `セン` / `ター` is one word, so the members' cell takes all three lines
    from nikosheet import parse_file_data

    want = parsed("designated-sendai-fy2023.txt")["councils"]["meetings"][1]
    got = parse_file_data(FIXTURES / "converters" / "designated-sendai-fy2023--pypdf.txt")["councils"]["meetings"][1]
    assert (got["name"], got["members"]) == (want["name"], want["members"])
    assert got["members"].endswith("地域包括支援センター、民生委員、家族会")


def test_the_first_row_s_month_written_after_the_header_s_first_cell():
    # plain pdftotext of a LibreOffice PDF: the month, centred in its row, comes before the other header cells
    out = _apply(
        "時期(月)\n令和5年5月\n\n実施する項目\n\n実施する内容\n\n第1回推進会\n議\n\n今年度の方針決定\n\n"
        "令和5年10月\n\n研修会\n\n支援者向け研修会"
    )
    rows = [ln.split("\t") for ln in out if ln]
    assert rows == [
        ["時期(月)", "実施する項目", "実施する内容"],
        ["令和5年5月", "第1回推進会議", "今年度の方針決定"],
        ["令和5年10月", "研修会", "支援者向け研修会"],
    ]
    assert out[0].startswith("時期") and out[1].startswith("令和5年5月")


def test_a_year_written_after_the_history_s_first_header_cell_is_the_first_row_s():
    # plain pdftotext of a LibreOffice PDF: the first year comes before the header's other cells
    text = "年度\n平成22年度\n\n経過\n\n委託\n\n事業を開始\n\n圏域の事業所\n\n平成27年度\n\n研修を開始\n\n↓"
    rows = [ln.split("\t") for ln in _apply(text) if ln]
    assert rows == [
        ["年度", "経過", "委託"],
        ["平成22年度", "事業を開始", "圏域の事業所"],
        ["平成27年度", "研修を開始", "↓"],
    ]


def test_a_department_table_ends_at_the_next_table_s_first_header_cell():
    out = _apply(
        "所管部署名\n障害福祉課\n所管部署における主な業務\n事業の企画\n精神保健福祉センター\n技術支援\n"
        "連携部署名\n地域医療課\n介護保険課\n連携部署における主な業務"
    )
    rows = [ln for ln in out[:6] if ln]
    assert rows == ["所管部署名\t所管部署における主な業務", "障害福祉課\t事業の企画", "精神保健福祉センター\t技術支援"]
    assert out[6:] == ["連携部署名", "地域医療課", "介護保険課", "連携部署における主な業務"]


def test_a_department_s_name_cut_before_its_last_character(parsed):
    # plain pdftotext of a LibreOffice PDF: a narrow column wraps `地域保健センター` after タ
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["coordination"]["partner_departments"]
    got = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--lopdf-pdftotext.txt")["coordination"]
    assert [d["name"] for d in got["partner_departments"]] == [d["name"] for d in want] == ["地域保健センター"]
    assert got["partner_departments"][0]["duties"] == want[0]["duties"]


def test_a_list_and_a_short_line_are_no_department():
    text = "所管部署名\n所管部署における主な業務\n精神保健福\nにも包括の実施、精神保健\n祉課\n福祉相談"
    rows = [ln for ln in _apply(text) if ln and "\t" in ln]
    assert all("にも包括の実施、精神保健祉課" not in row.split("\t")[0] for row in rows)


def test_the_schedule_s_last_header_cell_written_after_its_rows():
    # plain pdftotext of a LibreOffice PDF: `実施する内容`, centred in the header row, after the table's rows
    out = _apply(
        "時期(月)\n\n実施する項目\n\nR5年5月\n\n第1回協議の場の準備\n\n委員への聞き取り\n\n"
        "R5年8月\n\n第1回協議の場の開催\n\n具体的な内容の検討\n\n"
        "R5年11月\n\n研修会\n\n支援者向け研修会\n\n実施する内容\n\n"
        "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール"
    )
    rows = [ln.split("\t") for ln in out if ln and "\t" in ln]
    assert rows == [
        ["時期(月)", "実施する項目", "実施する内容"],
        ["R5年5月", "第1回協議の場の準備", "委員への聞き取り"],
        ["R5年8月", "第1回協議の場の開催", "具体的な内容の検討"],
        ["R5年11月", "研修会", "支援者向け研修会"],
    ]


def test_an_events_wording_is_never_a_commission_so_it_is_the_years_next_event():
    # PyMuPDF on a Chromium PDF: two events of one year that leave the commission empty
    rows = _cells(
        "年度\n経過\n委託\n平成18年度\n精神障害者退院促進支援事業を中央東圏域でモデル\n実施\n"
        "特定非営利活動法人 こうち地域生活支援ネット\nワークひだまり\n"
        "平成20年度\n退院促進支援事業を全圏域に拡大\n↓\n地域体制整備コーディネーターを配置\nピアサポーターの養成を開始\n"
        "平成30年度\n高知県精神障害にも対応した地域包括ケアシステム\n構築推進会議を設置\n（直営）\n"
        "令和2年度\n市町村の協議の場の設置に向けた伴走支援を開始\n"
        "令和4年度\n圏域地域移行推進会議を全5圏域で開催\n社会福祉法人 高知県社会福祉協議会\n"
        "中山間地域が多く、支援機関が県中央部に集中しているため、市町村の協議の場の設置と、通院・日中活動の場の確保\n"
        "が課題となっている。"
    )
    assert rows[1:5] == [
        [
            "平成18年度",
            "精神障害者退院促進支援事業を中央東圏域でモデル実施",
            "特定非営利活動法人 こうち地域生活支援ネットワークひだまり",
        ],
        ["平成20年度", "退院促進支援事業を全圏域に拡大", "↓"],
        ["", "地域体制整備コーディネーターを配置", ""],
        ["", "ピアサポーターの養成を開始", ""],
    ]


def test_a_year_whose_last_character_went_under_its_event_s_first_line():
    out = _cells(
        "年度\n経過\n委託\n平成 17 年 精神障害者退院促進支援事業をモデル圏域（上小・松\n度\n本）で開始\n\n"
        "令和 2 年度 全 10 圏域で協議の場を設置"
    )
    assert out[1][0] == "平成 17 年度"
    assert out[1][1] == "精神障害者退院促進支援事業をモデル圏域（上小・松本）で開始"
    assert out[2][:2] == ["令和 2 年度", "全 10 圏域で協議の場を設置"]


def test_two_header_cells_whose_first_lines_share_a_line_take_each_its_closing_line():
    out = _cells(  # `年度` alone: the signal of a table a cell per line
        "年度\n課題解決の達成度を測る指標\n目標値（R5 年度 実績値（R5 年\n当初）\n度末）\n具体的な成果・効果\n"
        "①区地域移行連絡会の開催回数\n年3回\n年4回\n全区で開催した。"
    )
    assert out[1] == ["課題解決の達成度を測る指標", "目標値（R5年度当初）", "実績値（R5年度末）", "具体的な成果・効果"]
    assert out[2] == ["①区地域移行連絡会の開催回数", "年3回", "年4回", "全区で開催した。"]


def test_a_header_woven_with_the_first_rows_cells():
    # pdfminer reads a row's first boxes a column at a time: each header cell, then the first row's
    out = _cells(
        "時期(月)\n\nR5年4月\n\n実施内容\n\n事業計画の共有\n\n具体的な取組\n\n担当者会議\n\n"
        "R5年7月\n\n第1回推進協議会\n\n重点課題の決定"
    )
    assert out == [
        ["時期(月)", "実施内容", "具体的な取組"],
        ["R5年4月", "事業計画の共有", "担当者会議"],
        ["R5年7月", "第1回推進協議会", "重点課題の決定"],
    ]


def test_a_header_whose_cells_stand_together_is_not_woven():
    # the history's years read first (`年度`, the years, `経過`, `委託`): not the first row's cells
    out = _apply("年度\n平成24年度\n令和元年度\n経過\n委託\n事業を開始\n協議の場を設置")
    assert out[0] == "年度"


def test_a_header_written_a_printed_line_at_a_time():
    # plain pdftotext: the cells' first lines, then their second lines, a row's lines among them
    out = _cells(
        "課題解決の達成度\n\n目標値（R5年\n\nを測る指標\n\n度当初）\n\n①市町村の協議の場の設置数\n\n25市町村\n\n"
        "実績値（R5年度末） 具体的な成果・効果\n21市町村\n\n新たに4町村が協議の場を設置した。\n\n"
        "②ピアサポーターの派遣回数\n\n年24回\n\n年30回\n\n病院訪問が定着した。"
    )
    assert out[0] == ["課題解決の達成度を測る指標", "目標値（R5年度当初）", "実績値（R5年度末）", "具体的な成果・効果"]
    assert out[1] == ["①市町村の協議の場の設置数", "25市町村", "21市町村", "新たに4町村が協議の場を設置した。"]


_HISTORY = "年度\n\n経過\n\n委託\n\n平成20年度\n\n事業を開始\n\n\n"  # a table the form's signal finds


def test_a_header_cell_s_date_opened_after_a_space_on_a_line_of_several_cells():
    # plain pdftotext: `目標値 (R4年` and `実績値 (R4年 具体的な成果・効果`, their brackets closed on later lines
    out = _cells(
        _HISTORY + "課題解決の達成度を測る指標\n\n目標値 (R4年\n\n実績値 (R4年 具体的な成果・効果\n\n"
        "度当初)\n\n度末)\n\n"
        "②島しょ部での訪問支援\n\n年12回\n\n年15回\n\n受診につながるようになった。\n\n"
        "③家族教室の開催\n\n年6回\n\n年5回\n\n家族会への入会が3件あった。"
    )
    assert out[2:] == [
        ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"],
        ["②島しょ部での訪問支援", "年12回", "年15回", "受診につながるようになった。"],
        ["③家族教室の開催", "年6回", "年5回", "家族会への入会が3件あった。"],
    ]


def test_a_row_s_count_never_goes_on_with_a_header_cell_s_open_bracket():
    # `目標値（令和5` is open, but `3区` is the first row's current value, not the bracket's rest
    out = _cells(
        _HISTORY + "課題解決の達成度を測る指\n\n現状値（今年度当初） 目標値（令和5\n\n見込んでいる成果・効果\n\n標\n\n"
        "①オンライン連絡会を実施\n\n3区\n\nした区の数\n\n年度末）\n\n7区\n\n参加できるようになる。"
    )
    assert out[3][1:3] == ["3区", "7区"]


def test_a_laid_out_header_s_bracket_takes_no_figure():
    # a laid-out text (cells apart by runs of spaces) is the layout readers': its header is not read here
    header = "課題解決の達成度を測る指標\n目標値 (R4年 実績値 (R4年 具体的な成果・効果\n度当初) 度末)\n"
    text = _HISTORY + header + "①研修会    年2回    年2回    理解が深まった。\n"
    assert "課題解決の達成度を測る指標" in _apply(text)


def test_a_header_s_first_cell_whose_last_line_stands_after_the_first_rows():
    # plain pdftotext: `課題解決の達` `成度を測る指`, the other cells, the rows' lines, then `標` alone
    out = _cells(
        _HISTORY
        + "課題解決の達\n成度を測る指\n\n目標値（R5年度当\n初）\n\n実績値（R5年度末）\n\n具体的な成果・効果\n\n"
        "①研修会の開催\n\n年2回\n\n年3回\n\n理解が深まった。\n\n標\n\n"
        "②訪問の回数\n\n年12回\n\n年15回\n\n相談につながった。"
    )
    assert out[2:] == [
        ["課題解決の達成度を測る指標", "目標値（R5年度当初）", "実績値（R5年度末）", "具体的な成果・効果"],
        ["①研修会の開催", "年2回", "年3回", "理解が深まった。"],
        ["②訪問の回数", "年12回", "年15回", "相談につながった。"],
    ]


def test_a_header_whose_lines_never_go_back_is_not_written_a_line_at_a_time():
    # a header's cells in order with a row's lines among them, each cell whole: no printed lines
    out = _apply("年度\n平成 24 年\n度\n経過\n委託\n事業を開始")
    assert out[0] == "年度"


def test_a_councils_notes_left_empty_do_not_take_the_next_councils_name():
    # PyMuPDF: eight short councils, some with no notes; the next council's name does not end a
    # council's notes or, after a sentence, its activities, and a council's name holds no sentence
    rows = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・強み\n等)\n長野県精神障害にも対応\nした地域包括ケアシステ\nム推進会議\n精神科病院協会、医\n"
        "師会、家族会、当事\n者委員、市町村、県\n年2回\n県全体の方向性の決定\n当事者委員の参加で議\n論の視点が広がった。\n圏域協議の場（10圏\n域）\n保健福祉事務所、精\n"
        "神科病院、市町村、\n相談支援事業所\n各圏域年3回程度\n個別事例の検討\n圏域によって開催回数\nに差がある。\nピアサポーター連絡会\nピアサポーター\n隔月\n"
        "活動の振り返り\n技術支援会議\n精神保健福祉センタ\nー、保健福祉事務所\n随時\n困難事例の相談\n住まい部会\n居住支援法人、不動\n産団体、市町村\n四半期に1回\n"
        "住まいの確保策の検討\n空き家の活用が課題。\n人材育成部会\n医療機関、相談支援\n事業所\n2か月に1回\n研修の企画\n家族支援部会\n家族会、保健福祉事\n務所\n"
        "毎月1回\n家族相談の共有\n家族の高齢化が進んで\nいる。\nアウトリーチ検討会\n精神保健福祉センタ\nー、医療機関、保健\n福祉事務所\n年1～2回\n訪問支援の評価"
    )
    assert [row[0] for row in rows[1:]] == [
        "長野県精神障害にも対応した地域包括ケアシステム推進会議",
        "圏域協議の場（10圏域）",
        "ピアサポーター連絡会",
        "技術支援会議",
        "住まい部会",
        "人材育成部会",
        "家族支援部会",
        "アウトリーチ検討会",
    ]
    assert [row[4] for row in rows[1:]] == [
        "当事者委員の参加で議論の視点が広がった。",
        "圏域によって開催回数に差がある。",
        "",
        "",
        "空き家の活用が課題。",
        "",
        "家族の高齢化が進んでいる。",
        "",
    ]


def test_a_paragraph_after_the_history_that_starts_with_a_year_is_not_a_row():
    # PyMuPDF: the history's text below its table, as wide as the page, starts with a year
    page = "7つの区の保健センターを拠点に、精神科医療機関、相談支援事業所、当事者・家族と連携した支援体制を構築してい"
    out = _apply(
        f"{page}\n年度\n経過\n委託\n平成18年度\n精神障害者退院促進支援事業を開始\n"
        "特定非営利活動法人 さかい地域生活支援ネッ\nトワーク\n令和5年度\n長期入院者の意向調査を市内9病院で実施\n"
        "令和5年度の意向調査では、長期入院者の約3割が地域での生活を希望しており、住まいの確保と退院前の体験の機\n"
        "会が課題として挙げられた。"
    )
    rows = [ln.split("\t") for ln in out[1:] if ln]
    assert rows[1] == [
        "平成18年度",
        "精神障害者退院促進支援事業を開始",
        "特定非営利活動法人 さかい地域生活支援ネットワーク",
    ]
    assert rows[2] == ["令和5年度", "長期入院者の意向調査を市内9病院で実施", ""]
    assert rows[3][0].startswith("令和5年度の意向調査では") and len(rows[3]) == 1


_COUNCILS_HEAD = (
    "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・強み等)\n推進会議\n精神科病院\n年2 回\n方向性の決定\n"
)


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # a narrow 開催頻度 column: `各区年3` / `回程度`
        ("区地域移行連絡会（7 区）\n区保健センター、相談支援事業所\n各区年3\n回程度", "各区年3回程度"),
        # the count and its 回 below the unit's year: `各圏域年` / `3 回程度`
        ("区地域移行連絡会（7 区）\n区保健センター、相談支援事業所\n各圏域年\n3 回程度", "各圏域年3 回程度"),
    ],
)
def test_a_frequency_wrapped_in_its_narrow_column_is_its_rows_pivot(lines, want):
    rows = _cells(
        f"{_COUNCILS_HEAD}{lines}\n個別事例の検討\n区によって開催回数に差がある。\n"
        "住まい支援検討会\n居住支援法人\n年1 回\n意見交換\n参加が増えている。"
    )
    assert rows[2] == [
        "区地域移行連絡会（7 区）",
        "区保健センター、相談支援事業所",
        want,
        "個別事例の検討",
        "区によって開催回数に差がある。",
    ]
    assert len(rows) == 4


def test_duties_that_end_with_a_department_word_are_not_a_department():
    # `…検討会の事務局`: a list of duties (its 、) is never a department's name
    rows = _cells(
        "保健所保健対策課が事務局を担い、検討会で方向性を決め、作業部会で具体的な取組を企画する2層の構造。\n"
        "所管部署名\n所管部署における主な業務\n保健所保健対策課\n精神保健福祉相談、訪問支援、検討会の事務局\n"
        "障害福祉課\n障害福祉サービスの支給決定、自立支援協議会の運営"
    )
    assert rows[2:] == [
        ["保健所保健対策課", "精神保健福祉相談、訪問支援、検討会の事務局"],
        ["障害福祉課", "障害福祉サービスの支給決定、自立支援協議会の運営"],
    ]


def test_an_events_wrapped_rest_that_ends_a_sentence_is_no_commission():
    # `…企画す` `る体制とした`: a predicate's end is the event's, a second event of its year
    rows = _cells(
        "年度\n経過\n委託\n令和元年度\n「高松市精神障害にも対応した地域包括ケアシステム検\n討会」を設置\n↓\n"
        "令和4年度\n島しょ部（男木島・女木島）での訪問支援を開始\n作業部会を設置し、検討会の下で具体的な取組を企画す\n"
        "る体制とした"
    )
    assert rows[-2:] == [
        ["令和4年度", "島しょ部（男木島・女木島）での訪問支援を開始", ""],
        ["", "作業部会を設置し、検討会の下で具体的な取組を企画する体制とした", ""],
    ]


def test_an_activity_that_ends_on_a_comma_goes_on_rather_than_a_remark_starting():
    # the last councils have no remark: `活動の振り返り、` / `病院訪問の調整` is one cell
    rows = _cells(
        f"{_COUNCILS_HEAD}委員の参加で議論の視点が広がった。\nピアサポーター連絡会\nピアサポーター、精神保健福祉センター\n"
        "隔月\n活動の振り返り、\n病院訪問の調整\n技術支援会議\n精神保健福祉センター\n随時\n困難事例の相談、\n研修の企画"
    )
    assert rows[2][3:] == ["活動の振り返り、病院訪問の調整", ""]
    assert rows[3][3:] == ["困難事例の相談、研修の企画", ""]


def test_an_indicators_two_lists_of_measures_are_shared_out_evenly(converted):
    # PyMuPDF: a blank line before every item; the target's second item was read as the actual's first
    doc = converted(FIXTURES / "converters" / "ward-nerima-fy2023--lopdf-pymupdf.txt")
    first = doc["outcomes"]["indicators"][0]
    assert first["name"] == "区外病院との連携"
    assert [len(first["target"]), len(first["actual"])] == [2, 2]
    assert first["actual"][1].startswith("入院中からの退院支援の開始")


def test_a_header_s_last_cell_centred_after_the_first_row_s_first_lines():
    # the first three cells' first lines, then their second lines, the first row's name and values, then
    # the last cell (one line, centred in the taller header row): an excerpt of pdftotext's text
    text = "\n\n".join(
        (
            "課題解決の達成度を",
            "目標値 (R4年",
            "実績値 (R4年",
            "測る指標",
            "度当初)",
            "度末)",
            "①精神科病院からの",
            "25件",
            "19件",
            "退院者数\n\n具体的な成果・効果\n退院支援が進んだ。",
            "②ピアサポーターの養成\n\n修了者 15名\n\n修了者 11名\n\n病院訪問に参加した。",
        )
    )
    header, *rows = _cells(text)
    assert header == ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"]
    assert rows[0][1:3] == ["25件", "19件"]
    assert rows[1] == ["②ピアサポーターの養成", "修了者 15名", "修了者 11名", "病院訪問に参加した。"]


def test_a_late_last_header_cell_is_not_taken_after_a_row_s_words_went_into_the_header():
    # a row's line between the header's own lines: the header is no longer read as one whole, so the
    # last cell is looked for only a few lines on
    header = ("課題解決の達成度を", "目標値 (R4年", "実績値 (R4年", "測る指標", "①研修会", "度当初)", "度末)")
    row = ("①精神科病院からの", "25件", "19件", "退院者数", "年2回", "具体的な成果・効果", "退院支援が進んだ。")
    text = "\n\n".join((*header, *row))
    assert not any(line and "\t" in line for line in _apply(text))


# section 5's issues, the last role's label and its action to follow
_ISSUE_GROUP = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "区ごとに取組に差がある\n\n区の会議の報告様式を統一する\n\n行政\n\n報告様式の作成\n\n"
    "医療\n\n区の会議への参加\n\n福祉\n\n基幹相談支援センターによる支援\n\n"
)


@pytest.mark.parametrize(
    ("last", "action"),
    [
        # plain pdftotext of a LibreOffice PDF: `その他関係` `機関・住民` `等` centred beside its action's
        # two lines, one line of each in turn
        (
            "その他関係\n家族会・ピアサポーターの区の\n機関・住民\n会議への参加\n等\n",
            "家族会・ピアサポーターの区の会議への参加",
        ),
        # the label's rest and the action's line at one height, a space between
        ("その他関係\n機関・住民 家族会による相談会の開催\n等\n", "家族会による相談会の開催"),
        # plain pdftotext of a Chromium PDF: `その他` / `関係機` / `関・住` / `民等` wrapped round its
        # action, the word's three last pieces in a box after the action's
        ("その他\n\n不動産事業者との意見交換\n\n関係機\n関・住\n民等\n", "不動産事業者との意見交換"),
        # or its last piece after the action's three lines
        (
            "その他\n関係機\n関・住\n\n不動産事業者団体による会員へ\nの制度周知、居住支援法人によ\n"
            "る緊急連絡先の代行\n\n民等\n",
            "不動産事業者団体による会員への制度周知、居住支援法人による緊急連絡先の代行",
        ),
    ],
)
def test_a_wrapped_role_label_among_its_action_s_lines_is_made_whole(last: str, action: str) -> None:
    from conftest import rewritten_rows

    rows = rewritten_rows(_ISSUE_GROUP + last)
    assert rows[4] == ["", "", "その他関係機関・住民等", action]


def test_an_issue_and_its_policy_side_by_side_set_no_column_s_width(parsed) -> None:
    # PyMuPDF of city-pipe-fy2023's LibreOffice PDF: `精神障害に対する市民の理解が 市民向け講座やSNSによる`,
    # two cells' lines on one line, set the issues' width; the next issue was read into the role above
    from nikosheet import parse_file_data

    want = parsed("city-pipe-fy2023.txt")["strengths_and_issues"]["issues"]
    got = parse_file_data(FIXTURES / "converters" / "city-pipe-fy2023--pymupdf.txt")["strengths_and_issues"]["issues"]
    assert got[0]["roles"]["others"] == want[0]["roles"]["others"]
    assert (got[1]["issue"], got[1]["policies"]) == (want[1]["issue"], want[1]["policies"])


_WRAPPED_NAMES = (
    "年度\n課題解決の達成度を測\nる指標\n目標値 (R4年度当\n初)\n実績値 (R4年度\n末)\n具体的な成果・効果\n"
    "①精神科病院に1年以\n上入院している区民の\nうち、入院中から退院\n支援を開始した者の数\n25件\n19件\n"
    "区外の精神科病院を保健相談所の担当者が訪問し、病院\nの精神保健福祉士と退院後の生活について早い段階から\n"
    "話し合えるようになった。\n"
    "②区民向け普及啓発講\n座の開催\n年3回\n会場の確保ができず講座を中止した。来年度はオンライ\n"
    "ン配信と対面の両方で開催する予定である。\n"
    "③居住支援協議会での\n住まいの検討\n年4回\n年4回"
)


def test_an_indicators_name_wrapped_beside_an_empty_cell():
    # PyMuPDF of a LibreOffice PDF: a name that fills its column (as wide as the first row's wrapped
    # name) goes on in a line with no number, so the row's lines hold a cell fewer: one is empty
    rows = _cells(_WRAPPED_NAMES)[1:]  # (`年度` alone: the signal of a table a cell per line)
    assert rows[2] == ["②区民向け普及啓発講座の開催", "年3回", "", rows[2][3]]
    assert rows[2][3].startswith("会場の確保") and rows[2][3].endswith("予定である。")
    assert rows[3] == ["③居住支援協議会での住まいの検討", "年4回", "年4回", ""]


def test_an_indicators_value_with_no_number_leaves_the_name_as_read():
    # which of the values is empty is not told where a value holds no number: the row is read as before
    rows = _cells(_WRAPPED_NAMES.replace("年4回\n年4回", "作成\n作成"))[1:]
    assert rows[3][0] == "③居住支援協議会での"


def test_a_councils_notes_wrapped_rest_is_no_name_of_the_next():
    # a council's name holds no predicate (`…である`): the notes' wrapped rest is the notes', not the
    # next council's name's first line
    rows = _cells(
        "名称\n協議の場の構成員\n開催\n頻度\n実施内容\n特記事項等(課題・強み等)\n高崎市精神保健福祉\n推進会議\n"
        "精神科病院、診療所、相談支援事業\n所、家族会、行政\n年2回\n方針の決定<br>事業\n報告\n"
        "医療機関の参画が多く、意見交\n換が活発である\n実務者会議\n相談支援事業所、精神科病院、保健\n所\n年6回\n"
        "事例検討<br>地域課\n題の抽出\n参加者が固定化している"
    )
    assert rows[1][4] == "医療機関の参画が多く、意見交換が活発である"
    assert rows[2][:3] == ["実務者会議", "相談支援事業所、精神科病院、保健所", "年6回"]


def test_a_council_frequency_with_a_range_per_year_is_a_pivot():
    # LibreOffice text: a cell a line, an empty notes cell a blank line; `2～4回/年` is a frequency as
    # `年2～4回` is (the rows had run together up to the next frequency the pattern knew)
    rows = _cells(
        "名称\n協議の場の構成員\n開催頻度\n実施内容\n特記事項等(課題・強み等)\n"
        "市精神保健福祉推進協議会 地域包括ケア部会\n精神科病院協会、基幹相談支援センター、家族会\n3回/年\n"
        "・区の連絡会からの報告 ・市全体の課題の整理\n委員が多く、議論が深まりにくい\n"
        "区精神保健福祉連絡会（6区）\n区保健福祉センター、相談支援事業所、民生委員\n2～4回/年\n"
        "個別事例の検討、区の課題の抽出\n区によって開催回数に差がある\n"
        "事務局会議\n精神保健福祉課、障害福祉サービス課\n月1回\n協議の場の準備\n\n"
        "退院支援連絡会\n市内精神科病院の地域連携室\n年4回\n退院支援の状況の共有\n病院間の情報共有の場として定着"
    )
    assert [row[0] for row in rows[1:]] == [
        "市精神保健福祉推進協議会 地域包括ケア部会",
        "区精神保健福祉連絡会（6区）",
        "事務局会議",
        "退院支援連絡会",
    ]
    assert rows[2] == [
        "区精神保健福祉連絡会（6区）",
        "区保健福祉センター、相談支援事業所、民生委員",
        "2～4回/年",
        "個別事例の検討、区の課題の抽出",
        "区によって開催回数に差がある",
    ]


def test_a_group_s_next_event_never_starts_on_its_row_s_line():
    # pypdf: a printed line holds one row's cells; the commission beside a year's event is its own, not
    # the year's next event (the table had not been read at all: two rows from one line)
    lines = [
        "年度 経過 委託",
        "平成20年度 退院促進支援事業を全圏域に拡大 各圏域の相談支援事業所（9法",
        "人）",
        "平成30年度 地域包括ケアシステム構築推進事業を開始",
        "精神保健福祉審議会に地域包括ケア推進部会を設置",
        "令和4年度 市町村へのアドバイザー派遣を開始 構築支援事業を活用",
        "令和5年度 市町村職員向け研修を開始",
        "第2回 退院意向調査を実施",
    ]
    rows = _cells("\n".join(lines))
    assert [row[0] for row in rows[1:]] == ["平成20年度", "平成30年度", "", "令和4年度", "令和5年度", ""]
    assert rows[1] == ["平成20年度", "退院促進支援事業を全圏域に拡大", "各圏域の相談支援事業所（9法人）"]
    assert rows[3] == ["", "精神保健福祉審議会に地域包括ケア推進部会を設置", ""]
    assert rows[6] == ["", "第2回 退院意向調査を実施", ""]


def test_a_short_event_line_is_no_wrap_where_an_event_on_one_line_is_wider():
    # pypdf: a year's second event on its own line after a short first event: the event column is as
    # wide as its widest event on one line, so the short line did not wrap (the two events had been
    # read as one, the width learned from them the short line's)
    lines = [
        "年度 経過 委託",
        "平成21年度 精神障害者退院促進支援事業を開始 社会福祉法人（1法人）",
        "令和元年度 精神保健福祉推進協議会に地域包括ケア部会を設置（市の協議の場）",
        "令和2年度 若者こころの相談窓口を開設",
        "LINE相談を試行 NPO法人",
        "令和3年度 ピアサポーター活動支援事業を開始",
    ]
    assert _cells("\n".join(lines))[3:] == [
        ["令和2年度", "若者こころの相談窓口を開設", ""],
        ["", "LINE相談を試行", "NPO法人"],
        ["令和3年度", "ピアサポーター活動支援事業を開始", ""],
    ]


def test_an_empty_last_role_before_the_next_issue_and_its_policy_on_one_line() -> None:
    # pdftotext -raw of 足立区's Chromium PDF: the next issue's and its policy's first lines, one line a
    # space apart, right after the last role's label: they stand in one printed row, so the role above
    # is empty (they had been read as its action, and every cell after moved on by one)
    rows = _cells(
        "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n"
        "未治療・治療中断者の支援が遅れ\nる\n保健センターの訪問と医療\n機関の往診・訪問看護の連\n携を強化する\n"
        "行政 保健センターによる訪問支援\n医療 往診、精神科訪問看護\n福祉\nその他関係\n機関・住民\n等\n"
        "退院後の住まいの確保が難しい 居住支援協議会と連携して\n住まいの確保を支援する\n"
        "行政 居住支援協議会への参画\n医療\n福祉 グループホームの確保\nその他関係\n機関・住民\n等\n"
        "不動産事業者への理解促進"
    )
    assert rows[4] == ["", "", "その他関係機関・住民等", ""]
    assert rows[5] == [
        "退院後の住まいの確保が難しい",
        "居住支援協議会と連携して住まいの確保を支援する",
        "行政",
        "居住支援協議会への参画",
    ]
    assert rows[8] == ["", "", "その他関係機関・住民等", "不動産事業者への理解促進"]


def test_a_none_mark_after_an_event_on_its_line_is_its_commission_and_the_next_line_a_new_event():
    # pypdf: a row's cells joined on its line with a space, the year's first event with `－` for its
    # commission, its next event (with a commission of its own) on the next line
    rows = _cells(
        "年度 経過 委託\n"
        "平成16年度 精神障害者退院促進支援事業をモデル事業として県北圏域で開始 県精神保健福祉協会\n"
        "平成21年度 精神障害者地域移行支援特別対策事業に移行し、全圏域に地域移行\n推進員を配置\n"
        "県内相談支援事業所（5か所）に\n委託\n"
        "各保健所に地域移行支援会議を設置し、病院と地域の事業所による\n個別ケース検討を開始\n"
        "平成24年度 地域移行支援・地域定着支援の個別給付化に伴い、事業を再編 －\n"
        "ピアサポーター養成研修を開始（第1期生10名） 県精神保健福祉センター\n"
        "平成28年度 長期入院精神障害者の地域移行に向けた病院訪問を本格実施 地域移行推進員（相談支援事業\n所）\n"
        "令和元年度 精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "7圏域すべてで保健所圏域会議を立ち上げ"
    )
    assert rows[4:6] == [
        ["平成24年度", "地域移行支援・地域定着支援の個別給付化に伴い、事業を再編", "－"],
        ["", "ピアサポーター養成研修を開始（第1期生10名）", "県精神保健福祉センター"],
    ]


_MONTHLY = (
    "年度\n経過\n委託\n2013年\n度\n八戸市保健所の精神保健福祉相談を拡充し、精神保健福祉士を3名配置\n"
    "2016年\n度\n精神障害者アウトリーチ支援事業を開始\n市内精神科病院（1か\n所）\n"
    "治療中断者への訪問支援を開始し、多職種チームによるケース会議を毎\n月開催\n"
    "2018年\n度\nピアサポーター養成講座を開始\n青森県精神保健福祉協会\n"
    "2020年\n度\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n「八戸市こころの地域ケア会議」を設置\n"
    "2021年\n度\n地域移行部会を設置\nピアサポーターによる病院訪問を再開（オンライン面会を含む）\n相談支援事業所（2か\n所）\n"
    "2022年\n度\n支援者研修を開始（医療・福祉・介護の合同研修）"
)


def test_an_event_s_step_wrapped_alone_is_its_rest_and_a_commission_as_wide_as_a_kept_together_wrap_fits():
    # PyMuPDF of a LibreOffice PDF, a cell a line: `月開催` ends as an event does (no commission does), and a
    # commission's line that carried `所` down with the `）` that may not start a line tells a column a
    # character wider, so `青森県精神保健福祉協会` is the 2018 row's commission, not the year's next event
    rows = _cells(_MONTHLY)
    assert rows[3] == ["", "治療中断者への訪問支援を開始し、多職種チームによるケース会議を毎月開催", ""]
    assert rows[4] == ["2018年度", "ピアサポーター養成講座を開始", "青森県精神保健福祉協会"]
    assert rows[2] == ["2016年度", "精神障害者アウトリーチ支援事業を開始", "市内精神科病院（1か所）"]
    # an event that ends with its step, then one that starts with a bracketed name: two events
    assert rows[5:7] == [
        ["2020年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始", ""],
        ["", "「八戸市こころの地域ケア会議」を設置", ""],
    ]


def test_a_councils_header_cell_wrapped_after_the_cells_beside_it_tells_no_width():
    # PyMuPDF of a LibreOffice PDF: `開催頻度` wrapped, its `頻度` written after the notes' header cell;
    # read as if in order, `実施内容` would tell the activities' column a width of 4, and a council's
    # activities wrapped (`…、フォ` / `ローアップ研修`) would lose their rest to the empty notes
    rows = _cells(
        "名称\n協議の場の構成員\n開催\n実施内容\n特記事項等(課題・強み等)\n頻度\n山形県精神保\n健福祉審議会\n"
        "精神科病院協会、精神神経科診療所協\n会、医師会、市長会、町村会、家族会\n年2回\n"
        "・圏域連絡会議からの課題\nの集約\n圏域から上がる課題が多\nく、協議しきれない。\n"
        "ピアサポータ\nー連絡会\nピアサポーター、精神保健福祉センタ\nー、派遣先病院職員\n四半期ごと\n"
        "活動報告、派遣調整、フォ\nローアップ研修\n支援検討会\n"
        "障害福祉課、精神保健福祉センター、保\n健所\n随時\n未設置市町村への支援方法\nの検討\n"
        "未設置8市町村のうち5\n町村が共同設置を検討\n中。"
    )
    assert [(r[0], r[2], r[3], r[4]) for r in rows[1:]] == [
        (
            "山形県精神保健福祉審議会",
            "年2回",
            "・圏域連絡会議からの課題の集約",
            "圏域から上がる課題が多く、協議しきれない。",
        ),
        ("ピアサポーター連絡会", "四半期ごと", "活動報告、派遣調整、フォローアップ研修", ""),
        ("支援検討会", "随時", "未設置市町村への支援方法の検討", "未設置8市町村のうち5町村が共同設置を検討中。"),
    ]


_PYMUPDF_HISTORY = (  # PyMuPDF: a cell per line, an event wrapped at its column's width (about 31 characters)
    "市の精神保健福祉課と精神保健福祉センターが全市の協議の場を運営し、各区の地域移行支援連絡会で病院と\n"
    "地域の事業所が個別ケースを検討する二層の体制をとる。\n"
    "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n"
    "年度\n経過\n委託\n平成18年度\n精神障害者退院促進支援事業を開始し、市内3病院をモデル病院に指定\n岡山市社会福祉事業団\n"
    "平成26年度\n区保健センターごとに「区地域移行支援連絡会」を設置し、病院と地\n域事業所の個別ケース検討を開始\n"
    "ピアサポーター養成研修を開始\n岡山市精神保健福祉家族会連\n合会\n"
    "令和元年度\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、\n全市の推進会議を設置\n"
    "令和3年度\n長期入院者の実態調査を市内12病院で実施し、1年以上入院者のうち\n約3割が条件が整えば退院可能と判明\n"
    "岡山県精神科病院協会\n"
    "令和4年度\n居住支援法人・不動産団体との意見交換会を初めて開催"
)


def test_an_event_s_second_line_is_no_commission_s_first_to_learn_its_width_from():
    # the event of one line as wide as the widest (`…1年以上入院者のうち`) ends short of its step: read
    # first as the commission's, its second line told the 委託 column a width it does not have, and the
    # wrapped commission `…家族会連` / `合会` was cut into a commission and an event
    assert _cells(_PYMUPDF_HISTORY)[4:] == [
        ["平成18年度", "精神障害者退院促進支援事業を開始し、市内3病院をモデル病院に指定", "岡山市社会福祉事業団"],
        [
            "平成26年度",
            "区保健センターごとに「区地域移行支援連絡会」を設置し、病院と地域事業所の個別ケース検討を開始",
            "",
        ],
        ["", "ピアサポーター養成研修を開始", "岡山市精神保健福祉家族会連合会"],
        ["令和元年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、全市の推進会議を設置", ""],
        [
            "令和3年度",
            "長期入院者の実態調査を市内12病院で実施し、1年以上入院者のうち約3割が条件が整えば退院可能と判明",
            "岡山県精神科病院協会",
        ],
        ["令和4年度", "居住支援法人・不動産団体との意見交換会を初めて開催", ""],
    ]


def test_an_event_cut_inside_a_word_goes_on_in_the_line_below_not_the_commission():
    # `…障害福祉計画の成果目` fills the events' column and the next line starts with the word's last kanji
    # and a particle (`標に反映`): the event's rest, not a commission
    text = _PYMUPDF_HISTORY + "\n令和5年度\nワーキンググループの検討結果を踏まえ、第7期障害福祉計画の成果目\n標に反映"
    assert _cells(text)[-1] == [
        "令和5年度",
        "ワーキンググループの検討結果を踏まえ、第7期障害福祉計画の成果目標に反映",
        "",
    ]


def test_an_event_s_rest_that_ends_as_a_verb_s_past_is_no_commission():
    # PyMuPDF: `…全県の協議の場と` / `位置付けた` is one event; the line after it, the year's next event
    rows = _cells(
        "年度\n経過\n委託\n平成27年度\n長期入院精神障害者の地域移行に向けた病院訪問を本格実施\n地域移行推進員（相談支援事業\n所）\n"
        "平成30年度\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と\n位置付けた\n"
        "9圏域すべてで保健所圏域会議を立ち上げ\n"
        "令和2年度\n新型コロナウイルス感染症の影響により圏域会議を書面開催へ切り\n替え"
    )
    assert rows[1:] == [
        ["平成27年度", "長期入院精神障害者の地域移行に向けた病院訪問を本格実施", "地域移行推進員（相談支援事業所）"],
        ["平成30年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始", ""],
        ["", "県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付けた", ""],
        ["", "9圏域すべてで保健所圏域会議を立ち上げ", ""],
        ["令和2年度", "新型コロナウイルス感染症の影響により圏域会議を書面開催へ切り替え", ""],
    ]


def test_an_event_and_a_body_s_kind_after_it_on_its_line_are_two_cells():
    # pypdf: a row's cells joined on its line; `…3か所で開催 特定非営利活動法人へ委託` is the event and its
    # commission, the next line the year's next event (read as one event, the line had told the events'
    # column a width so wide that the first event's wrapped rest became a row of its own)
    rows = _cells(
        "年度 経過 委託\n平成30年度 北海道精神障害者地域生活支援推進会議を設置。地域移行に関する道内\nの現状を整理\n"
        "令和元年度 石狩、上川、十勝の3圏域で協議の場を設置\n"
        "令和2年度 残る18圏域で協議の場を設置し、全21圏域での設置が完了\n"
        "令和3年度 オンライン会議システムによる圏域間事例検討会を開始 北海道精神保健福祉士協会\nへ委託\n"
        "長期入院者実態調査（全道146病院）を実施\n"
        "令和4年度 ピアサポーター養成研修を札幌、旭川、帯広の3か所で開催 特定非営利活動法人へ委託\n"
        "圏域アドバイザー派遣事業を開始 ↓"
    )
    assert rows[1:] == [
        ["平成30年度", "北海道精神障害者地域生活支援推進会議を設置。地域移行に関する道内の現状を整理", ""],
        ["令和元年度", "石狩、上川、十勝の3圏域で協議の場を設置", ""],
        ["令和2年度", "残る18圏域で協議の場を設置し、全21圏域での設置が完了", ""],
        ["令和3年度", "オンライン会議システムによる圏域間事例検討会を開始", "北海道精神保健福祉士協会へ委託"],
        ["", "長期入院者実態調査（全道146病院）を実施", ""],
        ["令和4年度", "ピアサポーター養成研修を札幌、旭川、帯広の3か所で開催", "特定非営利活動法人へ委託"],
        ["", "圏域アドバイザー派遣事業を開始", "↓"],
    ]


def test_a_years_mark_written_before_its_events_box_is_its_first_rows_commission():
    # plain pdftotext (柏市): the 委託 column's `↓` comes right after its year, before the box that holds
    # the year's two events; read in place it was the first event, and the event its commission
    #     平成24年度 / (blank) / ↓ / (blank) / 地域移行支援の制度化 / 柏市自立支援協議会…として位置づける
    rows = rewritten_rows((FIXTURES / "converters" / "kashiwa-r6--pdftotext.txt").read_text())
    at = next(k for k, row in enumerate(rows) if row[0] == "平成24年度")
    assert rows[at : at + 2] == [
        ["平成24年度", "地域移行支援の制度化", "↓"],
        ["", "柏市自立支援協議会相談支援部会の連絡会として位置づける", ""],
    ]


# pref-mie-fy2024's annual schedule as pdftotext writes its LibreOffice PDF: a range's end (`6月`) after the
# item, which LibreOffice set level with the month's first line, at the end of their box
_RANGE_AFTER_ITEM = (
    "人口 (R6 年 4 月時点)\n\n"  # a LibreOffice PDF's text: the renderer's gap before 月
    "時期(月)\nR6 年 4 月\n\n実施内容\n事業計画の共有\n\n具体的な取組\n保健所担当者会議（第 1 回）\n\n"
    "R6 年 5 月～\n未設置町への訪問\n6月\n\n保健所による個別訪問、共同設置の\n意向確認\n\n"
    "R6 年 7 月\n\n第 1 回 地域移行・地域生活支援部会\n\n今年度の重点課題の決定、ガイド改\n訂の方針の協議"
)


def test_a_ranges_end_after_the_item_beside_its_first_line_goes_on_the_month():
    rows = rewritten_rows(_RANGE_AFTER_ITEM)
    assert rows[1:] == [
        ["R6年4月", "事業計画の共有", "保健所担当者会議（第1回）"],
        ["R6年5月～6月", "未設置町への訪問", "保健所による個別訪問、共同設置の意向確認"],
        ["R6年7月", "第1回 地域移行・地域生活支援部会", "今年度の重点課題の決定、ガイド改訂の方針の協議"],
    ]
    # the same text of another converter (no renderer's gaps): a month after the item may be the next row's
    other = rewritten_rows(_RANGE_AFTER_ITEM.replace("R6 年 4 月時点", "R6年4月時点"))
    assert [r[0] for r in other[1:4]] == ["R6 年 4 月", "R6 年 5 月～", "6月"]
    # a range left open (`R7年4月～`: from April on) before a month of the next row in the same box, or after
    # the item at the box's end in a text with no renderer's gaps (no LibreOffice PDF's)
    rows = _cells("時期(月)\n実施内容\n具体的な取組\nR7年4月～\n個別支援\n随時の訪問\n5月\n研修会\n全2回")
    assert [r[0] for r in rows[1:]] == ["R7年4月～", "5月"]
    rows = _cells("時期(月)\n実施内容\n具体的な取組\nR7年4月～\n個別支援\n5月\n\n研修会\n全2回")
    assert rows[1:] == [["R7年4月～", "個別支援", ""], ["5月", "研修会", "全2回"]]


@pytest.mark.parametrize("converter", ["pypdf", "docx2txt", "pdftotext-raw", "pdftotext"])
def test_an_issue_that_opens_with_a_label_of_its_own_is_a_row(converter, converted):
    """An issue written `【連携】医療、保健、…` (a label of the author's, not the template's 【その他事項】): the table
    goes on past it (its marker had ended the table there, and the issues were left as text)."""
    from nikosheet import parse_text_data

    path = FIXTURES / "converters" / f"kawaguchi-r5--{converter}.txt"
    text = re.sub(r"(?m)^(\f?)(医療、保健、福祉の相互理解)", r"\1【連携】\2", path.read_text(encoding="utf-8"), count=1)
    issues = parse_text_data(text)["strengths_and_issues"]["issues"]
    plain = converted(path)["strengths_and_issues"]["issues"]
    assert issues[0]["issue"] == "【連携】" + plain[0]["issue"]
    assert issues[0]["issue"].startswith("【連携】医療、保健、福祉の相互理解が十分にできておらず")
    assert [i["roles"] for i in issues] == [i["roles"] for i in plain]
    assert len(issues) == 2


# a city's history as plain pdftotext wrote its Chromium PDF: an event's last words (`保健師を配置`) in a box of
# their own after the row's commission (`市直営`)
_HISTORY_REST_AFTER_COMMISSION = (
    "\n"
    "年度\n"
    "\n"
    "経過\n"
    "\n"
    "委託\n"
    "\n"
    "平成22年度 精神障がい者地域移行支援事業を開始\n"
    "\n"
    "市内の相談支援事業所2か所が\n"
    "受託\n"
    "\n"
    "平成26年度 福岡市精神保健福祉審議会に地域移行・地域定着推進部会を設置\n"
    "平成30年度 措置入院者等退院後支援事業を開始し、各区保健福祉センターに担当\n"
    "\n"
    "市直営\n"
    "\n"
    "保健師を配置\n"
    "令和元年度\n"
    "\n"
    "「精神障がいにも対応した地域包括ケアシステム」の市協議の場とし\n"
    "て同部会を位置づけ\n"
    "ピアサポーター派遣事業を開始\n"
    "\n"
    "NPO法人が受託\n"
    "\n"
    "令和3年度\n"
    "\n"
    "7区すべてで区精神保健福祉連絡会議を開催\n"
    "\n"
    "市直営\n"
    "\n"
    "令和4年度\n"
    "\n"
    "居住支援協議会に精神障がい者の住まい確保に関する作業部会を設置\n"
    "\n"
    "↓\n"
    "\n"
)


def test_an_events_last_words_after_its_commission_go_on_the_event():
    """`…各区保健福祉センターに担当` `市直営` `保健師を配置`: the event's line fills its column and ends no step, and
    the short step after the commission's box is its end (it had been the year's next event, and every later row
    one place off)."""
    from nikosheet import parse_text_data

    source = (FIXTURES / "converters" / "kawaguchi-r5--pdftotext.txt").read_text(encoding="utf-8")
    head, rest = source.split("取組の経緯（地域課題）\n", 1)
    text = head + "取組の経緯（地域課題）\n" + "".join(_HISTORY_REST_AFTER_COMMISSION) + rest
    events = [(e["period"], e["description"], e["commission"]) for e in parse_text_data(text)["history"]["events"]]
    assert events[2] == (
        "平成30年度",
        "措置入院者等退院後支援事業を開始し、各区保健福祉センターに担当保健師を配置",
        "市直営",
    )
    assert events[3][0] == "令和元年度"
    assert [e[0] for e in events] == [
        "平成22年度",
        "平成26年度",
        "平成30年度",
        "令和元年度",
        "令和元年度",
        "令和3年度",
        "令和4年度",
    ]


def test_an_event_that_closes_its_bracket_is_whole_and_the_step_after_its_commission_the_years_next_event():
    """`…を開始（各区保健福祉センターの保健師が担当）` `市直営` `ピアサポーターを配置`: an event's line that ends with a
    closing bracket is whole, however wide; the step after the commission is the year's next event."""
    from nikosheet import parse_text_data

    block = (
        "".join(_HISTORY_REST_AFTER_COMMISSION)
        .replace(
            "平成30年度 措置入院者等退院後支援事業を開始し、各区保健福祉センターに担当",
            "平成30年度 措置入院者等退院後支援事業を開始（各区保健福祉センターの保健師が担当）",
        )
        .replace("保健師を配置", "ピアサポーターを配置")
    )
    source = (FIXTURES / "converters" / "kawaguchi-r5--pdftotext.txt").read_text(encoding="utf-8")
    head, rest = source.split("取組の経緯（地域課題）\n", 1)
    events = parse_text_data(head + "取組の経緯（地域課題）\n" + block + rest)["history"]["events"]
    assert [(e["period"], e["description"]) for e in events[2:4]] == [
        ("平成30年度", "措置入院者等退院後支援事業を開始（各区保健福祉センターの保健師が担当）"),
        ("平成30年度", "ピアサポーターを配置"),
    ]


@pytest.mark.parametrize("converter", ["pypdf", "docx2txt", "pdftotext-raw"])
def test_a_label_of_the_authors_own_after_another_table_still_ends_it(converter, converted):
    """`【補足】各部門の会議に…` right after section 6's sectors: only the issues' table goes on past an author's label
    (an issue's first line); the sectors' table ends there, and the note stays text."""
    from nikosheet import parse_text_data

    path = FIXTURES / "converters" / f"kawaguchi-r5--{converter}.txt"
    text = path.read_text(encoding="utf-8").replace(
        "※別紙参照", "【補足】各部門の会議に保健所職員が参加している。\n※別紙参照", 1
    )
    doc = parse_text_data(text)
    assert doc["coordination"]["sectors"] == converted(path)["coordination"]["sectors"]
    assert not any("補足" in str(sector) for sector in doc["coordination"]["sectors"])


def test_an_issues_label_before_an_ideographic_space_opens_its_row(converted):
    from nikosheet import parse_text_data

    path = FIXTURES / "converters" / "kawaguchi-r5--pypdf.txt"
    text = re.sub(r"(?m)^(医療、保健、福祉の相互理解)", "【連携】\u3000\\1", path.read_text(encoding="utf-8"), count=1)
    issues = parse_text_data(text)["strengths_and_issues"]["issues"]
    assert issues[0]["issue"].startswith("【連携】") and issues[0]["issue"].endswith("支援体制が整っていない")
    assert [i["roles"] for i in issues] == [i["roles"] for i in converted(path)["strengths_and_issues"]["issues"]]


def test_an_issues_label_of_its_own_is_no_end_of_the_issues_table_read_box_by_box():
    from nikosheet.parsing.forms.column_runs import ends_table

    box = [(0, "【市町村の取組】小規模町村では", False)]
    assert ends_table(box) and not ends_table(box, issues=True)
    assert ends_table([(0, "【課題】", False)], issues=True) and ends_table(
        [(0, "【その他事項】 ※…", False)], issues=True
    )


def test_a_department_s_name_wrapped_before_its_section_s_last_character_stays_whole():
    # pypdf: the name (`保健福祉部 障がい福祉課`) wrapped before its `課`, its duties on the lines below
    rows = _cells(
        "所管部署名 所管部署における主な業務\n保健福祉部 障がい福祉\n課\n"
        "にも包括構築推進事業の企画・予算、推進会議の運営、精神科救急医療体制の整備、措置\n入院に関する事務\n"
        "精神保健福祉センター 市町村・保健福祉事務所への技術支援、人材育成研修\n"
        "連携部署名 連携部署における主な業務\n土木部 建築住宅課 県営住宅の入居、居住支援協議会の運営"
    )
    assert rows[1:3] == [
        [
            "保健福祉部 障がい福祉課",
            "にも包括構築推進事業の企画・予算、推進会議の運営、精神科救急医療体制の整備、措置入院に関する事務",
        ],
        ["精神保健福祉センター", "市町村・保健福祉事務所への技術支援、人材育成研修"],
    ]


def test_a_month_s_mark_written_a_stripe_later_goes_back_to_its_range():
    # plain pdftotext of a Chromium PDF: `R6年5月～6`, the item, the details' first item, then the range's `月`
    # alone and the details' next item (the narrow month column wrapped the range's last 月)
    rows = _cells(
        "時期(月)\n\n実施内容\n\n具体的な取組\n\nR6年4月\n\n地域移行検討会（以降毎月）\n\n今年度の対象者の選定\n\n"
        "R6年5月～6\n\n第1回精神保健福祉部会\n\n・今年度の重点課題の確認\n\n月\n\n・空き状況の調査様式の検討\n\n"
        "R6年8月\n\n第2回精神保健福祉部会\n\nグループホームの空き状況の共有\n"
    )
    assert rows[2] == ["R6年5月～6月", "第1回精神保健福祉部会", "・今年度の重点課題の確認 ・空き状況の調査様式の検討"]
    assert rows[3][0] == "R6年8月"


@pytest.mark.parametrize(
    ("name", "row", "column"),
    [
        ("pref-gifu-fy2024--pypdf", 2, "actual"),  # `登録者数` / `43人`, `病院訪問` / `52回`
        ("core-himeji-fy2024--pdftotext-raw", 1, "actual"),  # `支援計画の作成率` / `86%`
    ],
)
def test_an_indicator_s_count_wrapped_to_a_line_of_its_own_takes_back_its_space(name, row, column, converted, parsed):
    # the page wrapped the space the sheet writes between a word and its count: a cell a line puts it back
    read = converted(FIXTURES / "converters" / f"{name}.txt")["outcomes"]["indicators"][row][column]
    sheet = parsed(name.split("--")[0] + ".txt")["outcomes"]["indicators"][row][column]
    assert read == sheet
    assert any(" " in value for value in read)


# pref-ehime-fy2023's councils (a sheet measured apart) as plain pdftotext wrote its LibreOffice PDF: the first
# council's frequency `2回/年` wrapped, its `/年` heading the line of the activities' next line, a space between
_FREQUENCY_END_BESIDE = (
    "人口 (R5 年 4 月時点)\n\n"
    "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"
    "名称\n\n協議の場の構成員\n\n開催\n頻度\n\n実施内容\n\n特記事項等(課\n題・強み等)\n\n"
    "愛媛県精神科病院協会、愛媛県医師会、愛媛県\n精神神経科診療所協会、愛媛県相談支援専門員\n愛媛県精神障がいにも\n"
    "協会、愛媛県精神保健福祉士協会、愛媛県精神\n対応した地域包括ケア\n保健福祉会連合会、ピアサポーター、愛媛県市\n"
    "システム推進会議\n長会、愛媛県町村会、保健所長会、心と体の健\n康センター、健康増進課、障がい福祉課\n\n"
    "・県全域の地域課題の整\n2 回 理 ・退院意向調査結果の\n/年 分析及び対応策の協議 ・\n圏域協議の場からの報告\n\n"
    "委員数が多\nく、一人ひと\nりが発言でき\nる時間が限ら\nれている。\n\n"
    "保健所圏域協議の場\n（四国中央・西条・今\n管内精神科病院、市町、相談支援事業所、地域\n治・中予・八幡浜・宇\n"
    "包括支援センター、保健所\n和島保健所圏域精神保\n健福祉連絡会議）\n\n圏域の課題の抽出、個別\n"
)


def test_a_frequency_whose_end_heads_the_next_cells_line_is_whole():
    """`2 回` / `/年 分析及び対応策の協議`: the frequency `2回/年` (it had been `2回`, `/年` left in the activities)."""
    from nikosheet import parse_text_data

    council = parse_text_data(_FREQUENCY_END_BESIDE)["councils"]["meetings"][0]
    assert (council["frequency"]["text"], council["frequency"]["per_year"]) == ("2回/年", 2)
    assert "退院意向調査結果の分析及び対応策の協議" in council["activities"]


def _with_departments(block: str) -> dict:
    """core-asahikawa-fy2024's plain pdftotext of its LibreOffice PDF, its departments' rows replaced by `block`
    (another sheet's, as the same converter wrote them): the sheet's departments as read."""
    from nikosheet import parse_text_data

    text = (FIXTURES / "converters" / "core-asahikawa-fy2024--lopdf-pdftotext.txt").read_text(encoding="utf-8")
    head, rest = text.split("所管部署における主な業務\n", 1)
    tail = rest[rest.index("連携部署名\n") :]
    return parse_text_data(head + "所管部署における主な業務\n\n" + block + "\n" + tail)["coordination"]


# ward-koto-fy2023's departments (a sheet measured apart) as plain pdftotext wrote its LibreOffice PDF: a name cut
# before its `課`, its first line and the duties' on one line, a space between
_NAME_CUT_BESIDE_DUTIES = (
    "保健予防課\n\n保健所にて、精神保健福祉に関する相談・訪問、措置入院者等の退院後支援、精神保健福祉の普及啓発等\n"
    "を実施\n\n"
    "障害者支援 区役所本庁舎にて、障害者総合支援法に基づく障害福祉サービスの支給決定、相談支援体制の整備、自立\n"
    "課\n支援協議会の運営等を実施\n"
)
# core-naha-fy2024's: a name whose bracket the narrow column left open (`地域保健課（保健` / `所）`), and the last
# name written after its duties (a line centred beside two), which pdftotext wrote in the box above's
_NAME_AFTER_DUTIES = (
    "地域保健課（保健 精神保健福祉相談、措置入院者等の退院後支援、未治療・治療中断者へのアウトリーチ支援、精神保\n"
    "所）\n健福祉の普及啓発\n"
    "障害者総合支援法に基づく障害福祉サービスの支給決定、地域自立支援協議会の運営、精神障害者保\n"
    "健福祉手帳・自立支援医療の受付\n\n障がい福祉課\n"
)
# designated-fukuoka-fy2023's: the same, the bracket's rest four characters (`ンター）`)
_NAME_AFTER_DUTIES_FUKUOKA = (
    "精神保健福祉センター（こころの健康セ 市協議の場の事務局、精神保健福祉相談、措置入院者等退院後支援事業の総\n"
    "ンター）\n括、人材育成研修\n地域移行・地域定着支援事業、障がい福祉サービスの支給に関する業務、自立\n"
    "支援協議会の運営\n\n障がい者在宅支援課\n"
)


def test_a_department_cut_before_its_end_beside_its_duties_is_whole():
    """`障害者支援 区役所本庁舎にて…` / `課`: the name `障害者支援課` (the row had been read into the one above)."""
    departments = _with_departments(_NAME_CUT_BESIDE_DUTIES)["departments"]
    assert [(d["name"], d["duties"]) for d in departments] == [
        (
            "保健予防課",
            "保健所にて、精神保健福祉に関する相談・訪問、措置入院者等の退院後支援、精神保健福祉の普及啓発等を実施",
        ),
        (
            "障害者支援課",
            "区役所本庁舎にて、障害者総合支援法に基づく障害福祉サービスの支給決定、相談支援体制の整備、自立支援協議会の運営等を実施",
        ),
    ]


@pytest.mark.parametrize(
    ("block", "first", "last"),
    [
        (
            _NAME_AFTER_DUTIES,
            ("地域保健課（保健所）", "精神保健福祉の普及啓発"),
            ("障がい福祉課", "自立支援医療の受付"),
        ),
        (
            _NAME_AFTER_DUTIES_FUKUOKA,
            ("精神保健福祉センター（こころの健康センター）", "人材育成研修"),
            ("障がい者在宅支援課", "自立支援協議会の運営"),
        ),
    ],
)
def test_the_last_department_written_after_its_duties_takes_them(block, first, last):
    """The first name's bracket closed from its next line, and the last name, written after its duties, takes
    the lines after the one that ended the row above's (both had been one name, every duty the first's)."""
    departments = _with_departments(block)["departments"]
    assert [d["name"] for d in departments] == [first[0], last[0]]
    assert departments[0]["duties"].endswith(first[1]) and departments[1]["duties"].endswith(last[1])
    assert last[1] not in departments[0]["duties"]


# core-toyonaka-fy2024's departments (a sheet measured apart), the last duties' lines broken where a writer might:
# their last line `務局`, a department's end in form, is no name written after its duties (no box of its own)
_DUTIES_END_LIKE_A_NAME = (
    "保健予防課(保健所) 精神保健福祉相談・訪問支援、措置入院者等の退院後支援、推進協議会の事務局\n"
    "障害福祉課 障害福祉サービスの支給決定\n"
    "自立支援協議会の運営、地域移行支援の推進、相談支援体制の整備、地域生活支援拠点の整\n"
    "備、基幹相談支援センターの運営、地域移行支援の推進、推進協議会の事\n務局\n"
)
# core-asahikawa-fy2024's, its duties a list and a last department whose duties are left empty
_LIST_BEFORE_AN_EMPTY_ROW = (
    "障害福祉課\n\n・障害者手帳の交付\n・障害者総合支援法に基づく業務、障害福祉サービスの支給決定、自立支援協\n"
    "議会の運営\n・地域移行支援\n\n保健所健康推進課\n"
)


@pytest.mark.parametrize("block", [_DUTIES_END_LIKE_A_NAME, _LIST_BEFORE_AN_EMPTY_ROW], ids=["duties' end", "a list"])
def test_no_duties_move_to_a_last_name_that_is_no_box_of_its_own_or_after_a_list(block):
    departments = _with_departments(block)["departments"]
    duties = " ".join(d["duties"] or "" for d in departments)
    owner = next(d for d in departments if "地域移行支援" in (d["duties"] or ""))
    assert owner["name"].startswith("障害福祉課")
    assert duties.count("地域移行支援") == owner["duties"].count("地域移行支援")
