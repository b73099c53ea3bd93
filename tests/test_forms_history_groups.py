"""The history of plain pdftotext of a LibreOffice PDF: boxes placed by the years centred over their groups."""

from __future__ import annotations

from conftest import apply_form, form_state
from nikosheet.parsing.forms import history_groups

_TITLE = "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯"
_RESULTS = "精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
_AFTER = (
    "\n\n令和5年度の意向調査では、長期入院者の約3割が地域での生活を希望しており、住まいの確保と退院前の体験の機会\n"
    "が課題として挙げられた。\n\n4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n\f"
)


def _rows(body: str) -> list[str]:
    text = f"R6 年 4 月時点\n{_TITLE}\n年度\n\n経過\n\n委託\n\n{body}{_AFTER}"
    lines = [ln for ln in apply_form(history_groups, text) if ln is not None]
    return lines[lines.index("年度\t経過\t委託") + 1 : lines.index("") if "" in lines else None]


def test_a_year_centred_among_three_events_takes_the_one_above_it_too():
    rows = _rows(
        "平成18年\n精神障害者退院促進支援事業を開始\n度\n\n特定非営利活動法人 さかい地域生活支援ネッ\nトワーク\n\n"
        "地域移行支援・地域定着支援の個別給付化\n平成24年\n退院促進支援事業を地域体制整備事業に再編\n度\n"
        "ピアサポーターの養成を開始\n\n↓\n\n平成30年 「堺市精神障害にも対応した地域包括ケアシステム推進会\n度\n"
        "議」を設置\n\n社会福祉法人 堺市社会福祉事業団"
    )
    assert rows == [
        "平成18年度\t精神障害者退院促進支援事業を開始\t特定非営利活動法人 さかい地域生活支援ネットワーク",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化\t↓",
        "\t退院促進支援事業を地域体制整備事業に再編\t",
        "\tピアサポーターの養成を開始\t",
        "平成30年度\t「堺市精神障害にも対応した地域包括ケアシステム推進会議」を設置\t社会福祉法人 堺市社会福祉事業団",
    ]


def test_years_written_before_their_events_and_a_commission_after_its_group():
    rows = _rows(
        "令和元年\n度\n令和4年\n度\n\n「高松市精神障害にも対応した地域包括ケアシステム検\n\n↓\n\n討会」を設置\n\n"
        "島しょ部（男木島・女木島）での訪問支援を開始\n\n作業部会を設置し、検討会の下で具体的な取組を企画す\nる体制とした"
    )
    assert rows == [
        "令和元年度\t「高松市精神障害にも対応した地域包括ケアシステム検討会」を設置\t↓",
        "令和4年度\t島しょ部（男木島・女木島）での訪問支援を開始\t",
        "\t作業部会を設置し、検討会の下で具体的な取組を企画する体制とした\t",
    ]


def test_a_commission_run_on_after_its_event_and_the_rest_of_both():
    rows = _rows(
        "平成17年 精神障害者退院促進支援事業を大阪府の事業とし\n度\nて開始\n"
        "平成22年 市の事業として精神障害者地域移行支援事業を開 特定非営利活動法人 とよなか精神保健福祉ネットワーク\n"
        "度\n始\nほっと"
    )
    assert rows == [
        "平成17年度\t精神障害者退院促進支援事業を大阪府の事業として開始\t",
        "平成22年度\t市の事業として精神障害者地域移行支援事業を開始\t"
        "特定非営利活動法人 とよなか精神保健福祉ネットワークほっと",
    ]


def test_a_cell_left_unread_leaves_the_table_to_the_next_form():
    body = "平成16年\n精神障害者地域移行支援事業\n「柏市精神障害者地域移行\n"
    text = f"R6 年 4 月時点\n{_TITLE}\n年度\n経過\n委託\n{body}{_AFTER}"
    assert apply_form(history_groups, text) == text.split("\n")


def test_a_year_run_into_its_event_with_no_space_and_an_event_of_three_lines_around_its_year():
    rows = _rows(
        "平成16年度\n精神障害者社会復帰促進事業を市の単独事業として開始し、市内の精\n"
        "神科病院と地域の相談支援事業所の連携会議を年2回開催することと\nした\n\n"
        "特定非営利活動法人 ひまわり精神保健\n福祉地域生活支援ネットワーク協議会\n\n平成21\n退院支援員を配置\n年度\n"
        "地域移行支援の個別給付化に合わせて事業を再編\n平成27ピアサポーターの派遣を開始\n年度\n地域移行推進会議を設置\n\n"
        "社会福祉法人 あさひ会\n↓\n（直営）"
    )
    assert rows == [
        "平成16年度\t精神障害者社会復帰促進事業を市の単独事業として開始し、市内の精神科病院と地域の相談支援事業所の"
        "連携会議を年2回開催することとした\t特定非営利活動法人 ひまわり精神保健福祉地域生活支援ネットワーク協議会",
        "平成21年度\t退院支援員を配置\t",
        "平成27年度\t地域移行支援の個別給付化に合わせて事業を再編\t社会福祉法人 あさひ会",
        "\tピアサポーターの派遣を開始\t↓",
        "\t地域移行推進会議を設置\t（直営）",
    ]


