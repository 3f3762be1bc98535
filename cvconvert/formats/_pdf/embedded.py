"""What a PDF carries as attachments, read exactly: our own résumé's JSON, else a Europass CV's XML.

A PDF is ours when it embeds a file named ``cvconvert-resume.json`` (media type
``application/json``) that parses as a résumé; a Europass PDF embeds the CV's XML (both
editors do). Anything else (no such file, another media type, a file that is no résumé) is
left to the text layer. pypdf parses the PDF once for both: the embedded files are counted
before any is decoded (``max_attachments``), and each is decoded within
``max_attachment_bytes``, as the Europass PDF reader does; the JSON is read by the JSON reader,
the XML by the Europass reader, with their limits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cvconvert import limits
from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.errors import CvConvertError, LimitExceededError

if TYPE_CHECKING:
    from cvconvert.formats._pdf import PdfReadOptions
    from cvconvert.model import Resume
    from cvconvert.report import Report

ATTACHMENT = "cvconvert-resume.json"
"""The name of the attached JSON: with its media type, how the reader knows our own PDFs."""
MEDIA_TYPE = "/application#2Fjson"  # how pypdf spells the /Subtype name application/json


def attached(data: bytes, options: PdfReadOptions) -> tuple[Resume, Report] | None:
    """The résumé a PDF carries: our JSON, else a Europass CV's XML; None when it carries neither
    (or pypdf cannot read its attachments: the text layer is the CV then).

    Raises LimitExceededError past ``max_attachments`` or ``max_attachment_bytes``, and what the
    Europass reader raises for a hostile XML.
    """
    with requires_extra("pdf"):
        import pypdf
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError

    # The bounded decoding and the size checks are the Europass PDF reader's (one rule for both).
    from cvconvert.formats._europass.pdf import _decoders_bounded, _europass_among, _listed

    lim = limits.current()
    xml: bytes | None = None
    try:
        with quiet_logger("pypdf"), _decoders_bounded(pypdf, lim.max_attachment_bytes):
            reader = PdfReader(_bytes_io(data), strict=False)
            entries = _listed(reader, lim.max_attachments)
            content = _ours(entries, lim.max_attachment_bytes, LimitReachedError)
            found = _read_json(content, options) if content is not None else None
            if found is not None:
                return found
            xml = _europass_among(entries, lim.max_attachment_bytes, LimitReachedError)
    except CvConvertError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many types on damaged files: no attachment, then
        return None
    if xml is None:
        return None
    from cvconvert.formats._europass.reading import read_xml

    return read_xml(xml, options)


def _ours(entries: list[Any], most: int, reached: type[Exception]) -> bytes | None:
    """The bytes of our attached JSON, or None."""
    from cvconvert.formats._europass.pdf import _content, _stream

    for entry in entries:
        if ATTACHMENT not in (entry.name, entry.alternative_name):
            continue
        stream = _stream(entry)
        if str(stream.get("/Subtype", "")) not in ("/application/json", MEDIA_TYPE):
            continue
        content: bytes = _content(entry.name, entry, stream, most, reached)
        return content
    return None


def _read_json(content: bytes, options: PdfReadOptions) -> tuple[Resume, Report] | None:
    from cvconvert.formats._json import read as read_json
    from cvconvert.options import ReadOptions

    try:
        return read_json(content, ReadOptions(strict=options.strict))
    except LimitExceededError:
        raise
    except CvConvertError:
        return None  # a file of that name that is no résumé: the page is the CV


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)
