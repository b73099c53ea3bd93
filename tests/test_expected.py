"""Every field of every fixture, value by value, against its expected YAML."""

from __future__ import annotations

import pytest
import yaml

from conftest import EXPECTED, SAMPLES, SHEETS, subset_mismatches

CASES = sorted(p.stem for p in EXPECTED.glob("*.yaml"))


def _sheet_name(stem: str) -> str:
    return f"{stem}.txt"


@pytest.mark.parametrize("stem", CASES)
def test_document_matches_expected(stem, parsed):
    expected = yaml.safe_load((EXPECTED / f"{stem}.yaml").read_text(encoding="utf-8"))
    expected.pop("diagnostics_include", None)
    problems = subset_mismatches(expected, parsed(_sheet_name(stem)))
    assert problems == []


@pytest.mark.parametrize("stem", CASES)
def test_expected_diagnostics_reported(stem, parsed):
    expected = yaml.safe_load((EXPECTED / f"{stem}.yaml").read_text(encoding="utf-8"))
    wanted = expected.get("diagnostics_include") or []
    have = {(d["code"], d["line"]) for d in parsed(_sheet_name(stem))["diagnostics"]}
    missing = [d for d in wanted if (d["code"], d["line"]) not in have]
    assert missing == []


def test_every_fixture_has_expectations():
    sheets = {p.stem for p in SAMPLES.glob("*.txt")} | {p.stem for p in SHEETS.glob("*.txt")}
    encoded_copies = {s for s in sheets if any(tag in s for tag in ("cp932", "utf16", "utf8bom"))}
    assert sheets - encoded_copies <= set(CASES)
