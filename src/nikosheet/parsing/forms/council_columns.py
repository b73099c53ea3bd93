"""The councils' table of section 7 where plain pdftotext or pdfminer wrote a Chromium PDF's cells a box
at a time, in no row order: each box put back in its column by its shape, each column's cells taken in
row order.

Both converters keep each column's cells in the order of the rows, but not the rows' order across
columns: a row's later lines come after the next row's first ones, one column's cells of every row
may come before the next column's, and pdftotext runs cells that share a baseline into one line
(`高松市精神障害にも対応した 精神科病院、医師会、基幹相談支`).  The template tells a piece's column:
a frequency is the vocabulary's (`年2回`, `随時`, `四半期に1回`); a name ends in a council's word (会議,
協議会, 部会, ワーキング…) and a piece goes on a name until it does; a list of members has `、`; an
activity may open with a bullet; a note is a sentence.  Each column's lines are as wide as the column
(a cell's lines but its last fill it), so a wrapped cell's first line tells its column and a line
that fills it says that the cell goes on:

    名称                                    名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    協議の場の構成員                        推進協議会⇥保健所、医師会、家族会⇥年2回⇥方針の決定⇥
    推進協議会 保健所、医師会、家  →        地域移行部会⇥病院、相談支援事業所⇥随時⇥事例検討⇥委員が多い。
    族会                                    …
    年2回 …

Rows are the names; each column whose cells are as many as the rows gives one to each, in order, and
a column with fewer (empty cells) gives each cell to the row whose name came last before it.  A
column that cannot be placed so is kept as text below the table, in its order, and the parser warns.
The table is rewritten only when every row has its name and its frequency.  Where the names are
more than the frequencies, a name as wide as its column (pdfminer: `仙台市精神保健福祉審議会`) may
go on in a whole name of its own (`地域移行・地域定着部会`): the names are joined so only where exactly
one way leaves each row's frequency after its name and before the next row's, and the table is then
read only when its members and activities are placed.  A one-line list right after a row's frequency,
its members' list closed, is read as an activity (`月1回` `進捗管理、会議準備`).  A members' line that ends on a whole
member and no `、` ends the list (the `、` cannot open the next line).  Where no two rows' frequencies
were written together and the frequencies would give a column of fewer cells than the rows to other
rows than the names do (pdfminer may write the next row's name and members before a row's right
cells), the cells stay where the names put them, with a `shifted-cell` warning.  A header cell whose rest was written
after the first row's cells (`特記事項等` … `(課題・強` `み等)`) is made whole there.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width, unbalanced
from nikosheet.parsing.forms.council_pivots import HEADERS, REACH, councils_end
from nikosheet.parsing.forms.template_tables import COUNCIL_NAME_ENDS, FREQUENCY, LIST_BULLETS, join_cell
from nikosheet.typography import starts_hiragana
from nikosheet.vocabulary import BODY_NAME_ENDS, CIRCLED

_HEADER = HEADERS[0]
_FREQUENCY_RE = re.compile(rf"^{FREQUENCY}$")  # anchored: a search from every start backtracks
_NAME_ENDS = (*COUNCIL_NAME_ENDS, "ワーキング", "チーム")
_NOTE_RE = re.compile(r"[(（][^)）、]{1,20}[)）]")  # a bracketed note after a name: `（7区）`
_SENTENCE_COMMA = re.compile(r"[とをにでがはもてし]、")
_TAILS = ("議", "会議")  # a name's end wrapped after a line that ends a name already (`…推進会` `議`)
_NAME, _MEMBERS, _FREQ, _ACTS, _NOTES = range(5)
_COLUMNS = 5  # the template's columns: a row's first printed line holds so many cells at most
_NO_LINE_START = tuple("、。，．）)」』】")  # kinsoku: a wrap takes the character before on with these
# what a member's name ends with: a body's (`保健所`, `…センター`), a department's (`障害福祉課`) or a person's
_MEMBER_ENDS = (*BODY_NAME_ENDS, "課", "委員", "者", "会")
_NAME_RESTS = 2  # names that may be another's rest: more leave the table as it is
_SLACK = 2  # display columns: a full line may be a character short (a wrap's kinsoku, a narrow digit)


@dataclass(slots=True)
class _Piece:
    """A run of a box's lines in one cell (pdftotext's joined lines cut at their spaces)."""

    lines: list[tuple[int, str]]
    column: int | None = None
    may_name: bool = True  # whether it may open a name where its words do not say so
    parts: bool = False  # a name's two parts a space apart on a line (`協議会 地`): the space takes no room

    @property
    def first(self) -> int:
        return self.lines[0][0]

    def widths(self) -> list[int]:
        return [display_width(text.replace(" ", "") if self.parts else text) for _, text in self.lines]


@dataclass(slots=True)
class _Cell:
    pieces: list[_Piece] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.pieces[0].first

    def lines(self) -> list[tuple[int, str]]:
        return [line for piece in self.pieces for line in piece.lines]

    def text(self) -> str:
        return join_cell([(i, t, False) for i, t in self.lines()])


def apply(state: FormState) -> None:
    """Rewrite the councils' table written a box at a time, when its names and frequencies pair up."""
    if not signals.council_columns(state.source):
        return
    region = _region(state.lines)
    if region is None:
        return
    start, end = region
    # a name below a name: its second part first, else a row of its own; a word beside a name's wrapped
    # line its second part's start (see `_part_on`) only where the table is read no other way
    for spaced, parts in ((True, False), (False, False), (True, True), (False, True)):
        found = _pieces(state.lines, (start, end), spaced, parts)
        if found is None:
            return
        pieces, late = found
        apart = [_Piece(list(piece.lines), piece.column, piece.may_name, piece.parts) for piece in pieces]
        table = _read(pieces, late)
        if (table is None or len(table.columns) < _COLUMNS - 1) and _first_lines(apart):
            again = _read(apart, late)  # (read so only where the table is read no other way, or with fewer columns)
            if again is not None and (table is None or len(again.columns) > len(table.columns)):
                pieces, table = apart, again
                notes = table.columns.get(_NOTES)
                if notes is not None and not _whole_notes(notes):
                    del table.columns[_NOTES]  # which row's each note is, not sure: kept as text
        if table is not None:
            _write(state, region, table, pieces, late)
            return


def _region(lines: list[str | None]) -> tuple[int, int] | None:
    """The table's lines: from its header's first cell alone on a line (the members' when the names'
    comes after it) to the part after the table."""
    for i, line in enumerate(lines):
        if line is None or line.strip(" \f") != _HEADER[1]:
            continue
        start = next((j for j in range(i - 1, max(-1, i - 4), -1) if (lines[j] or "").strip(" \f") == _HEADER[0]), i)
        for j in range(i + 1, min(len(lines), i + REACH)):
            text = lines[j]
            if text is not None and (councils_end(text) or "\t" in text):
                return (start, j) if councils_end(text) else None
        return None
    return None


