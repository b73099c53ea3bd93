"""The tables of the sheets: `sheets` (one row per sheet) and one table per list in the document.

`ENTITIES` names them in order; `fields(entity)` gives a table's columns as `Field(en, ja, type)`,
defined once here (the `sheets` table's are `output.table.COLUMNS` after `sheet_id`), and
`rows(doc, entity)` one document's rows as dicts keyed by the English names:

    >>> rows(doc, "councils")[0]["meetings_per_year"]
    2

Every row of a list's table starts with `sheet_id`, `municipality`, `fiscal_year` and `position`
(its 1-based place among the sheet's rows of that table) and ends with `source_path` and `line`,
so that it joins to `sheets` on `sheet_id` and leads back to its line.  `sheet_id` is the first 16
hex digits of the source's SHA-256: the same file has the same id in every run.  A list in a cell
(an issue's policies, a council's activities) is one text, its items joined with newlines; an empty
list is an empty cell.  Types are Table Schema's: integer, number, string, boolean.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from nikosheet.output.table import COLUMNS, SOURCES, row
from nikosheet.plain import Data
from nikosheet.vocabulary import (
    DEPARTMENT_COLUMNS,
    EVENT_COLUMNS,
    ISSUE_COLUMNS,
    MEETING_COLUMNS,
    OUTCOME_COLUMNS,
    PLAN_COLUMNS,
    PLANNED_COLUMNS,
    ROLES,
    SECTOR_COLUMNS,
)

if TYPE_CHECKING:
    from nikosheet.validation.problem import Problem

ID_DIGITS = 16


class Field(NamedTuple):
    en: str  # the stable English name
    ja: str  # the Japanese title (`--header ja`)
    type: str  # integer, number, string or boolean


class Entity(NamedTuple):
    name: str
    ja: str  # what the table holds, in the template's words
    fields: tuple[Field, ...]  # the columns particular to the table (between the common ones)
    records: Callable[[Data], Iterator[Data]]  # the table's rows of a document, keyed by field name, with `line`


SHEET_ID = Field("sheet_id", "シートID", "string")
_HEAD = (
    SHEET_ID,
    Field("municipality", "都道府県・指定都市・中核市・特別区", "string"),
    Field("fiscal_year", "年度", "integer"),
    Field("position", "順番", "integer"),
)
_TAIL = (Field("source_path", "ファイル", "string"), Field("line", "行", "integer"))


def _section(doc: Data, key: str) -> Data:
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def _joined(items: Any) -> str | None:
    """A list in one cell: its items on lines of their own; an empty list is an empty cell."""
    return "\n".join(items) if items else None


def _outcome_indicators(doc: Data) -> Iterator[Data]:
    outcomes = _section(doc, "outcomes")
    for ind in outcomes.get("indicators", ()):
        yield {
            **ind,
            "target": _joined(ind["target"]),
            "actual": _joined(ind["actual"]),
            "effects": _joined(ind["effects"]),
            "period": outcomes.get("period"),
            "target_as_of": outcomes.get("target_as_of"),
            "actual_as_of": outcomes.get("actual_as_of"),
        }


def _planned_indicators(doc: Data) -> Iterator[Data]:
    section = _section(doc, "strengths_and_issues")
    for ind in section.get("indicators", ()):
        yield {**ind, "current_as_of": section.get("current_as_of"), "target_as_of": section.get("target_as_of")}


def _issues(doc: Data) -> Iterator[Data]:
    for issue in _section(doc, "strengths_and_issues").get("issues", ()):
        roles = issue["roles"]
        yield {
            "issue": issue["issue"],
            "policies": _joined(issue["policies"]),
            **{f"role_{key}": _joined(roles[key]) for key in ROLES},
            "line": issue["line"],
        }


def _departments(doc: Data) -> Iterator[Data]:
    section = _section(doc, "coordination")
    for role, key in (("in_charge", "departments"), ("partner", "partner_departments")):
        for dep in section.get(key, ()):
            yield {"role": role, **dep}


def _councils(doc: Data) -> Iterator[Data]:
    for meeting in _section(doc, "councils").get("meetings", ()):
        frequency = meeting["frequency"]
        yield {
            **meeting,
            "frequency": frequency["text"],
            "meetings_per_year": frequency["per_year"],
            "activities": _joined(meeting["activities"]),
        }


def _schedule(doc: Data) -> Iterator[Data]:
    for plan in _section(doc, "long_term_schedule").get("plan", ()):
        yield {
            **plan,
            "kind": "long_term",
            "plan_fiscal_year": plan["fiscal_year"],
            "actions": _joined(plan["actions"]),
        }
    for item in _section(doc, "annual_schedule").get("items", ()):
        yield {**item, "kind": "annual", "actions": _joined(item["actions"])}


def _history_events(doc: Data) -> Iterator[Data]:
    for event in _section(doc, "history").get("events", ()):
        yield {**event, "event_fiscal_year": event["fiscal_year"]}


def _sectors(doc: Data) -> Iterator[Data]:
    yield from _section(doc, "coordination").get("sectors", ())


_S, _I = "string", "integer"
_LIST_TABLES = (
    Entity(
        "outcome_indicators",
        "取組の成果・効果の指標",
        (
            Field("number", "番号", _I),
            Field("name", "指標", _S),
            Field("target", OUTCOME_COLUMNS["target"], _S),
            Field("actual", OUTCOME_COLUMNS["actual"], _S),
            Field("effects", OUTCOME_COLUMNS["effects"], _S),
            Field("period", "期間", _S),
            Field("target_as_of", "目標値の時点", _S),
            Field("actual_as_of", "実績値の時点", _S),
        ),
        _outcome_indicators,
    ),
    Entity(
        "planned_indicators",
        "課題解決の達成度を測る指標",
        (
            Field("number", "番号", _I),
            Field("name", "指標", _S),
            Field("current", PLANNED_COLUMNS["current"], _S),
            Field("target", PLANNED_COLUMNS["target"], _S),
            Field("expected_effects", PLANNED_COLUMNS["expected_effects"], _S),
            Field("current_as_of", "現状値の時点", _S),
            Field("target_as_of", "目標値の時点", _S),
        ),
        _planned_indicators,
    ),
    Entity(
        "issues",
        "課題と取組方針、役割",
        (
            Field("issue", ISSUE_COLUMNS["issue"], _S),
            Field("policies", ISSUE_COLUMNS["policies"], _S),
            *(Field(f"role_{key}", f"役割（{ja}）", _S) for key, ja in ROLES.items()),
        ),
        _issues,
    ),
    Entity(
        "departments",
        "所管部署と連携部署",
        (
            Field("role", "区分", _S),
            Field("name", DEPARTMENT_COLUMNS["name"], _S),
            Field("duties", DEPARTMENT_COLUMNS["duties"], _S),
        ),
        _departments,
    ),
    Entity(
        "councils",
        "協議の場",
        (
            Field("name", MEETING_COLUMNS["name"], _S),
            Field("members", MEETING_COLUMNS["members"], _S),
            Field("frequency", MEETING_COLUMNS["frequency"], _S),
            Field("meetings_per_year", "開催頻度（回/年）", _I),
            Field("activities", MEETING_COLUMNS["activities"], _S),
            Field("notes", "特記事項等", _S),
        ),
        _councils,
    ),
    Entity(
        "schedule",
        "スケジュール（長期・今年度）",
        (
            Field("kind", "区分", _S),
            Field("label", "時期（記載のまま）", _S),
            Field("month", "時期（月）", _S),
            Field("plan_fiscal_year", "実施年度", _I),
            Field("item", PLAN_COLUMNS["item"], _S),
            Field("actions", PLAN_COLUMNS["actions"], _S),
        ),
        _schedule,
    ),
    Entity(
        "history_events",
        "取組の経緯",
        (
            Field("period", "年度（記載のまま）", _S),
            Field("event_fiscal_year", "開始年度", _I),
            Field("description", EVENT_COLUMNS["description"], _S),
            Field("commission", EVENT_COLUMNS["commission"], _S),
        ),
        _history_events,
    ),
    Entity(
        "sectors",
        "各部門の連携状況",
        (
            Field("sector", "部門", _S),
            Field("label", "部門（記載のまま）", _S),
            Field("status", SECTOR_COLUMNS["status"], _S),
            Field("strengths_and_issues", SECTOR_COLUMNS["strengths_and_issues"], _S),
        ),
        _sectors,
    ),
)
LIST_TABLES: dict[str, Entity] = {e.name: e for e in _LIST_TABLES}
ENTITIES: tuple[str, ...] = ("sheets", *LIST_TABLES)
"""Every table, in the order the workbook and the database hold them."""
TITLES: dict[str, str] = {"sheets": "シート（1行に1枚）", **{e.name: e.ja for e in _LIST_TABLES}}


@cache
def fields(entity: str) -> tuple[Field, ...]:
    """A table's columns, in order."""
    if entity == "sheets":
        return (SHEET_ID, *(Field(c.en, c.ja, _sheet_column_type(SOURCES[c.en])) for c in COLUMNS))
    return (*_HEAD, *LIST_TABLES[entity].fields, *_TAIL)


