"""The schedules' goal rows in a PDF's text: a label cell and its value, however the lines fell.

The FY2024 template opens the schedules with rows of a label and a text (長期目標 in section 8,
短期目標 (今年度) and スモールステップ in section 9).  The PDF converters write the label and the
value's first line on one line (pdftotext, pypdf, pdfplumber) or on two (PyMuPDF), the rest of the
value on the lines below, wrapped at its cell's width; and a narrow label column (LibreOffice's
PDFs) wraps the label itself:

    短期目標 (今年度) 未設置市町のうち4市町で協議の場の設置に向けた
    準備会を立ち上げる。
    長期目 全35市町に協議の場が設置され、…精神障害者が
    標
    希望する地域で暮らし続けられる。

becomes

    短期目標 (今年度)⇥未設置市町のうち4市町で協議の場の設置に向けた準備会を立ち上げる。
    長期目標⇥全35市町に協議の場が設置され、…精神障害者が希望する地域で暮らし続けられる。

From a line that starts a goal label, the label is taken from the lines' first words as long as
they spell it out, and the rest of the lines up to the next label, table's header (年度, 時期(月), or
a later header cell alone on its line, `実施内容`: pdfminer may write them before the first), table
row or heading is its value, a text the cell wrapped (joined back without breaks).  A label
not spelt out in full leaves the lines as they are.

The goal rows and the schedule below are one table of the template, and pdfminer may write its
first column's block before the rest: a value's last line then comes after the schedule's first
header cell and the pivots below it (`時期(月)`, `R6年4月`, `を確認する。`, `実施内容`).  Between a
header's first cell and its second only that column's pivots stand, so a sentence's end there is
the value's, which it goes on when its last line ended short of a sentence.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, join_wrapped
from nikosheet.parsing.forms.issue_order import LONE_BULLETS
from nikosheet.parsing.forms.template_tables import HEADING, LIST_BULLETS, MONTH_HEADER, TABLES
from nikosheet.vocabulary import GOAL_LABELS

_LABELS = (*GOAL_LABELS, "短期目標(今年度)")  # squeezed
_STARTS = tuple(label[:3] for label in _LABELS)
_SPACE = re.compile(r"\s+")
_TABLE_HEADS = ("年度", "時期")  # the schedules' tables, which the goal rows come before
# the schedules' header cells: one alone on a line ends a goal's value (pdfminer writes the header's
# later cells before its first, `実施内容` `具体的な取組` … `時期(月)`)
_HEADER_CELLS = tuple(
    re.compile(cell)
    for t in TABLES
    if t.header[0] in ("年度", MONTH_HEADER) and not t.grouped  # (not the history's 年度 / 経過 / 委託)
    for cell in t.header[1:]
)
_MOST = 8  # lines a goal row takes at most
_PIVOTS_FIRST = 6  # a schedule's pivots pdfminer may write before a goal's last line


def apply(state: FormState) -> None:
    """Each goal row a PDF's text wrote over several lines, as `label⇥value`."""
    if not signals.goal_rows(state.source):
        return
    lines = state.lines
    for i, line in enumerate(lines):
        if (
            line
            and "\t" not in line
            and "|" not in line
            and _squeezed(line).startswith(_STARTS)
            and not _stacked(lines, i)
        ):
            _rebuild(lines, i)


def _stacked(lines: list[str | None], first: int) -> bool:
    """Two labels written one after the other, each alone on its lines, then the values' boxes (plain
    pdftotext of a LibreOffice PDF and pdfminer write the narrow label column's boxes first): the first box
    goes to the first label where it ends a sentence or a list's item (or `①`) starts the next, the rest to
    the second;
    one box alone is the first label's (the goal; a step left empty).  False where the lines are not so."""
    labels: list[tuple[int, list[str], list[int]]] = []  # each label's first line, words and their lines
    boxes: list[list[int]] = []  # the value's lines, a box (a blank line apart) each
    drawn: list[int] = []  # a list's bullets drawn alone on their lines: layout, a box's end
    for j in range(first, min(first + 2 * _MOST, len(lines))):
        line = (lines[j] or "").strip()
        if not line or (boxes and line in LONE_BULLETS):
            if line:
                drawn.append(j)
            if boxes and boxes[-1]:
                boxes.append([])
            continue
        if not boxes and labels and _prefix("".join([*labels[-1][1], line])):
            labels[-1][1].append(line)  # the label's wrapped rest (`短期目標` `(今年度)`: a label whole either way)
            labels[-1][2].append(j)
            continue
        if not boxes and _squeezed(line).startswith(_STARTS) and len(labels) < 2 and _prefix(line):
            if labels and not _spelt(labels[-1][1]):
                return False
            labels.append((j, [line], [j]))
            continue
        if len(labels) < 2 or not _spelt(labels[-1][1]) or _ends(line) or "\t" in line:
            break
        if not boxes:
            boxes.append([])
        boxes[-1].append(j)
    boxes = [box for box in boxes if box]
    if len(labels) != 2 or not boxes:  # the two labels of section 9
        return False
    texts = [[(lines[j] or "").strip() for j in box] for box in boxes]
    if len(boxes) > 1 and not (texts[0][-1].endswith("。") or texts[1][0][0] in LIST_BULLETS or texts[1][0][0] == "①"):
        return False
    values = ((texts[:1], boxes[:1]), (texts[1:], boxes[1:]))  # the goal's box, the steps' boxes
    for (at, words, places), (shown, taken) in zip(labels, values, strict=True):
        label = words[0]
        for word in words[1:]:
            label = join_wrapped(label, word)
        value = _joined([t for box in shown for t in box])
        for j in [k for box in taken for k in box] + [*places[1:], *drawn]:
            lines[j] = None
        lines[at] = f"{label}\t{value}"
    return True


