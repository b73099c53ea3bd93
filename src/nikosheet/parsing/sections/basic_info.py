"""Section 1, 基礎情報: name, 取組内容 and the 基本情報 statistics table."""

from __future__ import annotations

import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.cells import NOTE_LONGEST, strip_tags
from nikosheet.parsing.headings import Section
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.lines import Block, Row, blocks, norm, squeeze
from nikosheet.parsing.memo import cached
from nikosheet.parsing.sections.common import block_text, text_of
from nikosheet.parsing.sections.preamble import looks_like_name
from nikosheet.parsing.state import Context
from nikosheet.parsing.values.choices import read_choice, without_options
from nikosheet.parsing.values.eras import as_of, fiscal_year
from nikosheet.parsing.values.frequency import per_year
from nikosheet.parsing.values.numbers import numbers
from nikosheet.plain import Data
from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    INPATIENT_AGES,
    NOTE_MARKS,
    QUANTITIES,
    SHARE_NOTE,
    STATISTICS,
)

# (field, words in the squeezed label); order matters: the first match wins
_GROUPS = (
    ("welfare_regions", "圏域数"),
    ("inpatients", "入院精神障害者数"),
    ("discharge_rates", "退院率"),
    ("consultation_offices", "相談支援事業所数"),
    ("support_council", "協議会の開催頻度"),
    ("council_setup", "設置状況"),
    ("municipalities", "市町村数"),
    ("population", "人口"),
    ("psychiatric_beds", "病床数"),
    ("psychiatric_hospitals", "精神科病院"),
    ("health_centers", "保健所数"),
)
_GROUP_WORDS = dict(_GROUPS)
_ORDER = tuple(STATISTICS)
_SUB_LABELS = {**DISCHARGE_RATES, **CONSULTATION_OFFICES}
_QUANTITIES = tuple(QUANTITIES)
# the value cells' memos' bound: a sheet's value cells are mostly its own numbers, so a larger memo
# holds more of them at 3,000 sheets than at 300 (peak memory) and answers little more
_VALUE_CELLS = 512


_VALUE_RE = re.compile(r"約?[\d,.]+(?:人|%|か所|床|病院|市町村|回(?:/年)?)?|(?:年間?|月)\d{1,3}回|\d{1,3}回/年度?")
_SUB_SPLIT = "65歳"  # a second sub-label in the same row
_MONTH_KA = "カヵヶケ"  # 3カ月 / 3ヵ月 / 3ヶ月 / 3ケ月: 3か月


@cached(limit=4096)
def _is_value(cell: str) -> bool:
    """A cell that is a value (`340 人`, `年間4回`), not a sub-label (sub-labels repeat: remembered)."""
    return _VALUE_RE.fullmatch(squeeze(cell)) is not None


@cached(limit=4096)
def _sub(label: str) -> str:
    """A sub-label for matching: squeezed, with 3カ月 / 3ヶ月 / 3ヵ月 read as 3か月."""
    s = squeeze(label)
    if "月" not in s:
        return s
    # compared, not matched: a class of the four kana would compile to a 64 KiB map on every run
    # (`(\d)[カヵヶケ]月`; \d is what str.isdecimal says, and two such months cannot overlap)
    return "".join(
        "か" if c in _MONTH_KA and i > 0 and s[i - 1].isdecimal() and s[i + 1 : i + 2] == "月" else c
        for i, c in enumerate(s)
    )


_NUMBER_RE = re.compile(r"(?<![\d,.])[\d,.]*\d(?:万|千)?")  # from the start of a run only: linear
_UNIT_RE = re.compile(r"[^\s※(（\[［]+")


@cached(limit=_VALUE_CELLS)  # (as the cells' numbers: the same value cells come back across a batch's sheets)
def _unit_and_note(text: str) -> tuple[str | None, str | None]:
    """`4 病院 ※うち1病院は休床中` → ('病院', '※うち1病院は休床中'); `1 か所（中核市保健所）` too."""
    n = norm(text)
    m = _NUMBER_RE.search(n)
    if not m:
        return None, None
    after = (text if len(n) == len(text) else n)[m.end() :].strip(" \u3000")
    u = _UNIT_RE.match(after)
    unit = u.group(0) if u else None
    note = after[u.end() :].strip(" \u3000") if u else after
    return unit, note or None


