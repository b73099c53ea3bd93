"""Layout of a PDF page as the samples' form: glyphs and ruling lines in, text lines out.

Nothing here knows pdfium: `pdf.py` hands over each page's glyphs (boxes in a top-down coordinate
space: `top < bottom`) and its ruling lines, and this module finds

- the tables, from the ruling lines: the grid of every connected set of horizontal and vertical
  lines, its cells (an elementary cell joins its neighbour where the line between them is missing:
  a row or column span), each glyph in the cell its centre falls in;
- the text lines outside the tables, grouped into paragraphs in reading order (top to bottom).

A table row is written as its cells joined by tabs; a cell that spans rows is written in its first
row, and the rows below start with an empty cell; a cell that spans columns is one cell.  A cell of
several lines is either a list (`<ul><li>・item</li>…</ul>`: its lines start with bullets) or one
text whose wrapped lines are joined (Japanese without a space where the line was full).  A table
that goes on over a page break (same outer edges, agreeing column lines) is one table: no blank
line between its parts, and a cell the page cut in two is joined again.

Lines of text are joined into a paragraph when the line above was full (the first piece of the next
line would not have fitted after it) and the next one follows at the paragraph's line spacing; a
blank line separates blocks set further apart.  Where a line broke decides the joint: nothing where
a full Japanese line wrapped, a space where the PDF writes one or where the break was not forced.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from unicodedata import east_asian_width

from nikosheet.typography import NO_LINE_START
from nikosheet.vocabulary import CIRCLED

# ---------------------------------------------------------------------------------------------
# input


@dataclass(slots=True)
class Glyph:
    """One character (or a drawn bullet) on a page; `top < bottom` (top-down coordinates)."""

    x0: float
    top: float
    x1: float
    bottom: float
    ch: str
    space_after: bool = False  # the PDF writes a space after this character


@dataclass(slots=True)
class Rule:
    """A ruling line: horizontal at y = `pos` from `a` to `b`, or vertical at x = `pos`."""

    horizontal: bool
    pos: float
    a: float
    b: float


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    glyphs: list[Glyph]
    rules: list[Rule]


# ---------------------------------------------------------------------------------------------
# output pieces


@dataclass(slots=True)
class TextLine:
    """Glyphs on one baseline, left to right."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # the typical glyph height: the font size, near enough
    em: float = 0.0  # the advance of a full-width character (the font size), or the size
    lead: float = 0.0  # width of the line's first unbreakable piece (`票」`, `「に`, a Latin word)
    space_end: bool = False  # the PDF writes a space after the last character
    right: float = 0.0  # where a full line ends, when the line is in a frame (else the column's edge)


@dataclass(slots=True)
class Table:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    owner: list[list[int]]  # owner[r][c]: the cell that elementary cell (r, c) belongs to
    spans: list[tuple[int, int, int, int]]  # a cell's first row, last row, first column, last column
    lines: list[list[TextLine]] = field(default_factory=list)  # each cell's text lines
    dropped: set[int] = field(default_factory=set)  # rows not written (a row cut off by a page)

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


@dataclass(slots=True)
class Block:
    """A text line or a table, placed on its page."""

    page: int
    top: float
    line: TextLine | None = None
    table: Table | None = None
    continues: bool = False  # a table that carries on the table before it (across a page break)
    broken: bool = False  # a page break (or a dropped page number) comes before this block


# ---------------------------------------------------------------------------------------------
# tables from ruling lines

