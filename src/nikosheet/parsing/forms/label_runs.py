"""A row group's labels written in a run, then their values: put back label by label.

pdfminer reads the roles of an issue (行政, 医療, 福祉) or the sectors of section 6 (保健, 医療,
福祉) down their narrow column first, then the values beside them, each a box of its own (a value
that wrapped sometimes in two boxes, the first as wide as its column):

    行政                                  行政
    医療                                  委託事業所と協働で事業を実施
    福祉                                  医療
    委託事業所と協働で事業を実施     →    医療分野の課題抽出, 情報共有
    医療分野の課題抽出, 情報共            福祉
    有                                    福祉分野の課題抽出, 情報共有
    福祉分野の課題抽出, 情報共有

The lines are put back in the order the cell-per-line reader (`cell_lines_tables`) knows: each label
followed by its values.  A run is put back only when the boxes after it, up to the next label, make
exactly one cell a label (a role) or exactly two (a sector's status and its strengths and issues,
box for box); else it is left as it was.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.column_runs import Box, boxes_of, ends_table, squashed

# the tables whose rows are labelled so: the header cell that starts the region, the labels, the
# cells a label has
_GROUPS = (
    ("課題・方針に対する役割", ("行政", "医療", "福祉", "その他関係機関・住民等"), 1),
    ("各部門の連携状況", ("保健", "医療", "福祉", "その他関係機関・住民等"), 2),
)
_BRACKETS = re.compile("[【】]")
_WORD_START = 3  # characters of a label that tell its start
_FULL = 2  # a box whose last line is this close to its column's width goes on in the next box


def apply(state: FormState) -> None:
    """Put back every run of labels in the tables whose rows are labelled."""
    if not signals.label_runs(state.source):
        return
    boxes = boxes_of(state.lines)
    k = 0
    while k < len(boxes):
        group = next((g for g in _GROUPS if squashed(boxes[k]).startswith(g[0])), None)
        k += 1
        if group is None:
            continue
        _, labels, cells = group
        while k < len(boxes) and not ends_table(boxes[k]):
            k = _run(state, boxes, k, labels, cells)


def _label(box: Box, labels: tuple[str, ...]) -> bool:
    return _BRACKETS.sub("", squashed(box)) in labels


def _label_start(box: Box, labels: tuple[str, ...]) -> bool:
    """A label, or its first part with its rest wrapped into a box of its own (`その他関係機`)."""
    words = _BRACKETS.sub("", squashed(box))
    return words in labels or (len(words) >= _WORD_START and any(label.startswith(words) for label in labels))


def _run(state: FormState, boxes: list[Box], k: int, labels: tuple[str, ...], cells: int) -> int:
    """The run of labels at box k put back when its values fit; the box after what was looked at."""
    start = k
    while k < len(boxes) and _label(boxes[k], labels):
        k += 1
    run = boxes[start:k]
    if len(run) < 2:
        return max(k, start + 1)
    end = k
    while end < len(boxes) and not _label_start(boxes[end], labels) and not ends_table(boxes[end]):
        end += 1
    values = _cells(boxes[k:end], len(run) * cells, cells == 1)
    if values is not None:
        order = [box for n, label in enumerate(run) for box in [label, *values[n * cells : (n + 1) * cells]]]
        _put_back(state, boxes[start:end], order)
    return end


def _cells(boxes: list[Box], count: int, by_width: bool) -> list[Box] | None:
    """`count` cells from the boxes: one a box, or (`by_width`: one column) a box as wide as the
    column joined to the next; None when they do not make so many."""
    if len(boxes) == count:
        return boxes
    if not by_width or len(boxes) < count:
        return None
    width = max(display_width(text) for box in boxes for _, text, _ in box)
    out: list[Box] = []
    goes_on = False
    for box in boxes:
        if goes_on:
            out[-1] = out[-1] + [(i, text, False) for i, text, _ in box]
        else:
            out.append(list(box))
        goes_on = display_width(box[-1][1]) >= width - _FULL
    return out if len(out) == count and not goes_on else None


def _put_back(state: FormState, region: list[Box], order: list[Box]) -> None:
    """The boxes' lines in the new order, in the lines the region's boxes held (a blank line between
    two boxes, as before; the lines left over blank)."""
    lines = state.lines
    slots = list(range(region[0][0][0], region[-1][-1][0] + 1))
    for i in slots:
        lines[i] = None
    at = 0
    for box in order:
        for _, text, _ in box:
            lines[slots[at]] = text
            at += 1
        if at < len(slots):
            lines[slots[at]] = ""
            at += 1
