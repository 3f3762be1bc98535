"""The current Europass CV XML (europass.europa.eu, 2020+): an HR-XML 3 ``Candidate`` document.

No XSD is published; the writer follows what the portal itself exports (element order,
namespaces, the empty section containers) and writes nothing the portal's export does not
use. See docs/europass.md for the mapping.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cvconvert import dates
from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.common import (
    ADDRESS_KEYS,
    BASICS_KEYS,
    EDUCATION_KEYS,
    EMPLOYER,
    PROFILE_KEYS,
    SIMPLIFIED,
    WORK_KEYS,
    Names,
    Writer,
    build_rich,
    country_code,
    eqf_guess,
    fits_xml,
    join_name,
    join_place,
    language_by_code,
    language_by_name,
    link_profile,
    note_empty_lists,
    note_moves,
    note_unplaced,
    note_username,
    note_vanishing_basics,
    parse_rich,
    put,
    read_rich,
    rich_or_none,
    sort_languages,
    split_name,
    split_place,
    text_or_lost,
    texts_for_xml,
    work_html,
)
from cvconvert.formats._europass.entries import SHAPES, Block, from_block, model_order, to_block, typed_project
from cvconvert.model import Basics, Project, Resume
from cvconvert.namespaces import EURES, EUROPASS, HR_XML, OAGIS, XSI
from cvconvert.report import Report, pointer

_NAMES = Names({"": EUROPASS, "oa": OAGIS, "eures": EURES, "hr": HR_XML, "xsi": XSI})
NSMAP = {prefix or None: uri for prefix, uri in _NAMES.prefixes.items()}
q = _NAMES.q
_find = _NAMES.find
_findall = _NAMES.findall
_text = _NAMES.text

FIELD_OF_STUDY = "Field of study"
"""The label of the paragraph that carries ``education.area`` (its ISCED-F code is not the same)."""
HEADLINE = "Headline"
"""The label of the paragraph that carries ``basics.label`` at the top of "About me"."""

# Custom-section titles for the JSON Resume sections that have no Europass section of their own.
TITLES = {
    "volunteer": "Volunteering",
    "awards": "Honours and awards",
    "publications": "Publications",
    "skills": "Skills",
    "interests": "Interests",
    "references": "References",
    "projects": "Projects",
}
_SECTION_OF = {title: key for key, title in TITLES.items()}
_EMPTY_SECTIONS = (
    "CreativeWorks",
    "Projects",
    "SocialAndPoliticalActivities",
    "Skills",
    "NetworksAndMemberships",
    "ConferencesAndSeminars",
    "VoluntaryWorks",
    "CourseCertifications",
)


# --- writing -------------------------------------------------------------------------------


class _Writer(Writer):
    def date(self, parent: Any, name: str, value: str | None) -> None:
        if value is not None:
            self.sub(self.sub(parent, name), "hr:FormattedDateTime", value)


def write(resume: Resume, *, language: str = "en") -> tuple[bytes, Report]:
    """Write the Candidate XML the portal exports; returns the bytes and the loss report.

    ``language`` is the CV's language code (two letters) the portal records on the profile.
    """
    from lxml import etree

    report = Report()
    w = _Writer(_NAMES, report)
    data = resume.to_data()
    note_unplaced(
        report,
        data,
        ("basics", *TITLES, "work", "education", "certificates", "languages"),
        (),
        "Europass has no place for '{}'",
    )
    note_empty_lists(data, report)
    root = etree.Element(q("Candidate"), nsmap=NSMAP)
    root.set(f"{{{XSI}}}schemaLocation", f"{EUROPASS} Candidate.xsd")
    ids = {"schemeID": "cvconvert", "schemeAgencyName": "EUROPASS"}
    w.sub(root, "hr:DocumentID", **ids, schemeName="DocumentIdentifier", schemeVersionID="4.0")
    basics = resume.basics
    given, family = _name(w, basics.name if basics else None)
    supplier = w.sub(root, "CandidateSupplier")
    w.sub(supplier, "hr:PartyID", **ids, schemeName="PartyID", schemeVersionID="1.0")
    w.sub(supplier, "hr:PartyName", "Owner")
    contact = w.sub(supplier, "PersonContact")
    _person_name(w, contact, given, family)
    if basics and basics.email is not None:
        _channel(w, contact, "Email", w.clean(basics.email, "basics", "email"))
    w.sub(supplier, "hr:PrecedenceCode", "1")

    person = w.sub(root, "CandidatePerson")
    _person_name(w, person, given, family)
    summary = _basics(w, person, resume)
    natives, foreign = sort_languages(resume.languages, report)
    for _, label in natives:
        code = language_by_name(label)
        if code is not None:
            w.sub(person, "PrimaryLanguageCode", code.bibliographic or code.alpha_3, name="NORMAL")
        else:
            w.sub(person, "PrimaryLanguageCode", label, name="FREE_TEXT")

    profile = w.sub(root, "CandidateProfile", languageCode=str(language))
    w.sub(profile, "hr:ID", **ids, schemeName="CandidateProfileID", schemeVersionID="1.0")
    headline = basics.label if basics else None
    if summary is not None or headline is not None:
        # The current CV has no headline of its own: it opens "About me", labelled.
        labelled: list[tuple[str, str | list[str]]] = []
        if headline is not None:
            labelled.append((HEADLINE, w.clean(headline, "basics", "label")))
        w.sub(profile, "hr:ExecutiveSummary", build_rich(labelled, summary))
    _work(w, w.sub(profile, "EmploymentHistory"), resume)
    _education(w, w.sub(profile, "EducationHistory"), resume)
    w.sub(profile, "eures:Licenses")
    _certificates(w, w.sub(profile, "Certifications"), resume)
    w.sub(profile, "PublicationHistory")
    qualifications = w.sub(profile, "PersonQualifications")
    for _, label, levels in foreign:
        _competency(w, qualifications, label, levels)
    w.sub(profile, "EmploymentReferences")
    _photo(w, profile, resume)
    containers = {name: w.sub(profile, name) for name in _EMPTY_SECTIONS}
    order = _others(w, profile, containers["ConferencesAndSeminars"], resume)
    _rendering(w, root, order)
    note_vanishing_basics(data, report)
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body, report


def _name(w: _Writer, name: str | None) -> tuple[str, str]:
    if name is None:
        return "", ""
    if name == "":
        w.report.lost("/basics/name", "an empty name reads back as no name")
        return "", ""
    return split_name(w.clean(name, "basics", "name"))


def _person_name(w: _Writer, parent: Any, given: str, family: str) -> None:
    name = w.sub(parent, "PersonName")
    w.sub(name, "oa:GivenName", given)
    w.sub(name, "hr:FamilyName", family)


def _channel(w: _Writer, parent: Any, channel: str, uri: str) -> None:
    comm = w.sub(parent, "Communication")
    w.sub(comm, "ChannelCode", channel)
    w.sub(comm, "oa:URI", uri)


def _organisation(w: _Writer, parent: Any, path: tuple[str | int, ...], name_key: str, data: dict[str, Any]) -> None:
    """An employer's or a school's name and web address, as the portal writes both."""
    if data.get(name_key) is not None:
        w.sub(parent, "hr:OrganizationName", w.clean(data[name_key], *path, name_key))
    if data.get("url") is not None:
        _channel(w, w.sub(parent, "OrganizationContact"), "Web", w.clean(data["url"], *path, "url"))


def _basics(w: _Writer, person: Any, resume: Resume) -> str | None:
    basics = resume.basics
    if basics is None:
        return None
    data = basics.to_data()
    known = BASICS_KEYS | {"x-europass-emails"}
    note_unplaced(w.report, data, known, ("basics",), "Europass has no place for basics '{}'")
    if basics.email is not None:
        _channel(w, person, "Email", w.clean(basics.email, "basics", "email"))
    extra_emails = data.get("x-europass-emails")
    if isinstance(extra_emails, list) and all(isinstance(e, str) for e in extra_emails):
        for i, extra in enumerate(extra_emails):
            _channel(w, person, "Email", w.clean(extra, "basics", "x-europass-emails", i))
    elif extra_emails is not None:
        w.report.lost("/basics/x-europass-emails", "not a list of e-mail addresses")
    if basics.url is not None:
        _channel(w, person, "Web", w.clean(basics.url, "basics", "url"))
    for i, prof in enumerate(basics.profiles or ()):
        _profile(w, person, prof.to_data(), i)
    if basics.phone is not None:
        comm = w.sub(person, "Communication")
        w.sub(comm, "ChannelCode", "Telephone")
        w.sub(comm, "UseCode", "mobile")
        w.sub(comm, "oa:DialNumber", w.clean(basics.phone, "basics", "phone"))
    if basics.location is not None:
        _address(w, person, basics.location.to_data())
    nationalities = data.get("x-europass-nationalities")
    if isinstance(nationalities, list) and all(isinstance(n, str) and country_code(n) == n for n in nationalities):
        for code in nationalities:
            w.sub(person, "NationalityCode", code.lower())
    elif nationalities is not None:
        w.report.lost("/basics/x-europass-nationalities", "not a list of ISO 3166 country codes")
    birth = data.get("x-europass-birthDate")
    if isinstance(birth, str) and dates.is_iso(birth):
        w.sub(person, "hr:BirthDate", birth)
    elif birth is not None:
        w.report.lost("/basics/x-europass-birthDate", "not a date")
    # basics.image is written with the profile (eures:Attachment), where the portal keeps it.
    return w.clean(basics.summary, "basics", "summary") if basics.summary is not None else None


_IM_CODES = frozenset({"whatsapp", "skype", "telegram", "viber", "signal", "wechat", "messenger"})


def _profile(w: _Writer, person: Any, prof: dict[str, Any], i: int) -> None:
    network, url, username = prof.get("network"), prof.get("url"), prof.get("username")
    note_unplaced(w.report, prof, PROFILE_KEYS, ("basics", "profiles", i), "Europass has no place for profile '{}'")
    comm = w.sub(person, "Communication")
    if network in _IM_CODES and url is None and username is not None:
        # Messengers carry a handle or number, not a link: the portal's InstantMessage channel.
        w.sub(comm, "ChannelCode", "InstantMessage")
        w.sub(comm, "UseCode", network)
        w.sub(comm, "oa:URI", w.clean(username, "basics", "profiles", i, "username"))
        return
    note_username(w.report, url, username, i)
    w.sub(comm, "ChannelCode", "Social Media")
    if network == "LinkedIn":
        w.sub(comm, "UseCode", "linkedin")
    else:
        w.sub(comm, "UseCode", "other")
        if network is not None:
            w.sub(comm, "OtherTitle", w.clean(network, "basics", "profiles", i, "network"))
    if url is not None:
        w.sub(comm, "oa:URI", w.clean(url, "basics", "profiles", i, "url"))


def _address(w: _Writer, person: Any, loc: dict[str, Any]) -> None:
    comm = w.sub(person, "Communication")
    w.sub(comm, "UseCode", "home")
    address = w.sub(comm, "Address", type="home")
    note_unplaced(w.report, loc, ADDRESS_KEYS, ("basics", "location"), "Europass addresses have no '{}'")
    if loc.get("address") is not None:
        w.sub(address, "oa:AddressLine", w.clean(loc["address"], "basics", "location", "address"))
    if loc.get("city") is not None:
        w.sub(address, "oa:CityName", w.clean(loc["city"], "basics", "location", "city"))
    if loc.get("countryCode") is not None:
        code = country_code(loc["countryCode"])
        if code is None:
            w.report.lost("/basics/location/countryCode", "not an ISO 3166 country code or English country name")
        else:
            if code != loc["countryCode"]:
                w.report.normalised("/basics/location/countryCode", f"written as the ISO 3166 code {code}")
            w.sub(address, "CountryCode", code.lower())
    if loc.get("postalCode") is not None:
        w.sub(address, "oa:PostalCode", w.clean(loc["postalCode"], "basics", "location", "postalCode"))


def _work(w: _Writer, history: Any, resume: Resume) -> None:
    for i, job in enumerate(resume.work or ()):
        data = job.to_data()
        path: tuple[str | int, ...] = ("work", i)
        note_unplaced(w.report, data, WORK_KEYS, path, "Europass has no place for work '{}'")
        employer = w.sub(history, "EmployerHistory")
        _organisation(w, employer, path, "name", data)
        position = w.sub(employer, "PositionHistory")
        if job.position is not None:
            w.sub(position, "PositionTitle", w.clean(job.position, *path, "position"), typeCode="FREETEXT")
        period = w.sub(position, "eures:EmploymentPeriod")
        w.date(period, "eures:StartDate", job.startDate)
        w.date(period, "eures:EndDate", job.endDate)
        w.sub(period, "hr:CurrentIndicator", "true" if job.endDate is None else "false")
        html = work_html(job, path, w.report)
        if html is not None:
            w.sub(position, "oa:Description", html)
        if job.location is not None:
            city, code = split_place(w.clean(job.location, *path, "location"))
            if city is not None:
                w.sub(position, "City", city)
            if code:
                w.sub(position, "Country", code.lower())


def _education(w: _Writer, history: Any, resume: Resume) -> None:
    for i, school in enumerate(resume.education or ()):
        data = school.to_data()
        path: tuple[str | int, ...] = ("education", i)
        note_unplaced(w.report, data, EDUCATION_KEYS, path, "Europass has no place for education '{}'")
        attendance = w.sub(history, "EducationOrganizationAttendance")
        _organisation(w, attendance, path, "institution", data)
        level = eqf_guess(school.studyType)
        if level is not None:
            w.sub(attendance, "EducationLevelCode", level)
        period = w.sub(attendance, "AttendancePeriod")
        w.date(period, "StartDate", school.startDate)
        w.date(period, "EndDate", school.endDate)
        w.sub(period, "Ongoing", "true" if school.endDate is None else "false")
        degree = w.sub(attendance, "EducationDegree")
        if school.studyType is not None:
            w.sub(degree, "hr:DegreeName", w.clean(school.studyType, *path, "studyType"))
        if school.score is not None:
            w.sub(w.sub(degree, "FinalGrade"), "hr:ScoreText", w.clean(school.score, *path, "score"))
        thesis = text_or_lost(data, "x-europass-thesis", path, w.report)
        if thesis is not None:
            w.sub(degree, "Thesis", thesis)
        labelled: list[tuple[str, str | list[str]]] = []
        if school.area is not None:
            labelled.append((FIELD_OF_STUDY, w.clean(school.area, *path, "area")))
        text = text_or_lost(data, "summary", path, w.report)
        html = rich_or_none(labelled, text, texts_for_xml(school.courses, (*path, "courses"), w.report))
        if html is not None:
            w.sub(degree, "OccupationalSkillsCovered", html)


def _certificates(w: _Writer, parent: Any, resume: Resume) -> None:
    for i, cert in enumerate(resume.certificates or ()):
        path: tuple[str | int, ...] = ("certificates", i)
        note_unplaced(
            w.report,
            cert.to_data(),
            ("name", "date", "url", "issuer"),
            path,
            "Europass has no place for certificate '{}'",
        )
        element = w.sub(parent, "Certification")
        if cert.name is not None:
            w.sub(element, "hr:CertificationName", w.clean(cert.name, *path, "name"))
        if cert.issuer is not None:
            w.sub(element, "hr:IssuingAuthority", w.clean(cert.issuer, *path, "issuer"))
        if cert.url is not None:
            w.sub(element, "hr:CertificationDescription", build_rich([("URL", w.clean(cert.url, *path, "url"))]))
        w.date(element, "hr:CertificationDate", cert.date)


_DIMENSION_CODES = {
    "listening": "CEF-Understanding-Listening",
    "reading": "CEF-Understanding-Reading",
    "spoken interaction": "CEF-Speaking-Interaction",
    "spoken production": "CEF-Speaking-Production",
    "writing": "CEF-Writing-Production",
}
_DIMENSION_OF = {code: dim for dim, code in _DIMENSION_CODES.items()}


def _competency(w: _Writer, parent: Any, label: str, levels: dict[str, str]) -> None:
    competency = w.sub(parent, "PersonCompetency")
    code = language_by_name(label)
    if code is not None:
        w.sub(competency, "CompetencyID", code.bibliographic or code.alpha_3, schemeName="NORMAL")
    else:
        w.sub(competency, "CompetencyID", label, schemeName="FREE_TEXT")
    w.sub(competency, "hr:TaxonomyID", "language")
    for dim, dim_code in _DIMENSION_CODES.items():
        dimension = w.sub(competency, "eures:CompetencyDimension")
        w.sub(dimension, "hr:CompetencyDimensionTypeCode", dim_code)
        if dim in levels:
            w.sub(w.sub(dimension, "eures:Score"), "hr:ScoreText", levels[dim])


def _photo(w: _Writer, profile: Any, resume: Resume) -> None:
    image = resume.basics.image if resume.basics else None
    if image is None:
        return
    if not image.startswith("data:image/") or not fits_xml(image):
        w.report.lost("/basics/image", "Europass embeds the photo itself; a link to a picture cannot be carried")
        return
    attachment = w.sub(profile, "eures:Attachment")
    # The portal stores base64 of the whole data: URI (itself base64), as its export shows.
    w.sub(attachment, "oa:EmbeddedData", base64.b64encode(image.encode("utf-8")).decode("ascii"))
    w.sub(attachment, "oa:FileType", "photo")
    w.sub(attachment, "hr:Instructions", "ProfilePicture")


def _conference(w: _Writer, parent: Any, entry: Any, i: int) -> None:
    """A project of type "conference" goes back to the portal's own conferences section."""
    block = to_block(entry, SHAPES["projects"], ("projects", i), w.report, skip={"type", "entity"})
    location = w.clean(entry.entity, "projects", i, "entity") if entry.entity is not None else None
    # Ongoing "false" is what the portal writes for a past event.
    _write_block(w, w.sub(parent, "ConferenceAndSeminar"), block, ongoing=False, location=location)


