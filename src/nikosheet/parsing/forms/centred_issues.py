"""The issues' table of a LibreOffice PDF written a printed line at a time (pdfplumber, markitdown).

A record of the table is an issue and its policies beside four rows, one a role (行政, 医療, 福祉,
その他関係機関・住民等) and its actions.  LibreOffice centres every cell in what it spans: a role's
action round its role's word, the issue and the policies round the record's middle, so the printed
lines of the record interleave them all:

    行政 病院訪問
    退院前カンファレンス
    医療
    長期入院者の地域移行が進ん 病院と地域の連携体制を の開催
    でいない つくる 福祉 地域移行支援の実施
    その他関係機関・
    ピアサポーターの派遣
    住民等

becomes the record's rows (the issue and the policies in its first):

    長期入院者の地域移行が進んでいない⇥病院と地域の連携体制をつくる⇥行政⇥病院訪問
    ⇥⇥医療⇥退院前カンファレンスの開催
    ⇥⇥福祉⇥地域移行支援の実施
    ⇥⇥その他関係機関・住民等⇥ピアサポーターの派遣

A role's word finds its row (a numbered item a space after the item numbered before it, `①病院訪問
②意向調`, stays in that item's cell); the action's lines are those of the row's lines, the last piece of
each, that stand as many above its word as below it (a list whose items LibreOffice spaces apart
beside a word alone on its line or written with the list's line below its middle, one more above):
none that goes on after a piece short of the widest (a cell's lines but its last fill its column),
the most of them, round it the nearest; a line's pieces before a role's word, and the other lines'
pieces, are the issue's and the policies' (two on a line: the one and the other; one alone: a list
item is a policy's, else the cell whose last piece filled its column goes on). A row of more lines
than every choice of them can be tried in time (a long issue and long lists beside it: thirteen
lines and more) is read from the likeliest choices (`_likely`), not given up with its table. A
row reaches as far below its word as it starts above it, but a word half a line below its action's
middle leaves the row's last line to the next row where only so that row finds its action. A
record whose rows are not the four roles in order is not read here.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.centred_pivots import Pivot, find_pivots, line_units, row_span
from nikosheet.parsing.forms.line_cuts import TOLERANCE, join_pieces
from nikosheet.parsing.forms.template_tables import BULLET, Piece, Table

_FIRST_CIRCLED, _LAST_CIRCLED = "\u2460", "\u2473"  # ① … ⑳
_MOST_CANDIDATES = 12  # a row of more lines that may hold its action: all their choices are tried
_KEPT = 24  # of the choices of a row of more lines, those kept at each line and state (see `_likely`)
# a row of more lines than this is not read (left to the readers after): `_likely`'s work grows with the
# cube of a row's lines (its widths, its states, its lines), most of a second at this many lines of varied widths
_MOST_LIKELY = 36
_Key = tuple[int, int, int, float, float]
Row = tuple[int, list[str]]


def rows(table: Table, body: list[Piece]) -> list[Row]:
    """The table's rows (the body line each starts at, its cells), or none where its records are not
    the four roles each, in order."""
    lines = [_numbered_items(line_units(t[1], table)) for t in body]
    pivots = find_pivots(table, lines)
    roles = table.full
    if (
        not pivots
        or len(pivots) % len(roles)
        or not all(_word(lines, pivot).startswith(roles[n % len(roles)][:2]) for n, pivot in enumerate(pivots))
    ):
        return []
    found = _spans_and_actions(lines, pivots)
    if found is None:
        return []
    spans, actions = found
    n = len(roles)
    records = [
        _record(lines, pivots[k : k + n], spans[k : k + n], actions[k : k + n]) for k in range(0, len(pivots), n)
    ]
    pairs = [units for _, left in records for units in left if len(units) >= 2]
    widths = (
        max((display_width(units[0]) for units in pairs), default=0),
        max((display_width(" ".join(units[1:])) for units in pairs), default=0),
    )
    out: list[Row] = []
    for rows_of, left in records:
        issue, policies = _spanned(left, widths)
        rows_of[0] = (rows_of[0][0], [issue, policies, *rows_of[0][1][2:]])
        out += rows_of
    return out


def _spans_and_actions(
    lines: list[list[str]], pivots: list[Pivot]
) -> tuple[list[tuple[int, int]], list[list[int]]] | None:
    """Each row's first and last line and its action's lines: the rows as `pivot_spans` has them, but
    a row whose last line neither its word nor its action took (a word half a line below its
    action's middle: `・部会、研修会の開` / `催` / `行政 ・長寿包括ケア課と` / `の連携` /
    `・地域移行部会に… 退院支援委員会での介護支` / `医療` / `… 援専門員との情報共有`) ends above that
    line where only so the next row finds an action, its first line the one left and its lines
    together; none where a row's action cannot be read."""
    count = len(lines)
    spans: list[tuple[int, int]] = []
    actions: list[list[int]] = []
    top = 0
    for n, pivot in enumerate(pivots):
        span = row_span(pivots, n, top, count)
        if span is None:
            return None
        chosen = _action_lines(lines, pivot, span)
        if chosen is None:
            return None
        if spans and not chosen and spans[-1][1] > max([pivots[n - 1][-1][0], *actions[-1]]):
            earlier = row_span(pivots, n, top - 1, count)
            found = None if earlier is None else _action_lines(lines, pivot, earlier)
            if found and earlier is not None and found[0] == top - 1 and _together(found):
                spans[-1] = (spans[-1][0], top - 2)
                span, chosen = earlier, found
        spans.append(span)
        actions.append(chosen)
        top = span[1] + 1
    return spans, actions


