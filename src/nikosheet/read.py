"""Read: bytes to decoded text lines, with the encoding that was used."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Largest file accepted. Real sheets are 10–100 KB; anything near this is not a sheet."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Text:
    lines: list[str]
    encoding: str
    sha256: str


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 (with or without BOM), UTF-16 (BOM), then CP932."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if not data.strip():
        raise InputError("file is empty" if not data else "file holds only white space")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {name} after its byte-order mark (byte {exc.start})") from None
    try:
        text, name = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _looks_utf16(data):
            raise InputError("looks like UTF-16 without a byte-order mark; save it as UTF-8") from None
        try:
            text, name = data.decode("cp932"), "cp932"
        except UnicodeDecodeError:
            raise InputError("binary data or an unknown encoding: not UTF-8, UTF-16 or CP932 (Shift_JIS) text") from None
    if "\x00" in text:
        if _looks_utf16(data):
            raise InputError("looks like UTF-16 without a byte-order mark; save it as UTF-8")
        raise InputError("binary data: the file contains NUL bytes")
    return text, name


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a BOM: it decodes as UTF-16 into mostly Japanese and ASCII."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    sample = sample[: len(sample) // 2 * 2]
    for enc in ("utf-16-le", "utf-16-be"):
        text = sample.decode(enc, errors="replace")
        good = sum(1 for ch in text if ch in "\t\n\r" or " " <= ch <= "~" or "\u3000" <= ch <= "\u9fff"
                   or "\uff00" <= ch <= "\uffef")
        if good >= 0.9 * len(text) and "\n" in text:
            return True
    return False


def split_lines(text: str) -> list[str]:
    """Split at CRLF, CR or LF only (str.splitlines also splits at U+2028, \\x0c and friends)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_bytes(data: bytes) -> Text:
    text, encoding = decode(data)
    if not _is_plausible_text(text):
        raise InputError("binary data, not text")
    return Text(split_lines(text), encoding, hashlib.sha256(data).hexdigest())


def _is_plausible_text(text: str) -> bool:
    """Reject control-character soup that happens to decode (images decoded as CP932, say)."""
    sample = text[:8192]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\x0c")
    return bad <= len(sample) // 100
