"""Read the current Europass CV XML (the ``Candidate`` document) into JSON Resume data."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cvconvert import dates
from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.candidate import (
    _DIMENSION_OF,
    _EMPTY_SECTIONS,
    _SECTION_OF,
    FIELD_OF_STUDY,
    HEADLINE,
    TITLES,
    _find,
    _findall,
    _text,
)
from cvconvert.formats._europass.candidate.sections import NATIVE, driving_licences, read_sections
from cvconvert.formats._europass.codes import country_code, eqf_guess, join_place, language_by_code, read_country
from cvconvert.formats._europass.common import put
from cvconvert.formats._europass.entries import SHAPES, Block, from_block, model_order, typed_project
from cvconvert.formats._europass.names import join_name, link_profile
from cvconvert.formats._europass.notes import EDUCATION_KEYS, WORK_KEYS
from cvconvert.formats._europass.rich import EMPLOYER, SIMPLIFIED, parse_rich, read_rich
from cvconvert.model import Basics, Project
from cvconvert.report import Report, pointer

# --- reading -------------------------------------------------------------------------------


def _date(parent: Any, path: str, where: str, report: Report) -> str | None:
    value = _text(parent, path)
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None  # an empty element states nothing: no date, and nothing lost
    if dates.is_iso(value):
        return value
    parts = dates.repair(value)
    if parts is None:
        report.lost(where, f"'{value}' is not a date")
        return None
    report.normalised(where, f"date '{value}' read as {parts.iso()}")
    return parts.iso()


def read_root(root: Any, report: Report) -> dict[str, Any]:
    """The JSON Resume data of a parsed Candidate document (losses noted in ``report``)."""
    out: dict[str, Any] = {}
    person = _find(root, "CandidatePerson")
    profile = _find(root, "CandidateProfile")
    basics: dict[str, Any] = {}
    languages: list[dict[str, Any]] = []
    if person is not None:
        basics, languages = _read_person(person, report)
    if profile is not None:
        summary = _text(profile, "hr:ExecutiveSummary")
        if summary is not None:
            rich = parse_rich(summary, frozenset({HEADLINE}))
            if rich.simplified:
                report.normalised("/basics/summary", SIMPLIFIED)
            headline = rich.labels.get(HEADLINE)
            if headline is not None:
                basics["label"] = headline if isinstance(headline, str) else "\n".join(headline)
            if rich.paragraphs is not None or rich.items is not None:
                basics["summary"] = rich.bulleted
        put(basics, "image", _read_photo(profile, report))
        licences = driving_licences(profile)
        if licences:
            basics["x-europass-drivingLicences"] = licences
    if basics:
        out["basics"] = model_order(Basics, basics)
    if profile is None:
        return out
    work = [_read_work(e, i, report) for i, e in enumerate(_findall(profile, "EmploymentHistory/EmployerHistory"))]
    if work:
        out["work"] = work
    education = [
        _read_education(e, i, report)
        for i, e in enumerate(_findall(profile, "EducationHistory/EducationOrganizationAttendance"))
    ]
    if education:
        out["education"] = education
    certificates = [
        _read_certificate(e, i, report) for i, e in enumerate(_findall(profile, "Certifications/Certification"))
    ]
    if certificates:
        out["certificates"] = certificates
    for competency in _findall(profile, "PersonQualifications/PersonCompetency"):
        entry = _read_competency(competency, len(languages), report)
        if entry is not None:
            languages.append(entry)
    if languages:
        out["languages"] = languages
    sections: dict[str, list[dict[str, Any]]] = {}
    for conference in _findall(profile, "ConferencesAndSeminars/ConferenceAndSeminar"):
        n = len(sections.setdefault("projects", []))
        sections["projects"].append(_read_conference(conference, n, report))
    for others in _findall(profile, "Others"):
        title = _text(others, "Title") or ""
        section = _SECTION_OF.get(title, "projects")
        for other in _findall(others, "Other"):
            n = len(sections.setdefault(section, []))
            entry = _read_other(other, section, (section, n), report)
            if section == "projects" and title != TITLES["projects"]:
                entry = typed_project(entry, title, (section, n), report)
            sections[section].append(entry)
    read_sections(profile, sections, report)
    for name in (*_EMPTY_SECTIONS, "EmploymentReferences"):
        for element in _findall(profile, name):
            if len(element) and name not in ("ConferencesAndSeminars", *NATIVE):
                report.lost("", f"Europass {name.split(':')[-1]} entries are not read (no JSON Resume home yet)")
    for key in TITLES:
        if key in sections:
            out[key] = sections[key]
    if _find(root, "RenderingInformation") is not None:
        report.lost("", "RenderingInformation (template, colour, font size, section order) is layout: not kept")
    return out


def _read_person(person: Any, report: Report) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    basics: dict[str, Any] = {}
    name = join_name(_text(person, "PersonName/oa:GivenName"), _text(person, "PersonName/hr:FamilyName"))
    put(basics, "name", name)
    emails: list[str] = []
    profiles: list[dict[str, Any]] = []
    for comm in _findall(person, "Communication"):
        channel = _text(comm, "ChannelCode")
        use = _text(comm, "UseCode")
        uri = _text(comm, "oa:URI")
        if channel == "Email" and uri is not None:
            emails.append(uri)
        elif channel == "Web" and uri is not None:
            if "url" not in basics:
                basics["url"] = uri
            else:
                profiles.append({"url": uri})
        elif channel == "Social Media":
            prof: dict[str, Any] = {}
            if use == "linkedin":
                prof["network"] = "LinkedIn"
            else:
                title = _text(comm, "OtherTitle")
                put(prof, "network", title if title is not None else (use if use != "other" else None))
            if uri is not None:
                link_profile(prof, uri)
            profiles.append(prof)
        elif channel == "InstantMessage":
            title = _text(comm, "OtherTitle")
            network = title.strip() if use == "other" and title and title.strip() else use
            prof = {"network": network} if network else {}
            put(prof, "username", uri)
            profiles.append(prof)
        elif channel == "Telephone":
            number = _text(comm, "oa:DialNumber") or ""
            dialing = _text(comm, "CountryDialing")
            phone = f"+{dialing} {number}" if dialing else number
            if "phone" not in basics:
                basics["phone"] = phone
            else:
                report.lost("/basics/phone", "a further telephone number was not kept (JSON Resume has one)")
        elif (address := _find(comm, "Address")) is not None:
            if "location" in basics:
                report.lost("/basics/location", "a further address was not kept (JSON Resume has one)")
                continue
            loc: dict[str, Any] = {}
            for key, tag in (("address", "oa:AddressLine"), ("postalCode", "oa:PostalCode"), ("city", "oa:CityName")):
                put(loc, key, _text(address, tag))
            put(loc, "countryCode", read_country(_text(address, "CountryCode"), "/basics/location/countryCode", report))
            title = _text(comm, "OtherTitle")
            if title is not None:
                report.lost("/basics/location", f"the address title '{title}' was not kept")
            basics["location"] = loc
        elif uri is not None or channel is not None:
            report.lost("/basics", f"a contact of kind '{channel}' was not kept")
    if emails:
        basics["email"] = emails[0]
        if emails[1:]:
            basics["x-europass-emails"] = emails[1:]
    if profiles:
        basics["profiles"] = profiles
    nationalities = []
    for element in _findall(person, "NationalityCode"):
        code = country_code(element.text or "")
        if code is None:
            report.lost("/basics", f"nationality '{element.text}' is not an ISO 3166 code")
        else:
            nationalities.append(code)
    if nationalities:
        basics["x-europass-nationalities"] = nationalities
    put(basics, "x-europass-birthDate", _date(person, "hr:BirthDate", "/basics/x-europass-birthDate", report))
    place = _birth_place(person, report)
    if place:
        basics["x-europass-birthPlace"] = place
    if _text(person, "GenderCode") is not None:
        report.lost("/basics", "the gender code was not kept")
    if _findall(person, "Visa"):
        report.lost("/basics", "work permits (Visa) were not kept")
    languages: list[dict[str, Any]] = []
    for element in _findall(person, "PrimaryLanguageCode"):
        label = _language_name(element, element.get("name"), len(languages), report)
        languages.append({"language": label, "fluency": cefr.NATIVE})
    return basics, languages


def _birth_place(person: Any, report: Report) -> dict[str, str]:
    """``BirthPlace`` as ``{city, countryCode}`` (the documented ``x-europass-birthPlace``)."""
    place: dict[str, str] = {}
    element = _find(person, "BirthPlace")
    if element is None:
        return place
    city = (_text(element, "City") or "").strip()
    if city:
        place["city"] = city
    code = (_text(element, "CountryCode") or "").strip()
    if code:
        upper = country_code(code)
        if upper is None:
            report.lost("/basics/x-europass-birthPlace", f"'{code}' is not an ISO 3166 code")
        else:
            place["countryCode"] = upper
    return place


def _language_name(element: Any, scheme: str | None, n: int, report: Report) -> str:
    """The language an element names: an ISO 639 code under the "NORMAL" scheme, else free text."""
    text = element.text or ""
    label = language_by_code(text) if scheme == "NORMAL" else text
    if label is None:
        report.normalised(pointer("languages", n), f"'{text}' is no ISO 639 code: kept as written")
        return text
    return label


def _read_photo(profile: Any, report: Report) -> str | None:
    image = None
    for attachment in _findall(profile, "eures:Attachment"):
        data = _text(attachment, "oa:EmbeddedData")
        if not data:
            continue
        if image is not None:
            # JSON Resume has one picture: what is attached after the photo must not vanish unsaid.
            report.lost("", "a further attachment after the photo was not kept (JSON Resume has one image)")
            continue
        try:
            decoded = base64.b64decode(data, validate=True).decode("ascii")
        except (binascii.Error, ValueError):
            report.lost("/basics/image", "the photo is not base64 data")
            continue
        if decoded.startswith("data:"):
            image = decoded
        else:
            report.lost("/basics/image", "the photo is not a data: URI")
    return image


def _read_work(employer: Any, i: int, report: Report) -> dict[str, Any]:
    path = ("work", i)
    job: dict[str, Any] = {}
    name = _text(employer, "hr:OrganizationName")
    put(job, "name", name)
    position = _find(employer, "PositionHistory")
    place = None
    if position is not None:
        city, country = _text(position, "City"), _text(position, "Country")
        code = country_code(country) if country else None
        place = join_place(city, code)
    urls = []
    for comm in _findall(employer, "OrganizationContact/Communication"):
        uri = _text(comm, "oa:URI")
        if _text(comm, "ChannelCode") == "Web" and uri is not None:
            urls.append(uri)
        elif (address := _find(comm, "Address")) is not None:
            if place is None:
                country = _text(address, "CountryCode")
                code = country_code(country) if country else None
                place = join_place(_text(address, "oa:CityName"), code)
            if _text(address, "oa:AddressLine") or _text(address, "oa:PostalCode"):
                report.lost(pointer(*path, "location"), "the employer's street address and postal code were not kept")
        elif uri is not None:
            report.lost(pointer(*path), "an employer's e-mail address was not kept")
    put(job, "location", place)
    links = urls + [link.text or "" for link in _findall(employer, "Link")]
    if position is not None:
        put(job, "position", _text(position, "PositionTitle"))
    if links:
        job["url"] = links[0]
        if links[1:]:
            report.lost(pointer(*path, "url"), f"{len(links) - 1} further link(s) not kept (JSON Resume has one)")
    if position is not None:
        start = _date(
            position, "eures:EmploymentPeriod/eures:StartDate/hr:FormattedDateTime", pointer(*path, "startDate"), report
        )
        end = _date(
            position, "eures:EmploymentPeriod/eures:EndDate/hr:FormattedDateTime", pointer(*path, "endDate"), report
        )
        put(job, "startDate", start)
        put(job, "endDate", end)
        description = _text(position, "oa:Description")
        if description is not None:
            labels = {EMPLOYER: "description"}
            read_rich(description, labels, "summary", "highlights", job, pointer(*path, "summary"), report)
    department = _text(employer, "Department")
    if department is not None and department != name:
        report.lost(pointer(*path), f"the department '{department}' was not kept")
    if _text(employer, "hr:IndustryCode") is not None:
        report.lost(pointer(*path), "the NACE industry code was not kept")
    return {k: job[k] for k in WORK_KEYS if k in job}


def _read_education(attendance: Any, i: int, report: Report) -> dict[str, Any]:
    path = ("education", i)
    school: dict[str, Any] = {}
    put(school, "institution", _text(attendance, "hr:OrganizationName"))
    for comm in _findall(attendance, "OrganizationContact/Communication"):
        uri = _text(comm, "oa:URI")
        if _text(comm, "ChannelCode") == "Web" and uri is not None and "url" not in school:
            school["url"] = uri
        elif _find(comm, "Address") is not None:
            report.lost(pointer(*path), "the school's address was not kept")
        else:
            report.lost(pointer(*path), "a further contact of the school was not kept")
    degree = _find(attendance, "EducationDegree")
    study_type = _text(degree, "hr:DegreeName") if degree is not None else None
    level = _text(attendance, "EducationLevelCode")
    if level is not None and level != eqf_guess(study_type):
        report.lost(pointer(*path, "studyType"), f"the EQF level {level} was not kept")
    start = _date(attendance, "AttendancePeriod/StartDate/hr:FormattedDateTime", pointer(*path, "startDate"), report)
    end = _date(attendance, "AttendancePeriod/EndDate/hr:FormattedDateTime", pointer(*path, "endDate"), report)
    if degree is not None:
        if _find(degree, "FieldOfStudy") is not None:
            report.lost(pointer(*path, "area"), "ISCED-F field-of-study codes were not kept")
        skills = _text(degree, "OccupationalSkillsCovered")
        if skills is not None:
            read_rich(skills, {FIELD_OF_STUDY: "area"}, "summary", "courses", school, pointer(*path), report)
        put(school, "studyType", study_type)
        put(school, "score", _text(degree, "FinalGrade/hr:ScoreText"))
        put(school, "x-europass-thesis", _text(degree, "Thesis"))
        credits = " ".join(t for t in (_text(degree, "NumberOfCredit"), _text(degree, "CreditType")) if t)
        if credits:
            report.lost(pointer(*path), f"the credits ({credits}) were not kept")
    put(school, "startDate", start)
    put(school, "endDate", end)
    return {k: school[k] for k in EDUCATION_KEYS if k in school}


def _read_certificate(element: Any, i: int, report: Report) -> dict[str, Any]:
    path = ("certificates", i)
    cert: dict[str, Any] = {}
    for key, tag in (("name", "hr:CertificationName"), ("issuer", "hr:IssuingAuthority")):
        value = _text(element, tag)
        put(cert, key, value)
    date = _date(element, "hr:CertificationDate/hr:FormattedDateTime", pointer(*path, "date"), report)
    put(cert, "date", date)
    description = _text(element, "hr:CertificationDescription")
    if description is not None:
        rich = parse_rich(description, frozenset({"URL"}))
        url = rich.labels.get("URL")
        if isinstance(url, str):
            cert["url"] = url
        if rich.paragraphs or rich.items:
            report.lost(pointer(*path), "the certificate's description was not kept")
    return {k: cert[k] for k in ("name", "date", "url", "issuer") if k in cert}


def _read_competency(competency: Any, n: int, report: Report) -> dict[str, Any] | None:
    element = _find(competency, "CompetencyID")
    if element is None:
        return None
    taxonomy = _text(competency, "hr:TaxonomyID")
    if taxonomy not in (None, "language"):
        report.lost("/skills", f"a competency of kind '{taxonomy}' was not kept")
        return None
    label = _language_name(element, element.get("schemeName"), n, report)
    levels = {}
    for dimension in _findall(competency, "eures:CompetencyDimension"):
        dim = _DIMENSION_OF.get(_text(dimension, "hr:CompetencyDimensionTypeCode") or "")
        score = (_text(dimension, "eures:Score/hr:ScoreText") or "").strip().upper()
        if dim and score in cefr.LEVELS:
            levels[dim] = score
        elif score:
            report.lost(pointer("languages", n, "fluency"), f"'{score}' is not a CEFR level")
    entry: dict[str, Any] = {"language": label}
    put(entry, "fluency", cefr.fluency_text(levels))
    return entry


def _read_block(element: Any, start_at: str, end_at: str, report: Report) -> tuple[Block, list[str]]:
    """An Other or ConferenceAndSeminar element as a block (with its first link), and all its links."""
    links = [link.text or "" for link in _findall(element, "Link")]
    block = Block(
        title=_text(element, "Title"),
        start=_date(element, "Date/StartDate/hr:FormattedDateTime", start_at, report),
        end=_date(element, "Date/EndDate/hr:FormattedDateTime", end_at, report),
        link=links[0] if links else None,
        html=_text(element, "Description"),
    )
    return block, links


def _read_conference(element: Any, n: int, report: Report) -> dict[str, Any]:
    path = ("projects", n)
    block, links = _read_block(element, pointer(*path, "startDate"), pointer(*path, "endDate"), report)
    if links[1:]:
        report.lost(pointer(*path, "url"), f"{len(links) - 1} further link(s) not kept (JSON Resume has one)")
    entry = from_block(block, SHAPES["projects"], path, report)
    entry["type"] = "conference"
    put(entry, "entity", _text(element, "Location"))
    return model_order(Project, entry)


def _read_other(other: Any, section: str, path: tuple[str | int, ...], report: Report) -> dict[str, Any]:
    block, links = _read_block(other, pointer(*path), pointer(*path), report)
    if links[1:] or (links and not SHAPES[section].link):
        report.lost(pointer(*path), "links not kept (JSON Resume has one, or none, here)")
    return from_block(block, SHAPES[section], path, report)
