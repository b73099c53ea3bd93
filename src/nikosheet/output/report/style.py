"""The report's look: inline CSS (system fonts, CJK first) and the colour of each kind of body."""

from __future__ import annotations

from nikosheet.output.report.bodies import CORE_CITY, DESIGNATED_CITY, PREFECTURE, SPECIAL_WARD

KIND_COLORS: dict[str, str] = {
    PREFECTURE: "#4e79a7",
    DESIGNATED_CITY: "#f28e2b",
    CORE_CITY: "#59a14f",
    SPECIAL_WARD: "#b07aa1",
}
OTHER_COLOR = "#8c8c8c"

FONTS = (
    '"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "Hiragino Sans", '
    '"Hiragino Kaku Gothic ProN", "Yu Gothic", "YuGothic", "Meiryo", sans-serif'
)

CSS = f"""
:root {{ color-scheme: light; }}
body {{ margin: 0; background: #fafafa; color: #222; font-family: {FONTS}; font-size: 15px; line-height: 1.6; }}
main {{ max-width: 1040px; margin: 0 auto; padding: 16px 24px 48px; background: #fff; }}
h1 {{ font-size: 1.6em; margin: .4em 0 .2em; }}
h2 {{ font-size: 1.3em; border-bottom: 2px solid #4e79a7; padding-bottom: .15em; margin-top: 2em; }}
h3 {{ font-size: 1.1em; margin: 1.6em 0 .4em; }}
h4 {{ font-size: 1em; margin: 1em 0 .3em; }}
a {{ color: #1f5fa8; }}
nav {{ margin: .5em 0 1em; }}
.lead {{ color: #444; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: .4em 0; font-size: .92em; }}
th, td {{ border: 1px solid #d6d6d6; padding: 3px 8px; vertical-align: top; }}
thead th {{ background: #eef2f7; font-weight: 600; }}
table.bodies td, table.bodies th {{ white-space: nowrap; }}
table.bodies td:nth-child(n+3) {{ text-align: right; }}
table.figures td:nth-child(2) {{ text-align: right; }}
table.figures th {{ text-align: left; font-weight: normal; }}
.kind {{ display: inline-block; color: #fff; border-radius: 3px; padding: 0 6px; font-size: .8em; font-weight: 600; }}
.key {{ margin-right: 1em; white-space: nowrap; }}
.key i {{ display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -1px; }}
.sev-error {{ color: #b00020; font-weight: 600; }}
.sev-warning {{ color: #9a5b00; }}
.note {{ color: #555; font-size: .88em; margin: .2em 0; }}
.empty {{ color: #777; }}
figure {{ margin: 1.2em 0; }}
figcaption {{ font-weight: 600; margin-bottom: .3em; }}
svg.chart {{ max-width: 100%; height: auto; display: block; }}
svg.chart text {{ font-family: inherit; font-size: 12px; fill: #333; }}
svg.chart .value {{ fill: #222; font-weight: 600; }}
svg.chart .unit {{ fill: #555; }}
svg.chart .grid line {{ stroke: #e4e4e4; stroke-width: 1; }}
svg.chart .axis {{ stroke: #888; stroke-width: 1; }}
svg.chart .line {{ fill: none; stroke: #4e79a7; stroke-width: 2.5; }}
svg.chart .point {{ fill: #4e79a7; stroke: #fff; stroke-width: 1.5; }}
svg.chart a text {{ fill: #1f5fa8; }}
.trend .grid {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 0 16px; }}
.trend figure {{ margin: .6em 0; }}
article {{ border-top: 1px solid #e4e4e4; }}
.source code {{ font-size: .9em; word-break: break-all; }}
@media print {{
  body {{ background: #fff; }} main {{ max-width: none; }} a {{ color: inherit; }}
  figure, tr {{ break-inside: avoid; }} article {{ break-before: auto; }}
}}
"""
