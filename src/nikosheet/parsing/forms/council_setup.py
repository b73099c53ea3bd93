"""Section 1's last row group, the councils' set-up (協議の場の設置状況), written a box at a time.

pdftotext and pdfminer write the group's boxes in the order they find them: the long label wrapped
in pieces, a level's word beside a piece on one line, the choices and the counts after it, a
count's unit wrapped onto a line of its own:

    精神障害にも対応した地域包括ケアシステム 都道府県
    有・無
    か所                                     (label)⇥都道府県⇥有・無⇥か所
    の構築に向けた保健・医療・福祉関係者によ 障害保健福祉圏域       ⇥障害保健福祉圏域⇥有・無⇥/ か所/障害圏域数
    る協議の場の設置状況 (R6年4月時点)         →        ⇥市町村⇥(有) 無⇥1 / 1 か所/市町村数
    市町村
    有・無
    / か所/障害圏域数
    (有) 無
    1 / 1 か所/市町村
    数

Every line from the label's first piece to section 2's heading must be one of the group's: a piece
of the label (together they spell it, with its as-of date), a level's word, a choice (有・無) or a
count (digits, `/`, `か所` and the levels' units).  The three choices go to the levels in order; the
counts too when there are three, else by their units (`障害圏域数`, `市町村数`, a bare `か所`), or,
none with a unit, to the levels answered 有 (`○有・無`) when there are as many.  pdftotext may write
section 2's number before the last counts (`○有・無` `2` `1/1` the title): they are the group's.  A
region with anything else, or a count whose row is not known, is left to `cell_lines_statistics`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from nikosheet.parsing.forms import FormState, signals

_LABEL = "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
_LABEL_RE = re.compile(re.escape(_LABEL) + r"(?:[(（][^()（）]{1,16}時点[)）])?")
_AS_OF = re.compile(r"[(（][^()（）]{0,16}(?:時点[)）]?)?")
_LEVELS = ("都道府県", "障害保健福祉圏域", "市町村")
_LEVEL_AFTER = re.compile(rf"^(.*\S)\s+({'|'.join(_LEVELS)})$")
_LEVEL_GLUED = re.compile(rf"^(.*\S)({'|'.join(_LEVELS)})$")
_MARKS = r"[\s()（）・･〇○◯●■□✓✔]*"
_CHOICE = re.compile(rf"^{_MARKS}有{_MARKS}無{_MARKS}$")
_COUNT = re.compile(r"([0-9０-９\s/／]*)(\S*)")  # the numbers, and the unit or its start
_UNITS_WRITTEN = ("か所/障害圏域数", "か所/市町村数")
_UNITS = (("障害圏域数", 1), ("市町村数", 2))
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[2２]$")
_END = re.compile(r"^[2２](?:\s|$)|取組概要")  # section 2's heading, or its number alone

_CHOSEN = re.compile(r"[〇○◯●■✓✔]\s*有|[(（]\s*有\s*[)）]")  # a choice that answers 有 (a council is set up)

_Pieces = dict[str, list[tuple[int, str]]]


def apply(state: FormState) -> None:
    """Rebuild the set-up rows when every line of their region is one of the group's."""
    if not signals.council_setup(state.source):
        return
    lines = state.lines
    first = _label_start(lines, 0)
    while first is not None:
        pieces, end = _pieces(lines, first)
        rows = _rows(pieces) if pieces is not None else None
        if pieces is not None and rows is not None and [r[0] for r in rows] == sorted({r[0] for r in rows}):
            _write(state, (first, end), rows, [index for index, _ in pieces["late"]])
            return
        first = _label_start(lines, first + 1)


def _label_start(lines: list[str | None], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if (lines[i] or "").lstrip().startswith(_LABEL[:12])), None)


