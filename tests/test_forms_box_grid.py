"""Tables a PDF converter wrote block by block (pdfminer): read as the table cut into rectangles."""

from __future__ import annotations

from pathlib import Path

from conftest import apply_form
from nikosheet.parsing.forms import box_grid

CONVERTERS = Path(__file__).parent / "fixtures" / "converters"


def _boxes(*boxes: str) -> str:
    return "\n\n".join(boxes) + "\n"


def _read(text: str) -> list[str]:
    """The text's lines after the form, but those it took and the blank ones."""
    return [line for line in apply_form(box_grid, text) if line]


# the first rows a column at a time, then a row, then two rows' item and content cells in pairs
SCHEDULE = _boxes(
    "時期(月)",
    "R5年4月",
    "R5年6月",
    "実施する項目",
    "実施する内容",
    "連絡会",
    "取組方針の確認",
    "第1回部会",
    "・重点課題の決定\n・区の会議の報告",
    "R5年7月～8月",
    "推進会議",
    "事例の検討",
    "R5年10月",
    "R6年3月",
    "第2回部会",
    "意見交換",
    "第3回部会",
    "振り返り",
)


def test_blocks_of_rows_and_columns() -> None:
    assert _read(SCHEDULE) == [
        "時期(月)\t実施する項目\t実施する内容",
        "R5年4月\t連絡会\t取組方針の確認",
        "R5年6月\t第1回部会\t・重点課題の決定 ・区の会議の報告",
        "R5年7月～8月\t推進会議\t事例の検討",
        "R5年10月\t第2回部会\t意見交換",
        "R6年3月\t第3回部会\t振り返り",
    ]


def test_a_header_cell_between_columns_reads_them_down() -> None:
    text = _boxes(
        *("時期(月)", "R5年5月", "R5年7月", "実施内容", "部会", "推進会議"), *("具体的な取組", "テーマ確認", "方針決定")
    )
    assert _read(text) == [
        "時期(月)\t実施内容\t具体的な取組",
        "R5年5月\t部会\tテーマ確認",
        "R5年7月\t推進会議\t方針決定",
    ]


def test_a_lists_items_a_box_each_are_one_cell() -> None:
    text = _boxes("時期(月)\n実施内容\n具体的な取組", "R5年11月", "養成講座", "・全4回", "・病院訪問の準備")
    assert _read(text) == [
        "時期(月)\t実施内容\t具体的な取組",
        "R5年11月\t養成講座\t・全4回 ・病院訪問の準備",
    ]


def test_a_pivot_and_the_next_cell_on_one_line() -> None:
    text = _boxes(
        *("年度", "実施内容", "具体的な取組", "R6年度 目標の\n明確化", "取組シートの整理"),
        *("R7年度 連携", "委託の見直し"),
    )
    assert _read(text) == [
        "年度\t実施内容\t具体的な取組",
        "R6年度\t目標の明確化\t取組シートの整理",
        "R7年度\t連携\t委託の見直し",
    ]


def test_two_readings_as_cheap_leave_the_table() -> None:
    # an empty cell in one of two rows read down: which row's is it?
    text = _boxes(
        *("時期(月)", "R6年6月", "R6年10月", "R7年2月", "実施内容", "連絡会", "推進会議", "会議"),
        *("具体的な取組", "項目の検討", "一覧の配布"),
    )
    assert apply_form(box_grid, text) == text.split("\n")


def test_rows_in_one_box_are_left_as_they_were() -> None:
    text = _boxes("年度", "実施内容", "具体的な取組", "R6年度 働きかけ ・研修会\nR7年度 設置支援", "・個別支援")
    assert apply_form(box_grid, text) == text.split("\n")


def test_a_last_row_cut_by_a_page_break_is_left() -> None:
    text = _boxes("年度", "実施内容", "具体的な取組", "R8年度", "住まいの確保", "・合同研修", "R9年度", "9")
    assert apply_form(box_grid, text) == text.split("\n")


def test_every_pdfminer_schedule_read_is_the_sheets(converted) -> None:
    """The schedules of the corpus's pdfminer texts this form reads hold the sheet's rows."""
    data = converted(CONVERTERS / "designated-sendai-fy2023--pdfminer.txt")
    items = data["annual_schedule"]["items"]
    assert [(i["label"], i["item"]) for i in items][:3] == [
        ("R5年4月", "区事務局担当者連絡会"),
        ("R5年6月", "第1回地域移行・地域定着部会"),
        ("R5年7月～8月", "第1回区にも包括推進会議"),
    ]
    assert items[2]["actions"] == ["各区で個別事例の検討"]
    assert len(items) == 8


