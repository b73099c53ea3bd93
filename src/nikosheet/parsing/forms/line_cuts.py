"""A printed line's words cut into its table's columns, at the least cost.

pdfplumber (`visual_rows`) and LibreOffice PDFs read by pdfplumber or markitdown (`centred_rows`)
write a table a printed line at a time: a piece of every cell of the row, joined by spaces.  The
line's words are cut into the columns by dynamic programming over what each cut costs: a piece
wider than its column, a cell that ended going on, a list item inside a text, a space inside a cell;
and how sure it is that a column's piece goes on in the next line (it fills its column, leaves a
bracket open, ends on a particle).
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, CIRCLED, MONTH_CUT, SECTION, Piece, Table, unclosed
from nikosheet.parsing.forms.wrapped_cells import counted
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import AS_ABOVE

_ASIDE = 1.0  # a new cell in a column other than the one new cells rather start in
_INSIDE_AFTER = ","  # a space after it is the author's, inside a cell: `保健, 医療` (a Japanese comma has none)
TOLERANCE = 2  # display columns: a line may stop short of its column (a word or bracket that did not fit)
INF = float("inf")
_PAGE_NUMBER = re.compile(r"[-－]?\s?[0-9０-９]{1,3}\s?[-－]")  # `- 5 -`, `5 -`
_COUNT = re.compile(r"[0-9０-９][0-9０-９,，.]{0,12}[^\s0-9０-９・]{1,3}")  # a number and its unit: `80人`, `3病院`
Line = list[str]  # one visual line's pieces, a column each ('' where the column has none)


def without_page_numbers(tokens: list[Piece]) -> list[Piece]:
    """A table's lines but the page numbers a page break put between them (layout)."""
    return [t for t in tokens if not _PAGE_NUMBER.fullmatch(t[1])]


def literal_start(cell: str) -> str:
    """The first characters a header cell's regex spells out: what its first word starts with."""
    return re.sub(r"[\\(（\[)?].*", "", cell.replace("(?:", ""))[:2]


def units_of(text: str, table: Table) -> list[str]:
    """The line's words, a word after a comma or a meeting's count kept with it (`保健, 医療`,
    `第2回 推進会議`: one cell's text) unless a pivot starts there (`基幹相談センター, 年6回`), and a
    bullet the line ends before its item with the word before it (`全体調整 ・`)."""
    out: list[str] = []
    words = text.split()
    for k, word in enumerate(words):
        if (
            out
            and (word in BULLET or out[-1].endswith(_INSIDE_AFTER) or counted(out[-1]))
            and not any(p.match(" ".join(words[k:])) for p in table.pivots)
        ):
            out[-1] += " " + word
        else:
            out.append(word)
    return _with_section(out, table) if table.dense else out


def _with_section(units: list[str], table: Table) -> list[str]:
    """A department table's line units, a section kept with the office before it at the line's start
    (`健康福祉局 地域包括ケア推進課`, `各区福祉保健センター 高齢・障害支援課`: one name, a space apart, never
    a name and the first of its duties)."""
    if len(units) < 2 or not _SECTION.fullmatch(units[1]) or "の" in units[1] or units[1].endswith(_NO_SECTIONS):
        return units  # (`の`: a phrase, a duty's; `家族教室`: an activity)
    name = f"{units[0]} {units[1]}"
    whole = table.pivots[0].match(name)
    return [name, *units[2:]] if whole is not None and whole.end() == len(name) and not unclosed(name) else units


_SECTION = compile_lazily(SECTION)
_NO_SECTIONS = ("教室",)  # words that end as a section's name does but are a duty's (`家族教室`)


def last_fills(texts: list[str]) -> bool:
    """Whether a cell's last line is as wide as its widest (the cell filled its column to its end)."""
    widths = [display_width(text) for text in texts]
    return widths[-1] >= max(widths) - TOLERANCE


def breaks(units: list[str]) -> int:
    """The spaces between the units that may part two cells (not before a bullet)."""
    return sum(1 for unit in units[1:] if unit[0] not in BULLET)


