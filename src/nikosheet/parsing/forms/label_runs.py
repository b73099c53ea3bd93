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
box for box); else it is left as it was.  The run's last label may be wrapped over two boxes (`その他関`
`係機関・` then `住民等`): its values after it are put back only a box a role, where no box but the last is
one line as wide as the widest (such a box may go on in the next, a role left empty) and the boxes before the run
are too few to be its values besides the issue's and the policy's (those after it may be the next issue's).

An issue's whole run of roles may also come after their actions (the issue, its policy, each role's
action a box, then `行政` `医療` `福祉` `その他関係` `機関・住民` `等`, and the next issue): the last
boxes before the run, one a role, go after their labels, where no one of them but the last wrapped
into the next (its last line as wide as the widest) and there are boxes before them (the issue's).
So may the run of the roles but the first (`医療` `福祉` `その他関係…`), where `行政` stood with the
group's first lines (see `issue_rests`): the last three boxes after `行政` go after their labels, when
the first of them starts no word's rest and the table ends after the run or the next group's issue and
policy come before its `行政` (else the last role's action may come after the run).

Where the issues' header's last two cells stand on one line, a space apart (`課題解決に向けた取組方針
課題・方針に対する役割(取組)`), the roles' region starts there too, but a run is put back only where
as many boxes as labels follow it, a box a role (which box of a wrapped cell goes on in which is not
told there), and never from boxes before the run.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, put_boxes
from nikosheet.parsing.forms.column_runs import boxes_of, ends_table, squashed
from nikosheet.parsing.forms.issue_rests import cut
from nikosheet.parsing.forms.template_tables import Box
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import NOTHING

# the tables whose rows are labelled so: the header cell that starts the region, the labels, the
# cells a label has
_GROUPS = (
    ("課題・方針に対する役割", ("行政", "医療", "福祉", "その他関係機関・住民等"), 1),
    ("各部門の連携状況", ("保健", "医療", "福祉", "その他関係機関・住民等"), 2),
)
_BRACKETS = re.compile("[【】]")
_QUALIFIED = compile_lazily("[【】]|分野$|^障害(?=福祉$)")
_HEADER_CELLS = ("強み・課題等",)
_WORD_START = 3  # characters of a label that tell its start
_TWO_SENTENCES = compile_lazily(r"\A[^。\s]++。 [^。\s]++。\Z")  # two cells' sentences on one line, a space between
_LABEL_BOXES = 3  # boxes a wrapped label takes at most
_GROUP_HEAD = 2  # boxes of a group's issue and policy before its first role
_FULL = 2  # a box whose last line is this close to its column's width goes on in the next box


def apply(state: FormState) -> None:
    """Put back every run of labels in the tables whose rows are labelled."""
    if not signals.label_runs(state.source):
        return
    boxes = boxes_of(state.lines)
    k = 0
    while k < len(boxes):
        group = next((g for g in _GROUPS if _opens(boxes[k], g[0])), None)
        strict = group is not None and not squashed(boxes[k]).startswith(group[0])
        k += 1
        if group is None:
            continue
        _, labels, cells = group
        since = k  # the first box after the last run looked at: a run's values may stand before it
        while k < len(boxes) and not _ends(boxes[k], labels):
            at = k
            k = _run(state, boxes, k, labels, cells, -1 if strict else since)
            if k > at + 1 or _label_start(boxes[at], labels):
                since = k


def _opens(box: Box, header: str) -> bool:
    """Whether the box opens a group's region: it starts with the header cell, or ends with it after
    the header's other cells on its line (`課題解決に向けた取組方針 課題・方針に対する役割(取組)`)."""
    words = squashed(box)
    return words.startswith(header) or (header in words and " " in box[-1][1] and header in box[-1][1])


def _ends(box: Box, labels: tuple[str, ...]) -> bool:
    """A box that ends the group's region: one that ends a table (but a label in 【】) or starts another
    group's region (the sectors' header cell, after the roles' region ran on)."""
    if any(squashed(box).startswith(group[0]) for group in _GROUPS):
        return True
    return ends_table(box, _issues(labels)) and not _label_start(box, labels)


def _issues(labels: tuple[str, ...]) -> bool:
    """Whether the labels are the issues' roles (the issues' table goes on past an issue's own 【label】)."""
    return labels == _GROUPS[0][1]


def _label(box: Box, labels: tuple[str, ...]) -> bool:
    """A label, perhaps qualified as the template's readers take it (`医療分野`, `障害福祉`, `【保健】`)."""
    return _QUALIFIED.sub("", squashed(box)) in labels


def _label_start(box: Box, labels: tuple[str, ...]) -> bool:
    """A label, or its first part with its rest wrapped into a box of its own (`その他関係機`)."""
    words = _BRACKETS.sub("", squashed(box))
    return words in labels or (len(words) >= _WORD_START and any(label.startswith(words) for label in labels))


def _run(state: FormState, boxes: list[Box], k: int, labels: tuple[str, ...], cells: int, since: int) -> int:
    """The run of labels at box k put back when its values fit (`since`: the first box its values may
    stand at, before it); the box after what was looked at."""
    start = k
    if cells == 1 and 0 <= since < start and (across := _across_groups(state, boxes[since:start], boxes, k, labels)):
        return across
    while k < len(boxes) and _label(boxes[k], labels):
        k += 1
    run = boxes[start:k]
    wrapped = False  # the run's last label wrapped into boxes of its own, its values after the run
    if since >= 0 and cells == 1 and len(run) == len(labels) - 1 and (whole := _wrapped_label(boxes, k, labels[-1])):
        run = [*run, [piece for box in boxes[k : k + whole] for piece in box]]
        if _values_before(state, boxes[since:start], run, labels) or start - since >= len(run) + _GROUP_HEAD:
            return k + whole  # (boxes enough before the run for its values besides the issue and the policy)
        k += whole
        wrapped = True
    if len(run) < 2:
        return max(k, start + 1)
    end = k
    while end < len(boxes) and not _label_start(boxes[end], labels) and not ends_table(boxes[end], _issues(labels)):
        if _label_start([(0, boxes[end][0][1].split(" ", 1)[0], False)], labels):
            break  # the next label with its first value on its line (`その他関係機関・住民等 家族会が…`)
        end += 1
    header = [box for box in boxes[k:end] if squashed(box) in _HEADER_CELLS]  # the header's last cell, apart
    kept = [box for box in boxes[k:end] if box not in header]
    values = (
        (kept if len(kept) == len(run) * cells else None) if since < 0 else _cells(kept, len(run) * cells, cells == 1)
    )
    after: list[Box] = []
    if values is None and since >= 0 and cells == 1 and _next_group(boxes, end, labels, len(kept) - len(run)):
        values, after = _cells(kept[:-_GROUP_HEAD], len(run), True), kept[-_GROUP_HEAD:]
    if values is not None and wrapped and _full_before_last(values):
        values = None  # a full box may go on in the next, an empty role's place: which, the text does not tell
    if values is not None:
        order = [box for n, label in enumerate(run) for box in [label, *values[n * cells : (n + 1) * cells]]]
        _put_back(state, boxes[start:end], header + order + after)
    elif (
        cells == 1
        and [squashed(box) for box in run] == list(labels[1:])
        and 0 <= since < start
        and _group_ends(boxes, k, labels)
    ):
        _values_before(state, boxes[since:start], run, labels)  # the first role stood with the first lines
    return end


def _across_groups(state: FormState, before: list[Box], boxes: list[Box], k: int, labels: tuple[str, ...]) -> int:
    """A run of roles' labels from a group's later roles into the next group's (`医療` `福祉`
    `その他関係…` `行政` `医療` …) written after their actions (pdfminer: the next group's issue and
    policy, then every action of the two groups a box each, then the labels): the last boxes before the
    run, one a label, go after their labels, and the two boxes before them (a rest that starts inside a
    word, `の集約…`, between stays with the cell above) before the next group's `行政`, where each
    action is one box that starts a cell (see `_values_before`; `－` alone is a whole cell) and the run
    ends at a label, the table's end or the group after's issue and policy.  The box after the run, or
    0 where it is not so."""
    run: list[Box] = []
    names: list[str] = []
    while k < len(boxes):
        whole = 1 if _label(boxes[k], labels) else _wrapped_label(boxes, k, labels[-1])
        if not whole:
            break
        run.append([piece for box in boxes[k : k + whole] for piece in box])
        names.append(_QUALIFIED.sub("", squashed(run[-1])))
        k += whole
    if names[:1] == [labels[0]] or names.count(labels[0]) != 1 or any(n not in labels for n in names):
        return 0
    turn = labels.index(names[0])
    if names != [labels[(turn + n) % len(labels)] for n in range(len(names))]:
        return 0
    if not (k >= len(boxes) or _label_start(boxes[k], labels) or _group_ends(boxes, k, labels)):
        return 0
    values, lead = before[-len(run) :], before[: -len(run)]
    rests = 0
    while rests < len(lead) and cut(lead[len(lead) - 1 - rests][0][1]):
        rests += 1
    head = lead[len(lead) - rests - _GROUP_HEAD : len(lead) - rests]
    if len(lead) - rests < _GROUP_HEAD + 1 or any(cut(box[0][1]) or _label_start(box, labels) for box in head):
        return 0
    if any(_label_start(box, labels) or (cut(box[0][1]) and squashed(box) not in NOTHING) for box in values):
        return 0
    width = max(display_width(text) for box in values for _, text, _ in box)
    if any(len(box) > 1 and display_width(box[-1][1]) >= width - _FULL for box in values[:-1]):
        return 0
    kept = [box for box in lead if all(box is not h for h in head)]
    order = [*kept]
    for name, label, value in zip(names, run, values, strict=True):
        order += [*(head if name == labels[0] else []), label, value]
    _put_back(state, [before[0], boxes[k - 1]], order)
    return k


def _next_group(boxes: list[Box], end: int, labels: tuple[str, ...], surplus: int) -> bool:
    """Whether the last two boxes before box `end` are the next group's issue and policy, not the
    run's values: the next group's first role (`行政`) follows them, and the values are two boxes more
    than the labels (pdfminer writes the next issue's and policy's first lines before its `行政`)."""
    return surplus == _GROUP_HEAD and end < len(boxes) and squashed(boxes[end]) == labels[0]


def _group_ends(boxes: list[Box], k: int, labels: tuple[str, ...]) -> bool:
    """Whether the group ends at box k: the table ends, or the next group's issue and policy stand
    before its first role (or the policy's last line has the role beside it, a space apart:
    `アドバイザーを派遣する 行政`)."""
    if k >= len(boxes) or ends_table(boxes[k], _issues(labels)):
        return True
    if k + 1 < len(boxes) and boxes[k + 1][-1][1].endswith(" " + labels[0]):
        return True
    return k + 2 < len(boxes) and squashed(boxes[k + 2]) == labels[0]


def _wrapped_label(boxes: list[Box], k: int, label: str) -> int:
    """How many boxes from box k make the label, wrapped over boxes of its own (`その他関係` `機関・住民`
    `等`): 0 where they do not."""
    words = ""
    for n, box in enumerate(boxes[k : k + _LABEL_BOXES], 1):
        words += squashed(box)
        if words == label:
            return n
        if not label.startswith(words):
            return 0
    return 0


def _values_before(state: FormState, before: list[Box], run: list[Box], labels: tuple[str, ...]) -> bool:
    """A whole run of an issue's roles written after their actions (pdfminer: the issue, its policy,
    then each role's action a box, then the labels): the last boxes before the run, one a role, put
    back after their labels, where the next box is no action (it starts the next issue or ends the
    table) and each action is one box (no box before it wraps into it: a box as wide as the widest
    goes on).  Whether they were."""
    values = before[-len(run) :]
    if len(before) <= len(run) or any(_label_start(box, labels) for box in before) or cut(values[0][0][1]):
        return False
    width = max(display_width(text) for box in values for _, text, _ in box)
    if any(len(box) > 1 and display_width(box[-1][1]) >= width - _FULL for box in values[:-1]):
        return False
    lead = before[: -len(run)]
    order = [*lead, *(box for label, value in zip(run, values, strict=True) for box in (label, value))]
    _put_back(state, [*before, *run], order)
    return True


def _full_before_last(values: list[Box]) -> bool:
    """Whether a box but the last is one line as wide as the widest (`相談支援専門員と介護` beside
    `移行手順書の作成、区`): a cell's first line pdfminer set apart from its rest, which may be the box after
    it, a role left empty.  (A box of lines is a cell, or a list's items, whole: `・合同研修会の開催` /
    `・居住支援協議会との協議`.)"""
    width = max(display_width(text) for box in values for _, text, _ in box)
    return any(len(box) == 1 and display_width(box[0][1]) >= width - _FULL for box in values[:-1])


def _cells(boxes: list[Box], count: int, by_width: bool) -> list[Box] | None:
    """`count` cells from the boxes: one a box, or (`by_width`: one column) a box as wide as the
    column joined to the next; None when they do not make so many."""
    if len(boxes) == count:
        return boxes
    if not by_width:
        return _sentence_pairs(boxes, count)
    if len(boxes) < count:
        return None
    return _joined(boxes, count, _FULL) or _joined(boxes, count, 0)


def _joined(boxes: list[Box], count: int, slack: int) -> list[Box] | None:
    """The boxes with each whose last line is as wide as the widest (`slack` columns short at most)
    joined to the next: `count` cells, or None.  First read with a slack (a narrow digit, a mark the
    line could not start with), then with none: one of two boxes a column short is a whole cell
    (`協議の場への精神科医の参加`, beside `相談支援事業所による課題の報` `告`)."""
    width = max(display_width(text) for box in boxes for _, text, _ in box)
    out: list[Box] = []
    goes_on = False
    for box in boxes:
        if goes_on:
            out[-1] = out[-1] + [(i, text, False) for i, text, _ in box]
        else:
            out.append(list(box))
        goes_on = display_width(box[-1][1]) >= width - slack
    return out if len(out) == count and not goes_on else None


def _sentence_pairs(boxes: list[Box], count: int) -> list[Box] | None:
    """`count` cells from the boxes where the converter joined a sector's two one-sentence cells on one
    line with a space (`…行っている。 診療所との連携が少ない。`): each such line two cells, when that
    makes the count; None otherwise."""
    pairs = [k for k, box in enumerate(boxes) if len(box) == 1 and _TWO_SENTENCES.fullmatch(box[0][1])]
    if len(boxes) + len(pairs) != count or not pairs:
        return None
    out: list[Box] = []
    for k, box in enumerate(boxes):
        if k in pairs:
            (i, text, blank), *_ = box
            first, second = text.split("。 ", 1)
            out += [[(i, first + "。", blank)], [(i, second, False)]]
        else:
            out.append(box)
    return out


def _put_back(state: FormState, region: list[Box], order: list[Box]) -> None:
    """The boxes' lines in the new order, in the lines the region's boxes held (a blank line between
    two boxes, as before; the lines left over blank); left as it was where they do not fit."""
    put_boxes(state.lines, region, order)
