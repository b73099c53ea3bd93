"""Property-based tests: whatever the input, `parse` never raises (except `InputError`, for input that is
not a sheet), its output validates against the JSON Schema and the models, and every non-blank line of
the input is accounted for: taken by a reader (a field), in `template_text`, or in `unparsed`.

Inputs are arbitrary text, text assembled from the pieces sheets are made of (headings, tab and pipe
rows, HTML cells, numbers, eras, choices, guidance), and the real sheets mutated at random: lines
dropped, duplicated, shuffled within a section, cells emptied, digits made full-width, tabs turned into
pipes, and the whole re-encoded (UTF-8 with or without BOM, UTF-16, CP932; LF, CRLF or CR).

The settings are derandomized so that CI is reproducible, and sized so that this file runs in a few
seconds. Set NIKOSHEET_FUZZ=N to run N examples per property instead (a longer local hunt).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import random
from functools import cache, lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, SHEETS
from nikosheet.errors import InputError
from nikosheet.parsing.document import build_with_context
from nikosheet.parsing.lines import BLANK, SEP, read_lines
from nikosheet.sources.text import Text, read_bytes, split_lines

_FUZZ = int(os.environ.get("NIKOSHEET_FUZZ", "0"))
SETTINGS = settings(
    max_examples=_FUZZ or 150,
    deadline=None,
    derandomize=not _FUZZ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)
SOURCES = sorted(SAMPLES.glob("*.txt")) + sorted(SHEETS.glob("*.txt"))


# ------------------------------------------------------------------ the properties


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    from nikosheet.output.serialize import schema_text

    # what `nikosheet schema` prints (schemas/sheet.schema.json is that text: test_cli_parse checks it)
    return jsonschema.Draft202012Validator(json.loads(schema_text()))


def _line_numbers(node, out: list[int]) -> list[int]:
    """Every `line`, `line_start` and `line_end` in the document (outside `source`)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("line", "line_start", "line_end") and isinstance(v, int) and not isinstance(v, bool):
                out.append(v)
            elif k != "source":
                _line_numbers(v, out)
    elif isinstance(node, list):
        for v in node:
            _line_numbers(v, out)
    return out


def check_text(text: Text) -> dict | None:
    """Build the document of decoded lines and check every property; None when it is not a sheet."""
    from nikosheet.models import Sheet

    try:
        doc, ctx = build_with_context(text, "x.txt")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    # valid: the JSON Schema, the models, and plain JSON that round-trips
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, errors[0]
    Sheet.model_validate(doc)
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc
    # complete: every non-blank line is a field's, template text, or unparsed; never two of these
    lines = read_lines(text.lines)
    assert doc["source"]["line_count"] == len(lines)
    unparsed = {u["line"]: u["text"] for u in doc["unparsed"]}
    template = {t["line"]: t["text"] for t in doc["template_text"]}
    assert len(unparsed) == len(doc["unparsed"]), "a line is unparsed twice"
    for ln in lines:
        if ln.kind in (BLANK, SEP):
            assert ln.no not in unparsed and ln.no not in template, ln
            continue
        assert ctx.taken[ln.no] or ln.no in unparsed, f"line {ln.no} lost: {ln.raw!r}"
        assert not (ln.no in unparsed and ln.no in template), f"line {ln.no} both unparsed and template"
        if ln.no in unparsed:
            assert unparsed[ln.no] == ln.raw and not ctx.taken[ln.no]
        if ln.no in template:
            assert ctx.taken[ln.no] and template[ln.no] == ln.text
    assert set(unparsed) <= {ln.no for ln in lines}
    # every line number the document names is a line of the source
    assert all(1 <= n <= len(lines) for n in _line_numbers(doc, [])), "a line number outside the file"
    return doc


def check_bytes(data: bytes) -> dict | None:
    try:
        text = read_bytes(data)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    return check_text(text)


def _text(s: str) -> Text:
    return Text(split_lines(s), "utf-8", hashlib.sha256(s.encode("utf-8", "surrogatepass")).hexdigest())


# ------------------------------------------------------------------ arbitrary text


@SETTINGS
@given(st.text(max_size=2000))
def test_arbitrary_text(s):
    check_text(_text(s))


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    check_bytes(data)


# ------------------------------------------------------------------ text made of a sheet's pieces

