"""A file that ends in the middle of a character.

The last bytes of the file are an incomplete character: the file was probably cut off while it was
copied or saved, and text at its end may be missing.  The incomplete character is dropped and the
rest is read.  Reported at the last line.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostic_messages import explained
from nikosheet.diagnostics import Diagnostic
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said

CODE = "NS003"
NAME = "truncated-file"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.TRUNCATED_FILE,)  # the parser's diagnostics this rule reports


TITLE_JA = "文字の途中で終わっているファイル"
WHAT_JA = """ファイルの最後のバイトが、文字の途中で切れています。コピーや保存の途中で切れた可能性があり、
末尾の文章が欠けているかもしれません。欠けた文字を除いて残りを読みます。最終行で報告します。"""
WHY, FIX = explained(Diagnostic.TRUNCATED_FILE)[1:]
EXAMPLE = Example("（最後の文字「）」の3バイトのうち2バイトで終わるファイル）", "（最後の文字まで保存されたファイル）")


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, *DIAGNOSTICS):
        yield Finding(d.get("line"), said(d))
