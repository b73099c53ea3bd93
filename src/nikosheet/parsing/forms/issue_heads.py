"""Section 5's issues and policies written first, a box each in turn, then the roles and their actions.

pdfminer may read the issues' table's two left columns down the whole table first: every group's
issue and its policy, a box each, in turn; then the roles' words and their actions, in an order of its
own (a run of labels of several groups, then actions of several groups, or every action before every
label; an empty role has no box):

    退院後の住まいの確保が難            課題	課題解決に向けた取組方針	課題・方針に対する役割(取組)
    しい                                退院後の住まいの確保が難しい	居住支援法人, 不動産事業者との連携	行政
    居住支援法人, 不動産事業            		医療
    者との連携                          		福祉
    精神障害への理解が十分で            		その他関係機関・住民等
    ない                          →     精神障害への理解が十分でない	当事者の体験発表を取り入れた普及啓発	行政
    当事者の体験発表を取り              …
    入れた普及啓発
    行政                                住まいの作業部会の運営
    医療                                グループホーム体験利用の受け入れ
    …                                   …
    住まいの作業部会の運営
    グループホーム体験利用の受け入れ
    …

Read so where the first boxes, before the first `行政`, are two a group (as many groups as `行政`, `医療`,
`福祉` and `その他…` each stand in the table; the boxes after them up to `行政`, if any, actions) and
each is a whole cell: its last line short of the
lines its column wrapped at (a box ending on a full line may go on in the next: the cells written a
band of lines at a time, `issue_rests`), each column having wrapped somewhere.  The issues and their
policies make the table's rows, with the roles' words; which role each action is of is not in the
text (an empty role has no box, and the actions of several groups come together), so the actions are
kept as text below the table, with a `missing-table` warning.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, put_lines
from nikosheet.parsing.forms.column_runs import each_box, ends_table, header_columns, squashed
from nikosheet.parsing.forms.template_tables import TABLES, Box, join_cell
from nikosheet.vocabulary import INDICATORS_HEAD, ROLES

_TABLE = next(t for t in TABLES if t.header[0] == "課題")
_LABEL_START = 3  # characters of a wrapped label's first box that tell it
_KINSOKU = 2  # a wrapped line may stop a character short (a mark the next line could not start with)
_PAIR = 2  # boxes a group has before the roles: the issue and the policy


def apply(state: FormState) -> None:
    """Rebuild the issues' table where its issues and policies came first."""
    if signals.issue_heads(state.source):
        each_box(state, _rebuild)


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the issues' table at box k, rebuilt; None where it is not so written."""
    if squashed(boxes[k]) != _TABLE.header[0]:
        return None
    found = header_columns(_TABLE.header, boxes, k)
    if found is None or found[1][0] or found[1][1]:
        return None
    heads, columns, _ = found
    body = columns[2]
    end = next((n for n, box in enumerate(body) if squashed(box).startswith(INDICATORS_HEAD)), len(body))
    body = body[:end]
    groups = groups_of(body)
    if groups is None:
        return None
    lead = body[: _PAIR * groups]
    actions = [box for box in body[len(lead) :] if label(box) is None]
    rows = ["\t".join(squashed(box) for box in heads)]
    for g in range(groups):
        issue, policy = (join_cell(box) for box in lead[_PAIR * g : _PAIR * (g + 1)])
        rows.append(f"{issue}\t{policy}\t{ROLES['administration']}")
        rows += [f"\t\t{role}" for role in list(ROLES.values())[1:]]
    out = [*rows, "", *(join_cell(box) for box in actions)]
    first, last = heads[0][0][0], body[-1][-1][0] + 1
    if not put_lines(state.lines, first, last, out):
        return None
    if actions:
        state.note(
            Diagnostic.MISSING_TABLE,
            actions[0][0][0],
            str(messages.ISSUE_ACTIONS_AS_TEXT(count=len(actions), issues=groups)),
        )
    return k + 1


def groups_of(body: list[Box]) -> int | None:
    """How many groups the table has, where each group's issue and policy stand before the first role
    as whole cells; None where they do not."""
    labels = [label(box) for box in body]
    first = next((n for n, label in enumerate(labels) if label == ROLES["administration"]), None)
    if first is None or any(label is not None for label in labels[:first]):
        return None
    counts = [sum(label == role for label in labels) for role in ROLES.values()]
    groups = counts[0]
    # the actions may stand before the roles' words too, after the issues and policies (never more
    # than the roles)
    if groups < _PAIR or counts != [groups] * len(counts) or not 0 <= first - _PAIR * groups <= groups * len(counts):
        return None
    lead = body[: _PAIR * groups]
    if not all(_whole(lead[c::_PAIR]) for c in range(_PAIR)):
        return None
    return groups


def _whole(cells: list[Box]) -> bool:
    """Whether each box is a whole cell of its column: its last line short of the lines the column
    wrapped at (a column that never wrapped tells no width)."""
    wrapped = [display_width(text) for box in cells for _, text, _ in box[:-1]]
    if not wrapped:
        return False
    width = min(wrapped)
    return all(display_width(box[-1][1]) < width - _KINSOKU for box in cells)


def label(box: Box) -> str | None:
    """The role a box is the word of (its first part where the word wrapped into boxes of its own:
    `その他関係機` `関・住民等`, the rest `""`), or None."""
    words = squashed(box)
    for role in ROLES.values():
        if words == role or (len(words) >= _LABEL_START and role.startswith(words)):
            return role
    if any(role.endswith(words) for role in ROLES.values()) and not ends_table(box, issues=True):
        return ""
    return None
