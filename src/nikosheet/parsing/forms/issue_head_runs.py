"""Section 5's issues and policies of several groups written in a run, before their roles: each group's
put back before its own first role.

pdfminer may read the issues' table's two left columns down a page (or part of one) before the roles'
words and actions beside them: the issue and the policy of each group there, a band of lines at a
time (the issue's first lines, the policy's, then each one's wrapped rest, a box each), then the
roles and the actions of all those groups:

    長期入院者の退院先となる住ま                   長期入院者の退院先となる住ま
    いが、圏域によって大きく不足                   いが、圏域によって大きく不足
    ・グループホーム事業者への説明会              ・グループホーム事業者への説明会
    を圏域ごとに開催する                          を圏域ごとに開催する
    精神科救急の夜間相談が増え、          →       行政
    身体合併症のある方の受入れ先                  医療
    一般救急と精神科救急の連携会議を              …
    設け、身体合併症の受入れ手順をつ              精神科救急の夜間相談が増え、
    の調整に時間がかかる                          身体合併症のある方の受入れ先
    くる。                                        …
    行政                                          行政
    医療                                          …
    …

The run is read a band at a time: a group's first box is its issue's, its second its policy's; then
a box may go on the issue where the issue's last line fills its column (as wide as its widest), else
on the policy where the policy's does, or start the next group; a box that is the policy's list's next
item (`・…` after a policy that opens with one) goes on the policy, a box that starts inside a word
(`ームの空きが少ない`) starts no cell, and a cell whose last line stops on a particle or a comma goes on.
Every reading is tried, and the run is taken for several groups' heads only where it opens the table's
body (after the roles' words, a run of boxes may be the group above's actions), exactly one reading
keeps the issues' and the policies' wrapped lines each at one width (a line a character short where
the next starts with a mark no line starts with) — a reading of one group counts, as one group's first
lines and rests may be read as two groups' — or, where several do, exactly one has as many groups as
the table's `行政` and no group's heads can stand after the run (no more cells from one `行政` to the next
than a group has roles), and as many groups' first roles follow it.
Each group's boxes, the issue's made one and the policy's one, then go right before its own `行政`,
where the cell-per-line readers (`label_runs`, `issue_rests`, `cell_lines_tables`) read a group
written so; or before its first action, where its actions stand before its roles' words, after the
group above's last role's word and action (`その他関` `地域包括支援センター、介護支` `援専門員の部会参加`
`空き情報の集約と提供` `－` … `行政`): there the actions between the two groups' `行政` are more cells
than the group above has roles (no more than two groups'), and that group's but the last stand before
its last role's word.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, put_boxes
from nikosheet.parsing.forms.column_runs import each_box, header_columns, squashed
from nikosheet.parsing.forms.issue_heads import label
from nikosheet.parsing.forms.issue_rests import cut
from nikosheet.parsing.forms.template_tables import BULLET, TABLES, Box
from nikosheet.vocabulary import INDICATORS_HEAD, NOTHING, ROLES

_TABLE = next(t for t in TABLES if t.header[0] == "課題")
_KINSOKU = 2  # a wrapped line may stop a character short where the next starts with a mark no line starts with
_HALF = 1  # and half a character short where a Latin letter or a digit stands in it
_NO_START = "、。，．）」』】ーっゃゅょぁぃぅぇぉッャュョァィゥェォ"
_GOES_ON = "をがのにとでは、，・"  # a cell's last line that stops on a particle or a comma goes on
_LEAST = 2  # groups a run holds at least (one group's heads before its `行政` is the usual form)
_BOXES = 2  # boxes a group's heads take at least: the issue's and the policy's
_RUN = 24  # boxes a run holds at most
_TRIES = 4096  # steps the readings of a run take at most (a run not read through within them is left)

Cells = tuple[list[Box], list[Box]]  # a group's issue's boxes and its policy's


def apply(state: FormState) -> None:
    """Put back each group's issue and policy where several groups' were written in a run."""
    if signals.issue_head_runs(state.source):
        each_box(state, _rebuild)


def _rebuild(state: FormState, boxes: list[Box], k: int) -> int | None:
    """The box after the issues' table at box k, its head run put back; None where it has none."""
    if squashed(boxes[k]) != _TABLE.header[0]:
        return None
    found = header_columns(_TABLE.header, boxes, k)
    if found is None:
        return None
    body = found[1][2]
    end = next((n for n, box in enumerate(body) if squashed(box).startswith(INDICATORS_HEAD)), len(body))
    body = body[:end]
    if not body:
        return None
    labels = [label(box) for box in body]
    run = next((n for n, word in enumerate(labels) if word is not None), len(body))
    if run == len(body) or labels[run] != ROLES["administration"] or not _LEAST * _BOXES <= run <= _RUN:
        return None
    firsts = [m for m in range(run, len(body)) if labels[m] == ROLES["administration"]]
    groups = _groups(body[:run], len(firsts) if _no_heads_after(body, labels, firsts) else 0)
    if groups is None or len(firsts) < len(groups):
        return None
    places = [_place(body, labels, above, m) for above, m in pairwise(firsts[: len(groups)])]
    order = _moved(body, groups, places)
    put_boxes(state.lines, body, order)
    return k + 1


