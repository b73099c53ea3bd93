"""A doubt of the parser that no other rule covers.

The parser records everything it read with doubt in the document's `diagnostics`; the rules above
report them under their own codes.  A diagnostic of a kind no rule knows (a newer parser than its
rules) is reported here, with the parser's code in the message and the parser's severity, so that
nothing the parser doubted goes unseen.  Template guidance printed outside the tables
(`template-guidance`) is the template's own text, and look-alike characters folded back
(`folded-characters`) are a converter's doing: neither is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, said

CODE = "NS109"
NAME = "parser-diagnostic"
SEVERITY = "warning"
# not a problem of the sheet
SILENT = (Diagnostic.TEMPLATE_GUIDANCE, Diagnostic.FOLDED_CHARACTERS, Diagnostic.CONVERTER_SPACES)


TITLE_JA = "ほかのルールが扱わないパーサーの疑問"
WHAT_JA = """パーサーは、疑いながら読んだものをすべて文書の diagnostics（診断）に記録し、
上のルールがそれぞれの番号で報告します。どのルールも知らない種類（ルールより新しいパーサー）の診断はここで、
パーサーの番号をメッセージの先頭に付け、パーサーの重さで報告します。パーサーが疑ったものを見落とさないためです。
表の外に印刷された様式の注意書き（template-guidance）は様式自身の文、
元に戻した似た形の文字（folded-characters）は変換ソフトによるもので、どちらも報告しません。"""
WHY = Template(
    "Something the parser doubted is not yet checked by a rule of its own: look at it.",
    "パーサーが疑ったものの、専用のルールがまだありません。その行を確かめてください。",
)
FIX = Template(
    "Look up the code at the start of the message: nikosheet rules CODE.",
    "メッセージ先頭のコードを調べてください: nikosheet rules コード",
)
EXAMPLE = Example("（新しいパーサーが記録した、ルールのない診断）", "（その診断を報告するルールがあるとき）")
PASSED_ON = Template("{code}: {diagnostic}", "{code}: {diagnostic}")


def claimed() -> set[str]:
    from nikosheet.validation.rules import REGISTRY

    out: set[str] = set(SILENT)
    for rule in REGISTRY.values():
        if rule.CODE != CODE:
            out.update(getattr(rule, "DIAGNOSTICS", ()))
    return out


def check(doc: Data) -> Iterator[Finding]:
    known = claimed()
    for d in doc.get("diagnostics") or []:
        if d.get("code") in known:
            continue
        severity = d.get("severity") if d.get("severity") in ("error", "warning", "info") else None
        yield Finding(d.get("line"), PASSED_ON(code=d.get("code"), diagnostic=said(d)), severity)
