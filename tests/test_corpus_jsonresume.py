"""Conformance over ../shared/corpus/jsonresume: real files people published, every schema era."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pyjson5
import pytest

import cvconvert
from cvconvert.errors import InvalidInputError
from tests.conftest import corpus_resumes, shared_path
from tests.helpers import diff_paths, masked

CORPUS, NOT_RESUMES = corpus_resumes()


def _parsed(path: Path) -> object:
    text = path.read_bytes().decode("utf-8-sig")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return pyjson5.decode(text)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(shared_path("reference", "jsonresume", "schema.json").read_text())
    # The checks jsonschema applies by default: "email" (an "@"); "uri" needs extra packages.
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker(formats=["email"]))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_corpus_file_loads_tolerantly_and_round_trips(path: Path) -> None:
    resume, report = cvconvert.read_with_report(path)
    back = json.loads(cvconvert.dumps(resume, "json")[0])
    # Only the fields a warning names may differ from what the file says (paths only on failure:
    # the corpus holds personal data that must stay out of test logs).
    assert diff_paths(masked(back, report), masked(_parsed(path), report)) == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_strict_mode_agrees_with_the_official_schema(path: Path, validator: jsonschema.Draft7Validator) -> None:
    try:
        data = json.loads(path.read_bytes())
    except ValueError:
        with pytest.raises(InvalidInputError):
            cvconvert.read(path, strict=True)
        return
    expected = {"/" + "/".join(str(p) for p in e.absolute_path) for e in validator.iter_errors(data)}
    expected = {p if p != "/" else "" for p in expected}
    try:
        cvconvert.read(path, strict=True)
    except InvalidInputError as exc:
        found = {p for p, _ in exc.problems}
    else:
        found = set()
    assert found == expected


def test_corpus_is_present_in_ci() -> None:
    shared_path("corpus", "jsonresume")
    assert len(CORPUS) + len(NOT_RESUMES) >= 90


def test_a_file_that_is_no_json_resume_is_refused_or_read_by_its_own_reader_never_as_a_blank_cv() -> None:
    shared_path("corpus", "jsonresume")
    # One file of the corpus uses keys of its own (nom, bio, contact): refused. One is a Reactive
    # Resume export: read by that format's mapping, so it has a name.
    assert len(NOT_RESUMES) == 2
    for path in NOT_RESUMES:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
        if isinstance(data.get("metadata"), dict):
            resume, report = cvconvert.read_with_report(path)
            assert resume.basics is not None and resume.basics.name
            assert any("Reactive Resume" in n.message for n in report) or resume.to_data().get("x-reactiveResume")
        else:
            with pytest.raises(InvalidInputError, match=r"holds no résumé"):
                cvconvert.read(path)
