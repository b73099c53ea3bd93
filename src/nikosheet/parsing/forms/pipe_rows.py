"""A pipe table's lines grouped into the table's rows: what `pipe_tables` reads a row from.

markitdown and pymupdf4llm break a row whose cell wrapped into several pipe rows, and write a cell's
wrapped fragments as stray lines between them.  A pipe row (`PipeRow`) continues the row above it
(`continues`) when every cell it fills goes on a full cell above or its label was cut
(`wrapped_label`), and a stray fragment goes to the cell a wrap cut (`place_stray`): the fullest, or
the one a katakana word was broken in.  Under a known header (`known_headers`) a row runs from its
pivot cell to the next (`pivot`), a year's second event starts a row of its group (`second_event`),
and an issue's roles go back to their issue (`issue_groups`).  Whether a wrap cut a cell is told by its
width as printed (`Widths.printed`: a kanji two, a digit one), which markitdown's padding does not show:
it pads by characters, each piece of a table to its own widest cell.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nikosheet.parsing.forms._shared import CLOSING, display_width, unbalanced
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import HEADER_WORDS, squeeze
from nikosheet.typography import NO_LINE_START, RANGE_MARKS
from nikosheet.typography import continues as text_goes_on
from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    EVENT_STEPS,
    GOAL_LABELS,
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

if TYPE_CHECKING:  # imported where a row needs it: a pipe table that is not broken needs none of its patterns
    from nikosheet.parsing.forms import known_headers

BR_RE = compile_lazily(r"<br\s*/?>", re.IGNORECASE)
LEVEL_LABELS = frozenset(label for label, _ in SETUP_LEVELS.values())  # the set-up's levels: 都道府県 …
_SETUP_TOTALS = tuple(total for _, total in SETUP_LEVELS.values())  # what a level's count is out of: 障害圏域数 …
ITEM_START = "・･•①②③④⑤⑥⑦⑧⑨⑩"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# a whole frequency, which a narrow column did not wrap (`2回` / `/年` is the start of one)
_YEARLY_RE = compile_lazily(r"(?:年|月|週)[0-9０-９]{1,2}回|[0-9０-９]{1,2}回[/／](?:年|月)|随時|隔月")
# a year of an era or a Western one (`2016年度`), a month
DATED_RE = compile_lazily(r"(?:令和|平成|[RH])\s*[0-9０-９元●○]|(?:19|20)[0-9]{2}\s*年|[0-9０-９]{1,2}\s*月|現在")
_UNITS = ("度", "月", "回")  # what a whole pivot ends on: a fiscal year, a month, a frequency
_UNBROKEN_RE = compile_lazily(r"[0-9A-Za-z][0-9A-Za-z.,]*")  # a Western word or number: a line breaks around it
_VALUE_RE = compile_lazily(r"[0-9０-９][0-9０-９,.]*\s*\S{0,3}")  # `221 人`, `15.9 %`
FULL = 0.7  # a cell this share of its column's width was wrapped at its end
_FILLED = 0.9  # a cell this share of its column's width may have been wrapped: shorter, it was not
_FULL_BESIDE = 0.5  # the same for the cells right of the first: short values in narrow columns
WRAPPING = 8  # a first column whose longest line is shorter holds labels that do not wrap
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
_OTHERS = ROLES["others"]


class PipeRow:
    """A line of a pipe table: its cells, or the stray text of a line between rows (a plain class: a
    dataclass costs 0.5 ms to define)."""

    __slots__ = ("cells", "heads", "index", "raw", "stray", "table")

    def __init__(
        self, index: int, cells: list[str] | None = None, raw: list[str] | None = None, stray: str = "", table: int = 0
    ) -> None:
        self.index = index
        self.cells = [] if cells is None else cells  # empty for a stray line
        self.raw = [] if raw is None else raw  # the cells with markitdown's padding
        self.stray = stray
        self.table = table  # the markdown table it was written in
        self.heads = False  # a separator row under it: the first row of its markdown table


def pivot(known: known_headers.KnownTable | None, text: str) -> bool:
    """Whether `text` opens a row of a template's table whose first cell is its pivot (a year, a
    month, a circled number), or, given no text, whether there is such a table."""
    if known is None or known.pivot or known.grouped:
        return False
    return not text or known.pattern.match(text) is not None


def _role_at(cells: list[str]) -> int:
    """The column of the row's role label (行政, 医療, 福祉, その他関係機関・住民等 or its wrapped start), or 0."""
    from nikosheet.parsing.forms import known_headers

    return next((k for k, c in enumerate(cells) if k and known_headers.is_role(c)), 0)


