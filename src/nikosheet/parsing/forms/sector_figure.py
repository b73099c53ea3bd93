"""The figure below section 6's sectors table, kept out of the table's last row.

A sheet often sets a figure of its bodies' roles below the 各部門の連携状況 table (`練馬区の相談・支援体制`,
its boxes' labels).  A PDF's or a Word document's text writes its labels right after the last row's cells, a
line each, as it writes the cells; read a cell per line, they ran into the row (`その他関係機関・住民等`):

    その他関係機関・住民等
    ・家族会が協議の場に委員として参画している。
    町会・自治会など地域住民の参画は少
    ない。
    練馬区の相談・支援体制                ← the table ends above: the figure's text
    保健予防課（全体の企画・協議の場の事務局）
    保健相談所（6か所）

The template's cells there are mostly sentences: after the last row's label, the lines after the last one that
ends a sentence are the figure's where they are three or more (two may be a cell that ends on no 。, as a
few sheets' cells do), none ends a sentence, opens a list's item or goes on a line a column wrapped (a
hiragana, `ー` or a closing bracket first), none is a wrapped label's rest (`関・住民等`: the row's cells stand
around its label, not above a figure), and the row's lines before them end two sentences or more (its status's
and its strengths' cells).  A figure's box that ends a sentence is not told apart: the table is read as before.
So too where the table is read a printed line at a time (`centred_rows`: pdfplumber and markitdown of a
LibreOffice PDF), the row's cells and its label's lines side by side on a line.
"""

from __future__ import annotations

from nikosheet.parsing.forms.template_tables import Piece, Table
from nikosheet.typography import continues
from nikosheet.vocabulary import SECTORS

_TITLE = "各部門の連携状況"  # the sectors table's first header cell
_LABELS = 3  # a figure's lines at least: its title and two boxes (two lines may be a cell that ends on no 。)
_CELLS = 2  # sentence ends the last row's cells hold at least: its status's and its strengths'
_ITEM = "・･-*"  # a list item's first character


def table_end(tokens: list[Piece], body: int, end: int, table: Table) -> int:
    """Where the sectors table's lines end, before a figure's labels below it (`end` elsewhere)."""
    if table.header[0] != _TITLE:
        return end
    labels = [j for j in range(body, end) if any(p.match(tokens[j][1]) for p in table.pivots)]
    if not labels:
        return end
    ends = [j for j in range(labels[-1] + 1, end) if tokens[j][1].rstrip().endswith("。")]
    if len(ends) < _CELLS:
        return end
    after = [text.strip() for _, text, _ in tokens[ends[-1] + 1 : end]]
    if len(after) < _LABELS or any(_no_label(text) for text in after):
        return end
    return ends[-1] + 1


def _label_rest(text: str) -> bool:
    """Whether a line is a sector label's wrapped rest (`関・住民等`, `住民等`)."""
    return any(label.endswith(text) and label != text for label in SECTORS.values())


def _no_label(text: str) -> bool:
    """Whether a line is no figure's label: it ends a sentence, opens a list's item, goes on a line the
    column wrapped (a hiragana, `ー` or a closing bracket first: `く、普及啓発が…`) or is a label's wrapped rest."""
    return text.endswith("。") or text[:1] in _ITEM or continues(text) or _label_rest(text)
