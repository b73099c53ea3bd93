"""Section 4's indicators table as pdfplumber writes a LibreOffice PDF's: its header's cells centred round
its middle line, a row's cells centred round its name's lines, the rows found by their numbers."""

from __future__ import annotations

from conftest import FIXTURES, apply_form, form_state
from nikosheet import parse_file_data
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import centred_rows, lookalikes
from nikosheet.parsing.forms.centred_headers import header_at
from nikosheet.parsing.forms.template_tables import non_blank

# a prefecture's table (pdfplumber of its LibreOffice PDF): ②'s effects, a numbered list whose first
# item LibreOffice centred above the row's name, start with `①` on a line of their own
_LISTED_EFFECTS = (
    "課題解決の達成\n"
    "目標値 (昨年度当初) 実績値 (昨年度末) 具体的な成果・効果\n"
    "度を測る指標\n"
    "地域移行コーディネーターが退院意向調査で「退院した\n"
    "①地域移行支援\n"
    "80人 71人 い」と答えた人を中心に面談し、71人が地域移行支援\n"
    "の利用者数\n"
    "を利用した。うち38人が退院した。\n"
    "① アドバイザー派遣を受けた5町村で協議の場が設置\n"
    "②市町村の協議\n"
    "35市町村 31市町村 された。 ② 近隣町村による合同開催が3地区で始まっ\n"
    "の場の設置数\n"
    "た。\n"
    "③オンライン退\n"
    "本土の病院と島の保健所・役場が退院前に情報を共有\n"
    "院支援会議の開 30件 34件\n"
    "し、退院後の訪問の開始が早まった。\n"
    "催件数\n"
    "\uf0b7 ・病院 40回 \uf0b7 ・病院 33回\n"
    "④ピアサポータ \uf0b7 ・市町村の研 \uf0b7 ・市町村の研 病院での体験発表を聞いた入院者から退院の相談が寄せ\n"
    "ーの派遣回数 修等 10回 修等 14回 られた。\n"
    "⑤市町村職員研\n"
    "100人 ※令和6年3月に実施、集計中\n"
    "修の受講者数"
)

# a designated city's table: the first header cell on one line, 目標値 over three lines and 実績値 over
# two, their lines taking turns above and below it (a header of five lines); the history's
# text before it shows the page's width
_TALL_HEADER = (
    "さらに、令和4年度には精神保健福祉センター（こころの絆創膏センター）を中心に、長期入院者の実態調査を行い、1\n"
    "年以上入院している市民のうち約4割が「条件が整えば退院できる」と病院から評価されていることが分かった。この\n"
    "結果を協議の場で共有し、住まいの確保、日中活動の場、家族の支援の三つを重点として取組を進めている。\n"
    "4 精神障害にも対応した地域包括ケアシステム構築に資する取組の成果・効果\n"
    "＜令和4年度までの成果・効果＞\n"
    "目標値\n"
    "実績値 (R4\n"
    "課題解決の達成度を測る指標 (R4年度 具体的な成果・効果\n"
    "年度末)\n"
    "当初)\n"
    "①精神科病院に1年以上入院してい\n"
    "地域移行推進員が市内19病院を訪問し、退院意向のある人\n"
    "る市民のうち、退院意向調査で「退\n"
    "50人 38人 と面談した。住まいの確保に時間がかかり、目標に届かな\n"
    "院したい」と答えた人の地域移行支\n"
    "かった。\n"
    "援の利用者数\n"
    "\uf0b7 ・個別事例の検討から、区ごとの社会資源の不足を\n"
    "全16区 14区で年2 整理した。\n"
    "②区の協議の場の開催 で年2 回以上、2 \uf0b7 ・2区は事務局の保健師の異動が重なり、開催が1\n"
    "回以上 区で年1回 回にとどまった。\n"
    "通訳を介し\n"
    "③多言語こころの相談 た相談 42 ※令和4年度から開始したため目標値は設定していない\n"
    "件\n"
    "④ピアサポーター 10人 12人 養成研修の修了者\n"
    "1年以上入院している市民の約4割が、条件が整えば退院\n"
    "調査の実施\n"
    "調査の実 できると評価されていることが分かった。結果を市の協議\n"
    "⑤長期入院者の実態調査 （回答率\n"
    "施 の場で共有し、重点の三つ（住まい、日中活動、家族支\n"
    "92.3%）\n"
    "援）を定めた。\n"
    "⑥家族教室 年6回 年6回\n"
    "⑦精神障害者の入居を受け入れる不 17社（※\n"
    "登録した事業者からは、入居後の相談先が分かれば受け入\n"
    "動産事業者の登録数（あんしん賃貸 30社 令和5年3\n"
    "れやすいとの意見があった。\n"
    "支援事業） 月末時点）\n"
    "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
    "【特徴(強み)】\n"
    "1.各区に保健福祉センターと基幹相談支援センターがあり、区単位で保健・福祉の相談体制が整っている。\n"
    "2.アウトリーチ支援事業により、未治療・治療中断の人に多職種で関わる仕組みがある。\n"
    "3.こころの健康センターが市の機関として、人材育成と技術支援を一体的に行っている。\n"
    "4.LINE相談など、若い世代が利用しやすい相談手段を持っている。"
)


