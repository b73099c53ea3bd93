"""Section 1 written one cell per line: the 基本情報 table rebuilt as tab rows, its text set apart.

pdftotext (plain and `-raw`), pdfminer, pypdf, pypdfium2, pdfplumber, PyMuPDF (from the Chromium or
the LibreOffice PDF), docx2txt and LibreOffice's text export write the statistics table cell by cell
in reading order, often with blank lines between, sometimes several cells on one line joined by a
space; a row-spanned label comes where its middle is (after its first values), a wrapped label in
pieces between other cells, and pdfminer reads whole columns (every label, then every number, then
every unit):

    人口（R5年4月時点）                 人口（R5年4月時点）⇥604,894⇥人
    604,894                             入院精神障害者数 （R2年6月時点） ※630調査⇥合計⇥344⇥人
    人                           →      ⇥3か月未満 （％：構成割合）⇥92 26.7⇥人％
    合計                                …
    344
    人
    3か月未満 （％：構成割
    合）
    92 26.7
    人％
    入院精神障害者数 （R2年6月時点） ※630調査

The template is the guide.  Its row labels are known (`_SPECS`), and so is what each row's value
looks like: how many numbers, which units (`人`, `％`, `か所`, `回`…), a choice (`有・無`).  A label
is recognised whatever its line breaks (a piece that begins a label, and the pieces that complete
it); a value is recognised by its form and goes to the first row seen that still lacks what it
brings and whose units it fits.  The rows are written in the template's order, each group's label
in its first row.  A line that fits nowhere stays a text line, after the table.

Before the table, the body's name, the 取組内容 caption and the 基本情報 caption are set apart from
the lines around them, and every 取組内容 line becomes a list item (a line that a PDF wrapped at
the full width joined back to the one before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import join_wrapped
from nikosheet.parsing.lines import squeeze
from nikosheet.parsing.sections.preamble import looks_like_name
from nikosheet.vocabulary import CONSULTATION_OFFICES, DISCHARGE_RATES, MENTAL_HEALTH_SUBCOMMITTEE, QUANTITIES

_SIGNAL = "圏域数"  # the first row's label: in the samples' form its line holds tabs


@dataclass(frozen=True, slots=True)
class _Spec:
    """A label of the table: a row of its own, a group's label, or a row of a group."""

    key: str
    words: str  # the template's words
    group: str | None = None  # the group a row belongs to
    units: tuple[str, ...] = ()  # the units its value carries, one per number
    numbers: int = 0  # the numbers its value holds
    choice: bool = False  # its value is 有・無
    dated: bool = False  # its label carries an as-of date
    is_group: bool = False
    needs: tuple[str, ...] = ()  # labels one of which must be seen first (a short label's context)


_SETUP = "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
_COUNCIL = "（自立支援）協議会の開催頻度"
_TOTAL = "合計"  # a group's total: its row's label, which a sheet may leave out
_UNIT_OF = {
    "welfare_regions": "か所",
    "municipalities": "市町村",
    "population": "人",
    "psychiatric_hospitals": "病院",
    "psychiatric_beds": "床",
}
_SPECS: tuple[_Spec, ...] = (
    *(_Spec(k, QUANTITIES[k], units=(u,), numbers=1, dated=True) for k, u in _UNIT_OF.items()),
    _Spec("inpatients", "入院精神障害者数", dated=True, is_group=True),
    _Spec("total", _TOTAL, "inpatients", ("人",), 1),
    _Spec("under_3_months", "3か月未満", "inpatients", ("人", "%"), 2),
    _Spec("from_3_to_12_months", "3か月以上1年未満", "inpatients", ("人", "%"), 2),
    _Spec("over_1_year", "1年以上", "inpatients", ("人", "%"), 2),
    _Spec("ages", "うち65歳未満うち65歳以上", "inpatients", ("人", "人"), 2),
    _Spec("aged_under_65", "うち65歳未満", "inpatients", ("人",), 1),
    _Spec("aged_65_and_over", "うち65歳以上", "inpatients", ("人",), 1),
    _Spec("discharge_rates", "退院率", dated=True, is_group=True),
    *(_Spec(k, w, "discharge_rates", ("%",), 1) for k, w in DISCHARGE_RATES.items()),
    _Spec("consultation_offices", "相談支援事業所数", dated=True, is_group=True),
    *(_Spec(k, w, "consultation_offices", ("か所",), 1) for k, w in CONSULTATION_OFFICES.items()),
    _Spec("health_centers", QUANTITIES["health_centers"], units=("か所",), numbers=1, dated=True),
    _Spec("support_council", _COUNCIL, dated=True, is_group=True),
    _Spec("meetings", _COUNCIL, "support_council", ("回",), 1),
    _Spec("subcommittee", MENTAL_HEALTH_SUBCOMMITTEE, "support_council", choice=True),
    _Spec("council_setup", _SETUP, dated=True, is_group=True),
    _Spec("prefecture", "都道府県", "council_setup", ("か所",), 1, True),
    _Spec("region", "障害保健福祉圏域", "council_setup", ("か所",), 1, True),
    _Spec(
        "municipality", "市町村", "council_setup", ("か所",), 1, True, needs=("council_setup", "prefecture", "region")
    ),
)
_RANK = {s.key: i for i, s in enumerate(_SPECS)}
_OTHER = _Spec("other", "", units=("",), numbers=1)  # a row the template does not have (自殺死亡率)

