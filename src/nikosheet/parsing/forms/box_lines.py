"""A table's boxes as lines of its cells (`box_grid`): which box's cell may go on in a later box, and
the readings of a row whose cells' lines a converter wrote a band at a time.

pdfminer may cut a wrapped cell's lines into boxes of their own, and write a row's cells a band of
lines at a time — each cell's first line left to right, then the next lines of the cells that go on:

    区保健福祉センターの精神保健福祉相談員と保健師が、相      (the first cell's first line, full)
    区によって相談件数や体制に差があ                          (the second cell's, full)
    談支援事業所と同行訪問を行っている。                      (the first cell's last line)
    る。                                                      (the second cell's)

A line goes on in a later box when it is as wide as its column: as wide (or a character short of it)
as a line that wrapped inside a box, or as the last lines of two other boxes — a column's wrapped
lines share their width — and does not end a sentence.  A pivot cut short of its template word (`その他関係機`, of
`その他関係機関・住民等`) goes on too.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Callable, Iterator

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, CIRCLED, Box, Table

_TOLERANCE = 2  # display columns: a wrapped line may stop a character short of its column
_LEAST = 8  # display columns: a line narrower is taken to end its cell
_SHARED = 16  # display columns: boxes whose last lines are as wide, and this wide, show a column's width
_ENDS = ("。", "．")  # a sentence's end: a line that ends one ends its cell (or a paragraph of it)
_BANDS = 6  # a row's bands of lines, at most
_READINGS = 400  # a row's band readings, at most


def going_on(table: Table, boxes: list[Box], pins: dict[int, tuple[int, int]]) -> list[bool]:
    """For each box, whether its last line may go on in a later box."""
    wrapped = {display_width(text) for box in boxes for _, text, _ in box[:-1] if not text.endswith(_ENDS)}
    ends = collections.Counter(display_width(box[-1][1]) for box in boxes if box and not box[-1][1].endswith(_ENDS))
    wrapped.update(width for width, count in ends.items() if count > 1 and width >= _SHARED)
    out = []
    for n, box in enumerate(boxes):
        last = box[-1][1] if box else ""
        # a header cell is whole; a pivot goes on when cut short of its template word, an indicator's
        # name (its number first) as any cell's text
        if n in pins and not (pins[n][0] > 0 and CIRCLED.match(box[0][1])):
            out.append(pins[n][0] > 0 and any(word != last and word.startswith(last) for word in table.full))
            continue
        width = display_width(last)
        # a line with a half-width character may be one wider than the full-width lines that stopped short
        full = any(v in wrapped for v in range(width - width % 2, width + _TOLERANCE + 1))
        out.append(width >= _LEAST and not last.endswith(_ENDS) and full)
    return out


def one_cell(boxes: list[Box]) -> bool:
    """Whether the boxes' lines may be one cell's: every line that wrapped (not a sentence's or a list
    item's end) as wide as the others that did, and none wider."""
    return widths_agree([[[text for box in boxes for _, text, _ in box]]])


def widths_agree(columns: list[list[list[str]]]) -> bool:
    """Whether each column's cells (their lines) share one width: every line that wrapped about as
    wide as the widest that did, and no line wider."""
    for cells in columns:
        wrapped = [display_width(text) for lines in cells for text in _wrapped(lines)]
        if not wrapped:
            continue
        width = max(wrapped)
        if min(wrapped) < width - _TOLERANCE or any(display_width(t) > width + _TOLERANCE for c in cells for t in c):
            return False
    return True


def _wrapped(lines: list[str]) -> list[str]:
    """A cell's lines that wrapped: not its last, nor one that ends a sentence or a list's item."""
    return [text for text, after in itertools.pairwise(lines) if not text.endswith(_ENDS) and after[0] not in BULLET]


def band_readings(
    cells: int, start: int, pieces: int, goes_on: list[bool], can: Callable[[int, int, bool], bool]
) -> Iterator[tuple[list[list[int]], int]]:
    """A row's readings a band at a time from piece `start`: each cell's pieces (none: an empty cell),
    and the piece after.  `can(cell, piece, first)`: whether the cell may take the piece."""
    taken: list[list[int]] = [[] for _ in range(cells)]
    readings = [0]

    def first_band(n: int, at: int) -> Iterator[tuple[list[list[int]], int]]:
        if n == cells:
            yield from bands(at, [c for c in range(cells) if taken[c] and goes_on[taken[c][0]]], 0)
            return
        if can(n, -1, True):  # an empty cell
            yield from first_band(n + 1, at)
        if at < pieces and can(n, at, True):
            taken[n].append(at)
            yield from first_band(n + 1, at + 1)
            taken[n].pop()

    def bands(at: int, going: list[int], depth: int) -> Iterator[tuple[list[list[int]], int]]:
        readings[0] += 1
        if readings[0] > _READINGS:
            return
        if not any(can(n, -1, False) for n in going):  # a cell that must go on (a pivot cut short)
            yield [list(t) for t in taken], at
        if depth >= _BANDS:
            return
        for mask in range(1, 1 << len(going)):
            on = [n for b, n in enumerate(going) if mask >> b & 1]
            if any(can(n, -1, False) for n in going if n not in on):
                continue
            if at + len(on) > pieces or not all(can(n, at + b, False) for b, n in enumerate(on)):
                continue
            for b, n in enumerate(on):
                taken[n].append(at + b)
            yield from bands(at + len(on), [n for b, n in enumerate(on) if goes_on[at + b]], depth + 1)
            for n in on:
                taken[n].pop()

    yield from first_band(0, start)