def test_a_year_on_its_event_s_last_line_and_the_history_s_text_before_the_table():
    before = "県内の精神科病院には1年以上の長期入院者が多く、退院後の住まいや日中活動の場の不足が課題となって\nいる。"
    body = (
        "平成26年\n度\n精神障害者地域移行支援事業を市単独事業として開始\n社会福祉法人 白鷺会\n平成29年\n度\n"
        "精神科病院長期入院者の実態調査を実施（市内7病院）\n↓\n"
        "「姫路市精神障害にも対応した地域包括ケアシステム推進会議」を設\n令和2年度 置\n"
        "地域移行部会・普及啓発部会を設置\n"
        "令和4年度 「ひめじ こころの相談サポーター」派遣事業を開始"
    )
    text = f"R6 年 4 月時点\n{_TITLE}\n{before}\n年度\n経過\n委託\n{body}\n\n4 {_RESULTS}\n\f"
    lines = [ln for ln in apply_form(history_groups, text) if ln]
    assert lines[3:9] == [
        "いる。",
        "年度\t経過\t委託",
        "平成26年度\t精神障害者地域移行支援事業を市単独事業として開始\t社会福祉法人 白鷺会",
        "平成29年度\t精神科病院長期入院者の実態調査を実施（市内7病院）\t↓",
        "令和2年度\t「姫路市精神障害にも対応した地域包括ケアシステム推進会議」を設置\t",
        "\t地域移行部会・普及啓発部会を設置\t",
    ]


def test_an_event_ending_on_its_step_in_other_words_takes_no_next_event():
    # `…へ改組` ends as an event does: the year's next event below it is its own row, not its rest
    rows = _rows(
        "平成 27 年\n度\n令和 2 年度\n\n越谷市精神障害者地域移行支援協議会を設置\n\n越谷市社会福祉協議会\n\n"
        "精神障害にも対応した地域包括ケアシステム推進会議へ改組\n\n↓\n\n実務者会議を設置"
    )
    assert rows == [
        "平成27年度\t越谷市精神障害者地域移行支援協議会を設置\t越谷市社会福祉協議会",
        "令和2年度\t精神障害にも対応した地域包括ケアシステム推進会議へ改組\t↓",
        "\t実務者会議を設置\t",
    ]


def test_an_event_placed_as_the_council_takes_no_next_event():
    rows = _rows(
        "平成 30 年度\n\nピアサポーターによる病院訪問を開始\n\n令和元年度～\n\n"
        "世田谷区精神保健福祉連絡協議会を「にも包括」の協議の場として位置づけ\n\n地域精神保健福祉連絡会を5地域で開催"
    )
    assert rows[1:] == [
        "令和元年度～\t世田谷区精神保健福祉連絡協議会を「にも包括」の協議の場として位置づけ\t",
        "\t地域精神保健福祉連絡会を5地域で開催\t",
    ]


def test_a_year_on_a_line_of_its_own_spans_the_box_of_events_after_it():
    rows = _rows(
        "令和元年度\n\n退院後支援ガイドラインを策定\n\n令和 3 年度\n\n「豊橋市こころの地域づくり推進会議」を設置\n"
        "住まい部会・就労部会を設置\n\n令和 5 年度 精神保健福祉士を保健所に 2 名増員"
    )
    assert rows == [
        "令和元年度\t退院後支援ガイドラインを策定\t",
        "令和3年度\t「豊橋市こころの地域づくり推進会議」を設置\t",
        "\t住まい部会・就労部会を設置\t",
        "令和5年度\t精神保健福祉士を保健所に 2 名増員\t",
    ]


def test_the_commission_of_the_group_above_between_a_year_and_its_events():
    rows = _rows(
        "令和元年度\n\nピアサポーター養成研修を開始\n\n令和 2 年度\n\n特定非営利活動法人 こころの木\n\n"
        "措置入院者の退院後支援を開始\n精神科救急の相談窓口を 24 時間化\n\n"
        "令和 3 年度 居住支援協議会に精神障害者の住まい部会を設置\n令和 4 年度 アウトリーチ支援チームを全区に拡大"
    )
    assert rows == [
        "令和元年度\tピアサポーター養成研修を開始\t特定非営利活動法人 こころの木",
        "令和2年度\t措置入院者の退院後支援を開始\t",
        "\t精神科救急の相談窓口を 24 時間化\t",
        "令和3年度\t居住支援協議会に精神障害者の住まい部会を設置\t",
        "令和4年度\tアウトリーチ支援チームを全区に拡大\t",
    ]


