"""Section 4's indicators table in plain pdftotext's text of a LibreOffice PDF: each row's name and
values read from the lines it wrote them on, the effects' cells from the runs they came in.

pdftotext writes the outcomes' table a text box at a time, each cell centred in its row; where no
form before could put its rows back, the rows still come one after another, each from its name (①,
②, … in turn), with the values beside the name's lines, between them or in boxes after it, and the
effects' column in runs of its own: after each row, or after the page's rows:

    ① 区地域精神保健 8 区 各年                課題解決の達成度を測る指標⇥目標値(R4年度当初)⇥…
    福祉連絡会の開催 3 回                      ① 区地域精神保健福祉連絡会の開催⇥8区 各年3回⇥8区 延べ21回⇥・全区で…
    8 区 延べ⏎21 回                      →    ② 地域移行支援の利用者数⇥年40人⇥年33人⇥病院訪問を通じて…
    ② 地域移行支援の⏎年 40 人⏎利用者数
    年 33 人
    具体的な成果・効果
    ・全区で連絡会が…⏎・一部の区では…
    病院訪問を通じて…

A row's lines are cut where the source's text had a space (the renderer's gap between a Japanese and
a Western character reads as one too, so the space is only where a cut may be): the name's pieces
(its wrapped lines but the last as wide as its column), a value's (two values side by side, the
target's left of the actual's; each value's pieces in order, a wrapped one's first lines as wide as
the other's) and the effects' (a wide line, or a sentence's end, among the values' lines: the row's
own). Of the ways the lines so make the row, the one whose values read as values (a count and its
unit, or several a space apart) and whose cells start and end where cells do (a value does not end
on a bare number nor start on a unit, a name's wrapped lines fill its column) is taken; where two
read as well, the table is left as it is.

The effects' boxes (a list's items after a bullet drawn alone one cell, a box that goes on a
sentence the box before cut at its full width the same cell) go to the rows before them that have
none, in order, when they are as many as those rows; else which row an effect is of cannot be told:
those rows are read with their effects empty, and the effects are kept as text below the table with
a `missing-table` warning (also where effects come before every row). A row with one value (which
of the two cannot be told) keeps it as text below the table, with a warning, unless a value box
written after a later row's values is the one value a row before lacks. The table is rewritten only
when every line is so placed.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import NamedTuple

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.effects_apart import after_bullet
from nikosheet.parsing.forms.indicator_bands import is_value
from nikosheet.parsing.forms.indicator_header import unread_header
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import CIRCLED, join_cell, unclosed, value_text
from nikosheet.vocabulary import NOTHING

_FIRST = 0x2460  # ①
_END = 1 << 62  # past every line: the last run of effects closes there


class _Line(NamedTuple):
    """A body line: its index, its text as the forms before left it, where it may be cut (each the left
    piece's end and the right one's start in the text, and whether the cut is inside a value, see
    `_inner`) and its display width."""

    at: int
    text: str
    cuts: tuple[tuple[int, int, bool], ...]
    width: int


_Box = list[_Line]
_Widths = tuple[int | None, int | None, int]  # the names' column's, the values' columns' and the effects' widths
_Part = tuple[int, str]  # a piece of a cell: its line's index, its text


class _Row:
    """A row read: its name's, values' and own effects' pieces, and its place among the boxes."""

    __slots__ = ("actual", "at", "effects", "end", "name", "named", "target", "untold")

    def __init__(self, at: int) -> None:
        self.at = at  # the name's first line
        self.end = at  # the last line of the row's own boxes
        self.name: list[_Part] = []
        self.target: list[_Part] = []
        self.actual: list[_Part] = []
        self.effects: list[_Part] = []
        self.named: frozenset[int] = frozenset()  # the lines of the name's box
        self.untold: list[str] = []  # values whose column the text does not tell


