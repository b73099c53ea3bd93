"""The charts of the report: the bodies compared on their latest year, and each body's trend."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from nikosheet.output.report import charts
from nikosheet.output.report.bodies import KINDS
from nikosheet.output.report.figures import (
    BEDS_PER_10K,
    COUNCIL_MEETINGS,
    LONG_STAY,
    OUTCOME_INDICATORS,
    PLANNED_INDICATORS,
    TRENDS,
    Stat,
    first_of_each_year,
    latest,
    shown_name,
    years_text,
)
from nikosheet.output.report.style import KIND_COLORS, OTHER_COLOR
from nikosheet.output.report.summary import SheetSummary


def _label(s: SheetSummary, with_year: bool) -> str:
    name = shown_name(s)
    return f"{name}（{s.fiscal_year}）" if with_year and s.fiscal_year is not None else name


def comparison(sheets: Sequence[SheetSummary], anchors: dict[int, str]) -> str:
    bodies = [latest(years) for years in first_of_each_year(sheets).values()]
    with_year = len({s.fiscal_year for s in bodies}) > 1
    legend = "".join(
        f'<span class="key"><i style="background:{KIND_COLORS.get(k, OTHER_COLOR)}"></i>{escape(k)}</span>'
        for k in (*KINDS, "区分不明")
        if any((s.kind or "区分不明") == k for s in bodies)
    )
    when = "各団体の最新の年度" if with_year else years_text(bodies)
    figures = [_stat_chart(stat, bodies, anchors, with_year) for stat in (LONG_STAY, COUNCIL_MEETINGS, BEDS_PER_10K)]
    figures.append(_indicator_chart(bodies, anchors, with_year))
    return (
        f'<section id="charts"><h2>団体の比較</h2><p>{escape(when)}のシートによる。区分: {legend}</p>'
        f"{''.join(figures)}</section>"
    )


def _figure(title: str, svg: str, notes: list[str]) -> str:
    note = "".join(f'<p class="note">{n}</p>' for n in notes)
    return f"<figure><figcaption>{escape(title)}</figcaption>{svg}{note}</figure>"


def _missing_note(missing: list[str]) -> list[str]:
    return [f"値が不明のため図にないもの: {'、'.join(escape(m) for m in missing)}"] if missing else []


def _stat_chart(stat: Stat, bodies: list[SheetSummary], anchors: dict[int, str], with_year: bool) -> str:
    known = sorted((s for s in bodies if stat.get(s) is not None), key=lambda s: -(stat.get(s) or 0.0))
    missing = [_label(s, with_year) for s in bodies if stat.get(s) is None]
    notes = _missing_note(missing)
    if stat is COUNCIL_MEETINGS:
        partial = [
            f"{_label(s, with_year)}（{s.councils_without_frequency}）" for s in known if s.councils_without_frequency
        ]
        if partial:
            notes.append(f"回数の書かれていない会議（随時など）は数えていない: {'、'.join(escape(p) for p in partial)}")
    if not known:
        return _figure(stat.title, '<p class="empty">どの団体も値が不明です。</p>', notes)
    rows = [
        charts.Row(
            _label(s, with_year), (stat.get(s),), KIND_COLORS.get(s.kind or "", OTHER_COLOR), f"#{anchors[id(s)]}"
        )
        for s in known
    ]
    svg = charts.bar_chart(stat.title, rows, [charts.Series(stat.title, OTHER_COLOR)], stat.unit, stat.digits)
    return _figure(stat.title, svg, notes)


_INDICATOR_SERIES = (
    charts.Series("成果の指標（第4節）", "#4e79a7"),
    charts.Series("うち実績値の記載あり", "#a0cbe8"),
    charts.Series("計画の指標（第5節）", "#f28e2b"),
)


def _indicator_values(s: SheetSummary) -> tuple[float | None, ...]:
    actual = None if s.indicators_with_actual is None else float(s.indicators_with_actual)
    return OUTCOME_INDICATORS.get(s), actual, PLANNED_INDICATORS.get(s)


def _indicator_chart(bodies: list[SheetSummary], anchors: dict[int, str], with_year: bool) -> str:
    title = "指標の数: 成果（第4節、うち実績値の記載あり）と計画（第5節）"
    known = [s for s in bodies if any(v is not None for v in _indicator_values(s))]
    notes = _missing_note([_label(s, with_year) for s in bodies if s not in known])
    legend = "".join(
        f'<span class="key"><i style="background:{ser.color}"></i>{escape(ser.name)}</span>'
        for ser in _INDICATOR_SERIES
    )
    notes.insert(0, legend)
    if not known:
        return _figure(title, '<p class="empty">どの団体も値が不明です。</p>', notes)
    rows = [charts.Row(_label(s, with_year), _indicator_values(s), None, f"#{anchors[id(s)]}") for s in known]
    return _figure(title, charts.bar_chart(title, rows, _INDICATOR_SERIES, "件", 0), notes)


def trend_charts(by_body: dict[str, list[SheetSummary]], ids: dict[str, str]) -> str:
    if not by_body:
        return ""
    blocks = []
    for body, sheets in by_body.items():
        name = escape(shown_name(sheets[0]))
        figures = []
        for stat in TRENDS:
            points = [(s.fiscal_year or 0, stat.get(s)) for s in sheets]
            missing = [f"{year}年度" for year, v in points if v is None]
            svg = charts.line_chart(f"{sheets[0].name} {stat.title}", points, stat.unit, stat.digits)
            figures.append(_figure(stat.title, svg, _missing_note(missing)))
        blocks.append(
            f'<div class="trend" id="{ids[body]}"><h3>{name}</h3><div class="grid">{"".join(figures)}</div></div>'
        )
    return f'<section id="trends"><h2>経年の推移</h2>{"".join(blocks)}</section>'