_NONE = ("なし", "無し", "無")
_UNKNOWN = ("不明", "未定", "－", "-", "ー")  # a value cell that says only that the value is unknown
_MARKED_RE = re.compile(r"(?<![\d,.])([\d,.]+)[ ]*(人|%)")  # from the start of a run only: linear


@cached(limit=_VALUE_CELLS)  # (as `_unit_and_note`); a tuple, which every caller shares
def _marked_numbers(text: str) -> tuple[tuple[int | float, str], ...]:
    """Numbers directly followed by 人 or %, with that unit."""
    out = []
    for digits, unit in _MARKED_RE.findall(norm(text)):
        nums = numbers(digits)
        if nums and len(nums) == 1:
            out.append((nums[0], unit))
    return tuple(out)


def _note_row(row: Row) -> bool:
    """A row whose first cell is a short note (`※630調査`) that names no row, beside cells of its own:
    the note of the group's label above, written under it."""
    note = row.cells[0]
    return note.startswith(NOTE_MARKS) and len(note) <= NOTE_LONGEST and any(row.cells[1:]) and not _group_key(note)


@cached(limit=4096)
def _group_key(label: str) -> str | None:
    s = squeeze(label)
    return next((key for key, word in _GROUPS if word in s), None)


# the template's words before a group's word in its label: a label cell may hold them, wrapped or not
_LABEL_HEADS = {
    "welfare_regions": "障害保健福祉",
    "support_council": "(自立支援)",
    "council_setup": "精神障害にも対応した地域包括ケアシステムの構築に向けた保健・医療・福祉関係者による協議の場の",
    "psychiatric_beds": "精神科",
}


@cached()  # the template's labels, in every sheet
def _note(label: str) -> str | None:
    """A label's remark: words before the template's label, its words after its as-of bracket (which no
    field holds) and its `※` note."""
    i = label.find("※")
    head, remark = (label[:i], label[i:].strip(" \u3000")) if i >= 0 else (label, "")
    closed = max(head.rfind(")"), head.rfind("）"))
    after = head[closed + 1 :].strip(" \u3000\t") if closed >= 0 else ""
    return " ".join(part for part in (_words_before(label), after, remark) if part) or None


def _words_before(label: str) -> str | None:
    """Words a label cell holds before the template's label (`麒麟 市町村数（R5年4月時点）`: a line a
    converter merged into the cell), not the label's own first words (`精神科` before `病床数`)."""
    key = _group_key(label)
    s = squeeze(label)
    at = -1 if key is None else s.find(_GROUP_WORDS[key])
    if key is None or at <= 0:
        return None
    before, template = s[:at], squeeze(_LABEL_HEADS.get(key, ""))
    own = next((k for k in range(min(len(before), len(template)), 0, -1) if before.endswith(template[-k:])), 0)
    words = before[: len(before) - own]
    if not any(c.isalpha() for c in words):
        return None
    return _as_written(label, len(words)) if len(norm(label)) == len(label) else words


def _as_written(text: str, n: int) -> str:
    """The start of `text` that holds its first `n` characters other than white space."""
    for end, ch in enumerate(text):
        if not ch.isspace():
            if n == 0:
                return text[:end].strip()
            n -= 1
    return text.strip()


# what a value cell's number is written with: an approximation, a frequency's words, the unit, a bracket
_VALUE_PART_RE = re.compile(
    r"約?(?:年間?|月|週|毎月|毎週|隔月|四半期|半期)?[0-9０-９][0-9０-９,，.．]*[ \u3000]*(?:万|千)?[ \u3000]*"
    r"(?:人|名|[%％]|[かカヶケヵ箇]所|回[ \u3000]*[/／][ \u3000]*年度?|回|床|病院|市町村)?"
)
_UNITS = "人名%％かカヶケヵ箇所回床病院市町村 \u3000"  # a piece of these alone is a unit with no number
# every character of a cell that holds values only (`約65万人`, `54 人 (15.9%)`, `年間4回`, `3 回/年度`)
_VALUE_CHARS = "0123456789０１２３４５６７８９,，.．約年間月週毎隔四半期万千" + _UNITS + "度\t()（）/／"
_FILLER = " \u3000\t()（）[]［］:：/／・、,，.。-－ー~～"


