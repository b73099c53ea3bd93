"""Section 5's issues' table that plain pdftotext of a LibreOffice PDF wrote a column at a time: each
run of records' issues, then their policies, then each role's word and its action."""

from __future__ import annotations

from conftest import form_state
from nikosheet.parsing import forms
from nikosheet.parsing.forms import issue_columns

# a prefecture's issues as pdftotext writes them (a page feed in the text, the renderer's gaps):
# two records' issues, their policies, their roles; the second record's 医療 empty (its word right
# before 福祉's), its その他 empty (the next run's two issues and two policies right after its word)
_COLUMNS = (
    "入院後 3 か月時点\n\f課題\n\n"
    "長期入院者の退院後の住まい\nの確保が難しい\n\n"
    "市町村の協議の場の設置・運\n営に差がある\n\n"
    "課題解決に向けた取組方針\n\n"
    "居住支援協議会と連携し, グループホー\nムや民間賃貸住宅の確保を進める。\n\n"
    "保健所による伴走支援, 共同設置の手引\nきの作成\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n居住支援協議会との合同研修\nの開催\n\n"
    "医療\n\n退院支援委員会への地域支援\n者の参加受け入れ\n\n"
    "福祉\n\nグループホームの体験利用の\n受け入れ\n\n"
    "その他関係機\n関・住民等\n\n不動産関係団体, 居住支援法人\nによる住まいの確保\n\n"
    "行政\n\n保健所職員の市町村協議の場\nへの参加, 手引きの作成\n\n"
    "医療\n福祉\n\n基幹相談支援センターによる\n後方支援\n\n"
    "その他関係機\n関・住民等\n\n"
    "豪雪地域・山間部では冬期に\n訪問支援が途切れやすい\n\n"
    "精神科救急の受診に時間がか\nかる地域がある\n\n"
    "冬期の緊急時の連絡体制を整備し, オン\nラインを活用した支援を検討する。\n\n"
    "精神科救急医療体制の見直しと, 夜間・\n休日の相談窓口の周知を進める。\n\n"
    "行政\n\n連絡体制の整備, オンライン面\n談の環境整備\n\n"
    "医療\n\n訪問看護ステーションによる\n冬期の訪問計画の作成\n\n"
    "福祉\n\n相談支援事業所による安否確\n認の体制づくり\n\n"
    "その他関係機\n関・住民等\n\n民生委員, 除雪ボランティアに\nよる見守り\n\n"
    "行政\n\n精神科救急情報センターの運\n営, 相談窓口の周知\n\n"
    "医療\n\n輪番病院による受入れ体制の\n確保\n\n"
    "福祉\n\n"
    "その他関係機\n関・住民等\n\n家族会による相談窓口の周知\n\n"
    "現状値 (今年度当\n初)\n"
)


def _rows(text: str) -> list[list[str]]:
    lines = form_state(issue_columns, text).lines
    return [line.split("\t") for line in lines if line and "\t" in line]


def test_each_run_s_issues_and_policies_go_to_its_records_in_order():
    rows = _rows(_COLUMNS)
    assert rows[0] == ["課題", "課題解決に向けた取組方針", "課題・方針に対する役割(取組)", ""]
    assert rows[1] == [
        "長期入院者の退院後の住まいの確保が難しい",
        "居住支援協議会と連携し, グループホームや民間賃貸住宅の確保を進める。",
        "行政",
        "居住支援協議会との合同研修の開催",
    ]
    assert rows[4] == ["", "", "その他関係機関・住民等", "不動産関係団体, 居住支援法人による住まいの確保"]
    assert rows[5][:2] == ["市町村の協議の場の設置・運営に差がある", "保健所による伴走支援, 共同設置の手引きの作成"]
    assert rows[6] == ["", "", "医療", ""]
    assert rows[8] == ["", "", "その他関係機関・住民等", ""]
    assert rows[9][:2] == [
        "豪雪地域・山間部では冬期に訪問支援が途切れやすい",
        "冬期の緊急時の連絡体制を整備し, オンラインを活用した支援を検討する。",
    ]
    assert rows[13][:2] == [
        "精神科救急の受診に時間がかかる地域がある",
        "精神科救急医療体制の見直しと, 夜間・休日の相談窓口の周知を進める。",
    ]
    assert rows[15] == ["", "", "福祉", ""]
    assert rows[16] == ["", "", "その他関係機関・住民等", "家族会による相談窓口の周知"]
    assert len(rows) == 17