def role_row(groups: list[RowGroup], stray: PipeRow) -> RowGroup | None:
    """A fragment that starts with a role's label (`福祉 研修会への参加…`, `その他関係機 家族会…`), under an
    issue's row: the row of that role, its label and its work in the columns of the role above."""
    from nikosheet.parsing.forms import known_headers

    label, _, work = stray.stray.partition(" ")
    # the role's column: the last row's, or that of the row above it that its wrapped lines broke off
    width = len(groups[-1].cells) if groups else 0
    at = next((a for g in groups[-1:-4:-1] if len(g.cells) == width and (a := _role_at(g.cells))), 0)
    if not at or at + 1 >= len(groups[-1].cells) or not known_headers.is_role(label):
        return None
    row = PipeRow(stray.index, [""] * len(groups[-1].cells), table=stray.table)
    row.cells[at], row.cells[at + 1] = label, work.strip()
    return RowGroup(row)


def issue_groups(groups: list[RowGroup]) -> list[RowGroup]:
    """The issues' table, whose issue and policy cells span their roles' rows: markitdown writes their
    lines among the roles' rows.  Under an issue's first row (行政), every later line's issue and policy
    pieces go back to that row, and a line with no role of its own goes on in the role's row above;
    the wrapped rest of `その他関係機関・住民等` goes back to its label."""
    kept: list[RowGroup] = []
    head: RowGroup | None = None
    role: RowGroup | None = None
    for g in groups:
        at = _role_at(g.cells)
        if at and g.cells[at] == ROLES["administration"]:
            head = role = g
        elif head is None or len(g.cells) != len(head.cells) or squeeze(g.cells[0]).startswith(HEADER_WORDS):
            head = role = None
        elif role is not None and (at or not g.cells[_role_at(role.cells)]):
            column = at or _role_at(role.cells)
            for k in range(column):
                head.cells[k] = join_text(head.cells[k], g.cells[k])
                g.cells[k] = ""
            if not at:
                for k in range(column + 1, len(g.cells)):
                    role.cells[k] = join_text(role.cells[k], g.cells[k])
                role.taken += [g.first, *g.taken]
                continue
            role = g
        kept.append(g)
    return kept


def label_end(group: RowGroup, text: str) -> tuple[int, str] | None:
    """The column of the group's wrapped label that the first word of `text` ends (`その他関係機関・` /
    `住民等 い。`), and that word; None when `text` has no other word after it or ends no label."""
    first, _, rest = text.partition(" ")
    role = _label_column(group, first) if rest else -1
    return None if role < 0 else (role, first)


def _label_column(group: RowGroup, text: str) -> int:
    """The column of the group's wrapped label that `text` goes on (`その他関係機` / `関・住民等`), or -1."""
    return next((k for k, c in enumerate(group.cells) if wrapped_label(c, text)), -1)


def place_tail(
    groups: list[RowGroup], tail: list[PipeRow], widths: Widths, known: known_headers.KnownTable | None
) -> None:
    """The lines right after a table that go on with its rows, up to a sentence's end: a year's next
    event, an issue's next role, a wrapped label's rest, or the end of a cell that a wrap cut."""
    for line in tail:
        sentence = line.stray.endswith("。")  # the paragraph after the table, or a cell's last line
        if not sentence and next_item(known, groups[-1], line.stray):
            group = groups[-1]
            group.cells[1] = join_text(group.cells[1], line.stray)
            group.ends[1] = line.stray  # (its wrapped rest, on the next line, is measured against it)
            group.stray = (1, line.stray)
            group.taken.append(line.index)
            continue
        if not sentence and second_event(known, groups[-1], line.stray, widths):
            groups.append(event_row(line, len(groups[-1].cells)))
            continue
        role = None if sentence else role_row(groups, line)
        if role is not None:
            groups.append(role)
            continue
        group = groups[-1]
        label = _label_column(group, line.stray)
        if label >= 0:
            group.cells[label] += line.stray
            group.taken.append(line.index)
            continue
        if not _tail_goes_on(group, line, widths) or sentence:
            return


