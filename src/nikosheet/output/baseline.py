"""A baseline: the findings a repository accepts today, so that a check reports only new ones.

The file is JSON, sorted and stable, so that it diffs well under version control:

    {"version": 1,
     "findings": [{"path": "sheets/kashiwa-r6.txt", "code": "NS303", "fingerprint": "3f0c…",
                   "count": 1, "message": "unfilled placeholder 'R●年度'"}, …]}

`path` is relative to the baseline's folder (forward slashes).  A finding is known by its file, its
code and a fingerprint of its content — the code and the message, with line numbers in the message
left out — never by its own line, so that lines added above it do not bring it back.  Identical
findings in one file are one entry with their `count`; a baseline entry matches at most `count`
findings.  `message` is there for the reader; matching does not use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from nikosheet.validation.problem import Problem
from nikosheet.validation.rules import INTERNAL_ERROR, UNREADABLE_FILE

VERSION = 1
STDIN = "<stdin>"
_LINE_NUMBER = re.compile(r"\b(lines?) \d+")
Key = tuple[str, str, str]  # path, code, fingerprint


class BaselineError(ValueError):
    """The baseline file cannot be used: the reason, on one line."""


def fingerprint(p: Problem) -> str:
    """What a finding is, whatever its line and the language shown: the code and the English message
    with any line number in it ('first at line 45') taken out."""
    message = _LINE_NUMBER.sub(r"\1 #", " ".join((p.message_en or p.message).split()))
    return hashlib.sha256(f"{p.code}\0{message}".encode()).hexdigest()[:16]


def relative(path: str | None, folder: Path) -> str:
    """A finding's path relative to `folder`, with forward slashes; standard input is `<stdin>`."""
    if path is None or path == STDIN:
        return STDIN
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:  # pragma: no cover - another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


# A file that cannot be read, or that the parser fails on, is never accepted: a baseline that held it
# would let every later run pass without reading the sheet at all.
NEVER_ACCEPTED = frozenset({UNREADABLE_FILE, INTERNAL_ERROR})


def _keys(problems: Iterable[Problem], folder: Path) -> Iterable[tuple[Key, Problem]]:
    for p in problems:
        yield (relative(p.path, folder), p.code, fingerprint(p)), p


def _acceptable(problems: Iterable[Problem]) -> Iterable[Problem]:
    return (p for p in problems if p.code not in NEVER_ACCEPTED)


def dumps(problems: Iterable[Problem], folder: Path) -> bytes:
    """The baseline of `problems` for a file in `folder`."""
    counts: Counter[Key] = Counter()
    messages: dict[Key, str] = {}
    for key, p in _keys(_acceptable(problems), folder):
        counts[key] += 1
        messages.setdefault(key, p.message)
    findings = [
        {"path": k[0], "code": k[1], "fingerprint": k[2], "count": counts[k], "message": messages[k]}
        for k in sorted(counts)
    ]
    return (json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=2) + "\n").encode()


def load(path: Path) -> Counter[Key]:
    """The findings a baseline file accepts, with their counts; `BaselineError` when it cannot be read."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise BaselineError("no such file") from None
    except IsADirectoryError:
        raise BaselineError("is a folder") from None
    except OSError as exc:
        raise BaselineError(f"cannot read ({exc.strerror or exc})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineError(f"not valid JSON ({exc})") from None
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError("not a nikosheet baseline (no findings)")
    if data.get("version") != VERSION:
        raise BaselineError(f"baseline version {data.get('version')!r}; this nikosheet reads version {VERSION}")
    out: Counter[Key] = Counter()
    for n, e in enumerate(data["findings"] if isinstance(data["findings"], list) else [None]):
        if not (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "fingerprint"))):
            raise BaselineError(f"finding {n + 1} lacks a path, code or fingerprint")
        count = e.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise BaselineError(f"finding {n + 1}: count must be a positive whole number")
        out[(e["path"], e["code"], e["fingerprint"])] += count
    return out


@dataclass(frozen=True, slots=True)
class Matched:
    new: list[Problem]  # the findings the baseline does not hold, in their order
    matched: int  # findings the baseline holds
    fixed: int  # findings of the baseline no longer found


def match(
    problems: Iterable[Problem], baseline: Counter[Key], folder: Path, checked: Mapping[str, Collection[str]]
) -> Matched:
    """Split `problems` into the new ones and those the baseline (a file in `folder`) holds.

    `checked` names the files this run checked (as `relative` writes them) with the codes that ran
    on each: a finding of the baseline is fixed only if it was looked for and not found.
    """
    left = Counter(baseline)
    new: list[Problem] = []
    matched = 0
    for key, p in _keys(problems, folder):
        if left[key] > 0 and p.code not in NEVER_ACCEPTED:
            left[key] -= 1
            matched += 1
        else:
            new.append(p)
    fixed = sum(n for (path, code, _), n in left.items() if code in checked.get(path, ()))
    return Matched(new, matched, fixed)
