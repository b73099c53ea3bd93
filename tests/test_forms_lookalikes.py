"""Look-alike characters folded back: pdfminer's radicals, and its wave dash only in its own text."""

from __future__ import annotations

from nikosheet.parsing import forms


def test_pdfminer_wave_dash_becomes_the_fullwidth_tilde_beside_radicals() -> None:
    state = forms.rewrite(["⼈⼝（R5年4⽉時点）", "R5年7⽉〜R6年2⽉"])
    assert state.lines == ["人口（R5年4月時点）", "R5年7月～R6年2月"]


def test_a_wave_dash_without_radicals_is_the_authors() -> None:
    state = forms.rewrite(["令和5年度〜令和6年度\u2027"])
    assert state.lines == ["令和5年度〜令和6年度・"]


def test_a_radical_is_folded_to_the_japanese_form_of_its_kanji() -> None:
    # NFKC gives 戶 (U+6236) for ⼾; the Japanese font drew 戸 (U+6238), as the author typed it
    state = forms.rewrite(["神⼾市精神保健福祉協会", "⿊⾭の⿈⾊"])
    assert state.lines == ["神戸市精神保健福祉協会", "黒青の黄色"]
