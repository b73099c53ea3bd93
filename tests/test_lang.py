"""Messages in English and Japanese, every code explained, and the Japanese documentation in step
with the English."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from types import ModuleType

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, ROOT, SAMPLES, SHEETS
from nikosheet import diagnostic_messages, i18n
from nikosheet.cli import parse as parse_cli
from nikosheet.cli import table as table_cli
from nikosheet.cli.app import app
from nikosheet.diagnostics import Diagnostic
from nikosheet.errors import UsageError
from nikosheet.i18n import Template, field_names, resolve_lang
from nikosheet.validation import explain, reporters
from nikosheet.validation.rules import BY_NAME, REGISTRY, _common, reported_by

KAWAGUCHI = SAMPLES / "kawaguchi-r5.txt"
KASHIWA = SAMPLES / "kashiwa-r6.txt"
KANA = re.compile(r"[ぁ-んァ-ヶ]")
JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龯]")
ENGLISH_PROSE = re.compile(r"\b[A-Za-z]{2,} [a-z]{2,}\b")  # two English words in a row
JA = {"LANG": "ja_JP.UTF-8"}


def cli(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nikosheet", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner(env=env).invoke(app, list(args))


# ---------------------------------------------------------------- the language


@pytest.mark.parametrize(
    ("option", "environ", "lang"),
    [
        (None, {}, "en"),
        (None, {"LANG": "ja_JP.UTF-8"}, "ja"),
        (None, {"LANG": "ja"}, "ja"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "C"}, "ja"),
        (None, {"LC_ALL": "C.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LANG": "ja_JP.eucJP"}, "ja"),  # an empty variable is not set
        ("en", {"LC_ALL": "ja_JP.UTF-8"}, "en"),
        ("ja", {"LANG": "C"}, "ja"),
        ("JA", {}, "ja"),
    ],
)
def test_resolve_lang(option, environ, lang):
    assert resolve_lang(option, environ) == lang


def test_unknown_lang_is_misuse():
    with pytest.raises(UsageError, match="--lang must be one of en, ja, not 'fr'"):
        resolve_lang("fr", {})
    with pytest.raises(UsageError, match=r"^lang in nikosheet\.toml must be one of en, ja, not 'de'$"):
        resolve_lang("de", {"LANG": "ja_JP.UTF-8"}, source="lang in nikosheet.toml")
    r = invoke("validate", "--lang", "fr", str(KAWAGUCHI))
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == ["nikosheet: error: --lang must be one of en, ja, not 'fr'"]


# ---------------------------------------------------------------- every message in both languages


def _templates(module: ModuleType) -> dict[str, Template]:
    return {name: v for name, v in vars(module).items() if isinstance(v, Template)}


MODULES = [*REGISTRY.values(), diagnostic_messages, reporters, explain, _common, parse_cli, table_cli]
TEMPLATES = {f"{m.__name__}.{name}": t for m in MODULES for name, t in _templates(m).items()}
TEMPLATES.update({f"{d.value}.why": diagnostic_messages.explained(d).why for d in Diagnostic})
TEMPLATES.update({f"{d.value}.fix": diagnostic_messages.explained(d).fix for d in Diagnostic})


def _prose(text: str) -> str:
    """A template's text without its fields and without the commands it names (`nikosheet rules`)."""
    literal = "".join(literal for literal, *_ in string.Formatter().parse(text))
    return re.sub(r"nikosheet( [-\w.…]+)+", "", literal)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_in_both_languages(name):
    t = TEMPLATES[name]
    assert t.en.strip() and t.ja.strip(), name
    assert field_names(t.en) == field_names(t.ja), name
    if ENGLISH_PROSE.search(_prose(t.en)):  # English words in one, Japanese words in the other
        assert JAPANESE.search(_prose(t.ja)) and not ENGLISH_PROSE.search(_prose(t.ja)), t.ja


