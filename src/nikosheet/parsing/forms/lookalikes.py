"""Look-alike characters: what PDF and Word converters write in place of the author's characters.

pdfminer and the tools built on it give a kanji drawn from a font's radical glyph as the Kangxi
radical (`⼈⼝` for 人口, `⽉` for 月) or the CJK radicals supplement (`⻑` for 長, `⻘` for 青);
pdfminer also gives the fullwidth tilde of a range (`R6年度～R7年度`) as the wave dash U+301C.
Word's Symbol font gives its list bullet as the private-use U+F0B7; some PDFs give `・` as U+2027.
These are a converter's error, not the author's text: they are folded back to the characters they
stand for, in every line and so in every value, with one `folded-characters` diagnostic that counts
them.  NFKC folds the Kangxi radicals (to the Japanese form where it gives the traditional one:
`⼾` is 戸, not 戶); the supplement needs a table, kept to whole characters (a radical that only
stands for a component, such as ⺅, is left as written).
"""

from __future__ import annotations

import re
import unicodedata

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.parsing.forms import FormState, signals

# the CJK radicals supplement's whole characters (Unicode's EquivalentUnifiedIdeograph.txt)
_SUPPLEMENT = {
    "⺟": "母",
    "⺠": "民",
    "⺩": "王",
    "⺬": "示",
    "⺮": "竹",
    "⺷": "羊",
    "⺽": "臼",
    "⻁": "虎",
    "⻄": "西",
    "⻆": "角",
    "⻑": "長",
    "⻗": "雨",
    "⻘": "青",
    "⻝": "食",
    "⻟": "飠",
    "⻣": "骨",
    "⻤": "鬼",
    "⻨": "麦",
    "⻩": "黄",
    "⻫": "斉",
    "⻭": "歯",
    "⻯": "竜",
    "⻱": "龜",
    "⻲": "亀",
}
_PUNCTUATION = {
    "\u2027": "・",  # HYPHENATION POINT, for the katakana middle dot
    "\uf0b7": "・",  # Symbol font's bullet
    "\uf06c": "●",  # Wingdings' round bullet
    "\uf06e": "■",  # Wingdings' square bullet
    "\uf0a7": "▪",  # Wingdings' small square bullet
}

# Kangxi radicals whose NFKC ideograph is the traditional form (`⼾` → 戶): a Japanese font draws the
# Japanese one (戸), which is what the author typed (`神⼾市` is 神戸市)
_JAPANESE_FORMS = {"⼾": "戸", "⾭": "青", "⿆": "麦", "⿈": "黄", "⿊": "黒", "⿑": "斉", "⿒": "歯", "⿔": "亀"}

_FOLD: dict[int, str] = {
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    **{ord(k): v for k, v in _JAPANESE_FORMS.items()},
    **{ord(k): v for k, v in _SUPPLEMENT.items()},
    **{ord(k): v for k, v in _PUNCTUATION.items()},
}
_FIND = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD)) + "]")
_RADICAL = re.compile("[\u2f00-\u2fd5]")
# pdfminer's wave dash for the fullwidth tilde: folded only in a text that has Kangxi radicals (pdfminer's
# own mark), since elsewhere a wave dash may be the author's
_PDFMINER_FOLD = _FOLD | {0x301C: "～"}
_PDFMINER_FIND = re.compile(_FIND.pattern[:-1] + "\u301c]")


def folded(text: str) -> str:
    """The text with its look-alike characters folded back (pdfminer's wave dash too): a source line as
    the rewritten lines hold it."""
    return text.translate(_PDFMINER_FOLD)


def apply(state: FormState) -> None:
    """Fold every look-alike character back, and say how many there were."""
    if not signals.lookalikes(state.source) or not _FIND.search(state.source):
        return
    fold, find = (_PDFMINER_FOLD, _PDFMINER_FIND) if _RADICAL.search(state.source) else (_FOLD, _FIND)
    lines = state.lines
    folded: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line is None:
            continue
        found = find.findall(line)
        if found:
            for ch in found:
                folded[ch] = folded.get(ch, 0) + 1
            lines[i] = line.translate(fold)
    examples = ", ".join(f"{ch} → {fold[ord(ch)]}" for ch in sorted(folded, key=lambda c: -folded[c])[:5])
    count = sum(folded.values())
    state.note(Diagnostic.FOLDED_CHARACTERS, None, str(messages.FOLDED(count=count, examples=examples)))
