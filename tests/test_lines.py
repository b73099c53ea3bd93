"""Lines: `read_lines`'s fast path makes each line as `classify` (through `new_line`) does."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES, SHEETS
from nikosheet.parsing.lines import SEP, Line, classify, read_lines
from nikosheet.sources.text import read_bytes

TEXTS = [*sorted(SAMPLES.glob("*.txt")), *sorted(SHEETS.glob("*.txt"))[:6]]
TEXTS += sorted((FIXTURES / "converters").glob("kashiwa-r6--*.txt"))


def _slots(ln: Line) -> dict[str, object]:
    return {name: getattr(ln, name) for name in Line.__slots__}  # AttributeError: a slot left unset


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_each_line_is_made_as_classify_makes_it(path):
    raws = read_bytes(path.read_bytes()).lines
    lines = read_lines(raws)
    assert len(lines) == len(raws)
    for raw, ln in zip(raws, lines, strict=True):
        assert _slots(ln) == _slots(classify(ln.no, raw))


def test_a_line_a_form_folded_away_is_layout_with_every_slot_set():
    folded = read_lines(["表", None, "\t"])[1]
    assert _slots(folded) == {
        "alone": False,
        "cells": None,
        "cont": None,
        "kind": SEP,
        "no": 2,
        "raw": "",
        "text": "",
        "wraps": None,
    }


def test_a_quote_pandoc_set_in_a_list_item_is_the_items_next_line():
    """`-   令和元年度` / `    > 「精神障害に…」…`: pandoc's Markdown writes an item's line break as a quote in the
    item; the line is the item's text, without the quote's mark. A quote of its own, not set in, keeps its mark."""
    assert (
        classify(2, "    > 構築に向けた協議の場として同協議会を再編").text == "構築に向けた協議の場として同協議会を再編"
    )
    assert classify(2, "> 引用").text == "> 引用"


@pytest.mark.parametrize("converter", ["pandoc-gfm", "pandoc-markdown"])
def test_initiatives_with_a_line_break_read_from_pandocs_markdown(converter, parsed, converted):
    want = parsed("core-asahikawa-fy2024.txt")["basic_info"]["initiatives"]
    doc = converted(FIXTURES / "converters" / f"core-asahikawa-fy2024--{converter}.txt")
    assert [" ".join(item.split()) for item in doc["basic_info"]["initiatives"]] == [" ".join(i.split()) for i in want]
    assert any(item.startswith("令和元年度") and "「精神障害に" in item for item in want)


def test_pandocs_hard_line_break_before_an_items_next_line_is_no_text(parsed, converted):
    """`-   「…」の開催\\` / `    > →地域課題の抽出…`: pandoc's Markdown ends the item's line with its hard line break's
    backslash, which is no text of the item."""
    want = parsed("kawaguchi-r5.txt")["basic_info"]["initiatives"]
    doc = converted(FIXTURES / "converters" / "kawaguchi-r5--pandoc-markdown.txt")
    assert doc["basic_info"]["initiatives"] == want
    assert "\\" not in doc["basic_info"]["initiatives"][0]
