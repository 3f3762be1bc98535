"""Write the legacy Europass CV XML (SkillsPassport V3.4), valid against the official XSD 3.4.1."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from typing import Any

from cvconvert.formats._europass import EuropassWriteOptions
from cvconvert.formats._europass.codes import (
    country_code,
    country_name,
    date_parts,
    eqf_guess,
    language_by_name,
    split_place,
)
from cvconvert.formats._europass.common import Writer, require_extra, text_or_lost, texts_for_xml
from cvconvert.formats._europass.entries import SHAPES, to_block
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
from cvconvert.formats._europass.v3 import (
    _EMAIL,
    _FLAT,
    _LEVEL_TAGS,
    _MIME,
    _NAMES,
    _RESERVED,
    _SECTION_OF_CODE,
    ABOUT,
    CODES,
    FINAL_GRADE,
    FOREIGN_LANGUAGES,
    LABELS,
    MOTHER_LANGUAGES,
    NATIONALITIES,
    THESIS,
    v3_country,
)
from cvconvert.model import Resume
from cvconvert.namespaces import EUROPASS_V3, XSI
from cvconvert.report import Report, pointer


class _Writer(Writer):
    def date(self, parent: Any, tag: str, value: str | None, *path: str | int) -> None:
        if value is None:
            return
        parts = date_parts(value)
        if parts is None:
            self.report.lost(pointer(*path), f"'{value}' is not a calendar date")
            return
        attrs = {"year": f"{parts.year:04d}"}
        if parts.month is not None:
            attrs["month"] = f"--{parts.month:02d}"
        if parts.day is not None:
            attrs["day"] = f"---{parts.day:02d}"
        self.sub(parent, tag, **attrs)

    def period(self, parent: Any, start: str | None, end: str | None, *path: str | int) -> None:
        period = self.sub(parent, "Period")
        self.date(period, "From", start, *path, "startDate")
        self.date(period, "To", end, *path, "endDate")
        self.sub(period, "Current", "true" if end is None else "false")


def write(resume: Resume, options: EuropassWriteOptions) -> tuple[bytes, Report]:
    """Write a SkillsPassport V3.4 CV; returns the bytes and the loss report.

    ``options.lang`` is the CV's locale (two letters).
    """
    require_extra()
    from lxml import etree

    language = options.lang

    report = Report()
    w = _Writer(_NAMES, report)
    data = resume.to_data()
    known = ("basics", "work", "education", "languages", *CODES, *LABELS)
    note_unplaced(report, data, known, (), "Europass has no place for '{}'")
    note_empty_lists(data, report)
    root = etree.Element(f"{{{EUROPASS_V3}}}SkillsPassport", nsmap={None: EUROPASS_V3, "xsi": XSI})
    root.set("locale", str(language))
    info = w.sub(root, "DocumentInfo")
    w.sub(info, "DocumentType", "ECV")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    w.sub(info, "CreationDate", now)
    w.sub(info, "LastUpdateDate", now)
    w.sub(info, "XSDVersion", "V3.4")
    w.sub(info, "Generator", "cvconvert")
    learner = w.sub(root, "LearnerInfo")
    _identification(w, learner, resume)
    if resume.basics is not None and resume.basics.label is not None:
        headline = w.sub(learner, "Headline")
        w.sub(w.sub(headline, "Type"), "Code", "position")
        w.sub(w.sub(headline, "Description"), "Label", w.clean(resume.basics.label, "basics", "label"))
    _work(w, learner, resume)
    _education(w, learner, resume)
    _skills(w, learner, resume)
    _achievements(w, learner, resume)
    note_vanishing_basics(data, report)
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return body, report


def _identification(w: _Writer, learner: Any, resume: Resume) -> None:
    basics = resume.basics
    if basics is None:
        return
    data = basics.to_data()
    note_unplaced(w.report, data, BASICS_KEYS, ("basics",), "Europass has no place for basics '{}'")
    ident = w.sub(learner, "Identification")
    if basics.name is not None:
        if basics.name == "":
            w.report.lost("/basics/name", "an empty name reads back as no name")
        else:
            given, family = split_name(w.clean(basics.name, "basics", "name"))
            person = w.sub(ident, "PersonName")
            w.sub(person, "FirstName", given)
            if family:
                w.sub(person, "Surname", family)
    contact = w.sub(ident, "ContactInfo")
    if basics.location is not None:
        _address(w, contact, basics.location.to_data(), ("basics", "location"))
    if basics.email is not None:
        email = w.clean(basics.email, "basics", "email")
        if _EMAIL.fullmatch(email):
            w.sub(w.sub(contact, "Email"), "Contact", email)
        else:
            w.report.lost("/basics/email", "not an e-mail address the Europass V3 schema accepts")
    if basics.phone is not None:
        phones = w.sub(contact, "TelephoneList")
        w.sub(w.sub(phones, "Telephone"), "Contact", w.clean(basics.phone, "basics", "phone"))
    sites: list[tuple[int, dict[str, Any]]] = []
    messengers: list[tuple[int, dict[str, Any]]] = []
    for i, prof in enumerate(basics.profiles or ()):
        entry = prof.to_data()
        note_unplaced(
            w.report, entry, PROFILE_KEYS, ("basics", "profiles", i), "Europass has no place for profile '{}'"
        )
        if entry.get("url") is None and entry.get("username") is not None:
            messengers.append((i, entry))
        else:
            note_username(w.report, entry.get("url"), entry.get("username"), i)
            sites.append((i, entry))
    note_moves(
        w.report,
        ("basics", "profiles"),
        [i for i, _ in sites] + [i for i, _ in messengers],
        "Europass lists web sites before messengers",
    )
    if basics.url is not None or sites:
        websites = w.sub(contact, "WebsiteList")
        if basics.url is not None:
            site = w.sub(websites, "Website")
            w.sub(site, "Contact", w.clean(basics.url, "basics", "url"))
            w.sub(w.sub(site, "Use"), "Code", "personal")
        for i, entry in sites:
            site = w.sub(websites, "Website")
            if entry.get("url") is not None:
                w.sub(site, "Contact", w.clean(entry["url"], "basics", "profiles", i, "url"))
            if entry.get("network") is not None:
                w.sub(w.sub(site, "Use"), "Label", w.clean(entry["network"], "basics", "profiles", i, "network"))
    if messengers:
        ims = w.sub(contact, "InstantMessagingList")
        for i, entry in messengers:
            im = w.sub(ims, "InstantMessaging")
            w.sub(im, "Contact", w.clean(entry["username"], "basics", "profiles", i, "username"))
            if entry.get("network") is not None:
                w.sub(w.sub(im, "Use"), "Label", w.clean(entry["network"], "basics", "profiles", i, "network"))
    if not len(contact):
        ident.remove(contact)
    birth = data.get("x-europass-birthDate")
    nationalities = data.get("x-europass-nationalities")
    if birth is not None or nationalities is not None:
        demographics = w.sub(ident, "Demographics")
        if isinstance(birth, str) and date_parts(birth) is not None:
            w.date(demographics, "Birthdate", birth, "basics", "x-europass-birthDate")
        elif birth is not None:
            w.report.lost("/basics/x-europass-birthDate", "not a date")
        codes = [v3_country(n) if isinstance(n, str) and country_code(n) == n else None for n in nationalities or ()]
        if isinstance(nationalities, list) and all(c in NATIONALITIES for c in codes):
            listing = w.sub(demographics, "NationalityList")
            for code in codes:
                assert code is not None
                w.sub(w.sub(listing, "Nationality"), "Code", code)
        elif nationalities is not None:
            w.report.lost("/basics/x-europass-nationalities", "not a list of ISO 3166 codes Europass knows")
        if not len(demographics):
            ident.remove(demographics)
    if basics.image is not None:
        _photo(w, ident, basics.image)
    if not len(ident):
        learner.remove(ident)


def _photo(w: _Writer, ident: Any, image: str) -> None:
    match = re.fullmatch(r"data:(image/[a-z-]+);base64,([A-Za-z0-9+/=]*)", image)
    if match is None or match.group(1) not in _MIME:
        w.report.lost("/basics/image", "Europass embeds a JPEG or PNG photo; a link to a picture cannot be carried")
        return
    try:
        base64.b64decode(match.group(2), validate=True)
    except (binascii.Error, ValueError):
        w.report.lost("/basics/image", "the photo's data is not base64")
        return
    photo = w.sub(ident, "Photo")
    w.sub(photo, "MimeType", match.group(1))
    w.sub(photo, "Data", match.group(2))


def _address(w: _Writer, contact: Any, loc: dict[str, Any], path: tuple[str | int, ...]) -> None:
    note_unplaced(w.report, loc, ADDRESS_KEYS, path, "Europass addresses have no '{}'")
    fields = w.sub(w.sub(contact, "Address"), "Contact")
    if loc.get("address") is not None:
        w.sub(fields, "AddressLine", w.clean(loc["address"], *path, "address"))
    if loc.get("postalCode") is not None:
        w.sub(fields, "PostalCode", w.clean(loc["postalCode"], *path, "postalCode"))
    if loc.get("city") is not None:
        w.sub(fields, "Municipality", w.clean(loc["city"], *path, "city"))
    if loc.get("countryCode") is not None:
        code = country_code(loc["countryCode"])
        spelt = v3_country(code) if code else None
        if code is None or spelt is None:
            w.report.lost(pointer(*path, "countryCode"), "not a country code the Europass V3 list has")
        else:
            if code != loc["countryCode"]:
                w.report.normalised(pointer(*path, "countryCode"), f"written as the ISO 3166 code {code}")
            country = w.sub(fields, "Country")
            w.sub(country, "Code", spelt)
            w.sub(country, "Label", country_name(code) or code)


def _work(w: _Writer, learner: Any, resume: Resume) -> None:
    if not resume.work:
        return
    listing = w.sub(learner, "WorkExperienceList")
    for i, job in enumerate(resume.work):
        path: tuple[str | int, ...] = ("work", i)
        note_unplaced(w.report, job.to_data(), WORK_KEYS, path, "Europass has no place for work '{}'")
        element = w.sub(listing, "WorkExperience")
        w.period(element, job.startDate, job.endDate, *path)
        if job.position is not None:
            w.sub(w.sub(element, "Position"), "Label", w.clean(job.position, *path, "position"))
        html = work_html(job, path, w.report)
        if html is not None:
            w.sub(element, "Activities", html)
        if job.name is None and job.location is None and job.url is None:
            continue
        employer = w.sub(element, "Employer")
        if job.name is not None:
            w.sub(employer, "Name", w.clean(job.name, *path, "name"))
        if job.location is not None or job.url is not None:
            contact = w.sub(employer, "ContactInfo")
            if job.location is not None:
                place = w.clean(job.location, *path, "location")
                city, code = split_place(place)
                spelt = v3_country(code) if code else None
                if code and not spelt:
                    city = place  # a country the Europass list lacks stays in the text
                fields = w.sub(w.sub(contact, "Address"), "Contact")
                if city is not None:
                    w.sub(fields, "Municipality", city)
                if spelt and code:
                    country = w.sub(fields, "Country")
                    w.sub(country, "Code", spelt)
                    w.sub(country, "Label", country_name(code) or code)
            if job.url is not None:
                w.sub(w.sub(contact, "Website"), "Contact", w.clean(job.url, *path, "url"))


def _education(w: _Writer, learner: Any, resume: Resume) -> None:
    if not resume.education:
        return
    listing = w.sub(learner, "EducationList")
    for i, school in enumerate(resume.education):
        path: tuple[str | int, ...] = ("education", i)
        data = school.to_data()
        note_unplaced(w.report, data, EDUCATION_KEYS, path, "Europass has no place for education '{}'")
        element = w.sub(listing, "Education")
        w.period(element, school.startDate, school.endDate, *path)
        if school.studyType is not None:
            w.sub(element, "Title", w.clean(school.studyType, *path, "studyType"))
        labelled: list[tuple[str, str | list[str]]] = []
        if school.score is not None:
            labelled.append((FINAL_GRADE, w.clean(school.score, *path, "score")))
        thesis = text_or_lost(data, "x-europass-thesis", path, w.report)
        if thesis is not None:
            labelled.append((THESIS, thesis))
        text = text_or_lost(data, "summary", path, w.report)
        html = rich_or_none(labelled, text, texts_for_xml(school.courses, (*path, "courses"), w.report))
        if html is not None:
            w.sub(element, "Activities", html)
        if school.institution is not None or school.url is not None:
            organisation = w.sub(element, "Organisation")
            if school.institution is not None:
                w.sub(organisation, "Name", w.clean(school.institution, *path, "institution"))
            if school.url is not None:
                w.sub(
                    w.sub(w.sub(organisation, "ContactInfo"), "Website"), "Contact", w.clean(school.url, *path, "url")
                )
        level = eqf_guess(school.studyType)
        if level is not None:
            w.sub(w.sub(element, "Level"), "Code", level)
        if school.area is not None:
            w.sub(w.sub(element, "Field"), "Label", w.clean(school.area, *path, "area"))


def _skills(w: _Writer, learner: Any, resume: Resume) -> None:
    natives, foreign = sort_languages(resume.languages, w.report)
    # Every language, named or not, is in one of the lists: none at all writes no Skills/Linguistic.
    if not natives and not foreign:
        return
    skills = w.sub(learner, "Skills")
    linguistic = w.sub(skills, "Linguistic")
    if natives:
        listing = w.sub(linguistic, "MotherTongueList")
        for _, label in natives:
            description = w.sub(w.sub(listing, "MotherTongue"), "Description")
            code = language_by_name(label)
            if code is not None and code.alpha_2 in MOTHER_LANGUAGES:
                w.sub(description, "Code", code.alpha_2)
            w.sub(description, "Label", label)
    if foreign:
        listing = w.sub(linguistic, "ForeignLanguageList")
        for _, label, levels in foreign:
            element = w.sub(listing, "ForeignLanguage")
            description = w.sub(element, "Description")
            code = language_by_name(label)
            if code is not None and code.alpha_2 in FOREIGN_LANGUAGES:
                w.sub(description, "Code", code.alpha_2)
            w.sub(description, "Label", label)
            if levels:
                proficiency = w.sub(element, "ProficiencyLevel")
                for dim, tag in _LEVEL_TAGS:
                    if dim in levels:
                        w.sub(proficiency, tag, levels[dim])


def _achievement(w: _Writer, listing: Any, code: str | None, label: str, html: str | None) -> None:
    element = w.sub(listing, "Achievement")
    title = w.sub(element, "Title")
    if code:
        w.sub(title, "Code", code)
    w.sub(title, "Label", label)
    if html is not None:
        w.sub(element, "Description", html)


def _achievements(w: _Writer, learner: Any, resume: Resume) -> None:
    listing = w.sub(learner, "AchievementList")
    if resume.basics is not None and resume.basics.summary is not None:
        _achievement(w, listing, None, ABOUT, build_rich(text=w.clean(resume.basics.summary, "basics", "summary")))
    for section in (
        "certificates",
        "awards",
        "publications",
        "projects",
        "references",
        "volunteer",
        "skills",
        "interests",
    ):
        shape = _FLAT[section]
        for i, entry in enumerate(getattr(resume, section) or ()):
            code, label = CODES.get(section, (None, LABELS.get(section, "")))
            skip: set[str] = set()
            kind = getattr(entry, "type", None) if section == "projects" else None
            if (
                isinstance(kind, str)
                and kind.strip()
                and kind == kind.strip()
                and kind not in _RESERVED
                and kind not in _SECTION_OF_CODE
            ):
                code, label = None, w.clean(kind, section, i, "type")
                skip = {"type"}
            for key in (SHAPES[section].start, SHAPES[section].end):
                value = getattr(entry, key) if key else None
                # Dates travel as text here; keep them checkable like every other V3 date.
                if key and isinstance(value, str) and date_parts(value) is None:
                    w.report.lost(pointer(section, i, key), f"'{value}' is not a calendar date")
                    skip.add(key)
            block = to_block(entry, shape, (section, i), w.report, skip=skip)
            _achievement(w, listing, code, label, block.html)
    if not len(listing):
        learner.remove(listing)
