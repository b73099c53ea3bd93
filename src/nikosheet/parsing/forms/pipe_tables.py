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
from typing import TYPE_CHECKING

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, pipe_issues, signals
from nikosheet.parsing.forms._shared import (
    CLOSING,
    GOAL_RE,
    display_width,
    is_department,
    is_pipe_row,
    is_pipe_separator,
    unbalanced,
)
from nikosheet.parsing.forms.pipe_rows import (
    BR_RE,
    DATED_RE,
    FULL,
    ITEM_START,
    LEVEL_LABELS,
    WRAPPING,
    PipeRow,
    RowGroup,
    Widths,
    closes_setup_label,
    complete,
    continues,
    event_row,
    goal_label_start,
    is_header_row,
    issue_groups,
    join_br,
    join_text,
    label_row,
    numbered,
    numbered_label_goes_on,
    open_setup_label,
    pivot,
    pivot_apart,
    pivot_beside,
    place_stray,
    place_tail,
    role_row,
    second_event,
    wrapped_label,
    wrapped_sub_row,
)
from nikosheet.parsing.headings import TITLE_ENDS, title_key
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import HEADER_WORDS, squeeze
from nikosheet.vocabulary import (
    CIRCLED,
    INDICATORS_HEAD,
    ISSUE_COLUMNS,
    LIST_LABELS,
    NOTE_MARKS,
    OUTCOME_COLUMNS,
    PLANNED_COLUMNS,
    ROLES,
    ROLES_HEADER,
    SECTORS,
)

if TYPE_CHECKING:  # imported where a table needs it (see pipe_rows)
    from nikosheet.parsing.forms import known_headers
_OPEN_BR_RE = compile_lazily(r"<br\s*/?>\s*$", re.IGNORECASE)
_ROLES = frozenset(ROLES.values())  # the labels of an issue's roles, a row each
_LATER_ROLES = _ROLES - {ROLES["administration"]}  # the first, 行政, starts the next issue's group
# two roles' labels printed one under the other in one cell (`医療<br>福祉`): pymupdf4llm ran the row of a
# role whose action is empty into the row beside it
_ROLE_PAIRS = {a + b: (a, b) for a, b in zip(tuple(ROLES.values()), tuple(ROLES.values())[1:], strict=False)}
_SECTOR_LABELS = frozenset(SECTORS.values())
_ROW_LABELS = _SECTOR_LABELS | _ROLES  # the template's row labels, one a row, that may wrap in their cell
_NAME_END = 5  # a department's name cut where its column is not: the characters of its end past the cut, at most
_SECTOR_CELLS = 3  # the sectors' table: a sector's label, its status, its strengths and issues
_SECTORS_HEADER = LIST_LABELS["sectors"]  # the sectors table's header: its first cell spans two columns
_LIST_ITEM_RE = compile_lazily(r"\s\*\s+")
_HEADING_RE = compile_lazily(r"[0-9０-９]{1,2}[ \u3000]|[#【＜<※]")
# two of the template's column headers that markitdown wrote as one
# (the first's own note, wrapped onto the header's next lines, after both: `目標値 実績値 (末) (当初)`)
_MERGED_RE = compile_lazily(
    r"(開催頻度|目標値|現状値|年度) ((?:実施内容|実績値|目標値)\S*(?: [^ (（]\S*| [(（][^ )）]*[)）])?)(?: ([(（]\S+))?"
)
_FREQUENCY_RE = compile_lazily(r"(?:年|月|週|隔月)?(?<![0-9０-９])[0-9０-９]++ ?回|随時")
# a row's first cell under a merged header that is the header's first column's (a frequency, a year)
_MERGED_HEAD_RE = compile_lazily(rf"{_FREQUENCY_RE.pattern}|(?:令和|平成|[RH])[ ]?[0-9０-９元●○]{{1,2}}[ ]?年度?(?= )")
_COUNT_RE = compile_lazily(r"[0-9０-９][0-9０-９,]*")  # an inpatients' count: `711`, `1,102`
_SHARE_RE = compile_lazily(r"[0-9０-９]{1,3}[.．][0-9０-９]")  # its share: `64.5`
_PAGE_NUMBER_RE = compile_lazily(r"-? ?[0-9]{1,3} ?-")  # `5 -`, `- 5 -`
_STRAY_MAX = 50  # longer plain lines are paragraphs, not a cell's stray fragment
_STRAYS_MAX = 6
# under the issues' header a long policy's wrapped lines stand between one role's line and the next
_ISSUE_STRAYS_MAX = 16
_DEPARTMENT_HEADERS = ("所管部署", "連携部署")
_INDICATOR_CELLS = 4  # the indicators' header's cells
_ROLES_CUT = 5  # the issues' table's cells where its roles' column was cut in two
# what follows a date in an indicators' header: the next column's word
_HEADER_AFTER = (
    PLANNED_COLUMNS["target"],
    OUTCOME_COLUMNS["actual"],
    PLANNED_COLUMNS["expected_effects"][:2],
    OUTCOME_COLUMNS["effects"][:3],
)
_NUMBERED_TITLE_RE = compile_lazily(r"([0-9]{1,2})[ \u3000]?(精神障害にも対応した\S+)")  # a title cut into cells
_YEAR_RE = compile_lazily(r"(?:令和|平成|[RH])[0-9０-９元]{1,2}|[今昨]")  # a header date's year


def apply(state: FormState) -> None:
    """Rewrite every broken pipe table into one tab row per logical row."""
    if not signals.pipe_tables(state.source):
        return
    lines = state.lines
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line is not None and is_pipe_row(line):
            _heading_over_row(state, i)
            _heading_under_rows(state, i)
            i = _region(state, i)
        else:
            i += 1


