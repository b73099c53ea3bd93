"""Section 5's issues' table in plain pdftotext's text of a LibreOffice or a Chromium PDF, written a
column at a time.

Where a page holds whole records, pdftotext may write the issues' column first (each issue a box),
then the policies' (each a box), then each role's word and its action, a box each; the next page's
records (or the next run of records on the page) again their issues, their policies, their roles:

    課題                                   課題	課題解決に向けた取組方針	課題・方針に対する役割(取組)
    長期入院者の退院後の住まい             長期入院者の…	居住支援協議会と…	行政	居住支援協議会との…
    の確保が難しい                         		医療	退院支援委員会への…
    市町村の協議の場の設置・運        →   		福祉	グループホームの…
    営に差がある                           		その他関係機関・住民等	不動産関係団体…
    課題解決に向けた取組方針               市町村の協議の場の…	保健所による伴走支援…	行政	…
    居住支援協議会と連携し, グループホー
    …
    課題・方針に対する役割(取組)
    行政
    居住支援協議会との合同研修
    …

(blank lines between the boxes left out above).  The roles' words come four to a record, in order;
a role's action is the one box after its word, or none where the next word follows right away.
The boxes between one record's last role and the next record's first are its action (or none)
and the next run's issues then policies, one each for every record of the run up to the next such
boxes: so many boxes, or one more, or the table is left as it is.  A run's boxes may also stand
after a role of its first record (where short records' issue and policy, centred in their rows,
stand level with a middle role: `医療` `相談先が分からない` `相談先の一覧を作る` `福祉`), that role's
action (one box or none) before or after them: both ways are tried, and the table is read only where
exactly one finds the issues', the policies' and the actions' lines each wrapped at one width (a
list's item's last line and its indent allowed) and no issue's or policy's line holds two texts a
space apart.  The table's last action written among the indicators' header cells below it (the one
box there that is no header cell, `不動産事業者による物件の` `紹介` before `見込んでいる成果・効果`)
goes to its last role where that role has no box.  Only where every box finds its cell this way is
the table rewritten; any other shape (an issue and a policy side by side on a
line, a cell that a page break or a list's blank lines cut into two boxes, a role's word missing)
is left to the readers after (`cell_lines_tables`, which `issue_order` warns of).

Chromium wraps `その他関係機関・住民等` round a one-line action, and pdftotext writes the word's pieces
and the action a box each (`その他関係機` `ピアサポーターの病院訪問` `関・住民等`), the word's rest perhaps
opening the next record's first issue's box (`関・住民等` / `住民の理解が進まない`): the word is joined,
its action the box between its pieces.
"""

from __future__ import annotations

from itertools import pairwise

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import (
    BULLET,
    CIRCLED,
    HEADING,
    Cell,
    Piece,
    boxed,
    join_cell,
    non_blank,
    write_table,
)
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import OUTCOME_COLUMNS, ROLES

_ISSUE_HEADER = "課題"
_POLICY_HEADER = "課題解決に向けた取組方針"
_ROLE_HEADER = "課題・方針に対する役割(取組)"
_ENDS = (OUTCOME_COLUMNS["name"][:-1], "現状値", "目標値", "見込んでいる成果", "※")
_ROLES = tuple(ROLES.values())
_HEADERS = (_POLICY_HEADER, _ROLE_HEADER)
_SHORT = 4  # display columns a wrapped line may stop short of its column's widest (Western characters, a comma's space)
_INDENT = 4  # display columns a list's lines stop short of the column's other lines (LibreOffice indents a list)
_SIDE_BY_SIDE = compile_lazily(r"[^\x00-\x7f] +[^\x00-\x7f]")  # two texts a space apart on a line
_NUMBERED = compile_lazily(r"[0-9０-９]{1,2}[.．)）]")  # a numbered item's start
_NUMBER_MARK = compile_lazily(
    r"(?<![0-9０-９.．,，])[0-9０-９]{1,2}[.．]$"
)  # a numbered item's mark, its item on the next line
_LABEL_LINES = 4  # lines a role's word may wrap over (`その他` / `関係機` / `関・住` / `民等`)
_BULLETS_ALONE = ("・", "•", "\uf0b7")  # a list's bullet drawn on a line of its own
_HEADER_REACH = 12  # lines between the table's first header cell and the first issue


