"""LinkedIn's data export ("Get a copy of your data"): the ZIP of CSV files, read into a résumé.

The folder the ZIP unpacks to is read too: the API packs its top-level CSV files into a ZIP
first (cvconvert._input.pack_folder), with the same limits.

Profile.csv, Positions.csv, Education.csv, Skills.csv and, where present, Languages, Certifications,
Projects, Publications, Honors, Volunteering, Courses, Email Addresses and PhoneNumbers are read;
the column names are those LinkedIn writes (the same lists Reactive Resume's importer reads),
matched without regard to case or spacing. Every other file of the export, and every column this
reader does not know, is named in the loss report. Dates come as LinkedIn writes them ("Mar 2020",
"2020"), month names in the export's language (CLDR's, through Babel).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import Field

from cvconvert.formats.base import Format
from cvconvert.options import ReadOptions
from cvconvert.report import Report, pointer

if TYPE_CHECKING:
    from cvconvert.model import Resume

# file stem -> (section, {column: field}); a field starting with "=" is handled by code.
_SECTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "Positions": (
        "work",
        {
            "Company Name": "name",
            "Title": "position",
            "Description": "summary",
            "Location": "location",
            "Started On": "startDate",
            "Finished On": "endDate",
        },
    ),
    "Education": (
        "education",
        {
            "School Name": "institution",
            "Degree Name": "studyType",
            "Start Date": "startDate",
            "End Date": "endDate",
            "Notes": "summary",
            "Activities": "x-activities",
        },
    ),
    "Skills": ("skills", {"Name": "name"}),
    "Languages": ("languages", {"Name": "language", "Proficiency": "fluency"}),
    "Certifications": (
        "certificates",
        {
            "Name": "name",
            "Authority": "issuer",
            "Url": "url",
            "Started On": "date",
            "Finished On": "x-expires",
            "License Number": "x-licenseNumber",
        },
    ),
    "Projects": (
        "projects",
        {
            "Title": "name",
            "Description": "description",
            "Url": "url",
            "Started On": "startDate",
            "Finished On": "endDate",
        },
    ),
    "Publications": (
        "publications",
        {
            "Name": "name",
            "Published On": "releaseDate",
            "Description": "summary",
            "Publisher": "publisher",
            "Url": "url",
        },
    ),
    "Honors": ("awards", {"Title": "title", "Description": "summary", "Issued On": "date"}),
    "Volunteering": (
        "volunteer",
        {
            "Company Name": "organization",
            "Role": "position",
            "Cause": "x-cause",
            "Description": "summary",
            "Started On": "startDate",
            "Finished On": "endDate",
        },
    ),
}
_PROFILE = {
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
}
_CONTACTS = {"Email Addresses": {"Email Address", "Confirmed", "Primary", "Updated On"}}
_PHONES = {"Extension", "Number", "Type"}
# Courses.csv says no school or job a course belongs to (LinkedIn links it to either, or none), so
# the courses are kept apart, in a top-level x- list, rather than guessed into an education entry.
_COURSES = {"Name": "name", "Number": "number"}
_DATES = frozenset({"startDate", "endDate", "date", "releaseDate", "x-expires"})
_MARKERS = ("Profile.csv", "Positions.csv", "Education.csv", "Skills.csv")


class LinkedInReadOptions(ReadOptions):
    """What the LinkedIn reader takes."""

    lang: str | None = Field(None, description="a hint: the export's language, for month names other than English")


def _known_names() -> tuple[dict[str, str], dict[str, str]]:
    """(file stems, column names) LinkedIn writes, by their folded spelling."""
    stems = [*_SECTIONS, *_CONTACTS, "Profile", "PhoneNumbers", "Courses"]
    columns = {c for _, cols in _SECTIONS.values() for c in cols} | _PROFILE | _PHONES | set(_COURSES)
    columns |= {c for cols in _CONTACTS.values() for c in cols}
    return {_fold(s): s for s in stems}, {_fold(c): c for c in columns}


def _fold(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").replace("_", " ").split()).casefold()


def sniff(data: bytes) -> bool:
    """A zip whose files are a LinkedIn export's (Profile.csv, Positions.csv, ...)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            markers = {_fold(m) for m in _MARKERS}
            return any(_fold(name.rsplit("/", 1)[-1]) in markers for name in package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def read(data: bytes, options: LinkedInReadOptions) -> tuple[Resume, Report]:
    """The résumé in a LinkedIn export (the ZIP), with what was not read in the report."""
    from cvconvert._input import check_entries, open_zip, read_member
    from cvconvert.model import Resume

    report = Report()
    package = open_zip(data, "LinkedIn export")
    tables: dict[str, list[dict[str, str]]] = {}
    unread: list[str] = []
    stems, columns = _known_names()
    for name in sorted(package.namelist()):
        if name.endswith("/"):
            continue
        base = name.rsplit("/", 1)[-1]
        stem = stems.get(_fold(base[:-4])) if base.lower().endswith(".csv") else None
        if stem is not None and stem not in tables:
            tables[stem] = _rows(read_member(package, name), name, columns, report)
        else:
            unread.append(name)
    if not tables:
        raise _not_linkedin()
    if unread:
        report.lost("", f"files of the export not read (no résumé data cvconvert knows): {', '.join(unread)}")
    resume: dict[str, Any] = {}
    basics = _basics(tables, report)
    if basics:
        resume["basics"] = basics
    dated = _date_reader(options.lang)
    for stem, (section, columns) in _SECTIONS.items():
        entries = [_entry(row, columns, stem, section, i, dated, report) for i, row in enumerate(tables.get(stem, []))]
        entries = [e for e in entries if e]
        if entries:
            resume[section] = entries
    courses = [
        _entry(row, _COURSES, "Courses", "x-courses", i, dated, report)
        for i, row in enumerate(tables.get("Courses", []))
    ]
    if any(courses):
        resume["x-courses"] = [c for c in courses if c]
    check_entries(resume)
    return Resume.model_validate(resume), report


def _not_linkedin() -> Exception:
    """The one-line error for a zip that holds none of the export's files."""
    from cvconvert.errors import InvalidInputError

    return InvalidInputError(f"not a LinkedIn export (none of {', '.join(_MARKERS)} in the zip or folder)")


def _rows(raw: bytes, name: str, columns: dict[str, str], report: Report) -> list[dict[str, str]]:
    """The rows of one CSV file, its header's names spelled as LinkedIn spells them; notes above
    the header (some files open with a "Notes:" paragraph) are skipped."""
    rows = _bounded_rows(_decode(raw, name, report), name)
    # The header: the first row of several cells, or of one column name LinkedIn writes.
    start = next((i for i, row in enumerate(rows) if len(row) > 1 or (row and _fold(row[0]) in columns)), None)
    if start is None:
        if any(v.strip() for row in rows for v in row):
            report.lost("", f"{name} has no header row of column names; not read")
        return []
    header = [columns.get(_fold(h), h.strip()) for h in rows[start]]
    out = []
    for row in rows[start + 1 :]:
        if not any(v.strip() for v in row):
            continue
        if len(row) > len(header) and any(v.strip() for v in row[len(header) :]):
            report.lost("", f"{name}: a row has more cells than the header names; the extra cells are not read")
        out.append({h: v.strip() for h, v in zip(header, row, strict=False) if v.strip()})
    return out


def _decode(raw: bytes, name: str, report: Report) -> str:
    """UTF-8 (with or without a BOM), UTF-16 or UTF-32 (by its BOM: a spreadsheet's "Unicode text"
    save writes UTF-16), else Windows-1252 with a warning, since a re-saved file in Excel is often that."""
    from cvconvert._input import bom_encoding

    # UTF-32's little-endian BOM starts with UTF-16's: read as UTF-16, every letter came with a NUL.
    encoding = bom_encoding(raw)
    if encoding in ("utf-16", "utf-32"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.normalised("", f"{name} is not UTF-8; read as Windows-1252")
        return raw.decode("cp1252", "replace")


def _bounded_rows(text: str, name: str) -> list[list[str]]:
    """The CSV's rows, refused past ``max_entries`` as they are read (a small zip can inflate to
    millions of one-character rows, each a list, and then a dict, in memory)."""
    from cvconvert import limits
    from cvconvert.errors import InvalidInputError, LimitExceededError

    most = limits.current().max_entries
    rows: list[list[str]] = []
    head = text[:4096]  # a spreadsheet's "Unicode text" save (UTF-16) separates with tabs
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) > most + 10:  # a few lines of notes above the header
                raise LimitExceededError(f"{name} holds more than {most:,} rows (limit max_entries)")
    except csv.Error as exc:  # a field past the csv module's size bound, a NUL byte
        raise InvalidInputError(f"{name} is not a readable CSV file ({exc})") from None
    return rows


def _date_reader(lang: str | None) -> Callable[[str], str | None]:
    from cvconvert import dates
    from cvconvert.extract import find_dates, language_hint

    def read_date(value: str) -> str | None:
        parts = dates.repair(value)
        if parts is not None:
            return parts.iso()
        with language_hint(lang):
            spans = find_dates(value)
        return spans[0].start if len(spans) == 1 and spans[0].single else None

    return read_date


def _entry(
    row: dict[str, str],
    columns: dict[str, str],
    stem: str,
    section: str,
    i: int,
    read_date: Callable[[str], str | None],
    report: Report,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    where = pointer(section, i)
    for column, value in row.items():
        field = columns.get(column)
        if field is None:
            report.lost(where, f"{stem}.csv column {column!r} not read")
        elif field in _DATES:
            iso = read_date(value)
            if iso is None:
                report.lost(f"{where}/{field}", f"{value!r} is not a date")
            else:
                out[field] = iso
        else:
            out[field] = value
    return out


def _list_entries(value: str, *, typed: bool = True) -> list[str]:
    """LinkedIn's list cells: ``[PORTFOLIO:https://a.example,COMPANY:https://b.example]`` (typed:
    split before each ``KIND:``, since a URL may hold commas) or ``[handle1,handle2]``."""
    inner = value.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    parts = re.split(r",(?=\s*[A-Za-z_]+:)", inner) if typed else inner.split(",")
    return [part.strip() for part in parts if part.strip()]


def _basics(tables: dict[str, list[dict[str, str]]], report: Report) -> dict[str, Any]:
    basics: dict[str, Any] = {}
    profile = (tables.get("Profile") or [{}])[0]
    if len(tables.get("Profile") or ()) > 1:
        report.lost("/basics", "Profile.csv has more than one row; only the first is read")
    for column in profile:
        if column not in _PROFILE:
            report.lost("/basics", f"Profile.csv column {column!r} not read")
    name = " ".join(p for p in (profile.get("First Name"), profile.get("Last Name")) if p)
    for key, value in (("name", name), ("label", profile.get("Headline")), ("summary", profile.get("Summary"))):
        if value:
            basics[key] = value
    for column, key in (("Maiden Name", "x-maidenName"), ("Birth Date", "x-birthDate"), ("Industry", "x-industry")):
        if profile.get(column):
            basics[key] = profile[column]
    location = _location(profile, report)
    if location:
        basics["location"] = location
    _contacts(tables, basics, report)
    profiles = _profiles(profile, basics)
    if profiles:
        basics["profiles"] = profiles
    return basics


def _location(profile: dict[str, str], report: Report) -> dict[str, str]:
    location: dict[str, str] = {}
    if profile.get("Address"):
        location["address"] = profile["Address"]
    if profile.get("Zip Code"):
        location["postalCode"] = profile["Zip Code"]
    geo = profile.get("Geo Location")
    if geo:
        from cvconvert.formats._europass.codes import country_code

        parts = [p.strip() for p in geo.split(",") if p.strip()] or [geo.strip()]
        code = country_code(parts[-1]) if len(parts) > 1 else None
        if code is not None:
            parts = parts[:-1]
            location["countryCode"] = code
        location["city"] = parts[0]
        if parts[1:]:
            location["region"] = ", ".join(parts[1:])
        if code is not None or len(parts) > 1:
            report.normalised("/basics/location", f"the location {geo!r} split into city, region and country")
    return location


def _contacts(tables: dict[str, list[dict[str, str]]], basics: dict[str, Any], report: Report) -> None:
    emails = tables.get("Email Addresses", [])
    addresses = [r["Email Address"] for r in emails if r.get("Primary", "").lower() == "yes" and r.get("Email Address")]
    addresses += [r["Email Address"] for r in emails if r.get("Email Address") and r["Email Address"] not in addresses]
    if addresses:
        basics["email"] = addresses[0]
    if addresses[1:]:
        basics["x-emails"] = addresses[1:]
    for row in emails:
        for column in set(row) - _CONTACTS["Email Addresses"]:
            report.lost("/basics/email", f"Email Addresses.csv column {column!r} not read")
    phones = tables.get("PhoneNumbers", [])
    numbers = [r.get("Number", "") for r in phones if r.get("Number")]
    for row in phones:
        for column in set(row) - _PHONES:
            report.lost("/basics/phone", f"PhoneNumbers.csv column {column!r} not read")
        if row.get("Extension") or row.get("Type"):
            report.lost("/basics/phone", "a phone number's type and extension are not kept (JSON Resume has a number)")
    if numbers:
        basics["phone"] = numbers[0]
    if numbers[1:]:
        basics["x-phones"] = numbers[1:]


def _profiles(profile: dict[str, str], basics: dict[str, Any]) -> list[dict[str, str]]:
    profiles: list[dict[str, str]] = []
    for entry in _list_entries(profile.get("Websites", "")):
        kind, sep, url = entry.partition(":")
        if not sep or kind.lower() in ("http", "https"):
            kind, url = "", entry
        if "url" not in basics:
            basics["url"] = url
            if kind:
                basics["x-urlKind"] = kind.title()  # PORTFOLIO, COMPANY, ... as LinkedIn labels it
        else:
            profiles.append({"network": kind.title(), "url": url} if kind else {"url": url})
    for handle in _list_entries(profile.get("Twitter Handles", ""), typed=False):
        handle = handle.lstrip("@")
        profiles.append({"network": "Twitter", "username": handle, "url": f"https://twitter.com/{handle}"})
    for entry in _list_entries(profile.get("Instant Messengers", "")):
        kind, sep, user = entry.partition(":")
        profiles.append({"network": kind.title(), "username": user} if sep else {"username": entry})
    return profiles


FORMAT = Format(
    name="linkedin",
    extensions=(".zip",),
    media_type="application/zip",
    read=read,
    write=None,
    sniff=sniff,
    extra="linkedin",
    description="LinkedIn data export (the ZIP of CSV files from 'Get a copy of your data', or its folder), read only",
    read_options=LinkedInReadOptions,
)
