"""Opening a PDF with PDFium (pypdfium2), with the checks every PDF reader needs first.

PDFium is not thread-safe: a process reads one PDF at a time (batch and Dask use processes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cvconvert import limits
from cvconvert._deps import requires_extra
from cvconvert.errors import InvalidInputError, LimitExceededError


@contextmanager
def open_pdf(data: bytes) -> Iterator[Any]:
    """The PDF as a ``pypdfium2.PdfDocument``, closed after the block.

    Raises InvalidInputError (one line) for bytes that are not a PDF or a PDF that needs a
    password, LimitExceededError for more pages than ``max_pdf_pages``.
    """
    with requires_extra("pdf"):
        import pypdfium2 as pdfium

    if not data.lstrip(b"\x00\t\n\f\r ")[:1024].count(b"%PDF"):
        raise InvalidInputError("not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).casefold():
            raise InvalidInputError("the PDF is encrypted with a password; it cannot be read") from None
        raise InvalidInputError(f"damaged PDF ({exc})") from None
    try:
        most = limits.current().max_pdf_pages
        if len(pdf) > most:
            raise LimitExceededError(f"the PDF has {len(pdf):,} pages (limit {most:,})")
        yield pdf
    finally:
        pdf.close()
