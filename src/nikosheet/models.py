"""The document nikosheet produces: the one source of truth for its shape.

`nikosheet schema` prints the JSON Schema generated from these models and
`schemas/sheet.schema.json` is that output.  The parser itself builds plain
dicts of exactly this shape (building pydantic models costs more start-up time
than a one-file run can afford); `parse_text()` and `parse_file()` validate
them into these models, and the test suite validates every fixture's output
against them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nikosheet.vocabulary import (
    CONSULTATION_OFFICES,
    DISCHARGE_RATES,
    INPATIENT_SHARES,
    QUANTITIES,
    SECTION_TITLES,
    SECTORS,
    SETUP_LEVELS,
    STATISTICS,
)


def _f(en: str, ja: str | None = None, **kw: Any) -> Any:
    """A field whose description carries the English meaning and the sheet's Japanese label."""
    return Field(description=f"{en} ({ja})" if ja else en, **kw)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- common parts

Line = int


class Source(_Model):
    path: str | None = _f("Path of the input file as given; null for standard input")
    sha256: str = _f("SHA-256 of the input bytes, hex")
    encoding: str | None = _f(
        "Encoding the bytes were decoded with: utf-8, utf-8-sig, utf-16, cp932; null for a PDF or DOCX"
    )
    line_count: int = _f(
        "Number of lines in the source text; for a PDF or DOCX, of the text `nikosheet extract` prints"
    )
    format: Literal["text", "pdf", "docx"] = _f("What the input was: text, a PDF or a Word document", default="text")
    pages: int | None = _f("A PDF's number of pages", default=None)
    page_starts: list[int] | None = _f("A PDF's: the line where each page begins", default=None)


class Diagnostic(_Model):
    code: str = _f("Stable code of the finding, e.g. unmarked-choice")
    severity: Literal["error", "warning", "info"] = _f("How serious the finding is")
    line: Line | None = _f("1-based source line the finding is about")
    message: str = _f("What was read with doubt, in English")
    page: int | None = _f("A PDF's page of the line", default=None)


class UnparsedLine(_Model):
    line: Line = _f("1-based source line")
    text: str = _f("The line as it stands in the source")


class TemplateLine(_Model):
    line: Line = _f("1-based source line")
    text: str = _f("Template guidance or an unfilled placeholder left in the sheet")


class SectionRef(_Model):
    number: int | None = _f("The heading's number as written (full-width digits read as digits)")
    key: str = _f(
        "The section's meaning: basic_info, overview, history, outcomes, "
        "strengths_and_issues, coordination, councils, long_term_schedule, annual_schedule"
    )
    title: str = _f("The heading's title as written")
    line_start: Line = _f("Line of the heading")
    line_end: Line = _f("Last line of the section's content")


class Table(_Model):
    """A table the section reads as a table but has no dedicated field for."""

    header: list[str] = _f("Header cells")
    rows: list[TableRow] = _f("Body rows")
    line: Line = _f("Line of the header row")


class TableRow(_Model):
    cells: list[str] = _f("Cell texts, markup removed")
    line: Line


# ---------------------------------------------------------------- section 1


class Quantity(_Model):
    value: int | None = _f("The number; null when empty or unreadable")
    unit: str | None = _f("Unit as written, e.g. か所, 人, 床")
    as_of: str | None = _f("ISO date the figure is as of: 2023-04 or 2017", "時点")
    note: str | None = _f("Remark written beside the value, e.g. ※うち1病院は休床中")
    line: Line | None = None


class Share(_Model):
    count: int | None = _f("Number of people", "人")
    percent: float | None = _f("Share of the total in percent (26.7 means 26.7 %)", "構成割合")
    line: Line | None = _f("Line of the row")


_LINES = "Line of each row of the group, by field name"