def apply(state: FormState) -> None:
    """Rebuild section 4's indicators table where its rows came one after another, its effects in runs."""
    if not signals.indicator_runs(state.source):
        return
    found = unread_header(state.lines)
    if found is None:
        return
    header, taken, end = found
    source = state.source.split("\n")
    boxes = _boxes(state.lines, source, set(taken), taken[0] + 1, end)
    if any("<" in line.text for box in boxes for line in box):
        return  # (a cell's markup: another form's text)
    value_width = _value_width([state.lines[i] or "" for i in taken])
    regions = _row_regions(boxes, value_width)
    if regions is None:
        return
    lead, rows_boxes = regions
    if lead and any(_valueish_box(box) for box in lead):
        return  # (a value before every row: no row's)
    effects_width = max((line.width for box in boxes for line in box if not line.cuts), default=0)
    widths = (_name_width([region for _, region in rows_boxes]), value_width, effects_width)
    budget = [_MOST_STEPS]  # the search's steps left, for the whole table
    rows: list[_Row] = []
    apart: list[_Box] = list(lead)  # the effects' boxes, in order
    late: list[_Line] = []  # value boxes after a later row's values
    for above, region_boxes in rows_boxes:
        read = _read_region(region_boxes, above, widths, budget)
        if read is None:
            return
        row, rest = read
        rows.append(row)
        for box in rest:
            if _valueish_box(box):
                if len(box) != 1:
                    return
                late.append(box[0])
            else:
                apart.append(box)
    if not _late_values(rows, late):
        return
    _write(state, source, header, taken, rows, apart, end)


def _boxes(lines: list[str | None], source: list[str], taken: set[int], start: int, end: int) -> list[_Box]:
    """The body's boxes: runs of lines with no blank line, header line or page break between."""
    boxes: list[_Box] = []
    box: _Box = []
    for i in range(start, end):
        line = lines[i]
        text = line.strip(" \f\u3000") if line is not None else ""
        page = (source[i] if i < len(source) else "").startswith("\f")
        if not text or i in taken or page:
            if box:
                boxes.append(box)
            box = []
            if not text or i in taken:
                continue
        if text in LONE_BULLETS:  # (a list's bullet drawn alone: layout, the item after it says so)
            if box:
                boxes.append(box)
            box = []
            continue
        raw = source[i].strip(" \f\u3000") if i < len(source) else text
        box.append(_Line(i, text, _cuts(text, raw), display_width(text)))
    if box:
        boxes.append(box)
    return boxes


def _cuts(text: str, raw: str) -> tuple[tuple[int, int, bool], ...]:
    """Where the line may be cut into cells: each space of the source's line (the renderer's gaps, which
    the text may have lost, among them), as positions in the text; none where the text is not the
    source's but for those spaces (another form rewrote it)."""
    cuts: list[tuple[int, int]] = []
    p = 0
    for ch in raw:
        if ch == " ":
            if p < len(text) and text[p] == " ":
                cuts.append((p, p + 1))
                p += 1
            elif p > 0 and (not cuts or cuts[-1] != (p, p)):  # (p only grows: a gap seen twice is the last)
                cuts.append((p, p))
            continue
        if p >= len(text) or text[p] == " ":
            return ()
        p += 1
    if p != len(text):
        return ()
    return tuple((a, b, _inner(text, a, b)) for a, b in cuts if not (a <= 1 and CIRCLED.match(text)))


# a count's own word before its number (`年 40 人`, `延べ 21 回`, `計 6 回`) and a unit after it (`40 人`):
# the renderer's gaps inside a value, never where a cell ends
_COUNT_WORD = re.compile(r"(?:[約全計年月週日第各毎]|延べ|うち)\Z")  # (`fullmatch`: the word alone)
_UNIT = re.compile(r"[人名件回所院村町市区圏域床日校社組割倍病箇かカヶケ者団体%％年月週地]")


def _inner(text: str, a: int, b: int) -> bool:
    """Whether a cut is inside a value rather than where a cell ends: between a count and its word
    before it or its unit after it (the renderer's gaps; a cell may still end there: `… 5地区 各` `5地区 延`)."""
    left, right = text[:a].rstrip(), text[b:].lstrip()
    if right[:1].isdigit() and _COUNT_WORD.search(left):
        return True
    return bool(left) and left[-1].isdigit() and _UNIT.match(right) is not None


def _row_regions(boxes: list[_Box], value_width: int | None) -> tuple[list[_Box], list[tuple[int, list[_Box]]]] | None:
    """The boxes before the first row's name, and each row's boxes from its name to the next name, with
    how many lines of its first box stand above the name's first line (a box whose line starts the next
    name is cut there, but for a taller value's first line right above it, `こころの絆` `② 地域住民へ`
    `サポーター`: centred beside the name, it starts above it); None where the names are not ①, ②, … in
    turn."""
    lead: list[_Box] = []
    regions: list[tuple[int, list[_Box]]] = []
    for whole in boxes:
        box = whole
        while box:
            cut = next((j for j, line in enumerate(box) if _numbered(line.text, len(regions))), None)
            if cut is None:
                if any(_numbered(line.text, len(regions) + 1) for line in box):
                    return None  # (a row skipped)
                (regions[-1][1] if regions else lead).append(box)
                break
            fits = all(_value_line(line, value_width) for line in box[:cut])
            above = cut if cut <= _MOST_ABOVE and box is whole and fits else 0
            if cut > above:
                (regions[-1][1] if regions else lead).append(box[: cut - above])
            rest = box[cut - above :]
            end = next((j for j in range(above + 1, len(rest)) if _numbered(rest[j].text, len(regions) + 1)), len(rest))
            regions.append((above, [rest[:end]]))
            box = rest[end:]
    if not regions:
        return None
    return lead, regions