def test_a_row_written_a_band_of_lines_at_a_time() -> None:
    # 福祉's cells wrap: each cell's first line, then each cell's second; その他関係機関・住民等 wrapped
    # too, its second line after its row's first band, and its row's last cell empty
    text = _boxes(
        *("各部門の連携状況", "強み・課題等", "保健", "医療", "相談員が同行訪問している。", "相談件数に差がある。"),
        *("病院協会が部会に委員として参画\nしている。", "診療所との連携は個別\nの事例にとどまる。", "福祉"),
        *("基幹相談支援センターが区ごとに", "地域移行を担う事業所", "配置されている。", "が固定化している。"),
        *("その他関係機", "家族会とピアサポーターが会議に", "関・住民等", "参加している。"),
    )
    assert _read(text) == [
        "各部門の連携状況\t\t強み・課題等",
        "保健\t相談員が同行訪問している。\t相談件数に差がある。",
        "医療\t病院協会が部会に委員として参画している。\t診療所との連携は個別の事例にとどまる。",
        "福祉\t基幹相談支援センターが区ごとに配置されている。\t地域移行を担う事業所が固定化している。",
        "その他関係機関・住民等\t家族会とピアサポーターが会議に参加している。\t",
    ]


def test_two_cells_on_one_line_are_cut_at_the_space() -> None:
    text = _boxes(
        *("名称", "協議の場の構成員", "開催頻度", "実施内容", "特記事項等(課題・強\nみ等)"),
        *("推進会議 保健, 医療, 福祉", "年2回", "方針の決定", "病院の参加が少ない"),
        *("実務者会議 保健, 医療", "年6回", "事例検討", "なし"),
    )
    assert _read(text)[1:] == [
        "推進会議\t保健, 医療, 福祉\t年2回\t方針の決定\t病院の参加が少ない",
        "実務者会議\t保健, 医療\t年6回\t事例検討\tなし",
    ]


def test_an_indicators_two_values_share_their_unit() -> None:
    # the values written a column at a time: read across, 17人 and 3件 would be one indicator's
    text = _boxes(
        *("課題解決の達成度を\n測る指標", "現状値 (今年度当初)", "目標値(今年度末)", "見込んでいる成果・効果"),
        *("①地域移行支援の利用者数", "②退院前カンファレンスの件数", "１７人", "３件", "２０人", "１２件"),
        *("長期入院者の退院促進", "退院支援の円滑化"),
    )
    assert _read(text)[1:] == [
        "①地域移行支援の利用者数\t１７人\t２０人\t長期入院者の退院促進",
        "②退院前カンファレンスの件数\t３件\t１２件\t退院支援の円滑化",
    ]


def test_a_department_is_never_left_without_its_duties() -> None:
    text = _boxes("連携部署名", "連携部署における主な業務", "保健福祉課", "介護保険課", "住宅政策課", "保健相談")
    assert apply_form(box_grid, text) == text.split("\n")


def test_a_sentences_tail_starts_no_cell() -> None:
    # a tall row a band at a time: the status's last line `いる。` after the strengths' first box, which
    # could as well be read as a cell of its own but for its being a sentence's tail
    text = _boxes(
        "各部門の連携状況",
        "強み・課題等",
        "保健",
        "医療",
        "保健所の精神保健福祉相談員と保健師が、相談支援事業\n所と同行訪問を行っている。",
        "相談件数が増え、継続支援の人員が不\n足している。",
        "市内5病院の精神保健福祉士が推進会議と地域移行部会\nに参加している。",
        "市外の病院との連携は個別の事例にと\nどまっている。",
        "福祉",
        "基幹相談支援センターが地域移行部会の運営に協力して",
        "地域移行支援を担う事業所が少ない。",
        "いる。",
        "その他関係機",
        "家族会、ピアサポーター、民生委員が普及啓発部会に参",
        "関・住民等",
        "加している。",
    )
    assert _read(text)[3:] == [
        "福祉\t基幹相談支援センターが地域移行部会の運営に協力している。\t地域移行支援を担う事業所が少ない。",
        "その他関係機関・住民等\t家族会、ピアサポーター、民生委員が普及啓発部会に参加している。\t",
    ]


