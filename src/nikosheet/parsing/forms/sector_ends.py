"""Section 6's sectors table: a row whose label is wider than its column, written as a line of text.

The 各部門の連携状況 table's last label, `その他関係機関・住民等`, is wider than the label's column.
Converters that set a table's cells apart by a run of spaces (pdftotext's and lopdf's layout modes,
pdfplumber's) find no run between it and its status, and markitdown's pipe tables leave the
row out of the table; so the row reaches the parser as a line of text below the table's rows, its
label and its status one space apart, or the label alone (its status empty), or the label wrapped
over two lines:

    福祉\t相談支援事業所が訪問支援事業を受託している。\t地域移行支援の実績が少ない。
    その他関係機関・住民等 民生委員、町会が見守りに協力している。

becomes

    福祉\t相談支援事業所が訪問支援事業を受託している。\t地域移行支援の実績が少ない。
    その他関係機関・住民等\t民生委員、町会が見守りに協力している。

and `その他関係機関・住民` / `等` alone below the rows become `その他関係機関・住民等\t`.  Such a line
is read as the sectors' row only right below a row of the table (blank lines between), and only for
a sector the rows above have not given; otherwise it stays text (a wrapped cell's end, or a note).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import is_pipe_separator
from nikosheet.parsing.forms.template_tables import HEADING
from nikosheet.vocabulary import SECTOR_COLUMNS, SECTORS

_TITLE = "各部門の" + SECTOR_COLUMNS["status"]  # 各部門の連携状況: the table's first header cell
_LABELS = tuple(SECTORS.values())
_GAP = re.compile(r"[ \u3000]{2,}")  # the status and the strengths set apart on the label's line
_PIECE = 3  # a wrapped label's first line holds this many characters at least
_WRAP = 3  # lines a label may be wrapped over


def apply(state: FormState) -> None:
    """Write the sectors' rows found as text below the table's rows as tab rows."""
    if not signals.sector_ends(state.source):
        return
    lines = state.lines
    title = next((at for at, line in enumerate(lines) if line is not None and _TITLE in line), None)
    if title is None:
        return
    seen: list[str] = []  # the labels of the table's rows so far
    for at in range(title + 1, len(lines)):
        line = lines[at]
        if line is None or not line.strip() or is_pipe_separator(line):  # markitdown's rule between
            continue
        text = line.strip()
        if "\t" in line:
            cells = line.split("\t")
            label = cells[0].strip()
            if not label and seen and cells[1].strip() in _LABELS and cells[1].strip() not in seen:
                label = cells[1].strip()  # the label set in the status's column: its row's first cell
                lines[at] = "\t".join(cells[1:]).strip()
            if label not in _LABELS:
                return  # the rows have ended
            seen.append(label)
            continue
        if not seen or HEADING.match(text):
            return
        found = _row(lines, at, text, [label for label in _LABELS if label not in seen])
        if found is None:
            return
        last, label, rest = found
        state.replace(at, last, "\t".join([label, *_GAP.split(rest)]) if rest else f"{label}\t")
        seen.append(label)


def _row(lines: list[str | None], at: int, text: str, labels: list[str]) -> tuple[int, str, str] | None:
    """The row that the text line at `at` starts: the last line it takes, its label and what follows the
    label (`その他関係機関・住民等 －`, or `その他関係機関・住民` / `等` on lines of their own), or None."""
    for label in labels:
        if text == label:
            return at, label, ""
        if text.startswith(label) and text[len(label)] in " \u3000":
            return at, label, text[len(label) :].strip()
        if len(text) >= _PIECE and label.startswith(text):
            written = text
            for k in range(at + 1, min(at + _WRAP, len(lines))):
                nxt = (lines[k] or "").strip()
                if not nxt or "\t" in (lines[k] or ""):
                    break
                written += nxt
                if written == label:
                    return k, label, ""
                if not label.startswith(written):
                    break
    return None