def _value_line(line: _Line, value_width: int | None) -> bool:
    """Whether a line may be a value's: no sentence, no list's item, within the values' column."""
    return (
        value_width is not None
        and line.width <= value_width + _CLOSE
        and not line.text.endswith("。")
        and not line.text.startswith("・")
    )


_MOST_ABOVE = 1  # lines of a value centred beside a shorter name that stand above the name's first


def _numbered(text: str, n: int) -> bool:
    """Whether the line starts the n-th row's name (0: ①)."""
    return bool(text) and ord(text[0]) == _FIRST + n and not text.endswith("。")


def _name_width(regions: list[list[_Box]]) -> int | None:
    """The names' column's width: the widest of the names' lines that hold nothing else (no cut)."""
    widths = [line.width for region in regions for line in region[0] if not line.cuts and not is_value(line.text)]
    return max(widths) if widths else None


# where a value's header cell wrapped, the first line of it (`目標値 (R5`, `(R4年度当`): the column's width
_VALUE_HEAD = re.compile(r"(?:目標値|実績値)?\s?[(（](?:[A-Za-z0-9０-９]|令和|平成|昨|年|度|当|初|末)+")


def _value_width(header: list[str]) -> int | None:
    """The values' columns' width: the widest line of a value's header cell up to its bracket's end
    (`目標値 (R5`, `(R4年度当`, `目標値 (R4年度当初`: a cell wrapped in its column, or one on a line as narrow
    as its column, the template's columns being set a little wider than their header), else unknown."""
    widths = [display_width(m.group()) for line in header for m in _VALUE_HEAD.finditer(line)]
    return max(widths) if widths else None


_MOST_BOXES = 3  # boxes after a name that may hold its row's values
_MOST_STEPS = 4000  # steps of the search for the rows' readings before the table is given up
_MOST_CUTS = 24  # gaps in a line cut into cells (its ways grow with their square: a hostile line's bound)


def _read_region(boxes: list[_Box], above: int, widths: _Widths, budget: list[int]) -> tuple[_Row, list[_Box]] | None:
    """The row read from its name's box and the fewest boxes after it that make it best, and the boxes
    left (effects, or a value another row lacks); None where no reading, or two, read best."""
    best: tuple[int, int, _Row] | None = None
    tie = False
    for k in range(min(len(boxes), _MOST_BOXES + 1)):
        if k and _effects_only(boxes[k], widths[1]):
            break  # (the row's values come before its effects)
        read = _best_reading(boxes[: k + 1], above, widths, budget)
        if budget[0] < 0:
            return None  # (more ways than a table's rows are worth trying)
        if read is None:
            continue
        cost, row, ambiguous = read
        if best is None or cost < best[0]:
            best, tie = (cost, k, row), ambiguous
    if best is None or tie:
        return None
    cost, k, row = best
    if not row.name:
        return None
    row.end = boxes[k][-1].at
    row.named = frozenset(line.at for line in boxes[0])
    return row, boxes[k + 1 :]


def _effects_only(box: _Box, value_width: int | None) -> bool:
    """Whether a box holds no value's line: each of its lines' first piece (up to its first cut) is wider
    than the values' column or a sentence's, and no line is a value."""
    if value_width is None or _valueish_box(box):
        return False
    for line in box:
        piece = line.text[: line.cuts[0][0]] if line.cuts else line.text
        if display_width(piece) <= value_width + _CLOSE and "。" not in piece:
            return False
    return True


# the ways one line goes on a row's cells: N the name, V a value, E the effects (never on the name's lines)
_FIRST_LINE = (("N",), ("N", "V"), ("N", "V", "V"))
_NAME_LINE = (*_FIRST_LINE, ("V",), ("V", "V"))
_ABOVE_LINE = (("V",), ("V", "V"))
_OTHER_LINE = (("V",), ("V", "V"), ("V", "E"), ("V", "V", "E"), ("E",))
_Option = tuple[list[tuple[str, str]], int]  # a line's pieces, each with its cell, and what the cuts cost