def _pieces(
    lines: list[str | None], region: tuple[int, int], spaced: bool, parts: bool = False
) -> tuple[list[_Piece], set[int]] | None:
    """The region's pieces in their order, the header's cells taken out, and the late columns (see
    `_without_header`); None when the header is not whole.  `spaced`: a whole name right below a name
    in its box is that name's second part (see `_goes_on`); `parts`: a word beside a wrapped name's
    last line starts the name's second part (see `_part_on`)."""
    start, end = region
    segments: list[tuple[int, str, int, int]] = []  # line, text, place on its line, pieces on its line
    for i in range(start, end):
        words = _words(lines[i] or "")
        segments += [(i, word, k, len(words)) for k, word in enumerate(words)]
    found = _without_header(segments)
    if found is None:
        return None
    segments, late = found
    pieces: list[_Piece] = []
    last: dict[tuple[int, int], _Piece] = {}  # the piece a line's place goes on: (line, place)
    beside: list[tuple[_Piece, _Piece]] = []  # a piece that starts right of a one-line piece on its line
    for i, text, k, count in segments:
        above = _above(last, (i, k, count), (_count_at(segments, i - 1), spaced), text)
        if above is not None:
            above.lines.append((i, text))
            last[(i, k)] = above
            continue
        left = last.get((i, k - 1))
        if (
            left is not None
            and _is_name("".join(t for _, t in left.lines))
            and (_is_name(text) or (parts and _part_on(left, text)))
        ):
            left.parts = left.parts or not _is_name(text)
            left.lines[-1] = (i, f"{left.lines[-1][1]} {text}")  # one name's two parts, a space apart
            last[(i, k)] = left
            continue
        piece = _Piece([(i, text)])
        if left is not None and left.lines == [(i, left.lines[0][1])]:
            beside.append((left, piece))
        pieces.append(piece)
        last[(i, k)] = piece
    for left, piece in beside:
        _name_beside(pieces, left, piece)
    return pieces, late


def _whole_notes(notes: list[_Cell | None]) -> bool:
    """Whether a notes' column read from rows' first lines and rests (see `_first_lines`) is one whole note
    a row: as many as the rows, each a sentence to its end (else a note's rest or another cell's went on
    another row's, and which row's each is, the text does not tell)."""
    return all(cell is not None and cell.text().endswith(("。", "．")) for cell in notes)


def _first_lines(pieces: list[_Piece]) -> bool:
    """A row's cells where pdfminer wrote its first printed line a box a cell, then each cell's rest a
    box each, in the columns' order (`倉敷市精神保` `精神科病院、…医師会、` `2回/年` `・地区別ネットワーク会`
    `各委員が所属機関の`, then `健福祉連絡協` / `議会`, `相談支援事業所、…`, `議からの報告 …`, `課題を持ち寄る…`):
    a run of one-line pieces that holds a name's piece (no whole name), a list's line and the frequency,
    in this order, and maybe the activities' and the notes' first lines; each of its lines but the
    frequency and a sentence's end takes the next piece after the run as its rest, in order, while the
    name so made is a name and the rest no frequency nor a whole name of its own (the next row's).
    Whether a piece was so taken."""
    k, changed = 0, False
    while k < len(pieces):
        run = _first_line_run(pieces, k)
        if not run:
            k += 1
            continue
        opened = [
            p for p in pieces[k : k + run] if not _is_frequency(p.lines[0][1]) and not p.lines[0][1].endswith("。")
        ]
        taken: list[_Piece] = []
        for piece, rest in zip(opened, pieces[k + run :], strict=False):
            text = "".join(t for _, t in rest.lines)
            if _is_frequency(rest.lines[0][1]) or (piece is not opened[0] and _is_name(text)):
                break
            if piece is opened[0] and not _is_name(piece.lines[0][1] + text):
                break
            taken.append(rest)
            piece.lines += rest.lines
        for rest in taken:
            pieces.remove(rest)
        changed = changed or bool(taken)
        k += run
    return changed


def _first_line_run(pieces: list[_Piece], k: int) -> int:
    """The length of the run of one-line pieces at `k` that is a row's first printed line (see
    `_first_lines`), else 0."""
    run = 0
    while k + run < len(pieces) and run < _COLUMNS and len(pieces[k + run].lines) == 1:
        run += 1
    if run < 3:
        return 0
    name, members, frequency = (pieces[k + n].lines[0][1] for n in range(3))
    if _is_name(name) or _is_frequency(name) or name[0] in LIST_BULLETS or "、" in name:
        return 0
    if "、" not in members or _is_frequency(members) or not _is_frequency(frequency):
        return 0
    later = [p.lines[0][1] for p in pieces[k + 3 : k + run]]
    return 3 + next((n for n, text in enumerate(later) if _is_frequency(text) or _is_name(text)), len(later))


def _part_on(left: _Piece, text: str) -> bool:
    """Whether a word right of a wrapped name's last line starts the name's second part (`自立支援` /
    `協議会 地` / `域移行部` / `会`): the printed line, both words, is no wider than the name's lines
    above (a narrow column's line; another column's word would stand far off and widen it), and the
    word is no frequency, list or sentence."""
    line = left.lines[-1][1]
    if len(left.lines) < 2 or left.lines[-1][0] != left.lines[-2][0] + 1 or any(c in text for c in "、。,，"):
        return False
    if _is_frequency(text) or text[0] in LIST_BULLETS:
        return False
    return display_width(line + text) <= max(display_width(t) for _, t in left.lines[:-1])


def _name_beside(pieces: list[_Piece], left: _Piece, piece: _Piece) -> None:
    """A name that Chromium wrapped at its space, its first part's end and its second part's first
    line on one line (`京都府精神保健福祉審議` `会 にも包括推進部会`, `…福祉` `審議会 地域移行・` `地域定着部会`):
    where the piece on the right, whole, is a name and the one-line piece left of it ends as one
    (`会`, `審議会`), the two are one piece, a space apart."""
    text = left.lines[0][1]
    whole = "".join(t for _, t in piece.lines)
    if left not in pieces or piece not in pieces or not text.endswith(COUNCIL_NAME_ENDS) or "、" in text:
        return
    if not _is_name(whole) or _is_frequency(piece.lines[0][1]):
        return
    left.lines = [(piece.lines[0][0], f"{text} {piece.lines[0][1]}"), *piece.lines[1:]]
    pieces.remove(piece)


