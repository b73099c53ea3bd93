"""The history's rows rebuilt from boxes (pdfminer, plain pdftotext): a cell's wrapped rest, read as a row of its own
or as the next cell, put back into its cell.

pdfminer writes a wrapped cell's later lines in boxes of their own, after the box beside them: an
event's rest after the commission beside its first line, a commission's rest where a year's second
event would stand.  The cell-per-line reader then takes such a rest for a row of the year's group
or for the commission:

    令和元年度⇥「高松市…ケアシステ⇥↓             令和元年度⇥「高松市…ケアシステム検討会」を設置⇥↓
    ⇥ム検討会」を設置⇥                      →    平成26年度⇥…を設置⇥特定非営利活動法人 たかまつ…支援ピアネットワーク
    平成26年度⇥…を設置⇥特定非営利活動法人 たかまつ…支援ピ
    ⇥アネットワーク⇥

A group's row is the event above's rest when it goes on with what no text starts with (a closing
bracket, a small kana, a long vowel mark), closes a bracket the event left open, or goes on inside
a katakana word; it is the commission above's rest when it holds no event's wording (`…を設置`,
`…とした`), no commission of its own, and the commission above is as wide as the widest other one
(its line filled the column) and no narrower than it — or, with a commission of its own under a row
that has none, of the commission two rows up (pdfminer wrote the rest after the next row's first
line, and that row's commission after it); a commission takes one rest.  A commission that completes the event's step
(`…窓口を設` / `置`), or that is kana alone (`…位置づ` / `け`), is the event's, and so is such a row of
the year's group.

Plain pdftotext writes the year and an event's first line in boxes of their own, and a wrapped event's
rest after the commission beside it; a group row with no commission is the event above's rest where
that event is one line as wide as the widest, short of its step, cut inside a phrase (it ends with a
particle, `…推進会議へ` / `改組`, or the rest starts with a word's last kanji and a particle, `…全圏` /
`域に協議の場を設置`, or with a particle or a word's kana end, `…区民` / `への訪問を始めた`), or cut inside
a bracket or a step (`…（医師・看護師・精神保健福` / `祉士による多職種チーム）`, `…を開` / `始。…`).  Where
pdftotext ran the commission's first line on after the event's, the rests of both may stand on the
group row: the commission's, closing the bracket its first line left open, joins it too
(`…地域移行推進 相談支援事業所（6か` / `員を配置` / `所）`).
"""

from __future__ import annotations

import re

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import KANJI_PARTICLE_WORD, REST_START, display_width, join_wrapped, unbalanced
from nikosheet.parsing.forms.lookalikes import folded
from nikosheet.typography import NO_LINE_START
from nikosheet.vocabulary import AS_ABOVE, EVENT_COLUMNS, EVENT_STEPS, EVENT_VERBS, NOTHING

_HEADER = "\t".join(EVENT_COLUMNS.values())
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]")
_KANA = re.compile("[\u3041-\u3096]+")  # hiragana alone: a word's end, never a commission
_PREDICATE = re.compile(r"(?:[しすれ]る|[しっ]た|ます|ました)。?$")  # a sentence's end: an event's
_STEP_REST = 2  # characters of an event's step (`置`, `開始`) a commission may hold, at most
_TOLERANCE = 2  # display columns: a wrapped line may stop a character short of its column
_LEAST = 16  # display columns: a commission's line narrower ends its cell
_EVENT_REACH = 8  # lines: a row's event stands this near its row's first line
_PARTICLE_END = re.compile("[へをにとのがで]$")  # an event cut after a particle: its predicate follows
_REST_START = re.compile(REST_START)


def apply(state: FormState) -> None:
    """Put the rests of the history's cells back, in every history table written as tab rows."""
    if not signals.history_rests(state.source):
        return
    lines = state.lines
    source = state.source.split("\n")
    for at, line in enumerate(lines):
        if line is not None and line.strip() == _HEADER:
            _mend(lines, _rows(lines, at + 1), source)


def _rows(lines: list[str | None], start: int) -> list[int]:
    """The indexes of the table's rows below its header (three cells a row)."""
    out: list[int] = []
    for i in range(start, len(lines)):
        line = lines[i]
        if line is None or not line.strip():
            continue
        if line.count("\t") != 2:
            break
        out.append(i)
    return out


def _mend(lines: list[str | None], rows: list[int], source: list[str]) -> None:
    """Join each group row that is a cell's rest to the row above, where that row's year and its
    event's first line stand on one line of the source (pdfminer's box) and the rest in a box apart."""
    cells = {i: (lines[i] or "").split("\t") for i in rows}
    for i in rows:
        year, event, commission = cells[i]
        if len(commission) <= _STEP_REST and _completes_step(event, commission):
            cells[i] = [year, event + commission, ""]
    firsts = {i: cells[i][2] for i in rows}  # each commission's first line, before any rest joins it
    kept: list[int] = []
    ended: set[int] = set()  # rows whose commission took its rest: its last line is short
    widest = max((display_width(cells[i][1]) for i in rows if _one_line(source, i, cells[i])), default=0)
    for i in rows:
        year, event, commission = cells[i]
        above = cells[kept[-1]] if kept else None
        closes = bool(commission) and unbalanced(above[2] if above else "") > 0 and unbalanced(commission) < 0
        if (
            above is not None
            and not year
            and (not commission or closes)
            and _cut_event(above, event, widest, source, kept[-1])
        ):
            # (with the commission above's rest beside it, that closes its bracket: `…（6か` / `所）`)
            cells[kept[-1]] = [above[0], join_wrapped(above[1], event), join_wrapped(above[2], commission)]
            lines[i] = None
        elif above is None or year or not event or not _boxed(source, kept[-1], above, i):
            kept.append(i)
        elif _event_rest(above[1], event) and not (commission and above[2]):
            cells[kept[-1]] = [above[0], join_wrapped(above[1], event), above[2] or commission]
            lines[i] = None
        elif not commission and _goes_on(cells, firsts, kept[-1], event, ended):
            lines[i] = None
        elif commission and not above[2] and len(kept) > 1 and _goes_on(cells, firsts, kept[-2], event, ended):
            # the commission two rows up went on after the next row's first line, then that row's own
            cells[kept[-1]] = [above[0], above[1], commission]
            lines[i] = None
        else:
            kept.append(i)
    for i in kept:
        lines[i] = "\t".join(cells[i])


