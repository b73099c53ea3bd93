"""The issues' and policies' boxes of section 5 written among the roles' (pdfminer): put back by width.

pdfminer writes a table as the boxes of text it finds, row of print by row of print, left to right:
a box holds some lines of one cell, and the next box of the same cell comes after the boxes beside
it.  So an issue's and its policy's later lines stand among the roles' words and actions:

    区外の精神科病院に入院している区民の状況が把握       区外の精神科病院に入院している区民の状況が把握
    しにくく、退院に向けた支援が入院後期から始まる       しにくく、退院に向けた支援が入院後期から始まる
                                                       ことが多い。また、単身で身寄りのない方が多く、
    ・入院中の区民について、病                          …
    院との情報共有の方法を整理                   →
                                                       ・入院中の区民について、病
    行政                                               院との情報共有の方法を整理
                                                       する
    ことが多い。また、単身で身寄りのない方が多く、
    …                                                  行政

A wrapped cell's lines are as wide as its column, and the template's columns differ: the issue's is
the widest, the roles' narrow.  The two boxes before the table's first role's word are the first
issue's and its policy's: their widths are those columns' (the roles' is the common width of the
boxes right after a middle role's word; where it is a policy's, where a role's action is as wide as
an issue, or where a form before moved the lines, nothing is done).  A box after it as wide as one
of them (and as no role's action) goes on that column's cell, an issue's while its last line filled
its column; an issue's box after a closed issue, or after the group's last role's word, is the next
issue, its cells put before the next group's first role's word (or left where the issue starts,
right before the group's last role's word, where the next group's roles' words are a run: its
actions were written before them).  A single short line goes on an open cell of the two, the box's
right before it first (the last line of a cell, cut off by a box beside it); where a role's action
may be open too (the line no wider than an action), or nothing fits, a line stays where it is, and so
does a box right after a role's word that is not wider than the actions' column (a one-line box: nor
than the policy's).  `cell_lines_tables` asks this of the issues' table before it reads the cells.
"""

from __future__ import annotations

import itertools
from collections import Counter

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, Box, Piece, box_width

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
_SLACK = 2  # display columns a wrapped line may fall short of its column (a character kept off the line's start)
_APART = 6  # display columns the issue's and the policy's columns differ by at least
_ASIDE = 2 * _SLACK  # … and the policy's and the actions' (no box then fits both)
_ISSUE, _POLICY, _ROLE = 0, 1, 2
_ONE_LETTER_WORDS = "有無県市区町村国"  # an action of one letter that is a word


def by_width(
    pieces: list[Piece], pivots: Pivots, first_role: int, last_role: int
) -> tuple[list[Piece], Pivots, set[int]]:
    """The table's lines with the issues' and the policies' boxes after the first role's word put back
    into their cells, each before its group's first role's word, where the pivots now are, and which
    last roles' words have no action (the next issue's cells right after them)."""
    if not pivots or pivots[0][1] != first_role or not pivots[0][0]:
        return pieces, pivots, set()
    head = _boxes(pieces, 0, pivots[0][0])
    if len(head) != 2 or pieces[head[0][0]][1][0] in BULLET or not _in_order(pieces):
        return pieces, pivots, set()
    widths = [box_width([pieces[k] for k in box]) for box in head]
    if widths[_ISSUE] - widths[_POLICY] < _APART:
        return pieces, pivots, set()
    kinds = dict(pivots)
    role = _role_width(pieces, kinds, (first_role, last_role), widths[_ISSUE])
    if role is None or abs(role - widths[_POLICY]) < _ASIDE:  # a policy's box not told from an action's
        return pieces, pivots, set()
    widths.append(role)
    moves = _walk(pieces, kinds, widths, [head[0], head[1]], first_role, last_role)
    if moves is None:
        return pieces, pivots, set()
    return _moved(pieces, kinds, moves, last_role)


def _boxes(pieces: list[Piece], start: int, end: int) -> list[list[int]]:
    """The lines `start`..`end` (indices) cut into boxes at their blank lines."""
    boxes: list[list[int]] = []
    for k in range(start, end):
        if boxes and not pieces[k][2]:
            boxes[-1].append(k)
        else:
            boxes.append([k])
    return boxes


def _in_order(pieces: list[Piece]) -> bool:
    """Whether the lines are as the converter wrote them (no form before moved any)."""
    return all(a[0] < b[0] for a, b in itertools.pairwise(pieces))


