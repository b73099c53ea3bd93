"""Read a PDF: its text layer and ruling lines, as lines in the samples' form (see `extracted.py`).

pdfium (through pypdfium2) gives each character with its box, and each path object of a page;
the thin ones are the ruling lines that draw the tables, the small round ones drawn bullets.
`pdf_layout` turns them into tables and paragraphs.  pdfium's text follows /ActualText, so a
PDF made by a tool that maps 人 to the radical ⼈ still reads 人.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # no type information shipped
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from nikosheet.errors import InputError
from nikosheet.sources.extracted import Extracted
from nikosheet.sources.pdf_layout import Glyph, Page, Rule, assemble, is_wide

MAX_PAGES = 200
"""Most pages read. A sheet has 2–10; a document far longer is not a sheet."""

MAX_OBJECTS = 100_000
"""Most page objects (forms' contents and path segments included) read from a document. A sheet has
a few thousand; a PDF of a few KB can draw a form inside a form millions of times."""

MAX_CHARS = 500_000
"""Most characters read from a document. A sheet has 5,000–20,000."""

_PAGE_OBJECTS = 25_000  # pdfium's text page takes time quadratic in the text objects of one line

_ENCRYPTED = "encrypted PDF: nikosheet cannot read a password-protected document"
_NO_TEXT = "no text layer: this PDF is an image; nikosheet does not do OCR"

_TAIL = 4096  # bytes: a whole PDF ends with %%EOF within these (a cut-off one does not)
_THIN = 2.5  # points: a path no thicker than this is a line
_DOT = (1.2, 7.0)  # points: a small filled path of about this size is a drawn bullet
_MAX_FORM_DEPTH = 8

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_pdf(data: bytes) -> Extracted:
    """The PDF as lines of text in the samples' form, with the 1-based page of each line."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise InputError("damaged PDF (no %PDF- header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(_open_error(exc)) from None
    try:
        if b"%%EOF" not in data[-_TAIL:]:
            raise InputError("damaged PDF (cut off: the end of the file is missing)")
        count = len(pdf)
        if count > MAX_PAGES:
            raise InputError(f"PDF has {count} pages; the limit is {MAX_PAGES}")
        budget = _Budget()
        pages = [_read_page(pdf, i, budget) for i in range(count)]
    finally:
        pdf.close()
    if not any(p.glyphs for p in pages):
        raise InputError(_NO_TEXT)
    lines, where = assemble(pages)
    return Extracted(format="pdf", lines=lines, pages=where, page_count=count)


def _open_error(exc: BaseException) -> str:
    code = getattr(exc, "err_code", None)
    if code is None:
        code = pdfium_c.FPDF_GetLastError()
    if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return _ENCRYPTED
    if code == pdfium_c.FPDF_ERR_FORMAT:
        return "damaged PDF (not a readable PDF structure: cut off or corrupted)"
    return "damaged PDF (pdfium cannot open it)"


class _Budget:
    """The work a document may still ask for: objects and characters left to read."""

    def __init__(self) -> None:
        self.objects = MAX_OBJECTS
        self.chars = MAX_CHARS

    def spend_objects(self, n: int) -> None:
        self.objects -= n
        if self.objects < 0:
            raise InputError(f"PDF too complex: more than {MAX_OBJECTS:,} objects (a sheet has a few thousand)")

    def spend_chars(self, n: int) -> None:
        self.chars -= n
        if self.chars < 0:
            raise InputError(f"PDF has more than {MAX_CHARS:,} characters; a sheet has far fewer")


def _read_page(pdf: Any, index: int, budget: _Budget) -> Page:
    try:
        page = pdf.get_page(index)
    except pdfium.PdfiumError:
        raise InputError(f"damaged PDF (page {index + 1} cannot be read)") from None
    try:
        drawn = _Out(index + 1, budget)
        _paths(page.raw, drawn)  # first: a page too complex is refused before pdfium reads its text
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage, budget)
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        raise InputError(f"damaged PDF (page {index + 1} cannot be read)") from None
    finally:
        page.close()
    if glyphs:
        glyphs.extend(drawn.dots)
    return Page(index + 1, glyphs, drawn.rules)


