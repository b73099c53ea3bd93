"""The figures' text: each box a paragraph of its own, a paragraph the page wrapped made whole.

Text taken from a PDF (pdftotext, pdfminer, PyMuPDF, pypdf, pypdfium2, pdfplumber, their layout
modes, markitdown) writes the overview's lines one after the other with no blank line between: the
boxes of its figure and a paragraph wrapped at the page's width look alike.  A line that fills the
page's width (the widest prose line of the text, less two characters) and does not end a sentence
goes on in the next line; any other line ends its paragraph:

    川口市における…（イメージ）                    <p>川口市における…（イメージ）</p>
    精神障害の有無や…医療、保          →         <p>精神障害の有無や…医療、保健、…構築します。</p>
    健、障害福祉、…構築します。
    代表者会議                                     <p>代表者会議</p>

A line that is a sentence's short end (`る。`, `を決定する。`) or closes the bracket the line above left open
(`…（いずれもR6年3月` / `末）`) goes on the line above however short of the page's width (a box narrower than
the page).  A line led by a bullet mark (`◆ 地域生活…`) is a list item (`- ◆ 地域生活…`).  The same goes for
the figure that often follows section 6's tables (its roles, `川口市役所内での主な役割分担`), once
those tables are rows.  The rest of the sheet is left alone: elsewhere, lines with no blank between
are one paragraph, as the template's free text is written.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import (
    REST_START,
    goes_on,
    join_wrapped,
    next_in_series,
    page_width,
    unbalanced,
)
from nikosheet.parsing.forms.template_tables import OVERVIEW_TITLE

_COORDINATION = re.compile(r"のための連携状況")  # section 6's title
# where section 2 ends: the next heading, its title or its number alone (markup around it allowed)
_END = re.compile(
    r"^[#\s]*(?:<mark>)?[0-9０-９]{1,2}(?:</mark>)?(?:[.．]?(?:\s|$)|[.．](?=精神障害にも))|^精神障害にも対応した地域包括ケア"
)  # a number and a dot right before the title, too (`３．精神障害にも…`)
_MARKED = re.compile(r"^[◆◇■□●○◎★☆]\s")
_SLACK = 4  # columns: a full line may stop two wide characters short (a word that did not fit)
# a sentence's last kana alone on a line (`る。`), or its short end that starts with a particle (`を決定する。`;
# a box's name may start with such a kana, `はたらく部会`, but is no sentence): no box of a figure, the end of
# the line above that the page wrapped, however short of the page's width that line seems (a figure's box
# narrower than the page)
_TAIL = re.compile(rf"[\u3041-\u3096]{{1,2}}。|{REST_START}[^\s。]{{0,6}}。")


def apply(state: FormState) -> None:
    """Split the figures' runs of lines into paragraphs and join the lines a paragraph wrapped."""
    if not signals.figure_text(state.source):
        return
    lines = state.lines
    width = page_width(state.source.split("\n")) - _SLACK  # the source's: forms before may have joined lines
    for start in _figure_starts(lines):
        run: list[int] = []
        for i in range(start + 1, len(lines)):
            line = lines[i]
            text = "" if line is None else line.strip(" \t\f\u3000")
            if text and _END.match(text):
                break
            if _plain(line, text):
                run.append(i)
                continue
            _rewrite(state, run, width)
            run = []
        _rewrite(state, run, width)


def _figure_starts(lines: list[str | None]) -> list[int]:
    """Where a figure's text starts (after the line given): section 2's title, and in section 6 the
    last row of its tables (a figure often follows them), when they were read as rows."""
    starts = []
    for i, line in enumerate(lines):
        if line is not None and OVERVIEW_TITLE.search(line):
            starts.append(i)
            break
    for i, line in enumerate(lines):
        if line is not None and _COORDINATION.search(line):
            last = None
            for k in range(i + 1, len(lines)):
                text = (lines[k] or "").strip(" \f\u3000")
                if text and _END.match(text):
                    break
                if "\t" in (lines[k] or ""):
                    last = k
            if last is not None:
                starts.append(last)
            break
    return starts


def _plain(line: str | None, text: str) -> bool:
    """A line of prose: not blank, no table cell, no markup of its own."""
    return bool(text) and line is not None and "\t" not in line and text[0] not in "#|<-*・･"


def _rewrite(state: FormState, run: list[int], width: int) -> None:
    """A run of prose lines as paragraphs, each at its first line; a lone line is left as it is."""
    if len(run) < 2:
        return
    texts = {i: (state.lines[i] or "").strip(" \t\f\u3000") for i in run}
    paragraphs: list[list[int]] = []
    for i in run:
        above = texts[paragraphs[-1][-1]] if paragraphs else ""
        tail = _tail(above, texts[i])
        opens = bool(paragraphs) and next_in_series(texts[paragraphs[-1][0]], texts[i])
        if paragraphs and (goes_on(above, width) or tail) and not (_MARKED.match(texts[i]) or opens):
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    for indexes in paragraphs:
        text = texts[indexes[0]]
        for i in indexes[1:]:
            text = join_wrapped(text, texts[i])
            state.lines[i] = None
        state.lines[indexes[0]] = f"- {text}" if _MARKED.match(text) else f"<p>{text}</p>"


def _tail(above: str, text: str) -> bool:
    """Whether a line is the end of the sentence above, the page's wrap however short the line above:
    its last kana or a particle's start (see `_TAIL`), or the close of the bracket the line above left
    open (`…（いずれもR6年3月` / `末）`)."""
    if above.endswith("。"):
        return False
    return _TAIL.fullmatch(text) is not None or (unbalanced(above) > 0 and unbalanced(text) < 0)