# the councils' header further down the text: the sign of a LibreOffice PDF's printed lines
_COUNCILS = "\n\n開催\n名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)\n頻度"


def _rows(text: str) -> list[list[str]]:
    folded = "\n".join(line or "" for line in apply_form(lookalikes, text + _COUNCILS))  # Word's bullets
    out = apply_form(centred_rows, folded)
    return [line.split("\t") for line in out if line and "\t" in line and not line.startswith("名称")]


def test_a_list_item_numbered_like_a_row_is_the_effects_not_a_row():
    rows = _rows(_LISTED_EFFECTS)
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(昨年度当初)", "実績値(昨年度末)", "具体的な成果・効果"]
    assert [row[0] for row in rows[1:]] == [
        "①地域移行支援の利用者数",
        "②市町村の協議の場の設置数",
        "③オンライン退院支援会議の開催件数",
        "④ピアサポーターの派遣回数",
        "⑤市町村職員研修の受講者数",
    ]
    assert rows[2][1:3] == ["35市町村", "31市町村"]
    assert rows[2][3].startswith("① アドバイザー派遣を受けた5町村で協議の場が設置された。 ② 近隣町村")
    assert rows[3][1:] == [
        "30件",
        "34件",
        "本土の病院と島の保健所・役場が退院前に情報を共有し、退院後の訪問の開始が早まった。",
    ]


def test_a_header_whose_cells_of_three_and_two_lines_take_turns_is_found():
    rows = _rows(_TALL_HEADER)
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"]
    assert rows[1][:3] == [
        "①精神科病院に1年以上入院している市民のうち、退院意向調査で「退院したい」と答えた人の地域移行支援の利用者数",
        "50人",
        "38人",
    ]
    assert [row[0].split(" ")[-1][0] for row in rows[1:]] == list("①②③④⑤⑥⑦")  # (②: its target's first line run in)
    assert rows[4] == ["④ピアサポーター", "10人", "12人", "養成研修の修了者"]
    assert rows[6] == ["⑥家族教室", "年6回", "年6回", ""]
    assert rows[7] == [
        "⑦精神障害者の入居を受け入れる不動産事業者の登録数（あんしん賃貸支援事業）",
        "30社",
        "17社（※令和5年3月末時点）",
        "登録した事業者からは、入居後の相談先が分かれば受け入れやすいとの意見があった。",
    ]


# two cities' tables (pdfplumber of their LibreOffice PDFs): a value's words and its count wrapped
# apart (`地域移行支援利` / `用者 6人`, `支援計画の作成` / `率 75%`), a line's pieces a space apart
_WRAPPED_VALUES = (
    "課題解決の達成度 目標値 (R4年度 実績値 (R4年度\n"
    "具体的な成果・効果\n"
    "を測る指標 当初) 末)\n"
    "①長期入院者の地 地域移行支援利 地域移行支援利 退院意向調査で退院を希望した方のうち4人が地域移行支援につ\n"
    "域移行 用者 6人 用者 4人 ながり、うち3人がグループホームへ退院した。\n"
    "②ピアサポーター 養成研修修了者 養成研修修了者 修了者のうち6人が病院訪問に同行し、入院者の退院への不安の\n"
    "の養成 10人 13人 軽減につながった。\n"
    "見守り訪問 40 見守り訪問 31 訪問により、暖房が使えない、通院が途絶えているなど、冬期に\n"
    "③冬期の見守り\n"
    "世帯 世帯 特有の課題を早期に把握できた。\n"
)
_WRAPPED_RATE = (
    "課題解決の達成度を測 目標値 (昨年度当 実績値 (昨年度\n"
    "具体的な成果・効果\n"
    "る指標 初) 末)\n"
    "①長期入院者の退院支 訪問した病院で退院支援の対象者を共有し、35人が地域移\n"
    "病院訪問 15病院 病院訪問 14病院\n"
    "援 行支援の利用を検討した。\n"
    "②措置入院者の退院後 支援計画の作成 支援計画の作成 退院後に区の保健師が継続して関わり、再入院が減少し\n"
    "支援 率 75% 率 82% た。\n"
)