def test_the_issues_are_read_whole_from_the_text():
    sheet = forms.rewrite(_COLUMNS.split("\n")).lines
    assert "\t".join(["", "", "医療", "輪番病院による受入れ体制の確保"]) in sheet


def test_a_run_whose_boxes_do_not_add_up_is_left():
    # the second run's boxes one short (a policy missing): which box is whose is not in the text
    text = _COLUMNS.replace("精神科救急医療体制の見直しと, 夜間・\n休日の相談窓口の周知を進める。\n\n", "")
    state = form_state(issue_columns, text)
    assert state.lines == text.split("\n")


# headers first, then a record at a time (the first record's issue, its policy, the next record's):
# the widths tell that the second box is no issue (its lines twice as wide), so the table is left
_BY_RECORD = (
    "入院後 3 か月時点\n\f課題\n\n課題・方針に対する役割(取\n組)\n\n課題解決に向けた取組方針\n\n"
    "市内の市町村のうち協議の場\nを設置しているのは半数にと\nどまり、設置した市町村でも\n"
    "保健所や医療機関の参加が少\nなく、地域の課題の共有が進\nんでいない\n\n"
    "① 保健所が市町村の協議の場の立ち上げと運営を個別に\n支援する ②市の協議の場で市町村の取組事例を紹介し、\n"
    "設置の手順を示す\n\n長期入院\n\n地域移行\n\n"
    "行政\n\n1. 保健所による市\n町村への個別の助言\n2. 取組事例集の作\n成\n\n医療\n\n地域連携室の職員の\n参加\n\n"
    "福祉\n\n相談支援事業所によ\nる地域の課題の報告\n\nその他\n関係機\n関・住\n民等\n\n・家族会の参加\n\n"
    "行政\n\n病院訪問\n\n医療\n\n退院支援委員会への\n参加の受入れ\n\n福祉\n\n地域移行支援\n\nその他\n関係機\n関・住\n民等\n"
    "課題解決の達成度を測る指標\n"
)


def test_a_run_written_a_record_at_a_time_is_left():
    state = form_state(issue_columns, _BY_RECORD)
    assert state.lines == _BY_RECORD.split("\n")


def test_one_record_after_the_header_cells_and_its_role_s_word_among_its_action_s_lines():
    # one record: the header's cells first, then its issue and its policy; `その他…` centred beside
    # its action, the word's pieces every other line
    text = (
        "入院後 3 か月時点\n\f課題\n\n課題・方針に対する役割(取\n組)\n\n課題解決に向けた取組方針\n\n"
        "東日本大震災と原子力災害の後、\n避難や転居で家族や地域とのつな\nがりを失った人が多い\n\n"
        "相談の入口を増やし、早い時期に支援につなげるた\nめ、訪問支援を山間部にも広げる\n\n"
        "行政\n\n1. 相談窓口の一覧の\n作成と全戸配布 2.\nアウトリーチ支援チ\nームの派遣\n\n医療\n\n"
        "・アウトリーチ支援\nチームへの医師の派\n遣\n\n福祉\n\n同行支援\n\n"
        "民生委員・児童委員\nその他\nによる見守りと相談\n関係機\n窓口の紹介、社会福\n関・住\n祉協議会による移動\n民等\n支援\n"
        "課題解決の達成度を測る指標\n"
    )
    rows = _rows(text)
    assert rows[1] == [
        "東日本大震災と原子力災害の後、避難や転居で家族や地域とのつながりを失った人が多い",
        "相談の入口を増やし、早い時期に支援につなげるため、訪問支援を山間部にも広げる",
        "行政",
        "1. 相談窓口の一覧の作成と全戸配布 2. アウトリーチ支援チームの派遣",
    ]
    assert rows[4] == [
        "",
        "",
        "その他関係機関・住民等",
        "民生委員・児童委員による見守りと相談窓口の紹介、社会福祉協議会による移動支援",
    ]


