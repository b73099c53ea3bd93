"""Section 5's indicator header whose cells stand apart among the issues' table above it.

Plain pdftotext of a LibreOffice PDF writes a box at a time, and LibreOffice centres each cell in its
row: the indicators' header cells, one line or two, can come out among the last issue's tall boxes,
far above the indicator rows, the header's first cell (`課題解決の達成度を測る指標`) twenty lines or
more before the rest:

    課題解決の達成度を測る指標          (the pieces' lines: layout)
    ・保健所による町村への              ・保健所による町村への
    現状値 (今年度当                    …
    …                            →     課題解決の達成度を測る指標 現状値 (今年度当初) 目標値 (今年度末) 見込…
    目標値 (今年度                      (the pieces' lines: layout)
    見込んでいる成果・効果
    初)
    末)
    ① 市町村の協議の場の設置数           ① 市町村の協議の場の設置数
    31 市町村                           31 市町村

The header's cells are the template's own words: where every piece of them between the issues'
header and the first indicator (`①`), each a box of its own or a line of one, makes the whole
header, and some piece stands apart from the rows (other boxes between), the pieces are put together
on the line of the run of pieces right above the rows, their own lines read as layout; so the
issues' table ends there, and `indicator_boxes` reads the rows under it.  Pieces that make less than
the header (some written after the rows) leave the lines as they are.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState
from nikosheet.parsing.forms.template_tables import SPACE, TABLES
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import INDICATORS_HEAD, PLANNED_COLUMNS

_HEADER = next(t.header for t in TABLES if t.header[1].startswith("現状値"))
_CELLS = tuple(compile_lazily(cell) for cell in _HEADER)
_STARTS = (INDICATORS_HEAD, "現状値", "目標値", "見込んでいる")
_SPLIT = compile_lazily(r" (?=" + "|".join(_STARTS) + ")")
_DATE_TAIL = compile_lazily(r"[^()（）]{0,4}(?:初|末)[)）]")  # `初)`, `度末)`: a date's cell's wrapped end
_ISSUES = "課題・方針に対する役割"  # the issues' header's last cell: where the region starts
_TAIL = 8  # characters of a cell's piece that does not start it: `初)`, `度末)`, `標`, `る成果・効果`

Piece = tuple[int, str]


def gather(state: FormState, names: list[int]) -> None:
    """Put the section 5 indicator header together above its rows (`names`: the indexes of the lines
    that start with an indicator's number), where its pieces stand apart among the issues' boxes."""
    lines = state.lines
    start = next((i for i, line in enumerate(lines) if line is not None and _ISSUES in SPACE.sub("", line)), None)
    if start is None:
        return
    first = next((i for i in names if i > start), None)
    if first is None:
        return
    pieces = _pieces(lines, start + 1, first)
    if pieces is None or _cells(pieces) is None:
        return
    anchor = _anchor(lines, pieces, first)
    if anchor is None:
        return
    for i, _ in pieces:
        lines[i] = None
    lines[anchor] = " ".join(_cells(pieces) or [])


def _pieces(lines: list[str | None], start: int, end: int) -> list[Piece] | None:
    """The header's pieces between start and end: lines that are nothing but a piece, each in a box
    made of pieces alone (a box of another cell's lines with a piece among them: None)."""
    found: list[Piece] = []
    box: list[int] = []
    for i in range(start, end + 1):
        line = lines[i] if i < end else None
        if line is not None and line.strip(" \f\u3000"):
            if "\t" in line:
                return None
            box.append(i)
            continue
        kinds = [_is_piece(lines[j] or "") for j in box]
        if any(kinds) and not all(kinds):
            return None
        if kinds and all(kinds):
            found += [(j, part) for j in box for part in _SPLIT.split(SPACE.sub(" ", (lines[j] or "").strip()))]
        box = []
    return found or None


def _is_piece(line: str) -> bool:
    parts = _SPLIT.split(SPACE.sub(" ", line.strip()))
    return all(part.startswith(_STARTS) or (len(part) <= _TAIL and _tail_of_any(part)) for part in parts)


def _tail_of_any(part: str) -> bool:
    """Whether the part ends one of the header's cells as the template writes it (`初)`, `末)`, `標`)."""
    text = SPACE.sub("", part)
    return any(_ends(cell, text) for cell in (PLANNED_COLUMNS["name"], PLANNED_COLUMNS["expected_effects"])) or bool(
        _DATE_TAIL.fullmatch(text)
    )


def _ends(cell: str, text: str) -> bool:
    return len(text) < len(cell) and cell.endswith(text)


def _cells(pieces: list[Piece]) -> list[str] | None:
    """The header's cells, in the template's order, the pieces put together: each piece that starts a
    cell opens it, the others go on the first open cell they fit; None unless every cell is whole."""
    opened: list[str] = []
    for _, part in pieces:
        text = SPACE.sub("", part)
        if text.startswith(_STARTS):
            opened.append(part)
            continue
        k = next((k for k, cell in enumerate(opened) if _completes(cell, text)), None)
        if k is None:
            return None
        opened[k] += part
    ordered: list[str] = []
    for pattern in _CELLS:
        match = [cell for cell in opened if pattern.fullmatch(SPACE.sub("", cell))]
        if len(match) != 1:
            return None
        ordered.append(match[0])
    return ordered if len(opened) == len(_CELLS) else None


def _completes(cell: str, text: str) -> bool:
    """Whether the text is the rest of an open cell: the cell not whole without it, whole with it."""
    cell = SPACE.sub("", cell)
    return not _whole(cell) and _whole(cell + text)


def _whole(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _CELLS)


def _anchor(lines: list[str | None], pieces: list[Piece], first: int) -> int | None:
    """The first line of the pieces' run right above the rows (only pieces and blank lines between it
    and the first row); None where no piece is there, or where every piece is (nothing stands apart)."""
    at = {i for i, _ in pieces}
    anchor = None
    for i in range(first - 1, -1, -1):
        line = lines[i]
        if line is None or not line.strip(" \f\u3000"):
            continue
        if i not in at:
            break
        anchor = i
    if anchor is None or min(at) >= anchor:
        return None
    return anchor


__all__ = ["gather"]
