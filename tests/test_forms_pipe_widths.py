"""markitdown's pipe tables from a Chromium PDF measured as printed: a wide character counts two, a
Western one one, against the widest line of the column in every piece of the table."""

from __future__ import annotations

from conftest import apply_form
from nikosheet.parsing.forms import pipe_tables


def _apply(text: str) -> list[str | None]:
    return apply_form(pipe_tables, text)


# a commission's bracket closed below its row, then the year's next event, wider than the rows of its
# own piece of the table (the widest event is in a later piece), and its wrapped rest
HISTORY_NEXT_EVENT = """\
| 年度     | 経過                               | 委託         |
| ------ | -------------------------------- | ---------- |
| 2012年度 | 花巻市保健所の精神保健福祉相談を拡充し、精神保健福祉士を2名配置 |            |
| 2015年度 | 精神障害者アウトリーチ支援事業を開始               | 市内精神科病院（1か |
所）
未治療・治療中断者への訪問支援を開始し、多職種チームによるケース会議を
毎月開催
| 2017年度 | ピアサポーター養成講座を開始 | 県精神保健福祉協会  |
| ------ | -------------- | ---------- |
| 2023年度 | 国の構築支援事業を活用し、アドバイザーの助言を得て取組の評価方法を検討 |     |
| ------ | ----------------------------------- | --- |"""


def test_the_next_event_after_a_commissions_closed_bracket_is_a_row_of_its_year():
    lines = _apply(HISTORY_NEXT_EVENT)
    assert lines[3] == "2015年度\t精神障害者アウトリーチ支援事業を開始\t市内精神科病院（1か所）"
    assert lines[4] is None
    assert lines[5] == "\t未治療・治療中断者への訪問支援を開始し、多職種チームによるケース会議を毎月開催\t"
    assert lines[6] is None
    assert lines[7] == "2017年度\tピアサポーター養成講座を開始\t県精神保健福祉協会"


# events whose lines are as wide as the column's widest once a digit is counted as half a kanji, and
# whose rest starts with what no line may start with after it (`応。`) or with a number (`41病院）`)
HISTORY_WRAPPED_EVENTS = """\
| 年度     | 経過                               | 委託            |     |
| ------ | -------------------------------- | ------------- | --- |
| 平成17年度 | 福井県の精神障害者退院促進支援事業のモデル地域として、市内2病院 | 福井県事業         |     |
で退院支援を開始
| 平成20年度 | 退院促進支援事業を全4圏域へ拡大し、地域移行推進員を各圏域に1名 | 各圏域の相談支援事業所（4 |     |
|        | 配置                               |     |     |     | か所）           |     |
| 平成24年度 | 障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対   |               |     |
応。県事業は病院への働きかけと人材育成に重点を移す
| 令和4年度  | 第7期障害福祉計画策定に向け、長期入院者の退院意向調査（県内   | 県精神科病院協会      |     |
41病院）を実施
| 令和5年度 | ピアサポーター養成研修を開始し、初年度は12名が修了 | 県精神保健福祉会 |     |
| ----- | -------------------------- | -------- | --- |"""


def test_an_event_that_filled_its_column_as_printed_goes_on_below():
    lines = _apply(HISTORY_WRAPPED_EVENTS)
    assert lines[2] == (
        "平成17年度\t福井県の精神障害者退院促進支援事業のモデル地域として、市内2病院で退院支援を開始\t福井県事業"
    )
    assert lines[3] is None
    assert lines[6] == (
        "平成24年度\t障害者総合支援法の施行に合わせ、地域移行支援の個別給付化に対応。県事業は病院への働きかけと"
        "人材育成に重点を移す\t"
    )
    assert lines[7] is None
    assert lines[8] == (
        "令和4年度\t第7期障害福祉計画策定に向け、長期入院者の退院意向調査（県内 41病院）を実施\t県精神科病院協会"
    )
    assert lines[9] is None
    assert lines[10] == "令和5年度\tピアサポーター養成研修を開始し、初年度は12名が修了\t県精神保健福祉会"


