"""Read the legacy Europass CV XML (SkillsPassport / LearnerInfo, V3) into JSON Resume data."""

from __future__ import annotations

from typing import Any

from cvconvert.formats._europass import cefr
from cvconvert.formats._europass.codes import country_code, eqf_guess, join_place, language_by_code
from cvconvert.formats._europass.common import put
from cvconvert.formats._europass.entries import Block, from_block, model_order, typed_project
from cvconvert.formats._europass.names import join_name, link_profile
from cvconvert.formats._europass.notes import EDUCATION_KEYS, WORK_KEYS
from cvconvert.formats._europass.rich import EMPLOYER, SIMPLIFIED, parse_rich, read_rich
from cvconvert.formats._europass.v3 import (
    _FLAT,
    _FROM_V3,
    _ICT,
    _LEVEL_TAGS,
    _SECTION_OF_CODE,
    _SECTION_OF_LABEL,
    _SKILL_SLOTS,
    ABOUT,
    FINAL_GRADE,
    THESIS,
    _find,
    _findall,
    _text,
)
from cvconvert.model import Basics
from cvconvert.report import Report, pointer

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
        element = _find(root, name)
        # An empty element states nothing: reporting it lost was a false alarm.
        if element is not None and (len(element) or (element.text or "").strip()):
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