def test_a_header_written_a_band_at_a_time_and_names_that_wrap() -> None:
    # the header's cells' lines interleaved; each row a band at a time, an indicator's name and its
    # effects going on in the row's second band
    text = _boxes(
        "課題解決の達成度",
        "目標値（R5年",
        "実績値（R5年度末） 具体的な成果・効果",
        "を測る指標",
        "度当初）",
        "①市町村の協議の",
        "25市町村",
        "21市町村",
        "福祉保健所の伴走支援により、新たに4町村が協議の場",
        "場の設置数",
        "を設置した。",
        "②精神病床におけ",
        "2,050人",
        "2,129人",
        "長期入院者数は目標に届かなかったが、圏域の会議で",
        "る1年以上の長期\n入院者数",
        "退院可能な入院者の情報を共有する仕組みができた。",
        "③ピアサポーター\nの養成と派遣",
        "・養成 20人\n・派遣 年24回",
        "・養成 16人\n・派遣 年30回",
        "ピアサポーターの病院訪問が定着し、入院者の退院へ\nの意欲が高まった。",
    )
    assert _read(text) == [
        "課題解決の達成度を測る指標\t目標値（R5年度当初）\t実績値（R5年度末）\t具体的な成果・効果",
        "①市町村の協議の場の設置数\t25市町村\t21市町村\t福祉保健所の伴走支援により、新たに4町村が協議の場を設置した。",
        "②精神病床における1年以上の長期入院者数\t2,050人\t2,129人\t"
        "長期入院者数は目標に届かなかったが、圏域の会議で退院可能な入院者の情報を共有する仕組みができた。",
        "③ピアサポーターの養成と派遣\t・養成 20人 ・派遣 年24回\t・養成 16人 ・派遣 年30回\t"
        "ピアサポーターの病院訪問が定着し、入院者の退院への意欲が高まった。",
    ]


def test_a_header_whose_first_cell_comes_after_the_others() -> None:
    # the first cell wrapped and was written after the others; a value in words (`未集計`) beside a number
    text = _boxes(
        "現状値（今年度当初） 目標値（今年度末） 見込んでいる成果・効果",
        "課題解決の達成度を\n測る指標",
        "①市町村の協議の場\nの設置数",
        "21市町村",
        "26市町村",
        "②圏域会議での退院\n可能者の共有件数",
        "未集計",
        "年60件",
        "市町村で個別支援の課題を検討できるように\nなり、身近な地域での支援が充実する。",
        "退院可能な入院者の情報を共有し、早期の退\n院支援につなげる。",
    )
    assert _read(text) == [
        "課題解決の達成度を測る指標\t現状値（今年度当初）\t目標値（今年度末）\t見込んでいる成果・効果",
        "①市町村の協議の場の設置数\t21市町村\t26市町村\t"
        "市町村で個別支援の課題を検討できるようになり、身近な地域での支援が充実する。",
        "②圏域会議での退院可能者の共有件数\t未集計\t年60件\t退院可能な入院者の情報を共有し、早期の退院支援につなげる。",
    ]


# a core city's section 4 (pdfminer): the names a column, the values a block of rows read across, the
# effects a column; read as a grid of three columns across, the effects' sentences would be values
OUTCOMES_BOXES = (
    *("課題解決の達成度を\n測る指標", "目標値 (昨年度\n当初)", "実績値 (昨年度末) 具体的な成果・効果"),
    *("①地域移行出張相談\nの実施病院数", "②ピアサポーターの\n登録者数", "③支援者向け研修の\n受講者数"),
    *("6病院", "5病院", "12人", "15人", "延べ120人", "延べ143人"),
    "出張相談をきっかけに地域移行支援の申請が9件あっ\nた。",
    "病院訪問に同行し、入院者に退院後の生活を具体的に\n伝えることができた。",
    "障害と介護の支援者が同じ研修を受け、相互の制度を\n知る機会となった。",
)


def test_an_indicators_target_and_actual_hold_no_sentence() -> None:
    text = _boxes(*OUTCOMES_BOXES)
    assert _read(text) == [line for line in text.split("\n") if line]  # left to `indicator_streams`


_OUTCOMES_HEADER = ("課題解決の達成度を\n測る指標", "目標値 (昨年度\n当初)", "実績値 (昨年度末)", "具体的な成果・効果")


def test_a_count_wrapped_to_a_values_next_line_takes_back_its_space() -> None:
    text = _boxes(
        *_OUTCOMES_HEADER,
        "①措置入院者の\n退院後支援",
        "支援計画の作成率\n75%",
        "支援計画の作成率\n82%",
        "退院後に区の保健師が継続して関わり、再入院が減\n少した。",
    )
    assert _read(text)[1:] == [
        "①措置入院者の退院後支援\t支援計画の作成率 75%\t支援計画の作成率 82%"
        "\t退院後に区の保健師が継続して関わり、再入院が減少した。"
    ]