@cached(limit=_VALUE_CELLS)  # (as `_unit_and_note`)
def _leftover(text: str) -> str | None:
    """The words of a value cell beside its numbers and units (`54 人 15.9 % 集計中` → `集計中`), which
    must not vanish with the cell; None when there are none (`54 人 15.9 %`, `なし`, `－`)."""
    if not text.strip(_VALUE_CHARS):  # the common cell, digits and units only: no pattern run
        return None
    rest = " ".join(w for w in (p.strip(_FILLER) for p in _VALUE_PART_RE.split(text)) if w.strip(_UNITS))
    if not any(c.isalpha() for c in rest) or squeeze(rest).rstrip("人か所床病院") in _NONE + _UNKNOWN:
        return None
    return rest


_SHARE_NOTE_CHARS = set(norm(SHARE_NOTE)) | set(" ")

# the sub-labels a layout converter may write a space (not a column's gap) before their count
_COUNTED_SUBS = (*INPATIENT_AGES.values(), *DISCHARGE_RATES.values(), *CONSULTATION_OFFICES.values())


_AGES = list(INPATIENT_AGES.values())


def _both_ages(first: str, second: str) -> bool:
    """Whether two cells are the two ages' labels (`うち65歳未満`, `うち65歳以上`); squeezed only where
    both hold the age (every sheet's every row passes here)."""
    return "65" in first and "65" in second and [squeeze(first), squeeze(second)] == _AGES


def _label_and_count(cell: str) -> list[str]:
    """A sub-label cell that ends with its count a space after the template's words, as two cells.

    pdftotext's layout text sets a short count one space after its label (`うち65歳未満 58⇥⇥人`):
    the cell `うち65歳未満 58` is the label `うち65歳未満` and the value `58`.  Other cells as they are.
    """
    label, _, count = cell.rstrip().rpartition(" ")
    if not label or not count or not _is_value(count) or not (numbers(count) or []):
        return [cell]
    return [label, count] if squeeze(label) in _COUNTED_SUBS else [cell]


def _choice_and_count(cell: str) -> tuple[str, str | None]:
    """A 協議の場 level's choice and its count in one cell (`(有)・無 1 / 1`), as the two cells.

    A layout converter sets the count a space or two after the choice where the column's gap is
    narrow; the words after the choice's last 有 or 無 (and its bracket) that hold a digit are the count.
    """
    end = max(cell.rfind("有"), cell.rfind("無")) + 1
    while end < len(cell) and cell[end] in ")）]］":
        end += 1
    head, tail = cell[:end].rstrip(), cell[end:].strip()
    if not tail or not any(c.isdigit() for c in tail) or not tail[0].isdigit():
        return cell, None
    return head, tail


def _second_values(subs: list[tuple[str, str, Row]]) -> tuple[list[tuple[str, str, Row]], set[int]]:
    """The inpatients' sub-rows with a second value that wrapped to a row of its own joined to its row.

    A layout converter may write a row's second value under its first, alone on the next line
    (`3か月未満 (%: 構成割合)⇥190 人` over `⇥⇥19.6 %`; `うち65歳未満 うち65歳以上⇥231 人` over
    `⇥⇥394 人`): a value-only row joins the labelled row above when that row lacks the value it holds
    (a percent where there is none, a second count where there is one).  The joined rows' indexes.
    """
    out = list(subs)
    joined: set[int] = set()
    for n in range(1, len(out)):
        sub, value, row = out[n - 1]
        below = out[n][1]
        if out[n][0] or not below or not sub or n - 1 in joined or not _is_value(below):
            continue
        s = _sub(sub)
        if "合計" in s or not any(k in s for k in ("か月", "1年以上", "65歳")):
            continue
        both_ages = "65歳未満" in s and "65歳以上" in s
        counts = [x for x in (numbers(value) or []) if isinstance(x, int)]
        if both_ages:
            fits = len(counts) == 1 and "%" not in below and "％" not in below
        elif "65歳" in s:
            continue
        else:  # a share: a count and a percent
            fits = len(counts) == 1 and not any(m in value for m in "%％") and any(m in below for m in "%％")
        if fits and len(numbers(below) or []) == 1:
            out[n - 1] = (sub, f"{value} {below}", row)
            joined.add(n)
    return out, joined


