"""Other résumé dialects are told apart from JSON Resume, never read as an empty CV (issue 15, item 4).

Each file is written by hand from the dialect's public schema (FRESH, Reactive Resume v4, RenderCV).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.helpers import assert_one_line_error, run_bounded

FRESH = """{
  "name": "Jane Q. Fullstacker",
  "meta": {"format": "FRESH@0.6.0", "version": "0.1.0"},
  "info": {"label": "Engineer", "brief": "Full-stack developer."},
  "contact": {"email": "jane@example.com", "phone": "555-0100"},
  "employment": {"history": [{"employer": "Acme", "position": "Developer", "start": "2013-10"}]},
  "education": {"level": "degree", "history": [{"institution": "State U", "area": "CS", "studyType": "BSc"}]},
  "skills": {"sets": [{"name": "Web", "skills": ["JS", "CSS"]}]}
}"""

FRESH_WITHOUT_META = """{
  "name": "Jane", "contact": {"email": "jane@example.com"},
  "employment": {"history": [{"employer": "Acme", "position": "Developer"}]}
}"""

REACTIVE = """{
  "basics": {"name": "Ada", "headline": "Engineer", "email": "ada@example.org", "phone": "",
             "location": "", "url": {"label": "", "href": ""}, "customFields": [],
             "picture": {"url": "", "size": 64, "aspectRatio": 1, "borderRadius": 0,
                         "effects": {"hidden": false, "border": false, "grayscale": false}}},
  "sections": {"experience": {"name": "Experience", "columns": 1, "separateLinks": true, "visible": true,
               "id": "experience", "items": [{"id": "x1", "visible": true, "company": "Acme",
               "position": "Dev", "location": "", "date": "2020 - Present", "summary": "",
               "url": {"label": "", "href": ""}}]}},
  "metadata": {"template": "rhyhorn", "layout": [[["experience"]]], "css": {"value": "", "visible": false},
               "page": {"margin": 18, "format": "a4", "options": {"breakLine": true, "pageNumbers": true}},
               "theme": {"background": "#ffffff", "text": "#000000", "primary": "#dc2626"},
               "typography": {"font": {"family": "IBM Plex Serif", "subset": "latin", "variants": ["regular"],
               "size": 14}, "lineHeight": 1.5, "hideIcons": false, "underlineLinks": true}, "notes": ""}
}"""

RENDERCV = """cv:
  name: John Doe
  email: john@example.com
  sections:
    experience:
      - company: Acme
        position: Engineer
        start_date: 2020-09
        end_date: present
design:
  theme: classic
"""


@pytest.mark.parametrize(
    ("name", "text", "dialect"),
    [
        ("rr.json", REACTIVE, "Reactive Resume"),
    ],
)
def test_a_known_dialect_is_named_and_refused(tmp_path: Path, name: str, text: str, dialect: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=f"a {dialect} résumé"):
        cvconvert.read(source)
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.docx"))
    assert_one_line_error(code, err, name)
    assert dialect in err
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("text", [FRESH, FRESH_WITHOUT_META])
def test_a_fresh_file_is_read_with_the_fresh_mapping_not_as_an_empty_cv(tmp_path: Path, text: str) -> None:
    source = tmp_path / "fresh.json"
    source.write_text(text, encoding="utf-8")
    resume, report = cvconvert.read_with_report(source)
    assert resume.work and resume.work[0].name == "Acme" and resume.work[0].position == "Developer"
    assert any("FRESH" in n.message for n in report.warnings)


def test_a_rendercv_file_is_read_with_the_rendercv_mapping(tmp_path: Path) -> None:
    source = tmp_path / "cv.yaml"
    source.write_text(RENDERCV, encoding="utf-8")
    resume, report = cvconvert.read_with_report(source)
    assert resume.basics is not None and resume.basics.name == "John Doe"
    assert resume.work and resume.work[0].name == "Acme" and resume.work[0].startDate == "2020-09"
    assert any("RenderCV" in n.message for n in report.warnings)


def test_a_json_resume_with_the_same_key_names_still_reads(tmp_path: Path) -> None:
    source = tmp_path / "cv.json"
    source.write_text(
        '{"basics": {"name": "Ada"}, "education": [{"institution": "State U"}], "skills": [{"name": "Web"}],'
        ' "meta": {"version": "v1.0.0"}}',
        encoding="utf-8",
    )
    resume = cvconvert.read(source)
    assert resume.education and resume.education[0].institution == "State U"
