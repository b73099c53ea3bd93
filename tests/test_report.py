"""The report command: one self-contained HTML page over the real sheets, with charts drawn server-side,
every body's values as printed, hostile text escaped, a trend for a body given twice, and (when
Chromium is installed) the page rendered in a real browser with its charts measured."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from batch_corpus import EMPTY, invoke
from conftest import SAMPLES, SHEETS

KAW = SAMPLES / "kawaguchi-r5.txt"
HOSTILE = '<script>&"市'  # a name the parser reads as it is (a name is at most 10 characters and 市)
HOSTILE_FILE = "<img src=x onerror=alert(1)>.txt"
NAMES = ["川口市", "柏市", "越谷市", "船橋市", "豊橋市", "倉敷市", "高崎市", "相模原市", "八王子市"]
NAMES += ["青森県", "静岡県", "長野県", "世田谷区", "中野区"]
NAMES += ["岐阜県", "仙台市", "姫路市", "練馬区", "鳥取市"]
NAMES += ["新潟県", "高知県", "静岡市", "北九州市", "旭川市", "豊島区", "松山市", "岩手県"]


def _next_year(text: str) -> str:
    """川口市's sheet one fiscal year later, with another population and long-stay share."""
    for old, new in (("R6年", "R7年"), ("R5年", "R6年"), ("R4年", "R5年"), ("令和5", "令和6"), ("令和4", "令和5")):
        text = text.replace(old, new)
    return text.replace("604,894", "606,210").replace("187 54.4", "180 53.1")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The samples and fixture sheets, 川口市 a year later, a sheet of a body with a hostile name, an empty file."""
    root = tmp_path_factory.mktemp("sheets")
    shutil.copytree(SAMPLES, root / "samples")
    shutil.copytree(SHEETS, root / "fixtures")
    text = KAW.read_text(encoding="utf-8")
    (root / "kawaguchi-r6.txt").write_text(_next_year(text), encoding="utf-8")
    (root / HOSTILE_FILE).write_text(text.replace("川口市", HOSTILE), encoding="utf-8")
    (root / EMPTY).write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def report(inputs, tmp_path_factory) -> tuple[str, object]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = invoke("report", inputs, "-o", out, "--jobs", "1")
    return out.read_text(encoding="utf-8"), r


def _section(page: str, anchor: str) -> str:
    m = re.search(rf'<section id="{anchor}">(.*?)</section>', page, re.S)
    assert m, anchor
    return m.group(1)


def _figures(page: str) -> dict[str, str]:
    """Each chart of the comparison, by its caption."""
    return dict(re.findall(r"<figure><figcaption>(.*?)</figcaption>(.*?)</figure>", _section(page, "charts"), re.S))


def _row(page: str, name: str, year: int) -> list[str]:
    """The cells of a body's row in the table of bodies, tags removed."""
    for row in re.findall(r"<tr>(.*?)</tr>", _section(page, "bodies"), re.S):
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        if cells and cells[0] == name and cells[2] == str(year):
            return cells
    raise AssertionError(f"no row for {name} {year}")


def test_bad_file_is_named_and_the_report_made_from_the_rest(report, inputs):
    page, r = report
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert f"nikosheet: {inputs / EMPTY}: file is empty" in lines
    sheets = len(list(inputs.rglob("*.txt"))) - 1  # all but the empty one
    assert lines[-1].startswith(f"nikosheet: report of {sheets} sheets written to") and lines[-1].endswith(", 1 failed")
    assert "file is empty" in _section(page, "failed")


def test_every_body_and_its_values_as_printed(report, inputs):
    page, _ = report
    for name in NAMES:
        assert f">{name}</a>" in page, name
    kawaguchi = _row(page, "川口市", 2023)
    assert kawaguchi[1:8] == ["中核市", "2023", "604,894", "438", "7.2", "54.4", "12"]
    assert _row(page, "柏市", 2024)[3:7] == ["434,462", "1,320", "30.4", "69.4"]
    assert _row(page, "青森県", 2023)[1] == "都道府県" and _row(page, "相模原市", 2023)[1] == "指定都市"
    assert _row(page, "世田谷区", 2024)[1] == "特別区"
    assert page.count('<article id="sheet-') == len(list(inputs.rglob("*.txt"))) - 1


def test_four_charts_with_values_and_japanese_labels(report):
    page, _ = report
    figures = _figures(page)
    assert len(figures) == 4 and all("<svg" in svg for svg in figures.values())
    long_stay = figures["入院精神障害者のうち1年以上の割合"]
    assert "柏市（2024）" in long_stay and ">69.4</text>" in long_stay and "％" in long_stay
    assert "川口市（2024）" in long_stay and ">53.1</text>" in long_stay  # a body's latest year
    assert "川口市（2023）" not in long_stay
    beds = figures["人口1万人あたり精神科病床数"]
    assert ">80.5</text>" in beds  # 八王子市: 4,520 beds for 561,758 people
    meetings = figures["協議の場の年間開催回数"]
    assert ">60</text>" in meetings and "回/年" in meetings  # 倉敷市


def test_unknown_values_are_a_dash_and_left_out_of_the_charts(report):
    page, _ = report
    assert _row(page, "八王子市", 2023)[8] == "— / —"  # the minimal sheet has neither indicator section
    indicators = next(svg for caption, svg in _figures(page).items() if caption.startswith("指標の数"))
    chart, note = indicators.split("</svg>")
    assert "八王子市" not in chart and "値が不明のため図にないもの: 八王子市" in note