_OPEN = 30.0  # a piece that leaves a bracket open, or a sector word cut short: its rest comes next
_FULL = 10.0  # a piece that fills its column
_FULL_OPEN = 15.0  # a piece that fills its column and ends on a particle or a comma
_OPEN_ENDS = ("の", "を", "が", "に", "は", "と", "で", "や", "へ", "、", "，", ",", "・")
_OVER = 50.0  # a piece wider than its column
_EMPTY = 5.0  # a row's first line without a piece of the column: an empty cell
NEW_CELL = 12.0  # a piece in a column whose cell ended above, not a new item
_INTO_TEXT = NEW_CELL  # a list item right after a text that wrapped: the text ended there


def column_goes_on(table: Table, piece: str, width: int, pivot: bool) -> float:
    """How sure it is that a column's piece goes on in the next line (what it costs to leave the
    column empty there): it leaves a bracket open, fills its column (more so ending on a particle),
    or not (0.0); a pivot by what it is (a year, a frequency, a department's name is whole; an
    indicator's name wraps as any text; a sector word cut short goes on)."""
    if not piece:
        return 0.0
    if unclosed(piece):
        return _OPEN
    if pivot:
        if MONTH_CUT.search(piece) and table.pivots[0].fullmatch(piece):  # `R6年12月〜R7年1`: its `月` below
            return _OPEN
        m = table.pivots[0].match(piece)
        word = piece.strip("【】")
        if table.full:
            return _OPEN if word not in table.full and any(w.startswith(word) for w in table.full) else 0.0
        if m is not None and m.end() == len(piece) and not CIRCLED.match(piece):
            return 0.0
    if display_width(piece) < width - TOLERANCE - 1 or piece.endswith("。"):
        return 0.0
    fill = min(1.0, display_width(piece) / max(1, width))  # of two full pieces, the fuller goes on
    return (_FULL_OPEN if piece.endswith(_OPEN_ENDS) else _FULL) * fill


def cut_line(
    words: list[str],
    widths: list[int],
    soft: set[int],
    state: tuple[list[float], list[bool]],
    fresh: list[bool],
    pivot_at: tuple[int, int],
    pivot_column: int,
    counts: bool | tuple[int, ...] = False,
    lean: int = -1,
) -> tuple[Line, float]:
    """A line's words as the columns' pieces, at the least cost (see `_over_cost` and `_Runs.inner`;
    `state`: how sure it is that each column goes on, and whether its cell holds a list; `counts`: a
    count after a word is rather that word's, where a row's cells start on its first line: `参加者
    80人` (in every column, or in the columns given: a value's); `lean`: the column a new cell rather
    starts in, where none goes on: a history year's next event, not its commission)."""
    going_on, listed = state
    n, columns = len(words), len(widths)
    best = [[INF] * (n + 1) for _ in range(columns + 1)]
    back = [[0] * (n + 1) for _ in range(columns + 1)]
    best[0][0] = 0.0
    runs = _Runs(words)
    for c in range(columns):
        empty = _EMPTY + 0.1 * (columns - c) if fresh[c] else going_on[c]  # rather a later cell empty
        open_cell = (going_on[c] > 0 or fresh[c], listed[c] or fresh[c])
        counted_here = counts if isinstance(counts, bool) else c in counts
        for i in range(n + 1):
            if best[c][i] == INF:
                continue
            for j in range(i, n + 1):
                if c == pivot_column and pivot_at[0] >= 0 and (i != pivot_at[0] or j - i < max(1, pivot_at[1])):
                    continue
                if c == pivot_column and pivot_at[1] and j - i > pivot_at[1]:
                    continue
                if j > i:
                    piece = _over_cost(runs.size(i, j), widths[c], c in soft) + runs.inner(
                        i, j, open_cell, counted_here
                    )
                else:
                    piece = empty
                if j > i and lean >= 0 and c != lean and not open_cell[0]:
                    piece += _ASIDE
                if best[c][i] + piece < best[c + 1][j]:
                    best[c + 1][j], back[c + 1][j] = best[c][i] + piece, i
    pieces: Line = []
    end = n
    for c in range(columns, 0, -1):
        begin = back[c][end]
        pieces.append(" ".join(words[begin:end]))
        end = begin
    return pieces[::-1], best[columns][n]


