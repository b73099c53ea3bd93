"""The report as one HTML page: inline CSS, inline SVG, no script, no external reference.

Every text that comes from a sheet or a file name (they are untrusted) is escaped where it is
written into the page; unknown values show as — and are left out of the charts, with a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from nikosheet.output.report import charts
from nikosheet.output.report.comparison import comparison, trend_charts
from nikosheet.output.report.figures import (
    BEDS_PER_10K,
    body_key,
    first_of_each_year,
    in_order,
    repeated,
    shown_name,
    trends,
    years_text,
)
from nikosheet.output.report.style import CSS, KIND_COLORS, OTHER_COLOR
from nikosheet.output.report.summary import AS_OF, KEY_FIGURES, LABELS, SheetSummary

UNKNOWN = "—"
TITLE = "にも包括 調査票のレポート"
SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}


def value_text(value: object) -> str:
    """A figure as shown: 604,894 · 54.4 · 有 / 無 · — for unknown."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "有" if value else "無"
    if isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value)


def render(
    sheets: Sequence[SheetSummary], failures: Sequence[tuple[str, str]], generator: str, title: str = TITLE
) -> str:
    """The whole page for `sheets` (in any order) and the inputs that could not be read (name, reason);
    `generator` says what made it, `title` heads it."""
    ordered = in_order(sheets)
    anchors = {id(s): f"sheet-{n}" for n, s in enumerate(ordered, 1)}
    by_trend = trends(ordered)
    trend_ids = {body: f"trend-{n}" for n, body in enumerate(by_trend, 1)}
    parts = [
        _head(ordered, failures, generator, title),
        _bodies_table(ordered, anchors),
        comparison(ordered, anchors),
        trend_charts(by_trend, trend_ids),
        '<section id="sheets"><h2>団体ごとの詳細</h2>',
        *[_sheet_section(s, anchors[id(s)], trend_ids.get(body_key(s))) for s in ordered],
        "</section>",
        _failures(failures),
        _notes(),
        "</main></body></html>\n",
    ]
    return "".join(parts)


def _year(fiscal_year: int | None) -> str:
    return UNKNOWN if fiscal_year is None else f"{fiscal_year}年度"


def _head(sheets: Sequence[SheetSummary], failures: Sequence[tuple[str, str]], generator: str, title: str) -> str:
    bodies = len(first_of_each_year(sheets))
    failed = f"、読み込めなかったファイル {len(failures)} 件" if failures else ""
    nav = [("bodies", "団体の一覧"), ("charts", "団体の比較"), ("sheets", "団体ごとの詳細")]
    if trends(sheets):
        nav.insert(2, ("trends", "経年の推移"))
    if failures:
        nav.append(("failed", "読み込めなかったファイル"))
    links = " · ".join(f'<a href="#{a}">{t}</a>' for a, t in nav)
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="lead">シート {len(sheets)} 件（{bodies} 団体、{years_text(sheets)}）{failed}。'
        f"{escape(generator)} で作成。</p><nav>{links}</nav>"
    )


def _kind_badge(kind: str | None) -> str:
    color = KIND_COLORS.get(kind or "", OTHER_COLOR)
    return f'<span class="kind" style="background:{color}">{escape(kind or "区分不明")}</span>'


def _link(s: SheetSummary, anchor: str) -> str:
    return f'<a href="#{anchor}" title="{escape(s.source)}">{escape(shown_name(s))}</a>'


