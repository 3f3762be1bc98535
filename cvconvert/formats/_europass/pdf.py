"""Europass PDFs: both editors embed the CV's XML in the PDF as an attached file."""

from __future__ import annotations

import dataclasses
import io
import zlib
from contextlib import AbstractContextManager, nullcontext
from typing import Any, cast

from cvconvert import limits
from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.errors import InvalidInputError, LimitExceededError

# Names the two editors gave the embedded file (the new one, then the old one).
_KNOWN = ("attachment.xml", "Europass-CV-XML-Attachment.xml")

# pypdf's own bounds on what one stream's filters may output: each is set to max_attachment_bytes
# while we read, so that a few kB of Flate (or LZW, run-length, ...) data stop there as they are
# decoded instead of becoming the 75 MB pypdf allows by default.
_DECODER_LIMITS = (
    "zlib_maximum_output_length",
    "lzw_maximum_output_length",
    "run_length_maximum_output_length",
    "brotli_maximum_output_length",
    "jbig2_maximum_output_length",
    "array_based_stream_maximum_output_length",
)
# A damaged Flate stream is retried one byte at a time, in Python; a Europass XML compresses to
# far less than this, so a longer retry only costs time.
_RECOVERY_BYTES = 2**20


def embedded_xml(data: bytes) -> bytes:
    """The Europass XML embedded in a PDF; InvalidInputError when there is none or the PDF is damaged.

    The embedded files are counted before any is decoded (``max_attachments``); then only files
    named ``*.xml`` are decoded, one at a time, each bounded by ``max_attachment_bytes`` while it
    is decoded, until one is a Europass CV: a PDF of a few MB can hold gigabytes of compressed
    attachments. Raises LimitExceededError past either limit.
    """
    with requires_extra("europass"):
        import pypdf
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError

    if not data.startswith(b"%PDF"):
        raise InvalidInputError("not a PDF file (no %PDF header)")
    lim = limits.current()
    # pypdf logs every repair it makes to a damaged file; the error below is the one line we want.
    try:
        with quiet_logger("pypdf"), _decoders_bounded(pypdf, lim.max_attachment_bytes):
            reader = PdfReader(io.BytesIO(data), strict=False)
            entries = _listed(reader, lim.max_attachments)
            found = _europass_among(entries, lim.max_attachment_bytes, LimitReachedError)
            if found is not None:
                return found
    except InvalidInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types (even AssertionError) on damaged files
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise InvalidInputError(f"damaged PDF ({type(exc).__name__}{': ' + detail if detail else ''})") from None
    if not _xml_attachments(entries):
        raise InvalidInputError("a PDF without an embedded Europass XML file (not a Europass PDF)")
    raise InvalidInputError("the PDF's embedded XML is not a Europass CV")


def _decoders_bounded(pypdf: Any, limit: int) -> AbstractContextManager[Any]:
    """pypdf's decoders bounded by ``limit`` for this context (the configuration is a context
    variable); pypdf before 6.18 has no such configuration, and its own 75 MB bound stays."""
    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:
        return nullcontext()
    known = {f.name for f in dataclasses.fields(pypdf.Configuration)}
    bound = {name: limit for name in _DECODER_LIMITS if name in known}
    return cast(AbstractContextManager[Any], apply(zlib_maximum_recovery_input_length=_RECOVERY_BYTES, **bound))


def _listed(reader: Any, most: int) -> list[Any]:
    """The embedded files, counted before any is decoded: pypdf's ``attachment_list`` walks the
    name tree and yields file specifications without reading their streams, so a PDF embedding
    too many files is refused before any is decoded."""
    entries = []
    for count, entry in enumerate(reader.attachment_list, 1):
        if count > most:
            raise LimitExceededError(f"the PDF embeds more than {most:,} files (limit max_attachments={most:,})")
        entries.append(entry)
    return entries


def _xml_attachments(entries: list[Any]) -> list[tuple[str, Any]]:
    """The embedded files named like XML, the editors' names first; none is decoded here."""
    named: dict[str, Any] = {}
    for entry in entries:
        for name in dict.fromkeys((entry.name, entry.alternative_name)):
            if isinstance(name, str) and name.lower().endswith(".xml"):
                named.setdefault(name, entry)
    known = [(name, named[name]) for name in _KNOWN if name in named]
    return known + [(name, entry) for name, entry in named.items() if name not in _KNOWN]


def _europass_among(entries: list[Any], most: int, reached: type[Exception]) -> bytes | None:
    """The Europass CV's XML among the embedded files, or None.

    Files named ``*.xml`` only, one at a time; a file is decoded whole only when its start cannot
    be read cheaply, and such files share one file's budget (``most``): a PDF of a few MB can hold
    a hundred XML files of 50 MB each. LimitExceededError past it.
    """
    decoded = 0
    for name, entry in _xml_attachments(entries):
        stream = _stream(entry)
        if _head(stream) is False:
            continue
        content = _content(name, entry, stream, most, reached)
        if _is_europass(content[:_HEAD]):
            return content
        decoded += len(content)
        if decoded > most:
            raise LimitExceededError(
                f"the PDF's embedded XML files are no Europass CV and hold more than "
                f"{most:,} bytes together (limit max_attachment_bytes)"
            )
    return None


_HEAD = 4096


def _is_europass(head: bytes) -> bool:
    return b"SkillsPassport" in head or b"Candidate" in head


def _stream(entry: Any) -> Any:
    """The stream of an embedded file (as pypdf's ``EmbeddedFile.content`` finds it)."""
    files = entry.pdf_object["/EF"].get_object()
    return (files.get("/UF") or files["/F"]).get_object()


def _head(stream: Any) -> bool | None:
    """Whether a Flate-compressed file starts like a Europass CV, from its first 4 kB only; None
    when that cannot be told without decoding it all (other filters, a damaged start).

    A PDF can hold a hundred XML files of 50 MB each: inflating each whole before looking at
    its start took half a minute.
    """
    raw = getattr(stream, "_data", None)  # pypdf keeps a stream's encoded bytes there
    filters = stream.get("/Filter")
    if isinstance(filters, list) and len(filters) == 1:
        filters = filters[0]
    if not isinstance(raw, bytes) or filters != "/FlateDecode" or stream.get("/DecodeParms") is not None:
        return None
    try:
        return _is_europass(zlib.decompressobj().decompress(raw, _HEAD))
    except zlib.error:
        return None


def _content(name: str, entry: Any, stream: Any, limit: int, reached: type[Exception]) -> bytes:
    """One embedded file's bytes, decoded within ``limit``; LimitExceededError past it."""
    too_big = f"embedded file {name[:80]!r} is bigger than {limit:,} bytes (limit max_attachment_bytes={limit:,})"
    declared = entry.size
    # The size the file specification declares: a file that says it is too big is not decoded.
    if isinstance(declared, int) and declared > limit:
        raise LimitExceededError(too_big)
    # decode_stream_data, not entry.content: pypdf keeps a decoded copy of every stream it decodes
    # through the stream object, and the files that are no Europass CV would add up.
    from pypdf.filters import decode_stream_data
    from pypdf.generic import EncodedStreamObject

    try:
        content: bytes = decode_stream_data(stream) if isinstance(stream, EncodedStreamObject) else stream.get_data()
    except reached:
        raise LimitExceededError(too_big) from None
    # Filters without an output bound in pypdf (ASCIIHex, ASCII85) output less than they read.
    if len(content) > limit:
        raise LimitExceededError(too_big)
    return content
