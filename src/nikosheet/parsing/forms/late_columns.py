"""A table's last column written after its rows: the column's header cell and its cells kept apart.

pdfminer (and plain pdftotext, of a Chromium PDF) writes a narrow last column a box at a time after
the other columns of the rows beside it: its header cell (wrapped over the column's lines) and then
its cells, none of them a pivot of the table (a frequency in the councils' table):

    名称                                  名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    協議の場の構成員                      推進会議⇥病院、市町村⇥年2回⇥方針の決定⇥
    開催頻度                              部会⇥保健所⇥随時⇥事例検討⇥
    実施内容                       →
    推進会議 …  部会 … 随時 事例検討      課題の整理に時間がかかる。
    特記事項等
    (課題・強み
    等)
    課題の整理に時
    間がかかる。

The header cell joins the header (`template_tables.header_late`).  The cells after it, up to the
table's end, cannot be told to their rows — a column often left empty holds fewer cells than the
table has rows — so they are kept as text below the table (their lines joined into sentences), the
other columns read without them, and the parser warns.  Where a pivot follows the late cell, the
rows go on after the column's block and the lines are left in their order.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState
from nikosheet.parsing.forms._shared import display_width, join_wrapped
from nikosheet.parsing.forms.template_tables import Piece, Table

_SENTENCE_END = ("。", "．")
_TOLERANCE = 2  # display columns: a cell's line a character wider than the header cell's (its bracket)


def late_rows(
    table: Table, rows: list[Piece], tokens: list[Piece], late: range
) -> tuple[Table, list[Piece], list[Piece]]:
    """The table's body without its header's late cell (`late`: its tokens) and, where only that
    column's cells follow it, without them too, and the table read without that column: the table,
    its body, and that column's cells (none when the column is read), to keep as text once the table
    is rebuilt (`keep_as_text`)."""
    first, last = tokens[late[0]][0], tokens[late[-1]][0]
    before = [t for t in rows if t[0] < first]
    after = [t for t in rows if t[0] > last]
    narrower = _without_last(table)
    if narrower is None or not before or not _column_cells(after, [tokens[i][1] for i in late], table):
        return table, [*before, *after], []
    return narrower, before, after


def keep_as_text(state: FormState, cells: list[Piece], column: str) -> None:
    """A late column's cells kept as its sentences below the rebuilt table, with a warning."""
    state.note(Diagnostic.MISSING_TABLE, cells[0][0], str(messages.COLUMN_AS_TEXT(column=column)))
    _sentences(state, cells)


def _sentences(state: FormState, lines: list[Piece]) -> None:
    """The column's lines joined into its sentences (a line that ends none goes on in the next), each
    at its first line."""
    at: int | None = None
    for index, text, _ in lines:
        if at is not None:
            state.lines[at] = join_wrapped(state.lines[at] or "", text)
            state.lines[index] = None
        else:
            at = index
        if text.endswith(_SENTENCE_END):
            at = None


def _column_cells(after: list[Piece], header: list[str], table: Table) -> bool:
    """Whether the lines after a header cell wrapped over lines are its column's cells: no pivot of the
    table, none wider than the header cell's lines (a narrow column's lines are as wide as it)."""
    width = max(map(display_width, header)) + _TOLERANCE
    return (
        len(header) > 1
        and bool(after)
        and all(display_width(t[1]) <= width for t in after)
        and not any(p.search(t[1]) for t in after for p in table.pivots)
    )


def _without_last(table: Table) -> Table | None:
    """The table read without its last column (left empty in every row), or None when its records
    are not one row each or that column holds a pivot."""
    n = table.record - 1
    if len(table.rows) != 1 or table.rows[0] != tuple(range(table.record)) or n in table.positions:
        return None
    return table._replace(
        record=n,
        rows=((*range(n), None),),
        optional=None if table.optional == n else table.optional,
        unlike=tuple(u for u in table.unlike if u[0] < n),
    )
