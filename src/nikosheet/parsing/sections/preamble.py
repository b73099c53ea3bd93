"""Before section 1: the body's name, a slogan and a vision paragraph."""

from __future__ import annotations

import re

from nikosheet.parsing.lines import Line, blocks
from nikosheet.parsing.sections.common import block_text
from nikosheet.parsing.state import Context
from nikosheet.plain import Data

_NAME = r"[^\s、。「」『』()（）:：・]{1,10}?(?:都|道|府|県|市|区|町|村)"
_NAME_RE = re.compile(_NAME)
# labels a converter may leave before the name: 都道府県名：, （市町村名）
_LABEL_RE = re.compile(r"[（(]?[^\s（）()：:]{1,6}名[)）]?[ \u3000]*[：:]?")
_SPACE = " \u3000\t"


def name_in(text: str) -> str | None:
    """The body's name when the line is only a name (with labels): the last one, the most specific."""
    rest = _LABEL_RE.sub(" ", text.strip(_SPACE)) if "名" in text else text.strip(_SPACE)
    tokens = rest.split(maxsplit=3)  # a fourth token already says no: a long line is not split whole
    if not tokens or len(tokens) > 3 or not all(_NAME_RE.fullmatch(t) for t in tokens):
        return None
    return tokens[-1]


def looks_like_name(text: str) -> bool:
    """Whether the line is only the body's name (see `name_in`)."""
    return name_in(text) is not None


def _is_vision(par: str, name: str | None) -> bool:
    head = par[:20]
    return len(par) >= 60 or bool(name and par.startswith(name) and ("では" in head or "は、" in head))


def read(ctx: Context, lines: list[Line]) -> Data:
    """The lines before section 1: the document's municipality, slogan and vision."""
    name = None
    paras: list[str] = []
    for b in blocks(lines):
        if b.kind == "table":
            continue  # a table before section 1 is no slogan: left for unparsed
        first = b.lines[0]
        if name is None and len(b.lines) == 1 and name_in(first.text):
            name = name_in(first.text)
            ctx.take(first.no)
            continue
        ctx.take(*(ln.no for ln in b.lines))
        paras.append(block_text(b))
    vision = [p for p in paras if _is_vision(p, name)]
    slogan = [p for p in paras if not _is_vision(p, name)]
    return {"municipality": name, "slogan": "\n".join(slogan) or None, "vision": "\n".join(vision) or None}
