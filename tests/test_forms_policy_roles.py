"""An issue's policy written with the next roles' words among its lines (plain pdftotext of a
LibreOffice PDF)."""

from __future__ import annotations

from conftest import FIXTURES, rewritten_rows

_HEAD = "人口 (R6 年 4 月時点)\n課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取組)\n"

# section 5 as plain pdftotext wrote pref-fullwidth-dot-fy2023's LibreOffice PDF: the issue after
# `行政`, `医療` at the end of the policy's first line, `福祉` after its last, then the actions
_APPENDED = (
    _HEAD + "行政\n\n市町村の協議の場の設置が\n進んでいない\n\n市町村向け研修会とアドバイザ 医療\nー派遣を行う\n"
    "福祉\n\n研修会の開催、アドバ\nイザー派遣\n研修会への講師協力\n研修会への参加\n\n"
    "その他関係機関・住民等\n\n家族会による普及啓発\n"
)

# pref-preamble-labels-fy2024's: the issue, 行政's action, then `医療` and `福祉` among the policy's lines
_AMONG = (
    _HEAD + "行政\n\n市町村の協議の場の設置が進んで\nいない\n\n研修会の開催\n\n医療\n市町村向けの研修会を\n福祉\n"
    "行う\n\n講師協力\n研修会への参加\n\nその他関係機関・住民等\n\n家族会による普及啓発\n"
)

# a second group whose issue stands after `医療` (行政's action before it), the group above's last
# role empty: its word right before this group's `行政`
_AFTER_MEDICAL = (
    _HEAD + "行政\n\n協議の場の開催頻度に差がある\n\n各区の運営方法を共有する\n\n行政\n\n区の事務局支援\n\n"
    "医療\n\n事例の提供\n\n福祉\n\n課題整理\n\nその他関係機関・住民等\n行政\n\n居住支援協議会の運営\n\n医療\n\n"
    "住まいの確保が難し\nい\n\n不動産事業者・居住支援法人との連携を強め、入居後\n福祉\nの見守りを地域で担う体制をつくる\n\n"
    "グループホームの整備\n\nその他関係機関・住民等\n\n物件の紹介\n"
)


def test_the_issue_and_the_policy_go_before_the_roles() -> None:
    rows = rewritten_rows(_APPENDED)
    assert rows[1][:3] == ["市町村の協議の場の設置が進んでいない", "市町村向け研修会とアドバイザー派遣を行う", "行政"]
    rows = rewritten_rows(_AMONG)
    assert rows[1] == ["市町村の協議の場の設置が進んでいない", "市町村向けの研修会を行う", "行政", "研修会の開催"]
    assert rows[2] == ["", "", "医療", "講師協力"]  # the two actions after `福祉`, a cell each: 医療's, 福祉's
    assert rows[3] == ["", "", "福祉", "研修会への参加"]


def test_an_issue_after_the_second_role_and_the_empty_role_above() -> None:
    rows = rewritten_rows(_AFTER_MEDICAL)
    policy = "不動産事業者・居住支援法人との連携を強め、入居後の見守りを地域で担う体制をつくる"
    assert rows[4] == ["", "", "その他関係機関・住民等", ""]
    assert rows[5] == ["住まいの確保が難しい", policy, "行政", "居住支援協議会の運営"]
    assert rows[6] == ["", "", "医療", ""]


def test_roles_words_apart_from_the_lines_leave_them() -> None:
    # `医療` and `福祉` each a box of its own: the lines are the roles' actions, read as they stand
    apart = _AMONG.replace("医療\n市町村向けの研修会を\n福祉\n行う\n", "医療\n\n市町村向けの研修会を\n\n福祉\n\n行う\n")
    assert rewritten_rows(apart)[1][0] != "市町村の協議の場の設置が進んでいない"


def test_a_libreoffice_pdf_s_issues_read_by_pdftotext(parsed) -> None:
    from nikosheet import parse_file_data

    for name in ("pref-preamble-labels-fy2024", "pref-fullwidth-dot-fy2023"):
        want = parsed(f"{name}.txt")["strengths_and_issues"]["issues"][0]
        got = parse_file_data(FIXTURES / "converters" / f"{name}--lopdf-pdftotext.txt")["strengths_and_issues"]
        assert (got["issues"][0]["issue"], got["issues"][0]["policies"]) == (want["issue"], want["policies"])


# the issue and the policy side by side in the box that holds `医療` and `福祉`, each cell's short
# last line alone after their paired lines
_PAIRED = (
    _HEAD + "行政\n\n医療\n精神科病院と地域の連携が退院の直前から 退院支援シートの活用を進め,\n"
    "始まることが多く, 支援の体制が整うまで 入院の早い時期から情報を共\nに時間がかかる\n有する。\n福祉\n\n"
    "シートの周知\n\nその他関係機関・住民等\n\n家族会の参加\n"
)