def _glyphs(textpage: Any, budget: _Budget) -> list[Glyph]:
    """The page's characters with their boxes; a space the PDF writes becomes `space_after`.

    A character's box runs from its pen position over its advance (pdfium's "loose" box), so the
    gap to the next one is the space between them.  For some glyphs pdfium gives only the inked
    box; those get a box made from the pen position and the advance of a full-width character of
    their font size (what such glyphs are in Japanese text).
    """
    raw = textpage.raw
    n = int(pdfium_c.FPDFText_CountChars(raw))
    if n <= 0:
        return []
    budget.spend_chars(n)
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    origin = pdfium_c.FPDFText_GetCharOrigin
    is_generated = pdfium_c.FPDFText_IsGenerated
    font_size = pdfium_c.FPDFText_GetFontSize
    out: list[Glyph] = []
    unsure: list[tuple[Glyph, float, float, float]] = []  # a glyph with only its inked box: pen x, y, size
    em_ratio: list[float] = []  # full-width advance / font size, and the box's extent from the pen
    last: Glyph | None = None
    for i, ch in _chars(raw, n):
        if ch < " " or ch in "\ufffe\uffff" or is_generated(raw, i) == 1:
            continue  # pdfium's own line breaks and spaces: the layout decides those from the boxes
        if ch.isspace():
            if last is not None:
                last.space_after = True  # a space the PDF writes
            continue
        if not loose_box(raw, i, rect) or not origin(raw, i, ox, oy):
            continue
        g = Glyph(rect.left, -rect.top, rect.right, -rect.bottom, ch)
        if abs(rect.left - ox.value) > 0.02:
            unsure.append((g, ox.value, oy.value, font_size(raw, i)))
        elif len(em_ratio) < 60 and ch >= "\u3040" and g.bottom > g.top:
            size = font_size(raw, i)
            if size > 0:
                em_ratio.append((g.x1 - g.x0) / size)
                em_ratio.append((rect.bottom - oy.value) / size)
                em_ratio.append((rect.top - oy.value) / size)
        out.append(g)
        last = g
    if unsure:
        _fix_boxes(unsure, em_ratio)
    return [g for g in out if g.x1 > g.x0 and g.bottom > g.top]


def _chars(raw: Any, n: int) -> Iterator[tuple[int, str]]:
    """The page's characters, each with its index in pdfium's count.

    pdfium counts a character beyond the BMP (𠮷) as two, its UTF-16 surrogates: here it is one
    character, at the index of the first.  A lone surrogate becomes U+FFFD.
    """
    units = _units(raw, n)
    i = 0
    while i < n:
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < n and 0xDC00 <= units[i + 1] < 0xE000:
            yield i, chr(0x10000 + ((u - 0xD800) << 10) + units[i + 1] - 0xDC00)
            i += 2
            continue
        yield i, "\ufffd" if 0xD800 <= u < 0xE000 or u > 0x10FFFF else chr(u)
        i += 1


def _units(raw: Any, n: int) -> list[int]:
    """The page's n characters as pdfium holds them: UTF-16 code units."""
    buf = (ctypes.c_ushort * (n + 1))()
    if int(pdfium_c.FPDFText_GetText(raw, 0, n, buf)) - 1 == n:
        return list(buf[:n])
    return [int(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n)]


def _fix_boxes(unsure: list[tuple[Glyph, float, float, float]], ratios: list[float]) -> None:
    """Boxes for glyphs pdfium gave only the inked box of: from the pen, a full-width advance."""
    if ratios:
        k = len(ratios) // 6
        width, below, above = sorted(ratios[0::3])[k], sorted(ratios[1::3])[k], sorted(ratios[2::3])[k]
    else:
        width, below, above = 1.0, -0.12, 0.88
    for g, x, y, size in unsure:
        if size <= 0:
            continue
        g.x0 = min(x, g.x0)
        if is_wide(g.ch):
            g.x1 = max(g.x1, x + width * size)
        g.top, g.bottom = -(y + above * size), -(y + below * size)


# ---------------------------------------------------------------------------------------------
# ruling lines and drawn bullets from the path objects


