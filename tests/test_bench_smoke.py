"""The benchmark script works: it builds a nested corpus and measures one cheap case. No timing is asserted."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import nikosheet

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("nikosheet_bench", ROOT / "benchmarks" / "bench.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


def _assert_read_like_its_source(made: Path, source: Path) -> None:
    """A variant has its own numbers and text but reads as its source does: same fields, same findings."""
    old, new = (nikosheet.parse_bytes_data(p.read_bytes()) for p in (source, made))
    assert [d["code"] for d in new["diagnostics"]] == [d["code"] for d in old["diagnostics"]]
    assert len(new["unparsed"]) == len(old["unparsed"])
    assert new["sections"] == old["sections"]
    if old["basic_info"]["population"]["value"] is not None:
        assert new["basic_info"]["population"]["value"] != old["basic_info"]["population"]["value"]
    assert new["overview"] != old["overview"] or new["history"] != old["history"]


def test_corpus_and_floor(tmp_path):
    bench = _bench()
    sources = bench.source_sheets()
    assert sources, "no sample or fixture sheets found"
    corpus = bench.build_corpus(tmp_path / "corpus", 3, sources)
    files = sorted(corpus.rglob("*.txt"))
    assert len(files) == 3
    assert all(len(f.relative_to(corpus).parts) == 3 for f in files)  # pref-NN/fyYYYY/name.txt
    assert len({f.read_bytes() for f in files} | {s.read_bytes() for s in sources}) == len(files) + len(sources)
    for made in files:
        _assert_read_like_its_source(made, next(s for s in sources if made.stem.endswith("-" + s.stem)))

    out = tmp_path / "out"
    sample = bench.measure(bench.floor_cmd(corpus, out), out)
    assert sample.rc == 0, sample.stderr
    assert sample.stdout.strip() == "3"
    assert sample.seconds > 0 and sample.maxrss_kib > 0
    written = sorted(out.rglob("*.json"))
    assert [w.relative_to(out).with_suffix("") for w in written] == [
        f.relative_to(corpus).with_suffix("") for f in files
    ]
    lines = json.loads(written[0].read_text(encoding="utf-8"))
    assert isinstance(lines, list) and all(isinstance(x, str) for x in lines) and lines


def test_table_cases_write_their_files(tmp_path):
    bench = _bench()
    corpus = bench.build_corpus(tmp_path / "corpus", 3, bench.source_sheets())
    for fmt, magic in (("csv", b"\xef\xbb\xbfsource_path,"), ("xlsx", b"PK\x03\x04")):
        out = tmp_path / f"table.{fmt}"
        sample = bench.measure(bench.table_cmd(corpus, out))
        assert sample.rc == 0, sample.stderr
        assert out.read_bytes().startswith(magic)