def _best_reading(boxes: list[_Box], above: int, widths: _Widths, budget: list[int]) -> tuple[int, _Row, bool] | None:
    """The cheapest reading of a row's lines (its name's box first), and whether another reads as well:
    every way the lines' pieces go on the cells tried, those that already cost more than the best passed
    over."""
    lines = [line for box in boxes for line in box]
    box_of = {line.at: k for k, box in enumerate(boxes) for line in box}
    named = len(boxes[0])
    options = [_options(line, j - above, named - above, widths) for j, line in enumerate(lines)]
    best: list[tuple[int, _Row]] = []
    tie = False
    value_width = widths[1]

    def go(
        j: int, name: list[_Part], target: list[_Part], actual: list[_Part], effects: list[_Part], paid: int
    ) -> bool:
        nonlocal tie
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if best and paid > best[0][0]:
            return True
        if j == len(lines):
            if _centred(lines, named, name, target, actual):
                row = _Row(lines[above].at)
                row.name, row.target, row.actual, row.effects = name, target, actual, effects
                cost = paid + _cost(row, widths, box_of)
                if not best or cost < best[0][0]:
                    best[:] = [(cost, row)]
                    tie = False
                elif cost == best[0][0] and _cells(row) != _cells(best[0][1]):
                    tie = True
            return True
        index = lines[j].at
        for option, price in options[j]:
            values = [(index, piece) for kind, piece in option if kind == "V"]
            more_name = name + [(index, piece) for kind, piece in option if kind == "N"]
            more_effects = effects + [(index, piece) for kind, piece in option if kind == "E"]
            for on_target, on_actual in _placed(values, target, actual, value_width):
                if not go(j + 1, more_name, on_target, on_actual, more_effects, paid + price):
                    return False
        return True

    if not go(0, [], [], [], [], 0) or not best:
        return None
    return best[0][0], best[0][1], tie


def _placed(
    values: list[_Part], target: list[_Part], actual: list[_Part], value_width: int | None
) -> list[tuple[list[_Part], list[_Part]]]:
    """Where a line's value pieces go: two side by side on the target and the actual; one on the value
    still open (where both are, the one with fewer lines: their wrapped lines come in turn), else on the
    target or (once begun) the actual."""
    if len(values) == 2:
        return [([*target, values[0]], [*actual, values[1]])]
    if not values:
        return [(target, actual)]
    piece = values[0]
    open_target = not target or _open(target, value_width)
    open_actual = bool(actual) and _open(actual, value_width)
    if target and open_target and not actual:  # (or the actual's one line, centred between the target's)
        return [([*target, piece], actual), (target, [piece])]
    if open_target and (not open_actual or len(target) <= len(actual)):
        return [([*target, piece], actual)]
    if open_actual:
        return [(target, [*actual, piece])]
    return [([*target, piece], actual), (target, [*actual, piece])]


def _options(line: _Line, j: int, named: int, widths: _Widths) -> list[_Option]:
    """The ways a line's pieces go on the row's cells, the cheapest first: each a list of (cell, piece) and
    what its cuts cost (a cut inside a value, a piece wider than its column)."""
    # (`j` counts from the name's first line: a line above it is a taller value's first)
    shapes = _ABOVE_LINE if j < 0 else _FIRST_LINE if j == 0 else _NAME_LINE if j < named else _OTHER_LINE
    name_width, value_width, _ = widths
    out: list[_Option] = []
    for shape in shapes:
        for pieces, inner in _pieces(line, len(shape)):
            if not all(_fits(kind, piece, len(shape), widths) for kind, piece in zip(shape, pieces, strict=True)):
                continue
            price = inner * _NARROW
            for kind, piece in zip(shape, pieces, strict=True):
                width = value_width if kind == "V" else name_width if kind == "N" else None
                if width is not None and display_width(piece) > width + _CLOSE:
                    price += _CUT
            out.append((list(zip(shape, pieces, strict=True)), price))
    return sorted(out, key=lambda option: option[1])


def _pieces(line: _Line, n: int) -> list[tuple[list[str], int]]:
    """The line cut into n pieces at its cuts, every way, each with how many cuts are inside a value."""
    if n == 1:
        return [([line.text], 0)]
    if len(line.cuts) > _MOST_CUTS:
        return []  # (a line of so many gaps is no row's cells side by side: read whole only)
    out: list[tuple[list[str], int]] = []

    def go(at: int, left: int, start: int, acc: list[str], inner: int) -> None:
        if left == 1:
            rest = line.text[start:].strip()
            if rest:
                out.append(([*acc, rest], inner))
            return
        for c in range(at, len(line.cuts)):
            a, b, weak = line.cuts[c]
            piece = line.text[start:a].strip()
            if piece:
                go(c + 1, left - 1, b, [*acc, piece], inner + weak)

    go(0, n, 0, [], 0)
    return out