def _words(line: str) -> list[str]:
    """A line's words: a bulleted item goes on the word before it (`企画 ・家族教`: one cell's line), but
    not on a frequency (`年3回 ・事例の共有`: two cells), and so do a word after a Latin comma
    (`方向性の決定, 専門`) and a numbered item after another (`②事例検討 ③退院`: one list's items)."""
    words: list[str] = []
    for word in line.strip(" \f\u3000").split():
        joined = word[0] in LIST_BULLETS or (bool(words) and words[-1].endswith(","))
        joined = joined or (word[0] in CIRCLED and bool(words) and words[-1][0] in CIRCLED)
        if words and joined and not _is_frequency(words[-1]):
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def _above(
    last: dict[tuple[int, int], _Piece], at: tuple[int, int, int], told: tuple[int, bool], text: str
) -> _Piece | None:
    """The piece a line's word goes on: the one at its place on the line above, with as many words;
    a lone word below several, the rightmost that it may go on (pdftotext joins the cells that go
    on at one baseline: one left alone is the last that still has lines, most often the right)."""
    i, k, count = at
    above, spaced = told
    if count == above:
        places = [k]
    elif count == 1:
        places = list(range(above - 1, -1, -1))
    else:
        places = [k] if k == 0 else []
    for place in places:
        piece = last.get((i - 1, place))
        if piece is None or (unbalanced(text) < 0 and unbalanced("".join(t for _, t in piece.lines)) <= 0):
            continue  # a bracket's close goes on the cell that opened it
        if _goes_on(piece, text, spaced):
            return piece
    return None


def _count_at(segments: list[tuple[int, str, int, int]], line: int) -> int:
    return next((count for i, _, _, count in segments if i == line), 0)


def _goes_on(piece: _Piece, text: str, spaced: bool) -> bool:
    """Whether a line right below a piece's last line, in its box, is the same cell's (`spaced`: a whole
    name below a name is; the table is read so first, then, where that reading fails, with each a row's
    name, as pdfminer may box one-line rows' names together).  A name-like line below a list's last line
    is the next row's name, but where that line, as wide as the box, cut a member that is no member's
    name yet (`…保健所長会、介` `護支援専門員協会`) and the line makes it one: the list's rest."""
    if _is_frequency(piece.lines[-1][1]) or _is_frequency(text):
        return False
    if _is_name("".join(t for _, t in piece.lines)):
        # `…推進会` `議`: the name's end that the wrap took on; a whole name right below, in the same box: the
        # name's second part, wrapped at its space (`仙台市精神保健福祉審議会` `地域移行・地域定着部会`)
        return text in _TAILS or (spaced and _is_name(text))
    widths = piece.widths()
    last = piece.lines[-1][1]
    if _is_name(text) and "、" in last:
        if last.endswith("、") or widths[-1] < max(widths) - _SLACK:
            return False  # a council's name below a list's last line: the next row's
        cut = last.split("、")[-1]  # the list's last line cut an item, as wide as the box: its rest
        return len(piece.lines) > 1 and not cut.endswith(_MEMBER_ENDS) and (cut + text).endswith(_MEMBER_ENDS)
    return widths[-1] >= max(widths) - _SLACK and widths[-1] >= display_width(text) - _SLACK


def _without_header(
    segments: list[tuple[int, str, int, int]],
) -> tuple[list[tuple[int, str, int, int]], set[int]] | None:
    """The segments without the header's cells (each a run of segments whose words make it), also
    where a page break repeats the header, and the columns whose header cell comes after a body's
    cell (a late column: its cells after the rows, its header cell after the second row's frequency);
    None when a cell is not there."""
    header: dict[int, int] = {}  # a header segment's index: its column
    for column, cell in enumerate(_HEADER):
        runs = _header_runs(segments, cell, header)
        if not runs:
            return None
        header.update({k: column for first, end in runs for k in range(first, end)})
    body = [k for k in range(len(segments)) if k not in header]
    frequencies = [k for k in body if _is_frequency(segments[k][1])]
    late = {c for c in header.values() if len(frequencies) > 1 and frequencies[1] < min(_first(header, c))}
    late.add(_FREQ)  # the frequencies are always taken in order
    return [segments[k] for k in body], late


def _first(header: dict[int, int], column: int) -> list[int]:
    return [k for k, c in header.items() if c == column]


def _header_runs(segments: list[tuple[int, str, int, int]], cell: str, taken: dict[int, int]) -> list[tuple[int, int]]:
    """Every run of segments (not taken by another header cell) whose words make the header cell, else
    the cell's two parts written apart (see `_header_split`)."""
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(segments):
        end = _run_at(segments, k, cell, taken)
        if end is not None:
            runs.append((k, end))
            k = end - 1
        k += 1
    return runs or _header_split(segments, cell, taken)


def _run_at(segments: list[tuple[int, str, int, int]], k: int, cell: str, taken: dict[int, int]) -> int | None:
    """The end of the run of segments from `k` whose words make the cell, or None."""
    words = ""
    for j in range(k, min(len(segments), k + 4)):
        if j in taken:
            return None
        words += segments[j][1]
        if words == cell:
            return j + 1
        if not cell.startswith(words):
            return None
    return None


def _header_split(segments: list[tuple[int, str, int, int]], cell: str, taken: dict[int, int]) -> list[tuple[int, int]]:
    """A header cell whose wrapped lines were written in two boxes, the first rows' cells between
    (pdfminer: `特記事項等(課` in the header's box, then the first row's name, members and activities,
    then `題・強み等)`): its first lines right after another header cell's, its rest the first later run
    that makes the cell whole; none where either is not found."""
    # Where each rest's runs start, found once: a line of many header-like words would otherwise be
    # scanned again from every word (a parse of minutes).
    rest_runs: dict[str, list[tuple[int, int]]] = {}
    for k in range(1, len(segments)):
        if k in taken or k - 1 not in taken:
            continue
        words = ""
        for j in range(k, min(len(segments), k + 3)):
            if j in taken or not cell.startswith(words + segments[j][1]):
                break
            words += segments[j][1]
            if words == cell:
                continue
            rest = cell[len(words) :]
            if rest not in rest_runs:
                ends = ((a, _run_at(segments, a, rest, taken)) for a in range(len(segments)))
                rest_runs[rest] = [(a, end) for a, end in ends if end is not None]
            runs = rest_runs[rest]
            at = bisect.bisect_left(runs, (j + 1, 0))
            if at < len(runs):
                return [(k, j + 1), runs[at]]
    return []


def _is_frequency(text: str) -> bool:
    return _FREQUENCY_RE.match(text) is not None


