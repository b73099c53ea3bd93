"""The next section's number, written among a table's last cells: kept out of the table.

Plain pdftotext of a Chromium PDF writes a section heading's number box (`7`) and its title apart,
and the number often among the last row's cells of the table above, where it was read as a cell
(the 状況 of その他関係機関・住民等, a 目標値, a 委託):

    その他関係機関・住民等               その他関係機関・住民等	家族会が…協力している。	…少ない。
    7                           →
    家族会が…協力している。               7
    ピアサポーターの活動の場が少ない。
    精神障害にも対応した…協議の場の実施状況

A box that holds a number alone is the next heading's when a line a little below holds the title
of the section with that number (`協議の場の実施状況` for 7).  It is kept out of the table's cells
and written, after a blank line, at the end of the table's lines, before the heading it belongs to.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms.template_tables import Piece
from nikosheet.vocabulary import SECTIONS

_NUMBER = re.compile(r"[1-9１-９]")
_REACH = 40  # source lines below the number where its title may stand
_TITLES = {str(n): tuple(s.label for s in SECTIONS if n in s.numbers) for n in range(1, 10)}


def apart(body: list[Piece], lines: list[str | None]) -> tuple[list[Piece], list[Piece]]:
    """The table's pieces without the next headings' numbers, and those numbers."""
    numbers = [
        k
        for k, (index, text, blank) in enumerate(body)
        if blank and _NUMBER.fullmatch(text) and (k + 1 == len(body) or body[k + 1][2]) and _titled(text, index, lines)
    ]
    if not numbers:
        return body, []
    return [p for k, p in enumerate(body) if k not in numbers], [body[k] for k in numbers]


def _titled(number: str, index: int, lines: list[str | None]) -> bool:
    """Whether a line below holds the title of the section with the number (or it and the next line,
    where the title wrapped: `…取組の` `成果・効果`)."""
    titles = _TITLES[str(int(number))]
    below = [line.strip() for line in lines[index + 1 : index + _REACH] if line and line.strip()]
    pairs = [a + b for a, b in zip(below, [*below[1:], ""], strict=True)]
    return any(title in pair for pair in pairs for title in titles)


def fits(numbers: list[Piece], last_row: int, last: int) -> bool:
    """Whether the numbers the table's lines took (those up to `last`, its last line) can be written
    back after its last row (`last_row`, its index) with a blank line between: one number at most."""
    taken = [p for p in numbers if p[0] <= last]
    return not taken or (len(taken) == 1 and last - 1 > last_row)


def restore(lines: list[str | None], numbers: list[Piece], last: int) -> None:
    """Write the number the table's lines took back at their end (`last`), a blank line before it."""
    for _, text, _ in (p for p in numbers if p[0] <= last):
        lines[last - 1] = ""
        lines[last] = text
