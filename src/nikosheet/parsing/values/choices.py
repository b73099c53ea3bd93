"""Choices such as 有・無: which option the PDF's circle marked, if any survived."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import squeeze
from nikosheet.parsing.memo import cached

_MARKS = "○〇◯●◎☑✓✔■☒"
_UNMARKS = "□☐"
YES, NO = ("有", "あり", "はい"), ("無", "なし", "いいえ")
# a mark, or an option standing alone: no other letter joined to it (有識者, 無料 are words of their own)
_OPTIONS_RE = re.compile(
    f"[{_MARKS}{_UNMARKS}]|(?<![^\\W\\d_有無])(?:有り|無し|あり|なし|はい|いいえ|有|無)(?![^\\W\\d_有無])"
)


@cached(limit=1024)  # a choice's cell is the template's options in most sheets: answered from memory
def without_options(text: str) -> str:
    """The text with its options and marks taken out: what else a choice's cell holds (`有・無 集計中`)."""
    return _OPTIONS_RE.sub(" ", text)


def _marked(s: str, opt: str) -> bool | None:
    """True when the option is marked, None when it is absent from the text."""
    i = s.find(opt)
    if i < 0:
        return None
    j = i + len(opt)
    before = s[i - 1] if i else ""
    after = s[j] if j < len(s) else ""
    if before == "(" and after == ")":
        return True
    if before and before in _MARKS:
        return True
    if before and before in _UNMARKS:
        return False
    return bool(s[j : j + 3] in ("(○)", "(〇)", "(◯)", "(●)") or (after in _MARKS and after))


def _first_marked(s: str, options: tuple[str, ...]) -> bool | None:
    """Whether the first of the options found in the text is marked; None when none is there."""
    for opt in options:
        if opt in s:
            r = _marked(s, opt)
            if r is not None:
                return r
    return None


@cached()  # the template's choice cells (有・無 and its marks) come back in every sheet
def read_choice(text: str) -> tuple[bool | None, str]:
    """(answer, state): state is 'marked', 'unmarked' (options but no mark), 'ambiguous' or 'absent'."""
    s = squeeze(text)
    yes = _first_marked(s, YES)
    no = _first_marked(s, NO)
    if yes is None and no is None:
        return None, "absent"
    if yes and no:
        return None, "ambiguous"
    if yes:
        return True, "marked"
    if no:
        return False, "marked"
    if yes is None:  # only 無 written
        return False, "marked"
    if no is None:  # only 有 written
        return True, "marked"
    return None, "unmarked"