def test_an_issue_and_its_policy_side_by_side_among_the_roles() -> None:
    rows = rewritten_rows(_PAIRED)
    issue = "精神科病院と地域の連携が退院の直前から始まることが多く, 支援の体制が整うまでに時間がかかる"
    assert rows[1][:3] == [issue, "退院支援シートの活用を進め, 入院の早い時期から情報を共有する。", "行政"]
    # a cell a line taller than the other: which cell the lone line ends is not told
    taller = _PAIRED.replace("に時間がかかる\n有する。\n", "に時間がかかる\n")
    assert rewritten_rows(taller)[1][0] != issue


def test_a_warning_says_the_actions_rows_are_not_told() -> None:
    from nikosheet import parse_file_data

    doc = parse_file_data(FIXTURES / "converters" / "pref-preamble-labels-fy2024--lopdf-pdftotext.txt")
    messages = [d["message"] for d in doc["diagnostics"] if d["code"] == "shifted-cell"]
    assert any("'医療' stands among the lines of a cell beside it" in m for m in messages)


# plain pdftotext of a prefecture's LibreOffice PDF: the policy's box, a list of ①②, with `医療` at
# the end of its first line and `福祉` after it; `行政`'s action and the others after `福祉`
_NUMBERED = (
    _HEAD + "行政\n\n保健所の伴走支援\n\n医療\n\n委員の推薦\n\n福祉\n\n基幹相談支援センター\nの助言\n\n"
    "その他関係機関\n・住民等\n行政\n長期入院者が多い\n\n① 退院意向の確認 ②個別支援 医療\n計画の作成\n福祉\n\n"
    "病院訪問\n\n退院支援委員会の開催\n\n地域移行支援の実施\n\nその他関係機関 ピアサポーターの病院\n・住民等\n訪問\n"
)


def test_a_numbered_policy_among_the_roles_and_the_actions_after_it_one_a_role() -> None:
    rows = rewritten_rows(_NUMBERED)
    assert rows[5] == ["長期入院者が多い", "① 退院意向の確認 ②個別支援計画の作成", "行政", "病院訪問"]
    assert rows[6] == ["", "", "医療", "退院支援委員会の開催"]
    assert rows[7] == ["", "", "福祉", "地域移行支援の実施"]


# the issue and `行政`'s action, then `医療` a box of its own right above the policy's first line, and
# `福祉` among the policy's lines; the other two actions after it
_MEDICAL_APART = (
    _HEAD + "行政\nピアサポーターが少ない\n\n養成研修の開催\n\n医療\n① 養成研修の拡充 ②フォロー\n福祉\n"
    "アップ研修の実施\n\n活動の受入れ\nピアサポーターの雇用\n\nその他関係機関\n当事者会の協力\n・住民等\n"
)


def test_the_issue_and_its_action_before_a_medical_word_apart_from_the_policy() -> None:
    rows = rewritten_rows(_MEDICAL_APART)
    assert rows[1] == ["ピアサポーターが少ない", "① 養成研修の拡充 ②フォローアップ研修の実施", "行政", "養成研修の開催"]
    assert rows[2] == ["", "", "医療", "活動の受入れ"]
    assert rows[3] == ["", "", "福祉", "ピアサポーターの雇用"]
    # actions after `福祉` that are not one cell a role stay where they stood
    joined = _MEDICAL_APART.replace("活動の受入れ\nピアサポーターの雇用", "活動の受入れ、ピアサポーターの雇用")
    assert rewritten_rows(joined)[2] == ["", "", "医療", ""]


# a prefecture's first group as plain pdftotext wrote its LibreOffice PDF: the issue after `行政`, 行政's
# action (a list, its bullet drawn apart after its first line), then the policies, a list too, with
# `医療` and `福祉` on lines of their own among its lines
_LISTED_POLICY = (
    _HEAD + "\n行政\n\n長期入院者の割合が高く、特に郡部の精神科病\n院からの地域移行が進んでいない。退院後の住\n"
    "まい（グループホーム等）や日中活動の場が高\n知市周辺に偏在しており、本人が希望する地元\nへの退院が難しい。\n\n"
    "・退院支援委員会\n\n\uf0b7\n\nへの地域援助事業\n者の参加促進\n・居住支援協議会\nとの合同研修の開\n催\n\n\uf0b7\n\n"
    "・病院と地域援助事業者\n\n\uf0b7\n\nが退院前から連携する体\n制づくりを進める\n医療\n・あったかふれあいセン\n\n\uf0b7\n\n"
    "ター等の既存の地域資源\nを退院後の居場所として\n活用する\n・居住支援法人と連携\n福祉\nし、住まいの確保を図る\n\n"
    "退院支援委員会の開催、地\n域援助事業者への情報提供\n\uf0b7\n\n・地域移行支援・\n\n\uf0b7\n\n地域定着支援の実\n施\n"
    "・グループホーム\nの体験利用の受入\nれ\n\nその他\n関係機\n関・住\n民等\n"
)


