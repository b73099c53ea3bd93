"""Table rows whose cells are centred vertically: a LibreOffice PDF in `pdftotext -layout`.

LibreOffice centres a cell's text in its row, so a short cell's lines stand between a tall cell's
lines, and a row's first line may hold no first cell at all.  What keeps a row together is the
blank line the converter writes between rows; what keeps a cell together is its column, the
positions that no text of the row crosses.  So each run of lines between blank lines is one row,
cut into columns at the positions blank in all of its lines, each column's lines joined top to
bottom:

    柏市精神障害にも対応した地域       保健, 医療, 福祉, 家族会, ピア    事業・取組み
                                             年1          市民, 市民関係団体, 民生委員等
    包括ケアシステム構築推進事業       サポーター, 行政機関の代表         報告方針等の
                                             回           の参画が望まれる
    (代表者会議)              者                      決定

becomes

    柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)⇥保健, …代表者⇥年1回⇥事業・…決定⇥市民, …望まれる

The converter sets a column one space after a line of wide text that fills the one before it, so a
one-space gap is a column's edge where another line of the row has a wider gap there, and beside
a count's or a date's narrow cell (`年 4`, `2 回`, `R5 年 11`); never a space of the text's own
(`R6 年`, `保健, 医療`).  A row that leaves the table's first column empty continues the group above
(a label spans it): it starts with an empty cell.  The template guides the rest: `centred_splits`
gives a row to each of several dates, roles, indicators or a history's entries in one block, and
moves an issue's cells to its first role's row; section 1's statistics are rebuilt by
`cell_lines_statistics` from the cells in reading order.  `layout_columns` calls this for
LibreOffice's text and folds the prose around the tables as for any laid-out text.
"""

from __future__ import annotations

import itertools
import re

from nikosheet.parsing.forms import cell_lines_statistics, template_tables
from nikosheet.parsing.forms._shared import PARTICLE
from nikosheet.parsing.forms.centred_splits import (
    DATE_RE,
    HEADER_CELL_RE,
    OTHERS,
    Row,
    centred_dates,
    entry_rows,
    gathered,
    roles_apart,
    row_head,
    sub_rows,
)
from nikosheet.parsing.forms.layout_lines import ITEM_BULLETS
from nikosheet.vocabulary import GOAL_LABELS, INDICATORS_HEAD, ROLES

_GAP_RE = re.compile(r"\S {2,}\S")
_SPACES_RE = re.compile(r" +")
_SPREAD_HEADER = INDICATORS_HEAD  # an indicators' header's first cell
# a frequency cell's pieces, as a narrow column wraps them: 年 4 / 回, 2 回 / /年, 月 1, 随時, 各区年 /
# 3 回程 / 度, and a date's, as a narrow first column wraps them: R5 年 11 / 月, 平成 16 / 年, 2016 年 /
# 度, 年度～
_COUNT_RE = re.compile(
    r"[年月週] ?[0-9０-９]{1,2}(?: ?回(?:程度?)?)?|[0-9０-９]{1,2} ?回(?:程度?| ?/ ?年?)?|/ ?年|回(?:程度?)?|随時"
    r"|各(?:区|圏域|市町村|町村)年(?: ?[0-9０-９]{1,2}(?: ?回(?:程度?)?)?)?"  # (`2 回/` / `年`; 各区年3回程度)
    r"|(?:19|20)[0-9]{2} ?年(?: ?[0-9０-９]{1,2})?"
    r"|(?:令和|平成|[RH]) ?[0-9０-９元●]{1,2}(?: ?年(?: ?[0-9０-９]{1,2})?)?|年度?[～〜~]?|度[～〜~]?"
)
_COUNT_PARTS = "年月週回/～~"
_UNITS = "人件名か所ヶカ箇%％"
_SECTION_TWO_RE = re.compile(r"[ \f\u3000]{0,8}[2２][.．]?[ \u3000]")
# the template's header rows' first cells: a new table, kept apart from the rows above it
_HEADERS = ("課題", "所管部署名", "連携部署名", "各部門の連携状況", "名称", "時期", "年度", "開催")
_LINE_HEADERS = _HEADERS[1:4]
# a history's or schedule's year and, one space on, the next cell's text (not the year's own words)
_YEAR_RE = re.compile(
    r"((?:(?:(?:令和|平成|[RH]) ?[0-9０-９元●]{1,2}|(?:19|20)[0-9]{2}) ?年(?:度[～〜~]?| ?[0-9０-９]{1,2} ?月)"
    r"|[0-9０-９]{1,2} ?月)) "
    r"(?!上半期|下半期|末|当初|中|から|まで|以降)(\S.*)"
)
# a date that a particle follows with no space: a sentence's first words (`令和 5 年度の意向調査では`), no cell
_SENTENCE_DATE_RE = re.compile(
    rf"(?:(?:令和|平成|[RH]) ?[0-9０-９元]{{1,2}}|(?:19|20)[0-9]{{2}}) ?年度?(?: ?[0-9０-９]{{1,2}} ?月)?{PARTICLE}"
)
# a year cut before its 年度 by its narrow column: 平成 30, 令和元, 2016
_YEAR_CUT_RE = re.compile(r"(?:令和|平成|[RH]) ?[0-9０-９元]{1,2}|(?:19|20)[0-9]{2}")
# a section's numbered heading right under a table's last row (a page break between them, no blank line)
_NUMBERED_HEADING_RE = re.compile(r"[0-9０-９][.．]?[ \u3000]+" + template_tables.TITLE)
_CAPTION_RE = re.compile(r" {0,4}(?:基本情報|[＜<【※]|[0-9０-９]{1,2}[.．] )")


