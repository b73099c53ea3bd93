"""The forms' signals: the cheap look at the source text that says whether a form has work."""

from __future__ import annotations

import itertools

from nikosheet.parsing.forms import signals

# around each range the look-alikes' signal takes, and characters whose UTF-16 bytes hold 0x2E, 0x2F
# or 0xF0 elsewhere: its quick look at the high bytes must not decide for the regex
_NEAR = [
    *map(chr, (0x2026, 0x2027, 0x2028, 0x2E7F, 0x2E80, 0x2EF3, 0x2EF4, 0x2EFF, 0x2F00, 0x2FD5, 0x2FD6)),
    *map(chr, (0xF06B, 0xF06C, 0xF06E, 0xF0A7, 0xF0B7, 0xF0B8, 0xF02E, 0x302E, 0x2E2F, 0xF0F0)),
    ".",
    "/",
    "あ",
    "\U0001f600",
    "\ud800",
]


def test_lookalikes_agrees_with_its_regex():
    for n in (1, 2):
        for chars in itertools.product(_NEAR, repeat=n):
            text = "".join(chars)
            assert signals.lookalikes(text) == (signals._lookalike_re().search(text) is not None), repr(text)


def test_a_header_cell_alone_on_its_line_wherever_the_line_is():
    body = "\n".join(["本文", "年度の取組", "令和5年度\t経過"])
    assert not signals.cell_lines_tables(body)  # a word that starts a line but is no cell of its own
    for text in (
        "年度\n経過",
        body + "\n年度\n経過",
        body + "\n\f  名称 協議の場の構成員",
        body + "\n課題解決の達成度を",
    ):
        assert signals.cell_lines_tables(text), repr(text)
    assert not signals.cell_lines_tables("所管部署名\t所管部署における主な業務\n年度\n経過")  # the samples' form
