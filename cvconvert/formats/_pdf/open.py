"""Opening a PDF with PDFium (pypdfium2), after the checks every PDF reader needs first.

PDFium decodes the streams it reads (content, fonts, character maps, object streams, inline
images) whole and without a bound, and aborts the process when memory runs out: 500 MB of
spaces deflated into 500 kB killed it under the 1 GiB bound, and 8 MB of dense text operators
took 800 MB to lay out. So before PDFium sees a file, :func:`inspect` counts decoded bytes
without keeping them. First a scan of the raw bytes: every stream in the file, whatever refers
to it, inflated and counted; when all of them together stay under ``max_pdf_content_bytes`` (a
CV: a few hundred kB), nothing PDFium reads can be bigger. Otherwise (large fonts or images, an
encrypted file, a stream the scan cannot delimit), pypdf walks what PDFium reads to lay out the
pages' text and counts page content, the forms and glyphs it draws and its inline images against
``max_pdf_content_bytes``, and the other streams it reaches (fonts, character maps) against
``max_pdf_stream_bytes``. Images are not decoded: text extraction never draws them.

PDFium is not thread-safe: batch and a local Dask cluster read in processes, and within a
process :func:`open_pdf` lets one thread at a time hold a PDF (a Dask worker started with
several threads, a web server's thread pool).
"""

from __future__ import annotations

import io
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from cvconvert import limits
from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.errors import InvalidInputError, LimitExceededError

ENCRYPTED = "the PDF is encrypted with a password; it cannot be read"

# PDFium keeps global state without locks: one open document at a time in a process.
_PDFIUM = threading.RLock()

# The bytes object that :func:`checked` vouches for: a reader that has inspected a file opens
# it again without a second check (a context variable: it holds for one call, not the process).
_checked: ContextVar[bytes | None] = ContextVar("cvconvert_pdf_checked", default=None)


@contextmanager
def checked(data: bytes) -> Iterator[None]:
    """Within the block, :func:`open_pdf` trusts that ``data`` passed :func:`inspect`."""
    token = _checked.set(data)
    try:
        yield
    finally:
        _checked.reset(token)


@contextmanager
def open_pdf(data: bytes) -> Iterator[Any]:
    """The PDF as a ``pypdfium2.PdfDocument``, closed after the block.

    Runs :func:`inspect` first (unless inside :func:`checked` for these bytes). Raises
    InvalidInputError (one line) for bytes that are not a PDF, a damaged PDF or one that needs
    a password, LimitExceededError past ``max_pdf_pages``, ``max_pdf_content_bytes`` or
    ``max_pdf_stream_bytes``.
    """
    if _checked.get() is not data:
        inspect(data)
    with requires_extra("pdf"):
        import pypdfium2 as pdfium

    with _PDFIUM:
        yield from _opened(pdfium, data)


def _opened(pdfium: Any, data: bytes) -> Iterator[Any]:
    try:
        # No password: PDFium tries the empty one, which opens a PDF that only restricts printing
        # or copying.
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).casefold():
            raise InvalidInputError(ENCRYPTED) from None
        raise InvalidInputError(f"damaged PDF ({exc})") from None
    try:
        _check_pages(len(pdf))
        yield pdf
    finally:
        pdf.close()


def inspect(data: bytes) -> None:
    """Check a PDF before PDFium reads it: its pages and decoded stream bytes within the limits.

    Raises InvalidInputError for bytes that are not a PDF, a PDF so damaged that its pages
    cannot be found, or one encrypted with a password; LimitExceededError past the limits.
    """
    if b"%PDF" not in data[:1024]:
        raise InvalidInputError("not a PDF file (no %PDF header)")
    lim = limits.current()
    if not _scan_small(data, lim.max_pdf_content_bytes):
        _walk(data, lim)