def _is_blank(line: str | None) -> bool:
    return line is None or not line.strip(" \f\u3000")


def _blocks(lines: list[str | None], start: int) -> list[tuple[int, int]]:
    """The runs of non-blank lines from `start` on, as (first, last); a header of a table whose rows
    are a line each (部署, 連携状況), right under the last row of the table above, starts a run."""
    runs: list[tuple[int, int]] = []
    first: int | None = None
    for i in range(start, len(lines)):
        if _is_blank(lines[i]):
            if first is not None:
                runs.append((first, i - 1))
                first = None
        elif first is None:
            first = i
        elif _starts_run(lines[i] or ""):
            runs.append((first, i - 1))
            first = i
    if first is not None:
        runs.append((first, len(lines) - 1))
    return runs


def _starts_run(line: str) -> bool:
    """A line that starts a run of its own under the one above: a header of a table whose rows are a
    line each (部署, 連携状況), or a section's numbered heading (a page's first line, right under a
    table's last row with no blank line between)."""
    if line.lstrip(" \f").startswith(_LINE_HEADERS) and _GAP_RE.search(line):
        return True
    return _NUMBERED_HEADING_RE.match(line.strip(" \f")) is not None


def _beside_narrow(text: str, at: int) -> bool:
    """Whether the single space at `at` parts a narrow cell, a count's or a date's (`年 4`, `2 回`,
    `R5 年 11`) or the label その他関係機関・住民等, from the text beside it: the text on one side, up
    to a wider gap, is that cell."""
    before = text[:at].rsplit("  ", 1)[-1].strip()
    after = text[at + 1 :].split("  ", 1)[0].strip()
    if before == OTHERS:  # the sectors' long label, which fills its column
        return True
    if text[at - 1] == "数" and text[at + 1].isdigit():  # a label's last 数 and its value (as `autospace` keeps it)
        return True
    in_left = text[at - 1].isdigit() or text[at - 1] in _COUNT_PARTS
    in_right = text[at + 1].isdigit() or text[at + 1] in _COUNT_PARTS
    if in_left and in_right:  # inside a count or a date: `年 4 回`, `R6 年 2 月`
        return False
    if in_left and text[at + 1] in _UNITS:  # a count of people or cases: `年 12 人`
        return False
    if in_left or in_right:
        return _count_ends(before) if in_left else _count_starts(after)
    return _count_ends(before) or _count_starts(after)


def _alone_at(texts: list[str], text: str, at: int) -> bool:
    """Whether no other line of the row has text round position `at`: before it starts, or after it ends."""
    return all(other is text or at < len(other) - len(other.lstrip(" ")) or at >= len(other) for other in texts)


