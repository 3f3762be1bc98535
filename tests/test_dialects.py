"""Other résumé dialects are told apart from JSON Resume, never read as an empty CV (issue 15, item 4).

Each file is written by hand from the dialect's public schema (FRESH, Reactive Resume v3 and v4, RenderCV).
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


def test_a_reactive_resume_export_is_read_with_its_mapping_not_refused(tmp_path: Path) -> None:
    source = tmp_path / "export.json"  # the name Reactive Resume's download has: plain .json
    source.write_text(REACTIVE, encoding="utf-8")
    resume, report = cvconvert.read_with_report(source)
    assert resume.basics is not None and resume.basics.name == "Ada" and resume.basics.label == "Engineer"
    assert resume.work and resume.work[0].name == "Acme" and resume.work[0].startDate == "2020"
    assert resume.work[0].endDate is None  # "2020 - Present": ongoing
    assert any("Reactive Resume" in n.message for n in report.warnings)
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.rr.json"))
    assert code == 0, err


REACTIVE_V3 = """{
  "basics": {"name": "Ada", "photo": {"visible": true, "url": ""}, "email": "ada@example.org",
             "location": {"address": "", "city": "Leeds"}, "profiles": []},
  "sections": {"work": {"type": "work", "visible": true, "items": [{"company": "Acme"}]}},
  "metadata": {"template": "pikachu", "layout": [[["work"]]]}
}"""


def test_a_reactive_resume_v3_export_is_refused_by_name(tmp_path: Path) -> None:
    source = tmp_path / "old.json"
    source.write_text(REACTIVE_V3, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"Reactive Resume export of an older schema \(v3\)"):
        cvconvert.read(source)
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "out.docx"))
    assert_one_line_error(code, err, "old.json")
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (REACTIVE, "Reactive Resume"),
        (FRESH, "FRESH"),
        (FRESH_WITHOUT_META, "FRESH"),
        ('{"basics": {"name": "Ada"}, "work": [{"name": "Acme"}], "meta": {"version": "1"}}', None),
        # JSON Resume with keys of the same names as Reactive Resume's, of other shapes: still JSON Resume.
        ('{"basics": {"name": "Ada"}, "sections": ["work"], "metadata": {"a": 1}}', None),
        ('{"basics": {"name": "Ada"}, "sections": {"order": 1}, "metadata": {"a": 1}}', None),
        ('{"basics": {"name": "Ada"}, "sections": {"skills": "sidebar"}, "metadata": {"a": 1}}', None),
        ('{"@context": "https://schema.org", "@type": "Person", "name": "Ada", "metadata": {}}', None),
        ('{"cv": {"name": "Ada", "sections": {"experience": []}}, "design": {"theme": "classic"}}', "RenderCV"),
    ],
    ids=[
        "reactive",
        "fresh",
        "fresh-no-meta",
        "json-resume",
        "sections-list",
        "other-sections",
        "section-names",
        "json-ld",
        "rendercv",
    ],
)
def test_each_dialect_is_told_apart(text: str, expected: str | None) -> None:
    import json

    from cvconvert._load import other_dialect

    assert other_dialect(json.loads(text)) == expected


def test_a_json_ld_file_with_rr_like_keys_goes_to_the_json_ld_reader() -> None:
    from cvconvert import formats

    data = b'{"@context": "https://schema.org", "@type": "Person", "name": "Ada", "sections": {"skills": {}}}'
    fmt = formats.sniff(data)
    assert fmt is not None and fmt.name == "jsonld"


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


@pytest.mark.parametrize(("text", "name"), [(FRESH, "FRESH"), (REACTIVE, "Reactive Resume"), (RENDERCV, "RenderCV")])
def test_every_dialect_told_is_read_by_the_one_table_of_mappings(text: str, name: str) -> None:
    # One table says which dialects are read (and by what) for both load_resume and check_is_resume.
    import yaml

    from cvconvert._load import DIALECTS, load_resume, other_dialect

    data = yaml.safe_load(text)
    assert other_dialect(data) == name and name in DIALECTS
    resume, _ = load_resume(data, whole_file=True)
    assert resume.basics is not None and resume.basics.name
