"""An annual schedule that pdfminer wrote a box at a time, its columns in streams of their own: each
month's item and details put back in its row."""

from __future__ import annotations

from conftest import FIXTURES, with_schedule
from nikosheet import parse_text_data
from nikosheet.parsing.forms import FormState, lookalikes, schedule_streams, signals

_OKAYAMA = (
    "時期(⽉)\n\n実施内容\n\nR6年4⽉\n\n事務局会議\n\nR6年5⽉\n\n第1回ワーキンググループ\n\n具体的な取組\n\n"
    "今年度の重点課題と会議の⽇程\nの確認\n\n連携パスの改訂案の検討\n\n６⽉\n\n"
    "区別地域ケア連絡会（第1回・4区）\n\n区の課題の共有と今年度の進め\n\n⽅の確認\n\n\x0cR6年7⽉\n\n"
    "第1回推進会議\n\nR6年8⽉〜\n\n未使⽤病院への訪問\n\n10⽉\n\nR6年9⽉\n\n第1回合同研修\n\n"
    "重点課題の決定、連携パスの改\n\n訂案の報告\n\n・5病院への訪問と運⽤⽅法の説\n\n"
    "明\n・病棟の看護師向けの説明会\n\n相談⽀援専⾨員と介護⽀援専⾨\n員による事例検討\n\n"
    "R6年10⽉ 区別地域ケア連絡会（第2回・4区）\n\nR6年11⽉ ピアサポーター養成研修\n\n"
    "養成研修（3⽇間）と修了者の登\n\nR7年1⽉\n\n第2回合同研修\n\nR7年2⽉\n\n区別地域ケア連絡会（第3回・4区）\n\n"
    "R7年3⽉\n\n第2回推進会議\n\n通年\n\n随時\n\nアウトリーチ⽀援\n\nワーキンググループ（2か⽉に1回）\n\n録\n\n"
    "65歳到達時の移⾏の⼿順の共有\n\n今年度の振り返りと推進会議へ\nの報告事項の整理\n\n"
    "今年度の評価と次年度の重点課\n題の協議\n\n医療中断者・未治療者への訪問\n\n"
    "連携パスの運⽤状況の確認、ピ\nアサポーターの派遣の調整\n"
)

_SAPPORO = (
    "時期(⽉)\n\nR5年4⽉\n\n５⽉\n\n実施する項⽬\n\n実施する内容\n\n区事務局連絡会（年度初め）\n\n"
    "今年度の重点課題と報告様式の確認\n\n第1回推進会議\n\n"
    "・今年度の重点課題の決定\n・令和4年度の区の会議の報告\n\nR5年6⽉\n\n地域移⾏⽀援事業所向け説明会\n\n"
    "R5年7⽉〜9⽉\n\n第1回区こころのネットワーク会議\n（10区）\n\nR5年9⽉\n\nピアサポーター養成研修\n\n"
    "新規参⼊を検討している事業所への制度説明と、経験のあ\nる事業所の実践報告\n\n"
    "各区で個別事例の検討と地域課題の抽出\n\n・養成研修（2⽇間）の実施\n・修了者の登録、病院訪問への同⾏\n\n"
    "R5年10⽉\n\n第2回推進会議\n\n区から上がった課題の検討、居住⽀援協議会との意⾒交換\n\nR5年11⽉\n\n"
    "冬期の退院⽀援の⼿引きの配布\n\n区、精神科病院、相談⽀援事業所への配布と説明\n\n"
    "R5年11⽉〜12⽉ 第2回区こころのネットワーク会議\n\n冬期の退院⽀援の事例検討\n\n（10区）\n\nR6年1⽉\n\n"
    "R6年2⽉\n\nR6年3⽉\n\n通年\n\nこころのサポーター養成講座\n\n企業・町内会向け講座の開催\n\n第3回推進会議\n\n"
    "1年間の取組の振り返りと令和6年度の重点課題の検討\n\n区事務局連絡会（年度末）\n\n"
    "区の取組の振り返り、報告様式の⾒直し\n\n訪問⽀援チームによる⽀援\n\n"
    "区保健福祉課からの依頼による医療中断者・未治療者への\n\n訪問\n"
)


def _text(sheet: str, block: str) -> str:
    return with_schedule(sheet, "pdfminer", block)


def _schedule(sheet: str, block: str) -> tuple[list[tuple[str, str, list[str]]], list[dict]]:
    """The schedule's rows read from `_text`, and its diagnostics."""
    doc = parse_text_data(_text(sheet, block))
    items = doc["annual_schedule"]["items"]
    return [(row["label"], row["item"], row["actions"]) for row in items], doc["diagnostics"]


