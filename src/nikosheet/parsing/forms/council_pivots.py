"""The councils' table of section 7 where its cells are boxes in no row order: names and frequencies kept.

Plain pdftotext and pdfminer write the councils' table of a Chromium PDF a box at a time (a box: a
cell's lines, a blank line between boxes), in column groups across all rows, one cell's last line
sometimes in the next box.  Where `cell_lines_tables` finds no rows, this form reads the two cells
the template's vocabulary knows: a frequency (`年2回`, `2回/年`, `隔月`, `四半期ごと`, `随時`…) at
the head of a line is one council each, and a name ends in a council's word (会議, 協議会, 部会, 会,
グループ, 協議の場, perhaps with a bracketed note).  When the names are as many as the frequencies and
each comes before its frequency, the rows are written with those two cells; the other text is kept,
in its order, as a paragraph below the table:

    名称                          名称⇥協議の場の構成員⇥開催頻度⇥実施内容⇥特記事項等(課題・強み等)
    協議の場の構成員              推進会議⇥⇥年2回⇥⇥
    開催頻度                →     実務者会議⇥⇥年6回⇥⇥
    実施内容
    推進会議                      保健、医療、福祉、家族会、行政
    保健、医療、福祉、家族会、行政  ・方針の決定
    年2回                         …
    ・方針の決定
    実務者会議 …

Where a name may be cut (a box opening with a word's tail such as `議`, a bracketed note alone in a
box) or the counts differ, the lines are left as they are: a council with no name is better than
one with another's.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import put_lines
from nikosheet.parsing.forms.column_runs import boxes_of
from nikosheet.parsing.forms.template_tables import COUNCIL_NAME_ENDS, FREQUENCY, LIST_BULLETS

# the table's header as the template writes it, and as some sheets do (a second table of a ward's councils)
HEADERS = (
    ("名称", "協議の場の構成員", "開催頻度", "実施内容", "特記事項等(課題・強み等)"),
    ("会議名", "構成員", "開催回数", "内容", "備考"),
)
_FREQUENCY_RE = re.compile(rf"^{FREQUENCY}(?=\s|$)")  # at a line's start only: a scan from every start backtracks
_NAME_NOTE_RE = re.compile(r"[(（][^)）、]{1,12}[)）]")  # a bracketed note after the name: `（5圏域）`
_NOTE_RE = re.compile(r"[(（][^)）]{1,12}[)）]")  # a bracketed note alone: a name's end, maybe
_TAILS = ("議", "会", "会議")  # a name's wrapped tail opening a box
_ENDS = ("【その他事項】", "会議名")  # the table's end: the next part, or a second table's header
REACH = 600  # lines: the table is over before (eight councils took 210 in pdfminer's text: room for some 25)


def _is_name(text: str) -> bool:
    """A council's name: no 、, something before one of the template's endings (会議, 協議会, 会 …),
    perhaps a short bracketed note after it (string checks: a pattern's lazy scan backtracks)."""
    if not text or text[0].isspace() or "、" in text:
        return False
    cuts = [len(text)]  # where the name ends: the text's end, or where a note after it starts
    if text[-1] in ")）":
        cuts += [k for k in range(max(0, len(text) - 14), len(text)) if _NAME_NOTE_RE.fullmatch(text, k)]
    return any(text[:k].endswith(end) and k > len(end) for k in cuts for end in COUNCIL_NAME_ENDS)


def apply(state: FormState) -> None:
    """Rewrite the councils' table left a box at a time, when its names and frequencies pair up."""
    if not signals.council_pivots(state.source):
        return
    lines = state.lines
    for start, header in _headers(lines):  # a table left unread ends the reading: no council moves up
        if header is None:
            return
        end = next((i for i in range(start + 1, min(len(lines), start + REACH)) if councils_end(lines[i])), None)
        found = None if end is None else _councils(_boxes(lines, start, end), header)
        if end is None or found is None or not _write(state, (start, end), found, header):
            return


def councils_end(line: str | None) -> bool:
    """Whether the line ends the councils' table: the section's next part, or a second table's header."""
    return line is not None and line.lstrip("\f ").startswith(_ENDS)


def _headers(lines: list[str | None]) -> list[tuple[int, tuple[str, ...] | None]]:
    """Where a header's first cell is alone on its line, and the header when its next cells follow."""
    found: list[tuple[int, tuple[str, ...] | None]] = []
    for i, line in enumerate(lines):
        first = line.strip() if line is not None else ""
        for header in HEADERS:
            if first != header[0]:
                continue
            words = "".join((lines[j] or "").replace(" ", "") for j in range(i, min(len(lines), i + 10)))
            found.append((i, header if words.startswith("".join(header[:4])) else None))
    return found


def _boxes(lines: list[str | None], start: int, end: int) -> list[list[tuple[int, str]]]:
    """The region's boxes: runs of non-blank lines, each line with its index."""
    return [[(start + i, text) for i, text, _ in box] for box in boxes_of(lines[start:end])]


_Council = tuple[str, str, str, str]  # name, members, frequency, activities
_Name = tuple[int, str, dict[int, str]]  # its first line, its text, what its lines keep after it
_Found = tuple[list[_Council], dict[int, str]]


def _councils(boxes: list[list[tuple[int, str]]], header: tuple[str, ...]) -> _Found | None:
    """The councils (name, frequency) and what each line they took keeps after them; None when the
    names do not pair with the frequencies one to one."""
    names: list[_Name] = []
    freqs: list[tuple[int, str]] = []
    rests: dict[int, str] = {}
    tails: list[tuple[int, str]] = []
    for whole in boxes:
        box = whole
        if box[0][1] in _TAILS:
            tails.append(box[0])
            box = box[1:]
            if not box:
                continue
        if _NOTE_RE.fullmatch(box[0][1]):
            return None
        for i, text in box:
            m = _FREQUENCY_RE.match(text)
            if m:
                freqs.append((i, m.group().strip()))
                rests[i] = text[m.end() :].strip()
        name = _name_run(box) or _name_lead(box)
        if name is not None:
            if rests.keys() & name[2].keys():
                return None
            names.append(name)
            rests.update(name[2])
    if not freqs or len(names) != len(freqs) or _before(boxes, names[0][0], header):
        return None
    if tails and not _completed(names, tails, boxes):
        return None
    # a name comes before the next council's frequency (its own may come first when a box was cut)
    if names[0][0] > freqs[0][0] or any(n[0] > f[0] for n, f in zip(names, freqs[1:], strict=False)):
        return None
    members = _members(boxes, (names, freqs), header[4])
    for box in members or ():
        rests.update({i: "" for i, _ in box})
    activities = _activities(boxes, (names, freqs), rests, header[4])
    found = [
        (n[1], "".join(t for _, t in m) if m else "", f[1], a)
        for n, m, f, a in zip(names, members or [[]] * len(names), freqs, activities, strict=True)
    ]
    return found, rests


def _completed(names: list[_Name], tails: list[tuple[int, str]], boxes: list[list[tuple[int, str]]]) -> bool:
    """A name's wrapped tail (`議`) given back to the one name before it whose last line fills the
    names' column (`…推進会` as wide as the widest name line), its text then still a council's name;
    False when there is more than one tail or not exactly one such name."""
    if len(tails) > 1:
        return False
    tail, text = tails[0]
    lines = {i: t for box in boxes for i, t in box}
    widest = max(len(lines[i]) for n in names for i in n[2])
    cut = [
        k for k, n in enumerate(names) if max(n[2]) < tail and len(lines[max(n[2])]) == widest and _is_name(n[1] + text)
    ]
    if len(cut) != 1:
        return False
    first, name, taken = names[cut[0]]
    names[cut[0]] = (first, name + text, {**taken, tail: ""})
    return True


def _activities(
    boxes: list[list[tuple[int, str]]],
    pivots: tuple[list[_Name], list[tuple[int, str]]],
    rests: dict[int, str],
    notes: str,
) -> list[str]:
    """Each council's activities where they are plain: what follows its frequency on the line, or the
    one box after it, with the next council's name (or the notes' header, or the table's end) right
    after; a box that reads as a note (a sentence, a list of members) is none.  The lines taken are
    marked in `rests`."""
    names, freqs = pivots
    starts = {box[0][0]: k for k, box in enumerate(boxes)}
    heads = {n[0] for n in names}
    out = []
    for freq, _ in freqs:
        k = starts.get(freq)
        if k is None or len(boxes[k]) > 1:
            out.append("")
            continue
        after = boxes[k + 1 : k + 3]
        if rests[freq]:
            items, rest = [(freq, rests[freq])], after[:1]
        elif after and after[0][0][0] not in rests:
            items, rest = after[0], after[1:]
        else:
            items, rest = [], []
        if not items or not _closed(rest, heads, notes) or not _plain(items):
            out.append("")
            continue
        out.append(_items(items))
        rests.update({i: "" for i, _ in items})
    return out


def _closed(rest: list[list[tuple[int, str]]], heads: set[int], notes: str) -> bool:
    """Whether the box after a cell opens the next council or the notes' column, or is none."""
    return not rest or rest[0][0][0] in heads or _is_header(rest, notes)


def _is_header(rest: list[list[tuple[int, str]]], notes: str) -> bool:
    """Whether the first box is the notes' header cell (or its first part)."""
    return notes.startswith("".join(t.replace(" ", "") for _, t in rest[0]))


def _plain(items: list[tuple[int, str]]) -> bool:
    """Activities: bulleted, or short items with no list or sentence in them."""
    if items[0][1][0] in LIST_BULLETS:
        return True
    return not any("、" in t or "。" in t for _, t in items)


def _items(lines: list[tuple[int, str]]) -> str:
    """A cell's lines as one: a bulleted line starts a new item, another goes on the one before."""
    text = ""
    for _, line in lines:
        text += (" " if text and line[0] in LIST_BULLETS else "") + line
    return text


def _members(
    boxes: list[list[tuple[int, str]]], pivots: tuple[list[_Name], list[tuple[int, str]]], notes: str
) -> list[list[tuple[int, str]]] | None:
    """Each council's members: the boxes that open with a list (`保健、医療、…`), one a council, each
    between its council's name and frequency; None where a box may hold another's cell's end or
    start (a name after a list in one box, a word's tail alone, a list ending in `、`)."""
    names, freqs = pivots
    named = {i for n in names for i in n[2]}
    leads = {i for n in names for i, rest in n[2].items() if rest}
    beats = {i for i, _ in freqs}
    found: list[list[tuple[int, str]]] = []
    for box in boxes:
        lines = [i for i, _ in box]
        first = box[0][1]
        if lines[0] < names[0][0] or lines[0] in beats or _is_header([box], notes):
            continue
        if named.intersection(lines):
            if lines[0] not in named or leads.intersection(lines):
                return None
            continue
        if len(first) <= 2 or box[-1][1].endswith("、"):
            return None
        if "、" in first and first[0] not in LIST_BULLETS:
            found.append(box)
    if len(found) != len(names):
        return None
    order = zip(names, found, freqs, strict=True)
    if any(not n[0] < m[0][0] < f[0] for n, m, f in order):
        return None
    return found


def _before(boxes: list[list[tuple[int, str]]], first: int, header: tuple[str, ...]) -> bool:
    """Whether a box not of the header comes before the first name: the first row's name is cut."""
    words = "".join(text.replace(" ", "") for box in boxes for i, text in box if i < first)
    lead = "".join(header[:4])
    return words not in (lead, lead + header[4])


def _name_run(box: list[tuple[int, str]]) -> _Name | None:
    """The name at the end of a box: its last lines with no list, bullet or frequency in them,
    after a members' line (or from the box's start), ending in a council's word.  Its lines are
    joined as one word, or with a space after a line that is a council's name already
    (`…審議会 地域移行部会`)."""
    run: list[tuple[int, str]] = []
    for i, text in reversed(box):
        if "、" in text or text[0] in LIST_BULLETS or _FREQUENCY_RE.match(text):
            break
        run.insert(0, (i, text))
    if not run:
        return None
    text = run[0][1]
    for _, more in run[1:]:
        text += (" " if _is_name(text) and not _NOTE_RE.match(more) else "") + more
    if not _is_name(text):
        return None
    return run[0][0], text, {i: "" for i, _ in run}


def _name_lead(box: list[tuple[int, str]]) -> _Name | None:
    """A name leading a box's first line, its members after a space (`区推進会議 保健所、…`)."""
    i, text = box[0]
    head, _, rest = text.partition(" ")
    if not rest or "、" in head or "、" not in rest or not _is_name(head):
        return None
    return i, head, {i: rest}


def _write(state: FormState, region: tuple[int, int], found: _Found, header: tuple[str, ...]) -> bool:
    """The header, a row per council, a blank line and the region's other lines in their order;
    False when the header's cells do not lead or the lines do not fit (nothing written)."""
    councils, rests = found
    start, end = region
    lines = state.lines
    kept: list[str] = []
    for i in range(start, end):
        text = rests.get(i, (lines[i] or "").strip())
        if text:
            kept.append(text)
    rest = _without_header(kept, header)
    if rest is None:
        return False
    out = ["\t".join(header), *("\t".join((*council, "")) for council in councils), "", *rest]
    return put_lines(lines, start, end, out)


def _without_header(kept: list[str], header: tuple[str, ...]) -> list[str] | None:
    """The lines without the header's cells (its first four lead; the last may come anywhere), or
    None when they do not lead."""
    lead = "".join(header[:4])
    joined = ""
    k = 0
    while k < len(kept) and len(joined) < len(lead):
        joined += kept[k].replace(" ", "")
        k += 1
    if joined != lead:
        return None
    rest = kept[k:]
    for j in range(len(rest)):
        for n in (1, 2, 3):
            if "".join(rest[j : j + n]).replace(" ", "") == header[4]:
                return rest[:j] + rest[j + n :]
    return rest