def test_a_values_count_wrapped_to_its_next_line_stays_with_it():
    rows = _rows(_WRAPPED_VALUES)
    assert [row[1:3] for row in rows[1:]] == [
        ["地域移行支援利用者 6人", "地域移行支援利用者 4人"],
        ["養成研修修了者 10人", "養成研修修了者 13人"],
        ["見守り訪問 40世帯", "見守り訪問 31世帯"],
    ]
    assert (
        rows[1][3]
        == "退院意向調査で退院を希望した方のうち4人が地域移行支援につながり、うち3人がグループホームへ退院した。"
    )
    assert _rows(_WRAPPED_RATE)[2] == [
        "②措置入院者の退院後支援",
        "支援計画の作成率 75%",
        "支援計画の作成率 82%",
        "退院後に区の保健師が継続して関わり、再入院が減少した。",
    ]


# a prefecture's table (pdfplumber of its LibreOffice PDF): ②'s cells are lists, which LibreOffice centres
# with their last item's spacing below them, so the name stands half a line below their middle (`②長期入院者`
# / `の地域移行`), and its two values, lists of 6 and 7 lines, stand apart: never on one printed line
_BESIDE_LISTS = (
    "課題解決の達\n"
    "成度を測る指 目標値 (昨年度当初) 実績値 (昨年度末) 具体的な成果・効果\n"
    "標\n"
    "保健所が未設置市町村を個別に訪問し、自立支援協議会\n"
    "①市町村協議 の既存部会を活用する方法や近隣町村との共同設置を提\n"
    "設置市町村数 30市 設置市町村数 27市町村\n"
    "の場の設置促 案したことで、小規模町村でも設置が進んだ。一方、13\n"
    "町村 （前年度比+5）\n"
    "進 市町村は未設置であり、人員体制の脆弱さが共通の課題\n"
    "として挙げられた。\n"
    "\uf0b7 ・実態調査の実 \uf0b7 ・1年以上入院者のうち、退院可能性が「条件が\n"
    "\uf0b7 ・実態調査\n"
    "施（23病院中 整えば退院可能」とされた方が約2割いることが\n"
    "の実施（全\n"
    "23病院回答、回 圏域別に示され、圏域協議の場での具体的な検討\n"
    "23病院）\n"
    "②長期入院者 収率100%） 材料となった。\n"
    "\uf0b7 ・地域移行\n"
    "の地域移行 \uf0b7 ・地域移行支援 \uf0b7 ・地域移行支援の利用は前年度より増えたが、目\n"
    "支援の利用\n"
    "の利用者数 33 標には届かなかった。相談支援専門員が病院に出\n"
    "者数 40人\n"
    "人 向く機会の確保が課題である。\n"
    "③ピアサポー\n"
    "①養成研修修了者 ①養成研修修了者 18名 ①病院内での体験発表や退院意欲喚起の面会に延べ41\n"
    "ターの養成と\n"
    "15名 ②活動圏域 6 （累計74名） ②活動圏 回参加した。②上十三、下北圏域では移動距離が長く、\n"
    "活動の場の拡\n"
    "圏域 域 4圏域 活動の場が十分に確保できていない。\n"
    "大\n"
    "④精神科救急 県南地域の輪番体制に空白日が生じた。圏域協議の場で\n"
    "輪番病院の空白日 0\n"
    "医療体制の充 輪番病院の空白日 11日 当番病院の負担軽減策を協議し、精神科救急情報センタ\n"
    "日\n"
    "実 ーの相談員を1名増員した。"
)


def test_a_name_beside_lists_stands_half_a_line_below_their_middle():
    rows = _rows(_BESIDE_LISTS)
    assert rows[2][0] == "②長期入院者の地域移行"
    assert rows[2][3] == (
        "・1年以上入院者のうち、退院可能性が「条件が整えば退院可能」とされた方が約2割いることが圏域別に示され、"
        "圏域協議の場での具体的な検討材料となった。 ・地域移行支援の利用は前年度より増えたが、目標には届かなかった。"
        "相談支援専門員が病院に出向く機会の確保が課題である。"
    )


