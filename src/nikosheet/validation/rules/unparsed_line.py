"""A line of the sheet that no field of the document took.

Every non-blank line should end up in a field, or be recognised as template text.  A line left in
`unparsed` is content that nikosheet could not place: a row the template does not have, a table
nikosheet does not know, or a layout it misread.  Check the line; if the sheet is right, the parser
may need to learn the layout.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, short

CODE = "NS106"
NAME = "unparsed-line"
DIAGNOSTICS = (Diagnostic.UNPARSED_LINES,)  # the parser's diagnostics this rule reports
SEVERITY = "warning"


TITLE_JA = "どの項目にも読み込まれなかった行"
WHAT_JA = """空でない行は、どれかの項目に入るか、様式の文として認識されるはずです。unparsed に残った行は、
nikosheet が置き場所を決められなかった内容です（様式にない行、nikosheet の知らない表、読み違えた書式）。
その行を確かめ、シートが正しければ、パーサーがその書式を覚える必要があるかもしれません。"""
WHY = Template(
    "Content no field took is missing from the data and from every table built from it.",
    "どの項目にも入らなかった内容は、データにも、そこから作る一覧表にも入りません。",
)
FIX = Template(
    "Put the line in the template's row or table, or delete it if it is not content.",
    "その行を様式の行や表の中に入れるか、内容でなければ削除してください。",
)
EXAMPLE = Example(
    "保健所数（R5年4月時点）\t\t1\tか所\t\n自殺死亡率（R4年）\t\t16.8\t人口10万対\t\n",
    "保健所数（R5年4月時点）\t\t1\tか所\t\n",
)
NOT_READ = Template("line not read into any field: {text!r}", "どの項目にも読み込まれなかった行: 「{text}」")


def check(doc: Data) -> Iterator[Finding]:
    for u in doc.get("unparsed") or []:
        yield Finding(u.get("line"), NOT_READ(text=short(u.get("text", ""))))
