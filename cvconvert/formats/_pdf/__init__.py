"""PDF: one ``.pdf`` reader decides between the Europass XML a PDF may carry and its text layer.

A PDF that embeds a Europass CV's XML (both Europass editors attach it) is read from that XML,
exactly; any other PDF is read by the rules of :mod:`cvconvert.extract` over its text layer
(:mod:`.text`), best effort. Before PDFium reads a file, :mod:`.open` checks it against the
limits. Reading only: no PDF writer yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions

if TYPE_CHECKING:
    from cvconvert.model import Resume
    from cvconvert.report import Report


class PdfReadOptions(ReadOptions):
    """What the PDF reader takes."""

    lang: str | None = Field(
        None, description="a hint: the language of the CV's headings (it is told from the text by itself)"
    )


def read(data: bytes, options: PdfReadOptions) -> tuple[Resume, Report]:
    """A résumé from a PDF: its embedded Europass XML if it has one, else its text layer by rules.

    Raises InvalidInputError (one line) for a damaged or password-protected PDF, or one without
    a text layer (a scan: OCR is not supported); LimitExceededError past the limits (pages,
    decoded streams, characters, attachments).
    """
    from cvconvert.formats._pdf.open import checked, open_pdf

    with open_pdf(data) as pdf:
        attached = pdf.count_attachments()
    if attached:
        xml = _europass_xml(data)
        if xml is not None:
            from cvconvert.formats._europass.reading import read_xml

            return read_xml(xml, options)
    from cvconvert.formats._pdf.text import extract

    with checked(data):
        return extract(data, lang=options.lang)


def _europass_xml(data: bytes) -> bytes | None:
    """The Europass XML a PDF embeds, or None; limits on the attachments still apply."""
    from cvconvert.errors import InvalidInputError, LimitExceededError
    from cvconvert.formats._europass.pdf import embedded_xml

    try:
        return embedded_xml(data)
    except LimitExceededError:
        raise
    except InvalidInputError:
        return None  # attachments that are no Europass CV: the text layer is the CV


def sniff(data: bytes) -> bool:
    """A PDF: ``%PDF`` within the first kilobyte (readers accept a little junk before it)."""
    return b"%PDF-" in data[:1024]


FORMAT = Format(
    name="pdf",
    extensions=(".pdf",),
    media_type="application/pdf",
    read=read,
    write=None,
    sniff=sniff,
    extra="pdf",
    read_options=PdfReadOptions,
    description="PDF: a Europass PDF from its XML; any other CV from its text layer, best effort (no OCR)",
)
