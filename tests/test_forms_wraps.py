"""Cutting a run of wrapped lines into a table's cells by the widths of their lines."""

from __future__ import annotations

from nikosheet.parsing.forms._shared import display_width
from nikosheet.parsing.forms._wraps import joins

MEETING = [
    "柏市精神障害にも対応した地域",
    "包括ケアシステム構築推進事業",
    "(代表者会議)",
    "保健, 医療, 福祉, 家族会, ピア",
    "サポーター, 行政機関の代表",
    "者",
]


def _cells(lines: list[str], count: int, scores: list[float] | None = None) -> list[str]:
    gaps = joins([display_width(t) for t in lines], scores or [0.0] + [50.0] * (len(lines) - 1), count)
    cells: list[str] = []
    for g, text in enumerate(lines):
        if g in gaps:
            cells[-1] += text
        else:
            cells.append(text)
    return cells


def test_a_short_line_ends_its_cell_and_a_wider_one_starts_the_next():
    assert _cells(MEETING, 2) == [
        "柏市精神障害にも対応した地域包括ケアシステム構築推進事業(代表者会議)",
        "保健, 医療, 福祉, 家族会, ピアサポーター, 行政機関の代表者",
    ]


def test_the_caller_s_scores_still_count():
    lines = ["事業内容の調整", "方針確認", "年1回"]
    assert _cells(lines, 2, [0.0, -100.0, 50.0]) == ["事業内容の調整", "方針確認年1回"]


def test_as_many_lines_as_cells_are_not_joined():
    assert _cells(MEETING[:2], 2) == MEETING[:2]


def test_a_long_run_is_cut_by_the_scores_alone():
    lines = ["あ" * (k % 7 + 1) for k in range(200)]
    assert len(_cells(lines, 3)) == 3
