"""nikosheet: にも包括 survey sheets of Japanese local governments as structured, validated data."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from nikosheet.models import Sheet


def parse_text(text: str, path: str | None = None) -> Sheet:
    """Parse the text of one sheet into the `Sheet` model."""
    from nikosheet.models import Sheet

    return Sheet.model_validate(parse_text_data(text, path))


def parse_file(path) -> Sheet:
    """Read and parse one file (UTF-8, UTF-16 with BOM or CP932) into the `Sheet` model."""
    from nikosheet.models import Sheet

    return Sheet.model_validate(parse_file_data(path))


# The two data functions are the batch's per-sheet path: they import absolutely, because a relative
# import inside a function costs a Python-level call each time.


def parse_bytes_data(data: bytes, path: str | None = None) -> dict:
    """The document as plain data (dicts and lists) of the `Sheet` shape: the fast path."""
    import nikosheet.parsing.document as document
    import nikosheet.sources.text as read

    return document.build(read.read_bytes(data), path)


def parse_file_data(path) -> dict:
    import nikosheet.sources.text as read

    p = str(path)
    return parse_bytes_data(read.read_file(p), p)


def parse_text_data(text: str, path: str | None = None) -> dict:
    import hashlib

    from nikosheet.errors import InputError
    from nikosheet.parsing.document import build
    from nikosheet.sources.text import Text, split_lines

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"not valid Unicode text: a lone surrogate at character {exc.start}") from None
    return build(Text(split_lines(text), "utf-8", hashlib.sha256(data).hexdigest()), path)


__all__ = ["__version__", "parse_bytes_data", "parse_file", "parse_file_data", "parse_text", "parse_text_data"]
