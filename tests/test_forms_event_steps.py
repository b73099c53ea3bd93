"""An event that ends with its step as the template's events do (`…として位置づけ`, as `…を設置`) ends its cell:
the line after it, its year's cell empty, is the year's next event, not the event's wrapped rest.

Each text is a real converter's history table set into the same converter's text of another sheet."""

from __future__ import annotations

import pytest

from conftest import with_history
from nikosheet import parse_bytes_data

_BLOCKS = {
    "pymupdf": (
        "年度\n経過\n委託\n2012年度\n精神障害者地域移行支援事業を開始\n2016年度\n"
        "区ごとの地域移行・地域定着連絡会を設置（モデル4区）\n2019年度\n"
        "「名古屋市精神保健福祉地域移行推進会議」を協議の場として位置づけ\n連絡会を16区に拡大\n"
        "各区基幹相談支援センター\n2021年度\nアウトリーチ支援事業を開始\n医療法人（2法人）\n2022年度\n"
        "居住支援モデル事業を開始\n名古屋市社会福祉協議会\n"
    ),
    "pdftotext-raw": (
        "年度 経過 委託\n2012年度 精神障害者地域移行支援事業を開始\n"
        "2016年度 区ごとの地域移行・地域定着連絡会を設置（モデル4区）\n"
        "2019年度 「名古屋市精神保健福祉地域移行推進会議」を協議の場として位置づけ\n"
        "連絡会を16区に拡大 各区基幹相談支援センター\n2021年度 アウトリーチ支援事業を開始 医療法人（2法人）\n"
        "2022年度 居住支援モデル事業を開始 名古屋市社会福祉協議会\n"
    ),
}
_EVENTS = [
    ("2012年度", "精神障害者地域移行支援事業を開始", None),
    ("2016年度", "区ごとの地域移行・地域定着連絡会を設置（モデル4区）", None),
    ("2019年度", "「名古屋市精神保健福祉地域移行推進会議」を協議の場として位置づけ", None),
    ("2019年度", "連絡会を16区に拡大", "各区基幹相談支援センター"),
    ("2021年度", "アウトリーチ支援事業を開始", "医療法人（2法人）"),
    ("2022年度", "居住支援モデル事業を開始", "名古屋市社会福祉協議会"),
]


@pytest.mark.parametrize("converter", sorted(_BLOCKS))
def test_an_event_that_ends_with_its_step_ends_its_cell(converter: str):
    doc = parse_bytes_data(with_history("core-himeji-fy2024", converter, _BLOCKS[converter]))
    assert [(e["period"], e["description"], e["commission"]) for e in doc["history"]["events"]] == _EVENTS