def _fits(kind: str, piece: str, pieces: int, widths: _Widths) -> bool:
    """Whether a piece may be a cell's of that kind: a value holds no sentence and no list's item; a name
    ends no sentence; the effects beside other cells are wider than two values or end a sentence."""
    if kind == "V":
        return "。" not in piece and not piece.startswith("・")
    if kind == "N":
        return not piece.endswith("。")
    value_width = widths[1]
    return pieces == 1 or piece.endswith("。") or value_width is None or display_width(piece) > 2 * value_width


def _centred(lines: list[_Line], named: int, name: list[_Part], target: list[_Part], actual: list[_Part]) -> bool:
    """Whether the values' lines in the name's box stand as centred cells do: between the name's first
    and last lines, or past them where the value is taller than the name (it starts beside or above the
    name's lines and goes on below them)."""
    if not name:
        return False
    last = name[-1][0]
    end = lines[named - 1].at
    for cell in (target, actual):
        below = any(last < i <= end for i, _ in cell)
        if below and not any(i <= last for i, _ in cell):
            return False  # (a value below the name only: a cell of its own, not in the name's box)
    return True


# what a reading's unlikenesses cost (a display column of two values' wrapped lines side by side that are
# not as wide as each other costs one: equal columns wrap their lines at one width)
_EMPTY = 16  # a value left empty
_NOT_VALUE = 8  # a value that reads as none
_CUT = 8  # a cell that starts or ends where no cell does
_NARROW = 4  # a wrapped line short of its column, or a cut inside a value
_APART = 17  # two one-line values of a row in one box on two lines: centred level, they share one
_CLOSE = 2  # display columns a wrapped line may stop short of its column
_NEAR_FULL = 0.85  # a list's indented lines are as wide as the column's but for the indent
_WRAP = 4  # the same for a value's line, which a count and its unit kept together may leave shorter
# what no value starts with: a word's end (a small kana, `ー`, a particle, a closing mark) or a count's unit
_UNIT_START = re.compile(r"[ぁぃぅぇぉっゃゅょゎーをの)）、。]|[人名件回所院%％]")
_ITEM_START = re.compile(r"(?!なし)[ぁ-ゖー)）、。]|[人名件回所院%％]")
_BARE_END = re.compile(r"[0-9０-９]\Z")  # a count without its unit: the unit is on the next piece
_DIGIT = re.compile(r"[0-9０-９]")
_BARE = re.compile(r"[0-9０-９][0-9０-９,，.．]*")  # a count alone
_TWO_COUNTS = re.compile(r"[0-9０-９] [0-9０-９]")  # two counts a space apart: two cells' numbers


def _cost(row: _Row, widths: _Widths, boxes: dict[int, int]) -> int:
    """How unlike a row's cells the reading's are (see the module)."""
    name_width, value_width, effects_width = widths
    cost = _uneven(row) + _off_centre(row.target, row.actual, boxes) + _off_centre(row.actual, row.target, boxes)
    for cell in (row.target, row.actual):
        one_box = not cell or boxes[cell[0][0]] == boxes[cell[-1][0]]
        cost += _value_cost(tuple(t for _, t in cell), one_box, value_width)
    cost += _name_cost(tuple(t for _, t in row.name), name_width)
    return cost + _effects_cost(tuple(t for _, t in row.effects), value_width, effects_width)


@functools.lru_cache(maxsize=4096)
def _value_cost(pieces: tuple[str, ...], one_box: bool, value_width: int | None) -> int:
    """What a value's pieces cost: empty, no value, cut where no cell is, a wrapped line short of its
    column, its lines in two boxes (a cell's lines are one box)."""
    if not pieces:
        return _EMPTY
    cost = 0 if one_box else _CUT
    text = value_text([(0, t, False) for t in pieces])
    if _COUNT_WORD.fullmatch(text):
        cost += _EMPTY  # (a count's word alone: its count is the other value's)
    elif not _valueish(text):
        cost += _NOT_VALUE
    if _BARE_END.search(pieces[-1]) or _TWO_COUNTS.search(text) or _unbalanced(pieces):
        cost += _CUT
    for k, piece in enumerate(pieces):
        if k and _open_text(pieces[:k], value_width):
            continue
        # (an item's first piece, the cell's or one after a closed one, starts as a value does, a later item
        # with no kana, `…延` `年4回` `べ18回`; and a last one is a value: `…2,500人` `数` is the name's last line)
        starts = _ITEM_START if k else _UNIT_START
        if starts.match(piece) or (k and k == len(pieces) - 1 and not _DIGIT.search(piece)):
            cost += _CUT
    if value_width is not None:
        cost += sum(_NARROW for piece in pieces[:-1] if display_width(piece) < value_width - _WRAP)
    return cost


