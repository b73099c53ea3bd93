"""Template text: guidance the sheet's template prints, and placeholders left unfilled."""

from __future__ import annotations

import itertools

from nikosheet.parsing.cells import holds_any
from nikosheet.parsing.lines import squeeze
from nikosheet.parsing.memo import cached
from nikosheet.parsing.values.eras import has_placeholder_year

_GUIDANCE = (
    "指標設定が困難な場合は",
    "代替指標や定性的な文言でも構いません",  # its second half, where a narrow cell wrapped it
    "できるだけ詳しく記載ください",
    "自由に記載ください",
    "記載してください",
    "記入してください",
    "記入ください",
)
# ●●, ○×, ○年度: two of these marks in a row, or one but × before 年度.  Compared, not matched: a
# class of them compiles to a 64 KiB map on every run, and most texts hold none of them
_MARKS = "●○〇◯×"


def is_guidance(text: str) -> bool:
    """Whether the text holds guidance the template prints, such as 記載してください."""
    # every phrase has 記 or 指, and only 🈯 becomes one of them under NFKC: most lines have none
    if "記" not in text and "指" not in text and "\U0001f22f" not in text:
        return False
    s = squeeze(text)  # the phrases looked for with `in`: an alternation of them compiles to a 64 KiB map
    return holds_any(s, _GUIDANCE)


def completes_guidance(head: str, tail: str) -> bool:
    """Whether `tail` starts with the rest of a guidance phrase that `head` ends inside: the template's
    guidance wrapped by the page (`…自由に記載くだ` / `さい`)."""
    end, start = squeeze(head)[-12:], squeeze(tail)[:12]
    return any(
        end.endswith(phrase[:k]) and start.startswith(phrase[k:]) for phrase in _GUIDANCE for k in range(2, len(phrase))
    )


@cached(limit=256)  # the template's placeholders (R●年度, ●●) come back in every sheet; the rest do not
def is_placeholder(text: str) -> bool:
    """Whether the text holds an unfilled placeholder such as ●●, ○年度 or R●年."""
    s = squeeze(text)
    return bool(s) and (has_placeholder_year(s) or _has_marks(s))


def _has_marks(s: str) -> bool:
    """Two of `_MARKS` in a row, or one of them but × before 年度."""
    if not holds_any(s, _MARKS):
        return False
    return any(
        a in _MARKS and (b in _MARKS or (a != "×" and s.startswith("年度", i + 1)))
        for i, (a, b) in enumerate(itertools.pairwise(s))
    )
