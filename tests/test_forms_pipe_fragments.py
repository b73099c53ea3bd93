"""Pipe tables that a page breaks (markitdown from a PDF): a row per frequency, fragments past a
blank line or a page number."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import known_headers, pipe_tables

COUNCILS = """\
| 会議名       | 構成員                  | 開催回数 | 内容   |
| --------- | -------------------- | ---- | ---- |
| 緑区地域連携会議  | 保健センター、相談支援事業所、訪問看護  | 年3回  | 事例検討 |
| 中央区地域連携会議 | 保健センター、相談支援事業所、精神科病院 | 年3回  | 事例検討 |"""


def _apply(text: str) -> list[str | None]:
    return apply_form(pipe_tables, text)


def test_a_row_with_a_frequency_is_a_row_of_its_own():
    lines = _apply(COUNCILS)
    assert lines[2] == "緑区地域連携会議\t保健センター、相談支援事業所、訪問看護\t年3回\t事例検討"
    assert lines[3] == "中央区地域連携会議\t保健センター、相談支援事業所、精神科病院\t年3回\t事例検討"


def test_fragments_before_a_blank_line_or_a_page_number_stay_in_the_table():
    text = COUNCILS.replace("| 中央区", "状況に関する報告\n\n| 中央区").replace("| 中央区", "5 -\n| 中央区")
    lines = _apply(text)
    assert lines[2] is not None and lines[2].startswith("緑区地域連携会議\t") and "状況に関する報告" in lines[2]
    assert lines[3:6] == [None, None, None]
    assert lines[6] is not None and lines[6].startswith("中央区地域連携会議\t")


def test_markitdown_reads_every_council(parsed):
    from nikosheet import parse_file_data

    for sheet in ("kawaguchi-r5", "designated-false-headings-fy2023", "city-table-shapes-fy2023"):
        want = [m["name"] for m in parsed(f"{sheet}.txt")["councils"]["meetings"]]
        doc = parse_file_data(FIXTURES / "converters" / f"{sheet}--markitdown-pdf.txt")
        assert [m["name"] for m in doc["councils"]["meetings"]][-1] == want[-1], sheet
        assert len(doc["councils"]["meetings"]) == len(want), sheet


SCHEDULE = """\
| 年度   | 実施内容       | 具体的な取組                     |
| ---- | ---------- | -------------------------- |
| R6年度 | 柏市にも包括の目標の | ・平成30年度に作成した取組シートを整理し、長期目標を明確 |
|      | 明確化と共有     | にする。                       |
R8年度
| R●年度 | 事業利用終了、自治体 |     |"""


def test_under_a_schedules_header_a_row_with_no_year_goes_on_and_a_lone_year_is_a_row():
    lines = _apply(SCHEDULE)
    assert lines[0] == "年度\t実施内容\t具体的な取組"
    assert (
        lines[2]
        == "R6年度\t柏市にも包括の目標の明確化と共有\t・平成30年度に作成した取組シートを整理し、長期目標を明確にする。"
    )
    assert lines[3] is None
    assert lines[4] == "R8年度\t\t"
    assert lines[5] == "R●年度\t事業利用終了、自治体\t"


ISSUES = """\
|課題|課題解決に向けた取組方<br>針|課題・方針に対する役割|(取組)|
|---|---|---|---|
|市町村の協議の場の設置が進んでいな|市町村向けの研修会を行|行政|研修会の開催|
|い|う|医療|講師協力|
|||福祉|研修会への参加|"""


def test_a_roles_row_gives_the_wrapped_ends_of_its_issue_back():
    # pymupdf4llm: the issue's and the policy's last lines on the next role's row
    lines = _apply(ISSUES)
    assert lines[2] == "| 市町村の協議の場の設置が進んでいない | 市町村向けの研修会を行う | 行政 | 研修会の開催 |"
    assert lines[3] == "|  |  | 医療 | 講師協力 |"
    assert lines[4] == "|||福祉|研修会への参加|"


SPLIT = """\
|課題||課題解決|に向けた取組方針|課題・方針に対|する役割(取組)|
|---|---|---|---|---|---|
|市町の協議の場の設置・運営に<br>り、小規模町では専門職の確保|差があ<br>が難しい|・圏域単<br>化する<br>|位での市町支援を強<br>|行政|・アドバイザー派遣|"""


def test_a_column_that_pymupdf4llm_cut_in_two_is_joined_line_by_line():
    lines = _apply(SPLIT)
    assert lines[0] == "|課題|課題解決に向けた取組方針|課題・方針に対|する役割(取組)|"
    cells = [c.strip() for c in (lines[2] or "").strip("|").split("|")]
    assert cells == [
        "市町の協議の場の設置・運営に差があり、小規模町では専門職の確保が難しい",
        "・圏域単位での市町支援を強化する",
        "行政",
        "・アドバイザー派遣",
    ]


def test_a_header_whose_cut_piece_matches_alone_is_still_found():
    # `現状値 (<br>初)` matches the header cell by itself; with `今年度当` beside it, the row fits
    split = known_headers.split_columns(
        [
            "課題解決の達成度を測る指標",
            "現状値 (<br>初)",
            "今年度当",
            "目標値 (今年度末)",
            "見込んでいる成",
            "果・効果",
        ],
        pipe_tables._side_by_side,
    )
    assert split == [[0], [1, 2], [3], [4, 5]]


MARKITDOWN_ISSUES = """\
| 課題              | 課題解決に向けた取組方針   | 課題・方針に対する役割(取組) |              |
| --------------- | -------------- | --------------- | ------------ |
| 長期入院者の退院に向けた働きか | ・ピアサポーターの病院訪問を | 行政              | 病院訪問の調整、合同研修 |
| けが病院ごとに異なる      | 全病院に広げる        |                 | の開催          |
|               |                | 医療     | ピアサポーターの受け入れ |
| ------------- | -------------- | ------ | ------------ |
|               | ・病院と地域の合同研修を行う |      |           |
|               |                | その他関     | 家族会による退院者の交流 |
係機関・
住民等"""


def test_an_issues_lines_among_its_roles_rows_go_back_to_it():
    lines = _apply(MARKITDOWN_ISSUES + "\n| 課題解決の達成度を測る指標 | 目標値 |\n| --- | --- |")
    assert lines[2] == (
        "長期入院者の退院に向けた働きかけが病院ごとに異なる\t"
        "・ピアサポーターの病院訪問を全病院に広げる ・病院と地域の合同研修を行う\t行政\t病院訪問の調整、合同研修の開催"
    )
    assert lines[3] is None
    assert lines[4] == "\t\t医療\tピアサポーターの受け入れ"
    assert lines[6] is None
    assert lines[7] == "\t\tその他関係機関・住民等\t家族会による退院者の交流"


INDICATORS = """\
| 課題解決の達成度を | 目標値 実績値 (昨年度末) |     | 具体的な成果・効果 |
| --------- | -------------- | --- | --------- |
| 測る指標      | (昨年度           |     |           |
当初)
| ①保健・医療・福祉 | ①精神   | ①精神保健福祉支援者研修    | ①保健・医療・福祉の支援者を対象に |
|           | 保健福   | 会(年1回・56名)      | 法改正についての研修会を実施。 |
|           | 祉支援   |                 | 多職種連携につながった。 |"""


def test_two_joined_headers_and_the_first_ones_note_after_them_are_split():
    lines = _apply(INDICATORS)
    assert lines[0] == "課題解決の達成度を測る指標\t目標値 (昨年度当初)\t実績値 (昨年度末)\t具体的な成果・効果"
    assert lines[2:4] == [None, None]


def test_an_indicators_row_goes_on_where_the_first_cell_is_empty():
    lines = _apply(INDICATORS)
    assert lines[4] == (
        "①保健・医療・福祉\t①精神保健福祉支援\t①精神保健福祉支援者研修会(年1回・56名)\t"
        "①保健・医療・福祉の支援者を対象に法改正についての研修会を実施。多職種連携につながった。"
    )


LABEL = "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
# markitdown: the label's wrapped lines between its levels' rows, its as-of's end in a row's first cell
SETUP = """\
| 精神障害にも対応した地域包括ケアシス | 都道府県         | 有・無       | か所  |
| ------------------ | ------------ | --------- | --- |
テムの構築に向けた保健・医療・福祉関
|     | 障害保健福祉圏域 | 有・無 | / か所/障害圏域数 |
| --- | -------- | --- | ---------- |
係者による協議の場の設置状況 (R6年4月
| 時点) | 市町村 | 〇有・無 | 1 / 1 か所/市町村 |
| --- | --- | ---- | ------------ |"""
# pymupdf4llm: the label's lines that stand beside a level, written in the level's cell
COMPACT_SETUP = """\
|障害保健福祉圏域数（R5年4月時点）||1|か所|||
|---|---|---|---|---|---|
|精神障害にも対応した地域包括ケアシステムの|構築に<br>都道府県|有・無||||
|向けた保健・医療・福祉関係者による協議の場<br>|の設置<br>障害保健福祉圏域|有・無||||
|状況（R5年4月時点）|市町村|(有)・無||1 / 1||"""


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            SETUP,
            {
                0: f"{LABEL} (R6年4月時点)\t都道府県\t有・無\tか所",
                3: "\t障害保健福祉圏域\t有・無\t/ か所/障害圏域数",
                6: "\t市町村\t〇有・無\t1 / 1 か所/市町村",
            },
        ),
        (
            COMPACT_SETUP,
            {
                2: f"| {LABEL}（R5年4月時点） | 都道府県 | 有・無 |  |  |  |",
                3: "|  | 障害保健福祉圏域 | 有・無 |  |  |  |",
                4: "|  | 市町村 | (有)・無 |  | 1 / 1 |  |",
            },
        ),
    ],
)
def test_the_setups_label_wrapped_among_its_levels_rows_goes_back_to_it(text, want):
    lines = _apply(text)
    assert {i: lines[i] for i in want} == want


def _markitdown(rows: list[list[str]]) -> str:
    """Rows as markitdown writes a PDF's table: each cell padded to its column's width, a separator
    under the first row."""
    widths = [max(len(row[j]) for row in rows) for j in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    return "\n".join([lines[0], "| " + " | ".join("-" * w for w in widths) + " |", *lines[1:]])


def _apply_rows(rows: list[list[str]], strays: dict[int, str] | None = None) -> list[str | None]:
    """The form's lines from markitdown's table of these rows, a stray line after row k (k: strays'
    keys, 1 the first row below the header) where a wrapped cell's rest fell outside the table."""
    lines = _markitdown(rows).split("\n")
    for k in sorted(strays or {}, reverse=True):
        lines.insert(k + 2, (strays or {})[k])
    return _apply("\n".join(lines))


