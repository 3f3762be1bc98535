"""DOCX: every value of the résumé is on the page, or the report says it is hidden or lost (issue 15)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx2python import docx2python
from hypothesis import given
from hypothesis import strategies as st

import cvconvert
from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import SECTIONS as LAYOUT
from cvconvert.formats._docx.layout import clean, country_name, display
from cvconvert.model import Resume
from cvconvert.report import Report, pointer
from tests.conftest import corpus_resumes, sample_files
from tests.strategies import resume as resumes

CORPUS, _ = corpus_resumes()


def leaves(value: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every scalar of a JSON value with its pointer."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, where + pointer(key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from leaves(item, where + pointer(n))
    else:
        yield where, value


def shown_as(where: str, value: Any, lang: i18n.Language) -> str:
    """What the page shows of a value: an entry's dates in the language (with a day: ISO 8601),
    countries by name, the rest as text (a custom section's dates are its own text)."""
    key = where.rsplit("/", 1)[-1]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    section = LAYOUT.get(where.split("/")[1]) if where.count("/") == 3 else None
    if section is not None and key in section.parts and section.parts[key].kind in ("date", "end"):
        return display("date", value, lang)
    if key == "countryCode" and where.startswith("/basics/location/"):
        return clean(country_name(value, lang))
    return clean(value)


def page_text(data: bytes) -> str:
    with docx2python(io.BytesIO(data)) as document:
        # The page's no-break spaces and hyphens and French spacing are typography: compared plain.
        return i18n.untypeset(str(document.text))


def unseen(resume: Resume, lang: str = "en") -> list[str]:
    """Pointers of values neither on the page (as docx2python reads it) nor named by the report."""
    data, report = cvconvert.dumps(resume, "docx", lang=lang)
    text = page_text(data)
    said = [n.path for n in report if n.kind in ("hidden", "loss")]
    language = i18n.language(lang)
    out = []
    for where, value in leaves(resume.to_data()):
        if value is None or value == "" or any(where == p or where.startswith(p + "/") for p in said):
            continue
        if i18n.untypeset(shown_as(where, value, language)).strip() not in text:
            out.append(where)
    return out


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_every_value_of_a_sample_is_visible_or_reported(path: Path) -> None:
    resume = cvconvert.read(path)
    assert unseen(resume) == []
    assert unseen(resume, "fr") == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_every_value_of_a_corpus_resume_is_visible_or_reported(path: Path) -> None:
    assert unseen(cvconvert.read(path)) == []


@given(resumes, st.sampled_from(["en", "de", "zh"]))
def test_every_value_of_any_resume_is_visible_or_reported(resume: Resume, lang: str) -> None:
    assert unseen(resume, lang) == []


CUSTOM = Resume.model_validate(
    {
        "basics": {"name": "Ada Example", "phone": "+44 20 7946 0000", "nationality": "British", "x-crm": "A17"},
        "work": [{"name": "Northwind Ltd", "position": "Analyst", "employer": "Contoso Staffing", "x-id": 7}],
        "languages": [{"name": "Welsh", "level": "Native"}],
        "speaking": [
            {"event": "PyCon Example", "title": "Typed résumés", "year": 2023, "remote": True},
            {"event": "Data Day", "tags": ["python", "docx"]},
        ],
        "peerFeedback": ["Clear and kind", "Ships on time"],
    }
)


def test_custom_sections_unknown_fields_and_old_languages_are_on_the_page() -> None:
    data, report = cvconvert.dumps(CUSTOM, "docx")
    text = page_text(data)
    for expected in (
        "Peer feedback",
        "Clear and kind",
        "Speaking",
        "Typed résumés\n\nEvent: PyCon Example",  # the title heads the entry
        "Year: 2023",
        "Remote: true",
        "Tags: python · docx",
        "Employer: Contoso Staffing",
        "Nationality: British",
        "Welsh — Native",
    ):
        assert expected in text, expected
    assert "A17" not in text
    assert sorted(n.path for n in report.hidden) == ["/basics/x-crm", "/work/0/x-id"]
    assert not report.losses


def test_custom_sections_and_unknown_fields_read_back_exactly() -> None:
    data, _ = cvconvert.dumps(CUSTOM, "docx")
    back, report = cvconvert.read_with_report(data, "docx")
    assert back.to_data() == CUSTOM.to_data()
    assert not report.notes
    out = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(out)  # python-docx rewrites every part
    assert cvconvert.read(out.getvalue(), "docx").to_data() == CUSTOM.to_data()


def _value_runs(document: Any) -> list[Any]:
    return [r for p in document.paragraphs for r in p.runs if r.style is not None and r.style.name == "CV Value"]


def test_a_generic_value_edited_or_deleted_on_the_page_is_read_so() -> None:
    document = docx.Document(io.BytesIO(cvconvert.dumps(CUSTOM, "docx")[0]))
    runs = {r.text: r for r in _value_runs(document)}
    runs["Contoso Staffing"].text = "Fabrikam Agency"
    runs["2023"].text = "2024"
    for paragraph in document.paragraphs:
        if paragraph.text.startswith(("Nationality", "Tags")) or paragraph.text == "Clear and kind":
            paragraph._p.getparent().remove(paragraph._p)
    out = io.BytesIO()
    document.save(out)
    back = cvconvert.read(out.getvalue(), "docx").to_data()
    expected = CUSTOM.to_data()
    expected["work"][0]["employer"] = "Fabrikam Agency"
    expected["speaking"][0]["year"] = 2024
    del expected["basics"]["nationality"]
    del expected["speaking"][1]["tags"]
    expected["peerFeedback"] = ["Ships on time"]
    assert back == expected


def test_x_fields_are_hidden_with_a_note_each_and_stay_off_the_page() -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "x-source": {"id": 5, "tags": ["a"]}})
    data, report = cvconvert.dumps(resume, "docx")
    assert [(n.kind, n.path) for n in report] == [("hidden", "/x-source")]
    assert "x-source" not in page_text(data).lower()
    assert cvconvert.read(data, "docx").to_data() == resume.to_data()


def test_the_report_keeps_its_shape_without_hidden_values() -> None:
    _, report = cvconvert.dumps(Resume.model_validate({"basics": {"name": "Ada Example"}}), "docx")
    assert report.as_json() == Report().as_json()


def test_the_sections_option_names_custom_sections_too() -> None:
    data, report = cvconvert.dumps(CUSTOM, "docx", sections="work,speaking")
    text = page_text(data)
    assert "Speaking" in text and "Peer feedback" not in text
    assert [n.path for n in report.losses] == ["/languages", "/peerFeedback"]
    with pytest.raises(cvconvert.errors.OptionError, match="unknown section"):
        cvconvert.dumps(CUSTOM, "docx", sections="work,talks")