class _Reader:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.out: Data = {"name": None, "initiatives": [], **{k: None for k in _ORDER}, "text": []}
        self.leftovers: list[str] = []  # the words beside the values of the group being read

    # ---- rows -------------------------------------------------------------
    def sub_rows(self, group: list[Row]) -> list[tuple[str, str, Row]]:
        """(sub-label, value text, row) for every sub-row of a group; the label cell is the first row's first.

        A row may hold two sub-rows (`うち65歳未満⇥98⇥人⇥うち65歳以上⇥145⇥人`); a first cell that is
        a value (`340 人`, `年間4回`) has an empty sub-label.
        """
        out = []
        for i, row in enumerate(group):
            cells = row.cells[1:] if i == 0 else row.cells
            filled = [strip_tags(c) if "<" in c else c for c in cells if c]  # cells come stripped
            while len(filled) > 1 and filled[0].startswith(NOTE_MARKS):  # a note in a cell of its own
                self.leftovers.append(filled.pop(0))
            if not filled:
                out.append(("", "", row))
                continue
            if _is_value(filled[0]):
                out.append(("", " ".join(filled), row))
                continue
            if " " in filled[0]:  # (most rows' first cell has none: no label and count to part)
                filled = [*_label_and_count(filled[0]), *filled[1:]]
            if len(filled) > 2 and _both_ages(filled[0], filled[1]):
                # both ages' labels in cells of their own before their two counts
                # (`うち65歳未満⇥うち65歳以上⇥231 人 394 人`): one label, as the template's row
                filled = [" ".join(filled[:2]), *filled[2:]]
            rest = " ".join(filled[1:])
            if _SUB_SPLIT not in rest:  # (most rows: no cell to look at for a second sub-label)
                out.append((filled[0], rest, row))
                continue
            starts = [k for k in range(1, len(filled)) if _SUB_SPLIT in filled[k] and not _is_value(filled[k])]
            if not starts:
                out.append((filled[0], rest, row))
                continue
            bounds = [0, *starts, len(filled)]
            for a, b in itertools.pairwise(bounds):
                out.append((filled[a], " ".join(filled[a + 1 : b]), row))
        return out

    def number(self, text: str, line: int, what: str, integer: bool = True) -> int | float | None:
        self.keep_leftover(text, what)
        nums = numbers(text)
        if not nums and squeeze(text).rstrip("人か所床病院") in _NONE:
            return 0.0 if not integer else 0  # the sheet says there are none: a count of zero, not unknown
        if nums is None:
            self.ctx.diag(Diagnostic.UNREADABLE_VALUE, line, str(messages.TOO_LONG(what=what)))
            return None
        if not nums:
            if squeeze(text).strip("人%％か所床病院市町村回/年") == "":
                self.ctx.diag(Diagnostic.MISSING_VALUE, line, str(messages.EMPTY(what=what)))
            else:
                self.ctx.diag(Diagnostic.UNREADABLE_VALUE, line, str(messages.NO_NUMBER(what=what, text=text)))
            return None
        v = nums[0]
        if integer and not isinstance(v, int):
            self.ctx.diag(Diagnostic.UNREADABLE_VALUE, line, str(messages.NOT_WHOLE(what=what, value=v)))
            return None
        return float(v) if not integer else v

    def quantity(self, key: str, group: list[Row]) -> Data:
        row = group[0]
        label = row.cells[0]
        what = QUANTITIES[key]
        cells = [strip_tags(c) if "<" in c else c for c in row.cells[1:] if c]
        remarks = []  # a note in a cell of its own before the value (`※630調査⇥438⇥床`)
        while len(cells) > 1 and cells[0].startswith(NOTE_MARKS):
            remarks.append(cells.pop(0))
        text = " ".join(cells)
        value = unit = note = None
        if not text:
            self.ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.EMPTY(what=what)))
        else:
            value = self.number(text, row.line, what)
            unit, note = _unit_and_note(text)
            if value is not None and "約" in text:
                self.ctx.diag(Diagnostic.APPROXIMATE_VALUE, row.line, str(messages.APPROXIMATE(what=what, text=text)))
        self.leftovers = []  # the words after the unit are the note; those before the number join it
        before = _leftover(_VALUE_PART_RE.split(text, maxsplit=1)[0]) if text.strip(_VALUE_CHARS) else None
        note = " ".join(filter(None, (_note(label), *remarks, before, note))) or None
        for extra in group[1:]:
            self.ctx.diag(Diagnostic.UNEXPECTED_ROW, extra.line, str(messages.EXTRA_ROW(what=what)))
        self.ctx.take(row.line)
        return {"value": value, "unit": unit, "as_of": as_of(label), "note": note, "line": row.line}

    def inpatients(self, group: list[Row]) -> Data:
        label = group[0].cells[0]
        d: Data = {
            "as_of": as_of(label),
            "note": _note(label),
            "total": None,
            "under_3_months": {"count": None, "percent": None, "line": None},
            "from_3_to_12_months": {"count": None, "percent": None, "line": None},
            "over_1_year": {"count": None, "percent": None, "line": None},
            "aged_under_65": None,
            "aged_65_and_over": None,
            "line": group[0].line,
            "lines": {},
        }
        subs, wrapped = _second_values(self.sub_rows(group))
        for n, (sub, value, row) in enumerate(subs):
            s = _sub(sub)
            if n in wrapped:  # read with the row above
                self.ctx.take(row.line)
                continue
            if "合計" in s or (not s and n == 0 and value):
                field, d["total"] = "total", self.number(value, row.line, "入院精神障害者数 合計")
            elif "3か月以上" in s:
                field, d["from_3_to_12_months"] = "from_3_to_12_months", self.share(value, row.line, sub)
            elif "3か月未満" in s:
                field, d["under_3_months"] = "under_3_months", self.share(value, row.line, sub)
            elif "65歳未満" in s and "65歳以上" in s:
                field = "aged_65_and_over"
                d["lines"]["aged_under_65"] = row.line
                self.keep_leftover(value, sub)
                ints = [x for x in (numbers(value) or []) if isinstance(x, int)]
                if len(ints) == 2:
                    d["aged_under_65"], d["aged_65_and_over"] = ints
                else:
                    self.ctx.diag(
                        Diagnostic.UNREADABLE_VALUE if squeeze(value).strip("人") else Diagnostic.MISSING_VALUE,
                        row.line,
                        str(messages.TWO_COUNTS(what=sub, text=value)),
                    )
            elif "65歳未満" in s:
                field, d["aged_under_65"] = "aged_under_65", self.number(value, row.line, sub)
            elif "65歳以上" in s:
                field, d["aged_65_and_over"] = "aged_65_and_over", self.number(value, row.line, sub)
            elif "1年以上" in s:
                field, d["over_1_year"] = "over_1_year", self.share(value, row.line, sub)
            else:
                continue
            d["lines"][field] = row.line
            self.ctx.take(row.line)
        return self.noted(d, d["note"])

    def share(self, text: str, line: int, what: str) -> Data:
        """A count and a percent: `92 26.7 人 ％`, `54 人 15.9 %`, or `26.7%（92人）`.

        Words of the label's `（％：構成割合）` that a layout converter set in the value's column
        (`（％：構成割⇥171 16.8`, `構成⇥131 人 15.6 %`) are the template's, not a note.
        """
        words = _leftover(text)
        if words is None or not set(norm(words)) <= _SHARE_NOTE_CHARS:
            self.keep_leftover(text, what)
        nums = numbers(text)
        if nums is None:
            self.ctx.diag(Diagnostic.UNREADABLE_VALUE, line, str(messages.TOO_LONG(what=what)))
            return {"count": None, "percent": None, "line": line}
        count = percent = None
        marked = _marked_numbers(text)
        for value, unit in marked:  # the first count in 人 and the first percent (one loop, no generators)
            if count is None and unit == "人" and isinstance(value, int):
                count = value
            elif percent is None and unit == "%":
                percent = float(value)
        rest = list(nums)
        for v in (count, percent):
            if v is not None and v in rest:
                rest.remove(v)
        if count is None and rest and isinstance(first := rest[0], int):
            count = first
            rest.pop(0)
        if percent is None and rest:
            percent = float(rest.pop(0))
        if count is None:
            self.ctx.diag(
                Diagnostic.MISSING_VALUE if not nums else Diagnostic.UNREADABLE_VALUE,
                line,
                str(messages.NO_COUNT(what=what, text=text)),
            )
        if percent is None:
            self.ctx.diag(Diagnostic.MISSING_VALUE, line, str(messages.NO_PERCENT(what=what, text=text)))
        return {"count": count, "percent": percent, "line": line}

    def keep_leftover(self, text: str, what: str = "") -> None:
        rest = _leftover(text)
        if rest:
            rest = f"{what}: {rest}" if what else rest
            if rest not in self.leftovers:
                self.leftovers.append(rest)

    def noted(self, out: Data, label_note: str | None) -> Data:
        """The group with its label's remark and the words beside its values as its `note`."""
        notes = [n for n in (label_note, *self.leftovers) if n]
        out["note"] = " ".join(notes) or None
        self.leftovers = []
        return out

    def keyed(self, group: list[Row], keys: tuple[tuple[str, str], ...], out: Data, integer: bool) -> Data:
        """The sub-rows' values by the word their sub-label holds; words after the template's whole
        sub-label (a line a converter ran into the cell) kept in the note."""
        out["lines"] = {}
        for sub, value, row in self.sub_rows(group):
            s = _sub(sub)
            for word, field in keys:
                if word in s:
                    label = _sub(_SUB_LABELS[field])
                    if (end := s.find(label)) >= 0 and len(s) > end + len(label):
                        self.keep_leftover(s[end + len(label) :], label)
                    out[field] = self.number(value, row.line, sub, integer=integer)
                    out["lines"][field] = row.line
                    self.ctx.take(row.line)
                    break
        return self.noted(out, out.get("note"))

    def discharge_rates(self, group: list[Row]) -> Data:
        label = group[0].cells[0]
        out: Data = {
            "as_of": as_of(label),
            "note": _note(label),
            "after_3_months": None,
            "after_6_months": None,
            "after_1_year": None,
            "line": group[0].line,
        }
        keys = (("3か月", "after_3_months"), ("6か月", "after_6_months"), ("1年", "after_1_year"))
        return self.keyed(group, keys, out, integer=False)

    def consultation_offices(self, group: list[Row]) -> Data:
        out: Data = {
            "as_of": as_of(group[0].cells[0]),
            "note": _note(group[0].cells[0]),
            "core_centers": None,
            "general": None,
            "specific": None,
            "line": group[0].line,
        }
        keys = (("基幹", "core_centers"), ("一般", "general"), ("特定", "specific"))
        return self.keyed(group, keys, out, integer=True)

    def support_council(self, group: list[Row]) -> Data:
        out: Data = {
            "fiscal_year": fiscal_year(group[0].cells[0]),
            "meetings_per_year": None,
            "mental_health_subcommittee": None,
            "line": group[0].line,
            "lines": {},
        }
        for n, (sub, value, row) in enumerate(self.sub_rows(group)):
            s = _sub(sub)
            if "部会" in s:
                field = "mental_health_subcommittee"
                out[field] = self.choice(value, row.line, sub)
            elif "開催頻度" in s or "協議会" in s or (not s and n == 0 and value):
                field = "meetings_per_year"
                per = per_year(value)
                if per is not None:  # else number() keeps what is beside its number
                    self.keep_leftover(value, sub)
                out[field] = per if per is not None else self.number(value, row.line, sub or "開催頻度")
            else:
                continue
            out["lines"][field] = row.line
            self.ctx.take(row.line)
        return self.noted(out, _note(group[0].cells[0]))

    def choice(self, text: str, line: int, what: str) -> bool | None:
        self.keep_leftover(without_options(text), what)
        answer, state = read_choice(text)
        if state == "unmarked":
            self.ctx.diag(Diagnostic.UNMARKED_CHOICE, line, str(messages.NEITHER_MARKED(what=what, text=text)))
        elif state == "ambiguous":
            self.ctx.diag(Diagnostic.AMBIGUOUS_CHOICE, line, str(messages.BOTH_MARKED(what=what, text=text)))
        elif state == "absent":
            self.ctx.diag(Diagnostic.MISSING_VALUE, line, str(messages.EMPTY(what=what)))
        return answer

    def council_setup(self, group: list[Row]) -> Data:
        out: Data = {
            "as_of": as_of(group[0].cells[0]),
            "prefecture": None,
            "region": None,
            "municipality": None,
            "note": _note(group[0].cells[0]),
            "line": group[0].line,
        }
        for sub, value, row in self.sub_rows(group):
            s = _sub(sub)
            if "圏域" in s:
                key = "region"
            elif "都道府県" in s:
                key = "prefecture"
            elif "市町村" in s or "市区町村" in s:
                key = "municipality"
            else:
                continue
            out[key] = self.setup(value, row, sub)
            self.ctx.take(row.line)
        return self.noted(out, out["note"])

    def setup(self, value: str, row: Row, what: str) -> Data:
        cells = [strip_tags(c) for c in row.cells if c]
        label = squeeze(what)
        i = 0  # the sub-label's cell (loops, not next() over generators: asked of every row)
        for k, c in enumerate(cells):
            if squeeze(c) == label:
                i = k
                break
        rest = cells[i + 1 :]
        choice_cell = None
        for c in rest:
            if "有" in c or "無" in c:
                choice_cell = c
                break
        count_cells = [c for c in rest if c is not choice_cell]
        if choice_cell is not None and not count_cells:
            choice_cell, count_text = _choice_and_count(choice_cell)
            count_cells = [count_text] if count_text else []
        exists = self.choice(choice_cell or "", row.line, what) if choice_cell else None
        if choice_cell is None:
            self.ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.CHOICE_EMPTY(what=what)))
        text = " ".join(count_cells) or None
        count = total = None
        if text:
            head, slash, tail = norm(text).partition("/")
            before, after = numbers(head) or [], numbers(tail) or []
            if slash and len(before) <= 1 and len(after) <= 1 and all(isinstance(x, int) for x in before + after):
                count = before[0] if before else None
                total = after[0] if after else None
                if count is None:
                    self.ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.NO_COUNT(what=what, text=text)))
            elif not slash and len(before) == 1 and isinstance(before[0], int):
                count = before[0]
            elif not before and not after:
                self.ctx.diag(Diagnostic.MISSING_VALUE, row.line, str(messages.NO_COUNT(what=what, text=text)))
            else:
                self.ctx.diag(
                    Diagnostic.UNREADABLE_VALUE, row.line, str(messages.COUNT_UNREADABLE(what=what, text=text))
                )
        return {"exists": exists, "count": count, "total": total, "text": text, "line": row.line}

    # ---- the section -------------------------------------------------------
    def table(self, block: Block) -> None:
        groups: list[list[Row]] = []
        for row in block.rows:
            if row.continued and groups:
                groups[-1].append(row)
            elif groups and _note_row(row):
                # a group's label's note in its second row's first cell (`※630調査⇥3か月未満…`): the label's
                head = groups[-1][0]
                groups[-1][0] = Row(head.line, [f"{head.cells[0]} {row.cells[0]}", *head.cells[1:]])
                groups[-1].append(Row(row.line, ["", *row.cells[1:]]))
            else:
                groups.append([row])
        for group in groups:
            if group[0].continued:
                continue  # continuation rows with nothing above: left for unparsed
            key = _group_key(group[0].cells[0])
            if key is None:
                continue
            if self.out[key] is not None:
                self.ctx.diag(Diagnostic.DUPLICATE_ROW, group[0].line, str(messages.DUPLICATE_ROW(key=key)))
                continue
            if key in _QUANTITIES:
                self.out[key] = self.quantity(key, group)
            else:
                self.out[key] = getattr(self, key)(group)
                self.ctx.take(group[0].line)

    def read(self, sec: Section) -> Data:
        mode = None
        rest: list[Block] = []
        for b in _captions_apart(blocks(sec.lines)):
            if b.kind == "table" and mode == "initiatives" and not any(_group_key(r.cells[0]) for r in b.rows):
                self.initiatives_in_columns(b)
                continue
            if b.kind == "table":
                self.table(b)
                continue
            first = b.lines[0]
            s = squeeze(first.text)
            if len(b.lines) == 1 and s in _INITIATIVES:
                mode = "initiatives"
                self.ctx.take(first.no)
            elif len(b.lines) == 1 and s.startswith(_CAPTION):
                mode = None
                self.ctx.take(first.no)
            elif self.out["name"] is None and len(b.lines) == 1 and looks_like_name(first.text) and not mode:
                self.out["name"] = first.text.strip(" \u3000")
                self.ctx.take(first.no)
            elif self.out["name"] is None and not mode and _name_over_initiatives(b):
                # the name and 取組内容 with no blank line between (python-docx, markitdown-pdf)
                self.out["name"] = first.text.strip(" \u3000")
                label = next(k for k, ln in enumerate(b.lines) if k and squeeze(ln.text) in _INITIATIVES)
                self.ctx.take(first.no)
                self.ctx.take(b.lines[label].no)
                if label > 1:  # a caption between
                    rest.append(Block(b.kind, b.lines[1:label]))
                mode = "initiatives"
            elif mode == "initiatives" and b.kind in ("item", "para"):
                self.out["initiatives"].extend(_items_run_together(block_text(b)))
                self.ctx.take_all([ln.no for ln in b.lines])
            else:
                rest.append(b)
        self.out["text"] = text_of(self.ctx, rest)
        self.missing_rows()
        return self.out

    def initiatives_in_columns(self, block: Block) -> None:
        """取組内容 that a layout text cut into columns (`平成18年度⇥精神障害者退院促進支援事業開始`): an
        item a row, its cells joined by a space; a row whose first cell is empty goes on with the item."""
        items = self.out["initiatives"]
        for row in block.rows:
            text = " ".join(t for t in (strip_tags(c).strip() for c in row.cells) if t)
            if row.continued and items and text:
                items[-1] += "\n" + text
            elif text:
                items.append(text)
            self.ctx.take(row.line)

    def missing_rows(self) -> None:
        """One warning naming the statistics the table lacks, when it holds others: a row a converter
        broke is not a row the sheet left out (with no row at all, the section's missing table says so)."""
        found = [v["line"] for k in _ORDER if (v := self.out[k]) is not None]
        missing = [STATISTICS[k] for k in _ORDER if self.out[k] is None]
        if found and missing:
            self.ctx.diag(Diagnostic.MISSING_ROW, min(found), str(messages.MISSING_ROWS(labels="、".join(missing))))