def _no_heads_after(body: list[Box], labels: list[str | None], firsts: list[int]) -> bool:
    """Whether no group's heads can stand after the run: from each `行政` to the next (or to the table's
    end) stand no more cells than a group has roles."""
    for above, below in pairwise([*firsts, len(body)]):
        between = [box for box, word in zip(body[above:below], labels[above:below], strict=True) if word is None]
        if len(_cell_starts(between)) > len(ROLES):
            return False
    return True


def _place(body: list[Box], labels: list[str | None], above: int, first: int) -> Box:
    """The box a group's heads go before: its `行政` (at `first`), or its first action where its actions
    stand before its roles' words, after the group above's (from its `行政` at `above`): the group
    above's last role's action after that role's word, and more cells than the group above has roles,
    but no more than two groups', between the two `行政`."""
    words = labels[above + 1 : first]
    last = next((n for n in range(len(words) - 1, -1, -1) if words[n] == ROLES["others"]), None)
    if last is None:
        return body[first]
    between = [box for box, word in zip(body[above + 1 : first], words, strict=True) if word is None]
    before = sum(word is None for word in words[:last])
    starts = _cell_starts(between)
    roles = len(ROLES)
    if len(_cell_starts(between[:before])) < roles < len(starts) <= 2 * roles:
        return starts[roles]
    return body[first]


def _cell_starts(boxes: list[Box]) -> list[Box]:
    """The boxes that start a cell: each but one that goes on the box before it (a wrapped rest: the box
    before ends on a particle or as wide as the cells' wrapped lines, or it starts inside a word; a
    cell that says none, `－`, is a cell)."""
    width = _width(boxes)
    starts: list[Box] = []
    for before, box in zip([None, *boxes][: len(boxes)], boxes, strict=True):
        last = before[-1][1] if before is not None else ""
        full = width is not None and display_width(last) >= width - _KINSOKU
        if before is None or squashed(box) in NOTHING or not (full or last[-1] in _GOES_ON or cut(box[0][1])):
            starts.append(box)
    return starts


def _moved(order: list[Box], groups: list[Cells], places: list[Box]) -> list[Box]:
    """The boxes with each group's heads, the issue's boxes made one and the policy's one, right before
    its place (the first group's where its boxes stood)."""
    taken = {id(box) for group in groups for cell in group for box in cell}
    heads = {id(first): group for first, group in zip([groups[0][0][0], *places], groups, strict=True)}
    out: list[Box] = []
    for box in order:
        group = heads.get(id(box))
        if group is not None:
            out += [[piece for part in cell for piece in part] for cell in group]
        if id(box) not in taken:
            out.append(box)
    return out


