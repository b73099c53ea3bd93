"""A PDF's text outside the tables: lines the page wrapped joined back, paragraphs told apart.

pdftotext, PyMuPDF, pypdf, pdfplumber, markitdown and the like write a PDF's text a line per printed line, with
no blank line between paragraphs: a paragraph the page wrapped is cut at the page's width, and a
figure's short labels or a list of short paragraphs run together.  The page's width tells them
apart: a line as wide as the page's text goes on in the next line, and a line short of it ends its
paragraph:

    県内の精神科病院には1年以上の長期入院者が多く、退院後の住まいや日中活動の場の不足が地域移行の課題となって
    いる。                                 →  one paragraph: …課題となっている。
    柏市「にも包括」推進体制
    協議の場                               →  a paragraph each
    代表者会議

A full line that stops inside a sentence is joined to the line it continues (Japanese without a
space; a full line that ends a sentence keeps its paragraph, the next on a line of its own); a line
short of full by the next line's first Western word, which the page does not cut (`…10年前の` /
`1.6倍…`), is full; a line that opens a series' next item (`柱２　…` after `柱１　…`) is never joined; a line
that opens with `①` after a sentence's end, or with the next number in a paragraph such an item opened, is a
list's item, a paragraph of its own (`…抽出いたしました。` / `①「誰もが…」` / `②…`; not a reference, `①の取組を…`,
`①～③の項目は…`); a line
after one short of the page's width is marked a paragraph of its own (`FormState.alone`).  pdfminer
may write a blank line between a full line and its rest: passed over, unless the full line ends at a
closing bracket (a figure's title, `…（イメージ）`).  The page's width is the source's, before other
forms joined lines.  Headings, bullets, circled numbers and marker lines (※, 【, ＜) are never joined
to the line above, nor are table rows or the paragraphs `figure_text` made; nothing is joined to a
heading.  Only from section 2's title on (the preamble and section 1 have their own reading), and not
in a Word document's text (its paragraphs are whole lines) or a laid-out text (its lines are placed by
column, not wrapped at one width).
"""

from __future__ import annotations

import re

from nikosheet.parsing.cells import circled_reference
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import (
    CLOSING,
    PAGE_NUMBER,
    display_width,
    ends_sentence,
    goes_on,
    join_wrapped,
    next_in_series,
    page_width,
)
from nikosheet.parsing.forms.cell_lines_docx import paragraphs_unwrapped
from nikosheet.parsing.forms.lookalikes import folded
from nikosheet.parsing.forms.template_tables import HEADING, LABEL, SPACE
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import CIRCLED

_LABEL = compile_lazily(LABEL)
_SECTION_2 = "取組概要"  # in section 2's title: where the paragraphs this form reads begin
_WESTERN_WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%]*")
_SLACK = 4  # display columns: a full line may stop two characters short (line-breaking rules)
_BOX_SHARE = 0.85  # of the page's width: a framed box's measure at least (the template's frame is a little narrower)
# Word's list label before an item's text, a space after it (`\uf0b7 ・【…`, folded where the text was rebuilt
# from its printed lines: `・ ・【…`): a converter writes it one column wide or two, so the box's measure leaves
# it out (not an author's bullet, `・ 重層的…`, which is the text's own)
_LIST_LABEL = re.compile("^(?:\uf0b7 |・ (?=[・【]))")
_OWN = "・•●■◆◇□○◎★☆※【＜<#-*" + "".join(chr(c) for c in range(0x2460, 0x2474))  # a line's own start


def apply(state: FormState) -> None:
    """Join the page's wraps and mark the paragraphs from section 2's title on."""
    if not signals.page_wraps(state.source) or signals.layout_columns(state.source):
        return  # (laid-out text: its lines are indented by position, not wrapped at one width)
    source = state.source.split("\n")
    if paragraphs_unwrapped(source):
        return
    start = next((i for i, line in enumerate(source) if _SECTION_2 in line), None)
    if start is None:
        return
    lines = state.lines
    # the source's lines (forms before may have joined some); a third so wide, lest one odd line set it
    page = page_width([_text(line) for line in source[start:]], odd=2)
    if not page:
        return
    boxes = _box_widths(lines, source, start, page)
    head: int | None = None  # the line the paragraph being read is written at
    last = ""  # its last source line
    first = ""  # its first source line
    for i in range(start + 1, len(lines)):
        text = _text(lines[i])
        width = min(boxes.get(i, page), page)
        if text is None:
            if head is not None and lines[i] == "" and _wrapped_across(last, width):
                continue
            if head is not None and lines[i] is None and _taken_into(source[i], lines[head]):
                last = folded(source[i].strip(" \f\u3000"))  # (a form before joined it: the paragraph goes on)
                continue
            head = None
            continue
        if head is not None and PAGE_NUMBER.match(text) and _wrapped_across(last, width):
            continue  # a page's number between a page's wrap and its rest (layout: left where it is)
        if head is not None and text[0] not in _OWN and not HEADING.match(text):
            if _wrapped(last, text, width) and not next_in_series(first, text):
                lines[head] = join_wrapped(lines[head] or "", text)
                lines[i] = None
                last = text
                continue
            if display_width(last) < width - _SLACK:  # short: its paragraph ends (full, it ends a sentence)
                state.alone.add(i)
        elif head is not None and _item_after(first, last, text):
            state.alone.add(i)
        # a heading ends the paragraph and takes no line after it (a markdown heading is one line, and a
        # wrapped title is the headings' reading: what it takes it marks read)
        head, last = (None, "") if text[0] == "#" or HEADING.match(text) else (i, text)
        first = last


