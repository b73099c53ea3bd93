"""Section 6's sectors table in a Chromium PDF's plain text (pdftotext, pdfminer): the cells' boxes.

pdftotext and pdfminer write the 各部門の連携状況 table a box at a time: a box holds a cell's lines
(or one line of two cells side by side, a space between), the two cells of a row are written in
turn as their lines stand on the page (the cells start at the row's top), and the sectors' labels
are written in a run before the values or after their row's first box:

    各部門の連携状況
    強み・課題等
    保健
    医療
    地区担当保健師が精神科病院と連携し、退院前から

    保健師の異動により関係が途切れること

    支援に関わっている。

    がある。
    …
    福祉
    相談支援事業所が地域移行支援と地域定着支援を担

becomes

    各部門の連携状況		強み・課題等
    保健	地区担当保健師が…退院前から支援に関わっている。	保健師の異動により…ことがある。
    …

The template's four sectors are its rows, in its order.  The boxes are shared among them by the way
that reads best: each cell ends on a sentence's end and nowhere before it (but before a list's item),
starts on no hiragana, its lines but the last as wide as one another (a list's item may end short);
a row's first box is the status's and its boxes take turns between the two cells; an empty cell, a
list of one item and a sentence followed by list items cost a little, so that a row is not cut in
two.  A row whose two cells' wrapped lines are each as wide as the other column's in the other rows
is set back (its strengths' box came first).  A page's number among the boxes is layout; the text
after the table (a figure's labels) is left where it is.  Rebuilt only when the four labels are
found, exactly one reading is the best (in the rows and in each row), and each row whose label
stands right before a box of its own starts there (or at the box before, where that box has lines
above the label's); else the table is left to `cell_lines_tables`.

pdfminer cuts a cell's lines into boxes where the page's line pitch grows by a pixel, and orders the
boxes by a tree of their distances, not by rows: a status's second list item may come after the
strengths beside it, a strengths' rest after the next row's status (`…一体で動いてお` … `り、体制が…`).
So a box that starts on a hiragana after one that ends a sentence goes back onto the one earlier box
that stops inside a sentence at its width, and where the wrapped lines tell the two columns' widths
clearly apart, a box goes only to the column whose width its wrapped lines have (either column tried
as the wider, the better reading kept).
"""

from __future__ import annotations

import bisect
import itertools
import math

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import PAGE_NUMBER, display_width
from nikosheet.parsing.forms.cell_lines_docx import paragraphs_unwrapped
from nikosheet.parsing.forms.sector_rows import (
    _ENDS,
    _FULL,
    _JOINED,
    _LABEL_REST,
    _LAST_HEADER,
    _TITLE,
    _joined,
    _rest_lines,
    _wrapped_rest,
    sectors_region,
)
from nikosheet.parsing.forms.template_tables import Piece, write_table
from nikosheet.vocabulary import SECTORS

_LABELS = tuple(SECTORS.values())
_EMPTY = 0.5  # what an empty cell costs: a row's two cells are not two rows' one each
_ONE_ITEM = 0.3  # a cell that is a list of one item: rather one of a list's items (a list is two or more)
_TURNS = 0.1  # the boxes' columns take turns, as a row's lines stand on the page
_FIRST = 0.25  # the row's first box is the status's (the cells start at the row's top, the left one first)
_MIXED = 0.25  # a cell whose list's items follow a sentence of its own: less likely than a list or a sentence
_TIES = 8  # readings as good as one another kept at most (more: the rows cannot be told anyway)
_ROW_BOXES = 7  # boxes a row may hold at most (the ways of sharing them double with each)
_LABEL_APART = 8  # lines of a row's first box between a wrapped label's last piece and the one before

Box = list[tuple[int, str, bool]]  # a box's pieces: source index, text, whether the next piece is on its line
Sharing = tuple[float, list[int], bool]  # a row's best reading: its score, each line's column, whether tied


def apply(state: FormState) -> None:
    """Rebuild the sectors table written a box at a time."""
    if not signals.sector_bands(state.source) or paragraphs_unwrapped(state.source.split("\n")):
        return  # (a Word document's text: its cells' lines are whole paragraphs, not a page's wraps)
    region = sectors_region(state.lines)
    if region:
        _rebuild(state, region)