@pytest.mark.parametrize("code", list(REGISTRY))
def test_every_rule_explained_in_both_languages(code):
    rule = REGISTRY[code]
    assert KANA.search(rule.TITLE_JA) and KANA.search(rule.WHAT_JA)
    assert isinstance(rule.WHY, Template) and isinstance(rule.FIX, Template)
    assert rule.EXAMPLE is None or (rule.EXAMPLE.fails.strip() and rule.EXAMPLE.passes.strip())
    assert rule.EXAMPLE is not None or code == "NS002"  # only a bug of nikosheet has no sheet to show


# rules whose example is about the file, or needs more than one edit: told, not run
ILLUSTRATED = {"NS001", "NS002", "NS003", "NS004", "NS103", "NS109"}


@pytest.mark.parametrize("code", [c for c in REGISTRY if c not in ILLUSTRATED])
def test_each_rule_example_is_real(code):
    """The example is a real sample's text: the fixed form is in a sample and the reported form,
    put in its place, makes the rule report more (or the other way round)."""
    from nikosheet import parse_text_data
    from nikosheet.validation.engine import run

    rule = REGISTRY[code]
    fails, passes = rule.EXAMPLE
    for path in (KAWAGUCHI, KASHIWA):
        text = path.read_text(encoding="utf-8")
        before = len(run(parse_text_data(text), [code]))
        if text.count(passes) == 1:
            assert len(run(parse_text_data(text.replace(passes, fails)), [code])) > before
            return
        if text.count(fails) == 1:
            assert len(run(parse_text_data(text.replace(fails, passes)), [code])) < before
            return
    pytest.fail(f"{code}: neither form of the example is in a sample")


def test_every_parser_diagnostic_explained():
    for d in Diagnostic:
        about = diagnostic_messages.explained(d)
        assert KANA.search(about.summary_ja), d


def _diagnostics_of_the_samples() -> list[dict]:
    from nikosheet import parse_file_data

    paths = sorted(SAMPLES.glob("*.txt")) + sorted(SHEETS.glob("*.txt"))
    return [d for p in paths for d in parse_file_data(p)["diagnostics"]]


def test_parser_messages_read_back():
    """Every diagnostic the parser writes on the samples and fixtures is one of the templates: it can be
    shown in Japanese."""
    found = _diagnostics_of_the_samples()
    assert len(found) > 100
    for d in found:
        message = diagnostic_messages.read(d["message"])
        assert isinstance(message, i18n.Message), d
        assert message.render("en") == d["message"]
        assert KANA.search(message.render("ja")), d


@pytest.mark.parametrize("template", diagnostic_messages.TEMPLATES, ids=lambda t: t.en[:40])
def test_each_parser_template_reads_back(template):
    values = {name: f"値{k}" for k, name in enumerate(sorted(field_names(template.en)))}
    text = template(**values).render("en")
    message = diagnostic_messages.read(text)
    assert isinstance(message, i18n.Message) and message.template == template
    assert dict(message.fields) == values


def test_a_field_written_twice_in_a_template_reads_back_once():
    # a repeated field once made every template's pattern fail to compile, and validate with it
    template = i18n.Template("{first} and {second}: read as {first}'s", "「{first}」と「{second}」")
    pattern, _ = diagnostic_messages._pattern(template)
    assert pattern.match("医療 and 福祉: read as 医療's").groupdict() == {"first": "医療", "second": "福祉"}
    assert pattern.match("医療 and 福祉: read as 福祉's") is None