def test_a_commission_that_says_it_entrusts_is_no_event():
    rows = _rows(
        "平成 17 年\n精神障害者退院促進支援事業の開始（下越・中越の 2 圏域でモデル実施）\n度\n\n"
        "相談支援事業所へ委託\n\n"
        "平成 20 年\n全圏域へ事業を拡大し、地域移行推進員を配置\n度\n\n↓\n\n"
        "平成 24 年 地域移行支援・地域定着支援の個別給付化に伴い、地域体制整備コーディネー\n度\nターへ役割を移行\n"
        "平成 30 年\nピアサポーター養成研修の開始\n度\n令和元年\n度\n\n新潟県精神保健福祉協会へ\n委託\n\n"
        "「新潟県精神障害者地域生活支援推進会議」を県の協議の場として設置\n圏域の協議の場を 3 圏域で先行設置"
    )
    assert rows == [
        "平成17年度\t精神障害者退院促進支援事業の開始（下越・中越の 2 圏域でモデル実施）\t相談支援事業所へ委託",
        "平成20年度\t全圏域へ事業を拡大し、地域移行推進員を配置\t↓",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化に伴い、地域体制整備コーディネーターへ役割を移行\t",
        "平成30年度\tピアサポーター養成研修の開始\t新潟県精神保健福祉協会へ委託",
        "令和元年度\t「新潟県精神障害者地域生活支援推進会議」を県の協議の場として設置\t",
        "\t圏域の協議の場を 3 圏域で先行設置\t",
    ]


def test_a_table_a_page_break_cuts_and_an_event_run_on_after_a_year():
    rows = _rows(
        "平成 22\n各区役所に精神保健福祉相談員を増員\n年度\n"
        "地域移行支援・地域定着支援の個別給付化に伴い、指定一般相談支援事業所の指定を\n"
        "平成 24 進めるとともに、事業所向けの説明会を開催\n年度\n\n令和 4\n年度\n\nピアサポーター派遣事業を開始\n\n"
        "令和 5\n\n「川崎市こころの地域連携シート」の運用を開始\n\n\f年度"
    )
    assert rows == [
        "平成22年度\t各区役所に精神保健福祉相談員を増員\t",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化に伴い、指定一般相談支援事業所の指定を"
        "進めるとともに、事業所向けの説明会を開催\t",
        "令和4年度\tピアサポーター派遣事業を開始\t",
        "令和5年度\t「川崎市こころの地域連携シート」の運用を開始\t",
    ]


def test_the_header_written_again_after_a_page_break_leaves_the_table():
    body = (
        "平成 22\n各区役所に精神保健福祉相談員を増員\n年度\n\n\f年度\n\n経過\n\n委託\n\n"
        "令和 4\n年度\n\nピアサポーター派遣事業を開始"
    )
    text = f"R6 年 4 月時点\n{_TITLE}\n年度\n\n経過\n\n委託\n\n{body}{_AFTER}"
    assert apply_form(history_groups, text) == text.split("\n")


def test_commissions_that_are_whole_names_and_one_wrapped_where_the_commissions_wrap():
    # a commission as wide as its column and the next (a year and an event between): two names, not one
    # wrapped; a funding source that reads as an event (`…を活` / `用`) wraps at the commissions' width
    rows = _rows(
        "平成 16 年\n度\n\n精神障害者退院促進支援事業を宇都宮圏域・県南圏域でモデル実施\n\n社会福祉法人（2 法人）\n\n"
        "平成 19 年\n度\n\n全圏域で退院促進支援事業を実施\n\n各圏域の相談支援事業所\n\n平成 27 年\n度\n\n"
        "ピアサポーター養成研修を開始\n\n栃木県精神保健福祉会\n\n"
        "令和 3 年度 市町の協議の場設置に向けたアドバイザー派遣を開始\n令和 4 年度\n\n構築支援事業（国）を活\n用\n\n"
        "措置入院者等退院後支援の手引きを改訂"
    )
    assert rows == [
        "平成16年度\t精神障害者退院促進支援事業を宇都宮圏域・県南圏域でモデル実施\t社会福祉法人（2 法人）",
        "平成19年度\t全圏域で退院促進支援事業を実施\t各圏域の相談支援事業所",
        "平成27年度\tピアサポーター養成研修を開始\t栃木県精神保健福祉会",
        "令和3年度\t市町の協議の場設置に向けたアドバイザー派遣を開始\t構築支援事業（国）を活用",
        "令和4年度\t措置入院者等退院後支援の手引きを改訂\t",
    ]