def _walk(data: bytes, lim: limits.Limits) -> None:
    """The slow check: pypdf finds the pages and what they read, as PDFium will."""
    with requires_extra("pdf"):
        import pypdf
        from pypdf.errors import FileNotDecryptedError, LimitReachedError

    try:
        with quiet_logger("pypdf"), _bounded(pypdf, lim.max_pdf_stream_bytes):
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InvalidInputError(ENCRYPTED)
            _check_pages(_declared_pages(reader))
            pages = reader.pages
            _check_pages(len(pages))
            _Budget(lim).walk(pages)
    except (InvalidInputError, MemoryError):
        raise
    except FileNotDecryptedError:
        raise InvalidInputError(ENCRYPTED) from None
    except LimitReachedError as exc:
        if any(word in str(exc).casefold() for word in ("decompress", "decod", "output")):
            # pypdf's own decoders (object and cross-reference streams) stopped at the bound.
            raise _too_much("max_pdf_stream_bytes", lim.max_pdf_stream_bytes) from None
        detail = str(exc).splitlines()[0][:120] if str(exc) else "a bound of pypdf"
        raise LimitExceededError(f"the PDF goes past what is checked before it is read ({detail})") from None
    except RecursionError:
        raise InvalidInputError("damaged PDF (nested too deeply)") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types (even AssertionError) on damaged files
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise InvalidInputError(f"damaged PDF ({type(exc).__name__}{': ' + detail if detail else ''})") from None


# --- the fast scan over the raw bytes ---------------------------------------------------------

# A stream's data starts after its dictionary's ">>", the keyword (comments may come between,
# as PDFium's tokenizer skips them) and an end of line.
_STREAM_START = re.compile(rb">>(?:\s|%[^\r\n]*)*stream(?:\r\n|\n|\r)?")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()%]+|\d+\s+\d+\s+R)")
_NAME = re.compile(rb"/([^\s/\[\]<>()%]+)")
# A name written with #-escapes (``/F#69lter`` is ``/Filter`` to PDFium).
_ESCAPED = re.compile(rb"/[^\s/\[\]<>()%]*#[0-9A-Fa-f]{2}[^\s/\[\]<>()%]*")


def _scan_small(data: bytes, most: int) -> bool:
    """True when every stream in the file, decoded, with the file's other bytes, adds up to at
    most ``most`` bytes: then nothing PDFium reads can be larger.

    Streams cannot hide inside object streams, so scanning the raw bytes finds every one,
    whatever the cross-reference tables say. A stream's data is taken to end at the first
    "endstream" (PDFium's never ends before it); a deflated stream must end there too, and
    counts what it inflates to; the bytes of every other stream count as they are. False, and
    the walk decides, when the total is larger or a stream cannot be read here: encrypted or
    damaged data, deflated data that runs on past an "endstream", a filter that is a reference
    or a #-escaped name, LZW and the other filters rare in CVs.
    """
    total = len(data)
    pos = 0
    find = data.find
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        if match.start() < pos:
            continue  # inside the stream before: binary data that looks like a dictionary's end
        start = match.end()
        end = find(b"endstream", start)
        if end < 0:
            return False
        # Everything since the stream before: the dictionary is in it, and a string in the
        # dictionary cannot hide a filter by holding "obj" or "endobj".
        head = data[pos : match.start()]
        grown = _growth(head, view[start:end], data.find(b"ID", start, end) >= 0, most - total)
        if grown is None:
            return False
        total += grown
        if total > most:
            return False
        pos = end
    return True


def _growth(head: bytes, raw: memoryview, marked: bool, room: int) -> int | None:
    """How many bytes more than its raw data a stream decodes to (with its inline images), or
    None when the scan cannot tell."""
    filters = _FILTER.findall(head)
    if len(filters) != head.count(b"/Filter") or len(filters) > 1 or _escaped_filter(head):
        return None  # a filter the pattern does not read, a second one, or one #-escaped
    if filters and filters[0].endswith(b"R"):
        return None  # a filter given by reference
    if _FORM.search(head):
        return None  # a form: PDFium parses it again wherever it is drawn, which the walk counts
    chain = [f"/{name.decode('latin-1')}" for name in _NAME.findall(filters[0])] if filters else []
    if not chain:
        return _inline_images(bytes(raw), room) if marked else 0  # marked: holds an "ID"
    if chain[0] not in _FLATE:
        return None if chain[0] in _OTHER else 0  # image codecs run only to draw
    inflater = zlib.decompressobj()
    try:
        decoded = inflater.decompress(raw, room + len(raw) + 1)
    except zlib.error:
        return None  # encrypted or damaged: the walk decodes as PDFium will
    if not inflater.eof and not inflater.unconsumed_tail:
        return None  # runs on past an "endstream": the walk finds the stream's real length
    decoded = _decode_chain(decoded, chain[1:], room + len(raw))
    extra = _inline_images(decoded, room) if b"ID" in decoded else 0
    return max(0, len(decoded) - len(raw)) + extra


