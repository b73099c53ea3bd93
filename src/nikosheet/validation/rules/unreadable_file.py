"""A file that cannot be read as a にも包括 sheet.

The file does not exist, cannot be opened, is not text in a known encoding (UTF-8, UTF-16 with a
byte-order mark, CP932), is too large, or has no section heading at all.  The message names the
reason.  Nothing else is checked in such a file; the other files of the run are still checked.

This rule is applied by the runner when it reads the file, so its check finds nothing in a parsed
document.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Message, Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding

CODE = "NS001"
NAME = "unreadable-file"
SEVERITY = "error"


TITLE_JA = "にも包括シートとして読めないファイル"
WHAT_JA = """ファイルがない、開けない、既知の文字コード（UTF-8、BOM 付き UTF-16、CP932）のテキストでない、
大きすぎる、節の見出しが一つもない、のいずれかです。メッセージが理由を示します。
そのファイルはほかに何も検査しませんが、ほかのファイルは検査を続けます。
このルールはファイルを読むときに適用されるので、読めた文書からは何も見つけません。"""
WHY = Template(
    "Nothing of the file is checked or converted until it can be read.",
    "読めるようになるまで、そのファイルは何も検査・変換されません。",
)
FIX = Template(
    "Save the sheet as text (UTF-8) or PDF/DOCX with its headings; for an image PDF, use the original file.",
    "シートを見出し付きのテキスト（UTF-8）か PDF・DOCX で保存してください。"
    "画像の PDF なら元のファイルを使ってください。",
)
EXAMPLE = Example("（見出しのない、スキャンした画像だけの PDF）", "（元の Word ファイルから書き出した PDF）")
REASON = Template("{reason}", "シートとして読めません: {reason}")

# The reasons a file is refused for that say the same every time, in both languages (a reason that
# names a size, a page count or a library's error is shown as it is).
_REASONS = {
    t.en: t
    for t in (
        Template("file is empty", "ファイルが空です"),
        Template("file holds only white space", "ファイルには空白しかありません"),
        Template("no such file", "ファイルがありません"),
        Template("no such file or folder", "ファイルもフォルダもありません"),
        Template("is a folder, not a file", "ファイルではなくフォルダです"),
        Template("permission denied", "読む権限がありません"),
        Template("binary data, not text", "テキストではなくバイナリのデータです"),
        Template(
            "not a にも包括 sheet: no section heading found", "にも包括のシートではありません: 節の見出しがありません"
        ),
        Template(
            "looks like UTF-16 without a byte-order mark; save it as UTF-8",
            "BOM のない UTF-16 のようです。UTF-8 で保存してください",
        ),
        Template("damaged PDF (no %PDF- header)", "壊れた PDF です（%PDF- の見出しがありません）"),
        Template(
            "damaged PDF (cut off: the end of the file is missing)", "壊れた PDF です（ファイルの終わりが欠けています）"
        ),
    )
}


def reason(text: str) -> Message | str:
    """The reason, in both languages when it is one of those that say the same every time."""
    known = _REASONS.get(text)
    return known() if known is not None else text


def check(doc: Data) -> Iterator[Finding]:
    return iter(())
