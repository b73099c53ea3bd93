"""Which item of OLD is which item of NEW: indicators, councils, departments, schedule items.

1. Items whose names are equal once normalised (NFKC, no white space) are the same item, taken
   in order, one to one.
2. Of the items left, a pair whose names are alike is the same item renamed: alike means a
   similarity (difflib's ratio of the normalised names) of at least 0.75, or of at least 0.5
   when both carry the same number (`②` in both). The most alike pairs are taken first.
3. What is left was removed (OLD) or added (NEW).

Likeness is weighed for at most `MAX_PAIRS` pairs (a sheet has tens of items, not thousands) and
on the first `NAME_CHARS` characters of each name, so that no list makes the comparison slow.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import NamedTuple

from nikosheet.output.diff.changes import normal
from nikosheet.plain import Data

ALIKE = 0.75
ALIKE_SAME_NUMBER = 0.5
MAX_PAIRS = 2_500
NAME_CHARS = 64


class Matching(NamedTuple):
    pairs: list[tuple[Data, Data]]  # (old, new), in NEW's order
    removed: list[Data]  # in OLD's order
    added: list[Data]  # in NEW's order


def match(old: list[Data], new: list[Data], name: Callable[[Data], str | None], number: str | None = None) -> Matching:
    """Pair the items of two lists by their names (`name`), then by likeness and `number`."""
    old_names = [normal(name(o) or "") for o in old]
    new_names = [normal(name(n) or "") for n in new]
    by_name: dict[str, deque[int]] = defaultdict(deque)
    for i, key in enumerate(old_names):
        if key:
            by_name[key].append(i)
    partner: dict[int, int] = {}  # new index → old index
    for j, key in enumerate(new_names):
        if by_name.get(key):
            partner[j] = by_name[key].popleft()
    paired = set(partner.values())
    left_old = [i for i in range(len(old)) if i not in paired]
    left_new = [j for j in range(len(new)) if j not in partner]
    candidates = []
    if len(left_old) * len(left_new) > MAX_PAIRS:
        left_old = []
    matcher = SequenceMatcher(autojunk=False)
    for j in left_new:
        matcher.set_seq2(new_names[j][:NAME_CHARS])  # difflib indexes the second sequence: once each
        for i in left_old:
            same_number = _same_number(old[i], new[j], number)
            least = ALIKE_SAME_NUMBER if same_number else ALIKE
            matcher.set_seq1(old_names[i][:NAME_CHARS])
            ratio = _likeness(matcher, least)
            if ratio >= least:
                candidates.append((ratio + (0.25 if same_number else 0.0), i, j))
    taken_old: set[int] = set()
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in taken_old and j not in partner:
            partner[j] = i
            taken_old.add(i)
    paired_old = set(partner.values())
    return Matching(
        [(old[partner[j]], new[j]) for j in sorted(partner)],
        [o for i, o in enumerate(old) if i not in paired_old],
        [n for j, n in enumerate(new) if j not in partner],
    )


def _likeness(matcher: SequenceMatcher[str], least: float) -> float:
    """difflib's ratio of two names (0 when a quick upper bound says it is below `least`)."""
    if matcher.real_quick_ratio() < least or matcher.quick_ratio() < least:
        return 0.0
    return matcher.ratio()


def _same_number(old: Data, new: Data, number: str | None) -> bool:
    """Whether both items carry the same number (none is not the same)."""
    return number is not None and old.get(number) is not None and old.get(number) == new.get(number)
