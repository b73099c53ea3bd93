"""Helpers more than one form needs: one definition each."""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Sequence

from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.typography import NO_LINE_START, starts_hiragana
from nikosheet.vocabulary import GOAL_LABELS


def put_lines(lines: list[str | None], start: int, end: int, out: list[str]) -> bool:
    """Lines `start`..`end` (exclusive) rewritten as `out`, the lines left over taken (None): whether
    `out` fits in them (else nothing is written)."""
    if len(out) > end - start:
        return False
    for i in range(start, end):
        lines[i] = None
    for k, text in enumerate(out):
        lines[start + k] = text
    return True


def is_pipe_row(line: str) -> bool:
    """`| a | b |`: a markdown pipe row (a separator row too)."""
    text = line.strip()
    return len(text) >= 2 and text[0] == "|" and text[-1] == "|"


def is_pipe_separator(line: str) -> bool:
    """`|---|:---:|`: a markdown table's separator row, layout only."""
    text = line.strip()
    if "---" not in text or not is_pipe_row(text):  # every cell of a separator holds three dashes
        return False
    cells = [c.strip().strip(":") for c in text[1:-1].split("|")]
    return all(len(c) >= 3 and not c.strip("-") for c in cells)


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe row, stripped of surrounding white space."""
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def char_width(ch: str) -> int:
    """The columns a character takes in a converter's aligned text: 2 for wide (W, F), else 1."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class _Widths(dict[str, int]):
    """Each character's width, worked out once: `sum(map(widths.__getitem__, text))` stays in C."""

    def __missing__(self, ch: str) -> int:
        self[ch] = width = char_width(ch)
        return width


_WIDTHS = _Widths()


def display_width(text: str) -> int:
    """The columns the text takes in a converter's aligned text (wide characters count 2)."""
    return len(text) if text.isascii() else sum(map(_WIDTHS.__getitem__, text))


# a number's era or year, or a count's own word (`全18病院`, `第2回`, `計24回`), before it: never a space between
_BEFORE_NUMBER = ("令和", "平成", "昭和", "年", "全", "第", "計", "約")


def join_wrapped(head: str, tail: str, chopped: bool = True) -> str:
    """Two pieces of one text a converter wrapped.  Where the wrap may have cut a word (`chopped`:
    the words at the break are wider together than the line), nothing between two wide characters
    (Japanese wraps anywhere), two ASCII letters or digits (`R` / `6年度`) or a number and the Japanese
    after it (`55` / `にする。`, `R6` / `年4月`, `4` / `地域の…`: an author rarely spaces them, and a space
    so written at a wrap is lost), a date's or a count's era or unit, or a hiragana (a particle, a word's
    kana end: Japanese puts no space before a number), and the number after it (`令和` / `3年度`, `年` /
    `30回`, `10年前の` / `1.6倍`, `（延べ` / `14回）`, `（全` / `18病院）`); else a space (`新規利用` / `15人`)."""
    if not head or not tail:
        return head or tail
    a, b = head[-1], tail[0]
    if chopped and ((char_width(a) == 2 and char_width(b) == 2) or (_is_ascii_alnum(a) and _is_ascii_alnum(b))):
        return head + tail
    if chopped and a.isascii() and a.isdigit() and char_width(b) == 2:  # `4` / `地域の…`, `55` / `にする。`
        return head + tail
    if chopped and b.isascii() and b.isdigit() and (head.endswith(_BEFORE_NUMBER) or starts_hiragana(a)):
        return head + tail  # a date or a count cut at its number (`令和` / `3年度`, `年` / `30回`, `前の` / `1.6倍`)
    return f"{head} {tail}"


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def cell_line(pieces: list[tuple[str, bool]]) -> str:
    """A cell's paragraphs and list items (text, is an item) on one line, as the DOCX reader writes
    them: two or more items and nothing else as `<ul><li>…</li></ul>`, else joined by `<br>`."""
    texts = [text for text, _ in pieces if text]
    if len(texts) > 1 and all(item for text, item in pieces if text):
        return "<ul>" + "".join(f"<li>{t}</li>" for t in texts) + "</ul>"
    return "<br>".join(texts)


def paragraphs_a_line(lines: Sequence[str | None]) -> list[int]:
    """The prose lines of a Word document's text that each are a paragraph of their own: every line but a
    table's row and a line that opens with an arrow (`→地域課題の抽出…`: the rest of the item above, after
    the line break its author set inside it)."""
    return [i for i, line in enumerate(lines) if line and line.strip() and "\t" not in line and line.lstrip()[0] != "→"]


def page_width(lines: Sequence[str | None], odd: int = 0) -> int:
    """The widest line of prose (no tab, no run of spaces), in display columns: a PDF page's width;
    `odd`: how many of the widest lines to pass over, so that a line a converter ran on does not set it."""
    prose = (line.strip() for line in lines if line and "\t" not in line)
    widths = heapq.nlargest(odd + 1, (display_width(text) for text in prose if "  " not in text))
    return widths[-1] if widths else 0


def ends_sentence(text: str) -> bool:
    return text.endswith(("。", "．", "."))