def test_a_missing_table_reads_the_same_in_english_and_in_japanese():
    from nikosheet import parse_file_data

    doc = parse_file_data(FIXTURES / "converters" / "city-table-shapes-fy2023--lopdf-pdftotext.txt")
    d = next(d for d in doc["diagnostics"] if d["code"] == "missing-table" and d["message"].startswith("section 7"))
    kept = d["message"].rsplit("; ", 1)[1].split()[0]  # how many lines this converter's text left
    assert d["message"] == f"section 7: no 協議の場 (名称 / 構成員 / 開催頻度) table found; {kept} lines kept as text"
    assert diagnostic_messages.read(d["message"]).render("ja") == (
        f"節 7: 協議の場 (名称 / 構成員 / 開催頻度)の表が見つかりません。{kept}行を文章として残しました"
    )


def test_an_unknown_message_stays_as_it_is():
    assert diagnostic_messages.read("something no template says") == "something no template says"


# ---------------------------------------------------------------- validate in Japanese


def _message(line: str) -> str:
    """`path:line: severity CODE message` → message."""
    return re.split(r" (?:error|warning|info) NS\d{3} ", line, maxsplit=1)[1]


def test_validate_in_japanese_from_lang():
    r = cli("validate", SAMPLES, SHEETS, env=JA)
    assert r.returncode == 1  # minimal-fy2023.txt lacks sections
    lines = r.stdout.splitlines()
    problems = [ln for ln in lines if not ln.startswith(" ")]
    hints = [ln for ln in lines if ln.startswith(" ")]
    en = cli("validate", SAMPLES, SHEETS, env={"LANG": "C.UTF-8"})
    english = [ln for ln in en.stdout.splitlines() if not ln.startswith(" ")]
    assert len(problems) == len(hints) == len(english) > 100  # every finding, each with its hint
    for line in problems:
        message = _message(line)
        assert KANA.search(message) and not ENGLISH_PROSE.search(message), line
    assert all(h.startswith("    直し方: ") and KANA.search(h) for h in hints)
    assert (
        f"{KAWAGUCHI}:53: warning NS301 "
        "精神領域に関する議論を行う部会の有無: 「有・無」のどちらにも印がありません。回答が不明です"
    ) in problems
    assert f"{KASHIWA}:203: warning NS303 ひな形のままの「R●年度」" in problems
    assert f"{KASHIWA}:34: warning NS105 入院後3か月時点が空欄です" in problems
    assert any(
        ln.startswith(f"{KASHIWA}:33: warning NS204 入院精神障害者数: 65歳での内訳 119 + 221 = 340 が1年以上（236）")
        for ln in problems
    )
    minimal = SHEETS / "minimal-fy2023.txt"
    assert f"{minimal}:72: error NS101 シートに「強みと課題」の節がありません（strengths_and_issues）" in problems
    files, errors, warnings, info = re.findall(r"\d+", en.stderr)[-4:]
    assert r.stderr.strip() == f"{files} ファイル: エラー {errors} 件、警告 {warnings} 件、情報 {info} 件"
    assert (files, errors) == (str(len(list(SAMPLES.glob("*.txt"))) + len(list(SHEETS.glob("*.txt")))), "5")


def test_lang_option_overrides_the_locale():
    english = cli("validate", SAMPLES, env={"LANG": "C.UTF-8"})
    assert cli("validate", "--lang", "en", SAMPLES, env={"LC_ALL": "ja_JP.UTF-8"}).stdout == english.stdout
    unmarked = "精神領域に関する議論を行う部会の有無: neither option of '有・無' is marked: the answer is unknown"
    assert f"{KAWAGUCHI}:53: warning NS301 {unmarked}\n" in english.stdout
    assert "    hint: Mark one option, (有) or (無)" in english.stdout
    assert english.stderr.strip() == "2 files: 0 errors, 9 warnings, 8 info"
    japanese = invoke("validate", "--lang", "ja", str(KAWAGUCHI), env={"LANG": "C"})
    assert "回答が不明です" in japanese.stdout
    assert japanese.stderr.strip() == "1 ファイル: エラー 0 件、警告 3 件、情報 3 件"


