"""A 【…】 label on a line of its own in PDF text: a sub-heading, as the samples' form writes it.

The template titles parts of a section with a bracketed label (【特徴(強み)】, 【にも包括構築の体制】).
The samples' form writes it as a markdown sub-heading with a blank line after it; the PDF converters
write it right above its text, which then reads as one paragraph with the label:

    【にも包括構築の体制】          →      ## 【にも包括構築の体制】
    保健所保健予防課が事務局となり…          保健所保健予防課が事務局となり…

It runs after the tables are rebuilt, so a table's own bracketed cells (【保健】) are rows by then.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals

_LABEL = re.compile(r"【[^】\s]{1,24}】")


def apply(state: FormState) -> None:
    """Mark each 【…】 line a sub-heading."""
    if not signals.bracket_headings(state.source):
        return
    lines = state.lines
    for i, line in enumerate(lines):
        if line and line[0] in "【 \f\u3000" and "\t" not in line and _LABEL.fullmatch(text := line.strip(" \f\u3000")):
            lines[i] = f"## {text}"