_SNAP = 2.0  # points: lines this close are the same line; an end this close touches
_MIN_GAP = 3.0  # points: grid lines closer than this (a double border) are one
_MAX_CROSSINGS = 200_000  # horizontal × vertical lines a page may have to be looked at for tables


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Sorted centres of groups of values that lie within `tol` of their neighbour."""
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[-1] > tol:
            out.append(sum(group) / len(group))
            group = []
        group.append(v)
    if group:
        out.append(sum(group) / len(group))
    return out


def merge_rules(rules: Sequence[Rule]) -> list[Rule]:
    """Collinear pieces joined: a cell border drawn cell by cell becomes one line."""
    out: list[Rule] = []
    for horizontal in (True, False):
        these = sorted((r for r in rules if r.horizontal is horizontal), key=lambda r: (r.pos, r.a))
        # group by position, then join overlapping or touching intervals
        groups: list[list[Rule]] = []
        for r in these:
            if groups and r.pos - groups[-1][-1].pos <= _SNAP * 0.75:
                groups[-1].append(r)
            else:
                groups.append([r])
        for g in groups:
            pos = sum(r.pos for r in g) / len(g)
            g.sort(key=lambda r: r.a)
            cur_a, cur_b = g[0].a, g[0].b
            for r in g[1:]:
                if r.a <= cur_b + _SNAP:
                    cur_b = max(cur_b, r.b)
                else:
                    out.append(Rule(horizontal, pos, cur_a, cur_b))
                    cur_a, cur_b = r.a, r.b
            out.append(Rule(horizontal, pos, cur_a, cur_b))
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)


def find_tables(rules: Sequence[Rule]) -> list[Table]:
    """The tables the ruling lines draw: each connected set of lines that makes at least two cells.

    A set that makes one cell is a frame around text (a box), not a table: it is returned too, as a
    table of one cell, for the edge its text wraps at.
    """
    merged = merge_rules(rules)
    hs = [r for r in merged if r.horizontal]
    vs = [r for r in merged if not r.horizontal]
    if len(hs) * len(vs) > _MAX_CROSSINGS:
        return []  # a drawing (a chart, a hatching), not tables: its text is read as text
    parent = list(range(len(merged)))
    nh = len(hs)
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.a - _SNAP <= v.pos <= h.b + _SNAP and v.a - _SNAP <= h.pos <= v.b + _SNAP:
                _union(parent, i, nh + j)
    comps: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, r in enumerate(hs + vs):
        hv = comps.setdefault(_find(parent, i), ([], []))
        (hv[0] if r.horizontal else hv[1]).append(r)
    tables = []
    for comp_h, comp_v in comps.values():
        if len(comp_h) < 2 or len(comp_v) < 2:
            continue
        for band_h, band_v in _split_stacked(comp_h, comp_v):
            table = _grid(band_h, band_v)
            if table is not None:
                tables.append(table)
    tables.sort(key=lambda t: t.top)
    return tables


def _split_stacked(hs: list[Rule], vs: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """Tables drawn one right below the other share a border: cut them apart where no inner
    column line crosses a row line and the columns above and below it differ."""
    left = min(v.pos for v in vs)
    right = max(v.pos for v in vs)
    inner = [v for v in vs if left + _SNAP < v.pos < right - _SNAP]
    cuts = []
    for y in _cluster((h.pos for h in hs), _MIN_GAP)[1:-1]:
        if any(v.a < y - _SNAP and v.b > y + _SNAP for v in inner):
            continue
        above = _cluster((v.pos for v in inner if abs(v.b - y) <= _SNAP), _MIN_GAP)
        below = _cluster((v.pos for v in inner if abs(v.a - y) <= _SNAP), _MIN_GAP)
        same = len(above) == len(below) and all(abs(a - b) <= _MIN_GAP for a, b in zip(above, below, strict=True))
        if not same:
            cuts.append(y)
    if not cuts:
        return [(hs, vs)]
    out = []
    edges = [-float("inf"), *cuts, float("inf")]
    for lo, hi in itertools.pairwise(edges):
        band_h = [h for h in hs if lo - _SNAP <= h.pos <= hi + _SNAP]
        band_v = [Rule(False, v.pos, max(v.a, lo), min(v.b, hi)) for v in vs if v.b > lo + _SNAP and v.a < hi - _SNAP]
        if len(band_h) >= 2 and len(band_v) >= 2:
            out.append((band_h, band_v))
    return out


def _covers(lines: list[Rule], at: float) -> bool:
    return any(r.a - _SNAP <= at <= r.b + _SNAP for r in lines)


def _grid(comp_h: list[Rule], comp_v: list[Rule]) -> Table | None:
    xs = _cluster((r.pos for r in comp_v), _MIN_GAP)
    ys = _cluster((r.pos for r in comp_h), _MIN_GAP)
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr < 1 or nc < 1:
        return None
    # the lines at each grid position
    at_x: list[list[Rule]] = [[] for _ in xs]
    at_y: list[list[Rule]] = [[] for _ in ys]
    for rule in comp_v:
        at_x[min(range(len(xs)), key=lambda k: abs(xs[k] - rule.pos))].append(rule)
    for rule in comp_h:
        at_y[min(range(len(ys)), key=lambda k: abs(ys[k] - rule.pos))].append(rule)
    parent = list(range(nr * nc))
    for r in range(nr):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(nc):
            if c + 1 < nc and not _covers(at_x[c + 1], mid_y):
                _union(parent, r * nc + c, r * nc + c + 1)
            if r + 1 < nr and not _covers(at_y[r + 1], (xs[c] + xs[c + 1]) / 2):
                _union(parent, r * nc + c, (r + 1) * nc + c)
    ids: dict[int, int] = {}
    owner = [[0] * nc for _ in range(nr)]
    spans: list[list[int]] = []
    for r in range(nr):
        for c in range(nc):
            root = _find(parent, r * nc + c)
            k = ids.get(root)
            if k is None:
                k = ids[root] = len(spans)
                spans.append([r, r, c, c])
            else:
                s = spans[k]
                s[1] = max(s[1], r)
                s[2] = min(s[2], c)
                s[3] = max(s[3], c)
            owner[r][c] = k
    return Table(xs, ys, owner, [(s[0], s[1], s[2], s[3]) for s in spans])


# ---------------------------------------------------------------------------------------------
# lines of glyphs


def build_lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Glyphs grouped into lines (by their vertical centre), each read left to right, top to bottom."""
    if not glyphs:
        return []
    order = sorted(glyphs, key=lambda g: g.top + g.bottom)
    groups: list[list[Glyph]] = []
    cur: list[Glyph] = []
    cy = ch = 0.0
    for g in order:
        gy = (g.top + g.bottom) / 2
        gh = g.bottom - g.top
        if cur and abs(gy - cy) <= 0.4 * max(ch, gh, 1.0):
            cur.append(g)
            if gh > ch:
                ch = gh
            continue
        if cur:
            groups.append(cur)
        cur = [g]
        cy, ch = gy, gh
    groups.append(cur)
    out = []
    for grp in groups:
        line = _line(grp)
        if line is not None:
            out.append(line)
    out.sort(key=lambda ln: ln.top)
    return out