_INITIATIVES = ("取組内容", "取り組み内容", "取組の内容")  # the label of the initiatives' list, squeezed
_CAPTION = "基本情報"  # the statistics' caption (`基本情報（都道府県等情報）`), squeezed
# an initiative's fiscal year at its start (`令和3年度`, `R3年度`, `2021年度`), as a converter ran the next one
# on; not a date (`平成30年7月豪雨`)
_INITIATIVE_YEAR = r"(?:(?:令和|平成)[0-9０-９元]{1,2}|[RH][0-9０-９]{1,2}|(?:19|20)[0-9]{2})年度"
_INITIATIVE_START_RE = re.compile(_INITIATIVE_YEAR)
# a space before the next one's year: not inside a range (`令和3年度 ～ 令和5年度`, `令和3年度～`), a bracket or a
# list, nor before a year the sentence goes on from (`令和4年度 に拡充`, `令和4年度 以降も継続`; `令和2年度より…`,
# its particle written close, starts an item)
_GOES_ON_FROM_YEAR = r"[～〜~－-]|\s*(?:まで|以降)|\s+(?:に|から|の|より|を|は|で)"
# (compiled on first use: it is tried only on a text with a second 年度, which few sheets' initiatives hold, and
# costs 0.35 ms to compile)
_INITIATIVE_NEXT_RE = compile_lazily(rf"(?<![～〜~－\-(（、,])[ \u3000](?={_INITIATIVE_YEAR}(?!{_GOES_ON_FROM_YEAR}))")