def _tail_goes_on(group: RowGroup, line: PipeRow, widths: Widths) -> bool:
    """Whether a line after the table went into the last column whose cell a wrap cut (as wide as its
    column, no sentence ended) and that it fits (a wrapped label's rest first, where it starts with it)."""
    above = group.last
    label = label_end(group, line.stray)
    text = line.stray.partition(" ")[2].strip() if label else line.stray
    if _VALUE_RE.fullmatch(text):
        return False  # a value of its own (`221 人`): the parser reads it with the row above
    ends = group.ends  # each cell's last line: the group's last row may leave it empty
    cut = [j for j, c in enumerate(group.cells) if c and not complete(c) and len(ends[j]) >= FULL * widths.of(above, j)]
    fits = [j for j in cut if len(text) <= widths.of(above, j) + 2]
    if not fits:
        return False
    # the cells of the table's last printed line first, and of those one cut inside a katakana word
    fits = [j for j in fits if j < len(above.cells) and above.cells[j]] or fits
    split = [j for j in fits if _katakana(group.cells[j][-1]) and _katakana(text[0])]
    j = split[0] if len(split) == 1 else fits[-1]
    if label:
        group.cells[label[0]] += label[1]
    group.cells[j] = join_text(group.cells[j], text)
    group.taken.append(line.index)
    return True


def event_row(stray: PipeRow, cells: int) -> RowGroup:
    """A year's next event: a row of the year's group (no year of its own) that `stray` describes."""
    return RowGroup(PipeRow(stray.index, ["", stray.stray] + [""] * (cells - 2), table=stray.table))


def _under_event(known: known_headers.KnownTable | None, group: RowGroup) -> bool:
    """Whether the group is a row of the history's table (a year a row, its events a row each) with an event."""
    return known is not None and known.grouped and not known.pivot and len(group.cells) >= 2 and bool(group.cells[1])


def next_item(known: known_headers.KnownTable | None, group: RowGroup, stray: str) -> bool:
    """Under the history's header, a bulleted fragment under an event that is a list: the list's next item
    (markitdown writes each item of a cell's list a line of its own), not the year's next event."""
    return _under_event(known, group) and stray[0] in ITEM_START and group.cells[1][0] in ITEM_START


def second_event(known: known_headers.KnownTable | None, group: RowGroup, stray: str, widths: Widths) -> bool:
    """Under the history's header (a year a row, a row's group for a second event in one year): a
    fragment under an event that did not fill its column, and no other cell that a wrap cut, is the
    year's next event.  Widths are measured as printed (a wide character counts two, a digit one):
    markitdown pads by characters, counting a digit as much as a kanji, so `…と年1` (35 characters) is as
    wide as `…引き継` (34), and `…引き継` / `ぐ` was wrapped.  The event's line is measured against its
    piece of the table (markitdown starts one at every stray line), the fragment against the widest
    line of the column in every piece."""
    if not _under_event(known, group) or next_item(known, group, stray):
        return False
    # each cell's last printed line: a fragment put at a cell's end (`所）`, closing the commission's
    # bracket) is its column's, and the row above's cells beside it had ended
    last = list(group.last.cells)
    if group.stray is not None and group.stray[0] < len(last):
        last[group.stray[0]] = group.stray[1]
    cut = any(
        k > 1 and len(c) >= _FILLED * widths.of(group.last, k) and not complete(c) for k, c in enumerate(last) if c
    )
    if unbalanced(group.cells[1]) > 0:
        return False  # `…退院意向調査（県内` / `41病院）を実施`: the event's bracket is still open
    if unbalanced(stray) < 0 and any(unbalanced(c) > 0 for c in group.cells[2:]):
        return False  # `各保健福祉事務所（直` / `営）`: the end of the commission that opened the bracket
    width = widths.printed_here(group.last, 1)
    line = display_width(last[1])
    # the fragment's first word would have fitted on the event's last line: no wrap put it below
    fitted = line + _first_word(stray) <= width and stray[0] not in NO_LINE_START
    # a fragment wider than its piece's lines may fit the column: another piece holds a wider line
    fits = display_width(stray) <= widths.printed(group.last, 1) + 4
    # the event ended on its step (`…推進事業を開始`) and the fragment starts as a text does (no inflection,
    # no bracket, no mark that starts no line): the year's next event, though the event's line filled it
    stepped = last[1].endswith(EVENT_STEPS) and not text_goes_on(stray) and stray[0] not in "(（"
    return not cut and fits and (line < _FILLED * width or fitted or stepped)


