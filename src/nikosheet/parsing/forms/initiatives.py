"""Section 1's 取組内容 list when the statistics below it are a pipe table (markitdown, pymupdf4llm on a
PDF): its items made list items.

The template draws the list's bullets, so PDF text writes its items as plain lines, one after
another (markitdown) or as paragraphs with only some of them marked (pymupdf4llm).  Between the
取組内容 caption and the 基本情報 caption each line is an item; a line the page wrapped (after a line
that fills the page's width) goes on in the item above, and a `→` line stays the item's next line:

    取組内容                                ## 取組内容
    障害保健福祉圏域ごとの「協議の場」の設置      →   - 障害保健福祉圏域ごとの「協議の場」の設置
    市町支援アドバイザーの派遣                   - 市町支援アドバイザーの派遣
    基本情報（都道府県等情報）                     ## 基本情報（都道府県等情報）

(With the statistics written a cell per line, `cell_lines_statistics` does the same, and its reading
of the items is the one used here.)
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.cell_lines_statistics import mark_items  # the same list, read alike
from nikosheet.parsing.lines import squeeze

_CAPTION = re.compile(r"\A[#\s]*(取組内容|取り組み内容|取組の内容)\s*$")
_ITEM = re.compile(r"[-*+][ \u3000]|[・･]")


def apply(state: FormState) -> None:
    """The 取組内容 lines as list items, the captions as sub-headings."""
    if not signals.initiatives(state.source):
        return
    lines = state.lines
    found = next(((i, m) for i, line in enumerate(lines) if line and (m := _CAPTION.match(line))), None)
    if found is None:
        return
    at, caption = found
    items: list[int] = []
    for i in range(at + 1, min(at + 40, len(lines))):
        text = (lines[i] or "").strip(" \t\f\u3000")
        if not text:
            continue
        if squeeze(text).lstrip("#").startswith("基本情報"):
            below = i
            break
        if "\t" in text or text[0] in "|<":
            return  # a table before the caption below: not the list's place
        items.append(i)
    else:
        return
    if items and _ITEM.match((lines[items[0]] or "").strip()):
        _arrow_lines(lines, items)
    elif items:  # the list's bullets were not written
        lines[at] = "## " + caption.group(1)
        mark_items(state, items)
        if not (lines[below] or "").lstrip().startswith("#"):
            lines[below] = "## " + (lines[below] or "").strip(" \t\f\u3000")


def _arrow_lines(lines: list[str | None], items: list[int]) -> None:
    """A `- →…` item (pymupdf4llm marks every line an item): the next line of the item above (`<br>`,
    as the samples' form's Markdown line break reads)."""
    for above, at in itertools.pairwise(items):
        text = (lines[at] or "").strip()
        bullet = _ITEM.match(text)
        if bullet and text[bullet.end() :].lstrip().startswith("→") and lines[above]:
            lines[above] = f"{(lines[above] or '').rstrip()}<br>{text[bullet.end() :].lstrip()}"
            for k in range(above + 1, at + 1):
                lines[k] = None
