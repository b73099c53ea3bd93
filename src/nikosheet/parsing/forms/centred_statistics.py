"""Section 1's inpatients group (入院精神障害者数) and councils' set-up (協議の場の設置状況) as
pdfplumber and markitdown write a LibreOffice PDF.

LibreOffice centres each cell's text in its row, and the converters write a printed line at a
time: a label's pieces, its values and the group's own label come on different lines, side by
side with other rows' pieces (the group's label in the middle of its five rows):

    合計 340 人
    54 人
    3か月未満 (%: 構成割合)
    15.9 %
    3か月以上1年未満 (%: 50 人
    入院精神障害者数 (R4年6月時点) 構成割合) 14.7 %
    236 人
    1年以上 (%: 構成割合)
    69.4 %
    うち65歳未満 うち65 119 人
    歳以上 221 人

becomes the group's label and a line a row, as `cell_lines_statistics` reads a table written a row
at a time:

    入院精神障害者数 (R4年6月時点)
    合計 340 人
    3か月未満 (%: 構成割合) 54 人 15.9 %
    3か月以上1年未満 (%: 構成割合) 50 人 14.7 %
    1年以上 (%: 構成割合) 236 人 69.4 %
    うち65歳未満 119 人
    うち65 歳以上 221 人

The template is the guide: its rows' labels in their order, and its values' units in theirs (人;
人 %; 人 %; 人 %; 人; 人).  A word is a number, a unit or a piece of a label; a label's piece goes to
the first row whose label's rest it begins, the values go to the rows in their units' order (a
line's numbers to its units, in order).  The group is left as it was unless every piece finds its
row and the units come exactly in the template's order (an empty value keeps its unit): rather a
row unread than a value in another row's place.

The set-up's rows become tab rows (its label, a level's word, its choice, its count), which
`cell_lines_statistics` takes as they are.  A level's line holds its word and its choice; its count
is centred round it, so a line that starts a count (`1 / 1 か所/`) goes to the level below and one
that ends a count (`市町村数`) to the level above; every other word is a piece of the label:

    精神障害にも…構築に向けた保健・ 都道府県 有・無 か所
    / か所/障害                                            (label)⇥都道府県⇥有・無⇥か所
    障害保健福祉圏域 有・無                              →      ⇥障害保健福祉圏域⇥有・無⇥/ か所/障害圏域数
    医療・福祉関係者による…設置状況 (R6年4月時点) 圏域数        ⇥市町村⇥(有) 無⇥1 / 1 か所/市町村数
    1 / 1 か所/
    市町村 (有) 無
    市町村数

Left alone unless the three levels come in order, each with its choice, and each count ends as its
level's does (`か所`, `…/障害圏域数`, `…/市町村数`).

Before the group, a number its narrow column cut after a thousands' separator (`１，２０`, its row's
label, `４，３９２`) is joined to the rest that completes its group of three digits, so that no row
takes a piece of another's value.
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import join_wrapped
from nikosheet.parsing.forms.centred_headers import centred
from nikosheet.parsing.forms.template_tables import non_blank
from nikosheet.parsing.lines import squeeze
from nikosheet.vocabulary import INPATIENT_AGES, INPATIENT_SHARES, SETUP_LEVELS, STATISTICS

_GROUP = re.compile(
    re.escape(STATISTICS["inpatients"]) + r"[ \u3000]*(?:[(（][^()（）]{0,30}[)）])?(?:[ \u3000]*※\S{0,12})?"
)
_TOTAL = "合計"
_SHARE = "(%:構成割合)"  # a share's note after its label, as `squeeze` writes it
# each row's label and its values' units, in the template's order
_ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_TOTAL, ("人",)),
    *((label, ("人", "%")) for label in INPATIENT_SHARES.values()),
    *((label, ("人",)) for label in INPATIENT_AGES.values()),
)
_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*|[-－―‐]")
_UNITS = {"人": "人", "%": "%", "％": "%"}
_ENDS = ("入院後", "退院率")  # the next group's labels: the group's lines end before them
_KA = str.maketrans("カヵヶケ", "かかかか")


def apply(state: FormState) -> None:
    """Rebuild the inpatients group and the councils' set-up where their rows are a LibreOffice PDF's
    centred printed lines."""
    if not signals.centred_statistics(state.source):
        return
    lines = state.lines
    if not centred(non_blank(lines)):
        return
    _inpatients(lines)
    _council_setup(lines)


def _inpatients(lines: list[str | None]) -> None:
    first = next((i for i, line in enumerate(lines) if line is not None and line.startswith(_TOTAL + " ")), None)
    if first is None:
        return
    last = next((i for i in range(first, min(first + 30, len(lines))) if (lines[i] or "").startswith(_ENDS)), None)
    if last is None:
        return
    _join_cut_numbers(lines, max(0, first - _BEFORE), first)
    rows = _rebuild([(i, lines[i] or "") for i in range(first, last)])
    if rows is not None:
        _write(lines, first, last, rows)


def _write(lines: list[str | None], start: int, end: int, rows: list[str]) -> None:
    """The rows in place of lines `start`..`end` (exclusive), at its first lines."""
    for i in range(start, end):
        lines[i] = None
    for n, text in enumerate(rows):
        lines[start + n] = text


_BEFORE = 20  # the statistics' rows before the group: at most so many lines
# a number a narrow column cut after its thousands' separator (`１，２０` / `４，３９２`: 1,204,392),
# and the rest of it, a line or two below (its row's label between them, in the middle)
_CUT_NUMBER = re.compile(r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{0,2}")
_NUMBER_REST = re.compile(r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*")


def _join_cut_numbers(lines: list[str | None], start: int, end: int) -> None:
    """Each number cut after its thousands' separator joined to its rest, the one line of a
    number alone below it that completes its group of three digits."""
    for i in range(start, end):
        head = (lines[i] or "").strip()
        if not _CUT_NUMBER.fullmatch(head):
            continue
        short = 3 - len(re.split("[,，]", head)[-1])
        for j in [j for j in range(i + 1, end) if lines[j] is not None][:2]:  # a printed line or two below
            rest = (lines[j] or "").strip()
            if _NUMBER_REST.fullmatch(rest) and len(re.split("[,，]", rest)[0]) == short:
                lines[i], lines[j] = head + rest, None
                break


def _rebuild(region: list[tuple[int, str]]) -> list[str] | None:
    """The group's lines, its label's first and a line a row, or None where not every piece finds
    its row or the units are not the template's."""
    group = ""
    labels: list[list[str]] = [[] for _ in _ROWS]  # each row's label, its lines' pieces
    rests = [_key(label) for label, _ in _ROWS]  # each label's words still to come
    notes = [_SHARE if units == ("人", "%") else "" for _, units in _ROWS]  # and its note's
    values: list[tuple[str, str]] = []  # (number, unit) in reading order
    for _, text in region:
        found = _GROUP.search(text)
        if found is not None:
            if group:
                return None
            group = found.group(0).strip()
            text = text[: found.start()] + " " + text[found.end() :]
        numbers: list[str] = []
        units: list[str] = []
        pieces: dict[int, list[str]] = {}
        for word in text.split():
            if _NUMBER.fullmatch(word):
                numbers.append(word)
            elif word in _UNITS:
                units.append(word)
            else:
                row = _row_of(_key(word), rests, notes)
                if row is None:
                    return None
                pieces.setdefault(row, []).append(word)
        if numbers and len(numbers) != len(units):
            return None  # a number without its unit, or a unit without its: which is whose is not sure
        values += [(numbers[k] if numbers else "", unit) for k, unit in enumerate(units)]
        for row, words in pieces.items():
            labels[row].append(" ".join(words))
    wanted = [unit for _, units in _ROWS for unit in units]
    if not group or any(rests) or [_UNITS[unit] for _, unit in values] != wanted:
        return None
    return [group, *_rows(labels, values)]


