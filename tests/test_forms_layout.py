"""The layout_columns form: tables and prose laid out with spaces (pdftotext -layout, pdfplumber, pypdf)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES
from nikosheet.parsing import forms
from nikosheet.sources.text import read_bytes

LAYOUT = """\
                            川口市
                     「安心して 帰れる 帰せる
                     暮らしがつつく 川口市」

 1    県、指定都市、中核市、特別区の基礎情報

基本情報（都道府県等情報）

障害保健福祉圏域数（R5年4月時点）                           1         か所
市町村数（R5年4月時点）                                1         市町村
入院精神障害者数 （R2年6月時点） ※630調査   合計               344       人
                            3か月未満 （％：構成割     92 26.7   人％
                            合）
                            3か月以上1年未満 （％：構   65 18.9   人％
                            成割合）
保健所数（R5年4月時点）                                1         か所
"""


def _rewrite(text: str) -> list[str | None]:
    return forms.rewrite(text.split("\n")).lines


def _tab_rows(table: str) -> list[str]:
    """The tab rows of the sheet's start with `table` below it, rewritten."""
    return [line for line in _rewrite(f"{LAYOUT}\n{table}") if line and "\t" in line]


def test_a_laid_out_table_becomes_tab_rows_with_its_groups():
    lines = _rewrite(LAYOUT)
    rows = [line for line in lines if line and "\t" in line]
    assert rows[0] == "障害保健福祉圏域数（R5年4月時点）\t\t1\tか所"
    assert rows[2] == "入院精神障害者数 （R2年6月時点） ※630調査\t合計\t344\t人"
    assert rows[3] == "\t3か月未満 （％：構成割合）\t92 26.7\t人％"
    assert rows[4] == "\t3か月以上1年未満 （％：構成割合）\t65 18.9\t人％"
    assert rows[5].startswith("保健所数")


def test_a_labels_date_that_a_wrap_cut_goes_on_in_its_cell_across_a_blank_line():
    # pdfplumber -layout: a date's month on the label's next line (it opens no row), a blank between
    text = LAYOUT.replace(
        "障害保健福祉圏域数（R5年4月時点）                           1         か所",
        "障害保健福祉圏域数（R5年                                 1         か所\n4月時点）",
    ).replace(
        "入院精神障害者数 （R2年6月時点） ※630調査   合計               344       人",
        "入院精神障害者数 （R2年6   合計               344       人\n\n月時点）  ※630調査",
    )
    rows = [line for line in _rewrite(text) if line and "\t" in line]
    assert rows[0].split("\t")[0] in ("障害保健福祉圏域数（R5年4月時点）", "障害保健福祉圏域数（R5年 4月時点）")
    assert rows[0].endswith("\t1\tか所")
    assert rows[2].startswith("入院精神障害者数 （R2年6") and rows[2].split("\t")[0].endswith("月時点） ※630調査")
    assert rows[3] == "\t3か月未満 （％：構成割合）\t92 26.7\t人％"


def test_a_header_cells_wrapped_rest_alone_below_the_header_goes_back_to_its_cell():
    # pdfplumber -layout: `針` under `課題解決に向けた取組方`, blank lines before the table
    header = "課題                         課題解決に向けた取組方      課題・方針に対する役割(取組)"
    rest = "                           針"
    body = (
        "区民の入院先が区外に分散しており、         ・入院先病院への訪問と      行政       ・病院訪問\n"
        "入院中からの退院支援につながりにくい       連絡票の活用を進める                訪問\n"
        "                                                   医療       保健相談所への連絡"
    )
    lines = _rewrite(f"{LAYOUT}\n2. 居住支援協議会がある。\n{header}\n\n{rest}" + "\n" * 10 + body)
    at = next(k for k, line in enumerate(lines) if line and line.startswith("課題\t"))
    assert lines[at].rstrip("\t") == "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)"
    assert lines[at + 2] is None  # `針`


def test_a_departments_whole_name_under_another_is_a_row_of_its_own():
    table = (
        "       連携部署名          連携部署における主な業務\n"
        "       医療福祉連携推進課      精神科救急医療体制の整備、保健医療計画（精神疾患）の推進\n"
        "       高齢福祉課          地域包括支援センター、認知症施策との連携\n"
        "       こころの健康センター     区への技術支援、人材育成研修\n"  # a name that starts with a hiragana
    )
    rows = [line for line in _rewrite(f"{LAYOUT}\n2. 部署の連携がある。\n{table}") if line and "\t" in line]
    assert rows[-3:] == [
        "医療福祉連携推進課\t精神科救急医療体制の整備、保健医療計画（精神疾患）の推進",
        "高齢福祉課\t地域包括支援センター、認知症施策との連携",
        "こころの健康センター\t区への技術支援、人材育成研修",
    ]


def test_a_departments_name_under_the_header_is_the_first_row_however_it_starts():
    # pdftotext -layout: the first partner department starts with a hiragana, right below the header
    table = (
        "連携部署名                       連携部署における主な業務\n"
        "いきいき長寿推進課                   地域包括支援センターとの連携\n"
        "福祉総務課                       重層的支援体制整備事業\n"
    )
    rows = [line for line in _rewrite(f"{LAYOUT}\n2. 部署の連携がある。\n{table}") if line and "\t" in line]
    assert rows[-3:] == [
        "連携部署名\t連携部署における主な業務",
        "いきいき長寿推進課\t地域包括支援センターとの連携",
        "福祉総務課\t重層的支援体制整備事業",
    ]


