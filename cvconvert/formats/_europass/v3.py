"""The legacy Europass CV XML (Cedefop SkillsPassport / LearnerInfo, V3.4), read and written.

Written files are valid against the official XSD 3.4.1; the code lists it enumerates
(countries, nationalities, languages, driving licences) are copied here so that no schema
file is needed at run time. See docs/europass.md for the mapping.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from typing import Any

from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.common import (
    ADDRESS_KEYS,
    BASICS_KEYS,
    EDUCATION_KEYS,
    EMPLOYER,
    EUROPASS_COUNTRIES,
    PROFILE_KEYS,
    SIMPLIFIED,
    WORK_KEYS,
    Names,
    Writer,
    build_rich,
    country_code,
    country_name,
    date_parts,
    eqf_guess,
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
from cvconvert.formats._europass.entries import SHAPES, Block, flat, from_block, model_order, to_block, typed_project
from cvconvert.model import Basics, Resume
from cvconvert.namespaces import EUROPASS_V3, XSI
from cvconvert.report import Report, pointer

_NAMES = Names({"": EUROPASS_V3})
_find = _NAMES.find
_findall = _NAMES.findall
_text = _NAMES.text

# Code lists of XSD 3.4.1 (EuropassISOCountries_V1.7.0, EuropassNationalities_V1.7.0,
# EuropassISOLanguages_V1.10.0): Europass writes GB as UK and GR as EL.
COUNTRIES = frozenset(
    "BE BG CZ DK DE EE IE EL ES FR HR IS IT CY LT LV LU HU MT NL NO AT PL PT RO SI SK FI SE UK TR CH AD AE AF AG "
    "AL AM AO AR AU AZ BA BB BD BF BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CI CL CM CN CO CR RS CU CV DJ DM DO "
    "DZ EC EG ER ET FJ FM GA GD GE GH GL GM GN GQ GT GW GY HN HT ID IL IN IQ IR JM JO JP KE KG KH KI KM KN KP KR KW "
    "KZ LA LB LC LI LK LR LS LY MA MC MD MG MH MK ML MM MN MR MU MV MW MX MY MZ NA NE NG NI NP NR NU NZ OM PA PE PG "
    "PH PK PS PW PY QA RU RW SA SB SC SD SG SL SM SN SO SR ST SV SY SZ TD TG TH TJ TL TM TN TO TT TV TZ UA UG US UY "
    "UZ VA VC VE VN VU WS YE ZA ZM ZW ME SS XK".split()
)
NATIONALITIES = COUNTRIES  # the nationalities list has the same codes
FOREIGN_LANGUAGES = frozenset(
    "bg cs da nl en et fi fr de el hu is it lv lt mt no pl pt ro hr sk sl es sv tr ab af sq am ar an hy as az eu be "
    "bn bs br my ca ce zh cu kw co eo fo fj fy ka gd ga gl gv grc gu ht he hi id jv ja kn kk ky kg ko ku lo la li ln "
    "lb mk ml mr ms mg mo mn ne nn nb oc om pa fa ps rm rom ru sr se sd so sc sw ty ta tt te tg tl th bo tk uk ur uz "
    "vi vo cy yi yo km ber fil wol pms ori me".split()
)
MOTHER_LANGUAGES = FOREIGN_LANGUAGES - {"cu", "eo", "grc", "la", "oc", "vo"}
DRIVING = frozenset("A A1 A2 AM B B1 BE C C1 C1E CE D D1 D1E DE".split())
_EMAIL = re.compile(r"[^@]+@[^.]+\.[^\r\n]+")
_MIME = {"image/jpeg", "image/pjpeg", "image/png", "image/x-png"}

_FROM_V3 = EUROPASS_COUNTRIES
_TO_V3 = {v: k for k, v in _FROM_V3.items()}

# Achievement codes of XSD 3.4.1 for the sections that have one; the others go by label.
CODES = {
    "certificates": ("certifications", "Certifications"),
    "awards": ("honors_awards", "Honours and awards"),
    "publications": ("publications", "Publications"),
    "projects": ("projects", "Projects"),
    "references": ("references", "References"),
}
LABELS = {"volunteer": "Volunteering", "skills": "Skills", "interests": "Interests"}
ABOUT = "About me"
FINAL_GRADE = "Final grade"
THESIS = "Thesis"
# An achievement has only a title and a description: every field of an entry is a labelled paragraph.
_FLAT = {section: flat(shape) for section, shape in SHAPES.items()}
_SECTION_OF_CODE = {code: section for section, (code, _) in CODES.items()}
_SECTION_OF_LABEL = {label: section for section, label in LABELS.items()}
_RESERVED = {ABOUT, *LABELS.values(), *(label for _, label in CODES.values())}
_LEVEL_TAGS = (
    ("listening", "Listening"),
    ("reading", "Reading"),
    ("spoken interaction", "SpokenInteraction"),
    ("spoken production", "SpokenProduction"),
    ("writing", "Writing"),
)
_SKILL_SLOTS = (
    ("Communication", "Communication skills"),
    ("Organisational", "Organisational skills"),
    ("JobRelated", "Job-related skills"),
    ("Computer", "Digital skills"),
    ("Other", "Other skills"),
)
_ICT = (
    ("Information", "information processing"),
    ("Communication", "communication"),
    ("ContentCreation", "content creation"),
    ("Safety", "safety"),
    ("ProblemSolving", "problem solving"),
)


def v3_country(code: str) -> str | None:
    """The Europass V3 spelling of an alpha-2 code, when its list has it."""
    spelt = _TO_V3.get(code, code)
    return spelt if spelt in COUNTRIES else None


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


def write(resume: Resume, *, language: str = "en") -> tuple[bytes, Report]:
    """Write a SkillsPassport V3.4 CV; returns the bytes and the loss report.

    ``language`` is the CV's locale (two letters).
    """
    from lxml import etree

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


# --- reading -------------------------------------------------------------------------------


def _date(element: Any, where: str, report: Report) -> str | None:
    if element is None:
        return None
    year, month, day = element.get("year"), element.get("month"), element.get("day")
    try:
        parts = [int(year)] if year else []
        if parts and month:
            parts.append(int(month.lstrip("-")))
            if day:
                parts.append(int(day.lstrip("-")))
    except ValueError:
        parts = []
    if not parts or not 1000 <= parts[0] <= 2999:
        report.lost(where, f"'{year}-{month}-{day}' is not a date")
        return None
    return "-".join(f"{p:04d}" if n == 0 else f"{p:02d}" for n, p in enumerate(parts))


def _code(element: Any, where: str, report: Report) -> str | None:
    """An alpha-2 country code from a Country element (its Code, else its Label)."""
    code = _text(element, "Code")
    if code:
        return _FROM_V3.get(code.strip(), code.strip())
    label = _text(element, "Label")
    if label:
        found = country_code(label)
        if found is None:
            report.lost(where, f"the country '{label}' has no ISO 3166 code")
        return found
    return None


def read_root(root: Any, report: Report) -> dict[str, Any]:
    """The JSON Resume data of a parsed SkillsPassport document (losses noted in ``report``)."""
    out: dict[str, Any] = {}
    learner = _find(root, "LearnerInfo")
    for name in ("CoverLetter", "AttachmentList"):
        if _find(root, name) is not None:
            report.lost("", f"the {name} of the Europass file was not read (no JSON Resume home)")
    if learner is None:
        return out
    basics = _read_identification(learner, report)
    headline = _find(learner, "Headline")
    if headline is not None:
        text = _text(headline, "Description/Label")
        if text is not None:
            if _text(headline, "Type/Code") == "personal_statement":
                basics["summary"] = text
            else:
                basics["label"] = text
    work = [_read_work(e, i, report) for i, e in enumerate(_findall(learner, "WorkExperienceList/WorkExperience"))]
    education = [_read_education(e, i, report) for i, e in enumerate(_findall(learner, "EducationList/Education"))]
    sections: dict[str, list[dict[str, Any]]] = {}
    languages = _read_languages(learner, sections, report)
    _read_skill_slots(learner, sections, report)
    for achievement in _findall(learner, "AchievementList/Achievement"):
        code = _text(achievement, "Title/Code")
        label = _text(achievement, "Title/Label")
        html = _text(achievement, "Description")
        if code is None and label == ABOUT:
            if html is not None:
                rich = parse_rich(html)
                if rich.simplified:
                    report.normalised("/basics/summary", SIMPLIFIED)
                if "summary" in basics:
                    report.lost("/basics/summary", "a further summary replaced the one before it (JSON Resume has one)")
                basics["summary"] = rich.bulleted
            continue
        section = (
            _SECTION_OF_CODE.get(code or "")
            or (_SECTION_OF_LABEL.get(label or "") if code is None else None)
            or "projects"
        )
        n = len(sections.setdefault(section, []))
        entry = from_block(Block(html=html), _FLAT[section], (section, n), report)
        if section == "projects" and code != "projects":
            entry = typed_project(entry, label or code or "", (section, n), report)
        sections[section].append(entry)
    if _find(learner, "Documentation") is not None:
        report.lost("", "references to attached documents were not kept")
    if basics:
        out["basics"] = model_order(Basics, basics)
    for key, value in (("work", work), ("education", education)):
        if value:
            out[key] = value
    for key in ("volunteer", "awards", "certificates", "publications", "skills"):
        if key in sections:
            out[key] = sections[key]
    if languages:
        out["languages"] = languages
    for key in ("interests", "references", "projects"):
        if key in sections:
            out[key] = sections[key]
    if _find(root, "PrintingPreferences") is not None:
        report.lost("", "PrintingPreferences (what the old editor showed and in which order) is layout: not kept")
    return out


def _read_identification(learner: Any, report: Report) -> dict[str, Any]:
    basics: dict[str, Any] = {}
    ident = _find(learner, "Identification")
    if ident is None:
        return basics
    name = join_name(_text(ident, "PersonName/FirstName"), _text(ident, "PersonName/Surname"))
    put(basics, "name", name)
    if _text(ident, "PersonName/Title/Label") or _text(ident, "PersonName/Title/Code"):
        report.lost("/basics/name", "the title (Mr, Dr, ...) was not kept")
    contact = _find(ident, "ContactInfo")
    if contact is not None:
        address = _find(contact, "Address/Contact")
        if address is not None:
            loc: dict[str, Any] = {}
            lines = [t for t in (_text(address, "AddressLine"), _text(address, "AddressLine2")) if t is not None]
            if lines:
                loc["address"] = "\n".join(lines)
            for key, tag in (("postalCode", "PostalCode"), ("city", "Municipality")):
                value = _text(address, tag)
                put(loc, key, value)
            country = _find(address, "Country")
            if country is not None:
                code = _code(country, "/basics/location/countryCode", report)
                put(loc, "countryCode", code)
            basics["location"] = loc
        put(basics, "email", _text(contact, "Email/Contact"))
        phones = [_text(t, "Contact") for t in _findall(contact, "TelephoneList/Telephone")]
        phones = [p for p in phones if p is not None]
        if phones:
            basics["phone"] = phones[0]
            if phones[1:]:
                report.lost(
                    "/basics/phone", f"{len(phones) - 1} further telephone number(s) not kept (JSON Resume has one)"
                )
        profiles: list[dict[str, Any]] = []
        for site in _findall(contact, "WebsiteList/Website"):
            url = _text(site, "Contact")
            code, label = _text(site, "Use/Code"), _text(site, "Use/Label")
            if code == "personal" and "url" not in basics and url is not None:
                basics["url"] = url
                continue
            prof: dict[str, Any] = {}
            network = label if label is not None else code
            put(prof, "network", network)
            if url is not None:
                link_profile(prof, url)
            profiles.append(prof)
        for im in _findall(contact, "InstantMessagingList/InstantMessaging"):
            prof = {}
            label = _text(im, "Use/Label")
            put(prof, "network", label if label is not None else _text(im, "Use/Code"))
            put(prof, "username", _text(im, "Contact"))
            profiles.append(prof)
        if profiles:
            basics["profiles"] = profiles
        if _find(contact, "ContactMethodList") is not None:
            report.lost("/basics", "other contact methods were not kept")
    demographics = _find(ident, "Demographics")
    if demographics is not None:
        birth = _date(_find(demographics, "Birthdate"), "/basics/x-europass-birthDate", report)
        put(basics, "x-europass-birthDate", birth)
        codes = []
        for nationality in _findall(demographics, "NationalityList/Nationality"):
            code = _code(nationality, "/basics/x-europass-nationalities", report)
            if code is not None:
                codes.append(code)
        if codes:
            basics["x-europass-nationalities"] = codes
        if _find(demographics, "Gender") is not None:
            report.lost("/basics", "the gender was not kept")
    photo = _find(ident, "Photo")
    if photo is not None:
        data = "".join((_text(photo, "Data") or "").split())
        if data:
            basics["image"] = f"data:{_text(photo, 'MimeType') or 'image/jpeg'};base64,{data}"
    if _find(ident, "Signature") is not None:
        report.lost("/basics", "the signature image was not kept")
    return basics


def _read_period(element: Any, path: tuple[str | int, ...], data: dict[str, Any], report: Report) -> None:
    start = _date(_find(element, "Period/From"), pointer(*path, "startDate"), report)
    end = _date(_find(element, "Period/To"), pointer(*path, "endDate"), report)
    put(data, "startDate", start)
    put(data, "endDate", end)


def _read_work(element: Any, i: int, report: Report) -> dict[str, Any]:
    path = ("work", i)
    job: dict[str, Any] = {}
    employer = _find(element, "Employer")
    if employer is not None:
        put(job, "name", _text(employer, "Name"))
        address = _find(employer, "ContactInfo/Address/Contact")
        if address is not None:
            country = _find(address, "Country")
            code = _code(country, pointer(*path, "location"), report) if country is not None else None
            put(job, "location", join_place(_text(address, "Municipality"), code))
            if _text(address, "AddressLine") or _text(address, "PostalCode"):
                report.lost(pointer(*path, "location"), "the employer's street address and postal code were not kept")
        put(job, "url", _text(employer, "ContactInfo/Website/Contact"))
        if _find(employer, "Sector") is not None:
            report.lost(pointer(*path), "the NACE sector was not kept")
    put(job, "position", _text(element, "Position/Label"))
    _read_period(element, path, job, report)
    activities = _text(element, "Activities")
    if activities is not None and activities.strip():
        labels = {EMPLOYER: "description"}
        read_rich(activities, labels, "summary", "highlights", job, pointer(*path, "summary"), report)
    if _text(element, "Description"):
        report.lost(pointer(*path), "the experience's short description was not kept")
    return {k: job[k] for k in WORK_KEYS if k in job}


def _read_education(element: Any, i: int, report: Report) -> dict[str, Any]:
    path = ("education", i)
    school: dict[str, Any] = {}
    organisation = _find(element, "Organisation")
    if organisation is not None:
        put(school, "institution", _text(organisation, "Name"))
        put(school, "url", _text(organisation, "ContactInfo/Website/Contact"))
        if _find(organisation, "ContactInfo/Address") is not None:
            report.lost(pointer(*path), "the school's address was not kept")
    area = _text(element, "Field/Label")
    put(school, "area", area)
    if _text(element, "Field/Code"):
        report.lost(pointer(*path, "area"), "the ISCED field code was not kept")
    title = _text(element, "Title")
    put(school, "studyType", title)
    level = _text(element, "Level/Code")
    if level and level != eqf_guess(title):
        report.lost(pointer(*path, "studyType"), f"the EQF level {level} was not kept")
    _read_period(element, path, school, report)
    activities = _text(element, "Activities")
    if activities:
        labels = {FINAL_GRADE: "score", THESIS: "x-europass-thesis"}
        read_rich(activities, labels, "summary", "courses", school, pointer(*path), report)
    return {k: school[k] for k in EDUCATION_KEYS if k in school}


def _language_label(language: Any) -> str | None:
    description = _find(language, "Description")
    if description is None:
        return None
    label = _text(description, "Label")
    if label:
        return label
    code = _text(description, "Code")
    return language_by_code(code) or code if code else None


def _read_languages(learner: Any, sections: dict[str, list[dict[str, Any]]], report: Report) -> list[dict[str, Any]]:
    languages: list[dict[str, Any]] = []
    linguistic = _find(learner, "Skills/Linguistic")
    if linguistic is None:
        return languages
    for mother in _findall(linguistic, "MotherTongueList/MotherTongue"):
        native: dict[str, Any] = {}
        put(native, "language", _language_label(mother))
        native["fluency"] = cefr.NATIVE
        languages.append(native)
    for foreign in _findall(linguistic, "ForeignLanguageList/ForeignLanguage"):
        n = len(languages)
        entry: dict[str, Any] = {}
        put(entry, "language", _language_label(foreign))
        levels = {}
        for dim, tag in _LEVEL_TAGS:
            value = (_text(foreign, f"ProficiencyLevel/{tag}") or "").strip().upper()
            if value in cefr.LEVELS:
                levels[dim] = value
            elif value:
                report.lost(pointer("languages", n, "fluency"), f"'{value}' is not a CEFR level")
        put(entry, "fluency", cefr.fluency_text(levels))
        languages.append(entry)
        for certificate in _findall(foreign, "VerifiedBy/Certificate"):
            _certificate(certificate, sections, report)
        if _find(foreign, "AcquiredDuring") is not None:
            report.lost(pointer("languages", n), "where the language was learnt was not kept")
    return languages


def _certificate(element: Any, sections: dict[str, list[dict[str, Any]]], report: Report) -> None:
    cert: dict[str, Any] = {}
    put(cert, "name", _text(element, "Title"))
    n = len(sections.setdefault("certificates", []))
    put(cert, "date", _date(_find(element, "Date"), pointer("certificates", n, "date"), report))
    put(cert, "issuer", _text(element, "AwardingBody"))
    if _text(element, "Level"):
        report.lost(pointer("certificates", n), "the certificate's CEFR level was not kept")
    sections["certificates"].append(cert)


def _read_skill_slots(learner: Any, sections: dict[str, list[dict[str, Any]]], report: Report) -> None:
    skills = _find(learner, "Skills")
    if skills is None:
        return
    for tag, name in _SKILL_SLOTS:
        element = _find(skills, tag)
        if element is None:
            continue
        n = len(sections.setdefault("skills", []))
        skill: dict[str, Any] = {"name": name}
        levels = [
            f"{label} {_text(element, f'ProficiencyLevel/{key}')}"
            for key, label in _ICT
            if _text(element, f"ProficiencyLevel/{key}")
        ]
        if levels:
            skill["level"] = ", ".join(levels)
        description = _text(element, "Description")
        if description:
            rich = parse_rich(description)
            keywords = [line for line in (rich.paragraphs or []) if line.strip()] + list(rich.items or [])
            skill["keywords"] = keywords
            if rich.simplified:
                report.normalised(pointer("skills", n), SIMPLIFIED)
        sections["skills"].append(skill)
        for certificate in _findall(element, "VerifiedBy/Certificate"):
            _certificate(certificate, sections, report)
    driving = [e.text or "" for e in _findall(skills, "Driving/Description/Licence")]
    if driving:
        sections.setdefault("skills", []).append({"name": "Driving licence", "keywords": driving})
