"""Tables written a visual line at a time: every line of the page holds a piece of each cell of its row.

pdfplumber (`extract_text`) writes a table as the page shows it: a line of text per printed line,
the pieces of the row's cells on that line joined by a space, a wrapped cell going on in the same
column of the lines below:

    名称 協議の場の構成員 開催頻度 実施内容 特記事項等(課題・強
    み等)
    川口市における精神障害 保健、医療、福祉関係 2回/年 ・地域課題の抽出及 現場実践において、各委員が
    にも対応した地域包括ケ 機関、家族会、行政担 び解決策の検討に関 担っている役割や責任が異な
    アシステム構築のための 当者等 する協議 ・「にも包 るため、地域に対するイメー

becomes

    名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    川口市における精神障害にも対応した…⇥保健、医療、福祉関係機関、家族会、行政担当者等⇥2回/年⇥…

The template is the guide (its tables as `cell_lines_tables` knows them).  A header is known by its
cells' words (a cell that wraps goes on in the line below), and a row by its *pivot*: a cell whose
form is known (a fiscal year, a month, a circled number, a department, a sector word, a frequency)
where its column is.  A line's words are cut into the table's columns by what the page did: a
column's pieces are no wider than the column (its widest piece in a line whose every word is a
cell), a column whose piece filled it goes on in the next line, one whose cell ended does not
(but for a new list item), and a space after a comma or before a bullet is inside a cell.  The
converter is known by such a table: a row's first line and the next both holding several cells
(pypdf, `pdftotext -raw` write a cell's wrapped lines one after the other: `cell_lines_tables`).
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.cell_lines_tables import (
    _BULLET,
    _SPACE,
    _TABLES,
    _body_end,
    _header_index,
    _join,
    _Piece,
    _Table,
    _tokens,
    _unclosed,
)

_INSIDE_AFTER = ("、", ",", "，", "・")  # a space after these is inside a cell: `保健, 医療`
_TOLERANCE = 2  # display columns: a line may stop short of its column (a word or bracket that did not fit)
_INF = float("inf")

_Line = list[str]  # one visual line's pieces, a column each ('' where the column has none)


def apply(state: FormState) -> None:
    """Rebuild every table of the template that a converter wrote a visual line at a time."""
    if not signals.visual_rows(state.source):
        return
    tokens = _tokens(state.lines)
    found = []
    k = 0
    while k < len(tokens):
        header = _header(tokens, k)
        if header is None:
            k += 1
            continue
        table, cells, body = header
        end = _body_end(tokens, body, table)
        found.append((k, table, cells, body, end))
        k = max(end, k + 1)
    if not any(_visual(table, tokens[body:end]) for _, table, _, body, end in found):
        return
    for k, table, cells, body, end in found:
        _rebuild(state, table, tokens[k:body], cells, tokens[body:end])


def _literal(cell: str) -> str:
    """The first characters a header cell's regex spells out: what its first word starts with."""
    return re.sub(r"[\\(（\[)?].*", "", cell.replace("(?:", ""))[:2]


def _header(tokens: list[_Piece], k: int) -> tuple[_Table, list[str], int] | None:
    """The simple table whose header starts at token k (its cells' words on one line, a wrapped cell
    going on in the lines below): the table, its header cells and the first token after it."""
    text = tokens[k][1]
    if "\t" in text or " " not in text:
        return None
    for table in _TABLES:
        if len(table.rows) != 1 or not text.startswith(_literal(table.header[0])):
            continue
        cells = _header_cells(table, [t[1] for t in tokens[k : k + 3]])
        if cells is not None:
            return table, cells[0], k + cells[1]
    return None


def _header_cells(table: _Table, lines: list[str]) -> tuple[list[str], int] | None:
    """The header's cells from its lines (the first holds a word of each cell, the next ones the rest of
    the cells that wrapped, in order), and how many lines it took; None when they do not spell it."""
    patterns = [re.compile(cell) for cell in table.header]
    starts = [_literal(cell) for cell in table.header]
    cells: list[str] = []
    for word in lines[0].split():
        at = len(cells)
        if at < len(starts) and starts[at] and word.startswith(starts[at]):
            cells.append(word)
        elif cells:
            cells[-1] += word
        else:
            return None
    if len(cells) == len(starts) - 1 and patterns[-1].fullmatch(""):
        cells.append("")
    if len(cells) != len(starts):
        return None
    used = 1
    while used < len(lines):
        open_cells = [c for c, cell in enumerate(cells) if not patterns[c].fullmatch(cell)]
        words = lines[used].split()
        if not open_cells or len(words) > len(open_cells):
            break
        for c, word in zip(open_cells, words, strict=False):
            cells[c] += word
        used += 1
    if any(not p.fullmatch(cell) for p, cell in zip(patterns, cells, strict=True)):
        return None
    return [_SPACE.sub("", cell) for cell in cells], used


