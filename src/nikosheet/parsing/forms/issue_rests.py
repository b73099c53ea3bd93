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

Two boxes in a row right after the role's word, or right before the next role's word (the role's cell
between, which never starts inside a word), are the two rests when the issue and the policy above end
inside a sentence, each box's lines fit its cell's column (a cell that goes on filled it) and each box
likely goes on its cell — it starts with a hiragana, a katakana word goes on, a list its next item — and
one surely does: it starts inside a word (a particle before a kanji, ン, ー, a small kana, a character
alone: `る`, `を集約する`; or the cell's last line stops on a kanji right after `を`, `…情報を集`
`約する`, as no phrase does; or the cell, wrapped, stops on a particle or a comma, `…地域課題の`) or
wraps as wide as its cell. Where the issue and the policy each wrapped and filled their columns to their
last lines, both go on: where the role's cell is one box and two follow it, one that likely goes on and
one that fits (its lines wrapped as the cell's) are the rests (`…支援が途切れる` `…合同研修と事`, then
`ことがある` `例検討を行う`; with more boxes, one left may be the role's cell's own rest); plain
pdftotext writes the group above's last role's cell beside its label and this group's issue right after
it, no blank line between, so the issue is the box's last lines that filled its column (`_lead_apart`).
Or the issue's and the policy's first lines, a box each, come before the role with their rests in a
second band (or in more, each going on the one before), the group's only boxes there but for the role
above's action wrapped in boxes before them (any box that fits may then be a rest; one still surely is).
pdfminer may write the group's first printed line a box a cell, the role's cell's too, then each cut
cell's rest in the columns' order (`…進んでいな` `…病院と共` `行政` `…結果の共` `い` `有し、…なげる`
`有`): the two boxes after the role's first one-line
box are the rests, when they go on the issue and the policy and the box after them fits the role's cell
(a list's next item there, `・…`, may be wider than its first; a later box that starts inside a word
right after one as wide as the widest there, `…への連` `絡`, is that cell's rest, no cell's start); the
two rests may come in bands, a box each in turn (one band where no box of the issue's column follows it:
the next group's issue), the first band's boxes wrapped as wide as the cells' first lines (`_bands`).
A rest may come as two boxes, its lines that fill the column and then its last lines (`…ないことが`
`ある`): where no reading is found otherwise, such a pair is read as one rest when exactly one is.  A
one-line box as wide as the cell's one line likely goes on it too (the cell filled its column: `…相談窓`
`口で適切な支援につながりにくい`). Where a group's issue and policy, so put back, stand right after the
last role's label of the group above with no box between, that role's cell is empty (pdfminer writes no
box for an empty cell): `back` says which, and the reader leaves it so rather than give it the issue's
first line.  Where the role's cell is one line and two boxes follow it, one that only fits its cell is a
rest beside one that surely goes on (`孤立しやすい` beside the policy's rest as wide as its first line);
the first boxes before the role may be of several lines when each fills its column to its last line,
their rests then going on where they fit, one a hiragana first (`ている`).  A long vowel's mark (`ー…`)
goes on a katakana word only.  A cell whose last line is as wide as its column (the widest of the
groups' first lines, where two are as wide) wrapped, so a rest that fits goes on it likely, even one
that starts on a kanji (`市町村によって協議の場の` `開催状況に差がある`): so the rests before the role's
own rest are found beside one that surely goes on. Where two readings fit, the rests stay where they
are, but where the role's cell is three boxes' last and one line (`行政` `区相談会の運営支援` `に差がある`
`事例を横展開する`): a one-line action stands level with its word, so it is written right after it, and the
two boxes after it are the rests.  Where no reading is found so, and the issue and the
policy each wrapped at a width of its own, the boxes after the role whose lines stand in the issue's or
the policy's column go on that cell while it is open (pdfminer writes a list's next item of the policy
after the role: `・仙台医療圏の医療機関` … `行政` `・オンラインを活用した` `相談と…`), the role's cell
being the boxes left, wider than the policy's column (`_by_columns`).  The rests are put after their
cells' first lines, so that the cell-per-line reader reads each cell whole; `cell_lines_tables` asks this
of the issues' table before it cuts the lines.
The group's later roles' words written in a run after the first role's cells (their actions before
them) go each before its cell where the cells are as many as the roles; boxes that go on the cell before
them are joined first, the surest first (`…計画相` `談`: inside a word; `りと早期の相談`: a hiragana; `…による
訪問` `支援 ・…`: the cell before filled the column; a list's next item), where that makes as many cells and
no join left out is as sure as one made.  In a group whose rests stayed (nothing put back), such a run is
read so only where no cell left likely goes on the one before it (a role left empty then, which is not
told), and a last role whose cell it so finds is no longer taken for empty."""

from __future__ import annotations

from itertools import pairwise

from nikosheet.parsing.forms import policy_roles
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.line_cuts import TOLERANCE, last_fills
from nikosheet.parsing.forms.template_tables import BULLET, Box, Piece, box_width, boxed
from nikosheet.typography import NO_WORD_START, continues, starts_hiragana, starts_katakana

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
Columns = tuple[int | None, int | None]  # the issues' and the policies' columns' widths, where known
_PARTICLES = "をがでのにと"  # a case particle before a kanji: a phrase's end, never a cell's start
_OBJECT = "を"  # the object's particle: a verb or a noun of action follows it
_ONE_LETTER_WORDS = "有無県市区町村国"  # a cell of one letter that is a word
_SENTENCE_END = "。"
_OPEN_ENDS = "のをがに、"  # a particle or a comma that ends no cell: a cell's line that stops on one goes on
_LONG_VOWEL = "ー"
_WRAPPED = 2  # lines each box of the first band of rests `_bands` reads holds at least


def back(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots, set[int], set[int]]:
    """The table's lines with each group's issue and policy rests put back after their cells, where
    the pivots now are (only a group's first role moves: its rests now come before it), the pivots
    of a group's last role whose value is empty: the next group's issue and policy, whose rests came
    after its first role, stand right after its label (pdfminer writes no box for an empty cell), and
    the pivots of later roles whose cells, written before their labels' run, now follow them (none of
    them empty, whatever a reader before took them for)."""
    out = list(pieces)
    moved = list(pivots)
    last_role = max((which for _, which in pivots), default=first_role)
    columns = _columns(pieces, pivots, first_role)
    bare: set[int] = set()
    done: set[int] = set()  # the groups whose rests were put back
    for n, (at, which) in enumerate(pivots):
        if which != first_role or n + 1 >= len(pivots):
            continue
        start = pivots[n - 1][0] + 1 if n else 0
        cells = boxed(out[start:at])
        banded = (_banded(cells[1:]) or _banded_after(cells)) if n else _banded(cells)
        if banded is not None:  # the two cells' bands before the role
            out[at - sum(map(len, banded)) : at] = [piece for box in banded for piece in box]
            continue
        after = boxed(out[at + 1 : pivots[n + 1][0]])
        if len(cells) < 2 or len(after) < 3:
            continue
        lead, issue = _lead_apart(cells[-2])
        policy = cells[-1]
        rests = _rests(issue, policy, after, columns)
        bands = [rests] if rests is not None else _bands(issue, policy, after)
        if not bands and (joined := _rest_joined(issue, policy, after, columns)) is not None:
            after, bands = joined[0], [joined[1]]
        if bands:
            first, second = bands[0]
            if len(bands) == 1 and len(after) > 3 and first is after[1] and second is after[2]:  # the role's own rest
                after[3] = _going_on(after[3])
            columns_rests = [band[0] for band in bands], [band[1] for band in bands]
        elif (columned := _by_columns(issue, policy, after)) is not None:
            columns_rests = columned  # the rests told by their columns' widths
        else:
            continue
        taken = {id(box) for column in columns_rests for box in column}
        value = [p for box in after if id(box) not in taken for p in box]
        head = out[: at - len(cells[-2]) - len(policy)]
        out = [
            *head,
            *lead,
            *([(issue[0][0], issue[0][1], True), *issue[1:]] if lead else issue),
            *(p for box in columns_rests[0] for p in _going_on(box)),
            *policy,
            *(p for box in columns_rests[1] for p in _going_on(box)),
            out[at],
            *value,
            *out[pivots[n + 1][0] :],
        ]
        moved[n] = (at + sum(len(box) for column in columns_rests for box in column), which)
        out = _labels_among(out, moved, n)
        if len(cells) == 2 and not lead and n and pivots[n - 1][1] == last_role != first_role:
            bare.add(n - 1)
        done.add(n)
    filled: set[int] = set()
    for n, (_, which) in enumerate(moved):  # the groups whose rests stayed: their labels in a run still
        if which == first_role and n not in done:
            before, out = out, _labels_among(out, moved, n, 2)
            if out is not before:
                filled |= set(range(n + 1, n + last_role - first_role + 1))
    return out, moved, bare - filled, filled


def _lead_apart(box: Box) -> tuple[Box, Box]:
    """The lines of a box before the issue, and the issue: plain pdftotext writes the group above's last
    role's cell beside its label and the issue right after it, no blank line between (`大学の学生相談室、
    NPOによる相談` `の受付と紹介` then `高齢の精神障害者が介護保険サービ` `スへ移行する際に、支援が途切れる`):
    where the box's last lines (two at least) each fill a column and the line before them stops short
    of it (a cell's last line), those lines are the issue; else the box whole is."""
    for k in range(1, len(box) - 1):
        tail = box[k:]
        if _wrapped(tail) and display_width(box[k - 1][1]) < box_width(tail) - TOLERANCE:
            return box[:k], tail
    return [], box


def _columns(pieces: list[Piece], pivots: Pivots, first_role: int) -> Columns:
    """The issues' and the policies' columns' widths, from the boxes right before each group's first
    role (the issue's and the policy's first lines): the widest line, where another line is as wide
    (two cells that filled the column), else not known."""
    issues: list[int] = []
    policies: list[int] = []
    for n, (at, which) in enumerate(pivots):
        if which != first_role:
            continue
        cells = boxed(pieces[pivots[n - 1][0] + 1 if n else 0 : at])
        if len(cells) >= 2:
            issues += [display_width(text) for _, text, _ in cells[-2]]
            policies += [display_width(text) for _, text, _ in cells[-1]]
    return _known(issues), _known(policies)


def _known(widths: list[int]) -> int | None:
    """A column's width from its lines' widths: the widest, where another is as wide."""
    if not widths:
        return None
    widest = max(widths)
    return widest if sum(w >= widest - TOLERANCE for w in widths) >= 2 else None


def _labels_among(pieces: list[Piece], pivots: Pivots, n: int, least: int = 1) -> list[Piece]:
    """The group's later roles' labels, written in a run after the first role's cells (`行政` `…` `…`
    `…` `…` `医療` `福祉` `その他関係機関・住民等`), each put before its cell where the cells are as many
    as the roles, a box each: the pieces (`pivots` moved to match).  Where the boxes are fewer, which
    role is empty is not told, and the group stays as it was; so where a later box starts inside a word
    (`の集約…`: the first role's cell's rest, no later role's cell)."""
    at = pivots[n][0]
    run: list[int] = []
    for k in range(n + 1, len(pivots)):
        if pivots[k][1] != pivots[n][1] + k - n or pivots[k][0] != pivots[n + 1][0] + k - n - 1:
            break
        run.append(k)
    if len(run) < least:  # (a role's word alone after the first role's cells: no run)
        return pieces
    cells = boxed(pieces[at + 1 : pivots[run[0]][0]]) if run else []
    if len(cells) > len(run) + 1 and len(run) > 1:
        cells = _joined(cells, len(run) + 1) or cells
    if len(cells) != len(run) + 1 or any(cut(cell[0][1]) for cell in cells[1:]):
        return pieces
    if least > 1 and any(_goes_on_score(a, b, max(map(box_width, cells))) >= _FILLED for a, b in pairwise(cells)):
        return pieces  # (a cell that likely goes on the one before: a role may be empty, which is not told)
    labels = [pieces[pivots[k][0]] for k in run]
    end = pivots[run[-1]][0] + 1
    out = [*pieces[: at + 1], *cells[0]]
    for k, label, cell in zip(run, labels, cells[1:], strict=True):
        pivots[k] = (len(out), pivots[k][1])
        out += [label, *cell]
    return [*out, *pieces[end:]]


_SURE, _LIKELY, _FILLED, _LISTED = 4, 3, 2, 1  # how surely a box goes on the cell before it (0: it does not)


def _joined(cells: list[Box], count: int) -> list[Box] | None:
    """Boxes of actions written one after another joined into `count` cells, each box going on the
    cell before it where it does most surely: it starts inside a word (`談`, `ーでの…`), it starts as no
    line does (`りと早期の相談`: a hiragana), the cell before filled the column (its last line as wide as
    the widest: `…による訪問` `支援 ・…`), or it is a list's next item after a list (`・…` `・…`).  None
    where the boxes do not join into so many cells so, or where a join left out is as sure as one made."""
    widest = max(box_width(cell) for cell in cells)
    scores = [_goes_on_score(cells[k - 1], cells[k], widest) for k in range(1, len(cells))]
    need = len(cells) - count
    order = sorted(range(len(scores)), key=lambda k: -scores[k])
    taken = set(order[:need])
    if any(scores[k] == 0 for k in taken) or (len(order) > need and scores[order[need]] == scores[order[need - 1]]):
        return None
    out: list[Box] = [cells[0]]
    for k, cell in enumerate(cells[1:]):
        out[-1:] = [[*out[-1], *_going_on(cell)]] if k in taken else [out[-1], cell]
    return out


def _goes_on_score(before: Box, box: Box, widest: int) -> int:
    first = box[0][1]
    if cut(first):
        return _SURE
    if continues(first):
        return _LIKELY
    if first[0] not in BULLET and display_width(before[-1][1]) >= widest - TOLERANCE:
        return _FILLED
    if first[0] in BULLET and before[0][1][0] in BULLET:
        return _LISTED
    return 0


def _in_pairs(issue: Box, policy: Box, issue_rest: Box, policy_rest: Box) -> bool:
    """Whether four boxes are the issue's and the policy's first lines, then their rests: each first
    box one line, the rests going on them (see `_pair`; any box that fits may be a rest here, the
    boxes before the role being only these four)."""
    if len(issue) == len(policy) == 1:
        return _pair(issue, policy, issue_rest, policy_rest, 1)
    # wrapped cells whose last lines fill their columns: their rests where they fit, one a hiragana first
    one, two = _going_on_from(issue, issue_rest, 1), _going_on_from(policy, policy_rest, 1)
    hiragana = any(starts_hiragana(rest[0][1]) for rest in (issue_rest, policy_rest))
    return one > 0 and two > 0 and _filled(issue) and _filled(policy) and (max(one, two) == 2 or hiragana)


def _banded_after(cells: list[Box]) -> list[Box] | None:
    """The bands (see `_banded`) after the role above's action, which the cells before them hold wrapped in
    boxes: the longest run of boxes at the cells' end, the first two left to that action, that reads so."""
    return next((found for tail in range(len(cells) - 2, 3, -1) if (found := _banded(cells[-tail:]))), None)


def _banded(boxes: list[Box]) -> list[Box] | None:
    """The issue and the policy put together from their bands before the role, where the boxes are their
    first lines then their rests, a band at a time (the issue's box, then the policy's), each band going
    on the one before (`_in_pairs`): two bands or more (`…超えてお` `…全病院へ拡`, then `り、…` `大する…`,
    then `の不安が…` `に同行する…`); None where they are not so."""
    if len(boxes) < 4 or len(boxes) % 2:
        return None
    issue, policy = boxes[0], boxes[1]
    for k in range(2, len(boxes), 2):
        if not _in_pairs(issue, policy, boxes[k], boxes[k + 1]):
            return None
        issue, policy = [*issue, *_going_on(boxes[k])], [*policy, *_going_on(boxes[k + 1])]
    return [issue, policy]


def _filled(cell: Box) -> bool:
    """Whether a cell's last line is as wide as its widest (the cell filled its column to its end)."""
    return last_fills([text for _, text, _ in cell])


def _going_on(box: Box) -> Box:
    """A rest's lines, the first no longer after a blank line (it goes on the cell above)."""
    (index, text, _), *rest = box
    return [(index, text, False), *rest]


def _rests(issue: Box, policy: Box, after: list[Box], columns: Columns) -> tuple[Box, Box] | None:
    """The two boxes after the role's word that are the issue's and the policy's rests: the first two
    or the last two (the role's cell, at least a box, the others), where exactly one pair is."""
    # the role's cell one line, then two boxes: any box that fits may be a rest beside one that surely is
    fits = 1 if len(after) == 3 and len(after[0]) == 1 else 0
    found = [
        (after[a], after[a + 1])
        for a in (0, len(after) - 2)
        if _pair(issue, policy, after[a], after[a + 1], fits if a else 0, apart=len(after) == 3)
        and not any(cut(box[0][1]) for box in (after[2:] if a == 0 else after[:a]))  # a role's cell starts a word
    ]
    if len(after) > 3 and _own_rest_after(after, issue, policy, columns):
        if len(after) == 4 and not _going_on_from(after[0], after[1], 1):
            found = [pair for pair in found if pair[0] is not after[2]]  # the role's cell is not two boxes
        found.append((after[1], after[2]))
    if len(after) == 3 and len(after[2]) == 1:  # a one-line action stands level with its word: right after it
        found = [pair for pair in found if pair[0] is not after[0]]
    return found[0] if len(found) == 1 else None


def _rest_joined(
    issue: Box, policy: Box, after: list[Box], columns: Columns
) -> tuple[list[Box], tuple[Box, Box]] | None:
    """The boxes after the role's word with a rest cut in two put together, and the two rests, where
    `_rests` finds them so and so only: pdfminer may write a cell's rest's lines that fill its column
    as a box, and its last lines as the next (`病院が都内各地に散らばっているた` `…ないことが`, then
    `ある`): a box of two lines at least, each as wide as its cell's first line, goes on in the next
    box where that box likely goes on it (`_going_on_from`)."""
    found: list[tuple[list[Box], tuple[Box, Box]]] = []
    for k in range(1, len(after) - 1):
        box, rest = after[k], after[k + 1]
        if len(box) < _WRAPPED or not any(_in_column(box, box_width(cell), wrapped=True) for cell in (issue, policy)):
            continue
        if not _full(box, box_width(box)) or not _going_on_from(box, rest, 0):
            continue
        joined = [*after[:k], [*box, *_going_on(rest)], *after[k + 2 :]]
        rests = _rests(issue, policy, joined, columns)
        if rests is not None:
            found.append((joined, rests))
    return found[0] if len(found) == 1 else None


def _own_rest_after(after: list[Box], issue: Box, policy: Box, columns: Columns) -> bool:
    """Whether the role's cell's first line (one line) comes before the two rests, and its own rest
    right after them (the group's first band: `…の共` `行政` `…の共` then `い` `…なげる` `有`)."""
    own, own_rest = after[0], after[3]
    own_goes_on = _going_on_from(own, own_rest, 1)
    # the role's own rest surely going on, the two boxes before it are the cells' rests where they fit
    fitting = own_goes_on == 2 and _going_on_from(issue, after[1], 1) > 0 and _going_on_from(policy, after[2], 1) > 0
    return (
        len(own) == 1
        and (fitting or _pair(issue, policy, after[1], after[2], 0, columns))
        and own_goes_on > 0
        and _start_cells([own, *after[3:]], 2)
    )


def _bands(issue: Box, policy: Box, after: list[Box]) -> list[tuple[Box, Box]]:
    """The issue's and the policy's rests written a band of lines at a time after the role's own first
    box (pdfminer: `…退院後の` `…学ぶ研` `行政` `・合同研修の開` then the next three lines of each, a box
    each, then their last lines): pairs of boxes, each of its cell's column (its lines but the last as
    wide as the cell's first box, the last no wider), while both cells go on (their last lines fill
    the column), both ending in one band; the first band's boxes wrapped (two lines as wide as the
    cells', which tells the widths); a single band (which `_rests` did not take) only where no wrapped
    box of the issue's column follows it (the next group's issue, written right after: the band may
    then be its rows' to come); none where the boxes are not so."""
    widths = (box_width(issue), box_width(policy))
    bands: list[tuple[Box, Box]] = []
    k = 1
    cells = (issue, policy)
    while all(_full(cell, width) for cell, width in zip(cells, widths, strict=True)):
        if k + 1 >= len(after):
            return []
        cells = (after[k], after[k + 1])
        if not all(_in_column(cell, width, wrapped=not bands) for cell, width in zip(cells, widths, strict=True)):
            return []
        bands.append(cells)
        k += 2
    if not bands or any(_full(cell, width) for cell, width in zip(cells, widths, strict=True)):
        return []
    if len(bands) == 1 and k < len(after) and _in_column(after[k], widths[0], wrapped=True):
        return []  # the next group's issue right after the rests
    return bands


def _by_columns(issue: Box, policy: Box, after: list[Box]) -> tuple[list[Box], list[Box]] | None:
    """The issue's and the policy's rests among the boxes after the role's word, told by their columns'
    widths (pdfminer writes a box a column's lines, in an order of its own: `…障害福` `・仙台医療圏の医療機関`
    `行政` `・オンラインを活用した` `相談と事例検討を進める` `・保健福祉事務所による圏域` …): where the
    issue and the policy each wrapped (two lines or more, as wide as each other) at widths that differ,
    every box whose lines fit one of the two columns (its lines but its last as wide, its last no wider,
    a one-line box as wide) goes on that cell while the cell is open (its last line fills its column, or
    a list takes its next item), and the boxes left, the role's cell, are wider than the policy's column
    somewhere and fit neither.  None where a box could be of two columns or of none, or nothing moves."""
    issue_width, policy_width = _column_of(issue), _column_of(policy)
    if issue_width is None or policy_width is None or abs(issue_width - policy_width) <= 2 * TOLERANCE:
        return None
    widths = (issue_width, policy_width)
    cells = [list(issue), list(policy)]
    rests: tuple[list[Box], list[Box]] = ([], [])
    value: list[Box] = []
    for box in after:
        fits = [c for c in (0, 1) if _open(cells[c], box, widths[c]) and _going_on_from(cells[c], box, 1)]
        if len(fits) > 1:
            return None
        if not fits:
            value.append(box)
            continue
        rests[fits[0]].append(box)
        cells[fits[0]] = [*cells[fits[0]], *box]
    if not value or not any(rests):
        return None
    widest = max(display_width(text) for box in value for _, text, _ in box)
    if widest <= policy_width + TOLERANCE or any(abs(widest - w) <= TOLERANCE for w in widths):
        return None  # the role's cell is not told apart from the policy's column
    return rests


def _column_of(cell: Box) -> int | None:
    """The width of a cell's column, where the cell wrapped (two lines or more, all but the last as wide
    as its widest); None where it did not."""
    lines = [display_width(text) for _, text, _ in cell]
    if len(lines) < _WRAPPED or any(w < max(lines) - TOLERANCE for w in lines[:-1]):
        return None
    return max(lines)


def _open(cell: Box, box: Box, width: int) -> bool:
    """Whether a box may go on a cell in a column so wide: the box's lines stand in the column (all but
    its last as wide, its last no wider; a one-line box as wide) and the cell is open (its last line
    fills the column, or it is a list and the box its next item)."""
    listed = cell[0][1][0] in BULLET and box[0][1][0] in BULLET
    if not listed and display_width(cell[-1][1]) < width - TOLERANCE:
        return False
    lines = [display_width(text) for _, text, _ in box]
    if len(lines) == 1:
        return abs(lines[0] - width) <= TOLERANCE
    ends = [k for k in range(1, len(box)) if box[k][1][0] in BULLET]  # a list's items: each item's lines so
    return (
        all(abs(w - width) <= TOLERANCE or k + 1 in ends for k, w in enumerate(lines[:-1]))
        and max(lines) <= width + TOLERANCE
    )


def _full(cell: Box, width: int) -> bool:
    """Whether a cell's last line fills its column."""
    return display_width(cell[-1][1]) >= width - TOLERANCE


def _in_column(box: Box, width: int, *, wrapped: bool) -> bool:
    """Whether a box's lines but its last are as wide as the column and its last no wider (`wrapped`: it
    has two lines at least)."""
    lines = [display_width(text) for _, text, _ in box]
    if wrapped and len(lines) < _WRAPPED:
        return False
    return all(abs(w - width) <= TOLERANCE for w in lines[:-1]) and lines[-1] <= width + TOLERANCE


def _start_cells(boxes: list[Box], since: int) -> bool:
    """Whether the boxes from `since` on start a role's cell each: none starts inside a word, but one
    right after a box whose last line is as wide as the boxes' widest (the cell wrapped into a box of
    its own: `退院前の地域支援者への連` `絡`)."""
    if not boxes:
        return True
    widest = max(display_width(text) for box in boxes for _, text, _ in box)
    return not any(
        cut(box[0][1]) and not (k and display_width(boxes[k - 1][-1][1]) >= widest - TOLERANCE)
        for k, box in enumerate(boxes)
        if k >= since
    )


def _pair(
    issue: Box,
    policy: Box,
    first: Box,
    second: Box,
    fits: int = 0,
    columns: Columns = (None, None),
    *,
    apart: bool = False,
) -> bool:
    """Whether two boxes go on the issue and the policy: each likely, one surely (see `_going_on_from`;
    `columns`: the issues' and the policies' columns' widths, where the groups tell them); `apart`: the
    two boxes after the role's cell, its only box, where each of the issue's and the policy's lines
    filled its column (two lines at least each): one likely and the other where it fits."""
    one, two = _going_on_from(issue, first, fits, columns[0]), _going_on_from(policy, second, fits, columns[1])
    if apart and _wrapped(issue) and _wrapped(policy) and max(one, two) > 0:
        # each filled its column to its last line, so both go on: one box likely, the other where it fits
        one, two = max(one, _going_on_from(issue, first, 1)), max(two, _going_on_from(policy, second, 1))
        return one > 0 and two > 0
    return one > 0 and two > 0 and max(one, two) == 2


def _wrapped(cell: Box) -> bool:
    """Whether each of a cell's lines (two at least) filled its column: the cell goes on below."""
    return _column_of(cell) is not None and _filled(cell)


def _going_on_from(cell: Box, rest: Box, fits: int, column: int | None = None) -> int:
    """How surely a box goes on a cell whose last line ends inside a sentence (the cell filled its
    column, so the box's lines are no wider): 2 sure (it starts inside a word, or it wraps as wide as
    the cell, or the cell wrapped and stops on a particle or a comma), 1 likely (a hiragana first, a
    katakana word going on, a list's next item), `fits` for any other box that fits, 0 not (a sentence
    ended, a line too wide, a bullet after no list, a list's item in a text's rest, a box that wraps where
    the wrapped cell did not)."""
    width = box_width(cell)
    first, last = rest[0][1], cell[-1][1]
    listed = cell[0][1][0] in BULLET
    if last.endswith(_SENTENCE_END) or (first[0] in BULLET and not listed):
        return 0
    if not listed and any(text[0] in BULLET for _, text, _ in rest[1:]):
        return 0  # a text's rest holds no list's item (`援者の参加…` `・退院後の…`: a list's, the policy's)
    if first[0] == _LONG_VOWEL and not starts_katakana(last[-1]):
        return 0  # the long vowel's mark goes on a katakana word only
    widths = [display_width(text) for _, text, _ in rest]
    next_item = listed and first[0] in BULLET  # a list's next item: no wider than the column, not the first item
    if max(widths) > width + TOLERANCE and not next_item:
        return 0
    wrapped = _wrapped(cell)
    if wrapped and len({display_width(text) for _, text, _ in cell}) == 1 and max(widths) > width + 1:
        return 0  # its lines all as wide: the column's width, which a rest's line passes by no letter
    if wrapped and not listed and not _in_column(rest, width, wrapped=False):
        return 0  # a rest wraps where its cell did
    if wrapped and last[-1] in _OPEN_ENDS:
        return 2  # the cell stops on a particle or a comma: it surely goes on, in a box that fits
    if cut(first) or (len(rest) > 1 and max(widths) >= width - TOLERANCE) or _stem_cut(last, first):
        return 2
    if starts_hiragana(first) or (starts_katakana(first) and starts_katakana(last[-1])) or listed:
        return 1
    if len(cell) == len(rest) == 1 and abs(widths[0] - width) <= TOLERANCE:
        return 1  # a line as wide as the cell's one line: the column's width, which the cell filled
    if column is not None and display_width(last) >= column - TOLERANCE and max(widths) <= column + TOLERANCE:
        return 1  # the cell's last line filled its column (as wide as the other groups' widest): it wrapped
    return fits


def _stem_cut(last: str, first: str) -> bool:
    """Whether a cell's last line stops on a word's first kanji after its object (`…情報を集`) and the box
    goes on with the word's next letter (`約する`): no phrase ends on `を` and one kanji."""
    if len(last) < 2 or last[-2] != _OBJECT or not "\u4e00" <= last[-1] <= "\u9fff":
        return False
    return "\u4e00" <= first[0] <= "\u9fff" or starts_hiragana(first)


def cut(text: str) -> bool:
    """Whether a box surely starts inside a word: a particle before a kanji, ン, ー, a small kana, or a
    character alone (`る`)."""
    if len(text) == 1:
        return text not in _ONE_LETTER_WORDS and text not in BULLET
    return text[0] in NO_WORD_START or (text[0] in _PARTICLES and "\u4e00" <= text[1] <= "\u9fff")


def bare_last(pieces: list[Piece], pivots: Pivots, first_role: int) -> set[int]:
    """The pivots of a group's last role whose action is empty where the lines between its label and
    the next group's first role are two boxes only: the next issue's and its policy's (plain pdftotext
    of a LibreOffice PDF writes each cell a box of its own, blank lines round it, and none for an
    empty one):

        その他関係機関
        ・住民等

        就労・社会参加の場が少な
        い

        就労支援機関との連携

        行政

    Only where the first box is a wrapped cell that ended (its last line short of the others): a box of
    one line may go on in the second (`社会福祉協議会による地域の見` `守り活動との連携`)."""
    last_role = max((which for _, which in pivots), default=first_role)
    bare: set[int] = set()
    for n in range(len(pivots) - 1):
        (at, which), (nxt, following) = pivots[n], pivots[n + 1]
        if which != last_role or following != first_role:
            continue
        boxes = boxed(pieces[at + 1 : nxt])
        if len(boxes) != 2 or not all(box[0][2] for box in boxes):  # (a line in the label's box: its action)
            continue
        if len(boxes[0]) < 2 or display_width(boxes[0][-1][1]) >= box_width(boxes[0]) - TOLERANCE:
            continue  # no wrapped cell's short last line ends the first box: the second may be its rest
        if not any(policy_roles.paired(text) for box in boxes for _, text, _ in box):  # (an issue and a policy
            bare.add(n)  # side by side on a line: the box before them the role's action)
    return bare
