"""Two documents compared, section by section, into `Change` records.

What is compared: the 基本情報 statistics; the lists of sections 3–9 item by item (matched as
`match` says), each item's values, and the lists of text (取組内容, 特徴(強み), その他事項 …)
item by item; the slogan and the vision.  Not compared: where things are (lines, pages), the
reading's diagnostics, `unparsed`, `template_text` and section 3's other tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from nikosheet.output.diff.changes import YEAR, Change, difference, left_out, normal, same
from nikosheet.output.diff.match import match
from nikosheet.output.diff.statistics import line_of, statistics, unit_of, value_at
from nikosheet.plain import Data
from nikosheet.sources.extracted import page_of
from nikosheet.vocabulary import (
    DEPARTMENT_COLUMNS,
    EVENT_COLUMNS,
    ISSUE_COLUMNS,
    LIST_LABELS,
    MEETING_COLUMNS,
    OUTCOME_COLUMNS,
    PLAN_COLUMNS,
    PLANNED_COLUMNS,
    ROLES,
    SCHEDULE_COLUMNS,
    SECTION_KEYS,
    SECTION_TITLES,
    SECTOR_COLUMNS,
)

SHEET = "sheet"
"""The section of a change to what comes before section 1, or to the sheet as a whole."""
FIND_BUDGET = 2_000_000
"""Lines a side may look at to find texts, in all: a sheet needs some ten thousand; past this, a text
found nowhere cheaply (a list of thousands in a hostile file) is left without a line."""
_MARKS_RE = re.compile(r"^(?:[-*#>・•|]|\d{1,3}[.)]|<[^>]{0,200}>)+")
"""What may stand before a text on its line: bullets, list numbers, markdown, HTML tags."""


class Side:
    """One of the two sheets: its document, and the lines it was read from, if known (to find the
    line of a text that carries no line number, such as the slogan)."""

    def __init__(self, doc: Data, lines: Sequence[str] | None = None) -> None:
        self.doc = doc
        self.lines = lines
        self._normal: list[str] | None = None
        self._budget = FIND_BUDGET

    def span(self, key: str) -> tuple[int, int] | None:
        """The lines of a section (from its heading to its last line); `sheet`: before section 1."""
        found = [s for s in self.doc.get("sections") or [] if key in (SHEET, s.get("key"))]
        if not found:
            return None
        if key == SHEET:
            return 1, min(s["line_start"] for s in found) - 1
        return min(s["line_start"] for s in found), max(s["line_end"] for s in found)

    def find(self, text: object, key: str) -> int | None:
        """The first line of the section `key` that begins with the text's first line (markup and
        bullets aside), else the first that holds it."""
        span = self.span(key)
        if self.lines is None or span is None or not isinstance(text, str):
            return None
        probe = normal(text.split("\n", 1)[0])[:24]
        if not probe:
            return None
        if self._normal is None:
            self._normal = [_MARKS_RE.sub("", normal(line)) for line in self.lines]
        start, end = max(span[0], 1), min(span[1], len(self._normal))
        if self._budget < 2 * (end - start + 1):
            return None
        self._budget -= 2 * (end - start + 1)
        lines = range(start, end + 1)
        found = next((no for no in lines if self._normal[no - 1].startswith(probe)), None)
        return found or next((no for no in lines if probe in self._normal[no - 1]), None)


@dataclass(frozen=True, slots=True)
class Items:
    """How to compare one list of a section: its items' name, number and values."""

    part: str  # the list's key in the section
    name: str  # the item's name: what matches it and what shows it
    columns: dict[str, str]  # the values compared (paths below the item) and their labels; the name's too
    number: str | None = None  # the item's number, to match an item renamed
    fallback: str | None = None  # the item's name when `name` is empty
    twins: dict[str, str] = field(default_factory=dict)  # a text → the number read from it
    units: dict[str, str] = field(default_factory=dict)

    def name_of(self, item: Data) -> str | None:
        value = item.get(self.name) or (item.get(self.fallback) if self.fallback else None)
        return value if isinstance(value, str) else None


