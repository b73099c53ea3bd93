"""Each form's signal: the one cheap look at the source text that says whether the form has work.

They are apart from the forms so that the chain imports a form (and compiles its patterns) only
when its signal is there: a sheet in the samples' form, the common case, loads none of them, and a
one-file run starts as fast as before.  Each form's `apply` asks the same function first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from nikosheet.vocabulary import INDICATORS_HEAD, OUTCOME_COLUMNS, SECTORS

_RULE_RE = re.compile(r"-[ +]-")  # a rule's runs of dashes, or a border's: one scan
_DISCHARGE_RE = re.compile(r"退院率[^\n]{0,300}\n(?:退院率|\| *入院後)")
# a header cell alone on its line (or leading a line of space-joined cells): no tab, so not the samples' form;
# a line's start searched for as a newline (a literal the search skips to), not `^` with re.M (tried at
# every character: a fourth of a millisecond for a sheet)
_HEADER_CELL = (
    r"[ \f]*(?:年度|課題|名称|会議名|所管部署名|連携部署名|各部門の連携状況|時期[(（]月[)）]|"
    + INDICATORS_HEAD
    + "を?)"
    r"(?=[ \n]|$)"
)
_HEADER_FIRST_LINE_RE = re.compile(r"\A" + _HEADER_CELL)  # anchored: tried at the start alone
_HEADER_LINE_RE = re.compile("\n" + _HEADER_CELL)
_TAB_FORM = "所管部署名\t所管部署における主な業務"  # the samples' form
# an indicators' table's first header cell at a line's start (a page break before it too: pdfminer's), no tab
# after it on its line: a PDF's text, a box at a time
_INDICATORS_BOXED_RE = re.compile("\n\f?" + re.escape(OUTCOME_COLUMNS["name"][:10]) + "[^\t\n]*(?:\n|$)")


def _answered_once(signal: Callable[[str], bool]) -> Callable[[str], bool]:
    """A signal that several forms ask of one source in turn: answered once, the answer kept with the
    source it is for (one pair, replaced whole, so that threads see a matching one)."""
    last: tuple[str | None, bool] = (None, False)

    @functools.wraps(signal)
    def answer(source: str) -> bool:
        nonlocal last
        seen = last
        if seen[0] is source:
            return seen[1]
        found = signal(source)
        last = (source, found)
        return found

    return answer


def lookalikes(source: str) -> bool:
    """A radical, a radicals-supplement character, U+2027 or a private-use bullet."""
    # The regex looks at each character (~3 ns each); the look-alikes but U+2027 are all U+2Exx, U+2Fxx
    # or U+F0xx, so first a C-speed look at each character's high byte, its UTF-16 code unit's odd byte
    # (no character above U+FFFF gives these: its surrogates are U+D8xx-U+DFxx).  The common sheet has
    # none of them: the regex runs only when one is there.
    high = source.encode("utf-16-le", "surrogatepass")[1::2]
    if b"\x2e" not in high and b"\x2f" not in high and b"\xf0" not in high:
        return "\u2027" in source
    return _lookalike_re().search(source) is not None


@functools.cache
def _lookalike_re() -> re.Pattern[str]:
    """Compiled on first use: few texts have a look-alike, and this class costs 0.4 ms to compile."""
    return re.compile("[\u2027\u2e80-\u2ef3\u2f00-\u2fd5\uf06c\uf06e\uf0a7\uf0b7]")


@_answered_once
def autospace(source: str) -> bool:
    """The template's first as-of date with a renderer's gap before the month: `R6 年 4 月時点`,
    `入院後 3 か月時点`, `入院後3 カ月時点` (a needle that starts with a space would cost a look at every space)."""
    at = source.find("月時点")
    return at > 1 and (source[at - 1] == " " or (source[at - 2] == " " and source[at - 1] in "かカヵヶケ"))


def narrow_columns(source: str) -> bool:
    """A LibreOffice PDF's text (its narrow columns wrap a year or a frequency): as `autospace`."""
    return autospace(source)


def centred_pipes(source: str) -> bool:
    """Word's private-use bullet (U+F0B7, a LibreOffice PDF's) and pipe rows (markitdown's)."""
    return "\uf0b7" in source and "\n|" in source


def html_tables(source: str) -> bool:
    return "<" in source and "<table" in source  # (first a character, which a search finds fastest)


def grid_tables(source: str) -> bool:
    return _RULE_RE.search(source) is not None


def pipe_tables(source: str) -> bool:
    return "|" in source


