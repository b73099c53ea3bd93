"""An issue's policy written with the next roles' words among its lines (plain pdftotext of a
LibreOffice PDF).

The issues' table of section 5 centres the issue and its policy in the four rows of their group.
Plain pdftotext may write the group's first role's word (`行政`), then the issue (a box of its own),
then the policy with the next roles' words (`医療`, `福祉`) in its box — a word at the end of one
of its lines a space after it, or on a line of its own right before, among or after its lines, no
blank line between — where the policy's lines stand beside those roles' rows; the actions follow:

    行政                                            市に保健所がなく、精神保健の専門職が少な
    市に保健所がなく、精神保健の専門職が少な          い
    い                                              保健所の技術支援を受け、市
                                             →     職員の専門性を高める
    保健所の技術支援を受け、市 医療                  行政
    職員の専門性を高める                             医療
    福祉                                            福祉

    研修への講師協力                                 研修への講師協力

A role's action stands in a box of its own (blank lines around it, as the role's word has), so a role's
word in a box of text stands beside a cell that spans several rows: the issue's or the policy's.  The
box before the policy's, right after `行政`, is then the issue's (the issues' column comes first); a
box between them is `行政`'s action.  `医療` may also be a box of its own, 行政's action before it
and the issue after it (`行政` `居住支援協議会の運営` `医療` `住まいの確保が難しい` then the policy's
box with `福祉`), or open the issue's box.  The issue and the policy go before `行政`, its action
after it, then `医療` and `福祉`; where `行政` came right after the group above's last role's word,
that role is empty (`among` says which, as `issue_rests.back` does).  `医療` may also be a box of its
own right above the policy's box, the issue and `行政`'s action before it (`行政` `ピアサポーターが少ない`
`養成研修の開催` `医療` then the policy's box with `福祉`), and the policy may be a list of ①②.
Which of the next rows an action after the policy's box stands in, the text does not tell (an empty
role writes nothing), but where those actions are one cell to each role still without one (cut by
`issue_order.cells_of`, or each a box of its own), each is the next such role's, in the roles'
order; else they stay after `福祉`, as they were, and `issue_order` warns that the roles may be read
into the wrong rows.
Where the box with `医療` and `福祉` holds the issue and the policy side by side (their lines on one
line a space apart, then perhaps each one's short last line alone, the issue's first), it is read as
the two cells, when every line but those two holds both; a cell a line taller than the other (one
line alone: whose is not told) leaves the lines.  An issue or a policy whose first line holds two
cells a space apart elsewhere, or that opens with a list's bullet (not ①) where no role's word opens
its box, leaves the lines; a policy that opens with a list's item is read where `医療` stands among its
lines (the box spans the roles' rows, as no action does).  Where `その他関係機関・住民等` stands in the
policy's box too, the actions after it up to the next group's issue and policy (the last two boxes before
that group's `行政`) go one to each role where they are one cell each.  `cell_lines_tables` asks
this of the issues' table before it cuts the lines.
"""

from __future__ import annotations

from nikosheet.parsing.forms import issue_order  # (which imports this module: read at call time)
from nikosheet.parsing.forms._shared import join_wrapped
from nikosheet.parsing.forms.template_tables import BULLET, CIRCLED, Piece, boxed

Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is
_PAIR_PART = 5  # characters each of two cells' first lines on one line a space apart has at least
_LIST_COMMAS = (",", "、")  # a space after one is the text's own (`保健, 医療`)
_ROLE_WORDS = ("行政", "医療", "福祉")
_LAST_ROLE = "その他"  # the last role's word, perhaps wrapped (`その他関係` / `機関・住民` / `等`)


Found = tuple[list[Piece], list[Piece], list[Piece], int]  # the issue, the policy, 行政's action, the end