_NUMBER = {"number": "番号"}
EVENTS = Items("events", "description", EVENT_COLUMNS, twins={"period": "fiscal_year"})
OUTCOMES = Items("indicators", "name", _NUMBER | OUTCOME_COLUMNS, number="number")
PLANNED = Items("indicators", "name", _NUMBER | PLANNED_COLUMNS, number="number")
ISSUES = Items("issues", "issue", ISSUE_COLUMNS | {f"roles.{k}": f"役割（{ja}）" for k, ja in ROLES.items()})
DEPARTMENTS = Items("departments", "name", DEPARTMENT_COLUMNS)
PARTNERS = Items("partner_departments", "name", DEPARTMENT_COLUMNS)
SECTORS = Items("sectors", "label", {"label": "部門"} | SECTOR_COLUMNS)
MEETINGS = Items(
    "meetings",
    "name",
    {k.replace("frequency", "frequency.text"): v for k, v in MEETING_COLUMNS.items()},
    twins={"frequency.text": "frequency.per_year"},
    units={"frequency.per_year": "回/年"},
)
PLAN = Items("plan", "item", PLAN_COLUMNS, fallback="label", twins={"label": "fiscal_year"})
SCHEDULE = Items("items", "item", SCHEDULE_COLUMNS, fallback="label", twins={"label": "month"})
_YEAR_UNIT = {"fiscal_year": YEAR}


class Where(NamedTuple):
    """The item a value belongs to, and its lines in OLD and NEW."""

    key: str | None = None
    old_line: int | None = None
    new_line: int | None = None


_NOWHERE = Where()


class _Section:
    """The changes of one section, as they are found."""

    def __init__(self, key: str, old: Side, new: Side, out: list[Change]) -> None:
        self.key, self.old, self.new, self.out = key, old, new, out
        self.o: Data = (old.doc if key == SHEET else old.doc.get(key)) or {}
        self.n: Data = (new.doc if key == SHEET else new.doc.get(key)) or {}

    def value(
        self, fld: str, label: str, old: object, new: object, unit: str | None = None, at: Where = _NOWHERE
    ) -> None:
        """A value that is in both sheets (unknown, None, on either side): a change when they differ."""
        if same(old, new):
            return
        delta, amount_unit = difference(old, new)
        unit = unit or amount_unit
        self.out.append(
            Change(self.key, "changed", fld, at.key, label, old, new, delta, unit, at.old_line, at.new_line)
        )

    def scalars(self, columns: dict[str, str], units: dict[str, str] | None = None) -> None:
        """Values of the section itself (not of an item), which carry no line: found in the text."""
        for fld, label in columns.items():
            old, new = self.o.get(fld), self.n.get(fld)
            at = Where(None, self.old.find(old, self.key), self.new.find(new, self.key))
            self.value(fld, label, old, new, (units or {}).get(fld), at)

    def texts(self, fld: str, label: str) -> None:
        """A list of text (取組内容, 特徴(強み) …): each item added or removed, found in the text."""
        old, new = self.o.get(fld) or [], self.n.get(fld) or []
        for text in left_out(old, new):
            self.out.append(
                Change(self.key, "removed", fld, None, label, old=text, old_line=self.old.find(text, self.key))
            )
        for text in left_out(new, old):
            self.out.append(
                Change(self.key, "added", fld, None, label, new=text, new_line=self.new.find(text, self.key))
            )

    def items(self, spec: Items) -> None:
        """A list of items, matched: those removed, the values changed of those kept, those added."""
        old, new = self.o.get(spec.part) or [], self.n.get(spec.part) or []
        label = LIST_LABELS[spec.part]
        found = match(old, new, spec.name_of, spec.number)
        for item in found.removed:
            name, line = spec.name_of(item), item.get("line")
            self.out.append(Change(self.key, "removed", spec.part, name, label, old=_content(item), old_line=line))
        for o, n in found.pairs:
            self._item_values(spec, o, n)
        for item in found.added:
            name, line = spec.name_of(item), item.get("line")
            self.out.append(Change(self.key, "added", spec.part, name, label, new=_content(item), new_line=line))

    def _item_values(self, spec: Items, o: Data, n: Data) -> None:
        key = spec.name_of(n)
        at = Where(key, o.get("line"), n.get("line"))
        if not same(spec.name_of(o), key):
            self.value(f"{spec.part}.{spec.name}", spec.columns[spec.name], spec.name_of(o), key, at=at)
        for path, label in spec.columns.items():
            if path == spec.name:
                continue
            twin = spec.twins.get(path)
            if twin and value_at(o, twin) is not None and value_at(n, twin) is not None:
                path = twin  # both read as numbers (or months): compared as such
            unit = spec.units.get(path) or _YEAR_UNIT.get(path)
            self.value(f"{spec.part}.{path}", label, value_at(o, path), value_at(n, path), unit, at)


