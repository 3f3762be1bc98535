"""DOCX: a one-column Word CV out; our own DOCX (even after edits in Word) and other CVs back in.

Writing: :mod:`.write` (styles and page: :mod:`.package`, what each section shows: :mod:`.layout`).
Reading: :mod:`.read` for documents cvconvert wrote; other CVs go to :mod:`.extract`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import DocumentOptions, Names, ReadOptions
from cvconvert.report import Report

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocxReadOptions(ReadOptions):
    """What the DOCX reader takes."""

    lang: str | None = Field(
        None, description="a hint: the language of another CV's headings (it is told from the text by itself)"
    )


class DocxWriteOptions(DocumentOptions):
    """What the DOCX writer takes."""

    template: Path | None = Field(
        None, description="a .dotx or .docx whose styles, page setup and header text are used"
    )
    sections: Names | None = Field(
        None, description="which sections, in this order: work,education,skills (default: all)"
    )


# The reader and writer live in the submodules .read and .write; these wrappers import them on
# first use (the registry must stay light) under other names, since importing a submodule sets
# the package attribute of its name (``_docx.write`` is the module, not a function).
def _write(resume: Resume, options: DocxWriteOptions) -> tuple[bytes, Report]:
    """Write a one-column Word CV; see :func:`cvconvert.formats._docx.write.write`."""
    from cvconvert.formats._docx.write import write as write_docx

    return write_docx(
        resume, sections=options.sections, lang=options.lang, page=options.page, template=options.template
    )


def _read(data: bytes, options: DocxReadOptions) -> tuple[Resume, Report]:
    """Read a DOCX; see :func:`cvconvert.formats._docx.read.read`."""
    from cvconvert.formats._docx.read import read as read_docx

    return read_docx(data, strict=options.strict, lang=options.lang)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def sniff(data: bytes) -> bool:
    """A zip package with a word/ folder (a Word document or template), or a legacy Word .doc.

    A legacy .doc is claimed only so that reading it says what it is; an encrypted DOCX is an
    OLE file too, but so is an encrypted XLSX, and nothing in it tells them apart.
    """
    if data[:4] == b"PK\x03\x04":
        return b"word/" in data
    return data[:8] == _OLE and _WORD_STREAM in data


FORMAT = Format(
    name="docx",
    # .dotx and .docm are read by name too; what is written is always a .docx package (a .dotx or
    # .docm declares another main content type, which Word checks against the name).
    extensions=(".docx",),  # .dotx and .docm inputs are recognised by their content; we write .docx only
    media_type=MEDIA_TYPE,
    read=_read,
    write=_write,
    sniff=sniff,
    extra="docx",
    read_options=DocxReadOptions,
    write_options=DocxWriteOptions,
    description="Word: a one-column CV; reads it back even after edits, and other CVs best-effort",
)