def test_a_value_beside_its_name_in_the_indicators_below_read_a_band_at_a_time():
    # the indicators' header right below the issues' last role (no blank line between), the issues
    # rewritten: the band reader reads the indicators, a name's line that ends on a value cut in two
    # where a lone value's box follows (else the next row's name, `②`, went into the row's effects)
    text = _COLUMNS.replace("\n\n現状値 (今年度当\n初)\n", "\n") + (
        "課題解決の達成度を測る指標\n\n現状値 (今年度当初) 目標値 (今年度末)\n\n"
        "① 協議の場を設置した市町村の数 22 市町村\n\n44 市町村\n\n見込んでいる成果・効果\n"
        "全ての市町村で地域の課題が話し合われる\n\n② アドバイザーの派遣回数\n"
    )
    rows = [line.split("\t") for line in forms.rewrite(text.split("\n")).lines if line and "\t" in line]
    assert "全ての市町村で地域の課題が話し合われる" in rows[-2]
    assert rows[-1] == ["② アドバイザーの派遣回数", "", "", ""]


# a ward's short issues (pdftotext of a LibreOffice PDF): a record's issue and policy, centred in its
# rows, written after its role at the record's middle (`医療`: its action empty, no box), or after
# the record above's last role; the table's last action written among the indicators' header's cells
_MIDDLE = (
    "入院後 3 か月時点\n・ピアサポーターの会が自主的に活動している。\n課題\n\n課題解決に向けた取組方針\n\n"
    "課題・方針に対する役割(取組)\n行政\n\n一覧の作成\n\n医療\n相談先が分からない\n\n相談先の一覧を作る\n\n"
    "福祉\nその他関係機\n関・住民等\n\n退院支援\n\n病院訪問\n\n行政\n\n病院訪問\n\n医療\n\n"
    "退院支援委員会への参加\n\n福祉\n\n地域移行支援\n\nその他関係機\n関・住民等\n\n"
    "\f家族の負担が大きく、家族自身が体調を崩\nす例がある\n\n家族教室を開く\n\n行政\n\n家族教室の開催\n\n"
    "医療\n\n講師の派遣\n\n福祉\nその他関係機\n関・住民等\n\n家族会による相談\n\n行政\n\n電話相談の延長\n\n"
    "医療\n夜間・休日の相談先がない\n\n電話相談の時間を延ばす\n\n福祉\nその他関係機\n関・住民等\n\n"
    "課題解決の達成度を測る指標\n\n現状値 (今年度当\n初)\n\n目標値 (今年度\n末)\n\n"
    "不動産事業者による物件の\n紹介\n見込んでいる成果・効果\n\n① 家族教室の開催回数\n2回\n"
)


def test_a_record_s_issue_and_policy_after_its_middle_role_go_to_it():
    rows = _rows(_MIDDLE)
    assert len(rows) == 17
    assert {k: rows[k] for k in (1, 2, 13, 16)} == {
        1: ["相談先が分からない", "相談先の一覧を作る", "行政", "一覧の作成"],
        2: ["", "", "医療", ""],
        13: ["夜間・休日の相談先がない", "電話相談の時間を延ばす", "行政", "電話相談の延長"],
        16: ["", "", "その他関係機関・住民等", "不動産事業者による物件の紹介"],
    }
    issues = [row[:2] for row in rows[5::4]]
    assert issues[0] == ["退院支援", "病院訪問"]
    assert issues[1] == ["家族の負担が大きく、家族自身が体調を崩す例がある", "家族教室を開く"]


