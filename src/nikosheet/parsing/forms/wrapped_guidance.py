"""The template's guidance wrapped by the page: its lines made one again.

A PDF converter writes the guidance the template prints after a label over as many lines as the
page wrapped it, so its last words stand on a line of their own and are read as the sheet's text:

    【その他事項】 ※協議の場運営における…自由に記載くだ        【その他事項】 ※協議の場運営における…自由に記載ください
    さい                                              →
    区の協議の場の取組を…                                  区の協議の場の取組を…

A line that ends inside one of the template's guidance phrases is joined with the next line (or
the one after a blank line: pdfminer writes one after each text box) when that line starts with
the phrase's rest.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.values.template import completes_guidance


def apply(state: FormState) -> None:
    """Join each guidance line the page wrapped with the line that holds its rest."""
    if not signals.wrapped_guidance(state.source):
        return
    lines = state.lines
    for i in range(len(lines) - 1):
        head = lines[i]
        if not head or ("記" not in head and "指" not in head):
            continue
        # the next line, or the one after a blank line (pdfminer writes one after each text box)
        j = i + 2 if lines[i + 1] == "" and i + 2 < len(lines) else i + 1
        tail = lines[j]
        if tail and completes_guidance(head, tail):
            state.replace(i, j, head.rstrip() + tail.strip())
