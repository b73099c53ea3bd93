"""The issues' and policies' boxes of section 5 that pdfminer writes among the roles', put back by width."""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, cell_lines_tables, issue_widths

# pdfminer of 豊島区's LibreOffice PDF: an issue's and its policy's first lines, then the first role's
# word, then the rest of the issue and of the policy, a box each, among the roles' boxes; the second
# issue's first lines come after the first group's last role
_PDFMINER = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取\n組)\n\n"
    "区外の精神科病院に入院している区民の状況が把握\nしにくく、退院に向けた支援が入院後期から始まる\n\n"
    "・入院中の区民について、病\n院との情報共有の方法を整理\n\n行政\n\n"
    "ことが多い。また、単身で身寄りのない方が多く、\n退院後の住まいと生活を支える体制が不足してい\nる。\n\n"
    "する\n・居住支援協議会と連携し、\n入居後の相談体制を明確にす\n\nる\n・地域移行支援の利用を促進\nする\n\n"
    "医療\n\n・病院訪問の継続\n・入居後の相談先\n\nを示したリーフレ\nットの作成\n\n"
    "入院早期からの区\nへの連絡、退院前\nカンファレンスの\n\n開催\n\n福祉\n\n地域移行支援・地\n\n域定着支援の実施\n\n"
    "その他関係機関・住民等\n\n不動産関係団体に\n\nよる物件情報の提\n供\n\n"
    "精神保健福祉の相談窓口が区民に知られておらず、\n受診や相談につながるまでに時間がかかる。外国籍\n\n"
    "こころのカフェを区民ひろば\nに広げ、CSWと保健所が連携\n\n行政\n\n住民への情報提供も十分でない。\n\n"
    "して早期に相談を受ける。多\n言語での情報発信を行う\n\n医療\n\n福祉\n\n"
    "多言語リーフレッ\nトの作成、こころ\n\nのカフェへの保健\n師の派遣\n\nCSWによる相談の\n\n受付とつなぎ\n\n"
    "その他関係機関・住民等\n\n区民ひろばの運営\n\n協議会による周知\n"
)


def _rows(text: str) -> list[list[str]]:
    lines = text.split("\n")
    state = FormState(list(lines), text)
    cell_lines_tables.apply(state)
    return [ln.split("\t") for ln in state.lines if ln]


def test_an_issues_and_its_policys_later_boxes_among_the_roles_go_back_to_their_cells() -> None:
    rows = _rows(_PDFMINER)
    first, second = (row for row in rows if row[2] == "行政")
    assert first[0] == (
        "区外の精神科病院に入院している区民の状況が把握しにくく、退院に向けた支援が入院後期から始まる"
        "ことが多い。また、単身で身寄りのない方が多く、退院後の住まいと生活を支える体制が不足している。"
    )
    assert "・地域移行支援の利用を促進する" in first[1]
    assert "整理する" in first[1]
    assert "多い" not in first[3] and "する" not in first[3]
    assert second[0] == (
        "精神保健福祉の相談窓口が区民に知られておらず、受診や相談につながるまでに時間がかかる。外国籍"
        "住民への情報提供も十分でない。"
    )
    assert second[1] == (
        "こころのカフェを区民ひろばに広げ、CSWと保健所が連携して早期に相談を受ける。多言語での情報発信を行う"
    )


def test_a_policy_as_wide_as_the_roles_actions_moves_nothing() -> None:
    # a policy's box as wide as a role's action could be either's: the lines stay as they are
    lines = [
        "区外の精神科病院に入院している区民の状況が把握",
        "・入院中の区民につ",
        "行政",
        "ことが多い。また、単身で身寄りのない方が多く、",
        "る。",
        "医療",
        "・病院訪問の継続",
        "・入居後の相談先",
        "福祉",
        "地域移行支援・地",
        "域定着支援の実施",
    ]
    pieces = [(k, text, True) for k, text in enumerate(lines)]
    pivots = [(2, 0), (5, 1), (8, 2)]
    assert issue_widths.by_width(pieces, pivots, 0, 3) == (pieces, pivots, set())
    wider = [(0, lines[0], True), (1, "・入院中の区民について、病", True), *pieces[2:]]
    moved, where, bare = issue_widths.by_width(wider, pivots, 0, 3)
    assert [text for _, text, _ in moved[:4]] == [lines[0], lines[3], lines[4], "・入院中の区民について、病"]
    assert where == [(4, 0), (5, 1), (8, 2)]
    assert not bare


