"""A list item that the page wrapped, in PDF text: its lines made one again.

The PDF converters write a numbered or bulleted item (`1. …`, `・…`, `①…`) over as many lines as the
page wrapped it, with nothing to tell its wrapped lines from a paragraph of their own: the item then
ran on into the next lines' paragraph, its number kept.  A line that fills the page's width and
does not end a sentence goes on in the next line when that line starts no item, heading or mark:

    1. 市に保健所があり、…地域密着型の支援を実           1. 市に保健所があり、…地域密着型の支援を実施している。
    施している。                                →
    2. 川口市精神障害者訪問支援事業…早期介入に重          2. 川口市精神障害者訪問支援事業…取り組みを行っている。
    きを置いた予防的な取り組みを行っている。

Lines longer than the page (another form joined them) are left alone.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, join_wrapped, page_width

_ITEM = re.compile(r"(?:[0-9０-９]{1,2}[.．)）]|[・･•\u2460-\u2473]|[◆◇■□●○◎★☆][ \u3000])")
_NOT_A_WRAP = re.compile(r"[0-9０-９]{1,2}(?:[.．)）\s]|$)|[・･•\u2460-\u2473◆◇■□●○◎★☆※【＜<#|\-*]")
_SLACK = 8  # display columns: an item's lines stand right of its number, and may stop a character short


def apply(state: FormState) -> None:
    """Join each list item's wrapped lines to it."""
    if not signals.wrapped_items(state.source):
        return
    lines = state.lines
    # the page's widest line, and the third widest (one odd line, a guidance line run on, widens no measure)
    width = (page_width(lines, odd=2), page_width(lines))
    i = 0
    while i < len(lines):
        text = _text(lines[i])
        if not _ITEM.match(text):
            i += 1
            continue
        last = i
        while last + 1 < len(lines) and _wraps(_text(lines[last]), _text(lines[last + 1]), width):
            text, last = join_wrapped(text, _text(lines[last + 1])), last + 1
        if last > i:
            state.replace(i, last, text)
        i = last + 1


def _text(line: str | None) -> str:
    return "" if line is None or "\t" in line else line.strip(" \f\u3000")


def _wraps(line: str, following: str, width: tuple[int, int]) -> bool:
    """Whether `following` is the rest of `line`, which the page wrapped."""
    if not line or not following or _NOT_A_WRAP.match(following) or line.endswith(("。", "．")):
        return False
    return width[0] - _SLACK <= display_width(line) <= width[1]
