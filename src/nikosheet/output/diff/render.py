"""Changes written for people (text grouped by section, `+` `-` `~`) or for scripts (JSON)."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from nikosheet.output.diff.changes import PERCENT, YEAR, Change, left_out
from nikosheet.output.diff.compare import SHEET
from nikosheet.plain import Data
from nikosheet.vocabulary import CIRCLED, LIST_LABELS, SECTIONS

FORMATS = ("text", "json")
SHEET_TITLE = "シート（年度・スローガン・目指す姿）"
_MARKS = {"added": "+", "removed": "-", "changed": "~"}
_COLOURS = {"+": "32", "-": "31", "~": "33", "#": "1"}  # ANSI: green, red, yellow, bold
_LONG = 40  # a text longer than this is shown on lines of its own, old above new


def json_bytes(changes: list[Change]) -> bytes:
    import orjson

    return orjson.dumps([c.as_data() for c in changes], option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def text(changes: list[Change], old: tuple[str, Data], new: tuple[str, Data], colour: bool = False) -> str:
    """The changes for people: OLD and NEW named, then each section's changes under its title, then
    a count.  Nothing at all when the sheets do not differ."""
    if not changes:
        return ""
    out = [("#", f"--- {old[0]}{_about(old[1])}"), ("#", f"+++ {new[0]}{_about(new[1])}")]
    template = new[1].get("template") or old[1].get("template")
    for section, group in groupby(changes, key=lambda c: c.section):
        out += [("", ""), ("#", _title(section, template))]
        for change in group:
            out += _lines(change)
    out += [("", ""), ("", _count(changes))]
    return "".join((f"\x1b[{_COLOURS[m]}m{t}\x1b[0m" if colour and m in _COLOURS else t) + "\n" for m, t in out)


def _about(doc: Data) -> str:
    parts = [str(doc["municipality"])] if doc.get("municipality") else []
    parts += [f"{doc['fiscal_year']}年度"] if doc.get("fiscal_year") else []
    return f"  ({', '.join(parts)})" if parts else ""


def _title(section: str, template: object) -> str:
    if section == SHEET:
        return SHEET_TITLE
    for s in SECTIONS:
        if s.key == section:
            number = s.numbers[-1] if template == 2024 else s.numbers[0]
            return f"{number} {s.title}"
    return section


def _count(changes: list[Change]) -> str:
    kinds = Counter(c.kind for c in changes)
    total = f"{len(changes)} change{'s' if len(changes) != 1 else ''}"
    return f"{total}: {kinds['changed']} changed, {kinds['added']} added, {kinds['removed']} removed"


def _lines(c: Change) -> list[tuple[str, str]]:
    mark = _MARKS[c.kind]
    where = _where(c)
    if c.field is None:  # a whole section
        return [(mark, f"{mark} the section {c.label}{where}")]
    if c.kind != "changed":
        return [(mark, f"{mark} {_item(c)}{where}")]
    head = f"{mark} {_owner(c)}{c.label}"
    if _is_long(c.old) or _is_long(c.new):
        return [(mark, f"{head}{where}"), *_block(c.old, c.new)]
    return [(mark, f"{head}: {_value(c.old, c.unit)} → {_value(c.new, c.unit)}{_difference(c)}{where}")]


def _owner(c: Change) -> str:
    """`指標「地域課題の抽出」 ` for a value of an item; nothing for a statistic."""
    if c.key is None:
        return ""
    return f"{LIST_LABELS.get(c.field.partition('.')[0] if c.field else '', '')}「{_one_line(c.key)}」 "


def _item(c: Change) -> str:
    """An item or a text added or removed: `指標 ②「地域課題の抽出」`, `協議の場「委員ヒアリング」 4回/年`."""
    value = c.new if c.kind == "added" else c.old
    if not isinstance(value, dict):
        return f"{c.label}: {_one_line(_value(value, None))}"
    number = value.get("number")
    head = f" {CIRCLED[number - 1]}" if isinstance(number, int) and 0 < number <= len(CIRCLED) else ""
    when = value.get("label") or value.get("period")
    head += f" {when}" if isinstance(when, str) and c.key != when else ""
    frequency = value.get("frequency")
    tail = f" {frequency['text']}" if isinstance(frequency, dict) and frequency.get("text") else ""
    return f"{c.label}{head}「{_one_line(c.key or '')}」{tail}"


def _where(c: Change) -> str:
    """`  (old line 12 → new line 14)`, with a PDF's page: `old line 48 p. 2`."""
    old = f"old line {c.old_line}{f' p. {c.old_page}' if c.old_page else ''}" if c.old_line else ""
    new = f"new line {c.new_line}{f' p. {c.new_page}' if c.new_page else ''}" if c.new_line else ""
    return f"  ({' → '.join(filter(None, (old, new)))})" if old or new else ""


def _is_long(value: object) -> bool:
    return isinstance(value, list) or (isinstance(value, str) and (len(value) > _LONG or "\n" in value))


def _block(old: object, new: object) -> list[tuple[str, str]]:
    """A long text or a list: the old lines removed, the new ones added (a list's kept items left out)."""
    olds = [str(t) for t in (old if isinstance(old, list) else [] if old is None else [old])]
    news = [str(t) for t in (new if isinstance(new, list) else [] if new is None else [new])]
    out = [("-", f"    - {_one_line(t)}") for t in left_out(olds, news)]
    out += [("+", f"    + {_one_line(t)}") for t in left_out(news, olds)]
    return out or [("", "    (unknown on one side)")]


def _value(value: object, unit: str | None) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "有" if value else "無"
    if isinstance(value, int | float):
        number = str(value) if unit == YEAR else f"{value:,}"  # 2,023 is no year
        return number + (f" {unit}" if unit else "")
    if isinstance(value, list):
        return " / ".join(map(str, value))
    return str(value)


def _difference(c: Change) -> str:
    if c.difference is None:
        return ""
    unit = "ポイント" if c.unit == PERCENT else c.unit
    number = f"{c.difference:+}" if unit == YEAR else f"{c.difference:+,}"
    return f" ({number}{f' {unit}' if unit else ''})"


def _one_line(text: str) -> str:
    return " ".join(text.split("\n"))