def _heading_over_row(state: FormState, i: int) -> None:
    """A section's numbered title that pymupdf4llm cut into the cells of a table's first row, the
    line under it in the same cells after `<br>`, a separator row below:

        |8精<br>事業利用予|神障害にも対応した地域包括ケア<br>定年数：令和 9 年度まで|システムの…（長期）|
        |---|---|---|

    The title (each cell's first line, in order) becomes the row's line, the rest (the cells' later
    lines, line by line) the separator's: `8精神障害に…（長期）`, then `事業利用予定年数：令和 9 年度まで`."""
    lines = state.lines
    line, below = lines[i] or "", lines[i + 1] if i + 1 < len(lines) else None
    if "<br>" not in line or below is None or not is_pipe_separator(below):
        return
    cells = [[p.strip() for p in BR_RE.split(c)] for c in line.strip()[1:-1].split("|")]
    title = "".join(c[0] for c in cells)
    m = _NUMBERED_TITLE_RE.fullmatch(title)
    if m is None or title_key(m[2], int(m[1])) is None or not squeeze(m[2]).endswith(TITLE_ENDS):
        return
    rest = join_br(_side_by_side(["<br>".join(c[1:]) for c in cells]))
    if rest:
        lines[i], lines[i + 1] = title, rest


def _heading_under_rows(state: FormState, start: int) -> None:
    """A section's numbered title that pymupdf4llm read into the last row of the table above it (the
    title's line as high as the row's last line): the first cell's last line starts it, each cell after
    holds one piece of it, and a blank line follows:

        |院訪問回数<br>6精神障害にも対|応した地域包括|ケアシ|ステムの構|築のための|連携状況||

    The title goes to the blank line below (`6精神障害にも…連携状況`), the row keeps the first cell's
    lines above it, its other cells left empty."""
    lines = state.lines
    i = start
    while i + 1 < len(lines) and (line := lines[i]) is not None and is_pipe_row(line):
        i += 1
    last = lines[i - 1] or ""
    if i == start or "<br>" not in last or (lines[i] or "").strip():
        return
    first, *cells = (c.strip() for c in last.strip()[1:-1].split("|"))
    if not cells or any("<br>" in c for c in cells):
        return
    *above, piece = BR_RE.split(first)
    m = _NUMBERED_TITLE_RE.fullmatch(piece.strip() + "".join(cells))
    if not above or m is None or title_key(m[2], int(m[1])) is None or not squeeze(m[2]).endswith(TITLE_ENDS):
        return
    lines[i - 1] = "|" + "<br>".join(above) + "|" * (len(cells) + 1)
    lines[i] = m[0]


def _region(state: FormState, start: int) -> int:
    """Read the pipe table that starts at `start`, rewrite it if broken; the index after it."""
    lines = state.lines
    rows: list[PipeRow] = []
    widths: list[list[int]] = []  # each separator row's cell widths
    table = 0
    issues, seen = False, 0  # whether the rows so far hold an issues' table's, and how many were looked at
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
                rows.append(PipeRow(i, [c.strip() for c in raw], raw, table=table))
            i += 1
            continue
        # a run too long under an issues' table is too long under any: the rows are looked at only for a run,
        # each once (a run after every row would look at the rows above it again and again)
        end = _strays_end(lines, i, _ISSUE_STRAYS_MAX)
        if end != i and not issues:
            issues, seen = any(map(_issue_row, rows[min(seen, len(rows)) :])), len(rows)
            if not issues:
                end = _strays_end(lines, i, _STRAYS_MAX)
        if end == i:
            break
        for k in range(i, end):
            if (stray := (lines[k] or "").strip()) and not _PAGE_NUMBER_RE.fullmatch(stray):
                rows.append(PipeRow(k, stray=stray, table=table))
            else:
                lines[k] = None  # a blank line or a page number among fragments: layout
        i = end
    while rows and rows[-1].stray:
        rows.pop()
    if _padded(rows, widths):  # markitdown's, a line of the PDF a row: rows broken at wrapped cells
        parts = pipe_issues.rewrite(state, rows, i)
        if parts is not None:  # the issues' table whose roles ran into their work, and the rows around it
            if parts[0]:
                _rewrite(state, parts[0], [])
            rows, i = parts[1], parts[2]
        tail: list[PipeRow] = []  # the lines right after the table, which may be its last row's wrapped rest
        while i + len(tail) < len(lines) and _stray_like(lines[i + len(tail)]) and len(tail) < _STRAYS_MAX:
            tail.append(PipeRow(i + len(tail), stray=(lines[i + len(tail)] or "").strip()))
        if rows:
            _rewrite(state, rows, tail)
        if rows and not rows[-1].stray and squeeze(rows[-1].cells[0]).startswith(_DEPARTMENT_HEADERS):
            _departments_below(state, i)
    else:  # a line after a row of another table is left to the parser, which checks it is read
        _rewrite_cells(state, rows)
        _header_above(state, start)
    return i


def _header_above(state: FormState, start: int) -> None:
    """The template's header that pymupdf4llm wrote as a line of text over its table, a blank line
    between (`課題 課題解決に向けた取組方針 課題・方針に対する役割(取組)`, then `|医療、保健…|…|`):
    a tab row of its cells, which the table below goes on from."""
    from nikosheet.parsing.forms import known_headers

    lines = state.lines
    k = start - 1
    if k >= 0 and not (lines[k] or "").strip():
        k -= 1
    text = (lines[k] or "").strip() if k >= 0 else ""
    if not text or is_pipe_row(text) or "\t" in text:
        return
    head = known_headers.header_cells(text)
    if head is not None:
        lines[k] = "\t".join(head)


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