_SHARE = re.compile(r"\(%:?構成割合\)")  # a share's note after its label (normalised by `_key`)
_KA = str.maketrans("カヵヶケ", "かかかか")


def _key(text: str) -> str:
    """Text for comparing labels: normalised, without white space, 3ヶ月 as 3か月, without の (a sheet
    may write `精神科病院数` for the template's `精神科病院の数`)."""
    return squeeze(text).translate(_KA).replace("の", "")


_WIDE = {"(": "[(（]", ")": "[)）]", "%": "[%％]", "か": "[かカヵヶケ]", ":": "[:：]", "/": "[/／]"}


def _pattern(words: str) -> str:
    """A regex of the words in the source's own characters, white space allowed between any two."""
    out = []
    for ch in squeeze(words).translate(_KA):
        if ch == "の":
            out.append("の?")
        elif ch.isdigit():
            out.append(f"[{ch}{chr(ord(ch) + 0xFEE0)}]")
        else:
            out.append(_WIDE.get(ch, re.escape(ch)))
    return r"[ \u3000]{0,3}".join(out)


_MONTH = r"[0-9０-９]{0,2}[ \u3000]?月"  # a date's month, which goes on in its bracket
_SUFFIX = re.compile(
    # a closed bracket, or one the line leaves open: at its end, or before a value on it (no month)
    # (`3か月未満 （％：構成割 92 26.7 人 ％` / `合）`: pdfplumber); not a choice's mark (`市町村 (有) 無`)
    r"(?:[ \u3000]{0,3}(?P<closed>[(（](?![ \u3000]?[有無][ \u3000]?[)）])[^()（）\n]{0,40}[)）])"
    # (first: a date that a wrap cut, before the value or the sub-row on the line: `（R5年4 合計 402 人`)
    r"|[ \u3000]{0,3}(?P<open>[(（](?:[^()（）\s]{0,8}年[^()（）\s]{0,4}(?=[ \u3000](?!" + _MONTH + "))"
    r"|[^()（）\n]{0,40}?(?=[ \u3000]+[0-9０-９](?!" + _MONTH + ")|$))))?"
    r"(?:[ \u3000]{0,3}※[^\s]{0,30})?"
)
_LABELS = tuple(
    (spec, re.compile(_pattern(spec.words) + ("(?![ \u3000]{0,3}数)" if spec.group == "council_setup" else "")))
    for spec in _SPECS
)
_VALUE = re.compile(
    r"約|[(（]?[〇○◯●◎]?[ \u3000]{0,3}[(（]?[有無]|[〇○◯●◎☑✓■□☐]|[-－―‐ー−]|[/／%％人床回]|[0-9０-９]|"
    r"か所|ヶ所|カ所|箇所|市町村(?![ \u3000]{0,3}数)|病院|(?:年間?|月|週)[ \u3000]{0,3}[0-9０-９]|"
    r"不明|集計中|なし|無し|該当|未"
)
_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*|不明|集計中|なし|無し|該当なし|[-－―‐−]")
_UNIT = re.compile(r"人(?!口)|[%％]|か所|ヶ所|カ所|箇所|市町村|病院|床|回")
_DATE = re.compile(r"[0-9０-９元]|時点|年度")
_CHOICE_PIECE = re.compile(r"[(（]?[〇○◯●◎]?[有無]?[〇○◯●◎]?[)）]?")  # `有`, `〇`, `(有)`, `無`: a choice's piece
_WORDS = re.compile("[\u4e00-\u9fff]")  # a kanji (a unit cut by a wrap leaves kana: `27 / 35 か`)
_MARKED_YES = re.compile(
    r"[(（〇○◯●◎][ \u3000]{0,2}有|有[ \u3000]{0,2}[(（][〇○◯●◎]|^[ \u3000]{0,2}有(?![・ \u3000]{0,3}無)"
)
_DECIMAL = re.compile(r"[0-9０-９][.．][0-9０-９]")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]|※.*")
_MARK_AFTER = r"(?:[(（][〇○◯●◎☑✓■][)）]|[)）])?"  # `有（〇）`, `(有)`
_CHOICE_THEN_COUNT = re.compile(
    # (a box drawn before each, `■有 □無`; a mark after, `無（〇）`)
    rf"([^有無]{{0,12}}[有無]{_MARK_AFTER}(?:[・\s]{{0,3}}[(（〇○◯●◎☑✓■□☐]{{0,2}}無{_MARK_AFTER})?)"
    r"[ \u3000\u2003]{1,4}(?=[0-9０-９/／か])"
)
_CLOSING_THEN_VALUE = re.compile(r"([^()（）]{1,12}[)）])[ \u3000]+([0-9０-９].*)")
_UNIT_NAME = {"％": "%", "ヶ所": "か所", "カ所": "か所", "箇所": "か所"}