@functools.lru_cache(maxsize=4096)
def _name_cost(pieces: tuple[str, ...], name_width: int | None) -> int:
    """What a name's pieces cost: a wrapped line short of its column (but its first: the number's width in
    the page's font is not known), brackets that do not pair."""
    cost = _CUT if pieces and _unbalanced(pieces) else 0
    if name_width is not None:
        cost += sum(_NARROW for piece in pieces[1:-1] if display_width(piece) < name_width - _CLOSE)
    return cost


@functools.lru_cache(maxsize=4096)
def _effects_cost(pieces: tuple[str, ...], value_width: int | None, effects_width: int) -> int:
    """What a row's own effects' pieces cost: not read as effects, a wrapped line short of its column,
    brackets that do not pair."""
    if not pieces:
        return 0
    cost = _CUT if _unbalanced(pieces) else 0
    if not _effects_like(list(pieces), value_width):
        cost += _CUT
    return cost + sum(_CUT for piece in pieces[:-1] if display_width(piece) < effects_width - _WRAP)


def _effects_like(pieces: list[str], value_width: int | None) -> bool:
    """Whether a row's own effects' pieces read as effects: a sentence's end, a list's item, or a line
    wider than two values side by side."""
    wide = 2 * (value_width or 0)
    return pieces[-1].endswith("。") or pieces[0].startswith("・") or max(map(display_width, pieces)) > wide


def _off_centre(one: list[_Part], other: list[_Part], boxes: dict[int, int]) -> int:
    """A value of one line in a box where the other value has more, its line not between the other's
    first and last: LibreOffice centres a cell in its row, so the shorter cell's line stands between the
    taller one's (`モデル対象者` `4人` `5人`: the 4人 the actual's); or where the other has one too, on a
    line of its own (two one-line cells stand level: pdftotext writes them on one line)."""
    if len(one) == 1 and len(other) == 1:
        at, there = one[0][0], other[0][0]
        return _APART if at != there and boxes[at] == boxes[there] else 0  # (level: on one line)
    if len(one) != 1 or len(other) < 2:
        return 0
    at = one[0][0]
    same = [i for i, _ in other if boxes[i] == boxes[at]]
    if len(same) < 2 or same[0] < at < same[-1]:
        return 0
    return _NARROW


def _uneven(row: _Row) -> int:
    """How far two values' wrapped lines side by side on one line are from being as wide as each other."""
    lasts = (row.target[-1][0] if row.target else -1, row.actual[-1][0] if row.actual else -1)
    actual = dict(row.actual)
    cost = 0
    for i, piece in row.target:
        other = actual.get(i)
        if other is None or i in lasts:
            continue
        cost += abs(display_width(piece) - display_width(other))
    return cost


# a value: counts each with a word before it and its unit after it, the last's never left out (`年40人`,
# `区民ひろば2か所で試行`, `5地域×2回`), a note in brackets after them (`（計6回）`)
_WORD = r"[^\s0-9０-９。、()（）]"  # a character of a count's word or unit
_COUNT = r"(?>[0-9０-９][0-9０-９,，.．]{0,12})"  # (whole: a count's digits are never two counts)
_UNIT_AFTER = r"(?![のをにがではとへも])"  # (a particle after a count is a phrase's, not a unit: `21の開催…`)
_MOST_COUNTS = 8  # counts in a value's piece (no space between) at most
# (between two counts one run of word characters, a unit's and the next count's word: cut nowhere, so
# that a line of many counts is matched once, not every way its runs could be cut)
_VALUE = re.compile(
    rf"{_WORD}{{0,10}}{_COUNT}{_UNIT_AFTER}(?:{_WORD}{{0,16}}{_COUNT}{_UNIT_AFTER}){{0,{_MOST_COUNTS - 1}}}"
    rf"{_WORD}{{0,5}}[^\s0-9０-９。、()（）かカヶケ](?:[(（][^()（）]*[)）])?"
)


