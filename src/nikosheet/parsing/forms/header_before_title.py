"""A table's header whose first cell the converter wrote before its section's title: the two change lines.

Plain pdftotext centres a header cell in its box, so the first cell of a header taller than it (a
council's `名称`, beside `特記事項等` / `(課題・強み` / `等)`) may come out before the section's
title, which the page prints above the table, and the header's other cells after it:

    7                                   7
    名称                                精神障害にも…協議の場の実施状況
                            →
    精神障害にも…協議の場の実施状況     名称
    協議の場の構成員                    協議の場の構成員
    開催頻度 実施内容                   開催頻度 実施内容

The section's number stays right above its title, the header's cells together below it, and the
forms that read a table a cell per line find it whole; else the section before would take the
number and the cell as its last lines.  Only a line that is a template table's first header cell
alone, right before a title that the header's other cells follow, is moved.  pdftotext may also write
the section before's last cell (a box it wrote late) between the cell, right after the section's number,
and the title (`7` / `名称` / `市民への普及啓発の機会が少ない。` / the title): that cell goes before the
number, which heads the title, and the header's cell below it (two such lines at most).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.template_tables import HEADING, SPACE, Piece, header_at, non_blank

_HEADER_LINES = 12  # lines after the title where the header's other cells stand
_NUMBER = re.compile(r"^[0-9０-９]{1,2}$")  # the next section's number: no header cell follows the title
_GAP = 2  # the section before's lines between a first header cell after its section's number and the title, at most


def apply(state: FormState) -> None:
    """Move each header's first cell written before a section's title to the title's line, and the title up."""
    if not signals.header_before_title(state.source):
        return
    lines = state.lines
    tokens = non_blank(lines)
    for k in range(1, len(tokens) - 1):
        first, title = tokens[k - 1], tokens[k]
        if not HEADING.match(title[1]) or _NUMBER.match(tokens[k + 1][1]):
            continue
        if _first_cell(first, tokens[k + 1 : k + 1 + _HEADER_LINES]):
            lines[first[0]], lines[title[0]] = lines[title[0]], lines[first[0]]
            continue
        for gap in range(1, _GAP + 1):  # (the section before's late lines between the cell and the title)
            if k - gap < 2 or not _NUMBER.match(tokens[k - gap - 2][1]):
                continue
            if _first_cell(tokens[k - gap - 1], tokens[k + 1 : k + 1 + _HEADER_LINES]):
                places = [token[0] for token in tokens[k - gap - 2 : k + 1]]  # the number, the cell, the gap, the title
                texts = [lines[i] for i in places]
                moved = [*texts[2:-1], texts[0], texts[-1], texts[1]]
                for i, text in zip(places, moved, strict=True):
                    lines[i] = text
                break


def _first_cell(cell: Piece, after: list[Piece]) -> bool:
    """Whether the line is a template table's first header cell whose other cells follow the title."""
    found = header_at([cell, *after], 0)
    return found is not None and found[1][0] == SPACE.sub("", cell[1])
