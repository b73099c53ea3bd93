"""Before section 1: the body's name, a slogan and a vision paragraph."""

from __future__ import annotations

import re

from ..context import Context
from ..lines import Line, blocks
from .common import block_text

_NAME_RE = re.compile(r"[^\s、。「」()（）]{1,10}?(?:都|道|府|県|市|区|町|村)")

def looks_like_name(text: str) -> bool:
    return bool(_NAME_RE.fullmatch(text.strip(" \u3000")))

def read(ctx: Context, lines: list[Line]) -> dict:
    name = None
    bs = blocks(lines)
    rest = []
    for b in bs:
        first = b.lines[0]
        if name is None and len(b.lines) == 1 and looks_like_name(first.text) and b.kind in ("heading", "para"):
            name = first.text.strip(" \u3000")
            ctx.take(first.no)
        else:
            rest.append(b)
    paras = []
    for b in rest:
        ctx.take(*(ln.no for ln in b.lines))
        paras.append(block_text(b))
    vision_at = None
    for i, p in enumerate(paras):
        if name and p.startswith(name) and ("では" in p[:20] or "は、" in p[:20]):
            vision_at = i
            break
    if vision_at is None and paras and len(paras[-1]) >= 60:
        vision_at = len(paras) - 1
    if vision_at is None:
        slogan = paras[0] if paras else None
        vision = "\n".join(paras[1:]) or None
    else:
        slogan = "\n".join(paras[:vision_at]) or None
        vision = "\n".join(paras[vision_at:]) or None
    return {"municipality": name, "slogan": slogan, "vision": vision}

