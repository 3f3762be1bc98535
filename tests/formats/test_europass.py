"""Europass: the current Candidate XML and the legacy V3 XML both ways, Europass PDFs read.

The official examples and the portal's real export are read from ../shared (never copied
here); written V3 files are validated against the official XSD 3.4.1 from ../shared.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import cvconvert
from cvconvert import namespaces
from cvconvert.errors import InvalidInputError
from cvconvert.formats import _europass
from cvconvert.formats._europass import (
    EuropassWriteOptions,
    cefr,
    read_pdf,
    read_xml,
    write_candidate,
    write_v3,
)
from cvconvert.formats._europass.names import split_name
from cvconvert.formats._europass.rich import build_rich, parse_rich
from cvconvert.model import Resume
from cvconvert.options import ReadOptions
from cvconvert.report import Report
from tests.conftest import SHARED, corpus_resumes, sample_files, shared_files, shared_path
from tests.helpers import masked
from tests.strategies import resume

EUROPASS = SHARED / "reference" / "europass"
EXPORT = ("reference", "europass", "candidate-2020", "examples", "FATelarico-sample.xml")
V3_EXAMPLES = shared_files("reference/europass/legacy-v3/examples", "*.xml")
PDFS = shared_files("reference/europass", "*/examples/*.pdf")
XML_EXAMPLES = [*V3_EXAMPLES, *shared_files("reference/europass/candidate-2020/examples", "*.xml")]
CORPUS, NOT_RESUMES = corpus_resumes()
WRITERS = {"europass": write_candidate, "europass-v3": write_v3}


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def xsd() -> Any:
    """The official XSD 3.4.1, loaded once, its https includes mapped to the local copies."""
    import xmlschema

    base = shared_path("reference", "europass", "legacy-v3", "xsd", "v3.4.1")
    catalog = etree.parse(str(base / "catalog.xml"))
    mapping = {
        e.get("name"): os.path.normpath(base / e.get("uri"))
        for e in catalog.iter()
        if isinstance(e.tag, str) and e.get("name") and e.get("uri")
    }
    return xmlschema.XMLSchema10(str(base / "EuropassSchema.xsd"), uri_mapper=mapping)


def _valid(xsd: Any, data: bytes) -> None:
    errors = [str(e.reason or e.message)[:200] for e in xsd.iter_errors(data.decode("utf-8"))]
    assert errors == []


def _round_trip(res: Resume, fmt: str) -> tuple[dict[str, Any], dict[str, Any], Report, bytes]:
    """(original data, data read back, notes of both directions, written bytes)."""
    data, wreport = WRITERS[fmt](res, EuropassWriteOptions())
    back, rreport = read_xml(data, ReadOptions())
    # Our own files read back without losses, except layout notes about the whole document.
    assert [n for n in rreport.losses if n.path] == []
    report = Report().extend(wreport).extend(rreport)
    return res.to_data(), back.to_data(), report, data


def _assert_kept(res: Resume, fmt: str, xsd: Any | None = None) -> Report:
    original, back, report, data = _round_trip(res, fmt)
    assert masked(back, report) == masked(original, report)
    if xsd is not None:
        _valid(xsd, data)
    return report


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", WRITERS)
@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_samples_keep_every_field_the_report_does_not_name(path: Path, fmt: str) -> None:
    res = cvconvert.read(path)
    _assert_kept(res, fmt)


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_samples_written_as_v3_are_valid_against_xsd_341(path: Path, xsd: Any) -> None:
    _valid(xsd, write_v3(cvconvert.read(path), EuropassWriteOptions())[0])


@pytest.mark.parametrize("fmt", WRITERS)
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_round_trips_keep_every_field_the_report_does_not_name(path: Path, fmt: str, xsd: Any) -> None:
    res = cvconvert.read(path)
    _assert_kept(res, fmt, xsd if fmt == "europass-v3" else None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resume)
def test_hypothesis_candidate_round_trip(res: Resume) -> None:
    _assert_kept(res, "europass")


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(res=resume)
def test_hypothesis_v3_round_trip_and_schema(res: Resume, xsd: Any) -> None:
    _assert_kept(res, "europass-v3", xsd)


KITCHEN_SINK = {
    "basics": {
        "name": "Ada King Lovelace",
        "label": "Analyst",
        "image": "data:image/png;base64,iVBORw0KGgo=",
        "email": "ada@example.org",
        "phone": "+44 20 7946 0000",
        "url": "https://ada.example.org",
        "summary": "First line\n\n  indented <b>not bold</b> & more",
        "location": {
            "address": "12 St James's Square\nFlat 2", "postalCode": "SW1Y", "city": "London", "countryCode": "GB"
        },
        "profiles": [
            {"network": "GitHub", "username": "ada", "url": "https://github.com/ada"},
            {"network": "LinkedIn", "url": "https://www.linkedin.com/in/ada/"},
            {"network": "whatsapp", "username": "+44 7700 900000"},
        ],
        "x-europass-nationalities": ["GB", "GR"],
        "x-europass-birthDate": "1815-12",
    },
    "work": [
        {
            "name": "Analytical Engines", "location": "London, United Kingdom", "description": "Engines",
            "position": "Programmer", "url": "https://engines.example", "startDate": "1842", "endDate": "1843-09-05",
            "summary": "", "highlights": [],
        },
        {"name": "Now", "location": "Greece", "startDate": "2020-02"},
    ],
    "volunteer": [{"organization": "Club", "position": "Chair", "startDate": "1830", "highlights": ["a", ""]}],
    "education": [
        {
            "institution": "Home", "url": "https://home.example", "area": "Mathematics", "studyType": "Master of Arts",
            "startDate": "1830-01-01", "endDate": "1835", "score": "A+", "courses": ["Algebra", "Logic\nII"],
            "summary": "Tutored by De Morgan", "x-europass-thesis": "Notes",
        }
    ],
    "awards": [{"title": "Medal", "date": "1840-05", "awarder": "Society", "summary": "For notes"}],
    "certificates": [{"name": "Cert", "date": "1841", "url": "https://cert.example", "issuer": "Board"}],
    "publications": [
        {"name": "Notes", "publisher": "Taylor", "releaseDate": "1843", "url": "https://n.example", "summary": "G"}
    ],
    "skills": [{"name": "Maths", "level": "Master", "keywords": ["Bernoulli", "Loops"]}, {"keywords": []}],
    "languages": [
        {"language": "English", "fluency": "Native speaker"},
        {"language": "French", "fluency": "C1"},
        {"language": "Italian", "fluency": "listening B2, writing A2"},
        {"language": "Klingon"},
    ],
    "interests": [{"name": "Horses", "keywords": ["racing"]}],
    "references": [{"name": "Babbage", "reference": "Enchantress of numbers."}],
    "projects": [
        {"name": "Engine", "description": "Plans", "highlights": ["h"], "keywords": ["k"], "startDate": "1840",
         "endDate": "1843", "url": "https://e.example", "roles": ["author", ""], "entity": "Self",
         "type": "application"},
        {"name": "Talk", "type": "conference", "entity": "Turin", "startDate": "1840-09", "roles": ["speaker"]},
        {"name": "Plain", "type": "Projects"},
    ],
}  # fmt: skip


@pytest.mark.parametrize("fmt", WRITERS)
def test_every_mapped_field_survives_without_a_note(fmt: str, xsd: Any) -> None:
    res = Resume.model_validate(KITCHEN_SINK)
    original, back, report, data = _round_trip(res, fmt)
    if fmt == "europass-v3":
        _valid(xsd, data)
    # Only warnings: the user name read from the LinkedIn link, and (Candidate XML) the
    # conference moved to the front. Everything else comes back as it was.
    assert {n.kind for n in report if n.path} <= {"warning"}
    expected = json.loads(json.dumps(original))
    expected["basics"]["profiles"][1]["username"] = "ada"
    if fmt == "europass":
        expected["projects"] = [expected["projects"][1], expected["projects"][0], expected["projects"][2]]
    assert back == expected


def test_portal_export_survives_read_write_read_unchanged() -> None:
    first, _ = read_xml(shared_path(*EXPORT).read_bytes(), ReadOptions())
    again, _ = read_xml(write_candidate(first, EuropassWriteOptions())[0], ReadOptions())
    assert again.to_data() == first.to_data()


@pytest.mark.parametrize("path", V3_EXAMPLES, ids=lambda p: p.stem)
def test_v3_examples_upgrade_to_candidate_and_back_unchanged(path: Path) -> None:
    first, _ = read_xml(path.read_bytes(), ReadOptions())
    data, report = write_candidate(first, EuropassWriteOptions())
    again, _ = read_xml(data, ReadOptions())
    assert masked(again.to_data(), report) == masked(first.to_data(), report)


def test_cli_upgrades_a_v3_file_to_the_current_format(tmp_path: Path) -> None:
    source = shared_path("reference", "europass", "legacy-v3", "examples", "Europass_CV_V3.4.0_Example.xml")
    target = tmp_path / "new.xml"
    cvconvert.convert(source, target)
    root = etree.fromstring(target.read_bytes())
    assert root.tag == "{http://www.europass.eu/1.0}Candidate"
    assert cvconvert.read(target).basics.name == cvconvert.read(source).basics.name  # type: ignore[union-attr]


# --- reading the official examples ---------------------------------------------------------

# Elements whose text is a code or a flag of the format itself, not something the person wrote.
STRUCTURAL = {
    "ChannelCode", "UseCode", "TaxonomyID", "CompetencyDimensionTypeCode", "CurrentIndicator", "Ongoing",
    "PartyName", "PrecedenceCode", "FileType", "Instructions", "Current", "DocumentType", "XSDVersion",
    "CreationDate", "LastUpdateDate", "Generator", "Copyright", "EuropassLogo", "Comment", "Code", "Label",
    "MimeType", "Document", "Bundle",
}  # fmt: skip


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _words(value: str) -> list[str]:
    rich = parse_rich(value)
    text = "\n".join([*(rich.paragraphs or []), *(rich.items or [])])
    return [w for w in text.split() if len(w) > 3]


def _unreached(root: Any, dump: str) -> list[str]:
    """Paths of elements with text none of whose words (or whole value) made it into the résumé."""
    missed = []
    for element in root.iter():
        if not isinstance(element.tag, str) or len(element) or not (element.text or "").strip():
            continue
        local = etree.QName(element).localname
        text = element.text.strip()
        if local in STRUCTURAL or local == "EmbeddedData" or local == "Data":
            continue
        if text.lower() in dump or text.lower() in ("true", "false"):
            continue
        words = _words(text)
        if words and all(w.lower() in dump for w in words):
            continue
        if len(text) <= 3 and (text.upper() in dump.upper()):
            continue
        missed.append("/".join(etree.QName(a).localname for a in reversed([element, *element.iterancestors()])))
    return missed


@pytest.mark.parametrize("path", XML_EXAMPLES, ids=lambda p: p.stem)
def test_every_example_reads_and_what_is_not_kept_is_reported(path: Path) -> None:
    res, report = read_xml(path.read_bytes(), ReadOptions())
    dump = "\n".join(_strings(res.to_data())).lower()
    messages = " ".join(n.message for n in report.losses).lower()
    unexplained = []
    for where in _unreached(etree.fromstring(path.read_bytes()), dump):
        parts = [p.lower() for p in where.split("/")]
        # A loss note names the element or one of its ancestors (e.g. RenderingInformation).
        if not any(p in messages or _alias(p) in messages for p in parts):
            unexplained.append(where)
    assert unexplained == []


def _alias(tag: str) -> str:
    return {
        "department": "department",
        "industrycode": "industry code",
        "addressline": "street address",
        "postalcode": "postal code",
        "programconcentration": "field-of-study",
        "numberofcredit": "credits",
        "credittype": "credits",
        "othertitle": "address title",
        "link": "link",
        "sector": "nace",
        "gender": "gender",
        "gendercode": "gender",
        "nationality": "country",
        "telephone": "telephone",
        "printingpreferences": "printingpreferences",
        "attachmentlist": "attachmentlist",
        "coverletter": "coverletter",
        "educationlevelcode": "eqf",
        "uri": "e-mail",
        "acquiredduring": "where the language was learnt",
    }.get(tag, tag)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_europass_pdfs_read_the_xml_they_embed(path: Path) -> None:
    from_pdf, _ = read_pdf(path.read_bytes(), ReadOptions())
    sibling = {
        "FATelarico-sample": path.with_suffix(".xml"),
        "Europass-CV-20130618-Emmanouilidi-EN": path.with_name(path.stem + ".attachment.xml"),
    }[path.stem]
    from_xml, _ = read_xml(sibling.read_bytes(), ReadOptions())
    assert from_pdf.to_data() == from_xml.to_data()
    assert from_pdf.basics is not None and from_pdf.basics.name
    assert cvconvert.read(path).to_data() == from_xml.to_data()  # found by the .pdf extension


@pytest.mark.parametrize("kind", ["path", "bytes", "file"])
def test_every_source_kind_reads(kind: str) -> None:
    import io

    path = shared_path(*EXPORT)
    source: Any = {"path": path, "bytes": path.read_bytes(), "file": io.BytesIO(path.read_bytes())}[kind]
    fmt = None if kind == "path" else "europass"
    assert cvconvert.read(source, fmt).to_data() == read_xml(path.read_bytes(), ReadOptions())[0].to_data()


def test_export_maps_its_main_fields() -> None:
    res, report = read_xml(shared_path(*EXPORT).read_bytes(), ReadOptions())
    assert res.basics is not None and res.basics.location is not None
    assert res.basics.location.countryCode == "SI"
    assert [p.network for p in res.basics.profiles or ()][:2] == ["LinkedIn", "Google Scholar"]
    assert res.work and res.work[0].startDate == "2021-10" and res.work[0].endDate is None
    assert res.education and res.education[1].endDate == "2022-11"
    langs = [(lang.language, lang.fluency) for lang in res.languages or ()]
    assert langs == [
        ("Neapolitan", "Native speaker"),
        ("Italian", "Native speaker"),
        ("English", "C2"),
        ("French", "listening B2, reading C1"),
    ]
    assert res.basics.image and res.basics.image.startswith("data:image/png;base64,")
    assert "/work/0/url" in {n.path for n in report.losses}  # three more links than JSON Resume holds


# --- writing the Candidate XML like the portal ---------------------------------------------

# Paths we write that the export does not show but STRUCTURE.md documents (with the text there).
_CERT = "Candidate/CandidateProfile/Certifications/Certification"
_END = (
    "Candidate/CandidateProfile/EmploymentHistory/EmployerHistory/PositionHistory/eures:EmploymentPeriod/eures:EndDate"
)
DOCUMENTED = {
    _END: "eures:EndDate/hr:FormattedDateTime",
    f"{_END}/hr:FormattedDateTime": "eures:EndDate/hr:FormattedDateTime",
    _CERT: "Certification: hr:CertificationName",
    f"{_CERT}/hr:CertificationName": "hr:CertificationName",
    f"{_CERT}/hr:IssuingAuthority": "hr:IssuingAuthority",
    f"{_CERT}/hr:CertificationDescription": "hr:CertificationDescription",
    f"{_CERT}/hr:CertificationDate": "hr:CertificationDate/hr:FormattedDateTime",
    f"{_CERT}/hr:CertificationDate/hr:FormattedDateTime": "hr:CertificationDate/hr:FormattedDateTime",
    "Candidate/CandidateProfile/Others/Other/Link": "Description, Link*)",
    "Candidate/CandidatePerson/Communication/Address/oa:AddressLine": "`Address @type` with `oa:AddressLine`",
}  # fmt: skip
_PREFIX = {namespaces.HR_XML: "hr:", namespaces.OAGIS: "oa:", namespaces.EURES: "eures:", namespaces.EUROPASS: ""}


def _paths(root: Any) -> set[str]:
    found = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        chain = [element, *element.iterancestors()]
        found.add("/".join(_PREFIX[etree.QName(e).namespace] + etree.QName(e).localname for e in reversed(chain)))
    return found


def test_documented_paths_are_in_structure_md() -> None:
    text = shared_path("reference", "europass", "candidate-2020", "STRUCTURE.md").read_text()
    assert [snippet for snippet in DOCUMENTED.values() if snippet not in text] == []


@settings(max_examples=40, deadline=None)
@given(resume)
def test_candidate_output_uses_only_the_portals_element_paths(res: Resume) -> None:
    known = _paths(etree.fromstring(shared_path(*EXPORT).read_bytes())) | set(DOCUMENTED)
    assert _paths(etree.fromstring(write_candidate(res, EuropassWriteOptions())[0])) - known == set()


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.stem)
def test_candidate_output_of_samples_uses_only_the_portals_paths(path: Path) -> None:
    known = _paths(etree.fromstring(shared_path(*EXPORT).read_bytes())) | set(DOCUMENTED)
    assert _paths(etree.fromstring(write_candidate(cvconvert.read(path), EuropassWriteOptions())[0])) - known == set()


def test_candidate_output_keeps_the_portals_namespaces_and_declaration() -> None:
    data, _ = write_candidate(Resume.model_validate({"basics": {"name": "Ada Lovelace"}}), EuropassWriteOptions())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    root = etree.fromstring(data)
    assert root.nsmap == {
        None: namespaces.EUROPASS,
        "oa": namespaces.OAGIS,
        "eures": namespaces.EURES,
        "hr": namespaces.HR_XML,
        "xsi": namespaces.XSI,
    }
    assert root.findtext(".//{http://www.openapplications.org/oagis/9}GivenName") == "Ada"
    assert root.findtext(".//{http://www.hr-xml.org/3}FamilyName") == "Lovelace"


def test_highlights_become_a_list_in_the_escaped_html_and_come_back() -> None:
    res = Resume.model_validate(
        {"work": [{"name": "X", "summary": "Did <things> & more", "highlights": ["a", "b & c"]}]}
    )
    for fmt in WRITERS:
        data, _ = WRITERS[fmt](res, EuropassWriteOptions())
        assert b"&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b &amp;amp; c&lt;/li&gt;&lt;/ul&gt;" in data
        back, _ = read_xml(data, ReadOptions())
        assert back.work and back.work[0].highlights == ["a", "b & c"]
        assert back.work[0].summary == "Did <things> & more"


def test_conferences_go_to_the_portals_conference_section() -> None:
    res = Resume.model_validate(
        {
            "projects": [
                {"name": "A"},
                {"name": "Talk", "type": "conference", "entity": "Ljubljana", "startDate": "2022-10-26"},
            ]
        }
    )
    data, report = write_candidate(res, EuropassWriteOptions())
    root = etree.fromstring(data)
    ns = {"e": namespaces.EUROPASS}
    assert root.xpath("//e:ConferenceAndSeminar/e:Location/text()", namespaces=ns) == ["Ljubljana"]
    assert {n.path for n in report.warnings} == {"/projects/0", "/projects/1"}  # conferences come first
    back, _ = read_xml(data, ReadOptions())
    assert [p.name for p in back.projects or ()] == ["Talk", "A"]
    assert back.projects and back.projects[0].type == "conference"


@pytest.mark.parametrize("place", ["Lyon, France", "Japan", "Lyon", "Antarctica", "Pristina, Kosovo\x01", "X, Niue"])
def test_work_place_splits_into_city_and_country_only_when_it_reads_back(place: str) -> None:
    res = Resume.model_validate({"work": [{"location": place}]})
    for fmt in WRITERS:
        data, report = WRITERS[fmt](res, EuropassWriteOptions())
        back, _ = read_xml(data, ReadOptions())
        assert back.work and back.work[0].location == place.replace("\x01", "")
        assert [n.path for n in report.losses] == (["/work/0/location"] if "\x01" in place else [])


def test_dates_keep_their_precision() -> None:
    res = Resume.model_validate({"work": [{"startDate": "2019", "endDate": "2020-03"}, {"startDate": "2021-07-15"}]})
    for fmt in WRITERS:
        back, _ = read_xml(WRITERS[fmt](res, EuropassWriteOptions())[0], ReadOptions())
        assert [(w.startDate, w.endDate) for w in back.work or ()] == [("2019", "2020-03"), ("2021-07-15", None)]


def test_country_is_written_as_iso_3166() -> None:
    res = Resume.model_validate({"basics": {"location": {"city": "Lyon", "countryCode": "France"}}})
    data, report = write_candidate(res, EuropassWriteOptions())
    assert b"<CountryCode>fr</CountryCode>" in data
    assert [(n.kind, n.path) for n in report] == [("warning", "/basics/location/countryCode")]
    data, _ = write_v3(Resume.model_validate({"basics": {"location": {"countryCode": "GB"}}}), EuropassWriteOptions())
    assert b"<Code>UK</Code>" in data  # Europass V3 spells GB as UK


# --- languages and the CEFR guess ----------------------------------------------------------


@pytest.mark.parametrize(
    ("fluency", "kind", "level", "exact"),
    [
        ("Native speaker", "native", None, True),
        ("Native", "native", None, False),
        ("Muttersprache", "native", None, False),
        ("C1", "levels", "C1", True),
        ("Fluent", "levels", "C1", False),
        ("Professional working proficiency", "levels", "C1", False),
        ("Full professional proficiency", "levels", "C2", False),
        ("Limited working proficiency", "levels", "B1", False),
        ("Intermediate", "levels", "B1", False),
        ("B2 (upper intermediate)", "levels", "B2", False),
        ("Beginner", "levels", "A1", False),
    ],
)
def test_cefr_guess(fluency: str, kind: str, level: str | None, exact: bool) -> None:
    found = cefr.guess(fluency)
    assert (found.kind, found.exact) == (kind, exact)
    if level:
        assert set(found.levels.values()) == {level} and len(found.levels) == 5


def test_language_guess_is_reported_and_mother_tongues_come_first() -> None:
    res = Resume.model_validate(
        {
            "languages": [
                {"language": "English", "fluency": "Fluent"},
                {"language": "French", "fluency": "Native speaker"},
                {"language": "German", "fluency": "B2"},
            ]
        }
    )
    for fmt in WRITERS:
        data, report = WRITERS[fmt](res, EuropassWriteOptions())
        losses = {n.path: n.message for n in report.losses}
        assert list(losses) == ["/languages/0/fluency"]
        assert "C1 (a guess)" in losses["/languages/0/fluency"]
        assert {n.path for n in report.warnings} == {"/languages/0", "/languages/1"}  # moved
        back, _ = read_xml(data, ReadOptions())
        assert [(x.language, x.fluency) for x in back.languages or ()] == [
            ("French", "Native speaker"),
            ("English", "C1"),
            ("German", "B2"),
        ]


def test_unknown_fluency_is_a_loss_and_the_language_stays() -> None:
    res = Resume.model_validate({"languages": [{"language": "Klingon", "fluency": "so-so"}]})
    data, report = write_candidate(res, EuropassWriteOptions())
    assert [n.path for n in report.losses] == ["/languages/0/fluency"]
    back, _ = read_xml(data, ReadOptions())
    assert back.to_data()["languages"] == [{"language": "Klingon"}]


# --- names, losses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Fabio Ashtar Telarico", ("Fabio Ashtar", "Telarico")),
        ("Léa Dubois-Lefèvre", ("Léa", "Dubois-Lefèvre")),
        ("王如", ("王如", "")),
        ("a  b", ("a  b", "")),
        (" lead", (" lead", "")),
    ],
)
def test_name_split(name: str, parts: tuple[str, str]) -> None:
    assert split_name(name) == parts


def test_fields_without_a_home_are_reported_by_pointer() -> None:
    res = Resume.model_validate(
        {
            "basics": {"name": "A B", "label": "Dev", "x-mood": "happy", "location": {"region": "Bretagne"}},
            "work": [{"name": "W", "x-contract": "CDI"}],
            "meta": {"version": "1"},
            "x-top": 1,
        }
    )
    _, report = write_candidate(res, EuropassWriteOptions())
    assert {n.path for n in report.losses} == {
        "/basics/x-mood", "/basics/location/region", "/work/0/x-contract", "/meta", "/x-top"
    }  # fmt: skip
    _, report = write_v3(res, EuropassWriteOptions())
    assert {n.path for n in report.losses} == {
        "/basics/x-mood",
        "/basics/location/region",
        "/work/0/x-contract",
        "/meta",
        "/x-top",
    }


def test_xml_illegal_characters_are_removed_and_reported() -> None:
    res = Resume.model_validate({"basics": {"summary": "a\x01b"}})
    for fmt in WRITERS:
        data, report = WRITERS[fmt](res, EuropassWriteOptions())
        assert [n.path for n in report.losses] == ["/basics/summary"]
        assert read_xml(data, ReadOptions())[0].basics.summary == "ab"  # type: ignore[union-attr]


def test_rich_text_codec_is_exact_for_hostile_text() -> None:
    for text in ["", "a\n\nb", "  x ", "<b>&amp;]]>", "line\r\nnext", "\t"]:
        html = build_rich([("Position", text)], text, [text, ""])
        rich = parse_rich(html, frozenset({"Position"}))
        assert (rich.labels, rich.text, rich.items) == ({"Position": text}, text, [text, ""])


# --- hostile input -------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Candidate xmlns="http://www.europass.eu/1.0"><CandidatePerson>&lol3;</CandidatePerson></Candidate>"""


