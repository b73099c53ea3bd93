"""Row-spanned cells as Word converters write them: repeated in every row, or dropped.

python-docx gives a merged cell's text at every grid position the merge covers, so a row-spanned
label is repeated in each row it spans and a column-spanned header twice side by side; markitdown
on a DOCX drops a row-spanned cell from the rows below its first, so the rest of the row shifts
left.  In the samples' form the label is written once, the rows below start with an empty cell and
every row has its cells in their columns:

    入院精神障害者数 (R4年6月時点)⇥合計⇥340 人          入院精神障害者数 (R4年6月時点)⇥合計⇥340 人
    入院精神障害者数 (R4年6月時点)⇥3か月未満⇥54 人  →  ⇥3か月未満⇥54 人
    | 入院後6か月時点 | % |  |   (a 4-column table)    ⇥入院後6か月時点⇥%⇥

python-docx also writes a cell's paragraphs (its list items) on lines of their own: such a row is
joined back first, its list as `<ul><li>…</li></ul>`.  A table's widest rows give its column
count; a run of tab rows (python-docx writes them; markitdown never writes a span twice) that
repeats its leading cells verbatim from the row above is a span, unless
it is every body row of a table the template does not know (an author may well write the same
text in every row of their own table).
"""

from __future__ import annotations

from itertools import pairwise

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, is_pipe_row, is_pipe_separator, pipe_cells
from nikosheet.parsing.lines import HEADER_WORDS, squeeze

_BULLETS = "・･•①②③④⑤⑥⑦⑧⑨⑩"


def apply(state: FormState) -> None:
    """Write each spanned label once and put every shifted row's cells back in their columns."""
    if not signals.span_rows(state.source):
        return
    _join_cell_paragraphs(state.lines)
    for table in _tables(state.lines):
        _restore(state, table)


def _join_cell_paragraphs(lines: list[str | None]) -> None:
    """python-docx writes a cell's paragraphs on lines of their own, so a row whose cells hold a
    list runs over several lines: each such row is joined back into one, its lists as `<ul><li>`.
    A row is complete when it has as many tabs as the table's header; list items after it are the
    end of its last cell."""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line is None or "\t" not in line:
            i += 1
            continue
        tabs = line.count("\t")
        i += 1
        while i < n:
            end = _row_end(lines, i, tabs)
            if end == i:
                break
            if end > i + 1:
                lines[i] = _joined_row(lines[i:end])
                for k in range(i + 1, end):
                    lines[k] = None
            i = end


def _row_end(lines: list[str | None], start: int, tabs: int) -> int:
    """The end of the row that starts at `start` in a table of `tabs`-tab rows; `start` if none."""
    if "\t" not in (lines[start] or ""):
        return start  # a paragraph after the table, not a row whose first cell has paragraphs
    count, i = 0, start
    while i < len(lines) and count < tabs:
        line = lines[i]
        if line is None or not line.strip() or line.count("\t") > tabs - count:
            return start
        count += line.count("\t")
        i += 1
    if count < tabs:
        return start
    while i < len(lines) and (lines[i] or "").lstrip()[:1] in _BULLETS and "\t" not in (lines[i] or "\t"):
        i += 1
    return i


def _joined_row(pieces: list[str | None]) -> str:
    cells = "\n".join(p or "" for p in pieces).split("\t")
    return "\t".join(_cell_of_lines(c) for c in cells)


def _cell_of_lines(cell: str) -> str:
    paragraphs = [x.strip() for x in cell.split("\n") if x.strip()]
    return cell_line([(x, x[0] in _BULLETS) for x in paragraphs])


def _is_row(line: str | None) -> bool:
    return line is not None and ("\t" in line or is_pipe_row(line))


def _tables(lines: list[str | None]) -> list[list[int]]:
    """Runs of consecutive table rows (indices), separator rows left out."""
    out: list[list[int]] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        if line is None and run:
            continue  # a line joined into the row above
        if _is_row(line):
            assert line is not None
            if "\t" not in line and is_pipe_separator(line):
                continue
            run.append(i)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def _cells(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else pipe_cells(line)


def _restore(state: FormState, table: list[int]) -> None:
    lines = state.lines
    rows = [_cells(lines[i] or "") for i in table]
    original = [list(r) for r in rows]
    width = max(len(r) for r in rows)
    changed = [False] * len(rows)
    for k, line_index in enumerate(table):
        line = lines[line_index] or ""
        if "\t" not in line and len(rows[k]) < width and any(rows[k]):
            rows[k] = [""] * (width - len(rows[k])) + rows[k]
            changed[k] = True
    head = next((k for k, r in enumerate(original) if any(r)), 0)
    if _header(original[head]):
        changed[head] = _unspan_columns(rows[head]) or changed[head]
    elif _repeats_throughout(original[head + 1 :]):
        return _write(lines, table, rows, changed)
    for k in range(head + 1, len(rows)):
        if "\t" not in (lines[table[k]] or ""):
            continue  # a pipe row (markitdown): it drops a span, so a repeated cell is the author's text
        n = _repeated_prefix(original[k - 1], original[k])
        for j in range(n):
            rows[k][j] = ""
            changed[k] = True
    _write(lines, table, rows, changed)


def _write(lines: list[str | None], table: list[int], rows: list[list[str]], changed: list[bool]) -> None:
    for k, line_index in enumerate(table):
        if changed[k]:
            lines[line_index] = "\t".join(rows[k])


def _header(cells: list[str]) -> bool:
    s = squeeze(" ".join(cells))
    return any(w in s for w in HEADER_WORDS)


def _unspan_columns(header: list[str]) -> bool:
    """A header cell repeated beside itself is one cell spanning two columns."""
    changed = False
    for j in range(len(header) - 1, 0, -1):
        if header[j] and header[j] == header[j - 1]:
            header[j] = ""
            changed = True
    return changed


def _repeated_prefix(above: list[str], row: list[str]) -> int:
    """How many leading cells `row` repeats from `above` (never the whole row)."""
    n = 0
    limit = min(len(above), len(row)) - 1
    while n < limit and row[n] and row[n] == above[n]:
        n += 1
    return n


def _repeats_throughout(body: list[list[str]]) -> bool:
    """Every body row repeats the row above: the author's own text, kept."""
    return len(body) >= 2 and all(_repeated_prefix(a, b) for a, b in pairwise(body))