def _write_block(w: _Writer, element: Any, block: Block, *, ongoing: bool, location: str | None = None) -> None:
    """Title, dates, place, description and link: what the portal's Other and ConferenceAndSeminar share."""
    if block.title is not None:
        w.sub(element, "Title", block.title)
    if block.start is not None or block.end is not None:
        date = w.sub(element, "Date")
        w.date(date, "StartDate", block.start)
        w.date(date, "EndDate", block.end)
        w.sub(date, "Ongoing", "true" if ongoing else "false")
    if location is not None:
        w.sub(element, "Location", location)
    if block.html is not None:
        w.sub(element, "Description", block.html)
    if block.link is not None:
        w.sub(element, "Link", block.link)


def _others(w: _Writer, profile: Any, conferences: Any, resume: Resume) -> list[str]:
    """Custom sections, one ``Others`` per entry as the portal writes them; returns their titles in order."""
    order: list[str] = []
    kinds = [p.type for p in resume.projects or ()]
    moved = [i for i, k in enumerate(kinds) if k == "conference"] + [
        i for i, k in enumerate(kinds) if k != "conference"
    ]
    note_moves(w.report, ("projects",), moved, "the portal's conferences section comes before custom sections")
    for section, title in TITLES.items():
        shape = SHAPES[section]
        for i, entry in enumerate(getattr(resume, section) or ()):
            section_title = title
            skip: set[str] = set()
            kind = getattr(entry, "type", None) if section == "projects" else None
            if kind == "conference":
                _conference(w, conferences, entry, i)
                continue
            if isinstance(kind, str) and kind.strip() and kind not in _SECTION_OF and kind == kind.strip():
                # A project of another kind ("Course", "Talk") is its own custom section.
                section_title = w.clean(kind, section, i, "type")
                skip = {"type"}
            block = to_block(entry, shape, (section, i), w.report, skip=skip)
            others = w.sub(profile, "Others")
            w.sub(others, "Title", section_title)
            ongoing = shape.dates == "range" and block.end is None
            _write_block(w, w.sub(others, "Other"), block, ongoing=ongoing)
            if section_title not in order:
                order.append(section_title)
    return order


