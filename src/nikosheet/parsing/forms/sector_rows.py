"""Section 6's sectors table in plain pdftotext's text of a LibreOffice PDF: each row's two cells apart.

pdftotext writes the 各部門の連携状況 table a row at a time: the sector's label, then the lines of
its two cells in the order they stand on the page, each cell centred in its row, two lines at one
height joined by a space:

    各部門の連携状況
    強み・課題等
    保健
    保健福祉事務所が…市町村を支援し
    圏域によって取組に差がある。
    ている。
    福祉
    基幹相談支援センターが…支えてい 小規模町村に相談支援事業所が少
    る。
    ない。

becomes

    各部門の連携状況		強み・課題等
    保健	保健福祉事務所が…市町村を支援している。	圏域によって取組に差がある。
    福祉	基幹相談支援センターが…支えている。	小規模町村に相談支援事業所が少ない。

A row's lines are shared between its two cells by the page's order: each way of giving the first
lines to the status and the rest to the strengths puts the cells' lines at heights (each centred in
the row); the way whose order is the text's, whose joined lines stand at one height and whose cells
end on a sentence's end (and nowhere before it) is the row's.  A table whose labels are not all
found in order is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, join_wrapped
from nikosheet.parsing.forms.template_tables import HEADING, Piece, non_blank, write_table
from nikosheet.vocabulary import SECTORS

_TITLE = "各部門の連携状況"
_LAST_HEADER = "強み・課題等"
_LABELS = tuple(SECTORS.values())
_STOP = re.compile(r"^(?:【|※|<|＜)")
_JOINED = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f・])")  # two cells' lines at one height (not a list's items)
_WIDER = 0.25  # the status's cell as wide as the strengths' or wider (its column is the wider)
_FULL = 2  # display columns a wrapped line may stop short of its cell's widest
_ENDS = ("。", "．")
_HEADER_REACH = 3  # lines between the title and the header's last cell (a row's label may come first)
_LABEL_REST = 3  # lines between a wrapped label's two parts


def apply(state: FormState) -> None:
    """Rebuild the sectors table written a row at a time."""
    if not signals.sector_rows(state.source):
        return
    region = sectors_region(state.lines)
    if region:
        _rebuild(state, region)


def sectors_region(lines: list[str | None]) -> list[Piece]:
    """The sectors table's lines, from its title alone on its line to the next heading or note ([] for none)."""
    title = next((at for at, line in enumerate(lines) if line is not None and line.strip() == _TITLE), None)
    if title is None:
        return []
    tokens = [(i + title, text, blank) for i, text, blank in non_blank(lines[title:])]
    end = next((k for k, t in enumerate(tokens) if k and (HEADING.match(t[1]) or _STOP.match(t[1]))), len(tokens))
    return tokens[:end]


def _rebuild(state: FormState, region: list[Piece]) -> None:
    header = next((k for k in range(1, min(_HEADER_REACH + 1, len(region))) if region[k][1] == _LAST_HEADER), None)
    if header is None:
        return
    head = [region[0], region[header]]
    body = [t for k, t in enumerate(region) if k and k != header]
    rows = _rows(body)
    if rows is None:
        return
    placed: list[tuple[int, str]] = []
    free = region[0][0]
    for index, label, status, strengths in rows:
        free = max(index, free + 1)
        placed.append((free, f"{label}\t{status}\t{strengths}"))
    if free > region[-1][0]:
        return
    write_table(state.lines, head, f"{_TITLE}\t\t{_LAST_HEADER}", placed, region[-1][0])