def test_a_sectors_wrapped_label_carries_its_row_on():
    lines = _apply_rows(
        [
            ["各部門の連携状況", "強み・課題等", ""],
            ["その他関", "アウトリーチ事業を行い、医療機関との連携", "早期相談を実施するうえで、教育機関や"],
            ["係機関・", "を深めている。", "児童相談所との連携が課題となってい"],
            ["住民等", "", "る。"],
        ]
    )
    assert lines[2] == (
        "その他関係機関・住民等\tアウトリーチ事業を行い、医療機関との連携を深めている。\t"
        "早期相談を実施するうえで、教育機関や児童相談所との連携が課題となっている。"
    )
    assert lines[3:] == [None, None]


def test_a_councils_row_goes_on_until_the_next_frequency():
    lines = _apply_rows(
        [
            ["名称", "協議の場の構成員", "開催頻度 実施内容", "特記事項等(課題・強み"],
            ["世田谷区精神", "精神科病院、精神科診療所、相談支援", "2回/年 全体の課題の共有", "地域連絡会の課題を区全"],
            ["保健福祉連絡", "事業所、家族会、ピアサポーター、区", "取組の方針決定", "体で共有する流れができ"],
            ["地域精神保健", "各地域の医療機関、相談支援事業所、", "年4回 ・事例検討", "地域により参加機関の数"],
        ]
    )
    assert lines[2] is not None and lines[2].startswith("世田谷区精神保健福祉連絡\t")
    assert lines[3] is None
    assert lines[4] is not None and lines[4].startswith("地域精神保健\t")


