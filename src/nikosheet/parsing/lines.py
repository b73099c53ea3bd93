"""Lines and blocks: the shared state every section reader works on.

Each source line becomes a `Line` that knows its number, its text and a
normalised form for matching.  A reader that uses a line marks it taken; at the
end every non-blank line that nobody took goes to `unparsed`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from nikosheet.parsing.cells import strip_tags
from nikosheet.parsing.lazy_re import compile_lazily
from nikosheet.parsing.memo import cached, remembered
from nikosheet.vocabulary import OUTCOME_COLUMNS

BLANK, SEP, TABLE, HEADING, BULLET, TEXT = "blank", "sep", "table", "heading", "bullet", "text"
CONT = "cont"  # a text line that continues the table row above it (a cell wrapped onto the next line)

_SPACE = " \t\f\u3000\u00a0\ufeff"
_SEP_RE = re.compile(r"[\s|:\-\u2010-\u2015\u2500\u30fc]*")
_MD_HEADING_RE = re.compile(r"#{1,6}(?=[ \u3000]|$)")
_BULLET_RE = re.compile(r"[-*+](?:[ \u3000]+|$)")
# words of the template's table headers: a table row holding one starts a new table
HEADER_WORDS = (
    "名称",
    "指標",
    "課題",
    "年度",
    "時期",
    "所管部署",
    "連携部署",
    "各部門",
    "長期目標",
    "短期目標",
    "スモールステップ",
    "会議名",
    "構成員",
)


_NORM_CHUNK = 1 << 15


def _nfkc(text: str) -> str:
    """NFKC for matching and numbers (full-width digits and brackets become ASCII)."""
    if text.isascii():
        return text
    if len(text) <= _NORM_CHUNK:
        if unicodedata.is_normalized("NFKC", text):  # most texts: a quick look at each character
            return text
        return unicodedata.normalize("NFKC", _WIDE_RE.sub(_wide, text))  # (see _WIDE)
    # a long line piece by piece: unicodedata works on a whole string at ~20 bytes a character, and
    # a line of characters that expand (U+FDFA becomes 18) would take gigabytes at once.  A piece that
    # grows more than fourfold is such garbage (Japanese text does not grow): it is matched as it is.
    out = []
    for part in _norm_pieces(text):
        n = unicodedata.normalize("NFKC", part)
        out.append(n if len(n) <= 4 * len(part) else part)
    return "".join(out)


# (`squeeze` calls `_nfkc` itself: a text new to squeeze's memo is nearly always new to norm's too, and a
# second miss is a Python call more)
norm = remembered()(_nfkc)


# NFKC is dear on a text it changes (CPython composes the text again, looking up each character in
# its tables: some 2,000 instructions a character) and cheap on one it leaves as it is.  The characters
# it changes in sheets are nearly all full-width ASCII (（）％，：～), the ideographic space and circled
# numbers, each of which NFKC maps on its own whatever stands beside it: they are mapped first (a
# pattern, as str.translate raises and clears a KeyError for every character not in its table), and
# NFKC then finds most texts normal at a glance.  It still runs: any other character is its to change,
# and the result is the same, as NFKC of a text is NFKC of the text with any characters replaced by
# their own NFKC.
_WIDE = {
    "\u3000": " ",
    **{chr(c): str(c - 0x245F) for c in range(0x2460, 0x2474)},  # ① to ⑳
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # ！ to ～
}
_WIDE_RE = compile_lazily("[\u3000\u2460-\u2473\uff01-\uff5e]")


def _wide(m: re.Match[str]) -> str:
    return _WIDE[m[0]]


def _norm_pieces(text: str) -> Iterator[str]:
    """Pieces of about _NORM_CHUNK characters, each cut before a character that cannot join the one before."""
    start, n = 0, len(text)
    while n - start > _NORM_CHUNK:
        end = start + _NORM_CHUNK
        k = end
        while k < min(n, end + 64) and not _starts_fresh(text[k]):
            k += 1
        yield text[start:k]
        start = k
    yield text[start:]


def _starts_fresh(ch: str) -> bool:
    """Nothing before `ch` can compose or reorder with it under NFKC (kana, kanji, ASCII: always)."""
    if ch < "\u0300" or "\u3000" <= ch <= "\u3096" or "\u30a0" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff":
        return True
    first = unicodedata.normalize("NFKD", ch)[0]
    return (
        unicodedata.combining(first) == 0
        and not unicodedata.category(first).startswith("M")
        and not ("\u1160" <= first <= "\u11ff" or "\ud7b0" <= first <= "\ud7ff")
    )


# the characters str.split() splits at (str.isspace)
_WHITE_SPACE = (
    *range(0x09, 0x0E),
    *range(0x1C, 0x21),
    0x85,
    0xA0,
    0x1680,
    *range(0x2000, 0x200B),
    0x2028,
    0x2029,
    0x202F,
    0x205F,
    0x3000,
)


@remembered()
def squeeze(text: str) -> str:
    """Normalised text without any white space: for matching labels that PDF wrapping split."""
    s = _nfkc(text)
    if len(s) > 4096:  # a long line: split() would make a string object of every word
        return s.translate(_NO_SPACE)
    return "".join(s.split())


_NO_SPACE = dict.fromkeys(_WHITE_SPACE)  # removed by squeeze() from long lines
WHITE_SPACE = "".join(map(chr, _WHITE_SPACE))
"""The white space of str.isspace() and of a regex's `\\s`: what `str.strip(WHITE_SPACE + marks)` strips with marks."""