def _captions_apart(found: list[Block]) -> list[Block]:
    """The blocks, the statistics' caption set apart where a converter wrote it right under the last
    initiative, no blank line between (`…講演会の開催` / `基本情報（都道府県等情報）`: pdfplumber's layout)."""
    out: list[Block] = []
    for b in found:
        at = next((k for k, ln in enumerate(b.lines) if k and squeeze(ln.text).startswith(_CAPTION)), None)
        if b.kind in ("item", "para") and at is not None:
            out += [Block(b.kind, b.lines[:at]), Block("para", b.lines[at:])]
        else:
            out.append(b)
    return out


def _items_run_together(text: str) -> list[str]:
    """An initiative and the ones a converter ran on after it on its line, a space between, each
    starting with its year as the first does (pymupdf4llm writes a list's last item so):
    `令和3年度 事例検討会を開始 令和4年度 研修を開催` is two items; other text is one."""
    if "\n" in text or not _INITIATIVE_START_RE.match(text) or text.count("年度") < 2:  # (the next one's is a second)
        return [text]
    items = [piece.strip() for piece in _INITIATIVE_NEXT_RE.split(text)]
    return [text] if len(items) == 1 or not all(items) else items


def _name_over_initiatives(b: Block) -> bool:
    """A paragraph that opens with the body's name and runs on, within two lines (an image's caption
    may come between: `川口市マスコットきゅぼらん`), into the 取組内容 label."""
    return (
        b.kind == "para"
        and any(squeeze(ln.text) in _INITIATIVES for ln in b.lines[1:3])
        and looks_like_name(b.lines[0].text)
    )


def read(ctx: Context, sec: Section) -> Data:
    """Section 1 as plain data of the `models.BasicInfo` shape."""
    return _Reader(ctx).read(sec)
