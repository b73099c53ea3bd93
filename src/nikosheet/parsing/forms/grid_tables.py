"""Pandoc's grid tables and its simple and multiline tables (`-t markdown`, `-t plain`, with or
without `--wrap=none`): columns placed by display width, a cell's text wrapped over lines.

A grid table (written when a cell holds a list):

    +--------------+----------------+
    | 長期入院者の | -   ・病院訪問 |
    | 退院支援     |     を広げる   |
    |              |                |
    |              | -   ・研修     |
    +--------------+----------------+
    |              | 医療           |
    +--------------+----------------+

becomes `長期入院者の退院支援⇥<ul><li>・病院訪問を広げる</li><li>・研修</li></ul>` at the row's
first line and `⇥医療` (a row-spanned cell is blank below its first row, as in the samples); a
multiline table (rows separated by blank lines between dashed rules) likewise:

      ---------- ----------------
      平成18年度 社会福祉法人
                 そよかぜ会

      R6年度     ・全4病院への訪問
                 ・養成講座の開催
      ---------- ----------------

becomes `平成18年度⇥社会福祉法人 そよかぜ会` and `R6年度⇥<ul><li>・全4病院への訪問</li><li>・養成講座の開催</li></ul>`.
Wrapped lines are joined without a space between wide characters (Japanese wraps anywhere), with
one where the wrap was at a space (an indented line after a full one is a new word); a line that
starts with a bullet starts an item, a markdown one (`-`) a list's, `・` an inline list's.  Borders and
rules become layout (None).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, char_width, display_width, join_wrapped
from nikosheet.parsing.forms.template_tables import LIST_BULLETS

# matched against lines stripped of spaces and tabs: a leading `[ \t]*` would make a search rescan a
# long run of them from every start
_BORDER_RE = re.compile(r"\+(?:[-=:]+\+)+")
_RULE_RE = re.compile(r"-+(?: +-+)*")  # a rule when one run has 3 dashes or more
_MARKER_RE = re.compile(r"(?:[-*+]|[0-9]{1,2}[.)]|\(?[a-zA-Z][.)])(?:[ \t]+|$)")
_ESCAPED_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # markdown's backslash escape of ASCII punctuation
_BULLET_FIRST = frozenset("・･①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳◆◇■□●○◎★☆")


def apply(state: FormState) -> None:
    """Rewrite every grid table and every simple or multiline table pandoc wrote."""
    if not signals.grid_tables(state.source):
        return
    lines = state.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        last = None
        if line is not None and "--" in line:
            if _BORDER_RE.fullmatch(line.strip(" \t")):
                last = _grid_table(state, i)
            elif _is_rule_line(line):
                last = _rule_table(state, i)
        i = i + 1 if last is None else last + 1


# grid tables


def _grid_table(state: FormState, first: int) -> int | None:
    """Rewrite the grid table whose top border is at `first`; the index of its last line."""
    lines = state.lines
    last = first
    while last + 1 < len(lines) and (lines[last + 1] or "").lstrip()[:1] in ("|", "+"):
        last += 1
    if last == first:
        return None
    top = lines[first] or ""
    bounds = [p for p, ch in _positions(top) if ch == "+"]
    texts: dict[int, list[list[str]]] = {}  # row's first line → its cells' lines
    owner: list[int | None] = [None] * (len(bounds) - 1)  # column → the row its open cell belongs to
    row: int | None = None
    for i in range(first, last + 1):
        segments = _segments(lines[i] or "", bounds)
        ruled = [_is_rule(s) for s in segments]
        if any(ruled):
            row = None
            owner = [None if r else o for r, o in zip(ruled, owner, strict=True)]
            continue
        if row is None:
            row = i
            texts[row] = [[] for _ in owner]
        for col, segment in enumerate(segments):
            start = owner[col]
            if start is None:
                start = owner[col] = row
            texts[start][col].append(segment)
    for i in range(first, last + 1):
        lines[i] = None
    widths = [right - left - 3 for left, right in itertools.pairwise(bounds)]
    for index, cells in texts.items():
        values = [_grid_cell(c, w) for c, w in zip(cells, widths, strict=True)]
        if any(values):
            lines[index] = "\t".join(values)
    return last


def _positions(line: str) -> Iterator[tuple[int, str]]:
    """Each character with the display column where it starts."""
    pos = 0
    for ch in line:
        yield pos, ch
        pos += char_width(ch)


def _segments(line: str, bounds: list[int]) -> list[str]:
    """The text between consecutive column bounds (display columns), the walls left out; a cell
    spanning columns (no wall at a bound) is one segment followed by empty ones."""
    stripped = line.strip()
    if stripped[:1] == "|" and stripped.count("|") == len(bounds):
        return stripped[1:-1].split("|")  # pandoc shifts a wall where a wide character overflows
    chars: list[list[str]] = [[] for _ in range(len(bounds) - 1)]
    merged: set[int] = set()  # bounds crossed by a cell's text instead of a wall
    for pos, ch in _positions(line):
        k = bisect.bisect_right(bounds, pos) - 1  # the segment right of the last bound at or before pos
        if not 0 <= k < len(chars):
            continue  # outside the outer walls: only the walls themselves are there
        if pos == bounds[k]:
            if ch in "|+":
                continue
            if k:
                merged.add(k)
        chars[k].append(ch)
    pieces = ["".join(c) for c in chars]
    for k in sorted(merged, reverse=True):  # columns merged where a wall is missing: text to the first
        pieces[k - 1] += pieces[k]
        pieces[k] = ""
    return pieces


def _is_rule(segment: str) -> bool:
    """A border's segment: dashes (or `=`) from wall to wall; a cell's lone list marker has spaces."""
    return bool(segment) and not segment.strip("-=:")


def _grid_cell(lines: list[str], width: int) -> str:
    """A grid cell's lines as one: blank lines and hard breaks part paragraphs, list markers start
    items, other lines continue the text."""
    pieces: list[tuple[str, bool]] = []
    above = ""  # the line above, without its list marker
    above_indent = 0
    fresh = True  # the next line starts a piece (after a blank line or a hard break, or first)
    pending = "-"  # the marker of the last item
    for raw in lines:
        indent = len(raw) - len(raw.lstrip())
        text, hard_break = _line_text(raw.strip())
        if not text:
            fresh = True
            continue
        # `  > 年40回`: a block quote that pandoc set in the item above (an escaped `\>` is text)
        if raw.lstrip().startswith(">") and indent and pieces and pieces[-1][1] and text[1:].strip():
            text = text[1:].strip()
            pieces[-1] = (f"{pieces[-1][0]} {text}".strip(), True)  # the item's next line, a space between
            above, above_indent, fresh = text, indent, hard_break
            continue
        marker = _MARKER_RE.match(text)
        if marker:
            pending = marker.group(0).strip()
            pieces.append((_item_start(pending, text[marker.end() :]) if text[marker.end() :] else "", True))
        elif fresh or not pieces:
            pieces.append((text, False))
        elif not pieces[-1][0]:  # the item's marker stood alone on the line above
            pieces[-1] = (_item_start(pending, text), True)
        else:
            head = pieces[-1][0]
            if text[0] in LIST_BULLETS:  # `・a` / `・b`: the items of an inline list, a space between
                pieces[-1] = (f"{head} {text}", pieces[-1][1])
            elif indent <= above_indent and (display_width(above) >= width or _inside_text(above, text, width)):
                pieces[-1] = (head + text, pieces[-1][1])  # a full line above: a word cut
            else:
                pieces[-1] = (join_wrapped(head, text, _cut_word(above, text, width)), pieces[-1][1])
        above = text[marker.end() :] if marker else text
        above_indent = indent
        fresh = hard_break
    return cell_line(pieces)


def _line_text(text: str) -> tuple[str, bool]:
    """The line with pandoc markdown's escapes undone (`\\<br\\>` → `<br>`), without its hard line
    break (a `\\` at its end), and whether it had one."""
    hard = text.endswith("\\") and not text.endswith("\\\\")
    if hard:
        text = text[:-1].rstrip()
    return _ESCAPED_RE.sub(r"\1", text) if "\\" in text else text, hard


def _cut_word(above: str, text: str, width: int) -> bool:
    """Whether the wrap between the line `above` and `text` may have cut a word: pandoc cuts only a
    word wider than the column, and such a word starts a line of its own."""
    above = above.strip()
    return " " not in above and display_width(above + text.split(None, 1)[0]) > width


def _inside_text(above: str, text: str, width: int) -> bool:
    """Whether pandoc wrapped inside a Japanese text, not at a space (`絡会を年3` / `回開催する`): the next
    line's first character did not fit, and a wide character stands at the break (a space between a
    word and a count that did fit, `説明会` / `2回`, was the author's)."""
    above = above.rstrip()
    if not above or display_width(above) + char_width(text[0]) <= width:
        return False
    return char_width(above[-1]) == 2 or char_width(text[0]) == 2


