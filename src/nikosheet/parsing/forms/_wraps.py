"""Which of a run of lines a PDF wrapped, when they must make a given number of table cells.

A PDF converter writes a table cell by cell, each cell's text wrapped at its column's width: every
line of a cell but its last is full (as wide as the column, give or take a character that the rules
of Japanese line breaking push to the next line), and its last line is no wider.  So a line shorter
than the full lines above it ends its cell, and a line wider than them starts another:

    柏市精神障害にも対応した地域      (14, full)
    包括ケアシステム構築推進事業      (14, full)
    (代表者会議)                      (7: the cell's last line)
    保健, 医療, 福祉, 家族会, ピア    (another column's width)
    サポーター, 行政機関の代表

Of the ways to cut the lines into the cells, the one is taken whose joined lines score best as
wraps (the caller's scores: no blank line or bullet between, and so on), less a weight for each line
that breaks this rule.
"""

from __future__ import annotations

from itertools import accumulate

_SLACK = 2  # display columns: one wide character more or less than the column's full lines
_MOST = 48  # lines: the cut is weighed in full up to this many (its cost grows with the cube)
_FAULT = 60.0  # a line that breaks the rule weighs more than a blank line between (-40), less than a bullet


def joins(widths: list[int], scores: list[float], count: int) -> set[int]:
    """The gaps to join (gap g is between line g-1 and line g; `scores[g]` how likely a wrap it is)
    so that the lines make `count` cells."""
    n = len(widths)
    if n <= count:
        return set()
    if n > _MOST:  # not a table's cells: the best-scored wraps, without the widths' rule
        return set(sorted(range(1, n), key=lambda g: -scores[g])[: n - count])
    faults = [[_faults(widths[i:j]) for j in range(n + 1)] for i in range(n + 1)]
    joined = [0.0, *accumulate(scores[1:])]  # joined[g]: the scores of gaps 1..g
    # best[k][j]: the cost of the first j lines cut into k cells, and where its last cell starts
    best: list[list[tuple[float, int] | None]] = [[None] * (n + 1) for _ in range(count + 1)]
    best[0][0] = (0.0, 0)
    for k in range(1, count + 1):
        for j in range(k, n - (count - k) + 1):
            for i in range(k - 1, j):
                prev = best[k - 1][i]
                if prev is None:
                    continue
                cost = prev[0] + _FAULT * faults[i][j] - (joined[j - 1] - joined[i])
                current = best[k][j]
                if current is None or cost < current[0]:
                    best[k][j] = (cost, i)
    starts = set()
    j = n
    for k in range(count, 0, -1):
        cell = best[k][j]
        assert cell is not None  # n > count: every cut has a way
        j = cell[1]
        starts.add(j)
    return set(range(1, n)) - starts


def _faults(widths: list[int]) -> int:
    """The lines of one cell that do not look wrapped at one width: a line before the last narrower
    than the widest of them, a last line wider."""
    if len(widths) < 2:
        return 0
    full = max(widths[:-1])
    short = sum(1 for w in widths[:-1] if w < full - _SLACK)
    return short + (1 if widths[-1] > full + _SLACK else 0)
