"""Section 2's figure text in PDF text: a paragraph per box, a paragraph the page wrapped made whole."""

from __future__ import annotations

from conftest import FIXTURES, SAMPLES, apply_form
from nikosheet.parsing.forms import figure_text, signals

CONVERTERS = FIXTURES / "converters"
_WIDE = "あ" * 40  # a line as wide as the page: the widest prose line of the text


def _apply(text: str) -> list[str | None]:
    return apply_form(figure_text, text)


def test_boxes_are_paragraphs_and_a_wrapped_paragraph_is_joined():
    out = _apply(
        f"2 精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）\n\n代表者会議\n{_WIDE}\nいい。\n"
        "年1回開催。\n◆ 連絡会\n\n3 精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯\n協議の場\n会議"
    )
    assert out[2:7] == ["<p>代表者会議</p>", f"<p>{_WIDE}いい。</p>", None, "<p>年1回開催。</p>", "- ◆ 連絡会"]
    assert out[-2:] == ["協議の場", "会議"]  # section 3 is left alone


def test_a_heading_numbered_with_a_full_width_dot_ends_section_2():
    out = _apply(
        "２．精神障害にも対応した地域包括ケアシステムの構築に向けた取組概要（全体）\n\n代表者会議\n年1回開催。\n"
        "３．精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）\n協議の場\n会議"
    )
    assert out[2:4] == ["<p>代表者会議</p>", "<p>年1回開催。</p>"]
    assert out[-3:] == [
        "３．精神障害にも対応した地域包括ケアシステムの構築に向けた取組の経緯（地域課題）",
        "協議の場",
        "会議",
    ]


def test_a_line_that_ends_a_sentence_ends_its_paragraph():
    out = _apply(f"取組概要（全体）\n{_WIDE}。\n次の文。")
    assert out[1:] == [f"<p>{_WIDE}。</p>", "<p>次の文。</p>"]


def test_a_sentence_s_last_kana_alone_ends_the_line_above_even_short_of_the_page():
    # pypdf: a figure's box narrower than the page wrapped its sentence (`…抽出す` / `る。`)
    box = "保健所が事務局。病院、市町村、相談支援事業所が参加し、個別事例から圏域の課題を抽出す"
    out = _apply(f"取組概要（全体）\n{_WIDE}{_WIDE}。\n圏域の協議の場\n{box}\nる。\n市町村の協議の場")
    assert out[2:] == ["<p>圏域の協議の場</p>", f"<p>{box}る。</p>", None, "<p>市町村の協議の場</p>"]


def test_a_line_that_starts_with_a_particle_or_closes_the_bracket_above_ends_the_line_above():
    # plain pdftotext of a LibreOffice PDF: a box narrower than the page (`…全市の方針` / `を決定する。`,
    # `…（いずれもR6年3月` / `末）`)
    box = "年2回開催。学識経験者、精神科病院協会、家族会、ピアサポーター等で構成し、全市の方針"
    count = "精神障害者保健福祉手帳所持者数 21,846人（いずれもR6年3月"
    out = _apply(f"取組概要（全体）\n{_WIDE}{_WIDE}。\n推進会議\n{box}\nを決定する。\n実務者会議\n{count}\n末）")
    assert [line for line in out[2:] if line is not None] == [
        "<p>推進会議</p>",
        f"<p>{box}を決定する。</p>",
        "<p>実務者会議</p>",
        f"<p>{count}末）</p>",
    ]
    out = _apply(f"取組概要（全体）\n{_WIDE}{_WIDE}。\n相談支援部会\nはたらく部会\nてんかん診療拠点病院")
    assert out[2:] == ["<p>相談支援部会</p>", "<p>はたらく部会</p>", "<p>てんかん診療拠点病院</p>"]  # boxes' names


def test_the_samples_form_has_no_signal():
    for name in ("kashiwa-r6", "kawaguchi-r5"):
        text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        assert not signals.figure_text(text)


def test_overview_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    want = parsed("pref-fy2024.txt")["overview"]["text"]
    for converter in ("pdftotext", "pymupdf", "pdftotext-layout"):
        got = parse_file_data(CONVERTERS / f"pref-fy2024--{converter}.txt")["overview"]["text"]
        assert got == want, converter