def _room(line: str, word: int, width: int) -> bool:
    """Whether a word `word` wide would have fitted after `line` in a column `width` wide, as printed: a
    line that holds Western characters, which print a little wider than half a kanji, has one less."""
    return display_width(line) + word + (not line.isascii() and any(c.isascii() for c in line)) <= width


def _first_word(text: str) -> int:
    """The printed width of what a line cannot be broken in at the text's start: a number or a Western
    word (`41病院）`), else a character, each with the marks that may not start a line after it (`応。`)."""
    word = _UNBROKEN_RE.match(text)
    end = word.end() if word else 1
    while end < len(text) and text[end] in NO_LINE_START:
        end += 1
    return display_width(text[:end])


def pivot_beside(known: known_headers.KnownTable | None, above: list[str], cells: list[str]) -> bool | None:
    """Under a template header whose pivot is not the first cell (the councils' frequency), after a row
    that has one: whether the row has its own (a new row) or not (it goes on in the row above); None
    elsewhere.  A pivot that markitdown wrote a space before the next cell's text, in that cell, its own
    left empty, is the row's (see `pivot_apart`)."""
    if known is None or not known.pivot or known.grouped or not cells[0:1] or len(cells) != len(above):
        return None
    at = known.pivot
    if len(cells) <= at or not (known.pattern.match(above[at]) or pivot_apart(known, above)):
        return None
    return known.pattern.match(cells[at]) is not None or pivot_apart(known, cells)


def pivot_apart(known: known_headers.KnownTable, cells: list[str]) -> bool:
    """Whether the row's pivot (the councils' frequency) stands in the cell after its own, left empty,
    a space before that cell's text (`|  | 3回/年 ・個別事例の検 |`)."""
    at = known.pivot
    if at + 1 >= len(cells) or cells[at]:
        return False
    head, space, _ = cells[at + 1].partition(" ")
    return bool(space) and known.pattern.fullmatch(head) is not None


def wrapped_label(label: str, rest: str) -> bool:
    """Whether `rest` goes on with `label`, the wrapped start of `その他関係機関・住民等` or of a goal's
    label (`スモール ス` / `テップ`)."""
    from nikosheet.parsing.forms import known_headers

    if not rest:
        return False
    if squeeze(label) not in GOAL_LABELS and goal_label_start(label + rest):
        return True
    return label != _OTHERS and known_headers.is_role(label) and _OTHERS.startswith(label + rest)


def goal_label_start(text: str) -> bool:
    """Whether a text is a goal's label or its wrapped start (`スモール ス`, three characters at least)."""
    start = squeeze(text)
    return len(start) >= 3 and any(label.startswith(start) for label in GOAL_LABELS)


def wrapped_sub_row(label: str, rest: str) -> bool:
    """Whether `rest` goes on with `label`, the wrapped start of a 基本情報 sub-row's label
    (`精神領域に関する議論を行` / `う部会の有無`) or of a long header cell (`…達成度を測` / `る指標`)."""
    start = squeeze(label)
    if len(start) < 4 or start in _SUB_ROW_LABELS or start in _LONG_HEADERS:
        return False
    whole = start + squeeze(rest)
    return any(full.startswith(whole) for full in (*_SUB_ROW_LABELS, *_LONG_HEADERS))


