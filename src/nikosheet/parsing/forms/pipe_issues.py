"""Section 5's issues' table as markitdown writes it from a PDF whose role column ran into its work.

Where no rule stood between an issue's role and its work on the page, pdfplumber's table finder
(markitdown's) reads them as one column (`行政 ・病院訪問の実施`), and most of a long issue's lines
fall outside the table: the lines of its policy and of its roles' work side by side, a space between
them where both columns had a line at the same height, one of them where only one had:

    | 1年以上の長期入院者が2,468人と多く、退 | ・全19病院への訪問を継 | 行政 ・病院訪問の実施、訪問結果 |
    | ---------------------- | ------------ | ---------------- |
    | 院可能とされながら、退院後の住まいや日    | 続し、退院支援委員会に地 | の集計と分析           |
    健福祉課と基幹相談支援セ ・ピアサポーターの養成と派
    つくる
    医療 ・退院支援委員会への地域の
    ・グループホームの体験利
    支援者の参加の受入れ

Each issue is read as three streams of text — its issue, its policy and its current role's work —
and written in the samples' form: the issue's row (`課題⇥方針⇥行政⇥work`) at its first line, a row
for each later role (`⇥⇥医療⇥work`) at the line of its label.  A line that starts with a role's word
starts that role's row (`その他` / `関係機` / `関・住` / `民等`: its label's wrapped rest goes back to
it); a line whose words stand apart where the policy's column ends holds a piece of each; a line of
one piece goes on in the column it fits: one wider than the policy's column is work; else the column
whose last line was full (a wrap) and that the piece goes on from (not a new `・` item), or that opens
a new item after a line that ended; where both could take it, the lines of the two columns alternate.
The issues are read up to a row of another shape (a later issue, after a page break, whose role has a
column of its own: `| 精神障害に対する… | | | 当事者・家族の語り | 行政 | こころの健康講座… |`), which the
other rewrites read as written.
"""

from __future__ import annotations

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState
from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms.pipe_rows import ITEM_START, PipeRow, is_header_row, join_text
from nikosheet.parsing.lines import squeeze
from nikosheet.vocabulary import INDICATORS_HEAD, ISSUE_COLUMNS, ROLES

_ISSUE = ISSUE_COLUMNS["issue"]  # 課題, the header's first cell, which an issue's line may start with
_ROLE_WORDS = tuple(ROLES.values())  # 行政 first: the row that opens an issue
_LAST_ROLE = _ROLE_WORDS[-1]  # その他関係機関・住民等, which wraps in its narrow column
_STRAY_MAX = 50  # longer lines after the table are paragraphs, not a cell's lines
_SHOWN = 30  # an issue's first characters, to name it in a diagnostic
_MERGED = 3  # the issues' table's columns where a role ran into its work: 課題, 方針, role and work
_SLACK = 4  # a line narrower than its column by less (one wide character) was full: wrapped at its end


def _role(text: str) -> bool:
    """An issue's role, or the start of the last one's label where it wraps (`その他関係機`)."""
    return text in _ROLE_WORDS or (len(text) >= 3 and _LAST_ROLE.startswith(text))


def _merged(r: PipeRow) -> bool:
    """A row whose last cell is a role's word and its work (`行政 ・病院訪問の実施`)."""
    last = next((c for c in reversed(r.cells) if c), "")
    label, _, work = last.partition(" ")
    return len(r.cells) >= _MERGED and last != r.cells[0] and bool(work.strip()) and _role(label)


def issue_head(r: PipeRow) -> bool:
    """The issues' header row (`| 課題 | | 課題解決に向けた取組方針 | … |`)."""
    cells = [squeeze(c) for c in r.cells if c.strip()]
    return len(cells) >= 2 and cells[0] == ISSUE_COLUMNS["issue"] and cells[1] == ISSUE_COLUMNS["policies"]