def _rows(body: list[Piece]) -> list[tuple[int, str, str, str]] | None:
    """Each sector's row (source index, label, status, strengths), or None where a label is missing."""
    texts = [text for _, text, _ in body]
    starts: list[tuple[int, str, str]] = []  # body position, label, what follows the label on its line
    k = 0
    for label in _LABELS:
        found = _label_at(texts, k, label)
        if found is None:
            return None
        k, rest, taken = found
        starts.append((k, label, rest))
        for extra in taken:
            texts[extra] = ""
        k += 1
    runs: list[list[str]] = []
    for r, (k, _, rest) in enumerate(starts):
        stop = starts[r + 1][0] if r + 1 < len(starts) else len(texts)
        lines = ([rest] if rest else []) + [t for t in texts[k + 1 : stop] if t]
        while runs and lines and not rest and _wrapped_rest(lines[0]):  # the row above's, its label written first
            runs[-1].append(lines.pop(0))
        runs.append(lines)
    runs[0][:0] = [t for t in texts[: starts[0][0]] if t]  # the first row's lines above its centred label
    shared = _shared(runs, [1 if rest else 0 for _, _, rest in starts])
    if shared is None:
        return None
    return [(body[k][0], label, *cells) for (k, label, _), cells in zip(starts, shared, strict=True)]


_MOVED = 8  # a row's lines written before its label (centred in the row), at most
_EMPTY = _WIDER + 1.0  # an empty row's score: a row of one whole cell's (of two: 2.25, see `_score`)
_BETTER = 1.0  # how much better rows must read with lines moved than as the labels part them


def _shared(runs: list[list[str]], kept: list[int]) -> list[tuple[str, str]] | None:
    """Each row's two cells, where a row's label may stand below its first lines: where a row reads badly
    as the labels part them, a run's last lines (but the label's own line's `kept`) go to the next row
    where the rows read clearly better so (ties to the fewest moved); None where a row cannot be read
    either way."""
    parted = [_read(run) for run in runs]
    read = [p for p in parted if p is not None]
    if len(read) == len(runs) and all(score >= 0 for score, _ in read):
        return [cells for _, cells in read]  # every row reads well as the labels part them
    moved = _best_moves(runs, kept)
    if moved is not None and (len(read) < len(runs) or moved[0] > sum(score for score, _ in read) + _BETTER):
        return moved[2]
    return [cells for _, cells in read] if len(read) == len(runs) else None


def _best_moves(runs: list[list[str]], kept: list[int]) -> tuple[float, int, list[tuple[str, str]]] | None:
    """The best reading (score, -lines moved, cells) with up to `_MOVED` lines of each run (but its `kept`)
    moved to the next row."""
    # for each count of lines moved into the next row: (score, -lines moved, the rows' cells so far)
    best: dict[int, tuple[float, int, list[tuple[str, str]]]] = {0: (0.0, 0, [])}
    for r, run in enumerate(runs):
        reach = 0 if r + 1 == len(runs) else min(_MOVED, len(run) - kept[r])
        step: dict[int, tuple[float, int, list[tuple[str, str]]]] = {}
        for moved_in, (total, fewest, cells) in best.items():
            head = runs[r - 1][len(runs[r - 1]) - moved_in :] if moved_in else []
            for moved_out in range(reach + 1):
                read = _read([*head, *run[: len(run) - moved_out]])
                if read is None:
                    continue
                candidate = (total + read[0], fewest - moved_out, [*cells, read[1]])
                if moved_out not in step or candidate[:2] > step[moved_out][:2]:
                    step[moved_out] = candidate
        best = step
    return best.get(0)


def _read(lines: list[str]) -> tuple[float, tuple[str, str]] | None:
    """A row's score and cells, or None where its lines fit no way."""
    if not lines:
        return _EMPTY, ("", "")
    read = _cells(lines)
    return None if read is None else (read[0], read[1:])


def _wrapped_rest(text: str) -> bool:
    """A line that starts on a hiragana: a wrapped cell's rest (`ている。`), no cell's start."""
    return "\u3041" <= text[0] <= "\u3096"


