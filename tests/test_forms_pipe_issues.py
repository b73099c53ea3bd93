"""Section 5's issues' table as markitdown and pymupdf4llm write it from a PDF: a role run into its
work with the lines of long cells outside the table, and a header written as a line of text."""

from __future__ import annotations

from nikosheet import parse_text_data

HEADING = "５  精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"

# markitdown: no rule between the role and its work, a long policy's lines between the roles' rows
MERGED = (
    HEADING
    + """\
| 課題  |     | 課題解決に向けた取組方針 |     | 課題・方針に対する役割(取組) |     |
| --- | --- | ------------ | --- | --------------- | --- |

| 長期入院者が多く、退院後の住まいや日中 | ・全病院への訪問を継続し | 行政 ・病院訪問の実施、訪問結果 |
| ---------------------- | ------------ | ---------------- |
| 活動の場が見つからない方がいる。     | 、退院支援委員会に地域の | の集計と分析           |
|                      | 相談支援専門員が参加でき | ・グループホーム体験利用の    |
|                      | るよう働きかける     | 費用の補助            |
・退院可能な方の情報を、 ・ピアサポーターの養成と派
区の保健福祉課と共有する 遣の調整
仕組みをつくる
医療 ・退院支援委員会への地域の
・グループホームの体験利
支援者の参加の受入れ
用の枠を確保する
・退院後の外来、訪問看護に
よる支援
福祉 ・地域移行支援、地域定着支
援の実施
・日中活動の場の情報提供
その他 ・ピアサポーターによる病院
関係機 訪問
関・住
民等
| 措置入院者の通院が支援期間の終了後に途 | 支援期間の終了前に引継ぎ | 行政 引継ぎ会議の開催 |
| ------------------- | ------------ | ----------- |
| 切れる。                | 会議を必ず開く。     |             |
医療 外来主治医の出席
福祉 相談支援専門員の出席
その他 －
関係機
関・住
民等
"""
)


def test_a_role_run_into_its_work_and_the_lines_outside_the_table_are_read_into_their_issue():
    doc = parse_text_data(MERGED)
    first, second = doc["strengths_and_issues"]["issues"]
    assert first["issue"] == "長期入院者が多く、退院後の住まいや日中活動の場が見つからない方がいる。"
    assert first["policies"] == [
        "全病院への訪問を継続し、退院支援委員会に地域の相談支援専門員が参加できるよう働きかける",
        "退院可能な方の情報を、区の保健福祉課と共有する仕組みをつくる",
        "グループホームの体験利用の枠を確保する",
    ]
    assert first["roles"]["administration"] == [
        "病院訪問の実施、訪問結果の集計と分析",
        "グループホーム体験利用の費用の補助",
        "ピアサポーターの養成と派遣の調整",
    ]
    assert first["roles"]["medical"] == [
        "退院支援委員会への地域の支援者の参加の受入れ",
        "退院後の外来、訪問看護による支援",
    ]
    assert first["roles"]["welfare"] == ["地域移行支援、地域定着支援の実施", "日中活動の場の情報提供"]
    assert first["roles"]["others"] == ["ピアサポーターによる病院訪問"]
    assert second["issue"] == "措置入院者の通院が支援期間の終了後に途切れる。"
    assert second["policies"] == ["支援期間の終了前に引継ぎ会議を必ず開く。"]
    assert second["roles"] == {
        "administration": ["引継ぎ会議の開催"],
        "medical": ["外来主治医の出席"],
        "welfare": ["相談支援専門員の出席"],
        "others": ["－"],
    }
    assert doc["unparsed"] == []


def test_a_line_either_column_could_go_on_with_is_said_to_be_unsure():
    doc = parse_text_data(MERGED)
    said = [d for d in doc["diagnostics"] if d["code"] == "shifted-cell"]
    assert said and "長期入院者が多く" in said[0]["message"] and said[0]["severity"] == "warning"


