"""Section 6's two departments tables written a column at a time, the two tables' columns interleaved.

pdfminer writes the 所管部署 and 連携部署 tables a box at a time, down a column before the next, and the
two tables' columns come mixed: each header cell with the cells below it, the names and the duties in
any order of the four header cells, a name's column cut in two by its duties (and the sectors' table's
first boxes written between them):

    所管部署名                              所管部署名⇥所管部署における主な業務
    保健総務課                              保健総務課⇥精神保健福祉相談
    障害福祉課                              障害福祉課⇥障害福祉サービスの支給決定
    連携部署名                   →          連携部署名⇥連携部署における主な業務
    所管部署における主な業務                地域包括ケア推進課⇥高齢者の地域包括ケア
    精神保健福祉相談
    障害福祉サービスの支給決定
    連携部署における主な業務
    地域包括ケア推進課
    高齢者の地域包括ケア

Each table's boxes are those after its two header cells, up to the next header cell (or the sectors'
table, a heading, a marker line); a box that is a department's name (`…課`, `…室`, `…センター` …) is a
name, any other a duty.  The names, in order, take the duties, in order: the table is rebuilt when
they are as many (after its second header cell, the boxes up to the last point where they are, so that
the sectors' cells after the last duty are left), and the rows can stand right below the header with
nothing but the two tables' lines between.  Anything else is left to the readers after.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.line_cuts import TOLERANCE
from nikosheet.parsing.forms.template_tables import DEPARTMENT, HEADING, STOP, Box, join_cell, non_blank
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.vocabulary import SECTORS

_TABLES = (("所管部署名", "所管部署における主な業務"), ("連携部署名", "連携部署における主な業務"))
_HEADERS = {cell: (t, c) for t, pair in enumerate(_TABLES) for c, cell in enumerate(pair)}
_ENDS = ("各部門の連携状況", "強み・課題等")  # the sectors' table: the departments' boxes end before it
_BRACKET_REST = compile_lazily(r"[^()（）\s]{0,12}[)）]")  # a name's bracket closed on a line of its own
_REACH = 80  # lines from the first header cell within which the four are looked for


def apply(state: FormState) -> None:
    """Rebuild the two departments tables written a column at a time (or the one left where a form
    before rebuilt the other)."""
    if not signals.department_runs(state.source):
        return
    boxes = _boxes(state.lines)
    heads = {text: k for k, box in enumerate(boxes) if len(box) == 1 and (text := box[0][1]) in _HEADERS}
    found = [pair for pair in _TABLES if any(cell in heads for cell in pair)]
    if not found or any(cell not in heads for pair in found for cell in pair):
        return
    starts = sorted(heads.values())
    if boxes[starts[-1]][0][0] - boxes[starts[0]][0][0] > _REACH:
        return
    tables = [_table(boxes, heads, starts, pair) for pair in found]
    own = [
        {i for _, cells in rows for box in cells for i, _, _ in box} | {boxes[heads[cell]][0][0] for cell in pair}
        for pair, rows in zip(found, tables, strict=True)
        if rows is not None
    ]
    if len(own) < len(found):
        return
    taken = set().union(*own)
    placed = [
        _placed(state.lines, boxes[heads[pair[0]]][0][0], rows or [], mine, taken)
        for pair, rows, mine in zip(found, tables, own, strict=True)
    ]
    if any(rows is None for rows in placed):
        return
    for i in taken:
        state.lines[i] = None
    for pair, rows, mine in zip(found, placed, own, strict=True):
        state.lines[boxes[heads[pair[0]]][0][0]] = "\t".join(pair)
        for at, text in rows or []:
            state.lines[at] = text
        if rows and max(mine) > rows[-1][0]:
            state.lines[max(mine)] = ""  # a blank line ends the table: the line below is none of its cells


def _boxes(lines: list[str | None]) -> list[Box]:
    """The runs of non-blank lines no form has rewritten (a tab row, or a line taken, ends a run)."""
    out: list[Box] = []
    for piece in non_blank(lines):
        i, _, blank = piece
        if "\t" in (lines[i] or ""):
            out.append([(i, lines[i] or "", blank)])  # a row a form rebuilt: a box of its own, that ends a run
            out.append([])
            continue
        apart = _ends([piece])  # a marker (the sectors' title) right below a cell's line
        if blank or apart or not out or not out[-1] or out[-1][-1][0] != i - 1:
            out.append([])
        out[-1].append(piece)
    return [box for box in out if box]


def _table(
    boxes: list[Box], heads: dict[str, int], starts: list[int], pair: tuple[str, str]
) -> list[tuple[int, list[Box]]] | None:
    """The table's rows (its name's first line, [name, duty]) from the boxes after its two header cells,
    or None when its names and duties are not as many."""
    names: list[Box] = []
    duties: list[Box] = []
    for c, cell in enumerate(pair):
        k = heads[cell]
        k += _carried(boxes, k) if c == 0 else 0  # (the table above's)
        stop = next((s for s in starts if s > k), len(boxes))
        run = []
        for box in boxes[k + 1 : stop]:
            if _ends(box):
                break
            run.append(box)
        if c == 1 and stop < len(boxes) and run:
            run += boxes[stop + 1 : stop + 1 + _carried(boxes, stop)]
        kinds = _kinds(run, _open(names))
        if c == 1:
            before = len(names) - len(duties)
            owed = before + sum(_OWED.get(kind, 0) for kind, _ in kinds)
            tails = _kinds(run, _open(names), by_width=True) if owed < 0 else []
            if tails and before + sum(_OWED.get(kind, 0) for kind, _ in tails) == 0:
                kinds, owed = tails, 0  # (duties more than the names: some are the rests of those above)
            past = _past_title(boxes, k + 1 + len(run), owed) if owed > 0 else []
            kinds = [*kinds, *(("duty", box) for box in past)] if past else kinds[: _last_even(kinds, before)]
        for kind, box in kinds:
            if kind == "rest":
                names[-1] = names[-1] + box
            elif kind == "tail" and duties:
                duties[-1] = duties[-1] + box
            elif kind == "both":
                (i, text, blank), *_ = box
                words = text.split(" ")
                at = _name_words(words)
                name, duty = " ".join(words[:at]), " ".join(words[at:])
                names.append([(i, name, blank)])
                duties.append([(i, duty, blank)])
            else:
                (names if kind == "name" else duties).append(box)
    if not names or len(names) != len(duties):
        return None
    return [(min(name[0][0], duty[0][0]), [name, duty]) for name, duty in zip(names, duties, strict=True)]


def _kinds(run: list[Box], name_open: bool, by_width: bool = False) -> list[tuple[str, Box]]:
    """Each box's kind: a name, a duty, a name and its duty on one line (`…障害高齢課 精神保健福祉相談…`,
    `保健所 保健総務課 精神保健福祉相談…`),
    the rest of the name before whose bracket is open (`保健予防課(事務局委託` … `元)`), or the rest of
    the duty right before it (it starts on a hiragana, as no cell does; `by_width`, where the duties read so
    outnumber the names: a short box after a duty's line as wide as the widest, `…救急医療体` `制の整備`)."""
    out: list[tuple[str, Box]] = []
    widest = max((display_width(t) for box in run for _, t, _ in box), default=0)
    for box in run:
        text = box[0][1]
        if name_open and len(box) == 1 and _BRACKET_REST.fullmatch(text):
            out.append(("rest", box))
            name_open = False
            continue
        words = text.split(" ")
        joined = words if len(box) == 1 else join_cell(box).split(" ")  # a name wrapped: `福祉保険部 障害福祉` / `課`
        if out and out[-1][0] == "duty" and "\u3041" <= text[0] <= "\u3096":
            kind = "tail"  # a duty's wrapped rest in a box of its own (`の支給に関する業務`)
        elif by_width and _short(box, widest) and _filled_duty(out, widest):
            kind = "tail"  # the short rest of a duty that filled the column, the widest (`…救急医療体` `制の整備`)
        elif _name_words(joined) == len(joined):
            kind = "name"
        elif len(box) == 1 and 0 < _name_words(words) < len(words):
            kind = "both"
        else:
            kind = "duty"
        out.append((kind, box))
        name_open = _open([box]) if kind == "name" else name_open and kind == "duty"
    return out


def _filled_duty(out: list[tuple[str, Box]], widest: int) -> bool:
    """Whether the last box read (a name's bracketed rest passed over) is a duty's whose line is as wide as
    the widest: its cell went on."""
    kind, last = next(((kind, box) for kind, box in reversed(out) if kind != "rest"), ("", []))
    return kind in ("duty", "tail") and display_width(last[-1][1]) >= widest - TOLERANCE


def _short(box: Box, widest: int) -> bool:
    """Whether a box is one short line, no name: no wider than half the widest line (a duty's rest, not the
    next row's duty, where the duties' column is written down)."""
    text = box[0][1]
    return len(box) == 1 and display_width(text) <= widest // 2 and not _name_words(text.split(" "))


def _carried(boxes: list[Box], k: int) -> int:
    """How many boxes right after the 連携部署 table's first header cell, before its second, are no name:
    the 所管部署 table's last duty's rest, which pdfminer wrote after that cell (`…退院後` `高島）`
    `連携部署名` `支援` `連携部署における主な業務`)."""
    if boxes[k][0][1] != _TABLES[1][0] or k == 0 or _ends(boxes[k - 1]):
        return 0
    n = 0
    while k + 1 + n < len(boxes) and boxes[k + 1 + n][0][1] not in _HEADERS and not _ends(boxes[k + 1 + n]):
        if _name_words(boxes[k + 1 + n][0][1].split(" ")):
            return 0
        n += 1
    return n


def _open(names: list[Box]) -> bool:
    """Whether the last name's bracket is left open (its rest in a box of its own)."""
    text = "".join(t for _, t, _ in names[-1]) if names else ""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def _last_even(kinds: list[tuple[str, Box]], owed: int) -> int:
    """How many of the boxes to take: up to the last point where the names and the duties are as many
    (`owed`: the duties the names before lack)."""
    best = 0 if owed == 0 else -1
    for n, (kind, _) in enumerate(kinds, 1):
        owed += _OWED.get(kind, 0)
        if owed == 0:
            best = n
    return max(best, 0)


_OWED = {"name": 1, "duty": -1}  # what a box of each kind adds to the duties the names lack
_SECTOR_LABELS = frozenset(SECTORS.values())


def _past_title(boxes: list[Box], title: int, owed: int) -> list[Box]:
    """The duties the last names lack, written after the sectors' title (pdfminer writes the column's
    boxes down the page, the title standing below the last name): the boxes after it, past the sectors'
    labels, up to the header's last cell, where they are as many as the duties owed and none is a name
    ([] otherwise)."""
    if title >= len(boxes) or boxes[title][0][1] != _ENDS[0]:
        return []
    past: list[Box] = []
    for box in boxes[title + 1 :]:
        text = box[0][1]
        if text == _ENDS[1]:
            return past if len(past) == owed and not any(_is_name(b[0][1]) for b in past) else []
        if text not in _SECTOR_LABELS:
            past.append(box)
        if len(past) > owed:
            return []
    return []


def _name_words(words: list[str]) -> int:
    """How many of a line's first words are a department's name (`保健所 保健総務課 精神保健福祉相談…`: two)."""
    return next((k for k, word in enumerate(words) if not _is_name(word)), len(words))


def _is_name(text: str) -> bool:
    return DEPARTMENT.fullmatch(text) is not None


def _ends(box: Box) -> bool:
    text = box[0][1]
    return "\t" in text or text in _ENDS or HEADING.match(text) is not None or STOP.match(text) is not None


def _placed(
    lines: list[str | None], header: int, rows: list[tuple[int, list[Box]]], mine: set[int], taken: set[int]
) -> list[tuple[int, str]] | None:
    """Each row's line: the table's own lines after its header, in order; None when a line of other
    text (not the two tables') stands between the header and the last row."""
    slots = sorted(i for i in mine if i > header)
    if len(slots) < len(rows):
        return None
    last = slots[len(rows) - 1]
    if any((lines[i] or "").strip(" \t\f\u3000") and i not in taken for i in range(header + 1, last)):
        return None
    return [(slots[n], "\t".join(join_cell(box) for box in cells)) for n, (_, cells) in enumerate(rows)]