def test_the_inpatients_first_share_set_apart_from_their_total_by_a_blank_line_is_a_row_of_the_group():
    text = "\n".join(
        [
            "1 県、指定都市、中核市、特別区の基礎情報",
            "",
            "       市町村数  (R6年4月時点)                  42                 市町村",
            "       精神科病院の数  (R6年4月時点)               29                 病院",
            "       精神科病床数  (R6年4月時点)                4,687              床",
            "       入院精神障害者数   (R5年6月時点) ※630調査      合計                 3,412 人",
            "",
            "                                        3か月未満  (%: 構成割合)   652 人",
            "                                                           19.1 %",
            "                                        1年以上  (%: 構成割合)    2,162 人",
            "                                                           63.4 %",
        ]
    )
    rows = [line for line in _rewrite(text) if line and "\t" in line]
    assert rows[3].startswith("入院精神障害者数 (R5年6月時点) ※630調査\t合計\t")
    assert rows[4].startswith("\t3か月未満") and rows[4].endswith("652 人 19.1 %")


def test_a_groups_note_in_its_second_rows_first_cell_is_the_labels(tmp_path):
    # pdftotext -layout: `※630調査` written under the label, on the line of the group's first sub-row
    text = "\n".join(
        [
            "1 県、指定都市、中核市、特別区の基礎情報",
            "",
            "基本情報（都道府県等情報）",
            "",
            "市町村数（R5年4月時点）                          1          市町村",
            "精神科病床数（R5年4月時点）                        2,046      床",
            "入院精神障害者数 （R4年6月時点）     合計              1,480      人",
            "※630調査                 3か月未満 （％：構成割    230 15.5   人％",
            "                       合）",
            "                       1年以上（％：構成割合）               1,000 67.6   人％",
            "退院率（R1年時点） ※北海道全体      入院後3か月時点                   ％",
        ]
    )
    path = tmp_path / "sheet--pdftotext-layout.txt"
    path.write_text(text, encoding="utf-8")
    from nikosheet import parse_file_data

    data = parse_file_data(path)
    inpatients = data["basic_info"]["inpatients"]
    assert (inpatients["note"], inpatients["total"]) == ("※630調査", 1480)
    assert inpatients["under_3_months"]["count"] == 230
    assert (inpatients["over_1_year"]["count"], inpatients["over_1_year"]["percent"]) == (1000, 67.6)


def test_a_labels_note_alone_on_the_line_below_it_is_the_labels():
    # pdftotext -layout: `※630調査` alone under its label, the group's sub-rows after it
    text = "\n".join(
        [
            "1 県、指定都市、中核市、特別区の基礎情報",
            "",
            "市町村数（R5年4月時点）                          1          市町村",
            "人口（R5年4月時点）                            685,937    人",
            "精神科病院の数（R5年4月時点）                      3          病院",
            "精神科病床数（R5年4月時点）                       912        床",
            "入院精神障害者数 （R4年6月時点）    合計              1,420      人",
            "※630調査",
            "                      3か月未満 （％：構成割    260 18.3   人％",
            "                      合）",
            "退院率（R1年時点） ※東京都全体     入院後3か月時点        65.2       ％",
            "",
            "※各部門の状況はできるだけ詳しく記載ください",
        ]
    )
    rows = [line for line in _rewrite(text) if line]
    assert rows[5].startswith("入院精神障害者数 （R4年6月時点）※630調査\t合計\t1,420")
    assert rows[6].startswith("\t3か月未満 （％：構成割合）\t260")
    assert rows[-1] == "※各部門の状況はできるだけ詳しく記載ください"


def test_an_indicators_numbered_name_wrapped_in_a_narrow_column_goes_on_in_its_row():
    table = "\n".join(
        [
            "       課題解決の   目標値  (昨年  実績値  (昨年度末)     具体的な成果・効果",
            "       達成度を測   度当初)",
            "       る指標",
            "",
            "       ①長期入院   地域移行支援    地域移行支援の新規利      ①病院の退院支援委員会に相談支援専門員が",
            "       者の退院支   の新規利用  15 用 11人           参加する仕組みができた。",
            "       援       人",
            "       ②措置入院   ・支援計画の    ・支援計画の作成率       退院後に地域の支援者へつなぐ流れが明確に",
            "       者等の退院   作成率  80%  86%             なり、再入院の防止につながった。",
            "       後支援     ・ガイドライ    ・ガイドラインの改訂",
            "               ンの改訂      （令和6年1月）",
        ]
    )
    rows = [
        line
        for line in _rewrite(f"{LAYOUT}\n4 精神障害にも対応した取組の成果・効果\n\n{table}")
        if line and "\t" in line
    ]
    assert rows[-1].startswith("②措置入院者等の退院後支援\t")


def test_the_name_is_kept_apart_and_headings_folded():
    lines = _rewrite(LAYOUT)
    assert lines[0] == "# 川口市"
    assert "1 県、指定都市、中核市、特別区の基礎情報" in lines


def test_every_source_line_is_kept_or_layout():
    source = LAYOUT.split("\n")
    lines = _rewrite(LAYOUT)
    joined = "".join(line.replace("\t", "") for line in lines if line)
    for line in source:
        for piece in line.split():
            assert piece in joined or piece == "#"


