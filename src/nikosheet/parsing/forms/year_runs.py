"""A history's years written one after the other, their rows' cells after them: rows of their groups.

Plain pdftotext and pdfminer may write two or more of the history's year cells together, then the
events and commissions of their rows in order.  A year may have several rows (a second event in one
year): the cells after the run are cut into as many rows as cost least, and the rows are shared out
among the years in order, evenly, a year before another taking the one left over:

    令和元年度                      令和元年度	相談窓口を設置	直営
    令和2年度                       	研修会を開始	NPO法人 つばさ
    相談窓口を設置         →        令和2年度	協議の場を設置
    直営                            	ピア活動を開始	ピアの会
    研修会を開始
    NPO法人 つばさ
    協議の場を設置
    ピア活動を開始
    ピアの会
"""

from __future__ import annotations

from nikosheet.parsing.forms import wrapped_cells
from nikosheet.parsing.forms.template_tables import BULLET, Cell, Piece, Table

_MORE_ROWS = 4  # rows beyond one a year that a run's years may have together
_GROUP_ROW = 4.0  # a row of a year's group, beyond the year's own


def rows_after(
    table: Table, rest: list[Piece], years: int, joined: bool, caps: list[int | None]
) -> list[list[list[Cell]]] | None:
    """Each year's rows (each its cells after the year) from the pieces after the run of `years`
    years, or None when they cannot be cut so."""
    width = table.record - 1
    best: tuple[float, list[Cell]] | None = None
    for extra in range(_MORE_ROWS + 1):
        count = width * (years + extra)
        positions = [1 + k % width for k in range(count)]
        found = wrapped_cells.cut(
            rest,
            count,
            BULLET,
            joined,
            [p == width for p in positions],
            [caps[p] for p in positions],
            True,
            only=[p == table.optional for p in positions],
            history=True,
        )
        if found is not None and (best is None or found[1] + extra * _GROUP_ROW < best[0]):
            best = (found[1] + extra * _GROUP_ROW, found[0])
    if best is None:
        return None
    rows = [best[1][k : k + width] for k in range(0, len(best[1]), width)]
    share, over = divmod(len(rows), years)
    out: list[list[list[Cell]]] = []
    for year in range(years):
        take = share + (year < over)
        out.append(rows[:take])
        rows = rows[take:]
    return out