def _together(taken: list[int]) -> bool:
    """Whether a cell's lines stand together: each right below the one before or a line below it
    (cells half a line apart alternate), not on both sides of a wrapped word beside them."""
    return all(b - a <= 2 for a, b in itertools.pairwise(taken))


def _numbered_items(units: list[str]) -> list[str]:
    """A line's units, an item numbered next after the unit before it kept in that unit's cell
    (`①病院訪問 ②意向調`: one cell's list, its items a space apart, not two cells)."""
    out: list[str] = []
    last = ""  # the last circled number of the cell being built
    for unit in units:
        if last and last < _LAST_CIRCLED and unit[0] == chr(ord(last) + 1):
            out[-1] += " " + unit
        else:
            out.append(unit)
            last = ""
        last = next((c for c in reversed(unit) if _FIRST_CIRCLED <= c <= _LAST_CIRCLED), last)
    return out


def _word(lines: list[list[str]], pivot: Pivot) -> str:
    return "".join(lines[line][at] for line, at in pivot).strip("【】")


def _action_lines(lines: list[list[str]], pivot: Pivot, span: tuple[int, int]) -> list[int] | None:
    """The lines of the row whose last piece is its action's: the pivot's lines with a piece after the
    word, and of the others as many above the word's middle as below it, round it the nearest (the
    most of them that are so, none passed over that stands between a wrapped word's lines alone:
    `その他` / `関係機` / `不動産事業者向け研修への協力` / `関・住` / `民等`).  A list of items spaced
    apart may also stand one line more above its word than below it (` ・出張相談の実施` /
    ` ・府との調整` / ` ・区担当者の退院` / `行政` / `支援委員会への参` / `加`), where the word of one
    line stands alone on its line or with the list's line below its middle only (` ・地域移行支援に` /
    `よる住まい探しへ` / `の同行` / `福祉  ・地域定着支援に` / `よる退院後の見守` / `り`: six lines,
    the word half a line below their middle), the reading no wider than the column the even one
    shows, round a point half a line above the word, passing over no line of two cells' pieces or
    more between its own; of a row of more lines than `_MOST_CANDIDATES`, the likeliest choices only
    (`_likely`), and none of a row of more than `_MOST_LIKELY`.  A wrapped word whose row is its own
    lines only (`その他関係 家族会による個別相談` / `機関・住民` / `等`, the table's end below) has the pieces
    after it on them as its action, however they stand."""
    parts = {line: at for line, at in pivot}
    middle = (pivot[0][0] + pivot[-1][0]) / 2
    fixed = [line for line, at in parts.items() if at + 1 < len(lines[line])]
    # a word of one line alone on its line (other cells' pieces before it), or with its action's line
    # only after it (half a line below the middle of an action of an even count of lines)
    alone = len(pivot) == 1 and len(lines[pivot[0][0]]) - pivot[0][1] <= 2
    candidates = [j for j in range(span[0], span[1] + 1) if j not in parts and lines[j]]
    if not candidates:
        # the row is the word's lines only (`その他関係 家族会による個別相談` / `機関・住民` / `等`):
        # its action is what stands after the word on them, centred or not
        return sorted(fixed)
    # a line of one piece between a wrapped word's lines: its action's, half a line off the word's
    inside = [j for j in candidates if pivot[0][0] < j < pivot[-1][0] and len(lines[j]) == 1]

    def scored(taken: list[int]) -> tuple[int, _Key, int] | None:
        """Whether `taken` (sorted) may be the action's lines: as one more above its word or not
        (0, 1), the reading's key (the least the best) and its widest piece; none where it may not."""
        above = sum(1 for j in taken if j < middle) - sum(1 for j in taken if j > middle)
        if above not in (0, 1) or (above and not alone):
            return None
        pieces = [_action_piece(lines[j], parts.get(j)) for j in taken]
        if above and sum(1 for p in pieces if p[:1] in BULLET) < 2:
            return None
        passed = sum(1 for j in inside if j not in taken)
        if above and taken:  # a list's lines stand together: no line of other cells' pieces among them
            passed += sum(1 for j in candidates if taken[0] < j < taken[-1] and j not in taken and len(lines[j]) > 1)
        centre = middle - above / 2  # the lines' middle: half a line above the word where one more is
        off = abs(sum(taken) / len(taken) - centre) if taken else 0.0
        key = (_ended(pieces), passed, -len(taken), off, sum(abs(j - centre) for j in taken))
        return above, key, max((display_width(p) for p in pieces), default=0)

    best: list[tuple[_Key, list[int], int] | None] = [None, None]  # even; one more above
    if len(candidates) <= _MOST_CANDIDATES:
        tried: Iterable[list[int]] = (
            sorted([*fixed, *chosen])
            for size in range(len(candidates) + 1)
            for chosen in itertools.combinations(candidates, size)
        )
    elif len(candidates) <= _MOST_LIKELY:
        tried = _likely(lines, parts, fixed, candidates, inside, middle)
    else:
        return None
    for taken in tried:
        found = scored(taken)
        if found is not None:
            above, key, width = found
            kept = best[above]
            if kept is None or key < kept[0]:
                best[above] = (key, taken, width)
    even, more = best
    if more is not None and (even is None or (more[0] < even[0] and 0 < more[2] <= even[2] + TOLERANCE)):
        return more[1]  # a spaced list no wider than the column its even reading shows
    return None if even is None else even[1]