def test_a_run_whose_action_may_stand_first_or_last_is_left():
    # three one-line boxes after the record's `行政`: its action then the issue and the policy, or the
    # issue, the policy, then the action; the widths do not tell which
    middle = "医療\n夜間・休日の相談先がない\n\n電話相談の時間を延ばす\n\n"
    text = _MIDDLE.replace(middle, "夜間相談\n\n時間を延ばす\n\n医療\n\n")
    state = form_state(issue_columns, text)
    assert state.lines == text.split("\n")


# a prefecture's issues as plain pdftotext writes a Chromium PDF's (no renderer's gaps): a column at a
# time, each page's records' issues, then their policies, then their roles; `その他関係機` `関・住民等`
# wrapped round its action where the action is one line (its rest opening the next record's box)
_CHROMIUM = (
    "入院後3か月時点\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n\n"
    "協議の場が未設置の町村がある\n\n共同設置の提案\n\n"
    "行政\n\n保健所の伴走支援\n\n医療\n\n委員の推薦\n\n福祉\n\n基幹相談支援センターの助\n言\n\n"
    "その他関係機\n関・住民等\n長期入院者が多い\n\n①退院意向の確認 ②個別支援計画\nの作成\n\n"
    "行政\n\n①病院訪問 ②意向調査の集\n計\n\n医療\n\n退院支援委員会の開催\n\n福祉\n\n地域移行支援の実施\n\n"
    "その他関係機\n\nピアサポーターの病院訪問\n\n関・住民等\n\n"
    "\f住まいの確保が難しい\n\n救急入院後の支援が途切れる\n\n居住支援法人との連携\n\n退院後支援計画の作成\n\n"
    "行政\n\n居住支援協議会への参画\n\n医療\n\n退院前の住まいの相談\n\n福祉\n\nグループホームの空き情報\nの共有\n\n"
    "その他関係機\n関・住民等\n\n不動産業者の協力\n\n"
    "行政\n\n支援会議の開催\n\n医療\n\n保健所への連絡\n\n福祉\n\nサービスの調整\n\n"
    "その他関係機\n\n－\n\n関・住民等\n住民の理解が進まない\n\n普及啓発の強化\n\n"
    "行政\n\n県民講座\n\n医療\n\n講師派遣\n\n福祉\n\n事業所の地域交流\n\n"
    "その他関係機\n関・住民等\n\n自治会との協力\n\n"
    "課題解決の達成度を測る指標\n"
)


def test_a_chromium_pdf_s_role_word_wrapped_round_its_action_goes_to_its_record():
    rows = _rows(_CHROMIUM)
    assert rows[1] == ["協議の場が未設置の町村がある", "共同設置の提案", "行政", "保健所の伴走支援"]
    assert rows[4] == ["", "", "その他関係機関・住民等", ""]
    assert rows[5] == ["長期入院者が多い", "①退院意向の確認 ②個別支援計画の作成", "行政", "①病院訪問 ②意向調査の集計"]
    assert rows[8] == ["", "", "その他関係機関・住民等", "ピアサポーターの病院訪問"]
    assert rows[9] == ["住まいの確保が難しい", "居住支援法人との連携", "行政", "居住支援協議会への参画"]
    assert rows[13] == ["救急入院後の支援が途切れる", "退院後支援計画の作成", "行政", "支援会議の開催"]
    assert rows[16] == ["", "", "その他関係機関・住民等", "－"]
    assert rows[17] == ["住民の理解が進まない", "普及啓発の強化", "行政", "県民講座"]
    assert rows[20] == ["", "", "その他関係機関・住民等", "自治会との協力"]
    assert len(rows) == 21
