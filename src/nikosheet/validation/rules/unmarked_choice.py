"""A 有・無 choice with neither option marked.

`有・無` with nothing marked means the circle of the PDF was lost, or never drawn: the answer is
unknown (null in the document).  川口市's 精神領域に関する議論を行う部会の有無 is such a case.

The rows of 協議の場の設置状況 carry a count beside the choice.  When the count cell is filled in
(`1 / 1`), it already answers the question, so the unmarked choice is only info.  The 都道府県 and
障害保健福祉圏域 rows of a city or special ward, left empty, are usually not applicable: info too.
Any other unmarked choice is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, diagnostics, is_single_municipality, said, setup_rows

CODE = "NS301"
NAME = "unmarked-choice"
SEVERITY = "warning"
DIAGNOSTICS = (Diagnostic.UNMARKED_CHOICE,)  # the parser's diagnostics this rule reports


TITLE_JA = "有・無のどちらにも印がない"
WHAT_JA = """有・無のどちらにも印がないのは、PDF の丸が失われたか、付けられなかったためで、
回答は不明（文書では null）です。川口市の「精神領域に関する議論を行う部会の有無」がその例です。
協議の場の設置状況の行には、選択肢の横に数があります。数が記入されていれば（1 / 1）それが答えになるので、
印がないのは info です。市や特別区の都道府県・障害保健福祉圏域の行が空欄なのは、たいてい該当しないためで、
これも info です。それ以外は warning です。"""
WHY = Template(
    "An unmarked choice is an unknown answer: the body's 有 or 無 is lost from every table.",
    "印のない選択肢は回答不明となり、その自治体の有・無がどの一覧表からも抜け落ちます。",
)
FIX = Template(
    "Mark one option, (有) or (無); in a PDF, make sure the circle is text, not a drawing.",
    "「有」か「無」のどちらかに印を付けてください。PDF では丸が図形でなく文字になっているか確かめてください。",
)
EXAMPLE = Example("\t精神領域に関する議論を行う部会の有無\t有・無", "\t精神領域に関する議論を行う部会の有無\t(有)・無")
UNKNOWN = Template("{diagnostic}: the answer is unknown", "{diagnostic}。回答が不明です")
IMPLIED = Template(
    "{diagnostic}; the count {text!r} implies {implied}", "{diagnostic}。数「{text}」からは{implied}です"
)
COUNT_FILLED = Template(
    "{diagnostic}; the count cell {text!r} is filled in", "{diagnostic}。数のセル「{text}」は記入されています"
)
NOT_APPLICABLE = Template(
    "{diagnostic} and no count given: not applicable to a city or ward?",
    "{diagnostic}。数もありません。市や区には該当しない項目でしょうか",
)
NO_COUNT = Template("{diagnostic} and no count given: the answer is unknown", "{diagnostic}。数もなく、回答が不明です")


def _setups(doc: Data) -> dict[int, tuple[str, Data]]:
    return {s["line"]: (k, s) for k, _, s in setup_rows(doc) if s.get("line") is not None}


def check(doc: Data) -> Iterator[Finding]:
    setups = _setups(doc)
    city = is_single_municipality(doc)
    for d in diagnostics(doc, "unmarked-choice"):
        line = d.get("line")
        hit = setups.get(line) if line is not None else None
        if hit is None:
            yield Finding(line, UNKNOWN(diagnostic=said(d)))
            continue
        key, s = hit
        text = (s.get("text") or "").strip()
        count = s.get("count")
        if count is not None:
            implied = "有" if count > 0 else "無"
            yield Finding(line, IMPLIED(diagnostic=said(d), text=text, implied=implied), "info")
        elif any(ch.isdigit() for ch in text):
            yield Finding(line, COUNT_FILLED(diagnostic=said(d), text=text), "info")
        elif city and key != "municipality":
            yield Finding(line, NOT_APPLICABLE(diagnostic=said(d)), "info")
        else:
            yield Finding(line, NO_COUNT(diagnostic=said(d)))
