"""markitdown's text of a LibreOffice PDF: a table's printed lines, some of them set as pipe rows.

markitdown reads a PDF a printed line at a time (as pdfplumber does: the pieces of a row's cells on
one line, joined by a space) and sets some runs of lines as pipe rows, their pieces cut at positions
that are not the table's columns: LibreOffice centres a cell's text in its row, so a row's lines
hold pieces of different cells, and the pipe rows break rows, cells and the header apart:

    開催
    |     | 名称  | 協議の場の構成員 | 実施内容 | 特記事項等(課題・強み等) |
    | --- | --- | -------- | ---- | ------------- |
    頻度
    | 柏市精神障害にも対応した地域 |     | 保健, 医療, 福祉, 家族会, ピア | 事業・取組み |                   |

becomes the printed lines, as pdfplumber writes them (a separator row is layout):

    開催
    名称 協議の場の構成員 実施内容 特記事項等(課題・強み等)
    頻度
    柏市精神障害にも対応した地域 保健, 医療, 福祉, 家族会, ピア 事業・取組み

which `centred_rows` and the other forms then read (their signals looked for in these lines).
Known by the pipe rows and Word's private-use bullet (U+F0B7) that LibreOffice draws for a list item.
"""

from __future__ import annotations

from nikosheet.parsing.forms import FormState, signals
from nikosheet.parsing.forms._shared import is_pipe_row, is_pipe_separator, pipe_cells


def apply(state: FormState) -> None:
    """Every pipe row written back as its printed line: its cells' text joined by a space."""
    if not signals.centred_pipes(state.source):
        return
    lines = state.lines
    for i, line in enumerate(lines):
        if line is None or not is_pipe_row(line):
            continue
        text = "" if is_pipe_separator(line) else " ".join(cell for cell in pipe_cells(line) if cell)
        lines[i] = text or None  # a separator, or a row of empty cells: layout
    # the later forms look for their signals in the printed lines, as in pdfplumber's text
    state.source = "\n".join(line or "" for line in lines)