def test_a_sheet_in_the_samples_form_is_untouched():
    for name in ("kawaguchi-r5.txt", "kashiwa-r6.txt"):
        text = read_bytes((SAMPLES / name).read_bytes())
        assert forms.rewrite(text.lines).lines == list(text.lines)


def test_the_layout_converters_read_the_basic_statistics():
    from nikosheet import parse_file_data

    for conv in ("pdftotext-layout", "pypdf-layout", "pdfplumber-layout"):
        doc = parse_file_data(FIXTURES / "converters" / f"kawaguchi-r5--{conv}.txt")
        info = doc["basic_info"]
        assert info["population"]["value"] == 604894, conv
        assert info["inpatients"]["under_3_months"]["count"] == 92, conv


PROSE = """\
 1    県、指定都市、中核市、特別区の基礎情報

川口市では、精神障害の有無や程度にかかわらず、誰もが地域の一員として安心して自分らしく暮らすことができ
るよう、医療、保健、障害福祉、介護、住まい、社会参加、地域の助け合い、教育などが包括的に確保された地域
包括ケアシステムを目指します。

長期目標      ピアサポーターが地域の支援者として活躍できる体制をつくる。
【にも包括構築の体制】
保健所保健総務課と障害福祉課が共同で事務局を担う。
"""


def test_a_wrapped_paragraph_is_joined_and_a_label_line_becomes_a_row():
    lines = _rewrite(LAYOUT + PROSE)
    assert any(line and line.startswith("川口市では、") and line.endswith("目指します。") for line in lines)
    assert "長期目標\tピアサポーターが地域の支援者として活躍できる体制をつくる。" in lines
    assert "## 【にも包括構築の体制】" in lines


def test_a_label_that_wraps_beside_its_sub_rows(parsed):
    # pdfplumber's layout: a sub-row's line between a label's lines, a page's blank lines before them
    from nikosheet import parse_file_data

    doc = parse_file_data(FIXTURES / "converters" / "pref-fy2024--pdfplumber-layout.txt")
    got, want = doc["basic_info"]["council_setup"], parsed("pref-fy2024.txt")["basic_info"]["council_setup"]
    assert got["as_of"] == want["as_of"] == "2024-04"
    for key in ("prefecture", "region", "municipality"):
        assert {k: v for k, v in got[key].items() if k != "line"} == {k: v for k, v in want[key].items() if k != "line"}
    assert got["municipality"]["text"] == "27 / 35 か所/市町村数"


def test_a_wrapped_label_beside_its_rows_other_lines(parsed):
    # pdftotext -layout: an indicator's name wraps while its target and actual cells stay empty
    from nikosheet import parse_file_data

    want = [m["name"] for m in parsed("pref-fy2024.txt")["outcomes"]["indicators"]]
    doc = parse_file_data(FIXTURES / "converters" / "pref-fy2024--pdftotext-layout.txt")
    assert [m["name"] for m in doc["outcomes"]["indicators"]] == want


HISTORY = """\
 3    精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）

年度         経過                                委託
平成18年度 精神障害者退院促進支援事業を中央東圏域でモデル               特定非営利活動法人 こうち地域生活支援ネット
       実施                                    ワークひだまり
平成20年度 退院促進支援事業を全圏域に拡大                       ↓
           地域体制整備コーディネーターを配置
平成30年度 高知県精神障害にも対応した地域包括ケアシステム               （直営）
       構築推進会議を設置
令和2年度      市町村の協議の場の設置に向けた伴走支援を開始
"""


def test_a_year_that_fills_its_column_one_space_before_its_event():
    # pdftotext -layout: `平成18年度` as wide as the 年度 column, its event's wrapped rest under the event
    rows = [line.split("\t") for line in _rewrite(HISTORY) if line and "\t" in line]
    assert rows[1:] == [
        [
            "平成18年度",
            "精神障害者退院促進支援事業を中央東圏域でモデル実施",
            "特定非営利活動法人 こうち地域生活支援ネットワークひだまり",
        ],
        ["平成20年度", "退院促進支援事業を全圏域に拡大", "↓"],
        ["", "地域体制整備コーディネーターを配置"],
        ["平成30年度", "高知県精神障害にも対応した地域包括ケアシステム構築推進会議を設置", "（直営）"],
        ["令和2年度", "市町村の協議の場の設置に向けた伴走支援を開始"],
    ]


COUNCILS_LAYOUT = """\
名称         協議の場の構成員            開催頻度   実施内容             特記事項等
大分県精神障     精神科病院協会、医師会、精神保 年2回        圏域の会議からの課題報告と、   圏域から上
害にも対応し     健福祉士協会、家族会連合会、ピ            県の施策の検討、市町村の協議   がる課題の
た地域包括ケ     アサポーター、学識経験者、市町            の場の設置状況の確認       整理に時間
アシステム推     村、県                                         がかかる。
進会議
圏域地域移行     保健所、精神科病院、市町村、相 各圏域年3回程度 ・退院可能な入院者の情報共有     圏域によっ
推進会議（6     談支援事業所、地域包括支援セン          ・圏域の地域課題の抽出        て参加機関
圏域）        ター                                          の数に差が
                                                       ある。
"""


