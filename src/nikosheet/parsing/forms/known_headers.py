"""The template's own table headers found in a converter's text, and what they tell of the rows below.

A known header says which cell opens a row: the pivot whose form the template fixes (a fiscal year,
a month, a frequency, a circled number).  A cell that wraps over several lines has the pivot on its
row's first line only, so the lines between two pivots are one row, however long or short their
texts are.  In columns laid out with spaces (`pdftotext -layout`, pdfplumber and pypdf in layout
mode; see `layout_columns`) the header also says where its columns start, each header cell standing
where its column's text starts:

    名称          協議の場の構成員       開催頻度 実施内容
    柏市精神障害にも対応した地域  保健, 医療, 福祉, ピ  年1回   事業・取組み
    包括ケアシステム構築推進事業  アサポーター          報告
    同事業(実務者会議)        保健, 医療           年6回   具体的な課題

has two rows, opened by `年1回` and `年6回`.  In a pipe table (see `pipe_tables`) the header is a
row of cells: under a schedule's `| 年度 | 実施内容 | 具体的な取組 |`, a row with no year goes on
from the row above.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

from nikosheet.parsing.forms import template_tables
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import ROLES

ROLE_WORDS = tuple(ROLES.values())  # an issue's roles, a row each in the issues' table, 行政 first

_LITERAL_RE = compile_lazily(r"[^\\(\[?*+{|.]+")  # on first use: only the indicators' table's reading asks it
# a header cell's first characters are enough to find it on the header's first line, which may
# hold only part of a long cell (`課題解決の達成度を` / `測る指標`)
_PREFIX = 4
_SNAP = 4  # how far a body column may start from its header cell (two wide characters): a converter's rounding
# tables whose pivot is a name, which the wrapped rest of a name may look like
_NAMED = ("所管部署名", "連携部署名")


class KnownTable(NamedTuple):  # not a frozen dataclass, which costs 0.6 ms to define
    """A table of the template found by its header: its columns' starts and the cell that opens a row."""

    columns: list[int]
    pivot: int  # the column of the pivot cell
    pattern: re.Pattern[str]  # what a pivot cell's text matches
    grouped: bool  # a row may be followed by rows of its group, with no pivot of their own


def _prefix(cell: str) -> str:
    match = _LITERAL_RE.match(cell)
    return match.group()[:_PREFIX] if match else ""


@functools.cache
def _specs() -> tuple[tuple[template_tables.Table, tuple[str, ...], re.Pattern[str]], ...]:
    """Each table whose pivot opens its record: its header cells' first characters, and its whole header,
    the last cell perhaps cut short where it wraps (`特記事項等(課題・強み`)."""
    return tuple(
        (
            table,
            tuple(_prefix(cell) for cell in table.header),
            re.compile(
                "".join(table.header[:-1]) + f"(?:{table.header[-1]}|{re.escape(_prefix(table.header[-1]))}\\S*)"
            ),
        )
        for table in template_tables.TABLES
        if len(table.pivot_sources) == 1 and table.record == len(table.header) and table.header[0] not in _NAMED
    )


def in_layout(header: str, found: list[int]) -> KnownTable | None:
    """The template's table whose header is the line `header`, with its columns: those `found` by the
    body's text when there are as many as header cells (a converter may set the header's line apart
    from its body's), else each header cell's start, or a column found within a step of it."""
    for table, prefixes, _ in _specs():
        starts = _starts(header, prefixes)
        if starts is not None:
            columns = [
                min((c for c in found if abs(c - s) <= _SNAP), key=lambda c: abs(c - s), default=s) for s in starts
            ]
            if len(found) == len(starts):
                columns = found
            elif _squeezed(header, starts) and (drifted := _drifted(starts, found)) is not None:
                columns = drifted
            elif found:
                columns[0] = min(columns[0], found[0])
            return KnownTable(columns, table.positions[0], table.pivots[0], table.grouped)
    return None


def _squeezed(header: str, starts: list[int]) -> bool:
    """Whether the header's cells stand one space apart: the converter pushed each cell left of its
    column to fit the header's wide text on the line."""
    return all(header[k - 2] != " " for k in starts[1:])


_DRIFT = 16  # how far right of a squeezed header's cell its column may start
_UNMATCHED = 6  # the cost of a header cell with no column of the body's, or a body column with no header cell


def _drifted(starts: list[int], found: list[int]) -> list[int] | None:
    """The columns under a squeezed header: the body's columns matched to the header's cells in order
    at least cost (a column starts at most a step left of its cell, or up to `_DRIFT` right of it), a
    cell with no column of the body's at its own start; None when they would not be in order."""
    # best[k][n]: the least cost of the first k cells against the first n columns, and the columns
    best: dict[tuple[int, int], tuple[int, list[int]]] = {(0, 0): (0, [])}
    for k in range(len(starts) + 1):
        for n in range(len(found) + 1):
            if (k, n) not in best:
                continue
            cost, columns = best[k, n]
            steps = [(k, n + 1, cost + _UNMATCHED, columns)]
            if k < len(starts):
                steps.append((k + 1, n, cost + _UNMATCHED, [*columns, starts[k]]))
                if n < len(found) and -_SNAP <= found[n] - starts[k] <= _DRIFT:
                    steps.append((k + 1, n + 1, cost + abs(found[n] - starts[k]), [*columns, found[n]]))
            for key_k, key_n, new, cols in steps:
                if key_n <= len(found) and new < best.get((key_k, key_n), (new + 1, []))[0]:
                    best[key_k, key_n] = (new, cols)
    columns = best[len(starts), len(found)][1]
    return columns if all(a < b for a, b in itertools.pairwise(columns)) else None


