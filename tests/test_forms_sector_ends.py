"""Section 6's sectors table: the last row, its label wider than its column, written as a line of text."""

from __future__ import annotations

from conftest import apply_form
from nikosheet import parse_text_data
from nikosheet.parsing.forms import FormState, sector_ends

HEADING = "6 精神障害にも対応した地域包括ケアシステムの構築のための連携状況\n\n"
TABLE = (
    "各部門の連携状況\t強み・課題等\n"
    "保健\t地区担当保健師が訪問支援を行っている。\t人員が限られている。\n"
    "医療\t近隣区の病院と退院支援で連携している。\t区内に精神科病院がない。\n"
    "福祉\t相談支援事業所が訪問支援事業を受託している。\t地域移行支援の実績が少ない。\n"
)
NEXT = "\n7 精神障害にも対応した地域包括ケアシステムの構築のための協議の場の実施状況\n"


def _sectors(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = parse_text_data(HEADING + text + NEXT)
    six = doc["coordination"]
    return [(s["label"], s["status"], s["strengths_and_issues"]) for s in six["sectors"]]


def test_the_label_and_its_status_one_space_apart_are_the_last_row() -> None:
    # lopdf's layout text: no run of spaces between the wide label and its status
    text = TABLE + "その他関係機関・住民等 民生委員、町会が見守りに協力している。\n"
    assert _sectors(text)[-1] == ("その他関係機関・住民等", "民生委員、町会が見守りに協力している。", None)
    assert parse_text_data(HEADING + text + NEXT)["coordination"]["notes"] == []


def test_the_label_alone_or_wrapped_is_a_row_with_empty_cells() -> None:
    alone = TABLE + "その他関係機関・住民等\n"  # below the rows: not the welfare status's wrapped end
    assert _sectors(alone)[-2:] == [
        ("福祉", "相談支援事業所が訪問支援事業を受託している。", "地域移行支援の実績が少ない。"),
        ("その他関係機関・住民等", None, None),
    ]
    wrapped = TABLE + "| --- | --- | --- |\nその他関係機関・住\n民等\n"  # markitdown: the rule, the label wrapped
    assert _sectors(wrapped)[-1] == ("その他関係機関・住民等", None, None)


def test_a_label_in_the_status_column_starts_its_row() -> None:
    # a layout form put lopdf's `その他関係機関・住民等 家族会…` in the status's column
    row = "その他関係機関・住民等 家族会連合会が協議会に参画している。"
    text = TABLE + "\tその他関係機関・住民等\t家族会連合会が協議会に参画している。\n"
    state = FormState(text.split("\n"), TABLE + row + "\n")
    sector_ends.apply(state)
    assert state.lines[4] == "その他関係機関・住民等\t家族会連合会が協議会に参画している。"
    # text that is no row stays text: a note below the table, a sector the rows gave already
    note = TABLE + "\nその他関係機関との連携は今後の課題である。\n"
    assert apply_form(sector_ends, note) == note.split("\n")
    taken = TABLE + "その他関係機関・住民等\t家族会が参加している。\nその他関係機関・住民等 重ねて\n"
    assert apply_form(sector_ends, taken) == taken.split("\n")