def _bodies_table(sheets: Sequence[SheetSummary], anchors: dict[int, str]) -> str:
    head = (
        "<th>団体</th><th>区分</th><th>年度</th><th>人口</th><th>精神科病床数</th><th>病床数<br>（人口1万人あたり）</th>"
        "<th>1年以上入院<br>の割合（％）</th><th>協議の場の<br>開催（回/年）</th><th>指標<br>成果 / 計画</th>"
        "<th>エラー</th><th>警告</th><th>情報</th>"
    )
    rows = []
    for s in sheets:
        counts = s.counts()
        per_10k = UNKNOWN if s.beds_per_10k is None else charts.number(s.beds_per_10k, 1)
        cells = [
            _link(s, anchors[id(s)]),
            _kind_badge(s.kind),
            UNKNOWN if s.fiscal_year is None else str(s.fiscal_year),
            value_text(s.figures.get("population")),
            value_text(s.figures.get("psychiatric_beds")),
            per_10k,
            value_text(s.figures.get("inpatients_over_1_year_percent")),
            value_text(s.figures.get("council_meetings_per_year")),
            f"{value_text(s.figures.get('n_indicators'))} / {value_text(s.figures.get('n_planned_indicators'))}",
            *[_count(counts[sev], sev) for sev in SEVERITY_JA],
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (
        '<section id="bodies"><h2>団体の一覧</h2><div class="scroll"><table class="bodies">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f"{_repeated_note(sheets)}</section>"
    )


def _count(n: int, severity: str) -> str:
    return f'<span class="sev-{severity}">{n}</span>' if n else "0"


def _repeated_note(sheets: Sequence[SheetSummary]) -> str:
    groups = repeated(sheets)
    if not groups:
        return ""
    items = "".join(
        f"<li>{escape(shown_name(g[0]))} {_year(g[0].fiscal_year)}: "
        f"{len(g)} 件（{'、'.join(escape(s.source) for s in g)}）</li>"
        for g in groups
    )
    note = "同じ団体・年度のシートが複数あります。図には最初のものを使います。"
    return f'<div class="note"><p>{note}</p><ul>{items}</ul></div>'


def _sheet_section(s: SheetSummary, anchor: str, trend: str | None) -> str:
    year = _year(s.fiscal_year)
    figures = "".join(_figure_row(column, s) for column in KEY_FIGURES)
    per_10k = UNKNOWN if s.beds_per_10k is None else charts.number(s.beds_per_10k, 1)
    figures += f"<tr><th>{escape(BEDS_PER_10K.title)}</th><td>{per_10k}</td><td></td></tr>"
    links = '<a href="#bodies">一覧へ戻る</a>' + (f' · <a href="#{trend}">経年の推移</a>' if trend else "")
    return (
        f'<article id="{anchor}"><h3>{escape(shown_name(s))} {year} {_kind_badge(s.kind)}</h3>'
        f'<p class="source">ファイル: <code>{escape(s.source)}</code> · {links}</p>'
        f'<div class="scroll"><table class="figures"><thead><tr><th>項目</th><th>値</th><th>時点</th></tr></thead>'
        f"<tbody>{figures}</tbody></table></div>{_findings(s)}</article>"
    )


def _figure_row(column: str, s: SheetSummary) -> str:
    as_of = s.figures.get(AS_OF[column]) if column in AS_OF else None
    when = "" if as_of is None else escape(value_text(as_of).replace(",", ""))
    value = escape(value_text(s.figures.get(column)))
    return f"<tr><th>{escape(LABELS[column])}</th><td>{value}</td><td>{when}</td></tr>"


def _findings(s: SheetSummary) -> str:
    counts = s.counts()
    summary = "、".join(f"{SEVERITY_JA[sev]} {n}" for sev, n in counts.items())
    if not s.findings:
        return f"<h4>検証の結果</h4><p>指摘はありません（{summary}）。</p>"
    rows = "".join(
        f'<tr><td>{escape(f.code)}</td><td class="sev-{escape(f.severity)}">'
        f"{escape(SEVERITY_JA.get(f.severity, f.severity))}</td>"
        f"<td>{_where(f.line, f.page)}</td><td>{escape(f.message)}</td></tr>"
        for f in s.findings
    )
    return (
        f'<h4>検証の結果（{summary}）</h4><div class="scroll"><table class="findings">'
        f"<thead><tr><th>コード</th><th>重大度</th><th>行</th><th>内容</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _where(line: int | None, page: int | None) -> str:
    if line is None:
        return UNKNOWN
    return f"{line}（p. {page}）" if page is not None else str(line)


def _failures(failures: Sequence[tuple[str, str]]) -> str:
    if not failures:
        return ""
    items = "".join(f"<li><code>{escape(name)}</code>: {escape(reason)}</li>" for name, reason in failures)
    return f'<section id="failed"><h2>読み込めなかったファイル</h2><ul>{items}</ul></section>'


def _notes() -> str:
    return (
        '<section id="about"><h2>この報告について</h2><ul>'
        "<li>値はシートに書かれたとおり。空欄・読み取れない値は「—」とし、"
        "図には描かず図の下に記す（0 とはしない）。</li>"
        "<li>1年以上入院の割合は 入院精神障害者数 の 1年以上（％：構成割合）の記載値。</li>"
        "<li>人口1万人あたり精神科病床数 = 精神科病床数 ÷ 人口 × 10,000（どちらかが不明なら不明）。</li>"
        "<li>協議の場の開催回数は 協議の場の実施状況（第7節）の各会議の開催頻度（回/年）の合計。"
        "随時など回数のない会議は数えない。</li>"
        "<li>指標は 取組の成果・効果（第4節）の指標の数と、そのうち実績値の記載があるもの、"
        "および 強みと課題（第5節）の課題解決の達成度を測る指標（計画）の数。"
        "達成したかどうかはシートからは判断しない。</li>"
        "<li>区分は団体名から判断（指定都市・中核市は 2024 年 4 月時点の一覧による）。</li>"
        "<li>検証の結果は nikosheet validate の規則による（<code>nikosheet rules</code> で一覧）。</li>"
        "</ul></section>"
    )
