"""A sector's or a role's label the page wrapped (`その他関係機` / `関・住民等`), its rest a line or two on."""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, cell_lines_tables


def _apply(text: str) -> list[str | None]:
    state = FormState(text.split("\n"), text)
    cell_lines_tables.apply(state)
    return state.lines


def test_a_wrapped_sector_word_whose_rest_comes_after_the_next_cell_s_first_line():
    out = _apply(
        "保健所と障害福祉課が連携して、市内の精神科病院と地域の支援者が参加する会議を年に数回開催している。\n"
        "各部門の連携状況\n\n強み・課題等\n\n保健\n\n訪問を行っている。\n\n連携票を活用している。\n\n"
        "その他関係機\n家族会、ピアサポーター、民生委員が普及啓発部会に参\n関・住民等\n加している。\n\n連携が課題。"
    )
    rows = [ln for ln in out if ln]
    status = "家族会、ピアサポーター、民生委員が普及啓発部会に参加している。"
    assert rows[3] == f"その他関係機関・住民等\t{status}\t連携が課題。"
    assert len(rows) == 4


def test_a_wrapped_role_word_beside_its_cell_and_its_rest_on_the_next_line():
    out = _apply(
        "課題\n課題解決に向けた取組方針\n課題・方針に対する役割(取組)\n島しょ部に支援が届きにくい\n"
        "訪問支援とオンライン相談を組み合わせる\n行政 訪問支援の調整\n医療 オンライン診療\n福祉 訪問の同行\n"
        "その他関係機 家族会による体験談の発表\n関・住民等"
    )
    rows = [ln for ln in out if ln]
    assert rows[-1] == "\t\tその他関係機関・住民等\t家族会による体験談の発表"