def numbered_label_goes_on(group: RowGroup, row: PipeRow, widths: Widths) -> bool:
    """Under an indicator's row (`①…`) whose name ends no sentence, a row of as many cells whose
    first is no number, item, date or header, and fits the column: the name's wrapped rest."""
    head, above = row.cells[0] if row.cells else "", group.last
    if not numbered(group) or not head or len(row.cells) != len(above.cells) or complete(group.cells[0]):
        return False
    if head[0] in ITEM_START or DATED_RE.match(head) or is_header_row(row):
        return False
    return len(head) <= widths.of(above, 0) + 2


def numbered(group: RowGroup) -> bool:
    """An indicator's row (`①…`): no row of its group comes after it, a row with no number goes on in it."""
    return bool(group.cells[0]) and group.cells[0][0] in _CIRCLED


class RowGroup:
    """A logical row: its cells so far, the pipe row it was last continued from, the lines it took."""

    __slots__ = ("cells", "ends", "first", "last", "stray", "taken")

    def __init__(self, row: PipeRow) -> None:
        self.last = row
        self.cells = [join_br(c) for c in row.cells]
        self.ends = [BR_RE.split(c)[-1] for c in row.cells]  # each cell's last printed line
        self.first = row.index
        self.taken: list[int] = []
        self.stray: tuple[int, str] | None = None  # the last fragment put at a cell's end: (column, text)

    def add(self, row: PipeRow) -> None:
        for j, c in enumerate(row.cells[: len(self.cells)]):
            if c:
                self.cells[j] = join_text(self.cells[j], join_br(c))
                self.ends[j] = BR_RE.split(c)[-1]
        self.last = row
        self.stray = None
        self.taken.append(row.index)