def _before_list(text: str, at: int) -> bool:
    """Whether the single space at `at` parts a name from a list beside it where no other line of the
    row tells (`実務者会議 相談支援事業所、精神科病院、保健所`): one word before it (no list item, no
    number or Latin letter beside the space: `・平成 30 年度`), a list of 、 after it."""
    before = text[:at].rsplit("  ", 1)[-1].strip()
    after = text[at + 1 :].split("  ", 1)[0].strip()
    word = " " not in before and "、" not in before and before[:1] not in ITEM_BULLETS
    return word and "、" in after and not (_is_ascii_alnum(text[at - 1]) or _is_ascii_alnum(text[at + 1]))


def _count_ends(text: str) -> bool:
    """Whether `text` ends with a narrow cell's piece, a word of its own (after a space or alone)."""
    return any(_COUNT_RE.fullmatch(text[at:]) for at in (0, *(k + 1 for k, ch in enumerate(text) if ch == " ")))


def _count_starts(text: str) -> bool:
    """Whether `text` starts with a narrow cell's piece, a word of its own (before a space or alone)."""
    return any(_COUNT_RE.fullmatch(text[:at]) for at in (*(k for k, ch in enumerate(text) if ch == " "), len(text)))


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _cuts(texts: list[str], ties: bool = True) -> list[tuple[int, int]]:
    """The runs of positions blank in every line, between two columns: two positions or more, or
    one where some line has a wider gap or two lines a single space, and no line's single space
    there belongs to its text: a renderer's gap beside a number or a Latin letter (`R6 年`,
    `平成 24`), an author's after a comma or a mark (`保健, 医療`, `① 地域`), before a list's next
    item (`… ・圏域の`) or a note (`目標値 (…`).  The converter sets a column one space after a
    line of wide text that fills the one before it.  Without `ties` (section 1, whose labels stand
    one space apart: `うち 65 歳未満 うち 65`), a single space in any line keeps its position."""
    width = max(len(t) for t in texts)
    used = [False] * width
    spaced = [0] * width  # lines with a word's single space there, text on both sides
    gapped = [0] * width  # lines with a gap of two spaces or more there, text on both sides
    kept = [False] * width  # a single space inside a value or a date
    for text in texts:
        for k, ch in enumerate(text):
            if ch != " ":
                used[k] = True
        for m in _SPACES_RE.finditer(text):
            at = m.start()
            if at == 0 or m.end() == len(text):
                continue
            if m.end() - at >= 2:
                for k in range(at, m.end()):
                    gapped[k] += 1
            elif not _beside_narrow(text, at) and not (_before_list(text, at) and _alone_at(texts, text, at)):
                spaced[at] += 1
                kept[at] |= (
                    _is_ascii_alnum(text[at - 1])
                    or _is_ascii_alnum(text[at + 1])
                    or text[at - 1] in ",，:："
                    or (text[at - 1] in ITEM_BULLETS and (at == 1 or text[at - 2] == " "))  # a mark: `① 地域`
                    or text[at + 1] in "・(（"
                )
    cuts: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if used[k]:
            k += 1
            continue
        end = k
        while end < width and not used[end]:
            end += 1
        if (
            k > 0
            and end < width
            and (end - k >= 2 or not spaced[k] or (ties and not kept[k] and (gapped[k] >= 1 or spaced[k] >= 2)))
        ):
            cuts.append((k, end))
        k = end
    return cuts


def _pieces(text: str, laid: str, bounds: list[int]) -> list[str]:
    """`text` cut where its laid-out form `laid` is cut at `bounds`: earlier forms took spaces out
    of the line (and folded characters one for one), so a cut falls after as many other characters."""
    cuts = [0]
    k = 0
    inked = 0
    for b in bounds[1:]:
        ink = sum(1 for ch in laid[:b] if ch != " ")
        while k < len(text) and inked < ink:
            if text[k] not in " \f":
                inked += 1
            k += 1
        cuts.append(k)
    cuts.append(len(text))
    return [_one_bullet(text[a:b].strip(" \f\u3000")) for a, b in itertools.pairwise(cuts)]


def _one_bullet(piece: str) -> str:
    """A list item's drawn bullet dropped before the item's own (`・   ・保健所による…`): a Word list
    whose items the author bulleted too, its drawn bullet too near the text to stand in a column."""
    if piece[:1] in ITEM_BULLETS and piece[1:2] == " ":
        rest = piece[1:].lstrip(" ")
        if rest[:1] == piece[0]:
            return rest
    return piece