def test_designated_okayama_s_rows_are_the_sheet_s():
    # the months with their items, a run of two months with theirs after it, the details in clumps rows late
    rows, _ = _schedule("core-asahikawa-fy2024", _OKAYAMA)
    assert rows == [
        ("R6年4月", "事務局会議", ["今年度の重点課題と会議の日程の確認"]),
        ("R6年5月", "第1回ワーキンググループ", ["連携パスの改訂案の検討"]),
        ("６月", "区別地域ケア連絡会（第1回・4区）", ["区の課題の共有と今年度の進め方の確認"]),
        ("R6年7月", "第1回推進会議", ["重点課題の決定、連携パスの改訂案の報告"]),
        ("R6年8月～10月", "未使用病院への訪問", ["5病院への訪問と運用方法の説明", "病棟の看護師向けの説明会"]),
        ("R6年9月", "第1回合同研修", ["相談支援専門員と介護支援専門員による事例検討"]),
        ("R6年10月", "区別地域ケア連絡会（第2回・4区）", []),
        ("R6年11月", "ピアサポーター養成研修", ["養成研修（3日間）と修了者の登録"]),
        ("R7年1月", "第2回合同研修", ["65歳到達時の移行の手順の共有"]),
        ("R7年2月", "区別地域ケア連絡会（第3回・4区）", ["今年度の振り返りと推進会議への報告事項の整理"]),
        ("R7年3月", "第2回推進会議", ["今年度の評価と次年度の重点課題の協議"]),
        ("通年", "アウトリーチ支援", ["医療中断者・未治療者への訪問"]),
        ("随時", "ワーキンググループ（2か月に1回）", ["連携パスの運用状況の確認、ピアサポーターの派遣の調整"]),
    ]


def test_designated_sapporo_s_rows_are_the_sheet_s():
    # runs of months whose items and details come after them in turn, an item's note after its details, a
    # detail's line cut on a particle (`…への` / `訪問`)
    rows, _ = _schedule("designated-sendai-fy2023", _SAPPORO)
    assert [label for label, _, _ in rows] == [
        "R5年4月", "５月", "R5年6月", "R5年7月～9月", "R5年9月", "R5年10月",
        "R5年11月", "R5年11月～12月", "R6年1月", "R6年2月", "R6年3月", "通年",
    ]  # fmt: skip
    assert rows[1] == ("５月", "第1回推進会議", ["今年度の重点課題の決定", "令和4年度の区の会議の報告"])
    assert rows[7] == ("R5年11月～12月", "第2回区こころのネットワーク会議（10区）", ["冬期の退院支援の事例検討"])
    assert rows[9] == ("R6年2月", "第3回推進会議", ["1年間の取組の振り返りと令和6年度の重点課題の検討"])
    assert rows[11] == (
        "通年",
        "訪問支援チームによる支援",
        ["区保健福祉課からの依頼による医療中断者・未治療者への訪問"],
    )


def test_details_written_together_rows_late_go_to_the_first_rows_without_any_and_say_so():
    # ward-toshima-fy2024: the details' column from its header on, two rows' details after the fourth row's item
    rows, notes = _schedule("ward-toshima-fy2024", _TOSHIMA)
    assert [(label, actions) for label, _, actions in rows] == [
        ("R6年5月", ["今年度のテーマ別の取組の確認"]),
        ("R6年6月", ["CSW・区民ひろば運営協議会との打合せ"]),
        ("R6年7月", []),
        ("R6年8月", []),
        ("R6年9月", ["リーフレット案の協議"]),
        ("R6年11月", ["こころのカフェの中間振り返り"]),
        ("R7年1月", ["区民ひろば、区役所窓口、日本語学校等での配布"]),
        ("R7年2月", []),
        ("R7年3月", ["今年度の評価と次年度計画の協議"]),
    ]
    assert any(note["code"] == "shifted-cell" and "cannot be told" in note["message"] for note in notes)


def test_details_written_together_after_the_last_item_keep_their_order_and_the_guess_is_said(converted):
    # core-asahikawa-fy2024: R6年12月 leaves its details empty; R7年2月's and R7年3月's come after the last item,
    # where three rows lack details: which two rows, the text does not tell
    doc = converted(FIXTURES / "converters" / "core-asahikawa-fy2024--pdfminer.txt")
    details = [action for row in doc["annual_schedule"]["items"][-3:] for action in row["actions"]]
    assert details == ["取組の評価と次年度計画の協議", "冬期生活支援の振り返り"]
    assert any(d["code"] == "shifted-cell" and "cannot be told" in d["message"] for d in doc["diagnostics"])


_TOSHIMA = (FIXTURES / "converters" / "ward-toshima-fy2024--pdfminer.txt").read_text(encoding="utf-8").split("時期(")[1]
_TOSHIMA = "時期(" + _TOSHIMA