def _content(item: Data) -> Data:
    """An item as the record shows it: without where it stands."""
    return {k: v for k, v in item.items() if k not in ("line", "lines")}


# ---------------------------------------------------------------- the sections


def _sheet(s: _Section) -> None:
    s.value("municipality", "自治体", s.o.get("municipality"), s.n.get("municipality"))
    s.value("fiscal_year", "年度", s.o.get("fiscal_year"), s.n.get("fiscal_year"), YEAR)
    s.value("template", "様式の年度", s.o.get("template"), s.n.get("template"), YEAR)
    s.scalars({"slogan": "スローガン", "vision": "目指す姿"})


def _basic_info(s: _Section) -> None:
    for path, label, unit in statistics():
        old, new = value_at(s.o, path), value_at(s.n, path)
        unit = unit_of(s.n, path, unit) or unit_of(s.o, path, unit)
        s.value(path, label, old, new, unit, Where(None, line_of(s.o, path), line_of(s.n, path)))
    s.texts("initiatives", LIST_LABELS["initiatives"])
    s.texts("text", "その他の記載")


def _overview(s: _Section) -> None:
    s.texts("text", SECTION_TITLES["overview"])


def _history(s: _Section) -> None:
    s.items(EVENTS)
    s.texts("text", "その他の記載")


def _outcomes(s: _Section) -> None:
    s.scalars({"period": "期間", "target_as_of": "目標値（時点）", "actual_as_of": "実績値（時点）"})
    s.items(OUTCOMES)
    s.texts("text", "その他の記載")


def _strengths(s: _Section) -> None:
    s.texts("strengths", LIST_LABELS["strengths"])
    s.items(ISSUES)
    s.scalars({"current_as_of": "現状値（時点）", "target_as_of": "目標値（時点）"})
    s.items(PLANNED)
    s.texts("text", "その他の記載")


def _coordination(s: _Section) -> None:
    s.texts("structure", LIST_LABELS["structure"])
    s.items(DEPARTMENTS)
    s.items(PARTNERS)
    s.items(SECTORS)
    s.texts("notes", "その他の記載")


def _councils(s: _Section) -> None:
    s.items(MEETINGS)
    s.texts("other_matters", LIST_LABELS["other_matters"])
    s.texts("text", "その他の記載")


def _long_term(s: _Section) -> None:
    s.scalars({"until_fiscal_year": "事業利用予定年数", "goal": "長期目標"}, {"until_fiscal_year": YEAR})
    s.items(PLAN)
    s.texts("text", "その他の記載")


def _annual(s: _Section) -> None:
    s.scalars({"goal": "短期目標", "small_steps": "スモールステップ"})
    s.items(SCHEDULE)
    s.texts("text", "その他の記載")


_READERS: dict[str, Callable[[_Section], None]] = {
    "basic_info": _basic_info,
    "overview": _overview,
    "history": _history,
    "outcomes": _outcomes,
    "strengths_and_issues": _strengths,
    "coordination": _coordination,
    "councils": _councils,
    "long_term_schedule": _long_term,
    "annual_schedule": _annual,
}


def compare(old: Side, new: Side) -> list[Change]:
    """Every difference between two sheets, section by section in the template's order."""
    out: list[Change] = []
    _sheet(_Section(SHEET, old, new, out))
    for key in SECTION_KEYS:
        o, n = old.doc.get(key), new.doc.get(key)
        if o is None and n is None:
            continue
        if o is None or n is None:  # the section itself, then what it holds
            span = (old if n is None else new).span(key)
            line = span[0] if span else None
            title = SECTION_TITLES[key]
            if n is None:
                out.append(Change(key, "removed", None, None, title, old_line=line))
            else:
                out.append(Change(key, "added", None, None, title, new_line=line))
        _READERS[key](_Section(key, old, new, out))
    return _paged(out, old, new)


def _paged(changes: list[Change], old: Side, new: Side) -> list[Change]:
    """The changes with the page of each line of a PDF."""
    olds, news = ((side.doc.get("source") or {}).get("page_starts") for side in (old, new))
    if not olds and not news:
        return changes
    return [
        replace(
            c,
            old_page=page_of(olds, c.old_line) if olds and c.old_line else None,
            new_page=page_of(news, c.new_line) if news and c.new_line else None,
        )
        for c in changes
    ]