def _is_name(text: str) -> bool:
    """A council's name: no `、` or `。`, one of the template's endings, perhaps a bracketed note after it."""
    if not text or "、" in text or "。" in text or text[0] in LIST_BULLETS:
        return False
    note = _NOTE_RE.search(text)
    if note is not None and note.end() == len(text):
        text = text[: note.start()]
    return any(text.endswith(end) and len(text) > len(end) for end in _NAME_ENDS)


def _kind(piece: _Piece) -> int | None:
    """The column a piece's words say it is in, or None."""
    text = "".join(t for _, t in piece.lines)
    if len(piece.lines) == 1 and _is_frequency(text):
        return _FREQ
    if _is_name(text) or _NOTE_RE.fullmatch(text) or text in _TAILS:  # a name, its bracketed note or its end
        return _NAME
    if unbalanced(text) > 0 and _is_name(text[: max(text.rfind("（"), text.rfind("("))]):
        return _NAME  # a name whose bracketed note the wrap cut (`圏域協議の場（10圏` `域）`)
    if text[0] in LIST_BULLETS or (text[0] in CIRCLED and len(piece.lines) == 1 and not text.endswith("。")):
        return _ACTS  # (an activities' list item; `③次年度計画の協議` alone is no name)
    if text.endswith("。"):
        return _NOTES
    if _SENTENCE_COMMA.search(text):  # `報告と、` `確認し、`: a sentence's comma, not a list's
        return None
    if text.count("、") >= 2 or ("、" in text and len(piece.lines) == 1):  # one 、 in a wrapped cell: a sentence's
        return _MEMBERS
    return None


def _activity_after(cells: dict[int, list[_Cell]], piece: _Piece, widths: dict[int, int]) -> bool:
    """Whether a piece right after a row's frequency that only its one line with one `、` made a list
    is as likely the row's activities (`月1回` `進捗管理、会議準備`): the row has its members' cell
    already, and that cell ends short of the column's width that wrapped cells tell (it does not go
    on)."""
    text = "".join(t for _, t in piece.lines)
    if len(piece.lines) != 1 or text.count("、") != 1 or not 1 <= len(cells[_NAME]) <= len(cells[_MEMBERS]):
        return False
    return -1 - _MEMBERS in widths and not _open(cells[_MEMBERS][-1], _MEMBERS, widths, text)


@dataclass(slots=True)
class _Table:
    names: list[_Cell]
    columns: dict[int, list[_Cell | None]]
    doubtful: list[int] = field(
        default_factory=list
    )  # columns placed by the names that the frequencies place otherwise


def _read(pieces: list[_Piece], late: set[int]) -> _Table | None:
    """Each piece's column, each column's cells, and the rows they make (a late column's cells by
    their order only); None when the names and the frequencies do not pair up."""
    if not pieces:
        return None
    kinds = [_kind(p) for p in pieces]
    kinds[0] = _NAME  # the first row's name is the table's first cell: the rows are top-aligned
    widths = _column_widths(pieces, kinds)
    _cells(pieces, kinds, widths)  # a first reading: the widths of every column's wrapped cells
    for _ in range(3):  # a name guessed from a line's width that never ends as one: read again without it
        for piece in pieces:
            piece.column = None
        cells = _cells(pieces, kinds, widths)
        guessed = [c.pieces[0] for c in cells[_NAME] if not _is_name(_name_text(c)) and c.pieces[0].may_name]
        if not guessed or kinds[pieces.index(guessed[0])] is not None:
            break
        guessed[0].may_name = False
    names = _name_rests(cells[_NAME], cells[_FREQ], widths)
    if not names or len(cells[_FREQ]) != len(names):
        return None
    if any(not _is_name(_name_text(c)) for c in names):
        return None
    anchors = [c.first for c in names]
    loose = [-1] * len(names)  # no cell known by where it stands: only columns as long as the rows placed
    ordered = _row_major(anchors, cells[_FREQ])
    if not ordered and _grouped(pieces):
        anchors = loose
    columns = {
        c: _placed(cells[c], anchors if c not in late and (ordered or _closed(cells[c], c, widths)) else loose)
        for c in range(1, 5)
    }
    if columns[_FREQ] is None:
        return None
    for c in late - {_FREQ}:
        if columns[c] is None:
            columns[c] = _late_placed(cells[c], [cell.first for cell in names])
    if columns[_NOTES] is None and _NOTES not in late:
        columns[_NOTES] = _placed(cells[_NOTES], _activity_rows(columns[_ACTS], cells[_NOTES], len(names)))
    if names is not cells[_NAME] and any(columns[c] is None for c in (_MEMBERS, _ACTS)):
        return None  # names joined by their widths alone: read only when every column but the notes is placed
    apart = not any(a.column == _FREQ == b.column for a, b in itertools.pairwise(pieces))  # (no row's written so)
    doubtful = [c for c in (_ACTS, _NOTES) if apart and c not in late and not _sure(cells[c], columns[c], cells[_FREQ])]
    return _Table(names, {c: cells_ for c, cells_ in columns.items() if cells_ is not None}, doubtful)


def _sure(cells: list[_Cell], placed: list[_Cell | None] | None, frequencies: list[_Cell]) -> bool:
    """Whether a column of fewer cells than the rows, placed by the names, is placed so by the
    frequencies too (each cell to the row whose frequency came last before it, where that is a placing
    at all).  pdfminer may write the next row's name and members before a row's frequency and right
    cells (`実務者部会…` `事務局会議` `…` `年4回` `テーマごとの…` `3つの部会の間で…`: the note may be the row of
    `年4回`'s or of the name before it): where the two differ, the text does not tell which row's it is."""
    if placed is None or len(cells) >= len(placed) or len(frequencies) != len(placed):
        return True
    by_frequency = _placed(cells, [f.first for f in frequencies])
    return by_frequency is None or by_frequency == placed


def _name_rests(names: list[_Cell], frequencies: list[_Cell], widths: dict[int, int]) -> list[_Cell]:
    """The names with the rests of those that filled their column joined to them, where the names are
    more than the frequencies (pdfminer: `仙台市精神保健福祉審議会` as wide as the column, then
    `地域移行・地域定着部会`, each a whole name): the only way to join so many that leaves each row's
    frequency after its name and before the next row's (names that fill the column, else names a
    character short of it); else the names as they were."""
    extra = len(names) - len(frequencies)
    if not frequencies or not 0 < extra <= _NAME_RESTS:
        return names
    width = widths.get(-1 - _NAME, widths.get(_NAME, 0))
    for full in (width, width - _SLACK):  # a line as wide as the column first, then one a little short
        rests = [k for k in range(1, len(names)) if display_width(names[k - 1].lines()[-1][1]) >= full]
        fits = [
            joined
            for joined in itertools.combinations(rests, extra)
            if _in_turn([cell.first for k, cell in enumerate(names) if k not in joined], frequencies)
        ]
        if fits:
            break
    if len(fits) != 1:
        return names
    out: list[_Cell] = []
    for k, cell in enumerate(names):
        if k in fits[0]:
            out[-1] = _Cell([*out[-1].pieces, *cell.pieces])
        else:
            out.append(cell)
    return out