class Inpatients(_Model):
    as_of: str | None = _f("ISO date of the survey", "時点")
    note: str | None = _f("Remark such as ※630調査")
    total: int | None = _f("All inpatients", "合計")
    under_3_months: Share = _f("Stay under 3 months", INPATIENT_SHARES["under_3_months"])
    from_3_to_12_months: Share = _f("Stay from 3 months to under 1 year", INPATIENT_SHARES["from_3_to_12_months"])
    over_1_year: Share = _f("Stay of 1 year or more", INPATIENT_SHARES["over_1_year"])
    aged_under_65: int | None = _f(
        "Of the long-stay (or all, see validation) inpatients, aged under 65", "うち65歳未満"
    )
    aged_65_and_over: int | None = _f("Aged 65 and over", "うち65歳以上")
    line: Line | None = None
    lines: dict[str, Line] = _f(_LINES, default_factory=dict)


class DischargeRates(_Model):
    as_of: str | None = _f("ISO date", "時点")
    note: str | None = _f("Remark such as ※埼玉県全体")
    after_3_months: float | None = _f(
        "Discharge rate 3 months after admission, percent", DISCHARGE_RATES["after_3_months"]
    )
    after_6_months: float | None = _f(
        "Discharge rate 6 months after admission, percent", DISCHARGE_RATES["after_6_months"]
    )
    after_1_year: float | None = _f("Discharge rate 1 year after admission, percent", DISCHARGE_RATES["after_1_year"])
    line: Line | None = None
    lines: dict[str, Line] = _f(_LINES, default_factory=dict)


class ConsultationOffices(_Model):
    as_of: str | None = _f("ISO date", "時点")
    core_centers: int | None = _f("Core consultation support centres", CONSULTATION_OFFICES["core_centers"])
    general: int | None = _f("General consultation support offices", CONSULTATION_OFFICES["general"])
    specific: int | None = _f("Specific consultation support offices", CONSULTATION_OFFICES["specific"])
    note: str | None = _f("Words written beside the counts, e.g. 集計中")
    line: Line | None = None
    lines: dict[str, Line] = _f(_LINES, default_factory=dict)


class SupportCouncil(_Model):
    fiscal_year: int | None = _f("Fiscal year the frequency is for", "年度")
    meetings_per_year: int | None = _f(
        "Meetings a year of the (independence support) council", "（自立支援）協議会の開催頻度"
    )
    mental_health_subcommittee: bool | None = _f(
        "Whether a subcommittee discusses mental health; null when no option is marked",
        "精神領域に関する議論を行う部会の有無",
    )
    note: str | None = _f("Words written beside the frequency, e.g. 全体会")
    line: Line | None = None
    lines: dict[str, Line] = _f(_LINES, default_factory=dict)


class Setup(_Model):
    exists: bool | None = _f("Whether councils are set up; null when no option is marked", "有・無")
    count: int | None = _f("How many are set up", "か所")
    total: int | None = _f("Out of how many regions or municipalities", "障害圏域数 / 市町村数")
    text: str | None = _f("The count cell as written")
    line: Line | None = None


class CouncilSetup(_Model):
    as_of: str | None = _f("ISO date", "時点")
    prefecture: Setup | None = _f("At prefecture level", SETUP_LEVELS["prefecture"][0])
    region: Setup | None = _f("At welfare-region level", SETUP_LEVELS["region"][0])
    municipality: Setup | None = _f("At municipality level", SETUP_LEVELS["municipality"][0])
    note: str | None = _f("Words written with the row's label after its date, and its ※ remark")
    line: Line | None = None


class BasicInfo(_Model):
    name: str | None = _f("The body's name as repeated at the top of section 1")
    initiatives: list[str] = _f("Initiatives", "取組内容")
    welfare_regions: Quantity | None = _f("Disability health and welfare regions", QUANTITIES["welfare_regions"])
    municipalities: Quantity | None = _f("Municipalities", QUANTITIES["municipalities"])
    population: Quantity | None = _f("Population", QUANTITIES["population"])
    psychiatric_hospitals: Quantity | None = _f("Psychiatric hospitals", QUANTITIES["psychiatric_hospitals"])
    psychiatric_beds: Quantity | None = _f("Psychiatric beds", QUANTITIES["psychiatric_beds"])
    health_centers: Quantity | None = _f("Public health centres", QUANTITIES["health_centers"])
    inpatients: Inpatients | None = _f("Psychiatric inpatients", STATISTICS["inpatients"])
    discharge_rates: DischargeRates | None = _f("Discharge rates", STATISTICS["discharge_rates"])
    consultation_offices: ConsultationOffices | None = _f(
        "Consultation support offices", STATISTICS["consultation_offices"]
    )
    support_council: SupportCouncil | None = _f("(Independence support) council", STATISTICS["support_council"])
    council_setup: CouncilSetup | None = _f(
        "Councils of health, medical and welfare stakeholders set up", "協議の場の設置状況"
    )
    text: list[str] = _f("Other text of the section, such as figure captions")