def _rebuild(state: FormState, region: list[Piece]) -> None:
    header = next((k for k in range(1, len(region)) if region[k][1] == _LAST_HEADER), None)
    if header is None:
        return
    pieces = _labels(region)
    if pieces is None:
        return
    labels = {k for taken in pieces.values() for k in taken}
    values = [t for k, t in enumerate(region) if k and k != header and k not in labels and not PAGE_NUMBER.match(t[1])]
    boxes = _rests_back(_boxes(values))
    heads = _label_heads(region, pieces, boxes)
    found = _rows(boxes, heads)
    widths = _column_widths(boxes)
    if widths is not None:  # the columns' widths tell a box's column: the reading of either way round that fits best
        both = [_rows(boxes, heads, (a, b)) for a, b in (widths, widths[::-1])]
        if both[0][0] != both[1][0] and max(both[0][0], both[1][0]) > -math.inf:
            found = max(both, key=lambda way: way[0])
    read = found[1]
    if read is None:
        return
    rows = [row for row, _ in read]
    used = sum(len(row) for row in rows)
    taken = [t for box in boxes[:used] for t in box]
    last = max([region[k][0] for k in labels] + [t[0] for t in taken])
    if any(t[0] <= last for box in boxes[used:] for t in box):
        return  # the text after the table is woven with it
    cells = _by_widths([_cells(row, columns) for row, columns in read])
    placed: list[tuple[int, str]] = []
    free = region[header][0]
    for label, row, (status, strengths) in zip(_LABELS, rows, cells, strict=True):
        free = max([free + 1] + [t[0] for t in row[0]] if row else [free + 1])
        placed.append((free, f"{label}\t{status}\t{strengths}"))
    if free > last:
        return
    write_table(state.lines, [region[0], region[header]], f"{_TITLE}\t\t{_LAST_HEADER}", placed, last)


def _label_heads(region: list[Piece], labels: dict[str, list[int]], boxes: list[Box]) -> list[int]:
    """For each label, the box right after it (len(boxes) for none): its row's first box where the
    converter wrote the label beside its row's first line."""
    firsts = [box[0][0] for box in boxes]
    return [bisect.bisect(firsts, region[labels[label][0]][0]) for label in _LABELS]


def _labels(region: list[Piece]) -> dict[str, list[int]] | None:
    """Each sector's label's tokens (a wrapped one's pieces), or None where one is missing."""
    texts = [text for _, text, _ in region]
    found: dict[str, list[int]] = {}
    for label in _LABELS:
        at = next((k for k, text in enumerate(texts) if text == label), None)
        taken = [at] if at is not None else _wrapped_label(texts, label)
        if not taken:
            return None
        found[label] = taken
    return found


def _wrapped_label(texts: list[str], label: str) -> list[int]:
    """A label wrapped in pieces (`その他関` `係機関・` `住民等`), the first a box's or with another box
    before the rest (`その他関係機関・` … `住民等`), or its last piece a box of its own after its row's
    first box (`その他関係` `機関・住民` `家族会…参` `画している。` `等`: pdfminer)."""
    for k, text in enumerate(texts):
        if len(text) >= 3 and label.startswith(text) and text != label:
            for m in range(k + 1, min(k + 1 + _LABEL_REST, len(texts))):
                rest = _rest_lines(texts, m, label[len(text) :])
                if rest:
                    return [k, *rest]
            rest = _rest_apart(texts, k + 1, label[len(text) :])
            if rest:
                return [k, *rest]
    return []


def _rest_apart(texts: list[str], m: int, tail: str) -> list[int]:
    """The lines from `m` on that are a label's wrapped rest, its first right at `m`, its last piece
    after up to `_LABEL_APART` lines of other text ([] for none)."""
    written = ""
    taken: list[int] = []
    for k in range(m, min(len(texts), m + 1 + _LABEL_APART)):
        if texts[k] and tail.startswith(written + texts[k]) and (taken or k == m):
            written += texts[k]
            taken.append(k)
            if written == tail:
                return taken
        elif not taken or k - taken[-1] > _LABEL_APART:
            return []
    return []


def _boxes(values: list[Piece]) -> list[Box]:
    """The values' boxes (lines with no blank between), a line of two cells side by side cut in two."""
    boxes: list[Box] = []
    for index, text, blank in values:
        parts = _JOINED.split(text, maxsplit=1)
        if len(parts) == 2:
            boxes.append([(index, parts[0], True)])
            boxes.append([(index, parts[1], False)])
            continue
        if blank or not boxes or boxes[-1][-1][2]:
            boxes.append([])
        boxes[-1].append((index, text, False))
    return boxes