# Line and Block are plain classes with slots, not dataclasses: the parser's modules are read on every
# run, and a dataclass costs 0.3 to 0.6 ms to define (a batch of a few hundred sheets pays it too).
class Line:
    """A source line: its number, its text as written and stripped, its kind and its table cells.

    Made by `new_line`, or slot by slot in `read_lines` (tests/test_lines.py checks the two alike): the
    class has no `__init__`, since a Python `__init__` is a call into the interpreter for each of a sheet's
    lines, more than half the price of making one (`Line()` alone makes it in C).
    """

    __slots__ = ("alone", "cells", "cont", "kind", "no", "raw", "text", "wraps")

    no: int
    raw: str
    text: str
    kind: str
    cells: list[str] | None
    cont: list[int] | None  # lines that repeat this table row (a header after a page break): layout
    wraps: list[int] | None  # text lines that continue this row's last cell, wrapped below it
    alone: bool  # a paragraph of its own with no blank line above (a Word text: a paragraph a line)

    def __repr__(self) -> str:
        return f"Line(no={self.no!r}, kind={self.kind!r}, text={self.text!r})"


def new_line(no: int, raw: str, text: str, kind: str, cells: list[str] | None = None) -> Line:
    """A line numbered `no` of the given kind (set as `read_lines` sets each of its lines)."""
    ln = Line()
    ln.no, ln.raw, ln.text, ln.kind, ln.cells = no, raw, text, kind, cells
    ln.cont = ln.wraps = None
    ln.alone = False
    return ln


# first characters of every kind but plain text and plain table rows: separators, page numbers,
# HTML rows, pipe tables, markdown headings and bullets
_MARKED_FIRST = frozenset("|:-\u2010\u2011\u2012\u2013\u2014\u2015\u2500\u30fc－<#*+・･>").union(
    map(chr, _WHITE_SPACE)
)  # and the white space strip(_SPACE) leaves, which a separator may start with


def _tab_cells(raw: str) -> list[str]:
    """The cells of a tab-separated row, stripped (most rows hold no space to strip)."""
    cells = raw.split("\t")
    if " " in raw or "\u3000" in raw or "\u00a0" in raw or "\ufeff" in raw:
        return [c.strip(_SPACE) for c in cells]
    return cells