# ---------------------------------------------------------------- sections 2-4


class Overview(_Model):
    text: list[str] = _f("Paragraphs and figure texts, in order", "取組概要")


class Event(_Model):
    period: str | None = _f("The period as written, e.g. 平成23年度～", "年度")
    fiscal_year: int | None = _f("Fiscal year the period starts in")
    description: str | None = _f("What happened", "経過")
    commission: str | None = _f("Who was commissioned; ↓ is resolved to the value above", "委託")
    line: Line


class History(_Model):
    text: list[str] = _f("Text of the section", "取組の経緯")
    events: list[Event] = _f("Rows of the 年度 / 経過 / 委託 table")
    tables: list[Table] = _f("Other tables of the section, such as a 取組シート")


class OutcomeIndicator(_Model):
    number: int | None = _f("The indicator's number (① → 1)")
    name: str | None = _f("The indicator without its number", "課題解決の達成度を測る指標")
    target: list[str] = _f("Target", "目標値")
    actual: list[str] = _f("Result", "実績値")
    effects: list[str] = _f("Concrete outcomes and effects", "具体的な成果・効果")
    line: Line


class Outcomes(_Model):
    period: str | None = _f("The period the outcomes are for, e.g. 令和4年度まで")
    target_as_of: str | None = _f("When the target was set, as written: R4年度当初", "目標値")
    actual_as_of: str | None = _f("When the result was measured, as written: R4年度末", "実績値")
    indicators: list[OutcomeIndicator]
    text: list[str] = _f("Other text of the section")


# ---------------------------------------------------------------- section 5


class Roles(_Model):
    administration: list[str] = _f("Role of the administration", "行政")
    medical: list[str] = _f("Role of medical care", SECTORS["medical"])
    welfare: list[str] = _f("Role of welfare", SECTORS["welfare"])
    others: list[str] = _f("Role of other bodies and residents", SECTORS["others"])


class Issue(_Model):
    issue: str | None = _f("The issue", "課題")
    policies: list[str] = _f("Policies to solve it", "課題解決に向けた取組方針")
    roles: Roles = _f("Roles per sector", "課題・方針に対する役割(取組)")
    line: Line


class PlannedIndicator(_Model):
    number: int | None = _f("The indicator's number (① → 1)")
    name: str | None = _f("The indicator without its number", "課題解決の達成度を測る指標")
    current: str | None = _f("Current value as written", "現状値")
    target: str | None = _f("Target value as written", "目標値")
    expected_effects: str | None = _f("Expected outcomes", "見込んでいる成果・効果")
    line: Line


class StrengthsAndIssues(_Model):
    strengths: list[str] = _f("Strengths", "特徴(強み)")
    issues: list[Issue]
    current_as_of: str | None = _f("When the current value is from, as written", "現状値")
    target_as_of: str | None = _f("When the target is for, as written", "目標値")
    indicators: list[PlannedIndicator]
    text: list[str] = _f("Other text of the section")


# ---------------------------------------------------------------- section 6


class Department(_Model):
    name: str | None = _f("Department", "部署名")
    duties: str | None = _f("Main duties", "主な業務")
    line: Line


class SectorStatus(_Model):
    sector: Literal["health", "medical", "welfare", "others"] = _f(
        "保健 → health, 医療 → medical, 福祉 → welfare, その他関係機関・住民等 → others"
    )
    label: str = _f("The sector as written")
    status: str | None = _f("How the sector works with the others", "連携状況")
    strengths_and_issues: str | None = _f("Strengths and issues", "強み・課題等")
    line: Line


class Coordination(_Model):
    structure: list[str] = _f("How the work is organised", "にも包括構築の体制")
    departments: list[Department] = _f("Departments in charge", "所管部署")
    partner_departments: list[Department] = _f("Partner departments", "連携部署")
    sectors: list[SectorStatus] = _f("Coordination per sector", "各部門の連携状況")
    notes: list[str] = _f("Remarks and figure text after the tables")


