"""Section 6's two departments tables that pdfminer writes a column at a time, their columns interleaved."""

from __future__ import annotations

from conftest import FIXTURES, apply_form
from nikosheet.parsing.forms import department_runs

CONVERTERS = FIXTURES / "converters"


def _filled(lines: list[str | None]) -> list[str]:
    return [line for line in lines if line]


def test_the_names_before_the_duties_and_the_second_table_s_name_under_its_duties_header() -> None:
    text = (
        "体制の説明。\n\n所管部署名\n\n保健総務課\n\n障害福祉課\n\n連携部署名\n\n所管部署における主な業務\n\n精神保健福祉相談\n\n"
        "障害福祉サービスの支給決定\n\n連携部署における主な業務\n\n地域包括ケア推進課\n\n高齢者の地域包括ケア\n\n"
        "各部門の連携状況\n"
    )
    assert _filled(apply_form(department_runs, text))[1:] == [
        "所管部署名\t所管部署における主な業務",
        "保健総務課\t精神保健福祉相談",
        "障害福祉課\t障害福祉サービスの支給決定",
        "連携部署名\t連携部署における主な業務",
        "地域包括ケア推進課\t高齢者の地域包括ケア",
        "各部門の連携状況",
    ]


def test_names_after_the_duties_a_name_and_duty_on_one_line_and_a_bracket_closed_apart() -> None:
    text = (
        "体制の説明。\n\n所管部署名\n\n所管部署における主な業務\n\n保健予防課(事務局委託\n\n保健所にて、精神保健福祉相談等を実施\n\n"
        "元)\n\n障害福祉課\n\n市役所にて、障害福祉サービス\n\nの支給に関する業務\n\n"
        "各区保健福祉センター障害高齢課 精神保健福祉相談、訪問指導\n\n"
        "連携部署名\n\n連携部署における主な業務\n\n地域包括支援課\n\n地域包括支援センターの運営\n\n"
        "生活保護法に基づく支援\n\n生活援護室\n\n各部門の連携状況\n\n保健\n\n保健所が相談に応じている。\n"
    )
    assert _filled(apply_form(department_runs, text))[1:] == [
        "所管部署名\t所管部署における主な業務",
        "保健予防課(事務局委託元)\t保健所にて、精神保健福祉相談等を実施",
        "障害福祉課\t市役所にて、障害福祉サービスの支給に関する業務",
        "各区保健福祉センター障害高齢課\t精神保健福祉相談、訪問指導",
        "連携部署名\t連携部署における主な業務",
        "地域包括支援課\t地域包括支援センターの運営",
        "生活援護室\t生活保護法に基づく支援",
        "各部門の連携状況",
        "保健",
        "保健所が相談に応じている。",
    ]


def test_names_and_duties_not_as_many_are_left_as_they_were() -> None:
    text = (
        "体制の説明。\n\n所管部署名\n\n保健総務課\n\n連携部署名\n\n所管部署における主な業務\n\n精神保健福祉相談\n\n研修の開催\n\n"
        "連携部署における主な業務\n\n地域包括ケア推進課\n\n高齢者の地域包括ケア\n"
    )
    assert apply_form(department_runs, text) == text.split("\n")


def test_pdfminer_texts_read_both_tables() -> None:
    from nikosheet import parse_file_data

    coordination = parse_file_data(CONVERTERS / "core-himeji-fy2024--pdfminer.txt")["coordination"]
    assert [d["name"] for d in coordination["departments"]] == ["保健所保健予防課", "障害福祉課"]
    assert [d["name"] for d in coordination["partner_departments"]] == ["地域包括支援課", "生活援護室", "住宅課"]
    assert coordination["partner_departments"][2]["duties"] == "市営住宅の管理、住宅確保要配慮者への支援"


def test_the_second_table_left_where_a_form_before_rebuilt_the_first() -> None:
    # pdfminer: the 所管部署 table a column at a time (rebuilt by `column_runs`), the 連携部署 table's
    # duties header and duty after the sectors' labels; the sectors' title right below a duty is no duty's
    from nikosheet.parsing.forms import FormState

    source = (
        "体制の説明。\n\n所管部署名\n\n保健予防課\n\n所管部署における主な業務\n\n精神保健福祉相談\n\n連携部署名\n\n"
        "長寿社会課\n\n各部門の連携状況\n\n保健\n\n医療\n\n連携部署における主な業務\n\n地域包括支援センターの運営\n"
        "各部門の連携状況\n"
    )
    lines: list[str | None] = source.split("\n")
    lines[2:9] = ["所管部署名\t所管部署における主な業務", None, "保健予防課\t精神保健福祉相談", None, None, None, ""]
    state = FormState(lines, source)
    department_runs.apply(state)
    out = _filled(state.lines)
    assert out[3:5] == ["連携部署名\t連携部署における主な業務", "長寿社会課\t地域包括支援センターの運営"]
    assert out[5:] == ["各部門の連携状況", "保健", "医療", "各部門の連携状況"]


