"""A count of consultation support offices that is not a whole number.

相談支援事業所数: 基幹相談支援センター数, 一般相談支援事業所数 and 特定相談支援事業所数 count
places, so each is a whole number, not negative (`2.5 か所` is a typing error).  Reported at the row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, is_number, office_line, said
from nikosheet.vocabulary import CONSULTATION_OFFICES

CODE = "NS205"
NAME = "consultation-office-count"
SEVERITY = "error"
DIAGNOSTICS = (Diagnostic.UNREADABLE_VALUE,)  # the parser's diagnostics this rule reports

LABELS = CONSULTATION_OFFICES
_WORDS = ("基幹", "一般相談", "特定相談")


TITLE_JA = "整数でない相談支援事業所数"
WHAT_JA = """相談支援事業所数の基幹相談支援センター数・一般相談支援事業所数・特定相談支援事業所数は場所の数なので、
負でない整数です（「2.5 か所」は入力の誤り）。その行で報告します。"""
WHY = Template(
    "A count of places that is not a whole number is a typing error: the count is unknown.",
    "場所の数が整数でないのは入力の誤りで、数は不明になります。",
)
FIX = Template(
    "Write the number of offices as a whole number: 2 か所.",
    "事業所の数を整数で書いてください（2 か所 など）。",
)
EXAMPLE = Example("\t一般相談支援事業所数\t2.5\tか所", "\t一般相談支援事業所数\t11\tか所")
OFFICE = Template("相談支援事業所数 {diagnostic}", "相談支援事業所数 {diagnostic}")
NOT_WHOLE = Template(
    "相談支援事業所数 {label}: {value!r} is not a whole number",
    "相談支援事業所数 {label}: {value} は整数ではありません",
)


def is_office_diagnostic(d: Data) -> bool:
    """A parser diagnostic about one of these counts not being a whole number."""
    return (
        d.get("code") == "unreadable-value"
        and "whole number" in d.get("message", "")
        and any(w in d["message"].split(":")[0] for w in _WORDS)
    )


def check(doc: Data) -> Iterator[Finding]:
    reported: set[int] = set()
    for d in doc.get("diagnostics") or []:
        if is_office_diagnostic(d):
            reported.add(d.get("line"))
            yield Finding(d.get("line"), OFFICE(diagnostic=said(d)))
    offices = basic(doc).get("consultation_offices")
    if not offices:
        return
    for key, label in LABELS.items():
        v = offices.get(key)
        if v is None or office_line(doc, key) in reported:
            continue
        if not is_number(v) or v != int(v) or v < 0:
            yield Finding(office_line(doc, key), NOT_WHOLE(label=label, value=v))
