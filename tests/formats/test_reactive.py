"""Reactive Resume's JSON export (v4 and v5), both ways.

The exports below are written by hand from Reactive Resume's published zod schemas (v4's
``libs/schema``, v5's resume data schema), with invented people and organisations.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cvconvert
from cvconvert.api import dumps
from cvconvert.formats._reactive._map import read_range, write_range
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.conftest import SHARED, corpus_resumes, sample_files
from tests.helpers import diff_paths, masked
from tests.strategies import resume as resumes

CORPUS, _ = corpus_resumes()
X = "x-reactiveResume"


def _url(href: str = "", label: str = "") -> dict[str, str]:
    return {"label": label, "href": href}


def _section(key: str, name: str, items: list[dict[str, Any]], **attrs: Any) -> dict[str, Any]:
    return {"name": name, "columns": 1, "separateLinks": True, "visible": True, "id": key, **attrs, "items": items}


V4: dict[str, Any] = {
    "basics": {
        "name": "Ada Example",
        "headline": "Platform Engineer",
        "email": "ada@example.org",
        "phone": "+44 20 7946 0000",
        "location": "Leeds, United Kingdom",
        "url": _url("https://ada.example.org", "ada.example.org"),
        "customFields": [{"id": "f1", "icon": "calendar", "name": "Born", "value": "1990"}],
        "picture": {
            "url": "https://ada.example.org/me.jpg",
            "size": 120,
            "aspectRatio": 1,
            "borderRadius": 0,
            "effects": {"hidden": False, "border": False, "grayscale": True},
        },
    },
    "sections": {
        "summary": {
            "name": "Profile",
            "columns": 1,
            "separateLinks": True,
            "visible": True,
            "id": "summary",
            "content": "<p>Builds <strong>reliable</strong> platforms.</p><p>Second paragraph.</p>",
        },
        "awards": _section("awards", "Awards", []),
        "certifications": _section(
            "certifications",
            "Certifications",
            [
                {
                    "id": "cert1",
                    "visible": True,
                    "name": "Cloud Architect",
                    "issuer": "Northwind Academy",
                    "date": "March 2021",
                    "summary": "",
                    "url": _url(),
                }
            ],
        ),
        "education": _section(
            "education",
            "Education",
            [
                {
                    "id": "edu1",
                    "visible": True,
                    "institution": "Eastmoor University",
                    "studyType": "BSc",
                    "area": "Computer Science",
                    "score": "First",
                    "date": "2009 - 2012",
                    "summary": "<p>Thesis on schedulers.</p>",
                    "url": _url(),
                }
            ],
        ),
        "experience": _section(
            "experience",
            "Experience",
            [
                {
                    "id": "exp1",
                    "visible": True,
                    "company": "Northwind Ltd",
                    "position": "Lead Engineer",
                    "location": "Remote",
                    "date": "Jan 2020 - Present",
                    "summary": "<p>Runs the platform team.</p><ul><li><p>Cut costs by 30%</p></li>"
                    "<li><p>Hired &amp; trained six people</p></li></ul>",
                    "url": _url("https://northwind.example"),
                },
                {
                    "id": "exp2",
                    "visible": False,
                    "company": "Contoso GmbH",
                    "position": "Developer",
                    "location": "",
                    "date": "Summer 2015",
                    "summary": "",
                    "url": _url(),
                },
            ],
        ),
        "volunteer": _section("volunteer", "Volunteering", []),
        "interests": _section(
            "interests",
            "Interests",
            [{"id": "int1", "visible": True, "name": "Climbing", "keywords": ["bouldering"]}],
            visible=False,
        ),
        "languages": _section(
            "languages",
            "Languages",
            [{"id": "lang1", "visible": True, "name": "French", "description": "Fluent", "level": 4}],
        ),
        "profiles": _section(
            "profiles",
            "Profiles",
            [
                {
                    "id": "prof1",
                    "visible": True,
                    "network": "GitHub",
                    "username": "ada-example",
                    "icon": "github",
                    "url": _url("https://github.com/ada-example", "GitHub"),
                }
            ],
        ),
        "projects": _section(
            "projects",
            "Projects",
            [
                {
                    "id": "proj1",
                    "visible": True,
                    "name": "Scheduler",
                    "description": "Open source",
                    "date": "2018",
                    "summary": "<p>A job scheduler.</p>",
                    "keywords": ["Go"],
                    "url": _url(),
                }
            ],
        ),
        "publications": _section("publications", "Publications", []),
        "references": _section(
            "references",
            "References",
            [
                {
                    "id": "ref1",
                    "visible": True,
                    "name": "Grace Sample",
                    "description": "CTO, Northwind Ltd",
                    "summary": "<p>Ada is great.</p>",
                    "url": _url(),
                }
            ],
        ),
        "skills": _section(
            "skills",
            "Skills",
            [
                {
                    "id": "sk1",
                    "visible": True,
                    "name": "Kubernetes",
                    "description": "Advanced",
                    "level": 4,
                    "keywords": ["Helm", "ArgoCD"],
                }
            ],
        ),
        "custom": {
            "cust1": {
                "name": "Talks",
                "columns": 1,
                "separateLinks": True,
                "visible": True,
                "id": "cust1",
                "items": [
                    {
                        "id": "t1",
                        "visible": True,
                        "name": "Scaling schedulers",
                        "description": "Conference talk",
                        "date": "2022",
                        "location": "Leeds",
                        "summary": "",
                        "keywords": [],
                        "url": _url(),
                    }
                ],
            }
        },
    },
    "metadata": {
        "template": "azurill",
        "layout": [[["summary", "experience"], ["skills", "cust1"]]],
        "css": {"value": "", "visible": False},
        "page": {"margin": 14, "format": "letter", "options": {"breakLine": False, "pageNumbers": True}},
        "theme": {"background": "#ffffff", "text": "#111111", "primary": "#0055aa"},
        "typography": {
            "font": {"family": "Lato", "subset": "latin", "variants": ["regular"], "size": 13},
            "lineHeight": 1.4,
            "hideIcons": False,
            "underlineLinks": True,
        },
        "notes": "<p>for the Northwind application</p>",
    },
}


def _v5_section(items: list[dict[str, Any]], **attrs: Any) -> dict[str, Any]:
    return {"title": "", "columns": 1, "hidden": False, **attrs, "items": items}


def _site(url: str = "", label: str = "") -> dict[str, str]:
    return {"url": url, "label": label}


V5: dict[str, Any] = {
    "picture": {
        "hidden": False,
        "url": "",
        "size": 80,
        "rotation": 0,
        "aspectRatio": 1,
        "borderRadius": 0,
        "borderColor": "rgba(0, 0, 0, 0.5)",
        "borderWidth": 0,
        "shadowColor": "rgba(0, 0, 0, 0.5)",
        "shadowWidth": 0,
    },
    "basics": {
        "name": "Ada Example",
        "headline": "Platform Engineer",
        "email": "ada@example.org",
        "phone": "",
        "location": "Leeds",
        "website": _site("https://ada.example.org"),
        "customFields": [],
    },
    "summary": {"title": "About", "columns": 1, "hidden": False, "content": "<p>Builds platforms.</p>"},
    "sections": {
        "profiles": _v5_section([]),
        "experience": _v5_section(
            [
                {
                    "id": "0b7f2c1e-1",
                    "hidden": False,
                    "options": {"showLinkInTitle": True},
                    "company": "Northwind Ltd",
                    "position": "Lead Engineer",
                    "location": "Remote",
                    "period": "Jan 2020 - Present",
                    "website": _site("https://northwind.example", "northwind"),
                    "description": "<ul><li><p>Cut costs by 30%</p></li></ul>",
                    "roles": [{"id": "r1", "position": "Engineer", "period": "2020 - 2021", "description": ""}],
                }
            ]
        ),
        "education": _v5_section(
            [
                {
                    "id": "0b7f2c1e-2",
                    "hidden": True,
                    "school": "Eastmoor University",
                    "degree": "BSc",
                    "area": "Computer Science",
                    "grade": "",
                    "location": "Eastmoor",
                    "period": "2009 – 2012",
                    "website": _site(),
                    "description": "",
                }
            ]
        ),
        "projects": _v5_section([]),
        "skills": _v5_section(
            [
                {
                    "id": "0b7f2c1e-3",
                    "hidden": False,
                    "icon": "",
                    "name": "Go",
                    "proficiency": "Expert",
                    "level": 5,
                    "keywords": [],
                }
            ],
            columns=2,
        ),
        "languages": _v5_section([]),
        "interests": _v5_section([]),
        "awards": _v5_section([]),
        "certifications": _v5_section(
            [
                {
                    "id": "0b7f2c1e-4",
                    "hidden": False,
                    "title": "Cloud Architect",
                    "issuer": "Northwind Academy",
                    "date": "2021",
                    "website": _site(),
                    "description": "",
                }
            ]
        ),
        "publications": _v5_section([]),
        "volunteer": _v5_section([]),
        "references": _v5_section([], hidden=True),
    },
    "customSections": [
        {
            "id": "c-1",
            "type": "projects",
            "title": "Side projects",
            "columns": 1,
            "hidden": False,
            "items": [
                {"id": "p1", "hidden": False, "name": "Kiln", "period": "2023", "website": _site(), "description": ""}
            ],
        }
    ],
    "metadata": {
        "template": "onyx",
        "layout": {"sidebarWidth": 30, "pages": [{"fullWidth": False, "main": ["experience"], "sidebar": ["skills"]}]},
        "css": {"enabled": False, "value": ""},
        "page": {
            "gapX": 4,
            "gapY": 6,
            "marginX": 14,
            "marginY": 12,
            "format": "a4",
            "locale": "en-GB",
            "hideIcons": False,
        },
        "design": {
            "colors": {
                "primary": "rgba(0, 85, 170, 1)",
                "text": "rgba(0, 0, 0, 1)",
                "background": "rgba(255, 255, 255, 1)",
            },
            "level": {"icon": "star", "type": "circle"},
        },
        "typography": {
            "body": {"fontFamily": "Lato", "fontWeights": ["400"], "fontSize": 10, "lineHeight": 1.5},
            "heading": {"fontFamily": "Lato", "fontWeights": ["700"], "fontSize": 14, "lineHeight": 1.5},
        },
        "notes": "",
    },
}


def _read(doc: dict[str, Any], name: str = "cv.rr.json") -> tuple[Resume, Report]:
    return cvconvert.read_with_report(io.BytesIO(json.dumps(doc).encode()), "reactive-resume")


def _keys_in_order(value: Any) -> Any:
    """The value with every object as a list of (key, value) pairs: equal only in the same order."""
    if isinstance(value, dict):
        return [(k, _keys_in_order(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_keys_in_order(v) for v in value]
    return value


@pytest.mark.parametrize("doc", [V4, V5], ids=["v4", "v5"])
def test_reactive_resume_to_json_resume_to_reactive_resume_gives_the_same_document(doc: dict[str, Any]) -> None:
    resume, _ = _read(doc)
    written, report = dumps(resume, "reactive-resume")
    back = json.loads(written)
    assert back == doc
    assert _keys_in_order(back) == _keys_in_order(doc)
    assert not report.losses


def test_the_corpus_reactive_resume_export_comes_back_the_same() -> None:
    path = SHARED / "corpus" / "jsonresume" / "043-Jorissuurmeijer-curriculum_vitae.json"
    if not path.exists():
        pytest.skip(f"{path.name} not available (../shared is absent)")
    original = json.loads(path.read_bytes())
    resume = cvconvert.read(path)  # a .json file: the json format reads it with this mapping
    back = json.loads(dumps(resume, "reactive-resume")[0])
    assert diff_paths(original, back) == []
    assert _keys_in_order(back) == _keys_in_order(original)


def test_a_v4_export_reads_into_its_json_resume_homes() -> None:
    resume, report = _read(V4)
    data = resume.to_data()
    basics = data["basics"]
    assert basics["name"] == "Ada Example" and basics["label"] == "Platform Engineer"
    assert basics["url"] == "https://ada.example.org" and basics["image"] == "https://ada.example.org/me.jpg"
    assert basics["location"] == {"address": "Leeds, United Kingdom"}
    assert basics["summary"] == "Builds reliable platforms.\n\nSecond paragraph."
    assert set(basics[X]) == {"url", "customFields", "picture", "summary"}  # no id noted absent: it has none
    assert basics["profiles"][0] == {
        "network": "GitHub",
        "username": "ada-example",
        "url": "https://github.com/ada-example",
        X: {"id": "prof1", "url": _url("https://github.com/ada-example", "GitHub"), "icon": "github"},
    }
    job = data["work"][0]
    assert (job["name"], job["position"], job["location"]) == ("Northwind Ltd", "Lead Engineer", "Remote")
    assert job["startDate"] == "2020-01" and "endDate" not in job
    assert job["summary"] == "Runs the platform team."
    assert job["highlights"] == ["Cut costs by 30%", "Hired & trained six people"]
    assert job[X] == {"id": "exp1"}  # the rest is made again from the JSON Resume keys
    hidden = data["work"][1]
    assert hidden[X]["visible"] is False and hidden[X]["date"] == "Summer 2015" and "startDate" not in hidden
    school = data["education"][0]
    assert (school["startDate"], school["endDate"], school["score"]) == ("2009", "2012", "First")
    assert school["summary"] == "Thesis on schedulers."
    assert data["certificates"][0]["date"] == "2021-03"
    assert data["projects"][0]["startDate"] == data["projects"][0]["endDate"] == "2018"
    assert data["projects"][0]["description"] == "A job scheduler."
    assert data["projects"][0][X]["description"] == "Open source"
    assert data["skills"][0] == {
        "name": "Kubernetes",
        "level": "Advanced",
        "keywords": ["Helm", "ArgoCD"],
        X: {"id": "sk1", "level": 4},
    }
    assert data["languages"][0]["language"] == "French" and data["languages"][0]["fluency"] == "Fluent"
    assert data["references"][0]["reference"] == "Ada is great."
    assert data[X]["rest"]["metadata"] == V4["metadata"]
    assert data[X]["otherSections"]["custom"] == V4["sections"]["custom"]
    messages = {(n.path, n.message.split(":")[0].split(";")[0]) for n in report.warnings}
    assert ("/work/1", "hidden in Reactive Resume") in messages
    assert ("/interests", "the section is hidden in Reactive Resume") in messages
    assert any(p == "/basics/summary" and m.startswith("formatting") for p, m in messages)
    assert any(p == "/work/1/startDate" for p, _ in messages)  # 'Summer 2015' is no date: kept as text
    assert any("Talks" in n.message for n in report.warnings)
    assert not report.losses


def test_a_v5_export_reads_into_its_json_resume_homes() -> None:
    resume, report = _read(V5)
    data = resume.to_data()
    assert data["basics"]["url"] == "https://ada.example.org" and data["basics"]["summary"] == "Builds platforms."
    assert data["basics"]["location"] == {"city": "Leeds"}
    job = data["work"][0]
    assert job["highlights"] == ["Cut costs by 30%"] and "summary" not in job
    assert job["url"] == "https://northwind.example" and job[X]["website"]["label"] == "northwind"
    assert job[X]["roles"][0]["position"] == "Engineer" and job[X]["options"] == {"showLinkInTitle": True}
    school = data["education"][0]
    assert (school["institution"], school["studyType"], school["startDate"], school["endDate"]) == (
        "Eastmoor University",
        "BSc",
        "2009",
        "2012",
    )
    assert school["location"] == "Eastmoor" and school[X]["hidden"] is True
    assert data["certificates"][0] == {
        "name": "Cloud Architect",
        "issuer": "Northwind Academy",
        "date": "2021",
        X: {"id": "0b7f2c1e-4"},
    }
    assert data["skills"][0]["level"] == "Expert" and data["skills"][0][X]["level"] == 5
    assert data[X]["version"] == 5 and data[X]["summary"] == {"title": "About", "columns": 1, "hidden": False}
    assert any(n.path == "/education/0" and "hidden" in n.message for n in report.warnings)
    assert any("Side projects" in n.message for n in report.warnings)
    # A custom section of a section type (v5) is read into that section, its entries marked.
    assert data["projects"] == [
        {"name": "Kiln", "startDate": "2023", "endDate": "2023", X: {"id": "p1", "x-section": "c-1"}}
    ]
    assert data[X]["rest"]["customSections"][0]["items"] == []


def test_an_entry_of_a_v5_custom_section_goes_back_there_and_a_new_one_to_the_main_section() -> None:
    resume, _ = _read(V5)
    data = resume.to_data()
    data["projects"].insert(0, {"name": "Lathe"})
    doc = json.loads(dumps(Resume.model_validate(data), "reactive-resume")[0])
    assert [i["name"] for i in doc["sections"]["projects"]["items"]] == ["Lathe"]
    assert [i["name"] for i in doc["customSections"][0]["items"]] == ["Kiln"]


def test_an_edited_value_wins_over_the_kept_one() -> None:
    resume, _ = _read(V4)
    data = resume.to_data()
    data["work"][0]["highlights"].append("Wrote the runbook")
    data["work"][1]["startDate"] = "2015-06"
    data["basics"]["summary"] = "Edited."
    back = json.loads(dumps(Resume.model_validate(data), "reactive-resume")[0])
    job = back["sections"]["experience"]["items"]
    assert job[0]["summary"].endswith("<li><p>Wrote the runbook</p></li></ul>")
    assert job[1]["date"] == "Jun 2015 - Present" and job[1]["visible"] is False
    assert back["sections"]["summary"]["content"] == "<p>Edited.</p>"


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Jan 2020 - Present", {"startDate": "2020-01"}),
        ("2018 – 2020", {"startDate": "2018", "endDate": "2020"}),
        ("2014-2020", {"startDate": "2014", "endDate": "2020"}),
        ("March 2019 to June 2021", {"startDate": "2019-03", "endDate": "2021-06"}),
        ("2016", {"startDate": "2016", "endDate": "2016"}),
        ("Until 2021", {"endDate": "2021"}),
        ("2020-05 - heute", {"startDate": "2020-05"}),
        ("Summer 2015", None),
        ("2019 - soon", None),
        # The separators of i18n.split_range, shared with the DOCX reader (the copy here lacked them).
        ("2018 ~ 2020", {"startDate": "2018", "endDate": "2020"}),
        ("2017 至 2019", {"startDate": "2017", "endDate": "2019"}),
        ("2019-heute", {"startDate": "2019"}),
        ("2016-aujourd'hui", {"startDate": "2016"}),
    ],
)
def test_periods_read_as_start_and_end(text: str, dates: dict[str, str] | None) -> None:
    assert read_range(text) == dates


@pytest.mark.parametrize(
    ("start", "end"), [("2020-01", None), ("2018", "2020"), ("2016", "2016"), (None, "2021"), ("2020-01-15", "2020-03")]
)
def test_written_periods_read_back_as_the_same_dates(start: str | None, end: str | None) -> None:
    assert read_range(write_range(start, end)) == {k: v for k, v in (("startDate", start), ("endDate", end)) if v}


def test_the_writer_writes_v5_by_default_and_v4_when_asked() -> None:
    resume = Resume.model_validate({"basics": {"name": "Ada Example"}, "work": [{"name": "Northwind Ltd"}]})
    v5 = json.loads(dumps(resume, "reactive-resume")[0])
    assert list(v5) == ["picture", "basics", "summary", "sections", "customSections", "metadata"]
    assert v5["sections"]["experience"]["items"][0]["company"] == "Northwind Ltd"
    v4 = json.loads(dumps(resume, "reactive-resume", version="4")[0])
    assert list(v4) == ["basics", "sections", "metadata"]
    assert set(v4["sections"]) == {
        "summary", "awards", "certifications", "education", "experience", "volunteer", "interests",
        "languages", "profiles", "projects", "publications", "references", "skills", "custom",
    }  # fmt: skip
    item = v4["sections"]["experience"]["items"][0]
    assert item["visible"] is True and item["id"].isalnum() and item["id"][0].isalpha() and item["id"].islower()


def test_writing_another_version_than_read_says_what_does_not_carry_over() -> None:
    resume, _ = _read(V4)
    written, report = dumps(resume, "reactive-resume", version="v5")
    doc = json.loads(written)
    assert doc["sections"]["experience"]["items"][0]["company"] == "Northwind Ltd"
    assert doc["sections"]["experience"]["items"][0]["id"] == "exp1"
    assert any(n.path == f"/{X}" for n in report.losses)


def test_fields_reactive_resume_has_no_place_for_are_named_losses() -> None:
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada Example", "x-pronouns": "she/her"},
            "work": [{"name": "Northwind Ltd", "description": "Logistics", "highlights": []}],
            "education": [{"institution": "Eastmoor University", "courses": ["Compilers"]}],
            "volunteer": [],
            "meta": {"version": "1.0"},
        }
    )
    written, report = dumps(resume, "reactive-resume", version="v4")
    assert {n.path for n in report.losses} == {
        "/basics/x-pronouns",
        "/work/0/description",
        "/work/0/highlights",
        "/education/0/courses",
        "/volunteer",
        "/meta",
    }
    assert json.loads(written)["sections"]["experience"]["items"][0]["company"] == "Northwind Ltd"


def _carried(resume: Resume, version: str) -> tuple[Any, Any]:
    written, report = dumps(resume, "reactive-resume", version=version)
    back = cvconvert.read(io.BytesIO(written), "reactive-resume").to_data()
    for entry in [back, back.get("basics") or {}, *(e for v in back.values() if isinstance(v, list) for e in v)]:
        if isinstance(entry, dict):
            entry.pop(X, None)
    for profile in (back.get("basics") or {}).get("profiles") or ():
        profile.pop(X, None)
    if back.get("basics") == {} and "basics" not in resume.to_data():
        del back["basics"]
    changed = Report([n for n in report if n.kind == "warning"])
    return masked(resume.to_data(), report), masked(back, changed)


@pytest.mark.parametrize("version", ["v4", "v5"])
@pytest.mark.parametrize("path", [*sample_files(), *CORPUS], ids=lambda p: p.stem)
def test_json_resume_to_reactive_resume_and_back_keeps_what_it_does_not_report(path: Path, version: str) -> None:
    before, after = _carried(cvconvert.read(path), version)
    assert diff_paths(before, after) == []


@settings(max_examples=60, deadline=None)
@given(resumes)
def test_generated_resumes_keep_what_reactive_resume_does_not_report(resume: Resume) -> None:
    for version in ("v4", "v5"):
        before, after = _carried(resume, version)
        assert diff_paths(before, after) == []


def test_the_format_name_and_extensions(tmp_path: Path) -> None:
    source = tmp_path / "cv.rr.json"
    source.write_text(json.dumps(V4), encoding="utf-8")
    assert cvconvert.read(source).to_data() == _read(V4)[0].to_data()
    cvconvert.convert(source, tmp_path / "out.reactive.json")
    assert json.loads((tmp_path / "out.reactive.json").read_text(encoding="utf-8")) == V4
    plain = tmp_path / "export.json"  # as Reactive Resume names its download
    plain.write_text(json.dumps(V5), encoding="utf-8")
    cvconvert.convert(plain, tmp_path / "again.rr.json")
    assert json.loads((tmp_path / "again.rr.json").read_text(encoding="utf-8")) == V5


def test_a_json_resume_given_to_the_reactive_reader_is_refused_by_name() -> None:
    with pytest.raises(cvconvert.InvalidInputError, match="not a Reactive Resume export"):
        cvconvert.read(io.BytesIO(b'{"basics": {"name": "Ada"}}'), "reactive-resume")


def test_an_html_description_s_formatting_is_dropped_with_a_warning_and_kept() -> None:
    doc = copy.deepcopy(V4)
    doc["sections"]["experience"]["items"][0]["summary"] = '<p>Led <a href="https://x.example">X</a>.</p><h3>Stack</h3>'
    resume, report = _read(doc)
    job = resume.to_data()["work"][0]
    assert job["summary"] == "Led X.\n\nStack" and job[X]["summary"].startswith("<p>Led <a")
    assert any(n.path == "/work/0/summary" and "formatting" in n.message for n in report.warnings)
    assert json.loads(dumps(resume, "reactive-resume")[0]) == doc


def test_an_entry_without_the_name_reactive_resume_requires_gets_a_placeholder_with_a_warning() -> None:
    # Reactive Resume refuses a whole file over one item with an empty company (its schema's min(1)).
    resume = Resume.model_validate({"work": [{"position": "Engineer"}], "skills": [{"keywords": ["Go"]}]})
    for version in ("v4", "v5"):
        written, report = dumps(resume, "reactive-resume", version=version)
        doc = json.loads(written)
        assert doc["sections"]["experience"]["items"][0]["company"] == "(untitled)"
        assert doc["sections"]["skills"]["items"][0]["name"] == "(untitled)"
        assert {n.path for n in report.warnings} >= {"/work/0/name", "/skills/0/name"}


def test_an_item_with_an_empty_required_field_comes_back_empty() -> None:
    doc = copy.deepcopy(V4)
    doc["sections"]["experience"]["items"][1]["company"] = ""
    resume, _ = _read(doc)
    assert "name" not in resume.to_data()["work"][1]
    assert json.loads(dumps(resume, "reactive-resume")[0]) == doc


def test_hidden_items_stay_hidden_in_the_other_version() -> None:
    resume, _ = _read(V4)
    v5 = json.loads(dumps(resume, "reactive-resume", version="v5")[0])
    assert [i["hidden"] for i in v5["sections"]["experience"]["items"]] == [False, True]
    back, _ = _read(v5)
    v4 = json.loads(dumps(back, "reactive-resume", version="v4")[0])
    assert [i["visible"] for i in v4["sections"]["experience"]["items"]] == [True, False]


def test_the_cli_writes_the_version_asked(tmp_path: Path) -> None:
    from tests.helpers import run_bounded

    source = tmp_path / "cv.json"
    source.write_text('{"basics": {"name": "Ada Example"}, "work": [{"name": "Northwind Ltd"}]}', encoding="utf-8")
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.rr.json"), "-O", "version=v4", "-q")
    assert code == 0, err
    assert list(json.loads((tmp_path / "cv.rr.json").read_text(encoding="utf-8"))) == ["basics", "sections", "metadata"]


@pytest.mark.parametrize("version", ["v4", "v5"])
def test_a_written_export_has_every_field_the_schema_requires(version: str) -> None:
    # Reactive Resume's import validates with zod: an item without one of its fields is refused.
    from cvconvert.formats._reactive import _tables as t

    table, flags, basics = (
        (t.V4_SECTIONS, t.V4_ITEM_FLAGS, t.V4_BASICS)
        if version == "v4"
        else (t.V5_SECTIONS, t.V5_ITEM_FLAGS, t.V5_BASICS)
    )
    path = sample_files()[0]
    data = cvconvert.read(path).to_data()
    for section in ("work", "volunteer", "education", "awards", "certificates", "publications", "skills", "languages"):
        data.setdefault(section, [{}])
    for section in ("interests", "references", "projects"):
        data.setdefault(section, [{}])
    doc = json.loads(dumps(Resume.model_validate(data), "reactive-resume", version=version)[0])
    pseudo = {"summary"} | ({"picture"} if version == "v5" else set())
    assert set(doc["basics"]) == {f.name for f in basics} - pseudo
    for key, (_, fields) in table.items():
        section = doc["sections"][key]
        assert section["items"], key
        for item in section["items"]:
            assert set(item) == {"id", *(f.name for f in flags + fields)}, key
    if version == "v4":
        assert set(doc["sections"]) == {*table, "summary", "custom"}
        assert set(doc["metadata"]) == {"template", "layout", "css", "page", "theme", "typography", "notes"}
    else:
        assert set(doc["sections"]) == set(table)
        assert set(doc["metadata"]) == {"template", "layout", "css", "page", "design", "typography", "notes"}
        assert set(doc["summary"]) == {"title", "columns", "hidden", "content"}


def _perturbed(doc: dict[str, Any], where: str, field: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    holder = {"basics": out["basics"], "top": out, "item": out["sections"]["experience"]["items"][0]}[where]
    if value is _DELETE:
        holder.pop(field, None)
    else:
        holder[field] = value
    return out


_DELETE = object()


@pytest.mark.parametrize(
    ("doc", "where", "field", "value"),
    [
        (V4, "top", "summary", {}),  # a v4 export with a key of v5's name: still v4, the key kept
        (V4, "top", "extra", 1),
        (V5, "top", "summary", {"title": "About"}),  # a summary without content gets none
        (V4, "basics", "url", _DELETE),
    ],
    ids=["v4-top-summary", "v4-extra", "v5-summary-without-content", "v4-without-url"],
)
def test_odd_exports_come_back_the_same(doc: dict[str, Any], where: str, field: str, value: Any) -> None:
    original = _perturbed(doc, where, field, value)
    resume, _ = _read(original)
    back = json.loads(dumps(resume, "reactive-resume")[0])
    assert back == original
    assert _keys_in_order(back) == _keys_in_order(original)


def test_a_v4_summary_section_without_content_comes_back_without() -> None:
    doc = copy.deepcopy(V4)
    del doc["sections"]["summary"]["content"]
    resume, _ = _read(doc)
    assert json.loads(dumps(resume, "reactive-resume")[0]) == doc


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12)
    | st.sampled_from(["", "Jan 2020 - Present", "2019", "<p>a <b>b</b></p><ul><li>c</li></ul>", "Leeds, UK"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["href", "url", "label", "content", "items"]), inner, max_size=3),
    max_leaves=5,
)  # fmt: skip
_FIELDS = st.sampled_from(
    ["company", "date", "period", "summary", "description", "url", "website", "name", "visible", "hidden", "id",
     "headline", "location", "picture", "customFields", "metadata", "customSections", "extra"]
)  # fmt: skip


def test_a_v5_picture_of_null_comes_back_null() -> None:
    # Regression (found by the test below): a null picture came back as the default picture.
    original = _perturbed(V5, "top", "picture", None)
    resume, _ = _read(original)
    assert json.loads(dumps(resume, "reactive-resume")[0]) == original


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([V4, V5]), st.sampled_from(["basics", "top", "item"]), _FIELDS, _VALUES | st.just(_DELETE))
def test_exports_with_any_value_anywhere_come_back_the_same_or_are_refused(
    doc: dict[str, Any], where: str, field: str, value: Any
) -> None:
    original = _perturbed(doc, where, field, value)
    try:
        resume, _ = _read(original)
    except cvconvert.InvalidInputError as exc:
        assert "\n" not in str(exc)
        return
    assert json.loads(dumps(resume, "reactive-resume")[0]) == original


@pytest.mark.parametrize("version", ["v4", "v5"])
def test_a_changed_highlight_is_noted_at_its_own_index(version: str) -> None:
    # Regression: the note pointed at the whole list (/work/0/highlights), not the item changed.
    resume = Resume.model_validate(
        {"work": [{"name": "Northwind Ltd", "highlights": ["plain", "kept", "tab\there", "two  spaces"]}]}
    )
    written, report = dumps(resume, "reactive-resume", version=version)
    back = cvconvert.read(io.BytesIO(written), "reactive-resume")
    assert back.work[0].highlights == ["plain", "kept", "tab here", "two spaces"]
    changed = {n.path for n in report.warnings if "/highlights" in n.path}
    assert changed == {"/work/0/highlights/2", "/work/0/highlights/3"}