def test_a_year_level_with_an_events_second_line_that_starts_with_a_middle_dot():
    rows = _rows(
        "平成29年度\n\nピアサポーター養成研修を開始し、初年度は12名が修了\n\n富山県精神保健福祉会\n\n"
        "「精神障害にも対応した地域包括ケアシステム構築推進事業」を開始し、地域移行\n"
        "令和元年 ・地域定着部会を精神保健福祉審議会に設置\n度\n"
        "4厚生センター圏域で圏域会議を立ち上げ、市町村担当者の参加を求める"
    )
    assert rows == [
        "平成29年度\tピアサポーター養成研修を開始し、初年度は12名が修了\t富山県精神保健福祉会",
        "令和元年度\t「精神障害にも対応した地域包括ケアシステム構築推進事業」を開始し、"
        "地域移行・地域定着部会を精神保健福祉審議会に設置\t",
        "\t4厚生センター圏域で圏域会議を立ち上げ、市町村担当者の参加を求める\t",
    ]


def test_an_events_line_as_wide_as_printed_with_the_spaces_around_its_numbers():
    rows = _rows(
        "平成20年度\n\n退院促進支援事業を全4圏域へ拡大し、地域移行推進員を各圏域に1名配置\n\n"
        "各圏域の相談支援事業所\n（4か所）\n\n"
        "平成24年度\n\n障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対応。県事業は病\n"
        "院への働きかけと人材育成に重点を移す\n\n"
        "平成29年度\n\nピアサポーター養成研修を開始し、初年度は12名が修了\n\n富山県精神保健福祉会\n\n"
        "令和3年 長期入院者の実態調査（28病院の入院者から抽出した300名）を実施し、退院阻\n度\n害要因を整理\n\n"
        "富山大学附属病院神経精\n神科\n\n"
        "令和4年度\n精神科救急医療体制検討会を設置し、夜間・休日の相談窓口の一本化を検討\n"
        "令和5年度\n市町村の協議の場の設置が13市町村となる。未設置の2町村への個別支援を開始\n\n↓"
    )
    assert rows == [
        "平成20年度\t退院促進支援事業を全4圏域へ拡大し、地域移行推進員を各圏域に1名配置\t各圏域の相談支援事業所（4か所）",
        "平成24年度\t障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対応。県事業は病院への働きかけと"
        "人材育成に重点を移す\t",
        "平成29年度\tピアサポーター養成研修を開始し、初年度は12名が修了\t富山県精神保健福祉会",
        "令和3年度\t長期入院者の実態調査（28病院の入院者から抽出した300名）を実施し、退院阻害要因を整理\t"
        "富山大学附属病院神経精神科",
        "令和4年度\t精神科救急医療体制検討会を設置し、夜間・休日の相談窓口の一本化を検討\t",
        "令和5年度\t市町村の協議の場の設置が13市町村となる。未設置の2町村への個別支援を開始\t↓",
    ]


def test_a_bracket_closed_in_the_next_box_and_a_body_s_name_that_ends_in_its_meeting():
    rows = _rows(
        "平成 15 年 精神障害者社会的入院解消研究事業に参加し、市内 2 病院でモデル的に退院支\n度\n援を実施\n"
        "平成 17 年\n精神障害者退院促進支援事業を開始し、自立支援員 2 名を配置\n度\n\n堺精神障害者連絡会\n\n"
        "平成 20 年\n地域移行推進員を 4 名に増員し、対象病院を市外の病院にも広げる\n度\n\n"
        "市内の相談支援事業所（2\nか所）\n\n"
        "平成 24 年 地域移行支援・地域定着支援の個別給付化。市の事業は病院への働きかけと普\n度\n及啓発に重点を移す\n\n↓"
    )
    assert rows == [
        "平成15年度\t精神障害者社会的入院解消研究事業に参加し、市内 2 病院でモデル的に退院支援を実施\t",
        "平成17年度\t精神障害者退院促進支援事業を開始し、自立支援員 2 名を配置\t堺精神障害者連絡会",
        "平成20年度\t地域移行推進員を 4 名に増員し、対象病院を市外の病院にも広げる\t市内の相談支援事業所（2か所）",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化。市の事業は病院への働きかけと普及啓発に重点を移す\t↓",
    ]


def test_an_event_s_line_and_the_commission_s_beside_it_a_space_apart():
    rows = _rows(
        "平成 15\n年度\n\n精神障害者退院促進支援事業をモデル圏域（丹後）で開始\n\n平成 18\n年度\n\n"
        "障害者自立支援法の施行にあわせ、退院促進支援事業を府内全圏域に拡大し、各 各圏域の相談支援事業所に\n"
        "保健所に地域移行推進員を配置\n委託（6 法人）\n\n平成 22\n年度\n\n"
        "精神障害者地域移行・地域定着支援事業に再編。ピアサポーターの養成研修を開 特定非営利活動法人 京都ピ\n"
        "始し、初年度は 18 名が修了\nアネット\n\n平成 26\n年度\n\n"
        "精神科病院の長期入院者を対象とした実態調査（府内 18 病院、回答率 100％）\n"
        "を実施し、退院可能な長期入院者が約 3 割いることを把握"
    )
    assert rows == [
        "平成15年度\t精神障害者退院促進支援事業をモデル圏域（丹後）で開始\t",
        "平成18年度\t障害者自立支援法の施行にあわせ、退院促進支援事業を府内全圏域に拡大し、各保健所に地域移行推進員を配置"
        "\t各圏域の相談支援事業所に委託（6 法人）",
        "平成22年度\t精神障害者地域移行・地域定着支援事業に再編。ピアサポーターの養成研修を開始し、初年度は 18 名が修了"
        "\t特定非営利活動法人 京都ピアネット",
        "平成26年度\t精神科病院の長期入院者を対象とした実態調査（府内 18 病院、回答率 100％）"
        "を実施し、退院可能な長期入院者が約 3 割いることを把握\t",
    ]