# ---------------------------------------------------------------- section 7


class Frequency(_Model):
    text: str | None = _f("As written: 2回/年, 年6回, 随時", "開催頻度")
    per_year: int | None = _f("Meetings a year; null for 随時 or when unreadable")


class Meeting(_Model):
    name: str | None = _f("Name of the council", "名称")
    members: str | None = _f("Members", "協議の場の構成員")
    frequency: Frequency = _f("How often it meets", "開催頻度")
    activities: list[str] = _f("What it does", "実施内容")
    notes: str | None = _f("Remarks: issues, strengths", "特記事項等(課題・強み等)")
    line: Line


class Councils(_Model):
    meetings: list[Meeting]
    other_matters: list[str] = _f("Other matters", "その他事項")
    text: list[str] = _f("Other text of the section")


# ---------------------------------------------------------------- sections 8-9


class PlanRow(_Model):
    label: str | None = _f("The year as written: R6年度", "年度")
    fiscal_year: int | None = _f("Fiscal year; null for a placeholder such as R●年度")
    item: str | None = _f("What is carried out", "実施内容")
    actions: list[str] = _f("Concrete actions", "具体的な取組")
    line: Line


class LongTermSchedule(_Model):
    until_fiscal_year: int | None = _f("Last fiscal year the programme will be used", "事業利用予定年数")
    goal: str | None = _f("Long-term goal", "長期目標")
    plan: list[PlanRow]
    text: list[str] = _f("Other text of the section")


class ScheduleItem(_Model):
    label: str | None = _f("The time as written: R5年5月", "時期(月)")
    month: str | None = _f("ISO year-month: 2023-05; null when unreadable")
    item: str | None = _f("What is carried out", "実施する項目 / 実施内容")
    actions: list[str] = _f("What is done", "実施する内容 / 具体的な取組")
    line: Line


class AnnualSchedule(_Model):
    goal: str | None = _f("Short-term goal", "短期目標")
    small_steps: str | None = _f("Small steps", "スモールステップ")
    items: list[ScheduleItem]
    text: list[str] = _f("Other text of the section")


# ---------------------------------------------------------------- the document


class Sheet(_Model):
    """One にも包括 survey sheet, read in full."""

    schema_version: Literal["1"] = "1"
    source: Source
    municipality: str | None = _f("The body that filed the sheet", "都道府県・指定都市・中核市・特別区")
    fiscal_year: int | None = _f("The sheet's fiscal year, inferred from its dates")
    template: int | None = _f("Template year: 2023 (8 sections) or 2024 (9 sections)")
    slogan: str | None = _f("Slogan before section 1")
    vision: str | None = _f("Vision paragraph before section 1")
    basic_info: BasicInfo | None = _f("Section 1", SECTION_TITLES["basic_info"])
    overview: Overview | None = _f("Section 2", SECTION_TITLES["overview"])
    history: History | None = _f("Section 3", SECTION_TITLES["history"])
    outcomes: Outcomes | None = _f("Section 4", SECTION_TITLES["outcomes"])
    strengths_and_issues: StrengthsAndIssues | None = _f("Section 5", SECTION_TITLES["strengths_and_issues"])
    coordination: Coordination | None = _f("Section 6", SECTION_TITLES["coordination"])
    councils: Councils | None = _f("Section 7", SECTION_TITLES["councils"])
    long_term_schedule: LongTermSchedule | None = _f(
        "Section 8 of the FY2024 template", SECTION_TITLES["long_term_schedule"]
    )
    annual_schedule: AnnualSchedule | None = _f(
        "Section 8 of the FY2023 template, section 9 of the FY2024 template", SECTION_TITLES["annual_schedule"]
    )
    sections: list[SectionRef] = _f("Every section heading found, in order")
    template_text: list[TemplateLine] = _f("Template guidance and placeholders: read, not content")
    diagnostics: list[Diagnostic] = _f("Everything read with doubt")
    unparsed: list[UnparsedLine] = _f("Every non-blank line no field took")


Table.model_rebuild()