def test_a_next_issue_among_the_group_above_goes_before_its_own_first_role() -> None:
    # pdfminer of 北九州市's LibreOffice PDF: the second issue's and policy's first boxes stand between
    # the first group's `医療` and `福祉` (row of print by row of print)
    boxes = [
        ["長期入院者が多く、特に65歳以上の高齢の長"],
        ["・介護分野の支援者を対象とした"],
        ["行政"],
        ["・介護分野向け研"],
        ["期入院者の退院先が見つからない。介護保険", "施設や高齢者向け住まいでの受入れに不安を", "持つ事業者も多い。"],
        ["研修を行い、精神障害への理解を", "深める", "・地域包括支援センターと相談支"],
        ["援事業所の連携会議を開催する"],
        ["医療"],
        ["修の企画・開催", "・連携会議の開催"],
        ["退院支援委員会へ", "の地域包括支援セ", "ンターの参加の呼"],
        ["びかけ"],
        ["医療につながっていない方や治療を中断した", "方への支援が、区によって対応に差がある"],
        ["精神保健福祉センターのアウトリ", "ーチ支援と区の支援の役割分担を", "整理し、区にも包括連絡会で事例"],
        ["検討を行う"],
        ["福祉"],
        ["地域移行支援の実", "施、介護サービス"],
        ["その他関係機関・住民等"],
        ["介護保険施設・サ", "ービス付き高齢者"],
        ["行政"],
        ["アウトリーチ支援", "の実施、区への技"],
    ]
    pieces: list[tuple[int, str, bool]] = []
    for box in boxes:
        pieces += [(len(pieces) + n, text, n == 0) for n, text in enumerate(box)]
    roles = {"行政": 0, "医療": 1, "福祉": 2, "その他関係機関・住民等": 3}
    pivots = [(k, roles[text]) for k, (_, text, _) in enumerate(pieces) if text in roles]
    moved, where, bare = issue_widths.by_width(pieces, pivots, 0, 3)
    texts = [text for _, text, _ in moved]
    assert texts[:9] == [
        "長期入院者が多く、特に65歳以上の高齢の長",
        "期入院者の退院先が見つからない。介護保険",
        "施設や高齢者向け住まいでの受入れに不安を",
        "持つ事業者も多い。",
        "・介護分野の支援者を対象とした",
        "研修を行い、精神障害への理解を",
        "深める",
        "・地域包括支援センターと相談支",
        "援事業所の連携会議を開催する",
    ]
    second = texts.index("医療につながっていない方や治療を中断した")
    assert texts[second - 1] == "ービス付き高齢者"
    assert texts[second + 2 : second + 7] == [
        "精神保健福祉センターのアウトリ",
        "ーチ支援と区の支援の役割分担を",
        "整理し、区にも包括連絡会で事例",
        "検討を行う",
        "行政",
    ]
    assert [text for _, text, _ in moved if text in roles] == ["行政", "医療", "福祉", "その他関係機関・住民等", "行政"]
    assert [texts[at] for at, _ in where] == ["行政", "医療", "福祉", "その他関係機関・住民等", "行政"]
    assert not bare


# pdfminer of a city's LibreOffice PDF: the issue's and the policy's later lines in bands after the first
# role's word, a box each in turn; the issue's short last line (`組みがない。`, as wide as an action's
# column) written before the policy's next box in their band, and the next group's issue's last
# character (`い`) right after its first role's word, before its policy's next box
_BANDS = (
    "課題\n\n課題解決に向けた取組方針\n\n課題・方針に対する役割(取\n\n組)\n\n"
    "精神科病院の長期入院者、とくに65歳以上の方の退\n\n・退院支援委員会への地域援\n\n行政\n\n"
    "院先が確保できず、地域移行が進んでいない。病院\nと地域の支援者が退院支援の早い段階から関わる仕\n\n"
    "助事業者の参加を促す\n・ピアサポート訪問を全精神\n\n組みがない。\n\n科病院に広げる\n・介護保険施設、サービス付\n"
    "き高齢者向け住宅など高齢の\n\n方の退院先との連携を検討す\nる\n\n医療\n\n福祉\n\nその他関係機関・住民等\n\n"
    "中山間地（オクシズ）に住む方への支援が届きにく\n\n区保健福祉センターとこころ\n\n行政\n\nい\n\n"
    "の健康センターの訪問支援の\n連携\n\n医療\n\n・病院訪問によ\n\nる事業説明\n・介護保険担当\n\n課との連携\n\n"
    "福祉\n\n相談支援事業所\n\nによる訪問\n\nその他関係機関・住民等\n\n民生委員・自治\n\n会による見守り\n"
)


