"""A history year written with the same year in the other calendar (`2010年度（平成22年度）`), whole or
wrapped by its narrow column (`2010年度（平成22` / `年度）`), in a Word text, a PDF text a cell per line and a
laid-out PDF text: the year opens its row, and the events after it keep their cells.

Each text is a real converter's history table set into the same converter's text of another sheet.
"""

from __future__ import annotations

import pytest

from conftest import with_history
from nikosheet import parse_bytes_data

_BLOCKS = {
    "docx2txt": (
        "\n"
        "年度\n"
        "\n"
        "経過\n"
        "\n"
        "委託\n"
        "\n"
        "2010年度（平成22年度）\n"
        "\n"
        "政令指定都市への移行に伴い、精神保健福祉センターを設置\n"
        "\n"
        "－\n"
        "\n"
        "2012年度\n"
        "\n"
        "精神障害者地域移行支援事業を開始\n"
        "\n"
        "市内の指定一般相談支援事業所\n"
        "\n"
        "2016年度\n"
        "\n"
        "相模原市精神保健福祉地域包括ケア推進会議の前身となる地域移行推進連絡会を設置\n"
        "\n"
        "\n"
        "\n"
        "2019年度\n"
        "\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、推進会議に改組\n"
        "\n"
        "↓\n"
        "\n"
        "2021年度\n"
        "\n"
        "3区に区精神保健福祉連絡会を設置\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "ピアサポーターによる病院訪問を開始\n"
        "\n"
        "特定非営利活動法人（市内の当事者団体）\n"
        "\n"
        "2023年度\n"
        "\n"
        "緑区の中山間地域で訪問型相談を開始\n"
        "\n"
        "\n"
        "\n"
    ),
    "pymupdf": (
        "年度\n"
        "経過\n"
        "委託\n"
        "2010年度（平成22\n"
        "年度）\n"
        "政令指定都市への移行に伴い、精神保健福祉センターを設\n"
        "置\n"
        "－\n"
        "2012年度\n"
        "精神障害者地域移行支援事業を開始\n"
        "市内の指定一般相談支援事業\n"
        "所\n"
        "2016年度\n"
        "相模原市精神保健福祉地域包括ケア推進会議の前身となる\n"
        "地域移行推進連絡会を設置\n"
        "2019年度\n"
        "精神障害にも対応した地域包括ケアシステム構築推進事業\n"
        "を開始し、推進会議に改組\n"
        "↓\n"
        "2021年度\n"
        "3区に区精神保健福祉連絡会を設置\n"
        "ピアサポーターによる病院訪問を開始\n"
        "特定非営利活動法人（市内の\n"
        "当事者団体）\n"
        "2023年度\n"
        "緑区の中山間地域で訪問型相談を開始\n"
    ),
    "pdftotext-layout": (
        "\n"
        "年度             経過                                  委託\n"
        "2010年度（平成22    政令指定都市への移行に伴い、精神保健福祉センターを設          －\n"
        "年度）            置\n"
        "2012年度         精神障害者地域移行支援事業を開始                    市内の指定一般相談支援事業\n"
        "                                                   所\n"
        "2016年度         相模原市精神保健福祉地域包括ケア推進会議の前身となる\n"
        "               地域移行推進連絡会を設置\n"
        "2019年度         精神障害にも対応した地域包括ケアシステム構築推進事業          ↓\n"
        "               を開始し、推進会議に改組\n"
        "2021年度         3区に区精神保健福祉連絡会を設置\n"
        "               ピアサポーターによる病院訪問を開始                   特定非営利活動法人（市内の\n"
        "                                                   当事者団体）\n"
        "2023年度         緑区の中山間地域で訪問型相談を開始\n"
        "\n"
        "\n"
    ),
}
_EVENTS = [
    ("2010年度（平成22年度）", 2010, "政令指定都市への移行に伴い、精神保健福祉センターを設置", "－"),
    ("2012年度", 2012, "精神障害者地域移行支援事業を開始", "市内の指定一般相談支援事業所"),
    ("2016年度", 2016, "相模原市精神保健福祉地域包括ケア推進会議の前身となる地域移行推進連絡会を設置", None),
    ("2019年度", 2019, "精神障害にも対応した地域包括ケアシステム構築推進事業を開始し、推進会議に改組", None),
    ("2021年度", 2021, "3区に区精神保健福祉連絡会を設置", None),
    ("2021年度", 2021, "ピアサポーターによる病院訪問を開始", "特定非営利活動法人（市内の当事者団体）"),
    ("2023年度", 2023, "緑区の中山間地域で訪問型相談を開始", None),
]


@pytest.mark.parametrize("converter", sorted(_BLOCKS))
def test_a_year_with_its_other_calendar_opens_its_row(converter: str):
    doc = parse_bytes_data(with_history("core-himeji-fy2024", converter, "".join(_BLOCKS[converter])))
    got = [(e["period"], e["fiscal_year"], e["description"], e["commission"]) for e in doc["history"]["events"]]
    assert got == _EVENTS
