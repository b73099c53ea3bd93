"""A partner outside the government, its legal kind before its name (`公益財団法人 姫路市保健センター`), is a
partner's row of its own in a text that writes the table a cell per line: it had run into the duties of
the row above it.  A partner named by its office and its section (`姫路市保健所 保健予防課`), in a text that
writes a row's cells on one line a space apart, keeps both in its name."""

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


_ROW = "住宅課 市営住宅の管理、住宅確保要配慮者への支援"
_SECTION = ("姫路市保健所 保健予防課", "措置入院者等の退院後支援、精神科救急との連絡調整")


@pytest.mark.parametrize("converter", ["pypdfium2", "pdftotext-raw"])
def test_an_office_and_its_section_are_one_partners_name(converter: str):
    lines = (FIXTURES / "converters" / f"core-himeji-fy2024--{converter}.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(_ROW))
    lines.insert(at + 1, " ".join(_SECTION) + lines[at][len(lines[at].rstrip()) :])
    doc = parse_bytes_data("\n".join(lines).encode())
    partners = [(p["name"], p["duties"]) for p in doc["coordination"]["partner_departments"]]
    assert partners[-2:] == [("住宅課", "市営住宅の管理、住宅確保要配慮者への支援"), _SECTION]