def test_an_event_left_open_on_its_particle_goes_on_past_the_commission_beside_it():
    rows = _rows(
        "平成 21 年\n中核市移行に伴い、前橋市保健所を設置。精神保健福祉相談を県から引き継ぐ\n度\n"
        "平成 22 年 群馬県の精神障害者地域移行支援特別対策事業を市域で引き継ぎ、地域移行推進員を 市内の相談支援事業\n"
        "度\n1 名配置\n所\n平成 26 年 精神保健福祉推進会議を設置し、精神科病院、相談支援事業所、家族会と年 1 回協議\n"
        "度\nを始める"
    )
    assert rows == [
        "平成21年度\t中核市移行に伴い、前橋市保健所を設置。精神保健福祉相談を県から引き継ぐ\t",
        "平成22年度\t群馬県の精神障害者地域移行支援特別対策事業を市域で引き継ぎ、地域移行推進員を1 名配置"
        "\t市内の相談支援事業所",
        "平成26年度\t精神保健福祉推進会議を設置し、精神科病院、相談支援事業所、家族会と年 1 回協議を始める\t",
    ]


def test_an_event_s_rest_after_its_year_s_first_line():
    rows = _rows(
        "平成 24 年\n精神障害者地域移行・地域定着支援事業を開始\n度\n\n群馬県精神保健福祉協会\n\n"
        "平成 28 年\nピアサポーター養成研修を開始\n度\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県精神\n"
        "平成 30 年 障害者地域生活支援協議会を設置した\n度\n10 圏域で地域移行推進会議を開始\n"
        "令和 2 年\n新型感染症の流行により、病院訪問を休止した\n度\n\n↓"
    )
    assert rows == [
        "平成24年度\t精神障害者地域移行・地域定着支援事業を開始\t群馬県精神保健福祉協会",
        "平成28年度\tピアサポーター養成研修を開始\t",
        "平成30年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、群馬県精神障害者地域生活支援協議会を設置した\t",
        "\t10 圏域で地域移行推進会議を開始\t",
        "令和2年度\t新型感染症の流行により、病院訪問を休止した\t↓",
    ]


def test_an_event_s_rest_that_starts_with_a_verb_s_ending():
    rows = _rows(
        "平成 29\n年度\n\n県の協議の場として「青森県精神障害者地域移行推進会議」を設置\n\n平成 30\n年度\n\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "県推進会議を「青森県精神障害にも対応した地域包括ケアシステム推進会議」に改組\n"
        "し、介護・住まい分野の委員を加えた\n\n令和元年\n長期入院者の退院意向調査を県内 24 病院で実施\n度\n\n"
        "青森県精神科病院協会"
    )
    assert rows == [
        "平成29年度\t県の協議の場として「青森県精神障害者地域移行推進会議」を設置\t",
        "平成30年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始\t",
        "\t県推進会議を「青森県精神障害にも対応した地域包括ケアシステム推進会議」に改組し、介護・住まい分野の委員を加えた\t",
        "令和元年度\t長期入院者の退院意向調査を県内 24 病院で実施\t青森県精神科病院協会",
    ]


def test_a_dash_alone_below_a_year_s_rest_is_the_commission_none():
    rows = _rows(
        "平成 30\n年度\n\n委託\n\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n"
        "宮城県精神障害者地域移行・地域定着推進協議会を設置\n\n"
        "令和元年\n7 圏域に圏域会議を設置し、保健福祉事務所を事務局とする\n度\n\n－\n\n"
        "令和 3\n年度\n\nピアサポーター養成研修を開始。養成したピアサポーターを病院訪問\n社会福祉法人 みやぎ会\n"
        "へ派遣する仕組みを整え、初年度は 12 人が修了した"
    )
    assert rows[-2:] == [
        "令和元年度\t7 圏域に圏域会議を設置し、保健福祉事務所を事務局とする\t－",
        "令和3年度\tピアサポーター養成研修を開始。養成したピアサポーターを病院訪問へ派遣する仕組みを整え、"
        "初年度は 12 人が修了した\t社会福祉法人 みやぎ会",
    ]