def _rewrite_cells(state: FormState, rows: list[PipeRow]) -> None:
    """A clean table's rows stay pipe rows (span_rows may still have to shift them), their cells'
    `<br>` and markdown list items rewritten; a compact row (pymupdf4llm's) that a page line cut
    goes on in the next row when that one continues it (`_compact_continues`)."""
    if all(map(_as_written, rows)):  # a table as its author wrote it: nothing below would change
        return
    _join_split_columns(state, rows)
    _join_split_statistics(state, rows)
    _sectors_apart(state, rows)
    _departments_apart(state, rows)
    _goal_cut(state, rows)
    _roles_cut(state, rows)
    _indicators_header(state, rows)
    widths: dict[tuple[int, int], int] = {}  # worked out when a compact row first needs them
    kept: list[tuple[PipeRow, list[str]]] = []
    label: list[str] | None = None  # the cells of the row that holds the setup group's label
    for r in rows:
        compact = all(not raw[:1].isspace() for raw in r.raw)
        if compact and _label_beside_level(r):
            state.lines[r.index] = "|" + "|".join(r.cells) + "|"
        level = compact and len(r.cells) > 1 and squeeze(join_br(r.cells[1])) in LEVEL_LABELS
        if level and label is not None and r.cells[0]:  # the group's label wrapped beside its levels
            label[0] = join_text(label[0], join_br(r.cells[0]))
            kept.append((r, ["", *(_cell(c, compact) for c in r.cells[1:])]))
            continue
        label = None if not level else label
        if compact and kept and not widths:
            widths = _line_widths(rows)
        if compact and kept and (paired := _paired_roles(kept, r)) is not None:
            message = messages.ROLES_PAIRED(first=paired[0], second=paired[1])
            state.note(Diagnostic.SHIFTED_CELL, r.index, str(message))
        if compact and kept and _role_row_with_wrapped_head(kept, r):
            continue
        if compact and kept and _header_goes_on(kept[-1], r):
            state.lines[r.index] = None
            continue
        if compact and kept and _label_goes_on(kept[-1][1], r):
            state.lines[r.index] = None
            continue
        if compact and kept and _numbered_name_goes_on(kept[-1], r, widths):
            state.lines[r.index] = None
            continue
        if compact and kept and _compact_continues(kept[-1][0], r, widths):
            above_row, above = kept[-1]
            for j, c in enumerate(r.cells):  # a cell left open by `<br>` goes on in a paragraph of its own
                open_br = _OPEN_BR_RE.search(above_row.cells[j]) is not None and above[j] and c
                above[j] = f"{above[j]}<br>{join_br(c)}" if open_br else join_text(above[j], join_br(c))
            state.lines[r.index] = None
            continue
        kept.append((r, [_cell(c, compact) for c in r.cells]))
        if level:
            label = kept[-1][1]
    for r, cells in kept:
        if cells != r.cells:
            state.lines[r.index] = "| " + " | ".join(cells) + " |"


def _roles_cut(state: FormState, rows: list[PipeRow]) -> None:
    """The issues' table whose roles' column pymupdf4llm cut in two under a header cut in three
    (`|課題|課題解決に向けた取組方針|課題|・方針に|対する役割(取組)|`): each row's role joined back
    line by line (`|その<br>機関<br>等|他関係<br>・住民|` is `その他関係機関・住民等`), where the two
    pieces make a role's word or are empty, so that the rows have the template's four cells."""
    from nikosheet.parsing.forms import known_headers

    under = False
    for r in rows:
        cells = [squeeze(join_br(c)) for c in r.cells]
        if len(cells) == _ROLES_CUT and cells[:2] == [ISSUE_COLUMNS["issue"], ISSUE_COLUMNS["policies"]]:
            under = "".join(cells[2:]) == ROLES_HEADER
            if under:
                r.cells = [*r.cells[:2], ROLES_HEADER, ""]
                r.raw = list(r.cells)
                state.lines[r.index] = "|" + "|".join(r.cells) + "|"
            continue
        if not under or len(cells) != _ROLES_CUT or not all(not raw[:1].isspace() for raw in r.raw):
            under = False
            continue
        role = _side_by_side(r.cells[2:4])
        if (cells[2] or cells[3]) and not known_headers.is_role(squeeze(join_br(role))):
            continue
        r.cells = [*r.cells[:2], role, r.cells[4]]
        r.raw = list(r.cells)
        state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _indicators_header(state: FormState, rows: list[PipeRow]) -> None:
    """The indicators' header that pymupdf4llm wrote as the last row of the issues' table above it,
    its cells cut where no column is (`|課題解決の達成度を測る<br>指標<br>現状値 (今年度当<br>初)|⽬標値
    (今年度末)<br>⾒込|んでいる成果・|効果|`): the template's header cells again, so the indicators'
    table starts there.  Read from the row's text in order, or, where a cut put a date's pieces out of
    order (`目標値 (令和5<br>末)|年度…`), with each date made of its own characters (`令和5年度末`)."""
    from nikosheet.parsing.forms import known_headers

    for r in rows:
        if len(r.cells) < _INDICATOR_CELLS or not r.cells[0].startswith(INDICATORS_HEAD):
            continue
        text = "".join(squeeze(join_br(c)) for c in r.cells)
        head = known_headers.header_cells(text) or known_headers.header_cells(_dates_in_order(text))
        written = [squeeze(join_br(c)) for c in r.cells]
        if head is None or written == [squeeze(c) for c in head]:
            continue  # not the header, or the header as the template writes it
        if squeeze(head[0]) == squeeze(OUTCOME_COLUMNS["name"]) and len(head) == len(r.cells):
            r.cells, r.raw = head, list(head)
            state.lines[r.index] = "| " + " | ".join(head) + " |"
            for below in rows[rows.index(r) + 1 :]:
                cells = _values_cut(below.cells)
                if cells is None:
                    break
                below.cells, below.raw = cells, list(cells)
                state.lines[below.index] = "| " + " | ".join(cells) + " |"


