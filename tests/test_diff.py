"""The diff command: two versions of a real sheet compared, each change named with its lines in
both; identical sheets, the exit codes, the JSON records, the published PDF and DOCX against their
text, different bodies, bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from batch_corpus import invoke
from conftest import FIXTURES, ROOT, SAMPLES, SHEETS

KAW = SAMPLES / "kawaguchi-r5.txt"
KAS = SAMPLES / "kashiwa-r6.txt"
DOCUMENTS = FIXTURES / "documents"
RECORD_KEYS = {"section", "kind", "field", "key", "label", "old", "new", "difference", "unit", "old_line", "new_line"}
RECORD_KEYS |= {"old_page", "new_page"}

# The second version of 川口市's sheet: two blank lines above everything (every line moves down
# by two), then each edit, as (what the sample has, what the new version has).
EDITS = [
    ("人口（R5年4月時点）\t\t604,894\t人", "人口（R5年4月時点）\t\t605,321\t人"),  # line 36
    ("1年以上（％：構成割合）\t\t187 54.4", "1年以上（％：構成割合）\t\t187 55.1"),  # line 42
    ("委員へのヒアリング4回実施", "委員へのヒアリング5回実施"),  # line 77, indicator ②'s 実績値
    ("の活用\t9件\t10件", "の活用\t9件\t12件"),  # line 97, planned indicator ①'s 目標値
    ("障害福祉課、疾病対策課\t6回/年", "障害福祉課、疾病対策課\t12回/年"),  # line 164, 事務局会議
]
HEARINGS_ROW = 165  # 委員ヒアリング, replaced by another council
NEW_COUNCIL = "地域移行支援部会\t相談支援事業所、精神科病院\t月1回\t<ul><li>・退院支援の事例検討</li></ul>\t"
TRAINING_ROW = 183  # R5年12月 「にも包括」に関する研修会の実施, moved below R6年1月 as R6年2月


def second_version() -> str:
    text = KAW.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    lines = text.split("\n")
    assert lines[HEARINGS_ROW - 1].startswith("委員ヒアリング\t")
    lines[HEARINGS_ROW - 1] = NEW_COUNCIL
    training = lines.pop(TRAINING_ROW - 1)
    assert training.startswith("R5年12月\t「にも包括」に関する研修会の実施")
    lines.insert(TRAINING_ROW, training.replace("R5年12月", "R6年2月"))  # after R6年1月
    return "\n\n" + "\n".join(lines)


@pytest.fixture(scope="module")
def new_version(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("diff") / "kawaguchi-draft.txt"
    path.write_text(second_version(), encoding="utf-8")
    return path


def nikosheet(*args: object, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nikosheet", *map(str, args)],
        capture_output=True,
        text=True,
        input=input,
        timeout=60,
        cwd=cwd,
    )


def records(r: subprocess.CompletedProcess[str]) -> list[dict]:
    assert r.stderr == "", r.stderr
    return json.loads(r.stdout)


def brief(change: dict) -> tuple:
    return tuple(change[k] for k in ("section", "kind", "field", "key", "old_line", "new_line"))


def test_each_changed_statistic_and_indicator_with_its_lines(new_version):
    r = nikosheet("diff", KAW, new_version, "--format", "json")
    assert r.returncode == 0
    changes = records(r)
    assert [brief(c) for c in changes] == [
        ("basic_info", "changed", "population.value", None, 36, 38),
        ("basic_info", "changed", "inpatients.over_1_year.percent", None, 42, 44),
        ("outcomes", "changed", "indicators.actual", "地域課題の抽出", 77, 79),
        ("strengths_and_issues", "changed", "indicators.target", "「川口市精神保健福祉地域連携票」の活用", 97, 99),
        ("councils", "removed", "meetings", "委員ヒアリング", 165, None),
        ("councils", "changed", "meetings.frequency.per_year", "事務局会議", 164, 166),
        ("councils", "added", "meetings", "地域移行支援部会", None, 167),
        ("annual_schedule", "changed", "items.month", "「にも包括」に関する研修会の実施", 183, 186),
    ]
    population, percent, actual, target, removed, frequency, added, month = changes
    assert (population["old"], population["new"], population["difference"], population["unit"]) == (
        604894,
        605321,
        427,
        "人",
    )
    assert population["label"] == "人口"
    assert (percent["old"], percent["new"], percent["difference"], percent["unit"]) == (54.4, 55.1, 0.7, "％")
    assert actual["old"] == ["委員へのヒアリング4回実施", "協議の場2回開催"]
    assert actual["new"] == ["委員へのヒアリング5回実施", "協議の場2回開催"]
    assert (target["old"], target["new"], target["difference"], target["unit"]) == ("10件", "12件", 2, "件")
    assert removed["old"]["frequency"] == {"text": "4回/年", "per_year": 4} and removed["new"] is None
    assert (frequency["old"], frequency["new"], frequency["difference"], frequency["unit"]) == (6, 12, 6, "回/年")
    assert added["new"]["frequency"] == {"text": "月1回", "per_year": 12}
    assert added["new"]["activities"] == ["退院支援の事例検討"]
    assert (month["old"], month["new"], month["difference"], month["unit"]) == ("2023-12", "2024-02", 2, "か月")


def test_the_text_for_people(new_version):
    r = nikosheet("diff", KAW, new_version)
    assert r.returncode == 0 and r.stderr == ""
    out = r.stdout.splitlines()
    assert out[0] == f"--- {KAW}  (川口市, 2023年度)"
    assert out[1] == f"+++ {new_version}  (川口市, 2023年度)"
    assert "\x1b[" not in r.stdout  # no colour into a pipe
    for line in [
        "1 基礎情報",
        "~ 人口: 604,894 人 → 605,321 人 (+427 人)  (old line 36 → new line 38)",
        "~ 入院精神障害者数 1年以上（構成割合）: 54.4 ％ → 55.1 ％ (+0.7 ポイント)  (old line 42 → new line 44)",
        "4 取組の成果・効果",
        "~ 指標「地域課題の抽出」 実績値  (old line 77 → new line 79)",
        "    - 委員へのヒアリング4回実施",
        "    + 委員へのヒアリング5回実施",
        "5 現時点における強みと課題",
        "~ 指標「「川口市精神保健福祉地域連携票」の活用」 目標値: 10件 → 12件 (+2 件)  (old line 97 → new line 99)",
        "7 協議の場の実施状況",
        "- 協議の場「委員ヒアリング」 4回/年  (old line 165)",
        "~ 協議の場「事務局会議」 開催頻度: 6 回/年 → 12 回/年 (+6 回/年)  (old line 164 → new line 166)",
        "+ 協議の場「地域移行支援部会」 月1回  (new line 167)",
        "8 今年度のスケジュール",
        "~ スケジュール「「にも包括」に関する研修会の実施」 時期(月): 2023-12 → 2024-02 (+2 か月)"
        "  (old line 183 → new line 186)",
        "8 changes: 6 changed, 1 added, 1 removed",
    ]:
        assert line in out
    assert "    - 協議の場2回開催" not in out  # a list's kept items are not repeated


def test_the_example_in_the_docs_is_what_the_command_prints(new_version, tmp_path):
    doc = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    example = doc.split("```console\n", 1)[1].split("```", 1)[0]
    command, printed = example.split("\n", 1)
    assert command == "$ nikosheet diff kawaguchi-r5.txt kawaguchi-r5-draft.txt"
    (tmp_path / "kawaguchi-r5.txt").write_bytes(KAW.read_bytes())
    (tmp_path / "kawaguchi-r5-draft.txt").write_bytes(new_version.read_bytes())
    r = nikosheet("diff", "kawaguchi-r5.txt", "kawaguchi-r5-draft.txt", cwd=tmp_path)
    assert r.stdout == printed


def test_identical_sheets_differ_in_nothing(new_version):
    r = nikosheet("diff", KAW, KAW, "--exit-code")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    r = nikosheet("diff", new_version, new_version, "--format", "json", "--exit-code")
    assert (r.returncode, r.stdout, r.stderr) == (0, "[]\n", "")


def test_exit_code_when_asked(new_version):
    assert nikosheet("diff", KAW, new_version, "--exit-code", "--format", "json").returncode == 1
    assert invoke("diff", KAW, new_version).exit_code == 0


def test_the_json_records(new_version):
    changes = records(nikosheet("diff", new_version, KAW, "-f", "json"))
    assert changes and all(set(c) == RECORD_KEYS for c in changes)
    assert {c["kind"] for c in changes} == {"added", "removed", "changed"}
    # the other way round: what was added is removed, the differences change sign, the lines swap
    population = changes[0]
    assert (population["old"], population["new"], population["difference"]) == (605321, 604894, -427)
    assert (population["old_line"], population["new_line"]) == (38, 36)
    added = next(c for c in changes if c["kind"] == "added")
    assert (added["key"], added["old"], added["new_line"]) == ("委員ヒアリング", None, 165)


@pytest.mark.parametrize("document", sorted(p for p in DOCUMENTS.iterdir() if p.is_file()), ids=lambda p: p.name)
def test_the_published_sheet_against_its_text(document):
    """The readers of PDF and DOCX give every value the text gives: not one change."""
    name = document.name.split(".")[0] + ".txt"
    text = SAMPLES / name if (SAMPLES / name).exists() else SHEETS / name
    r = nikosheet("diff", text, document, "--format", "json", "--exit-code")
    assert (r.returncode, records(r)) == (0, [])


def test_a_pdf_change_names_the_pdf_lines(new_version):
    """Lines of a PDF are those `nikosheet extract` prints."""
    pdf = DOCUMENTS / "kawaguchi-r5.chromium.pdf"
    extracted = nikosheet("extract", pdf).stdout.split("\n")
    changes = records(nikosheet("diff", pdf, new_version, "--format", "json"))
    population = changes[0]
    assert population["field"] == "population.value" and population["new_line"] == 38
    assert "604,894" in extracted[population["old_line"] - 1]
    assert (population["old_page"], population["new_page"]) == (1, None)
    schedule = changes[-1]
    assert schedule["field"] == "items.month" and schedule["old_page"] > 1
    assert "R5年12月" in extracted[schedule["old_line"] - 1]
    text = nikosheet("diff", pdf, new_version).stdout
    assert f"(old line {population['old_line']} p. 1 → new line 38)" in text


def test_two_different_bodies_are_compared_with_a_warning():
    r = nikosheet("diff", KAW, KAS, "--format", "json")
    assert r.returncode == 0
    assert r.stderr == (
        f"nikosheet: warning: {KAW} is of 川口市 and {KAS} of 柏市: not the same body; compared all the same\n"
    )
    changes = json.loads(r.stdout)
    assert changes[0] == {
        "section": "sheet",
        "kind": "changed",
        "field": "municipality",
        "key": None,
        "label": "自治体",
        "old": "川口市",
        "new": "柏市",
        "difference": None,
        "unit": None,
        "old_line": None,
        "new_line": None,
        "old_page": None,
        "new_page": None,
    }
    beds = next(c for c in changes if c["field"] == "psychiatric_beds.value")
    assert (beds["old"], beds["new"], beds["difference"], beds["unit"]) == (438, 1320, 882, "床")
    # 柏市 leaves the discharge rates empty: unknown, never 0, and no difference
    rate = next(c for c in changes if c["field"] == "discharge_rates.after_3_months")
    assert (rate["old"], rate["new"], rate["difference"], rate["unit"]) == (62.0, None, None, "％")
    # a section only one sheet has (the FY2024 template's long-term schedule)
    section = next(c for c in changes if c["section"] == "long_term_schedule")
    assert (section["kind"], section["field"], section["new_line"]) == ("added", None, 192)


def test_an_indicator_renamed_slightly_is_the_same_indicator():
    import nikosheet as api

    text = KAW.read_text(encoding="utf-8")
    # alike enough (0.7) only because both are ②; and a statistic left empty: unknown, not 0
    edits = [
        ("②地域課題の抽出\t", "②地域課題の抽出と整理・共有\t"),
        ("市町村数（R5年4月時点）\t\t1\t", "市町村数（R5年4月時点）\t\t\t"),
    ]
    renamed = text
    for old, new in edits:
        assert renamed.count(old) == 1
        renamed = renamed.replace(old, new)
    changes = api.diff(api.parse_text_data(text), api.parse_text_data(renamed))
    assert [(c.field, c.key, c.old, c.new, c.difference) for c in changes] == [
        ("municipalities.value", None, 1, None, None),
        ("indicators.name", "地域課題の抽出と整理・共有", "地域課題の抽出", "地域課題の抽出と整理・共有", None),
    ]
    assert [c.section for c in changes] == ["basic_info", "outcomes"]


def test_the_library_reads_paths_and_finds_the_slogan(new_version, tmp_path):
    import nikosheet as api
    from nikosheet.output.diff import Change

    assert api.diff(api.parse_file(KAW), api.parse_file_data(KAW)) == []  # a Sheet model, plain data
    moved = tmp_path / "slogan.txt"
    moved.write_text(second_version().replace("暮らしがつつく", "暮らしがつづく"), encoding="utf-8")
    changes = api.diff(new_version, moved)
    assert changes == [
        Change(
            "sheet",
            "changed",
            "slogan",
            None,
            "スローガン",
            "「安心して 帰れる 帰せる\n暮らしがつつく 川口市」",
            "「安心して 帰れる 帰せる\n暮らしがつづく 川口市」",
            old_line=8,
            new_line=8,
        )
    ]


def test_standard_input_and_an_output_file(new_version, tmp_path):
    out = tmp_path / "changes.json"
    r = nikosheet("diff", KAW, "-", "-f", "json", "-o", out, input=new_version.read_text(encoding="utf-8"))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 8


def test_colour_when_asked(new_version):
    r = invoke("diff", KAW, new_version, "--color", "always")
    assert "\x1b[33m~ 人口: 604,894 人 → 605,321 人 (+427 人)  (old line 36 → new line 38)\x1b[0m" in r.stdout
    assert "\x1b[31m- 協議の場「委員ヒアリング」 4回/年  (old line 165)\x1b[0m" in r.stdout


def test_a_bad_sheet_is_named_in_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = nikosheet("diff", KAW, empty)
    assert (r.returncode, r.stdout, r.stderr) == (1, "", f"nikosheet: {empty}: file is empty\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", KAW], "missing.txt: no such file or folder"),
        ([SAMPLES, KAW], f"{SAMPLES} is a folder; diff compares two files"),
        (["-", "-"], "standard input (-) can be read only once"),
        ([KAW, KAS, "--format", "yaml"], "--format must be one of text, json, not 'yaml'"),
    ],
)
def test_misuse(args, message):
    r = invoke("diff", *args)
    assert r.exit_code == 2
    assert r.stderr == f"nikosheet: error: {message}\n"


def test_an_indicator_put_first_renumbers_the_others():
    import nikosheet as api

    text = KAW.read_text(encoding="utf-8")
    first = "①保健医療と福祉の連携\t"
    assert text.count(first) == 1 and text.count("②地域課題の抽出\t") == 1
    new_row = "①ピアサポーターの活動\t養成講座の開催\t講座2回\t当事者の参画が進んだ\n"
    edited = text.replace("②地域課題の抽出\t", "③地域課題の抽出\t").replace(first, new_row + "②保健医療と福祉の連携\t")
    changes = api.diff(api.parse_text_data(text), api.parse_text_data(edited))
    assert [(c.kind, c.field, c.key, c.old, c.new, c.difference, c.old_line, c.new_line) for c in changes] == [
        ("changed", "indicators.number", "保健医療と福祉の連携", 1, 2, 1, 76, 77),
        ("changed", "indicators.number", "地域課題の抽出", 2, 3, 1, 77, 78),
        (
            "added",
            "indicators",
            "ピアサポーターの活動",
            None,
            {
                "number": 1,
                "name": "ピアサポーターの活動",
                "target": ["養成講座の開催"],
                "actual": ["講座2回"],
                "effects": ["当事者の参画が進んだ"],
            },
            None,
            None,
            76,
        ),
    ]


@pytest.mark.parametrize("name", ["kashiwa-r6.txt", *sorted(p.name for p in SHEETS.glob("*.txt"))])
def test_every_fixture_sheet_compares_with_kawaguchi(parsed, name):
    """Any two real or realistic sheets compare without failing, into well-formed records."""
    import nikosheet as api

    changes = api.diff(parsed("kawaguchi-r5.txt"), parsed(name))
    assert bool(changes) != name.startswith("kawaguchi")  # the same sheet in CP932 with CRLF: no change
    for c in changes:
        assert c.kind in ("added", "removed", "changed") and c.label
        assert all(line is None or (isinstance(line, int) and line > 0) for line in (c.old_line, c.new_line))
        assert c.difference is None or isinstance(c.difference, int | float)
        assert (c.kind == "added") <= (c.old is None) and (c.kind == "removed") <= (c.new is None)
    assert api.diff(parsed(name), parsed(name)) == []


@pytest.mark.parametrize("name", ["kashiwa-utf16.txt", "kashiwa-utf8bom-cr.txt"])
def test_another_encoding_is_no_change(name):
    r = nikosheet("diff", KAS, SHEETS / name, "--exit-code")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