def test_a_listed_policy_with_the_roles_words_after_the_action_s_box() -> None:
    rows = rewritten_rows(_LISTED_POLICY)
    assert rows[1] == [
        "長期入院者の割合が高く、特に郡部の精神科病院からの地域移行が進んでいない。退院後の住まい（グループホーム等）"
        "や日中活動の場が高知市周辺に偏在しており、本人が希望する地元への退院が難しい。",
        "・病院と地域援助事業者が退院前から連携する体制づくりを進める"
        " ・あったかふれあいセンター等の既存の地域資源を退院後の居場所として活用する"
        " ・居住支援法人と連携し、住まいの確保を図る",
        "行政",
        "・退院支援委員会への地域援助事業者の参加促進 ・居住支援協議会との合同研修の開催",
    ]
    assert rows[2] == ["", "", "医療", "退院支援委員会の開催、地域援助事業者への情報提供"]


# pref-miyagi-fy2024's section 5 as plain pdftotext wrote its LibreOffice PDF: the first policy, a list,
# holds all three later roles' words among its lines, the actions after them (three in one box, cut
# where a line stops short); then the next two groups' issues, then their policies, written down their
# columns before the second group's `行政`
_COLUMNS_DOWN = (
    _HEAD + "行政\n\n精神科病床が仙台圏域に偏在しており、沿岸部・県北の\n"
    "住民は圏域外の病院に入院することが多い。入院先の病\n"
    "院と住所地の市町・相談支援事業所との連絡が退院間際\nになってから始まることが多く、退院後の住まいや日中\n"
    "活動の調整が間に合わないまま退院する例や、退院を見\n送る例がある。\n\n・入院早期から住所\n\n\uf0b7\n\n"
    "地の保健所・市町に\n連絡が届く仕組み\nを、圏域を越えて運\n医療\n用する\n・病院と地域援助事\n業者の合同研修を圏\n"
    "域ごとに開催する\n福祉\nその他\n関係機\n関・住\n民等\n\n・圏域を越え\n\n\uf0b7\n\nた連絡様式の\n作成と周知\n"
    "・保健所によ\nる入院先病院\nへの訪問\n\n入院早期の退院支援委\n員会への地域援助事業\n者の参加\n地域移行支援・地域定\n"
    "着支援の実施、退院前\nの体験宿泊の調整\nピアサポーターによる\n病院訪問\n\n町村の協議の場を担う専門職が少ない\n\n"
    "震災後の心のケアの支援体制の縮小\n\n圏域単位での共同設置と保\n健所による伴走支援\n\n心のケアセンターの機能を\n"
    "保健所・市町の通常業務に\n引き継ぐ\n\n行政\n\n共同設置の規約例と運\n営の手引きの作成\n\n医療\n\n圏域会議への参加\n\n"
    "福祉\n\n基幹相談支援センター\nによる助言\n\nその他\n関係機\n関・住\n民等\n\n社会福祉協議会の見守\nり活動との連携\n\n"
    "行政\n\n・引継ぎ計画\n\n\uf0b7\n\nの作成\n・市町の保健\n師向け研修\n\n医療\n福祉\nその他\n関係機\n関・住\n民等\n\n"
    "支援団体・NPO との情\n報共有の継続\n"
)


def test_the_actions_after_the_last_role_s_word_in_the_policy_s_box_go_one_to_each_role() -> None:
    rows = rewritten_rows(_COLUMNS_DOWN)
    assert rows[1][1:] == [
        "・入院早期から住所地の保健所・市町に連絡が届く仕組みを、圏域を越えて運用する"
        " ・病院と地域援助事業者の合同研修を圏域ごとに開催する",
        "行政",
        "・圏域を越えた連絡様式の作成と周知 ・保健所による入院先病院への訪問",
    ]
    assert [row[2:] for row in rows[2:5]] == [
        ["医療", "入院早期の退院支援委員会への地域援助事業者の参加"],
        ["福祉", "地域移行支援・地域定着支援の実施、退院前の体験宿泊の調整"],
        ["その他関係機関・住民等", "ピアサポーターによる病院訪問"],
    ]


def test_the_issues_and_policies_written_down_their_columns_go_to_their_groups() -> None:
    rows = rewritten_rows(_COLUMNS_DOWN)
    groups = [row[:2] for row in rows if len(row) > 2 and row[2] == "行政"]
    assert groups[1:] == [
        ["町村の協議の場を担う専門職が少ない", "圏域単位での共同設置と保健所による伴走支援"],
        ["震災後の心のケアの支援体制の縮小", "心のケアセンターの機能を保健所・市町の通常業務に引き継ぐ"],
    ]
    assert rows[8][2:] == ["その他関係機関・住民等", "社会福祉協議会の見守り活動との連携"]  # no issue of the third
