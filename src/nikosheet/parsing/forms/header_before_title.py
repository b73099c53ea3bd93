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
alone, right before a title that the header's other cells follow, is moved.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms.template_tables import HEADING, SPACE, header_at, non_blank

_HEADER_LINES = 12  # lines after the title where the header's other cells stand
_NUMBER = re.compile(r"^[0-9０-９]{1,2}$")  # the next section's number: no header cell follows the title


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
        found = header_at([first, *tokens[k + 1 : k + 1 + _HEADER_LINES]], 0)
        if found is not None and found[1][0] == SPACE.sub("", first[1]):
            lines[first[0]], lines[title[0]] = lines[title[0]], lines[first[0]]