def place_stray(
    groups: list[RowGroup], stray: PipeRow, widths: Widths, known: known_headers.KnownTable | None = None
) -> None:
    """A fragment outside the cells: the end of the column it fits, or, under a cell that was not
    full, the start of a new row of the same group.  Under a template header, a whole pivot (a
    history's `平成17年度`) was not cut: the fragment is not its rest, though it fits its column."""
    if not groups:
        return
    group = groups[-1]
    # `その他関` / `係機関・` / `住民等`: the wrapped rest of a role's or a sector's label
    role = _label_column(group, stray.stray)
    role = role if role >= 0 else next((k for k, c in enumerate(group.cells) if wrapped_sub_row(c, stray.stray)), -1)
    if role >= 0:
        group.cells[role] += stray.stray
        group.taken.append(stray.index)
        return
    end = label_end(group, stray.stray)
    if end:  # `住民等 い。`: the label's rest, then the end of a cell beside it
        group.cells[end[0]] += end[1]
        place_stray(
            groups, PipeRow(stray.index, stray=stray.stray.partition(" ")[2].strip(), table=stray.table), widths, known
        )
        return
    above = group.last
    filled = [j for j, c in enumerate(group.cells) if c]
    fits = [j for j in filled if len(stray.stray) <= widths.of(above, j) + 2 and not _whole_pivot(known, group, j)]
    head = label_row(groups) or group
    unit = _unit_rest(group, stray.stray)
    if unit >= 0:  # `0 / 6 か所/障` / `害圏域数`: the level's count's unit goes on
        group.cells[unit] += stray.stray
        group.taken.append(stray.index)
        return
    if open_setup_label(head, group) and stray.stray[0] not in ITEM_START:
        head.cells[0] = join_text(head.cells[0], stray.stray)  # the setup's long label, until its as-of closes
        group.taken.append(stray.index)
        return
    label = label_row(groups)
    if not fits and label is not None and len(stray.stray) <= widths.of(label.last, 0) + 2:
        label.cells[0] = join_text(label.cells[0], stray.stray)  # the group's row-spanned label goes on
        group.taken.append(stray.index)
        return
    if len(filled) > 1 and (not fits or " " in stray.stray):
        wrapped = [  # the cells that the table's last printed line filled to its column's width
            j
            for j in filled
            if j < len(above.cells)
            and not complete(group.cells[j])
            and len(above.cells[j]) >= FULL * widths.of(above, j)
        ]
        pieces = _across(stray.stray, [(j, widths.of(above, j)) for j in (wrapped if len(wrapped) > 1 else filled)])
        # the ends of cells side by side, each going on from a cell that a wrap cut
        if pieces and (not fits or not any(complete(group.cells[j]) for j, _ in pieces)):
            for j, piece in pieces:
                group.cells[j] = join_text(group.cells[j], piece)
            group.taken.append(stray.index)
            return
    # in the history, right under a row: a cell whose last line left room for the fragment's first word
    # was not wrapped there, another was (`…推進員を` / `基幹相談支援センターに配置`, not the commission
    # `社会福祉法人 讃岐会` beside it; a list's next item starts a line of its own wherever)
    if known is not None and known.grouped and group.stray is None and stray.stray[0] not in ITEM_START:
        word = _first_word(stray.stray)
        ended = [k for k in fits if _room(group.ends[k], word, widths.printed(above, k))]
        if ended and len(ended) < len(fits):
            fits = [k for k in fits if k not in ended]
    j = fits[-1] if fits else filled[-1] if filled else 0
    opened = next((k for k in filled if unbalanced(group.cells[k]) > 0), -1)
    # `…委員ヒ` / `アリング`: the one cell that a wrap cut inside a katakana word
    split = [k for k in fits if _katakana(group.cells[k][-1]) and _katakana(stray.stray[0])]
    # else, for no list's item, the fullest that a wrap cut (no sentence ended), not a short one beside it
    cut = [k for k in fits if not complete(group.cells[k]) and len(above.cells[k]) >= FULL * widths.of(above, k)]
    if unbalanced(stray.stray) < 0 and opened >= 0:  # `当初)`: the end of the cell that opened the bracket
        j = opened
    elif len(split) == 1:
        j = split[0]
    elif len(lists := [k for k in fits if group.cells[k][0] in ITEM_START]) == 1 and stray.stray[0] in ITEM_START:
        j = lists[0]  # a list's next item: the one cell that holds a list
    elif cut and stray.stray[0] not in ITEM_START and len(above.cells[j]) < FULL * widths.of(above, j):
        j = max(reversed(cut), key=lambda k: len(above.cells[k]) / max(widths.of(above, k), 1))
    elif stray.stray[0] not in ITEM_START and j in cut and len(brim := _brimming(above, cut, widths)) == 1:
        j = brim[0]  # `…推進協議` (its column's widest) / `会`: not the cell beside it that stopped short
    elif stray.stray[0] not in ITEM_START and complete(group.cells[j]) and (beside := [k for k in cut if k]):
        j = beside[-1]  # a cell beside the label that a wrap cut, rather than a sentence that ended
    elif filled and j != filled[-1] and len(above.cells[j]) < FULL * widths.of(above, j):
        row = PipeRow(stray.index, [""] * len(group.cells), table=above.table)
        row.cells[j] = stray.stray
        groups.append(RowGroup(row))
        return
    group.cells[j] = join_text(group.cells[j], stray.stray)
    group.ends[j] = stray.stray
    group.stray = (j, stray.stray)
    group.taken.append(stray.index)


def _whole_pivot(known: known_headers.KnownTable | None, group: RowGroup, j: int) -> bool:
    """Whether cell `j` of the group is its table's pivot, whole: a year, a month or a frequency that
    ends on its unit (`平成17年度`, `R5年7月`, `年3回`; not `R5年7月～R6年2`, which `月` may go on)."""
    if known is None or j != known.pivot:
        return False
    cell = group.cells[j]
    return cell.endswith(_UNITS) and known.pattern.fullmatch(cell) is not None


def _brimming(above: PipeRow, cut: list[int], widths: Widths) -> list[int]:
    """The cells that a wrap cut whose line is as wide as their column, where the others stop more than
    two characters short (a line may stop a character or two short of its column: a word that did not fit)."""
    full = [k for k in cut if len(above.cells[k]) >= widths.of(above, k)]
    short = all(len(above.cells[k]) < widths.of(above, k) - 2 for k in cut if k not in full)
    return full if short and len(full) < len(cut) else []


