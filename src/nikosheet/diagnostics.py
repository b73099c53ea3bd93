"""The parser's diagnostic codes: what was read with doubt, each with its default severity.

A document's `diagnostics[].code` is one of these.  `nikosheet validate` reports each through the
rule that claims it (a rule's `DIAGNOSTICS`), and `nikosheet rules` lists them beside the rules.
"""

from __future__ import annotations

from enum import StrEnum


class Diagnostic(StrEnum):
    """A diagnostic code; `severity` is what the parser gives it unless a case says otherwise."""

    severity: str
    summary: str

    def __new__(cls, code: str, severity: str, summary: str) -> Diagnostic:
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity = severity
        member.summary = summary
        return member

    AMBIGUOUS_CHOICE = ("ambiguous-choice", "warning", "Both options of a choice look marked: the answer is unknown.")
    APPROXIMATE_VALUE = ("approximate-value", "info", "A number written as approximate (約): read as written.")
    CONTROL_CHARACTERS = (
        "control-characters",
        "warning",
        "NUL or control characters a converter left in the text: dropped, the rest read.",
    )
    CONVERTER_SPACES = (
        "converter-spaces",
        "info",
        "Spaces a PDF renderer put between Japanese and Western characters (R6 年 4 月): removed.",
    )
    DUPLICATE_ROW = ("duplicate-row", "warning", "A 基本情報 row that appears twice: the first is kept.")
    FOLDED_CHARACTERS = (
        "folded-characters",
        "info",
        "Look-alike characters a converter put for the author's (⼈ for 人, U+F0B7 for ・): folded back.",
    )
    EMPTY_ROW = ("empty-row", "info", "A table row with nothing filled in.")
    GUIDANCE_ROW = ("guidance-row", "warning", "A table row that holds only the template's guidance: not content.")
    MISSING_TABLE = (
        "missing-table",
        "warning",
        "A section's table was not read as a table: its lines are kept as text or unparsed.",
    )
    MISSING_ROW = (
        "missing-row",
        "warning",
        "A row of the 基本情報 table not found where the rest of the table was read: its statistic is unknown (null).",
    )
    MISSING_VALUE = ("missing-value", "info", "A cell the template asks for is empty: the value is unknown (null).")
    PLACEHOLDER = ("placeholder", "warning", "The template's placeholder left unfilled (R●年度, ○○): unknown.")
    REPEATED_SECTION = ("repeated-section", "info", "A section heading found a second time: its text is read as one.")
    SHIFTED_CELL = (
        "shifted-cell",
        "warning",
        "A cell that holds what belongs in another column or row (a header, an event in the year's cell, no"
        " frequency in 開催頻度): the table was read out of line, its values are doubtful.",
    )
    TEMPLATE_GUIDANCE = (
        "template-guidance",
        "info",
        "The template's guidance left in the sheet: kept as template text.",
    )
    TRUNCATED_FILE = ("truncated-file", "warning", "The file ends inside a character: read without it.")
    UNEXPECTED_ROW = ("unexpected-row", "warning", "A row more than the template has under a 基本情報 statistic.")
    UNKNOWN_SECTOR = (
        "unknown-sector",
        "warning",
        "A sector label that is none of 保健, 医療, 福祉, その他: read as others.",
    )
    UNMARKED_CHOICE = (
        "unmarked-choice",
        "warning",
        "Neither option of a choice is marked: the answer is unknown (null).",
    )
    UNPARSED_LINES = (
        "unparsed-lines",
        "warning",
        "Lines of content that no field took: kept in `unparsed`, each with its line number.",
    )
    UNREADABLE_VALUE = ("unreadable-value", "warning", "A value that does not read as the number or date it should be.")
