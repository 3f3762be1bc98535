"""The sections a real portal export has that JSON Resume has homes for (issue 15).

Skills groups, digital skills, personal skills, hobbies and interests, publications, projects
and driving licences are read into skills, interests, publications, projects and documented
``x-europass-`` fields. What has no home is named in the loss report by its element.
"""

from __future__ import annotations

from typing import Any

from cvconvert.formats._europass.candidate import _find, _findall, _text
from cvconvert.formats._europass.entries import SHAPES, Block, from_block
from cvconvert.formats._europass.rich import parse_rich
from cvconvert.report import Report, pointer

# The portal's free-text skill sections, each read as one skills entry named for it.
PERSONAL_SKILLS = {
    "CommunicationAndInterpersonalSkills": "Communication and interpersonal skills",
    "OrganisationalSkills": "Organisational skills",
    "JobRelatedSkills": "Job-related skills",
    "OtherSkills": "Other skills",
}
# A publication's own elements: the journal is its publisher, the rest documented x- fields.
PUBLICATION_FIELDS = (
    ("publisher", "Journal"),
    ("x-publisher", "Publisher"),
    ("x-authors", "Authors"),
    ("x-reference", "Reference"),
    ("x-volume", "Volume"),
)
NATIVE = ("Skills", "DigitalSkills", "HobbiesAndInterests", "PublicationHistory", "Projects", "eures:Licenses")
"""The containers read here (the "not read" rule for empty sections skips them)."""


def read_sections(profile: Any, sections: dict[str, list[dict[str, Any]]], report: Report) -> None:
    """Add the native sections of ``profile`` to ``sections`` (by JSON Resume key)."""
    skills = sections.setdefault("skills", [])
    skills += _skill_groups(profile, len(skills), report)
    skills += _digital_skills(profile)
    skills += _personal_skills(profile)
    interests = sections.setdefault("interests", [])
    for element in _findall(profile, "HobbiesAndInterests/HobbyOrInterest"):
        interests.append(_entry(element, "interests", len(interests), report))
    publications = sections.setdefault("publications", [])
    for element in _findall(profile, "PublicationHistory/Publication"):
        publications.append(_publication(element, len(publications), report))
    projects = sections.setdefault("projects", [])
    for element in _findall(profile, "Projects/Project"):
        projects.append(_entry(element, "projects", len(projects), report))
    for key in [k for k, v in sections.items() if not v]:
        del sections[key]


def driving_licences(profile: Any) -> list[str]:
    """The driving licence categories (``B``, ``C1``) of ``Licenses``."""
    codes = (_text(e, "hr:LicenseTypeCode") for e in _findall(profile, "eures:Licenses/eures:License"))
    return [code.strip() for code in codes if code and code.strip()]


def _skill_groups(profile: Any, start: int, report: Report) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for group in _findall(profile, "Skills/SkillsGroup"):
        entry: dict[str, Any] = {}
        title = _text(group, "Title")
        if title:
            entry["name"] = title.strip()
        competencies = _findall(group, "PersonCompetency")
        keywords = [n.strip() for c in competencies if (n := _text(c, "hr:CompetencyName")) and n.strip()]
        if keywords:
            entry["keywords"] = keywords
        taxonomies = sorted({t.strip() for c in competencies if (t := _text(c, "hr:TaxonomyID")) and t.strip()})
        where = pointer("skills", start + len(groups)) if entry else pointer("skills")
        if taxonomies:
            report.lost(where, f"the skills' taxonomy ({', '.join(taxonomies)}) was not kept")
        if entry:
            groups.append(entry)
    return groups


def _digital_skills(profile: Any) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for group in _findall(profile, "DigitalSkills/DigitalSkillsGroup"):
        keywords = [t.strip() for e in _findall(group, "DigitalSkill") if (t := e.text) and t.strip()]
        if keywords:
            groups.append({"name": (_text(group, "Title") or "").strip() or "Digital skills", "keywords": keywords})
    return groups


def _personal_skills(profile: Any) -> list[dict[str, Any]]:
    entries = []
    for tag, name in PERSONAL_SKILLS.items():
        element = _find(profile, tag)
        if element is None or not (element.text or "").strip():
            continue
        rich = parse_rich(element.text, frozenset())
        keywords = rich.items or ([rich.text] if rich.text else [])
        if keywords:
            entries.append({"name": name, "keywords": keywords})
    return entries


def _entry(element: Any, section: str, n: int, report: Report) -> dict[str, Any]:
    path = (section, n)
    links = [link.text or "" for link in _findall(element, "Link")]
    block = Block(title=_text(element, "Title"), link=links[0] if links else None, html=_text(element, "Description"))
    if links[1:] or (links and not SHAPES[section].link):
        report.lost(pointer(*path), "links not kept (JSON Resume has one, or none, here)")
    return from_block(block, SHAPES[section], path, report)


def _publication(element: Any, n: int, report: Report) -> dict[str, Any]:
    path = ("publications", n)
    year = (_text(element, "Year") or "").strip()
    doi = (_text(element, "DOI/Link") or "").strip()
    block = Block(
        title=_text(element, "Title"),
        start=year if year.isdigit() and len(year) == 4 else None,
        link=doi or None,
        html=_text(element, "hr:FormattedPublicationDescription"),
    )
    if year and block.start is None:
        report.lost(pointer(*path, "releaseDate"), f"'{year}' is not a year")
    entry = from_block(block, SHAPES["publications"], path, report)
    for key, tag in PUBLICATION_FIELDS:
        value = (_text(element, tag) or "").strip()
        if value:
            entry[key] = value
    return entry