def test_the_page_s_width_is_the_source_s_not_a_line_an_earlier_form_joined(parsed):
    """川口市's text through PyMuPDF: a strength's wrapped lines, joined before this form runs, are
    wider than the page; the overview's wrapped box is still joined at the page's width."""
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["overview"]["text"]
    for converter in ("pymupdf", "pdftotext", "lopdf-pdfplumber"):
        got = parse_file_data(CONVERTERS / f"kawaguchi-r5--{converter}.txt")["overview"]["text"]
        assert got[1] == want[1], converter


def test_the_figure_after_section_6s_tables(parsed):
    from nikosheet import parse_file_data

    want = parsed("ward-numberalone-fy2024.txt")["coordination"]["notes"]
    got = parse_file_data(CONVERTERS / "ward-numberalone-fy2024--pymupdf.txt")["coordination"]["notes"]
    assert (
        got
        == want
        == [
            "世田谷区の精神保健福祉の役割分担",
            "1次予防（こころの健康に関する普及啓発）",
            "2次予防（早期相談・訪問支援）",
            "3次予防（地域移行・地域定着支援）",
        ]
    )


def test_pandoc_text_keeps_its_paragraphs(parsed):
    # pandoc writes the document's paragraphs, blank lines between: its lines are not split
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["coordination"]["notes"]
    for converter in ("pandoc-plain", "pandoc-plain-nowrap"):
        assert parse_file_data(CONVERTERS / f"kawaguchi-r5--{converter}.txt")["coordination"]["notes"] == want


def test_a_series_next_item_opens_a_paragraph_after_a_full_line():
    # pymupdf: `柱２　…` fills the page's width by chance; `柱３　…` is the next item, not its wrap
    two = "柱２\u3000早く気づき、早くつなぐ：自殺対策の相談窓口と保健所の訪問支援の連動、多職種訪問支援チーム"
    out = _apply(f"取組概要（全体）\n{two}\n柱３\u3000支える人を育てる：段階別研修\n{two}\n連動の続き")
    assert [line for line in out[1:] if line is not None] == [
        f"<p>{two}</p>",
        "<p>柱３\u3000支える人を育てる：段階別研修</p>",
        f"<p>{two}連動の続き</p>",
    ]


def test_a_word_paragraph_s_lines_are_one_text(parsed):
    # pandoc's GFM of a Word document: a figure's box is a paragraph, a blank line after it; pandoc wrapped
    # it at a space (`県の協議の場：…推進会議` / `地域移行・地域定着部会（…）`: joined by that space) or the
    # author broke it (`保健相談所（6か所）␠␠` / `身近な相談・訪問`: a line of its own, as in the samples' form)
    from nikosheet import parse_file_data

    for name, section, field in (
        ("pref-kochi-fy2023", "overview", "text"),
        ("pref-iwate-fy2023", "overview", "text"),
        ("ward-nerima-fy2023", "coordination", "notes"),
    ):
        want = parsed(f"{name}.txt")[section][field]
        assert parse_file_data(CONVERTERS / f"{name}--pandoc-gfm.txt")[section][field] == want, name
    notes = parse_file_data(CONVERTERS / "ward-nerima-fy2023--pandoc-gfm.txt")["coordination"]["notes"]
    assert "保健相談所（6か所）\n身近な相談・訪問" in notes


def test_a_pdf_s_box_of_two_lines_stays_two_texts():
    # pdfminer may put two of a figure's boxes in one (`住まい` / `就労・日中活動`): the page's lines
    # are no Word paragraph's, so each short line stays a paragraph of its own
    text = f"取組概要（全体）\n{_WIDE}。\n\n住まい\n就労・日中活動\n\n家族・ピアサポート\n\n相談支援\n"
    assert [line for line in _apply(text)[1:] if line] == [
        f"{_WIDE}。",
        "<p>住まい</p>",
        "<p>就労・日中活動</p>",
        "家族・ピアサポート",
        "相談支援",
    ]


def test_a_list_item_alone_between_blank_lines_is_an_item(parsed):
    # pdfminer writes each of the overview's `◆ …` items as a box of its own
    from nikosheet import parse_file_data

    text = parse_file_data(CONVERTERS / "kashiwa-r6--pdfminer.txt")["overview"]["text"]
    assert "地域生活支援拠点運営協議会" in text
    assert not [item for item in text if item.startswith("◆")]