def test_a_frequency_one_space_after_the_members_left_of_its_column_is_the_rows_frequency():
    rows = [
        line for line in _rewrite(f"{LAYOUT}\n{COUNCILS_LAYOUT}") if line and line.startswith(("大分県", "圏域地域"))
    ]
    assert [row.split("\t")[1:3] for row in rows] == [
        ["精神科病院協会、医師会、精神保健福祉士協会、家族会連合会、ピアサポーター、学識経験者、市町村、県", "年2回"],
        ["保健所、精神科病院、市町村、相談支援事業所、地域包括支援センター", "各圏域年3回程度"],
    ]
    assert rows[1].split("\t")[3] == "<ul><li>・退院可能な入院者の情報共有</li><li>・圏域の地域課題の抽出</li></ul>"


HISTORY_LAYOUT = """\
年度       経過                                 委託
平成24年度 地域移行支援の個別給付化                         ↓
平成27年度 圏域地域移行推進会議を全6圏域に設置                   ↓
         ピアサポーター養成研修を開始                     一般社団法人 大分県精神保健福祉士
                                            協会
         精神科病院へのピアサポーター派遣を開始                ↓
平成30年度 大分県精神障害にも対応した地域包括ケアシステム推進会議          （直営）
       を設置
"""


def test_an_event_under_a_line_that_wrapped_only_the_commission_is_the_years_next_event():
    lines = _tab_rows(HISTORY_LAYOUT)[-5:]
    assert lines == [
        "平成24年度\t地域移行支援の個別給付化\t↓",
        "平成27年度\t圏域地域移行推進会議を全6圏域に設置\t↓",
        "\tピアサポーター養成研修を開始\t一般社団法人 大分県精神保健福祉士協会",
        "\t精神科病院へのピアサポーター派遣を開始\t↓",
        "平成30年度\t大分県精神障害にも対応した地域包括ケアシステム推進会議を設置\t（直営）",
    ]


HISTORY_WESTERN = """\
年度      経過                                               委託
2003年度 岡崎市保健所の開設に伴い、精神保健福祉相談を開始
2008年度 精神障がい者退院促進支援事業を開始                                 愛知県精神保健福祉協
                                                         会
2012年度 地域移行支援・地域定着支援の個別給付化に伴い、相談支援事業所への支援を
        開始
2015年度 精神科病院との連絡会を年2回開催するようになった
"""


def test_a_western_year_under_a_commissions_wrapped_end_starts_a_row():
    # pdftotext -layout: `2008年度`'s commission wraps (`会`); the next western year is a row of its own
    assert _tab_rows(HISTORY_WESTERN)[-4:] == [
        "2003年度\t岡崎市保健所の開設に伴い、精神保健福祉相談を開始",
        "2008年度\t精神障がい者退院促進支援事業を開始\t愛知県精神保健福祉協会",
        "2012年度\t地域移行支援・地域定着支援の個別給付化に伴い、相談支援事業所への支援を開始",
        "2015年度\t精神科病院との連絡会を年2回開催するようになった",
    ]


HISTORY_ROWS_APART = """\
       年度      経過                                委託
       平成18年度  精神障害者退院促進支援事業を開始                  特定非営利活動法人   さかい地域生活支援ネ
                                                 ットワーク

       平成24年度  地域移行支援・地域定着支援の個別給付化               ↓
               退院促進支援事業を地域体制整備事業に再編
               ピアサポーターの養成を開始

       平成30年度  「堺市精神障害にも対応した地域包括ケアシステム推進         社会福祉法人  堺市社会福祉事業団
               会議」を設置
       令和3年度   各区に区地域移行連絡会を設置                    ↓
"""


def test_a_laid_out_history_whose_rows_blank_lines_set_apart_is_one_table():
    lines = _tab_rows(HISTORY_ROWS_APART)[-6:]
    assert lines == [
        "平成18年度\t精神障害者退院促進支援事業を開始\t特定非営利活動法人 さかい地域生活支援ネットワーク",
        "平成24年度\t地域移行支援・地域定着支援の個別給付化\t↓",
        "\t退院促進支援事業を地域体制整備事業に再編",
        "\tピアサポーターの養成を開始",
        "平成30年度\t「堺市精神障害にも対応した地域包括ケアシステム推進会議」を設置\t社会福祉法人 堺市社会福祉事業団",
        "令和3年度\t各区に区地域移行連絡会を設置\t↓",
    ]


def test_a_year_one_space_before_its_event_at_the_margin_under_a_later_columns_lines_goes_on_in_the_table():
    history = HISTORY.replace("           地域体制整備コーディネーターを配置\n", "           地域体制整備を配置\n" * 3)
    history = history.replace("システム               （直営）", "システム")
    rows = [line.split("\t") for line in _rewrite(history) if line and "\t" in line]
    assert [row[0] for row in rows[1:]] == ["平成18年度", "平成20年度", "", "", "", "平成30年度", "令和2年度"]


SQUEEZED_HEADER = """\
課題解決の達成度を測る指標 現状値（今年度当初） 目標値（今年度末） 見込んでいる成果・効果
①引継ぎ手順書による退院前 未集計           年60件            救急で入院した人が、退院後す
カンファレンスの件数                                  ぐに地域の支援につながる。
②相談員向け研修を実施した 2区            5区              区の相談体制の差が小さくなる。
区の数
"""


