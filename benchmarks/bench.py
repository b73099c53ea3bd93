"""Benchmark nikosheet against floors and targets.

Run from the repository root, with the project installed (``pip install -e '.[bench]'``):

    python benchmarks/bench.py            # full run: corpora of 300 and 3,000 sheets
    python benchmarks/bench.py --quick    # smoke run: small corpora, fewer repeats

It builds corpora of distinct sheets in nested folders (``pref-NN/fyYYYY/…``), each a variant of
a sheet in ``samples/`` or ``tests/fixtures/sheets/`` with its own numbers and free text (see
``corpus.py``: a year's sheets share the template and little else), then measures, side by side in
the same run and with the repeats of all cases interleaved:

* batch     ``nikosheet parse DIR -o OUT --jobs 1``, time per sheet, over
              - a floor that walks the same folder, reads, decodes (BOM, UTF-8, CP932 as the tool
                does), NFKC-normalises every line, ``json.dumps`` the lines and writes them to an
                output tree, and
              - markdown-it-py merely tokenising the same files (read and decode, no writing);
* start-up  ``nikosheet parse one-sheet.txt`` as a whole process (the real console script),
            over ``python -c "import typer, pydantic"``;
* memory    peak RSS converting the largest corpus over converting the smallest;
* parallel  ``--jobs 2`` over ``--jobs 1`` on the largest corpus (as a speed-up);
* workbook  ``nikosheet table DIR -o data.xlsx --jobs 1`` (every table, as Excel tables) over
            ``nikosheet table DIR -o table.csv --jobs 1`` (the table of sheets) on the largest corpus;
* PDF       ``nikosheet parse X.pdf`` for each PDF in ``tests/fixtures/documents/`` over ``markitdown
            X.pdf`` merely turning it into text (both whole processes, as users run them), and the
            time per page.

Every case is a subprocess of this interpreter, started by a small wrapper process that times it
and reports its peak RSS (``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper, so the maximum is
that one command's). Each case runs once untimed first (warming the page cache and writing
bytecode: PYTHONDONTWRITEBYTECODE is removed from the children's environment), then its timed
runs are interleaved with the other cases'. Before every run the file system is synced (untimed),
so that no run pays for writing back the files an earlier run wrote or deleted. Timings are the
best of the repeats (``--stat median`` for the median); a run that crashes is left out, with a
warning.

Corpora and outputs go to a temporary folder in memory (/dev/shm) when the machine has one, so
that the figures measure the tool rather than the disk: on a shared machine, creating a file or a
folder on disk took from 0.1 to 0.3 ms from one minute to the next, and that alone moved the
300-sheet figures by a third.  ``--work DIR`` puts them on a disk of your choice instead; the
header says which it was.

The script reports; it does not gate: it exits 0 whatever the numbers, unless ``--check`` is given,
when it exits 1 if a target is missed. Standard library only (markdown-it-py and markitdown for their
comparisons).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = (ROOT / "samples", ROOT / "tests" / "fixtures" / "sheets")
WORK_DIR = Path(__file__).resolve().parent / "_work"  # git-ignored
DOCUMENTS_DIR = ROOT / "tests" / "fixtures" / "documents"  # the PDFs read side by side with markitdown

# Targets: (operator, bound). "<=": ratio must not exceed; ">=": must reach.
TARGETS = {
    "floor": ("<=", 5.0),
    "markdown-it": ("<=", 0.8),
    "start-up": ("<=", 1.3),
    "memory": ("<=", 1.2),
    "parallel": (">=", 1.7),
    "pdf": ("<=", 0.5),
    "workbook": ("<=", 1.5),
}

# --------------------------------------------------------------------------------------------
# Child programs. Each runs as `python -c SRC ARGS…`, importing as little as it needs.
# --------------------------------------------------------------------------------------------

_DECODE_SRC = r'''
import codecs
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

def decode(data):
    """As nikosheet.sources.text.decode: a BOM's encoding, else UTF-8, else CP932."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp932", errors="replace")

def split_lines(text):
    """As nikosheet.sources.text.split_lines: CRLF, CR and LF end a line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines

def walk(src):
    """As nikosheet.cli.inputs.collect for one folder: sorted rglob('*.txt')."""
    base = Path(src)
    return [(f, f.relative_to(base)) for f in sorted(base.rglob("*.txt")) if f.is_file()]
'''

FLOOR_SRC = (
    r"""
