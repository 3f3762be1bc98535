"""Europass PDFs: both editors embed the CV's XML in the PDF as an attached file."""

from __future__ import annotations

import io

from cvconvert import limits
from cvconvert._deps import quiet_logger, requires_extra
from cvconvert.errors import InvalidInputError, LimitExceededError

# Names the two editors gave the embedded file (the new one, then the old one).
_KNOWN = ("attachment.xml", "Europass-CV-XML-Attachment.xml")


def embedded_xml(data: bytes) -> bytes:
    """The Europass XML embedded in a PDF; InvalidInputError when there is none or the PDF is damaged."""
    with requires_extra("europass"):
        from pypdf import PdfReader

    if not data.startswith(b"%PDF"):
        raise InvalidInputError("not a PDF file (no %PDF header)")
    # pypdf logs every repair it makes to a damaged file; the error below is the one line we want.
    try:
        with quiet_logger("pypdf"):
            reader = PdfReader(io.BytesIO(data), strict=False)
            attachments = reader.attachments
            names = list(attachments)
            candidates = [n for n in _KNOWN if n in attachments]
            candidates += [n for n in names if n.lower().endswith(".xml") and n not in _KNOWN]
            found = [(name, content) for name in candidates for content in attachments[name]]
    except InvalidInputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types (even AssertionError) on damaged files
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise InvalidInputError(f"damaged PDF ({type(exc).__name__}{': ' + detail if detail else ''})") from None
    if not candidates:
        raise InvalidInputError("a PDF without an embedded Europass XML file (not a Europass PDF)")
    lim = limits.current()
    for name, content in found:
        if len(content) > lim.max_member_bytes:
            limit = lim.max_member_bytes
            raise LimitExceededError(f"embedded file {name} has {len(content):,} bytes (limit {limit:,})")
        head = content[:4096]
        if b"SkillsPassport" in head or b"Candidate" in head:
            return content
    raise InvalidInputError("the PDF's embedded XML is not a Europass CV")
