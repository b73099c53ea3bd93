"""Where a laid-out table is: the runs of lines whose cells stand at shared positions (see
`layout_columns`, which reads them).

A table starts at a line with gaps of two spaces or more and goes on while its lines' cells start
where its earlier lines' did, across a blank line when the line after it is still aligned, sits
right under the template's header, opens a row of a known table at its pivot's column, or goes on
with a label above; it ends at a heading, a section's title, a tab row or another table's header.
"""

from __future__ import annotations

import re

from nikosheet.parsing.cells import short_note
from nikosheet.parsing.forms import FormState, known_headers
from nikosheet.parsing.forms._shared import unbalanced
from nikosheet.parsing.forms.layout_lines import is_blank, is_heading, segments
from nikosheet.parsing.forms.layout_prose import first_heading

_TITLE_RE = re.compile(r"[0-9０-９]{1,2}[.．]?[ \u3000]+[^\x00-\x7f\s]{8}")
_GAP_RE = re.compile(r"\S {2,}\S")
# labels that open a row in a later column: the basic statistics' sub-rows and the sectors' roles
SUB_LABELS = (
    "合計",
    "3か月",
    "3 か月",
    "1年以上",
    "1 年以上",
    "うち65",
    "うち 65",
    "入院後",
    "基幹相談",
    "一般相談",
    "特定相談",
    "(自立支援)",
    "（自立支援）",
    "精神領域",
    "都道府県",
    "障害保健福祉圏域",
    "市町村",
    "その他",
)
# the first header cell of the template's tables
DEPARTMENT_HEADERS = ("所管部署名", "連携部署名")  # the departments' tables' first header cells
FIRST_HEADER_CELLS = (*DEPARTMENT_HEADERS, "各部門の連携状況", "課題解決の達成度を", "名称", "時期", "年度")


def _is_section_title(line: str) -> bool:
    """`5 精神障害にも対応した…`: a section's heading however it is spaced, which no table goes past."""
    return _TITLE_RE.match(line.lstrip(" \u3000\f")) is not None


def is_gapped(line: str | None) -> bool:
    """A line of text with a gap of two spaces or more between words: a laid-out table's row."""
    return line is not None and "\t" not in line and _GAP_RE.search(line) is not None and not is_heading(line)


def _starts(line: str) -> set[int]:
    return {start for start, _ in segments(line)}


def _near(pos: int, starts: set[int], slack: int = 1) -> bool:
    return any(abs(pos - s) <= slack for s in starts)


def _shared(line: str, starts: set[int], slack: int = 1) -> int:
    return sum(1 for s in _starts(line) if _near(s, starts, slack))


def _inside(line: str, starts: set[int]) -> bool:
    """A lone piece in one of the table's later columns: a cell's wrapped text."""
    segs = segments(line)
    return len(segs) == 1 and segs[0][0] > min(starts) + 2 and _near(segs[0][0], starts, 2)