def test_an_indicators_header_whose_cells_stand_a_space_apart_sets_its_columns_from_its_body():
    # Chromium's PDF in pdftotext -layout: the header's wide cells pushed left of their columns
    assert _tab_rows(SQUEEZED_HEADER)[-2:] == [
        "①引継ぎ手順書による退院前カンファレンスの件数\t未集計\t年60件\t救急で入院した人が、退院後すぐに地域の支援につながる。",
        "②相談員向け研修を実施した区の数\t2区\t5区\t区の相談体制の差が小さくなる。",
    ]


SCHEDULE_SET_OFF = """\
時期(月)          実施内容                  具体的な取組
R6年4月          事業計画の共有               担当者会議
R6年7月          第1回推進会議               重点課題の決定
 R6年10月～11月    第2回区地域移行連絡会（5区）   手順書の試行
R6年12月～R7年1   相談員向け研修           研修（2日間）の実施
月
"""


def test_a_row_whose_cells_a_wide_date_set_a_step_left_keeps_a_cell_in_each_column():
    assert _tab_rows(SCHEDULE_SET_OFF)[-2:] == [
        "R6年10月～11月\t第2回区地域移行連絡会（5区）\t手順書の試行",
        "R6年12月～R7年1月\t相談員向け研修\t研修（2日間）の実施",
    ]


COUNCIL_ITEMS_ON_ONE_LINE = """\
名称              協議の場の構成員             開催頻度  実施内容             特記事項等
下越圏域地域移行・地域     村上保健所、市町村、精神科病       3回/年  ・個別事例の検討   ・圏域 課題が多い。
定着推進会議          院、相談支援事業所、家族会              の課題の抽出
"""


def test_a_lists_next_item_set_a_step_left_of_the_next_column_stays_in_its_cell():
    # pdfplumber's layout mode: `・圏域` stands nearer the notes' column, but follows another item
    assert _tab_rows(COUNCIL_ITEMS_ON_ONE_LINE)[-1] == (
        "下越圏域地域移行・地域定着推進会議\t村上保健所、市町村、精神科病院、相談支援事業所、家族会\t3回/年"
        "\t・個別事例の検討 ・圏域の課題の抽出\t課題が多い。"
    )


def test_an_event_that_ends_on_its_step_is_followed_by_the_year_s_next_event():
    # pdftotext -layout: the year's second event below a first that ends on its step (`…を開始`) and
    # nearly fills its column: a row of the year's group, not the first event's wrapped rest
    rows = _tab_rows(
        "年度         経過                                        委託\n"
        "平成24年度     青森県精神障害者地域移行・地域定着支援事業を開始                  圏域の指定一般相談支援事業所"
        "\n"
        "令和元年度      精神障害にも対応した地域包括ケアシステム構築推進事業を開始             ↓\n"
        "           県の協議の場を設置\n"
        "令和4年度      市町村職員向け研修会を開始                             青森県精神保健福祉協会\n"
    )
    events = [row.split("\t") for row in rows if row.startswith(("令和", "\t"))]
    assert events[-3:] == [
        ["令和元年度", "精神障害にも対応した地域包括ケアシステム構築推進事業を開始", "↓"],
        ["", "県の協議の場を設置"],
        ["令和4年度", "市町村職員向け研修会を開始", "青森県精神保健福祉協会"],
    ]


def test_an_event_that_ends_as_events_do_is_followed_by_a_year_s_next_event_that_starts_a_word():
    # pdftotext -layout: `…の開催とする` fills its column (its step no template word), yet the line below
    # starts a word where a wrapped rest would go on with one: the year's second event, not the first's rest
    rows = _tab_rows(
        "年度         経過                                           委託\n"
        "平成30年度     精神障害者アウトリーチ支援事業を開始。未治療・治療中断者への訪問を保\n"
        "           健所が担う\n"
        "令和2年度      推進会議を「にも包括」の協議の場として位置づけ、年2回の開催とする\n"
        "           推進会議の下に地域移行部会と普及啓発部会を置く\n"
        "令和3年度      三課連絡会を毎月開催し、複合的な課題を抱える世帯の事例を共有する\n"
    )
    events = [row.split("\t")[:2] for row in rows if row.startswith(("平成", "令和", "\t"))]
    assert events[-4:] == [
        ["平成30年度", "精神障害者アウトリーチ支援事業を開始。未治療・治療中断者への訪問を保健所が担う"],
        ["令和2年度", "推進会議を「にも包括」の協議の場として位置づけ、年2回の開催とする"],
        ["", "推進会議の下に地域移行部会と普及啓発部会を置く"],
        ["令和3年度", "三課連絡会を毎月開催し、複合的な課題を抱える世帯の事例を共有する"],
    ]


def test_an_issues_row_split_into_more_columns_keeps_every_cell(parsed):
    # pdftotext -layout: the policy's and the action's lines stand apart from their columns' edges, so
    # that a row holds empty cells between (`課題`, `方針`, ``, `行政`, ``, `取組`): every role's action is read
    from nikosheet import parse_file_data

    want = parsed("ward-nerima-fy2023.txt")["strengths_and_issues"]["issues"]
    doc = parse_file_data(FIXTURES / "converters" / "ward-nerima-fy2023--pdftotext-layout.txt")
    got = doc["strengths_and_issues"]["issues"]
    assert [i["roles"] for i in got] == [i["roles"] for i in want]


