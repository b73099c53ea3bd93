"""An issue's and its policy's wrapped rests written after the group's first role (plain pdftotext)."""

from __future__ import annotations

import pytest

import nikosheet
from conftest import FIXTURES, SAMPLES

_CONVERTED = FIXTURES / "converters"


def _issues(path: object) -> list[dict[str, object]]:
    return nikosheet.parse_file_data(path)["strengths_and_issues"]["issues"]


# the issue and the policy of each group, as the sheet has them, read from plain pdftotext of the
# Chromium PDF: their rests after the first role's word (before its cell, or after it), or their first
# lines and their rests in two bands before it
@pytest.mark.parametrize(
    ("sheet", "groups"),
    [
        ("core-himeji-fy2024", (0, 1)),
        ("pref-fullwidth-dot-fy2023", (0,)),
        ("kawaguchi-r5", (0,)),
        ("city-table-shapes-fy2023", (0,)),
        ("ward-nerima-fy2023", (1,)),
        ("city-pipe-fy2023", (1,)),
    ],
)
def test_the_issue_and_the_policy_are_read_whole(sheet: str, groups: tuple[int, ...]):
    truth = _issues(SAMPLES / f"{sheet}.txt" if sheet == "kawaguchi-r5" else FIXTURES / "sheets" / f"{sheet}.txt")
    got = _issues(_CONVERTED / f"{sheet}--pdftotext.txt")
    for k in groups:
        assert (got[k]["issue"], got[k]["policies"]) == (truth[k]["issue"], truth[k]["policies"])
        assert got[k]["roles"]["administration"] == truth[k]["roles"]["administration"]


def test_a_wrapped_label_s_last_line_after_its_cell_goes_back_to_the_label():
    # `その他関係` `機関・住民`, the role's cell, then `等`: not the cell's end
    got = _issues(_CONVERTED / "core-himeji-fy2024--pdftotext.txt")
    assert got[0]["roles"]["others"] == ["居住支援法人による物件の紹介"]


def test_a_label_wrapped_round_its_cell_takes_its_two_last_lines():
    # `その他関係`, the role's cell, `機関・住民` `等` in one box: the label's rest is both lines
    got = _issues(_CONVERTED / "pref-gifu-fy2024--pdfminer.txt")
    assert got[0]["roles"]["others"] == ["社会福祉協議会による地域の見守り活動との連携"]
    assert got[1]["roles"]["others"] == ["不動産事業者向け研修会への協力"]