def _values_cut(cells: list[str]) -> list[str] | None:
    """An indicator's row under a header that pymupdf4llm cut where no column is, its name, current
    and target values written in its first two cells as visual lines and its third cell empty
    (`|①長期入院者の地域移行|者数<br>58人<br>75人||病院と地域の連携強化|`): the second cell's last
    line is the target, the line above it the current value (or, where the second cell holds one or
    two lines, the first cell's last line, the second's first its cut end: `24世` `帯`), and the
    rest the name, a line of the first cell then its end in the second (`…地域移行` `者数`).
    None for any other row."""
    if len(cells) != _INDICATOR_CELLS or cells[2].strip() or not cells[3].strip():
        return None
    first = [x.strip() for x in BR_RE.split(cells[0]) if x.strip()]
    second = [x.strip() for x in BR_RE.split(cells[1]) if x.strip()]
    if not first or first[0][:1] not in CIRCLED or not second:
        return None
    if len(second) >= 3:
        rests, current = second[:-2], second[-2]
        name = "".join(a + b for a, b in zip(first, rests + [""] * len(first), strict=False))
        name += "".join(rests[len(first) :])
    elif len(first) >= 2:
        current = first[-1] + "".join(second[:-1])
        name = "".join(first[:-1])
    else:
        return None
    return [name, current, second[-1], squeeze(join_br(cells[3]))]


def _dates_in_order(text: str) -> str:
    """An indicators' header's text with each column's date (between its brackets, up to the next
    column's word) written in the template's order: its year, then 年度, then 当初 or 末
    (`目標値(令和5末)年度見込…` is `目標値(令和5年度末)見込…`); a date of other characters as it is."""
    out = text
    for word in (PLANNED_COLUMNS["current"], OUTCOME_COLUMNS["target"], OUTCOME_COLUMNS["actual"]):
        start = out.find(word + "(") + len(word)
        ends = [k for w in _HEADER_AFTER if (k := out.find(w, start)) > start]
        if start < len(word) or not ends:
            continue
        date = _date(out[start : min(ends)].replace("(", "").replace(")", ""))
        if date is not None:
            out = f"{out[:start]}({date}){out[min(ends) :]}"
    return out


def _date(chars: str) -> str | None:
    """A header's date made of these characters in the template's order (`令和5末年度` is `令和5年度末`)."""
    year = _YEAR_RE.search(chars)
    for when in ("当初", "末"):
        date = f"{year[0] if year else ''}年度{when}"
        if sorted(chars) == sorted(date):
            return date
    return None


def _as_written(r: PipeRow) -> bool:
    """A row that none of the rewrites of a clean table touches: padded (`| a | b |`, not a compact row
    nor a stray line), no cell a markdown list, and not the sectors' header over two columns."""
    return (
        r.raw[:1] != []
        and r.raw[0][:1].isspace()
        and not any(c.startswith("* ") for c in r.cells)
        and not (len(r.cells) == 2 and squeeze(r.cells[0]) == _SECTORS_HEADER)
    )


def _sectors_apart(state: FormState, rows: list[PipeRow]) -> None:
    """The sectors' table whose label and status columns pymupdf4llm wrote as one under its header's
    spanning cell (`|各部門の連携状況|強み・課題等|`, `|保健<br>保健所が…|…|`): each row's sector
    label set apart from its status, and a row with no label (the status's wrapped rest) an empty
    label's, so that the rows have the template's three cells."""
    header: PipeRow | None = None
    for r in rows:
        if len(r.cells) == 2 and squeeze(r.cells[0]) == _SECTORS_HEADER:
            header = r
            r.cells = [r.cells[0], "", r.cells[1]]
        elif header is None or len(r.cells) != 2:
            header = None
            continue
        else:
            label, *rest = BR_RE.split(r.cells[0], 1)
            if squeeze(label) in _SECTOR_LABELS:  # its status after a line break, or none
                r.cells = [label, rest[0] if rest else "", r.cells[1]]
            else:
                r.cells = ["", *r.cells]
        r.raw = list(r.cells)
        state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _departments_apart(state: FormState, rows: list[PipeRow]) -> None:
    """The departments' rows whose name pymupdf4llm cut where its column is not: the name's wrapped
    end (and, where the cut fell inside its first line, that line's end) written as the first line
    of the duties' cell, the duties' lines cut in two beside it:

        |障がい保健福祉|課<br>にも包括推進事業の企画、精神保健福|祉審議会の運営|
        |精神保健福祉セ<br>ー|ンタ<br>研修、技術支|援|

    are `障がい保健福祉課` (`精神保健福祉センター`) and its duties, line by line.  A name is taken so only
    where its pieces make a department's whole name and the first cell alone does not."""
    under = False
    for r in rows:
        if not r.cells or any(raw[:1].isspace() for raw in r.raw):
            under = False
            continue
        if is_header_row(r) or squeeze(r.cells[0]).startswith(_DEPARTMENT_HEADERS):
            under = squeeze(r.cells[0]).startswith(_DEPARTMENT_HEADERS)
            continue
        if not under or len(r.cells) < 2 or _whole_name(squeeze(join_br(r.cells[0]))):
            continue
        first = [p.strip() for p in BR_RE.split(r.cells[0])]
        second = [p.strip() for p in BR_RE.split(r.cells[1])]
        if len(first) > 2 or len(second) < 2 or not second[0] or len(second[0]) > _NAME_END:
            continue  # (a duties' first line of its own, `各市町村の障害福祉課`, is no name's cut end)
        name = first[0] + second[0] + (first[1] if len(first) == 2 else "")
        if not _whole_name(squeeze(name)):
            continue
        duties = _side_by_side(["<br>".join(second[1:]), *r.cells[2:]])
        r.cells = [name, duties, *("" for _ in r.cells[2:])]
        r.raw = list(r.cells)
        state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _goal_cut(state: FormState, rows: list[PipeRow]) -> None:
    """A schedule's goal whose text pymupdf4llm cut into two cells where no column is, its lines
    side by side (`|長期目標|区内のどの地区に住んでいても、身近な相談窓口<br>得て暮らし続けられる。|から
    必要な支援につながり、退院後も住まいと支え手を|`): the text joined back line by line in one cell."""
    for r in rows:
        if len(r.cells) < 3 or any(raw[:1].isspace() for raw in r.raw) or not GOAL_RE.fullmatch(squeeze(r.cells[0])):
            continue
        if sum(1 for c in r.cells[1:] if c.strip()) < 2:
            continue
        r.cells = [r.cells[0], _side_by_side(r.cells[1:]), *("" for _ in r.cells[2:])]
        r.raw = list(r.cells)
        state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _whole_name(name: str) -> bool:
    """A department's whole name: its word at the end (`課`, `センター`) or its bracket closed (`各保健所（6か所）`)."""
    return is_department(name) or (name[-1:] in CLOSING and unbalanced(name) == 0)


