"""Cells: markup removed, items split, bullets stripped (see docs/reading.md)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from nikosheet.typography import starts_hiragana
from nikosheet.vocabulary import CIRCLED

_SPACE = " \t\u3000\u00a0"
_TAG_RE = re.compile(
    r"</?(?:ul|ol|li|p|br|span|div|b|i|u|em|strong|sup|sub|font|td|th|tr|table)\b[^<>]*>",
    re.IGNORECASE,
)
_LI_RE = re.compile(r"<li\b[^<>]*>", re.IGNORECASE)
_BR_RE = re.compile(r"<br\b[^<>]*>", re.IGNORECASE)
_P_RE = re.compile(r"<p\b[^<>]*>", re.IGNORECASE)
_MARKS = "◆◇■□●○◎★☆▪▫◼"
# a bullet at the start of an item: ・ / 1. / 1) / (1) / ① / a mark followed by a space
_BULLET_RE = re.compile(
    r"(?:[・･]|[0-9０-９]{1,2}[.．)）](?![0-9０-９])|[(（][0-9０-９]{1,2}[)）]|["
    + _MARKS
    + r"](?=[ \u3000]))[ \u3000]*"
)
# a cell holding one of these is prose, not items apart by spaces: looked for with `in`, since a class of
# them (Japanese and ASCII mixed) compiles to a 64 KiB map on every run
_NO_SPACE_SPLIT = ("、", ",", "，", "。", "\n")
_SPACES_RE = re.compile(r"[ \u3000]+")
# an indicator's name that ends with a value (`…の設置18市町村`): the value's cell read into the name
NAME_VALUE = r"\d\s*(?:回|人|名|件|か所|カ所|箇所|病院|市町村|圏域|%|％)$"
NOTE_LONGEST = 16  # characters: a label's note (`※630調査`), not the template's guidance (`※各部門の…`)


def holds_any(text: str, needles: Iterable[str]) -> bool:
    """Whether the text holds any of the needles: `any()` over a generator made for each text (or over
    `map(text.__contains__, …)`) costs more than the looks themselves, on the thousands of cells and
    lines a batch asks of."""
    for needle in needles:  # noqa: SIM110 (see above)
        if needle in text:
            return True
    return False


def strip_tags(cell: str) -> str:
    """The cell without its HTML markup (a `<br>` becomes a newline) and outer white space."""
    if "<" not in cell:
        return cell.strip(_SPACE)
    if "<b" in cell or "<B" in cell:
        cell = _BR_RE.sub("\n", cell)
    return _TAG_RE.sub(" ", cell).strip(_SPACE)


_BULLET_FIRST = frozenset("・･0123456789０１２３４５６７８９(（" + _MARKS)


def strip_bullet(item: str) -> str:
    """The item without the bullet or number it starts with (`・`, `1.`, `(1)`, `①`, `◆ `)."""
    item = item.strip(_SPACE)
    if not item:
        return item
    first = item[0]
    if first in _BULLET_FIRST:  # only these can start a bullet (see _BULLET_RE)
        m = _BULLET_RE.match(item)
        if m and m.end() < len(item):
            item = item[m.end() :]
    elif first in CIRCLED and len(item) > 1:
        item = item[1:].lstrip(_SPACE)
    return item


def circled_number(text: str) -> tuple[int | None, str]:
    """`①保健医療` → (1, '保健医療'); `1. 名称` → (1, '名称'); no number → (None, text)."""
    text = text.strip(_SPACE)
    if not text or text[0] not in _NUMBER_FIRST:
        return None, text
    if text[0] in CIRCLED:
        return CIRCLED.index(text[0]) + 1, text[1:].strip(_SPACE)
    m = _NUMBERED_RE.match(text)
    if m:
        return int(m.group(1).translate(_FW_DIGITS)), text[m.end() :]
    return None, text


_NUMBERED_RE = re.compile(r"[(（]?([0-9０-９]{1,2})[.．)）][ \u3000]*")
_NUMBER_FIRST = frozenset("(（0123456789０１２３４５６７８９" + CIRCLED)
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


_PLAIN_RE = re.compile("[<・･①-⑳ \u3000\t]")


def _pieces(cell: str, split_spaces: bool) -> list[str]:
    if not _PLAIN_RE.search(cell):  # no markup, bullets or spaces: the cell is one piece
        return [cell] if cell else []
    return _marked_pieces(cell, split_spaces)


def _marked_pieces(cell: str, split_spaces: bool) -> list[str]:
    """The pieces of a cell that `_PLAIN_RE` found something in (`cell_items` and `cell_text` look
    first: the search, a couple of thousand instructions a cell, is not run twice)."""
    if "<" in cell:
        if _LI_RE.search(cell):
            parts = _LI_RE.split(cell)[1:]
            return [strip_tags(p) for p in parts]
        if _BR_RE.search(cell):
            return [p for part in _BR_RE.split(cell) for p in _pieces(part, split_spaces)]
        if len(_P_RE.findall(cell)) > 1:  # paragraphs: `<p>a</p><p>b</p>`
            return [p for part in _P_RE.split(cell) for p in _pieces(part, split_spaces)]
        text = strip_tags(cell)
    else:
        text = cell.strip(_SPACE)
    if not text:
        return []
    if "・" in text or "･" in text:
        parts = _split_before(text, "・･")
        if len(parts) > 1 or text[0] in "・･":
            return parts
    if text[0] in CIRCLED:
        return _split_before(text, CIRCLED, _in_turn(text))
    if split_spaces and (" " in text or "\u3000" in text) and not holds_any(text, _NO_SPACE_SPLIT):
        parts = _with_quantities(_outside_brackets(_SPACES_RE.split(text)))
        if len(parts) > 1 and not any(starts_hiragana(p) for p in parts):
            return parts
    return [text]


# a number with a short unit (`60人`, `15 名`, `80%`), perhaps after a short word (`年60人`, `市内8病院`,
# `約30件`): the value of the words before it, not an item
_QUANTITY_RE = re.compile(r"[^\s0-9０-９]{0,3}[0-9０-９][0-9０-９,，.．]*[^\s0-9０-９]{0,3}")
_OPENERS, _CLOSERS = "(（「『【［[", ")）」』】］]"


def _outside_brackets(parts: list[str]) -> list[str]:
    """Space-split pieces with the pieces inside brackets joined back: `試行（対象者 10人程度）` is one."""
    out: list[str] = []
    depth = 0
    for p in parts:
        if not p:
            continue
        if depth > 0:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
        # (map over bound methods, not generators: a Python frame fewer for each piece)
        depth = max(0, depth + sum(map(p.count, _OPENERS)) - sum(map(p.count, _CLOSERS)))
    return out


def _with_quantities(parts: list[str]) -> list[str]:
    """Space-split pieces with each quantity joined back to the piece before it:
    `新規対象者 60人` and `合同研修 1回（参加者 84名）` are one item each, `医療 保健 福祉` three."""
    out: list[str] = []
    for p in parts:
        if out and _QUANTITY_RE.fullmatch(_before_remark(p)) and not _QUANTITY_RE.fullmatch(out[-1]):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _before_remark(piece: str) -> str:
    """A piece without the bracketed remark it ends with: `1回（参加者 84名）` → `1回`."""
    if piece and piece[-1] in _CLOSERS:
        at = min((i for i in (piece.find(c) for c in _OPENERS) if i > 0), default=-1)
        if at > 0:
            return piece[:at]
    return piece


def _positions(text: str, marks: str) -> list[int]:
    """Where any of the marks stands in the text (str.find runs in C: cells are long)."""
    out = []
    for mark in marks:
        i = text.find(mark)
        while i >= 0:
            out.append(i)
            i = text.find(mark, i + 1)
    if len(out) > 1 and len(marks) > 1:
        out.sort()
    return out


def _split_before(text: str, marks: str, also: tuple[int, ...] = ()) -> list[str]:
    """Split where a mark stands at the start or after white space (`事業・取組み` stays whole), and at
    the positions `also` gives."""
    cuts = sorted({i for i in _positions(text, marks) if i == 0 or text[i - 1] in _SPACE} | set(also))
    if not cuts:
        return [text]
    bounds = ([0] if cuts[0] else []) + cuts + [len(text)]
    return [text[a:b].strip(_SPACE) for a, b in itertools.pairwise(bounds)]


def _in_turn(text: str) -> tuple[int, ...]:
    """Where the circled numbers after the one the text opens with stand in turn (`①…（4病院）②…`: a
    converter that joined the cell's wrapped lines lost the space before `②`); not a reference to one
    (`①…指標②を…`, `…（②参照）`, `②、③は…`: inside brackets, or a particle or a mark after it)."""
    cuts: list[int] = []
    at, number = 0, CIRCLED.index(text[0]) + 1
    while number < len(CIRCLED) and (at := text.find(CIRCLED[number], at + 1)) > 0:
        if circled_reference(text[at + 1 :]) or _open_brackets(text[:at]):
            break
        cuts.append(at)
        number += 1
    return tuple(cuts)


def _open_brackets(text: str) -> bool:
    """Whether the text leaves a bracket open (what follows stands inside it)."""
    return sum(text.count(c) for c in _OPENERS) > sum(text.count(c) for c in _CLOSERS)


def circled_reference(after: str) -> bool:
    """Whether a circled number followed by this text refers to an item rather than opening one: a particle
    or a mark after it (`②を参照`, `②、③は`, `①～③の`, `②・③と`, `（②）`), or nothing."""
    return not after or starts_hiragana(after) or after[0] in _REFERENCE_MARKS


_REFERENCE_MARKS = "、。，,・･～〜~-）)」』" + CIRCLED  # (see `circled_reference`)


def cell_items(cell: str, split_spaces: bool = True) -> list[str]:
    """A cell that feeds a list field, as items without bullets."""
    if not cell:
        return []
    if not _PLAIN_RE.search(cell):  # one piece: no markup, bullets or spaces
        p = strip_bullet(cell)
        return [p] if p else []
    out = []
    for p in _marked_pieces(cell, split_spaces):
        p = strip_bullet(p)
        if p:
            out.append(p)
    return out


def cell_text(cell: str) -> str | None:
    """A cell that feeds a text field: markup removed, bulleted items joined with a newline."""
    if not cell:
        return None
    if not _PLAIN_RE.search(cell):
        return cell
    pieces = _marked_pieces(cell, split_spaces=False)
    if len(pieces) > 1:
        text = "\n".join(x for x in (strip_bullet(p) for p in pieces) if x)
    elif pieces:
        text = strip_bullet(pieces[0]) if _LI_RE.search(cell) else pieces[0]
    else:
        text = ""
    return text or None


def short_note(text: str) -> bool:
    """Whether a text is a label's short note (`※630調査`), not the template's guidance (`※各部門の…`)."""
    return text.startswith("※") and len(text) <= NOTE_LONGEST