@dataclass(slots=True)
class _Row:
    """A label seen, the source lines of its pieces, and the values given to it."""

    spec: _Spec
    first: int  # the line its label begins on
    label: list[tuple[int, str]] = field(default_factory=list)
    remaining: str = ""  # the template's words still to come (a wrapped label)
    paren_open: bool = False
    has_date: bool = False
    note_open: bool = False  # its label ends in a note (※630調) that may go on
    values: list[tuple[int, str]] = field(default_factory=list)
    numbers: int = 0
    units: list[str] = field(default_factory=list)
    choice: bool = False

    def open(self) -> bool:
        return bool(self.remaining) or self.paren_open or (self.spec.dated and not self.has_date)

    @property
    def marked(self) -> bool:
        """Its choice has 有 marked."""
        return any(_MARKED_YES.search(text) for _, text in self.values)

    def closed(self) -> bool:
        """Its units are all given: a unit follows its number, so no number can come after."""
        return len(self.units) >= len(self.spec.units)


@dataclass(slots=True)
class _Value:
    index: int
    text: str
    numbers: int
    units: list[str]
    choice: bool
    decimal: bool
    worded: bool = False  # a number among words and no unit of the template's (`人口10万対`)


def _is_share(value: _Value) -> bool:
    """A count and its share (`2,607 65.8 人 ％`): only the template's share rows take it."""
    return value.numbers == 2 and "人" in value.units and "%" in value.units


def _value(index: int, text: str) -> _Value:
    plain = _ASIDE.sub(" ", text)
    units = [_UNIT_NAME.get(u, u) for u in _UNIT.findall(plain)]
    decimal = _DECIMAL.search(plain) is not None
    numbers = len(_NUMBER.findall(plain))
    choice = "有" in text or "無" in text
    worded = bool(numbers and not units and not choice and _WORDS.search(_NUMBER.sub("", plain)))
    return _Value(index, text, numbers, units, choice, decimal, worded)