def test_the_last_names_duties_written_after_the_sectors_title_and_labels() -> None:
    # pdfminer writes the column down the page: the last names, the sectors' title and labels below them,
    # then the names' duties, then the header's last cell
    text = (
        "体制の説明。\n\n所管部署名\n\n所管部署における主な業務\n\n保健課\n\n精神保健福祉相談\n\n"
        "連携部署名\n\n連携部署における主な業務\n\n地域包括ケア推進室\n\n地域包括支援センターの運営支援\n\n"
        "防災危機管理室\n\n生活福祉課\n\n各部門の連携状況\n\n保健\n\n医療\n\n福祉\n\n"
        "避難行動要支援者名簿の管理、個別避難計画の推進\n\n生活保護、生活困窮者自立相談支援\n\n強み・課題等\n\n"
        "保健所の保健師が訪問している。\n"
    )
    lines = _filled(apply_form(department_runs, text))
    assert lines[1:7] == [
        "所管部署名\t所管部署における主な業務",
        "保健課\t精神保健福祉相談",
        "連携部署名\t連携部署における主な業務",
        "地域包括ケア推進室\t地域包括支援センターの運営支援",
        "防災危機管理室\t避難行動要支援者名簿の管理、個別避難計画の推進",
        "生活福祉課\t生活保護、生活困窮者自立相談支援",
    ]
    assert lines[7:12] == ["各部門の連携状況", "保健", "医療", "福祉", "強み・課題等"]


def test_duties_after_the_sectors_title_that_are_not_as_many_as_owed_stay() -> None:
    text = (
        "体制の説明。\n\n連携部署名\n\n連携部署における主な業務\n\n地域包括ケア推進室\n\n地域包括支援センターの運営支援\n\n"
        "防災危機管理室\n\n生活福祉課\n\n各部門の連携状況\n\n避難行動要支援者名簿の管理\n\n強み・課題等\n"
    )
    assert "防災危機管理室" in _filled(apply_form(department_runs, text))
    assert "避難行動要支援者名簿の管理" in _filled(apply_form(department_runs, text))


def test_a_name_of_two_words_beside_its_duty_and_a_name_wrapped_in_its_column() -> None:
    text = (
        "体制の説明。\n\n所管部署名\n\n所管部署における主な業務\n\n"
        "保健所 保健総務課 精神保健福祉相談、措置入院に関する業務\n\n連携部署名\n\n連携部署における主な業務\n\n"
        "福祉保険部 障害福祉\n課\n\n障害者総合支援法に基づく相談業務\n\n"
        "各部門の連携状況\n"
    )
    assert _filled(apply_form(department_runs, text))[1:5] == [
        "所管部署名\t所管部署における主な業務",
        "保健所 保健総務課\t精神保健福祉相談、措置入院に関する業務",
        "連携部署名\t連携部署における主な業務",
        "福祉保険部 障害福祉課\t障害者総合支援法に基づく相談業務",
    ]


def test_a_duty_s_short_rest_after_a_line_as_wide_as_the_column_and_one_after_the_next_header_cell() -> None:
    # pdfminer: a row at a time, each duty's wrapped rest a box of its own that starts on a kanji (`制の整備`),
    # the last duty's rest after the 連携部署 table's first header cell (`支援`), a name's bracket closed apart
    text = (
        "体制の説明。\n\n所管部署名\n\n所管部署における主な業務\n\n健康医療福祉部障害福祉課\n\n"
        "精神保健福祉施策の企画、県協議の場の運営、精神科救急医療体\n\n制の整備\n\n精神保健福祉センター\n\n"
        "圏域への技術支援、人材育成研修、ピアサポーター養成、精神保\n\n健福祉相談\n\n"
        "県保健所（草津・甲賀・東近江・彦根・長浜・\n\n圏域協議の場の運営、精神保健福祉相談、措置入院者等の退院後\n\n"
        "高島）\n\n連携部署名\n\n支援\n\n連携部署における主な業務\n\n健康医療福祉部医療政策課\n\n"
        "保健医療計画の策定、精神科医療機関に関すること\n\n警察本部\n\n警察官通報に関する連携\n\n各部門の連携状況\n"
    )
    assert _filled(apply_form(department_runs, text))[1:] == [
        "所管部署名\t所管部署における主な業務",
        "健康医療福祉部障害福祉課\t精神保健福祉施策の企画、県協議の場の運営、精神科救急医療体制の整備",
        "精神保健福祉センター\t圏域への技術支援、人材育成研修、ピアサポーター養成、精神保健福祉相談",
        "県保健所（草津・甲賀・東近江・彦根・長浜・高島）\t圏域協議の場の運営、精神保健福祉相談、措置入院者等の退院後支援",
        "連携部署名\t連携部署における主な業務",
        "健康医療福祉部医療政策課\t保健医療計画の策定、精神科医療機関に関すること",
        "警察本部\t警察官通報に関する連携",
        "各部門の連携状況",
    ]


def test_a_short_duty_after_the_widest_one_line_duty_is_the_next_row_s() -> None:
    # the duties' column written down, each a line: the widest duty does not make the next, short one its rest
    # (names and duties are as many read so)
    text = (
        "体制の説明。\n\n所管部署名\n\n障害福祉課\n\n精神保健福祉センター\n\n保健所\n\n連携部署名\n\n"
        "所管部署における主な業務\n\n精神保健福祉施策の企画、県協議の場の運営、措置入院者の退院後支援\n\n技術支援\n\n"
        "精神保健福祉相談\n\n連携部署における主な業務\n\n医療政策課\n\n保健医療計画の策定\n\n各部門の連携状況\n"
    )
    assert _filled(apply_form(department_runs, text))[2:5] == [
        "障害福祉課\t精神保健福祉施策の企画、県協議の場の運営、措置入院者の退院後支援",
        "精神保健福祉センター\t技術支援",
        "保健所\t精神保健福祉相談",
    ]
