"""The history written by plain pdftotext: a bracketed 委託 box away from its row, years written together."""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, cell_lines_tables


def _rows(text: str) -> list[str]:
    state = FormState(text.split("\n"), text)
    cell_lines_tables.apply(state)
    return [ln for ln in state.lines if ln]


_HEAD = "年度\n\n経過\n\n委託\n\n平成18年度 精神障害者退院促進支援事業を開始\n\n特定非営利活動法人 はままつ\n\n"


def test_a_bracketed_commission_after_the_next_year_is_the_row_s_above():
    rows = _rows(
        _HEAD + "平成28年度 熊本地震の被災者のこころのケアを開始\n区地域移行連絡会を全5区に拡大\n令和2年度\n\n"
        "（直営）\n\n熊本市精神障害にも対応した地域包括ケアシステ\nム構築推進会議を設置\n令和4年度\n\n"
        "精神科救急地域連携会議を設置\n\n社会福祉法人 熊本市社会福祉事業団"
    )
    assert rows[1:] == [
        "平成18年度\t精神障害者退院促進支援事業を開始\t特定非営利活動法人 はままつ",
        "平成28年度\t熊本地震の被災者のこころのケアを開始\t",
        "\t区地域移行連絡会を全5区に拡大\t（直営）",
        "令和2年度\t熊本市精神障害にも対応した地域包括ケアシステム構築推進会議を設置\t",
        "令和4年度\t精神科救急地域連携会議を設置\t社会福祉法人 熊本市社会福祉事業団",
    ]


def test_a_bracketed_commission_where_the_rows_above_have_theirs_is_its_year_s():
    rows = _rows(
        _HEAD + "平成25年度 地域移行支援の個別給付化に合わせて事業を再編\n\n↓\n\n令和2年度\n\n（直営）\n\n"
        "岡崎市精神障害にも対応した地域包括ケアシステム\n推進会議を設置\n地域移行部会を設置"
    )
    assert rows[3:] == [
        "令和2年度\t岡崎市精神障害にも対応した地域包括ケアシステム推進会議を設置\t（直営）",
        "\t地域移行部会を設置\t",
    ]


def test_a_bracketed_line_inside_an_event_stays_there():
    rows = _rows(_HEAD + "令和2年度\n\n協議の場を設置\n（モデル事業）\n\n直営")
    assert rows[2] == "令和2年度\t協議の場を設置（モデル事業）\t直営"


def test_years_written_together_share_the_rows_after_them_in_order():
    rows = _rows(
        _HEAD + "平成30年度 退院支援を開始\n\n県社協\n\n家族教室を開始\n令和元年度\n\n令和2年度\n\n"
        "相談窓口を設置\n\n直営\n\n研修会を開始\n\nNPO法人 つばさ\n\n協議の場を設置\nピア活動を開始\n\nピアの会\n\n"
        "令和3年度\n\n実態調査を実施\n\n↓"
    )
    assert rows[4:] == [
        "令和元年度\t相談窓口を設置\t直営",
        "\t研修会を開始\tNPO法人 つばさ",
        "令和2年度\t協議の場を設置\t",
        "\tピア活動を開始\tピアの会",
        "令和3年度\t実態調査を実施\t↓",
    ]


def test_a_bracketed_box_before_an_event_s_wrapped_rest_is_read_where_it_stands():
    rows = _rows(
        _HEAD + "平成28年度 精神保健福祉総合センターにアウトリーチ支援チームを設\n\n（直営）\n\n置\n\n"
        "平成30年度 精神保健福祉審議会に地域移行・地域定着部会を設置\n\n↓\n\n"
        "令和2年度 全5区に区にも包括推進会議を設置\n\nピアサポーター派遣事業を開始\n\n特定非営利活動法人 杜のピアネット"
    )
    assert rows[-2] == "令和2年度\t全5区に区にも包括推進会議を設置\t"
