"""An issue and its policy side by side in one box (plain pdftotext of a LibreOffice or a Chromium PDF).

The issues' table of section 5 sets an issue and its policy in two columns of one row group; plain
pdftotext writes the lines the two cells share a baseline in as one line, a space between, and each
cell's lines below those on lines of their own, the issue's first:

    長期入院者の退院後の住まいが 不動産事業者・居住支援法人と      長期入院者の退院後の住まいが不足している
    不足している                                           →    不動産事業者・居住支援法人との連携を強める
    の連携を強める

    【住まい】退院先となるグルー 居住支援法人や不動産関係団体と     【住まい】退院先となるグループホームや…難しい
    プホームや住まいの確保が難し 連携し、住まいの確保に向けた支  →  居住支援法人や…確保に向けた支援策を検討する
    い
    援策を検討する

The lines right before a group's first role (`行政`) that start with one line or more of two texts one
space apart (each column's texts but the last as wide as one another: they wrapped in the column) are
the two cells, the left texts and the right ones, each with its rest: the lines right below, no space in
them, are the issue's up to the first that does not fill its column and the policy's after it (all of
one cell's where only that cell's last text fills its column), a box after a blank line the policy's.
One shared line tells no column's width: the lines below it are read so only where they are two or more
and no box follows.  `cell_lines_tables` asks this of the issues' table before it cuts the lines into
cells.
"""

from __future__ import annotations

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.line_cuts import TOLERANCE, last_fills
from nikosheet.parsing.forms.template_tables import BULLET, Piece

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is


def apart(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with each such box made the issue's and the policy's cells, and where the
    pivots now are (`first_role`: which pivot is a group's first role)."""
    out = list(pieces)
    moved = list(pivots)
    taken = {at for at, _ in pivots}
    for n, (at, which) in reversed(list(enumerate(pivots))):
        if which != first_role:
            continue
        start = at
        while start > 0 and start - 1 not in taken:
            start -= 1
        for first in range(start, at):
            cells = _cells(out[first:at])
            if cells is not None:
                out[first:at] = cells
                moved[n:] = [(a - (at - first - len(cells)), w) for a, w in moved[n:]]
                break
    return out, moved


def _cells(lines: list[Piece]) -> list[Piece] | None:
    """The lines' two cells, the issue's and the policy's, where they are two such cells side by side."""
    shared = 1 if lines[0][1].count(" ") == 1 else 0
    while shared and shared < len(lines) and not lines[shared][2] and lines[shared][1].count(" ") == 1:
        shared += 1
    if not shared:
        return None
    lefts, rights = (list(texts) for texts in zip(*(t.split(" ") for _, t, _ in lines[:shared]), strict=True))
    rests = _rests(lines[shared:], lefts, rights)
    if rests is None or any(not t or t[0] in BULLET for t in (*lefts, *rights)) or not _wrapped(lefts, rights):
        return None
    # each cell's lines as lines of their own (their widths tell the columns'), the policy's a box after
    # the issue's (at the box's second line: the row stands at its first)
    sources = [index for index, _, _ in lines]
    issue = [*zip(sources, lefts, strict=False), *zip(sources[shared:], rests[0], strict=False)]
    left = [(i, text, k == 0) for k, (i, text) in enumerate(issue)]  # (a cell of its own: a role's empty above)
    second = sources[min(1, len(sources) - 1)]
    return [*left, *((second, text, k == 0) for k, text in enumerate([*rights, *rests[1]]))]


def _rests(lines: list[Piece], lefts: list[str], rights: list[str]) -> tuple[list[str], list[str]] | None:
    """Each cell's lines after the shared ones: those right below them, the issue's first, each of its
    lines but its last filling its column, or all of one cell's where the other's last text did not fill
    its column; and the policy's in a box after them; None where they are not so."""
    texts = [text for _, text, _ in lines]
    if any(" " in text or not text or text[0] in BULLET for text in texts):
        return None
    cut = next((k for k, (_, _, blank) in enumerate(lines) if blank), len(lines))
    below, after = texts[:cut], texts[cut:]
    if any(blank for _, _, blank in lines[cut + 1 :]):
        return None  # (boxes more than the policy's)
    widths = (max(map(display_width, lefts)), max(map(display_width, rights)))
    opened = (_fills(lefts), _fills(rights))
    ends = next((k + 1 for k, t in enumerate(below) if display_width(t) < widths[0] - TOLERANCE), len(below))
    if after:
        if not opened[1] or (below and not opened[0]) or len(lefts) == 1:
            return None  # (one shared line tells no column's width)
        rests = (below[:ends], [*below[ends:], *after])
    elif len(lefts) == 1 and len(below) < 2:
        return None  # (one shared line and one below: which cell's it is, the text does not tell)
    elif opened[0] and opened[1]:
        rests = (below[:ends], below[ends:])
    elif below and opened.count(True) != 1:
        return None
    else:
        rests = (below, []) if opened[0] else ([], below)
    if any(display_width(t) > width + TOLERANCE for rest, width in zip(rests, widths, strict=True) for t in rest):
        return None  # (a line wider than its cell's column: another cell's)
    return rests


def _wrapped(lefts: list[str], rights: list[str]) -> bool:
    """Whether each column's texts but the last are as wide as one another (they wrapped in it)."""
    for texts in (lefts, rights):
        widths = [display_width(text) for text in texts[:-1]]
        if widths and max(widths) - min(widths) > TOLERANCE:
            return False
    return True


def _fills(texts: list[str]) -> bool:
    """Whether a column's last text fills it (its cell goes on), the column's width its texts' widest."""
    return not texts[-1].endswith(("。", "．")) and last_fills(texts)
