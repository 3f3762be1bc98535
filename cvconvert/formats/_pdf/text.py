"""PDF text layer: PDFium's characters as engine lines in reading order, and the rules over them.

PDFium (pypdfium2) gives each page's text with the spaces and line ends it infers; this module
cuts it into words and asks PDFium for the position, size and font of each word (a few calls a
word, not a character: each call through ctypes costs about a microsecond), then
:mod:`.layout` builds lines, columns and reading order from the positions alone.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import unicodedata
from typing import Any

from cvconvert import extract as engine
from cvconvert import limits
from cvconvert.errors import InvalidInputError, LimitExceededError
from cvconvert.extract.lines import Line, _clean
from cvconvert.formats._pdf import layout, pages
from cvconvert.formats._pdf.open import open_pdf
from cvconvert.formats._pdf.words import PageLine, Word
from cvconvert.model import Resume
from cvconvert.report import Report

# A word: anything but spaces and controls. PDFium writes U+FFFE for a hyphen it saw at the end
# of a line and then runs the next line's word on without a break; the mark ends a word.
_WORD = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\ufffe]+\ufffe?|\ufffe")
# Ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ), CJK compatibility ideographs and Kangxi radicals are what they
# stand for; bidi controls, zero-width marks and U+FFFD (a glyph, often an icon, that the font
# gives no character for) are dropped: they are not readable text.
_COMPAT = re.compile("[\ufb00-\ufb06\uf900-\ufaff\u2f00-\u2fdf]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff\ufffd]")

# An alef (plain or with hamza or madda) before a lam: what a lam-alef ligature may come out as.
_LAM_ALEF = re.compile("[\u0627\u0623\u0625\u0622]\u0644")

# A tagged PDF's headings and list items (ISO 32000 standard structure types).
_HEADING_TAG = re.compile(r"^H[1-6]?$")
# Drawn shapes: only those this small (points) may be bullets; only so many objects a page are
# looked at (a hostile page of a million paths is read, its bullets perhaps not).
_SHAPE = 12.0
_MAX_OBJECTS = 50_000
_MAX_TAGS = 20_000
_MAX_TAG_DEPTH = 64

_BOLD_NAME = re.compile(r"(?i)bold|black|heavy|semibold|demi|[-,]bd\b|extrabold|ultra")
_ITALIC_NAME = re.compile(r"(?i)italic|oblique|[-,]it\b|kursiv")
_FLAG_ITALIC = 1 << 6
# A gap this many font sizes wider than a word's usual gap between letters is a word space.
_SPACED_GAP = 0.15
_FLAG_FORCE_BOLD = 1 << 18


def read_lines(data: bytes) -> list[Line]:
    """The PDF's text as lines in reading order, with layout hints (for the rules and diagnostics).

    Raises InvalidInputError for input that is not a readable PDF or has no text layer (a scan),
    LimitExceededError past ``max_pdf_pages`` pages or ``max_document_chars`` characters.
    """
    with open_pdf(data) as pdf:
        return _Reader(pdf).lines()


def extract(data: bytes, *, lang: str | None = None) -> tuple[Resume, Report]:
    """Read a PDF CV's text layer with the rules of :mod:`cvconvert.extract`, best effort.

    ``lang`` is a hint. Raises InvalidInputError (one line) for input that is not a readable PDF
    or one without a text layer (OCR is not supported), LimitExceededError past the limits.
    """
    with open_pdf(data) as pdf:
        reader = _Reader(pdf)
        lines = reader.lines()
        author = reader.metadata("Author")
    return engine.extract(lines, lang=lang, author=author, notes=reader.notes)


# LaTeX's old font encoding (OT1) draws an accented letter as the letter and a spacing accent
# placed over or under it: the text layer spells "Gül Öztürk" as "G¨ul ¨Ozt¨urk", the accent before or
# after its letter or even after the word. The accent goes back on the letter it sits on.
_ACCENTS = {
    "\u00a8": "\u0308",  # ¨
    "\u00b4": "\u0301",  # ´
    "\u02c6": "\u0302",  # ˆ
    "\u02dc": "\u0303",  # ˜
    "\u00b8": "\u0327",  # ¸
    "\u02db": "\u0328",  # ˛
    "\u02d8": "\u0306",  # ˘
    "\u02c7": "\u030c",  # ˇ
    "\u02d9": "\u0307",  # ˙
    "\u02da": "\u030a",  # ˚
    "\u00af": "\u0304",  # ¯
    "\u02dd": "\u030b",  # ˝
    "\u02cb": "\u0300",  # ˋ
}
_BAND = 24.0  # points: an accent sits within a line's height of its letter
_HAS_ACCENT = re.compile("[" + "".join(_ACCENTS) + "]")
_MEND = re.compile(_HAS_ACCENT.pattern[:-1] + _COMPAT.pattern[1:-1] + _INVISIBLE.pattern[1:])


def _under(x: float, spans: list[tuple[float, float]]) -> int | None:
    """The character whose box holds ``x`` (the nearest middle among those that do)."""
    best: tuple[float, int] | None = None
    for k, (left, right) in enumerate(spans):
        if left - 0.5 <= x <= right + 0.5:
            d = abs((left + right) / 2 - x)
            if best is None or d < best[0]:
                best = (d, k)
    return best[1] if best is not None else None


def _with_marks(text: str, marks: dict[int, str]) -> str:
    """Combining marks after the characters they belong to, composed (dotless ı takes its dot back)."""
    out = []
    for k, ch in enumerate(text):
        mark = marks.get(k, "")
        if mark and ch == "ı" and "\u0307" not in mark:
            ch = "i"
        if ch == "ı" and mark == "\u0307":
            ch, mark = "i", ""
        out.append(ch + mark)
    return unicodedata.normalize("NFC", "".join(out))


def _glued(text: str) -> bool:
    """Eight capitals or more without a space: perhaps two words of spaced capitals run together."""
    return (
        len(text) >= 8
        and all(ch.isupper() or not ch.isalpha() for ch in text)
        and sum(ch.isalpha() for ch in text) >= 8
        and all(ch.isalpha() or ch in "&/'.@-" for ch in text)
    )


# Put where the second half of a surrogate pair stood: the string keeps one character per
# character box, and the filler is invisible (removed from words with the other invisibles).
_FILLER = "\u200b"


def _from_units(units: list[int]) -> str:
    """Text from PDFium's characters one by one, one character each (so that index k is still
    character box k). PDFium gives a character outside the BMP (an emoji) as its two UTF-16 halves:
    a pair becomes the one character and a filler, and a lone half U+FFFD (an unpaired surrogate
    cannot be written out as UTF-8)."""
    out: list[str] = []
    k, n = 0, len(units)
    while k < n:
        u = units[k]
        if 0xD800 <= u <= 0xDBFF and k + 1 < n and 0xDC00 <= units[k + 1] <= 0xDFFF:
            out.append(chr(0x10000 + ((u - 0xD800) << 10) + (units[k + 1] - 0xDC00)))
            out.append(_FILLER)
            k += 2
            continue
        out.append("\ufffd" if 0xD800 <= u <= 0xDFFF or not 0 <= u <= 0x10FFFF else chr(u))
        k += 1
    return "".join(out)


def _on_page(words: list[Word], width: float, height: float) -> list[Word]:
    """The words that stand on the page. Text far outside it is never seen (and a hostile offset
    would make the column search sweep a billion points): a page's width and height either way is
    room enough for a crop box that does not start at zero. A box or size that is not a finite
    number (a hostile matrix's) stands nowhere, and would fail every rounding after."""
    return [
        w
        for w in words
        if -width < w.x0 < 2 * width
        and -height < w.top < 2 * height
        and math.isfinite(w.x1)
        and math.isfinite(w.bottom)
        and math.isfinite(w.base)
        and math.isfinite(w.size)
    ]


def _clean_word(text: str) -> str:
    if _COMPAT.search(text):
        text = _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _INVISIBLE.sub("", text)


class _Reader:
    """One open document: pages read one at a time, fonts looked up once each."""

    def __init__(self, pdf: Any) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.pdf = pdf
        self.notes: list[str] = []
        self.fonts: dict[int, tuple[bool, bool]] = {}
        self.chars = 0
        self.most = limits.current().max_document_chars
        self._d = [ctypes.c_double() for _ in range(4)]
        # Text objects and their fonts as addresses (ints): pypdfium2's bindings return typed
        # pointers that take microseconds to compare, and these are asked once per word.
        self._text_object = _by_address(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_int)
        self._font_of = _by_address(raw.FPDFTextObj_GetFont, ctypes.c_void_p)
        self._content_id = _by_address(raw.FPDFPageObj_GetMarkedContentID, ctypes.c_void_p, restype=ctypes.c_int)
        self._items = 0  # list items seen in the structure tree, numbered across pages
        self.tagged = bool(raw.FPDFCatalog_IsTagged(pdf.raw))
        self._type_buffer = ctypes.create_string_buffer(64)  # structure types are short names
        self._rect = raw.FS_RECTF()
        self._f = [ctypes.c_float() for _ in range(4)]
        self._object = _by_address(raw.FPDFPage_GetObject, ctypes.c_void_p, ctypes.c_int)
        self._object_type = _by_address(raw.FPDFPageObj_GetType, ctypes.c_void_p, restype=ctypes.c_int)
        f = ctypes.POINTER(ctypes.c_float)
        self._bounds = _by_address(raw.FPDFPageObj_GetBounds, ctypes.c_void_p, f, f, f, f, restype=ctypes.c_int)
        self._matrix = raw.FS_MATRIX()

    def metadata(self, key: str) -> str:
        """A document information entry ("Author"), or ''."""
        raw = self.raw
        size = raw.FPDF_GetMetaText(self.pdf.raw, key.encode("ascii"), None, 0)
        if size <= 2:
            return ""
        buf = ctypes.create_string_buffer(size)
        raw.FPDF_GetMetaText(self.pdf.raw, key.encode("ascii"), buf, size)
        return buf.raw[: size - 2].decode("utf-16-le", "replace").strip()

    def lines(self) -> list[Line]:
        """Every page's lines, running heads marked, paragraphs numbered."""
        read: list[list[PageLine]] = []
        heights: list[float] = []
        for index in range(len(self.pdf)):
            page_lines, height = self._page(index)
            read.append(page_lines)
            heights.append(height)
        if self.chars == 0:
            raise InvalidInputError("no text layer: a scanned PDF; OCR is not supported")
        pages.running(read, heights)
        para = 0
        for number, page_lines in enumerate(read):
            para = pages.paragraphs(page_lines, para)
            for pl in page_lines:
                pl.page = number
        return [_line(pl, pl.page) for pl in pages.streams(read)]

    def _page(self, index: int) -> tuple[list[PageLine], float]:
        raw = self.raw
        page = raw.FPDF_LoadPage(self.pdf.raw, index)
        if not page:
            self.notes.append(f"page {index + 1} could not be read; skipped")
            return [], 0.0
        try:
            width = raw.FPDF_GetPageWidthF(page)
            height = raw.FPDF_GetPageHeightF(page)
            tags = self._tags(page)
            textpage = raw.FPDFText_LoadPage(page)
            if not textpage:
                self.notes.append(f"the text of page {index + 1} could not be read; skipped")
                return [], height
            try:
                words = self._words(textpage, height, tags)
            finally:
                raw.FPDFText_ClosePage(textpage)
            words = _on_page(words, width, height)
            layout.mark_bullets(words, self._shapes(page, height))
            lines = layout.page_lines(words, width)
            self._links(page, height, lines)
        finally:
            raw.FPDF_ClosePage(page)
        return lines, height

    def _shapes(self, page: Any, height: float) -> list[tuple[float, float, float, float]]:
        """Small drawn shapes on the page (left, top, right, bottom), bullets perhaps: paths of at
        most :data:`_SHAPE` points either way. Every object is looked at once, as an address."""
        raw = self.raw
        count = raw.FPDFPage_CountObjects(page)
        if count <= 0:
            return []
        get, kind, path = self._object, self._object_type, raw.FPDF_PAGEOBJ_PATH
        left, bottom, right, top = self._f
        out: list[tuple[float, float, float, float]] = []
        for i in range(min(count, _MAX_OBJECTS)):
            obj = get(page, i)
            if not obj or kind(obj) != path:
                continue
            if not self._bounds(obj, left, bottom, right, top):
                continue
            w, h = right.value - left.value, top.value - bottom.value
            if 0.5 <= w <= _SHAPE and 0.5 <= h <= _SHAPE:
                out.append((left.value, height - top.value, right.value, height - bottom.value))
        return out

    def _tags(self, page: Any) -> dict[int, tuple[str, int]]:
        """A tagged PDF's structure on this page: marked-content id -> (role, list item number),
        the role being the heading (H, H1-H6) or list item (LI) the content stands in."""
        raw = self.raw
        if not self.tagged:
            return {}
        tree = raw.FPDF_StructTree_GetForPage(page)
        if not tree:
            return {}
        tags: dict[int, tuple[str, int]] = {}
        try:
            budget = [_MAX_TAGS]
            for k in range(raw.FPDF_StructTree_CountChildren(tree)):
                element = raw.FPDF_StructTree_GetChildAtIndex(tree, k)
                if element:
                    self._tag(element, ("", -1), tags, budget, 0)
        finally:
            raw.FPDF_StructTree_Close(tree)
        return tags

    def _tag(
        self, element: Any, role: tuple[str, int], tags: dict[int, tuple[str, int]], budget: list[int], depth: int
    ) -> None:
        raw = self.raw
        budget[0] -= 1
        if budget[0] < 0 or depth > _MAX_TAG_DEPTH:
            return  # a hostile tree is read as far as the budget goes
        buf = self._type_buffer
        size = raw.FPDF_StructElement_GetType(element, buf, len(buf))
        kind = buf.raw[: size - 2].decode("utf-16-le", "ignore") if 2 < size <= len(buf) else ""
        if _HEADING_TAG.match(kind):
            role = (kind, role[1])
        elif kind == "LI":
            self._items += 1
            role = (role[0], self._items)
        for k in range(raw.FPDF_StructElement_GetMarkedContentIdCount(element)):
            mcid = raw.FPDF_StructElement_GetMarkedContentIdAtIndex(element, k)
            if mcid >= 0:
                tags[mcid] = role
        for k in range(raw.FPDF_StructElement_CountChildren(element)):
            child = raw.FPDF_StructElement_GetChildAtIndex(element, k)
            if child:
                self._tag(child, role, tags, budget, depth + 1)
            else:
                mcid = raw.FPDF_StructElement_GetChildMarkedContentID(element, k)
                if mcid >= 0:
                    tags[mcid] = role

    def _words(self, textpage: Any, height: float, tags: dict[int, tuple[str, int]]) -> list[Word]:
        raw = self.raw
        text_object = self._text_object
        count = raw.FPDFText_CountChars(textpage)
        if count <= 0:
            return []
        self.chars += count
        if self.chars > self.most:
            raise LimitExceededError(f"the PDF holds more than {self.most:,} characters of text")
        buf = ctypes.create_string_buffer((count + 1) * 2)
        written = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[: count * 2].decode("utf-16-le", "replace")
        if len(text) != count or written != count + 1:
            # A character outside the BMP took two UTF-16 units, or PDFium left out glyphs that map
            # to no character (a fallback font's, an icon's): the text would no longer match the
            # characters' positions. Read them one by one instead, a glyph without one a space.
            text = _from_units([raw.FPDFText_GetUnicode(textpage, i) or 32 for i in range(count)])
        # Most pages hold no accent, ligature or control to mend: then no word is looked at twice.
        mend = _MEND.search(text) is not None
        words: list[Word] = []
        rect = self._rect
        x, y = self._d[0], self._d[1]
        last_obj: int | None = -1
        style = (False, False)
        size = 0.0
        tag = ("", -1)
        floating: list[tuple[float, float, str]] = []
        for m in _WORD.finditer(text):
            start, end = m.start(), m.end() - 1
            spans: list[tuple[float, float]] | None = None
            word = m.group()
            if mend and _HAS_ACCENT.search(word):
                word, spans = self._accented(textpage, start, word, height, floating)
            elif mend:
                word = _clean_word(word)
            if not word:
                continue
            if _LAM_ALEF.search(word) and len(word) == end - start + 1:
                word = self._lam_alef(textpage, start, word)
            if not raw.FPDFText_GetLooseCharBox(textpage, start, rect):
                continue
            x0, x1, top, bottom = rect.left, rect.right, rect.top, rect.bottom
            if end != start:
                # The last character is the leftmost one in a right-to-left word.
                raw.FPDFText_GetLooseCharBox(textpage, end, rect)
                x0, x1 = min(x0, rect.left), max(x1, rect.right)
            if spans:
                x0, x1 = min(b[0] for b in spans), max(b[1] for b in spans)
            raw.FPDFText_GetCharOrigin(textpage, start, x, y)
            address = text_object(textpage, start)
            if address != last_obj:
                # One font and size per text object: asked once per object, not per word.
                last_obj = address
                style = self._style(address)
                size = raw.FPDFText_GetFontSize(textpage, start) * self._scale(textpage, start)
                if tags and address:
                    mcid = self._content_id(address)
                    tag = tags.get(mcid, ("", -1)) if mcid >= 0 else ("", -1)
            words.append(
                Word(
                    word,
                    min(x0, x1),
                    max(x0, x1),
                    height - top,
                    height - bottom,
                    height - y.value,
                    size,
                    *style,
                    start=start if len(word) == end - start + 1 or spans else -1,
                    spans=spans,
                    tag=tag[0],
                    item=tag[1],
                )
            )
        if floating:
            self._place_accents(textpage, words, floating)
        if any(_glued(w.text) and w.start >= 0 and w.spans is None for w in words):
            words = [part for w in words for part in self._unglued(textpage, w)]
        return words

    def _unglued(self, textpage: Any, word: Word) -> list[Word]:
        """A word of spaced capitals cut where its letters stand wider apart than elsewhere.

        A browser's print of letter-spaced capitals ("PRINCIPAL ENGINEER" in CSS letter-spacing)
        draws no space between the words, only a gap a little wider than the letters' own;
        PDFium then sees one word ("PRINCIPALENGINEER").
        """
        if not _glued(word.text) or word.start < 0 or word.spans is not None:
            return [word]
        boxes = self._spans(textpage, word.start, len(word.text))
        gaps = [b[0] - a[1] for a, b in itertools.pairwise(boxes)]
        usual = sorted(gaps)[len(gaps) // 2]
        cuts = [k + 1 for k, g in enumerate(gaps) if g > usual + _SPACED_GAP * word.size and g > 0]
        if not cuts or any(b[0] < a[0] for a, b in itertools.pairwise(boxes)):
            return [word]  # no wider gap, or not drawn left to right
        parts = []
        for a, b in itertools.pairwise([0, *cuts, len(word.text)]):
            parts.append(
                Word(
                    word.text[a:b],
                    boxes[a][0],
                    boxes[b - 1][1],
                    word.top,
                    word.bottom,
                    word.base,
                    word.size,
                    word.bold,
                    word.italic,
                    start=word.start + a,
                    tag=word.tag,
                    item=word.item,
                )
            )
        return parts

    def _lam_alef(self, textpage: Any, start: int, word: str) -> str:
        """Arabic's lam-alef ligature is one glyph for two letters; laid out right to left, its
        letters come out turned round ("ال" for "لا": a Persian heading missed). An alef and a
        lam that share one glyph's box go back in their order."""
        rect, other = self._rect, self.raw.FS_RECTF()
        letters = list(word)
        for m in _LAM_ALEF.finditer(word):
            k = m.start()
            self.raw.FPDFText_GetLooseCharBox(textpage, start + k, rect)
            self.raw.FPDFText_GetLooseCharBox(textpage, start + k + 1, other)
            if abs(rect.left - other.left) < 0.01 and abs(rect.right - other.right) < 0.01:
                letters[k], letters[k + 1] = letters[k + 1], letters[k]
        return "".join(letters)

    def _spans(self, textpage: Any, start: int, count: int) -> list[tuple[float, float, float, float]]:
        """(left, right, bottom, top) of each of ``count`` characters from ``start`` (advance and line
        height, so that letters touch), in PDF units."""
        rect = self._rect
        out = []
        for i in range(start, start + count):
            self.raw.FPDFText_GetLooseCharBox(textpage, i, rect)
            out.append((rect.left, rect.right, rect.bottom, rect.top))
        return out

    def _accented(
        self, textpage: Any, start: int, raw_text: str, height: float, floating: list[tuple[float, float, str]]
    ) -> tuple[str, list[tuple[float, float]]]:
        """A word with spacing accents: each accent joins the letter of the word under or over it;
        one over no letter of the word is kept in ``floating`` for a word nearby."""
        boxes = self._spans(textpage, start, len(raw_text))
        letters = [(ch, box) for ch, box in zip(raw_text, boxes, strict=True) if ch not in _ACCENTS]
        marks: dict[int, str] = {}
        for ch, (left, right, bottom, top) in zip(raw_text, boxes, strict=True):
            if ch not in _ACCENTS:
                continue
            k = _under((left + right) / 2, [(b[0], b[1]) for _, b in letters])
            if k is None:
                floating.append(((left + right) / 2, height - (bottom + top) / 2, _ACCENTS[ch]))
            else:
                marks[k] = marks.get(k, "") + _ACCENTS[ch]
        text = _with_marks("".join(ch for ch, _ in letters), marks)
        spans = [(b[0], b[1]) for _, b in letters]
        return _clean_word(text), spans if len(text) == len(spans) else []

    def _place_accents(self, textpage: Any, words: list[Word], floating: list[tuple[float, float, str]]) -> None:
        """Accents that stand alone in the text layer go on the letter of the word they sit on."""
        marks: dict[int, dict[int, str]] = {}
        # Words by bands of their middle, so that each accent looks at the words of its line only.
        bands: dict[int, list[Word]] = {}
        for w in words:
            if w.start >= 0:
                bands.setdefault(int((w.top + w.bottom) / 2 // _BAND), []).append(w)
        for cx, cy, mark in floating:
            band = int(cy // _BAND)
            near = [
                w
                for b in (band - 1, band, band + 1)
                for w in bands.get(b, ())
                if w.x0 - 1 <= cx <= w.x1 + 1 and w.top - 0.9 * w.size <= cy <= w.bottom + 0.6 * w.size
            ]
            if not near:
                continue
            w = min(near, key=lambda w: abs((w.top + w.bottom) / 2 - cy))
            if w.spans is None:
                w.spans = [(b[0], b[1]) for b in self._spans(textpage, w.start, len(w.text))]
            k = _under(cx, w.spans)
            if k is not None:
                at = marks.setdefault(id(w), {})
                at[k] = at.get(k, "") + mark
        for w in words:
            if id(w) in marks:
                w.text = _with_marks(w.text, marks[id(w)])

    def _scale(self, textpage: Any, index: int) -> float:
        """How much the text and page matrices enlarge a character's font size (``1 Tf`` drawn
        with a matrix of 14 is 14-point type)."""
        m = self._matrix
        if not self.raw.FPDFText_GetMatrix(textpage, index, m):
            return 1.0
        return float(abs(m.a * m.d - m.b * m.c) ** 0.5) or 1.0

    def _style(self, address: int | None) -> tuple[bool, bool]:
        """(bold, italic) of a text object's font, from its weight, flags and name."""
        raw = self.raw
        if not address:
            return False, False
        key = self._font_of(address) or 0
        known = self.fonts.get(key)
        if known is not None:
            return known
        font = ctypes.cast(ctypes.c_void_p(key), raw.FPDF_FONT) if key else None
        name = ""
        if font:
            size = raw.FPDFFont_GetBaseFontName(font, None, 0)
            if size > 1:
                buf = ctypes.create_string_buffer(size)
                raw.FPDFFont_GetBaseFontName(font, buf, size)
                name = buf.raw[: size - 1].decode("latin-1").partition("+")[2] or buf.raw[: size - 1].decode("latin-1")
            flags = raw.FPDFFont_GetFlags(font)
            weight = raw.FPDFFont_GetWeight(font)
            angle = ctypes.c_int()
            slanted = raw.FPDFFont_GetItalicAngle(font, angle) and angle.value != 0
        else:
            flags, weight, slanted = 0, 0, False
        bold = weight >= 600 or bool(flags & _FLAG_FORCE_BOLD) or bool(_BOLD_NAME.search(name))
        italic = bool(flags & _FLAG_ITALIC) or bool(slanted) or bool(_ITALIC_NAME.search(name))
        self.fonts[key] = (bold, italic)
        return bold, italic

    def _links(self, page: Any, height: float, lines: list[PageLine]) -> None:
        """URI link annotations, each on the line whose box holds the middle of the link's rectangle."""
        raw = self.raw
        pos = ctypes.c_int(0)
        link = raw.FPDF_LINK()
        rect = raw.FS_RECTF()
        while raw.FPDFLink_Enumerate(page, pos, link):
            action = raw.FPDFLink_GetAction(link)
            if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
                continue
            size = raw.FPDFAction_GetURIPath(self.pdf.raw, action, None, 0)
            if size <= 1 or size > 4096:
                continue
            buf = ctypes.create_string_buffer(size)
            raw.FPDFAction_GetURIPath(self.pdf.raw, action, buf, size)
            uri = buf.raw[: size - 1].decode("latin-1").strip()
            if not uri or not raw.FPDFLink_GetAnnotRect(link, rect):
                continue
            cx = (rect.left + rect.right) / 2
            cy = height - (rect.top + rect.bottom) / 2
            target = _holder(lines, cx, cy)
            if target is not None and uri not in target.links:
                target.links.append(uri)


def _by_address(function: Any, *args: Any, restype: Any = ctypes.c_void_p) -> Any:
    """A PDFium function that takes and returns handles as plain addresses (ints)."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype, *args)(address)


def _holder(lines: list[PageLine], x: float, y: float) -> PageLine | None:
    """The line whose box holds the point, or the nearest line on its row."""
    best: tuple[float, PageLine] | None = None
    for ln in lines:
        left, top, right, bottom = ln.box
        if top - 2 <= y <= bottom + 2:
            dx = 0.0 if left <= x <= right else min(abs(x - left), abs(x - right))
            if best is None or dx < best[0]:
                best = (dx, ln)
    return best[1] if best is not None and best[0] < 50 else None


def _line(pl: PageLine, page: int) -> Line:
    words = pl.words
    letters = sum(len(w.text) for w in words)
    bold = sum(len(w.text) for w in words if w.bold) >= 0.9 * letters
    italic = sum(len(w.text) for w in words if w.italic) >= 0.9 * letters
    where = pl.where if pl.where != "body" else "sidebar" if pl.sidebar else "body"
    tag = words[0].tag
    level = None
    if tag and all(w.tag == tag for w in words):
        level = int(tag[1:]) - 1 if len(tag) > 1 else 0
    return Line(
        engine_text(pl.text),
        bold=bold,
        italic=italic,
        level=level,
        size=round(pl.size, 1),
        where=where,
        para=pl.para,
        bullet=pl.bullet,
        links=pl.links,
        page=page,
        box=tuple(round(v, 1) for v in pl.box),  # type: ignore[arg-type]  # four floats
        column=pl.column,
    )


# What the engine's cleaning changes in a line built from words: dot leaders, odd hyphens and
# spaces, runs of tabs. Most lines hold none of them and skip it.
_UNCLEAN = re.compile(r"[.…·_]{3}|[^\S ]|\s\s|^\s|\s$|\u2011")


def engine_text(text: str) -> str:
    """A line's text as the engine cleans every front-end's text."""
    return _clean(text) if _UNCLEAN.search(text) else text
