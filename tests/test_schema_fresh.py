"""schemas/resume.schema.json is generated from the model and must be kept in step."""

from __future__ import annotations

import json

import jsonschema

from cvconvert.schema import render
from tests.conftest import ROOT, sample_files

CHECKED_IN = ROOT / "schemas" / "resume.schema.json"


def test_checked_in_schema_is_fresh() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == render(), (
        "schemas/resume.schema.json is stale: run `python -m cvconvert.schema > schemas/resume.schema.json`"
    )


def test_samples_validate_against_the_generated_schema() -> None:
    schema = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sample_files():
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, (path.name, errors[:1])


def test_generated_schema_refuses_a_bad_date() -> None:
    schema = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid({"work": [{"startDate": "Present"}]})
