"""pymupdf4llm's compact pipe tables cut where no column is: a sector's label wrapped onto the next
row, a department's name cut into the duties' cell, a header line's last character past its column;
and the last initiatives it runs together on one line."""

from __future__ import annotations

from conftest import form_state
from nikosheet import parse_text_data
from nikosheet.parsing.forms import pipe_tables

SECTORS = """|各部門の連携状|況|強み・課題等|
|---|---|---|
|保健|各区の精神保健福祉相談員が訪問や相談を行い、措<br>置入院者の退院後支援計画を作成している。|相談件数の増加に対し人員が足りず、訪問<br>が後回しになることがある。|
|福祉|・基幹相談支援センターが全区にある。 ・地域活動|相談支援専門員の不足により、計画相談の|
||支援センターが日中活動の場となっている。|待機が生じている。|
|その他関係機|当事者団体、家族会、不動産事業者団体が推進会議|民生委員、自治会の参加は一部の区にとど|
|関・住民等|に参加している。|まる。|"""


def test_a_sectors_label_wrapped_onto_the_next_row_is_one_row():
    lines = form_state(pipe_tables, SECTORS).lines
    assert lines[5] == (
        "| その他関係機関・住民等 | 当事者団体、家族会、不動産事業者団体が推進会議に参加している。"
        " | 民生委員、自治会の参加は一部の区にとどまる。 |"
    )
    assert lines[6] is None


def test_a_sectors_row_cut_by_a_page_line_goes_on_beside_no_label():
    lines = form_state(pipe_tables, SECTORS).lines
    assert lines[3] == (
        "| 福祉 | ・基幹相談支援センターが全区にある。 ・地域活動支援センターが日中活動の場となっている。"
        " | 相談支援専門員の不足により、計画相談の待機が生じている。 |"
    )
    assert lines[4] is None


def test_the_sectors_read_whole():
    text = "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n\n" + SECTORS
    sectors = parse_text_data(text)["coordination"]["sectors"]
    assert [s["label"] for s in sectors] == ["保健", "福祉", "その他関係機関・住民等"]
    assert sectors[1]["strengths_and_issues"] == "相談支援専門員の不足により、計画相談の待機が生じている。"
    assert sectors[2]["status"] == "当事者団体、家族会、不動産事業者団体が推進会議に参加している。"


DEPARTMENTS = """6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況

|連携部署名|連携部署における主な業務|
|建築局住宅政策課|居住支援協議会の運営、市営住宅の管理|
|各区福祉保健センター高齢・障|害支援課<br>区版協議の場の運営、精神保健福祉相談|
|障がい保健福祉|課<br>にも包括構築推進事業の企画・予算、精神保健福|祉審議会の運営|
|県精神保健福祉セ<br>ー|ンタ<br>人材育成研修、ピアサポーター養成、市町村への技術支<br>援|
|市町村|各市町村の障害福祉課<br>との連携、相談対応|"""


def test_a_departments_name_cut_into_the_duties_cell_is_whole():
    partners = parse_text_data(DEPARTMENTS)["coordination"]["partner_departments"]
    assert [(p["name"], p["duties"]) for p in partners] == [
        ("建築局住宅政策課", "居住支援協議会の運営、市営住宅の管理"),
        ("各区福祉保健センター高齢・障害支援課", "区版協議の場の運営、精神保健福祉相談"),
        ("障がい保健福祉課", "にも包括構築推進事業の企画・予算、精神保健福祉審議会の運営"),
        ("県精神保健福祉センター", "人材育成研修、ピアサポーター養成、市町村への技術支援"),
        ("市町村", "各市町村の障害福祉課との連携、相談対応"),  # duties that open with a department's name
    ]


INDICATORS = """5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題

|課題解決の達成度を測る指標|現状値 (今年<br>当初)|度<br>目標値 (令和5年<br>度末)|見込んで|いる成果・効果|
|①市町村における協議の場の設<br>置数|96市町村|120市町村|小規模町<br>民に身近|村でも課題を協議する場ができ、住<br>な支援が進む|
|②オンライン退院前カンファレ<br>ンスの実施件数|35件|100件|遠隔地の<br>後の再入|病院からの退院が円滑になり、退院<br>院が減る|"""