def _katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fc"


def closes_setup_label(groups: list[RowGroup], row: PipeRow) -> bool:
    """A setup level's row whose first cell is the end of the group's label (`時点)`): that end goes
    back to the label, and the row is a row of the group.  Whether the row was such a one."""
    label = label_row(groups) or groups[-1]
    head = row.cells[0]
    if not head or len(row.cells) < 2 or squeeze(row.cells[1]) not in LEVEL_LABELS:
        return False
    if not open_setup_label(label, groups[-1]) or unbalanced(head) >= 0:
        return False
    label.cells[0] = join_text(label.cells[0], head)
    row.cells[0] = ""
    return True


def _unit_rest(group: RowGroup, text: str) -> int:
    """The column of a council set-up level's count whose unit `text` ends (`0 / 6 か所/障` and
    `害圏域数`: the count out of the region's 障害圏域数), or -1."""
    if len(group.cells) < 2 or squeeze(group.cells[1]) not in LEVEL_LABELS:
        return -1
    last = max((k for k, cell in enumerate(group.cells) if cell), default=0)
    cell = group.cells[last]
    ends = any((cell + text).endswith(total) and not cell.endswith(total) for total in _SETUP_TOTALS)
    return last if ends and "/" in cell else -1


def open_setup_label(label: RowGroup, group: RowGroup) -> bool:
    """Whether `label` heads the council setup's rows (都道府県, 障害保健福祉圏域, 市町村) with a label
    whose as-of bracket has not closed yet: the label's wrapped lines go on, among its rows."""
    levels = (squeeze(g.cells[1]) in LEVEL_LABELS for g in (label, group) if len(g.cells) > 1)
    text = label.cells[0]
    return all(levels) and bool(text) and not text.endswith((")", "）")) and unbalanced(text) >= 0


def label_row(groups: list[RowGroup]) -> RowGroup | None:
    """The row whose first cell labels the last row's group, when that row leaves it empty."""
    if groups[-1].cells[0]:
        return None
    return next((g for g in reversed(groups) if g.cells[0]), None)


class Widths:
    """Each column's width: markitdown pads every cell of a markdown table to it.  A table of one or
    two rows (markitdown starts one at every stray line) tells little: then the widest of all."""

    def __init__(self, rows: list[PipeRow]) -> None:
        self.table: dict[tuple[int, int, int], int] = {}
        self.region: dict[tuple[int, int], int] = {}
        self.rows: dict[int, int] = {}
        self.wide: dict[tuple[int, int], int] = {}  # each column's widest line as printed (`display_width`)
        self.piece: dict[tuple[int, int, int], int] = {}  # the same in each markdown table
        for r in rows:
            if r.stray:
                continue
            self.rows[r.table] = self.rows.get(r.table, 0) + 1
            n = len(r.cells)
            for j, raw in enumerate(r.raw):
                width = max(len(raw) - 2, len(raw.strip()))
                self.table[r.table, n, j] = max(self.table.get((r.table, n, j), 0), width)
                self.region[n, j] = max(self.region.get((n, j), 0), width)
                printed = max(map(display_width, BR_RE.split(raw.strip())))
                self.wide[n, j] = max(self.wide.get((n, j), 0), printed)
                self.piece[r.table, n, j] = max(self.piece.get((r.table, n, j), 0), printed)

    def of(self, row: PipeRow, j: int) -> int:
        n = len(row.cells)
        if self.rows.get(row.table, 0) >= 3:
            return self.table.get((row.table, n, j), 0)
        return self.region.get((n, j), 0)

    def printed(self, row: PipeRow, j: int) -> int:
        """Column `j`'s width as printed: its widest line in every piece of the table."""
        return self.wide.get((len(row.cells), j), 0)

    def printed_here(self, row: PipeRow, j: int) -> int:
        """The same in the row's own markdown table where it has rows enough to tell (as `of`)."""
        if self.rows.get(row.table, 0) >= 3:
            return self.piece.get((row.table, len(row.cells), j), 0)
        return self.printed(row, j)


