"""`datapackage.json`: a Frictionless Data Package describing a CSV table that was written, so that
frictionless (and other Table Schema tools) can read and validate it with its types.

One resource per CSV file.  A `datapackage.json` already beside the CSV keeps its other resources
and gets this one added, or replaced when it names the same file: the tables written one by one into
one folder make one package.  A list's table is keyed by (`sheet_id`, `position`); `sheets` by
`source_path`, which a list's table refers to when the package holds a resource named `sheets`.
"""

from __future__ import annotations

import codecs
from typing import Any

from nikosheet.output.entities import TITLES, Field, column_names, fields

NAME = "datapackage.json"


def csv_fields(entity: str) -> tuple[Field, ...]:
    """The columns of the entity's CSV: the `sheets` CSV is today's table, without `sheet_id`."""
    return fields(entity)[1:] if entity == "sheets" else fields(entity)


def csv_names(entity: str, header: str) -> list[str]:
    names = column_names(entity, header)
    return names[1:] if entity == "sheets" else names


def _field(name: str, field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "type": field.type, "title": field.ja}
    if name != field.en:
        out["description"] = field.en
    if field.type == "boolean":
        out |= {"trueValues": ["true"], "falseValues": ["false"]}
    return out


def resource(entity: str, path: str, header: str, encoding: str, package: dict[str, Any]) -> dict[str, Any]:
    """The resource of a CSV file named `path` (relative to the package) holding the entity's table."""
    names = csv_names(entity, header)
    by_en = {f.en: n for f, n in zip(csv_fields(entity), names, strict=True)}
    schema: dict[str, Any] = {
        "fields": [_field(n, f) for n, f in zip(names, csv_fields(entity), strict=True)],
        "missingValues": [""],
    }
    if entity == "sheets":
        schema["primaryKey"] = [by_en["source_path"]]
    else:
        schema["primaryKey"] = [by_en["sheet_id"], by_en["position"]]
        sheets = next((r for r in package.get("resources", []) if r.get("name") == "sheets"), None)
        if sheets is not None and by_en["source_path"] in _field_names(sheets):
            key = [by_en["source_path"]]
            schema["foreignKeys"] = [{"fields": key, "reference": {"resource": "sheets", "fields": key}}]
    codec = codecs.lookup(encoding).name
    return {
        "name": entity,
        "path": path,
        "profile": "tabular-data-resource",
        "title": TITLES[entity],
        "format": "csv",
        "mediatype": "text/csv",
        # readers skip the byte-order mark of UTF-8 by themselves
        "encoding": "utf-8" if codec == "utf-8-sig" else codec,
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True},
        "schema": schema,
    }


def _field_names(res: dict[str, Any]) -> list[str]:
    schema = res.get("schema")
    return [f.get("name") for f in schema.get("fields", [])] if isinstance(schema, dict) else []


def updated(package: dict[str, Any] | None, res: dict[str, Any]) -> dict[str, Any]:
    """The package with `res` in place of the resource of the same file, or added; its name made unique."""
    package = dict(package or {"profile": "tabular-data-package", "name": "nikosheet"})
    others = [r for r in package.get("resources", []) if r.get("path") != res["path"]]
    taken = {r.get("name") for r in others}
    name, n = res["name"], 1
    while name in taken:
        n += 1
        name = f"{res['name']}-{n}"
    package["resources"] = [*others, {**res, "name": name}]
    return package
