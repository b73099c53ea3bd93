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
the issue's column as wide on every such line.  The roles' words come four to a record, in order,
and each record has one such run of lines (the k-th run the k-th record's).  After a run, the issue
goes on (its last line there as wide as the issue's column: it wrapped) in the lines that follow,
then the policy, before any role's action; every other line is the action of the role whose word
is above it.  The table is rebuilt only where all so fits: every action's lines but a cell's last
as wide as the actions' widest (a list's item may start after a shorter line), no cell left open;
any other shape (an action written after a later role's word, a cell's rest after another role's
action) is left to the readers after.
"""

from __future__ import annotations

from itertools import pairwise

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
_WIDER = 1.5  # a line of two cells is so much wider than the widest line of one
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
    record, and every line finds its cell (see the module's docstring)."""
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
    issue_width = max(display_width(left) for left, _ in cuts.values())
    policy_width = max(display_width(right) for _, right in cuts.values())
    issues: list[list[Piece]] = []
    policies: list[list[Piece]] = []
    actions: list[tuple[int, list[Piece]]] = []
    open_cell: list[tuple[list[Piece], int]] = []  # the run's cells still to go on, in order, each its width
    in_run = False
    for n, (index, text, role) in enumerate(tokens):
        if role >= 0:
            actions.append((index, []))
            continue
        if n in wide:
            left, right = cuts[n]
            if not in_run:
                if open_cell:
                    return None
                issues.append([])
                policies.append([])
            issues[-1].append((index, left, False))
            policies[-1].append((index, right, False))
            open_cell = [(issues[-1], issue_width), (policies[-1], policy_width)]
            in_run = True
            continue
        if in_run:
            open_cell = [(cell, width) for cell, width in open_cell if display_width(cell[-1][1]) >= width - _SHORT]
            in_run = False
        if open_cell:
            cell, width = open_cell[0]
            cell.append((index, text, False))
            if display_width(text) < width - _SHORT:
                open_cell.pop(0)
        elif actions:
            actions[-1][1].append((index, text, False))
        else:
            return None
    if (open_cell and not in_run) or len(issues) != count or not _wrap([cell for _, cell in actions if cell]):
        return None
    if in_run and any(display_width(cell[-1][1]) >= width - _SHORT for cell, width in open_cell):
        return None
    per = len(_ROLES)
    return [(issues[g], policies[g], actions[g * per : (g + 1) * per]) for g in range(count)]


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
    as wide as on the other lines (the widest such width that every line has a cut near)."""
    if not wide:
        return None
    options = {n: [(display_width(tokens[n][1][:k]), k) for k in _cuts(tokens[n][1])] for n in wide}
    if any(not o for o in options.values()):
        return None
    widths = sorted({w for o in options.values() for w, _ in o}, reverse=True)
    for width in widths:
        near = {n: [k for w, k in o if width - _SHORT <= w <= width] for n, o in options.items()}
        if all(len(ks) == 1 for ks in near.values()):
            return {n: (tokens[n][1][: ks[0]], tokens[n][1][ks[0] + 1 :]) for n, ks in near.items()}
    return None


def _wrap(cells: list[list[Piece]]) -> bool:
    """Whether the cells are one column's: every line but a cell's last as wide as the widest (a
    list's item may start after a shorter line)."""
    widest = max((display_width(t) for cell in cells for _, t, _ in cell), default=0)
    return all(
        display_width(a[1]) >= widest - _SHORT or b[1][:1] in BULLET for cell in cells for a, b in pairwise(cell)
    )