def _breaks(text: str) -> int:
    """The spaces of a line that may part two cells (not after a comma, not before a bullet)."""
    words = text.split()
    return sum(1 for a, b in itertools.pairwise(words) if not a.endswith(_INSIDE_AFTER) and b[0] not in _BULLET)


def _visual(table: _Table, body: list[_Piece]) -> bool:
    """Whether a row's first line and the line after it both hold several cells: a visual line at a time."""
    starts = _starts(table, body)
    return any(
        j + 1 < len(body) and j + 1 not in starts and _breaks(body[j][1]) >= 2 and _breaks(body[j + 1][1]) >= 2
        for j in starts
    )


def _pivot_column(table: _Table) -> int:
    return table.rows[0].index(table.positions[0])


def _pivot_word(table: _Table, text: str) -> int | None:
    """The word of the line where the table's pivot stands (its column's first word), or None."""
    column = _pivot_column(table)
    pattern = table.pivots[0]
    m = pattern.match(text) if column == 0 else pattern.search(text)
    if m is None or (m.start() and text[m.start() - 1] != " "):
        return None
    return text[: m.start()].count(" ") if column else 0


def _starts(table: _Table, body: list[_Piece]) -> dict[int, int]:
    """The body's lines that start a row, each with the word its pivot stands at."""
    out = {}
    column = _pivot_column(table)
    for j, (_, text, _) in enumerate(body):
        line = _SPACE.sub(" ", text)
        word = _pivot_word(table, line)
        if word is not None and _breaks(" ".join(line.split(" ")[: word + 1])) <= column:
            out[j] = word
    return out


def _rebuild(state: FormState, table: _Table, head: list[_Piece], cells: list[str], body: list[_Piece]) -> None:
    """Write the table's rows in place of its lines (left as they are when its rows are not found)."""
    starts = _starts(table, body)
    if not body or not starts:
        return
    starts.setdefault(0, -1)
    columns = len(table.header_row)
    words = [_SPACE.sub(" ", t[1]).split(" ") for t in body]
    widths = _first_widths(words, starts, columns)
    if widths is None:
        return
    for _ in range(2):
        lines = _read(words, starts, table, widths)
        seen = [max((display_width(line[c]) for line in lines), default=0) for c in range(columns)]
        if sum(seen) <= _room(words, columns):
            widths = seen
    rows = _rows(body, lines, sorted(starts))
    first, last = head[0][0], body[-1][0]
    out = state.lines
    for i in range(first, last + 1):
        out[i] = None
    out[_header_index(out, head)] = "\t".join("" if c is None else cells[c] for c in table.header_row)
    for index, text in rows:
        out[index] = text
    if rows[-1][0] < last:  # a blank line ends the table: a table right below is one of its own
        out[last] = ""


def _room(words: list[list[str]], columns: int) -> int:
    """The columns' widths together: the table's widest line, less the spaces between its cells."""
    return max(display_width(" ".join(line)) for line in words) - (columns - 1) + _TOLERANCE


def _first_widths(words: list[list[str]], starts: dict[int, int], columns: int) -> list[int] | None:
    """Each column's width as the lines whose every word is a cell show it (rows' first lines first);
    where they add up to more than the table's widest line, a column's widest piece that stands out
    most from its next one is taken for a cell's wrapped text, and its next one is the width."""
    for pool in (sorted(starts), range(len(words))):
        seen = [words[j] for j in pool if len(words[j]) == columns]
        if seen:
            break
    else:
        return None
    sizes = [sorted((display_width(line[c]) for line in seen), reverse=True) for c in range(columns)]
    room = _room(words, columns)
    while sum(size[0] for size in sizes) > room:
        shrink = [c for c in range(columns) if len(sizes[c]) > 1]
        if not shrink:
            break
        c = max(shrink, key=lambda c: sizes[c][0] / max(1, sizes[c][1]))
        sizes[c].pop(0)
    return [size[0] for size in sizes]