# A form XObject, or a subtype given by reference (it may be /Form).
_FORM = re.compile(rb"/Subtype\s*(?:/Form\b|\d+\s+\d+\s+R)")


def _escaped_filter(head: bytes) -> bool:
    """Whether a #-escaped name in ``head`` is one the scan reads (``/Filter``, a filter's name,
    ``/Subtype``, ``/Form``); font names are often escaped: ``/Times#20New#20Roman``."""
    for match in _ESCAPED.finditer(head):
        name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), match.group())
        if name.decode("latin-1") in _KEY_NAMES:
            return True
    return False


# An inline image: BI, its dictionary (abbreviated keys), ID, one white-space byte, the data.
# The pattern starts with its literal so that the search skips ahead at C speed.
_INLINE = re.compile(rb"BI\s(.{0,4096}?)(?<=\s)ID(?:\r\n|\s)", re.S)
_INLINE_FILTER = re.compile(rb"/(?:F|Filter)\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_DELIMITERS = frozenset(b" \t\r\n\f\x00]>)}")


def _inline_images(content: bytes, room: int) -> int:
    """What the inline images of a content stream decode to: PDFium decodes each whole while it
    parses the page, to find where its data ends. Each image's data is read once."""
    total = 0
    pos = 0
    view = memoryview(content)
    while total <= room:
        match = _INLINE.search(content, pos)
        if match is None:
            break
        pos = match.end()
        if match.start() and content[match.start() - 1] not in _DELIMITERS:
            pos = match.start() + 2  # "BI" inside a word
            continue
        found = _INLINE_FILTER.search(match.group(1))
        if found is None:
            continue
        chain = [f"/{name.decode('latin-1')}" for name in _NAME.findall(found.group(1))]
        if chain and chain[0] in _FLATE:
            decoded, used = _inflate(view[pos:], room - total)
            total += len(_decode_chain(decoded, chain[1:], room - total))
            pos += used
        elif chain:
            total += len(_decode_chain(bytes(view[pos : pos + room - total + 1]), chain, room - total))
    return total


# --- the walk over what the pages read ----------------------------------------------------------


def _check_pages(count: int) -> None:
    most = limits.current().max_pdf_pages
    if count > most:
        raise LimitExceededError(f"the PDF has {count:,} pages (limit max_pdf_pages={most:,})")


def _declared_pages(reader: Any) -> int:
    """The page count the page tree's root declares, read before the tree is walked (0 if none)."""
    pages = reader.root_object.get("/Pages")
    count = pages.get_object().get("/Count") if pages is not None else None
    return count if isinstance(count, int) else 0


def _too_much(name: str, most: int) -> LimitExceededError:
    what = "page content" if name == "max_pdf_content_bytes" else "fonts and other streams"
    return LimitExceededError(f"the PDF's {what} decode to more than {most:,} bytes (limit {name}={most:,})")


# pypdf's bounds on what its decoders output, set to ours while it reads the file (it decodes
# object and cross-reference streams itself, as PDFium will).
_PYPDF_BOUNDS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "jbig2_maximum_output_length",
    "array_based_stream_maximum_output_length",
)


def _bounded(pypdf: Any, most: int) -> Any:
    import dataclasses

    known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
    return pypdf.apply_configuration(**{name: most for name in _PYPDF_BOUNDS if name in known})