def test_a_fragment_under_a_short_event_is_the_years_next_event_and_else_goes_on():
    lines = _apply_rows(
        [
            ["年度", "経過", "委託"],
            ["平成24年度", "静岡県精神障害者地域移行・地域定着支援事業を開始", "圏域の指定一般相談支援"],
            ["平成29年度", "ピアサポーター養成研修を開始", ""],
            ["令和5年度", "アドバイザー派遣を開始", "↓"],
        ],
        {1: "事業所", 2: "精神科病院へのピアサポーター派遣を試行"},
    )
    assert lines[2] == "平成24年度\t静岡県精神障害者地域移行・地域定着支援事業を開始\t圏域の指定一般相談支援事業所"
    assert lines[3] is None
    assert lines[4] == "平成29年度\tピアサポーター養成研修を開始\t"
    assert lines[5] == "\t精神科病院へのピアサポーター派遣を試行\t"


def test_the_lines_after_a_table_that_go_on_with_its_last_row_until_a_sentence_ends():
    rows = [
        ["名称", "協議の場の構成員", "開催頻度", "特記事項等(課題・強み等)"],
        ["委員ヒアリング", "協議の場の委員", "4回/年", "事務局が各委員に個別訪問し、直接意見交換を行う"],
        ["", "", "", "ことで、率直な意見を聴取することができる。また、"],
        ["", "", "", "このことで各委員のモチベーションを"],
    ]
    tail = ["高めることにつながってい", "る。", "上記について、ご助言いただきたいです。"]
    lines = _apply(_markitdown(rows) + "\n" + "\n".join(tail))
    assert lines[2] is not None and lines[2].endswith("このことで各委員のモチベーションを高めることにつながっている。")
    assert lines[5:7] == [None, None]
    assert lines[7] == "上記について、ご助言いただきたいです。"


def test_pymupdf4llms_inpatient_rows_cut_where_no_column_is_are_joined_back():
    text = """\
|精神科病床数（R5年4月時点）||1,540|床|||
|---|---|---|---|---|---|
|入院精神障害者数 （R4年6月時点） ※630調|合計|1,102|人|||
|査|3か月未満 （％：構成割合）|201 18.2|人 ％|||
||1年以上（％：構成割合）||711|64.5|人 ％|
|||うち65歳|未満|263|人|"""
    lines = _apply(text)
    assert lines[2:] == [
        "|入院精神障害者数 （R4年6月時点） ※630調査|合計|1,102|人|||",
        "||3か月未満 （％：構成割合）|201 18.2|人 ％|||",
        "||1年以上（％：構成割合）||711 64.5|人 ％||",
        "|||うち65歳未満|263|人||",
    ]


def test_a_compact_headers_wrapped_rest_under_it_is_joined_to_it():
    text = """\
|名称|協議の場の構成員|開催頻度|実施内容|特記事項等(課題・強|
|---|---|---|---|---|
|||||み等)|
|相模原市精神保健福祉推|精神科病院、相談支援事業所、家族|年2回|方針の決定||
|進会議|会、行政||||"""
    lines = _apply(text)
    assert lines[0] == "| 名称 | 協議の場の構成員 | 開催頻度 | 実施内容 | 特記事項等(課題・強み等) |"
    assert lines[2] is None
    assert (
        lines[3]
        == "| 相模原市精神保健福祉推進会議 | 精神科病院、相談支援事業所、家族会、行政 | 年2回 | 方針の決定 |  |"
    )


STATISTICS_ROWS = """\
| 相談支援事業所数 (令和6年4月1日現在)  | 基幹相談支援センター数    | 1 か所   |
|                        | 一般相談支援事業所数     | 21 か所  |
|                        | 特定相談支援事業所数     | 88 か所  |
| ---------------------- | -------------- | ------ |
| (自立支援)協議会の開催頻度 (令和5年度) | (自立支援)協議会の開催頻度 | 2 回/年  |
|                        | 精神領域に関する議論を行   | 有 (無)  |
う部会の有無"""


def test_a_statistics_sub_row_is_a_row_of_its_group_and_its_wrapped_label_goes_back_to_it():
    lines = _apply(STATISTICS_ROWS)
    assert lines[:3] == [
        "相談支援事業所数 (令和6年4月1日現在)\t基幹相談支援センター数\t1 か所",
        "\t一般相談支援事業所数\t21 か所",
        "\t特定相談支援事業所数\t88 か所",
    ]
    assert lines[5] == "\t精神領域に関する議論を行う部会の有無\t有 (無)"
    assert lines[6] is None


