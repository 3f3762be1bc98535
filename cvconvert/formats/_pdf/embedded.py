"""Our own PDFs back: the résumé's JSON that :mod:`.write` attaches, read exactly.

A PDF is ours when it embeds a file named ``cvconvert-resume.json`` (media type
``application/json``) that parses as a résumé; anything else (no such file, another media
type, a file that is no résumé) is left to the next reader in line. The attachment is decoded
within ``max_attachment_bytes``, as Europass XML is, and read by the JSON reader, with its
limits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cvconvert import limits
from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.errors import CvConvertError, InvalidInputError, LimitExceededError

if TYPE_CHECKING:
    from cvconvert.formats._pdf import PdfReadOptions
    from cvconvert.model import Resume
    from cvconvert.report import Report

ATTACHMENT = "cvconvert-resume.json"
"""The name of the attached JSON: with its media type, how the reader knows our own PDFs."""
MEDIA_TYPE = "/application#2Fjson"  # how pypdf spells the /Subtype name application/json


def ours(data: bytes, options: PdfReadOptions) -> tuple[Resume, Report] | None:
    """The résumé a PDF of ours carries, or None when the PDF is not ours.

    Raises LimitExceededError past ``max_attachments`` or ``max_attachment_bytes``.
    """
    content = _attachment(data)
    if content is None:
        return None
    from cvconvert.formats._json import read as read_json
    from cvconvert.options import ReadOptions

    try:
        return read_json(content, ReadOptions(strict=options.strict))
    except LimitExceededError:
        raise
    except CvConvertError:
        return None  # a file of that name that is no résumé: the page is the CV


def _attachment(data: bytes) -> bytes | None:
    with requires_extra("pdf"):
        import pypdf
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError

    # The bounded decoding and the size checks are the Europass PDF reader's (one rule for both).
    from cvconvert.formats._europass.pdf import _content, _decoders_bounded, _stream

    lim = limits.current()
    try:
        with quiet_logger("pypdf"), _decoders_bounded(pypdf, lim.max_attachment_bytes):
            reader = PdfReader(_bytes_io(data), strict=False)
            for count, entry in enumerate(reader.attachment_list, 1):
                if count > lim.max_attachments:
                    raise LimitExceededError(
                        f"the PDF embeds more than {lim.max_attachments:,} files "
                        f"(limit max_attachments={lim.max_attachments:,})"
                    )
                if ATTACHMENT not in (entry.name, entry.alternative_name):
                    continue
                stream = _stream(entry)
                if str(stream.get("/Subtype", "")) not in ("/application/json", MEDIA_TYPE):
                    continue
                content: bytes = _content(entry.name, entry, stream, lim.max_attachment_bytes, LimitReachedError)
                return content
    except (LimitExceededError, InvalidInputError):
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many types on damaged files: not ours, then
        return None
    return None


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)
