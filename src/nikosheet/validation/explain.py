"""Each code explained: a rule (NS204, or its name) or a parser diagnostic (missing-value), in English
or Japanese, as data for `nikosheet rules [CODE]` and as text.

A rule's explanation comes from its module: the docstring (English) or `TITLE_JA` and `WHAT_JA`,
then `WHY`, `FIX` and `EXAMPLE`.  A parser diagnostic's comes from `diagnostics` (its severity and
summary) and `diagnostic_messages` (the rest).
"""

from __future__ import annotations

import unicodedata
from types import ModuleType
from typing import Any

from nikosheet.diagnostic_messages import explained
from nikosheet.diagnostics import Diagnostic
from nikosheet.i18n import Template

Explanation = dict[str, Any]

_HEADINGS = {
    "what": Template("What it checks", "検査すること"),
    "why": Template("Why it matters", "なぜ問題か"),
    "fix": Template("How to fix it", "直し方"),
    "example": Template("Example", "例"),
    "fails": Template("reported", "指摘される書き方"),
    "passes": Template("fixed", "直した書き方"),
    "diagnostics": Template("Parser diagnostics it reports", "このルールが報告するパーサーの診断"),
    "reported_by": Template("Reported by", "報告するルール"),
}
_PARSER_HEADER = Template(
    "Parser diagnostics (a document's diagnostics[].code) and the rules that report them:",
    "パーサーの診断（文書の diagnostics[].code）と、それを報告するルール:",
)


class UnknownCode(LookupError):
    """A code that is neither a rule (code or name) nor a parser diagnostic."""


def _paragraphs_ja(text: str) -> str:
    """Japanese text wrapped in the source: its lines joined without spaces, paragraphs kept."""
    return "\n\n".join("".join(ln.strip() for ln in para.splitlines()) for para in text.strip().split("\n\n"))


def _rule(module: ModuleType, lang: str) -> Explanation:
    from nikosheet.validation.rules import description, summary

    example = module.EXAMPLE
    title = module.TITLE_JA if lang == "ja" else summary(module)
    what = _paragraphs_ja(module.WHAT_JA) if lang == "ja" else description(module) or title
    return {
        "kind": "rule",
        "code": module.CODE,
        "name": module.NAME,
        "severity": module.SEVERITY,
        "summary": title,
        "description": what,
        "why": module.WHY.text(lang),
        "fix": module.FIX.text(lang),
        "example": None if example is None else {"fails": example.fails, "passes": example.passes},
        "diagnostics": [str(d) for d in getattr(module, "DIAGNOSTICS", ())],
    }


def _diagnostic(code: Diagnostic, lang: str) -> Explanation:
    from nikosheet.validation.rules import reported_by

    about = explained(code)
    title = about.summary_ja if lang == "ja" else code.summary
    return {
        "kind": "parser-diagnostic",
        "code": code.value,
        "name": code.value,
        "severity": code.severity,
        "summary": title,
        "description": title,
        "why": about.why.text(lang),
        "fix": about.fix.text(lang),
        "example": None,
        "reported_by": reported_by(code),
    }


def listing(lang: str) -> list[Explanation]:
    """Every rule, then every parser diagnostic."""
    from nikosheet.validation.rules import REGISTRY

    return [_rule(m, lang) for m in REGISTRY.values()] + [_diagnostic(d, lang) for d in Diagnostic]


def explain(code: str, lang: str) -> Explanation:
    """One code explained: a rule's code (any case) or name, or a parser diagnostic's code.

    A name that is both a rule's and a diagnostic's (`unmarked-choice`) is the rule, which names
    the diagnostic among those it reports.
    """
    from nikosheet.validation.rules import BY_NAME, REGISTRY

    key = code.strip()
    rule = REGISTRY.get(key.upper()) or REGISTRY.get(BY_NAME.get(key.lower(), ""))
    if rule is not None:
        return _rule(rule, lang)
    diagnostic = {d.value: d for d in Diagnostic}.get(key.lower())
    if diagnostic is None:
        raise UnknownCode(code)
    return _diagnostic(diagnostic, lang)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap_ja(line: str, width: int) -> list[str]:
    """A long line of Japanese cut to `width` columns: after a 。 、 ） or a space when one is in the
    line's last third, else before the word or number that would cross the width."""
    out: list[str] = []
    while _columns(line) > width:
        end, used = 0, 0
        while used + _columns(line[end]) <= width:
            used += _columns(line[end])
            end += 1
        cut = next((i + 1 for i in range(end - 1, end * 2 // 3, -1) if line[i] in "。、）) "), 0)
        if not cut:
            cut = end
            while cut > 1 and line[cut - 1].isascii() and line[cut - 1].isalnum() and line[cut].isascii():
                cut -= 1
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*out, line]


def _indented(text: str, depth: int = 4, wrap: bool = False, width: int = 80) -> list[str]:
    """Each line indented; with `wrap` (Japanese, written as one line a paragraph), cut to the width."""
    pad = " " * depth
    out: list[str] = []
    for ln in text.splitlines():
        parts = _wrap_ja(ln, width - depth) if wrap else [ln]
        out += [pad + p if p.strip() else "" for p in parts]
    return out


def explanation_text(e: Explanation, lang: str) -> str:
    """An explanation for people: a heading line, then a section each."""
    head = f"{e['code']} {e['name']} ({e['severity']})" if e["kind"] == "rule" else f"{e['code']} ({e['severity']})"
    wrap = lang == "ja"
    out = [head, e["summary"], ""]
    if e["description"] != e["summary"]:
        out += [_HEADINGS["what"].text(lang) + ":", *_indented(e["description"], wrap=wrap), ""]
    out += [_HEADINGS["why"].text(lang) + ":", *_indented(e["why"], wrap=wrap), ""]
    out += [_HEADINGS["fix"].text(lang) + ":", *_indented(e["fix"], wrap=wrap), ""]
    if e["example"] is not None:
        out.append(_HEADINGS["example"].text(lang) + ":")
        for part in ("fails", "passes"):
            out += ["    " + _HEADINGS[part].text(lang) + ":", *_indented(e["example"][part], 8)]
        out.append("")
    codes = e.get("diagnostics") or e.get("reported_by") or []
    if codes:
        key = "diagnostics" if e["kind"] == "rule" else "reported_by"
        out += [f"{_HEADINGS[key].text(lang)}: {', '.join(codes)}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def listing_text(entries: list[Explanation], lang: str) -> str:
    """A line per rule, then a line per parser diagnostic with the rules that report it."""
    rules = [e for e in entries if e["kind"] == "rule"]
    diagnostics = [e for e in entries if e["kind"] != "rule"]
    width = max(len(r["name"]) for r in rules)
    out = [f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}\n" for r in rules]
    out.append(f"\n{_PARSER_HEADER.text(lang)}\n")
    dwidth = max(len(d["code"]) for d in diagnostics)
    bys = [", ".join(d["reported_by"]) or "-" for d in diagnostics]  # "-": template text, not reported
    bwidth = max(len(by) for by in bys)
    for d, by in zip(diagnostics, bys, strict=True):
        out.append(f"{d['code']:<{dwidth}}  {d['severity']:<7}  {by:<{bwidth}}  {d['summary']}\n")
    return "".join(out)


__all__ = ["Explanation", "UnknownCode", "explain", "explanation_text", "listing", "listing_text"]