import json, sys, unicodedata
from pathlib import Path
"""
    + _DECODE_SRC
    + r"""
def main(argv):
    src, out = argv
    out = Path(out)
    n = 0
    for f, rel in walk(src):
        lines = [unicodedata.normalize("NFKC", line) for line in split_lines(decode(f.read_bytes()))]
        text = json.dumps(lines, ensure_ascii=False, indent=2) + "\n"
        target = out / rel.parent / (rel.name[:-4] + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        n += 1
    print(n)

main(sys.argv[1:])
"""
)

MDIT_SRC = (
    r"""
import sys
from pathlib import Path
"""
    + _DECODE_SRC
    + r"""
def main(argv):
    from markdown_it import MarkdownIt

    # GFM-like (tables, strikethrough) without linkify, which needs an extra package.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    n = tokens = 0
    for f, rel in walk(argv[0]):
        tokens += len(md.parse(decode(f.read_bytes())))
        n += 1
    print(n, tokens)

main(sys.argv[1:])
"""
)

# Runs one command, timing it and reporting its peak RSS from wait4() (the command's own, and its
# children's with --jobs 2). A fresh wrapper for every run. It imports nothing beyond what
# `python -c pass` loads: a spawned child's peak RSS starts at its parent's, so a wrapper larger
# than a bare interpreter would raise the floor's figure.
# argv: STDOUT-FILE STDERR-FILE CMD...
WRAP_SRC = r"""
import os, sys, time
out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
fds = [os.open(os.devnull, os.O_RDONLY), os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
       os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
acts = [(os.POSIX_SPAWN_DUP2, fd, i) for i, fd in enumerate(fds)]
t0 = time.perf_counter()
pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=acts)
_, status, ru = os.wait4(pid, 0)
dt = time.perf_counter() - t0
rss = ru.ru_maxrss // 1024 if sys.platform == "darwin" else ru.ru_maxrss  # KiB
print(dt, rss, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status))
"""


# --------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------


def source_sheets(dirs=SOURCE_DIRS) -> list[Path]:
    """Every sample and fixture sheet, in a stable order."""
    return sorted(
        (p for d in dirs if d.is_dir() for p in d.glob("*.txt") if p.is_file()), key=lambda p: (p.parent.name, p.name)
    )


def build_corpus(dest: Path, n: int, sources: list[Path] | None = None) -> Path:
    """`n` distinct sheets under `dest` in nested folders (pref-NN/fyYYYY/NNNNN-name.txt), each a
    variant of one of the sources in turn (benchmarks/corpus.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus  # the project, which it imports, is only needed once a corpus is built

    sources = source_sheets() if sources is None else sources
    if not sources:
        raise SystemExit("bench: no sheets found in samples/ or tests/fixtures/sheets/")
    if dest.exists():
        shutil.rmtree(dest)
    loaded = corpus.load(sources)
    for i in range(n):
        source = loaded[i % len(loaded)]
        folder = dest / f"pref-{1 + i % 47:02d}" / f"fy{2021 + (i // 47) % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:05d}-{source.stem}.txt").write_bytes(corpus.variant(source, i))
    return dest


# --------------------------------------------------------------------------------------------
# Commands and measuring
# --------------------------------------------------------------------------------------------


def nikosheet_cmd() -> list[str]:
    """The console script installed beside this interpreter (what users run)."""
    bindir = Path(sys.executable).parent
    for name in ("nikosheet", "nikosheet.exe"):
        if (bindir / name).is_file():
            return [str(bindir / name)]
    return [sys.executable, "-c", "from nikosheet.cli.app import main; main()"]


def parse_cmd(src: Path, out: Path, jobs: int) -> list[str]:
    return [*nikosheet_cmd(), "parse", str(src), "-o", str(out), "--jobs", str(jobs)]


def table_cmd(src: Path, out: Path) -> list[str]:
    return [*nikosheet_cmd(), "table", str(src), "-o", str(out), "--jobs", "1", "--quiet"]


def floor_cmd(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR_SRC, str(src), str(out)]


def mdit_cmd(src: Path) -> list[str]:
    return [sys.executable, "-c", MDIT_SRC, str(src)]


def startup_cmd(sheet: Path) -> list[str]:
    return [*nikosheet_cmd(), "parse", str(sheet)]