def test_cells_cut_under_a_pages_first_row_go_on_beside_no_label_until_a_lists_next_item():
    # pymupdf4llm: the indicator's row on a new page, its cells' last lines in a row of their own
    lines = _apply(
        "|③ピアサポーターの活動|・登録者数 40|・登録者数|・入院者からの「退院後の生活がイメージでき|\n"
        "|---|---|---|---|\n"
        "||人|43人|た」という声が増えた。|\n"
        "||・病院訪問 60<br>回|・病院訪問<br>52回|・訪問の謝金・交通費の確保が課題として残っ<br>た。|"
    )
    assert lines[0] == (
        "| ③ピアサポーターの活動 | ・登録者数 40人 | ・登録者数 43人 | "
        "・入院者からの「退院後の生活がイメージできた」という声が増えた。 |"
    )
    assert lines[2] is None
    assert lines[3] == "|  | ・病院訪問 60回 | ・病院訪問 52回 | ・訪問の謝金・交通費の確保が課題として残った。 |"


OUTCOMES = """\
| 課題解決の | 目標値 (昨年 | 実績値 (昨年度末) | 具体的な成果・効果 |
| ----- | ------- | ---------- | --------- |
| 達成度を測 | 度当初)    |            |           |
る指標
| ①長期入院 | 地域移行支援   | 地域移行支援の新規利 | ①病院の退院支援委員会に相談支援専門員が参加する仕組  |
| ----- | -------- | ---------- | --------------------------- |
| 者の退院支 | の新規利用 15 | 用 11人      | みができた。 ②退院者のうち3人がピアサポーターの同行 |
| 援     | 人        |            | で住まいを見学した。                  |
| ②措置入院 | ・支援計画の   | ・支援計画の作成率  | 退院後に地域の支援者へつなぐ流れが明確になり、再入院  |"""


def test_an_indicators_name_that_a_narrow_column_wrapped_goes_on_and_a_header_cells_rest_goes_back():
    lines = _apply(OUTCOMES)
    assert lines[0] == "課題解決の達成度を測る指標\t目標値 (昨年度当初)\t実績値 (昨年度末)\t具体的な成果・効果"
    assert lines[4] is not None and lines[4].startswith("①長期入院者の退院支援\t地域移行支援の新規利用 15人\t")
    assert lines[6:8] == [None, None]
    assert lines[8] is not None and lines[8].startswith("②措置入院\t")


DEPARTMENTS = """\
| 所管部署名    | 所管部署における主な業務                        |              |
| -------- | ----------------------------------- | ------------ |
| 保健所保健予防課 | 精神保健福祉相談、訪問支援、措置入院者等の退院後支援、推進会議の事務局 |              |
| 障害福祉課    | 障害福祉サービスの支給決定、自立支援協議会の運営、地域移行支援事業   |              |
| 連携部署名    |                                     | 連携部署における主な業務 |

地域包括支援課 地域包括支援センターの運営、地域ケア推進会議
住宅課 市営住宅の管理、住宅確保要配慮者への支援
各部門の連携状況 強み・課題等"""


def test_a_department_under_a_whole_name_is_a_row_and_departments_written_as_text_are_rows():
    lines = _apply(DEPARTMENTS)
    assert lines[2] == "保健所保健予防課\t精神保健福祉相談、訪問支援、措置入院者等の退院後支援、推進会議の事務局"
    assert lines[3] == "障害福祉課\t障害福祉サービスの支給決定、自立支援協議会の運営、地域移行支援事業"
    assert lines[6:8] == [
        "地域包括支援課\t地域包括支援センターの運営、地域ケア推進会議",
        "住宅課\t市営住宅の管理、住宅確保要配慮者への支援",
    ]
    assert lines[8] == "各部門の連携状況 強み・課題等"  # no department's name: left as it was


def test_a_header_row_whose_wrapped_rest_starts_with_a_header_word_is_one_header():
    lines = _apply(
        "| 課題解決の達成度を測る |     | 目標値 (R4年度当 | 実績値 (R4年度 | 具体的な成果・効果              |\n"
        "| ----------- | --- | ---------- | --------- | ---------------------- |\n"
        "| 指標          |     | 初)         | 末)        |                        |\n"
        "| ②研修会の開催     |     | 年2回        | 年2回       | 支援者の理解が深まった。           |"
    )
    assert lines[0] == "課題解決の達成度を測る指標\t目標値 (R4年度当初)\t実績値 (R4年度末)\t具体的な成果・効果"
    assert lines[2] is None
    assert lines[3] == "②研修会の開催\t年2回\t年2回\t支援者の理解が深まった。"


def test_the_setups_label_goes_on_after_its_last_level_until_its_as_of_closes():
    lines = _apply(
        "| 精神障害にも対応した地域 |     | 都道府県 |     | 有・無 |     |\n"
        "| ------------ | --- | ---- | --- | --- | --- |\n"
        "包括ケアシステムの構築に\n"
        "|     |     | 市町村 |     | 有り  | 1 / 1 |\n"
        "| --- | --- | --- | --- | --- | ----- |\n"
        "状況（R5年4月時点）\n"
        "2  精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）"
    )
    assert lines[0] == "精神障害にも対応した地域包括ケアシステムの構築に状況（R5年4月時点）\t都道府県\t有・無\t"
    assert lines[5] is None
    assert lines[6].startswith("2  ")


