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

_LABEL = re.compile(r"(長期目標|短期目標\s*[(（]今年度[)）]|短期目標|スモール\s*ステップ)(?:\s+|$)")
# what ends a value: a table's header cell, a section's heading or title, a line of markup
_STOP = re.compile(r"年度(?:\s|$)|時期\s*[(（]月|[0-9０-９]{1,2}(?:\s|$)|精神障害にも対応した|[#|<\t]")


def apply(state: FormState) -> None:
    """Each goal label with its value, as a row of two cells at the label's line."""
    if not signals.goal_rows(state.source):
        return
    lines = state.lines
    i = 0
    while i < len(lines):
        text = lines[i] or ""
        m = None if "\t" in text else _LABEL.match(text.strip(" \f\u3000"))
        if m is None:
            i += 1
            continue
        value, last = text.strip(" \f\u3000")[m.end() :].strip(), i
        j = i + 1
        while j < len(lines):
            more = lines[j]
            if more is None:
                j += 1
                continue
            more = more.strip(" \f\u3000")
            if not more or _LABEL.match(more) or _STOP.match(more):
                break
            value, last, j = join_wrapped(value, more), j, j + 1
        state.replace(i, last, f"{m.group(1)}\t{value}")
        i = last + 1