def _rests_back(boxes: list[Box]) -> list[Box]:
    """The boxes with each wrapped cell's rest written after other cells' boxes (pdfminer: `…一体で動いてお`,
    the next row's boxes, then `り、体制が厚い一方…`) put back on the cell it goes on: a box that starts as
    no cell does (on a hiragana), the box right before it ending a sentence, joins the one earlier box whose
    last line stops inside a sentence and is as wide as the rest's widest line (a column's wrapped lines
    are one width); where none or two are so, the boxes stay as they are."""
    out = [list(box) for box in boxes]
    k = 1
    while k < len(out):
        box = out[k]
        if not _wrapped_rest(box[0][1]) or not out[k - 1][-1][1].endswith(_ENDS) or out[k - 1][-1][2]:
            k += 1
            continue
        widest = max(display_width(text) for _, text, _ in box)
        opened = [
            j
            for j in range(k - 1)
            if not out[j][-1][1].endswith(_ENDS)
            and not out[j][-1][2]
            and abs(display_width(out[j][-1][1]) - widest) <= _FULL
            and not (j + 1 < k and _wrapped_rest(out[j + 1][0][1]))
        ]
        if len(opened) != 1:
            k += 1
            continue
        out[opened[0]] += out.pop(k)
    return out


def _column_widths(boxes: list[Box]) -> tuple[int, int] | None:
    """The two columns' widths that the boxes' wrapped lines tell (see `_wrapped_widths`): the width
    most lines have (give or take `_FULL`) and the most of those clearly apart from it; None where
    either is told by one line only."""
    counts: dict[int, int] = {}
    for box in boxes:
        for width in _wrapped_widths(box):
            counts[width] = counts.get(width, 0) + 1
    support = {w: sum(c for v, c in counts.items() if abs(v - w) <= _FULL) for w in counts}
    if not support:
        return None
    first = max(support, key=lambda w: (support[w], w))
    apart = [w for w in support if abs(w - first) > 3 * _FULL]
    if not apart:
        return None
    second = max(apart, key=lambda w: (support[w], w))
    if support[first] < 2 or support[second] < 2:
        return None
    return first, second


def _wrapped_widths(box: Box) -> list[int]:
    """The widths of a box's lines that its cell goes on after (a wrapped cell's lines fill its column):
    those that a line of the box follows, end no sentence and are no list item's end (the next line
    opens an item), and hold one cell (no other cell's line at their height)."""
    return [
        display_width(text)
        for (_, text, joined), (_, after, _) in itertools.pairwise(box)
        if not joined and not text.endswith(_ENDS) and not after.startswith("・")
    ]


def _rows(
    boxes: list[Box], heads: list[int], widths: tuple[int, int] | None = None
) -> tuple[float, list[tuple[list[Box], list[int]]] | None]:
    """The boxes shared among the four rows, the best way (the last boxes may be after the table),
    each row with its lines' columns, and that way's score; `heads`: each row's box right after its
    label; `widths`: the status's and the strengths' widths, where known."""
    n = len(boxes)
    # (rows, boxes) → the best score and every way of cutting that reaches it (ties kept, to be told apart)
    best: dict[tuple[int, int], tuple[float, list[list[int]]]] = {(0, 0): (0.0, [[0]])}
    shared: dict[tuple[int, int], Sharing] = {}  # a run of boxes read as a row: the same for any row
    for row in range(len(_LABELS)):
        for start in range(n + 1):
            prior = best.get((row, start))
            if prior is None:
                continue
            for stop in range(start, min(n, start + _ROW_BOXES) + 1):
                if (start, stop) not in shared:
                    shared[(start, stop)] = _sharing(boxes[start:stop], widths)
                score = shared[(start, stop)][0]
                if score == -math.inf:
                    continue
                total = prior[0] + score
                ways = [[*cuts, stop] for cuts in prior[1]]
                held = best.get((row + 1, stop))
                if held is None or total > held[0]:
                    best[(row + 1, stop)] = (total, ways)
                elif total == held[0]:
                    held[1].extend(ways[: _TIES + 1 - len(held[1])])
    ends = [(score, ways) for (rows, _), (score, ways) in best.items() if rows == len(_LABELS)]
    if not ends:
        return -math.inf, None
    top = max(score for score, _ in ends)
    winners = [cuts for score, ways in ends if score == top for cuts in ways]
    if len(winners) > _TIES:
        return top, None
    if all(a < b for a, b in itertools.pairwise([*heads, len(boxes)])):  # each label before its row's boxes
        winners = [cuts for cuts in winners if _after_labels(cuts, heads)]
    winners = [cuts for cuts in winners if _beside_labels(cuts, heads, boxes)]
    if len(winners) != 1:
        return top, None  # two readings as good, or a row away from its label: the rows cannot be told
    spans = list(itertools.pairwise(winners[0]))
    if any(shared[span][2] for span in spans):
        return top, None  # a row whose boxes two ways share as well (a cell that ends on no sentence)
    return top, [(boxes[a:b], shared[(a, b)][1]) for a, b in spans]