def apply(state: FormState) -> None:
    """Rebuild the issues' table written a column at a time."""
    if not signals.issue_columns(state.source):
        return
    region = _region(state.lines)
    if region is None:
        return
    records = _records(_boxes(region[1:]))
    if records is None:
        return
    late = _late_action(state.lines, region[-1][0] + 1)
    if late is not None and not records[-1][2][-1][1]:
        records[-1][2][-1] = (records[-1][2][-1][0], late)
        for index, _, _ in late:
            state.lines[index] = None
    header = "\t".join((_ISSUE_HEADER, _POLICY_HEADER, _ROLE_HEADER, ""))
    rows: list[tuple[int, str]] = []
    for issue, policy, roles in records:
        for k, (index, action) in enumerate(roles):
            cells = (_text(issue), _text(policy)) if k == 0 else ("", "")
            rows.append((index, "\t".join((*cells, _ROLES[k], _text(action)))))
    write_table(state.lines, region[:1], header, rows, region[-1][0])


def _late_action(lines: list[str | None], start: int) -> Cell | None:
    """The table's last action written among the indicators' header's cells below it (`課題解決の
    達成度を測る指標`, `現状値 (今年度当` `初)`, the action, `見込んでいる成果・効果`): the one box
    there that is no header cell (a header cell's first line starts a box of its own)."""
    pieces = [(index + start, text, blank or text.startswith(_ENDS)) for index, text, blank in non_blank(lines[start:])]
    end = next((k for k, piece in enumerate(pieces) if piece[1].startswith(_ENDS[3])), None)
    if end is None or not pieces[0][1].startswith(_ENDS):
        return None
    late = [box for box in boxed(pieces[:end]) if not box[0][1].startswith(_ENDS)]
    return late[0] if len(late) == 1 else None


def _text(cell: Cell) -> str:
    """A cell's lines as one, a space kept after a numbered list's mark that ended a line (`2.`)."""
    text = ""
    for piece in cell:
        gap = " " if _NUMBER_MARK.search(text) else ""
        text = join_cell([(0, text + gap, False), piece]) if text else piece[1]
    return text


def _region(lines: list[str | None]) -> list[Piece] | None:
    """The issues' table's lines, from its first header cell alone on its line to the indicators'
    header (a page's form feed starts a box)."""
    start = next((i for i, line in enumerate(lines) if line is not None and line.strip() == _ISSUE_HEADER), None)
    if start is None:
        return None
    pieces = [
        (i + start, text, blank or (lines[i + start] or "").startswith("\f"))
        for i, text, blank in non_blank(lines[start:])
    ]
    pieces = _list_gaps(pieces)
    end = next((k for k, p in enumerate(pieces) if k and p[1].startswith(_ENDS)), None)
    if end is None or not any(p[1] == _POLICY_HEADER for p in pieces[:_HEADER_REACH]):
        return None
    if _indicator_among(pieces[:end], pieces[end:]):
        return None
    return pieces[:end]


def _indicator_among(region: list[Piece], after: list[Piece]) -> bool:
    """Whether an indicator's row stands among the issues' boxes: a line opens with a number (`②`)
    that the indicators below the table go on to (they have `①`, not `②`), as pdftotext may write an
    indicator's name that holds no values beside it where the page has room."""
    stop = next((k for k, piece in enumerate(after) if HEADING.match(piece[1])), len(after))
    below = {piece[1][0] for piece in after[:stop] if CIRCLED.match(piece[1])}
    return any(
        CIRCLED.match(piece[1]) and piece[1][0] not in below and chr(ord(piece[1][0]) - 1) in below for piece in region
    )


def _list_gaps(pieces: list[Piece]) -> list[Piece]:
    """The pieces with a list's bullet drawn alone on its line left out (LibreOffice draws an HTML
    list's bullet apart from its item, and pdftotext writes it as a box of its own, `・`, anywhere
    among the cell's lines): the line after it goes on in the box before it, where that box is a
    cell's (not a role's word nor a header cell)."""
    out: list[Piece] = []
    gap = False
    for index, text, blank in pieces:
        if text in _BULLETS_ALONE:
            gap = True
            continue
        before = out[-1][1] if out else ""
        words = (*_ROLES, _ISSUE_HEADER, _POLICY_HEADER, _ROLE_HEADER)
        joined = gap and bool(before) and not any(word.endswith(before) for word in words)
        out.append((index, text, blank and not joined))
        gap = False
    return out


def _boxes(pieces: list[Piece]) -> list[tuple[str, Cell]]:
    """The region's boxes, each a role's word (its kind the role), a header cell (`header`) or a
    cell's lines (`""`); a role's word that opens a box parts it from the lines after it, and one
    whose wrapped pieces stand between its action's lines (the two centred in their row) from them."""
    out: list[tuple[str, Cell]] = []
    for box in boxed(pieces):
        woven = _woven_role(box)
        if woven is not None:
            out.extend(woven)
            continue
        k = 0
        while k < len(box):
            role = _word_at(box, k, _ROLES)
            header = _word_at(box, k, _HEADERS)
            if role is not None:
                out.append((_ROLES[role[0]], box[k : k + role[1]]))
                k += role[1]
            elif header is not None:
                out.append(("header", box[k : k + header[1]]))
                k += header[1]
            else:
                out.append(("", box[k:]))
                break
    return _split_roles(out)