# designated-sapporo-fy2023's councils (a sheet of the converters' corpus measured apart), pdftotext -layout: a
# frequency each ward holds, the ward and the count a space apart (`各区 年2回`)
_COUNCILS = """\
7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況

名称           協議の場の構成員             開催頻度    実施内容         特記事項等(課
                                                       題・強み等)
札幌市精神障がい     札幌精神科病院協会・精神科診療所協    3回/年    ・区の会議からの課    委員の出席率
者地域生活支援推     会・札幌市医師会・相談支援事業所・北           題報告 ・市の施策の   は高いが、区
進会議          海道精神障害者家族連合会・ピアサポー           検討と進捗確認        からの報告が
             ター・学識経験者                                  多い。
区こころのネット     ・区保健福祉課              各区 年2回 ・個別事例の検討      区によって参
ワーク会議（10     ・精神科病院、診療所                  ・区の地域課題の抽     加機関の数や
区）           ・相談支援事業所                     出            議論の深さに
             ・家族会                                          差がある。
区事務局連絡会      障がい福祉課、精神保健福祉センター、   月1回     報告様式の統一 区の
             各区保健福祉課                      取組の共有
"""


def test_a_frequency_each_ward_holds_a_space_after_its_ward_opens_a_councils_row():
    rows = [row.split("\t") for row in _tab_rows(_COUNCILS) if row.startswith(("名称", "札幌", "区"))]
    assert [row[0] for row in rows] == [
        "名称",
        "札幌市精神障がい者地域生活支援推進会議",
        "区こころのネットワーク会議（10区）",
        "区事務局連絡会",
    ]
    assert [row[2] for row in rows[1:]] == ["3回/年", "各区 年2回", "月1回"]


# designated-okayama-fy2024's schedule, pdftotext -layout: the next page sets the table's columns closer together
# (each page's columns are set apart by its own widest lines)
_SCHEDULE_OVER_PAGES = (
    "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n"
    "時期(月)    実施内容                                  具体的な取組\n"
    "R6年4月    事務局会議                                 今年度の重点課題と会議の日程\n"
    "                                               の確認\n"
    "６月       区別地域ケア連絡会（第1回・4区）                     区の課題の共有と今年度の進め\n"
    "                                               方の確認\n"
    "\fR6年7月    第1回推進会議             重点課題の決定、連携パスの改\n"
    "                             訂案の報告\n"
    "R6年8月～   未使用病院への訪問           ・5病院への訪問と運用方法の説\n"
    "10月                          明\n"
    "                             ・病棟の看護師向けの説明会\n"
    "R6年9月    第1回合同研修             相談支援専門員と介護支援専門\n"
    "                             員による事例検討\n"
)


def test_a_table_a_page_break_sets_narrower_is_cut_by_the_next_pages_columns():
    rows = [row.split("\t") for row in _rewrite(_SCHEDULE_OVER_PAGES) if row and "\t" in row]
    assert [row[0] for row in rows] == ["時期(月)", "R6年4月", "６月", "R6年7月", "R6年8月～10月", "R6年9月"]
    assert rows[3][1:] == ["第1回推進会議", "重点課題の決定、連携パスの改訂案の報告"]
    assert rows[4][1] == "未使用病院への訪問"
    assert rows[5][1:] == ["第1回合同研修", "相談支援専門員と介護支援専門員による事例検討"]


def test_a_goals_label_a_narrow_column_wrapped_opens_its_row_under_the_label_above():
    goals = (
        "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n"
        "短期目標     連携パスを改訂し、利用病院を12病院に広げる。相談支援専門員\n"
        "(今年度)    と介護支援専門員の合同研修を2回開催する。\n"
        "スモールス    ① ワーキンググループで改訂案をまとめる ② 未使用の病院を訪問\n"
        "テップ      する ③ 合同研修の企画を地域包括ケア推進課と進める\n"
    )
    text = _SCHEDULE_OVER_PAGES.replace(_SCHEDULE_OVER_PAGES.split("\n", 1)[0] + "\n", goals)
    rows = [row.split("\t") for row in _rewrite(text) if row and "\t" in row]
    assert rows[0] == [
        "短期目標(今年度)",
        "連携パスを改訂し、利用病院を12病院に広げる。相談支援専門員と介護支援専門員の合同研修を2回開催する。",
    ]
    assert rows[1][0] == "スモールステップ"
    assert rows[1][1].startswith("① ワーキンググループで改訂案をまとめる ② 未使用の病院を訪問する")


# designated-okayama-fy2024's history, pdftotext -layout: a cell's wide text close to the next (the page's scale)
_OKAYAMA_HISTORY = (
    "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n\n"
    "年度      経過                             委託\n"
    "令和元年度   「岡山市精神障害にも対応した地域包括ケアシステム推進会    無\n"
    "        議」を設置\n"
    "        地域移行・地域定着ワーキンググループを設置（運営の一部を   社会福祉法人 旭川ひかり会\n"
    "        委託）\n\n"
)


