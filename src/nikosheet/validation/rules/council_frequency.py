"""A council without a frequency.

Section 7 gives each council (協議の場) how often it meets: `2回/年`, `年6回`, `月1回`, `随時`.  An
empty 開催頻度 is a warning; one that gives no count a year and is not `随時` is
`unreadable-value`.  Reported at the council's row.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import NO_NAME, Example, Finding, short

CODE = "NS502"
NAME = "council-without-frequency"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.MISSING_VALUE,)  # the parser's diagnostics this rule reports


TITLE_JA = "開催頻度のない協議の場"
WHAT_JA = """第7節では、協議の場ごとにどのくらいの頻度で開くかを書きます（2回/年、年6回、月1回、随時）。
空欄の開催頻度は warning です。年に何回かが分からず随時でもないものは unreadable-value が報告します。
協議の場の行で報告します。"""
WHY = Template(
    "How often a council meets is compared across bodies; an empty frequency leaves it out.",
    "協議の場の開催頻度は自治体間で比べられます。空欄だとその比較から抜け落ちます。",
)
FIX = Template(
    "Write how often the council meets: 年2回, 月1回, 随時.",
    "開催頻度を書いてください（年2回、月1回、随時 など）。",
)
EXAMPLE = Example("事務局会議\t障害福祉課、疾病対策課\t\t", "事務局会議\t障害福祉課、疾病対策課\t6回/年\t")
NO_FREQUENCY = Template("council {name!r} has no 開催頻度", "協議の場「{name}」に開催頻度がありません")


def check(doc: Data) -> Iterator[Finding]:
    for m in (doc.get("councils") or {}).get("meetings") or []:
        if not (m.get("frequency") or {}).get("text"):
            yield Finding(m.get("line"), NO_FREQUENCY(name=short(m["name"]) if m.get("name") else NO_NAME()))