def test_a_fragment_that_goes_on_with_a_katakana_word_goes_to_the_cell_that_cut_it():
    lines = _apply(
        "| 時期(月) | 実施する項目           |     | 実施する内容                   |\n"
        "| ----- | ---------------- | --- | ------------------------ |\n"
        "| R5年5月 | 第1回協議の場開催に向けた委員ヒ |     | 地域課題の解決に向けた取り組みについての聞き取り |\n"
        "アリング\n"
        "| R5年8月  | 第1回協議の場の開催       |     | ヒアリングに基づいた具体的な実施内容についての検討  |"
    )
    assert (
        lines[2] == "R5年5月\t第1回協議の場開催に向けた委員ヒアリング\t地域課題の解決に向けた取り組みについての聞き取り"
    )
    assert lines[3] is None


def test_a_fragment_goes_to_the_cell_a_wrap_cut_and_the_next_under_its_short_end_is_a_second_event():
    lines = _apply(
        "| 年度     | 経過                        |     | 委託         |\n"
        "| ------ | ------------------------- | --- | ---------- |\n"
        "| 平成26年度 | 倉敷市精神障害者地域移行支援協議会を設置      |     | 倉敷市社会福祉協議会 |\n"
        "| 令和元年度  | 精神障害にも対応した地域包括ケアシステム推進会議へ |     | ↓          |\n"
        "改組\n"
        "実務者部会を設置し、事例検討を開始\n"
        "| 令和4年度～ | ピアサポーター養成講座を開始 |     | 特定非営利活動法人 こころネット |"
    )
    assert lines[3:6] == [
        "令和元年度\t精神障害にも対応した地域包括ケアシステム推進会議へ改組\t↓",
        None,  # `改組`: the end of the event, whose column a wrap cut (not 委託's `↓`)
        "\t実務者部会を設置し、事例検討を開始\t",  # under the event's short last piece: the year's next
    ]


def test_a_fragment_goes_to_the_cell_as_wide_as_its_column_not_one_beside_that_stops_short():
    # markitdown of a Chromium PDF (a new table at each stray line): `会` ends the item (`…推進協議`,
    # its column's widest line), not the detail beside it, whose line stops three characters short
    lines = _apply(
        "| 時期(月) | 実施する項目  | 実施する内容                     |\n"
        "| ----- | ------- | -------------------------- |\n"
        "| R5年4月 | 市町担当者会議 | 今年度の協議の場の開催計画とアドバイザー派遣の希望の |\n"
        "確認\n"
        "| R5年5月〜6月 | 圏域連絡会議（第1回）       | 各圏域の今年度の重点課題の設定         |\n"
        "| -------- | ----------------- | ----------------------- |\n"
        "| R5年7月    | 第1回 地域移行・地域定着推進協議 | 圏域の重点課題の共有、障害・介護合同研修の企画 |\n"
        "会\n"
        "| R5年9月      | 障害・介護合同研修（県北・県央）  | 精神障害の理解と高齢の退院者の支援の実際    |\n"
        "| ---------- | ----------------- | ----------------------- |\n"
        "| R5年10月〜11月 | 圏域連絡会議（第2回）       | 救急情報センター相談記録の共有手順の試行と検証 |\n"
        "| R5年12月     | 障害・介護合同研修（県南・両毛）  |                         |"
    )
    rows = [line for line in lines if line and "\t" in line]  # (separator rows are layout)
    assert rows[2:5] == [
        "R5年5月〜6月\t圏域連絡会議（第1回）\t各圏域の今年度の重点課題の設定",
        "R5年7月\t第1回 地域移行・地域定着推進協議会\t圏域の重点課題の共有、障害・介護合同研修の企画",
        "R5年9月\t障害・介護合同研修（県北・県央）\t精神障害の理解と高齢の退院者の支援の実際",
    ]
    assert rows[1].endswith("派遣の希望の確認")  # the cell that fills its column, where the other is short


def test_a_goal_s_label_wrapped_into_the_next_table_takes_its_row_along():
    # markitdown of a Chromium PDF starts a table at every wrapped line: `短期目標 (今` / `年度)` (the
    # bracket closed, though `年度` heads the long-term plan) and `スモール ス` / `テップ` go on, their
    # texts with them; a label's start written as a line of its own is a row, not the goal's rest
    lines = _apply(
        "| 短期目標 (今 | 退院支援連携シートの活用件数を40件とし、ピアサポー |                      |     |\n"
        "| ------- | -------------------------- | -------------------- | --- |\n"
        "| 年度)     | ターの派遣を年20回に拡大する。           |                      |     |\n"
        "| スモール ス  | 市内精神科病院14か所すべてで病棟職員向け説明会を開 |                      |     |\n"
        "| テップ     | 催する。                       |                      |     |"
    )
    assert [line.rstrip("\t") for line in lines if line and "\t" in line] == [
        "短期目標 (今年度)\t退院支援連携シートの活用件数を40件とし、ピアサポーターの派遣を年20回に拡大する。",
        "スモール ステップ\t市内精神科病院14か所すべてで病棟職員向け説明会を開催する。",
    ]
    lines = _apply(
        "| 短期目標 (今 | 作業部会で住まい・普及啓発・医療との連携につ |     |\n"
        "| ------- | ---------------------- | --- |\n"
        "| 年度)     | いて具体的な取組を実施する。         |     |\n"
        "スモール ス\nテップ\n"
        "| 時期(月) | 実施内容     | 具体的な取組                   |"
    )
    rows = [line.split("\t") for line in lines if line and "\t" in line]
    goal = "作業部会で住まい・普及啓発・医療との連携について具体的な取組を実施する。"
    assert rows[0][:2] == ["短期目標 (今年度)", goal]
    assert rows[1][0] == "スモール ステップ" and not any(rows[1][1:])


