"""The first issue's cells written after its first role's word (plain pdftotext of a LibreOffice PDF).

The issues' table of section 5 centres each cell in its rows: the first role's word (`行政`) in its
short row, the issue and its policy in the four rows of their group.  Plain pdftotext may write the
role's word right below the header, then the issue, the policy and the role's action, a box each
(a cell cut into boxes by the blank lines of its centring goes on where a box's last line fills its
column):

    課題・方針に対する役割(取組)            課題・方針に対する役割(取組)
    行政                                    区ごとに協議の場の運営や取組に差が
    区ごとに協議の場の運営や取組に差が        あり、区で把握した課題が市の部会に
    あり、区で把握した課題が市の部会に        十分上がっていない
    十分上がっていない                 →
                                            ・区の会議の報告様式を
    ・区の会議の報告様式を                    統一する
    統一する                                 行政
                                            ・報告様式の作成、区
    ・報告様式の作成、区                      医療
    医療

Where nothing stands between the header and the table's first role, and the lines up to the next
role are three cells so found, the first not a list's item (an issue is a sentence), the role's word
goes after the first two: they are the issue's and the policy's, the third the role's action.  Any
other count, or a list first (the action written before the issue), leaves the lines as they were.
`cell_lines_tables` asks this of the issues' table before it cuts the lines into cells, and first
`action_above`: the first role's action written before the role's word, right below the header; and
`columns_down`: later groups' issues and policies written down their columns before one group's `行政`.
"""

from __future__ import annotations

from nikosheet.parsing.forms import policy_roles
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.issue_order import LONE_BULLETS, cells_of
from nikosheet.parsing.forms.template_tables import BULLET, Piece, box_width, boxed

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
_CELLS = 3  # the issue, the policy and the first role's action
_SAME = 2  # display columns two cells wrapped at one width may differ by
_NARROWER = 4  # display columns a box's wrapped first line stops short of a cell's widest: another column's