def _header(r: PipeRow) -> bool:
    """A table's header row, not an issue's line that starts with the header's word (`課題を市全体で…`,
    where the header is `課題` or the indicators' `課題解決の達成度を測る指標`)."""
    first = squeeze(r.cells[0]) if r.cells else ""
    issue = first.startswith(_ISSUE) and first != _ISSUE and not first.startswith(INDICATORS_HEAD)
    return is_header_row(r) and not issue


def roles_apart(rows: list[PipeRow]) -> bool:
    """Set each row's role apart from its work where the table ran them into one column, so that the
    rows have the template's four cells (`課題…`, `・方針…`, `行政`, `・病院訪問の実施`); whether any was.

    Only where some row's last cell starts with a role's word and its work; in each markdown table of
    such rows the columns none of its rows fills are left out first (markitdown keeps a column there
    that only the header fills), and a row of three cells then gets an empty role (the wrapped lines
    of the role above)."""
    if not any(_merged(r) for r in rows if not r.stray and not _header(r)):
        return False
    tables: dict[int, list[PipeRow]] = {}
    for r in rows:
        if not r.stray and r.cells and not _header(r) and not issue_head(r):
            tables.setdefault(r.table, []).append(r)
    kept: dict[int, list[int]] = {}  # the columns kept in a table of so many cells: those of a later one
    for table in tables.values():
        width = len(table[0].cells)
        if any(len(r.cells) != width for r in table) or any(_role(squeeze(c)) for r in table for c in r.cells[:-1]):
            continue  # rows of another shape, or whose role stands in a column of its own
        keep = [j for j in range(width) if width == _MERGED or any(r.cells[j] for r in table)]
        if len(keep) == _MERGED and keep[0] == 0 and any(map(_merged, table)):  # (a last column left empty too)
            kept[width] = keep
        elif width in kept and set(keep) <= set(kept[width]):  # a table whose last column is empty
            keep = kept[width]
        elif width != _MERGED:
            continue
        for r in table:
            cells, raw = [r.cells[j] for j in keep], [r.raw[j] for j in keep]
            label, _, work = cells[-1].partition(" ")
            if _role(label):
                r.cells, r.raw = [*cells[:-1], label, work.strip()], [*raw[:-1], f" {label} ", raw[-1]]
            else:
                r.cells, r.raw = [*cells[:-1], "", cells[-1]], [*raw[:-1], "", raw[-1]]
    return True


class _Issue:
    """One issue being read: its issue's and policy's text, and its roles' labels and work."""

    __slots__ = ("first", "guessed", "issue", "policy", "roles")

    def __init__(self, first: int, issue: str, policy: str) -> None:
        self.first = first
        self.issue = issue
        self.policy = policy
        self.guessed = 0  # lines dealt to a column by the order of the columns' lines alone
        self.roles: list[list[str | int]] = []  # [line, label, work]

    def role(self, index: int, label: str, work: str) -> None:
        self.roles.append([index, label, work])

    def work(self, piece: str) -> None:
        role = self.roles[-1]
        role[2] = join_text(str(role[2]), piece)


