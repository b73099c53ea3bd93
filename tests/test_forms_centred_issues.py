"""The issues' table of a LibreOffice PDF written a printed line at a time: an issue and its policies
centred beside its four roles' rows (pdfplumber, markitdown)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import centred_rows

CONVERTERS = FIXTURES / "converters"

# city-heading-in-table-fy2023's issues as pdfplumber reads its LibreOffice PDF
_ISSUES = (
    "課題解決に向けた取組方\n"
    "課題 課題・方針に対する役割(取組)\n"
    "針\n"
    "行政 病院訪問\n"
    "退院前カンファレンス\n"
    "医療\n"
    "長期入院者の地域移行が進ん 病院と地域の連携体制を の開催\n"
    "でいない つくる 福祉 地域移行支援の実施\n"
    "その他関係機関・\n"
    "ピアサポーターの派遣\n"
    "住民等\n"
)
# the councils' header later in the sheet: what tells a LibreOffice PDF's printed lines
_LATER = "開催\n名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n頻度"


def test_an_issue_and_its_policies_centred_beside_the_roles_go_to_the_records_first_row():
    out = apply_form(centred_rows, _ISSUES + _LATER)
    assert [line for line in out if line is not None][:5] == [
        "課題\t課題解決に向けた取組方針\t課題・方針に対する役割(取組)\t",
        "長期入院者の地域移行が進んでいない\t病院と地域の連携体制をつくる\t行政\t病院訪問",
        "\t\t医療\t退院前カンファレンスの開催",
        "\t\t福祉\t地域移行支援の実施",
        "\t\tその他関係機関・住民等\tピアサポーターの派遣",
    ]
    assert out[3].startswith("長期入院者")  # the record's first line: its first role's


def test_a_roles_action_is_its_own_line_not_the_policy_beside_it():
    # pref-preamble-labels-fy2024: 福祉's action on its word's line, the issue's and the policy's
    # lines above and below it
    text = _ISSUES.split("\n行政")[0] + (
        "\n行政 研修会の開催\n医療 講師協力\n市町村の協議の場の設置が進んで 市町村向けの研修会を\n福祉 研修会への参加\n"
        "いない 行う\nその他関係機関・住 家族会による普及\n民等 啓発\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1] == "市町村の協議の場の設置が進んでいない\t市町村向けの研修会を行う\t行政\t研修会の開催"
    assert rows[3] == "\t\t福祉\t研修会への参加"


def test_records_not_of_the_four_roles_are_left_to_the_rows_reader():
    text = _ISSUES.replace("福祉 ", "") + _LATER
    out = apply_form(centred_rows, text)
    assert sum(line is not None and line != "" for line in out) >= 2  # nothing lost, whatever reads it
    assert "".join(line or "" for line in out).count("地域移行支援の実施") == 1


def _parse(path):
    out = subprocess.run([sys.executable, "-m", "nikosheet", "parse", str(path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("converter", ["lopdf-pdfplumber", "lopdf-markitdown"])
def test_a_libreoffice_pdfs_issues_read_as_written(parsed, converter):
    truth = parsed("city-bold-headings-fy2023.txt")["strengths_and_issues"]["issues"]
    doc = _parse(CONVERTERS / f"city-bold-headings-fy2023--{converter}.txt")["strengths_and_issues"]["issues"]
    assert [{k: v for k, v in issue.items() if k != "line"} for issue in doc] == [
        {k: v for k, v in issue.items() if k != "line"} for issue in truth
    ]


def test_too_many_lone_pieces_to_try_go_by_their_bullets():
    from nikosheet.parsing.forms.centred_issues import _spanned

    left = [["課題の文"]] * 7 + [["・方針"]] * 7
    assert _spanned(left, (0, 0)) == ("課題の文" * 7, " ".join(["・方針"] * 7))


def test_a_lone_piece_wider_than_the_issues_column_is_a_policys():
    # city-pipe-fy2023's second record: its issue's and its policy's lines alternate, one a line; the
    # first record's line of both shows how wide each column is
    from nikosheet.parsing.forms.centred_issues import _spanned

    left = [["市民向け講座やSNSによる普及"], ["精神障害に対する市民の"], ["啓発を行う"], ["理解が十分でない"]]
    assert _spanned(left, (22, 29)) == (
        "精神障害に対する市民の理解が十分でない",
        "市民向け講座やSNSによる普及啓発を行う",
    )


def test_a_wrapped_role_word_whose_middle_line_starts_with_the_policy_s_last_piece():
    # `その他関` / `する 係機関・` / `住民等`: the policy's last line ends level with the word's middle
    # line, its piece before the word's; the action's two lines stand between the word's
    text = _ISSUES.split("\n行政")[0] + (
        "\n行政 同行訪問、相談窓口の案内の作成\n"
        "簡易宿所や単身で暮らす方のうち、生活困窮 ・生活保護・生活困窮の窓口と保健 医療 往診の協力\n"
        "と精神疾患を併せ持ち、支援につながってい 所の同行訪問を進める ・簡易宿所の 福祉 地域定着支援\n"
        "ない方が多い 管理者向けの相談窓口の案内を作成\n"
        "その他関\n簡易宿所の管理者、民\nする 係機関・\n生委員による声かけ\n住民等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t")[:2] == [
        "簡易宿所や単身で暮らす方のうち、生活困窮と精神疾患を併せ持ち、支援につながっていない方が多い",
        "・生活保護・生活困窮の窓口と保健所の同行訪問を進める ・簡易宿所の管理者向けの相談窓口の案内を作成する",
    ]
    assert rows[4] == "\t\tその他関係機関・住民等\t簡易宿所の管理者、民生委員による声かけ"


def test_a_list_of_actions_stands_half_a_line_higher_than_its_role_s_word():
    # a designated city's first record: the list's items spaced apart, so 行政, alone on its line, is
    # written after the action's third line of five (one line more above it than below)
    text = _ISSUES.split("\n行政")[0] + (
        "\n ・出張相談の実施\n ・府との調整\n ・区担当者の退院\n行政\n支援委員会への参\n加\n"
        " ・出張相談で市外の病院を定期的に\n訪問する  ・出張相談の受け\n長期入院者の多くが市外の精神科\n"
        " ・府と連携し、病院の退院支援委員 入れ\n病院に入院しており、市の支援者\n"
        "会に区の担当者が参加できるように  ・退院支援委員会\nが病院と関係を築きにくい 医療\n"
        "する への区担当者の招\nへい\n福祉 地域移行支援の提供\nその他関\nピアサポーターによる病棟\n"
        "係機関・\n訪問\n住民等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t")[2:] == ["行政", "・出張相談の実施 ・府との調整 ・区担当者の退院支援委員会への参加"]
    assert rows[3] == "\t\t福祉\t地域移行支援の提供"


def test_a_list_of_actions_whose_role_s_word_is_written_with_its_fourth_line_of_six():
    # a designated city's first record: 福祉's list of two items, six lines, its word half a line
    # below their middle, written on one line with the fourth (one line more above it than below)
    text = _ISSUES.split("\n行政")[0] + (
        "\n行政 空き情報の一覧の作成\n医療 退院前訪問看護\n ・地域移行支援に\n"
        "長期入院者の退院後の住まい 居住支援協議会と連携し、 よる住まい探しへ\n"
        "が確保できない 民間賃貸住宅への入居を支援する の同行\n福祉  ・地域定着支援に\nよる退院後の見守\nり\n"
        "その他関係機関・\n不動産事業者による入居支援\n住民等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t")[:2] == [
        "長期入院者の退院後の住まいが確保できない",
        "居住支援協議会と連携し、民間賃貸住宅への入居を支援する",
    ]
    assert rows[3] == "\t\t福祉\t・地域移行支援による住まい探しへの同行 ・地域定着支援による退院後の見守り"


def test_a_line_alone_between_a_wrapped_role_word_s_lines_is_its_action():
    # a prefecture's second record: `その他` / `関係機` / action / `関・住` / `民等`, the policy's last
    # line (`る`) above the word and the next record's first action line below it: the lone line between
    # the word's lines is the action, not the two lines round it
    text = _ISSUES.split("\n行政")[0] + (
        "\n行政 研修の開催\n医療 講師の派遣\n"
        "住まいが不足している 居住支援法人と連携し、住まいの確保を進め 福祉 体験宿泊の受入れ\nる\n"
        "その他\n関係機\n不動産事業者向け研修への協力\n関・住\n民等\n"
        "①安否確認の対象者名簿の整備\n行政\n②モデル事業の報告会の開催\n医療 訪問看護の調整\n"
        "冬期に通院が途絶える 安否確認の体制を広げる 福祉 緊急時の連絡体制の確保\n"
        "その他関係機関・住民等 民生委員による見守り\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[4] == "\t\tその他関係機関・住民等\t不動産事業者向け研修への協力"


def test_a_spaced_list_read_one_line_more_above_stands_round_a_point_half_a_line_above_its_word():
    # a prefecture's first record: 行政's list of four lines, its word written with the third, the
    # policy's first line and the list's last on one line; the policy's lone next line (`化する`) below
    # it is no action's, though a reading that takes it has its middle nearer the word's
    text = _ISSUES.split("\n行政")[0] + (
        "\n ・アドバイザー派\n遣\n行政  ・市町職員研修の\n ・圏域単位での市町支援を強 開催\n化する\n"
        "市町の協議の場の設置・運営に差が\n ・アドバイザー派遣と研修に\n"
        "あり、小規模町では専門職の確保が 協議の場への参画、事例提\nより市町職員の人材育成を行 医療\n難しい 供\nう\n"
        "福祉 地域移行支援の実施\nその他関係機 家族会・ピアサポーターの\n関・住民等 参画\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t")[2:] == ["行政", "・アドバイザー派遣 ・市町職員研修の開催"]


def test_a_wrapped_role_word_whose_action_stands_on_its_first_line_is_read():
    # a core city's last record: `その他関係 家族会による個別相談` / `機関・住民` / `等`, the one-line
    # action beside the word's first line and the indicators' header right below: no other line in its
    # row, so that is its action (the table had been left to the rows' reader, every record misread)
    text = _ISSUES.split("\n行政")[0] + (
        "\n訪問相談の実施、連絡体制\n行政\nの整備\n"
        "島しょ部で支援者が少なく、 訪問相談を定期化する 医療 オンライン診療の活用\n"
        "危機時の対応が遅れる\n福祉 地域定着支援の実施\n"
        "その他関係\n民生委員による見守り、異\n機関・住民\n変時の連絡\n等\n"
        "精神疾患と障害福祉サービ 家族向けの相談会と家族教室を定期開催する 行政 家族教室の開催（年6回）\n"
        "スの情報が、家族に届いて\n医療 家族教室への講師派遣\nいない\n福祉 サービス利用の説明会\n"
        "その他関係 家族会による個別相談\n機関・住民\n等\n"
        "課題解決の達成度を測る指標 現状値 (今年度当初) 目標値 (今年度末) 見込んでいる成果・効果\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert (
        rows[1]
        == "島しょ部で支援者が少なく、危機時の対応が遅れる\t訪問相談を定期化する\t行政\t訪問相談の実施、連絡体制の整備"
    )
    assert rows[4] == "\t\tその他関係機関・住民等\t民生委員による見守り、異変時の連絡"
    assert rows[8] == "\t\tその他関係機関・住民等\t家族会による個別相談"


def test_a_cell_s_numbered_items_a_space_apart_stay_one_cell():
    # a prefecture's record: 行政's `①病院訪問 ②意向調` / `査の集計` and the policies' `①退院意向の確認
    # ②個別支援` / `計画の作成`, each list's second item a space after its first: one cell's items, not
    # the issue and a policy, nor a policy and the action (the issue is centred on its own line between;
    # which cell the lone `計画の作成` goes on in the text does not tell)
    text = _ISSUES.split("\n行政")[0] + (
        "\n行政 保健所の伴走支援\n医療 委員の推薦\n協議の場が未設置の町村が 基幹相談支援センター\n共同設置の提案 福祉\n"
        "ある の助言\nその他関係機関\n・住民等\n"
        "①病院訪問 ②意向調\n行政\n査の集計\n①退院意向の確認 ②個別支援 医療 退院支援委員会の開催\n"
        "長期入院者が多い\n計画の作成 福祉 地域移行支援の実施\nその他関係機関 ピアサポーターの病院\n・住民等 訪問\n"
        "課題解決の達成度を測る指標 現状値 (今年度当初) 目標値 (今年度末) 見込んでいる成果・効果\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    issue, policies, role, action = rows[5].split("\t")
    assert issue.startswith("長期入院者が多い")
    assert policies.startswith("①退院意向の確認 ②個別支援")
    assert (role, action) == ("行政", "①病院訪問 ②意向調査の集計")
    assert rows[6] == "\t\t医療\t退院支援委員会の開催"


def test_a_row_of_more_lines_than_all_their_choices_can_be_tried_is_read():
    # pref-tochigi-fy2024: a long issue and three long policies beside 行政's list leave thirteen
    # lines in 医療's row that may hold its action, too many to try every choice of them; the row is
    # still read, and with it the table
    text = _ISSUES.split("\n行政")[0] + (
        "\n町村では精神保健福祉を担当する  ・地域の保健所が町村 行政  ・保健所による伴\n"
        "走型の支\n"
        "援\n"
        " ・運営の手引きの\n"
        "の担当者に伴走し、立ち上げ\n"
        "作成と説明会の開\n"
        "から最初の1年の運営を一緒\n"
        "催\n"
        "に行う\n"
        "専門職が1人または不在であり、協議の  ・近隣市町との共同設置や、\n"
        "場を立ち上げても、誰が事務局を担い、 既存の自立支援協議会の部会 圏域の精神科病院から協議\n"
        "医療\n"
        "何を協議するのかが定まらないまま、形 を活用した設置を提案する の場への委員の推薦\n"
        "だけの会議になってしまうおそれがある  ・協議の場の運営の手引き\n"
        "基幹相談支援センターによ\n"
        "福祉\n"
        "（県版）を作成し、議題の例 る町の相談体制への助言\n"
        "や進行の工夫を示す\n"
        "その他\n"
        "関係機 社会福祉協議会、民生委員\n"
        "関・住 の参加\n"
        "民等\n"
        "行政 こころの健康講座の開催\n"
        "医療 講師派遣\n"
        " ・当事者の体験発\n"
        "表\n"
        "福祉  ・事業所の見学受\n"
        "住民の精神疾患への理解が十分でない 学校や職場での普及啓発\n"
        "入れ\n"
        "その他\n"
        "関係機\n"
        "家族会による家族教室\n"
        "関・住\n"
        "民等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[5].split("\t")[2:] == ["行政", "こころの健康講座の開催"]  # the table is read
    assert rows[6] == "\t\t医療\t講師派遣"
    assert rows[8] == "\t\tその他関係機関・住民等\t家族会による家族教室"


def test_a_row_of_more_lines_than_its_likeliest_choices_are_looked_for_in_is_not_read():
    # a long list beside one role's word (no sheet's row is half as long): its lines are not read
    # into a row, whose search would take minutes, but left to the readers after
    from nikosheet.parsing.forms import centred_issues

    lines = [["長期入院者の地域移行が進ん", f"・項目{j}の支援を行うこと"] for j in range(80)]
    lines[40] = ["医療", "病院訪問"]
    assert centred_issues._action_lines(lines, [(40, 0)], (0, 79)) is None
    assert centred_issues._numbered_items(["⑲研修", "⑳訪問", "⑴調査", "⑵会議"]) == ["⑲研修 ⑳訪問", "⑴調査", "⑵会議"]


def test_a_row_whose_word_stands_half_a_line_below_its_action_s_middle_leaves_its_last_line_to_the_next():
    # a core city's first record: 行政's list of four lines with its word on the third, so the row
    # read as far below the word as it starts above it takes the line of 医療's action's first piece
    text = _ISSUES.split("\n行政")[0] + (
        "\n ・部会、研修会の開\n催\n行政  ・高齢福祉担当課と\nの連携\n"
        " ・地域移行部会に地域包括支援セ 退院支援委員会での介護支\n医療\n"
        "長期入院者のうち65歳以上が6 ンターの参加を求める 援専門員との情報共有\n"
        "割を超え、介護保険サービスを使  ・支援者向け研修会で介護と障害  ・地域移行支援の提\n"
        "った退院の調整に時間がかかる 福祉の制度の違いを学ぶ 供\n福祉  ・介護保険サービス\nへの移行の支援\n"
        "その他関係\n地域包括支援センター、介\n機関・住民\n護支援専門員の部会参加\n等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t") == [
        "長期入院者のうち65歳以上が6割を超え、介護保険サービスを使った退院の調整に時間がかかる",
        "・地域移行部会に地域包括支援センターの参加を求める ・支援者向け研修会で介護と障害福祉の制度の違いを学ぶ",
        "行政",
        "・部会、研修会の開催 ・高齢福祉担当課との連携",
    ]
    assert rows[2] == "\t\t医療\t退院支援委員会での介護支援専門員との情報共有"
    assert rows[3] == "\t\t福祉\t・地域移行支援の提供 ・介護保険サービスへの移行の支援"


def test_a_sentence_s_end_short_of_its_column_ends_its_cell():
    # a designated city's record: the policy's last line, a sentence's end, above 医療's one-line
    # action and the issue's last line below it are not that action's lines
    text = _ISSUES.split("\n行政")[0] + (
        "\n区によって連絡会の参加機関 区連絡会の運営の手引きをつくり、事務局を担 行政 手引きの作成、事務局研修\n"
        "や議題に差があり、課題の抽 う職員の研修を行う。\n医療 連絡会への継続的な参加\n出が進まない区がある\n"
        "基幹相談支援センターによ\n福祉\nる連絡会の共同運営\nその他関 なし\n係機関・\n住民等\n" + _LATER
    )
    rows = [line for line in apply_form(centred_rows, text) if line is not None]
    assert rows[1].split("\t")[:2] == [
        "区によって連絡会の参加機関や議題に差があり、課題の抽出が進まない区がある",
        "区連絡会の運営の手引きをつくり、事務局を担う職員の研修を行う。",
    ]
    assert rows[2] == "\t\t医療\t連絡会への継続的な参加"
