"""Reactive Resume's JSON export (schemas v4 and v5), read and written.

Sections go to their JSON Resume sections (experience to ``work``, certifications to
``certificates``, profiles to ``basics.profiles``...), descriptions from HTML to plain text and
highlights, periods such as "Jan 2020 - Present" to ``startDate`` and ``endDate``. What JSON
Resume has no key for, or what its keys cannot give back exactly (formatting, ids, hidden
flags, the layout and theme, custom sections), is kept under ``x-reactiveResume``, so that
RR -> cvconvert -> RR gives back the same document. The mapping is in docs/reactive-resume.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BeforeValidator, Field

from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions, WriteOptions
from cvconvert.report import Report

if TYPE_CHECKING:
    from cvconvert.model import Resume


def _version(value: object) -> object:
    """``4``, ``"4"``, ``"v4"`` and ``"V4"`` as ``"v4"``."""
    text = str(value).strip().lower() if isinstance(value, (int, str)) and not isinstance(value, bool) else value
    return f"v{text}" if isinstance(text, str) and text in ("4", "5") else text


class ReactiveWriteOptions(WriteOptions):
    """What the Reactive Resume writer takes."""

    version: Annotated[Literal["v4", "v5"] | None, BeforeValidator(_version)] = Field(
        None, description="the schema to write, v4 or v5 (default: the one the résumé was read from, else v5)"
    )


def read(data: bytes, options: ReadOptions) -> tuple[Resume, Report]:
    """Read a Reactive Resume export (JSON); a .json file of one is read so by the json format too."""
    from cvconvert._input import check_depth
    from cvconvert._load import load_resume, other_dialect
    from cvconvert.errors import InvalidInputError
    from cvconvert.formats._json import parse
    from cvconvert.formats._reactive._map import to_json_resume

    report = Report()
    value = parse(data, strict=options.strict, report=report)
    check_depth(value)
    if not isinstance(value, dict) or other_dialect(value) != "Reactive Resume":
        raise InvalidInputError("not a Reactive Resume export (a JSON object with basics, sections and metadata)")
    resume, notes = load_resume(to_json_resume(value, report), strict=options.strict)
    return resume, report.extend(notes)


def write(resume: Resume, options: ReactiveWriteOptions) -> tuple[bytes, Report]:
    """Write the résumé as a Reactive Resume export; what it cannot carry is in the report."""
    from cvconvert.formats._json import dumps
    from cvconvert.formats._reactive._map import from_json_resume

    report = Report()
    version = {"v4": 4, "v5": 5}.get(options.version or "")
    return dumps(from_json_resume(resume.to_data(), report, version)), report


FORMAT = Format(
    name="reactive-resume",
    extensions=(".rr.json", ".reactive.json"),
    media_type="application/json",
    read=read,
    write=write,
    sniff=None,
    description="Reactive Resume JSON export (v4, v5), both ways; an export named .json is recognised too",
    write_options=ReactiveWriteOptions,
)
