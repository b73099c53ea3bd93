"""Section 5's issues' table in plain pdftotext's text of a LibreOffice PDF: told when its cells came
out of their rows.

A record of the table is an issue and its policies beside four rows, a role (行政, 医療, 福祉,
その他関係機関・住民等) and its action each, every cell centred in what it spans.  pdftotext writes
the table a run of boxes at a time, down one column and then another, so a record's cells come in
many orders: the issue and the policies after the first role's action or between two roles (they
stand in the record's middle), a role's action after the next role's word, the next record's issue
among this record's rows:

    行政
    ・退院意向調査の実施          (行政's action)
    1 年以上の長期入院者の割合が全  (the issue)
    国平均より高く、…
    ・長期入院者の退院意向調査      (the policies)
    …
    医療

The cell-per-line readers take the lines after a role's word, up to the next role's, for its action
(the lines after the record's last role also hold the next record's issue and policies).  Where the
lines after a role's word but the last are more than one cell — a line after one that stopped short
of the others (the cell ended there) that starts no list's item, or a line wider than the one before
(another column's) — other cells stand among them and the table cannot be read in its rows from the
text: a `shifted-cell` warning says that the issues, policies and roles may be read into the wrong
rows.  The first role's lines may hold the first record's issue, policy and action where nothing
stands between the header and the role's word (`issue_after_role` reads them).  Roles' words not
found four to a record, in order, before the indicators' header (the table's rows written beside
that header, or past a page's end among other cells) are warned of alike.  Where neither is so, a
middle role's word (`医療`, `福祉`) in a box of text lines (at a line's end after a space, or on its own
line with no blank line between it and a line of text) stands beside the issue's or the policy's
lines: `policy_roles` reads those two, but which role each action after them belongs to is not in the
text, and a warning says so.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, policy_roles, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, Piece, non_blank
from nikosheet.vocabulary import OUTCOME_COLUMNS, ROLES

_HEADER = ("課題", "課題解決に向けた取組方針", "課題・方針に対する役割(取組)")
_END = OUTCOME_COLUMNS["name"][:-1]
_ROLES = tuple(ROLES.values())
_MIDDLE_ROLES = _ROLES[1:3]  # 医療, 福祉: the rows beside an issue's and a policy's middle lines
LONE_BULLETS = frozenset(("・", "\uf0b7"))  # a list's bullet drawn alone on its line
_SHORT = 4  # display columns a line that ended its cell stops short of its column at least (two characters)
_FIRST_ROLE_CELLS = 3  # the first record's issue, policy and first action after the first role's word

Stretch = tuple[int, int, list[str]]  # a role's place among the roles, its word's line, the lines after it


def apply(state: FormState) -> None:
    """Warn where a role's lines hold other cells than its action."""
    if not signals.issue_order(state.source):
        return
    body = _body(state.lines)
    if body is None or not _warned(state, body):
        among = _role_among_lines(state.lines)  # (`policy_roles` reads the issue and the policy there)
        if among is not None:
            state.note(Diagnostic.SHIFTED_CELL, among[0], str(messages.ROLES_AMONG_LINES(role=among[1])))


def _warned(state: FormState, body: tuple[bool, list[tuple[int, str]]]) -> bool:
    """Warn where a role's lines hold other cells than its action, or the roles' words are not found
    in order; whether it warned."""
    stretches = _stretches(body[1])
    if not stretches:
        where = body[1][0][0] if body[1] else None
        state.note(Diagnostic.SHIFTED_CELL, where, str(messages.ROLE_WORDS_OUT_OF_ORDER()))
        return True
    last = len(stretches) - 1
    for n, (role, index, lines) in enumerate(stretches):
        if role == len(_ROLES) - 1 and n < last:
            continue  # (the next record's issue and policies follow the record's last action)
        cells = len(cells_of(lines))
        if n == 0 and body[0] and cells == _FIRST_ROLE_CELLS and lines[0][0] not in BULLET:
            continue
        if cells > 1:
            message = messages.ROLE_HOLDS_CELLS(role=_ROLES[role], count=cells)
            state.note(Diagnostic.SHIFTED_CELL, index, str(message))
            return True
    return False


