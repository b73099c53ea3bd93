"""The published sheet itself, through the command line: `parse`, `validate`, `table` and `extract`
on PDFs and DOCX files, the same document as from the samples' text, and bad documents refused in
one line."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLES, SHEETS

DOCUMENTS = FIXTURES / "documents"
PDFS = sorted(DOCUMENTS.glob("*.pdf"))
DOCS = sorted(DOCUMENTS.glob("*.docx"))
HANG = 60  # seconds: only a hang fails this; no test measures speed
PROVENANCE = {"line", "lines", "line_start", "line_end", "source", "sections", "diagnostics", "unparsed", "page"}


def nikosheet(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nikosheet", *map(str, args)], capture_output=True, text=True, timeout=HANG, cwd=cwd
    )


def content(node: object) -> object:
    """The document without where things came from: what must not depend on the input's form."""
    if isinstance(node, dict):
        return {k: content(v) for k, v in node.items() if k not in PROVENANCE}
    if isinstance(node, list):
        return [content(v) for v in node]
    return node


def sample_of(doc: Path) -> Path:
    """The sheet's text the document was rendered from."""
    name = doc.name.split(".")[0] + ".txt"
    return SAMPLES / name if (SAMPLES / name).exists() else SHEETS / name


def test_the_fixtures_cover_both_producers_and_templates():
    names = {p.name for p in PDFS + DOCS}
    assert {"kawaguchi-r5.chromium.pdf", "kashiwa-r6.libreoffice.pdf", "kawaguchi-r5.docx", "kashiwa-r6.docx"} <= names


@pytest.mark.parametrize("doc", [*PDFS, *DOCS], ids=lambda p: p.name)
def test_a_document_reads_as_its_text_does(doc):
    """Every field of the real sheets, read from the PDF or DOCX, equals what the samples' text gives."""
    r = nikosheet("parse", doc)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    want = json.loads(nikosheet("parse", sample_of(doc)).stdout)
    assert content(got) == content(want)
    assert got["unparsed"] == []
    source = got["source"]
    assert source["format"] == doc.suffix[1:] and source["encoding"] is None
    assert source["path"] == str(doc)
    if doc.suffix == ".pdf":
        assert 1 <= source["pages"] <= 10
        assert source["page_starts"][0] >= 1 and source["page_starts"] == sorted(source["page_starts"])
        assert len(source["page_starts"]) == source["pages"]
        assert all(1 <= d["page"] <= source["pages"] for d in got["diagnostics"] if d["line"])
    else:
        assert "pages" not in source


MORE = sorted((DOCUMENTS / "more").glob("*.*"))  # five bodies' sheets, each by both renderers and as DOCX


def test_more_documents_cover_five_bodies():
    assert len(MORE) == 15 and len({p.name.split(".")[0] for p in MORE}) == 5


@pytest.mark.parametrize("doc", MORE, ids=lambda p: p.name)
def test_more_documents_read_nearly_every_field(doc, parsed):
    """Sheets of other bodies, read from their documents: a field or two may differ where a renderer
    wrapped a cell at a space (`作成率 86%` read `作成率86%`); no line is left unread."""
    from nikosheet import parse_file_data
    from test_converters import agreement

    got = parse_file_data(doc)
    share, missed = agreement(parsed(doc.name.split(".")[0] + ".txt"), got)
    assert share >= 0.97, missed[:5]
    assert got["unparsed"] == []


@pytest.mark.parametrize("doc", [PDFS[0], DOCS[0]], ids=lambda p: p.name)
def test_extract_round_trip(doc, tmp_path):
    """`extract` prints the document as read; `parse` reads that text back to the same document, line
    numbers included."""
    text = tmp_path / "sheet.txt"
    r = nikosheet("extract", doc, "-o", text)
    assert r.returncode == 0 and r.stdout == "", r.stderr
    from_text = json.loads(nikosheet("parse", text).stdout)
    from_doc = json.loads(nikosheet("parse", doc).stdout)
    for d in (from_text, from_doc):
        d["source"] = {k: v for k, v in d["source"].items() if k in ("line_count",)}
        for diag in d["diagnostics"]:
            diag.pop("page", None)
    assert from_text == from_doc
    # the extracted text is the samples' form: tab rows for the statistics, a row group continued
    lines = text.read_text(encoding="utf-8").splitlines()
    assert any(ln.startswith("人口") and "\t" in ln for ln in lines)
    assert any(ln.startswith("\t") and "3か月未満" in ln for ln in lines)
    assert nikosheet("extract", doc).stdout == text.read_text(encoding="utf-8")


