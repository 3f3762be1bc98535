"""XLSX: résumés as typed, safe spreadsheets (one or many per workbook), and back.

A sheet per section with data (Basics as field/value rows, the lists as tables), real dates,
lists one item per line, no formula ever; what the sheets cannot show is kept in a hidden sheet
and hidden columns, so our own workbook reads back losslessly, and after a person's edits the
sheets are the truth. Workbooks from elsewhere are read best effort (one résumé per row).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from pydantic import Field

from cvconvert._deps import lazy
from cvconvert.formats.base import Format
from cvconvert.options import Names, WriteOptions

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LINKS = 1_000
"""Live links per sheet by default: openpyxl holds each in memory until the workbook is saved."""


class XlsxWriteOptions(WriteOptions):
    """What the XLSX writer takes."""

    hyperlinks: bool = Field(True, description="make web addresses and e-mail addresses live links")
    max_links: int = Field(MAX_LINKS, ge=0, description="live links per sheet at most; the rest are plain text")
    asOf: dt.date | None = Field(
        None, description="date the Overview counts years of experience to, YYYY-MM-DD (default: today)"
    )
    sources: Names = Field(
        (), description="each résumé's source (a file name), in order, for the Overview's Source column"
    )


# The readers and writers live in .convert and load on first use: looking formats up (every
# conversion does) must stay cheap. Type checkers see the functions themselves.
if TYPE_CHECKING:
    from cvconvert.formats._xlsx.convert import read, read_many, write, write_many
else:
    read, read_many, write, write_many = (
        lazy("cvconvert.formats._xlsx.convert", name) for name in ("read", "read_many", "write", "write_many")
    )


def sniff(data: bytes) -> bool:
    """A zip package with an ``xl/workbook.xml`` part (XLSX and XLSM)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "xl/workbook.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


FORMAT = Format(
    name="xlsx",
    extensions=(".xlsx", ".xlsm"),
    media_type=MEDIA_TYPE,
    read=read,
    write=write,
    sniff=sniff,
    extra="xlsx",
    description="Excel workbook: a sheet per section, or many résumés with an overview",
    read_many=read_many,
    write_many=write_many,
    write_options=XlsxWriteOptions,
)