def _is_spread(line: str) -> bool:
    """An indicators' header's first line, its cells one space apart (no wider gap)."""
    return line.startswith(_SPREAD_HEADER) and _GAP_RE.search(line) is None


def _spread(text: str, laid: str, bounds: list[int]) -> list[str]:
    """An indicators' header line whose cells the converter set one space apart (`課題解決の達成度
    目標値 (R5 年 実績値 (R5 年`): each cell to the column that starts nearest it (a later one on
    a tie: the wide text before a cell sets it to the left of its column)."""
    cells = [""] * len(bounds)
    starts = [0, *(m.end() for m in HEADER_CELL_RE.finditer(laid))]
    for at, piece in zip(starts, HEADER_CELL_RE.split(text), strict=False):
        column = min(range(len(bounds)), key=lambda c: (abs(bounds[c] - at), -c))
        cells[column] = f"{cells[column]} {piece}".strip()
    return cells


def _outside(line: str, row: list[str]) -> bool:
    """A paragraph next to a row with no blank line between: it runs over a gap between the row's
    columns, or it is one of the template's captions, notes or numbered points."""
    return _CAPTION_RE.match(line) is not None or len(_cuts([line, *row])) < len(_cuts(row))


def _bounds(laid: list[str], table: bool) -> tuple[int, int] | None:
    """The block's lines that are the row (first, last), the paragraphs above and below it left out."""
    gapped = [k for k, line in enumerate(laid) if _GAP_RE.search(line)]
    if not gapped:
        # a row whose cells stand on lines of their own, a later column's indented
        later = any(line[:8] == "        " for line in laid)
        labelled = later and any(line[:1] != " " for line in laid)  # a label beside its value (短期目標)
        # a date's cell alone, or its row's cells one space apart (not a sentence that starts with a date),
        # or centred among its entry's lines, set in from it (`   「…」を開始し、地域移行` `令和元年 ・地域…`)
        dated = any(
            DATE_RE.match(line) is not None and _SENTENCE_DATE_RE.match(line) is None
            for k, line in enumerate(laid)
            if k == 0 or line[:1] != " "
        )
        return (0, len(laid) - 1) if (table and (later or dated)) or labelled else None
    top, bottom = gapped[0], gapped[-1]
    # (not a year's `年度` that its narrow column wrapped under its number: `平成 30` / `年度   県推進会議を…`)
    header = laid[top].lstrip(" ").startswith(_HEADERS) and not (top and _YEAR_CUT_RE.fullmatch(laid[top - 1].strip()))
    while top > 0:
        above = laid[top - 1]
        # a later column's lines above it, or this one: a paragraph starts at the margin
        later = any(line[:8] == "        " for line in laid[: top - 1]) or above[:8] == "        "
        spread = _is_spread(above)
        if not later and not spread and (_outside(above, laid[top : bottom + 1]) or above.endswith("。")):
            break  # a paragraph's line: it runs over the row's gaps, or ends a sentence
        own = spread or above.startswith(_SPREAD_HEADER[:4])  # the indicators' header's own first line
        if (header and not above.startswith(" ")) or (not header and not own and above.strip().startswith(_HEADERS)):
            break  # a heading's wrapped end above a header row; a header line of its own above a row
        top -= 1
    while bottom + 1 < len(laid) and not _outside(laid[bottom + 1], laid[top : bottom + 1]):
        bottom += 1
    return top, bottom


def _header_end(laid: list[str], top: int, bottom: int) -> int | None:
    """Where the row below a header row starts in one block: below the template's whole header, or
    else the first line at the left margin with a gap in it, below a header's first cell."""
    if not laid[top].lstrip(" ").startswith(_HEADERS):
        return None
    written = ""
    for k in range(top, bottom):  # the template's whole header on its own lines, the row's starting below
        written += "".join(laid[k].split())
        if any(header.fullmatch(written) for header in template_tables.headers()):
            return k + 1
    return next(
        (
            k
            for k in range(top + 1, bottom + 1)
            if laid[k][:1] != " " and not "\u3041" <= laid[k][0] <= "\u309f" and _GAP_RE.search(laid[k])
        ),
        None,
    )  # no label starts with a hiragana: that is a header cell's wrapped end