def _read(words: list[list[str]], starts: dict[int, int], table: _Table, widths: list[int]) -> list[_Line]:
    """Every line's words cut into the columns, line by line, each column's state carried down; in a
    table with rows grouped under one pivot, a line whose every piece starts a cell starts a row."""
    columns = len(widths)
    pivot = _pivot_column(table)
    going_on = [False] * columns
    out: list[_Line] = []
    for j, line in enumerate(words):
        start = j in starts
        pieces = _cut(line, widths, going_on, start, starts.get(j, -1), pivot)
        if (
            table.grouped
            and not start
            and all(not p or (not going_on[c] and p[0] not in _BULLET) for c, p in enumerate(pieces))
        ):
            starts[j] = -1
            pieces = _cut(line, widths, [False] * columns, True, -1, pivot)
        out.append(pieces)
        going_on = [
            bool(p) and display_width(p) >= widths[c] - _TOLERANCE - 1 and not p.endswith("。")
            for c, p in enumerate(pieces)
        ]
        if start and _whole_pivot(table, pieces[pivot]):
            going_on[pivot] = False
    return out


def _whole_pivot(table: _Table, piece: str) -> bool:
    """Whether the pivot's piece is a whole cell (a year, a frequency, a department's name), not the
    first line of a cell that wraps (an indicator's name, a sector word cut short)."""
    m = table.pivots[0].match(piece)
    if m is None or m.end() < len(piece) or piece[0] in _BULLET or _unclosed(piece):
        return False
    return not table.full or piece.strip("【】") in table.full


def _cut(
    words: list[str], widths: list[int], going_on: list[bool], start: bool, pivot_word: int, pivot_column: int
) -> _Line:
    """A line's words as the columns' pieces, at the least cost (see `_piece_cost`)."""
    n, columns = len(words), len(widths)
    best = [[_INF] * (n + 1) for _ in range(columns + 1)]
    back = [[0] * (n + 1) for _ in range(columns + 1)]
    best[0][0] = 0.0
    for c in range(columns):
        for i in range(n + 1):
            if best[c][i] == _INF:
                continue
            for j in range(i, n + 1):
                if c == pivot_column and pivot_word >= 0 and (j == i or i != pivot_word):
                    continue
                cost = best[c][i] + _piece_cost(words[i:j], widths[c], going_on[c], start)
                if cost < best[c + 1][j]:
                    best[c + 1][j], back[c + 1][j] = cost, i
    pieces: _Line = []
    end = n
    for c in range(columns, 0, -1):
        begin = back[c][end]
        pieces.append(" ".join(words[begin:end]))
        end = begin
    return pieces[::-1]


def _piece_cost(words: list[str], width: int, going_on: bool, start: bool) -> float:
    """What it costs to read the words as one column's piece of a line: wider than the column, a cell
    that should go on left without its rest, a cell that ended going on, a space inside a cell."""
    if not words:
        return 1.0 if start else (15.0 if going_on else 0.0)
    cost = 0.0
    over = display_width(" ".join(words)) - width - _TOLERANCE
    if over > 0:
        cost += 50.0 + over
    if not start and not going_on:
        cost += 2.0 if words[0][0] in _BULLET else 12.0
    for a, b in itertools.pairwise(words):
        inside = a.endswith(_INSIDE_AFTER) or b[0] in _BULLET or (a[-1].isdigit() and not b[0].isdigit())
        cost += 0.5 if inside else 4.0
    return cost


def _rows(body: list[_Piece], lines: list[_Line], starts: list[int]) -> list[tuple[int, str]]:
    """Each row's cells (its lines' pieces of each column joined) as a tab row at its first line."""
    out = []
    for at, begin in enumerate(starts):
        end = starts[at + 1] if at + 1 < len(starts) else len(body)
        cells = []
        for c in range(len(lines[begin])):
            pieces = [(body[j][0], lines[j][c], False) for j in range(begin, end) if lines[j][c]]
            cells.append(_join(pieces))
        out.append((body[begin][0], "\t".join(cells)))
    return out
