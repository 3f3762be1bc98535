"""DOCX: a one-column Word CV out; our own DOCX (even after edits in Word) and other CVs back in.

Writing: :mod:`.write` (styles and page: :mod:`.package`, what each section shows: :mod:`.layout`).
Reading: :mod:`.read` for documents cvconvert wrote; other CVs go to :mod:`.extract`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from cvconvert._deps import lazy
from cvconvert.formats.base import Format
from cvconvert.options import DocumentOptions, Names, ReadOptions

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
    embed: bool = Field(
        True,
        description="keep what the page does not show (x- fields, full dates) in a data part; "
        "false: no data part, reading back is extraction",
    )


# The reader and writer live in the submodules .read and .write and load on first use (the
# registry must stay light), under other names: importing a submodule sets the package attribute
# of its name (``_docx.write`` is the module, not a function). Type checkers see the functions.
if TYPE_CHECKING:
    from cvconvert.formats._docx.read import read as read_docx
    from cvconvert.formats._docx.write import write as write_docx
else:
    read_docx = lazy("cvconvert.formats._docx.read", "read")
    write_docx = lazy("cvconvert.formats._docx.write", "write")


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
    read=read_docx,
    write=write_docx,
    sniff=sniff,
    extra="docx",
    read_options=DocxReadOptions,
    write_options=DocxWriteOptions,
    description="Word: a one-column CV; reads it back even after edits, and other CVs best-effort",
)
