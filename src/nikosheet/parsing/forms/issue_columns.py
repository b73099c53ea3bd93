"""Section 5's issues' table in plain pdftotext's text of a LibreOffice PDF, written a column at a time.

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
boxes: so many boxes, or one more, or the table is left as it is.  Only where every box finds its
cell this way is the table rewritten; any other shape (an issue and a policy side by side on a
line, a cell that a page break or a list's blank lines cut into two boxes, a role's word missing)
is left to the readers after (`cell_lines_tables`, which `issue_order` warns of).
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.template_tables import Cell, Piece, boxed, join_cell, non_blank, write_table
from nikosheet.vocabulary import ROLES

_ISSUE_HEADER = "課題"
_POLICY_HEADER = "課題解決に向けた取組方針"
_ROLE_HEADER = "課題・方針に対する役割(取組)"
_ENDS = ("課題解決の達成度を測る指", "現状値", "目標値", "見込んでいる成果", "※")
_ROLES = tuple(ROLES.values())
_LABEL_LINES = 4  # lines a role's word may wrap over (`その他` / `関係機` / `関・住` / `民等`)
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
    header = "\t".join((_ISSUE_HEADER, _POLICY_HEADER, _ROLE_HEADER, ""))
    rows: list[tuple[int, str]] = []
    for issue, policy, roles in records:
        for k, (index, action) in enumerate(roles):
            cells = (join_cell(issue), join_cell(policy)) if k == 0 else ("", "")
            rows.append((index, "\t".join((*cells, _ROLES[k], join_cell(action)))))
    write_table(state.lines, region[:1], header, rows, region[-1][0])


def _region(lines: list[str | None]) -> list[Piece] | None:
    """The issues' table's lines, from its first header cell alone on its line to the indicators'
    header (a page's form feed starts a box)."""
    start = next((i for i, line in enumerate(lines) if line is not None and line.strip() == _ISSUE_HEADER), None)
    if start is None:
        return None
    pieces = [
        (i, text, blank or (lines[i] or "").startswith("\f"))
        for i, text, blank in ((i + start, t, b) for i, t, b in non_blank(lines[start:]))
    ]
    end = next((k for k, p in enumerate(pieces) if k and p[1].startswith(_ENDS)), None)
    if end is None or not any(p[1] == _POLICY_HEADER for p in pieces[:_HEADER_REACH]):
        return None
    return pieces[:end]


def _boxes(pieces: list[Piece]) -> list[tuple[str, Cell]]:
    """The region's boxes, each a role's word (its kind the role), a header cell (`header`) or a
    cell's lines (`""`); a role's word that opens a box parts it from the lines after it."""
    out: list[tuple[str, Cell]] = []
    for box in boxed(pieces):
        k = 0
        while k < len(box):
            role = _role_at(box, k)
            if role is not None:
                out.append((_ROLES[role[0]], box[k : k + role[1]]))
                k += role[1]
                continue
            if box[k][1] in (_POLICY_HEADER, _ROLE_HEADER):
                out.append(("header", [box[k]]))
                k += 1
                continue
            rest = box[k:]
            out.append(("", rest))
            break
    return out


def _role_at(box: Cell, k: int) -> tuple[int, int] | None:
    """The role whose word the box's lines from k make (a word wrapped over lines), and its lines."""
    text = ""
    for n in range(k, min(len(box), k + _LABEL_LINES)):
        text += box[n][1]
        if text in _ROLES:
            return _ROLES.index(text), n - k + 1
        if not any(role.startswith(text) for role in _ROLES):
            return None
    return None


Record = tuple[Cell, Cell, list[tuple[int, Cell]]]  # an issue, its policy, each role's (index, action)


def _records(boxes: list[tuple[str, Cell]]) -> list[Record] | None:
    """The records, where the boxes are the issues' and the policies' boxes of each run of records,
    then the runs' roles; None where any box finds no cell."""
    if not boxes:
        return None
    heads = [k for k, (kind, _) in enumerate(boxes) if kind == "header"]
    if len(heads) != 2:
        return None
    issues, policies = boxes[: heads[0]], boxes[heads[0] + 1 : heads[1]]
    if len(issues) != len(policies) or not issues or any(kind for kind, _ in (*issues, *policies)):
        return None
    groups = _groups(boxes[heads[1] + 1 :])
    if groups is None:
        return None
    records: list[Record] = []
    free: list[Cell] = [cell for _, cell in (*issues, *policies)]
    for actions, run in groups:
        if run is not None:
            if free:
                return None
            free = run
        half = len(free) // 2
        if not half:
            return None
        records.append((free.pop(0), free.pop(half - 1), actions))
    return records if not free else None


Group = tuple[list[tuple[int, Cell]], list[Cell] | None]  # a record's roles, the run's boxes it starts


def _groups(boxes: list[tuple[str, Cell]]) -> list[Group] | None:
    """Each record's roles (the index of the role's word, its action) and, where a run of records
    starts with it (after the first), the run's issues' then policies' boxes written before its first
    role: the boxes after a record's last role are its action (one or none) and two for every record
    of the next run, which goes on to the next record whose last role is followed by more than one."""
    per = len(_ROLES)
    labels = [k for k, (kind, _) in enumerate(boxes) if kind]
    if not labels or labels[0] != 0 or len(labels) % per:
        return None
    if any(boxes[k][0] != _ROLES[n % per] for n, k in enumerate(labels)):
        return None
    ends = [*labels[1:], len(boxes)]
    between = [[cell for _, cell in boxes[k + 1 : end]] for k, end in zip(labels, ends, strict=True)]
    if any(len(cells) > 1 for n, cells in enumerate(between) if n % per != per - 1 or n == len(between) - 1):
        return None
    count = len(labels) // per
    lasts = [between[g * per + per - 1] for g in range(count)]
    groups: list[Group] = []
    run: list[Cell] | None = None
    for g in range(count):
        cells = between[g * per : (g + 1) * per]
        tail = lasts[g]
        if len(tail) > 1:
            length = next((h for h in range(g + 1, count) if len(lasts[h]) > 1), count - 1) - g
            extra = len(tail) - 2 * length
            if extra not in (0, 1):
                return None
            cells[-1], after = tail[:extra], tail[extra:]
        else:
            after = None
        actions = [(boxes[labels[g * per + n]][1][0][0], cell[0] if cell else []) for n, cell in enumerate(cells)]
        groups.append((actions, run))
        run = after
    return groups