def test_a_header_lines_end_past_its_column_still_tells_the_columns_cut():
    part = parse_text_data(INDICATORS)["strengths_and_issues"]
    assert part["current_as_of"] == "今年度当初"
    assert part["target_as_of"] == "令和5年度末"
    assert [(i["current"], i["target"], i["expected_effects"]) for i in part["indicators"]] == [
        ("96市町村", "120市町村", "小規模町村でも課題を協議する場ができ、住民に身近な支援が進む"),
        ("35件", "100件", "遠隔地の病院からの退院が円滑になり、退院後の再入院が減る"),
    ]


INITIATIVES = """1 県、指定都市、中核市、特別区の基礎情報

北海道

取組内容

- 平成30年度 北海道精神障害者地域生活支援推進会議を設置

- 令和3年度 オンライン会議システムを活用した圏域間の事例検討会を開始 令和4年度 ピアサポーター養成研修を道内3か所で開催
"""


def test_initiatives_run_together_on_a_line_are_items_each_a_range_of_years_is_not_cut():
    assert parse_text_data(INITIATIVES)["basic_info"]["initiatives"] == [
        "平成30年度 北海道精神障害者地域生活支援推進会議を設置",
        "令和3年度 オンライン会議システムを活用した圏域間の事例検討会を開始",
        "令和4年度 ピアサポーター養成研修を道内3か所で開催",
    ]
    # a range of years after a space is the item's own words
    text = INITIATIVES.replace("令和4年度 ピアサポーター", "2022年度～2024年度 ピアサポーター")
    items = parse_text_data(text)["basic_info"]["initiatives"]
    assert items[-1].endswith("2022年度～2024年度 ピアサポーター養成研修を道内3か所で開催")
    # so is a date (a year with its month)
    text = INITIATIVES.replace("令和4年度 ピアサポーター", "平成30年7月豪雨を踏まえ ピアサポーター")
    items = parse_text_data(text)["basic_info"]["initiatives"]
    assert items[-1].endswith("開始 平成30年7月豪雨を踏まえ ピアサポーター養成研修を道内3か所で開催")
    # so is a range written with spaces, and a year the sentence goes on from
    spaced = (
        "令和3年度 ～ 令和5年度 ピアサポーター",
        "（ 令和4年度 に拡充） ピアサポーター",
        "研修 令和4年度 以降も ピアサポーター",
    )
    for words in spaced:
        items = parse_text_data(INITIATIVES.replace("令和4年度 ピアサポーター", words))["basic_info"]["initiatives"]
        assert items[-1].endswith(words + "養成研修を道内3か所で開催")


LONG_TERM = """推進協議会の構成員が多く、地域の課題を十分に議論する時間が取れない。

|8精<br>事業利用予|神障害にも対応した地域包括ケアシステム<br>定年数：令和 9 年度まで|の構築に向けたスケジュール（長期）|
|---|---|---|
|長期目標|区内のどの地区に住んでいても、身近な相談窓口<br>得て暮らし続けられる。|から必要な支援につながり、退院後も住まいと支え手を|
|年度|実施内容|具体的な取組|
|R6年度|住まいの情報の共有と区外の病院との連携|・住まいの情報の一覧の作成<br>・区外の病院への案内の送付|
|R7年度|推進協議会の運営の見直し|部会の設置の検討|
"""


def test_a_title_cut_into_a_rows_first_lines_is_the_sections_heading():
    lines = form_state(pipe_tables, LONG_TERM).lines
    assert lines[2] == "8精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（長期）"
    assert lines[3] == "事業利用予定年数：令和 9 年度まで"
    doc = parse_text_data("7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n\n" + LONG_TERM)
    plan = doc["long_term_schedule"]
    assert plan["until_fiscal_year"] == 2027
    assert plan["goal"] == (
        "区内のどの地区に住んでいても、身近な相談窓口から必要な支援につながり、退院後も住まいと支え手を得て暮らし続けられる。"
    )
    assert [(p["fiscal_year"], p["item"]) for p in plan["plan"]] == [
        (2024, "住まいの情報の共有と区外の病院との連携"),
        (2025, "推進協議会の運営の見直し"),
    ]


