"""A Word document's paragraphs a line each, its tables tab rows: python-docx.

python-docx writes each paragraph on a line of its own with no blank line between, so the parser
would read a run of them (a figure's boxes in section 2, the bodies under a 【…】 label) as one
paragraph.  Each such line is marked a paragraph of its own (`FormState.alone`), as the samples'
form's blank lines would:

    精神保健福祉地域連携会議                     精神保健福祉地域連携会議
    年2回開催。関係機関の代表者が…      →        (blank)
                                               年2回開催。関係機関の代表者が…

(Its tables' row-spanned labels, repeated on each row, are `span_rows`' work.)
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import paragraphs_a_line


def apply(state: FormState) -> None:
    """Mark each line of prose a paragraph of its own, when the text has fewer blank lines than half its
    prose lines: python-docx writes a blank line only for an empty paragraph (a few, round tables and
    figures: up to 0.46 a prose line in the corpus), a text with a blank line between paragraphs has
    about one a line."""
    if not signals.docx_paragraphs(state.source):
        return
    lines = state.lines
    prose = sum(1 for line in lines if line and line.strip() and "\t" not in line)
    blank = sum(1 for line in lines if line is not None and not line.strip())
    if blank * 2 < prose:
        state.alone.update(paragraphs_a_line(lines))
