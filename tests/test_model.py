"""The model: unknown fields kept in order, date precision, tolerant repairs, strict refusals."""

from __future__ import annotations

import json

import pytest

import cvconvert
from cvconvert import dates
from cvconvert._load import load_resume
from cvconvert.errors import InvalidInputError
from cvconvert.model import Resume


def _roundtrip(data: dict[str, object]) -> dict[str, object]:
    resume, report = load_resume(data)
    assert not report.notes
    return resume.to_data()


def test_unknown_fields_are_kept_at_every_level_after_the_known_ones() -> None:
    data = {
        "x-top": 1,
        "$schema": "https://example.com/schema.json",
        "basics": {"x-b": [1, {"y": None}], "name": "Ann", "location": {"x-l": True, "city": "Oslo"}},
        "work": [{"x-w": "k", "company": "old-name-kept?", "name": "ACME", "highlights": ["a"]}],
        "meta": {"theme": "elegant", "version": "v1"},
    }
    back = _roundtrip(data)
    assert back == data
    assert list(back) == ["$schema", "basics", "work", "meta", "x-top"]
    assert list(back["basics"]) == ["name", "location", "x-b"]  # type: ignore[call-overload]
    assert list(back["meta"]) == ["version", "theme"]  # type: ignore[call-overload]


@pytest.mark.parametrize("value", ["2021", "2021-07", "2021-07-15"])
def test_dates_keep_their_precision(value: str) -> None:
    assert _roundtrip({"work": [{"startDate": value}]}) == {"work": [{"startDate": value}]}
    assert dates.parse(value).iso() == value


def test_absent_end_date_means_present_and_stays_absent() -> None:
    resume = Resume.model_validate({"work": [{"name": "A", "startDate": "2020"}]})
    assert resume.work is not None and resume.work[0].endDate is None
    assert "endDate" not in resume.to_data()["work"][0]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2019-1", "2019-01"),
        ("2019-1-5", "2019-01-05"),
        ("07/2025", "2025-07"),
        ("2007.06", "2007-06"),
        ("May 2014", "2014-05"),
        ("Sept. 2017", "2017-09"),
        ("2021-07-15T10:00:00Z", "2021-07-15"),
        (2019, "2019"),
        ("31/12/2019", "2019-12-31"),
    ],
)
def test_tolerant_mode_repairs_dates_with_a_warning(given: object, expected: str) -> None:
    resume, report = load_resume({"work": [{"startDate": given}]})
    assert resume.to_data() == {"work": [{"startDate": expected}]}
    assert [n.path for n in report.warnings] == ["/work/0/startDate"]


@pytest.mark.parametrize("word", ["Present", "now", "Current", "至今", "", "heute"])
def test_present_words_in_end_date_become_no_end_date(word: str) -> None:
    resume, report = load_resume({"work": [{"name": "A", "endDate": word}]})
    assert resume.to_data() == {"work": [{"name": "A"}]}
    assert report.warnings[0].path == "/work/0/endDate"


def test_an_unreadable_date_is_removed_and_reported() -> None:
    resume, report = load_resume({"awards": [{"title": "T", "date": "Ongoing"}]})
    assert resume.to_data() == {"awards": [{"title": "T"}]}
    assert report.warnings[0].path == "/awards/0/date"
    assert "Ongoing" in report.warnings[0].message


def test_plain_string_entries_become_objects_with_a_warning() -> None:
    resume, report = load_resume({"skills": ["Python", {"name": "Go"}], "interests": ["Chess"]})
    assert resume.to_data() == {"skills": [{"name": "Python"}, {"name": "Go"}], "interests": [{"name": "Chess"}]}
    assert [n.path for n in report] == ["/skills/0", "/interests/0"]


