"""Template guidance left in a table.

The template's example rows carry guidance such as `③ ※指標設定が困難な場合は、代替指標や定性的な
文言でも構いません。`.  A row holding only that (柏市's third indicator) is a row the body did not
use and did not delete: it is not an indicator.  Guidance printed outside the tables (below a table,
after 【その他事項】) is the template's own text and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostic_messages import explained, read
from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics

CODE = "NS304"
NAME = "guidance-in-table"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.GUIDANCE_ROW,)  # the parser's diagnostics this rule reports


TITLE_JA = "表に残った様式の記入例・注意書き"
WHAT_JA = """様式の例の行には「③ ※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。
」のような注意書きがあります。それだけの行（柏市の3番目の指標）は、使わず削除もされなかった行で、
指標ではありません。表の外（表の下や【その他事項】の後）に印刷された注意書きは様式自身の文なので報告しません。"""
WHY, FIX = explained(Diagnostic.GUIDANCE_ROW)[1:]
UNUSED_ROW = Template(
    "{diagnostic} (an unused row: delete it or fill it in)",
    "{diagnostic}（使われていない行です。削除するか記入してください）",
)
EXAMPLE = Example(
    "③\t※指標設定が困難な場合は, 代替指標や定性的な文言でも構いません。\t\t",
    "③\t相談支援事業所との事例検討会\t年0回\t年2回\t",
)


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "guidance-row"):
        yield Finding(d.get("line"), UNUSED_ROW(diagnostic=read(" ".join(d["message"].split()))))