def _join_split_columns(state: FormState, rows: list[PipeRow]) -> None:
    """A compact table whose header's cells split one of the template's columns in two (pymupdf4llm
    cuts a column at a position inside its lines): each row's pieces of the column joined back, line
    by line (`・圏域単<br>化する` and `位での市町支援を強` are `・圏域単位での市町支援を強化する`)."""
    columns: list[list[int]] | None = None
    width = 0
    for r in rows:
        compact = bool(r.cells) and all(not raw[:1].isspace() for raw in r.raw)
        if compact and is_header_row(r):
            from nikosheet.parsing.forms import known_headers

            columns, width = known_headers.split_columns(r.cells, _side_by_side), len(r.cells)
        elif not compact or len(r.cells) != width:
            columns = None
        if columns is not None:
            r.cells = [_side_by_side([r.cells[k] for k in column]) for column in columns]
            r.raw = list(r.cells)
            state.lines[r.index] = "|" + "|".join(r.cells) + "|"


def _join_split_statistics(state: FormState, rows: list[PipeRow]) -> None:
    """The inpatients' rows of a compact table cut where no column is (pymupdf4llm): a count and its
    share (`| 711 | 64.5 |`) and a split age label (`| うち65歳 | 未満 |`) are one cell each again, and
    the label's last characters written in the first sub-row's first cell (`| 査 | 3か月未満… |`) go
    back to the label."""
    above: PipeRow | None = None
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
    lines = [[line.strip() for line in BR_RE.split(piece)] for piece in pieces]
    depth = max(len(piece) for piece in lines)
    rows = ["".join(piece[k] if k < len(piece) else "" for piece in lines) for k in range(depth)]
    return "<br>".join(row for row in rows if row)


def _header_goes_on(header: tuple[PipeRow, list[str]], row: PipeRow) -> bool:
    """A row under a header that only closes the brackets its cells opened (`| | | み等) |` under
    `特記事項等(課題・強`), or that ends its first long cell (`指標`): the header's wrapped rest,
    joined to it.  Whether the row was such a one."""
    line, cells = header
    filled = [j for j, c in enumerate(row.cells) if c.strip()]
    if not is_header_row(line) or len(cells) != len(row.cells) or not filled:
        return False
    closes = all(unbalanced(cells[j]) > 0 and unbalanced(row.cells[j]) < 0 for j in filled)
    if not closes and not wrapped_sub_row(cells[0], join_br(row.cells[0]).strip()):  # `…達成度を測る` / `指標`
        return False
    for j in filled:
        cells[j] = join_text(cells[j], join_br(row.cells[j]).strip())
    return True


def _role_row_with_wrapped_head(kept: list[tuple[PipeRow, list[str]]], row: PipeRow) -> bool:
    """A role's row of an issue's group (`| い | う | 医療 | 講師協力 |`) that carries the wrapped ends
    of the issue's and its policy's cells: those go to the group's first row, the role stays a row
    of its own, its first cells empty.  Whether the row was such a one."""
    role = next((k for k, c in enumerate(row.cells) if k and squeeze(join_br(c)) in _LATER_ROLES), 0)
    above = kept[-1][1]
    if not role or len(above) != len(row.cells) or squeeze(above[role]) not in _ROLES or not any(row.cells[:role]):
        return False
    head = next(cells for _, cells in reversed(kept) if cells[0])
    for k, c in enumerate(row.cells[:role]):
        head[k] = join_text(head[k], join_br(c))
    kept.append((row, ["" for _ in row.cells[:role]] + [_cell(c, True) for c in row.cells[role:]]))
    return True


def _paired_roles(kept: list[tuple[PipeRow, list[str]]], row: PipeRow) -> tuple[str, str] | None:
    """Two roles' labels in the role column of an issue's row (`医療<br>福祉`: the column before the
    last, where a row above holds a role): the cell keeps the first, which the row is read as.  The two
    labels when an action stands beside them (which role's it is, is a guess), else None."""
    k = len(row.cells) - 2
    pair = _ROLE_PAIRS.get(squeeze(join_br(row.cells[k]))) if k > 0 else None
    if pair is None or not any(len(cells) == len(row.cells) and cells[k] in _ROLES for _, cells in kept):
        return None
    row.cells[k] = pair[0]
    return pair if row.cells[k + 1].strip() else None


