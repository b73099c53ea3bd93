"""The template's vocabulary, written once: section keys and titles, the 基本情報 rows, their parts.

The parser, the rules, the table and the models take their keys and Japanese labels from here.
What a reader *matches* (the words that recognise a row or a heading in messy text) stays with the
reader; what the template *calls* a thing is here.
"""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    key: str  # the document's key
    label: str  # the short name messages use (`section 3 (取組の経緯)`)
    title: str  # the template's title, shortened
    numbers: tuple[int, ...]  # the number it has in the templates (8 or 9 for the schedules)


SECTIONS: tuple[Section, ...] = (
    Section("basic_info", "基礎情報", "基礎情報", (1,)),
    Section("overview", "取組概要", "取組概要（全体）", (2,)),
    Section("history", "取組の経緯", "取組の経緯（地域課題）", (3,)),
    Section("outcomes", "取組の成果・効果", "取組の成果・効果", (4,)),
    Section("strengths_and_issues", "強みと課題", "現時点における強みと課題", (5,)),
    Section("coordination", "連携状況", "連携状況", (6,)),
    Section("councils", "協議の場の実施状況", "協議の場の実施状況", (7,)),
    Section("long_term_schedule", "スケジュール（長期）", "スケジュール（長期）", (8,)),
    Section("annual_schedule", "スケジュール（今年度）", "今年度のスケジュール", (8, 9)),
)
SECTION_KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS)
"""The sections in the template's order."""
SECTION_LABELS: dict[str, str] = {s.key: s.label for s in SECTIONS}
SECTION_TITLES: dict[str, str] = {s.key: s.title for s in SECTIONS}

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""The template numbers indicators with circled numbers: ① is 1."""
AS_ABOVE = "↓"  # a cell that repeats the one above it (a history's 委託)
SAME_AS_ABOVE = (AS_ABOVE, "同上", "〃")  # and its other ways of saying so
NOTE_MARKS = ("※", "＊")  # a cell that starts so is a remark, a guidance or a note (not `*`: markdown's)
NOTHING = ("－", "―", "-", "なし", "無し", "無")  # a cell that says there is none (a history's 委託: not commissioned)

# ---------------------------------------------------------------- section 1, the 基本情報 table

QUANTITIES: dict[str, str] = {
    "welfare_regions": "障害保健福祉圏域数",
    "municipalities": "市町村数",
    "population": "人口",
    "psychiatric_hospitals": "精神科病院の数",
    "psychiatric_beds": "精神科病床数",
    "health_centers": "保健所数",
}
"""The rows that hold one number with its unit (a `Quantity`)."""

STATISTICS: dict[str, str] = {
    **QUANTITIES,
    "inpatients": "入院精神障害者数",
    "discharge_rates": "退院率",
    "consultation_offices": "相談支援事業所数",
    "support_council": "（自立支援）協議会",
    "council_setup": "協議の場の設置状況",
}
"""Every row of the 基本情報 table, in the template's order."""

SHARE_NOTE = "（％：構成割合）"
"""The words after each of 入院精神障害者数's shares' labels (`3か月未満 （％：構成割合）`)."""
INPATIENT_SHARES: dict[str, str] = {
    "under_3_months": "3か月未満",
    "from_3_to_12_months": "3か月以上1年未満",
    "over_1_year": "1年以上",
}
INPATIENT_AGES: dict[str, str] = {"aged_under_65": "うち65歳未満", "aged_65_and_over": "うち65歳以上"}
DISCHARGE_RATES: dict[str, str] = {
    "after_3_months": "入院後3か月時点",
    "after_6_months": "入院後6か月時点",
    "after_1_year": "入院後1年時点",
}
CONSULTATION_OFFICES: dict[str, str] = {
    "core_centers": "基幹相談支援センター数",
    "general": "一般相談支援事業所数",
    "specific": "特定相談支援事業所数",
}
SETUP_LEVELS: dict[str, tuple[str, str]] = {
    "prefecture": ("都道府県", "総数"),
    "region": ("障害保健福祉圏域", "障害圏域数"),
    "municipality": ("市町村", "市町村数"),
}
"""The levels of 協議の場の設置状況: (label, what its total counts)."""
MENTAL_HEALTH_SUBCOMMITTEE = "精神領域に関する議論を行う部会の有無"

# ---------------------------------------------------------------- sections 5 and 6

SECTORS: dict[str, str] = {
    "health": "保健",
    "medical": "医療",
    "welfare": "福祉",
    "others": "その他関係機関・住民等",
}
"""The sectors of section 6's 各部門の連携状況 (section 5's roles use the same, 保健 as administration)."""

# ---------------------------------------------------------------- the lists of sections 3–9: their columns

