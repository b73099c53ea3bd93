"""Where a centred row's cells may stand, for `centred_rows`: every way a row of n lines may hold its
cells, each cell's lines as far from the row's first line as from its last.

LibreOffice centres a cell's text in its row, so a cell of k lines in a row of n stands on the
middle k lines (or every other line, where cells of an odd and of an even number of lines stand
side by side, half a line apart).  Where the converter merged two lines half a line apart, a cell
may stand a line nearer one end; the caller says how far it may (`HALF_LINE`, `ANYWHERE`; beside a
list, `BESIDE_LIST`, the first cell also half a line below the middle of every other line, see
`_below_middle`).  Each way comes with what it costs, a later cell left empty costing a little more
than an earlier one.

    a row of 3 lines: a cell of 3 lines on lines 0-2, of 1 line on line 1, of 2 lines on
    lines 0 and 2 (every other line) or, asymmetric and at a cost, on 0-1 or 1-2

Where the cells half a line off the tallest are fewer than the places between its lines, their lines
stand between the tallest's middle lines only, and a cell of the tallest's kind skips them.  The
caller asks for these where a row's cells are many and of many heights (a council's: name, members,
frequency, activities, notes); not for a row whose first cell an indicator's number leads (its rows'
ends are searched already), nor for a table of two cells a row, where they only add readings:

    a name of 4 lines beside cells of 2 and a note of 1: 5 printed lines, the name on 0, 1, 3
    and 4, the cells of 2 on 1 and 3, the note on 2 alone
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

_LATER = 0.1  # what leaving a cell's line empty costs: never


@functools.lru_cache(maxsize=256)
def configurations(
    n: int, shape: tuple[int, int | None], room: tuple[int, ...], count: int, interleaved: bool = False
) -> tuple[tuple[float, tuple[tuple[int, ...], ...]], ...]:
    """Every way a row of n lines may hold its `count` cells (`shape`: how far a cell may stand off
    its row's middle (see `_places`), and the line the first column's cell starts on, if known), each with what it
    costs and the cells present on each line; none that puts more cells on a line than `room`
    (`interleaved`: also with fewer cells' lines half a line off the tallest than the places between,
    see `_mixed`)."""
    asymmetric, lead = shape
    out = []
    for family, places in enumerate(_places(n, asymmetric, interleaved and lead is None)):
        firsts = places if lead is None else [p for p in places if p[0] is not None and p[0][0] == lead]
        if asymmetric == BESIDE_LIST and family == _EVERY_OTHER and lead is not None:
            firsts += _below_middle(n, lead)
        for chosen in _fitting([firsts, *[places] * (count - 1)], list(room)):
            # rather a later cell empty than an earlier one
            cost = sum(_LATER * (count - c) if on is None else penalty for c, (on, penalty) in enumerate(chosen))
            presents = tuple(
                tuple(c for c, (on, _) in enumerate(chosen) if on is not None and j in on) for j in range(n)
            )
            out.append((cost, presents))
    return tuple(out)


_Place = tuple[Sequence[int] | None, float]  # a cell's lines in its row (None: an empty cell), what they cost
_Places = list[_Place]


def _fitting(options: list[_Places], room: list[int]) -> Iterator[tuple[_Place, ...]]:
    """The places of every column, one of its options each, that put on no line more cells than the
    line has units."""
    used = [0] * len(room)
    chosen: list[_Place] = []

    def walk(c: int) -> Iterator[tuple[_Place, ...]]:
        if c == len(options):
            yield tuple(chosen)
            return
        for option in options[c]:
            lines_of = option[0] or range(0)
            if any(used[j] >= room[j] for j in lines_of):
                continue
            for j in lines_of:
                used[j] += 1
            chosen.append(option)
            yield from walk(c + 1)
            chosen.pop()
            for j in lines_of:
                used[j] -= 1

    yield from walk(0)


_ASYMMETRIC = 3.0  # a cell a line nearer one end of its row: lines half a line apart that the converter merged
MOST_ASYMMETRIC = 4  # rows of more lines are not tried so (their cells' places would be too many)
HALF_LINE = 1  # a cell's lines half a line off its row's middle, merged a line nearer one end
ANYWHERE = 2  # a cell's lines anywhere in its row
BESIDE_LIST = 3  # as HALF_LINE, and the first cell's lines every other line half a line below the middle
_EVERY_OTHER = 1  # `_places`' family of cells half a line apart (a row of an odd number of lines)
_BELOW_LIST = 3.0  # a cell half a line below its row's middle (beside a list: see `_below_middle`)


def _places(n: int, asymmetric: int, interleaved: bool = False) -> list[_Places]:
    """Where a row of n lines may hold a cell: its lines as far from the first as from the last,
    every line (or every other line: cells half a line apart; or, `interleaved`, fewer cells' lines
    half a line off between the tallest's middle lines, see `_mixed`); `asymmetric`: also half a line
    off the middle, or anywhere, a line nearer one end."""
    out: list[_Places] = []
    for step in (1, 2) if n % 2 and n >= 3 else (1,):
        out.append([(None, 0.0), *((range(d, n - d, step), 0.0) for d in range((n + 1) // 2))])
    out += [_mixed(tall, n - tall) for tall in range(n // 2 + 2, n) if interleaved and (2 * tall - n) % 2]
    if asymmetric:
        off = range(1, 2) if asymmetric in (HALF_LINE, BESIDE_LIST) else range(1, n)
        pairs = [(a, b) for a in range(n) for b in range(a, n) if abs(a + b - (n - 1)) in off]
        out[0] += [(range(a, b + 1), _ASYMMETRIC) for a, b in pairs]
    return out


def _below_middle(n: int, first: int) -> _Places:
    """Where a row of n lines, its cells half a line apart, holds a cell from line `first` on that
    stands half a line below the middle: LibreOffice centres a list's cell with its last item's
    spacing below it, so the cells beside the list stand half a line lower than the list's lines.

        a name of 2 lines beside lists of 7 and 6 lines: 13 printed lines, the lists' on 0, 2, …, 12
        and 1, 3, …, 11, the name on 6 and 8 (centred, it would stand on 5 and 7)
    """
    last = n + 1 - first  # (first + last = n - 1 + 2: one printed line, half a line, below the middle)
    return [(range(first, last + 1, 2), _BELOW_LIST)] if first <= last <= n - 1 else []


def _mixed(tall: int, half: int) -> _Places:
    """Where a row holds a cell when its tallest cells fill `tall` lines and the cells half a line off
    them fill the middle `half` of the places between (fewer than all): each cell the middle lines
    of its kind, the printed lines of both kinds interleaved.

        a row of 4 lines beside a cell of 1 line: 5 printed lines, the name on lines 0, 1, 3 and 4,
        a cell of 2 lines on 1 and 3, the cell of 1 line on 2 alone
    """
    start = (tall - 1 - half) // 2  # the first half place follows this line of the tallest cells
    ys = sorted([*(2 * i for i in range(tall)), *(2 * (start + k) + 1 for k in range(half))])
    whole = [ys.index(2 * i) for i in range(tall)]
    halves = [ys.index(2 * (start + k) + 1) for k in range(half)]
    return [
        (None, 0.0),
        *((tuple(whole[d : tall - d]), 0.0) for d in range((tall + 1) // 2)),
        *((tuple(halves[d : half - d]), 0.0) for d in range((half + 1) // 2)),
    ]


# A row's configurations as a tree (see `tree`): a node's branches by the cells present on its line,
# in order of the least cost of the configurations under each; a leaf's configurations (their cost
# and index in `configurations`' order) hold the same cells on every line; and each line's cells
# present in any configuration.
Leaf = tuple[tuple[float, int], ...]
Node = tuple[tuple[tuple[int, ...], float, "Node | Leaf"], ...]
Tree = tuple[Node, tuple[tuple[tuple[int, ...], ...], ...]]
_Configurations = tuple[tuple[float, tuple[tuple[int, ...], ...]], ...]


@functools.lru_cache(maxsize=256)
def tree(n: int, shape: tuple[int, int | None], room: tuple[int, ...], count: int, interleaved: bool = False) -> Tree:
    """`configurations` as a tree of the cells present on line 0, then on line 1, …: so that a row's
    search drops at once all the configurations that share lines which already cost more than the
    best found (trying thousands one by one, for every width tried, took most of the time a
    LibreOffice text's reading takes)."""
    configs = configurations(n, shape, room, count, interleaved)
    presents = tuple(tuple({config[1][j]: None for config in configs}) for j in range(n))
    return _branches(configs, 0, range(len(configs)), n), presents


def _branches(configs: _Configurations, j: int, indices: Sequence[int], n: int) -> Node:
    groups: dict[tuple[int, ...], list[int]] = {}
    for i in indices:
        groups.setdefault(configs[i][1][j], []).append(i)
    out: list[tuple[tuple[int, ...], float, Node | Leaf]] = []
    for present, group in groups.items():
        least = min(configs[i][0] for i in group)
        under = tuple(sorted((configs[i][0], i) for i in group)) if j + 1 == n else _branches(configs, j + 1, group, n)
        out.append((present, least, under))
    out.sort(key=lambda branch: branch[1])
    return tuple(out)
