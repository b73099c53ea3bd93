"""Distinct sheets for the benchmark's corpora, as a real year's are.

A year's ~150 sheets share the template (headings, labels, units, guidance) and little else: each
body writes its own numbers and its own text.  Copies of a few sheets would let every remembered
string pay off, which real batches never see.  So each sheet of a corpus is one of the samples or
fixtures with

* every free text the parser reads from it (any text value of its document: slogan, overview,
  history, indicators, councils, schedule items …) changed in a few of its kanji, and
* every digit of its value cells (cells that hold only numbers, e.g. ``604,894`` or ``92 26.7``)
  drawn anew,

chosen by a seed made of the sheet's number, so that the corpus is the same from run to run.  The
template's own text, dates (``R5年4月時点``) and headings are kept, so every variant is read the
way its source is.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nikosheet
from nikosheet.sources.text import read_bytes

# Common kanji that every encoding of the sources (UTF-8, UTF-16, CP932) can write.
POOL = "安全住民支援活動地域連携相談訪問計画推進会議研修家族病院職員生活就労居住事業体制強化検討実施"
KANJI = re.compile(r"[\u4e00-\u9fff]")
KEPT = frozenset("令和平成元年度月日時点上中下旬半期毎隔週回")  # dates and frequencies stay (令和元年度, 下半期, 年2回)
VALUE_CELL = re.compile(r"(?<=[\t|])[ \d,./]*\d[ \d,./]*(?=[\t|\r\n]|$)", re.M)
DIGIT = re.compile(r"\d")
# Parts of the document that are not the author's text.
NOT_TEXT = frozenset({"source", "sections", "diagnostics", "unparsed", "template_text", "unit", "as_of", "month"})
MIN_TEXT = 6  # shorter values are names and labels that real sheets share (保健所, 有)


@dataclass(frozen=True)
class Source:
    stem: str
    encoding: str
    text: str  # decoded, line ends as in the file
    free_text: re.Pattern[str] | None  # every free text of the sheet, longest first


def load(paths: list[Path]) -> list[Source]:
    """The sheets at `paths`, each with the free text that is its body's own: a text that another
    body's sheet also has (a sector's name, a council's usual name, a label's part) is the template's."""
    data = [p.read_bytes() for p in paths]
    docs = [nikosheet.parse_bytes_data(d) for d in data]
    bodies: dict[str, list[str]] = {}
    for raw, doc in zip(data, docs, strict=True):
        bodies.setdefault(doc.get("municipality") or "", []).append(raw.decode(read_bytes(raw).encoding or "utf-8"))
    sources = []
    for path, raw, doc in zip(paths, data, docs, strict=True):
        others = [t for body, texts in bodies.items() if body != (doc.get("municipality") or "") for t in texts]
        own = {t for t in _texts(doc) if not any(t in other for other in others)}
        sources.append(_source(path, raw, own))
    return sources


def _source(path: Path, data: bytes, texts: set[str]) -> Source:
    encoding = read_bytes(data).encoding or "utf-8"
    ordered = sorted(texts, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
    return Source(path.stem, encoding, data.decode(encoding), pattern)


def _texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_TEXT:
                yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)
    elif isinstance(node, str) and len(node) >= MIN_TEXT and len(KANJI.findall(node)) >= 2:
        yield node


def variant(source: Source, number: int) -> bytes:
    """The `number`-th sheet made from `source`: its free text and value cells changed."""
    rng = random.Random(f"{source.stem}:{number}")
    text = source.text
    if source.free_text is not None:
        text = source.free_text.sub(lambda m: _changed_text(m.group(), rng), text)
    text = VALUE_CELL.sub(lambda m: _changed_digits(m.group(), rng), text)
    return text.encode(source.encoding)


def _changed_text(text: str, rng: random.Random) -> str:
    chars = list(text)
    spots = [i for i, c in enumerate(chars) if KANJI.match(c) and c not in KEPT]
    for i in rng.sample(spots, min(3, len(spots))):
        chars[i] = rng.choice(POOL)
    return "".join(chars)


def _changed_digits(cell: str, rng: random.Random) -> str:
    def draw(m: re.Match[str]) -> str:
        first = m.start() == 0 or not cell[m.start() - 1].isdigit()
        return str(rng.randint(1, 9) if first else rng.randint(0, 9))

    return DIGIT.sub(draw, cell)