def _label_beside_level(row: PipeRow) -> bool:
    """A setup level's cell that starts with the label's wrapped lines (`構築に<br>都道府県`,
    pymupdf4llm): those go to the label's cell.  Whether the row had them."""
    pieces = BR_RE.split(row.cells[1]) if len(row.cells) > 1 else []
    if len(pieces) < 2 or squeeze(pieces[-1]) not in LEVEL_LABELS:
        return False
    row.cells[0] = join_text(join_br(row.cells[0]).strip(), join_br("<br>".join(pieces[:-1])).strip())
    row.cells[1] = pieces[-1].strip()
    return True


def _line_widths(rows: list[PipeRow]) -> dict[tuple[int, int], int]:
    """Each column's widest line (a cell's lines split at `<br>`), in display columns, by cell count."""
    widths: dict[tuple[int, int], int] = {}
    for r in rows:
        for j, c in enumerate(r.cells):
            for piece in BR_RE.split(c):
                key = (len(r.cells), j)
                widths[key] = max(widths.get(key, 0), display_width(piece.strip()))
    return widths


def _compact_continues(above: PipeRow, row: PipeRow, widths: dict[tuple[int, int], int]) -> bool:
    """A compact row that a page line cut from the row above: its label goes on, some of its cells
    are left empty, and each it fills goes on from a cell above whose last line fills its column
    and ends no sentence."""
    n = len(row.cells)
    filled = [j for j, c in enumerate(row.cells) if c]
    if n != len(above.cells) or not filled or is_header_row(row):
        return False
    if any(_OPEN_BR_RE.search(c) for c in above.cells):  # a cell left open (`…<br>|`): it goes on below
        return not (row.cells[0][:1] in ITEM_START or DATED_RE.match(row.cells[0]))
    if len(filled) == n:
        return False
    if filled[0] != 0:  # under a table's first row (a page's), cells that go on beside no label,
        if not above.heads or any(row.cells[j][0] in ITEM_START for j in filled):
            return False  # not a list's next items (`・…`)
    elif row.cells[0][0] in ITEM_START or DATED_RE.match(row.cells[0]):
        return False  # the row's label goes on (a row of its group has none): not a number or a date
    elif widths.get((n, 0), 0) < 2 * WRAPPING:
        return False  # a first column of short labels (年度, 時期) does not wrap
    for j in filled:
        last = BR_RE.split(above.cells[j])[-1].strip()
        if not last or complete(last) or display_width(last) < FULL * widths.get((n, j), 0):
            return False
    return True


def _label_goes_on(above: list[str], row: PipeRow) -> bool:
    """A compact row that a page line cut where the row's label wraps: the label above is the start of
    a sector's or role's (`その他関係機`) and this row's first cell ends it (`関・住民等`), or, under a
    sector's label, the first cell is empty and each cell it fills goes on from one above that ends no
    sentence (a sector is a row of its own, never a group's):

        |その他関係機|家族会、当事者団体が推進会議|講師の負担が大き|
        |関・住民等|に参加している。|い。|

    Each cell is joined to the one above (the label `その他関係機関・住民等`).  Whether it was so."""
    n = len(row.cells)
    if n != len(above) or n < 2 or is_header_row(row):
        return False
    label, first = squeeze(above[0]), squeeze(join_br(row.cells[0]))
    if first:
        if not label or label in _ROW_LABELS or label + first not in _ROW_LABELS:
            return False
    elif label not in _SECTOR_LABELS or n != _SECTOR_CELLS:
        return False
    else:
        filled = [j for j, c in enumerate(row.cells) if c.strip()]
        if not filled or any(not above[j] or complete(above[j]) or row.cells[j][:1] in ITEM_START for j in filled):
            return False
    for j, c in enumerate(row.cells):
        above[j] = join_text(above[j], join_br(c).strip())
    return True


def _numbered_name_goes_on(kept: tuple[PipeRow, list[str]], row: PipeRow, widths: dict[tuple[int, int], int]) -> bool:
    """Under an indicator's row (`①…`) whose name fills its column and ends no sentence, a row whose
    first cell is no number, item, date, remark or header, each cell it fills going on from one above
    that ends no sentence: every cell's wrapped rest, a page line's cut in a narrow name column
    (`|①長期入院者|・地域移行支援の利|…|` then `|の地域移行|用者数 70人|…|`), joined to the row above."""
    above_row, above = kept
    n = len(row.cells)
    head = row.cells[0].strip() if n else ""
    if n != len(above) or not head or not above[0] or above[0][0] not in CIRCLED or complete(above[0]):
        return False
    if head[0] in ITEM_START or head.startswith(NOTE_MARKS) or DATED_RE.match(head) or is_header_row(row):
        return False
    last = BR_RE.split(above_row.cells[0])[-1].strip()
    if display_width(last) < FULL * widths.get((n, 0), 0):
        return False
    if any(c.strip() and (not above[j] or complete(above[j])) for j, c in enumerate(row.cells) if j):
        return False
    for j, c in enumerate(row.cells):
        above[j] = join_text(above[j], join_br(c).strip())
    return True