def _split_roles(boxes: list[tuple[str, Cell]]) -> list[tuple[str, Cell]]:
    """The boxes with a role's word that Chromium wrapped round its action joined: the word's first
    piece a box of its own, the action the next box, the word's rest opening the box after it (its
    other lines, the next record's first issue, a box of their own): `その他関係機` `ピアサポーター
    の病院訪問` `関・住民等`."""
    out: list[tuple[str, Cell]] = []
    k = 0
    while k < len(boxes):
        kind, cell = boxes[k]
        head = cell[0][1] if len(cell) == 1 and not kind else ""
        if head and head not in _ROLES and any(role.startswith(head) for role in _ROLES) and k + 2 < len(boxes):
            (action_kind, action), (rest_kind, rest) = boxes[k + 1], boxes[k + 2]
            role = None if action_kind or rest_kind else _word_at([*cell, *rest], 0, _ROLES)
            if role is not None and role[1] > 1:
                out.append((_ROLES[role[0]], [*cell, *rest[: role[1] - 1]]))
                out.append(("", action))
                if rest[role[1] - 1 :]:
                    out.append(("", rest[role[1] - 1 :]))
                k += 3
                continue
        out.append((kind, cell))
        k += 1
    return out


def _word_at(box: Cell, k: int, words: tuple[str, ...]) -> tuple[int, int] | None:
    """Which of the words the box's lines from k make (a word wrapped over lines), and its lines."""
    text = ""
    for n in range(k, min(len(box), k + _LABEL_LINES)):
        text += box[n][1]
        if text in words:
            return words.index(text), n - k + 1
        if not any(word.startswith(text) for word in words):
            return None
    return None


def _woven_role(box: Cell) -> list[tuple[str, Cell]] | None:
    """A role's word wrapped over lines that stand every other line among its action's
    (`民生委員・児童委員` `その他` `による見守りと相談` `関係機` …): the word, then the action."""
    found = []
    for parity in (0, 1):
        word = box[parity::2]
        for size in range(2, min(len(word), _LABEL_LINES) + 1):
            text = "".join(line for _, line, _ in word[:size])
            if text in _ROLES and len(box) > parity + 2 * size - 1:
                taken = {piece[0] for piece in word[:size]}
                found.append([(text, word[:size]), ("", [p for p in box if p[0] not in taken])])
    return found[0] if len(found) == 1 else None


Record = tuple[Cell, Cell, list[tuple[int, Cell]]]  # an issue, its policy, each role's (index, action)


def _records(boxes: list[tuple[str, Cell]]) -> list[Record] | None:
    """The records, where the boxes are the issues' and the policies' boxes of each run of records,
    then the runs' roles; None where any box finds no cell.  A run whose boxes stand after its
    first record's first role has its action (one box) first or last among them: each way is tried,
    and the table read where exactly one finds every column's cells wrapped at one width and no
    issue or policy holding two texts side by side."""
    if not boxes:
        return None
    first = next((k for k, (kind, _) in enumerate(boxes) if kind in _ROLES), None)
    if first is None or sum(kind == "header" for kind, _ in boxes) != len(_HEADERS):
        return None
    free = [cell for kind, cell in boxes[:first] if not kind]  # the first run's issues, then its policies
    if len(free) + len(_HEADERS) != first or len(free) % 2:
        return None
    table = _between(boxes[first:])
    if table is None:
        return None
    starts = _run_starts(table[1])
    if starts is None:
        return None
    own = [g for g, n in starts.items() if n % len(_ROLES) != len(_ROLES) - 1]
    readings = []
    for mask in range(1 << len(own)):
        last = frozenset(g for n, g in enumerate(own) if mask >> n & 1)
        groups = _groups(boxes[first:], *table, starts, last)
        records = None if groups is None else _assign(list(free), groups)
        if records is not None and (not own or _columns_fit(records)) and records not in readings:
            readings.append(records)
    return readings[0] if len(readings) == 1 else None