def column_names(entity: str, header: str = "en") -> list[str]:
    return [f.en if header == "en" else f.ja for f in fields(entity)]


def sheet_id(doc: Data) -> str:
    sha: str = doc["source"]["sha256"]
    return sha[:ID_DIGITS]


def value_rows(doc: Data, entity: str, problems: list[Problem] | None = None) -> list[list[object]]:
    """A document's rows of one table, values in `fields(entity)` order (`problems`: see `table.row`)."""
    if entity == "sheets":
        return [[sheet_id(doc), *row(doc, problems)]]
    table = LIST_TABLES[entity]
    head = [sheet_id(doc), doc.get("municipality"), doc.get("fiscal_year")]
    path = doc["source"].get("path")
    return [
        [*head, n, *[rec.get(f.en) for f in table.fields], path, rec.get("line")]
        for n, rec in enumerate(table.records(doc), 1)
    ]


class UniqueIds:
    """Sheet ids made unique across a run: a file whose bytes repeat an earlier input's gets `-2`, `-3`, …"""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, sheet_id: str) -> str:
        n = self._seen[sheet_id] = self._seen.get(sheet_id, 0) + 1
        return sheet_id if n == 1 else f"{sheet_id}-{n}"


def rows(doc: Data, entity: str) -> list[dict[str, object]]:
    """A document's rows of one table, as dicts keyed by the columns' English names.

    `doc` is the document's plain data (`nikosheet.parse_file_data`); `entity` one of `ENTITIES`.
    """
    names = column_names(entity)
    return [dict(zip(names, values, strict=True)) for values in value_rows(doc, entity)]