def _groups(run: list[Box], groups: int) -> list[Cells] | None:
    """The run's boxes as several groups' heads (each group's issue's boxes and policy's): its one
    reading, or where it is read in several ways, the one reading of `groups` groups (the table's, where
    no heads can stand after the run; else 0); None where it is read so in no way or in two, or as one
    group's."""
    budget = [_TRIES]
    kept = [read for read in _readings(run, 0, [], budget) if _kept(read)]
    if len(kept) > 1:
        kept = [read for read in kept if len(read) == groups]
    return kept[0] if len(kept) == 1 and len(kept[0]) >= _LEAST and budget[0] >= 0 else None


def _readings(run: list[Box], n: int, read: list[Cells], budget: list[int]) -> Iterator[list[Cells]]:
    """Every reading of the run's boxes from box n on, after the groups `read`: a group's first box is
    its issue's, its second its policy's; a box after them goes on the issue where the issue's last
    line fills it (or starts the next group), else on the policy where the policy's does or where it
    is the policy's list's next item (no box starts a cell with a list's next item)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    if n == len(run):
        if not any(map(_unfinished, read[-1])):
            yield read
        return
    box = run[n]
    if not read:
        if not cut(box[0][1]):
            yield from _readings(run, n + 1, [([box], [])], budget)
        return
    issue, policy = read[-1]
    if not policy:
        if not cut(box[0][1]):
            yield from _readings(run, n + 1, [*read[:-1], (issue, [box])], budget)
        return
    if _item(box) and _item(policy[0]):
        yield from _readings(run, n + 1, [*read[:-1], (issue, [*policy, box])], budget)
        return
    if _open(issue):
        yield from _readings(run, n + 1, [*read[:-1], ([*issue, box], policy)], budget)
    elif _open(policy):
        yield from _readings(run, n + 1, [*read[:-1], (issue, [*policy, box])], budget)
    if not _item(box) and not cut(box[0][1]) and not _unfinished(issue) and not _unfinished(policy):
        yield from _readings(run, n + 1, [*read, ([box], [])], budget)


def _kept(read: list[Cells]) -> bool:
    """Whether a reading is of groups' heads: each group has its policy, and the issues' and the policies'
    wrapped lines each keep one width (a reading of one group counts: the run is then read in two
    ways, one group's first lines and rests being taken for two groups' in the other)."""
    if any(not policy for _, policy in read):
        return False
    return all(_width([box for cells in read for box in cells[c]]) is not None for c in range(2))


def _open(cell: list[Box]) -> bool:
    """Whether the cell's last box ends on a line as wide as the cell's widest: it goes on."""
    lines = [text for box in cell for _, text, _ in box]
    widest = max(map(display_width, lines))
    return len(lines) > 1 and display_width(lines[-1]) >= widest - _KINSOKU


def _unfinished(cell: list[Box]) -> bool:
    """Whether the cell's last line stops inside a sentence (on a particle or a comma): it goes on."""
    return bool(cell) and cell[-1][-1][1][-1] in _GOES_ON


def _item(box: Box) -> bool:
    """A box that opens with a list's bullet or number."""
    return box[0][1][0] in BULLET


def _width(boxes: list[Box]) -> int | None:
    """The width the column's wrapped lines (each but a box's last and a list item's last) keep, or None
    where none wrapped or one stops short of it (but a character where the next line starts with a mark
    no line starts with, or goes on so after its first character: `く、`) or goes past it (but where a
    Latin letter or a digit, half as wide, stands in it)."""
    wrapped = [
        (text, after) for box in boxes for (_, text, _), (_, after, _) in pairwise(box) if after[0] not in BULLET
    ]
    if not wrapped:
        return None
    widths = [display_width(text) for text, _ in wrapped]
    width = max(set(widths), key=widths.count)
    for (text, after), w in zip(wrapped, widths, strict=True):
        short = _KINSOKU if any(c in _NO_START for c in after[:_KINSOKU]) else _HALF
        if not width - short <= w <= width + (0 if text.isascii() or not any(c.isascii() for c in text) else _HALF):
            return None
    return width
