"""An indicator listed twice.

Within section 4's indicators, or within section 5's, two indicators with the same name (compared
without white space, full-width and half-width alike) or the same number (two ②) are probably a
row copied and not edited.  Reported at the second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, key_text, numbered
from nikosheet.vocabulary import CIRCLED

CODE = "NS503"
NAME = "duplicate-indicator"
SEVERITY = "warning"


TITLE_JA = "2回ある指標"
WHAT_JA = """第4節の指標の中、または第5節の指標の中で、名称が同じ（空白を除き、
全角・半角を区別せずに比べます）か番号が同じ（②が二つ）指標は、たいてい行をコピーして直さなかったものです。
2つ目で報告します。"""
WHY = Template(
    "A copied row counts one indicator twice and hides the one that was meant.",
    "コピーした行は一つの指標を二重に数え、本来書くはずだった指標を隠します。",
)
FIX = Template(
    "Edit the copied row into the indicator meant, or delete it; number the indicators ①, ②, ③.",
    "コピーした行を本来の指標に書き直すか削除し、指標に①、②、③と番号を付けてください。",
)
EXAMPLE = Example("①地域課題解決に向けた具体的方策の検討", "②地域課題解決に向けた具体的方策の検討")
LISTED_TWICE = Template(
    "section {section} indicator {what} is listed twice (first at line {first})",
    "{section}．の指標 {what} が2回あります（最初は{first}行目）",
)
SAME_NUMBER = Template(
    "section {section} has two indicators numbered {mark} (first at line {first})",
    "{section}．に番号 {mark} の指標が二つあります（最初は{first}行目）",
)


def _check(indicators: list[Data], section: int) -> Iterator[Finding]:
    names: dict[str, int | None] = {}
    numbers: dict[int, int | None] = {}
    for ind in indicators:
        line = ind.get("line")
        what = numbered(ind.get("number"), ind.get("name"))
        name = key_text(ind.get("name"))
        number = ind.get("number")
        if name and name in names:
            yield Finding(line, LISTED_TWICE(section=section, what=what, first=names[name]))
        elif isinstance(number, int) and number in numbers:
            mark = CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)
            yield Finding(line, SAME_NUMBER(section=section, mark=mark, first=numbers[number]))
        if name:
            names.setdefault(name, line)
        if isinstance(number, int):
            numbers.setdefault(number, line)


def check(doc: Data) -> Iterator[Finding]:
    yield from _check((doc.get("outcomes") or {}).get("indicators") or [], 4)
    yield from _check((doc.get("strengths_and_issues") or {}).get("indicators") or [], 5)