def test_years_written_in_the_western_calendar():
    # a year wrapped after 年 (`2012 年` / `度`), one run on beside its event's second line
    rows = _rows(
        "2012 年\n精神障害者地域移行・地域定着支援事業を開始\n度\n\n県精神保健福祉協会\n\n"
        "2016 年\nピアサポーター養成研修を開始\n度\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、県精神\n"
        "2018 年 障害者地域生活支援協議会を設置した\n度\n\n－\n\n"
        "2021 年\nオンラインによる病院訪問を試行\n度\n\n↓"
    )
    assert rows == [
        "2012年度\t精神障害者地域移行・地域定着支援事業を開始\t県精神保健福祉協会",
        "2016年度\tピアサポーター養成研修を開始\t",
        "2018年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、県精神障害者地域生活支援協議会を"
        "設置した\t－",
        "2021年度\tオンラインによる病院訪問を試行\t↓",
    ]


def test_a_western_year_with_its_month_is_a_year_as_an_era_s_is():
    rows = _rows("2019 年 4 月\n\n相談窓口を開設\n\n2021 年度\n\nピアサポーター養成研修を開始")
    assert rows == ["2019年4月\t相談窓口を開設\t", "2021年度\tピアサポーター養成研修を開始\t"]


def test_a_western_year_among_era_years_leaves_the_table_to_the_cell_per_line_reader():
    # `2020 年度 国の…` at a box's head in a table of era years: a sheet writes its years in one calendar,
    # so whether it is a row's year or its event's words is not told here; the table is left as it
    # stands, as before western years were read, for `cell_lines_tables` (by its cells' widths)
    body = (
        "平成 30\n年度\n\n精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n\n"
        "令和 3\n年度\n\n市町村の協議の場の設置を支援\n\n2020 年度 国の検討会報告を受け、県の協議の場を設置\n\n"
        "令和 5\n年度\n\nピアサポーター養成研修を開始"
    )
    lines = apply_form(history_groups, f"R6 年 4 月時点\n{_TITLE}\n年度\n\n経過\n\n委託\n\n{body}{_AFTER}")
    assert not any("\t" in line for line in lines if line)
    era = _rows(body.replace("2020 年度 ", "令和 4\n年度\n\n"))  # the same table, that year an era's: read
    assert era[2] == "令和4年度\t国の検討会報告を受け、県の協議の場を設置\t"


def test_a_short_rest_in_the_box_of_the_line_it_goes_on():
    # a body's name cut by its column (its first line read as an event's, `…支援` / `事業所`, `…センタ` / `ー（直営）`),
    # a name's last word alone (`…家族会` / `連合会`), an event's short rest (`…区連絡会も` / `オンラインへ移行`)
    rows = _rows(
        "平成 28\n年度\n\n精神障害者地域移行・地域定着支援事業を全 9 圏域で開始\n\n各圏域の指定一般相談支援\n事業所\n\n"
        "令和元年 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、県の協議\n度\n"
        "の場を地域移行部会として位置付け\n岩手県精神保健福祉センタ\nー（直営）\n\n"
        "令和 2 年\n度\n\n新型コロナウイルス感染症の拡大により、推進会議を書面開催とし、区連絡会も\n"
        "オンラインへ移行\n\n"
        "令和 3 年\n度\n\nピアサポーター養成研修を開始\n\n市精神保健福祉家族会\n連合会"
    )
    assert rows == [
        "平成28年度\t精神障害者地域移行・地域定着支援事業を全 9 圏域で開始\t各圏域の指定一般相談支援事業所",
        "令和元年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、県の協議の場を地域移行部会として"
        "位置付け\t岩手県精神保健福祉センター（直営）",
        "令和2年度\t新型コロナウイルス感染症の拡大により、推進会議を書面開催とし、区連絡会もオンラインへ移行\t",
        "令和3年度\tピアサポーター養成研修を開始\t市精神保健福祉家族会連合会",
    ]


def _read(body: str) -> tuple[list[str], list[str]]:
    """The rows after the header of a table whose header's first cell is on the line above `body`, and the
    codes of the notes."""
    state = form_state(history_groups, f"R6 年 4 月時点\n{_TITLE}\n年度\n{body}{_AFTER}")
    return [ln for ln in state.lines if ln and "\t" in ln][1:], [code for code, _, _ in state.notes]


