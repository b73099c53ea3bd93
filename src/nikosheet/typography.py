"""Japanese typography the readers rely on: what never starts a printed line, what never starts a word.

A page wraps Japanese text between any two characters but these (kinsoku): a line never starts with
a closing mark, a comma or full stop, a long vowel mark or a small kana, so the character before it
goes down with it (`…10圏` / `域）`).  A word never starts with ン, ー or a small kana either: a cell
that does was cut from the word before it.
"""

from __future__ import annotations

SMALL_KANA = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
CLOSING_MARKS = "）)」』】〕〉》］]｝}’”"
PUNCTUATION = "、。，．,.・：；:;？！?!"
NO_LINE_START = frozenset(PUNCTUATION + CLOSING_MARKS + "ー々〜～" + SMALL_KANA + "…‥%％")
NO_WORD_START = "ンんー" + SMALL_KANA
RANGE_MARKS = "～〜~－-"  # a range's mark between its ends (`R6年7月～9月`): what follows it goes on the range
# what a content word may start with where no particle may: a kanji, a katakana, a Latin letter (a regex
# class's body: `…を開始` then a word is two events, `…を開始し、` one)
WORD_START = "\u4e00-\u9fff\u30a1-\u30faA-Za-z"


def word_start(ch: str) -> bool:
    """Whether `ch` is in `WORD_START`: compared, not matched (a class over the kanji costs most of a
    millisecond to compile, as much as a few sheets' reading)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u30a1" <= ch <= "\u30fa" or "A" <= ch <= "Z" or "a" <= ch <= "z"


def continues(text: str) -> bool:
    """Whether a text cannot start a cell, so goes on the text before it: it starts with a hiragana (an
    inflection's or a particle's) or with a mark that starts no line."""
    return bool(text) and ("\u3041" <= text[0] <= "\u3096" or text[0] in NO_LINE_START)


def starts_hiragana(text: str) -> bool:
    """Whether a text starts with a hiragana (a particle, an inflection, or a word in kana)."""
    return "\u3041" <= text[:1] <= "\u309f"


def starts_katakana(text: str) -> bool:
    """Whether a text starts with a katakana (a loanword's letter: `ー` after one goes on its word)."""
    return "\u30a1" <= text[:1] <= "\u30fa"
