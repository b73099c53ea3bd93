"""Read a Word document (DOCX) as lines in the samples' form.

python-docx opens the package (ZIP, content types, relationships) and parses its XML; the body is
then walked element by element, in document order, so that paragraphs and tables interleave as they
do on the page:

- a paragraph is a line; a Word heading (outline level or a `Heading N` style) gets `#` marks, a
  list paragraph `- ` (bullets) or its visible number (`1. `, `①`), unless its text starts with a
  mark of its own (`・`, `◆ `); blocks are separated by a blank line, the items of a list are not;
- a table row is a line, its cells joined by tabs.  Cells are read from the `w:tc` elements, not
  from python-docx's grid (which repeats a merged cell at every grid position it covers): a
  horizontal span (`w:gridSpan`) is one cell, and a vertical merge is written once, in its first
  row, with an empty cell in the rows below (the samples' "continues the row group above");
- a cell's paragraphs: list items become `<ul><li>・item</li>…</ul>`, other paragraphs are joined
  with `<br>`; a cell never holds a newline or a tab;
- a table of a single column is a frame, not a table: its content is read as paragraphs;
- text boxes (figures drawn in Word) are read after the paragraph that anchors them; ruby (furigana)
  text, deleted text and field codes are left out.

The ZIP directory is checked before anything is parsed: a workbook or a deck is named as such, and
a package that would expand past `MAX_XML_BYTES` is refused (a ZIP bomb).
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints (lxml-stubs is separate)

from nikosheet.errors import InputError, one_line
from nikosheet.sources.extracted import Extracted
from nikosheet.vocabulary import CIRCLED

MAX_XML_BYTES = 100 * 1024 * 1024
"""Largest total uncompressed size of the package's entries. A long sheet's XML is < 1 MB and its
images do not expand; every entry counts, since python-docx parses an XML part wherever it lies."""

MAX_ENTRIES = 10_000
"""Most entries a package may have (a sheet's has about 15-40)."""

_MB = 1024 * 1024

# element tags, in Clark notation
_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")
_SDT_PR = qn("w:sdtPr")
_SHOWING_PLACEHOLDER = qn("w:showingPlcHdr")
_PPR = qn("w:pPr")
_TRPR = qn("w:trPr")
_TCPR = qn("w:tcPr")
_GRID_BEFORE = qn("w:gridBefore")
_GRID_SPAN = qn("w:gridSpan")
_VMERGE = qn("w:vMerge")
_HMERGE = qn("w:hMerge")
_PSTYLE = qn("w:pStyle")
_NUMPR = qn("w:numPr")
_NUMID = qn("w:numId")
_ILVL = qn("w:ilvl")
_OUTLINE = qn("w:outlineLvl")
_T = qn("w:t")
_TAB = qn("w:tab")
_PTAB = qn("w:ptab")
_BR = qn("w:br")
_CR = qn("w:cr")
_NB_HYPHEN = qn("w:noBreakHyphen")
_SYM = qn("w:sym")
_CHAR = qn("w:char")
_RUBY = qn("w:ruby")
_RUBY_BASE = qn("w:rubyBase")
_TXBX = qn("w:txbxContent")
_VAL = qn("w:val")
_TYPE = qn("w:type")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# containers whose children are runs (or more containers): their text is the paragraph's
_RUN_CONTAINERS = frozenset(
    qn(t)
    for t in (
        "w:r",
        "w:hyperlink",
        "w:ins",
        "w:moveTo",
        "w:smartTag",
        "w:fldSimple",
        "w:sdt",
        "w:sdtContent",
        "w:customXml",
        "w:dir",
        "w:bdo",
    )
)
# containers of paragraphs and tables (a body, a cell, a text box, a content control)
_BLOCK_WRAPPERS = frozenset((_SDT, _SDT_CONTENT, _CUSTOM_XML))

_SPACE = " \t\u3000\u00a0"
# a mark the text of a list item may start with: it is kept, and no other bullet is added
_ITEM_MARK_RE = re.compile(r"[・･•‣◦●○◎◆◇■□▪▫◼★☆➢▶►]|[①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛❶-❿]|[-－‐]\s")
_HEADING_NAME_RE = re.compile(r"heading\s*([1-9])|見出し\s*([1-9１-９])", re.IGNORECASE)


def read_docx(data: bytes) -> Extracted:
    """The DOCX document as lines in the samples' form; InputError when it cannot be read."""
    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (MemoryError, RecursionError):
        raise
    except ValueError as exc:
        if "is not a Word file" in str(exc):
            kind = str(exc).rsplit("content type is", 1)[-1].strip(" '")
            raise InputError(f"not a Word document of the usual kind (content type {kind}); save it as .docx") from None
        raise InputError(f"damaged DOCX ({_reason(exc)})") from None
    except Exception as exc:  # zipfile, zlib, lxml and python-docx each raise their own
        raise InputError(f"damaged DOCX ({_reason(exc)})") from None
    body = document.element.find(qn("w:body"))
    if body is None:
        raise InputError("damaged DOCX (word/document.xml has no document body)")
    reader = _Reader(_Styles(_part_element(document, RT.STYLES)), _Numbering(_part_element(document, RT.NUMBERING)))
    reader.blocks(body)
    return Extracted(format="docx", lines=reader.lines())


# --- the package -------------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    text = one_line(str(exc), 120)
    name = "corrupt compressed data" if type(exc).__module__ == "zlib" else type(exc).__name__
    return f"{name}: {text}" if text else name


def _check_package(data: bytes) -> None:
    """Refuse what is not a Word package before python-docx parses anything."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError("this is an old-format Office file (.doc or .xls), not a .docx; save it as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            content_types = _small_entry(z, "[Content_Types].xml")
    except zipfile.BadZipFile as exc:
        if not data.startswith(b"PK"):
            raise InputError("not a Word document (not a ZIP archive)") from None
        raise InputError(f"damaged DOCX (an incomplete or corrupt ZIP archive: {one_line(str(exc), 100)})") from None
    except (zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(f"damaged DOCX ({_reason(exc)})") from None
    if "word/document.xml" not in names and b"wordprocessingml.document.main" not in content_types:
        if "xl/workbook.xml" in names:
            raise InputError("this is an Excel workbook (.xlsx), not a Word document")
        if "ppt/presentation.xml" in names:
            raise InputError("this is a PowerPoint presentation (.pptx), not a Word document")
        if "content.xml" in names and "mimetype" in names:
            raise InputError("this is an OpenDocument file (.odt or similar), not a Word document; save it as .docx")
        raise InputError("not a Word document (a ZIP without word/document.xml)")
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"too many entries in the DOCX ({len(infos):,}; the limit is {MAX_ENTRIES:,})")
    total = sum(i.file_size for i in infos)  # zipfile gives no entry more than its stated size
    if total > MAX_XML_BYTES:
        raise InputError(
            f"DOCX too large: its entries expand to {total / _MB:,.0f} MB (the limit is {MAX_XML_BYTES // _MB} MB);"
            " a ZIP bomb?"
        )


def _small_entry(z: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    """An entry's bytes when it exists and is small (the content types), else nothing."""
    try:
        info = z.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    try:
        return z.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        return b""  # python-docx will say what is wrong


def _part_element(document: DocxDocument, reltype: str) -> etree._Element | None:
    """The root element of the document part's related part (styles, numbering), if it has one."""
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    element: etree._Element = part.element if isinstance(part, XmlPart) else None
    return element


# --- styles and numbering ------------------------------------------------------------------------


def _val(el: etree._Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(tag)
    return None if child is None else child.get(_VAL)


def _number(value: str | None) -> int | None:
    """A whole number Word writes (a level, a span, a start): ASCII digits, at most six of them.

    Not `str.isdigit`, which `²` and `①` pass and `int` then refuses.
    """
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 6:
        return None
    return int(value)


@dataclass(slots=True)
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # 0-8 a heading level, 9 body text
    num_id: str | None = None
    ilvl: str | None = None


class _Styles:
    """Paragraph styles: the heading level and list numbering a style gives (through `basedOn`)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self._heading: dict[str, int | None] = {}
        self._numbering: dict[str, tuple[str | None, str | None]] = {}
        if root is None:
            return
        for el in root.iterchildren(qn("w:style")):
            if el.get(qn("w:type")) not in (None, "paragraph"):
                continue
            sid = el.get(qn("w:styleId"))
            if sid is None:
                continue
            ppr = el.find(_PPR)
            numpr = ppr.find(_NUMPR) if ppr is not None else None
            self._styles[sid] = _Style(
                name=_val(el, qn("w:name")) or "",
                based_on=_val(el, qn("w:basedOn")),
                outline=_number(_val(ppr, _OUTLINE)),
                num_id=_val(numpr, _NUMID),
                ilvl=_val(numpr, _ILVL),
            )

    def _chain(self, sid: str) -> Iterator[_Style]:
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur not in seen and cur in self._styles:
            seen.add(cur)
            style = self._styles[cur]
            yield style
            cur = style.based_on

    def heading_level(self, sid: str) -> int | None:
        """1-9 for a heading style, else None."""
        if sid not in self._heading:
            level: int | None = None
            for style in self._chain(sid):
                if style.outline is not None:
                    level = style.outline + 1 if style.outline < 9 else None
                    break
                m = _HEADING_NAME_RE.fullmatch(style.name.strip())
                if m:
                    level = int((m.group(1) or m.group(2)).translate(_FW_DIGITS))
                    break
                if style.name.strip().lower() == "title":
                    level = 1
                    break
            self._heading[sid] = level
        return self._heading[sid]

    def numbering(self, sid: str) -> tuple[str | None, str | None]:
        """(numId, ilvl) a style's paragraphs are numbered with."""
        if sid not in self._numbering:
            found: tuple[str | None, str | None] = (None, None)
            for style in self._chain(sid):
                if style.num_id is not None:
                    found = (style.num_id, style.ilvl)
                    break
            self._numbering[sid] = found
        return self._numbering[sid]


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_LVL_REF_RE = re.compile(r"%([1-9])")


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass(slots=True)
class _List:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """Word's list numbering: the format of each list level, and the counters as the body is read."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, etree._Element] = {}
        self._num: dict[str, etree._Element] = {}
        self._lists: dict[str, _List | None] = {}
        if root is None:
            return
        for el in root.iterchildren(qn("w:abstractNum")):
            aid = el.get(qn("w:abstractNumId"))
            if aid is not None:
                self._abstract[aid] = el
        for el in root.iterchildren(qn("w:num")):
            nid = el.get(qn("w:numId"))
            if nid is not None:
                self._num[nid] = el

    def _list(self, num_id: str) -> _List | None:
        if num_id not in self._lists:
            self._lists[num_id] = self._build(num_id)
        return self._lists[num_id]

    def _build(self, num_id: str) -> _List | None:
        num = self._num.get(num_id)
        if num is None:
            return None
        abstract = self._abstract.get(_val(num, qn("w:abstractNumId")) or "")
        out = _List()
        if abstract is not None:
            for lvl in abstract.iterchildren(qn("w:lvl")):
                self._level(out, lvl)
        for override in num.iterchildren(qn("w:lvlOverride")):
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                self._level(out, lvl, override.get(_ILVL))
            start = _number(_val(override, qn("w:startOverride")))
            ilvl = _number(override.get(_ILVL))
            if start is not None and ilvl is not None:
                out.levels.setdefault(ilvl, _Level()).start = start
        return out

    @staticmethod
    def _level(out: _List, lvl: etree._Element, ilvl: str | None = None) -> None:
        level = _number(lvl.get(_ILVL) or ilvl or "0")
        if level is None:
            return
        start = _number(_val(lvl, qn("w:start")))
        out.levels[level] = _Level(
            fmt=_val(lvl, qn("w:numFmt")) or "decimal",
            text=_val(lvl, qn("w:lvlText")) or "",
            start=1 if start is None else start,
        )

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(format, visible label) of the next item of a list level; None when it is no list."""
        if num_id == "0":
            return None  # numId 0 removes the numbering a style gives
        lst = self._list(num_id)
        if lst is None:
            return None
        level = lst.levels.get(ilvl, _Level(fmt="bullet", text=""))
        if level.fmt in ("bullet", "none"):
            return level.fmt, level.text
        lst.counters[ilvl] = lst.counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in lst.counters if k > ilvl]:
            del lst.counters[deeper]  # a new item restarts the levels below it

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = lst.levels.get(k, _Level())
            return _format_number(lst.counters.get(k, lv.start), lv.fmt)

        return level.fmt, _LVL_REF_RE.sub(number, level.text)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "decimalEnclosedCircle" and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n <= 3999:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("aiueoFullWidth", "aiueo") and 1 <= n <= len(_AIUEO):
        return _AIUEO[n - 1]
    if fmt in ("iroha", "irohaFullWidth") and 1 <= n <= len(_IROHA):
        return _IROHA[n - 1]
    return str(n)


_AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"


def _roman(n: int) -> str:
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")):
        while n >= value:
            out.append(digits)
            n -= value
    for value, digits in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


# --- the body ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    """A paragraph as read: its text (line breaks as newlines), heading level, list label."""

    text: str
    heading: int | None = None
    list_fmt: str | None = None  # "bullet", "none", "decimal", … when the paragraph is a list item
    label: str = ""  # the visible number of a numbered item (`1.`, `①`)


def _is_wrapper(el: etree._Element) -> bool:
    """A content control or custom XML around content; not a content control that still shows its
    placeholder (`クリックまたはタップしてテキストを入力してください。`): that one is empty."""
    if el.tag not in _BLOCK_WRAPPERS:
        return False
    return el.tag != _SDT or el.find(f"{_SDT_PR}/{_SHOWING_PLACEHOLDER}") is None


def _children(container: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The children of these kinds, content controls unwrapped: the paragraphs and tables (`_BLOCKS`)
    of a body, cell or text box, the rows of a table, the cells of a row."""
    for child in container:
        if child.tag in tags:
            yield child
        elif _is_wrapper(child):
            yield from _children(child, tags)


_BLOCKS = (_P, _TBL)
_Cell = list[etree._Element]  # the `w:tc` of a cell, then those of the cells merged into it


def _merge(tcpr: etree._Element | None, tag: str) -> str | None:
    """How a cell takes part in a merge (`w:vMerge`, `w:hMerge`): "restart", "continue" or None."""
    el = tcpr.find(tag) if tcpr is not None else None
    if el is None:
        return None
    return "restart" if el.get(_VAL) == "restart" else "continue"


def _grid(tbl: etree._Element) -> list[list[_Cell | None]]:
    """The table's rows, each cell at its grid position (None at a position a cell covers).

    Cells are read from the `w:tc` elements, not python-docx's grid (which repeats a merged cell at
    every position): a merged cell is one cell, at its first position.  The `w:tc` that continue a
    merge are added to it: Word leaves them empty, but their text, if any, is the document's too.
    """
    grid: list[list[_Cell | None]] = []
    open_merges: dict[int, _Cell] = {}  # grid column -> the vertical merge going down it
    for tr in _children(tbl, (_TR,)):
        row: list[_Cell | None] = [None] * min(_number(_val(tr.find(_TRPR), _GRID_BEFORE)) or 0, 64)
        left: _Cell | None = None
        for tc in _children(tr, (_TC,)):
            tcpr = tc.find(_TCPR)
            if _merge(tcpr, _HMERGE) == "continue" and left is not None:
                left.append(tc)  # the legacy horizontal merge: part of the cell to its left
                continue
            col, span = len(row), min(_number(_val(tcpr, _GRID_SPAN)) or 1, 64)
            vmerge = _merge(tcpr, _VMERGE)
            if vmerge == "continue" and col in open_merges:
                open_merges[col].append(tc)
                row.extend([None] * span)
                continue
            left = [tc]
            if vmerge == "restart":
                open_merges[col] = left
            else:
                open_merges.pop(col, None)
            row.append(left)
            row.extend([None] * (span - 1))
        grid.append(row)
    return grid


def _text_into(el: etree._Element, out: list[str]) -> None:
    """The visible text of runs below `el`: text, tabs, line breaks; not drawings or ruby text."""
    for child in el:
        tag = child.tag
        if tag == _T:
            text = child.text
            if text:
                out.append(text.replace("\n", " ").replace("\r", " ") if "\n" in text or "\r" in text else text)
        elif tag in _RUN_CONTAINERS:
            if tag != _SDT or _is_wrapper(child):
                _text_into(child, out)
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag == _BR:
            if child.get(_TYPE) in (None, "textWrapping"):
                out.append("\n")
        elif tag == _CR:
            out.append("\n")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif tag == _SYM:
            out.append(_symbol(child.get(_CHAR)))
        elif tag == _RUBY:
            for base in child.iterchildren(_RUBY_BASE):
                _text_into(base, out)


def _symbol(code: str | None) -> str:
    """The character of a `w:sym` (a Wingdings check box ☑ is F0FE), as a PDF of it reads: a Symbol
    or Wingdings glyph keeps its private-use code."""
    if code is None or not _HEX_RE.fullmatch(code) or int(code, 16) < 0x20:
        return ""
    return chr(int(code, 16))


_HEX_RE = re.compile("[0-9A-Fa-f]{2,4}")


def _text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """The text boxes anchored in a paragraph, each once (not the VML copy in mc:Fallback)."""
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p:
            if parent.tag == _MC_FALLBACK or parent.tag == _TXBX:
                break
            parent = parent.getparent()
        else:
            yield box


def _clean(text: str) -> str:
    """One line's text: a tab as a space (a tab separates cells), no outer white space."""
    if "\t" in text:
        text = text.replace("\t", " ")
    return text.strip(_SPACE)


class _Reader:
    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self._styles = styles
        self._numbering = numbering
        self._blocks: list[tuple[list[str], bool]] = []  # (lines, is a heading)
        self._in_list = False  # the last block is a list: the next item joins it

    def lines(self) -> list[str]:
        out: list[str] = []
        after_heading = False
        for block, heading in self._blocks:
            if out and not after_heading:
                out.append("")
            out.extend(block)
            after_heading = heading
        return out

    def _add(self, lines: list[str], list_item: bool = False, heading: bool = False) -> None:
        """A block of lines: a blank line goes before it, except after a heading (whose title may
        wrap onto the next line) and between the items of a list."""
        if not lines:
            return
        if list_item and self._in_list:
            self._blocks[-1][0].extend(lines)
        else:
            self._blocks.append((lines, heading))
        self._in_list = list_item

    # blocks

    def blocks(self, container: etree._Element) -> None:
        for el in _children(container, _BLOCKS):
            if el.tag == _P:
                self._paragraph(el)
            else:
                self._table(el)

    def _para(self, p: etree._Element) -> _Para:
        parts: list[str] = []
        _text_into(p, parts)
        para = _Para("".join(parts))
        ppr = p.find(_PPR)
        sid = _val(ppr, _PSTYLE)
        outline = _number(_val(ppr, _OUTLINE))
        if outline is not None:
            para.heading = outline + 1 if outline < 9 else None
        elif sid is not None:
            para.heading = self._styles.heading_level(sid)
        numpr = ppr.find(_NUMPR) if ppr is not None else None
        num_id, ilvl = (_val(numpr, _NUMID), _val(numpr, _ILVL)) if numpr is not None else (None, None)
        if num_id is None and sid is not None:
            style_num, style_ilvl = self._styles.numbering(sid)
            num_id, ilvl = style_num, ilvl or style_ilvl
        if num_id is not None and para.text.strip(_SPACE):
            label = self._numbering.label(num_id, _number(ilvl) or 0)
            if label is not None:
                para.list_fmt, para.label = label
                if para.list_fmt in ("bullet", "none"):
                    para.label = ""
        return para

    def _paragraph(self, p: etree._Element) -> None:
        para = self._para(p)
        lines = [x for x in (_clean(x) for x in para.text.split("\n")) if x]
        if lines:
            if para.heading is not None:
                title = lines[0]
                if para.label:  # a numbered heading: its number as the samples write it, `1 title`
                    title = f"{para.label.rstrip('.．')} {title}"
                self._add(["#" * min(para.heading, 6) + " " + title, *lines[1:]], heading=True)
            elif para.list_fmt is not None:
                # `- item` (its own mark kept: `- ・item`, `- ◆ item`), or the visible number `1. item`
                prefix = para.label if para.label else "-"
                self._add([f"{prefix} {lines[0]}", *lines[1:]], list_item=True)
            else:
                self._add(lines, list_item=bool(_ITEM_MARK_RE.match(lines[0])))
        for box in _text_boxes(p):
            self.blocks(box)

    def _table(self, tbl: etree._Element) -> None:
        grid = _grid(tbl)
        if all(len(r) <= 1 for r in grid):
            # one column: a frame around paragraphs (or nothing), not a table of values
            for r in grid:
                for tc in itertools.chain.from_iterable(cell for cell in r if cell is not None):
                    self.blocks(tc)
            return
        lines = []
        for r in grid:
            line = "\t".join("" if cell is None else self._cell(cell) for cell in r)
            if line.strip(_SPACE):
                lines.append(line)
        self._add(lines)

    # cells

    def _cell(self, cell: _Cell) -> str:
        """A cell's content on one line: list items as `<ul><li>`, other paragraphs joined by `<br>`."""
        items: list[tuple[str, bool]] = []  # (text, is a list item)
        for tc in cell:
            items.extend(item for item in self._cell_paragraphs(tc) if item[0])
        if not items:
            return ""
        if all(listed for _, listed in items) and len(items) > 1:
            return "<ul>" + "".join(f"<li>{t}</li>" for t, _ in items) + "</ul>"
        return "<br>".join(t for t, _ in items)

    def _cell_paragraphs(self, container: etree._Element) -> Iterable[tuple[str, bool]]:
        for el in _children(container, _BLOCKS):
            if el.tag == _TBL:
                yield from self._nested_table(el)
                continue
            para = self._para(el)
            text = "<br>".join(x for x in (_clean(x) for x in para.text.split("\n")) if x)
            if text:
                if para.list_fmt is not None:
                    if _ITEM_MARK_RE.match(text):
                        yield text, True
                    elif para.label:
                        yield f"{para.label}{'' if para.label in CIRCLED else ' '}{text}", True
                    else:
                        yield "・" + text, True
                else:
                    yield text, bool(_ITEM_MARK_RE.match(text))
            for box in _text_boxes(el):
                yield from self._cell_paragraphs(box)

    def _nested_table(self, tbl: etree._Element) -> Iterable[tuple[str, bool]]:
        """A table inside a cell: a piece per row, its cells' text joined by a space."""
        for tr in _children(tbl, (_TR,)):
            texts = []
            for tc in _children(tr, (_TC,)):
                text = " ".join(t for t, _ in self._cell_paragraphs(tc))
                if text:
                    texts.append(text.replace("<br>", " "))
            if texts:
                yield " ".join(texts), False


__all__ = ["MAX_XML_BYTES", "read_docx"]
