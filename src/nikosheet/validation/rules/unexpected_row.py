"""A table row the template does not have where it stands.

A statistic with an extra row, a statistic that appears twice (the first is kept), or a sector of
各部門の連携状況 that is none of 保健, 医療, 福祉 and その他関係機関・住民等 (read as others).  Also
a row read out of its columns or rows, the parser's `shifted-cell`: a cell that holds what belongs in
another (a header of the template, an event in the year's cell, no frequency in 開催頻度, a word cut
in two), as a converter that broke the table leaves it.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said

CODE = "NS108"
NAME = "unexpected-row"
SEVERITY = "warning"
DIAGNOSTICS = (
    Diagnostic.UNEXPECTED_ROW,
    Diagnostic.DUPLICATE_ROW,
    Diagnostic.UNKNOWN_SECTOR,
    Diagnostic.SHIFTED_CELL,
)  # the parser's diagnostics this rule reports


TITLE_JA = "その位置に様式にない表の行"
WHAT_JA = """統計項目の余分な行、2回ある統計項目（最初の行を使います）、
各部門の連携状況で保健・医療・福祉・その他関係機関・住民等のいずれでもない分野（その他として読みます）を報告します。
パーサーの shifted-cell（列や行がずれて読まれた行: 様式の見出し、年度のセルの経過、開催頻度でない文、
二つに切れた語がセルにある）も報告します。変換ソフトが表を崩したときに起こります。"""
WHY = Template(
    "The value of such a row is not read, or is counted where it does not belong.",
    "そのような行の値は読まれないか、本来と違う項目に数えられます。",
)
FIX = Template(
    "Use the template's rows and sector names, and delete the extra row.",
    "様式の行と分野名を使い、余分な行を削除してください。",
)
EXAMPLE = Example(
    "保健所数（R5年4月時点）\t\t1\tか所\t\n保健所数（R5年4月時点）\t\t2\tか所\t\n",
    "保健所数（R5年4月時点）\t\t1\tか所\t\n",
)


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), said(d))