class _Table:
    """The rows of the region: every label found (`rows`), the ones the values have reached
    (`shown`), the values that wait for their row's label, and what is left over."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.shown: list[_Row] = []
        self.seen: dict[str, _Row] = {}
        self.waiting: list[_Value] = []
        self.leftover: list[tuple[int, str]] = []
        self.last_value: tuple[_Row, int] | None = None  # the row and position of the last value given
        self.just_labelled: _Row | None = None  # the row whose label ended the last line read
        self.value_at = -1  # the last line read that held a value

    # ---- labels ------------------------------------------------------------------------------
    def match_label(self, text: str, pos: int) -> tuple[_Spec, int, bool] | None:
        """The label at `pos`: (spec, end, started) — whole words, else the start of words (wrapped)."""
        best: tuple[_Spec, int] | None = None
        for spec, regex in _LABELS:
            m = regex.match(text, pos)
            if m and (best is None or m.end() > best[1]) and self.counts(spec):
                best = (spec, m.end())
        if best is not None:
            return self.resolve(best[0], text, best[1]), best[1], False
        return self.label_start(text, pos)

    def counts(self, spec: _Spec) -> bool:
        """A label counts once; a short level label (市町村) only inside its group."""
        if spec.needs and not any(k in self.seen for k in spec.needs):
            return False
        return spec.key not in self.seen or spec.words == _COUNCIL

    def resolve(self, spec: _Spec, text: str, end: int) -> _Spec:
        """The council's group and its first row share their words: the group's carries a date."""
        if spec.words != _COUNCIL:
            return spec
        suffix = _SUFFIX.match(text, end)
        # a date, or a bracket the line leaves open (`（令` / `和4年度）`): the group's label
        dated = bool(suffix and (_DATE.search(suffix.group(0)) or suffix.group("open")))
        if dated or ("meetings" in self.seen and "support_council" not in self.seen):
            return _SPECS[_RANK["support_council"]]
        return _SPECS[_RANK["meetings"]]

    def label_start(self, text: str, pos: int) -> tuple[_Spec, int, bool] | None:
        """A piece that begins a label (at least four characters of it), up to a space or the line's end."""
        ends = [m.start() for m in re.finditer(r"[ \u3000]+", text[pos:])]
        for end in sorted({*(pos + e for e in ends), len(text)}, reverse=True):
            piece = _key(text[pos:end])
            if len(piece) < 4:
                return None
            for spec, _ in _LABELS:
                words = _key(spec.words)
                if words.startswith(piece) and len(piece) < len(words) and self.counts(spec):
                    return self.resolve(spec, text, end), end, True
        return None

    def add_label(
        self, index: int, spec: _Spec, piece: str, is_start: bool, suffix: re.Match[str] | None, at_end: bool
    ) -> _Row:
        row = self.seen.get(spec.key)
        if row is None:
            row = _Row(spec, index)
            self.seen[spec.key] = row
            self.rows.append(row)
        row.label.append((index, piece))
        row.remaining = _key(spec.words)[len(_key(piece)) :] if is_start else ""
        if suffix:
            row.paren_open = bool(suffix.group("open"))
            row.has_date = row.has_date or bool(suffix.group("closed") or suffix.group("open"))
            row.note_open = at_end and "※" in suffix.group(0)
        return row

    def continues(self, index: int, text: str) -> bool:
        """A piece of a wrapped label: the rest of its words, of its bracket or note, or its date."""
        piece = _key(text)
        for row in reversed(self.rows):
            share = row is self.just_labelled and "%" in row.spec.units and _SHARE.fullmatch(piece) is not None
            if not (row.open() or row.note_open or share):  # `3か月以上1年未満` / `（％：構成割合）`
                continue
            rest = row.remaining
            if rest and row.label[-1][0] < self.value_at and self.match_label(text, 0) and self.switch(row, ""):
                rest = ""  # its words a label, a value since, then a label's start: `うち65歳` `未満` `967` `うち65歳`
            if rest and not (rest.startswith(piece) or piece.startswith(rest)) and self.switch(row, piece):
                pass
            elif rest and (rest.startswith(piece) or piece.startswith(rest)):
                row.remaining = rest[len(piece) :] if rest.startswith(piece) else ""
                self.switch(row, piece[: len(rest)])
                tail = piece[len(rest) :] if piece.startswith(rest) else ""
                if tail[:1] in ("(", "※"):
                    row.has_date = True
                    row.paren_open = "(" in tail and ")" not in tail
            elif not rest and row is self.just_labelled and piece[:1] == "(" and ")" in piece and len(piece) <= 12:
                pass
            elif not rest and row.paren_open and ")" in piece and len(piece) <= 12:
                row.paren_open = False
            elif not rest and row.spec.dated and not row.has_date and piece[:1] == "(" and _DATE.search(piece):
                row.has_date = True
                row.paren_open = ")" not in piece
            elif (
                row.note_open
                and index - row.label[-1][0] <= 3  # a note goes on in the lines right after it
                and len(piece) <= 6
                and not _VALUE.match(text)
                and not self.match_label(text, 0)
            ):
                pass
            else:
                continue
            row.note_open = False
            row.label.append((index, text))
            return True
        return False

    def switch(self, row: _Row, piece: str) -> bool:
        """A started label whose next piece makes other words (`うち65歳` + `未満`): it is those."""
        said = _key("".join(text for _, text in row.label)) + piece
        for spec, _ in _LABELS:
            words = _key(spec.words)
            if spec is row.spec or spec.group != row.spec.group or spec.key in self.seen:
                continue
            if words == said or (piece and words.startswith(said)):
                del self.seen[row.spec.key]
                row.spec = spec
                self.seen[spec.key] = row
                row.remaining = words[len(said) :]
                return True
        return False

    # ---- values ------------------------------------------------------------------------------
    def show(self, row: _Row) -> None:
        """The values reach a label: the ones waiting for it are given to it."""
        if row in self.shown:
            return
        self.shown.append(row)
        waiting, self.waiting = self.waiting, []
        for value in waiting:
            if not self.give(value, None):
                self.waiting.append(value)

    def give(self, value: _Value, beside: _Row | None) -> bool:
        """The value to the row whose label is beside it, else to the first row shown that still lacks
        what it brings and whose units it fits; a number among words no unit of the template's
        (`人口10万対`) only to a row the template does not have, as its unit after its number."""
        if value.worded:
            last = self.last_value[0] if self.last_value is not None else None
            if last is None or last.spec is not _OTHER:
                return False
            last.values.append((value.index, value.text))
            return True
        if beside is None and self.last_value is not None:
            last = self.last_value[0]
            if not value.numbers or (not last.numbers and last.units):
                beside = last  # a unit follows its number, or came first (人％ before 65 18.9)
        if beside is not None and beside.spec.is_group and value.numbers:
            beside = self.total(beside)
        first = [beside] if beside is not None and not beside.spec.is_group else []
        for n, row in enumerate(first + self.preferred(value) + self.shown):
            if row.spec.is_group or not self.takes(row, value, n == 0 and bool(first)):
                continue
            row.values.append((value.index, value.text))
            row.numbers += value.numbers
            row.units += [u for u in value.units if u in row.spec.units or row.spec is _OTHER]
            row.choice = row.choice or value.choice
            self.last_value = (row, len(row.values) - 1)
            return True
        return False

    def total(self, group: _Row) -> _Row | None:
        """The group's 合計 row, for a number beside the group's label where the 合計 label is left out
        (`入院精神障害者数 (R4年6月時点)` `340 人`), or its first row that shares its words (the council's
        frequency, its second label left out); None when the template's group has none."""
        words = (_TOTAL, group.spec.words)
        spec = next((s for s in _SPECS if s.group == group.spec.key and s.words in words), None)
        if spec is None:
            return None
        row = self.seen.get(spec.key)
        if row is None:
            row = self.seen[spec.key] = _Row(spec, group.first)
            self.rows.append(row)
            self.shown.append(row)
        return row

    def preferred(self, value: _Value) -> list[_Row]:
        """A count of councils goes first to a level whose 有 is marked: there is a council to count."""
        if not value.numbers or value.choice:
            return []
        return [r for r in self.shown if r.spec.group == "council_setup" and r.marked]

    @staticmethod
    def takes(row: _Row, value: _Value, beside: bool) -> bool:
        """Whether the row lacks what the value brings and its units fit; only the row beside a number
        takes it after its units (人％ before 65 18.9)."""
        spec = row.spec
        if value.choice and not value.numbers:
            return spec.choice and not row.choice
        if value.units:
            fits = spec is _OTHER or any(u in spec.units for u in value.units)
            if _is_share(value):  # a count and its share: a share's row only, or a row beside it
                fits = ("%" in spec.units and "人" in spec.units) or (spec is _OTHER and beside)
        else:  # a bare number: a decimal one is a percent
            fits = spec is _OTHER or not value.decimal or "%" in spec.units
        if not fits:
            return False
        if value.numbers:
            return row.numbers < spec.numbers and (not row.closed() or (beside and not row.numbers))
        return not row.closed()

    def append_fragment(self, text: str) -> bool:
        """A short piece right after a value that is no value itself (`市町村数` after `1 / 1 か所/`)."""
        if self.last_value is None or len(text) > 8 or any(c.isdigit() for c in text):
            return False
        row, k = self.last_value
        index, before = row.values[k]
        row.values[k] = (index, before + text)
        return True