OUTCOMES = """4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果

＜令和4年度までの成果・効果＞

|課題解決の達<br>成度を測る指<br>標|目標値 (R4年度当初)|実績値 (R4年度末)|具体的な成果・効果|
|---|---|---|---|
|①長期入院者|・地域移行支援の利|・地域移行支援の利|・推進員が退院支援委員会に出席す|
|の地域移行|用者数 70人<br>・ピアサポーターの<br>病院訪問 48回|用者数 58人<br>・病院訪問 41回|る病院が増えた。|
|②市町村の協|18市町村|15市町村|保健所が未設置市町村を個別に訪問し、既存の会議|
|議の場の設置|||体を活用した設置方法を提案した。|
"""


def test_an_indicators_row_cut_in_its_narrow_name_column_is_one_row():
    indicators = parse_text_data(OUTCOMES)["outcomes"]["indicators"]
    assert [(i["number"], i["name"]) for i in indicators] == [
        (1, "長期入院者の地域移行"),
        (2, "市町村の協議の場の設置"),
    ]
    assert indicators[0]["target"] == ["地域移行支援の利用者数 70人", "ピアサポーターの病院訪問 48回"]
    assert indicators[0]["effects"] == ["推進員が退院支援委員会に出席する病院が増えた。"]
    assert indicators[1]["effects"] == [
        "保健所が未設置市町村を個別に訪問し、既存の会議体を活用した設置方法を提案した。"
    ]


VALUES_CUT = """5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題

|課題解決の達成度を測る指標<br>現状|値 (今年度当初)<br>目標値 (令|和5年度末)|見込んでいる成果・効果|
|①退院支援計画の作成者数<br>4人|9人||入院中から退院後の支援が決まる|
|②夜間訪問の対象世帯数<br>16世|帯<br>30世帯||夜間の再入院を減らす|
|③協力不動産店への|依頼件数<br>なし<br>8件||住まいを探せる店が増える|
"""


def test_an_indicators_values_written_in_its_name_cells_are_its_columns():
    indicators = parse_text_data(VALUES_CUT)["strengths_and_issues"]["indicators"]
    assert [(i["name"], i["current"], i["target"], i["expected_effects"]) for i in indicators] == [
        ("退院支援計画の作成者数", "4人", "9人", "入院中から退院後の支援が決まる"),
        ("夜間訪問の対象世帯数", "16世帯", "30世帯", "夜間の再入院を減らす"),
        ("協力不動産店への依頼件数", "なし", "8件", "住まいを探せる店が増える"),
    ]


def test_a_sections_title_written_as_a_list_item_is_its_heading():
    text = (
        "## <mark>4</mark> 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果 \n\n"
        "- <mark>5</mark> 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題 \n\n"
        "【特徴(強み)】 \n\n・市内の全病院が連絡会に参加している。\n"
    )
    doc = parse_text_data(text)
    assert doc["strengths_and_issues"]["strengths"] == ["市内の全病院が連絡会に参加している。"]


PLANNED_THEN_TITLE = """|課題解決の達成度を測<br>る指標|現状値 (今年度<br>当初)|⽬標値|(今年度末)|⾒込んでいる|\
成果・効果||
|---|---|---|---|---|---|---|
|④ピアサポーターの病|45回|60回||⼊院者の退院|意欲の喚起||
|院訪問回数<br>6精神障害にも対|応した地域包括|ケアシ|ステムの構|築のための|連携状況||



【にも包括構築の体制】
"""


def test_a_title_read_into_the_last_row_of_the_table_above_is_the_sections_heading():
    lines = form_state(pipe_tables, PLANNED_THEN_TITLE).lines
    assert lines[4] == "6精神障害にも対応した地域包括ケアシステムの構築のための連携状況"
    title = "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題"
    doc = parse_text_data(f"{title}\n\n{PLANNED_THEN_TITLE}")
    assert doc["strengths_and_issues"]["indicators"][0]["name"] == "ピアサポーターの病院訪問回数"
    assert [s["title"] for s in doc["sections"]][-1].endswith("連携状況")