def _row_of(piece: str, rests: list[str], notes: list[str]) -> int | None:
    """The first row whose label's rest the piece begins (or its note's, once its words are all
    seen; or both: `1年以上（％：構成割`), its rest shortened by the piece."""
    for row, rest in enumerate(rests):
        tail = piece[len(rest) :]
        if rest and rest.startswith(piece):
            rests[row] = rest[len(piece) :]
        elif piece.startswith(rest) and tail and notes[row].startswith(tail):
            rests[row], notes[row] = "", notes[row][len(tail) :]
        else:
            continue
        return row
    return None


def _rows(labels: list[list[str]], values: list[tuple[str, str]]) -> list[str]:
    """A line a row: its label's pieces joined as wrapped text, then its values."""
    out = []
    at = 0
    for (_, units), pieces in zip(_ROWS, labels, strict=True):
        label = ""
        for piece in pieces:
            label = join_wrapped(label, piece)
        cells = [f"{number} {unit}" if number else unit for number, unit in values[at : at + len(units)]]
        at += len(units)
        out.append(" ".join([label, *cells]))
    return out


def _key(text: str) -> str:
    return squeeze(text).translate(_KA)


# ---- the councils' set-up (協議の場の設置状況) ---------------------------------------------------
_MOST_LINES_BEFORE = 300  # section 1 ends before so many lines
_LEVELS = tuple(level for level, _ in SETUP_LEVELS.values())
_SETUP_LABEL = "精神障害にも対応した"  # the set-up's label starts so
_SETUP_WORDS = "協議の場の設置状況"
_UNITS_WRITTEN = ("か所/" + SETUP_LEVELS["region"][1], "か所/" + SETUP_LEVELS["municipality"][1])
_CHOICE_MARKS = re.compile(r"[有無り・･()（）〇○◯●◎■□☑☐✓✔]+")  # a choice's words: `(有)`, `有(○)・無`, `・無`
_COUNT_START = re.compile(r"[0-9０-９/／]")
# each level's count as written: a count, perhaps of a total, and its unit (`1 か所`, `1 / 1 か所/市町村数`)
_COUNTS = (
    re.compile(r"(?:[0-9０-９]*(?:か所)?)?"),
    *(re.compile(rf"(?:[0-9０-９]*[/／][0-9０-９]*(?:{re.escape(unit)})?)?") for unit in _UNITS_WRITTEN),
)


