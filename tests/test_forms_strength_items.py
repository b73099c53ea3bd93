"""Section 5's strengths where a converter ran them into one line, marked one as a heading, or
wrapped numbered ones: one strength an item, its wrapped lines joined."""

from nikosheet import parse_text_data

_HEAD = "## 5 精神障害にも対応した地域包括ケアシステムの構築に向けた現時点における強みと課題\n\n"
_ISSUES = "\n|課題|課題解決に向けた取組⽅針|課題・⽅針に対する役割(取組)|\n|---|---|---|\n"


def _strengths(body: str) -> list[str]:
    doc = parse_text_data(_HEAD + body + _ISSUES)
    return list(doc["strengths_and_issues"]["strengths"])


def test_bullets_run_into_one_line_are_one_strength_each():
    # pymupdf4llm writes a list's bullets on one line, a space between them
    body = (
        "### 【特徴(強み)】 \n\n"
        "- ・保健所が市役所本庁舎と同じ建物にあり、情報共有がしやすい。 "
        "・住まい支援ワーキンググループに不動産事業者団体が参加している。 "
        "・ピアサポーターが8名登録されている。 \n"
    )
    assert _strengths(body) == [
        "保健所が市役所本庁舎と同じ建物にあり、情報共有がしやすい。",
        "住まい支援ワーキンググループに不動産事業者団体が参加している。",
        "ピアサポーターが8名登録されている。",
    ]


def test_sentences_without_bullets_are_one_strength_each():
    body = "【特徴(強み)】 \n\n区保健所の職員が区民に細かく関われる規模である。 区内に大学・企業が多い。 \n"
    assert _strengths(body) == ["区保健所の職員が区民に細かく関われる規模である。", "区内に大学・企業が多い。"]


def test_a_strength_marked_as_a_heading_is_a_strength():
    body = "【特徴(強み)】 \n\n#### 1. 健康相談所の保健師が、区内全域で訪問支援を行っている。 \n"
    assert _strengths(body) == ["健康相談所の保健師が、区内全域で訪問支援を行っている。"]


def test_numbered_strengths_with_wrapped_lines():
    # markitdown wraps a long strength at the page's width, its rest on a line without a number
    body = (
        "【特徴(強み)】\n"
        "1. 全6圏域に保健所があり、市町村・医療機関・福祉事業所を結びつけて\n"
        "いる。\n"
        "2. 府精神科病院協会が推進部会に参画している。\n"
    )
    assert _strengths(body) == [
        "全6圏域に保健所があり、市町村・医療機関・福祉事業所を結びつけている。",
        "府精神科病院協会が推進部会に参画している。",
    ]


def test_a_sentence_s_end_inside_brackets_cuts_no_strength():
    # a strength that quotes a sentence in brackets is one strength, run into the next or not
    body = (
        "【特徴(強み)】 \n\n"
        "- ・家族会の取組(例:毎月の家族教室。 年1回の講演会)が続いている。 ・ピアサポーターが8名登録されている。 \n"
    )
    assert _strengths(body) == [
        "家族会の取組(例:毎月の家族教室。 年1回の講演会)が続いている。",
        "ピアサポーターが8名登録されている。",
    ]


def test_numbers_in_turn_cut_before_a_digit_where_the_pdf_lost_the_space(parsed):
    # pdfplumber and markitdown of a LibreOffice PDF: `1.5つの福祉保健所が…`, the space after `1.` lost
    from conftest import FIXTURES
    from nikosheet import parse_file_data

    for name in ("pref-kochi-fy2023", "ward-setagaya-fy2023", "pref-iwate-fy2023"):
        want = parsed(f"{name}.txt")["strengths_and_issues"]["strengths"]
        for converter in ("lopdf-pdfplumber", "lopdf-markitdown"):
            path = FIXTURES / "converters" / f"{name}--{converter}.txt"
            assert parse_file_data(path)["strengths_and_issues"]["strengths"][0] == want[0], (name, converter)


def test_a_lone_strength_or_numbers_out_of_turn_keep_a_number_before_a_digit():
    # alone, `1.5倍…` may be a decimal; numbered out of turn, the items are no numbered list
    assert _strengths("【特徴(強み)】\n\n1.5倍に増えた相談件数に対応できる体制がある。\n") == [
        "1.5倍に増えた相談件数に対応できる体制がある。"
    ]
    body = "【特徴(強み)】\n\n1.5倍に増えた。\n\n3.2か所の拠点がある。\n"
    assert _strengths(body) == ["1.5倍に増えた。", "3.2か所の拠点がある。"]
    # decimals in turn, no number before a word: no numbered list
    body = "【特徴(強み)】\n\n1.5倍に増えた。\n\n2.3倍の登録者がいる。\n"
    assert _strengths(body) == ["1.5倍に増えた。", "2.3倍の登録者がいる。"]
    # a space after a number: the text kept its spaces, so `2.0` is a decimal
    body = "【特徴(強み)】\n\n1. 保健所がある。\n\n2.0版の手引を作成した。\n"
    assert _strengths(body) == ["保健所がある。", "2.0版の手引を作成した。"]
    body = "【特徴(強み)】\n\n1.5つの保健所がある。\n\n2.相談支援事業所が多い。\n"
    assert _strengths(body) == ["5つの保健所がある。", "相談支援事業所が多い。"]