def _one_line(source: list[str], at: int, row: list[str]) -> bool:
    """Whether a row's event is one line of the source (alone, or after its year and a space; plain
    pdftotext may run its commission's first line on after it, a space between)."""
    whole = (row[1], f"{row[0]} {row[1]}", f"{row[0]} {row[1]} {row[2]}")
    return bool(row[1]) and any(folded(line.strip()) in whole for line in source[at : at + _EVENT_REACH])


def _cut_event(above: list[str], event: str, widest: int, source: list[str], at: int) -> bool:
    """Whether a group row's event is the event above's rest that the converter wrote after the
    commission beside it (pdftotext: `…推進会議へ` `↓` `改組`, `…構築推進事業を開始し、全圏` `…協会`
    `域に協議の場を設置`): the event above is one line as wide as the widest, ends short of its step,
    and the wrap cut it inside a phrase: it ends with a particle, or the rest starts with a word's last
    kanji and a particle, starts as no event does (with a particle or a word's kana end: `…入院している
    区民` / `への訪問を始めた`), closes the event's open bracket (`…（医師・看護師・精神保健福` / `祉士による
    多職種チーム）`) or ends its cut step (`…を開` / `始。…`)."""
    head = above[1]
    if not head or _complete(head) or not _one_line(source, at, above) or display_width(head) < widest - _TOLERANCE:
        return False
    if _PARTICLE_END.search(head) is not None or KANJI_PARTICLE_WORD.match(event) is not None:
        return True
    return (
        _REST_START.match(event) is not None
        or (unbalanced(head) > 0 and unbalanced(event) < 0)
        or _step_cut(head, event)
    )


def _step_cut(head: str, event: str) -> bool:
    """Whether the event's step was cut by the wrap: its first characters on the line above, the rest
    starting the next (`…を開` / `始。府精神保健福祉審議会に…`)."""
    return any((head + event[:n]).endswith(EVENT_STEPS) for n in range(1, _STEP_REST + 1))


def _goes_on(cells: dict[int, list[str]], firsts: dict[int, str], row: int, text: str, ended: set[int]) -> bool:
    """Join the text to the row's commission where it is that commission's rest (`_commission_rest`,
    against the other commissions' first lines) and it took none already; whether it did."""
    others = [first for j, first in firsts.items() if j != row]
    if row in ended or not _commission_rest(cells[row][2], text, others):
        return False
    cells[row] = [*cells[row][:2], join_wrapped(cells[row][2], text)]
    ended.add(row)
    return True


def _boxed(source: list[str], at: int, row: list[str], rest: int) -> bool:
    """Whether the row's source line holds its year and, a space after it, its event's first line
    (pdfminer joins a row's first lines on a line with a space, and writes the cells' later lines in
    boxes apart; a laid-out text sets its cells apart with runs of spaces), and the rest's line
    stands after a blank line."""
    line = source[at].strip()
    year, _, first = line.partition(" ")
    return year == row[0] and bool(first) and "  " not in line and not source[rest - 1].strip()


def _event_rest(event: str, text: str) -> bool:
    """Whether the text goes on from the event above: it starts as no text does, closes the event's
    open bracket, or goes on inside its katakana word."""
    if not event or _complete(event):
        return False
    if text[0] in NO_LINE_START or (len(text) <= _STEP_REST and _completes_step(event, text)):
        return True
    if unbalanced(event) > 0 and unbalanced(text) < 0:
        return True
    return _KATAKANA.fullmatch(event[-1]) is not None and _KATAKANA.fullmatch(text[0]) is not None


def _completes_step(event: str, text: str) -> bool:
    """Whether a short text ends the event's word: its step (`…を設` / `置`), or kana that no
    commission is (`…位置づ` / `け`; not `なし`, the 委託 column's word for none)."""
    return (event + text).endswith(EVENT_STEPS) or (_KANA.fullmatch(text) is not None and text not in NOTHING)


def _complete(event: str) -> bool:
    """Whether an event's text ends as one does: with its step (`…を設置`) or a sentence's end."""
    return event.endswith(EVENT_VERBS) or _PREDICATE.search(event) is not None


def _commission_rest(commission: str, text: str, others: list[str]) -> bool:
    """Whether the text is the commission above's wrapped rest: it holds no event's wording, and that
    commission filled its column (as wide as the widest other, a line no narrower than the rest)."""
    if not commission or commission == AS_ABOVE or "を" in text or _complete(text):
        return False
    width = display_width(commission)
    widest = max((display_width(c) for c in others if c and c != AS_ABOVE), default=0)
    return width >= max(widest - _TOLERANCE, _LEAST) and display_width(text) <= width