def among(pieces: list[Piece], pivots: Pivots, first_role: int) -> tuple[list[Piece], Pivots, set[int]]:
    """The table's lines with each group's issue and policy so written put before its first role's
    word, where the pivots now are (`first_role`: which pivot is a group's first role), and the
    group above's last roles whose word came right before the first role's: their cells are empty."""
    out = list(pieces)
    moved = list(pivots)
    bare: set[int] = set()
    for n in range(len(moved) - 2):
        (at, which), (medical, _), (welfare, _) = moved[n : n + 3]
        if which != first_role:
            continue
        bound = moved[n + 3][0] if n + 3 < len(moved) else len(out)
        found = _cells(out[:bound], at, medical, welfare)
        if found is None:
            continue
        issue, policy, action, end = found
        if n and moved[n - 1][0] == at - 1:
            bare.add(n - 1)
        first = (out[at][0], out[at][1], True)
        if action:
            action = [(action[0][0], action[0][1], True), *action[1:]]
        roles = [(out[k][0], out[k][1], True) for k in (medical, welfare)]
        lines = [*issue, *policy, first, *action, *roles]
        shift = len(lines) - (end - at)  # (a pair's lines made two)
        out[at:end] = lines
        moved[n] = (at + len(issue) + len(policy), which)
        later = moved[n][0] + 1 + len(action)
        moved[n + 1 : n + 3] = [(later + k, moved[n + 1 + k][1]) for k in range(2)]
        moved[n + 3 :] = [(place + shift, role) for place, role in moved[n + 3 :]]
        if n + 3 < len(moved):  # the actions after the policy's box, up to the group's last role
            spread = _spread(out, moved[n][0], moved[n + 3][0], len(action))
            if spread is not None:
                out[moved[n][0] : moved[n + 3][0]], places = spread
                moved[n + 1 : n + 3] = [(places[k], moved[n + 1 + k][1]) for k in range(2)]
            elif moved[n + 3][0] == moved[n + 2][0] + 1:  # the last role's word in the policy's box too
                stop = moved[n + 4][0] if n + 4 < len(moved) else len(out)
                spread = _spread_last(out, moved[n][0], stop, (len(action), n + 4 < len(moved)))
                if spread is not None:
                    out[moved[n][0] : stop], places = spread
                    moved[n + 1 : n + 4] = [(places[k], moved[n + 1 + k][1]) for k in range(3)]
    return out, moved, bare


_AFTER = 3  # boxes after the last role's word where a group follows: an action at least, its issue, its policy


def _spread_last(
    pieces: list[Piece], start: int, stop: int, shape: tuple[int, bool]
) -> tuple[list[Piece], list[int]] | None:
    """As `_spread`, where the group's last role's word stood in the policy's box too (`医療` `福祉`
    `その他関係機関・住民等` among its lines): the actions after it, up to the next group's issue and
    policy (its last two boxes before its first role's word, where a group follows), shared out among
    the roles that have none yet, one cell each (`shape`: the lines of `行政`'s action already after its
    word, whether a group follows); None where they are not one cell to each."""
    written, follows = shape
    roles = [start + 1 + written + k for k in range(3)]
    lines = pieces[roles[-1] + 1 : stop]
    boxes = boxed(lines)
    if follows:
        if len(boxes) < _AFTER:
            return None
        lines = [piece for box in boxes[:-2] for piece in box]
    texts = [text for _, text, _ in lines]
    if not lines or any(text in issue_order.LONE_BULLETS for text in texts):
        return None
    cells = issue_order.cells_of(texts)
    if len(cells) != len(roles) + (0 if written else 1):
        return None
    cut = [[(lines[k][0], lines[k][1], m == 0) for m, k in enumerate(cell)] for cell in cells]
    if not written:
        first, *cut = cut
        head = [pieces[start], *first]
    else:
        head = pieces[start : roles[0]]
    arranged = list(head)
    places = []
    for role, cell in zip(roles, cut, strict=True):
        places.append(start + len(arranged))
        arranged += [pieces[role], *cell]
    rest = [piece for box in boxes[-2:] for piece in box] if follows else []
    return [*arranged, *rest], places


