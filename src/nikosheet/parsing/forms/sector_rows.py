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
end on a sentence's end (and nowhere before it) is the row's; a status's line wider than its column
(as the lines that hold both cells show it) costs, and a row that reads as well both ways (centred, or
a cell's lines before the other's) is read the way the rows that tell them apart show.  A label may be
wrapped beside its row's lines (`その他関係 アウトリーチ事業を…` / `機関・住民 めている。…` / `等`, the
other cell's lines between), and the header's last cell among the first row's lines (the right
column's written after the left's); the last row's last lines, where none ends a sentence and its
cells end on one only without them, are the text after the table (a figure's labels).  A table whose
labels are not all found in order is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import math
import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, display_width, join_wrapped
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
_TOO_WIDE = 2.0  # a status's line wider than its column: it is the strengths'
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
    second = next((k for k, t in enumerate(region) if t[1].startswith(_LABELS[1])), len(region))
    reach = max(min(_HEADER_REACH + 1, len(region)), second)  # (or among the first row's lines, its column's)
    header = next((k for k in range(1, reach) if region[k][1] == _LAST_HEADER), None)
    if header is None:
        return
    head = [region[0], region[header]]
    body = [t for k, t in enumerate(region) if k and k != header]
    read = _rows(body)
    if read is None:
        return
    rows, after = read
    last = [t for t in body if t[1]][-1 - after][0] if after else region[-1][0]
    placed: list[tuple[int, str]] = []
    free = region[0][0]
    for index, label, status, strengths in rows:
        free = max(index, free + 1)
        placed.append((free, f"{label}\t{status}\t{strengths}"))
    if free > last:
        return
    write_table(state.lines, head, f"{_TITLE}\t\t{_LAST_HEADER}", placed, last)


def _rows(body: list[Piece]) -> tuple[list[tuple[int, str, str, str]], int] | None:
    """Each sector's row (source index, label, status, strengths) and the count of the body's last lines
    that follow the table (`_after_table`), or None where a label is missing."""
    texts = [text for _, text, _ in body]
    starts: list[tuple[int, str, str]] = []  # body position, label, what follows the label on its line
    k = 0
    for label in _LABELS:
        found = _label_at(texts, k, label)
        if found is None:
            return None
        k, rest, taken = found
        starts.append((k, label, rest))
        for extra, after in taken:
            texts[extra] = after
        k += 1
    runs: list[list[str]] = []
    for r, (k, _, rest) in enumerate(starts):
        stop = starts[r + 1][0] if r + 1 < len(starts) else len(texts)
        lines = ([rest] if rest else []) + [t for t in texts[k + 1 : stop] if t]
        while runs and lines and not rest and _wrapped_rest(lines[0]):  # the row above's, its label written first
            runs[-1].append(lines.pop(0))
        runs.append(lines)
    runs[0][:0] = [t for t in texts[: starts[0][0]] if t]  # the first row's lines above its centred label
    left = _left_width(runs)
    trailing = _after_table(runs[-1], left)
    runs[-1] = runs[-1][: len(runs[-1]) - trailing]
    shared = _shared(runs, [1 if rest else 0 for _, _, rest in starts], left)
    if shared is None:
        return None
    return [(body[k][0], label, *cells) for (k, label, _), cells in zip(starts, shared, strict=True)], trailing


def _after_table(run: list[str], left: int) -> int:
    """How many of the last row's last lines follow the table (a figure's labels): the most lines, none
    ending a sentence, without which both its cells end on a sentence's end where with them one does not.

        町会・自治会など地域住民の参画は
        少ない。
        練馬区の相談・支援体制
        保健予防課（全体の企画・協議の場の事務局）
    """
    whole = _read(run, left)
    if whole is None or all(_ends(cell) for cell in whole[1]):
        return 0
    cut = next((k + 1 for k in range(len(run) - 1, -1, -1) if run[k].endswith(_ENDS)), len(run))
    read = _read(run[:cut], left) if cut < len(run) else None
    return len(run) - cut if read is not None and all(_ends(cell) for cell in read[1]) else 0


def _ends(cell: str) -> bool:
    """Whether a cell (a list's too) ends on a sentence's end."""
    return cell.removesuffix("</li></ul>").endswith(_ENDS)


_CENTRED, _APART = 0, 1  # the ways of writing a row: by height, each cell centred; or a cell after the other
_MOVED = 8  # a row's lines written before its label (centred in the row), at most
_EMPTY = _WIDER + 1.0  # an empty row's score: a row of one whole cell's (of two: 2.25, see `_score`)
_BETTER = 1.0  # how much better rows must read with lines moved than as the labels part them


def _shared(runs: list[list[str]], kept: list[int], left: int) -> list[tuple[str, str]] | None:
    """Each row's two cells, where a row's label may stand below its first lines: where a row reads badly
    as the labels part them, a run's last lines (but the label's own line's `kept`) go to the next row
    where the rows read clearly better so (ties to the fewest moved); None where a row cannot be read
    either way; `left`: the status's column's width (0: not known).  The rows are read again with the
    way of writing them (each cell centred, or a cell's lines before the other's) that the rows which
    tell the two ways apart agree on, where a row reads as well both ways."""
    parted = [_read(run, left) for run in runs]
    leans = {p[2] for p in parted if p is not None and p[2] is not None}
    if len(leans) == 1:
        prefer = leans.pop()
        parted = [_read(run, left, prefer) for run in runs]
    else:
        prefer = None
    read = [p[:2] for p in parted if p is not None]
    if len(read) == len(runs) and all(score >= 0 for score, _ in read):
        return [cells for _, cells in read]  # every row reads well as the labels part them
    moved = _best_moves(runs, kept, left, prefer)
    if moved is not None and (len(read) < len(runs) or moved[0] > sum(score for score, _ in read) + _BETTER):
        return moved[2]
    return [cells for _, cells in read] if len(read) == len(runs) else None


def _best_moves(
    runs: list[list[str]], kept: list[int], left: int, prefer: int | None
) -> tuple[float, int, list[tuple[str, str]]] | None:
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
                read = _read([*head, *run[: len(run) - moved_out]], left, prefer)
                if read is None:
                    continue
                candidate = (total + read[0], fewest - moved_out, [*cells, read[1]])
                if moved_out not in step or candidate[:2] > step[moved_out][:2]:
                    step[moved_out] = candidate
        best = step
    return best.get(0)


def _read(lines: list[str], left: int, prefer: int | None = None) -> tuple[float, tuple[str, str], int | None] | None:
    """A row's score, cells and the way of writing its lines that reads clearly best (`_CENTRED`,
    `_APART`, None for neither), or None where its lines fit no way."""
    if not lines:
        return _EMPTY, ("", ""), None
    read = _cells(lines, left, prefer)
    return None if read is None else (read[0], read[1:3], read[3])


def _wrapped_rest(text: str) -> bool:
    """A line that starts on a hiragana: a wrapped cell's rest (`ている。`), no cell's start."""
    return "\u3041" <= text[0] <= "\u3096"


def _label_at(texts: list[str], k: int, label: str) -> tuple[int, str, list[tuple[int, str]]] | None:
    """The next line from `k` that starts the label: its position, its text after the label, and the
    lines that hold the label's wrapped rest with what follows it on each (`その他関係機関・住` / `民等`,
    or `機関・住民 めている。…` / `等` woven with the other cell's lines)."""
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
                    return j, rest, [(line, "") for line in taken]
            woven = _woven_rest(texts, j + 1, tail)
            if woven:
                return j, rest, woven
    return None


def _woven_rest(texts: list[str], m: int, tail: str) -> list[tuple[int, str]]:
    """The lines from `m` on that each start with the next piece of a label's wrapped rest, a space
    before the piece's own cell's line or nothing after it, the other cell's lines (fewer than
    `_LABEL_REST`) between: each line and what follows its piece ([] where the rest is not all found).

        その他関係 アウトリーチ事業を行い、医療機関との連携を深
        早期相談を実施するうえで、教育機関や児童相談所等の
        機関・住民 めている。また若年者相談窓口を開設し、早期相
        子ども支援に関する機関との連携が課題となっている。
        等
    """
    taken: list[tuple[int, str]] = []
    k = m
    while tail:
        for j in range(k, min(k + _LABEL_REST, len(texts))):
            head, _, after = texts[j].partition(" ")
            if head and tail.startswith(head):
                taken.append((j, after))
                tail = tail[len(head) :]
                k = j + 1
                break
        else:
            return []
    return taken


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


def _cells(lines: list[str], left: int = 0, prefer: int | None = None) -> tuple[float, str, str, int | None] | None:
    """A row's lines shared between its status and its strengths: the best way's score and cells (ties to
    the way of writing the rows `prefer`s), and which way of writing them reads clearly best, or None for
    none."""
    pieces: list[tuple[str, bool]] = []  # a piece of a line, and whether the next piece is on its line
    for line in lines:
        parts = _JOINED.split(line, maxsplit=1)
        pieces.extend((part, p + 1 < len(parts)) for p, part in enumerate(parts))
    if not pieces:
        return _EMPTY, "", "", None
    best: tuple[float, bool, list[int]] | None = None
    n = len(pieces)
    ways = [-math.inf, -math.inf]  # the best score each way of writing the rows reaches
    for order, kinds in _orders(n):
        score = _score(pieces, order, left)
        if score is None:
            continue
        for kind in kinds:
            ways[kind] = max(ways[kind], score)
        candidate = (score, prefer in kinds)
        if best is None or candidate > best[:2]:
            best = (*candidate, order)
    if best is None:
        return None
    status = [pieces[p][0] for p in range(n) if best[2][p] == 0]
    strengths = [pieces[p][0] for p in range(n) if best[2][p] == 1]
    lean = None if ways[_CENTRED] == ways[_APART] else int(ways[_APART] > ways[_CENTRED])
    return best[0], _joined(status), _joined(strengths), lean


def _orders(n: int) -> list[tuple[list[int], tuple[int, ...]]]:
    """Each way the pieces may be the two cells' lines in the page's order, with the ways of writing
    the rows it fits: for each count of status lines, its lines and the strengths' sorted by height
    (each cell centred in the row: `_CENTRED`), or the status's lines before the strengths' (`_APART`)."""
    out: list[tuple[list[int], tuple[int, ...]]] = []
    for status in range(1, n + 1):
        strengths = n - status
        height = max(status, strengths)
        ys = [(height - status) / 2 + i for i in range(status)] + [
            (height - strengths) / 2 + i for i in range(strengths)
        ]
        columns = [0] * status + [1] * strengths
        order = [columns[p] for p in sorted(range(n), key=lambda p: (ys[p], columns[p]))]
        out.append((order, (_CENTRED, _APART) if order == columns else (_CENTRED,)))
        if strengths:  # or each cell's lines a box apart, the status's first
            out.append((columns, (_CENTRED, _APART) if order == columns else (_APART,)))
    return out


def _score(pieces: list[tuple[str, bool]], columns: list[int], left: int = 0) -> float | None:
    """How well a way reads: joined pieces are the status then the strengths at one height, each cell
    ends on a sentence's end and nowhere before it (but before a list's item), starts on no
    hiragana and its lines but the last are as wide as one another, and the status's lines fit its
    column's width `left` where that is known (0: not); None where the joins do not fit."""
    score = 0.0
    if left:
        score -= sum(_TOO_WIDE for (t, _), c in zip(pieces, columns, strict=True) if not c and display_width(t) > left)
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


def _left_width(runs: list[list[str]]) -> int:
    """The status's column's width, as the lines that hold both cells show it (their left piece fills
    its column: pdftotext joins two cells' lines only where little space parts them), with `_FULL`
    to spare; 0 where fewer than two such lines agree on the widest (a space inside a cell's line
    may look like two cells').

        保健所職員が近隣の精神科病院、診療所等に訪問 「川口市精神医療保健福祉地域連携票」を活用し、個別
        活動を行い、事業説明を行うとともに、地域連携 支援において、切れ目のない継続した支援が関係機関同
    """
    lefts = [display_width(parts[0]) for run in runs for line in run if len(parts := _JOINED.split(line, 1)) == 2]
    widest = max(lefts, default=0)
    return widest + _FULL if sum(1 for width in lefts if width >= widest - _FULL) >= 2 else 0


def _joined(lines: list[str]) -> str:
    """A cell's lines as one: a list's items (`・…`, two or more) as `<ul><li>…</li></ul>`; a line that
    ends a sentence short of the cell's widest line ends its paragraph (the next sentence would have
    gone on on it), the next line starting another (`…調整を行っている。` / `措置入院者等の…`)."""
    items: list[str] = []
    widest = max((display_width(line) for line in lines), default=0)
    ended = False
    for line in lines:
        if items and not line.startswith("・") and not ended:
            items[-1] = join_wrapped(items[-1], line)
        else:
            items.append(line)
        ended = line.endswith(_ENDS) and display_width(line) < widest - _FULL
    return cell_line([(item, item.startswith("・")) for item in items])