def test_a_compact_headers_row_that_ends_its_long_first_cell_is_the_headers_rest():
    # pymupdf4llm: `|指標|初)|末)||` under the indicators' header
    lines = _apply(
        "|課題解決の達成度を測る|目標値 (R4年度当|実績値 (R4年度|具体的な成果・効果|\n"
        "|---|---|---|---|\n"
        "|指標|初)|末)||\n"
        "|②研修会の開催|年2回|年2回|支援者の理解が深まった。|"
    )
    assert lines[0] == "| 課題解決の達成度を測る指標 | 目標値 (R4年度当初) | 実績値 (R4年度末) | 具体的な成果・効果 |"
    assert lines[2] is None


def test_departments_written_with_their_duties_in_one_cell_are_cut_at_the_name():
    lines = _apply(
        "| 所管部署名 所管部署における主な業務                             |     |\n"
        "| ---------------------------------------------- | --- |\n"
        "| 障害者支援課 にも包括構築推進事業の企画、精神保健福祉審議会の運営     |     |\n"
        "| 精神保健福祉総合センター 自殺対策推進室 自殺未遂者支援、相談窓口の周知 |     |"
    )
    assert [line for line in lines if line is not None and "-" not in line] == [
        "所管部署名\t所管部署における主な業務",
        "障害者支援課\tにも包括構築推進事業の企画、精神保健福祉審議会の運営",
        "精神保健福祉総合センター 自殺対策推進室\t自殺未遂者支援、相談窓口の周知",
    ]


HISTORY_WITH_SECOND_EVENTS = """\
| 年度     | 経過                   | 委託                 |
| ------ | -------------------- | ------------------ |
| 平成20年度 | 精神障害者地域移行支援特別対策事業を開始 | 社会福祉法人 かがわ精神保健福祉協会 |
ピアサポーターの養成講座を開始
| 平成26年度 | 地域移行支援・地域定着支援の事業所連絡会を設置 | 特定非営利活動法人 たかまつ地域生活支援ピ |
| ------ | ----------------------- | --------------------- |
アネットワーク
| 令和4年度 | 島しょ部（男木島・女木島）での訪問支援を開始 |     |
| ----- | ---------------------- | --- |
作業部会を設置し、検討会の下で具体的な取組を企
画する体制とした"""


def test_a_fragment_whose_first_character_fitted_on_the_event_above_is_the_years_next_event():
    lines = _apply(HISTORY_WITH_SECOND_EVENTS)
    assert lines[2] == "平成20年度\t精神障害者地域移行支援特別対策事業を開始\t社会福祉法人 かがわ精神保健福祉協会"
    assert lines[3] == "\tピアサポーターの養成講座を開始\t"  # the body's name above ends no wrap
    assert lines[4] == (
        "平成26年度\t地域移行支援・地域定着支援の事業所連絡会を設置"
        "\t特定非営利活動法人 たかまつ地域生活支援ピアネットワーク"
    )
    assert lines[7] == "令和4年度\t島しょ部（男木島・女木島）での訪問支援を開始\t"
    # after the table too: `作` would have fitted beside `開始`, so no wrap put it below
    assert lines[9] == "\t作業部会を設置し、検討会の下で具体的な取組を企画する体制とした\t"
    assert lines[10] is None


ISSUE_ROLES_AS_TEXT = """\
| 課題  |     | 課題解決に向けた取組 | 課題・方針に対する役割(取組) |     |
| --- | --- | ---------- | --------------- | --- |
方針
| 精神科病院と地域の支援者の連 |     | 合同研修会と事例検討 | 行政  | 合同研修会の開催、連携の手順書の作成 |
| -------------- | --- | ---------- | --- | ------------------ |
| 携が個人のつながりに頼ってい |     | で組織としての連携を | 医療  | 研修会への参加、退院前カンファレンス |
| る              |     | つくる        |     |                    |
への地域支援者の招へい
福祉 研修会への参加、退院支援への協力
その他関係機 家族会による体験談の発表
関・住民等"""


def test_an_issues_roles_written_as_text_lines_are_rows_of_their_own():
    lines = _apply(ISSUE_ROLES_AS_TEXT)
    assert lines[3] == (
        "精神科病院と地域の支援者の連携が個人のつながりに頼っている\t合同研修会と事例検討で組織としての連携をつくる"
        "\t行政\t合同研修会の開催、連携の手順書の作成"
    )
    assert lines[5] == "\t\t医療\t研修会への参加、退院前カンファレンスへの地域支援者の招へい"
    assert lines[8] == "\t\t福祉\t研修会への参加、退院支援への協力"
    assert lines[9] == "\t\tその他関係機関・住民等\t家族会による体験談の発表"
    assert lines[10] is None


SECTORS_UNDER_DEPARTMENTS = """\
| 連携部署名    |     | 連携部署における主な業務             |     |     |
| -------- | --- | ------------------------ | --- | --- |
| 地域政策課    |     | 島しょ部の振興、出張所の運営           |     |     |
各部門の連携状況 強み・課題等
| 保健  | 保健所の保健師と精神保健福祉士が島しょ部を含めて訪 |     |     | 島しょ部への訪問は船の便に左右さ |
| --- | ------------------------- | --- | --- | ---------------- |
問支援を行っている。 れる。
| その他関係機関・ | 家族会が家族教室の運営に協力している。 |     |     | ピアサポーターの活動の場が少な |
| -------- | ------------------- | --- | --- | --------------- |
住民等 い。"""