def _pieces(table: _Table, index: int, text: str) -> list[tuple[str, str | _Row]]:
    """A line's pieces, left to right: ('label', its row), ('value', text) or ('text', text)."""
    out: list[tuple[str, str | _Row]] = []
    pos = 0
    while pos < len(text):
        found = table.match_label(text, pos)
        if found is not None:
            spec, end, is_start = found
            suffix = None if is_start else _SUFFIX.match(text, end)
            stop = suffix.end() if suffix else end
            row = table.add_label(index, spec, text[pos:stop], is_start, suffix, stop == len(text))
            out.append(("label", row))
            pos = stop
            while pos < len(text) and text[pos] in " \u3000":
                pos += 1
            continue
        rest = text[pos:]
        out.append(("value" if _VALUE.match(rest) else "text", rest))
        break
    return out


def _read(state: FormState, start: int, end: int) -> _Table:
    """Every line of the region read into rows: the labels first, then the values given out in order."""
    table = _Table()
    events: list[tuple[str, int, str, _Row | None]] = []  # (kind, line, text, the row of a label)
    for i, text in _whole_numbers(state, start, end):
        closing = _CLOSING_THEN_VALUE.fullmatch(text)  # `割合) 14.7 %`: a bracket's end, then a value
        at = _label_after_space(table, text)  # `向けた保健・医療・福祉関 障害保健福祉圏域 有・無`
        if closing and table.continues(i, closing[1]):
            text = closing[2]
        elif at and table.continues(i, text[:at]):
            text = text[at:].lstrip(" \u3000")
        elif table.continues(i, text):
            continue
        same_line: _Row | None = None
        table.just_labelled = None
        for kind, piece in _pieces(table, i, text):
            table.just_labelled = piece if isinstance(piece, _Row) else None
            if isinstance(piece, _Row):
                same_line = piece
                events.append(("label", i, "", piece))
            elif kind == "text" and same_line is not None and same_line.note_open and len(piece) <= 6:
                same_line.label.append((i, piece))  # a note's last word after a space (※630 調査)
            else:
                events.append((kind, i, piece, same_line))
                table.value_at = i if kind == "value" else table.value_at
    _give_out(table, events)
    return table