def test_a_sectors_label_wrapped_over_three_lines_is_one_rows_label():
    # designated-okayama-fy2024, pdftotext -layout: `その他関` / `係機関・` / `住民等` beside the row's lines, under
    # the columns its history's lines set (a cell's wide text close to the next: the page's scale)
    text = (
        _OKAYAMA_HISTORY + "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n\n"
        "各部門の連携状況                             強み・課題等\n"
        "福祉     基幹相談支援センターが区の連絡会に参加し、区を       地域移行支援を担う一般相談支援事業所27か所\n"
        "       またぐ事業所の調整を担っている。              のうち、実際に支援を行っているのは9か所であ\n"
        "その他関   家族会、ピアサポーター、民生委員、薬剤師会が協       住民の参加は区によって差がある。精神障害への\n"
        "係機関・   議の場に参加している。ピアサポーターは病院での       理解を深める取組を、区の実情に合わせて進める\n"
        "住民等    面会と、区の連絡会での体験発表を行っている。        ことが課題である。\n"
    )
    rows = [row.split("\t") for row in _rewrite(text) if row and "\t" in row]
    assert [row[0] for row in rows[-2:]] == ["福祉", "その他関係機関・住民等"]
    assert rows[-1][1].endswith("ピアサポーターは病院での面会と、区の連絡会での体験発表を行っている。")


def test_a_departments_name_with_a_note_in_brackets_is_whole_above_the_next_departments():
    # designated-okayama-fy2024's partners, pypdf's layout mode: `各区福祉事務所（北・中・東・南）`, then a department
    partners = (
        "連携部署名                    連携部署における主な業務\n"
        "地域保健センター（6か所）            地区担当保健師による相談・訪問、区別地域ケア連絡会の運営\n"
        "各区福祉事務所（北・中・東・南）         障害福祉サービスの申請受付、生活保護の相談\n"
        "地域包括ケア推進課                地域包括支援センターの運営、地域ケア会議\n"
        "生活保護・自立支援課               生活困窮者自立支援事業、生活保護の実施の調整\n"
    )
    rows = [row.split("\t") for row in _tab_rows(partners)][-5:]
    assert [row[0] for row in rows] == [
        "連携部署名",
        "地域保健センター（6か所）",
        "各区福祉事務所（北・中・東・南）",
        "地域包括ケア推進課",
        "生活保護・自立支援課",
    ]
    assert rows[2][1] == "障害福祉サービスの申請受付、生活保護の相談"


def test_a_pages_tables_are_cut_by_that_pages_scale():
    # designated-okayama-fy2024, pdftotext -layout: the history's tight cells on one page, the sectors on the next,
    # whose grid pdftotext set apart by its own lines (a status cell's line, as wide as its column, goes on below)
    text = (
        _OKAYAMA_HISTORY + "\f6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n\n"
        "各部門の連携状況                             強み・課題等\n"
        "保健     ・保健所保健課が措置入院者等の退院後支援計画を       アウトリーチ支援の依頼が北区・中区に偏り、東\n"
        "       作成し、地域保健センターの地区担当保健師ととも       区・南区からの依頼が少ない。区の保健師がアウ\n"
        "       に退院後の訪問を行っている。                トリーチ支援を利用する目安を共有する必要があ\n"
        "       ・こころの健康センターのアウトリーチ支援チーム       る。\n"
        "       が、保健センターからの依頼で医療中断者を訪問し\n"
        "       ている。\n"
        "医療     市内12病院のうち7病院で退院支援連携パスを運用      大規模な病院では病棟ごとに取組に差があり、連\n"
        "       し、退院前カンファレンスに相談支援専門員を招い       携パスの運用が一部の病棟にとどまっている。精\n"
        "       ている。                          神科診療所の参加が少ない。\n"
    )
    rows = [row.split("\t") for row in _rewrite(text) if row and "\t" in row]
    health = next(row for row in rows if row[0] == "保健")
    assert health[1] == (
        "<ul><li>・保健所保健課が措置入院者等の退院後支援計画を作成し、地域保健センターの地区担当保健師とともに"
        "退院後の訪問を行っている。</li><li>・こころの健康センターのアウトリーチ支援チームが、保健センターからの"
        "依頼で医療中断者を訪問している。</li></ul>"
    )
    assert health[2].endswith("区の保健師がアウトリーチ支援を利用する目安を共有する必要がある。")
    assert [row[0] for row in rows][-2:] == ["保健", "医療"]


def test_a_departments_name_filling_its_column_one_space_before_its_duties_is_a_cell_apart():
    # designated-okayama-fy2024's departments, pdftotext -layout: the duties set left of their column by the name
    departments = (
        "所管部署名         所管部署における主な業務\n"
        "障害福祉課         にも包括推進事業の企画、推進会議の運営、地域移行支援事業の委託、自立支援協議会の運\n"
        "              営\n"
        "こころの健康センター アウトリーチ支援、ピアサポーター養成研修、人材育成研修、区への技術支援\n"
        "保健所 保健課       精神保健福祉相談、措置入院者等の退院後支援、精神科救急の調整\n"
    )
    rows = [row.split("\t") for row in _tab_rows(departments)][-4:]
    assert rows[1:] == [
        ["障害福祉課", "にも包括推進事業の企画、推進会議の運営、地域移行支援事業の委託、自立支援協議会の運営"],
        ["こころの健康センター", "アウトリーチ支援、ピアサポーター養成研修、人材育成研修、区への技術支援"],
        ["保健所 保健課", "精神保健福祉相談、措置入院者等の退院後支援、精神科救急の調整"],
    ]