def _in_turn(rows: list[int], frequencies: list[_Cell]) -> bool:
    """Whether each row's frequency comes after its name's first line and before the next row's."""
    ends = [*rows[1:], None]
    return all(
        row <= f.first and (end is None or f.first < end) for row, end, f in zip(rows, ends, frequencies, strict=True)
    )


def _activity_rows(activities: list[_Cell | None] | None, notes: list[_Cell], rows: int) -> list[int]:
    """Where each row's activities start, when every row has them in order and a note stands between
    two rows' activities (the two columns written row by row, not one after the other): a row's notes,
    beside its activities at their top, come after them and before the next row's (a note written
    between the first row's activities and the second's is the first row's, where the frequencies,
    written together, place no cell)."""
    firsts = [cell.first if cell is not None else -1 for cell in activities or []]
    if not firsts or min(firsts) < 0 or any(a >= b for a, b in itertools.pairwise(firsts)):
        return [-1] * rows  # no row known by where it stands (the activities not placed either)
    if not any(cell.first < firsts[-1] for cell in notes):
        return [-1] * rows
    return firsts


def _cells(pieces: list[_Piece], kinds: list[int | None], widths: dict[int, int]) -> dict[int, list[_Cell]]:
    """Each column's cells: each piece in its column, on the column's last cell where that goes on."""
    cells: dict[int, list[_Cell]] = {c: [] for c in range(5)}
    for k, (piece, kind) in enumerate(zip(pieces, kinds, strict=True)):
        # the cells left of it on its line: a line's cells stand left to right
        floor = max((p.column + 1 for p in pieces[:k] if p.first == piece.first and p.column is not None), default=0)
        beside = zip(pieces[k + 1 :], kinds[k + 1 :], strict=True)
        ceiling = min((c for p, c in beside if p.first == piece.first and c and c != _MEMBERS), default=5)
        if kind == _MEMBERS and k > 0 and kinds[k - 1] == _FREQ and _activity_after(cells, piece, widths):
            kind = None  # put by its width and the cells around it, as an activity is
            piece.may_name = False  # (it holds a `、`: no name)
        if kind == _NAME and k > 0 and _members_name_rest(cells, pieces[k - 1], piece, widths):
            kind = _MEMBERS  # `…ピアサポーター、公民` `館連合会` before the row's frequency: no new row
        elif (
            kind == _NAME
            and k > 0
            and kinds[k - 1] == _FREQ
            and _open_name(cells)
            and not _within(piece, _NAME, widths)
        ):
            kind = None  # after the frequency of a row whose name goes on, wider than the names' lines: `…圏域の会`
        if kind == _FREQ:
            floor, ceiling = 0, 5  # a frequency is sure: the others on its line give way
        elif kind is not None and not floor <= kind < ceiling:
            kind = None  # its words said a column its line's other cells leave no room for
        alternate = _alternate(cells, pieces[:k], piece, (kind, widths))
        if kind is None and alternate is None and _note_in_band(cells, pieces, kinds, k, widths):
            kind = _NOTES
        column = alternate or _column(piece, kind, (cells, widths), (kinds, pieces, k, (floor, ceiling)))
        if column is None or not floor <= column < ceiling:
            continue
        piece.column = column
        if column != _FREQ:
            _widen(widths, column, piece)
        last = cells[column][-1] if cells[column] else None
        if last is not None and (
            alternate is not None
            or (
                not _beside_name(cells[_NAME], pieces[:k], kind, column)
                and _goes_on_cell((cells[column], cells[_NAME]), piece, kind, widths)
            )
        ):
            last.pieces.append(piece)
        else:
            cells[column].append(_Cell([piece]))
    return cells


def _alternate(
    cells: dict[int, list[_Cell]], before: list[_Piece], piece: _Piece, told: tuple[int | None, dict[int, int]]
) -> int | None:
    """The column of a piece in two cells of a row written a line of each in turn (pdftotext: the lines
    of two cells side by side a box each, left then right): after a line of the left cell and a line
    of the right one that goes on (it fills its column), the next is the left cell's, beside the right
    one's rest (`・全県の課題の集約 ・圏域の` `圏域から上がる課題` `協議の場の取組報告` `を県の施策に…`)."""
    kind, widths = told
    if len(before) < 2:
        return None
    left, right = before[-2].column, before[-1].column
    if left is None or right is None or not _MEMBERS <= left < right or _FREQ in (left, right):
        return None
    if kind not in (None, left) or len(before[-1].lines) != 1 or len(cells[left]) != len(cells[right]):
        return None
    if cells[left][-1].pieces[-1] is not before[-2] or cells[right][-1].pieces[-1] is not before[-1]:
        return None
    if not _open(cells[right][-1], right, widths, piece.lines[0][1]) or not _fits(piece, left, widths):
        return None
    if _open_name(cells) and _name_wrap(piece, widths):
        return None  # the row's name not yet whole: the next band's first box, a wrapped name's lines, is its rest
    return left


def _note_in_band(
    cells: dict[int, list[_Cell]], pieces: list[_Piece], kinds: list[int | None], k: int, widths: dict[int, int]
) -> bool:
    """Whether a piece is its row's note where pdftotext wrote the row a band of lines at a time (the members',
    the activities' and the notes' lines of a band, each a box, left to right, then the next band's): right
    after an activities' box of its row that fills its column, the row with no note yet, and the box after
    it the next band's start, a box of the members' list or an activity's item (`・地区別連絡会` `からの課題報告`,
    `委員の所属が多` `分野にわたり、`, `ー、相談支援事業所、…`).  A cell goes on in its box, not in the next one."""
    if k == 0 or k + 1 >= len(pieces) or kinds[k + 1] not in (_MEMBERS, _ACTS):
        return False
    before = pieces[k - 1]
    acts = cells[_ACTS]
    if before.column != _ACTS or not acts or acts[-1].pieces[-1] is not before:
        return False
    if len(cells[_NOTES]) >= len(cells[_NAME]) or len(acts) != len(cells[_NAME]):
        return False
    piece = pieces[k]
    return _open(acts[-1], _ACTS, widths, piece.lines[0][1]) and _fits(piece, _NOTES, widths)


def _open_name(cells: dict[int, list[_Cell]]) -> bool:
    """Whether the last row's name has not yet ended as a name."""
    return bool(cells[_NAME]) and not _is_name(_name_text(cells[_NAME][-1]))