def rewrite(state: FormState, rows: list[PipeRow], after: int) -> tuple[list[PipeRow], list[PipeRow], int] | None:
    """Rewrite the issues' rows of a table whose role ran into its work (see the module's docstring);
    the rows before and after them, for the other rewrites, and the line after the table (past the
    last roles' lines after its last row), or None where the table is not such."""
    merged = next((k for k, r in enumerate(rows) if not r.stray and not _header(r) and _merged(r)), -1)
    if merged < 0:
        return None
    # the issues' rows end at the next table's header (the indicators'): the rows after it stay as written
    end = next(
        (k for k in range(merged, len(rows)) if not rows[k].stray and _header(rows[k]) and not issue_head(rows[k])),
        len(rows),
    )
    written = [(r.cells, r.raw) for r in rows[:end]]
    roles_apart(rows[:end])
    start = next((k for k, r in enumerate(rows[:end]) if not r.stray and issue_head(r)), -1)
    first = next(
        (k for k, r in enumerate(rows[:end]) if not r.stray and not _header(r) and len(r.cells) == len(_ROLE_WORDS)),
        -1,
    )
    if first >= 0:  # a later table whose role stands in a column of its own (after a page break) is not read here
        end = next((k for k in range(first, end) if not rows[k].stray and len(rows[k].cells) != len(_ROLE_WORDS)), end)
    body = [r for r in rows[first:end] if not r.stray]
    if first < 0 or rows[first].cells[2] != _ROLE_WORDS[0] or any(len(r.cells) != len(_ROLE_WORDS) for r in body):
        for r, (cells, raw) in zip(rows, written, strict=False):  # left to the other rewrites as written
            r.cells, r.raw = cells, raw
        return None
    start = start if 0 <= start < first else first
    reader = _Reader(state, body)
    for r in rows[first:end]:
        if r.stray:
            reader.line(r.index, r.stray)
        else:
            reader.row(r)
    while end == len(rows) and after < len(state.lines) and reader.goes_on((state.lines[after] or "").strip()):
        reader.line(after, (state.lines[after] or "").strip())  # the last issue's roles below its last row
        after += 1
    reader.write()
    if start < first:
        head_row = rows[start]
        state.lines[head_row.index] = "\t".join(
            [ISSUE_COLUMNS["issue"], ISSUE_COLUMNS["policies"], *[c for c in head_row.cells[2:] if c], ""]
        )
        start += 1
    return rows[:start], rows[end:], after


class _Reader:
    """The issues read from a table's rows and the lines between them, in the order of the lines."""

    __slots__ = ("ends", "issues", "last", "state", "wide", "widths")

    def __init__(self, state: FormState, body: list[PipeRow]) -> None:
        self.state = state
        self.issues: list[_Issue] = []
        self.wide = max(display_width(r.cells[1]) for r in body)  # the policy's column
        # the work's column: its wrapped lines' width, or its first lines' with their role's word
        works = [display_width(r.cells[3]) for r in body if not r.cells[2]]
        widths = works or [display_width(f"{r.cells[2]} {r.cells[3]}") for r in body]
        self.widths = {"policy": self.wide, "work": max(widths)}
        self.last = ""  # the column that took the last line of one piece: policy or work
        self.ends = {"policy": "", "work": ""}  # each column's last line

    def row(self, r: PipeRow) -> None:
        """A row of the table: a new issue at 行政, else its cells going on in the issue's."""
        issue, policy, label, work = r.cells
        if label == _ROLE_WORDS[0] or not self.issues:
            self.issues.append(_Issue(r.index, issue, policy))
            self.issues[-1].role(r.index, label, work)
        else:
            current = self.issues[-1]
            current.issue = join_text(current.issue, issue)
            current.policy = join_text(current.policy, policy)
            if label and not _label_goes_on(current, label):
                current.role(r.index, label, work)
            else:
                if label:  # the wrapped rest of the role's label above (`関係機`, then `関・住民等`)
                    current.roles[-1][1] = f"{current.roles[-1][1]}{label}"
                current.work(work)
                self.state.lines[r.index] = None
        ends = self.ends
        self.ends = {"policy": policy or ends["policy"], "work": f"{label} {work}" if label else work or ends["work"]}
        filled = "policy" if policy else "work" if label or work else self.last
        self.last = "" if policy and (label or work) else filled

    def line(self, index: int, text: str) -> None:
        """A line outside the table: a role's, the policy's and the work's side by side, or one of them."""
        current = self.issues[-1]
        self.state.lines[index] = None
        head, _, rest = text.partition(" ")
        if _label_goes_on(current, head):
            current.roles[-1][1] = f"{current.roles[-1][1]}{head}"
            current.work(rest.strip())
            self.ends["work"], self.last = text, "work"
            return
        if _role(head):
            current.role(index, head, rest.strip())
            self.ends["work"], self.last = text, "work"
            return
        cut = _cut(text, self.wide)
        if cut is not None and not _work_goes_on(text, self.widths, self.ends):
            current.policy = join_text(current.policy, cut[0])
            current.work(cut[1])
            self.ends, self.last = {"policy": cut[0], "work": cut[1]}, ""
            return
        stream, sure = _stream(text, self.widths, self.ends, self.last)
        current.guessed += not sure
        if stream == "policy":
            current.policy = join_text(current.policy, text)
        else:
            current.work(text)
        self.ends[stream] = text
        self.last = stream

    def goes_on(self, text: str) -> bool:
        """Whether a line after the table's last row is still its last issue's: a role's line, its label's
        wrapped rest, or the rest of a line of work that was wrapped."""
        if not text or len(text) > _STRAY_MAX or not self.issues:
            return False
        head = text.partition(" ")[0]
        if _role(head) or _label_goes_on(self.issues[-1], head):
            return True
        return " " not in text and text[0] not in ITEM_START and _open(self.ends["work"], self.widths["work"])

    def write(self) -> None:
        """Each issue's rows in the samples' form: its first at the issue's line, each role's at its own."""
        for item in self.issues:
            if item.guessed:
                message = messages.ISSUE_LINES_DEALT(issue=item.issue[:_SHOWN], count=item.guessed)
                self.state.note(Diagnostic.SHIFTED_CELL, item.first, str(message))
            for k, (index, role_label, role_work) in enumerate(item.roles):
                cells = [item.issue, item.policy] if k == 0 else ["", ""]
                self.state.lines[int(index)] = "\t".join([*cells, str(role_label), str(role_work)])


