"""The tables as one SQLite database: `sheets` keyed by `sheet_id`, every list's table keyed by
(`sheet_id`, `position`) with a foreign key to `sheets`, and `column_titles` naming every column in
English and Japanese with its type.

The database is built in memory and handed back as the bytes of its file, so that it is written
like every other output: whole, through a temporary file beside the target and a rename.
"""

from __future__ import annotations

from nikosheet.output.entities import column_names, fields

SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "string": "TEXT", "boolean": "BOOLEAN"}
TITLES_TABLE = "column_titles"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statement(entity: str, header: str = "en") -> str:
    """The table's CREATE TABLE statement, with its keys."""
    names = column_names(entity, header)
    key, position = _quoted(names[0]), _quoted(names[3])  # sheet_id; a list's `position`
    defs = [f"{_quoted(n)} {SQL_TYPES[f.type]}" for n, f in zip(names, fields(entity), strict=True)]
    if entity == "sheets":
        defs[0] += " PRIMARY KEY NOT NULL"
    else:
        defs[0] += " NOT NULL"
        defs.append(f"PRIMARY KEY ({key}, {position})")
        sheets_key = _quoted(column_names("sheets", header)[0])
        defs.append(f"FOREIGN KEY ({key}) REFERENCES sheets ({sheets_key})")
    return f"CREATE TABLE {_quoted(entity)} (\n  " + ",\n  ".join(defs) + "\n)"


def database_bytes(tables: dict[str, list[list[object]]], header: str = "en") -> bytes:
    """The SQLite file of the tables; `sheets` must come first (the others refer to it)."""
    import sqlite3

    con = sqlite3.connect(":memory:")
    try:
        con.execute("PRAGMA foreign_keys = ON")
        for entity, rows in tables.items():
            con.execute(create_statement(entity, header))
            marks = ", ".join("?" * len(fields(entity)))
            con.executemany(f"INSERT INTO {_quoted(entity)} VALUES ({marks})", rows)
        con.execute(
            f"CREATE TABLE {TITLES_TABLE} (table_name TEXT NOT NULL, position INTEGER NOT NULL, "
            "name TEXT NOT NULL, title TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY (table_name, position))"
        )
        con.executemany(
            f"INSERT INTO {TITLES_TABLE} VALUES (?, ?, ?, ?, ?)",
            [(entity, n, f.en, f.ja, f.type) for entity in tables for n, f in enumerate(fields(entity), 1)],
        )
        con.commit()
        return con.serialize()
    finally:
        con.close()