def _cell(text: str, compact: bool) -> str:
    """`* ・a * ・b` (markitdown's list in a cell) as `<ul><li>`; `a<br>b` in a compact row
    (`|a|b|`, pymupdf4llm's, from a PDF) joined as one wrapped line.  A `<br>` in a row written
    `| a | b |` (markitdown's, pandoc's, from a DOCX) is a paragraph of the cell: kept."""
    if text.startswith("* "):
        items = [x.strip() for x in _LIST_ITEM_RE.split(text[2:])]
        return "<ul>" + "".join(f"<li>{x}</li>" for x in items if x) + "</ul>"
    return join_br(text) if compact else text


def _issue_row(row: PipeRow) -> bool:
    """Whether the row is the issues' header (`| 課題 | 課題解決に向けた取組方針 | … |`) or one of its
    rows whose cell starts with a role's word (`| … | … | 行政 ・病院訪問の実施 |`)."""
    from nikosheet.parsing.forms import known_headers

    if row.stray:
        return False
    if pipe_issues.issue_head(row):
        return True
    return any(known_headers.is_role(c.strip().partition(" ")[0]) for c in row.cells[1:] if c.strip())


def _strays_end(lines: list[str | None], start: int, most: int = _STRAYS_MAX) -> int:
    """The end of a run of stray fragments at `start` that a pipe row follows; `start` if none.  A
    page's number and a blank line may stand among them (not among a table's header words); an
    issue's role written as text (`医療 区の会議への参加…`) starts a run of its own."""
    from nikosheet.parsing.forms import known_headers

    i = start
    since = start  # where the run began, or its latest role's line
    blank = False
    while i < len(lines):
        line = lines[i]
        if line is None:
            return start
        text = line.strip()
        if i > start and known_headers.is_role(text.partition(" ")[0]):
            since = i
        if i - since >= most:
            return start
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


def _split_merged_headers(groups: list[RowGroup]) -> None:
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
                cells[j : j + 2] = g.ends[j : j + 2] = [first, second]
                header = None
            else:
                cells[j : j + 1] = g.ends[j : j + 1] = [first, second]
                header = (j, len(cells) - 1)
        elif header is not None and len(cells) == header[1]:
            k = header[0]
            head, rest = _head_apart(cells[k])
            cells[k : k + 1] = [head, rest]
            g.ends[k : k + 1] = [head, rest or g.ends[k]]
        elif cells[0] and is_header_row(g.last):
            header = None


def _head_apart(cell: str) -> tuple[str, str]:
    """A cell under a merged header cut after its first column's value (a frequency, a year) at the
    first space after it (`R 6年度 市町村の…`), or ("", cell) where it starts with none."""
    match = _MERGED_HEAD_RE.match(cell)
    if match is None:
        return "", cell
    cut = cell.find(" ", match.end())
    return (cell, "") if cut < 0 else (cell[:cut], cell[cut + 1 :].strip())


def _padded(rows: list[PipeRow], separators: list[list[int]]) -> bool:
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


def _rewrite(state: FormState, rows: list[PipeRow], tail: list[PipeRow]) -> None:
    """One tab row per logical row, the columns no row fills left out."""
    from nikosheet.parsing.forms import known_headers

    _drop_empty_columns(rows)
    widths = Widths(rows)
    groups: list[RowGroup] = []
    after_stray = False
    known: known_headers.KnownTable | None = None  # the template's table under a header of its own
    apart: dict[int, int] = {}  # the rows whose pivot stands in the next cell: the pivot's column
    departments = False  # under a departments' header (所管部署名, 連携部署名): a row a department
    joined = False  # its two cells written as one (`所管部署名 所管部署における主な業務`), and each row's
    for r in rows:
        header = None if r.stray else known_headers.in_cells(r.cells)
        if joined and not r.stray and (cut := _department_cut(r.cells[0])) is not None:
            r.cells[0:1] = list(cut)
        if groups and not r.stray and _header_rest(groups[-1].last, r):
            groups[-1].add(r)  # `課題解決の達成度を測る` / `指標`: the header's wrapped rest
        elif groups and not r.stray and _label_closed(groups[-1].last, r):
            groups[-1].add(r)  # `短期目標 (今` / `年度)`: the label's wrapped rest, and its row's
        elif header is not None or (not r.stray and is_header_row(r)):
            known = header
            departments = squeeze(r.cells[0]).startswith(_DEPARTMENT_HEADERS)
            joined = departments and " " in r.cells[0] and squeeze(r.cells[0])[5:].startswith(_DEPARTMENT_HEADERS)
            if joined:
                r.cells[0:1] = r.cells[0].split(" ", 1)
            groups.append(RowGroup(r))
        elif not r.stray and groups and closes_setup_label(groups, r):
            groups.append(RowGroup(r))
        elif r.stray and (head := known_headers.header_cells(r.stray)) is not None:
            known = known_headers.in_cells(head)  # a template header written as a line of its own
            departments = squeeze(head[0]).startswith(_DEPARTMENT_HEADERS)
            joined = False
            groups.append(RowGroup(PipeRow(r.index, head, table=r.table)))
        elif r.stray and departments and (cut := _department_cut(r.stray)) is not None:
            groups.append(RowGroup(PipeRow(r.index, list(cut), table=r.table)))  # a department's row as text
        elif groups and (pivot(known, "") or _month(groups[-1])) and _range_rest(groups[-1], r):
            _add_range_rest(groups[-1], r)  # `R6年7月～` / `9月`: the range's end a narrow column wrapped
        elif r.stray and pivot(known, r.stray) and groups:
            groups.append(RowGroup(PipeRow(r.index, [r.stray] + [""] * (len(groups[-1].cells) - 1), table=r.table)))
        elif r.stray and groups and second_event(known, groups[-1], r.stray, widths):
            groups.append(event_row(r, len(groups[-1].cells)))
        elif r.stray and (role := role_row(groups, r)) is not None:
            groups.append(role)
        elif r.stray and groups and goal_label_start(r.stray):  # a row of its own, no cell's rest
            groups.append(RowGroup(PipeRow(r.index, [r.stray] + [""] * (len(groups[-1].cells) - 1), table=r.table)))
        elif r.stray:
            place_stray(groups, r, widths, known)
        elif groups and pivot_beside(known, groups[-1].cells, r.cells) is not None:
            if pivot_beside(known, groups[-1].cells, r.cells):
                groups.append(RowGroup(r))
                if known is not None and pivot_apart(known, r.cells):
                    apart[r.index] = known.pivot  # (set apart once the row's cells are whole)
            else:
                groups[-1].add(r)  # a council's row goes on until the next frequency
        elif groups and r.cells and wrapped_label(groups[-1].cells[0], r.cells[0]):
            groups[-1].add(r)  # `その他関` / `係機関・`: the sector's label goes on, and its row with it
        elif groups and numbered_label_goes_on(groups[-1], r, widths):
            groups[-1].add(r)  # `①長期入院` / `者の退院支援`: a narrow column wrapped the indicator's name
        elif groups and (pivot(known, "") or numbered(groups[-1])) and not r.cells[0] and any(r.cells):
            groups[-1].add(r)  # a row with no year, month or number goes on from the one above
        elif departments and r.cells[0] and is_department(groups[-1].cells[0]):
            groups.append(RowGroup(r))  # a department's whole name above: this row is the next one's
        elif groups and not after_stray and not pivot(known, r.cells[0]) and continues(groups[-1].last, r, widths):
            groups[-1].add(r)
        else:  # markitdown starts a table again after a stray line: at a new row
            groups.append(RowGroup(r))
        after_stray = bool(r.stray)
    _split_merged_headers(groups)
    if groups:
        label = label_row(groups) or groups[-1]
        while tail and open_setup_label(label, groups[-1]) and tail[0].stray[0] not in ITEM_START:
            label.cells[0] = join_text(label.cells[0], tail[0].stray)  # the setup's label, until its as-of closes
            groups[-1].taken.append(tail.pop(0).index)
        place_tail(groups, tail, widths, known)
    for group in issue_groups(groups):
        if (at := apart.get(group.first)) is not None and not group.cells[at]:
            # `3回/年 ・個別事例の検討`: the frequency apart (where a later line left its own cell empty)
            frequency, _, rest = group.cells[at + 1].partition(" ")
            group.cells[at], group.cells[at + 1] = frequency, rest.strip()
        state.lines[group.first] = "\t".join(_goal_apart(group.cells))
        for i in group.taken:
            state.lines[i] = None