def _joined(value: list[str]) -> str:
    """A value's lines as one text: a list's next item on a line of its own after a space, as the cell's
    items stand; a line the cell wrapped joined back."""
    joined = ""
    for piece in value:
        joined = f"{joined} {piece}" if joined and piece[0] in LIST_BULLETS else join_wrapped(joined, piece)
    return joined


def _rebuild(lines: list[str | None], first: int, centred: bool = True) -> None:
    label: list[str] = []
    value: list[str] = []
    last = first
    above = _above(lines, first) if centred else []
    for j in range(first, min(first + _MOST, len(lines))):
        line = lines[j]
        if line is None or not line.strip():
            continue
        if _spelt(label) and (_ends(line) or (above and len(value) == len(above))):
            break  # (a label's rest may look like a header: `年度)`)
        words = line.split()
        while words and _prefix("".join([*label, words[0]])):
            label.append(words.pop(0))
        if words and j == first and (cut := _run_in(label, words[0])):
            label.append(cut)  # `長期目標病院と地域の…`: the value run into the label with no space
            words[0] = words[0][len(cut) :]
        if words:
            value.append(" ".join(words))
        last = j
    if not _spelt(label):
        return
    if above and len(value) == len(above):  # the label centred in its value's lines
        before = [(lines[j] or "").strip() for j in above]
        if min(map(display_width, before)) < max(map(display_width, value)):  # no wrapped text's first
            _rebuild(lines, first, centred=False)
            return
        value = before + value
        first = above[0]
    text = label[0]
    for word in label[1:]:
        text = join_wrapped(text, word)
    joined = _joined(value)
    tail = _tail_after_pivots(lines, last + 1) if value and not joined.endswith("。") else None
    if tail is not None:
        joined = join_wrapped(joined, (lines[tail] or "").strip())
        lines[tail] = None
    for j in range(first, last + 1):
        lines[j] = None
    lines[first] = f"{text}\t{joined}"


def _above(lines: list[str | None], first: int) -> list[int]:
    """The lines of the value above its label, where the label stands alone on its line (LibreOffice
    centres it in its row: as many of the value's lines above it as below, and those above wrapped,
    as wide as any below): the text lines right above it that are no other row's, heading or
    `name：value` line; none when the label has text after it on its line."""
    if not _spelt((lines[first] or "").split()):
        return []
    out: list[int] = []
    j = first - 1
    while j >= 0 and len(out) < _MOST // 2:
        text = (lines[j] or "").strip()
        if not text or _ends(text) or "：" in text or ":" in text or text.endswith("。"):
            break
        out.insert(0, j)
        j -= 1
    return out


def _tail_after_pivots(lines: list[str | None], start: int) -> int | None:
    """The index of a goal value's last line written after the schedule's first header cell and the
    pivots below it, right before the header's second cell; None when there is none."""
    near = ((j, (lines[j] or "").strip()) for j in range(start, min(len(lines), start + 4 * _PIVOTS_FIRST)))
    texts = [(j, text) for j, text in near if text]
    if not texts or "\t" in texts[0][1]:
        return None
    for table in (t for t in TABLES if re.fullmatch(t.header[0], _squeezed(texts[0][1]))):
        n = 1
        while n < min(len(texts), _PIVOTS_FIRST + 1) and table.pivots[0].fullmatch(texts[n][1]):
            n += 1
        if n == 1 or n + 1 >= len(texts):
            continue
        j, text = texts[n]
        second = re.fullmatch(table.header[1], _squeezed(texts[n + 1][1])) is not None
        if second and text.endswith("。") and "\t" not in text:
            return j
    return None


_LONGEST_FIRST = tuple(sorted(_LABELS, key=len, reverse=True))  # `短期目標(今年度)` before `短期目標`
_RUN_ON = re.compile(r"(?:[のにはをがでもと、。：:(（]|として|から|まで)")  # a label's own sentence goes on so


def _run_in(label: list[str], word: str) -> str | None:
    """The rest of a label that runs into its value's first word with no space (LibreOffice's PDF through
    PyMuPDF: `長期目標病院と地域の支援者が…`), where the value starts with no particle (`長期目標として…`
    is a sentence of the text, no goal row); None when the word does not so start."""
    done = _squeezed("".join(label))
    for whole in _LONGEST_FIRST:
        rest = whole[len(done) :] if whole.startswith(done) else ""
        if rest and word.startswith(rest) and len(word) > len(rest) and not _RUN_ON.match(word, len(rest)):
            return rest
    return None


def _ends(line: str) -> bool:
    """A line that ends a goal row's lines: another label, a table's header or row, a heading."""
    text = _squeezed(line)
    return (
        "\t" in line
        or "|" in line
        or text.startswith(_STARTS)
        or text.startswith(_TABLE_HEADS)
        or any(cell.fullmatch(text) for cell in _HEADER_CELLS)
        or HEADING.match(line.strip()) is not None
    )


def _prefix(text: str) -> bool:
    squeezed = _squeezed(text)
    return any(label.startswith(squeezed) for label in _LABELS)


def _spelt(label: list[str]) -> bool:
    """The label's words spell one of the labels out."""
    return _squeezed("".join(label)) in _LABELS


def _squeezed(text: str) -> str:
    return _SPACE.sub("", text)
