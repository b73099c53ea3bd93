"""An indicator row written a printed line at a time: its name's wrapped rest after its values.

Plain pdftotext and pdfminer write a table row of a Chromium PDF (its cells at the top of the row)
a band of lines at a time: the first line of every cell, then the second.  An indicator's name that
wrapped, beside two one-line values, so comes apart round them:

    ①個別事例検討会を開催        ①個別事例検討会を開催
    3区                     →   した区の数
    7区                          3区
    した区の数                   7区
    退院支援の流れが揃う         退院支援の流れが揃う

The name's first line fills its column (it goes on), the two lines after it are values (a count
and its unit, `年12回`, `参加者 80人`, or a word such as `未集計`), and the line after them is no
wider than the name's column, not a value, not a list's item and not a sentence's end: the name's
rest, put back after its first line.  `cell_lines_tables` asks this of each indicator row before
it cuts the row's lines into cells.
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import indicator_stripes
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.template_tables import BULLET, CIRCLED, Piece, join_cell

# a value: a count and its unit at the line's end, a short word before it (`参加者 80人`, `年12回`,
# `1,300人`, `16市町村`, `各区年3回`), a value in a word (`未集計`, `なし`), or a placeholder left (`○○`)
_VALUE = re.compile(
    r"\A(?:[^\s。、]{0,8}\s?[0-9０-９][0-9０-９,，.]*\s?[^\s0-9０-９。、]{1,4}"  # `参加者 80人`
    r"|未[^\s。、]{1,3}|[^\s。、]{0,4}なし|[○●]{2,3})\Z"  # `未集計`, `活用なし`, a placeholder `○○`
)
_CLOSE = 2  # display columns: a wrapped line may stop a character short of its column
_VALUES = 2  # the values an indicator's row holds between its name and its effects


Pivots = list[tuple[int, int]]  # where a table's pivots are among its lines, and which pivot each is


def arrange(pieces: list[Piece], pivots: Pivots, width: int | None) -> tuple[list[Piece], Pivots]:
    """The table's lines with each indicator row's parts put back in their row, and where the rows'
    pivots now are (`width`: the name column's, where known)."""
    if not pivots:
        return pieces, pivots
    starts = [at for at, _ in pivots] + [len(pieces)]
    written = indicator_stripes.by_stripes([pieces[a:b] for a, b in itertools.pairwise(starts)])
    rows = [_rest_under_value(_value_off_name(row)) for row in written]
    known = width is not None
    width = width or _wrapped_width(rows)
    if width is None:
        return _rows_written(pieces, rows, pivots)
    for k in range(1, len(rows)):
        rows[k - 1], rows[k] = _pair_apart(rows[k - 1], rows[k], width)
        rows[k - 1], rows[k] = _effects_back(rows[k - 1], rows[k], width)
    rows = [_value_out_of_name(row, width) for row in rows]
    rows = [[row[0], *_name_rest_first(row[0], row[1:], width, known)] for row in rows]
    return _rows_written(pieces, rows, pivots)


def _rows_written(pieces: list[Piece], rows: list[list[Piece]], pivots: Pivots) -> tuple[list[Piece], Pivots]:
    """The table's lines with its rows' lines in their place, and where the rows' pivots now are."""
    start = pivots[0][0]
    at = list(itertools.accumulate((len(row) for row in rows[:-1]), initial=start))
    return [*pieces[:start], *(piece for row in rows for piece in row)], [
        (a, which) for a, (_, which) in zip(at, pivots, strict=True)
    ]


def _value_off_name(row: list[Piece]) -> list[Piece]:
    """The row with its first value set apart from its name's line, where pdftotext of a LibreOffice
    PDF wrote the two on one line a space apart (the name filling its column, the value beside it:
    `② 地域移行支援を実施する事業所数 5か所`, then the target's box, `8か所`): the name's line ends on
    a value, the name before it holds none, the next line, a box of its own, is the other value, and
    the effects are one box after it (or none); not where a converter writes no blank lines between
    cells, where a box more may be the name's wrapped rest (`③ ピアサポーターの 延べ 20 回` … `派遣`),
    nor where the name's line holds more than one value (pypdf: `③支援者の人材育成 研修会3回 受`)."""
    if len(row) < 2 or not row[1][2] or not is_value(row[1][1].strip()):
        return row
    if (len(row) > 2 and not row[2][2]) or any(blank for _, _, blank in row[3:]):
        return row
    apart = value_apart(row[0])
    return row if apart is None else [*apart, *row[1:]]


def _rest_under_value(row: list[Piece]) -> list[Piece]:
    """The row with its name made whole where plain pdftotext of a Chromium PDF wrote the name's first
    line and the first value on one line a space apart, the name's wrapped rest on the next line (no blank
    line between) and the other value in a box after it (`②居住支援の事例検討会の開 0回` `催` `年3回`): the
    rest is short (no wider than the name's line before it), neither a value, an item nor a sentence's end."""
    if len(row) < 3 or row[1][2] or not row[2][2] or not is_value(row[2][1].strip()):
        return row
    index, text, blank = row[0]
    name, _, value = text.rstrip().rpartition(" ")
    if not CIRCLED.match(name) or not is_value(value) or _cells_joined(name):
        return row
    if not _name_part(row[1][1].strip(), display_width(name)):
        return row
    return [(index, join_cell([(index, name, blank), row[1]]), blank), (index, value, True), *row[2:]]


def value_apart(line: Piece) -> tuple[Piece, Piece] | None:
    """An indicator's name's line that ends on its first value a space apart, as the name and the
    value (a box of its own), where the name holds no value (see `_value_off_name`)."""
    index, text, blank = line
    name, _, value = text.rstrip().rpartition(" ")
    if not CIRCLED.match(name) or " " not in name.strip() or not is_value(value) or _cells_joined(name):
        return None
    return (index, name, blank), (index, value, True)


def values_apart(boxes: list[list[Piece]]) -> list[list[Piece]]:
    """The boxes with each indicator's name's one-line box that ends on its first value, right before
    the other value's one-line box, cut in two (`① 協議の場を設置した市町村の数 22市町村`, `44市町村`);
    not a name's line right below the header's, no blank line between (the band may hold more)."""
    out: list[list[Piece]] = []
    for n, box in enumerate(boxes):
        after = boxes[n + 1] if n + 1 < len(boxes) else []
        alone = len(box) == 1 and box[0][2] and len(after) == 1 and is_value(after[0][1])
        apart = value_apart(box[0]) if alone else None
        out.extend([[apart[0]], [apart[1]]] if apart else [box])
    return out


def _wrapped_width(rows: list[list[Piece]]) -> int | None:
    """The name column's width where a name wrapped with its rest right below it (no blank line
    between, neither a value nor an item): the widest such first line."""
    widths = [
        display_width(row[0][1].strip())
        for row in rows
        if len(row) > 1 and not row[1][2] and _name_part(row[1][1].strip(), display_width(row[0][1].strip()))
    ]
    return max(widths, default=None)


def _name_rest_first(name: Piece, between: list[Piece], width: int, known: bool) -> list[Piece]:
    """The row's lines after its name's first line (`between`), the name's wrapped rest put first
    where it came after the row's two one-line values: right after them (pdftotext), or a line after
    each line of the effects (pdfminer's bands: the effects' first line, the name's second, the
    effects' second…).  Where the column's width is only guessed from another name (not `known`),
    the rest must leave the row its effects: a name that stops at its column's end without wrapping
    is followed by its values and its effects, a short one too."""
    lines = [piece[0] for piece in (name, *between)]
    if not _fills(name[1], width) or len(set(lines)) < len(lines) or _cells_joined(name[1]):
        return between
    at = next((v for v in _VALUE_PLACES if _values([between[k] for k in v if k < len(between)])), None)
    if at is None:
        return between
    values = [between[k] for k in at]
    others = [piece for k, piece in enumerate(between) if k not in at]
    rest = _rest_after_values(others, width) or _rest_in_bands(others, width)
    if not rest or (not known and len(others) == len(rest)):
        return between
    return [
        *(_after(p, False) for p in rest),
        *(_after(p, True) for p in values),
        *(p for p in others if p not in rest),
    ]


def _value_out_of_name(row: list[Piece], width: int) -> list[Piece]:
    """The row with a one-line value written amid its name's wrapped lines put after the name, whose
    lines are joined into one (pdftotext of a LibreOffice PDF, which centres the value beside the name:
    `② ピアサポーターの養` `修了者 15 名` `成`): the name's lines each fill its column but the last, no
    blank line between them and the value, the name's rest within the column, no value, item or
    sentence's end, and a blank line or a value after it; not where the name's first line holds other
    cells (pypdf: `③支援者の人材育成 研修会3回 受` `講者200人`)."""
    if " " in row[0][1][1:].strip():  # other cells after the name's, a space apart
        return row
    value = 1  # the name's lines before the value
    while value < len(row) and not row[value][2] and not is_value(row[value][1].strip()):
        if not _fills(row[value - 1][1], width) or not _name_part(row[value][1].strip(), width):
            return row
        value += 1
    if value + 1 >= len(row) or row[value][2] or not _fills(row[value - 1][1], width):
        return row
    end = value + 1
    while end < len(row) and not row[end][2] and _name_part(row[end][1].strip(), width):
        end += 1
        if not _fills(row[end - 1][1], width):
            break
    if end == value + 1 or (end < len(row) and not row[end][2] and not is_value(row[end][1].strip())):
        return row
    whole = join_cell([*row[:value], *row[value + 1 : end]])
    return [(row[0][0], whole, row[0][2]), _after(row[value], True), *row[end:]]


def _cells_joined(line: str) -> bool:
    """Whether a name's line holds other cells after it, a space apart (pypdf: `③支援者の人材育成 研修会3回 受`)."""
    return any(is_value(word) for word in line.strip().split(" ")[1:])


_VALUE_PLACES = ((0, 1), (0, 2))  # where the two values stand after a name's first line (a rest between)


def _rest_after_values(others: list[Piece], width: int) -> list[Piece]:
    """The name's wrapped lines right after the values: as many as go on filling the column."""
    rest: list[Piece] = []
    for piece in others:
        text = piece[1].strip()
        if not _name_part(text, width):
            break
        rest.append(piece)
        if not _fills(text, width):
            break
    return rest


def _rest_in_bands(others: list[Piece], width: int) -> list[Piece]:
    """The name's wrapped lines after the wrapped lines of the effects (wider than the name's
    column), the effects going on after them: a band of the two cells' lines at a time (the name's
    lines may outnumber the effects' there).  A line after a one-line name that ends its row is the
    effects' own last line."""
    rest: list[Piece] = []
    k = 0
    while k < len(others) and display_width(others[k][1].strip()) > width + _CLOSE:
        k += 1
        while k < len(others) and _name_part(others[k][1].strip(), width):
            rest.append(others[k])
            k += 1
            if not _fills(rest[-1][1], width):
                break
        if not rest or not _fills(rest[-1][1], width):
            break
    if len(rest) == 1 and (k >= len(others) or is_value(others[k][1].strip())):
        return []
    return rest


def _effects_back(above: list[Piece], row: list[Piece], width: int) -> tuple[list[Piece], list[Piece]]:
    """The row above, and this one: a sentence written after this row's name's first lines, before
    its two values, is the effects of the row above (written after the next row's first line: its
    cells stand lower), where the row above holds two values and no sentence's end."""
    if not _values([p for p in above[1:] if is_value(p[1].strip())]) or any(
        p[1].rstrip().endswith("。") for p in above[1:]
    ):
        return above, row
    start = next((k for k in range(1, len(row)) if not _name_part(row[k][1].strip(), width)), len(row))
    end = next((k for k in range(start, len(row)) if row[k][1].rstrip().endswith("。")), None)
    if end is None or not _values(row[end + 1 : end + 1 + _VALUES]):
        return above, row
    sentence = row[start : end + 1]
    if any(not _sentence_part(text.strip(), width) for _, text, _ in sentence):
        return above, row
    moved = [_after(sentence[0], False), *sentence[1:]]
    return [*above, *moved], [
        *row[:start],
        *(_after(p, True) for p in row[end + 1 : end + 1 + _VALUES]),
        *row[end + 1 + _VALUES :],
    ]


def _pair_apart(row: list[Piece], below: list[Piece], width: int) -> tuple[list[Piece], list[Piece]]:
    """A row and the row below whose cells pdftotext wrote in pairs of bands: the name's first line,
    the row's values and effects, the next row's values and its effects' first lines (wider than the
    name's column), then the name's rest and the next row's name in one box, its effects' rest after
    it (`①市町村の協議の場の設置` `20市町村` `18市町村` `…進んだ。` `15名` `12名` `…が増え` `数`, then
    `②ピアサポーターの養成` `た。`): the next row's values and effects go back below its name."""
    name, after = row[0], row[1:]
    if len(after) < 6 or not _fills(name[1], width) or not _values(after[:_VALUES]):
        return row, below
    second = next((k for k in range(3, len(after) - 3) if _values(after[k : k + _VALUES])), None)
    if second is None or any(is_value(text.strip()) for _, text, _ in after[_VALUES:second]):
        return row, below
    tail = after[second + _VALUES :]
    cut = next((k for k, (_, text, _) in enumerate(tail) if display_width(text.strip()) <= width), len(tail))
    effects, rest = tail[:cut], tail[cut:]
    if not effects or not rest or not all(_name_part(text.strip(), width) for _, text, _ in rest):
        return row, below
    names = 1  # the next row's name: its lines while each fills the column
    while names < len(below) and _fills(below[names - 1][1], width) and _name_part(below[names][1].strip(), width):
        names += 1
    effects_rest = below[names:]
    if bool(effects_rest) == effects[-1][1].rstrip().endswith("。") or any(
        is_value(text.strip()) or text.strip()[0] in BULLET for _, text, _ in effects_rest
    ):
        return row, below  # (a sentence that ended has no rest; one that did not, has)
    return [name, *(_after(p, False) for p in rest), *after[:second]], [
        *below[:names],
        *(_after(p, True) for p in after[second : second + _VALUES]),
        *effects,
        *(_after(p, k > 0) for k, p in enumerate(effects_rest)),
    ]


def _after(piece: Piece, blank: bool) -> Piece:
    """The line with a blank line before it or none: a line put back in its cell goes on the line
    before it, and a value starts a cell of its own (the cut into cells weighs blank lines)."""
    return (piece[0], piece[1], blank)


def is_value(text: str) -> bool:
    """Whether a line is an indicator's value alone: a count and its unit, or a value in a word."""
    return _VALUE.fullmatch(text) is not None


def _values(pieces: list[Piece]) -> bool:
    """Whether the lines are as many one-line values as a row holds."""
    return len(pieces) == _VALUES and all(is_value(text.strip()) for _, text, _ in pieces)


def _sentence_part(text: str, width: int) -> bool:
    """Whether a line may be an effects sentence's: wider than the name's column or its last line,
    neither a value nor an item."""
    return (
        bool(text)
        and text[0] not in BULLET
        and not is_value(text)
        and (display_width(text) > width or text.endswith("。"))
    )


def _fills(text: str, width: int) -> bool:
    """Whether a line fills its column: the cell goes on in the next line."""
    return display_width(text.strip()) >= width - _CLOSE


def _name_part(text: str, width: int) -> bool:
    """Whether a line may be a wrapped name's: within the column, neither a value, an item nor a
    sentence's end."""
    return (
        bool(text)
        and display_width(text) <= width
        and text[0] not in BULLET
        and not text.endswith("。")
        and not is_value(text)
    )
