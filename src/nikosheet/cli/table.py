"""The table command: the inputs read (in parallel when asked), their rows of one table written as CSV or
JSON Lines, or of every table as an Excel workbook or a SQLite database."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import cast

from nikosheet.cli.batch import Result, failure, read_input, run_tasks
from nikosheet.cli.config import Config, checked
from nikosheet.cli.exits import ExitCode, Interrupted, say, stderr_is_terminal, write_output
from nikosheet.cli.inputs import Input, check_output_target
from nikosheet.cli.progress import Progress
from nikosheet.cli.target import Writes
from nikosheet.errors import UsageError
from nikosheet.i18n import Count, Template
from nikosheet.output.table import FORMATS, column_names, csv_text, encode, jsonl_text, row
from nikosheet.plain import Data

WRITES = Writes("table", FORMATS)
FILE_FORMATS = ("xlsx", "sqlite")  # every table in one file

ROWS_WRITTEN = Template(
    "{sheets:sheet}: {rows:row} written to {where}, {failed} failed",
    "{sheets} 枚: {rows} 行を{where}に書き出し、{failed} 件失敗",
)
NO_ROW = Template("{sheets:sheet}: no row written, {failed} failed", "{sheets} 枚: 書き出した行なし、{failed} 件失敗")
SHEETS_WRITTEN = Template(
    "{sheets:sheet}: {found} written to {where}, {failed} failed",
    "{sheets} 枚: {found} 枚分を{where}に書き出し、{failed} 件失敗",
)
ENTITY_WRITTEN = Template(
    "{sheets:sheet}: {rows:row} of {found} written to {where}, {failed} failed",
    "{sheets} 枚: {found} 枚分の {rows} 行を{where}に書き出し、{failed} 件失敗",
)
NOTHING = Template(
    "{sheets:sheet}: nothing written, {failed} failed", "{sheets} 枚: 書き出したものなし、{failed} 件失敗"
)
STDOUT = Template("standard output", "標準出力")


@dataclass(frozen=True, slots=True)
class TableRun:
    """The table command's options, checked."""

    output: Path | None
    fmt: str  # csv, jsonl, xlsx or sqlite
    encoding: str
    header: str  # en or ja
    jobs: int
    quiet: bool
    debug: bool
    entity: str = "sheets"  # the table of a CSV or JSON Lines output
    datapackage: bool = False  # write datapackage.json beside the CSV
    lang: str = "en"  # of the summary
    note: str | None = None  # which format -o's name left to the default
    config: Config | None = None  # its rules decide the validation counts, as in validate

    def check(self) -> None:
        """Refuse the combinations that cannot be written (before any input is read)."""
        if self.fmt in FILE_FORMATS and self.output is None:
            raise UsageError(f"--format {self.fmt} writes a file: name it with -o")
        if self.fmt in FILE_FORMATS and self.entity != "sheets":
            raise UsageError(f"--entity picks the table of CSV or JSON Lines; --format {self.fmt} holds every table")
        if self.datapackage and (self.fmt != "csv" or self.output is None):
            raise UsageError("--datapackage describes a CSV file: use it with -o FILE.csv")
        if self.datapackage and self.output is not None:
            _package_beside(self.output)


def table_command(inputs: list[Input], opts: TableRun) -> ExitCode:
    """One row per input that could be read; the others are named, and the exit code says so."""
    opts.check()
    if opts.output is not None:
        check_output_target(inputs, opts.output)
    if opts.note:
        say(opts.note)
    if opts.fmt in FILE_FORMATS or opts.entity != "sheets":
        return _tables_command(inputs, opts)
    rows, failed = _read_all(inputs, opts, row)
    if rows:
        _write(rows, opts)  # type: ignore[arg-type]  # row() gives a row
    if not opts.quiet and len(inputs) > 1:  # one input: its error line is the whole story
        where = STDOUT() if opts.output is None else str(opts.output)
        sheets = Count(len(inputs))
        summary = (
            ROWS_WRITTEN(sheets=sheets, rows=Count(len(rows)), where=where, failed=failed)
            if rows
            else NO_ROW(sheets=sheets, failed=failed)
        )
        say(summary.render(opts.lang))
    return ExitCode.FAILED if failed else ExitCode.OK


def _read_all(inputs: list[Input], opts: TableRun, make: Callable[[Data], object]) -> tuple[list[object], int]:
    """What `make` gives of each input that could be read, in input order; and how many could not be read."""
    values: list[object] = []
    failed = 0
    progress = Progress(
        len(inputs), enabled=not opts.quiet and len(inputs) > 1 and stderr_is_terminal(), description="reading"
    )
    # the results are closed on the way out (Ctrl-C): worker processes stop then, not at exit
    task = partial(_task, make=make, config=opts.config, debug=opts.debug)
    try:
        with progress, closing(run_tasks(task, inputs, opts.jobs)) as results:
            for res in results:
                progress.advance()
                if res.error is not None:
                    failed += 1
                    progress.failure(res)
                else:
                    values.append(res.value)
    except KeyboardInterrupt:
        raise Interrupted(f"{len(values) + failed} of {len(inputs)} read; no table written") from None
    return values, failed