def continues(above: PipeRow, row: PipeRow, widths: Widths) -> bool:
    """Every cell `row` fills goes on from a full cell above, the first from a column wide enough to wrap."""
    if len(above.cells) != len(row.cells):
        return False
    filled = [j for j, c in enumerate(row.cells) if c]
    if not filled or any(not above.cells[j] for j in filled):
        return False
    if complete(above.cells[filled[0]]):
        return False
    if filled[0] == 0 and widths.of(above, 0) < WRAPPING:
        # a narrow first column: a label that wraps (`静岡県精神` / `保健医療福`) only where the row
        # leaves a cell empty that the row above filled, and never a year or a month
        leaves_empty = any(c and not row.cells[j] for j, c in enumerate(above.cells))
        if not leaves_empty or DATED_RE.match(row.cells[0]) or widths.of(above, 0) < 4:
            return False
    if row.cells[0] and (row.cells[0][0] in ITEM_START or is_header_row(row)):
        return False  # a numbered or bulleted label, or a header, starts a row
    if _role_at(row.cells):
        return False  # an issue's next role (`医療` under `行政`) starts its row
    if any(_YEARLY_RE.fullmatch(row.cells[j].split(" ", 1)[0]) for j in filled[1:]):
        return False  # a council's frequency (`年3回`) is on its row's first line
    if squeeze(row.cells[filled[0]]).startswith(_SUB_ROWS):
        return False  # a sub-row of the 基本情報 table (`一般相談支援事業所数`) is a row of its group
    if not row.cells[0] and all(row.cells[j][0] in ITEM_START for j in filled):
        return True  # the next items of the lists above
    lists = [j for j in filled if row.cells[j][0] in ITEM_START and above.cells[j][0] in ITEM_START]
    if not row.cells[0] and lists and all(j in lists or _cut(above.cells[j], widths.of(above, j)) for j in filled):
        return True  # a list's next item beside the rest of a cell a wrap cut (`・…を検討` / `ター`, `…セン` above)
    if len(above.cells[filled[0]]) < FULL * widths.of(above, filled[0]):
        return False
    return all(len(above.cells[j]) >= _FULL_BESIDE * widths.of(above, j) for j in filled[1:])


def _cut(text: str, width: int) -> bool:
    """A cell's line as wide as its column, no sentence ended: a wrap cut it."""
    return len(text) >= FULL * width and not complete(text)


def complete(text: str) -> bool:
    """Ends a sentence or closes every bracket it opened: not cut by a wrap."""
    return text[-1] == "。" or (text[-1] in CLOSING and unbalanced(text) == 0)


def join_br(cell: str) -> str:
    if "<" not in cell:
        return cell
    pieces = BR_RE.split(cell)
    out = pieces[0]
    for p in pieces[1:]:
        out = join_text(out.strip(), p.strip())
    return out


def join_text(a: str, b: str) -> str:
    """Two pieces of a wrapped cell: no space where a Japanese line was wrapped, else one."""
    if not a:
        return b
    if not b:
        return a
    if b[0] in ITEM_START:
        return f"{a} {b}"
    # `年1` + `回)`: a Japanese line goes on (`54 人` + `15.9 %` is two words); `R6年8月～` + `10月`: a range goes on
    if not b[0].isascii() or a[-1] in RANGE_MARKS:
        return a + b
    return f"{a} {b}"


def _across(text: str, columns: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """A line wider than any column: the ends of several cells side by side, one space between.
    Its words are dealt to the columns from the right, each taking what its width holds."""
    words = text.split(" ")
    if len(words) == len(columns) and all(
        w.endswith("。") and len(w) <= width + 2 for w, (_, width) in zip(words, columns, strict=True)
    ):  # `問支援を行っている。 れる。`: a sentence's end for each
        return [(j, w) for w, (j, _) in zip(words, columns, strict=True)]
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


def is_header_row(row: PipeRow) -> bool:
    first = squeeze(row.cells[0]) if row.cells else ""
    return any(first.startswith(w) for w in HEADER_WORDS)