def test_parse_and_table_summaries_in_japanese(tmp_path):
    r = invoke("parse", str(SAMPLES), "-o", str(tmp_path / "out"), env=JA)
    assert r.exit_code == 0
    assert r.stderr.strip() == "nikosheet: 2 枚: 2 件を変換、0 件失敗。診断: エラー 0 件、警告 9 件、情報 11 件"
    r = invoke("table", str(SAMPLES), "--lang", "ja")
    assert r.exit_code == 0 and r.stderr.strip() == "nikosheet: 2 枚: 2 行を標準出力に書き出し、0 件失敗"
    r = invoke("table", str(SAMPLES), "--lang", "en", env=JA)
    assert r.stderr.strip() == "nikosheet: 2 sheets: 2 rows written to standard output, 0 failed"


def test_hints_in_json_and_github(tmp_path):
    data = json.loads(invoke("validate", "-f", "json", "--lang", "ja", str(KASHIWA)).stdout)
    assert all(p["hint"] and KANA.search(p["hint"]) for p in data)
    assert data[0]["hint"] == "1年以上の入院患者を年齢で分け、二つの和が1年以上の人数と等しくなるようにしてください。"
    github = invoke("validate", "-f", "github", str(KASHIWA)).stdout.splitlines()[0]
    assert github.endswith("%0Ahint: Split the 1年以上 inpatients by age, so that the two add up to 1年以上.")


def test_unreadable_file_in_japanese(tmp_path):
    p = tmp_path / "memo.txt"
    p.write_text("見出しのないメモ\n", encoding="utf-8")
    r = invoke("validate", "--lang", "ja", str(p))
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0] == (
        f"{p}: error NS001 シートとして読めません: にも包括のシートではありません: 節の見出しがありません"
    )


# ---------------------------------------------------------------- rules CODE

SECTIONS = {
    "en": ("Why it matters:", "How to fix it:"),
    "ja": ("なぜ問題か:", "直し方:"),
}
EVERY_CODE = [*REGISTRY, *BY_NAME, *(d.value for d in Diagnostic)]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("code", EVERY_CODE)
def test_rules_code_explains_every_code(code, lang):
    r = invoke("rules", code, "--lang", lang)
    assert r.exit_code == 0, r.output
    head = r.stdout.splitlines()[0]
    rule = REGISTRY.get(code) or REGISTRY.get(BY_NAME.get(code, ""))
    if rule is not None:
        assert head == f"{rule.CODE} {rule.NAME} ({rule.SEVERITY})"
        example = ("Example:", "    reported:", "    fixed:") if lang == "en" else ("例:", "    指摘される書き方:")
        if rule.EXAMPLE is not None:
            assert all(s in r.stdout.splitlines() for s in example)
    else:
        assert head == f"{code} ({Diagnostic(code).severity})"
    assert all(s in r.stdout.splitlines() for s in SECTIONS[lang])
    data = json.loads(invoke("rules", code, "--format", "json", "--lang", lang).stdout)
    assert data["code"] in (code, rule.CODE if rule else None)
    assert all(data[k] for k in ("name", "severity", "summary", "description", "why", "fix"))


def test_rules_code_text_in_full():
    r = cli("rules", "ns204", env=JA)
    lines = r.stdout.splitlines()
    assert lines[:4] == [
        "NS204 inpatient-age-split (error)",
        "65歳での内訳が1年以上の人数と合わない",
        "",
        "検査すること:",
    ]
    assert "直し方:" in lines and lines[-2:] == ["    直した書き方:", "        \t\tうち65歳未満\t67\t人"]
    english = invoke("rules", "NS204").stdout.splitlines()
    assert english[1] == "A 65-year split of the inpatients that does not add up to 1年以上."
    assert "    Split the 1年以上 inpatients by age, so that the two add up to 1年以上." in english


