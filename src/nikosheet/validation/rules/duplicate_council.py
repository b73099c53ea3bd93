"""A council listed twice.

Two rows of section 7 with the same 名称 (compared without white space, full-width and half-width
alike) are probably a row copied and not edited.  Reported at the second one.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, key_text, short

CODE = "NS504"
NAME = "duplicate-council"
SEVERITY = "warning"


TITLE_JA = "2回ある協議の場"
WHAT_JA = """第7節で名称が同じ（空白を除き、全角・半角を区別せずに比べます）二つの行は、
たいてい行をコピーして直さなかったものです。2つ目で報告します。"""
WHY = Template(
    "A copied row counts one council twice and hides the one that was meant.",
    "コピーした行は一つの協議の場を二重に数え、本来書くはずだったものを隠します。",
)
FIX = Template(
    "Edit the copied row into the council meant, or delete it.",
    "コピーした行を本来の協議の場に書き直すか、削除してください。",
)
EXAMPLE = Example("事務局会議\t協議の場の委員\t4回/年", "委員ヒアリング\t協議の場の委員\t4回/年")
LISTED_TWICE = Template(
    "council {name!r} is listed twice (first at line {first})", "協議の場「{name}」が2回あります（最初は{first}行目）"
)


def check(doc: Data) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for m in (doc.get("councils") or {}).get("meetings") or []:
        name = key_text(m.get("name"))
        if not name:
            continue
        if name in seen:
            yield Finding(m.get("line"), LISTED_TWICE(name=short(m["name"]), first=seen[name]))
        else:
            seen[name] = m.get("line")