def classify(no: int, raw: str) -> Line:
    """The line numbered `no`, classified: blank, separator, table row, heading, bullet or text."""
    text = raw.strip(_SPACE)
    if not text:
        return new_line(no, raw, "", BLANK)
    if text[0] not in _MARKED_FIRST:  # the common case: text or a table row
        if "\t" in raw:
            return new_line(no, raw, text, TABLE, _tab_cells(raw))
        return new_line(no, raw, text, TEXT)
    if "-" in text or "|" in text or "\u2500" in text or "－" in text:
        if _SEP_RE.fullmatch(text) and sum(map(text.count, "-\u2500")) >= 3:
            return new_line(no, raw, text, SEP)
        if len(text) <= 9 and _page_number(text):
            return new_line(no, raw, text, SEP)
    if "\t" in raw:
        return new_line(no, raw, text, TABLE, _tab_cells(raw))
    if text[0] == "<" and text[:3].lower() in ("<tr", "<ta", "</t", "<tb", "<th", "</t"):
        return _html_row(no, raw, text)
    if len(text) >= 2 and text[0] == "|" and text[-1] == "|":
        inner = text[1:-1]
        return new_line(no, raw, text, TABLE, [c.strip(_SPACE) for c in inner.split("|")])
    if text[0] == "#":
        m = _MD_HEADING_RE.match(text)
        if m:
            return new_line(no, raw, text[m.end() :].strip(_SPACE), HEADING)
    if _BULLET_RE.match(text) or text[0] in "・･":
        return new_line(no, raw, text[1:].strip(_SPACE), BULLET)
    if text[:2] == "> " and raw[0] in " \u3000":  # `    > …`: a quote pandoc set in a list's item, its next line
        return new_line(no, raw, text[2:].strip(_SPACE), TEXT)
    return new_line(no, raw, text, TEXT)


_DASHES = "-－–—"
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _page_number(text: str) -> bool:
    """A page number between dashes (`- 5 -`, `－12－`): a dash, a space at most, one to three digits, a
    space at most, a dash.  Compared, not matched: a class of the dashes costs 0.3 ms to compile on every
    run, and the test is asked of few lines."""
    if len(text) < 3 or text[0] not in _DASHES or text[-1] not in _DASHES:
        return False
    inner = text[1:-1]
    if inner[0] in " \u3000":
        inner = inner[1:]
    if inner and inner[-1] in " \u3000":
        inner = inner[:-1]
    return 1 <= len(inner) <= 3 and all(c in _DIGITS for c in inner)


_TD_RE = compile_lazily(r"<t[dh]\b[^<>]*>(.*?)</t[dh]>", re.IGNORECASE)


def _html_row(no: int, raw: str, text: str) -> Line:
    """`<tr><td>a</td><td>b</td></tr>` is a table row; `<table>`, `</table>`, `<tbody>` are layout."""
    cells = _TD_RE.findall(text)
    if cells:
        return new_line(no, raw, text, TABLE, [c.strip(_SPACE) for c in cells])
    if _HTML_LAYOUT_RE.fullmatch(text):
        return new_line(no, raw, text, SEP)
    return new_line(no, raw, text, TEXT)


_HTML_LAYOUT_RE = compile_lazily(r"(?:</?(?:table|tbody|thead|tr)\b[^<>]*>[ \u3000]*)+", re.IGNORECASE)


def read_lines(lines: Sequence[str | None]) -> list[Line]:
    """Every line classified; blank lines, plain text and plain table rows without a call each.

    A None is a source line that a converter form folded into an earlier line: layout, like a
    separator row.
    """
    out: list[Line] = []
    append = out.append
    marked = _MARKED_FIRST
    cells: list[str] | None
    for no, raw in enumerate(lines, 1):
        if raw is None:
            raw = text = ""
            kind, cells = SEP, None
        else:
            text = raw.strip(_SPACE)
            if not text:
                kind, cells = BLANK, None
            elif text[0] in marked:
                append(classify(no, raw))
                continue
            elif "\t" not in raw:
                kind, cells = TEXT, None
            elif " " in raw or "\u3000" in raw or "\u00a0" in raw or "\ufeff" in raw:
                kind, cells = TABLE, [c.strip(_SPACE) for c in raw.split("\t")]
            else:  # most rows: no space to strip
                kind, cells = TABLE, raw.split("\t")
        ln = Line()  # (as new_line does, without a call)
        ln.no = no
        ln.raw = raw
        ln.text = text
        ln.kind = kind
        ln.cells = cells
        ln.cont = ln.wraps = None
        ln.alone = False
        append(ln)
    return out


_new = object.__new__  # a Row without its __init__, for the many a sheet's tables make (see Block.rows)


