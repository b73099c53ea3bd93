"""Text: bytes to decoded text lines, with the encoding that was used; the lines every source gives."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat

import nikosheet.diagnostic_messages as messages
from nikosheet.diagnostics import Diagnostic
from nikosheet.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Largest file accepted. Real sheets are 10–100 KB; anything near this is not a sheet."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# a plain class with slots, not a NamedTuple (a third of a millisecond to define) nor a dataclass (twice
# that): this module is read on every run
class Text:
    """The lines the parser reads, and where they came from."""

    __slots__ = ("encoding", "format", "lines", "notes", "page_starts", "pages", "sha256", "source")

    def __init__(
        self,
        lines: list[str],
        encoding: str | None,  # None for a PDF or DOCX: its lines were read from the document, not decoded
        sha256: str,  # of the input's bytes
        notes: tuple[tuple[Diagnostic, str], ...] = (),  # doubts about the bytes themselves, as diagnostics
        format: str = "text",  # text, pdf or docx
        pages: int | None = None,  # a PDF's number of pages
        page_starts: tuple[int, ...] | None = None,  # a PDF's: the first line of each page
        source: str | None = None,  # the lines joined by newlines, when kept from decoding (saves a join)
    ) -> None:
        self.lines = lines
        self.encoding = encoding
        self.sha256 = sha256
        self.notes = notes
        self.format = format
        self.pages = pages
        self.page_starts = page_starts
        self.source = source


_TRUNCATED = str(messages.TRUNCATED())


def _decode(data: bytes) -> tuple[str, str, tuple[tuple[Diagnostic, str], ...]]:
    """(text, encoding name, notes): UTF-8 (with or without BOM), UTF-16 (BOM), then CP932.

    A file cut off inside its last character is read without it, and a note says so.
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if not data or data.isspace():
        raise InputError("file is empty" if not data else "file holds only white space")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, notes = _decode_tail(data, name)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {name} after its byte-order mark (byte {exc.start})") from None
            return _checked(text, name, notes, data)
    try:
        text, notes = _decode_tail(data, "utf-8")
        name = "utf-8"
    except UnicodeDecodeError:
        if _looks_utf16(data):
            raise InputError("looks like UTF-16 without a byte-order mark; save it as UTF-8") from None
        try:
            text, notes = _decode_tail(data, "cp932")
            name = "cp932"
        except UnicodeDecodeError:
            raise InputError(
                "binary data or an unknown encoding: not UTF-8, UTF-16 or CP932 (Shift_JIS) text"
            ) from None
    return _checked(text, name, notes, data)


def _decode_tail(data: bytes, name: str) -> tuple[str, tuple[tuple[Diagnostic, str], ...]]:
    """Decode; when the only fault is an incomplete character at the very end, drop it and say so."""
    try:
        return data.decode(name), ()
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and len(data) - exc.start <= 3 and exc.start > len(data) // 2:
            return data[: exc.start].decode(name), ((Diagnostic.TRUNCATED_FILE, _TRUNCATED),)
        raise


def _checked(
    text: str, name: str, notes: tuple[tuple[Diagnostic, str], ...], data: bytes
) -> tuple[str, str, tuple[tuple[Diagnostic, str], ...]]:
    # (a NUL character is a 0 byte in every encoding read: the bytes are looked at first, at memchr's
    # speed; a text's own look at each character costs some 20,000 instructions a sheet)
    if b"\x00" in data and "\x00" in text and _looks_utf16(data):
        raise InputError("looks like UTF-16 without a byte-order mark; save it as UTF-8")
    if _blank(text):
        raise InputError("file holds only white space")
    return text, name, notes


def _blank(text: str) -> bool:
    """Whether every character is white space or a BOM: asked of each character in turn (most texts answer
    at their first), not of a pattern that every run compiled for this one question a text
    (`str.isspace` knows the white space that `\\s` does)."""
    return all(ch == "\ufeff" or ch.isspace() for ch in text)


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a BOM: it decodes as UTF-16 into mostly Japanese and ASCII."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    sample = sample[: len(sample) // 2 * 2]
    if b"\n\x00" not in sample and b"\x00\n" not in sample:
        return False  # a sheet has lines, and UTF-16 writes a line end as two bytes, one of them 0
    for enc in ("utf-16-le", "utf-16-be"):
        text = sample.decode(enc, errors="replace")
        good = sum(
            1
            for ch in text
            if ch in "\t\n\r" or " " <= ch <= "~" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
        )
        if good >= 0.9 * len(text) and "\n" in text:
            return True
    return False