# a number its narrow column wrapped: `１，２０` / `４，３９２` (a group of digits cut short), `６９８ 人 ２`
# / `１．８ ％` (a share's first digit left behind)
_CUT_NUMBER = re.compile(
    r"(?:^|\s)[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{0,2}$|人[ \u3000]+[0-9０-９]{1,2}$"
)
_NUMBER_GOES_ON = re.compile(
    r"[0-9０-９]+(?:[,，][0-9０-９]{3})*[ \u3000]*(?:人|$)|[0-9０-９]?[.．][0-9０-９]+[ \u3000]*[%％]"
)


def _whole_numbers(state: FormState, start: int, end: int) -> list[tuple[int, str]]:
    """The region's non-blank lines, stripped, a number's piece that its column wrapped joined back
    to the line before (the piece's own line then read as blank)."""
    out: list[tuple[int, str]] = []
    for i in range(start, end):
        text = (state.lines[i] or "").strip(" \t\u3000\f")
        if not text:
            continue
        if out and _CUT_NUMBER.search(out[-1][1]) and _NUMBER_GOES_ON.fullmatch(text):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((i, text))
    return out


def _label_after_space(table: _Table, text: str) -> int:
    """Where a whole label starts after a space on the line (a wrapped label's piece before it), or 0."""
    for m in re.finditer(r"[ \u3000]+", text):
        found = table.match_label(text, m.end()) if m.start() else None
        if found is not None and not found[2]:
            return m.start()
    return 0


def _give_out(table: _Table, events: list[tuple[str, int, str, _Row | None]]) -> None:
    """The values to their rows, in reading order; a text line before a value labels a row of its own."""
    pending: list[tuple[int, str]] = []  # text lines waiting to know whether a value follows
    run: list[_Row] = []  # the rows whose labels came since the last value
    group: _Row | None = None  # a group whose label came last: a value right after it is its total
    merged: set[int] = set()
    for n, (kind, i, text, row) in enumerate(events):
        if kind == "label":
            assert row is not None
            table.last_value = None
            _settle(table, pending, False)
            table.show(row)
            group = row if row.spec.is_group else None
            if not row.spec.is_group:
                run.append(row)
        elif kind == "value" and n not in merged:
            other = _settle(table, pending, True)
            # a value right after one label is that label's; after many (a column of labels, then a
            # column of values), it is the first one's that lacks it
            beside = row or other or (run[0] if len(run) == 1 else None if run else group)
            share = _share_after(events, n)
            if share:
                merged.update(share)
                text = " ".join(events[k][2] for k in (n, share[0])) + "\t" + " ".join(events[k][2] for k in share[1:])
            unit = None if share else _unit_after(events, n)
            if unit is not None:
                merged.add(n + 1)
                text = f"{text}\t{events[n + 1][2]}"  # two cells
            for k in _choice_after(events, n):  # `有` `〇` `無`: one choice, a cell a line
                merged.add(k)
                text = f"{text}\t{events[k][2]}"
            if beside is None and len(run) > 1 and _label_next(events, n, merged):
                beside = run[-1]  # one value between labels: the last one's (its group's labels before it)
            for part in _split_choice(text):
                value = _value(i, part)
                if not table.give(value, beside):
                    table.waiting.append(value)
            run.clear()
            group = None
        elif kind == "text" and not table.append_fragment(text):
            _settle(table, pending, False)
            pending.append((i, text))
    _settle(table, pending, False)
    table.leftover += [(v.index, v.text) for v in table.waiting]


def _label_next(events: list[tuple[str, int, str, _Row | None]], n: int, merged: set[int]) -> bool:
    """Whether the next event after the n-th value (and the cells merged into it) is a label."""
    k = n + 1
    while k in merged:
        k += 1
    return k < len(events) and events[k][0] == "label"


def _share_after(events: list[tuple[str, int, str, _Row | None]], n: int) -> list[int]:
    """A count whose share and units follow it a line each (`187` `54.4` `人` `％`): the events after
    the n-th that are the rest of its cells, or none."""
    if n + 3 >= len(events) or any(kind != "value" for kind, *_ in events[n : n + 4]):
        return []
    count, share, person, percent = (_value(0, events[k][2]) for k in range(n, n + 4))
    bare = count.numbers == share.numbers == 1 and not count.units and not share.units and not count.decimal
    if bare and share.decimal and person.units == ["人"] and percent.units == ["%"] and not person.numbers:
        return [n + 1, n + 2, n + 3] if not percent.numbers else []
    return []