def test_rules_code_of_a_parser_diagnostic():
    r = invoke("rules", "missing-value")
    assert r.stdout.splitlines()[:2] == [
        "missing-value (info)",
        "A cell the template asks for is empty: the value is unknown (null).",
    ]
    assert "Reported by: NS105, NS502, NS505" in r.stdout.splitlines()
    # a name that is a rule's and a diagnostic's is the rule, which names the diagnostic it reports
    r = invoke("rules", "unmarked-choice")
    assert r.stdout.startswith("NS301 unmarked-choice (warning)\n")
    assert "Parser diagnostics it reports: unmarked-choice" in r.stdout.splitlines()


def test_what_validate_prints_can_be_looked_up():
    """Every code and name validate reports, and every rule a parser diagnostic is reported by."""
    problems = json.loads(invoke("validate", "-f", "json", str(SAMPLES), str(SHEETS)).stdout)
    shown = {p["code"] for p in problems} | {p["name"] for p in problems}
    shown |= {code for d in Diagnostic for code in reported_by(d)}
    for code in shown:
        assert invoke("rules", code).exit_code == 0, code


def test_unknown_code_is_one_line_and_exit_2():
    r = invoke("rules", "NS999")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        "nikosheet: error: unknown rule or diagnostic code 'NS999'; `nikosheet rules` lists them"
    ]


def test_rules_listing_in_japanese():
    r = invoke("rules", "--lang", "ja")
    rules, diagnostics = r.stdout.split("\n\n")
    assert re.match(
        r"NS204\s+inpatient-age-split\s+error\s+65歳での内訳が1年以上の人数と合わない$",
        rules.splitlines()[[*REGISTRY].index("NS204")],
    )
    assert diagnostics.splitlines()[0] == "パーサーの診断（文書の diagnostics[].code）と、それを報告するルール:"
    data = json.loads(invoke("rules", "-f", "json", "--lang", "ja").stdout)
    assert all(KANA.search(d["summary"]) and KANA.search(d["why"]) and KANA.search(d["fix"]) for d in data)


# ---------------------------------------------------------------- the Japanese documentation

COMMANDS = {c.name or c.callback.__name__ for c in app.registered_commands}
COMMAND = re.compile(rf"\bnikosheet (?:--debug )?({'|'.join(sorted(COMMANDS))})\b")
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]+)")


def _named(path) -> set[str]:
    """The commands (`nikosheet validate`) and options (`--strict`) a document names."""
    text = path.read_text(encoding="utf-8")
    return {f"nikosheet {c}" for c in COMMAND.findall(text)} | set(OPTION.findall(text))


@pytest.mark.parametrize(
    ("english", "japanese"), [("README.md", "README.ja.md"), ("docs/validate.md", "docs/validate.ja.md")]
)
def test_japanese_docs_name_what_the_english_name(english, japanese):
    en, ja = _named(ROOT / english), _named(ROOT / japanese)
    assert sorted(en - ja) == [], f"named in {english}, not in {japanese}"
    assert sorted(ja - en) == [], f"named in {japanese}, not in {english}"


def test_readme_links_the_japanese_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(README.ja.md)" in readme and "(docs/validate.ja.md)" in (ROOT / "README.ja.md").read_text(encoding="utf-8")
    assert "(validate.ja.md)" in (ROOT / "docs" / "validate.md").read_text(encoding="utf-8")


def test_why_a_file_cannot_be_read_in_japanese(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = cli("validate", tmp_path / "empty.txt", tmp_path / "gone.txt", "--lang", "ja")
    lines = [line for line in r.stdout.splitlines() if not line.startswith(" ")]
    assert lines == [
        f"{tmp_path / 'empty.txt'}: error NS001 シートとして読めません: ファイルが空です",
        f"{tmp_path / 'gone.txt'}: error NS001 シートとして読めません: ファイルもフォルダもありません",
    ]
    english = cli("validate", tmp_path / "empty.txt", "--lang", "en")
    assert english.stdout.startswith(f"{tmp_path / 'empty.txt'}: error NS001 file is empty\n")