def test_pre_1_0_names_are_read_as_the_current_ones() -> None:
    old = {
        "basics": {"picture": "p.png", "website": "https://a.example"},
        "work": [{"company": "ACME", "website": "https://acme.example"}],
        "education": [{"gpa": "4.0"}],
        "publications": [{"website": "https://pub.example"}],
    }
    resume, report = load_resume(old)
    assert resume.to_data() == {
        "basics": {"image": "p.png", "url": "https://a.example"},
        "work": [{"name": "ACME", "url": "https://acme.example"}],
        "education": [{"score": "4.0"}],
        "publications": [{"url": "https://pub.example"}],
    }
    assert {n.path for n in report} == {
        "/basics/picture",
        "/basics/website",
        "/work/0/company",
        "/work/0/website",
        "/education/0/gpa",
        "/publications/0/website",
    }


def test_an_old_name_beside_the_new_one_is_kept_as_an_unknown_field() -> None:
    data = {"work": [{"company": "Old", "name": "New"}]}
    resume, report = load_resume(data)
    assert resume.to_data() == {"work": [{"name": "New", "company": "Old"}]}
    assert not report.notes


def test_wrong_types_are_repaired_with_warnings() -> None:
    data = {
        "basics": {"location": {"postalCode": 310013}, "summary": ["a", "b"], "url": {"href": "https://x.example"}},
        "work": [{"location": {"city": "Oslo", "countryCode": "NO"}, "highlights": "one"}],
        "projects": [{"name": {"de": "Werk", "en": "Work"}}],
        "references": 0,
    }
    resume, report = load_resume(data)
    assert resume.to_data() == {
        "basics": {"url": "https://x.example", "summary": "a\nb", "location": {"postalCode": "310013"}},
        "work": [{"location": "Oslo, NO", "highlights": ["one"]}],
        "projects": [{"name": "Work"}],
    }
    assert {n.path for n in report} == {
        "/basics/location/postalCode",
        "/basics/summary",
        "/basics/url",
        "/work/0/location",
        "/work/0/highlights",
        "/projects/0/name",
        "/references",
    }


def test_strict_mode_lists_every_offending_field() -> None:
    data = {
        "basics": {"name": 3, "email": "nope"},
        "work": [{"endDate": "Present"}, {"highlights": [1]}],
        "skills": ["Python"],
    }
    with pytest.raises(InvalidInputError) as info:
        load_resume(data, strict=True)
    assert {p for p, _ in info.value.problems} == {
        "/basics/name",
        "/basics/email",
        "/work/0/endDate",
        "/work/1/highlights/0",
        "/skills/0",
    }
    assert "\n" not in str(info.value)


def test_strict_mode_refuses_null_where_the_schema_wants_a_type() -> None:
    with pytest.raises(InvalidInputError) as info:
        load_resume({"work": [{"name": None}]}, strict=True)
    assert info.value.problems[0][0] == "/work/0/name"
    resume, report = load_resume({"work": [{"name": None}]})
    assert resume.to_data() == {"work": [{"name": None}]} and not report.notes


def test_strict_and_tolerant_agree_on_a_valid_sample() -> None:
    data = json.loads((cvconvert.api.Path(__file__).parent.parent / "samples" / "lea-dubois.fr.json").read_text())
    strict, _ = load_resume(data, strict=True)
    tolerant, report = load_resume(data)
    assert strict == tolerant and not report.notes


def test_top_level_must_be_an_object() -> None:
    with pytest.raises(InvalidInputError, match="expected a résumé object, found a JSON array"):
        load_resume([1, 2])


def test_json_pointers_escape_slash_and_tilde() -> None:
    _, report = load_resume({"skills": [{"name": "a", "keywords": "x"}], "x/y~z": 1})
    assert [n.path for n in report] == ["/skills/0/keywords"]
    from cvconvert.report import pointer

    assert pointer("x/y~z", 0) == "/x~1y~0z/0"


def test_report_hidden_kind_is_its_own_list_and_in_json_only_when_present() -> None:
    from cvconvert.report import Report

    report = Report()
    report.warn("/basics/name", "trimmed")
    assert "hidden" not in report.as_json()
    report.hide("/speaking", "in the data part, not on the page")
    assert [n.path for n in report.hidden] == ["/speaking"]
    assert report.losses == []
    assert report.as_json()["hidden"] == [{"path": "/speaking", "message": "in the data part, not on the page"}]
