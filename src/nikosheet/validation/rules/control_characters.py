"""NUL bytes or control characters in a text file: dropped, the rest read.

PDF converters sometimes leave NUL bytes or other control characters in the text they write.  A
file whose start is at most 1 % such characters is read without them (tabs, line ends and form
feeds are not counted: they are layout), and this says how many were dropped; a file with more is
refused as binary data (`unreadable-file`).  Nothing of the sheet's own text is lost, but a value
the characters sat inside may read differently from what the document shows: look at the lines
named in other findings.

Fails: `人口\\x00\\x00⇥604,894⇥人` (two NULs).  Passes: the same row without them.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostic_messages import explained
from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said

CODE = "NS004"
NAME = "control-characters"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.CONTROL_CHARACTERS,)  # the parser's diagnostics this rule reports


TITLE_JA = "テキストファイル中の NUL や制御文字（除いて読みます）"
WHAT_JA = """PDF の変換ソフトが、書き出したテキストに NUL などの制御文字を残すことがあります。
ファイルの先頭部分の 1 % 以下なら、それを除いて読み（タブ・改行・改ページは書式なので数えません）、
何個除いたかを知らせます。それより多いファイルはバイナリとみなして読みません（unreadable-file）。
シートの文章は失われませんが、制御文字が入っていた値は、文書に示されるのと違って読まれることがあります。
ほかの指摘で示された行を確かめてください。"""
WHY, FIX = explained(Diagnostic.CONTROL_CHARACTERS)[1:]
EXAMPLE = Example("人口\\x00\\x00\t604,894\t人", "人口\t604,894\t人")


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), said(d))