class Row:
    """A table row: its line number and cells; `continued` when its first cell is empty (it
    continues the row group above)."""

    __slots__ = ("_sig", "cells", "continued", "line")

    def __init__(self, line: int, cells: list[str]):
        self.line = line
        self.cells = cells
        self.continued = not cells or not cells[0]
        self._sig: str | None = None

    def __repr__(self) -> str:
        return f"Row(line={self.line!r}, cells={self.cells!r})"

    @property
    def signature(self) -> str:
        """All cells, markup removed, squeezed: what header words are looked for in."""
        if self._sig is None:
            joined = " ".join(self.cells)
            if "<" in joined:  # (most rows hold no markup: their cells joined as they are)
                joined = " ".join([strip_tags(c) if "<" in c else c for c in self.cells])
            self._sig = squeeze(joined)
        return self._sig


class Block:
    """Lines that go together: a table, a paragraph, a list item or a heading."""

    __slots__ = ("_rows", "kind", "lines")

    def __init__(self, kind: str, lines: list[Line]) -> None:
        self.kind = kind  # table | para | item (one list item) | heading
        self.lines = lines
        self._rows: list[Row] | None = None

    def __repr__(self) -> str:
        return f"Block(kind={self.kind!r}, lines={self.lines!r})"

    @property
    def first(self) -> int:
        """The number of the block's first line."""
        return self.lines[0].no

    @property
    def rows(self) -> list[Row]:
        """The block's lines as table rows (made once, on first use)."""
        if self._rows is None:
            rows = []
            for ln in self.lines:  # each row made as Row() would make it, without a Python call (see Line)
                row = _new(Row)
                row.line = ln.no
                row.cells = cells = ln.cells or []
                row.continued = not cells or not cells[0]
                row._sig = None
                rows.append(row)
            # a table whose every row starts with an empty column is shifted by that column
            if len(rows) > 1 and rows[0].continued and all(r.continued and r.cells for r in rows):
                rows = [Row(r.line, r.cells[1:]) for r in rows]
            self._rows = rows
        return self._rows


def _header_like(ln: Line) -> bool:
    """A cell starts with one of the template's header words (`平成24年度` holds 年度 but heads nothing)."""
    for c in ln.cells or []:  # noqa: SIM110 (a loop, not any() over a generator: asked of rows after a break)
        if squeeze(strip_tags(c) if "<" in c else c).startswith(HEADER_WORDS):
            return True
    return False


# the first header cell of each of the template's tables, and the table it heads: rows a table's
# header groups (短期目標 / スモールステップ / 時期(月)) belong to one table
_TABLE_HEADS = (
    ("所管部署名", "departments"),
    ("連携部署名", "partners"),
    ("各部門の連携状況", "sectors"),
    ("名称", "councils"),
    ("会議名", "councils"),
    (OUTCOME_COLUMNS["name"], "indicators"),
    ("課題", "issues"),
    ("長期目標", "long_schedule"),
    ("年度", "long_schedule"),
    ("短期目標", "short_schedule"),
    ("スモールステップ", "short_schedule"),
    ("時期", "short_schedule"),
)
# what a header cell starts with (`<`: one in a tag, `<p>時期(月)</p>`): the only rows looked at
_HEAD_FIRST = frozenset("<" + "".join(w[0] for w, _ in _TABLE_HEADS))


@cached()
def _table_headed(first: str) -> str | None:
    """The template table that a row whose first cell is `first` heads: the header word alone, with a
    parenthesis (`時期(月)`), or cut short where a converter wrapped it (`各部門の連携`)."""
    cell = squeeze(strip_tags(first))
    for word, table in _TABLE_HEADS:
        if cell == word or cell.startswith(word + "(") or (len(cell) >= 4 and word.startswith(cell)):
            return table
    return None


def _heads_other_table(first: str, cur: Block) -> bool:
    """Whether a row whose first cell is `first` heads another of the template's tables than `cur`."""
    table = _table_headed(first)
    return table is not None and table != _table_headed((cur.lines[0].cells or [""])[0])


def _same_row(a: Line, b: Line) -> bool:
    """The same cells (a header repeated verbatim after a page break)."""
    ca, cb = a.cells or [], b.cells or []
    if ca == cb:
        return True
    return len(ca) - ca.count("") == len(cb) - cb.count("") and [c for c in ca if c] == [c for c in cb if c]