def markitdown_cmd(doc: Path) -> list[str]:
    """markitdown's own command, as a user runs it to turn a document into text."""
    exe = Path(sys.executable).parent / "markitdown"
    return [str(exe), str(doc)] if exe.is_file() else [sys.executable, "-m", "markitdown", str(doc)]


def pdf_pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def import_cmd() -> list[str]:
    return [sys.executable, "-c", "import typer, pydantic"]


def bare_cmd() -> list[str]:
    return [sys.executable, "-c", "pass"]


@dataclass
class Sample:
    seconds: float
    maxrss_kib: int
    cpu: float
    rc: int
    stdout: str = ""
    stderr: str = ""


def measure(cmd: list[str], out: Path | None = None) -> Sample:
    """Run `cmd` once in a fresh wrapper process; `out` (if given) is emptied first, untimed.

    The file system is synced before the run, so that writing back what the last run wrote and
    deleted is not counted in this one (it would fall on whichever case runs next).
    """
    if out is not None and out.exists():
        shutil.rmtree(out)
    if hasattr(os, "sync"):
        os.sync()
    with tempfile.TemporaryDirectory(prefix="nikosheet-bench-io-") as io:
        o, e = Path(io, "stdout"), Path(io, "stderr")
        p = subprocess.run(
            [sys.executable, "-c", WRAP_SRC, str(o), str(e), *cmd], capture_output=True, text=True, env=child_env()
        )
        if p.returncode != 0:
            raise RuntimeError(f"bench wrapper failed: {p.stderr.strip()}")
        seconds, rss, cpu, rc = p.stdout.split()
        return Sample(float(seconds), int(rss), float(cpu), int(rc), _tail(o, 500), _tail(e, 2000))


def _tail(path: Path, n: int) -> str:
    data = path.read_bytes()
    return data[-n:].decode("utf-8", "replace")