def _body(lines: list[str | None]) -> tuple[bool, list[tuple[int, str]]] | None:
    """Whether the first role's word comes right after the header, and the table's lines that are not
    the header's (a list's bullet alone on its line left out); None where the table is not found."""
    pieces = non_blank(lines)
    start = next((k for k, (_, text, _) in enumerate(pieces) if text == _HEADER[0]), None)
    if start is None:
        return None
    body: list[tuple[int, str]] = []
    found = 1
    right_after = False
    for index, text, _ in pieces[start + 1 :]:
        if text.startswith(_END):
            return (right_after, body) if found == len(_HEADER) else None
        if found < len(_HEADER) and text.replace(" ", "") == _HEADER[found]:
            found += 1
            right_after = found == len(_HEADER) and not body
        elif text not in LONE_BULLETS:
            body.append((index, text))
    return None


def _role_among_lines(lines: list[str | None]) -> tuple[int, str] | None:
    """Where `policy_roles` reads an issue and its policy written with the middle roles' words among
    the policy's lines (the first such `医療`'s line), or None."""
    pieces = non_blank(lines)
    start = next((k for k, (_, text, _) in enumerate(pieces) if text == _HEADER[0]), len(pieces))
    end = next((k for k in range(start, len(pieces)) if pieces[k][1].startswith(_END)), len(pieces))
    table: list[Piece] = []
    for index, text, blank in pieces[start + 1 : end]:
        head, _, word = text.rpartition(" ")
        if head and word in _MIDDLE_ROLES:  # a role's word at a line's end: a line of its own
            table += [(index, head, blank), (index, word, False)]
        else:
            table.append((index, text, blank))
    found = policy_roles.written_among(table)
    return None if found is None else (found[0], found[1])


def _stretches(body: list[tuple[int, str]]) -> list[Stretch]:
    """Each role's word with the lines after it up to the next role's word, or [] where the roles'
    words are not each record's four in order (the long one perhaps wrapped, its pieces among its
    action's lines, a word on a line with a cell's line a space apart)."""
    out: list[Stretch] = []
    label = ""  # the long role's word as far as written
    for index, text in body:
        rest: list[str] = []
        for piece in text.split(" "):
            expected = _ROLES[len(out) % len(_ROLES)]
            if label and _ROLES[-1].startswith(label + piece):
                label += piece
            elif piece == expected or (expected == _ROLES[-1] and _long_role_starts(piece)):
                if out and rest:
                    out[-1][2].append(" ".join(rest))
                rest = []
                out.append((len(out) % len(_ROLES), index, []))
                label = piece if expected == _ROLES[-1] else ""
            else:
                rest.append(piece)
            if label == _ROLES[-1]:
                label = ""
        if out and rest:
            out[-1][2].append(" ".join(rest))
    complete = out and len(out) % len(_ROLES) == 0 and not label
    return out if complete else []


def _long_role_starts(piece: str) -> bool:
    """Whether the piece is the long role's word, or its first line (`その他関係`)."""
    return piece.startswith("その他") and _ROLES[-1].startswith(piece)


def cells_of(lines: list[str]) -> list[list[int]]:
    """The lines (by place) cut into cells: a line starts one after a line that stopped short of its
    cell's widest, or where it is wider than the line before; a list's item goes on in a list's cell,
    and starts one after a cell of no list that ended (the issue, then the policies' list); a list's
    bullet alone on its line goes with the line before."""
    out: list[list[int]] = []
    for k, line in enumerate(lines):
        if out and line in LONE_BULLETS:
            out[-1].append(k)
            continue
        cell = [lines[j] for j in out[-1] if lines[j] not in LONE_BULLETS] if out else []
        if cell and not _starts_cell(cell, line):
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _starts_cell(cell: list[str], line: str) -> bool:
    """Whether the line starts a cell after the cell's lines."""
    before = display_width(cell[-1])
    short = before <= max(display_width(t) for t in cell) - _SHORT
    if line[0] in BULLET:
        return short and not any(t[0] in BULLET for t in cell)
    return short or display_width(line) > before + _SHORT
