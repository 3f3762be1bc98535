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
