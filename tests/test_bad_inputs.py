"""Never crash, never hang, never lose: every bad or hostile input ends quickly, with one line.

The matrix runs the real command (`python -m nikosheet`) on each input: a refused input gives exactly
one line on standard error that names the file and the reason, exit code 1 (bad input) or 2 (misuse),
nothing on standard output and never a traceback; an input that is still a sheet is parsed (exit 0)
with its doubts as diagnostics.  The `validate` and `table` commands must survive the same inputs.

Then the parser itself: inputs built to hit the quadratic corners (many headings, long runs of
brackets, thousands of continuation rows, a table row of 100,000 tabs, characters that Unicode
normalisation multiplies) must stay linear in time, output size and memory; and every regular
expression of the parser is run against long adversarial lines.
"""

from __future__ import annotations

import gc
import json
import os
import random
import re
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLES
from nikosheet.errors import InputError

KAW = SAMPLES / "kawaguchi-r5.txt"
SHEET = KAW.read_text(encoding="utf-8")
LINES = SHEET.split("\n")
H1 = "1 県、指定都市、中核市、特別区の基礎情報"


def _png() -> bytes:
    raw = b"".join(b"\x00" + bytes(x % 256 for x in range(64)) for _ in range(64))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _jpeg() -> bytes:
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 40 + b"\xff\xd9"
    )


def _cut_inside_a_character(data: bytes, encoding: str) -> bytes:
    """The first half of `data`, cut so that its last character is incomplete."""
    i = len(data) // 2
    while True:
        try:
            data[:i].decode(encoding)
        except UnicodeDecodeError:
            return data[:i]
        i += 1


def _with_line(line: str, at: int = 20) -> bytes:
    return "\n".join([*LINES[:at], line, *LINES[at:]]).encode("utf-8")


_UTF8 = SHEET.encode("utf-8")
_BAD_ENCODING = bytes([0x81, 0x20, 0xFD, 0xFE, 0xA0, 0x80]) * 2000  # neither UTF-8, UTF-16 nor CP932