def test_values_that_stand_apart_are_warned_the_longer_read_as_the_actual():
    rows = _rows(_BESIDE_LISTS)
    assert rows[2][1:3] == [
        "・実態調査の実施（全23病院） ・地域移行支援の利用者数 40人",
        "・実態調査の実施（23病院中23病院回答、回収率100%） ・地域移行支援の利用者数 33人",
    ]
    folded = "\n".join(line or "" for line in apply_form(lookalikes, _BESIDE_LISTS + _COUNCILS))
    notes = form_state(centred_rows, folded).notes
    warned = [(line, message) for code, line, message in notes if code is Diagnostic.SHIFTED_CELL]
    assert [line for line, _ in warned] == [
        next(k for k, text in enumerate(folded.split("\n"), 1) if text.startswith("・ ・実態調査の実 ・ ・1年以上"))
    ]  # (③'s values, level on one line, are not warned of)
    assert "'②長期入院者の地域移行'" in warned[0][1]
    assert "目標値" in warned[0][1] and "the longer was read as the 実績値" in warned[0][1]


# a core city's planned indicators (pdfplumber of its LibreOffice PDF, section 5), its strengths above
# showing the page's width: ④'s name wraps (`…受講者` / `数`), its values and effects of one line stand
# half a line above the name's middle, merged with its first line (the number on the row's first line);
# ⑤'s effects wrap round its name of one line
_NAME_WRAPS_BELOW = (
    "\uf0b7 市が保健所を設置しているため、精神保健福祉相談から訪問支援、措置入院者の退院後支援までを一貫して担う\n"
    "ことができる。\n"
    "\uf0b7 市内に精神科病院が多く、病院の精神保健福祉士と地域の支援者が日頃から連絡を取り合える距離にある\n"
    "目標値 (令和5年度\n"
    "課題解決の達成度を測る指標 現状値 (今年度当初) 見込んでいる成果・効果\n"
    "末)\n"
    "①地域移行支援の利用者数 3人 6人 長期入院者の退院の促進\n"
    "②退院支援連絡会の開催回数 年3回 年4回 病院と地域の支援者の連携強化\n"
    "③病院内での地域移行支援説明会 0回 2回 入院者、病院職員が制度を知る\n"
    "④メンタルヘルス出前講座の受講者 延べ412人 延べ500人 地域住民の理解促進、早期相談\n"
    "数\n"
    "当事者の視点を取り入れた支援の開\n"
    "⑤ピアサポーターの登録者数 0人 3人\n"
    "始"
)


# a core city's table (pdfplumber of its LibreOffice PDF): ①'s number on its first line, beside its values' lists
# and its effects of five lines, its name's other lines a line apart (`地域の連`, `携`)
_LISTS_BESIDE_NUMBERED_NAME = (
    "課題解決\n"
    "の達成度\n"
    "目標値 (昨年度当初) 実績値 (昨年度末) 具体的な成果・効果\n"
    "を測る指\n"
    "標\n"
    "①医療と ①市内精神科病院への訪問（4 ①市内精神科病院への訪問（4 ①病院の精神保健福祉士と実務者会議の委\n"
    "員が直接意見交換を行い、退院支援の流れ\n"
    "地域の連 病院） ②退院前カンファレンス 病院・延べ8回） ②退院前カ を共有できた。②参加件数は目標に届かな\n"
    "携 への地域支援者の参加 15件 ンファレンスへの参加 11件 かったが、参加した事例では退院後の初回\n"
    "訪問が円滑に行えた。\n"
    "不動産事業者向けの説明会を行い、精神障\n"
    "②住まい 住まい支援ワーキングの設置と ワーキング 4回開催、居住支援\n"
    "害のある方の入居に協力する事業者が2社\n"
    "の確保 居住支援法人との協働 法人による入居支援 3件\n"
    "増えた。\n"
    "\uf0b7 ・出張相談 11回（相\n"
    "③東部地 \uf0b7 ・出張相談 月1回\n"
    "談 延べ21件） 出張相談をきっかけに、未治療の方が受診\n"
    "域での支 \uf0b7 ・支援者連絡会 年2回\n"
    "\uf0b7 ・支援者連絡会 2回 につながった事例が2件あった。\n"
    "援\n"
    "④普及啓 市民向け講座 年2回（参加者\n"
    "市民向け講座 年2回\n"
    "発 延べ88名）\n"
    "5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n"
    "【特徴(強み)】\n"
    "\uf0b7 ・市が保健所を設置しており、保健予防課の精神保健福祉相談員・保健師と障害福祉課が同じ庁舎内で日常的に\n"
    "情報共有できる。\n"
    " ・基幹相談支援センターが実務者会議の運営に加わり、官民協働で取組を進めている。"
)

