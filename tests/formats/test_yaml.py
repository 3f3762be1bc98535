"""The yaml format: the same model, safe loading, strings stay strings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import cvconvert
from cvconvert.errors import InvalidInputError, LimitExceededError
from tests.conftest import sample_files
from tests.strategies import resume_data


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_samples_round_trip_through_yaml(path: Path) -> None:
    resume = cvconvert.read(path)
    out, report = cvconvert.dumps(resume, "yaml")
    assert not report.notes
    assert cvconvert.read(out, "yaml") == resume


@given(resume_data)
def test_yaml_round_trip_is_lossless(data: dict[str, object]) -> None:
    resume = cvconvert.Resume.model_validate(data)
    out, _ = cvconvert.dumps(resume, "yaml")
    back, report = cvconvert.read_with_report(out, "yaml", strict=True)
    assert not report.notes
    assert back.to_data() == data


def test_scalars_that_yaml_would_retype_stay_text_in_known_fields() -> None:
    text = b"""
basics:
  name: 2021
  phone: 0123
  label: yes
  location: {postalCode: 01234, city: null}
work:
  - startDate: 2021-07-15
    endDate: 2022-01
    highlights: [true, 1.5, 2021-07-15, ~]
x-years: 5
x-flag: no
x-when: 2021-07-15
"""
    resume, report = cvconvert.read_with_report(text, "yaml")
    assert [n.path for n in report] == ["/work/0/highlights/3"]  # the null
    assert resume.to_data() == {
        "basics": {"name": "2021", "phone": "0123", "label": "yes", "location": {"postalCode": "01234", "city": None}},
        "work": [{"startDate": "2021-07-15", "endDate": "2022-01", "highlights": ["true", "1.5", "2021-07-15"]}],
        "x-years": 5,
        "x-flag": False,
        "x-when": "2021-07-15",
    }


def test_text_that_looks_like_other_types_is_quoted_on_writing() -> None:
    resume = cvconvert.Resume.model_validate({"basics": {"name": "yes", "phone": "0123", "label": "2021-07-15"}})
    out, _ = cvconvert.dumps(resume, "yaml")
    assert b"name: 'yes'" in out and b"phone: '0123'" in out and b"label: '2021-07-15'" in out


def test_python_tags_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="not valid YAML"):
        cvconvert.read(b"basics: !!python/object/apply:os.system ['echo hi']\n", "yaml")


def test_alias_bomb_is_refused_in_bounded_time() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append("x-bomb: *a11")
    with pytest.raises(LimitExceededError, match="nodes"):
        cvconvert.read("\n".join(lines).encode(), "yaml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"- a\n- b\n", "expected a résumé object, found a JSON array"),
        (b"basics: [unclosed\n", "not valid YAML"),
        (b"a: 1\n---\nb: 2\n", "not valid YAML"),
        (b"[" * 100_000, "YAML"),
    ],
)
def test_bad_yaml_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        cvconvert.read(data, "yaml")
    assert message in str(info.value)
    assert "\n" not in str(info.value)