def _role_width(pieces: list[Piece], kinds: dict[int, int], ends: tuple[int, int], issue: int) -> int | None:
    """The roles' column's width: the most common width of the boxes right after a middle role's word
    (`ends`: the first and the last role; after those an issue's lines may come), the wider of two as
    common; None where one of them is as wide as an issue (a role's action may then be taken for one)."""
    seen: Counter[int] = Counter()
    for at, kind in kinds.items():
        if kind in ends:
            continue
        box: Box = []
        for k in range(at + 1, len(pieces)):
            if k in kinds or (box and pieces[k][2]):
                break
            box.append(pieces[k])
        if box:
            seen[box_width(box)] += 1
    if not seen or any(_fits(width, issue) for width in seen):
        return None
    return max(seen, key=lambda w: (seen[w], w))


def _fits(width: int, column: int) -> bool:
    return abs(width - column) <= _SLACK


def _walk(
    pieces: list[Piece],
    kinds: dict[int, int],
    widths: list[int],
    first: list[list[int]],
    first_role: int,
    last_role: int,
) -> dict[int, list[list[int]]] | None:
    """Each group's issue and policy lines keyed by where its first role's word is, or None where no
    line moves."""
    groups: list[list[list[int]]] = [[list(first[0]), list(first[1])]]
    targets = [next(iter(kinds))]  # each group's first role's word
    places = [targets[0]]  # where each group's cells go
    complete = False  # the current group's last role's word is past
    role_open = False  # the last role's action left in place filled its column
    moved = False
    last: int | None = None  # the column of the box right before (None: a role's word or action)
    k = targets[0] + 1
    while k < len(pieces):
        if k in kinds:
            if kinds[k] == last_role and k > targets[-1]:
                complete = True
            role_open = role_open and kinds[k] != first_role
            last = None
            k += 1
            continue
        box = [k]
        while k + 1 < len(pieces) and k + 1 not in kinds and not pieces[k + 1][2]:
            k += 1
            box.append(k)
        k += 1
        lines = [pieces[j] for j in box]
        width = box_width(lines)
        cells = groups[-1]
        open_ = [bool(c) and display_width(pieces[c[-1]][1]) >= widths[n] - _SLACK for n, c in enumerate(cells)]
        ahead = _ahead(pieces, kinds, k, widths)
        cut = len(box) == 1 and _cut_off(lines[0][1]) and ahead == _POLICY
        if last is None and not cut and width <= max(widths[_POLICY] if len(box) == 1 else 0, widths[_ROLE]) + _SLACK:
            # a box right after a role's word is its action unless too wide for one (a line: but an issue)
            column = None
        else:
            column = _column(len(box) > 1, width, widths, (open_, role_open), last, ahead)
        if column == _ISSUE and (not open_[_ISSUE] or complete):  # the next issue
            target = next((at for at in kinds if at > box[0] and kinds[at] == first_role), None)
            if target is None or target in targets:
                break
            groups.append([box, []])
            targets.append(target)
            places.append(box[0] if _before_run(kinds, box[0], target, last_role) else target)
            complete = False
            moved = True
        elif column is not None and (column != _POLICY or not complete):
            cells[column] += box
            moved = True
        else:
            role_open = display_width(lines[-1][1]) >= widths[_ROLE] - _SLACK
        last = column
    if not moved:
        return None
    return {place: group for place, group in zip(places, groups, strict=True)}


def _before_run(kinds: dict[int, int], start: int, target: int, last_role: int) -> bool:
    """Whether a next issue starting at `start` stays there: right before the group's last role's word,
    its own roles' words a run after its actions (`target`: its first role's word; the actions stand
    between the two, where `issue_rests` reads them)."""
    after = next((at for at in kinds if at > start), target)
    return kinds[after] == last_role and target + 1 in kinds


def _column(
    several: bool, width: int, widths: list[int], opened: tuple[list[bool], bool], last: int | None, ahead: int | None
) -> int | None:
    """Which cell a box goes on: the issue's or the policy's, or None (it stays where it is).  A box of
    several lines, or a line that fills a column, is the column's it is as wide as (unless a role's
    action is as wide too); a short line is the open cell's it fits in, the box's right before it first
    (pdfminer cut the cell's last line off it), else the issue's; but where the box after it goes on
    the policy, the short line stands left of that box in their band: the issue's (`ahead`; a line as
    wide as an action's column too, an action being no band's box left of a policy's)."""
    open_, role_open = opened
    fits = [n for n, w in enumerate(widths) if _fits(width, w)]
    if several or (fits and not (fits == [_ROLE] and ahead == _POLICY)):
        return fits[0] if len(fits) == 1 and fits[0] != _ROLE else None
    if role_open and width <= widths[_ROLE] + _SLACK:  # (a line wider than an action goes on no action)
        return None
    can = [n for n in (_ISSUE, _POLICY) if open_[n] and width <= widths[n] + _SLACK]
    if ahead == _POLICY and _ISSUE in can:
        return _ISSUE
    return last if last in can else (can[0] if can else None)