def _bulleted(bullet: str, text: str) -> str:
    """A list's drawn bullet and its item's text: the text's own bullet, if it has one, stands."""
    return text if text[:1] and text[0] in ITEM_BULLETS else bullet + text


# a single space between two Japanese words (kanji or kana, a bracket closing before it or opening after
# it): no renderer's space (`autospace` took those out), so a cell's edge where the cell filled its column
_WORDS_APART_RE = re.compile(r"(?<=[\u3041-\u30ff\u4e00-\u9fff）」]) (?=[\u3041-\u30ff\u4e00-\u9fff「])")


def _dated(columns: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """A fiscal year and the next cell, one space apart on one line (`R6年度 市町の…`): two cells;
    and when the row's item is on that one line too, a list's first bullet starts the next cell, or in a
    schedule (a month's row) the one space between two Japanese words (`第1回作業部会 今年度の検討テーマの
    確認`): the item fills its column, and the converter set the actions one space after it."""
    at, text = columns[0][0]
    found = _YEAR_RE.match(text)
    if found is not None:
        columns = [[(at, found.group(1))], [(at, found.group(2)), *columns[0][1:]], *columns[1:]]
    if DATE_RE.match(columns[0][0][1]) and len(columns) == 2 and len(columns[1]) == 1:
        at, text = columns[1][0]
        head, bullet, tail = text.partition(" ・")
        if bullet and head[:1] not in ITEM_BULLETS:
            columns = [columns[0], [(at, head)], [(at, "・" + tail)]]
        elif "月" in "".join(piece for _, piece in columns[0]):  # a schedule's month: its item and its actions
            parts = _WORDS_APART_RE.split(text)
            if len(parts) == 2:
                columns = [columns[0], [(at, parts[0])], [(at, parts[1])]]
    return columns


# a section 5 role's label as a word of its own: whole, or a line of a wrapped `その他関係機関・住民等`
# (its first line `その他…`, its last `…等`, or `機関・住民` between)
_ROLE_WORD_RE = re.compile(
    "(?<= )(?:行政|医療|福祉|機関・住民|"
    + "|".join(
        sorted(
            {OTHERS[:n] for n in range(3, len(OTHERS) + 1)} | {OTHERS[-n:] for n in range(1, len(OTHERS))},
            key=len,
            reverse=True,
        )
    )
    + ")(?= |$)"
)
_WHOLE_ROLES = frozenset(ROLES.values())
_ISSUES_HEADER = "課題・方針に対する役割"
_OTHER_HEADERS = ("課題解決の達成度", *_HEADERS[1:])  # the tables after the issues' (the indicators' first)
_ROLE_REACH = 16  # how far left of its column the converter may set a label run on after a policy's line


def _in_issues(laid: list[str], before: bool) -> bool:
    """Whether the block is in section 5's issues table: from its header (`…課題・方針に対する役割`) to
    the next table's header or a section's title."""
    written = "".join("".join(laid).split())
    if _ISSUES_HEADER in written:
        return True
    first = laid[0].lstrip(" ") if laid else ""
    return before and not first.startswith(_OTHER_HEADERS) and not template_tables.HEADING.match(first)


# a number or a Latin word between two renderer's gaps, Japanese on both sides: `割合が 7 割`, `の SOS を`
_WESTERN_APART_RE = re.compile(
    r"(?<=[\u3005\u3040-\u30ff\u4e00-\u9fff]) ([0-9A-Za-z][0-9A-Za-z.,%]*) (?=[\u3005\u3040-\u30ff\u4e00-\u9fff])"
)
_SEGMENT_RE = re.compile(r"\S+(?: \S+)*")


def gaps_closed(line: str) -> str:
    """The line with the renderer's gaps around a number or a Latin word (`割合が 7 割`) taken out of
    each of its pieces, and as many spaces put after the piece where a gap follows it: the converter
    gave the gaps places of their own, so the piece's text after them stands further right than its
    column's other lines, by two places a number, up to the gap, after which the next column stands
    where it belongs.  So a column one space after a line with a number inside lines up again:

        長期入院者の割合が 7 割を超えており、特 ① 地域移行出張相談を全病院へ拡大す     ① 出張相談の
        に他市区町村から入院している方の退院先 る ②出身市区町村の相談窓口と病院を     記録の集約

    (the first line's `①` then stands where the second's `る` does)."""
    if " " not in line:
        return line
    out: list[str] = []
    at = 0
    for m in _SEGMENT_RE.finditer(line):
        closed = _WESTERN_APART_RE.sub(r"\1", m.group())
        out.append(line[at : m.start()])
        out.append(closed)
        if m.end() < len(line):
            out.append(" " * (len(m.group()) - len(closed)))
        at = m.end()
    out.append(line[at:])
    return "".join(out)


def role_column(laid: list[str]) -> int | None:
    """Where section 5's role labels stand in these lines: where the whole labels after a gap stand
    most often (the rightmost of a tie), or any label's where no whole one does; None where none does."""
    found = [m for line in laid for m in _ROLE_WORD_RE.finditer(line) if line[: m.start()].endswith("  ")]
    if not found:
        return None
    # the whole labels' place, where there are some: a wrapped label's lines may stand a little apart
    anchors = [m.start() for m in found if m.group() in _WHOLE_ROLES] or [m.start() for m in found]
    return max(set(anchors), key=lambda at: (anchors.count(at), at))


def roles_aligned(laid: list[str], table: int | None = None) -> list[str]:
    """The row's lines with section 5's role labels set back in their column.

    A role's label stands in a column of its own, but after a policy's line as wide as its cell the
    converter runs the label on one space later, a few positions left of the others (`…との連絡 医療`
    under `行政` further right), and its action one space after a wrapped label (`機関・住民 ピア…`):
    no column would come apart there.  The column is the row's own labels' (`role_column`), or, where
    the row's one label is so run on (`…家主と入居者の双 行政`, the issue and the policy wrapped
    beside it), the `table`'s: where the issues table's other rows' labels stand."""
    column = role_column(laid)
    if column is None:
        column = table
    if column is None:
        return laid
    out = []
    for line in laid:
        m = next((m for m in _ROLE_WORD_RE.finditer(line) if column - _ROLE_REACH <= m.start() <= column), None)
        if m is None:
            out.append(line)
            continue
        before, after = line[: m.start()], line[m.end() :]
        if not before.endswith("  "):  # run on after a policy's line
            before += " " * (column - m.start())
        if after[:1] == " " and after[1:2] not in ("", " "):  # its action one space after it
            after = " " + after
        out.append(before + m.group() + after)
    return out


def _role_alone(laid: list[str]) -> bool:
    """A section 5 role's label alone in its row (its action empty), wrapped or not."""
    return "".join("".join(laid).split()) in _WHOLE_ROLES


def _row(first: int, texts: list[str], laid: list[str], ties: bool = True) -> Row | None:
    """The row of source lines `first`… (`laid`: as the converter laid them out): its columns' pieces,
    top to bottom; None when no column comes apart."""
    spread = [_is_spread(line) for line in laid]
    cuts = _cuts([line for line, apart in zip(laid, spread, strict=True) if not apart] or laid, ties)
    if not cuts and not DATE_RE.match(laid[0]) and not _role_alone(laid):
        return None  # but a dated row: its date alone, or on one line with its cells, which `_dated` cuts;
        # or a role's label alone, its action empty
    bounds = [0, *(end for _, end in cuts)]
    rows = [
        _spread(text, line, bounds) if apart else _pieces(text, line, bounds)
        for text, line, apart in zip(texts, laid, spread, strict=True)
    ]
    columns = [[row[c] for row in rows] for c in range(len(bounds))]
    for c in range(len(columns) - 2, -1, -1):
        if all(not p or (len(p) == 1 and p in ITEM_BULLETS) for p in columns[c]):  # a list's bullets, drawn apart
            columns[c : c + 2] = [[_bulleted(b, p) for b, p in zip(columns[c], columns[c + 1], strict=True)]]
        elif roles_apart(columns[c], columns[c + 1]):  # one column of roles, its lines set a little apart
            columns[c : c + 2] = [[a or b for a, b in zip(columns[c], columns[c + 1], strict=True)]]
    indent = min(len(t) - len(t.lstrip(" ")) for t in laid)
    pieces = [[(first + k, p) for k, p in enumerate(column) if p] for column in columns if any(column)]
    if not pieces:
        return None  # an earlier form took the lines' text
    return Row(first, first + len(laid) - 1, indent, _dated(pieces))


def _entry_alone(first: int, texts: list[str], laid: list[str], dated: list[str]) -> Row | None:
    """A history's or schedule's entry alone in its block (blank lines round it), in the entries'
    column: one of its date's several entries, each a row of the date's spanned cell, the date centred
    among them (`centred_dates` gives it its date):

        平成 27 年   長期入院精神障害者の地域移行に向けた病院訪問を本格実施
        度
                 精神障害にも対応した地域包括ケアシステム構築推進事業を開始

        平成 30 年 県精神保健福祉審議会に地域移行部会を設置し、全県の協議の場と位置付

    Only where the table's last dated row (`dated`, as laid out) has its second column start where
    the entry does (two positions either side) and the entry's lines have no gap."""
    cuts = _cuts(dated) if dated else []
    indent = min(len(line) - len(line.lstrip(" ")) for line in laid)
    if not cuts or abs(indent - cuts[0][1]) > 2 or any(_GAP_RE.search(line) for line in laid):
        return None
    if len(cuts) > 1 and max(len(line) for line in laid) > cuts[1][1] + 40:
        return None  # a paragraph wider than the table's columns
    pieces = [(first + k, text.strip(" \f\u3000")) for k, text in enumerate(texts) if text.strip(" \f\u3000")]
    return Row(first, first + len(laid) - 1, indent, [pieces]) if pieces else None


def _role_columns(blocks: list[tuple[int, int]], source: list[str | None]) -> dict[int, int]:
    """The role labels' column of the issues table each of its blocks (by its first line) is in:
    where its blocks' labels after a gap stand most often (see `role_column`).

        課題               課題解決に向けた取組方針           課題・方針に対する役割(取組)
        精神障害のある方が 入居後の相談先を記載した「あ             ① 説明会の開催
        る際、…          と入居者の双 行政                      ②…
                                              医療    入居者の病状が悪化

    gives the table `医療`'s column, where the first row's `行政` belongs."""
    runs: list[list[int]] = []
    issues = False
    for first, last in blocks:
        laid = [(source[i] or "").rstrip().replace("\f", "") for i in range(first, last + 1)]
        now = _in_issues(laid, issues)
        if now and not issues:
            runs.append([])
        if now:
            runs[-1].append(first)
        issues = now
    columns: dict[int, int] = {}
    for run in runs:
        at = [role_column([(source[i] or "").rstrip().replace("\f", "")]) for i in range(run[0], run[-1] + 1)]
        anchors = [a for a in at if a is not None]
        if anchors:
            column = max(set(anchors), key=lambda a: (anchors.count(a), a))
            columns.update(dict.fromkeys(run, column))
    return columns


def write_tables(lines: list[str | None], source: list[str | None], start: int) -> set[int]:
    """Rewrite every run of row blocks from line `start` on into tab rows (`source`: the lines as
    the converter wrote them, their positions untouched); the lines taken."""
    taken = _statistics(lines, source, start)
    start = max(taken, default=start - 1) + 1
    table: list[Row] = []
    dated: list[str] = []  # the laid-out lines of the table's last row that starts with a date
    issues = False  # in section 5's issues table, whose role labels `roles_aligned` sets back
    blocks = _blocks(lines, start)
    columns = _role_columns(blocks, source)
    n = 0
    while n < len(blocks):
        block_first, block_last = blocks[n]
        n += 1
        laid = [(source[i] or "").rstrip().replace("\f", "") for i in range(block_first, block_last + 1)]
        issues = _in_issues(laid, issues)
        if issues:
            laid = roles_aligned(laid, columns.get(block_first))
            if any(_ROLE_WORD_RE.search(line) for line in laid):  # an issue's rows, not the indicators'
                laid = [gaps_closed(line) for line in laid]
        bounds = _bounds(laid, bool(table))
        row = None
        if bounds is not None:
            top, bottom = bounds
            split = _header_end(laid, top, bottom)
            apart = top > 0
            if split is not None:  # a header row and the first row with no blank line between
                at = block_first + top
                head = _row(at, [lines[i] or "" for i in range(at, block_first + split)], laid[top:split])
                if head is not None:
                    _write(lines, table, taken)
                    table = [head]
                    top, apart = split, False
            first = block_first + top
            row = _row(first, [lines[i] or "" for i in range(first, block_first + bottom + 1)], laid[top : bottom + 1])
        if row is None and table:
            row = _entry_alone(block_first, [lines[i] or "" for i in range(block_first, block_last + 1)], laid, dated)
            apart, bottom = False, len(laid) - 1
        if row is None or apart or (table and row_head(row).startswith(_HEADERS)):
            _write(lines, table, taken)
            table = []
            dated = []
        if row is not None:
            table.append(row)
            if DATE_RE.match(row_head(row)) and row.indent <= 2:
                dated = laid
        if row is not None and bottom < len(laid) - 1:
            if issues and any(_ROLE_WORD_RE.search(line) for line in laid[bottom + 1 :]):
                # the next role's row right below, no blank line between (its action wrapped round
                # its label, further left than the row above's list): a block of its own
                blocks.insert(n, (block_first + bottom + 1, block_last))
                if block_first in columns:
                    columns[block_first + bottom + 1] = columns[block_first]
                continue
            _write(lines, table, taken)
            table, dated = [], []
    _write(lines, table, taken)
    return taken


def _statistics(lines: list[str | None], source: list[str | None], start: int) -> set[int]:
    """Section 1's statistics table: its cells' lines in reading order (row by row, a row's columns
    left to right), which `cell_lines_statistics` rebuilds into the template's rows, the row-spanned
    labels too."""
    first = next((i for i in range(start, len(lines)) if "圏域数" in (lines[i] or "")), None)
    if first is None:
        return set()
    end = min(first + 200, len(lines))
    end = next(
        (i for i in range(first, end) if _SECTION_TWO_RE.match(lines[i] or "") and "取組" in (lines[i] or "")), end
    )
    if end <= first:
        return set()
    pieces: list[tuple[int, str]] = []
    for block_first, block_last in _blocks(lines[:end], first):
        laid = [(source[i] or "").rstrip().replace("\f", "") for i in range(block_first, block_last + 1)]
        row = _row(block_first, [lines[i] or "" for i in range(block_first, block_last + 1)], laid, ties=False)
        if row is None:
            pieces += [(i, " ".join((lines[i] or "").split())) for i in range(block_first, block_last + 1)]
        else:
            pieces += [piece for part in sub_rows(row) for column in part.columns for piece in column]
    rebuilt = cell_lines_statistics.rebuild([text for _, text in pieces])
    if rebuilt is None:
        return set()
    rows, rest = rebuilt
    for i in range(first, end):
        lines[i] = None
    cell_lines_statistics.set_apart(lines, first)
    at = first - 1
    for n, text in rows:
        at = min(max(pieces[n][0], at + 1), end - 1)
        lines[at] = text if lines[at] is None else f"{lines[at]} {text}"
    if rest and at + 2 < end:  # the lines that fit no row, after a blank line that ends the table
        at += 1
        lines[at] = ""
    for n, text in sorted(rest):
        at = min(max(pieces[n][0], at + 1), end - 1)
        lines[at] = text if lines[at] is None else f"{lines[at]} {text}"
    return set(range(first, end))


def _write(lines: list[str | None], table: list[Row], taken: set[int]) -> None:
    # a table of one row: three cells or more, or a schedule's goal beside its label (短期目標)
    goal = len(table) == 1 and row_head(table[0]).startswith(tuple(label[:4] for label in GOAL_LABELS))
    if len(table) < 2 and not (table and len(table[0].columns) >= 3) and not goal:
        return
    left = min(row.indent for row in table)
    span = range(table[0].first, table[-1].last + 1)
    for i in span:
        lines[i] = None
    at = span.start - 1
    for n, row in enumerate(centred_dates(entry_rows(gathered(table)), left)):
        cells = row.cells()
        lead = "\t" if n and row.indent > left + 2 and cells[0] and not cells[0].startswith(_HEADERS) else ""
        at = max(row.first, at + 1)  # in order, each row on a line of its own
        text = lead + "\t".join(cells if len(cells) > 1 else [*cells, ""])  # a row: a tab at least
        if at < span.stop:
            lines[at] = text
        else:  # no line left in the table's (never so far): the text stays, on its last line
            lines[span.stop - 1] = f"{lines[span.stop - 1]} {text}"
    taken.update(span)