@functools.lru_cache(maxsize=4096)
def _valueish(text: str) -> bool:
    """Whether a value's text reads as one: a value, several a space apart (a count's word a space before
    it, `延べ 21回`), or a word that says none."""
    if text in NOTHING:
        return True
    if _COUNT_WORD.search(text):
        return False  # (`5地区で各`, `7区で年`: a count's word, its count on the next line)
    parts: list[str] = []
    for part in text.split(" "):
        if parts and (not _DIGIT.search(parts[-1]) or _BARE.fullmatch(parts[-1])):
            parts[-1] += part  # (a count's label before it, `延べ 21回`, or its unit after it, `5 地区`)
        else:
            parts.append(part)
    return all(_VALUE.fullmatch(part) for part in parts)


def _open(cell: list[_Part], value_width: int | None) -> bool:
    """Whether a value goes on in its next piece: its bracket left open, or its text no value yet and its
    last line as wide as its column (`8区 各年`, `7区で年21`, `区民ひろば2か`)."""
    return _open_text(tuple(t for _, t in cell), value_width)


@functools.lru_cache(maxsize=4096)
def _open_text(pieces: tuple[str, ...], value_width: int | None) -> bool:
    text = value_text([(0, t, False) for t in pieces])
    if unclosed(text):
        return True
    if _valueish(text):
        return False
    return value_width is None or display_width(pieces[-1]) >= value_width - _WRAP


def _unbalanced(pieces: tuple[str, ...]) -> bool:
    """Whether a cell's brackets do not pair (`設置済み（2回開`, `催）`: two cells' pieces)."""
    text = "".join(pieces)
    return text.count("(") + text.count("（") != text.count(")") + text.count("）")


def _cells(row: _Row) -> tuple[str, ...]:
    return tuple(" ".join(t for _, t in cell) for cell in (row.name, row.target, row.actual, row.effects))


def _valueish_box(box: _Box) -> bool:
    """Whether a box holds a value on a line of its own (not effects')."""
    return any(_valueish(line.text) for line in box)


def _late_values(rows: list[_Row], late: list[_Line]) -> bool:
    """The value boxes written after a later row's values given to the rows before that lack one (the
    first such row first): the actual of a row whose target stood in its name's box (beside or between
    its lines: the column next to the name's), else the two values of a row whose column the text does
    not tell; whether each box has its row."""
    for line in late:
        row = next((row for row in rows if row.at < line.at and bool(row.target) != bool(row.actual)), None)
        if row is None:
            return False
        if row.target and all(i in row.named for i, _ in row.target):
            row.actual.append((line.at, line.text))
        else:
            row.untold = [value_text([(i, t, False) for i, t in row.target or row.actual]), line.text]
            row.target, row.actual = [], []
        row.end = max(row.end, line.at)
    return True


def _write(
    state: FormState,
    source: list[str],
    header: str,
    taken: list[int],
    rows: list[_Row],
    apart: list[_Box],
    end: int,
) -> None:
    """Write the table: its header at its first line, each row at its name's, the effects each row's
    where told, the rest kept as text below the table."""
    pages = [i for i in range(taken[0], end) if source[i].startswith("\f")]
    cells = _effects_cells(source, apart, [row.at for row in rows])
    given, kept = _given(rows, cells, _full(apart), pages)
    last = max([*(row.end for row in rows), *(line.at for box in apart for line in box), taken[-1]])
    out: list[tuple[int, str]] = []
    lone: list[_Row] = []
    kept_lines: list[list[str]] = []  # paragraphs kept as text, each its lines
    for row in rows:
        name = join_cell([(i, t, False) for i, t in row.name])
        values = [value_text([(i, t, False) for i, t in cell]) for cell in (row.target, row.actual)]
        if bool(row.target) != bool(row.actual):
            lone.append(row)
            kept_lines.append([values[0] or values[1]])
            values = ["", ""]
        kept_lines += [[text] for text in row.untold]
        effects = [join_cell([(i, t, False) for i, t in row.effects])] if row.effects else []
        effects += [given[id(row)]] if id(row) in given else []
        out.append((row.at, "\t".join([name, *values, " ".join(effects)])))
    kept_lines += kept
    # each row at its name's line, or above it where the text kept below the table needs the room
    room = last - sum(len(lines) + 1 for lines in kept_lines)
    placed: list[tuple[int, str]] = []
    free = taken[0]
    for k, (at, text) in enumerate(out):
        free = max(free + 1, min(at, room - (len(out) - 1 - k)))
        placed.append((free, text))
    if placed[-1][0] > room:
        return  # (no room below the rows for the text kept, a paragraph each)
    for i in range(taken[0], last + 1):
        state.lines[i] = None
    state.lines[taken[0]] = header
    for at, text in placed:
        state.lines[at] = text
    spot = placed[-1][0] + 1
    if spot <= last:
        state.lines[spot] = ""
    for lines in kept_lines:
        for text in lines:
            spot += 1
            state.lines[spot] = text
        if spot < last:
            spot += 1
            state.lines[spot] = ""
    for row in rows:
        name = CIRCLED.sub("", join_cell([(i, t, False) for i, t in row.name])).strip()
        if row in lone:
            state.note(Diagnostic.MISSING_TABLE, row.at, str(messages.LONE_VALUE(name=name)))
        elif row.untold:
            state.note(Diagnostic.MISSING_TABLE, row.at, str(messages.VALUE_LATE(name=name)))
    if kept:
        state.note(Diagnostic.MISSING_TABLE, taken[0], str(messages.EFFECTS_APART(section=4)))