# a prefecture's planned indicators: ④'s one-line values beside its effects' two lines (`…流れが定着` / `する`),
# ③'s effects round its name of one line
_SENTENCE_BELOW_VALUES = (
    "ふくしま心のケアセンター及び各方部センターが震災後から継続して訪問支援を行っており、保健・医療・福祉の関係\n"
    "者の間に、アウトリーチのノウハウと顔の見える関係が蓄積されている。また、全7圏域で保健福祉事務所が協議の場\n"
    "現状値 (今年度当 目標値 (今年度\n"
    "課題解決の達成度を測る指標 見込んでいる成果・効果\n"
    "初) 末)\n"
    "②1年以上の長期入院者数 3,236人 3,100人 退院意向のある方の地域移行が進む\n"
    "入院中の方の退院意欲の喚起と病院職員の意\n"
    "③ピアサポーターの病院派遣 延べ9回 延べ20回\n"
    "識の変化\n"
    "④圏域の協議の場における事例検討 4圏域 全7圏域 個別事例から地域課題を抽出する流れが定着\n"
    "の実施 する"
)


def test_a_row_numbered_on_its_first_line_may_have_its_one_line_cells_half_a_line_up():
    rows = _rows(_NAME_WRAPS_BELOW)
    assert rows[4:] == [
        ["④メンタルヘルス出前講座の受講者数", "延べ412人", "延べ500人", "地域住民の理解促進、早期相談"],
        ["⑤ピアサポーターの登録者数", "0人", "3人", "当事者の視点を取り入れた支援の開始"],
    ]


def test_a_row_numbered_on_its_first_line_beside_lists_is_one_row():
    rows = _rows(_LISTS_BESIDE_NUMBERED_NAME)
    assert rows[1] == [
        "①医療と地域の連携",
        "①市内精神科病院への訪問（4病院） ②退院前カンファレンスへの地域支援者の参加 15件",
        "①市内精神科病院への訪問（4病院・延べ8回） ②退院前カンファレンスへの参加 11件",
        "①病院の精神保健福祉士と実務者会議の委員が直接意見交換を行い、退院支援の流れを共有できた。"
        "②参加件数は目標に届かなかったが、参加した事例では退院後の初回訪問が円滑に行えた。",
    ]
    assert rows[2][0] == "②住まいの確保"


def test_a_sentence_s_last_word_below_one_line_values_is_the_effects():
    rows = _rows(_SENTENCE_BELOW_VALUES)
    assert rows[2:] == [
        ["③ピアサポーターの病院派遣", "延べ9回", "延べ20回", "入院中の方の退院意欲の喚起と病院職員の意識の変化"],
        ["④圏域の協議の場における事例検討の実施", "4圏域", "全7圏域", "個別事例から地域課題を抽出する流れが定着する"],
    ]


def test_markitdown_s_row_numbered_on_its_first_line_keeps_its_cells():
    # city-shizuoka-fy2023 (markitdown of its LibreOffice PDF): ①'s name and target wrap beside a list of
    # effects whose second item stands on lines of its own; ②'s effects wrap round its name
    data = parse_file_data(FIXTURES / "converters" / "city-shizuoka-fy2023--lopdf-markitdown.txt")
    first, second = data["outcomes"]["indicators"][:2]
    assert first["name"] == "区の地域支援者連絡会の開催"
    assert (first["target"], first["actual"]) == (["各区2回（計6回）"], ["計5回"])
    assert first["effects"] == [
        "葵区・駿河区は予定どおり開催し、事例検討を通じて相談支援事業所と地域包括支援センターの顔の見える関係ができた。",
        "清水区は1回の開催にとどまったが、精神科病院の精神保健福祉士が初めて参加した。",
    ]
    assert (second["target"], second["actual"]) == (["12回"], ["9回"])
    assert second["effects"] == [
        "新型コロナウイルス感染症による面会制限のため、オンライン面会を含めて9回の実施となった。"
        "訪問を受けた方のうち2人が地域移行支援の利用につながった。"
    ]