def _paths(parent: Any, out: _Out, form: Any = None, ctm: _Matrix = _IDENTITY, depth: int = 0) -> None:
    """The page's (or a form's) path objects: ruling lines and drawn bullets, into `out`."""
    if form is None:
        count = int(pdfium_c.FPDFPage_CountObjects(parent))
        get = pdfium_c.FPDFPage_GetObject
        holder = parent
    else:
        count = int(pdfium_c.FPDFFormObj_CountObjects(form))
        get = pdfium_c.FPDFFormObj_GetObject
        holder = form
    out.spend(max(count, 0))
    for i in range(max(count, 0)):
        obj = get(holder, i)
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, ctm, out)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            _paths(parent, out, obj, _compose(_matrix(obj), ctm), depth + 1)


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """`inner` then `outer` (PDF row-vector matrices)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: _Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


class _Out:
    """What the path objects of a page give, the objects read so far, and the C values pdfium
    writes into."""

    def __init__(self, page: int, budget: _Budget) -> None:
        self.page = page
        self.budget = budget
        self.objects = 0
        self.rules: list[Rule] = []
        self.dots: list[Glyph] = []
        self.box = [ctypes.c_float() for _ in range(4)]
        self.mode = [ctypes.c_int(), ctypes.c_int()]
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.point = [ctypes.c_float(), ctypes.c_float()]

    def spend(self, n: int) -> None:
        """n more objects read on this page."""
        self.objects += n
        if self.objects > _PAGE_OBJECTS:
            raise InputError(f"PDF too complex: page {self.page} has more than {_PAGE_OBJECTS:,} objects")
        self.budget.spend_objects(n)


def _visible(obj: Any, stroke: bool, out: _Out) -> bool:
    """Drawn in a colour that shows on white paper."""
    get = pdfium_c.FPDFPageObj_GetStrokeColor if stroke else pdfium_c.FPDFPageObj_GetFillColor
    r, g, b, a = out.rgba
    if not get(obj, r, g, b, a):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < 235


def _path(obj: Any, ctm: _Matrix, out: _Out) -> None:
    fill_mode, stroke_on = out.mode
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke_on):
        return
    fill, stroke = fill_mode.value != 0, bool(stroke_on.value)
    left, bottom, right, top = out.box
    if not (fill or stroke) or not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return
    x0, y0 = _apply(ctm, left.value, bottom.value)
    x1, y1 = _apply(ctm, right.value, top.value)
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    w, h = x1 - x0, y1 - y0
    if min(w, h) <= _THIN:
        if max(w, h) >= 1.0 and _visible(obj, stroke and not fill, out):
            if w >= h:
                out.rules.append(Rule(True, -(y0 + y1) / 2, x0, x1))
            else:
                out.rules.append(Rule(False, (x0 + x1) / 2, -y1, -y0))
        return
    if fill and not stroke:
        if _DOT[0] <= w <= _DOT[1] and _DOT[0] <= h <= _DOT[1] and 0.6 <= w / h <= 1.6 and _visible(obj, False, out):
            out.dots.append(Glyph(x0, -y1, x1, -y0, "•", space_after=True))
        return
    if stroke and _visible(obj, True, out):
        _segments(obj, _compose(_matrix(obj), ctm), out)


def _segments(obj: Any, m: _Matrix, out: _Out) -> None:
    """The straight horizontal and vertical pieces of a stroked path (a rectangle's four sides)."""
    n = int(pdfium_c.FPDFPath_CountSegments(obj))
    if n <= 0 or n > 2000:
        return
    out.spend(n)
    rules = out.rules
    px, py = out.point
    start: tuple[float, float] | None = None
    cur: tuple[float, float] | None = None
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
            return
        pt = _apply(m, px.value, py.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = cur = pt
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and cur is not None:
            _straight(cur, pt, rules)
        cur = pt
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _straight(cur, start, rules)
            cur = start


def _straight(p: tuple[float, float], q: tuple[float, float], rules: list[Rule]) -> None:
    (ax, ay), (bx, by) = p, q
    if abs(ay - by) <= 0.5 and abs(ax - bx) >= 1.0:
        rules.append(Rule(True, -(ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= 0.5 and abs(ay - by) >= 1.0:
        rules.append(Rule(False, (ax + bx) / 2, -max(ay, by), -min(ay, by)))
