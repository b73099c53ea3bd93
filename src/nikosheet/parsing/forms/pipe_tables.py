"""Pipe tables as markitdown and pymupdf4llm write them from a PDF: rows broken at wrapped cells.

markitdown writes every visual line of a table as a pipe row, so a cell that wraps breaks its row
into several, the later ones with most cells empty; text that fell outside the cells it belonged
to sits between the rows as plain lines, each such break starts a new markdown table (a separator
row in the middle), and columns no text fills are kept as empty columns.  Such a table is known by
its cells padded to the width of its separator's.  Each logical row becomes one tab row at its
first line, its pieces joined (without a space where a Japanese line was wrapped):

    | 課題解決の達成度を | 目標値 (昨年 |     | 具体的な成果・効果 |
    | --------- | ------- | --- | --------- |
    | 測る指標      | 度当初)    |     |           |
    | ①保健・医療・福祉 | ①研修会(年1 |     | ①研修会を実施した |

becomes (the empty column dropped, the separator and the piece's line None)

    課題解決の達成度を測る指標⇥目標値 (昨年度当初)⇥具体的な成果・効果
    ①保健・医療・福祉⇥①研修会(年1⇥①研修会を実施した

A row continues the one above when every cell it fills continues a full cell above (one about as
wide as its column: the line was wrapped there) that does not end a sentence or close its brackets;
a first cell only in a column wide enough to wrap, and never a numbered label or a header.  A row
whose first cell is empty under a short cell starts a new row of the same group (the samples' form
keeps its empty first cell).  An empty header row that markitdown puts over a table without one is
layout.  Other pipe tables stay pipe rows (span_rows may still have to shift their cells), only
their cells rewritten: pymupdf4llm writes a row a line but joins a wrapped cell's lines with `<br>`
(`|a<br>b|`: joined as above); markitdown on a DOCX writes a cell's list as `* ・a * ・b`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nikosheet.parsing.forms import FormState, known_headers, signals
from nikosheet.parsing.forms._shared import (
    CLOSING,
    display_width,
    is_department,
    is_pipe_row,
    is_pipe_separator,
    unbalanced,
)
from nikosheet.parsing.lines import HEADER_WORDS, squeeze
from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    INPATIENT_AGES,
    INPATIENT_SHARES,
    ISSUE_COLUMNS,
    MENTAL_HEALTH_SUBCOMMITTEE,
    OUTCOME_COLUMNS,
    PLANNED_COLUMNS,
    ROLES,
    SECTOR_COLUMNS,
    SETUP_LEVELS,
)

_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_OPEN_BR_RE = re.compile(r"<br\s*/?>\s*$", re.IGNORECASE)
_SETUP_LEVELS = frozenset(label for label, _ in SETUP_LEVELS.values())
_ROLES = frozenset(ROLES.values())  # the labels of an issue's roles, a row each
_LATER_ROLES = _ROLES - {ROLES["administration"]}  # the first, 行政, starts the next issue's group
_LIST_ITEM_RE = re.compile(r"\s\*\s+")
_HEADING_RE = re.compile(r"[0-9０-９]{1,2}[ \u3000]|[#【＜<※]")
_ITEM_START = "・･•①②③④⑤⑥⑦⑧⑨⑩"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# two of the template's column headers that markitdown wrote as one
# (the first's own note, wrapped onto the header's next lines, after both: `目標値 実績値 (末) (当初)`)
_MERGED_RE = re.compile(
    r"(開催頻度|目標値|現状値) ((?:実施内容|実績値|目標値)\S*(?: [^ (（]\S*| [(（][^ )）]*[)）])?)(?: ([(（]\S+))?"
)
_FREQUENCY_RE = re.compile(r"(?:年|月|週|隔月)?(?<![0-9０-９])[0-9０-９]++ ?回|随時")
# a whole frequency, which a narrow column did not wrap (`2回` / `/年` is the start of one)
_YEARLY_RE = re.compile(r"(?:年|月|週)[0-9０-９]{1,2}回|[0-9０-９]{1,2}回[/／](?:年|月)|随時|隔月")
_DATED_RE = re.compile(r"(?:令和|平成|[RH])\s*[0-9０-９元●○]|[0-9０-９]{1,2}\s*月|現在")  # a year, a month
_COUNT_RE = re.compile(r"[0-9０-９][0-9０-９,]*")  # an inpatients' count: `711`, `1,102`
_SHARE_RE = re.compile(r"[0-9０-９]{1,3}[.．][0-9０-９]")  # its share: `64.5`
_VALUE_RE = re.compile(r"[0-9０-９][0-9０-９,.]*\s*\S{0,3}")  # `221 人`, `15.9 %`
_PAGE_NUMBER_RE = re.compile(r"-? ?[0-9]{1,3} ?-")  # `5 -`, `- 5 -`
_STRAY_MAX = 50  # longer plain lines are paragraphs, not a cell's stray fragment
_STRAYS_MAX = 6
_FULL = 0.7  # a cell this share of its column's width was wrapped at its end
_FILLED = 0.9  # a cell this share of its column's width may have been wrapped: shorter, it was not
_FULL_BESIDE = 0.5  # the same for the cells right of the first: short values in narrow columns
_WRAPPING = 8  # a first column whose longest line is shorter holds labels that do not wrap
_DEPARTMENT_HEADERS = ("所管部署", "連携部署")
# the labels of the 基本情報 table's sub-rows, each a row of its group, and their starts (as wrapped)
_SUB_ROW_LABELS = tuple(
    squeeze(label)
    for labels in (
        INPATIENT_SHARES,
        INPATIENT_AGES,
        DISCHARGE_RATES,
        CONSULTATION_OFFICES,
        {"": MENTAL_HEALTH_SUBCOMMITTEE},
    )
    for label in labels.values()
)
_SUB_ROWS = tuple(label[:6] for label in _SUB_ROW_LABELS)
# the template's long header cells, which a stray line may end (`課題解決の達成度を測` / `る指標`)
_LONG_HEADERS = tuple(
    squeeze(cell)
    for columns in (OUTCOME_COLUMNS, PLANNED_COLUMNS, ISSUE_COLUMNS, SECTOR_COLUMNS)
    for cell in columns.values()
    if len(cell) >= 8
)


@dataclass(slots=True)
class _Line:
    index: int
    cells: list[str] = field(default_factory=list)  # empty for a stray line
    raw: list[str] = field(default_factory=list)  # the cells with markitdown's padding
    stray: str = ""
    table: int = 0  # the markdown table it was written in
    heads: bool = False  # a separator row under it: the first row of its markdown table


def apply(state: FormState) -> None:
    """Rewrite every broken pipe table into one tab row per logical row."""
    if not signals.pipe_tables(state.source):
        return
    lines = state.lines
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line is not None and is_pipe_row(line):
            i = _region(state, i)
        else:
            i += 1


def _region(state: FormState, start: int) -> int:
    """Read the pipe table that starts at `start`, rewrite it if broken; the index after it."""
    lines = state.lines
    rows: list[_Line] = []
    widths: list[list[int]] = []  # each separator row's cell widths
    table = 0
    i = start
    while i < len(lines):
        line = lines[i]
        if line is not None and is_pipe_row(line):
            if is_pipe_separator(line):
                table += 1
                widths.append([len(c) for c in line.strip()[1:-1].split("|")])
                if rows and not any(rows[-1].cells) and rows[-1].cells:
                    lines[rows.pop().index] = None  # markitdown's empty header row: layout
                elif rows and not rows[-1].stray:
                    rows[-1].table = table  # a header row is padded with the table below it
                    rows[-1].heads = True
            else:
                raw = line.strip()[1:-1].split("|")
                rows.append(_Line(i, [c.strip() for c in raw], raw, table=table))
            i += 1
            continue
        end = _strays_end(lines, i)
        if end == i:
            break
        for k in range(i, end):
            if (stray := (lines[k] or "").strip()) and not _PAGE_NUMBER_RE.fullmatch(stray):
                rows.append(_Line(k, stray=stray, table=table))
            else:
                lines[k] = None  # a blank line or a page number among fragments: layout
        i = end
    while rows and rows[-1].stray:
        rows.pop()
    if _padded(rows, widths):  # markitdown's, a line of the PDF a row: rows broken at wrapped cells
        tail: list[_Line] = []  # the lines right after the table, which may be its last row's wrapped rest
        while i + len(tail) < len(lines) and _stray_like(lines[i + len(tail)]) and len(tail) < _STRAYS_MAX:
            tail.append(_Line(i + len(tail), stray=(lines[i + len(tail)] or "").strip()))
        _rewrite(state, rows, tail)
        if rows and not rows[-1].stray and squeeze(rows[-1].cells[0]).startswith(_DEPARTMENT_HEADERS):
            _departments_below(state, i)
    else:  # a line after a row of another table is left to the parser, which checks it is read
        _rewrite_cells(state, rows)
    return i


def _departments_below(state: FormState, start: int) -> None:
    """The departments written as text under a departments' header that ends a table, a line each,
    a space between the name and the duties (`生活援護室 生活保護法に基づく支援`): a tab row each."""
    lines = state.lines
    i = start
    while i < len(lines) and i - start < 2 and not (lines[i] or "").strip():
        i += 1
    while i < len(lines) and not is_pipe_row(lines[i] or "") and (cut := _department_cut(lines[i] or "")) is not None:
        lines[i] = "\t".join(cut)
        i += 1


def _department_cut(text: str) -> tuple[str, str] | None:
    """A department's name and its duties written one space apart (`生活援護室 生活保護法に基づく支援`,
    `精神保健福祉総合センター 自殺対策推進室 自殺未遂者支援`): the two, or None."""
    words = text.strip().split(" ")
    k = 1
    while k < len(words) - 1 and is_department(words[k]):
        k += 1
    if len(words) < 2 or not is_department(words[0]):
        return None
    return " ".join(words[:k]), " ".join(words[k:])


def _rewrite_cells(state: FormState, rows: list[_Line]) -> None:
    """A clean table's rows stay pipe rows (span_rows may still have to shift them), their cells'
    `<br>` and markdown list items rewritten; a compact row (pymupdf4llm's) that a page line cut
    goes on in the next row when that one continues it (`_compact_continues`)."""
    _join_split_columns(state, rows)
    _join_split_statistics(state, rows)
    widths: dict[tuple[int, int], int] = {}  # worked out when a compact row first needs them
    kept: list[tuple[_Line, list[str]]] = []
    label: list[str] | None = None  # the cells of the row that holds the setup group's label
    for r in rows:
        compact = all(not raw[:1].isspace() for raw in r.raw)
        if compact and _label_beside_level(r):
            state.lines[r.index] = "|" + "|".join(r.cells) + "|"
        level = compact and len(r.cells) > 1 and squeeze(_join_br(r.cells[1])) in _SETUP_LEVELS
        if level and label is not None and r.cells[0]:  # the group's label wrapped beside its levels
            label[0] = _join(label[0], _join_br(r.cells[0]))
            kept.append((r, ["", *(_cell(c, compact) for c in r.cells[1:])]))
            continue
        label = None if not level else label
        if compact and kept and not widths:
            widths = _line_widths(rows)
        if compact and kept and _role_row_with_wrapped_head(kept, r):
            continue
        if compact and kept and _header_goes_on(kept[-1], r):
            state.lines[r.index] = None
            continue
        if compact and kept and _compact_continues(kept[-1][0], r, widths):
            above_row, above = kept[-1]
            for j, c in enumerate(r.cells):  # a cell left open by `<br>` goes on in a paragraph of its own
                open_br = _OPEN_BR_RE.search(above_row.cells[j]) is not None and above[j] and c
                above[j] = f"{above[j]}<br>{_join_br(c)}" if open_br else _join(above[j], _join_br(c))
            state.lines[r.index] = None
            continue
        kept.append((r, [_cell(c, compact) for c in r.cells]))
        if level:
            label = kept[-1][1]
    for r, cells in kept:
        if cells != r.cells:
            state.lines[r.index] = "| " + " | ".join(cells) + " |"


def _join_split_columns(state: FormState, rows: list[_Line]) -> None:
    """A compact table whose header's cells split one of the template's columns in two (pymupdf4llm
    cuts a column at a position inside its lines): each row's pieces of the column joined back, line
    by line (`・圏域単<br>化する` and `位での市町支援を強` are `・圏域単位での市町支援を強化する`)."""
    columns: list[list[int]] | None = None
    width = 0
    for r in rows:
        compact = bool(r.cells) and all(not raw[:1].isspace() for raw in r.raw)
        if compact and _header(r):
            columns, width = known_headers.split_columns(r.cells, _side_by_side), len(r.cells)
        elif not compact or len(r.cells) != width:
            columns = None
        if columns is not None:
            r.cells = [_side_by_side([r.cells[k] for k in column]) for column in columns]
            r.raw = list(r.cells)
            state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _join_split_statistics(state: FormState, rows: list[_Line]) -> None:
    """The inpatients' rows of a compact table cut where no column is (pymupdf4llm): a count and its
    share (`| 711 | 64.5 |`) and a split age label (`| うち65歳 | 未満 |`) are one cell each again, and
    the label's last characters written in the first sub-row's first cell (`| 査 | 3か月未満… |`) go
    back to the label."""
    above: _Line | None = None
    for r in rows:
        cells = r.cells
        if r.raw and r.raw[0][:1].isspace():  # a padded row (an author's, markitdown's): not cut so
            above = r if cells and cells[0].strip() else above
            continue
        changed = False
        shares = any("割合" in c for c in cells)  # a row of counts with their shares (（％：構成割合）)
        k = 1
        while k < len(cells):
            left, right = cells[k - 1].strip(), cells[k].strip()
            if (shares and _COUNT_RE.fullmatch(left) and _SHARE_RE.fullmatch(right)) or (
                left.endswith("うち65歳") and right in ("未満", "以上")
            ):
                cells[k - 1 : k + 1] = [left + (" " if left[-1].isdigit() else "") + right]
                cells.append("")
                changed = True
            k += 1
        head = cells[0].strip() if cells else ""
        if above is not None and head and len(head) <= 3 and len(cells) > 1 and cells[1].strip().startswith("3か月"):
            above.cells[0] = above.cells[0].strip() + head
            cells[0] = ""
            state.lines[above.index] = "|" + "|".join(above.cells) + "|"
            changed = True
        if changed:
            r.raw = list(cells)
            state.lines[r.index] = "|" + "|".join(cells) + "|"
        above = r if cells and cells[0].strip() else above


def _side_by_side(pieces: list[str]) -> str:
    """The pieces of one cell that a converter cut into columns, joined line by line (`<br>`)."""
    if len(pieces) == 1:
        return pieces[0]
    lines = [[line.strip() for line in _BR_RE.split(piece)] for piece in pieces]
    depth = max(len(piece) for piece in lines)
    rows = ["".join(piece[k] if k < len(piece) else "" for piece in lines) for k in range(depth)]
    return "<br>".join(row for row in rows if row)


def _header_goes_on(header: tuple[_Line, list[str]], row: _Line) -> bool:
    """A row under a header that only closes the brackets its cells opened (`| | | み等) |` under
    `特記事項等(課題・強`), or that ends its first long cell (`指標`): the header's wrapped rest,
    joined to it.  Whether the row was such a one."""
    line, cells = header
    filled = [j for j, c in enumerate(row.cells) if c.strip()]
    if not _header(line) or len(cells) != len(row.cells) or not filled:
        return False
    closes = all(unbalanced(cells[j]) > 0 and unbalanced(row.cells[j]) < 0 for j in filled)
    if not closes and not _wrapped_sub_row(cells[0], _join_br(row.cells[0]).strip()):  # `…達成度を測る` / `指標`
        return False
    for j in filled:
        cells[j] = _join(cells[j], _join_br(row.cells[j]).strip())
    return True


def _role_row_with_wrapped_head(kept: list[tuple[_Line, list[str]]], row: _Line) -> bool:
    """A role's row of an issue's group (`| い | う | 医療 | 講師協力 |`) that carries the wrapped ends
    of the issue's and its policy's cells: those go to the group's first row, the role stays a row
    of its own, its first cells empty.  Whether the row was such a one."""
    role = next((k for k, c in enumerate(row.cells) if k and squeeze(_join_br(c)) in _LATER_ROLES), 0)
    above = kept[-1][1]
    if not role or len(above) != len(row.cells) or squeeze(above[role]) not in _ROLES or not any(row.cells[:role]):
        return False
    head = next(cells for _, cells in reversed(kept) if cells[0])
    for k, c in enumerate(row.cells[:role]):
        head[k] = _join(head[k], _join_br(c))
    kept.append((row, ["" for _ in row.cells[:role]] + [_cell(c, True) for c in row.cells[role:]]))
    return True


def _label_beside_level(row: _Line) -> bool:
    """A setup level's cell that starts with the label's wrapped lines (`構築に<br>都道府県`,
    pymupdf4llm): those go to the label's cell.  Whether the row had them."""
    pieces = _BR_RE.split(row.cells[1]) if len(row.cells) > 1 else []
    if len(pieces) < 2 or squeeze(pieces[-1]) not in _SETUP_LEVELS:
        return False
    row.cells[0] = _join(_join_br(row.cells[0]).strip(), _join_br("<br>".join(pieces[:-1])).strip())
    row.cells[1] = pieces[-1].strip()
    return True


def _line_widths(rows: list[_Line]) -> dict[tuple[int, int], int]:
    """Each column's widest line (a cell's lines split at `<br>`), in display columns, by cell count."""
    widths: dict[tuple[int, int], int] = {}
    for r in rows:
        for j, c in enumerate(r.cells):
            for piece in _BR_RE.split(c):
                key = (len(r.cells), j)
                widths[key] = max(widths.get(key, 0), display_width(piece.strip()))
    return widths


def _compact_continues(above: _Line, row: _Line, widths: dict[tuple[int, int], int]) -> bool:
    """A compact row that a page line cut from the row above: its label goes on, some of its cells
    are left empty, and each it fills goes on from a cell above whose last line fills its column
    and ends no sentence."""
    n = len(row.cells)
    filled = [j for j, c in enumerate(row.cells) if c]
    if n != len(above.cells) or not filled or _header(row):
        return False
    if any(_OPEN_BR_RE.search(c) for c in above.cells):  # a cell left open (`…<br>|`): it goes on below
        return not (row.cells[0][:1] in _ITEM_START or _DATED_RE.match(row.cells[0]))
    if len(filled) == n:
        return False
    if filled[0] != 0:  # under a table's first row (a page's), cells that go on beside no label,
        if not above.heads or any(row.cells[j][0] in _ITEM_START for j in filled):
            return False  # not a list's next items (`・…`)
    elif row.cells[0][0] in _ITEM_START or _DATED_RE.match(row.cells[0]):
        return False  # the row's label goes on (a row of its group has none): not a number or a date
    elif widths.get((n, 0), 0) < 2 * _WRAPPING:
        return False  # a first column of short labels (年度, 時期) does not wrap
    for j in filled:
        last = _BR_RE.split(above.cells[j])[-1].strip()
        if not last or _complete(last) or display_width(last) < _FULL * widths.get((n, j), 0):
            return False
    return True


def _cell(text: str, compact: bool) -> str:
    """`* ・a * ・b` (markitdown's list in a cell) as `<ul><li>`; `a<br>b` in a compact row
    (`|a|b|`, pymupdf4llm's, from a PDF) joined as one wrapped line.  A `<br>` in a row written
    `| a | b |` (markitdown's, pandoc's, from a DOCX) is a paragraph of the cell: kept."""
    if text.startswith("* "):
        items = [x.strip() for x in _LIST_ITEM_RE.split(text[2:])]
        return "<ul>" + "".join(f"<li>{x}</li>" for x in items if x) + "</ul>"
    return _join_br(text) if compact else text


def _strays_end(lines: list[str | None], start: int) -> int:
    """The end of a run of stray fragments at `start` that a pipe row follows; `start` if none.  A
    page's number and a blank line may stand among them (not among a table's header words)."""
    i = start
    blank = False
    while i < len(lines) and i - start < _STRAYS_MAX:
        line = lines[i]
        if line is None:
            return start
        text = line.strip()
        if is_pipe_row(text):
            headed = blank and any(squeeze(lines[k] or "").startswith(HEADER_WORDS) for k in range(start, i))
            return start if headed else i
        if i > start and (not text or _PAGE_NUMBER_RE.fullmatch(text)):
            blank = blank or not text
            i += 1
            continue
        if not text or len(text) > _STRAY_MAX or _HEADING_RE.match(text):
            return start
        i += 1
    return start


def _split_merged_headers(groups: list[_Group]) -> None:
    """markitdown joins two narrow columns' headers (`開催頻度 実施内容`), and often their cells:
    the header is split in two, and so is each row's cell below it at its first space, unless the
    column beside the header is the empty one its second half belongs in."""
    header: tuple[int, int] | None = None  # (column, column count)
    for g in groups:
        cells = g.cells
        j = next((k for k, c in enumerate(cells) if _MERGED_RE.fullmatch(c)), -1)
        if j >= 0:
            merged = _MERGED_RE.fullmatch(cells[j])
            assert merged is not None
            first, second = " ".join(filter(None, (merged[1], merged[3]))), merged[2]
            if j + 1 < len(cells) and not cells[j + 1]:
                cells[j : j + 2] = [first, second]
                header = None
            else:
                cells[j : j + 1] = [first, second]
                header = (j, len(cells) - 1)
        elif header is not None and len(cells) == header[1]:
            k = header[0]
            head, _, rest = cells[k].partition(" ") if _FREQUENCY_RE.match(cells[k]) else ("", "", cells[k])
            cells[k : k + 1] = [head, rest]
        elif cells[0] and _header(g.last):
            header = None


def _padded(rows: list[_Line], separators: list[list[int]]) -> bool:
    """Cells padded to their column's width, as markitdown writes a PDF's table line by line: a row
    whose cells are as wide as its separator's, one of them wider than `---`."""
    widths = [[len(raw) for raw in r.raw] for r in rows if not r.stray]
    return any(w in separators and max(w) > 5 for w in widths)


def _stray_like(line: str | None) -> bool:
    """A short line of text that is not a heading, a marker line, a table's header or a pipe row."""
    text = (line or "").strip()
    if not 0 < len(text) <= _STRAY_MAX or _HEADING_RE.match(text) or is_pipe_row(text):
        return False
    return not squeeze(text).startswith(HEADER_WORDS)  # a table's header, written as text


def _rewrite(state: FormState, rows: list[_Line], tail: list[_Line]) -> None:
    """One tab row per logical row, the columns no row fills left out."""
    _drop_empty_columns([r for r in rows if not r.stray])
    widths = _Widths(rows)
    groups: list[_Group] = []
    after_stray = False
    known: known_headers.KnownTable | None = None  # the template's table under a header of its own
    departments = False  # under a departments' header (所管部署名, 連携部署名): a row a department
    joined = False  # its two cells written as one (`所管部署名 所管部署における主な業務`), and each row's
    for r in rows:
        header = None if r.stray else known_headers.in_cells(r.cells)
        if joined and not r.stray and (cut := _department_cut(r.cells[0])) is not None:
            r.cells[0:1] = list(cut)
        if groups and not r.stray and _header_rest(groups[-1].last, r):
            groups[-1].add(r)  # `課題解決の達成度を測る` / `指標`: the header's wrapped rest
        elif header is not None or (not r.stray and _header(r)):
            known = header
            departments = squeeze(r.cells[0]).startswith(_DEPARTMENT_HEADERS)
            joined = departments and " " in r.cells[0] and squeeze(r.cells[0])[5:].startswith(_DEPARTMENT_HEADERS)
            if joined:
                r.cells[0:1] = r.cells[0].split(" ", 1)
            groups.append(_Group(r))
        elif not r.stray and groups and _closes_setup_label(groups, r):
            groups.append(_Group(r))
        elif r.stray and _pivot(known, r.stray) and groups:
            groups.append(_Group(_Line(r.index, [r.stray] + [""] * (len(groups[-1].cells) - 1), table=r.table)))
        elif r.stray and groups and _second_event(known, groups[-1], r.stray, widths):
            groups.append(_Group(_Line(r.index, ["", r.stray] + [""] * (len(groups[-1].cells) - 2), table=r.table)))
        elif r.stray:
            _place_stray(groups, r, widths)
        elif groups and _pivot_beside(known, groups[-1].cells, r.cells) is not None:
            if _pivot_beside(known, groups[-1].cells, r.cells):
                groups.append(_Group(r))
            else:
                groups[-1].add(r)  # a council's row goes on until the next frequency
        elif groups and r.cells and _wrapped_label(groups[-1].cells[0], r.cells[0]):
            groups[-1].add(r)  # `その他関` / `係機関・`: the sector's label goes on, and its row with it
        elif groups and _numbered_label_goes_on(groups[-1], r, widths):
            groups[-1].add(r)  # `①長期入院` / `者の退院支援`: a narrow column wrapped the indicator's name
        elif groups and (_pivot(known, "") or _numbered(groups[-1])) and not r.cells[0] and any(r.cells):
            groups[-1].add(r)  # a row with no year, month or number goes on from the one above
        elif departments and r.cells[0] and is_department(groups[-1].cells[0]):
            groups.append(_Group(r))  # a department's whole name above: this row is the next one's
        elif groups and not after_stray and not _pivot(known, r.cells[0]) and _continues(groups[-1].last, r, widths):
            groups[-1].add(r)
        else:  # markitdown starts a table again after a stray line: at a new row
            groups.append(_Group(r))
        after_stray = bool(r.stray)
    _split_merged_headers(groups)
    if groups:
        label = _label_row(groups) or groups[-1]
        while tail and _open_setup_label(label, groups[-1]) and tail[0].stray[0] not in _ITEM_START:
            label.cells[0] = _join(label.cells[0], tail[0].stray)  # the setup's label, until its as-of closes
            groups[-1].taken.append(tail.pop(0).index)
        _place_tail(groups[-1], tail, widths)
    for group in _issue_groups(groups):
        state.lines[group.first] = "\t".join(group.cells)
        for i in group.taken:
            state.lines[i] = None


def _pivot(known: known_headers.KnownTable | None, text: str) -> bool:
    """Whether `text` opens a row of a template's table whose first cell is its pivot (a year, a
    month, a circled number), or, given no text, whether there is such a table."""
    if known is None or known.pivot or known.grouped:
        return False
    return not text or known.pattern.match(text) is not None


_OTHERS = ROLES["others"]


def _role_at(cells: list[str]) -> int:
    """The column of the row's role label (行政, 医療, 福祉, その他関係機関・住民等 or its wrapped start), or 0."""
    return next((k for k, c in enumerate(cells) if k and known_headers.is_role(c)), 0)


def _issue_groups(groups: list[_Group]) -> list[_Group]:
    """The issues' table, whose issue and policy cells span their roles' rows: markitdown writes their
    lines among the roles' rows.  Under an issue's first row (行政), every later line's issue and policy
    pieces go back to that row, and a line with no role of its own goes on in the role's row above;
    the wrapped rest of `その他関係機関・住民等` goes back to its label."""
    kept: list[_Group] = []
    head: _Group | None = None
    role: _Group | None = None
    for g in groups:
        at = _role_at(g.cells)
        if at and g.cells[at] == ROLES["administration"]:
            head = role = g
        elif head is None or len(g.cells) != len(head.cells) or squeeze(g.cells[0]).startswith(HEADER_WORDS):
            head = role = None
        elif role is not None and (at or not g.cells[_role_at(role.cells)]):
            column = at or _role_at(role.cells)
            for k in range(column):
                head.cells[k] = _join(head.cells[k], g.cells[k])
                g.cells[k] = ""
            if not at:
                for k in range(column + 1, len(g.cells)):
                    role.cells[k] = _join(role.cells[k], g.cells[k])
                role.taken += [g.first, *g.taken]
                continue
            role = g
        kept.append(g)
    return kept


def _place_tail(group: _Group, tail: list[_Line], widths: _Widths) -> None:
    """The lines right after a table that go on with its last row: each into the last column whose
    cell a wrap cut (as wide as its column, no sentence ended) and that it fits, up to a sentence's end."""
    above = group.last
    for line in tail:
        if _VALUE_RE.fullmatch(line.stray):
            return  # a value of its own (`221 人`): the parser reads it with the row above
        cut = [
            j
            for j, c in enumerate(group.cells)
            if c and j < len(above.cells) and not _complete(c) and len(above.cells[j]) >= _FULL * widths.of(above, j)
        ]  # (a group's last line may hold fewer cells than the group)
        fits = [j for j in cut if len(line.stray) <= widths.of(above, j) + 2]
        if not fits:
            return
        group.cells[fits[-1]] = _join(group.cells[fits[-1]], line.stray)
        group.taken.append(line.index)
        if line.stray.endswith("。"):
            return


def _second_event(known: known_headers.KnownTable | None, group: _Group, stray: str, widths: _Widths) -> bool:
    """Under the history's header (a year a row, a row's group for a second event in one year): a
    fragment under an event that did not fill its column, and no other cell that a wrap cut, is the
    year's next event."""
    if known is None or not known.grouped or known.pivot or len(group.cells) < 2 or not group.cells[1]:
        return False
    last = group.last.cells
    cut = any(
        k > 1 and len(c) >= _FULL * widths.of(group.last, k) and not _complete(c) for k, c in enumerate(last) if c
    )
    width = widths.of(group.last, 1)
    # the event's last line: a fragment put at its end (`改組`), else its row's cell
    line = group.stray[1] if group.stray is not None and group.stray[0] == 1 else last[1]
    return not cut and len(stray) <= width + 2 and len(line) < _FILLED * width


def _pivot_beside(known: known_headers.KnownTable | None, above: list[str], cells: list[str]) -> bool | None:
    """Under a template header whose pivot is not the first cell (the councils' frequency), after a row
    that has one: whether the row has its own (a new row) or not (it goes on in the row above); None
    elsewhere."""
    if known is None or not known.pivot or known.grouped or not cells[0:1] or len(cells) != len(above):
        return None
    at = known.pivot
    if len(cells) <= at or not known.pattern.match(above[at]):
        return None
    return known.pattern.match(cells[at]) is not None


def _wrapped_label(label: str, rest: str) -> bool:
    """Whether `rest` goes on with `label`, the wrapped start of `その他関係機関・住民等`."""
    return bool(rest) and label != _OTHERS and known_headers.is_role(label) and _OTHERS.startswith(label + rest)


def _wrapped_sub_row(label: str, rest: str) -> bool:
    """Whether `rest` goes on with `label`, the wrapped start of a 基本情報 sub-row's label
    (`精神領域に関する議論を行` / `う部会の有無`) or of a long header cell (`…達成度を測` / `る指標`)."""
    start = squeeze(label)
    if len(start) < 4 or start in _SUB_ROW_LABELS or start in _LONG_HEADERS:
        return False
    whole = start + squeeze(rest)
    return any(full.startswith(whole) for full in (*_SUB_ROW_LABELS, *_LONG_HEADERS))


def _numbered_label_goes_on(group: _Group, row: _Line, widths: _Widths) -> bool:
    """Under an indicator's row (`①…`) whose name ends no sentence, a row of as many cells whose
    first is no number, item, date or header, and fits the column: the name's wrapped rest."""
    head, above = row.cells[0] if row.cells else "", group.last
    if not _numbered(group) or not head or len(row.cells) != len(above.cells) or _complete(group.cells[0]):
        return False
    if head[0] in _ITEM_START or _DATED_RE.match(head) or _header(row):
        return False
    return len(head) <= widths.of(above, 0) + 2


def _numbered(group: _Group) -> bool:
    """An indicator's row (`①…`): no row of its group comes after it, a row with no number goes on in it."""
    return bool(group.cells[0]) and group.cells[0][0] in _CIRCLED


class _Group:
    """A logical row: its cells so far, the pipe row it was last continued from, the lines it took."""

    __slots__ = ("cells", "first", "last", "stray", "taken")

    def __init__(self, row: _Line) -> None:
        self.last = row
        self.cells = [_join_br(c) for c in row.cells]
        self.first = row.index
        self.taken: list[int] = []
        self.stray: tuple[int, str] | None = None  # the last fragment put at a cell's end: (column, text)

    def add(self, row: _Line) -> None:
        for j, c in enumerate(row.cells[: len(self.cells)]):
            if c:
                self.cells[j] = _join(self.cells[j], _join_br(c))
        self.last = row
        self.stray = None
        self.taken.append(row.index)


def _place_stray(groups: list[_Group], stray: _Line, widths: _Widths) -> None:
    """A fragment outside the cells: the end of the column it fits, or, under a cell that was not
    full, the start of a new row of the same group."""
    if not groups:
        return
    group = groups[-1]
    # `その他関` / `係機関・` / `住民等`: the wrapped rest of a role's or a sector's label
    role = next((k for k, c in enumerate(group.cells) if _wrapped_label(c, stray.stray)), -1)
    role = role if role >= 0 else next((k for k, c in enumerate(group.cells) if _wrapped_sub_row(c, stray.stray)), -1)
    if role >= 0:
        group.cells[role] += stray.stray
        group.taken.append(stray.index)
        return
    above = group.last
    filled = [j for j, c in enumerate(group.cells) if c]
    fits = [j for j in filled if len(stray.stray) <= widths.of(above, j) + 2]
    head = _label_row(groups) or group
    if _open_setup_label(head, group) and stray.stray[0] not in _ITEM_START:
        head.cells[0] = _join(head.cells[0], stray.stray)  # the setup's long label, until its as-of closes
        group.taken.append(stray.index)
        return
    label = _label_row(groups)
    if not fits and label is not None and len(stray.stray) <= widths.of(label.last, 0) + 2:
        label.cells[0] = _join(label.cells[0], stray.stray)  # the group's row-spanned label goes on
        group.taken.append(stray.index)
        return
    if len(filled) > 1 and (not fits or " " in stray.stray):
        pieces = _across(stray.stray, [(j, widths.of(above, j)) for j in filled])
        # the ends of cells side by side, each going on from a cell that a wrap cut
        if pieces and (not fits or not any(_complete(group.cells[j]) for j, _ in pieces)):
            for j, piece in pieces:
                group.cells[j] = _join(group.cells[j], piece)
            group.taken.append(stray.index)
            return
    j = fits[-1] if fits else filled[-1] if filled else 0
    opened = next((k for k in filled if unbalanced(group.cells[k]) > 0), -1)
    # `…委員ヒ` / `アリング`: the one cell that a wrap cut inside a katakana word
    split = [k for k in fits if _katakana(group.cells[k][-1]) and _katakana(stray.stray[0])]
    # else, for no list's item, the fullest that a wrap cut (no sentence ended), not a short one beside it
    cut = [k for k in fits if not _complete(group.cells[k]) and len(above.cells[k]) >= _FULL * widths.of(above, k)]
    if unbalanced(stray.stray) < 0 and opened >= 0:  # `当初)`: the end of the cell that opened the bracket
        j = opened
    elif len(split) == 1:
        j = split[0]
    elif cut and stray.stray[0] not in _ITEM_START and len(above.cells[j]) < _FULL * widths.of(above, j):
        j = max(reversed(cut), key=lambda k: len(above.cells[k]) / max(widths.of(above, k), 1))
    elif filled and j != filled[-1] and len(above.cells[j]) < _FULL * widths.of(above, j):
        row = _Line(stray.index, [""] * len(group.cells), table=above.table)
        row.cells[j] = stray.stray
        groups.append(_Group(row))
        return
    group.cells[j] = _join(group.cells[j], stray.stray)
    group.stray = (j, stray.stray)
    group.taken.append(stray.index)


def _katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fc"


def _closes_setup_label(groups: list[_Group], row: _Line) -> bool:
    """A setup level's row whose first cell is the end of the group's label (`時点)`): that end goes
    back to the label, and the row is a row of the group.  Whether the row was such a one."""
    label = _label_row(groups) or groups[-1]
    head = row.cells[0]
    if not head or len(row.cells) < 2 or squeeze(row.cells[1]) not in _SETUP_LEVELS:
        return False
    if not _open_setup_label(label, groups[-1]) or unbalanced(head) >= 0:
        return False
    label.cells[0] = _join(label.cells[0], head)
    row.cells[0] = ""
    return True


def _open_setup_label(label: _Group, group: _Group) -> bool:
    """Whether `label` heads the council setup's rows (都道府県, 障害保健福祉圏域, 市町村) with a label
    whose as-of bracket has not closed yet: the label's wrapped lines go on, among its rows."""
    levels = (squeeze(g.cells[1]) in _SETUP_LEVELS for g in (label, group) if len(g.cells) > 1)
    text = label.cells[0]
    return all(levels) and bool(text) and not text.endswith((")", "）")) and unbalanced(text) >= 0


def _label_row(groups: list[_Group]) -> _Group | None:
    """The row whose first cell labels the last row's group, when that row leaves it empty."""
    if groups[-1].cells[0]:
        return None
    return next((g for g in reversed(groups) if g.cells[0]), None)


def _across(text: str, columns: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """A line wider than any column: the ends of several cells side by side, one space between.
    Its words are dealt to the columns from the right, each taking what its width holds."""
    words = text.split(" ")
    out: list[tuple[int, str]] = []
    for j, width in reversed(columns):
        if not words:
            break
        taken = [words.pop()]
        while words and len(" ".join([words[-1], *taken])) <= width + 2:
            taken.insert(0, words.pop())
        out.append((j, " ".join(taken)))
    if words or len(out) < 2 or any(len(p) > w + 2 for (_, p), (_, w) in zip(out, reversed(columns), strict=False)):
        return []
    return out[::-1]


def _drop_empty_columns(rows: list[_Line]) -> None:
    """Columns no row of a run of equally wide rows fills (a run ends at a header row)."""
    runs: list[list[_Line]] = []
    for r in rows:
        if runs and len(runs[-1][0].cells) == len(r.cells) and (not _header(r) or _header_rest(runs[-1][-1], r)):
            runs[-1].append(r)
        else:
            runs.append([r])
    for run in runs:
        if len(run) < 2:
            continue
        keep = [j for j in range(len(run[0].cells)) if any(r.cells[j] for r in run)]
        for r in run:
            r.cells = [r.cells[j] for j in keep]
            r.raw = [r.raw[j] for j in keep]


def _header_rest(above: _Line, row: _Line) -> bool:
    """Whether `row` is the wrapped rest of the header row `above`: its first cell ends a long header
    cell that the one above starts (`課題解決の達成度を測る` / `指標`)."""
    return bool(above.cells and row.cells and _header(above)) and _wrapped_sub_row(above.cells[0], row.cells[0])


def _header(row: _Line) -> bool:
    first = squeeze(row.cells[0]) if row.cells else ""
    return any(first.startswith(w) for w in HEADER_WORDS)


class _Widths:
    """Each column's width: markitdown pads every cell of a markdown table to it.  A table of one or
    two rows (markitdown starts one at every stray line) tells little: then the widest of all."""

    def __init__(self, rows: list[_Line]) -> None:
        self.table: dict[tuple[int, int, int], int] = {}
        self.region: dict[tuple[int, int], int] = {}
        self.rows: dict[int, int] = {}
        for r in rows:
            if r.stray:
                continue
            self.rows[r.table] = self.rows.get(r.table, 0) + 1
            n = len(r.cells)
            for j, raw in enumerate(r.raw):
                width = max(len(raw) - 2, len(raw.strip()))
                self.table[r.table, n, j] = max(self.table.get((r.table, n, j), 0), width)
                self.region[n, j] = max(self.region.get((n, j), 0), width)

    def of(self, row: _Line, j: int) -> int:
        n = len(row.cells)
        if self.rows.get(row.table, 0) >= 3:
            return self.table.get((row.table, n, j), 0)
        return self.region.get((n, j), 0)


def _continues(above: _Line, row: _Line, widths: _Widths) -> bool:
    """Every cell `row` fills goes on from a full cell above, the first from a column wide enough to wrap."""
    if len(above.cells) != len(row.cells):
        return False
    filled = [j for j, c in enumerate(row.cells) if c]
    if not filled or any(not above.cells[j] for j in filled):
        return False
    if _complete(above.cells[filled[0]]):
        return False
    if filled[0] == 0 and widths.of(above, 0) < _WRAPPING:
        # a narrow first column: a label that wraps (`静岡県精神` / `保健医療福`) only where the row
        # leaves a cell empty that the row above filled, and never a year or a month
        leaves_empty = any(c and not row.cells[j] for j, c in enumerate(above.cells))
        if not leaves_empty or _DATED_RE.match(row.cells[0]) or widths.of(above, 0) < 4:
            return False
    if row.cells[0] and (row.cells[0][0] in _ITEM_START or _header(row)):
        return False  # a numbered or bulleted label, or a header, starts a row
    if any(_YEARLY_RE.fullmatch(row.cells[j].split(" ", 1)[0]) for j in filled[1:]):
        return False  # a council's frequency (`年3回`) is on its row's first line
    if squeeze(row.cells[filled[0]]).startswith(_SUB_ROWS):
        return False  # a sub-row of the 基本情報 table (`一般相談支援事業所数`) is a row of its group
    if not row.cells[0] and all(row.cells[j][0] in _ITEM_START for j in filled):
        return True  # the next items of the lists above
    if len(above.cells[filled[0]]) < _FULL * widths.of(above, filled[0]):
        return False
    return all(len(above.cells[j]) >= _FULL_BESIDE * widths.of(above, j) for j in filled[1:])


def _complete(text: str) -> bool:
    """Ends a sentence or closes every bracket it opened: not cut by a wrap."""
    return text[-1] == "。" or (text[-1] in CLOSING and unbalanced(text) == 0)


def _join_br(cell: str) -> str:
    if "<" not in cell:
        return cell
    pieces = _BR_RE.split(cell)
    out = pieces[0]
    for p in pieces[1:]:
        out = _join(out.strip(), p.strip())
    return out


def _join(a: str, b: str) -> str:
    """Two pieces of a wrapped cell: no space where a Japanese line was wrapped, else one."""
    if not a:
        return b
    if not b:
        return a
    if b[0] in _ITEM_START:
        return f"{a} {b}"
    if not b[0].isascii():  # `年1` + `回)`: a Japanese line goes on (`54 人` + `15.9 %` is two words)
        return a + b
    return f"{a} {b}"
