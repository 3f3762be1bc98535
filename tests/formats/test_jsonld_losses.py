"""What the linked-data reader does not read is a loss, not a warning (issue 15, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cvconvert
from cvconvert.errors import LossError


def _read(tmp_path: Path, text: str) -> cvconvert.Report:
    source = tmp_path / "cv.jsonld"
    source.write_text(text, encoding="utf-8")
    return cvconvert.read_with_report(source)[1]


def test_a_property_with_no_place_is_a_loss(tmp_path: Path) -> None:
    report = _read(
        tmp_path, '{"@context": "https://schema.org", "@type": "Person", "name": "Ada", "birthPlace": "London"}'
    )
    assert any("birthPlace" in n.message for n in report.losses)
    assert not any("birthPlace" in n.message for n in report.warnings)
    with pytest.raises(LossError, match="by the reader"):
        cvconvert.convert(tmp_path / "cv.jsonld", tmp_path / "cv.json", fail_on_loss=True)


def test_values_beyond_the_first_and_bad_dates_are_losses(tmp_path: Path) -> None:
    report = _read(
        tmp_path,
        '{"@context": "https://schema.org", "@type": "Person", "name": "Ada",'
        ' "email": ["a@example.org", "b@example.org"],'
        ' "alumniOf": {"@type": "EducationalOrganization", "name": "State U", "startDate": "the spring"}}',
    )
    lost = {n.path for n in report.losses}
    assert "/basics/email" in lost
    assert any("is not a date" in n.message for n in report.losses)


def test_a_normalised_value_is_still_a_warning(tmp_path: Path) -> None:
    report = _read(
        tmp_path,
        '{"@context": "https://schema.org", "@type": "Person", "name": "Ada", "email": "mailto:a@example.org"}',
    )
    assert any(n.path == "/basics/email" for n in report.warnings)
    assert not report.losses


def test_foaf_names_give_the_name(tmp_path: Path) -> None:
    source = tmp_path / "cv.jsonld"
    source.write_text(
        '{"@context": {"@vocab": "https://schema.org/", "foaf": "http://xmlns.com/foaf/0.1/"},'
        ' "@type": "Person", "foaf:givenName": "Ada", "foaf:familyName": "Byron"}',
        encoding="utf-8",
    )
    resume, report = cvconvert.read_with_report(source)
    assert resume.basics is not None and resume.basics.name == "Ada Byron"
    assert not report.losses


def test_what_an_entry_node_holds_beyond_its_section_is_a_named_loss(tmp_path: Path) -> None:
    report = _read(
        tmp_path,
        '{"@context": "https://schema.org", "@type": "Person", "name": "Ada",'
        ' "hasCredential": {"@type": "EducationalOccupationalCredential", "name": "Licence",'
        ' "educationalLevel": "Advanced", "programPrerequisites": "Maths"}}',
    )
    lost = [n for n in report.losses if n.path == "/certificates/0"]
    assert lost and "educationalLevel" in lost[0].message and "programPrerequisites" in lost[0].message
