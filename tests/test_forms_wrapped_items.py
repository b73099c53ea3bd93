"""A list item that the page wrapped, in PDF text, made one line again."""

from __future__ import annotations

from conftest import FIXTURES, form_state
from nikosheet.parsing.forms import wrapped_items

_PAGE = "あ" * 50  # the widest line of prose: the page's width


def test_an_items_wrapped_lines_join_it():
    text = f"{_PAGE}。\n1. {'い' * 47}\nう。\n2. 短い。\n課題"
    state = form_state(wrapped_items, text)
    assert state.lines == [f"{_PAGE}。", f"1. {'い' * 47}う。", None, "2. 短い。", "課題"]


def test_strengths_read_from_pdf_text(parsed):
    from nikosheet import parse_file_data

    want = parsed("kawaguchi-r5.txt")["strengths_and_issues"]["strengths"]
    doc = parse_file_data(FIXTURES / "converters" / "kawaguchi-r5--pymupdf.txt")
    assert doc["strengths_and_issues"]["strengths"] == want


# a ward's strengths as pypdf wrote them (each item's lines right of its number, a little narrower than its first)
_STRENGTHS = (
    "1. 【身近な相談拠点】区内4か所のすこやか福祉センターに地区担当保健師と福祉職が配置されており、母子・高\n"
    "齢・障害の分野を問わず、住民が最初に相談できる窓口が生活圏域ごとに整っている。地域包括支援センター\n"
    "とも同じ建物内で連携しやすい。\n"
    "2. 【当事者の参画】ピアサポーター養成研修の修了者が推進会議の委員や講演会の登壇者として活動しており、\n"
    "当事者の声を施策の検討に反映する仕組みができつつある。\n"
)


def test_an_items_lines_are_measured_by_the_page_not_by_one_odd_line():
    """The template's guidance after 【その他事項】, its wrapped `さい` joined back, is wider than the page: the
    page's width is its third widest line, so an item's second line, as narrow as its hanging indent leaves it,
    still fills the page (the item had been cut after its second line, and every later strength read one off)."""
    from nikosheet import parse_text_data

    source = (FIXTURES / "converters" / "kawaguchi-r5--pypdf.txt").read_text(encoding="utf-8")
    head, rest = source.split("【特徴(強み)】\n", 1)
    text = head + "【特徴(強み)】\n" + _STRENGTHS + rest[rest.index("課題 課題解決") :]
    strengths = parse_text_data(text)["strengths_and_issues"]["strengths"]
    assert strengths == [
        "【身近な相談拠点】区内4か所のすこやか福祉センターに地区担当保健師と福祉職が配置されており、母子・高齢・障害の"
        "分野を問わず、住民が最初に相談できる窓口が生活圏域ごとに整っている。地域包括支援センターとも同じ建物内で"
        "連携しやすい。",
        "【当事者の参画】ピアサポーター養成研修の修了者が推進会議の委員や講演会の登壇者として活動しており、当事者の声を"
        "施策の検討に反映する仕組みができつつある。",
    ]
