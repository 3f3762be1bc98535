"""PDF: a CV written with Typst (:mod:`.write`); one reader for our own PDFs and everyone else's.

Reading, per file: a PDF we wrote carries the résumé's JSON (:mod:`.embedded`) and is read from
it, exactly; a PDF that embeds a Europass CV's XML (both Europass editors attach it) is read from
that XML, exactly; any other PDF is read by the rules of :mod:`cvconvert.extract` over its text
layer (:mod:`.text`), best effort. Before PDFium reads a file, :mod:`.open` checks it against the
limits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from cvconvert._deps import lazy
from cvconvert.formats.base import Format
from cvconvert.options import DocumentOptions, ReadOptions

if TYPE_CHECKING:
    from cvconvert.formats._pdf.write import write as write_pdf
    from cvconvert.model import Resume
    from cvconvert.report import Report
else:
    # Loaded on first use: the registry imports this module and must stay light.
    write_pdf = lazy("cvconvert.formats._pdf.write", "write")


class PdfReadOptions(ReadOptions):
    """What the PDF reader takes."""

    lang: str | None = Field(
        None, description="a hint: the language of the CV's headings (it is told from the text by itself)"
    )


class PdfWriteOptions(DocumentOptions):
    """What the PDF writer takes (``lang`` and ``page`` as for DOCX)."""

    template: Path | None = Field(
        None, description="a Typst file of your own that lays out the page from the same data (see docs/pdf.md)"
    )
    embed: bool = Field(True, description="attach the résumé's JSON, so that the PDF reads back exactly")


def read(data: bytes, options: PdfReadOptions) -> tuple[Resume, Report]:
    """A résumé from a PDF: the JSON we attach, else its Europass XML, else its text layer by rules.

    Raises InvalidInputError (one line) for a damaged or password-protected PDF, or one without
    a text layer (a scan: OCR is not supported); LimitExceededError past the limits (pages,
    decoded streams, characters, attachments).
    """
    from cvconvert.formats._pdf.open import checked, open_pdf

    with open_pdf(data) as pdf:
        attached = pdf.count_attachments()
    if attached:
        from cvconvert.formats._pdf.embedded import attached as carried

        found = carried(data, options)
        if found is not None:
            _check_page_shows_name(data, *found)
            return found
    from cvconvert.formats._pdf.text import extract

    with checked(data):
        return extract(data, lang=options.lang)


def _check_page_shows_name(data: bytes, resume: Resume, report: Report) -> None:
    """Warn when the résumé read from an attachment names someone the pages do not show.

    An attachment is invisible: a PDF could show a reader one CV and carry another for the
    machines. The name is the cheap tell (every word of it on some page, spaces aside, in either
    direction for right-to-left text).
    """
    import unicodedata

    from cvconvert.formats._pdf.open import checked, open_pdf

    name = resume.basics.name if resume.basics else None
    if not isinstance(name, str) or not name.strip():
        return

    def folded(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).casefold().split())

    import pypdfium2

    try:
        with checked(data), open_pdf(data) as pdf:
            shown = folded("".join(page.get_textpage().get_text_range() for page in pdf))
    except pypdfium2.PdfiumError:
        report.warn("/basics/name", "read from the attachment of a PDF whose damaged pages could not be read")
        return
    words = [folded(word) for word in name.split()]
    if not all(word in shown or word[::-1] in shown for word in words):
        report.warn(
            "/basics/name",
            "read from the résumé the PDF carries as an attachment, but its pages do not show this name: "
            "the pages may show a different CV",
        )


def sniff(data: bytes) -> bool:
    """A PDF: ``%PDF`` within the first kilobyte (readers accept a little junk before it)."""
    return b"%PDF-" in data[:1024]


FORMAT = Format(
    name="pdf",
    extensions=(".pdf",),
    media_type="application/pdf",
    read=read,
    write=write_pdf,
    sniff=sniff,
    extra="pdf",
    read_options=PdfReadOptions,
    write_options=PdfWriteOptions,
    warm_before_fork=False,  # a fork of a process that compiled would compile in a helper process
    description="PDF: writes a tagged PDF/A-3b with the résumé attached and reads it back exactly; "
    "a Europass PDF from its XML; any other CV from its text layer, best effort (no OCR)",
)
