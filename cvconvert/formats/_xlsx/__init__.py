"""XLSX: résumés as typed, safe spreadsheets (one or many per workbook), and back.

A sheet per section with data (Basics as field/value rows, the lists as tables), real dates,
lists one item per line, no formula ever; what the sheets cannot show is kept in a hidden sheet
and hidden columns, so our own workbook reads back losslessly, and after a person's edits the
sheets are the truth. Workbooks from elsewhere are read best effort (one résumé per row).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import IO

from pydantic import Field

from cvconvert.errors import CvConvertError, InvalidInputError
from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Note, Report

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LINKS = 1_000
"""Live links per sheet by default: openpyxl holds each in memory until the workbook is saved."""


class XlsxWriteOptions(WriteOptions):
    """What the XLSX writer takes."""

    hyperlinks: bool = Field(True, description="make web addresses and e-mail addresses live links")
    max_links: int = Field(MAX_LINKS, ge=0, description="live links per sheet at most; the rest are plain text")


# The writers load on first use: looking formats up (every conversion does) must stay cheap.


def write(resume: Resume, options: XlsxWriteOptions) -> tuple[bytes, Report]:
    """A workbook for one résumé: a sheet per section with data, Basics as field/value rows.

    Nothing is lost: what the sheets do not show is kept in the hidden sheet and columns.
    """
    from cvconvert.formats._xlsx import writing

    out = io.BytesIO()
    report = writing.write_book([resume], out, many=False, hyperlinks=options.hyperlinks, max_links=options.max_links)
    return out.getvalue(), report


def write_many(resumes: Iterable[Resume], out: IO[bytes], options: XlsxWriteOptions) -> Report:
    """One workbook holding every résumé, streamed into ``out`` (memory does not grow with the
    résumés): a résumé id column on each sheet and an Overview."""
    from cvconvert.formats._xlsx import writing

    return writing.write_book(resumes, out, many=True, hyperlinks=options.hyperlinks, max_links=options.max_links)


def _load(data: bytes, strict: bool) -> tuple[list[Resume], list[Report], Report]:
    from cvconvert._load import load_resume
    from cvconvert.formats._xlsx.foreign import read_foreign
    from cvconvert.formats._xlsx.reading import Ours, is_ours, open_book

    book = open_book(data)
    report = Report()
    try:
        ours = is_ours(book)
        if ours:
            reader = Ours(book, report)
            found = reader.read()
            if not reader.marked and not any(found):
                # Sheet names like ours ("Skills") but nothing of ours in them: someone else's.
                ours, report = False, Report()
        if not ours:
            found = read_foreign(book, report)
    except CvConvertError:
        raise
    except Exception as exc:  # noqa: BLE001 - read-only sheets are parsed lazily: damage shows up here
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise InvalidInputError(f"damaged Excel workbook ({type(exc).__name__}: {detail})") from None
    finally:
        book.close()
    if not found and not ours:
        raise InvalidInputError(
            "no résumé found in the workbook (no sheet of cvconvert, and no header row with "
            "columns such as Name, Email or Phone)"
        )
    resumes: list[Resume] = []
    reports: list[Report] = []
    for i, item in enumerate(found):
        try:
            resume, notes = load_resume(item, strict=strict)
        except InvalidInputError as exc:
            if len(found) > 1:
                exc.reason = f"résumé {i + 1} of {len(found)}: {exc.reason}"
            raise
        resumes.append(resume)
        reports.append(notes)
    return resumes, reports, report


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read a workbook's résumé; a workbook holding several gives the first, with a warning.

    Raises InvalidInputError (LimitExceededError for limits) for bytes that are no workbook,
    a damaged or oversized one, or one with no résumé in it.
    """
    resumes, reports, report = _load(data, options.strict)
    if not resumes:
        raise InvalidInputError("the workbook holds no résumé (an empty many-résumé workbook)")
    out = Report(list(report.notes)).extend(reports[0])
    if len(resumes) > 1:
        out.warn("", f"the workbook holds {len(resumes)} résumés; the first was read (read_many reads all)")
    return resumes[0], out


def read_many(data: bytes, options: ReadOptions) -> tuple[list[Resume], Report]:
    """Every résumé in a workbook; the report's pointers start with the résumé's index."""
    resumes, reports, report = _load(data, options.strict)
    out = Report(list(report.notes))
    for i, notes in enumerate(reports):
        out.notes.extend(Note(n.kind, f"/{i}{n.path}", n.message) for n in notes)
    return resumes, out


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
