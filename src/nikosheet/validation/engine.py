"""The validator: run the rules over a parsed document and collect the problems.

`check(doc)` is the whole API: it takes the document as plain data (what `parse_file_data` returns)
and returns the problems sorted by line.  Rules are selected by code (`NS201`), by family prefix
(`NS2`) or by name (`inpatient-total`); an unknown one raises `UnknownRule`.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from nikosheet.i18n import render
from nikosheet.plain import Data
from nikosheet.validation.problem import Problem
from nikosheet.validation.rules._common import Finding


class UnknownRule(ValueError):
    """A rule code or name in --select / --ignore that matches no rule."""


def resolve(codes: Iterable[str] | None) -> set[str] | None:
    """Codes, family prefixes and names → the set of rule codes; None stays None (no filter)."""
    from nikosheet.validation.rules import BY_NAME, REGISTRY

    if codes is None:
        return None
    out: set[str] = set()
    unknown = []
    for raw in codes:
        c = raw.strip()
        if not c:
            continue
        if c in BY_NAME:
            out.add(BY_NAME[c])
            continue
        up = c.upper()
        matched = {code for code in REGISTRY if code.startswith(up)} if up.startswith("NS") and len(up) > 2 else set()
        if not matched:
            unknown.append(c)
        out |= matched
    if unknown:
        raise UnknownRule(", ".join(unknown))
    return out


def active(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[str]:
    """The codes that run, in order: all, or the selected ones, minus the ignored ones."""
    from nikosheet.validation.rules import REGISTRY

    chosen = resolve(select) if select else None
    skipped = resolve(ignore) or set()
    return [c for c in REGISTRY if (chosen is None or c in chosen) and c not in skipped]


def run(
    doc: Data, codes: Iterable[str], path: str | None = None, debug: bool = False, lang: str = "en"
) -> list[Problem]:
    """Run the given rules, their messages and hints in `lang`; a rule that fails becomes an
    internal-error problem (with debug, its traceback goes to standard error)."""
    from nikosheet.validation.rules import INTERNAL_ERROR, REGISTRY, internal_error

    problems: list[Problem] = []
    codes = list(codes)
    for code in codes:
        rule = REGISTRY[code]
        try:
            for f in rule.check(doc):
                problems.append(problem(rule, path, f, lang))
        except Exception as exc:  # a bug in one rule must not hide what the others find
            if debug:
                import traceback

                traceback.print_exc()
            if INTERNAL_ERROR in codes:
                error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
                failed = internal_error.RULE_FAILED(code=code, name=rule.NAME, error=error)
                problems.append(problem(REGISTRY[INTERNAL_ERROR], path, Finding(None, failed), lang))
    starts = (doc.get("source") or {}).get("page_starts")
    if starts:
        _add_pages(problems, starts)
    problems.sort()
    return problems


def problem(rule: ModuleType, path: str | None, finding: Finding, lang: str) -> Problem:
    """A rule's finding in a file, in `lang`, with what to do about it."""
    hint = finding.hint if finding.hint is not None else rule.FIX()
    english = render(finding.message, "en")
    return Problem(
        path,
        finding.line,
        rule.CODE,
        finding.severity or rule.SEVERITY,
        english if lang == "en" else render(finding.message, lang),
        column=finding.column,
        name=rule.NAME,
        hint=render(hint, lang),
        message_en=english,
    )


def _add_pages(problems: list[Problem], page_starts: list[int]) -> None:
    """A PDF's problems say the page of their line too."""
    from nikosheet.sources.extracted import page_of

    for p in problems:
        if p.line is not None:
            p.page = page_of(page_starts, p.line)


def check(
    doc: Data, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, lang: str = "en"
) -> list[Problem]:
    """The problems of one parsed document, sorted by line; `path` is the document's source path."""
    path = (doc.get("source") or {}).get("path")
    return run(doc, active(select, ignore), path, lang=lang)


__all__ = ["UnknownRule", "active", "check", "problem", "resolve", "run"]