def before_role(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the first role's word put after the issue's and the policy's cells
    written after it, and where the pivots now are (`first_role`: which pivot is a group's first role)."""
    if len(pivots) < 2 or pivots[0] != (0, first_role):
        return pieces, pivots
    lines = pieces[1 : pivots[1][0]]
    cells = _cells(lines)
    if len(cells) != _CELLS or cells[0][0][1][0] in BULLET:
        return _action_first(pieces, pivots, first_role)
    at = len(cells[0]) + len(cells[1])
    index, word, _ = pieces[0]
    return [*pieces[1 : 1 + at], (index, word, True), *pieces[1 + at :]], [(at, first_role), *pivots[1:]]


def issue_down(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the next group's issue, written right below the first issue after the
    table's first role's word (pdftotext wrote the issues' column down, then the policy's and the
    action's boxes), put right after that group's first role's word, where its policy's and its
    action's boxes follow (and where the pivots now are): taken where the lines up to the next role's
    word are four cells, the first two wrapped at one width, wider than the others, and no list."""
    if len(pivots) < 2 or pivots[0] != (0, first_role):
        return pieces, pivots
    cells = _cells(pieces[1 : pivots[1][0]])
    if len(cells) != _CELLS + 1 or not _issues_down(cells):
        return pieces, pivots
    return _next_issue_down(pieces, pivots, first_role, len(cells[0]), len(cells[1]))


def _issues_down(cells: list[list[Piece]]) -> bool:
    """Whether the first two cells are two issues written down their column (pdftotext wrote the next
    group's issue right below this one's): no list's item, each wrapped (two lines or more) at one
    width, and the cells after them neither so wide."""
    first, second = cells[0], cells[1]
    if any(len(cell) < 2 or cell[0][1][0] in BULLET for cell in (first, second)):
        return False
    width = box_width(first)
    return abs(box_width(second) - width) <= _SAME and all(box_width(cell) < width - _SAME for cell in cells[2:])


def _next_issue_down(
    pieces: list[Piece], pivots: Pivots, first_role: int, before: int, size: int
) -> tuple[list[Piece], Pivots]:
    """The lines with the next group's issue (`size` lines after the first `before` after the first
    role's word) put right after that group's first role's word, and where the pivots now are; the
    lines as they were where no group follows."""
    later = next((k for k, (_, which) in enumerate(pivots) if k and which == first_role), None)
    if later is None:
        return pieces, pivots
    start = 1 + before
    issue = pieces[start : start + size]
    target = pivots[later][0] + 1 - size  # (after the issue's lines are taken out)
    rest = [*pieces[:start], *pieces[start + size :]]
    moved = [*rest[:target], (issue[0][0], issue[0][1], True), *issue[1:], *rest[target:]]
    return moved, [(at - size if 0 < at <= pivots[later][0] else at, which) for at, which in pivots]


def columns_down(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the issues and the policies of later groups, written right before a group's
    first role's word in their columns' order (pdftotext wrote the issues' column down, then the
    policies': `町村の協議の場を…少ない` `震災後の…縮小` `圏域単位での…` `心のケアセンターの…`), each put right
    before its own group's first role's word (and where the pivots now are).  Taken where the boxes there
    end with k issues then k policies (each a box: the issues wrapped at one width, or one line each as
    wide as one another within a character, wider than the policies, which are as wide as one another
    and no issue's list), and the k - 1 groups after hold no issue nor policy before their first role's
    word (a box at most: the last role's action above); else the lines stay."""
    firsts = [n for n, (_, which) in enumerate(pivots) if which == first_role]
    for g, n in enumerate(firsts):
        later = firsts[g + 1 :]
        at = pivots[n][0]
        boxes = boxed(pieces[pivots[n - 1][0] + 1 if n else 0 : at])
        k = next((k for k in range(len(later) + 1, 1, -1) if _down(boxes[-2 * k :], k)), 0)
        if not k or any(_boxes_before(pieces, pivots, m) > 1 for m in later[: k - 1]):
            continue
        cells = boxes[-2 * k :]
        start = at - sum(map(len, cells))
        spans = [range(start + sum(map(len, cells[:j])), start + sum(map(len, cells[: j + 1]))) for j in range(2 * k)]
        ends = [pivots[m][0] for m in later[: k - 1]] + [len(pieces)]
        order = [*range(start), *spans[0], *spans[k]]
        for j in range(k):  # each group's cells, then its rows up to the next group's first role's word
            if j:
                order += [*spans[j], *spans[k + j]]
            order += range(pivots[n if not j else later[j - 1]][0], ends[j])
        where = {old: new for new, old in enumerate(order)}
        return [pieces[i] for i in order], [(where[at], which) for at, which in pivots]
    return pieces, pivots


def _boxes_before(pieces: list[Piece], pivots: Pivots, n: int) -> int:
    """How many boxes stand between a group's first role's word and the word before it."""
    return len(boxed(pieces[pivots[n - 1][0] + 1 : pivots[n][0]]))


def _down(cells: list[list[Piece]], k: int) -> bool:
    """Whether 2k boxes are k issues then k policies written down their columns (see `columns_down`)."""
    if len(cells) != 2 * k:
        return False
    issues, policies = cells[:k], cells[k:]
    if any(cell[0][1][0] in BULLET for cell in issues):
        return False
    wide = [box_width(cell) for cell in issues]
    narrow = [box_width(cell) for cell in policies]
    return (
        max(wide) - min(wide) <= _SAME
        and max(narrow) - min(narrow) <= _SAME
        and min(wide) > max(narrow) + _SAME
        and all(len(cell) > 1 for cell in policies)
    )


def _action_first(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the first role's action, a list written first, put after the issue's and
    the policies' cells that follow it and the role's word before it (and where the pivots now are)."""
    lines = pieces[1 : pivots[1][0]]
    cells = cells_of([text for _, text, _ in lines])
    if len(cells) != _CELLS or not _listed(lines, cells[0]) or any(lines[k][1][0] in BULLET for k in cells[1]):
        return pieces, pivots
    index, word, _ = pieces[0]
    issue, policies, action = (_boxed([lines[k] for k in cell]) for cell in (cells[1], cells[2], cells[0]))
    moved = [*issue, *policies, (index, word, True), *action]
    shift = len(moved) - pivots[1][0]  # (the bullets left out)
    return [*moved, *pieces[pivots[1][0] :]], [(len(issue) + len(policies), first_role)] + [
        (at + shift, which) for at, which in pivots[1:]
    ]


def _listed(lines: list[Piece], cell: list[int]) -> bool:
    """Whether the cell is a list: its first line an item's."""
    return lines[cell[0]][1][0] in BULLET


def _boxed(cell: list[Piece]) -> list[Piece]:
    """The cell's lines, its first a box's (a blank line before it: a cell of its own), a list's bullet
    drawn alone on its line left out (its item's line has its own)."""
    lines = [piece for piece in cell if piece[1] not in LONE_BULLETS]
    return [(lines[0][0], lines[0][1], True), *lines[1:]] if lines else []


def _cells(lines: list[Piece]) -> list[list[Piece]]:
    """The lines cut into cells at their blank lines, a box going on from the cell above where that
    cell's last line is as wide as the widest of both (it filled its column)."""
    boxes: list[list[Piece]] = []
    for piece in lines:
        if boxes and not piece[2]:
            boxes[-1].append(piece)
        else:
            boxes.append([piece])
    cells: list[list[Piece]] = []
    for box in boxes:
        filled = cells and display_width(cells[-1][-1][1]) == max(display_width(t) for _, t, _ in [*cells[-1], *box])
        if filled and not _narrower(box, cells[-1]):
            cells[-1] += box
        else:
            cells.append(box)
    return cells


def _narrower(box: list[Piece], cell: list[Piece]) -> bool:
    """Whether the box is another column's cell: its first line wrapped (the next starts no item)
    narrower than the cell's widest by more than a character or two, as the cell's own rest would not."""
    if len(box) < 2 or box[1][1][0] in BULLET or box[1][1] in LONE_BULLETS:
        return False
    return display_width(box[0][1]) < box_width(cell) - _NARROWER


def action_above(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the first role's action, written right below the header and before the
    role's word, put after the word (and where the pivots now are).  LibreOffice centres the word in
    its row beside an action of two lines, so pdftotext may write the action's box first; the issue
    and its policy then stand side by side on the lines after the word, a space apart, as they stand
    in one printed row (`policy_roles` reads them):

        課題・方針に対する役割(取組)                  課題・方針に対する役割(取組)
        保健所による退院後の                           行政
        訪問                                    →     保健所による退院後の
                                                      訪問
        行政                                           冬期に退院直後の人が孤立し 退院前に冬期の…
        冬期に退院直後の人が孤立し 退院前に冬期の…

    Where those two cells' lines are a box of their own right before the next role's word, they go
    before the first role's word instead, for `issue_pairs` to read.  Only where the lines before the
    word are one box and the line after it (or after the next role's word right below it, `医療`)
    holds two cells so."""
    if not pivots or pivots[0][1] != first_role or not pivots[0][0]:
        return pieces, pivots
    at = pivots[0][0]
    box, after = pieces[:at], pieces[at + 1 : at + 2]
    if len(pivots) > 1 and pivots[1][0] == at + 1:  # the next role's word right below (`医療`), then the cells
        after = pieces[at + 2 : at + 3]
    if not after or not policy_roles.paired(after[0][1]):
        return _list_above(pieces, pivots, first_role)
    if any(piece[2] for piece in box[1:]):
        return pieces, pivots
    index, word, _ = pieces[at]
    role, action = (index, word, True), [(box[0][0], box[0][1], True), *box[1:]]
    end = next((k for k in range(at + 2, len(pieces)) if pieces[k][2]), len(pieces))
    if len(pivots) > 1 and pivots[1][0] == end:  # the two cells a box of their own: before the role's
        cells = [(pieces[at + 1][0], pieces[at + 1][1], True), *pieces[at + 2 : end]]  # word (`issue_pairs`)
        return [*cells, role, *action, *pieces[end:]], [(len(cells), first_role), *pivots[1:]]
    nxt = pieces[at + 1]
    return [role, *action, (nxt[0], nxt[1], True), *pieces[at + 2 :]], [(0, first_role), *pivots[1:]]


_WIDER = 2  # display columns a line may stand past the action's widest above the role's word and be its


def _list_above(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with the first role's action, a list written right below the header and before
    the role's word, put after the word, and the issue's and the policies' cells written after the word
    put before it (and where the pivots now are).  pdftotext writes the action's column down to the
    role's word's height, then the issue's and the policies' boxes (each wider than the action's
    column), then the action's rest, its last item's wrapped end, right after the word or after them:

        課題・方針に対する役割(取組)                   ・病院別データの集計と
        ・病院別データの集計と                          推進会議への報告
        推進会議への報告                                ・保健所による個別ケー
        ・保健所による個別ケー                   →     （the issue, the policies before 行政）
        行政                                            行政
        1 年以上の長期入院者が多く、病院ご               ・病院別データの集計と
        とに退院支援の取組に大きな差がある。             推進会議への報告
        ・病院ごとの長期入院者数と退院者数                ・保健所による個別ケー
        を推進会議で共有する                            スの調整
        スの調整

    (the issue and the policies go before the role's word, the action after it).  Only where the lines
    above the word are one list's cell, the first cell after the word (or after the rest) is no list's
    item and wider than the action's column, and so is the policies' cell after it; the rest, where
    there is one, is a cell of lines no wider than the action's column that starts no item."""
    at, nxt = pivots[0][0], pivots[1][0] if len(pivots) > 1 else len(pieces)
    above = [piece for piece in pieces[:at] if piece[1] not in LONE_BULLETS]
    if not above or above[0][1][0] not in BULLET or len(cells_of([t for _, t, _ in above])) != 1:
        return pieces, pivots
    narrow = box_width(above)
    lines = pieces[at + 1 : nxt]
    cells = [[lines[k] for k in cell] for cell in cells_of([t for _, t, _ in lines])]
    rest: list[Piece] = []
    if len(cells) > 1 and _rest(cells[0], narrow) and not _fits(cells[1], narrow):
        rest = cells.pop(0)
    if len(cells) < 2 or cells[0][0][1][0] in BULLET or _fits(cells[0], narrow) or _rest(cells[1], narrow):
        return pieces, pivots
    issue, policies, later = cells[0], cells[1], cells[2:]
    if not rest:  # the rest after the issue's and the policies' boxes (a later record's perhaps between)
        at_rest = next((k for k, cell in enumerate(later) if _rest(cell, narrow)), None)
        if at_rest is not None:
            rest = later.pop(at_rest)
    index, word, _ = pieces[at]
    cut = [*_one_box(issue), *_one_box(policies)]
    moved = [*cut, (index, word, True), *_one_box(above + rest), *(piece for cell in later for piece in cell)]
    shift = len(moved) - nxt
    return [*moved, *pieces[nxt:]], [(len(cut), first_role)] + [(p + shift, which) for p, which in pivots[1:]]


def _rest(cell: list[Piece], narrow: int) -> bool:
    """Whether the cell may be the action's rest: it fits the action's column and starts no item."""
    return _fits(cell, narrow) and cell[0][1][0] not in BULLET


def _fits(cell: list[Piece], narrow: int) -> bool:
    """Whether every line of the cell (a list's bullets drawn alone left out) fits the action's column."""
    texts = [t for _, t, _ in cell if t not in LONE_BULLETS]
    return bool(texts) and max(display_width(t) for t in texts) <= narrow + _WIDER


def _one_box(cell: list[Piece]) -> list[Piece]:
    """The cell's lines as one box (a blank line before its first only: the readers after take it
    whole), a list's bullet drawn alone on its line left out."""
    lines = [piece for piece in cell if piece[1] not in LONE_BULLETS]
    return [(index, text, not k) for k, (index, text, _) in enumerate(lines)]