# name -> (file contents, expected exit code, words the one error line must hold; None: parsed)
FILES: dict[str, tuple[bytes, int, str | None]] = {
    "empty.txt": (b"", 1, "file is empty"),
    "whitespace.txt": (b" \n\t\t\n\r\n" + "\u3000\u3000\n".encode("utf-8"), 1, "white space"),
    "binary.txt": (random.Random(5).randbytes(50_000), 1, "binary"),
    "image.txt": (_png(), 1, "binary"),
    "photo.txt": (_jpeg(), 1, "binary"),
    "not-a-sheet.txt": (
        "買い物リスト\n- 牛乳\n- 卵\n1. 朝の会議\n2 午後\n".encode() * 50,
        1,
        "not a にも包括 sheet",
    ),
    "nul-bytes.txt": (_UTF8[:5000] + b"\x00" * 20 + _UTF8[5000:], 0, None),  # dropped, with a warning
    "mostly-nul.txt": (_UTF8[:3000] + b"\x00" * 3000, 1, "binary"),
    "bad-encoding.txt": (_BAD_ENCODING, 1, "unknown encoding"),
    "utf16-no-bom.txt": (SHEET.encode("utf-16-le"), 1, "UTF-16 without a byte-order mark"),
    "utf16-be-no-bom.txt": (SHEET.encode("utf-16-be"), 1, "UTF-16 without a byte-order mark"),
    "one-line-3mb.txt": (("あいうえお" * 200_000).encode("utf-8"), 1, "not a にも包括 sheet"),
    "tabs-only.txt": (b"\t" * 500_000 + b"\n", 1, "white space"),
    "too-large.txt": (b"", 1, "too large"),  # written sparse below: the limit plus one kilobyte
    # still sheets: read, with their doubts as diagnostics
    "cut-off-lines.txt": ("\n".join(LINES[: len(LINES) // 2]).encode("utf-8"), 0, None),
    "cut-off-bytes.txt": (_cut_inside_a_character(_UTF8, "utf-8"), 0, None),
    "cut-off-cp932.txt": (_cut_inside_a_character(SHEET.encode("cp932"), "cp932"), 0, None),
    "cut-off-utf16.txt": (_cut_inside_a_character(SHEET.encode("utf-16"), "utf-16"), 0, None),
    "line-3mb.txt": (_with_line("あ" * 1_000_000), 0, None),
    "tabs-500k.txt": (_with_line("人口" + "\t" * 500_000 + "1"), 0, None),
    "ul-100k.txt": (_with_line("課題\t" + '<ul style="list-style-type: none">' * 100_000, 105), 0, None),
    "li-100k.txt": (_with_line("<li>" * 100_000, 105), 0, None),
    "number-200k.txt": (SHEET.replace("604,894", "9" * 200_000).encode("utf-8"), 0, None),
    "repeated-100.txt": (_UTF8 * 100, 0, None),
    "sheet-as-pipes.txt": (
        "\n".join("| " + x.replace("\t", " | ") + " |" if "\t" in x else x for x in LINES).encode("utf-8"),
        0,
        None,
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from nikosheet.sources.text import MAX_BYTES

    d = tmp_path_factory.mktemp("bad")
    for name, (data, _, _) in FILES.items():
        (d / name).write_bytes(data)
    with open(d / "too-large.txt", "wb") as fh:  # sparse: no 20 MB written
        fh.truncate(MAX_BYTES + 1024)
    (d / "folder.txt").mkdir()  # a folder named like a sheet, empty
    return d


def run(*args, input=None, cwd=None) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    t = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "nikosheet", *map(str, args)],
        capture_output=True,
        input=input,
        cwd=cwd or ROOT,
        timeout=60,
        env=env,
    )
    return r, time.monotonic() - t


def _one_line(r: subprocess.CompletedProcess, name: str, words: str) -> None:
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert name in lines[0] and words in lines[0], lines[0]


# ------------------------------------------------------------------ parse: the matrix


@pytest.mark.parametrize("name", FILES)
def test_parse_matrix(corpus, name):
    _, code, words = FILES[name]
    r, _ = run("parse", corpus / name)
    assert r.returncode == code, r.stderr.decode("utf-8", "replace")
    if code:
        assert r.stdout == b""
        _one_line(r, name, words)
    else:
        assert r.stderr == b""
        doc = json.loads(r.stdout)
        assert doc["schema_version"] == "1" and doc["basic_info"] is not None


def test_cut_off_inside_a_character_is_read_with_a_warning(corpus):
    from nikosheet import parse_file_data

    for name in ("cut-off-bytes.txt", "cut-off-cp932.txt", "cut-off-utf16.txt"):
        doc = parse_file_data(corpus / name)
        assert [d["severity"] for d in doc["diagnostics"] if d["code"] == "truncated-file"] == ["warning"]
    assert not [
        d for d in parse_file_data(corpus / "cut-off-lines.txt")["diagnostics"] if d["code"] == "truncated-file"
    ]


def test_a_200000_digit_number_is_unreadable_not_a_crash(corpus):
    from nikosheet import parse_file_data

    doc = parse_file_data(corpus / "number-200k.txt")
    assert doc["basic_info"]["population"]["value"] is None
    assert any(
        d["code"] == "unreadable-value" and d["line"] == doc["basic_info"]["population"]["line"]
        for d in doc["diagnostics"]
    )


def test_a_sheet_repeated_is_read_once_and_says_so(corpus):
    from nikosheet import parse_file_data

    doc = parse_file_data(corpus / "repeated-100.txt")
    assert doc["municipality"] == "川口市" and doc["basic_info"]["population"]["value"] == 604894
    assert any(d["code"] == "repeated-section" and "100 times" in d["message"] for d in doc["diagnostics"])
    assert len(doc["sections"]) == 100 * len(parse_file_data(KAW)["sections"])


def test_standard_input_bad_bytes():
    r, _ = run("parse", "-", input=_png())
    assert r.returncode == 1 and r.stdout == b""
    _one_line(r, "<stdin>", "binary")
    r, _ = run("parse", "-", input=b"")
    assert r.returncode == 1
    _one_line(r, "<stdin>", "empty")


# ------------------------------------------------------------------ parse: misuse (exit 2)


def test_folder_named_like_a_sheet(corpus, tmp_path):
    r, _ = run("parse", corpus / "folder.txt")
    assert r.returncode == 2 and r.stdout == b""
    _one_line(r, "folder.txt", "no .txt, .pdf or .docx file")
    # inside a folder that is searched, a folder named x.txt is not taken for a file
    (tmp_path / "in" / "x.txt").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(KAW.read_bytes())
    r, _ = run("parse", tmp_path / "in", "-o", tmp_path / "out", "-q")
    assert r.returncode == 0 and r.stderr == b""
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json"]


def test_folder_given_as_a_file_to_the_library(corpus):
    from nikosheet import parse_file_data

    with pytest.raises(InputError, match="folder"):
        parse_file_data(corpus / "folder.txt")
    with pytest.raises(InputError, match="no such file"):
        parse_file_data(corpus / "missing.txt")


def test_missing_path(tmp_path):
    r, _ = run("parse", tmp_path / "missing.txt")
    assert r.returncode == 2 and r.stdout == b""
    _one_line(r, "missing.txt", "no such file")


def test_unwritable_output(corpus, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    r, _ = run("parse", KAW, "-o", blocker / "out.json")  # a file where a folder should be
    assert r.returncode == 2
    _one_line(r, "out.json", "cannot write")
    r, _ = run("parse", SAMPLES, "-o", blocker)  # an output folder that is a file
    assert r.returncode == 2
    _one_line(r, "a-file", "is not a folder")
    if os.path.isdir("/proc/self"):  # a place even root cannot write
        r, _ = run("parse", KAW, "-o", "/proc/self/nikosheet-out.json")
        assert r.returncode == 2
        _one_line(r, "nikosheet-out.json", "cannot write")
    assert blocker.read_text(encoding="utf-8") == "x"


# ------------------------------------------------------------------ --debug

_BOOM = """
import sys
import nikosheet.parsing.document as d
def boom(text, path):
    raise ZeroDivisionError("a bug\\nover two lines")
d.build_with_context = boom
from nikosheet.cli.app import main
sys.argv = ["nikosheet", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    "debug", [["--debug", "parse", str(KAW)], ["parse", str(KAW), "--debug"]], ids=["before", "after"]
)
def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(debug):
    r = subprocess.run([sys.executable, "-c", _BOOM, "parse", str(KAW)], capture_output=True, cwd=ROOT, timeout=60)
    assert r.returncode == 1 and r.stdout == b""
    _one_line(r, str(KAW), "internal error (ZeroDivisionError: a bug over two lines); rerun with --debug")
    # --debug before the command or after it
    r = subprocess.run([sys.executable, "-c", _BOOM, *debug], capture_output=True, cwd=ROOT, timeout=60)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1
    assert err.splitlines()[0] == f"nikosheet: {KAW}: internal error (ZeroDivisionError: a bug over two lines)"
    assert "Traceback (most recent call last)" in err and "in boom" in err


# ------------------------------------------------------------------ validate and table survive the matrix


@pytest.mark.parametrize("name", FILES)
def test_validate_matrix(corpus, name):
    _, code, words = FILES[name]
    r, _ = run("validate", corpus / name, "--format", "text")
    out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    assert "Traceback" not in out + err
    assert r.returncode in (0, 1)
    if code:  # a file that cannot be read is an error of that file, named with its reason
        assert r.returncode == 1
        assert any(name in ln and words in ln for ln in out.splitlines()), out


@pytest.mark.parametrize("name", FILES)
def test_table_matrix(corpus, name):
    _, code, words = FILES[name]
    r, _ = run("table", corpus / name)
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert r.returncode == code, err
    if code:
        assert r.stdout == b""
        assert err.splitlines()[0].startswith(f"nikosheet: {corpus / name}: ") and words in err.splitlines()[0]


@pytest.mark.parametrize("command", ["validate", "table"])
def test_other_commands_missing_path_and_folder(corpus, command):
    no_sheet = "no .txt, .pdf or .docx file"
    for path, words in ((corpus / "missing.txt", "no such file"), (corpus / "folder.txt", no_sheet)):
        r, _ = run(command, path)
        assert r.returncode == 2
        _one_line(r, path.name, words)


# ------------------------------------------------------------------ the library on the matrix


@pytest.mark.parametrize("name", FILES)
def test_library_raises_only_input_error(corpus, name):
    from nikosheet import parse_file_data
    from nikosheet.models import Sheet

    _, code, words = FILES[name]
    if code:
        with pytest.raises(InputError) as exc:
            parse_file_data(corpus / name)
        assert words in str(exc.value) and "\n" not in str(exc.value)
    else:
        Sheet.model_validate(parse_file_data(corpus / name))


def test_library_text_api_survives_odd_strings():
    from nikosheet import parse_text_data

    for text in ("", "\x00", "\ud800", H1 + "\n\ud800\udfff", H1 + "\n" + "\x85\u2028\u2029\x0c" * 1000):
        try:
            doc = parse_text_data(text)
        except InputError:
            continue
        assert doc["basic_info"] is not None


# ------------------------------------------------------------------ linear time, output and memory

T = "精神障害にも対応した地域包括ケアシステムの構築に向けた"
S4, S6, S8 = "4 " + T + "取組の成果・効果", "6 " + T + "連携状況", "8 " + T + "今年度の取組スケジュール"

# name -> text built to hit a corner that was (or could become) quadratic
HOSTILE = {
    "50,000 headings": (H1 + "\n") * 50_000,
    "brackets without a period": S4 + "\n" + "＜" * 100_000,
    "brackets and spaces": S4 + "\n" + "＜ " * 100_000,
    "30,000 schedule headers": S8 + "\n" + "時期(月)\t実施する項目\t実施する内容\n" * 30_000,
    "30,000 continued duties": S6 + "\n所管部署名\t主な業務\n部\t業務\n" + "\t業務の続き\n" * 30_000,
    "wide row in a long table": "3 " + T + "取組の経緯\na\tb\na" + "\t" * 100_000 + "b\n" + "c\td\n" * 3_000,
    "100,000 unclosed tags": H1 + "\n人口\t" + "<ul" * 100_000 + "\n2 " + T + "取組概要\n" + "<li" * 100_000,
    "number alone then blanks": H1 + "\n" + ("3\n" + "\n" * 1_000) * 200,
    "long words line": H1 + "\n" + "ab " * 1_000_000,
    "expanding characters": H1 + "\n" + "\ufdfa" * 300_000,
    "a stray line after every pipe row": "7 "
    + T
    + "協議の場の実施状況\n| 名称 | 構成員 | 開催頻度 |\n| --- | --- | --- |\n"
    + "| 会議 | 委員、保健 | 年2回 |\n続き\n" * 4_000,
    "an indicators' header cell on every other line": S4 + "\n課題解決の\n" + "目標値\n\n" * 20_000 + "\n" * 40_000,
    "every section, long lines": "\n".join(
        h + "\n" + "\n".join(kind + "あ い" * 30_000 for kind in ("", "- ", "# ", "| ", "①", "\t"))
        for h in (
            H1,
            "2 " + T + "取組概要",
            "3 " + T + "取組の経緯",
            S4,
            "5 " + T + "現時点における強みと課題",
            S6,
            "7 " + T + "協議の場の実施状況",
            "8 " + T + "スケジュール（長期）",
            "9 " + T + "スケジュール（今年度）",
        )
    ),
}


def _best_of(n: int, *works) -> list[float]:
    """The least CPU time each of `works` took in `n` rounds, run in turn within each round, so that a
    busy machine slows them alike (waiting for its cores is not counted), with the cyclic collector
    paused: its passes over the whole suite's objects cost as much as the work itself."""
    best = [float("inf")] * len(works)
    gc.collect()
    gc.disable()
    try:
        for _ in range(n):
            for k, work in enumerate(works):
                t = time.thread_time()
                work()
                best[k] = min(best[k], time.thread_time() - t)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_inputs_stay_linear(name):
    from nikosheet import parse_text_data
    from nikosheet.output.serialize import dumps

    text = HOSTILE[name]
    # a real sheet as long, measured here and now: the machine's speed cancels out (measured on at
    # least 600,000 characters and scaled: a shorter run is mostly noise on a busy machine)
    sheet = (SHEET + "\n") * (max(len(text), 600_000) // len(SHEET) + 1)
    took, baseline = _best_of(
        3, lambda: dumps(parse_text_data(text), "jsonl"), lambda: dumps(parse_text_data(sheet), "jsonl")
    )
    baseline *= len(text) / len(sheet)
    ratio = took / baseline
    assert ratio < 20, f"{name}: {ratio:.0f} times as long as a real sheet of its size ({took:.2f} s, {baseline:.2f} s)"
    doc = parse_text_data(text)
    out = dumps(doc, "jsonl")
    # the output is bounded by the input: a wide row may not be copied into every row of its table
    assert len(out) < 12 * len(text.encode("utf-8")) + 100_000, f"{name}: {len(out):,} characters of output"


def test_a_centred_table_with_lines_of_many_short_words_costs_what_the_table_does(monkeypatch):
    """A LibreOffice PDF's councils' table (its cells centred in their rows) with three lines of 200 short
    words: each line's cuts into the columns would cost its words' square, for every guess at the widths.
    Counted in the cuts tried (the same on any machine), against the table without those lines."""
    from nikosheet import parse_text_data
    from nikosheet.parsing.forms import centred_rows

    cuts: list[int] = []
    real = centred_rows.cut_line

    def counted(*args, **kwargs):
        cuts.append(len(args[0]))  # the line's words
        return real(*args, **kwargs)

    monkeypatch.setattr(centred_rows, "cut_line", counted)
    plain = (FIXTURES / "converters" / "city-edge-values-fy2024--lopdf-pdfplumber.txt").read_text(encoding="utf-8")
    anchor = "者\n具体的な課題に対して取り組\n"
    assert anchor in plain
    words = plain.replace(anchor, anchor + ("年 " * 200 + "\n") * 3, 1)
    tried = []
    for text in (plain, words):
        centred_rows._line.cache_clear()
        cuts.clear()
        doc = parse_text_data(text)
        tried.append(sum(n * n for n in cuts))  # a cut's cost grows with its words' square
    assert tried[1] <= 2 * tried[0], f"{tried[1]:,} word pairs cut, {tried[0]:,} without the long lines"
    assert "missing-table" in {d["code"] for d in doc["diagnostics"]}  # the table left as text says so


def test_a_council_header_cell_written_in_two_parts_is_looked_for_once_per_part():
    """pdfminer writes a councils' header cell's wrapped lines in two boxes (`特記事項等(課` … `題・強み等)`):
    a line of many words that each could be the first part is looked through for the rest once, not once
    per word (a 4,000-word line took minutes). Four times the words: about four times the time."""
    from nikosheet import parse_text_data

    def text(pairs: int) -> str:
        header = "\n\n".join(("7 " + T + "協議の場の実施状況\n名称", "協議の場の構成員", "開催頻度", "実施内容"))
        return header + "\n\n" + "名称 特記事項等(課 " * pairs + "\n\n【その他事項】\n"

    short, long = text(500), text(2_000)
    small, large = _best_of(3, lambda: parse_text_data(short), lambda: parse_text_data(long))
    assert large < 8 * small, f"{large / small:.1f} times as long for four times the words"


def test_a_long_line_of_an_indicators_header_s_words_is_read_once_per_word():
    """A line of thousands of words that each could go on with an indicators' header cell (`課題解決の`
    `目標値` `(R4`) no longer grows one cell's text without end, matched again at every word (a
    24,000-character line took a minute). Four times the words: about four times the time."""
    from nikosheet import parse_text_data

    plain = (FIXTURES / "converters" / "city-bold-headings-fy2023--pdftotext.txt").read_text(encoding="utf-8")
    end = plain.index("\n", plain.index("具体的な成果"))

    def text(words: int) -> str:
        return plain[: end + 1] + "課題解決の 目標値 (R4 実績値 (R4 " * words + "\n" + plain[end + 1 :]

    short, long = text(400), text(1_600)
    small, large = _best_of(2, lambda: parse_text_data(short), lambda: parse_text_data(long))
    assert large < 6 * small, f"{large / small:.1f} times as long for four times the words"


# the peak resident memory of the process itself (VmHWM; ru_maxrss would count the parent's, kept over exec)
_MEMORY = """
import sys
import nikosheet
from nikosheet.output.serialize import dumps

def peak_kb():
    with open("/proc/self/status") as fh:
        return int(next(ln for ln in fh if ln.startswith("VmHWM:")).split()[1])

data = sys.stdin.buffer.read()
base = peak_kb()
dumps(nikosheet.parse_bytes_data(data), "json")
print(peak_kb() - base)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc/self/status (Linux)")
@pytest.mark.parametrize(
    "name, text",
    [
        ("expanding characters", H1 + "\n" + "\ufdfa" * 1_000_000),  # NFKC makes 18 characters of each
        ("long words line", H1 + "\n" + "ab " * 1_000_000),  # squeeze() once made an object per word
        ("sheet repeated", SHEET * 100),
    ],
)
def test_memory_stays_proportional(name, text):
    data = text.encode("utf-8")
    r = subprocess.run([sys.executable, "-c", _MEMORY], input=data, capture_output=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    grown_kb = int(r.stdout)
    assert grown_kb * 1024 < 25 * len(data), f"{name}: {grown_kb / 1024:.0f} MB for {len(data) / 2**20:.1f} MB"


# ------------------------------------------------------------------ no pathological regular expression


def _parser_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern at module level in the parser (not the validator's rules)."""
    import importlib
    import pkgutil

    from nikosheet.parsing.lazy_re import compiled

    found = []
    for pkg in ("sources", "parsing"):
        root = importlib.import_module(f"nikosheet.{pkg}")
        for info in pkgutil.walk_packages(root.__path__, prefix=f"nikosheet.{pkg}."):
            mod = importlib.import_module(info.name)
            for attr, value in vars(mod).items():
                pattern = compiled(value)  # one compiled on first use too
                if pattern is not None:
                    found.append((f"{info.name.removeprefix('nikosheet.')}.{attr}", pattern))
    return found


def _pattern_parts(pattern: re.Pattern, extra: str) -> tuple[list[str], list[str]]:
    """The pattern's own characters (but its syntax's) with `extra`, and its first literal words."""
    chars = sorted(set(pattern.pattern) - set("()[]{}?*+|^$\\.") | set(extra))
    return chars, re.findall(r"[^()\[\]{}?*+|^$\\.]{2,}", pattern.pattern)[:12]


def adversarial_lines(pattern: re.Pattern, n: int = 10_000) -> list[str]:
    """Long lines made of the pattern's own characters: runs, pairs and its literal words repeated."""
    chars, words = _pattern_parts(pattern, " \u3000\t0９a,.<>＜＞-・①月年回")
    out = [c * n for c in chars]
    out += [(c + d) * (n // 2) for c in chars for d in (" ", "0", "a")]
    out += [(w + d) * (n // (len(w) + 1)) for w in words for d in ("", " ", "0", "<")]
    out += [(d + w) * (n // (len(w) + 1)) for w in words for d in ("<", "＜", "R", "1")]
    return out


def _time_on(pattern: re.Pattern, s: str) -> float:
    """The best of three: every search, a match and a fullmatch over the line.

    Timed in this thread's CPU time, not the clock's: on a busy machine the time spent waiting for a
    core is not the pattern's.
    """
    best = float("inf")
    for _ in range(3):
        t = time.thread_time()
        for _ in pattern.finditer(s):
            pass
        pattern.match(s)
        pattern.fullmatch(s)
        best = min(best, time.thread_time() - t)
    return best


GROWTH = 9  # a linear pattern grows about 4 times on a line 4 times as long, a backtracking one 16 times


def worst_growth(pattern: re.Pattern, n: int = 4_000) -> tuple[float, str]:
    """How much longer the pattern takes on a line four times as long, for the slowest adversarial line.

    A linear pattern takes about 4 times as long, one that backtracks over the line 16 times; both
    are measured in CPU time, together, so a busy machine does not count.
    """
    short, long = adversarial_lines(pattern, n), adversarial_lines(pattern, 4 * n)
    k = max(range(len(short)), key=lambda i: _time_on(pattern, short[i]))
    base = max(_time_on(pattern, short[k]), 2e-5)  # below ~20 µs a timer measures noise
    return _time_on(pattern, long[k]) / base, short[k][:20]


def test_the_pattern_check_finds_backtracking():
    """The check below catches a pattern that scans to the end of the line from every start."""
    bad = re.compile(r"[<＜]\s*(.+?)の?成果・効果\s*[>＞]")
    assert any(worst_growth(bad, 1_000)[0] > GROWTH for _ in range(3))  # the first measure that shows it does


@pytest.mark.parametrize("name, pattern", _parser_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_pattern_backtracks_on_long_lines(name, pattern):
    growth, sample = worst_growth(pattern)
    for _ in range(2):  # a busy machine can stall one measurement: a backtracking pattern grows every time
        if growth < GROWTH:
            break
        growth, sample = min((growth, sample), worst_growth(pattern))
    assert growth < GROWTH, f"{name}: {growth:.0f} times as long on a line 4 times as long as one starting {sample!r}"


def failing_runs(pattern: re.Pattern, n: int) -> list[str]:
    """Short lines of the pattern's characters or words repeated, then one that no pattern expects."""
    chars, words = _pattern_parts(pattern, " 0９a・月年回")
    return [c * n + "\x00" for c in chars] + [(w * n)[: 2 * n] + "\x00" for w in words]


def worst_doubling(pattern: re.Pattern) -> tuple[float, str]:
    """How much longer the pattern takes on a failing run twice as long, for the slowest such run."""
    short, long = failing_runs(pattern, 10), failing_runs(pattern, 20)
    k = max(range(len(short)), key=lambda i: _time_on(pattern, long[i]))
    return _time_on(pattern, long[k]) / max(_time_on(pattern, short[k]), 2e-5), long[k][:20]


DOUBLING = 50  # a linear pattern takes twice as long on a line twice as long, a cubic one 8 times, one that
# tries a run's every cut 2 ** 10 times


def test_the_doubling_check_finds_exponential_backtracking():
    """The check below catches a pattern whose words can be cut more than one way (`に` `に` or `によ`)."""
    bad = re.compile(r"(?:に|によ?|随時|随|時)+")
    assert any(worst_doubling(bad)[0] > DOUBLING for _ in range(3))


@pytest.mark.parametrize("name, pattern", _parser_patterns(), ids=lambda x: x if isinstance(x, str) else "")
def test_no_pattern_backtracks_exponentially_on_short_lines(name, pattern):
    """A run of 20 characters that fails at its end costs a pattern that cuts it every way a million tries:
    a hostile line of 600 such words in a councils' table took minutes."""
    growth, sample = min(worst_doubling(pattern) for _ in range(2))
    assert growth < DOUBLING, f"{name}: {growth:.0f} times as long on a line twice as long as {sample!r}"


def test_a_lines_cuts_into_columns_sum_its_words_once(monkeypatch):
    """Every run of a line's words is a column's piece it may be cut into: a run's cost summed afresh for
    each run grew as the cube of the line's words (a line of 600 in the issues' table of pdfplumber's text:
    minutes).  Each pair of words side by side is costed once (for each way of counting)."""
    from nikosheet.parsing.forms import line_cuts

    costed: list[tuple[str, str]] = []
    real = line_cuts._pair_cost
    monkeypatch.setattr(line_cuts, "_pair_cost", lambda a, b, counts: costed.append((a, b)) or real(a, b, counts))
    words = ["7", "年"] * 150
    state = ([0.0, 10.0, 0.0, 0.0], [False] * 4)
    pieces, _ = line_cuts.cut_line(words, [12, 40, 8, 40], set(), state, [False] * 4, (-1, 0), -1)
    assert " ".join(pieces).split() == words  # every word in one piece, in order
    assert len(costed) == 2 * (len(words) - 1)


def test_a_line_of_many_words_in_pdfplumbers_issues_table_is_read_with_the_rest():
    """The line of 600 words above, inserted among the issues' roles of pdfplumber's text: the sheet is
    read, the other tables' rows as they were (its width may change how a paragraph's lines join)."""
    from nikosheet import parse_text_data

    text = (FIXTURES / "converters" / "ward-setagaya-fy2023--pdfplumber.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[100:103] == ["医療 退院前からの地域", "の研修を⾏う", "援助事業者との連"]
    hostile = parse_text_data("\n".join([*lines[:103], "7 " * 600, *lines[103:]]))
    plain = parse_text_data(text)
    for key, rows in (("history", "events"), ("outcomes", "indicators"), ("councils", "meetings")):
        assert _unlined(hostile[key][rows]) == _unlined(plain[key][rows]), key
    assert _unlined(hostile["annual_schedule"]["items"]) == _unlined(plain["annual_schedule"]["items"])
    assert "7 7 7" in str(hostile["strengths_and_issues"])  # the line's text is kept


def _unlined(value: object) -> object:
    """A part of a document without its line numbers (a line inserted above moves them)."""
    if isinstance(value, dict):
        return {k: _unlined(v) for k, v in value.items() if k not in ("line", "lines")}
    if isinstance(value, list):
        return [_unlined(v) for v in value]
    return value