def _ahead(pieces: list[Piece], kinds: dict[int, int], k: int, widths: list[int]) -> int | None:
    """The column the box at `k` goes on by its width: the issue's or the policy's where it is of
    several lines, as wide as that column only and opens no list's item; else None."""
    box: Box = []
    while k < len(pieces) and k not in kinds and not (box and pieces[k][2]):
        box.append(pieces[k])
        k += 1
    if len(box) < 2 or box[0][1][0] in BULLET:
        return None
    fits = [n for n, w in enumerate(widths) if _fits(box_width(box), w)]
    return fits[0] if len(fits) == 1 and fits[0] != _ROLE else None


def _cut_off(text: str) -> bool:
    """Whether a line is a cell's cut-off last character: one letter that is no word of its own."""
    return len(text) == 1 and text not in _ONE_LETTER_WORDS and text not in BULLET


def _moved(
    pieces: list[Piece], kinds: dict[int, int], moves: dict[int, list[list[int]]], last_role: int
) -> tuple[list[Piece], Pivots, set[int]]:
    """The lines with each group's issue and policy cells before its first role's word, the pivots, and
    the last roles' words right before a group's cells."""
    taken = {k for group in moves.values() for cell in group for k in cell}
    out: list[Piece] = []
    pivots: Pivots = []
    bare: set[int] = set()
    for k, piece in enumerate(pieces):
        if k in moves and pivots and pivots[-1] == (len(out) - 1, last_role):
            bare.add(len(pivots) - 1)
        for cell in moves.get(k, ()):
            out += [(pieces[j][0], pieces[j][1], n == 0) for n, j in enumerate(cell)]
        if k in taken:
            continue
        if k in kinds:
            pivots.append((len(out), kinds[k]))
        out.append(piece)
    return out, pivots, bare


def first_action_late(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with each group's first role's action that pdfminer wrote after the next
    role's word put back after its own word (and where the pivots now are).  pdfminer writes a box
    when its top is reached, and the first role's action, centred in a row made tall by the issue's
    and the policy's lines beside it, may start below the next role's word:

        行政                    行政
        医療                    ・病院訪問の継続
        ・病院訪問の継続   →    ・入居後の相談先…の作成
        ・入居後の相談先…       医療
        …の作成                 入院早期からの区…開催
        入院早期からの区…開催

    Where nothing stands between the first role's word and the next (every issue's first role has an
    action), nor between those and any later role's word right after them (their cells empty), and
    the lines after the last of them, up to the group's next role's word, are exactly two cells
    (boxes, each going on from the one before where that one's last line is as wide as the widest:
    it filled the column), the first is the first role's."""
    out = list(pieces)
    moved = list(pivots)
    for n in range(len(moved) - 1):
        at, which = moved[n]
        if which != first_role:
            continue
        last = n  # the last of the role's words right after one another (a group's: linear in all)
        while last + 1 < len(moved) and moved[last + 1][0] == moved[last][0] + 1 and moved[last + 1][1] != first_role:
            last += 1
        if last == n or last + 1 == len(moved) or moved[last + 1][1] == first_role:
            continue  # (after the group's last role's word: the next group's issue and policy)
        start, end = moved[last][0] + 1, moved[last + 1][0]
        cells = _action_cells(out[start:end])
        if cells is None or len(cells) != 2:
            continue
        size = len(cells[0])
        first = [(*piece[:2], m == 0 or piece[2]) for m, piece in enumerate(cells[0])]
        words = [(piece[0], piece[1], True) for piece in out[at + 1 : start]]
        out[at + 1 : start + size] = [*first, *words]
        moved[n + 1 : last + 1] = [(place + size, kind) for place, kind in moved[n + 1 : last + 1]]
    return out, moved


def _action_cells(lines: list[Piece]) -> list[Box] | None:
    """The lines cut into cells at their boxes, a box going on from the cell above where that cell's
    last line is as wide as the widest (within a character); None where there are no lines."""
    if not lines:
        return None
    widest = box_width(lines)
    cells: list[Box] = []
    for piece in lines:
        if cells and (not piece[2] or display_width(cells[-1][-1][1]) >= widest - _SLACK):
            cells[-1].append(piece)
        else:
            cells.append([piece])
    return cells
