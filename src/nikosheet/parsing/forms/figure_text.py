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
the page).  A line led by a bullet mark (`◆ 地域生活…`) is a list item (`- ◆ 地域生活…`), alone too
(pdfminer writes each a box of its own).  In a Word document's Markdown (pandoc's, markitdown's: its
paragraphs whole, a blank line after each), a paragraph's lines are one paragraph: a line pandoc wrapped
at a space joined by that space, a line its author broke (a hard break: two spaces or `\\` at its end)
kept a line of it (`保健相談所（6か所）` / `身近な相談・訪問`).  The same goes for
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
from nikosheet.parsing.forms.cell_lines_docx import paragraphs_unwrapped
from nikosheet.parsing.forms.template_tables import OVERVIEW_TITLE

_COORDINATION = re.compile(r"のための連携状況")  # section 6's title
# where section 2 ends: the next heading, its title or its number alone (markup around it allowed)
_END = re.compile(
    r"^[#\s]*(?:<mark>)?[0-9０-９]{1,2}(?:</mark>)?(?:[.．]?(?:\s|$)|[.．](?=精神障害にも))|^精神障害にも対応した地域包括ケア"
)  # a number and a dot right before the title, too (`３．精神障害にも…`)
_MARKED = re.compile(r"^[◆◇■□●○◎★☆]\s")
_BOXES = 2  # runs of a figure that show whether it stands a paragraph at a time
_HARD_BREAK = re.compile(r"(?:  |\\)$")  # a Markdown line's hard break: the author's
_BOX_LINES = 2  # lines a box holds, on average, where the figure stands so
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
    # a Word document's text: its paragraphs whole (pymupdf4llm's are a PDF's lines it joined, and
    # markitdown's pipe rows of a PDF's table may be wider than its page)
    prose = [line for line in state.source.split("\n") if not line.lstrip().startswith("|")]
    unwrapped = not signals.wrap_spaces(state.source) and paragraphs_unwrapped(prose)
    for start in _figure_starts(lines):
        runs = _runs(lines, start)
        boxed = unwrapped and _boxed(lines, runs)
        for run in runs:
            _rewrite(state, run, width, boxed)


def _runs(lines: list[str | None], start: int) -> list[list[int]]:
    """The runs of prose lines of the figure after line `start`, up to the next section."""
    runs: list[list[int]] = [[]]
    for i in range(start + 1, len(lines)):
        line = lines[i]
        text = "" if line is None else line.strip(" \t\f\u3000")
        if text and _END.match(text):
            break
        if _plain(line, text):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _boxed(lines: list[str | None], runs: list[list[int]]) -> bool:
    """Whether the figure's text stands a paragraph at a time, a blank line after each (a Word document's
    Markdown, its paragraphs whole: pandoc's, markitdown's): then a run's lines are one paragraph's, one
    text.  (A PDF's boxes are no such paragraphs: pdfminer may put two of a figure's boxes in one, `住まい` /
    `就労・日中活動`.)"""
    if len(runs) < _BOXES:
        return False
    apart = sum(1 for run in runs if run[-1] + 1 >= len(lines) or not (lines[run[-1] + 1] or "").strip())
    return apart * 4 >= len(runs) * 3 and sum(map(len, runs)) <= len(runs) * _BOX_LINES


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


def _rewrite(state: FormState, run: list[int], width: int, boxed: bool) -> None:
    """A run of prose lines as paragraphs, each at its first line (`boxed`: a Word paragraph's lines, one
    paragraph); a lone line is left as it is, but a list's item (`◆ …`)."""
    raw = {i: state.lines[i] or "" for i in run}
    texts = {i: line.strip(" \t\f\u3000") for i, line in raw.items()}
    if len(run) < 2:
        if _MARKED.match(texts[run[0]]):  # a list's item alone (pdfminer writes each a box of its own)
            state.lines[run[0]] = f"- {texts[run[0]]}"
        return
    paragraphs: list[list[int]] = []
    items = False  # a list's items or a series' among the lines: each a paragraph, even in a box
    for i in run:
        above = texts[paragraphs[-1][-1]] if paragraphs else ""
        tail = _tail(above, texts[i])
        opens = bool(paragraphs) and next_in_series(texts[paragraphs[-1][0]], texts[i])
        items = items or opens or _MARKED.match(texts[i]) is not None
        if paragraphs and (goes_on(above, width) or tail) and not (_MARKED.match(texts[i]) or opens):
            paragraphs[-1].append(i)
        else:
            paragraphs.append([i])
    if boxed and not items:
        _word_paragraph(state, paragraphs, texts, raw)
        return
    for indexes in paragraphs:
        text = _joined(state, indexes, texts)
        state.lines[indexes[0]] = f"- {text}" if _MARKED.match(text) else f"<p>{text}</p>"


def _word_paragraph(state: FormState, paragraphs: list[list[int]], texts: dict[int, str], raw: dict[int, str]) -> None:
    """A Word paragraph's lines as one paragraph: a line its author broke (Markdown's hard break, two spaces
    or `\\` at its end) a line of its own, as the samples' form keeps it; a line pandoc wrapped at a space
    joined to the line above by that space."""
    head = above = -1  # the line the text is written at, and the last line of the paragraph above
    for indexes in paragraphs:
        text = _joined(state, indexes, texts)
        if head >= 0 and not _HARD_BREAK.search(raw[above]):
            state.lines[head] = f"{state.lines[head]} {text}"
            state.lines[indexes[0]] = None
        else:
            state.lines[indexes[0]] = text
            head = indexes[0]
        above = indexes[-1]


def _joined(state: FormState, indexes: list[int], texts: dict[int, str]) -> str:
    """A paragraph's lines the page wrapped joined into its first (the others taken out)."""
    text = texts[indexes[0]]
    for i in indexes[1:]:
        text = join_wrapped(text, texts[i])
        state.lines[i] = None
    return text


def _tail(above: str, text: str) -> bool:
    """Whether a line is the end of the sentence above, the page's wrap however short the line above:
    its last kana or a particle's start (see `_TAIL`), or the close of the bracket the line above left
    open (`…（いずれもR6年3月` / `末）`)."""
    if above.endswith("。"):
        return False
    return _TAIL.fullmatch(text) is not None or (unbalanced(above) > 0 and unbalanced(text) < 0)