def _likely(
    lines: list[list[str]],
    parts: dict[int, int],
    fixed: list[int],
    candidates: list[int],
    inside: list[int],
    middle: float,
) -> list[list[int]]:
    """The likeliest choices of a row's action lines where there are too many lines to try them all
    (a long list beside a record's long issue: `・退院支援委員会` / `への地域の支援者` / … / `医療` / …,
    thirty lines and more): for each widest piece the action may have and each of its two readings
    (even; one more above), the lines read down one at a time, keeping at each line, for each state
    the rest of the reading depends on (whether the last piece taken fell short of the widest, how
    many more above the word than below, the list items, the lines of other cells' pieces passed
    since), the choices that so far end fewest pieces early, pass fewest lines over, take the most
    and stand nearest the word; `_action_lines` scores the survivors as it scores every choice of a
    shorter row."""
    pieces = {j: _action_piece(lines[j], parts.get(j)) for j in [*fixed, *candidates]}
    widths = {j: display_width(p) for j, p in pieces.items()}
    order = sorted(pieces)
    floor = max((widths[j] for j in fixed), default=0)
    out: set[tuple[int, ...]] = set()
    for widest in sorted({w for w in widths.values() if w >= floor}):
        for above in (0, 1):
            centre = middle - above / 2
            # (last piece short: -1 none yet, balance, list items up to 2, lines passed since the last)
            states: dict[tuple[int, int, int, int], list[tuple[_Key, tuple[int, ...]]]] = {
                (-1, 0, 0, 0): [((0, 0, 0, 0.0, 0.0), ())]
            }
            for n, j in enumerate(order):
                side = (j < middle) - (j > middle)
                later = len(order) - n - 1
                grown: defaultdict[tuple[int, int, int, int], list[tuple[_Key, tuple[int, ...]]]] = defaultdict(list)
                for (short, balance, items, since), partials in states.items():
                    if widths[j] <= widest:
                        piece = pieces[j]
                        ends = int(short == 1 and piece[:1] not in BULLET)
                        state = (
                            int(_short(piece, widths[j], widest)),
                            balance + side,
                            min(items + (piece[:1] in BULLET), 2),
                            0,
                        )
                        for cost, taken in partials:
                            grown[state].append(
                                (
                                    (cost[0] + ends, cost[1] + since, cost[2] - 1, 0.0, cost[4] + abs(j - centre)),
                                    (*taken, j),
                                )
                            )
                    if j not in fixed:
                        passed = since + (above == 1 and short >= 0 and len(lines[j]) > 1)
                        state = (short, balance, items, passed)
                        for cost, taken in partials:
                            grown[state].append(((cost[0], cost[1] + (j in inside), *cost[2:]), taken))
                states = {
                    state: sorted(partials)[:_KEPT]
                    for state, partials in grown.items()
                    if abs(state[1] - above) <= later
                }
            for (_, balance, items, _), partials in states.items():
                if balance == above and (not above or items >= 2):
                    out.update(taken for _, taken in partials)
    return [list(taken) for taken in sorted(out)]


