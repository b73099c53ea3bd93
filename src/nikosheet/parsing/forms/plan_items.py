"""Section 8's long-term plan in plain pdftotext's text of a LibreOffice PDF: its lists after its rows.

pdftotext writes each year's row of the 年度/実施内容/具体的な取組 table on a line (its year and its
item), then every row's 具体的な取組 list below the last row, each item a paragraph, the last row's
cell (a sentence, no list) last:

    年度
    実施内容
    具体的な取組
    R6年度 全圏域での事例検討と町村の協議の場の設置
    R7年度 ピアサポーターの活動の場の拡大
    R8年度 取組の評価
    ・全圏域で個別事例検討を行う
    ・設置の手引きを作成する
    ・病院訪問の拡大
    ・地域活動支援センターでの雇用
    指標による評価

becomes

    年度	実施内容	具体的な取組
    R6年度	全圏域での事例検討と…	<ul><li>・全圏域で個別事例検討を行う</li><li>・設置の手引きを作成する</li></ul>
    R7年度	ピアサポーターの活動の場の拡大	<ul><li>・病院訪問の拡大</li><li>・地域活動支援センターでの雇用</li></ul>
    R8年度	取組の評価	指標による評価

Nothing in the text tells where one row's list ends: the rows before the last share the items in
their order, as evenly as they go (the earlier rows one more), the last row keeping its sentence, and
a `shifted-cell` warning says so where the items could be shared otherwise.

The header's last cell may come after the rows (LibreOffice centres it in a header row its first cells
fill), and the last years whose 具体的な取組 is empty are written after the lists, each year and its
item on a line, nothing after them: those rows keep an empty cell.

    年度 / 実施内容 / R6年度 住まいの確保… / R7年度 当事者参画の推進 / 具体的な取組 /
    ・不動産関係団体向け説明会の開催 / ・入居後の相談窓口の周知 / ピアサポーター養成講座の開催… /
    R8年度 取組の評価

Only those shapes are read (every list item before the last row's sentence, at least an item a row,
and rows only after the sentence); any other is left to `cell_lines_tables`.
"""

from __future__ import annotations

import itertools
import re

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import cell_line, join_wrapped
from nikosheet.parsing.forms.template_tables import HEADING, Piece, non_blank, write_table

_HEADER = ("年度", "実施内容", "具体的な取組")
_ROW = re.compile(r"^((?:R|令和)\s*[0-9０-９]{1,2}\s*年度)\s+(\S.*)$")  # a year and its item, on one line
_BULLET = "・"
_ITEMS = re.compile(r"(?<!\s)\s+(?=・)")  # two list items on one line
_Row = tuple[int, str, str]  # a row's line, its year and its item
_STOP = re.compile(r"^(?:短期目標|【|※)")


def apply(state: FormState) -> None:
    """Rebuild the long-term plan whose lists were written after its rows."""
    if not signals.plan_items(state.source):
        return
    tokens = non_blank(state.lines)
    for k in range(len(tokens) - 3):
        if tuple(t[1] for t in tokens[k : k + 2]) == _HEADER[:2] and _rebuild(state, tokens, k):
            return


def _rebuild(state: FormState, tokens: list[Piece], k: int) -> bool:
    """Rebuild the plan whose header starts at token k: whether it was so written."""
    late_header = tokens[k + 2][1] != _HEADER[2]
    j = k + 2 if late_header else k + 3
    rows, j = _rows(tokens, j)
    head = tokens[k : k + 3]
    if late_header:
        if j >= len(tokens) or tokens[j][1] != _HEADER[2]:
            return False
        head = [*tokens[k : k + 2], tokens[j]]
        j += 1
    end = j
    while end < len(tokens) and not (HEADING.match(tokens[end][1]) or _STOP.match(tokens[end][1])):
        end += 1
    found = _late_rows(tokens, rows, j, end)
    if len(rows) < 2 or found is None:
        return False
    late, late_at = found
    cells = _cells([t[1] for t in tokens[j:late_at]], len(rows))
    if cells is None:
        return False
    cells += [""] * len(late)
    placed = [(index, f"{year}\t{item}\t{cell}") for (index, year, item), cell in zip(rows + late, cells, strict=True)]
    write_table(state.lines, head, "\t".join(_HEADER), placed, tokens[end - 1][0])
    items = sum(1 for t in tokens[j:late_at] if t[1].startswith(_BULLET))
    if len(rows) > 2 and items > len(rows) - 1:  # more than one way to share them: say the reading is a guess
        message = messages.ITEMS_SHARED(count=items, rows=len(rows) - 1)
        state.note(Diagnostic.SHIFTED_CELL, rows[0][0], str(message))
    return True


def _late_rows(tokens: list[Piece], rows: list[_Row], j: int, end: int) -> tuple[list[_Row], int] | None:
    """The last years written after the lists (from token j to `end`), each a year and its item on a line
    after the sentence's first line, their years following the rows' in turn, and the token they start at
    (`end` where there are none: a line that starts with a year out of turn is the sentence's); None where
    a line follows them (not this table's shape)."""
    sentence = next((n for n in range(j, end) if not tokens[n][1].startswith(_BULLET)), end)
    late_at = next((n for n in range(sentence + 1, end) if _ROW.match(tokens[n][1])), end)
    late, after = _rows(tokens, late_at)
    if not _in_turn([year for _, year, _ in rows[-1:] + late]):
        return [], end
    return (late, late_at) if after == end else None


def _rows(tokens: list[Piece], j: int) -> tuple[list[_Row], int]:
    """The rows (index, year, item) from token `j` on, each a year and its item on one line, and the
    token after them."""
    rows: list[_Row] = []
    while j < len(tokens) and (found := _ROW.match(tokens[j][1])):
        rows.append((tokens[j][0], re.sub(r"\s+", "", found[1]), found[2]))
        j += 1
    return rows, j


def _in_turn(years: list[str]) -> bool:
    """Whether the years follow one another (a sentence's wrapped line that starts with a year is no row)."""
    numbers = [int("".join(ch for ch in year if ch.isdigit())) for year in years]  # (int reads full-width digits)
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def _cells(lines: list[str], count: int) -> list[str] | None:
    """The rows' 具体的な取組 cells from the lines after the rows, or None for another shape."""
    bullets = [n for n, line in enumerate(lines) if line.startswith(_BULLET)]
    if not bullets or bullets != list(range(len(bullets))) or len(bullets) == len(lines):
        return None
    items = lines[: len(bullets)]
    if len(items) < count - 1:
        return None
    last = ""
    for line in lines[len(bullets) :]:
        last = join_wrapped(last, line)
    share, extra = divmod(len(items), count - 1)
    cells, at = [], 0
    for row in range(count - 1):
        take = share + (1 if row < extra else 0)
        cells.append(_listed(items[at : at + take]))
        at += take
    return [*cells, last]


def _listed(lines: list[str]) -> str:
    items = [item for line in lines for item in _ITEMS.split(line)]
    return cell_line([(item, True) for item in items])