def _beside_labels(cuts: list[int], heads: list[int], boxes: list[Box]) -> bool:
    """Whether each row whose label stands right before a box of its own (the labels around it stand
    before others) starts at that box or the one before it, and has boxes; the one before only where it
    has lines above the label's (a box of one line is level with the label, and written after it)."""
    n = len(boxes)
    for r, head in enumerate(heads):
        alone = head < n and all(heads[q] != head for q in (r - 1, r + 1) if 0 <= q < len(heads))
        earliest = head - 1 if head > 0 and len(boxes[head - 1]) > 1 else head
        if alone and not (cuts[r + 1] > cuts[r] and earliest <= cuts[r] <= head):
            return False
    return True


def _after_labels(cuts: list[int], heads: list[int]) -> bool:
    """Whether each row that has boxes starts at or after the first box after its label."""
    return all(b == a or a >= head for (a, b), head in zip(itertools.pairwise(cuts), heads, strict=True))


def _sharing(row: list[Box], widths: tuple[int, int] | None = None) -> Sharing:
    """The best way of giving a row's boxes to its status (0) and strengths (1): its score, each line's
    column, and whether another way reads as well; no way fits (-inf) where a line of two cells cannot
    give its left piece to the status; with the columns' `widths`, no box goes to the column its wrapped
    lines are not as wide as (see `_across`)."""
    if not row:
        return -2 * _EMPTY, [], False
    lines = [(text, display_width(text)) for box in row for _, text, _ in box]
    spans = list(itertools.accumulate((len(box) for box in row), initial=0))
    cells: dict[int, float] = {}  # boxes (a bit each) → their score as one cell, in either column
    best: Sharing = (-math.inf, [], False)
    k = len(row)
    full = (1 << k) - 1
    for strengths in range(full + 1):  # a set bit: the box is the strengths' (the first box's the highest)
        if not _joins_kept(row, strengths):
            continue
        score = sum(_cell_score(cells, mask, lines, spans) for mask in (full ^ strengths, strengths))
        columns = _bits(strengths, k)
        score += _FIRST if not columns[0] else 0.0
        score += _TURNS if _in_turns(columns) else 0.0
        if widths is not None and any(_across(box, widths, c) for box, c in zip(row, columns, strict=True)):
            continue
        if score > best[0]:
            best = (score, [c for c, box in zip(columns, row, strict=True) for _ in box], False)
        elif score == best[0]:
            best = (best[0], best[1], True)
    return best


def _across(box: Box, widths: tuple[int, int], column: int) -> bool:
    """Whether a box's wrapped lines (see `_wrapped_widths`) say it is the other column's: one of them is
    as wide as the other column and not as its own."""
    own, other = widths[column], widths[1 - column]
    return any(abs(width - other) <= _FULL < abs(width - own) for width in _wrapped_widths(box))


def _bits(mask: int, k: int) -> list[int]:
    """A mask's bits for k boxes, the first box's the highest (1: the box is the strengths')."""
    return [mask >> (k - 1 - b) & 1 for b in range(k)]


def _in_turns(columns: list[int]) -> bool:
    """Whether the boxes' columns take turns (status, strengths, status…; the taller cell's last boxes
    after): the order a row written a printed line or a box at a time has, its cells starting at its top."""
    status = [b for b, c in enumerate(columns) if c == 0]
    strengths = [b for b, c in enumerate(columns) if c == 1]
    ahead = all(a < b for a, b in zip(status, strengths, strict=False))
    return ahead and all(b < a for a, b in zip(status[1:], strengths, strict=False))


