"""Reading bytes: encodings, line ends, and the bad inputs that must be refused with a reason."""

from __future__ import annotations

import codecs

import pytest

from conftest import SAMPLES, SHEETS
from nikosheet.errors import InputError
from nikosheet.sources.text import read_bytes

KAWAGUCHI = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
        (lambda t: t.encode("cp932"), "cp932"),
    ],
)
@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_encodings_and_line_ends(encode, encoding, eol):
    text = read_bytes(encode(KAWAGUCHI.replace("\n", eol)))
    assert text.encoding == encoding
    assert text.lines == KAWAGUCHI.split("\n")[: len(text.lines)]
    assert len(text.lines) == 184


def test_encoded_fixtures_parse_like_their_originals(parsed):
    pairs = [
        ("kawaguchi-cp932-crlf.txt", "kawaguchi-r5.txt"),
        ("kashiwa-utf16.txt", "kashiwa-r6.txt"),
        ("kashiwa-utf8bom-cr.txt", "kashiwa-r6.txt"),
    ]
    pairs = [p for p in pairs if (SHEETS / p[0]).exists()]
    assert pairs, "the encoded fixtures are missing"
    for copy, original in pairs:
        a, b = parsed(copy), parsed(original)
        for key in ("source", "diagnostics"):
            a, b = {k: v for k, v in a.items() if k != key}, {k: v for k, v in b.items() if k != key}
        assert a == b, copy


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"  \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (KAWAGUCHI.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (KAWAGUCHI.encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        (b"abc\x00def\n" * 10, "binary"),
        (b"\xff\xfe\x00\xd8", "not valid"),
        (bytes([0x81, 0x20, 0xFD, 0xFE]) * 20, "unknown encoding"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        read_bytes(data)


def test_read_file_takes_a_pipe_whole_and_refuses_folders_and_oversize(tmp_path):
    """A pipe gives its data in pieces (process substitution, `<(…)`); a regular file in one read."""
    import os
    import threading

    from nikosheet.sources.text import MAX_BYTES, read_file

    data = (SAMPLES / "kashiwa-r6.txt").read_bytes() * 8  # several times a pipe's buffer
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as fh:
            for i in range(0, len(data), 5000):
                fh.write(data[i : i + 5000])
                fh.flush()

    writer = threading.Thread(target=feed)
    writer.start()
    assert read_file(str(fifo)) == data
    writer.join()
    assert read_file(str(SAMPLES / "kawaguchi-r5.txt")) == (SAMPLES / "kawaguchi-r5.txt").read_bytes()
    with pytest.raises(InputError, match="is a folder"):
        read_file(str(tmp_path))
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 5)
    with pytest.raises(InputError, match=f"file is too large \\({MAX_BYTES + 5:,} bytes"):
        read_file(str(big))


def test_a_few_control_characters_are_dropped_and_counted():
    """PDF converters leave NULs and other control characters behind: a file that is mostly text is
    read without them (a form feed, a page break, stays), with one warning that counts them."""
    import nikosheet

    data = KAWAGUCHI.replace("人口", "人口\x00\x00", 1).replace("\n", "\n\x0c\x1b", 1).encode("utf-8")
    text = read_bytes(data)
    assert not any("\x00" in line or "\x1b" in line for line in text.lines)
    assert len(text.lines) == len(read_bytes(KAWAGUCHI.encode("utf-8")).lines)
    ((code, note),) = text.notes
    assert code == "control-characters" and note.startswith("3 control characters (NUL, U+001B) dropped")
    doc = nikosheet.parse_bytes_data(data)
    assert doc["basic_info"]["population"]["value"] == 604_894
    assert [d["severity"] for d in doc["diagnostics"] if d["code"] == "control-characters"] == ["warning"]
    assert [p.code for p in nikosheet.validate(doc, select=["NS004"])] == ["NS004"]


@pytest.mark.parametrize("text", ["a\nb\n", "a\r\nb\r\n", "a\rb", "a\n\nb\n\n", "a\x00\n" + "b" * 200 + "\n"])
def test_the_text_is_kept_as_its_lines_joined(text):
    """The forms look at the decoded text, kept so that they need not join the lines again."""
    read = read_bytes(text.encode("utf-8"))
    assert read.source == "\n".join(read.lines)


def test_control_characters_past_the_start_are_found():
    """The start of a file is counted for plausibility; a control character after it is still dropped."""
    data = (KAWAGUCHI * 3).encode("utf-8") + "\n末尾\x1b\n".encode()
    assert len(data) > 16384 * 2
    text = read_bytes(data)
    assert text.lines[-1] == "末尾" and [code for code, _ in text.notes] == ["control-characters"]