def test_each_body_links_to_its_section_with_its_findings(report):
    page, _ = report
    link = re.search(r'<a href="#(sheet-\d+)" title="[^"]*/samples/kashiwa-r6.txt">柏市</a>', page)
    assert link
    article = re.search(rf'<article id="{link.group(1)}">(.*?)</article>', page, re.S)
    assert article
    text = article.group(1)
    assert "434,462" in text and "2024-04" in text
    assert '<td>NS204</td><td class="sev-warning">警告</td><td>33</td>' in text
    assert "the 65-year split 119 + 221 = 340" in text


def test_a_body_given_for_two_years_has_its_trend(report):
    page, _ = report
    trends = _section(page, "trends")
    assert trends.count('<div class="trend"') == 2  # 川口市 (2023, 2024) and 世田谷区 (fixtures of both years)
    assert "<h3>川口市</h3>" in trends and "<h3>世田谷区</h3>" in trends
    population = re.search(r"<figcaption>人口</figcaption>(.*?)</figure>", trends, re.S)
    assert population
    assert "<polyline" in population.group(1) and ">604,894</text>" in population.group(1)
    assert ">606,210</text>" in population.group(1) and "2024年度" in population.group(1)


def test_hostile_text_is_escaped(report):
    page, _ = report
    assert f">{escape(HOSTILE)}</a>" in page and escape(HOSTILE_FILE) in page
    assert "<script" not in page and "<img" not in page


def test_no_external_reference(report):
    page, _ = report
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", page, re.I)
    assert not re.search(r"<link|<script|<iframe|<img|@import|url\(", page, re.I)
    assert "http://" not in page and "https://" not in page


def test_standard_output_and_jobs_give_the_same_page(report, inputs):
    page, _ = report
    r = invoke("report", inputs, "-o", "-", "--jobs", "2", "--quiet")
    assert r.exit_code == 1 and r.stdout == page
    assert r.stderr.strip() == f"nikosheet: {inputs / EMPTY}: file is empty"


def test_title_is_escaped_too():
    r = invoke("report", KAW, "-o", "-", "--title", "<b>関東</b> R5")
    assert r.exit_code == 0 and "<title>&lt;b&gt;関東&lt;/b&gt; R5</title>" in r.stdout
    assert "<h1>&lt;b&gt;関東&lt;/b&gt; R5</h1>" in r.stdout and r.stderr == ""


def test_misuse_and_nothing_to_report(tmp_path):
    r = invoke("report", KAW)
    assert r.exit_code == 2 and "-o" in r.stderr
    assert invoke("report", KAW, "-o", tmp_path).exit_code == 2  # a folder
    assert invoke("report", KAW, "-o", KAW).exit_code == 2  # an input
    empty = tmp_path / EMPTY
    empty.write_bytes(b"")
    out = tmp_path / "report.html"
    out.write_bytes(b"old")
    r = invoke("report", empty, "-o", out)
    assert r.exit_code == 1 and out.read_bytes() == b"old" and "file is empty" in r.stderr


def test_charts_leave_unknown_values_out():
    from nikosheet.output.report.charts import Row, Series, bar_chart, line_chart, nice_ticks

    assert nice_ticks(0, 69.4) == [0, 20, 40, 60, 80]
    svg = bar_chart("t", [Row("a", (2.0,)), Row("b", (None,))], [Series("s", "#000")], "件", 0)
    assert svg.count('<rect class="bar"') == 1 and ">2</text>" in svg
    line = line_chart("t", [(2022, 1.0), (2023, None), (2024, 3.0)], "人", 0)
    assert "<polyline" not in line and line.count("<circle") == 2  # no line across the unknown year


# ---------------------------------------------------------------- in a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

# Appended to a copy of the page only: the report itself has no script.  It measures what the browser drew.
_MEASURE = """<script>
const charts = [...document.querySelectorAll("svg.chart")].map(svg => {
  const box = svg.getBoundingClientRect();
  const bars = [...svg.querySelectorAll("rect.bar")].map(r => r.getBBox().width * r.getBBox().height);
  const lines = [...svg.querySelectorAll("polyline")].map(p => p.getTotalLength());
  const texts = [...svg.querySelectorAll("text")].map(t => t.getComputedTextLength());
  return {width: box.width, height: box.height, bars, lines, texts, label: svg.getAttribute("aria-label")};
});
document.body.setAttribute("data-measured", JSON.stringify(charts));
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium fonts-noto-cjk)")
def test_chromium_draws_the_charts(report, tmp_path):
    page, _ = report
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    command += ["--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'ud'}"]
    command += ["--window-size=1100,900", "--dump-dom", probe.as_uri()]
    done = subprocess.run(command, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    dom = done.stdout.decode("utf-8")
    m = re.search(r'data-measured="([^"]*)"', dom)
    assert m, dom[:500]
    from html import unescape

    charts = json.loads(unescape(m.group(1)))
    assert len(charts) == 4 + 7 + 7  # the comparison, and 川口市's and 世田谷区's trends of seven statistics
    for chart in charts:
        assert chart["width"] > 250 and chart["height"] > 100, chart["label"]
        assert all(width > 0 for width in chart["texts"]), chart["label"]
    bars = [c for c in charts if c["bars"]]
    assert len(bars) == 4 and all(all(area > 0 for area in c["bars"]) for c in bars)
    long_stay = next(c for c in bars if c["label"] == "入院精神障害者のうち1年以上の割合")
    assert len(long_stay["bars"]) == len(NAMES) + 1  # one per body, the hostile one too
    assert sum(1 for c in charts if c["lines"] and all(length > 50 for length in c["lines"])) == 7 + 7
