"""The schedules' goals in PDF text: a label, then its value on the same line or the next, wrapped.

The FY2024 template sets 長期目標 (section 8) and 短期目標 (今年度) / スモールステップ (section 9) as
a label cell and a value cell.  The PDF converters write the label and the value's first line on
one line (pdftotext, pypdf, pdfplumber) or on two (PyMuPDF), and the rest of the value on the lines
below, wrapped at its cell's width:

    短期目標 (今年度) 未設置市町のうち4市町で協議の場の設置に向けた
    準備会を立ち上げる。
    スモールステップ 未設置市町の担当者と圏域保健所が…

becomes

    短期目標 (今年度)⇥未設置市町のうち4市町で協議の場の設置に向けた準備会を立ち上げる。
    スモールステップ⇥未設置市町の担当者と圏域保健所が…

The value runs until a blank line, the next label, a table's header (年度, 時期(月)), a heading or a
line of markup (a table row, `#`, `|`).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import join_wrapped
from nikosheet.parsing.lines import squeeze
from nikosheet.vocabulary import GOAL_LABELS

_LABEL = re.compile(r"(長期目標|短期目標\s*[(（]今年度[)）]|短期目標|スモール\s*ステップ)(?:\s+|$)")
_FULL = tuple(f"{label}(今年度)" if label == "短期目標" else label for label in GOAL_LABELS)  # as squeezed
# what ends a value: a table's header cell, a section's heading or title, a line of markup
_STOP = re.compile(r"年度(?:\s|$)|時期\s*[(（]月|[0-9０-９]{1,2}(?:\s|$)|精神障害にも対応した|[#|<\t]")


def apply(state: FormState) -> None:
    """Each goal label with its value, as a row of two cells at the label's line."""
    if not signals.goal_rows(state.source):
        return
    lines = state.lines
    i = 0
    while i < len(lines):
        text = _text(lines[i])
        if "\t" in text:
            i += 1
            continue
        label_end = i
        if i + 1 < len(lines) and _cut_label(text, _text(lines[i + 1])):  # `短期目標 (今` / `年度)`
            text, label_end = text + _text(lines[i + 1]), i + 1
        m = _LABEL.match(text)
        if m is None:
            i += 1
            continue
        value, last = text[m.end() :].strip(), label_end
        j = label_end + 1
        while j < len(lines):
            more = _text(lines[j])
            if lines[j] is None or (not more and not value):  # a value may stand after a blank line
                j += 1
                continue
            if not more or _LABEL.match(more) or _STOP.match(more):
                break
            value, last, j = join_wrapped(value, more), j, j + 1
        state.replace(i, last, f"{m.group(1)}\t{value}")
        i = last + 1


def _text(line: str | None) -> str:
    return (line or "").strip(" \f\u3000")


def _cut_label(text: str, following: str) -> bool:
    """Whether a goal's label was wrapped: the line is the start of one, the next line its rest."""
    got, whole = squeeze(text), squeeze(text + following)
    return bool(got) and any(len(got) < len(full) and full.startswith(got) and whole.startswith(full) for full in _FULL)