def _action_piece(units: list[str], role: int | None) -> str:
    """An action's piece on a line: after its role's word (at unit `role`), else its last unit."""
    return " ".join(units[len(units) - 1 if role is None else role + 1 :])


def _ended(pieces: list[str]) -> int:
    """How many of a cell's pieces go on after one that ended it (`_short`), no list item."""
    widest = max((display_width(p) for p in pieces), default=0)
    return sum(
        1
        for before, after in itertools.pairwise(p for p in pieces if p)
        if after[0] not in BULLET and _short(before, display_width(before), widest)
    )


def _short(piece: str, width: int, widest: int) -> bool:
    """Whether a cell's piece ended it: short of the widest of its column, or a sentence's end
    (`。`) short of it at all (a cell that goes on after a sentence fills the line the sentence ended)."""
    return width < widest - TOLERANCE - 1 or (piece.endswith(_SENTENCE_END) and width < widest)


_SENTENCE_END = "。"


def _record(
    lines: list[list[str]], pivots: list[Pivot], spans: list[tuple[int, int]], actions: list[list[int]]
) -> tuple[list[Row], list[list[str]]]:
    """A record's rows, each role with its action, the first at the record's first line; and the
    pieces of its lines that are neither a role's nor an action's, line by line."""
    taken: dict[int, int] = {}  # a line's units that are the role's and its action's: from this unit on
    out: list[Row] = []
    for pivot, action in zip(pivots, actions, strict=True):
        parts = dict(pivot)
        pieces = [_action_piece(lines[j], parts.get(j)) for j in action]
        for j in {*parts, *action}:
            taken[j] = min(parts.get(j, len(lines[j]) - 1), taken.get(j, len(lines[j])))
        role = "".join(lines[line][at] for line, at in pivot)
        out.append((min([pivot[0][0], *action]), ["", "", role, join_pieces([p for p in pieces if p])]))
    out[0] = (spans[0][0], out[0][1])
    return out, [lines[j][: taken.get(j, len(lines[j]))] for j in range(spans[0][0], spans[-1][1] + 1)]


def _spanned(left: list[list[str]], widths: tuple[int, int]) -> tuple[str, str]:
    """The issue and the policies from the pieces of the record's lines that are neither a role's nor
    an action's: two or more on a line, the one and the others; one alone, the cell it makes the
    fewest pieces go on after one that ended or run wider than its column (`widths`: the issue's and
    the policies', as the table's lines of both show them; 0 where none does), a list item rather a
    policy's, else rather the issue's."""
    alone = [k for k, units in enumerate(left) if len(units) == 1]
    best: tuple[float, tuple[str, str]] | None = None
    choices = itertools.product((0, 1), repeat=len(alone)) if len(alone) <= _MOST_CANDIDATES else [()]
    for choice in choices:
        which = dict(zip(alone, choice, strict=False))  # none where too many to try: by their bullets
        issue: list[str] = []
        policies: list[str] = []
        cost = 0.0
        for k, units in enumerate(left):
            if len(units) >= 2:
                issue.append(units[0])
                policies.append(" ".join(units[1:]))
            elif units:
                policy = which.get(k, units[0][0] in BULLET)
                (policies if policy else issue).append(units[0])
                cost += _POLICY if policy else _LISTED_ISSUE * (units[0][0] in BULLET)
                width = widths[1] if policy else widths[0]
                cost += width > 0 and display_width(units[0]) > width + TOLERANCE
        # cells half a line apart alternate: of two readings alike, the one whose lone pieces do
        cost += _BESIDE * sum(which[k] == which.get(k + 1) for k in which)
        cost += _ended(issue) + _ended(policies)
        if best is None or cost < best[0]:
            best = (cost, (join_pieces(issue), join_pieces(policies)))
    return best[1] if best is not None else ("", "")


_BESIDE = 0.001  # two lone pieces on lines one after the other that go to one cell
_POLICY = 0.01  # of two readings alike, the one with more of the issue's
_LISTED_ISSUE = 0.5  # a list item in the issue: rather a policy
