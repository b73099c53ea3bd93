"""A table header whose cells' lines a converter wrote interleaved, found cell by cell.

pdftotext writes a header row a band of lines at a time, and a header cell may share a box with
its neighbour or with the first row's cell below it: the cells' first lines, then their second
lines, a short cell only after the first row has begun:

    課題解決の達                          課題解決の達成度を測る指標 | 目標値 (R4年度当初) | …
    目標値 (R4年度当            →         and the boxes left over (`①長期入院者`, the effects'
    成度を測る指⏎標                        first box after `具体的な成果・効果`), the first row's
    初)
    実績値 (R4年度末) 具体的な成果・効果

Each header cell is known by its first words (`目標値`) and is whole when its words are all there
(or its bracket is closed); a line that goes on no open cell and starts none is the body's.  Used
by `banded_rows`, `box_grid` and `indicator_boxes` for the tables whose header cells are words and
one bracket (the indicators').
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms.template_tables import SPACE, Box

_BRACKET = r"[(（][^)）]*[)）]"
_LEAD = 3  # a cell is started by a line that begins with its first characters


def _cell_parts(header: tuple[str, ...]) -> list[tuple[str, bool]] | None:
    """Each header cell's words and whether a bracket follows them; None when a cell is another regex."""
    parts: list[tuple[str, bool]] = []
    for cell in header:
        bracket = cell.endswith(_BRACKET)
        words = cell[: -len(_BRACKET)] if bracket else cell
        if re.escape(words) != words or len(words) < _LEAD:
            return None
        parts.append((words, bracket))
    return parts


def _take(text: str, have: str, words: str, bracket: bool, others: tuple[str, ...] = ()) -> int:
    """How much of `text` goes on a header cell that holds `have` (0: none; `others`: the first words of
    the cells not yet started)."""
    if len(have) < len(words):
        missing = words[len(have) :]
        n = 0
        while n < len(text) and n < len(missing) and text[n] == missing[n]:
            n += 1
        if n < len(missing) and n < len(text):
            return 0  # the words differ
        return n + (
            _take(text[n:], have + text[:n], words, bracket, others) if n == len(missing) and n < len(text) else 0
        )
    if not bracket or _closed(have, words):
        return 0
    end = min((i for i in (text.find(")"), text.find("）")) if i >= 0), default=-1)
    if len(have) == len(words):  # the bracket starts here, and may close on a later line
        if text[:1] not in "(（":
            return 0
        if end >= 0:
            return end + 1
        # two cells side by side, neither bracket closed (`(R4年度当 (R4年度`, `(今年度当 目標値 (令和`): this
        # one's up to the other's bracket or words
        return min((i for i in (text.find(o, 1) for o in ("(", "（", *others)) if i > 0), default=len(text))
    return end + 1  # the bracket's end, or nothing: a line of the body


def _closed(have: str, words: str) -> bool:
    return len(have) > len(words) and have[-1] in ")）"


def _whole(have: str, words: str, bracket: bool) -> bool:
    return _closed(have, words) if bracket else have == words


Found = tuple[list[str], list[Box], list[Box], int]  # cells' texts, cells' lines, the body's boxes, next box


def read(header: tuple[str, ...], boxes: list[Box], k: int, most: int) -> Found | None:
    """The header that starts at box k, its cells' lines interleaved: its cells' texts, their lines
    (a box a cell), the body's boxes among and after its lines up to the box where it is whole, and
    the box after that one; None when the boxes are not that header (the first must start it)."""
    parts = _cell_parts(header)
    if parts is None:
        return None
    texts = [""] * len(parts)
    lines: list[Box] = [[] for _ in parts]
    left: list[Box] = []
    for j in range(k, min(k + most, len(boxes))):
        run: Box = []
        for piece in boxes[j]:
            text = SPACE.sub("", piece[1])
            cells = _split(text, texts, parts)
            if cells is None:
                if piece is boxes[k][0]:
                    return None
                run.append(piece)
                continue
            if run:
                left.append(run)
                run = []
            for c in cells:
                lines[c].append(piece)
        if run:
            left.append(run)
        if all(_whole(t, w, b) for t, (w, b) in zip(texts, parts, strict=True)):
            return texts, lines, left, j + 1
    return None


def _split(text: str, texts: list[str], parts: list[tuple[str, bool]]) -> list[int] | None:
    """The cells a header line goes on (its text added to them), or None when it is the body's."""
    added = list(texts)
    cells: list[int] = []
    while text:
        # a cell this text starts before one it goes on (`実績値 (…` while `目標値 (R4年度当` is open)
        starting = [c for c, (words, _) in enumerate(parts) if not added[c] and text.startswith(words[:_LEAD])]
        going = [c for c, (words, bracket) in enumerate(parts) if added[c] and not _whole(added[c], words, bracket)]
        others = tuple(words[:_LEAD] for c, (words, _) in enumerate(parts) if not added[c])
        for c in starting or going:
            words, bracket = parts[c]
            n = _take(text, added[c], words, bracket, others)
            if n:
                added[c] += text[:n]
                text = text[n:]
                cells.append(c)
                break
        else:
            return None
    texts[:] = added
    return cells
