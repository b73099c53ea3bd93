"""A value that is there but cannot be read.

A number cell holding no number (`約三百`), a count cell such as `1 1 1`, a year that is not a
date, a frequency that gives no count a year.  The value is null in the document.  The severity is
the parser's: warning for numbers and dates, info for a frequency written in words.  Counts of
相談支援事業所 that are not whole numbers are `consultation-office-count` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, said
from nikosheet.validation.rules.consultation_office_count import is_office_diagnostic

CODE = "NS107"
NAME = "unreadable-value"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.UNREADABLE_VALUE,)  # the parser's diagnostics this rule reports


TITLE_JA = "あるのに読めない値"
WHAT_JA = """数のセルに数がない（約三百）、「1 1 1」のような数、日付でない年度、年に何回かが分からない開催頻度など。
値は文書では null になります。重さはパーサーのもので、数と日付は warning、言葉で書かれた開催頻度は info です。
相談支援事業所の数が整数でないときは consultation-office-count が報告します。"""
WHY = Template(
    "A value that cannot be read is unknown (null): tables of all bodies miss it.",
    "読めない値は不明（null）になり、全自治体の一覧表から抜け落ちます。",
)
FIX = Template(
    "Write the value as a number or a date: 1,234, R5年4月1日, 年2回.",
    "値を数や日付で書いてください（1,234、R5年4月1日、年2回 など）。",
)
EXAMPLE = Example("精神科病床数（R5年4月時点）\t\t約四百\t床", "精神科病床数（R5年4月時点）\t\t438\t床")


def check(doc: Data) -> Iterator[Finding]:
    for d in diagnostics(doc, "unreadable-value"):
        if is_office_diagnostic(d):
            continue
        yield Finding(d.get("line"), said(d), "info" if d.get("severity") == "info" else None)