def test_years_written_together_apart_from_more_events_are_read_with_a_warning():
    # which events are each year's is not in the text: one each, the last year the rest, and a warning
    body = (
        "平成 24 年\n度\n平成 27 年\n度\n平成 29 年\n度\n\n経過\n\n委託\n\n"
        "保健所の精神保健福祉相談を拡充し、精神保健福祉士を 2 名配置\n\n精神障害者アウトリーチ支援事業を開始\n"
        "未治療・治療中断者への訪問支援を開始\nピアサポーター養成講座を開始\n\n県精神保健福祉協会"
    )
    state = form_state(history_groups, f"R6 年 4 月時点\n{_TITLE}\n年度\n{body}{_AFTER}")
    rows, _ = _read(body)
    assert rows == [
        "平成24年度\t保健所の精神保健福祉相談を拡充し、精神保健福祉士を 2 名配置\t",
        "平成27年度\t精神障害者アウトリーチ支援事業を開始\t",
        "平成29年度\t未治療・治療中断者への訪問支援を開始\t県精神保健福祉協会",
        "\tピアサポーター養成講座を開始\t",
    ]
    assert [code for code, _, _ in state.notes] == ["shifted-cell"]
    assert "apart from their events" in state.notes[0][2]


def test_western_years_written_together_apart_from_more_events_are_left_to_the_cell_per_line_reader():
    # the same table with western years: which events are each year's would be a guess, and
    # `cell_lines_tables` reads such years by their cells' widths; this form leaves the lines as they are
    body = (
        "2012 年\n度\n2015 年\n度\n2017 年\n度\n\n経過\n\n委託\n\n"
        "保健所の精神保健福祉相談を拡充し、精神保健福祉士を 2 名配置\n\n精神障害者アウトリーチ支援事業を開始\n"
        "未治療・治療中断者への訪問支援を開始\nピアサポーター養成講座を開始\n\n県精神保健福祉協会"
    )
    state = form_state(history_groups, f"R6 年 4 月時点\n{_TITLE}\n年度\n{body}{_AFTER}")
    assert not any(ln and "\t" in ln for ln in state.lines)
    assert state.notes == []


def test_a_list_after_an_ended_event_is_the_next_years_cell_of_items():
    # plain pdftotext of a LibreOffice PDF (city-shizuoka-fy2023): the list's bullets were drawn alone
    rows = _rows(
        "平成27\n年度\n\n精神障害者アウトリーチ支援事業を開始\n\n直営（こころの健康センタ\nー）\n\n"
        "令和元年\n度\n令和3年\n度\n\n・「静岡市精神保健福祉地域包括ケア推進会議」を設置\n\n"
        "・自立支援協議会に精神保健福祉部会を設置\n\n区ごとの地域支援者連絡会を開始"
    )
    assert rows == [
        "平成27年度\t精神障害者アウトリーチ支援事業を開始\t直営（こころの健康センター）",
        "令和元年度\t<ul><li>・「静岡市精神保健福祉地域包括ケア推進会議」を設置</li>"
        "<li>・自立支援協議会に精神保健福祉部会を設置</li></ul>\t",
        "令和3年度\t区ごとの地域支援者連絡会を開始\t",
    ]


def test_an_event_that_filled_its_column_ends_at_its_commission_and_the_next_year():
    # plain pdftotext of a LibreOffice PDF (ward-setagaya-fy2023): `…区内4か所に整備` filled the events'
    # column and ends with no step the vocabulary knows, but its commission and the next year's own line
    # stand between it and the next event, which is the next year's, not its wrapped rest
    rows = _rows(
        "平成 18 年\n度\n\n障害者自立支援法施行に伴い、地域活動支援センターを区内 4 か所に整備\n\n"
        "社会福祉法人（4 法人）\n\n平成 24 年\n度\n\n精神障害者地域移行促進事業を開始\n\n区内指定一般相談支援事業所\n\n"
        "平成 29 年\n度\n\n世田谷区精神保健福祉地域支援ネットワーク会議を設置"
    )
    assert rows == [
        "平成18年度\t障害者自立支援法施行に伴い、地域活動支援センターを区内 4 か所に整備\t社会福祉法人（4 法人）",
        "平成24年度\t精神障害者地域移行促進事業を開始\t区内指定一般相談支援事業所",
        "平成29年度\t世田谷区精神保健福祉地域支援ネットワーク会議を設置\t",
    ]


def test_two_years_lists_after_years_written_together_are_read_apart():
    # plain pdftotext of a LibreOffice PDF (ward-toshima-fy2024): three years written together, then the
    # first year's two events and two years' lists a line an item; a list that stops short of its column
    # (`…として位置づける`) has ended, a list longer than a year's (three items) is two years', and each
    # list is its year's only row: the first year takes the events before them
    rows, codes = _read(
        "\n経過\n\n委託\n\n"
        "平成 29 年\n度\n\n豊島区精神保健福祉連絡会を設置\n\n令和 2 年度\n\n令和 4 年度\n\n令和 5 年度\n\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始\n連絡会を協議の場として位置づける\n\n\n"
        "・にも包括実務者部会を設置\n\n\n\n・区外の精神科病院に入院中の区民の実態調査を実施\n\n\n\n"
        "・社会福祉協議会の CSW と連携し、区民ひろばでの「こころのカフェ」\n\n\n\nを試行\n"
        "・居住支援協議会に精神障害者の住まい部会を設置\n\n豊島区民社会福祉協議\n会"
    )
    assert rows == [
        "平成29年度\t豊島区精神保健福祉連絡会を設置\t",
        "令和2年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始\t",
        "\t連絡会を協議の場として位置づける\t",
        "令和4年度\t<ul><li>・にも包括実務者部会を設置</li><li>・区外の精神科病院に入院中の区民の実態調査を実施</li></ul>\t",
        "令和5年度\t<ul><li>・社会福祉協議会の CSW と連携し、区民ひろばでの「こころのカフェ」を試行</li>"
        "<li>・居住支援協議会に精神障害者の住まい部会を設置</li></ul>\t豊島区民社会福祉協議会",
    ]
    assert codes == ["shifted-cell"]