@_answered_once
def span_rows(source: str) -> bool:
    """The template's 退院率 label spans three rows: repeated on the next row (python-docx), or the next
    row shifted left into the label's column of a pipe table (markitdown)."""
    at = source.find("退院率")
    return at >= 0 and _DISCHARGE_RE.match(source, at) is not None


def wrap_spaces(source: str) -> bool:
    """pymupdf4llm's text: its compact separator rows and the space it leaves at a line's end (first
    a pipe, the one character a search finds fastest: the samples' form has none)."""
    return "|" in source and "|---|" in source and " \n" in source and "\n| " not in source  # not clean_pipes


def docx_paragraphs(source: str) -> bool:
    """python-docx's text: a row-spanned label repeated (see `span_rows`), and no pipe table."""
    return span_rows(source) and "\n|" not in source


def layout_columns(source: str) -> bool:
    """Runs of spaces, and no pipe tables (those are not laid out by position)."""
    return "    " in source and "\n|" not in source


def cell_lines_statistics(source: str) -> bool:
    """The first statistic's label (圏域数) on a line of its own: no tab, pipe or HTML row."""
    at = source.find("圏域数")
    if at < 0:
        return False
    end = source.find("\n", at)
    line = source[source.rfind("\n", 0, at) + 1 : end if end >= 0 else len(source)]
    return "\t" not in line and "|" not in line and "<" not in line


def council_setup(source: str) -> bool:
    """As `cell_lines_statistics`: section 1's table a cell (or a box) per line."""
    return cell_lines_statistics(source)


def cell_lines_docx(source: str) -> bool:
    """As `cell_lines_tables`: a Word document's text writes its tables a cell per line too (and no
    pipe table: a Markdown converter's)."""
    return cell_lines_tables(source) and "\n|" not in source