# Filters and their abbreviations (inline images use the short names). PDFium runs the image
# codecs (DCT, JPX, JBIG2, CCITT) only to draw: the text never needs them.
_FLATE = frozenset({"/FlateDecode", "/Fl"})
# The other filters PDFium decodes, with pypdf's decoder of each (filters rare in CVs).
_OTHER = {
    "/LZWDecode": "LZWDecode",
    "/LZW": "LZWDecode",
    "/RunLengthDecode": "RunLengthDecode",
    "/RL": "RunLengthDecode",
    "/ASCIIHexDecode": "ASCIIHexDecode",
    "/AHx": "ASCIIHexDecode",
    "/ASCII85Decode": "ASCII85Decode",
    "/A85": "ASCII85Decode",
}
# Names whose #-escaped spelling the scan leaves to the walk.
_KEY_NAMES = frozenset({"/Filter", "/Subtype", "/Form", *_FLATE, *_OTHER})
# Keys that lead back up the document (to the page tree, every page): not followed.
_UP = frozenset({"/Parent", "/P", "/Annots", "/B", "/Thumb", "/Metadata"})
# How a stream is read: as content drawn once (Type 3 glyphs, patterns), as another stream (fonts,
# character maps), or as a page's content, which the pass over what each page draws counts.
_CONTENT, _STREAM, _PAGE = 0, 1, 2
# "/Name Do" draws an external object: an image, or a form whose content PDFium parses again at
# every use (a 700 kB page drawing an 8 kB form 100,000 times aborted PDFium).
_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do\b")


class _Budget:
    """Decoded bytes counted against the two limits, over one walk of the pages."""

    def __init__(self, lim: limits.Limits) -> None:
        self.most = (lim.max_pdf_content_bytes, lim.max_pdf_stream_bytes)
        self.names = ("max_pdf_content_bytes", "max_pdf_stream_bytes")
        self.used = [0, 0]
        self.seen: set[tuple[int, int, int]] = set()
        self.forms: dict[tuple[int, int], int] = {}

    def walk(self, pages: Any) -> None:
        """Count what PDFium reads to lay out each page's text: linear in the objects reached."""
        todo: list[tuple[Any, int]] = []
        for page in pages:
            todo.append((page.raw_get("/Resources") if "/Resources" in page else None, _STREAM))
            todo.append((page.raw_get("/Contents") if "/Contents" in page else None, _PAGE))
        self._streams(todo)
        for page in pages:
            self._draw(page)

    def _streams(self, todo: list[tuple[Any, int]]) -> None:
        """Every stream the pages reach, once per way it is read; fonts and the like counted."""
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        while todo:
            item, kind = todo.pop()
            if isinstance(item, IndirectObject):
                # An object is counted once for each way PDFium may read it: a stream reached
                # as a font and as page content is decoded for both.
                key = (item.idnum, item.generation, kind)
                if key in self.seen:
                    continue
                self.seen.add(key)
                item = item.get_object()
            if isinstance(item, StreamObject):
                kind = self._stream(item, kind)
                todo.extend((value, _STREAM) for key, value in item.items() if key not in _UP)
            elif isinstance(item, DictionaryObject):
                for key, value in item.items():
                    if key == "/CharProcs":  # a Type 3 font's glyphs are drawn like page content
                        procs = value.get_object()
                        if isinstance(procs, DictionaryObject):
                            todo.extend((proc, _CONTENT) for proc in procs.values())
                    elif key not in _UP:
                        todo.append((value, _STREAM))
            elif isinstance(item, ArrayObject):
                todo.extend((value, kind) for value in item)

    def _stream(self, stream: Any, kind: int) -> int:
        """Count one stream's decoded bytes; the kind it is read as (forms are content)."""
        subtype = stream.get("/Subtype")
        if kind == _PAGE or subtype == "/Form":
            return _PAGE  # counted where it is drawn
        if subtype == "/Image":
            return kind
        if stream.get("/PatternType") == 1:
            kind = _CONTENT
        room = self.most[kind] - self.used[kind]
        decoded = _decoded(stream, room)
        self.used[kind] += len(decoded)
        if kind == _CONTENT and b"ID" in decoded and len(decoded) <= room:
            self.used[kind] += _inline_images(decoded, room - len(decoded))
        if self.used[kind] > self.most[kind]:
            raise _too_much(self.names[kind], self.most[kind])
        return kind

    def _draw(self, page: Any) -> None:
        """Count a page's content as PDFium parses it: each form again wherever it is drawn."""
        from pypdf.generic import ArrayObject

        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, ArrayObject) else [contents] if contents is not None else []
        room = self.most[_CONTENT] - self.used[_CONTENT]
        content = b"\n".join(_decoded(part.get_object(), room) for part in streams)
        self.used[_CONTENT] += self._drawn(content, page.get("/Resources"), ())
        if self.used[_CONTENT] > self.most[_CONTENT]:
            raise _too_much(self.names[_CONTENT], self.most[_CONTENT])

    def _drawn(self, content: bytes, resources: Any, stack: tuple[tuple[int, int], ...]) -> int:
        """The bytes PDFium parses for ``content``: itself, its inline images and the forms it draws."""
        room = self.most[_CONTENT] - self.used[_CONTENT]
        size = len(content)
        if size <= room and b"ID" in content:
            size += _inline_images(content, room - size)
        if size > room or b"Do" not in content:
            return size
        uses: dict[bytes, int] = {}
        for match in _DO.finditer(content):
            uses[match.group(1)] = uses.get(match.group(1), 0) + 1
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, dict):
            return size
        for name, count in uses.items():
            ref = xobjects.raw_get(_name(name)) if _name(name) in xobjects else None  # type: ignore[attr-defined]
            size += count * self._form(ref, resources, stack)
            if size > room:
                break
        return size

    def _form(self, ref: Any, resources: Any, stack: tuple[tuple[int, int], ...]) -> int:
        """What one use of a form costs (0 for an image); a form inside itself is not drawn again."""
        from pypdf.generic import IndirectObject, StreamObject

        if not isinstance(ref, IndirectObject):
            return 0
        key = (ref.idnum, ref.generation)
        if key in stack:
            return 0  # PDFium does not draw a form inside itself
        known = self.forms.get(key)
        if known is not None:
            return known
        form = ref.get_object()
        if not isinstance(form, StreamObject) or form.get("/Subtype") != "/Form":
            return 0
        own = form.get("/Resources")
        content = _decoded(form, self.most[_CONTENT] - self.used[_CONTENT])
        size = self._drawn(content, own if own is not None else resources, (*stack, key))
        if own is not None:
            self.forms[key] = size  # a form without resources takes those where it is drawn
        return size