def test_a_list_item_s_wrapped_rest_and_two_names_each_as_wide_as_their_column():
    # plain pdftotext of a LibreOffice PDF (pref-niigata-fy2024): a list item's rest that starts with a
    # particle (`…オンライン面会` / `で代替`), or that the list's next item follows on the next line (`…を位` /
    # `置づけ` / `・ピアサポーター…`), is the item's, not a commission; a name made whole by its next line
    # (`佐渡・魚沼圏域の精神科` / `病院`) after a whole name is a second commission (the three commissions
    # written after the last year's list go, as before, to the rows nearest it without one: the sheet gives
    # the first to 令和2年度)
    rows, _ = _read(
        "\n経過\n\n委託\n\n平成 15\n年度\n\n精神障害者退院促進支援事業を新潟市・上越圏域でモデル実施\n\n"
        "新潟県精神保健福祉協会\n\n平成 20\n年度\n\n精神障害者地域移行支援特別対策事業として全圏域に拡大\n\n"
        "各圏域の指定一般相談支\n援事業所\n\n令和 2 年\n度\n\n\n\n・長期入院者の退院意向調査を全精神科病院で実施\n\n"
        "\n\n・新型コロナウイルス感染症の影響で病院訪問を中止し、オンライン面会\nで代替\n\n"
        "令和 4 年 佐渡圏域で多職種アウトリーチチームによる訪問支援を開始\n度\n"
        "市町村の協議の場設置支援として、保健所による市町村訪問を開始\n\n"
        "令和 5 年\n度\n\n\n\n・魚沼圏域にアウトリーチを拡大\n\n\n\n"
        "・第 8 次新潟県地域保健医療計画（精神疾患）に「にも包括」の推進を位\n\n\n\n置づけ\n"
        "・ピアサポーターの登録制度を創設\n\n新潟県精神保健福祉協会\n\n佐渡圏域の精神科病院\n\n"
        "佐渡・魚沼圏域の精神科\n病院"
    )
    assert rows == [
        "平成15年度\t精神障害者退院促進支援事業を新潟市・上越圏域でモデル実施\t新潟県精神保健福祉協会",
        "平成20年度\t精神障害者地域移行支援特別対策事業として全圏域に拡大\t各圏域の指定一般相談支援事業所",
        "令和2年度\t<ul><li>・長期入院者の退院意向調査を全精神科病院で実施</li>"
        "<li>・新型コロナウイルス感染症の影響で病院訪問を中止し、オンライン面会で代替</li></ul>\t",
        "令和4年度\t佐渡圏域で多職種アウトリーチチームによる訪問支援を開始\t新潟県精神保健福祉協会",
        "\t市町村の協議の場設置支援として、保健所による市町村訪問を開始\t佐渡圏域の精神科病院",
        "令和5年度\t<ul><li>・魚沼圏域にアウトリーチを拡大</li>"
        "<li>・第 8 次新潟県地域保健医療計画（精神疾患）に「にも包括」の推進を位置づけ</li>"
        "<li>・ピアサポーターの登録制度を創設</li></ul>\t佐渡・魚沼圏域の精神科病院",
    ]


def test_a_long_list_after_years_written_together_is_cut_between_them_with_a_warning():
    # five items after two years written together: which are each year's is a guess (3 + 2), so it says so
    items = [
        "にも包括実務者部会を設置",
        "区外の精神科病院に入院中の区民の実態調査を実施",
        "区民ひろばでの「こころのカフェ」を試行",
        "居住支援協議会に精神障害者の住まい部会を設置",
        "ピアサポーターの登録制度を創設",
    ]
    body = "\n経過\n\n委託\n\n平成 29 年\n度\n\n豊島区精神保健福祉連絡会を設置\n\n令和 4 年度\n\n令和 5 年度\n\n"
    body += "\n\n\n\n".join(f"・{item}" for item in items) + "\n"
    rows, codes = _read(body)
    assert [row.split("\t")[0] for row in rows] == ["平成29年度", "令和4年度", "令和5年度"]
    assert all(item in "".join(rows) for item in items)
    assert codes == ["shifted-cell"]
