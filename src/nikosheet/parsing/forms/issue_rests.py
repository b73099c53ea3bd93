"""An issue's and its policy's wrapped rests written after the group's first role (plain pdftotext).

Plain pdftotext of a Chromium PDF writes the issues' table of section 5 a band of lines at a time,
each band's boxes left to right.  The issue and its policy stand in the group's first role's band,
so their first lines come before `行政`; their last lines, a band lower, come after it — before the
role's own cell or after it:

    市町村の協議の場の設置が進                  市町村の協議の場の設置が進
    市町村向け研修会とアドバイザ                んでいない
    行政                                        市町村向け研修会とアドバイザ
    んでいない                          →       ー派遣を行う
    ー派遣を行う                                行政
    研修会の開催、アドバイザー派遣               研修会の開催、アドバイザー派遣
    医療                                        医療

Two boxes in a row right after the role's word, or right before the next role's word (the role's
cell between), are the two rests when each starts inside a word (a particle before a kanji, ン, ー,
a small kana, a character alone: `る`, `を集約する`), or a hiragana where the other does so, and the
issue and the policy above end inside a sentence; a policy's list may go on with its next item
(`・…`).  They are put back after their cells' first lines, so that the cell-per-line reader reads
each cell whole.  `cell_lines_tables` asks this of the issues' table before it cuts the lines.
"""

from __future__ import annotations

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, Piece
from nikosheet.typography import NO_WORD_START

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
Box = list[Piece]
_PARTICLES = "をがでのにと"  # a case particle before a kanji: a phrase's end, never a cell's start
_ONE_LETTER_WORDS = "有無県市区町村国"  # a cell of one letter that is a word
_SENTENCE_END = "。"
_TOLERANCE = 2  # display columns: a wrapped line may stop a character short of its column


def back(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots]:
    """The table's lines with each group's issue and policy rests put back after their cells, and
    where the pivots now are (only a group's first role moves: its rests now come before it)."""
    out = list(pieces)
    moved = list(pivots)
    for n, (at, which) in enumerate(pivots):
        if which != first_role or n + 1 >= len(pivots):
            continue
        start = pivots[n - 1][0] + 1 if n else 0
        cells = _boxes(out[start:at])
        if len(cells) == (5 if n else 4) and _in_pairs(*cells[-4:]):  # the two cells' bands before the role
            first_band, second_band = cells[-4], cells[-2]
            out[at - sum(map(len, cells[-4:])) : at] = [
                *first_band,
                *_going_on(second_band),
                *cells[-3],
                *_going_on(cells[-1]),
            ]
            continue
        after = _boxes(out[at + 1 : pivots[n + 1][0]])
        if len(cells) < 2 or len(after) < 3:
            continue
        issue, policy = cells[-2], cells[-1]
        rests = _rests(issue, policy, after)
        if rests is None:
            continue
        first, second = rests
        value = [p for box in after if box is not first and box is not second for p in box]
        head = out[: at - len(issue) - len(policy)]
        out = [
            *head,
            *issue,
            *_going_on(first),
            *policy,
            *_going_on(second),
            out[at],
            *value,
            *out[pivots[n + 1][0] :],
        ]
        moved[n] = (at + len(first) + len(second), which)
    return out, moved


def _in_pairs(issue: Box, policy: Box, issue_rest: Box, policy_rest: Box) -> bool:
    """Whether four boxes are the issue's and the policy's first lines, then their rests: each first
    box a line that ends inside a sentence, as wide as its rest's widest line (the column's width)."""
    for head, rest in ((issue, issue_rest), (policy, policy_rest)):
        if len(head) != 1 or head[0][1].endswith(_SENTENCE_END) or (rest[0][1][0] in BULLET and head is issue):
            return False
        if abs(display_width(head[0][1]) - max(display_width(t) for _, t, _ in rest)) > _TOLERANCE:
            return False
    return True


def _boxes(pieces: list[Piece]) -> list[Box]:
    """The pieces in boxes: a blank line before a piece starts a box."""
    boxes: list[Box] = []
    for piece in pieces:
        if piece[2] or not boxes:
            boxes.append([piece])
        else:
            boxes[-1].append(piece)
    return boxes


def _going_on(box: Box) -> Box:
    """A rest's lines, the first no longer after a blank line (it goes on the cell above)."""
    (index, text, _), *rest = box
    return [(index, text, False), *rest]


def _rests(issue: Box, policy: Box, after: list[Box]) -> tuple[Box, Box] | None:
    """The two boxes after the role's word that are the issue's and the policy's rests: the first two
    or the last two (the role's cell, at least a box, the others), where exactly one pair is."""
    found = [(after[a], after[a + 1]) for a in (0, len(after) - 2) if _rest_of(issue, policy, after[a], after[a + 1])]
    return found[0] if len(found) == 1 else None


def _rest_of(issue: Box, policy: Box, first: Box, second: Box) -> bool:
    if any(box[-1][1].endswith(_SENTENCE_END) for box in (issue, policy)):
        return False
    one, two = _cut(first[0][1]), _cut(second[0][1])
    if policy[0][1][0] in BULLET and second[0][1][0] in BULLET:
        two = 1  # the policy's next item: the issue's rest must be sure
    return one > 0 and two > 0 and max(one, two) == 2 and first[0][1][0] not in BULLET


def _cut(text: str) -> int:
    """How surely a box starts inside a word: 2 sure (a particle before a kanji, ン, ー, a small kana,
    a character alone), 1 likely (a hiragana), else 0."""
    if len(text) == 1:
        return 2 if text not in _ONE_LETTER_WORDS and text not in BULLET else 0
    if text[0] in NO_WORD_START or (text[0] in _PARTICLES and "\u4e00" <= text[1] <= "\u9fff"):
        return 2
    return 1 if "\u3041" <= text[0] <= "\u309f" else 0
