"""What kind of body filed a sheet: told by its name, as the sheet itself never says it.

The template's heading names the four kinds (県、指定都市、中核市、特別区). A name ending in 都, 道,
府 or 県 is a prefecture, one ending in 区 a special ward (the only wards that file), and a city is a
designated or a core city by the lists below (as of April 2024). A city in neither list, or a name
that ends otherwise, is of no known kind (None), never guessed.
"""

from __future__ import annotations

PREFECTURE, DESIGNATED_CITY, CORE_CITY, SPECIAL_WARD = "都道府県", "指定都市", "中核市", "特別区"
KINDS: tuple[str, ...] = (PREFECTURE, DESIGNATED_CITY, CORE_CITY, SPECIAL_WARD)
"""The kinds in the template's order."""

_DESIGNATED = (
    "札幌市 仙台市 さいたま市 千葉市 横浜市 川崎市 相模原市 新潟市 静岡市 浜松市 名古屋市 京都市 大阪市 "
    "堺市 神戸市 岡山市 広島市 北九州市 福岡市 熊本市"
)
_CORE = (
    "函館市 旭川市 青森市 八戸市 盛岡市 秋田市 山形市 福島市 郡山市 いわき市 水戸市 宇都宮市 前橋市 高崎市 "
    "川越市 川口市 越谷市 船橋市 柏市 八王子市 横須賀市 富山市 金沢市 福井市 甲府市 長野市 松本市 岐阜市 "
    "豊橋市 岡崎市 一宮市 豊田市 大津市 豊中市 吹田市 高槻市 枚方市 八尾市 寝屋川市 東大阪市 姫路市 尼崎市 "
    "明石市 西宮市 奈良市 和歌山市 鳥取市 松江市 倉敷市 呉市 福山市 下関市 高松市 松山市 高知市 久留米市 "
    "長崎市 佐世保市 大分市 宮崎市 鹿児島市 那覇市"
)
DESIGNATED_CITIES = frozenset(_DESIGNATED.split())
CORE_CITIES = frozenset(_CORE.split())


def kind_of(name: str | None) -> str | None:
    """The kind of the body called `name`, or None when its name does not tell."""
    if not name:
        return None
    if name in DESIGNATED_CITIES:
        return DESIGNATED_CITY
    if name in CORE_CITIES:
        return CORE_CITY
    if name[-1] in "都道府県":
        return PREFECTURE
    if name.endswith("区"):
        return SPECIAL_WARD
    return None