def _name(raw: bytes) -> str:
    """A name as written in content (``/X#20Y``) as pypdf keys it (``/X Y``)."""
    if b"#" in raw:
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), raw)
    return "/" + raw.decode("utf-8", "replace")


def _decoded(stream: Any, room: int) -> bytes:
    """The bytes PDFium decodes from a stream, up to one past ``room``."""
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else ()
    chain = [str(f.get_object()) for f in filters] if isinstance(filters, list) else [str(filters)] if filters else []
    data: bytes = stream._data  # pypdf keeps the encoded (decrypted) bytes there
    return _decode_chain(data, chain, room)


def _decode_chain(data: bytes, chain: list[str], room: int) -> bytes:
    """``data`` through a chain of filters, each step's output cut one byte past ``room``; the
    chain stops at an image codec (PDFium runs those only to draw) or a filter it does not know."""
    for name in chain:
        if len(data) > room:
            break
        if name in _FLATE:
            data = _inflate(data, room)[0]
        elif name in _OTHER:
            data = _decode_other(name, data, room)
        else:
            break
    return data[: room + 1]


def _inflate(data: bytes | memoryview, room: int) -> tuple[bytes, int]:
    """Deflated bytes inflated up to one byte past ``room``, and how many bytes they took.

    A damaged stream gives what it held before the damage, as PDFium's decoder does.
    """
    inflater = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest and size <= room:
            piece = inflater.decompress(rest, min(2**20, room + 1 - size))
            out.append(piece)
            size += len(piece)
            rest = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass
    return b"".join(out), len(data) - len(inflater.unused_data) - len(inflater.unconsumed_tail)


def _decode_other(name: str, data: bytes, room: int) -> bytes:
    """LZW, run-length and the ASCII filters, by pypdf's decoders (bounded by its configuration)."""
    from pypdf import filters

    decoder = getattr(filters, _OTHER[name])
    try:
        decoded: bytes = decoder.decode(data)
    except Exception:  # noqa: BLE001 - damaged data decodes to nothing here; PDFium stops early too
        return b""
    return decoded[: room + 1]