T = "精神障害にも対応した地域包括ケアシステムの構築に向けた"
HEADINGS = [
    "1 県、指定都市、中核市、特別区の基礎情報",
    "## 2 " + T + "取組概要（全体）",
    "3",
    T + "取組の経緯（地域課題）",
    "## ４　" + T[:-3] + "構築に資する取組の成果・効果",
    "５ " + T + "現時点における強みと課題",
    "6 " + T[:-3] + "構築のための連携状況",
    "7 " + T[:-3] + "構築のための協議の場の実施状況",
    "8 " + T + "スケジュール（長期）",
    "9 " + T + "スケジュール（今年度）",
    "8 " + T + "今年度の取組スケジュール",
    "8 " + T + "スケジュール",
    "# " + T + "取組の経緯",
]
WORDS = [
    # labels and headers
    "取組内容",
    "基本情報",
    "障害保健福祉圏域数 (R5年4月時点)",
    "人口 (R6年4月時点)",
    "市町村数",
    "精神科病院の数",
    "精神科病床数",
    "保健所数",
    "入院精神障害者数 (R4年6月時点) ※630調査",
    "合計",
    "3か月未満 (%: 構成割合)",
    "3か月以上1年未満",
    "1年以上",
    "うち65歳未満 うち65歳以上",
    "うち65歳未満",
    "うち65歳以上",
    "退院率",
    "入院後3か月時点",
    "入院後6か月時点",
    "入院後1年時点",
    "相談支援事業所数",
    "基幹相談支援センター数",
    "一般相談支援事業所数",
    "特定相談支援事業所数",
    "(自立支援)協議会の開催頻度 (R5年度)",
    "精神領域に関する議論を行う部会の有無",
    "設置状況",
    "都道府県",
    "障害保健福祉圏域",
    "市町村",
    "年度",
    "経過",
    "委託",
    "課題解決の達成度を測る指標",
    "目標値 (R4年度当初)",
    "実績値 (R4年度末)",
    "具体的な成果・効果",
    "現状値 (今年度当初)",
    "見込んでいる成果・効果",
    "課題",
    "課題解決に向けた取組方針",
    "課題・方針に対する役割(取組)",
    "行政",
    "保健",
    "医療",
    "福祉",
    "その他関係機関・住民等",
    "所管部署名",
    "連携部署名",
    "所管部署における主な業務",
    "各部門の連携状況",
    "強み・課題等",
    "名称",
    "協議の場の構成員",
    "開催頻度",
    "実施内容",
    "特記事項等",
    "時期(月)",
    "実施する項目",
    "実施する内容",
    "具体的な取組",
    "長期目標",
    "短期目標",
    "スモールステップ",
    "事業利用予定年数：令和 8 年度まで",
    "【特徴(強み)】",
    "【にも包括構築の体制】",
    "【その他事項】",
    "＜令和4年度までの成果・効果＞",
    "<昨年度までの成果・効果>",
    # values
    "604,894",
    "1,320",
    "３４０",
    "340 人",
    "92 26.7",
    "54 人 15.9 %",
    "119 人 221 人",
    "%",
    "人",
    "か所",
    "2 か所",
    "3 回/年",
    "年6回",
    "月1回",
    "週1回",
    "随時",
    "有・無",
    "(有) 無",
    "○有",
    "有(○)",
    "●無",
    "1 / 1",
    "R5年4月時点",
    "H29年時点",
    "令和元年度",
    "R6年1月",
    "R●年度",
    "○○",
    "●●",
    "4月",
    "13月",
    "R99年度",
    "平成16年",
    "2023年4月",
    "↓",
    "同上",
    "①",
    "②保健医療",
    "1. 項目",
    "(1)",
    "・a ・b",
    "①a ②b",
    "※指標設定が困難な場合は、代替指標や定性的な文言でも構いません。",
    "※各部門の状況はできるだけ詳しく記載ください",
    '<ul style="list-style-type: none">',
    "<li>・項目</li>",
    "</ul>",
    "<p>段落</p>",
    "<li>",
    "<br>",
    "川口市",
    "柏市",
    "某県",
    "「スローガン」",
    "川口市では、",
    "取 り組み",
    "9" * 40,
    "1" * 16 + ".5",
    "------",
    "---",
    "|---|---|",
    "-",
    "*",
    "#",
    "・",
    "　",
    "",
    "",
    "",
]
_cell = st.one_of(
    st.sampled_from(WORDS), st.text(max_size=12), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
)


@st.composite
def _line(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(HEADINGS))
    if kind <= 4:
        cells = draw(st.lists(_cell, min_size=1, max_size=6))
        lead = "\t" * draw(st.integers(0, 2))
        return lead + "\t".join(cells) + "\t" * draw(st.integers(0, 2))
    if kind == 5:
        return "| " + " | ".join(draw(st.lists(_cell, min_size=1, max_size=5))) + " |"
    if kind == 6:
        return draw(st.sampled_from(["- ", "・", "# ", "## ", "1. ", "① ", ""])) + draw(_cell)
    if kind == 7:
        return ""
    return draw(_cell)