def _label_at(texts: list[str], k: int, label: str) -> tuple[int, str, list[int]] | None:
    """The next line from `k` that starts the label: its position, its text after the label, and the
    lines that hold the label's wrapped rest (`その他関係機関・住` / `民等`)."""
    for j in range(k, len(texts)):
        text = texts[j]
        head, _, rest = text.partition(" ")
        if head == label:
            return j, rest, []
        if len(head) >= 3 and label.startswith(head):
            tail = label[len(head) :]
            for m in range(j + 1, min(j + 1 + _LABEL_REST, len(texts))):
                taken = _rest_lines(texts, m, tail)
                if taken:
                    return j, rest, taken
    return None


def _rest_lines(texts: list[str], m: int, tail: str) -> list[int]:
    """The lines from `m` on, one after another, that are a label's wrapped rest (`機関・住民` / `等`)."""
    written = ""
    for k in range(m, len(texts)):
        written += texts[k]
        if written == tail:
            return list(range(m, k + 1))
        if not texts[k] or not tail.startswith(written):
            return []
    return []


def _cells(lines: list[str]) -> tuple[float, str, str] | None:
    """A row's lines shared between its status and its strengths: the best way's score and cells, or None
    for none."""
    pieces: list[tuple[str, bool]] = []  # a piece of a line, and whether the next piece is on its line
    for line in lines:
        parts = _JOINED.split(line, maxsplit=1)
        pieces.extend((part, p + 1 < len(parts)) for p, part in enumerate(parts))
    if not pieces:
        return _EMPTY, "", ""
    best: tuple[float, list[int]] | None = None
    n = len(pieces)
    for order in _orders(n):
        score = _score(pieces, order)
        if score is not None and (best is None or score > best[0]):
            best = (score, order)
    if best is None:
        return None
    status = [pieces[p][0] for p in range(n) if best[1][p] == 0]
    strengths = [pieces[p][0] for p in range(n) if best[1][p] == 1]
    return best[0], _joined(status), _joined(strengths)


def _orders(n: int) -> list[list[int]]:
    """Each way the pieces may be the two cells' lines in the page's order: for each count of status
    lines, its lines and the strengths' sorted by height (each cell centred in the row), or the
    status's lines before the strengths'."""
    out = []
    for status in range(1, n + 1):
        strengths = n - status
        height = max(status, strengths)
        ys = [(height - status) / 2 + i for i in range(status)] + [
            (height - strengths) / 2 + i for i in range(strengths)
        ]
        columns = [0] * status + [1] * strengths
        order = sorted(range(n), key=lambda p: (ys[p], columns[p]))
        out.append([columns[p] for p in order])
        if strengths:  # or each cell's lines a box apart, the status's first
            out.append(columns)
    return out


def _score(pieces: list[tuple[str, bool]], columns: list[int]) -> float | None:
    """How well a way reads: joined pieces are the status then the strengths at one height, each cell
    ends on a sentence's end and nowhere before it (but before a list's item), starts on no
    hiragana and its lines but the last are as wide as one another; None where the joins do not fit."""
    score = 0.0
    widths = [
        max((display_width(t) for (t, _), c in zip(pieces, columns, strict=True) if c == k), default=0) for k in (0, 1)
    ]
    if widths[0] >= widths[1]:  # the status's column is the wider: where all else is even
        score += _WIDER
    for p, (_, joined) in enumerate(pieces):
        if joined and not (columns[p] == 0 and p + 1 < len(pieces) and columns[p + 1] == 1):
            return None
    for column in (0, 1):
        cell = [pieces[p][0] for p in range(len(pieces)) if columns[p] == column]
        if cell:
            score += 1.0 if cell[-1].endswith(_ENDS) else -1.0
            score -= sum(1.0 for text, nxt in itertools.pairwise(cell) if text.endswith(_ENDS) and nxt[0] != "・")
            score -= 1.0 if _wrapped_rest(cell[0]) else 0.0
            widest = max(display_width(text) for text in cell)
            score -= sum(0.5 for text in cell[:-1] if display_width(text) < widest - _FULL)
    return score


def _joined(lines: list[str]) -> str:
    out = ""
    for line in lines:
        out = join_wrapped(out, line)
    return out