def _assign(free: list[Cell], groups: list[Group]) -> list[Record] | None:
    """Each record's issue and policy from the run's boxes (the issues', then the policies')."""
    records: list[Record] = []
    for actions, run in groups:
        if run is not None:
            if free:
                return None
            free = run
        half = len(free) // 2
        if not half:
            return None
        records.append((free.pop(0), free.pop(half - 1), actions))
    issues, policies = [record[0] for record in records], [record[1] for record in records]
    if free or not _fills(issues) or not _fills(policies):
        return None
    return records


def _columns_fit(records: list[Record]) -> bool:
    """Whether the actions wrap at one width too, and no issue's or policy's line holds two texts a
    space apart (an issue and its policy side by side: a record written a printed line at a time)."""
    actions = [cell for _, _, roles in records for _, cell in roles if cell]
    texts = [text for issue, policy, _ in records for _, text, _ in (*issue, *policy)]
    return _fills(actions) and not any(_SIDE_BY_SIDE.search(text) for text in texts)


def _fills(cells: list[Cell]) -> bool:
    """Whether the cells are one column's: each line but a cell's last as wide as the column's widest
    (it wrapped there), so that no policy was taken for an issue (pdftotext may write a run's issues
    and policies a record at a time, not a column at a time: then the widths tell them apart)."""
    widest = max((display_width(text) for cell in cells for _, text, _ in cell), default=0)
    return all(_wraps(cell, widest) for cell in cells)


def _wraps(cell: Cell, widest: int) -> bool:
    """Whether each line of the cell but its last is as wide as the column's widest, a list's item's
    last line before the next item left out and a list's lines allowed their indent."""
    short = _SHORT + (_INDENT if _item(cell[0][1]) else 0)
    texts = [text for _, text, _ in cell]
    return all(display_width(text) >= widest - short or _item(after) for text, after in pairwise(texts))


def _item(text: str) -> bool:
    """Whether a line starts a list's item (`・`, `①`, `1.`)."""
    return text[:1] in BULLET or _NUMBERED.match(text) is not None


Group = tuple[list[tuple[int, Cell]], list[Cell] | None]  # a record's roles, the run's boxes it starts


def _between(boxes: list[tuple[str, Cell]]) -> tuple[list[int], list[list[Cell]]] | None:
    """The roles' words' places among the boxes and the boxes after each up to the next word; None
    where the words are not four to a record in order."""
    per = len(_ROLES)
    labels = [k for k, (kind, _) in enumerate(boxes) if kind]
    if not labels or labels[0] != 0 or len(labels) % per:
        return None
    if any(boxes[k][0] != _ROLES[n % per] for n, k in enumerate(labels)):
        return None
    ends = [*labels[1:], len(boxes)]
    return labels, [[cell for _, cell in boxes[k + 1 : end]] for k, end in zip(labels, ends, strict=True)]


def _groups(
    boxes: list[tuple[str, Cell]],
    labels: list[int],
    between: list[list[Cell]],
    starts: dict[int, int],
    last: frozenset[int],
) -> list[Group] | None:
    """Each record's roles (the index of the role's word, its action) and, where a run of records
    starts with it, the run's issues' then policies' boxes: the boxes after a record's last role
    (its action, one or none, then two for every record of the next run) or after the run's first
    record's first role (its action, one box, first or, for the records in `last`, after the run's
    two a record: the first run may so stand after the table's first `行政`); a run goes on to the
    next record whose run so starts."""
    per = len(_ROLES)
    count = len(labels) // per
    between = list(between)
    runs: dict[int, list[Cell]] = {}
    for g, n in starts.items():
        length = min((h for h in starts if h > g), default=count) - g
        tail = between[n]
        extra = len(tail) - 2 * length
        if extra not in (0, 1):
            return None
        if g in last:
            between[n], runs[g] = tail[-extra:], tail[:-extra]
        else:
            between[n], runs[g] = tail[:extra], tail[extra:]
    groups: list[Group] = []
    for g in range(count):
        cells = between[g * per : (g + 1) * per]
        actions = [(boxes[labels[g * per + n]][1][0][0], cell[0] if cell else []) for n, cell in enumerate(cells)]
        groups.append((actions, runs.get(g)))
    return groups


def _run_starts(between: list[list[Cell]]) -> dict[int, int] | None:
    """For each record that starts a run, where its run's boxes stand (the index of the role whose
    boxes hold them): more than one box after a record's last role starts a run with the next
    record, after a record's first role with that record; None where more than one box stands
    after any other role, or two places start one record's run."""
    per = len(_ROLES)
    starts: dict[int, int] = {}
    for n, cells in enumerate(between):
        if len(cells) < 2:
            continue
        g = n // per + (n % per == per - 1)
        if g in starts or g * per >= len(between):
            return None
        starts[g] = n
    return starts