@st.composite
def sheet_like(draw) -> str:
    lines = draw(st.lists(_line(), max_size=60))
    # most examples hold a heading, so that the section readers run rather than the refusal
    if draw(st.integers(0, 9)):
        for h in draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=9)):
            lines.insert(draw(st.integers(0, len(lines))), h)
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@SETTINGS
@given(sheet_like())
def test_sheet_like_text(s):
    check_text(_text(s))


# ------------------------------------------------------------------ real sheets, mutated


@cache
def _source_lines(i: int) -> tuple[str, ...]:
    return tuple(read_bytes(SOURCES[i].read_bytes()).lines)


def _section_spans(lines: list[str]) -> list[tuple[int, int]]:
    from nikosheet.parsing.headings import split

    _, _, heads = split(read_lines(lines))
    starts = [h.title_line for h in heads]  # lines[k] is line k + 1: a span starts after its heading
    ends = [h.line - 1 for h in heads[1:]] + [len(lines)]
    return [(a, b) for a, b in zip(starts, ends, strict=False) if b - a > 1]


_FW = str.maketrans("0123456789", "０１２３４５６７８９")


def _mutate(lines: list[str], op: str, rnd: random.Random) -> list[str]:
    n = len(lines)
    if not n:
        return lines
    i = rnd.randrange(n)
    if op == "drop":
        del lines[i : i + rnd.randint(1, 5)]
    elif op == "duplicate":
        j = min(n, i + rnd.randint(1, 8))
        lines[j:j] = lines[i:j]
    elif op == "shuffle":
        spans = _section_spans(lines)
        if spans:
            a, b = rnd.choice(spans)
            part = lines[a:b]
            rnd.shuffle(part)
            lines[a:b] = part
    elif op == "empty-cell":
        for _ in range(rnd.randint(1, 10)):
            k = rnd.randrange(n)
            cells = lines[k].split("\t")
            if len(cells) > 1:
                cells[rnd.randrange(len(cells))] = ""
                lines[k] = "\t".join(cells)
    elif op == "full-width":
        for k in rnd.sample(range(n), min(n, rnd.randint(1, 40))):
            lines[k] = lines[k].translate(_FW)
    elif op == "pipes":
        for k in range(n):
            if "\t" in lines[k] and rnd.random() < 0.8:
                lines[k] = "| " + lines[k].replace("\t", " | ") + " |"
    elif op == "cut":
        del lines[i:]
    elif op == "split-line":
        s = lines[i]
        if len(s) > 1:
            c = rnd.randrange(1, len(s))
            lines[i : i + 1] = [s[:c], s[c:]]
    elif op == "join-lines" and i + 1 < n:
        lines[i : i + 2] = [lines[i] + rnd.choice(["", "\t", " "]) + lines[i + 1]]
    elif op == "blank":
        lines.insert(i, rnd.choice(["", "　", "\t\t", "------\t---"]))
    elif op == "garble":
        s = lines[i]
        c = rnd.randrange(len(s) + 1)
        lines[i] = (
            s[:c]
            + rnd.choice(
                [
                    "<ul>",
                    "</li>",
                    "\t",
                    "|",
                    "①",
                    "・",
                    "↓",
                    "○",
                    "R●年",
                    "9" * 30,
                    "\x0c",
                    "\u2028",
                    "\ufeff",
                    "\x1b",
                    "𠮷",
                ]
            )
            + s[c:]
        )
    return lines


OPS = (
    "drop",
    "duplicate",
    "shuffle",
    "empty-cell",
    "full-width",
    "pipes",
    "cut",
    "split-line",
    "join-lines",
    "blank",
    "garble",
)


def _encode(text: str, encoding: str, eol: str, cut: bool) -> bytes:
    text = text.replace("\n", eol)
    if encoding == "cp932":
        try:
            data = text.encode("cp932")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
    elif encoding == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif encoding == "utf-16":
        data = text.encode("utf-16")
    else:
        data = text.encode("utf-8")
    if cut:  # cut off at a random byte: possibly inside a character
        data = data[: max(1, len(data) - 1 - len(data) // 7)]
    return data


@SETTINGS
@given(
    source=st.integers(0, len(SOURCES) - 1),
    ops=st.lists(st.sampled_from(OPS), min_size=1, max_size=6),
    seed=st.integers(0, 2**32 - 1),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp932"]),
    eol=st.sampled_from(["\n", "\r\n", "\r"]),
    cut=st.booleans(),
)
def test_mutated_real_sheets(source, ops, seed, encoding, eol, cut):
    rnd = random.Random(seed)
    lines = list(_source_lines(source))
    for op in ops:
        lines = _mutate(lines, op, rnd)
    check_bytes(_encode("\n".join(lines) + "\n", encoding, eol, cut and rnd.random() < 0.3))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_real_sheets_unmutated(path):
    """The properties hold for the sheets themselves (and no sheet is refused)."""
    assert check_bytes(path.read_bytes()) is not None