def test_a_header_written_as_a_line_starts_its_table_and_side_by_side_ends_go_to_their_cells():
    lines = _apply(SECTORS_UNDER_DEPARTMENTS)
    assert lines[2] == "地域政策課\t島しょ部の振興、出張所の運営"
    assert lines[3] == "各部門の連携状況\t\t強み・課題等"
    assert lines[4] == (
        "保健\t保健所の保健師と精神保健福祉士が島しょ部を含めて訪問支援を行っている。\t島しょ部への訪問は船の便に左右される。"
    )
    assert lines[6] is None
    assert lines[7] == (
        "その他関係機関・住民等\t家族会が家族教室の運営に協力している。\tピアサポーターの活動の場が少ない。"
    )
    assert lines[9] is None


def test_departments_written_as_text_under_their_header_written_as_text_are_rows(converted):
    doc = converted(FIXTURES / "converters" / "city-bold-headings-fy2023--markitdown-pdf.txt")
    assert [(d["name"], d["duties"]) for d in doc["coordination"]["partner_departments"]] == [
        ("地域包括ケア課", "高齢者の地域包括ケアシステムの推進")
    ]
    # the sectors' header as a line of its own, under the partners' table: each sector its own row
    doc = converted(FIXTURES / "converters" / "city-pipe-fy2023--markitdown-pdf.txt")
    sectors = {s["label"]: s["strengths_and_issues"] for s in doc["coordination"]["sectors"]}
    assert sectors["福祉"] == "地域定着支援を行う事業所が限られている。"
    assert sectors["医療"] == "精神科診療所の参加が少ない。"


LONG_SCHEDULE_JOINED = """\
| 長期目標 全34市町村で協議の場が機能し、圏域・県の重層的な支援体制のもとで、長期入院者が希望する地域へ |     |
| ---------------------------------------------------- | --- |
退院し、住み続けられる。
| 年度 実施内容               |     | 具体的な取組                |     |     |
| --------------------- | --- | --------------------- | --- | --- |
| R6年度 市町村の協議の場の共同設置の推進 |     | 未設置13市町村への福祉保健所の伴走支援 |     |     |
| R7年度 中山間地域の通院と日中活動の支援    |     | オンライン診療と移動支援の活用事例の共有 |     |     |
| ------------------------ | --- | -------------------- | --- | --- |"""


def test_a_goal_and_its_label_in_one_cell_and_a_year_joined_to_its_item_are_set_apart():
    lines = _apply(LONG_SCHEDULE_JOINED)
    assert lines[0] == (
        "長期目標\t全34市町村で協議の場が機能し、圏域・県の重層的な支援体制のもとで、長期入院者が希望する地域へ"
        "退院し、住み続けられる。"
    )
    assert lines[3] == "年度\t実施内容\t具体的な取組"
    assert lines[5] == "R6年度\t市町村の協議の場の共同設置の推進\t未設置13市町村への福祉保健所の伴走支援"
    assert lines[6] == "R7年度\t中山間地域の通院と日中活動の支援\tオンライン診療と移動支援の活用事例の共有"


ROLES_AS_TEXT = """\
| 課題  | 課題解決に向けた取組方 | 課題・方針に対する役割(取組) |     |
| --- | ----------- | --------------- | --- |
| 区ごとに協議の場の運営や取組に差があ  | ・区の会議の報告様式を | 行政  | ・報告様式の作成、区担当 |
| ------------------- | ----------- | --- | ------------ |
| り、区で把握した課題が市の部会に十分上 | 統一する        |     | 者連絡会の開催      |
医療 区の会議への参加、事例の
提供
福祉 基幹相談支援センターによ
る区の会議の運営支援
その他関係 家族会・ピアサポーターの
機関・住民 区の会議への参加
等
| 課題解決の達成度を測る指標 | 目標値 |
| --- | --- |"""


def test_an_issues_roles_written_as_text_under_its_rows_broken_rest_are_the_roles_rows():
    # markitdown: a separator row broke the issue's first row; each later role wraps over two or three lines
    lines = _apply(ROLES_AS_TEXT)
    assert lines[2] == (
        "区ごとに協議の場の運営や取組に差があり、区で把握した課題が市の部会に十分上\t"
        "・区の会議の報告様式を統一する\t行政\t・報告様式の作成、区担当者連絡会の開催"
    )
    assert [lines[k] for k in (5, 7, 9)] == [
        "\t\t医療\t区の会議への参加、事例の提供",
        "\t\t福祉\t基幹相談支援センターによる区の会議の運営支援",
        "\t\tその他関係機関・住民等\t家族会・ピアサポーターの区の会議への参加",
    ]


def test_a_setup_levels_count_whose_unit_wrapped_goes_on_with_its_unit_not_the_open_label():
    text = (
        "| 精神障害にも対応した地域包括ケア |     | 都道府県 |     | ■有 □無 | 1か所 |\n"
        "| ---------------- | --- | ---- | --- | ----- | --- |\n"
        "システムの構築に向けた保健・医\n"
        "|     |     | 障害保健福祉圏域 |     | 有 ・ 無（〇） | 0 / 6 か所/障 |\n"
        "| --- | --- | -------- | --- | -------- | ---------- |\n"
        "療・福祉関係者による協議の場の設\n"
        "害圏域数\n"
        "置状況（令和5年4月1日現在）\n"
        "|     |     | 市町村 |     | ☑有 □無 | 18 / 40 か所/市町村数 |\n"
        "| --- | --- | --- | --- | ----- | --------- |"
    )
    lines = _apply(text)
    assert lines[0] == (
        "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
        "（令和5年4月1日現在）\t都道府県\t■有 □無\t1か所"
    )
    assert lines[3] == "\t障害保健福祉圏域\t有 ・ 無（〇）\t0 / 6 か所/障害圏域数"