def _over_cost(size: int, width: int, soft: bool) -> float:
    """What it costs to read words of the size as one column's piece of a line: wider than the column
    (`soft`: the column's width is a guess)."""
    over = size - width - TOLERANCE
    if over > 0:
        return over / 2 if soft else _OVER + over
    return 0.0


class _Runs:
    """A line's runs of words: each run's width and what it costs but for its width (see `inner`),
    from sums over the line's words found once.  Summed afresh for each run, a line of n words took n³
    steps (a hostile line of 600 words: minutes); the costs are halves, so the sums are exact."""

    __slots__ = ("arrows", "pairs", "widths", "words")

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.widths = [0, *itertools.accumulate(map(display_width, words))]
        self.arrows = [0, *itertools.accumulate(w == AS_ABOVE for w in words)]
        self.pairs = {
            counts: [0.0, *itertools.accumulate(_pair_cost(a, b, counts) for a, b in itertools.pairwise(words))]
            for counts in (False, True)
        }

    def size(self, i: int, j: int) -> int:
        """The printed width of words `i` to `j` (not included), a space between each two."""
        return self.widths[j] - self.widths[i] + j - i - 1

    def inner(self, i: int, j: int, open_cell: tuple[bool, bool], counts: bool) -> float:
        """What else it costs to read words `i` to `j` (not included) as one column's piece of a line
        (`open_cell`: the column's cell goes on, or starts, there, and its cell holds a list or starts
        there): a cell that ended going on (but for a new list item, rather in a list), a list item in
        a text, a space inside a cell, `↓` (as above) with other words (it is a cell of its own)."""
        cost = _first_cost(self.words[i], open_cell)
        if j - i > 1 and self.arrows[j] > self.arrows[i]:
            cost += _OVER
        pairs = self.pairs[counts]
        return cost + (pairs[j - 1] - pairs[i])


def _first_cost(word: str, open_cell: tuple[bool, bool]) -> float:
    goes_on, in_list = open_cell
    if word[0] in BULLET:
        return (0.0 if in_list else _INTO_TEXT) if goes_on else (1.0 if in_list else 2.0)
    return 0.0 if goes_on else NEW_CELL


def _pair_cost(a: str, b: str, counts: bool) -> float:
    """Two words side by side in one piece: a space inside a cell (less where it is the author's)."""
    inside = a.endswith(_INSIDE_AFTER) or (a[-1].isdigit() and _unit(b)) or (counts and _count_after(a, b))
    return (0.5 if inside else 2.5 if b[0] in BULLET else 4.0) + (_NUMBER_LEADS if a.isdigit() and not inside else 0.0)


def _unit(word: str) -> bool:
    """Whether a word may be the unit after a number (`20 件`, `3 病院`), not a text's next words."""
    return not word[0].isdigit() and display_width(word) <= _UNIT_WIDTH


_UNIT_WIDTH = 6  # display columns: a unit's three characters at most (`病院`, `か所`)
_NUMBER_LEADS = 4.0  # a bare number before a text: rather the end of the cell before (`開始 20` / `件`)


def _count_after(before: str, word: str) -> bool:
    """A count after its label (`参加者 80人`, `退院者数 30人`): a target's or an actual's one item."""
    return not before[-1].isdigit() and before[-1] not in "回月" and _COUNT.fullmatch(word) is not None


def join_pieces(pieces: list[str]) -> str:
    """A cell's pieces as one text: Japanese joined without a space, a list item, Latin words and a
    comma's next word (`センター,` / `事務局`: the wrap took the author's space) after one."""
    text = ""
    for piece in pieces:
        latin = text[-1:].isascii() and text[-1:].isalnum() and piece[0].isascii()
        text += " " if text and (piece[0] in BULLET or text.endswith(_INSIDE_AFTER) or latin) else ""
        text += piece
    return text
