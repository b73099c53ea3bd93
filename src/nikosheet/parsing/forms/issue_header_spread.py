"""Section 5's issues' header whose cells pdfminer wrote far apart, several rows' boxes between.

pdfminer may read the issues' table down its left columns first, several rows' issues and policies
between the header's cells, before the roles' column starts; the rest of the table follows in an
order of its own (the actions of several rows, then their roles' words, then rows a band of lines at
a time):

    課題                                 課題	課題解決に向けた取組方針	課題・方針に対する役割(取組)
    人材不足
    課題解決に向けた取組方⏎針     →      人材不足
    研修                                 研修
    広域で支援者が少ない                 広域で支援者が少ない
    オンラインでの相談体制⏎を整える      オンラインでの相談体制⏎を整える
    課題・方針に対する役割(取組)          研修の開催
    研修の開催                           …
    …

`issue_header_apart` puts the header together where one row's cells stand between its cells; here
several boxes do (none a role's word: the roles' column starts after the last header cell; none
ends the table), each header cell a box of its own in the template's words (the last two perhaps on
one line, a space apart).  Which row, column and
role each box is of is not in the text (an empty cell has no box), so none is guessed: the header is
put together as the table's header row, and every box after it, up to the indicators' table, is kept
as text below it, in its order, with a `missing-table` warning (the readers had taken the boxes for
the strengths' items, silently).  A table whose issues and policies all come first, a box each, is
left to `issue_heads`.
"""

from __future__ import annotations

import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, issue_heads, signals
from nikosheet.parsing.forms._shared import put_lines
from nikosheet.parsing.forms.column_runs import boxes_of, ends_table, squashed
from nikosheet.parsing.forms.header_cells_apart import pair_line
from nikosheet.parsing.forms.issue_header_apart import ISSUES
from nikosheet.parsing.forms.template_tables import Box
from nikosheet.vocabulary import INDICATORS_HEAD, ROLES

_ROLE_STARTS = tuple(role[:2] for role in ROLES.values())  # a role's word, or a wrapped one's first piece
_PAIR = 2  # the header's last two cells, which may share a line


def apply(state: FormState) -> None:
    """Keep the issues' table as text below its header where the header's cells stand far apart."""
    if not signals.issue_header_spread(state.source):
        return
    boxes = boxes_of(state.lines)
    k = next((n for n, box in enumerate(boxes) if squashed(box) == ISSUES[0][0][0].pattern), None)
    found = None if k is None else _spread(boxes, k)
    if k is None or found is None:
        return
    heads, at = found
    end = next((n for n in range(at, len(boxes)) if _ends(boxes[n])), len(boxes))
    body = [box for box in boxes[k + 1 : end] if box not in heads]
    if body and issue_heads.groups_of(body) is None:
        _keep_as_text(state, heads, body)


def _spread(boxes: list[Box], k: int) -> tuple[list[Box], int] | None:
    """The header's cells and the box after its last, when the cells (boxes of their own, the last two
    perhaps on one line a space apart) follow box k in order, no role's word and no table's end between
    them, at least two boxes between them."""
    cells = ISSUES[0][0]
    heads = [boxes[k]]
    at = k + 1
    n = 1
    while n < len(cells):
        skip = 0
        while at + skip < len(boxes) and not _is_cell(boxes[at + skip], cells[n:]):
            box = boxes[at + skip]
            if ends_table(box, issues=True) or squashed(box).startswith(_ROLE_STARTS):
                return None
            skip += 1
        if at + skip >= len(boxes):
            return None
        heads.append(boxes[at + skip])
        n += 1 if cells[n].fullmatch(squashed(boxes[at + skip])) else 2
        at += skip + 1
    return (heads, at) if at - k - len(heads) > 1 else None


def _is_cell(box: Box, cells: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the box is the next header cell, or the last two on one line a space apart."""
    return cells[0].fullmatch(squashed(box)) is not None or (len(cells) == _PAIR and pair_line(box, cells) is not None)


def _ends(box: Box) -> bool:
    """A box after the issues' table: the indicators' header, or one no table cell is."""
    return squashed(box).startswith(INDICATORS_HEAD) or ends_table(box, issues=True)


def _keep_as_text(state: FormState, heads: list[Box], body: list[Box]) -> None:
    """The header's cells as the table's header row at its first cell's line, then a blank line and the
    boxes as they stand, a blank line between two (in the lines the header and the boxes held)."""
    words = ("".join(text.strip() for _, text, _ in box) for box in heads)
    out = ["\t".join(cell for text in words for cell in text.split(" ") if cell) + "\t", ""]
    for box in body:
        out += [text.strip(" \f\u3000") for _, text, _ in box] + [""]
    if put_lines(state.lines, heads[0][0][0], body[-1][-1][0] + 1, out[:-1]):
        state.note(Diagnostic.MISSING_TABLE, body[0][0][0], str(messages.ISSUE_CELLS_AS_TEXT(count=len(body))))