def _council_setup(lines: list[str | None]) -> None:
    """The set-up's rows in place of its lines, from its label's or its first level's line to
    section 2's heading: the first such lines that are the set-up's."""
    for start, line in enumerate(lines[:_MOST_LINES_BEFORE]):
        if not _setup_starts(line):
            continue
        end = next((i for i in range(start, min(start + 20, len(lines))) if _section_two(lines[i])), None)
        rows = _setup(lines[start:end]) if end is not None else None
        if end is not None and rows is not None:
            _write(lines, start, end, rows)
            return


def _setup_starts(line: str | None) -> bool:
    words = (line or "").split()
    return bool(words) and "\t" not in (line or "") and (words[0].startswith(_SETUP_LABEL) or words[0] in _LEVELS)


def _section_two(line: str | None) -> bool:
    text = (line or "").lstrip("# ")
    return "取組概要" in text or bool(re.match(r"[2２](?:[ .．、]|$)", text))


def _setup(region: list[str | None]) -> list[str] | None:
    """The set-up's three rows, its label in the first (a level's word, its choice and its count
    each a cell), or None where a line holds what is none of them, or a count does not end as its
    level's does.  A count's lines stand round its level's line: a line that starts a count goes
    to the level below, one that ends one (`圏域数`) to the level above."""
    label = ""
    levels: list[list[str]] = []  # each level's word, choice and count
    heads: list[str] = []  # count pieces waiting for their level
    for line in region:
        if line is None:
            continue
        words = line.split()
        at = next((k for k, word in enumerate(words) if word == _LEVELS[len(levels) % 3] and k + 1 < len(words)), None)
        if at is not None and _choice(words[at + 1]):
            count_at = next((k for k in range(at + 1, len(words)) if _is_count(words[k])), len(words))
            if not all(_CHOICE_MARKS.fullmatch(word) for word in words[at + 1 : count_at]):
                return None
            label = join_wrapped(label, " ".join(words[:at]))
            count = " ".join([*heads, *words[count_at:]])
            levels.append([words[at], " ".join(words[at + 1 : count_at]), count])
            heads = []
            continue
        tail = len(words)
        while tail and _is_count(words[tail - 1]):
            tail -= 1
        if tail and not words[0].startswith(_SETUP_LABEL) and not label:
            return None
        label = join_wrapped(label, " ".join(words[:tail]))
        pieces = " ".join(words[tail:])
        if pieces and _COUNT_START.match(pieces):
            if heads:
                return None  # two counts' starts before a level: whose the first is is not sure
            heads.append(pieces)
        elif pieces and levels:
            levels[-1][2] = _join_count(levels[-1][2], pieces)
        elif pieces:
            return None
    if heads or [level[0] for level in levels] != list(_LEVELS) or _SETUP_WORDS not in squeeze(label):
        return None
    if not all(pattern.fullmatch(squeeze(level[2])) for pattern, level in zip(_COUNTS, levels, strict=True)):
        return None
    return ["\t".join([label if n == 0 else "", *level]) for n, level in enumerate(levels)]


def _choice(word: str) -> bool:
    """A choice's word that holds its options (`有・無`, `(有)`), not a mark alone."""
    return _CHOICE_MARKS.fullmatch(word) is not None and ("有" in word or "無" in word)


def _is_count(word: str) -> bool:
    """A count's piece: numbers, a slash, or a piece of its unit (`か所/障`, `害圏域数`)."""
    return bool(_COUNT_START.match(word)) or (any(word in unit for unit in _UNITS_WRITTEN) and word not in _LEVELS)


def _join_count(head: str, tail: str) -> str:
    """A count's pieces as one: its unit's rest right after its start (`か所/` `市町村数`)."""
    return f"{head} {tail}" if head and _COUNT_START.match(tail) else head + tail