def _line(grp: list[Glyph]) -> TextLine | None:
    grp.sort(key=lambda g: g.x0)
    wide = sorted(g.x1 - g.x0 for g in grp if is_wide(g.ch))
    heights = sorted(g.bottom - g.top for g in grp)
    size = heights[len(heights) // 2]
    em = wide[len(wide) // 2] if wide else size
    parts: list[str] = []
    last = len(grp) - 1
    for i, g in enumerate(grp):
        parts.append(g.ch)
        # a space: one the PDF writes, or a gap as wide as one (Japanese text spaces out Latin
        # letters and digits by 1/8 to 1/5 em: that is no space)
        if i < last and (g.space_after or grp[i + 1].x0 - g.x1 >= _SPACE_GAP * em):
            parts.append(" ")
    text = " ".join("".join(parts).split())
    if not text:
        return None
    top, bottom = min(g.top for g in grp), max(g.bottom for g in grp)
    return TextLine(text, grp[0].x0, top, grp[-1].x1, bottom, size, em, _lead(grp), grp[-1].space_after)


_SPACE_GAP = 0.235  # of an em: a gap at least this wide is a space


def _lead(grp: list[Glyph]) -> float:
    """Width of the first piece of the line that could not have been split from what follows it."""
    k = 1 if grp[0].ch in _NO_END and len(grp) > 1 else 0  # `「に`, `(代`: the bracket goes with the next
    if not is_wide(grp[k].ch):  # a Latin word or a number: up to the next space
        while (
            k + 1 < len(grp)
            and not is_wide(grp[k + 1].ch)
            and not grp[k].space_after
            and grp[k + 1].x0 - grp[k].x1 < 0.2 * (grp[k + 1].x1 - grp[k + 1].x0 + grp[k].x1 - grp[k].x0)
        ):
            k += 1
    while k + 1 < len(grp) and grp[k + 1].ch in NO_LINE_START:  # `票」`, `し、`: the mark goes with it
        k += 1
    return grp[k].x1 - grp[0].x0


# ---------------------------------------------------------------------------------------------
# joining wrapped lines

_BULLETS = "・•\uf0b7\uf0a7\uf06c\uf06e‣◦▪"
_NO_END = frozenset("（(「『【〔〈《［[｛{‘“")
# bullets a renderer draws (not the text's own ・); U+F0xx: Symbol and Wingdings bullets of Word
_DRAWN_BULLETS = "•\uf0b7\uf0a7\uf06c\uf06e‣◦▪"
_LEADING = _BULLETS + CIRCLED + " "
_MID_BULLET_RE = re.compile("\\s[・•\uf0b7①-⑳]")


def is_wide(ch: str) -> bool:
    """A character of Japanese text (kana, kanji, full-width and East Asian marks such as ①※◆)."""
    w = _WIDTH.get(ch)
    if w is None:
        w = _WIDTH[ch] = ch >= "\u2e80" or (ch > "\u00ff" and east_asian_width(ch) in "WFA")
    return w


_WIDTH: dict[str, bool] = {}


def _starts_bullet(text: str) -> bool:
    return bool(text) and (text[0] in _BULLETS or text[0] in CIRCLED)


def join_sep(prev: TextLine, nxt: TextLine, right: float) -> str:
    """What stood where `prev` wrapped onto `nxt`: nothing (a full Japanese line) or a space.

    A line breaks where the next piece does not fit.  When the first piece of `nxt` would have fit
    at the end of `prev`, the break was at a space or a hard break, and a space stands for it.
    """
    a, b = prev.text[-1], nxt.text[0]
    if not (is_wide(a) or is_wide(b)):
        return " "  # Latin text wraps at spaces
    if prev.space_end:
        return " "  # the PDF writes the space the line broke at
    room = right - prev.x1
    if a in ",.;:!?":
        return " "  # Latin punctuation is followed by a space
    return " " if room >= nxt.lead + 0.25 * max(prev.em, 1.0) else ""


def _join(lines: list[TextLine], right: float) -> str:
    out = lines[0].text
    for prev, nxt in itertools.pairwise(lines):
        out += join_sep(prev, nxt, prev.right or right) + nxt.text
    return out


def _inner_right(lines: list[TextLine], left: float, right: float) -> float:
    """Where a full line of the cell ends: its right border less the padding seen on the left."""
    em = max(lines[0].em, 1.0)
    pad = max(0.0, min(min(ln.x0 for ln in lines) - left, 0.6 * em))  # more: centred, not padding
    return right - pad


def cell_text(lines: list[TextLine], left: float, right: float) -> str:
    """A cell's content on one line: a list as `<ul><li>…</li></ul>`, other text joined."""
    if not lines:
        return ""
    inner = _inner_right(lines, left, right)
    starts = [i for i, ln in enumerate(lines) if _starts_bullet(ln.text)]
    marks = [lines[i].text[0] for i in starts]
    circled = sum(1 for m in marks if m in CIRCLED)
    as_list = starts[:1] == [0] and not any(_MID_BULLET_RE.search(ln.text.lstrip(_LEADING)) for ln in lines)
    if as_list and circled and (circled < 2 or circled != len(marks)):
        as_list = False  # one numbered label (`①保健医療…`) is text, not a list
    if not as_list:
        return _join(lines, inner)
    items: list[list[TextLine]] = []
    for i, ln in enumerate(lines):
        if i in starts or not items:
            items.append([ln])
        else:
            items[-1].append(ln)
    out = []
    for it in items:
        text = _join(it, inner)
        if text[0] in _DRAWN_BULLETS:
            text = text[1:].lstrip()
            if text and text[0] not in "・" + CIRCLED:
                text = "・" + text
        out.append(f"<li>{text}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def table_rows(table: Table) -> list[str]:
    """The rows of a table, cells joined by tabs; a spanned cell written in its first row only."""
    texts = [
        cell_text(lines, table.xs[s[2]], table.xs[s[3] + 1]) for lines, s in zip(table.lines, table.spans, strict=True)
    ]
    rows = []
    for r, owners in enumerate(table.owner):
        if r in table.dropped:
            continue
        cells: list[str] = []
        prev = -1
        for k in owners:
            if k == prev:
                continue
            prev = k
            cells.append(texts[k] if table.spans[k][0] == r else "")
        if len(cells) == 1:
            cells.append("")  # a row of one cell stays a table row
        rows.append("\t".join(cells))
    return rows


def _row_cells(table: Table, r: int) -> list[int]:
    """The cells that start in row r."""
    out: list[int] = []
    for k in table.owner[r]:
        if table.spans[k][0] == r and k not in out:
            out.append(k)
    return out


def join_parts(upper: Table, lower: Table, upper_continues: bool) -> None:
    """Mend a table broken by a page: a cell cut in two is joined, a row cut off empty dropped.

    A cell is cut in two when the page ends inside it: its text above runs to the bottom of the
    cell and to its right edge, mid-sentence.  The cell in the same columns below the break carries
    it on when it spans more rows than its neighbours there (a row-spanned cell cut between its
    rows), or when every cell of the first row below carries on a cut cell (a row cut in two).
    """
    last = len(upper.owner) - 1
    pairs: dict[int, int] = {}  # lower cell -> the upper cell it carries on, when it can
    firsts = _row_cells(lower, 0)
    for k in firsts:
        if not lower.lines[k]:
            continue
        s = lower.spans[k]
        x0, x1 = lower.xs[s[2]], lower.xs[s[3] + 1]
        for j in dict.fromkeys(upper.owner[last]):
            u = upper.spans[j]
            if u[0] == 0 and not upper_continues:
                continue  # the first row of a table left at the foot of a page: its header row
            if abs(upper.xs[u[2]] - x0) <= _MIN_GAP and abs(upper.xs[u[3] + 1] - x1) <= _MIN_GAP:
                if _cut_off(upper, j, lower.lines[k][0]):
                    pairs[k] = j
                break
    texts = [k for k in firsts if lower.lines[k]]
    whole_row = bool(texts) and all(k in pairs for k in texts)
    for k, j in pairs.items():
        rowspan = lower.spans[k][1] > 0 and any(lower.spans[m][1] == 0 for m in firsts)
        if whole_row or rowspan:
            upper.lines[j].extend(lower.lines[k])
            lower.lines[k] = []
    if all(not upper.lines[k] for k in _row_cells(upper, last)):
        upper.dropped.add(last)  # the top of a row whose text all went to the next page
    if all(not lower.lines[k] for k in firsts):
        lower.dropped.add(0)  # the bottom of a row whose text all stayed on the page before


def _cut_off(table: Table, j: int, head: TextLine) -> bool:
    """Cell j's text ends at the bottom of the cell, on a full line mid-sentence or between list items."""
    lines = table.lines[j]
    if not lines:
        return False
    s = table.spans[j]
    top, bottom = table.ys[s[0]], table.ys[s[1] + 1]
    tail = lines[-1]
    em = max(tail.em, 1.0)
    if bottom - tail.bottom > (lines[0].top - top) + 2.5 * em:
        return False  # room for more lines below the text: the cell ended there
    if _starts_bullet(lines[0].text) and _starts_bullet(head.text):
        return True  # a list cut between its items
    inner = _inner_right(lines, table.xs[s[2]], table.xs[s[3] + 1])
    return tail.text[-1] not in _SENTENCE_END and _full(tail, head, inner)


_SENTENCE_END = frozenset("。．.!?！？")


def _full(prev: TextLine, nxt: TextLine, right: float) -> bool:
    """`prev` ends where the line is full: `nxt` could not have started on it."""
    return right - prev.x1 < nxt.lead + 0.25 * max(prev.em, 1.0)


# ---------------------------------------------------------------------------------------------
# a page: tables and free text, in reading order


def page_blocks(page: Page) -> list[Block]:
    """The page's text lines and tables, top to bottom."""
    found = find_tables(page.rules)
    tables = [t for t in found if len(t.spans) > 1]
    # a table drawn inside another's cell is part of that cell: its text is the cell's
    tables = [t for t in tables if not any(_inside(t, o) for o in tables)]
    frames = [t for t in found if len(t.spans) == 1]
    free: list[Glyph] = []
    cells: list[list[list[Glyph]]] = [[[] for _ in t.spans] for t in tables]
    boxes = [(t.xs[0] - 1, t.ys[0] - 1, t.xs[-1] + 1, t.ys[-1] + 1) for t in tables]
    for g in page.glyphs:
        cx = (g.x0 + g.x1) / 2
        cy = (g.top + g.bottom) / 2
        for n, (t, (bx0, by0, bx1, by1)) in enumerate(zip(tables, boxes, strict=True)):
            if bx0 <= cx <= bx1 and by0 <= cy <= by1:
                c = min(max(bisect_right(t.xs, cx) - 1, 0), len(t.xs) - 2)
                r = min(max(bisect_right(t.ys, cy) - 1, 0), len(t.ys) - 2)
                cells[n][t.owner[r][c]].append(g)
                break
        else:
            free.append(g)
    for t, glyphs in zip(tables, cells, strict=True):
        t.lines = [build_lines(g) for g in glyphs]
    lines = build_lines(free)
    for f in frames:
        _frame_edge(f, lines)
    blocks = [Block(page.number, ln.top, line=ln) for ln in lines]
    blocks += [Block(page.number, t.top, table=t) for t in tables]
    blocks.sort(key=lambda b: b.top)
    return blocks


def _inside(inner: Table, outer: Table) -> bool:
    """`inner` lies within `outer`'s edges and is the smaller of the two."""
    return (
        outer.xs[0] - _SNAP <= inner.xs[0]
        and inner.xs[-1] <= outer.xs[-1] + _SNAP
        and outer.top - _SNAP <= inner.top
        and inner.bottom <= outer.bottom + _SNAP
        and _area(inner) < _area(outer)
    )


def _area(t: Table) -> float:
    return (t.xs[-1] - t.xs[0]) * (t.bottom - t.top)


def _frame_edge(frame: Table, lines: list[TextLine]) -> None:
    """Lines in a frame wrap at its inner edge: its right side less the padding seen on the left."""
    x0, x1, top, bottom = frame.xs[0], frame.xs[-1], frame.ys[0], frame.ys[-1]
    inside = [ln for ln in lines if x0 <= ln.x0 and ln.x1 <= x1 + 1 and top <= ln.top and ln.bottom <= bottom + 1]
    if inside:
        pad = max(0.0, min(min(ln.x0 for ln in inside) - x0, 2.0 * max(inside[0].em, 1.0)))
        for ln in inside:
            ln.right = x1 - pad


_SECTION_RE = re.compile(r"[0-9０-９]{1,2}[ \u3000]")
_PAGE_NUMBER_RE = re.compile(r"[-－–—]\s?[0-9０-９]{1,3}\s?[-－–—]")
_ITEM_MARKS = frozenset(_BULLETS + CIRCLED + "◆◇■□●○◎★☆")  # a line starting with one is a list item


def assemble(pages: Sequence[Page]) -> tuple[list[str], list[int]]:
    """The document's lines in the samples' form, and the page of each."""
    blocks: list[Block] = []
    broken = False  # a page break or a page number stands between the last block and this one
    for b in (b for p in pages for b in page_blocks(p)):
        if b.line is not None and _PAGE_NUMBER_RE.fullmatch(b.line.text):
            broken = True  # page furniture: dropped
            continue
        before = blocks[-1] if blocks else None
        broken = broken or (before is not None and before.page != b.page)
        if broken and b.table is not None and before is not None and before.table is not None:
            b.continues = _same_columns(before.table.xs, b.table.xs)
            if b.continues:
                join_parts(before.table, b.table, before.continues)
        b.broken = broken
        blocks.append(b)
        broken = False
    lines = [b.line for b in blocks if b.line is not None]
    right = _column_right(lines)
    gap = _line_gap(lines, right)
    body = _body_em(lines)
    w = _Writer()
    prev: Block | None = None
    for b in blocks:
        if b.table is not None:
            w.flush(right)
            if not b.continues:
                w.blank(b.page)
            w.add(table_rows(b.table), b.page)
        elif b.line is not None:
            ln = b.line
            last: TextLine | None = prev.line if prev is not None else None
            if w.para and last is not None and _continues(last, ln, right, gap, b.broken):
                w.para.append(ln)
            else:
                was_item = w.flush(right)
                item = ln.text[0] in _ITEM_MARKS
                near = last is not None and not b.broken and ln.top - last.bottom <= (gap + 0.15) * max(ln.em, 1.0)
                # a section heading (a number and a title, in larger type than the text) is followed
                # directly by the next line, as in the samples: a title wrapped there reads on
                heading = last is not None and last.em > 1.1 * body and _SECTION_RE.match(last.text) is not None
                if not (near or heading or (item and was_item and last is not None)):
                    w.blank(b.page)
                w.para.append(ln)
                w.para_page = b.page
        prev = b
    w.flush(right)
    while w.out and w.out[-1] == "":
        w.out.pop()
        w.where.pop()
    return w.out, w.where


def _column_right(lines: list[TextLine]) -> float:
    """The right edge of the text column: where most full lines end."""
    rights = sorted(ln.x1 for ln in lines)
    return rights[int(len(rights) * 0.95)] if rights else 0.0


def _body_em(lines: list[TextLine]) -> float:
    """The size of the body text: the size most of the text is set in."""
    weight: dict[float, int] = {}
    for ln in lines:
        key = round(ln.em, 1)
        weight[key] = weight.get(key, 0) + len(ln.text)
    return max(weight, key=lambda k: weight[k]) if weight else 0.0


def _line_gap(lines: list[TextLine], right: float) -> float:
    """The space between the lines of one paragraph, in ems: below a full line, to the next line."""
    pairs = [
        ((nxt.top - prev.bottom) / max(prev.em, 1.0), right - prev.x1 < 1.5 * prev.em)
        for prev, nxt in itertools.pairwise(lines)
        if 0 <= nxt.top - prev.bottom < prev.em and abs(prev.em - nxt.em) < 0.5
    ]
    wrapped = sorted(g for g, full in pairs if full)
    if len(wrapped) >= 2:
        return wrapped[len(wrapped) // 2]
    return min((g for g, _ in pairs), default=0.5)


class _Writer:
    """The output lines and their pages, and the paragraph being gathered."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.where: list[int] = []
        self.para: list[TextLine] = []
        self.para_page = 0

    def add(self, lines: list[str], page: int) -> None:
        self.out.extend(lines)
        self.where.extend([page] * len(lines))

    def blank(self, page: int) -> None:
        if self.out and self.out[-1] != "":
            self.add([""], page)

    def flush(self, right: float) -> bool:
        """Write the paragraph; whether it was a list item."""
        if not self.para:
            return False
        text = _join(self.para, right)
        self.para.clear()
        item = text[0] in _ITEM_MARKS
        if text[0] in _DRAWN_BULLETS:
            text = text[1:].lstrip()  # the renderer's bullet: the samples' `- ` stands for it
        if item:
            text = "- " + text  # a list item, as the samples write one
        self.add([text], self.para_page)
        return item


def _same_columns(a: list[float], b: list[float], tol: float = 3.0) -> bool:
    """Tables with the same outer edges whose column lines agree: the parts of one table."""
    if abs(a[0] - b[0]) > tol or abs(a[-1] - b[-1]) > tol:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(abs(x - y) <= tol for y in large) for x in small[1:-1])


def _continues(prev: TextLine, nxt: TextLine, right: float, gap: float, broken: bool) -> bool:
    """`nxt` carries on the paragraph of `prev`: same size, close below, and `prev` was full."""
    em = max(prev.em, 1.0)
    if abs(prev.em - nxt.em) > 0.15 * em:
        return False
    if not broken and nxt.top - prev.bottom > (gap + 0.3) * em:
        return False
    if nxt.text[0] in _ITEM_MARKS or nxt.x0 < prev.x0 - 1.5 * em:
        return False
    return _full(prev, nxt, prev.right or right)
