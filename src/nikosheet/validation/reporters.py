"""Reporters: the same problems as text, JSON, GitHub Actions annotations or SARIF, or their count
per rule.

Reporters only format; what is found is `validate`'s business.  Text is coloured with rich only on
a terminal and only when NO_COLOR is unset (https://no-color.org).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TextIO

from nikosheet.i18n import Count, Template
from nikosheet.validation.problem import Problem

FORMATS = ("text", "json", "github", "sarif")
SEVERITIES = ("error", "warning", "info")  # the weightiest first
HINT = Template("hint", "直し方")
SUMMARY = Template(
    "{files:file}: {errors:error}, {warnings:warning}, {info} info",
    "{files} ファイル: エラー {errors} 件、警告 {warnings} 件、情報 {info} 件",
)
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def default_format(env: Mapping[str, str] | None = None) -> str:
    """github under GitHub Actions, else text."""
    env = os.environ if env is None else env
    return "github" if env.get("GITHUB_ACTIONS", "").lower() == "true" else "text"


def use_color(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _where(p: Problem) -> str:
    path = p.path if p.path is not None else "<stdin>"
    if p.line is None:
        return f"{path}:"
    return f"{path}:{p.line}:{p.column}:" if p.column else f"{path}:{p.line}:"


def _page(p: Problem) -> str:
    return f" (p. {p.page})" if p.page is not None else ""


def text_line(p: Problem) -> str:
    """`path:line: severity code message`, and ` (p. N)` for a PDF."""
    return f"{_where(p)} {p.severity} {p.code} {p.message}{_page(p)}"


def hint_line(p: Problem, lang: str = "en") -> str | None:
    """`    hint: what to do`, below the problem's line; None when the problem has no hint."""
    return f"    {HINT.text(lang)}: {p.hint}" if p.hint else None


def write_text(problems: Iterable[Problem], stream: TextIO, color: bool = False, lang: str = "en") -> None:
    if not color:
        for p in problems:
            stream.write(text_line(p) + "\n")
            hint = hint_line(p, lang)
            if hint:
                stream.write(hint + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, highlight=False, soft_wrap=True)
    for p in problems:
        t = Text()
        t.append(_where(p), style="bold")
        t.append(" ")
        t.append(p.severity, style=_STYLES.get(p.severity, ""))
        t.append(" ")
        t.append(p.code, style="magenta")
        t.append(" ")
        t.append(p.message)
        t.append(_page(p), style="dim")
        hint = hint_line(p, lang)
        if hint:
            t.append("\n" + hint, style="dim")
        console.print(t)


def write_json(problems: Iterable[Problem], stream: TextIO) -> None:
    stream.write(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2) + "\n")


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(p: Problem, lang: str = "en") -> str:
    """`::error file=…,line=…,title=…::message`, the hint on the message's second line (info becomes a
    notice)."""
    props = [f"file={_escape_property(p.path if p.path is not None else '<stdin>')}"]
    if p.line is not None:
        props.append(f"line={p.line}")
    if p.column:
        props.append(f"col={p.column}")
    title = f"{p.code} {p.name}" if p.name else p.code
    props.append(f"title={_escape_property(title)}")
    hint = f"\n{HINT.text(lang)}: {p.hint}" if p.hint else ""
    message = _escape_data(p.message + _page(p) + hint)
    return f"::{_GITHUB_LEVELS.get(p.severity, 'error')} {','.join(props)}::{message}"


def write_github(problems: Iterable[Problem], stream: TextIO, lang: str = "en") -> None:
    for p in problems:
        stream.write(github_line(p, lang) + "\n")


def write(
    problems: list[Problem], fmt: str, stream: TextIO, color: bool = False, version: str = "", lang: str = "en"
) -> None:
    """The problems in `fmt`; `version` is nikosheet's, which a SARIF log names; `lang` is the language
    of the words the reporter adds (the messages are in theirs already)."""
    if fmt == "sarif":
        from nikosheet.validation.sarif import write_sarif

        write_sarif(problems, stream, version)
    elif fmt == "json":
        write_json(problems, stream)
    elif fmt == "github":
        write_github(problems, stream, lang)
    else:
        write_text(problems, stream, color, lang)


def at_least(problems: Iterable[Problem], severity: str) -> list[Problem]:
    """The problems of `severity` or weightier (`warning`: warnings and errors)."""
    shown = SEVERITIES[: SEVERITIES.index(severity) + 1]
    return [p for p in problems if p.severity in shown]


def statistics(problems: list[Problem]) -> list[dict[str, str | int]]:
    """How many problems each code has, with the rule's name: the most frequent first, then by code."""
    counts = Counter(p.code for p in problems)
    names = {p.code: p.name or "" for p in problems}
    return [
        {"code": c, "name": names[c], "count": n} for c, n in sorted(counts.items(), key=lambda cn: (-cn[1], cn[0]))
    ]


def write_statistics(problems: list[Problem], fmt: str, stream: TextIO) -> None:
    """`statistics` as a JSON list (`fmt` json) or as aligned lines, `count  code  name`."""
    rows = statistics(problems)
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    width = max((len(str(r["count"])) for r in rows), default=0)
    for r in rows:
        stream.write(f"{r['count']:>{width}}  {r['code']}  {r['name']}\n")


def summary(files: int, counts: Mapping[str, int], lang: str = "en") -> str:
    """`2 files: 1 error, 3 warnings, 2 info`."""
    return SUMMARY(
        files=Count(files),
        errors=Count(counts.get("error", 0)),
        warnings=Count(counts.get("warning", 0)),
        info=Count(counts.get("info", 0)),
    ).render(lang)