def _spread(pieces: list[Piece], start: int, stop: int, written: int) -> tuple[list[Piece], list[int]] | None:
    """The lines from the first role's word at `start` up to the group's last role's at `stop` with the
    actions written after `福祉` shared out among the roles that have none yet, in the roles' order,
    and where `医療` and `福祉` now stand; None where those actions are not one cell to each such role
    (`written`: the lines of `行政`'s action already after its word).  A role's action is a cell of its
    own (`issue_order.cells_of` cuts the lines: a line after one that stopped short, or a wider one),
    so where the cells are as many as the roles left, each is the next role's:

        行政 / 養成研修の開催 / 医療 / 福祉 / 活動の受入れ / ピアサポーターの雇用
        → 行政 / 養成研修の開催 / 医療 / 活動の受入れ / 福祉 / ピアサポーターの雇用
    """
    medical, welfare = start + 1 + written, start + 2 + written
    lines = pieces[welfare + 1 : stop]
    texts = [text for _, text, _ in lines]
    if not lines or any(text in issue_order.LONE_BULLETS for text in texts):
        return None
    wanted = 2 if written else 3
    cells = issue_order.cells_of(texts)
    if len(cells) != wanted:  # or each a box of its own, blank lines between (`病院訪問` / `退院支援委員会の開催`)
        cells = [[k] for k, piece in enumerate(lines) if piece[2] or not k]
        cells = [list(range(k[0], nxt[0])) for k, nxt in zip(cells, [*cells[1:], [len(lines)]], strict=True)]
    if len(cells) != wanted:
        return None
    boxed = [[(lines[k][0], lines[k][1], m == 0) for m, k in enumerate(cell)] for cell in cells]
    if not written:
        first, *boxed = boxed
        written = len(first)
        head = [pieces[start], *first]
    else:
        head = pieces[start:medical]
    arranged = [*head, pieces[medical], *boxed[0], pieces[welfare], *boxed[1]]
    return arranged, [start + 1 + written, start + 2 + written + len(boxed[0])]


def written_among(pieces: list[Piece]) -> Piece | None:
    """The first `医療` whose group `among` would read, in the issues' table's lines (a role's word at
    a line's end cut off as a line of its own, at that line's index); None where there is none."""
    words = [k for k, (_, text, _) in enumerate(pieces) if text in _ROLE_WORDS or text.startswith(_LAST_ROLE)]
    for n, at in enumerate(words[:-2]):
        medical, welfare = words[n + 1], words[n + 2]
        bound = words[n + 3] if n + 3 < len(words) else len(pieces)
        texts = [pieces[k][1] for k in (at, medical, welfare)]
        if texts == list(_ROLE_WORDS) and _cells(pieces[:bound], at, medical, welfare) is not None:
            return pieces[medical]
    return None


def _cells(pieces: list[Piece], at: int, medical: int, welfare: int) -> Found | None:
    """The issue's box, the policy's lines and 行政's action after the first role's word at `at`,
    and where the policy's box ends, where `福祉` stands in the policy's box (no blank line between
    it and the policy's lines, `医療` there too or a box of its own before the issue); None otherwise."""
    boxes = _boxes(pieces, at + 1, welfare)
    if not boxes or welfare not in boxes[-1] or boxes[-1][0] == welfare:
        return None
    last = boxes[-1]
    texts = [k for k in last if k not in (medical, welfare)]
    if medical in last and len(boxes) <= 2 and texts and paired(pieces[texts[0]][1]):
        pair = _pair(pieces, texts)  # the issue and the policy side by side, 行政's action perhaps before
        action = boxes[0] if len(boxes) == 2 else []
        return None if pair is None else ([pair[0]], [pair[1]], [pieces[k] for k in action], last[-1] + 1)
    if medical in last:  # the issue, 行政's action perhaps, then the policy's box with both words
        if len(boxes) not in (2, 3):
            return None
        issue, action = boxes[0], boxes[1] if len(boxes) == 3 else []
    elif len(boxes) == 4 and boxes[1] == [medical]:  # 行政's action, 医療, the issue, the policy's box
        action, issue = boxes[0], boxes[2]
    elif len(boxes) == 4 and boxes[2] == [medical]:  # the issue, 行政's action, 医療, the policy's box
        issue, action = boxes[0], boxes[1]
    elif len(boxes) == 3 and boxes[1][0] == medical:  # the issue's box opens with `医療`
        action, issue = boxes[0], boxes[1][1:]
    else:
        return None
    policy = [k for k in last if k not in (medical, welfare)]
    if not issue or not policy or medical in issue + action:
        return None
    # 行政's action a box apart, or `医療` among the box's lines: a box that spans both rows, no action's
    listed = medical < policy[0] or (medical in last and (bool(action) or policy[0] < medical < policy[-1]))
    if _odd(pieces, issue[0], policy[0], listed):
        return None
    return (
        _boxed(pieces, issue),
        _boxed(pieces, policy),
        [pieces[k] for k in action],
        last[-1] + 1,
    )


