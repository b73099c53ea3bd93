"""SVG charts drawn here, as text: horizontal bars by body, and a line over fiscal years.

No script and no external reference: each chart is an inline `<svg>` with its axis, grid, tick
labels, the unit, and every value written at its bar or point. The font is the page's (CSS), so
Japanese labels use the system's CJK fonts. A value that is None is not drawn: the caller lists it
under the chart. Every text is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

FONT_PX = 12
_LABEL_MAX_PX = 200  # a longer label is cut with … (its full text is the bar's tooltip)


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class Row:
    label: str  # the body (and year), shown left of its bars
    values: tuple[float | None, ...]  # one per series; None is not drawn
    color: str | None = None  # overrides the series' colour (one series: the body's kind)
    href: str | None = None  # a fragment (#sheet-3) the label links to


def text_width(text: str, px: float = FONT_PX) -> float:
    """About how wide `text` is drawn: a full-width character is 1 em, others about half."""
    return sum(px if ord(c) > 0x2E7F else px * 0.6 for c in text)


def _cut(text: str, max_px: float) -> str:
    if text_width(text) <= max_px:
        return text
    while text and text_width(text + "…") > max_px:
        text = text[:-1]
    return text + "…"


def nice_ticks(lo: float, hi: float, count: int = 5, least_step: float = 0.0) -> list[float]:
    """Round tick values covering lo..hi, about `count` of them (steps of 1, 2, 2.5 or 5 × 10ⁿ, and
    at least `least_step`: 1 for counts)."""
    span = hi - lo
    if span <= 0:
        span = abs(hi) or 1.0
        lo, hi = lo - span / 2 if lo else lo, hi + span / 2
        span = hi - lo
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = max(least_step, next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))
    first, last = math.floor(lo / step), math.ceil(hi / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def number(value: float, digits: int) -> str:
    """`604894` → `604,894`; `54.4` with one digit → `54.4`."""
    return f"{value:,.{digits}f}"


def _least_step(digits: int) -> float:
    """Values written without decimals are counts: no tick between two whole numbers."""
    return 1.0 if digits == 0 else 0.0


def _tick_digits(ticks: list[float]) -> int:
    """The fewest decimals that write every tick as it is (0.25 → 2)."""
    return next((d for d in range(4) if all(abs(round(t, d) - t) < 1e-9 for t in ticks)), 4)


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


def bar_chart(title: str, rows: Sequence[Row], series: Sequence[Series], unit: str, digits: int) -> str:
    """Horizontal bars, a group of one bar per series for each row, from 0; values at the bars' ends."""
    width = 760.0
    label_w = min(_LABEL_MAX_PX, max((text_width(r.label) for r in rows), default=40.0)) + 10
    x0, x1 = label_w + 8, width - 80
    bar_h, gap = (18.0, 10.0) if len(series) == 1 else (13.0, 12.0)
    group_h = bar_h * len(series) + gap
    top, axis_h = 10.0, 38.0
    known = [v for r in rows for v in r.values if v is not None]
    ticks = nice_ticks(min(0.0, *known) if known else 0.0, max(known, default=1.0), 5, _least_step(digits))
    lo, hi = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    height = top + group_h * len(rows) + axis_h
    body = [f'<g class="grid">{_grid_x(ticks, x, top, height - axis_h)}</g>']
    for n, row in enumerate(rows):
        y = top + n * group_h + gap / 2
        label = _text(label_w, y + group_h / 2 - gap / 2 + 4, _cut(row.label, _LABEL_MAX_PX), "end", "label")
        body.append(f'<a href="{escape(row.href)}">{label}</a>' if row.href else label)
        for s, (value, ser) in enumerate(zip(row.values, series, strict=True)):
            if value is None:
                continue
            by = y + s * bar_h
            tip = f"{row.label} {ser.name}: {number(value, digits)} {unit}"
            body.append(
                f'<rect class="bar" x="{x(min(0.0, value)):.1f}" y="{by + 1:.1f}" '
                f'width="{max(abs(x(value) - x(0.0)), 0.5):.1f}" height="{bar_h - 2:.1f}" '
                f'fill="{escape(row.color or ser.color)}"><title>{escape(tip)}</title></rect>'
            )
            body.append(_text(x(max(0.0, value)) + 4, by + bar_h / 2 + 4, number(value, digits), cls="value"))
    axis_y = height - axis_h
    body.append(f'<line class="axis" x1="{x0:.1f}" y1="{axis_y:.1f}" x2="{x1:.1f}" y2="{axis_y:.1f}"/>')
    tick_digits = _tick_digits(ticks)
    body += [_text(x(t), axis_y + 15, number(t, tick_digits), "middle", "tick") for t in ticks]
    body.append(_text(x1, axis_y + 32, unit, "end", "unit"))
    return _svg(width, height, title, body)


