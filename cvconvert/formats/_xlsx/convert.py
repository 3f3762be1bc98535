"""The XLSX reader and writers, behind :mod:`cvconvert.formats._xlsx` (which loads this on use)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO

from cvconvert._load import load_resume
from cvconvert.errors import CvConvertError, InvalidInputError
from cvconvert.formats._xlsx import XlsxWriteOptions, writing
from cvconvert.formats._xlsx.foreign import read_foreign
from cvconvert.formats._xlsx.reading import Ours, is_ours, open_book
from cvconvert.model import Resume
from cvconvert.options import ReadOptions
from cvconvert.report import Note, Report


def write(resume: Resume, options: XlsxWriteOptions) -> tuple[bytes, Report]:
    """A workbook for one résumé: a sheet per section with data, Basics as field/value rows.

    Nothing is lost: what the sheets do not show is kept in the hidden sheet and columns.
    """
    out = io.BytesIO()
    report = writing.write_book([resume], out, many=False, hyperlinks=options.hyperlinks, max_links=options.max_links)
    return out.getvalue(), report


def write_many(resumes: Iterable[Resume], out: IO[bytes], options: XlsxWriteOptions) -> Report:
    """One workbook holding every résumé, streamed into ``out`` (memory does not grow with the
    résumés): a résumé id column on each sheet and an Overview, whose years of experience are
    counted to ``options.asOf`` (default: today) and whose Source column shows ``options.sources``."""
    return writing.write_book(
        resumes,
        out,
        many=True,
        hyperlinks=options.hyperlinks,
        max_links=options.max_links,
        as_of=options.asOf,
        sources=options.sources,
    )


def _load(data: bytes, strict: bool) -> tuple[list[Resume], list[Report], Report]:
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
        out.lost("", f"the workbook holds {len(resumes)} résumés; only the first was read (read_many reads all)")
    return resumes[0], out


def read_many(data: bytes, options: ReadOptions) -> tuple[list[Resume], Report]:
    """Every résumé in a workbook; the report's pointers start with the résumé's index."""
    resumes, reports, report = _load(data, options.strict)
    out = Report(list(report.notes))
    for i, notes in enumerate(reports):
        out.notes.extend(Note(n.kind, f"/{i}{n.path}", n.message) for n in notes)
    return resumes, out
