"""FRESH (HackMyResume's schema): read and written; both round trips keep every field.

The FRESH file below is written by hand from the FRESH schema's documented fields.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import cvconvert
from cvconvert.api import dumps
from cvconvert.formats._fresh import from_json_resume
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.conftest import corpus_resumes, sample_files
from tests.strategies import resume as resumes

CORPUS, _ = corpus_resumes()

FRESH: dict[str, Any] = {
    "name": "Jane Q. Fullstacker",
    "meta": {"format": "FRESH@0.6.0", "version": "0.1.0"},
    "info": {"label": "Engineer", "class": "Developer", "brief": "Full-stack developer.", "quote": "Code."},
    "disposition": {"travel": 25, "commitment": ["full-time"], "remote": True},
    "contact": {
        "email": "jane@example.com",
        "phone": "555-0100",
        "website": "https://jane.example",
        "other": [{"label": "Work", "category": "email", "value": "jq@work.example"}],
    },
    "location": {"address": "1 Main St", "city": "Springfield", "region": "IL", "code": "62701", "country": "US"},
    "social": [{"label": "GitHub", "network": "GitHub", "user": "janeq", "url": "https://github.com/janeq"}],
    "employment": {
        "summary": "Ten years of web work.",
        "history": [
            {
                "employer": "Acme",
                "position": "Developer",
                "url": "https://acme.example",
                "start": "2013-10",
                "end": "2016-02",
                "summary": "Built things.",
                "highlights": ["Shipped v2"],
                "location": "Remote",
                "keywords": ["JS"],
            }
        ],
    },
    "projects": [
        {
            "title": "HackMyResume",
            "category": "FOSS",
            "description": "A résumé tool.",
            "role": "Creator",
            "url": "https://example.org/hmr",
            "start": "2015-09",
            "highlights": ["Themes"],
            "keywords": ["Node"],
            "repo": "https://example.org/hmr.git",
        }
    ],
    "skills": {
        "sets": [{"name": "Web", "level": "advanced", "skills": ["JavaScript", "CSS"]}],
        "list": [{"name": "Mentoring", "level": "intermediate", "summary": "Juniors.", "years": 4}],
    },
    "service": {
        "summary": "Civic work.",
        "history": [{"category": "volunteer", "organization": "Food Bank", "position": "Driver", "start": "2010"}],
    },
    "education": {
        "level": "degree",
        "degree": "BSCS",
        "history": [
            {
                "title": "BSCS",
                "institution": "State U",
                "area": "Computer Science",
                "studyType": "BS",
                "start": "2005-09",
                "end": "2009-05",
                "grade": "3.8",
                "curriculum": ["Algorithms"],
            }
        ],
    },
    "recognition": [{"category": "Industry", "title": "Best Tool", "date": "2016", "from": "Dev Weekly"}],
    "writing": [
        {
            "title": "On Themes",
            "category": "blog",
            "publisher": {"name": "Blog", "url": "https://blog.example"},
            "date": "2015-12",
            "url": "https://blog.example/themes",
        }
    ],
    "reading": [{"title": "SICP", "category": "programming", "author": "Abelson"}],
    "speaking": [{"title": "Résumés as code", "event": "ConfX", "location": "Paris", "date": "2016-05"}],
    "governance": [{"summary": "Board member", "category": "board", "role": "Member", "organization": "OSS Org"}],
    "languages": [{"language": "English", "level": "native", "years": 30}],
    "samples": [{"title": "Portfolio", "url": "https://jane.example/work"}],
    "references": [{"name": "John", "role": "Manager", "category": "professional", "summary": "Great colleague."}],
    "testimonials": [{"name": "Ann", "quote": "Excellent."}],
    "interests": [{"name": "Chess", "summary": "Club player", "keywords": ["openings"]}],
    "extracurricular": [{"title": "Chess club", "activity": "President"}],
    "affiliation": {"history": [{"organization": "ACM", "role": "Member", "start": "2008"}]},
}


def test_a_fresh_file_reads_into_its_json_resume_homes(tmp_path: Path) -> None:
    source = tmp_path / "jane.fresh.json"
    source.write_text(json.dumps(FRESH), encoding="utf-8")
    data = cvconvert.read(source).to_data()
    assert data["basics"]["name"] == "Jane Q. Fullstacker"
    assert data["basics"]["label"] == "Engineer" and data["basics"]["summary"] == "Full-stack developer."
    assert data["basics"]["email"] == "jane@example.com" and data["basics"]["url"] == "https://jane.example"
    assert data["basics"]["location"]["postalCode"] == "62701"
    assert data["basics"]["profiles"][0]["username"] == "janeq"
    job = data["work"][0]
    assert (job["name"], job["position"], job["startDate"], job["endDate"]) == (
        "Acme",
        "Developer",
        "2013-10",
        "2016-02",
    )
    assert data["education"][0]["score"] == "3.8" and data["education"][0]["courses"] == ["Algorithms"]
    assert data["volunteer"][0]["organization"] == "Food Bank"
    assert data["awards"][0]["awarder"] == "Dev Weekly"
    assert data["publications"][0]["publisher"] == "Blog"
    assert data["projects"][0]["roles"] == ["Creator"] and data["projects"][0]["type"] == "FOSS"
    assert data["skills"][0] == {"name": "Web", "level": "advanced", "keywords": ["JavaScript", "CSS"]}
    assert data["languages"][0]["fluency"] == "native"
    assert data["references"][0]["reference"] == "Great colleague."


@pytest.mark.parametrize("name", ["cv.json", "cv.yaml"])
def test_a_fresh_file_named_json_or_yaml_is_read_as_fresh(tmp_path: Path, name: str) -> None:
    import yaml

    source = tmp_path / name
    source.write_text(json.dumps(FRESH) if name.endswith(".json") else yaml.safe_dump(FRESH), encoding="utf-8")
    resume, report = cvconvert.read_with_report(source)
    assert resume.work and resume.work[0].name == "Acme"
    assert any("FRESH" in n.message for n in report.warnings)


def test_fresh_to_json_resume_to_fresh_keeps_every_field() -> None:
    resume = cvconvert.read(io.BytesIO(json.dumps(FRESH).encode()), "fresh")
    back = json.loads(dumps(resume, "fresh")[0])
    assert back == FRESH


@pytest.mark.parametrize("path", [*sample_files(), *CORPUS], ids=lambda p: p.stem)
def test_json_resume_to_fresh_and_back_is_lossless(path: Path) -> None:
    resume = cvconvert.read(path)
    written, report = dumps(resume, "fresh")
    assert not report.losses
    assert cvconvert.read(io.BytesIO(written), "fresh").to_data() == resume.to_data()
    # Found by content too: the file says FRESH in meta.format.
    assert cvconvert.read(io.BytesIO(written)).to_data() == resume.to_data()


@settings(max_examples=60)
@given(resumes)
def test_generated_resumes_round_trip_through_fresh(resume: Resume) -> None:
    written = json.dumps(from_json_resume(resume.to_data(), Report())).encode()
    assert cvconvert.read(io.BytesIO(written), "fresh").to_data() == resume.to_data()