def _name_wrap(piece: _Piece, widths: dict[int, int]) -> bool:
    """Whether a piece's lines may be a wrapped name's: two or more, each no wider than the names' column and
    each but the last as wide, with no list's comma, no sentence's end and no bullet."""
    width = widths.get(_NAME, 0)
    lines = [t for _, t in piece.lines]
    if len(lines) < 2 or max(piece.widths()) > width or any(w < width - _SLACK for w in piece.widths()[:-1]):
        return False
    text = "".join(lines)
    return "、" not in text and "。" not in text and text[0] not in LIST_BULLETS


def _whole_name_row(cells: dict[int, list[_Cell]], widths: dict[int, int], after: str) -> bool:
    """Whether the last row's name has ended as a name, its members' list has ended (no `、` at its end, its last
    line short of the column: `…福祉保健` `所` goes on) and its activities have begun."""
    names, members = cells[_NAME], cells[_MEMBERS]
    if not names or len(members) != len(names) or len(cells[_ACTS]) != len(names):
        return False
    ended = not members[-1].lines()[-1][1].endswith("、") and not _open(members[-1], _MEMBERS, widths, after)
    return ended and not _open_name(cells)


def _beside_name(names: list[_Cell], before: list[_Piece], kind: int | None, column: int) -> bool:
    """Whether a piece its words place is its row's first line beside a name's first line: right after
    a new name's first piece that does not yet end as a name (`市町支援ア` `精神保健福祉センター、…`
    `ドバイザー会議`: pdftotext wrote the row's top line before the name's rest), so a new cell."""
    if kind != column or column == _NAME or not names or not before:
        return False
    name = names[-1]
    return name.pieces[0] is before[-1] and len(name.pieces) == 1 and not _is_name(_name_text(name))


def _goes_on_cell(
    column_cells: tuple[list[_Cell], list[_Cell]], piece: _Piece, kind: int | None, widths: dict[int, int]
) -> bool:
    """Whether a piece goes on its column's last cell: that cell is open, or the piece is a bracketed
    note that the name before it ends with (`地域移行部会` `（作業部会）`)."""
    cells, names = column_cells
    cell = cells[-1]
    column = piece.column
    text = piece.lines[0][1]
    if column == _NAME and len(piece.lines) == 1 and text in _TAILS:
        return display_width(cell.lines()[-1][1]) >= widths.get(-1 - _NAME, widths.get(_NAME, 0)) - _SLACK
    if column == _NAME and _NOTE_RE.fullmatch("".join(t for _, t in piece.lines)):
        return not _name_text(cell).endswith((")", "）"))
    whole = "".join(t for _, t in piece.lines)
    named = _name_text(cell)
    if column == _NAME and _is_name(whole) and 0 <= max(named.rfind(")"), named.rfind("）")) < len(named) - 1:
        return False  # the open cell closed a bracketed note and went on: a whole name after it is its own
    if column in (_MEMBERS, _ACTS, _NOTES) and len(cells) >= len(names):
        return True  # its row has this cell already: the piece is its rest (a list's next item)
    if column == _MEMBERS and _whole_member(cell.lines()[-1][1]):
        return False  # a row lacks its members, and the list above ended on a whole member: the row's list
    return column is not None and column != _FREQ and kind in (None, column) and _open(cell, column, widths, text)


def _name_text(cell: _Cell) -> str:
    return "".join(t for _, t in cell.lines())


def _column_widths(pieces: list[_Piece], kinds: list[int | None]) -> dict[int, int]:
    """Each column's width: the widest full line (one a cell goes on after) of the pieces its words
    place there, or the widest line where no piece there is wrapped."""
    widths: dict[int, int] = {}
    for piece, kind in zip(pieces, kinds, strict=True):
        if kind is not None and kind != _FREQ:
            _widen(widths, kind, piece)
    return widths


def _widen(widths: dict[int, int], column: int, piece: _Piece) -> None:
    full = piece.widths()[:-1]
    if full:
        widths[-1 - column] = max(widths.get(-1 - column, 0), *full)  # a full line's width, kept apart
        widths[column] = widths[-1 - column]
        widths[-10 - column] = widths.get(-10 - column, 0) + len(full)  # how many lines tell it
    elif -1 - column not in widths:
        widths[column] = max(widths.get(column, 0), *piece.widths())


def _column(
    piece: _Piece,
    kind: int | None,
    found: tuple[dict[int, list[_Cell]], dict[int, int]],
    around: tuple[list[int | None], list[_Piece], int, tuple[int, int]],
) -> int | None:
    """The column of a piece: the one its words say (a name's tail or a list's rest: the open cell
    it fits), else for a wrapped piece the one whose width its full lines fill, for a lone line the
    open cell among the columns between the pieces around it, or the first of them."""
    cells, widths = found
    floor, ceiling = around[3]
    first = piece.lines[0][1]
    opened = [
        c
        for c in range(floor, ceiling)
        if cells[c] and _open(cells[c][-1], c, widths, first) and _fits(piece, c, widths)
    ]
    if kind == _NAME and _NAME in opened:
        return _NAME
    if kind is None and _NAME in opened and _is_name(_name_text(cells[_NAME][-1]) + "".join(t for _, t in piece.lines)):
        return _NAME  # the open name's end (`区地域移行連絡` `会（5区）`)
    rest = kind in (_MEMBERS, _NOTES) and kind not in opened and len(cells[kind]) >= len(cells[_NAME])
    if rest and opened and len(piece.lines) == 1:  # its row has that cell: a list's or a sentence's rest
        return opened[0]
    if kind is not None:
        return kind
    kinds, pieces, k, _ = around
    after_members = len(piece.lines) == 1 and k > 0 and pieces[k - 1].column == _MEMBERS
    if after_members and _ACTS in opened and _whole_name_row(cells, widths, first):
        return _ACTS  # a band's box after the members' (pdftotext): the open activity's rest (`…の個` `別事例の検討`)
    # a new cell only where its row has none yet: a row's cells come after its name
    free = [
        c
        for c in range(floor, ceiling)
        if (c in opened or len(cells[c]) < len(cells[_NAME]) or (c == _NAME and piece.may_name))
        and _within(piece, c, widths)
    ]
    text = piece.lines[0][1]
    if len(piece.lines) == 1 and unbalanced(text) < 0:  # a bracket's close: the rest of a cell that opened it
        return next((c for c in opened if unbalanced(cells[c][-1].text()) > 0), None)
    columns, grouped, gap = _between(kinds, pieces, k)
    between = [c for c in columns if c in free]
    if gap and len(piece.lines) == 1 and between and between[0] in gap:
        return between[0]  # between two cells of a row, left to right (a member between a name and a frequency)
    before = pieces[k - 1].column if k else None
    widest = [c for c in _by_width(piece, widths) if c in free]
    after_frequency = k > 0 and kinds[k - 1] == _FREQ  # a row's next cell is likelier than a rest
    tied = [c for c in widest if (c in between[:1]) == after_frequency and (after_frequency or c in opened)]
    by_width = widest[0] if len(widest) == 1 else next(iter(tied), None)
    nxt = between[0] if between else None
    if after_frequency and len(piece.lines) == 1 and nxt in free and nxt != by_width and nxt not in opened:
        return nxt  # a lone line right after a row's frequency: the row's next cell (its width tells none)
    if by_width in free and by_width != _NAME:
        return by_width
    if before is not None and before in opened and len(piece.lines) == 1:
        return before  # the rest of the cell right before
    if by_width in free:
        return by_width  # a new name's first line, as wide as the names' column
    if _members_rest(piece, opened, before, cells):
        return _MEMBERS
    if before is not None and not grouped and cells[before][-1].pieces[0] is pieces[k - 1]:
        right = [c for c in between if c > before]
        if right:
            return right[0]  # a row's first lines still: the next cell's
    if len(piece.lines) == 1 and (k == 0 or kinds[k - 1] != _FREQ):
        if opened:
            return opened[0]  # a lone line after a row's first cells: a wrapped cell's rest
        last = pieces[k - 1].column if k else None  # or the rest of the cell right before, as wide as any
        maybe = last is not None and last >= floor and _fits(piece, last, widths)
        if maybe and last is not None and _open(cells[last][-1], last, widths, first, maybe=True):
            return last
    if not between and before == _NOTES:  # after a row's last cell: the next row's first cell left of it
        return next((c for c in free if _FREQ < c < _NOTES), None)
    return between[0] if between else None


