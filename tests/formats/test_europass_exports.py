"""Real Europass portal exports (../shared/corpus/europass): nothing in them vanishes unsaid (issue 15).

Every element with text reaches the résumé or is named in the loss report, by the XML and by the
PDF that embeds it; read -> write Candidate -> read gives the same résumé.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from cvconvert.formats._europass import EuropassWriteOptions
from cvconvert.formats._europass.candidate.write import write as write_candidate
from cvconvert.formats._europass.pdf import embedded_xml
from cvconvert.formats._europass.reading import read_pdf, read_xml
from cvconvert.model import Resume
from cvconvert.options import ReadOptions
from cvconvert.report import Report
from tests.conftest import shared_files
from tests.formats.test_europass import _alias, _strings, _unreached

EXPORTS = shared_files("corpus/europass", "*.xml")
PDFS = shared_files("corpus/europass", "*.pdf")


def _unexplained(xml: bytes, data: dict[str, object], report: Report) -> list[str]:
    dump = "\n".join(_strings(data)).lower()
    messages = " ".join(f"{n.path} {n.message}" for n in report.losses).lower()
    return [
        where
        for where in _unreached(etree.fromstring(xml), dump)
        if not any(p in messages or _alias(p) in messages for p in (p.lower() for p in where.split("/")))
    ]


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_every_element_with_text_arrives_or_is_a_named_loss(path: Path) -> None:
    xml = path.read_bytes()
    resume, report = read_xml(xml, ReadOptions())
    assert _unexplained(xml, resume.to_data(), report) == []


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_the_pdf_route_reads_the_same_as_the_xml(path: Path) -> None:
    from_pdf, report = read_pdf(path.read_bytes(), ReadOptions())
    xml = embedded_xml(path.read_bytes())
    assert _unexplained(xml, from_pdf.to_data(), report) == []
    assert from_pdf.to_data() == read_xml(xml, ReadOptions())[0].to_data()


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_read_write_read_is_stable(path: Path) -> None:
    first, _ = read_xml(path.read_bytes(), ReadOptions())
    written, _ = write_candidate(first, EuropassWriteOptions())
    again, _ = read_xml(written, ReadOptions())
    assert again.to_data() == first.to_data()


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_native_sections_have_their_json_resume_home(path: Path) -> None:
    resume, report = read_xml(path.read_bytes(), ReadOptions())
    root = etree.fromstring(path.read_bytes())
    has = {etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str)}
    if "SkillsGroup" in has or "DigitalSkillsGroup" in has:
        assert resume.skills and all(s.keywords for s in resume.skills)
    if "HobbyOrInterest" in has:
        assert resume.interests
    if "Publication" in has:
        assert resume.publications and all(p.name for p in resume.publications)
    if "Project" in has:
        assert resume.projects
    # No "no home yet" excuse is left for a section that has one.
    assert not any("no JSON Resume home yet" in n.message for n in report.losses)


# --- synthetic files: each rule without the corpus --------------------------------------------

_CANDIDATE = """<?xml version="1.0" encoding="UTF-8"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:oa="http://www.openapplications.org/oagis/9"
 xmlns:eures="http://www.europass_eures.eu/1.0" xmlns:hr="http://www.hr-xml.org/3">
<CandidatePerson><PersonName><oa:GivenName>Ada</oa:GivenName><hr:FamilyName>Byron</hr:FamilyName></PersonName>
{person}</CandidatePerson>
<CandidateProfile>{profile}</CandidateProfile>
</Candidate>
"""


def _candidate(person: str = "", profile: str = "") -> tuple[dict[str, object], Report]:
    resume, report = read_xml(_CANDIDATE.format(person=person, profile=profile).encode(), ReadOptions())
    return resume.to_data(), report


def test_empty_elements_are_no_loss() -> None:
    data, report = _candidate("<hr:BirthDate></hr:BirthDate>", "<Skills/><PublicationHistory/><eures:Licenses/>")
    assert report.losses == []
    assert "x-europass-birthDate" not in data["basics"]  # type: ignore[operator]


def test_native_skills_interests_publications_and_projects_are_read() -> None:
    data, report = _candidate(
        "<BirthPlace><City>Genoa</City><CountryCode>it</CountryCode></BirthPlace>",
        "<eures:Licenses><eures:License><hr:LicenseTypeCode>B</hr:LicenseTypeCode></eures:License></eures:Licenses>"
        "<PublicationHistory><Publication><Title>On Engines</Title><Year>1843</Year><Journal>Notes</Journal>"
        "<Authors>A. Byron</Authors></Publication></PublicationHistory>"
        "<Projects><Project><Title>Engine</Title><Description>&lt;p&gt;Tables.&lt;/p&gt;</Description></Project></Projects>"
        "<Skills><SkillsGroup><Title>Maths</Title><PersonCompetency><hr:CompetencyName>Algebra</hr:CompetencyName>"
        "</PersonCompetency></SkillsGroup></Skills>"
        "<DigitalSkills><DigitalSkillsGroup><DigitalSkill>Punch cards</DigitalSkill>"
        "</DigitalSkillsGroup></DigitalSkills>"
        "<HobbiesAndInterests><HobbyOrInterest><Title>Horses</Title>"
        "<Description>&lt;p&gt;Riding.&lt;/p&gt;</Description></HobbyOrInterest></HobbiesAndInterests>",
    )
    assert data["skills"] == [
        {"name": "Maths", "keywords": ["Algebra"]},
        {"name": "Digital skills", "keywords": ["Punch cards"]},
    ]
    assert data["interests"] == [{"name": "Horses", "summary": "Riding."}]
    assert data["publications"] == [
        {"name": "On Engines", "publisher": "Notes", "releaseDate": "1843", "x-authors": "A. Byron"}
    ]
    assert data["projects"] == [{"name": "Engine", "description": "Tables."}]
    basics = data["basics"]
    assert basics["x-europass-birthPlace"] == {"city": "Genoa", "countryCode": "IT"}  # type: ignore[index]
    assert basics["x-europass-drivingLicences"] == ["B"]  # type: ignore[index]
    assert report.losses == []
    again, _ = read_xml(write_candidate(Resume.model_validate(data), EuropassWriteOptions())[0], ReadOptions())
    assert again.to_data() == data