def _item_start(marker: str, text: str) -> str:
    """An item's text with the bullet the DOCX reader gives it: its own, `・`, or its number."""
    if marker[0].isdigit() or marker[0] == "(" or marker[0].isalpha():
        return f"{marker} {text}".strip()
    return text if text[:1] in _BULLET_FIRST else "・" + text


# simple and multiline tables


def _rule_table(state: FormState, first: int) -> int | None:
    """Rewrite the table whose dashed rule is at `first`; the index of its last line."""
    lines = state.lines
    columns = _groups(lines[first])
    header: list[int] = []
    if len(columns) == 1:  # a multiline table's full-width top rule: header lines, then the column rule
        rule = _next_rule(lines, first, 0)
        if rule is None or rule == first + 1 or len(_groups(lines[rule])) < 2:
            return None
        header = [i for i in range(first + 1, rule) if (lines[i] or "").strip()]
        columns = _groups(lines[rule])
        body, last = rule + 1, _next_rule(lines, rule, 1)
    elif first > 0 and (lines[first - 1] or "").strip():  # a simple table's header line, body to a blank line
        header = [first - 1]
        body, last = first + 1, _next_blank(lines, first)
        first -= 1
    else:  # no header: the body runs to a rule like the top one
        body, last = first + 1, _next_rule(lines, first, len(columns))
    if last is None or len(columns) < 2:
        return None
    rows = ([header] if header else []) + _body_rows(lines, body, last, multiline=len(_groups(lines[first])) == 1)
    rewritten = [(group[0], _rule_row([lines[i] or "" for i in group], columns)) for group in rows]
    for i in range(first, last + 1):
        lines[i] = None
    for index, text in rewritten:
        if text.strip("\t"):
            lines[index] = text
    return last