def _pieces(lines: list[str | None], first: int) -> tuple[_Pieces | None, int]:
    """The region's pieces by kind (label, level, choice, count), and where it ends; None when a line
    is not the group's."""
    out: _Pieces = {"label": [], "level": [], "choice": [], "count": [], "late": []}
    end = first
    while end < len(lines):
        text = (lines[end] or "").strip(" \t\f\u3000")
        if "\t" in (lines[end] or "") or (text and _END.search(text) and out["level"]):
            if _title_after(lines, end) or _late_counts(out, lines, end):
                break
            return None, end
        end += 1
        if text and not _take(out, end - 1, text):
            return None, end
    return out, end


def _title_after(lines: list[str | None], end: int) -> bool:
    """Whether section 2's title follows a number alone at `end` (pdftotext may write the number,
    then the last counts, then the title: their rows are then not known)."""
    text = (lines[end] or "").strip()
    if "\t" in text or not _NUMBER.match(text):
        return True
    after = next((t for t in lines[end + 1 : end + 4] if t and t.strip()), "")
    return "取組" in after


def _late_counts(out: _Pieces, lines: list[str | None], end: int) -> bool:
    """Take the counts (and choices) written between section 2's number alone (at `end`) and its title
    (pdftotext: `○有・無`, `2`, `1/1`, the title; `市町村`, `2`, `○有・無`, `1/1`, the title); False when
    another line stands there."""
    late: list[tuple[int, str]] = []
    for i in range(end + 1, min(end + 10, len(lines))):  # blank lines between, as pdftotext writes
        text = (lines[i] or "").strip(" \t\f\u3000")
        if not text:
            continue
        if "取組" in text and late:
            out["late"] = late
            out["choice"] += [(index, t) for index, t in late if _CHOICE.match(t)]
            return all(_CHOICE.match(t) or _count(out["count"], index, t) for index, t in late)
        if "\t" in text or not (_CHOICE.match(text) or _late_count(late, text)):
            return False
        late.append((i, text))
    return False


def _late_count(late: list[tuple[int, str]], text: str) -> bool:
    """A count, or the rest of the last one's unit that wrapped (`1/1か`, `所/市町村`, `数`)."""
    if _COUNT.fullmatch(text) is None:
        return False
    if any(c.isdigit() for c in text):
        return True
    start = next((k for k in range(len(late) - 1, -1, -1) if any(c.isdigit() for c in late[k][1])), None)
    return start is not None and _unit_start(_unit("".join(t for _, t in late[start:]) + text))


def _take(out: _Pieces, index: int, text: str) -> bool:
    """Put the line's pieces where they belong; False when it is not the group's."""
    level = _LEVEL_AFTER.match(text) or _level_glued(out, text)
    if level is not None:
        text = level.group(1)
    if text in _LEVELS:
        out["level"].append((index, text))
    elif _CHOICE.match(text):
        out["choice"].append((index, text))
    elif _count(out["count"], index, text):
        pass
    elif _spells_label("".join(t for _, t in out["label"]) + text):
        out["label"].append((index, text))
    else:
        return False
    if level is not None:
        out["level"].append((index, level.group(2)))
    return True


def _level_glued(out: _Pieces, text: str) -> re.Match[str] | None:
    """A level's word run into the label's piece beside it with no space (PyMuPDF of a LibreOffice PDF:
    `…福祉関係者による協議の場の設置状況… 保健・都道府県`), when the rest spells the label on."""
    level = _LEVEL_GLUED.match(text)
    if level is None or not _spells_label("".join(t for _, t in out["label"]) + level.group(1)):
        return None
    return level


def _count(counts: list[tuple[int, str]], index: int, text: str) -> bool:
    """Take a count (`1 / 1 か所/市町村数`), or the rest of the last one's unit that wrapped (`数`)."""
    m = _COUNT.fullmatch(text)
    if m is None:
        return False
    last = _COUNT.fullmatch(counts[-1][1]) if counts else None
    if last is not None and not m.group(1) and last.group(2) and _unit_start(last.group(2) + text):
        counts[-1] = (counts[-1][0], counts[-1][1] + text)
        return True
    if not _unit_start(m.group(2)):
        return False
    counts.append((index, text))
    return True