def blocks(lines: list[Line]) -> list[Block]:
    """Group a section's lines into tables, paragraphs, lists and headings.

    A blank line or a gap in numbering (a section that appears twice) ends a
    block; a separator row inside a table does not.
    """
    out: list[Block] = []
    cur: Block | None = None
    # kept at hand for each row of a table (table rows come first below: most of a section's lines
    # are): the lines of the table being read (cur's when cur is a table, else None) and its first cell
    rows: list[Line] | None = None
    head_first = ""
    prev_no = -1
    broken: Block | None = None  # a table that blank lines (a page break) interrupted
    for ln in lines:
        no, kind = ln.no, ln.kind
        gap = no != prev_no + 1
        prev_no = no
        if kind == TABLE:
            # a TABLE line always has cells (classify, read_lines): no test for None in this loop
            if rows is not None:
                first = ln.cells[0]  # type: ignore[index]
                if first == head_first and len(rows) > 1 and _same_row(ln, rows[0]):
                    head = rows[0]
                    head.cont = (head.cont or []) + [no]  # the header repeated inside the table
                    ln.kind = CONT
                    continue
                if first and first[0] in _HEAD_FIRST and _heads_other_table(first, cur):  # type: ignore[arg-type]
                    cur = Block("table", [ln])  # two tables written with no blank line between them
                    out.append(cur)
                    rows, head_first = cur.lines, first
                    broken = None
                    continue
                if not gap:
                    rows.append(ln)
                    broken = None
                    continue
            if cur is None and broken is not None and not gap:
                if _same_row(ln, broken.lines[0]):
                    # the header repeated after a page break: taken along with the header
                    head = broken.lines[0]
                    head.cont = (head.cont or []) + [no]
                    ln.kind = CONT
                    cur = broken
                    rows, head_first = cur.lines, head.cells[0]  # type: ignore[index]
                    continue
                if not _header_like(ln):
                    cur = broken  # the same table goes on after a page break
                    rows, head_first = cur.lines, cur.lines[0].cells[0]  # type: ignore[index]
            if cur is None or cur.kind != "table" or gap:
                cur = Block("table", [ln])
                out.append(cur)
                rows, head_first = cur.lines, ln.cells[0]  # type: ignore[index]
            else:
                cur.lines.append(ln)
            broken = None
        elif kind == BLANK:
            if rows is not None:
                broken = cur
            cur = rows = None
        elif kind == CONT:
            continue
        elif kind == SEP:
            if rows is None or gap:
                cur = rows = None
        elif kind == HEADING:
            out.append(Block("heading", [ln]))
            cur = broken = rows = None
        elif kind == BULLET:
            cur = Block("item", [ln])
            out.append(cur)
            broken = rows = None
        else:  # TEXT: continues a paragraph or a list item
            broken = None
            if cur is None or gap or ln.alone or rows is not None or ln.text.startswith("<p>"):
                cur = Block("para", [ln])
                out.append(cur)
                rows = None
            else:
                cur.lines.append(ln)
    return out


def _wrapped_cell(ln: Line) -> bool:
    """A text line that may be a table cell's wrapped end: no marker, not a paragraph of its own."""
    return ln.text[0] not in "※【＜<#" and len(ln.text) <= 200 and not ln.alone


def attach_continuations(lines: list[Line], headings: set[int]) -> bool:
    """A text line right below a table row, with no blank between, is that row's last cell wrapped.

    Returns whether any line was taken for one (then `Context.unparsed` checks that its text was read).
    """
    row: Line | None = None
    wrapped = False
    for ln in lines:
        kind = ln.kind
        if row is None:  # most lines (text, blank, a table's first row): only a table row changes that
            if kind == TABLE and ln.no not in headings:
                row = ln
            continue
        if kind == BLANK or ln.no in headings:
            row = None
        elif kind == TABLE:
            row = ln
        elif kind == TEXT and _wrapped_cell(ln):
            cells = row.cells or []
            k = max((i for i, c in enumerate(cells) if c), default=None)
            if k is None:
                row = None
                continue
            cells[k] = f"{cells[k]}\n{ln.text}"
            row.wraps = (row.wraps or []) + [ln.no]
            ln.kind = CONT
            wrapped = True
        elif kind != CONT:
            row = None
    return wrapped
