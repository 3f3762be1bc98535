"""FRESH, RenderCV and LinkedIn files with values of the wrong type: read, or one clean line.

Never the reader net's "cannot read this ... (TypeError ...)" line, which means a reader bug.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.helpers import zip_of

FRESH_ODD = [
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "employment": {"history": "x"}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "skills": {"list": 5, "sets": "abc"}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "skills": {"sets": [1, "s", {"name": "Web"}]}},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "social": "x", "location": 5, "info": [1]},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "writing": [{"title": "T", "publisher": {"name": "P", "x": 1}}]},
    {"name": "A", "meta": {"format": "FRESH@1.0.0"}, "projects": [{"title": "P", "role": 5}], "recognition": [3]},
]
RENDERCV_ODD = [
    "cv:\n  name: A\n  sections:\n    a: 5\n",
    "cv:\n  name: A\n  sections:\n    exp:\n    - company: X\n      position: 5\n    - 7\n",
    "cv:\n  name: A\n  social_networks: 5\n  sections: {}\n",
    "cv:\n  name: A\n  location: [1, 2]\n  sections:\n    skills:\n    - label: X\n      details: [1]\n",
]


@pytest.mark.parametrize("data", FRESH_ODD, ids=range(len(FRESH_ODD)))
def test_fresh_with_values_of_the_wrong_type_reads_or_refuses_cleanly(tmp_path: Path, data: dict[str, object]) -> None:
    source = tmp_path / "cv.fresh.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    _reads_or_refuses(source)


@pytest.mark.parametrize("text", RENDERCV_ODD, ids=range(len(RENDERCV_ODD)))
def test_rendercv_with_values_of_the_wrong_type_reads_or_refuses_cleanly(tmp_path: Path, text: str) -> None:
    source = tmp_path / "cv.rendercv.yaml"
    source.write_text(text, encoding="utf-8")
    _reads_or_refuses(source)


@pytest.mark.parametrize(
    "profile",
    [
        "First Name,Summary\nA," + "x" * 200_000 + "\n",  # past the csv module's field bound
        'First Name,Geo Location\nA,","\n',
        "First Name,Last Name\nA,B,extra,cells\n",
        "First Name\nA\x00B\n",
    ],
    ids=["huge field", "comma place", "extra cells", "NUL byte"],
)
def test_linkedin_odd_csv_reads_or_refuses_cleanly(tmp_path: Path, profile: str) -> None:
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"Profile.csv": profile.encode()}))
    _reads_or_refuses(source)


def _reads_or_refuses(source: Path) -> None:
    try:
        resume, _ = cvconvert.read_with_report(source)
    except InvalidInputError as exc:
        assert "cannot read this" not in str(exc), str(exc)[:300]
        assert "\n" not in str(exc)
        return
    # Written back to its own dialect (a LinkedIn export, which is read only, to JSON) it works too.
    target = source.with_name("again.json" if source.suffix == ".zip" else "again" + "".join(source.suffixes))
    cvconvert.write(resume, target)


def test_a_linkedin_csv_of_millions_of_rows_is_refused_within_the_bounds(tmp_path: Path) -> None:
    from tests.helpers import assert_one_line_error, run_bounded

    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"Profile.csv": b"First Name\nA\n", "Skills.csv": b"Name\n" + b"x\n" * 10_000_000}))
    code, err, _, _ = run_bounded(str(source), str(tmp_path / "cv.json"))
    assert_one_line_error(code, err, "export.zip")
    assert "max_entries" in err


def test_linkedin_member_names_that_climb_out_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "export.zip"
    source.write_bytes(zip_of({"../Profile.csv": b"First Name\nA\n"}))
    with pytest.raises(InvalidInputError):
        cvconvert.read(source)