def _joins_kept(row: list[Box], strengths: int) -> bool:
    """Whether each line of two cells gives its left piece to the status and its right to the strengths."""
    columns = [*_bits(strengths, len(row)), 0]
    return all(not box[-1][2] or (not columns[b] and columns[b + 1]) for b, box in enumerate(row))


def _cell_score(cells: dict[int, float], mask: int, lines: list[tuple[str, int]], spans: list[int]) -> float:
    """How well the boxes in `mask` read as one cell: it ends on a sentence's end and nowhere before it
    (but before a list's item), starts on no hiragana, its lines but the last as wide as the widest (a
    list's item may end short), and is no sentence followed by a list's items; empty, it costs."""
    if mask in cells:
        return cells[mask]
    taken = _bits(mask, len(spans) - 1)
    cell = [lines[i] for b, bit in enumerate(taken) if bit for i in range(spans[b], spans[b + 1])]
    if not cell:
        cells[mask] = -_EMPTY
        return -_EMPTY
    widest = max(width for _, width in cell)
    score = 1.0 if cell[-1][0].endswith(_ENDS) else -1.0
    for (text, width), (nxt, _) in itertools.pairwise(cell):
        item_next = nxt[0] == "・"
        score -= 1.0 if text.endswith(_ENDS) and not item_next else 0.0
        score -= 0.5 if width < widest - _FULL and not (text.endswith(_ENDS) and item_next) else 0.0
    score -= 1.0 if _wrapped_rest(cell[0][0]) else 0.0
    items = sum(1 for text, _ in cell if text[0] == "・")
    score -= _MIXED if cell[0][0][0] != "・" and items else 0.0
    score -= _ONE_ITEM if cell[0][0][0] == "・" and items == 1 else 0.0
    cells[mask] = score
    return score


def _cells(row: list[Box], columns: list[int]) -> tuple[list[str], list[str]]:
    """A row's status's lines and its strengths', given each line's column."""
    pieces = [text for box in row for _, text, _ in box]
    status, strengths = ([p for p, c in zip(pieces, columns, strict=True) if c == column] for column in (0, 1))
    return status, strengths


def _by_widths(rows: list[tuple[list[str], list[str]]]) -> list[tuple[str, str]]:
    """Each row's two cells as text, rows set back where that makes each column's wrapped lines one width
    (the strengths' box written first, `_FIRST` took it for the status's): of every way of swapping rows'
    cells, the one whose columns' widths spread least, if it spreads clearly less than none."""
    fulls = [(_full(status), _full(strengths)) for status, strengths in rows]
    told = [r for r, widths in enumerate(fulls) if all(widths)]  # both cells wrapped: their widths tell
    best: tuple[int, int, tuple[int, ...]] = (_spread(fulls, ()), 0, ())
    for n in range(1, len(told) + 1):
        for swaps in itertools.combinations(told, n):
            spread = _spread(fulls, swaps)
            if _apart(fulls, swaps) and (spread + 2 * _FULL <= best[0] or (spread == best[0] and n < best[1])):
                best = (spread, n, swaps)
    return [
        (_joined(strengths), _joined(status)) if r in best[2] else (_joined(status), _joined(strengths))
        for r, (status, strengths) in enumerate(rows)
    ]


def _spread(fulls: list[tuple[int, int]], swaps: tuple[int, ...]) -> int:
    """How far each column's wrapped lines are from one width, with the rows in `swaps` set back."""
    return sum(max(widths) - min(widths) for widths in _columns(fulls, swaps) if widths)


def _apart(fulls: list[tuple[int, int]], swaps: tuple[int, ...]) -> bool:
    """Whether, with the rows in `swaps` set back, one column's wrapped lines are clearly the wider."""
    status, strengths = _columns(fulls, swaps)
    if not status or not strengths:
        return False
    return max(strengths) + 4 * _FULL <= min(status) or max(status) + 4 * _FULL <= min(strengths)


def _columns(fulls: list[tuple[int, int]], swaps: tuple[int, ...]) -> tuple[list[int], list[int]]:
    columns: tuple[list[int], list[int]] = ([], [])
    for r, widths in enumerate(fulls):
        for c, width in enumerate(reversed(widths) if r in swaps else widths):
            if width:
                columns[c].append(width)
    return columns


def _full(lines: list[str]) -> int:
    """The width of a cell's wrapped lines (those that stop inside a sentence), 0 for none."""
    return max((display_width(t) for t in lines[:-1] if not t.endswith(_ENDS)), default=0)