def _label_goes_on(issue: _Issue, piece: str) -> bool:
    """Whether `piece` is the wrapped rest of the last role's label (`その他` / `関係機`)."""
    if not issue.roles or not piece:
        return False
    label = str(issue.roles[-1][1])
    return label != _LAST_ROLE and label.startswith(_LAST_ROLE[:2]) and _LAST_ROLE.startswith(label + piece)


def _cut(text: str, wide: int) -> tuple[str, str] | None:
    """A line that holds a piece of the policy and a piece of the work, a space between where the
    policy's column ends (`健福祉課と基幹相談支援セ ・ピアサポーターの養成と派`): the two, or None."""
    at = -1
    while (at := text.find(" ", at + 1)) > 0:
        left = text[:at]
        if wide - _SLACK <= display_width(left) <= wide + 1 and text[at + 1 :].strip():
            return left, text[at + 1 :].strip()
    return None


def _stream(text: str, widths: dict[str, int], ends: dict[str, str], last: str) -> tuple[str, bool]:
    """The column a line of one piece goes on in (policy or work), and whether its width or the
    columns' last lines tell (else the order of the columns' lines, or the work's longer lists, do)."""
    if display_width(text) > widths["policy"] + 1:
        return "work", True
    item = text[0] in ITEM_START
    # a wrapped line goes on; a new item follows a line that ended
    takes = [name for name in ("policy", "work") if _open(ends[name], widths[name]) != item]
    if len(takes) == 1:
        return takes[0], True
    if not takes or not item:  # both could go on, or neither seems to: the two columns' lines alternate
        return "work" if last == "policy" else "policy", False
    return "work", False


def _work_goes_on(text: str, widths: dict[str, int], ends: dict[str, str]) -> bool:
    """Whether a line with a space where the policy's column would end is the work's alone: the work's
    last line was wrapped, the policy's ended a sentence, and the line fits the work's column
    (`②介` / `護支援専門員との同行訪問 ③グループホー`)."""
    policy = ends["policy"]
    return (
        _open(ends["work"], widths["work"])
        and (not policy or policy.endswith(_ENDS))
        and display_width(text) <= widths["work"] + 1
    )


_ENDS = ("。", "る")  # a policy's sentence ends: `…を広げる`, `…を検討する。`


def _open(piece: str, wide: int) -> bool:
    """Whether a column's last line was full (wrapped: its text goes on), and not a sentence's end."""
    if not piece or piece.endswith(("。", ".")):
        return False
    return display_width(piece) > wide - _SLACK
