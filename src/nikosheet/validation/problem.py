"""Problems: what the validator found, one per finding, independent of how it is reported."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(slots=True)
class Problem:
    """One finding of one rule in one file.

    `line` is the 1-based source line (None when the finding is about the whole file, as for a file
    that cannot be read); for a PDF or DOCX, the line of the text `nikosheet extract` prints, and
    for a PDF `page` is that line's page.  `column` is optional and 1-based.  Problems sort by
    (path, line, code).
    """

    path: str | None
    line: int | None
    code: str
    severity: str
    message: str
    column: int | None = None
    name: str | None = None  # the rule's kebab-case name
    page: int | None = None  # a PDF's page of the line
    hint: str | None = None  # what to do about it, in the message's language
    message_en: str | None = None  # the message in English, whatever the language shown (a baseline's key)

    def sort_key(self) -> tuple[str, int, str, int, str]:
        return (self.path or "", self.line or 0, self.code, self.column or 0, self.message)

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()

    def to_dict(self) -> dict[str, str | int | None]:
        d = asdict(self)
        return {k: d[k] for k in ("path", "line", "page", "column", "code", "name", "severity", "message", "hint")}