def read_file(path: str) -> bytes:
    """A file's bytes; one larger than MAX_BYTES is refused before it is read.

    A regular file is read in one call sized by its length (a read sized by the limit would
    allocate the whole 20 MiB each time); anything else (a pipe, a device) up to the limit.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a folder, not a file")
        if stat.S_ISREG(st.st_mode) and st.st_size:
            if st.st_size > MAX_BYTES:
                raise InputError(f"file is too large ({st.st_size:,} bytes; the limit is {MAX_BYTES:,})")
            data = os.read(fd, st.st_size + 1)
            return data if len(data) >= st.st_size else data + _read_up_to(fd, MAX_BYTES + 1 - len(data))
        return _read_up_to(fd, MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _read_up_to(fd: int, n: int) -> bytes:
    """Up to n bytes, or all there is: a pipe gives its data in pieces."""
    parts = []
    while n > 0:
        part = os.read(fd, min(n, 1 << 20))
        if not part:
            break
        parts.append(part)
        n -= len(part)
    return b"".join(parts)


def split_lines(text: str) -> list[str]:
    """Split at CRLF, CR or LF only (str.splitlines also splits at U+2028, \\x0c and friends)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_bytes(data: bytes) -> Text:
    """The input's bytes as decoded lines; InputError when they are not a text this tool reads."""
    text, encoding, notes = _decode(data)
    plausible, has_controls = _text_controls(text) if encoding == "utf-16" else _byte_controls(data)
    if not plausible:
        raise InputError("binary data, not text")
    if has_controls:  # a few NULs and control characters a converter left behind
        text, notes = _without_controls(text, notes)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = split_lines(text)  # split at "\n": so the lines joined by "\n" are the text without its last line end
    return Text(lines, encoding, hashlib.sha256(data).hexdigest(), notes, source=text.removesuffix("\n"))


def _without_controls(
    text: str, notes: tuple[tuple[Diagnostic, str], ...]
) -> tuple[str, tuple[tuple[Diagnostic, str], ...]]:
    """The text without its control characters (tab, line ends and form feeds stay), and a note counting them."""
    found = _CONTROL_RE.findall(text)
    kinds = ", ".join(sorted({"NUL" if c == "\x00" else f"U+{ord(c):04X}" for c in found}))
    note = str(messages.CONTROL_CHARACTERS(count=len(found), kinds=kinds))
    return _CONTROL_RE.sub("", text), (*notes, (Diagnostic.CONTROL_CHARACTERS, note))


_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = list(_CONTROLS)  # looked for one at a time by `_byte_controls`


def _text_controls(text: str) -> tuple[bool, bool]:
    """(plausible, has control characters) of a UTF-16 text: see `_byte_controls`."""
    sample = text[:8192]
    return len(_CONTROL_RE.findall(sample)) <= len(sample) // 100, _CONTROL_RE.search(text) is not None


_HEAD = 16384  # the start of a file whose control characters are counted


def _byte_controls(data: bytes) -> tuple[bool, bool]:
    """(plausible, has control characters) of UTF-8 or CP932 bytes.

    Plausible rejects control-character soup that happens to decode (images decoded as CP932, say);
    a text with a few (at most 1 % of its start: NULs a converter left, say) is read without them.
    In UTF-8 and CP932 a byte below 0x20 is always that control character itself (no multi-byte
    character uses one), so the bytes are looked at, at C speed: each of the 28 looked for with
    memchr, which reads many bytes an instruction (half the instructions of mapping every byte with
    bytes.translate and looking for the mapped mark once, for a sheet-sized text that stays in the
    cache; a text of megabytes is read 28 times over and costs more, a few milliseconds).  Most texts
    hold none; only one that does has the controls of its start counted.
    """
    if not any(map(data.__contains__, _CONTROL_BYTES)):
        return True, False
    head = data[:_HEAD]
    in_head = len(head) - len(head.translate(None, _CONTROLS))
    return in_head <= len(head) // 100, True
