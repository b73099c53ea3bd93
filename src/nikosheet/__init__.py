"""nikosheet: にも包括 survey sheets of Japanese local governments as structured, validated data.

The library API (the command line is a thin layer over it):

- `parse_file(path)`, `parse_text(text)`: one sheet as the validated `models.Sheet` model;
- `parse_file_data(path)`, `parse_text_data(text)`, `parse_bytes_data(data)`: the same document as
  plain data (dicts and lists of the `Sheet` shape), the fast path for batches;
- `validate(doc)`: the problems the validation rules find in a document's plain data;
- `table_row(doc)`: a document's row of the table of sheets, in `output.table.COLUMNS` order;
- `diff(old, new)`: what changed from one sheet to another, as `output.diff.Change` records.

Modules load on first use, so that importing the package costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from os import PathLike

    from nikosheet.models import Sheet
    from nikosheet.output.diff import Change, Side
    from nikosheet.plain import Data
    from nikosheet.validation.problem import Problem


def parse_text(text: str, path: str | None = None) -> Sheet:
    """Parse the text of one sheet into the `Sheet` model; `path` is recorded as its source."""
    from nikosheet.models import Sheet

    return Sheet.model_validate(parse_text_data(text, path))


def parse_file(path: str | PathLike[str]) -> Sheet:
    """Read and parse one file (text in UTF-8, UTF-16 with BOM or CP932; a PDF; a DOCX) into the `Sheet` model.

    Raises `nikosheet.errors.InputError` with a one-line reason when the file cannot be read as a sheet.
    """
    from nikosheet.models import Sheet

    return Sheet.model_validate(parse_file_data(path))


# The data functions are the batch's per-sheet path: they import absolutely, because a relative
# import inside a function costs a Python-level call each time.


def parse_bytes_data(data: bytes, path: str | None = None) -> Data:
    """The document of a sheet's bytes as plain data: text in any encoding `parse_file` reads, a PDF
    or a DOCX (told by their content)."""
    import nikosheet.parsing.document as document
    import nikosheet.sources as sources

    return document.build(sources.read_source(data), path)


def parse_file_data(path: str | PathLike[str]) -> Data:
    """The document of one file (text, PDF or DOCX) as plain data (dicts and lists of the `Sheet`
    shape): the fast path."""
    import nikosheet.sources.text as read

    p = str(path)
    return parse_bytes_data(read.read_file(p), p)


def parse_text_data(text: str, path: str | None = None) -> Data:
    """The document of a sheet's text as plain data; `path` is recorded as its source."""
    import hashlib

    from nikosheet.errors import InputError
    from nikosheet.parsing.document import build
    from nikosheet.sources.text import Text, split_lines

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"not valid Unicode text: a lone surrogate at character {exc.start}") from None
    return build(Text(split_lines(text), "utf-8", hashlib.sha256(data).hexdigest()), path)


def validate(
    doc: Data, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None, lang: str = "en"
) -> list[Problem]:
    """The problems of one document (its plain data), sorted by line.

    `select` and `ignore` take rule codes (`NS201`), families (`NS2`) or names (`inpatient-total`);
    an unknown one raises `nikosheet.validation.engine.UnknownRule`.  `lang` (en or ja) is the
    language of each problem's `message` and `hint`.
    """
    from nikosheet.validation.engine import check

    return check(doc, select, ignore, lang)


def table_row(doc: Data) -> list[object]:
    """The document's row of the table of sheets: values in the order of `nikosheet.output.table.COLUMNS`."""
    from nikosheet.output.table import row

    return row(doc)


def diff(old: str | PathLike[str] | Data | Sheet, new: str | PathLike[str] | Data | Sheet) -> list[Change]:
    """What changed from `old` to `new`: statistics, indicators, councils, departments, schedules …

    Each is a path (text, PDF or DOCX: the changes then name lines of the file, the slogan's too),
    a document's plain data (`parse_file_data`) or a `Sheet`.  Raises `InputError` as `parse_file` does.
    """
    from nikosheet.output.diff import compare

    return compare(_side(old), _side(new))


def _side(sheet: str | PathLike[str] | Data | Sheet) -> Side:
    from nikosheet.output.diff import Side, read_side

    if isinstance(sheet, dict):
        return Side(sheet)
    if hasattr(sheet, "model_dump"):
        return Side(sheet.model_dump(mode="json"))
    import nikosheet.sources.text as read

    path = str(sheet)
    return read_side(read.read_file(path), path)


__all__ = [
    "__version__",
    "diff",
    "parse_bytes_data",
    "parse_file",
    "parse_file_data",
    "parse_text",
    "parse_text_data",
    "table_row",
    "validate",
]