def _range_rest(group: RowGroup, row: PipeRow) -> bool:
    """Whether a line (a row whose item is empty, or a line outside the cells) is the end of the open
    range of months its row above starts with."""
    from nikosheet.parsing.forms.template_tables import range_rest

    text = row.stray or (row.cells[0] if len(row.cells) > 1 and not row.cells[1] else "")
    return bool(text) and range_rest(group.cells[0], text)


def _month(group: RowGroup) -> bool:
    """Whether a row opens with a month (a schedule's row where markitdown started the table again after a line
    outside the cells, its header in a table above: `R6年7月 | 第1回地域移行部会…` / `〜9月`)."""
    from nikosheet.parsing.forms.template_tables import RANGE_END

    return RANGE_END.match(squeeze(group.cells[0])) is not None


def _add_range_rest(group: RowGroup, row: PipeRow) -> None:
    if row.stray:
        group.cells[0] += row.stray.strip()
        group.taken.append(row.index)
    else:
        group.add(row)


def _goal_apart(cells: list[str]) -> list[str]:
    """A goal's label and its text that markitdown wrote in one cell (`長期目標 全34市町村で…`), apart."""
    label, _, text = cells[0].partition(" ")
    if not text or any(cells[1:]) or not GOAL_RE.fullmatch(label):
        return cells
    return [label, text.strip()]


def _drop_empty_columns(rows: list[PipeRow]) -> None:
    """Columns no row of a run of equally wide rows fills (a run ends at a header row, or at a
    template header written as a line of its own between the rows)."""
    from nikosheet.parsing.forms import known_headers

    runs: list[list[PipeRow]] = []
    for r in rows:
        if r.stray:
            if known_headers.header_cells(r.stray) is not None:
                runs.append([])
            continue
        if (
            runs
            and runs[-1]
            and len(runs[-1][0].cells) == len(r.cells)
            and (not is_header_row(r) or _header_rest(runs[-1][-1], r))
        ):
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


def _label_closed(above: PipeRow, row: PipeRow) -> bool:
    """Whether the row's first cell closes the bracket that the first cell above left open, its other
    cells beside (`短期目標 (今` / `年度)`, markitdown starting a table at the label's wrap): the row above
    goes on, though its rest starts with a header's word."""
    first, rest = above.cells[0] if above.cells else "", row.cells[0] if row.cells else ""
    return (
        all(j < len(above.cells) for j, c in enumerate(row.cells) if c)
        and bool(rest)
        and unbalanced(first) > 0
        and unbalanced(first + rest) == 0
        and rest[-1] in CLOSING
    )


def _header_rest(above: PipeRow, row: PipeRow) -> bool:
    """Whether `row` is the wrapped rest of the header row `above`: its first cell ends a long header
    cell that the one above starts (`課題解決の達成度を測る` / `指標`)."""
    return bool(above.cells and row.cells and is_header_row(above)) and wrapped_sub_row(above.cells[0], row.cells[0])