def test_a_short_line_before_the_policy_s_next_box_in_its_band_is_the_issue_s() -> None:
    first, second = (row for row in _rows(_BANDS) if row[2] == "行政")
    assert first[0] == (
        "精神科病院の長期入院者、とくに65歳以上の方の退院先が確保できず、地域移行が進んでいない。"
        "病院と地域の支援者が退院支援の早い段階から関わる仕組みがない。"
    )
    assert first[1].startswith("・退院支援委員会への地域援助事業者の参加を促す ・ピアサポート訪問を全精神科病院")
    assert second[0] == "中山間地（オクシズ）に住む方への支援が届きにくい"
    assert second[1] == "区保健福祉センターとこころの健康センターの訪問支援の連携"


def test_the_first_role_s_action_written_after_the_next_role_s_word_goes_back() -> None:
    rows = _rows(_PDFMINER)
    first, second = (n for n, row in enumerate(rows) if row[2] == "行政")
    assert rows[first][3] == "・病院訪問の継続 ・入居後の相談先を示したリーフレットの作成"
    assert rows[first + 1][2:] == ["医療", "入院早期からの区への連絡、退院前カンファレンスの開催"]
    assert rows[second][3] == "多言語リーフレットの作成、こころのカフェへの保健師の派遣"
    assert rows[second + 1][2:] == ["医療", ""]


# pdfminer of 足立区's sheet: the issue's third box (a line wider than any action) after 行政's first action,
# which filled its column; the policy's boxes after it, as narrow as the policy's column; the later roles'
# actions before their words, which come in a run
_RUN_AFTER = (
    "課題\n\n課題解決に向け\n\n課題・方針に対する役割(取組)\n\nた取組方針\n\n"
    "未治療や医療中断のまま地域で孤立している人が多く、\n\n・訪問支援の手\n\n行政\n\n・保健センターによる訪問\n\n"
    "家族や近隣からの相談があっても本人の同意が得られ\nず、支援の開始までに長い時間がかかる。訪問を重ねて\n"
    "も受診や福祉サービスにつながらない事例では、保健セ\n\nンターの担当者が一人で抱え込むことが多い。\n\n"
    "順書に沿って、\n複数の機関でチ\nームを組んで訪\n\n問する\n・精神科医によ\nる事例検討とア\n\n"
    "ウトリーチの同\n行を行う\n\n支援\n・精神科医の事例検討会の\n開催\n\n精神科医・訪問看護による\n同行訪問\n\n"
    "相談支援専門員による同行\nと、つながった後の計画相\n\n談\n\n民生委員・町会による見守\n\nりと早期の相談\n\n"
    "医療\n\n福祉\n\nその他\n\n関係機\n関・住\n民等\n\n"
    "高齢の親と暮らす精神障害のある人の世帯で、親の介護\n\n地域包括支援セ\n\n行政\n\n合同事例検討会の開催\n\n"
    "や入院をきっかけに生活が立ち行かなくなる\n\nンターと保健セ\nンターの合同事\n例検討を行う\n\n"
    "医療\n\n福祉\n\n介護支援専門員と相談支援\n\n専門員の連携\n\nその他関係機関・住民等\n"
)


def test_a_line_wider_than_the_actions_after_a_filled_action_goes_on_the_issue() -> None:
    rows = _rows(_RUN_AFTER)
    first = next(row for row in rows if row[2] == "行政")
    assert first[0] == (
        "未治療や医療中断のまま地域で孤立している人が多く、家族や近隣からの相談があっても本人の同意が得られず、"
        "支援の開始までに長い時間がかかる。訪問を重ねても受診や福祉サービスにつながらない事例では、保健センターの"
        "担当者が一人で抱え込むことが多い。"
    )
    assert first[1] == (
        "・訪問支援の手順書に沿って、複数の機関でチームを組んで訪問する"
        " ・精神科医による事例検討とアウトリーチの同行を行う"
    )


def test_actions_written_before_their_roles_words_go_after_them_their_boxes_joined() -> None:
    # `…による訪問` (its column filled) `支援 ・…`, `…計画相` `談`, `…見守` `りと…`: seven boxes, four cells
    rows = _rows(_RUN_AFTER)
    cells = {row[2]: row[3] for row in rows[1:5]}
    assert cells == {
        "行政": "・保健センターによる訪問支援 ・精神科医の事例検討会の開催",
        "医療": "精神科医・訪問看護による同行訪問",
        "福祉": "相談支援専門員による同行と、つながった後の計画相談",
        "その他関係機関・住民等": "民生委員・町会による見守りと早期の相談",
    }
    assert rows[5][0].startswith("高齢の親と暮らす")