def _xxe(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "{target}">]>'
        '<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"><LearnerInfo><Identification>'
        "<PersonName><FirstName>&x;</FirstName></PersonName></Identification></LearnerInfo></SkillsPassport>"
    ).encode()


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        _xxe("file:///etc/passwd"),
        _xxe("http://127.0.0.1:9/secret"),
        b'<?xml version="1.0"?><!DOCTYPE Candidate SYSTEM "http://127.0.0.1:9/x.dtd">'
        b'<Candidate xmlns="http://www.europass.eu/1.0"/>',
    ],
    ids=["billion-laughs", "xxe-file", "xxe-url", "external-dtd"],
)
def test_hostile_xml_is_refused_with_one_line(data: bytes) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_xml(data, ReadOptions())
    assert "DTD" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<Candidate xmlns='http://www.europass.eu/1.0'>", b"\x00\x01garbage", b"<other/>", b"{}"],
    ids=["empty", "blank", "truncated", "binary", "wrong-root", "json"],
)
def test_bad_xml_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_xml(data, ReadOptions())
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data",
    [b"", b"%PDF-1.4\n%%EOF", b"%PDF-1.7\n" + b"x" * 100, b"not a pdf"],
    ids=["empty", "no-objects", "junk", "not-pdf"],
)
def test_bad_pdf_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_pdf(data, ReadOptions())
    assert "\n" not in str(info.value)