def child_env() -> dict[str, str]:
    """The environment of every measured process: this one's, but with bytecode caching on.

    With PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images set it), the project's own modules
    would be compiled from source on every start, which an installed package never does.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def count_files(folder: Path, suffix: str) -> int:
    return sum(1 for _ in folder.rglob(f"*{suffix}")) if folder.is_dir() else 0


@dataclass
class Case:
    name: str
    cmd: list[str]
    out: Path | None = None
    repeats: int = 3
    samples: list[Sample] = field(default_factory=list)
    warmup_outputs: int | None = None  # files the untimed first run wrote

    def seconds(self, stat: str) -> float:
        xs = [s.seconds for s in self.samples]
        if not xs:
            return float("nan")
        return min(xs) if stat == "min" else statistics.median(xs)

    def maxrss_kib(self) -> float:
        return statistics.median(s.maxrss_kib for s in self.samples) if self.samples else float("nan")


def run_cases(cases: list[Case], warmup: bool = True, log=None) -> None:
    """Run every case `repeats` times, interleaved round by round, after one untimed warm-up each."""
    if warmup:
        for c in cases:
            s = measure(c.cmd, c.out)
            if c.out is not None:
                c.warmup_outputs = count_files(c.out, ".json")
            _ok(c, s)
    rounds = max(c.repeats for c in cases)
    for r in range(rounds):
        if log:
            log(f"round {r + 1}/{rounds}")
        for c in cases:
            if r < c.repeats:
                s = measure(c.cmd, c.out)
                if _ok(c, s):
                    c.samples.append(s)


def _ok(case: Case, s: Sample) -> bool:
    """A run counts if it exited 0, or exited 1 (some sheets could not be read) having written as
    many files as the untimed first run, and more than none.

    A crash (an import error, a bug that fails every sheet) is not a fast run: it is left out.
    """
    if s.rc == 0:
        return True
    wrote = count_files(case.out, ".json") if case.out is not None else 0
    tail = s.stderr.strip()[-500:]
    if s.rc == 1 and wrote > 0 and wrote == (case.warmup_outputs if case.warmup_outputs is not None else wrote):
        print(f"bench: note: {case.name} exited 1 (some inputs failed): {tail}", file=sys.stderr)
        return True
    print(f"bench: warning: {case.name} failed (exit {s.rc}), run left out: {tail}", file=sys.stderr)
    return False


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    measurement: str
    value: float
    baseline: float
    unit: str
    ratio: float | None
    target: str
    passed: bool | None
    note: str = ""


def _row(
    measurement: str,
    key: str | None,
    value: float,
    baseline: float,
    unit: str,
    ratio: float | None = None,
    note: str = "",
) -> Row:
    if ratio is None:
        ratio = value / baseline if baseline else float("inf")
    target, passed = "-", None
    if key is not None:
        op, bound = TARGETS[key]
        target = f"{'≤' if op == '<=' else '≥'} {bound:g}×"
        passed = ratio <= bound if op == "<=" else ratio >= bound
    if ratio != ratio:  # NaN: a case had no successful run
        return Row(
            measurement, value, baseline, unit, None, target, False, note or "no successful run (see the warnings)"
        )
    return Row(measurement, value, baseline, unit, ratio, target, passed, note)


def _nan_to_none(x):
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {k: _nan_to_none(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_nan_to_none(v) for v in x]
    return x


def _fmt(x: float, unit: str) -> str:
    """Display units; values are kept in seconds and KiB (as in --json)."""
    if x != x:
        return "n/a"
    if unit == "s/sheet":
        return f"{x * 1000:.3f} ms/sheet"
    if unit == "s":
        return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"
    if unit == "KiB":
        return f"{x / 1024:.1f} MiB"
    return f"{x:g} {unit}"


def print_table(rows: list[Row], header: str) -> None:
    cols = ["measurement", "value", "baseline", "ratio", "target", "result"]
    table = [cols]
    for r in rows:
        table.append(
            [
                r.measurement,
                _fmt(r.value, r.unit),
                _fmt(r.baseline, r.unit),
                "-" if r.ratio is None else f"{r.ratio:.2f}×",
                r.target,
                "-" if r.passed is None else ("PASS" if r.passed else "FAIL"),
            ]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    print(header)
    for j, row in enumerate(table):
        print(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=False))
            )
        )
        if j == 0:
            print("  ".join("-" * w for w in widths))
    notes = [f"  {r.measurement}: {r.note}" for r in rows if r.note]
    if notes:
        print("notes:")
        print("\n".join(notes))


def _have_markdown_it() -> bool:
    p = subprocess.run([sys.executable, "-c", "import markdown_it"], capture_output=True)
    return p.returncode == 0


def _have_markitdown() -> bool:
    p = subprocess.run([sys.executable, "-c", "import markitdown, pdfminer"], capture_output=True)
    return p.returncode == 0


def _ram_folder() -> str | None:
    """/dev/shm when it is there to write in: the runs then measure the tool, not the disk.

    On a shared machine the time to create a file or a folder on disk varies by a factor of
    two from one minute to the next; a batch of 300 sheets creates 300 files and 235 folders.
    """
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _in_memory(path: Path) -> bool:
    """Whether the folder is on a RAM-backed file system (tmpfs), as far as /proc/mounts tells."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (str(path) + "/").startswith(parts[1].rstrip("/") + "/") and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in ("tmpfs", "ramfs")


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _loadavg() -> list[float] | None:
    """Other work on the machine skews the timings: the load average is reported with them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _fmt_load(load: list[float] | None) -> str:
    return "n/a" if load is None else f"{load[0]:.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="smoke run: corpora of 30 and 300, fewer repeats")
    ap.add_argument("--sizes", help="corpus sizes, comma-separated (default 300,3000; --quick 30,300)")
    ap.add_argument("--repeats", type=int, help="timed runs of each batch case (default 5; --quick 2)")
    ap.add_argument("--startup-repeats", type=int, help="timed runs of each start-up case (default 20; --quick 5)")
    ap.add_argument("--stat", choices=("min", "median"), default="min", help="how repeats are summarised")
    ap.add_argument(
        "--work",
        type=Path,
        help=f"keep corpora and outputs here (e.g. {WORK_DIR.relative_to(ROOT)}, on "
        "disk); default: a temporary folder in memory (/dev/shm) if there is "
        "one, else in the system's temporary folder, removed afterwards",
    )
    ap.add_argument("--json", action="store_true", help="machine-readable output on standard output")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)

    sizes = sorted({int(s) for s in (args.sizes or ("30,300" if args.quick else "300,3000")).split(",") if s.strip()})
    if not sizes or sizes[0] < 1:
        ap.error("--sizes needs positive integers")
    repeats = args.repeats or (2 if args.quick else 5)
    startup_repeats = args.startup_repeats or (5 if args.quick else 20)
    small, large = sizes[0], sizes[-1]
    sources = source_sheets()

    def log(msg: str) -> None:
        print(f"bench: {msg}", file=sys.stderr, flush=True)

    load_before = _loadavg()
    tmp = None
    if args.work:
        work = args.work.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="nikosheet-bench-", dir=_ram_folder())
        work = Path(tmp.name)
    try:
        corpora = {}
        for n in sizes:
            log(f"building corpus of {n} sheets from {len(sources)} sources")
            corpora[n] = build_corpus(work / f"corpus-{n}", n, sources)
        mdit = _have_markdown_it()
        if not mdit:
            log("markdown-it-py is not installed (pip install -e '.[bench]'): skipping that comparison")

        batch: dict[int, dict[str, Case]] = {}
        for n in sizes:
            # fewer repeats on big corpora when the run is long anyway
            reps = repeats if n <= 1000 else max(2, (repeats + 1) // 2)
            src, out = corpora[n], work / "out"
            batch[n] = {
                "parse": Case(f"parse-{n}-j1", parse_cmd(src, out / f"parse-{n}-j1", 1), out / f"parse-{n}-j1", reps),
                "floor": Case(f"floor-{n}", floor_cmd(src, out / f"floor-{n}"), out / f"floor-{n}", reps),
            }
            if mdit:
                batch[n]["mdit"] = Case(f"markdown-it-{n}", mdit_cmd(src), None, reps)
        par = Case(
            f"parse-{large}-j2",
            parse_cmd(corpora[large], work / "out" / f"parse-{large}-j2", 2),
            work / "out" / f"parse-{large}-j2",
            batch[large]["parse"].repeats,
        )
        (work / "out").mkdir(parents=True, exist_ok=True)
        reps_large = batch[large]["parse"].repeats
        tables = {
            fmt: Case(
                f"table-{large}-{fmt}", table_cmd(corpora[large], work / "out" / f"table.{fmt}"), None, reps_large
            )
            for fmt in ("csv", "xlsx")
        }
        one = sources[0]
        startup = {
            "parse": Case("start-up parse", startup_cmd(one), None, startup_repeats),
            "import": Case("import typer, pydantic", import_cmd(), None, startup_repeats),
            "bare": Case("python -c pass", bare_cmd(), None, startup_repeats),
        }

        pdfs = sorted(DOCUMENTS_DIR.glob("*.pdf"))
        documents: dict[str, Case] = {}
        if pdfs and _have_markitdown():
            for pdf in pdfs:
                documents[f"parse {pdf.name}"] = Case(f"parse {pdf.name}", startup_cmd(pdf), None, repeats)
                documents[f"markitdown {pdf.name}"] = Case(f"markitdown {pdf.name}", markitdown_cmd(pdf), None, repeats)
        elif pdfs:
            log("markitdown is not installed (pip install -e '.[bench]'): skipping the PDF comparison")

        log(f"start-up: {startup_repeats} rounds")
        run_cases(list(startup.values()), log=None)
        if documents:
            log(f"documents: {len(pdfs)} PDFs, {repeats} rounds")
            run_cases(list(documents.values()), log=None)
        for n in sizes:
            log(f"batch {n}: {batch[n]['parse'].repeats} rounds")
            cases = list(batch[n].values()) + ([par] if n == large else [])
            run_cases(cases, log=log)
        log(f"table {large}: csv and xlsx, {reps_large} rounds")
        run_cases(list(tables.values()), log=log)
        # Sanity: the last runs converted every sheet.
        for n in sizes:
            got = count_files(batch[n]["parse"].out, ".json")
            if got != n:
                log(f"warning: parse of the {n}-sheet corpus wrote {got} files, not {n}")

        st = args.stat
        rows: list[Row] = []
        for n in sizes:
            b = batch[n]
            t_parse = b["parse"].seconds(st) / n
            rows.append(_row(f"batch {n}: parse / floor", "floor", t_parse, b["floor"].seconds(st) / n, "s/sheet"))
            if "mdit" in b:
                rows.append(
                    _row(
                        f"batch {n}: parse / markdown-it", "markdown-it", t_parse, b["mdit"].seconds(st) / n, "s/sheet"
                    )
                )
        if large != small:
            # The cost of one more sheet, start-up cancelled out: (t_large - t_small) / (large - small).
            def marginal(key: str) -> float:
                return (batch[large][key].seconds(st) - batch[small][key].seconds(st)) / (large - small)

            rows.append(
                _row(
                    f"batch marginal {small}→{large}: parse / floor (info)",
                    None,
                    marginal("parse"),
                    marginal("floor"),
                    "s/sheet",
                )
            )
            if "mdit" in batch[large]:
                rows.append(
                    _row(
                        f"batch marginal {small}→{large}: parse / markdown-it (info)",
                        None,
                        marginal("parse"),
                        marginal("mdit"),
                        "s/sheet",
                    )
                )
        rows.append(
            _row(
                "start-up: parse one sheet / import typer, pydantic",
                "start-up",
                startup["parse"].seconds(st),
                startup["import"].seconds(st),
                "s",
            )
        )
        rows.append(
            _row(
                "start-up: import typer, pydantic / python -c pass (info)",
                None,
                startup["import"].seconds(st),
                startup["bare"].seconds(st),
                "s",
            )
        )
        if large != small:
            rows.append(
                _row(
                    f"memory: peak RSS {large} / {small}",
                    "memory",
                    batch[large]["parse"].maxrss_kib(),
                    batch[small]["parse"].maxrss_kib(),
                    "KiB",
                )
            )
        rows.append(
            _row(
                f"memory: peak RSS parse {small} / floor {small} (info)",
                None,
                batch[small]["parse"].maxrss_kib(),
                batch[small]["floor"].maxrss_kib(),
                "KiB",
            )
        )
        t1, t2 = batch[large]["parse"].seconds(st), par.seconds(st)
        cpus = _cpus()
        rows.append(
            _row(
                f"parallel {large}: --jobs 2 speed-up over --jobs 1",
                "parallel",
                t2,
                t1,
                "s",
                ratio=t1 / t2 if t2 else float("inf"),
                note="" if cpus >= 2 else f"only {cpus} CPU available: the speed-up cannot be reached",
            )
        )

        rows.append(
            _row(
                f"table {large}: -o data.xlsx (every table) / -o table.csv",
                "workbook",
                tables["xlsx"].seconds(st),
                tables["csv"].seconds(st),
                "s",
            )
        )
        if documents:
            pages = sum(pdf_pages(p) for p in pdfs)
            t_parse = sum(documents[f"parse {p.name}"].seconds(st) for p in pdfs)
            t_md = sum(documents[f"markitdown {p.name}"].seconds(st) for p in pdfs)
            rows.append(_row(f"PDF: parse / markitdown to text ({len(pdfs)} PDFs)", "pdf", t_parse, t_md, "s"))
            rows.append(_row(f"PDF: parse per page ({pages} pages; info)", None, t_parse / pages, t_md / pages, "s"))

        all_cases = [c for n in sizes for c in batch[n].values()] + [
            par,
            *startup.values(),
            *documents.values(),
            *tables.values(),
        ]
        info = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": cpus,
            "sizes": sizes,
            "sources": [str(p.relative_to(ROOT)) for p in sources],
            "repeats": repeats,
            "startup_repeats": startup_repeats,
            "stat": st,
            "nikosheet": nikosheet_cmd(),
            "start_up_sheet": str(one.relative_to(ROOT)),
            "loadavg_before": load_before,
            "loadavg_after": _loadavg(),
            "work": str(work),
            "work_in_memory": _in_memory(work),
        }
        if args.json:
            json.dump(
                {
                    "info": info,
                    "results": [_nan_to_none(asdict(r)) for r in rows],
                    "cases": {
                        c.name: {
                            "repeats": len(c.samples),
                            "seconds": [s.seconds for s in c.samples],
                            "cpu": [s.cpu for s in c.samples],
                            "maxrss_kib": [s.maxrss_kib for s in c.samples],
                        }
                        for c in all_cases
                    },
                },
                sys.stdout,
                ensure_ascii=False,
                indent=2,
            )
            print()
        else:
            header = (
                f"nikosheet benchmark: Python {info['python']}, {cpus} CPUs, {len(sources)} source sheets, "
                f"corpora {', '.join(map(str, sizes))}, {st} of {repeats} runs "
                f"({startup_repeats} for start-up); load average {_fmt_load(load_before)} before, "
                f"{_fmt_load(info['loadavg_after'])} after; files in {work}"
                f"{' (memory)' if info['work_in_memory'] else ' (disk)'}"
            )
            print_table(rows, header)
        failed = [r for r in rows if r.passed is False]
        return 1 if args.check and failed else 0
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