# a prefecture's table (pdfplumber of its LibreOffice PDF) whose header a page break cut: LibreOffice writes
# a row it splits from the top of each page's part, so every header cell stands on its first line and the
# first cell's rest, alone, on the next two
_HEADER_CUT = (
    "＜令和4年度までの成果・効果＞\n"
    "課題解決の達 目標値 (R4年度当初) 実績値 (R4年度末) 具体的な成果・効果\n"
    "成度を測る指\n"
    "標\n"
    "\uf0b7 ・推進員の病院訪問により、病院の精神保健\n"
    "福祉士から地域移行の相談が寄せられるよう\n"
    "①長期入院者 地域移行支援の利用 地域移行支援の利用 24 になった。\n"
    "の地域移行 30件 件(うち退院15件) \uf0b7 ・紀南ブロックでは退院先となるグループホ\n"
    "ームが少なく、退院に至らない事例がある。\n"
    "\uf0b7 ・6圏域で年2\n"
    "回以上開催\n"
    "\uf0b7 ・全7圏域で \uf0b7 ・新宮圏域は年\n"
    "年2回以上 1回（書面開 圏域ごとに重点テーマ（地域移行、住まい、通院の確\n"
    "②圏域協議の\n"
    "\uf0b7 ・圏域間の合 催） 保等）が整理され、圏域の課題を県推進協議会に報告\n"
    "場の開催\n"
    "同研修 1回 \uf0b7 ・合同研修 1回 する流れができた。\n"
    "（参加者 96\n"
    "名）\n"
    "③精神科救急\n"
    "精神科救急情報セン 24時間運用を開始（相 夜間・休日の相談に対応できるようになり、受診の必\n"
    "医療体制の確\n"
    "ターの24時間運用 談件数 2,318件） 要がない相談を地域の支援につなぐ件数が増えた\n"
    "保\n"
    "④市町村協議 保健所が市町村の自立支援協議会に参加し、既存の部\n"
    "22市町村 18市町村\n"
    "の場の設置 会を活用した設置方法を助言した。"
)


def test_a_header_a_page_break_cut_is_found():
    rows = _rows(_HEADER_CUT)
    assert rows[0] == ["課題解決の達成度を測る指標", "目標値(R4年度当初)", "実績値(R4年度末)", "具体的な成果・効果"]
    assert rows[2][0] == "②圏域協議の場の開催"
    assert rows[-1] == [
        "④市町村協議の場の設置",
        "22市町村",
        "18市町村",
        "保健所が市町村の自立支援協議会に参加し、既存の部会を活用した設置方法を助言した。",
    ]


def test_values_apart_of_unlike_kinds_keep_the_order_read_and_are_warned():
    # core-asahikawa-fy2024 (pdfplumber of its LibreOffice PDF): ③'s values stand apart, and the longer is
    # the target (`モデル対象者 5人` against `4人`: no label of its own, so no length tells which is which)
    data = parse_file_data(FIXTURES / "converters" / "core-asahikawa-fy2024--lopdf-pdfplumber.txt")
    third = data["outcomes"]["indicators"][2]
    assert (third["target"], third["actual"]) == (["モデル対象者 5人"], ["4人"])
    warned = [d["message"] for d in data["diagnostics"] if d["code"] == "shifted-cell" and "③冬期" in d["message"]]
    assert len(warned) == 1 and "the order the columns' widths give" in warned[0]


def test_a_cut_header_takes_the_lines_below_as_its_first_cell_s_rest_only():
    cut = "x\n課題解決の達 目標値 (R4年度当初) 実績値 (R4年度末) 具体的な成果・効果\n成度を測る指\n標\n①a"
    found = header_at(non_blank(cut.split("\n")), 1)
    assert found is not None and found[2:4] == (0, 2)
    assert found[4][0] == ["課題解決の達", "成度を測る指", "標"]
    # the last cell's two lines below the others' are no page break's cut: that cell would start on the first line
    wrapped = "x\n課題解決の達成度を測る指標 目標値 (R4年度当初) 実績値 (R4年度末)\n具体的な成\n果・効果\n①a"
    assert header_at(non_blank(wrapped.split("\n")), 1) is None