def goes_on(text: str, width: int) -> bool:
    """Whether a PDF's line was wrapped by the page: it fills `width` and stops inside a sentence."""
    return display_width(text) >= width and not ends_sentence(text)


# a numbered item's lead (`柱１　`): a word of its own, no era's (`令和5 年度`, `R5 年度`: a year, autospaced)
_SERIES = compile_lazily(r"(?!令和|平成|昭和)([^\s0-9０-９A-Za-z]{1,3})([0-9０-９]{1,2})[\s\u3000]")


def next_in_series(first: str, text: str) -> bool:
    """Whether a line opens the item after the one a paragraph opened (`柱１　…`, `柱２　…`), however full
    the paragraph's last line: a series' next item, not the page's wrap."""
    this, that = _SERIES.match(first), _SERIES.match(text)
    if this is None or that is None or this[1] != that[1]:
        return False
    return int(that[2]) == int(this[2]) + 1  # (int reads full-width digits too)


KANA_WORDS = ("にも包括", "ひきこもり")  # the sheets' words that start with a kana: a cell may start so
# a line that starts with a particle or a word's kana end, as no event does (`への訪問を始めた`, `て開始`,
# `を希望する…`, `づけ、…`; not `にも包括…`, an event's own start)
REST_START = r"(?:[をへてがではづっ]|に(?!も))"
# a word's last kanji, a particle and a word (`域に協議の場を設置`, `標に反映`): a line that starts so goes on a word
# the line above cut
KANJI_PARTICLE_WORD = compile_lazily("[\u4e00-\u9fff][にのをがでとへ][\u4e00-\u9fff\u30a1-\u30fa]")
OPENING = "(（「『［["
CLOSING = ")）」』］]"


def unbalanced(text: str) -> int:
    """Brackets opened and not closed (negative: closed and not opened)."""
    return sum(text.count(c) for c in OPENING) - sum(text.count(c) for c in CLOSING)


def room_left(line: str, below: str, width: int) -> bool:
    """Whether a history cell's line of full-width characters stopped with room for the first character
    of the line below, which no rule kept off it (a mark that starts no line, that one or the one after
    it; an opening bracket): the cell ended there, and the line below is the year's next event.  In a
    column 33 characters wide (`width`, display columns)

        新型コロナウイルス感染症の影響により圏域会議を書面開催へ切り替え
        オンラインによるピアサポーター活動報告会を試行

    are two events (`オ` would have stood on the first line), where `…調査（県内41病` / `院）を実施` is one
    (`院` went down with the `）` after it).  A line with a half-width character or a bracket is left
    alone: how wide the page set it is not known (a font may set `「」（）` narrower)."""
    return (
        display_width(line) == 2 * len(line)
        and width - display_width(line) >= 2
        and not any(c in OPENING or c in CLOSING for c in line)
        and display_width(below[:1]) == 2
        and below[0] not in NO_LINE_START
        and below[0] not in OPENING
        and below[1:2] not in NO_LINE_START
    )


_DEPARTMENT_ENDS = ("課", "室", "係", "所", "センター", "担当", "班")  # not 部 or 局: a 課's parent, which may wrap


def is_department(name: str) -> bool:
    """A department's whole name (`保健所保健予防課`, `生活援護室`, `精神保健福祉センター`)."""
    name = _DEPARTMENT_NOTE.sub("", name)
    return 0 < len(name) <= 24 and name.endswith(_DEPARTMENT_ENDS)


_DEPARTMENT_NOTE = compile_lazily(r"[（(][^（()）]{1,12}[)）]$")  # `（6か所）`, `（北・中・東・南）`


# a page's number alone on its line (layout: `7`, `2 / 9`), or a section's number alone
PAGE_NUMBER = compile_lazily(r"^[0-9０-９]{1,3}(?:\s*/\s*[0-9０-９]{1,3})?$")
GOAL_RE = compile_lazily(f"(?:{'|'.join(GOAL_LABELS)})(?:[(（][^)）]*[)）])?")  # a schedule's goal label

# a particle right after a date: the date is a sentence's first words (`令和5年度の意向調査では`), no cell
PARTICLE = r"(?:[のにはをがでも](?![\u3041-\u3096])|では|には|において|にかけて|まで|から)"


def put_boxes(
    lines: list[str | None], region: list[list[tuple[int, str, bool]]], order: list[list[tuple[int, str, bool]]]
) -> bool:
    """The region's boxes (runs of lines, each line's index and text first) written in a new `order`, in
    the lines the region held, a blank line between two boxes while there is room for one (the lines
    left over taken): whether they fit (else nothing is written)."""
    slots = list(range(region[0][0][0], region[-1][-1][0] + 1))
    texts = sum(len(box) for box in order)
    if texts > len(slots):
        return False
    blanks = len(slots) - texts
    for i in slots:
        lines[i] = None
    at = 0
    for box in order:
        for _, text, _ in box:
            lines[slots[at]] = text
            at += 1
        if at < len(slots) and blanks:
            lines[slots[at]] = ""
            at += 1
            blanks -= 1
    return True
