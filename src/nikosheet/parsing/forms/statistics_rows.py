"""The 基本情報 table's rows as `cell_lines_statistics` reads them from text written a cell per line.

The template is the guide.  Its row labels are known (`SPECS`: a row of its own, a group's label, a
row of a group), and so is what each row's value looks like: how many numbers, which units (`人`,
`％`, `か所`, `回`…), a choice (`有・無`).  A label is recognised whatever its line breaks (a piece
that begins a label, and the pieces that complete it: `Rows.match_label`, `Rows.continues`); a
value is recognised by its form (`value_of`) and goes to the first row seen that still lacks what it
brings and whose units it fits (`Rows.give`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nikosheet.parsing.cells import short_note
from nikosheet.parsing.lines import squeeze
from nikosheet.vocabulary import CONSULTATION_OFFICES, DISCHARGE_RATES, MENTAL_HEALTH_SUBCOMMITTEE, QUANTITIES


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


SETUP = "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の設置状況"
_COUNCIL = "（自立支援）協議会の開催頻度"
_TOTAL = "合計"  # a group's total: its row's label, which a sheet may leave out
_UNIT_OF = {
    "welfare_regions": "か所",
    "municipalities": "市町村",
    "population": "人",
    "psychiatric_hospitals": "病院",
    "psychiatric_beds": "床",
}
SPECS: tuple[_Spec, ...] = (
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
    _Spec("council_setup", SETUP, dated=True, is_group=True),
    _Spec("prefecture", "都道府県", "council_setup", ("か所",), 1, True),
    _Spec("region", "障害保健福祉圏域", "council_setup", ("か所",), 1, True),
    _Spec(
        "municipality", "市町村", "council_setup", ("か所",), 1, True, needs=("council_setup", "prefecture", "region")
    ),
)
RATES = "discharge_rates"
RANK = {s.key: i for i, s in enumerate(SPECS)}
_LEVEL_UNITS = (("region", "障害圏域"), ("municipality", "市町村"))  # the words a level's count's unit holds
OTHER = _Spec("other", "", units=("",), numbers=1)  # a row the template does not have (自殺死亡率)
_SHARE = re.compile(r"\(%:?構成割合\)")  # a share's note after its label (normalised by `label_key`)
_KA = str.maketrans("カヵヶケ", "かかかか")


def label_key(text: str) -> str:
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
SUFFIX = re.compile(
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
    for spec in SPECS
)
VALUE = re.compile(
    r"約|[(（]?[〇○◯●◎]?[ \u3000]{0,3}[(（]?[有無]|[〇○◯●◎☑✓■□☐]|[-－―‐ー−]|[/／%％人床回]|[0-9０-９]|"
    r"か所|ヶ所|カ所|箇所|市町村(?![ \u3000]{0,3}数)|病院|(?:年間?|月|週)[ \u3000]{0,3}[0-9０-９]|"
    r"不明|集計中|なし|無し|該当|未"
)
_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*|不明|集計中|なし|無し|該当なし|[-－―‐−]")
_UNIT = re.compile(r"人(?!口)|[%％]|か所|ヶ所|カ所|箇所|市町村|病院|床|回")
_DATE = re.compile(r"[0-9０-９元]|時点|年度")
_NUMBER_AFTER_WORDS = re.compile(r"(?<=[\u3040-\u30ff\u4e00-\u9fff])[0-9０-９]{1,3}$")  # `…協議会の開2`
CHOICE_PIECE = re.compile(r"[(（]?[〇○◯●◎]?[有無]?[〇○◯●◎]?[)）]?")  # `有`, `〇`, `(有)`, `無`: a choice's piece
_WORDS = re.compile("[\u4e00-\u9fff]")  # a kanji (a unit cut by a wrap leaves kana: `27 / 35 か`)
_MARKED_YES = re.compile(  # `(有)`, `有(〇)`, or 有 alone first: not `有・無` nor `有 (無)` (無 marked)
    r"[(（〇○◯●◎][ \u3000]{0,2}有|有[ \u3000]{0,2}[(（][〇○◯●◎]"
    r"|^[ \u3000]{0,2}有(?![・ \u3000]{0,3}[(（〇○◯●◎]?[ \u3000]{0,2}無)"
)
_DECIMAL = re.compile(r"[0-9０-９][.．][0-9０-９]")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]|※.*")
_MARK_AFTER = r"(?:[(（][〇○◯●◎☑✓■][)）]|[)）])?"  # `有（〇）`, `(有)`
CHOICE_THEN_COUNT = re.compile(
    # (a box drawn before each, `■有 □無`; a mark after, `無（〇）`)
    rf"([^有無]{{0,12}}[有無]{_MARK_AFTER}(?:[・\s]{{0,3}}[(（〇○◯●◎☑✓■□☐]{{0,2}}無{_MARK_AFTER})?)"
    r"[ \u3000\u2003]{1,4}(?=[0-9０-９/／か])"
)
CLOSING_THEN_VALUE = re.compile(r"([^()（）]{1,12}[)）])[ \u3000]+([0-9０-９].*)")
_UNIT_NAME = {"％": "%", "ヶ所": "か所", "カ所": "か所", "箇所": "か所"}


@dataclass(slots=True)
class Row:
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


def value_of(index: int, text: str) -> _Value:
    plain = _ASIDE.sub(" ", text)
    units = [_UNIT_NAME.get(u, u) for u in _UNIT.findall(plain)]
    decimal = _DECIMAL.search(plain) is not None
    numbers = len(_NUMBER.findall(plain))
    choice = "有" in text or "無" in text
    worded = bool(numbers and not units and not choice and _WORDS.search(_NUMBER.sub("", plain)))
    return _Value(index, text, numbers, units, choice, decimal, worded)


def _closes(piece: str) -> bool:
    """Whether a piece closes a bracket left open (`度)`), not one that opens its own first: a label of
    its own (`(自立支援)協議会の開催`, the group's row's label written after the group's)."""
    return ")" in piece and not ("(" in piece and piece.index("(") < piece.index(")"))


class Rows:
    """The rows of the region: every label found (`rows`), the ones the values have reached
    (`shown`), the values that wait for their row's label, and what is left over."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.shown: list[Row] = []
        self.seen: dict[str, Row] = {}
        self.waiting: list[_Value] = []
        self.leftover: list[tuple[int, str]] = []
        self.last_value: tuple[Row, int] | None = None  # the row and position of the last value given
        self.just_labelled: Row | None = None  # the row whose label ended the last line read
        self.value_at = -1  # the last line read that held a value
        # a column of numbers shorter than the column of units after it (pdfminer skips an empty cell):
        # its numbers and its units, as (line, text); its whole numbers are no discharge rate's
        self.short_numbers: set[tuple[int, str]] = set()
        self.short_units: set[tuple[int, str]] = set()
        self.after_units: set[tuple[int, str]] = set()  # a column of numbers written after its units' column
        self.rate_from_column = False  # a rate took a number of a short column

    # ---- labels ------------------------------------------------------------------------------
    def match_label(self, text: str, pos: int, starts: bool = True) -> tuple[_Spec, int, bool] | None:
        """The label at `pos`: (spec, end, started) — whole words, else (`starts`) the start of words
        (wrapped)."""
        best: tuple[_Spec, int] | None = None
        for spec, regex in _LABELS:
            m = regex.match(text, pos)
            if m and (best is None or m.end() > best[1]) and self.counts(spec):
                best = (spec, m.end())
        if best is not None:
            return self.resolve(best[0], text, best[1]), best[1], False
        return self.label_start(text, pos) if starts else None

    def counts(self, spec: _Spec) -> bool:
        """A label counts once; a short level label (市町村) only inside its group."""
        if spec.needs and not any(k in self.seen for k in spec.needs):
            return False
        return spec.key not in self.seen or spec.words == _COUNCIL

    def resolve(self, spec: _Spec, text: str, end: int) -> _Spec:
        """The council's group and its first row share their words: the group's carries a date."""
        if spec.words != _COUNCIL:
            return spec
        suffix = SUFFIX.match(text, end)
        # a date, or a bracket the line leaves open (`（令` / `和4年度）`): the group's label
        dated = bool(suffix and (_DATE.search(suffix.group(0)) or suffix.group("open")))
        if dated or ("meetings" in self.seen and "support_council" not in self.seen):
            return SPECS[RANK["support_council"]]
        return SPECS[RANK["meetings"]]

    def label_start(self, text: str, pos: int) -> tuple[_Spec, int, bool] | None:
        """A piece that begins a label (at least four characters of it), up to a space or the line's end,
        or up to a number that ends the line right after it (`（自立支援）協議会の開2`: the value beside the
        label's first line, the space between taken out with the renderer's gaps)."""
        ends = [m.start() for m in re.finditer(r"[ \u3000]+", text[pos:])]
        if number := _NUMBER_AFTER_WORDS.search(text, pos):
            ends.append(number.start() - pos)
        for end in sorted({*(pos + e for e in ends), len(text)}, reverse=True):
            piece = label_key(text[pos:end])
            if len(piece) < 4:
                return None
            for spec, _ in _LABELS:
                words = label_key(spec.words)
                if words.startswith(piece) and len(piece) < len(words) and self.counts(spec):
                    return self.resolve(spec, text, end), end, True
        return None

    def add_label(
        self, index: int, spec: _Spec, piece: str, is_start: bool, suffix: re.Match[str] | None, at_end: bool
    ) -> Row:
        row = self.seen.get(spec.key)
        if row is None:
            row = Row(spec, index)
            self.seen[spec.key] = row
            self.rows.append(row)
        row.label.append((index, piece))
        row.remaining = label_key(spec.words)[len(label_key(piece)) :] if is_start else ""
        if suffix:
            row.paren_open = bool(suffix.group("open"))
            row.has_date = row.has_date or bool(suffix.group("closed") or suffix.group("open"))
            row.note_open = at_end and "※" in suffix.group(0)
        return row

    def continues(self, index: int, text: str) -> bool:
        """A piece of a wrapped label: the rest of its words, of its bracket or note, or its date."""
        piece = label_key(text)
        if self._note_below(index, text, piece):
            return True
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
            elif not rest and row is self.just_labelled and piece[:1] == "(" and piece[-1:] == ")" and len(piece) <= 12:
                pass
            elif not rest and row.paren_open and _closes(piece) and len(piece) <= 12:
                row.paren_open = False
            elif not rest and row.spec.dated and not row.has_date and piece[:1] == "(" and _DATE.search(piece):
                row.has_date = True
                row.paren_open = ")" not in piece
            elif (
                row.note_open
                and index - row.label[-1][0] <= 3  # a note goes on in the lines right after it
                and len(piece) <= 6
                and not VALUE.match(text)
                and not self.match_label(text, 0)
            ):
                pass
            else:
                continue
            row.note_open = False
            row.label.append((index, text))
            return True
        return False

    def _note_below(self, index: int, text: str, piece: str) -> bool:
        """A note alone on the line right below the last label (`入院精神障害者数 （R4年6月時点）` /
        `※630調査`: pdfminer's box): the label's."""
        if not self.rows or not short_note(piece):
            return False
        row = self.rows[-1]
        if row.values or not row.label or index - row.label[-1][0] > 2:
            return False
        row.label.append((index, text))
        return True

    def switch(self, row: Row, piece: str) -> bool:
        """A started label whose next piece makes other words (`うち65歳` + `未満`): it is those."""
        said = label_key("".join(text for _, text in row.label)) + piece
        for spec, _ in _LABELS:
            words = label_key(spec.words)
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
    def show(self, row: Row) -> None:
        """The values reach a label: the ones waiting for it are given to it."""
        if row in self.shown:
            return
        self.shown.append(row)
        waiting, self.waiting = self.waiting, []
        for value in waiting:
            if not self.give(value, None):
                self.waiting.append(value)

    def give(self, value: _Value, beside: Row | None) -> bool:
        """The value to the row whose label is beside it, else to the first row shown that still lacks
        what it brings and whose units it fits; a number among words no unit of the template's
        (`人口10万対`) only to a row the template does not have, as its unit after its number."""
        if value.worded:
            last = self.last_value[0] if self.last_value is not None else None
            if last is None or last.spec is not OTHER:
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
        no_rate = not value.decimal and (value.index, value.text) in self.short_numbers
        if (value.index, value.text) in self.after_units:
            return self._after_units(value, no_rate)
        for n, row in enumerate(first + self.preferred(value) + self.in_order()):
            if row.spec.is_group or not self.takes(row, value, n == 0 and bool(first)):
                continue
            if no_rate and row.spec.group == RATES:
                continue  # rates are written with a decimal (62.0): a whole number is a count below them
            row.values.append((value.index, value.text))
            row.numbers += value.numbers
            self.rate_from_column |= row.spec.group == RATES and (value.index, value.text) in self.short_numbers
            row.units += [u for u in value.units if u in row.spec.units or row.spec is OTHER]
            row.choice = row.choice or value.choice
            self.last_value = (row, len(row.values) - 1)
            return True
        return False

    def _after_units(self, value: _Value, no_rate: bool) -> bool:
        """A number of a column written after its units' column: to the first row that took one of
        those units and has no number yet (a whole number of a short column to no rate's row), put
        before its unit."""
        for row in self.in_order():
            at = next((k for k, v in enumerate(row.values) if v in self.short_units), None)
            if row.numbers or at is None or (no_rate and row.spec.group == RATES):
                continue
            index, unit = row.values[at]
            row.values[at] = (index, f"{value.text}\t{unit}")
            row.numbers += value.numbers
            self.rate_from_column |= row.spec.group == RATES and (value.index, value.text) in self.short_numbers
            self.last_value = (row, at)
            return True
        return False

    def in_order(self) -> list[Row]:
        """The rows shown, a group's rows together at its label's place (in the template's order among
        themselves): pdfminer writes the two label columns in boxes that interleave a group's rows with
        the rows below it (`基幹…` `保健所数` `一般…`), its values top to bottom."""
        heads = {row.spec.key: n for n, row in enumerate(self.shown) if row.spec.is_group}
        order: dict[int, tuple[int, int, int]] = {}
        for n, row in enumerate(self.shown):
            head = heads.get(row.spec.group or "")
            order[id(row)] = (n, 0, n) if head is None else (head, RANK[row.spec.key], n)
        return sorted(self.shown, key=lambda row: order[id(row)])

    def total(self, group: Row) -> Row | None:
        """The group's 合計 row, for a number beside the group's label where the 合計 label is left out
        (`入院精神障害者数 (R4年6月時点)` `340 人`), or its first row that shares its words (the council's
        frequency, its second label left out); None when the template's group has none."""
        words = (_TOTAL, group.spec.words)
        spec = next((s for s in SPECS if s.group == group.spec.key and s.words in words), None)
        if spec is None:
            return None
        row = self.seen.get(spec.key)
        if row is None:
            row = self.seen[spec.key] = Row(spec, group.first)
            self.rows.append(row)
            self.shown.append(row)
        return row

    def preferred(self, value: _Value) -> list[Row]:
        """A count of councils goes first to a level whose 有 is marked: there is a council to count."""
        if not value.numbers or value.choice:
            return []
        return [r for r in self.shown if r.spec.group == "council_setup" and r.marked]

    @staticmethod
    def takes(row: Row, value: _Value, beside: bool) -> bool:
        """Whether the row lacks what the value brings and its units fit; only the row beside a number
        takes it after its units (人％ before 65 18.9)."""
        spec = row.spec
        if value.choice and not value.numbers:
            return spec.choice and not row.choice
        if value.units:
            fits = spec is OTHER or any(u in spec.units for u in value.units)
            if _is_share(value):  # a count and its share: a share's row only, or a row beside it
                fits = ("%" in spec.units and "人" in spec.units) or (spec is OTHER and beside)
        else:  # a bare number: a decimal one is a percent
            fits = spec is OTHER or not value.decimal or "%" in spec.units
        if not fits:
            return False
        if value.numbers and spec.group == "council_setup":
            named = next((key for key, word in _LEVEL_UNITS if word in value.text), None)
            if named is not None:  # `1 / 1 か所/市町村数`: the unit names its level
                return named == spec.key and row.numbers < spec.numbers
            if not beside and value.index < row.first and value.numbers < 2:
                return False  # a level's count (`1 / 1`) comes after its label: one number before it is another row's
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
