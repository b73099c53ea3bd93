"""Lines: `read_lines`'s fast path makes each line as `classify` (through `new_line`) does."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, SAMPLES, SHEETS
from nikosheet.parsing.lines import SEP, Line, classify, read_lines
from nikosheet.sources.text import read_bytes

TEXTS = [*sorted(SAMPLES.glob("*.txt")), *sorted(SHEETS.glob("*.txt"))[:6]]
TEXTS += sorted((FIXTURES / "converters").glob("kashiwa-r6--*.txt"))


def _slots(ln: Line) -> dict[str, object]:
    return {name: getattr(ln, name) for name in Line.__slots__}  # AttributeError: a slot left unset


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_each_line_is_made_as_classify_makes_it(path):
    raws = read_bytes(path.read_bytes()).lines
    lines = read_lines(raws)
    assert len(lines) == len(raws)
    for raw, ln in zip(raws, lines, strict=True):
        assert _slots(ln) == _slots(classify(ln.no, raw))


def test_a_line_a_form_folded_away_is_layout_with_every_slot_set():
    folded = read_lines(["表", None, "\t"])[1]
    assert _slots(folded) == {
        "alone": False,
        "cells": None,
        "cont": None,
        "kind": SEP,
        "no": 2,
        "raw": "",
        "text": "",
        "wraps": None,
    }
