"""The validator: run the rules over a parsed document and collect the problems.

`check(doc)` is the whole API: it takes the document as plain data (what `parse_file_data` returns)
and returns the problems sorted by line.  Rules are selected by code (`NS201`), by family prefix
(`NS2`) or by name (`inpatient-total`); an unknown one raises `UnknownRule`.
"""

from __future__ import annotations

from collections.abc import Iterable

from nikosheet.plain import Data
from nikosheet.validation.problem import Problem


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


def run(doc: Data, codes: Iterable[str], path: str | None = None, debug: bool = False) -> list[Problem]:
    """Run the given rules; a rule that fails becomes an internal-error problem (with debug, its
    traceback goes to standard error)."""
    from nikosheet.validation.rules import INTERNAL_ERROR, REGISTRY

    problems: list[Problem] = []
    codes = list(codes)
    for code in codes:
        rule = REGISTRY[code]
        try:
            for f in rule.check(doc):
                problems.append(
                    Problem(path, f.line, code, f.severity or rule.SEVERITY, f.message, column=f.column, name=rule.NAME)
                )
        except Exception as exc:  # a bug in one rule must not hide what the others find
            if debug:
                import traceback

                traceback.print_exc()
            if INTERNAL_ERROR in codes:
                problems.append(
                    Problem(
                        path,
                        None,
                        INTERNAL_ERROR,
                        "error",
                        f"rule {code} ({rule.NAME}) failed: {type(exc).__name__}: {' '.join(str(exc).split())}",
                        name=REGISTRY[INTERNAL_ERROR].NAME,
                    )
                )
    starts = (doc.get("source") or {}).get("page_starts")
    if starts:
        _add_pages(problems, starts)
    problems.sort()
    return problems


def _add_pages(problems: list[Problem], page_starts: list[int]) -> None:
    """A PDF's problems say the page of their line too."""
    from nikosheet.sources.extracted import page_of

    for p in problems:
        if p.line is not None:
            p.page = page_of(page_starts, p.line)


def check(doc: Data, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Problem]:
    """The problems of one parsed document, sorted by line; `path` is the document's source path."""
    path = (doc.get("source") or {}).get("path")
    return run(doc, active(select, ignore), path)


__all__ = ["UnknownRule", "active", "check", "resolve", "run"]