def _rendering(w: _Writer, root: Any, custom: list[str]) -> None:
    design = w.sub(w.sub(root, "RenderingInformation"), "Design")
    for name, value in (
        ("Template", "Template1"),
        ("Color", "Default"),
        ("FontSize", "Medium"),
        ("Logo", "FirstPage"),
        ("PageNumbers", "false"),
    ):
        w.sub(design, name, value)
    sections = w.sub(design, "SectionsOrder")
    for title in ("work-experience", "education-training", "language"):
        w.sub(w.sub(sections, "Section"), "Title", title)
    for title in custom:
        section = w.sub(sections, "Section")
        w.sub(section, "Title", title)
        w.sub(section, "Custom", "true")


# --- reading -------------------------------------------------------------------------------


def _date(parent: Any, path: str, where: str, report: Report) -> str | None:
    value = _text(parent, path)
    if value is None:
        return None
    value = value.strip()
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
    for name in (*_EMPTY_SECTIONS, "PublicationHistory", "EmploymentReferences", "eures:Licenses"):
        for element in _findall(profile, name):
            if len(element) and name != "ConferencesAndSeminars":
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
            prof = {"network": use} if use else {}
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
            code = _text(address, "CountryCode")
            if code is not None:
                upper = country_code(code)
                if upper is None:
                    report.lost("/basics/location/countryCode", f"'{code}' is not an ISO 3166 code")
                else:
                    loc["countryCode"] = upper
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
    if _text(person, "GenderCode") is not None:
        report.lost("/basics", "the gender code was not kept")
    if _findall(person, "Visa"):
        report.lost("/basics", "work permits (Visa) were not kept")
    languages: list[dict[str, Any]] = []
    for element in _findall(person, "PrimaryLanguageCode"):
        label = _language_name(element, element.get("name"), len(languages), report)
        languages.append({"language": label, "fluency": cefr.NATIVE})
    return basics, languages


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