def _starts(header: str, prefixes: tuple[str, ...]) -> list[int] | None:
    """Where each header cell starts on the line, in order, each at a word's start; None unless all are there."""
    if not all(prefixes) or not header.lstrip().startswith(prefixes[0]):
        return None
    starts: list[int] = []
    at = 0
    for prefix in prefixes:
        k = header.find(prefix, at)
        if k < 0 or (k > 0 and header[k - 1] != " "):
            return None
        starts.append(k)
        at = k + len(prefix)
    return starts


def in_cells(cells: list[str]) -> KnownTable | None:
    """The template's table whose header is this row of cells (a cell may hold two header cells a
    converter joined, or none), with no columns of its own: the cells are the columns."""
    if not cells or not cells[0][:1].strip():
        return None
    text = "".join("".join(cell.split()) for cell in cells)
    for table, _, header in _specs():
        if header.fullmatch(text):
            return KnownTable([], table.positions[0], table.pivots[0], table.grouped)
    return None


_LEAD_MAX = 2  # a header line's end cut past its column: a character or two


def split_columns(cells: list[str], side_by_side: Callable[[list[str]], str]) -> list[list[int]] | None:
    """A header row whose cells split the template's header cells (pymupdf4llm cuts a column at a
    position inside its lines: `| 課題解決 | に向けた取組方針 |`, an empty cell beside `課題`): the
    cells of each column that is one in the template, or None where the cells are its header's own.
    `side_by_side` joins the pieces of one cell.  An empty cell goes with the one before it; a header
    cell over two columns (the issues' roles: a role and its text) keeps its two."""
    for table in template_tables.TABLES:
        groups = _fit(cells, table.cells, side_by_side)
        if groups is None:
            continue
        columns: list[list[int]] = []
        for g, group in enumerate(groups):
            spans = table.header_row.count(g) + _spare(table.header_row, g)
            columns.extend([group] if spans == 1 else [[k] for k in group])
        return columns if len(columns) < len(cells) else None
    return None


def _fit(
    cells: list[str], patterns: tuple[re.Pattern[str], ...], side_by_side: Callable[[list[str]], str], k: int = 0
) -> list[list[int]] | None:
    """The cells from `k` on that each header cell of a table is made of, in order; None unless they
    make it all (a shorter piece may match a header cell too: `現状値 (初)`, then the next is tried)."""
    if not patterns:
        return [] if k == len(cells) else None
    if k == len(cells):  # the cells ran out before the header's: not this table
        return None
    lead = _lead(cells[k]) if k else ""
    for end in range(k + 1, min(k + 4, len(cells)) + 1):
        text = "".join(side_by_side(cells[k:end]).replace("<br>", "").split())
        if not (patterns[0].fullmatch(text) or (lead and patterns[0].fullmatch(text.removeprefix(lead)))):
            continue
        while end < len(cells) and not cells[end].strip():
            end += 1  # an empty cell beside a header cell: the rest of its column
        rest = _fit(cells, patterns[1:], side_by_side, end)
        if rest is not None:
            return [list(range(k, end)), *rest]
    return None


def _lead(cell: str) -> str:
    """The first line of a header cell when it is one or two characters that the cut put past their
    column's edge, the end of the cell before's first line (`度` in `|現状値 (今年<br>当初)|度<br>目標値…|`,
    `現状値 (今年度` wrapped); else ""."""
    first, br, _ = cell.partition("<br>")
    first = first.strip()
    return first if br and 0 < len(first) <= _LEAD_MAX else ""


def _spare(row: tuple[int | None, ...], cell: int) -> int:
    """The empty header cells right after the header cell `cell`: columns it spans too."""
    at = row.index(cell) + 1 if cell in row else len(row)
    spare = 0
    while at < len(row) and row[at] is None:
        spare, at = spare + 1, at + 1
    return spare


def is_role(text: str) -> bool:
    """An issue's role, or the start of the last one's label where it wraps (`その他関係機`)."""
    return text in ROLE_WORDS or (len(text) >= 3 and ROLE_WORDS[-1].startswith(text))


def header_cells(line: str) -> list[str] | None:
    """The cells of a template header written as one line of text (`課題 課題解決に向けた取組方針 …`),
    or None when the line is not one."""
    text = "".join(line.split())
    for table, header in zip(template_tables.TABLES, template_tables.headers(), strict=True):
        match = header.fullmatch(text)
        if match is not None:  # a header cell over two columns and the empty one beside it, as the samples' form
            return ["" if g is None else match.group(g + 1) for g in table.header_row]
    return None