def _streamed(text: str) -> list[str | None]:
    """The lines once the look-alike kanji are made plain and the schedule read by its streams."""
    state = FormState(text.split("\n"), text)
    lookalikes.apply(state)
    schedule_streams.apply(state)
    return state.lines


def test_the_table_is_written_once_its_rows_are_read():
    lines = _streamed(_text("core-asahikawa-fy2024", _OKAYAMA))
    assert "時期(月)\t実施内容\t具体的な取組" in lines
    assert "R6年8月～10月\t未使用病院への訪問\t・5病院への訪問と運用方法の説明 ・病棟の看護師向けの説明会" in lines


def test_more_details_than_rows_leave_the_table_to_the_other_readers():
    # two months' boxes gone: thirteen details for eleven rows, which rows they are not told
    block = _OKAYAMA.replace("R7年1⽉\n\n", "").replace("R7年2⽉\n\n", "")
    assert block.count("\n\n") == _OKAYAMA.count("\n\n") - 2
    lines = _streamed(_text("core-asahikawa-fy2024", block))
    assert "時期(月)" in lines and not any(line and line.startswith("時期(月)\t") for line in lines)


def test_pdftotext_s_and_a_libreoffice_pdf_s_texts_are_never_so_read():
    converters = FIXTURES / "converters"
    read = {path.name.split("--")[1] for path in converters.glob("*fy2024--*.txt")
            if signals.schedule_streams(path.read_text(encoding="utf-8"))}  # fmt: skip
    assert "pdfminer.txt" in read
    assert not read & {"pdftotext.txt", "pdftotext-layout.txt", "lopdf-pdftotext.txt", "lopdf-pdfminer.txt"}


def test_a_header_repeated_after_a_page_break_is_passed_over():
    # the template's header cells written again among the rows: no detail of theirs, no row lost
    block = _TOSHIMA.replace("R6年9⽉", "\f時期(⽉)\n\n実施内容\n\n具体的な取組\n\nR6年9⽉", 1)
    assert block != _TOSHIMA
    rows, _ = _schedule("ward-toshima-fy2024", block)
    assert [label for label, _, _ in rows] == [
        "R6年5月", "R6年6月", "R6年7月", "R6年8月", "R6年9月", "R6年11月", "R7年1月", "R7年2月", "R7年3月",
    ]  # fmt: skip
    assert not any("時期" in text for _, _, actions in rows for text in actions)


def test_a_ranges_mark_and_end_in_a_box_of_its_own_is_its_month():
    block = _OKAYAMA.replace("R6年9⽉\n\n第1回合同研修\n\n", "R6年9⽉\n\n～11⽉\n\n第1回合同研修\n\n", 1)
    assert block != _OKAYAMA
    rows, _ = _schedule("core-asahikawa-fy2024", block)
    assert rows[5] == ("R6年9月～11月", "第1回合同研修", ["相談支援専門員と介護支援専門員による事例検討"])


def test_a_run_of_months_followed_by_more_boxes_than_items_and_details_is_read_with_a_warning():
    # pref-fy2024 with R6年10月's details left empty: after the run of five months, eleven boxes (a detail's
    # wrapped rest in a box of its own): which are the items, the text does not tell
    text = (FIXTURES / "converters" / "pref-fy2024--pdfminer.txt").read_text(encoding="utf-8")
    text = text.replace("養成研修の実施、修了者の登録\n\n", "", 1)
    doc = parse_text_data(text)
    said = [d for d in doc["diagnostics"] if d["code"] == "shifted-cell" and "run of months" in d["message"]]
    assert len(said) == 1 and said[0]["severity"] == "warning"


def test_a_note_or_the_closing_word_after_the_schedule_is_no_detail():
    for after in ("以上", "（注）記載の時期は予定です。"):
        rows, _ = _schedule("ward-toshima-fy2024", _TOSHIMA.rstrip("\f\n") + f"\n\n{after}\n")
        assert rows[-1] == ("R7年3月", "第2回豊島区精神保健福祉連絡会", ["今年度の評価と次年度計画の協議"]), after
        assert rows[-2][2] == [], after