def _after_named_row(cells: dict[int, list[_Cell]], piece: _Piece) -> bool:
    """Whether a one-line piece comes after a row whose members' list has begun and whose name has
    ended: where its name is still open, the piece is its rest (`八王子市…福祉` `…相談支` `地域連携会議`)."""
    return (
        len(piece.lines) == 1
        and bool(cells[_MEMBERS])
        and bool(cells[_NAME])
        and _is_name(_name_text(cells[_NAME][-1]))
    )


def _members_name_rest(cells: dict[int, list[_Cell]], before: _Piece, piece: _Piece, widths: dict[int, int]) -> bool:
    """Whether a one-line piece that ends as a council's name is the rest of the members' list right
    before it (pdfminer: `保健所、家族会、ピアサポーター、公民` `館連合会` `年4回`): that list is open (its last
    line fills the column, or ends on `、`), its row's name has ended and the row has no frequency yet, so
    no new row starts."""
    if not _after_named_row(cells, piece) or before.column != _MEMBERS or not _is_name(piece.lines[0][1]):
        return False  # (a name's bracketed note or wrapped end, `（8圏域）` `議`, goes on its name)
    if cells[_MEMBERS][-1].pieces[-1] is not before or len(cells[_FREQ]) >= len(cells[_NAME]):
        return False
    last = before.lines[-1][1]
    if last.endswith("、"):
        return True
    if _whole_member(last):  # its last member whole (`…保健所、障害福祉課`): a new row's name
        return False
    return _open(cells[_MEMBERS][-1], _MEMBERS, widths, piece.lines[0][1])


def _whole_member(line: str) -> bool:
    """Whether a members' list's line ends on a whole member and no `、` (`…保健所、障害福祉課`): the list
    ends there, as its `、` cannot open the next line."""
    return "、" in line and line.split("、")[-1].endswith(_MEMBER_ENDS)


def _members_rest(piece: _Piece, opened: list[int], before: int | None, cells: dict[int, list[_Cell]]) -> bool:
    """Whether a lone line right after a row's later cell is the rest of the row's members' list, cut
    at its column's end and written after the row's frequency and activities (pdfminer: `家族会、当事者、
    社会福祉協議会、保` `4回/年 市民講座の企画` `健所`): the row's members' cell is open (its last line
    fills the column), its activities' cell is there already, the line holds no sentence's words (no
    hiragana but `の`, as in a body's name: `委員が多` is a note's first line), and the member the list's
    last line cut, with the line's first words, ends as a body's or a member's name does."""
    if len(piece.lines) != 1 or before is None or before <= _FREQ or _MEMBERS not in opened:
        return False
    text = piece.lines[0][1]
    if text.endswith("。") or any("\u3041" <= ch <= "\u3096" and ch != "の" for ch in text):
        return False  # a sentence's words, perhaps without its `。` (`委員の負担が大きい`, `委員が多`): a note
    if len(cells[_MEMBERS]) != len(cells[_ACTS]) or len(cells[_ACTS]) != len(cells[_NAME]):
        return False
    item = cells[_MEMBERS][-1].lines()[-1][1].split("、")[-1] + text.split("、")[0]
    return item.endswith(_MEMBER_ENDS)  # the cut member made whole: `保` `健所`, `こころの健` `康センター`


def _between(kinds: list[int | None], pieces: list[_Piece], k: int) -> tuple[list[int], bool, list[int]]:
    """The columns a piece its words do not place may be in, from the columns of the pieces around
    its run of such pieces: a row's cells come left to right (a member between a name and a
    frequency, the next columns after a frequency), one each; where the run is longer than the
    columns between, the converter wrote a column's cells of every row together (as many as the rows
    each).  The likeliest first, whether the columns were written so, and the columns strictly
    between the two pieces around."""
    start = k
    while start > 0 and kinds[start - 1] is None:
        start -= 1
    end = k
    while end < len(kinds) and kinds[end] is None:
        end += 1
    previous = pieces[start - 1].column if start > 0 else _NAME
    previous = _NAME if previous is None else previous
    following = kinds[end] if end < len(kinds) else None
    after = [c for c in range(previous + 1, 5) if c != _FREQ]
    gap = [c for c in after if following is not None and c < following]
    found = [c for c in after if following is None or c < following or previous >= following] or after
    if not found:
        return [], False, gap
    place = k - start
    rows = kinds.count(_FREQ)
    grouped = end - start > len(found) and rows > 1
    if grouped:
        place //= rows
    place = min(place, len(found) - 1)
    return [found[place], *found[:place], *found[place + 1 :], *(c for c in after if c not in found)], grouped, gap


def _within(piece: _Piece, column: int, widths: dict[int, int]) -> bool:
    """Whether no line of a piece is wider than a column whose width wrapped cells tell (one line may
    be a character short of it)."""
    return max(piece.widths()) <= widths.get(-1 - column, 1 << 30) + _slack(column, widths)