def _effects_cells(source: list[str], boxes: list[_Box], starts: list[int]) -> list[tuple[int, list[_Line]]]:
    """The effects' cells, each with the index of the line it starts on: a box each, a run of boxes
    each after a bullet drawn alone (or starting with one) one list, a box that goes on a sentence the
    box before cut at the effects' full width the same cell (no row's name between: `starts`)."""
    full = _full(boxes)
    cells: list[tuple[int, list[_Line]]] = []
    listed = False
    for box in boxes:
        item = after_bullet(source, box[0].at) or box[0].text.startswith("・")
        run = bool(cells) and not any(cells[-1][1][-1].at < at < box[0].at for at in starts)
        if run and ((item and listed) or (not item and _cut_short(cells[-1][1], full))):
            cells[-1][1].extend(box)
        else:
            cells.append((box[0].at, list(box)))
        listed = item or (listed and not item and bool(cells) and len(cells[-1][1]) > len(box))
    return cells


def _full(boxes: list[_Box]) -> int:
    """The effects' column's width: its widest line."""
    return max((line.width for box in boxes for line in box), default=0)


def _cut_short(lines: list[_Line], full: int) -> bool:
    """Whether a cell's last line stops inside a sentence at the column's full width (it goes on): as
    wide as the cell's widest line (a list's lines stand indented) and near the column's."""
    last = lines[-1]
    if last.text.endswith(("。", ")", "）", "」")):
        return False
    return last.width >= max(max(line.width for line in lines) - _CLOSE, full * _NEAR_FULL)


def _given(
    rows: list[_Row], cells: list[tuple[int, list[_Line]]], full: int, pages: list[int]
) -> tuple[dict[int, str], list[list[str]]]:
    """The effects each row takes (by the row's id) and those kept as text (each cell's lines): the cells
    of a run go to the rows written since the run before that have no effects of their own, when as many;
    where a page holds two runs or more, its rows' effects came after each row (not after the page's
    rows), and a run of one cell is the row's right above it. None is given where a cell stops inside a
    sentence at its full width (its rest is elsewhere, and so is some row's cell)."""
    given: dict[int, str] = {}
    if any(_cut_short(lines, full) for _, lines in cells):
        return given, [[line.text for line in lines] for _, lines in cells]
    runs: list[tuple[list[_Row], list[list[_Line]]]] = []  # the rows waiting for a run, and the run
    events = sorted([(row.at, 0, n) for n, row in enumerate(rows)] + [(at, 1, n) for n, (at, _) in enumerate(cells)])
    waiting: list[_Row] = []
    run: list[list[_Line]] = []
    for _, kind, n in [*events, (_END, 0, -1)]:
        if kind == 1:
            run.append(cells[n][1])
            continue
        if run:
            runs.append((waiting, run))
            waiting, run = [], []
        if n >= 0 and not rows[n].effects:
            waiting.append(rows[n])
    on_page = Counter(bisect.bisect_right(pages, run[0][0].at) for _, run in runs)
    kept: list[list[str]] = []
    for waiting, run in runs:
        if waiting and len(run) == len(waiting):
            told = list(zip(waiting, run, strict=True))
        elif waiting and len(run) == 1 and on_page[bisect.bisect_right(pages, run[0][0].at)] > 1:
            told = [(waiting[-1], run[0])]  # (each row's effects right after it: the row above's)
        else:
            kept += [[line.text for line in lines] for lines in run]
            continue
        for row, lines in told:
            given[id(row)] = join_cell([(line.at, line.text, False) for line in lines])
    return given, kept