def _pair(pieces: list[Piece], lines: list[int]) -> tuple[Piece, Piece] | None:
    """The issue and the policy of a box whose lines hold both cells' lines side by side, a space
    apart, then perhaps each cell's short last line alone, the issue's first (`…孤 支援者と…進` /
    `立する` / `める`); None where the lines are not so (a cell a line taller than the other)."""
    texts = [pieces[k][1] for k in lines]
    halves: list[tuple[str, str]] = []
    for text in texts:
        cut = _halves(text, _PAIR_PART if not halves else 1)
        if cut is None:
            break
        halves.append(cut)
    rests = texts[len(halves) :]
    if len(texts) < 2 or len(rests) not in (0, 2) or any(_halves(text, 1) for text in rests):
        return None
    issue = _joined([left for left, _ in halves] + rests[:1])
    policy = _joined([right for _, right in halves] + rests[1:])
    return (pieces[lines[0]][0], issue, True), (pieces[lines[1]][0], policy, True)


def _joined(lines: list[str]) -> str:
    """A cell's wrapped lines made one text."""
    text = ""
    for line in lines:
        text = join_wrapped(text, line)
    return text


def _boxes(pieces: list[Piece], start: int, welfare: int) -> list[list[int]]:
    """The lines from `start` up to the end of the box that holds `福祉` (at `welfare`), in boxes."""
    boxes: list[list[int]] = []
    for k in range(start, len(pieces)):
        if k > welfare and pieces[k][2]:
            break
        if pieces[k][2] or not boxes:
            boxes.append([])
        boxes[-1].append(k)
    return boxes


def _odd(pieces: list[Piece], issue: int, policy: int, listed: bool) -> bool:
    """Whether the issue's or the policy's first line is not theirs: a list's item starts the issue
    (or the policy, where no role's word opens its box), or two cells' first lines stand on it."""
    first, opening = pieces[policy][1], pieces[issue][1]
    bulleted = first[0] in BULLET and not CIRCLED.match(first)  # (a policy of ①② is the policy's list)
    return opening[0] in BULLET or (bulleted and not listed) or paired(opening) or paired(first)


def _boxed(pieces: list[Piece], lines: list[int]) -> list[Piece]:
    """The lines, the first starting a box."""
    first = pieces[lines[0]]
    return [(first[0], first[1], True), *(pieces[k] for k in lines[1:])]


def paired(text: str) -> bool:
    """Whether the line is two cells' first lines a space apart (the issue's and the policy's)."""
    return _halves(text, _PAIR_PART) is not None


def _halves(text: str, least: int) -> tuple[str, str] | None:
    """The line's two cells' lines, where one space (not the text's own after a comma: `保健, 医療`)
    stands between two texts of `least` characters at least; None otherwise."""
    gaps = [k for k, char in enumerate(text) if char == " " and k and text[k - 1] not in _LIST_COMMAS]
    if len(gaps) != 1 or min(gaps[0], len(text) - gaps[0] - 1) < least:
        return None
    return text[: gaps[0]], text[gaps[0] + 1 :]
