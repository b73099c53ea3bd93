"""Before section 1: the body's name, a slogan and a vision paragraph.

In the samples' form each is a paragraph of its own; PDF text (pdftotext, pypdf, PyMuPDF …) writes
them as one run of lines with no blank line between, the slogan and the vision wrapped:

    川口市
    「安心して 帰れる 帰せる
    暮らしがつつく 川口市」
    川口市では、精神障害の有無や程度にかかわらず、…

Such a run is cut where a part begins: the name's line, a slogan's opening bracket (up to the line
that closes it), a vision that starts with the name and では.  The vision's lines that the page's
width wrapped are joined back (`…ことができ` + `るよう、…`); a slogan keeps its line breaks.
"""

from __future__ import annotations

import re
from itertools import pairwise

from nikosheet.parsing.lines import Block, Line, blocks
from nikosheet.parsing.memo import cached
from nikosheet.parsing.sections.common import block_text
from nikosheet.parsing.state import Context
from nikosheet.plain import Data

_NAME = r"[^\s、。「」『』()（）:：・]{1,10}?(?:都|道|府|県|市|区|町|村)"
_NAME_RE = re.compile(_NAME)
# labels a converter may leave before the name: 都道府県名：, （市町村名）
_LABEL_RE = re.compile(r"[（(]?[^\s（）()：:]{1,6}名[)）]?[ \u3000]*[：:]?")
_SPACE = " \u3000\t"
# the template's own words for kinds of body (a unit cell `市町村`, a label `都道府県`): never a name
_KINDS = frozenset("都道府県市区町村")
_KIND_WORDS = ("指定都市", "中核市", "特別区", "政令市", "市区町村", "区市町村")
_OPENERS = ("「", "『")
_CLOSERS = ("」", "』")
_PAGE_WIDE = 20  # a vision line this long that stops mid-sentence was wrapped at the page's edge


@cached()  # the preamble's lines are much the same from sheet to sheet
def name_in(text: str) -> str | None:
    """The body's name when the line is only a name (with labels): the last one, the most specific."""
    rest = _LABEL_RE.sub(" ", text.strip(_SPACE)) if "名" in text else text.strip(_SPACE)
    tokens = rest.split(maxsplit=3)  # a fourth token already says no: a long line is not split whole
    if not tokens or len(tokens) > 3 or not all(_NAME_RE.fullmatch(t) for t in tokens):
        return None
    name = tokens[-1]
    return None if _KINDS.issuperset(name) or name.endswith(_KIND_WORDS) else name


def looks_like_name(text: str) -> bool:
    """Whether the line is only the body's name (see `name_in`)."""
    return name_in(text) is not None


def _opens_vision(par: str, name: str | None) -> bool:
    """Whether a paragraph starts as a vision does: the body's name, then では or は、."""
    head = par[:20]
    return bool(name and par.startswith(name) and ("では" in head or "は、" in head))


def _is_vision(par: str, name: str | None) -> bool:
    return len(par) >= 60 or _opens_vision(par, name)


def _parts(b: Block, name: str | None) -> list[Block]:
    """A paragraph cut where a slogan or a vision begins (PDF text runs them together)."""
    if len(b.lines) == 1:
        return [b]
    out: list[Block] = []
    closed = True  # no slogan bracket left open
    for ln in b.lines:
        text = ln.text.strip(_SPACE)
        begins = closed and (text.startswith(_OPENERS) or _opens_vision(text, name))
        if not out or begins:
            out.append(Block(b.kind, [ln]))
        else:
            out[-1].lines.append(ln)
        if text.startswith(_OPENERS) or not closed:
            closed = text.endswith(_CLOSERS)
    return out


def read(ctx: Context, lines: list[Line]) -> Data:
    """The lines before section 1: the document's municipality, slogan and vision."""
    name = None
    prefecture_only = False  # the name found is a prefecture's, labelled as one: a city's may follow
    paras: list[str] = []
    for b in blocks(lines):
        if b.kind == "table":
            continue  # a table before section 1 is no slogan: left for unparsed
        first = b.lines[0]
        if (name is None or prefecture_only) and name_in(first.text):
            # a prefecture's label on a line of its own, the city's on the next (a PDF's text of
            # `（都道府県名）埼玉県　（市町村名）越谷市`): the city is the body
            prefecture_only = name is None and "都道府県名" in first.text and "町村名" not in first.text
            name = name_in(first.text)
            ctx.take(first.no)
            if len(b.lines) == 1:
                continue
            b = Block(b.kind, b.lines[1:])
        ctx.take_all([ln.no for ln in b.lines])
        paras.extend(map(_text, _parts(b, name)))
    vision: list[str] = []
    slogan: list[str] = []
    after_vision = False  # the paragraph before was the vision, cut before its end (no 。)
    for par in paras:
        if _is_vision(par, name) or after_vision:  # after_vision: its last words, below a page break
            vision.append(par)
        else:
            slogan.append(par)
        after_vision = bool(vision) and vision[-1] is par and not par.endswith("。")
    return {"municipality": name, "slogan": "\n".join(slogan) or None, "vision": _unwrapped("\n".join(vision)) or None}


def _unwrapped(vision: str) -> str:
    """The vision without the line breaks a PDF's page width made: a long line that stops inside a
    sentence, between two Japanese characters, goes on with the next (`…ことができ` / `るよう、…`)."""
    if "\n" not in vision:
        return vision
    lines = vision.split("\n")
    out = [lines[0]]
    for prev, line in pairwise(lines):
        wrapped = len(prev) >= _PAGE_WIDE and not prev.endswith("。") and not prev[-1].isascii()
        if wrapped and line and not line[0].isascii():
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _text(part: Block) -> str:
    """A part's text; pandoc's hard line break (a backslash at a line's end) is markup."""
    text = block_text(part)
    return text.replace("\\\n", "\n").removesuffix("\\") if "\\" in text else text
