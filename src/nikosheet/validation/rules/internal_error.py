"""The parser or a rule failed on this file: a bug in nikosheet, not in the sheet.

The message names the exception; run again with `nikosheet --debug validate …` to see the
traceback, and report it.  The other rules and the other files are still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Finding

CODE = "NS002"
NAME = "internal-error"
SEVERITY = "error"


TITLE_JA = "ファイルでパーサーかルールが失敗した（シートではなく nikosheet の不具合）"
WHAT_JA = """メッセージが例外の名前を示します。nikosheet --debug validate … で再実行すると、
トレースバックが表示されます。報告してください。ほかのルールとほかのファイルは検査を続けます。"""
WHY = Template(
    "A bug in nikosheet hides what the failing rule would have found in this file.",
    "nikosheet の不具合のため、失敗したルールがこのファイルで見つけるはずのものが隠れています。",
)
FIX = Template(
    "Rerun with nikosheet --debug validate … and report the traceback with the sheet.",
    "nikosheet --debug validate … で再実行し、トレースバックをシートと一緒に報告してください。",
)
EXAMPLE = None  # nothing in a sheet causes it
RULE_FAILED = Template("rule {code} ({name}) failed: {error}", "ルール {code}（{name}）が失敗しました: {error}")


def check(doc: Data) -> Iterator[Finding]:
    return iter(())