def test_a_sectors_label_and_status_written_as_one_cell_under_the_spanning_header_are_two():
    text = (
        "|各部門の連携状況|強み・課題等|\n"
        "|---|---|\n"
        "|保健<br>保健所が圏域の協議の場の事務局として、市町・医療機関・|保健所ごとに取組の進み具合に差|\n"
        "|事業所との調整を行っている。|がある。|"
    )
    lines = _apply(text)
    assert lines[0] == "|各部門の連携状況||強み・課題等|"
    assert lines[2] == (  # the status's rest, beside no label, goes on in the sector's row
        "| 保健 | 保健所が圏域の協議の場の事務局として、市町・医療機関・事業所との調整を行っている。"
        " | 保健所ごとに取組の進み具合に差がある。 |"
    )
    assert lines[3] is None


def test_a_lists_next_item_stays_in_its_event_under_a_wrap_and_after_a_stray_line():
    # markitdown of a Chromium PDF: a list's item a line of its own outside the table (`・感染症…`), or a
    # row of its own beside the end of a commission a wrap cut (`障がい者総合サポートセン` / `ター`)
    lines = _apply(
        "| 年度     | 経過                               |     | 委託           |\n"
        "| ------ | -------------------------------- | --- | ------------ |\n"
        "| 令和2年度  | ・「大田区精神保健福祉地域連携会議」を設置 |     |              |\n"
        "・感染症の影響で第1回は書面開催\n"
        "| 令和3年度 | 4地域で地域別連絡会を開始              |     |              |\n"
        "| ----- | -------------------------- | --- | ------------ |\n"
        "|       | 区外の精神科病院（都内12病院）への訪問を開始    |     | ↓            |\n"
        "| 令和4年度 | ・ピアサポーター養成講座を開始            |     | 障がい者総合サポートセン |\n"
        "|       | ・入院中の区民の退院意向の聞き取りの方法を病院と検討 |     | ター           |"
    )
    rows = [line for line in lines if line and "\t" in line]
    assert rows[1:] == [
        "令和2年度\t・「大田区精神保健福祉地域連携会議」を設置 ・感染症の影響で第1回は書面開催\t",
        "令和3年度\t4地域で地域別連絡会を開始\t",
        "\t区外の精神科病院（都内12病院）への訪問を開始\t↓",  # an event of its own: its commission is not a rest
        "令和4年度\t・ピアサポーター養成講座を開始 ・入院中の区民の退院意向の聞き取りの方法を病院と検討"
        "\t障がい者総合サポートセンター",
    ]


# markitdown of a Chromium PDF: the history's last row a list, lines `after` it before the next section
_LIST_LAST_ROW = (
    "| 年度     | 経過                              |     | 委託             |\n"
    "| ------ | ------------------------------- | --- | -------------- |\n"
    "| 令和4年度  | 作業部会を「地域移行」「普及啓発」の2部会に再編        |     | ↓              |\n"
    "| 令和5年度  | ・島しょ部の訪問相談を月1回に定例化              |     | ↓              |\n"
    "{after}\n"
    "４  精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果"
)


def test_a_lists_next_item_after_the_tables_last_row_stays_in_its_event():
    lines = _apply(_LIST_LAST_ROW.format(after="・精神科病院4病院と「退院前カンファレンス」の運用を開始"))
    assert lines[3:5] == [
        "令和5年度\t・島しょ部の訪問相談を月1回に定例化 ・精神科病院4病院と「退院前カンファレンス」の運用を開始\t↓",
        None,
    ]


def test_a_lists_next_item_after_the_table_takes_its_own_wrapped_rest():
    lines = _apply(
        _LIST_LAST_ROW.format(
            after="・精神科病院4病院と退院前カンファレンスの運用を開始し、地域の関\n係機関との連携を強化"
        )
    )
    assert lines[3:6] == [
        "令和5年度\t・島しょ部の訪問相談を月1回に定例化 ・精神科病院4病院と退院前カンファレンスの運用を開始し、"
        "地域の関係機関との連携を強化\t↓",
        None,
        None,
    ]


def test_a_fragment_after_an_event_that_ended_on_its_step_is_the_years_next_event():
    # markitdown of a Chromium PDF: the year's second event, its year's cell empty, written as a line of its
    # own under an event whose line fills its column but ends on its step (`…を開始`)
    lines = _apply(
        "| 年度     | 経過                             |     | 委託             |     |\n"
        "| ------ | ------------------------------ | --- | -------------- | --- |\n"
        "| 平成26年度 | 地域移行・地域定着支援の個別給付化を受け、推進員の配置を終  |     |                |     |\n"
        "了\n"
        "| 平成30年度 | 精神障害にも対応した地域包括ケアシステム構築推進事業を開始 |     | （直営） |     |\n"
        "| ------ | ----------------------------- | --- | ---- | --- |\n"
        "精神保健福祉審議会に地域移行・地域生活支援部会を設置\n"
        "| 令和3年度 | 「みえ退院支援ガイド」を作成し、精神科病院17か所に配布  |     |                 |     |"
    )
    rows = [line for line in lines if line and "\t" in line]
    assert rows[1:] == [
        "平成26年度\t地域移行・地域定着支援の個別給付化を受け、推進員の配置を終了\t",
        "平成30年度\t精神障害にも対応した地域包括ケアシステム構築推進事業を開始\t（直営）",
        "\t精神保健福祉審議会に地域移行・地域生活支援部会を設置\t",
        "令和3年度\t「みえ退院支援ガイド」を作成し、精神科病院17か所に配布\t",
    ]
