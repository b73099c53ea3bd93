"""Section 5's issues' table in plain pdftotext's text of a LibreOffice PDF, each record's issue and
policy written side by side, a printed line at a time, among its roles.

Where a record's issue and policy are level with each other, pdftotext writes their lines together,
a space apart (the issue's line, then the policy's), and the lines that are left of the taller
cell after them, perhaps after a role's word (`福祉`); a role's word may also end such a line:

    課題
    課題解決に向けた取組方針
    課題・方針に対する役割(取組)
    行政
    ちらしの作成                                     課題  課題解決に向けた取組方針  …
    医療                                             相談先が市民に知ら…  ちらしと…  行政  ちらしの作成
    －                                         →                                   医療  －
    相談先が市民に知られていな ちらしとホームページで周知す                         福祉  事業所での配布
    福祉                                                                            その他…
    い
    る
    事業所での配
    布
    その他関係機関・住民
    等

(blank lines left out above).  A line is two cells' where it is wider than any line with no space
between two texts (two columns' text is wider than one's), and it is cut at the space that leaves
the issue's column as wide on every such line; a printed line written as two lines of their own
right above a run (the issue's, then the policy's, each as wide as its column) is the run's too.
The roles' words come four to a record, in order, and each record has one such run (the k-th run
the k-th record's).  After a run, the issue goes on (its last line there as wide as the issue's
column: it wrapped) in the lines that follow, then the policy, together and before the next role's
word (a rest as wide as its column ends there); a line wider than a column is not its.  Every
other line is the action of the role whose word is above it, an action's lines together; where a
line after a run and a role's word may be either (`訪問面接の実施、病院への` `働きかけ` `関係づくり
が難しい`: the action's rest or the issue's), each way is tried, and the table read where exactly
one puts every line in a cell.  An action's lines are one cell
(each line but its last as wide as the actions' widest, a list's item apart), or as many as the roles
left without a line right above it (`行政` `医療` `福祉`, then three actions: one to each in order).
Any other shape is left to the readers after.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, Piece, join_cell, non_blank, write_table
from nikosheet.vocabulary import OUTCOME_COLUMNS, ROLES, ROLES_HEADER

_ISSUE_HEADER = "課題"
_POLICY_HEADER = "課題解決に向けた取組方針"
_ENDS = (OUTCOME_COLUMNS["name"][:-1], "現状値", "目標値", "見込んでいる成果", "※")
_ROLES = tuple(ROLES.values())
_OTHERS = _ROLES[-1]  # the one role's word LibreOffice wraps (`その他関` / `係機関・` / `住民等`)
_SHORT = 4  # display columns a wrapped line may stop short of its column's widest
_OVER = 2  # display columns a line may stand past its column's widest (a Western character, kinsoku)
_WIDER = 1.4  # a line of two cells is so much wider than the widest line of one
_TRIES = 256  # readings tried at most (each choice between a cell's rest and an action doubles them)
_LABEL_REACH = 8  # lines a wrapped role's word may stand over (its action's lines between its pieces)
_BULLETS_ALONE = ("・", "•")
_GLYPH = "\uf0b7"  # a list's bullet LibreOffice draws apart from its item (`・…`): layout, left out

Token = tuple[int, str, int]  # a line's index, its text, the role's number (-1: a text)


def apply(state: FormState) -> None:
    """Rebuild the issues' table whose records' issues and policies stand side by side."""
    if not signals.issue_side_by_side(state.source):
        return
    region = _region(state.lines)
    if region is None:
        return
    tokens = _tokens(region[1:])
    if tokens is None:
        return
    records = _records(tokens)
    if records is None:
        return
    header = "\t".join((_ISSUE_HEADER, _POLICY_HEADER, ROLES_HEADER, ""))
    rows: list[tuple[int, str]] = []
    for issue, policy, roles in records:
        for k, (index, action) in enumerate(roles):
            cells = (join_cell(issue), join_cell(policy)) if k == 0 else ("", "")
            rows.append((index, "\t".join((*cells, _ROLES[k], join_cell(action)))))
    write_table(state.lines, region[:1], header, rows, region[-1][0])


def _region(lines: list[str | None]) -> list[Piece] | None:
    """The issues' table's lines, from its first header cell alone on its line to the indicators'
    header, its other two header cells each alone on a line among them."""
    start = next((i for i, line in enumerate(lines) if line is not None and line.strip() == _ISSUE_HEADER), None)
    if start is None:
        return None
    pieces = [(i + start, text, blank) for i, text, blank in non_blank(lines[start:])]
    end = next((k for k, p in enumerate(pieces) if k and p[1].startswith(_ENDS)), None)
    if end is None:
        return None
    texts = [p[1] for p in pieces[:end]]
    if texts.count(_POLICY_HEADER) != 1 or texts.count(ROLES_HEADER) != 1:
        return None
    return pieces[:end]


def _tokens(pieces: list[Piece]) -> list[Token] | None:
    """The region's lines but the header cells, each a text or a role's word (a word that ends a
    line a space after its text is a token of its own after it; `その他関係機関・住民等` wrapped over
    lines, its action's lines perhaps between its pieces, is one token, those lines after it)."""
    lines: list[tuple[int, str]] = []
    for index, text, _ in pieces:
        if text in (_POLICY_HEADER, ROLES_HEADER, _GLYPH):
            continue
        if text in _BULLETS_ALONE or text.startswith("\f"):
            return None
        head, _, tail = text.rpartition(" ")
        if head and (tail in _ROLES[:-1] or (len(tail) >= 3 and _OTHERS.startswith(tail))):
            lines.extend(((index, head), (index, tail)))
        else:
            lines.append((index, text))
    out: list[Token] = []
    k = 0
    while k < len(lines):
        index, text = lines[k]
        if text in _ROLES:
            out.append((index, text, _ROLES.index(text)))
        elif len(text) >= 3 and _OTHERS.startswith(text):
            word, between, k = _wrapped_word(lines, k)
            if word != _OTHERS:
                return None
            out.append((index, word, len(_ROLES) - 1))
            out.extend((i, t, -1) for i, t in between)
            continue
        else:
            out.append((index, text, -1))
        k += 1
    return out


def _wrapped_word(lines: list[tuple[int, str]], k: int) -> tuple[str, list[tuple[int, str]], int]:
    """The wrapped word that starts at line k, the lines between its pieces, and the line after it."""
    word, between = lines[k][1], []
    n = k + 1
    while word != _OTHERS and n < len(lines) and n < k + _LABEL_REACH:
        text = lines[n][1]
        if _OTHERS.startswith(word + text):
            word += text
        else:
            between.append(lines[n])
        n += 1
    return word, between, n


Record = tuple[list[Piece], list[Piece], list[tuple[int, list[Piece]]]]


def _records(tokens: list[Token]) -> list[Record] | None:
    """The records, where the roles' words come four to a record, one run of side-by-side lines a
    record, and every line finds its cell (see the module's docstring).  A line after a run and a
    role's word may be the issue's (or the policy's) rest or that role's action: each way is tried,
    and the table read where exactly one puts every line in a cell."""
    roles = [role for _, _, role in tokens if role >= 0]
    count = len(roles) // len(_ROLES)
    if not count or roles != list(range(len(_ROLES))) * count:
        return None
    single = [display_width(t) for _, t, role in tokens if role < 0 and not _cuts(t)]
    if not single:
        return None
    wide = {n for n, (_, t, role) in enumerate(tokens) if role < 0 and display_width(t) > _WIDER * max(single)}
    cuts = _split(tokens, wide)
    if cuts is None:
        return None
    walk = _Walk(tokens, cuts, count)
    readings: list[list[Record]] = []
    pending: list[list[bool]] = [[]]
    tries = 0
    while pending and tries < _TRIES:
        tries += 1
        choices = pending.pop()
        outcome = walk.read(choices)
        if outcome is _CHOOSE:
            pending.extend(([*choices, False], [*choices, True]))
        elif isinstance(outcome, list) and outcome not in readings:
            readings.append(outcome)
    return readings[0] if len(readings) == 1 and not pending else None


_CHOOSE = object()  # a walk that came to a choice its choices do not make


class _Walk:
    """The issues' table's lines read in order, each to its cell, with the choices given (where a
    line may be a run's cell's rest or the action of the role above it, True: the rest)."""

    def __init__(self, tokens: list[Token], cuts: dict[int, tuple[str, str]], count: int) -> None:
        self.tokens, self.cuts, self.count = tokens, cuts, count
        self.issue_width = max(display_width(left) for left, _ in cuts.values())
        self.policy_width = max(display_width(right) for _, right in cuts.values())

    def read(self, choices: list[bool]) -> object:
        """The records so read; None where a line finds no cell; `_CHOOSE` at a choice not given."""
        issues: list[list[Piece]] = []
        policies: list[list[Piece]] = []
        actions: list[tuple[int, list[Piece]]] = []
        open_cell: list[tuple[list[Piece], int]] = []  # the run's cells still to go on, in order, each its width
        in_run = worded = rested = broken = False  # in a run; a role's word after it; its rest begun; an action after
        made = 0
        last: list[Piece] | None = None  # the action the text line before went to
        run_lines: dict[int, int] = {}  # each run's cell's lines in the run
        for n, (index, text, role) in enumerate(self.tokens):
            if role >= 0:
                if not in_run and any(len(cell) == ran for cell, _ in open_cell for ran in [run_lines[id(cell)]]):
                    return None  # a cell that wrapped at the run's end goes on before the next role's word
                open_cell = [] if not in_run else open_cell  # a rest as wide as its column: it ended there
                actions.append((index, []))
                worded = True
                continue
            if n in self.cuts:
                left, right = self.cuts[n]
                if not in_run:
                    if open_cell:
                        return None
                    pairs = _pairs(actions[-1][1] if actions else [], self.issue_width, self.policy_width)
                    issues.append(pairs[0::2])
                    policies.append(pairs[1::2])
                issues[-1].append((index, left, False))
                policies[-1].append((index, right, False))
                run_lines[id(issues[-1])], run_lines[id(policies[-1])] = len(issues[-1]), len(policies[-1])
                open_cell = [(issues[-1], self.issue_width), (policies[-1], self.policy_width)]
                in_run, worded, rested, broken = True, False, False, False
                continue
            if in_run:
                open_cell = [(c, w) for c, w in open_cell if display_width(c[-1][1]) >= w - _SHORT]
                in_run = False
            while open_cell and display_width(text) > open_cell[0][1] + _OVER:
                open_cell.pop(0)  # wider than the column: that cell ended on its full line
            rest = bool(open_cell)
            if rest and worded and actions:
                if made == len(choices):
                    return _CHOOSE
                rest = choices[made]
                made += 1
            if rest:
                if broken:
                    return None  # a run's rest comes together, not on both sides of an action
                cell, width = open_cell[0]
                cell.append((index, text, False))
                if display_width(text) < width - _SHORT:
                    open_cell.pop(0)
            elif actions and (not actions[-1][1] or last is actions[-1][1]):
                actions[-1][1].append((index, text, False))  # an action's lines come together
            else:
                return None
            last = actions[-1][1] if not rest else None
            rested, broken = rested or rest, broken or (rested and not rest)
        if (open_cell and not in_run) or len(issues) != self.count:
            return None
        if in_run and any(display_width(c[-1][1]) >= w - _SHORT for c, w in open_cell):
            return None
        return _records_of(issues, policies, actions)


def _records_of(
    issues: list[list[Piece]], policies: list[list[Piece]], actions: list[tuple[int, list[Piece]]]
) -> list[Record] | None:
    """The records of the cells read, each role's lines one cell (see `_stacked`)."""
    per = len(_ROLES)
    widest = max((display_width(t) for _, cell in actions for _, t, _ in cell), default=0)
    records: list[Record] = []
    for g in range(len(issues)):
        cells = _stacked(actions[g * per : (g + 1) * per], widest)
        if cells is None:
            return None
        records.append((issues[g], policies[g], cells))
    return records


def _pairs(action: list[Piece], issue_width: int, policy_width: int) -> list[Piece]:
    """The issue's and the policy's lines of the printed lines right above a run that pdftotext wrote
    as two lines each (the issue's, then the policy's, each as wide as its column), taken off the end
    of the action above them: in order, the issue's first."""
    taken: list[Piece] = []
    while len(action) >= 3:
        first, second = display_width(action[-2][1]), display_width(action[-1][1])
        if not (
            issue_width - _SHORT <= first <= issue_width + _OVER
            and policy_width - _SHORT <= second <= policy_width + _OVER
        ):
            break
        taken[:0] = action[-2:]
        del action[-2:]
    return taken


def _stacked(roles: list[tuple[int, list[Piece]]], widest: int) -> list[tuple[int, list[Piece]]] | None:
    """A record's roles' actions, where a role's lines are one cell (each line but its last as wide as
    the actions' widest, a list's item apart) or, after roles left without a line, as many cells more
    as those roles: pdftotext wrote their actions after the last of their words (`行政` `医療` `福祉`,
    then three actions), one to each in order.  None where neither."""
    out = [(index, list(action)) for index, action in roles]
    for k, (_, action) in enumerate(roles):
        cells = _cells(action, widest)
        if len(cells) <= 1:
            continue
        empty = 0
        while empty < k and not out[k - empty - 1][1] and not roles[k - empty - 1][1]:
            empty += 1
        if empty != len(cells) - 1:
            return None
        for n, cell in enumerate(cells):
            out[k - empty + n] = (out[k - empty + n][0], cell)
    return out


def _cells(action: list[Piece], widest: int) -> list[list[Piece]]:
    """An action's lines cut into cells where a line stops short of the widest and the next starts no
    list's item."""
    cells: list[list[Piece]] = []
    for n, piece in enumerate(action):
        if n and display_width(action[n - 1][1]) < widest - _SHORT and piece[1][:1] not in BULLET:
            cells.append([])
        if not cells:
            cells.append([])
        cells[-1].append(piece)
    return cells


def _cuts(text: str) -> list[int]:
    """Where a line may hold two cells a space apart: a space between two texts (not after a list's
    mark, `① 居住支援`)."""
    return [
        k
        for k in range(1, len(text) - 1)
        if text[k] == " "
        and not text[k - 1].isascii()
        and not text[k + 1].isascii()
        and text[k - 1] not in BULLET
        and display_width(text[:k]) >= 2 * _SHORT
    ]


def _split(tokens: list[Token], wide: set[int]) -> dict[int, tuple[str, str]] | None:
    """Each wide line cut into the issue's and the policy's line: at the space that leaves the issue
    as wide as on the other lines (a width that every line has one cut near); None where no width or
    more than one so cuts the lines (a list's `②` a space after a text, `…促す ②病`, is a cut too)."""
    if not wide:
        return None
    options = {n: [(display_width(tokens[n][1][:k]), k) for k in _cuts(tokens[n][1])] for n in wide}
    if any(not o for o in options.values()):
        return None
    found: list[dict[int, int]] = []
    for width in sorted({w for o in options.values() for w, _ in o}, reverse=True):
        near = {n: [k for w, k in o if width - _SHORT <= w <= width] for n, o in options.items()}
        if all(len(ks) == 1 for ks in near.values()) and (cut := {n: ks[0] for n, ks in near.items()}) not in found:
            found.append(cut)
    if len(found) != 1:
        return None
    return {n: (tokens[n][1][:k], tokens[n][1][k + 1 :]) for n, k in found[0].items()}