def _item_after(first: str, last: str, text: str) -> bool:
    """Whether a line that opens with a circled number is a list's item of its own: `①` after a sentence's
    end (`…以下の3項目を抽出いたしました。` / `①「誰もが…」→…`), or the next number in a paragraph the item
    before opened (`②` after `①`'s lines); not a reference (`①の取組を…`, `①～③の項目は…`)."""
    if text[0] not in CIRCLED or circled_reference(text[1:]):
        return False
    if first[:1] in CIRCLED:
        return CIRCLED.index(text[0]) == CIRCLED.index(first[0]) + 1
    return text[0] == CIRCLED[0] and ends_sentence(last)


def _box_widths(lines: list[str | None], source: list[str], start: int, page: int) -> dict[int, int]:
    """The measure of each line framed under a 【…】 label (the template sets 【特徴(強み)】's text in a box
    a little narrower than the page's prose), blank lines inside it too (pdfminer's, between its boxes):
    the region's widest line (its text's: Word's list label aside), where another line reaches it too
    (a single wide line may be a paragraph that happens to be long) and it is near the page's width
    (short lines are short paragraphs, not a box's measure).  The region runs to the next table row,
    heading or label."""
    out: dict[int, int] = {}
    i = start
    while i < len(lines):
        if not _label(lines[i]):
            i += 1
            continue
        first = i = i + 1
        while i < len(lines) and not _ends_box(lines[i]):
            i += 1
        texts = [k for k in range(first, i) if _text(lines[k]) is not None]
        # as printed (forms may have joined lines), a list's label aside: it stands in the text's indent
        widths = sorted(display_width(_LIST_LABEL.sub("", source[k].strip())) for k in texts)
        if len(widths) >= 3 and widths[-2] >= widths[-1] - _SLACK and widths[-1] >= page * _BOX_SHARE:
            out.update(dict.fromkeys(range(first, i), widths[-1]))
    return out


def _label(line: str | None) -> bool:
    """A 【…】 label: the template's, or one on its own (not an author's label opening a paragraph of the
    box, `【当事者の参画】ピアサポーター…`)."""
    return line is not None and _LABEL.match(line.lstrip("# ")) is not None


def _ends_box(line: str | None) -> bool:
    """A table row, a heading or the next label: where a 【…】 label's box ends."""
    if line is None or not line.strip():
        return False
    return "\t" in line or line.startswith(("|", "#")) or _label(line) or bool(HEADING.match(line.strip()))


def _wrapped(last: str, text: str, width: int) -> bool:
    """Whether the page wrapped `last` before `text`: `last` stops inside a sentence and fills the page's
    width, or would with the first Western word of `text` (`1.6`, `SOS`), which the page does not cut (a
    line ends short by it where the word did not fit: `…いずれも10年前の` / `1.6倍前後に増えている。`)."""
    found = _WESTERN_WORD.match(text)
    return not ends_sentence(last) and goes_on(last + (found[0] if found else ""), width - _SLACK)


def _wrapped_across(last: str, width: int) -> bool:
    """Whether a blank line after `last` is pdfminer's between a page's wrap and its rest: `last` is
    full and stops inside a sentence, not at a closing bracket (a figure's title, `…（イメージ）`)."""
    return goes_on(last, width - _SLACK) and not last.endswith(tuple(CLOSING))


def _taken_into(source: str, line: str | None) -> bool:
    """Whether a source line's text is in the line a form before joined it to (`wrapped_items`: a list's
    item and its wrapped lines), so that the paragraph may go on after it."""
    text = SPACE.sub("", folded(source))
    return bool(text) and line is not None and text in SPACE.sub("", line)


def _text(line: str | None) -> str | None:
    """A text line's text (None for a blank line, a table row or a line already taken)."""
    if line is None or "\t" in line or line.startswith(("|", "<p>")):  # a row, a paragraph `figure_text` made
        return None
    return line.strip() or None