def test_validate_a_pdf_names_the_page(tmp_path):
    pdf = DOCUMENTS / "kashiwa-r6.chromium.pdf"
    r = nikosheet("validate", pdf, "--format", "text")
    assert r.returncode in (0, 1), r.stderr
    ns204 = [ln for ln in r.stdout.splitlines() if " NS204 " in ln]
    assert len(ns204) == 1 and ns204[0].startswith(f"{pdf}:") and ns204[0].endswith("(p. 1)")
    problems = json.loads(nikosheet("validate", pdf, "--format", "json").stdout)
    pages = {p["page"] for p in problems if p["line"] is not None}
    assert pages and pages <= set(range(1, 8))
    assert {p["page"] for p in json.loads(nikosheet("validate", sample_of(pdf), "--format", "json").stdout)} == {None}


def test_a_folder_of_documents_and_texts(tmp_path):
    """Folders are searched for *.pdf and *.docx beside *.txt; `a.pdf` and `a.txt` do not collide."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "kawaguchi.pdf").write_bytes((DOCUMENTS / "kawaguchi-r5.chromium.pdf").read_bytes())
    (src / "kawaguchi.txt").write_bytes((SAMPLES / "kawaguchi-r5.txt").read_bytes())
    (src / "kashiwa.DOCX").write_bytes((DOCUMENTS / "kashiwa-r6.docx").read_bytes())
    r = nikosheet("parse", src, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "kashiwa.DOCX.json",
        "kawaguchi.json",
        "kawaguchi.pdf.json",
    ]
    table = nikosheet("table", src, "--format", "jsonl")
    rows = [json.loads(line) for line in table.stdout.splitlines()]
    assert [(r["municipality"], r["population"], r["inpatients_total"]) for r in rows] == [
        ("柏市", 434_462, 340),
        ("川口市", 604_894, 344),
        ("川口市", 604_894, 344),
    ]


def test_content_decides_not_the_name(tmp_path):
    disguised = tmp_path / "sheet.txt"
    disguised.write_bytes((DOCUMENTS / "kawaguchi-r5.libreoffice.pdf").read_bytes())
    doc = json.loads(nikosheet("parse", disguised).stdout)
    assert doc["source"]["format"] == "pdf" and doc["municipality"] == "川口市"


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _bad_documents(tmp: Path) -> dict[str, tuple[Path, str]]:
    pdf = (DOCUMENTS / "kawaguchi-r5.chromium.pdf").read_bytes()
    cut = tmp / "cut.pdf"
    cut.write_bytes(pdf[: len(pdf) // 2])
    junk = tmp / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64)
    half_docx = tmp / "half.docx"
    half_docx.write_bytes((DOCUMENTS / "kawaguchi-r5.docx").read_bytes()[:5000])
    return {
        "cut.pdf": (cut, "damaged PDF"),
        "junk.pdf": (junk, "damaged PDF"),
        "half.docx": (half_docx, "damaged DOCX"),
        "book.xlsx": (_zip(tmp / "book.xlsx", {"xl/workbook.xml": b"<workbook/>"}), "Excel workbook"),
        "deck.pptx": (_zip(tmp / "deck.pptx", {"ppt/presentation.xml": b"<p/>"}), "PowerPoint"),
        "other.docx": (_zip(tmp / "other.docx", {"a.txt": b"a"}), "not a Word document"),
    }


def test_bad_documents_get_one_line_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    bad = _bad_documents(src)
    for name, (path, words) in bad.items():
        r = nikosheet("parse", path)
        assert r.returncode == 1 and r.stdout == ""
        assert r.stderr.splitlines() == [r.stderr.strip()], r.stderr  # one line, no traceback
        assert r.stderr.startswith(f"nikosheet: {path}: ") and words in r.stderr, (name, r.stderr)
        e = nikosheet("extract", path)
        assert e.returncode == 1 and words in e.stderr and "Traceback" not in e.stderr
    good = src / "kawaguchi.txt"
    good.write_bytes((SAMPLES / "kawaguchi-r5.txt").read_bytes())
    r = nikosheet("parse", src, "-o", tmp_path / "out")
    assert r.returncode == 1
    assert (tmp_path / "out" / "kawaguchi.json").is_file()
    assert "1 converted" in r.stderr and "failed" in r.stderr
    v = nikosheet("validate", bad["book.xlsx"][0])
    assert v.returncode == 1 and "NS001" in v.stdout and "Excel workbook" in v.stdout


def test_a_pdf_without_a_text_layer(tmp_path):
    import pypdfium2

    blank = pypdfium2.PdfDocument.new()
    blank.new_page(595, 842)
    scanned = tmp_path / "scanned.pdf"
    blank.save(str(scanned))
    blank.close()
    r = nikosheet("parse", scanned)
    assert r.returncode == 1 and "no text layer" in r.stderr and "OCR" in r.stderr


def test_a_text_run_loads_no_document_library():
    code = (
        "import sys, nikosheet; nikosheet.parse_file_data('samples/kawaguchi-r5.txt'); "
        "print(sorted(m for m in ('pypdfium2', 'docx', 'lxml') if m in sys.modules))"
    )
    root = SAMPLES.parent
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, timeout=HANG)
    assert r.stdout.strip() == "[]", r.stderr