EVENT_COLUMNS: dict[str, str] = {"period": "年度", "description": "経過", "commission": "委託"}
# what a body's name ends with (`船橋市社会福祉協議会`, `相談支援事業所（3か所）`, `（直営）`): a 委託's, never an
# event's (0 of 631 events in the sheets end so)
BODY_NAME_ENDS: tuple[str, ...] = (
    "事業所",
    "協議会",
    "事業団",
    "センター",
    "協会",
    "病院",
    "クリニック",
    "法人",
    "社協",
    "連合会",
    "ネットワーク",
    "ステーション",
    "福祉会",
    "家族会",
    "連絡会",
    "保健所",
    "事務所",
    "支部",
    "直営",
)
# the legal kinds of the bodies a 委託 or a partner names before the body's own name (`社会福祉法人 白鷺会`)
BODY_KINDS: tuple[str, ...] = (
    "特定非営利活動法人",
    "社会福祉法人",
    "社会医療法人",
    "医療法人",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "NPO法人",
)
# what an event's text ends with after を (`…を開始`, `…を設置`): the step taken; no body's name holds it
EVENT_VERBS: tuple[str, ...] = (
    "開始",
    "設置",
    "実施",
    "開催",
    "策定",
    "作成",
    "試行",
    "導入",
    "運用",
    "発足",
    "設立",
    "改定",
    "締結",
    "拡大",
    "追加",
)
# an event's endings besides the template's steps (`…の個別給付化`, `…を再編`, `…を配置`)
EVENT_DONE: tuple[str, ...] = (
    "化",
    "とした",
    "した",
    "する",
    "再編",
    "配置",
    "雇用",
    "開設",
    "改組",
    "改訂",
    "新設",
    "創設",
    "強化",
    "位置づけ",
    "位置付け",
)
EVENT_ENDS = EVENT_VERBS + EVENT_DONE  # what an event's text ends with: its step (`…を開始`) or a like ending
# an event's step as the event writes it (`…を開始`, `…を新設`, `…として位置づけ`), which no body's name holds and
# no event goes on after with a word (but the inflections, `…とした`, which a sentence may go on after)
EVENT_STEPS = tuple(
    f"{particle}{step}"
    for particle in ("を", "として")
    for step in (*EVENT_VERBS, *(w for w in EVENT_DONE if len(w) > 1 and not w.endswith(("した", "する"))))
)
OUTCOME_COLUMNS: dict[str, str] = {
    "name": "課題解決の達成度を測る指標",
    "target": "目標値",
    "actual": "実績値",
    "effects": "具体的な成果・効果",
}
PLANNED_COLUMNS: dict[str, str] = {
    "name": OUTCOME_COLUMNS["name"],
    "current": "現状値",
    "target": "目標値",
    "expected_effects": "見込んでいる成果・効果",
}
INDICATORS_HEAD = OUTCOME_COLUMNS["name"][:8]  # 課題解決の達成度: the indicators' first header cell's first words
ISSUE_COLUMNS: dict[str, str] = {"issue": "課題", "policies": "課題解決に向けた取組方針"}
ROLES: dict[str, str] = {"administration": "行政", **{k: SECTORS[k] for k in ("medical", "welfare", "others")}}
"""The sectors of section 5's 課題・方針に対する役割(取組)."""
ROLES_HEADER = "課題・方針に対する役割(取組)"
"""The issues' table's header cell over its roles' words and their work (two columns)."""
DEPARTMENT_COLUMNS: dict[str, str] = {"name": "部署名", "duties": "主な業務"}
SECTOR_COLUMNS: dict[str, str] = {"status": "連携状況", "strengths_and_issues": "強み・課題等"}
MEETING_COLUMNS: dict[str, str] = {
    "name": "名称",
    "members": "構成員",
    "frequency": "開催頻度",
    "activities": "実施内容",
    "notes": "特記事項等(課題・強み等)",
}
PLAN_COLUMNS: dict[str, str] = {"label": "年度", "item": "実施内容", "actions": "具体的な取組"}
SCHEDULE_COLUMNS: dict[str, str] = {"label": "時期(月)", "item": "実施する項目", "actions": "実施する内容"}
LIST_LABELS: dict[str, str] = {
    "initiatives": "取組内容",
    "events": "取組の経緯",
    "indicators": "指標",
    "strengths": "特徴(強み)",
    "issues": "課題",
    "structure": "にも包括構築の体制",
    "departments": "所管部署",
    "partner_departments": "連携部署",
    "sectors": "各部門の連携状況",
    "meetings": "協議の場",
    "other_matters": "その他事項",
    "plan": "長期の計画",
    "items": "スケジュール",
}
"""What the template calls each list of the document (for messages and table titles)."""
# ---------------------------------------------------------------- sections 8 and 9

GOAL_LABELS: tuple[str, ...] = ("長期目標", "短期目標", "スモールステップ")
"""The schedules' goal rows: a label cell and its value, above the schedule's table."""