def id_and_rows(
    doc: Data, entities: tuple[str, ...] = ENTITIES, problems: list[Problem] | None = None
) -> tuple[str, dict[str, list[list[object]]]]:
    """A document's id and its rows of each table named (of every table by default)."""
    return sheet_id(doc), {entity: value_rows(doc, entity, problems) for entity in entities}


def _sheet_column_type(source: object) -> str:
    """The type of a `sheets` column: a count (`#path`) or a computed count is an integer; a value's
    is its field's type in the models."""
    if not isinstance(source, str) or source.startswith("#"):
        return "integer"
    return _model_type(source)


def _model_type(path: str) -> str:
    import types
    import typing

    from nikosheet.models import Sheet

    annotation: Any = Sheet
    for key in path.split("."):
        annotation = annotation.model_fields[key].annotation
        if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return {int: "integer", float: "number", bool: "boolean"}.get(annotation, "string")


_DOC_TYPES = {"integer": "integer", "number": "number", "string": "text", "boolean": "true/false"}
ABOUT = {
    "sheets": "One row per sheet: `sheet_id`, then the columns of the CSV table of sheets (docs/batch.md).",
    "outcome_indicators": "Section 4: one row per indicator, its targets, results and effects (an item a line), "
    "and the period they are for as written.",
    "planned_indicators": "Section 5's indicators: the current value and the target as written (`9件`, `年6回`).",
    "issues": "Section 5's issues: one row per issue, its policies and each sector's roles (an item a line).",
    "departments": "Section 6's departments: `role` is `in_charge` (所管部署) or `partner` (連携部署).",
    "councils": "Section 7: one row per council, its frequency as written and in meetings a year (empty for 随時).",
    "schedule": "Sections 8 and 9: the long-term plan (`kind` `long_term`, by `plan_fiscal_year`), then this "
    "year's schedule (`annual`, by `month`, ISO `2023-05`).",
    "history_events": "Section 3's 年度 / 経過 / 委託 table: one row per event.",
    "sectors": "Section 6's 各部門の連携状況: one row per sector (`health`, `medical`, `welfare`, `others`).",
}


def markdown() -> str:
    """Every table's columns as Markdown (docs/table.md holds this text between its markers)."""
    out: list[str] = []
    for entity in ENTITIES:
        out += [f"### `{entity}`: {TITLES[entity]}", "", ABOUT[entity], ""]
        out += ["| column | `--header ja` | type |", "|---|---|---|"]
        out += [f"| `{f.en}` | {f.ja} | {_DOC_TYPES[f.type]} |" for f in fields(entity)]
        out.append("")
    return "\n".join(out)