def _unit_after(events: list[tuple[str, int, str, _Row | None]], n: int) -> int | None:
    """A bare number followed by a bare unit, where no column of numbers runs: one value."""
    if n + 1 >= len(events) or events[n + 1][0] != "value":
        return None
    this, after = _value(0, events[n][2]), _value(0, events[n + 1][2])
    if not this.numbers or this.units or this.choice or after.numbers or not after.units or after.choice:
        return None
    if n > 0 and events[n - 1][0] == "value":
        before = _value(0, events[n - 1][2])
        if before.numbers and not before.units:
            return None  # a column of numbers: their units come as a column too
    return n + 1


def _choice_after(events: list[tuple[str, int, str, _Row | None]], n: int) -> list[int]:
    """The values after the n-th that are the rest of its choice, each a line (`有` `〇` `無`)."""
    said = events[n][2].strip()
    if not _choice_piece(said):
        return []
    out: list[int] = []
    for k in range(n + 1, len(events)):
        kind, _, text, _ = events[k]
        if ("有" in said and "無" in said) or kind != "value" or not _choice_piece(text.strip()):
            break
        out.append(k)
        said += text.strip()
    return out if "有" in said and "無" in said else []


def _choice_piece(text: str) -> bool:
    return bool(text) and _CHOICE_PIECE.fullmatch(text) is not None


def _split_choice(text: str) -> list[str]:
    """`有・無 1 / 1` is two cells: the choice and the count."""
    m = _CHOICE_THEN_COUNT.match(text)
    return [m.group(1), text[m.end() :]] if m else [text]


def _settle(table: _Table, pending: list[tuple[int, str]], value_follows: bool) -> _Row | None:
    """A text line right before a value is the label of a row the template does not have: that row,
    shown (the value is beside it)."""
    if not pending:
        return None
    *before, (index, text) = pending
    table.leftover += before
    pending.clear()
    if not value_follows:
        table.leftover.append((index, text))
        return None
    row = _Row(_OTHER, index, [(index, text)])
    table.rows.append(row)
    table.show(row)
    return row


def _row_lines(table: _Table) -> list[tuple[int, str]]:
    """The rows in the template's order, a group's label in its first row: (first source line, row)."""
    rank: dict[int, float] = {}
    last = -1.0
    for n, row in enumerate(table.rows):
        last = _RANK[row.spec.key] if row.spec is not _OTHER else last + 0.001
        rank[n] = last
    ordered = [table.rows[n] for n in sorted(rank, key=lambda n: rank[n])]
    out: list[tuple[int, str]] = []
    group_label: dict[str, _Row] = {r.spec.key: r for r in ordered if r.spec.is_group}
    written: set[str] = set()
    for row in ordered:
        if row.spec.is_group:
            if not any(r.spec.group == row.spec.key for r in ordered):
                out.append((row.first, _label(row)))
            continue
        cells = [_label(row)] + [text for _, text in sorted(row.values)]
        sources = [i for i, _ in row.label] + [i for i, _ in row.values]
        group = row.spec.group
        if group is not None:
            head = group_label.get(group)
            if head is not None and group not in written:
                cells.insert(0, _label(head))
                sources += [i for i, _ in head.label]
                written.add(group)
            else:
                cells.insert(0, "")
        out.append((min(sources), "\t".join(cells)))
    return out


def _label(row: _Row) -> str:
    text = ""
    for _, piece in row.label:
        text = join_wrapped(text, piece.strip(" \u3000"))
    return text


def _place(state: FormState, start: int, end: int, rows: list[tuple[int, str]], rest: list[tuple[int, str]]) -> None:
    """The rows at their first source line (in order), then the leftover lines after a gap."""
    for i in range(start, end):
        state.lines[i] = None
    slots = list(range(start, end))
    outputs = [*rows, (-1, ""), *sorted(rest)] if rest else rows  # (-1, ""): the gap that ends the table
    prev = start - 1
    for n, (first, text) in enumerate(outputs):
        latest = slots[len(slots) - (len(outputs) - n)]
        at = min(max(first, prev + 1), latest)
        prev = at
        if text:
            state.lines[at] = text


# ---- before the table ------------------------------------------------------------------------
_CAPTIONS = ("取組内容", "取り組み内容", "取組の内容")
_MARKED = re.compile(r"[-*+][ \u3000]|[・･]")


