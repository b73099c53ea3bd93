"""A partner outside the government, its legal kind before its name (`公益財団法人 姫路市保健センター`), is a
partner's row of its own in a text that writes the table a cell per line: it had run into the duties of
the row above it."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from nikosheet import parse_bytes_data

_LAST_ROW = "住宅課\n市営住宅の管理、住宅確保要配慮者への支援\n"
_BODY = ("公益財団法人 姫路市保健センター", "こころの相談、専門職向け研修、普及啓発")


@pytest.mark.parametrize("converter", ["pymupdf", "libreoffice-txt"])
def test_a_body_with_its_legal_kind_is_a_partner_of_its_own(converter: str):
    text = (FIXTURES / "converters" / f"core-himeji-fy2024--{converter}.txt").read_text(encoding="utf-8")
    assert text.count(_LAST_ROW) == 1
    doc = parse_bytes_data(text.replace(_LAST_ROW, _LAST_ROW + "\n".join(_BODY) + "\n").encode())
    partners = [(p["name"], p["duties"]) for p in doc["coordination"]["partner_departments"]]
    assert partners[-2:] == [("住宅課", "市営住宅の管理、住宅確保要配慮者への支援"), _BODY]