def _is_rule_line(line: str) -> bool:
    return "---" in line and _RULE_RE.fullmatch(line.strip(" \t")) is not None


def _groups(line: str | None) -> list[tuple[int, int]]:
    """The (start, end) columns of a dashed rule's runs of dashes."""
    return [(m.start(), m.end()) for m in re.finditer("-+", line or "")]


def _next_rule(lines: list[str | None], start: int, groups: int) -> int | None:
    """The first dashed rule after `start` (with `groups` runs of dashes when not 0)."""
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line is not None and "--" in line and _is_rule_line(line):
            return i if not groups or len(_groups(line)) == groups else None
    return None


def _next_blank(lines: list[str | None], start: int) -> int:
    """The last line before the first blank line after `start`."""
    i = start
    while i + 1 < len(lines) and (lines[i + 1] or "").strip():
        i += 1
    return i


def _body_rows(lines: list[str | None], first: int, last: int, multiline: bool) -> list[list[int]]:
    """The body's rows: blank-separated groups of lines (a multiline table, or any table with blank
    lines between its rows) or one line each."""
    filled = [i for i in range(first, last + 1) if (lines[i] or "").strip() and not _is_rule_line(lines[i] or "")]
    if not multiline and len(filled) == last + 1 - first - (1 if _is_rule_line(lines[last] or "") else 0):
        return [[i] for i in filled]
    rows: list[list[int]] = []
    for i in filled:
        if rows and rows[-1][-1] == i - 1:
            rows[-1].append(i)
        else:
            rows.append([i])
    return rows


def _rule_row(row_lines: list[str], columns: list[tuple[int, int]]) -> str:
    """A simple or multiline table's row: each line cut at the columns' starts, each cell joined."""
    starts = [start for start, _ in columns]
    cells: list[list[str]] = [[] for _ in columns]
    for line in row_lines:
        parts: list[list[str]] = [[] for _ in columns]
        col = 0
        for pos, ch in _positions(line):
            while col + 1 < len(starts) and pos >= starts[col + 1]:
                col += 1
            parts[col].append(ch)
        for cell, part in zip(cells, parts, strict=True):
            cell.append("".join(part))
    return "\t".join(_rule_cell(c, end - start) for c, (start, end) in zip(cells, columns, strict=True))


def _rule_cell(lines: list[str], width: int) -> str:
    """A cell's lines as one: a line that starts with a bullet, or follows a hard break, starts a
    piece; other lines continue the text."""
    pieces: list[tuple[str, bool]] = []
    above = ""  # the line above
    fresh = True
    for raw in lines:
        text, hard_break = _line_text(raw.strip())
        if not text:
            continue
        had_room = display_width(above) + char_width(text[0]) <= width
        if fresh or not pieces or text[0] in _BULLET_FIRST:
            pieces.append((text, text[0] in _BULLET_FIRST))
        else:
            head = pieces[-1][0]
            if " " not in above and _inside_text(above, text, width):  # a line of words wraps at a space
                pieces[-1] = (head + text, pieces[-1][1])
            else:
                chopped = not had_room and _cut_word(above, text, width)
                pieces[-1] = (join_wrapped(head, text, chopped), pieces[-1][1])
        above = text
        fresh = hard_break
    return cell_line(pieces)
