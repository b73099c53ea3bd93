"""Lines and blocks: the shared state every section reader works on.

Each source line becomes a `Line` that knows its number, its text and a
normalised form for matching.  A reader that uses a line marks it taken; at the
end every non-blank line that nobody took goes to `unparsed`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

BLANK, SEP, TABLE, HEADING, BULLET, TEXT = "blank", "sep", "table", "heading", "bullet", "text"

_SPACE = " \t\u3000\u00a0\ufeff"
_SEP_RE = re.compile(r"[\s|:\-\u2010-\u2015\u2500\u30fc]*")
_MD_HEADING_RE = re.compile(r"#{1,6}(?=[ \u3000]|$)")
_BULLET_RE = re.compile(r"[-*+](?:[ \u3000]+|$)")


def norm(text: str) -> str:
    """NFKC for matching and numbers (full-width digits and brackets become ASCII)."""
    return unicodedata.normalize("NFKC", text) if not text.isascii() else text


def squeeze(text: str) -> str:
    """Normalised text without any white space: for matching labels that PDF wrapping split."""
    return "".join(norm(text).split())


@dataclass(slots=True)
class Line:
    no: int
    raw: str
    text: str
    kind: str
    cells: list[str] | None = None
    level: int = 0  # markdown heading level

    @property
    def norm(self) -> str:
        return norm(self.text)


def classify(no: int, raw: str) -> Line:
    text = raw.strip(_SPACE)
    if not text:
        return Line(no, raw, "", BLANK)
    if "-" in text or "|" in text or "\u2500" in text:
        if _SEP_RE.fullmatch(text) and sum(text.count(c) for c in "-\u2500") >= 3:
            return Line(no, raw, text, SEP)
    if "\t" in raw:
        return Line(no, raw, text, TABLE, cells=[c.strip(_SPACE) for c in raw.split("\t")])
    if len(text) >= 2 and text[0] == "|" and text[-1] == "|":
        inner = text[1:-1]
        return Line(no, raw, text, TABLE, cells=[c.strip(_SPACE) for c in inner.split("|")])
    if text[0] == "#":
        m = _MD_HEADING_RE.match(text)
        if m:
            return Line(no, raw, text[m.end():].strip(_SPACE), HEADING, level=m.end())
    if _BULLET_RE.match(text) or text[0] in "・･":
        return Line(no, raw, text[1:].strip(_SPACE), BULLET)
    return Line(no, raw, text, TEXT)


def read_lines(lines: list[str]) -> list[Line]:
    return [classify(i, raw) for i, raw in enumerate(lines, 1)]


@dataclass(slots=True)
class Row:
    line: int
    cells: list[str]

    @property
    def continued(self) -> bool:
        """A row whose first cell is empty continues the row group above."""
        return not self.cells or not self.cells[0]

    def rest(self, start: int) -> list[str]:
        return [c for c in self.cells[start:] if c]


@dataclass(slots=True)
class Block:
    kind: str  # table | para | item (one list item) | heading
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.lines[0].no

    @property
    def rows(self) -> list[Row]:
        return [Row(ln.no, ln.cells or []) for ln in self.lines]


def blocks(lines: list[Line]) -> list[Block]:
    """Group a section's lines into tables, paragraphs, lists and headings.

    A blank line or a gap in numbering (a section that appears twice) ends a
    block; a separator row inside a table does not.
    """
    out: list[Block] = []
    cur: Block | None = None
    prev_no = -1
    for ln in lines:
        gap = ln.no != prev_no + 1
        prev_no = ln.no
        if ln.kind == BLANK:
            cur = None
            continue
        if ln.kind == SEP:
            if cur is None or cur.kind != "table" or gap:
                cur = None
            continue
        if ln.kind == TABLE:
            if cur is None or cur.kind != "table" or gap:
                cur = Block("table")
                out.append(cur)
            cur.lines.append(ln)
        elif ln.kind == HEADING:
            out.append(Block("heading", [ln]))
            cur = None
        elif ln.kind == BULLET:
            cur = Block("item", [ln])
            out.append(cur)
        else:  # TEXT: continues a paragraph or a list item
            if cur is None or cur.kind not in ("para", "item") or gap:
                cur = Block("para")
                out.append(cur)
            cur.lines.append(ln)
    return out