def _unit(count: str) -> str:
    m = _COUNT.fullmatch(count)
    return m.group(2) if m is not None else ""


def _unit_start(unit: str) -> bool:
    return any(u.startswith(unit) for u in _UNITS_WRITTEN)


def _spells_label(text: str) -> bool:
    """Whether the text is the label's start, or the label and the start of its as-of date."""
    words = _SPACE.sub("", text)
    return _LABEL.startswith(words) or (words.startswith(_LABEL) and _AS_OF.fullmatch(words, len(_LABEL)) is not None)


def _rows(pieces: _Pieces) -> list[tuple[int, list[str]]] | None:
    """The three rows (their first line, their cells), or None when the pieces do not make them."""
    label = "".join(_SPACE.sub("", text) for _, text in pieces["label"])
    if not _LABEL_RE.fullmatch(label) or [t for _, t in pieces["level"]] != list(_LEVELS):
        return None
    if len(pieces["choice"]) == 3:
        choices: list[tuple[int, str] | None] | None = list(pieces["choice"])
        counts = _counts(pieces["count"], [_CHOSEN.search(t) is not None for _, t in pieces["choice"]])
    else:  # rows left empty: the others' cells stand where they are
        choices, counts = _placed(pieces, pieces["choice"]), _placed(pieces, pieces["count"])
    if not pieces["choice"] or choices is None or counts is None:
        return None
    as_of = label[len(_LABEL) :]
    head = f"{_LABEL} {as_of}" if as_of.startswith("(") else _LABEL + as_of  # as the samples write it
    rows = []
    for k, (choice, count) in enumerate(zip(choices, counts, strict=True)):
        parts = [pieces["level"][k], *(part for part in (choice, count) if part is not None)]
        if k == 0:
            parts.append(pieces["label"][0])
        first = min(index for index, _ in parts)
        rows.append(
            (first, [head if k == 0 else "", _LEVELS[k], choice[1] if choice else "", count[1] if count else ""])
        )
    return rows


def _placed(pieces: _Pieces, items: list[tuple[int, str]]) -> list[tuple[int, str] | None] | None:
    """Each level's choice or count where fewer than three choices stand in the region: the one between
    its level's word and the next level's, as every converter writes a row's cells after its word
    (levels with nothing between them are rows left empty); None when one stands before the first
    level, two in one row, or a count's unit names another row."""
    starts = [index for index, _ in pieces["level"]]
    out: list[tuple[int, str] | None] = [None, None, None]
    for item in items:
        row = bisect_right(starts, item[0]) - 1
        unit = next((k for name, k in _UNITS if name in item[1]), row)
        if row < 0 or out[row] is not None or unit != row:
            return None
        out[row] = item
    return out


def _counts(counts: list[tuple[int, str]], chosen: list[bool]) -> list[tuple[int, str] | None] | None:
    """Each level's count: in order when there are three, else by its unit, or, none with a unit, in
    order to the levels whose choice is 有 when there are as many; None when one's row is not known."""
    if len(counts) == 3:
        return list(counts)
    out: list[tuple[int, str] | None] = [None, None, None]
    if not any(_unit(text) for _, text in counts) and sum(chosen) == len(counts):
        rows = iter(counts)
        return [next(rows) if yes else None for yes in chosen]
    for count in counts:
        text = count[1]
        row = next((k for unit, k in _UNITS if unit in text), 0 if text.endswith("か所") else None)
        if row is None or out[row] is not None:
            return None
        out[row] = count
    return out


def _write(state: FormState, region: tuple[int, int], rows: list[tuple[int, list[str]]], late: list[int]) -> None:
    """The rows at their first lines, in order, every other line of the region taken, and the counts
    written after section 2's number (`late`)."""
    lines = state.lines
    for i in [*range(*region), *late]:
        if (lines[i] or "").strip(" \t\f\u3000"):
            lines[i] = None
    for index, cells in rows:
        lines[index] = "\t".join(cells)
