"""Population, psychiatric beds, hospitals and inpatients that are implausible together.

- 人口 is between 10,000 and 15,000,000 (the smallest special ward and the largest prefecture are
  well inside); zero or less is an error.
- 精神科病床数 is at least 精神科病院の数 when there are hospitals (every psychiatric hospital has
  psychiatric beds; beds may exist without one, in general hospitals): fewer is an error.
- 精神科病床数 is at most 2 % of 人口 (Japan has about 0.26 %; the highest prefectures under 0.6 %).
- 入院精神障害者数 is less than 人口 (an error otherwise) and at most 2 % of it.

Any other combination is a warning: a value probably typed into the wrong row or with a digit too
many.  Reported at the row of the later value.
"""

from __future__ import annotations

from collections.abc import Iterator

from nikosheet.i18n import Template
from nikosheet.plain import Data
from nikosheet.validation.rules._common import Example, Finding, basic, inpatient_line, is_number

CODE = "NS206"
NAME = "statistics-plausible"
SEVERITY = "warning"

MIN_POPULATION, MAX_POPULATION = 10_000, 15_000_000
MAX_SHARE = 0.02


TITLE_JA = "ありそうにない人口・病床・病院・入院患者数の組み合わせ"
WHAT_JA = """人口は 10,000 から 15,000,000 の間です（0 以下は error）。精神科病床数は、
病院があれば精神科病院の数以上です（少なければ error）。精神科病床数は人口の 2 % 以下です（全国で約 0.26 %）。
入院精神障害者数は人口より少なく（そうでなければ error）、人口の 2 % 以下です。それ以外の組み合わせは warning で、
たいてい値を別の行に書いたか、桁を一つ多く打ったものです。後の値の行で報告します。"""
WHY = Template(
    "An implausible figure is usually a value in the wrong row or a digit too many; it skews every comparison.",
    "ありそうにない値の多くは、行の取り違えか桁の打ち間違いで、どの比較も狂わせます。",
)
FIX = Template(
    "Check the figure against its source, and the row it is written in.",
    "値を出典と照らし合わせ、書いた行が正しいか確かめてください。",
)
EXAMPLE = Example("人口（R5年4月時点）\t\t6,048\t人", "人口（R5年4月時点）\t\t604,894\t人")
POPULATION_NOT_POSITIVE = Template("人口 is {pop:,}", "人口が {pop:,} です")
POPULATION_RANGE = Template(
    "人口 {pop:,} is outside the plausible range {low:,}–{high:,}",
    "人口 {pop:,} はありそうな範囲 {low:,}–{high:,} の外です",
)
FEWER_BEDS = Template(
    "精神科病床数 {beds:,} is less than 精神科病院の数 {hospitals:,}",
    "精神科病床数 {beds:,} が精神科病院の数 {hospitals:,} より少ないです",
)
BEDS_SHARE = Template(
    "精神科病床数 {beds:,} is {share:.1%} of 人口 {pop:,}: more than {limit:.0%} is implausible",
    "精神科病床数 {beds:,} は人口 {pop:,} の {share:.1%} です。{limit:.0%} を超えるのはありそうにありません",
)
INPATIENTS_OVER_POPULATION = Template(
    "入院精神障害者数 {inpatients:,} is not less than 人口 {pop:,}",
    "入院精神障害者数 {inpatients:,} が人口 {pop:,} より少なくありません",
)
INPATIENTS_SHARE = Template(
    "入院精神障害者数 {inpatients:,} is {share:.1%} of 人口 {pop:,}: more than {limit:.0%} is implausible",
    "入院精神障害者数 {inpatients:,} は人口 {pop:,} の {share:.1%} です。{limit:.0%} を超えるのはありそうにありません",
)


def _q(info: Data, key: str) -> tuple[int | float | None, int | None]:
    q = info.get(key)
    if not isinstance(q, dict) or not is_number(q.get("value")):
        return None, None
    return q["value"], q.get("line")


def check(doc: Data) -> Iterator[Finding]:
    info = basic(doc)
    pop, pop_line = _q(info, "population")
    hospitals, _ = _q(info, "psychiatric_hospitals")
    beds, beds_line = _q(info, "psychiatric_beds")
    inp = info.get("inpatients") or {}
    inpatients = inp.get("total") if is_number(inp.get("total")) else None

    if pop is not None:
        if pop <= 0:
            yield Finding(pop_line, POPULATION_NOT_POSITIVE(pop=pop), "error")
        elif not MIN_POPULATION <= pop <= MAX_POPULATION:
            yield Finding(pop_line, POPULATION_RANGE(pop=pop, low=MIN_POPULATION, high=MAX_POPULATION))
    if beds is not None and hospitals is not None and hospitals > 0 and beds < hospitals:
        yield Finding(beds_line, FEWER_BEDS(beds=beds, hospitals=hospitals), "error")
    if beds is not None and pop and pop > 0 and beds > pop * MAX_SHARE:
        yield Finding(beds_line, BEDS_SHARE(beds=beds, share=beds / pop, pop=pop, limit=MAX_SHARE))
    if inpatients is not None and pop and pop > 0:
        line = inpatient_line(doc, "total")
        if inpatients >= pop:
            yield Finding(line, INPATIENTS_OVER_POPULATION(inpatients=inpatients, pop=pop), "error")
        elif inpatients > pop * MAX_SHARE:
            share = inpatients / pop
            yield Finding(line, INPATIENTS_SHARE(inpatients=inpatients, share=share, pop=pop, limit=MAX_SHARE))