# designated-fukuoka-fy2023's (a sheet measured apart): items and their details run together on one line at
# their height (`区担当者会議（第1回） 地域課題シートの…`), and a run of months whose boxes hold both
_FUKUOKA = (
    "時期(⽉)\n\n"
    "R5年4⽉\n\n"
    "R5年6⽉〜7⽉\n\n"
    "R5年7⽉\n\n"
    "R5年8⽉\n\n"
    "実施する項⽬\n\n"
    "実施する内容\n\n"
    "区担当者会議（第1回） 地域課題シートの様式の統⼀、年間計画の共有\n\n"
    "区精神保健福祉連絡会議\n（前期）\n\n"
    "7区で事例検討を⾏い、地域課題シートを作成する。未作成の2区に\nは精神保健福祉センターの職員が同席して作成を⽀援する。\n\n"
    "区担当者会議（第2回）\n\n"
    "第1回市協議の場の開催 区の地域課題の報告と優先順位の検討\n\n"
    "\x0cR5年9⽉〜11⽉\n\n"
    "ピアサポーター養成研修 全5回\n\n"
    "R5年10⽉\n\n"
    "R5年11⽉\n\n"
    "区担当者会議（第3回）\n\n"
    "⽀援者向け研修会\n\n"
    "R5年12⽉〜R6年\n1⽉\n\n"
    "区精神保健福祉連絡会議\n（後期）\n\n"
    "措置⼊院者等の退院後⽀援をテーマに、区の保健師と相談⽀援専⾨\n員を対象として実施する\n\n"
    "R6年1⽉\n\n"
    "R6年2⽉\n\n"
    "R6年3⽉\n\n"
    "区担当者会議（第4回） 後期の区会議の結果の集約\n\n"
    "第2回市協議の場の開催 今年度の評価、次年度の重点課題の決定\n\n"
    "次年度計画の策定\n\n"
    "\x0c"
)


def test_an_item_and_its_details_run_together_on_a_line_are_two_cells():
    rows, _ = _schedule("kawaguchi-r5", _FUKUOKA)
    assert rows[:5] == [
        ("R5年4月", "区担当者会議（第1回）", ["地域課題シートの様式の統一、年間計画の共有"]),
        (
            "R5年6月～7月",
            "区精神保健福祉連絡会議（前期）",
            [
                "7区で事例検討を行い、地域課題シートを作成する。未作成の2区には精神保健福祉センターの職員が同席して"
                "作成を支援する。"
            ],
        ),
        ("R5年7月", "区担当者会議（第2回）", []),
        ("R5年8月", "第1回市協議の場の開催", ["区の地域課題の報告と優先順位の検討"]),
        ("R5年9月～11月", "ピアサポーター養成研修", ["全5回"]),
    ]
    assert rows[8:] == [
        ("R6年1月", "区担当者会議（第4回）", ["後期の区会議の結果の集約"]),
        ("R6年2月", "第2回市協議の場の開催", ["今年度の評価、次年度の重点課題の決定"]),
        ("R6年3月", "次年度計画の策定", []),
    ]


def test_an_items_own_space_is_no_cut_where_no_wrapped_item_tells_the_column():
    box = [(0, "居住支援協議会 住まい部会", False)]
    assert schedule_streams._item_and_details(box, None) is None
    assert schedule_streams._item_and_details(box, 30) is None
    assert schedule_streams._item_and_details(box, 16) == ("居住支援協議会", "住まい部会")


def test_a_details_own_space_is_no_item_and_details_run_together():
    """A detail that holds a space (`区から上がった課題の検討 居住支援協議会との意見交換、…`), in no item's place,
    stays one detail: only a line where an item stands is cut (it had been cut in two, the cells had outnumbered
    the rows, and the schedule had been left as text)."""
    block = _SAPPORO.replace(
        "区から上がった課題の検討、居住⽀援協議会との意⾒交換",
        "区から上がった課題の検討 居住⽀援協議会との意⾒交換、情報共有",
    )
    rows, _ = _schedule("designated-sendai-fy2023", block)
    plain, _ = _schedule("designated-sendai-fy2023", _SAPPORO)
    assert len(rows) == len(plain) == 12
    changed = [k for k, (row, was) in enumerate(zip(rows, plain, strict=True)) if row != was]
    assert [rows[k] for k in changed] == [
        ("R5年10月", "第2回推進会議", ["区から上がった課題の検討 居住支援協議会との意見交換、情報共有"])
    ]


def test_an_item_and_its_details_on_a_line_count_as_two_cells_in_a_run_read_in_turn():
    """A run of two months whose boxes are an item, its details, then the second item and its details on one line:
    read in turn, the line two cells (the first row's details had been read as the second item)."""
    block = _SAPPORO.replace(
        "第1回推進会議\n\n・今年度の重点課題の決定\n・令和4年度の区の会議の報告\n\n",
        "第1回推進会議 今年度の重点課題の決定、令和4年度の区の会議の報告\n\n",
    )
    rows, diagnostics = _schedule("designated-sendai-fy2023", block)
    assert rows[:2] == [
        ("R5年4月", "区事務局連絡会（年度初め）", ["今年度の重点課題と報告様式の確認"]),
        ("５月", "第1回推進会議", ["今年度の重点課題の決定、令和4年度の区の会議の報告"]),
    ]
    codes = [d["code"] for d in diagnostics]
    assert codes == [d["code"] for d in _schedule("designated-sendai-fy2023", _SAPPORO)[1]]
