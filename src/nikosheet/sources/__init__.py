"""Sources: the bytes of an input turned into the lines the parser reads.

`read_source` tells the kind of input by its content, not its name: a PDF by its `%PDF-` header, a
DOCX by its ZIP signature, anything else as text (`text.read_bytes`).  The PDF and DOCX readers, and
their libraries, are imported only when such a file is read.
"""

from __future__ import annotations

import hashlib

from nikosheet.errors import InputError
from nikosheet.sources.extracted import Extracted
from nikosheet.sources.text import MAX_BYTES, Text, read_bytes

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"


def kind_of(data: bytes) -> str:
    """`pdf`, `docx` (any ZIP: the DOCX reader says what another one is) or `text`."""
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    # a PDF's header may follow up to 1 KiB of other bytes (ISO 32000-1, annex H)
    if data.startswith(_PDF_MAGIC) or _PDF_MAGIC in data[:1024]:
        return "pdf"
    return "text"


def extract(data: bytes) -> Extracted:
    """A PDF or DOCX as lines in the samples' form; InputError when it cannot be read."""
    if len(data) > MAX_BYTES:  # as for text: the readers never see a document past the limit
        raise InputError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if kind_of(data) == "pdf":
        from nikosheet.sources.pdf import read_pdf

        return read_pdf(data)
    from nikosheet.sources.docx import read_docx

    return read_docx(data)


def read_source(data: bytes) -> Text:
    """The lines of any input: decoded text, or the text a PDF or DOCX reads as."""
    kind = kind_of(data)
    if kind == "text":
        return read_bytes(data)
    doc = extract(data)
    return Text(
        lines=doc.lines,
        encoding=None,
        sha256=hashlib.sha256(data).hexdigest(),
        format=doc.format,
        pages=doc.page_count,
        page_starts=_page_starts(doc.pages) if doc.pages is not None else None,
    )


def _page_starts(pages: list[int]) -> tuple[int, ...]:
    """The first line of each page, from each line's page (a page without a line starts where the
    next one does)."""
    count = max(pages, default=0)
    starts = [0] * (count + 1)
    for no in range(len(pages), 0, -1):
        starts[pages[no - 1]] = no
    for page in range(count - 1, 0, -1):
        starts[page] = starts[page] or starts[page + 1]
    return tuple(starts[1:])


__all__ = ["Extracted", "Text", "extract", "kind_of", "read_source"]