def _task(inp: Input, make: Callable[..., object], config: Config | None = None, debug: bool = False) -> Result:
    try:
        doc = read_input(inp)
    except Exception as exc:
        return failure(inp, exc, debug)
    try:
        value = make(doc, problems=checked(doc, config, None if inp.is_stdin else str(inp.path)))
    except Exception as exc:  # the validator failed: a bug, not a bad file
        res = failure(inp, exc, debug)
        res.error = f"cannot be checked: {res.error}"
        return res
    return Result(inp, value=value)


def _tables_command(inputs: list[Input], opts: TableRun) -> ExitCode:
    """The rows of one list's table (CSV, JSON Lines) or of every table (workbook, database)."""
    from nikosheet.output.entities import ENTITIES, UniqueIds, id_and_rows

    entities = ENTITIES if opts.fmt in FILE_FORMATS else (opts.entity,)
    found, failed = _read_all(inputs, opts, partial(id_and_rows, entities=entities))
    tables: dict[str, list[list[object]]] = {e: [] for e in entities}
    ids = UniqueIds()
    for value in found:
        sheet_id, doc_tables = cast("tuple[str, dict[str, list[list[object]]]]", value)  # id_and_rows()'s
        unique = ids.unique(sheet_id)
        for entity, doc_rows in doc_tables.items():
            for r in doc_rows:
                r[0] = unique
            tables[entity] += doc_rows
    if found:
        _write_tables(tables, opts)
    if not opts.quiet and len(inputs) > 1:
        where = STDOUT() if opts.output is None else str(opts.output)
        sheets = Count(len(inputs))
        if not found:
            summary = NOTHING(sheets=sheets, failed=failed)
        elif opts.fmt in FILE_FORMATS:
            summary = SHEETS_WRITTEN(sheets=sheets, found=len(found), where=where, failed=failed)
        else:
            rows = Count(len(tables[opts.entity]))
            summary = ENTITY_WRITTEN(sheets=sheets, rows=rows, found=len(found), where=where, failed=failed)
        say(summary.render(opts.lang))
    return ExitCode.FAILED if failed else ExitCode.OK


def _write_tables(tables: dict[str, list[list[object]]], opts: TableRun) -> None:
    if opts.fmt == "xlsx":
        from nikosheet.output.workbook import workbook_bytes
        from nikosheet.output.xlsx import TooManyRows

        try:
            data, cut = workbook_bytes(tables, opts.header)
        except TooManyRows as exc:
            raise UsageError(f"{opts.output}: cannot write: {exc}; write the tables to -o data.sqlite") from None
        if cut:
            cells = "1 cell was" if cut == 1 else f"{cut} cells were"
            say(f"warning: {cells} longer than Excel's 32,767 characters and cut there")
        _write_bytes(data, opts.output)
    elif opts.fmt == "sqlite":
        from nikosheet.output.database import database_bytes

        _write_bytes(database_bytes(tables, opts.header), opts.output)
    else:
        from nikosheet.output.entities import column_names as names_of

        names = names_of(opts.entity, opts.header)
        _write(tables[opts.entity], opts, names)


def _package_beside(output: Path) -> dict[str, object] | None:
    """The datapackage.json beside the CSV, if there is one; refused when it cannot be updated."""
    import json

    from nikosheet.output.datapackage import NAME

    if output.exists() and not output.is_file():
        raise UsageError(f"{output}: --datapackage describes a regular file, not a device or a pipe")
    path = output.parent / NAME
    if not path.exists():
        return None
    try:
        package: object = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: cannot add the table to it: {exc}") from None
    resources = package.get("resources", []) if isinstance(package, dict) else None
    if (
        not isinstance(package, dict)
        or not isinstance(resources, list)
        or not all(isinstance(r, dict) for r in resources)
    ):
        raise UsageError(f"{path}: cannot add the table to it: not a data package")
    return package


def _write_package(opts: TableRun) -> None:
    import json

    from nikosheet.output.datapackage import NAME, resource, updated

    assert opts.output is not None
    package = _package_beside(opts.output) or {}
    res = resource(opts.entity, opts.output.name, opts.header, opts.encoding, package)
    text = json.dumps(updated(package or None, res), ensure_ascii=False, indent=2) + "\n"
    _write_bytes(text.encode("utf-8"), opts.output.parent / NAME)


def _write(rows: list[list[object]], opts: TableRun, names: list[str] | None = None) -> None:
    names = names or column_names(opts.header)
    text = csv_text(rows, names) if opts.fmt == "csv" else jsonl_text(rows, names)
    data, warning = encode(text, opts.encoding)
    if warning:
        say(warning)
    _write_bytes(data, opts.output)
    if opts.datapackage:
        _write_package(opts)


def _write_bytes(data: bytes, output: Path | None) -> None:
    write_output(output, data)