def _slack(column: int, widths: dict[int, int]) -> int:
    """How far a full line may fall short of (or pass) a column's width: a character where one wrapped
    line alone tells the width, a narrow digit's half where more do."""
    return 1 if widths.get(-10 - column, 0) > 1 else _SLACK


def _fits(piece: _Piece, column: int, widths: dict[int, int]) -> bool:
    """Whether a piece may go on a column's cell: no line wider than the column."""
    return max(piece.widths()) <= widths.get(column, 0) + _SLACK and _within(piece, column, widths)


def _by_width(piece: _Piece, widths: dict[int, int]) -> list[int]:
    """The columns whose width a piece's full lines (a lone line: that line) fill, the nearest."""
    full = max(piece.widths()[:-1] or piece.widths())
    gaps = {
        c: widths[-1 - c] - full
        for c in range(5)
        if -1 - c in widths and 0 <= widths[-1 - c] - full <= _slack(c, widths)
    }
    return [c for c, gap in gaps.items() if gap == min(gaps.values())]


def _open(cell: _Cell, column: int, widths: dict[int, int], after: str, maybe: bool = False) -> bool:
    """Whether a cell goes on with the text `after`: a name not yet ended, another cell whose last
    line fills its column (a character short where the wrap took it on with a mark that cannot open a
    line: `…進んでい` `る。`).  `maybe`: where no wrapped cell tells the column's width, its widest line."""
    if column == _FREQ:
        return False
    if column == _NAME:
        return not _is_name(_name_text(cell))
    last = cell.lines()[-1][1]
    full = widths.get(-1 - column)  # known only from a wrapped cell: a lone line may be short
    if maybe and full is None:
        full = widths.get(column)
    if last[-1] in LIST_BULLETS:  # an item's bullet at the line's end: its words are on the next
        return True
    if full is None or last.endswith("。"):
        return False
    short = full - display_width(last)
    return short <= 1 or (short <= _SLACK and after[1:2] in _NO_LINE_START)


def _late_placed(cells: list[_Cell], anchors: list[int]) -> list[_Cell | None] | None:
    """A late column's cells, fewer than the rows, where they were all written before a row's name
    (pdfminer: the notes' header cell after the second row, `特記事項等` `なし` `病院間で退院…`, then the
    third row's name): one to each row whose name came before the last of them, in order, the rows
    after it left empty; None where those rows are not as many as the cells, or a cell starts with a
    hiragana after one that ends no sentence (its rest: the column's lines went elsewhere)."""
    if not cells or len(cells) >= len(anchors):
        return None
    for above, cell in itertools.pairwise(cells):
        if starts_hiragana(cell.text()) and not above.text().endswith("。"):
            return None  # the rest of the cell above (`題の抽出` `ている`): its lines went elsewhere
    before = sum(1 for a in anchors if a < cells[-1].first)
    if before != len(cells):
        return None
    return [*cells, *([None] * (len(anchors) - before))]


def _row_major(anchors: list[int], frequencies: list[_Cell]) -> bool:
    """Whether each row's frequency comes after its name and before the next row's."""
    ends = [*anchors[1:], 1 << 30]
    return all(a < f.first < e for a, f, e in zip(anchors, frequencies, ends, strict=True))


def _closed(cells: list[_Cell], column: int, widths: dict[int, int]) -> bool:
    """Whether no cell of a column ends open (a cell whose rest went elsewhere: its row is not sure)."""
    return all(not _open(cell, column, widths, "") for cell in cells)


def _grouped(pieces: list[_Piece]) -> bool:
    """Whether the converter wrote a column's cells of several rows together: two names or two
    frequencies one right after the other."""
    return any(
        a.column == b.column and a.column in (_NAME, _FREQ) and not _continues(b) for a, b in itertools.pairwise(pieces)
    )


def _continues(piece: _Piece) -> bool:
    """A name's bracketed note or wrapped end: no row of its own."""
    text = "".join(t for _, t in piece.lines)
    return bool(_NOTE_RE.fullmatch(text)) or text in _TAILS


def _placed(cells: list[_Cell], anchors: list[int]) -> list[_Cell | None] | None:
    """A column's cells by row: in order when they are as many as the rows, else each to the row whose
    name came last before it; None when a cell would come before its row's name, or two share a row."""
    if len(cells) > len(anchors):
        return None
    if len(cells) == len(anchors):
        rows = list(range(len(cells)))
    elif anchors[0] < 0:
        return None
    else:
        rows = [
            max(r for r, a in enumerate(anchors) if a <= cell.first) if anchors[0] <= cell.first else -1
            for cell in cells
        ]
    if any(r < 0 or cell.first < anchors[r] for r, cell in zip(rows, cells, strict=True)):
        return None
    if len(set(rows)) != len(rows):
        return None
    out: list[_Cell | None] = [None] * len(anchors)
    for r, cell in zip(rows, cells, strict=True):
        out[r] = cell
    return out


def _write(state: FormState, region: tuple[int, int], table: _Table, pieces: list[_Piece], late: set[int]) -> None:
    """The header, a row per council, and the lines of the columns not placed, below, in their order."""
    start, end = region
    rows = []
    for r, name in enumerate(table.names):
        cells = [name.text()]
        for column in range(1, 5):
            placed = table.columns.get(column)
            cell = placed[r] if placed is not None else None
            cells.append(cell.text() if cell is not None else "")
        rows.append("\t".join(cells))
    kept = [p for p in pieces if p.column is None or (p.column != _NAME and p.column not in table.columns)]
    rest = [t for p in kept for _, t in p.lines]
    out = ["\t".join(_HEADER), *rows, *([""] if rest else []), *rest]
    if len(out) > end - start:
        return
    for i in range(start, end):
        state.lines[i] = None
    for k, text in enumerate(out):
        state.lines[start + k] = text
    for column in table.doubtful:  # at the first row given a cell of the column
        row = next(r for r, cell in enumerate(table.columns[column]) if cell is not None)
        message = messages.COUNCIL_CELLS_PLACED_BY_NAMES(column=_HEADER[column])
        state.note(Diagnostic.SHIFTED_CELL, start + 1 + row, str(message))
    if rest:
        unplaced = [c for c in range(1, 5) if c not in table.columns]
        columns = "・".join(_HEADER[c] for c in unplaced)
        message = messages.COUNCIL_COLUMNS_AS_TEXT(count=len(rows), columns=columns)
        if not unplaced:  # every column placed, but pieces no cell took: a row's cells may be short
            message = messages.COUNCIL_PIECES_AS_TEXT(count=len(rows), lines=len(rest))
        elif set(unplaced) <= late:
            message = messages.COLUMN_AS_TEXT(column=columns)
        state.note(Diagnostic.MISSING_TABLE, start, str(message))
