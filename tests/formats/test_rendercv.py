"""RenderCV YAML, written by hand from RenderCV's documented entry types, both ways."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings

import cvconvert
from cvconvert.api import dumps
from cvconvert.formats._rendercv import from_json_resume
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.conftest import corpus_resumes, sample_files
from tests.helpers import diff_paths, masked
from tests.strategies import resume as resumes

CORPUS, _ = corpus_resumes()

RENDERCV = """\
cv:
  name: John Doe
  location: Istanbul, Türkiye
  email: john@example.com
  phone: tel:+90-541-999-99-99
  website: https://example.com/
  social_networks:
  - network: LinkedIn
    username: johndoe
  sections:
    summary:
    - A developer who writes.
    education:
    - institution: Boğaziçi University
      area: Mechanical Engineering
      degree: BS
      location: Istanbul, Türkiye
      start_date: 2015-09
      end_date: 2020-06
      highlights:
      - 'GPA: 3.9/4.0'
    experience:
    - company: Apple
      position: Software Engineer
      location: Cupertino, CA
      start_date: 2023-07
      end_date: present
      highlights:
      - Reduced time by 20%
    - company: Google
      position: Intern
      start_date: 2022-06
      end_date: 2022-09
    internships:
    - company: NASA
      position: Intern
      date: Summer 2019
    publications:
    - title: 3D Finite Element Analysis
      authors:
      - John Doe
      - Harry Tom
      doi: 10.1109/TASC.2023.3340648
      date: 2023-12
      journal: IEEE Transactions
    projects:
    - name: Multi-User Drone Platform
      date: 2021
      highlights:
      - Developed, with 100+ users
    technologies:
    - label: Languages
      details: C++, C, Java, Python
    - label: Tools
      details: AWS / Docker
    extracurricular:
    - bullet: Chess club
design:
  theme: classic
locale:
  language: en