def _before(state: FormState, heading: int, stop: int) -> None:
    """The name, the 取組内容 caption and its items, and the 基本情報 caption (the line before `stop`
    when it is one), each set apart from the lines around them."""
    lines = state.lines
    filled = [i for i in range(heading + 1, stop) if (lines[i] or "").strip(" \t\u3000")]
    if not filled:
        return
    caption = filled[-1] if squeeze(lines[filled[-1]] or "").startswith("基本情報") else None
    body = [i for i in filled if i != caption]
    if body and looks_like_name(lines[body[0]] or "") and body[0] + 1 in filled:
        lines[body[0]] = "# " + (lines[body[0]] or "").strip(" \t\u3000")
    items_from = next((k for k, i in enumerate(body) if _key(lines[i] or "") in _CAPTIONS), None)
    if items_from is not None:
        at = body[items_from]
        lines[at] = "## " + (lines[at] or "").strip(" \t\u3000")
        mark_items(state, body[items_from + 1 :])
    if caption is not None and caption - 1 in filled:
        lines[caption] = "## " + (lines[caption] or "").strip(" \t\u3000")


def mark_items(state: FormState, indexes: list[int]) -> None:
    """Each line a list item; a line a PDF wrapped at the full width joined to the one before."""
    lines = state.lines
    texts = {i: (lines[i] or "").strip(" \t\u3000") for i in indexes}
    widest = max((len(t) for t in texts.values()), default=0)
    item: int | None = None
    last, last_len = -2, 0
    for i in indexes:
        text = texts[i]
        full = i == last + 1 and widest >= 40 and last_len >= widest - 2
        last, last_len = i, len(text)
        if item is not None and full and not _MARKED.match(text) and text[:1] != "→":
            lines[item] = join_wrapped(lines[item] or "", text)
            lines[i] = None
        elif item is not None and text[:1] == "→":
            lines[i] = text
        else:
            lines[i] = text if _MARKED.match(text) else f"- {text}"
            item = i


# ---- the region ------------------------------------------------------------------------------
_SECTION_NUMBER = re.compile(
    r"[ \u3000\f]{0,4}(?:#{1,6}[ \u3000]{0,3})?[2２](?![0-9０-９,.])[ \u3000]{0,3}[.．、]?[ \u3000]{0,3}"
)


def _region(state: FormState, first: int) -> tuple[int, int, int | None]:
    """(start, end) of the table from its first label's line to section 2's heading, and section 1's
    heading."""
    lines = state.lines
    end = first + 1
    while end < len(lines) and end - first < 400 and not _section_two(lines, end) and not _setup_row(lines[end]):
        end += 1
    heading = next((i for i in range(first - 1, max(first - 80, -1), -1) if "基礎情報" in (lines[i] or "")), None)
    return first, end, heading


def _setup_row(line: str | None) -> bool:
    """The set-up group's first row, which a form before this one rebuilt: the table's last group."""
    return line is not None and "\t" in line and line.startswith(_SETUP)


def _section_two(lines: list[str | None], i: int) -> bool:
    """Section 2's heading: `2 精神障害…取組` (its title may wrap), or `2` alone before such a title."""
    text = lines[i] or ""
    if "取組概要" in text:
        return True
    m = _SECTION_NUMBER.match(text)
    if m is None:
        return False
    if m.end() < len(text.rstrip()):
        return "取組" in text
    after = next((t for t in lines[i + 1 : i + 4] if t and t.strip()), "")
    return "取組" in after


def rebuild(cells: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """The statistics table's rows from its cells' lines in reading order (a cell's lines one by one,
    as PyMuPDF writes them): (index of the row's first cell line, tab row) in the template's order,
    and the lines that fit nowhere; None when too few rows are found to be the table."""
    table = _read(FormState(list(cells), "\n".join(cells)), 0, len(cells))
    if sum(1 for r in table.rows if r.values) < 3:
        return None
    return _row_lines(table), table.leftover


def set_apart(lines: list[str | None], first: int) -> None:
    """Before the table whose first row is at line `first`: the name, the 取組内容 caption and its
    items, and the 基本情報 caption, each set apart from the lines around them."""
    state = FormState(lines, "")
    _, _, heading = _region(state, first)
    if heading is not None:
        _before(state, heading, first)


def apply(state: FormState) -> None:
    """Rebuild section 1's statistics table written one cell per line, and set its captions apart."""
    source = state.source
    if not signals.cell_lines_statistics(source):
        return  # no statistic label alone on its line: a tab, pipe or HTML row, or none
    first = source.count("\n", 0, source.find(_SIGNAL))
    if state.lines[first] is None or "\t" in (state.lines[first] or ""):
        return  # an earlier form rewrote it
    start, end, heading = _region(state, first)
    table = _read(state, start, end)
    if sum(1 for r in table.rows if r.values) < 3:
        return  # not the statistics table after all: left as it was
    _place(state, start, end, _row_lines(table), table.leftover)
    if heading is not None:
        _before(state, heading, start)
