"""Read the Europass CV XML of 2005-2012 (``europass:learnerinfo``, schema V2.0) into JSON Resume data.

Old HR archives still hold these files. They are read as V3 files are, and written out as the
current Candidate XML (``cvconvert cv.xml new.xml``) or any other format. The names are
lower case and carry no namespace but the root's. What has no JSON Resume home (the fax number,
the gender, an employer's address, the print preferences) is named in the loss report.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.codes import country_code, read_country
from cvconvert.formats._europass.common import put
from cvconvert.formats._europass.names import join_name
from cvconvert.report import Report, pointer

_SKILLS = {
    "social": "Social skills",
    "organisational": "Organisational skills",
    "technical": "Technical skills",
    "computer": "Computer skills",
    "artistic": "Artistic skills",
    "other": "Other skills",
}
_PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}


def _text(parent: Any, path: str) -> str | None:
    """The stripped text at ``path`` (no namespaces below the root), or None when absent or empty."""
    element = parent.find(path) if parent is not None else None
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def _date(period: Any, side: str, where: str, report: Report) -> str | None:
    """``<from><year>2002</year><month>--08</month><day>---15</day></from>`` as an ISO date."""
    year = _text(period, f"{side}/year")
    if year is None:
        return None
    month = (_text(period, f"{side}/month") or "").lstrip("-")
    day = (_text(period, f"{side}/day") or "").lstrip("-")
    if not year.isdigit() or len(year) != 4:
        report.lost(where, f"'{year}' is not a year")
        return None
    parts = (
        [year]
        + ([month.zfill(2)] if month.isdigit() else [])
        + ([day.zfill(2)] if month.isdigit() and day.isdigit() else [])
    )
    return "-".join(parts)


def read_root(root: Any, report: Report) -> dict[str, Any]:
    """The JSON Resume data of a parsed V2.0 ``learnerinfo`` document (losses noted in ``report``)."""
    out: dict[str, Any] = {}
    basics = _identification(root.find("identification"), report)
    put(basics, "label", _text(root, "application/label"))
    if basics:
        out["basics"] = basics
    work = [_work(e, i, report) for i, e in enumerate(root.findall("workexperiencelist/workexperience"))]
    if work:
        out["work"] = work
    education = [_education(e, i, report) for i, e in enumerate(root.findall("educationlist/education"))]
    if education:
        out["education"] = education
    languages = [_language(e) for e in root.findall("languagelist/language")]
    if languages:
        out["languages"] = [entry for entry in languages if entry]
    skills = _skills(root)
    if skills:
        out["skills"] = skills
    for misc in root.findall("misclist/misc"):
        text = (misc.text or "").strip()
        if text:
            report.lost(
                "", f"the '{misc.get('type') or 'misc'}' notes of the Europass file were not read (no JSON Resume home)"
            )
    return out


def _identification(ident: Any, report: Report) -> dict[str, Any]:
    basics: dict[str, Any] = {}
    if ident is None:
        return basics
    put(basics, "name", join_name(_text(ident, "firstname"), _text(ident, "lastname")))
    contact = ident.find("contactinfo")
    put(basics, "email", _text(contact, "email"))
    phones = [p for p in (_text(contact, "mobile"), _text(contact, "telephone")) if p]
    if phones:
        basics["phone"] = phones[0]
        for _ in phones[1:]:
            report.lost("/basics/phone", "a further telephone number was not kept (JSON Resume has one)")
    if _text(contact, "fax"):
        report.lost("/basics", "the fax number was not kept")
    address = contact.find("address") if contact is not None else None
    location: dict[str, Any] = {}
    for key, tag in (("address", "addressLine"), ("city", "municipality"), ("postalCode", "postalCode")):
        put(location, key, _text(address, tag))
    put(location, "countryCode", read_country(_text(address, "country/code"), "/basics/location/countryCode", report))
    if location:
        basics["location"] = location
    demographics = ident.find("demographics")
    birth = _text(demographics, "birthdate")
    if birth:
        basics["x-europass-birthDate"] = birth
    if _text(demographics, "gender") not in (None, "NA"):
        report.lost("/basics", "the gender code was not kept")
    nationalities = (
        [n for n in (_text(e, "code") for e in demographics.findall("nationality")) if n]
        if demographics is not None
        else []
    )
    codes = [c for c in (country_code(n) for n in nationalities) if c]
    if codes:
        basics["x-europass-nationalities"] = codes
    put(basics, "image", _photo(ident.find("photo"), report))
    return basics


def _photo(photo: Any, report: Report) -> str | None:
    data = "".join((photo.text or "").split()) if photo is not None else ""
    if not data:
        return None
    try:
        base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        report.lost("/basics/image", "the photo is not base64 data")
        return None
    return f"data:{_PHOTO_TYPES.get((photo.get('type') or '').upper(), 'image/jpeg')};base64,{data}"


def _place(address: Any) -> str | None:
    parts = [_text(address, "municipality"), _text(address, "country/label")]
    return ", ".join(p for p in parts if p) or None


def _work(element: Any, i: int, report: Report) -> dict[str, Any]:
    job: dict[str, Any] = {}
    where = pointer("work", i)
    employer = element.find("employer")
    put(job, "name", _text(employer, "name"))
    put(job, "location", _place(employer.find("address") if employer is not None else None))
    put(job, "position", _text(element, "position/label"))
    period = element.find("period")
    put(job, "startDate", _date(period, "from", where + "/startDate", report))
    put(job, "endDate", _date(period, "to", where + "/endDate", report))
    put(job, "summary", _text(element, "activities"))
    if _text(employer, "address/addressLine") or _text(employer, "address/postalCode"):
        report.lost(where + "/location", "the employer's street address and postal code were not kept")
    put(job, "x-europass-sector", _text(employer, "sector/label"))
    return job


def _education(element: Any, i: int, report: Report) -> dict[str, Any]:
    school: dict[str, Any] = {}
    where = pointer("education", i)
    organisation = element.find("organisation")
    put(school, "institution", _text(organisation, "name"))
    put(school, "studyType", _text(element, "title"))
    put(school, "area", _text(element, "educationalfield/label"))
    period = element.find("period")
    put(school, "startDate", _date(period, "from", where + "/startDate", report))
    put(school, "endDate", _date(period, "to", where + "/endDate", report))
    put(school, "summary", _text(element, "skills"))
    put(school, "x-europass-level", _text(element, "level/label"))
    put(school, "location", _place(organisation.find("address") if organisation is not None else None))
    return school


def _language(element: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    put(entry, "language", _text(element, "label") or _text(element, "code"))
    kind = (element.get("{http://www.w3.org/2001/XMLSchema-instance}type") or "").rpartition(":")[2]
    if kind == "mother":
        entry["fluency"] = cefr.NATIVE
    else:
        levels = {
            dim: (_text(element, f"level/{tag}") or "").upper()
            for dim, tag in (
                ("listening", "listening"),
                ("reading", "reading"),
                ("spoken interaction", "spokeninteraction"),
                ("spoken production", "spokenproduction"),
                ("writing", "writing"),
            )
        }
        put(entry, "fluency", cefr.fluency_text({k: v for k, v in levels.items() if v}) or None)
    return entry


def _skills(root: Any) -> list[dict[str, Any]]:
    skills: list[dict[str, Any]] = []
    for element in root.findall("skilllist/skill"):
        text = (element.text or "").strip()
        if text:
            lines = [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]
            skills.append({"name": _SKILLS.get(element.get("type") or "", "Skills"), "keywords": lines})
    licences = [(e.text or "").strip() for e in root.findall("skilllist/structured-skill/drivinglicence")]
    if any(licences):
        skills.append({"name": "Driving licence", "keywords": [c for c in licences if c]})
    return skills
