"""The document as plain data: the dicts and lists of the `models.Sheet` shape that the parser
builds and the rules and outputs read (the fast path; `models.Sheet` validates the same data)."""

from typing import Any, TypeAlias

Data: TypeAlias = dict[str, Any]
"""One object of the document: the document itself, a section, a row."""