# a fragment under a row whose event filled its column and whose commission left room beside it (the
# commission's column is as wide as its widest name, in a later piece of the table), and one under a
# year, which is whole though the fragment would fit its column
HISTORY_FRAGMENT_TO_EVENT = """\
| 年度     | 経過                               | 委託    |     |
| ------ | -------------------------------- | ----- | --- |
| 平成17年度 | 福井県の精神障害者退院促進支援事業のモデル地域として、市内2病院 | 福井県事業 |     |
で退院支援を開始
| 平成25年度 | 精神障害者地域移行支援事業を市事業として開始。地域移行推進員を | 社会福祉法人 若狭会 |     |
| ------ | ------------------------------- | ---------- | --- |
基幹相談支援センターに配置
| 令和6年度 | ピアサポーター活動報酬制度を導入し、ピアサポーターの病院訪問・ | 特定非営利活動法人 わかさ |     |
| ----- | ------------------------------- | ------------- | --- |
|       | 講座講師に報酬を支払う                     |     |     |     | ピアの家          |     |"""


def test_a_fragment_goes_to_the_event_that_filled_its_line_not_the_commission_that_left_room():
    lines = _apply(HISTORY_FRAGMENT_TO_EVENT)
    assert lines[2] == (
        "平成17年度\t福井県の精神障害者退院促進支援事業のモデル地域として、市内2病院で退院支援を開始\t福井県事業"
    )
    assert lines[3] is None
    assert lines[4] == (
        "平成25年度\t精神障害者地域移行支援事業を市事業として開始。地域移行推進員を基幹相談支援センターに配置"
        "\t社会福祉法人 若狭会"
    )
    assert lines[6] is None


# rows of Western years under one another, and a commission's bracket closed below a year's next event
HISTORY_WESTERN_YEARS = """\
| 年度     | 経過                                 |     |     |     | 委託          |
| ------ | ---------------------------------- | --- | --- | --- | ----------- |
| 2012年度 | 精神障害者地域移行・地域定着支援事業を開始              |     |     |     | 県精神保健福祉協会   |
| 2016年度 | ピアサポーター養成研修を開始                     |     |     |     |             |
| 2018年度 | 精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、県精神 |     |     |     |             |
障害者地域生活支援協議会を設置した
|     | 10圏域で地域移行推進会議を開始 |     |     |     | 各保健福祉事務所（直 |
| --- | ---------------- | --- | --- | --- | ---------- |
営）
| 2020年度 | 新型感染症の流行により、病院訪問を休止した          |     |     |     | －            |
| ------ | ------------------------------ | --- | --- | --- | ------------ |"""


def test_a_western_year_starts_a_row_and_a_bracket_left_open_beside_an_event_closes_below():
    lines = _apply(HISTORY_WESTERN_YEARS)
    assert lines[2] == "2012年度\t精神障害者地域移行・地域定着支援事業を開始\t県精神保健福祉協会"
    assert lines[3] == "2016年度\tピアサポーター養成研修を開始\t"
    assert lines[6] == "\t10圏域で地域移行推進会議を開始\t各保健福祉事務所（直営）"
    assert lines[8] is None
    assert lines[9] == "2020年度\t新型感染症の流行により、病院訪問を休止した\t－"


# the issues' table whose role ran into its work, and after a page break one more issue whose role
# stands in a column of its own
ISSUES_THEN_ROLE_COLUMN = """\
| 課題  |     | 課題解決に向けた取 |     | 課題・方針に対する役割(取組) |
| --- | --- | --------- | --- | --------------- |
組方針
| 県土が広く、沿岸部や県北部の町村では精神科医療機 |     | ・圏域を越えた事業 |     | 行政 ・圏域連絡会議での社会 |
| ------------------------ | --- | --------- | --- | -------------- |
| 関、相談支援事業所などの社会資源が限られている  |     | 所の連携をつくる  |     | 資源の把握と不足の整理    |
医療 ・退院支援委員会への相
談支援専門員の招へい
福祉 地域移行支援の実施
その他 社会福祉協議会による見守り
関係機
関・住
民等

| 精神障害に対する住民の理解が十分でなく、地域で暮 |     |     | 当事者・家族の語り | 行政  | こころの健康講座の開催 |
| ------------------------ | --- | --- | --------- | --- | ----------- |
| らす当事者が孤立しやすい             |     |     | を中心にした普及啓 |     |             |
|                          |     |     | 発を行う      |     |             |
|     |     |     |     | 医療  | 講師の派遣       |
| --- | --- | ----------- |"""