def page_wraps(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a cell per line; or a Markdown converter's text
    of a PDF, its tables pipe rows (markitdown writes the prose a line per printed line too)."""
    return cell_lines_tables(source) or ("|" in source and "\n|" in source)  # (as `clean_pipes`: a pipe first)


def header_among_roles(source: str) -> bool:
    """As `cell_lines_tables`, the indicators' header's first cell at a line's start (a page break before it
    too)."""
    return _INDICATORS_BOXED_RE.search(source) is not None and cell_lines_tables(source)


@_answered_once
def cell_lines_tables(source: str) -> bool:
    """A later table's header cell alone on its line, and not the samples' tab header."""
    return _TAB_FORM not in source and (
        _HEADER_FIRST_LINE_RE.match(source) is not None or _HEADER_LINE_RE.search(source) is not None
    )


def indicator_order(source: str) -> bool:
    """The indicators' header's first cell at a line's start (a page break before it too) with no tab after
    it (a PDF's text, its tables a box at a time), and a current value's header cell."""
    return "現状値" in source and _INDICATORS_BOXED_RE.search(source) is not None


def indicator_boxes(source: str) -> bool:
    """As `cell_lines_tables`, in a LibreOffice PDF's text (see `autospace`): both answered already."""
    return cell_lines_tables(source) and autospace(source)


def effects_apart(source: str) -> bool:
    """As `indicator_boxes`: a LibreOffice PDF's text, its tables a box at a time."""
    return indicator_boxes(source)


def indicator_runs(source: str) -> bool:
    """As `indicator_boxes`: a LibreOffice PDF's text, its tables a box at a time."""
    return indicator_boxes(source)


def indicator_records(source: str) -> bool:
    """As `indicator_boxes`: a LibreOffice PDF's text, its tables a box at a time."""
    return indicator_boxes(source)


def indicator_header(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a cell or a box at a time."""
    return cell_lines_tables(source)


def indicator_header_rows(source: str) -> bool:
    """An indicators' table's first header cell cut somewhere: not every `課題解決の` goes on whole (its
    first words, as short as a narrow column cuts them: `課題解決の` / `達成度を測る指標`)."""
    # each start looked at where it stands (one pass over the text, not a count of each)
    at = source.find(_HEADER_START)
    while at >= 0:
        if not source.startswith(OUTCOME_COLUMNS["name"], at):
            return True
        at = source.find(_HEADER_START, at + len(_HEADER_START))
    return False


_HEADER_START = OUTCOME_COLUMNS["name"][:5]  # 課題解決の


def indicator_streams(source: str) -> bool:
    """As `cell_lines_tables`, in a Chromium PDF's text (not `autospace`): both answered already."""
    return cell_lines_tables(source) and not autospace(source)


def header_after_rows(source: str) -> bool:
    """As `indicator_streams`: a Chromium PDF's text, a table's header cell alone on its line."""
    return indicator_streams(source)


def header_cells_apart(source: str) -> bool:
    """As `indicator_boxes`: a LibreOffice PDF's text, its tables a box at a time."""
    return indicator_boxes(source)


def issue_columns(source: str) -> bool:
    """A PDF's text (page feeds) that holds the issues' header cells, LibreOffice's or Chromium's: plain
    pdftotext writes both a column at a time where a page holds whole records."""
    return "\f" in source and any(header in source for header in _POLICY_HEADERS)


def issue_side_by_side(source: str) -> bool:
    """As `issue_order`."""
    return issue_order(source)


def issue_header_apart(source: str) -> bool:
    """As `indicator_streams`: a Chromium PDF's text, its tables a box at a time."""
    return indicator_streams(source)


def issue_header_spread(source: str) -> bool:
    """As `issue_header_apart`."""
    return issue_header_apart(source)


def issue_order(source: str) -> bool:
    """As `history_groups`, the issues' table's header cells alone on their lines (the policy's perhaps
    wrapped: `課題解決に向けた取組` / `方針`)."""
    return autospace(source) and "\f" in source and any(header in source for header in _POLICY_HEADERS)


_POLICY_HEADERS = ("\n課題解決に向けた取組方針\n", "\n課題解決に向けた取組\n方針\n", "\n課題解決に向けた取組方\n針\n")


def column_runs(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def box_grid(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def column_sequences(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def schedule_streams(source: str) -> bool:
    """As `cell_lines_tables`, with a schedule's header cell, and pdfminer's look-alike kanji (a radical for
    `月`), not a LibreOffice PDF's (`autospace`): pdfminer's text of a Chromium PDF, whose columns come in
    streams of their own (pdftotext writes such a PDF's rows in order, and makes the radicals plain)."""
    return "時期" in source and cell_lines_tables(source) and lookalikes(source) and not autospace(source)


def short_runs(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def history_rests(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its history rebuilt as tab rows."""
    return cell_lines_tables(source)


def issue_heads(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def issue_head_runs(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def label_runs(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def banded_rows(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a box at a time."""
    return cell_lines_tables(source)


def council_pivots(source: str) -> bool:
    """As `cell_lines_tables` (answered already), and the councils' first header cell alone on a line."""
    return cell_lines_tables(source) and ("\n名称\n" in source or "\n会議名\n" in source)


def header_before_title(source: str) -> bool:
    """As `cell_lines_tables`: a PDF's text, its tables a cell per line."""
    return cell_lines_tables(source)


def council_columns(source: str) -> bool:
    """As `cell_lines_tables` (answered already), and the councils' members' header cell alone in its
    box (blank lines around: not PyMuPDF's lines), or right below the section's title (the names' cell
    written before the title)."""
    return cell_lines_tables(source) and (
        "\n\n協議の場の構成員\n\n" in source or "実施状況\n協議の場の構成員\n\n" in source
    )


def council_boxes(source: str) -> bool:
    """As `council_pivots`, in a LibreOffice PDF's text (see `autospace`)."""
    return council_pivots(source) and autospace(source)


def history_lines(source: str) -> bool:
    """The history's header cells alone on their lines (pdfminer, plain pdftotext)."""
    return "\n経過\n" in source and "\n委託" in source


def history_groups(source: str) -> bool:
    """A LibreOffice PDF's text in pdftotext's way (see `council_boxes_paged`), its history's header a
    cell a line."""
    return autospace(source) and "\f" in source and "\n経過\n" in source


def department_runs(source: str) -> bool:
    """Both departments tables' name cells alone on their lines (pdfminer), not the samples' tab rows."""
    return "\n所管部署名\n" in source and "\n連携部署における主な業務\n" in source


def sector_bands(source: str) -> bool:
    """A Chromium PDF's text a cell per line (as `cell_lines_tables`, not `autospace`), section 6's
    sectors table's title alone on its line (the signals answered already first: the samples' form has
    neither title, and looking for both is two passes over the text)."""
    return (
        cell_lines_tables(source)
        and not autospace(source)
        and any(f"{before}各部{gate}の連携状況\n" in source for before in "\n\f" for gate in "門\u2fa8")
    )  # (pdfminer's look-alike 門; a page's form feed before the title)


def sector_rows(source: str) -> bool:
    """As `history_groups`, section 6's sectors table title alone on its line."""
    return autospace(source) and "\f" in source and "\n各部門の連携状況\n" in source


def plan_items(source: str) -> bool:
    """As `history_groups`, section 8's header's last cell alone on its line."""
    return autospace(source) and "\f" in source and "\n具体的な取組\n" in source


def council_boxes_paged(source: str) -> bool:
    """As `council_boxes`, in pdftotext's text: a form feed at each page's end."""
    return council_boxes(source) and "\f" in source


def centred_rows(source: str) -> bool:
    """As `cell_lines_tables` (answered already), and a councils' header line of space-joined cells."""
    return cell_lines_tables(source) and ("\n名称 " in source or "\n会議名 " in source)


def centred_statistics(source: str) -> bool:
    """As `centred_rows`: section 1's groups are centred printed lines too."""
    return centred_rows(source)


def visual_rows(source: str) -> bool:
    """The councils' header cells joined by a space on one line (not the samples' tabs)."""
    return "構成員 開催頻度" in source


def figure_text(source: str) -> bool:
    """A figure's section (2, or 6 with its tables) in PDF text: no tab (the samples' form's table
    rows have them), no rule of dashes (pandoc's tables: its text keeps the document's paragraphs),
    no author's pipe tables (a Markdown sheet's paragraphs are lines of their own)."""
    return (
        "\t" not in source
        and ("概要" in source or "連携状況" in source)
        and not grid_tables(source)
        and not clean_pipes(source)
    )


def goal_rows(source: str) -> bool:
    """A schedule's goal label's start in PDF text (no tab, which the samples' form's table rows have):
    `長期目`, `短期目`, `スモー`, which a narrow label column may wrap after."""
    return "\t" not in source and ("長期目" in source or "短期目" in source or "スモー" in source)


def wrapped_guidance(source: str) -> bool:
    """The template's guidance in PDF text: no tab (the samples' form's table rows have them), no
    author's pipe tables."""
    return "\t" not in source and "※" in source and not clean_pipes(source)


def bracket_headings(source: str) -> bool:
    """A 【…】 label in PDF text: no tab (the samples' form's table rows have them), no author's pipe
    tables."""
    return "\t" not in source and "【" in source and not clean_pipes(source)


def wrapped_items(source: str) -> bool:
    """A list item in PDF text: no tab (the samples' form's table rows have them), no author's pipe
    tables."""
    return "\t" not in source and ("・" in source or ". " in source) and not clean_pipes(source)


def initiatives(source: str) -> bool:
    """Section 1's 取組内容 caption in PDF text: no tab (the samples' form's table rows have them) and
    no rule of dashes (pandoc's tables: its text keeps the document's lists)."""
    pdf = "\t" not in source and "内容" in source and not grid_tables(source) and not clean_pipes(source)
    return pdf or _unmarked_list(source)


def clean_pipes(source: str) -> bool:
    """An author's Markdown pipe tables (`| a | b |` under `|---|---|`), not a PDF's pipe text: markitdown
    pads its separators (`| --- |`), pymupdf4llm writes its rows compact (`|a|b|`).  (First a pipe, the
    one character a search finds fastest: the samples' form has none.)"""
    return "|" in source and "\n| " in source and "|---|" in source


def _unmarked_list(source: str) -> bool:
    """A Word document's text (python-docx): its 取組内容 caption right above an item whose bullet,
    which the template draws, is not written (the samples' form has a blank line and `- ` there).
    The caption stands near the top: the search ends early."""
    at = source.find("取組内容\n")
    return at >= 0 and source[at + 5 : at + 6] not in ("", "\n", "-", "*", "+", "#", " ")


def indicator_columns(source: str) -> bool:
    """As `history_groups`: a LibreOffice PDF's text in pdftotext's way, section 4's table's first
    header cell's last word alone on its line (the first cell's header written apart from the others)."""
    return autospace(source) and "\f" in source and "\n具体的な成果・効果\n" in source


_LAST_SECTOR = SECTORS["others"]  # その他関係機関・住民等: its first part at a line's start, its end not a cell's
_SECTOR_END_RE = re.compile(r"\n[ \t\f]*" + _LAST_SECTOR[:-2] + "(?!" + _LAST_SECTOR[-2:] + "\t)")


def sector_ends(source: str) -> bool:
    """Section 6's sectors table's last label at a line's start with no tab after it (the samples' form
    writes it as a row's first cell)."""
    # searched from the line of the label's first start: the pattern scans every line end before it
    at = source.find(_LAST_SECTOR[:-2])
    return at >= 0 and _SECTOR_END_RE.search(source, max(source.rfind("\n", 0, at), 0)) is not None