# pymupdf4llm: the header as a line of text over the table, a blank line between
HEADER_APART = (
    HEADING
    + """\

課題 課題解決に向けた取組⽅針 課題・⽅針に対する役割(取組)

|冬期に通院や外出が難しくなり、服薬<br>の中断から再⼊院に⾄る⽅がいる。|冬期⾒守り訪問事業を本格<br>実施する。|⾏政|⾒守り訪問の実施、対象者名簿<br>の管理|
|---|---|---|---|
|||医療|訪問看護による服薬確認|
|||福祉|ヘルパーによる通院の⽀援|
|||その他関<br>係機関・<br>住⺠等|⺠⽣委員、町会による声かけ|
"""
)


def test_a_header_written_as_text_over_a_compact_table_heads_it():
    doc = parse_text_data(HEADER_APART)
    (issue,) = doc["strengths_and_issues"]["issues"]
    assert issue["issue"] == "冬期に通院や外出が難しくなり、服薬の中断から再入院に至る方がいる。"
    assert issue["policies"] == ["冬期見守り訪問事業を本格実施する。"]
    assert issue["roles"] == {
        "administration": ["見守り訪問の実施、対象者名簿の管理"],
        "medical": ["訪問看護による服薬確認"],
        "welfare": ["ヘルパーによる通院の支援"],
        "others": ["民生委員、町会による声かけ"],
    }
    assert not [d for d in doc["diagnostics"] if d["code"] == "missing-table"]


# pymupdf4llm: the indicators' header as the issues' table's last row, cut where no column is
HEADER_IN_ISSUES = (
    HEADING
    + """\
|課題|課題解決に向けた取組⽅針|課題・⽅針に対する役割(取組)||
|---|---|---|---|
|ピアサポーターの活動の場が病院訪問<br>に限られている。|活動報酬と活動の場を整え<br>る。|⾏政|活動謝⾦の予算化|
|||医療||
|||福祉|ピアサポーターの雇⽤の検討|
|||その他関係<br>機関・住⺠<br>等|家族会との合同研修|
|課題解決の達成度を測る指<br>標<br>現状値 (今|年度当初)<br>⽬標値 (令和5<br>末)|年度<br>⾒込|んでいる成果・効果|



|①ピアサポーターの活動回数|18回|30回|当事者の視点を⽀援に⽣かす|
|---|---|---|---|
|②市⺠講座の参加者数|85⼈|150⼈|精神障害への理解が深まる|
"""
)


def test_an_indicators_header_cut_where_no_column_is_heads_the_indicators_again():
    doc = parse_text_data(HEADER_IN_ISSUES)
    section = doc["strengths_and_issues"]
    assert [i["issue"] for i in section["issues"]] == ["ピアサポーターの活動の場が病院訪問に限られている。"]
    assert section["current_as_of"] == "今年度当初"
    assert section["target_as_of"] == "令和5年度末"
    assert [(i["name"], i["current"], i["target"]) for i in section["indicators"]] == [
        ("ピアサポーターの活動回数", "18回", "30回"),
        ("市民講座の参加者数", "85人", "150人"),
    ]


# pymupdf4llm: the roles' column cut in two under a header cut in three
ROLES_CUT = (
    HEADING
    + """\
|課題|課題解決に向けた取組⽅針|課題|・⽅針に|対する役割(取組)|
|---|---|---|---|---|
|グループホームが少なく、区外に<br>⼊居する⽅が多い|区内での開設を⽀援する|⾏政||開設の補助の周知|
|||医療||－|
|||福祉||開設の検討|
|||その<br>機関<br>等|他関係<br>・住⺠|なし|
"""
)


def test_a_roles_column_cut_in_two_is_joined_back_line_by_line():
    doc = parse_text_data(ROLES_CUT)
    (issue,) = doc["strengths_and_issues"]["issues"]
    assert issue["roles"] == {
        "administration": ["開設の補助の周知"],
        "medical": ["－"],
        "welfare": ["開設の検討"],
        "others": ["なし"],
    }
    assert not [d for d in doc["diagnostics"] if d["code"] == "unknown-sector"]
