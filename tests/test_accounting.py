"""Nothing lost, nothing invented: every non-blank line of every fixture is accounted for once."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, SHEETS

ALL = sorted(p.name for p in SAMPLES.glob("*.txt")) + sorted(p.name for p in SHEETS.glob("*.txt"))


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


@pytest.mark.parametrize("name", ALL)
def test_every_line_lands_somewhere(name, parsed):
    """A non-blank line is in unparsed, template_text, or its content is in a field."""
    from nikosheet.parsing.lines import BLANK, SEP, read_lines
    from nikosheet.parsing.values.template import is_placeholder
    from nikosheet.sources.text import read_bytes

    path = SAMPLES / name if (SAMPLES / name).exists() else SHEETS / name
    doc = parsed(name)
    lines = read_lines(read_bytes(path.read_bytes()).lines)
    unparsed = {u["line"] for u in doc["unparsed"]}
    placeholders = {d["line"] for d in doc["diagnostics"] if d["code"] == "placeholder"}
    doubts: dict[int, str] = {}
    for d in doc["diagnostics"]:
        doubts[d["line"]] = doubts.get(d["line"], "") + d["message"]
    template = {t["line"] for t in doc["template_text"]}
    body = {k: v for k, v in doc.items() if k not in ("unparsed", "template_text", "diagnostics", "source")}
    text = "\n".join(_strings(body))
    missing = []
    for ln in lines:
        if ln.kind in (BLANK, SEP) or ln.no in unparsed or ln.no in template:
            continue
        # each cell (or the line) must reach the document: look for its longest word
        for cell in ln.cells or [ln.text]:
            words = [w for w in _plain(cell).split() if len(w) >= 2 and not w.isdigit()]
            if ln.no in placeholders and is_placeholder(cell):
                continue  # read as null, reported as a placeholder
            if cell and cell in doubts.get(ln.no, ""):
                continue  # read as null, quoted in a diagnostic (不明, なし, …)
            if words and max(words, key=len) not in text and not _is_value(cell) and not _is_label(cell):
                missing.append((ln.no, cell))
    assert missing == []


def _plain(cell: str) -> str:
    from nikosheet.parsing.cells import strip_tags

    t = strip_tags(cell)
    for mark in "・①②③④⑤⑥⑦⑧⑨⑩◆-#|":
        t = t.replace(mark, " ")
    return t


# the template's own labels and headers: structure, not content
_LABELS = (
    "取組内容",
    "基本情報",
    "合計",
    "相談支援センター数",
    "相談支援事業所数",
    "協議会の開催頻度",
    "都道府県",
    "障害保健福祉圏域",
    "市町村",
    "指標",
    "成果・効果",
    "特徴(強み)",
    "取組方針",
    "役割(取組)",
    "現状値",
    "目標値",
    "実績値",
    "構築の体制",
    "部署名",
    "主な業務",
    "連携状況",
    "強み・課題等",
    "名称",
    "構成員",
    "回/年",
    "会議名",
    "開催回数",
    "内容",
    "備考",
    "開催頻度",
    "特記事項",
    "その他事項",
    "時期(月)",
    "実施する項目",
    "実施する内容",
    "実施内容",
    "行政",
    "医療",
    "福祉",
    "保健",
    "その他関係機関",
    "具体的な取組",
    "短期目標",
    "スモールステップ",
    "長期目標",
    "年度",
    "経過",
    "委託",
    "事業利用予定年数",
    "課題",
)


def _is_label(cell: str) -> bool:
    from nikosheet.parsing.cells import strip_tags
    from nikosheet.parsing.lines import squeeze

    s = squeeze(strip_tags(cell))
    return len(s) <= 25 and any(w in s for w in _LABELS)


def _is_value(cell: str) -> bool:
    """Cells that become numbers, dates or choices rather than text."""
    from nikosheet.parsing.lines import squeeze

    s = squeeze(cell)
    return any(ch.isdigit() for ch in s) or any(w in s for w in ("有", "無", "なし", "%", "時点", "構成割合"))


@pytest.mark.parametrize("name", ALL)
def test_unparsed_and_template_do_not_overlap_fields(name, parsed):
    doc = parsed(name)
    assert not {u["line"] for u in doc["unparsed"]} & {t["line"] for t in doc["template_text"]}


@pytest.mark.parametrize("name", ALL)
def test_output_validates_against_model_and_schema(name, parsed):
    import jsonschema

    from nikosheet.models import Sheet
    from nikosheet.output.serialize import schema_text

    doc = parsed(name)
    Sheet.model_validate(doc)
    jsonschema.validate(doc, json.loads(schema_text()))


INSERTED = "挿入された一行ＸＹＺ"
TEXT_FIXTURES = [n for n in ALL if not any(tag in n for tag in ("cp932", "utf16", "utf8bom"))]


def _document_text(doc: dict) -> str:
    """Every string of the document but its diagnostics: fields, template text, unparsed lines."""
    return "\n".join(_strings({k: v for k, v in doc.items() if k != "diagnostics"}))


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_a_line_inserted_anywhere_is_found(name):
    """One extra plain line after any line of a real sheet or fixture reaches the document: a field,
    template text or unparsed. (A line right below a table row is read as that row's last cell
    wrapped; a reader that takes the row for its number must not swallow it.)"""
    from nikosheet import parse_text_data
    from nikosheet.errors import InputError

    path = SAMPLES / name if (SAMPLES / name).exists() else SHEETS / name
    lines = path.read_text(encoding="utf-8").split("\n")
    lost, tried = [], 0
    for i in range(len(lines)):
        try:
            doc = parse_text_data("\n".join([*lines[: i + 1], INSERTED, *lines[i + 1 :]]))
        except InputError:
            continue  # inserted before the first heading of a sheet that has none yet: not a sheet
        tried += 1
        if INSERTED not in _document_text(doc):
            lost.append(i + 1)
    assert tried > len(lines) // 2
    assert lost == [], f"lost after lines {lost}"


def test_a_continuation_row_keeps_every_cell():
    """A row whose first cell is empty goes on with the council above: each of its cells adds to that
    record's field, none is dropped.  Under a schedule's month, a row with its own item and actions is
    a second item in that month."""
    from nikosheet import parse_text_data

    lines = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8").split("\n")
    council = next(n for n, ln in enumerate(lines) if ln.startswith("委員ヒアリング"))
    lines.insert(council + 1, "\t医師会\t年1回\t会議\t強みあり")
    item = next(n for n, ln in enumerate(lines) if ln.startswith("R6年1月"))
    lines.insert(item + 1, "\t報告会\t協議")
    doc = parse_text_data("\n".join(lines))
    hearing = doc["councils"]["meetings"][2]
    assert hearing["members"] == "協議の場の委員\n医師会"
    assert hearing["frequency"] == {"text": "4回/年\n年1回", "per_year": 4}
    assert hearing["activities"][-1] == "会議" and hearing["notes"].endswith("\n強みあり")
    above, last = doc["annual_schedule"]["items"][-2:]
    assert above["item"] == "第2回協議の場の開催" and above["label"] == last["label"] == "R6年1月"
    assert last["item"] == "報告会" and last["actions"] == ["協議"]
    assert doc["unparsed"] == []


def test_a_department_continuation_row_keeps_every_cell():
    from nikosheet import parse_text_data

    lines = (SAMPLES / "kawaguchi-r5.txt").read_text(encoding="utf-8").split("\n")
    row = next(n for n, ln in enumerate(lines) if ln.startswith("疾病対策課\t"))
    lines.insert(row + 1, "\t追加の業務\t別の列")
    doc = parse_text_data("\n".join(lines))
    assert doc["coordination"]["departments"][0]["duties"].endswith("\n追加の業務 別の列")


@pytest.mark.parametrize("name", ["kawaguchi-r5.txt", "kashiwa-r6.txt"])
def test_a_cell_past_a_tables_last_column_is_kept(name, parsed):
    """A table row with one cell more than its columns (a laid-out text splits a column where its
    lines' words stand apart) keeps that cell's text in the row's last field: an indicator's effects,
    a schedule's actions, a sector's strengths and issues."""
    from nikosheet import parse_text_data

    doc = parsed(name)
    tables = {
        "outcomes": "indicators",
        "strengths_and_issues": "indicators",
        "coordination": "sectors",
        "annual_schedule": "items",
        "long_term_schedule": "plan",
    }
    rows = {key: (doc[key] or {}).get(table) for key, table in tables.items()}
    rows = {key: found[0] for key, found in rows.items() if found}
    assert len(rows) >= 4
    lines = (SAMPLES / name).read_text(encoding="utf-8").split("\n")
    for key, row in rows.items():
        extra = f"余分なセルの文{key}"
        edited = [line + "\t" + extra if n == row["line"] else line for n, line in enumerate(lines, 1)]
        read = parse_text_data("\n".join(edited))[key]
        assert extra in _document_text({"": read}), key