def _region_end(lines: list[str | None], first: int) -> int:
    """The last line of the table that starts at `first` (a gapped line)."""
    starts = _starts(lines[first] or "")
    margin = min(starts)
    header = known_headers.in_layout(lines[first] or "", [])  # the template's header: its rows follow
    last = first
    i = first + 1
    while i < len(lines):
        line = lines[i]
        if is_blank(line):
            j = i
            while j < len(lines) and is_blank(lines[j]) and j - i < 8:
                j += 1
            nxt = lines[j] if j < len(lines) else None
            if nxt is None:
                break
            shared = _shared(nxt, starts, 2) if is_gapped(nxt) else 0
            # no new column: no new table (under the template's header, one piece apart may be a cell's own gap,
            # a list's next item set off in it: `検討と進捗確認   ・冬`)
            aligned = shared > 0 and shared >= len(_starts(nxt)) - (header is not None and shared >= 2)
            # the body right below the header's lines, its cells under the header's
            below = (
                header is not None and last - first <= 2 and _shared(nxt, set(header.columns), 4) >= len(header.columns)
            )
            # the inpatients' first share, set apart from their total's row (`3か月未満 (%: 構成割合) 652 人`)
            segs = segments(nxt)
            sub_row = is_gapped(nxt) and segs[0][0] > margin + 2 and segs[0][1].startswith(SUB_LABELS[1:3])
            # a row of the template's table, its pivot (a year, a month) in the pivot's column
            pivot = header is not None and bool(segs) and _pivot_at(segs[0], header)
            if _is_section_title(nxt) or not (
                aligned or below or sub_row or pivot or _inside(nxt, starts) or _closes(lines[last], nxt, margin)
            ):
                break
            i = j
            continue
        assert line is not None
        if "\t" in line or is_heading(line) or _is_section_title(line):
            break
        segs = segments(line)
        if len(segs) >= 2:
            if _shared(line, starts) == 0 or (
                segs[0][1].startswith(FIRST_HEADER_CELLS) and not _pivot_closed(lines[last], line, margin, header)
            ):
                break  # another table's header, right below this one
        elif segs[0][0] <= margin + 1:
            # text at the left margin goes on only when it continues the label above (a sub-row's
            # line or two may stand between them: the label wraps beside its sub-rows)
            # (or it opens a row of the template's table: its pivot, a year, in the pivot's column)
            pivot = header is not None and _pivot_at(segs[0], header)
            if _note_below(lines, i, segs, margin):
                pass  # `※630調査` right below its label: the label's note, in the table
            elif segs[0][1][0] in "※【＜<" or not (
                pivot or _label_above(lines, i, margin) or _closes(lines[last], line, margin)
            ):
                break
        elif not _near(segs[0][0], starts, 2) and is_blank(lines[i - 1]):
            break
        starts |= _starts(line)
        last = i
        i += 1
    return last


def _pivot_at(segment: tuple[int, str], known: known_headers.KnownTable) -> bool:
    """Whether a line's first segment is the pivot of the known table's row, in the pivot's column."""
    start, text = segment
    return abs(start - known.columns[known.pivot]) <= 2 and known.pattern.match(text) is not None


def _pivot_closed(last: str | None, line: str, margin: int, header: known_headers.KnownTable | None) -> bool:
    """Whether `line` closes the bracket of the pivot that opens the row above (`2010年度（平成22` / `年度）`),
    not a header word's line of another table."""
    first = segments(last or "")[:1]
    return header is not None and bool(first) and _pivot_at(first[0], header) and _closes(last, line, margin)


def _closes(label: str | None, line: str, margin: int) -> bool:
    """Whether `line` starts at the left margin with the end of a bracket that `label` (the table's
    last line, a label at the margin) left open: the label's wrapped rest, across a blank line."""
    first, after = segments(label or "")[:1], segments(line)[:1]
    if not first or not after or first[0][0] > margin + 1 or after[0][0] > margin + 1:
        return False
    return unbalanced(label or "") > 0 and unbalanced(after[0][1]) < 0


def _note_below(lines: list[str | None], i: int, segs: list[tuple[int, str]], margin: int) -> bool:
    """Whether a line is a short note alone (`※630調査`) right below a row whose label is at the margin."""
    above = lines[i - 1] if i else None
    if len(segs) != 1 or not short_note(segs[0][1]) or not above:
        return False
    return not is_blank(above) and segments(above)[0][0] <= margin + 1 and len(segments(above)) >= 2


def _label_above(lines: list[str | None], i: int, margin: int) -> bool:
    """Whether a line at the left margin stands one to three lines below another, with no blank line
    between and only later columns' text in between."""
    for k in range(i - 1, max(i - 4, -1), -1):
        prev = lines[k]
        if prev is None or is_blank(prev):
            return False
        if segments(prev)[0][0] <= margin + 1:
            return True
    return False


def table_spans(state: FormState) -> list[tuple[int, int]]:
    """The (first, last) lines of every laid-out table from section 1 on."""
    lines = state.lines
    found: list[tuple[int, int]] = []
    # before section 1 come the name, the slogan and the vision: a slogan's spaces make no table
    i = first_heading(lines)
    while i < len(lines):
        if is_gapped(lines[i]):
            last = _region_end(lines, i)
            gapped = sum(1 for line in lines[i : last + 1] if is_gapped(line))
            if gapped >= 2:
                found.append((i, last))
                i = last + 1
                continue
        i += 1
    return found
