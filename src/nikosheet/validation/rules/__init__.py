"""The validation rules: one module each, registered here in order.

A rule module has `CODE` (stable: NS0xx the file, NS1xx structure, NS2xx arithmetic, NS3xx choices
and placeholders, NS4xx dates, NS5xx content), `NAME` (kebab-case), `SEVERITY` (its default:
error, warning or info), a module docstring that is its documentation, and
`check(doc) -> Iterator[Finding]` working on the parsed document as plain data.  A finding may carry
its own severity when one rule covers cases of different weight.  A rule that reports the parser's
diagnostics names their codes in `DIAGNOSTICS`; `parser-diagnostic` reports any that no rule names.
"""

from __future__ import annotations

from types import ModuleType

from nikosheet.diagnostics import Diagnostic
from nikosheet.validation.rules import (
    ambiguous_choice,
    approximate_value,
    as_of_date,
    choice_contradicts_count,
    consultation_office_count,
    control_characters,
    council_frequency,
    council_setup_count,
    discharge_rates,
    duplicate_council,
    duplicate_indicator,
    empty_field,
    empty_section,
    empty_statistic,
    guidance_in_table,
    indicator_without_value,
    inpatient_age_split,
    inpatient_percent,
    inpatient_percent_sum,
    inpatient_total,
    internal_error,
    long_term_year_order,
    missing_section,
    missing_statistic,
    parser_diagnostic,
    placeholder,
    programme_end_year,
    schedule_month_in_year,
    schedule_month_order,
    section_order,
    statistics_plausible,
    truncated_file,
    unexpected_row,
    unmarked_choice,
    unparsed_line,
    unreadable_file,
    unreadable_value,
)
from nikosheet.validation.rules._common import Finding

_MODULES = (
    unreadable_file,
    internal_error,
    truncated_file,
    control_characters,
    missing_section,
    empty_section,
    section_order,
    missing_statistic,
    empty_statistic,
    unparsed_line,
    unreadable_value,
    unexpected_row,
    parser_diagnostic,
    inpatient_total,
    inpatient_percent_sum,
    inpatient_percent,
    inpatient_age_split,
    consultation_office_count,
    statistics_plausible,
    discharge_rates,
    approximate_value,
    unmarked_choice,
    ambiguous_choice,
    placeholder,
    guidance_in_table,
    council_setup_count,
    choice_contradicts_count,
    as_of_date,
    schedule_month_in_year,
    schedule_month_order,
    long_term_year_order,
    programme_end_year,
    indicator_without_value,
    council_frequency,
    duplicate_indicator,
    duplicate_council,
    empty_field,
)

REGISTRY: dict[str, ModuleType] = {m.CODE: m for m in sorted(_MODULES, key=lambda m: m.CODE)}
BY_NAME: dict[str, str] = {m.NAME: m.CODE for m in _MODULES}

# the codes the runner reports itself, not a rule's check
UNREADABLE_FILE = unreadable_file.CODE
INTERNAL_ERROR = internal_error.CODE


def reported_by(diagnostic: Diagnostic) -> list[str]:
    """The codes of the rules that report a parser diagnostic; NS109 (parser-diagnostic) when none
    claims it, none when it is silent (the template's own text)."""
    from nikosheet.validation.rules.parser_diagnostic import SILENT

    codes = [m.CODE for m in REGISTRY.values() if diagnostic in getattr(m, "DIAGNOSTICS", ())]
    if codes or diagnostic in SILENT:
        return codes
    return [parser_diagnostic.CODE]


def summary(module: ModuleType) -> str:
    """The first line of the rule's docstring."""
    return (module.__doc__ or "").strip().splitlines()[0].strip() if module.__doc__ else ""


def description(module: ModuleType) -> str:
    """The rest of the rule's docstring, paragraphs kept."""
    lines = (module.__doc__ or "").strip().splitlines()[1:]
    return "\n".join(lines).strip()


__all__ = ["BY_NAME", "INTERNAL_ERROR", "REGISTRY", "UNREADABLE_FILE", "Finding", "description", "summary"]