def test_an_issue_whose_role_has_a_column_of_its_own_leaves_the_issues_above_read():
    lines = _apply(ISSUES_THEN_ROLE_COLUMN)
    assert lines[3] == (
        "県土が広く、沿岸部や県北部の町村では精神科医療機関、相談支援事業所などの社会資源が限られている"
        "\t・圏域を越えた事業所の連携をつくる\t行政\t・圏域連絡会議での社会資源の把握と不足の整理"
    )
    assert lines[6] == "\t\t医療\t・退院支援委員会への相談支援専門員の招へい"
    assert lines[8] == "\t\t福祉\t地域移行支援の実施"
    assert lines[9] == "\t\tその他関係機関・住民等\t社会福祉協議会による見守り"


# the issues' table whose role ran into its work with an empty last column, and an issue's line that
# starts with the header's word (`課題を…`)
ISSUES_EMPTY_LAST_COLUMN = """\
| 課題  |     | 課題解決に向けた | 課題・方針に対する役割(取組) |     |
| --- | --- | -------- | --------------- | --- |
取組方針
| 治療中断や未受診の人への支援が保健所の個別対応 |     | ・アウトリーチ支 | 行政 ・保健所による訪問と受診調 |     |
| ----------------------- | --- | -------- | ---------------- | --- |
| に頼っており、関係機関が役割を分担して継続的に |     | 援の対象者を関係 | 整                |     |
| 支える仕組みがない。              |     | 機関で検討する場 | ・対象者検討会の運営       |     |
|                         |     | を設ける     |                  |     |
医療 ・アウトリーチチームによる
訪問
福祉 計画相談支援による支援の継続
その他 民生委員による気づきと連絡
関係機
関・住
民等"""

ISSUE_LINE_STARTS_WITH_ITS_HEADER = """\
| 課題  | 課題解決に向けた取 | 課題・方針に対する役割(取組) |
| --- | --------- | --------------- |
組方針
| 区版協議の場の運営が区ごとに異なり、協議の | 区版協議の場の運営 | 行政 マニュアル改訂、区からの課題 |
| --------------------- | --------- | ----------------- |
| 内容や参加機関に差がある。区で解決できない | マニュアルを改訂  | 報告様式の作成、推進会議での    |
| 課題を市全体で受け止める流れが十分に機能し | し、市全体の会議に | 施策化の検討            |
| ていない。                 | 課題を上げる様式と |                   |
医療 区版協議の場への精神科診療所
時期を定める。
の参加"""


def test_an_issues_table_with_an_empty_last_column_is_read_a_role_at_a_time():
    lines = _apply(ISSUES_EMPTY_LAST_COLUMN)
    assert lines[3] == (
        "治療中断や未受診の人への支援が保健所の個別対応に頼っており、関係機関が役割を分担して継続的に支える仕組みがない。"
        "\t・アウトリーチ支援の対象者を関係機関で検討する場を設ける"
        "\t行政\t・保健所による訪問と受診調整 ・対象者検討会の運営"
    )
    assert lines[8] == "\t\t医療\t・アウトリーチチームによる訪問"
    assert lines[10] == "\t\t福祉\t計画相談支援による支援の継続"
    assert lines[11] == "\t\tその他関係機関・住民等\t民生委員による気づきと連絡"


def test_an_issues_line_that_starts_with_the_headers_word_is_the_issues():
    lines = _apply(ISSUE_LINE_STARTS_WITH_ITS_HEADER)
    assert lines[3] == (
        "区版協議の場の運営が区ごとに異なり、協議の内容や参加機関に差がある。区で解決できない課題を市全体で受け止める"
        "流れが十分に機能していない。\t区版協議の場の運営マニュアルを改訂し、市全体の会議に課題を上げる様式と時期を定める。"
        "\t行政\tマニュアル改訂、区からの課題報告様式の作成、推進会議での施策化の検討"
    )
    assert lines[8] == "\t\t医療\t区版協議の場への精神科診療所の参加"