def test_truncated_europass_pdf_is_a_clear_error() -> None:
    data = shared_path("reference", "europass", "candidate-2020", "examples", "FATelarico-sample.pdf").read_bytes()
    with pytest.raises(InvalidInputError):
        read_pdf(data[: len(data) // 3], ReadOptions())


@pytest.mark.parametrize("seed", range(6))
def test_damaged_europass_pdf_is_a_clear_error_or_reads(seed: int) -> None:
    import random

    data = bytearray(
        shared_path("reference", "europass", "candidate-2020", "examples", "FATelarico-sample.pdf").read_bytes()
    )
    rng = random.Random(seed)
    for _ in range(40):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        read_pdf(bytes(data), ReadOptions())
    except InvalidInputError as exc:
        assert "\n" not in str(exc)


def test_formats_are_registered_with_the_right_extensions() -> None:
    from cvconvert import formats

    assert formats.for_path("cv.xml").name == "europass"  # type: ignore[union-attr]
    assert formats.for_path("cv.v3.xml").name == "europass-v3"  # type: ignore[union-attr]
    assert formats.get("europass-pdf").write is None
    assert {f.name for f in _europass.FORMATS} == {"europass", "europass-v3", "europass-v2", "europass-pdf"}


@pytest.mark.parametrize(("name", "kind"), [("\n", "loss"), ("\n Ada Example", "warning")])
def test_a_value_with_line_breaks_at_its_ends_is_reported_as_readers_trim_them(name: str, kind: str) -> None:
    # Found by Hypothesis: {"basics": {"name": "\n"}} came back without a name and no note.
    resume = Resume.model_validate({"basics": {"name": name}})
    data, report = cvconvert.dumps(resume, "europass")
    back = cvconvert.read(data, "europass")
    assert [n.kind for n in report if n.path == "/basics/name"] == [kind]
    assert (back.basics.name if back.basics else None) == (name.strip() or None)
