"""An issue and its policy side by side in one box (plain pdftotext of a LibreOffice PDF).

The issues' table of section 5 sets an issue and its policy in two columns of one row group; plain
pdftotext writes their first lines as one line, a space between, and their second lines below, one
after the other:

    長期入院者の退院後の住まいが 不動産事業者・居住支援法人と      長期入院者の退院後の住まいが不足している
    不足している                                           →    不動産事業者・居住支援法人との連携を強める
    の連携を強める

A box of three lines right before the group's first role (`行政`), its first line two texts one
space apart and the next two lines without a space, is the two cells of two lines each: the first
line's left text and the second line, its right text and the third.  `cell_lines_tables` asks this
of the issues' table before it cuts the lines into cells.
"""

from __future__ import annotations

from nikosheet.parsing.forms.template_tables import BULLET, Piece

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
_BOX = 3  # lines of the box: the two cells' first lines on one, then each cell's second


def apart(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with each such box made the issue's and the policy's cells, and where the
    pivots now are (`first_role`: which pivot is a group's first role)."""
    out = list(pieces)
    moved = list(pivots)
    for n, (at, which) in reversed(list(enumerate(pivots))):
        start = at - _BOX
        if which != first_role or start < 0 or not _pair(out[start:at], out[start - 1] if start else None):
            continue
        (index, line, blank), second, third = out[start:at]
        left, right = line.split(" ")
        out[start:at] = [(index, left + second[1], blank), (second[0], right + third[1], True)]
        moved[n:] = [(a - 1, w) for a, w in moved[n:]]
    return out, moved


def _pair(box: list[Piece], before: Piece | None) -> bool:
    """Whether the lines are one box (blank lines around it) of two cells' two lines each."""
    (_, line, blank), second, third = box
    if before is not None and not blank:
        return False  # (the box goes on from the line before)
    if second[2] or third[2] or line.count(" ") != 1 or " " in second[1] + third[1]:
        return False
    left, right = line.split(" ")
    return all(text and text[0] not in BULLET for text in (left, right, second[1], third[1]))