"""


def _read(text: str, name: str = "cv.yaml") -> tuple[Resume, Report]:
    return cvconvert.read_with_report(io.BytesIO(text.encode()), "yaml" if name.endswith(".yaml") else None)


def test_a_rendercv_file_reads_into_its_json_resume_homes() -> None:
    resume, report = _read(RENDERCV)
    data = resume.to_data()
    assert data["basics"]["name"] == "John Doe" and data["basics"]["summary"] == "A developer who writes."
    assert data["basics"]["profiles"] == [{"network": "LinkedIn", "username": "johndoe"}]
    assert [(w["name"], w["position"]) for w in data["work"]] == [
        ("Apple", "Software Engineer"),
        ("Google", "Intern"),
        ("NASA", "Intern"),
    ]
    assert data["work"][0]["startDate"] == "2023-07" and "endDate" not in data["work"][0]
    assert data["education"][0]["studyType"] == "BS"
    assert data["publications"][0]["publisher"] == "IEEE Transactions"
    assert data["skills"][0] == {
        "name": "Languages",
        "keywords": ["C++", "C", "Java", "Python"],
        "x-rendercv-section": "technologies",
    }
    assert data["projects"][0]["name"] == "Multi-User Drone Platform"
    assert any("RenderCV" in n.message for n in report.warnings)


def test_rendercv_to_json_resume_to_rendercv_gives_the_same_file() -> None:
    resume, _ = _read(RENDERCV)
    written, report = dumps(resume, "rendercv")
    assert yaml.safe_load(written) == yaml.safe_load(RENDERCV)
    assert not report.losses


def test_the_rendercv_format_name_and_extension(tmp_path: Path) -> None:
    source = tmp_path / "cv.rendercv.yaml"
    source.write_text(RENDERCV, encoding="utf-8")
    assert cvconvert.read(source).to_data() == _read(RENDERCV)[0].to_data()
    cvconvert.convert(source, tmp_path / "out.rendercv.yaml")
    assert yaml.safe_load((tmp_path / "out.rendercv.yaml").read_text()) == yaml.safe_load(RENDERCV)


def _without_masked(value: Any) -> Any:
    """``masked`` leaves a placeholder for a list item it took out; RenderCV leaves the item out."""
    if isinstance(value, dict):
        return {k: _without_masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_masked(v) for v in value if v != "<masked>"]
    return value


def _carried(resume: Resume) -> tuple[dict[str, Any], dict[str, Any], Report]:
    written, report = dumps(resume, "rendercv")
    back = cvconvert.read(io.BytesIO(written), "rendercv")
    # What was lost is not in the file, so the résumé read back has none of it to mask; what
    # arrived changed (a warning: a location written as one line) is masked on both sides.
    # A value RenderCV could not show is kept in the file ("kept" in its warning): it must come back
    # exactly, so it is not masked at all.
    changed = Report([n for n in report if n.kind == "warning" and "kept" not in n.message])
    noted = Report([n for n in report if n.kind == "loss" or n in changed])
    return _without_masked(masked(resume.to_data(), noted)), masked(back.to_data(), changed), report


@pytest.mark.parametrize("path", [*sample_files(), *CORPUS], ids=lambda p: p.stem)
def test_json_resume_to_rendercv_and_back_keeps_what_it_does_not_report(path: Path) -> None:
    before, after, _ = _carried(cvconvert.read(path))
    assert diff_paths(before, after) == []


@settings(max_examples=40)
@given(resumes)
def test_generated_resumes_keep_what_rendercv_does_not_report(resume: Resume) -> None:
    before, after, _ = _carried(resume)
    assert diff_paths(before, after) == []


def test_sections_without_a_rendercv_type_are_named_losses() -> None:
    resume = Resume.model_validate({"basics": {"name": "A", "label": "Dev"}, "awards": [{"title": "Prize"}]})
    report = Report()
    from_json_resume(resume.to_data(), report)
    assert {n.path for n in report.losses} == {"/awards"}


def test_basics_rendercv_has_no_field_for_are_kept_as_extra_cv_fields() -> None:
    resume = Resume.model_validate({"basics": {"name": "A", "label": "Dev", "email": "not an address"}})
    written, report = dumps(resume, "rendercv")
    cv = yaml.safe_load(written)["cv"]
    assert cv["label"] == "Dev" and "email" not in cv and cv["x-jsonresume-email"] == "not an address"
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()
    assert not report.losses


@pytest.mark.parametrize("image", ["https://example.com/ada.jpg", "", "  ", "data:image/png;base64,AAAA"])
def test_a_photo_rendercv_cannot_open_is_kept_aside_not_written_as_its_photo(image: str) -> None:
    # RenderCV copies cv.photo from beside the YAML: a URL or "" stopped its rendering.
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "image": image}})
    written, report = dumps(resume, "rendercv")
    cv = yaml.safe_load(written)["cv"]
    assert "photo" not in cv and cv["x-jsonresume-image"] == image
    assert [n.path for n in report.warnings] == ["/basics/image"]
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()


def test_a_photo_beside_the_file_is_written_as_rendercv_s_photo() -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "image": "photos/ada.jpg"}})
    written, report = dumps(resume, "rendercv")
    assert yaml.safe_load(written)["cv"]["photo"] == "photos/ada.jpg" and not report.warnings


@pytest.mark.parametrize(
    "url",
    [
        "https://en.example.org/wiki/Engine_(machine)",
        "https://example.org/notes#part-2",
        "https://example.org/@ada",
        "",
        "ftp://x",
    ],
)
def test_a_publication_link_rendercv_cannot_show_is_kept_aside_and_read_back(url: str) -> None:
    # RenderCV 2.3 shows the link as unescaped Typst markup and stops ("unclosed delimiter").
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "publications": [{"name": "Notes", "url": url}]})
    written, report = dumps(resume, "rendercv")
    entry = yaml.safe_load(written)["cv"]["sections"]["publications"][0]
    assert "url" not in entry and entry["x-jsonresume"] == {"url": url}
    assert [n.path for n in report.warnings] == ["/publications/0/url"]
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()


def test_a_plain_publication_link_is_written_as_rendercv_s_url() -> None:
    url = "https://example.org/papers/engine_notes.pdf"
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "publications": [{"name": "Notes", "url": url}]})
    written, report = dumps(resume, "rendercv")
    assert yaml.safe_load(written)["cv"]["sections"]["publications"][0]["url"] == url and not report.warnings


def test_a_text_with_an_open_typst_label_is_shown_spaced_and_read_back_as_it_was() -> None:
    # RenderCV passes "<br />" on to Typst, which takes "<br" for a label left open and stops.
    summary = "Kept the books.<br />Wrote <strong>weekly</strong> reports; x < y."
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada Example"},
            "work": [{"name": "Northwind Ltd", "position": "Clerk", "summary": summary}],
        }
    )
    written, report = dumps(resume, "rendercv")
    entry = yaml.safe_load(written)["cv"]["sections"]["experience"][0]
    assert entry["summary"] == "Kept the books.< br />Wrote <strong>weekly</strong> reports; x < y."
    assert entry["x-jsonresume"] == {"summary": summary}
    assert "/work/0/summary" in [n.path for n in report.warnings]
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()
    # Edited in the RenderCV file since, the shown text wins over the kept one.
    edited = written.replace(b"Kept the books.< br />", b"Kept the ledgers.< br />")
    work = cvconvert.read(io.BytesIO(edited), "rendercv").work
    assert work and work[0].summary == "Kept the ledgers.< br />Wrote <strong>weekly</strong> reports; x < y."


@pytest.mark.parametrize(("start", "end"), [("2023-03-01", "2021-05"), ("2020-05", "2020"), ("2021", "2019-12")])
def test_a_start_after_the_end_is_kept_aside_not_given_to_rendercv(start: str, end: str) -> None:
    work = {"name": "Northwind Ltd", "position": "Clerk", "startDate": start, "endDate": end}
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "work": [work]})
    written, report = dumps(resume, "rendercv")
    entry = yaml.safe_load(written)["cv"]["sections"]["experience"][0]
    assert "start_date" not in entry and "end_date" not in entry
    assert entry["x-jsonresume"] == {"startDate": start, "endDate": end}
    assert "/work/0/startDate" in [n.path for n in report.warnings]
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()


@pytest.mark.parametrize("email", ["ada(at)example.org@example.org", "ada@example_host.org", "ada@localhost"])
def test_an_email_rendercv_refuses_is_kept_aside(email: str) -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "email": email}})
    cv = yaml.safe_load(dumps(resume, "rendercv")[0])["cv"]
    assert "email" not in cv and cv["x-jsonresume-email"] == email


def test_a_summary_with_an_open_typst_label_is_shown_spaced_and_read_back_as_it_was() -> None:
    summary = "Clerk.<br />Keeps <strong>books</strong>.\n\nAnd <br/> more."
    resume = Resume.model_validate({"basics": {"name": "Ada Example", "summary": summary}})
    written, report = dumps(resume, "rendercv")
    cv = yaml.safe_load(written)["cv"]
    assert cv["sections"]["summary"] == ["Clerk.< br />Keeps <strong>books</strong>.", "And < br/> more."]
    assert "/basics/summary" in [n.path for n in report.warnings]
    assert cvconvert.read(io.BytesIO(written), "rendercv").to_data() == resume.to_data()
    edited = written.replace(b"And < br/> more.", b"And more.")
    basics = cvconvert.read(io.BytesIO(edited), "rendercv").basics
    assert basics is not None and basics.summary == "Clerk.< br />Keeps <strong>books</strong>.\n\nAnd more."
