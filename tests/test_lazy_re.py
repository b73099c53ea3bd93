"""Regexes compiled on first use behave as compiled ones, and are compiled once, when first used."""

from __future__ import annotations

import re

import pytest

from nikosheet.parsing import lazy_re
from nikosheet.parsing.lazy_re import compile_lazily

SOURCE = r"(令和|平成)\s*(\d{1,2}|元)\s*年"
TEXT = "令和5年度と平成 30 年度、R6年"


@pytest.mark.parametrize(
    "use",
    [
        lambda p: p.match(TEXT).groups(),
        lambda p: p.fullmatch("令和元年").group(2),
        lambda p: p.search(TEXT, 5).span(),
        lambda p: [m.group() for m in p.finditer(TEXT)],
        lambda p: p.findall(TEXT),
        lambda p: p.sub(r"\2", TEXT),
        lambda p: p.subn("", TEXT),
        lambda p: p.split(TEXT),
        lambda p: (p.pattern, p.groups, p.flags),
    ],
)
def test_as_compiled(use):
    assert use(compile_lazily(SOURCE)) == use(re.compile(SOURCE))


def test_flags_kept():
    assert compile_lazily("<TD>", re.IGNORECASE).findall("<td><Td>") == ["<td>", "<Td>"]


def test_compiled_once_on_first_use(monkeypatch):
    made = []
    compile = re.compile
    monkeypatch.setattr(lazy_re.re, "compile", lambda *a: made.append(a) or compile(*a))
    pattern = compile_lazily(SOURCE)
    assert made == [] and pattern.pattern == SOURCE  # its source is known before it is compiled
    assert pattern.search(TEXT) is not None and pattern.match("x") is None and pattern.groups == 2
    assert made == [(SOURCE, 0)]


def test_copied_and_pickled_as_the_pattern_it_stands_for():
    import copy
    import pickle

    for pattern in (compile_lazily(SOURCE), copy.copy(compile_lazily(SOURCE))):
        again = pickle.loads(pickle.dumps(pattern))
        assert again.findall(TEXT) == re.findall(SOURCE, TEXT) and again.pattern == SOURCE


def test_every_parser_pattern_compiled_on_first_use_compiles():
    import importlib
    import pkgutil

    import nikosheet.parsing

    lazy = []
    for info in pkgutil.walk_packages(nikosheet.parsing.__path__, prefix="nikosheet.parsing."):
        for value in vars(importlib.import_module(info.name)).values():
            if not isinstance(value, re.Pattern) and (pattern := lazy_re.compiled(value)) is not None:
                lazy.append(pattern)
    assert len(lazy) > 30 and all(isinstance(p, re.Pattern) for p in lazy)
