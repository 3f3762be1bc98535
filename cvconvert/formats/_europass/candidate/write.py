"""Write the current Europass CV XML (the ``Candidate`` document), as the portal exports it."""

from __future__ import annotations

import base64
from typing import Any

from cvconvert import dates
from cvconvert.formats._europass import EuropassWriteOptions
from cvconvert.formats._europass.candidate import (
    _DIMENSION_CODES,
    _EMPTY_SECTIONS,
    _NAMES,
    _SECTION_OF,
    FIELD_OF_STUDY,
    HEADLINE,
    NSMAP,
    TITLES,
    q,
)
from cvconvert.formats._europass.codes import country_code, eqf_guess, language_by_name, split_place
from cvconvert.formats._europass.common import Writer, require_extra, text_or_lost, texts_for_xml
from cvconvert.formats._europass.entries import SHAPES, Block, to_block
from cvconvert.formats._europass.names import split_name
from cvconvert.formats._europass.notes import (
    ADDRESS_KEYS,
    BASICS_KEYS,
    EDUCATION_KEYS,
    PROFILE_KEYS,
    WORK_KEYS,
    note_empty_lists,
    note_moves,
    note_unplaced,
    note_username,
    note_vanishing_basics,
    sort_languages,
)
from cvconvert.formats._europass.rich import build_rich, rich_or_none, work_html
from cvconvert.model import Resume
from cvconvert.namespaces import EUROPASS, XSI
from cvconvert.report import Report
from cvconvert.text import fits_xml

# --- writing -------------------------------------------------------------------------------


class _Writer(Writer):
    def date(self, parent: Any, name: str, value: str | None) -> None:
        if value is not None:
            self.sub(self.sub(parent, name), "hr:FormattedDateTime", value)


def write(resume: Resume, options: EuropassWriteOptions) -> tuple[bytes, Report]:
    """Write the Candidate XML the portal exports; returns the bytes and the loss report.

    ``options.lang`` is the CV's language code (two letters) the portal records on the profile.
    """
    require_extra()
    from lxml import etree

    language = options.lang

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
    _licences(w, w.sub(profile, "eures:Licenses"), resume)
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
    known = BASICS_KEYS | {"x-europass-emails", "x-europass-birthPlace", "x-europass-drivingLicences"}
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
    _birth_place(w, person, data.get("x-europass-birthPlace"))
    # basics.image is written with the profile (eures:Attachment), where the portal keeps it.
    return w.clean(basics.summary, "basics", "summary") if basics.summary is not None else None


def _birth_place(w: _Writer, person: Any, place: Any) -> None:
    """``x-europass-birthPlace`` ({city, countryCode}) as the portal's ``BirthPlace``."""
    if place is None:
        return
    city, code = (place.get(k) if isinstance(place, dict) else None for k in ("city", "countryCode"))
    if not isinstance(place, dict) or set(place) - {"city", "countryCode"} or not (city or code):
        w.report.lost("/basics/x-europass-birthPlace", "not a {city, countryCode} object")
        return
    element = w.sub(person, "BirthPlace")
    if isinstance(city, str) and city:
        w.sub(element, "City", w.clean(city, "basics", "x-europass-birthPlace", "city"))
    if isinstance(code, str) and country_code(code) == code:
        w.sub(element, "CountryCode", code.lower())
    elif code is not None:
        w.report.lost("/basics/x-europass-birthPlace/countryCode", "not an ISO 3166 code")


def _licences(w: _Writer, licences: Any, resume: Resume) -> None:
    """``x-europass-drivingLicences`` (categories such as "B") as the portal's ``eures:License`` list."""
    codes = resume.basics.to_data().get("x-europass-drivingLicences") if resume.basics else None
    if codes is None:
        return
    if not isinstance(codes, list) or not all(isinstance(c, str) and c.strip() for c in codes):
        w.report.lost("/basics/x-europass-drivingLicences", "not a list of licence categories")
        return
    for i, code in enumerate(codes):
        licence = w.sub(licences, "eures:License")
        w.sub(licence, "hr:LicenseTypeCode", w.clean(code, "basics", "x-europass-drivingLicences", i))


_IM_CODES = frozenset({"whatsapp", "skype", "telegram", "viber", "signal", "wechat", "messenger"})


def _profile(w: _Writer, person: Any, prof: dict[str, Any], i: int) -> None:
    network, url, username = prof.get("network"), prof.get("url"), prof.get("username")
    note_unplaced(w.report, prof, PROFILE_KEYS, ("basics", "profiles", i), "Europass has no place for profile '{}'")
    comm = w.sub(person, "Communication")
    if url is None and username is not None and (network in _IM_CODES or isinstance(network, str)):
        # Messengers carry a handle or number, not a link: the portal's InstantMessage channel,
        # with the network as its "other" title when the portal has no code for it.
        w.sub(comm, "ChannelCode", "InstantMessage")
        w.sub(comm, "UseCode", network if network in _IM_CODES else "other")
        if network not in _IM_CODES:
            w.sub(comm, "OtherTitle", w.clean(network, "basics", "profiles", i, "network"))
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
