"""An issue's first role written at the end of its policy's first line (plain pdftotext).

The issues' table of section 5 sets the policy and the first role (`行政`) side by side; pdftotext
may write the role's word at the end of the policy's first line, a space between, and the policy's
next lines below it in the same box:

    グループホーム・居住支援法人と 行政          グループホーム・居住支援法人と
    の連携、日中活動の場の情報を集        →     の連携、日中活動の場の情報を集
                                               行政
    ・社会資源マップの作成                      ・社会資源マップの作成

Text left of a role's word on its line stands in a column left of the roles' (the policy's), never
in the actions' to its right; so the lines that go on in its box are the policy's too, and the role's
word goes after them.  `cell_lines_tables` asks this of the issues' table before it cuts the lines
into cells (then `issue_rests` finds the cells' rests after the role as it would).
"""

from __future__ import annotations

from nikosheet.parsing.forms.template_tables import Piece

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is


def after_box(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with each first role that ends a line put after the lines that go on in its
    box, and where the pivots now are (`first_role`: which pivot is a group's first role)."""
    out = list(pieces)
    moved = list(pivots)
    taken = {at for at, _ in pivots}
    for n, (at, which) in enumerate(pivots):
        rest = _rest(out, at, taken)
        if which != first_role or not rest:
            continue
        index, word, _ = out[at]
        out[at : at + 1 + rest] = [*out[at + 1 : at + 1 + rest], (index, word, True)]
        moved[n] = (at + rest, which)
    return out, moved


def _rest(pieces: list[Piece], at: int, pivots: set[int]) -> int:
    """How many lines after the pivot at `at` go on in its box up to the next pivot, where it ends a
    line that holds text before it (no text after it): 0 otherwise."""
    index = pieces[at][0]
    if at == 0 or pieces[at - 1][0] != index or (at + 1 < len(pieces) and pieces[at + 1][0] == index):
        return 0
    rest = 0
    while at + 1 + rest < len(pieces) and not pieces[at + 1 + rest][2] and at + 1 + rest not in pivots:
        rest += 1
    return rest