def test_a_goals_wrapped_label_one_space_before_its_text_is_a_cell_apart():
    # core-utsunomiya-fy2024's goals, pdftotext -layout: `スモールス` and its text one space apart
    goals = (
        "9 精神障害にも対応した地域包括ケアシステムの構築に向けたスケジュール（今年度）\n"
        "短期目標     全7病院で退院支援ミーティングを開き、14地区の社会資\n"
        "(今年度)    源調査を終える。\n"
        "スモールス コア会議で調査票をつくり、基幹相談支援センターと地域\n"
        "テップ      包括支援センターが分担して地区ごとに聞き取る。\n"
        "時期(月)    実施内容                          具体的な取組\n"
        "R6年4月    コア会議                          今年度の取組と役割分担の確認、社会資\n"
        "                                       源調査票の検討\n"
    )
    rows = [row.split("\t") for row in _rewrite(goals) if row and "\t" in row]
    assert rows[1] == [
        "スモールステップ",
        "コア会議で調査票をつくり、基幹相談支援センターと地域包括支援センターが分担して地区ごとに聞き取る。",
    ]


def test_a_councils_row_goes_on_past_a_blank_line_whose_list_item_is_set_off_in_its_cell():
    # designated-sapporo-fy2023's councils, pdfplumber's layout mode: a blank line inside the first row, the line
    # after it with a list's next item set off in the activities' cell (`検討と進捗確認   ・冬`)
    councils = (
        "7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n\n"
        "       名称           協議の場の構成員                 開催頻度    実施内容          特記事項等(課\n"
        "                                                                   題・強み等)\n"
        "       札幌市精神障がい     札幌精神科病院協会・精神科診療所協"
        "        3回/年    ・区の会議からの課     委員の出席率\n"
        "       者地域生活支援推     会・札幌市医師会・相談支援事業所・北"
        "               題報告 ・市の施策の    は高いが、区\n"
        "\n"
        "       進会議          海道精神障害者家族連合会・ピアサポー"
        "               検討と進捗確認   ・冬  からの報告が\n"
        "                    ター・学識経験者・障がい福祉課・精神               期の退院支援の手引     多く、議論の\n"
        "                    保健福祉センター                         きの検討          時間が限られ\n"
        "                                                                   る。\n"
        "       区事務局連絡会      障がい福祉課、精神保健福祉センター、       月1回     報告様式の統一   区の\n"
        "                    各区保健福祉課                          取組の共有  推進会議\n"
    )
    rows = [row.split("\t") for row in _rewrite(councils) if row and "\t" in row]
    assert [row[0] for row in rows] == ["名称", "札幌市精神障がい者地域生活支援推進会議", "区事務局連絡会"]
    assert rows[1][2] == "3回/年"
    assert rows[1][4] == "委員の出席率は高いが、区からの報告が多く、議論の時間が限られる。"


@pytest.mark.parametrize(
    "sheet", ["ward-wrapped-headings-fy2024", "pref-preamble-labels-fy2024", "city-edge-values-fy2024"]
)
def test_a_goals_label_set_apart_in_two_cells_is_one_label(sheet, parsed):
    # pdfplumber's layout mode: `短期目標  (今年度)`, `スモール  ステップ` (the label's column too narrow for it)
    from nikosheet import parse_file_data

    want = parsed(f"{sheet}.txt")["annual_schedule"]
    got = parse_file_data(FIXTURES / "converters" / f"{sheet}--pdfplumber-layout.txt")
    assert (got["annual_schedule"]["goal"], got["annual_schedule"]["small_steps"]) == (
        want["goal"],
        want["small_steps"],
    )
    assert not got["unparsed"]


def test_a_goals_value_wrapped_under_its_label_set_apart_in_two_cells_goes_on_in_its_cell():
    # city-edge-values-fy2024, pdfplumber's layout mode, its goal wrapped: the value's next line stands in the
    # column the label's second part pushed it to
    text = (FIXTURES / "converters" / "city-edge-values-fy2024--pdfplumber-layout.txt").read_text(encoding="utf-8")
    one_line = "短期⽬標  (今年度)      ピアサポーターの登録者を12名にする"
    assert one_line in text
    wrapped = (
        "短期⽬標  (今年度)      ピアサポーターの登録者を12名にし、地域の\n"
        + " " * 26
        + "⽀援者として活動できるようにする"
    )
    from nikosheet import parse_text_data

    schedule = parse_text_data(text.replace(one_line, wrapped))["annual_schedule"]
    assert schedule["goal"] == "ピアサポーターの登録者を12名にし、地域の支援者として活動できるようにする"
    assert schedule["small_steps"] == "養成講座の受講者を募集する"


def test_a_history_a_page_break_sets_narrower_is_cut_by_the_next_pages_columns():
    # a history whose rows after the page break stand in narrower columns: the commissions stay theirs
    text = (
        "3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n"
        "\n"
        "年度      経過                                     委託\n"
        "平成30年度  「精神障害にも対応した地域包括ケアシステム推進会               無\n"
        "        議」を設置\n"
        "令和元年度   地域移行・地域定着ワーキンググループを設置（運営の              社会福祉法人\n"
        "        一部を委託）                                 旭川会\n"
        "\f令和2年度   ピアサポーター養成研修を開始し、修        社会福祉法人\n"
        "        了者を登録した病院訪問を試行           旭川会\n"
        "令和3年度   退院支援連携パスを作成し、市内の         無\n"
        "        病院に説明した\n"
        "\n"
    )
    rows = [row.split("\t") for row in _rewrite(text) if row and "\t" in row]
    assert [row[2] for row in rows if len(row) > 2] == [
        "委託",
        "無",
        "社会福祉法人旭川会",
        "社会福祉法人",
        "旭川会",
        "無",
    ]