def _grid_x(ticks: list[float], x: Callable[[float], float], y0: float, y1: float) -> str:
    return "".join(f'<line x1="{x(t):.1f}" y1="{y0:.1f}" x2="{x(t):.1f}" y2="{y1:.1f}"/>' for t in ticks)


def line_chart(title: str, points: Sequence[tuple[int, float | None]], unit: str, digits: int) -> str:
    """A line over fiscal years (`points` as (year, value)); an unknown value leaves a gap in the line."""
    width, height = 340.0, 210.0
    x0, x1, y0, y1 = 58.0, width - 26, 26.0, height - 34
    years = [year for year, _ in points]
    first, last = min(years), max(years)
    known = [v for _, v in points if v is not None]
    ticks = nice_ticks(*_trend_range(known), 4, _least_step(digits))
    lo, hi = ticks[0], ticks[-1]
    inset = 30.0  # the first and last points clear of the axis labels

    def x(year: int) -> float:
        if first == last:
            return (x0 + x1) / 2
        return x0 + inset + (year - first) / (last - first) * (x1 - x0 - 2 * inset)

    def y(v: float) -> float:
        return y1 - (v - lo) / (hi - lo) * (y1 - y0)

    tick_digits = _tick_digits(ticks)
    body = ['<g class="grid">']
    body += [f'<line x1="{x0:.1f}" y1="{y(t):.1f}" x2="{x1:.1f}" y2="{y(t):.1f}"/>' for t in ticks]
    body.append("</g>")
    body += [_text(x0 - 6, y(t) + 4, number(t, tick_digits), "end", "tick") for t in ticks]
    body.append(f'<line class="axis" x1="{x0:.1f}" y1="{y1:.1f}" x2="{x1:.1f}" y2="{y1:.1f}"/>')
    body += [_text(x(year), y1 + 18, f"{year}年度", "middle", "tick") for year in years]
    body.append(_text(4, y0 - 12, unit, cls="unit"))
    for segment in _segments(points):
        coords = " ".join(f"{x(year):.1f},{y(v):.1f}" for year, v in segment)
        body.append(f'<polyline class="line" points="{coords}"/>')
    for year, v in points:
        if v is not None:
            tip = f"{year}年度: {number(v, digits)} {unit}"
            body.append(
                f'<circle class="point" cx="{x(year):.1f}" cy="{y(v):.1f}" r="4"><title>{escape(tip)}</title></circle>'
            )
            body.append(_text(x(year), y(v) - 9, number(v, digits), "middle", "value"))
    return _svg(width, height, title, body)


def _trend_range(known: list[float]) -> tuple[float, float]:
    """The values' range, widened to at least a tenth of their size: a change of 0.2 % is not drawn
    as a fall from the top of the chart to its bottom."""
    lo, hi = min(known, default=0.0), max(known, default=1.0)
    least = max(abs(lo), abs(hi)) / 10
    if hi - lo < least:
        middle = (lo + hi) / 2
        lo, hi = middle - least / 2, middle + least / 2
    return lo, hi


def _segments(points: Sequence[tuple[int, float | None]]) -> list[list[tuple[int, float]]]:
    """Runs of consecutive known values: a line joins only the points of one run."""
    runs: list[list[tuple[int, float]]] = [[]]
    for year, v in points:
        if v is None:
            runs.append([])
        else:
            runs[-1].append((year, v))
    return [run for run in runs if len(run) > 1]
